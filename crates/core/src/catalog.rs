//! Produk: the product catalogue. Products are last-writer-wins entities
//! ([`EntityKind::Product`]): an edit sends only the fields it changed, so two devices that
//! change different fields of one product both keep their change. Search runs over name, SKU
//! and barcode through an FTS5 trigram index kept by triggers on the table (partial words,
//! case and accents ignored).
//!
//! Stock movements, pricing rules, suppliers and import come with the rest of issue #5.

use crate::error::{Lang, Result};
use crate::ledger::parse_date;
use crate::lww::LwwSpec;
use crate::money::{Money, Qty};
use crate::oplog::{Change, uuid_col};
use crate::store::Store;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use usahaku_proto::{EntityKind, FieldValue, LwwPatch};
use uuid::Uuid;

/// Products as last-writer-wins entities.
pub(crate) const SPEC: LwwSpec = LwwSpec {
    kind: EntityKind::Product,
    table: "product",
    fields: &[
        "name",
        "sku",
        "barcode",
        "category",
        "unit",
        "price",
        "tiers",
        "description",
        "halal_no",
        "bpom_no",
        "expiry",
        "warranty",
        "tracked",
        "min_stock",
        "active",
        "components",
        "thumbnail",
    ],
};

/// Longest product name, in characters.
pub const MAX_NAME: usize = 120;

/// The units a product is sold in.
pub const UNITS: &[&str] = &[
    "pcs", "kg", "gram", "liter", "ml", "pack", "lusin", "kodi", "box", "botol", "bungkus", "porsi", "meter",
    "set", "lembar", "karung",
];

/// Why a product was refused. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProductError {
    /// The name is empty.
    #[error("name required")]
    NameRequired,
    /// Text longer than allowed.
    #[error("{field} longer than {max}")]
    TooLong {
        /// Which field.
        field: &'static str,
        /// The limit.
        max: usize,
    },
    /// A barcode that is not 8, 12 or 13 digits.
    #[error("bad barcode {0}")]
    BarcodeFormat(String),
    /// A barcode whose check digit is wrong.
    #[error("bad check digit {0}")]
    BarcodeCheckDigit(String),
    /// A unit not in [`UNITS`].
    #[error("unknown unit {0}")]
    UnknownUnit(String),
    /// A price below zero or not a number.
    #[error("bad price {0}")]
    BadPrice(String),
    /// A wholesale tier that is not a larger quantity at a lower price.
    #[error("bad tier {0}")]
    BadTier(String),
    /// A minimum stock below zero or not a number.
    #[error("bad minimum stock {0}")]
    BadMinStock(String),
    /// Another active product has this SKU.
    #[error("duplicate SKU {0}")]
    DuplicateSku(String),
    /// Another active product has this barcode.
    #[error("duplicate barcode {0}")]
    DuplicateBarcode(String),
    /// No such product.
    #[error("unknown product")]
    UnknownProduct,
    /// The expiry date could not be read.
    #[error("bad date {0}")]
    BadDate(String),
    /// The picked file is not a JPEG, PNG or WebP picture, or is too big.
    #[error("bad photo")]
    BadPhoto,
    /// A paket component that is not another ordinary product with a quantity above zero.
    #[error("bad component {0}")]
    BadComponent(String),
}

