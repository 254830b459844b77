//! Benchmark for Produk & Stok:
//! 1. Impor: a catalogue of 40 000 products is imported from an XLSX file, then a second
//!    XLSX of 10 000 new rows is read, checked and committed (target ≤ 3 s for those 10 000),
//!    leaving 50 000 products.
//! 2. Stok: one product gets 100 000 movements (receipts and sales through the store, each
//!    with its journal entry); then its stock level is read 1 000 times (target ≤ 5 ms), and
//!    its kartu stok for a month, the sum of movements, and a late receipt dated before all
//!    of them (which replays the moving average of all 100 000) are timed.
//!
//! Run: `cargo bench -p usahaku-export --bench stock` (MOVEMENTS=n for another size; filled
//! on /dev/shm when it exists, then measured on a copy in target/bench-tmp).

use rust_xlsxwriter::Workbook;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use usahaku_core::catalog::ProductInput;
use usahaku_core::stock::{ReceiptInput, ReceiptLineInput};
use usahaku_core::{BusinessType, Home, Lang, NewBusiness, Qty, Store, SystemClock, Timezone};

type Error = Box<dyn std::error::Error>;

/// An EAN-13 with its check digit, from a running number.
fn ean13(n: u64) -> String {
    let body = format!("899{n:09}");
    let sum: u32 = body
        .chars()
        .rev()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap_or(0) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

fn write_catalogue(path: &Path, from: u64, count: u64) -> Result<(), Error> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in [
        "Nama produk",
        "SKU",
        "Barcode",
        "Kategori",
        "Satuan",
        "Harga jual",
        "Harga beli",
        "Stok awal",
        "Stok minimum",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h)?;
    }
    for i in 0..count {
        let n = from + i;
        let r = (i + 1) as u32;
        ws.write_string(r, 0, format!("Produk Grosir {n} Kemasan {}", n % 7))?;
        ws.write_string(r, 1, format!("G-{n:06}"))?;
        ws.write_string(r, 2, ean13(n))?;
        ws.write_string(r, 3, ["Sembako", "Minuman", "Bumbu", "Makanan ringan"][(n % 4) as usize])?;
        ws.write_string(r, 4, "pcs")?;
        ws.write_number(r, 5, (1_000 + (n % 200) * 500) as f64)?;
        ws.write_number(r, 6, (700 + (n % 200) * 350) as f64)?;
        ws.write_number(r, 7, (n % 50) as f64)?;
        ws.write_number(r, 8, 5.0)?;
    }
    book.save(path)?;
    Ok(())
}

fn import(store: &mut Store, path: &Path) -> Result<(Duration, Duration, Duration, u32), Error> {
    let t = Instant::now();
    let table = usahaku_export::table::read_table("produk.xlsx", &std::fs::read(path)?)?;
    let read = t.elapsed();
    let t = Instant::now();
    let plan = store.plan_import(&table, Lang::Id)?;
    let check = t.elapsed();
    let t = Instant::now();
    let result = store.commit_import(&plan)?;
    Ok((read, check, t.elapsed(), result.created))
}

fn new_store(dir: &Path) -> Result<Store, Error> {
    Ok(Home::new(dir)
        .create(
            Arc::new(SystemClock),
            NewBusiness {
                name: "Toko Grosir Bench".into(),
                owner_name: "Penguji".into(),
                business_type: BusinessType::Toko,
                timezone: Timezone::Wib,
            },
        )?
        .0)
}

