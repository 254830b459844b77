//! Promosi: a promo code for a period, for everyone or one customer segment, giving a percent
//! or a Rupiah amount off a nota or an order (with a minimum purchase). The cashier and the
//! order form apply it through [`Store::quote_sale`]; the nota records which promo it used,
//! so uses, discount given and revenue per promo can be reported. A promo is a
//! last-writer-wins entity ([`EntityKind::Promotion`]).

use crate::crm::{CrmError, Segment};
use crate::error::{Lang, Result};
use crate::lww::LwwSpec;
use crate::money::{AmountError, Money};
use crate::oplog::{Change, uuid_col};
use crate::store::Store;
use jiff::civil::Date;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use usahaku_proto::{EntityKind, FieldValue, LwwPatch};
use uuid::Uuid;

pub(crate) const PROMO_SPEC: LwwSpec = LwwSpec {
    kind: EntityKind::Promotion,
    table: "promotion",
    fields: &["name", "code", "kind", "value", "min_purchase", "date_from", "date_to", "segment", "active"],
};

code_enum!(
    /// How a promo discounts.
    PromoKind {
        /// A percent of the nota (after line discounts).
        Percent = "persen",
        /// A Rupiah amount off.
        Amount = "potongan",
    }
);

/// Why a promo was refused (or does not apply). Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PromoError {
    /// No promo with that code.
    #[error("unknown promo {0}")]
    UnknownCode(String),
    /// The code is used by another running promo.
    #[error("duplicate code {0}")]
    DuplicateCode(String),
    /// Not running on that date.
    #[error("not running")]
    NotRunning {
        /// From.
        from: Date,
        /// To.
        to: Date,
    },
    /// Only for customers of a segment.
    #[error("wrong segment")]
    WrongSegment(Segment),
    /// The nota is below the minimum purchase.
    #[error("below minimum")]
    BelowMinimum(Money),
    /// A name or code is missing, or a value out of range.
    #[error("bad promo {0}")]
    Bad(&'static str),
}

impl PromoError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            PromoError::UnknownCode(_) => "unknown_promo",
            PromoError::DuplicateCode(_) => "duplicate_code",
            PromoError::NotRunning { .. } => "promo_not_running",
            PromoError::WrongSegment(_) => "promo_wrong_segment",
            PromoError::BelowMinimum(_) => "promo_below_minimum",
            PromoError::Bad(_) => "bad_promo",
        }
    }

    /// The input field the error is about.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            PromoError::Bad(f) => f,
            PromoError::DuplicateCode(_) => "code",
            _ => "promo_code",
        })
    }

    /// A message for the user.
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        let date = crate::profile::format_date;
        match self {
            PromoError::UnknownCode(c) if id => format!("Kode promo \"{c}\" tidak ada."),
            PromoError::UnknownCode(c) => format!("There is no promo code \"{c}\"."),
            PromoError::DuplicateCode(c) if id => {
                format!("Kode \"{c}\" sudah dipakai promo lain yang masih berjalan.")
            }
            PromoError::DuplicateCode(c) => format!("Code \"{c}\" is used by another running promo."),
            PromoError::NotRunning { from, to } if id => {
                format!("Promo ini hanya berlaku {} sampai {}.", date(*from), date(*to))
            }
            PromoError::NotRunning { from, to } => {
                format!("This promo runs only from {} to {}.", date(*from), date(*to))
            }
            PromoError::WrongSegment(s) if id => {
                let label = match s {
                    Segment::Loyal => "Pelanggan setia",
                    Segment::New => "Baru",
                    Segment::AtRisk => "Berisiko hilang",
                    Segment::Inactive => "Tidak aktif",
                    Segment::Regular => "Reguler",
                };
                format!("Promo ini khusus pelanggan \"{label}\". Pilih pelanggan yang termasuk kelompok itu.")
            }
            PromoError::WrongSegment(s) => {
                format!("This promo is only for \"{}\" customers. Pick the customer first.", s.code())
            }
            PromoError::BelowMinimum(m) if id => format!("Promo ini berlaku untuk belanja minimal {m}."),
            PromoError::BelowMinimum(m) => format!("This promo needs a purchase of at least {m}."),
            PromoError::Bad("name") if id => "Nama promo wajib diisi.".into(),
            PromoError::Bad("code") if id => "Kode promo wajib diisi: huruf dan angka, tanpa spasi.".into(),
            PromoError::Bad("value") if id => {
                "Besar diskon tidak benar: persen 1–100, atau potongan lebih dari Rp0.".into()
            }
            PromoError::Bad("dates") if id => "Tanggal selesai tidak boleh sebelum tanggal mulai.".into(),
            PromoError::Bad(f) if id => format!("Isian promo \"{f}\" tidak benar."),
            PromoError::Bad(f) => format!("The promo's \"{f}\" is not right."),
        }
    }
}

