//! Pelanggan (CRM) commands: each hands off to the core in a line or two.

use crate::{Shell, UiError};
use usahaku_core::CoreError;
use usahaku_core::crm::{
    CrmError, CrmSettings, Customer, CustomerInput, CustomerPage, CustomerSummary, Interaction,
    InteractionInput, InteractionStatus, Segment,
};
use usahaku_core::marketing::{ContentPost, MarketingError, PersonalMessage, PostInput, Review, ReviewInput};

fn customer_id(s: &usahaku_core::Store, text: &str) -> Result<uuid::Uuid, CoreError> {
    Ok(s.find_customer(text)?.id)
}

/// Customers with their figures: those matching `query` (name or phone), else everyone in
/// `segment` (empty: all), by name; at most 300.
#[tauri::command]
#[specta::specta]
pub(crate) async fn customers(
    shell: tauri::State<'_, Shell>,
    query: String,
    segment: String,
) -> Result<Vec<CustomerSummary>, UiError> {
    shell.with_store(|s| {
        if !query.trim().is_empty() {
            return s.search_customers(&query, 50)?.iter().map(|c| s.customer_summary(c.id)).collect();
        }
        let segment = match segment.trim() {
            "" => None,
            t => Some(Segment::from_code(t).ok_or_else(|| CrmError::UnknownValue(t.to_owned()))?),
        };
        Ok(s.customer_list(segment)?.into_iter().take(300).collect())
    })
}

/// Customers whose name or phone matches (the cashier's and order's customer picker).
#[tauri::command]
#[specta::specta]
pub(crate) async fn search_customers(
    shell: tauri::State<'_, Shell>,
    query: String,
) -> Result<Vec<Customer>, UiError> {
    shell.with_store(|s| s.search_customers(&query, 12))
}

/// A customer's page (by id, phone or name).
#[tauri::command]
#[specta::specta]
pub(crate) async fn customer_page(
    shell: tauri::State<'_, Shell>,
    customer: String,
) -> Result<CustomerPage, UiError> {
    shell.with_store(|s| {
        let id = customer_id(s, &customer)?;
        s.customer_page(id)
    })
}

/// Adds a customer.
#[tauri::command]
#[specta::specta]
pub(crate) async fn add_customer(
    shell: tauri::State<'_, Shell>,
    input: CustomerInput,
) -> Result<Customer, UiError> {
    shell.with_store(|s| s.add_customer(&input))
}

/// Changes a customer.
#[tauri::command]
#[specta::specta]
pub(crate) async fn update_customer(
    shell: tauri::State<'_, Shell>,
    customer: String,
    input: CustomerInput,
) -> Result<Customer, UiError> {
    shell.with_store(|s| {
        let id = customer_id(s, &customer)?;
        s.update_customer(id, &input)
    })
}

/// Merges `other` into `keep` (history, orders and points count for `keep`).
#[tauri::command]
#[specta::specta]
pub(crate) async fn merge_customers(
    shell: tauri::State<'_, Shell>,
    keep: String,
    other: String,
) -> Result<Customer, UiError> {
    shell.with_store(|s| {
        let keep = customer_id(s, &keep)?;
        let other =
            uuid::Uuid::parse_str(other.trim()).map_err(|_| CrmError::UnknownCustomer(other.clone()))?;
        s.merge_customers(keep, other)
    })
}

/// Groups of customers sharing a phone number.
#[tauri::command]
#[specta::specta]
pub(crate) async fn duplicate_customers(
    shell: tauri::State<'_, Shell>,
) -> Result<Vec<Vec<Customer>>, UiError> {
    shell.with_store(|s| s.duplicate_customers())
}

/// How many customers are in each segment.
#[tauri::command]
#[specta::specta]
pub(crate) async fn segment_counts(shell: tauri::State<'_, Shell>) -> Result<Vec<(Segment, u32)>, UiError> {
    shell.with_store(|s| s.segment_counts())
}

/// Loyalty and segment settings.
#[tauri::command]
#[specta::specta]
pub(crate) async fn crm_settings(shell: tauri::State<'_, Shell>) -> Result<CrmSettings, UiError> {
    shell.with_store(|s| s.crm_settings())
}

/// Changes the loyalty and segment settings.
#[tauri::command]
#[specta::specta]
pub(crate) async fn set_crm_settings(
    shell: tauri::State<'_, Shell>,
    settings: CrmSettings,
) -> Result<CrmSettings, UiError> {
    shell.with_store(|s| s.set_crm_settings(&settings))
}

/// Logs an inquiry, complaint or feedback.
#[tauri::command]
#[specta::specta]
pub(crate) async fn add_interaction(
    shell: tauri::State<'_, Shell>,
    input: InteractionInput,
) -> Result<Interaction, UiError> {
    shell.with_store(|s| s.add_interaction(&input))
}

/// Answers and/or moves an inquiry or complaint forward.
#[tauri::command]
#[specta::specta]
pub(crate) async fn update_interaction(
    shell: tauri::State<'_, Shell>,
    id: String,
    status: InteractionStatus,
    response: String,
    follow_up_done: bool,
) -> Result<Interaction, UiError> {
    shell.with_store(|s| {
        let id = uuid::Uuid::parse_str(id.trim()).map_err(|_| CrmError::UnknownInteraction)?;
        s.update_interaction(id, status, &response, follow_up_done)
    })
}

/// Open inquiries and complaints and tindak lanjut due today (the "hari ini" list).
#[tauri::command]
#[specta::specta]
pub(crate) async fn service_queue(shell: tauri::State<'_, Shell>) -> Result<Vec<Interaction>, UiError> {
    shell.with_store(|s| {
        let today = s.today()?;
        s.service_queue(today)
    })
}

