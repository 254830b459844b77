// Pure rules of a retur (goods brought back from a nota): what is left to take back per line,
// the jumlah typed per line (capped at what is left, − / + buttons, "everything left"), what
// quote_return and return_sale take, and the refund breakdown of a quote.
// The refund is never computed here: quote_return works it out in the backend (line discounts
// and the nota discount are shared out there).
// No Svelte, no Tauri: unit-tested in returns.test.ts.

import type { PaymentMethod, ReturnInput, Sale, SaleLine } from "./bindings";
import { formatQty } from "./format";
import { notaStatus } from "./kasir";
import { parseQtyText } from "./stock";

/** One unit, in thousandths. */
const ONE = 1000;

/** What of a line can still come back: sold less returned before (thousandths, never below 0). */
export function leftToReturn(l: Pick<SaleLine, "qty" | "returned">): number {
  return Math.max(l.qty - l.returned, 0);
}

/** A nota as recorded (not a cancellation or retur, not cancelled) with something left to take back. */
export function canReturn(s: Pick<Sale, "reverses" | "cancelled_by" | "is_return" | "lines">): boolean {
  return notaStatus(s) === "done" && s.lines.some((l) => leftToReturn(l) > 0);
}

/** The jumlah of each line as first shown: all empty (empty = 0). */
export function emptyReturnQtys(lines: readonly unknown[]): string[] {
  return lines.map(() => "");
}

/** A jumlah as typed, in thousandths: 0 when empty, null when it cannot be read or is below 0. */
export function returnQty(text: string): number | null {
  if (text.trim() === "") return 0;
  const q = parseQtyText(text);
  return q === null || q < 0 ? null : q;
}

/**
 * A jumlah above what is left is brought down to what is left ("5" with 3 left → "3"), and
 * `capped` says so; anything else is kept as typed.
 */
export function capReturnQty(text: string, left: number): { text: string; capped: boolean } {
  const q = returnQty(text);
  if (q === null || q <= left) return { text, capped: false };
  return { text: formatQty(left), capped: true };
}

/**
 * + or −: one unit more (never above what is left) or less (never below 0; 0 shows empty).
 * A jumlah that cannot be read counts as 0.
 */
export function stepReturnQty(text: string, left: number, step: 1 | -1): string {
  const now = returnQty(text) ?? 0;
  const next = step > 0 ? Math.min(now + ONE, left) : Math.max(Math.min(now, left) - ONE, 0);
  return next === 0 ? "" : formatQty(next);
}

/** − can take something off; + can add while below what is left. */
export const canStepReturnDown = (text: string): boolean => (returnQty(text) ?? 0) > 0;
export const canStepReturnUp = (text: string, left: number): boolean => (returnQty(text) ?? 0) < left;

/** "Retur semua sisa": every line at what is left (empty where nothing is). */
export function returnAllQtys(lines: readonly Pick<SaleLine, "qty" | "returned">[]): string[] {
  return lines.map((l) => {
    const left = leftToReturn(l);
    return left > 0 ? formatQty(left) : "";
  });
}

/** Some line has a jumlah above 0. */
export function hasReturnQty(qtys: readonly string[]): boolean {
  return qtys.some((text) => (returnQty(text) ?? 0) > 0);
}

/** The indexes of lines whose jumlah cannot be read. */
export function unreadableReturnQtys(qtys: readonly string[]): number[] {
  const out: number[] = [];
  qtys.forEach((text, i) => {
    if (returnQty(text) === null) out.push(i);
  });
  return out;
}

/**
 * What quote_return and return_sale take: the lines with a jumlah (numbered from 1, as on the
 * nota), the refund method, the method's usual account, the reason, and whether the goods are
 * damaged (not back on the shelf). Empty and 0 lines are left out; a jumlah that cannot be
 * read is sent as typed so the backend names the problem.
 */
export function returnInput(
  qtys: readonly string[],
  method: PaymentMethod,
  reason: string,
  damaged = false,
): ReturnInput {
  const lines: ReturnInput["lines"] = [];
  qtys.forEach((text, i) => {
    if (returnQty(text) !== 0) lines.push({ line: i + 1, qty: text.trim() });
  });
  return { lines, method, account: "", reason: reason.trim(), damaged };
}

export type RefundBreakdown = {
  /** Harga barang: Σ jumlah × harga of what comes back. */
  goods: number;
  /** The line discounts given on what comes back. */
  lineDiscount: number;
  /** The share of the diskon nota that goes with what comes back. */
  orderDiscount: number;
  /** Uang dikembalikan: goods − lineDiscount − orderDiscount. */
  refund: number;
};

const flip = (n: number): number => (n === 0 ? 0 : -n);

/**
 * The refund of a quote_return answer, as positive amounts. The quote is a retur nota: its
 * subtotal, discount (line + nota), nota discount and total are all negative.
 */
export function refundBreakdown(q: Pick<Sale, "subtotal" | "discount" | "order_discount" | "total">): RefundBreakdown {
  return {
    goods: flip(q.subtotal),
    lineDiscount: flip(q.discount - q.order_discount),
    orderDiscount: flip(q.order_discount),
    refund: flip(q.total),
  };
}
