//! Pembukuan: a double-entry ledger behind a simple cash book.
//!
//! * The chart of accounts ships in `assets/ledger/akun.json`. Its accounts exist in every
//!   file with ids derived from their codes, so every device has them without an op; renames
//!   and accounts the owner adds are last-writer-wins ops ([`EntityKind::Account`]).
//! * Every posting goes through [`Store::post`]: it checks that the entry balances, that its
//!   accounts exist and are active, and that its date is not in a closed month, then writes
//!   the entry and its lines as one append-only op ([`EntityKind::JournalEntry`]). Posted
//!   entries are never edited; [`Store::reverse_entry`] posts the reversing entry.
//! * The cash book (uang masuk, uang keluar, pindah dana, modal, prive) and utang/piutang are
//!   thin helpers that build entries for [`Store::post`].
//! * Reports only read (see [`crate::reports`]).

use crate::error::{CoreError, Result};
use crate::lww::LwwSpec;
use crate::money::Money;
use crate::oplog::{ApplyTx, Change, uuid_col};
use crate::store::Store;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use usahaku_proto::{EntityKind, FieldValue, LwwPatch, decode_payload, encode_payload};
use uuid::Uuid;

/// Accounts as last-writer-wins entities.
pub(crate) const ACCOUNT_SPEC: LwwSpec = LwwSpec {
    kind: EntityKind::Account,
    table: "account",
    fields: &["code", "name", "kind", "role", "archived"],
};

/// Closed months as last-writer-wins entities.
pub(crate) const PERIOD_LOCK_SPEC: LwwSpec =
    LwwSpec { kind: EntityKind::PeriodLock, table: "period_lock", fields: &["month", "locked"] };

const CHART: &str = include_str!("../../../assets/ledger/akun.json");

/// Longest memo (keterangan), in characters.
pub const MAX_MEMO: usize = 200;
/// Longest counterparty name, in characters.
pub const MAX_COUNTERPARTY: usize = 100;

code_enum!(
    /// The five kinds of account.
    AccountKind {
        /// Aset.
        Asset = "asset",
        /// Kewajiban.
        Liability = "liability",
        /// Ekuitas.
        Equity = "equity",
        /// Pendapatan.
        Revenue = "revenue",
        /// Beban.
        Expense = "expense",
    }
);

impl AccountKind {
    /// Debit-normal (assets, expenses) or credit-normal.
    pub fn debit_normal(self) -> bool {
        matches!(self, AccountKind::Asset | AccountKind::Expense)
    }
}

code_enum!(
    /// What an account is for: decides money accounts, debts and the cash-flow group.
    AccountRole {
        /// Kas (cash on hand).
        Cash = "cash",
        /// Rekening bank.
        Bank = "bank",
        /// Dompet digital (e-wallet).
        Ewallet = "ewallet",
        /// Piutang usaha.
        Receivable = "receivable",
        /// Persediaan.
        Inventory = "inventory",
        /// Aset tetap.
        FixedAsset = "fixed_asset",
        /// Akumulasi penyusutan (contra asset).
        AccumulatedDepreciation = "accumulated_depreciation",
        /// Aset lain.
        OtherAsset = "other_asset",
        /// Utang usaha.
        Payable = "payable",
        /// Uang muka pelanggan (deposits held).
        CustomerDeposit = "customer_deposit",
        /// Utang bank / pinjaman.
        Loan = "loan",
        /// Kewajiban lain.
        OtherLiability = "other_liability",
        /// Modal pemilik.
        Capital = "capital",
        /// Prive (owner withdrawals).
        Drawing = "drawing",
        /// Penjualan (gross revenue, the PPh Final base).
        Sales = "sales",
        /// Diskon penjualan (contra revenue).
        SalesDiscount = "sales_discount",
        /// Pendapatan lain-lain.
        OtherIncome = "other_income",
        /// Harga pokok penjualan.
        Cogs = "cogs",
        /// Beban operasional.
        Expense = "expense",
        /// Beban penyusutan (no cash moves).
        Depreciation = "depreciation",
    }
);

/// The three groups of the cash-flow statement (direct method).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CashFlowGroup {
    /// Aktivitas operasi.
    Operating,
    /// Aktivitas investasi.
    Investing,
    /// Aktivitas pendanaan.
    Financing,
}

impl AccountRole {
    /// Cash and cash equivalents: kas, bank, dompet digital.
    pub fn is_money(self) -> bool {
        matches!(self, AccountRole::Cash | AccountRole::Bank | AccountRole::Ewallet)
    }

    /// Where cash moving against an account of this role is reported.
    pub fn cash_flow_group(self) -> CashFlowGroup {
        match self {
            AccountRole::FixedAsset | AccountRole::AccumulatedDepreciation => CashFlowGroup::Investing,
            AccountRole::Loan | AccountRole::Capital | AccountRole::Drawing => CashFlowGroup::Financing,
            _ => CashFlowGroup::Operating,
        }
    }

    /// The kind of account a role belongs to.
    pub fn kind(self) -> AccountKind {
        use AccountRole::*;
        match self {
            Cash
            | Bank
            | Ewallet
            | Receivable
            | Inventory
            | FixedAsset
            | AccumulatedDepreciation
            | OtherAsset => AccountKind::Asset,
            Payable | CustomerDeposit | Loan | OtherLiability => AccountKind::Liability,
            Capital | Drawing => AccountKind::Equity,
            Sales | SalesDiscount | OtherIncome => AccountKind::Revenue,
            Cogs | Expense | Depreciation => AccountKind::Expense,
        }
    }

    /// The role an account of `kind` gets when none is chosen.
    pub fn default_for(kind: AccountKind) -> Self {
        match kind {
            AccountKind::Asset => AccountRole::OtherAsset,
            AccountKind::Liability => AccountRole::OtherLiability,
            AccountKind::Equity => AccountRole::Capital,
            AccountKind::Revenue => AccountRole::OtherIncome,
            AccountKind::Expense => AccountRole::Expense,
        }
    }
}

/// An account of the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Account {
    /// Id (derived from the code for the accounts that ship with the app).
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// Code, e.g. `1-101`.
    pub code: String,
    /// Name shown to the user.
    pub name: String,
    /// Kind.
    pub kind: AccountKind,
    /// Role.
    pub role: AccountRole,
    /// Hidden from pickers; kept for history.
    pub archived: bool,
}

