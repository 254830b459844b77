//! Ulasan, testimonials, personal WhatsApp messages from a template and the content plan,
//! through the public API.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::sync::Arc;
use usahaku_core::catalog::ProductInput;
use usahaku_core::crm::{CustomerInput, Segment};
use usahaku_core::marketing::{PostInput, PostStatus, ReviewInput};
use usahaku_core::orders::{OrderInput, OrderStatus, StatusInput};
use usahaku_core::sales::{PaymentMethod, SaleInput, SaleLineInput, SalePaymentInput};
use usahaku_core::{BusinessType, Home, Lang, ManualClock, Money, NewBusiness, Store, Timezone};

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
    for (name, sku) in [("Kain Batik Tulis", "BATIK"), ("Selendang Sutra", "SELENDANG")] {
        s.add_product(&ProductInput {
            name: name.into(),
            sku: sku.into(),
            price: "50.000".into(),
            ..ProductInput::default()
        })
        .unwrap();
    }
    s
}

fn sell(s: &mut Store, customer: &str, sku: &str, date: &str) {
    let id = s.find_customer(customer).unwrap().id.to_string();
    s.record_sale(&SaleInput {
        date: date.into(),
        lines: vec![SaleLineInput { product: sku.into(), ..SaleLineInput::default() }],
        payments: vec![SalePaymentInput {
            method: PaymentMethod::Cash,
            amount: "50.000".into(),
            account: String::new(),
        }],
        customer_id: id,
        ..SaleInput::default()
    })
    .unwrap();
}

#[test]
fn reviews_testimonials_and_the_review_request_after_an_order_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    s.add_customer(&CustomerInput {
        name: "Bu Rina".into(),
        phone: "0812-1111-2222".into(),
        ..CustomerInput::default()
    })
    .unwrap();
    let order = s
        .add_order(&OrderInput {
            date: "2026-11-20".into(),
            customer_id: "Bu Rina".into(),
            lines: vec![SaleLineInput { product: "BATIK".into(), ..SaleLineInput::default() }],
            ..OrderInput::default()
        })
        .unwrap();
    let to = |st| StatusInput {
        status: st,
        quality_checked: true,
        courier: String::new(),
        tracking: String::new(),
        date: String::new(),
    };
    assert_eq!(s.review_request(order.id, Lang::Id).unwrap_err().code(), "order_not_done");
    s.set_order_status(order.id, &to(OrderStatus::Shipped)).unwrap();
    s.set_order_status(order.id, &to(OrderStatus::Done)).unwrap();
    let ask = s.review_request(order.id, Lang::Id).unwrap();
    assert!(
        ask.text.starts_with("Halo Bu Rina, terima kasih sudah berbelanja di Toko Batik Bu Sari"),
        "{}",
        ask.text
    );
    assert!(ask.text.contains(&order.number) && ask.text.contains("Kain Batik Tulis"));
    assert!(ask.link.starts_with("https://wa.me/6281211112222?text=Halo%20Bu%20Rina"), "{}", ask.link);

    let ops = s.op_count().unwrap();
    let review = |rating: &str, order: &str, product: &str| ReviewInput {
        customer: "Bu Rina".into(),
        order: order.into(),
        product: product.into(),
        rating: rating.into(),
        text: "Kainnya halus, warnanya awet.".into(),
        date: String::new(),
    };
    for (input, code) in [
        (review("6", &order.number, ""), "bad_rating"),
        (review("0", &order.number, ""), "bad_rating"),
        (review("bagus", &order.number, ""), "bad_rating"),
        (review("5", "", ""), "nothing_reviewed"),
    ] {
        assert_eq!(s.add_review(&input).unwrap_err().code(), code);
    }
    assert_eq!(s.op_count().unwrap(), ops);
    let r = s.add_review(&review("5", &order.number, "BATIK")).unwrap();
    assert_eq!(
        (r.rating, r.order.as_str(), r.product.as_str()),
        (5, order.number.as_str(), "Kain Batik Tulis")
    );
    s.add_review(&ReviewInput { text: "Agak lama dikirim.".into(), ..review("3", "", "SELENDANG") }).unwrap();
    assert_eq!(s.reviews(false).unwrap().len(), 2);
    assert!(s.testimonials_text().unwrap().is_empty());
    s.set_testimonial(r.id, true).unwrap();
    assert_eq!(
        s.testimonials_text().unwrap(),
        "★★★★★ \"Kainnya halus, warnanya awet.\"\n— Bu Rina — Kain Batik Tulis"
    );
}

