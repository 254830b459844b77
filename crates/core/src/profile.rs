//! The business profile: the first synced entity, last-writer-wins per field.

use crate::error::{CoreError, Problem, ProfileField, Result};
use crate::lww::LwwSpec;
use crate::oplog::Change;
use crate::store::Store;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use usahaku_proto::{EntityKind, FieldValue, LwwPatch};

pub(crate) const SPEC: LwwSpec = LwwSpec {
    kind: EntityKind::BusinessProfile,
    table: "business_profile",
    fields: &[
        "name",
        "owner_name",
        "business_type",
        "address",
        "phone",
        "timezone",
        "npwp",
        "taxpayer_kind",
        "qris",
        "receipt_footer",
        "crm_settings",
    ],
};

/// Longest business or owner name, in characters.
pub const MAX_NAME: usize = 100;
/// Longest address, in characters.
pub const MAX_ADDRESS: usize = 300;

code_enum!(
    /// Jenis usaha.
    BusinessType, UnknownBusinessType {
        /// Makanan dan minuman.
        Kuliner = "kuliner",
        /// Pakaian.
        Fesyen = "fesyen",
        /// Kerajinan.
        Kerajinan = "kerajinan",
        /// Toko / perdagangan.
        Toko = "toko",
        /// Jasa.
        Jasa = "jasa",
        /// Pertanian dan perikanan.
        Pertanian = "pertanian",
        /// Lainnya.
        Lainnya = "lainnya",
    }
);

code_enum!(
    /// The business's own time zone.
    Timezone, UnknownTimezone {
        /// UTC+7.
        Wib = "WIB",
        /// UTC+8.
        Wita = "WITA",
        /// UTC+9.
        Wit = "WIT",
    }
);

code_enum!(
    /// Taxpayer kind for PPh Final UMKM.
    TaxpayerKind, UnknownTaxpayerKind {
        /// Wajib pajak orang pribadi.
        OrangPribadi = "orang_pribadi",
        /// Wajib pajak badan.
        Badan = "badan",
    }
);

/// What the first-run wizard asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewBusiness {
    /// Nama usaha.
    pub name: String,
    /// Nama pemilik.
    pub owner_name: String,
    /// Jenis usaha.
    pub business_type: BusinessType,
    /// Zona waktu.
    pub timezone: Timezone,
}

/// The whole editable profile, as a form submits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProfileInput {
    /// Nama usaha.
    pub name: String,
    /// Nama pemilik.
    pub owner_name: String,
    /// Jenis usaha.
    pub business_type: BusinessType,
    /// Alamat.
    pub address: Option<String>,
    /// Nomor telepon / WhatsApp.
    pub phone: Option<String>,
    /// Zona waktu.
    pub timezone: Timezone,
    /// NPWP, 15 or 16 digits.
    pub npwp: Option<String>,
    /// Jenis wajib pajak.
    pub taxpayer_kind: TaxpayerKind,
}

/// The stored profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Profile {
    /// The business id (UUID).
    pub business_id: String,
    /// Nama usaha.
    pub name: String,
    /// Nama pemilik.
    pub owner_name: String,
    /// Jenis usaha.
    pub business_type: BusinessType,
    /// Alamat.
    pub address: Option<String>,
    /// Phone normalised to `62…`.
    pub phone: Option<String>,
    /// Zona waktu.
    pub timezone: Timezone,
    /// NPWP digits.
    pub npwp: Option<String>,
    /// Jenis wajib pajak.
    pub taxpayer_kind: TaxpayerKind,
    /// This device's short code.
    pub device_code: String,
}

impl Profile {
    /// The editable part, as a form would show it.
    pub fn input(&self) -> ProfileInput {
        ProfileInput {
            name: self.name.clone(),
            owner_name: self.owner_name.clone(),
            business_type: self.business_type,
            address: self.address.clone(),
            phone: self.phone.clone(),
            timezone: self.timezone,
            npwp: self.npwp.clone(),
            taxpayer_kind: self.taxpayer_kind,
        }
    }
}

