import { describe, expect, it } from "vitest";
import type { Sale, SaleLine } from "./bindings";
import {
  canReturn,
  canStepReturnDown,
  canStepReturnUp,
  capReturnQty,
  emptyReturnQtys,
  hasReturnQty,
  leftToReturn,
  refundBreakdown,
  returnAllQtys,
  returnInput,
  returnQty,
  stepReturnQty,
  unreadableReturnQtys,
} from "./returns";

const line = (over: Partial<SaleLine>): SaleLine => ({
  product: "p",
  name: "Barang",
  unit: "pcs",
  qty: 1000,
  unit_price: 1000,
  price_source: "normal",
  discount: 0,
  total: 1000,
  cost: 0,
  returned: 0,
  ...over,
});

// Kopi 3 pcs @ Rp5.000 (1 returned already), Gula 1,5 kg @ Rp16.000 less Rp1.000,
// Teh 2 pcs @ Rp4.000 (all returned already); diskon nota Rp2.000.
const lines: SaleLine[] = [
  line({ product: "kopi", name: "Kopi sachet", qty: 3000, unit_price: 5000, total: 15_000, returned: 1000 }),
  line({ product: "gula", name: "Gula pasir", unit: "kg", qty: 1500, unit_price: 16_000, discount: 1000, total: 23_000 }),
  line({ product: "teh", name: "Teh celup", qty: 2000, unit_price: 4000, total: 8000, returned: 2000 }),
];

const sale = (over: Partial<Sale>): Sale => ({
  id: "s1",
  number: "A-2026-000003",
  date: "2026-05-04",
  lines,
  subtotal: 47_000,
  discount: 3000,
  order_discount: 2000,
  total: 44_000,
  payments: [{ method: "tunai", account: "kas", amount: 50_000 }],
  paid: 50_000,
  change: 6000,
  customer: "",
  note: "",
  entry: "e1",
  reverses: null,
  cancelled_by: null,
  is_return: false,
  returns: ["A-2026-000004"],
  damaged: false,
  customer_id: null,
  points_earned: 0,
  points_redeemed: 0,
  promo: null,
  promo_discount: 0,
  ...over,
});

describe("what is left to return", () => {
  it("is sold less returned before, never below zero", () => {
    expect(lines.map(leftToReturn)).toEqual([2000, 1500, 0]);
    expect(leftToReturn({ qty: 1000, returned: 1500 })).toBe(0);
  });

  it("lets only a recorded nota with something left be returned", () => {
    expect(canReturn(sale({}))).toBe(true);
    expect(canReturn(sale({ cancelled_by: "c1" }))).toBe(false);
    expect(canReturn(sale({ reverses: "s0" }))).toBe(false);
    expect(canReturn(sale({ reverses: "s0", is_return: true }))).toBe(false);
    const allBack = lines.map((l) => ({ ...l, returned: l.qty }));
    expect(canReturn(sale({ lines: allBack }))).toBe(false);
  });
});

