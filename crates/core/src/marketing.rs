//! Pelanggan, marketing side: reviews (ulasan) and testimonials, personal WhatsApp messages
//! from a template, and the content plan (rencana konten). Reviews and planned posts are
//! last-writer-wins entities, so a testimonial mark or a post's status set on one device
//! reaches the others.

use crate::crm::{CrmError, Customer, Segment};
use crate::error::{Lang, Result};
use crate::lww::LwwSpec;
use crate::oplog::{Change, uuid_col};
use crate::orders::OrderStatus;
use crate::store::Store;
use jiff::civil::Date;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use usahaku_proto::{EntityKind, FieldValue, LwwPatch};
use uuid::Uuid;

pub(crate) const REVIEW_SPEC: LwwSpec = LwwSpec {
    kind: EntityKind::Review,
    table: "review",
    fields: &["customer", "order_id", "product", "rating", "body", "testimonial", "date"],
};

pub(crate) const POST_SPEC: LwwSpec = LwwSpec {
    kind: EntityKind::ContentPost,
    table: "content_post",
    fields: &["date", "channel", "product", "caption", "status", "active"],
};

code_enum!(
    /// Where a planned post is.
    PostStatus {
        /// Ide.
        Idea = "ide",
        /// Dijadwalkan.
        Scheduled = "dijadwalkan",
        /// Diposting.
        Posted = "diposting",
    }
);

/// Why a review, message or post was refused. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarketingError {
    /// A rating outside 1–5.
    #[error("bad rating {0}")]
    BadRating(String),
    /// A review needs an order or a product.
    #[error("nothing reviewed")]
    NothingReviewed,
    /// A review request before the order is selesai.
    #[error("order not done")]
    OrderNotDone,
    /// The customer has no phone for WhatsApp.
    #[error("no phone")]
    NoPhone,
    /// No such review or post.
    #[error("unknown record")]
    Unknown,
    /// A post without a caption or idea.
    #[error("caption required")]
    CaptionRequired,
    /// A message template that is empty.
    #[error("template required")]
    TemplateRequired,
}

impl MarketingError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            MarketingError::BadRating(_) => "bad_rating",
            MarketingError::NothingReviewed => "nothing_reviewed",
            MarketingError::OrderNotDone => "order_not_done",
            MarketingError::NoPhone => "no_phone",
            MarketingError::Unknown => "unknown_record",
            MarketingError::CaptionRequired => "caption_required",
            MarketingError::TemplateRequired => "template_required",
        }
    }

    /// The input field the error is about.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            MarketingError::BadRating(_) => "rating",
            MarketingError::NothingReviewed => "product",
            MarketingError::CaptionRequired => "caption",
            MarketingError::TemplateRequired => "template",
            _ => return None,
        })
    }

    /// A message for the user.
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            MarketingError::BadRating(t) if id => {
                format!("Nilai \"{t}\" tidak benar. Pilih bintang 1 sampai 5.")
            }
            MarketingError::BadRating(t) => format!("Rating \"{t}\" is not right. Choose 1 to 5 stars."),
            MarketingError::NothingReviewed if id => "Pilih pesanan atau produk yang diulas.".into(),
            MarketingError::NothingReviewed => "Choose the order or product being reviewed.".into(),
            MarketingError::OrderNotDone if id => "Minta ulasan setelah pesanan selesai.".into(),
            MarketingError::OrderNotDone => "Ask for a review once the order is done.".into(),
            MarketingError::NoPhone if id => "Pelanggan ini belum punya nomor HP/WhatsApp.".into(),
            MarketingError::NoPhone => "This customer has no phone/WhatsApp number yet.".into(),
            MarketingError::Unknown if id => "Data tidak ditemukan.".into(),
            MarketingError::Unknown => "Record not found.".into(),
            MarketingError::CaptionRequired if id => "Tulis ide atau keterangan postingannya.".into(),
            MarketingError::CaptionRequired => "Write the idea or caption of the post.".into(),
            MarketingError::TemplateRequired if id => "Tulis isi pesannya dulu.".into(),
            MarketingError::TemplateRequired => "Write the message first.".into(),
        }
    }
}

