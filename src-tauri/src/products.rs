//! Produk commands: each hands off to the core in a line or two.

use crate::{Shell, UiError};
use usahaku_core::catalog::{Product, ProductInput};

#[tauri::command]
#[specta::specta]
pub(crate) async fn products(shell: tauri::State<'_, Shell>) -> Result<Vec<Product>, UiError> {
    shell.with_store(|s| s.products())
}

/// Archived products by name.
#[tauri::command]
#[specta::specta]
pub(crate) async fn archived_products(shell: tauri::State<'_, Shell>) -> Result<Vec<Product>, UiError> {
    shell.with_store(|s| s.archived_products())
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

/// The import plan the user is looking at, until they confirm or pick another file.
pub(crate) type PendingImport = std::sync::Mutex<Option<usahaku_core::catalog_import::ImportPlan>>;

fn table_error(e: &usahaku_export::table::TableError, lang: usahaku_core::Lang) -> UiError {
    UiError { code: "bad_file".into(), message: e.message(lang), field: Some("file".into()) }
}

/// Reads a picked CSV/XLSX file and checks every row; nothing is written. The plan is kept
/// until [`import_products`] confirms it.
#[tauri::command]
#[specta::specta]
pub(crate) async fn preview_import(
    shell: tauri::State<'_, Shell>,
    file_name: String,
    bytes: Vec<u8>,
) -> Result<usahaku_core::catalog_import::ImportPreview, UiError> {
    let lang = shell.lang();
    let table = usahaku_export::table::read_table(&file_name, &bytes).map_err(|e| table_error(&e, lang))?;
    let plan = shell.with_store(|s| s.plan_import(&table, lang))?;
    let preview = plan.preview.clone();
    *shell.pending_import.lock().map_err(|_| UiError::internal(lang))? = Some(plan);
    Ok(preview)
}

/// Writes the valid rows of the previewed file in one transaction.
#[tauri::command]
#[specta::specta]
pub(crate) async fn import_products(
    shell: tauri::State<'_, Shell>,
) -> Result<usahaku_core::catalog_import::ImportResult, UiError> {
    let lang = shell.lang();
    let plan = shell.pending_import.lock().map_err(|_| UiError::internal(lang))?.take();
    let plan = plan.ok_or_else(|| UiError {
        code: "no_preview".into(),
        message: lang
            .pick("Pilih berkas dan lihat pratinjaunya dulu.", "Pick a file and preview it first.")
            .into(),
        field: Some("file".into()),
    })?;
    shell.with_store(|s| s.commit_import(&plan))
}

/// A file kind for product lists.
#[derive(Debug, Clone, Copy, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum TableFormat {
    /// Excel workbook.
    Xlsx,
    /// Comma-separated text.
    Csv,
}

/// Writes the import template (Indonesian or English headers) to the export folder.
#[tauri::command]
#[specta::specta]
pub(crate) async fn write_import_template(shell: tauri::State<'_, Shell>) -> Result<String, UiError> {
    let lang = shell.lang();
    let path = shell.export_file(lang.pick("templat-impor-produk.xlsx", "product-import-template.xlsx"))?;
    usahaku_export::table::write_template(&path, lang).map_err(|e| table_error(&e, lang))?;
    Ok(path.display().to_string())
}

/// Writes all active products (the template's columns) to the export folder.
#[tauri::command]
#[specta::specta]
pub(crate) async fn export_products(
    shell: tauri::State<'_, Shell>,
    format: TableFormat,
) -> Result<String, UiError> {
    let lang = shell.lang();
    let table = shell.with_store(|s| s.products_table(lang))?;
    let stem = lang.pick("daftar-produk", "products");
    let written = match format {
        TableFormat::Xlsx => {
            let path = shell.export_file(&format!("{stem}.xlsx"))?;
            usahaku_export::table::write_xlsx(&table, lang.pick("Produk", "Products"), &path).map(|()| path)
        }
        TableFormat::Csv => {
            let path = shell.export_file(&format!("{stem}.csv"))?;
            usahaku_export::table::write_csv(&table, &path).map(|()| path)
        }
    };
    written.map(|p| p.display().to_string()).map_err(|e| table_error(&e, lang))
}

/// Sets a product's photo from the picked file's bytes (original kept here, thumbnail syncs).
#[tauri::command]
#[specta::specta]
pub(crate) async fn set_product_photo(
    shell: tauri::State<'_, Shell>,
    product: String,
    bytes: Vec<u8>,
) -> Result<Product, UiError> {
    shell.with_store(|s| {
        let id = s.find_product(&product)?.id;
        s.set_product_photo(id, &bytes)
    })
}

/// Removes a product's photo.
#[tauri::command]
#[specta::specta]
pub(crate) async fn remove_product_photo(
    shell: tauri::State<'_, Shell>,
    product: String,
) -> Result<Product, UiError> {
    shell.with_store(|s| {
        let id = s.find_product(&product)?.id;
        s.remove_product_photo(id)
    })
}

/// A product's thumbnail as a data: URL (null without a photo).
#[tauri::command]
#[specta::specta]
pub(crate) async fn product_thumbnail(
    shell: tauri::State<'_, Shell>,
    product: String,
) -> Result<Option<String>, UiError> {
    shell.with_store(|s| {
        let id = s.find_product(&product)?.id;
        s.product_thumbnail(id)
    })
}
