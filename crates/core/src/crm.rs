//! Pelanggan (CRM): customers, their history and open balance, merging duplicates, inquiries
//! and complaints, loyalty points and segments.
//!
//! * A customer is a last-writer-wins entity ([`EntityKind::Customer`]). Merging B into A sets
//!   B's `merged_into` to A (an op like any other), so everything that points at B — a sale or
//!   order recorded offline on another device before the merge arrived — counts for A on every
//!   device once the ops meet. Nothing is moved or deleted.
//! * Sales and orders carry the customer's id; history, totals and segments are read from them.
//! * Loyalty points are append-only movements ([`EntityKind::LoyaltyPoints`]): the balance is
//!   their sum, never a number two devices overwrite. Redeemed points are a discount on the
//!   nota (Dr Diskon penjualan), posted with the sale.
//! * Inquiries, complaints and feedback ([`EntityKind::Interaction`]) are last-writer-wins
//!   records whose status only moves forward; closing one also stamps `closed_ms`, so a close
//!   made on one device is never undone by an older "diproses" from another.

use crate::error::{Lang, Result};
use crate::lww::LwwSpec;
use crate::money::Money;
use crate::oplog::{ApplyTx, Change, uuid_col};
use crate::store::Store;
use jiff::civil::Date;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use usahaku_proto::{EntityKind, FieldValue, LwwPatch, decode_payload, encode_payload};
use uuid::Uuid;

pub(crate) const CUSTOMER_SPEC: LwwSpec = LwwSpec {
    kind: EntityKind::Customer,
    table: "customer",
    fields: &["name", "phone", "address", "birthday", "tags", "notes", "source", "merged_into", "active"],
};

pub(crate) const INTERACTION_SPEC: LwwSpec = LwwSpec {
    kind: EntityKind::Interaction,
    table: "interaction",
    fields: &[
        "customer",
        "kind",
        "channel",
        "subject",
        "status",
        "response",
        "opened_ms",
        "responded_ms",
        "closed_ms",
        "follow_up",
        "follow_up_done",
    ],
};

code_enum!(
    /// What a customer got in touch about.
    InteractionKind {
        /// Pertanyaan.
        Question = "pertanyaan",
        /// Keluhan.
        Complaint = "keluhan",
        /// Masukan.
        Feedback = "masukan",
    }
);

code_enum!(
    /// Where an inquiry or complaint is.
    InteractionStatus {
        /// Baru.
        New = "baru",
        /// Diproses.
        InProgress = "diproses",
        /// Selesai.
        Done = "selesai",
    }
);

impl InteractionStatus {
    fn rank(self) -> u8 {
        match self {
            InteractionStatus::New => 0,
            InteractionStatus::InProgress => 1,
            InteractionStatus::Done => 2,
        }
    }
}

code_enum!(
    /// A group of customers by their purchases (recency, frequency, money).
    Segment {
        /// Pelanggan setia: buys often and recently.
        Loyal = "setia",
        /// Baru: first purchase (or added) recently.
        New = "baru",
        /// Berisiko hilang: has not bought for a while.
        AtRisk = "berisiko",
        /// Tidak aktif: has not bought for a long time, or never.
        Inactive = "tidak_aktif",
        /// Reguler: everyone else.
        Regular = "reguler",
    }
);

/// Why a CRM action was refused. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CrmError {
    /// A customer needs a name.
    #[error("name required")]
    NameRequired,
    /// No such customer.
    #[error("unknown customer {0}")]
    UnknownCustomer(String),
    /// The phone belongs to another customer already.
    #[error("duplicate phone")]
    DuplicatePhone {
        /// The customer who has it.
        name: String,
    },
    /// A customer cannot be merged into itself (or into one merged into it).
    #[error("same customer")]
    SameCustomer,
    /// A birthday that is not a date.
    #[error("bad date {0}")]
    BadDate(String),
    /// No such inquiry or complaint.
    #[error("unknown interaction")]
    UnknownInteraction,
    /// The text of an inquiry or complaint is empty.
    #[error("subject required")]
    SubjectRequired,
    /// A status that would move back.
    #[error("status backwards")]
    StatusBackwards {
        /// Now.
        from: InteractionStatus,
        /// Asked for.
        to: InteractionStatus,
    },
    /// A number of points that is not a whole number of 0 or more.
    #[error("bad points {0}")]
    BadPoints(String),
    /// More points asked for than the customer has.
    #[error("not enough points")]
    NotEnoughPoints {
        /// Balance.
        have: i64,
        /// Asked for.
        asked: i64,
    },
    /// Points redeemed with loyalty switched off, or without a customer.
    #[error("loyalty off")]
    LoyaltyOff,
    /// A CRM setting out of range.
    #[error("bad setting {0}")]
    BadSetting(String),
    /// A value that is not one of the allowed codes.
    #[error("unknown value {0}")]
    UnknownValue(String),
}

