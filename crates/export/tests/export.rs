//! Bu Sari's November exported: the PDF renders to a page with ink on it and its text holds
//! the statements' figures; the XLSX opens with calamine and holds the same figures.
//! (Needs poppler-utils' `pdftoppm` and `pdftotext`, which `scripts/test-all.sh` installs.)

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

mod common;

use calamine::{Data, Reader, Xlsx};
use jiff::civil::date;
use std::process::Command;
use std::sync::Arc;
use usahaku_core::ledger_input::{CashAction, CashInput, DebtInput, PaymentInput};
use usahaku_core::{BusinessType, Home, Lang, ManualClock, NewBusiness, Store, Timezone};
use usahaku_export::{ReportKind, ReportRequest, build, to_pdf, to_xlsx};

fn cash(s: &mut Store, action: CashAction, day: &str, amount: &str, other: Option<&str>) {
    s.record_cash(&CashInput {
        action,
        date: day.into(),
        amount: amount.into(),
        money_account: "Kas".into(),
        other_account: other.map(Into::into),
        note: String::new(),
        counterparty: None,
    })
    .unwrap();
}

/// The month of the issue, typed as a user would type it.
fn bu_sari(dir: &std::path::Path) -> Store {
    let (mut s, _) = Home::new(dir)
        .create(
            Arc::new(ManualClock::stepping(1_793_000_000_000, 5)),
            NewBusiness {
                name: "Toko Kue Bu Sari".into(),
                owner_name: "Sari".into(),
                business_type: BusinessType::Kuliner,
                timezone: Timezone::Wib,
            },
        )
        .unwrap();
    use CashAction::*;
    cash(&mut s, Capital, "01/11/2026", "Rp10.000.000", None);
    cash(&mut s, Expense, "2026-11-02", "3.500.000", Some("1-401"));
    cash(&mut s, Expense, "2026-11-03", "1.200.000", Some("bahan baku"));
    let supplier = s
        .record_debt(&DebtInput {
            receivable: false,
            date: "2026-11-03".into(),
            amount: "800.000".into(),
            counterparty: "Toko Bahan Makmur".into(),
            category: "Beban bahan baku".into(),
            due_date: Some("2026-11-30".into()),
            note: String::new(),
        })
        .unwrap();
    for (day, amount) in [
        ("05", "1.500.000"),
        ("10", "1.000.000"),
        ("17", "2.000.000"),
        ("22", "1.200.000"),
        ("27", "800.000"),
    ] {
        cash(&mut s, Income, &format!("2026-11-{day}"), amount, Some("Penjualan"));
    }
    let budi = s
        .record_debt(&DebtInput {
            receivable: true,
            date: "2026-11-15".into(),
            amount: "1.500.000".into(),
            counterparty: "Warung Pak Budi".into(),
            category: "Penjualan".into(),
            due_date: Some("2026-11-30".into()),
            note: String::new(),
        })
        .unwrap();
    cash(&mut s, Expense, "2026-11-20", "1.000.000", Some("sewa"));
    cash(&mut s, Expense, "2026-11-20", "350.000", Some("listrik"));
    for (debt, day, amount) in [(budi, "2026-11-25", "1.000.000"), (supplier, "2026-11-28", "500.000")] {
        s.record_payment(&PaymentInput {
            debt: debt.to_string(),
            date: day.into(),
            amount: amount.into(),
            money_account: "Kas".into(),
            note: String::new(),
        })
        .unwrap();
    }
    cash(&mut s, Transfer, "2026-11-29", "2.000.000", Some("Bank"));
    cash(&mut s, Drawing, "2026-11-30", "700.000", None);
    s
}

fn statements() -> ReportRequest {
    ReportRequest {
        kind: ReportKind::Statements,
        from: date(2026, 11, 1),
        to: date(2026, 11, 30),
        account: None,
    }
}

