//! Crash test of the pull path: a process pulling thousands of ops page by page is killed with
//! SIGKILL at random moments. Because each page is applied together with its cursor in one
//! transaction, after every kill the ops it holds from the other device are exactly a prefix
//! 1..m of that device's sequence (nothing skipped, nothing twice), and a final sync completes
//! the copy.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::sync::Arc;
use std::time::Duration;
use usahaku_core::{BusinessType, Home, NewBusiness, Store, SystemClock, Timezone};
use usahaku_server::api::{ApiState, serve};
use usahaku_server::sqlite::SqliteStorage;
use usahaku_sync::{HttpTransport, issue_pairing_code, link_of, pair, register, sync_once};

const ROUNDS: usize = 25;
const OPS: usize = 15_000;

#[test]
fn sigkill_while_pulling_skips_nothing_and_applies_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let storage = SqliteStorage::open(&dir.path().join("server.db")).unwrap();
    let url = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            serve(listener, ApiState { storage, clock: usahaku_server::system_clock() }).await.unwrap();
        });
        url
    });
    let t = HttpTransport::new(&url).unwrap();
    let clock = Arc::new(SystemClock);
    let (mut a, _) = Home::new(dir.path().join("a"))
        .create(
            clock.clone(),
            NewBusiness {
                name: "Grosir Pak Joko".into(),
                owner_name: "Joko".into(),
                business_type: BusinessType::Toko,
                timezone: Timezone::Wib,
            },
        )
        .unwrap();
    let b_path = rt.block_on(async {
        register(&mut a, &t, &url, "sandi-grosir").await.unwrap();
        sync_once(&mut a, &t).await.unwrap();
        let code = issue_pairing_code(&link_of(&a).unwrap(), &t).await.unwrap();
        let b = pair(&Home::new(dir.path().join("b")), clock.clone(), &t, &url, &code.code).await.unwrap();
        b.path().to_owned()
    });
    for i in 0..OPS {
        let mut p = a.profile().unwrap().input();
        p.address = Some(format!("Gudang {i}, Jl. Raya Bogor"));
        a.update_profile(&p).unwrap();
    }
    rt.block_on(sync_once(&mut a, &t)).unwrap();
    let a_device = a.device().id;
    let total = a.op_count().unwrap();

    let seed = std::env::var("CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(7u64);
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut grew = 0;
    let mut last = 0;
    for round in 0..ROUNDS {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pull-worker"))
            .arg(&b_path)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.u64(10..60)));
        child.kill().unwrap();
        child.wait().unwrap();
        let b = Store::open(&b_path, clock.clone()).unwrap();
        assert!(b.integrity_ok().unwrap(), "round {round}");
        let mut from_a: Vec<u64> = b
            .ops(usize::MAX >> 1)
            .unwrap()
            .into_iter()
            .filter(|r| r.op.device_id == a_device)
            .map(|r| r.op.device_seq)
            .collect();
        from_a.sort();
        let m = from_a.len() as u64;
        assert_eq!(from_a, (1..=m).collect::<Vec<_>>(), "round {round}: not a prefix (skipped or doubled)");
        if m > last {
            grew += 1;
        }
        last = m;
    }
    assert!(grew >= 2, "the kills should land at different points of the download (grew {grew} times)");
    let mut b = Store::open(&b_path, clock).unwrap();
    rt.block_on(sync_once(&mut b, &t)).unwrap();
    assert_eq!(b.op_count().unwrap(), total);
    assert_eq!(b.profile().unwrap().input(), a.profile().unwrap().input());
    eprintln!("pull crash test: {ROUNDS} kills, copy grew in {grew} of them, {total} ops in the end");
}
