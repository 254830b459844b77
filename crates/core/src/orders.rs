//! Pesanan: orders with a down payment, a due date and a status that only moves forward
//! (baru → dikonfirmasi → diproses → siap → dikirim → selesai; dibatalkan ends it).
//!
//! An order is an append-only op ([`EntityKind::Order`]); everything that happens to it is an
//! append-only event ([`EntityKind::OrderEvent`]), so two devices never overwrite each
//! other: the status is the furthest one reached. Money follows SAK EMKM:
//! * a payment before delivery is a deposit: Dr Kas/Bank / Cr Uang muka pelanggan;
//! * at delivery (dikirim, or selesai when picked up) revenue is recognised: Dr Uang muka
//!   (what was paid) + Dr Piutang usaha (the rest, a piutang with the order's due date) /
//!   Cr Penjualan, Cr Pendapatan lain-lain (ongkir), Dr Diskon; Dr HPP / Cr Persediaan and
//!   the stock goes out;
//! * a payment after delivery settles that piutang;
//! * a transfer can wait for verification: nothing is posted until it is verified;
//! * cancelling reverses the delivery (stock back) and the payments (refunded).

use crate::error::{Lang, Result};
use crate::ledger::{AccountRole, EntryKind, NewEntry, NewLine};
use crate::money::{Money, Qty};
use crate::oplog::{ApplyTx, Change, uuid_col};
use crate::sales::{PaymentMethod, SaleInput, SaleLineInput};
use crate::stock::{Batch, MovementKind, value_at};
use crate::store::Store;
use jiff::civil::Date;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use usahaku_proto::{EntityKind, decode_payload, encode_payload};
use uuid::Uuid;

code_enum!(
    /// Where an order came from.
    Channel {
        /// Di toko.
        Shop = "toko",
        /// WhatsApp.
        WhatsApp = "whatsapp",
        /// Instagram.
        Instagram = "instagram",
        /// Facebook.
        Facebook = "facebook",
        /// Tokopedia.
        Tokopedia = "tokopedia",
        /// Shopee.
        Shopee = "shopee",
        /// TikTok Shop.
        TikTok = "tiktok",
        /// Lainnya.
        Other = "lainnya",
    }
);

code_enum!(
    /// Where an order is.
    OrderStatus {
        /// Baru.
        New = "baru",
        /// Dikonfirmasi.
        Confirmed = "dikonfirmasi",
        /// Diproses.
        InProcess = "diproses",
        /// Siap (quality checked).
        Ready = "siap",
        /// Dikirim / diserahkan.
        Shipped = "dikirim",
        /// Selesai.
        Done = "selesai",
        /// Dibatalkan.
        Cancelled = "dibatalkan",
    }
);

impl OrderStatus {
    fn rank(self) -> i64 {
        match self {
            OrderStatus::New => 0,
            OrderStatus::Confirmed => 1,
            OrderStatus::InProcess => 2,
            OrderStatus::Ready => 3,
            OrderStatus::Shipped => 4,
            OrderStatus::Done => 5,
            OrderStatus::Cancelled => 9,
        }
    }
}

/// Why an order action was refused. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrderError {
    /// No such order.
    #[error("unknown order")]
    UnknownOrder,
    /// A status that is not after the current one.
    #[error("status backwards")]
    Backwards {
        /// Now.
        from: OrderStatus,
        /// Asked for.
        to: OrderStatus,
    },
    /// The order was cancelled.
    #[error("cancelled")]
    Cancelled,
    /// "Siap" needs the quality check ticked.
    #[error("quality check required")]
    QualityCheck,
    /// More paid than the order's total.
    #[error("overpaid")]
    Overpaid {
        /// Still to pay.
        remaining: Money,
    },
    /// The customer name is empty.
    #[error("customer required")]
    CustomerRequired,
    /// No such payment waiting for verification.
    #[error("unknown payment")]
    UnknownPayment,
    /// A status or channel name that is not known.
    #[error("unknown value {0}")]
    UnknownValue(String),
}

