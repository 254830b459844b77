//! QRIS: the shop's static QR payload (EMVCo merchant-presented mode, as Bank Indonesia's
//! QRIS standard uses it), checked and read, and the same payload with an amount inside.
//!
//! A payload is a list of TLV fields: a two-digit tag, a two-digit length, the value. It
//! starts with `000201` (format version 01) and ends with tag 63, a CRC-16/CCITT-FALSE over
//! everything before the CRC's own four hex digits (`…6304` included). Tag 01 says static
//! (`11`) or dynamic (`12`); tag 54 is the amount; 59 the merchant name, 60 the city.
//! A QRIS payment is confirmed by the cashier; nothing here talks to a bank.

use crate::error::Lang;
use crate::money::Money;
use serde::Serialize;

const CRC: crc::Crc<u16> = crc::Crc::<u16>::new(&crc::CRC_16_IBM_3740);

/// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor).
pub fn crc16(data: &[u8]) -> u16 {
    CRC.checksum(data)
}

/// Why a QRIS payload was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrisError {
    /// Empty, or not starting with `000201`.
    #[error("not a QRIS payload")]
    NotQris,
    /// A field's tag or length is not two digits, or runs past the end.
    #[error("broken field at {0}")]
    BrokenField(usize),
    /// No CRC field at the end.
    #[error("no CRC")]
    NoCrc,
    /// The CRC does not match the content.
    #[error("wrong CRC: says {found}, content gives {expected}")]
    WrongCrc {
        /// What the content gives.
        expected: String,
        /// What the payload says.
        found: String,
    },
    /// A required field is missing.
    #[error("missing field {0}")]
    Missing(&'static str),
    /// The amount cannot be put in (zero, negative or too long).
    #[error("bad amount")]
    BadAmount,
}

impl QrisError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            QrisError::NotQris => "qris_not_qris",
            QrisError::BrokenField(_) => "qris_broken_field",
            QrisError::NoCrc => "qris_no_crc",
            QrisError::WrongCrc { .. } => "qris_wrong_crc",
            QrisError::Missing(_) => "qris_missing_field",
            QrisError::BadAmount => "qris_bad_amount",
        }
    }

    /// A message for the user.
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            QrisError::NotQris if id => {
                "Ini bukan kode QRIS. Salin teks QRIS toko Anda (diawali 000201) atau pindai gambar QRIS-nya.".into()
            }
            QrisError::NotQris => "This is not a QRIS code. Copy your shop's QRIS text (starting 000201) or scan its picture.".into(),
            QrisError::BrokenField(at) if id => format!("Kode QRIS rusak di karakter ke-{}. Salin ulang dengan lengkap.", at + 1),
            QrisError::BrokenField(at) => format!("The QRIS code is broken at character {}. Copy it again in full.", at + 1),
            QrisError::NoCrc if id => "Kode QRIS tidak lengkap: bagian pemeriksa (CRC) di akhir tidak ada.".into(),
            QrisError::NoCrc => "The QRIS code is incomplete: the check part (CRC) at the end is missing.".into(),
            QrisError::WrongCrc { .. } if id => {
                "Kode QRIS salah: angka pemeriksanya (CRC) tidak cocok. Mungkin ada huruf yang berubah; salin ulang dari aslinya.".into()
            }
            QrisError::WrongCrc { .. } => {
                "The QRIS code is wrong: its check (CRC) does not match. A character may have changed; copy it again.".into()
            }
            QrisError::Missing(f) if id => format!("Kode QRIS tidak memuat {f}."),
            QrisError::Missing(f) => format!("The QRIS code has no {f}."),
            QrisError::BadAmount if id => "Jumlah untuk QRIS harus lebih dari Rp0.".into(),
            QrisError::BadAmount => "The QRIS amount must be more than Rp0.".into(),
        }
    }
}

/// One top-level field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct QrisField {
    /// Two-digit tag.
    pub tag: String,
    /// Value.
    pub value: String,
}

