//! Harga: the one place a sale's unit price is resolved ([`Store::price_for`]): the selling
//! price, a wholesale tier reached by the quantity, or a promo price for a period
//! ([`EntityKind::PriceRule`], last-writer-wins), whichever is lowest.

use crate::error::{Lang, Result};
use crate::lww::LwwSpec;
use crate::money::{Money, Qty};
use crate::oplog::{Change, uuid_col};
use crate::store::Store;
use jiff::civil::Date;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use usahaku_proto::{EntityKind, FieldValue, LwwPatch};
use uuid::Uuid;

/// Promo rules as last-writer-wins entities.
pub(crate) const SPEC: LwwSpec = LwwSpec {
    kind: EntityKind::PriceRule,
    table: "price_rule",
    fields: &["product_id", "name", "price", "start_date", "end_date", "active"],
};

/// Why a promo was refused. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PricingError {
    /// The promo price is not a number above zero.
    #[error("bad promo price {0}")]
    BadPrice(String),
    /// The promo price is not below the selling price.
    #[error("promo not cheaper")]
    NotCheaper,
    /// The period ends before it starts.
    #[error("period reversed")]
    PeriodReversed,
    /// A date could not be read.
    #[error("bad date {0}")]
    BadDate(String),
    /// No such promo.
    #[error("unknown promo")]
    UnknownRule,
}

impl PricingError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            PricingError::BadPrice(_) => "bad_promo_price",
            PricingError::NotCheaper => "promo_not_cheaper",
            PricingError::PeriodReversed => "period_reversed",
            PricingError::BadDate(_) => "bad_date",
            PricingError::UnknownRule => "unknown_promo",
        }
    }

    /// The input field the error is about.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            PricingError::BadPrice(_) | PricingError::NotCheaper => "price",
            PricingError::PeriodReversed => "end",
            PricingError::BadDate(_) => "start",
            PricingError::UnknownRule => return None,
        })
    }

    /// A message for the user.
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            PricingError::BadPrice(p) if id => {
                format!("Harga promo \"{p}\" tidak benar. Tulis angka lebih dari Rp0, misalnya 12.000.")
            }
            PricingError::BadPrice(p) => {
                format!("Promo price \"{p}\" is not right. Write more than Rp0, e.g. 12.000.")
            }
            PricingError::NotCheaper if id => "Harga promo harus lebih murah dari harga jual biasa.".into(),
            PricingError::NotCheaper => "The promo price must be below the usual selling price.".into(),
            PricingError::PeriodReversed if id => {
                "Tanggal selesai promo tidak boleh sebelum tanggal mulai.".into()
            }
            PricingError::PeriodReversed => "The promo cannot end before it starts.".into(),
            PricingError::BadDate(d) if id => {
                format!("Tanggal \"{d}\" tidak dikenali. Tulis seperti 30/11/2026.")
            }
            PricingError::BadDate(d) => format!("Date \"{d}\" not recognised. Write it like 30/11/2026."),
            PricingError::UnknownRule if id => "Promo tidak ditemukan.".into(),
            PricingError::UnknownRule => "Promo not found.".into(),
        }
    }
}

/// A promo price as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PromoInput {
    /// The product (id, SKU or barcode).
    pub product: String,
    /// Nama promo, e.g. "Promo Ramadan".
    pub name: String,
    /// Harga promo per unit as typed.
    pub price: String,
    /// First day; empty for today.
    pub start: String,
    /// Last day (inclusive).
    pub end: String,
}

/// A promo price for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Promo {
    /// Id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// The product.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product: Uuid,
    /// Nama promo.
    pub name: String,
    /// Harga promo.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub price: Money,
    /// First day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub start: Date,
    /// Last day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub end: Date,
    /// Not cancelled.
    pub active: bool,
}

code_enum!(
    /// Where a resolved price comes from.
    PriceSource {
        /// Harga jual.
        Normal = "normal",
        /// Harga grosir.
        Wholesale = "grosir",
        /// Harga promo.
        Promo = "promo",
    }
);

/// The unit price a sale of some quantity on some day uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PriceQuote {
    /// Price per unit.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub unit_price: Money,
    /// The usual selling price.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub normal_price: Money,
    /// Where the price comes from.
    pub source: PriceSource,
    /// The promo's name, when a promo applies.
    pub promo: Option<String>,
}