impl OrderError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            OrderError::UnknownOrder => "unknown_order",
            OrderError::Backwards { .. } => "status_backwards",
            OrderError::Cancelled => "order_cancelled",
            OrderError::QualityCheck => "quality_check",
            OrderError::Overpaid { .. } => "overpaid",
            OrderError::CustomerRequired => "customer_required",
            OrderError::UnknownPayment => "unknown_payment",
            OrderError::UnknownValue(_) => "unknown_value",
        }
    }

    /// A message for the user.
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            OrderError::UnknownOrder if id => "Pesanan tidak ditemukan.".into(),
            OrderError::UnknownOrder => "Order not found.".into(),
            OrderError::Backwards { from, to } if id => {
                format!("Status pesanan tidak bisa mundur dari \"{}\" ke \"{}\".", from.code(), to.code())
            }
            OrderError::Backwards { from, to } => {
                format!("An order's status cannot go back from \"{}\" to \"{}\".", from.code(), to.code())
            }
            OrderError::Cancelled if id => "Pesanan ini sudah dibatalkan.".into(),
            OrderError::Cancelled => "This order is cancelled.".into(),
            OrderError::QualityCheck if id => {
                "Centang \"Sudah dicek kualitasnya\" sebelum menandai siap.".into()
            }
            OrderError::QualityCheck => "Tick \"Quality checked\" before marking it ready.".into(),
            OrderError::Overpaid { remaining } if id => {
                format!("Pembayaran melebihi sisa tagihan ({remaining}).")
            }
            OrderError::Overpaid { remaining } => {
                format!("The payment is more than what is left to pay ({remaining}).")
            }
            OrderError::CustomerRequired if id => "Nama pelanggan wajib diisi untuk pesanan.".into(),
            OrderError::CustomerRequired => "An order needs the customer's name.".into(),
            OrderError::UnknownPayment if id => "Pembayaran yang menunggu verifikasi tidak ditemukan.".into(),
            OrderError::UnknownPayment => "No payment waiting for verification was found.".into(),
            OrderError::UnknownValue(v) if id => format!(
                "\"{v}\" tidak dikenal. Status: dikonfirmasi, diproses, siap, dikirim, selesai, dibatalkan. Saluran: toko, whatsapp, instagram, facebook, tokopedia, shopee, tiktok, lainnya."
            ),
            OrderError::UnknownValue(v) => format!(
                "\"{v}\" is not known. Status: dikonfirmasi, diproses, siap, dikirim, selesai, dibatalkan. Channel: toko, whatsapp, instagram, facebook, tokopedia, shopee, tiktok, lainnya."
            ),
        }
    }
}

/// A new order, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OrderInput {
    /// Date; empty for today.
    pub date: String,
    /// Channel code (toko, whatsapp, …); empty for toko.
    pub channel: String,
    /// Customer name.
    pub customer: String,
    /// Customer phone (optional).
    pub phone: String,
    /// Delivery address (optional).
    pub address: String,
    /// Items (priced like the cashier: grosir and promo apply).
    pub lines: Vec<SaleLineInput>,
    /// Order discount as typed.
    pub discount: String,
    /// Ongkir charged to the customer as typed.
    pub shipping: String,
    /// Due date (tanggal jadi / kirim); empty for none.
    pub due_date: String,
    /// Catatan.
    pub note: String,
    /// A customer from the customer list (id, phone or name); empty for none. Their name,
    /// phone and address fill the fields left empty.
    #[serde(default)]
    pub customer_id: String,
    /// A promo code; empty for none.
    #[serde(default)]
    pub promo_code: String,
}

/// An order as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Order {
    /// Id.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// Number.
    pub number: String,
    /// Date.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// Channel code.
    pub channel: String,
    /// Customer.
    pub customer: String,
    /// Phone.
    pub phone: String,
    /// Address.
    pub address: String,
    /// Due date.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub due_date: Option<Date>,
    /// Items.
    pub lines: Vec<crate::sales::SaleLine>,
    /// Σ qty × price.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub subtotal: Money,
    /// All discounts.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub discount: Money,
    /// Ongkir.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub shipping: Money,
    /// Total to pay.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total: Money,
    /// Verified payments (net of refunds).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub paid: Money,
    /// Payments waiting for verification.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub pending: Money,
    /// total − paid.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub remaining: Money,
    /// Status.
    pub status: OrderStatus,
    /// Kurir.
    pub courier: String,
    /// Nomor resi.
    pub tracking: String,
    /// Revenue was recognised (delivered).
    pub delivered: bool,
    /// Catatan.
    pub note: String,
    /// The customer from the customer list.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub customer_id: Option<Uuid>,
}

/// A payment on an order, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OrderPaymentInput {
    /// How.
    pub method: PaymentMethod,
    /// Amount as typed.
    pub amount: String,
    /// Account (id, code or name); empty for the method's usual one.
    pub account: String,
    /// A transfer not checked yet: nothing is posted until it is verified.
    pub pending: bool,
    /// Date; empty for today.
    pub date: String,
}

