//! Pelanggan through the `usahaku` command: a customer added with a phone in everyday form,
//! a sale to them earning points and a second one redeeming some, their page, a complaint
//! logged and closed, and bad input refused with nothing written.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

mod common;
use common::{ok, op_count, usahaku};

#[test]
fn a_customer_buys_earns_and_redeems_points_and_a_complaint_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Toko Batik Bu Sari", "--pemilik", "Sari"]);
    ok(
        h,
        &[
            "produk",
            "tambah",
            "--nama",
            "Kain Batik Tulis",
            "--sku",
            "BATIK",
            "--harga",
            "10.000",
            "--tanpa-stok",
        ],
    );
    // One point per Rp1.000, a point worth Rp100.
    ok(h, &["pelanggan", "atur", "--rupiah-per-poin", "1000", "--nilai-poin", "100"]);
    let rina: serde_json::Value = serde_json::from_str(&ok(
        h,
        &["pelanggan", "tambah", "--nama", "Bu Rina", "--hp", "+62 812 1111 2222", "--json"],
    ))
    .unwrap();
    assert_eq!(rina["phone"], "6281211112222");

    let before = op_count(h);
    for (args, message) in [
        (
            &["pelanggan", "tambah", "--nama", "Rina", "--hp", "0812-1111-2222"][..],
            "sudah dipakai pelanggan Bu Rina",
        ),
        (&["pelanggan", "tambah", "--nama", "Pak Dedi", "--hp", "08123"][..], "9 sampai 15 angka"),
        (&["pelanggan", "tambah", "--hp", "0813 2222 3333"][..], "Nama pelanggan wajib diisi"),
        (&["pelanggan", "daftar", "--segmen", "vip"][..], "tidak dikenal"),
    ] {
        let o = usahaku(h, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    assert_eq!(op_count(h), before, "nothing written");

    // 5 × 10.000 → 50 points; then 2 × 10.000 less 30 points (Rp3.000) = 17.000 → 17 more.
    let first: serde_json::Value = serde_json::from_str(&ok(
        h,
        &["jual", "BATIK=5", "--bayar", "tunai:50.000", "--pelanggan", "0812 1111 2222", "--json"],
    ))
    .unwrap();
    assert_eq!(first["points_earned"], 50);
    let second: serde_json::Value = serde_json::from_str(&ok(
        h,
        &[
            "jual",
            "BATIK=2",
            "--bayar",
            "tunai:20.000",
            "--pelanggan",
            "Bu Rina",
            "--tukar-poin",
            "30",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!((second["total"].as_i64(), second["points_earned"].as_i64()), (Some(17_000), Some(17)));
    let o = usahaku(
        h,
        &["jual", "BATIK", "--bayar", "tunai:10.000", "--pelanggan", "Bu Rina", "--tukar-poin", "38"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("punya 37 poin, diminta 38"));

    ok(h, &["pelanggan", "keluhan", "Bu Rina", "Warna kain luntur", "--saluran", "whatsapp"]);
    let queue: serde_json::Value = serde_json::from_str(&ok(h, &["pelanggan", "layanan", "--json"])).unwrap();
    let id = queue[0]["id"].as_str().unwrap().to_owned();
    ok(h, &["pelanggan", "tanggapi", &id, "--status", "selesai", "--jawaban", "Kain diganti baru"]);
    let page: serde_json::Value =
        serde_json::from_str(&ok(h, &["pelanggan", "lihat", "Bu Rina", "--json"])).unwrap();
    assert_eq!(page["summary"]["purchases"], 2);
    assert_eq!(page["summary"]["total"], 67_000);
    assert_eq!(page["summary"]["points"], 37);
    assert_eq!(page["history"].as_array().unwrap().len(), 2);
    assert_eq!(page["interactions"][0]["status"], "selesai");
    let o = usahaku(h, &["pelanggan", "tanggapi", &id, "--status", "diproses"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tidak bisa mundur"));
    let segments: serde_json::Value =
        serde_json::from_str(&ok(h, &["pelanggan", "segmen", "--json"])).unwrap();
    assert_eq!(segments[1], serde_json::json!(["baru", 1]));
}

/// Reviews, testimonials, a personal message from a template, the content plan and the CRM
/// reports from the command line.
#[test]
fn reviews_messages_content_plan_and_crm_reports() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Toko Batik Bu Sari", "--pemilik", "Sari"]);
    ok(
        h,
        &[
            "produk",
            "tambah",
            "--nama",
            "Kain Batik Tulis",
            "--sku",
            "BATIK",
            "--harga",
            "50.000",
            "--tanpa-stok",
        ],
    );
    ok(h, &["pelanggan", "tambah", "--nama", "Bu Rina", "--hp", "0812-1111-2222"]);
    ok(h, &["jual", "BATIK", "--bayar", "tunai:50.000", "--pelanggan", "Bu Rina"]);
    let before = op_count(h);
    for (args, message) in [
        (
            &["pelanggan", "ulasan", "Bu Rina", "6", "Bagus", "--produk", "BATIK"][..],
            "Pilih bintang 1 sampai 5",
        ),
        (&["pelanggan", "ulasan", "Bu Rina", "5", "Bagus"][..], "Pilih pesanan atau produk"),
        (&["konten", "tambah", "01/12/2026", "myspace", "Foto baru"][..], "tidak dikenal"),
    ] {
        let o = usahaku(h, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    assert_eq!(op_count(h), before, "nothing written");
    let saved = ok(h, &["pelanggan", "ulasan", "Bu Rina", "5", "Kainnya halus", "--produk", "BATIK"]);
    let id = saved.trim().rsplit('(').next().unwrap().trim_end_matches(')').to_owned();
    ok(h, &["pelanggan", "testimoni", &id]);
    assert_eq!(
        ok(h, &["pelanggan", "testimoni"]).trim(),
        "★★★★★ \"Kainnya halus\"\n— Bu Rina — Kain Batik Tulis"
    );
    let messages: serde_json::Value = serde_json::from_str(&ok(
        h,
        &[
            "pelanggan",
            "pesan",
            "Halo {nama}, {produk_terakhir} ready lagi! Kode {kode_promo}.",
            "--kode",
            "RINDU",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(messages[0]["text"], "Halo Bu Rina, Kain Batik Tulis ready lagi! Kode RINDU.");
    ok(h, &["konten", "tambah", "01/12/2026", "instagram", "Foto motif parang", "--produk", "BATIK"]);
    let plan: serde_json::Value =
        serde_json::from_str(&ok(h, &["konten", "daftar", "--bulan", "2026-12", "--json"])).unwrap();
    assert_eq!(
        (plan[0]["caption"].as_str(), plan[0]["product"].as_str()),
        (Some("Foto motif parang"), Some("Kain Batik Tulis"))
    );
    for report in ["pelanggan", "layanan", "pemasaran"] {
        let file = h.join(format!("{report}.xlsx"));
        ok(h, &["laporan", report, "--xlsx", file.to_str().unwrap()]);
        assert!(std::fs::read(&file).unwrap().starts_with(b"PK"), "{report}");
    }
    let customers: serde_json::Value =
        serde_json::from_str(&ok(h, &["laporan", "pelanggan", "--json"])).unwrap();
    assert_eq!(
        (customers[0]["total"].as_i64(), customers[0]["segment"].as_str()),
        (Some(50_000), Some("baru"))
    );
}

/// A promo code from the command line: created, used at the cashier, refused below its
/// minimum, stopped, and counted.
#[test]
fn a_promo_code_is_used_at_the_cashier_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Toko Batik Bu Sari", "--pemilik", "Sari"]);
    ok(
        h,
        &[
            "produk",
            "tambah",
            "--nama",
            "Kain Batik Tulis",
            "--sku",
            "BATIK",
            "--harga",
            "50.000",
            "--tanpa-stok",
        ],
    );
    ok(
        h,
        &[
            "promo",
            "tambah",
            "Akhir tahun",
            "AKHIR15",
            "--persen",
            "15",
            "--minimal",
            "100.000",
            "--dari",
            "01/01/2026",
            "--sampai",
            "31/12/2030",
        ],
    );
    // 3 × 50.000 = 150.000, 15% off → 127.500.
    let sale: serde_json::Value = serde_json::from_str(&ok(
        h,
        &["jual", "BATIK=3", "--bayar", "tunai:150.000", "--kode-promo", "akhir15", "--json"],
    ))
    .unwrap();
    assert_eq!((sale["total"].as_i64(), sale["promo_discount"].as_i64()), (Some(127_500), Some(22_500)));
    let o = usahaku(h, &["jual", "BATIK", "--bayar", "tunai:50.000", "--kode-promo", "AKHIR15"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("belanja minimal Rp100.000"));
    let report: serde_json::Value = serde_json::from_str(&ok(
        h,
        &["promo", "laporan", "--dari", "01/01/2026", "--sampai", "31/12/2030", "--json"],
    ))
    .unwrap();
    assert_eq!((report[0]["uses"].as_i64(), report[0]["discount"].as_i64()), (Some(1), Some(22_500)));
    ok(h, &["promo", "stop", "AKHIR15"]);
    let o = usahaku(h, &["jual", "BATIK=3", "--bayar", "tunai:150.000", "--kode-promo", "AKHIR15"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Kode promo \"AKHIR15\" tidak ada"));
}
