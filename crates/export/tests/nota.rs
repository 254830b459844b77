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
            ..SaleInput::default()
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

/// A retur nota says what came back and the refund; the sales report files (PDF and XLSX)
/// show the sale net of it, and the open-orders file lists what is still owed.
#[test]
fn a_return_nota_and_the_sales_report_files() {
    use calamine::{Data, Reader, Xlsx};
    use usahaku_core::sales::{ReturnInput, ReturnLineInput};
    use usahaku_export::{ReportKind, ReportRequest, build, to_pdf, to_xlsx};
    let dir = tempfile::tempdir().unwrap();
    let (mut s, sale) = shop_with_a_sale(&dir.path().join("data"));
    // One kopi back: Rp15.000 less 2.500 × 15.000 / 72.500 = Rp517 of the nota discount.
    let ret = s
        .return_sale(
            sale.id,
            &ReturnInput {
                lines: vec![ReturnLineInput { line: 1, qty: "1".into() }],
                method: PaymentMethod::Cash,
                account: String::new(),
                reason: "Kemasan sobek".into(),
                damaged: false,
            },
        )
        .unwrap();
    let (profile, settings) = (s.profile().unwrap(), s.shop_settings().unwrap());
    let message = text(&layout(&ret, &profile, &settings, 32, Lang::Id), 32);
    for expected in ["RETUR BARANG", "Uang kembali (Tunai)", "-14.483", "Kemasan sobek"] {
        assert!(message.contains(expected), "{expected:?} not in\n{message}");
    }
    let original = text(&layout(&s.sale(sale.id).unwrap(), &profile, &settings, 32, Lang::Id), 32);
    assert!(original.contains(&ret.number), "{original}");

    let req = ReportRequest {
        kind: ReportKind::Sales,
        from: "2026-11-01".parse().unwrap(),
        to: "2026-11-30".parse().unwrap(),
        account: None,
    };
    let doc = build(&s, &req, Lang::Id).unwrap();
    let path = dir.path().join("laporan-penjualan.pdf");
    std::fs::write(&path, to_pdf(&doc, Lang::Id)).unwrap();
    assert!(common::dark_pixels(&path, 40) > 1_000);
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(to_xlsx(&doc).unwrap())).unwrap();
    let range = book.worksheet_range("Penjualan").unwrap();
    let row = |label: &str, col: usize| {
        range.rows().find(|r| matches!(r.first(), Some(Data::String(t)) if t == label)).and_then(|r| match r
            .get(col)
        {
            Some(Data::Float(f)) => Some(*f),
            _ => None,
        })
    };
    // 70.000 − 14.483; the kopi line: 2 − 1 sold, 30.000 − 15.000.
    assert_eq!(row("Total penjualan bersih", 1), Some(55_517.0));
    assert_eq!(row("Toko (kasir)", 2), Some(55_517.0));
    assert_eq!(row("Tunai", 1), Some(55_517.0));
    assert_eq!(row("Kopi Bubuk Kintamani 250 g", 2), Some(15_000.0));

    let req = ReportRequest { kind: ReportKind::OpenOrders, ..req };
    let doc = build(&s, &req, Lang::Id).unwrap();
    assert!(
        doc.blocks
            .iter()
            .any(|b| matches!(b, usahaku_export::Block::Paragraph(p) if p.contains("Tidak ada pesanan")))
    );
}

/// An order's faktur: items, ongkir, the DP paid and what is left, then LUNAS once paid.
#[test]
fn an_order_faktur_shows_the_dp_and_what_is_left() {
    use usahaku_core::orders::{OrderInput, OrderPaymentInput};
    use usahaku_export::nota::order_layout;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = shop_with_a_sale(&dir.path().join("data"));
    let o = s
        .add_order(&OrderInput {
            date: "2026-11-12".into(),
            channel: "whatsapp".into(),
            customer: "Bu Rina".into(),
            phone: "0812-1111-2222".into(),
            address: "Jl. Kenanga 5, Jepara".into(),
            lines: vec![SaleLineInput {
                product: "MADU".into(),
                qty: "4".into(),
                ..SaleLineInput::default()
            }],
            shipping: "20.000".into(),
            due_date: "2026-11-20".into(),
            ..OrderInput::default()
        })
        .unwrap();
    let pay = |amount: &str| OrderPaymentInput {
        method: PaymentMethod::Cash,
        amount: amount.into(),
        account: String::new(),
        pending: false,
        date: String::new(),
    };
    // 4 × 42.500 + 20.000 = 190.000; DP 100.000 → 90.000 left.
    let o = s.pay_order(o.id, &pay("100.000")).unwrap();
    let (profile, settings) = (s.profile().unwrap(), s.shop_settings().unwrap());
    let faktur = text(&order_layout(&o, &profile, &settings, 32, Lang::Id), 32);
    for expected in ["FAKTUR PESANAN", &o.number, "Ongkir", "Rp190.000", "100.000", "Rp90.000", "Bu Rina"] {
        assert!(faktur.contains(expected), "{expected:?} not in\n{faktur}");
    }
    let lines = order_layout(&o, &profile, &settings, Paper::A5.columns(), Lang::Id);
    let path = dir.path().join("faktur.pdf");
    std::fs::write(&path, pdf(&lines, Paper::A5, &o.number)).unwrap();
    assert!(common::dark_pixels(&path, 100) > 1_000);
    let o = s.pay_order(o.id, &pay("90.000")).unwrap();
    let faktur = text(&order_layout(&o, &profile, &settings, 32, Lang::Id), 32);
    assert!(faktur.contains("LUNAS"), "{faktur}");
}

