//! Sync benchmarks. Prints:
//! * bytes on the wire per op (push and pull, HTTP framing included), through a counting proxy;
//! * bytes of one idle poll (a pull with nothing new);
//! * time for 3 devices to converge on 4 000 ops, each over its own 50 kbit/s link with 250 ms
//!   each way and 5 % of connections reset mid-body;
//! * server ingest (ops/s) on SQLite, and on PostgreSQL when `USAHAKU_TEST_PG` is set.
//!
//! Run: `cargo run --release -p usahaku-tests --bin sync-bench` (`OPS=n` changes the 4 000).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use usahaku_core::{BusinessType, Home, NewBusiness, Store, SystemClock, Timezone};
use usahaku_server::api::{ApiState, serve};
use usahaku_server::postgres::PostgresStorage;
use usahaku_server::sqlite::SqliteStorage;
use usahaku_server::storage::Storage;
use usahaku_sync::{
    HttpTransport, SyncSession, Transport, issue_pairing_code, link_of, pair, register, sync_once,
    sync_once_with,
};
use usahaku_tests::fault_proxy::{FaultProxy, LinkProfile};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

async fn start<S: Storage>(storage: S) -> Res<SocketAddr> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        let _ = serve(listener, ApiState { storage, clock: usahaku_server::system_clock() }).await;
    });
    Ok(addr)
}

fn business(home: &Home, name: &str) -> Res<Store> {
    let (store, _) = home.create(
        Arc::new(SystemClock),
        NewBusiness {
            name: name.into(),
            owner_name: "Hendra Wijaya".into(),
            business_type: BusinessType::Toko,
            timezone: Timezone::Wib,
        },
    )?;
    Ok(store)
}

/// Realistic small edits: one or two short fields, like a product price change or a sale line.
fn edits(store: &mut Store, n: usize, tag: &str) -> Res<()> {
    for i in 0..n {
        let mut p = store.profile()?.input();
        if i % 2 == 0 {
            p.address = Some(format!("Jl. Pasar Baru No. {i}, Blok {tag}"));
        } else {
            p.name = format!("Toko Sembako Makmur {tag}{i}");
        }
        store.update_profile(&p)?;
    }
    Ok(())
}

async fn pair_via(home: &Home, url: &str, code: &str) -> Res<Store> {
    let t = HttpTransport::new(url)?;
    Ok(pair(home, Arc::new(SystemClock), &t, url, code).await?)
}

async fn bytes_per_op(dir: &std::path::Path) -> Res<()> {
    let server = start(SqliteStorage::open(&dir.join("wire.db"))?).await?;
    let proxy = FaultProxy::start(server, LinkProfile::CLEAN, 1).await?;
    let url = proxy.url();
    let t = HttpTransport::new(&url)?;
    let mut a = business(&Home::new(dir.join("wire-a")), "Toko Sembako Makmur")?;
    register(&mut a, &t, &url, "sandi-bench-123").await?;
    sync_once(&mut a, &t).await?;
    let code = issue_pairing_code(&link_of(&a)?, &t).await?;
    let mut b = pair_via(&Home::new(dir.join("wire-b")), &url, &code.code).await?;
    let n = 1000;
    edits(&mut a, n, "A")?;
    proxy.reset_counters();
    sync_once(&mut a, &t).await?;
    let (up, down) = proxy.bytes();
    println!("push: {n} ops, {up} B up + {down} B down = {:.1} B/op", (up + down) as f64 / n as f64);
    proxy.reset_counters();
    let r = sync_once(&mut b, &t).await?;
    let (up, down) = proxy.bytes();
    println!(
        "pull: {} ops, {up} B up + {down} B down = {:.1} B/op (target <= 60)",
        r.pulled,
        (up + down) as f64 / r.pulled.max(1) as f64
    );
    proxy.reset_counters();
    let token = link_of(&b)?.token;
    let cursor = b.sync_position()?.cursor;
    t.get(&format!("/v1/pull?cursor={cursor}"), &token).await?;
    let (up, down) = proxy.bytes();
    println!("idle poll: {up} B up + {down} B down = {} B (target <= 300)", up + down);
    Ok(())
}

