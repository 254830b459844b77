//! Stock through the public API: moving-average HPP worked out by hand, receipts and
//! adjustments in the books, stok opname, two devices selling offline, late arrivals replayed,
//! paket and promo prices, and bad input refused with nothing written.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::sync::Arc;
use usahaku_core::catalog::ProductInput;
use usahaku_core::ledger::default_account_id;
use usahaku_core::pricing::{PriceSource, PromoInput};
use usahaku_core::stock::{
    AdjustmentInput, CountInput, CountLineInput, ReceiptInput, ReceiptLineInput, StockError, SupplierInput,
};
use usahaku_core::{
    BusinessType, CoreError, Home, Lang, ManualClock, Money, NewBusiness, Qty, Store, Timezone,
};
use uuid::Uuid;

fn shop(dir: &std::path::Path) -> Store {
    Home::new(dir)
        .create(
            Arc::new(ManualClock::stepping(1_793_000_000_000, 5)),
            NewBusiness {
                name: "Toko Sembako Bu Ani".into(),
                owner_name: "Ani".into(),
                business_type: BusinessType::Toko,
                timezone: Timezone::Wib,
            },
        )
        .unwrap()
        .0
}

fn add(s: &mut Store, name: &str, sku: &str, price: &str) -> Uuid {
    s.add_product(&ProductInput {
        name: name.into(),
        sku: sku.into(),
        price: price.into(),
        tracked: true,
        ..ProductInput::default()
    })
    .unwrap()
    .id
}

/// A second device of `a`'s business (as pairing makes one), with its own clock.
fn join(a: &mut Store, dir: &std::path::Path, code: &str, n: u128) -> Store {
    let link = usahaku_core::SyncLink { server_url: "http://127.0.0.1:9".into(), token: "t".into() };
    a.link_to_server(&link).unwrap();
    let device =
        usahaku_core::Device { id: usahaku_proto::DeviceId(Uuid::from_u128(0xB0B + n)), code: code.into() };
    let clock = ManualClock::stepping(1_793_000_100_000 + n as i64 * 7, 3);
    Home::new(dir).join(Arc::new(clock), a.business_id(), &device, &link).unwrap()
}

fn units(n: i64) -> Qty {
    Qty::from_units(n).unwrap()
}

fn rp(n: i64) -> Money {
    Money::from_rupiah(n)
}

fn d(t: &str) -> jiff::civil::Date {
    t.parse().unwrap()
}

fn receive(s: &mut Store, date: &str, sku: &str, qty: &str, cost: &str, pay: &str) {
    s.receive_stock(&ReceiptInput {
        date: date.into(),
        supplier: String::new(),
        pay_from: pay.into(),
        due_date: String::new(),
        lines: vec![ReceiptLineInput { product: sku.into(), qty: qty.into(), unit_cost: cost.into() }],
        note: String::new(),
    })
    .unwrap();
}

/// Debit minus credit of an account up to a day.
fn balance(s: &Store, code: &str, as_of: &str) -> Money {
    let tb = s.trial_balance(d(as_of)).unwrap();
    tb.iter()
        .find(|l| l.account.id == default_account_id(code))
        .map_or(Money::ZERO, |l| l.debit.checked_sub(l.credit).unwrap())
}