#[test]
fn a_template_becomes_a_personal_message_per_customer_of_a_segment() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    for (name, phone) in [("Bu Rina", "0812-1111-2222"), ("Pak Dedi", "0813-3333-4444"), ("Mbak Ayu", "")] {
        s.add_customer(&CustomerInput { name: name.into(), phone: phone.into(), ..CustomerInput::default() })
            .unwrap();
    }
    // Rina bought long ago (at risk), Dedi and Ayu recently.
    sell(&mut s, "Bu Rina", "BATIK", "2026-08-01");
    sell(&mut s, "Bu Rina", "SELENDANG", "2026-08-15");
    sell(&mut s, "Pak Dedi", "BATIK", "2026-11-20");
    sell(&mut s, "Mbak Ayu", "BATIK", "2026-11-21");
    let template = "Halo {nama}! {produk_terakhir} kemarin cocok? Pakai kode {kode_promo} untuk diskon 10%.";
    let at_risk = s.campaign(template, Some(Segment::AtRisk), "KANGEN10").unwrap();
    assert_eq!(at_risk.len(), 1);
    assert_eq!(
        at_risk[0].text,
        "Halo Bu Rina! Selendang Sutra kemarin cocok? Pakai kode KANGEN10 untuk diskon 10%."
    );
    assert!(at_risk[0].link.starts_with("https://wa.me/6281211112222?text=Halo%20Bu%20Rina%21"));
    // Everyone with a phone: Mbak Ayu has none.
    let all: Vec<String> =
        s.campaign(template, None, "").unwrap().into_iter().map(|m| m.customer.name).collect();
    assert_eq!(all, vec!["Bu Rina", "Pak Dedi"]);
    assert_eq!(s.campaign("  ", None, "").unwrap_err().code(), "template_required");
}

#[test]
fn the_content_plan_holds_posts_by_date_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let post = |date: &str, channel: &str, caption: &str| PostInput {
        date: date.into(),
        channel: channel.into(),
        product: "BATIK".into(),
        caption: caption.into(),
        status: String::new(),
    };
    let ops = s.op_count().unwrap();
    assert_eq!(s.add_post(&post("2026-12-01", "instagram", "  ")).unwrap_err().code(), "caption_required");
    assert_eq!(s.add_post(&post("2026-13-01", "instagram", "x")).unwrap_err().code(), "bad_date");
    assert_eq!(s.add_post(&post("2026-12-01", "myspace", "x")).unwrap_err().code(), "unknown_value");
    assert_eq!(s.op_count().unwrap(), ops);
    let a = s.add_post(&post("2026-12-01", "instagram", "Foto motif parang di bawah matahari pagi")).unwrap();
    assert_eq!((a.status, a.product.as_str()), (PostStatus::Idea, "Kain Batik Tulis"));
    let b = s.add_post(&post("2026-12-05", "tiktok", "Video proses mencanting")).unwrap();
    s.add_post(&post("2027-01-02", "facebook", "Promo tahun baru")).unwrap();
    let a = s
        .update_post(
            a.id,
            &PostInput { status: "diposting".into(), ..post("2026-12-01", "instagram", "Foto motif parang") },
            false,
        )
        .unwrap();
    assert_eq!(a.status, PostStatus::Posted);
    s.update_post(b.id, &PostInput::default(), true).unwrap();
    let december = s.content_plan("2026-12-01".parse().unwrap(), "2026-12-31".parse().unwrap()).unwrap();
    let captions: Vec<&str> = december.iter().map(|p| p.caption.as_str()).collect();
    assert_eq!(captions, vec!["Foto motif parang"]);
}

