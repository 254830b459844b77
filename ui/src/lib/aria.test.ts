import { describe, expect, it } from "vitest";
import { ariaDescribedBy, ariaInvalid } from "./aria";

describe("ariaInvalid", () => {
  it("is true only while there is an error", () => {
    expect(ariaInvalid("Jumlah belum benar")).toBe(true);
    expect(ariaInvalid(undefined)).toBeUndefined();
    expect(ariaInvalid(null)).toBeUndefined();
    expect(ariaInvalid("")).toBeUndefined();
  });
});

describe("ariaDescribedBy", () => {
  it("names the error line, then the help line", () => {
    expect(ariaDescribedBy("debt-due", true, true)).toBe("debt-due-error debt-due-help");
  });

  it("names only what is shown", () => {
    expect(ariaDescribedBy("cash-note", true)).toBe("cash-note-error");
    expect(ariaDescribedBy("cash-amount", false, true)).toBe("cash-amount-help");
  });

  it("is absent when neither line is shown", () => {
    expect(ariaDescribedBy("cash-note", false)).toBeUndefined();
    expect(ariaDescribedBy("cash-note", false, false)).toBeUndefined();
  });
});
