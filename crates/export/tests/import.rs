//! Product import from real files: a 1 000-row XLSX with seven bad rows, the CSV dialects
//! Excel writes, the template, and an export that imports back unchanged.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use rust_xlsxwriter::Workbook;
use std::sync::Arc;
use usahaku_core::catalog_import::ImportAction;
use usahaku_core::ledger::default_account_id;
use usahaku_core::{BusinessType, Home, Lang, ManualClock, Money, NewBusiness, Qty, Store, Timezone};
use usahaku_export::table::{read_table, write_csv, write_template, write_xlsx};

fn shop(dir: &std::path::Path) -> Store {
    Home::new(dir)
        .create(
            Arc::new(ManualClock::stepping(1_793_000_000_000, 1)),
            NewBusiness {
                name: "Grosir Makmur".into(),
                owner_name: "Budi".into(),
                business_type: BusinessType::Toko,
                timezone: Timezone::Wib,
            },
        )
        .unwrap()
        .0
}

/// An EAN-13 from 12 digits: weights 1, 3, 1, 3 … from the left, check = (10 − sum mod 10) mod 10.
fn ean13(body: u64) -> String {
    let digits = format!("{body:012}");
    let sum: u32 = digits
        .chars()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap() * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{digits}{}", (10 - sum % 10) % 10)
}

const HEADER: [&str; 9] = [
    "Nama produk",
    "SKU",
    "Barcode",
    "Kategori",
    "Satuan",
    "Harga jual",
    "Harga beli",
    "Stok awal",
    "Stok minimum",
];

/// Sheet row `row` (2 … 1001) of the test file, with the seven bad rows.
fn cells(row: u32) -> Vec<String> {
    let mut c = vec![
        format!("Produk Uji {row:04}"),
        format!("UJI-{row:04}"),
        ean13(899_100_000_000 + u64::from(row)),
        "Sembako".into(),
        "pcs".into(),
        (1_000 + row).to_string(),
        (500 + row).to_string(),
        (row % 10).to_string(),
        "2".into(),
    ];
    match row {
        101 => c[5] = "lima ribu".into(),
        202 => c[2] = ean13(899_100_000_000 + 2), // row 2's barcode
        303 => {
            let good = ean13(899_100_000_000 + 303);
            let last = good.chars().last().unwrap().to_digit(10).unwrap();
            c[2] = format!("{}{}", &good[..12], (last + 1) % 10);
        }
        404 => c[0] = String::new(),
        505 => c[4] = "ekor".into(),
        606 => c[7] = "-5".into(),
        707 => c[0] = "K".repeat(300),
        _ => {}
    }
    c
}

const BAD: [(u32, &str); 7] = [
    (101, "bad_price"),
    (202, "duplicate_barcode"),
    (303, "barcode_check_digit"),
    (404, "name_required"),
    (505, "unknown_unit"),
    (606, "negative_stock"),
    (707, "too_long"),
];

