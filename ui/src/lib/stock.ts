// Pure rules of the stock screens: quantities as typed, barang masuk lines and totals, the
// accounts a purchase is paid from, stock opname rows and differences, penyesuaian, the
// kartu stok labels, nilai persediaan, segera kedaluwarsa, and reading a picked file for the import.
// No Svelte, no Tauri: unit-tested in stock.test.ts.

import type { Account, CountLineInput, Product, ReceiptLineInput, UiError } from "./bindings";
import { formatCount, formatQty } from "./format";
import { activeAccounts, amountInputText, isMoneyAccount, parseAmountText } from "./ledger";
import type { MessageKey } from "./messages";

// ---------- Quantities as typed ----------

/**
 * Reads a quantity the way the backend does: `12`, `1,5`, `1.000`, `1.000,25`, `-2`; at most
 * three decimals. Gives thousandths of a unit (1,5 → 1500), or null when it cannot.
 */
export function parseQtyText(text: string): number | null {
  let t = text.trim();
  if (t === "") return null;
  let negative = false;
  if (t.startsWith("-")) {
    negative = true;
    t = t.slice(1).trim();
  }
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(t);
  if (!m || !m[1]) return null;
  const whole = Number(m[1].replace(/\./g, ""));
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length > 3) return null;
  const value = whole * 1000 + Number(frac.padEnd(3, "0"));
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}

/** A quantity put into an input for editing: 1500 → "1,5". */
export const qtyInputText = (thousandths: number): string => formatQty(thousandths);

/** Value of `qty` (thousandths) at `unitCost` a unit, rounded half away from zero as the backend does. */
export function qtyValue(qty: number, unitCost: number): number {
  const product = qty * unitCost;
  const whole = Math.trunc(product / 1000);
  const rest = product % 1000;
  return Math.abs(rest) >= 500 ? whole + Math.sign(product) : whole;
}

// ---------- Barang masuk ----------

/** The product of a line, as far as the dialog needs it. */
export type LineProduct = Pick<Product, "id" | "name" | "sku" | "unit">;

export type ReceiptLine = { product: LineProduct; qty: string; cost: string };

/** A new line: no quantity yet, the harga beli prefilled with the current HPP when there is one. */
export function newReceiptLine(p: Pick<Product, "id" | "name" | "sku" | "unit" | "avg_cost">): ReceiptLine {
  return {
    product: { id: p.id, name: p.name, sku: p.sku, unit: p.unit },
    qty: "",
    cost: p.avg_cost > 0 ? amountInputText(p.avg_cost) : "",
  };
}

/** Jumlah × harga beli of a line, or null while either cannot be read. An empty price is Rp0. */
export function lineTotal(line: Pick<ReceiptLine, "qty" | "cost">): number | null {
  const qty = parseQtyText(line.qty);
  const cost = line.cost.trim() === "" ? 0 : parseAmountText(line.cost);
  if (qty === null || qty <= 0 || cost === null || cost < 0) return null;
  return qtyValue(qty, cost);
}

/** The sum of the lines that can be read; `complete` is false while one cannot. */
export function receiptTotal(lines: readonly Pick<ReceiptLine, "qty" | "cost">[]): { total: number; complete: boolean } {
  let total = 0;
  let complete = true;
  for (const l of lines) {
    const v = lineTotal(l);
    if (v === null) complete = false;
    else total += v;
  }
  return { total, complete };
}

export function receiptLines(lines: readonly ReceiptLine[]): ReceiptLineInput[] {
  return lines.map((l) => ({ product: l.product.id, qty: l.qty.trim(), unit_cost: l.cost.trim() }));
}

/** Adds a product to the lines; a product already there is not added twice (answers its index). */
export function addReceiptLine(lines: readonly ReceiptLine[], line: ReceiptLine): { lines: ReceiptLine[]; index: number } {
  const at = lines.findIndex((l) => l.product.id === line.product.id);
  if (at >= 0) return { lines: [...lines], index: at };
  return { lines: [...lines, line], index: lines.length };
}