#[derive(Deserialize)]
struct ChartFile {
    accounts: Vec<ChartAccount>,
}

#[derive(Deserialize)]
struct ChartAccount {
    code: String,
    name: String,
    kind: String,
    role: String,
}

/// The id of a shipped account: fixed prefix, then the code's digits (`1-101` → 1101).
pub fn default_account_id(code: &str) -> Uuid {
    let digits: u128 =
        code.chars().filter(char::is_ascii_digit).fold(0, |n, c| n * 10 + u128::from(c as u8 - b'0'));
    Uuid::from_u128(0x7573_6168_616b_7500_0000_0000_0000_0000 | digits)
}

/// The next free code of a kind: one past the highest `<n>-<digits>` code of that kind
/// (`6-199` → `6-200`), or `<n>-901` for the first.
fn next_code(accounts: &[Account], kind: AccountKind) -> String {
    let prefix = match kind {
        AccountKind::Asset => 1,
        AccountKind::Liability => 2,
        AccountKind::Equity => 3,
        AccountKind::Revenue => 4,
        AccountKind::Expense => 6,
    };
    let highest = accounts
        .iter()
        .filter_map(|a| a.code.strip_prefix(&format!("{prefix}-")).and_then(|n| n.parse::<u32>().ok()))
        .max()
        .unwrap_or(900);
    format!("{prefix}-{}", highest + 1)
}

fn month_lock_id(year: i16, month: i8) -> Uuid {
    Uuid::from_u128(0x7573_6168_616b_7501_0000_0000_0000_0000 | (year as u128 * 100 + month as u128))
}

/// Seeds the shipped chart of accounts (migration `ledger`). Not synced: every device ships
/// the same rows with the same ids.
pub(crate) fn seed_chart(tx: &Transaction<'_>) -> Result<()> {
    let chart: ChartFile =
        serde_json::from_str(CHART).map_err(|e| CoreError::Corrupt(format!("chart of accounts: {e}")))?;
    let mut insert = tx.prepare(
        "INSERT INTO account (id, code, name, kind, role, archived) VALUES (?1, ?2, ?3, ?4, ?5, 0)
         ON CONFLICT DO NOTHING",
    )?;
    for a in chart.accounts {
        if AccountKind::from_code(&a.kind).is_none() || AccountRole::from_code(&a.role).is_none() {
            return Err(CoreError::Corrupt(format!("chart of accounts: account {}", a.code)));
        }
        insert.execute(params![
            default_account_id(&a.code).as_bytes().as_slice(),
            a.code,
            a.name,
            a.kind,
            a.role
        ])?;
    }
    Ok(())
}

code_enum!(
    /// What kind of event an entry records (for the cash book list and the UI).
    EntryKind {
        /// Uang masuk.
        Income = "income",
        /// Uang keluar.
        Expense = "expense",
        /// Pindah dana antar akun uang.
        Transfer = "transfer",
        /// Setoran modal.
        Capital = "capital",
        /// Prive (pengambilan pemilik).
        Drawing = "drawing",
        /// Piutang baru (penjualan kredit, pinjaman diberikan).
        Receivable = "receivable",
        /// Utang baru (pembelian kredit, pinjaman diterima).
        Payable = "payable",
        /// Pembayaran utang / penerimaan piutang.
        Settlement = "settlement",
        /// Jurnal umum (manual).
        Manual = "manual",
        /// Koreksi: the reversal of another entry.
        Reversal = "reversal",
        /// Pembelian barang dagangan (stok masuk).
        Purchase = "purchase",
        /// Penyesuaian stok (rusak, hilang, stok opname).
        StockAdjustment = "stock_adjustment",
        /// Penjualan barang (HPP keluar dari persediaan).
        Sale = "sale",
        /// A retur: sales taken back and refunded.
        SaleReturn = "sale_return",
    }
);

/// One line of a new entry: exactly one of debit and credit is positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewLine {
    /// The account.
    pub account: Uuid,
    /// Debit amount (zero on a credit line).
    pub debit: Money,
    /// Credit amount (zero on a debit line).
    pub credit: Money,
}

impl NewLine {
    /// A debit line.
    pub fn debit(account: Uuid, amount: Money) -> Self {
        NewLine { account, debit: amount, credit: Money::ZERO }
    }

    /// A credit line.
    pub fn credit(account: Uuid, amount: Money) -> Self {
        NewLine { account, debit: Money::ZERO, credit: amount }
    }
}

/// An entry to post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    /// Transaction date (the business's own calendar).
    pub date: Date,
    /// What it records.
    pub kind: EntryKind,
    /// Keterangan.
    pub memo: String,
    /// Who the money came from / went to.
    pub counterparty: Option<String>,
    /// For a new utang/piutang: when it is due.
    pub due_date: Option<Date>,
    /// For a settlement: the utang/piutang entry it pays.
    pub settles: Option<Uuid>,
    /// For a reversal: the entry it cancels.
    pub reverses: Option<Uuid>,
    /// Two or more lines; debits equal credits.
    pub lines: Vec<NewLine>,
}

/// The op payload of a journal entry. **Frozen** (postcard, by position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct EntryPayload {
    date: String,
    kind: String,
    memo: String,
    counterparty: Option<String>,
    due_date: Option<String>,
    settles: Option<Uuid>,
    reverses: Option<Uuid>,
    /// (account, debit, credit) in Rupiah.
    lines: Vec<(Uuid, i64, i64)>,
}

