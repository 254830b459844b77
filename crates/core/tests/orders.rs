//! Pesanan through the public API: the order with a down payment, delivered, the rest
//! paid by transfer after verification; cancellation restoring the statements; the status
//! never moving back.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::sync::Arc;
use usahaku_core::catalog::ProductInput;
use usahaku_core::ledger::default_account_id;
use usahaku_core::orders::{OrderInput, OrderPaymentInput, OrderStatus, StatusInput};
use usahaku_core::sales::{PaymentMethod, SaleLineInput};
use usahaku_core::{BusinessType, Home, ManualClock, Money, NewBusiness, Store, Timezone};

fn shop(dir: &std::path::Path) -> Store {
    Home::new(dir)
        .create(
            Arc::new(ManualClock::stepping(1_793_000_000_000, 5)),
            NewBusiness {
                name: "Mebel Jati Pak Harjo".into(),
                owner_name: "Harjo".into(),
                business_type: BusinessType::Kerajinan,
                timezone: Timezone::Wib,
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

fn balance(s: &Store, code: &str) -> Money {
    s.trial_balance(d("2026-12-31"))
        .unwrap()
        .iter()
        .find(|l| l.account.id == default_account_id(code))
        .map_or(Money::ZERO, |l| l.debit.checked_sub(l.credit).unwrap())
}

fn to(st: OrderStatus) -> StatusInput {
    StatusInput {
        status: st,
        quality_checked: false,
        courier: String::new(),
        tracking: String::new(),
        date: String::new(),
    }
}

fn pay(method: PaymentMethod, amount: &str, pending: bool) -> OrderPaymentInput {
    OrderPaymentInput { method, amount: amount.into(), account: String::new(), pending, date: String::new() }
}

fn order(s: &mut Store) -> usahaku_core::orders::Order {
    s.add_product(&ProductInput {
        name: "Meja Makan Jati 6 Kursi".into(),
        sku: "MEJA-6".into(),
        price: "2.400.000".into(),
        ..ProductInput::default()
    })
    .unwrap();
    s.add_order(&OrderInput {
        date: "2026-11-02".into(),
        channel: "whatsapp".into(),
        customer: "Bu Rina".into(),
        phone: "0812-1111-2222".into(),
        address: "Jl. Kenanga 5, Jepara".into(),
        lines: vec![SaleLineInput { product: "MEJA-6".into(), qty: "1".into(), ..SaleLineInput::default() }],
        due_date: "2026-11-30".into(),
        ..OrderInput::default()
    })
    .unwrap()
}

#[test]
fn an_order_with_a_down_payment_delivered_then_paid_by_transfer() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let o = order(&mut s);
    assert!(o.number.starts_with("A-2026-P"), "{}", o.number);
    assert_eq!((o.total, o.status), (rp(2_400_000), OrderStatus::New));
    // DP Rp1.000.000 in cash: a deposit, not revenue.
    let o = s.pay_order(o.id, &pay(PaymentMethod::Cash, "1.000.000", false)).unwrap();
    assert_eq!((o.paid, o.remaining), (rp(1_000_000), rp(1_400_000)));
    assert_eq!(balance(&s, "2-102"), rp(-1_000_000));
    assert_eq!(s.profit_and_loss(d("2026-11-01"), d("2026-11-30")).unwrap().revenue, Money::ZERO);
    for st in [OrderStatus::Confirmed, OrderStatus::InProcess] {
        s.set_order_status(o.id, &to(st)).unwrap();
    }
    assert_eq!(s.set_order_status(o.id, &to(OrderStatus::Ready)).unwrap_err().code(), "quality_check");
    s.set_order_status(o.id, &StatusInput { quality_checked: true, ..to(OrderStatus::Ready) }).unwrap();
    // Delivered: revenue 2.400.000; deposit cleared; piutang 1.400.000.
    let o = s
        .set_order_status(
            o.id,
            &StatusInput {
                courier: "Ekspedisi Jepara".into(),
                tracking: "JPR-0098".into(),
                ..to(OrderStatus::Shipped)
            },
        )
        .unwrap();
    assert!(o.delivered);
    assert_eq!((o.courier.as_str(), o.tracking.as_str()), ("Ekspedisi Jepara", "JPR-0098"));
    assert_eq!(balance(&s, "2-102"), Money::ZERO, "deposit liability cleared");
    assert_eq!(balance(&s, "1-201"), rp(1_400_000));
    assert_eq!(s.profit_and_loss(d("2026-11-01"), d("2026-12-31")).unwrap().revenue, rp(2_400_000));
    // The rest by transfer, waiting for verification: nothing posted yet.
    let o = s.pay_order(o.id, &pay(PaymentMethod::Transfer, "1.400.000", true)).unwrap();
    assert_eq!((o.pending, o.paid), (rp(1_400_000), rp(1_000_000)));
    assert_eq!(balance(&s, "1-102"), Money::ZERO);
    let o = s.verify_payment(o.id).unwrap();
    assert_eq!((o.paid, o.remaining, o.pending), (rp(2_400_000), Money::ZERO, Money::ZERO));
    assert_eq!(balance(&s, "1-201"), Money::ZERO, "receivable zero");
    assert_eq!(balance(&s, "1-102"), rp(1_400_000));
    assert_eq!(balance(&s, "1-101"), rp(1_000_000));
    assert!(s.debts().unwrap().iter().all(|d| d.outstanding == Money::ZERO));
    let o = s.set_order_status(o.id, &to(OrderStatus::Done)).unwrap();
    assert_eq!(o.status, OrderStatus::Done);
    // Backwards, and overpaying, are refused with nothing written.
    let ops = s.op_count().unwrap();
    let err = s.set_order_status(o.id, &to(OrderStatus::InProcess)).unwrap_err();
    assert_eq!(
        err.message(usahaku_core::Lang::Id),
        "Status pesanan tidak bisa mundur dari \"selesai\" ke \"diproses\"."
    );
    assert_eq!(s.pay_order(o.id, &pay(PaymentMethod::Cash, "1", false)).unwrap_err().code(), "overpaid");
    assert_eq!(s.op_count().unwrap(), ops);
    assert!(s.open_orders().unwrap().is_empty());
}

#[test]
fn cancelling_a_delivered_order_restores_the_statements() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let before = s.balance_sheet(d("2026-12-31")).unwrap();
    let o = order(&mut s);
    s.pay_order(o.id, &pay(PaymentMethod::Cash, "1.000.000", false)).unwrap();
    s.set_order_status(o.id, &to(OrderStatus::Shipped)).unwrap();
    s.pay_order(o.id, &pay(PaymentMethod::Transfer, "400.000", false)).unwrap();
    let o = s.cancel_order(o.id).unwrap();
    assert_eq!(o.status, OrderStatus::Cancelled);
    let after = s.balance_sheet(d("2026-12-31")).unwrap();
    assert_eq!(
        (after.total_assets, after.total_liabilities, after.total_equity),
        (before.total_assets, before.total_liabilities, before.total_equity)
    );
    let pl = s.profit_and_loss(d("2026-11-01"), d("2026-12-31")).unwrap();
    assert_eq!((pl.revenue, pl.net_profit), (Money::ZERO, Money::ZERO));
    for code in ["1-101", "1-102", "1-201", "2-102"] {
        assert_eq!(balance(&s, code), Money::ZERO, "{code}");
    }
    assert_eq!(s.cancel_order(o.id).unwrap_err().code(), "order_cancelled");
    // The sales report nets out too: the sale and the money received, refunded.
    let r = s.sales_report(d("2026-11-01"), d("2026-12-31")).unwrap();
    assert_eq!(r.total, Money::ZERO);
    assert!(r.by_method.iter().all(|(_, amount)| *amount == 0), "{:?}", r.by_method);
}

/// The monthly sales report counts delivered orders by channel beside the cashier's notas:
/// an order cancelled after delivery nets out, an order not delivered is not a sale yet.
#[test]
fn the_sales_report_shows_orders_by_channel_beside_the_notas() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let meja = order(&mut s); // WhatsApp, Rp2.400.000
    s.add_product(&ProductInput {
        name: "Kursi Jati".into(),
        sku: "KURSI".into(),
        price: "350.000".into(),
        ..ProductInput::default()
    })
    .unwrap();
    let kursi = |s: &mut Store, channel: &str, qty: &str| {
        s.add_order(&OrderInput {
            date: "2026-11-03".into(),
            channel: channel.into(),
            customer: "Pak Dedi".into(),
            lines: vec![SaleLineInput {
                product: "KURSI".into(),
                qty: qty.into(),
                ..SaleLineInput::default()
            }],
            shipping: "50.000".into(),
            ..OrderInput::default()
        })
        .unwrap()
    };
    let shopee = kursi(&mut s, "shopee", "2"); // 2 × 350.000 + 50.000 ongkir
    let instagram = kursi(&mut s, "instagram", "1");
    s.pay_order(meja.id, &pay(PaymentMethod::Cash, "1.000.000", false)).unwrap();
    let on = |st: OrderStatus, date: &str| StatusInput { date: date.into(), ..to(st) };
    s.set_order_status(meja.id, &on(OrderStatus::Shipped, "2026-11-05")).unwrap();
    s.set_order_status(shopee.id, &on(OrderStatus::Shipped, "2026-11-06")).unwrap();
    s.cancel_order(shopee.id).unwrap();
    s.set_order_status(instagram.id, &to(OrderStatus::Confirmed)).unwrap();
    s.record_sale(&usahaku_core::sales::SaleInput {
        date: "2026-11-07".into(),
        lines: vec![SaleLineInput { product: "KURSI".into(), qty: "1".into(), ..SaleLineInput::default() }],
        payments: vec![usahaku_core::sales::SalePaymentInput {
            method: PaymentMethod::Cash,
            amount: "350.000".into(),
            account: String::new(),
        }],
        ..usahaku_core::sales::SaleInput::default()
    })
    .unwrap();

    let r = s.sales_report(d("2026-11-01"), d("2026-11-30")).unwrap();
    // 2.400.000 + 750.000 − 750.000 + 350.000.
    assert_eq!(r.total, rp(2_750_000));
    assert_eq!((r.sales, r.orders), (3, 2));
    let channels: Vec<(&str, u32, Money)> =
        r.by_channel.iter().map(|c| (c.channel.as_str(), c.count, c.total)).collect();
    assert_eq!(
        channels,
        vec![("whatsapp", 1, rp(2_400_000)), ("toko", 1, rp(350_000)), ("shopee", 1, Money::ZERO)]
    );
    let products: Vec<(&str, String, Money)> =
        r.by_product.iter().map(|p| (p.name.as_str(), p.qty.to_string(), p.revenue)).collect();
    assert_eq!(
        products,
        vec![
            ("Meja Makan Jati 6 Kursi", "1".to_owned(), rp(2_400_000)),
            ("Kursi Jati", "1".to_owned(), rp(350_000))
        ]
    );
    // Money in: the DP and the nota in cash; the Shopee order was never paid.
    assert_eq!(r.by_method, vec![("tunai".to_owned(), 1_350_000)]);
    let days: Vec<(String, Money)> = r.days.iter().map(|d| (d.date.to_string(), d.total)).collect();
    assert_eq!(
        days,
        vec![
            // The Shopee order was delivered and cancelled the same day.
            ("2026-11-05".to_owned(), rp(2_400_000)),
            ("2026-11-06".to_owned(), Money::ZERO),
            ("2026-11-07".to_owned(), rp(350_000)),
        ]
    );
}
