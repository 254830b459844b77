//! Stok: append-only movements with moving-average cost (HPP), suppliers, stock counts.
//!
//! * A product's level is the sum of its movements ([`EntityKind::StockMovement`], one op
//!   each); nothing overwrites a number, so devices that sell offline converge once their ops
//!   are exchanged, in any order.
//! * The value of each movement comes from replaying the product's movements in the canonical
//!   order `date|hlc|id` (see `docs/design/stock-and-hpp.md`). `product_stock` keeps the
//!   level and value after the last movement, in the movement's transaction; a movement that
//!   sorts before the last one (a late sync) replays the product from that point.
//! * A receipt posts Dr Persediaan / Cr Kas, Bank or Utang usaha; an adjustment or a stock
//!   count posts the value lost to Beban selisih persediaan (or gained to Pendapatan
//!   lain-lain); a sale of stock posts Dr HPP / Cr Persediaan. Each in the same transaction
//!   as its movements ([`Store::commit_built`]).

use crate::error::{Lang, Result};
use crate::ledger::{AccountRole, EntryKind, NewEntry, NewLine, default_account_id, entry_change};
use crate::lww::LwwSpec;
use crate::money::{AmountError, Money, Qty};
use crate::oplog::{ApplyTx, Change, uuid_col};
use crate::store::Store;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use usahaku_proto::{EntityKind, FieldValue, LwwPatch, decode_payload, encode_payload};
use uuid::Uuid;

/// Suppliers as last-writer-wins entities.
pub(crate) const SUPPLIER_SPEC: LwwSpec = LwwSpec {
    kind: EntityKind::Supplier,
    table: "supplier",
    fields: &["name", "phone", "address", "notes", "active"],
};

code_enum!(
    /// What a stock movement records.
    MovementKind {
        /// Barang masuk (pembelian / penerimaan) with its unit cost.
        Receipt = "receipt",
        /// Stok awal (from an import or the first count).
        Opening = "opening",
        /// Terjual.
        Sale = "sale",
        /// Penyesuaian (rusak, hilang, kedaluwarsa, lainnya).
        Adjustment = "adjustment",
        /// Selisih stok opname.
        Count = "count",
        /// Retur penjualan (back in at the cost it went out at).
        Return = "return",
    }
);

code_enum!(
    /// Why stock was adjusted.
    AdjustReason {
        /// Rusak.
        Damaged = "rusak",
        /// Hilang.
        Lost = "hilang",
        /// Kedaluwarsa.
        Expired = "kedaluwarsa",
        /// Lainnya (also stock found).
        Other = "lainnya",
    }
);

/// Why a stock action was refused. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StockError {
    /// No product lines.
    #[error("no lines")]
    NoLines,
    /// A quantity that is not a number above zero.
    #[error("bad quantity {0}")]
    BadQty(String),
    /// A unit cost that is not a number of Rupiah, zero or more.
    #[error("bad cost {0}")]
    BadCost(String),
    /// The product's stock is not counted (a service or made-to-order good).
    #[error("untracked {0}")]
    Untracked(String),
    /// Taking out more than is in stock.
    #[error("not enough stock of {name}")]
    NotEnough {
        /// The product.
        name: String,
        /// In stock.
        have: Qty,
        /// Asked for.
        want: Qty,
    },
    /// The account paid from is not kas, bank, dompet digital or utang usaha.
    #[error("bad payment account {0}")]
    PayAccount(String),
    /// Unknown reason code.
    #[error("bad reason {0}")]
    BadReason(String),
    /// The supplier name is empty.
    #[error("supplier name required")]
    SupplierNameRequired,
    /// No such supplier.
    #[error("unknown supplier {0}")]
    UnknownSupplier(String),
    /// A purchase on credit without a supplier to owe.
    #[error("supplier required for credit")]
    SupplierRequired,
    /// Text longer than allowed.
    #[error("{field} too long")]
    TooLong {
        /// Which field.
        field: &'static str,
        /// The limit.
        max: usize,
    },
    /// A stock count with no counted product.
    #[error("nothing counted")]
    NothingCounted,
    /// The same product twice in one count.
    #[error("counted twice {0}")]
    CountedTwice(String),
    /// The stock value already equals Persediaan in the books: nothing to book.
    #[error("no difference")]
    NoDifference,
    /// A difference was already booked as of a later day: booking an earlier one now would
    /// count part of it twice.
    #[error("booked later {0}")]
    BookedLater(Date),
}

impl StockError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            StockError::NoLines => "no_lines",
            StockError::BadQty(_) => "bad_qty",
            StockError::BadCost(_) => "bad_cost",
            StockError::Untracked(_) => "untracked",
            StockError::NotEnough { .. } => "not_enough_stock",
            StockError::PayAccount(_) => "pay_account",
            StockError::BadReason(_) => "bad_reason",
            StockError::SupplierNameRequired => "supplier_name_required",
            StockError::UnknownSupplier(_) => "unknown_supplier",
            StockError::SupplierRequired => "supplier_required",
            StockError::TooLong { .. } => "too_long",
            StockError::NothingCounted => "nothing_counted",
            StockError::CountedTwice(_) => "counted_twice",
            StockError::NoDifference => "no_difference",
            StockError::BookedLater(_) => "booked_later",
        }
    }

    /// The input field the error is about.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            StockError::NoLines | StockError::NothingCounted | StockError::CountedTwice(_) => "lines",
            StockError::BadQty(_) | StockError::NotEnough { .. } => "qty",
            StockError::BadCost(_) => "unit_cost",
            StockError::Untracked(_) => "product",
            StockError::PayAccount(_) => "pay_from",
            StockError::BadReason(_) => "reason",
            StockError::SupplierNameRequired => "name",
            StockError::UnknownSupplier(_) | StockError::SupplierRequired => "supplier",
            StockError::TooLong { field, .. } => field,
            StockError::NoDifference | StockError::BookedLater(_) => "as_of",
        })
    }

    /// A message for the user.
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            StockError::NoLines if id => "Belum ada barang. Tambahkan paling sedikit satu produk.".into(),
            StockError::NoLines => "No items yet. Add at least one product.".into(),
            StockError::BadQty(q) if id => {
                format!("Jumlah \"{q}\" tidak benar. Tulis angka lebih dari 0, misalnya 10 atau 1,5.")
            }
            StockError::BadQty(q) => {
                format!("Quantity \"{q}\" is not right. Write a number above 0, e.g. 10 or 1,5.")
            }
            StockError::BadCost(c) if id => {
                format!("Harga beli \"{c}\" tidak benar. Tulis angka Rp0 atau lebih, misalnya 5.000.")
            }
            StockError::BadCost(c) => format!("Cost \"{c}\" is not right. Write Rp0 or more, e.g. 5.000."),
            StockError::Untracked(n) if id => format!(
                "Stok \"{n}\" tidak dihitung (jasa atau barang pesanan). Ubah produknya ke \"Stok dihitung\" dulu."
            ),
            StockError::Untracked(n) => {
                format!(
                    "Stock of \"{n}\" is not counted (a service or made-to-order). Turn on \"Track stock\" first."
                )
            }
            StockError::NotEnough { name, have, want } if id => {
                format!("Stok \"{name}\" tinggal {have}; tidak bisa dikurangi {want}.")
            }
            StockError::NotEnough { name, have, want } => {
                format!("Only {have} of \"{name}\" in stock; {want} cannot be taken out.")
            }
            StockError::PayAccount(a) if id => format!(
                "\"{a}\" tidak bisa dipakai untuk membayar. Pilih Kas, Bank, Dompet digital, atau Utang usaha (bayar nanti)."
            ),
            StockError::PayAccount(a) => {
                format!("\"{a}\" cannot pay. Choose Kas, Bank, Dompet digital, or Utang usaha (pay later).")
            }
            StockError::BadReason(r) if id => {
                format!("Alasan \"{r}\" tidak dikenal. Pilih: rusak, hilang, kedaluwarsa, lainnya.")
            }
            StockError::BadReason(r) => {
                format!("Reason \"{r}\" is not known. Choose: rusak, hilang, kedaluwarsa, lainnya.")
            }
            StockError::SupplierNameRequired if id => "Nama pemasok wajib diisi.".into(),
            StockError::SupplierNameRequired => "The supplier name is required.".into(),
            StockError::UnknownSupplier(s) if id => format!("Pemasok \"{s}\" tidak ditemukan."),
            StockError::UnknownSupplier(s) => format!("Supplier \"{s}\" not found."),
            StockError::SupplierRequired if id => {
                "Pembelian dengan utang perlu nama pemasok, agar tercatat utang kepada siapa.".into()
            }
            StockError::SupplierRequired => {
                "A purchase on credit needs a supplier, so the debt says whom it is owed to.".into()
            }
            StockError::TooLong { max, .. } if id => {
                format!("Teks terlalu panjang (paling banyak {max} karakter).")
            }
            StockError::TooLong { max, .. } => format!("Text too long (at most {max} characters)."),
            StockError::NothingCounted if id => "Belum ada produk yang dihitung.".into(),
            StockError::NothingCounted => "No product counted yet.".into(),
            StockError::CountedTwice(n) if id => {
                format!("\"{n}\" dihitung dua kali. Gabungkan jumlahnya jadi satu.")
            }
            StockError::CountedTwice(n) => format!("\"{n}\" is counted twice. Put its count on one line."),
            StockError::NoDifference if id => {
                "Nilai persediaan sudah sama dengan saldo Persediaan di pembukuan. Tidak ada yang perlu dibukukan."
                    .into()
            }
            StockError::NoDifference => {
                "The stock value already equals the Persediaan balance in the books. Nothing to book.".into()
            }
            StockError::BookedLater(d) if id => format!(
                "Selisih persediaan sudah dibukukan per {}. Pilih tanggal itu atau sesudahnya.",
                crate::profile::format_date(*d)
            ),
            StockError::BookedLater(d) => format!(
                "The stock difference is already booked as of {}. Choose that day or later.",
                crate::profile::format_date(*d)
            ),
        }
    }
}

