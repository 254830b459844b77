//! Pembukuan through the `usahaku` command: Toko Kue Bu Sari's November typed on the command
//! line gives the hand-computed statements; bad input is refused with a clear message and
//! writes nothing.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::path::Path;

mod common;
use common::{ok, usahaku};

fn json(home: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(home, args)).expect("json")
}

/// The id printed after "(ID …)".
fn id_of(text: &str) -> String {
    let start = text.find("(ID ").unwrap() + 4;
    text[start..start + 36].to_owned()
}

fn amount_of(lines: &serde_json::Value, code: &str) -> i64 {
    lines
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["account"]["code"] == code)
        .map_or(0, |l| l["amount"].as_i64().unwrap())
}

#[test]
fn bu_saris_november_on_the_command_line_gives_the_hand_computed_statements() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Toko Kue Bu Sari", "--pemilik", "Sari", "--jenis", "kuliner"]);
    ok(h, &["kas", "modal", "--jumlah", "10.000.000", "--tanggal", "2026-11-01", "--ket", "Modal awal"]);
    ok(
        h,
        &[
            "kas",
            "keluar",
            "--jumlah",
            "3.500.000",
            "--kategori",
            "Peralatan",
            "--tanggal",
            "2026-11-02",
            "--ket",
            "Oven",
        ],
    );
    ok(h, &["kas", "keluar", "--jumlah", "1.200.000", "--kategori", "bahan baku", "--tanggal", "03/11/2026"]);
    let supplier = id_of(&ok(
        h,
        &[
            "utang",
            "tambah",
            "--pihak",
            "Toko Bahan Makmur",
            "--jumlah",
            "800.000",
            "--kategori",
            "bahan baku",
            "--tanggal",
            "2026-11-03",
            "--jatuh-tempo",
            "2026-11-30",
        ],
    ));
    for (day, amount) in [
        ("05", "1.500.000"),
        ("10", "Rp1.000.000"),
        ("17", "2000000"),
        ("22", "1.200.000"),
        ("27", "800.000"),
    ] {
        ok(
            h,
            &[
                "kas",
                "masuk",
                "--jumlah",
                amount,
                "--kategori",
                "penjualan",
                "--tanggal",
                &format!("2026-11-{day}"),
            ],
        );
    }
    let budi = id_of(&ok(
        h,
        &[
            "piutang",
            "tambah",
            "--pihak",
            "Warung Pak Budi",
            "--jumlah",
            "1.500.000",
            "--tanggal",
            "2026-11-15",
            "--jatuh-tempo",
            "2026-11-30",
        ],
    ));
    ok(h, &["kas", "keluar", "--jumlah", "1.000.000", "--kategori", "sewa", "--tanggal", "2026-11-20"]);
    ok(h, &["kas", "keluar", "--jumlah", "350.000", "--kategori", "6-104", "--tanggal", "2026-11-20"]);
    let paid = ok(h, &["piutang", "bayar", &budi, "--jumlah", "1.000.000", "--tanggal", "2026-11-25"]);
    assert!(paid.contains("Sisa Rp500.000"), "{paid}");
    ok(h, &["utang", "bayar", &supplier, "--jumlah", "500.000", "--tanggal", "2026-11-28"]);
    ok(h, &["kas", "pindah", "--jumlah", "2.000.000", "--ke", "Bank", "--tanggal", "2026-11-29"]);
    ok(h, &["kas", "prive", "--jumlah", "700.000", "--tanggal", "2026-11-30"]);

    let period = ["--dari", "2026-11-01", "--sampai", "2026-11-30", "--json"];
    let pl = json(h, &[&["laporan", "laba-rugi"][..], &period].concat());
    assert_eq!(
        (pl["revenue"].as_i64(), pl["expenses"].as_i64(), pl["net_profit"].as_i64()),
        (Some(8_000_000), Some(3_350_000), Some(4_650_000))
    );
    let bs = json(h, &[&["laporan", "posisi-keuangan"][..], &period].concat());
    assert_eq!(amount_of(&bs["assets"], "1-101"), 8_250_000);
    assert_eq!(amount_of(&bs["assets"], "1-102"), 2_000_000);
    assert_eq!(amount_of(&bs["assets"], "1-201"), 500_000);
    assert_eq!(amount_of(&bs["assets"], "1-401"), 3_500_000);
    assert_eq!(bs["total_assets"], 14_250_000);
    assert_eq!(amount_of(&bs["liabilities"], "2-101"), 300_000);
    assert_eq!(bs["total_equity"], 13_950_000);
    let cf = json(h, &[&["laporan", "arus-kas"][..], &period].concat());
    assert_eq!(
        (cf["operating"].as_i64(), cf["investing"].as_i64(), cf["financing"].as_i64(), cf["net"].as_i64()),
        (Some(4_450_000), Some(-3_500_000), Some(9_300_000), Some(10_250_000))
    );
    let pph = json(h, &["laporan", "pph", "--bulan", "2026-11", "--json"]);
    assert_eq!(
        (pph["tax"].as_i64(), pph["kap"].as_str()),
        (Some(0), Some("411128")),
        "orang pribadi under 500 juta"
    );
    ok(h, &["profile", "set", "--wajib-pajak", "badan"]);
    let pph = json(h, &["laporan", "pph", "--bulan", "2026-11", "--json"]);
    assert_eq!(pph["tax"], 40_000, "badan: 0,5% of Rp8.000.000");

    // The text report and the files.
    let text = ok(
        h,
        &[
            "laporan",
            "laba-rugi",
            "--dari",
            "2026-11-01",
            "--sampai",
            "2026-11-30",
            "--pdf",
            &h.join("lr.pdf").display().to_string(),
            "--xlsx",
            &h.join("lr.xlsx").display().to_string(),
        ],
    );
    assert!(text.contains("Laporan Laba Rugi") && text.contains("Rp4.650.000"), "{text}");
    assert!(std::fs::read(h.join("lr.pdf")).unwrap().starts_with(b"%PDF-"));
    assert!(std::fs::read(h.join("lr.xlsx")).unwrap().starts_with(b"PK"));
    let book = json(
        h,
        &["kas", "daftar", "--dari", "2026-11-01", "--sampai", "2026-11-30", "--akun", "Kas", "--json"],
    );
    assert_eq!(book["closing"], 8_250_000);
    let open = json(h, &["piutang", "daftar", "--json"]);
    assert_eq!(open[0]["debt"]["outstanding"], 500_000);
    let reminder = ok(h, &["piutang", "ingatkan", &budi, "--telp", "0812-3456-7890"]);
    assert!(reminder.contains("https://wa.me/6281234567890?text=Halo%20Warung%20Pak%20Budi"), "{reminder}");
}

