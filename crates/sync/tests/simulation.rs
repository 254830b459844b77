//! Deterministic multi-device simulation: three devices of one business make random edits
//! offline, sync through a faulty network (requests dropped, answers lost after the server
//! acted, requests sent twice), restart (store reopened from its file), get their file replaced
//! by an older copy (which must take a new device id), and live with clocks a day ahead, a day
//! behind, or jumping backwards. After the network heals, every replica must
//! be identical, hold every op exactly once, and agree with last-writer-wins by HLC.
//!
//! `SIM_SEEDS=n` runs more seeds (default 200); `SIM_SEED=s` runs one seed to replay a failure.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use usahaku_core::{BusinessType, Clock, Home, ManualClock, NewBusiness, Store, Timezone};
use usahaku_proto::{FieldValue, Hlc};
use usahaku_server::api::{ApiState, serve};
use usahaku_server::sqlite::SqliteStorage;
use usahaku_sync::{
    HttpTransport, Result, SyncError, Transport, issue_pairing_code, link_of, pair, register, sync_once,
};

const DAY: i64 = 24 * 60 * 60 * 1000;

/// A transport that misbehaves on purpose, driven by the seed.
struct Faulty {
    inner: HttpTransport,
    rng: Mutex<fastrand::Rng>,
    /// While false, every request fails (the network is down).
    faults: bool,
}

enum Fault {
    None,
    DropRequest,
    LoseAnswer,
    Duplicate,
}

impl Faulty {
    fn pick(&self) -> Fault {
        if !self.faults {
            return Fault::None;
        }
        let r = self.rng.lock().unwrap().u8(0..100);
        match r {
            0..=14 => Fault::DropRequest,
            15..=29 => Fault::LoseAnswer,
            30..=39 => Fault::Duplicate,
            _ => Fault::None,
        }
    }
}

fn lost() -> SyncError {
    SyncError::Network("simulated: connection dropped".into())
}

impl Transport for Faulty {
    async fn post(&self, path: &str, token: Option<&str>, body: Vec<u8>) -> Result<Vec<u8>> {
        match self.pick() {
            Fault::None => self.inner.post(path, token, body).await,
            Fault::DropRequest => Err(lost()),
            Fault::LoseAnswer => {
                let _ = self.inner.post(path, token, body).await;
                Err(lost())
            }
            Fault::Duplicate => {
                let _ = self.inner.post(path, token, body.clone()).await;
                self.inner.post(path, token, body).await
            }
        }
    }

    async fn get(&self, path_and_query: &str, token: &str) -> Result<Vec<u8>> {
        match self.pick() {
            Fault::None | Fault::Duplicate => self.inner.get(path_and_query, token).await,
            Fault::DropRequest => Err(lost()),
            Fault::LoseAnswer => {
                let _ = self.inner.get(path_and_query, token).await;
                Err(lost())
            }
        }
    }
}

struct Device {
    store: Option<Store>,
    path: std::path::PathBuf,
    clock: ManualClock,
    /// An older copy of the file, taken at a restart.
    copy: Option<std::path::PathBuf>,
}

impl Device {
    fn store(&mut self) -> &mut Store {
        self.store.as_mut().unwrap()
    }
}

