//! The `usahaku` binary as a user runs it.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::path::Path;
use std::process::Output;

mod common;
use common::usahaku;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("json")
}

fn file_count(dir: &Path) -> usize {
    let Ok(rd) = std::fs::read_dir(dir) else { return 0 };
    rd.filter_map(Result::ok).map(|e| if e.path().is_dir() { file_count(&e.path()) } else { 1 }).sum()
}

fn init(home: &Path) {
    let o = usahaku(
        home,
        &[
            "init",
            "--nama",
            "Toko Kelontong Maju",
            "--pemilik",
            "Budi Santoso",
            "--jenis",
            "toko",
            "--zona",
            "wib",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Usaha \"Toko Kelontong Maju\" dibuat."));
}

#[test]
fn init_show_set_and_list_ops() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let p = json(&usahaku(dir.path(), &["profile", "show", "--json"]));
    assert_eq!(p["name"], "Toko Kelontong Maju");
    assert_eq!(p["owner_name"], "Budi Santoso");
    assert_eq!(p["business_type"], "toko");
    assert_eq!(p["timezone"], "WIB");
    assert_eq!(p["taxpayer_kind"], "orang_pribadi");
    assert_eq!(p["phone"], serde_json::Value::Null);

    let o = usahaku(
        dir.path(),
        &["profile", "set", "--telepon", "0812-3456-7890", "--npwp", "09.254.294.3-407.000"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Profil usaha tersimpan."));
    let p = json(&usahaku(dir.path(), &["profile", "show", "--json"]));
    assert_eq!(p["phone"], "6281234567890");
    assert_eq!(p["npwp"], "092542943407000");

    let o = usahaku(dir.path(), &["profile", "set", "--telepon", "0812-3456-7890"]);
    assert!(stdout(&o).contains("Tidak ada perubahan."));

    let ops = json(&usahaku(dir.path(), &["ops", "list", "--json"]));
    let ops = ops.as_array().unwrap();
    assert_eq!(ops.len(), 2);
    assert_eq!(ops[0]["op"]["device_seq"], 2);
    assert_eq!(ops[1]["op"]["device_seq"], 1);
    let fields: Vec<&str> =
        ops[0]["patch"]["fields"].as_array().unwrap().iter().map(|f| f[0].as_str().unwrap()).collect();
    assert_eq!(fields, ["phone", "npwp"]);

    let text = stdout(&usahaku(dir.path(), &["ops", "list"]));
    assert!(text.contains("#2") && text.contains("business_profile") && text.contains("WIB"), "{text}");
}

#[test]
fn bad_input_is_refused_clearly_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(10_000);
    for (args, message) in [
        (vec!["init", "--nama", "", "--pemilik", "Budi"], "Nama usaha wajib diisi."),
        (
            vec!["init", "--nama", &long, "--pemilik", "Budi"],
            "Nama usaha terlalu panjang (paling banyak 100 karakter).",
        ),
        (
            vec!["init", "--nama", "Toko", "--pemilik", "Budi", "--zona", "GMT+7"],
            "Zona waktu \"GMT+7\" tidak dikenal. Pilih WIB, WITA, atau WIT.",
        ),
        (
            vec!["init", "--nama", "Toko", "--pemilik", "Budi", "--jenis", "bengkel"],
            "Jenis usaha \"bengkel\" tidak dikenal.",
        ),
    ] {
        let o = usahaku(dir.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }
    assert_eq!(file_count(dir.path()), 0, "nothing written");

    init(dir.path());
    let files = file_count(dir.path());
    for (args, message) in [
        (vec!["profile", "set", "--telepon", "0812-abc-7890"], "Nomor telepon hanya boleh berisi angka"),
        (vec!["profile", "set", "--nama", "  "], "Nama usaha wajib diisi."),
        (vec!["profile", "set", "--nama", &long], "terlalu panjang"),
        (vec!["profile", "set", "--zona", "UTC"], "Zona waktu \"UTC\" tidak dikenal"),
        (vec!["profile", "set", "--npwp", "123"], "NPWP harus 15 atau 16 angka"),
    ] {
        let o = usahaku(dir.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }
    let ops = json(&usahaku(dir.path(), &["ops", "list", "--json"]));
    assert_eq!(ops.as_array().unwrap().len(), 1, "only the creation op");
    let p = json(&usahaku(dir.path(), &["profile", "show", "--json"]));
    assert_eq!(p["name"], "Toko Kelontong Maju");
    assert_eq!(file_count(dir.path()), files);
}

#[test]
fn messages_in_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let o = usahaku(dir.path(), &["--lang", "en", "profile", "show"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Error: No business in"), "{}", stderr(&o));
    let o = usahaku(dir.path(), &["profile", "show"]);
    assert!(stderr(&o).contains("Galat: Belum ada usaha di"), "{}", stderr(&o));
    let o = usahaku(dir.path(), &["--lang", "en", "init", "--name", "", "--owner", "Budi"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Business name is required."), "{}", stderr(&o));
}

/// A command line that cannot be read is explained in Indonesian, with the Indonesian option
/// names and a suggestion; `--lang en` keeps clap's English; help still works.
#[test]
fn a_mistyped_command_line_is_explained_in_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let h = dir.path();
    for (args, lines) in [
        (
            &["produk", "tambh"][..],
            &["Galat: Perintah \"tambh\" tidak dikenal.", "Mungkin maksudnya: tambah"][..],
        ),
        (
            &["produk", "tambah", "--nama", "Gula", "--harga"][..],
            &["Galat: --harga perlu diisi nilainya."][..],
        ),
        (&["jual"][..], &["Galat: Belum diisi: --bayar, <ITEMS>..."][..]),
        (
            &["produk", "tambah", "--nama", "Gula", "--harga", "1", "--garansii", "1 th"][..],
            &["Galat: Pilihan \"--garansii\" tidak dikenal.", "Mungkin maksudnya: --garansi"][..],
        ),
        (
            &["stok", "kedaluwarsa", "--hari", "tiga"][..],
            &["Galat: Nilai \"tiga\" tidak bisa dipakai untuk --hari."][..],
        ),
    ] {
        let o = usahaku(h, args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        for line in lines {
            assert!(err.lines().any(|l| l == *line), "{args:?}: {line:?} not in\n{err}");
        }
    }
    let o = usahaku(h, &["--lang", "en", "produk", "tambh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unrecognized subcommand 'tambh'"), "{}", stderr(&o));
    let o = usahaku(h, &["produk", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("tambah"), "{}", stdout(&o));
    assert_eq!(file_count(h), 0, "nothing written");
}