/// A checked QRIS payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Qris {
    /// The fields in order (the CRC last).
    pub fields: Vec<QrisField>,
    /// Nama merchant (tag 59).
    pub merchant_name: String,
    /// Kota (tag 60).
    pub city: String,
    /// NMID (tag 02 inside the QRIS template 51), when present.
    pub nmid: String,
    /// Static (tag 01 = 11) or dynamic (12).
    pub dynamic: bool,
    /// Amount (tag 54), if any.
    #[cfg_attr(feature = "specta", specta(type = Option<i64>))]
    pub amount: Option<Money>,
}

impl Qris {
    /// The value of a top-level tag.
    pub fn get(&self, tag: &str) -> Option<&str> {
        self.fields.iter().find(|f| f.tag == tag).map(|f| f.value.as_str())
    }
}

fn parse_tlv(text: &str, offset: usize) -> Result<Vec<QrisField>, QrisError> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < bytes.len() {
        let head = text.get(i..i + 4).ok_or(QrisError::BrokenField(offset + i))?;
        if !head.bytes().all(|b| b.is_ascii_digit()) {
            return Err(QrisError::BrokenField(offset + i));
        }
        let len: usize = head[2..].parse().map_err(|_| QrisError::BrokenField(offset + i))?;
        let value = text.get(i + 4..i + 4 + len).ok_or(QrisError::BrokenField(offset + i))?;
        out.push(QrisField { tag: head[..2].to_owned(), value: value.to_owned() });
        i += 4 + len;
    }
    Ok(out)
}

/// Checks and reads a payload (spaces and line breaks around it are ignored).
pub fn parse(payload: &str) -> Result<Qris, QrisError> {
    let text = payload.trim();
    if !text.starts_with("000201") {
        return Err(QrisError::NotQris);
    }
    let fields = parse_tlv(text, 0)?;
    let last = fields.last().ok_or(QrisError::NotQris)?;
    if last.tag != "63" || last.value.len() != 4 {
        return Err(QrisError::NoCrc);
    }
    let expected = format!("{:04X}", crc16(&text.as_bytes()[..text.len() - 4]));
    if !expected.eq_ignore_ascii_case(&last.value) {
        return Err(QrisError::WrongCrc { expected, found: last.value.clone() });
    }
    let get = |t: &str| fields.iter().find(|f| f.tag == t).map(|f| f.value.clone());
    let merchant_name = get("59").ok_or(QrisError::Missing("nama merchant (59)"))?;
    let nmid = match get("51") {
        Some(v) => {
            parse_tlv(&v, 0).ok().and_then(|sub| sub.into_iter().find(|f| f.tag == "02")).map(|f| f.value)
        }
        None => None,
    };
    let amount = get("54")
        .and_then(|a| a.split('.').next().and_then(|w| w.parse::<i64>().ok()))
        .map(Money::from_rupiah);
    Ok(Qris {
        merchant_name,
        city: get("60").unwrap_or_default(),
        nmid: nmid.unwrap_or_default(),
        dynamic: get("01").as_deref() == Some("12"),
        amount,
        fields,
    })
}

/// The payload with `amount` inside: tag 01 set to 12 (dynamic), tag 54 set, the CRC
/// computed again. Fields stay in tag order.
pub fn with_amount(payload: &str, amount: Money) -> Result<String, QrisError> {
    let q = parse(payload)?;
    if amount <= Money::ZERO {
        return Err(QrisError::BadAmount);
    }
    let value = amount.rupiah().to_string();
    if value.len() > 13 {
        return Err(QrisError::BadAmount);
    }
    let mut fields: Vec<QrisField> =
        q.fields.into_iter().filter(|f| f.tag != "63" && f.tag != "54").collect();
    if let Some(f) = fields.iter_mut().find(|f| f.tag == "01") {
        f.value = "12".into();
    } else {
        fields.insert(1, QrisField { tag: "01".into(), value: "12".into() });
    }
    let at = fields.iter().position(|f| f.tag.as_str() > "54").unwrap_or(fields.len());
    fields.insert(at, QrisField { tag: "54".into(), value });
    let mut out: String =
        fields.iter().map(|f| format!("{}{:02}{}", f.tag, f.value.len(), f.value)).collect();
    out.push_str("6304");
    let crc = crc16(out.as_bytes());
    out.push_str(&format!("{crc:04X}"));
    Ok(out)
}