#[test]
fn moving_average_hpp_matches_the_hand_computation() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let gula = add(&mut s, "Gula Pasir 1 kg", "GULA-1", "17.000");
    receive(&mut s, "2026-11-02", "GULA-1", "10", "5.000", "Kas");
    let hpp1 = s.sell_stock(gula, units(4), d("2026-11-03"), "").unwrap();
    receive(&mut s, "2026-11-04", "GULA-1", "14", "6.500", "Kas");
    // (6 × 5.000 + 14 × 6.500) / 20 = 121.000 / 20 = 6.050.
    assert_eq!(s.stock_level(gula).unwrap().avg_cost, rp(6_050));
    let hpp2 = s.sell_stock(gula, units(8), d("2026-11-05"), "").unwrap();
    assert_eq!(hpp1, rp(20_000)); // 4 × 5.000
    assert_eq!(hpp2, rp(48_400)); // 8 × 6.050
    let level = s.stock_level(gula).unwrap();
    assert_eq!((level.qty, level.value), (units(12), rp(72_600)));
    assert_eq!(s.stock_level_from_movements(gula).unwrap(), units(12));

    // The books: Persediaan 50.000 + 91.000 − 20.000 − 48.400 = 72.600; Kas paid 141.000;
    // HPP 68.400.
    assert_eq!(balance(&s, "1-301", "2026-11-30"), rp(72_600));
    assert_eq!(balance(&s, "1-101", "2026-11-30"), rp(-141_000));
    assert_eq!(balance(&s, "5-101", "2026-11-30"), rp(68_400));
    let report = s.stock_value(d("2026-11-30")).unwrap();
    assert_eq!(
        (report.total, report.ledger_balance, report.difference),
        (rp(72_600), rp(72_600), Money::ZERO)
    );
    // As of the 3rd: 6 left worth 30.000.
    assert_eq!(s.stock_value(d("2026-11-03")).unwrap().total, rp(30_000));

    // Kartu stok: four rows with running balances.
    let card = s.stock_card(gula, d("2026-11-01"), d("2026-11-30")).unwrap();
    let rows: Vec<(i64, i64, i64, i64)> = card
        .rows
        .iter()
        .map(|r| {
            (
                r.qty_in.thousandths() - r.qty_out.thousandths(),
                r.value.rupiah(),
                r.balance_qty.thousandths(),
                r.balance_value.rupiah(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (10_000, 50_000, 10_000, 50_000),
            (-4_000, -20_000, 6_000, 30_000),
            (14_000, 91_000, 20_000, 121_000),
            (-8_000, -48_400, 12_000, 72_600)
        ]
    );
    let later = s.stock_card(gula, d("2026-11-04"), d("2026-11-30")).unwrap();
    assert_eq!((later.opening_qty, later.opening_value, later.rows.len()), (units(6), rp(30_000), 2));
}

#[test]
fn a_purchase_on_credit_is_an_utang_to_the_supplier() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    add(&mut s, "Minyak Goreng 2 L", "MINYAK-2", "38.000");
    add(&mut s, "Beras 5 kg", "BERAS-5", "75.000");
    let supplier = s
        .add_supplier(&SupplierInput {
            name: "UD Sumber Rejeki".into(),
            phone: "0812-3456-7890".into(),
            address: "Pasar Baru Blok C".into(),
            notes: String::new(),
        })
        .unwrap();
    assert_eq!(supplier.phone, "6281234567890");
    let posted = s
        .receive_stock(&ReceiptInput {
            date: "10/11/2026".into(),
            supplier: "ud sumber rejeki".into(),
            pay_from: "Utang usaha".into(),
            due_date: "10/12/2026".into(),
            lines: vec![
                ReceiptLineInput { product: "MINYAK-2".into(), qty: "12".into(), unit_cost: "31.500".into() },
                ReceiptLineInput { product: "BERAS-5".into(), qty: "5".into(), unit_cost: "64.000".into() },
            ],
            note: String::new(),
        })
        .unwrap();
    // 12 × 31.500 + 5 × 64.000 = 378.000 + 320.000 = 698.000.
    assert_eq!((posted.movements, posted.value), (2, rp(698_000)));
    assert_eq!(balance(&s, "1-301", "2026-11-30"), rp(698_000));
    assert_eq!(balance(&s, "2-101", "2026-11-30"), rp(-698_000));
    let debts = s.debts().unwrap();
    assert_eq!(debts.len(), 1);
    assert_eq!((debts[0].counterparty.as_str(), debts[0].outstanding), ("UD Sumber Rejeki", rp(698_000)));

    // Paid 200.000 of it, and 10 more beras bought in December for cash.
    let kas = s.account(default_account_id("1-101")).unwrap().id;
    s.settle_debt(debts[0].id, d("2026-11-20"), rp(200_000), kas, "").unwrap();
    s.receive_stock(&ReceiptInput {
        date: "2026-12-02".into(),
        supplier: "UD Sumber Rejeki".into(),
        pay_from: "Kas".into(),
        due_date: String::new(),
        lines: vec![ReceiptLineInput {
            product: "BERAS-5".into(),
            qty: "10".into(),
            unit_cost: "65.000".into(),
        }],
        note: String::new(),
    })
    .unwrap();
    // The supplier's history: newest first; November 698.000, all of it 698.000 + 650.000;
    // still owed 698.000 − 200.000 = 498.000 whatever the period.
    let all = s.supplier_purchases(supplier.id, d("2026-11-01"), d("2026-12-31")).unwrap();
    let rows: Vec<(&str, i64, i64)> =
        all.rows.iter().map(|r| (r.sku.as_str(), r.qty.thousandths(), r.value.rupiah())).collect();
    assert_eq!(
        rows,
        [("BERAS-5", 10_000, 650_000), ("BERAS-5", 5_000, 320_000), ("MINYAK-2", 12_000, 378_000)]
    );
    assert_eq!(all.rows[0].date, d("2026-12-02"));
    assert_eq!((all.total, all.owed), (rp(1_348_000), rp(498_000)));
    let november = s.supplier_purchases(supplier.id, d("2026-11-01"), d("2026-11-30")).unwrap();
    assert_eq!((november.rows.len(), november.total, november.owed), (2, rp(698_000), rp(498_000)));
}

