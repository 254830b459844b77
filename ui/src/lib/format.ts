// Shared display formats (see PRODUCT.md "Formats").
// Every amount of money shown anywhere in the app goes through formatRupiah.

import type { Timezone } from "./bindings";

/** Groups the digits of a non-negative integer string with dots: "1250000" -> "1.250.000". */
function groupThousands(digits: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ".";
    out += digits[i];
  }
  return out;
}

/**
 * Formats whole rupiah: `Rp1.250.000`, `-Rp5.000`, `Rp0`.
 * Dot thousands separator, no decimals, no space after "Rp".
 * A fractional `number` is rounded to the nearest rupiah (halves away from zero).
 * Throws RangeError for NaN and ±Infinity.
 */
export function formatRupiah(value: number | bigint): string {
  let negative: boolean;
  let digits: string;
  if (typeof value === "bigint") {
    negative = value < 0n;
    digits = (negative ? -value : value).toString();
  } else {
    if (!Number.isFinite(value)) {
      throw new RangeError(`formatRupiah: not a finite number: ${value}`);
    }
    const rounded = Math.round(Math.abs(value));
    negative = value < 0 && rounded !== 0;
    // BigInt() is exact for every integral double, so large values keep all their digits.
    digits = BigInt(rounded).toString();
  }
  return `${negative ? "-" : ""}Rp${groupThousands(digits)}`;
}

/** Indonesian month abbreviations, as printed on nota and reports. */
export const MONTHS_ID = [
  "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
] as const;

/** Hours ahead of UTC; Indonesia has no daylight saving time. */
export const TIMEZONE_OFFSET_HOURS: Record<Timezone, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** "short" -> `22 Nov 2026`; "numeric" -> `22/11/2026`. */
export type DateStyle = "short" | "numeric";

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

type Ymd = { year: number; month: number; day: number }; // month 1..12

function toYmd(d: Date | string, zone?: Timezone): Ymd {
  if (typeof d === "string") {
    // A plain calendar date ("2026-11-22") names a day, not an instant:
    // never shift it through a time zone.
    const m = DATE_ONLY.exec(d);
    if (m) {
      const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
      const check = new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day));
      if (
        check.getUTCFullYear() !== ymd.year ||
        check.getUTCMonth() !== ymd.month - 1 ||
        check.getUTCDate() !== ymd.day
      ) {
        throw new RangeError(`formatDate: invalid date: ${d}`);
      }
      return ymd;
    }
  }
  const date = typeof d === "string" ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`formatDate: invalid date: ${String(d)}`);
  }
  if (zone) {
    // The business's own zone (WIB/WITA/WIT), whatever the computer's clock zone is.
    const shifted = new Date(date.getTime() + TIMEZONE_OFFSET_HOURS[zone] * 3_600_000);
    return {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
    };
  }
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/**
 * Formats a date as `22 Nov 2026` ("short") or `22/11/2026` ("numeric").
 * A Date or an ISO timestamp is shown in `zone` if given, else in the computer's local zone.
 * A plain "YYYY-MM-DD" string is shown as that calendar day.
 * Throws RangeError for an invalid date.
 */
export function formatDate(d: Date | string, style: DateStyle = "short", zone?: Timezone): string {
  const { year, month, day } = toYmd(d, zone);
  if (style === "numeric") {
    return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
  }
  return `${day} ${MONTHS_ID[month - 1]} ${year}`;
}

/**
 * Shows a stored phone number (`6281234567890`, digits starting with 62) the way people
 * read it: `+62 812-3456-7890`. Anything else is returned unchanged.
 */
export function formatPhone(stored: string): string {
  if (!/^62\d{7,13}$/.test(stored)) return stored;
  const national = stored.slice(2);
  const groups = [national.slice(0, 3)];
  let rest = national.slice(3);
  while (rest.length > 6) {
    groups.push(rest.slice(0, 4));
    rest = rest.slice(4);
  }
  if (rest) groups.push(rest);
  return `+62 ${groups.join("-")}`;
}
