//! Pembukuan as forms and the command line give it: text fields (amount as typed, a date,
//! an account by id, code or name) turned into postings, with one clear message per mistake.

use crate::error::Result;
use crate::ledger::{Account, LedgerError, NewDebt, parse_date};
use crate::money::Money;
use crate::store::Store;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

code_enum!(
    /// What a cash book entry does.
    CashAction {
        /// Uang masuk.
        Income = "masuk",
        /// Uang keluar.
        Expense = "keluar",
        /// Pindah dana antar akun uang.
        Transfer = "pindah",
        /// Setoran modal.
        Capital = "modal",
        /// Prive (pengambilan pemilik).
        Drawing = "prive",
    }
);

/// A cash book entry as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CashInput {
    /// Masuk, keluar, pindah, modal or prive.
    pub action: CashAction,
    /// `2026-11-30` or `30/11/2026`; empty for today.
    pub date: String,
    /// As typed: `1.500.000`, `Rp1.500.000`, `1500000`.
    pub amount: String,
    /// The kas/bank/dompet digital account (id, code or name).
    pub money_account: String,
    /// Kategori for masuk/keluar; the destination for pindah; unused for modal/prive.
    pub other_account: Option<String>,
    /// Keterangan.
    pub note: String,
    /// From or to whom.
    pub counterparty: Option<String>,
}

/// A new utang or piutang as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DebtInput {
    /// Piutang (owed to us) when true, utang (we owe) when false.
    pub receivable: bool,
    /// Date; empty for today.
    pub date: String,
    /// As typed.
    pub amount: String,
    /// Who.
    pub counterparty: String,
    /// Kategori: for a piutang usually Penjualan; for an utang what was bought.
    pub category: String,
    /// Jatuh tempo (optional).
    pub due_date: Option<String>,
    /// Keterangan.
    pub note: String,
}

/// A payment of an utang or piutang as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PaymentInput {
    /// The utang/piutang (its id).
    pub debt: String,
    /// Date; empty for today.
    pub date: String,
    /// As typed.
    pub amount: String,
    /// The kas/bank/dompet digital account the money goes through.
    pub money_account: String,
    /// Keterangan.
    pub note: String,
}

fn parse_amount(text: &str) -> Result<Money> {
    Ok(Money::parse(text)?)
}

impl Store {
    /// Today in the business's own time zone.
    pub fn today(&self) -> Result<Date> {
        let tz = self.profile()?.timezone;
        let offset = jiff::tz::offset(tz.utc_offset_hours());
        let now =
            jiff::Timestamp::from_millisecond(self.clock.now_millis()).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        Ok(now.to_zoned(jiff::tz::TimeZone::fixed(offset)).date())
    }

    /// A date as typed; empty means today.
    pub fn date_or_today(&self, text: &str) -> Result<Date> {
        if text.trim().is_empty() { self.today() } else { Ok(parse_date(text)?) }
    }

    /// An account named by its id, its code (`1-101`), its name (any case), or a part of
    /// its name that matches exactly one account (`bahan` → Beban bahan baku). Names and
    /// codes find only accounts in use (not removed ones).
    pub fn find_account(&self, text: &str) -> Result<Account> {
        let t = text.trim();
        if let Ok(id) = Uuid::parse_str(t) {
            return self.account(id);
        }
        let all: Vec<Account> = self.accounts()?.into_iter().filter(|a| !a.archived).collect();
        let lower = t.to_lowercase();
        if let Some(a) = all.iter().find(|a| a.code == t || a.name.to_lowercase() == lower) {
            return Ok(a.clone());
        }
        let mut partial = all.iter().filter(|a| !t.is_empty() && a.name.to_lowercase().contains(&lower));
        match (partial.next(), partial.next()) {
            (Some(a), None) => Ok(a.clone()),
            _ => Err(LedgerError::UnknownAccount.into()),
        }
    }

