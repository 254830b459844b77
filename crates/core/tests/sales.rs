//! Kasir through the public API: a cash sale worked out by hand (total, change, journal,
//! stock at moving-average HPP), split payments, cancellation restoring the statements, two
//! tills selling offline without duplicate numbers, and bad input refused.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::collections::HashSet;
use std::sync::Arc;
use usahaku_core::catalog::ProductInput;
use usahaku_core::ledger::default_account_id;
use usahaku_core::sales::{
    PaymentMethod, ReturnInput, ReturnLineInput, SaleInput, SaleLineInput, SalePaymentInput,
};
use usahaku_core::stock::{ReceiptInput, ReceiptLineInput};
use usahaku_core::{BusinessType, Home, Lang, ManualClock, Money, NewBusiness, Qty, Store, Timezone};
use uuid::Uuid;

fn shop(dir: &std::path::Path) -> Store {
    Home::new(dir)
        .create(
            Arc::new(ManualClock::stepping(1_793_000_000_000, 5)),
            NewBusiness {
                name: "Toko Kopi Nusantara".into(),
                owner_name: "Made".into(),
                business_type: BusinessType::Toko,
                timezone: Timezone::Wita,
            },
        )
        .unwrap()
        .0
}

fn rp(n: i64) -> Money {
    Money::from_rupiah(n)
}

fn d(t: &str) -> jiff::civil::Date {
    t.parse().unwrap()
}

fn add(s: &mut Store, name: &str, sku: &str, price: &str, cost: &str, qty: &str) -> Uuid {
    let id = s
        .add_product(&ProductInput {
            name: name.into(),
            sku: sku.into(),
            price: price.into(),
            tracked: true,
            ..ProductInput::default()
        })
        .unwrap()
        .id;
    receive(s, "2026-11-01", sku, qty, cost);
    id
}

/// Barang masuk of `qty` of `sku` at `cost` each, paid from Kas.
fn receive(s: &mut Store, date: &str, sku: &str, qty: &str, cost: &str) {
    s.receive_stock(&ReceiptInput {
        date: date.into(),
        supplier: String::new(),
        pay_from: "Kas".into(),
        due_date: String::new(),
        lines: vec![ReceiptLineInput { product: sku.into(), qty: qty.into(), unit_cost: cost.into() }],
        note: String::new(),
    })
    .unwrap();
}

/// Links `s` to a server it never reaches, so that it can have a second device.
fn link(s: &mut Store) {
    s.link_to_server(&usahaku_core::SyncLink { server_url: "http://127.0.0.1:9".into(), token: "t".into() })
        .unwrap();
}

/// Device B of `a`'s (linked) business, joined as pairing makes one, with none of `a`'s ops.
fn second_device(a: &Store, dir: &std::path::Path) -> Store {
    let device =
        usahaku_core::Device { id: usahaku_proto::DeviceId(Uuid::from_u128(0xB0B)), code: "B".into() };
    let link = usahaku_core::SyncLink { server_url: "http://127.0.0.1:9".into(), token: "t".into() };
    Home::new(dir)
        .join(Arc::new(ManualClock::stepping(1_793_000_100_000, 3)), a.business_id(), &device, &link)
        .unwrap()
}

