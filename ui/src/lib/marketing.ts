// Pure rules of the Pelanggan marketing tabs (Ulasan, Pesan promosi, Rencana konten) and the
// CRM reports: stars as text, the placeholders of a promotion message and where a click puts
// them, the month calendar of the content plan (Monday first), post statuses and channels
// with their labels and colours, and the review and post forms.
// Messages are filled by the backend (`campaign`); nothing is sent from here.
// No Svelte, no Tauri: unit-tested in marketing.test.ts.

import type { ContentPost, PostInput, PostStatus, ReportKind, ReviewInput, UiError } from "./bindings";
import type { Tone } from "./customers";
import type { Checked } from "./ledger";
import type { MessageKey } from "./messages";
import { CHANNEL_KEYS } from "./orders";
import { addDays, daysInMonth, isIsoDate, isoDate, weekday, type YearMonth } from "./period";

const blank = (s: string): boolean => s.trim() === "";

// ---------- Stars ----------

export const MAX_STARS = 5;

/** A rating as whole stars 0–5 (anything else is clamped and rounded). */
export function starCount(rating: number): number {
  if (!Number.isFinite(rating)) return 0;
  return Math.min(MAX_STARS, Math.max(0, Math.round(rating)));
}

/** 4 → "★★★★☆": filled stars, then empty ones up to five. */
export function starText(rating: number): string {
  const n = starCount(rating);
  return "★".repeat(n) + "☆".repeat(MAX_STARS - n);
}

/** 4 → "★★★★": the filled stars only (as the testimonials text writes them). */
export function filledStars(rating: number): string {
  return "★".repeat(starCount(rating));
}

/**
 * The rating a key press on the star buttons moves to: → / ↑ one more, ← / ↓ one less
 * (1 to 5, no wrapping), Home 1, End 5, a digit 1–5 that many. Null for any other key.
 * From no rating yet (0), → gives 1.
 */
export function starKey(current: number, key: string): number | null {
  const n = starCount(current);
  switch (key) {
    case "ArrowRight":
    case "ArrowUp":
      return Math.min(MAX_STARS, Math.max(1, n + 1));
    case "ArrowLeft":
    case "ArrowDown":
      return Math.max(1, n - 1);
    case "Home":
      return 1;
    case "End":
      return MAX_STARS;
    default:
      return /^[1-5]$/.test(key) ? Number(key) : null;
  }
}

/** The mean rating of some reviews (null for none). */
export function averageRating(reviews: readonly { rating: number }[]): number | null {
  if (reviews.length === 0) return null;
  return reviews.reduce((sum, r) => sum + starCount(r.rating), 0) / reviews.length;
}

// ---------- Promotion messages ----------