/// The op payload of a stock movement. **Frozen** (postcard, by position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct MovementPayload {
    product: Uuid,
    date: String,
    kind: String,
    /// Thousandths of the unit: positive in, negative out.
    qty: i64,
    /// Rupiah per unit, for a receipt or opening stock.
    unit_cost: Option<i64>,
    reason: String,
    supplier: Option<Uuid>,
    entry: Option<Uuid>,
    note: String,
}

/// Level and value of a product after some movement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Balance {
    pub(crate) qty: i64,
    value: i64,
    avg: i64,
}

fn clamp(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

/// `a × b / c` rounded half away from zero (`c` > 0).
pub(crate) fn mul_div(a: i64, b: i64, c: i64) -> i64 {
    let n = i128::from(a) * i128::from(b);
    let c = i128::from(c);
    let q = n / c;
    let r = n % c;
    clamp(if 2 * r.abs() >= c { q + n.signum() } else { q })
}

/// The value a movement of `qty` (thousandths, signed) adds at the moving average, and the
/// balance after it. A receipt adds its cost; anything else moves stock at the average cost
/// (all of the value when it empties the stock exactly).
fn step(before: Balance, qty: i64, unit_cost: Option<i64>, fixed_value: Option<i64>) -> (i64, Balance) {
    let value = match (unit_cost, fixed_value) {
        (_, Some(v)) => v,
        (Some(c), _) if qty > 0 => mul_div(c, qty, 1000),
        _ if before.qty > 0 && qty == -before.qty => -before.value,
        _ if before.qty > 0 => mul_div(before.value, qty, before.qty),
        _ => mul_div(before.avg, qty, 1000),
    };
    let qty_after = before.qty.saturating_add(qty);
    let value_after = before.value.saturating_add(value);
    let avg = if qty_after > 0 {
        mul_div(value_after, 1000, qty_after)
    } else if let Some(c) = unit_cost.filter(|_| qty > 0) {
        c
    } else {
        before.avg
    };
    (value, Balance { qty: qty_after, value: value_after, avg })
}

fn sort_key(date: &str, hlc: &str, id: Uuid) -> String {
    format!("{date}|{hlc}|{}", id.simple())
}

/// The balance after the last movement of `product` sorting before `key` (or at the end).
fn balance_before(conn: &Connection, product: &[u8], key: Option<&str>) -> Result<Balance> {
    let row = conn
        .prepare_cached(
            "SELECT balance_qty, balance_value, avg_cost FROM stock_movement
             WHERE product_id = ?1 AND sort_key < ?2 ORDER BY sort_key DESC LIMIT 1",
        )?
        .query_row(params![product, key.unwrap_or("\u{10ffff}")], |r| {
            Ok(Balance { qty: r.get(0)?, value: r.get(1)?, avg: r.get(2)? })
        })
        .optional()?;
    Ok(row.unwrap_or_default())
}

/// Writes a stock movement op's row, keeping the canonical replay and `product_stock`.
pub(crate) fn apply_movement(atx: &ApplyTx<'_>) -> Result<()> {
    let op = atx.op();
    let (p, fixed_value) = decode_movement(&op.payload)?;
    let conn = atx.conn();
    let product = p.product.as_bytes().as_slice();
    let key = sort_key(&p.date, &op.hlc.to_sortable(), op.entity_id);
    let n = conn
        .prepare_cached(
            "INSERT INTO stock_movement (id, product_id, date, sort_key, kind, qty, unit_cost, reason, supplier_id,
                entry_id, note, fixed_value, value, balance_qty, balance_value, avg_cost)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, 0, 0, 0) ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            op.entity_id.as_bytes().as_slice(),
            product,
            p.date,
            key,
            p.kind,
            p.qty,
            p.unit_cost,
            p.reason,
            p.supplier.map(|u| u.as_bytes().to_vec()),
            p.entry.map(|u| u.as_bytes().to_vec()),
            p.note,
            fixed_value,
        ])?;
    if n == 0 {
        return Ok(());
    }
    // In order (the usual case) this recomputes only the new row; a movement that arrived
    // late recomputes every later one.
    replay_from(conn, product, &key)
}

