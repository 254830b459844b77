import { describe, expect, it } from "vitest";
import type { Order } from "./bindings";
import { boardOf, canCancelOrder, channelKey, emptyOrderDraft, isOverdue, nextStatus, orderInput } from "./orders";

const order = (over: Partial<Order>): Order => ({
  id: "1",
  number: "PSN-1",
  date: "2026-05-01",
  channel: "whatsapp",
  customer: "Bu Ani",
  phone: "",
  address: "",
  due_date: null,
  lines: [],
  subtotal: 0,
  discount: 0,
  shipping: 0,
  total: 100_000,
  paid: 0,
  pending: 0,
  remaining: 100_000,
  status: "baru",
  courier: "",
  tracking: "",
  delivered: false,
  note: "",
  customer_id: null,
  ...over,
});

describe("orders", () => {
  it("moves one step at a time and stops when done or cancelled", () => {
    expect(nextStatus("baru")).toBe("dikonfirmasi");
    expect(nextStatus("siap")).toBe("dikirim");
    expect(nextStatus("dikirim")).toBe("selesai");
    expect(nextStatus("selesai")).toBeNull();
    expect(nextStatus("dibatalkan")).toBeNull();
    expect(canCancelOrder({ status: "dikirim" })).toBe(true);
    expect(canCancelOrder({ status: "selesai" })).toBe(false);
  });

  it("groups the board by status, with selesai-but-owing apart", () => {
    const b = boardOf([
      order({ number: "A", status: "baru" }),
      order({ number: "B", status: "siap" }),
      order({ number: "C", status: "selesai", remaining: 5_000 }),
      order({ number: "D", status: "selesai", remaining: 0 }),
    ]);
    expect(b.columns.map((c) => [c.status, c.orders.map((o) => o.number)])).toEqual([
      ["baru", ["A"]],
      ["dikonfirmasi", []],
      ["diproses", []],
      ["siap", ["B"]],
      ["dikirim", []],
    ]);
    expect(b.unpaidDone.map((o) => o.number)).toEqual(["C"]);
  });

  it("marks an order past its due date, unless done", () => {
    expect(isOverdue({ due_date: "2026-05-01", status: "baru" }, "2026-05-02")).toBe(true);
    expect(isOverdue({ due_date: "2026-05-02", status: "baru" }, "2026-05-02")).toBe(false);
    expect(isOverdue({ due_date: "2026-05-01", status: "selesai" }, "2026-05-02")).toBe(false);
    expect(isOverdue({ due_date: null, status: "baru" }, "2026-05-02")).toBe(false);
  });

  it("labels unknown channels as Lainnya", () => {
    expect(channelKey("shopee")).toBe("orders.channel.shopee");
    expect(channelKey("pasar")).toBe("orders.channel.lainnya");
  });

  it("builds what add_order takes", () => {
    const d = {
      ...emptyOrderDraft(),
      customer: " Bu Ani ",
      cart: [{ product: "p1", name: "Kue", sku: "K1", barcode: "", unit: "pcs", qty: " ", discount: "" }],
      shipping: "10.000",
      dueDate: "2026-05-10",
    };
    expect(orderInput(d)).toEqual({
      date: "",
      channel: "whatsapp",
      customer: "Bu Ani",
      phone: "",
      address: "",
      lines: [{ product: "p1", qty: "1", price: "", discount: "" }],
      discount: "",
      shipping: "10.000",
      due_date: "2026-05-10",
      note: "",
    });
    expect("customer_id" in orderInput(d)).toBe(false);
  });

  it("sends a promo code typed, upper case, and nothing without one", () => {
    const d = { ...emptyOrderDraft(), customer: "Bu Ani", promo: " hemat5 " };
    expect(orderInput(d).promo_code).toBe("HEMAT5");
    expect("promo_code" in orderInput({ ...d, promo: "" })).toBe(false);
    expect("promo_code" in orderInput(emptyOrderDraft())).toBe(false);
  });

  it("links the order to a customer chosen from the list", () => {
    const d = { ...emptyOrderDraft(), customer: "Bu Ani", member: { id: "c1", name: "Bu Ani", phone: "" } };
    expect(orderInput(d).customer_id).toBe("c1");
    expect("customer_id" in orderInput({ ...d, member: null })).toBe(false);
  });
});
