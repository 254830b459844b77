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