/// The CRM reports: data pelanggan (segments with counts and spend), layanan (a complaint
/// answered) and pemasaran (sales by segment), read back from the XLSX.
#[test]
fn the_crm_reports_hold_the_figures() {
    use calamine::{Data, Reader, Xlsx};
    use usahaku_core::crm::{CustomerInput, InteractionInput, InteractionStatus};
    use usahaku_export::{ReportKind, ReportRequest, build, to_pdf, to_xlsx};
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = shop_with_a_sale(&dir.path().join("data"));
    let rina = s
        .add_customer(&CustomerInput {
            name: "Bu Rina".into(),
            phone: "0812-1111-2222".into(),
            ..CustomerInput::default()
        })
        .unwrap();
    s.record_sale(&SaleInput {
        date: "2026-11-12".into(),
        lines: vec![SaleLineInput { product: "MADU".into(), qty: "2".into(), ..SaleLineInput::default() }],
        payments: vec![SalePaymentInput {
            method: PaymentMethod::Cash,
            amount: "85.000".into(),
            account: String::new(),
        }],
        customer_id: rina.id.to_string(),
        ..SaleInput::default()
    })
    .unwrap();
    let c = s
        .add_interaction(&InteractionInput {
            customer: "Bu Rina".into(),
            kind: "keluhan".into(),
            subject: "Tutup botol bocor".into(),
            ..InteractionInput::default()
        })
        .unwrap();
    s.update_interaction(c.id, InteractionStatus::Done, "Diganti botol baru", false).unwrap();
    let read = |kind: ReportKind, sheet: &str| {
        let req = ReportRequest {
            // The fixed clock is in late October: the complaint came in then.
            kind,
            from: "2026-10-01".parse().unwrap(),
            to: "2026-11-30".parse().unwrap(),
            account: None,
        };
        let doc = build(&s, &req, Lang::Id).unwrap();
        let pdf_path = dir.path().join(format!("{sheet}.pdf"));
        std::fs::write(&pdf_path, to_pdf(&doc, Lang::Id)).unwrap();
        assert!(common::dark_pixels(&pdf_path, 40) > 500, "{sheet}");
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(to_xlsx(&doc).unwrap())).unwrap();
        let range = book.worksheet_range(sheet).unwrap();
        range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::String(t) => t.clone(),
                        Data::Float(f) => format!("{f}"),
                        Data::Int(i) => format!("{i}"),
                        _ => String::new(),
                    })
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    let rows = read(ReportKind::Customers, "Pelanggan");
    // Bu Rina: new (first purchase this month), 2 × 42.500.
    assert!(rows.iter().any(|r| r[0] == "Baru" && r[1] == "1" && r[2] == "85000"), "{rows:?}");
    assert!(rows.iter().any(|r| r[0] == "Bu Rina · +62 812-1111-2222" && r[4] == "85000"), "{rows:?}");
    let rows = read(ReportKind::CustomerService, "Layanan");
    assert!(rows.iter().any(|r| r[0] == "Keluhan" && r[1] == "1"), "{rows:?}");
    assert!(rows.iter().any(|r| r[0] == "Status: Selesai" && r[1] == "1"), "{rows:?}");
    let rows = read(ReportKind::Marketing, "Pemasaran");
    // The earlier nota (70.000) has no registered customer.
    assert!(rows.iter().any(|r| r[0] == "Baru" && r[1] == "85000"), "{rows:?}");
    assert!(rows.iter().any(|r| r[0] == "Pembeli tanpa data pelanggan" && r[1] == "70000"), "{rows:?}");
}
