//! The product catalogue through the public API: barcodes checked, wholesale tiers, automatic
//! SKUs, duplicates and bad input refused with nothing written, search by parts of words,
//! and two devices editing different fields of one product.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use std::sync::Arc;
use usahaku_core::catalog::{ProductError, ProductInput, barcode_check_digit_ok};
use usahaku_core::{
    BusinessType, CoreError, Home, Lang, ManualClock, Money, NewBusiness, Qty, Store, Timezone,
};
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

fn product(name: &str, price: &str) -> ProductInput {
    ProductInput { name: name.into(), price: price.into(), tracked: true, ..ProductInput::default() }
}

fn units(n: i64) -> Qty {
    Qty::from_units(n).unwrap()
}

#[test]
fn gs1_check_digits_are_verified() {
    // EAN-13, EAN-8 and UPC-A examples whose check digits were worked out by hand:
    // 400638133393 → 4·1+0·3+0·1+6·3+3·1+8·3+1·1+3·3+3·1+3·3+9·1+3·3 = 89 → check 1.
    assert!(barcode_check_digit_ok("4006381333931"));
    assert!(!barcode_check_digit_ok("4006381333932"));
    assert!(barcode_check_digit_ok("73513537")); // 7351353 → 63 → 7
    assert!(barcode_check_digit_ok("036000291452")); // 03600029145 → 58 → 2
    assert!(!barcode_check_digit_ok("03600029145"), "11 digits");
    assert!(!barcode_check_digit_ok("40063813339a1"));
}

#[test]
fn a_product_with_wholesale_tiers_prices_by_quantity() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let mut input = product("Kopi Bubuk Kintamani 250 g", "Rp15.000");
    input.barcode = "4006381333931".into();
    input.unit = "pack".into();
    input.tiers = vec![("12".into(), "13.500".into()), ("48".into(), "12.750".into())];
    input.halal_no = "ID35110000123450920".into();
    input.expiry = "30/06/2027".into();
    input.min_stock = "10".into();
    let p = s.add_product(&input).unwrap();
    assert_eq!(p.sku, "A-00001", "automatic SKU with the device code");
    assert_eq!((p.unit.as_str(), p.expiry.as_str()), ("pack", "2027-06-30"));
    assert_eq!(p.unit_price(units(1)), Money::from_rupiah(15_000));
    assert_eq!(p.unit_price(units(11)), Money::from_rupiah(15_000));
    assert_eq!(p.unit_price(units(12)), Money::from_rupiah(13_500));
    assert_eq!(p.unit_price(units(47)), Money::from_rupiah(13_500));
    assert_eq!(p.unit_price(units(48)), Money::from_rupiah(12_750));
    assert_eq!(p.min_stock, units(10));
    let second = s.add_product(&product("Kopi Susu Gula Aren", "18.000")).unwrap();
    assert_eq!(second.sku, "A-00002");
    assert_eq!(s.product(p.id).unwrap(), p);
}

#[test]
fn bad_products_and_duplicates_are_refused_clearly_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let mut first = product("Teh Melati", "5.000");
    first.barcode = "73513537".into();
    first.sku = "TEH-01".into();
    s.add_product(&first).unwrap();
    let ops = s.op_count().unwrap();
    let with = |f: &dyn Fn(&mut ProductInput)| {
        let mut p = product("Gula Pasir 1 kg", "16.000");
        f(&mut p);
        p
    };
    let cases: Vec<(ProductInput, &str, &str)> = vec![
        (with(&|p| p.name = "  ".into()), "name_required", "Nama produk wajib diisi."),
        (
            with(&|p| p.name = "x".repeat(300)),
            "too_long",
            "Nama produk terlalu panjang (paling banyak 120 karakter).",
        ),
        (with(&|p| p.barcode = "4006381333932".into()), "barcode_check_digit", "check digit"),
        (with(&|p| p.barcode = "12345".into()), "barcode_format", "8, 12 atau 13 angka"),
        (with(&|p| p.unit = "ons".into()), "unknown_unit", "Satuan \"ons\" tidak dikenal"),
        (with(&|p| p.price = "-1.000".into()), "bad_price", "Harga \"-1.000\" tidak benar"),
        (with(&|p| p.price = "abc".into()), "bad_price", "Harga \"abc\""),
        (with(&|p| p.tiers = vec![("1".into(), "15.000".into())]), "bad_tier", "Harga grosir"),
        (with(&|p| p.tiers = vec![("10".into(), "17.000".into())]), "bad_tier", "lebih murah"),
        (
            with(&|p| p.tiers = vec![("10".into(), "15.000".into()), ("5".into(), "14.000".into())]),
            "bad_tier",
            "lebih besar",
        ),
        (with(&|p| p.min_stock = "-2".into()), "bad_min_stock", "Stok minimum"),
        (with(&|p| p.expiry = "31/02/2027".into()), "bad_date", "tidak dikenali"),
        (with(&|p| p.barcode = "73513537".into()), "duplicate_barcode", "Barcode 73513537 sudah dipakai"),
        (with(&|p| p.sku = "TEH-01".into()), "duplicate_sku", "SKU TEH-01 sudah dipakai"),
    ];
    for (input, code, message) in cases {
        match s.add_product(&input) {
            Err(e @ CoreError::Product(_)) => {
                assert_eq!(e.code(), code, "{message}");
                assert!(e.message(Lang::Id).contains(message), "{}", e.message(Lang::Id));
                assert!(!e.message(Lang::En).is_empty());
            }
            other => panic!("{code}: {other:?}"),
        }
    }
    assert_eq!(s.op_count().unwrap(), ops, "nothing written");
    assert!(matches!(s.product(Uuid::from_u128(9)), Err(CoreError::Product(ProductError::UnknownProduct))));
}

