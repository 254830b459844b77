import { describe, expect, it } from "vitest";
import {
  MONTHS_ID,
  formatCount,
  formatDate,
  formatDateTime,
  formatPhone,
  formatQty,
  formatQtyUnit,
  formatRupiah,
  formatTime,
  sameDay,
} from "./format";

describe("formatRupiah", () => {
  it("formats zero", () => {
    expect(formatRupiah(0)).toBe("Rp0");
    expect(formatRupiah(0n)).toBe("Rp0");
    expect(formatRupiah(-0)).toBe("Rp0");
  });

  it("groups thousands with dots and puts no space after Rp", () => {
    expect(formatRupiah(1)).toBe("Rp1");
    expect(formatRupiah(999)).toBe("Rp999");
    expect(formatRupiah(1000)).toBe("Rp1.000");
    expect(formatRupiah(5000)).toBe("Rp5.000");
    expect(formatRupiah(12500)).toBe("Rp12.500");
    expect(formatRupiah(100000)).toBe("Rp100.000");
    expect(formatRupiah(1250000)).toBe("Rp1.250.000");
    expect(formatRupiah(500000000)).toBe("Rp500.000.000");
    expect(formatRupiah(4800000000)).toBe("Rp4.800.000.000");
  });

  it("puts the minus sign before Rp", () => {
    expect(formatRupiah(-5000)).toBe("-Rp5.000");
    expect(formatRupiah(-1)).toBe("-Rp1");
    expect(formatRupiah(-1250000)).toBe("-Rp1.250.000");
    expect(formatRupiah(-5000n)).toBe("-Rp5.000");
  });

  it("keeps every digit of large values", () => {
    expect(formatRupiah(9007199254740991)).toBe("Rp9.007.199.254.740.991");
    expect(formatRupiah(-9007199254740991)).toBe("-Rp9.007.199.254.740.991");
    expect(formatRupiah(9223372036854775807n)).toBe("Rp9.223.372.036.854.775.807");
    expect(formatRupiah(-9223372036854775808n)).toBe("-Rp9.223.372.036.854.775.808");
  });

  it("rounds fractions to whole rupiah, halves away from zero", () => {
    expect(formatRupiah(1499.4)).toBe("Rp1.499");
    expect(formatRupiah(1499.5)).toBe("Rp1.500");
    expect(formatRupiah(-1499.5)).toBe("-Rp1.500");
    expect(formatRupiah(-0.4)).toBe("Rp0");
  });

  it("never contains a space, non-breaking space or comma", () => {
    for (const v of [0, 7, 1250000, -5000, 123456789]) {
      expect(formatRupiah(v)).not.toMatch(/[\s\u00a0\u202f,]/);
    }
  });

  it("rejects values that are not finite numbers", () => {
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
    expect(() => formatRupiah(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("formatDate", () => {
  it("has the Indonesian month abbreviations", () => {
    expect(MONTHS_ID).toEqual(["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]);
  });

  it("formats a calendar-date string in both styles", () => {
    expect(formatDate("2026-11-22")).toBe("22 Nov 2026");
    expect(formatDate("2026-11-22", "short")).toBe("22 Nov 2026");
    expect(formatDate("2026-11-22", "numeric")).toBe("22/11/2026");
    expect(formatDate("2026-01-05", "short")).toBe("5 Jan 2026");
    expect(formatDate("2026-01-05", "numeric")).toBe("05/01/2026");
    expect(formatDate("2025-08-17", "short")).toBe("17 Agu 2025");
    expect(formatDate("2025-05-01", "short")).toBe("1 Mei 2025");
    expect(formatDate("2025-10-31", "short")).toBe("31 Okt 2025");
    expect(formatDate("2025-12-25", "short")).toBe("25 Des 2025");
  });

  it("does not shift a calendar date through the computer's time zone", () => {
    // new Date("2026-11-22") would be UTC midnight, i.e. 21 Nov west of Greenwich.
    expect(formatDate("2026-11-22", "numeric")).toBe("22/11/2026");
  });

  it("formats a local Date", () => {
    expect(formatDate(new Date(2026, 10, 22, 9, 30), "short")).toBe("22 Nov 2026");
    expect(formatDate(new Date(2026, 10, 22, 23, 59), "numeric")).toBe("22/11/2026");
    expect(formatDate(new Date(2024, 1, 29), "numeric")).toBe("29/02/2024");
  });

  it("shows an instant in the business's own zone when one is given", () => {
    // 2026-11-21 17:30 UTC is 22 Nov 00:30 WIB (UTC+7) but still 21 Nov at UTC.
    const instant = new Date(Date.UTC(2026, 10, 21, 17, 30));
    expect(formatDate(instant, "short", "WIB")).toBe("22 Nov 2026");
    // 2026-11-21 15:30 UTC: 22:30 WIB, 23:30 WITA, 00:30 next day WIT.
    const late = "2026-11-21T15:30:00Z";
    expect(formatDate(late, "numeric", "WIB")).toBe("21/11/2026");
    expect(formatDate(late, "numeric", "WITA")).toBe("21/11/2026");
    expect(formatDate(late, "numeric", "WIT")).toBe("22/11/2026");
    // New Year's Eve 16:59 UTC is 23:59 WIB; 17:00 UTC is already 1 Jan WIB.
    expect(formatDate("2026-12-31T16:59:00Z", "short", "WIB")).toBe("31 Des 2026");
    expect(formatDate("2026-12-31T17:00:00Z", "short", "WIB")).toBe("1 Jan 2027");
  });

  it("rejects invalid dates", () => {
    expect(() => formatDate("2026-02-30")).toThrow(RangeError);
    expect(() => formatDate("2026-13-01")).toThrow(RangeError);
    expect(() => formatDate("bukan tanggal")).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("formatPhone", () => {
  it("shows a stored 62-number as people read it", () => {
    expect(formatPhone("6281234567890")).toBe("+62 812-3456-7890");
    expect(formatPhone("62361234567")).toBe("+62 361-234567");
    expect(formatPhone("628123456789")).toBe("+62 812-3456-789");
  });
  it("leaves anything else alone", () => {
    expect(formatPhone("0812")).toBe("0812");
    expect(formatPhone("")).toBe("");
  });
});

describe("formatCount", () => {
  it("groups thousands with dots", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(7)).toBe("7");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1000)).toBe("1.000");
    expect(formatCount(1250000)).toBe("1.250.000");
    expect(formatCount(-5000)).toBe("-5.000");
  });
  it("refuses what is not a whole number", () => {
    expect(() => formatCount(1.5)).toThrow(RangeError);
    expect(() => formatCount(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatTime", () => {
  it("shows the time of day in the business's zone, 24-hour with a colon", () => {
    const instant = Date.UTC(2026, 10, 22, 2, 5); // 02:05 UTC
    expect(formatTime(instant, "WIB")).toBe("09:05");
    expect(formatTime(instant, "WITA")).toBe("10:05");
    expect(formatTime(instant, "WIT")).toBe("11:05");
    expect(formatTime(new Date(instant), "WIB")).toBe("09:05");
    expect(formatTime("2026-11-22T02:05:00Z", "WIB")).toBe("09:05");
    expect(formatTime("2026-12-31T16:59:00Z", "WIB")).toBe("23:59");
    expect(formatTime("2026-12-31T17:00:00Z", "WIB")).toBe("00:00");
  });

  it("uses the computer's zone when none is given", () => {
    expect(formatTime(new Date(2026, 10, 22, 7, 3))).toBe("07:03");
    expect(formatTime(new Date(2026, 10, 22, 21, 45))).toBe("21:45");
  });

  it("rejects invalid instants", () => {
    expect(() => formatTime(Number.NaN, "WIB")).toThrow(RangeError);
    expect(() => formatTime("bukan jam", "WIB")).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  it("names the date, time and zone", () => {
    expect(formatDateTime(Date.UTC(2026, 10, 22, 2, 5), "WITA")).toBe("22 Nov 2026 10:05 WITA");
    // 21 Nov 15:30 UTC: 22:30 WIB the same day, 00:30 WIT the next day.
    expect(formatDateTime(Date.UTC(2026, 10, 21, 15, 30), "WIB")).toBe("21 Nov 2026 22:30 WIB");
    expect(formatDateTime(Date.UTC(2026, 10, 21, 15, 30), "WIT")).toBe("22 Nov 2026 00:30 WIT");
  });

  it("formats epoch milliseconds as a date too", () => {
    expect(formatDate(Date.UTC(2026, 10, 21, 17, 30), "short", "WIB")).toBe("22 Nov 2026");
  });
});

describe("sameDay", () => {
  it("compares calendar days in the business's zone", () => {
    const a = Date.UTC(2026, 10, 21, 16, 30); // 23:30 WIB, 00:30 WITA (22 Nov)
    const b = Date.UTC(2026, 10, 22, 5, 0); // 12:00 WIB, 13:00 WITA (22 Nov)
    expect(sameDay(a, b, "WIB")).toBe(false);
    expect(sameDay(a, b, "WITA")).toBe(true);
  });
});

describe("formatQty", () => {
  it("shows whole units without decimals, thousands with dots", () => {
    expect(formatQty(0)).toBe("0");
    expect(formatQty(12000)).toBe("12");
    expect(formatQty(1_000_000)).toBe("1.000");
    expect(formatQty(1_250_000_000)).toBe("1.250.000");
  });

  it("shows parts of a unit with a decimal comma, trailing zeros dropped", () => {
    expect(formatQty(1500)).toBe("1,5");
    expect(formatQty(250)).toBe("0,25");
    expect(formatQty(125)).toBe("0,125");
    expect(formatQty(5)).toBe("0,005");
    expect(formatQty(1_000_500)).toBe("1.000,5");
  });

  it("puts the minus sign first", () => {
    expect(formatQty(-2000)).toBe("-2");
    expect(formatQty(-750)).toBe("-0,75");
    expect(formatQty(-1_500_000)).toBe("-1.500");
  });

  it("refuses what is not a whole number of thousandths", () => {
    expect(() => formatQty(1.5)).toThrow(RangeError);
    expect(() => formatQty(Number.NaN)).toThrow(RangeError);
  });

  it("adds the unit after a space", () => {
    expect(formatQtyUnit(12000, "pack")).toBe("12 pack");
    expect(formatQtyUnit(1500, "kg")).toBe("1,5 kg");
    expect(formatQtyUnit(3000, "")).toBe("3");
  });
});
