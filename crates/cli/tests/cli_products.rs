//! Products through the `usahaku` command.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::path::Path;

mod common;
use common::{ok, op_count, usahaku};

#[test]
fn products_are_added_changed_searched_and_bad_ones_refused() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Toko Kopi Nusantara", "--pemilik", "Made"]);
    let added = ok(
        h,
        &[
            "produk",
            "tambah",
            "--nama",
            "Kopi Bubuk Kintamani 250 g",
            "--harga",
            "15.000",
            "--barcode",
            "4006381333931",
            "--satuan",
            "pack",
            "--grosir",
            "12=13.500",
            "--grosir",
            "48=12.750",
        ],
    );
    assert!(added.contains("A-00001") && added.contains("Rp15.000"), "{added}");
    ok(h, &["produk", "ubah", "4006381333931", "--harga", "16.000"]);
    let found: serde_json::Value =
        serde_json::from_str(&ok(h, &["produk", "cari", "kintamani", "--json"])).unwrap();
    assert_eq!(found[0]["price"], 16_000);
    assert_eq!(found[0]["name"], "Kopi Bubuk Kintamani 250 g", "the name stays");
    assert_eq!(found[0]["tiers"][0]["price"], 13_500);
    assert_eq!(found[0]["tiers"][1]["min_qty"], 48_000, "thousandths of a pack");

    let ops = |h: &Path| {
        serde_json::from_str::<serde_json::Value>(&ok(h, &["ops", "list", "--json"]))
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    let before = ops(h);
    for (args, message) in [
        (&["produk", "tambah", "--nama", "Gula", "--barcode", "4006381333932"][..], "check digit"),
        (&["produk", "tambah", "--nama", "Gula", "--barcode", "4006381333931"][..], "sudah dipakai"),
        (&["produk", "tambah", "--nama", "Gula", "--satuan", "ons"][..], "Satuan \"ons\" tidak dikenal"),
        (&["produk", "tambah", "--harga", "5.000"][..], "Nama produk wajib diisi."),
        (&["produk", "ubah", "TIDAK-ADA", "--harga", "1"][..], "Produk tidak ditemukan."),
    ] {
        let o = usahaku(h, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    assert_eq!(ops(h), before, "nothing written");
    ok(h, &["produk", "arsip", "A-00001"]);
    assert!(ok(h, &["produk", "daftar"]).contains("Belum ada produk."));
    // Archived, not gone: listed with --arsip, and active again with aktifkan.
    assert!(ok(h, &["produk", "daftar", "--arsip"]).contains("A-00001"));
    assert!(ok(h, &["produk", "aktifkan", "A-00001"]).contains("Produk aktif lagi: A-00001"));
    assert!(ok(h, &["produk", "daftar"]).contains("A-00001"));
    assert!(ok(h, &["produk", "daftar", "--arsip"]).contains("Tidak ada produk yang diarsipkan."));
}

#[test]
fn stock_is_received_adjusted_counted_and_valued_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Toko Sembako Bu Ani", "--pemilik", "Ani"]);
    ok(
        h,
        &[
            "produk",
            "tambah",
            "--nama",
            "Gula Pasir 1 kg",
            "--sku",
            "GULA",
            "--harga",
            "17.000",
            "--stok-min",
            "5",
        ],
    );
    ok(h, &["produk", "tambah", "--nama", "Minyak Goreng 2 L", "--sku", "MINYAK", "--harga", "38.000"]);
    ok(h, &["pemasok", "tambah", "--nama", "UD Sumber Rejeki", "--telepon", "0812-3456-7890"]);
    let out = ok(
        h,
        &[
            "stok",
            "masuk",
            "GULA",
            "10",
            "5.000",
            "--juga",
            "MINYAK:6:31.500",
            "--bayar",
            "Utang usaha",
            "--pemasok",
            "UD Sumber Rejeki",
            "--tanggal",
            "02/11/2026",
        ],
    );
    assert!(out.contains("2 gerakan stok"), "{out}");
    ok(h, &["stok", "masuk", "GULA", "14", "6.500", "--tanggal", "2026-11-04"]);
    // 10 × 5.000 + 14 × 6.500 = 141.000 for 24: 5.875 each. Two broken: 11.750.
    ok(h, &["stok", "sesuaikan", "GULA", "-2", "--alasan", "rusak", "--tanggal", "2026-11-05"]);
    // Counted 20 of 22 gula (2 × 5.875 = 11.750 lost) and 7 of 6 minyak (31.500 found).
    ok(h, &["stok", "opname", "--hitung", "GULA=20", "--hitung", "MINYAK=7", "--tanggal", "2026-11-06"]);
    let value: serde_json::Value =
        serde_json::from_str(&ok(h, &["stok", "nilai", "--per", "2026-11-30", "--json"])).unwrap();
    // 141.000 − 11.750 − 11.750 = 117.500 gula; 7 × 31.500 = 220.500 minyak.
    assert_eq!(value["total"], 117_500 + 220_500);
    assert_eq!(value["ledger_balance"], 117_500 + 220_500);
    let card: serde_json::Value = serde_json::from_str(&ok(
        h,
        &["stok", "kartu", "GULA", "--dari", "2026-11-01", "--sampai", "2026-11-30", "--json"],
    ))
    .unwrap();
    assert_eq!(card["rows"].as_array().unwrap().len(), 4);
    assert_eq!(card["closing_qty"], 20_000);
    let debts: serde_json::Value = serde_json::from_str(&ok(h, &["utang", "daftar", "--json"])).unwrap();
    let debt = &debts[0]["debt"];
    assert_eq!(
        (debt["counterparty"].as_str(), debt["outstanding"].as_i64()),
        (Some("UD Sumber Rejeki"), Some(10 * 5_000 + 6 * 31_500))
    );
    assert!(ok(h, &["stok", "menipis"]).contains("Semua stok aman"));
    // The supplier's history: the two lines bought on credit, all still owed.
    let history: serde_json::Value = serde_json::from_str(&ok(
        h,
        &[
            "pemasok",
            "riwayat",
            "ud sumber rejeki",
            "--dari",
            "2026-11-01",
            "--sampai",
            "2026-11-30",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(history["rows"].as_array().unwrap().len(), 2);
    assert_eq!((history["total"].as_i64(), history["owed"].as_i64()), (Some(239_000), Some(239_000)));

    let before = op_count(h);
    for (args, message) in [
        (&["stok", "masuk", "GULA", "0", "5.000"][..], "Jumlah \"0\" tidak benar"),
        (&["stok", "masuk", "GULA", "3", "lima ribu"][..], "Harga beli \"lima ribu\" tidak benar"),
        (
            &["stok", "masuk", "GULA", "3", "5.000", "--bayar", "Penjualan"][..],
            "tidak bisa dipakai untuk membayar",
        ),
        (&["stok", "masuk", "GULA", "3", "5.000", "--bayar", "Utang usaha"][..], "perlu nama pemasok"),
        (&["stok", "sesuaikan", "GULA", "-50", "--alasan", "hilang"][..], "tinggal 20"),
        (&["stok", "sesuaikan", "GULA", "-1", "--alasan", "dicuri tikus"][..], "Alasan \"dicuri tikus\""),
        (&["stok", "opname", "--hitung", "GULA=-1"][..], "Jumlah \"-1\" tidak benar"),
        (&["stok", "kartu", "TIDAK-ADA"][..], "Produk tidak ditemukan."),
    ] {
        let o = usahaku(h, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    assert_eq!(op_count(h), before, "nothing written");
}

#[test]
fn a_product_file_is_previewed_then_imported_with_ya() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Toko Kopi Nusantara", "--pemilik", "Made"]);
    let file = h.join("produk.csv");
    std::fs::write(
        &file,
        "Nama produk;SKU;Harga jual;Stok awal;Harga beli\nKopi Bubuk;KOPI-1;15.000;24;10.000\n;KOSONG;1.000;;\n",
    )
    .unwrap();
    let before = op_count(h);
    let preview = ok(h, &["produk", "impor", file.to_str().unwrap()]);
    assert!(
        preview.contains("1 baru") && preview.contains("Baris 3 [Nama produk]: Nama produk wajib diisi."),
        "{preview}"
    );
    assert_eq!(op_count(h), before, "a preview writes nothing");
    ok(h, &["produk", "impor", file.to_str().unwrap(), "--ya"]);
    let kopi: serde_json::Value =
        serde_json::from_str(&ok(h, &["produk", "cari", "KOPI-1", "--json"])).unwrap();
    assert_eq!((kopi[0]["stock"].clone(), kopi[0]["avg_cost"].clone()), (24_000.into(), 10_000.into()));
    let again = ok(h, &["produk", "impor", file.to_str().unwrap(), "--ya"]);
    assert!(again.contains("0 baru") && again.contains("1 sama"), "{again}");
    let template = h.join("templat.xlsx");
    ok(h, &["produk", "templat", template.to_str().unwrap()]);
    assert!(std::fs::metadata(&template).unwrap().len() > 1000);
}

#[test]
fn a_stock_value_difference_is_booked_once_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Toko Sembako Bu Ani", "--pemilik", "Ani"]);
    ok(h, &["produk", "tambah", "--nama", "Gula Pasir 1 kg", "--sku", "GULA", "--harga", "17.000"]);
    ok(h, &["stok", "masuk", "GULA", "10", "5.000", "--tanggal", "2026-11-02"]);
    // Rp20.000 of stock bought through the cash book, not as barang masuk: the books hold
    // 70.000 of Persediaan, the stock 50.000.
    ok(h, &["kas", "keluar", "--jumlah", "20.000", "--kategori", "Persediaan", "--tanggal", "2026-11-05"]);
    let value: serde_json::Value =
        serde_json::from_str(&ok(h, &["stok", "nilai", "--per", "2026-11-30", "--json"])).unwrap();
    assert_eq!((value["total"].as_i64(), value["difference"].as_i64()), (Some(50_000), Some(-20_000)));

    let before = op_count(h);
    let out = ok(h, &["stok", "nilai", "--per", "2026-11-30", "--bukukan-selisih"]);
    assert!(out.contains("Selisih dibukukan -Rp20.000"), "{out}");
    assert_eq!(op_count(h), before + 1);
    let value: serde_json::Value =
        serde_json::from_str(&ok(h, &["stok", "nilai", "--per", "2026-11-30", "--json"])).unwrap();
    assert_eq!((value["ledger_balance"].as_i64(), value["difference"].as_i64()), (Some(50_000), Some(0)));

    // A second time there is nothing to book: refused, nothing written.
    let o = usahaku(h, &["stok", "nilai", "--per", "2026-11-30", "--bukukan-selisih"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("Tidak ada yang perlu dibukukan"), "{err}");
    assert_eq!(op_count(h), before + 1);
}

#[test]
fn products_expiring_soon_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Toko Sembako Bu Ani", "--pemilik", "Ani"]);
    ok(
        h,
        &[
            "produk",
            "tambah",
            "--nama",
            "Susu UHT 1 L",
            "--sku",
            "SUSU",
            "--harga",
            "19.000",
            "--kedaluwarsa",
            "25/11/2026",
        ],
    );
    ok(
        h,
        &[
            "produk",
            "tambah",
            "--nama",
            "Selai Nanas",
            "--sku",
            "SELAI",
            "--harga",
            "25.000",
            "--kedaluwarsa",
            "2027-03-01",
        ],
    );
    ok(h, &["stok", "masuk", "SUSU", "12", "15.500", "--juga", "SELAI:5:20.000", "--tanggal", "2026-11-01"]);
    let rows: serde_json::Value =
        serde_json::from_str(&ok(h, &["stok", "kedaluwarsa", "--per", "2026-11-20", "--json"])).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    // 5 days left; 12 × 15.500 = 186.000 at risk.
    assert_eq!(
        (rows[0]["sku"].as_str(), rows[0]["days_left"].as_i64(), rows[0]["value"].as_i64()),
        (Some("SUSU"), Some(5), Some(186_000))
    );
    let text = ok(h, &["stok", "kedaluwarsa", "--per", "2026-11-27"]);
    assert!(text.contains("SUSU") && text.contains("lewat 2 hari"), "{text}");
    let text = ok(h, &["stok", "kedaluwarsa", "--per", "2026-11-01", "--hari", "7"]);
    assert!(text.contains("Tidak ada produk yang kedaluwarsa dalam 7 hari."), "{text}");
}
