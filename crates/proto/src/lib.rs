//! Wire types shared by the Usahaku client and server.
//!
//! Everything here crosses devices: a value written by one version of the app is read by
//! other versions on other devices. Fields marked **frozen** must never be renamed, removed,
//! reordered or change type — postcard encodes by position, so changing them breaks sync with
//! older devices. Add new data as new entity kinds or new payload variants instead.

use serde::{Deserialize, Serialize};

pub mod wire;
use std::cmp::Ordering;
use std::fmt;
use uuid::Uuid;

/// Version of the wire format. Bumped only for incompatible changes.
pub const PROTOCOL_VERSION: u16 = 1;

/// A device, identified by a UUIDv7 generated on that device. **Frozen.**
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DeviceId(pub Uuid);

/// One op (one user change), identified by a UUIDv7. **Frozen.**
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OpId(pub Uuid);

/// A user of the business: the one who made a change. **Frozen.**
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ActorId(pub Uuid);

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
impl fmt::Display for OpId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Hybrid logical clock timestamp. **Frozen** (field order is the total order used by
/// last-writer-wins: wall millis, then counter, then device as the tie-breaker).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Hlc {
    /// Milliseconds since the Unix epoch, as far as the issuing device knew.
    pub millis: i64,
    /// Logical counter within one millisecond.
    pub counter: u32,
    /// The device that issued the timestamp.
    pub device: DeviceId,
}

impl Ord for Hlc {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.millis, self.counter, self.device).cmp(&(other.millis, other.counter, other.device))
    }
}

impl PartialOrd for Hlc {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Hlc {
    /// Text form whose byte order equals the HLC order, for storage in an indexed column:
    /// 16 hex digits of millis (offset so negatives sort first), 8 of counter, the device UUID.
    pub fn to_sortable(&self) -> String {
        // Offsetting by i64::MIN maps the signed range onto u64 preserving order.
        let m = (self.millis as u64) ^ (1u64 << 63);
        format!("{m:016x}-{:08x}-{}", self.counter, self.device.0.as_hyphenated())
    }

