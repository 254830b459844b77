import { describe, expect, it } from "vitest";
import {
  addPayLine,
  addToCart,
  canCancel,
  canStepDown,
  discardHeld,
  draftKey,
  drawerCheck,
  dueFor,
  emptyDraft,
  exactMatch,
  favourites,
  firstPayLine,
  heldKey,
  heldName,
  holdDraft,
  isDraftEmpty,
  isQtyValid,
  MAX_HELD,
  hasReturns,
  methodKey,
  NOTA_STATUS_KEYS,
  notaStatus,
  payAmount,
  phoneLike,
  paymentInputs,
  paySummary,
  priceSourceKey,
  quickCash,
  readDraft,
  readHeld,
  readPrinter,
  removeLine,
  removePayLine,
  resumeHeld,
  saleInput,
  saleMethods,
  setLineDiscount,
  setLineQty,
  setPayAmount,
  setPayMethod,
  stepLineQty,
  writeDraft,
  writeHeld,
  writePrinter,
  PRINTER_KEY,
  type CartLine,
  type Draft,
  type KeyValueStore,
  type PayLine,
} from "./kasir";

const kopi = { id: "p-kopi", name: "Kopi Bubuk 200 g", sku: "KOPI-200", barcode: "8991234567895", unit: "pack" };
const gula = { id: "p-gula", name: "Gula Pasir", sku: "GULA-1", barcode: "", unit: "kg" };

