// Pure rules of the Kasir screens: the cart as typed (a scan adds one or one more), the
// payment lines of the Bayar panel (uang pas, round cash amounts, split payments, kembalian),
// held carts and the current cart kept on this computer (with the customer, points and promo
// code), the printer choice, nota status labels and the cash drawer check of the rekap harian.
// Prices are never computed here: quote_sale prices the cart (grosir, promo) in the backend.
// No Svelte, no Tauri: unit-tested in kasir.test.ts.

import type { Paper, PaymentMethod, Product, Sale, SaleInput, SalePaymentInput } from "./bindings";
import type { CustomerRef } from "./customers";
import { formatQty } from "./format";
import { amountInputText, parseAmountText } from "./ledger";
import type { MessageKey } from "./messages";
import { keptPromo, promoCodeField } from "./promo";
import { parseQtyText } from "./stock";

// ---------- The cart ----------

/** A line of the cart as typed: the product, its jumlah and an optional line diskon. */
export type CartLine = {
  /** Product id (what quote_sale and record_sale get). */
  product: string;
  name: string;
  sku: string;
  barcode: string;
  unit: string;
  /** Jumlah as typed ("1", "1,5"). */
  qty: string;
  /** Diskon baris in Rupiah as typed; empty for none. */
  discount: string;
};

export type CartProduct = Pick<Product, "id" | "name" | "sku" | "barcode" | "unit">;

/** One unit, in thousandths. */
const ONE = 1000;

/**
 * A scanned or picked product: a new line of 1, or 1 more on its line when it is there
 * already. Answers the cart and the index of the line touched.
 */
export function addToCart(cart: readonly CartLine[], p: CartProduct): { cart: CartLine[]; index: number } {
  const at = cart.findIndex((l) => l.product === p.id);
  if (at >= 0) {
    const next = [...cart];
    const line = cart[at]!;
    const now = parseQtyText(line.qty) ?? 0;
    next[at] = { ...line, qty: formatQty(Math.max(now, 0) + ONE) };
    return { cart: next, index: at };
  }
  const line: CartLine = {
    product: p.id,
    name: p.name,
    sku: p.sku,
    barcode: p.barcode,
    unit: p.unit,
    qty: "1",
    discount: "",
  };
  return { cart: [...cart, line], index: cart.length };
}

/** The jumlah typed over. */
export function setLineQty(cart: readonly CartLine[], index: number, text: string): CartLine[] {
  return cart.map((l, i) => (i === index ? { ...l, qty: text } : l));
}

/** The line diskon typed over. */
export function setLineDiscount(cart: readonly CartLine[], index: number, text: string): CartLine[] {
  return cart.map((l, i) => (i === index ? { ...l, discount: text } : l));
}

/** A jumlah the backend takes: a number above zero. */
export function isQtyValid(text: string): boolean {
  const q = parseQtyText(text);
  return q !== null && q > 0;
}

/** − can take one unit off without reaching zero (2 → 1, 1,5 → 0,5; not 1 → 0). */
export function canStepDown(line: Pick<CartLine, "qty">): boolean {
  const q = parseQtyText(line.qty);
  return q !== null && q > ONE;
}

/**
 * + or −: one unit more or less. A jumlah that cannot be read becomes 1 on +; − never goes
 * to zero or below (✕ removes the line).
 */
export function stepLineQty(cart: readonly CartLine[], index: number, step: 1 | -1): CartLine[] {
  const line = cart[index];
  if (!line) return [...cart];
  const now = parseQtyText(line.qty);
  let next: number;
  if (step > 0) next = now !== null && now > 0 ? now + ONE : ONE;
  else if (now !== null && now > ONE) next = now - ONE;
  else return [...cart];
  return setLineQty(cart, index, formatQty(next));
}

export function removeLine(cart: readonly CartLine[], index: number): CartLine[] {
  return cart.filter((_, i) => i !== index);
}

/** What the cashier typed beside the lines. */
export type Draft = {
  cart: CartLine[];
  /** Diskon nota as typed. */
  discount: string;
  /** The buyer's name as typed (a walk-in customer not in the list). */
  customer: string;
  note: string;
  /** A customer chosen from the customer list (the sale counts for them, points too). */
  member?: CustomerRef | null;
  /** Loyalty points the chosen customer redeems, as typed. */
  redeem?: string;
  /** The promo code applied (upper case); empty or absent for none. */
  promo?: string;
};

export function emptyDraft(): Draft {
  return { cart: [], discount: "", customer: "", note: "" };
}