/// A 10% code for customers at risk of leaving (from Rp50.000) and a Rp5.000 code for
/// everyone: applied at the cashier and in an order, refused with the reason when it does not
/// apply, posted as nota discount, and counted per promo.
#[test]
fn promo_codes_apply_at_the_cashier_and_in_orders_and_are_counted() {
    use usahaku_core::ledger::default_account_id;
    use usahaku_core::promo::PromoCodeInput;
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    for (name, phone) in [("Bu Rina", "0812-1111-2222"), ("Pak Dedi", "0813-3333-4444")] {
        s.add_customer(&CustomerInput { name: name.into(), phone: phone.into(), ..CustomerInput::default() })
            .unwrap();
    }
    sell(&mut s, "Bu Rina", "BATIK", "2026-08-01"); // at risk by 22 Nov
    sell(&mut s, "Pak Dedi", "BATIK", "2026-11-01");
    let code = |name: &str, code: &str, kind: &str, value: &str, min: &str, segment: &str| PromoCodeInput {
        name: name.into(),
        code: code.into(),
        kind: kind.into(),
        value: value.into(),
        min_purchase: min.into(),
        from: "2026-11-15".into(),
        to: "2026-11-30".into(),
        segment: segment.into(),
    };
    s.add_promo_code(&code("Kangen", "kangen10", "persen", "10", "50.000", "berisiko")).unwrap();
    s.add_promo_code(&code("Hemat", "HEMAT5", "potongan", "5.000", "", "")).unwrap();
    let ops = s.op_count().unwrap();
    for (input, err) in [
        (code("", "X1", "persen", "10", "", ""), "bad_promo"),
        (code("Diskon", "X Y", "persen", "10", "", ""), "bad_promo"),
        (code("Diskon", "X1", "persen", "150", "", ""), "bad_promo"),
        (code("Lagi", "KANGEN10", "persen", "5", "", ""), "duplicate_code"),
    ] {
        assert_eq!(s.add_promo_code(&input).unwrap_err().code(), err);
    }
    assert_eq!(s.op_count().unwrap(), ops);

    let nota = |customer: &str, qty: &str, date: &str, promo: &str| SaleInput {
        date: date.into(),
        lines: vec![SaleLineInput { product: "BATIK".into(), qty: qty.into(), ..SaleLineInput::default() }],
        payments: vec![SalePaymentInput {
            method: PaymentMethod::Cash,
            amount: "200.000".into(),
            account: String::new(),
        }],
        customer_id: customer.into(),
        promo_code: promo.into(),
        ..SaleInput::default()
    };
    let below = s.quote_sale(&nota("Bu Rina", "0,5", "2026-11-22", "KANGEN10")).unwrap_err();
    assert_eq!(below.message(Lang::Id), "Promo ini berlaku untuk belanja minimal Rp50.000.");
    // 2 × 50.000 = 100.000, 10% off → 90.000 (Bu Rina is no longer at risk afterwards).
    let used = s.record_sale(&nota("Bu Rina", "2", "2026-11-22", "kangen10")).unwrap();
    assert_eq!(
        (used.total, used.promo_discount, used.promo.as_deref()),
        (rp(90_000), rp(10_000), Some("KANGEN10"))
    );
    for (input, err) in [
        (nota("Pak Dedi", "2", "2026-11-22", "KANGEN10"), "promo_wrong_segment"),
        (nota("", "2", "2026-11-22", "KANGEN10"), "promo_wrong_segment"),
        (nota("Bu Rina", "2", "2026-12-01", "KANGEN10"), "promo_not_running"),
        (nota("Bu Rina", "2", "2026-11-22", "GRATIS"), "unknown_promo"),
        (nota("Bu Rina", "2", "2026-11-22", "KANGEN10"), "promo_wrong_segment"),
    ] {
        assert_eq!(s.record_sale(&input).unwrap_err().code(), err);
    }
    // Rp5.000 off one piece for anyone.
    let hemat = s.quote_sale(&nota("Pak Dedi", "1", "2026-11-22", "HEMAT5")).unwrap();
    assert_eq!(hemat.total, rp(45_000));
    // Rp5.000 off an order of 2 × 50.000.
    let o = s
        .add_order(&OrderInput {
            date: "2026-11-20".into(),
            customer_id: "Pak Dedi".into(),
            lines: vec![SaleLineInput {
                product: "SELENDANG".into(),
                qty: "2".into(),
                ..SaleLineInput::default()
            }],
            promo_code: "hemat5".into(),
            ..OrderInput::default()
        })
        .unwrap();
    assert_eq!(o.total, rp(95_000));
    let cancelled = s.record_sale(&nota("Pak Dedi", "1", "2026-11-22", "HEMAT5")).unwrap();
    s.cancel_sale(cancelled.id, "").unwrap();

    let report = s.promo_code_report("2026-11-01".parse().unwrap(), "2026-11-30".parse().unwrap()).unwrap();
    let figures: Vec<(&str, u32, Money, Money)> =
        report.iter().map(|u| (u.promo.code.as_str(), u.uses, u.discount, u.revenue)).collect();
    assert_eq!(figures, vec![("HEMAT5", 1, rp(5_000), rp(95_000)), ("KANGEN10", 1, rp(10_000), rp(90_000))]);
    // The nota discount is in the books: 10.000 (KANGEN10); the cancelled 5.000 is reversed.
    let tb = s.trial_balance("2026-12-31".parse().unwrap()).unwrap();
    let diskon = tb.iter().find(|l| l.account.id == default_account_id("4-102")).unwrap();
    assert_eq!(diskon.debit.checked_sub(diskon.credit).unwrap(), rp(10_000));
}

