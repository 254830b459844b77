//! Devices syncing through a real server on loopback. Every test runs against SQLite storage
//! in a temp dir and, when `USAHAKU_TEST_PG` names a PostgreSQL server
//! (`postgres://user:pass@127.0.0.1/postgres`, a role allowed to create databases), against a
//! throwaway PostgreSQL database too.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::sync::Arc;
use usahaku_core::{BusinessType, Home, ManualClock, NewBusiness, ProfileInput, Store, Timezone};
use usahaku_proto::wire::{PushRequest, PushResponse, RevokeRequest, decode_body, encode_body};
use usahaku_server::api::{ApiState, serve};
use usahaku_server::postgres::PostgresStorage;
use usahaku_server::sqlite::SqliteStorage;
use usahaku_sync::{HttpTransport, SyncError, Transport, issue_pairing_code, pair, register, sync_once};

const PASSWORD: &str = "kata-sandi-toko";

#[derive(Debug, Clone)]
enum Backend {
    Sqlite,
    Postgres(String),
}

fn backends() -> Vec<Backend> {
    let mut all = vec![Backend::Sqlite];
    match std::env::var("USAHAKU_TEST_PG") {
        Ok(url) if !url.is_empty() => all.push(Backend::Postgres(url)),
        _ => eprintln!("USAHAKU_TEST_PG not set: PostgreSQL storage not tested in this run"),
    }
    all
}

struct Server {
    url: String,
    _dir: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
    /// (admin URL, database) to drop afterwards.
    pg: Option<(String, String)>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
        if let Some((admin, db)) = self.pg.take() {
            // Drop the throwaway database from a thread of its own (Drop cannot await).
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                rt.block_on(async {
                    let (client, conn) =
                        tokio_postgres::connect(&admin, tokio_postgres::NoTls).await.unwrap();
                    tokio::spawn(conn);
                    client
                        .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                        .await
                        .unwrap();
                });
            })
            .join();
        }
    }
}

async fn start_server(backend: &Backend) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let clock = usahaku_server::system_clock();
    match backend {
        Backend::Sqlite => {
            let storage = SqliteStorage::open(&dir.path().join("server.db")).unwrap();
            let task =
                tokio::spawn(async move { serve(listener, ApiState { storage, clock }).await.unwrap() });
            Server { url, _dir: dir, task, pg: None }
        }
        Backend::Postgres(admin) => {
            let db = format!("usahaku_test_{}", uuid::Uuid::now_v7().simple());
            let (client, conn) = tokio_postgres::connect(admin, tokio_postgres::NoTls).await.unwrap();
            let conn_task = tokio::spawn(conn);
            client.batch_execute(&format!("CREATE DATABASE {db}")).await.unwrap();
            drop(client);
            conn_task.abort();
            let (base, _) = admin.rsplit_once('/').unwrap();
            let storage = PostgresStorage::connect(&format!("{base}/{db}")).await.unwrap();
            let task =
                tokio::spawn(async move { serve(listener, ApiState { storage, clock }).await.unwrap() });
            Server { url, _dir: dir, task, pg: Some((admin.clone(), db)) }
        }
    }
}

struct Devices {
    stores: Vec<Store>,
    clock: ManualClock,
    _dirs: Vec<tempfile::TempDir>,
}

/// A registers "Kue Bu Tini"; B and C pair with codes A issues.
async fn three_devices(server: &Server) -> Devices {
    let clock = ManualClock::stepping(1_763_800_000_000, 1);
    let t = HttpTransport::new(&server.url).unwrap();
    let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let (mut a, _) = Home::new(dirs[0].path())
        .create(
            Arc::new(clock.clone()),
            NewBusiness {
                name: "Kue Bu Tini".into(),
                owner_name: "Tini".into(),
                business_type: BusinessType::Kuliner,
                timezone: Timezone::Wib,
            },
        )
        .unwrap();
    register(&mut a, &t, &server.url, PASSWORD).await.unwrap();
    sync_once(&mut a, &t).await.unwrap();
    let mut stores = vec![a];
    for dir in &dirs[1..] {
        let code = issue_pairing_code(&usahaku_sync::link_of(&stores[0]).unwrap(), &t).await.unwrap();
        let s =
            pair(&Home::new(dir.path()), Arc::new(clock.clone()), &t, &server.url, &code.code).await.unwrap();
        stores.push(s);
    }
    Devices { stores, clock, _dirs: dirs }
}

fn edit(store: &mut Store, f: impl FnOnce(&mut ProfileInput)) {
    let mut input = store.profile().unwrap().input();
    f(&mut input);
    store.update_profile(&input).unwrap();
}

/// Everything a replica holds that must be identical: the profile and the set of op ids.
fn fingerprint(store: &Store) -> (ProfileInput, Vec<String>) {
    let mut ops: Vec<String> =
        store.ops(100_000).unwrap().into_iter().map(|r| r.op.op_id.to_string()).collect();
    ops.sort();
    (store.profile().unwrap().input(), ops)
}

#[tokio::test]
async fn paired_devices_start_with_the_business() {
    for backend in backends() {
        let server = start_server(&backend).await;
        let d = three_devices(&server).await;
        let codes: Vec<&str> = d.stores.iter().map(|s| s.device().code.as_str()).collect();
        assert_eq!(codes, ["A", "B", "C"]);
        for s in &d.stores[1..] {
            assert_eq!(s.profile().unwrap().name, "Kue Bu Tini");
            assert_eq!(s.business_id(), d.stores[0].business_id());
        }
    }
}