export function isDraftEmpty(d: Draft): boolean {
  return (
    d.cart.length === 0 &&
    d.discount.trim() === "" &&
    d.customer.trim() === "" &&
    d.note.trim() === "" &&
    !d.member &&
    (d.promo ?? "").trim() === ""
  );
}

/**
 * What quote_sale and record_sale take. Prices are left empty so the backend resolves them
 * (harga jual, grosir, promo); an empty jumlah is sent as 1. Payments come from the Bayar panel.
 */
export function saleInput(d: Draft, payments: SalePaymentInput[] = [], date = ""): SaleInput {
  return {
    date,
    lines: d.cart.map((l) => ({
      product: l.product,
      qty: l.qty.trim() === "" ? "1" : l.qty.trim(),
      price: "",
      discount: l.discount.trim(),
    })),
    discount: d.discount.trim(),
    payments,
    customer: d.member ? d.member.name : d.customer.trim(),
    note: d.note.trim(),
    ...memberFields(d),
    ...promoCodeField(d.promo),
  };
}

/** The chosen customer's id and the points they redeem; nothing for a walk-in customer. */
function memberFields(d: Draft): Pick<SaleInput, "customer_id" | "redeem_points"> {
  if (!d.member) return {};
  const redeem = (d.redeem ?? "").trim();
  return redeem === "" ? { customer_id: d.member.id } : { customer_id: d.member.id, redeem_points: redeem };
}

/**
 * The product a scan or a typed Enter means without asking: an exact barcode or SKU (what a
 * scanner types), then an exact name, case ignored. Null: show the list to choose from.
 */
export function exactMatch<T extends Pick<Product, "sku" | "barcode" | "name">>(query: string, results: readonly T[]): T | null {
  const q = query.trim().toLowerCase();
  if (q === "") return null;
  return (
    results.find((p) => p.barcode !== "" && p.barcode.toLowerCase() === q) ??
    results.find((p) => p.sku.toLowerCase() === q) ??
    results.find((p) => p.name.trim().toLowerCase() === q) ??
    null
  );
}

/** The buttons beside the cart: the first `limit` active products (of a category, "" = all). */
export function favourites<T extends Pick<Product, "active" | "category">>(
  products: readonly T[],
  category = "",
  limit = 12,
): T[] {
  const c = category.trim().toLowerCase();
  return products.filter((p) => p.active && (c === "" || p.category.trim().toLowerCase() === c)).slice(0, limit);
}

// ---------- Price source ----------

const PRICE_SOURCE_KEYS: Record<string, MessageKey> = {
  grosir: "kasir.source.grosir",
  promo: "kasir.source.promo",
  manual: "kasir.source.manual",
};

/** The badge beside a line priced other than at harga jual; null for the usual price. */
export function priceSourceKey(source: string): MessageKey | null {
  return PRICE_SOURCE_KEYS[source] ?? null;
}

// ---------- Payment ----------

export const PAYMENT_METHODS: readonly PaymentMethod[] = ["tunai", "transfer", "qris", "dompet", "kartu"];

export const METHOD_KEYS: Record<PaymentMethod, MessageKey> = {
  tunai: "kasir.method.tunai",
  transfer: "kasir.method.transfer",
  qris: "kasir.method.qris",
  dompet: "kasir.method.dompet",
  kartu: "kasir.method.kartu",
};

export function isPaymentMethod(value: string): value is PaymentMethod {
  return (PAYMENT_METHODS as readonly string[]).includes(value);
}

/** The label of a stored method code; one from a newer app version reads "Lainnya". */
export function methodKey(code: string): MessageKey {
  return isPaymentMethod(code) ? METHOD_KEYS[code] : "kasir.method.other";
}

/** The methods a nota was paid with, each once, in the order paid. */
export function saleMethods(s: Pick<Sale, "payments">): string[] {
  const out: string[] = [];
  for (const p of s.payments) if (!out.includes(p.method)) out.push(p.method);
  return out;
}

/** One way of paying in the Bayar panel. */
export type PayLine = {
  method: PaymentMethod;
  /** As typed (for tunai: the money handed over). */
  amount: string;
  /** QRIS only: the cashier saw the money arrive and said so. */
  received: boolean;
};

/** The first line: tunai, prefilled with the total (uang pas). */
export function firstPayLine(total: number): PayLine {
  return { method: "tunai", amount: total > 0 ? amountInputText(total) : "", received: false };
}

/** An amount as typed: 0 when empty, null when it cannot be read. */
export function payAmount(line: Pick<PayLine, "amount">): number | null {
  if (line.amount.trim() === "") return 0;
  return parseAmountText(line.amount);
}

