//! QR codes: the shop's QRIS with an amount drawn as a QR code reads back to the same payload,
//! and a picture without a code is refused.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use usahaku_core::Money;
use usahaku_core::qris::{parse, with_amount};
use usahaku_export::qr::{ReadError, png, read, svg};

const DANA: &str = "00020101021126570011ID.DANA.WWW011893600915303379682702090337968270303UMI51440014ID.CO.QRIS.WWW0215ID10265640751030303UMI5204737253033605802ID5909BoonTrack6012Kab. Bandung61054028663048DC1";

#[test]
fn a_qris_with_an_amount_reads_back_from_its_picture() {
    let payload = with_amount(DANA, Money::from_rupiah(70_000)).unwrap();
    let picture = png(&payload, 300).unwrap();
    let back = read(&picture).unwrap();
    assert_eq!(back, payload);
    assert_eq!(parse(&back).unwrap().amount, Some(Money::from_rupiah(70_000)));
    let drawing = svg(DANA, 240).unwrap();
    assert!(drawing.starts_with("<?xml") && drawing.contains("<svg") && drawing.contains("#000000"));
}

#[test]
fn a_picture_without_a_code_is_refused() {
    let blank = image::GrayImage::from_pixel(200, 200, image::Luma([255]));
    let mut bytes = Vec::new();
    blank.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
    assert!(matches!(read(&bytes), Err(ReadError::NoCode)));
    assert!(matches!(read(b"not a picture"), Err(ReadError::NotAPicture)));
}