/// Device B with every op `a` has made so far.
fn copy_of(a: &Store, dir: &std::path::Path) -> Store {
    let mut b = second_device(a, dir);
    for op in a.outbox(10_000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    b
}

fn line(sku: &str, qty: &str) -> SaleLineInput {
    SaleLineInput { product: sku.into(), qty: qty.into(), ..SaleLineInput::default() }
}

/// A nota of `lines` on `date`, paid in cash with `paid`.
fn cash_sale(s: &mut Store, date: &str, lines: Vec<SaleLineInput>, paid: &str) -> usahaku_core::sales::Sale {
    s.record_sale(&SaleInput { date: date.into(), lines, payments: vec![cash(paid)], ..SaleInput::default() })
        .unwrap()
}

fn cash(amount: &str) -> SalePaymentInput {
    SalePaymentInput { method: PaymentMethod::Cash, amount: amount.into(), account: String::new() }
}

/// Debit minus credit of an account up to a day.
fn balance(s: &Store, code: &str, as_of: &str) -> Money {
    s.trial_balance(d(as_of))
        .unwrap()
        .iter()
        .find(|l| l.account.id == default_account_id(code))
        .map_or(Money::ZERO, |l| l.debit.checked_sub(l.credit).unwrap())
}

#[test]
fn a_cash_sale_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let kopi = add(&mut s, "Kopi Bubuk 250 g", "KOPI", "15.000", "10.000", "20");
    let madu = add(&mut s, "Madu Hutan 500 ml", "MADU", "42.500", "30.000", "5");
    let before_kas = balance(&s, "1-101", "2026-11-30");
    let sale = s
        .record_sale(&SaleInput {
            date: "2026-11-10".into(),
            lines: vec![line("KOPI", "2"), line("MADU", "1")],
            discount: "2.500".into(),
            payments: vec![cash("100.000")],
            ..SaleInput::default()
        })
        .unwrap();
    // 2 × 15.000 + 42.500 = 72.500; − 2.500 = 70.000; change 100.000 − 70.000 = 30.000.
    assert_eq!(
        (sale.subtotal, sale.discount, sale.total, sale.paid, sale.change),
        (rp(72_500), rp(2_500), rp(70_000), rp(100_000), rp(30_000))
    );
    assert!(sale.number.starts_with("A-2026-"), "{}", sale.number);
    // HPP: 2 × 10.000 + 30.000 = 50.000.
    assert_eq!(sale.lines.iter().map(|l| l.cost.rupiah()).collect::<Vec<_>>(), [20_000, 30_000]);
    let entry = s.entry(sale.entry.unwrap()).unwrap();
    let mut lines: Vec<(String, i64, i64)> = entry
        .lines
        .iter()
        .map(|l| (s.account(l.account).unwrap().code, l.debit.rupiah(), l.credit.rupiah()))
        .collect();
    lines.sort();
    assert_eq!(
        lines,
        [
            ("1-101".into(), 70_000, 0),
            ("1-301".into(), 0, 50_000),
            ("4-101".into(), 0, 72_500),
            ("4-102".into(), 2_500, 0),
            ("5-101".into(), 50_000, 0),
        ]
    );
    assert_eq!(balance(&s, "1-101", "2026-11-30").checked_sub(before_kas).unwrap(), rp(70_000));
    assert_eq!(s.stock_level(kopi).unwrap().qty, Qty::from_units(18).unwrap());
    assert_eq!(s.stock_level(madu).unwrap().qty, Qty::from_units(4).unwrap());
    let pl = s.profit_and_loss(d("2026-11-01"), d("2026-11-30")).unwrap();
    // Penjualan 72.500 − diskon 2.500 − HPP 50.000.
    assert_eq!(pl.net_profit, rp(20_000));
    let recap = s.daily_recap(d("2026-11-10")).unwrap();
    assert_eq!((recap.sales, recap.total, recap.cash_expected), (1, rp(70_000), rp(70_000)));
    assert_eq!(s.sale(sale.id).unwrap().payments[0].amount, rp(100_000), "the cash handed over is kept");
}