/// A review, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReviewInput {
    /// The customer (id, phone or name).
    pub customer: String,
    /// The order (number or id); empty when the review is about a product.
    pub order: String,
    /// The product (SKU, barcode or id); empty when the review is about an order.
    pub product: String,
    /// Bintang 1–5, as typed.
    pub rating: String,
    /// Ulasan.
    pub text: String,
    /// Date; empty for today.
    pub date: String,
}

/// A review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Review {
    /// Id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// Customer.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub customer: Uuid,
    /// Their name.
    pub customer_name: String,
    /// The order number, or empty.
    pub order: String,
    /// The product name, or empty.
    pub product: String,
    /// 1–5.
    pub rating: i64,
    /// Ulasan.
    pub text: String,
    /// Marked as a testimonial.
    pub testimonial: bool,
    /// Date.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
}

/// A WhatsApp message for one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonalMessage {
    /// The customer.
    pub customer: Customer,
    /// The message with the placeholders filled.
    pub text: String,
    /// `https://wa.me/62…?text=…`.
    pub link: String,
}

/// A planned post, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PostInput {
    /// Date.
    pub date: String,
    /// Channel code (instagram, facebook, tiktok, whatsapp, …).
    pub channel: String,
    /// The product (SKU, barcode or id); empty for none.
    pub product: String,
    /// Caption or idea.
    pub caption: String,
    /// ide, dijadwalkan or diposting; empty for ide.
    pub status: String,
}

/// A planned post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContentPost {
    /// Id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// Date.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// Channel code.
    pub channel: String,
    /// Product name, or empty.
    pub product: String,
    /// Caption or idea.
    pub caption: String,
    /// Status.
    pub status: PostStatus,
}

fn clean(text: &str, max: usize) -> String {
    text.trim().chars().filter(|c| !c.is_control() || *c == '\n').take(max).collect()
}

/// Fills `{nama}`, `{produk_terakhir}` and `{kode_promo}` in a template.
pub fn fill_template(template: &str, name: &str, last_product: &str, promo_code: &str) -> String {
    template
        .replace("{nama}", name)
        .replace("{produk_terakhir}", last_product)
        .replace("{kode_promo}", promo_code)
}