#[test]
fn bad_ledger_input_is_refused_clearly_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Warung Uji", "--pemilik", "Uji"]);
    let ops = |h: &Path| json(h, &["ops", "list", "--json"]).as_array().unwrap().len();
    let before = ops(h);
    ok(h, &["tutup-buku", "2026-10"]);
    let before_locked = ops(h);
    assert_eq!(before_locked, before + 1);
    for (args, message) in [
        (
            &["kas", "masuk", "--jumlah", "0", "--kategori", "penjualan", "--tanggal", "2026-11-02"][..],
            "Jumlah harus lebih dari Rp0.",
        ),
        (
            &["kas", "masuk", "--jumlah", "-5.000", "--kategori", "penjualan", "--tanggal", "2026-11-02"][..],
            "Jumlah harus lebih dari Rp0.",
        ),
        (
            &["kas", "masuk", "--jumlah", "99999999999999999999", "--kategori", "penjualan"][..],
            "terlalu besar",
        ),
        (&["kas", "masuk", "--jumlah", "1.000", "--kategori", "akun-tidak-ada"][..], "Akun tidak ditemukan"),
        (
            &["kas", "masuk", "--jumlah", "1.000", "--kategori", "penjualan", "--tanggal", "2026-10-15"][..],
            "sudah ditutup",
        ),
        (
            &["kas", "masuk", "--jumlah", "1.000", "--kategori", "penjualan", "--tanggal", "31/02/2026"][..],
            "tidak dikenali",
        ),
        (&["kas", "keluar", "--jumlah", "1.000"][..], "Kategori wajib diisi."),
        (
            &[
                "piutang",
                "tambah",
                "--pihak",
                "Pak Budi",
                "--jumlah",
                "1.000",
                "--tanggal",
                "2026-11-15",
                "--jatuh-tempo",
                "2026-11-01",
            ][..],
            "jatuh tempo tidak boleh sebelum",
        ),
    ] {
        let o = usahaku(h, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    assert_eq!(ops(h), before_locked, "nothing written");
}

#[test]
fn accounts_are_added_renamed_and_removed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Warung Uji", "--pemilik", "Uji"]);
    assert!(ok(h, &["akun", "tambah", "--nama", "Bank BRI", "--jenis", "bank"]).contains("1-403 Bank BRI"));
    ok(
        h,
        &[
            "kas",
            "masuk",
            "--jumlah",
            "50.000",
            "--kategori",
            "penjualan",
            "--akun",
            "Bank BRI",
            "--tanggal",
            "2026-11-02",
        ],
    );
    let book = json(h, &["kas", "daftar", "--dari", "2026-11-01", "--akun", "bri", "--json"]);
    assert_eq!(book["closing"], 50_000);
    ok(h, &["akun", "ganti-nama", "1-403", "--nama", "Bank BRI Cabang Ubud"]);
    let o = usahaku(h, &["akun", "hapus", "Bank BRI Cabang Ubud"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("sudah dipakai"));
    let o = usahaku(h, &["akun", "tambah", "--nama", "X", "--jenis", "lain"]);
    assert_eq!(o.status.code(), Some(2));
    ok(h, &["akun", "tambah", "--nama", "Beban cadangan", "--jenis", "beban"]);
    ok(h, &["akun", "hapus", "cadangan"]);
    assert!(!ok(h, &["akun"]).contains("Beban cadangan"));
}

#[test]
fn a_manual_journal_posts_depreciation_and_refuses_an_unbalanced_one() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Warung Uji", "--pemilik", "Uji"]);
    ok(h, &["kas", "keluar", "--jumlah", "3.000.000", "--kategori", "Peralatan", "--tanggal", "2026-11-02"]);
    ok(
        h,
        &[
            "jurnal",
            "--ket",
            "Penyusutan oven November",
            "--debit",
            "6-107=62.500",
            "--kredit",
            "Akumulasi penyusutan=62.500",
            "--tanggal",
            "2026-11-30",
        ],
    );
    let bs = json(h, &["laporan", "posisi-keuangan", "--sampai", "2026-11-30", "--json"]);
    // Peralatan 3.000.000 less akumulasi 62.500; Kas −3.000.000 (no capital entered).
    assert_eq!(amount_of(&bs["assets"], "1-402"), -62_500);
    assert_eq!(bs["total_assets"], -62_500);
    let pl = json(h, &["laporan", "laba-rugi", "--dari", "2026-11-01", "--json"]);
    assert_eq!(pl["expenses"], 62_500);
    let o = usahaku(h, &["jurnal", "--ket", "Salah", "--debit", "6-107=1.000", "--kredit", "1-402=900"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Jurnal tidak seimbang"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
