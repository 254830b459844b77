// Pure rules of the Pembukuan screens: which accounts a picker offers, cash book filters,
// amounts as typed, utang/piutang status and totals, budget rows, the chart of accounts,
// where a backend error goes.
// No Svelte, no Tauri: unit-tested in ledger.test.ts.

import type {
  Account,
  AccountKind,
  AccountRole,
  Aging,
  BudgetReport,
  BudgetRow,
  CashAction,
  CashBookFilter,
  CashInput,
  DebtInput,
  DebtView,
  EntryKind,
  PaymentInput,
  UiError,
} from "./bindings";
import { formatRupiah } from "./format";
import type { MessageKey } from "./messages";
import { isIsoDate, parseDateText, type DateTextProblem } from "./period";

// ---------- Accounts ----------

export const MONEY_ROLES: readonly AccountRole[] = ["cash", "bank", "ewallet"];

/** Kas, bank or dompet digital: the accounts money sits in. */
export function isMoneyAccount(a: Account): boolean {
  return MONEY_ROLES.includes(a.role);
}

/** In chart order (by code), archived accounts left out. */
export function activeAccounts(accounts: readonly Account[]): Account[] {
  return accounts.filter((a) => !a.archived).sort((a, b) => a.code.localeCompare(b.code));
}

export function moneyAccounts(accounts: readonly Account[]): Account[] {
  return activeAccounts(accounts).filter(isMoneyAccount);
}

/** The first active account with this role, for a sensible default ("" when none). */
export function accountIdByRole(accounts: readonly Account[], role: AccountRole): string {
  return activeAccounts(accounts).find((a) => a.role === role)?.id ?? "";
}

/** Kas when there is one, else the first money account. */
export function defaultMoneyAccount(accounts: readonly Account[]): string {
  return accountIdByRole(accounts, "cash") || (moneyAccounts(accounts)[0]?.id ?? "");
}

/** Revenue a shop owner receives money for (contra accounts like Diskon penjualan left out). */
const incomeCategory = (a: Account): boolean => a.kind === "revenue" && a.role !== "sales_discount";

/** What money is spent on: expenses (not depreciation, which moves no money) and asset purchases. */
const spendingCategory = (a: Account): boolean =>
  (a.kind === "expense" && a.role !== "depreciation") || a.role === "inventory" || a.role === "fixed_asset";

/** Does this kind of cash entry ask for a category (or, for pindah, a destination)? */
export function needsCategory(action: CashAction): boolean {
  return action === "masuk" || action === "keluar" || action === "pindah";
}

/**
 * The category picker of the fast-add dialog: revenue for uang masuk; expenses and asset
 * purchases for uang keluar; the other money accounts for pindah dana; nothing for modal/prive.
 */
export function cashCategories(action: CashAction, accounts: readonly Account[], moneyAccount = ""): Account[] {
  const active = activeAccounts(accounts);
  switch (action) {
    case "masuk":
      return active.filter(incomeCategory);
    case "keluar":
      return active.filter(spendingCategory);
    case "pindah":
      return active.filter((a) => isMoneyAccount(a) && a.id !== moneyAccount);
    default:
      return [];
  }
}

/** The category chosen when the dialog opens: Penjualan for uang masuk, none for uang keluar. */
export function defaultCashCategory(action: CashAction, accounts: readonly Account[], moneyAccount = ""): string {
  if (action === "masuk") return accountIdByRole(accounts, "sales");
  if (action === "pindah") return cashCategories("pindah", accounts, moneyAccount)[0]?.id ?? "";
  return "";
}

/** Categories of a new piutang (what was sold) or utang (what was bought). */
export function debtCategories(receivable: boolean, accounts: readonly Account[]): Account[] {
  return activeAccounts(accounts).filter(receivable ? incomeCategory : spendingCategory);
}

/** Penjualan for a piutang, Persediaan (stock bought on credit) for an utang. */
export function defaultDebtCategory(receivable: boolean, accounts: readonly Account[]): string {
  return accountIdByRole(accounts, receivable ? "sales" : "inventory");
}

