//! Financial statements (SAK EMKM) and PPh Final. Reports only read; they never write.

use crate::error::{CoreError, Result};
use crate::ledger::{Account, AccountKind, AccountRole, CashFlowGroup};
use crate::money::Money;
use crate::profile::TaxpayerKind;
use crate::store::Store;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

const PPH_RULES: &str = include_str!("../../../assets/ledger/pph_final.json");

/// One account's figure in a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountAmount {
    /// The account.
    pub account: Account,
    /// Its amount, with the sign a reader expects (revenue positive, expense positive, …).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub amount: Money,
}

/// Laporan Laba Rugi for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProfitAndLoss {
    /// First day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub from: Date,
    /// Last day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub to: Date,
    /// Revenue accounts (discounts negative).
    pub revenue_lines: Vec<AccountAmount>,
    /// Total pendapatan.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub revenue: Money,
    /// Expense accounts (HPP included).
    pub expense_lines: Vec<AccountAmount>,
    /// Total beban.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub expenses: Money,
    /// Laba (rugi) bersih.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub net_profit: Money,
}

/// Laporan Posisi Keuangan as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BalanceSheet {
    /// The date.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub as_of: Date,
    /// Assets (contra assets negative).
    pub assets: Vec<AccountAmount>,
    /// Total aset.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total_assets: Money,
    /// Liabilities.
    pub liabilities: Vec<AccountAmount>,
    /// Total kewajiban.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total_liabilities: Money,
    /// Equity accounts (prive negative).
    pub equity: Vec<AccountAmount>,
    /// Laba (rugi) to date, not yet closed into capital.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub retained_earnings: Money,
    /// Total ekuitas (accounts + earnings).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total_equity: Money,
}

/// Laporan Arus Kas (direct method) for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CashFlow {
    /// First day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub from: Date,
    /// Last day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub to: Date,
    /// Cash at the start (kas, bank, dompet digital).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub opening: Money,
    /// Net cash from operations.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub operating: Money,
    /// Net cash from investing.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub investing: Money,
    /// Net cash from financing.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub financing: Money,
    /// Net change.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub net: Money,
    /// Cash at the end.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub closing: Money,
    /// The detail: each counter-account with the cash it brought in (+) or took out (−).
    pub lines: Vec<(CashFlowGroup, AccountAmount)>,
}

/// One row of the Neraca Saldo (trial balance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TrialBalanceRow {
    /// The account.
    pub account: Account,
    /// Debit balance (or zero).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub debit: Money,
    /// Credit balance (or zero).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub credit: Money,
}

/// PPh Final UMKM for one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PphFinal {
    /// Year.
    pub year: i16,
    /// Month (1–12).
    pub month: i8,
    /// Gross revenue (omzet) of the month.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub revenue: Money,
    /// Omzet of the year before this month.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub revenue_before: Money,
    /// The part of this month's omzet that is taxed.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub taxable: Money,
    /// Rate in basis points (50 = 0,5 %).
    pub rate_bp: u32,
    /// Tax due (rounded down to whole Rupiah).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub tax: Money,
    /// Kode akun pajak for the deposit.
    pub kap: String,
    /// Kode jenis setoran.
    pub kjs: String,
    /// The regulation the rate comes from.
    pub basis: String,
    /// Individual taxpayer (with the yearly exemption) or a company.
    pub taxpayer_kind: TaxpayerKind,
}

#[derive(Debug, Deserialize)]
struct PphRules {
    rules: Vec<PphRule>,
}

#[derive(Debug, Deserialize)]
struct PphRule {
    from: String,
    basis: String,
    rate_bp: u32,
    individual_exempt_per_year: i64,
    kap: String,
    kjs: String,
}

fn corrupt(e: impl std::fmt::Display) -> CoreError {
    CoreError::Corrupt(e.to_string())
}

/// A period cut into the whole months inside it (`yyyy-mm` bounds, from the start when
/// there is no first day) and the days of a partial first or last month.
struct Split {
    months: Option<(String, String)>,
    days: Vec<(Date, Date)>,
}