function line(over: Partial<CartLine> = {}): CartLine {
  return { product: "p-kopi", name: "Kopi Bubuk 200 g", sku: "KOPI-200", barcode: "", unit: "pack", qty: "1", discount: "", ...over };
}

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe("cart", () => {
  it("adds a new product as a line of 1, at the end", () => {
    const a = addToCart([], kopi);
    expect(a.index).toBe(0);
    expect(a.cart).toEqual([
      { product: "p-kopi", name: "Kopi Bubuk 200 g", sku: "KOPI-200", barcode: "8991234567895", unit: "pack", qty: "1", discount: "" },
    ]);
    const b = addToCart(a.cart, gula);
    expect(b.index).toBe(1);
    expect(b.cart.map((l) => [l.product, l.qty])).toEqual([
      ["p-kopi", "1"],
      ["p-gula", "1"],
    ]);
  });

  it("scanning a product already in the cart adds one to its line", () => {
    let cart = addToCart([], kopi).cart;
    cart = addToCart(cart, gula).cart;
    const again = addToCart(cart, kopi);
    expect(again.index).toBe(0);
    expect(again.cart).toHaveLength(2);
    expect(again.cart[0]?.qty).toBe("2");
    // 1,5 kg of gula scanned once more: 2,5.
    const typed = setLineQty(again.cart, 1, "1,5");
    expect(addToCart(typed, gula).cart[1]?.qty).toBe("2,5");
    // A jumlah that cannot be read counts as 0: one more makes it 1.
    expect(addToCart(setLineQty(again.cart, 0, "abc"), kopi).cart[0]?.qty).toBe("1");
    // The cart passed in is left as it was.
    expect(cart[0]?.qty).toBe("1");
  });

  it("steps the jumlah with + and −, never to zero", () => {
    const cart = [line({ qty: "2" }), line({ product: "p-gula", qty: "1,5" })];
    expect(stepLineQty(cart, 0, 1)[0]?.qty).toBe("3");
    expect(stepLineQty(cart, 0, -1)[0]?.qty).toBe("1");
    expect(stepLineQty(cart, 1, -1)[1]?.qty).toBe("0,5");
    expect(stepLineQty([line({ qty: "1" })], 0, -1)[0]?.qty).toBe("1");
    expect(stepLineQty([line({ qty: "0,5" })], 0, -1)[0]?.qty).toBe("0,5");
    expect(stepLineQty([line({ qty: "x" })], 0, 1)[0]?.qty).toBe("1");
    expect(stepLineQty([line({ qty: "999" })], 0, 1)[0]?.qty).toBe("1.000");
    expect(stepLineQty(cart, 5, 1)).toEqual(cart);
    expect(canStepDown(line({ qty: "2" }))).toBe(true);
    expect(canStepDown(line({ qty: "1,5" }))).toBe(true);
    expect(canStepDown(line({ qty: "1" }))).toBe(false);
    expect(canStepDown(line({ qty: "" }))).toBe(false);
  });

  it("removes a line and types over jumlah and diskon", () => {
    const cart = [line(), line({ product: "p-gula" }), line({ product: "p-teh" })];
    expect(removeLine(cart, 1).map((l) => l.product)).toEqual(["p-kopi", "p-teh"]);
    expect(setLineQty(cart, 2, "4")[2]?.qty).toBe("4");
    expect(setLineDiscount(cart, 0, "1.000")[0]?.discount).toBe("1.000");
    expect(cart[0]?.discount).toBe("");
  });

  it("checks a jumlah as typed", () => {
    expect(isQtyValid("1")).toBe(true);
    expect(isQtyValid("0,25")).toBe(true);
    expect(isQtyValid("0")).toBe(false);
    expect(isQtyValid("-1")).toBe(false);
    expect(isQtyValid("")).toBe(false);
    expect(isQtyValid("dua")).toBe(false);
  });

  it("builds the sale input with prices left to the backend", () => {
    const d: Draft = {
      cart: [line({ qty: " 2 ", discount: " 500 " }), line({ product: "p-gula", qty: "" })],
      discount: " 1.000 ",
      customer: " Bu Ani ",
      note: " antar sore ",
    };
    expect(saleInput(d)).toEqual({
      date: "",
      lines: [
        { product: "p-kopi", qty: "2", price: "", discount: "500" },
        { product: "p-gula", qty: "1", price: "", discount: "" },
      ],
      discount: "1.000",
      payments: [],
      customer: "Bu Ani",
      note: "antar sore",
    });
    const pays = [{ method: "tunai" as const, amount: "50.000", account: "" }];
    expect(saleInput(d, pays, "2026-11-22").payments).toEqual(pays);
    expect(saleInput(d, pays, "2026-11-22").date).toBe("2026-11-22");
  });

  it("sends the customer chosen from the list, and the points they redeem", () => {
    const member = { id: "c1", name: "Bu Ani", phone: "6281234567890" };
    const d: Draft = { cart: [line()], discount: "", customer: "ani", note: "", member, redeem: " 50 " };
    expect(saleInput(d)).toMatchObject({ customer: "Bu Ani", customer_id: "c1", redeem_points: "50" });
    const noRedeem = saleInput({ ...d, redeem: "" });
    expect(noRedeem.customer_id).toBe("c1");
    expect("redeem_points" in noRedeem).toBe(false);
    const walkIn = saleInput({ ...d, member: null, redeem: "50" });
    expect(walkIn.customer).toBe("ani");
    expect("customer_id" in walkIn || "redeem_points" in walkIn).toBe(false);
    expect(isDraftEmpty({ ...emptyDraft(), member })).toBe(false);
  });

  it("sends the promo code applied, and nothing without one", () => {
    const d: Draft = { cart: [line()], discount: "", customer: "", note: "", promo: "HEMAT5" };
    expect(saleInput(d)).toMatchObject({ promo_code: "HEMAT5" });
    expect(saleInput({ ...d, promo: "hemat5" }).promo_code).toBe("HEMAT5");
    expect("promo_code" in saleInput({ ...d, promo: "" })).toBe(false);
    expect("promo_code" in saleInput({ ...d, promo: undefined })).toBe(false);
    // With a customer: their id, points and the code go together.
    const member = { id: "c1", name: "Bu Rina", phone: "" };
    expect(saleInput({ ...d, member, redeem: "10" })).toMatchObject({ customer_id: "c1", redeem_points: "10", promo_code: "HEMAT5" });
    expect(isDraftEmpty({ ...emptyDraft(), promo: "HEMAT5" })).toBe(false);
    expect(isDraftEmpty({ ...emptyDraft(), promo: "" })).toBe(true);
  });

  it("knows an empty draft", () => {
    expect(isDraftEmpty(emptyDraft())).toBe(true);
    expect(isDraftEmpty({ ...emptyDraft(), customer: "Bu Ani" })).toBe(false);
    expect(isDraftEmpty({ ...emptyDraft(), cart: [line()] })).toBe(false);
    expect(isDraftEmpty({ ...emptyDraft(), customer: "  " })).toBe(true);
  });
});

