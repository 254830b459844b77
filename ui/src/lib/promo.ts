// Pure rules of promo codes: a code as typed (upper case, letters, digits and dashes), the
// status of a promo on a day, how its discount reads ("10%", "Rp5.000"), the Buat kode promo
// form and where a refusal goes, one code given to several promos at once, the rows of the
// Pemakaian promo table, and the code kept with a cart at the cashier (the draft, held carts)
// and sent with a sale or an order.
// Whether a code applies (period, group, minimum) and what it takes off is the backend's:
// quote_sale answers it.
// No Svelte, no Tauri: unit-tested in promo.test.ts. Imports nothing that imports back
// (kasir.ts and orders.ts use it).

import type { PromoCode, PromoCodeInput, PromoCodeUse, PromoKind, Sale, SaleInput, Segment, UiError } from "./bindings";
import { formatDate, formatRupiah } from "./format";
import { parseAmountText, type Checked } from "./ledger";
import type { MessageKey } from "./messages";
import { isIsoDate, monthRange, type Period } from "./period";

const blank = (s: string): boolean => s.trim() === "";

// ---------- A code as typed ----------

/** The backend keeps codes of at most this many characters. */
export const CODE_MAX = 20;

/**
 * "hemat 10!" → "HEMAT10": upper case, only the letters A–Z, digits and dashes the backend
 * takes, at most CODE_MAX of them. Used as the cashier types, so it never refuses a key.
 */
export function promoCodeText(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9-]/g, "")
    .slice(0, CODE_MAX);
}

/** Where the caret goes once `text` is cleaned: after what was before it, cleaned. */
export function promoCodeCaret(text: string, caret: number): number {
  const at = Number.isFinite(caret) ? Math.min(Math.max(0, Math.trunc(caret)), text.length) : text.length;
  return promoCodeText(text.slice(0, at)).length;
}

// ---------- Status and labels ----------

export type PromoCodeStatus = "running" | "planned" | "ended" | "stopped";

/**
 * A promo on `today` (ISO): stopped by hand (whatever its dates), not started yet, running
 * (first and last day included), or over.
 */
export function promoCodeStatus(p: Pick<PromoCode, "from" | "to" | "active">, today: string): PromoCodeStatus {
  if (!p.active) return "stopped";
  if (today < p.from) return "planned";
  return today > p.to ? "ended" : "running";
}

export const PROMO_STATUS_KEYS: Record<PromoCodeStatus, MessageKey> = {
  running: "promoCode.status.running",
  planned: "promoCode.status.planned",
  ended: "promoCode.status.ended",
  stopped: "promoCode.status.stopped",
};

/** A badge colour (app.css `.badge.tone-…`): green while it runs, teal before, grey after, red when stopped. */
export const PROMO_STATUS_TONE: Record<PromoCodeStatus, "success" | "info" | "neutral" | "danger"> = {
  running: "success",
  planned: "info",
  ended: "neutral",
  stopped: "danger",
};

/** "10%" for a percent off, "Rp5.000" for a Rupiah amount off. */
export function promoValueText(p: Pick<PromoCode, "kind" | "value">): string {
  return p.kind === "persen" ? `${p.value}%` : formatRupiah(p.value);
}

/** "Rp50.000", or null for a promo without a minimum purchase. */
export function minPurchaseText(p: Pick<PromoCode, "min_purchase">): string | null {
  return p.min_purchase > 0 ? formatRupiah(p.min_purchase) : null;
}

/**
 * The days a promo runs, short: "1 Nov – 30 Nov 2026" within a year (the year once),
 * "15 Des 2026 – 15 Jan 2027" across two. `from` and `to` are ISO days.
 */
export function promoPeriodParts(p: Pick<PromoCode, "from" | "to">): { from: string; to: string } {
  const from = formatDate(p.from);
  const to = formatDate(p.to);
  const sameYear = p.from.slice(0, 4) === p.to.slice(0, 4);
  return { from: sameYear ? from.replace(/ \d{4}$/, "") : from, to };
}

/** The two kinds, in the order the form shows them. */
export const PROMO_KINDS: readonly PromoKind[] = ["persen", "potongan"];