/// A status change, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StatusInput {
    /// The new status.
    pub status: OrderStatus,
    /// For siap: the quality check was done.
    pub quality_checked: bool,
    /// For dikirim: kurir.
    pub courier: String,
    /// For dikirim: nomor resi.
    pub tracking: String,
    /// Date; empty for today.
    pub date: String,
}

/// The op payload of an order. **Frozen** (postcard, by position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct OrderPayload {
    number: String,
    date: String,
    channel: String,
    customer: String,
    phone: String,
    address: String,
    due_date: Option<String>,
    /// (product, name, qty, unit price, line discount)
    lines: Vec<OrderLinePayload>,
    order_discount: i64,
    shipping: i64,
    note: String,
}

/// A line of [`OrderPayload`]. **Frozen**.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct OrderLinePayload {
    product: Uuid,
    name: String,
    qty: i64,
    unit_price: i64,
    discount: i64,
}

/// The op payload of an order event. **Frozen** (postcard, by position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct EventPayload {
    order: Uuid,
    date: String,
    /// status, payment, verify, cancel
    kind: String,
    status: String,
    courier: String,
    tracking: String,
    method: String,
    account: Option<Uuid>,
    /// A payment's amount (negative for a refund).
    amount: i64,
    pending: bool,
    /// verify: the payment event it verifies.
    target: Option<Uuid>,
    entry: Option<Uuid>,
}

pub(crate) fn apply_order(atx: &ApplyTx<'_>) -> Result<()> {
    let op = atx.op();
    // After the frozen fields: the customer, then the promo and what it took off.
    let (p, customer, promo, promo_discount) =
        match decode_payload::<(OrderPayload, Option<Uuid>, Option<Uuid>, i64)>(&op.payload) {
            Ok(linked) => linked,
            Err(_) => match decode_payload::<(OrderPayload, Option<Uuid>)>(&op.payload) {
                Ok((p, c)) => (p, c, None, 0),
                Err(_) => (
                    decode_payload::<OrderPayload>(&op.payload)
                        .map_err(|e| crate::CoreError::Corrupt(e.to_string()))?,
                    None,
                    None,
                    0,
                ),
            },
        };
    let conn = atx.conn();
    let id = op.entity_id.as_bytes().as_slice();
    let mut subtotal = 0i64;
    let mut discount = p.order_discount;
    for l in &p.lines {
        subtotal = subtotal.saturating_add(
            Money::from_rupiah(l.unit_price).checked_mul_qty(Qty::from_thousandths(l.qty))?.rupiah(),
        );
        discount = discount.saturating_add(l.discount);
    }
    let total = subtotal.saturating_sub(discount).saturating_add(p.shipping);
    let (code, year, seq) = {
        let mut parts = p.number.rsplitn(3, '-');
        let seq: i64 = parts.next().and_then(|s| s.trim_start_matches('P').parse().ok()).unwrap_or(0);
        let year: i64 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        (parts.next().unwrap_or_default().to_owned(), year, seq)
    };
    let n = conn
        .prepare_cached(
            "INSERT INTO customer_order (id, number, device_code, year, seq, date, channel, customer, phone, address,
                due_date, note, subtotal, discount, shipping, total, hlc, customer_id, promo_id, promo_discount)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
             ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            id, p.number, code, year, seq, p.date, p.channel, p.customer, p.phone, p.address, p.due_date, p.note, subtotal,
            discount, p.shipping, total, op.hlc.to_sortable(), customer.map(|u| u.as_bytes().to_vec()),
            promo.map(|u| u.as_bytes().to_vec()), promo_discount
        ])?;
    if n == 0 {
        return Ok(());
    }
    let mut line = conn.prepare_cached(
        "INSERT INTO order_line (order_id, line_no, product_id, name, qty, unit_price, discount) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, l) in p.lines.iter().enumerate() {
        line.execute(params![
            id,
            i as i64,
            l.product.as_bytes().as_slice(),
            l.name,
            l.qty,
            l.unit_price,
            l.discount
        ])?;
    }
    Ok(())
}