describe("exactMatch", () => {
  const results = [
    { name: "Kopi Bubuk 200 g", sku: "KOPI-200", barcode: "8991234567895" },
    { name: "Kopi Susu", sku: "KOPI-SUSU", barcode: "" },
    { name: "Gula", sku: "8991234567895", barcode: "" },
  ];

  it("takes an exact barcode first, then SKU, then name, case ignored", () => {
    expect(exactMatch("8991234567895", results)?.name).toBe("Kopi Bubuk 200 g");
    expect(exactMatch("kopi-susu", results)?.name).toBe("Kopi Susu");
    expect(exactMatch(" kopi susu ", results)?.name).toBe("Kopi Susu");
  });

  it("answers null when the list must be shown", () => {
    expect(exactMatch("kopi", results)).toBeNull();
    expect(exactMatch("", results)).toBeNull();
    expect(exactMatch("123", [])).toBeNull();
  });
});

describe("favourites", () => {
  const products = Array.from({ length: 15 }, (_, i) => ({
    id: `p${i}`,
    active: i !== 2,
    category: i % 2 === 0 ? "Minuman" : "Makanan",
  }));

  it("shows the first 12 active products", () => {
    const f = favourites(products);
    expect(f).toHaveLength(12);
    expect(f.map((p) => p.id)).not.toContain("p2");
    expect(f[0]?.id).toBe("p0");
    expect(f[11]?.id).toBe("p12");
  });

  it("filters by category, case ignored", () => {
    expect(favourites(products, "minuman").map((p) => p.id)).toEqual(["p0", "p4", "p6", "p8", "p10", "p12", "p14"]);
    expect(favourites(products, "Makanan", 3).map((p) => p.id)).toEqual(["p1", "p3", "p5"]);
  });
});

describe("labels", () => {
  it("names the price source of a line; the usual price needs no badge", () => {
    expect(priceSourceKey("grosir")).toBe("kasir.source.grosir");
    expect(priceSourceKey("promo")).toBe("kasir.source.promo");
    expect(priceSourceKey("manual")).toBe("kasir.source.manual");
    expect(priceSourceKey("normal")).toBeNull();
    expect(priceSourceKey("")).toBeNull();
  });

  it("names payment methods, an unknown one as other", () => {
    expect(methodKey("tunai")).toBe("kasir.method.tunai");
    expect(methodKey("qris")).toBe("kasir.method.qris");
    expect(methodKey("kripto")).toBe("kasir.method.other");
    expect(
      saleMethods({
        payments: [
          { method: "qris", account: "a", amount: 5 },
          { method: "tunai", account: "b", amount: 5 },
          { method: "qris", account: "a", amount: 1 },
        ],
      }),
    ).toEqual(["qris", "tunai"]);
  });

  it("tells a recorded nota, a cancelled one and a cancellation apart", () => {
    expect(notaStatus({ reverses: null, cancelled_by: null })).toBe("done");
    expect(notaStatus({ reverses: null, cancelled_by: "c1" })).toBe("cancelled");
    expect(notaStatus({ reverses: "s1", cancelled_by: null })).toBe("cancellation");
    expect(canCancel({ reverses: null, cancelled_by: null })).toBe(true);
    expect(canCancel({ reverses: null, cancelled_by: "c1" })).toBe(false);
    expect(canCancel({ reverses: "s1", cancelled_by: null })).toBe(false);
  });

  it("tells a retur nota apart, and keeps a nota with returns from being cancelled", () => {
    expect(notaStatus({ reverses: "s1", cancelled_by: null, is_return: true })).toBe("return");
    expect(notaStatus({ reverses: "s1", cancelled_by: null, is_return: false })).toBe("cancellation");
    expect(notaStatus({ reverses: null, cancelled_by: null, is_return: false })).toBe("done");
    expect(NOTA_STATUS_KEYS.return).toBe("kasir.status.return");
    expect(hasReturns({ returns: [] })).toBe(false);
    expect(hasReturns({ returns: ["A-2026-000005"] })).toBe(true);
    expect(canCancel({ reverses: null, cancelled_by: null, is_return: false, returns: [] })).toBe(true);
    expect(canCancel({ reverses: null, cancelled_by: null, is_return: false, returns: ["A-2026-000005"] })).toBe(false);
    // A retur nota itself is never cancelled.
    expect(canCancel({ reverses: "s1", cancelled_by: null, is_return: true, returns: [] })).toBe(false);
  });
});