fn split_period(from: Option<Date>, to: Date) -> Result<Split> {
    let month = |d: Date| format!("{:04}-{:02}", d.year(), d.month());
    let first_full = match from {
        None => None,
        Some(f) if f.day() == 1 => Some(f),
        Some(f) => Some(f.last_of_month().tomorrow().map_err(corrupt)?),
    };
    let last_full =
        if to == to.last_of_month() { to } else { to.first_of_month().yesterday().map_err(corrupt)? };
    if first_full.is_some_and(|f| f > last_full) {
        // No whole month inside: every day is read from the lines.
        return Ok(Split { months: None, days: from.map(|f| vec![(f, to)]).unwrap_or_default() });
    }
    let mut days = Vec::new();
    if let Some((f, ff)) = from.zip(first_full).filter(|(f, ff)| f < ff) {
        days.push((f, ff.yesterday().map_err(corrupt)?));
    }
    if last_full < to {
        days.push((last_full.tomorrow().map_err(corrupt)?, to));
    }
    Ok(Split { months: Some((first_full.map_or_else(String::new, month), month(last_full))), days })
}

impl Store {
    /// Per account: (debit, credit) totals of lines dated in `[from, to]` (from the start when
    /// `from` is `None`). Whole months come from `ledger_month`; only the days of a partial
    /// first or last month are read line by line.
    pub(crate) fn sums(&self, from: Option<Date>, to: Date) -> Result<HashMap<Uuid, (i64, i64)>> {
        let mut out = HashMap::new();
        let split = split_period(from, to)?;
        if let Some((lo, hi)) = &split.months {
            self.add_sums(
                "SELECT account_id, SUM(debit), SUM(credit) FROM ledger_month
                 WHERE month >= ?1 AND month <= ?2 GROUP BY account_id",
                lo,
                hi,
                &mut out,
            )?;
        }
        for (f, t) in split.days {
            self.add_sums(
                "SELECT account_id, SUM(debit), SUM(credit) FROM journal_line
                 WHERE date >= ?1 AND date <= ?2 GROUP BY account_id",
                &f.to_string(),
                &t.to_string(),
                &mut out,
            )?;
        }
        Ok(out)
    }

    /// Per non-money account: the cash (credit − debit) its lines moved in entries that touch
    /// a money account, dated in `[from, to]`. Whole months come from `cash_month`.
    fn cash_sums(&self, from: Date, to: Date) -> Result<HashMap<Uuid, i64>> {
        let mut out = HashMap::new();
        let split = split_period(Some(from), to)?;
        if let Some((lo, hi)) = &split.months {
            self.add_sums(
                "SELECT account_id, SUM(amount), 0 FROM cash_month
                 WHERE month >= ?1 AND month <= ?2 GROUP BY account_id",
                lo,
                hi,
                &mut out,
            )?;
        }
        for (f, t) in split.days {
            self.add_sums(
                "SELECT l.account_id, SUM(l.credit - l.debit), 0 FROM journal_line l
                 JOIN account a ON a.id = l.account_id
                 WHERE l.date >= ?1 AND l.date <= ?2 AND COALESCE(a.role, '') NOT IN ('cash', 'bank', 'ewallet')
                   AND l.entry_id IN (SELECT m.entry_id FROM journal_line m JOIN account ma ON ma.id = m.account_id
                                      WHERE m.date >= ?1 AND m.date <= ?2 AND ma.role IN ('cash', 'bank', 'ewallet'))
                 GROUP BY l.account_id",
                &f.to_string(),
                &t.to_string(),
                &mut out,
            )?;
        }
        Ok(out.into_iter().map(|(id, (amount, _))| (id, amount)).collect())
    }

