// Pure rules of the Produk screens: the product form (text as typed, harga grosir rows,
// isi paket rows), categories, stock badges, picking the product a scan or Enter means,
// and the supplier form.
// No Svelte, no Tauri: unit-tested in products.test.ts.

import type { Product, ProductInput, Promo, Supplier, SupplierInput, UiError } from "./bindings";
import { formatPhone, formatQty } from "./format";
import { amountInputText, type Checked } from "./ledger";
import type { MessageKey } from "./messages";

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
