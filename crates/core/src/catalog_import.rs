//! Impor produk: a table of text cells (from a CSV or XLSX file, read by `usahaku-export`)
//! checked row by row into an [`ImportPlan`]. Nothing is written until the plan is committed;
//! then every valid row goes in one transaction. Rows are matched to existing products by
//! SKU, then barcode (then the exact name when a row has neither), so importing the same file
//! twice creates nothing new.

use crate::catalog::{ProductError, ProductInput, validated};
use crate::error::{Lang, Result};
use crate::ledger::{AccountRole, EntryKind, NewEntry, NewLine, entry_change};
use crate::money::{Money, Qty};
use crate::oplog::{Change, uuid_col};
use crate::store::Store;
use rusqlite::OptionalExtension;
use serde::Serialize;
use std::collections::HashMap;
use usahaku_proto::{EntityKind, FieldValue, LwwPatch};
use uuid::Uuid;

/// The columns of the import template: key, Indonesian header, English header.
pub const COLUMNS: &[(&str, &str, &str)] = &[
    ("name", "Nama produk", "Product name"),
    ("sku", "SKU", "SKU"),
    ("barcode", "Barcode", "Barcode"),
    ("category", "Kategori", "Category"),
    ("unit", "Satuan", "Unit"),
    ("price", "Harga jual", "Selling price"),
    ("tiers", "Harga grosir", "Wholesale prices"),
    ("cost", "Harga beli", "Unit cost"),
    ("opening", "Stok awal", "Opening stock"),
    ("min_stock", "Stok minimum", "Minimum stock"),
    ("tracked", "Stok dihitung", "Track stock"),
    ("description", "Deskripsi", "Description"),
    ("halal_no", "No. halal", "Halal no."),
    ("bpom_no", "BPOM / P-IRT", "BPOM / P-IRT"),
    ("expiry", "Kedaluwarsa", "Expiry date"),
    ("warranty", "Garansi", "Warranty"),
];

/// How each column is explained on the template's instructions sheet (Indonesian).
pub const COLUMN_HELP: &[(&str, &str)] = &[
    ("name", "Wajib. Paling banyak 120 karakter."),
    (
        "sku",
        "Kode barang Anda. Kosongkan agar dibuat otomatis. Baris dengan SKU yang sudah ada akan memperbarui produk itu.",
    ),
    ("barcode", "EAN-13, EAN-8 atau UPC-A (8, 12 atau 13 angka). Angka terakhir diperiksa."),
    ("category", "Bebas, misalnya Minuman."),
    (
        "unit",
        "pcs, kg, gram, liter, ml, pack, lusin, kodi, box, botol, bungkus, porsi, meter, set, lembar, karung. Kosong = pcs.",
    ),
    ("price", "Angka Rupiah tanpa sen, misalnya 15000 atau 15.000."),
    ("tiers", "Jumlah minimal = harga, dipisah titik koma: 12=13.500; 48=12.750."),
    ("cost", "Harga beli per satuan untuk stok awal (HPP)."),
    ("opening", "Jumlah stok saat ini, 0 atau lebih. Hanya untuk produk baru."),
    ("min_stock", "Batas stok menipis."),
    ("tracked", "ya atau tidak (jasa dan barang pesanan: tidak). Kosong = ya."),
    ("description", "Bebas."),
    ("halal_no", "Nomor sertifikat halal."),
    ("bpom_no", "Nomor izin BPOM (MD/ML) atau P-IRT."),
    ("expiry", "Tanggal seperti 30/06/2027."),
    ("warranty", "Misalnya: Garansi toko 7 hari."),
];

/// One refused row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportIssue {
    /// Row number as the spreadsheet shows it (the header is row 1).
    pub row: u32,
    /// The column's header, when the problem is in one cell.
    pub column: String,
    /// Machine-readable code.
    pub code: String,
    /// Why, for the user.
    pub message: String,
}

/// What a row will do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ImportAction {
    /// A new product.
    New,
    /// Changes an existing product.
    Update,
    /// Same as the existing product.
    Unchanged,
}

/// A valid row, as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportPreviewRow {
    /// Row number.
    pub row: u32,
    /// What it will do.
    pub action: ImportAction,
    /// Nama.
    pub name: String,
    /// SKU (the automatic one for a new product without).
    pub sku: String,
    /// Harga jual.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub price: Money,
    /// Stok awal added.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub opening: Qty,
}

