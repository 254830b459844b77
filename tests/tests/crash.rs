//! Crash test: a writer process is killed with SIGKILL at random moments, many times. After
//! every kill the store must pass `integrity_check`, hold every change the writer reported as
//! committed (with its op), and have device_seq 1..=n with no gap.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;
use usahaku_core::{BusinessType, Home, ManualClock, NewBusiness, Store, Timezone};
use usahaku_proto::FieldValue;

const ROUNDS: usize = 60;

#[test]
fn sigkill_at_random_moments_loses_no_reported_change() {
    let seed = std::env::var("CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20261122u64);
    eprintln!("crash test seed {seed} (set CRASH_SEED to replay)");
    let mut rng = fastrand::Rng::with_seed(seed);
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::fixed(1_763_800_000_000));
    let (store, _) = Home::new(dir.path())
        .create(
            clock.clone(),
            NewBusiness {
                name: "Toko Awal".into(),
                owner_name: "Penguji".into(),
                business_type: BusinessType::Toko,
                timezone: Timezone::Wib,
            },
        )
        .unwrap();
    let path = store.path().to_owned();
    drop(store);

    let mut reported: Vec<String> = Vec::new();
    let mut killed_while_writing = 0;
    for round in 0..ROUNDS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout).lines().map_while(Result::ok).collect::<Vec<String>>()
        });
        std::thread::sleep(Duration::from_millis(rng.u64(5..120)));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        let lines = reader.join().unwrap();
        if status.code().is_some() {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            panic!("round {round}: writer exited by itself ({status}): {err}");
        }
        if !lines.is_empty() {
            killed_while_writing += 1;
        }
        reported.extend(lines);
        verify(&path, &clock, &reported, round);
    }
    assert!(
        killed_while_writing >= ROUNDS / 2,
        "only {killed_while_writing} rounds got to write before the kill"
    );
    eprintln!("{} reported changes across {ROUNDS} kills", reported.len());
}

fn verify(path: &std::path::Path, clock: &Arc<ManualClock>, reported: &[String], round: usize) {
    let store = Store::open(path, clock.clone()).unwrap();
    assert!(store.integrity_ok().unwrap(), "round {round}: integrity_check failed");
    let seqs = store.local_seqs().unwrap();
    let n = seqs.len() as u64;
    assert_eq!(seqs, (1..=n).collect::<Vec<u64>>(), "round {round}: device_seq has a gap");
    let ops = store.ops(usize::MAX >> 1).unwrap();
    let mut in_ops: HashSet<String> = HashSet::new();
    for r in &ops {
        for (_, v) in &r.patch.as_ref().unwrap().fields {
            if let FieldValue::Text(t) = v {
                in_ops.insert(t.clone());
            }
        }
    }
    for value in reported {
        assert!(in_ops.contains(value), "round {round}: reported change {value:?} has no op");
    }
    // The row agrees with the newest op touching each field.
    let newest = |field: &str| {
        ops.iter()
            .filter_map(|r| r.patch.as_ref())
            .find_map(|p| p.fields.iter().find(|(k, _)| k == field).map(|(_, v)| v.clone()))
    };
    let profile = store.profile().unwrap();
    assert_eq!(Some(FieldValue::Text(profile.name.clone())), newest("name"), "round {round}");
    if let Some(FieldValue::Text(a)) = newest("address") {
        assert_eq!(profile.address.as_deref(), Some(a.as_str()), "round {round}");
    }
}
