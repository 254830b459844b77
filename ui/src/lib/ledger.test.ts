import { describe, expect, it } from "vitest";
import type { Account, AccountKind, AccountRole, BudgetReport, DebtView } from "./bindings";
import {
  amountHint,
  amountInputText,
  budgetTotals,
  buildCashBookFilter,
  canCorrect,
  cashBookCategories,
  cashCategories,
  debtCategories,
  debtStatus,
  debtTotals,
  defaultCashCategory,
  defaultDebtCategory,
  defaultMoneyAccount,
  filterDebts,
  mergeBudgetRows,
  moneyAccounts,
  parseAmountText,
  prepareCashInput,
  prepareDebtInput,
  preparePaymentInput,
  withBudget,
  withLedgerField,
} from "./ledger";

const acc = (code: string, name: string, kind: AccountKind, role: AccountRole, archived = false): Account => ({
  id: `id-${code}`,
  code,
  name,
  kind,
  role,
  archived,
});

// The chart that ships with the app (assets/ledger/akun.json), shuffled a little.
const CHART: Account[] = [
  acc("6-101", "Beban bahan baku", "expense", "expense"),
  acc("1-101", "Kas", "asset", "cash"),
  acc("1-102", "Bank", "asset", "bank"),
  acc("1-103", "Dompet digital", "asset", "ewallet"),
  acc("1-201", "Piutang usaha", "asset", "receivable"),
  acc("1-301", "Persediaan", "asset", "inventory"),
  acc("1-401", "Peralatan / aset tetap", "asset", "fixed_asset"),
  acc("1-402", "Akumulasi penyusutan", "asset", "accumulated_depreciation"),
  acc("2-101", "Utang usaha", "liability", "payable"),
  acc("3-101", "Modal pemilik", "equity", "capital"),
  acc("3-102", "Prive", "equity", "drawing"),
  acc("4-101", "Penjualan", "revenue", "sales"),
  acc("4-102", "Diskon penjualan", "revenue", "sales_discount"),
  acc("4-201", "Pendapatan lain-lain", "revenue", "other_income"),
  acc("5-101", "Harga pokok penjualan (HPP)", "expense", "cogs"),
  acc("6-102", "Beban gaji", "expense", "expense"),
  acc("6-107", "Beban penyusutan", "expense", "depreciation"),
  acc("6-150", "Beban lama", "expense", "expense", true),
];

const codes = (list: Account[]) => list.map((a) => a.code);

describe("account pickers", () => {
  it("offer the money accounts, Kas first by default", () => {
    expect(codes(moneyAccounts(CHART))).toEqual(["1-101", "1-102", "1-103"]);
    expect(defaultMoneyAccount(CHART)).toBe("id-1-101");
    expect(defaultMoneyAccount(CHART.filter((a) => a.role !== "cash"))).toBe("id-1-102");
    expect(defaultMoneyAccount([])).toBe("");
  });

  it("offer revenue for uang masuk, Penjualan chosen", () => {
    expect(codes(cashCategories("masuk", CHART))).toEqual(["4-101", "4-201"]);
    expect(defaultCashCategory("masuk", CHART)).toBe("id-4-101");
  });

  it("offer expenses and asset purchases for uang keluar, none chosen", () => {
    expect(codes(cashCategories("keluar", CHART))).toEqual(["1-301", "1-401", "5-101", "6-101", "6-102"]);
    expect(defaultCashCategory("keluar", CHART)).toBe("");
  });

  it("offer the other money accounts for pindah dana", () => {
    expect(codes(cashCategories("pindah", CHART, "id-1-101"))).toEqual(["1-102", "1-103"]);
    expect(defaultCashCategory("pindah", CHART, "id-1-101")).toBe("id-1-102");
    expect(defaultCashCategory("pindah", CHART, "id-1-102")).toBe("id-1-101");
    expect(cashCategories("modal", CHART)).toEqual([]);
    expect(cashCategories("prive", CHART)).toEqual([]);
  });

  it("offer what was sold or bought for a debt", () => {
    expect(codes(debtCategories(true, CHART))).toEqual(["4-101", "4-201"]);
    expect(codes(debtCategories(false, CHART))).toEqual(["1-301", "1-401", "5-101", "6-101", "6-102"]);
    expect(defaultDebtCategory(true, CHART)).toBe("id-4-101");
    expect(defaultDebtCategory(false, CHART)).toBe("id-1-301");
  });

  it("filter the cash book by any non-money account, archived ones too", () => {
    const list = codes(cashBookCategories(CHART));
    expect(list).not.toContain("1-101");
    expect(list).toContain("6-150");
    expect(list[0]).toBe("1-201");
  });
});