fn write_test_file(path: &std::path::Path) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for row in 2..=1001u32 {
        for (c, v) in cells(row).iter().enumerate() {
            // Prices and quantities as numbers (as a shop owner types them), the rest as text.
            match (c, v.parse::<f64>()) {
                (5..=8, Ok(n)) => ws.write_number(row - 1, c as u16, n).unwrap(),
                _ => ws.write_string(row - 1, c as u16, v).unwrap(),
            };
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_thousand_row_xlsx_with_seven_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("produk.xlsx");
    write_test_file(&file);
    let mut s = shop(&dir.path().join("data"));
    let table = read_table("produk.xlsx", &std::fs::read(&file).unwrap()).unwrap();
    let ops = s.op_count().unwrap();
    let plan = s.plan_import(&table, Lang::Id).unwrap();
    assert_eq!(s.op_count().unwrap(), ops, "a preview writes nothing");
    let p = &plan.preview;
    let issues: Vec<(u32, &str)> = p.issues.iter().map(|i| (i.row, i.code.as_str())).collect();
    assert_eq!(issues, BAD);
    assert_eq!((p.rows, p.new_count, p.update_count, p.unchanged_count), (1000, 993, 0, 0));
    let message = |row: u32| p.issues.iter().find(|i| i.row == row).unwrap();
    assert_eq!(message(202).column, "Barcode");
    assert!(message(101).message.contains("lima ribu"), "{}", message(101).message);
    assert_eq!(message(606).message, "Stok awal tidak boleh minus.");

    // Opening value, by hand: Σ (row mod 10) × (500 + row) over the good rows.
    let expected: i64 = (2..=1001i64)
        .filter(|r| !BAD.iter().any(|(b, _)| i64::from(*b) == *r))
        .map(|r| (r % 10) * (500 + r))
        .sum();
    assert_eq!(p.opening_value, Money::from_rupiah(expected));

    let result = s.commit_import(&plan).unwrap();
    assert_eq!((result.created, result.refused), (993, 7));
    assert_eq!(s.products().unwrap().len(), 993);
    let p17 = s.find_product("UJI-0017").unwrap();
    assert_eq!(
        (p17.price, p17.stock, p17.avg_cost),
        (Money::from_rupiah(1_017), Qty::from_units(7).unwrap(), Money::from_rupiah(517))
    );
    assert_eq!(s.find_product(&ean13(899_100_000_000 + 17)).unwrap().id, p17.id);
    let tb = s.trial_balance(s.today().unwrap()).unwrap();
    let persediaan = tb.iter().find(|l| l.account.id == default_account_id("1-301")).unwrap();
    assert_eq!(persediaan.debit, Money::from_rupiah(expected));
    assert_eq!(s.stock_value(s.today().unwrap()).unwrap().total, Money::from_rupiah(expected));

    // The same file again: matched by SKU, nothing new, no stock added twice.
    let ops = s.op_count().unwrap();
    let again = s.plan_import(&table, Lang::Id).unwrap();
    assert_eq!(
        (again.preview.new_count, again.preview.update_count, again.preview.unchanged_count),
        (0, 0, 993)
    );
    assert_eq!(again.preview.issues.len(), 7);
    s.commit_import(&again).unwrap();
    assert_eq!(s.op_count().unwrap(), ops);
    assert_eq!(s.products().unwrap().len(), 993);
    assert_eq!(s.stock_level(p17.id).unwrap().qty, Qty::from_units(7).unwrap());
}

#[test]
fn csv_with_semicolons_and_a_changed_price_updates_one_product() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(&dir.path().join("data"));
    let csv = "\u{feff}Nama produk;SKU;Satuan;Harga jual;Stok awal;Harga beli\n\
               Keripik Tempe;KRP-1;bungkus;12.000;10;8.000\n\
               \n\
               Sambal Bawang;;botol;25.000;;\n";
    let table = read_table("produk.csv", csv.as_bytes()).unwrap();
    let plan = s.plan_import(&table, Lang::Id).unwrap();
    assert!(plan.preview.issues.is_empty(), "{:?}", plan.preview.issues);
    assert_eq!(plan.preview.rows, 2, "the blank line is skipped");
    assert_eq!(plan.preview.sample[1].sku, "A-00001", "automatic SKU");
    assert_eq!(plan.preview.opening_value, Money::from_rupiah(80_000));
    s.commit_import(&plan).unwrap();

    // A file that gives an automatic SKU to one row and names the same SKU in a later row.
    let clash = "Nama produk;SKU;Harga jual\nKerupuk Udang;;9.000\nRempeyek;A-00002;7.000\n";
    let plan = s.plan_import(&read_table("c.csv", clash.as_bytes()).unwrap(), Lang::Id).unwrap();
    assert_eq!(plan.preview.sample[0].sku, "A-00002");
    let issues: Vec<(u32, &str)> = plan.preview.issues.iter().map(|i| (i.row, i.code.as_str())).collect();
    assert_eq!(issues, [(3, "duplicate_sku")]);

    let csv2 = "Nama produk,SKU,Harga jual\nKeripik Tempe,KRP-1,13.500\nSambal Bawang,A-00001,25.000\n";
    let plan = s.plan_import(&read_table("ubah.csv", csv2.as_bytes()).unwrap(), Lang::Id).unwrap();
    let actions: Vec<ImportAction> = plan.preview.sample.iter().map(|r| r.action).collect();
    assert_eq!(actions, [ImportAction::Update, ImportAction::Unchanged]);
    s.commit_import(&plan).unwrap();
    let k = s.find_product("KRP-1").unwrap();
    assert_eq!(
        (k.price, k.unit.as_str(), k.stock),
        (Money::from_rupiah(13_500), "bungkus", Qty::from_units(10).unwrap())
    );
}