describe("payment", () => {
  const tunai = (amount: string): PayLine => ({ method: "tunai", amount, received: false });
  const qris = (amount: string, received = false): PayLine => ({ method: "qris", amount, received });

  it("starts with tunai prefilled with the total", () => {
    expect(firstPayLine(37_500)).toEqual({ method: "tunai", amount: "37.500", received: false });
    expect(firstPayLine(0)).toEqual({ method: "tunai", amount: "", received: false });
  });

  it("reads amounts as typed", () => {
    expect(payAmount(tunai("50.000"))).toBe(50_000);
    expect(payAmount(tunai("Rp20.000"))).toBe(20_000);
    expect(payAmount(tunai(""))).toBe(0);
    expect(payAmount(tunai("lima puluh"))).toBeNull();
  });

  it("gives the change from a Rp50.000 note on Rp37.500", () => {
    const s = paySummary(37_500, [tunai("50.000")]);
    expect(s).toEqual({
      paid: 50_000,
      change: 12_500,
      short: 0,
      cash: 50_000,
      unreadable: false,
      changeWithoutCash: false,
      qrisPending: false,
    });
  });

  it("says what is short", () => {
    const s = paySummary(15_000, [tunai("10.000")]);
    expect(s.short).toBe(5_000);
    expect(s.change).toBe(0);
    expect(paySummary(15_000, [tunai("")]).short).toBe(15_000);
    expect(paySummary(15_000, [tunai("15.000")])).toMatchObject({ short: 0, change: 0 });
  });

  it("adds split payments up: Rp20.000 cash + Rp17.500 QRIS on Rp37.500", () => {
    const lines = [tunai("20.000"), qris("17.500")];
    const s = paySummary(37_500, lines);
    expect(s).toMatchObject({ paid: 37_500, change: 0, short: 0, cash: 20_000, qrisPending: true });
    expect(paySummary(37_500, [tunai("20.000"), qris("17.500", true)]).qrisPending).toBe(false);
  });

  it("flags change that cannot come out of cash, and unreadable amounts", () => {
    // Rp40.000 by transfer on Rp37.500: Rp2.500 too much and no cash to give it back from.
    const over = paySummary(37_500, [{ method: "transfer", amount: "40.000", received: false }]);
    expect(over).toMatchObject({ change: 2_500, cash: 0, changeWithoutCash: true });
    // Rp10.000 cash + Rp30.000 transfer on Rp37.500: Rp2.500 change out of the cash is fine.
    const mixed = paySummary(37_500, [tunai("10.000"), { method: "transfer", amount: "30.000", received: false }]);
    expect(mixed).toMatchObject({ paid: 40_000, change: 2_500, changeWithoutCash: false });
    const bad = paySummary(10_000, [tunai("sepuluh"), tunai("4.000")]);
    expect(bad).toMatchObject({ unreadable: true, paid: 4_000, short: 6_000 });
  });

  it("offers the next round 10.000, 50.000 and 100.000 above what is due", () => {
    expect(quickCash(37_500)).toEqual([40_000, 50_000, 100_000]);
    expect(quickCash(15_000)).toEqual([20_000, 50_000, 100_000]);
    expect(quickCash(40_000)).toEqual([50_000, 100_000]);
    expect(quickCash(120_000)).toEqual([150_000, 200_000]);
    expect(quickCash(123_000)).toEqual([130_000, 150_000, 200_000]);
    expect(quickCash(100_000)).toEqual([]);
    expect(quickCash(95_001)).toEqual([100_000]);
    expect(quickCash(1)).toEqual([10_000, 50_000, 100_000]);
    expect(quickCash(0)).toEqual([]);
    expect(quickCash(-5)).toEqual([]);
  });

  it("says what is still due on a line: the total less the other lines", () => {
    const lines = [tunai("20.000"), qris("")];
    expect(dueFor(37_500, lines, 1)).toBe(17_500);
    expect(dueFor(37_500, lines, 0)).toBe(37_500);
    expect(dueFor(10_000, [tunai("50.000"), qris("")], 1)).toBe(0);
  });

  it("adds another way of paying for the rest", () => {
    const first = [tunai("20.000")];
    const added = addPayLine(first, 37_500);
    expect(added.index).toBe(1);
    expect(added.lines[1]).toEqual({ method: "transfer", amount: "17.500", received: false });
    // Nothing short: the new line starts empty; without a tunai line it is tunai.
    const paid = addPayLine([qris("37.500")], 37_500);
    expect(paid.lines[1]).toEqual({ method: "tunai", amount: "", received: false });
  });

  it("switching a line to non-cash takes what is due on it; back to tunai keeps the amount", () => {
    // Tunai prefilled Rp37.500, handed Rp50.000, then switched to QRIS: QRIS is to the rupiah.
    const lines = [tunai("50.000")];
    const q = setPayMethod(lines, 0, "qris", 37_500);
    expect(q[0]).toEqual({ method: "qris", amount: "37.500", received: false });
    const split = setPayMethod([tunai("20.000"), tunai("50.000")], 1, "kartu", 37_500);
    expect(split[1]).toEqual({ method: "kartu", amount: "17.500", received: false });
    expect(setPayMethod(q, 0, "tunai", 37_500)[0]).toEqual({ method: "tunai", amount: "37.500", received: false });
    // Nothing left to pay on it: the amount is left empty (not "0").
    expect(setPayMethod([tunai("37.500"), tunai("")], 1, "dompet", 37_500)[1]).toEqual({
      method: "dompet",
      amount: "",
      received: false,
    });
    // The same method again changes nothing (a received QRIS stays received).
    const received = [qris("37.500", true)];
    expect(setPayMethod(received, 0, "qris", 37_500)).toEqual(received);
  });

  it("a changed QRIS amount must be confirmed again", () => {
    const lines = [qris("37.500", true)];
    expect(setPayAmount(lines, 0, "37.500")[0]?.received).toBe(true);
    expect(setPayAmount(lines, 0, "40.000")[0]).toEqual({ method: "qris", amount: "40.000", received: false });
  });

  it("keeps at least one line", () => {
    expect(removePayLine([tunai("1")], 0)).toHaveLength(1);
    expect(removePayLine([tunai("1"), qris("2")], 0)).toEqual([qris("2")]);
  });

  it("sends the payments as typed, without empty or zero lines", () => {
    expect(paymentInputs([tunai(" 50.000 "), qris(""), tunai("0"), qris("17.500", true), tunai("x")])).toEqual([
      { method: "tunai", amount: "50.000", account: "" },
      { method: "qris", amount: "17.500", account: "" },
      { method: "tunai", amount: "x", account: "" },
    ]);
  });
});