impl ProductError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            ProductError::NameRequired => "name_required",
            ProductError::TooLong { .. } => "too_long",
            ProductError::BarcodeFormat(_) => "barcode_format",
            ProductError::BarcodeCheckDigit(_) => "barcode_check_digit",
            ProductError::UnknownUnit(_) => "unknown_unit",
            ProductError::BadPrice(_) => "bad_price",
            ProductError::BadTier(_) => "bad_tier",
            ProductError::BadMinStock(_) => "bad_min_stock",
            ProductError::DuplicateSku(_) => "duplicate_sku",
            ProductError::DuplicateBarcode(_) => "duplicate_barcode",
            ProductError::UnknownProduct => "unknown_product",
            ProductError::BadDate(_) => "bad_date",
            ProductError::BadComponent(_) => "bad_component",
            ProductError::BadPhoto => "bad_photo",
        }
    }

    /// The input field the error is about.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            ProductError::NameRequired => "name",
            ProductError::TooLong { field, .. } => field,
            ProductError::BarcodeFormat(_)
            | ProductError::BarcodeCheckDigit(_)
            | ProductError::DuplicateBarcode(_) => "barcode",
            ProductError::UnknownUnit(_) => "unit",
            ProductError::BadPrice(_) => "price",
            ProductError::BadTier(_) => "tiers",
            ProductError::BadMinStock(_) => "min_stock",
            ProductError::DuplicateSku(_) => "sku",
            ProductError::BadDate(_) => "expiry",
            ProductError::BadComponent(_) => "components",
            ProductError::BadPhoto => "photo",
            ProductError::UnknownProduct => return None,
        })
    }

    /// A message for the user.
    pub fn message(&self, lang: Lang) -> String {
        let field_name = |f: &str| match (f, lang) {
            ("name", Lang::Id) => "Nama produk",
            ("name", Lang::En) => "Product name",
            ("category", Lang::Id) => "Kategori",
            ("category", Lang::En) => "Category",
            ("description", Lang::Id) => "Deskripsi",
            ("description", Lang::En) => "Description",
            ("warranty", Lang::Id) => "Garansi",
            ("warranty", Lang::En) => "Warranty",
            ("sku", _) => "SKU",
            (_, Lang::Id) => "Isian",
            (_, Lang::En) => "Field",
        };
        match (self, lang) {
            (ProductError::NameRequired, Lang::Id) => "Nama produk wajib diisi.".into(),
            (ProductError::NameRequired, Lang::En) => "The product name is required.".into(),
            (ProductError::TooLong { field, max }, Lang::Id) => {
                format!("{} terlalu panjang (paling banyak {max} karakter).", field_name(field))
            }
            (ProductError::TooLong { field, max }, Lang::En) => {
                format!("{} is too long (at most {max} characters).", field_name(field))
            }
            (ProductError::BarcodeFormat(b), Lang::Id) => {
                format!("Barcode \"{b}\" harus 8, 12 atau 13 angka (EAN-8, UPC-A, EAN-13).")
            }
            (ProductError::BarcodeFormat(b), Lang::En) => {
                format!("Barcode \"{b}\" must be 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13).")
            }
            (ProductError::BarcodeCheckDigit(b), Lang::Id) => {
                format!(
                    "Barcode \"{b}\" salah: angka terakhirnya (check digit) tidak cocok. Periksa lagi atau pindai ulang."
                )
            }
            (ProductError::BarcodeCheckDigit(b), Lang::En) => {
                format!(
                    "Barcode \"{b}\" is wrong: its last digit (check digit) does not match. Check it or scan again."
                )
            }
            (ProductError::UnknownUnit(u), Lang::Id) => {
                format!("Satuan \"{u}\" tidak dikenal. Pilih: {}.", UNITS.join(", "))
            }
            (ProductError::UnknownUnit(u), Lang::En) => {
                format!("Unit \"{u}\" is not known. Choose: {}.", UNITS.join(", "))
            }
            (ProductError::BadPrice(p), Lang::Id) => {
                format!("Harga \"{p}\" tidak benar. Tulis angka Rp0 atau lebih, misalnya 15.000.")
            }
            (ProductError::BadPrice(p), Lang::En) => {
                format!("Price \"{p}\" is not right. Write Rp0 or more, e.g. 15.000.")
            }
            (ProductError::BadTier(t), Lang::Id) => format!(
                "Harga grosir \"{t}\" tidak benar: tiap tingkat perlu jumlah minimal lebih besar dan harga lebih murah dari sebelumnya."
            ),
            (ProductError::BadTier(t), Lang::En) => {
                format!(
                    "Wholesale price \"{t}\" is not right: each tier needs a larger minimum quantity and a lower price."
                )
            }
            (ProductError::BadMinStock(q), Lang::Id) => {
                format!("Stok minimum \"{q}\" tidak benar. Tulis 0 atau lebih.")
            }
            (ProductError::BadMinStock(q), Lang::En) => {
                format!("Minimum stock \"{q}\" is not right. Write 0 or more.")
            }
            (ProductError::DuplicateSku(s), Lang::Id) => format!("SKU {s} sudah dipakai produk lain."),
            (ProductError::DuplicateSku(s), Lang::En) => {
                format!("SKU {s} is already used by another product.")
            }
            (ProductError::DuplicateBarcode(b), Lang::Id) => {
                format!("Barcode {b} sudah dipakai produk lain.")
            }
            (ProductError::DuplicateBarcode(b), Lang::En) => {
                format!("Barcode {b} is already used by another product.")
            }
            (ProductError::UnknownProduct, Lang::Id) => "Produk tidak ditemukan.".into(),
            (ProductError::UnknownProduct, Lang::En) => "Product not found.".into(),
            (ProductError::BadDate(d), Lang::Id) => {
                format!("Tanggal \"{d}\" tidak dikenali. Tulis seperti 30/11/2026.")
            }
            (ProductError::BadDate(d), Lang::En) => {
                format!("Date \"{d}\" not recognised. Write it like 30/11/2026.")
            }
            (ProductError::BadPhoto, Lang::Id) => {
                "Foto tidak bisa dibaca. Pilih gambar JPG, PNG atau WebP, paling besar 20 MB.".into()
            }
            (ProductError::BadPhoto, Lang::En) => {
                "The photo cannot be read. Pick a JPG, PNG or WebP picture of at most 20 MB.".into()
            }
            (ProductError::BadComponent(c), Lang::Id) => format!(
                "Isi paket \"{c}\" tidak benar: pilih produk lain yang sudah ada (bukan paket) dengan jumlah lebih dari 0, masing-masing sekali."
            ),
            (ProductError::BadComponent(c), Lang::En) => format!(
                "Bundle item \"{c}\" is not right: choose another existing product (not a bundle) with a quantity above 0, each once."
            ),
        }
    }
}

