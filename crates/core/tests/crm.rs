//! Pelanggan through the public API: phone numbers normalised, 12 hand-made customers landing
//! in their segments, loyalty points earned and redeemed with the discount posted and the
//! balance the same on two devices, a merge on one device while the other adds an order for
//! the duplicate offline, complaints moving forward, and bad input refused.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::sync::Arc;
use usahaku_core::catalog::ProductInput;
use usahaku_core::crm::{CrmSettings, CustomerInput, InteractionInput, InteractionStatus, Segment};
use usahaku_core::ledger::default_account_id;
use usahaku_core::orders::OrderInput;
use usahaku_core::sales::{PaymentMethod, SaleInput, SaleLineInput, SalePaymentInput};
use usahaku_core::{BusinessType, Home, Lang, ManualClock, Money, NewBusiness, Store, Timezone};
use uuid::Uuid;

/// 2026-11-22 10:00 WIB.
const NOW: i64 = 1_795_316_400_000;

fn shop(dir: &std::path::Path) -> Store {
    let mut s = Home::new(dir)
        .create(
            Arc::new(ManualClock::fixed(NOW)),
            NewBusiness {
                name: "Toko Batik Bu Sari".into(),
                owner_name: "Sari".into(),
                business_type: BusinessType::Fesyen,
                timezone: Timezone::Wib,
            },
        )
        .unwrap()
        .0;
    s.add_product(&ProductInput {
        name: "Kain Batik Tulis".into(),
        sku: "BATIK".into(),
        price: "10.000".into(),
        ..ProductInput::default()
    })
    .unwrap();
    s
}

fn person(name: &str, phone: &str) -> CustomerInput {
    CustomerInput { name: name.into(), phone: phone.into(), ..CustomerInput::default() }
}

fn sell(s: &mut Store, customer: Uuid, date: &str, qty: u32, redeem: &str) -> usahaku_core::sales::Sale {
    s.record_sale(&SaleInput {
        date: date.into(),
        lines: vec![SaleLineInput {
            product: "BATIK".into(),
            qty: qty.to_string(),
            ..SaleLineInput::default()
        }],
        payments: vec![SalePaymentInput {
            method: PaymentMethod::Cash,
            amount: "1.000.000".into(),
            account: String::new(),
        }],
        customer_id: customer.to_string(),
        redeem_points: redeem.into(),
        ..SaleInput::default()
    })
    .unwrap()
}

fn balance(s: &Store, code: &str) -> Money {
    s.trial_balance("2026-12-31".parse().unwrap())
        .unwrap()
        .iter()
        .find(|l| l.account.id == default_account_id(code))
        .map_or(Money::ZERO, |l| l.debit.checked_sub(l.credit).unwrap())
}

#[test]
fn phone_numbers_normalise_and_bad_ones_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    for (i, typed) in
        ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", "812 3456 7890"].iter().enumerate()
    {
        let c = s.add_customer(&person(&format!("Pelanggan {i}"), typed)).unwrap();
        assert_eq!(c.phone, "6281234567890", "{typed}");
        // The next form is the same number: park this one under another number first.
        s.update_customer(c.id, &person(&format!("Pelanggan {i}"), &format!("0813-0000-000{i}"))).unwrap();
    }
    let ops = s.op_count().unwrap();
    for (typed, message) in [
        ("08123", "Nomor telepon harus 9 sampai 15 angka, misalnya 0812 3456 7890."),
        (
            "0812-abcd-7890",
            "Nomor telepon hanya boleh berisi angka, spasi, tanda plus, tanda hubung, dan tanda kurung.",
        ),
    ] {
        let err = s.add_customer(&person("Bu Rina", typed)).unwrap_err();
        assert_eq!(err.message(Lang::Id), message, "{typed}");
    }
    let rina = s.add_customer(&person("Bu Rina", "0812 1111 2222")).unwrap();
    let ops_after = s.op_count().unwrap();
    assert_eq!(ops_after, ops + 1);
    let err = s.add_customer(&person("Rina Jepara", "+62 812-1111-2222")).unwrap_err();
    assert_eq!(err.code(), "duplicate_phone");
    assert!(err.message(Lang::Id).contains("Bu Rina"), "{}", err.message(Lang::Id));
    assert_eq!(s.add_customer(&person("  ", "")).unwrap_err().code(), "name_required");
    let bad_birthday = CustomerInput { birthday: "31/02/1990".into(), ..person("Pak Dedi", "") };
    assert_eq!(s.add_customer(&bad_birthday).unwrap_err().code(), "bad_date");
    assert_eq!(s.op_count().unwrap(), ops_after, "nothing written");
    // Found by any form of the number, and by part of the name or number.
    assert_eq!(s.find_customer("0812-1111-2222").unwrap().id, rina.id);
    assert_eq!(s.search_customers("rina", 10).unwrap()[0].id, rina.id);
    assert_eq!(s.search_customers("0812 1111", 10).unwrap()[0].id, rina.id);
}