async fn convergence(dir: &std::path::Path, total: usize) -> Res<()> {
    let server = start(SqliteStorage::open(&dir.join("conv.db"))?).await?;
    let base_seed: u64 = std::env::var("SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let mut proxies = Vec::new();
    for seed in 0..3 {
        proxies.push(FaultProxy::start(server, LinkProfile::CLEAN, base_seed + seed).await?);
    }
    let mut a = business(&Home::new(dir.join("conv-a")), "Toko Sembako Makmur")?;
    let ta = HttpTransport::new(&proxies[0].url())?;
    register(&mut a, &ta, &proxies[0].url(), "sandi-bench-123").await?;
    sync_once(&mut a, &ta).await?;
    let mut stores = vec![a];
    for (i, p) in proxies.iter().enumerate().skip(1) {
        let code = issue_pairing_code(&link_of(&stores[0])?, &ta).await?;
        stores.push(pair_via(&Home::new(dir.join(format!("conv-{i}"))), &p.url(), &code.code).await?);
    }
    let each = total / 3;
    for (i, s) in stores.iter_mut().enumerate() {
        let n = if i == 2 { total - 2 * each } else { each };
        edits(s, n, ["A", "B", "C"][i])?;
    }
    let expected = stores.iter().map(|s| s.op_count()).sum::<Result<u64, _>>()? - 2; // the creation op is everywhere
    for p in &proxies {
        p.set_profile(LinkProfile::WEAK_3G);
    }
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (mut store, p) in stores.into_iter().zip(&proxies) {
        let url = p.url();
        tasks.push(tokio::spawn(async move {
            let t = HttpTransport::with_fresh_connections(&url).map_err(|e| e.to_string())?;
            let mut failures = 0u32;
            // As the app's background loop: one session, whose batch size adapts to the link.
            let mut session = SyncSession::default();
            loop {
                match sync_once_with(&mut store, &t, &mut session).await {
                    Ok(_) => {}
                    Err(e) if e.is_transient() => failures += 1,
                    Err(e) => return Err(e.to_string()),
                }
                let done = store.sync_position().map_err(|e| e.to_string())?.pending == 0
                    && store.op_count().map_err(|e| e.to_string())? == expected;
                if done {
                    return Ok::<_, String>((store.profile().map_err(|e| e.to_string())?.input(), failures));
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }));
    }
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await??);
    }
    let elapsed = started.elapsed();
    assert!(results.windows(2).all(|w| w[0].0 == w[1].0), "replicas differ");
    let load = |a: &std::sync::atomic::AtomicU64| a.load(std::sync::atomic::Ordering::Relaxed);
    let resets: u64 = proxies.iter().map(|p| load(&p.counters.resets)).sum();
    let connections: u64 = proxies.iter().map(|p| load(&p.counters.connections)).sum();
    let bytes: u64 = proxies.iter().map(|p| p.bytes().0 + p.bytes().1).sum();
    println!(
        "convergence: 3 devices, {} ops, 50 kbit/s, 250 ms each way, 5% resets: {:.1} s (target <= 90 s); \
         {resets} of {connections} connections reset, {} failed rounds retried, {:.1} B/op on the wire",
        expected - 1,
        elapsed.as_secs_f64(),
        results.iter().map(|r| r.1).sum::<u32>(),
        bytes as f64 / (expected - 1) as f64
    );
    Ok(())
}

async fn ingest(label: &str, server: SocketAddr, dir: &std::path::Path) -> Res<()> {
    let url = format!("http://{server}");
    let t = HttpTransport::new(&url)?;
    let mut devices = Vec::new();
    for i in 0..4 {
        let mut s = business(&Home::new(dir.join(format!("{label}-{i}"))), "Toko Ingest")?;
        register(&mut s, &t, &url, "sandi-bench-123").await?;
        edits(&mut s, 5000, "I")?;
        devices.push(s);
    }
    let total: u64 = devices.iter().map(|s| s.sync_position().map(|p| p.pending)).sum::<Result<u64, _>>()?;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for mut s in devices {
        let url = url.clone();
        tasks.push(tokio::spawn(async move {
            let t = HttpTransport::new(&url).map_err(|e| e.to_string())?;
            sync_once(&mut s, &t).await.map_err(|e| e.to_string())
        }));
    }
    for t in tasks {
        t.await??;
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "ingest {label}: {total} ops from 4 devices in {secs:.2} s = {:.0} ops/s (target >= 20000)",
        total as f64 / secs
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Res<()> {
    let total: usize = std::env::var("OPS").ok().and_then(|s| s.parse().ok()).unwrap_or(4000);
    let dir = tempfile::tempdir()?;
    println!(
        "sync-bench (release build recommended); machine: {} cores",
        std::thread::available_parallelism()?.get()
    );
    bytes_per_op(dir.path()).await?;
    let sqlite = start(SqliteStorage::open(&dir.path().join("ingest.db"))?).await?;
    ingest("sqlite", sqlite, dir.path()).await?;
    if let Ok(admin) = std::env::var("USAHAKU_TEST_PG") {
        let db = format!("usahaku_bench_{}", std::process::id());
        let create = std::process::Command::new("psql")
            .args([
                admin.as_str(),
                "-qc",
                &format!("DROP DATABASE IF EXISTS {db}"),
                "-qc",
                &format!("CREATE DATABASE {db}"),
            ])
            .status()?;
        if create.success() {
            let (base, _) = admin.rsplit_once('/').ok_or("bad USAHAKU_TEST_PG")?;
            let pg = start(PostgresStorage::connect(&format!("{base}/{db}")).await?).await?;
            ingest("postgresql", pg, dir.path()).await?;
            let _ = std::process::Command::new("psql")
                .args([admin.as_str(), "-qc", &format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)")])
                .status();
        }
    }
    convergence(dir.path(), total).await?;
    Ok(())
}