describe("cash book", () => {
  it("builds the filter, Semua as null", () => {
    expect(buildCashBookFilter({ from: "2026-11-01", to: "2026-11-30", money_account: "", category: "" })).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      money_account: null,
      category: null,
    });
    expect(
      buildCashBookFilter({ from: "2026-11-01", to: "2026-11-30", money_account: "id-1-102", category: "id-4-101" }),
    ).toEqual({ from: "2026-11-01", to: "2026-11-30", money_account: "id-1-102", category: "id-4-101" });
  });

  it("offers Koreksi only once, and not on a correction", () => {
    expect(canCorrect({ kind: "income", reversed: false })).toBe(true);
    expect(canCorrect({ kind: "income", reversed: true })).toBe(false);
    expect(canCorrect({ kind: "reversal", reversed: false })).toBe(false);
  });
});

describe("amounts as typed", () => {
  it("read the ways people write Rupiah", () => {
    expect(parseAmountText("1.500.000")).toBe(1_500_000);
    expect(parseAmountText("Rp1.500.000")).toBe(1_500_000);
    expect(parseAmountText("rp 25.000,00")).toBe(25_000);
    expect(parseAmountText("1500000")).toBe(1_500_000);
    expect(parseAmountText(" 150 000 ")).toBe(150_000);
    expect(parseAmountText("-5.000")).toBe(-5_000);
    expect(parseAmountText("1.50")).toBeNull();
    expect(parseAmountText("lima ribu")).toBeNull();
    expect(parseAmountText("25.000,50")).toBeNull();
    expect(parseAmountText("")).toBeNull();
  });

  it("hint before sending", () => {
    expect(amountHint("")).toBe("ledger.error.amountRequired");
    expect(amountHint("   ")).toBe("ledger.error.amountRequired");
    expect(amountHint("abc")).toBe("ledger.error.amountFormat");
    expect(amountHint("0")).toBe("ledger.error.amountPositive");
    expect(amountHint("-5000")).toBe("ledger.error.amountPositive");
    expect(amountHint("Rp150.000")).toBeNull();
  });

  it("are put back into inputs with dots", () => {
    expect(amountInputText(1_250_000)).toBe("1.250.000");
    expect(amountInputText(500)).toBe("500");
  });
});

describe("forms", () => {
  const cash = { amount: "150.000", category: "id-4-101", money_account: "id-1-101", note: " Jual keripik ", date: "2026-11-22", counterparty: " " };

  it("prepare a cash entry", () => {
    expect(prepareCashInput("masuk", cash)).toEqual({
      ok: true,
      input: {
        action: "masuk",
        date: "2026-11-22",
        amount: "150.000",
        money_account: "id-1-101",
        other_account: "id-4-101",
        note: "Jual keripik",
        counterparty: null,
      },
    });
    const prive = prepareCashInput("prive", { ...cash, category: "", counterparty: "Bu Sari" });
    expect(prive.ok && prive.input.other_account).toBeNull();
    expect(prive.ok && prive.input.counterparty).toBeNull();
  });

  it("name each missing cash field", () => {
    expect(prepareCashInput("keluar", { ...cash, amount: "", category: "", date: "31/11/2026" })).toEqual({
      ok: false,
      hints: {
        amount: "ledger.error.amountRequired",
        category: "ledger.error.categoryRequired",
        date: "ledger.error.dateFormat",
      },
    });
    expect(prepareCashInput("pindah", { ...cash, category: "" })).toEqual({
      ok: false,
      hints: { category: "ledger.error.destinationRequired" },
    });
  });

  it("prepare a debt, due date optional but not before the date", () => {
    const debt = {
      receivable: true,
      counterparty: " Bu Rina ",
      amount: "Rp250.000",
      category: "id-4-101",
      date: "2026-11-22",
      due_date: "",
      note: "",
    };
    expect(prepareDebtInput(debt)).toEqual({
      ok: true,
      input: {
        receivable: true,
        date: "2026-11-22",
        amount: "Rp250.000",
        counterparty: "Bu Rina",
        category: "id-4-101",
        due_date: null,
        note: "",
      },
    });
    expect(prepareDebtInput({ ...debt, due_date: "2026-11-21" })).toEqual({
      ok: false,
      hints: { due_date: "ledger.error.dueBeforeDate" },
    });
    expect(prepareDebtInput({ ...debt, counterparty: "", category: "" })).toEqual({
      ok: false,
      hints: { counterparty: "ledger.error.counterpartyRequired", category: "ledger.error.categoryRequired" },
    });
  });

  it("prepare a payment", () => {
    expect(preparePaymentInput("d1", { amount: "50.000", money_account: "id-1-101", date: "", note: "" })).toEqual({
      ok: true,
      input: { debt: "d1", date: "", amount: "50.000", money_account: "id-1-101", note: "" },
    });
  });

  it("place backend errors by their code", () => {
    const e = (code: string) => withLedgerField({ code, message: "x", field: null }).field;
    expect(e("invalid_amount")).toBe("amount");
    expect(e("over_payment")).toBe("amount");
    expect(e("locked_month")).toBe("date");
    expect(e("due_before_date")).toBe("due_date");
    expect(e("not_money_account")).toBe("money_account");
    expect(e("unknown_account")).toBeNull();
    expect(withLedgerField({ code: "invalid_input", message: "x", field: "phone" }).field).toBe("phone");
  });
});