describe("the jumlah typed per line", () => {
  it("starts empty, one per line", () => {
    expect(emptyReturnQtys(lines)).toEqual(["", "", ""]);
  });

  it("reads empty as 0 and refuses what cannot be read or is negative", () => {
    expect(returnQty("")).toBe(0);
    expect(returnQty("2")).toBe(2000);
    expect(returnQty("0,5")).toBe(500);
    expect(returnQty("abc")).toBeNull();
    expect(returnQty("-1")).toBeNull();
    expect(unreadableReturnQtys(["1", "abc", "-1", ""])).toEqual([1, 2]);
  });

  it("is capped at what is left, and says so", () => {
    expect(capReturnQty("5", 2000)).toEqual({ text: "2", capped: true });
    expect(capReturnQty("2", 2000)).toEqual({ text: "2", capped: false });
    expect(capReturnQty("2", 1500)).toEqual({ text: "1,5", capped: true });
    expect(capReturnQty("1,5", 1500)).toEqual({ text: "1,5", capped: false });
    expect(capReturnQty("", 2000)).toEqual({ text: "", capped: false });
    expect(capReturnQty("abc", 2000)).toEqual({ text: "abc", capped: false });
  });

  it("steps by one unit between 0 and what is left", () => {
    expect(stepReturnQty("", 2000, 1)).toBe("1");
    expect(stepReturnQty("1", 2000, 1)).toBe("2");
    expect(stepReturnQty("2", 2000, 1)).toBe("2");
    expect(stepReturnQty("1", 1500, 1)).toBe("1,5");
    expect(stepReturnQty("1,5", 1500, -1)).toBe("0,5");
    expect(stepReturnQty("0,5", 1500, -1)).toBe("");
    expect(stepReturnQty("", 2000, -1)).toBe("");
    expect(stepReturnQty("abc", 2000, 1)).toBe("1");
    expect(canStepReturnDown("")).toBe(false);
    expect(canStepReturnDown("0,5")).toBe(true);
    expect(canStepReturnUp("1", 2000)).toBe(true);
    expect(canStepReturnUp("2", 2000)).toBe(false);
  });

  it("fills every line with what is left", () => {
    expect(returnAllQtys(lines)).toEqual(["2", "1,5", ""]);
  });

  it("knows when something is to be returned", () => {
    expect(hasReturnQty(["", "0", ""])).toBe(false);
    expect(hasReturnQty(["", "0,5", ""])).toBe(true);
    expect(hasReturnQty(["abc"])).toBe(false);
  });
});

describe("what quote_return and return_sale take", () => {
  it("sends the lines with a jumlah, numbered from 1, and the refund method", () => {
    expect(returnInput(["2", "", "0"], "transfer", "  barang rusak ")).toEqual({
      lines: [{ line: 1, qty: "2" }],
      method: "transfer",
      account: "",
      reason: "barang rusak",
      damaged: false,
    });
    expect(returnInput(["1", " 1,5 ", ""], "tunai", "")).toEqual({
      lines: [
        { line: 1, qty: "1" },
        { line: 2, qty: "1,5" },
      ],
      method: "tunai",
      account: "",
      reason: "",
      damaged: false,
    });
  });

  it("says when the goods are damaged and stay off the shelf", () => {
    expect(returnInput(["1"], "tunai", "bocor", true)).toEqual({
      lines: [{ line: 1, qty: "1" }],
      method: "tunai",
      account: "",
      reason: "bocor",
      damaged: true,
    });
  });

  it("sends a jumlah that cannot be read as typed, for the backend to name", () => {
    expect(returnInput(["", "", "x"], "qris", "").lines).toEqual([{ line: 3, qty: "x" }]);
  });
});

describe("the refund of a quote", () => {
  it("turns the negative retur nota into positive amounts", () => {
    // 2 Kopi back: 2 × Rp5.000 = Rp10.000; nota discount share 2.000 × 10.000 / 38.000 ≈ Rp526.
    expect(refundBreakdown({ subtotal: -10_000, discount: -526, order_discount: -526, total: -9474 })).toEqual({
      goods: 10_000,
      lineDiscount: 0,
      orderDiscount: 526,
      refund: 9474,
    });
    // 1 kg Gula back: Rp16.000; its line discount share 1.000 × 1 / 1,5 ≈ Rp667; the net
    // Rp15.333 carries 2.000 × 15.333 / 38.000 ≈ Rp807 of the nota discount: refund Rp14.526.
    const b = refundBreakdown({ subtotal: -16_000, discount: -1474, order_discount: -807, total: -14_526 });
    expect(b).toEqual({ goods: 16_000, lineDiscount: 667, orderDiscount: 807, refund: 14_526 });
    expect(b.goods - b.lineDiscount - b.orderDiscount).toBe(b.refund);
  });

  it("never shows a negative zero", () => {
    const b = refundBreakdown({ subtotal: 0, discount: 0, order_discount: 0, total: 0 });
    expect(Object.is(b.refund, 0)).toBe(true);
    expect(Object.is(b.lineDiscount, 0)).toBe(true);
  });
});