export const PROMO_KIND_KEYS: Record<PromoKind, MessageKey> = {
  persen: "promoCode.kind.persen",
  potongan: "promoCode.kind.potongan",
};

// ---------- The Buat kode promo form ----------

export type PromoField = "name" | "code" | "kind" | "value" | "min_purchase" | "from" | "to" | "segment";

/** In the order the form shows them. */
export const PROMO_FIELDS: readonly PromoField[] = ["name", "code", "kind", "value", "min_purchase", "from", "to", "segment"];

export type PromoFields = {
  name: string;
  code: string;
  kind: PromoKind;
  value: string;
  min_purchase: string;
  /** ISO day (a date field holds it), or the text as typed while it is not a date. */
  from: string;
  to: string;
  /** "" for every customer. */
  segment: Segment | "";
};

/** A new promo: a percent off, for everyone, from today to the end of this month. */
export function emptyPromoFields(today: string): PromoFields {
  const to = isIsoDate(today) ? monthRange(today)[1] : "";
  return { name: "", code: "", kind: "persen", value: "", min_purchase: "", from: today, to, segment: "" };
}

/** "10", "10%", " 10 % " → 10; null unless a whole percent from 1 to 100. */
export function parsePercent(text: string): number | null {
  const m = /^(\d{1,3})\s*%?$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 100 ? n : null;
}

/** What add_promo_code takes; the obvious slips are named before anything is sent. */
export function preparePromoInput(f: PromoFields): Checked<PromoCodeInput, PromoField> {
  const hints: Partial<Record<PromoField, MessageKey>> = {};
  const code = promoCodeText(f.code);
  if (blank(f.name)) hints.name = "promoCode.error.name";
  if (code === "" || code !== f.code.trim().toUpperCase()) hints.code = "promoCode.error.code";
  let value = f.value.trim();
  if (f.kind === "persen") {
    const percent = parsePercent(value);
    if (percent === null) hints.value = "promoCode.error.percent";
    else value = String(percent);
  } else {
    const amount = parseAmountText(value);
    if (amount === null || amount <= 0) hints.value = "promoCode.error.amount";
  }
  if (!blank(f.min_purchase)) {
    const min = parseAmountText(f.min_purchase);
    if (min === null || min < 0) hints.min_purchase = "promoCode.error.min";
  }
  const from = f.from.trim();
  const to = f.to.trim();
  if (!isIsoDate(from)) hints.from = "promoCode.error.from";
  if (!isIsoDate(to)) hints.to = "promoCode.error.to";
  else if (isIsoDate(from) && to < from) hints.to = "promoCode.error.order";
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    input: {
      name: f.name.trim().replace(/\s+/g, " "),
      code,
      kind: f.kind,
      value,
      min_purchase: f.min_purchase.trim(),
      from,
      to,
      segment: f.segment,
    },
  };
}

/**
 * A refusal of add_promo_code, placed by the form field it is about: the backend's own when
 * the form has it; "dates" (the last day before the first) under Sampai; a date it could not
 * read under the date that is not one (Mulai first); an unknown group under Untuk pelanggan;
 * a code in use under Kode. Anything else goes to the top of the form.
 */
export function placePromoError(e: UiError, f: Pick<PromoFields, "from" | "to">): UiError {
  if (e.field && (PROMO_FIELDS as readonly string[]).includes(e.field)) return e;
  let field: PromoField | null = null;
  if (e.field === "dates") field = "to";
  else if (e.code === "bad_date") field = !isIsoDate(f.from.trim()) || isIsoDate(f.to.trim()) ? "from" : "to";
  else if (e.code === "unknown_value") field = "segment";
  else if (e.code === "duplicate_code") field = "code";
  return { ...e, field };
}

// ---------- One code, several promos ----------

/** A code given to two or more promos that run (or will run) on some same day. */
export type DuplicateCode = {
  /** The code, trimmed, upper case. */
  code: string;
  /** The promos that share it, in the order given. */
  ids: string[];
};

const codeKey = (code: string): string => code.trim().toUpperCase();