/// Why a posting was refused. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    /// An amount is zero or negative.
    #[error("amount must be positive")]
    AmountNotPositive,
    /// Amounts add up beyond what can be stored.
    #[error("amount too large")]
    AmountTooLarge,
    /// Debits differ from credits.
    #[error("unbalanced: debit {debit}, credit {credit}")]
    Unbalanced {
        /// Total debit.
        debit: Money,
        /// Total credit.
        credit: Money,
    },
    /// Fewer than two lines, or a line with both or neither side.
    #[error("an entry needs at least one debit and one credit line")]
    BadLines,
    /// No such account.
    #[error("unknown account")]
    UnknownAccount,
    /// The account is archived.
    #[error("account archived: {0}")]
    ArchivedAccount(String),
    /// The date falls in a closed month.
    #[error("month closed: {0}")]
    LockedMonth(String),
    /// The due date is before the entry date.
    #[error("due date before entry date")]
    DueBeforeDate,
    /// The account chosen as money account is not kas, bank or dompet digital.
    #[error("not a money account: {0}")]
    NotMoneyAccount(String),
    /// A transfer from an account to itself.
    #[error("transfer to the same account")]
    SameAccount,
    /// The referenced entry does not exist.
    #[error("unknown entry")]
    UnknownEntry,
    /// The entry was already reversed.
    #[error("entry already reversed")]
    AlreadyReversed,
    /// The entry is not an open utang/piutang.
    #[error("not a debt")]
    NotADebt,
    /// Paying more than is still owed.
    #[error("more than outstanding {outstanding}")]
    OverPayment {
        /// Still owed.
        outstanding: Money,
    },
    /// Text longer than allowed.
    #[error("{field} longer than {max}")]
    TooLong {
        /// `memo` or `counterparty`.
        field: &'static str,
        /// The limit.
        max: usize,
    },
    /// A name that is needed is empty.
    #[error("{0} required")]
    Required(&'static str),
    /// A date that could not be read.
    #[error("bad date {0}")]
    BadDate(String),
    /// A budget for an account that is not an expense (beban) account.
    #[error("not an expense account: {0}")]
    NotExpenseAccount(String),
    /// A budget below zero.
    #[error("negative budget")]
    NegativeBudget,
    /// Another account already has this code.
    #[error("duplicate account code {0}")]
    DuplicateCode(String),
    /// Another active account already has this name.
    #[error("duplicate account name {0}")]
    DuplicateName(String),
    /// The account has postings (or ships with the app) and cannot be removed.
    #[error("account in use: {0}")]
    AccountInUse(String),
}

impl LedgerError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            LedgerError::AmountNotPositive => "amount_not_positive",
            LedgerError::AmountTooLarge => "amount_too_large",
            LedgerError::Unbalanced { .. } => "unbalanced",
            LedgerError::BadLines => "bad_lines",
            LedgerError::UnknownAccount => "unknown_account",
            LedgerError::ArchivedAccount(_) => "archived_account",
            LedgerError::LockedMonth(_) => "locked_month",
            LedgerError::DueBeforeDate => "due_before_date",
            LedgerError::NotMoneyAccount(_) => "not_money_account",
            LedgerError::SameAccount => "same_account",
            LedgerError::UnknownEntry => "unknown_entry",
            LedgerError::AlreadyReversed => "already_reversed",
            LedgerError::NotADebt => "not_a_debt",
            LedgerError::OverPayment { .. } => "over_payment",
            LedgerError::TooLong { .. } => "too_long",
            LedgerError::Required(_) => "required",
            LedgerError::BadDate(_) => "bad_date",
            LedgerError::NotExpenseAccount(_) => "not_expense_account",
            LedgerError::NegativeBudget => "negative_budget",
            LedgerError::DuplicateCode(_) => "duplicate_code",
            LedgerError::DuplicateName(_) => "duplicate_name",
            LedgerError::AccountInUse(_) => "account_in_use",
        }
    }

    /// A message for the user.
    pub fn message(&self, lang: crate::Lang) -> String {
        use crate::Lang::{En, Id};
        let field_name = |f: &str| match (f, lang) {
            ("memo", Id) => "Keterangan",
            ("memo", En) => "Note",
            ("counterparty", Id) => "Nama pihak",
            ("counterparty", En) => "Counterparty",
            ("name", Id) => "Nama akun",
            ("name", En) => "Account name",
            ("category", Id) => "Kategori",
            ("code", Id) => "Kode akun",
            ("code", En) => "Account code",
            ("category", En) => "Category",
            (_, Id) => "Isian",
            (_, En) => "Field",
        };
        match (self, lang) {
            (LedgerError::AmountNotPositive, Id) => "Jumlah harus lebih dari Rp0.".into(),
            (LedgerError::AmountNotPositive, En) => "The amount must be more than Rp0.".into(),
            (LedgerError::AmountTooLarge, Id) => "Jumlah terlalu besar.".into(),
            (LedgerError::AmountTooLarge, En) => "The amount is too large.".into(),
            (LedgerError::Unbalanced { debit, credit }, Id) => {
                format!("Jurnal tidak seimbang: debit {debit}, kredit {credit}. Samakan jumlahnya.")
            }
            (LedgerError::Unbalanced { debit, credit }, En) => {
                format!("The entry does not balance: debit {debit}, credit {credit}. Make them equal.")
            }
            (LedgerError::BadLines, Id) => {
                "Jurnal perlu paling sedikit satu baris debit dan satu baris kredit; tiap baris hanya debit atau kredit.".into()
            }
            (LedgerError::BadLines, En) => {
                "An entry needs at least one debit and one credit line; each line is either debit or credit.".into()
            }
            (LedgerError::UnknownAccount, Id) => "Akun tidak ditemukan. Pilih akun dari daftar.".into(),
            (LedgerError::UnknownAccount, En) => "Account not found. Pick one from the list.".into(),
            (LedgerError::ArchivedAccount(n), Id) => format!("Akun \"{n}\" sudah diarsipkan dan tidak bisa dipakai."),
            (LedgerError::ArchivedAccount(n), En) => format!("Account \"{n}\" is archived and cannot be used."),
            (LedgerError::LockedMonth(m), Id) => {
                format!("Bulan {m} sudah ditutup (tutup buku). Pakai tanggal di bulan yang masih terbuka.")
            }
            (LedgerError::LockedMonth(m), En) => format!("{m} is closed. Use a date in an open month."),
            (LedgerError::DueBeforeDate, Id) => "Tanggal jatuh tempo tidak boleh sebelum tanggal transaksi.".into(),
            (LedgerError::DueBeforeDate, En) => "The due date cannot be before the transaction date.".into(),
            (LedgerError::NotMoneyAccount(n), Id) => {
                format!("\"{n}\" bukan akun uang. Pilih Kas, Bank atau Dompet digital.")
            }
            (LedgerError::NotMoneyAccount(n), En) => format!("\"{n}\" is not a money account. Pick cash, bank or e-wallet."),
            (LedgerError::SameAccount, Id) => "Akun asal dan tujuan harus berbeda.".into(),
            (LedgerError::SameAccount, En) => "The source and destination accounts must differ.".into(),
            (LedgerError::UnknownEntry, Id) => "Transaksi tidak ditemukan.".into(),
            (LedgerError::UnknownEntry, En) => "Transaction not found.".into(),
            (LedgerError::AlreadyReversed, Id) => "Transaksi ini sudah dikoreksi sebelumnya.".into(),
            (LedgerError::AlreadyReversed, En) => "This transaction was already corrected.".into(),
            (LedgerError::NotADebt, Id) => "Transaksi ini bukan utang atau piutang yang masih terbuka.".into(),
            (LedgerError::NotADebt, En) => "This transaction is not an open payable or receivable.".into(),
            (LedgerError::OverPayment { outstanding }, Id) => {
                format!("Pembayaran melebihi sisa utang/piutang ({outstanding}).")
            }
            (LedgerError::OverPayment { outstanding }, En) => {
                format!("The payment is more than what is still owed ({outstanding}).")
            }
            (LedgerError::TooLong { field, max }, Id) => {
                format!("{} terlalu panjang (paling banyak {max} huruf).", field_name(field))
            }
            (LedgerError::TooLong { field, max }, En) => {
                format!("{} is too long (at most {max} characters).", field_name(field))
            }
            (LedgerError::Required(f), Id) => format!("{} wajib diisi.", field_name(f)),
            (LedgerError::Required(f), En) => format!("{} is required.", field_name(f)),
            (LedgerError::BadDate(d), Id) => format!("Tanggal \"{d}\" tidak dikenali. Tulis seperti 30/11/2026."),
            (LedgerError::BadDate(d), En) => format!("Date \"{d}\" not recognised. Write it like 30/11/2026."),
            (LedgerError::NotExpenseAccount(n), Id) => {
                format!("Anggaran hanya untuk akun beban; \"{n}\" bukan akun beban.")
            }
            (LedgerError::NotExpenseAccount(n), En) => {
                format!("Budgets are for expense accounts only; \"{n}\" is not one.")
            }
            (LedgerError::NegativeBudget, Id) => "Anggaran tidak boleh kurang dari Rp0.".into(),
            (LedgerError::NegativeBudget, En) => "A budget cannot be below Rp0.".into(),
            (LedgerError::DuplicateCode(c), Id) => format!("Kode akun {c} sudah dipakai akun lain."),
            (LedgerError::DuplicateCode(c), En) => format!("Account code {c} is already used."),
            (LedgerError::DuplicateName(n), Id) => format!("Sudah ada akun bernama \"{n}\"."),
            (LedgerError::DuplicateName(n), En) => format!("An account named \"{n}\" already exists."),
            (LedgerError::AccountInUse(n), Id) => format!(
                "Akun \"{n}\" tidak bisa dihapus karena sudah dipakai atau bawaan aplikasi. Ganti namanya bila perlu."
            ),
            (LedgerError::AccountInUse(n), En) => {
                format!("Account \"{n}\" cannot be removed: it is in use or comes with the app. Rename it instead.")
            }
        }
    }
}