/// 12 customers with known purchases, on 22 Nov 2026, with the default thresholds (baru ≤ 30
/// days since the first purchase, berisiko > 60 days since the last, tidak aktif > 180, setia
/// ≥ 5 purchases).
#[test]
fn twelve_customers_land_in_their_segments() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let cases: Vec<(&str, Vec<&str>, Segment)> = vec![
        (
            "Setia 1",
            vec!["2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-11-01"],
            Segment::Loyal,
        ),
        (
            "Setia 2",
            vec!["2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-10-01", "2026-11-20"],
            Segment::Loyal,
        ),
        // Last purchase exactly 60 days ago: not yet at risk.
        (
            "Setia 3",
            vec!["2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01", "2026-09-23"],
            Segment::Loyal,
        ),
        ("Baru 1", vec!["2026-11-10"], Segment::New),
        // First purchase exactly 30 days ago.
        ("Baru 2", vec!["2026-10-23", "2026-11-15"], Segment::New),
        // No purchase, added today.
        ("Baru 3", vec![], Segment::New),
        ("Berisiko 1", vec!["2026-03-01", "2026-09-22"], Segment::AtRisk),
        ("Berisiko 2", vec!["2026-07-01"], Segment::AtRisk),
        ("Tidak aktif 1", vec!["2026-01-10", "2026-05-01"], Segment::Inactive),
        // Last purchase 181 days ago.
        ("Tidak aktif 2", vec!["2026-05-25"], Segment::Inactive),
        ("Reguler 1", vec!["2026-09-01", "2026-11-01"], Segment::Regular),
        ("Reguler 2", vec!["2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01"], Segment::Regular),
    ];
    let mut ids = Vec::new();
    for (i, (name, dates, _)) in cases.iter().enumerate() {
        let c = s.add_customer(&person(name, &format!("0812-7000-{i:04}"))).unwrap();
        for (k, date) in dates.iter().enumerate() {
            sell(&mut s, c.id, date, 1 + k as u32 % 2, "");
        }
        ids.push(c.id);
    }
    // A cancelled nota is not a purchase: Reguler 2 keeps 4.
    let extra = sell(&mut s, ids[11], "2026-11-05", 1, "");
    s.cancel_sale(extra.id, "salah pelanggan").unwrap();

    let list = s.customer_list(None).unwrap();
    assert_eq!(list.len(), 12);
    for ((name, dates, want), id) in cases.iter().zip(&ids) {
        let c = list.iter().find(|c| c.customer.id == *id).unwrap();
        assert_eq!(c.segment, *want, "{name}");
        assert_eq!(c.purchases as usize, dates.len(), "{name}");
    }
    let counts = s.segment_counts().unwrap();
    assert_eq!(
        counts,
        vec![
            (Segment::Loyal, 3),
            (Segment::New, 3),
            (Segment::AtRisk, 2),
            (Segment::Inactive, 2),
            (Segment::Regular, 2)
        ]
    );
    // Figures of one customer by hand: Setia 1 bought 1+2+1+2+1 pieces at Rp10.000.
    let one = s.customer_summary(ids[0]).unwrap();
    assert_eq!((one.total, one.average), (Money::from_rupiah(70_000), Money::from_rupiah(14_000)));
    assert_eq!(one.last_purchase, Some("2026-11-01".parse().unwrap()));
    // Thresholds are settings: 4 purchases make a regular customer loyal.
    s.set_crm_settings(&CrmSettings { loyal_purchases: 4, ..CrmSettings::default() }).unwrap();
    let loyal: Vec<String> =
        s.customer_list(Some(Segment::Loyal)).unwrap().into_iter().map(|c| c.customer.name).collect();
    assert_eq!(loyal, vec!["Reguler 2", "Setia 1", "Setia 2", "Setia 3"]);
    let ops = s.op_count().unwrap();
    let bad = CrmSettings { at_risk_days: 200, ..CrmSettings::default() };
    assert_eq!(s.set_crm_settings(&bad).unwrap_err().code(), "bad_setting");
    assert_eq!(s.op_count().unwrap(), ops);
}