pub(crate) fn apply_event(atx: &ApplyTx<'_>) -> Result<()> {
    let op = atx.op();
    let p: EventPayload =
        decode_payload(&op.payload).map_err(|e| crate::CoreError::Corrupt(e.to_string()))?;
    let rank = OrderStatus::from_code(&p.status).map_or(-1, OrderStatus::rank);
    atx.conn()
        .prepare_cached(
            "INSERT INTO order_event (id, order_id, hlc, date, kind, status, status_rank, courier, tracking, method,
                account_id, amount, pending, target, entry_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            op.entity_id.as_bytes().as_slice(),
            p.order.as_bytes().as_slice(),
            op.hlc.to_sortable(),
            p.date,
            p.kind,
            p.status,
            rank,
            p.courier,
            p.tracking,
            p.method,
            p.account.map(|u| u.as_bytes().to_vec()),
            p.amount,
            p.pending,
            p.target.map(|u| u.as_bytes().to_vec()),
            p.entry.map(|u| u.as_bytes().to_vec()),
        ])?;
    Ok(())
}

fn event(order: Uuid, date: Date, kind: &str) -> EventPayload {
    EventPayload {
        order,
        date: date.to_string(),
        kind: kind.into(),
        status: String::new(),
        courier: String::new(),
        tracking: String::new(),
        method: String::new(),
        account: None,
        amount: 0,
        pending: false,
        target: None,
        entry: None,
    }
}

fn event_change(p: &EventPayload, clock: &dyn crate::Clock) -> Change {
    Change::Append {
        entity: EntityKind::OrderEvent,
        entity_id: crate::clock::new_id(clock),
        payload: encode_payload(p),
    }
}

impl Store {
    /// Takes an order (nothing is posted until money comes in or it is delivered).
    pub fn add_order(&mut self, input: &OrderInput) -> Result<Order> {
        let known = if input.customer_id.trim().is_empty() {
            None
        } else {
            Some(self.find_customer(&input.customer_id)?)
        };
        let mut customer: String =
            input.customer.trim().chars().filter(|c| !c.is_control()).take(120).collect();
        if let (Some(c), true) = (&known, customer.is_empty()) {
            customer = c.name.clone();
        }
        if customer.is_empty() {
            return Err(OrderError::CustomerRequired.into());
        }
        let channel = if input.channel.trim().is_empty() {
            Channel::Shop
        } else {
            Channel::from_code(&input.channel)
                .ok_or_else(|| OrderError::UnknownValue(input.channel.trim().to_owned()))?
        };
        let quote = self.quote_sale(&SaleInput {
            date: input.date.clone(),
            lines: input.lines.clone(),
            discount: input.discount.clone(),
            payments: Vec::new(),
            customer: customer.clone(),
            note: input.note.clone(),
            customer_id: known.as_ref().map(|c| c.id.to_string()).unwrap_or_default(),
            promo_code: input.promo_code.clone(),
            ..SaleInput::default()
        })?;
        let promo_id = self.running_promo_code(quote.promo.as_deref(), quote.date)?;
        let shipping = match Money::parse(&input.shipping) {
            Err(crate::AmountError::Empty) => Money::ZERO,
            Ok(m) if m >= Money::ZERO => m,
            _ => return Err(crate::sales::SaleError::BadPrice(input.shipping.trim().to_owned()).into()),
        };
        let due_date = if input.due_date.trim().is_empty() {
            None
        } else {
            Some(crate::ledger::parse_date(&input.due_date)?)
        };
        let phone = if input.phone.trim().is_empty() {
            known.as_ref().map(|c| c.phone.clone()).unwrap_or_default()
        } else {
            crate::profile::normalize_phone(&input.phone).map_err(|problem| crate::CoreError::Invalid {
                field: crate::error::ProfileField::Phone,
                problem,
            })?
        };
        let clock = self.clock.clone();
        let mut made = Uuid::nil();
        self.commit_built(|conn| {
            let code: String =
                conn.prepare_cached("SELECT device_code FROM device WHERE singleton = 1")?.query_row([], |r| r.get(0))?;
            let year = quote.date.year();
            let seq: i64 = conn
                .prepare_cached("SELECT COALESCE(MAX(seq), 0) + 1 FROM customer_order WHERE device_code = ?1 AND year = ?2")?
                .query_row(params![code, year], |r| r.get(0))?;
            let payload = OrderPayload {
                number: format!("{code}-{year}-P{seq:05}"),
                date: quote.date.to_string(),
                channel: channel.code().into(),
                customer: customer.clone(),
                phone: phone.clone(),
                address: match (&known, input.address.trim()) {
                    (Some(c), "") => c.address.clone(),
                    (_, typed) => typed.chars().filter(|c| !c.is_control()).take(300).collect(),
                },
                due_date: due_date.map(|d| d.to_string()),
                lines: quote
                    .lines
                    .iter()
                    .map(|l| OrderLinePayload {
                        product: l.product,
                        name: l.name.clone(),
                        qty: l.qty.thousandths(),
                        unit_price: l.unit_price.rupiah(),
                        discount: l.discount.rupiah(),
                    })
                    .collect(),
                order_discount: quote.order_discount.rupiah(),
                shipping: shipping.rupiah(),
                note: quote.note.clone(),
            };
            made = crate::clock::new_id(clock.as_ref());
            // A known customer's id follows the frozen fields (older apps ignore it).
            let bytes = match (&known, promo_id) {
                (_, Some(promo)) => encode_payload(&(
                    &payload,
                    known.as_ref().map(|c| c.id),
                    Some(promo),
                    quote.promo_discount.rupiah(),
                )),
                (Some(c), None) => encode_payload(&(&payload, Some(c.id))),
                (None, None) => encode_payload(&payload),
            };
            Ok(vec![Change::Append { entity: EntityKind::Order, entity_id: made, payload: bytes }])
        })?;
        self.order(made)
    }