    fn add_sums(&self, sql: &str, lo: &str, hi: &str, out: &mut HashMap<Uuid, (i64, i64)>) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([lo, hi], |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
        })?;
        for row in rows {
            let (id, d, c) = row?;
            let slot = out.entry(crate::oplog::uuid_col(&id)?).or_insert((0, 0));
            slot.0 = slot.0.checked_add(d).ok_or(crate::AmountError::Overflow)?;
            slot.1 = slot.1.checked_add(c).ok_or(crate::AmountError::Overflow)?;
        }
        Ok(())
    }

    /// Laporan Laba Rugi for `[from, to]`.
    pub fn profit_and_loss(&self, from: Date, to: Date) -> Result<ProfitAndLoss> {
        let sums = self.sums(Some(from), to)?;
        let accounts = self.accounts()?;
        let revenue_lines = lines_of(&accounts, &sums, AccountKind::Revenue);
        let expense_lines = lines_of(&accounts, &sums, AccountKind::Expense);
        let revenue = total(&revenue_lines)?;
        let expenses = total(&expense_lines)?;
        Ok(ProfitAndLoss {
            from,
            to,
            revenue_lines,
            revenue,
            expense_lines,
            expenses,
            net_profit: revenue.checked_sub(expenses)?,
        })
    }

    /// Laporan Posisi Keuangan at the end of `as_of`.
    pub fn balance_sheet(&self, as_of: Date) -> Result<BalanceSheet> {
        let sums = self.sums(None, as_of)?;
        let accounts = self.accounts()?;
        let assets = lines_of(&accounts, &sums, AccountKind::Asset);
        let liabilities = lines_of(&accounts, &sums, AccountKind::Liability);
        let equity = lines_of(&accounts, &sums, AccountKind::Equity);
        let revenue = total(&lines_of(&accounts, &sums, AccountKind::Revenue))?;
        let expenses = total(&lines_of(&accounts, &sums, AccountKind::Expense))?;
        let retained_earnings = revenue.checked_sub(expenses)?;
        Ok(BalanceSheet {
            as_of,
            total_assets: total(&assets)?,
            total_liabilities: total(&liabilities)?,
            total_equity: total(&equity)?.checked_add(retained_earnings)?,
            assets,
            liabilities,
            equity,
            retained_earnings,
        })
    }

    /// Laporan Arus Kas (direct method) for `[from, to]`: the cash each entry moved, assigned
    /// to the groups of the accounts on its other side. Transfers between money accounts
    /// move no cash in total.
    pub fn cash_flow(&self, from: Date, to: Date) -> Result<CashFlow> {
        let accounts = self.accounts()?;
        let money_total = |sums: &HashMap<Uuid, (i64, i64)>| -> Result<Money> {
            let mut m = Money::ZERO;
            for a in accounts.iter().filter(|a| a.role.is_money()) {
                if let Some((d, c)) = sums.get(&a.id) {
                    m = m.checked_add(Money::from_rupiah(d - c))?;
                }
            }
            Ok(m)
        };
        let before = from.yesterday().map_err(corrupt)?;
        let opening = money_total(&self.sums(None, before)?)?;
        let closing = money_total(&self.sums(None, to)?)?;
        let per_account = self.cash_sums(from, to)?;
        let (mut operating, mut investing, mut financing) = (Money::ZERO, Money::ZERO, Money::ZERO);
        let mut lines = Vec::new();
        for account in accounts {
            let Some(&amount) = per_account.get(&account.id) else { continue };
            if amount == 0 {
                continue;
            }
            let amount = Money::from_rupiah(amount);
            let group = account.role.cash_flow_group();
            let slot = match group {
                CashFlowGroup::Operating => &mut operating,
                CashFlowGroup::Investing => &mut investing,
                CashFlowGroup::Financing => &mut financing,
            };
            *slot = slot.checked_add(amount)?;
            lines.push((group, AccountAmount { account, amount }));
        }
        let net = operating.checked_add(investing)?.checked_add(financing)?;
        Ok(CashFlow { from, to, opening, operating, investing, financing, net, closing, lines })
    }

    /// Neraca Saldo at the end of `as_of`: each account's balance on its debit or credit side.
    pub fn trial_balance(&self, as_of: Date) -> Result<Vec<TrialBalanceRow>> {
        let sums = self.sums(None, as_of)?;
        let mut out = Vec::new();
        for account in self.accounts()? {
            let Some((d, c)) = sums.get(&account.id) else { continue };
            let balance = d - c;
            let (debit, credit) = if balance >= 0 { (balance, 0) } else { (0, -balance) };
            out.push(TrialBalanceRow {
                account,
                debit: Money::from_rupiah(debit),
                credit: Money::from_rupiah(credit),
            });
        }
        Ok(out)
    }

    /// Gross revenue (omzet: sales less sales discounts) dated in `[from, to]`.
    pub fn gross_revenue(&self, from: Date, to: Date) -> Result<Money> {
        let sums = self.sums(Some(from), to)?;
        let mut m = Money::ZERO;
        for a in self.accounts()? {
            if matches!(a.role, AccountRole::Sales | AccountRole::SalesDiscount)
                && let Some((d, c)) = sums.get(&a.id)
            {
                m = m.checked_add(Money::from_rupiah(c - d))?;
            }
        }
        Ok(m)
    }

    /// PPh Final UMKM for a month, by the rule in force on the month's first day
    /// (`assets/ledger/pph_final.json`). An individual pays nothing on the part of the year's
    /// cumulative omzet under the yearly exemption.
    pub fn pph_final(&self, year: i16, month: i8, kind: TaxpayerKind) -> Result<PphFinal> {
        let first = Date::new(year, month, 1).map_err(corrupt)?;
        let last = first.last_of_month();
        let rules: PphRules = serde_json::from_str(PPH_RULES).map_err(corrupt)?;
        let rule = rules
            .rules
            .iter()
            .filter(|r| r.from.parse::<Date>().is_ok_and(|d| d <= first))
            .max_by_key(|r| r.from.clone())
            .ok_or_else(|| CoreError::Corrupt(format!("no PPh Final rule for {first}")))?;
        let revenue = self.gross_revenue(first, last)?;
        let revenue_before = if month > 1 {
            self.gross_revenue(Date::new(year, 1, 1).map_err(corrupt)?, first.yesterday().map_err(corrupt)?)?
        } else {
            Money::ZERO
        };
        let exempt = match kind {
            TaxpayerKind::OrangPribadi => rule.individual_exempt_per_year,
            TaxpayerKind::Badan => 0,
        };
        // Taxed part = cumulative above the exemption now, minus what was above it before.
        let before = revenue_before.rupiah().max(0);
        let after = before.checked_add(revenue.rupiah().max(0)).ok_or(crate::AmountError::Overflow)?;
        let taxable = (after - exempt).max(0) - (before - exempt).max(0);
        let tax = i128::from(taxable) * i128::from(rule.rate_bp) / 10_000;
        Ok(PphFinal {
            year,
            month,
            revenue,
            revenue_before,
            taxable: Money::from_rupiah(taxable),
            rate_bp: rule.rate_bp,
            tax: Money::from_rupiah(i64::try_from(tax).map_err(|_| crate::AmountError::Overflow)?),
            kap: rule.kap.clone(),
            kjs: rule.kjs.clone(),
            basis: rule.basis.clone(),
            taxpayer_kind: kind,
        })
    }
}

/// Amounts per account of `kind`, signed by the kind's normal side; accounts without movement
/// are left out.
fn lines_of(accounts: &[Account], sums: &HashMap<Uuid, (i64, i64)>, kind: AccountKind) -> Vec<AccountAmount> {
    let mut out = Vec::new();
    for account in accounts.iter().filter(|a| a.kind == kind) {
        let Some((d, c)) = sums.get(&account.id) else { continue };
        let amount = if kind.debit_normal() { d - c } else { c - d };
        out.push(AccountAmount { account: account.clone(), amount: Money::from_rupiah(amount) });
    }
    out
}

fn total(lines: &[AccountAmount]) -> Result<Money> {
    let mut m = Money::ZERO;
    for l in lines {
        m = m.checked_add(l.amount)?;
    }
    Ok(m)
}
