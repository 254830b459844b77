import { describe, expect, it } from "vitest";
import type { Product, Supplier } from "./bindings";
import { en, id, interpolate } from "./messages";
import {
  UNITS,
  UNIT_KEYS,
  activeSuppliers,
  archivedOpen,
  archivedToggle,
  categoriesOf,
  charmPrice,
  componentInput,
  emptyProductFields,
  hppOf,
  inCategory,
  isBundle,
  isLowStock,
  isStockable,
  margin,
  percentText,
  pickBest,
  priceHints,
  prepareProductInput,
  prepareSupplierInput,
  productMargin,
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

describe("margin & harga psikologis", () => {
  it("reckons the margin on the selling price", () => {
    // 15.000 − 5.875 = 9.125; 9.125 × 100 / 15.000 = 60,83 → 61%.
    expect(margin(15000, 5875)).toEqual({ amount: 9125, percent: 61 });
    // 12.000 − 9.000 = 3.000; 3.000 × 100 / 12.000 = 25%.
    expect(margin(12000, 9000)).toEqual({ amount: 3000, percent: 25 });
    // Sold at cost: nothing earned.
    expect(margin(5875, 5875)).toEqual({ amount: 0, percent: 0 });
  });

  it("goes negative below HPP", () => {
    // 5.000 − 5.875 = −875; −875 × 100 / 5.000 = −17,5 → −17 (Math.round).
    expect(margin(5000, 5875)).toEqual({ amount: -875, percent: -17 });
    // 13.500 − 15.000 = −1.500; −1.500 × 100 / 13.500 = −11,1 → −11.
    expect(margin(13500, 15000)).toEqual({ amount: -1500, percent: -11 });
  });

  it("has none without an HPP or a price", () => {
    expect(margin(15000, 0)).toBeNull();
    expect(margin(15000, -1)).toBeNull();
    expect(margin(0, 5875)).toBeNull();
    expect(margin(-100, 5875)).toBeNull();
  });

  it("shows a percentage as a whole number", () => {
    expect(percentText(61)).toBe("61%");
    expect(percentText(-17)).toBe("-17%");
    expect(percentText(0)).toBe("0%");
  });

  it("suggests the harga psikologis just below a price", () => {
    expect(charmPrice(15000)).toBe(14900);
    expect(charmPrice(5000)).toBe(4900);
    expect(charmPrice(14950)).toBe(14900);
    expect(charmPrice(150000)).toBe(149000);
    expect(charmPrice(1500000)).toBe(1490000);
    expect(charmPrice(100000)).toBe(99000);
    // 2.000 → 1.900 is 5% off, the most it offers; 3.000 → 2.900.
    expect(charmPrice(2000)).toBe(1900);
    expect(charmPrice(3000)).toBe(2900);
  });

  it("offers no price cut dressed as a harga psikologis: never more than 5% off", () => {
    // 1.000 → 900 (10% off), 1.500 → 900 (40%), 2.500 → 1.900 (24%), 5.500 → 4.900 (11%).
    expect(charmPrice(1000)).toBeNull();
    expect(charmPrice(1500)).toBeNull();
    expect(charmPrice(2500)).toBeNull();
    expect(charmPrice(5500)).toBeNull();
  });

  it("goes a step lower when the …900 of the price's own step is above it", () => {
    // 14.200: 14.900 is above it, so 13.900.
    expect(charmPrice(14200)).toBe(13900);
    // 152.000: 159.000 is above it, so 149.000.
    expect(charmPrice(152000)).toBe(149000);
    // 1.250.000: 1.290.000 is above it, so 1.190.000.
    expect(charmPrice(1250000)).toBe(1190000);
  });

  it("takes the step from the price itself", () => {
    // 98.000 is under 100.000: its step is Rp1.000, so 97.900.
    expect(charmPrice(98000)).toBe(97900);
    // 998.000: step Rp10.000, so 989.000 (0,9% off).
    expect(charmPrice(998000)).toBe(989000);
  });

  it("has nothing to offer for a small price or one that already ends like one", () => {
    expect(charmPrice(999)).toBeNull();
    expect(charmPrice(0)).toBeNull();
    expect(charmPrice(-15000)).toBeNull();
    expect(charmPrice(14900)).toBeNull();
    expect(charmPrice(149000)).toBeNull();
    expect(charmPrice(1490000)).toBeNull();
    // A 9 before the zeros already reads as one: 99.000, 9.000, 49.000, 999.999.
    expect(charmPrice(99000)).toBeNull();
    expect(charmPrice(9000)).toBeNull();
    expect(charmPrice(49000)).toBeNull();
    expect(charmPrice(999999)).toBeNull();
    expect(charmPrice(1500.5)).toBeNull();
  });

  it("reckons from the HPP of a counted product only", () => {
    expect(hppOf(product({ avg_cost: 5875 }))).toBe(5875);
    expect(hppOf(product({ avg_cost: 0 }))).toBeNull();
    expect(hppOf(product({ avg_cost: 5875, tracked: false }))).toBeNull();
    expect(hppOf(product({ avg_cost: 5875, components: [{ product: "p2", qty: 1000 }] }))).toBeNull();
    expect(productMargin(product({ price: 15000, avg_cost: 5875 }))).toEqual({ amount: 9125, percent: 61 });
    expect(productMargin(product({ price: 15000, avg_cost: 0 }))).toBeNull();
  });

  it("gives the form its hints", () => {
    // 15.000 over HPP 5.875: 9.125 (61%); 14.900 offered; grosir 13.500 fine,
    // 5.000 below by 875, exactly 5.875 fine, an unreadable one silent.
    expect(priceHints(15000, 5875, [13500, 5000, 5875, null])).toEqual({
      margin: { amount: 9125, percent: 61 },
      charm: 14900,
      tierLosses: [null, 875, null, null],
    });
    // A new product has no HPP: no margin, the suggestion still, no tier warning.
    expect(priceHints(15000, null, [5000])).toEqual({ margin: null, charm: 14900, tierLosses: [null] });
    // 15.000 over HPP 14.950: 50 (0,33% → 0%); 14.900 would be below HPP, so not offered.
    expect(priceHints(15000, 14950)).toEqual({ margin: { amount: 50, percent: 0 }, charm: null, tierLosses: [] });
    // 15.000 over HPP 14.900: 14.900 is at HPP, still offered.
    expect(priceHints(15000, 14900).charm).toBe(14900);
    // 5.000 below HPP 5.875: a loss of 875 (−17%); 4.900 is lower still, not offered.
    expect(priceHints(5000, 5875)).toEqual({ margin: { amount: -875, percent: -17 }, charm: null, tierLosses: [] });
    // A price not readable yet: nothing.
    expect(priceHints(null, 5875, [null])).toEqual({ margin: null, charm: null, tierLosses: [null] });
  });
});

describe("archivedToggle", () => {
  it("is absent when nothing is archived", () => {
    expect(archivedToggle(0)).toBeNull();
    expect(archivedToggle(-1)).toBeNull();
    expect(archivedToggle(Number.NaN)).toBeNull();
  });

  it("names the count, as the list shows it", () => {
    const m = archivedToggle(1);
    expect(m).toEqual({ key: "products.archivedList.toggle", params: { count: "1" } });
    if (!m || "raw" in m) throw new Error("expected a key");
    expect(interpolate(id[m.key], m.params)).toBe("Produk diarsipkan (1)");
    expect(interpolate(en[m.key], m.params)).toBe("Archived products (1)");
  });

  it("groups thousands the Indonesian way", () => {
    expect(archivedToggle(1250)).toEqual({ key: "products.archivedList.toggle", params: { count: "1.250" } });
  });
});

describe("archivedOpen", () => {
  it("stays open only while something is archived", () => {
    expect(archivedOpen(true, 2)).toBe(true);
    expect(archivedOpen(true, 0)).toBe(false);
    expect(archivedOpen(false, 2)).toBe(false);
  });
});