/// Parses `YYYY-MM-DD` (or `DD/MM/YYYY`, as Indonesians write it).
pub fn parse_date(text: &str) -> std::result::Result<Date, LedgerError> {
    let t = text.trim();
    if let Ok(d) = t.parse::<Date>() {
        return Ok(d);
    }
    let parts: Vec<&str> = t.split('/').collect();
    if let [d, m, y] = parts[..]
        && let (Ok(d), Ok(m), Ok(y)) = (d.parse::<i8>(), m.parse::<i8>(), y.parse::<i16>())
        && let Ok(date) = Date::new(y, m, d)
    {
        return Ok(date);
    }
    Err(LedgerError::BadDate(t.to_owned()))
}

pub(crate) fn month_key(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

fn clean_text(text: &str, field: &'static str, max: usize) -> std::result::Result<String, LedgerError> {
    let t = text.trim();
    if t.chars().count() > max {
        return Err(LedgerError::TooLong { field, max });
    }
    Ok(t.chars().map(|c| if c.is_control() { ' ' } else { c }).collect())
}

/// Checks what can be checked without the store; returns the cleaned payload.
fn validated(entry: &NewEntry) -> std::result::Result<EntryPayload, LedgerError> {
    let (mut debit, mut credit) = (Money::ZERO, Money::ZERO);
    let (mut debits, mut credits) = (0, 0);
    for l in &entry.lines {
        if l.debit < Money::ZERO || l.credit < Money::ZERO {
            return Err(LedgerError::AmountNotPositive);
        }
        match (l.debit > Money::ZERO, l.credit > Money::ZERO) {
            (true, false) => debits += 1,
            (false, true) => credits += 1,
            (false, false) => return Err(LedgerError::AmountNotPositive),
            (true, true) => return Err(LedgerError::BadLines),
        }
        debit = debit.checked_add(l.debit).map_err(|_| LedgerError::AmountTooLarge)?;
        credit = credit.checked_add(l.credit).map_err(|_| LedgerError::AmountTooLarge)?;
    }
    if debits == 0 || credits == 0 {
        return Err(LedgerError::BadLines);
    }
    if debit != credit {
        return Err(LedgerError::Unbalanced { debit, credit });
    }
    if entry.due_date.is_some_and(|due| due < entry.date) {
        return Err(LedgerError::DueBeforeDate);
    }
    let counterparty = entry
        .counterparty
        .as_deref()
        .map(|c| clean_text(c, "counterparty", MAX_COUNTERPARTY))
        .transpose()?
        .filter(|c| !c.is_empty());
    Ok(EntryPayload {
        date: entry.date.to_string(),
        kind: entry.kind.code().to_owned(),
        memo: clean_text(&entry.memo, "memo", MAX_MEMO)?,
        counterparty,
        due_date: entry.due_date.map(|d| d.to_string()),
        settles: entry.settles,
        reverses: entry.reverses,
        lines: entry.lines.iter().map(|l| (l.account, l.debit.rupiah(), l.credit.rupiah())).collect(),
    })
}

const ACCOUNT_COLUMNS: &str = "SELECT id, code, name, kind, role, archived FROM account";

/// An account row; `None` while its kind has not arrived (a half-synced account).
fn account_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Option<Account>> {
    let Some(kind) = r.get::<_, Option<String>>(3)?.as_deref().and_then(AccountKind::from_code) else {
        return Ok(None);
    };
    Ok(Some(Account {
        id: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
        code: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
        name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
        kind,
        role: r
            .get::<_, Option<String>>(4)?
            .as_deref()
            .and_then(AccountRole::from_code)
            .unwrap_or(AccountRole::default_for(kind)),
        archived: r.get::<_, Option<i64>>(5)?.unwrap_or(0) != 0,
    }))
}

fn account_in(conn: &Connection, id: Uuid) -> Result<Option<Account>> {
    Ok(conn
        .prepare_cached(&format!("{ACCOUNT_COLUMNS} WHERE id = ?1"))?
        .query_row([id.as_bytes().as_slice()], account_row)
        .optional()?
        .flatten())
}

/// Checks against the store, inside the posting's write transaction.
fn check_in_store(conn: &Connection, p: &EntryPayload, date: Date) -> Result<()> {
    for (account, _, _) in &p.lines {
        let a = account_in(conn, *account)?.ok_or(LedgerError::UnknownAccount)?;
        if a.archived {
            return Err(LedgerError::ArchivedAccount(a.name).into());
        }
    }
    let month = month_key(date);
    let locked: Option<i64> = conn
        .prepare_cached("SELECT locked FROM period_lock WHERE month = ?1")?
        .query_row([&month], |r| r.get(0))
        .optional()?
        .flatten();
    if locked == Some(1) {
        return Err(LedgerError::LockedMonth(month).into());
    }
    if let Some(target) = p.reverses {
        let exists: Option<i64> = conn
            .prepare_cached("SELECT 1 FROM journal_entry WHERE id = ?1")?
            .query_row([target.as_bytes().as_slice()], |r| r.get(0))
            .optional()?;
        if exists.is_none() {
            return Err(LedgerError::UnknownEntry.into());
        }
        if reversed_in(conn, target)? {
            return Err(LedgerError::AlreadyReversed.into());
        }
    }
    if let Some(debt) = p.settles {
        let amount = p.lines.iter().map(|l| l.1).sum::<i64>();
        let d = debt_in(conn, debt)?.ok_or(LedgerError::NotADebt)?;
        if d.outstanding <= Money::ZERO {
            return Err(LedgerError::NotADebt.into());
        }
        if Money::from_rupiah(amount) > d.outstanding {
            return Err(LedgerError::OverPayment { outstanding: d.outstanding }.into());
        }
    }
    Ok(())
}

fn reversed_in(conn: &Connection, id: Uuid) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM journal_entry WHERE reverses = ?1 LIMIT 1")?
        .query_row([id.as_bytes().as_slice()], |r| r.get::<_, i64>(0))
        .optional()?
        .is_some())
}