/// `true` when `digits` is an EAN-8, UPC-A or EAN-13 with a right GS1 check digit.
pub fn barcode_check_digit_ok(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != digits.len() || !matches!(d.len(), 8 | 12 | 13) {
        return false;
    }
    let (body, check) = d.split_at(d.len() - 1);
    // Weights 3, 1, 3, … from the digit next to the check digit, leftwards.
    let sum: u32 = body.iter().rev().enumerate().map(|(i, v)| if i % 2 == 0 { v * 3 } else { *v }).sum();
    (10 - sum % 10) % 10 == check[0]
}

/// A wholesale price: from `min_qty` units on, each unit costs `price`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PriceTier {
    /// Minimum quantity (thousandths of the unit).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub min_qty: Qty,
    /// Unit price from that quantity on.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub price: Money,
}

/// A product as a form or the command line gives it (text as typed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProductInput {
    /// Nama produk.
    pub name: String,
    /// SKU; empty for an automatic one.
    pub sku: String,
    /// Barcode (EAN-13, EAN-8 or UPC-A), optional.
    pub barcode: String,
    /// Kategori, optional.
    pub category: String,
    /// Satuan (one of [`UNITS`]); empty for pcs.
    pub unit: String,
    /// Harga jual as typed.
    pub price: String,
    /// Harga grosir: (minimum quantity, price) as typed, e.g. ("12", "13.500").
    pub tiers: Vec<(String, String)>,
    /// Deskripsi.
    pub description: String,
    /// Nomor sertifikat halal.
    pub halal_no: String,
    /// Nomor izin BPOM (MD/ML) or P-IRT.
    pub bpom_no: String,
    /// Kedaluwarsa (a date), optional.
    pub expiry: String,
    /// Garansi.
    pub warranty: String,
    /// Stock is counted (false for services and made-to-order goods).
    pub tracked: bool,
    /// Stok minimum as typed (empty for none).
    pub min_stock: String,
    /// Isi paket: (product id, SKU or barcode; quantity as typed). A paket's own stock is not
    /// counted; selling it takes stock from each component.
    #[serde(default)]
    pub components: Vec<(String, String)>,
}

/// A component of a paket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleItem {
    /// The component product.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product: Uuid,
    /// How many of it one paket holds.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub qty: Qty,
}