    /// Records a cash book entry from what was typed.
    pub fn record_cash(&mut self, input: &CashInput) -> Result<Uuid> {
        let date = self.date_or_today(&input.date)?;
        let amount = parse_amount(&input.amount)?;
        let money = self.find_account(&input.money_account)?.id;
        let other = || -> Result<Uuid> {
            let text = input.other_account.as_deref().unwrap_or_default();
            if text.trim().is_empty() {
                return Err(LedgerError::Required("category").into());
            }
            Ok(self.find_account(text)?.id)
        };
        let note = input.note.as_str();
        match input.action {
            CashAction::Income | CashAction::Expense => {
                let m = crate::ledger::CashMove {
                    date,
                    amount,
                    category: other()?,
                    money_account: money,
                    note: note.to_owned(),
                    counterparty: input.counterparty.clone(),
                };
                if input.action == CashAction::Income {
                    self.record_income(&m)
                } else {
                    self.record_expense(&m)
                }
            }
            CashAction::Transfer => {
                let to = other()?;
                self.transfer(date, money, to, amount, note)
            }
            CashAction::Capital => self.capital_in(date, money, amount, note),
            CashAction::Drawing => self.owner_drawing(date, money, amount, note),
        }
    }

    /// Records a new utang or piutang from what was typed.
    pub fn record_debt(&mut self, input: &DebtInput) -> Result<Uuid> {
        let d = NewDebt {
            date: self.date_or_today(&input.date)?,
            counterparty: input.counterparty.clone(),
            amount: parse_amount(&input.amount)?,
            category: self.find_account(&input.category)?.id,
            due_date: input
                .due_date
                .as_deref()
                .filter(|d| !d.trim().is_empty())
                .map(parse_date)
                .transpose()?,
            note: input.note.clone(),
        };
        if input.receivable { self.record_receivable(&d) } else { self.record_payable(&d) }
    }

    /// Records a payment of an utang or piutang from what was typed.
    pub fn record_payment(&mut self, input: &PaymentInput) -> Result<Uuid> {
        let debt = Uuid::parse_str(input.debt.trim()).map_err(|_| LedgerError::NotADebt)?;
        let date = self.date_or_today(&input.date)?;
        let amount = parse_amount(&input.amount)?;
        let money = self.find_account(&input.money_account)?.id;
        self.settle_debt(debt, date, amount, money, &input.note)
    }
}

/// One line of a jurnal umum as typed: an account and either a debit or a credit amount.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct JournalLineInput {
    /// The account (id, code or name).
    pub account: String,
    /// Debit as typed (empty when a credit line).
    pub debit: String,
    /// Credit as typed (empty when a debit line).
    pub credit: String,
}

/// A jurnal umum (manual entry), e.g. penyusutan: Dr Beban penyusutan, Cr Akumulasi
/// penyusutan.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct JournalInput {
    /// Date; empty for today.
    pub date: String,
    /// Keterangan (required: a manual entry must say what it is).
    pub memo: String,
    /// Two or more lines; debits must equal credits.
    pub lines: Vec<JournalLineInput>,
}

impl Store {
    /// Posts a jurnal umum from what was typed.
    pub fn record_journal(&mut self, input: &JournalInput) -> Result<Uuid> {
        if input.memo.trim().is_empty() {
            return Err(LedgerError::Required("memo").into());
        }
        let amount = |t: &str| -> Result<Money> {
            if t.trim().is_empty() { Ok(Money::ZERO) } else { parse_amount(t) }
        };
        let mut lines = Vec::with_capacity(input.lines.len());
        for l in &input.lines {
            lines.push(crate::ledger::NewLine {
                account: self.find_account(&l.account)?.id,
                debit: amount(&l.debit)?,
                credit: amount(&l.credit)?,
            });
        }
        self.post(&crate::ledger::NewEntry {
            date: self.date_or_today(&input.date)?,
            kind: crate::ledger::EntryKind::Manual,
            memo: input.memo.clone(),
            counterparty: None,
            due_date: None,
            settles: None,
            reverses: None,
            lines,
        })
    }
}