impl Store {
    /// Records a review of an order or a product.
    pub fn add_review(&mut self, input: &ReviewInput) -> Result<Review> {
        let customer = self.find_customer(&input.customer)?;
        let rating = input
            .rating
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|r| (1..=5).contains(r))
            .ok_or_else(|| MarketingError::BadRating(input.rating.trim().to_owned()))?;
        let order = if input.order.trim().is_empty() { None } else { Some(self.find_order(&input.order)?) };
        let product =
            if input.product.trim().is_empty() { None } else { Some(self.find_product(&input.product)?) };
        if order.is_none() && product.is_none() {
            return Err(MarketingError::NothingReviewed.into());
        }
        let date = self.date_or_today(&input.date)?;
        let id = crate::clock::new_id(self.clock.as_ref());
        let fields = vec![
            ("customer".into(), FieldValue::Text(customer.id.to_string())),
            ("order_id".into(), FieldValue::Text(order.map(|o| o.id.to_string()).unwrap_or_default())),
            ("product".into(), FieldValue::Text(product.map(|p| p.id.to_string()).unwrap_or_default())),
            ("rating".into(), FieldValue::Int(rating)),
            ("body".into(), FieldValue::Text(clean(&input.text, 2000))),
            ("testimonial".into(), FieldValue::Int(0)),
            ("date".into(), FieldValue::Text(date.to_string())),
        ];
        self.commit(Change::Lww { entity: EntityKind::Review, entity_id: id, patch: LwwPatch { fields } })?;
        self.review(id)
    }

    /// Marks a review as a testimonial (or not).
    pub fn set_testimonial(&mut self, id: Uuid, on: bool) -> Result<Review> {
        self.review(id)?;
        let patch = LwwPatch { fields: vec![("testimonial".into(), FieldValue::Int(i64::from(on)))] };
        self.commit(Change::Lww { entity: EntityKind::Review, entity_id: id, patch })?;
        self.review(id)
    }

    const REVIEW_COLUMNS: &'static str =
        "SELECT r.id, r.customer, COALESCE(c.name, ''), COALESCE(o.number, ''),
            COALESCE(p.name, ''), r.rating, r.body, r.testimonial, r.date
         FROM review r
         LEFT JOIN customer c ON c.id = unhex(replace(r.customer, '-', ''))
         LEFT JOIN customer_order o ON o.id = unhex(replace(r.order_id, '-', ''))
         LEFT JOIN product p ON p.id = unhex(replace(r.product, '-', ''))";

    fn review_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Review> {
        Ok(Review {
            id: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
            customer: r
                .get::<_, Option<String>>(1)?
                .and_then(|t| Uuid::parse_str(&t).ok())
                .unwrap_or_default(),
            customer_name: r.get(2)?,
            order: r.get(3)?,
            product: r.get(4)?,
            rating: r.get::<_, Option<i64>>(5)?.unwrap_or(0),
            text: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
            testimonial: r.get::<_, Option<i64>>(7)?.unwrap_or(0) != 0,
            date: r.get::<_, Option<String>>(8)?.and_then(|d| d.parse().ok()).unwrap_or_default(),
        })
    }

    /// One review.
    pub fn review(&self, id: Uuid) -> Result<Review> {
        let r = self
            .conn
            .prepare_cached(&format!("{} WHERE r.id = ?1 AND r.rating IS NOT NULL", Self::REVIEW_COLUMNS))?
            .query_row([id.as_bytes().as_slice()], Self::review_row)
            .optional()?
            .ok_or(MarketingError::Unknown)?;
        self.under_merged_customer(r)
    }

    /// A review of a customer merged into another shows the customer it became.
    fn under_merged_customer(&self, mut r: Review) -> Result<Review> {
        let root = self.customer_root(r.customer)?;
        if let Some(c) = (root != r.customer).then(|| self.customer(root).ok()).flatten() {
            r.customer = c.id;
            r.customer_name = c.name;
        }
        Ok(r)
    }

    /// Reviews, newest first; only testimonials when `testimonials_only`.
    pub fn reviews(&self, testimonials_only: bool) -> Result<Vec<Review>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{} WHERE r.rating IS NOT NULL AND (?1 = 0 OR r.testimonial = 1) ORDER BY r.date DESC, r.id DESC",
            Self::REVIEW_COLUMNS
        ))?;
        let rows: Vec<Review> = stmt
            .query_map([i64::from(testimonials_only)], Self::review_row)?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter().map(|r| self.under_merged_customer(r)).collect()
    }

    /// The testimonials as text to paste into a post or a catalogue.
    pub fn testimonials_text(&self) -> Result<String> {
        let mut out = String::new();
        for r in self.reviews(true)? {
            let about = if r.product.is_empty() { String::new() } else { format!(" — {}", r.product) };
            out.push_str(&format!(
                "{} \"{}\"\n— {}{about}\n\n",
                "★".repeat(r.rating.clamp(0, 5) as usize),
                r.text,
                r.customer_name
            ));
        }
        Ok(out.trim_end().to_owned())
    }

    /// After an order is selesai: a WhatsApp message asking its customer for a review.
    pub fn review_request(&self, order: Uuid, lang: Lang) -> Result<PersonalMessage> {
        let o = self.order(order)?;
        if o.status != OrderStatus::Done {
            return Err(MarketingError::OrderNotDone.into());
        }
        let customer = match o.customer_id {
            Some(c) => self.customer(self.customer_root(c)?)?,
            None => Customer {
                id: Uuid::nil(),
                name: o.customer.clone(),
                phone: o.phone.clone(),
                address: o.address.clone(),
                birthday: None,
                tags: Vec::new(),
                notes: String::new(),
                source: o.channel.clone(),
                merged_into: None,
            },
        };
        if customer.phone.is_empty() {
            return Err(MarketingError::NoPhone.into());
        }
        let shop = self.profile()?.name;
        let items = o.lines.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join(", ");
        let text = match lang {
            Lang::Id => format!(
                "Halo {}, terima kasih sudah berbelanja di {shop} (pesanan {}: {items}). Bagaimana pesanannya? \
                 Kami senang sekali kalau Anda mau memberi nilai 1–5 dan sedikit ulasan. Terima kasih!",
                customer.name, o.number
            ),
            Lang::En => format!(
                "Hello {}, thank you for shopping at {shop} (order {}: {items}). How was it? We would love a \
                 rating from 1 to 5 and a few words. Thank you!",
                customer.name, o.number
            ),
        };
        let link = crate::profile::whatsapp_link(&customer.phone, &text);
        Ok(PersonalMessage { customer, text, link })
    }

    /// The product a customer bought last (by name), or empty.
    fn last_product(&self, customer: Uuid) -> Result<String> {
        let family = self.customer_family(customer)?;
        let keys: Vec<Vec<u8>> = family.iter().map(|u| u.as_bytes().to_vec()).collect();
        let sql = format!(
            "SELECT l.name FROM sale s JOIN sale_line l ON l.sale_id = s.id
             WHERE s.customer_id IN ({}) AND s.reverses IS NULL AND NOT s.cancelled
             ORDER BY s.date DESC, s.hlc DESC, l.line_no LIMIT 1",
            vec!["?"; keys.len()].join(",")
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(keys), |r| r.get(0))
            .optional()?
            .unwrap_or_default())
    }

    /// A personal WhatsApp message from `template` for every customer with a phone in
    /// `segment` (all when `None`): `{nama}`, `{produk_terakhir}` and `{kode_promo}` filled.
    pub fn campaign(
        &self,
        template: &str,
        segment: Option<Segment>,
        promo_code: &str,
    ) -> Result<Vec<PersonalMessage>> {
        if template.trim().is_empty() {
            return Err(MarketingError::TemplateRequired.into());
        }
        let mut out = Vec::new();
        for s in self.customer_list(segment)? {
            if s.customer.phone.is_empty() {
                continue;
            }
            let last = self.last_product(s.customer.id)?;
            let text = fill_template(template.trim(), &s.customer.name, &last, promo_code.trim());
            let link = crate::profile::whatsapp_link(&s.customer.phone, &text);
            out.push(PersonalMessage { customer: s.customer, text, link });
        }
        Ok(out)
    }

    fn post_fields(&self, input: &PostInput) -> Result<Vec<(String, FieldValue)>> {
        let date = crate::ledger::parse_date(&input.date)
            .map_err(|_| CrmError::BadDate(input.date.trim().to_owned()))?;
        let channel = crate::orders::Channel::from_code(input.channel.trim())
            .ok_or_else(|| CrmError::UnknownValue(input.channel.trim().to_owned()))?;
        let product = if input.product.trim().is_empty() {
            String::new()
        } else {
            self.find_product(&input.product)?.id.to_string()
        };
        let caption = clean(&input.caption, 2200);
        if caption.is_empty() {
            return Err(MarketingError::CaptionRequired.into());
        }
        let status = if input.status.trim().is_empty() {
            PostStatus::Idea
        } else {
            PostStatus::from_code(input.status.trim())
                .ok_or_else(|| CrmError::UnknownValue(input.status.trim().to_owned()))?
        };
        Ok(vec![
            ("date".into(), FieldValue::Text(date.to_string())),
            ("channel".into(), FieldValue::Text(channel.code().into())),
            ("product".into(), FieldValue::Text(product)),
            ("caption".into(), FieldValue::Text(caption)),
            ("status".into(), FieldValue::Text(status.code().into())),
        ])
    }

    /// Plans a post.
    pub fn add_post(&mut self, input: &PostInput) -> Result<ContentPost> {
        let mut fields = self.post_fields(input)?;
        fields.push(("active".into(), FieldValue::Int(1)));
        let id = crate::clock::new_id(self.clock.as_ref());
        self.commit(Change::Lww {
            entity: EntityKind::ContentPost,
            entity_id: id,
            patch: LwwPatch { fields },
        })?;
        self.content_post(id)
    }

    /// Changes a planned post (date, caption, status…); `remove` takes it off the plan.
    pub fn update_post(&mut self, id: Uuid, input: &PostInput, remove: bool) -> Result<ContentPost> {
        let current = self.content_post(id)?;
        let mut fields = Vec::new();
        if remove {
            fields.push(("active".into(), FieldValue::Int(0)));
        } else {
            // Only what changed: a status set on another device is not overwritten by an edit
            // of the caption here.
            let old: [Option<String>; 5] = self
                .conn
                .prepare_cached(
                    "SELECT date, channel, product, caption, status FROM content_post WHERE id = ?1",
                )?
                .query_row([id.as_bytes().as_slice()], |r| {
                    Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?])
                })
                .optional()?
                .unwrap_or_default();
            for ((name, value), before) in self.post_fields(input)?.into_iter().zip(old) {
                let keep_status = name == "status" && input.status.trim().is_empty();
                if !keep_status && value != FieldValue::Text(before.unwrap_or_default()) {
                    fields.push((name, value));
                }
            }
            if fields.is_empty() {
                return Ok(current);
            }
        }
        self.commit(Change::Lww {
            entity: EntityKind::ContentPost,
            entity_id: id,
            patch: LwwPatch { fields },
        })?;
        self.content_post(id)
    }

    /// Moves a planned post to another status (ide, dijadwalkan, diposting).
    pub fn set_post_status(&mut self, id: Uuid, status: &str) -> Result<ContentPost> {
        self.content_post(id)?;
        let status = PostStatus::from_code(status.trim())
            .ok_or_else(|| CrmError::UnknownValue(status.trim().to_owned()))?;
        let patch = LwwPatch { fields: vec![("status".into(), FieldValue::Text(status.code().into()))] };
        self.commit(Change::Lww { entity: EntityKind::ContentPost, entity_id: id, patch })?;
        self.content_post(id)
    }

    fn post_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ContentPost> {
        Ok(ContentPost {
            id: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
            date: r.get::<_, Option<String>>(1)?.and_then(|d| d.parse().ok()).unwrap_or_default(),
            channel: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
            product: r.get(3)?,
            caption: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            status: r
                .get::<_, Option<String>>(5)?
                .and_then(|s| PostStatus::from_code(&s))
                .unwrap_or(PostStatus::Idea),
        })
    }

    const POST_COLUMNS: &'static str =
        "SELECT c.id, c.date, c.channel, COALESCE(p.name, ''), c.caption, c.status
         FROM content_post c LEFT JOIN product p ON p.id = unhex(replace(c.product, '-', ''))";

    /// One planned post.
    pub fn content_post(&self, id: Uuid) -> Result<ContentPost> {
        self.conn
            .prepare_cached(&format!("{} WHERE c.id = ?1 AND c.caption IS NOT NULL", Self::POST_COLUMNS))?
            .query_row([id.as_bytes().as_slice()], Self::post_row)
            .optional()?
            .ok_or_else(|| MarketingError::Unknown.into())
    }

    /// The content plan from `from` to `to` (a month for the calendar), by date.
    pub fn content_plan(&self, from: Date, to: Date) -> Result<Vec<ContentPost>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{} WHERE c.caption IS NOT NULL AND COALESCE(c.active, 1) = 1 AND c.date BETWEEN ?1 AND ?2 ORDER BY c.date, c.id",
            Self::POST_COLUMNS
        ))?;
        Ok(stmt
            .query_map([from.to_string(), to.to_string()], Self::post_row)?
            .collect::<rusqlite::Result<_>>()?)
    }
}