/**
 * Codes used by more than one promo at once. add_promo_code refuses a code another running
 * promo has over overlapping days, but it checks only the promos this computer knows: two
 * computers offline can each create the same code (and a stopped promo run again is not
 * checked either). Counted among promos not stopped and not over on `today` (ISO), codes
 * compared trimmed and in any case, and only promos whose days overlap another's with the
 * same code: one code for two periods apart (every Lebaran) is allowed. By code.
 */
export function duplicatePromoCodes(
  promos: readonly Pick<PromoCode, "id" | "code" | "from" | "to" | "active">[],
  today: string,
): DuplicateCode[] {
  const byCode = new Map<string, Pick<PromoCode, "id" | "from" | "to">[]>();
  for (const p of promos) {
    const status = promoCodeStatus(p, today);
    if (status !== "running" && status !== "planned") continue;
    const key = codeKey(p.code);
    if (key === "") continue;
    byCode.set(key, [...(byCode.get(key) ?? []), p]);
  }
  const out: DuplicateCode[] = [];
  for (const [code, group] of byCode) {
    const ids = group
      .filter((p) => group.some((q) => q !== p && p.from <= q.to && q.from <= p.to))
      .map((p) => p.id);
    if (ids.length >= 2) out.push({ code, ids });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The promo the cashier takes for `code` on `date` (ISO), as the backend does
 * (running_promo_code, promo_code_discount, over promo_codes' order): of the promos not
 * stopped with that code whose days include `date`, the one that starts latest; of two that
 * start the same day, the one made first (the smaller id: ids are time-ordered). Null when
 * none runs.
 */
export function promoUsedOn(
  promos: readonly Pick<PromoCode, "id" | "code" | "from" | "to" | "active">[],
  code: string,
  date: string,
): string | null {
  const key = codeKey(code);
  const running = promos
    .filter((p) => p.active && codeKey(p.code) === key && p.from <= date && date <= p.to)
    .sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return running[0]?.id ?? null;
}

// ---------- Pemakaian promo ----------

/**
 * The rows of the uses table for a period: every promo used in it, and the ones running
 * some day of it even if nobody used them yet. Most used first (then most discount given,
 * then by code).
 */
export function usesInPeriod(rows: readonly PromoCodeUse[], period: Period): PromoCodeUse[] {
  return rows
    .filter((r) => r.uses > 0 || (r.promo.from <= period.to && r.promo.to >= period.from))
    .sort((a, b) => b.uses - a.uses || b.discount - a.discount || (a.promo.code < b.promo.code ? -1 : a.promo.code > b.promo.code ? 1 : 0));
}

/** The table's last row. */
export function usesTotals(rows: readonly Pick<PromoCodeUse, "uses" | "discount" | "revenue">[]): {
  uses: number;
  discount: number;
  revenue: number;
} {
  return rows.reduce((s, r) => ({ uses: s.uses + r.uses, discount: s.discount + r.discount, revenue: s.revenue + r.revenue }), {
    uses: 0,
    discount: 0,
    revenue: 0,
  });
}

// ---------- At the cashier and in orders ----------

/**
 * The code kept with a cart on this computer (the cart being typed, a held cart), read back:
 * a cleaned code, or "" for none or anything that is not a text.
 */
export function keptPromo(v: unknown): string {
  return typeof v === "string" ? promoCodeText(v) : "";
}

/** `promo_code` for quote_sale, record_sale and add_order: only when there is a code. */
export function promoCodeField(code: string | undefined | null): Pick<SaleInput, "promo_code"> {
  const c = promoCodeText(code ?? "");
  return c === "" ? {} : { promo_code: c };
}

/** The refusal is about the promo code (unknown, not running, other group, below the minimum). */
export function isPromoRefusal(e: Pick<UiError, "field">): boolean {
  return e.field === "promo_code";
}

/**
 * What the chip shows for the code applied: the code, and what it took off while the quote
 * is for that code (null while it is not known yet: the cart is empty or being priced).
 * Null when no code is applied.
 */
export function appliedPromo(
  code: string | undefined | null,
  quote: Pick<Sale, "promo" | "promo_discount"> | null,
): { code: string; discount: number | null } | null {
  const c = promoCodeText(code ?? "");
  if (c === "") return null;
  return { code: c, discount: quote && quote.promo === c ? quote.promo_discount : null };
}
