import { describe, expect, it } from "vitest";
import type { Product, Supplier } from "./bindings";
import {
  UNITS,
  UNIT_KEYS,
  activeSuppliers,
  categoriesOf,
  componentInput,
  emptyProductFields,
  inCategory,
  isBundle,
  isLowStock,
  isStockable,
  pickBest,
  prepareProductInput,
  prepareSupplierInput,
  promoStatus,
  productToFields,
  supplierToFields,
  tierInput,
  tierRows,
  withProductField,
} from "./products";

function product(over: Partial<Product> = {}): Product {
  return {
    id: "p1",
    name: "Kopi Bubuk 250 g",
    sku: "K7F2-00001",
    barcode: "",
    category: "Minuman",
    unit: "pack",
    price: 15000,
    tiers: [],
    description: "",
    halal_no: "",
    bpom_no: "",
    expiry: "",
    warranty: "",
    tracked: true,
    min_stock: 0,
    active: true,
    components: [],
    stock: 0,
    avg_cost: 0,
    has_photo: false,
    ...over,
  };
}

describe("units", () => {
  it("are the backend's sixteen, pcs first, each with a label", () => {
    expect(UNITS).toHaveLength(16);
    expect(UNITS[0]).toBe("pcs");
    expect(UNITS).toContain("karung");
    expect(Object.keys(UNIT_KEYS).sort()).toEqual([...UNITS].sort());
  });
});

describe("stock badges", () => {
  it("is low at or below a minimum that was set", () => {
    expect(isLowStock(product({ stock: 3000, min_stock: 5000 }))).toBe(true);
    expect(isLowStock(product({ stock: 5000, min_stock: 5000 }))).toBe(true);
    expect(isLowStock(product({ stock: 5500, min_stock: 5000 }))).toBe(false);
    // No minimum set: never low, even at zero.
    expect(isLowStock(product({ stock: 0, min_stock: 0 }))).toBe(false);
  });

  it("never calls an untracked product or a paket low", () => {
    expect(isLowStock(product({ tracked: false, stock: 0, min_stock: 2000 }))).toBe(false);
    const paket = product({ components: [{ product: "p2", qty: 2000 }], stock: 0, min_stock: 1000 });
    expect(isBundle(paket)).toBe(true);
    expect(isStockable(paket)).toBe(false);
    expect(isLowStock(paket)).toBe(false);
  });
});

describe("categoriesOf / inCategory", () => {
  const list = [
    product({ category: "Minuman" }),
    product({ category: " makanan " }),
    product({ category: "minuman" }),
    product({ category: "" }),
    product({ category: "Alat tulis" }),
  ];

  it("lists each category once, alphabetically, empty ones left out", () => {
    expect(categoriesOf(list)).toEqual(["Alat tulis", "makanan", "Minuman"]);
  });

  it("filters by category, case ignored; empty means all", () => {
    expect(inCategory(list, "MINUMAN")).toHaveLength(2);
    expect(inCategory(list, "makanan")).toHaveLength(1);
    expect(inCategory(list, "")).toHaveLength(5);
  });
});

describe("pickBest", () => {
  const kopi = product({ id: "a", name: "Kopi Bubuk", sku: "KOPI-1", barcode: "8991234567895" });
  const kopiSusu = product({ id: "b", name: "Kopi Susu", sku: "KS-2", barcode: "" });
  const teh = product({ id: "c", name: "Teh", sku: "TEH", barcode: "" });

  it("takes the exact barcode a scanner typed, wherever it is in the results", () => {
    expect(pickBest("8991234567895", [kopiSusu, kopi])?.id).toBe("a");
  });

  it("takes an exact SKU (case ignored), then an exact name", () => {
    expect(pickBest("ks-2", [kopi, kopiSusu])?.id).toBe("b");
    expect(pickBest(" teh ", [kopi, teh])?.id).toBe("c");
  });

  it("else takes the best search result, or nothing", () => {
    expect(pickBest("kop", [kopiSusu, kopi])?.id).toBe("b");
    expect(pickBest("zzz", [])).toBeNull();
  });
});