/// A promo, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PromoCodeInput {
    /// Nama promo.
    pub name: String,
    /// Kode (letters and digits; stored upper case).
    pub code: String,
    /// persen or potongan.
    pub kind: String,
    /// Percent (1–100) or Rupiah, as typed.
    pub value: String,
    /// Minimal belanja in Rupiah; empty for none.
    pub min_purchase: String,
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// Only for this segment (code); empty for everyone.
    pub segment: String,
}

/// A promo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PromoCode {
    /// Id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// Nama.
    pub name: String,
    /// Kode.
    pub code: String,
    /// How it discounts.
    pub kind: PromoKind,
    /// Percent or Rupiah.
    pub value: i64,
    /// Minimal belanja.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub min_purchase: Money,
    /// First day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub from: Date,
    /// Last day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub to: Date,
    /// Only for this segment.
    pub segment: Option<Segment>,
    /// Running (not stopped).
    pub active: bool,
}

/// Uses of a promo over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PromoCodeUse {
    /// The promo.
    pub promo: PromoCode,
    /// Notas and orders that used it (cancelled ones not counted).
    pub uses: u32,
    /// Discount given.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub discount: Money,
    /// Revenue of those notas (after every discount).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub revenue: Money,
}

fn promo_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PromoCode> {
    let date = |i: usize| -> rusqlite::Result<Date> {
        Ok(r.get::<_, Option<String>>(i)?.and_then(|d| d.parse().ok()).unwrap_or_default())
    };
    Ok(PromoCode {
        id: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
        name: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
        code: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
        kind: r
            .get::<_, Option<String>>(3)?
            .and_then(|k| PromoKind::from_code(&k))
            .unwrap_or(PromoKind::Amount),
        value: r.get::<_, Option<i64>>(4)?.unwrap_or(0),
        min_purchase: Money::from_rupiah(r.get::<_, Option<i64>>(5)?.unwrap_or(0)),
        from: date(6)?,
        to: date(7)?,
        segment: r.get::<_, Option<String>>(8)?.and_then(|s| Segment::from_code(&s)),
        active: r.get::<_, Option<i64>>(9)?.unwrap_or(1) != 0,
    })
}

const PROMO_COLUMNS: &str =
    "SELECT id, name, code, kind, value, min_purchase, date_from, date_to, segment, active FROM promotion";

