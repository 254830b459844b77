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
  groupAccounts,
  isNewAccountRole,
  isShippedAccount,
  mergeBudgetRows,
  prepareAccountInput,
  withAccountField,
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
        date: "date.error.impossible",
      },
    });
    expect(prepareCashInput("masuk", { ...cash, date: "30/11/26" })).toEqual({
      ok: false,
      hints: { date: "date.error.year" },
    });
    expect(prepareCashInput("masuk", { ...cash, date: "besok" })).toEqual({
      ok: false,
      hints: { date: "date.error.format" },
    });
    // A day typed day first is sent as the ISO day the command takes.
    const typed = prepareCashInput("masuk", { ...cash, date: "1/2/2026" });
    expect(typed.ok && typed.input.date).toBe("2026-02-01");
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
    expect(prepareDebtInput({ ...debt, due_date: "21/11/2026" })).toEqual({
      ok: false,
      hints: { due_date: "ledger.error.dueBeforeDate" },
    });
    const due = prepareDebtInput({ ...debt, due_date: "5/12/2026" });
    expect(due.ok && due.input.due_date).toBe("2026-12-05");
    expect(prepareDebtInput({ ...debt, due_date: "31/02/2026" })).toEqual({
      ok: false,
      hints: { due_date: "date.error.impossible" },
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
  it("lists every active expense account but HPP, with the report's figures where it has them", () => {
    const gaji = CHART.find((a) => a.code === "6-102")!;
    const old = CHART.find((a) => a.code === "6-150")!;
    const hpp = CHART.find((a) => a.code === "5-101")!;
    const report: BudgetReport = {
      year: 2026,
      month: 11,
      rows: [
        { account: hpp, budget: 0, actual: 400_000, difference: -400_000 },
        { account: gaji, budget: 1_000_000, actual: 1_200_000, difference: -200_000 },
        { account: old, budget: 0, actual: 5_000, difference: -5_000 },
      ],
      total_budget: 1_000_000,
      total_actual: 1_605_000,
      total_difference: -605_000,
    };
    const rows = mergeBudgetRows(CHART, report);
    // HPP follows sales: it is not budgeted, even when the month has HPP.
    expect(rows.map((r) => r.account.code)).toEqual(["6-101", "6-102", "6-107", "6-150"]);
    expect(rows[1]).toEqual({ account: gaji, budget: 1_000_000, actual: 1_200_000, difference: -200_000 });
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

describe("bagan akun", () => {
  it("groups the active accounts as the statements do, each group by code", () => {
    const groups = groupAccounts(CHART);
    expect(groups.map((g) => g.kind)).toEqual(["asset", "liability", "equity", "revenue", "expense"]);
    expect(codes(groups[0]!.accounts)).toEqual(["1-101", "1-102", "1-103", "1-201", "1-301", "1-401", "1-402"]);
    expect(codes(groups[1]!.accounts)).toEqual(["2-101"]);
    // Archived accounts (Beban lama) are not listed.
    expect(codes(groups[4]!.accounts)).toEqual(["5-101", "6-101", "6-102", "6-107"]);
    const noLiabilities = CHART.filter((a) => a.kind !== "liability");
    expect(groupAccounts(noLiabilities).map((g) => g.kind)).toEqual(["asset", "equity", "revenue", "expense"]);
    expect(groupAccounts([])).toEqual([]);
  });

  it("tells the accounts that ship with the app by their id", () => {
    const kas = { ...CHART[1]!, id: "75736168-616b-7500-0000-000000001101" };
    const added = { ...CHART[1]!, id: "0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b" };
    expect(isShippedAccount(kas)).toBe(true);
    expect(isShippedAccount({ ...kas, id: kas.id.toUpperCase() })).toBe(true);
    expect(isShippedAccount(added)).toBe(false);
  });

  it("prepare a new account, the code optional", () => {
    expect(prepareAccountInput({ name: " Bank BRI ", role: "bank", code: "" })).toEqual({
      ok: true,
      input: { name: "Bank BRI", role: "bank", code: "" },
    });
    expect(prepareAccountInput({ name: "Beban internet", role: "expense", code: " 6-150 " })).toEqual({
      ok: true,
      input: { name: "Beban internet", role: "expense", code: "6-150" },
    });
    expect(prepareAccountInput({ name: " ", role: "", code: "" })).toEqual({
      ok: false,
      hints: { name: "accounts.error.nameRequired", role: "accounts.error.roleRequired" },
    });
    expect(isNewAccountRole("ewallet")).toBe(true);
    expect(isNewAccountRole("cogs")).toBe(false);
  });

  it("put an account refusal by the field it is about", () => {
    const e = (code: string) => ({ code, message: "x", field: null });
    expect(withAccountField(e("duplicate_name")).field).toBe("name");
    expect(withAccountField(e("duplicate_code")).field).toBe("code");
    expect(withAccountField(e("required")).field).toBe("name");
    expect(withAccountField(e("account_in_use")).field).toBeNull();
  });
});
