// Pure rules of the Produk screens: the product form (text as typed, harga grosir rows,
// isi paket rows), categories, stock badges, picking the product a scan or Enter means,
// and the supplier form.
// No Svelte, no Tauri: unit-tested in products.test.ts.

import type { Product, ProductInput, Promo, Supplier, SupplierInput, UiError } from "./bindings";
import { formatCount, formatPhone, formatQty } from "./format";
import { amountInputText, type Checked } from "./ledger";
import type { Message, MessageKey } from "./messages";

// ---------- Satuan ----------

/** The units a product is sold in (the backend's list, same order). */
export const UNITS = [
  "pcs",
  "kg",
  "gram",
  "liter",
  "ml",
  "pack",
  "lusin",
  "kodi",
  "box",
  "botol",
  "bungkus",
  "porsi",
  "meter",
  "set",
  "lembar",
  "karung",
] as const;

export type Unit = (typeof UNITS)[number];

export const UNIT_KEYS: Record<Unit, MessageKey> = {
  pcs: "unit.pcs",
  kg: "unit.kg",
  gram: "unit.gram",
  liter: "unit.liter",
  ml: "unit.ml",
  pack: "unit.pack",
  lusin: "unit.lusin",
  kodi: "unit.kodi",
  box: "unit.box",
  botol: "unit.botol",
  bungkus: "unit.bungkus",
  porsi: "unit.porsi",
  meter: "unit.meter",
  set: "unit.set",
  lembar: "unit.lembar",
  karung: "unit.karung",
};

export function isUnit(value: string): value is Unit {
  return (UNITS as readonly string[]).includes(value);
}

// ---------- What a product row shows ----------

/** A paket (bundle): its own stock is not counted; selling it takes its components. */
export function isBundle(p: Pick<Product, "components">): boolean {
  return p.components.length > 0;
}

/** Stock can be received, adjusted and counted: tracked and not a paket. */
export function isStockable(p: Pick<Product, "tracked" | "components">): boolean {
  return p.tracked && !isBundle(p);
}

/** At or below a minimum that was set (stok menipis). */
export function isLowStock(p: Pick<Product, "tracked" | "components" | "stock" | "min_stock">): boolean {
  return isStockable(p) && p.min_stock > 0 && p.stock <= p.min_stock;
}

/** Categories in use, each once (first spelling wins, case ignored), alphabetical. */
export function categoriesOf(products: readonly Pick<Product, "category">[]): string[] {
  const seen = new Map<string, string>();
  for (const p of products) {
    const c = p.category.trim();
    if (c !== "" && !seen.has(c.toLowerCase())) seen.set(c.toLowerCase(), c);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, "id", { sensitivity: "base" }));
}

/** The products of one category ("" = all), case ignored. */
export function inCategory<T extends Pick<Product, "category">>(products: readonly T[], category: string): T[] {
  const c = category.trim().toLowerCase();
  if (c === "") return [...products];
  return products.filter((p) => p.category.trim().toLowerCase() === c);
}

/**
 * The product a scan or an Enter in a picker means: an exact barcode or SKU first (a
 * scanner types the whole code), then an exact name, else the best search result.
 */
export function pickBest<T extends Pick<Product, "sku" | "barcode" | "name">>(
  query: string,
  results: readonly T[],
): T | null {
  const q = query.trim().toLowerCase();
  if (q === "") return results[0] ?? null;
  return (
    results.find((p) => p.barcode !== "" && p.barcode.toLowerCase() === q) ??
    results.find((p) => p.sku.toLowerCase() === q) ??
    results.find((p) => p.name.trim().toLowerCase() === q) ??
    results[0] ??
    null
  );
}

// ---------- Produk diarsipkan ----------

/**
 * The quiet button under the list that opens the archived products: "Produk diarsipkan (3)".
 * Null when nothing is archived (no button then).
 */
export function archivedToggle(count: number): Message | null {
  if (!(count > 0)) return null;
  return { key: "products.archivedList.toggle", params: { count: formatCount(count) } };
}

/** The archived list stays open only while there is something in it. */
export function archivedOpen(open: boolean, count: number): boolean {
  return open && count > 0;
}

// ---------- The product form ----------

/** One harga grosir row as typed: "mulai dari [qty] → harga [price]". */
export type TierRow = { qty: string; price: string };

/** One isi paket row: a component product and how many of it one paket holds. */
export type ComponentRow = { product: string; name: string; unit: string; qty: string };

export type ProductField =
  | "name"
  | "sku"
  | "barcode"
  | "category"
  | "unit"
  | "price"
  | "tiers"
  | "min_stock"
  | "halal_no"
  | "bpom_no"
  | "expiry"
  | "warranty"
  | "description"
  | "components";

/** In the order the dialog shows them (the first with an error gets the focus). */
export const PRODUCT_FIELDS: readonly ProductField[] = [
  "name",
  "sku",
  "barcode",
  "category",
  "unit",
  "price",
  "tiers",
  "min_stock",
  "halal_no",
  "bpom_no",
  "expiry",
  "warranty",
  "description",
  "components",
];