/// What an import would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportPreview {
    /// Data rows read (blank rows not counted).
    pub rows: u32,
    /// New products.
    pub new_count: u32,
    /// Existing products that change.
    pub update_count: u32,
    /// Rows equal to an existing product.
    pub unchanged_count: u32,
    /// Refused rows, by row number.
    pub issues: Vec<ImportIssue>,
    /// The first valid rows (at most 200), for a look before confirming.
    pub sample: Vec<ImportPreviewRow>,
    /// Value of the opening stock (Persediaan against Modal pemilik).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub opening_value: Money,
    /// Header cells that matched no column (ignored).
    pub ignored_columns: Vec<String>,
}

#[derive(Debug, Clone)]
struct PlannedRow {
    existing: Option<Uuid>,
    fields: Vec<(&'static str, FieldValue)>,
    opening: Option<(Qty, Money)>,
}

/// A checked import: the preview, and the changes committing it will write.
#[derive(Debug, Clone)]
pub struct ImportPlan {
    /// What the user sees before confirming.
    pub preview: ImportPreview,
    rows: Vec<PlannedRow>,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportResult {
    /// Products added.
    pub created: u32,
    /// Products changed.
    pub updated: u32,
    /// Rows that changed nothing.
    pub unchanged: u32,
    /// Rows refused (not imported).
    pub refused: u32,
    /// Value of opening stock booked.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub opening_value: Money,
}

fn normalise_header(h: &str) -> String {
    h.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The column key a header names, if any (Indonesian or English header, or the key).
fn column_key(header: &str) -> Option<&'static str> {
    let h = normalise_header(header);
    if h.is_empty() {
        return None;
    }
    let aliases: &[(&str, &str)] = &[
        ("nama", "name"),
        ("namabarang", "name"),
        ("kode", "sku"),
        ("kodebarang", "sku"),
        ("harga", "price"),
        ("hargabeli", "cost"),
        ("hpp", "cost"),
        ("stok", "opening"),
        ("minimum", "min_stock"),
        ("stokmin", "min_stock"),
        ("grosir", "tiers"),
        ("halal", "halal_no"),
        ("bpom", "bpom_no"),
        ("pirt", "bpom_no"),
        ("expired", "expiry"),
        ("exp", "expiry"),
    ];
    COLUMNS
        .iter()
        .find(|(k, id, en)| {
            h == normalise_header(k) || h == normalise_header(id) || h == normalise_header(en)
        })
        .map(|(k, _, _)| *k)
        .or_else(|| aliases.iter().find(|(a, _)| *a == h).map(|(_, k)| *k))
}

fn header_of(key: &str, lang: Lang) -> String {
    COLUMNS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or_else(|| key.to_owned(), |(_, id, en)| lang.pick(id, en).to_owned())
}

fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "" | "ya" | "y" | "yes" | "1" | "true" | "benar" => Some(true),
        "tidak" | "t" | "no" | "n" | "0" | "false" | "salah" | "tdk" => Some(false),
        _ => None,
    }
}

fn tiers_cell(cell: &str) -> Vec<(String, String)> {
    cell.split(';')
        .filter(|p| !p.trim().is_empty())
        .map(|p| match p.split_once('=') {
            Some((q, price)) => (q.trim().to_owned(), price.trim().to_owned()),
            None => (p.trim().to_owned(), String::new()),
        })
        .collect()
}

fn issue_from_product_error(row: u32, e: &ProductError, lang: Lang) -> ImportIssue {
    let column = e.field().map(|f| header_of(f, lang)).unwrap_or_default();
    ImportIssue { row, column, code: e.code().to_owned(), message: e.message(lang) }
}