#[tokio::test]
async fn three_offline_devices_converge_in_every_sync_order() {
    for backend in backends() {
        let server = start_server(&backend).await;
        for order in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            let t = HttpTransport::new(&server.url).unwrap();
            let Devices { mut stores, clock, _dirs } = three_devices(&server).await;
            // Offline edits. Same field (name) on A and B, B later; different fields elsewhere.
            clock.set(1_763_800_100_000);
            edit(&mut stores[0], |p| {
                p.name = "Kue Tini Jaya".into();
                p.address = Some("Jl. Kenanga 3, Solo".into());
            });
            clock.set(1_763_800_200_000);
            edit(&mut stores[1], |p| p.name = "Kue Tini Manis".into());
            clock.set(1_763_800_150_000);
            edit(&mut stores[2], |p| {
                p.phone = Some("0813 1111 2222".into());
                p.name = "Kue Bu Tini Solo".into();
            });
            // Sync in this order, then once more all round.
            for &i in order.iter().chain(order.iter()) {
                sync_once(&mut stores[i], &t).await.unwrap();
            }
            let fa = fingerprint(&stores[0]);
            assert_eq!(fa, fingerprint(&stores[1]), "order {order:?}");
            assert_eq!(fa, fingerprint(&stores[2]), "order {order:?}");
            let p = &fa.0;
            assert_eq!(p.name, "Kue Tini Manis", "highest HLC wins (B at +200 s), order {order:?}");
            assert_eq!(p.address.as_deref(), Some("Jl. Kenanga 3, Solo"));
            assert_eq!(p.phone.as_deref(), Some("6281311112222"));
            // 1 creation + 3 edits, each op once.
            assert_eq!(fa.1.len(), 4, "order {order:?}");
            // Every value that lost is in each device's conflict log; the winner never is.
            for (k, s) in stores.iter().enumerate() {
                let lost: Vec<Option<String>> = s
                    .conflicts(100)
                    .unwrap()
                    .into_iter()
                    .filter(|c| c.field == "name")
                    .map(|c| c.lost_value)
                    .collect();
                for loser in ["Kue Tini Jaya", "Kue Bu Tini Solo"] {
                    assert!(lost.contains(&Some(loser.into())), "device {k}, order {order:?}: {lost:?}");
                }
                assert!(!lost.contains(&Some("Kue Tini Manis".into())), "device {k}, order {order:?}");
            }
            for s in &stores {
                let pos = s.sync_position().unwrap();
                assert_eq!(pos.pending, 0);
                assert!(pos.last_error.is_none());
            }
        }
    }
}

#[tokio::test]
async fn a_retried_or_duplicated_push_stores_nothing_twice() {
    for backend in backends() {
        let server = start_server(&backend).await;
        let t = HttpTransport::new(&server.url).unwrap();
        let Devices { mut stores, .. } = three_devices(&server).await;
        for n in 0..5 {
            edit(&mut stores[1], |p| p.address = Some(format!("Jl. Melati {n}")));
        }
        let token = stores[1].sync_link().unwrap().unwrap().token;
        let batch = stores[1].outbox(100).unwrap();
        assert_eq!(batch.len(), 5);
        // The first push lands but its answer is "lost": the client sends it again, reordered and
        // with a duplicate inside.
        let first: PushResponse = decode_body(
            &t.post("/v1/push", Some(&token), encode_body(&PushRequest { ops: batch.clone() }))
                .await
                .unwrap(),
        )
        .unwrap();
        assert_eq!(first.acked_seq, 5);
        let mut again = batch.clone();
        again.reverse();
        again.push(batch[2].clone());
        let second: PushResponse = decode_body(
            &t.post("/v1/push", Some(&token), encode_body(&PushRequest { ops: again })).await.unwrap(),
        )
        .unwrap();
        assert_eq!(second.acked_seq, 5);
        // A batch with a gap (seq 7 without 6) is held back, not stored out of order.
        edit(&mut stores[1], |p| p.address = Some("Jl. Melati 5".into()));
        edit(&mut stores[1], |p| p.address = Some("Jl. Melati 6".into()));
        let tail = stores[1].outbox(100).unwrap();
        let gap: PushResponse = decode_body(
            &t.post("/v1/push", Some(&token), encode_body(&PushRequest { ops: vec![tail[1].clone()] }))
                .await
                .unwrap(),
        )
        .unwrap();
        assert_eq!(gap.acked_seq, 5);
        sync_once(&mut stores[1], &t).await.unwrap();
        sync_once(&mut stores[0], &t).await.unwrap();
        // A received each of B's 7 ops exactly once.
        let from_b = stores[0]
            .ops(1000)
            .unwrap()
            .into_iter()
            .filter(|r| r.op.device_id == stores[1].device().id)
            .count();
        assert_eq!(from_b, 7);
        assert_eq!(stores[0].profile().unwrap().address.as_deref(), Some("Jl. Melati 6"));
    }
}

