//! Produk commands: each hands off to the core in a line or two.

use crate::{Shell, UiError};
use usahaku_core::catalog::{Product, ProductInput};

#[tauri::command]
#[specta::specta]
pub(crate) async fn products(shell: tauri::State<'_, Shell>) -> Result<Vec<Product>, UiError> {
    shell.with_store(|s| s.products())
}

/// Products whose name, SKU or barcode contains `query` (at most `limit`).
#[tauri::command]
#[specta::specta]
pub(crate) async fn search_products(
    shell: tauri::State<'_, Shell>,
    query: String,
    limit: u32,
) -> Result<Vec<Product>, UiError> {
    shell.with_store(|s| s.search_products(&query, limit as usize))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn add_product(
    shell: tauri::State<'_, Shell>,
    input: ProductInput,
) -> Result<Product, UiError> {
    shell.with_store(|s| s.add_product(&input))
}

/// Changes a product (by SKU, barcode or id); only the changed fields are written.
#[tauri::command]
#[specta::specta]
pub(crate) async fn update_product(
    shell: tauri::State<'_, Shell>,
    product: String,
    input: ProductInput,
) -> Result<Product, UiError> {
    shell.with_store(|s| {
        let id = s.find_product(&product)?.id;
        s.update_product(id, &input)
    })
}

/// Archives or restores a product.
#[tauri::command]
#[specta::specta]
pub(crate) async fn set_product_active(
    shell: tauri::State<'_, Shell>,
    product: String,
    active: bool,
) -> Result<Product, UiError> {
    shell.with_store(|s| {
        let id = s.find_product(&product)?.id;
        s.set_product_active(id, active)
    })
}