#[test]
fn wholesale_tier_and_split_payment() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    s.add_product(&ProductInput {
        name: "Air Mineral 600 ml".into(),
        sku: "AIR".into(),
        price: "4.000".into(),
        tiers: vec![("24".into(), "3.250".into())],
        ..ProductInput::default()
    })
    .unwrap();
    let input = SaleInput {
        date: "2026-11-11".into(),
        lines: vec![line("AIR", "24")],
        payments: vec![
            SalePaymentInput { method: PaymentMethod::Qris, amount: "50.000".into(), account: String::new() },
            cash("30.000"),
        ],
        ..SaleInput::default()
    };
    assert_eq!(s.quote_sale(&input).unwrap().lines[0].price_source, "grosir");
    let sale = s.record_sale(&input).unwrap();
    // 24 × 3.250 = 78.000; QRIS 50.000 + cash 30.000 = 80.000; change 2.000 from the cash.
    assert_eq!((sale.total, sale.change), (rp(78_000), rp(2_000)));
    let recap = s.daily_recap(d("2026-11-11")).unwrap();
    assert_eq!(recap.by_method, [("tunai".to_owned(), 28_000), ("qris".to_owned(), 50_000)]);
    assert_eq!(balance(&s, "1-102", "2026-11-30"), rp(50_000));
    assert_eq!(balance(&s, "1-101", "2026-11-30"), rp(28_000));
}

#[test]
fn cancelling_restores_the_statements_and_the_stock() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let kopi = add(&mut s, "Kopi Bubuk 250 g", "KOPI", "15.000", "10.000", "20");
    let to = d("2026-11-30");
    // Accounts with a balance (a sale and its cancellation leave zero rows behind).
    let nonzero = |s: &Store| {
        s.trial_balance(to)
            .unwrap()
            .into_iter()
            .filter(|r| r.debit != Money::ZERO || r.credit != Money::ZERO)
            .collect::<Vec<_>>()
    };
    let (tb, bs) = (nonzero(&s), s.balance_sheet(to).unwrap());
    let card_before = s.stock_level(kopi).unwrap();
    let sale = s
        .record_sale(&SaleInput {
            date: "2026-11-10".into(),
            lines: vec![SaleLineInput {
                product: "KOPI".into(),
                qty: "3".into(),
                price: String::new(),
                discount: "1.000".into(),
            }],
            payments: vec![cash("50.000")],
            ..SaleInput::default()
        })
        .unwrap();
    let cancel = s.cancel_sale(sale.id, "salah input").unwrap();
    assert_eq!(cancel.reverses, Some(sale.id));
    assert_eq!(cancel.total, rp(-44_000));
    assert_eq!(s.sale(sale.id).unwrap().cancelled_by, Some(cancel.id));
    let pl = s.profit_and_loss(d("2026-11-01"), to).unwrap();
    assert_eq!((pl.revenue, pl.expenses), (Money::ZERO, Money::ZERO));
    assert_eq!(nonzero(&s), tb);
    let after = s.balance_sheet(to).unwrap();
    assert_eq!(
        (after.total_assets, after.total_liabilities, after.total_equity),
        (bs.total_assets, bs.total_liabilities, bs.total_equity)
    );
    assert_eq!(s.stock_level(kopi).unwrap(), card_before);
    let ops = s.op_count().unwrap();
    assert_eq!(s.cancel_sale(sale.id, "").unwrap_err().code(), "already_cancelled");
    assert_eq!(s.cancel_sale(cancel.id, "").unwrap_err().code(), "already_cancelled");
    assert_eq!(s.op_count().unwrap(), ops);
}

fn retur(lines: &[(u32, &str)]) -> ReturnInput {
    ReturnInput {
        lines: lines.iter().map(|(line, qty)| ReturnLineInput { line: *line, qty: (*qty).into() }).collect(),
        method: PaymentMethod::Cash,
        account: String::new(),
        reason: "kemasan sobek".into(),
        damaged: false,
    }
}