/** What the backend fills in a template, in the order the buttons show them. */
export const PLACEHOLDERS = ["nama", "produk_terakhir", "kode_promo"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** "nama" → "{nama}", as written in a template. */
export const placeholderToken = (p: Placeholder): string => `{${p}}`;

export const PLACEHOLDER_KEYS: Record<Placeholder, MessageKey> = {
  nama: "campaign.placeholder.nama",
  produk_terakhir: "campaign.placeholder.produk_terakhir",
  kode_promo: "campaign.placeholder.kode_promo",
};

export type Insertion = { text: string; cursor: number };

/**
 * Puts `token` where the cursor is in `text`, replacing what is selected (`start`–`end`),
 * and says where the cursor goes next: right after the token. Positions out of range are
 * brought inside the text; a selection made backwards is read forwards.
 */
export function insertAtCursor(text: string, start: number, end: number, token: string): Insertion {
  const clamp = (n: number): number => (Number.isFinite(n) ? Math.min(text.length, Math.max(0, Math.trunc(n))) : text.length);
  const a = clamp(Math.min(start, end));
  const b = clamp(Math.max(start, end));
  return { text: text.slice(0, a) + token + text.slice(b), cursor: a + token.length };
}

/** The placeholders a template uses, in the order of PLACEHOLDERS. */
export function usedPlaceholders(template: string): Placeholder[] {
  return PLACEHOLDERS.filter((p) => template.includes(placeholderToken(p)));
}

/** Words in braces the backend does not know ("{nama pelanggan}", "{Nama}"): they are sent as written. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(PLACEHOLDERS.map(placeholderToken));
  const out: string[] = [];
  for (const m of template.matchAll(/\{[^{}\n]{1,40}\}/g)) {
    const token = m[0];
    if (!known.has(token) && !out.includes(token)) out.push(token);
  }
  return out;
}

/** The template uses {kode_promo} but no code is typed: the messages would have a gap. */
export function promoCodeMissing(template: string, code: string): boolean {
  return template.includes(placeholderToken("kode_promo")) && blank(code);
}

/** "3 of 12 opened": how many rows of the list were sent on to WhatsApp. */
export function sentCount(ids: readonly string[], sent: ReadonlySet<string>): number {
  return ids.filter((id) => sent.has(id)).length;
}

// ---------- The content calendar ----------

/** Day of the week with Monday first: 0 = Senin … 6 = Minggu. */
export function mondayIndex(iso: string): number {
  return (weekday(iso) + 6) % 7;
}

/** The column headings, Monday first (Sen, Sel, Rab, Kam, Jum, Sab, Min). */
export const WEEKDAY_SHORT_KEYS: readonly MessageKey[] = [
  "weekday.short.1",
  "weekday.short.2",
  "weekday.short.3",
  "weekday.short.4",
  "weekday.short.5",
  "weekday.short.6",
  "weekday.short.0",
];

export type CalendarDay = {
  /** ISO day. */
  date: string;
  /** Day of the month, 1–31. */
  day: number;
  /** In the month shown (the first and last weeks also hold days of the months around it). */
  inMonth: boolean;
};

/**
 * The weeks of a month as a calendar shows them: 7 days each, Monday first, from the Monday
 * on or before the 1st to the Sunday on or after the last day. 4 to 6 weeks.
 */
export function monthGrid(ym: YearMonth): CalendarDay[][] {
  const first = isoDate(ym.year, ym.month, 1);
  const last = isoDate(ym.year, ym.month, daysInMonth(ym.year, ym.month));
  const start = addDays(first, -mondayIndex(first));
  const end = addDays(last, 6 - mondayIndex(last));
  const weeks: CalendarDay[][] = [];
  let week: CalendarDay[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const [y, m, day] = d.split("-").map(Number);
    week.push({ date: d, day: day ?? 1, inMonth: y === ym.year && m === ym.month });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  return weeks;
}

/** The first and last day a month's calendar shows (the posts to read for it). */
export function gridRange(ym: YearMonth): { from: string; to: string } {
  const weeks = monthGrid(ym);
  const from = weeks[0]?.[0]?.date ?? isoDate(ym.year, ym.month, 1);
  const to = weeks[weeks.length - 1]?.[6]?.date ?? isoDate(ym.year, ym.month, daysInMonth(ym.year, ym.month));
  return { from, to };
}

/** Posts by their day, each day's in the order given. */
export function postsByDay<P extends Pick<ContentPost, "date">>(posts: readonly P[]): Map<string, P[]> {
  const out = new Map<string, P[]>();
  for (const p of posts) {
    const list = out.get(p.date);
    if (list) list.push(p);
    else out.set(p.date, [p]);
  }
  return out;
}

/** The posts of one month, by date (for the list under the calendar). */
export function postsInMonth<P extends Pick<ContentPost, "date">>(posts: readonly P[], ym: YearMonth): P[] {
  const prefix = `${String(ym.year).padStart(4, "0")}-${String(ym.month).padStart(2, "0")}-`;
  return posts.filter((p) => p.date.startsWith(prefix)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// ---------- Post statuses and channels ----------

export const POST_STATUSES: readonly PostStatus[] = ["ide", "dijadwalkan", "diposting"];

export const POST_STATUS_KEYS: Record<PostStatus, MessageKey> = {
  ide: "content.status.ide",
  dijadwalkan: "content.status.dijadwalkan",
  diposting: "content.status.diposting",
};

/** Grey for an idea, amber once it has a day (waiting to go out), green when it is online. */
export const POST_STATUS_TONE: Record<PostStatus, Tone> = {
  ide: "neutral",
  dijadwalkan: "warning",
  diposting: "success",
};

export function isPostStatus(code: string): code is PostStatus {
  return (POST_STATUSES as readonly string[]).includes(code);
}

export function postStatusKey(code: string): MessageKey {
  return isPostStatus(code) ? POST_STATUS_KEYS[code] : POST_STATUS_KEYS.ide;
}

export function postStatusTone(code: string): Tone {
  return isPostStatus(code) ? POST_STATUS_TONE[code] : "neutral";
}

/** Where a post goes, in the order the form offers them. */
export const CONTENT_CHANNELS = ["instagram", "facebook", "tiktok", "whatsapp", "tokopedia", "shopee", "lainnya"] as const;
export type ContentChannel = (typeof CONTENT_CHANNELS)[number];

export function isContentChannel(code: string): code is ContentChannel {
  return (CONTENT_CHANNELS as readonly string[]).includes(code);
}

/** The label of a channel code; an unknown one reads "Lainnya". */
export function contentChannelKey(code: string): MessageKey {
  return isContentChannel(code) ? CHANNEL_KEYS[code] : CHANNEL_KEYS.lainnya;
}

// ---------- The post form ----------

export type PostField = "date" | "channel" | "product" | "caption" | "status";
export const POST_FIELDS: readonly PostField[] = ["date", "channel", "product", "caption", "status"];

export type PostFields = { date: string; channel: ContentChannel; caption: string; status: PostStatus };

export function emptyPostFields(date: string): PostFields {
  return { date, channel: "instagram", caption: "", status: "ide" };
}

export function postToFields(p: ContentPost): PostFields {
  return {
    date: p.date,
    channel: isContentChannel(p.channel) ? p.channel : "lainnya",
    caption: p.caption,
    status: isPostStatus(p.status) ? p.status : "ide",
  };
}

/** What add_post and update_post take; `product` is a SKU, barcode or id ("" for none). */
export function preparePostInput(f: PostFields, product: string): Checked<PostInput, PostField> {
  const hints: Partial<Record<PostField, MessageKey>> = {};
  if (!isIsoDate(f.date)) hints.date = "content.error.date";
  if (blank(f.caption)) hints.caption = "content.error.caption";
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    input: { date: f.date, channel: f.channel, product: product.trim(), caption: f.caption.trim(), status: f.status },
  };
}

/** A product chosen in a form: `ref` is what the backend takes (id or SKU; "" while only its name is known). */
export type ChosenProduct = { ref: string; name: string; sku: string };

/** The product of a post is kept by name: the one of that name in a search answer (any case). */
export function productByName<P extends { name: string }>(name: string, list: readonly P[]): P | null {
  const key = name.trim().replace(/\s+/g, " ").toLocaleLowerCase("id");
  if (key === "") return null;
  return list.find((p) => p.name.trim().replace(/\s+/g, " ").toLocaleLowerCase("id") === key) ?? null;
}

// ---------- The review form ----------

export type ReviewField = "customer" | "order" | "product" | "rating" | "text";
export const REVIEW_FIELDS: readonly ReviewField[] = ["customer", "order", "product", "rating", "text"];

export type ReviewFields = { customer: string; order: string; product: string; rating: number; text: string };

export function emptyReviewFields(customer = ""): ReviewFields {
  return { customer, order: "", product: "", rating: 0, text: "" };
}

/**
 * What add_review takes: a customer, 1–5 stars, and an order or a product (or both).
 * `customer` is the chosen customer's id; `product` a SKU, barcode or id; the date is today.
 */
export function prepareReviewInput(f: ReviewFields): Checked<ReviewInput, ReviewField> {
  const hints: Partial<Record<ReviewField, MessageKey>> = {};
  if (blank(f.customer)) hints.customer = "review.error.customer";
  if (!Number.isInteger(f.rating) || f.rating < 1 || f.rating > MAX_STARS) hints.rating = "review.error.rating";
  if (blank(f.order) && blank(f.product)) hints.product = "review.error.nothing";
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    input: {
      customer: f.customer.trim(),
      order: f.order.trim(),
      product: f.product.trim(),
      rating: String(f.rating),
      text: f.text.trim(),
      date: "",
    },
  };
}

/**
 * A refusal with the form field it is about: the backend's own when the form has it, else
 * the one its code points at (an unknown order is about the order box), else none (shown
 * at the top of the form).
 */
function placeError<K extends string>(e: UiError, fields: readonly K[], byCode: Partial<Record<string, K>>): UiError {
  if (e.field && (fields as readonly string[]).includes(e.field)) return e;
  const field = byCode[e.code];
  return { ...e, field: field ?? null };
}

/** A refusal of add_review, placed by its field. */
export function placeReviewError(e: UiError): UiError {
  return placeError(e, REVIEW_FIELDS, { unknown_customer: "customer", unknown_order: "order", unknown_product: "product" });
}

/** A refusal of add_post or update_post, placed by its field. */
export function placePostError(e: UiError): UiError {
  return placeError(e, POST_FIELDS, { bad_date: "date", unknown_value: "channel", unknown_product: "product" });
}

// ---------- Reports ----------

/** The CRM reports, with the data-testid part of their buttons. */
export const CRM_REPORTS: readonly { kind: ReportKind; testid: string; title: MessageKey; about: MessageKey }[] = [
  { kind: "customers", testid: "customers", title: "crmReport.customers", about: "crmReport.customers.about" },
  { kind: "customer_service", testid: "service", title: "crmReport.service", about: "crmReport.service.about" },
  { kind: "marketing", testid: "marketing", title: "crmReport.marketing", about: "crmReport.marketing.about" },
];

/** The customer report is "as of" a day: the period's end, but never after today. */
export function asOfDate(to: string, today: string): string {
  return to > today ? today : to;
}