/// Writes a journal entry op's rows (idempotent through the op log).
pub(crate) fn apply_entry(atx: &ApplyTx<'_>) -> Result<()> {
    let op = atx.op();
    let p: EntryPayload = decode_payload(&op.payload).map_err(|e| CoreError::Corrupt(e.to_string()))?;
    let conn = atx.conn();
    let id = op.entity_id.as_bytes().as_slice();
    let n = conn
        .prepare_cached(
            "INSERT INTO journal_entry (id, date, kind, memo, counterparty, due_date, settles, reverses, hlc)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            id,
            p.date,
            p.kind,
            p.memo,
            p.counterparty,
            p.due_date,
            p.settles.map(|u| u.as_bytes().to_vec()),
            p.reverses.map(|u| u.as_bytes().to_vec()),
            op.hlc.to_sortable()
        ])?;
    if n == 0 {
        return Ok(());
    }
    let mut line = conn.prepare_cached(
        "INSERT INTO journal_line (entry_id, line_no, account_id, date, debit, credit) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut month = conn.prepare_cached(
        "INSERT INTO ledger_month (account_id, month, debit, credit) VALUES (?1, substr(?2, 1, 7), ?3, ?4)
         ON CONFLICT (account_id, month) DO UPDATE
         SET debit = debit + excluded.debit, credit = credit + excluded.credit",
    )?;
    let mut role = conn.prepare_cached("SELECT role FROM account WHERE id = ?1")?;
    let mut money = Vec::with_capacity(p.lines.len());
    for (i, (account, debit, credit)) in p.lines.iter().enumerate() {
        line.execute(params![id, i as i64, account.as_bytes().as_slice(), p.date, debit, credit])?;
        month.execute(params![account.as_bytes().as_slice(), p.date, debit, credit])?;
        let r: Option<String> =
            role.query_row([account.as_bytes().as_slice()], |r| r.get(0)).optional()?.flatten();
        money.push(r.as_deref().and_then(AccountRole::from_code).is_some_and(AccountRole::is_money));
    }
    // Laporan Arus Kas: the cash each other account moved, when the entry touches money.
    if money.contains(&true) {
        let mut cash = conn.prepare_cached(
            "INSERT INTO cash_month (account_id, month, amount) VALUES (?1, substr(?2, 1, 7), ?3)
             ON CONFLICT (account_id, month) DO UPDATE SET amount = amount + excluded.amount",
        )?;
        for ((account, debit, credit), is_money) in p.lines.iter().zip(&money) {
            if !is_money {
                cash.execute(params![account.as_bytes().as_slice(), p.date, credit - debit])?;
            }
        }
    }
    Ok(())
}

/// A utang or piutang with what is still owed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Debt {
    /// The entry that recorded it.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// Piutang (owed to us) or utang (we owe).
    pub receivable: bool,
    /// Who.
    pub counterparty: String,
    /// Keterangan.
    pub memo: String,
    /// When it was recorded.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// When it is due.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub due_date: Option<Date>,
    /// The original amount.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub amount: Money,
    /// Paid so far.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub paid: Money,
    /// Still owed (zero when settled or cancelled).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub outstanding: Money,
}

/// Aging of an open debt on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Aging {
    /// Lunas.
    Settled,
    /// Belum jatuh tempo (or no due date).
    NotDue,
    /// 1–30 hari lewat jatuh tempo.
    Overdue1To30,
    /// 31–60 hari.
    Overdue31To60,
    /// Lebih dari 60 hari.
    OverdueOver60,
}

impl Debt {
    /// The aging bucket on `today`.
    pub fn aging(&self, today: Date) -> Aging {
        if self.outstanding <= Money::ZERO {
            return Aging::Settled;
        }
        let Some(due) = self.due_date else {
            return Aging::NotDue;
        };
        let days = due.until(today).map(|s| s.get_days()).unwrap_or(0);
        match days {
            i32::MIN..=0 => Aging::NotDue,
            1..=30 => Aging::Overdue1To30,
            31..=60 => Aging::Overdue31To60,
            _ => Aging::OverdueOver60,
        }
    }
}

