import { describe, expect, it } from "vitest";
import {
  daysInMonth,
  isIsoDate,
  lastMonths,
  monthBounds,
  monthKey,
  monthOf,
  monthPeriod,
  monthRange,
  parseIsoDate,
  periodMonth,
  periodProblem,
  shiftMonth,
} from "./period";

describe("monthRange", () => {
  it("gives the first and last day of the month of a date", () => {
    expect(monthRange("2026-02-10")).toEqual(["2026-02-01", "2026-02-28"]);
    expect(monthRange("2026-11-22")).toEqual(["2026-11-01", "2026-11-30"]);
    expect(monthRange("2026-12-31")).toEqual(["2026-12-01", "2026-12-31"]);
    expect(monthRange("2026-01-01")).toEqual(["2026-01-01", "2026-01-31"]);
  });

  it("knows leap years, century years included", () => {
    expect(monthRange("2028-02-03")).toEqual(["2028-02-01", "2028-02-29"]);
    expect(monthRange("2100-02-03")).toEqual(["2100-02-01", "2100-02-28"]);
    expect(monthRange("2000-02-03")).toEqual(["2000-02-01", "2000-02-29"]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
  });

  it("refuses texts that are not calendar days", () => {
    expect(() => monthRange("2026-02-30")).toThrow(RangeError);
    expect(() => monthRange("22/11/2026")).toThrow(RangeError);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(parseIsoDate(" 2026-11-22 ")).toEqual({ year: 2026, month: 11, day: 22 });
  });
});

describe("months", () => {
  it("shift across year ends both ways", () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth({ year: 2026, month: 11 }, -23)).toEqual({ year: 2024, month: 12 });
    expect(shiftMonth({ year: 2026, month: 5 }, 0)).toEqual({ year: 2026, month: 5 });
  });

  it("have keys like the backend's closed months", () => {
    expect(monthKey({ year: 2026, month: 3 })).toBe("2026-03");
    expect(monthOf("2026-03-31")).toEqual({ year: 2026, month: 3 });
    expect(monthBounds({ year: 2026, month: 6 })).toEqual(["2026-06-01", "2026-06-30"]);
    expect(monthPeriod({ year: 2026, month: 6 })).toEqual({ from: "2026-06-01", to: "2026-06-30" });
  });

  it("list the last 12 months newest first", () => {
    const months = lastMonths("2026-02-15", 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ year: 2026, month: 2 });
    expect(months[1]).toEqual({ year: 2026, month: 1 });
    expect(months[2]).toEqual({ year: 2025, month: 12 });
    expect(months[11]).toEqual({ year: 2025, month: 3 });
    expect(lastMonths("2026-02-15", 0)).toEqual([]);
  });
});

describe("periods", () => {
  it("recognise a whole month", () => {
    expect(periodMonth({ from: "2026-02-01", to: "2026-02-28" })).toEqual({ year: 2026, month: 2 });
    expect(periodMonth({ from: "2028-02-01", to: "2028-02-28" })).toBeNull();
    expect(periodMonth({ from: "2026-02-02", to: "2026-02-28" })).toBeNull();
    expect(periodMonth({ from: "2026-02-01", to: "2026-03-31" })).toBeNull();
    expect(periodMonth({ from: "", to: "" })).toBeNull();
  });

  it("name what is wrong with a typed period", () => {
    expect(periodProblem({ from: "2026-11-01", to: "2026-11-30" })).toBeNull();
    expect(periodProblem({ from: "2026-11-30", to: "2026-11-30" })).toBeNull();
    expect(periodProblem({ from: "", to: "2026-11-30" })).toBe("from");
    expect(periodProblem({ from: "2026-11-01", to: "30/11/2026" })).toBe("to");
    expect(periodProblem({ from: "2026-12-01", to: "2026-11-30" })).toBe("order");
  });
});