#[tokio::test]
async fn businesses_are_isolated_and_tokens_can_be_revoked() {
    for backend in backends() {
        let server = start_server(&backend).await;
        let t = HttpTransport::new(&server.url).unwrap();
        let Devices { mut stores, .. } = three_devices(&server).await;
        // A second business on the same server.
        let dir = tempfile::tempdir().unwrap();
        let (mut other, _) = Home::new(dir.path())
            .create(
                Arc::new(ManualClock::stepping(1_763_800_000_000, 1)),
                NewBusiness {
                    name: "Bengkel Las Pak Darto".into(),
                    owner_name: "Darto".into(),
                    business_type: BusinessType::Jasa,
                    timezone: Timezone::Wib,
                },
            )
            .unwrap();
        register(&mut other, &t, &server.url, "sandi-bengkel").await.unwrap();
        sync_once(&mut other, &t).await.unwrap();
        let other_token = other.sync_link().unwrap().unwrap().token;

        // Pull with the other business's token sees none of Bu Tini's ops.
        let page: usahaku_proto::wire::PullResponse =
            decode_body(&t.get("/v1/pull?cursor=0", &other_token).await.unwrap()).unwrap();
        assert!(page.ops.iter().all(|o| o.device_id == other.device().id));
        assert!(page.ops.is_empty(), "own ops are not sent back");
        // Pushing Bu Tini's device's ops with the other token is refused.
        let a_ops = stores[0].outbox(0).unwrap();
        let mut a_all = stores[0].ops(10).unwrap().into_iter().map(|r| r.op).collect::<Vec<_>>();
        a_all.extend(a_ops);
        let refused = t.post("/v1/push", Some(&other_token), encode_body(&PushRequest { ops: a_all })).await;
        assert!(matches!(refused, Err(SyncError::Refused { status: 403, .. })));
        // Revoking Bu Tini's device B with the other business's token and password: no such device.
        let revoke =
            RevokeRequest { device_id: stores[1].device().id, owner_password: "sandi-bengkel".into() };
        let r = t.post("/v1/devices/revoke", Some(&other_token), encode_body(&revoke)).await;
        assert!(matches!(r, Err(SyncError::Refused { status: 404, .. })));
        // Taking another device's id (to get its token) is refused, in its own business too.
        for token in [&other_token, &stores[0].sync_link().unwrap().unwrap().token] {
            let steal = usahaku_proto::wire::ReplaceDeviceRequest { device_id: stores[1].device().id };
            let r = t.post("/v1/devices/replace", Some(token), encode_body(&steal)).await;
            if token == &other_token {
                // In the other business the id is simply new there: it grants nothing here.
                let grant: usahaku_proto::wire::DeviceGrant = decode_body(&r.unwrap()).unwrap();
                assert_eq!(grant.tenant_id, other.business_id());
            } else {
                assert!(matches!(r, Err(SyncError::Refused { status: 409, .. })), "{r:?}");
            }
        }
        sync_once(&mut stores[1], &t).await.unwrap();
        // Status names the token's own business.
        let st = usahaku_sync::server_status(&usahaku_sync::link_of(&other).unwrap(), &t).await.unwrap();
        assert_eq!(st.tenant_id, other.business_id());

        // The owner revokes device C (from device A, with the password): C is refused everywhere.
        let a_token = stores[0].sync_link().unwrap().unwrap().token;
        let wrong = RevokeRequest { device_id: stores[2].device().id, owner_password: "salah-sandi".into() };
        assert!(matches!(
            t.post("/v1/devices/revoke", Some(&a_token), encode_body(&wrong)).await,
            Err(SyncError::Refused { status: 403, .. })
        ));
        let revoke = RevokeRequest { device_id: stores[2].device().id, owner_password: PASSWORD.into() };
        t.post("/v1/devices/revoke", Some(&a_token), encode_body(&revoke)).await.unwrap();
        let err = sync_once(&mut stores[2], &t).await.unwrap_err();
        assert!(matches!(err, SyncError::Refused { status: 401, .. }));
        assert!(stores[2].sync_position().unwrap().last_error.is_some(), "the failure shows in the status");
        let c_token = stores[2].sync_link().unwrap().unwrap().token;
        assert!(matches!(t.get("/v1/status", &c_token).await, Err(SyncError::Refused { status: 401, .. })));
        assert!(matches!(
            t.get("/v1/status", "uhk_not-a-token").await,
            Err(SyncError::Refused { status: 401, .. })
        ));
    }
}

#[tokio::test]
async fn pairing_codes_are_single_use_and_guessing_is_throttled() {
    for backend in backends() {
        let server = start_server(&backend).await;
        let t = HttpTransport::new(&server.url).unwrap();
        let Devices { stores, clock, .. } = three_devices(&server).await;
        let code = issue_pairing_code(&usahaku_sync::link_of(&stores[0]).unwrap(), &t).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        pair(&Home::new(dir.path().join("d")), Arc::new(clock.clone()), &t, &server.url, &code.code)
            .await
            .unwrap();
        let reuse =
            pair(&Home::new(dir.path().join("e")), Arc::new(clock.clone()), &t, &server.url, &code.code)
                .await;
        assert!(matches!(reuse, Err(SyncError::Refused { status: 403, .. })));
        // Nine more wrong guesses (ten in all) and even a right code is refused for a while.
        for i in 0..9 {
            let r = pair(
                &Home::new(dir.path().join(format!("g{i}"))),
                Arc::new(clock.clone()),
                &t,
                &server.url,
                "ZZZZ-ZZZZ",
            )
            .await;
            assert!(matches!(r, Err(SyncError::Refused { status: 403, .. })), "{i}");
        }
        let fresh = issue_pairing_code(&usahaku_sync::link_of(&stores[0]).unwrap(), &t).await.unwrap();
        let r = pair(&Home::new(dir.path().join("h")), Arc::new(clock.clone()), &t, &server.url, &fresh.code)
            .await;
        assert!(matches!(r, Err(SyncError::Refused { status: 429, .. })));
        // Nothing was created for the refused attempts.
        assert!(
            !dir.path().join("h").join("usaha").exists()
                || std::fs::read_dir(dir.path().join("h").join("usaha")).unwrap().count() == 0
        );
    }
}

