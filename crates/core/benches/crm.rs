//! Benchmark for Pelanggan: 50 000 customers and 500 000 purchases (notas recorded through
//! `Store::record_sale`, each linked to its customer, over two years); then, on a copy on disk:
//! customer search p95 (target ≤ 20 ms), recomputing every customer's segment (target ≤ 1 s)
//! and one customer's history page (target ≤ 20 ms).
//!
//! Run: `cargo bench -p usahaku-core --bench crm` (CUSTOMERS=n and PURCHASES=n for other
//! sizes; filled on /dev/shm when it exists, then measured on a copy in target/bench-tmp).

use std::sync::Arc;
use std::time::{Duration, Instant};
use usahaku_core::catalog::ProductInput;
use usahaku_core::crm::CustomerInput;
use usahaku_core::sales::{PaymentMethod, SaleInput, SaleLineInput, SalePaymentInput};
use usahaku_core::{BusinessType, Home, NewBusiness, Store, SystemClock, Timezone};

type Error = Box<dyn std::error::Error>;

const FIRST: [&str; 16] = [
    "Sari", "Wayan", "Made", "Rina", "Dedi", "Putu", "Ayu", "Budi", "Siti", "Agus", "Dewi", "Joko", "Nyoman",
    "Ketut", "Lestari", "Hendra",
];
const LAST: [&str; 8] = ["Pratama", "Wijaya", "Santoso", "Lestari", "Saputra", "Utami", "Hidayat", "Kusuma"];

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() -> Result<(), Error> {
    let env = |k: &str, d: u64| std::env::var(k).ok().and_then(|s| s.parse().ok()).unwrap_or(d);
    let (customers, purchases) = (env("CUSTOMERS", 50_000), env("PURCHASES", 500_000));
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-tmp");
    std::fs::create_dir_all(&base)?;
    let shm = std::path::Path::new("/dev/shm");
    let fill_dir = tempfile::tempdir_in(if shm.is_dir() { shm } else { base.as_path() })?;
    let (mut store, _) = Home::new(fill_dir.path()).create(
        Arc::new(SystemClock),
        NewBusiness {
            name: "Toko Ramai Bench".into(),
            owner_name: "Penguji".into(),
            business_type: BusinessType::Toko,
            timezone: Timezone::Wib,
        },
    )?;
    store.add_product(&ProductInput {
        name: "Paket Oleh-oleh".into(),
        sku: "PAKET".into(),
        price: "25.000".into(),
        ..ProductInput::default()
    })?;
    let t = Instant::now();
    let mut ids = Vec::with_capacity(customers as usize);
    for i in 0..customers {
        let name = format!("{} {} {i}", FIRST[(i % 16) as usize], LAST[(i / 16 % 8) as usize]);
        let c = store.add_customer(&CustomerInput {
            name,
            phone: format!("0812{:08}", 10_000_000 + i),
            ..CustomerInput::default()
        })?;
        ids.push(c.id);
    }
    let added = t.elapsed();
    let today = store.today()?;
    let t = Instant::now();
    for i in 0..purchases {
        // Customers buy at their own pace: some often, some long ago.
        let c = (i * 7_919) % customers;
        let days_ago = (i * 31 + c * 13) % 730;
        let date = today.checked_sub(jiff::Span::new().days(days_ago as i64))?;
        store.record_sale(&SaleInput {
            date: date.to_string(),
            lines: vec![SaleLineInput {
                product: "PAKET".into(),
                qty: (1 + i % 3).to_string(),
                ..SaleLineInput::default()
            }],
            payments: vec![SalePaymentInput {
                method: PaymentMethod::Cash,
                amount: "100.000".into(),
                account: String::new(),
            }],
            customer_id: ids[c as usize].to_string(),
            ..SaleInput::default()
        })?;
    }
    let fill = t.elapsed();
    let src = store.path().to_owned();
    drop(store);
    let dir = tempfile::tempdir_in(&base)?;
    let path = dir.path().join("ramai.usahaku");
    rusqlite::Connection::open(&src)?.execute("VACUUM INTO ?1", [path.display().to_string()])?;
    drop(fill_dir);
    let store = Store::open(&path, Arc::new(SystemClock))?;

    let mut search = Vec::new();
    for k in 0..300u64 {
        let q = match k % 3 {
            0 => FIRST[(k % 16) as usize].to_lowercase(),
            1 => format!("{} {}", LAST[(k % 8) as usize], k * 37 % customers),
            _ => format!("0812 {:04}", 1000 + k * 13 % customers / 10),
        };
        let t = Instant::now();
        std::hint::black_box(store.search_customers(&q, 12)?);
        search.push(t.elapsed());
    }
    search.sort();
    let mut segments = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        std::hint::black_box(store.customer_list(None)?);
        segments.push(t.elapsed());
    }
    segments.sort();
    let mut page = Vec::new();
    for k in 0..100u64 {
        let t = Instant::now();
        std::hint::black_box(store.customer_page(ids[((k * 4_973) % customers) as usize])?);
        page.push(t.elapsed());
    }
    page.sort();
    println!(
        "crm bench: {customers} customers added in {:.1} s, {purchases} purchases (notas) recorded in {:.1} s on tmpfs",
        added.as_secs_f64(),
        fill.as_secs_f64()
    );
    println!(
        "  customer search (name part or phone): median {:.2} ms, p95 {:.2} ms (target p95 <= 20 ms)",
        ms(search[150]),
        ms(search[285])
    );
    println!(
        "  recompute every customer's segment: median {:.0} ms, max {:.0} ms (target <= 1 s)",
        ms(segments[2]),
        ms(segments[4])
    );
    println!(
        "  one customer's page (figures, history, service, points): median {:.2} ms, p95 {:.2} ms (target <= 20 ms)",
        ms(page[50]),
        ms(page[95])
    );
    Ok(())
}