#[test]
fn the_pdf_renders_a_page_with_the_statements() {
    let dir = tempfile::tempdir().unwrap();
    let s = bu_sari(dir.path());
    let doc = build(&s, &statements(), Lang::Id).unwrap();
    let pdf = dir.path().join("laporan.pdf");
    std::fs::write(&pdf, to_pdf(&doc, Lang::Id)).unwrap();

    // Render page 1 to a grey-scale PGM and count the dark pixels.
    let dark = common::dark_pixels(&pdf, 40);
    assert!(dark > 1_000, "page 1 is nearly blank: {dark} dark pixels");

    // The text of the statements, as a reader would copy it out.
    let text = Command::new("pdftotext").args(["-layout"]).arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for expected in [
        "Toko Kue Bu Sari",
        "Laporan Posisi Keuangan",
        "Rp14.250.000",  // jumlah aset
        "Rp13.950.000",  // jumlah ekuitas
        "Rp8.000.000",   // pendapatan
        "Rp4.650.000",   // laba bersih
        "Rp10.250.000",  // kas akhir
        "(Rp3.500.000)", // investasi
        "Standar Akuntansi Keuangan Entitas Mikro",
        "Halaman 1 dari",
    ] {
        assert!(text.contains(expected), "PDF text lacks {expected:?}:\n{text}");
    }
}

#[test]
fn the_xlsx_holds_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let s = bu_sari(dir.path());
    let doc = build(&s, &statements(), Lang::Id).unwrap();
    let bytes = to_xlsx(&doc).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("Laporan Keuangan").unwrap();
    let rows: Vec<(String, Option<f64>)> = range
        .rows()
        .map(|r| {
            let label = match r.first() {
                Some(Data::String(s)) => s.clone(),
                _ => String::new(),
            };
            let amount = r.get(1).and_then(|c| match c {
                Data::Float(f) => Some(*f),
                Data::Int(i) => Some(*i as f64),
                _ => None,
            });
            (label, amount)
        })
        .collect();
    let first = |label: &str| rows.iter().find(|(l, _)| l == label).and_then(|(_, a)| *a);
    assert_eq!(rows[0].0, "Toko Kue Bu Sari");
    assert_eq!(first("Kas"), Some(8_250_000.0));
    assert_eq!(first("Bank"), Some(2_000_000.0));
    assert_eq!(first("Piutang usaha"), Some(500_000.0));
    assert_eq!(first("Jumlah aset"), Some(14_250_000.0));
    assert_eq!(first("Utang usaha"), Some(300_000.0));
    assert_eq!(first("Jumlah ekuitas"), Some(13_950_000.0));
    assert_eq!(first("Jumlah pendapatan"), Some(8_000_000.0));
    assert_eq!(first("Jumlah beban"), Some(3_350_000.0));
    assert_eq!(first("Laba (rugi) bersih"), Some(4_650_000.0));
    assert_eq!(first("Kas bersih dari aktivitas operasi"), Some(4_450_000.0));
    assert_eq!(first("Kas bersih dari aktivitas investasi"), Some(-3_500_000.0));
    assert_eq!(first("Kas bersih dari aktivitas pendanaan"), Some(9_300_000.0));
    assert_eq!(first("Kenaikan (penurunan) kas bersih"), Some(10_250_000.0));
}

/// A Buku Besar needs an account; Neraca Saldo balances in the file too.
#[test]
fn the_trial_balance_file_balances_and_a_ledger_needs_an_account() {
    let dir = tempfile::tempdir().unwrap();
    let s = bu_sari(dir.path());
    let mut req = statements();
    req.kind = ReportKind::GeneralLedger;
    assert!(build(&s, &req, Lang::Id).is_err());
    req.kind = ReportKind::TrialBalance;
    let doc = build(&s, &req, Lang::Id).unwrap();
    let usahaku_export::Block::Table { rows, .. } = &doc.blocks[0] else { panic!("a table") };
    let last = rows.last().unwrap();
    // Debits: Kas 8.250.000 + Bank 2.000.000 + Piutang 500.000 + Peralatan 3.500.000
    // + Prive 700.000 + bahan 2.000.000 + sewa 1.000.000 + listrik 350.000 = 18.300.000.
    let m = |c: &usahaku_export::Cell| match c {
        usahaku_export::Cell::Money(m) => m.rupiah(),
        _ => 0,
    };
    assert_eq!((m(&last.cells[1]), m(&last.cells[2])), (18_300_000, 18_300_000));
}

#[test]
#[ignore = "writes /tmp/usahaku-laporan.pdf and .xlsx to look at"]
fn write_samples() {
    let dir = tempfile::tempdir().unwrap();
    let s = bu_sari(dir.path());
    let doc = build(&s, &statements(), Lang::Id).unwrap();
    std::fs::write("/tmp/usahaku-laporan.pdf", to_pdf(&doc, Lang::Id)).unwrap();
    std::fs::write("/tmp/usahaku-laporan.xlsx", to_xlsx(&doc).unwrap()).unwrap();
}