impl Store {
    /// Adds a promo.
    pub fn add_promo_code(&mut self, input: &PromoCodeInput) -> Result<PromoCode> {
        let name: String = input.name.trim().chars().filter(|c| !c.is_control()).take(80).collect();
        if name.is_empty() {
            return Err(PromoError::Bad("name").into());
        }
        let code: String = input.code.trim().to_uppercase();
        if code.is_empty() || code.len() > 20 || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(PromoError::Bad("code").into());
        }
        let kind = PromoKind::from_code(input.kind.trim()).ok_or(PromoError::Bad("kind"))?;
        let value = match kind {
            PromoKind::Percent => input
                .value
                .trim()
                .trim_end_matches('%')
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|v| (1..=100).contains(v)),
            PromoKind::Amount => Money::parse(&input.value).ok().map(Money::rupiah).filter(|v| *v > 0),
        }
        .ok_or(PromoError::Bad("value"))?;
        let min = match Money::parse(&input.min_purchase) {
            Err(AmountError::Empty) => Money::ZERO,
            Ok(m) if m >= Money::ZERO => m,
            _ => return Err(PromoError::Bad("min_purchase").into()),
        };
        let from = crate::ledger::parse_date(&input.from)
            .map_err(|_| CrmError::BadDate(input.from.trim().to_owned()))?;
        let to = crate::ledger::parse_date(&input.to)
            .map_err(|_| CrmError::BadDate(input.to.trim().to_owned()))?;
        if to < from {
            return Err(PromoError::Bad("dates").into());
        }
        let segment = match input.segment.trim() {
            "" => String::new(),
            s => Segment::from_code(s).ok_or_else(|| CrmError::UnknownValue(s.to_owned()))?.code().to_owned(),
        };
        if self.promo_codes()?.iter().any(|p| p.active && p.code == code && p.to >= from && p.from <= to) {
            return Err(PromoError::DuplicateCode(code).into());
        }
        let fields = vec![
            ("name".into(), FieldValue::Text(name)),
            ("code".into(), FieldValue::Text(code)),
            ("kind".into(), FieldValue::Text(kind.code().into())),
            ("value".into(), FieldValue::Int(value)),
            ("min_purchase".into(), FieldValue::Int(min.rupiah())),
            ("date_from".into(), FieldValue::Text(from.to_string())),
            ("date_to".into(), FieldValue::Text(to.to_string())),
            ("segment".into(), FieldValue::Text(segment)),
            ("active".into(), FieldValue::Int(1)),
        ];
        let id = crate::clock::new_id(self.clock.as_ref());
        self.commit(Change::Lww {
            entity: EntityKind::Promotion,
            entity_id: id,
            patch: LwwPatch { fields },
        })?;
        self.promo_code(id)
    }

    /// Stops (or restarts) a promo.
    pub fn set_promo_code_active(&mut self, id: Uuid, active: bool) -> Result<PromoCode> {
        self.promo_code(id)?;
        let patch = LwwPatch { fields: vec![("active".into(), FieldValue::Int(i64::from(active)))] };
        self.commit(Change::Lww { entity: EntityKind::Promotion, entity_id: id, patch })?;
        self.promo_code(id)
    }

    /// One promo.
    pub fn promo_code(&self, id: Uuid) -> Result<PromoCode> {
        self.conn
            .prepare_cached(&format!("{PROMO_COLUMNS} WHERE id = ?1 AND name IS NOT NULL"))?
            .query_row([id.as_bytes().as_slice()], promo_row)
            .optional()?
            .ok_or_else(|| PromoError::UnknownCode(id.to_string()).into())
    }

    /// Every promo, newest period first; the same code from the same day (made on two
    /// computers offline) in the order they were made (ids are time-ordered), so every
    /// computer applies the same one of them.
    pub fn promo_codes(&self) -> Result<Vec<PromoCode>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{PROMO_COLUMNS} WHERE name IS NOT NULL ORDER BY date_from DESC, code, id"
        ))?;
        Ok(stmt.query_map([], promo_row)?.collect::<rusqlite::Result<_>>()?)
    }

    /// The discount promo `code` gives a nota of `after_lines` (after line discounts) on
    /// `date` for `customer`, checked: running, segment, minimum purchase.
    pub(crate) fn promo_code_discount(
        &self,
        code: &str,
        date: Date,
        customer: Option<Uuid>,
        after_lines: Money,
    ) -> Result<(PromoCode, Money)> {
        let code = code.trim().to_uppercase();
        let candidates: Vec<PromoCode> =
            self.promo_codes()?.into_iter().filter(|p| p.active && p.code == code).collect();
        let promo = match candidates.iter().find(|p| p.from <= date && date <= p.to) {
            Some(p) => p.clone(),
            None => {
                return Err(match candidates.first() {
                    Some(p) => PromoError::NotRunning { from: p.from, to: p.to },
                    None => PromoError::UnknownCode(code),
                }
                .into());
            }
        };
        if let Some(segment) = promo.segment {
            let theirs = match customer {
                Some(c) => Some(self.customer_summary(c)?.segment),
                None => None,
            };
            if theirs != Some(segment) {
                return Err(PromoError::WrongSegment(segment).into());
            }
        }
        if after_lines < promo.min_purchase {
            return Err(PromoError::BelowMinimum(promo.min_purchase).into());
        }
        let off = match promo.kind {
            PromoKind::Percent => Money::from_rupiah(after_lines.rupiah().saturating_mul(promo.value) / 100),
            PromoKind::Amount => Money::from_rupiah(promo.value).min(after_lines),
        };
        Ok((promo, off))
    }

    /// The id of the running promo with `code` on `date`.
    pub(crate) fn running_promo_code(&self, code: Option<&str>, date: Date) -> Result<Option<Uuid>> {
        let Some(code) = code else { return Ok(None) };
        Ok(self
            .promo_codes()?
            .into_iter()
            .find(|p| p.active && p.code == code && p.from <= date && date <= p.to)
            .map(|p| p.id))
    }

    /// Uses, discount given and revenue per promo over a period (notas and orders taken in it;
    /// cancelled ones not counted).
    pub fn promo_code_report(&self, from: Date, to: Date) -> Result<Vec<PromoCodeUse>> {
        let (lo, hi) = (from.to_string(), to.to_string());
        let mut out = Vec::new();
        for promo in self.promo_codes()? {
            let key = promo.id.as_bytes().to_vec();
            let (uses, discount, revenue): (i64, i64, i64) = self
                .conn
                .prepare_cached(
                    "SELECT COUNT(*), COALESCE(SUM(d), 0), COALESCE(SUM(t), 0) FROM (
                        SELECT promo_discount AS d, total AS t FROM sale
                        WHERE promo_id = ?1 AND reverses IS NULL AND NOT cancelled AND date BETWEEN ?2 AND ?3
                        UNION ALL
                        SELECT o.promo_discount, o.total FROM customer_order o
                        WHERE o.promo_id = ?1 AND o.date BETWEEN ?2 AND ?3
                          AND NOT EXISTS (SELECT 1 FROM order_event c WHERE c.order_id = o.id AND c.kind = 'cancel'))",
                )?
                .query_row(rusqlite::params![key, lo, hi], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            out.push(PromoCodeUse {
                promo,
                uses: u32::try_from(uses).unwrap_or(u32::MAX),
                discount: Money::from_rupiah(discount),
                revenue: Money::from_rupiah(revenue),
            });
        }
        Ok(out)
    }
}
