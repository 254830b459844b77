//! Stok, pemasok and promo commands: each hands off to the core in a line or two.

use crate::{Shell, UiError};
use usahaku_core::Qty;
use usahaku_core::pricing::{PriceQuote, Promo, PromoInput};
use usahaku_core::stock::{
    AdjustmentInput, CountInput, ExpiringRow, LowStockRow, ReceiptInput, StockCard, StockPosted,
    StockValueReport, Supplier, SupplierInput, SupplierPurchases,
};

/// Barang masuk: adds stock at its cost and books the purchase.
#[tauri::command]
#[specta::specta]
pub(crate) async fn receive_stock(
    shell: tauri::State<'_, Shell>,
    input: ReceiptInput,
) -> Result<StockPosted, UiError> {
    shell.with_store(|s| s.receive_stock(&input))
}

/// Penyesuaian stok (rusak, hilang, kedaluwarsa, lainnya).
#[tauri::command]
#[specta::specta]
pub(crate) async fn adjust_stock(
    shell: tauri::State<'_, Shell>,
    input: AdjustmentInput,
) -> Result<StockPosted, UiError> {
    shell.with_store(|s| s.adjust_stock(&input))
}

/// Stok opname: the differences become adjustments.
#[tauri::command]
#[specta::specta]
pub(crate) async fn count_stock(
    shell: tauri::State<'_, Shell>,
    input: CountInput,
) -> Result<StockPosted, UiError> {
    shell.with_store(|s| s.count_stock(&input))
}

/// Kartu stok of a product (id, SKU or barcode) between two dates (empty: this month).
#[tauri::command]
#[specta::specta]
pub(crate) async fn stock_card(
    shell: tauri::State<'_, Shell>,
    product: String,
    from: String,
    to: String,
) -> Result<StockCard, UiError> {
    shell.with_store(|s| {
        let id = s.find_product(&product)?.id;
        let to = s.date_or_today(&to)?;
        let from = if from.trim().is_empty() { to.first_of_month() } else { s.date_or_today(&from)? };
        s.stock_card(id, from, to)
    })
}

/// Laporan nilai persediaan at the end of a day (empty: today).
#[tauri::command]
#[specta::specta]
pub(crate) async fn stock_value(
    shell: tauri::State<'_, Shell>,
    as_of: String,
) -> Result<StockValueReport, UiError> {
    shell.with_store(|s| {
        let day = s.date_or_today(&as_of)?;
        s.stock_value(day)
    })
}

/// Books the stock value's difference from Persediaan on a day (empty: today) as a
/// penyesuaian entry against HPP; answers the report after it.
#[tauri::command]
#[specta::specta]
pub(crate) async fn book_stock_difference(
    shell: tauri::State<'_, Shell>,
    as_of: String,
) -> Result<StockValueReport, UiError> {
    shell.with_store(|s| {
        let day = s.date_or_today(&as_of)?;
        s.book_stock_difference(day)?;
        s.stock_value(day)
    })
}

/// Products that expire within `days` of a day (empty: today), or already have, with stock.
#[tauri::command]
#[specta::specta]
pub(crate) async fn expiring(
    shell: tauri::State<'_, Shell>,
    as_of: String,
    days: u16,
) -> Result<Vec<ExpiringRow>, UiError> {
    shell.with_store(|s| {
        let day = s.date_or_today(&as_of)?;
        s.expiring(day, days.min(3650))
    })
}

/// What was bought from a supplier between two days (empty `from`: 1 January of `to`'s year;
/// empty `to`: today), and what is still owed to it.
#[tauri::command]
#[specta::specta]
pub(crate) async fn supplier_purchases(
    shell: tauri::State<'_, Shell>,
    supplier: String,
    from: String,
    to: String,
) -> Result<SupplierPurchases, UiError> {
    shell.with_store(|s| {
        let id = s.find_supplier(&supplier)?.id;
        let to = s.date_or_today(&to)?;
        let from =
            if from.trim().is_empty() { jiff::civil::date(to.year(), 1, 1) } else { s.date_or_today(&from)? };
        s.supplier_purchases(id, from, to)
    })
}

/// Products at or below their minimum.
#[tauri::command]
#[specta::specta]
pub(crate) async fn low_stock(shell: tauri::State<'_, Shell>) -> Result<Vec<LowStockRow>, UiError> {
    shell.with_store(|s| s.low_stock())
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn suppliers(shell: tauri::State<'_, Shell>) -> Result<Vec<Supplier>, UiError> {
    shell.with_store(|s| s.suppliers())
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn add_supplier(
    shell: tauri::State<'_, Shell>,
    input: SupplierInput,
) -> Result<Supplier, UiError> {
    shell.with_store(|s| s.add_supplier(&input))
}

/// Changes a supplier (by id or name).
#[tauri::command]
#[specta::specta]
pub(crate) async fn update_supplier(
    shell: tauri::State<'_, Shell>,
    supplier: String,
    input: SupplierInput,
) -> Result<Supplier, UiError> {
    shell.with_store(|s| {
        let id = s.find_supplier(&supplier)?.id;
        s.update_supplier(id, &input)
    })
}

/// A product's running and planned promos.
#[tauri::command]
#[specta::specta]
pub(crate) async fn promos(shell: tauri::State<'_, Shell>, product: String) -> Result<Vec<Promo>, UiError> {
    shell.with_store(|s| {
        let id = s.find_product(&product)?.id;
        s.promos(id)
    })
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn add_promo(shell: tauri::State<'_, Shell>, input: PromoInput) -> Result<Promo, UiError> {
    shell.with_store(|s| s.add_promo(&input))
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn cancel_promo(shell: tauri::State<'_, Shell>, id: String) -> Result<(), UiError> {
    shell.with_store(|s| {
        let id =
            uuid::Uuid::parse_str(id.trim()).map_err(|_| usahaku_core::pricing::PricingError::UnknownRule)?;
        s.cancel_promo(id)
    })
}

/// The unit price a sale of `qty` on `date` (empty: today) uses.
#[tauri::command]
#[specta::specta]
pub(crate) async fn price_for(
    shell: tauri::State<'_, Shell>,
    product: String,
    qty: String,
    date: String,
) -> Result<PriceQuote, UiError> {
    shell.with_store(|s| {
        let id = s.find_product(&product)?.id;
        let qty = Qty::parse(&qty)?;
        let day = s.date_or_today(&date)?;
        s.price_for(id, qty, day)
    })
}