impl CrmError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            CrmError::NameRequired => "name_required",
            CrmError::UnknownCustomer(_) => "unknown_customer",
            CrmError::DuplicatePhone { .. } => "duplicate_phone",
            CrmError::SameCustomer => "same_customer",
            CrmError::BadDate(_) => "bad_date",
            CrmError::UnknownInteraction => "unknown_interaction",
            CrmError::SubjectRequired => "subject_required",
            CrmError::StatusBackwards { .. } => "status_backwards",
            CrmError::BadPoints(_) => "bad_points",
            CrmError::NotEnoughPoints { .. } => "not_enough_points",
            CrmError::LoyaltyOff => "loyalty_off",
            CrmError::BadSetting(_) => "bad_setting",
            CrmError::UnknownValue(_) => "unknown_value",
        }
    }

    /// The input field the error is about.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            CrmError::NameRequired => "name",
            CrmError::DuplicatePhone { .. } => "phone",
            CrmError::BadDate(_) => "birthday",
            CrmError::SubjectRequired => "subject",
            CrmError::BadPoints(_) | CrmError::NotEnoughPoints { .. } | CrmError::LoyaltyOff => "points",
            CrmError::BadSetting(_) => "settings",
            _ => return None,
        })
    }

    /// A message for the user.
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            CrmError::NameRequired if id => "Nama pelanggan wajib diisi.".into(),
            CrmError::NameRequired => "A customer name is required.".into(),
            CrmError::UnknownCustomer(t) if id => format!("Pelanggan \"{t}\" tidak ditemukan."),
            CrmError::UnknownCustomer(t) => format!("Customer \"{t}\" not found."),
            CrmError::DuplicatePhone { name } if id => {
                format!(
                    "Nomor ini sudah dipakai pelanggan {name}. Buka pelanggan itu, atau gabungkan keduanya."
                )
            }
            CrmError::DuplicatePhone { name } => {
                format!(
                    "This number belongs to customer {name} already. Open that customer, or merge the two."
                )
            }
            CrmError::SameCustomer if id => "Pelanggan tidak bisa digabung dengan dirinya sendiri.".into(),
            CrmError::SameCustomer => "A customer cannot be merged with itself.".into(),
            CrmError::BadDate(t) if id => {
                format!("Tanggal \"{t}\" tidak dikenali. Tulis seperti 17/08/1990.")
            }
            CrmError::BadDate(t) => format!("Date \"{t}\" is not recognised. Write it like 17/08/1990."),
            CrmError::UnknownInteraction if id => "Catatan layanan tidak ditemukan.".into(),
            CrmError::UnknownInteraction => "Service record not found.".into(),
            CrmError::SubjectRequired if id => "Tulis isi pertanyaan atau keluhannya.".into(),
            CrmError::SubjectRequired => "Write what the question or complaint is about.".into(),
            CrmError::StatusBackwards { from, to } if id => {
                format!("Status tidak bisa mundur dari \"{}\" ke \"{}\".", from.code(), to.code())
            }
            CrmError::StatusBackwards { from, to } => {
                format!("The status cannot move back from \"{}\" to \"{}\".", from.code(), to.code())
            }
            CrmError::BadPoints(t) if id => {
                format!("Poin \"{t}\" tidak benar. Tulis bilangan bulat 0 atau lebih.")
            }
            CrmError::BadPoints(t) => {
                format!("Points \"{t}\" is not right. Write a whole number, 0 or more.")
            }
            CrmError::NotEnoughPoints { have, asked } if id => {
                format!("Poin tidak cukup: pelanggan punya {have} poin, diminta {asked}.")
            }
            CrmError::NotEnoughPoints { have, asked } => {
                format!("Not enough points: the customer has {have}, {asked} asked for.")
            }
            CrmError::LoyaltyOff if id => {
                "Poin hanya bisa ditukar untuk pelanggan terdaftar saat program poin aktif.".into()
            }
            CrmError::LoyaltyOff => {
                "Points can be redeemed only for a known customer with loyalty switched on.".into()
            }
            CrmError::BadSetting(t) if id => format!("Pengaturan \"{t}\" tidak benar."),
            CrmError::BadSetting(t) => format!("Setting \"{t}\" is not right."),
            CrmError::UnknownValue(t) if id => format!("Nilai \"{t}\" tidak dikenal."),
            CrmError::UnknownValue(t) => format!("Unknown value \"{t}\"."),
        }
    }
}

/// A customer, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CustomerInput {
    /// Nama.
    pub name: String,
    /// Nomor HP/WA in any usual form (normalised to 62…); empty for none.
    pub phone: String,
    /// Alamat (one or more lines).
    pub address: String,
    /// Tanggal lahir; empty for none.
    pub birthday: String,
    /// Label, separated by commas.
    pub tags: String,
    /// Catatan.
    pub notes: String,
    /// Where the customer came from (a [`crate::orders::Channel`] code); empty for toko.
    pub source: String,
}

/// A customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Customer {
    /// Id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// Nama.
    pub name: String,
    /// `62…` or empty.
    pub phone: String,
    /// Alamat.
    pub address: String,
    /// Tanggal lahir.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub birthday: Option<Date>,
    /// Label.
    pub tags: Vec<String>,
    /// Catatan.
    pub notes: String,
    /// Channel code.
    pub source: String,
    /// When merged: the customer it was merged into.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub merged_into: Option<Uuid>,
}

/// A customer with figures from their purchases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CustomerSummary {
    /// The customer.
    pub customer: Customer,
    /// Notas and delivered orders (cancellations not counted).
    pub purchases: u32,
    /// Net spent (returns and cancellations subtracted).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total: Money,
    /// Rata-rata belanja.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub average: Money,
    /// First purchase.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub first_purchase: Option<Date>,
    /// Last purchase.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub last_purchase: Option<Date>,
    /// What the customer still owes on orders.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub open_balance: Money,
    /// Loyalty points.
    pub points: i64,
    /// Segment today.
    pub segment: Segment,
}

/// One line of a customer's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistoryItem {
    /// Date.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// nota, retur, batal or pesanan.
    pub kind: String,
    /// Nota or order number.
    pub number: String,
    /// What was bought (names, shortened).
    pub items: String,
    /// Total (negative for a return or cancellation).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total: Money,
    /// For an order: its status.
    pub status: String,
    /// The nota or order id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
}

/// A customer's page: figures, purchases, service records and points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CustomerPage {
    /// Figures.
    pub summary: CustomerSummary,
    /// Purchases, newest first.
    pub history: Vec<HistoryItem>,
    /// Inquiries, complaints and feedback, newest first.
    pub interactions: Vec<Interaction>,
    /// Points history, newest first.
    pub points: Vec<PointMovement>,
    /// A WhatsApp link to the customer (empty without a phone).
    pub whatsapp: String,
}

/// A loyalty points movement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PointMovement {
    /// Date.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// Points (negative when redeemed or taken back).
    pub points: i64,
    /// belanja, tukar, batal, retur.
    pub reason: String,
    /// The nota.
    pub number: String,
}

/// An inquiry, complaint or feedback, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InteractionInput {
    /// The customer (id, phone or name).
    pub customer: String,
    /// pertanyaan, keluhan or masukan.
    pub kind: String,
    /// A [`crate::orders::Channel`] code; empty for toko.
    pub channel: String,
    /// What it is about.
    pub subject: String,
    /// Tindak lanjut date; empty for none.
    pub follow_up: String,
}

/// An inquiry, complaint or feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Interaction {
    /// Id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// The customer.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub customer: Uuid,
    /// Their name.
    pub customer_name: String,
    /// pertanyaan, keluhan or masukan.
    pub kind: String,
    /// Channel code.
    pub channel: String,
    /// What it is about.
    pub subject: String,
    /// baru, diproses or selesai.
    pub status: InteractionStatus,
    /// The answer given.
    pub response: String,
    /// When it came in (ms since 1970).
    pub opened_ms: i64,
    /// Minutes from coming in to the first answer (or to being closed).
    pub response_minutes: Option<i64>,
    /// Tindak lanjut date.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub follow_up: Option<Date>,
    /// The tindak lanjut was done.
    pub follow_up_done: bool,
}

/// Loyalty and segment settings. Loyalty is off until `rupiah_per_point` is above 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CrmSettings {
    /// One point for every this many Rupiah of a nota's total (0: loyalty off).
    pub rupiah_per_point: i64,
    /// What one point is worth when redeemed, in Rupiah.
    pub point_value: i64,
    /// Baru: first purchase within this many days.
    pub new_days: i64,
    /// Berisiko hilang: no purchase for more than this many days.
    pub at_risk_days: i64,
    /// Tidak aktif: no purchase for more than this many days.
    pub inactive_days: i64,
    /// Pelanggan setia: at least this many purchases (and bought recently).
    pub loyal_purchases: i64,
}

