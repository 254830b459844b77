//! Benchmark: a one-field profile change through the op path (row + op + HLC + seq in one
//! transaction) against a raw rusqlite UPDATE of the same row in its own transaction, on the
//! same file with the same pragmas (WAL, synchronous=FULL). Prints both medians and the ratio.
//!
//! Run: `cargo bench -p usahaku-core --bench profile_write` (SAMPLES=n to change the count;
//! BENCH_DIR=path to put the file on another disk; default: target/bench-tmp).

use std::sync::Arc;
use std::time::{Duration, Instant};
use usahaku_core::{BusinessType, Home, NewBusiness, SystemClock, Timezone};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let samples: usize = std::env::var("SAMPLES").ok().and_then(|s| s.parse().ok()).unwrap_or(400);
    let base = std::env::var_os("BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-tmp"));
    std::fs::create_dir_all(&base)?;
    let dir = tempfile::tempdir_in(&base)?;
    let (mut store, _) = Home::new(dir.path()).create(
        Arc::new(SystemClock),
        NewBusiness {
            name: "Toko Bench".into(),
            owner_name: "Penguji".into(),
            business_type: BusinessType::Toko,
            timezone: Timezone::Wib,
        },
    )?;
    let raw = rusqlite::Connection::open(store.path())?;
    raw.busy_timeout(Duration::from_secs(10))?;
    raw.query_row("PRAGMA journal_mode=WAL", [], |_| Ok(()))?;
    raw.pragma_update(None, "synchronous", "FULL")?;
    let id = store.business_id();
    let mut input = store.profile()?.input();

    let (mut op_times, mut raw_times) = (Vec::with_capacity(samples), Vec::with_capacity(samples));
    // Warm up both paths, then interleave so disk and cache drift hit both alike.
    for i in 0..(samples + 20) {
        input.name = format!("Toko Bench {i}");
        let t = Instant::now();
        store.update_profile(&input)?;
        let op_time = t.elapsed();

        let t = Instant::now();
        let mut stmt = raw.prepare_cached("UPDATE business_profile SET address = ?1 WHERE id = ?2")?;
        raw.execute_batch("BEGIN IMMEDIATE")?;
        stmt.execute(rusqlite::params![format!("Jl. Raw {i}"), id.as_bytes().as_slice()])?;
        raw.execute_batch("COMMIT")?;
        let raw_time = t.elapsed();
        if i >= 20 {
            op_times.push(op_time);
            raw_times.push(raw_time);
        }
    }
    let (op, rw) = (median(op_times), median(raw_times));
    println!("profile_write: samples={samples} file={}", store.path().display());
    println!("  op path (row + op, one transaction) median: {:>9.1} µs", op.as_secs_f64() * 1e6);
    println!("  raw UPDATE in its own transaction median:   {:>9.1} µs", rw.as_secs_f64() * 1e6);
    println!("  ratio op/raw: {:.2} (target <= 2.00)", op.as_secs_f64() / rw.as_secs_f64());
    Ok(())
}