/// One point per Rp1.000, a point worth Rp100. Earned and redeemed points are movements, so
/// two devices that sync agree; the redeemed value is a discount in the books.
#[test]
fn loyalty_points_post_the_discount_and_agree_on_two_devices() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = shop(&dir.path().join("a"));
    let link = usahaku_core::SyncLink { server_url: "http://127.0.0.1:9".into(), token: "t".into() };
    a.link_to_server(&link).unwrap();
    a.set_crm_settings(&CrmSettings { rupiah_per_point: 1_000, point_value: 100, ..CrmSettings::default() })
        .unwrap();
    let rina = a.add_customer(&person("Bu Rina", "0812-1111-2222")).unwrap();
    // 5 × 10.000 = 50.000 → 50 points.
    let first = sell(&mut a, rina.id, "2026-11-20", 5, "");
    assert_eq!(first.points_earned, 50);
    assert_eq!(a.points_balance(rina.id).unwrap(), 50);
    // 2 × 10.000 less 30 points × Rp100 = 17.000 → 17 points more.
    let second = sell(&mut a, rina.id, "2026-11-21", 2, "30");
    assert_eq!(
        (second.total, second.points_redeemed, second.points_earned),
        (Money::from_rupiah(17_000), 30, 17)
    );
    assert_eq!(a.points_balance(rina.id).unwrap(), 50 - 30 + 17);
    assert_eq!(balance(&a, "4-102"), Money::from_rupiah(3_000), "Diskon penjualan");
    assert_eq!(balance(&a, "4-101"), Money::from_rupiah(-70_000), "Penjualan");
    assert_eq!(balance(&a, "1-101"), Money::from_rupiah(67_000), "Kas");
    let ops = a.op_count().unwrap();
    let err = a
        .record_sale(&SaleInput {
            lines: vec![SaleLineInput { product: "BATIK".into(), ..SaleLineInput::default() }],
            payments: vec![SalePaymentInput {
                method: PaymentMethod::Cash,
                amount: "10.000".into(),
                account: String::new(),
            }],
            customer_id: rina.id.to_string(),
            redeem_points: "38".into(),
            ..SaleInput::default()
        })
        .unwrap_err();
    assert_eq!(err.message(Lang::Id), "Poin tidak cukup: pelanggan punya 37 poin, diminta 38.");
    assert_eq!(a.op_count().unwrap(), ops);

    // Device B joins and sells to Bu Rina offline while A cancels the second nota.
    let device =
        usahaku_core::Device { id: usahaku_proto::DeviceId(Uuid::from_u128(0xB0B)), code: "B".into() };
    let mut b = Home::new(dir.path().join("b"))
        .join(Arc::new(ManualClock::stepping(NOW + 60_000, 7)), a.business_id(), &device, &link)
        .unwrap();
    for op in a.outbox(10_000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    assert_eq!(b.points_balance(rina.id).unwrap(), 37);
    let on_b = sell(&mut b, rina.id, "2026-11-22", 1, "10"); // 10.000 − 1.000 → 9 points
    assert_eq!(on_b.points_earned, 9);
    a.cancel_sale(second.id, "").unwrap(); // −17 earned, +30 redeemed back
    let (from_a, from_b) = (a.outbox(10_000).unwrap(), b.outbox(10_000).unwrap());
    for _ in 0..2 {
        for op in &from_b {
            a.apply_remote(op).unwrap();
        }
        for op in &from_a {
            b.apply_remote(op).unwrap();
        }
    }
    // 50 − 30 + 17 − 10 + 9 − 17 + 30.
    for s in [&a, &b] {
        assert_eq!(s.points_balance(rina.id).unwrap(), 49);
        assert_eq!(s.customer_page(rina.id).unwrap().points.len(), 7);
    }
    assert_eq!(
        a.trial_balance("2026-12-31".parse().unwrap()).unwrap(),
        b.trial_balance("2026-12-31".parse().unwrap()).unwrap()
    );
}

