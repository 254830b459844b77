//! Ulasan, testimonials, personal WhatsApp messages from a template and the content plan,
//! through the public API.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::sync::Arc;
use usahaku_core::catalog::ProductInput;
use usahaku_core::crm::{CustomerInput, Segment};
use usahaku_core::marketing::{PostInput, PostStatus, ReviewInput};
use usahaku_core::orders::{OrderInput, OrderStatus, StatusInput};
use usahaku_core::sales::{PaymentMethod, SaleInput, SaleLineInput, SalePaymentInput};
use usahaku_core::{BusinessType, Home, Lang, ManualClock, NewBusiness, Store, Timezone};

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