impl Store {
    /// Checks a table (first row: headers) and plans the import; writes nothing.
    pub fn plan_import(&self, table: &[Vec<String>], lang: Lang) -> Result<ImportPlan> {
        let mut preview = ImportPreview {
            rows: 0,
            new_count: 0,
            update_count: 0,
            unchanged_count: 0,
            issues: Vec::new(),
            sample: Vec::new(),
            opening_value: Money::ZERO,
            ignored_columns: Vec::new(),
        };
        let Some(header) = table.first() else {
            preview.issues.push(ImportIssue {
                row: 1,
                column: String::new(),
                code: "empty_file".into(),
                message: lang.pick("Berkas kosong.", "The file is empty.").into(),
            });
            return Ok(ImportPlan { preview, rows: Vec::new() });
        };
        let mut columns: Vec<Option<&'static str>> = Vec::with_capacity(header.len());
        for h in header {
            let key = column_key(h).filter(|k| !columns.contains(&Some(*k)));
            if key.is_none() && !h.trim().is_empty() {
                preview.ignored_columns.push(h.trim().to_owned());
            }
            columns.push(key);
        }
        if !columns.contains(&Some("name")) {
            preview.issues.push(ImportIssue {
                row: 1,
                column: String::new(),
                code: "no_name_column".into(),
                message: lang
                    .pick(
                        "Kolom \"Nama produk\" tidak ditemukan di baris pertama. Pakai templat impor Usahaku.",
                        "No \"Product name\" column in the first row. Use the Usahaku import template.",
                    )
                    .into(),
            });
            return Ok(ImportPlan { preview, rows: Vec::new() });
        }
        let present = |k: &str| columns.contains(&Some(k));
        let mut seen_sku: HashMap<String, u32> = HashMap::new();
        let mut seen_barcode: HashMap<String, u32> = HashMap::new();
        let mut next_auto: Option<(String, u32)> = None;
        let mut rows = Vec::new();
        for (i, cells) in table.iter().enumerate().skip(1) {
            let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            preview.rows += 1;
            let cell = |key: &str| -> &str {
                columns
                    .iter()
                    .position(|c| *c == Some(key))
                    .and_then(|p| cells.get(p))
                    .map_or("", |s| s.as_str())
            };
            let issue = |code: &str, column: &str, message: String| ImportIssue {
                row,
                column: header_of(column, lang),
                code: code.into(),
                message,
            };
            let Some(tracked) = yes_no(cell("tracked")) else {
                preview.issues.push(issue(
                    "bad_tracked",
                    "tracked",
                    format!(
                        "{} \"{}\".",
                        lang.pick("Tulis ya atau tidak, bukan", "Write ya or tidak, not"),
                        cell("tracked").trim()
                    ),
                ));
                continue;
            };
            let input = ProductInput {
                name: cell("name").into(),
                sku: cell("sku").into(),
                barcode: cell("barcode").into(),
                category: cell("category").into(),
                unit: cell("unit").into(),
                price: cell("price").into(),
                tiers: tiers_cell(cell("tiers")),
                description: cell("description").into(),
                halal_no: cell("halal_no").into(),
                bpom_no: cell("bpom_no").into(),
                expiry: cell("expiry").into(),
                warranty: cell("warranty").into(),
                tracked,
                min_stock: cell("min_stock").into(),
                components: Vec::new(),
            };
            let mut fields = match validated(&input) {
                Ok(f) => f,
                Err(e) => {
                    preview.issues.push(issue_from_product_error(row, &e, lang));
                    continue;
                }
            };
            let opening = match Qty::parse(cell("opening")) {
                Err(crate::AmountError::Empty) => Qty::ZERO,
                Ok(q) if q >= Qty::ZERO => q,
                Ok(_) => {
                    preview.issues.push(issue(
                        "negative_stock",
                        "opening",
                        lang.pick("Stok awal tidak boleh minus.", "Opening stock cannot be negative.").into(),
                    ));
                    continue;
                }
                Err(_) => {
                    preview.issues.push(issue(
                        "bad_qty",
                        "opening",
                        format!(
                            "{} \"{}\" {}",
                            lang.pick("Stok awal", "Opening stock"),
                            cell("opening").trim(),
                            lang.pick("bukan angka.", "is not a number.")
                        ),
                    ));
                    continue;
                }
            };
            let cost = match Money::parse(cell("cost")) {
                Err(crate::AmountError::Empty) => Money::ZERO,
                Ok(c) if c >= Money::ZERO => c,
                _ => {
                    let e = crate::stock::StockError::BadCost(cell("cost").trim().to_owned());
                    preview.issues.push(issue(e.code(), "cost", e.message(lang)));
                    continue;
                }
            };
            let text_of = |fields: &[(&'static str, FieldValue)], k: &str| -> String {
                match fields.iter().find(|(f, _)| *f == k) {
                    Some((_, FieldValue::Text(t))) => t.clone(),
                    _ => String::new(),
                }
            };
            let (sku, barcode, name) =
                (text_of(&fields, "sku"), text_of(&fields, "barcode"), text_of(&fields, "name"));
            if let Some(first) = seen_sku.get(&sku).filter(|_| !sku.is_empty()) {
                preview.issues.push(issue(
                    "duplicate_sku",
                    "sku",
                    format!(
                        "{} {sku} {} {first}.",
                        "SKU",
                        lang.pick("sudah ada di baris", "is already in row")
                    ),
                ));
                continue;
            }
            if let Some(first) = seen_barcode.get(&barcode).filter(|_| !barcode.is_empty()) {
                preview.issues.push(issue(
                    "duplicate_barcode",
                    "barcode",
                    format!(
                        "Barcode {barcode} {} {first}.",
                        lang.pick("sudah ada di baris", "is already in row")
                    ),
                ));
                continue;
            }
            let by = |column: &str, value: &str| -> Result<Option<Uuid>> {
                if value.is_empty() {
                    return Ok(None);
                }
                let sql = format!(
                    "SELECT id FROM product WHERE {column} = ?1 {} ORDER BY COALESCE(active, 1) DESC LIMIT 1",
                    if column == "name" { "COLLATE NOCASE" } else { "" }
                );
                let id: Option<Vec<u8>> =
                    self.conn.prepare_cached(&sql)?.query_row([value], |r| r.get(0)).optional()?;
                Ok(id.map(|b| uuid_col(&b)).transpose()?)
            };
            let existing = match (by("sku", &sku)?, by("barcode", &barcode)?) {
                (Some(a), Some(b)) if a != b => {
                    let e = ProductError::DuplicateBarcode(barcode.clone());
                    preview.issues.push(issue_from_product_error(row, &e, lang));
                    continue;
                }
                (Some(a), _) | (None, Some(a)) => Some(a),
                (None, None) if sku.is_empty() && barcode.is_empty() => by("name", &name)?,
                (None, None) => None,
            };
            if !sku.is_empty() {
                seen_sku.insert(sku.clone(), row);
            }
            if !barcode.is_empty() {
                seen_barcode.insert(barcode.clone(), row);
            }
            let planned = match existing {
                None => {
                    let sku = if sku.is_empty() {
                        let (prefix, n) = match next_auto.take() {
                            Some(v) => v,
                            None => {
                                let first = self.next_sku()?;
                                let (p, n) = first.rsplit_once('-').unwrap_or(("A", "1"));
                                (p.to_owned(), n.parse::<u32>().unwrap_or(1))
                            }
                        };
                        // Skip automatic SKUs a row of this file already uses.
                        let mut n = n;
                        while seen_sku.contains_key(&format!("{prefix}-{n:05}")) {
                            n += 1;
                        }
                        let s = format!("{prefix}-{n:05}");
                        next_auto = Some((prefix, n + 1));
                        // A later row that names this SKU is then a duplicate, not a second product.
                        seen_sku.insert(s.clone(), row);
                        if let Some((_, FieldValue::Text(v))) = fields.iter_mut().find(|(k, _)| *k == "sku") {
                            v.clone_from(&s);
                        }
                        s
                    } else {
                        sku
                    };
                    fields.push(("active", FieldValue::Int(1)));
                    let opening = (opening > Qty::ZERO && tracked).then_some((opening, cost));
                    if let Some((q, c)) = opening {
                        preview.opening_value = preview.opening_value.checked_add(c.checked_mul_qty(q)?)?;
                    }
                    preview.new_count += 1;
                    if preview.sample.len() < 200 {
                        preview.sample.push(ImportPreviewRow {
                            row,
                            action: ImportAction::New,
                            name: name.clone(),
                            sku,
                            price: Money::parse(&input.price).unwrap_or(Money::ZERO),
                            opening: opening.map_or(Qty::ZERO, |o| o.0),
                        });
                    }
                    PlannedRow { existing: None, fields, opening }
                }
                Some(id) => {
                    let before = self.stored_fields(id)?;
                    let current_sku = match before.iter().find(|(k, _)| *k == "sku") {
                        Some((_, FieldValue::Text(t))) => t.clone(),
                        _ => String::new(),
                    };
                    let changed: Vec<(&'static str, FieldValue)> = fields
                        .into_iter()
                        .filter(|(k, _)| *k == "name" || present(k))
                        .filter(|(k, v)| !(*k == "sku" && matches!(v, FieldValue::Text(t) if t.is_empty())))
                        .filter(|(k, v)| before.iter().find(|(bk, _)| bk == k).is_none_or(|(_, bv)| bv != v))
                        .collect();
                    let action =
                        if changed.is_empty() { ImportAction::Unchanged } else { ImportAction::Update };
                    if changed.is_empty() {
                        preview.unchanged_count += 1;
                    } else {
                        preview.update_count += 1;
                    }
                    if preview.sample.len() < 200 {
                        preview.sample.push(ImportPreviewRow {
                            row,
                            action,
                            name: name.clone(),
                            sku: if sku.is_empty() { current_sku } else { sku },
                            price: Money::parse(&input.price).unwrap_or(Money::ZERO),
                            opening: Qty::ZERO,
                        });
                    }
                    PlannedRow { existing: Some(id), fields: changed, opening: None }
                }
            };
            rows.push(planned);
        }
        Ok(ImportPlan { preview, rows })
    }

    /// Writes every valid row of `plan` in one transaction: new products, changed fields of
    /// existing ones, and opening stock (Dr Persediaan / Cr Modal pemilik).
    pub fn commit_import(&mut self, plan: &ImportPlan) -> Result<ImportResult> {
        let date = self.today()?;
        let clock = self.clock.clone();
        let inventory = self.account_by_role(AccountRole::Inventory)?.id;
        let capital = self.account_by_role(AccountRole::Capital)?.id;
        let value = plan.preview.opening_value;
        self.commit_built(|conn| {
            let mut changes = Vec::new();
            let entry = if value > Money::ZERO {
                let e = NewEntry {
                    date,
                    kind: EntryKind::Manual,
                    memo: "Saldo awal persediaan (impor produk)".into(),
                    counterparty: None,
                    due_date: None,
                    settles: None,
                    reverses: None,
                    lines: vec![NewLine::debit(inventory, value), NewLine::credit(capital, value)],
                };
                let (id, change) = entry_change(conn, clock.as_ref(), &e)?;
                changes.push(change);
                Some(id)
            } else {
                None
            };
            for r in &plan.rows {
                if r.fields.is_empty() {
                    continue;
                }
                let id = r.existing.unwrap_or_else(|| crate::clock::new_id(clock.as_ref()));
                let patch =
                    LwwPatch { fields: r.fields.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect() };
                changes.push(Change::Lww { entity: EntityKind::Product, entity_id: id, patch });
                if let Some((q, c)) = r.opening {
                    changes.push(crate::stock::opening_change(id, date, q, c, entry, clock.as_ref()));
                }
            }
            Ok(changes)
        })?;
        Ok(ImportResult {
            created: plan.preview.new_count,
            updated: plan.preview.update_count,
            unchanged: plan.preview.unchanged_count,
            refused: u32::try_from(plan.preview.issues.len()).unwrap_or(u32::MAX),
            opening_value: value,
        })
    }

    /// Active products as a table with the import template's columns (headers in `lang`),
    /// so an exported file imports back unchanged.
    pub fn products_table(&self, lang: Lang) -> Result<Vec<Vec<String>>> {
        let mut out = vec![COLUMNS.iter().map(|(k, _, _)| header_of(k, lang)).collect::<Vec<_>>()];
        for p in self.products()? {
            let tiers: Vec<String> =
                p.tiers.iter().map(|t| format!("{}={}", t.min_qty, t.price.rupiah())).collect();
            out.push(
                COLUMNS
                    .iter()
                    .map(|(k, _, _)| match *k {
                        "name" => p.name.clone(),
                        "sku" => p.sku.clone(),
                        "barcode" => p.barcode.clone(),
                        "category" => p.category.clone(),
                        "unit" => p.unit.clone(),
                        "price" => p.price.rupiah().to_string(),
                        "tiers" => tiers.join("; "),
                        "cost" => p.avg_cost.rupiah().to_string(),
                        "opening" => p.stock.to_string(),
                        "min_stock" => p.min_stock.to_string(),
                        "tracked" => lang
                            .pick(
                                if p.tracked { "ya" } else { "tidak" },
                                if p.tracked { "yes" } else { "no" },
                            )
                            .into(),
                        "description" => p.description.clone(),
                        "halal_no" => p.halal_no.clone(),
                        "bpom_no" => p.bpom_no.clone(),
                        "expiry" => p.expiry.clone(),
                        "warranty" => p.warranty.clone(),
                        _ => String::new(),
                    })
                    .collect(),
            );
        }
        Ok(out)
    }
}