fn invalid(field: ProfileField, problem: Problem) -> CoreError {
    CoreError::Invalid { field, problem }
}

fn required_text(field: ProfileField, value: &str, max: usize) -> Result<String> {
    let t = value.trim();
    if t.is_empty() {
        return Err(invalid(field, Problem::Required));
    }
    optional_text(field, Some(t), max, false).map(|v| v.unwrap_or_default())
}

fn optional_text(
    field: ProfileField,
    value: Option<&str>,
    max: usize,
    multiline: bool,
) -> Result<Option<String>> {
    let Some(t) = value.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if t.chars().count() > max {
        return Err(invalid(field, Problem::TooLong { max }));
    }
    if t.chars().any(|c| c.is_control() && !(multiline && c == '\n')) {
        return Err(invalid(field, Problem::ControlChars));
    }
    Ok(Some(t.to_owned()))
}

/// Normalises an Indonesian phone number to `62…` digits (for WhatsApp links):
/// `0812-3456-7890` and `+62 812 3456 7890` both become `6281234567890`.
pub fn normalize_phone(value: &str) -> std::result::Result<String, Problem> {
    if !value.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)) {
        return Err(Problem::PhoneChars);
    }
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let national = if let Some(rest) = digits.strip_prefix("62") {
        rest.to_owned()
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest.to_owned()
    } else {
        digits
    };
    let normalized = format!("62{national}");
    if !(9..=15).contains(&normalized.len()) || national.starts_with('0') {
        return Err(Problem::PhoneLength);
    }
    Ok(normalized)
}

/// A WhatsApp link that opens a chat with `phone` (normalised `62…` digits) with `text`
/// typed in: `https://wa.me/62…?text=…`.
pub fn whatsapp_link(phone: &str, text: &str) -> String {
    let encoded = percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC);
    format!("https://wa.me/{phone}?text={encoded}")
}

/// A stored `62…` phone as people write it: `+62 812-3456-7890`.
pub fn format_phone(stored: &str) -> String {
    let Some(national) = stored.strip_prefix("62") else { return stored.to_owned() };
    let digits: Vec<char> = national.chars().collect();
    let part =
        |from: usize, to: usize| digits.get(from..to.min(digits.len())).map(|d| d.iter().collect::<String>());
    match (part(0, 3), part(3, 7), part(7, digits.len())) {
        (Some(a), Some(b), Some(c)) if !c.is_empty() => format!("+62 {a}-{b}-{c}"),
        _ => format!("+62 {national}"),
    }
}

/// NPWP digits only: 15 (old format) or 16 (NIK-based) digits.
pub fn normalize_npwp(value: &str) -> std::result::Result<String, Problem> {
    if !value.chars().all(|c| c.is_ascii_digit() || " .-".contains(c)) {
        return Err(Problem::NpwpDigits);
    }
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 15 || digits.len() == 16 { Ok(digits) } else { Err(Problem::NpwpDigits) }
}

impl ProfileInput {
    /// Checks every field and returns the normalised profile input; nothing is written.
    pub fn validated(&self) -> Result<ProfileInput> {
        let phone = match optional_text(ProfileField::Phone, self.phone.as_deref(), 40, false)? {
            Some(p) => Some(normalize_phone(&p).map_err(|e| invalid(ProfileField::Phone, e))?),
            None => None,
        };
        let npwp = match optional_text(ProfileField::Npwp, self.npwp.as_deref(), 40, false)? {
            Some(n) => Some(normalize_npwp(&n).map_err(|e| invalid(ProfileField::Npwp, e))?),
            None => None,
        };
        Ok(ProfileInput {
            name: required_text(ProfileField::Name, &self.name, MAX_NAME)?,
            owner_name: required_text(ProfileField::OwnerName, &self.owner_name, MAX_NAME)?,
            business_type: self.business_type,
            address: optional_text(ProfileField::Address, self.address.as_deref(), MAX_ADDRESS, true)?,
            phone,
            timezone: self.timezone,
            npwp,
            taxpayer_kind: self.taxpayer_kind,
        })
    }