export type ProductFields = {
  name: string;
  sku: string;
  barcode: string;
  category: string;
  unit: string;
  price: string;
  tiers: TierRow[];
  min_stock: string;
  tracked: boolean;
  halal_no: string;
  bpom_no: string;
  expiry: string;
  warranty: string;
  description: string;
  components: ComponentRow[];
};

export function emptyProductFields(): ProductFields {
  return {
    name: "",
    sku: "",
    barcode: "",
    category: "",
    unit: "pcs",
    price: "",
    tiers: [],
    min_stock: "",
    tracked: true,
    halal_no: "",
    bpom_no: "",
    expiry: "",
    warranty: "",
    description: "",
    components: [],
  };
}

/** Harga grosir rows for editing: 12000 thousandths at 13500 → { qty: "12", price: "13.500" }. */
export function tierRows(p: Pick<Product, "tiers">): TierRow[] {
  return p.tiers.map((tier) => ({ qty: formatQty(tier.min_qty), price: amountInputText(tier.price) }));
}

/**
 * A stored product as the dialog edits it. `known` names the component products (a paket's
 * components are stored by id); one not known is shown by its id.
 */
export function productToFields(p: Product, known: readonly Product[] = []): ProductFields {
  return {
    name: p.name,
    sku: p.sku,
    barcode: p.barcode,
    category: p.category,
    unit: p.unit || "pcs",
    price: amountInputText(p.price),
    tiers: tierRows(p),
    min_stock: p.min_stock > 0 ? formatQty(p.min_stock) : "",
    tracked: p.tracked,
    halal_no: p.halal_no,
    bpom_no: p.bpom_no,
    expiry: p.expiry,
    warranty: p.warranty,
    description: p.description,
    components: p.components.map((c) => {
      const found = known.find((k) => k.id === c.product);
      return { product: c.product, name: found?.name ?? c.product, unit: found?.unit ?? "", qty: formatQty(c.qty) };
    }),
  };
}

const blank = (s: string): boolean => s.trim() === "";

/** Rows left completely empty are dropped; the others go to the backend as typed. */
export function tierInput(rows: readonly TierRow[]): [string, string][] {
  return rows.filter((r) => !blank(r.qty) || !blank(r.price)).map((r) => [r.qty.trim(), r.price.trim()]);
}

/** Components without a chosen product are dropped; an empty quantity means 1. */
export function componentInput(rows: readonly ComponentRow[]): [string, string][] {
  return rows.filter((r) => !blank(r.product)).map((r) => [r.product, blank(r.qty) ? "1" : r.qty.trim()]);
}

/**
 * What add_product / update_product expect. Only what is plainly missing is checked here
 * (a name, both halves of a harga grosir row); the backend checks everything else.
 */
export function prepareProductInput(f: ProductFields): Checked<ProductInput, ProductField> {
  const hints: Partial<Record<ProductField, MessageKey>> = {};
  if (blank(f.name)) hints.name = "product.error.nameRequired";
  if (f.tiers.some((r) => blank(r.qty) !== blank(r.price))) hints.tiers = "product.error.tierIncomplete";
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    input: {
      name: f.name.trim(),
      sku: f.sku.trim(),
      barcode: f.barcode.trim(),
      category: f.category.trim(),
      unit: f.unit,
      price: f.price.trim(),
      tiers: tierInput(f.tiers),
      description: f.description.trim(),
      halal_no: f.halal_no.trim(),
      bpom_no: f.bpom_no.trim(),
      expiry: f.expiry.trim(),
      warranty: f.warranty.trim(),
      tracked: f.tracked,
      min_stock: f.min_stock.trim(),
      components: componentInput(f.components),
    },
  };
}

/** The backend names the field of a product error; a date problem it names by code only. */
export function withProductField(error: UiError): UiError {
  if (error?.field) return error;
  return { ...error, field: error?.code === "bad_date" ? "expiry" : null };
}

// ---------- Margin & harga psikologis ----------
// All amounts are whole Rupiah; a percentage is for display only (a rounded whole number).

/** What one unit earns over its HPP: the Rupiah amount and that amount as a share of the price. */
export type Margin = { amount: number; percent: number };

/**
 * The margin of selling at `price` a unit that cost `hpp` (HPP, harga pokok): amount =
 * price − hpp (negative when sold at a loss), percent = amount × 100 / price rounded to a
 * whole number (the margin on the selling price, as shops reckon it). 15.000 over 5.875 →
 * { amount: 9.125, percent: 61 }. Null when there is no HPP or no price (either ≤ 0).
 */
export function margin(price: number, hpp: number): Margin | null {
  if (!(hpp > 0) || !(price > 0)) return null;
  const amount = price - hpp;
  return { amount, percent: Math.round((amount * 100) / price) };
}

/** A whole percentage as shown: 61 → "61%", -8 → "-8%". */
export function percentText(percent: number): string {
  return `${formatCount(Math.round(percent))}%`;
}