pub(crate) fn debt_in(conn: &Connection, id: Uuid) -> Result<Option<Debt>> {
    let row = conn
        .prepare_cached(
            "SELECT kind, COALESCE(counterparty, ''), memo, date, due_date FROM journal_entry
             WHERE id = ?1 AND kind IN ('receivable', 'payable')",
        )?
        .query_row([id.as_bytes().as_slice()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })
        .optional()?;
    let Some((kind, counterparty, memo, date, due)) = row else {
        return Ok(None);
    };
    let receivable = kind == "receivable";
    let role = if receivable { "receivable" } else { "payable" };
    // The amount is what the entry put on the receivable/payable account.
    let amount: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(l.debit + l.credit), 0) FROM journal_line l JOIN account a ON a.id = l.account_id
             WHERE l.entry_id = ?1 AND a.role = ?2",
        )?
        .query_row(params![id.as_bytes().as_slice(), role], |r| r.get(0))?;
    let paid: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(l.debit + l.credit), 0) FROM journal_entry e
             JOIN journal_line l ON l.entry_id = e.id JOIN account a ON a.id = l.account_id
             WHERE e.settles = ?1 AND a.role = ?2
               AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses = e.id)",
        )?
        .query_row(params![id.as_bytes().as_slice(), role], |r| r.get(0))?;
    let cancelled = reversed_in(conn, id)?;
    let parse = |s: &str| s.parse::<Date>().map_err(|e| CoreError::Corrupt(format!("date {s}: {e}")));
    let outstanding = if cancelled { 0 } else { (amount - paid).max(0) };
    Ok(Some(Debt {
        id,
        receivable,
        counterparty,
        memo,
        date: parse(&date)?,
        due_date: due.as_deref().map(parse).transpose()?,
        amount: Money::from_rupiah(amount),
        paid: Money::from_rupiah(paid),
        outstanding: Money::from_rupiah(outstanding),
    }))
}

/// Money moving in or out through the cash book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashMove {
    /// Date.
    pub date: Date,
    /// How much.
    pub amount: Money,
    /// Kategori: the revenue, expense or other account on the other side.
    pub category: Uuid,
    /// The kas, bank or dompet digital account.
    pub money_account: Uuid,
    /// Keterangan (optional).
    pub note: String,
    /// From or to whom (optional).
    pub counterparty: Option<String>,
}

/// A new utang or piutang.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDebt {
    /// Date.
    pub date: Date,
    /// Who owes or is owed.
    pub counterparty: String,
    /// How much.
    pub amount: Money,
    /// The other side: for a piutang the revenue (e.g. Penjualan), for an utang the expense
    /// or asset bought (e.g. Beban bahan baku).
    pub category: Uuid,
    /// When it is due.
    pub due_date: Option<Date>,
    /// Keterangan.
    pub note: String,
}

/// A journal entry as a change for [`Store::commit_built`], checked against the store inside
/// the write transaction (for compound actions: a stock receipt and its entry). Returns the
/// entry's id with the change.
pub(crate) fn entry_change(
    conn: &Connection,
    clock: &dyn crate::Clock,
    entry: &NewEntry,
) -> Result<(Uuid, Change)> {
    let payload = validated(entry)?;
    check_in_store(conn, &payload, entry.date)?;
    let id = crate::clock::new_id(clock);
    Ok((
        id,
        Change::Append { entity: EntityKind::JournalEntry, entity_id: id, payload: encode_payload(&payload) },
    ))
}

impl Store {
    /// Posts a journal entry: checks it balances, its accounts exist and are active and its
    /// month is open, then writes it and its lines as one append-only op. Returns its id.
    pub fn post(&mut self, entry: &NewEntry) -> Result<Uuid> {
        let payload = validated(entry)?;
        let id = crate::clock::new_id(self.clock.as_ref());
        let date = entry.date;
        let bytes = encode_payload(&payload);
        self.commit_checked(
            Change::Append { entity: EntityKind::JournalEntry, entity_id: id, payload: bytes },
            |conn| check_in_store(conn, &payload, date),
        )?;
        Ok(id)
    }

    /// The account with this id.
    pub fn account(&self, id: Uuid) -> Result<Account> {
        Ok(account_in(&self.conn, id)?.ok_or(LedgerError::UnknownAccount)?)
    }

    /// The first active account with this role (e.g. Kas, Modal pemilik).
    pub fn account_by_role(&self, role: AccountRole) -> Result<Account> {
        self.accounts()?
            .into_iter()
            .find(|a| a.role == role && !a.archived)
            .ok_or_else(|| LedgerError::UnknownAccount.into())
    }

    /// The account with this code (`1-101`).
    pub fn account_by_code(&self, code: &str) -> Result<Account> {
        self.accounts()?
            .into_iter()
            .find(|a| a.code == code.trim())
            .ok_or_else(|| LedgerError::UnknownAccount.into())
    }

