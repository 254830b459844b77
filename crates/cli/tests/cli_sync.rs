//! `usahaku sync register|code`, `usahaku pair` and `usahaku sync` against a real server on
//! loopback.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::path::Path;
use std::process::{Command, Output};
use usahaku_server::api::{ApiState, serve};
use usahaku_server::sqlite::SqliteStorage;

fn usahaku(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_usahaku"))
        .arg("--home")
        .arg(home)
        .args(args)
        .env_remove("USAHAKU_LANG")
        .env_remove("USAHAKU_OWNER_PASSWORD")
        .output()
        .expect("run usahaku")
}

fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A server on 127.0.0.1 in its own thread; returns its URL.
fn start_server(dir: &Path) -> String {
    let storage = SqliteStorage::open(&dir.join("server.db")).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(format!("http://{}", listener.local_addr().unwrap())).unwrap();
            serve(listener, ApiState { storage, clock: usahaku_server::system_clock() }).await.unwrap();
        });
    });
    rx.recv().unwrap()
}

#[test]
fn two_computers_share_a_business_through_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let url = start_server(dir.path());
    let (a, b) = (dir.path().join("kasir-depan"), dir.path().join("laptop-pemilik"));

    ok(usahaku(&a, &["init", "--nama", "Toko Sembako Makmur", "--pemilik", "Hendra", "--jenis", "toko"]));
    let o = usahaku(&a, &["sync"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("belum terhubung ke server sinkronisasi"));

    let short = usahaku(&a, &["sync", "register", "--server", &url, "--sandi", "pendek"]);
    assert_eq!(short.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&short.stderr).contains("Server menolak permintaan (400"));

    let text = ok(usahaku(&a, &["sync", "register", "--server", &url, "--sandi", "sandi-toko-makmur"]));
    assert!(text.contains("Usaha terdaftar di server"));
    let text = ok(usahaku(&a, &["sync", "code"]));
    let code = text.lines().next().unwrap().trim_start_matches("Kode pasangan: ").to_owned();
    assert_eq!(code.len(), 9, "{text}");

    let wrong = usahaku(&b, &["pair", "--server", &url, "--kode", "0000-0000"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("Kode pasangan salah"));

    let text = ok(usahaku(&b, &["pair", "--server", &url, "--kode", &code.to_lowercase()]));
    assert!(text.contains("Tergabung ke \"Toko Sembako Makmur\" sebagai perangkat B."), "{text}");

    ok(usahaku(&b, &["profile", "set", "--telepon", "0821 5555 0000"]));
    let status: serde_json::Value =
        serde_json::from_str(&ok(usahaku(&b, &["sync", "status", "--json"]))).unwrap();
    assert_eq!(status["pending"], 1);
    assert!(ok(usahaku(&b, &["sync"])).contains("1 perubahan terkirim, 0 perubahan diterima"));
    assert!(ok(usahaku(&a, &["sync"])).contains("0 perubahan terkirim, 1 perubahan diterima"));
    let profile: serde_json::Value =
        serde_json::from_str(&ok(usahaku(&a, &["profile", "show", "--json"]))).unwrap();
    assert_eq!(profile["phone"], "6282155550000");
    let status: serde_json::Value =
        serde_json::from_str(&ok(usahaku(&a, &["sync", "status", "--json"]))).unwrap();
    assert_eq!(status["pending"], 0);
    assert_eq!(status["server_url"], url.as_str());
    assert!(ok(usahaku(&a, &["sync", "status"])).contains("Menunggu dikirim"));

    // Both computers rename the business offline; the later change wins on both, and the
    // earlier one is in both conflict logs.
    assert!(ok(usahaku(&a, &["sync", "conflicts"])).contains("Tidak ada konflik."));
    ok(usahaku(&a, &["profile", "set", "--nama", "Toko Makmur Jaya"]));
    std::thread::sleep(std::time::Duration::from_millis(20));
    ok(usahaku(&b, &["profile", "set", "--nama", "Toko Makmur Sentosa"]));
    for _ in 0..2 {
        ok(usahaku(&a, &["sync"]));
        ok(usahaku(&b, &["sync"]));
    }
    for home in [&a, &b] {
        let p: serde_json::Value =
            serde_json::from_str(&ok(usahaku(home, &["profile", "show", "--json"]))).unwrap();
        assert_eq!(p["name"], "Toko Makmur Sentosa");
        let c: serde_json::Value =
            serde_json::from_str(&ok(usahaku(home, &["sync", "conflicts", "--json"]))).unwrap();
        assert!(c.as_array().unwrap().iter().any(|e| e["lost_value"] == "Toko Makmur Jaya"), "{c}");
    }
    let text = ok(usahaku(&a, &["sync", "conflicts"]));
    assert!(
        text.contains("name: \"Toko Makmur Jaya\"") && text.contains("tertimpa \"Toko Makmur Sentosa\""),
        "{text}"
    );
}