/// Lets pairing through, then loses every pull: the first download never arrives.
struct PullsFail(HttpTransport);

impl Transport for PullsFail {
    async fn post(&self, path: &str, token: Option<&str>, body: Vec<u8>) -> usahaku_sync::Result<Vec<u8>> {
        self.0.post(path, token, body).await
    }
    async fn get(&self, _: &str, _: &str) -> usahaku_sync::Result<Vec<u8>> {
        Err(SyncError::Network("simulated: link dropped".into()))
    }
}

#[tokio::test]
async fn a_pairing_whose_first_download_fails_leaves_no_half_made_copy() {
    for backend in backends() {
        let server = start_server(&backend).await;
        let t = HttpTransport::new(&server.url).unwrap();
        let Devices { stores, clock, .. } = three_devices(&server).await;
        let code = issue_pairing_code(&usahaku_sync::link_of(&stores[0]).unwrap(), &t).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let home = Home::new(dir.path());
        let r = pair(&home, Arc::new(clock.clone()), &PullsFail(t.clone()), &server.url, &code.code).await;
        assert!(matches!(r, Err(SyncError::Network(_))));
        assert!(home.list().unwrap().is_empty());
        let leftovers = std::fs::read_dir(dir.path().join("usaha")).map(|d| d.count()).unwrap_or(0);
        assert_eq!(leftovers, 0, "no file, no -wal, no -shm");
    }
}

#[tokio::test]
async fn malformed_truncated_oversized_and_wrong_version_bodies_are_refused() {
    for backend in backends() {
        let server = start_server(&backend).await;
        let t = HttpTransport::new(&server.url).unwrap();
        let Devices { mut stores, .. } = three_devices(&server).await;
        edit(&mut stores[0], |p| p.address = Some("Jl. Anggrek 2".into()));
        let token = stores[0].sync_link().unwrap().unwrap().token;
        let head_before =
            usahaku_sync::server_status(&usahaku_sync::link_of(&stores[0]).unwrap(), &t).await.unwrap().head;
        let good = encode_body(&PushRequest { ops: stores[0].outbox(10).unwrap() });
        let mut wrong_version = good.clone();
        wrong_version[2] = 0x7f;
        let cases: Vec<(&str, Vec<u8>, u16)> = vec![
            ("garbage", b"bukan body".to_vec(), 400),
            ("empty", Vec::new(), 400),
            ("truncated", good[..good.len() / 2].to_vec(), 400),
            ("wrong version", wrong_version, 426),
            ("oversized", vec![7u8; usahaku_proto::wire::MAX_BODY_BYTES + 10], 413),
        ];
        for (what, body, status) in cases {
            match t.post("/v1/push", Some(&token), body).await {
                Err(SyncError::Refused { status: s, .. }) => assert_eq!(s, status, "{what}"),
                other => panic!("{what}: {other:?}"),
            }
        }
        // Still serving, and nothing was stored.
        let st = usahaku_sync::server_status(&usahaku_sync::link_of(&stores[0]).unwrap(), &t).await.unwrap();
        assert_eq!(st.head, head_before);
        sync_once(&mut stores[0], &t).await.unwrap();
        assert_eq!(
            usahaku_sync::server_status(&usahaku_sync::link_of(&stores[0]).unwrap(), &t).await.unwrap().head,
            head_before + 1
        );
    }
}