/// A product as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Product {
    /// Id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// Nama.
    pub name: String,
    /// SKU.
    pub sku: String,
    /// Barcode, or empty.
    pub barcode: String,
    /// Kategori, or empty.
    pub category: String,
    /// Satuan.
    pub unit: String,
    /// Harga jual.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub price: Money,
    /// Harga grosir, by increasing minimum quantity.
    pub tiers: Vec<PriceTier>,
    /// Deskripsi.
    pub description: String,
    /// Nomor halal.
    pub halal_no: String,
    /// Nomor BPOM / P-IRT.
    pub bpom_no: String,
    /// Kedaluwarsa (`2027-06-30`), or empty.
    pub expiry: String,
    /// Garansi.
    pub warranty: String,
    /// Stock is counted.
    pub tracked: bool,
    /// Stok minimum.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub min_stock: Qty,
    /// Not archived.
    pub active: bool,
    /// Isi paket (empty for an ordinary product).
    pub components: Vec<BundleItem>,
    /// Stok (sum of movements).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub stock: Qty,
    /// HPP per unit (moving average).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub avg_cost: Money,
    /// Has a photo ([`Store::product_thumbnail`]).
    pub has_photo: bool,
}

impl Product {
    /// The product as a form shows it, for editing.
    pub fn input(&self) -> ProductInput {
        let amount = |m: Money| m.rupiah().to_string();
        ProductInput {
            name: self.name.clone(),
            sku: self.sku.clone(),
            barcode: self.barcode.clone(),
            category: self.category.clone(),
            unit: self.unit.clone(),
            price: amount(self.price),
            tiers: self.tiers.iter().map(|t| (t.min_qty.to_string(), amount(t.price))).collect(),
            description: self.description.clone(),
            halal_no: self.halal_no.clone(),
            bpom_no: self.bpom_no.clone(),
            expiry: self.expiry.clone(),
            warranty: self.warranty.clone(),
            tracked: self.tracked,
            min_stock: self.min_stock.to_string(),
            components: self.components.iter().map(|c| (c.product.to_string(), c.qty.to_string())).collect(),
        }
    }

    /// The unit price for `qty` units: the lowest tier whose minimum is reached, else the
    /// selling price.
    pub fn unit_price(&self, qty: Qty) -> Money {
        self.tiers.iter().rev().find(|t| qty >= t.min_qty).map_or(self.price, |t| t.price)
    }
}

fn text(value: &str, field: &'static str, max: usize) -> std::result::Result<String, ProductError> {
    let t = value.trim();
    if t.chars().count() > max {
        return Err(ProductError::TooLong { field, max });
    }
    Ok(t.chars().map(|c| if c.is_control() { ' ' } else { c }).collect())
}

/// The checked fields of a product, in [`SPEC`] order (without `active`).
pub(crate) fn validated(
    input: &ProductInput,
) -> std::result::Result<Vec<(&'static str, FieldValue)>, ProductError> {
    let name = text(&input.name, "name", MAX_NAME)?;
    if name.is_empty() {
        return Err(ProductError::NameRequired);
    }
    let sku = text(&input.sku, "sku", 40)?;
    let barcode: String = input.barcode.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if !barcode.is_empty() {
        if !barcode.chars().all(|c| c.is_ascii_digit()) || !matches!(barcode.len(), 8 | 12 | 13) {
            return Err(ProductError::BarcodeFormat(input.barcode.trim().to_owned()));
        }
        if !barcode_check_digit_ok(&barcode) {
            return Err(ProductError::BarcodeCheckDigit(barcode));
        }
    }
    let unit = input.unit.trim().to_lowercase();
    let unit = if unit.is_empty() { "pcs".to_owned() } else { unit };
    if !UNITS.contains(&unit.as_str()) {
        return Err(ProductError::UnknownUnit(input.unit.trim().to_owned()));
    }
    let price = if input.price.trim().is_empty() {
        Money::ZERO
    } else {
        Money::parse(&input.price).map_err(|_| ProductError::BadPrice(input.price.trim().to_owned()))?
    };
    if price < Money::ZERO {
        return Err(ProductError::BadPrice(input.price.trim().to_owned()));
    }
    let mut tiers: Vec<PriceTier> = Vec::new();
    for (q, p) in &input.tiers {
        let shown = format!("{} → {}", q.trim(), p.trim());
        let min_qty = Qty::parse(q).map_err(|_| ProductError::BadTier(shown.clone()))?;
        let tier_price = Money::parse(p).map_err(|_| ProductError::BadTier(shown.clone()))?;
        let previous = tiers.last().map_or((Qty::from_thousandths(1000), price), |t| (t.min_qty, t.price));
        if min_qty <= previous.0 || tier_price <= Money::ZERO || tier_price >= previous.1 {
            return Err(ProductError::BadTier(shown));
        }
        tiers.push(PriceTier { min_qty, price: tier_price });
    }
    let tiers_json = serde_json::to_string(
        &tiers.iter().map(|t| (t.min_qty.thousandths(), t.price.rupiah())).collect::<Vec<_>>(),
    )
    .map_err(|_| ProductError::BadTier(String::new()))?;
    let expiry = if input.expiry.trim().is_empty() {
        String::new()
    } else {
        parse_date(&input.expiry)
            .map_err(|_| ProductError::BadDate(input.expiry.trim().to_owned()))?
            .to_string()
    };
    let min_stock = if input.min_stock.trim().is_empty() {
        Qty::ZERO
    } else {
        Qty::parse(&input.min_stock)
            .map_err(|_| ProductError::BadMinStock(input.min_stock.trim().to_owned()))?
    };
    if min_stock < Qty::ZERO {
        return Err(ProductError::BadMinStock(input.min_stock.trim().to_owned()));
    }
    let t = |s: String| FieldValue::Text(s);
    Ok(vec![
        ("name", t(name)),
        ("sku", t(sku)),
        ("barcode", t(barcode)),
        ("category", t(text(&input.category, "category", 60)?)),
        ("unit", t(unit)),
        ("price", FieldValue::Int(price.rupiah())),
        ("tiers", t(tiers_json)),
        ("description", t(text(&input.description, "description", 1000)?)),
        ("halal_no", t(text(&input.halal_no, "halal_no", 40)?)),
        ("bpom_no", t(text(&input.bpom_no, "bpom_no", 40)?)),
        ("expiry", t(expiry)),
        ("warranty", t(text(&input.warranty, "warranty", 200)?)),
        ("tracked", FieldValue::Int(i64::from(input.tracked))),
        ("min_stock", FieldValue::Int(min_stock.thousandths())),
    ])
}