    /// One order with its status and payments.
    pub fn order(&self, id: Uuid) -> Result<Order> {
        type Head = (String, String, String, String, String, String, Option<String>, String, [i64; 4]);
        let h: Head = self
            .conn
            .prepare_cached(
                "SELECT number, date, channel, customer, phone, address, due_date, note, subtotal, discount, shipping, total
                 FROM customer_order WHERE id = ?1",
            )?
            .query_row([id.as_bytes().as_slice()], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    [r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?],
                ))
            })
            .optional()?
            .ok_or(OrderError::UnknownOrder)?;
        let (
            number,
            date,
            channel,
            customer,
            phone,
            address,
            due_date,
            note,
            [subtotal, discount, shipping, total],
        ) = h;
        let mut lines = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.product_id, l.name, COALESCE(p.unit, 'pcs'), l.qty, l.unit_price, l.discount
             FROM order_line l LEFT JOIN product p ON p.id = l.product_id WHERE l.order_id = ?1 ORDER BY l.line_no",
        )?;
        for r in stmt.query_map([id.as_bytes().as_slice()], |r| {
            Ok((
                uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })? {
            let (product, name, unit, qty, price, disc) = r?;
            let gross = Money::from_rupiah(price).checked_mul_qty(Qty::from_thousandths(qty))?;
            lines.push(crate::sales::SaleLine {
                product,
                name,
                unit,
                qty: Qty::from_thousandths(qty),
                unit_price: Money::from_rupiah(price),
                price_source: String::new(),
                discount: Money::from_rupiah(disc),
                total: gross.checked_sub(Money::from_rupiah(disc))?,
                cost: Money::ZERO,
                returned: Qty::ZERO,
            });
        }
        let key = id.as_bytes().as_slice();
        let (rank, cancelled, delivered): (i64, i64, i64) = self
            .conn
            .prepare_cached(
                "SELECT COALESCE(MAX(status_rank) FILTER (WHERE kind = 'status'), 0),
                        COUNT(*) FILTER (WHERE kind = 'cancel'),
                        COUNT(*) FILTER (WHERE kind = 'status' AND entry_id IS NOT NULL)
                 FROM order_event WHERE order_id = ?1",
            )?
            .query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let (paid, pending): (i64, i64) = self
            .conn
            .prepare_cached(
                "SELECT COALESCE(SUM(e.amount) FILTER (WHERE e.kind = 'payment' AND (NOT e.pending OR EXISTS (
                            SELECT 1 FROM order_event v WHERE v.kind = 'verify' AND v.target = e.id))), 0),
                        COALESCE(SUM(e.amount) FILTER (WHERE e.kind = 'payment' AND e.pending AND NOT EXISTS (
                            SELECT 1 FROM order_event v WHERE v.kind = 'verify' AND v.target = e.id)), 0)
                 FROM order_event e WHERE e.order_id = ?1",
            )?
            .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let (courier, tracking): (String, String) = self
            .conn
            .prepare_cached(
                "SELECT courier, tracking FROM order_event WHERE order_id = ?1 AND kind = 'status' AND courier != ''
                 ORDER BY hlc DESC LIMIT 1",
            )?
            .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .unwrap_or_default();
        let status = if cancelled > 0 {
            OrderStatus::Cancelled
        } else {
            OrderStatus::ALL.iter().copied().find(|s| s.rank() == rank).unwrap_or(OrderStatus::New)
        };
        let parse =
            |d: &str| d.parse::<Date>().map_err(|_| crate::CoreError::Corrupt(format!("order date {d}")));
        Ok(Order {
            id,
            number,
            date: parse(&date)?,
            channel,
            customer,
            phone,
            address,
            due_date: due_date.as_deref().map(parse).transpose()?,
            lines,
            subtotal: Money::from_rupiah(subtotal),
            discount: Money::from_rupiah(discount),
            shipping: Money::from_rupiah(shipping),
            total: Money::from_rupiah(total),
            paid: Money::from_rupiah(paid),
            pending: Money::from_rupiah(pending),
            remaining: Money::from_rupiah(total.saturating_sub(paid)),
            status,
            courier,
            tracking,
            delivered: delivered > 0,
            note,
            customer_id: self
                .conn
                .prepare_cached("SELECT customer_id FROM customer_order WHERE id = ?1")?
                .query_row([key], |r| r.get::<_, Option<Vec<u8>>>(0))?
                .map(|b| uuid_col(&b))
                .transpose()?,
        })
    }

    /// Orders not yet done or cancelled (and those with money still owed), by due date.
    pub fn open_orders(&self) -> Result<Vec<Order>> {
        let ids: Vec<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT id FROM customer_order ORDER BY COALESCE(due_date, date), number")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for b in ids {
            let o = self.order(uuid_col(&b)?)?;
            if o.status != OrderStatus::Cancelled
                && (o.status != OrderStatus::Done || o.remaining > Money::ZERO)
            {
                out.push(o);
            }
        }
        Ok(out)
    }

    /// An order by number or id.
    pub fn find_order(&self, text: &str) -> Result<Order> {
        let t = text.trim();
        if let Ok(id) = Uuid::parse_str(t) {
            return self.order(id);
        }
        let id: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT id FROM customer_order WHERE number = ?1 COLLATE NOCASE")?
            .query_row([t], |r| r.get(0))
            .optional()?;
        self.order(uuid_col(&id.ok_or(OrderError::UnknownOrder)?)?)
    }

    /// A payment on an order: a deposit before delivery, a settlement of the piutang after.
    pub fn pay_order(&mut self, id: Uuid, input: &OrderPaymentInput) -> Result<Order> {
        let o = self.order(id)?;
        if o.status == OrderStatus::Cancelled {
            return Err(OrderError::Cancelled.into());
        }
        let amount = match Money::parse(&input.amount) {
            Ok(a) if a > Money::ZERO => a,
            _ => return Err(crate::sales::SaleError::BadPayment(input.amount.trim().to_owned()).into()),
        };
        let remaining = o.remaining.checked_sub(o.pending)?;
        if amount > remaining {
            return Err(OrderError::Overpaid { remaining }.into());
        }
        let account = if input.account.trim().is_empty() {
            self.account_by_role(input.method.default_role())?
        } else {
            self.find_account(&input.account)?
        };
        if !account.role.is_money() {
            return Err(crate::sales::SaleError::PaymentAccount(account.name).into());
        }
        // Nothing happens to an order before it was taken.
        let date = self.date_or_today(&input.date)?.max(o.date);
        let mut p = event(id, date, "payment");
        p.method = input.method.code().into();
        p.account = Some(account.id);
        p.amount = amount.rupiah();
        p.pending = input.pending;
        let entry =
            if input.pending { None } else { Some(self.payment_entry(&o, date, amount, account.id)?) };
        self.write_event(p, entry)?;
        self.order(id)
    }

    /// Marks a payment that was waiting for verification as received (posts it).
    pub fn verify_payment(&mut self, id: Uuid) -> Result<Order> {
        let o = self.order(id)?;
        let row: Option<(Vec<u8>, i64, Vec<u8>)> = self
            .conn
            .prepare_cached(
                "SELECT e.id, e.amount, e.account_id FROM order_event e WHERE e.order_id = ?1 AND e.kind = 'payment'
                 AND e.pending AND NOT EXISTS (SELECT 1 FROM order_event v WHERE v.kind = 'verify' AND v.target = e.id)
                 ORDER BY e.hlc LIMIT 1",
            )?
            .query_row([id.as_bytes().as_slice()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let (payment, amount, account) = row.ok_or(OrderError::UnknownPayment)?;
        let date = self.today()?.max(o.date);
        let mut p = event(id, date, "verify");
        p.target = Some(uuid_col(&payment)?);
        let entry = self.payment_entry(&o, date, Money::from_rupiah(amount), uuid_col(&account)?)?;
        self.write_event(p, Some(entry))?;
        self.order(id)
    }

    /// The entry of money received on an order: a deposit before delivery, else a settlement.
    fn payment_entry(&self, o: &Order, date: Date, amount: Money, account: Uuid) -> Result<NewEntry> {
        let delivery: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT entry_id FROM order_event WHERE order_id = ?1 AND kind = 'status' AND entry_id IS NOT NULL LIMIT 1")?
            .query_row([o.id.as_bytes().as_slice()], |r| r.get(0))
            .optional()?;
        let delivery = delivery.map(|b| uuid_col(&b)).transpose()?;
        let receivable_left = match delivery {
            Some(e) => crate::ledger::debt_in(&self.conn, e)?.map_or(Money::ZERO, |d| d.outstanding),
            None => Money::ZERO,
        };
        Ok(match delivery.filter(|_| receivable_left > Money::ZERO) {
            Some(e) => NewEntry {
                date,
                kind: EntryKind::Settlement,
                memo: format!("Pelunasan pesanan {}", o.number),
                counterparty: Some(o.customer.clone()),
                due_date: None,
                settles: Some(e),
                reverses: None,
                lines: vec![
                    NewLine::debit(account, amount),
                    NewLine::credit(self.account_by_role(AccountRole::Receivable)?.id, amount),
                ],
            },
            None => NewEntry {
                date,
                kind: EntryKind::Income,
                memo: format!("Uang muka pesanan {}", o.number),
                counterparty: Some(o.customer.clone()),
                due_date: None,
                settles: None,
                reverses: None,
                lines: vec![
                    NewLine::debit(account, amount),
                    NewLine::credit(self.account_by_role(AccountRole::CustomerDeposit)?.id, amount),
                ],
            },
        })
    }

    fn write_event(&mut self, p: EventPayload, entry: Option<NewEntry>) -> Result<()> {
        let clock = self.clock.clone();
        self.commit_built(|conn| {
            let mut b = Batch::new(conn, clock.as_ref(), p.date.parse().unwrap_or_default(), "");
            b.entry(entry)?;
            let mut p = p;
            p.entry = b.entry;
            b.changes.push(event_change(&p, clock.as_ref()));
            Ok(b.changes)
        })?;
        Ok(())
    }

    /// Moves an order forward. At the first of dikirim / selesai the revenue is recognised
    /// and the stock goes out, in the same transaction.
    pub fn set_order_status(&mut self, id: Uuid, input: &StatusInput) -> Result<Order> {
        let o = self.order(id)?;
        if o.status == OrderStatus::Cancelled {
            return Err(OrderError::Cancelled.into());
        }
        if input.status == OrderStatus::Cancelled {
            return self.cancel_order(id);
        }
        if input.status.rank() <= o.status.rank() {
            return Err(OrderError::Backwards { from: o.status, to: input.status }.into());
        }
        if input.status == OrderStatus::Ready && !input.quality_checked {
            return Err(OrderError::QualityCheck.into());
        }
        let date = self.date_or_today(&input.date)?.max(o.date);
        let mut p = event(id, date, "status");
        p.status = input.status.code().into();
        p.courier = input.courier.trim().chars().take(60).collect();
        p.tracking = input.tracking.trim().chars().take(60).collect();
        let delivering = input.status.rank() >= OrderStatus::Shipped.rank() && !o.delivered;
        if !delivering {
            self.write_event(p, None)?;
            return self.order(id);
        }
        // Delivery: revenue, deposit cleared, piutang for the rest, HPP and stock.
        let deposit = self.account_by_role(AccountRole::CustomerDeposit)?.id;
        let receivable = self.account_by_role(AccountRole::Receivable)?.id;
        let sales = self.account_by_role(AccountRole::Sales)?.id;
        let discount_account = self.account_by_role(AccountRole::SalesDiscount)?.id;
        let other_income = self.account_by_role(AccountRole::OtherIncome)?.id;
        let cogs = self.account_by_role(AccountRole::Cogs)?.id;
        let inventory = self.account_by_role(AccountRole::Inventory)?.id;
        let mut takes: Vec<(Uuid, i64)> = Vec::new();
        for l in &o.lines {
            let product = self.product(l.product)?;
            takes.extend(self.shelf_parts(&product, l.qty.thousandths())?);
        }
        let deposit_used = o.paid.min(o.total);
        let owed = o.total.checked_sub(deposit_used)?;
        let clock = self.clock.clone();
        self.commit_built(|conn| {
            let mut cost = Money::ZERO;
            for (product, q) in &takes {
                cost = cost.checked_add(Money::from_rupiah(-value_at(conn, *product, date, -q)?.0))?;
            }
            let mut lines = Vec::new();
            if deposit_used > Money::ZERO {
                lines.push(NewLine::debit(deposit, deposit_used));
            }
            if owed > Money::ZERO {
                lines.push(NewLine::debit(receivable, owed));
            }
            if o.discount > Money::ZERO {
                lines.push(NewLine::debit(discount_account, o.discount));
            }
            if o.subtotal > Money::ZERO {
                lines.push(NewLine::credit(sales, o.subtotal));
            }
            if o.shipping > Money::ZERO {
                lines.push(NewLine::credit(other_income, o.shipping));
            }
            if cost > Money::ZERO {
                lines.push(NewLine::debit(cogs, cost));
                lines.push(NewLine::credit(inventory, cost));
            }
            let mut b = Batch::new(conn, clock.as_ref(), date, &o.number);
            b.entry((lines.len() >= 2).then(|| NewEntry {
                date,
                kind: if owed > Money::ZERO { EntryKind::Receivable } else { EntryKind::Sale },
                memo: format!("Penjualan pesanan {}", o.number),
                counterparty: Some(o.customer.clone()),
                due_date: o.due_date.filter(|_| owed > Money::ZERO).or((owed > Money::ZERO).then_some(date)),
                settles: None,
                reverses: None,
                lines,
            }))?;
            for (product, q) in &takes {
                b.movement(*product, MovementKind::Sale, -q, None, "", None);
            }
            let mut p = p;
            p.entry = b.entry;
            b.changes.push(event_change(&p, clock.as_ref()));
            Ok(b.changes)
        })?;
        self.order(id)
    }

    /// Cancels an order: the delivery is reversed (stock back at the cost it went out at) and
    /// every received payment is refunded from the account it came into.
    pub fn cancel_order(&mut self, id: Uuid) -> Result<Order> {
        let o = self.order(id)?;
        if o.status == OrderStatus::Cancelled {
            return Err(OrderError::Cancelled.into());
        }
        // Never dated before what it cancels (a delivery or payment dated later than today).
        let last: Option<String> = self
            .conn
            .prepare_cached("SELECT MAX(date) FROM order_event WHERE order_id = ?1")?
            .query_row([id.as_bytes().as_slice()], |r| r.get(0))?;
        let last = last.and_then(|d| d.parse::<Date>().ok()).unwrap_or(o.date);
        let date = self.today()?.max(o.date).max(last);
        let mut entries: Vec<Uuid> = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT entry_id FROM order_event WHERE order_id = ?1 AND entry_id IS NOT NULL ORDER BY hlc DESC",
        )?;
        for r in stmt.query_map([id.as_bytes().as_slice()], |r| r.get::<_, Vec<u8>>(0))? {
            entries.push(uuid_col(&r?)?);
        }
        drop(stmt);
        let mut reversals = Vec::new();
        let mut moved: Vec<(Uuid, i64, i64)> = Vec::new();
        for e in &entries {
            let entry = self.entry(*e)?;
            reversals.push(NewEntry {
                date,
                kind: EntryKind::Reversal,
                memo: format!("Pembatalan pesanan {}: {}", o.number, entry.memo),
                counterparty: entry.counterparty.clone(),
                due_date: None,
                settles: None,
                reverses: Some(entry.id),
                lines: entry
                    .lines
                    .iter()
                    .map(|l| NewLine { account: l.account, debit: l.credit, credit: l.debit })
                    .collect(),
            });
            moved.extend(crate::stock::sold_with(&self.conn, *e)?);
        }
        let clock = self.clock.clone();
        self.commit_built(|conn| {
            let mut changes = Vec::new();
            // Settlements first, then the delivery they settle, then deposits (newest first).
            for r in &reversals {
                let (_, change) = crate::ledger::entry_change(conn, clock.as_ref(), r)?;
                changes.push(change);
            }
            let mut b = Batch::new(conn, clock.as_ref(), date, &o.number);
            b.return_sold(&moved);
            changes.append(&mut b.changes);
            changes.push(event_change(&event(id, date, "cancel"), clock.as_ref()));
            Ok(changes)
        })?;
        self.order(id)
    }
}