/** Kas, bank and dompet digital, then Utang usaha (bayar nanti): what a purchase can be paid from. */
export function payFromAccounts(accounts: readonly Account[]): Account[] {
  const active = activeAccounts(accounts);
  return [...active.filter(isMoneyAccount), ...active.filter((a) => a.role === "payable")];
}

export function isPayable(accountId: string, accounts: readonly Account[]): boolean {
  return accounts.some((a) => a.id === accountId && a.role === "payable");
}

/** The stock errors name their field; a date problem is named by its code only. */
export function withStockField(error: UiError): UiError {
  if (error?.field) return error;
  const byCode: Record<string, string> = { bad_date: "date", locked_month: "date" };
  return { ...error, field: byCode[error?.code] ?? null };
}

// ---------- Penyesuaian stok ----------

export const ADJUST_REASONS = ["rusak", "hilang", "kedaluwarsa", "lainnya"] as const;
export type AdjustReason = (typeof ADJUST_REASONS)[number];

export const REASON_KEYS: Record<AdjustReason, MessageKey> = {
  rusak: "adjust.reason.rusak",
  hilang: "adjust.reason.hilang",
  kedaluwarsa: "adjust.reason.kedaluwarsa",
  lainnya: "adjust.reason.lainnya",
};

export function isAdjustReason(value: string): value is AdjustReason {
  return (ADJUST_REASONS as readonly string[]).includes(value);
}

export type AdjustDirection = "out" | "in";

/**
 * The signed quantity an adjustment sends: Kurangi 2 → "-2", Tambah 2 → "2". A typed minus
 * always takes out ("-2" is Kurangi 2 whatever the choice).
 */
export function signedAdjustQty(direction: AdjustDirection, text: string): string {
  const t = text.trim();
  if (t === "" || t.startsWith("-")) return t;
  return direction === "out" ? `-${t}` : t;
}

/** Stock after the adjustment (thousandths), or null while the quantity cannot be read. */
export function stockAfterAdjust(stock: number, direction: AdjustDirection, text: string): number | null {
  const q = parseQtyText(signedAdjustQty(direction, text));
  if (q === null || q === 0) return null;
  return stock + q;
}

// ---------- Stok opname ----------

export type CountRow = {
  product: string;
  name: string;
  sku: string;
  unit: string;
  /** Stok tercatat (thousandths). */
  recorded: number;
  /** Jumlah dihitung, as typed. */
  counted: string;
};

/**
 * A scanned (or picked) product: a new row counting 1, or one more on its row when it is
 * already there. Answers the rows and the index of the row touched.
 */
export function addScanned(
  rows: readonly CountRow[],
  p: Pick<Product, "id" | "name" | "sku" | "unit" | "stock">,
): { rows: CountRow[]; index: number } {
  const at = rows.findIndex((r) => r.product === p.id);
  if (at >= 0) {
    const next = [...rows];
    const row = rows[at]!;
    const now = parseQtyText(row.counted) ?? 0;
    next[at] = { ...row, counted: formatQty(Math.max(now, 0) + 1000) };
    return { rows: next, index: at };
  }
  const row: CountRow = { product: p.id, name: p.name, sku: p.sku, unit: p.unit, recorded: p.stock, counted: "1" };
  return { rows: [...rows, row], index: rows.length };
}

/** Selisih: counted − recorded (thousandths), or null while the count cannot be read. */
export function countDifference(row: Pick<CountRow, "recorded" | "counted">): number | null {
  const counted = parseQtyText(row.counted);
  if (counted === null || counted < 0) return null;
  return counted - row.recorded;
}

/** The lines count_stock takes: the rows with a count typed. */
export function countLines(rows: readonly CountRow[]): CountLineInput[] {
  return rows.filter((r) => r.counted.trim() !== "").map((r) => ({ product: r.product, counted: r.counted.trim() }));
}

/** How many rows differ from the stock on record (those become adjustments). */
export function countChanges(rows: readonly CountRow[]): number {
  return rows.filter((r) => {
    const d = countDifference(r);
    return d !== null && d !== 0;
  }).length;
}