const PRODUCT_COLUMNS: &str =
    "SELECT id, name, sku, barcode, category, unit, price, tiers, description, halal_no,
    bpom_no, expiry, warranty, tracked, min_stock, active, components, COALESCE(s.qty, 0), COALESCE(s.avg_cost, 0),
    COALESCE(thumbnail, '') != ''
    FROM product LEFT JOIN product_stock s ON s.product_id = product.id";

/// A product row; `None` while its name has not arrived (a half-synced product).
fn product_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Option<Product>> {
    let Some(name) = r.get::<_, Option<String>>(1)? else { return Ok(None) };
    let s = |i: usize| -> rusqlite::Result<String> { Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default()) };
    let tiers: Vec<(i64, i64)> = serde_json::from_str(&s(7)?).unwrap_or_default();
    Ok(Some(Product {
        id: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
        name,
        sku: s(2)?,
        barcode: s(3)?,
        category: s(4)?,
        unit: r.get::<_, Option<String>>(5)?.unwrap_or_else(|| "pcs".into()),
        price: Money::from_rupiah(r.get::<_, Option<i64>>(6)?.unwrap_or(0)),
        tiers: tiers
            .into_iter()
            .map(|(q, p)| PriceTier { min_qty: Qty::from_thousandths(q), price: Money::from_rupiah(p) })
            .collect(),
        description: s(8)?,
        halal_no: s(9)?,
        bpom_no: s(10)?,
        expiry: s(11)?,
        warranty: s(12)?,
        tracked: r.get::<_, Option<i64>>(13)?.unwrap_or(1) != 0,
        min_stock: Qty::from_thousandths(r.get::<_, Option<i64>>(14)?.unwrap_or(0)),
        active: r.get::<_, Option<i64>>(15)?.unwrap_or(1) != 0,
        components: serde_json::from_str::<Vec<(String, i64)>>(&s(16)?)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(id, q)| {
                Some(BundleItem { product: Uuid::parse_str(&id).ok()?, qty: Qty::from_thousandths(q) })
            })
            .collect(),
        stock: Qty::from_thousandths(r.get(17)?),
        avg_cost: Money::from_rupiah(r.get(18)?),
        has_photo: r.get(19)?,
    }))
}

impl Store {
    /// One product.
    pub fn product(&self, id: Uuid) -> Result<Product> {
        Ok(self
            .conn
            .prepare_cached(&format!("{PRODUCT_COLUMNS} WHERE id = ?1"))?
            .query_row([id.as_bytes().as_slice()], product_row)
            .optional()?
            .flatten()
            .ok_or(ProductError::UnknownProduct)?)
    }

