//! QRIS payloads: the CRC against its published check value, real static payloads read and
//! checked, broken ones refused with a clear message, and an amount put inside round-trips.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use usahaku_core::qris::{QrisError, crc16, parse, with_amount};
use usahaku_core::{Lang, Money};

/// A static QRIS of a DANA merchant as published in an open-source project's configuration.
const DANA: &str = "00020101021126570011ID.DANA.WWW011893600915303379682702090337968270303UMI51440014ID.CO.QRIS.WWW0215ID10265640751030303UMI5204737253033605802ID5909BoonTrack6012Kab. Bandung61054028663048DC1";
/// Two static EMVCo merchant-presented payloads from Brazil's PIX (same TLV and CRC rules).
const PIX: [&str; 2] = [
    "00020101021126580014br.gov.bcb.pix01368eac1054-b957-4af2-88c7-046b743ece015204000053039865802BR5925allcom comercio e servico6009SAO PAULO622905251J87ZBFMDTY970D6AP39DEHSC6304FDFB",
    "00020101021126580014br.gov.bcb.pix013621ddc29e-b843-4e34-8b09-3e9a42844d0e5204000053039865802BR5918LUCAS SILVA MACIEL6009SAO PAULO62070503***6304D557",
];

#[test]
fn crc16_ccitt_false_matches_its_published_check_values() {
    // The catalogue of CRC algorithms gives check = 0x29B1 for "123456789".
    assert_eq!(crc16(b"123456789"), 0x29B1);
    assert_eq!(crc16(b""), 0xFFFF);
    assert_eq!(crc16(b"A"), 0xB915);
}

#[test]
fn real_static_payloads_are_read() {
    let q = parse(DANA).unwrap();
    assert_eq!(
        (q.merchant_name.as_str(), q.city.as_str(), q.nmid.as_str()),
        ("BoonTrack", "Kab. Bandung", "ID1026564075103")
    );
    assert!(!q.dynamic);
    assert_eq!(q.amount, None);
    assert_eq!(q.get("53"), Some("360"), "Rupiah");
    assert_eq!(q.get("58"), Some("ID"));
    for p in PIX {
        assert!(parse(p).is_ok(), "{p}");
    }
    assert_eq!(
        parse(&format!("  {DANA}\n")).unwrap().merchant_name,
        "BoonTrack",
        "spaces around are ignored"
    );
    assert_eq!(parse(&DANA.replace("8DC1", "8dc1")).unwrap().merchant_name, "BoonTrack", "hex in any case");
}

#[test]
fn broken_payloads_are_refused_with_a_clear_message() {
    // One character changed: the CRC no longer matches.
    let changed = DANA.replace("BoonTrack", "BoonTrick");
    let err = parse(&changed).unwrap_err();
    assert!(matches!(err, QrisError::WrongCrc { .. }));
    assert!(err.message(Lang::Id).contains("CRC"));
    // A sample seen in the wild, typed by hand: the merchant name is 21 characters but its
    // length says 24, so the fields after it no longer line up.
    let made_up = "00020101021126580014ID.GO.QRIS.WWW01189360091400000000000215ID10200389218200303UME51440014ID.CO.QRIS.WWW0215ID10200389218200303UME5204581253033605802ID5924RT09+DE+NAILA+VILLAGE6007GRESIK61056117462070703A016304E8A9";
    assert!(matches!(parse(made_up), Err(QrisError::BrokenField(_))));
    // Cut short inside a field: the TLV runs past the end.
    assert!(matches!(parse(&DANA[..120]), Err(QrisError::BrokenField(_))));
    // A length that is not digits.
    assert!(matches!(parse(&DANA.replacen("0102", "01X2", 1)), Err(QrisError::BrokenField(6))));
    // No CRC at the end.
    assert_eq!(parse(&DANA[..DANA.len() - 8]).unwrap_err(), QrisError::NoCrc);
    assert_eq!(parse("https://example.com").unwrap_err(), QrisError::NotQris);
    assert_eq!(
        parse("").unwrap_err().message(Lang::Id),
        "Ini bukan kode QRIS. Salin teks QRIS toko Anda (diawali 000201) atau pindai gambar QRIS-nya."
    );
}

#[test]
fn an_amount_inside_round_trips() {
    let dynamic = with_amount(DANA, Money::from_rupiah(70_000)).unwrap();
    let q = parse(&dynamic).unwrap();
    assert!(q.dynamic);
    assert_eq!(q.amount, Some(Money::from_rupiah(70_000)));
    assert_eq!(q.get("54"), Some("70000"));
    assert_eq!(q.merchant_name, "BoonTrack");
    // Tag order kept: 53 (currency), 54 (amount), 58 (country).
    let tags: Vec<&str> = q.fields.iter().map(|f| f.tag.as_str()).collect();
    assert_eq!(tags, ["00", "01", "26", "51", "52", "53", "54", "58", "59", "60", "61", "63"]);
    // Again with another amount: replaced, not added.
    let again = parse(&with_amount(&dynamic, Money::from_rupiah(125_500)).unwrap()).unwrap();
    assert_eq!(
        (again.amount, again.fields.iter().filter(|f| f.tag == "54").count()),
        (Some(Money::from_rupiah(125_500)), 1)
    );
    assert_eq!(with_amount(DANA, Money::ZERO).unwrap_err(), QrisError::BadAmount);
}
