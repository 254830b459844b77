//! Reading the journal: the cash book list, the Buku Besar of one account and the reminder
//! for a piutang. Only reads; postings go through [`Store::post`].

use crate::error::{CoreError, Lang, ProfileField, Result};
use crate::ledger::{Account, AccountKind, Debt, EntryKind};
use crate::money::Money;
use crate::oplog::uuid_col;
use crate::profile::{format_date, normalize_phone, whatsapp_link};
use crate::store::Store;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

/// Most rows one cash book or ledger page returns.
pub const PAGE_LIMIT: usize = 2_000;

/// Which cash book rows to list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CashBookFilter {
    /// First day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub from: Date,
    /// Last day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub to: Date,
    /// Only this kas/bank/dompet digital account.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub money_account: Option<Uuid>,
    /// Only entries with this category (the account on the other side).
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub category: Option<Uuid>,
}

/// Money that moved in or out of one money account in one entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CashBookRow {
    /// The entry.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub entry_id: Uuid,
    /// Date.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// What the entry records.
    pub kind: EntryKind,
    /// Keterangan.
    pub memo: String,
    /// From or to whom.
    pub counterparty: Option<String>,
    /// The kas/bank/dompet digital account.
    pub money_account: Account,
    /// The account on the other side (for a transfer, the other money account).
    pub category: Option<Account>,
    /// Uang masuk.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub money_in: Money,
    /// Uang keluar.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub money_out: Money,
    /// Saldo after this row (of the filtered money account, or of all money accounts).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub balance: Money,
    /// A later entry corrected (reversed) this one.
    pub reversed: bool,
}

/// A page of the cash book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CashBook {
    /// Saldo before the first day.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub opening: Money,
    /// Rows, oldest first.
    pub rows: Vec<CashBookRow>,
    /// Total uang masuk of the rows.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total_in: Money,
    /// Total uang keluar of the rows.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total_out: Money,
    /// Saldo after the last day (all rows, even past the page limit).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub closing: Money,
    /// More rows than [`PAGE_LIMIT`] matched; the first ones are shown.
    pub truncated: bool,
}

/// One line of the Buku Besar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LedgerRow {
    /// The entry.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub entry_id: Uuid,
    /// Date.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// What the entry records.
    pub kind: EntryKind,
    /// Keterangan.
    pub memo: String,
    /// Debit.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub debit: Money,
    /// Kredit.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub credit: Money,
    /// Saldo after this line, on the account's normal side.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub balance: Money,
}

/// Buku Besar of one account for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GeneralLedger {
    /// The account.
    pub account: Account,
    /// First day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub from: Date,
    /// Last day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub to: Date,
    /// Saldo awal, on the account's normal side.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub opening: Money,
    /// Lines, oldest first.
    pub rows: Vec<LedgerRow>,
    /// Saldo akhir.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub closing: Money,
    /// More rows than [`PAGE_LIMIT`]; the first ones are shown.
    pub truncated: bool,
}

/// A reminder for a piutang: the message and its WhatsApp link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reminder {
    /// The message text.
    pub text: String,
    /// `https://wa.me/62…?text=…` (opens WhatsApp when online).
    pub link: String,
}

/// Balance on the account's normal side.
fn signed(kind: AccountKind, debit: i64, credit: i64) -> i64 {
    if kind.debit_normal() { debit - credit } else { credit - debit }
}