#[test]
fn stock_opname_with_three_differences_makes_three_adjustments_and_one_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let teh = add(&mut s, "Teh Celup isi 25", "TEH-25", "7.500");
    let kopi = add(&mut s, "Kopi Sachet", "KOPI-S", "1.500");
    let mie = add(&mut s, "Mie Instan Goreng", "MIE-G", "3.500");
    let sabun = add(&mut s, "Sabun Mandi", "SABUN", "4.000");
    receive(&mut s, "2026-11-01", "TEH-25", "20", "5.000", "Kas");
    receive(&mut s, "2026-11-01", "KOPI-S", "100", "1.000", "Kas");
    receive(&mut s, "2026-11-01", "MIE-G", "40", "2.750", "Kas");
    receive(&mut s, "2026-11-01", "SABUN", "10", "3.000", "Kas");
    let before = s.op_count().unwrap();
    let posted = s
        .count_stock(&CountInput {
            date: "2026-11-20".into(),
            lines: vec![
                CountLineInput { product: "TEH-25".into(), counted: "18".into() }, // 2 short
                CountLineInput { product: "KOPI-S".into(), counted: "103".into() }, // 3 over
                CountLineInput { product: "MIE-G".into(), counted: "36".into() },  // 4 short
                CountLineInput { product: "SABUN".into(), counted: "10".into() },  // right
            ],
            note: String::new(),
        })
        .unwrap();
    assert_eq!(posted.movements, 3);
    assert_eq!(s.op_count().unwrap(), before + 4, "three movements and one entry");
    assert_eq!(s.stock_level(teh).unwrap().qty, units(18));
    assert_eq!(s.stock_level(kopi).unwrap().qty, units(103));
    assert_eq!(s.stock_level(mie).unwrap().qty, units(36));
    assert_eq!(s.stock_level(sabun).unwrap().qty, units(10));
    // Lost: 2 × 5.000 + 4 × 2.750 = 21.000; found: 3 × 1.000 = 3.000; Persediaan −18.000.
    let entry = s.entry(posted.entry.unwrap()).unwrap();
    let mut lines: Vec<(String, i64, i64)> = entry
        .lines
        .iter()
        .map(|l| (s.account(l.account).unwrap().code, l.debit.rupiah(), l.credit.rupiah()))
        .collect();
    lines.sort();
    assert_eq!(lines, [("1-301".into(), 0, 18_000), ("4-201".into(), 0, 3_000), ("6-108".into(), 21_000, 0)]);
    assert_eq!(posted.value, rp(-18_000));
    // 100.000 + 100.000 + 110.000 + 30.000 − 18.000
    assert_eq!(balance(&s, "1-301", "2026-11-30"), rp(322_000));
    assert_eq!(s.stock_value(d("2026-11-30")).unwrap().total, rp(322_000));
}

