//! Benchmark: a business with 2 000 000 journal lines (about five busy years, 2022–2026),
//! every entry posted through `Store::post` (entry + lines + op). Prints the medians of
//! Laba Rugi for one year, Posisi Keuangan at the year's end (both with and without whole
//! months), a month of the cash book and of the Kas ledger, and of posting one entry with
//! its op on the full file (synchronous=FULL).
//!
//! Run: `cargo bench -p usahaku-core --bench ledger_reports`
//! (LINES=n for another size; BENCH_DIR=path for the measured file, default target/bench-tmp;
//! FILL_DIR=path where the file is first filled, default /dev/shm when it exists, since
//! filling a million entries with an fsync each would take an hour on a plain disk.)

use jiff::civil::{Date, date};
use std::sync::Arc;
use std::time::{Duration, Instant};
use usahaku_core::journal::CashBookFilter;
use usahaku_core::ledger::{AccountRole, EntryKind, NewEntry, NewLine, default_account_id};
use usahaku_core::{BusinessType, Home, Money, NewBusiness, Store, SystemClock, Timezone};
use uuid::Uuid;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let t = Instant::now();
    std::hint::black_box(f());
    let first = t.elapsed();
    let mut all = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        all.push(t.elapsed());
    }
    (first, median(all))
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn entry(day: Date, kind: EntryKind, lines: Vec<NewLine>) -> NewEntry {
    NewEntry {
        date: day,
        kind,
        memo: "bench".into(),
        counterparty: None,
        due_date: None,
        settles: None,
        reverses: None,
        lines,
    }
}