    /// Parses the form written by [`Hlc::to_sortable`].
    pub fn from_sortable(s: &str) -> Result<Self, DecodeError> {
        let bad = || DecodeError::Hlc(s.to_owned());
        let (m, rest) = s.split_once('-').ok_or_else(bad)?;
        let (c, dev) = rest.split_once('-').ok_or_else(bad)?;
        if m.len() != 16 || c.len() != 8 {
            return Err(bad());
        }
        let m = u64::from_str_radix(m, 16).map_err(|_| bad())?;
        let counter = u32::from_str_radix(c, 16).map_err(|_| bad())?;
        let device = Uuid::parse_str(dev).map_err(|_| bad())?;
        Ok(Hlc { millis: (m ^ (1u64 << 63)) as i64, counter, device: DeviceId(device) })
    }
}

/// The kind of entity an op changes. On the wire it is a number (**frozen**: never reuse
/// one); a number this build does not know arrives as [`EntityKind::Other`], so an older app
/// can still read, store and relay ops of kinds added after it, and apply them once upgraded.
/// (Encoded as a postcard varint, exactly as the enum's variant index was before `Other`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "u16", into = "u16")]
pub enum EntityKind {
    /// The business profile: last-writer-wins per field. Code 0.
    BusinessProfile,
    /// An account of the chart of accounts: last-writer-wins per field. Code 1.
    Account,
    /// A journal entry with its lines: append-only, never edited. Code 2.
    JournalEntry,
    /// A closed (locked) month of the books: last-writer-wins. Code 3.
    PeriodLock,
    /// A monthly budget (anggaran) of one expense account: last-writer-wins. Code 4.
    Budget,
    /// A product of the catalogue: last-writer-wins per field. Code 5.
    Product,
    /// A stock movement (receipt, sale, adjustment, count): append-only. Code 6.
    StockMovement,
    /// A supplier (pemasok): last-writer-wins per field. Code 7.
    Supplier,
    /// A pricing rule (promo price for a period): last-writer-wins per field. Code 8.
    PriceRule,
    /// A sale (nota) or its cancellation: append-only. Code 9.
    Sale,
    /// A customer order (pesanan): append-only. Code 10.
    Order,
    /// Something that happened to an order (status, payment, verification, cancellation):
    /// append-only. Code 11.
    OrderEvent,
    /// A retur: part of a sale taken back, with the refund and the stock back; append-only.
    /// Code 12.
    SaleReturn,
    /// A customer (pelanggan): last-writer-wins per field; a merge sets `merged_into`. Code 13.
    Customer,
    /// An inquiry, complaint or feedback of a customer: last-writer-wins per field. Code 14.
    Interaction,
    /// A loyalty points movement (earned, redeemed, taken back): append-only. Code 15.
    LoyaltyPoints,
    /// A review (ulasan) of an order or product: last-writer-wins per field. Code 16.
    Review,
    /// A planned post of the content plan: last-writer-wins per field. Code 17.
    ContentPost,
    /// A promo code for a period and a customer segment: last-writer-wins per field. Code 18.
    Promotion,
    /// A kind made by a newer app.
    Other(u16),
}

impl From<u16> for EntityKind {
    fn from(code: u16) -> Self {
        match code {
            0 => EntityKind::BusinessProfile,
            1 => EntityKind::Account,
            2 => EntityKind::JournalEntry,
            3 => EntityKind::PeriodLock,
            4 => EntityKind::Budget,
            5 => EntityKind::Product,
            6 => EntityKind::StockMovement,
            7 => EntityKind::Supplier,
            8 => EntityKind::PriceRule,
            9 => EntityKind::Sale,
            10 => EntityKind::Order,
            11 => EntityKind::OrderEvent,
            12 => EntityKind::SaleReturn,
            13 => EntityKind::Customer,
            14 => EntityKind::Interaction,
            15 => EntityKind::LoyaltyPoints,
            16 => EntityKind::Review,
            17 => EntityKind::ContentPost,
            18 => EntityKind::Promotion,
            n => EntityKind::Other(n),
        }
    }
}

impl From<EntityKind> for u16 {
    fn from(kind: EntityKind) -> u16 {
        match kind {
            EntityKind::BusinessProfile => 0,
            EntityKind::Account => 1,
            EntityKind::JournalEntry => 2,
            EntityKind::PeriodLock => 3,
            EntityKind::Budget => 4,
            EntityKind::Product => 5,
            EntityKind::StockMovement => 6,
            EntityKind::Supplier => 7,
            EntityKind::PriceRule => 8,
            EntityKind::Sale => 9,
            EntityKind::Order => 10,
            EntityKind::OrderEvent => 11,
            EntityKind::SaleReturn => 12,
            EntityKind::Customer => 13,
            EntityKind::Interaction => 14,
            EntityKind::LoyaltyPoints => 15,
            EntityKind::Review => 16,
            EntityKind::ContentPost => 17,
            EntityKind::Promotion => 18,
            EntityKind::Other(n) => n,
        }
    }
}

impl EntityKind {
    /// Stable name used in storage and logs (`kind_<n>` for kinds of a newer app).
    pub fn name(self) -> std::borrow::Cow<'static, str> {
        match self {
            EntityKind::BusinessProfile => "business_profile".into(),
            EntityKind::Account => "account".into(),
            EntityKind::JournalEntry => "journal_entry".into(),
            EntityKind::PeriodLock => "period_lock".into(),
            EntityKind::Budget => "budget".into(),
            EntityKind::Product => "product".into(),
            EntityKind::StockMovement => "stock_movement".into(),
            EntityKind::Supplier => "supplier".into(),
            EntityKind::PriceRule => "price_rule".into(),
            EntityKind::Sale => "sale".into(),
            EntityKind::Order => "order".into(),
            EntityKind::OrderEvent => "order_event".into(),
            EntityKind::SaleReturn => "sale_return".into(),
            EntityKind::Customer => "customer".into(),
            EntityKind::Interaction => "interaction".into(),
            EntityKind::LoyaltyPoints => "loyalty_points".into(),
            EntityKind::Review => "review".into(),
            EntityKind::ContentPost => "content_post".into(),
            EntityKind::Promotion => "promotion".into(),
            EntityKind::Other(n) => format!("kind_{n}").into(),
        }
    }