/** Every account that can be on the other side of a cash book row (the category filter). */
export function cashBookCategories(accounts: readonly Account[]): Account[] {
  return [...accounts].filter((a) => !isMoneyAccount(a)).sort((a, b) => a.code.localeCompare(b.code));
}

// ---------- Cash book ----------

export type CashBookFields = { from: string; to: string; money_account: string; category: string };

/** What cash_book expects: "" (Semua) becomes null. */
export function buildCashBookFilter(f: CashBookFields): CashBookFilter {
  return {
    from: f.from,
    to: f.to,
    money_account: f.money_account === "" ? null : f.money_account,
    category: f.category === "" ? null : f.category,
  };
}

export const ENTRY_KIND_KEYS: Record<EntryKind, MessageKey> = {
  income: "entryKind.income",
  expense: "entryKind.expense",
  transfer: "entryKind.transfer",
  capital: "entryKind.capital",
  drawing: "entryKind.drawing",
  receivable: "entryKind.receivable",
  payable: "entryKind.payable",
  settlement: "entryKind.settlement",
  manual: "entryKind.manual",
  reversal: "entryKind.reversal",
  purchase: "entryKind.purchase",
  stock_adjustment: "entryKind.stock_adjustment",
  sale: "entryKind.sale",
  sale_return: "entryKind.sale_return",
};

/** A row can be corrected unless it is a correction itself or was corrected already. */
export function canCorrect(row: { kind: EntryKind; reversed: boolean }): boolean {
  return row.kind !== "reversal" && !row.reversed;
}

// ---------- Amounts as typed ----------

/**
 * Reads an amount the way the backend does for the common cases: `1.500.000`, `Rp1.500.000`,
 * `1500000`, `Rp 25.000,00`. Returns null when it cannot; the backend has the final word.
 */
export function parseAmountText(text: string): number | null {
  let t = text.trim().replace(/\s+/g, "");
  if (t === "") return null;
  let negative = false;
  if (t.startsWith("-")) {
    negative = true;
    t = t.slice(1);
  }
  t = t.replace(/^rp\.?/i, "");
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(0+))?$/.exec(t);
  if (!m || !m[1]) return null;
  const value = Number(m[1].replace(/\./g, ""));
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}

/** A hint before sending, for what is plainly not a positive amount; null when it may be fine. */
export function amountHint(text: string): MessageKey | null {
  if (text.trim() === "") return "ledger.error.amountRequired";
  const value = parseAmountText(text);
  if (value === null) return "ledger.error.amountFormat";
  if (value <= 0) return "ledger.error.amountPositive";
  return null;
}

/** An amount put into an input for editing: 1250000 → "1.250.000". */
export function amountInputText(value: number): string {
  return formatRupiah(value).replace("Rp", "");
}

// ---------- Forms ----------

export type CashField = "amount" | "category" | "money_account" | "note" | "date" | "counterparty";
export const CASH_FIELDS: readonly CashField[] = ["amount", "category", "money_account", "note", "date", "counterparty"];

export type CashFields = {
  amount: string;
  category: string;
  money_account: string;
  note: string;
  date: string;
  counterparty: string;
};

export type Checked<T, K extends string> = { ok: true; input: T } | { ok: false; hints: Partial<Record<K, MessageKey>> };

const trimmedOrNull = (s: string): string | null => (s.trim() === "" ? null : s.trim());

/** What a date field says about a typed date that cannot be read. */
export const DATE_PROBLEM_KEYS: Record<DateTextProblem, MessageKey> = {
  format: "date.error.format",
  year: "date.error.year",
  impossible: "date.error.impossible",
};

function dateHint(text: string, required: boolean): MessageKey | null {
  if (text.trim() === "") return required ? "ledger.error.dateRequired" : null;
  if (isIsoDate(text)) return null;
  const read = parseDateText(text);
  return read.ok ? null : DATE_PROBLEM_KEYS[read.problem];
}

/** The ISO day the commands take: a date field holds it already; a typed "30/11/2026" is read. */
function isoOf(text: string): string {
  const read = parseDateText(text);
  return read.ok ? read.iso : text.trim();
}

