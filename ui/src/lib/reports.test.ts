import { describe, expect, it } from "vitest";
import type { Account, BalanceSheet, CashFlow, ProfitAndLoss } from "./bindings";
import {
  balanceSheetBalances,
  balanceSheetSections,
  cashFlowSections,
  formatAccounting,
  formatRateBp,
  profitLossSections,
  trialBalanceTotals,
} from "./reports";

const acc = (code: string, name: string, kind: Account["kind"], role: Account["role"]): Account => ({
  id: code,
  code,
  name,
  kind,
  role,
  archived: false,
});
const kas = acc("1-101", "Kas", "asset", "cash");
const penjualan = acc("4-101", "Penjualan", "revenue", "sales");
const diskon = acc("4-102", "Diskon penjualan", "revenue", "sales_discount");
const bahan = acc("6-101", "Beban bahan baku", "expense", "expense");
const modal = acc("3-101", "Modal pemilik", "equity", "capital");
const peralatan = acc("1-401", "Peralatan / aset tetap", "asset", "fixed_asset");

describe("formatAccounting", () => {
  it("puts negatives in parentheses", () => {
    expect(formatAccounting(1_250_000)).toBe("Rp1.250.000");
    expect(formatAccounting(-5_000)).toBe("(Rp5.000)");
    expect(formatAccounting(0)).toBe("Rp0");
  });
});

describe("formatRateBp", () => {
  it("writes basis points as an Indonesian percentage", () => {
    expect(formatRateBp(50)).toBe("0,5%");
    expect(formatRateBp(100)).toBe("1%");
    expect(formatRateBp(25)).toBe("0,25%");
    expect(formatRateBp(150)).toBe("1,5%");
    expect(formatRateBp(0)).toBe("0%");
  });
});

describe("profitLossSections", () => {
  const pl: ProfitAndLoss = {
    from: "2026-11-01",
    to: "2026-11-30",
    revenue_lines: [
      { account: penjualan, amount: 5_000_000 },
      { account: diskon, amount: -100_000 },
    ],
    revenue: 4_900_000,
    expense_lines: [{ account: bahan, amount: 1_500_000 }],
    expenses: 1_500_000,
    net_profit: 3_400_000,
  };

  it("groups revenue and expenses with subtotals and ends with the net profit", () => {
    const s = profitLossSections(pl);
    expect(s.map((x) => x.title)).toEqual([{ key: "report.pl.revenue" }, { key: "report.pl.expenses" }, null]);
    expect(s[0]!.lines).toEqual([
      { label: { raw: "Penjualan" }, amount: 5_000_000, kind: "line" },
      { label: { raw: "Diskon penjualan" }, amount: -100_000, kind: "line" },
      { label: { key: "report.pl.totalRevenue" }, amount: 4_900_000, kind: "subtotal" },
    ]);
    expect(s[2]!.lines).toEqual([
      { label: { key: "report.pl.netProfit" }, amount: 3_400_000, kind: "total", testid: "pl-net-profit" },
    ]);
  });

  it("calls a negative result a loss", () => {
    const s = profitLossSections({ ...pl, net_profit: -20_000 });
    expect(s[2]!.lines[0]!.label).toEqual({ key: "report.pl.netLoss" });
    expect(s[2]!.lines[0]!.amount).toBe(-20_000);
  });
});

describe("balanceSheetSections", () => {
  const bs: BalanceSheet = {
    as_of: "2026-11-30",
    assets: [{ account: kas, amount: 3_000_000 }],
    total_assets: 3_000_000,
    liabilities: [],
    total_liabilities: 0,
    equity: [{ account: modal, amount: 2_000_000 }],
    retained_earnings: 1_000_000,
    total_equity: 3_000_000,
  };

  it("shows assets, liabilities, equity with the year's earnings, and the closing total", () => {
    const s = balanceSheetSections(bs);
    expect(s[1]!.lines).toEqual([{ label: { key: "report.bs.totalLiabilities" }, amount: 0, kind: "subtotal" }]);
    expect(s[2]!.lines.map((l) => l.amount)).toEqual([2_000_000, 1_000_000, 3_000_000]);
    expect(s[3]!.lines[0]).toMatchObject({ amount: 3_000_000, kind: "total" });
    expect(balanceSheetBalances(bs)).toBe(true);
    expect(balanceSheetBalances({ ...bs, total_assets: 2_999_000 })).toBe(false);
  });
});

describe("cashFlowSections", () => {
  const cf: CashFlow = {
    from: "2026-11-01",
    to: "2026-11-30",
    opening: 1_000_000,
    operating: 800_000,
    investing: -500_000,
    financing: 0,
    net: 300_000,
    closing: 1_300_000,
    lines: [
      ["operating", { account: penjualan, amount: 1_000_000 }],
      ["investing", { account: peralatan, amount: -500_000 }],
      ["operating", { account: bahan, amount: -200_000 }],
    ],
  };

  it("groups the lines by activity with a net for each, from opening to closing cash", () => {
    const s = cashFlowSections(cf);
    expect(s).toHaveLength(5);
    expect(s[0]!.lines).toEqual([{ label: { key: "report.cf.opening" }, amount: 1_000_000, kind: "line" }]);
    expect(s[1]!.lines.map((l) => l.amount)).toEqual([1_000_000, -200_000, 800_000]);
    expect(s[2]!.lines.map((l) => l.amount)).toEqual([-500_000, -500_000]);
    expect(s[3]!.lines).toEqual([{ label: { key: "report.cf.financingNet" }, amount: 0, kind: "subtotal" }]);
    expect(s[4]!.lines.map((l) => l.amount)).toEqual([300_000, 1_300_000]);
  });
});

describe("trialBalanceTotals", () => {
  it("adds debit and credit", () => {
    expect(
      trialBalanceTotals([
        { account: kas, debit: 3_000_000, credit: 0 },
        { account: modal, debit: 0, credit: 2_000_000 },
        { account: penjualan, debit: 0, credit: 1_000_000 },
      ]),
    ).toEqual({ debit: 3_000_000, credit: 3_000_000 });
    expect(trialBalanceTotals([])).toEqual({ debit: 0, credit: 0 });
  });
});