/// Device A merges "Rina" into "Bu Rina" while device B, offline, takes an order for "Rina":
/// after both sync, the order is in Bu Rina's history on both.
#[test]
fn a_merge_and_an_offline_order_for_the_duplicate_meet_on_both_devices() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = shop(&dir.path().join("a"));
    let link = usahaku_core::SyncLink { server_url: "http://127.0.0.1:9".into(), token: "t".into() };
    a.link_to_server(&link).unwrap();
    let device =
        usahaku_core::Device { id: usahaku_proto::DeviceId(Uuid::from_u128(0xB0B)), code: "B".into() };
    let mut b = Home::new(dir.path().join("b"))
        .join(Arc::new(ManualClock::stepping(NOW + 60_000, 7)), a.business_id(), &device, &link)
        .unwrap();
    let rina = a
        .add_customer(&CustomerInput { tags: "reseller".into(), ..person("Bu Rina", "0812-1111-2222") })
        .unwrap();
    sell(&mut a, rina.id, "2026-11-02", 3, "");
    // The same person added on B before the devices met, with another number and an address.
    let dup = b
        .add_customer(&CustomerInput {
            address: "Jl. Kenanga 5, Jepara".into(),
            tags: "langganan".into(),
            ..person("Rina", "0856-7777-8888")
        })
        .unwrap();
    for op in a.outbox(10_000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    for op in b.outbox(10_000).unwrap() {
        a.apply_remote(&op).unwrap();
    }
    let (a_seen, b_seen) = (a.outbox(10_000).unwrap().len(), b.outbox(10_000).unwrap().len());
    // Offline: A merges, B takes an order for the duplicate.
    let merged = a.merge_customers(rina.id, dup.id).unwrap();
    assert_eq!(merged.address, "Jl. Kenanga 5, Jepara");
    assert_eq!(merged.tags, vec!["reseller", "langganan"]);
    let order = b
        .add_order(&OrderInput {
            date: "2026-11-22".into(),
            customer_id: dup.id.to_string(),
            lines: vec![SaleLineInput {
                product: "BATIK".into(),
                qty: "4".into(),
                ..SaleLineInput::default()
            }],
            ..OrderInput::default()
        })
        .unwrap();
    assert_eq!((order.customer.as_str(), order.phone.as_str()), ("Rina", "6285677778888"));
    let from_a: Vec<_> = a.outbox(10_000).unwrap().into_iter().skip(a_seen).collect();
    let from_b: Vec<_> = b.outbox(10_000).unwrap().into_iter().skip(b_seen).collect();
    for op in &from_b {
        a.apply_remote(op).unwrap();
    }
    for op in &from_a {
        b.apply_remote(op).unwrap();
    }
    for s in [&a, &b] {
        let page = s.customer_page(dup.id).unwrap();
        assert_eq!(page.summary.customer.id, rina.id, "the duplicate opens the merged customer");
        let numbers: Vec<&str> = page.history.iter().map(|h| h.number.as_str()).collect();
        assert!(numbers.contains(&order.number.as_str()), "{numbers:?}");
        assert_eq!(page.history.len(), 2);
        assert_eq!(page.summary.open_balance, Money::from_rupiah(40_000));
        assert_eq!(s.find_customer("0856-7777-8888").unwrap().id, rina.id);
        assert!(s.customer_list(None).unwrap().iter().all(|c| c.customer.id != dup.id));
        assert!(s.duplicate_customers().unwrap().is_empty());
    }
    assert_eq!(a.merge_customers(rina.id, dup.id).unwrap_err().code(), "same_customer");
    assert_eq!(a.merge_customers(rina.id, rina.id).unwrap_err().code(), "same_customer");
}