export function prepareCashInput(action: CashAction, f: CashFields): Checked<CashInput, CashField> {
  const hints: Partial<Record<CashField, MessageKey>> = {};
  const amount = amountHint(f.amount);
  if (amount) hints.amount = amount;
  if (needsCategory(action) && f.category === "") {
    hints.category = action === "pindah" ? "ledger.error.destinationRequired" : "ledger.error.categoryRequired";
  }
  if (f.money_account === "") hints.money_account = "ledger.error.moneyAccountRequired";
  const date = dateHint(f.date, false);
  if (date) hints.date = date;
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    input: {
      action,
      date: isoOf(f.date),
      amount: f.amount.trim(),
      money_account: f.money_account,
      other_account: needsCategory(action) ? f.category : null,
      note: f.note.trim(),
      counterparty: action === "masuk" || action === "keluar" ? trimmedOrNull(f.counterparty) : null,
    },
  };
}

export type DebtField = "counterparty" | "amount" | "category" | "date" | "due_date" | "note";
export const DEBT_FIELDS: readonly DebtField[] = ["counterparty", "amount", "category", "date", "due_date", "note"];
export type DebtFields = { receivable: boolean } & Record<DebtField, string>;

export function prepareDebtInput(f: DebtFields): Checked<DebtInput, DebtField> {
  const hints: Partial<Record<DebtField, MessageKey>> = {};
  if (f.counterparty.trim() === "") hints.counterparty = "ledger.error.counterpartyRequired";
  const amount = amountHint(f.amount);
  if (amount) hints.amount = amount;
  if (f.category === "") hints.category = "ledger.error.categoryRequired";
  const date = dateHint(f.date, false);
  if (date) hints.date = date;
  const due = dateHint(f.due_date, false);
  if (due) hints.due_date = due;
  else if (f.due_date.trim() !== "" && f.date.trim() !== "" && !date && isoOf(f.due_date) < isoOf(f.date)) {
    hints.due_date = "ledger.error.dueBeforeDate";
  }
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    input: {
      receivable: f.receivable,
      date: isoOf(f.date),
      amount: f.amount.trim(),
      counterparty: f.counterparty.trim(),
      category: f.category,
      due_date: f.due_date.trim() === "" ? null : isoOf(f.due_date),
      note: f.note.trim(),
    },
  };
}

export type PaymentField = "amount" | "money_account" | "date" | "note";
export const PAYMENT_FIELDS: readonly PaymentField[] = ["amount", "money_account", "date", "note"];
export type PaymentFields = Record<PaymentField, string>;

export function preparePaymentInput(debt: string, f: PaymentFields): Checked<PaymentInput, PaymentField> {
  const hints: Partial<Record<PaymentField, MessageKey>> = {};
  const amount = amountHint(f.amount);
  if (amount) hints.amount = amount;
  if (f.money_account === "") hints.money_account = "ledger.error.moneyAccountRequired";
  const date = dateHint(f.date, false);
  if (date) hints.date = date;
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    input: { debt, date: isoOf(f.date), amount: f.amount.trim(), money_account: f.money_account, note: f.note.trim() },
  };
}

/**
 * The form field a ledger error is about. The backend names a field only for profile-style
 * errors, so the stable error codes are mapped here; anything else goes to the top of the form.
 */
const FIELD_BY_CODE: Record<string, string> = {
  invalid_amount: "amount",
  amount_not_positive: "amount",
  amount_too_large: "amount",
  over_payment: "amount",
  negative_budget: "amount",
  bad_date: "date",
  locked_month: "date",
  due_before_date: "due_date",
  not_money_account: "money_account",
  same_account: "category",
};

export function withLedgerField(error: UiError): UiError {
  if (error?.field) return error;
  return { ...error, field: FIELD_BY_CODE[error?.code] ?? null };
}

// ---------- Utang & piutang ----------

/** What the status badge says: the aging, or "cancelled" when it was corrected before being paid. */
export type DebtStatus = Aging | "cancelled";

export function debtStatus(v: DebtView): DebtStatus {
  if (v.debt.outstanding <= 0 && v.debt.paid < v.debt.amount) return "cancelled";
  return v.aging;
}

