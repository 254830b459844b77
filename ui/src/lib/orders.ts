// Pure rules of the Pesanan screens: channels and statuses with their labels, the board
// columns, the next step of an order, and what the new order form sends.
// Totals are never computed here: quote_sale and the order itself carry them.
// No Svelte, no Tauri: unit-tested in orders.test.ts.

import type { Order, OrderInput, OrderStatus } from "./bindings";
import type { CustomerRef } from "./customers";
import type { CartLine } from "./kasir";
import type { MessageKey } from "./messages";
import { promoCodeField } from "./promo";

export const ORDER_CHANNELS = ["toko", "whatsapp", "instagram", "facebook", "tokopedia", "shopee", "tiktok", "lainnya"] as const;

export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export const CHANNEL_KEYS: Record<OrderChannel, MessageKey> = {
  toko: "orders.channel.toko",
  whatsapp: "orders.channel.whatsapp",
  instagram: "orders.channel.instagram",
  facebook: "orders.channel.facebook",
  tokopedia: "orders.channel.tokopedia",
  shopee: "orders.channel.shopee",
  tiktok: "orders.channel.tiktok",
  lainnya: "orders.channel.lainnya",
};

/** The label of a stored channel code; an unknown one reads "Lainnya". */
export function channelKey(code: string): MessageKey {
  return (ORDER_CHANNELS as readonly string[]).includes(code) ? CHANNEL_KEYS[code as OrderChannel] : "orders.channel.lainnya";
}

export const STATUS_KEYS: Record<OrderStatus, MessageKey> = {
  baru: "orders.status.baru",
  dikonfirmasi: "orders.status.dikonfirmasi",
  diproses: "orders.status.diproses",
  siap: "orders.status.siap",
  dikirim: "orders.status.dikirim",
  selesai: "orders.status.selesai",
  dibatalkan: "orders.status.dibatalkan",
};

/** The way forward, in order. */
export const STATUS_STEPS: readonly OrderStatus[] = ["baru", "dikonfirmasi", "diproses", "siap", "dikirim", "selesai"];

/** The columns of the board. */
export const BOARD_STATUSES: readonly OrderStatus[] = ["baru", "dikonfirmasi", "diproses", "siap", "dikirim"];

/** The one status an order can move to next; null when it is done or cancelled. */
export function nextStatus(s: OrderStatus): OrderStatus | null {
  const at = STATUS_STEPS.indexOf(s);
  if (at < 0 || at >= STATUS_STEPS.length - 1) return null;
  return STATUS_STEPS[at + 1] ?? null;
}

/** The label of the "next status" button. */
export const NEXT_KEYS: Record<OrderStatus, MessageKey> = {
  baru: "orders.next.baru",
  dikonfirmasi: "orders.next.dikonfirmasi",
  diproses: "orders.next.diproses",
  siap: "orders.next.siap",
  dikirim: "orders.next.dikirim",
  selesai: "orders.next.selesai",
  dibatalkan: "orders.next.dibatalkan",
};

/** An order can still be cancelled: not done, not cancelled already. */
export const canCancelOrder = (o: Pick<Order, "status">): boolean => o.status !== "selesai" && o.status !== "dibatalkan";

/** Past its tanggal jadi/kirim and not done yet. `today` is ISO (yyyy-mm-dd). */
export function isOverdue(o: Pick<Order, "due_date" | "status">, today: string): boolean {
  return !!o.due_date && o.due_date < today && canCancelOrder(o);
}

export type Board = {
  columns: { status: OrderStatus; orders: Order[] }[];
  /** Selesai but still owing. */
  unpaidDone: Order[];
};

/** The open orders by column, keeping their order (by due date). */
export function boardOf(orders: readonly Order[]): Board {
  return {
    columns: BOARD_STATUSES.map((status) => ({ status, orders: orders.filter((o) => o.status === status) })),
    unpaidDone: orders.filter((o) => o.status === "selesai" && o.remaining > 0),
  };
}

export type OrderDraft = {
  customer: string;
  phone: string;
  channel: OrderChannel;
  address: string;
  cart: CartLine[];
  discount: string;
  shipping: string;
  dueDate: string;
  note: string;
  /** A customer chosen from the customer list. */
  member?: CustomerRef | null;
  /** A promo code as typed; empty or absent for none. */
  promo?: string;
};

export function emptyOrderDraft(): OrderDraft {
  return { customer: "", phone: "", channel: "whatsapp", address: "", cart: [], discount: "", shipping: "", dueDate: "", note: "" };
}

/**
 * What add_order takes; an empty jumlah is sent as 1 and prices are left to the backend
 * (grosir, promo price, and the promo code's discount).
 */
export function orderInput(d: OrderDraft, date = ""): OrderInput {
  return {
    date,
    channel: d.channel,
    customer: d.customer.trim(),
    phone: d.phone.trim(),
    address: d.address.trim(),
    lines: d.cart.map((l) => ({
      product: l.product,
      qty: l.qty.trim() === "" ? "1" : l.qty.trim(),
      price: "",
      discount: l.discount.trim(),
    })),
    discount: d.discount.trim(),
    shipping: d.shipping.trim(),
    due_date: d.dueDate.trim(),
    note: d.note.trim(),
    ...(d.member ? { customer_id: d.member.id } : {}),
    ...promoCodeField(d.promo),
  };
}
