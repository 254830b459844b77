// Calendar periods for Pembukuan and Laporan: months, their first and last days, closing lists.
// Dates are plain "YYYY-MM-DD" strings (a calendar day, no time zone), as the backend sends them.
// No Svelte, no Tauri: unit-tested in period.test.ts.

/** A calendar month; `month` is 1–12. */
export type YearMonth = { year: number; month: number };

/** A period of whole days, both ends included. */
export type Period = { from: string; to: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** True for a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month: 28–31. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "2026-11-22" → { year, month, day }, or null when it is not a real calendar day. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** { 2026, 2, 5 } → "2026-02-05". */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** The month a date falls in. Throws RangeError for a text that is not a date. */
export function monthOf(date: string): YearMonth {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`monthOf: not a date: ${date}`);
  return { year: d.year, month: d.month };
}

/** First and last day of a month: { 2026, 2 } → ["2026-02-01", "2026-02-28"]. */
export function monthBounds(ym: YearMonth): [string, string] {
  return [isoDate(ym.year, ym.month, 1), isoDate(ym.year, ym.month, daysInMonth(ym.year, ym.month))];
}

/** First and last day of the month of a date: "2026-02-10" → ["2026-02-01", "2026-02-28"]. */
export function monthRange(date: string): [string, string] {
  return monthBounds(monthOf(date));
}

/** The month's period, as the period pickers hold it. */
export function monthPeriod(ym: YearMonth): Period {
  const [from, to] = monthBounds(ym);
  return { from, to };
}

/**
 * From 1 January of the year of `today` up to `today` itself: "2026-05-20" →
 * { from: "2026-01-01", to: "2026-05-20" }. Throws RangeError for a text that is not a date.
 */
export function yearToDate(today: string): Period {
  const { year } = monthOf(today);
  return { from: isoDate(year, 1, 1), to: today };
}

/** `n` months later (earlier when negative): { 2026, 12 } + 1 → { 2027, 1 }. */
export function shiftMonth(ym: YearMonth, n: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** "2026-11", the key the backend uses for closed months. */
export function monthKey(ym: YearMonth): string {
  return `${String(ym.year).padStart(4, "0")}-${pad2(ym.month)}`;
}

export function sameMonth(a: YearMonth, b: YearMonth): boolean {
  return a.year === b.year && a.month === b.month;
}

/** The `count` months up to and including the month of `today`, newest first. */
export function lastMonths(today: string, count: number): YearMonth[] {
  const current = monthOf(today);
  return Array.from({ length: Math.max(0, count) }, (_, i) => shiftMonth(current, -i));
}

/** The month a period covers exactly (first to last day), or null for any other period. */
export function periodMonth(period: Period): YearMonth | null {
  if (!isIsoDate(period.from) || !isIsoDate(period.to)) return null;
  const ym = monthOf(period.from);
  const [from, to] = monthBounds(ym);
  return period.from === from && period.to === to ? ym : null;
}

/** What is wrong with a period typed by hand, if anything. */
export type PeriodProblem = "from" | "to" | "order" | null;

export function periodProblem(period: Period): PeriodProblem {
  if (!isIsoDate(period.from)) return "from";
  if (!isIsoDate(period.to)) return "to";
  // ISO dates compare correctly as strings.
  return period.from > period.to ? "order" : null;
}

// ---------- Dates as people type them ----------
// Indonesians write day first: 30/11/2026. The date fields show and read that, and keep
// the ISO "YYYY-MM-DD" the commands take.

/** Why a typed date was not read: not a date shape, a 2-digit year, or no such day (31/02). */
export type DateTextProblem = "format" | "year" | "impossible";

export type DateTextReading = { ok: true; iso: string } | { ok: false; problem: DateTextProblem };

/** D/M/YYYY with `/`, `-` or `.` between (30/11/2026, 1-2-2026, 30.11.2026). */
const DAY_FIRST = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d+)$/;
/** ISO, as pasted from elsewhere: 2026-11-30 (month and day may lose their zero). */
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function checkedDay(year: number, month: number, day: number): DateTextReading {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: "impossible" };
  }
  return { ok: true, iso: isoDate(year, month, day) };
}

/**
 * Reads a date as typed: "30/11/2026", "1/2/2026", "30-11-2026" or a pasted "2026-11-30"
 * give the ISO day. Two-digit years are refused ("year"), and so are days the calendar does
 * not have ("impossible": 31/02/2026, 29/02/2026). Empty text is a "format" problem; callers
 * that allow an empty date check for it first.
 */
export function parseDateText(text: string): DateTextReading {
  const s = text.trim();
  const iso = YEAR_FIRST.exec(s);
  if (iso) return checkedDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = DAY_FIRST.exec(s);
  if (!m) return { ok: false, problem: "format" };
  const year = m[3] ?? "";
  if (year.length !== 4) return { ok: false, problem: year.length <= 2 ? "year" : "format" };
  return checkedDay(Number(year), Number(m[2]), Number(m[1]));
}

/** "2026-11-30" → "30/11/2026", as the date fields show it. Any other text is returned as is. */
export function dateText(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return `${pad2(d.day)}/${pad2(d.month)}/${String(d.year).padStart(4, "0")}`;
}

/** Day of the week of an ISO day: 0 = Minggu (Sunday) … 6 = Sabtu. Throws RangeError for a non-date. */
export function weekday(iso: string): number {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`weekday: not a date: ${iso}`);
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(d.year, d.month - 1, d.day);
  return date.getUTCDay();
}

/** `n` days later (earlier when negative): "2026-02-28" + 1 → "2026-03-01". Throws for a non-date. */
export function addDays(iso: string, n: number): string {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`addDays: not a date: ${iso}`);
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(d.year, d.month - 1, d.day + n);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