#[test]
fn an_export_imports_back_unchanged_and_the_template_reads() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(&dir.path().join("data"));
    let csv = "Nama produk;SKU;Barcode;Satuan;Harga jual;Harga grosir;Stok awal;Harga beli;Stok dihitung;Kedaluwarsa\n\
               Kopi Bubuk;KOPI-1;4006381333931;pack;15.000;\"12=13.500; 48=12.750\";24;10.000;ya;30/06/2027\n\
               Jasa Bungkus Kado;JASA-1;;pcs;5.000;;;;tidak;\n";
    let plan = s.plan_import(&read_table("a.csv", csv.as_bytes()).unwrap(), Lang::Id).unwrap();
    assert!(plan.preview.issues.is_empty(), "{:?}", plan.preview.issues);
    s.commit_import(&plan).unwrap();
    let kopi = s.find_product("4006381333931").unwrap();
    assert_eq!(kopi.tiers.len(), 2);
    assert!(!s.find_product("JASA-1").unwrap().tracked);

    let table = s.products_table(Lang::Id).unwrap();
    for (name, write) in [
        (
            "produk.xlsx",
            &(|t: &[Vec<String>], p: &std::path::Path| write_xlsx(t, "Produk", p))
                as &dyn Fn(&[Vec<String>], &std::path::Path) -> Result<(), usahaku_export::table::TableError>,
        ),
        ("produk.csv", &|t: &[Vec<String>], p: &std::path::Path| write_csv(t, p)),
    ] {
        let path = dir.path().join(name);
        write(&table, &path).unwrap();
        let back = read_table(name, &std::fs::read(&path).unwrap()).unwrap();
        let plan = s.plan_import(&back, Lang::Id).unwrap();
        assert!(plan.preview.issues.is_empty(), "{name}: {:?}", plan.preview.issues);
        assert_eq!(
            (plan.preview.new_count, plan.preview.update_count, plan.preview.unchanged_count),
            (0, 0, 2),
            "{name}"
        );
    }

    let template = dir.path().join("templat.xlsx");
    write_template(&template, Lang::Id).unwrap();
    let t = read_table("templat.xlsx", &std::fs::read(&template).unwrap()).unwrap();
    assert_eq!(t[0][0], "Nama produk");
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = shop(fresh_dir.path());
    let plan = fresh.plan_import(&t, Lang::Id).unwrap();
    assert!(plan.preview.issues.is_empty(), "the template's examples import: {:?}", plan.preview.issues);
    assert_eq!(plan.preview.new_count, 2);
    // 24 × 10.000.
    assert_eq!(plan.preview.opening_value, Money::from_rupiah(240_000));
}

#[test]
fn unreadable_files_get_a_clear_message() {
    let err = read_table("foto.jpg", b"\xFF\xD8").unwrap_err();
    assert_eq!(
        err.message(Lang::Id),
        "Berkas \"foto.jpg\" tidak bisa dibaca. Pakai berkas Excel (.xlsx) atau CSV."
    );
    assert!(read_table("rusak.xlsx", b"not a zip").is_err());
    let dir = tempfile::tempdir().unwrap();
    let s = shop(dir.path());
    let plan = s.plan_import(&[vec!["Harga".into()], vec!["5000".into()]], Lang::Id).unwrap();
    assert_eq!(plan.preview.issues[0].code, "no_name_column");
}
