//! The cashier through the `usahaku` command: the cash sale, its nota as PDF and
//! ESC/POS, the daily recap, a cancellation, QRIS, and bad input refused.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

mod common;
use common::{ok, op_count, usahaku};

const DANA: &str = "00020101021126570011ID.DANA.WWW011893600915303379682702090337968270303UMI51440014ID.CO.QRIS.WWW0215ID10265640751030303UMI5204737253033605802ID5909BoonTrack6012Kab. Bandung61054028663048DC1";

#[test]
fn a_cash_sale_its_nota_recap_and_cancellation() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Toko Kopi Nusantara", "--pemilik", "Made"]);
    ok(
        h,
        &[
            "produk",
            "tambah",
            "--nama",
            "Kopi Bubuk 250 g",
            "--sku",
            "KOPI",
            "--barcode",
            "4006381333931",
            "--harga",
            "15.000",
        ],
    );
    ok(h, &["produk", "tambah", "--nama", "Madu Hutan 500 ml", "--sku", "MADU", "--harga", "42.500"]);
    ok(h, &["stok", "masuk", "KOPI", "10", "10.000", "--juga", "MADU:5:30.000"]);
    let sale: serde_json::Value = serde_json::from_str(&ok(
        h,
        &["jual", "4006381333931=2", "MADU", "--diskon", "2.500", "--bayar", "tunai:100.000", "--json"],
    ))
    .unwrap();
    assert_eq!((sale["total"].as_i64(), sale["change"].as_i64()), (Some(70_000), Some(30_000)));
    let number = sale["number"].as_str().unwrap().to_owned();
    let pdf = h.join("nota.pdf");
    let escpos = h.join("nota.bin");
    let shown = ok(
        h,
        &[
            "nota",
            &number,
            "--pdf",
            pdf.to_str().unwrap(),
            "--escpos",
            escpos.to_str().unwrap(),
            "--kertas",
            "80",
        ],
    );
    assert!(shown.contains("Rp70.000") && shown.contains("30.000"), "{shown}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert!(std::fs::read(&escpos).unwrap().starts_with(b"\x1b@"));
    let recap: serde_json::Value = serde_json::from_str(&ok(h, &["rekap", "--json"])).unwrap();
    assert_eq!(
        (recap["sales"].as_i64(), recap["total"].as_i64(), recap["cash_expected"].as_i64()),
        (Some(1), Some(70_000), Some(70_000))
    );
    let kopi: serde_json::Value =
        serde_json::from_str(&ok(h, &["produk", "cari", "KOPI", "--json"])).unwrap();
    assert_eq!(kopi[0]["stock"], 8_000);

    ok(h, &["batal", &number, "--alasan", "salah input"]);
    let recap: serde_json::Value = serde_json::from_str(&ok(h, &["rekap", "--json"])).unwrap();
    assert_eq!(
        (recap["cancelled"].as_i64(), recap["total"].as_i64(), recap["cash_expected"].as_i64()),
        (Some(1), Some(0), Some(0))
    );
    let kopi: serde_json::Value =
        serde_json::from_str(&ok(h, &["produk", "cari", "KOPI", "--json"])).unwrap();
    assert_eq!(kopi[0]["stock"], 10_000);
    let pl: serde_json::Value = serde_json::from_str(&ok(h, &["laporan", "laba-rugi", "--json"])).unwrap();
    assert_eq!(pl["net_profit"], 0);

    let before = op_count(h);
    for (args, message) in [
        (&["jual", "KOPI=0", "--bayar", "tunai:10.000"][..], "Jumlah \"0\" tidak benar"),
        (&["jual", "KOPI=-1", "--bayar", "tunai:10.000"][..], "Jumlah \"-1\" tidak benar"),
        (
            &["jual", "KOPI", "--bayar", "tunai:10.000"][..],
            "Pembayaran kurang: total Rp15.000, dibayar Rp10.000",
        ),
        (&["jual", "KOPI", "--bayar", "cek:20.000"][..], "Jumlah bayar \"cek:20.000\" tidak benar"),
        (&["batal", &number][..], "sudah dibatalkan"),
        (&["nota", "Z-2026-000009"][..], "Nota tidak ditemukan."),
        (&["qris", "set", "000201010211BROKEN"][..], "Kode QRIS"),
    ] {
        let o = usahaku(h, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    assert_eq!(op_count(h), before, "nothing written");

    assert!(ok(h, &["qris", "set", DANA]).contains("BoonTrack"));
    let dynamic = ok(h, &["qris", "nominal", "70.000"]);
    assert!(dynamic.contains("540570000"), "{dynamic}");
}

#[test]
fn an_order_with_dp_delivered_and_paid_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Mebel Jati Pak Harjo", "--pemilik", "Harjo"]);
    ok(
        h,
        &[
            "produk",
            "tambah",
            "--nama",
            "Meja Makan Jati",
            "--sku",
            "MEJA",
            "--harga",
            "2.400.000",
            "--tanpa-stok",
        ],
    );
    let o: serde_json::Value = serde_json::from_str(&ok(
        h,
        &[
            "pesanan",
            "tambah",
            "MEJA=1",
            "--pelanggan",
            "Bu Rina",
            "--saluran",
            "whatsapp",
            "--jatuh-tempo",
            "30/11/2026",
            "--json",
        ],
    ))
    .unwrap();
    let number = o["number"].as_str().unwrap().to_owned();
    ok(h, &["pesanan", "bayar", &number, "tunai:1.000.000"]);
    ok(h, &["pesanan", "status", &number, "dikirim", "--kurir", "Ekspedisi Jepara", "--resi", "JPR-0098"]);
    ok(h, &["pesanan", "bayar", &number, "transfer:1.400.000", "--belum-dicek"]);
    let listed: serde_json::Value = serde_json::from_str(&ok(h, &["pesanan", "daftar", "--json"])).unwrap();
    assert_eq!(
        (listed[0]["pending"].as_i64(), listed[0]["remaining"].as_i64()),
        (Some(1_400_000), Some(1_400_000))
    );
    ok(h, &["pesanan", "verifikasi", &number]);
    let pl: serde_json::Value = serde_json::from_str(&ok(h, &["laporan", "laba-rugi", "--json"])).unwrap();
    assert_eq!(pl["revenue"], 2_400_000);
    let bs: serde_json::Value = serde_json::from_str(&ok(h, &["laporan", "neraca-saldo", "--json"])).unwrap();
    let bal = |code: &str| {
        bs.as_array()
            .or_else(|| bs["rows"].as_array())
            .unwrap()
            .iter()
            .find(|r| r["account"]["code"] == code)
            .map_or(0, |r| r["debit"].as_i64().unwrap() - r["credit"].as_i64().unwrap())
    };
    assert_eq!((bal("2-102"), bal("1-201"), bal("1-102"), bal("1-101")), (0, 0, 1_400_000, 1_000_000));
    let o = usahaku(h, &["pesanan", "status", &number, "diproses"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tidak bisa mundur"));
}

/// A partial retur from the command line: the refund by hand, more than is left refused with
/// nothing written, and the sales report (JSON and XLSX) net of it.
#[test]
fn a_partial_return_and_the_sales_report_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    ok(h, &["init", "--nama", "Toko Kopi Nusantara", "--pemilik", "Made"]);
    ok(h, &["produk", "tambah", "--nama", "Kopi Bubuk 250 g", "--sku", "KOPI", "--harga", "15.000"]);
    ok(h, &["produk", "tambah", "--nama", "Madu Hutan 500 ml", "--sku", "MADU", "--harga", "42.500"]);
    ok(h, &["stok", "masuk", "KOPI", "10", "10.000", "--juga", "MADU:5:30.000"]);
    let sale: serde_json::Value = serde_json::from_str(&ok(
        h,
        &["jual", "KOPI=2", "MADU", "--diskon", "2.500", "--bayar", "tunai:100.000", "--json"],
    ))
    .unwrap();
    let number = sale["number"].as_str().unwrap().to_owned();
    // One kopi back: 15.000 − 2.500 × 15.000 / 72.500 (= 517) = 14.483.
    let ret: serde_json::Value =
        serde_json::from_str(&ok(h, &["retur", &number, "KOPI=1", "--alasan", "kemasan sobek", "--json"]))
            .unwrap();
    assert_eq!((ret["total"].as_i64(), ret["is_return"].as_bool()), (Some(-14_483), Some(true)));
    let kopi: serde_json::Value =
        serde_json::from_str(&ok(h, &["produk", "cari", "KOPI", "--json"])).unwrap();
    assert_eq!(kopi[0]["stock"], 9_000);

    let before = op_count(h);
    for (args, message) in [
        (&["retur", &number, "KOPI=2"][..], "dijual 2, sudah diretur 1, sisa 1"),
        (&["retur", &number, "#3=1"][..], "Baris 3 tidak ada"),
        (&["batal", &number][..], "sudah diretur"),
    ] {
        let o = usahaku(h, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    assert_eq!(op_count(h), before, "nothing written");

    let recap: serde_json::Value = serde_json::from_str(&ok(h, &["rekap", "--json"])).unwrap();
    assert_eq!(
        (recap["returns"].as_i64(), recap["total"].as_i64(), recap["cash_expected"].as_i64()),
        (Some(1), Some(70_000 - 14_483), Some(70_000 - 14_483))
    );
    let report: serde_json::Value =
        serde_json::from_str(&ok(h, &["laporan", "penjualan", "--json"])).unwrap();
    assert_eq!(report["total"], 55_517);
    assert_eq!(report["by_channel"][0]["channel"], "toko");
    let xlsx = h.join("penjualan.xlsx");
    ok(h, &["laporan", "penjualan", "--xlsx", xlsx.to_str().unwrap()]);
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    // The madu comes back damaged: refunded, but not on the shelf again (5 − 1 sold = 4).
    let ret: serde_json::Value =
        serde_json::from_str(&ok(h, &["retur", &number, "MADU", "--rusak", "--json"])).unwrap();
    assert_eq!(ret["damaged"], true);
    let madu: serde_json::Value =
        serde_json::from_str(&ok(h, &["produk", "cari", "MADU", "--json"])).unwrap();
    assert_eq!(madu[0]["stock"], 4_000);
}