describe("drawerCheck", () => {
  it("counts the drawer against tunai sales plus the modal awal", () => {
    // Rp250.000 tunai from sales, Rp100.000 modal awal: Rp350.000 should be there.
    expect(drawerCheck(250_000, "100.000", "350.000")).toEqual({
      ok: true,
      expected: 350_000,
      counted: 350_000,
      difference: 0,
      kind: "even",
    });
    expect(drawerCheck(250_000, "100.000", "352.000")).toMatchObject({ difference: 2_000, kind: "over" });
    expect(drawerCheck(250_000, "", "245.500")).toMatchObject({ expected: 250_000, difference: -4_500, kind: "short" });
    expect(drawerCheck(0, "", "0")).toMatchObject({ ok: true, difference: 0, kind: "even" });
  });

  it("says what cannot be read", () => {
    expect(drawerCheck(250_000, "", "")).toEqual({ ok: false, problem: "empty" });
    expect(drawerCheck(250_000, "", "dua ratus")).toEqual({ ok: false, problem: "counted" });
    expect(drawerCheck(250_000, "seratus", "1")).toEqual({ ok: false, problem: "opening" });
    expect(drawerCheck(250_000, "-5", "1")).toEqual({ ok: false, problem: "opening" });
  });
});

describe("held carts", () => {
  const a: Draft = { cart: [line()], discount: "", customer: "", note: "" };
  const b: Draft = { cart: [line({ product: "p-gula", name: "Gula Pasir" }), line()], discount: "500", customer: "Pak Budi", note: "" };

  it("parks a cart, newest first; an empty cart is not held", () => {
    let held = holdDraft([], a, 1_000, "h1");
    held = holdDraft(held, b, 2_000, "h2");
    expect(held.map((h) => [h.id, h.savedAt, h.cart.length])).toEqual([
      ["h2", 2_000, 2],
      ["h1", 1_000, 1],
    ]);
    expect(holdDraft(held, emptyDraft(), 3_000, "h3")).toHaveLength(2);
  });

  it("keeps at most MAX_HELD carts", () => {
    let held = holdDraft([], a, 0, "h0");
    for (let i = 1; i <= MAX_HELD + 2; i++) held = holdDraft(held, a, i, `h${i}`);
    expect(held).toHaveLength(MAX_HELD);
    expect(held[0]?.id).toBe(`h${MAX_HELD + 2}`);
  });

  it("resumes a held cart and holds the one on screen in its place", () => {
    const held = holdDraft(holdDraft([], a, 1_000, "h1"), b, 2_000, "h2");
    const r = resumeHeld(held, "h2", a, 3_000, "h3");
    expect(r.draft).toEqual(b);
    expect(r.held.map((h) => h.id)).toEqual(["h3", "h1"]);
    const empty = resumeHeld(held, "h1", emptyDraft(), 3_000, "h3");
    expect(empty.draft).toEqual(a);
    expect(empty.held.map((h) => h.id)).toEqual(["h2"]);
    expect(resumeHeld(held, "nope", a, 3_000, "h3")).toEqual({ held, draft: null });
    expect(discardHeld(held, "h1").map((h) => h.id)).toEqual(["h2"]);
  });

  it("keeps the chosen customer of a held cart", () => {
    const member = { id: "c1", name: "Bu Ani", phone: "" };
    const c: Draft = { ...a, member, redeem: "20" };
    const held = holdDraft([], c, 1_000, "h1");
    expect(held[0]?.member).toEqual(member);
    expect(resumeHeld(held, "h1", emptyDraft(), 2_000, "h2").draft).toEqual(c);
    expect(heldName(c)).toEqual({ name: "Bu Ani", count: 1 });
  });

  it("keeps the promo code of a held cart", () => {
    const c: Draft = { ...a, promo: "HEMAT5" };
    const held = holdDraft([], c, 1_000, "h1");
    expect(held[0]?.promo).toBe("HEMAT5");
    // Taking it back brings the code; the cart on screen is held with its own (none here).
    const r = resumeHeld(held, "h1", b, 2_000, "h2");
    expect(r.draft).toEqual(c);
    expect(r.held[0]?.id).toBe("h2");
    expect("promo" in (r.held[0] ?? {})).toBe(false);
    // A held cart is a copy: applying another code later does not change it.
    c.promo = "SETIA10";
    expect(held[0]?.promo).toBe("HEMAT5");
  });

  it("names a held cart by its customer, else its first product", () => {
    expect(heldName(b)).toEqual({ name: "Pak Budi", count: 2 });
    expect(heldName(a)).toEqual({ name: "Kopi Bubuk 200 g", count: 1 });
  });
});