fn rp(n: i64) -> usahaku_core::Money {
    usahaku_core::Money::from_rupiah(n)
}

/// A review written for a customer later merged into another shows under the kept customer.
#[test]
fn a_review_follows_its_customer_into_a_merge() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let keep = s
        .add_customer(&CustomerInput {
            name: "Bu Rina".into(),
            phone: "0812-1111-2222".into(),
            ..CustomerInput::default()
        })
        .unwrap();
    let dup = s
        .add_customer(&CustomerInput {
            name: "Rina J".into(),
            phone: "0856-7777-8888".into(),
            ..CustomerInput::default()
        })
        .unwrap();
    s.add_review(&ReviewInput {
        customer: dup.id.to_string(),
        order: String::new(),
        product: "BATIK".into(),
        rating: "4".into(),
        text: "Bagus".into(),
        date: String::new(),
    })
    .unwrap();
    s.merge_customers(keep.id, dup.id).unwrap();
    let r = &s.reviews(false).unwrap()[0];
    assert_eq!((r.customer, r.customer_name.as_str()), (keep.id, "Bu Rina"));
}

/// Editing a post's caption on one device does not undo a status set on another.
#[test]
fn editing_a_caption_keeps_a_status_set_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let post = PostInput {
        date: "2026-12-01".into(),
        channel: "instagram".into(),
        product: String::new(),
        caption: "Foto motif parang".into(),
        status: String::new(),
    };
    let p = s.add_post(&post).unwrap();
    s.set_post_status(p.id, "diposting").unwrap();
    let edited = s
        .update_post(p.id, &PostInput { caption: "Foto motif parang, pagi hari".into(), ..post }, false)
        .unwrap();
    assert_eq!(
        (edited.caption.as_str(), edited.status),
        ("Foto motif parang, pagi hari", PostStatus::Posted)
    );
}

/// Two computers each create the code LEBARAN offline for the same days (10% on one, Rp5.000
/// on the other). Once synced both take the same one at the cashier: the one created first.
#[test]
fn a_code_created_twice_offline_gives_the_same_discount_on_both_computers() {
    use usahaku_core::promo::PromoCodeInput;
    let dir = tempfile::tempdir().unwrap();
    let mut a = shop(&dir.path().join("a"));
    let link = usahaku_core::SyncLink { server_url: "http://127.0.0.1:9".into(), token: "t".into() };
    a.link_to_server(&link).unwrap();
    let device =
        usahaku_core::Device { id: usahaku_proto::DeviceId(uuid::Uuid::from_u128(0xB0B)), code: "B".into() };
    let mut b = Home::new(dir.path().join("b"))
        .join(Arc::new(ManualClock::stepping(NOW + 60_000, 3)), a.business_id(), &device, &link)
        .unwrap();
    for op in a.outbox(10_000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    let code = |kind: &str, value: &str| PromoCodeInput {
        name: "Lebaran".into(),
        code: "LEBARAN".into(),
        kind: kind.into(),
        value: value.into(),
        min_purchase: String::new(),
        from: "2026-11-20".into(),
        to: "2026-11-30".into(),
        segment: String::new(),
    };
    let first = a.add_promo_code(&code("persen", "10")).unwrap();
    let from_a = a.outbox(10_000).unwrap();
    b.add_promo_code(&code("potongan", "5.000")).unwrap();
    for op in b.outbox(10_000).unwrap() {
        a.apply_remote(&op).unwrap();
    }
    for op in from_a {
        b.apply_remote(&op).unwrap();
    }
    let nota = SaleInput {
        date: "2026-11-22".into(),
        lines: vec![SaleLineInput { product: "BATIK".into(), qty: "2".into(), ..SaleLineInput::default() }],
        payments: vec![SalePaymentInput {
            method: PaymentMethod::Cash,
            amount: "100.000".into(),
            account: String::new(),
        }],
        promo_code: "LEBARAN".into(),
        ..SaleInput::default()
    };
    // A's code was made first: 10% of 2 × 50.000 = 10.000 off, on both computers.
    for s in [&a, &b] {
        let q = s.quote_sale(&nota).unwrap();
        assert_eq!((q.promo_discount, q.total), (rp(10_000), rp(90_000)));
        assert_eq!(s.promo_codes().unwrap().iter().filter(|p| p.code == "LEBARAN").count(), 2);
    }
    assert!(first.id < b.promo_codes().unwrap().iter().find(|p| p.id != first.id).unwrap().id);
}