const view = (over: Partial<DebtView["debt"]>, aging: DebtView["aging"] = "not_due"): DebtView => ({
  debt: {
    id: "d",
    receivable: true,
    counterparty: "Bu Rina",
    memo: "",
    date: "2026-11-01",
    due_date: null,
    amount: 100_000,
    paid: 0,
    outstanding: 100_000,
    ...over,
  },
  aging,
});

describe("utang & piutang", () => {
  it("say cancelled for a debt corrected before it was paid", () => {
    expect(debtStatus(view({ outstanding: 0, paid: 100_000 }, "settled"))).toBe("settled");
    expect(debtStatus(view({ outstanding: 0, paid: 40_000 }, "settled"))).toBe("cancelled");
    expect(debtStatus(view({}, "overdue31_to60"))).toBe("overdue31_to60");
  });

  it("filter open/all and by type, most urgent first", () => {
    const list = [
      view({ id: "paid", outstanding: 0, paid: 100_000 }, "settled"),
      view({ id: "late", due_date: "2026-10-01" }, "overdue31_to60"),
      view({ id: "nodue" }),
      view({ id: "utang", receivable: false, due_date: "2026-12-01" }),
      view({ id: "soon", due_date: "2026-11-30" }),
    ];
    const ids = (l: DebtView[]) => l.map((v) => v.debt.id);
    expect(ids(filterDebts(list, { status: "open", type: "all" }))).toEqual(["late", "soon", "utang", "nodue"]);
    expect(ids(filterDebts(list, { status: "all", type: "receivable" }))).toEqual(["late", "soon", "nodue", "paid"]);
    expect(ids(filterDebts(list, { status: "open", type: "payable" }))).toEqual(["utang"]);
    expect(debtTotals(list)).toEqual({ receivable: 300_000, payable: 100_000 });
  });
});

describe("anggaran", () => {
  it("lists every active expense account, with the report's figures where it has them", () => {
    const gaji = CHART.find((a) => a.code === "6-102")!;
    const old = CHART.find((a) => a.code === "6-150")!;
    const report: BudgetReport = {
      year: 2026,
      month: 11,
      rows: [
        { account: gaji, budget: 1_000_000, actual: 1_200_000, difference: -200_000 },
        { account: old, budget: 0, actual: 5_000, difference: -5_000 },
      ],
      total_budget: 1_000_000,
      total_actual: 1_205_000,
      total_difference: -205_000,
    };
    const rows = mergeBudgetRows(CHART, report);
    expect(rows.map((r) => r.account.code)).toEqual(["5-101", "6-101", "6-102", "6-107", "6-150"]);
    expect(rows[2]).toEqual({ account: gaji, budget: 1_000_000, actual: 1_200_000, difference: -200_000 });
    expect(rows[0]).toMatchObject({ budget: 0, actual: 0, difference: 0 });
  });

  it("totals the rows and updates one after a save", () => {
    const kas = CHART[1]!;
    const rows = [
      { account: kas, budget: 1_000_000, actual: 1_200_000, difference: -200_000 },
      { account: kas, budget: 500_000, actual: 100_000, difference: 400_000 },
    ];
    expect(budgetTotals(rows)).toEqual({ budget: 1_500_000, actual: 1_300_000, difference: 200_000 });
    expect(budgetTotals([])).toEqual({ budget: 0, actual: 0, difference: 0 });
    expect(withBudget(rows[0]!, 1_500_000)).toEqual({ account: kas, budget: 1_500_000, actual: 1_200_000, difference: 300_000 });
  });
});