describe("kept on this computer", () => {
  it("keeps the cart per business and forgets an empty one", () => {
    const store = memoryStore();
    const d: Draft = { cart: [line({ qty: "3" })], discount: "1.000", customer: "Bu Ani", note: "" };
    writeDraft(store, "biz-1", d);
    expect(store.data.has(draftKey("biz-1"))).toBe(true);
    expect(readDraft(store, "biz-1")).toEqual(d);
    expect(readDraft(store, "biz-2")).toEqual(emptyDraft());
    writeDraft(store, "biz-1", emptyDraft());
    expect(store.data.has(draftKey("biz-1"))).toBe(false);
  });

  it("keeps the chosen customer with the cart, dropping a broken one", () => {
    const store = memoryStore();
    const d: Draft = { cart: [line()], discount: "", customer: "", note: "", member: { id: "c1", name: "Bu Ani", phone: "" }, redeem: "5" };
    writeDraft(store, "biz", d);
    expect(readDraft(store, "biz")).toEqual(d);
    store.setItem(draftKey("biz"), JSON.stringify({ ...d, member: { id: 3 } }));
    expect(readDraft(store, "biz")).toEqual({ cart: [line()], discount: "", customer: "", note: "" });
  });

  it("keeps the promo code with the cart and the held carts", () => {
    const store = memoryStore();
    const d: Draft = { cart: [line()], discount: "", customer: "", note: "", promo: "HEMAT5" };
    writeDraft(store, "biz", d);
    expect(readDraft(store, "biz")).toEqual(d);
    // A code alone is worth keeping (typed before the first scan).
    writeDraft(store, "biz", { ...emptyDraft(), promo: "HEMAT5" });
    expect(readDraft(store, "biz")).toEqual({ ...emptyDraft(), promo: "HEMAT5" });
    // Stored in small letters or broken: cleaned, or dropped.
    store.setItem(draftKey("biz"), JSON.stringify({ ...d, promo: "hemat 5" }));
    expect(readDraft(store, "biz").promo).toBe("HEMAT5");
    store.setItem(draftKey("biz"), JSON.stringify({ ...d, promo: 5 }));
    expect(readDraft(store, "biz")).toEqual({ cart: [line()], discount: "", customer: "", note: "" });
    const held = holdDraft([], d, 5, "h1");
    writeHeld(store, "biz", held);
    expect(readHeld(store, "biz")[0]?.promo).toBe("HEMAT5");
  });

  it("reads held carts back, skipping what is broken", () => {
    const store = memoryStore();
    const held = holdDraft([], { ...emptyDraft(), cart: [line()] }, 5, "h1");
    writeHeld(store, "biz", held);
    expect(readHeld(store, "biz")).toEqual(held);
    store.setItem(heldKey("biz"), JSON.stringify([{ id: "x", savedAt: 1, cart: [{ product: 3 }] }, { nonsense: true }, held[0]]));
    expect(readHeld(store, "biz")).toEqual(held);
    store.setItem(heldKey("biz"), "{not json");
    expect(readHeld(store, "biz")).toEqual([]);
    expect(readHeld(null, "biz")).toEqual([]);
    store.setItem(draftKey("biz"), "[]");
    expect(readDraft(store, "biz")).toEqual(emptyDraft());
  });

  it("keeps the printer address and paper", () => {
    const store = memoryStore();
    expect(readPrinter(store)).toEqual({ address: "", paper: "mm58" });
    writePrinter(store, { address: " 192.168.1.50:9100 ", paper: "mm80" });
    expect(readPrinter(store)).toEqual({ address: "192.168.1.50:9100", paper: "mm80" });
    store.setItem(PRINTER_KEY, JSON.stringify({ address: 5, paper: "a5" }));
    expect(readPrinter(store)).toEqual({ address: "", paper: "mm58" });
  });
});

describe("phoneLike", () => {
  it("knows a customer typed as a phone number", () => {
    expect(phoneLike("0812 3456 7890")).toBe(true);
    expect(phoneLike("+62 812-3456-7890")).toBe(true);
    expect(phoneLike("081234567")).toBe(true);
    expect(phoneLike("Bu Ani")).toBe(false);
    expect(phoneLike("0812")).toBe(false);
    expect(phoneLike("")).toBe(false);
    expect(phoneLike("1234567890123456")).toBe(false);
  });
});