/// Migration 17's seed: movements applied before this version, by an app that ignored the exact
/// value after the frozen payload, get it from their op, and their products are replayed from
/// the first such movement, so an upgraded device values them as every other device does.
pub(crate) fn backfill_fixed_values(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    let mut first: std::collections::HashMap<Vec<u8>, String> = std::collections::HashMap::new();
    {
        let mut ops = tx.prepare("SELECT entity_id, payload FROM op WHERE entity = 'stock_movement'")?;
        let mut set = tx.prepare(
            "UPDATE stock_movement SET fixed_value = ?1 WHERE id = ?2 AND fixed_value IS NULL RETURNING product_id, sort_key",
        )?;
        let rows = ops.query_map([], |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
        for row in rows {
            let (id, payload) = row?;
            // Only the longer form carries a value; a plain payload fails to read as it.
            let Ok((_, Some(value))) = decode_payload::<(MovementPayload, Option<i64>)>(&payload) else {
                continue;
            };
            let hit: Option<(Vec<u8>, String)> =
                set.query_row(params![value, id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
            if let Some((product, key)) = hit {
                let k = first.entry(product).or_insert_with(|| key.clone());
                if key < *k {
                    *k = key;
                }
            }
        }
    }
    for (product, key) in &first {
        replay_from(tx, product, key)?;
    }
    Ok(())
}

/// A movement as the replay reads it: id, quantity, unit cost, exact value, sort key.
type ReplayRow = (Vec<u8>, i64, Option<i64>, Option<i64>, String);

/// Recomputes the values of `product`'s movements from `key` on, and its `product_stock`.
fn replay_from(conn: &Connection, product: &[u8], key: &str) -> Result<()> {
    let mut balance = balance_before(conn, product, Some(key))?;
    let rows: Vec<ReplayRow> = conn
        .prepare_cached(
            "SELECT id, qty, unit_cost, fixed_value, sort_key FROM stock_movement
             WHERE product_id = ?1 AND sort_key >= ?2 ORDER BY sort_key",
        )?
        .query_map(params![product, key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = conn.prepare_cached(
        "UPDATE stock_movement SET value = ?1, balance_qty = ?2, balance_value = ?3, avg_cost = ?4 WHERE id = ?5",
    )?;
    let mut last_key = String::new();
    for (id, qty, unit_cost, fixed_value, k) in rows {
        let (value, after) = step(balance, qty, unit_cost, fixed_value);
        update.execute(params![value, after.qty, after.value, after.avg, id])?;
        balance = after;
        last_key = k;
    }
    conn.prepare_cached(
        "INSERT INTO product_stock (product_id, qty, value, avg_cost, last_key) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (product_id) DO UPDATE SET qty = excluded.qty, value = excluded.value,
             avg_cost = excluded.avg_cost, last_key = excluded.last_key",
    )?
    .execute(params![product, balance.qty, balance.value, balance.avg, last_key])?;
    Ok(())
}

/// A product's stock level and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StockLevel {
    /// Jumlah (thousandths of the unit).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub qty: Qty,
    /// Nilai persediaan at moving-average cost.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub value: Money,
    /// HPP per unit (moving average).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub avg_cost: Money,
}

/// A product line of a receipt, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReceiptLineInput {
    /// The product (id, SKU or barcode).
    pub product: String,
    /// Jumlah as typed.
    pub qty: String,
    /// Harga beli per unit as typed.
    pub unit_cost: String,
}

/// Barang masuk (a purchase or delivery), as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReceiptInput {
    /// Date; empty for today.
    pub date: String,
    /// Pemasok (id or name), optional.
    pub supplier: String,
    /// Paid from: a kas/bank/dompet digital account, or Utang usaha (id, code or name).
    pub pay_from: String,
    /// For a purchase on credit: when it is due; empty for none.
    pub due_date: String,
    /// Products received.
    pub lines: Vec<ReceiptLineInput>,
    /// Keterangan.
    pub note: String,
}

/// An adjustment (rusak, hilang, kedaluwarsa, lainnya), as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AdjustmentInput {
    /// Date; empty for today.
    pub date: String,
    /// The product (id, SKU or barcode).
    pub product: String,
    /// Jumlah as typed: below zero takes stock out (`-2`), above zero adds found stock.
    pub qty: String,
    /// rusak, hilang, kedaluwarsa or lainnya.
    pub reason: String,
    /// Keterangan.
    pub note: String,
}

/// One counted product of a stock count, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CountLineInput {
    /// The product (id, SKU or barcode).
    pub product: String,
    /// Counted quantity as typed.
    pub counted: String,
}

/// Stok opname: counted quantities, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CountInput {
    /// Date; empty for today.
    pub date: String,
    /// Counted products.
    pub lines: Vec<CountLineInput>,
    /// Keterangan.
    pub note: String,
}

/// What a stock action wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StockPosted {
    /// Movements written.
    pub movements: u32,
    /// The journal entry posted with them, if any value moved.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub entry: Option<Uuid>,
    /// Value added to Persediaan (negative when stock value went out).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub value: Money,
}

/// Goods received from a supplier on one day (one barang masuk line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SupplierPurchaseRow {
    /// Tanggal.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// Product id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product: Uuid,
    /// Product name.
    pub name: String,
    /// SKU.
    pub sku: String,
    /// Satuan.
    pub unit: String,
    /// Jumlah.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub qty: Qty,
    /// Harga beli per unit.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub unit_cost: Money,
    /// Nilai.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub value: Money,
}

/// What was bought from a supplier in a period, and what is still owed to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SupplierPurchases {
    /// The supplier.
    pub supplier: Supplier,
    /// Dari.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub from: Date,
    /// Sampai.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub to: Date,
    /// Newest first.
    pub rows: Vec<SupplierPurchaseRow>,
    /// Σ value of the rows.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total: Money,
    /// Utang to this supplier still unpaid today (purchases on credit recorded under its name),
    /// whatever their date.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub owed: Money,
}

/// One row of a kartu stok.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StockCardRow {
    /// Movement id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// Date.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// What it records (`receipt`, `sale`, … or a newer app's code).
    pub kind: String,
    /// Reason code for an adjustment.
    pub reason: String,
    /// Keterangan.
    pub note: String,
    /// Masuk.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub qty_in: Qty,
    /// Keluar.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub qty_out: Qty,
    /// Harga beli per unit (receipts).
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub unit_cost: Option<Money>,
    /// Value in (positive) or out (negative).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub value: Money,
    /// Saldo jumlah after it.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub balance_qty: Qty,
    /// Saldo nilai after it.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub balance_value: Money,
    /// HPP per unit after it.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub avg_cost: Money,
}

/// Kartu stok of one product over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StockCard {
    /// The product.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product: Uuid,
    /// Saldo awal (before `from`).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub opening_qty: Qty,
    /// Saldo awal value.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub opening_value: Money,
    /// Movements in canonical order.
    pub rows: Vec<StockCardRow>,
    /// Saldo akhir.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub closing_qty: Qty,
    /// Saldo akhir value.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub closing_value: Money,
}

/// One product of the stock value report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StockValueRow {
    /// Product id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product: Uuid,
    /// Name.
    pub name: String,
    /// SKU.
    pub sku: String,
    /// Satuan.
    pub unit: String,
    /// Jumlah.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub qty: Qty,
    /// HPP per unit.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub avg_cost: Money,
    /// Nilai.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub value: Money,
}

/// Laporan nilai persediaan at the end of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StockValueReport {
    /// Per hari.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub as_of: Date,
    /// Products with stock or value, by name.
    pub rows: Vec<StockValueRow>,
    /// Total nilai persediaan (at moving-average cost).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total: Money,
    /// Saldo akun Persediaan in the books on that day.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub ledger_balance: Money,
    /// `total − ledger_balance`: what a "Penyesuaian nilai persediaan" entry would book.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub difference: Money,
}

/// A product at or below its minimum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LowStockRow {
    /// Product id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product: Uuid,
    /// Name.
    pub name: String,
    /// SKU.
    pub sku: String,
    /// Satuan.
    pub unit: String,
    /// In stock.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub qty: Qty,
    /// Stok minimum.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub min_stock: Qty,
}

/// A product whose expiry date (on its label) is near or past, with what is still in stock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExpiringRow {
    /// Product id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product: Uuid,
    /// Name.
    pub name: String,
    /// SKU.
    pub sku: String,
    /// Satuan.
    pub unit: String,
    /// Tanggal kedaluwarsa.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub expiry: Date,
    /// Days from the day asked about to the expiry: 0 is that day, negative is already past.
    pub days_left: i32,
    /// In stock at the end of the day asked about.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub qty: Qty,
    /// Its value at HPP: what is lost if none of it sells in time.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub value: Money,
}

