import { describe, expect, it, vi } from "vitest";
import { UNEXPECTED, call } from "./invoke";

describe("call", () => {
  it("passes data and refusals through", async () => {
    expect(await call("x", async () => ({ status: "ok" as const, data: 5 }))).toEqual({ ok: true, data: 5 });
    const error = { code: "locked_month", message: "Bulan 2026-10 sudah ditutup.", field: null };
    expect(await call("x", async () => ({ status: "error" as const, error }))).toEqual({ ok: false, error });
  });

  it("turns a thrown failure into the unexpected error", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(
      await call("cash_book", async () => {
        throw new Error("ipc closed");
      }),
    ).toEqual({ ok: false, error: UNEXPECTED });
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
  });
});