/// 2 × Rp15.000 + 1 × Rp42.500, Rp2.500 off the nota, paid Rp100.000 (total Rp70.000). One
/// kopi comes back, then the rest: each refund by hand, and in the end exactly Rp70.000 back,
/// the stock as before and the statements as before the sale, on a second device too.
#[test]
fn a_partial_return_then_the_rest_refund_exactly_what_was_paid() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(&dir.path().join("a"));
    link(&mut s);
    let kopi = add(&mut s, "Kopi Bubuk 250 g", "KOPI", "15.000", "9.000", "10");
    let gula = add(&mut s, "Gula Aren 1 kg", "GULA", "42.500", "30.000", "5");
    let to = d("2026-11-30");
    let nonzero = |s: &Store| {
        s.trial_balance(to)
            .unwrap()
            .into_iter()
            .filter(|r| r.debit != Money::ZERO || r.credit != Money::ZERO)
            .collect::<Vec<_>>()
    };
    let tb_before = nonzero(&s);
    let kas_before = balance(&s, "1-101", "2026-11-30");
    let sale = s
        .record_sale(&SaleInput {
            date: "2026-11-10".into(),
            lines: vec![line("KOPI", "2"), line("GULA", "1")],
            discount: "2.500".into(),
            payments: vec![cash("100.000")],
            ..SaleInput::default()
        })
        .unwrap();
    assert_eq!((sale.total, sale.change), (rp(70_000), rp(30_000)));

    // One kopi back: Rp15.000 less its share of the nota discount,
    // 2.500 × 15.000 / 72.500 = 517,24 → Rp517; refund Rp14.483.
    let first = s.return_sale(sale.id, &retur(&[(1, "1")])).unwrap();
    assert!(first.is_return);
    assert_eq!(first.reverses, Some(sale.id));
    assert_eq!((first.total, first.paid), (rp(-14_483), rp(-14_483)));
    assert_eq!(balance(&s, "1-101", "2026-11-30"), kas_before.checked_add(rp(70_000 - 14_483)).unwrap());
    assert_eq!(balance(&s, "4-101", "2026-11-30"), rp(-(72_500 - 15_000)));
    assert_eq!(balance(&s, "4-102", "2026-11-30"), rp(2_500 - 517));
    // Stock: 10 − 2 + 1 kopi; HPP of the sale 2 × 9.000 + 30.000, less the 9.000 back.
    assert_eq!(s.stock_level(kopi).unwrap().qty, Qty::from_units(9).unwrap());
    assert_eq!(balance(&s, "5-101", "2026-11-30"), rp(48_000 - 9_000));
    let now = s.sale(sale.id).unwrap();
    assert_eq!(now.returns, vec![first.number.clone()]);
    assert_eq!(now.lines[0].returned, Qty::from_units(1).unwrap());
    let recap = s.daily_recap(first.date).unwrap();
    assert_eq!(recap.returns, 1);

    // More than is left is refused with the figures, and nothing is written.
    let ops = s.op_count().unwrap();
    let err = s.return_sale(sale.id, &retur(&[(1, "2")])).unwrap_err();
    assert_eq!(err.code(), "return_too_many");
    assert_eq!(
        err.message(Lang::Id),
        "Retur Kopi Bubuk 250 g 2 melebihi yang bisa dikembalikan: dijual 2, sudah diretur 1, sisa 1."
    );
    for (input, code) in [
        (retur(&[(3, "1")]), "unknown_line"),
        (retur(&[(1, "-1")]), "bad_qty"),
        (retur(&[(1, "0")]), "no_lines"),
    ] {
        assert_eq!(s.return_sale(sale.id, &input).unwrap_err().code(), code);
    }
    assert_eq!(s.return_sale(first.id, &retur(&[(1, "1")])).unwrap_err().code(), "not_a_sale");
    assert_eq!(s.cancel_sale(sale.id, "").unwrap_err().code(), "has_returns");
    assert_eq!(s.op_count().unwrap(), ops);

    // The rest: Rp57.500 less the remaining discount 2.500 − 517 = Rp1.983 → Rp55.517.
    let rest = s.return_sale(sale.id, &retur(&[(1, "1"), (2, "1")])).unwrap();
    assert_eq!(rest.total, rp(-55_517));
    // In all 14.483 + 55.517 = 70.000, exactly what was paid.
    assert_eq!(balance(&s, "1-101", "2026-11-30"), kas_before);
    assert_eq!(s.stock_level(kopi).unwrap().qty, Qty::from_units(10).unwrap());
    assert_eq!(s.stock_level(gula).unwrap().qty, Qty::from_units(5).unwrap());
    assert_eq!(nonzero(&s), tb_before);
    let pl = s.profit_and_loss(d("2026-11-01"), to).unwrap();
    assert_eq!((pl.revenue, pl.expenses), (Money::ZERO, Money::ZERO));
    assert_eq!(s.return_sale(sale.id, &retur(&[(2, "1")])).unwrap_err().code(), "return_too_many");

    // A second device that receives the ops has the same books, stock and nota.
    let b = copy_of(&s, &dir.path().join("b"));
    assert_eq!(b.trial_balance(to).unwrap(), s.trial_balance(to).unwrap());
    assert_eq!(b.sale(sale.id).unwrap(), s.sale(sale.id).unwrap());
    assert_eq!(b.stock_level(gula).unwrap(), s.stock_level(gula).unwrap());
}