/// A supplier as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SupplierInput {
    /// Nama.
    pub name: String,
    /// Telepon / WhatsApp, optional.
    pub phone: String,
    /// Alamat.
    pub address: String,
    /// Catatan.
    pub notes: String,
}

/// A supplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Supplier {
    /// Id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// Nama.
    pub name: String,
    /// Phone as 62… digits, or empty.
    pub phone: String,
    /// Alamat.
    pub address: String,
    /// Catatan.
    pub notes: String,
    /// Not archived.
    pub active: bool,
}

fn text(value: &str, field: &'static str, max: usize) -> std::result::Result<String, StockError> {
    let t = value.trim();
    if t.chars().count() > max {
        return Err(StockError::TooLong { field, max });
    }
    Ok(t.chars().map(|c| if c.is_control() { ' ' } else { c }).collect())
}

fn positive_qty(text: &str) -> std::result::Result<Qty, StockError> {
    match Qty::parse(text) {
        Ok(q) if q > Qty::ZERO => Ok(q),
        _ => Err(StockError::BadQty(text.trim().to_owned())),
    }
}

fn money_total(values: impl IntoIterator<Item = i64>) -> Result<Money> {
    let mut total = Money::ZERO;
    for v in values {
        total = total.checked_add(Money::from_rupiah(v))?;
    }
    Ok(total)
}

/// A movement as a change for [`Store::commit_built`], with its id. A movement at an exact
/// value (stock coming back at what it left at, damaged goods leaving again) carries the value
/// after the frozen payload, as `(payload, Some(value))`; an older reader ignores it and values
/// the movement at its rounded unit cost, or at the average.
fn movement_change(
    p: &MovementPayload,
    fixed_value: Option<i64>,
    clock: &dyn crate::Clock,
) -> (Uuid, Change) {
    let id = crate::clock::new_id(clock);
    let payload = match fixed_value {
        Some(v) => encode_payload(&(p, Some(v))),
        None => encode_payload(p),
    };
    (id, Change::Append { entity: EntityKind::StockMovement, entity_id: id, payload })
}

/// A movement op's payload and its exact value, if it has one.
fn decode_movement(bytes: &[u8]) -> Result<(MovementPayload, Option<i64>)> {
    if let Ok((p, value)) = decode_payload::<(MovementPayload, Option<i64>)>(bytes) {
        return Ok((p, value));
    }
    let p = decode_payload::<MovementPayload>(bytes).map_err(|e| crate::CoreError::Corrupt(e.to_string()))?;
    Ok((p, None))
}

/// The ops of one stock action, built inside its write transaction: at most one journal
/// entry first, then movements that point at it.
pub(crate) struct Batch<'c> {
    pub(crate) conn: &'c Connection,
    pub(crate) clock: &'c dyn crate::Clock,
    date: Date,
    note: String,
    pub(crate) entry: Option<Uuid>,
    pub(crate) changes: Vec<Change>,
}

impl<'c> Batch<'c> {
    pub(crate) fn new(conn: &'c Connection, clock: &'c dyn crate::Clock, date: Date, note: &str) -> Self {
        Batch { conn, clock, date, note: note.to_owned(), entry: None, changes: Vec::new() }
    }

    /// Posts `entry` (checked against the store), if there is one.
    pub(crate) fn entry(&mut self, entry: Option<NewEntry>) -> Result<()> {
        if let Some(e) = entry {
            let (id, change) = entry_change(self.conn, self.clock, &e)?;
            self.changes.push(change);
            self.entry = Some(id);
        }
        Ok(())
    }

    pub(crate) fn movement(
        &mut self,
        product: Uuid,
        kind: MovementKind,
        qty: i64,
        unit_cost: Option<Money>,
        reason: &str,
        supplier: Option<Uuid>,
    ) {
        let payload = MovementPayload {
            product,
            date: self.date.to_string(),
            kind: kind.code().into(),
            qty,
            unit_cost: unit_cost.map(Money::rupiah),
            reason: reason.to_owned(),
            supplier,
            entry: self.entry,
            note: self.note.clone(),
        };
        self.changes.push(movement_change(&payload, None, self.clock).1);
    }

    /// A movement of exactly `value` Rupiah (signed like `qty`), not at a unit cost rounded to
    /// the Rupiah or at the average: a cancelled or returned sale puts back the value it took
    /// out, so Persediaan in the books and the stock value stay equal; damaged goods from a
    /// retur leave again at that same value.
    pub(crate) fn movement_valued(
        &mut self,
        product: Uuid,
        kind: MovementKind,
        qty: i64,
        value: i64,
        reason: &str,
    ) {
        let payload = MovementPayload {
            product,
            date: self.date.to_string(),
            kind: kind.code().into(),
            qty,
            unit_cost: (qty > 0).then(|| mul_div(value, 1000, qty)),
            reason: reason.to_owned(),
            supplier: None,
            entry: self.entry,
            note: self.note.clone(),
        };
        self.changes.push(movement_change(&payload, Some(value), self.clock).1);
    }
}

impl Batch<'_> {
    /// Brings back the stock `sold` took out (from [`sold_with`]), each at the value it left
    /// at, so cancelling a sale leaves the stock value as it was.
    pub(crate) fn return_sold(&mut self, sold: &[(Uuid, i64, i64)]) {
        for (product, q, v) in sold {
            // q < 0 and v ≤ 0 for a sale: the same quantity back, at the same value.
            self.movement_valued(*product, MovementKind::Return, -q, -v, "batal");
        }
    }
}

