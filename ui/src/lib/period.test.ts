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
  addDays,
  dateText,
  parseDateText,
  weekday,
  parseIsoDate,
  periodMonth,
  periodProblem,
  shiftMonth,
  yearToDate,
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

describe("dates as typed", () => {
  it("read day first, with or without leading zeros", () => {
    expect(parseDateText("30/11/2026")).toEqual({ ok: true, iso: "2026-11-30" });
    expect(parseDateText("1/2/2026")).toEqual({ ok: true, iso: "2026-02-01" });
    expect(parseDateText("01/02/2026")).toEqual({ ok: true, iso: "2026-02-01" });
    expect(parseDateText("30-11-2026")).toEqual({ ok: true, iso: "2026-11-30" });
    expect(parseDateText("30.11.2026")).toEqual({ ok: true, iso: "2026-11-30" });
    expect(parseDateText(" 5 / 6 / 2026 ")).toEqual({ ok: true, iso: "2026-06-05" });
  });

  it("read a pasted ISO date", () => {
    expect(parseDateText("2026-11-30")).toEqual({ ok: true, iso: "2026-11-30" });
    expect(parseDateText("2026-2-1")).toEqual({ ok: true, iso: "2026-02-01" });
  });

  it("know leap days", () => {
    expect(parseDateText("29/02/2028")).toEqual({ ok: true, iso: "2028-02-29" });
    expect(parseDateText("29/02/2026")).toEqual({ ok: false, problem: "impossible" });
    expect(parseDateText("29/02/2100")).toEqual({ ok: false, problem: "impossible" });
    expect(parseDateText("29/02/2000")).toEqual({ ok: true, iso: "2000-02-29" });
  });

  it("refuse days the calendar does not have", () => {
    expect(parseDateText("31/02/2026")).toEqual({ ok: false, problem: "impossible" });
    expect(parseDateText("31/04/2026")).toEqual({ ok: false, problem: "impossible" });
    expect(parseDateText("0/11/2026")).toEqual({ ok: false, problem: "impossible" });
    expect(parseDateText("12/13/2026")).toEqual({ ok: false, problem: "impossible" });
    expect(parseDateText("2026-02-30")).toEqual({ ok: false, problem: "impossible" });
  });

  it("refuse two-digit years and other shapes", () => {
    expect(parseDateText("30/11/26")).toEqual({ ok: false, problem: "year" });
    expect(parseDateText("30/11/202")).toEqual({ ok: false, problem: "format" });
    expect(parseDateText("30/11")).toEqual({ ok: false, problem: "format" });
    expect(parseDateText("30 November 2026")).toEqual({ ok: false, problem: "format" });
    expect(parseDateText("11/30/2026 x")).toEqual({ ok: false, problem: "format" });
    expect(parseDateText("")).toEqual({ ok: false, problem: "format" });
  });

  it("show ISO days day first", () => {
    expect(dateText("2026-11-30")).toBe("30/11/2026");
    expect(dateText("2026-02-01")).toBe("01/02/2026");
    expect(dateText("")).toBe("");
    expect(dateText("31/02/2026")).toBe("31/02/2026");
    expect(parseDateText(dateText("2028-02-29"))).toEqual({ ok: true, iso: "2028-02-29" });
  });

  it("name the weekday and step days", () => {
    expect(weekday("2026-11-22")).toBe(0); // Minggu
    expect(weekday("2026-11-30")).toBe(1); // Senin
    expect(weekday("2028-02-29")).toBe(2); // Selasa
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-11-30", 0)).toBe("2026-11-30");
    expect(() => weekday("2026-02-30")).toThrow(RangeError);
  });
});

describe("yearToDate", () => {
  it("runs from 1 January of today's year to today", () => {
    expect(yearToDate("2026-05-20")).toEqual({ from: "2026-01-01", to: "2026-05-20" });
    expect(yearToDate("2024-12-31")).toEqual({ from: "2024-01-01", to: "2024-12-31" });
  });

  it("is a single day on 1 January", () => {
    expect(yearToDate("2027-01-01")).toEqual({ from: "2027-01-01", to: "2027-01-01" });
  });

  it("is not a whole month unless today is 31 January", () => {
    expect(periodMonth(yearToDate("2026-03-15"))).toBeNull();
    expect(periodMonth(yearToDate("2026-01-31"))).toEqual({ year: 2026, month: 1 });
  });

  it("refuses a text that is not a date", () => {
    expect(() => yearToDate("2026-02-30")).toThrow(RangeError);
    expect(() => yearToDate("")).toThrow(RangeError);
  });
});