/// Runs one seed; returns how many times a file was replaced by an older copy.
async fn run_seed(seed: u64, url: &str, now: i64) -> u32 {
    let mut rng = fastrand::Rng::with_seed(seed);
    let clean = HttpTransport::new(url).unwrap();
    let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    // Device clocks: on time, a day ahead, a day behind.
    let clocks: Vec<ManualClock> =
        [0, DAY, -DAY].iter().map(|off| ManualClock::stepping(now + off + rng.i64(0..1000), 7)).collect();
    let (mut a, _) = Home::new(dirs[0].path())
        .create(
            Arc::new(clocks[0].clone()),
            NewBusiness {
                name: "Warung Simulasi".into(),
                owner_name: "Sim".into(),
                business_type: BusinessType::Toko,
                timezone: Timezone::Wita,
            },
        )
        .unwrap();
    register(&mut a, &clean, url, "sandi-simulasi").await.unwrap();
    sync_once(&mut a, &clean).await.unwrap();
    let mut devices =
        vec![Device { path: a.path().to_owned(), store: Some(a), clock: clocks[0].clone(), copy: None }];
    for i in 1..3 {
        let code = issue_pairing_code(&link_of(devices[0].store()).unwrap(), &clean).await.unwrap();
        let s = pair(&Home::new(dirs[i].path()), Arc::new(clocks[i].clone()), &clean, url, &code.code)
            .await
            .unwrap();
        devices.push(Device {
            path: s.path().to_owned(),
            store: Some(s),
            clock: clocks[i].clone(),
            copy: None,
        });
    }
    let faulty = Faulty {
        inner: clean.clone(),
        rng: Mutex::new(fastrand::Rng::with_seed(seed ^ 0x5eed)),
        faults: true,
    };
    let mut edits = 0u64;
    // Ops that existed only in a file that was then replaced by an older copy.
    let mut lost = 0u64;
    let mut restores = 0;
    for _ in 0..40 {
        let i = rng.usize(0..3);
        let others: Vec<usahaku_core::SyncLink> = (0..3)
            .filter(|&j| j != i)
            .map(|j| link_of(devices[j].store.as_ref().unwrap()).unwrap())
            .collect();
        let d = &mut devices[i];
        match rng.u8(0..100) {
            0..=44 => {
                let mut p = d.store().profile().unwrap().input();
                match rng.u8(0..3) {
                    0 => p.name = format!("Warung {}", rng.u16(..)),
                    1 => p.address = Some(format!("Jl. Acak {}", rng.u16(..))),
                    _ => p.phone = Some(format!("0812{:08}", rng.u32(0..100_000_000))),
                }
                let before = d.store().op_count().unwrap();
                d.store().update_profile(&p).unwrap();
                edits += d.store().op_count().unwrap() - before;
            }
            45..=79 => {
                let _ = sync_once(d.store(), &faulty).await;
            }
            80..=89 => {
                // Restart: the process ends, the file is opened again; sometimes it is copied
                // to a flash disk while closed.
                d.store = None;
                if rng.bool() {
                    let copy = d.path.with_extension("copy");
                    std::fs::copy(&d.path, &copy).unwrap();
                    d.copy = Some(copy);
                }
                d.store = Some(Store::open(&d.path, Arc::new(d.clock.clone())).unwrap());
            }
            90..=94 if d.copy.is_some() => {
                // The disk is replaced and the older copy put back. Ops of this device that
                // neither the copy nor the server holds are gone (they never left the PC).
                let store = d.store.take().unwrap();
                let on_server = server_op_ids(&clean, &others).await;
                let only_here: Vec<_> = store
                    .ops(1_000_000)
                    .unwrap()
                    .into_iter()
                    .map(|r| r.op.op_id)
                    .filter(|id| !on_server.contains(id))
                    .collect();
                drop(store);
                for suffix in ["-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", d.path.display()));
                }
                std::fs::copy(d.copy.as_ref().unwrap(), &d.path).unwrap();
                let restored = Store::open(&d.path, Arc::new(d.clock.clone())).unwrap();
                let kept: std::collections::HashSet<_> =
                    restored.ops(1_000_000).unwrap().into_iter().map(|r| r.op.op_id).collect();
                lost += only_here.iter().filter(|id| !kept.contains(id)).count() as u64;
                d.store = Some(restored);
                restores += 1;
            }
            _ => {
                // The wall clock jumps back by up to an hour.
                let t = d.clock.now_millis();
                d.clock.set(t - rng.i64(0..3_600_000));
            }
        }
    }
    // The network heals: a few clean rounds for everyone.
    for _ in 0..3 {
        for d in devices.iter_mut() {
            sync_once(d.store(), &clean).await.unwrap();
        }
    }
    let total = edits + 1 - lost;
    let reference = snapshot(devices[0].store());
    for (i, d) in devices.iter_mut().enumerate() {
        let store = d.store();
        let snap = snapshot(store);
        assert_eq!(snap, reference, "seed {seed}: device {i} diverged");
        assert_eq!(store.op_count().unwrap(), total, "seed {seed}: device {i} lost or doubled ops");
        let seqs = store.local_seqs().unwrap();
        assert_eq!(seqs, (1..=seqs.len() as u64).collect::<Vec<_>>(), "seed {seed}: gap on device {i}");
        assert_eq!(store.sync_position().unwrap().pending, 0, "seed {seed}");
    }
    // Device 1's clock is a day ahead of the server's (less the hours it may have jumped
    // back), device 2's a day behind: both skews are reported.
    let ahead = devices[1].store().sync_position().unwrap().skew_ms.unwrap();
    let behind = devices[2].store().sync_position().unwrap().skew_ms.unwrap();
    assert!((-DAY - 60_000..=-DAY / 2).contains(&ahead), "seed {seed}: skew {ahead}");
    assert!(behind >= DAY - 60_000, "seed {seed}: skew {behind}");
    restores
}