export const DEBT_STATUS_KEYS: Record<DebtStatus, MessageKey> = {
  settled: "aging.settled",
  not_due: "aging.not_due",
  overdue1_to30: "aging.overdue1_to30",
  overdue31_to60: "aging.overdue31_to60",
  overdue_over60: "aging.overdue_over60",
  cancelled: "aging.cancelled",
};

/** The colour of the badge: calm, attention, urgent, done. */
export type Tone = "neutral" | "warning" | "danger" | "success";

export const DEBT_STATUS_TONE: Record<DebtStatus, Tone> = {
  settled: "success",
  not_due: "neutral",
  overdue1_to30: "warning",
  overdue31_to60: "danger",
  overdue_over60: "danger",
  cancelled: "neutral",
};

export function isOpen(v: DebtView): boolean {
  return v.debt.outstanding > 0;
}

export type DebtFilter = { status: "open" | "all"; type: "all" | "receivable" | "payable" };

/** The debts a filter shows: open ones first, the most urgent (earliest due) on top. */
export function filterDebts(views: readonly DebtView[], f: DebtFilter): DebtView[] {
  const shown = views.filter(
    (v) =>
      (f.status === "all" || isOpen(v)) &&
      (f.type === "all" || (f.type === "receivable") === v.debt.receivable),
  );
  const due = (v: DebtView) => v.debt.due_date ?? "9999-12-31";
  return shown.sort(
    (a, b) =>
      Number(isOpen(b)) - Number(isOpen(a)) ||
      due(a).localeCompare(due(b)) ||
      a.debt.date.localeCompare(b.debt.date),
  );
}

/** Still owed to us (piutang) and by us (utang). */
export function debtTotals(views: readonly DebtView[]): { receivable: number; payable: number } {
  let receivable = 0;
  let payable = 0;
  for (const v of views) {
    if (v.debt.receivable) receivable += v.debt.outstanding;
    else payable += v.debt.outstanding;
  }
  return { receivable, payable };
}

// ---------- Anggaran ----------

/** An expense that gets a budget: not HPP, which follows sales and is not budgeted. */
const isBudgetable = (a: Account): boolean => a.kind === "expense" && a.role !== "cogs";

/**
 * Every active expense account (HPP left out) with its budget row for the month (zero when the report has
 * none), in chart order, so any expense account can be given a budget. Archived accounts show
 * only when the report has figures for them.
 */
export function mergeBudgetRows(accounts: readonly Account[], report: BudgetReport): BudgetRow[] {
  const byId = new Map(report.rows.map((r) => [r.account.id, r]));
  const rows: BudgetRow[] = activeAccounts(accounts)
    .filter(isBudgetable)
    .map((account) => byId.get(account.id) ?? { account, budget: 0, actual: 0, difference: 0 });
  const listed = new Set(rows.map((r) => r.account.id));
  for (const r of report.rows) if (!listed.has(r.account.id) && isBudgetable(r.account)) rows.push(r);
  return rows.sort((a, b) => a.account.code.localeCompare(b.account.code));
}

/** Totals of the rows shown: Anggaran, Realisasi, Selisih (negative when over budget). */
export function budgetTotals(rows: readonly BudgetRow[]): { budget: number; actual: number; difference: number } {
  const budget = rows.reduce((sum, r) => sum + r.budget, 0);
  const actual = rows.reduce((sum, r) => sum + r.actual, 0);
  return { budget, actual, difference: budget - actual };
}

/** A row after its budget was saved as `budget`. */
export function withBudget(row: BudgetRow, budget: number): BudgetRow {
  return { ...row, budget, difference: budget - row.actual };
}

// ---------- Bagan akun ----------

/** The groups of the chart, in the order statements show them. */
export const ACCOUNT_KINDS: readonly AccountKind[] = ["asset", "liability", "equity", "revenue", "expense"];

export const KIND_KEYS: Record<AccountKind, MessageKey> = {
  asset: "kind.asset",
  liability: "kind.liability",
  equity: "kind.equity",
  revenue: "kind.revenue",
  expense: "kind.expense",
};