/** What is still to pay on line `index`: the total less what the other lines bring (not below 0). */
export function dueFor(total: number, lines: readonly PayLine[], index: number): number {
  let others = 0;
  lines.forEach((l, i) => {
    const a = payAmount(l);
    if (i !== index && a !== null && a > 0) others += a;
  });
  return Math.max(total - others, 0);
}

export type PaySummary = {
  /** Σ readable amounts. */
  paid: number;
  /** Kembalian (paid above the total). */
  change: number;
  /** Kurang (total above paid). */
  short: number;
  /** Tunai handed over (kembalian comes out of it). */
  cash: number;
  /** A line's amount cannot be read. */
  unreadable: boolean;
  /** More paid than the total, but not in cash: nothing to give change from. */
  changeWithoutCash: boolean;
  /** A QRIS line the cashier has not marked as received yet. */
  qrisPending: boolean;
};

export function paySummary(total: number, lines: readonly PayLine[]): PaySummary {
  let paid = 0;
  let cash = 0;
  let unreadable = false;
  let qrisPending = false;
  for (const l of lines) {
    const a = payAmount(l);
    if (a === null || a < 0) {
      unreadable = true;
      continue;
    }
    paid += a;
    if (l.method === "tunai") cash += a;
    if (l.method === "qris" && a > 0 && !l.received) qrisPending = true;
  }
  const change = Math.max(paid - total, 0);
  const short = Math.max(total - paid, 0);
  return { paid, change, short, cash, unreadable, changeWithoutCash: change > cash, qrisPending };
}

/**
 * Quick buttons for cash after "Uang pas": the next round 10.000, 50.000 and 100.000 above
 * what is due, each once. Rp37.500 → 40.000, 50.000, 100.000.
 */