#[test]
fn search_finds_parts_of_words_in_any_case_and_without_accents() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let mut kopi = product("Kopi Susu Gula Aren", "18.000");
    kopi.barcode = "036000291452".into();
    s.add_product(&kopi).unwrap();
    s.add_product(&product("Café Latte Kaleng", "12.000")).unwrap();
    s.add_product(&product("Keripik Singkong Pedas", "10.000")).unwrap();
    let mut old = product("Kopi Tubruk Lama", "8.000");
    old.sku = "KTL".into();
    let old = s.add_product(&old).unwrap();
    s.set_product_active(old.id, false).unwrap();

    let names =
        |q: &str| -> Vec<String> { s.search_products(q, 20).unwrap().into_iter().map(|p| p.name).collect() };
    assert_eq!(names("kopi"), ["Kopi Susu Gula Aren"], "archived products are not found");
    assert_eq!(names("KOPI SUSU"), ["Kopi Susu Gula Aren"]);
    assert_eq!(names("usu"), ["Kopi Susu Gula Aren"], "part of a word");
    assert_eq!(names("cafe"), ["Café Latte Kaleng"], "accents ignored");
    assert_eq!(names("café"), ["Café Latte Kaleng"]);
    assert_eq!(names("036000291452"), ["Kopi Susu Gula Aren"], "a scanned barcode");
    assert_eq!(names("00029"), ["Kopi Susu Gula Aren"], "part of a barcode");
    assert_eq!(names("ke"), ["Keripik Singkong Pedas"], "two letters: names starting with them");
    assert!(names("sepatu").is_empty());
    assert_eq!(names("A-00003"), ["Keripik Singkong Pedas"], "SKU");
}

#[test]
fn two_devices_editing_different_fields_of_a_product_keep_both_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = shop(&dir.path().join("a"));
    let link = usahaku_core::SyncLink { server_url: "http://127.0.0.1:9".into(), token: "t".into() };
    a.link_to_server(&link).unwrap();
    let device =
        usahaku_core::Device { id: usahaku_proto::DeviceId(Uuid::from_u128(0xB0B)), code: "B".into() };
    let mut b = Home::new(dir.path().join("b"))
        .join(Arc::new(ManualClock::stepping(1_793_000_100_000, 3)), a.business_id(), &device, &link)
        .unwrap();
    let p = a.add_product(&product("Kopi Susu Gula Aren", "18.000")).unwrap();
    for op in a.outbox(1000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    // Offline: A raises the price, B renames it and sets a barcode.
    let mut on_a = product("Kopi Susu Gula Aren", "20.000");
    on_a.sku = p.sku.clone();
    a.update_product(p.id, &on_a).unwrap();
    let mut on_b = product("Es Kopi Susu Gula Aren", "18.000");
    on_b.barcode = "4006381333931".into();
    b.update_product(p.id, &on_b).unwrap();
    let (from_a, from_b) = (a.outbox(1000).unwrap(), b.outbox(1000).unwrap());
    for op in &from_b {
        a.apply_remote(op).unwrap();
    }
    for op in &from_a {
        b.apply_remote(op).unwrap();
    }
    for s in [&a, &b] {
        let q = s.product(p.id).unwrap();
        assert_eq!(
            (q.name.as_str(), q.price, q.barcode.as_str(), q.sku.as_str()),
            ("Es Kopi Susu Gula Aren", Money::from_rupiah(20_000), "4006381333931", "A-00001")
        );
        let found: Vec<Uuid> = s.search_products("es kopi", 5).unwrap().into_iter().map(|p| p.id).collect();
        assert_eq!(found, [p.id], "the search index follows remote changes");
    }
}

