// Pure rules of the Laporan penjualan tab: channel and category labels, gross profit, the
// totals under the product and category tables, and when a period has nothing to show.
// The figures themselves come from sales_report; nothing is recomputed here but sums of rows.
// No Svelte, no Tauri: unit-tested in salesReport.test.ts.

import type { ItemSales, SalesReport } from "./bindings";
import type { MessageKey } from "./messages";
import { channelKey } from "./orders";

/** The label of a channel in the report: the cashier's notas are "Toko (kasir)", orders by their channel. */
export function reportChannelKey(code: string): MessageKey {
  return code === "toko" ? "kasir.report.channel.toko" : channelKey(code);
}

/** The label key of a category row when it has no name of its own ("Tanpa kategori"); null otherwise. */
export function categoryKey(name: string): MessageKey | null {
  return name.trim() === "" ? "kasir.report.noCategory" : null;
}

/** Laba kotor: penjualan − HPP. */
export function grossProfit(i: Pick<ItemSales, "revenue" | "cost">): number {
  return i.revenue - i.cost;
}

export type ItemTotals = { revenue: number; cost: number; profit: number };

/** The Jumlah row under a product or category table. */
export function itemTotals(items: readonly Pick<ItemSales, "revenue" | "cost">[]): ItemTotals {
  let revenue = 0;
  let cost = 0;
  for (const i of items) {
    revenue += i.revenue;
    cost += i.cost;
  }
  return { revenue, cost, profit: revenue - cost };
}

/** Σ of the money received per method. */
export function methodsTotal(byMethod: readonly (readonly [string, number])[]): number {
  return byMethod.reduce((sum, [, amount]) => sum + amount, 0);
}

/** The cashier's notas among the transactions (the rest are orders delivered). */
export function notaCount(r: Pick<SalesReport, "sales" | "orders">): number {
  return Math.max(r.sales - r.orders, 0);
}

/** Nothing sold, taken back or received in the period: the tab shows its empty state. */
export function isReportEmpty(
  r: Pick<SalesReport, "sales" | "total" | "days" | "by_channel" | "by_method" | "by_product" | "by_category">,
): boolean {
  return (
    r.sales === 0 &&
    r.total === 0 &&
    r.days.length === 0 &&
    r.by_channel.length === 0 &&
    r.by_method.length === 0 &&
    r.by_product.length === 0 &&
    r.by_category.length === 0
  );
}
