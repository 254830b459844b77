//! Benchmark for the cashier: 100 000 three-line sales recorded through `Store::record_sale`
//! (each with its nota, journal entry and three stock movements) over a year, about 275 a day;
//! then, on a copy on disk: recording one more 3-line sale (target median ≤ 3 ms), the rekap
//! harian of a day and the monthly sales report (targets ≤ 50 ms each); cancelling a sale and a
//! one-item retur (they find the stock their sale took out by its journal entry).
//!
//! Run: `cargo bench -p usahaku-core --bench sales` (SALES=n for another size; filled on
//! /dev/shm when it exists, then measured on a copy in target/bench-tmp).

use std::sync::Arc;
use std::time::{Duration, Instant};
use usahaku_core::catalog::ProductInput;
use usahaku_core::sales::{
    PaymentMethod, ReturnInput, ReturnLineInput, SaleInput, SaleLineInput, SalePaymentInput,
};
use usahaku_core::stock::{ReceiptInput, ReceiptLineInput};
use usahaku_core::{BusinessType, Home, NewBusiness, Store, SystemClock, Timezone};

type Error = Box<dyn std::error::Error>;

fn sale(date: &str, i: u64) -> SaleInput {
    let line = |sku: String, qty: u64| SaleLineInput {
        product: sku,
        qty: qty.to_string(),
        ..SaleLineInput::default()
    };
    SaleInput {
        date: date.into(),
        lines: vec![
            line(format!("P{:02}", i % 20), 1 + i % 3),
            line(format!("P{:02}", (i + 7) % 20), 1),
            line(format!("P{:02}", (i + 13) % 20), 2),
        ],
        discount: if i.is_multiple_of(5) { "1.000".into() } else { String::new() },
        // Every fourth customer pays a round amount by QRIS and the rest in cash.
        payments: if i.is_multiple_of(4) {
            vec![
                SalePaymentInput {
                    method: PaymentMethod::Qris,
                    amount: "20.000".into(),
                    account: String::new(),
                },
                SalePaymentInput {
                    method: PaymentMethod::Cash,
                    amount: "200.000".into(),
                    account: String::new(),
                },
            ]
        } else {
            vec![SalePaymentInput {
                method: PaymentMethod::Cash,
                amount: "200.000".into(),
                account: String::new(),
            }]
        },
        ..SaleInput::default()
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() -> Result<(), Error> {
    let count: u64 = std::env::var("SALES").ok().and_then(|s| s.parse().ok()).unwrap_or(100_000);
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
    for i in 0..20 {
        store.add_product(&ProductInput {
            name: format!("Produk Laris {i}"),
            sku: format!("P{i:02}"),
            price: format!("{}", 5_000 + i * 1_000),
            tracked: true,
            category: ["Minuman", "Makanan", "Sembako"][i % 3].into(),
            ..ProductInput::default()
        })?;
        store.receive_stock(&ReceiptInput {
            date: "2025-01-01".into(),
            supplier: String::new(),
            pay_from: "Kas".into(),
            due_date: String::new(),
            lines: vec![ReceiptLineInput {
                product: format!("P{i:02}"),
                qty: "1000000".into(),
                unit_cost: "3.000".into(),
            }],
            note: String::new(),
        })?;
    }
    let start = jiff::civil::date(2025, 1, 1);
    let per_day = count.div_ceil(365).max(1);
    let t = Instant::now();
    for i in 0..count {
        let day = start.checked_add(jiff::Span::new().days((i / per_day) as i64))?;
        store.record_sale(&sale(&day.to_string(), i))?;
    }
    let fill = t.elapsed();
    let src = store.path().to_owned();
    drop(store);
    let dir = tempfile::tempdir_in(&base)?;
    let path = dir.path().join("ramai.usahaku");
    rusqlite::Connection::open(&src)?.execute("VACUUM INTO ?1", [path.display().to_string()])?;
    drop(fill_dir);
    let mut store = Store::open(&path, Arc::new(SystemClock))?;

    // Today's sales come after every recorded one (a back-dated sale would replay the moving
    // average of the later movements of its products).
    let busy = start.checked_add(jiff::Span::new().days(366))?;
    let mut record = Vec::new();
    let mut today = Vec::new();
    for i in 0..200 {
        let t = Instant::now();
        today.push(store.record_sale(&sale(&busy.to_string(), i))?.id);
        record.push(t.elapsed());
    }
    record.sort();
    let mut cancel = Vec::new();
    for id in &today[..50] {
        let t = Instant::now();
        store.cancel_sale(*id, "bench")?;
        cancel.push(t.elapsed());
    }
    cancel.sort();
    let mut retur = Vec::new();
    for id in &today[50..100] {
        let input = ReturnInput {
            lines: vec![ReturnLineInput { line: 2, qty: "1".into() }],
            method: PaymentMethod::Cash,
            account: String::new(),
            reason: String::new(),
            damaged: false,
        };
        let t = Instant::now();
        store.return_sale(*id, &input)?;
        retur.push(t.elapsed());
    }
    retur.sort();
    let mut recap = Vec::new();
    let mut month = Vec::new();
    for k in 0..50 {
        let day = start.checked_add(jiff::Span::new().days(10 + k * 7))?;
        let t = Instant::now();
        std::hint::black_box(store.daily_recap(day)?);
        recap.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(store.sales_report(day.first_of_month(), day.last_of_month())?);
        month.push(t.elapsed());
    }
    recap.sort();
    month.sort();
    println!(
        "sales bench: {count} three-line sales over a year ({per_day} a day), recorded in {:.1} s on tmpfs",
        fill.as_secs_f64()
    );
    println!(
        "  record a 3-line sale (nota + entry + 3 movements, synchronous=FULL, on disk): median {:.2} ms (target <= 3 ms), p95 {:.2} ms",
        ms(record[100]),
        ms(record[190])
    );
    println!(
        "  cancel a sale (reversal + 3 movements back): median {:.2} ms, max {:.2} ms",
        ms(cancel[25]),
        ms(cancel[49])
    );
    println!(
        "  retur of one item (retur nota + entry + movement): median {:.2} ms, max {:.2} ms",
        ms(retur[25]),
        ms(retur[49])
    );
    println!("  rekap harian: median {:.2} ms, max {:.2} ms (target <= 50 ms)", ms(recap[25]), ms(recap[49]));
    println!(
        "  monthly sales report (per day, method, product, category): median {:.1} ms, max {:.1} ms (target <= 50 ms)",
        ms(month[25]),
        ms(month[49])
    );
    Ok(())
}