/// Copies the filled store to disk (compacted) and opens the copy.
fn settle(store: Store, dir: &Path) -> Result<Store, Error> {
    let src = store.path().to_owned();
    drop(store);
    let path = dir.join("bench.usahaku");
    rusqlite::Connection::open(&src)?.execute("VACUUM INTO ?1", [path.display().to_string()])?;
    Ok(Store::open(&path, Arc::new(SystemClock))?)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() -> Result<(), Error> {
    let movements: u64 = std::env::var("MOVEMENTS").ok().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-tmp");
    std::fs::create_dir_all(&base)?;
    let shm = Path::new("/dev/shm");
    let fill_root: &Path = if shm.is_dir() { shm } else { base.as_path() };

    // 1. Import.
    let files = tempfile::tempdir_in(&base)?;
    let (first, second) = (files.path().join("katalog-40000.xlsx"), files.path().join("katalog-10000.xlsx"));
    write_catalogue(&first, 0, 40_000)?;
    write_catalogue(&second, 40_000, 10_000)?;
    let fill_dir = tempfile::tempdir_in(fill_root)?;
    let mut store = new_store(fill_dir.path())?;
    let (_, _, _, created) = import(&mut store, &first)?;
    let disk = tempfile::tempdir_in(&base)?;
    let mut store = settle(store, disk.path())?;
    drop(fill_dir);
    let (read, check, commit, created2) = import(&mut store, &second)?;
    let total = read + check + commit;
    println!("stock bench, part 1: import into a store of {created} products (itself imported)");
    println!(
        "  10 000 rows from XLSX ({} KB): read {:.0} ms, check {:.0} ms, write {:.0} ms (one transaction, {created2} products with opening stock)",
        std::fs::metadata(&second)?.len() / 1024,
        ms(read),
        ms(check),
        ms(commit)
    );
    println!(
        "  total {:.2} s (target <= 3 s); the store now holds {} products",
        total.as_secs_f64(),
        store.products()?.len()
    );
    drop(store);

    // 2. One product with many movements.
    let fill_dir = tempfile::tempdir_in(fill_root)?;
    let mut store = new_store(fill_dir.path())?;
    let product = store
        .add_product(&ProductInput {
            name: "Beras Premium 5 kg".into(),
            sku: "BERAS-5".into(),
            price: "75.000".into(),
            tracked: true,
            ..ProductInput::default()
        })?
        .id;
    let start = jiff::civil::date(2024, 1, 1);
    let t = Instant::now();
    let mut i = 0u64;
    while i < movements {
        let day = start.checked_add(jiff::Span::new().days((i / 150) as i64))?;
        if i.is_multiple_of(3) {
            store.receive_stock(&ReceiptInput {
                date: day.to_string(),
                supplier: String::new(),
                pay_from: "Kas".into(),
                due_date: String::new(),
                lines: vec![ReceiptLineInput {
                    product: "BERAS-5".into(),
                    qty: "20".into(),
                    unit_cost: format!("{}", 60_000 + (i % 50) * 100),
                }],
                note: String::new(),
            })?;
        } else {
            store.sell_stock(product, Qty::from_units(3)?, day, "")?;
        }
        i += 1;
    }
    let fill = t.elapsed();
    let disk = tempfile::tempdir_in(&base)?;
    let mut store = settle(store, disk.path())?;
    drop(fill_dir);
    let mut times = Vec::with_capacity(1_000);
    for _ in 0..1_000 {
        let t = Instant::now();
        let level = store.stock_level(product)?;
        times.push(t.elapsed());
        std::hint::black_box(level);
    }
    times.sort();
    let t = Instant::now();
    let sum = store.stock_level_from_movements(product)?;
    let sum_time = t.elapsed();
    assert_eq!(sum, store.stock_level(product)?.qty, "cache equals the sum of movements");
    let last_day = start.checked_add(jiff::Span::new().days(((movements - 1) / 150) as i64))?;
    let t = Instant::now();
    let card = store.stock_card(product, last_day.first_of_month(), last_day)?;
    let card_time = t.elapsed();
    let t = Instant::now();
    store.receive_stock(&ReceiptInput {
        date: "2023-12-31".into(),
        supplier: String::new(),
        pay_from: "Kas".into(),
        due_date: String::new(),
        lines: vec![ReceiptLineInput {
            product: "BERAS-5".into(),
            qty: "1".into(),
            unit_cost: "61.000".into(),
        }],
        note: "terlambat".into(),
    })?;
    let late = t.elapsed();
    println!(
        "stock bench, part 2: one product with {movements} movements (receipts and sales with their entries, recorded in {:.1} s)",
        fill.as_secs_f64()
    );
    println!(
        "  stock level: p50 {:.3} ms, p95 {:.3} ms (target <= 5 ms); sum of all movements {:.1} ms",
        ms(times[500]),
        ms(times[950]),
        ms(sum_time)
    );
    println!("  kartu stok for the last month ({} rows): {:.1} ms", card.rows.len(), ms(card_time));
    println!("  a receipt dated before all of them (replays every movement): {:.0} ms", ms(late));
    Ok(())
}