/** The round step a harga psikologis is taken from: Rp1.000 under 100.000, Rp10.000 under 1.000.000, else Rp100.000. */
function charmStep(price: number): number {
  if (price < 100_000) return 1_000;
  if (price < 1_000_000) return 10_000;
  return 100_000;
}

/**
 * A harga psikologis (charm price) just below `price`, ending in …900 (…9.000, …90.000 for
 * bigger prices): 15.000 → 14.900, 14.950 → 14.900, 150.000 → 149.000,
 * 1.500.000 → 1.490.000. The step is Rp1.000 under 100.000, Rp10.000 under 1.000.000,
 * Rp100.000 above. A round price goes one tenth of a step below it; a price between two steps
 * goes to the "…900" of its own step when that is not above the price (14.950 → 14.900), else
 * to the one of the step below (14.200 → 13.900). Null under Rp1.000, for a price that already
 * ends in a 9 before its zeros (14.900, 99.000, 149.000), and when the suggestion would take
 * more than 5% off (1.500 → 900 is no small trick, it is a price cut).
 */
export function charmPrice(price: number): number | null {
  if (!Number.isSafeInteger(price) || price < 1_000) return null;
  const step = charmStep(price);
  const tenth = step / 10;
  if (price % step === step - tenth) return null;
  // Already ends like a charm price: the last digit before the zeros is a 9.
  let significant = price;
  while (significant % 10 === 0) significant /= 10;
  if (significant % 10 === 9) return null;
  const base = Math.floor(price / step) * step;
  let suggestion: number;
  if (price % step === 0) suggestion = base - tenth;
  else suggestion = base + step - tenth <= price ? base + step - tenth : base - tenth;
  if (suggestion <= 0 || suggestion === price || suggestion * 100 < price * 95) return null;
  return suggestion;
}

/**
 * The HPP per unit the margin is reckoned from: the moving-average cost of a product whose
 * stock is counted, once it has one. Null otherwise (not received yet, a paket, stock not
 * counted): the list shows "–" for its HPP then, and no margin is shown.
 */
export function hppOf(p: Pick<Product, "tracked" | "components" | "avg_cost">): number | null {
  return isStockable(p) && p.avg_cost > 0 ? p.avg_cost : null;
}

/** A product's margin at its own price, for the list; null without an HPP. */
export function productMargin(p: Pick<Product, "tracked" | "components" | "avg_cost" | "price">): Margin | null {
  const hpp = hppOf(p);
  return hpp === null ? null : margin(p.price, hpp);
}

/** What the product form says under the prices it is given. */
export type PriceHints = {
  /** The margin of the selling price over HPP; null without an HPP or a readable price. */
  margin: Margin | null;
  /** A harga psikologis worth offering: not below HPP; null when there is none. */
  charm: number | null;
  /** Per harga grosir row: the loss per unit when its price is below HPP, else null. */
  tierLosses: (number | null)[];
};

/**
 * The hints under the price fields: the margin over `hpp` (null: no HPP), the harga
 * psikologis to offer (only one not below HPP), and the loss per unit of each harga grosir
 * price below HPP. A price not (yet) readable is null and gives no hint.
 */
export function priceHints(
  price: number | null,
  hpp: number | null,
  tierPrices: readonly (number | null)[] = [],
): PriceHints {
  const charm = price === null ? null : charmPrice(price);
  return {
    margin: price === null || hpp === null ? null : margin(price, hpp),
    charm: charm !== null && (hpp === null || charm >= hpp) ? charm : null,
    tierLosses: tierPrices.map((tp) => (hpp !== null && tp !== null && tp > 0 && tp < hpp ? hpp - tp : null)),
  };
}

// ---------- Harga promo ----------

export type PromoStatus = "planned" | "running" | "ended";

/** A promo on `today`: not started yet, running (first and last day included), or over. */
export function promoStatus(p: Pick<Promo, "start" | "end">, today: string): PromoStatus {
  if (today < p.start) return "planned";
  return today > p.end ? "ended" : "running";
}

// ---------- Pemasok ----------

export type SupplierField = "name" | "phone" | "address" | "notes";
export const SUPPLIER_FIELDS: readonly SupplierField[] = ["name", "phone", "address", "notes"];
export type SupplierFields = Record<SupplierField, string>;

export function emptySupplierFields(): SupplierFields {
  return { name: "", phone: "", address: "", notes: "" };
}

export function supplierToFields(s: Supplier): SupplierFields {
  return { name: s.name, phone: s.phone ? formatPhone(s.phone) : "", address: s.address, notes: s.notes };
}

export function prepareSupplierInput(f: SupplierFields): Checked<SupplierInput, SupplierField> {
  if (blank(f.name)) return { ok: false, hints: { name: "supplier.error.nameRequired" } };
  return {
    ok: true,
    input: { name: f.name.trim(), phone: f.phone.trim(), address: f.address.trim(), notes: f.notes.trim() },
  };
}

/** Active suppliers by name. */
export function activeSuppliers(suppliers: readonly Supplier[]): Supplier[] {
  return suppliers
    .filter((s) => s.active)
    .sort((a, b) => a.name.localeCompare(b.name, "id", { sensitivity: "base" }));
}