impl Default for CrmSettings {
    fn default() -> Self {
        CrmSettings {
            rupiah_per_point: 0,
            point_value: 0,
            new_days: 30,
            at_risk_days: 60,
            inactive_days: 180,
            loyal_purchases: 5,
        }
    }
}

impl CrmSettings {
    /// The segment of a customer with these purchase figures on `today`. A customer without
    /// purchases is Baru while added within `new_days`, then Tidak aktif.
    pub fn segment(
        &self,
        today: Date,
        first: Option<Date>,
        last: Option<Date>,
        purchases: u32,
        added: Date,
    ) -> Segment {
        let days = |d: Date| (today - d).get_days().into();
        let since = |d: Date| -> i64 { days(d) };
        match (first, last) {
            (Some(first), Some(last)) => {
                let quiet = since(last);
                if quiet > self.inactive_days {
                    Segment::Inactive
                } else if quiet > self.at_risk_days {
                    Segment::AtRisk
                } else if since(first) <= self.new_days {
                    Segment::New
                } else if i64::from(purchases) >= self.loyal_purchases {
                    Segment::Loyal
                } else {
                    Segment::Regular
                }
            }
            _ if since(added) <= self.new_days => Segment::New,
            _ => Segment::Inactive,
        }
    }
}

/// The op payload of a loyalty points movement. **Frozen** (postcard, by position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PointsPayload {
    pub(crate) customer: Uuid,
    pub(crate) date: String,
    pub(crate) points: i64,
    /// belanja, tukar, batal, retur
    pub(crate) reason: String,
    pub(crate) sale: Option<Uuid>,
}

pub(crate) fn apply_points(atx: &ApplyTx<'_>) -> Result<()> {
    let op = atx.op();
    let p: PointsPayload =
        decode_payload(&op.payload).map_err(|e| crate::CoreError::Corrupt(e.to_string()))?;
    atx.conn()
        .prepare_cached(
            "INSERT INTO loyalty_point (id, customer_id, date, points, reason, sale_id, hlc)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            op.entity_id.as_bytes().as_slice(),
            p.customer.as_bytes().as_slice(),
            p.date,
            p.points,
            p.reason,
            p.sale.map(|u| u.as_bytes().to_vec()),
            op.hlc.to_sortable(),
        ])?;
    Ok(())
}

/// A points movement as a change.
pub(crate) fn points_change(p: &PointsPayload, clock: &dyn crate::Clock) -> Change {
    Change::Append {
        entity: EntityKind::LoyaltyPoints,
        entity_id: crate::clock::new_id(clock),
        payload: encode_payload(p),
    }
}

fn clean(text: &str, max: usize) -> String {
    text.trim().chars().filter(|c| !c.is_control() || *c == '\n').take(max).collect()
}

fn customer_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Customer> {
    let tags: String = r.get::<_, Option<String>>(5)?.unwrap_or_default();
    Ok(Customer {
        id: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
        name: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
        phone: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
        address: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
        birthday: r.get::<_, Option<String>>(4)?.and_then(|d| d.parse().ok()),
        tags: tags.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect(),
        notes: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
        source: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
        merged_into: r.get::<_, Option<String>>(8)?.and_then(|t| Uuid::parse_str(&t).ok()),
    })
}

const CUSTOMER_COLUMNS: &str = "SELECT c.id, c.name, c.phone, c.address, c.birthday, c.tags, c.notes, c.source, c.merged_into FROM customer c";

/// `?,?,?` for `n` values.
fn placeholders(n: usize) -> String {
    vec!["?"; n].join(",")
}

impl Store {
    fn customer_fields(
        &self,
        input: &CustomerInput,
        except: Option<Uuid>,
    ) -> Result<Vec<(String, FieldValue)>> {
        let name = clean(&input.name, 120).replace('\n', " ");
        if name.is_empty() {
            return Err(CrmError::NameRequired.into());
        }
        let phone = if input.phone.trim().is_empty() {
            String::new()
        } else {
            crate::profile::normalize_phone(&input.phone).map_err(|problem| crate::CoreError::Invalid {
                field: crate::error::ProfileField::Phone,
                problem,
            })?
        };
        if let Some(other) =
            (!phone.is_empty()).then(|| self.customer_by_phone(&phone)).transpose()?.flatten()
        {
            let root = self.customer(self.customer_root(other.id)?)?;
            if Some(root.id) != except && Some(other.id) != except {
                return Err(CrmError::DuplicatePhone { name: root.name }.into());
            }
        }
        let birthday = if input.birthday.trim().is_empty() {
            String::new()
        } else {
            crate::ledger::parse_date(&input.birthday)
                .map_err(|_| CrmError::BadDate(input.birthday.trim().to_owned()))?
                .to_string()
        };
        let source = if input.source.trim().is_empty() {
            crate::orders::Channel::Shop
        } else {
            crate::orders::Channel::from_code(input.source.trim())
                .ok_or_else(|| CrmError::UnknownValue(input.source.trim().to_owned()))?
        };
        let tags: Vec<String> = input
            .tags
            .split(',')
            .map(|t| clean(t, 40).replace('\n', " "))
            .filter(|t| !t.is_empty())
            .collect();
        Ok(vec![
            ("name".into(), FieldValue::Text(name)),
            ("phone".into(), FieldValue::Text(phone)),
            ("address".into(), FieldValue::Text(clean(&input.address, 300))),
            ("birthday".into(), FieldValue::Text(birthday)),
            ("tags".into(), FieldValue::Text(tags.join(", "))),
            ("notes".into(), FieldValue::Text(clean(&input.notes, 1000))),
            ("source".into(), FieldValue::Text(source.code().into())),
        ])
    }

    /// Adds a customer. A phone another customer has is refused (open that one, or merge).
    pub fn add_customer(&mut self, input: &CustomerInput) -> Result<Customer> {
        let mut fields = self.customer_fields(input, None)?;
        fields.push(("active".into(), FieldValue::Int(1)));
        let id = crate::clock::new_id(self.clock.as_ref());
        self.commit(Change::Lww { entity: EntityKind::Customer, entity_id: id, patch: LwwPatch { fields } })?;
        self.customer(id)
    }

    /// Changes a customer (only the fields that changed become ops).
    pub fn update_customer(&mut self, id: Uuid, input: &CustomerInput) -> Result<Customer> {
        let current = self.customer(id)?;
        let fields = self.customer_fields(input, Some(id))?;
        let old: Vec<FieldValue> = vec![
            FieldValue::Text(current.name.clone()),
            FieldValue::Text(current.phone.clone()),
            FieldValue::Text(current.address.clone()),
            FieldValue::Text(current.birthday.map(|d| d.to_string()).unwrap_or_default()),
            FieldValue::Text(current.tags.join(", ")),
            FieldValue::Text(current.notes.clone()),
            FieldValue::Text(current.source.clone()),
        ];
        let changed: Vec<(String, FieldValue)> =
            fields.into_iter().zip(old).filter(|((_, v), o)| v != o).map(|(f, _)| f).collect();
        if !changed.is_empty() {
            self.commit(Change::Lww {
                entity: EntityKind::Customer,
                entity_id: id,
                patch: LwwPatch { fields: changed },
            })?;
        }
        self.customer(id)
    }