    fn field_values(&self) -> [(&'static str, FieldValue); 8] {
        let text = |s: &str| FieldValue::Text(s.to_owned());
        let opt = |s: &Option<String>| s.as_deref().map_or(FieldValue::Null, text);
        [
            ("name", text(&self.name)),
            ("owner_name", text(&self.owner_name)),
            ("business_type", text(self.business_type.code())),
            ("address", opt(&self.address)),
            ("phone", opt(&self.phone)),
            ("timezone", text(self.timezone.code())),
            ("npwp", opt(&self.npwp)),
            ("taxpayer_kind", text(self.taxpayer_kind.code())),
        ]
    }
}

impl NewBusiness {
    /// The full profile a new business starts with.
    pub fn into_input(self) -> ProfileInput {
        ProfileInput {
            name: self.name,
            owner_name: self.owner_name,
            business_type: self.business_type,
            address: None,
            phone: None,
            timezone: self.timezone,
            npwp: None,
            taxpayer_kind: TaxpayerKind::OrangPribadi,
        }
    }
}

impl Store {
    /// Writes the first profile of a freshly created store (every non-empty field).
    pub(crate) fn init_profile(&mut self, input: &ProfileInput) -> Result<Profile> {
        let fields = input
            .field_values()
            .into_iter()
            .filter(|(_, v)| *v != FieldValue::Null)
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        self.commit(Change::Lww {
            entity: EntityKind::BusinessProfile,
            entity_id: self.business_id,
            patch: LwwPatch { fields },
        })?;
        self.profile()
    }

    /// Validates `input` and records the fields that differ from the stored profile as one
    /// op. Returns the profile after the change; with nothing changed, writes nothing.
    pub fn update_profile(&mut self, input: &ProfileInput) -> Result<Profile> {
        let input = input.validated()?;
        let current = self.profile()?.input();
        let before = current.field_values();
        let fields: Vec<(String, FieldValue)> = input
            .field_values()
            .into_iter()
            .zip(before)
            .filter(|((_, new), (_, old))| new != old)
            .map(|((k, v), _)| (k.to_owned(), v))
            .collect();
        if !fields.is_empty() {
            self.commit(Change::Lww {
                entity: EntityKind::BusinessProfile,
                entity_id: self.business_id,
                patch: LwwPatch { fields },
            })?;
        }
        self.profile()
    }