#[tokio::test]
async fn two_server_instances_on_one_postgres_converge_and_wake_each_other() {
    let Some(Backend::Postgres(admin)) = backends().into_iter().find(|b| matches!(b, Backend::Postgres(_)))
    else {
        return;
    };
    let first = start_server(&Backend::Postgres(admin.clone())).await;
    let db = first.pg.as_ref().unwrap().1.clone();
    let (base, _) = admin.rsplit_once('/').unwrap();
    let storage = PostgresStorage::connect(&format!("{base}/{db}")).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url2 = format!("http://{}", listener.local_addr().unwrap());
    let clock = usahaku_server::system_clock();
    let task = tokio::spawn(async move { serve(listener, ApiState { storage, clock }).await.unwrap() });
    let second = Server { url: url2, _dir: tempfile::tempdir().unwrap(), task, pg: None };

    let (t1, t2) = (HttpTransport::new(&first.url).unwrap(), HttpTransport::new(&second.url).unwrap());
    let Devices { mut stores, clock, .. } = three_devices(&first).await;
    // Clients alternate between the instances.
    for round in 0..4u32 {
        clock.set(1_763_800_000_000 + i64::from(round) * 60_000);
        let i = (round % 3) as usize;
        edit(&mut stores[i], |p| p.address = Some(format!("Jl. Pemuda {round}")));
        for (k, s) in stores.iter_mut().enumerate() {
            let t = if (k + round as usize).is_multiple_of(2) { &t1 } else { &t2 };
            sync_once(s, t).await.unwrap();
        }
    }
    for s in stores.iter_mut() {
        sync_once(s, &t2).await.unwrap();
    }
    let f = fingerprint(&stores[0]);
    assert_eq!(f, fingerprint(&stores[1]));
    assert_eq!(f, fingerprint(&stores[2]));
    assert_eq!(f.0.address.as_deref(), Some("Jl. Pemuda 3"));

    // A long-poll on instance 2 is woken by a push through instance 1 (LISTEN/NOTIFY).
    let b_token = stores[1].sync_link().unwrap().unwrap().token;
    let cursor = stores[1].sync_position().unwrap().cursor;
    let waiting = tokio::spawn(async move {
        let started = std::time::Instant::now();
        let body = t2.get(&format!("/v1/pull?cursor={cursor}&wait_ms=20000"), &b_token).await.unwrap();
        let page: usahaku_proto::wire::PullResponse = decode_body(&body).unwrap();
        (page.ops.len(), started.elapsed())
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    edit(&mut stores[0], |p| p.address = Some("Jl. Pemuda 4".into()));
    sync_once(&mut stores[0], &t1).await.unwrap();
    let (n, waited) = waiting.await.unwrap();
    assert_eq!(n, 1);
    assert!(
        waited < std::time::Duration::from_secs(10),
        "woken by NOTIFY, not by the 20 s timeout ({waited:?})"
    );
    drop(second);
}

#[tokio::test]
async fn every_authenticated_route_refuses_missing_unknown_and_revoked_tokens() {
    for backend in backends() {
        let server = start_server(&backend).await;
        let t = HttpTransport::new(&server.url).unwrap();
        let Devices { stores, .. } = three_devices(&server).await;
        let a_token = usahaku_sync::link_of(&stores[0]).unwrap().token;
        let c_token = usahaku_sync::link_of(&stores[2]).unwrap().token;
        let revoke = RevokeRequest { device_id: stores[2].device().id, owner_password: PASSWORD.into() };
        t.post("/v1/devices/revoke", Some(&a_token), encode_body(&revoke)).await.unwrap();
        let push = encode_body(&PushRequest { ops: vec![] });
        let code_req = encode_body(&usahaku_proto::wire::PairingCodeRequest { owner: None });
        let revoke_b =
            encode_body(&RevokeRequest { device_id: stores[1].device().id, owner_password: PASSWORD.into() });
        let replace = encode_body(&usahaku_proto::wire::ReplaceDeviceRequest {
            device_id: usahaku_proto::DeviceId(uuid::Uuid::now_v7()),
        });
        for token in [None, Some("uhk_0000"), Some(c_token.as_str())] {
            for (route, body) in [
                ("/v1/push", Some(push.clone())),
                ("/v1/pairing-codes", Some(code_req.clone())),
                ("/v1/devices/revoke", Some(revoke_b.clone())),
                ("/v1/devices/replace", Some(replace.clone())),
                ("/v1/pull?cursor=0", None),
                ("/v1/status", None),
            ] {
                let r = match (body, token) {
                    (Some(b), tok) => t.post(route, tok, b).await,
                    (None, Some(tok)) => t.get(route, tok).await,
                    (None, None) => t.get(route, "").await,
                };
                assert!(
                    matches!(r, Err(SyncError::Refused { status: 401, .. })),
                    "{route} with {token:?}: {r:?}"
                );
            }
        }
        // Device B was not revoked by any of that.
        assert!(usahaku_sync::server_status(&usahaku_sync::link_of(&stores[1]).unwrap(), &t).await.is_ok());
    }
}

#[tokio::test]
async fn an_expired_pairing_code_is_refused() {
    use std::sync::atomic::{AtomicI64, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let storage = SqliteStorage::open(&dir.path().join("server.db")).unwrap();
    let now = Arc::new(AtomicI64::new(1_763_800_000_000));
    let server_now = now.clone();
    let clock: usahaku_server::Clock = Arc::new(move || server_now.load(Ordering::SeqCst));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move { serve(listener, ApiState { storage, clock }).await.unwrap() });
    let server = Server { url, _dir: dir, task, pg: None };
    let t = HttpTransport::new(&server.url).unwrap();
    let Devices { stores, clock, .. } = three_devices(&server).await;
    let code = issue_pairing_code(&usahaku_sync::link_of(&stores[0]).unwrap(), &t).await.unwrap();
    assert_eq!(code.expires_ms, 1_763_800_000_000 + 15 * 60 * 1000);
    now.store(code.expires_ms, Ordering::SeqCst); // the 15 minutes are up
    let home = tempfile::tempdir().unwrap();
    let r = pair(&Home::new(home.path()), Arc::new(clock.clone()), &t, &server.url, &code.code).await;
    assert!(matches!(r, Err(SyncError::Refused { status: 403, .. })));
}

#[tokio::test]
async fn a_server_restored_from_an_old_backup_gets_back_everything_from_the_devices() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.db");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let url = format!("http://{addr}");
    let clock = usahaku_server::system_clock();
    let storage = SqliteStorage::open(&db).unwrap();
    let c1 = clock.clone();
    let task = tokio::spawn(async move { serve(listener, ApiState { storage, clock: c1 }).await.unwrap() });
    let server = Server { url: url.clone(), _dir: tempfile::tempdir().unwrap(), task, pg: None };
    let t = HttpTransport::new(&url).unwrap();
    let Devices { mut stores, .. } = three_devices(&server).await;
    edit(&mut stores[0], |p| p.address = Some("Jl. Sebelum Cadangan 1".into()));
    for s in stores.iter_mut() {
        sync_once(s, &t).await.unwrap();
    }
    // Nightly backup of the server's database.
    let backup = dir.path().join("backup.db");
    rusqlite::Connection::open(&db).unwrap().execute("VACUUM INTO ?1", [backup.to_str().unwrap()]).unwrap();
    // After the backup: B changes the phone, and B and A sync it.
    edit(&mut stores[1], |p| p.phone = Some("0811 2222 3333".into()));
    sync_once(&mut stores[1], &t).await.unwrap();
    sync_once(&mut stores[0], &t).await.unwrap();
    // The server's disk dies; the backup is restored and a new epoch started.
    server.task.abort();
    drop(server);
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::copy(&backup, &db).unwrap();
    let storage = SqliteStorage::open(&db).unwrap();
    usahaku_server::storage::Storage::new_epoch(&storage).await.unwrap();
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    let task = tokio::spawn(async move { serve(listener, ApiState { storage, clock }).await.unwrap() });
    let _restored = Server { url: url.clone(), _dir: tempfile::tempdir().unwrap(), task, pg: None };
    // The devices notice the new epoch, push again what the server lacks, pull again.
    for _ in 0..2 {
        for s in stores.iter_mut() {
            sync_once(s, &t).await.unwrap();
        }
    }
    let f = fingerprint(&stores[0]);
    assert_eq!(f, fingerprint(&stores[1]));
    assert_eq!(f, fingerprint(&stores[2]));
    assert_eq!(f.0.phone.as_deref(), Some("6281122223333"), "the change made after the backup survived");
    assert_eq!(f.0.address.as_deref(), Some("Jl. Sebelum Cadangan 1"));
    let head =
        usahaku_sync::server_status(&usahaku_sync::link_of(&stores[2]).unwrap(), &t).await.unwrap().head;
    assert_eq!(head, f.1.len() as u64, "the server holds every op again, once");
}

/// Closes `store`, copies its file to `to` (a backup on a flash disk), and opens it again.
fn copy_file(store: Store, to: &std::path::Path, clock: &ManualClock) -> Store {
    let path = store.path().to_owned();
    drop(store);
    assert!(!std::path::Path::new(&format!("{}-wal", path.display())).exists(), "closed cleanly");
    std::fs::copy(&path, to).unwrap();
    Store::open(&path, Arc::new(clock.clone())).unwrap()
}

/// Closes `store` and puts the older copy `from` in place of its file.
fn restore_file(store: Store, from: &std::path::Path, clock: &ManualClock) -> Store {
    let path = store.path().to_owned();
    drop(store);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    std::fs::copy(from, &path).unwrap();
    Store::open(&path, Arc::new(clock.clone())).unwrap()
}

#[tokio::test]
async fn a_local_file_restored_from_an_older_copy_takes_a_new_device_id_and_loses_nothing() {
    for backend in backends() {
        // With edits made on the restored copy (the server sees a device_seq reused) and
        // without (the server holds more ops of the device than the file).
        for edits_after_restore in [true, false] {
            let server = start_server(&backend).await;
            let t = HttpTransport::new(&server.url).unwrap();
            let Devices { mut stores, clock, _dirs } = three_devices(&server).await;
            edit(&mut stores[0], |p| p.address = Some("Jl. Lama 1, Solo".into()));
            for s in stores.iter_mut() {
                sync_once(s, &t).await.unwrap();
            }
            let copy = _dirs[0].path().join("salinan.usahaku");
            let a = copy_file(stores.remove(0), &copy, &clock);
            stores.insert(0, a);
            let old_id = stores[0].device().id;
            // After the copy: two edits on A reach the server and B.
            edit(&mut stores[0], |p| {
                p.phone = Some("0811 1111 1111".into());
                p.name = "Kue Tini Baru".into();
            });
            sync_once(&mut stores[0], &t).await.unwrap();
            sync_once(&mut stores[1], &t).await.unwrap();
            // A's disk is replaced and the old copy restored.
            let a = restore_file(stores.remove(0), &copy, &clock);
            stores.insert(0, a);
            assert_eq!(stores[0].profile().unwrap().phone, None, "the copy predates the phone");
            if edits_after_restore {
                // Two ops: seq 3 is taken on the server by a different op, seq 4 is not.
                edit(&mut stores[0], |p| p.address = Some("Jl. Baru 2, Solo".into()));
                edit(&mut stores[0], |p| p.address = Some("Jl. Baru 3, Solo".into()));
            }
            for _ in 0..2 {
                for s in stores.iter_mut() {
                    sync_once(s, &t).await.unwrap();
                }
            }
            let a = &stores[0];
            assert_ne!(a.device().id, old_id, "a new device id");
            assert_eq!(a.device().code, "D", "the business's fourth device code");
            let f = fingerprint(a);
            assert_eq!(f, fingerprint(&stores[1]));
            assert_eq!(f, fingerprint(&stores[2]));
            assert_eq!(
                f.0.phone.as_deref(),
                Some("6281111111111"),
                "edits held only by the server came back"
            );
            assert_eq!(f.0.name, "Kue Tini Baru");
            let address = if edits_after_restore { "Jl. Baru 3, Solo" } else { "Jl. Lama 1, Solo" };
            assert_eq!(f.0.address.as_deref(), Some(address));
            // Creation, the old address, the phone+name save (one op), and the two edits on
            // the restored copy: each op once everywhere.
            let expected_ops = 3 + 2 * usize::from(edits_after_restore);
            assert_eq!(f.1.len(), expected_ops);
            let new_seqs: Vec<u64> = if edits_after_restore { vec![1, 2] } else { vec![] };
            assert_eq!(a.local_seqs().unwrap(), new_seqs, "the new id's ops start again at 1");
            let status = usahaku_sync::server_status(&usahaku_sync::link_of(a).unwrap(), &t).await.unwrap();
            assert_eq!(status.device_id, a.device().id);
            assert_eq!(status.acked_seq, new_seqs.len() as u64);
            assert_eq!(status.head, expected_ops as u64, "the server holds each op once");
            // Work goes on under the new id.
            edit(&mut stores[0], |p| p.name = "Kue Tini Akhir".into());
            sync_once(&mut stores[0], &t).await.unwrap();
            sync_once(&mut stores[1], &t).await.unwrap();
            assert_eq!(stores[1].profile().unwrap().name, "Kue Tini Akhir");
            assert_eq!(stores[0].sync_position().unwrap().pending, 0);
        }
    }
}

/// Two devices record cash entries offline (a till and the owner's laptop), then sync through
/// the server: both show the same statements, with the figures computed by hand.
#[tokio::test]
async fn two_devices_record_cash_offline_and_show_the_same_statements() {
    use jiff::civil::date;
    use usahaku_core::Money;
    use usahaku_core::ledger_input::{CashAction, CashInput};
    let cash = |s: &mut Store, action: CashAction, day: &str, amount: &str, other: Option<&str>| {
        s.record_cash(&CashInput {
            action,
            date: day.into(),
            amount: amount.into(),
            money_account: "Kas".into(),
            other_account: other.map(Into::into),
            note: String::new(),
            counterparty: None,
        })
        .unwrap();
    };
    for backend in backends() {
        let server = start_server(&backend).await;
        let t = HttpTransport::new(&server.url).unwrap();
        let Devices { mut stores, .. } = three_devices(&server).await;
        // A (the till): modal 2.000.000, sales 450.000 + 300.000, plastic bags 25.000.
        cash(&mut stores[0], CashAction::Capital, "2026-11-01", "2.000.000", None);
        cash(&mut stores[0], CashAction::Income, "2026-11-03", "450.000", Some("Penjualan"));
        cash(&mut stores[0], CashAction::Income, "2026-11-04", "300.000", Some("Penjualan"));
        cash(&mut stores[0], CashAction::Expense, "2026-11-04", "25.000", Some("6-199"));
        // B (the owner's laptop), offline at the same time: sale 175.000, electricity 120.000,
        // 500.000 moved to the bank, and a budget for electricity.
        cash(&mut stores[1], CashAction::Income, "2026-11-05", "175.000", Some("Penjualan"));
        cash(&mut stores[1], CashAction::Expense, "2026-11-06", "120.000", Some("listrik"));
        cash(&mut stores[1], CashAction::Transfer, "2026-11-07", "500.000", Some("Bank"));
        let listrik = stores[1].find_account("listrik").unwrap().id;
        stores[1].set_budget(listrik, 2026, 11, Money::from_rupiah(100_000)).unwrap();
        for i in [0, 1, 0, 1] {
            sync_once(&mut stores[i], &t).await.unwrap();
        }
        let (from, to) = (date(2026, 11, 1), date(2026, 11, 30));
        for s in &stores[..2] {
            let pl = s.profit_and_loss(from, to).unwrap();
            // Revenue 450.000 + 300.000 + 175.000; expenses 25.000 + 120.000.
            assert_eq!(
                (pl.revenue.rupiah(), pl.expenses.rupiah(), pl.net_profit.rupiah()),
                (925_000, 145_000, 780_000)
            );
            let bs = s.balance_sheet(to).unwrap();
            // Kas 2.000.000 + 925.000 − 145.000 − 500.000; Bank 500.000.
            let kas = bs.assets.iter().find(|a| a.account.code == "1-101").unwrap().amount.rupiah();
            assert_eq!((kas, bs.total_assets.rupiah()), (2_280_000, 2_780_000));
            let budget = s.budget_report(2026, 11).unwrap();
            let row = budget.rows.iter().find(|r| r.account.id == listrik).unwrap();
            assert_eq!(row.difference.rupiah(), -20_000, "120.000 spent of a 100.000 budget");
        }
        assert_eq!(stores[0].trial_balance(to).unwrap(), stores[1].trial_balance(to).unwrap());
        assert_eq!(stores[0].cash_flow(from, to).unwrap(), stores[1].cash_flow(from, to).unwrap());
        assert_eq!(stores[0].balance_sheet(to).unwrap(), stores[1].balance_sheet(to).unwrap());
    }
}

/// Two tills sell and adjust the same product offline, then sync through the server; the
/// first push of one till is sent twice (its answer "lost"). Both show the level that is the
/// sum of every movement, nothing counted twice, and the same books.
#[tokio::test]
async fn two_tills_selling_offline_show_the_same_stock_after_a_retried_sync() {
    use jiff::civil::date;
    use usahaku_core::catalog::ProductInput;
    use usahaku_core::stock::{AdjustmentInput, ReceiptInput, ReceiptLineInput};
    use usahaku_core::{Money, Qty};
    for backend in backends() {
        let server = start_server(&backend).await;
        let t = HttpTransport::new(&server.url).unwrap();
        let Devices { mut stores, .. } = three_devices(&server).await;
        let kopi = stores[0]
            .add_product(&ProductInput {
                name: "Kopi Bubuk 250 g".into(),
                sku: "KOPI-250".into(),
                price: "15.000".into(),
                tracked: true,
                ..ProductInput::default()
            })
            .unwrap()
            .id;
        stores[0]
            .receive_stock(&ReceiptInput {
                date: "2026-11-01".into(),
                supplier: String::new(),
                pay_from: "Kas".into(),
                due_date: String::new(),
                lines: vec![ReceiptLineInput {
                    product: "KOPI-250".into(),
                    qty: "40".into(),
                    unit_cost: "10.000".into(),
                }],
                note: String::new(),
            })
            .unwrap();
        sync_once(&mut stores[0], &t).await.unwrap();
        sync_once(&mut stores[1], &t).await.unwrap();
        // Offline: A sells 5 and 3; B sells 4, writes off 2 and sells 1.
        stores[0].sell_stock(kopi, Qty::from_units(5).unwrap(), date(2026, 11, 2), "").unwrap();
        stores[0].sell_stock(kopi, Qty::from_units(3).unwrap(), date(2026, 11, 3), "").unwrap();
        stores[1].sell_stock(kopi, Qty::from_units(4).unwrap(), date(2026, 11, 2), "").unwrap();
        stores[1]
            .adjust_stock(&AdjustmentInput {
                date: "2026-11-03".into(),
                product: "KOPI-250".into(),
                qty: "-2".into(),
                reason: "rusak".into(),
                note: String::new(),
            })
            .unwrap();
        stores[1].sell_stock(kopi, Qty::from_units(1).unwrap(), date(2026, 11, 4), "").unwrap();
        // B's push lands but its answer is lost: the same batch goes again in the next sync.
        let token = stores[1].sync_link().unwrap().unwrap().token;
        let batch = stores[1].outbox(100).unwrap();
        let _: PushResponse = decode_body(
            &t.post("/v1/push", Some(&token), encode_body(&PushRequest { ops: batch })).await.unwrap(),
        )
        .unwrap();
        for i in [1, 0, 1, 0] {
            sync_once(&mut stores[i], &t).await.unwrap();
        }
        // 40 − 5 − 3 − 4 − 2 − 1 = 25, all at 10.000.
        for s in &stores[..2] {
            let level = s.stock_level(kopi).unwrap();
            assert_eq!((level.qty, level.value), (Qty::from_units(25).unwrap(), Money::from_rupiah(250_000)));
            assert_eq!(s.stock_level_from_movements(kopi).unwrap(), level.qty);
            let value = s.stock_value(date(2026, 11, 30)).unwrap();
            assert_eq!((value.ledger_balance, value.difference), (Money::from_rupiah(250_000), Money::ZERO));
        }
        let to = date(2026, 11, 30);
        assert_eq!(stores[0].trial_balance(to).unwrap(), stores[1].trial_balance(to).unwrap());
        assert_eq!(
            stores[0].stock_card(kopi, date(2026, 11, 1), to).unwrap(),
            stores[1].stock_card(kopi, date(2026, 11, 1), to).unwrap()
        );
    }
}

/// Two tills sell offline (150 notas each), then sync through the server; a batch of one till
/// is pushed twice (its answer "lost" mid-sync). No nota number is used twice, nothing is
/// counted twice, and stock and books are the same on both.
#[tokio::test]
async fn two_tills_selling_a_day_offline_sync_without_duplicate_numbers() {
    use jiff::civil::date;
    use std::collections::HashSet;
    use usahaku_core::catalog::ProductInput;
    use usahaku_core::sales::{PaymentMethod, SaleInput, SaleLineInput, SalePaymentInput};
    use usahaku_core::{Money, Qty};
    for backend in backends() {
        let server = start_server(&backend).await;
        let t = HttpTransport::new(&server.url).unwrap();
        let Devices { mut stores, .. } = three_devices(&server).await;
        stores[0]
            .add_product(&ProductInput {
                name: "Es Teh Manis".into(),
                sku: "TEH".into(),
                price: "5.000".into(),
                ..ProductInput::default()
            })
            .unwrap();
        sync_once(&mut stores[0], &t).await.unwrap();
        sync_once(&mut stores[1], &t).await.unwrap();
        let mut cups = 0i64;
        for i in 0..300 {
            let qty = 1 + i % 3;
            cups += qty;
            stores[i as usize % 2]
                .record_sale(&SaleInput {
                    date: "2026-11-20".into(),
                    lines: vec![SaleLineInput {
                        product: "TEH".into(),
                        qty: qty.to_string(),
                        ..SaleLineInput::default()
                    }],
                    payments: vec![SalePaymentInput {
                        method: PaymentMethod::Cash,
                        amount: "20.000".into(),
                        account: String::new(),
                    }],
                    ..SaleInput::default()
                })
                .unwrap();
        }
        // Till B's first 40 ops land but the answer is lost; the next sync sends them again.
        let token = stores[1].sync_link().unwrap().unwrap().token;
        let batch = stores[1].outbox(40).unwrap();
        let _: PushResponse = decode_body(
            &t.post("/v1/push", Some(&token), encode_body(&PushRequest { ops: batch })).await.unwrap(),
        )
        .unwrap();
        for i in [1, 0, 1, 0] {
            sync_once(&mut stores[i], &t).await.unwrap();
        }
        let day = date(2026, 11, 20);
        for s in &stores[..2] {
            let notas = s.sales_on(day).unwrap();
            assert_eq!(notas.len(), 300);
            assert_eq!(
                notas.iter().map(|n| n.number.as_str()).collect::<HashSet<_>>().len(),
                300,
                "no number twice"
            );
            let recap = s.daily_recap(day).unwrap();
            assert_eq!(
                (recap.sales, recap.total, recap.cash_expected),
                (300, Money::from_rupiah(cups * 5_000), Money::from_rupiah(cups * 5_000))
            );
            assert_eq!(s.sales_report(day, day).unwrap().by_product[0].qty, Qty::from_units(cups).unwrap());
        }
        assert_eq!(stores[0].trial_balance(day).unwrap(), stores[1].trial_balance(day).unwrap());
    }
}