#[test]
fn adjustments_post_their_value_and_refuse_taking_more_than_in_stock() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let telur = add(&mut s, "Telur Ayam (kg)", "TELUR", "28.000");
    receive(&mut s, "2026-11-01", "TELUR", "10", "24.000", "Bank");
    let adj = |qty: &str, reason: &str| AdjustmentInput {
        date: "2026-11-02".into(),
        product: "TELUR".into(),
        qty: qty.into(),
        reason: reason.into(),
        note: "pecah di jalan".into(),
    };
    let posted = s.adjust_stock(&adj("-1,5", "rusak")).unwrap();
    // 1,5 kg × 24.000 = 36.000 lost.
    assert_eq!(posted.value, rp(-36_000));
    assert_eq!(balance(&s, "6-108", "2026-11-30"), rp(36_000));
    assert_eq!(s.stock_level(telur).unwrap().qty, Qty::from_thousandths(8_500));

    let ops = s.op_count().unwrap();
    for (input, code) in [
        (adj("-9", "hilang"), "not_enough_stock"),
        (adj("0", "hilang"), "bad_qty"),
        (adj("dua", "hilang"), "bad_qty"),
        (adj("-1", "dimakan kucing"), "bad_reason"),
    ] {
        let err = s.adjust_stock(&input).unwrap_err();
        assert_eq!(err.code(), code);
        assert!(!err.message(Lang::Id).is_empty());
    }
    let err = s.adjust_stock(&adj("-9", "hilang")).unwrap_err();
    assert_eq!(err.message(Lang::Id), "Stok \"Telur Ayam (kg)\" tinggal 8,5; tidak bisa dikurangi 9.");
    assert_eq!(s.op_count().unwrap(), ops, "nothing written");
}

#[test]
fn bad_receipts_are_refused_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    add(&mut s, "Gula Pasir 1 kg", "GULA-1", "17.000");
    s.add_product(&ProductInput {
        name: "Jasa Potong Rambut".into(),
        price: "25.000".into(),
        ..ProductInput::default()
    })
    .unwrap();
    let ops = s.op_count().unwrap();
    let r = |product: &str, qty: &str, cost: &str, pay: &str| ReceiptInput {
        date: String::new(),
        supplier: String::new(),
        pay_from: pay.into(),
        due_date: String::new(),
        lines: vec![ReceiptLineInput { product: product.into(), qty: qty.into(), unit_cost: cost.into() }],
        note: String::new(),
    };
    for (input, code) in [
        (r("GULA-1", "0", "5.000", "Kas"), "bad_qty"),
        (r("GULA-1", "-3", "5.000", "Kas"), "bad_qty"),
        (r("GULA-1", "3", "-5.000", "Kas"), "bad_cost"),
        (r("GULA-1", "3", "5.000,50", "Kas"), "bad_cost"),
        (r("GULA-1", "3", "5.000", "Penjualan"), "pay_account"),
        (r("GULA-9", "3", "5.000", "Kas"), "unknown_product"),
        (r("A-00001", "3", "5.000", "Kas"), "untracked"),
        (r("GULA-1", "3", "9223372036854775807", "Kas"), "invalid_amount"),
    ] {
        let err = s.receive_stock(&input).unwrap_err();
        assert_eq!(err.code(), code, "{input:?}");
    }
    let mut no_lines = r("GULA-1", "1", "1", "Kas");
    no_lines.lines.clear();
    assert!(matches!(s.receive_stock(&no_lines), Err(CoreError::Stock(StockError::NoLines))));
    assert_eq!(s.op_count().unwrap(), ops);
}