impl Store {
    /// The cash book: every movement of money accounts dated in the filter's period.
    pub fn cash_book(&self, filter: &CashBookFilter) -> Result<CashBook> {
        let accounts: HashMap<Uuid, Account> = self.accounts()?.into_iter().map(|a| (a.id, a)).collect();
        let in_scope = |a: &Account| a.role.is_money() && filter.money_account.is_none_or(|m| m == a.id);
        let before =
            self.sums(None, filter.from.yesterday().map_err(|e| CoreError::Corrupt(e.to_string()))?)?;
        let mut opening = 0i64;
        for (id, (d, c)) in &before {
            if accounts.get(id).is_some_and(in_scope) {
                opening = opening.checked_add(d - c).ok_or(crate::AmountError::Overflow)?;
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.date, e.kind, e.memo, e.counterparty,
                    EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses = e.id),
                    l.account_id, l.debit, l.credit
             FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
             JOIN account a ON a.id = l.account_id
             WHERE l.date >= ?1 AND l.date <= ?2 AND a.role IN ('cash', 'bank', 'ewallet')
             ORDER BY l.date, e.hlc, l.line_no",
        )?;
        let mut others = self.conn.prepare_cached(
            "SELECT account_id FROM journal_line WHERE entry_id = ?1 AND account_id != ?2 ORDER BY line_no",
        )?;
        let mut rows = Vec::new();
        let mut balance = opening;
        let (mut total_in, mut total_out) = (0i64, 0i64);
        let mut truncated = false;
        let mut query = stmt.query([filter.from.to_string(), filter.to.to_string()])?;
        while let Some(r) = query.next()? {
            let account_id = uuid_col(&r.get::<_, Vec<u8>>(6)?)?;
            let Some(money_account) = accounts.get(&account_id).filter(|a| in_scope(a)) else { continue };
            let entry_bytes: Vec<u8> = r.get(0)?;
            // The other side's accounts: needed to filter by category, and for the rows shown.
            let mut other_ids: Option<Vec<Uuid>> = None;
            let mut load_others = || -> Result<Vec<Uuid>> {
                others
                    .query_map(rusqlite::params![entry_bytes, account_id.as_bytes().as_slice()], |r| {
                        r.get::<_, Vec<u8>>(0)
                    })?
                    .map(|b| Ok(uuid_col(&b?)?))
                    .collect::<Result<_>>()
            };
            if let Some(c) = filter.category {
                let ids = load_others()?;
                if !ids.contains(&c) {
                    continue;
                }
                other_ids = Some(ids);
            }
            let (debit, credit): (i64, i64) = (r.get(7)?, r.get(8)?);
            balance = balance.checked_add(debit - credit).ok_or(crate::AmountError::Overflow)?;
            total_in = total_in.checked_add(debit).ok_or(crate::AmountError::Overflow)?;
            total_out = total_out.checked_add(credit).ok_or(crate::AmountError::Overflow)?;
            if rows.len() == PAGE_LIMIT {
                truncated = true;
                continue;
            }
            let other_ids = match other_ids {
                Some(ids) => ids,
                None => load_others()?,
            };
            let date: String = r.get(1)?;
            rows.push(CashBookRow {
                entry_id: uuid_col(&entry_bytes)?,
                date: date.parse().map_err(|e| CoreError::Corrupt(format!("date {date}: {e}")))?,
                kind: EntryKind::from_code(&r.get::<_, String>(2)?).unwrap_or(EntryKind::Manual),
                memo: r.get(3)?,
                counterparty: r.get(4)?,
                money_account: money_account.clone(),
                category: other_ids.first().and_then(|id| accounts.get(id)).cloned(),
                money_in: Money::from_rupiah(debit),
                money_out: Money::from_rupiah(credit),
                balance: Money::from_rupiah(balance),
                reversed: r.get(5)?,
            });
        }
        Ok(CashBook {
            opening: Money::from_rupiah(opening),
            rows,
            total_in: Money::from_rupiah(total_in),
            total_out: Money::from_rupiah(total_out),
            closing: Money::from_rupiah(balance),
            truncated,
        })
    }

