//! Pembukuan commands: each hands off to the core in a line or two.

use crate::{Shell, UiError};
use serde::Serialize;
use usahaku_core::budget::BudgetReport;
use usahaku_core::journal::{CashBook, CashBookFilter, GeneralLedger, Reminder};
use usahaku_core::ledger::{Account, Aging, Debt, LedgerError, parse_date};
use usahaku_core::ledger_input::{CashInput, DebtInput, PaymentInput};
use usahaku_core::notes::Notes;
use usahaku_core::reports::{BalanceSheet, CashFlow, PphFinal, ProfitAndLoss, TrialBalanceRow};
use usahaku_core::{CoreError, Money};
use uuid::Uuid;

/// An utang or piutang with its aging today.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DebtView {
    /// The debt.
    pub debt: Debt,
    /// Aging on the business's today.
    pub aging: Aging,
}

fn entry_id(text: &str) -> Result<Uuid, CoreError> {
    Uuid::parse_str(text.trim()).map_err(|_| LedgerError::UnknownEntry.into())
}

fn date(text: &str) -> Result<jiff::civil::Date, CoreError> {
    Ok(parse_date(text)?)
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn ledger_accounts(shell: tauri::State<'_, Shell>) -> Result<Vec<Account>, UiError> {
    shell.with_store(|s| s.accounts())
}

/// Today in the business's time zone (`2026-11-22`).
#[tauri::command]
#[specta::specta]
pub(crate) async fn ledger_today(shell: tauri::State<'_, Shell>) -> Result<String, UiError> {
    shell.with_store(|s| Ok(s.today()?.to_string()))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn cash_book(
    shell: tauri::State<'_, Shell>,
    filter: CashBookFilter,
) -> Result<CashBook, UiError> {
    shell.with_store(|s| s.cash_book(&filter))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn record_cash(shell: tauri::State<'_, Shell>, input: CashInput) -> Result<String, UiError> {
    shell.with_store(|s| Ok(s.record_cash(&input)?.to_string()))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn record_debt(shell: tauri::State<'_, Shell>, input: DebtInput) -> Result<String, UiError> {
    shell.with_store(|s| Ok(s.record_debt(&input)?.to_string()))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn record_payment(
    shell: tauri::State<'_, Shell>,
    input: PaymentInput,
) -> Result<String, UiError> {
    shell.with_store(|s| Ok(s.record_payment(&input)?.to_string()))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn debts(shell: tauri::State<'_, Shell>) -> Result<Vec<DebtView>, UiError> {
    shell.with_store(|s| {
        let today = s.today()?;
        Ok(s.debts()?.into_iter().map(|debt| DebtView { aging: debt.aging(today), debt }).collect())
    })
}

/// The reminder text and WhatsApp link for a piutang.
#[tauri::command]
#[specta::specta]
pub(crate) async fn debt_reminder(
    shell: tauri::State<'_, Shell>,
    debt: String,
    phone: String,
) -> Result<Reminder, UiError> {
    let lang = shell.lang();
    shell.with_store(|s| s.debt_reminder(entry_id(&debt)?, &phone, lang))
}

/// Koreksi: reverses an entry today.
#[tauri::command]
#[specta::specta]
pub(crate) async fn reverse_entry(shell: tauri::State<'_, Shell>, entry: String) -> Result<String, UiError> {
    let note = shell.lang().pick("Koreksi", "Correction");
    shell.with_store(|s| {
        let today = s.today()?;
        Ok(s.reverse_entry(entry_id(&entry)?, today, note)?.to_string())
    })
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn report_profit_and_loss(
    shell: tauri::State<'_, Shell>,
    from: String,
    to: String,
) -> Result<ProfitAndLoss, UiError> {
    shell.with_store(|s| s.profit_and_loss(date(&from)?, date(&to)?))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn report_balance_sheet(
    shell: tauri::State<'_, Shell>,
    as_of: String,
) -> Result<BalanceSheet, UiError> {
    shell.with_store(|s| s.balance_sheet(date(&as_of)?))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn report_cash_flow(
    shell: tauri::State<'_, Shell>,
    from: String,
    to: String,
) -> Result<CashFlow, UiError> {
    shell.with_store(|s| s.cash_flow(date(&from)?, date(&to)?))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn report_trial_balance(
    shell: tauri::State<'_, Shell>,
    as_of: String,
) -> Result<Vec<TrialBalanceRow>, UiError> {
    shell.with_store(|s| s.trial_balance(date(&as_of)?))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn report_general_ledger(
    shell: tauri::State<'_, Shell>,
    account: String,
    from: String,
    to: String,
) -> Result<GeneralLedger, UiError> {
    shell.with_store(|s| {
        let account = s.find_account(&account)?.id;
        s.general_ledger(account, date(&from)?, date(&to)?)
    })
}

/// PPh Final for a month, by the profile's taxpayer kind.
#[tauri::command]
#[specta::specta]
pub(crate) async fn report_pph_final(
    shell: tauri::State<'_, Shell>,
    year: i16,
    month: i8,
) -> Result<PphFinal, UiError> {
    shell.with_store(|s| {
        let kind = s.profile()?.taxpayer_kind;
        s.pph_final(year, month, kind)
    })
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn report_notes(
    shell: tauri::State<'_, Shell>,
    from: String,
    to: String,
) -> Result<Notes, UiError> {
    let lang = shell.lang();
    shell.with_store(|s| s.notes(date(&from)?, date(&to)?, lang))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn budget_report(
    shell: tauri::State<'_, Shell>,
    year: i16,
    month: i8,
) -> Result<BudgetReport, UiError> {
    shell.with_store(|s| s.budget_report(year, month))
}

/// Sets an expense account's monthly budget from a month on (amount as typed).
#[tauri::command]
#[specta::specta]
pub(crate) async fn set_budget(
    shell: tauri::State<'_, Shell>,
    account: String,
    year: i16,
    month: i8,
    amount: String,
) -> Result<(), UiError> {
    shell.with_store(|s| {
        let account = s.find_account(&account)?.id;
        s.set_budget(account, year, month, Money::parse(&amount)?)
    })
}

/// Tutup buku (or reopen) a month.
#[tauri::command]
#[specta::specta]
pub(crate) async fn lock_month(
    shell: tauri::State<'_, Shell>,
    year: i16,
    month: i8,
    locked: bool,
) -> Result<(), UiError> {
    shell.with_store(|s| s.lock_month(year, month, locked))
}

/// Closed months (`2026-11`).
#[tauri::command]
#[specta::specta]
pub(crate) async fn locked_months(shell: tauri::State<'_, Shell>) -> Result<Vec<String>, UiError> {
    shell.with_store(|s| s.locked_months())
}

/// Opens a WhatsApp link (`https://wa.me/…`) in the system's browser or WhatsApp app. Only
/// such links are opened.
#[tauri::command]
#[specta::specta]
pub(crate) async fn open_whatsapp(
    app: tauri::AppHandle,
    shell: tauri::State<'_, Shell>,
    url: String,
) -> Result<(), UiError> {
    use tauri_plugin_opener::OpenerExt;
    let lang = shell.lang();
    if !url.starts_with("https://wa.me/") {
        return Err(UiError::internal(lang));
    }
    app.opener().open_url(url, None::<&str>).map_err(|e| {
        tracing::warn!(error = %e, "could not open a WhatsApp link");
        UiError {
            code: "open_failed".into(),
            message: lang
                .pick(
                    "Tautan WhatsApp tidak dapat dibuka di komputer ini. Salin pesannya secara manual.",
                    "The WhatsApp link could not be opened on this computer. Copy the message instead.",
                )
                .into(),
            field: None,
        }
    })
}

/// A file format for exported reports.
#[derive(Debug, Clone, Copy, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// PDF (A4).
    Pdf,
    /// Excel workbook.
    Xlsx,
}

/// Writes a report to the user's Documents/Usahaku folder; returns the file's path.
#[tauri::command]
#[specta::specta]
pub(crate) async fn export_report(
    shell: tauri::State<'_, Shell>,
    request: usahaku_export::ReportRequest,
    format: ExportFormat,
) -> Result<String, UiError> {
    let lang = shell.lang();
    let bytes = shell.with_store(|s| {
        let doc = usahaku_export::build(s, &request, lang)?;
        Ok(match format {
            ExportFormat::Pdf => usahaku_export::to_pdf(&doc, lang),
            ExportFormat::Xlsx => {
                usahaku_export::to_xlsx(&doc).map_err(|e| CoreError::Io(std::io::Error::other(e)))?
            }
        })
    })?;
    let dir = shell.export_dir();
    let ext = match format {
        ExportFormat::Pdf => "pdf",
        ExportFormat::Xlsx => "xlsx",
    };
    let path = dir.join(format!("{}-{}-{}.{ext}", request.kind.file_stem(), request.from, request.to));
    std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&path, bytes))
        .map_err(|e| UiError::from_core(&CoreError::Io(e), lang))?;
    Ok(path.display().to_string())
}

/// Opens an exported report with the system's viewer. Only files in the export folder.
#[tauri::command]
#[specta::specta]
pub(crate) async fn open_exported(
    app: tauri::AppHandle,
    shell: tauri::State<'_, Shell>,
    path: String,
) -> Result<(), UiError> {
    use tauri_plugin_opener::OpenerExt;
    let lang = shell.lang();
    let path = std::path::PathBuf::from(path);
    if path.parent() != Some(shell.export_dir().as_path()) || !path.is_file() {
        return Err(UiError::internal(lang));
    }
    app.opener().open_path(path.display().to_string(), None::<&str>).map_err(|e| {
        tracing::warn!(error = %e, "could not open an exported report");
        UiError {
            code: "open_failed".into(),
            message: lang
                .pick(
                    "Berkas tidak dapat dibuka di komputer ini. Buka dari folder Dokumen/Usahaku.",
                    "The file could not be opened on this computer. Open it from Documents/Usahaku.",
                )
                .into(),
            field: None,
        }
    })
}

/// Adds an account to the chart (empty code: the next free one of its kind).
#[tauri::command]
#[specta::specta]
pub(crate) async fn add_account(
    shell: tauri::State<'_, Shell>,
    code: String,
    name: String,
    role: usahaku_core::ledger::AccountRole,
) -> Result<Account, UiError> {
    shell.with_store(|s| s.add_account(&code, &name, role))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn rename_account(
    shell: tauri::State<'_, Shell>,
    account: String,
    name: String,
) -> Result<Account, UiError> {
    shell.with_store(|s| {
        let id = s.find_account(&account)?.id;
        s.rename_account(id, &name)
    })
}

/// Removes an account the owner added and never used.
#[tauri::command]
#[specta::specta]
pub(crate) async fn remove_account(shell: tauri::State<'_, Shell>, account: String) -> Result<(), UiError> {
    shell.with_store(|s| {
        let id = s.find_account(&account)?.id;
        s.remove_account(id)
    })
}

/// Posts a jurnal umum (manual entry).
#[tauri::command]
#[specta::specta]
pub(crate) async fn record_journal(
    shell: tauri::State<'_, Shell>,
    input: usahaku_core::ledger_input::JournalInput,
) -> Result<String, UiError> {
    shell.with_store(|s| Ok(s.record_journal(&input)?.to_string()))
}