/// Two tills sell and adjust the same product offline, then exchange ops (twice, as a retried
/// sync would): both show the level that is the sum of all movements.
#[test]
fn two_devices_selling_offline_converge_on_the_sum_of_movements() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = shop(&dir.path().join("a"));
    let mut b = join(&mut a, &dir.path().join("b"), "B", 0);
    let kopi = add(&mut a, "Kopi Bubuk 250 g", "KOPI-250", "15.000");
    receive(&mut a, "2026-11-01", "KOPI-250", "50", "10.000", "Kas");
    for op in a.outbox(1000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    assert_eq!(b.stock_level(kopi).unwrap().qty, units(50));
    // Offline: A sells 3 + 4 and writes off 1; B sells 6 and finds 2.
    a.sell_stock(kopi, units(3), d("2026-11-02"), "").unwrap();
    a.sell_stock(kopi, units(4), d("2026-11-03"), "").unwrap();
    a.adjust_stock(&AdjustmentInput {
        date: "2026-11-03".into(),
        product: "KOPI-250".into(),
        qty: "-1".into(),
        reason: "rusak".into(),
        note: String::new(),
    })
    .unwrap();
    b.sell_stock(kopi, units(6), d("2026-11-02"), "").unwrap();
    b.adjust_stock(&AdjustmentInput {
        date: "2026-11-04".into(),
        product: "KOPI-250".into(),
        qty: "2".into(),
        reason: "lainnya".into(),
        note: "ketemu di gudang".into(),
    })
    .unwrap();
    let (from_a, from_b) = (a.outbox(1000).unwrap(), b.outbox(1000).unwrap());
    for _ in 0..2 {
        for op in &from_b {
            a.apply_remote(op).unwrap();
        }
        for op in from_a.iter().rev() {
            b.apply_remote(op).unwrap();
        }
    }
    // 50 − 3 − 4 − 1 − 6 + 2 = 38, valued at 10.000 each.
    for s in [&a, &b] {
        let level = s.stock_level(kopi).unwrap();
        assert_eq!((level.qty, level.value), (units(38), rp(380_000)));
        assert_eq!(s.stock_level_from_movements(kopi).unwrap(), units(38));
    }
    assert_eq!(
        a.stock_card(kopi, d("2026-11-01"), d("2026-11-30")).unwrap(),
        b.stock_card(kopi, d("2026-11-01"), d("2026-11-30")).unwrap()
    );
    assert_eq!(balance(&a, "1-301", "2026-11-30"), balance(&b, "1-301", "2026-11-30"));
}