/** What each role is for, one short line in the chart. */
export const ROLE_ABOUT_KEYS: Record<AccountRole, MessageKey> = {
  cash: "role.about.cash",
  bank: "role.about.bank",
  ewallet: "role.about.ewallet",
  receivable: "role.about.receivable",
  inventory: "role.about.inventory",
  fixed_asset: "role.about.fixed_asset",
  accumulated_depreciation: "role.about.accumulated_depreciation",
  other_asset: "role.about.other_asset",
  payable: "role.about.payable",
  customer_deposit: "role.about.customer_deposit",
  loan: "role.about.loan",
  other_liability: "role.about.other_liability",
  capital: "role.about.capital",
  drawing: "role.about.drawing",
  sales: "role.about.sales",
  sales_discount: "role.about.sales_discount",
  other_income: "role.about.other_income",
  cogs: "role.about.cogs",
  expense: "role.about.expense",
  depreciation: "role.about.depreciation",
};

/** The roles an owner can give a new account, in the order the picker offers them. */
export type NewAccountRole = Extract<
  AccountRole,
  "bank" | "ewallet" | "cash" | "other_asset" | "fixed_asset" | "payable" | "loan" | "other_income" | "expense"
>;

export const NEW_ACCOUNT_ROLES: readonly NewAccountRole[] = [
  "bank",
  "ewallet",
  "cash",
  "other_asset",
  "fixed_asset",
  "payable",
  "loan",
  "other_income",
  "expense",
];

export const NEW_ROLE_KEYS: Record<NewAccountRole, MessageKey> = {
  bank: "role.option.bank",
  ewallet: "role.option.ewallet",
  cash: "role.option.cash",
  other_asset: "role.option.other_asset",
  fixed_asset: "role.option.fixed_asset",
  payable: "role.option.payable",
  loan: "role.option.loan",
  other_income: "role.option.other_income",
  expense: "role.option.expense",
};

/** The group a new account lands in (the backend decides the same from the role). */
export const NEW_ROLE_KIND: Record<NewAccountRole, AccountKind> = {
  bank: "asset",
  ewallet: "asset",
  cash: "asset",
  other_asset: "asset",
  fixed_asset: "asset",
  payable: "liability",
  loan: "liability",
  other_income: "revenue",
  expense: "expense",
};

export function isNewAccountRole(value: string): value is NewAccountRole {
  return (NEW_ACCOUNT_ROLES as readonly string[]).includes(value);
}

/** The active accounts by group (Aset … Beban), each in code order; empty groups left out. */
export function groupAccounts(accounts: readonly Account[]): { kind: AccountKind; accounts: Account[] }[] {
  const active = activeAccounts(accounts);
  return ACCOUNT_KINDS.map((kind) => ({ kind, accounts: active.filter((a) => a.kind === kind) })).filter(
    (g) => g.accounts.length > 0,
  );
}

/**
 * Does the account ship with the app? Their ids share a fixed prefix ("usahaku" in hex, see
 * default_account_id in crates/core/src/ledger.rs); the backend refuses to remove them.
 */
export function isShippedAccount(a: Account): boolean {
  return a.id.toLowerCase().startsWith("75736168-616b-7500-");
}

export type AccountField = "name" | "role" | "code";
export const ACCOUNT_FIELDS: readonly AccountField[] = ["name", "role", "code"];
export type AccountFields = { name: string; role: NewAccountRole | ""; code: string };
export type AccountInput = { code: string; name: string; role: NewAccountRole };

export function prepareAccountInput(f: AccountFields): Checked<AccountInput, AccountField> {
  const hints: Partial<Record<AccountField, MessageKey>> = {};
  if (f.name.trim() === "") hints.name = "accounts.error.nameRequired";
  if (f.role === "") hints.role = "accounts.error.roleRequired";
  if (f.role === "" || Object.keys(hints).length > 0) return { ok: false, hints };
  return { ok: true, input: { code: f.code.trim(), name: f.name.trim(), role: f.role } };
}

/** Where an account refusal goes: a taken or missing name by the name, a taken code by the code. */
const ACCOUNT_FIELD_BY_CODE: Record<string, AccountField> = {
  duplicate_name: "name",
  required: "name",
  duplicate_code: "code",
};

export function withAccountField(error: UiError): UiError {
  if (error?.field) return error;
  return { ...error, field: ACCOUNT_FIELD_BY_CODE[error?.code] ?? null };
}