    /// Inverse of [`EntityKind::name`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "business_profile" => Some(EntityKind::BusinessProfile),
            "account" => Some(EntityKind::Account),
            "journal_entry" => Some(EntityKind::JournalEntry),
            "period_lock" => Some(EntityKind::PeriodLock),
            "budget" => Some(EntityKind::Budget),
            "product" => Some(EntityKind::Product),
            "stock_movement" => Some(EntityKind::StockMovement),
            "supplier" => Some(EntityKind::Supplier),
            "price_rule" => Some(EntityKind::PriceRule),
            "sale" => Some(EntityKind::Sale),
            "order" => Some(EntityKind::Order),
            "order_event" => Some(EntityKind::OrderEvent),
            "sale_return" => Some(EntityKind::SaleReturn),
            "customer" => Some(EntityKind::Customer),
            "interaction" => Some(EntityKind::Interaction),
            "loyalty_points" => Some(EntityKind::LoyaltyPoints),
            "review" => Some(EntityKind::Review),
            "content_post" => Some(EntityKind::ContentPost),
            "promotion" => Some(EntityKind::Promotion),
            _ => s.strip_prefix("kind_").and_then(|n| n.parse::<u16>().ok()).map(EntityKind::from),
        }
    }
}

/// A field value in a last-writer-wins patch. **Frozen** variant order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldValue {
    /// The field was cleared.
    Null,
    /// A text value.
    Text(String),
    /// An integer value.
    Int(i64),
}

/// Payload of an op on a last-writer-wins-per-field entity: the fields it sets.
/// Field names are the entity's own stable column names. **Frozen.**
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LwwPatch {
    /// (field name, new value), each field at most once.
    pub fields: Vec<(String, FieldValue)>,
}

/// One change made by a user on one device. **Frozen** field order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Op {
    /// Globally unique id of this op.
    pub op_id: OpId,
    /// The device that made the change.
    pub device_id: DeviceId,
    /// Contiguous per device, starting at 1.
    pub device_seq: u64,
    /// When, in hybrid-logical-clock time.
    pub hlc: Hlc,
    /// The user who made the change.
    pub actor: ActorId,
    /// What kind of entity changed.
    pub entity: EntityKind,
    /// Which entity changed.
    pub entity_id: Uuid,
    /// Version of the payload schema for this entity kind.
    pub schema_version: u16,
    /// Entity-specific payload, postcard-encoded.
    pub payload: Vec<u8>,
}

/// Errors decoding wire data.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// Postcard could not decode the bytes.
    #[error("undecodable payload: {0}")]
    Postcard(#[from] postcard::Error),
    /// A stored HLC string is malformed.
    #[error("malformed HLC: {0}")]
    Hlc(String),
}

/// Encodes a payload value with postcard.
pub fn encode_payload<T: Serialize>(value: &T) -> Vec<u8> {
    // Serializing plain owned data into a Vec cannot fail.
    postcard::to_stdvec(value).unwrap_or_default()
}

/// Decodes a payload written by [`encode_payload`].
pub fn decode_payload<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, DecodeError> {
    Ok(postcard::from_bytes(bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dev(n: u128) -> DeviceId {
        DeviceId(Uuid::from_u128(n))
    }

    #[test]
    fn sortable_hlc_orders_like_hlc() {
        let samples = [
            Hlc { millis: -5, counter: 0, device: dev(1) },
            Hlc { millis: 0, counter: 0, device: dev(1) },
            Hlc { millis: 0, counter: 1, device: dev(1) },
            Hlc { millis: 0, counter: 1, device: dev(2) },
            Hlc { millis: 1_763_800_000_000, counter: 0, device: dev(1) },
            Hlc { millis: 1_763_800_000_000, counter: 70_000, device: dev(1) },
        ];
        for w in samples.windows(2) {
            assert!(w[0] < w[1]);
            assert!(w[0].to_sortable() < w[1].to_sortable());
        }
        for h in samples {
            assert_eq!(Hlc::from_sortable(&h.to_sortable()).unwrap(), h);
        }
    }

    #[test]
    fn payload_round_trip() {
        let p = LwwPatch {
            fields: vec![
                ("name".into(), FieldValue::Text("Warung Bu Sri".into())),
                ("npwp".into(), FieldValue::Null),
            ],
        };
        let bytes = encode_payload(&p);
        assert_eq!(decode_payload::<LwwPatch>(&bytes).unwrap(), p);
        assert!(decode_payload::<LwwPatch>(&bytes[..3]).is_err());
    }
}