/// Records a review of an order or product.
#[tauri::command]
#[specta::specta]
pub(crate) async fn add_review(
    shell: tauri::State<'_, Shell>,
    input: ReviewInput,
) -> Result<Review, UiError> {
    shell.with_store(|s| s.add_review(&input))
}

/// Reviews, newest first (only testimonials when asked).
#[tauri::command]
#[specta::specta]
pub(crate) async fn reviews(
    shell: tauri::State<'_, Shell>,
    testimonials_only: bool,
) -> Result<Vec<Review>, UiError> {
    shell.with_store(|s| s.reviews(testimonials_only))
}

/// Marks a review as a testimonial (or not).
#[tauri::command]
#[specta::specta]
pub(crate) async fn set_testimonial(
    shell: tauri::State<'_, Shell>,
    id: String,
    on: bool,
) -> Result<Review, UiError> {
    shell.with_store(|s| {
        let id = uuid::Uuid::parse_str(id.trim()).map_err(|_| MarketingError::Unknown)?;
        s.set_testimonial(id, on)
    })
}

/// The testimonials as text to paste into a post.
#[tauri::command]
#[specta::specta]
pub(crate) async fn testimonials_text(shell: tauri::State<'_, Shell>) -> Result<String, UiError> {
    shell.with_store(|s| s.testimonials_text())
}

/// After an order is selesai: the WhatsApp message asking for a review.
#[tauri::command]
#[specta::specta]
pub(crate) async fn review_request(
    shell: tauri::State<'_, Shell>,
    order: String,
) -> Result<PersonalMessage, UiError> {
    let lang = shell.lang();
    shell.with_store(|s| {
        let id = s.find_order(&order)?.id;
        s.review_request(id, lang)
    })
}

/// Personal WhatsApp messages from a template for the customers of a segment ("" = all).
#[tauri::command]
#[specta::specta]
pub(crate) async fn campaign(
    shell: tauri::State<'_, Shell>,
    template: String,
    segment: String,
    promo_code: String,
) -> Result<Vec<PersonalMessage>, UiError> {
    shell.with_store(|s| {
        let segment = match segment.trim() {
            "" => None,
            t => Some(Segment::from_code(t).ok_or_else(|| CrmError::UnknownValue(t.to_owned()))?),
        };
        s.campaign(&template, segment, &promo_code)
    })
}

/// The content plan from `from` to `to`.
#[tauri::command]
#[specta::specta]
pub(crate) async fn content_plan(
    shell: tauri::State<'_, Shell>,
    from: String,
    to: String,
) -> Result<Vec<ContentPost>, UiError> {
    shell.with_store(|s| {
        let from = usahaku_core::ledger::parse_date(&from)?;
        let to = usahaku_core::ledger::parse_date(&to)?;
        s.content_plan(from, to)
    })
}

/// Plans a post.
#[tauri::command]
#[specta::specta]
pub(crate) async fn add_post(
    shell: tauri::State<'_, Shell>,
    input: PostInput,
) -> Result<ContentPost, UiError> {
    shell.with_store(|s| s.add_post(&input))
}

/// Changes a planned post, or takes it off the plan (`remove`).
#[tauri::command]
#[specta::specta]
pub(crate) async fn update_post(
    shell: tauri::State<'_, Shell>,
    id: String,
    input: PostInput,
    remove: bool,
) -> Result<ContentPost, UiError> {
    shell.with_store(|s| {
        let id = uuid::Uuid::parse_str(id.trim()).map_err(|_| MarketingError::Unknown)?;
        s.update_post(id, &input, remove)
    })
}

/// Moves a planned post to another status.
#[tauri::command]
#[specta::specta]
pub(crate) async fn set_post_status(
    shell: tauri::State<'_, Shell>,
    id: String,
    status: String,
) -> Result<ContentPost, UiError> {
    shell.with_store(|s| {
        let id = uuid::Uuid::parse_str(id.trim()).map_err(|_| MarketingError::Unknown)?;
        s.set_post_status(id, &status)
    })
}

/// Adds a promo code.
#[tauri::command]
#[specta::specta]
pub(crate) async fn add_promo_code(
    shell: tauri::State<'_, Shell>,
    input: usahaku_core::promo::PromoCodeInput,
) -> Result<usahaku_core::promo::PromoCode, UiError> {
    shell.with_store(|s| s.add_promo_code(&input))
}

/// Every promo code, newest period first.
#[tauri::command]
#[specta::specta]
pub(crate) async fn promo_codes(
    shell: tauri::State<'_, Shell>,
) -> Result<Vec<usahaku_core::promo::PromoCode>, UiError> {
    shell.with_store(|s| s.promo_codes())
}

/// Stops (or restarts) a promo code.
#[tauri::command]
#[specta::specta]
pub(crate) async fn set_promo_code_active(
    shell: tauri::State<'_, Shell>,
    id: String,
    active: bool,
) -> Result<usahaku_core::promo::PromoCode, UiError> {
    shell.with_store(|s| {
        let id = uuid::Uuid::parse_str(id.trim())
            .map_err(|_| usahaku_core::promo::PromoError::UnknownCode(id.clone()))?;
        s.set_promo_code_active(id, active)
    })
}

/// Uses, discount given and revenue per promo code from `from` to `to`.
#[tauri::command]
#[specta::specta]
pub(crate) async fn promo_code_report(
    shell: tauri::State<'_, Shell>,
    from: String,
    to: String,
) -> Result<Vec<usahaku_core::promo::PromoCodeUse>, UiError> {
    shell.with_store(|s| {
        let from = usahaku_core::ledger::parse_date(&from)?;
        let to = usahaku_core::ledger::parse_date(&to)?;
        s.promo_code_report(from, to)
    })
}