fn promo_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Option<Promo>> {
    let (Some(product), Some(price), Some(start), Some(end)) = (
        r.get::<_, Option<String>>(1)?.and_then(|t| Uuid::parse_str(&t).ok()),
        r.get::<_, Option<i64>>(3)?,
        r.get::<_, Option<String>>(4)?,
        r.get::<_, Option<String>>(5)?,
    ) else {
        return Ok(None);
    };
    let (Ok(start), Ok(end)) = (start.parse(), end.parse()) else { return Ok(None) };
    Ok(Some(Promo {
        id: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
        product,
        name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
        price: Money::from_rupiah(price),
        start,
        end,
        active: r.get::<_, Option<i64>>(6)?.unwrap_or(1) != 0,
    }))
}

const PROMO_COLUMNS: &str =
    "SELECT id, product_id, name, price, start_date, end_date, active FROM price_rule";

impl Store {
    /// Adds a promo price for a product and period.
    pub fn add_promo(&mut self, input: &PromoInput) -> Result<Promo> {
        let product = self.find_product(&input.product)?;
        let price = match Money::parse(&input.price) {
            Ok(p) if p > Money::ZERO => p,
            _ => return Err(PricingError::BadPrice(input.price.trim().to_owned()).into()),
        };
        if price >= product.price {
            return Err(PricingError::NotCheaper.into());
        }
        let date =
            |t: &str| crate::ledger::parse_date(t).map_err(|_| PricingError::BadDate(t.trim().to_owned()));
        let start = if input.start.trim().is_empty() { self.today()? } else { date(&input.start)? };
        let end = date(&input.end)?;
        if end < start {
            return Err(PricingError::PeriodReversed.into());
        }
        let name: String = input.name.trim().chars().filter(|c| !c.is_control()).take(80).collect();
        let name = if name.is_empty() { "Promo".to_owned() } else { name };
        let id = crate::clock::new_id(self.clock.as_ref());
        let fields = vec![
            ("product_id".into(), FieldValue::Text(product.id.to_string())),
            ("name".into(), FieldValue::Text(name)),
            ("price".into(), FieldValue::Int(price.rupiah())),
            ("start_date".into(), FieldValue::Text(start.to_string())),
            ("end_date".into(), FieldValue::Text(end.to_string())),
            ("active".into(), FieldValue::Int(1)),
        ];
        self.commit(Change::Lww {
            entity: EntityKind::PriceRule,
            entity_id: id,
            patch: LwwPatch { fields },
        })?;
        self.promo(id)
    }

    /// Cancels a promo.
    pub fn cancel_promo(&mut self, id: Uuid) -> Result<()> {
        self.promo(id)?;
        let patch = LwwPatch { fields: vec![("active".into(), FieldValue::Int(0))] };
        self.commit(Change::Lww { entity: EntityKind::PriceRule, entity_id: id, patch })?;
        Ok(())
    }

    /// One promo.
    pub fn promo(&self, id: Uuid) -> Result<Promo> {
        Ok(self
            .conn
            .prepare_cached(&format!("{PROMO_COLUMNS} WHERE id = ?1"))?
            .query_row([id.as_bytes().as_slice()], promo_row)
            .optional()?
            .flatten()
            .ok_or(PricingError::UnknownRule)?)
    }

    /// A product's active promos, latest start first.
    pub fn promos(&self, product: Uuid) -> Result<Vec<Promo>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{PROMO_COLUMNS} WHERE product_id = ?1 AND COALESCE(active, 1) = 1 ORDER BY start_date DESC"
        ))?;
        let rows = stmt.query_map([product.to_string()], promo_row)?;
        Ok(rows.filter_map(|r| r.transpose()).collect::<rusqlite::Result<_>>()?)
    }

    /// The unit price for `qty` of `product` on `date`: the lowest of the selling price, the
    /// wholesale tier the quantity reaches, and a promo running that day.
    pub fn price_for(&self, product: Uuid, qty: Qty, date: Date) -> Result<PriceQuote> {
        let p = self.product(product)?;
        let tier = p.unit_price(qty);
        let mut quote = PriceQuote {
            unit_price: tier,
            normal_price: p.price,
            source: if tier < p.price { PriceSource::Wholesale } else { PriceSource::Normal },
            promo: None,
        };
        let day = date.to_string();
        let promo: Option<(String, i64)> = self
            .conn
            .prepare_cached(
                "SELECT name, price FROM price_rule WHERE product_id = ?1 AND COALESCE(active, 1) = 1
                 AND start_date <= ?2 AND end_date >= ?2 AND price IS NOT NULL ORDER BY price LIMIT 1",
            )?
            .query_row(params![product.to_string(), day], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((name, price)) = promo
            && Money::from_rupiah(price) < quote.unit_price
        {
            quote.unit_price = Money::from_rupiah(price);
            quote.source = PriceSource::Promo;
            quote.promo = Some(name);
        }
        Ok(quote)
    }
}
