//! Anggaran: a monthly budget per expense account, and actual against budget.
//!
//! A budget is set for an account from a month on and holds for the months after it until it
//! is set again (set once, it applies every month). Budgets are last-writer-wins entities
//! ([`EntityKind::Budget`]) keyed by account and month, so two devices setting the same
//! month's budget converge on the later change.

use crate::error::{CoreError, Result};
use crate::ledger::{Account, AccountKind, LedgerError, month_key};
use crate::lww::LwwSpec;
use crate::money::Money;
use crate::oplog::Change;
use crate::store::Store;
use jiff::civil::Date;
use rusqlite::OptionalExtension;
use serde::Serialize;
use usahaku_proto::{EntityKind, FieldValue, LwwPatch};
use uuid::Uuid;

/// Budgets as last-writer-wins entities.
pub(crate) const SPEC: LwwSpec =
    LwwSpec { kind: EntityKind::Budget, table: "budget", fields: &["month", "account_id", "amount"] };

/// Namespace of budget ids (UUIDv5 of `account/yyyy-mm`): the same on every device.
const BUDGET_NAMESPACE: Uuid = Uuid::from_u128(0x7573_6168_616b_7502_0000_0000_0000_0000);

fn budget_id(account: Uuid, month: &str) -> Uuid {
    Uuid::new_v5(&BUDGET_NAMESPACE, format!("{account}/{month}").as_bytes())
}

/// One expense account in the budget report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BudgetRow {
    /// The expense account.
    pub account: Account,
    /// Anggaran for the month (zero when none is set).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub budget: Money,
    /// Realisasi: what was spent in the month.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub actual: Money,
    /// Selisih: budget − actual (negative when over budget).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub difference: Money,
}

/// Anggaran vs realisasi for one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BudgetReport {
    /// Year.
    pub year: i16,
    /// Month (1–12).
    pub month: i8,
    /// Expense accounts with a budget or spending in the month, in chart order.
    pub rows: Vec<BudgetRow>,
    /// Total budget.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total_budget: Money,
    /// Total spent.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total_actual: Money,
    /// Total budget − total spent.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total_difference: Money,
}

fn first_day(year: i16, month: i8) -> std::result::Result<Date, LedgerError> {
    Date::new(year, month, 1).map_err(|_| LedgerError::BadDate(format!("{year}-{month:02}")))
}

impl Store {
    /// Sets the monthly budget of an expense account from `year`-`month` on (zero clears it).
    pub fn set_budget(&mut self, account: Uuid, year: i16, month: i8, amount: Money) -> Result<()> {
        let month = month_key(first_day(year, month)?);
        if amount < Money::ZERO {
            return Err(LedgerError::NegativeBudget.into());
        }
        let a = self.account(account)?;
        if a.kind != AccountKind::Expense {
            return Err(LedgerError::NotExpenseAccount(a.name).into());
        }
        let patch = LwwPatch {
            fields: vec![
                ("month".into(), FieldValue::Text(month.clone())),
                ("account_id".into(), FieldValue::Text(account.to_string())),
                ("amount".into(), FieldValue::Int(amount.rupiah())),
            ],
        };
        self.commit(Change::Lww {
            entity: EntityKind::Budget,
            entity_id: budget_id(account, &month),
            patch,
        })?;
        Ok(())
    }

    /// The budget of an account in a month: the one set for the latest month not after it.
    pub fn budget_for(&self, account: Uuid, year: i16, month: i8) -> Result<Money> {
        let month = month_key(first_day(year, month)?);
        let amount: Option<Option<i64>> = self
            .conn
            .prepare_cached(
                "SELECT amount FROM budget WHERE account_id = ?1 AND month <= ?2 AND amount IS NOT NULL
                 ORDER BY month DESC LIMIT 1",
            )?
            .query_row([account.to_string(), month], |r| r.get(0))
            .optional()?;
        Ok(Money::from_rupiah(amount.flatten().unwrap_or(0)))
    }

    /// Anggaran vs realisasi for a month.
    pub fn budget_report(&self, year: i16, month: i8) -> Result<BudgetReport> {
        let first = first_day(year, month)?;
        let sums = self.sums(Some(first), first.last_of_month())?;
        let mut rows = Vec::new();
        let (mut total_budget, mut total_actual) = (Money::ZERO, Money::ZERO);
        for account in self.accounts()?.into_iter().filter(|a| a.kind == AccountKind::Expense) {
            let budget = self.budget_for(account.id, year, month)?;
            let actual = sums.get(&account.id).map_or(0, |(d, c)| d - c);
            let actual = Money::from_rupiah(actual);
            if budget == Money::ZERO && actual == Money::ZERO {
                continue;
            }
            total_budget = total_budget.checked_add(budget)?;
            total_actual = total_actual.checked_add(actual)?;
            rows.push(BudgetRow { account, budget, actual, difference: budget.checked_sub(actual)? });
        }
        Ok(BudgetReport {
            year,
            month,
            rows,
            total_budget,
            total_actual,
            total_difference: total_budget.checked_sub(total_actual).map_err(CoreError::from)?,
        })
    }
}