/// Every op id the server holds: each reader's pull leaves out its own device's ops, so the
/// pulls of two different devices together cover all.
async fn server_op_ids(
    t: &HttpTransport,
    readers: &[usahaku_core::SyncLink],
) -> std::collections::HashSet<usahaku_proto::OpId> {
    let mut ids = std::collections::HashSet::new();
    for link in readers {
        let mut cursor = 0;
        loop {
            let body =
                t.get(&format!("/v1/pull?cursor={cursor}&max_bytes=500000"), &link.token).await.unwrap();
            let page: usahaku_proto::wire::PullResponse = usahaku_proto::wire::decode_body(&body).unwrap();
            ids.extend(page.ops.iter().map(|o| o.op_id));
            cursor = page.cursor;
            if !page.more {
                break;
            }
        }
    }
    ids
}

type Snapshot = (usahaku_core::ProfileInput, Vec<String>);

/// The profile, the set of ops, and a check that each field holds the value of the op with the
/// highest HLC that set it.
fn snapshot(store: &Store) -> Snapshot {
    let records = store.ops(1_000_000).unwrap();
    // Ties of HLC (possible after a file was restored) go to the higher op id.
    let mut newest: BTreeMap<String, ((Hlc, usahaku_proto::OpId), FieldValue)> = BTreeMap::new();
    for r in &records {
        let key = (r.op.hlc, r.op.op_id);
        for (field, value) in &r.patch.as_ref().unwrap().fields {
            let e = newest.entry(field.clone()).or_insert((key, value.clone()));
            if key > e.0 {
                *e = (key, value.clone());
            }
        }
    }
    let p = store.profile().unwrap();
    assert_eq!(newest.get("name").map(|e| &e.1), Some(&FieldValue::Text(p.name.clone())));
    if let Some((_, FieldValue::Text(a))) = newest.get("address") {
        assert_eq!(p.address.as_deref(), Some(a.as_str()));
    }
    if let Some((_, FieldValue::Text(phone))) = newest.get("phone") {
        assert_eq!(p.phone.as_deref(), Some(phone.as_str()));
    }
    let mut ops: Vec<String> = records.iter().map(|r| r.op.op_id.to_string()).collect();
    ops.sort();
    (p.input(), ops)
}

#[tokio::test]
async fn random_offline_edits_over_a_faulty_network_converge() {
    let dir = tempfile::tempdir().unwrap();
    let storage = SqliteStorage::open(&dir.path().join("sim.db")).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        serve(listener, ApiState { storage, clock: usahaku_server::system_clock() }).await.unwrap();
    });
    let now = usahaku_core::SystemClock.now_millis();
    let seeds: Vec<u64> = match std::env::var("SIM_SEED").ok().and_then(|s| s.parse().ok()) {
        Some(s) => vec![s],
        None => (0..std::env::var("SIM_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(200)).collect(),
    };
    let mut restores = 0;
    for seed in &seeds {
        restores += run_seed(*seed, &url, now).await;
    }
    eprintln!("simulation: {} seeds converged ({restores} files replaced by an older copy)", seeds.len());
    assert!(seeds.len() < 50 || restores > 0, "the restore case was exercised");
    task.abort();
}