/// A receipt that arrives late (dated before sales already recorded) revalues those sales in
/// the canonical replay; the cache equals a replay from scratch.
#[test]
fn a_late_receipt_replays_the_moving_average() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = shop(&dir.path().join("a"));
    let mut b = join(&mut a, &dir.path().join("b"), "B", 0);
    let kopi = add(&mut a, "Kopi Bubuk 250 g", "KOPI-250", "15.000");
    receive(&mut a, "2026-11-01", "KOPI-250", "10", "10.000", "Kas");
    for op in a.outbox(1000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    // B receives 10 @ 13.000 on the 2nd; A sells 5 on the 3rd without knowing it.
    receive(&mut b, "2026-11-02", "KOPI-250", "10", "13.000", "Kas");
    a.sell_stock(kopi, units(5), d("2026-11-03"), "").unwrap();
    for op in b.outbox(1000).unwrap() {
        a.apply_remote(&op).unwrap();
    }
    for op in a.outbox(1000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    // Canonical: 10 @ 10.000 + 10 @ 13.000 = 230.000 / 20 = 11.500; sell 5 = 57.500;
    // 15 left worth 172.500.
    for s in [&a, &b] {
        let level = s.stock_level(kopi).unwrap();
        assert_eq!((level.qty, level.value, level.avg_cost), (units(15), rp(172_500), rp(11_500)));
        let card = s.stock_card(kopi, d("2026-11-01"), d("2026-11-30")).unwrap();
        assert_eq!(card.rows[2].value, rp(-57_500));
    }
    // A booked its HPP at the average it knew (10.000 × 5); the report shows the 7.500 gap.
    let report = a.stock_value(d("2026-11-30")).unwrap();
    assert_eq!(
        (report.total, report.ledger_balance, report.difference),
        (rp(172_500), rp(180_000), rp(-7_500))
    );
    // The owner books it from the report: Dr HPP 7.500 / Cr Persediaan 7.500, dated that day.
    let before = a.op_count().unwrap();
    let entry = a.book_stock_difference(d("2026-11-30")).unwrap();
    assert_eq!(a.op_count().unwrap(), before + 1);
    assert_eq!(entry.date, d("2026-11-30"));
    let mut lines: Vec<(String, i64, i64)> = entry
        .lines
        .iter()
        .map(|l| (a.account(l.account).unwrap().code, l.debit.rupiah(), l.credit.rupiah()))
        .collect();
    lines.sort();
    assert_eq!(lines, [("1-301".into(), 0, 7_500), ("5-101".into(), 7_500, 0)]);
    // Persediaan 180.000 − 7.500 = 172.500; HPP 50.000 + 7.500 = 57.500, the canonical value.
    assert_eq!(balance(&a, "1-301", "2026-11-30"), rp(172_500));
    assert_eq!(balance(&a, "5-101", "2026-11-30"), rp(57_500));
    assert_eq!(a.stock_value(d("2026-11-30")).unwrap().difference, Money::ZERO);
    // Nothing left to book: refused, nothing written.
    let err = a.book_stock_difference(d("2026-11-30")).unwrap_err();
    assert_eq!(err.code(), "no_difference");
    assert!(err.message(Lang::Id).starts_with("Nilai persediaan sudah sama"), "{}", err.message(Lang::Id));
    assert_eq!(a.op_count().unwrap(), before + 1);
    // B, which booked no HPP for A's sale itself, gets the same books once the entry syncs.
    for op in a.outbox(1000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    assert_eq!(b.stock_value(d("2026-11-30")).unwrap().difference, Money::ZERO);
    // As of the 3rd the gap was already there; booking it now, after the booking as of the
    // 30th, would count it twice: refused, nothing written.
    assert_eq!(a.stock_value(d("2026-11-03")).unwrap().difference, rp(-7_500));
    let err = a.book_stock_difference(d("2026-11-03")).unwrap_err();
    assert_eq!(err.code(), "booked_later");
    assert!(err.message(Lang::Id).contains("sudah dibukukan per 30 Nov 2026"), "{}", err.message(Lang::Id));
    assert_eq!(a.op_count().unwrap(), before + 1);
}

#[test]
fn a_paket_takes_stock_from_its_components_and_promos_resolve_the_price() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let kopi = add(&mut s, "Kopi Bubuk 250 g", "KOPI-250", "15.000");
    let gula = add(&mut s, "Gula Aren 500 g", "GULA-AREN", "12.000");
    receive(&mut s, "2026-11-01", "KOPI-250", "20", "10.000", "Kas");
    receive(&mut s, "2026-11-01", "GULA-AREN", "20", "8.000", "Kas");
    let paket = s
        .add_product(&ProductInput {
            name: "Paket Kopi Gula Aren".into(),
            sku: "PAKET-1".into(),
            price: "25.000".into(),
            tracked: true,
            components: vec![("KOPI-250".into(), "1".into()), ("GULA-AREN".into(), "2".into())],
            tiers: vec![("10".into(), "23.500".into())],
            ..ProductInput::default()
        })
        .unwrap();
    assert!(!paket.tracked, "a paket's own stock is not counted");
    // Two paket: 2 kopi (20.000) + 4 gula (32.000).
    assert_eq!(s.sell_stock(paket.id, units(2), d("2026-11-05"), "").unwrap(), rp(52_000));
    assert_eq!(s.stock_level(kopi).unwrap().qty, units(18));
    assert_eq!(s.stock_level(gula).unwrap().qty, units(16));
    let bad = ProductInput {
        name: "Paket Salah".into(),
        components: vec![("PAKET-1".into(), "1".into())],
        ..ProductInput::default()
    };
    assert_eq!(s.add_product(&bad).unwrap_err().code(), "bad_component");

    s.add_promo(&PromoInput {
        product: "PAKET-1".into(),
        name: "Promo Hari Kopi".into(),
        price: "22.000".into(),
        start: "2026-12-01".into(),
        end: "2026-12-07".into(),
    })
    .unwrap();
    let q = |qty: i64, day: &str| s.price_for(paket.id, units(qty), d(day)).unwrap();
    assert_eq!((q(1, "2026-11-30").unit_price, q(1, "2026-11-30").source), (rp(25_000), PriceSource::Normal));
    assert_eq!(
        (q(10, "2026-11-30").unit_price, q(10, "2026-11-30").source),
        (rp(23_500), PriceSource::Wholesale)
    );
    let promo = q(1, "2026-12-07");
    assert_eq!(
        (promo.unit_price, promo.source, promo.promo.as_deref()),
        (rp(22_000), PriceSource::Promo, Some("Promo Hari Kopi"))
    );
    assert_eq!(q(1, "2026-12-08").unit_price, rp(25_000));
    let err = s
        .add_promo(&PromoInput {
            product: "PAKET-1".into(),
            name: String::new(),
            price: "26.000".into(),
            start: String::new(),
            end: "2026-12-31".into(),
        })
        .unwrap_err();
    assert_eq!(err.code(), "promo_not_cheaper");
}

/// Three devices record random receipts, sales and adjustments of two products offline, then
/// receive each other's ops in shuffled orders. Every device ends with the same kartu stok;
/// the cached level equals the sum of movements; and the values equal a moving average
/// recomputed here from scratch in the canonical order.
#[test]
fn random_movements_in_any_arrival_order_give_the_same_moving_average() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = shop(&dir.path().join("a"));
    let mut others: Vec<Store> =
        (0..2).map(|i| join(&mut a, &dir.path().join(format!("d{i}")), ["B", "C"][i], i as u128)).collect();
    let kopi = add(&mut a, "Kopi Bubuk 250 g", "KOPI-250", "15.000");
    let teh = add(&mut a, "Teh Melati", "TEH", "6.000");
    receive(&mut a, "2026-11-01", "KOPI-250", "30", "10.000", "Kas");
    receive(&mut a, "2026-11-01", "TEH", "30", "4.000", "Kas");
    let setup = a.outbox(1000).unwrap();
    for s in others.iter_mut() {
        for op in &setup {
            s.apply_remote(op).unwrap();
        }
    }
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut devices: Vec<Store> = std::iter::once(a).chain(others).collect();
    for _ in 0..120 {
        let s = &mut devices[next(3) as usize];
        let (id, sku) = if next(2) == 0 { (kopi, "KOPI-250") } else { (teh, "TEH") };
        let day = format!("2026-11-{:02}", 2 + next(27));
        match next(4) {
            0 => receive(
                s,
                &day,
                sku,
                &(1 + next(12)).to_string(),
                &format!("{}", 3_000 + next(90) * 100),
                "Kas",
            ),
            1 | 2 => {
                s.sell_stock(id, Qty::from_thousandths(500 * (1 + next(8) as i64)), d(&day), "").unwrap();
            }
            _ => {
                // Refused when more than the device knows is in stock: that is fine here.
                let _ = s.adjust_stock(&AdjustmentInput {
                    date: day,
                    product: sku.into(),
                    qty: format!("-{}", 1 + next(3)),
                    reason: "rusak".into(),
                    note: String::new(),
                });
            }
        }
    }
    let outboxes: Vec<Vec<usahaku_proto::Op>> = devices.iter().map(|s| s.outbox(10_000).unwrap()).collect();
    for (i, s) in devices.iter_mut().enumerate() {
        let mut ops: Vec<&usahaku_proto::Op> =
            outboxes.iter().enumerate().filter(|(j, _)| *j != i).flat_map(|(_, o)| o.iter()).collect();
        // Shuffle (Fisher–Yates), but keep each device's own ops in order, as sync delivers them.
        for k in (1..ops.len()).rev() {
            ops.swap(k, next(k as u64 + 1) as usize);
        }
        ops.sort_by_key(|o| (o.device_id, o.device_seq));
        let mut queues: Vec<Vec<&usahaku_proto::Op>> = Vec::new();
        for op in ops {
            match queues.last_mut() {
                Some(q) if q[0].device_id == op.device_id => q.push(op),
                _ => queues.push(vec![op]),
            }
        }
        // Interleave the devices' queues at random.
        while queues.iter().any(|q| !q.is_empty()) {
            let live: Vec<usize> = (0..queues.len()).filter(|k| !queues[*k].is_empty()).collect();
            let k = live[next(live.len() as u64) as usize];
            let op = queues[k].remove(0);
            s.apply_remote(op).unwrap();
        }
    }
    for product in [kopi, teh] {
        let cards: Vec<_> = devices
            .iter()
            .map(|s| s.stock_card(product, d("2026-11-01"), d("2026-11-30")).unwrap())
            .collect();
        assert!(cards[0].rows.len() > 30, "{} movements", cards[0].rows.len());
        assert_eq!(cards[0], cards[1]);
        assert_eq!(cards[0], cards[2]);
        // From scratch: value in at cost; out at value × qty / qty on hand (all of it when
        // emptying), rounded half away from zero; below zero at the last average.
        let (mut q, mut v, mut avg) = (0i128, 0i128, 0i128);
        let round = |n: i128, dd: i128| {
            let (quot, rem) = (n / dd, n % dd);
            if 2 * rem.abs() >= dd { quot + n.signum() } else { quot }
        };
        for r in &cards[0].rows {
            let moved = i128::from(r.qty_in.thousandths()) - i128::from(r.qty_out.thousandths());
            let value = match r.unit_cost {
                Some(c) if moved > 0 => round(i128::from(c.rupiah()) * moved, 1000),
                _ if q > 0 && moved == -q => -v,
                _ if q > 0 => round(v * moved, q),
                _ => round(avg * moved, 1000),
            };
            q += moved;
            v += value;
            if q > 0 {
                avg = round(v * 1000, q);
            } else if let Some(c) = r.unit_cost.filter(|_| moved > 0) {
                avg = i128::from(c.rupiah());
            }
            assert_eq!(
                (
                    i128::from(r.value.rupiah()),
                    i128::from(r.balance_qty.thousandths()),
                    i128::from(r.balance_value.rupiah())
                ),
                (value, q, v)
            );
        }
        for s in &devices {
            let level = s.stock_level(product).unwrap();
            assert_eq!(level.qty, s.stock_level_from_movements(product).unwrap());
            assert_eq!((i128::from(level.qty.thousandths()), i128::from(level.value.rupiah())), (q, v));
        }
    }
}