fn fill(store: &mut Store, target_lines: u64) -> Result<u64, Box<dyn std::error::Error>> {
    let acc = |code: &str| default_account_id(code);
    let money = [acc("1-101"), acc("1-102"), acc("1-103")];
    let expenses = ["6-101", "6-102", "6-103", "6-104", "6-105", "6-106"].map(acc);
    let (sales, discount) = (acc("4-101"), acc("4-102"));
    let first = date(2022, 1, 1);
    let days = first.until(date(2026, 12, 31))?.get_days() as u64 + 1;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut lines, mut entries) = (0u64, 0u64);
    let started = Instant::now();
    while lines < target_lines {
        let day = first.checked_add(jiff::Span::new().days(rng.below(days) as i64))?;
        let amount = Money::from_rupiah(1_000 + rng.below(2_000_000) as i64);
        let m = money[rng.below(3) as usize];
        let e = match rng.below(20) {
            0..=11 => {
                entry(day, EntryKind::Income, vec![NewLine::debit(m, amount), NewLine::credit(sales, amount)])
            }
            12..=16 => {
                let x = expenses[rng.below(6) as usize];
                entry(day, EntryKind::Expense, vec![NewLine::debit(x, amount), NewLine::credit(m, amount)])
            }
            17 | 18 => {
                let off = Money::from_rupiah(500);
                let gross = amount.checked_add(off)?;
                entry(
                    day,
                    EntryKind::Manual,
                    vec![
                        NewLine::debit(m, amount),
                        NewLine::debit(discount, off),
                        NewLine::credit(sales, gross),
                    ],
                )
            }
            _ => {
                let to =
                    money[(rng.below(2) as usize + 1 + money.iter().position(|x| *x == m).unwrap_or(0)) % 3];
                entry(day, EntryKind::Transfer, vec![NewLine::debit(to, amount), NewLine::credit(m, amount)])
            }
        };
        lines += e.lines.len() as u64;
        entries += 1;
        store.post(&e)?;
        if entries % 100_000 == 0 {
            eprintln!("  … {entries} entries, {lines} lines, {:.0} s", started.elapsed().as_secs_f64());
        }
    }
    Ok(entries)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target: u64 = std::env::var("LINES").ok().and_then(|s| s.parse().ok()).unwrap_or(2_000_000);
    let base = std::env::var_os("BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-tmp"));
    let shm = std::path::Path::new("/dev/shm");
    let fill_base = std::env::var_os("FILL_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| if shm.is_dir() { shm.to_owned() } else { base.clone() });
    std::fs::create_dir_all(&base)?;
    let fill_dir = tempfile::tempdir_in(&fill_base)?;
    let dir = tempfile::tempdir_in(&base)?;
    let clock = Arc::new(SystemClock);
    let (mut store, _) = Home::new(fill_dir.path()).create(
        clock.clone(),
        NewBusiness {
            name: "Toko Ramai".into(),
            owner_name: "Penguji".into(),
            business_type: BusinessType::Toko,
            timezone: Timezone::Wib,
        },
    )?;
    let t = Instant::now();
    let entries = fill(&mut store, target)?;
    let fill_time = t.elapsed();
    let src = store.path().to_owned();
    drop(store);
    // The measured file lives on the benchmark disk.
    let path = dir.path().join("toko-ramai.usahaku");
    {
        let conn = rusqlite::Connection::open(&src)?;
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
        conn.execute("VACUUM INTO ?1", [path.display().to_string()])?;
    }
    drop(fill_dir);
    let mut store = Store::open(&path, clock)?;
    let size = std::fs::metadata(&path)?.len();
    println!(
        "ledger_reports: {entries} entries, {target}+ journal lines, 2022–2026, file {:.0} MB",
        size as f64 / 1e6
    );
    println!(
        "  filled through Store::post in {:.0} s ({:.0} µs per entry)",
        fill_time.as_secs_f64(),
        fill_time.as_secs_f64() * 1e6 / entries as f64
    );

    let runs = 15;
    let year = (date(2026, 1, 1), date(2026, 12, 31));
    let (f, m) = time(runs, || store.profit_and_loss(year.0, year.1).map(|p| p.net_profit));
    println!(
        "  Laba Rugi 2026 (whole months):          median {:>8.2} ms (first {:.2} ms) target <= 300 ms",
        ms(m),
        ms(f)
    );
    let (f, m) = time(runs, || store.balance_sheet(year.1).map(|b| b.total_assets));
    println!(
        "  Posisi Keuangan 31 Dec 2026:            median {:>8.2} ms (first {:.2} ms) target <= 300 ms",
        ms(m),
        ms(f)
    );
    let (f, m) =
        time(runs, || store.profit_and_loss(date(2026, 1, 15), date(2026, 12, 14)).map(|p| p.net_profit));
    println!("  Laba Rugi 15 Jan – 14 Dec 2026:         median {:>8.2} ms (first {:.2} ms)", ms(m), ms(f));
    let (f, m) = time(runs, || store.balance_sheet(date(2026, 12, 14)).map(|b| b.total_assets));
    println!("  Posisi Keuangan 14 Dec 2026:            median {:>8.2} ms (first {:.2} ms)", ms(m), ms(f));
    let (f, m) = time(runs, || store.cash_flow(year.0, year.1).map(|c| c.net));
    println!("  Arus Kas 2026:                          median {:>8.2} ms (first {:.2} ms)", ms(m), ms(f));
    let kas = store.account_by_role(AccountRole::Cash)?.id;
    let nov = CashBookFilter {
        from: date(2026, 11, 1),
        to: date(2026, 11, 30),
        money_account: Some(kas),
        category: None,
    };
    let (f, m) = time(runs, || store.cash_book(&nov).map(|b| b.closing));
    println!("  Buku kas Kas, November 2026:            median {:>8.2} ms (first {:.2} ms)", ms(m), ms(f));
    let (f, m) = time(runs, || store.general_ledger(kas, nov.from, nov.to).map(|g| g.closing));
    println!("  Buku Besar Kas, November 2026:          median {:>8.2} ms (first {:.2} ms)", ms(m), ms(f));

    let (sales, m_acc) = (default_account_id("4-101"), kas);
    let mut posts = Vec::new();
    for i in 0..220 {
        let e = NewEntry {
            lines: vec![
                NewLine::debit(m_acc, Money::from_rupiah(10_000 + i)),
                NewLine::credit(sales, Money::from_rupiah(10_000 + i)),
            ],
            ..entry(date(2026, 12, 20), EntryKind::Income, Vec::new())
        };
        let t = Instant::now();
        let id: Uuid = store.post(&e)?;
        std::hint::black_box(id);
        if i >= 20 {
            posts.push(t.elapsed());
        }
    }
    println!(
        "  posting one entry with its op (FULL sync): median {:>5.2} ms target <= 2 ms",
        ms(median(posts))
    );
    Ok(())
}
