//! The business store through its public API: creating a business, editing its profile,
//! bad input writing nothing, and the op sequence under concurrent writers.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::sync::Arc;
use usahaku_core::{BusinessType, CoreError, Home, Lang, ManualClock, NewBusiness, Timezone};

fn new_business(name: &str) -> NewBusiness {
    NewBusiness {
        name: name.into(),
        owner_name: "Made Wirawan".into(),
        business_type: BusinessType::Kerajinan,
        timezone: Timezone::Wita,
    }
}

fn files_in(dir: &std::path::Path) -> usize {
    walk(dir)
}

fn walk(dir: &std::path::Path) -> usize {
    let Ok(rd) = std::fs::read_dir(dir) else { return 0 };
    rd.filter_map(Result::ok).map(|e| if e.path().is_dir() { walk(&e.path()) } else { 1 }).sum()
}

#[test]
fn creating_a_business_records_its_profile_as_op_1() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::new(dir.path());
    let clock = Arc::new(ManualClock::fixed(1_763_800_000_000));
    let (store, profile) = home.create(clock.clone(), new_business("  Ukiran Made  ")).unwrap();
    assert_eq!(profile.name, "Ukiran Made", "trimmed");
    assert_eq!(profile.timezone, Timezone::Wita);
    assert_eq!(profile.device_code, "A");
    let ops = store.ops(10).unwrap();
    assert_eq!(ops.len(), 1);
    assert_eq!(ops[0].op.device_seq, 1);
    assert_eq!(ops[0].op.hlc.millis, 1_763_800_000_000);
    assert_eq!(ops[0].op.actor, store.actor());
    drop(store);
    // Reopening finds the same business.
    let again = home.open(clock, None).unwrap();
    assert_eq!(again.profile().unwrap().name, "Ukiran Made");
}

#[test]
fn bad_input_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::new(dir.path());
    let clock = Arc::new(ManualClock::fixed(1_763_800_000_000));
    for (name, field) in
        [("", "name"), ("   ", "name"), (&"x".repeat(10_000)[..], "name"), ("Baris\nbaru", "name")]
    {
        let err = home.create(clock.clone(), new_business(name)).unwrap_err();
        assert_eq!(err.field(), Some(field), "{name:?}");
        assert!(!err.message(Lang::Id).is_empty());
    }
    assert_eq!(files_in(dir.path()), 0, "no file for a refused business");

    let (mut store, before) = home.create(clock.clone(), new_business("Ukiran Made")).unwrap();
    let mut input = before.input();
    input.phone = Some("0812-ABCD-7890".into());
    let err = store.update_profile(&input).unwrap_err();
    assert_eq!(err.field(), Some("phone"));
    assert_eq!(
        err.message(Lang::Id),
        "Nomor telepon hanya boleh berisi angka, spasi, tanda plus, tanda hubung, dan tanda kurung."
    );
    let mut input = before.input();
    input.name = "x".repeat(10_000);
    let err = store.update_profile(&input).unwrap_err();
    assert_eq!(err.message(Lang::Id), "Nama usaha terlalu panjang (paling banyak 100 karakter).");
    assert_eq!(err.message(Lang::En), "Business name is too long (at most 100 characters).");
    assert_eq!(store.op_count().unwrap(), 1, "no op for refused input");
    assert_eq!(store.profile().unwrap(), before);
}

#[test]
fn saving_an_unchanged_profile_makes_no_op_and_a_change_makes_one_small_op() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::new(dir.path());
    let (mut store, p) =
        home.create(Arc::new(ManualClock::stepping(1_000, 1)), new_business("Ukiran Made")).unwrap();
    store.update_profile(&p.input()).unwrap();
    assert_eq!(store.op_count().unwrap(), 1);
    let mut input = p.input();
    input.address = Some("Jl. Raya Mas No. 7, Ubud".into());
    let after = store.update_profile(&input).unwrap();
    assert_eq!(after.address.as_deref(), Some("Jl. Raya Mas No. 7, Ubud"));
    let ops = store.ops(10).unwrap();
    assert_eq!(ops.len(), 2);
    let patch = ops[0].patch.as_ref().unwrap();
    assert_eq!(patch.fields.len(), 1, "only the changed field travels");
    assert_eq!(patch.fields[0].0, "address");
}

#[test]
fn device_seq_stays_contiguous_under_concurrent_writers() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::new(dir.path());
    let clock = Arc::new(ManualClock::stepping(1_763_800_000_000, 1));
    let (store, _) = home.create(clock.clone(), new_business("Ukiran Made")).unwrap();
    let path = store.path().to_owned();
    drop(store);
    const THREADS: usize = 4;
    const EACH: usize = 25;
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let path = path.clone();
            let clock = clock.clone();
            std::thread::spawn(move || {
                let mut s = usahaku_core::Store::open(&path, clock).unwrap();
                for i in 0..EACH {
                    let mut input = s.profile().unwrap().input();
                    input.name = format!("Ukiran Made {t}-{i}");
                    s.update_profile(&input).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let store = usahaku_core::Store::open(&path, clock).unwrap();
    let seqs = store.local_seqs().unwrap();
    let expected: Vec<u64> = (1..=(1 + THREADS * EACH) as u64).collect();
    assert_eq!(seqs, expected, "1 creation + 100 edits, no gap, no duplicate");
    assert!(store.integrity_ok().unwrap());
    // Every op's HLC is after the previous one's, in seq order.
    let mut ops = store.ops(1000).unwrap();
    ops.sort_by_key(|r| r.op.device_seq);
    assert!(ops.windows(2).all(|w| w[0].op.hlc < w[1].op.hlc));
}

#[test]
fn opening_needs_a_business_and_a_choice_among_several() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::new(dir.path());
    let clock = Arc::new(ManualClock::stepping(1_000, 1));
    assert!(matches!(home.open(clock.clone(), None), Err(CoreError::NoBusiness(_))));
    let (a, _) = home.create(clock.clone(), new_business("Satu")).unwrap();
    home.create(clock.clone(), new_business("Dua")).unwrap();
    assert!(matches!(home.open(clock.clone(), None), Err(CoreError::ManyBusinesses(_))));
    let id = a.business_id().to_string();
    assert_eq!(home.open(clock.clone(), Some(&id)).unwrap().profile().unwrap().name, "Satu");
    assert!(matches!(home.open(clock, Some("nope")), Err(CoreError::BusinessNotFound(_))));
}
