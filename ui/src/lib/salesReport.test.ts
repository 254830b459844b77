import { describe, expect, it } from "vitest";
import type { SalesReport } from "./bindings";
import { en, id } from "./messages";
import {
  categoryKey,
  grossProfit,
  isReportEmpty,
  itemTotals,
  methodsTotal,
  notaCount,
  reportChannelKey,
} from "./salesReport";

const empty: SalesReport = {
  from: "2026-05-01",
  to: "2026-05-31",
  sales: 0,
  total: 0,
  orders: 0,
  days: [],
  by_channel: [],
  by_method: [],
  by_product: [],
  by_category: [],
};

describe("labels", () => {
  it("names the cashier's notas Toko (kasir) and orders by their channel", () => {
    expect(reportChannelKey("toko")).toBe("kasir.report.channel.toko");
    expect(id["kasir.report.channel.toko"]).toBe("Toko (kasir)");
    expect(en["kasir.report.channel.toko"]).toBe("Shop (cashier)");
    expect(reportChannelKey("shopee")).toBe("orders.channel.shopee");
    expect(reportChannelKey("whatsapp")).toBe("orders.channel.whatsapp");
    expect(reportChannelKey("friendster")).toBe("orders.channel.lainnya");
  });

  it("names a category without a name Tanpa kategori", () => {
    expect(categoryKey("")).toBe("kasir.report.noCategory");
    expect(categoryKey("  ")).toBe("kasir.report.noCategory");
    expect(id["kasir.report.noCategory"]).toBe("Tanpa kategori");
    expect(categoryKey("Minuman")).toBeNull();
  });
});

describe("figures", () => {
  it("works out laba kotor and the Jumlah row", () => {
    // Kopi: 9 × Rp5.000 = Rp45.000 sold, HPP 9 × Rp3.500 = Rp31.500 → Rp13.500.
    expect(grossProfit({ revenue: 45_000, cost: 31_500 })).toBe(13_500);
    // Sold below cost: a loss.
    expect(grossProfit({ revenue: 23_000, cost: 25_000 })).toBe(-2000);
    expect(
      itemTotals([
        { revenue: 45_000, cost: 31_500 },
        { revenue: 23_000, cost: 25_000 },
      ]),
    ).toEqual({ revenue: 68_000, cost: 56_500, profit: 11_500 });
    expect(itemTotals([])).toEqual({ revenue: 0, cost: 0, profit: 0 });
  });

  it("adds up the money received, refunds taken off", () => {
    expect(
      methodsTotal([
        ["tunai", 50_000],
        ["qris", 18_000],
        ["transfer", -9474],
      ]),
    ).toBe(58_526);
    expect(methodsTotal([])).toBe(0);
  });

  it("counts the notas among the transactions", () => {
    expect(notaCount({ sales: 12, orders: 3 })).toBe(9);
    expect(notaCount({ sales: 0, orders: 0 })).toBe(0);
  });

  it("is empty only when nothing happened in the period", () => {
    expect(isReportEmpty(empty)).toBe(true);
    expect(isReportEmpty({ ...empty, sales: 1 })).toBe(false);
    // Only a cancellation of last month's nota: the total moved.
    expect(isReportEmpty({ ...empty, total: -15_000 })).toBe(false);
    expect(isReportEmpty({ ...empty, by_method: [["tunai", -15_000]] })).toBe(false);
    expect(isReportEmpty({ ...empty, days: [{ date: "2026-05-04", sales: 0, total: -15_000 }] })).toBe(false);
  });
});