describe("the product form", () => {
  it("starts in pcs with stock counted", () => {
    const f = emptyProductFields();
    expect(f.unit).toBe("pcs");
    expect(f.tracked).toBe(true);
    expect(f.tiers).toEqual([]);
  });

  it("shows a stored product as typed text", () => {
    const p = product({
      price: 1_250_000,
      tiers: [
        { min_qty: 12_000, price: 13_500 },
        { min_qty: 1_500, price: 14_000 },
      ],
      min_stock: 2_500,
      components: [{ product: "gula", qty: 500 }],
    });
    const gula = product({ id: "gula", name: "Gula Pasir", unit: "kg" });
    const f = productToFields(p, [gula]);
    expect(f.price).toBe("1.250.000");
    expect(f.tiers).toEqual([
      { qty: "12", price: "13.500" },
      { qty: "1,5", price: "14.000" },
    ]);
    expect(f.min_stock).toBe("2,5");
    expect(f.components).toEqual([{ product: "gula", name: "Gula Pasir", unit: "kg", qty: "0,5" }]);
    expect(productToFields(product({ min_stock: 0 })).min_stock).toBe("");
  });

  it("reads the tier rows back", () => {
    expect(tierRows(product({ tiers: [{ min_qty: 1_000_000, price: 9_000 }] }))).toEqual([
      { qty: "1.000", price: "9.000" },
    ]);
    expect(
      tierInput([
        { qty: " 12 ", price: "13.500" },
        { qty: "", price: " " },
        { qty: "24", price: "13.000" },
      ]),
    ).toEqual([
      ["12", "13.500"],
      ["24", "13.000"],
    ]);
  });

  it("drops components without a product; an empty quantity is 1", () => {
    expect(
      componentInput([
        { product: "a", name: "A", unit: "pcs", qty: "2" },
        { product: "", name: "", unit: "", qty: "3" },
        { product: "b", name: "B", unit: "pcs", qty: " " },
      ]),
    ).toEqual([
      ["a", "2"],
      ["b", "1"],
    ]);
  });

  it("needs a name and complete tier rows", () => {
    const f = emptyProductFields();
    f.tiers = [{ qty: "12", price: "" }];
    const r = prepareProductInput(f);
    expect(r).toEqual({
      ok: false,
      hints: { name: "product.error.nameRequired", tiers: "product.error.tierIncomplete" },
    });
  });

  it("sends the rest as typed, trimmed", () => {
    const f = emptyProductFields();
    f.name = "  Keripik Singkong ";
    f.price = "12.000";
    f.unit = "bungkus";
    f.min_stock = "10";
    f.expiry = "2027-06-30";
    f.tiers = [{ qty: "10", price: "11.000" }];
    const r = prepareProductInput(f);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toEqual({
      name: "Keripik Singkong",
      sku: "",
      barcode: "",
      category: "",
      unit: "bungkus",
      price: "12.000",
      tiers: [["10", "11.000"]],
      description: "",
      halal_no: "",
      bpom_no: "",
      expiry: "2027-06-30",
      warranty: "",
      tracked: true,
      min_stock: "10",
      components: [],
    });
  });

  it("puts a bad expiry date by its field", () => {
    expect(withProductField({ code: "bad_date", message: "x", field: null }).field).toBe("expiry");
    expect(withProductField({ code: "duplicate_sku", message: "x", field: "sku" }).field).toBe("sku");
    expect(withProductField({ code: "unknown_product", message: "x", field: null }).field).toBeNull();
  });
});

describe("suppliers", () => {
  const s = (name: string, active = true): Supplier => ({
    id: name,
    name,
    phone: "6281234567890",
    address: "",
    notes: "",
    active,
  });

  it("lists the active ones by name", () => {
    expect(activeSuppliers([s("Toko Makmur"), s("CV Abadi"), s("Lama", false)]).map((x) => x.name)).toEqual([
      "CV Abadi",
      "Toko Makmur",
    ]);
  });

  it("shows the stored phone the way people read it", () => {
    expect(supplierToFields(s("CV Abadi")).phone).toBe("+62 812-3456-7890");
  });

  it("needs a name", () => {
    expect(prepareSupplierInput({ name: " ", phone: "", address: "", notes: "" })).toEqual({
      ok: false,
      hints: { name: "supplier.error.nameRequired" },
    });
    expect(prepareSupplierInput({ name: " CV Abadi ", phone: " 0812 ", address: "Jl. A", notes: "" })).toEqual({
      ok: true,
      input: { name: "CV Abadi", phone: "0812", address: "Jl. A", notes: "" },
    });
  });
});

describe("promoStatus", () => {
  const ramadan = { start: "2027-02-18", end: "2027-03-19" };

  it("runs from its first to its last day, both included", () => {
    expect(promoStatus(ramadan, "2027-02-17")).toBe("planned");
    expect(promoStatus(ramadan, "2027-02-18")).toBe("running");
    expect(promoStatus(ramadan, "2027-03-19")).toBe("running");
    expect(promoStatus(ramadan, "2027-03-20")).toBe("ended");
  });
});