export function quickCash(due: number): number[] {
  if (!Number.isFinite(due) || due <= 0) return [];
  const out: number[] = [];
  for (const step of [10_000, 50_000, 100_000]) {
    const round = Math.ceil(due / step) * step;
    if (round > due && !out.includes(round)) out.push(round);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Another way of paying for the rest ("+ Bayar dengan cara lain"): tunai when no line is
 * tunai yet, else transfer; its amount is what is still short. Answers the new line's index.
 */
export function addPayLine(lines: readonly PayLine[], total: number): { lines: PayLine[]; index: number } {
  const short = paySummary(total, lines).short;
  const method: PaymentMethod = lines.some((l) => l.method === "tunai") ? "transfer" : "tunai";
  const line: PayLine = { method, amount: short > 0 ? amountInputText(short) : "", received: false };
  return { lines: [...lines, line], index: lines.length };
}

/**
 * The method of a line changed. Non-cash is paid to the rupiah, so it takes what is due on it
 * (the total less the other lines); cash keeps what was typed. A QRIS payment is never
 * received until the cashier says so.
 */
export function setPayMethod(lines: readonly PayLine[], index: number, method: PaymentMethod, total: number): PayLine[] {
  return lines.map((l, i) => {
    if (i !== index) return l;
    if (method === l.method) return l;
    const due = dueFor(total, lines, index);
    const amount = method === "tunai" ? l.amount : due > 0 ? amountInputText(due) : "";
    return { method, amount, received: false };
  });
}

export function setPayAmount(lines: readonly PayLine[], index: number, amount: string): PayLine[] {
  // A different QRIS amount is a different payment to check.
  return lines.map((l, i) => (i === index ? { ...l, amount, received: l.amount === amount ? l.received : false } : l));
}

export function removePayLine(lines: readonly PayLine[], index: number): PayLine[] {
  return lines.length <= 1 ? [...lines] : lines.filter((_, i) => i !== index);
}

/** The payments record_sale takes: lines left empty or at Rp0 are dropped; the rest as typed. */
export function paymentInputs(lines: readonly PayLine[]): SalePaymentInput[] {
  return lines
    .filter((l) => {
      const a = payAmount(l);
      return l.amount.trim() !== "" && a !== 0;
    })
    .map((l) => ({ method: l.method, amount: l.amount.trim(), account: "" }));
}

// ---------- Nota status ----------

export type NotaStatus = "done" | "cancelled" | "cancellation" | "return";

type StatusFields = Pick<Sale, "reverses" | "cancelled_by"> & Partial<Pick<Sale, "is_return">>;

/**
 * A nota as recorded, a nota cancelled later, a cancellation (pembatalan) itself, or a retur
 * nota (which, like a cancellation, points at the sale it takes back from).
 */
export function notaStatus(s: StatusFields): NotaStatus {
  if (s.is_return) return "return";
  if (s.reverses) return "cancellation";
  return s.cancelled_by ? "cancelled" : "done";
}

export const NOTA_STATUS_KEYS: Record<NotaStatus, MessageKey> = {
  done: "kasir.status.done",
  cancelled: "kasir.status.cancelled",
  cancellation: "kasir.status.cancellation",
  return: "kasir.status.return",
};

export const NOTA_STATUS_TONE: Record<NotaStatus, string> = {
  done: "tone-success",
  cancelled: "tone-danger",
  cancellation: "tone-neutral",
  return: "tone-warning",
};

/** A sale with retur notas against it: the rest can be returned, the nota no longer cancelled. */
export const hasReturns = (s: Partial<Pick<Sale, "returns">>): boolean => (s.returns?.length ?? 0) > 0;

/** Only a nota as recorded can be cancelled (once), and not after part of it was returned. */
export const canCancel = (s: StatusFields & Partial<Pick<Sale, "returns">>): boolean =>
  notaStatus(s) === "done" && !hasReturns(s);

// ---------- Rekap harian: the cash drawer ----------

export type DrawerCheck =
  | {
      ok: true;
      /** Modal awal + tunai from sales: what should be in the drawer. */
      expected: number;
      counted: number;
      /** Counted − expected. */
      difference: number;
      kind: "even" | "over" | "short";
    }
  | { ok: false; problem: "empty" | "counted" | "opening" };

/**
 * Uang tunai yang dihitung against what should be in the drawer: the tunai of the day's sales
 * (`cashExpected`) plus the modal awal laci (optional, empty = 0).
 */
export function drawerCheck(cashExpected: number, openingText: string, countedText: string): DrawerCheck {
  const opening = openingText.trim() === "" ? 0 : parseAmountText(openingText);
  if (opening === null || opening < 0) return { ok: false, problem: "opening" };
  if (countedText.trim() === "") return { ok: false, problem: "empty" };
  const counted = parseAmountText(countedText);
  if (counted === null || counted < 0) return { ok: false, problem: "counted" };
  const expected = cashExpected + opening;
  const difference = counted - expected;
  return { ok: true, expected, counted, difference, kind: difference === 0 ? "even" : difference > 0 ? "over" : "short" };
}

// ---------- Kept on this computer ----------

/** The part of localStorage used here (a test passes a Map-backed one). */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** localStorage, or null where storage is disabled. */
export function localStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function readJson(store: KeyValueStore | null, key: string): unknown {
  if (!store) return null;
  try {
    const text = store.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

function writeJson(store: KeyValueStore | null, key: string, value: unknown): void {
  if (!store) return;
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the cart simply is not kept
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isText = (v: unknown): v is string => typeof v === "string";

function cartLineOf(v: unknown): CartLine | null {
  if (!isObject(v)) return null;
  const { product, name, sku, barcode, unit, qty, discount } = v;
  if (!isText(product) || product === "" || !isText(name) || !isText(qty)) return null;
  return {
    product,
    name,
    sku: isText(sku) ? sku : "",
    barcode: isText(barcode) ? barcode : "",
    unit: isText(unit) ? unit : "",
    qty,
    discount: isText(discount) ? discount : "",
  };
}

function draftOf(v: unknown): Draft | null {
  if (!isObject(v) || !Array.isArray(v.cart)) return null;
  const cart = v.cart.map(cartLineOf).filter((l): l is CartLine => l !== null);
  const d: Draft = {
    cart,
    discount: isText(v.discount) ? v.discount : "",
    customer: isText(v.customer) ? v.customer : "",
    note: isText(v.note) ? v.note : "",
  };
  const member = memberOf(v.member);
  if (member) {
    d.member = member;
    d.redeem = isText(v.redeem) ? v.redeem : "";
  }
  const promo = keptPromo(v.promo);
  if (promo !== "") d.promo = promo;
  return d;
}

function memberOf(v: unknown): CustomerRef | null {
  if (!isObject(v) || !isText(v.id) || v.id === "" || !isText(v.name)) return null;
  return { id: v.id, name: v.name, phone: isText(v.phone) ? v.phone : "" };
}

/** Each business keeps its own carts (a shared PC may hold several businesses). */
export const draftKey = (business: string): string => `usahaku.kasir.cart.${business}`;
export const heldKey = (business: string): string => `usahaku.kasir.held.${business}`;

/** The cart being typed, kept so a tab switch or a restart does not lose it. */
export function readDraft(store: KeyValueStore | null, business: string): Draft {
  return draftOf(readJson(store, draftKey(business))) ?? emptyDraft();
}

export function writeDraft(store: KeyValueStore | null, business: string, d: Draft): void {
  if (!store) return;
  if (isDraftEmpty(d)) {
    try {
      store.removeItem(draftKey(business));
    } catch {
      // nothing kept, nothing to remove
    }
    return;
  }
  writeJson(store, draftKey(business), d);
}

/** A cart parked with "Tahan" while the next customer pays. */
export type HeldCart = Draft & { id: string; savedAt: number };

/** At most this many carts are held; the oldest goes first. */
export const MAX_HELD = 20;

export function readHeld(store: KeyValueStore | null, business: string): HeldCart[] {
  const v = readJson(store, heldKey(business));
  if (!Array.isArray(v)) return [];
  const out: HeldCart[] = [];
  for (const item of v) {
    const d = draftOf(item);
    if (!d || d.cart.length === 0 || !isObject(item) || !isText(item.id) || typeof item.savedAt !== "number") continue;
    out.push({ ...d, id: item.id, savedAt: item.savedAt });
  }
  return out;
}

export function writeHeld(store: KeyValueStore | null, business: string, held: readonly HeldCart[]): void {
  writeJson(store, heldKey(business), held);
}

/** Parks a cart (newest first). An empty cart is not held. */
export function holdDraft(held: readonly HeldCart[], d: Draft, now: number, id: string): HeldCart[] {
  if (d.cart.length === 0) return [...held];
  const entry: HeldCart = { ...structuredCopy(d), id, savedAt: now };
  return [entry, ...held].slice(0, MAX_HELD);
}

/**
 * Takes a held cart back. The cart on screen, if not empty, is held in its place (so
 * nothing is lost). Answers the new held list and the cart to show.
 */
export function resumeHeld(
  held: readonly HeldCart[],
  id: string,
  current: Draft,
  now: number,
  newId: string,
): { held: HeldCart[]; draft: Draft | null } {
  const taken = held.find((h) => h.id === id);
  if (!taken) return { held: [...held], draft: null };
  const rest = held.filter((h) => h.id !== id);
  const { id: _id, savedAt: _savedAt, ...draft } = taken;
  return { held: holdDraft(rest, current, now, newId), draft };
}

export function discardHeld(held: readonly HeldCart[], id: string): HeldCart[] {
  return held.filter((h) => h.id !== id);
}

/** How a held cart is named in the list: the customer, else its first product; and how many lines it has. */
export function heldName(h: Draft): { name: string; count: number } {
  const customer = h.member ? h.member.name : h.customer.trim();
  return { name: customer !== "" ? customer : (h.cart[0]?.name ?? ""), count: h.cart.length };
}

function structuredCopy(d: Draft): Draft {
  const copy: Draft = { cart: d.cart.map((l) => ({ ...l })), discount: d.discount, customer: d.customer, note: d.note };
  if (d.member) {
    copy.member = { ...d.member };
    copy.redeem = d.redeem ?? "";
  }
  const promo = keptPromo(d.promo);
  if (promo !== "") copy.promo = promo;
  return copy;
}

// ---------- The printer ----------

export type ThermalPaper = Extract<Paper, "mm58" | "mm80">;

export type PrinterSettings = {
  /** `192.168.1.50:9100`, `/dev/usb/lp0`, `COM3`; empty when none is set. */
  address: string;
  paper: ThermalPaper;
};

export const PRINTER_KEY = "usahaku.kasir.printer";

export function readPrinter(store: KeyValueStore | null): PrinterSettings {
  const v = readJson(store, PRINTER_KEY);
  if (!isObject(v)) return { address: "", paper: "mm58" };
  return {
    address: isText(v.address) ? v.address.trim() : "",
    paper: v.paper === "mm80" ? "mm80" : "mm58",
  };
}

export function writePrinter(store: KeyValueStore | null, p: PrinterSettings): void {
  writeJson(store, PRINTER_KEY, { address: p.address.trim(), paper: p.paper });
}

/** A customer typed as a phone number ("0812 3456 7890", "+62 812-…"): the nota can go to it by WhatsApp. */
export function phoneLike(text: string): boolean {
  const t = text.trim();
  if (!/^\+?[\d\s.-]+$/.test(t)) return false;
  const digits = t.replace(/\D/g, "").length;
  return digits >= 8 && digits <= 15;
}