    /// One customer (merged ones too: see [`Customer::merged_into`]).
    pub fn customer(&self, id: Uuid) -> Result<Customer> {
        self.conn
            .prepare_cached(&format!("{CUSTOMER_COLUMNS} WHERE c.id = ?1 AND c.name IS NOT NULL"))?
            .query_row([id.as_bytes().as_slice()], customer_row)
            .optional()?
            .ok_or_else(|| CrmError::UnknownCustomer(id.to_string()).into())
    }

    fn customer_by_phone(&self, phone: &str) -> Result<Option<Customer>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "{CUSTOMER_COLUMNS} WHERE c.phone = ?1 AND (c.merged_into IS NOT NULL OR COALESCE(c.active, 1) = 1)
                 ORDER BY c.merged_into IS NOT NULL, c.id LIMIT 1"
            ))?
            .query_row([phone], customer_row)
            .optional()?)
    }

    /// The customer a merged one ended up in (itself when not merged).
    pub fn customer_root(&self, id: Uuid) -> Result<Uuid> {
        // Merges are few: read them all and follow them in memory (one rule for cycles).
        Ok(self.merged_roots()?.root(id))
    }

    /// Every merge, read once, to resolve many customers without a query each.
    fn merged_roots(&self) -> Result<Roots> {
        let mut merged: std::collections::HashMap<Uuid, Uuid> = std::collections::HashMap::new();
        let mut m =
            self.conn.prepare_cached("SELECT id, merged_into FROM customer WHERE merged_into IS NOT NULL")?;
        for r in m.query_map([], |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, String>(1)?)))? {
            let (id, into) = r?;
            if let Ok(into) = Uuid::parse_str(&into) {
                merged.insert(uuid_col(&id)?, into);
            }
        }
        Ok(Roots(merged))
    }

    /// `id` and every customer merged into it, directly or through another.
    pub fn customer_family(&self, id: Uuid) -> Result<Vec<Uuid>> {
        let mut family = vec![id];
        let mut i = 0;
        while i < family.len() && family.len() < 256 {
            let text = family[i].to_string();
            let mut stmt = self.conn.prepare_cached("SELECT id FROM customer WHERE merged_into = ?1")?;
            for r in stmt.query_map([text], |r| r.get::<_, Vec<u8>>(0))? {
                let child = uuid_col(&r?)?;
                if !family.contains(&child) {
                    family.push(child);
                }
            }
            i += 1;
        }
        Ok(family)
    }

    /// A customer by id, phone (any usual form) or exact name; a merged one gives the customer
    /// it was merged into.
    pub fn find_customer(&self, text: &str) -> Result<Customer> {
        let t = text.trim();
        let found = if let Ok(id) = Uuid::parse_str(t) {
            Some(self.customer(id)?)
        } else if let Ok(phone) = crate::profile::normalize_phone(t) {
            self.customer_by_phone(&phone)?
        } else {
            None
        };
        let found = match found {
            Some(c) => Some(c),
            None => self
                .conn
                .prepare_cached(&format!(
                    "{CUSTOMER_COLUMNS} WHERE c.name = ?1 COLLATE NOCASE AND c.merged_into IS NULL ORDER BY c.id LIMIT 1"
                ))?
                .query_row([t], customer_row)
                .optional()?,
        };
        let c = found.ok_or_else(|| CrmError::UnknownCustomer(t.to_owned()))?;
        match c.merged_into {
            Some(_) => self.customer(self.customer_root(c.id)?),
            None => Ok(c),
        }
    }

    /// Customers whose name or phone contains `query` (partial words; case and accents
    /// ignored; a phone in any usual form), merged ones left out.
    pub fn search_customers(&self, query: &str, limit: usize) -> Result<Vec<Customer>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let q = query.trim();
        // A phone typed as 0812… or +62 812…: search its national digits.
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        let q = if !digits.is_empty() && q.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)) {
            digits.strip_prefix("62").or_else(|| digits.strip_prefix('0')).unwrap_or(&digits).to_owned()
        } else {
            q.to_owned()
        };
        let active = "c.merged_into IS NULL AND COALESCE(c.active, 1) = 1";
        if q.is_empty() {
            let mut stmt = self.conn.prepare_cached(&format!(
                "{CUSTOMER_COLUMNS} WHERE c.name IS NOT NULL AND {active} ORDER BY c.name COLLATE NOCASE LIMIT ?1"
            ))?;
            return Ok(stmt.query_map([limit], customer_row)?.collect::<rusqlite::Result<_>>()?);
        }
        if q.chars().count() < 3 {
            let mut stmt = self.conn.prepare_cached(&format!(
                "{CUSTOMER_COLUMNS} WHERE c.name LIKE ?1 || '%' AND {active} ORDER BY c.name COLLATE NOCASE LIMIT ?2"
            ))?;
            return Ok(stmt.query_map(params![q, limit], customer_row)?.collect::<rusqlite::Result<_>>()?);
        }
        let phrase = format!("\"{}\"", q.replace('"', "\"\""));
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT c.id, c.name, c.phone, c.address, c.birthday, c.tags, c.notes, c.source, c.merged_into
             FROM customer_fts f JOIN customer c ON c.rowid = f.rowid
             WHERE customer_fts MATCH ?1 AND {active} ORDER BY f.rank LIMIT ?2"
        ))?;
        Ok(stmt.query_map(params![phrase, limit], customer_row)?.collect::<rusqlite::Result<_>>()?)
    }

    /// Groups of customers that share a phone (two devices may add the same person offline).
    pub fn duplicate_customers(&self) -> Result<Vec<Vec<Customer>>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{CUSTOMER_COLUMNS} WHERE c.phone IN (
                SELECT phone FROM customer WHERE phone != '' AND merged_into IS NULL AND COALESCE(active, 1) = 1
                GROUP BY phone HAVING COUNT(*) > 1)
             AND c.merged_into IS NULL AND COALESCE(c.active, 1) = 1 ORDER BY c.phone, c.id"
        ))?;
        let mut groups: Vec<Vec<Customer>> = Vec::new();
        for c in stmt.query_map([], customer_row)? {
            let c = c?;
            match groups.last_mut() {
                Some(g) if g[0].phone == c.phone => g.push(c),
                _ => groups.push(vec![c]),
            }
        }
        Ok(groups)
    }

    /// Merges `other` into `keep`: `other` points at `keep` from now on (its history, orders
    /// and points count for `keep`, also those recorded offline elsewhere), and `keep` takes
    /// `other`'s phone, address, birthday and notes where its own are empty, and its labels.
    pub fn merge_customers(&mut self, keep: Uuid, other: Uuid) -> Result<Customer> {
        let (k, o) = (self.customer(self.customer_root(keep)?)?, self.customer(other)?);
        if k.id == other || self.customer_root(other)? == k.id {
            return Err(CrmError::SameCustomer.into());
        }
        let mut fill = Vec::new();
        let text = |a: &str, b: &str| (a.is_empty() && !b.is_empty()).then(|| FieldValue::Text(b.to_owned()));
        if let Some(v) = text(&k.phone, &o.phone) {
            fill.push(("phone".to_owned(), v));
        }
        if let Some(v) = text(&k.address, &o.address) {
            fill.push(("address".to_owned(), v));
        }
        if let (None, Some(b)) = (k.birthday, o.birthday) {
            fill.push(("birthday".to_owned(), FieldValue::Text(b.to_string())));
        }
        if !o.notes.is_empty() && !k.notes.contains(&o.notes) {
            let notes =
                if k.notes.is_empty() { o.notes.clone() } else { format!("{}\n{}", k.notes, o.notes) };
            fill.push(("notes".to_owned(), FieldValue::Text(notes)));
        }
        let mut tags = k.tags.clone();
        for t in &o.tags {
            if !tags.contains(t) {
                tags.push(t.clone());
            }
        }
        if tags != k.tags {
            fill.push(("tags".to_owned(), FieldValue::Text(tags.join(", "))));
        }
        let (keep_id, other_id) = (k.id, o.id);
        self.commit_built(|_| {
            let mut changes = vec![Change::Lww {
                entity: EntityKind::Customer,
                entity_id: other_id,
                patch: LwwPatch {
                    fields: vec![
                        ("merged_into".into(), FieldValue::Text(keep_id.to_string())),
                        ("active".into(), FieldValue::Int(0)),
                    ],
                },
            }];
            if !fill.is_empty() {
                changes.push(Change::Lww {
                    entity: EntityKind::Customer,
                    entity_id: keep_id,
                    patch: LwwPatch { fields: fill },
                });
            }
            Ok(changes)
        })?;
        self.customer(keep_id)
    }

    /// The loyalty and segment settings.
    pub fn crm_settings(&self) -> Result<CrmSettings> {
        let json: Option<String> = self
            .conn
            .prepare_cached("SELECT crm_settings FROM business_profile WHERE id = ?1")?
            .query_row([self.business_id.as_bytes().as_slice()], |r| r.get(0))
            .optional()?
            .flatten();
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default())
    }

    /// Changes the loyalty and segment settings.
    pub fn set_crm_settings(&mut self, s: &CrmSettings) -> Result<CrmSettings> {
        for (name, v, lo) in [
            ("rupiah_per_point", s.rupiah_per_point, 0),
            ("point_value", s.point_value, 0),
            ("new_days", s.new_days, 1),
            ("at_risk_days", s.at_risk_days, 1),
            ("inactive_days", s.inactive_days, 1),
            ("loyal_purchases", s.loyal_purchases, 1),
        ] {
            if v < lo || v > 1_000_000_000 {
                return Err(CrmError::BadSetting(name.into()).into());
            }
        }
        if s.inactive_days <= s.at_risk_days {
            return Err(CrmError::BadSetting("inactive_days".into()).into());
        }
        if s.rupiah_per_point > 0 && s.point_value == 0 {
            return Err(CrmError::BadSetting("point_value".into()).into());
        }
        let json = serde_json::to_string(s).map_err(|e| crate::CoreError::Corrupt(e.to_string()))?;
        let patch = LwwPatch { fields: vec![("crm_settings".into(), FieldValue::Text(json))] };
        self.commit(Change::Lww { entity: EntityKind::BusinessProfile, entity_id: self.business_id, patch })?;
        self.crm_settings()
    }

    /// Points of a customer (and those merged into it): the sum of its movements.
    pub fn points_balance(&self, customer: Uuid) -> Result<i64> {
        let family = self.customer_family(self.customer_root(customer)?)?;
        let sql = format!(
            "SELECT COALESCE(SUM(points), 0) FROM loyalty_point WHERE customer_id IN ({})",
            placeholders(family.len())
        );
        let keys: Vec<Vec<u8>> = family.iter().map(|u| u.as_bytes().to_vec()).collect();
        Ok(self.conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(keys), |r| r.get(0))?)
    }

    /// Purchase figures per customer root: (purchases, total, first, last).
    fn purchase_figures(&self, only: Option<&[Uuid]>) -> Result<std::collections::HashMap<Uuid, Figures>> {
        let filter = |col: &str| match only {
            Some(ids) => format!("{col} IN ({})", placeholders(ids.len())),
            None => format!("{col} IS NOT NULL"),
        };
        let keys: Vec<Vec<u8>> = only.unwrap_or_default().iter().map(|u| u.as_bytes().to_vec()).collect();
        let sql = format!(
            "SELECT customer_id, SUM(n), SUM(t), MIN(d) FILTER (WHERE n > 0), MAX(d) FILTER (WHERE n > 0) FROM (
                SELECT customer_id, reverses IS NULL AND NOT cancelled AS n, total AS t, date AS d
                FROM sale WHERE {}
                UNION ALL
                SELECT o.customer_id, 1, o.total, e.date FROM customer_order o
                JOIN order_event e ON e.order_id = o.id AND e.kind = 'status' AND e.entry_id IS NOT NULL
                WHERE {} AND NOT EXISTS (SELECT 1 FROM order_event c WHERE c.order_id = o.id AND c.kind = 'cancel'))
             GROUP BY customer_id",
            filter("customer_id"),
            filter("o.customer_id")
        );
        let mut params: Vec<Vec<u8>> = keys.clone();
        params.extend(keys);
        let mut out: std::collections::HashMap<Uuid, Figures> = std::collections::HashMap::new();
        // Merged customers, read once: their purchases count for the customer they became.
        let roots = self.merged_roots()?;
        let root_of = |id: Uuid| roots.root(id);
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok((
                r.get::<_, Vec<u8>>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        for row in rows {
            let (id, n, t, first, last) = row?;
            let id = uuid_col(&id)?;
            let root = root_of(id);
            let f = out.entry(root).or_default();
            f.purchases += n;
            f.total += t;
            let (first, last) = (first.and_then(|d| d.parse().ok()), last.and_then(|d| d.parse().ok()));
            f.first = match (f.first, first) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            f.last = f.last.max(last);
        }
        Ok(out)
    }

    /// A customer with figures from their purchases (merged customers' included).
    pub fn customer_summary(&self, id: Uuid) -> Result<CustomerSummary> {
        let root = self.customer_root(id)?;
        let customer = self.customer(root)?;
        let family = self.customer_family(root)?;
        let figures = self.purchase_figures(Some(&family))?.remove(&root).unwrap_or_default();
        let keys: Vec<Vec<u8>> = family.iter().map(|u| u.as_bytes().to_vec()).collect();
        let open: i64 = {
            let sql = format!(
                "SELECT COALESCE(SUM(o.total), 0) - COALESCE((SELECT SUM(e.amount) FROM order_event e
                    WHERE e.order_id IN (SELECT id FROM customer_order WHERE customer_id IN ({p}))
                      AND e.kind = 'payment'
                      AND NOT EXISTS (SELECT 1 FROM order_event c WHERE c.order_id = e.order_id AND c.kind = 'cancel')
                      AND (NOT e.pending OR EXISTS (SELECT 1 FROM order_event v WHERE v.kind = 'verify' AND v.target = e.id))), 0)
                 FROM customer_order o WHERE o.customer_id IN ({p})
                   AND NOT EXISTS (SELECT 1 FROM order_event c WHERE c.order_id = o.id AND c.kind = 'cancel')",
                p = placeholders(family.len())
            );
            let mut params = keys.clone();
            params.extend(keys.clone());
            self.conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(params), |r| r.get(0))?
        };
        let settings = self.crm_settings()?;
        let today = self.today()?;
        Ok(self.summary_of(
            customer,
            &figures,
            Money::from_rupiah(open.max(0)),
            self.points_balance(root)?,
            &settings,
            today,
        ))
    }

    fn summary_of(
        &self,
        customer: Customer,
        f: &Figures,
        open_balance: Money,
        points: i64,
        settings: &CrmSettings,
        today: Date,
    ) -> CustomerSummary {
        let purchases = u32::try_from(f.purchases.max(0)).unwrap_or(u32::MAX);
        let added = added_on(customer.id).unwrap_or(today);
        CustomerSummary {
            segment: settings.segment(today, f.first, f.last, purchases, added),
            purchases,
            total: Money::from_rupiah(f.total),
            average: Money::from_rupiah(if f.purchases > 0 { f.total / f.purchases } else { 0 }),
            first_purchase: f.first,
            last_purchase: f.last,
            open_balance,
            points,
            customer,
        }
    }

    /// A customer's page: figures, purchases (notas, returns, orders), service records, points.
    pub fn customer_page(&self, id: Uuid) -> Result<CustomerPage> {
        let summary = self.customer_summary(id)?;
        let root = summary.customer.id;
        let family = self.customer_family(root)?;
        let keys: Vec<Vec<u8>> = family.iter().map(|u| u.as_bytes().to_vec()).collect();
        let p = placeholders(family.len());
        let mut history = Vec::new();
        let sql = format!(
            "SELECT s.id, s.date, s.number, s.total, s.is_return, s.reverses IS NOT NULL,
                    (SELECT group_concat(name, ', ') FROM (SELECT l.name FROM sale_line l WHERE l.sale_id = s.id ORDER BY l.line_no LIMIT 4))
             FROM sale s WHERE s.customer_id IN ({p}) ORDER BY s.date DESC, s.hlc DESC LIMIT 500"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        for r in stmt.query_map(rusqlite::params_from_iter(keys.iter()), |r| {
            Ok((
                r.get::<_, Vec<u8>>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, bool>(4)?,
                r.get::<_, bool>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        })? {
            let (sid, date, number, total, is_return, reverses, items) = r?;
            history.push(HistoryItem {
                id: uuid_col(&sid)?,
                date: date.parse().map_err(|_| crate::CoreError::Corrupt(format!("sale date {date}")))?,
                kind: if is_return {
                    "retur"
                } else if reverses {
                    "batal"
                } else {
                    "nota"
                }
                .into(),
                number,
                items: items.unwrap_or_default(),
                total: Money::from_rupiah(total),
                status: String::new(),
            });
        }
        drop(stmt);
        let sql =
            format!("SELECT id FROM customer_order WHERE customer_id IN ({p}) ORDER BY date DESC LIMIT 200");
        let ids: Vec<Vec<u8>> = self
            .conn
            .prepare_cached(&sql)?
            .query_map(rusqlite::params_from_iter(keys.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for b in ids {
            let o = self.order(uuid_col(&b)?)?;
            history.push(HistoryItem {
                id: o.id,
                date: o.date,
                kind: "pesanan".into(),
                number: o.number,
                items: o.lines.iter().take(4).map(|l| l.name.as_str()).collect::<Vec<_>>().join(", "),
                total: o.total,
                status: o.status.code().into(),
            });
        }
        history.sort_by_key(|h| std::cmp::Reverse(h.date));
        let interactions = self.interactions_of(&family)?;
        let sql = format!(
            "SELECT p.date, p.points, p.reason, COALESCE(s.number, '') FROM loyalty_point p
             LEFT JOIN sale s ON s.id = p.sale_id WHERE p.customer_id IN ({p}) ORDER BY p.date DESC, p.hlc DESC LIMIT 200"
        );
        let mut points = Vec::new();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        for r in stmt.query_map(rusqlite::params_from_iter(keys.iter()), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })? {
            let (date, pts, reason, number) = r?;
            points.push(PointMovement {
                date: date.parse().map_err(|_| crate::CoreError::Corrupt(format!("points date {date}")))?,
                points: pts,
                reason,
                number,
            });
        }
        let whatsapp = if summary.customer.phone.is_empty() {
            String::new()
        } else {
            crate::profile::whatsapp_link(&summary.customer.phone, "")
        };
        Ok(CustomerPage { summary, history, interactions, points, whatsapp })
    }

    /// Every customer (not merged away) with figures and segment, by name; `segment` to
    /// keep one group.
    pub fn customer_list(&self, segment: Option<Segment>) -> Result<Vec<CustomerSummary>> {
        let figures = self.purchase_figures(None)?;
        let settings = self.crm_settings()?;
        let today = self.today()?;
        // Points of merged customers count for the customer they became.
        let roots = self.merged_roots()?;
        let mut points: std::collections::HashMap<Uuid, i64> = std::collections::HashMap::new();
        let mut pstmt = self
            .conn
            .prepare_cached("SELECT customer_id, SUM(points) FROM loyalty_point GROUP BY customer_id")?;
        for r in pstmt.query_map([], |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?)))? {
            let (id, p) = r?;
            *points.entry(roots.root(uuid_col(&id)?)).or_default() += p;
        }
        drop(pstmt);
        let mut stmt = self.conn.prepare_cached(&format!(
            "{CUSTOMER_COLUMNS} WHERE c.name IS NOT NULL AND c.merged_into IS NULL AND COALESCE(c.active, 1) = 1
             ORDER BY c.name COLLATE NOCASE"
        ))?;
        let mut all: Vec<Customer> = stmt.query_map([], customer_row)?.collect::<rusqlite::Result<_>>()?;
        // A customer left at the root of a merge cycle (two devices merged two customers into
        // each other) stays listed.
        let mut merged = self.conn.prepare_cached(&format!(
            "{CUSTOMER_COLUMNS} WHERE c.name IS NOT NULL AND c.merged_into IS NOT NULL"
        ))?;
        for c in merged.query_map([], customer_row)? {
            let c = c?;
            if roots.root(c.id) == c.id {
                all.push(c);
            }
        }
        all.sort_by_key(|c| c.name.to_lowercase());
        let empty = Figures::default();
        let mut out = Vec::new();
        for c in all {
            let f = figures.get(&c.id).unwrap_or(&empty);
            let pts = points.get(&c.id).copied().unwrap_or(0);
            let s = self.summary_of(c, f, Money::ZERO, pts, &settings, today);
            if segment.is_none_or(|want| want == s.segment) {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// How many customers are in each segment.
    pub fn segment_counts(&self) -> Result<Vec<(Segment, u32)>> {
        let list = self.customer_list(None)?;
        Ok(Segment::ALL
            .iter()
            .map(|s| (*s, u32::try_from(list.iter().filter(|c| c.segment == *s).count()).unwrap_or(u32::MAX)))
            .collect())
    }

    // ---- Inquiries, complaints, feedback ----

    /// Logs an inquiry, complaint or feedback (status baru).
    pub fn add_interaction(&mut self, input: &InteractionInput) -> Result<Interaction> {
        let customer = self.find_customer(&input.customer)?;
        let kind = InteractionKind::from_code(input.kind.trim())
            .ok_or_else(|| CrmError::UnknownValue(input.kind.trim().to_owned()))?;
        let channel = if input.channel.trim().is_empty() {
            crate::orders::Channel::Shop
        } else {
            crate::orders::Channel::from_code(input.channel.trim())
                .ok_or_else(|| CrmError::UnknownValue(input.channel.trim().to_owned()))?
        };
        let subject = clean(&input.subject, 1000);
        if subject.is_empty() {
            return Err(CrmError::SubjectRequired.into());
        }
        let follow_up = if input.follow_up.trim().is_empty() {
            String::new()
        } else {
            crate::ledger::parse_date(&input.follow_up)
                .map_err(|_| CrmError::BadDate(input.follow_up.trim().to_owned()))?
                .to_string()
        };
        let now = self.clock.now_millis();
        let id = crate::clock::new_id(self.clock.as_ref());
        let fields = vec![
            ("customer".into(), FieldValue::Text(customer.id.to_string())),
            ("kind".into(), FieldValue::Text(kind.code().into())),
            ("channel".into(), FieldValue::Text(channel.code().into())),
            ("subject".into(), FieldValue::Text(subject)),
            ("status".into(), FieldValue::Text(InteractionStatus::New.code().into())),
            ("response".into(), FieldValue::Text(String::new())),
            ("opened_ms".into(), FieldValue::Int(now)),
            ("follow_up".into(), FieldValue::Text(follow_up)),
            ("follow_up_done".into(), FieldValue::Int(0)),
        ];
        self.commit(Change::Lww {
            entity: EntityKind::Interaction,
            entity_id: id,
            patch: LwwPatch { fields },
        })?;
        self.interaction(id)
    }

    /// Answers and/or moves an inquiry forward (baru → diproses → selesai); the first answer
    /// (or closing) sets the response time.
    pub fn update_interaction(
        &mut self,
        id: Uuid,
        status: InteractionStatus,
        response: &str,
        follow_up_done: bool,
    ) -> Result<Interaction> {
        let current = self.interaction(id)?;
        if status.rank() < current.status.rank() {
            return Err(CrmError::StatusBackwards { from: current.status, to: status }.into());
        }
        let now = self.clock.now_millis();
        let response = clean(response, 2000);
        let mut fields = Vec::new();
        if status != current.status {
            fields.push(("status".into(), FieldValue::Text(status.code().into())));
            if status == InteractionStatus::Done {
                fields.push(("closed_ms".into(), FieldValue::Int(now)));
            }
        }
        if response != current.response {
            fields.push(("response".into(), FieldValue::Text(response.clone())));
        }
        if current.response_minutes.is_none() && (!response.is_empty() || status == InteractionStatus::Done) {
            fields.push(("responded_ms".into(), FieldValue::Int(now)));
        }
        if follow_up_done != current.follow_up_done {
            fields.push(("follow_up_done".into(), FieldValue::Int(i64::from(follow_up_done))));
        }
        if !fields.is_empty() {
            self.commit(Change::Lww {
                entity: EntityKind::Interaction,
                entity_id: id,
                patch: LwwPatch { fields },
            })?;
        }
        self.interaction(id)
    }

    const INTERACTION_COLUMNS: &'static str =
        "SELECT i.id, i.customer, COALESCE(c.name, ''), i.kind, i.channel, i.subject,
            CASE WHEN i.closed_ms IS NOT NULL THEN 'selesai' ELSE i.status END,
            i.response, i.opened_ms, i.responded_ms, i.follow_up, i.follow_up_done
         FROM interaction i LEFT JOIN customer c ON c.id = unhex(replace(i.customer, '-', ''))";

    fn interaction_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Interaction> {
        let opened: i64 = r.get::<_, Option<i64>>(8)?.unwrap_or(0);
        let responded: Option<i64> = r.get(9)?;
        Ok(Interaction {
            id: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
            customer: r
                .get::<_, Option<String>>(1)?
                .and_then(|t| Uuid::parse_str(&t).ok())
                .unwrap_or_default(),
            customer_name: r.get(2)?,
            kind: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
            channel: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            subject: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
            status: r
                .get::<_, Option<String>>(6)?
                .and_then(|s| InteractionStatus::from_code(&s))
                .unwrap_or(InteractionStatus::New),
            response: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
            opened_ms: opened,
            response_minutes: responded.map(|t| (t - opened).max(0) / 60_000),
            follow_up: r.get::<_, Option<String>>(10)?.and_then(|d| d.parse().ok()),
            follow_up_done: r.get::<_, Option<i64>>(11)?.unwrap_or(0) != 0,
        })
    }

    /// One inquiry, complaint or feedback.
    pub fn interaction(&self, id: Uuid) -> Result<Interaction> {
        self.conn
            .prepare_cached(&format!("{} WHERE i.id = ?1 AND i.kind IS NOT NULL", Self::INTERACTION_COLUMNS))?
            .query_row([id.as_bytes().as_slice()], Self::interaction_row)
            .optional()?
            .ok_or_else(|| CrmError::UnknownInteraction.into())
    }

    fn interactions_of(&self, family: &[Uuid]) -> Result<Vec<Interaction>> {
        let texts: Vec<String> = family.iter().map(Uuid::to_string).collect();
        let sql = format!(
            "{} WHERE i.customer IN ({}) ORDER BY i.opened_ms DESC LIMIT 200",
            Self::INTERACTION_COLUMNS,
            placeholders(texts.len())
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        Ok(stmt
            .query_map(rusqlite::params_from_iter(texts), Self::interaction_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Open inquiries and complaints (not selesai), and tindak lanjut due by `day` not yet
    /// done: the "hari ini" list, oldest first.
    pub fn service_queue(&self, day: Date) -> Result<Vec<Interaction>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{} WHERE i.kind IS NOT NULL AND ((i.status != 'selesai' AND i.closed_ms IS NULL)
                OR (i.follow_up IS NOT NULL AND i.follow_up != '' AND i.follow_up <= ?1 AND COALESCE(i.follow_up_done, 0) = 0))
             ORDER BY COALESCE(NULLIF(i.follow_up, ''), '9999'), i.opened_ms",
            Self::INTERACTION_COLUMNS
        ))?;
        Ok(stmt.query_map([day.to_string()], Self::interaction_row)?.collect::<rusqlite::Result<_>>()?)
    }
}

/// Laporan layanan pelanggan: what came in during a period and how fast it was answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ServiceReport {
    /// Inquiries, complaints and feedback that came in, oldest first.
    pub items: Vec<Interaction>,
    /// How many per kind (pertanyaan, keluhan, masukan).
    pub by_kind: Vec<(String, u32)>,
    /// How many per status now (baru, diproses, selesai).
    pub by_status: Vec<(String, u32)>,
    /// Average minutes to the first answer, of those answered.
    pub average_response_minutes: Option<i64>,
}

impl Store {
    /// Inquiries, complaints and feedback that came in from `from` to `to` (the business's
    /// own days), with counts and the average response time.
    pub fn service_report(&self, from: Date, to: Date) -> Result<ServiceReport> {
        let offset = jiff::tz::offset(self.profile()?.timezone.utc_offset_hours());
        let tz = jiff::tz::TimeZone::fixed(offset);
        let start =
            from.to_zoned(tz.clone()).map_err(|e| crate::CoreError::Corrupt(e.to_string()))?.timestamp();
        let end = to
            .tomorrow()
            .and_then(|d| d.to_zoned(tz))
            .map_err(|e| crate::CoreError::Corrupt(e.to_string()))?
            .timestamp();
        let mut stmt = self.conn.prepare_cached(&format!(
            "{} WHERE i.kind IS NOT NULL AND i.opened_ms >= ?1 AND i.opened_ms < ?2 ORDER BY i.opened_ms",
            Self::INTERACTION_COLUMNS
        ))?;
        let items: Vec<Interaction> = stmt
            .query_map([start.as_millisecond(), end.as_millisecond()], Self::interaction_row)?
            .collect::<rusqlite::Result<_>>()?;
        let count = |f: &dyn Fn(&Interaction) -> bool| {
            u32::try_from(items.iter().filter(|i| f(i)).count()).unwrap_or(u32::MAX)
        };
        let by_kind = InteractionKind::ALL
            .iter()
            .map(|k| (k.code().to_owned(), count(&|i| i.kind == k.code())))
            .collect();
        let by_status = InteractionStatus::ALL
            .iter()
            .map(|st| (st.code().to_owned(), count(&|i| i.status == *st)))
            .collect();
        let answered: Vec<i64> = items.iter().filter_map(|i| i.response_minutes).collect();
        let average_response_minutes =
            (!answered.is_empty()).then(|| answered.iter().sum::<i64>() / answered.len() as i64);
        Ok(ServiceReport { items, by_kind, by_status, average_response_minutes })
    }

    /// Net sales from `from` to `to` per segment of the customer today (notas less returns and
    /// cancellations, orders delivered; sales without a registered customer are left out).
    pub fn revenue_by_segment(&self, from: Date, to: Date) -> Result<Vec<(Segment, Money)>> {
        let (lo, hi) = (from.to_string(), to.to_string());
        let mut per_root: std::collections::HashMap<Uuid, i64> = std::collections::HashMap::new();
        // Orders as the sales report counts them: delivered (+), cancelled after delivery (−).
        let mut stmt = self.conn.prepare_cached(&format!(
            "WITH {}
             SELECT customer_id, SUM(t) FROM (
                SELECT customer_id, total AS t FROM sale WHERE customer_id IS NOT NULL AND date BETWEEN ?1 AND ?2
                UNION ALL
                SELECT o.customer_id, d.sign * o.total FROM delivered d JOIN customer_order o ON o.id = d.order_id
                WHERE o.customer_id IS NOT NULL)
             GROUP BY customer_id",
            crate::sales::DELIVERED
        ))?;
        let roots = self.merged_roots()?;
        for r in stmt.query_map([&lo, &hi], |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?)))? {
            let (id, t) = r?;
            *per_root.entry(roots.root(uuid_col(&id)?)).or_default() += t;
        }
        let segments: std::collections::HashMap<Uuid, Segment> =
            self.customer_list(None)?.into_iter().map(|c| (c.customer.id, c.segment)).collect();
        Ok(Segment::ALL
            .iter()
            .map(|seg| {
                let total = per_root
                    .iter()
                    .filter(|(id, _)| segments.get(id) == Some(seg))
                    .map(|(_, t)| *t)
                    .sum::<i64>();
                (*seg, Money::from_rupiah(total))
            })
            .collect())
    }
}

