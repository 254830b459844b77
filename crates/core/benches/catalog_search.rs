//! Benchmark: 50 000 products added through `Store::add_product` (each one op), then 2 000
//! searches as a cashier types them (parts of names, a scanned barcode, two letters). Prints
//! the p50 and p95 search time (target p95 ≤ 20 ms).
//!
//! Run: `cargo bench -p usahaku-core --bench catalog_search` (PRODUCTS=n for another size;
//! filled on /dev/shm when it exists, then measured on a copy in target/bench-tmp).

use std::sync::Arc;
use std::time::{Duration, Instant};
use usahaku_core::catalog::ProductInput;
use usahaku_core::{BusinessType, Home, NewBusiness, Store, SystemClock, Timezone};

const WORDS: &[&str] = &[
    "Kopi", "Teh", "Gula", "Beras", "Minyak", "Susu", "Keripik", "Sambal", "Kecap", "Sabun", "Sampo", "Roti",
    "Mie", "Kerupuk", "Tepung", "Garam", "Bawang", "Cabai", "Madu", "Selai", "Biskuit", "Permen", "Air",
    "Jahe", "Kunyit", "Pandan", "Cokelat", "Keju", "Telur", "Ayam", "Ikan", "Udang", "Tahu", "Tempe",
    "Bumbu", "Rendang", "Soto",
];
const KINDS: &[&str] =
    &["Aren", "Bali", "Jawa", "Manis", "Pedas", "Original", "Premium", "Spesial", "Café", "Kemasan"];
const SIZES: &[&str] = &["100 g", "250 g", "500 g", "1 kg", "1 liter", "600 ml", "isi 10", "isi 24"];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// An EAN-13 with its check digit, from a running number.
fn ean13(n: u64) -> String {
    let body = format!("899{:09}", n);
    let sum: u32 = body
        .chars()
        .rev()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap_or(0) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::var("PRODUCTS").ok().and_then(|s| s.parse().ok()).unwrap_or(50_000);
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-tmp");
    std::fs::create_dir_all(&base)?;
    let shm = std::path::Path::new("/dev/shm");
    let fill_dir = tempfile::tempdir_in(if shm.is_dir() { shm } else { base.as_path() })?;
    let dir = tempfile::tempdir_in(&base)?;
    let clock = Arc::new(SystemClock);
    let (mut store, _) = Home::new(fill_dir.path()).create(
        clock.clone(),
        NewBusiness {
            name: "Toko Grosir Bench".into(),
            owner_name: "Penguji".into(),
            business_type: BusinessType::Toko,
            timezone: Timezone::Wib,
        },
    )?;
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut names = Vec::with_capacity(count);
    let mut barcodes = Vec::with_capacity(count);
    let t = Instant::now();
    for i in 0..count {
        let name = format!(
            "{} {} {} {}",
            WORDS[rng.below(WORDS.len())],
            KINDS[rng.below(KINDS.len())],
            SIZES[rng.below(SIZES.len())],
            i
        );
        let barcode = ean13(i as u64);
        store.add_product(&ProductInput {
            name: name.clone(),
            barcode: barcode.clone(),
            price: format!("{}", 1_000 + rng.below(200) * 500),
            tracked: true,
            ..ProductInput::default()
        })?;
        names.push(name);
        barcodes.push(barcode);
    }
    let fill = t.elapsed();
    let src = store.path().to_owned();
    drop(store);
    let path = dir.path().join("grosir.usahaku");
    rusqlite::Connection::open(&src)?.execute("VACUUM INTO ?1", [path.display().to_string()])?;
    drop(fill_dir);
    let store = Store::open(&path, clock)?;

    let mut times: Vec<Duration> = Vec::with_capacity(2_000);
    let mut found = 0usize;
    for i in 0..2_000 {
        let name = &names[rng.below(names.len())];
        let query = match i % 4 {
            // A part of a word, 3–6 letters, from somewhere in a name.
            0 | 1 => {
                let chars: Vec<char> = name.chars().collect();
                let len = 3 + rng.below(4);
                let start = rng.below(chars.len().saturating_sub(len).max(1));
                chars[start..(start + len).min(chars.len())].iter().collect::<String>()
            }
            // A scanned barcode.
            2 => barcodes[rng.below(barcodes.len())].clone(),
            // Two letters.
            _ => name.chars().take(2).collect(),
        };
        let t = Instant::now();
        let hits = store.search_products(&query, 20)?;
        times.push(t.elapsed());
        found += usize::from(!hits.is_empty());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "catalog_search: {count} products (added through Store::add_product in {:.1} s)",
        fill.as_secs_f64()
    );
    println!(
        "  2 000 searches (parts of names, barcodes, two letters), 20 results at most; {found} found something"
    );
    println!(
        "  p50 {:.2} ms, p95 {:.2} ms (target <= 20 ms), max {:.2} ms",
        ms(times[1_000]),
        ms(times[1_900]),
        ms(times[1_999])
    );
    Ok(())
}