    /// The chart of accounts, by code.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        let rows = self
            .conn
            .prepare_cached(&format!("{ACCOUNT_COLUMNS} ORDER BY code, name"))?
            .query_map([], account_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows.into_iter().flatten().collect())
    }

    /// Adds an account to the chart (synced as a last-writer-wins entity).
    pub fn add_account(&mut self, code: &str, name: &str, role: AccountRole) -> Result<Account> {
        let kind = role.kind();
        let name = clean_text(name, "name", 80)?;
        if name.is_empty() {
            return Err(LedgerError::Required("name").into());
        }
        let existing = self.accounts()?;
        if existing.iter().any(|a| !a.archived && a.name.to_lowercase() == name.to_lowercase()) {
            return Err(LedgerError::DuplicateName(name).into());
        }
        let code = clean_text(code, "code", 20)?;
        let code = if code.is_empty() { next_code(&existing, kind) } else { code };
        if existing.iter().any(|a| a.code == code) {
            return Err(LedgerError::DuplicateCode(code).into());
        }
        let id = crate::clock::new_id(self.clock.as_ref());
        let patch = LwwPatch {
            fields: vec![
                ("code".into(), FieldValue::Text(code)),
                ("name".into(), FieldValue::Text(name)),
                ("kind".into(), FieldValue::Text(kind.code().into())),
                ("role".into(), FieldValue::Text(role.code().into())),
                ("archived".into(), FieldValue::Int(0)),
            ],
        };
        self.commit(Change::Lww { entity: EntityKind::Account, entity_id: id, patch })?;
        self.account(id)
    }

    /// Renames an account.
    pub fn rename_account(&mut self, id: Uuid, name: &str) -> Result<Account> {
        self.account(id)?;
        let name = clean_text(name, "name", 80)?;
        if name.is_empty() {
            return Err(LedgerError::Required("name").into());
        }
        let lower = name.to_lowercase();
        if self.accounts()?.iter().any(|a| a.id != id && !a.archived && a.name.to_lowercase() == lower) {
            return Err(LedgerError::DuplicateName(name).into());
        }
        let patch = LwwPatch { fields: vec![("name".into(), FieldValue::Text(name))] };
        self.commit(Change::Lww { entity: EntityKind::Account, entity_id: id, patch })?;
        self.account(id)
    }

    /// Removes an account the owner added and never used: it is archived (hidden from the
    /// pickers). Accounts with postings, and the ones that ship with the app, stay.
    pub fn remove_account(&mut self, id: Uuid) -> Result<()> {
        let a = self.account(id)?;
        let used: Option<i64> = self
            .conn
            .prepare_cached("SELECT 1 FROM journal_line WHERE account_id = ?1 LIMIT 1")?
            .query_row([id.as_bytes().as_slice()], |r| r.get(0))
            .optional()?;
        let shipped = id.as_u128() >> 64 == default_account_id("").as_u128() >> 64;
        if used.is_some() || shipped {
            return Err(LedgerError::AccountInUse(a.name).into());
        }
        let patch = LwwPatch { fields: vec![("archived".into(), FieldValue::Int(1))] };
        self.commit(Change::Lww { entity: EntityKind::Account, entity_id: id, patch })?;
        Ok(())
    }

    fn money_account(&self, id: Uuid) -> Result<Account> {
        let a = self.account(id)?;
        if !a.role.is_money() {
            return Err(LedgerError::NotMoneyAccount(a.name).into());
        }
        Ok(a)
    }

    fn non_money_account(&self, id: Uuid) -> Result<Account> {
        let a = self.account(id)?;
        if a.role.is_money() {
            return Err(LedgerError::SameAccount.into());
        }
        Ok(a)
    }

    /// Uang masuk: Dr the money account, Cr the category.
    pub fn record_income(&mut self, m: &CashMove) -> Result<Uuid> {
        self.money_account(m.money_account)?;
        let cat = self.non_money_account(m.category)?;
        self.post(&NewEntry {
            date: m.date,
            kind: EntryKind::Income,
            memo: if m.note.trim().is_empty() { cat.name } else { m.note.clone() },
            counterparty: m.counterparty.clone(),
            due_date: None,
            settles: None,
            reverses: None,
            lines: vec![NewLine::debit(m.money_account, m.amount), NewLine::credit(m.category, m.amount)],
        })
    }

    /// Uang keluar: Dr the category (an expense, or an asset bought), Cr the money account.
    pub fn record_expense(&mut self, m: &CashMove) -> Result<Uuid> {
        self.money_account(m.money_account)?;
        let cat = self.non_money_account(m.category)?;
        self.post(&NewEntry {
            date: m.date,
            kind: EntryKind::Expense,
            memo: if m.note.trim().is_empty() { cat.name } else { m.note.clone() },
            counterparty: m.counterparty.clone(),
            due_date: None,
            settles: None,
            reverses: None,
            lines: vec![NewLine::debit(m.category, m.amount), NewLine::credit(m.money_account, m.amount)],
        })
    }

    /// Pindah dana between two money accounts (kas → bank, …).
    pub fn transfer(&mut self, date: Date, from: Uuid, to: Uuid, amount: Money, note: &str) -> Result<Uuid> {
        let f = self.money_account(from)?;
        let t = self.money_account(to)?;
        if from == to {
            return Err(LedgerError::SameAccount.into());
        }
        self.post(&NewEntry {
            date,
            kind: EntryKind::Transfer,
            memo: if note.trim().is_empty() { format!("{} → {}", f.name, t.name) } else { note.to_owned() },
            counterparty: None,
            due_date: None,
            settles: None,
            reverses: None,
            lines: vec![NewLine::debit(to, amount), NewLine::credit(from, amount)],
        })
    }

    /// Setoran modal: Dr the money account, Cr Modal pemilik.
    pub fn capital_in(&mut self, date: Date, money_account: Uuid, amount: Money, note: &str) -> Result<Uuid> {
        self.money_account(money_account)?;
        let capital = self.account_by_role(AccountRole::Capital)?;
        self.post(&NewEntry {
            date,
            kind: EntryKind::Capital,
            memo: if note.trim().is_empty() { capital.name } else { note.to_owned() },
            counterparty: None,
            due_date: None,
            settles: None,
            reverses: None,
            lines: vec![NewLine::debit(money_account, amount), NewLine::credit(capital.id, amount)],
        })
    }

    /// Prive (the owner takes money out): Dr Prive, Cr the money account.
    pub fn owner_drawing(
        &mut self,
        date: Date,
        money_account: Uuid,
        amount: Money,
        note: &str,
    ) -> Result<Uuid> {
        self.money_account(money_account)?;
        let drawing = self.account_by_role(AccountRole::Drawing)?;
        self.post(&NewEntry {
            date,
            kind: EntryKind::Drawing,
            memo: if note.trim().is_empty() { drawing.name } else { note.to_owned() },
            counterparty: None,
            due_date: None,
            settles: None,
            reverses: None,
            lines: vec![NewLine::debit(drawing.id, amount), NewLine::credit(money_account, amount)],
        })
    }

    fn new_debt(&mut self, d: &NewDebt, receivable: bool) -> Result<Uuid> {
        let counterparty = clean_text(&d.counterparty, "counterparty", MAX_COUNTERPARTY)?;
        if counterparty.is_empty() {
            return Err(LedgerError::Required("counterparty").into());
        }
        let cat = self.non_money_account(d.category)?;
        let role = if receivable { AccountRole::Receivable } else { AccountRole::Payable };
        let debt_account = self.account_by_role(role)?;
        let lines = if receivable {
            vec![NewLine::debit(debt_account.id, d.amount), NewLine::credit(d.category, d.amount)]
        } else {
            vec![NewLine::debit(d.category, d.amount), NewLine::credit(debt_account.id, d.amount)]
        };
        self.post(&NewEntry {
            date: d.date,
            kind: if receivable { EntryKind::Receivable } else { EntryKind::Payable },
            memo: if d.note.trim().is_empty() { cat.name } else { d.note.clone() },
            counterparty: Some(counterparty),
            due_date: d.due_date,
            settles: None,
            reverses: None,
            lines,
        })
    }

    /// Piutang: someone owes the business (a credit sale). Dr Piutang usaha, Cr the category.
    pub fn record_receivable(&mut self, d: &NewDebt) -> Result<Uuid> {
        self.new_debt(d, true)
    }

    /// Utang: the business owes someone (a purchase on credit). Dr the category, Cr Utang usaha.
    pub fn record_payable(&mut self, d: &NewDebt) -> Result<Uuid> {
        self.new_debt(d, false)
    }

    /// A (partial) payment of a utang or piutang through a money account.
    pub fn settle_debt(
        &mut self,
        debt: Uuid,
        date: Date,
        amount: Money,
        money_account: Uuid,
        note: &str,
    ) -> Result<Uuid> {
        self.money_account(money_account)?;
        let d = debt_in(&self.conn, debt)?.ok_or(LedgerError::NotADebt)?;
        let role = if d.receivable { AccountRole::Receivable } else { AccountRole::Payable };
        let debt_account = self.account_by_role(role)?;
        let lines = if d.receivable {
            vec![NewLine::debit(money_account, amount), NewLine::credit(debt_account.id, amount)]
        } else {
            vec![NewLine::debit(debt_account.id, amount), NewLine::credit(money_account, amount)]
        };
        let memo = if note.trim().is_empty() {
            if d.receivable {
                format!("Pembayaran dari {}", d.counterparty)
            } else {
                format!("Pembayaran ke {}", d.counterparty)
            }
        } else {
            note.to_owned()
        };
        self.post(&NewEntry {
            date,
            kind: EntryKind::Settlement,
            memo,
            counterparty: Some(d.counterparty),
            due_date: None,
            settles: Some(debt),
            reverses: None,
            lines,
        })
    }

    /// Koreksi: posts the reversing entry of `entry` (debits and credits swapped), dated
    /// `date`. The original stays as it was.
    pub fn reverse_entry(&mut self, entry: Uuid, date: Date, note: &str) -> Result<Uuid> {
        let e = self.entry(entry)?;
        self.post(&NewEntry {
            date,
            kind: EntryKind::Reversal,
            memo: if note.trim().is_empty() { format!("Koreksi: {}", e.memo) } else { note.to_owned() },
            counterparty: e.counterparty.clone(),
            due_date: None,
            settles: None,
            reverses: Some(entry),
            lines: e
                .lines
                .iter()
                .map(|l| NewLine { account: l.account, debit: l.credit, credit: l.debit })
                .collect(),
        })
    }

    /// A posted entry.
    pub fn entry(&self, id: Uuid) -> Result<Entry> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT date, kind, memo, counterparty, due_date, settles, reverses FROM journal_entry WHERE id = ?1",
            )?
            .query_row([id.as_bytes().as_slice()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<Vec<u8>>>(5)?,
                    r.get::<_, Option<Vec<u8>>>(6)?,
                ))
            })
            .optional()?;
        let Some((date, kind, memo, counterparty, due, settles, reverses)) = row else {
            return Err(LedgerError::UnknownEntry.into());
        };
        let parse = |s: &str| s.parse::<Date>().map_err(|e| CoreError::Corrupt(format!("date {s}: {e}")));
        let lines = self
            .conn
            .prepare_cached(
                "SELECT account_id, debit, credit FROM journal_line WHERE entry_id = ?1 ORDER BY line_no",
            )?
            .query_map([id.as_bytes().as_slice()], |r| {
                Ok(NewLine {
                    account: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
                    debit: Money::from_rupiah(r.get(1)?),
                    credit: Money::from_rupiah(r.get(2)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Entry {
            id,
            date: parse(&date)?,
            kind: EntryKind::from_code(&kind).unwrap_or(EntryKind::Manual),
            memo,
            counterparty,
            due_date: due.as_deref().map(parse).transpose()?,
            settles: settles.as_deref().map(uuid_col).transpose()?,
            reverses: reverses.as_deref().map(uuid_col).transpose()?,
            lines,
        })
    }

    /// One utang or piutang.
    pub fn debt(&self, id: Uuid) -> Result<Debt> {
        debt_in(&self.conn, id)?.ok_or_else(|| LedgerError::NotADebt.into())
    }

    /// Every utang and piutang with what is still owed, oldest first.
    pub fn debts(&self) -> Result<Vec<Debt>> {
        let ids: Vec<Vec<u8>> = self
            .conn
            .prepare_cached(
                "SELECT id FROM journal_entry WHERE kind IN ('receivable', 'payable') ORDER BY date, hlc",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for id in ids {
            if let Some(d) = debt_in(&self.conn, uuid_col(&id)?)? {
                out.push(d);
            }
        }
        Ok(out)
    }

    /// Tutup buku: closes a month; no posting may be dated inside it.
    pub fn lock_month(&mut self, year: i16, month: i8, locked: bool) -> Result<()> {
        let d = Date::new(year, month, 1).map_err(|_| LedgerError::BadDate(format!("{year}-{month}")))?;
        let patch = LwwPatch {
            fields: vec![
                ("month".into(), FieldValue::Text(month_key(d))),
                ("locked".into(), FieldValue::Int(i64::from(locked))),
            ],
        };
        self.commit(Change::Lww {
            entity: EntityKind::PeriodLock,
            entity_id: month_lock_id(year, month),
            patch,
        })?;
        Ok(())
    }

    /// Closed months (`2026-11`), oldest first.
    pub fn locked_months(&self) -> Result<Vec<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT month FROM period_lock WHERE locked = 1 ORDER BY month")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }
}

/// A posted entry as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Id.
    pub id: Uuid,
    /// Date.
    pub date: Date,
    /// Kind.
    pub kind: EntryKind,
    /// Keterangan.
    pub memo: String,
    /// Counterparty.
    pub counterparty: Option<String>,
    /// Due date of a utang/piutang.
    pub due_date: Option<Date>,
    /// The debt a settlement pays.
    pub settles: Option<Uuid>,
    /// The entry a reversal cancels.
    pub reverses: Option<Uuid>,
    /// Lines, in order.
    pub lines: Vec<NewLine>,
}
