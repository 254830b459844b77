//! Nota: the ESC/POS bytes of a fixed nota equal a committed golden file, the 58 mm, 80 mm
//! and A5 PDFs render, and the WhatsApp text has the figures.
//! (Set UPDATE_GOLDEN=1 to write the golden file again after a deliberate layout change.)

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

mod common;

use std::sync::Arc;
use usahaku_core::catalog::ProductInput;
use usahaku_core::sales::{PaymentMethod, Sale, SaleInput, SaleLineInput, SalePaymentInput};
use usahaku_core::{BusinessType, Home, Lang, ManualClock, NewBusiness, Store, Timezone};
use usahaku_export::nota::{Paper, escpos, layout, pdf, text};

fn shop_with_a_sale(dir: &std::path::Path) -> (Store, Sale) {
    let (mut s, _) = Home::new(dir)
        .create(
            Arc::new(ManualClock::fixed(1_793_000_000_000)),
            NewBusiness {
                name: "Toko Kopi Nusantara".into(),
                owner_name: "Made".into(),
                business_type: BusinessType::Toko,
                timezone: Timezone::Wita,
            },
        )
        .unwrap();
    let mut profile = s.profile().unwrap().input();
    profile.address = Some("Jl. Gajah Mada 12, Denpasar".into());
    profile.phone = Some("0812-3456-7890".into());
    s.update_profile(&profile).unwrap();
    s.set_receipt_footer("Terima kasih! Barang yang sudah dibeli tidak dapat ditukar.").unwrap();
    for (name, sku, price) in
        [("Kopi Bubuk Kintamani 250 g", "KOPI", "15.000"), ("Madu Hutan 500 ml", "MADU", "42.500")]
    {
        s.add_product(&ProductInput {
            name: name.into(),
            sku: sku.into(),
            price: price.into(),
            ..ProductInput::default()
        })
        .unwrap();
    }
    let sale = s
        .record_sale(&SaleInput {
            date: "2026-11-10".into(),
            lines: vec![
                SaleLineInput { product: "KOPI".into(), qty: "2".into(), ..SaleLineInput::default() },
                SaleLineInput { product: "MADU".into(), qty: "1".into(), ..SaleLineInput::default() },
            ],
            discount: "2.500".into(),
            payments: vec![SalePaymentInput {
                method: PaymentMethod::Cash,
                amount: "100.000".into(),
                account: String::new(),
            }],
            customer: "Bu Sari".into(),
            note: String::new(),
        })
        .unwrap();
    (s, sale)
}

#[test]
fn escpos_bytes_of_a_fixed_nota_equal_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let (s, sale) = shop_with_a_sale(dir.path());
    let lines = layout(&sale, &s.profile().unwrap(), &s.shop_settings().unwrap(), 32, Lang::Id);
    assert!(lines.iter().all(|l| l.text.chars().count() <= 32), "{lines:#?}");
    let bytes = escpos(&lines);
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/nota-58mm.escpos");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &bytes).unwrap();
    }
    let expected = std::fs::read(&golden).unwrap();
    assert_eq!(bytes, expected, "ESC/POS output changed; run with UPDATE_GOLDEN=1 if that was meant");
    // What a reader of the golden file sees: initialise first, cut last, the figures inside.
    assert_eq!(&bytes[..2], b"\x1b@");
    assert_eq!(&bytes[bytes.len() - 4..], b"\x1dVB\x00");
    let printed = String::from_utf8_lossy(&bytes);
    for figure in [
        "TOKO KOPI NUSANTARA",
        "2 pcs x 15.000",
        "Rp70.000",
        "Tunai",
        "100.000",
        "Kembali",
        "30.000",
        "A-2026-000001",
    ] {
        assert!(printed.contains(figure), "{figure} not in the nota:\n{printed}");
    }
}

#[test]
fn nota_pdfs_render_and_the_text_has_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (s, sale) = shop_with_a_sale(&dir.path().join("data"));
    let (profile, settings) = (s.profile().unwrap(), s.shop_settings().unwrap());
    for paper in [Paper::Mm58, Paper::Mm80, Paper::A5] {
        let lines = layout(&sale, &profile, &settings, paper.columns(), Lang::Id);
        let path = dir.path().join(format!("nota-{paper:?}.pdf"));
        std::fs::write(&path, pdf(&lines, paper, &sale.number)).unwrap();
        let dark = common::dark_pixels(&path, 150);
        assert!(dark > 1_000, "{paper:?}: nearly blank ({dark} dark pixels)");
    }
    let message = text(&layout(&sale, &profile, &settings, 32, Lang::Id), 32);
    assert!(
        message.contains("TOTAL") && message.contains("Rp70.000") && message.contains("Bu Sari"),
        "{message}"
    );
}