#[test]
fn a_photo_keeps_its_original_here_and_syncs_a_small_thumbnail() {
    use base64::Engine;
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let p = s.add_product(&product("Keripik Tempe Pedas", "12.000")).unwrap();
    assert!(!p.has_photo);
    // A 1600 × 1200 photo full of noise (hard to compress): the worst case for the size limit.
    let mut state = 0x9e37_79b9u32;
    let picture = image::RgbImage::from_fn(1600, 1200, |_, _| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        image::Rgb([state as u8, (state >> 8) as u8, (state >> 16) as u8])
    });
    let mut png = Vec::new();
    picture.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
    assert!(png.len() > 1_000_000);
    let after = s.set_product_photo(p.id, &png).unwrap();
    assert!(after.has_photo);
    let url = s.product_thumbnail(p.id).unwrap().unwrap();
    let jpeg = base64::engine::general_purpose::STANDARD
        .decode(url.strip_prefix("data:image/jpeg;base64,").unwrap())
        .unwrap();
    assert!(jpeg.len() <= 50 * 1024, "{} bytes", jpeg.len());
    let thumb = image::load_from_memory_with_format(&jpeg, image::ImageFormat::Jpeg).unwrap();
    assert!(thumb.width() <= 320 && thumb.height() <= 320 && thumb.width() * 3 == thumb.height() * 4);
    let original = std::path::PathBuf::from(format!("{}.foto", s.path().display()))
        .join(format!("{}.png", p.id.simple()));
    assert_eq!(std::fs::read(original).unwrap(), png, "the original stays, unchanged");

    let ops = s.op_count().unwrap();
    let err = s.set_product_photo(p.id, b"GIF89a not really").unwrap_err();
    assert_eq!(
        err.message(Lang::Id),
        "Foto tidak bisa dibaca. Pilih gambar JPG, PNG atau WebP, paling besar 20 MB."
    );
    assert_eq!(s.op_count().unwrap(), ops);
    assert!(!s.remove_product_photo(p.id).unwrap().has_photo);
    assert_eq!(s.product_thumbnail(p.id).unwrap(), None);
}

/// An archived product is listed among the archived and comes back when set active again,
/// unless its SKU went to another product meanwhile: then that is said, and nothing changes.
#[test]
fn an_archived_product_comes_back_unless_its_sku_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = shop(dir.path());
    let mut teh = product("Teh Melati", "5.000");
    teh.sku = "TEH-01".into();
    let teh = s.add_product(&teh).unwrap();
    s.set_product_active(teh.id, false).unwrap();
    let names =
        |list: Vec<usahaku_core::catalog::Product>| list.into_iter().map(|p| p.name).collect::<Vec<_>>();
    assert!(names(s.products().unwrap()).is_empty());
    assert_eq!(names(s.archived_products().unwrap()), ["Teh Melati"]);

    // A new product takes the SKU while the old one is archived.
    let mut baru = product("Teh Melati Baru", "6.000");
    baru.sku = "TEH-01".into();
    s.add_product(&baru).unwrap();
    let ops = s.op_count().unwrap();
    let err = s.set_product_active(teh.id, true).unwrap_err();
    assert_eq!(err.code(), "duplicate_sku");
    assert_eq!(s.op_count().unwrap(), ops);

    // With another SKU it comes back, and no longer counts as archived.
    s.update_product(
        teh.id,
        &usahaku_core::catalog::ProductInput {
            name: "Teh Melati".into(),
            price: "5.000".into(),
            sku: "TEH-LAMA".into(),
            ..Default::default()
        },
    )
    .unwrap();
    s.set_product_active(teh.id, true).unwrap();
    assert_eq!(names(s.products().unwrap()), ["Teh Melati", "Teh Melati Baru"]);
    assert!(s.archived_products().unwrap().is_empty());
}
