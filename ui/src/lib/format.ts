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
    // Compared with a number, not a `0n` literal: the build targets engines older than BigInt
    // literal syntax (safari13), and a bigint compares with a number exactly.
    negative = value < 0;
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

/** Formats a count of things with dot thousands: `1.250`. Throws RangeError unless a whole number. */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`formatCount: not a whole number: ${n}`);
  return `${n < 0 ? "-" : ""}${groupThousands(String(Math.abs(n)))}`;
}

/**
 * Formats a quantity kept in thousandths of a unit, Indonesian style: 12000 → `12`,
 * 1500 → `1,5`, 1000000 → `1.000`, 125 → `0,125`, -2000 → `-2`. Trailing zeros of the
 * decimals are dropped (as the backend writes a quantity). Throws RangeError unless a whole number.
 */
export function formatQty(thousandths: number): string {
  if (!Number.isSafeInteger(thousandths)) throw new RangeError(`formatQty: not a whole number: ${thousandths}`);
  const abs = Math.abs(thousandths);
  const whole = Math.floor(abs / 1000);
  const frac = abs % 1000;
  const sign = thousandths < 0 ? "-" : "";
  const decimals = frac === 0 ? "" : `,${String(frac).padStart(3, "0").replace(/0+$/, "")}`;
  return `${sign}${groupThousands(String(whole))}${decimals}`;
}

/** A quantity with its unit: `12 pack`, `1,5 kg`. */
export function formatQtyUnit(thousandths: number, unit: string): string {
  const u = unit.trim();
  return u === "" ? formatQty(thousandths) : `${formatQty(thousandths)} ${u}`;
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

/** An instant: a Date, milliseconds since the Unix epoch, or an ISO timestamp. */
export type Instant = Date | number | string;

function toInstant(d: Instant, what: string): Date {
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`${what}: invalid date: ${String(d)}`);
  }
  return date;
}

/** Moves an instant so that its UTC fields read as the wall clock in `zone`. */
function inZone(date: Date, zone: Timezone): Date {
  return new Date(date.getTime() + TIMEZONE_OFFSET_HOURS[zone] * 3_600_000);
}

function toYmd(d: Instant, zone?: Timezone): Ymd {
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
  const date = toInstant(d, "formatDate");
  if (zone) {
    // The business's own zone (WIB/WITA/WIT), whatever the computer's clock zone is.
    const shifted = inZone(date, zone);
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
 * A Date, epoch milliseconds or an ISO timestamp is shown in `zone` if given, else in the
 * computer's local zone. A plain "YYYY-MM-DD" string is shown as that calendar day.
 * Throws RangeError for an invalid date.
 */
export function formatDate(d: Instant, style: DateStyle = "short", zone?: Timezone): string {
  const { year, month, day } = toYmd(d, zone);
  if (style === "numeric") {
    return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
  }
  return `${day} ${MONTHS_ID[month - 1]} ${year}`;
}

/**
 * Formats the time of day, 24-hour with a colon: `09:05`, `22:30`.
 * Shown in `zone` if given, else in the computer's local zone. Throws RangeError for an invalid date.
 */
export function formatTime(d: Instant, zone?: Timezone): string {
  const date = toInstant(d, "formatTime");
  const shifted = zone ? inZone(date, zone) : null;
  const h = shifted ? shifted.getUTCHours() : date.getHours();
  const m = shifted ? shifted.getUTCMinutes() : date.getMinutes();
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** Date and time in the business's zone, with the zone named: `22 Nov 2026 09:05 WITA`. */
export function formatDateTime(d: Instant, zone: Timezone): string {
  return `${formatDate(d, "short", zone)} ${formatTime(d, zone)} ${zone}`;
}

/** The same calendar day in `zone`. */
export function sameDay(a: Instant, b: Instant, zone: Timezone): boolean {
  return formatDate(a, "numeric", zone) === formatDate(b, "numeric", zone);
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
