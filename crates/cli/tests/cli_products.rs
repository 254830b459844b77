//! Products through the `usahaku` command.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::path::Path;
use std::process::{Command, Output};

fn usahaku(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_usahaku"))
        .arg("--home")
        .arg(home)
        .args(args)
        .env_remove("USAHAKU_LANG")
        .output()
        .expect("run usahaku")
}

fn ok(home: &Path, args: &[&str]) -> String {
    let o = usahaku(home, args);
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

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
}