#[test]
fn a_complaint_moves_forward_and_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::fixed(NOW));
    let mut s = Home::new(dir.path())
        .create(
            clock.clone(),
            NewBusiness {
                name: "Toko Batik Bu Sari".into(),
                owner_name: "Sari".into(),
                business_type: BusinessType::Fesyen,
                timezone: Timezone::Wib,
            },
        )
        .unwrap()
        .0;
    let rina = s.add_customer(&person("Bu Rina", "0812-1111-2222")).unwrap();
    let ops = s.op_count().unwrap();
    for (input, code) in [
        (
            InteractionInput {
                customer: "Bu Rina".into(),
                kind: "keluhan".into(),
                ..InteractionInput::default()
            },
            "subject_required",
        ),
        (
            InteractionInput {
                customer: "Bu Rina".into(),
                kind: "marah".into(),
                subject: "x".into(),
                ..InteractionInput::default()
            },
            "unknown_value",
        ),
        (
            InteractionInput {
                customer: "Pak Nobody".into(),
                kind: "keluhan".into(),
                subject: "x".into(),
                ..InteractionInput::default()
            },
            "unknown_customer",
        ),
    ] {
        assert_eq!(s.add_interaction(&input).unwrap_err().code(), code);
    }
    assert_eq!(s.op_count().unwrap(), ops);
    let c = s
        .add_interaction(&InteractionInput {
            customer: "0812 1111 2222".into(),
            kind: "keluhan".into(),
            channel: "whatsapp".into(),
            subject: "Warna kain luntur setelah dicuci".into(),
            follow_up: "23/11/2026".into(),
        })
        .unwrap();
    assert_eq!((c.status, c.customer), (InteractionStatus::New, rina.id));
    let today: jiff::civil::Date = "2026-11-22".parse().unwrap();
    assert_eq!(s.service_queue(today).unwrap().len(), 1);
    // Answered 95 minutes later.
    clock.set(NOW + 95 * 60_000);
    let c = s
        .update_interaction(c.id, InteractionStatus::InProgress, "Kami ganti kainnya besok.", false)
        .unwrap();
    assert_eq!(c.response_minutes, Some(95));
    clock.set(NOW + 26 * 3_600_000);
    let c = s.update_interaction(c.id, InteractionStatus::Done, "Kain sudah diganti.", true).unwrap();
    assert_eq!((c.status, c.response_minutes), (InteractionStatus::Done, Some(95)));
    assert!(s.service_queue("2026-11-23".parse().unwrap()).unwrap().is_empty());
    let err = s.update_interaction(c.id, InteractionStatus::New, "", true).unwrap_err();
    assert_eq!(err.message(Lang::Id), "Status tidak bisa mundur dari \"selesai\" ke \"baru\".");
    assert_eq!(s.customer_page(rina.id).unwrap().interactions.len(), 1);
}

/// Two devices merge the same two customers into each other offline: after sync both devices
/// list one customer (the same one), with both histories.
#[test]
fn opposite_merges_on_two_devices_end_in_the_same_customer() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = shop(&dir.path().join("a"));
    let link = usahaku_core::SyncLink { server_url: "http://127.0.0.1:9".into(), token: "t".into() };
    a.link_to_server(&link).unwrap();
    let device =
        usahaku_core::Device { id: usahaku_proto::DeviceId(Uuid::from_u128(0xB0B)), code: "B".into() };
    let mut b = Home::new(dir.path().join("b"))
        .join(Arc::new(ManualClock::stepping(NOW + 60_000, 7)), a.business_id(), &device, &link)
        .unwrap();
    let x = a.add_customer(&person("Bu Rina", "0812-1111-2222")).unwrap();
    let y = a.add_customer(&person("Rina Jepara", "0856-7777-8888")).unwrap();
    sell(&mut a, x.id, "2026-11-02", 1, "");
    sell(&mut a, y.id, "2026-11-03", 2, "");
    for op in a.outbox(10_000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    a.merge_customers(x.id, y.id).unwrap();
    b.merge_customers(y.id, x.id).unwrap();
    // Each side's whole outbox (ops already applied change nothing).
    let from_a = a.outbox(10_000).unwrap();
    for op in b.outbox(10_000).unwrap() {
        a.apply_remote(&op).unwrap();
    }
    for op in &from_a {
        b.apply_remote(op).unwrap();
    }
    let keep = x.id.min(y.id);
    for s in [&a, &b] {
        let list = s.customer_list(None).unwrap();
        assert_eq!(list.iter().map(|c| c.customer.id).collect::<Vec<_>>(), vec![keep]);
        // 1 + 2 pieces at Rp10.000.
        assert_eq!((list[0].purchases, list[0].total), (2, Money::from_rupiah(30_000)));
        assert_eq!(s.customer_page(x.id).unwrap().history.len(), 2);
        assert_eq!(s.customer_page(y.id).unwrap().summary.customer.id, keep);
    }
}