#[test]
fn bad_sales_are_refused_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    add(&mut s, "Kopi Bubuk 250 g", "KOPI", "15.000", "10.000", "20");
    let ops = s.op_count().unwrap();
    let sale = |lines: Vec<SaleLineInput>, discount: &str, payments: Vec<SalePaymentInput>| SaleInput {
        date: String::new(),
        lines,
        discount: discount.into(),
        payments,
        ..SaleInput::default()
    };
    for (input, code) in [
        (sale(vec![], "", vec![cash("10.000")]), "no_lines"),
        (sale(vec![line("KOPI", "0")], "", vec![cash("10.000")]), "bad_qty"),
        (sale(vec![line("KOPI", "-1")], "", vec![cash("10.000")]), "bad_qty"),
        (sale(vec![line("KOPI", "1")], "", vec![cash("10.000")]), "underpaid"),
        (sale(vec![line("KOPI", "1")], "16.000", vec![cash("20.000")]), "bad_discount"),
        (
            sale(
                vec![SaleLineInput {
                    product: "KOPI".into(),
                    qty: "1000".into(),
                    price: "9223372036854775807".into(),
                    discount: String::new(),
                }],
                "",
                vec![cash("1")],
            ),
            "invalid_amount",
        ),
        (
            sale(
                vec![line("KOPI", "1")],
                "",
                vec![SalePaymentInput {
                    method: PaymentMethod::Transfer,
                    amount: "20.000".into(),
                    account: String::new(),
                }],
            ),
            "change_without_cash",
        ),
        (sale(vec![line("TEH", "1")], "", vec![cash("20.000")]), "unknown_product"),
    ] {
        let err = s.record_sale(&input).unwrap_err();
        assert_eq!(err.code(), code, "{input:?}");
        assert!(!err.message(Lang::Id).is_empty());
    }
    let err = s.record_sale(&sale(vec![line("KOPI", "1")], "", vec![cash("10.000")])).unwrap_err();
    assert_eq!(err.message(Lang::Id), "Pembayaran kurang: total Rp15.000, dibayar Rp10.000. Kurang Rp5.000.");
    assert_eq!(s.op_count().unwrap(), ops);
}