/// Merged customer → the customer it was merged into.
struct Roots(std::collections::HashMap<Uuid, Uuid>);

impl Roots {
    /// Where `id` ended up (itself when never merged).
    fn root(&self, id: Uuid) -> Uuid {
        let mut path = vec![id];
        while let Some(n) = self.0.get(&path[path.len() - 1]) {
            if let Some(i) = path.iter().position(|p| p == n) {
                return cycle_root(&path[i..]);
            }
            path.push(*n);
        }
        path[path.len() - 1]
    }
}

/// Two devices that merge two customers into each other offline make a cycle; every device
/// then takes the smallest id of the cycle as the customer they both became.
fn cycle_root(cycle: &[Uuid]) -> Uuid {
    cycle.iter().copied().min().unwrap_or_default()
}

/// When a customer was added: the time in its UUIDv7 id.
fn added_on(id: Uuid) -> Option<Date> {
    let (secs, _) = id.get_timestamp()?.to_unix();
    let ts = jiff::Timestamp::from_second(i64::try_from(secs).ok()?).ok()?;
    Some(ts.to_zoned(jiff::tz::TimeZone::UTC).date())
}

#[derive(Debug, Default, Clone, Copy)]
struct Figures {
    purchases: i64,
    total: i64,
    first: Option<Date>,
    last: Option<Date>,
}