// ---------- Kartu stok ----------

const CARD_KIND_KEYS: Record<string, MessageKey> = {
  receipt: "card.kind.receipt",
  opening: "card.kind.opening",
  sale: "card.kind.sale",
  adjustment: "card.kind.adjustment",
  count: "card.kind.count",
  return: "card.kind.return",
};

/** What a kartu stok row records; a code from a newer app version reads "Lainnya". */
export function cardKindKey(kind: string): MessageKey {
  return CARD_KIND_KEYS[kind] ?? "card.kind.other";
}

/** The reason of a penyesuaian, or null for another kind of row or an unknown reason. */
export function cardReasonKey(kind: string, reason: string): MessageKey | null {
  return kind === "adjustment" && isAdjustReason(reason) ? REASON_KEYS[reason] : null;
}

// ---------- Nilai persediaan ----------

/** Sum of the values shown (the report's own total is what is displayed; this checks it). */
export function valueTotal(rows: readonly { value: number }[]): number {
  return rows.reduce((sum, r) => sum + r.value, 0);
}

// ---------- Segera kedaluwarsa ----------

/** How far ahead the expiring list looks (days), and the choice it starts with. */
export const EXPIRING_DAYS = [7, 14, 30, 60, 90] as const;
export const EXPIRING_DEFAULT_DAYS = 30;

export type ExpiryTone = "danger" | "warning" | "neutral";

/**
 * The "sisa waktu" of a product from its days_left (0: that day, negative: already past):
 * the message, its {days} (never negative) and the badge tone. Past and today are urgent,
 * within a week needs attention.
 */
export function expiryWhen(daysLeft: number): { key: MessageKey; days: number; tone: ExpiryTone } {
  if (daysLeft < 0) {
    const days = -daysLeft;
    return { key: days === 1 ? "expiring.when.pastOne" : "expiring.when.past", days, tone: "danger" };
  }
  if (daysLeft === 0) return { key: "expiring.when.today", days: 0, tone: "danger" };
  return {
    key: daysLeft === 1 ? "expiring.when.leftOne" : "expiring.when.left",
    days: daysLeft,
    tone: daysLeft <= 7 ? "warning" : "neutral",
  };
}

// ---------- Impor ----------

export const IMPORT_EXTENSIONS = [".xlsx", ".xls", ".ods", ".csv"] as const;

/** A spreadsheet or CSV the import reads (by its name). */
export function isTableFile(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return IMPORT_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** The bytes preview_import takes: each byte as a number. */
export function bytesOf(buffer: ArrayBuffer): number[] {
  return Array.from(new Uint8Array(buffer));
}

/** Reads a picked file whole. */
export async function readFileBytes(file: Blob): Promise<number[]> {
  return bytesOf(await file.arrayBuffer());
}

// ---------- Bukukan selisih ----------

/** How long after the last sync a computer counts as up to date for booking the difference. */
export const BOOK_SYNC_FRESH_MS = 15 * 60 * 1000;

/**
 * Why this computer should sync before booking the stock difference, or null when there is no
 * reason (not connected to a server, or synced within BOOK_SYNC_FRESH_MS with nothing unsent).
 * Booking on two computers before they sync would book the same difference twice, and a
 * computer that lacks the others' sales books a difference that is not there.
 */
export function bookingSyncWarning(
  view: { server_url: string | null; pending: number; last_sync_ms: number | null } | null,
  now: number,
): { key: MessageKey; params: Record<string, string> } | null {
  if (!view || view.server_url === null) return null;
  if (view.pending > 0) return { key: "value.book.unsent", params: { count: formatCount(view.pending) } };
  if (view.last_sync_ms === null || now - view.last_sync_ms > BOOK_SYNC_FRESH_MS) {
    return { key: "value.book.stale", params: { minutes: formatCount(BOOK_SYNC_FRESH_MS / 60_000) } };
  }
  return null;
}