    /// The business profile.
    pub fn profile(&self) -> Result<Profile> {
        type Row = (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let row: Option<Row> = self
            .conn
            .prepare_cached(
                "SELECT name, owner_name, business_type, address, phone, timezone, npwp, taxpayer_kind
                 FROM business_profile WHERE id = ?1",
            )?
            .query_row([self.business_id.as_bytes().as_slice()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
            })
            .optional()?;
        let Some((name, owner, btype, address, phone, tz, npwp, taxpayer)) = row else {
            return Err(CoreError::Corrupt("business profile missing".into()));
        };
        let corrupt = |what: &str| CoreError::Corrupt(format!("profile {what}"));
        Ok(Profile {
            business_id: self.business_id.to_string(),
            name: name.unwrap_or_default(),
            owner_name: owner.unwrap_or_default(),
            business_type: btype
                .as_deref()
                .map_or(Ok(BusinessType::Lainnya), BusinessType::parse)
                .map_err(|_| corrupt("business_type"))?,
            address,
            phone,
            timezone: tz
                .as_deref()
                .map_or(Ok(Timezone::Wib), Timezone::parse)
                .map_err(|_| corrupt("timezone"))?,
            npwp,
            taxpayer_kind: taxpayer
                .as_deref()
                .map_or(Ok(TaxpayerKind::OrangPribadi), TaxpayerKind::parse)
                .map_err(|_| corrupt("taxpayer_kind"))?,
            device_code: self.device.code.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_normalise_to_62() {
        assert_eq!(normalize_phone("0812-3456-7890").unwrap(), "6281234567890");
        assert_eq!(normalize_phone("+62 812 3456 7890").unwrap(), "6281234567890");
        assert_eq!(normalize_phone("+62 812-3456-7890").unwrap(), "6281234567890");
        assert_eq!(normalize_phone("(0361) 234567").unwrap(), "62361234567");
        assert_eq!(normalize_phone("0812abc"), Err(Problem::PhoneChars));
        assert_eq!(normalize_phone("0812"), Err(Problem::PhoneLength));
        assert_eq!(normalize_phone("0812345678901234567"), Err(Problem::PhoneLength));
    }

    #[test]
    fn npwp_is_15_or_16_digits() {
        assert_eq!(normalize_npwp("09.254.294.3-407.000").unwrap(), "092542943407000");
        assert_eq!(normalize_npwp("3171012345678901").unwrap(), "3171012345678901");
        assert_eq!(normalize_npwp("12345"), Err(Problem::NpwpDigits));
        assert_eq!(normalize_npwp("0925429434070001X"), Err(Problem::NpwpDigits));
    }

    #[test]
    fn codes_parse_case_insensitively() {
        assert_eq!(Timezone::parse("wita"), Ok(Timezone::Wita));
        assert_eq!(Timezone::parse("GMT"), Err(Problem::UnknownTimezone("GMT".into())));
        assert_eq!(BusinessType::parse("Kuliner"), Ok(BusinessType::Kuliner));
        assert_eq!(TaxpayerKind::parse("badan"), Ok(TaxpayerKind::Badan));
    }
}

impl Timezone {
    /// Offset from UTC in hours (WIB +7, WITA +8, WIT +9).
    pub fn utc_offset_hours(self) -> i8 {
        match self {
            Timezone::Wib => 7,
            Timezone::Wita => 8,
            Timezone::Wit => 9,
        }
    }

    /// `22 Nov 2026 10:15 WITA`: a moment shown in the business's own time zone.
    pub fn format_datetime(self, millis: i64) -> String {
        let tz = jiff::tz::TimeZone::fixed(jiff::tz::offset(self.utc_offset_hours()));
        let ts = jiff::Timestamp::from_millisecond(millis).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let dt = ts.to_zoned(tz).datetime();
        format!("{} {:02}:{:02} {}", format_date(dt.date()), dt.hour(), dt.minute(), self.code())
    }
}

/// Short Indonesian month names.
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

/// `22 Nov 2026`: a date as Indonesians read it.
pub fn format_date(date: jiff::civil::Date) -> String {
    let month = MONTHS.get(usize::from(date.month().unsigned_abs()).saturating_sub(1)).unwrap_or(&"?");
    format!("{} {month} {}", date.day(), date.year())
}

#[cfg(test)]
mod time_tests {
    use super::*;

    #[test]
    fn datetimes_show_in_the_business_zone() {
        // 2026-11-22T02:15:00Z
        let m = 1_795_313_700_000;
        assert_eq!(Timezone::Wib.format_datetime(m), "22 Nov 2026 09:15 WIB");
        assert_eq!(Timezone::Wita.format_datetime(m), "22 Nov 2026 10:15 WITA");
        assert_eq!(Timezone::Wit.format_datetime(m), "22 Nov 2026 11:15 WIT");
        // 2026-08-16T20:00:00Z is already the 17th of August in Jayapura.
        assert_eq!(Timezone::Wit.format_datetime(1_786_910_400_000), "17 Agu 2026 05:00 WIT");
    }
}