/// Two tills sell offline for a "day" (300 sales), then exchange ops, twice (a retried sync):
/// no number is used twice, and stock and statements are the same on both.
#[test]
fn two_tills_selling_offline_never_share_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = shop(&dir.path().join("a"));
    link(&mut a);
    let mut b = second_device(&a, &dir.path().join("b"));
    let kopi = add(&mut a, "Kopi Bubuk 250 g", "KOPI", "15.000", "10.000", "1000");
    let teh = add(&mut a, "Teh Melati", "TEH", "6.000", "4.000", "1000");
    for op in a.outbox(1000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    let mut sold = (0i64, 0i64);
    for i in 0..300 {
        let till = if i % 2 == 0 { &mut a } else { &mut b };
        let (k, t) = (1 + i % 3, i % 2);
        let mut lines = vec![line("KOPI", &k.to_string())];
        if t > 0 {
            lines.push(line("TEH", &t.to_string()));
        }
        till.record_sale(&SaleInput {
            date: "2026-11-12".into(),
            lines,
            payments: vec![cash("100.000")],
            ..SaleInput::default()
        })
        .unwrap();
        sold.0 += k;
        sold.1 += t;
    }
    let (from_a, from_b) = (a.outbox(100_000).unwrap(), b.outbox(100_000).unwrap());
    for _ in 0..2 {
        for op in &from_b {
            a.apply_remote(op).unwrap();
        }
        for op in &from_a {
            b.apply_remote(op).unwrap();
        }
    }
    for s in [&a, &b] {
        let notas = s.sales_on(d("2026-11-12")).unwrap();
        assert_eq!(notas.len(), 300);
        let numbers: HashSet<&str> = notas.iter().map(|n| n.number.as_str()).collect();
        assert_eq!(numbers.len(), 300, "no number twice");
        assert_eq!(s.stock_level(kopi).unwrap().qty, Qty::from_units(1000 - sold.0).unwrap());
        assert_eq!(s.stock_level(teh).unwrap().qty, Qty::from_units(1000 - sold.1).unwrap());
        // Revenue: kopi × 15.000 + teh × 6.000.
        let recap = s.daily_recap(d("2026-11-12")).unwrap();
        assert_eq!(recap.total, rp(sold.0 * 15_000 + sold.1 * 6_000));
    }
    let to = d("2026-11-30");
    assert_eq!(a.trial_balance(to).unwrap(), b.trial_balance(to).unwrap());
    assert_eq!(a.daily_recap(d("2026-11-12")).unwrap(), b.daily_recap(d("2026-11-12")).unwrap());
    let report = a.sales_report(d("2026-11-01"), d("2026-11-30")).unwrap();
    assert_eq!((report.sales, report.total), (300, rp(sold.0 * 15_000 + sold.1 * 6_000)));
    let kopi_row = report.by_product.iter().find(|p| p.name == "Kopi Bubuk 250 g").unwrap();
    assert_eq!(
        (kopi_row.qty, kopi_row.revenue, kopi_row.cost),
        (Qty::from_units(sold.0).unwrap(), rp(sold.0 * 15_000), rp(sold.0 * 10_000))
    );
    assert_eq!(report, b.sales_report(d("2026-11-01"), d("2026-11-30")).unwrap());
}

/// 1,5 kg at Rp12.345 (Rp18.518) returned in three parts of 0,5 kg: the refunds add up to the
/// line, not a rupiah more (each part alone would round 6.172,5 up).
#[test]
fn weighed_goods_returned_in_parts_refund_exactly_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    s.add_product(&ProductInput {
        name: "Kopi Arabika curah".into(),
        sku: "CURAH".into(),
        unit: "kg".into(),
        price: "12.345".into(),
        ..ProductInput::default()
    })
    .unwrap();
    let sale = cash_sale(&mut s, "2026-11-10", vec![line("CURAH", "1,5")], "20.000");
    assert_eq!(sale.total, rp(18_518));
    let mut refunded = 0;
    for _ in 0..3 {
        refunded -= s.return_sale(sale.id, &retur(&[(1, "0,5")])).unwrap().total.rupiah();
    }
    assert_eq!(refunded, 18_518);
    assert_eq!(balance(&s, "4-101", "2026-11-30"), Money::ZERO, "Penjualan back to nothing");
}