/// The stock a sale took out with its journal entry: (product, quantity, value), both ≤ 0.
pub(crate) fn sold_with(conn: &Connection, entry: Uuid) -> Result<Vec<(Uuid, i64, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT product_id, qty, value FROM stock_movement WHERE entry_id = ?1 AND kind = 'sale'",
    )?;
    let rows = stmt.query_map([entry.as_bytes().as_slice()], |r| {
        Ok((uuid_col(&r.get::<_, Vec<u8>>(0)?)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Stok awal of a product as a change (an import's opening stock at its cost).
pub(crate) fn opening_change(
    product: Uuid,
    date: Date,
    qty: Qty,
    unit_cost: Money,
    entry: Option<Uuid>,
    clock: &dyn crate::Clock,
) -> Change {
    let payload = MovementPayload {
        product,
        date: date.to_string(),
        kind: MovementKind::Opening.code().into(),
        qty: qty.thousandths(),
        unit_cost: Some(unit_cost.rupiah()),
        reason: String::new(),
        supplier: None,
        entry,
        note: String::new(),
    };
    movement_change(&payload, None, clock).1
}

/// Value a movement of `qty` would move for `product` on `date`, were it recorded now (it
/// sorts after every movement of that date or earlier).
pub(crate) fn value_at(conn: &Connection, product: Uuid, date: Date, qty: i64) -> Result<(i64, Balance)> {
    let before = conn
        .prepare_cached(
            "SELECT balance_qty, balance_value, avg_cost FROM stock_movement
             WHERE product_id = ?1 AND date <= ?2 ORDER BY sort_key DESC LIMIT 1",
        )?
        .query_row(params![product.as_bytes().as_slice(), date.to_string()], |r| {
            Ok(Balance { qty: r.get(0)?, value: r.get(1)?, avg: r.get(2)? })
        })
        .optional()?
        .unwrap_or_default();
    Ok((step(before, qty, None, None).0, before))
}

/// The accounts a stock adjustment posts to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AdjustAccounts {
    inventory: Uuid,
    pub(crate) loss: Uuid,
    gain: Uuid,
}

/// The entry that books stock value lost (Beban selisih persediaan) and gained (Pendapatan
/// lain-lain) against Persediaan; `None` when no value moved.
fn adjustment_entry(
    acc: AdjustAccounts,
    date: Date,
    loss: Money,
    gain: Money,
    memo: &str,
) -> Result<Option<NewEntry>> {
    if loss == Money::ZERO && gain == Money::ZERO {
        return Ok(None);
    }
    let net = gain.checked_sub(loss)?;
    let mut lines = Vec::new();
    if loss > Money::ZERO {
        lines.push(NewLine::debit(acc.loss, loss));
    }
    if net > Money::ZERO {
        lines.push(NewLine::debit(acc.inventory, net));
    } else if net < Money::ZERO {
        lines.push(NewLine::credit(acc.inventory, net.checked_neg()?));
    }
    if gain > Money::ZERO {
        lines.push(NewLine::credit(acc.gain, gain));
    }
    if net == Money::ZERO {
        // Loss equals gain: both go through Persediaan.
        lines = vec![
            NewLine::debit(acc.loss, loss),
            NewLine::credit(acc.inventory, loss),
            NewLine::debit(acc.inventory, gain),
            NewLine::credit(acc.gain, gain),
        ];
    }
    Ok(Some(NewEntry {
        date,
        kind: EntryKind::StockAdjustment,
        memo: memo.chars().take(200).collect(),
        counterparty: None,
        due_date: None,
        settles: None,
        reverses: None,
        lines,
    }))
}

impl Store {
    /// A product's stock level, value and HPP per unit (after its last movement).
    pub fn stock_level(&self, product: Uuid) -> Result<StockLevel> {
        let b = self
            .conn
            .prepare_cached("SELECT qty, value, avg_cost FROM product_stock WHERE product_id = ?1")?
            .query_row([product.as_bytes().as_slice()], |r| {
                Ok(Balance { qty: r.get(0)?, value: r.get(1)?, avg: r.get(2)? })
            })
            .optional()?
            .unwrap_or_default();
        Ok(StockLevel {
            qty: Qty::from_thousandths(b.qty),
            value: Money::from_rupiah(b.value),
            avg_cost: Money::from_rupiah(b.avg),
        })
    }

    /// The level as the plain sum of the product's movements (what the cache must equal).
    pub fn stock_level_from_movements(&self, product: Uuid) -> Result<Qty> {
        let q: i64 = self
            .conn
            .prepare_cached("SELECT COALESCE(SUM(qty), 0) FROM stock_movement WHERE product_id = ?1")?
            .query_row([product.as_bytes().as_slice()], |r| r.get(0))?;
        Ok(Qty::from_thousandths(q))
    }

    /// Resolves the account a receipt is paid from: money accounts or Utang usaha.
    fn pay_account(&self, text: &str) -> Result<crate::ledger::Account> {
        let t = text.trim();
        let a = if t.is_empty() { self.account_by_role(AccountRole::Cash)? } else { self.find_account(t)? };
        if a.archived || !(a.role.is_money() || a.role == AccountRole::Payable) {
            return Err(StockError::PayAccount(a.name).into());
        }
        Ok(a)
    }

    pub(crate) fn adjust_accounts(&self) -> Result<AdjustAccounts> {
        let loss = match self.account(default_account_id("6-108")) {
            Ok(a) if !a.archived => a.id,
            _ => default_account_id("6-199"),
        };
        Ok(AdjustAccounts {
            inventory: self.account_by_role(AccountRole::Inventory)?.id,
            loss,
            gain: self.account_by_role(AccountRole::OtherIncome)?.id,
        })
    }

    fn tracked_product(&self, text: &str) -> Result<crate::catalog::Product> {
        let p = self.find_product(text)?;
        if !p.tracked {
            return Err(StockError::Untracked(p.name).into());
        }
        Ok(p)
    }

    /// Barang masuk: adds each line at its cost (moving average) and posts Dr Persediaan /
    /// Cr the account paid from (an utang to the supplier when that is Utang usaha), in one
    /// transaction.
    pub fn receive_stock(&mut self, input: &ReceiptInput) -> Result<StockPosted> {
        let date = self.date_or_today(&input.date)?;
        if input.lines.is_empty() {
            return Err(StockError::NoLines.into());
        }
        let mut lines = Vec::new();
        for l in &input.lines {
            let p = self.tracked_product(&l.product)?;
            let qty = positive_qty(&l.qty)?;
            let cost = match Money::parse(&l.unit_cost) {
                Ok(c) if c >= Money::ZERO => c,
                Err(AmountError::Empty) => Money::ZERO,
                _ => return Err(StockError::BadCost(l.unit_cost.trim().to_owned()).into()),
            };
            let value = cost.checked_mul_qty(qty)?;
            lines.push((p, qty, cost, value));
        }
        let supplier =
            if input.supplier.trim().is_empty() { None } else { Some(self.find_supplier(&input.supplier)?) };
        let pay = self.pay_account(&input.pay_from)?;
        if pay.role == AccountRole::Payable && supplier.is_none() {
            return Err(StockError::SupplierRequired.into());
        }
        let due_date = if input.due_date.trim().is_empty() {
            None
        } else {
            Some(crate::ledger::parse_date(&input.due_date)?)
        };
        let note = text(&input.note, "note", 200)?;
        let total = money_total(lines.iter().map(|l| l.3.rupiah()))?;
        let names: Vec<&str> = lines.iter().map(|l| l.0.name.as_str()).collect();
        let memo = if note.is_empty() { format!("Pembelian {}", names.join(", ")) } else { note.clone() };
        let memo: String = memo.chars().take(200).collect();
        let entry = (total > Money::ZERO).then(|| NewEntry {
            date,
            kind: if pay.role == AccountRole::Payable { EntryKind::Payable } else { EntryKind::Purchase },
            memo,
            counterparty: supplier.as_ref().map(|s| s.name.clone()),
            due_date: due_date.filter(|_| pay.role == AccountRole::Payable),
            settles: None,
            reverses: None,
            lines: vec![],
        });
        let inventory = self.account_by_role(AccountRole::Inventory)?.id;
        let clock = self.clock.clone();
        let ops = self.commit_built(|conn| {
            let mut b = Batch::new(conn, clock.as_ref(), date, &note);
            b.entry(entry.map(|mut e| {
                e.lines = vec![NewLine::debit(inventory, total), NewLine::credit(pay.id, total)];
                e
            }))?;
            for (p, qty, cost, _) in &lines {
                let from = supplier.as_ref().map(|s| s.id);
                b.movement(p.id, MovementKind::Receipt, qty.thousandths(), Some(*cost), "", from);
            }
            Ok(b.changes)
        })?;
        Ok(posted(&ops, total))
    }

    /// Penyesuaian stok: takes stock out (rusak, hilang, kedaluwarsa) or adds found stock,
    /// valued at the moving average, and books the value to Beban selisih persediaan (or
    /// Pendapatan lain-lain).
    pub fn adjust_stock(&mut self, input: &AdjustmentInput) -> Result<StockPosted> {
        let date = self.date_or_today(&input.date)?;
        let p = self.tracked_product(&input.product)?;
        let qty = match Qty::parse(&input.qty) {
            Ok(q) if q != Qty::ZERO => q,
            _ => return Err(StockError::BadQty(input.qty.trim().to_owned()).into()),
        };
        let reason = AdjustReason::from_code(&input.reason)
            .ok_or_else(|| StockError::BadReason(input.reason.trim().to_owned()))?;
        let note = text(&input.note, "note", 200)?;
        let memo = format!(
            "Penyesuaian stok {} ({}){}",
            p.name,
            reason.code(),
            if note.is_empty() { String::new() } else { format!(": {note}") }
        );
        let acc = self.adjust_accounts()?;
        let clock = self.clock.clone();
        let mut total = Money::ZERO;
        let ops = self.commit_built(|conn| {
            let (value, before) = value_at(conn, p.id, date, qty.thousandths())?;
            if qty < Qty::ZERO && before.qty < -qty.thousandths() {
                return Err(StockError::NotEnough {
                    name: p.name.clone(),
                    have: Qty::from_thousandths(before.qty.max(0)),
                    want: Qty::from_thousandths(-qty.thousandths()),
                }
                .into());
            }
            total = Money::from_rupiah(value);
            let (loss, gain) =
                if value < 0 { (Money::from_rupiah(-value), Money::ZERO) } else { (Money::ZERO, total) };
            let mut b = Batch::new(conn, clock.as_ref(), date, &note);
            b.entry(adjustment_entry(acc, date, loss, gain, &memo)?)?;
            b.movement(p.id, MovementKind::Adjustment, qty.thousandths(), None, reason.code(), None);
            Ok(b.changes)
        })?;
        Ok(posted(&ops, total))
    }

    /// Stok opname: for each counted product, the difference from the level becomes a
    /// `count` movement; one entry books the value lost and gained.
    pub fn count_stock(&mut self, input: &CountInput) -> Result<StockPosted> {
        let date = self.date_or_today(&input.date)?;
        if input.lines.is_empty() {
            return Err(StockError::NothingCounted.into());
        }
        let mut counted: Vec<(crate::catalog::Product, Qty)> = Vec::new();
        for l in &input.lines {
            let p = self.tracked_product(&l.product)?;
            let q = match Qty::parse(&l.counted) {
                Ok(q) if q >= Qty::ZERO => q,
                _ => return Err(StockError::BadQty(l.counted.trim().to_owned()).into()),
            };
            if counted.iter().any(|(c, _)| c.id == p.id) {
                return Err(StockError::CountedTwice(p.name).into());
            }
            counted.push((p, q));
        }
        let note = text(&input.note, "note", 200)?;
        let memo = if note.is_empty() {
            format!("Stok opname {}", crate::profile::format_date(date))
        } else {
            note.clone()
        };
        let acc = self.adjust_accounts()?;
        let clock = self.clock.clone();
        let mut total = Money::ZERO;
        let ops = self.commit_built(|conn| {
            let mut moves = Vec::new();
            let (mut loss, mut gain) = (Money::ZERO, Money::ZERO);
            for (p, q) in &counted {
                let (_, before) = value_at(conn, p.id, date, 0)?;
                let diff = q.thousandths() - before.qty;
                if diff == 0 {
                    continue;
                }
                let value = step(before, diff, None, None).0;
                if value < 0 {
                    loss = loss.checked_add(Money::from_rupiah(-value))?;
                } else {
                    gain = gain.checked_add(Money::from_rupiah(value))?;
                }
                moves.push((p.id, diff));
            }
            total = gain.checked_sub(loss)?;
            let mut b = Batch::new(conn, clock.as_ref(), date, &note);
            b.entry(adjustment_entry(acc, date, loss, gain, &memo)?)?;
            for (product, diff) in moves {
                b.movement(product, MovementKind::Count, diff, None, "", None);
            }
            Ok(b.changes)
        })?;
        Ok(posted(&ops, total))
    }

    /// The tracked stock `qty` of `product` moves: the product itself, or for a paket its
    /// tracked components in proportion. Untracked products move nothing.
    pub(crate) fn shelf_parts(
        &self,
        product: &crate::catalog::Product,
        qty: i64,
    ) -> Result<Vec<(Uuid, i64)>> {
        if product.components.is_empty() {
            return Ok(if product.tracked { vec![(product.id, qty)] } else { Vec::new() });
        }
        let mut out = Vec::new();
        for c in &product.components {
            if self.product(c.product)?.tracked {
                out.push((c.product, mul_div(c.qty.thousandths(), qty, 1000)));
            }
        }
        Ok(out)
    }

    /// Takes sold stock out at the moving average and posts Dr HPP / Cr Persediaan; returns
    /// the HPP. A paket takes its components out. Orders (Kasir & Pesanan) post the revenue
    /// side.
    pub fn sell_stock(&mut self, product: Uuid, qty: Qty, date: Date, note: &str) -> Result<Money> {
        let p = self.product(product)?;
        if qty <= Qty::ZERO {
            return Err(StockError::BadQty(qty.to_string()).into());
        }
        if p.components.is_empty() && !p.tracked {
            return Err(StockError::Untracked(p.name).into());
        }
        let out = self.shelf_parts(&p, qty.thousandths())?;
        let note = text(note, "note", 200)?;
        let inventory = self.account_by_role(AccountRole::Inventory)?.id;
        let cogs = self.account_by_role(AccountRole::Cogs)?.id;
        let clock = self.clock.clone();
        let mut hpp = Money::ZERO;
        self.commit_built(|conn| {
            let mut moves = Vec::new();
            for (id, q) in &out {
                let (value, _) = value_at(conn, *id, date, -q)?;
                hpp = hpp.checked_add(Money::from_rupiah(-value))?;
                moves.push((*id, -q));
            }
            let mut b = Batch::new(conn, clock.as_ref(), date, &note);
            b.entry((hpp > Money::ZERO).then(|| NewEntry {
                date,
                kind: EntryKind::Sale,
                memo: format!("HPP {} × {}", p.name, qty).chars().take(200).collect(),
                counterparty: None,
                due_date: None,
                settles: None,
                reverses: None,
                lines: vec![NewLine::debit(cogs, hpp), NewLine::credit(inventory, hpp)],
            }))?;
            for (product, q) in moves {
                b.movement(product, MovementKind::Sale, q, None, "", None);
            }
            Ok(b.changes)
        })?;
        Ok(hpp)
    }

    /// Kartu stok of `product` from `from` to `to` (inclusive), with running balances.
    pub fn stock_card(&self, product: Uuid, from: Date, to: Date) -> Result<StockCard> {
        self.product(product)?;
        let id = product.as_bytes().as_slice();
        let opening = balance_before(&self.conn, id, Some(&from.to_string()))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, date, kind, reason, note, qty, unit_cost, value, balance_qty, balance_value, avg_cost
             FROM stock_movement WHERE product_id = ?1 AND date >= ?2 AND date <= ?3 ORDER BY sort_key",
        )?;
        let rows = stmt.query_map(params![id, from.to_string(), to.to_string()], |r| {
            let qty: i64 = r.get(5)?;
            Ok(StockCardRow {
                id: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
                date: r.get::<_, String>(1)?.parse().unwrap_or_default(),
                kind: r.get(2)?,
                reason: r.get(3)?,
                note: r.get(4)?,
                qty_in: Qty::from_thousandths(qty.max(0)),
                qty_out: Qty::from_thousandths((-qty).max(0)),
                unit_cost: r.get::<_, Option<i64>>(6)?.map(Money::from_rupiah),
                value: Money::from_rupiah(r.get(7)?),
                balance_qty: Qty::from_thousandths(r.get(8)?),
                balance_value: Money::from_rupiah(r.get(9)?),
                avg_cost: Money::from_rupiah(r.get(10)?),
            })
        })?;
        let rows: Vec<StockCardRow> = rows.collect::<rusqlite::Result<_>>()?;
        let (closing_qty, closing_value) = rows
            .last()
            .map_or((Qty::from_thousandths(opening.qty), Money::from_rupiah(opening.value)), |r| {
                (r.balance_qty, r.balance_value)
            });
        Ok(StockCard {
            product,
            opening_qty: Qty::from_thousandths(opening.qty),
            opening_value: Money::from_rupiah(opening.value),
            rows,
            closing_qty,
            closing_value,
        })
    }

    /// Laporan nilai persediaan at the end of `as_of`, with the Persediaan balance in the
    /// books beside it.
    pub fn stock_value(&self, as_of: Date) -> Result<StockValueReport> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.name, p.sku, p.unit, m.balance_qty, m.balance_value, m.avg_cost
             FROM product p JOIN stock_movement m ON m.sort_key = (
                 SELECT sort_key FROM stock_movement WHERE product_id = p.id AND date <= ?1
                 ORDER BY sort_key DESC LIMIT 1) AND m.product_id = p.id
             WHERE p.name IS NOT NULL AND (m.balance_qty != 0 OR m.balance_value != 0)
             ORDER BY p.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([as_of.to_string()], |r| {
            Ok(StockValueRow {
                product: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
                name: r.get(1)?,
                sku: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                unit: r.get::<_, Option<String>>(3)?.unwrap_or_else(|| "pcs".into()),
                qty: Qty::from_thousandths(r.get(4)?),
                value: Money::from_rupiah(r.get(5)?),
                avg_cost: Money::from_rupiah(r.get(6)?),
            })
        })?;
        let rows: Vec<StockValueRow> = rows.collect::<rusqlite::Result<_>>()?;
        let total = money_total(rows.iter().map(|r| r.value.rupiah()))?;
        let inventory = self.account_by_role(AccountRole::Inventory)?.id;
        let sums = self.sums(None, as_of)?;
        let (d, c) = sums.get(&inventory).copied().unwrap_or((0, 0));
        let ledger_balance = Money::from_rupiah(d).checked_sub(Money::from_rupiah(c))?;
        Ok(StockValueReport {
            as_of,
            rows,
            total,
            ledger_balance,
            difference: total.checked_sub(ledger_balance)?,
        })
    }

    /// Books the difference [`Store::stock_value`] shows on `as_of` (a sale valued with the
    /// HPP its till knew before a late receipt synced, or Persediaan posted by hand) as a
    /// "Penyesuaian nilai persediaan" entry against HPP, so the books show the stock value.
    /// The owner makes it from the report; it is never posted automatically, since every
    /// device would post it and it would count twice. Refused when there is no difference.
    pub fn book_stock_difference(&mut self, as_of: Date) -> Result<crate::ledger::Entry> {
        // The memo is how this entry is told apart from a penyesuaian stok (those have movements).
        let latest: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT MAX(e.date) FROM journal_entry e WHERE e.kind = 'stock_adjustment'
                   AND e.memo LIKE 'Penyesuaian nilai persediaan%'
                   AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses = e.id)",
            )?
            .query_row([], |r| r.get(0))?;
        if let Some(latest) = latest.and_then(|d| d.parse::<Date>().ok()).filter(|d| *d > as_of) {
            return Err(StockError::BookedLater(latest).into());
        }
        let report = self.stock_value(as_of)?;
        let diff = report.difference;
        if diff == Money::ZERO {
            return Err(StockError::NoDifference.into());
        }
        let inventory = self.account_by_role(AccountRole::Inventory)?.id;
        let cogs = self.account_by_role(AccountRole::Cogs)?.id;
        let amount = if diff > Money::ZERO { diff } else { diff.checked_neg()? };
        let lines = if diff > Money::ZERO {
            vec![NewLine::debit(inventory, amount), NewLine::credit(cogs, amount)]
        } else {
            vec![NewLine::debit(cogs, amount), NewLine::credit(inventory, amount)]
        };
        let id = self.post(&NewEntry {
            date: as_of,
            kind: EntryKind::StockAdjustment,
            memo: format!("Penyesuaian nilai persediaan per {}", crate::profile::format_date(as_of)),
            counterparty: None,
            due_date: None,
            settles: None,
            reverses: None,
            lines,
        })?;
        self.entry(id)
    }

    /// Tracked active products at or below their minimum (with a minimum set), lowest first.
    pub fn low_stock(&self) -> Result<Vec<LowStockRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.name, p.sku, p.unit, COALESCE(s.qty, 0), p.min_stock
             FROM product p LEFT JOIN product_stock s ON s.product_id = p.id
             WHERE p.name IS NOT NULL AND COALESCE(p.active, 1) = 1 AND COALESCE(p.tracked, 1) = 1
               AND COALESCE(p.min_stock, 0) > 0 AND COALESCE(s.qty, 0) <= p.min_stock
             ORDER BY COALESCE(s.qty, 0) * 1.0 / p.min_stock, p.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(LowStockRow {
                product: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
                name: r.get(1)?,
                sku: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                unit: r.get::<_, Option<String>>(3)?.unwrap_or_else(|| "pcs".into()),
                qty: Qty::from_thousandths(r.get(4)?),
                min_stock: Qty::from_thousandths(r.get(5)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Active products that expire on or before `as_of` + `within_days` (already expired ones
    /// first) and still had stock at the end of `as_of`, with that stock; soonest first.
    pub fn expiring(&self, as_of: Date, within_days: u16) -> Result<Vec<ExpiringRow>> {
        let until = as_of.saturating_add(jiff::Span::new().days(i64::from(within_days)));
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.name, p.sku, p.unit, p.expiry, m.balance_qty, m.balance_value
             FROM product p JOIN stock_movement m ON m.product_id = p.id AND m.sort_key = (
                 SELECT sort_key FROM stock_movement WHERE product_id = p.id AND date <= ?2
                 ORDER BY sort_key DESC LIMIT 1)
             WHERE p.name IS NOT NULL AND COALESCE(p.active, 1) = 1 AND COALESCE(p.expiry, '') != ''
               AND p.expiry <= ?1 AND COALESCE(p.tracked, 1) = 1 AND m.balance_qty > 0
             ORDER BY p.expiry, p.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([until.to_string(), as_of.to_string()], |r| {
            Ok((
                uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                r.get::<_, Option<String>>(3)?.unwrap_or_else(|| "pcs".into()),
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (product, name, sku, unit, expiry, qty, value) = row?;
            let expiry: Date =
                expiry.parse().map_err(|_| crate::CoreError::Corrupt(format!("product expiry {expiry}")))?;
            let days_left =
                as_of.until(expiry).map_err(|e| crate::CoreError::Corrupt(e.to_string()))?.get_days();
            out.push(ExpiringRow {
                product,
                name,
                sku,
                unit,
                expiry,
                days_left,
                qty: Qty::from_thousandths(qty),
                value: Money::from_rupiah(value),
            });
        }
        Ok(out)
    }

    // --- Pemasok ---

    fn supplier_fields(&self, input: &SupplierInput) -> Result<Vec<(String, FieldValue)>> {
        let name = text(&input.name, "name", 120)?;
        if name.is_empty() {
            return Err(StockError::SupplierNameRequired.into());
        }
        let phone = if input.phone.trim().is_empty() {
            String::new()
        } else {
            crate::profile::normalize_phone(&input.phone).map_err(|problem| crate::CoreError::Invalid {
                field: crate::error::ProfileField::Phone,
                problem,
            })?
        };
        Ok(vec![
            ("name".into(), FieldValue::Text(name)),
            ("phone".into(), FieldValue::Text(phone)),
            ("address".into(), FieldValue::Text(text(&input.address, "address", 300)?)),
            ("notes".into(), FieldValue::Text(text(&input.notes, "notes", 500)?)),
        ])
    }

    /// Adds a supplier.
    pub fn add_supplier(&mut self, input: &SupplierInput) -> Result<Supplier> {
        let mut fields = self.supplier_fields(input)?;
        fields.push(("active".into(), FieldValue::Int(1)));
        let id = crate::clock::new_id(self.clock.as_ref());
        self.commit(Change::Lww { entity: EntityKind::Supplier, entity_id: id, patch: LwwPatch { fields } })?;
        self.supplier(id)
    }

    /// Changes a supplier.
    pub fn update_supplier(&mut self, id: Uuid, input: &SupplierInput) -> Result<Supplier> {
        let current = self.supplier(id)?;
        let fields = self.supplier_fields(input)?;
        let old = [&current.name, &current.phone, &current.address, &current.notes];
        let changed: Vec<(String, FieldValue)> = fields
            .into_iter()
            .zip(old)
            .filter(|((_, v), o)| *v != FieldValue::Text((*o).clone()))
            .map(|(f, _)| f)
            .collect();
        if !changed.is_empty() {
            self.commit(Change::Lww {
                entity: EntityKind::Supplier,
                entity_id: id,
                patch: LwwPatch { fields: changed },
            })?;
        }
        self.supplier(id)
    }

    /// Archives or restores a supplier.
    pub fn set_supplier_active(&mut self, id: Uuid, active: bool) -> Result<Supplier> {
        self.supplier(id)?;
        let patch = LwwPatch { fields: vec![("active".into(), FieldValue::Int(i64::from(active)))] };
        self.commit(Change::Lww { entity: EntityKind::Supplier, entity_id: id, patch })?;
        self.supplier(id)
    }

    /// One supplier.
    pub fn supplier(&self, id: Uuid) -> Result<Supplier> {
        self.conn
            .prepare_cached("SELECT id, name, phone, address, notes, active FROM supplier WHERE id = ?1 AND name IS NOT NULL")?
            .query_row([id.as_bytes().as_slice()], supplier_row)
            .optional()?
            .ok_or_else(|| StockError::UnknownSupplier(id.to_string()).into())
    }

    /// What was received from supplier `id` between `from` and `to` (newest first), with the
    /// total, and the utang to it still unpaid.
    pub fn supplier_purchases(&self, id: Uuid, from: Date, to: Date) -> Result<SupplierPurchases> {
        let supplier = self.supplier(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.date, m.product_id, COALESCE(p.name, ''), COALESCE(p.sku, ''), COALESCE(p.unit, 'pcs'),
                    m.qty, COALESCE(m.unit_cost, 0), m.value
             FROM stock_movement m LEFT JOIN product p ON p.id = m.product_id
             WHERE m.supplier_id = ?1 AND m.kind = 'receipt' AND m.date BETWEEN ?2 AND ?3
             ORDER BY m.sort_key DESC",
        )?;
        let rows =
            stmt.query_map(params![id.as_bytes().as_slice(), from.to_string(), to.to_string()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    uuid_col(&r.get::<_, Vec<u8>>(1)?)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, i64>(6)?,
                    r.get::<_, i64>(7)?,
                ))
            })?;
        let mut out = Vec::new();
        for row in rows {
            let (date, product, name, sku, unit, qty, unit_cost, value) = row?;
            out.push(SupplierPurchaseRow {
                date: date.parse().map_err(|_| crate::CoreError::Corrupt(format!("movement date {date}")))?,
                product,
                name,
                sku,
                unit,
                qty: Qty::from_thousandths(qty),
                unit_cost: Money::from_rupiah(unit_cost),
                value: Money::from_rupiah(value),
            });
        }
        let total = money_total(out.iter().map(|r| r.value.rupiah()))?;
        let name = supplier.name.to_lowercase();
        let owed = money_total(
            self.debts()?
                .iter()
                .filter(|d| !d.receivable && d.counterparty.to_lowercase() == name)
                .map(|d| d.outstanding.rupiah()),
        )?;
        Ok(SupplierPurchases { supplier, from, to, rows: out, total, owed })
    }

    /// Active suppliers by name.
    pub fn suppliers(&self) -> Result<Vec<Supplier>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, phone, address, notes, active FROM supplier
             WHERE name IS NOT NULL AND COALESCE(active, 1) = 1 ORDER BY name COLLATE NOCASE",
        )?;
        Ok(stmt.query_map([], supplier_row)?.collect::<rusqlite::Result<_>>()?)
    }

    /// A supplier by id or name (case ignored).
    pub fn find_supplier(&self, text: &str) -> Result<Supplier> {
        let t = text.trim();
        if let Ok(id) = Uuid::parse_str(t) {
            return self.supplier(id);
        }
        self.suppliers()?
            .into_iter()
            .find(|s| s.name.eq_ignore_ascii_case(t))
            .ok_or_else(|| StockError::UnknownSupplier(t.to_owned()).into())
    }
}

fn posted(ops: &[usahaku_proto::Op], value: Money) -> StockPosted {
    StockPosted {
        movements: ops.iter().filter(|o| o.entity == EntityKind::StockMovement).count() as u32,
        entry: ops.iter().find(|o| o.entity == EntityKind::JournalEntry).map(|o| o.entity_id),
        value,
    }
}

fn supplier_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Supplier> {
    let s = |i: usize| -> rusqlite::Result<String> { Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default()) };
    Ok(Supplier {
        id: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
        name: s(1)?,
        phone: s(2)?,
        address: s(3)?,
        notes: s(4)?,
        active: r.get::<_, Option<i64>>(5)?.unwrap_or(1) != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(qty: i64, value: i64, avg: i64) -> Balance {
        Balance { qty, value, avg }
    }

    #[test]
    fn moving_average_by_hand() {
        // Receive 10 @ 5.000: value 50.000.
        let (v, s) = step(Balance::default(), 10_000, Some(5_000), None);
        assert_eq!((v, s), (50_000, b(10_000, 50_000, 5_000)));
        // Sell 4 at 5.000 = 20.000.
        let (v, s) = step(s, -4_000, None, None);
        assert_eq!((v, s), (-20_000, b(6_000, 30_000, 5_000)));
        // Receive 14 @ 6.500 = 91.000: 121.000 / 20 = 6.050.
        let (_, s) = step(s, 14_000, Some(6_500), None);
        assert_eq!(s, b(20_000, 121_000, 6_050));
        // Sell 8 at 6.050 = 48.400; 12 left worth 72.600.
        let (v, s) = step(s, -8_000, None, None);
        assert_eq!((v, s), (-48_400, b(12_000, 72_600, 6_050)));
    }

    #[test]
    fn overselling_keeps_the_last_average() {
        let (_, s) = step(Balance::default(), 2_000, Some(5_000), None);
        let (v, s) = step(s, -5_000, None, None);
        // 2 @ 5.000 out of value; 3 more at the last average.
        assert_eq!((v, s), (-25_000, b(-3_000, -15_000, 5_000)));
        let (_, s) = step(s, 10_000, Some(5_000), None);
        assert_eq!(s, b(7_000, 35_000, 5_000));
    }

    #[test]
    fn a_fixed_value_is_taken_as_it_is() {
        // 3 for 10.000; 2 out at 6.667 (10.000 × 2 / 3); back at exactly 6.667, where the
        // unit cost alone (3.334 rounded) would bring 6.668.
        let s = b(3_000, 10_000, 3_333);
        let (out, s) = step(s, -2_000, None, None);
        assert_eq!(out, -6_667);
        let (back, s) = step(s, 2_000, Some(3_334), Some(6_667));
        assert_eq!((back, s), (6_667, b(3_000, 10_000, 3_333)));
    }
}
