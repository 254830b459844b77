// Statements as lines to draw: the SAK EMKM reports grouped the way a reader expects, with
// totals. No Svelte, no Tauri: unit-tested in reports.test.ts.

import type { AccountAmount, BalanceSheet, CashFlow, CashFlowGroup, ProfitAndLoss, TrialBalanceRow } from "./bindings";
import { formatRupiah } from "./format";
import type { Message } from "./messages";

/** Money in a statement: negatives in parentheses, as accountants and tax forms write them. */
export function formatAccounting(value: number): string {
  return value < 0 ? `(${formatRupiah(-value)})` : formatRupiah(value);
}

/** A line of a statement: an account, a subtotal of a group, or a total that closes a statement. */
export type StatementLine = {
  label: Message;
  amount: number;
  kind: "line" | "subtotal" | "total";
  /** A stable hook for WebDriver tests (e.g. `pl-net-profit`). */
  testid?: string;
};

export type StatementSection = { title: Message | null; lines: StatementLine[] };

const accountLines = (items: readonly AccountAmount[]): StatementLine[] =>
  items.map((i) => ({ label: { raw: i.account.name }, amount: i.amount, kind: "line" as const }));

export function profitLossSections(pl: ProfitAndLoss): StatementSection[] {
  return [
    {
      title: { key: "report.pl.revenue" },
      lines: [
        ...accountLines(pl.revenue_lines),
        { label: { key: "report.pl.totalRevenue" }, amount: pl.revenue, kind: "subtotal" },
      ],
    },
    {
      title: { key: "report.pl.expenses" },
      lines: [
        ...accountLines(pl.expense_lines),
        { label: { key: "report.pl.totalExpenses" }, amount: pl.expenses, kind: "subtotal" },
      ],
    },
    {
      title: null,
      lines: [
        {
          label: { key: pl.net_profit < 0 ? "report.pl.netLoss" : "report.pl.netProfit" },
          amount: pl.net_profit,
          kind: "total",
          testid: "pl-net-profit",
        },
      ],
    },
  ];
}

export function balanceSheetSections(bs: BalanceSheet): StatementSection[] {
  return [
    {
      title: { key: "report.bs.assets" },
      lines: [
        ...accountLines(bs.assets),
        { label: { key: "report.bs.totalAssets" }, amount: bs.total_assets, kind: "total", testid: "bs-total-assets" },
      ],
    },
    {
      title: { key: "report.bs.liabilities" },
      lines: [
        ...accountLines(bs.liabilities),
        { label: { key: "report.bs.totalLiabilities" }, amount: bs.total_liabilities, kind: "subtotal" },
      ],
    },
    {
      title: { key: "report.bs.equity" },
      lines: [
        ...accountLines(bs.equity),
        { label: { key: "report.bs.retainedEarnings" }, amount: bs.retained_earnings, kind: "line" },
        { label: { key: "report.bs.totalEquity" }, amount: bs.total_equity, kind: "subtotal" },
      ],
    },
    {
      title: null,
      lines: [
        {
          label: { key: "report.bs.totalLiabilitiesEquity" },
          amount: bs.total_liabilities + bs.total_equity,
          kind: "total",
          testid: "bs-total-liabilities-equity",
        },
      ],
    },
  ];
}

/** Assets equal liabilities plus equity (false means the books need a look). */
export function balanceSheetBalances(bs: BalanceSheet): boolean {
  return bs.total_assets === bs.total_liabilities + bs.total_equity;
}

const CASH_FLOW_GROUPS: readonly { group: CashFlowGroup; title: Message; net: Message; field: keyof CashFlow }[] = [
  { group: "operating", title: { key: "report.cf.operating" }, net: { key: "report.cf.operatingNet" }, field: "operating" },
  { group: "investing", title: { key: "report.cf.investing" }, net: { key: "report.cf.investingNet" }, field: "investing" },
  { group: "financing", title: { key: "report.cf.financing" }, net: { key: "report.cf.financingNet" }, field: "financing" },
];

export function cashFlowSections(cf: CashFlow): StatementSection[] {
  const groups: StatementSection[] = CASH_FLOW_GROUPS.map(({ group, title, net, field }) => ({
    title,
    lines: [
      ...accountLines(cf.lines.filter(([g]) => g === group).map(([, line]) => line)),
      { label: net, amount: cf[field] as number, kind: "subtotal" as const },
    ],
  }));
  return [
    {
      title: null,
      lines: [{ label: { key: "report.cf.opening" }, amount: cf.opening, kind: "line" }],
    },
    ...groups,
    {
      title: null,
      lines: [
        { label: { key: "report.cf.net" }, amount: cf.net, kind: "subtotal" },
        { label: { key: "report.cf.closing" }, amount: cf.closing, kind: "total", testid: "cf-closing" },
      ],
    },
  ];
}

export function trialBalanceTotals(rows: readonly TrialBalanceRow[]): { debit: number; credit: number } {
  return rows.reduce((t, r) => ({ debit: t.debit + r.debit, credit: t.credit + r.credit }), { debit: 0, credit: 0 });
}

/** A rate in basis points as Indonesians write a percentage: 50 → "0,5%", 100 → "1%", 25 → "0,25%". */
export function formatRateBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(Math.abs(bp % 100)).padStart(2, "0").replace(/0+$/, "");
  return `${whole}${frac ? `,${frac}` : ""}%`;
}