/// Stock at an uneven average (1 at Rp3.000 and 2 at Rp3.500: Rp10.000 for 3, Rp3.333,33 a
/// unit) comes back to the Rupiah: a cancelled sale of 2 and a sale of 3 returned one by one
/// leave the stock value and Persediaan at Rp10.000 and HPP at nothing, on a second device too.
#[test]
fn stock_at_an_uneven_average_comes_back_to_the_rupiah() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(&dir.path().join("a"));
    link(&mut s);
    let kopi = add(&mut s, "Kopi Bubuk 250 g", "KOPI", "15.000", "3.000", "1");
    receive(&mut s, "2026-11-02", "KOPI", "2", "3.500");
    let to = "2026-11-30";
    let whole = (Qty::from_units(3).unwrap(), rp(10_000));
    let level = |s: &Store| {
        let l = s.stock_level(kopi).unwrap();
        (l.qty, l.value)
    };
    assert_eq!(level(&s), whole);

    // Two sold: 10.000 × 2 / 3 = 6.666,67 → HPP Rp6.667. Cancelled: all of it comes back,
    // not 2 × Rp3.334 (Rp6.668, the unit cost rounded).
    let sale = cash_sale(&mut s, "2026-11-10", vec![line("KOPI", "2")], "30.000");
    assert_eq!(sale.lines[0].cost, rp(6_667));
    assert_eq!(level(&s), (Qty::from_units(1).unwrap(), rp(3_333)));
    s.cancel_sale(sale.id, "salah input").unwrap();
    assert_eq!(level(&s), whole);
    assert_eq!(balance(&s, "1-301", to), rp(10_000));
    assert_eq!(balance(&s, "5-101", to), Money::ZERO);

    // All three sold (Rp10.000 of HPP), then returned one at a time: Rp3.333, then
    // 6.666,67 → 6.667 less 3.333 = Rp3.334, then 10.000 − 6.667 = Rp3.333.
    let sale = cash_sale(&mut s, "2026-11-11", vec![line("KOPI", "3")], "45.000");
    assert_eq!(sale.lines[0].cost, rp(10_000));
    let mut back = Vec::new();
    for _ in 0..3 {
        let r = s.return_sale(sale.id, &retur(&[(1, "1")])).unwrap();
        back.push(-r.lines[0].cost.rupiah());
    }
    assert_eq!(back, [3_333, 3_334, 3_333]);
    assert_eq!(level(&s), whole);
    assert_eq!(balance(&s, "1-301", to), rp(10_000));
    assert_eq!(balance(&s, "5-101", to), Money::ZERO);
    let report = s.stock_value(d(to)).unwrap();
    assert_eq!((report.total, report.difference), (rp(10_000), Money::ZERO));

    // A second device values the movements the same.
    let b = copy_of(&s, &dir.path().join("b"));
    assert_eq!(level(&b), whole);
    assert_eq!(b.stock_value(d(to)).unwrap(), report);
}