    /// Buku Besar: the lines of one account dated in `[from, to]` with the running balance.
    pub fn general_ledger(&self, account: Uuid, from: Date, to: Date) -> Result<GeneralLedger> {
        let account = self.account(account)?;
        let before = self.sums(None, from.yesterday().map_err(|e| CoreError::Corrupt(e.to_string()))?)?;
        let opening = before.get(&account.id).map_or(0, |(d, c)| signed(account.kind, *d, *c));
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.date, e.kind, e.memo, l.debit, l.credit
             FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
             WHERE l.account_id = ?1 AND l.date >= ?2 AND l.date <= ?3
             ORDER BY l.date, e.hlc, l.line_no",
        )?;
        let mut query = stmt.query(rusqlite::params![
            account.id.as_bytes().as_slice(),
            from.to_string(),
            to.to_string()
        ])?;
        let (mut rows, mut balance, mut truncated) = (Vec::new(), opening, false);
        while let Some(r) = query.next()? {
            let (debit, credit): (i64, i64) = (r.get(4)?, r.get(5)?);
            balance = balance
                .checked_add(signed(account.kind, debit, credit))
                .ok_or(crate::AmountError::Overflow)?;
            if rows.len() == PAGE_LIMIT {
                truncated = true;
                continue;
            }
            let date: String = r.get(1)?;
            rows.push(LedgerRow {
                entry_id: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
                date: date.parse().map_err(|e| CoreError::Corrupt(format!("date {date}: {e}")))?,
                kind: EntryKind::from_code(&r.get::<_, String>(2)?).unwrap_or(EntryKind::Manual),
                memo: r.get(3)?,
                debit: Money::from_rupiah(debit),
                credit: Money::from_rupiah(credit),
                balance: Money::from_rupiah(balance),
            });
        }
        Ok(GeneralLedger {
            account,
            from,
            to,
            opening: Money::from_rupiah(opening),
            rows,
            closing: Money::from_rupiah(balance),
            truncated,
        })
    }
}

impl Store {
    /// The reminder message for a piutang and its WhatsApp link to `phone` (any Indonesian
    /// form: `0812…`, `+62 812…`); refused with [`CoreError::Invalid`] when the phone is not
    /// valid. The keterangan is said only when the owner wrote one (not the category's name
    /// the cash book shows for an empty one).
    pub fn debt_reminder(&self, debt: Uuid, phone: &str, lang: Lang) -> Result<Reminder> {
        let debt = self.debt(debt)?;
        let business = self.profile()?.name;
        let memo_is_category = self.accounts()?.iter().any(|a| a.name == debt.memo);
        let memo = if memo_is_category { "" } else { debt.memo.as_str() };
        reminder_text(&debt, memo, &business, phone, lang)
    }
}

fn reminder_text(debt: &Debt, memo: &str, business_name: &str, phone: &str, lang: Lang) -> Result<Reminder> {
    let phone = normalize_phone(phone)
        .map_err(|problem| CoreError::Invalid { field: ProfileField::Phone, problem })?;
    let what = if memo.is_empty() { String::new() } else { format!(" ({memo})") };
    let due = debt.due_date.map(format_date);
    let text = match (lang, due) {
        (Lang::Id, Some(due)) => format!(
            "Halo {}, kami dari {business_name} ingin mengingatkan tagihan sebesar {}{what} yang jatuh tempo pada {due}. Terima kasih.",
            debt.counterparty, debt.outstanding
        ),
        (Lang::Id, None) => format!(
            "Halo {}, kami dari {business_name} ingin mengingatkan tagihan sebesar {}{what}. Terima kasih.",
            debt.counterparty, debt.outstanding
        ),
        (Lang::En, Some(due)) => format!(
            "Hello {}, this is {business_name}: a friendly reminder of the {}{what} due on {due}. Thank you.",
            debt.counterparty, debt.outstanding
        ),
        (Lang::En, None) => format!(
            "Hello {}, this is {business_name}: a friendly reminder of the {}{what} still open. Thank you.",
            debt.counterparty, debt.outstanding
        ),
    };
    let link = whatsapp_link(&phone, &text);
    Ok(Reminder { text, link })
}