    /// Active products by name.
    pub fn products(&self) -> Result<Vec<Product>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{PRODUCT_COLUMNS} WHERE COALESCE(active, 1) = 1 AND name IS NOT NULL ORDER BY name COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([], product_row)?;
        Ok(rows.filter_map(|r| r.transpose()).collect::<rusqlite::Result<_>>()?)
    }

    /// Archived products by name (hidden from the list and the cashier; set active again with
    /// [`Store::set_product_active`]).
    pub fn archived_products(&self) -> Result<Vec<Product>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{PRODUCT_COLUMNS} WHERE COALESCE(active, 1) = 0 AND name IS NOT NULL ORDER BY name COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([], product_row)?;
        Ok(rows.filter_map(|r| r.transpose()).collect::<rusqlite::Result<_>>()?)
    }

    /// Another active product with `column` = `value`, if any.
    fn taken(&self, column: &str, value: &str, except: Option<Uuid>) -> Result<bool> {
        if value.is_empty() {
            return Ok(false);
        }
        let id: Option<Vec<u8>> = self
            .conn
            .prepare_cached(&format!(
                "SELECT id FROM product WHERE {column} = ?1 AND COALESCE(active, 1) = 1 AND id IS NOT ?2 LIMIT 1"
            ))?
            .query_row(params![value, except.map(|u| u.as_bytes().to_vec())], |r| r.get(0))
            .optional()?;
        Ok(id.is_some())
    }

    /// The next automatic SKU of this device: `<device code>-00001`, `<device code>-00002`, …
    /// (device codes differ, so two offline devices never make the same one).
    pub(crate) fn next_sku(&self) -> Result<String> {
        let prefix = format!("{}-", self.device.code);
        // Five digits sort as numbers, so the highest is the last one in the SKU index.
        let top: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT sku FROM product WHERE sku BETWEEN ?1 AND ?2 AND sku GLOB ?3 ORDER BY sku DESC LIMIT 1",
            )?
            .query_row(
                params![format!("{prefix}00000"), format!("{prefix}99999"), format!("{prefix}[0-9][0-9][0-9][0-9][0-9]")],
                |r| r.get(0),
            )
            .optional()?;
        let highest =
            top.and_then(|s| s.strip_prefix(&prefix).and_then(|n| n.parse::<u32>().ok())).unwrap_or(0);
        Ok(format!("{prefix}{:05}", highest + 1))
    }

    /// Adds a product; an empty SKU gets the next automatic one.
    pub fn add_product(&mut self, input: &ProductInput) -> Result<Product> {
        let mut fields = validated(input)?;
        self.bundle_fields(&mut fields, &input.components, None)?;
        if let Some((_, FieldValue::Text(sku))) = fields.iter_mut().find(|(k, _)| *k == "sku")
            && sku.is_empty()
        {
            *sku = self.next_sku()?;
        }
        self.check_unique(&fields, None)?;
        fields.push(("active", FieldValue::Int(1)));
        let id = crate::clock::new_id(self.clock.as_ref());
        let patch = LwwPatch { fields: fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect() };
        self.commit(Change::Lww { entity: EntityKind::Product, entity_id: id, patch })?;
        self.product(id)
    }

    /// Changes a product: only the fields that differ are written (so another device's change
    /// to other fields stays). An empty SKU keeps the current one.
    pub fn update_product(&mut self, id: Uuid, input: &ProductInput) -> Result<Product> {
        let current = self.product(id)?;
        let mut fields = validated(input)?;
        self.bundle_fields(&mut fields, &input.components, Some(id))?;
        if let Some((_, FieldValue::Text(sku))) = fields.iter_mut().find(|(k, _)| *k == "sku")
            && sku.is_empty()
        {
            sku.clone_from(&current.sku);
        }
        self.check_unique(&fields, Some(id))?;
        let before = self.stored_fields(id)?;
        let changed: Vec<(String, FieldValue)> = fields
            .into_iter()
            .filter(|(k, v)| before.iter().find(|(bk, _)| bk == k).is_none_or(|(_, bv)| bv != v))
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        if !changed.is_empty() {
            self.commit(Change::Lww {
                entity: EntityKind::Product,
                entity_id: id,
                patch: LwwPatch { fields: changed },
            })?;
        }
        self.product(id)
    }

    /// Archives (or restores) a product: hidden from the lists and the cashier, kept for
    /// history.
    pub fn set_product_active(&mut self, id: Uuid, active: bool) -> Result<Product> {
        let p = self.product(id)?;
        if active {
            self.check_unique(
                &[("sku", FieldValue::Text(p.sku.clone())), ("barcode", FieldValue::Text(p.barcode.clone()))],
                Some(id),
            )?;
        }
        let patch = LwwPatch { fields: vec![("active".into(), FieldValue::Int(i64::from(active)))] };
        self.commit(Change::Lww { entity: EntityKind::Product, entity_id: id, patch })?;
        self.product(id)
    }

    /// Sets a product's photo: the original is kept on this computer (next to the business
    /// file, in `<file>.foto/`), and a JPEG thumbnail of at most 50 KB syncs with the product.
    pub fn set_product_photo(&mut self, id: Uuid, bytes: &[u8]) -> Result<Product> {
        self.product(id)?;
        let thumbnail = crate::photo::thumbnail(bytes)?;
        let dir = crate::photo::originals_dir(self.path());
        std::fs::create_dir_all(&dir)?;
        let original = dir.join(format!("{}.{}", id.simple(), crate::photo::extension(bytes)));
        let tmp = original.with_extension("tmp");
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, &original)?;
        let patch = LwwPatch { fields: vec![("thumbnail".into(), FieldValue::Text(thumbnail))] };
        self.commit(Change::Lww { entity: EntityKind::Product, entity_id: id, patch })?;
        self.product(id)
    }

    /// Removes a product's photo (the original on this computer too).
    pub fn remove_product_photo(&mut self, id: Uuid) -> Result<Product> {
        self.product(id)?;
        let dir = crate::photo::originals_dir(self.path());
        for ext in ["jpg", "png", "webp"] {
            let _ = std::fs::remove_file(dir.join(format!("{}.{ext}", id.simple())));
        }
        let patch = LwwPatch { fields: vec![("thumbnail".into(), FieldValue::Text(String::new()))] };
        self.commit(Change::Lww { entity: EntityKind::Product, entity_id: id, patch })?;
        self.product(id)
    }

    /// A product's thumbnail as a `data:image/jpeg;base64,…` URL, if it has a photo.
    pub fn product_thumbnail(&self, id: Uuid) -> Result<Option<String>> {
        let t: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT thumbnail FROM product WHERE id = ?1")?
            .query_row([id.as_bytes().as_slice()], |r| r.get(0))
            .optional()?;
        Ok(t.flatten().filter(|t| !t.is_empty()))
    }

    /// Checks a paket's components and adds them to `fields` (a paket's own stock is not
    /// counted).
    fn bundle_fields(
        &self,
        fields: &mut Vec<(&'static str, FieldValue)>,
        components: &[(String, String)],
        this: Option<Uuid>,
    ) -> Result<()> {
        let mut items: Vec<(String, i64)> = Vec::new();
        for (product, qty) in components {
            if product.trim().is_empty() {
                continue;
            }
            let shown = format!("{} × {}", product.trim(), qty.trim());
            let p = self.find_product(product).map_err(|_| ProductError::BadComponent(shown.clone()))?;
            let q = Qty::parse(qty).map_err(|_| ProductError::BadComponent(shown.clone()))?;
            if q <= Qty::ZERO
                || Some(p.id) == this
                || !p.components.is_empty()
                || items.iter().any(|(i, _)| *i == p.id.to_string())
            {
                return Err(ProductError::BadComponent(shown).into());
            }
            items.push((p.id.to_string(), q.thousandths()));
        }
        if !items.is_empty()
            && let Some((_, tracked)) = fields.iter_mut().find(|(k, _)| *k == "tracked")
        {
            *tracked = FieldValue::Int(0);
        }
        let json = if items.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&items).map_err(|e| crate::CoreError::Corrupt(e.to_string()))?
        };
        fields.push(("components", FieldValue::Text(json)));
        Ok(())
    }

    fn check_unique(&self, fields: &[(&'static str, FieldValue)], except: Option<Uuid>) -> Result<()> {
        for (k, v) in fields {
            if let ("sku" | "barcode", FieldValue::Text(value)) = (*k, v)
                && self.taken(k, value, except)?
            {
                return Err(if *k == "sku" {
                    ProductError::DuplicateSku(value.clone())
                } else {
                    ProductError::DuplicateBarcode(value.clone())
                }
                .into());
            }
        }
        Ok(())
    }

    /// The stored values of a product's fields, as an edit compares them.
    pub(crate) fn stored_fields(&self, id: Uuid) -> Result<Vec<(&'static str, FieldValue)>> {
        let sql = format!("SELECT {} FROM product WHERE id = ?1", SPEC.fields.join(", "));
        let values: Vec<rusqlite::types::Value> = self
            .conn
            .prepare_cached(&sql)?
            .query_row([id.as_bytes().as_slice()], |r| (0..SPEC.fields.len()).map(|i| r.get(i)).collect())
            .optional()?
            .ok_or(ProductError::UnknownProduct)?;
        Ok(SPEC
            .fields
            .iter()
            .zip(values)
            .map(|(field, v)| {
                let value = match v {
                    rusqlite::types::Value::Integer(i) => FieldValue::Int(i),
                    rusqlite::types::Value::Text(t) => FieldValue::Text(t),
                    _ => FieldValue::Null,
                };
                (*field, value)
            })
            .collect())
    }

    /// A product named by its id, SKU or barcode.
    pub fn find_product(&self, text: &str) -> Result<Product> {
        let t = text.trim();
        if let Ok(id) = Uuid::parse_str(t) {
            return self.product(id);
        }
        let id: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT id FROM product WHERE (sku = ?1 OR barcode = ?1) ORDER BY COALESCE(active, 1) DESC LIMIT 1")?
            .query_row([t], |r| r.get(0))
            .optional()?;
        match id {
            Some(id) => self.product(uuid_col(&id)?),
            None => Err(ProductError::UnknownProduct.into()),
        }
    }

    /// Products whose name, SKU or barcode contains `query` (any case, accents ignored),
    /// exact SKU or barcode first, at most `limit`.
    pub fn search_products(&self, query: &str, limit: usize) -> Result<Vec<Product>> {
        let q = query.trim();
        if q.is_empty() {
            return Ok(self.products()?.into_iter().take(limit).collect());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut out: Vec<Product> = Vec::new();
        let push = |p: Product, out: &mut Vec<Product>| {
            if p.active && !out.iter().any(|x| x.id == p.id) {
                out.push(p);
            }
        };
        // A scanned barcode or typed SKU: exact match first.
        let mut exact =
            self.conn.prepare_cached(&format!("{PRODUCT_COLUMNS} WHERE barcode = ?1 OR sku = ?1 LIMIT 5"))?;
        for p in exact.query_map([q], product_row)? {
            if let Some(p) = p? {
                push(p, &mut out);
            }
        }
        if q.chars().count() >= 3 {
            // Trigram match: every 3-character piece of the query, as a phrase.
            let phrase = format!("\"{}\"", q.replace('"', "\"\""));
            let mut stmt = self.conn.prepare_cached(
                "SELECT p.id, p.name, p.sku, p.barcode, p.category, p.unit, p.price, p.tiers, p.description,
                        p.halal_no, p.bpom_no, p.expiry, p.warranty, p.tracked, p.min_stock, p.active, p.components,
                        COALESCE(s.qty, 0), COALESCE(s.avg_cost, 0), COALESCE(p.thumbnail, '') != ''
                 FROM product_fts f JOIN product p ON p.rowid = f.rowid
                 LEFT JOIN product_stock s ON s.product_id = p.id
                 WHERE product_fts MATCH ?1 AND COALESCE(p.active, 1) = 1 ORDER BY f.rank LIMIT ?2",
            )?;
            for p in stmt.query_map(params![phrase, limit], product_row)? {
                if let Some(p) = p? {
                    push(p, &mut out);
                }
            }
        } else {
            let mut stmt = self.conn.prepare_cached(&format!(
                "{PRODUCT_COLUMNS} WHERE name LIKE ?1 || '%' OR sku LIKE ?1 || '%' ORDER BY name COLLATE NOCASE LIMIT ?2"
            ))?;
            for p in stmt.query_map(params![q, limit], product_row)? {
                if let Some(p) = p? {
                    push(p, &mut out);
                }
            }
        }
        out.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(out)
    }
}