/// A kopi comes back damaged: the money goes back and Penjualan is reversed as for any retur,
/// but the kopi does not go back on the shelf. The kartu stok shows it back and written off,
/// its cost moves from HPP to Beban selisih persediaan, and a second device agrees.
#[test]
fn a_damaged_retur_is_written_off_not_restocked() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(&dir.path().join("a"));
    link(&mut s);
    let kopi = add(&mut s, "Kopi Bubuk 250 g", "KOPI", "15.000", "9.000", "10");
    let to = "2026-11-30";
    let kas_before = balance(&s, "1-101", to);
    let sale = cash_sale(&mut s, "2026-11-10", vec![line("KOPI", "2")], "30.000");
    let damaged = s
        .return_sale(
            sale.id,
            &ReturnInput { damaged: true, reason: "bungkus bocor".into(), ..retur(&[(1, "1")]) },
        )
        .unwrap();
    assert!(damaged.damaged);
    assert_eq!(damaged.total, rp(-15_000));
    // Kas 30.000 in, 15.000 back; Penjualan 15.000 left; stock 10 − 2 = 8 worth 8 × 9.000.
    assert_eq!(balance(&s, "1-101", to), kas_before.checked_add(rp(15_000)).unwrap());
    assert_eq!(balance(&s, "4-101", to), rp(-15_000));
    let level = s.stock_level(kopi).unwrap();
    assert_eq!((level.qty, level.value), (Qty::from_units(8).unwrap(), rp(72_000)));
    assert_eq!(balance(&s, "1-301", to), rp(72_000));
    // HPP 18.000 − 9.000; the damaged kopi's 9.000 is a loss.
    assert_eq!(balance(&s, "5-101", to), rp(9_000));
    assert_eq!(balance(&s, "6-108", to), rp(9_000));
    let card = s.stock_card(kopi, d("2026-11-01"), d(to)).unwrap();
    let rows: Vec<(&str, &str, i64, i64)> = card
        .rows
        .iter()
        .map(|r| {
            (
                r.kind.as_str(),
                r.reason.as_str(),
                r.qty_in.thousandths() - r.qty_out.thousandths(),
                r.value.rupiah(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("receipt", "", 10_000, 90_000),
            ("sale", "", -2_000, -18_000),
            ("return", "retur", 1_000, 9_000),
            ("adjustment", "rusak", -1_000, -9_000)
        ]
    );

    // The other kopi comes back whole: on the shelf again.
    let whole = s.return_sale(sale.id, &retur(&[(1, "1")])).unwrap();
    assert!(!whole.damaged);
    assert_eq!(s.stock_level(kopi).unwrap().qty, Qty::from_units(9).unwrap());
    assert_eq!(balance(&s, "5-101", to), Money::ZERO);
    assert_eq!(s.stock_value(d(to)).unwrap().difference, Money::ZERO);

    let b = copy_of(&s, &dir.path().join("b"));
    assert!(b.sale(damaged.id).unwrap().damaged);
    assert_eq!(b.stock_level(kopi).unwrap(), s.stock_level(kopi).unwrap());
    assert_eq!(b.trial_balance(d(to)).unwrap(), s.trial_balance(d(to)).unwrap());
}

/// A till still on the app before exact values read the movements of a cancellation at the
/// rounded unit cost (2 × Rp3.334 back instead of Rp6.667): Rp1 too much in stock. On upgrade
/// the movements take their exact value from their ops and the product is replayed.
#[test]
fn an_upgrade_takes_exact_values_from_the_ops_an_older_app_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let kopi = add(&mut s, "Kopi Bubuk 250 g", "KOPI", "15.000", "3.000", "1");
    receive(&mut s, "2026-11-02", "KOPI", "2", "3.500");
    let sale = cash_sale(&mut s, "2026-11-10", vec![line("KOPI", "2")], "30.000");
    s.cancel_sale(sale.id, "").unwrap();
    let path = s.path().to_owned();
    drop(s);
    // The file as the older app left it: no fixed_value, the return valued 6.668.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "DROP INDEX stock_movement_entry; ALTER TABLE stock_movement DROP COLUMN fixed_value;
             UPDATE stock_movement SET value = 6668, balance_value = 10001 WHERE kind = 'return';
             UPDATE product_stock SET value = 10001;
             PRAGMA user_version = 16;",
        )
        .unwrap();
    let s = Store::open(&path, Arc::new(ManualClock::stepping(1_793_000_200_000, 5))).unwrap();
    let level = s.stock_level(kopi).unwrap();
    assert_eq!((level.qty, level.value), (Qty::from_units(3).unwrap(), rp(10_000)));
    let card = s.stock_card(kopi, d("2026-11-01"), d("2026-11-30")).unwrap();
    assert_eq!(card.rows.last().unwrap().value, rp(6_667));
    assert_eq!(s.stock_value(d("2026-11-30")).unwrap().difference, Money::ZERO);
}