/// Products whose label says they expire soon, with what is in stock and its value at HPP:
/// expired first, nothing without stock (or whose stock is not counted), nothing beyond the
/// window, archived ones left out; the stock is the one of the day asked about.
#[test]
fn products_expiring_soon_are_listed_with_their_stock_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let with_expiry = |s: &mut Store, name: &str, sku: &str, expiry: &str, tracked: bool| {
        s.add_product(&ProductInput {
            name: name.into(),
            sku: sku.into(),
            price: "10.000".into(),
            expiry: expiry.into(),
            tracked,
            ..ProductInput::default()
        })
        .unwrap()
        .id
    };
    let susu = with_expiry(&mut s, "Susu UHT 1 L", "SUSU", "25/11/2026", true);
    let roti = with_expiry(&mut s, "Roti Tawar", "ROTI", "2026-11-18", true);
    with_expiry(&mut s, "Keju Cheddar", "KEJU", "2026-11-21", true); // no stock
    with_expiry(&mut s, "Selai Nanas", "SELAI", "2027-03-01", true); // beyond 30 days
    with_expiry(&mut s, "Kue Pesanan", "KUE", "2026-11-30", false); // not counted
    let old = with_expiry(&mut s, "Sirup Lama", "SIRUP", "2026-11-01", true);
    receive(&mut s, "2026-11-01", "SUSU", "12", "15.500", "Kas");
    receive(&mut s, "2026-11-01", "ROTI", "3", "11.000", "Kas");
    receive(&mut s, "2026-11-01", "SELAI", "5", "20.000", "Kas");
    receive(&mut s, "2026-11-01", "SIRUP", "2", "9.000", "Kas");
    s.set_product_active(old, false).unwrap();

    let rows = s.expiring(d("2026-11-20"), 30).unwrap();
    let got: Vec<(Uuid, &str, i32, i64, i64)> = rows
        .iter()
        .map(|r| (r.product, r.sku.as_str(), r.days_left, r.qty.thousandths(), r.value.rupiah()))
        .collect();
    assert_eq!(
        got,
        [
            // Expired two days before the 20th: 3 × 11.000 at risk.
            (roti, "ROTI", -2, 3_000, 33_000),
            // 5 days left: 12 × 15.500.
            (susu, "SUSU", 5, 12_000, 186_000),
        ]
    );
    assert_eq!(rows[1].expiry, d("2026-11-25"));
    // A narrower window: only what expires within 5 days.
    let soon: Vec<String> = s.expiring(d("2026-11-20"), 5).unwrap().into_iter().map(|r| r.sku).collect();
    assert_eq!(soon, ["ROTI", "SUSU"]);
    // Two susu sold on the 22nd: as of the 21st the 12 are still listed, as of the 22nd 10.
    s.sell_stock(susu, units(2), d("2026-11-22"), "").unwrap();
    let qty_on = |day: &str| {
        s.expiring(d(day), 30).unwrap().iter().find(|r| r.product == susu).map(|r| r.qty.thousandths())
    };
    assert_eq!((qty_on("2026-11-21"), qty_on("2026-11-22")), (Some(12_000), Some(10_000)));
}