/// One device closes a complaint while another, offline, marks it "diproses" a moment later:
/// after sync it is closed on both.
#[test]
fn a_close_is_not_undone_by_a_later_diproses_from_another_device() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = shop(&dir.path().join("a"));
    let link = usahaku_core::SyncLink { server_url: "http://127.0.0.1:9".into(), token: "t".into() };
    a.link_to_server(&link).unwrap();
    let device =
        usahaku_core::Device { id: usahaku_proto::DeviceId(Uuid::from_u128(0xB0B)), code: "B".into() };
    // B's clock runs a minute ahead, so its "diproses" is the newer write.
    let mut b = Home::new(dir.path().join("b"))
        .join(Arc::new(ManualClock::stepping(NOW + 60_000, 7)), a.business_id(), &device, &link)
        .unwrap();
    a.add_customer(&person("Bu Rina", "0812-1111-2222")).unwrap();
    let c = a
        .add_interaction(&InteractionInput {
            customer: "Bu Rina".into(),
            kind: "keluhan".into(),
            subject: "Kain luntur".into(),
            ..InteractionInput::default()
        })
        .unwrap();
    for op in a.outbox(10_000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    a.update_interaction(c.id, InteractionStatus::Done, "Diganti", false).unwrap();
    b.update_interaction(c.id, InteractionStatus::InProgress, "Kami cek dulu", false).unwrap();
    // Each side's whole outbox (ops already applied change nothing).
    let from_a = a.outbox(10_000).unwrap();
    for op in b.outbox(10_000).unwrap() {
        a.apply_remote(&op).unwrap();
    }
    for op in &from_a {
        b.apply_remote(op).unwrap();
    }
    for s in [&a, &b] {
        assert_eq!(s.interaction(c.id).unwrap().status, InteractionStatus::Done);
        assert!(s.service_queue("2026-11-22".parse().unwrap()).unwrap().is_empty());
    }
}

/// A full retur of a nota paid partly with points gives the points back, and the customer
/// list shows a merged customer's points under the customer it became.
#[test]
fn a_retur_gives_redeemed_points_back_and_the_list_sums_merged_points() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    s.set_crm_settings(&CrmSettings { rupiah_per_point: 1_000, point_value: 100, ..CrmSettings::default() })
        .unwrap();
    let rina = s.add_customer(&person("Bu Rina", "0812-1111-2222")).unwrap();
    let dup = s.add_customer(&person("Rina J", "0856-7777-8888")).unwrap();
    sell(&mut s, rina.id, "2026-11-20", 5, ""); // +50
    // 2 × 10.000 less 40 points (Rp4.000) = 16.000 → +16.
    let with_points = sell(&mut s, rina.id, "2026-11-21", 2, "40");
    assert_eq!(s.points_balance(rina.id).unwrap(), 50 - 40 + 16);
    s.return_sale(
        with_points.id,
        &usahaku_core::sales::ReturnInput {
            lines: vec![usahaku_core::sales::ReturnLineInput { line: 1, qty: "2".into() }],
            method: PaymentMethod::Cash,
            account: String::new(),
            reason: String::new(),
            damaged: false,
        },
    )
    .unwrap();
    // The 16 earned come off, the 40 redeemed come back.
    assert_eq!(s.points_balance(rina.id).unwrap(), 50);
    sell(&mut s, dup.id, "2026-11-21", 3, ""); // +30 on the duplicate
    s.merge_customers(rina.id, dup.id).unwrap();
    let listed = s.customer_list(None).unwrap();
    assert_eq!((listed.len(), listed[0].points), (1, 80));
    assert_eq!(s.customer_summary(rina.id).unwrap().points, 80);
}
