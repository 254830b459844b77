//! Pesanan commands: each hands off to the core in a line or two.

use crate::{Shell, UiError};
use usahaku_core::CoreError;
use usahaku_core::orders::{Order, OrderInput, OrderPaymentInput, StatusInput};

fn order_id(s: &usahaku_core::Store, text: &str) -> Result<uuid::Uuid, CoreError> {
    Ok(s.find_order(text)?.id)
}

/// Takes an order.
#[tauri::command]
#[specta::specta]
pub(crate) async fn add_order(shell: tauri::State<'_, Shell>, input: OrderInput) -> Result<Order, UiError> {
    shell.with_store(|s| s.add_order(&input))
}

/// One order (by number or id).
#[tauri::command]
#[specta::specta]
pub(crate) async fn order(shell: tauri::State<'_, Shell>, order: String) -> Result<Order, UiError> {
    shell.with_store(|s| s.find_order(&order))
}

/// Orders not done or still owing, by due date.
#[tauri::command]
#[specta::specta]
pub(crate) async fn open_orders(shell: tauri::State<'_, Shell>) -> Result<Vec<Order>, UiError> {
    shell.with_store(|s| s.open_orders())
}

/// A payment (DP or pelunasan) on an order.
#[tauri::command]
#[specta::specta]
pub(crate) async fn pay_order(
    shell: tauri::State<'_, Shell>,
    order: String,
    input: OrderPaymentInput,
) -> Result<Order, UiError> {
    shell.with_store(|s| {
        let id = order_id(s, &order)?;
        s.pay_order(id, &input)
    })
}

/// Marks the transfer waiting for verification as received.
#[tauri::command]
#[specta::specta]
pub(crate) async fn verify_order_payment(
    shell: tauri::State<'_, Shell>,
    order: String,
) -> Result<Order, UiError> {
    shell.with_store(|s| {
        let id = order_id(s, &order)?;
        s.verify_payment(id)
    })
}

/// Moves an order forward (or cancels it).
#[tauri::command]
#[specta::specta]
pub(crate) async fn set_order_status(
    shell: tauri::State<'_, Shell>,
    order: String,
    input: StatusInput,
) -> Result<Order, UiError> {
    shell.with_store(|s| {
        let id = order_id(s, &order)?;
        s.set_order_status(id, &input)
    })
}

fn faktur_lines(
    shell: &Shell,
    order: &str,
    paper: usahaku_export::nota::Paper,
) -> Result<(Order, Vec<usahaku_export::nota::NotaLine>), UiError> {
    let lang = shell.lang();
    shell.with_store(|s| {
        let o = s.find_order(order)?;
        let lines =
            usahaku_export::nota::order_layout(&o, &s.profile()?, &s.shop_settings()?, paper.columns(), lang);
        Ok((o, lines))
    })
}

/// Writes an order's faktur (items, DP and payments, what is left to pay) as PDF (58 mm, 80 mm
/// or A5) to the export folder; returns the path.
#[tauri::command]
#[specta::specta]
pub(crate) async fn order_pdf(
    shell: tauri::State<'_, Shell>,
    order: String,
    paper: usahaku_export::nota::Paper,
) -> Result<String, UiError> {
    let (o, lines) = faktur_lines(&shell, &order, paper)?;
    let path = shell.export_file(&format!("faktur-{}.pdf", o.number))?;
    std::fs::write(&path, usahaku_export::nota::pdf(&lines, paper, &o.number))
        .map_err(|e| UiError::from_core(&CoreError::Io(e), shell.lang()))?;
    Ok(path.display().to_string())
}

/// An order's faktur as a WhatsApp message to the order's phone (no link without one).
#[tauri::command]
#[specta::specta]
pub(crate) async fn order_message(
    shell: tauri::State<'_, Shell>,
    order: String,
) -> Result<crate::kasir::NotaMessage, UiError> {
    let paper = usahaku_export::nota::Paper::Mm58;
    let (o, lines) = faktur_lines(&shell, &order, paper)?;
    let body = usahaku_export::nota::text(&lines, paper.columns());
    let link = (!o.phone.is_empty())
        .then(|| usahaku_core::profile::whatsapp_link(&o.phone, &format!("```\n{body}\n```")));
    Ok(crate::kasir::NotaMessage { text: body, link })
}
