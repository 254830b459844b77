//! Kasir: a sale (nota) with its lines, discounts and payments, posted in one transaction with
//! its journal entry and stock movements ([`Store::record_sale`]). Prices come from
//! [`Store::price_for`] unless the cashier types one. A nota is never edited; cancelling it
//! ([`Store::cancel_sale`]) is a new nota that reverses every posting and brings the stock back.
//! Numbers are `<device code>-<year>-<seq>`: device codes differ, so two offline tills never
//! issue the same number.

use crate::error::{Lang, Result};
use crate::ledger::{AccountRole, EntryKind, NewEntry, NewLine};
use crate::money::{AmountError, Money, Qty};
use crate::oplog::{ApplyTx, Change, uuid_col};
use crate::stock::{Batch, MovementKind, mul_div, value_at};
use crate::store::Store;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use usahaku_proto::{EntityKind, decode_payload, encode_payload};
use uuid::Uuid;

code_enum!(
    /// How a customer pays.
    PaymentMethod {
        /// Tunai (Kas).
        Cash = "tunai",
        /// Transfer bank.
        Transfer = "transfer",
        /// QRIS (settles to the bank).
        Qris = "qris",
        /// Dompet digital.
        Ewallet = "dompet",
        /// Kartu debit/kredit (settles to the bank).
        Card = "kartu",
    }
);

impl PaymentMethod {
    /// The account a payment of this method goes to when none is chosen.
    pub fn default_role(self) -> AccountRole {
        match self {
            PaymentMethod::Cash => AccountRole::Cash,
            PaymentMethod::Ewallet => AccountRole::Ewallet,
            PaymentMethod::Transfer | PaymentMethod::Qris | PaymentMethod::Card => AccountRole::Bank,
        }
    }
}

/// Why a sale was refused. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaleError {
    /// No items.
    #[error("no lines")]
    NoLines,
    /// A quantity that is not above zero.
    #[error("bad quantity {0}")]
    BadQty(String),
    /// A typed price that is not Rp0 or more.
    #[error("bad price {0}")]
    BadPrice(String),
    /// A discount that is not Rp0 or more, or more than what it discounts.
    #[error("bad discount {0}")]
    BadDiscount(String),
    /// A payment amount that is not above zero.
    #[error("bad payment {0}")]
    BadPayment(String),
    /// Less paid than the total.
    #[error("underpaid")]
    Underpaid {
        /// Total to pay.
        total: Money,
        /// Paid.
        paid: Money,
    },
    /// More paid than the total without cash to give change from.
    #[error("change without cash")]
    ChangeWithoutCash,
    /// The account chosen for a payment is not a money account.
    #[error("bad payment account {0}")]
    PaymentAccount(String),
    /// No such nota.
    #[error("unknown sale")]
    UnknownSale,
    /// The nota was cancelled already, or is itself a cancellation.
    #[error("already cancelled")]
    AlreadyCancelled,
    /// A cancellation or retur nota cannot be returned or cancelled.
    #[error("not a sale")]
    NotASale,
    /// Part of the nota was returned already: the rest is returned, not cancelled.
    #[error("has returns")]
    HasReturns,
    /// No such line on the nota.
    #[error("unknown line {0}")]
    UnknownLine(usize),
    /// More taken back than is left of the line.
    #[error("return too many")]
    ReturnTooMany {
        /// Item.
        name: String,
        /// Sold on the nota.
        sold: Qty,
        /// Returned before.
        returned: Qty,
        /// Asked for now.
        asked: Qty,
    },
}

impl SaleError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            SaleError::NoLines => "no_lines",
            SaleError::BadQty(_) => "bad_qty",
            SaleError::BadPrice(_) => "bad_price",
            SaleError::BadDiscount(_) => "bad_discount",
            SaleError::BadPayment(_) => "bad_payment",
            SaleError::Underpaid { .. } => "underpaid",
            SaleError::ChangeWithoutCash => "change_without_cash",
            SaleError::PaymentAccount(_) => "payment_account",
            SaleError::UnknownSale => "unknown_sale",
            SaleError::AlreadyCancelled => "already_cancelled",
            SaleError::NotASale => "not_a_sale",
            SaleError::HasReturns => "has_returns",
            SaleError::UnknownLine(_) => "unknown_line",
            SaleError::ReturnTooMany { .. } => "return_too_many",
        }
    }

    /// The input field the error is about.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            SaleError::NoLines
            | SaleError::BadQty(_)
            | SaleError::UnknownLine(_)
            | SaleError::ReturnTooMany { .. } => "lines",
            SaleError::BadPrice(_) => "price",
            SaleError::BadDiscount(_) => "discount",
            SaleError::BadPayment(_)
            | SaleError::Underpaid { .. }
            | SaleError::ChangeWithoutCash
            | SaleError::PaymentAccount(_) => "payments",
            SaleError::UnknownSale
            | SaleError::AlreadyCancelled
            | SaleError::NotASale
            | SaleError::HasReturns => {
                return None;
            }
        })
    }

    /// A message for the user.
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            SaleError::NoLines if id => "Belum ada barang di nota. Pindai atau cari produk dulu.".into(),
            SaleError::NoLines => "No items on the receipt yet. Scan or search a product first.".into(),
            SaleError::BadQty(q) if id => format!("Jumlah \"{q}\" tidak benar. Tulis angka lebih dari 0."),
            SaleError::BadQty(q) => format!("Quantity \"{q}\" is not right. Write a number above 0."),
            SaleError::BadPrice(p) if id => format!("Harga \"{p}\" tidak benar. Tulis angka Rp0 atau lebih."),
            SaleError::BadPrice(p) => format!("Price \"{p}\" is not right. Write Rp0 or more."),
            SaleError::BadDiscount(d) if id => {
                format!("Diskon \"{d}\" tidak benar: tulis Rp0 atau lebih, dan tidak lebih dari harganya.")
            }
            SaleError::BadDiscount(d) => format!("Discount \"{d}\" is not right: Rp0 or more, and not more than the price."),
            SaleError::BadPayment(p) if id => format!("Jumlah bayar \"{p}\" tidak benar. Tulis angka lebih dari Rp0."),
            SaleError::BadPayment(p) => format!("Payment \"{p}\" is not right. Write more than Rp0."),
            SaleError::Underpaid { total, paid } if id => {
                format!("Pembayaran kurang: total {total}, dibayar {paid}. Kurang {}.", total.checked_sub(*paid).unwrap_or(*total))
            }
            SaleError::Underpaid { total, paid } => {
                format!("Not enough paid: total {total}, paid {paid}. {} short.", total.checked_sub(*paid).unwrap_or(*total))
            }
            SaleError::ChangeWithoutCash if id => {
                "Dibayar lebih dari total, tetapi tidak ada uang tunai untuk kembalian. Sesuaikan jumlah non-tunai.".into()
            }
            SaleError::ChangeWithoutCash => {
                "More paid than the total, but no cash to give change from. Lower the non-cash amount.".into()
            }
            SaleError::PaymentAccount(a) if id => format!("\"{a}\" bukan akun kas, bank atau dompet digital."),
            SaleError::PaymentAccount(a) => format!("\"{a}\" is not a cash, bank or e-wallet account."),
            SaleError::UnknownSale if id => "Nota tidak ditemukan.".into(),
            SaleError::UnknownSale => "Receipt not found.".into(),
            SaleError::AlreadyCancelled if id => "Nota ini sudah dibatalkan (atau memang nota pembatalan).".into(),
            SaleError::AlreadyCancelled => "This receipt is cancelled already (or is a cancellation).".into(),
            SaleError::NotASale if id => "Nota pembatalan atau retur tidak bisa dibatalkan atau diretur lagi.".into(),
            SaleError::NotASale => "A cancellation or return receipt cannot be cancelled or returned.".into(),
            SaleError::HasReturns if id => {
                "Sebagian barang nota ini sudah diretur. Retur sisa barangnya, bukan membatalkan nota.".into()
            }
            SaleError::HasReturns => "Part of this receipt was returned already. Return the rest instead of cancelling.".into(),
            SaleError::UnknownLine(n) if id => format!("Baris {n} tidak ada di nota ini."),
            SaleError::UnknownLine(n) => format!("Line {n} is not on this receipt."),
            SaleError::ReturnTooMany { name, sold, returned, asked } if id => format!(
                "Retur {name} {asked} melebihi yang bisa dikembalikan: dijual {sold}, sudah diretur {returned}, sisa {}.",
                sold.checked_sub(*returned).unwrap_or(Qty::ZERO)
            ),
            SaleError::ReturnTooMany { name, sold, returned, asked } => format!(
                "Returning {asked} of {name} is more than can be taken back: sold {sold}, returned before {returned}, {} left.",
                sold.checked_sub(*returned).unwrap_or(Qty::ZERO)
            ),
        }
    }
}

/// A line of a sale, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SaleLineInput {
    /// The product (id, SKU or barcode).
    pub product: String,
    /// Jumlah as typed.
    pub qty: String,
    /// Harga per unit as typed; empty for the resolved price (grosir, promo).
    pub price: String,
    /// Diskon for the line in Rupiah as typed; empty for none.
    pub discount: String,
}

/// A payment, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SalePaymentInput {
    /// How.
    pub method: PaymentMethod,
    /// Amount as typed (for tunai: what the customer handed over).
    pub amount: String,
    /// The account (id, code or name); empty for the method's usual one.
    pub account: String,
}

/// A sale, as typed at the cashier.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SaleInput {
    /// Date; empty for today.
    pub date: String,
    /// Items.
    pub lines: Vec<SaleLineInput>,
    /// Diskon for the whole nota in Rupiah; empty for none.
    pub discount: String,
    /// Payments (one or several: split payment).
    pub payments: Vec<SalePaymentInput>,
    /// Customer name (or phone), optional.
    pub customer: String,
    /// Catatan.
    pub note: String,
    /// A customer from the customer list (id, phone or name); empty for none.
    #[serde(default)]
    pub customer_id: String,
    /// Loyalty points the customer redeems as a discount; empty for none.
    #[serde(default)]
    pub redeem_points: String,
    /// A promo code; empty for none.
    #[serde(default)]
    pub promo_code: String,
}

/// A line taken back, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReturnLineInput {
    /// The line on the nota, from 1.
    pub line: u32,
    /// Jumlah as typed; empty or 0 leaves the line.
    pub qty: String,
}

/// A retur, as typed: what comes back and how the money goes back.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReturnInput {
    /// What comes back.
    pub lines: Vec<ReturnLineInput>,
    /// How the refund is paid.
    pub method: PaymentMethod,
    /// The account the refund comes out of (id, code or name); empty for the method's usual one.
    pub account: String,
    /// Alasan.
    pub reason: String,
    /// Barang rusak: the goods do not go back on the shelf. They come back into stock and are
    /// written off at once (penyesuaian "rusak"), their cost moved from HPP to Beban selisih
    /// persediaan. Goods whose stock is not counted have nothing to write off: for them the
    /// retur is an ordinary one (and [`Sale::damaged`] stays false).
    #[serde(default)]
    pub damaged: bool,
}

/// A retur worked out and checked, before anything is written.
struct ReturnPlan {
    original: Sale,
    /// The lines taken back (negative quantities).
    lines: Vec<SaleLine>,
    /// For each, its line number on the original.
    origins: Vec<u32>,
    refund: Money,
    /// Penjualan taken back (Σ price × quantity).
    gross_back: Money,
    /// Line discounts and the nota discount's share, taken back.
    discount_back: Money,
    order_share: i64,
    account: Uuid,
    reason: String,
}

/// A line as priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SaleLine {
    /// Product.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub product: Uuid,
    /// Name at the time of sale.
    pub name: String,
    /// Satuan.
    pub unit: String,
    /// Jumlah (negative on a cancellation).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub qty: Qty,
    /// Harga per unit.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub unit_price: Money,
    /// Where the price came from: normal, grosir, promo, or manual.
    pub price_source: String,
    /// Diskon baris.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub discount: Money,
    /// Jumlah × harga − diskon.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total: Money,
    /// HPP of the line (zero until posted, and for untracked products).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub cost: Money,
    /// On a sale: how much of the line was taken back by retur notas.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub returned: Qty,
}

/// A payment as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SalePayment {
    /// How.
    pub method: String,
    /// Into which account.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub account: Uuid,
    /// Amount handed over.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub amount: Money,
}

/// A sale priced and checked: what the cashier screen shows before paying, and what a nota
/// holds after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Sale {
    /// Id (nil for a quote).
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: Uuid,
    /// Nomor nota (empty for a quote).
    pub number: String,
    /// Date.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// Items.
    pub lines: Vec<SaleLine>,
    /// Σ jumlah × harga.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub subtotal: Money,
    /// Diskon baris + diskon nota.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub discount: Money,
    /// Diskon nota.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub order_discount: Money,
    /// Total to pay.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total: Money,
    /// Payments.
    pub payments: Vec<SalePayment>,
    /// Σ payments.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub paid: Money,
    /// Kembalian.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub change: Money,
    /// Customer.
    pub customer: String,
    /// Catatan.
    pub note: String,
    /// The journal entry.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub entry: Option<Uuid>,
    /// For a cancellation: the nota it cancels.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub reverses: Option<Uuid>,
    /// For a cancelled nota: its cancellation.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub cancelled_by: Option<Uuid>,
    /// A retur nota (with `reverses`: the sale it takes back from).
    pub is_return: bool,
    /// For a sale: the numbers of its retur notas.
    pub returns: Vec<String>,
    /// For a retur: the goods were damaged and written off, not put back for sale.
    pub damaged: bool,
    /// The customer from the customer list.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub customer_id: Option<Uuid>,
    /// Loyalty points earned with this nota (negative on a cancellation or retur).
    pub points_earned: i64,
    /// Loyalty points redeemed as a discount on this nota.
    pub points_redeemed: i64,
    /// The promo code used, if any.
    pub promo: Option<String>,
    /// What the promo took off (part of the nota discount).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub promo_discount: Money,
}

/// The op payload of a sale. **Frozen** (postcard, by position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct SalePayload {
    number: String,
    date: String,
    lines: Vec<LinePayload>,
    order_discount: i64,
    /// (method, account, amount handed over)
    payments: Vec<(String, Uuid, i64)>,
    change: i64,
    customer: String,
    note: String,
    entry: Option<Uuid>,
    reverses: Option<Uuid>,
}

/// A line of [`SalePayload`]. **Frozen** (postcard, by position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct LinePayload {
    product: Uuid,
    name: String,
    unit: String,
    /// Thousandths of the unit (negative on a cancellation).
    qty: i64,
    unit_price: i64,
    discount: i64,
    /// HPP of the line.
    cost: i64,
    /// normal, grosir, promo or manual.
    source: String,
}

fn money_or_zero(text: &str, err: impl Fn(String) -> SaleError) -> std::result::Result<Money, SaleError> {
    match Money::parse(text) {
        Err(AmountError::Empty) => Ok(Money::ZERO),
        Ok(m) if m >= Money::ZERO => Ok(m),
        _ => Err(err(text.trim().to_owned())),
    }
}

fn sum(values: impl IntoIterator<Item = Money>) -> Result<Money> {
    let mut total = Money::ZERO;
    for v in values {
        total = total.checked_add(v)?;
    }
    Ok(total)
}

/// The op payload of a retur ([`EntityKind::SaleReturn`]). **Frozen** (postcard, by position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct ReturnPayload {
    /// The retur as a nota: negative quantities, the refund as a negative payment, `reverses`
    /// the sale it takes back from.
    sale: SalePayload,
    /// For each line, the line number on that sale it takes back.
    origins: Vec<u32>,
    /// The sale's customer from the customer list.
    customer: Option<Uuid>,
}

/// Orders delivered in `?1..=?2` (sign 1), and orders cancelled in it after their delivery
/// (sign −1), with the delivery's journal entry: a CTE for the sales report.
pub(crate) const DELIVERED: &str = "delivered AS (
    SELECT e.order_id, e.date, e.entry_id, 1 AS sign FROM order_event e
    WHERE e.kind = 'status' AND e.entry_id IS NOT NULL AND e.date BETWEEN ?1 AND ?2
    UNION ALL
    SELECT c.order_id, c.date, d.entry_id, -1 FROM order_event c
    JOIN order_event d ON d.order_id = c.order_id AND d.kind = 'status' AND d.entry_id IS NOT NULL
    WHERE c.kind = 'cancel' AND c.date BETWEEN ?1 AND ?2)";

/// Writes a sale op's rows (idempotent through the op log).
pub(crate) fn apply_sale(atx: &ApplyTx<'_>) -> Result<()> {
    let bytes = &atx.op().payload;
    let (p, link) = decode_sale(bytes)?;
    insert_sale(atx, &p, None, link)
}

/// What follows a nota's frozen fields, when anything: its customer, then its promo and the
/// discount the promo gave. Older apps read the nota and ignore the rest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct SaleLink {
    pub(crate) customer: Option<Uuid>,
    pub(crate) promo: Option<Uuid>,
    pub(crate) promo_discount: i64,
}

fn decode_sale(bytes: &[u8]) -> Result<(SalePayload, SaleLink)> {
    if let Ok((p, customer, promo, promo_discount)) =
        decode_payload::<(SalePayload, Option<Uuid>, Option<Uuid>, i64)>(bytes)
    {
        return Ok((p, SaleLink { customer, promo, promo_discount }));
    }
    if let Ok((p, customer)) = decode_payload::<(SalePayload, Option<Uuid>)>(bytes) {
        return Ok((p, SaleLink { customer, ..SaleLink::default() }));
    }
    let p = decode_payload::<SalePayload>(bytes).map_err(|e| crate::CoreError::Corrupt(e.to_string()))?;
    Ok((p, SaleLink::default()))
}

fn encode_sale(p: &SalePayload, link: SaleLink) -> Vec<u8> {
    match link {
        SaleLink { promo: Some(promo), .. } => {
            encode_payload(&(p, link.customer, Some(promo), link.promo_discount))
        }
        SaleLink { customer: Some(c), .. } => encode_payload(&(p, Some(c))),
        _ => encode_payload(p),
    }
}

/// Writes a retur op's rows (idempotent through the op log).
pub(crate) fn apply_return(atx: &ApplyTx<'_>) -> Result<()> {
    let p: ReturnPayload =
        decode_payload(&atx.op().payload).map_err(|e| crate::CoreError::Corrupt(e.to_string()))?;
    insert_sale(atx, &p.sale, Some(&p.origins), SaleLink { customer: p.customer, ..SaleLink::default() })
}

fn insert_sale(atx: &ApplyTx<'_>, p: &SalePayload, origins: Option<&[u32]>, link: SaleLink) -> Result<()> {
    let op = atx.op();
    let conn = atx.conn();
    let id = op.entity_id.as_bytes().as_slice();
    let (code, year, seq) = split_number(&p.number);
    let mut subtotal = 0i64;
    let mut line_discounts = 0i64;
    for l in &p.lines {
        subtotal = subtotal.saturating_add(
            Money::from_rupiah(l.unit_price).checked_mul_qty(Qty::from_thousandths(l.qty))?.rupiah(),
        );
        line_discounts = line_discounts.saturating_add(l.discount);
    }
    let discount = line_discounts.saturating_add(p.order_discount);
    let total = subtotal.saturating_sub(discount);
    let paid = p.payments.iter().fold(0i64, |a, x| a.saturating_add(x.2));
    let n = conn
        .prepare_cached(
            "INSERT INTO sale (id, number, device_code, year, seq, date, hlc, subtotal, discount, total, paid, change,
                customer, note, entry_id, reverses, is_return, customer_id, promo_id, promo_discount)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
             ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            id,
            p.number,
            code,
            year,
            seq,
            p.date,
            op.hlc.to_sortable(),
            subtotal,
            discount,
            total,
            paid,
            p.change,
            p.customer,
            p.note,
            p.entry.map(|u| u.as_bytes().to_vec()),
            p.reverses.map(|u| u.as_bytes().to_vec()),
            origins.is_some(),
            link.customer.map(|u| u.as_bytes().to_vec()),
            link.promo.map(|u| u.as_bytes().to_vec()),
            link.promo_discount,
        ])?;
    if n == 0 {
        return Ok(());
    }
    // A cancelled nota is marked, whichever of the two arrived first (customer figures read it).
    if let (Some(original), None) = (p.reverses, origins) {
        conn.prepare_cached("UPDATE sale SET cancelled = 1 WHERE id = ?1")?
            .execute([original.as_bytes().as_slice()])?;
    }
    conn.prepare_cached(
        "UPDATE sale SET cancelled = 1 WHERE id = ?1
           AND EXISTS (SELECT 1 FROM sale c WHERE c.reverses = ?1 AND NOT c.is_return)",
    )?
    .execute([id])?;
    let mut line = conn.prepare_cached(
        "INSERT INTO sale_line (sale_id, line_no, product_id, name, qty, unit_price, discount, total, cost, origin_line)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, l) in p.lines.iter().enumerate() {
        let gross = Money::from_rupiah(l.unit_price).checked_mul_qty(Qty::from_thousandths(l.qty))?.rupiah();
        line.execute(params![
            id,
            i as i64,
            l.product.as_bytes().as_slice(),
            l.name,
            l.qty,
            l.unit_price,
            l.discount,
            gross.saturating_sub(l.discount),
            l.cost,
            origins.and_then(|o| o.get(i)).map(|n| i64::from(*n)),
        ])?;
    }
    let mut pay = conn.prepare_cached(
        "INSERT INTO sale_payment (sale_id, line_no, method, account_id, amount) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    // What each method brought in: the change comes out of the cash handed over.
    let mut change_left = p.change;
    for (i, (method, account, amount)) in p.payments.iter().enumerate() {
        let mut net = *amount;
        if method == PaymentMethod::Cash.code() && change_left != 0 {
            let take =
                if change_left > 0 { change_left.min(net.max(0)) } else { change_left.max(net.min(0)) };
            net -= take;
            change_left -= take;
        }
        pay.execute(params![id, i as i64, method, account.as_bytes().as_slice(), net])?;
    }
    Ok(())
}

/// `A-2026-000123` → ("A", 2026, 123).
fn split_number(number: &str) -> (String, i64, i64) {
    let mut parts = number.rsplitn(3, '-');
    let seq = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let year = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    (parts.next().unwrap_or_default().to_owned(), year, seq)
}

/// The next nota number of this device for `year`, read inside the write transaction.
fn next_number(conn: &Connection, year: i16) -> Result<String> {
    let code: String = conn
        .prepare_cached("SELECT device_code FROM device WHERE singleton = 1")?
        .query_row([], |r| r.get(0))?;
    let seq: i64 = conn
        .prepare_cached("SELECT COALESCE(MAX(seq), 0) + 1 FROM sale WHERE device_code = ?1 AND year = ?2")?
        .query_row(params![code, year], |r| r.get(0))?;
    Ok(format!("{code}-{year}-{seq:06}"))
}

/// Daily totals for closing the cash drawer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DailyRecap {
    /// The day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// Notas issued (not counting cancellations).
    pub sales: u32,
    /// Cancellations.
    pub cancelled: u32,
    /// Retur notas.
    pub returns: u32,
    /// Net sales (after discounts, less cancellations).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total: Money,
    /// Diskon given.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub discount: Money,
    /// Received per method (cash net of change and refunds).
    pub by_method: Vec<(String, i64)>,
    /// Cash that should be in the drawer from sales (tunai in, net).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub cash_expected: Money,
}

/// What the nota and the cashier's QRIS show, set by the owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ShopSettings {
    /// The shop's static QRIS, checked, if set.
    pub qris: Option<crate::qris::Qris>,
    /// The payload as stored (empty when not set).
    pub qris_payload: String,
    /// The line at the foot of every nota.
    pub receipt_footer: String,
}

/// One day of a sales report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DaySales {
    /// The day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date: Date,
    /// Notas and orders delivered (cancellations and returns not counted).
    pub sales: u32,
    /// Net total.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total: Money,
}

/// Sales of one channel over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChannelSales {
    /// The channel's code (`toko` for the cashier's notas; see [`crate::orders::Channel`]).
    pub channel: String,
    /// Notas or orders (cancellations not counted).
    pub count: u32,
    /// Net total (orders with their ongkir).
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total: Money,
}

/// Sales of one product (or category) over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ItemSales {
    /// Product name, or the category (empty: no category).
    pub name: String,
    /// Quantity sold, net of cancellations.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub qty: Qty,
    /// Revenue after line discounts.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub revenue: Money,
    /// HPP.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub cost: Money,
}

/// Laporan transaksi for a period (a month): per day, per method, per product, per category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SalesReport {
    /// First day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub from: Date,
    /// Last day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub to: Date,
    /// Notas and orders delivered.
    pub sales: u32,
    /// Net total: notas less cancellations and returns, plus orders delivered (with their
    /// ongkir) less orders cancelled after delivery.
    #[cfg_attr(feature = "specta", specta(type = i64))]
    pub total: Money,
    /// Orders delivered in the period.
    pub orders: u32,
    /// Days with sales.
    pub days: Vec<DaySales>,
    /// Per channel (the cashier's notas are `toko`), biggest first.
    pub by_channel: Vec<ChannelSales>,
    /// Received per method.
    pub by_method: Vec<(String, i64)>,
    /// Per product, best first.
    pub by_product: Vec<ItemSales>,
    /// Per category, best first.
    pub by_category: Vec<ItemSales>,
}

impl Store {
    /// Laporan transaksi from `from` to `to` (inclusive).
    pub fn sales_report(&self, from: Date, to: Date) -> Result<SalesReport> {
        let (lo, hi) = (from.to_string(), to.to_string());
        let mut days = Vec::new();
        let mut stmt = self.conn.prepare_cached(&format!(
            "WITH {DELIVERED}
             SELECT date, SUM(n), SUM(t) FROM (
                SELECT date, reverses IS NULL AS n, total AS t FROM sale WHERE date BETWEEN ?1 AND ?2
                UNION ALL
                SELECT d.date, d.sign > 0, d.sign * o.total FROM delivered d JOIN customer_order o ON o.id = d.order_id)
             GROUP BY date ORDER BY date"
        ))?;
        for r in stmt.query_map([&lo, &hi], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
        })? {
            let (d, n, t) = r?;
            days.push(DaySales {
                date: d.parse().map_err(|_| crate::CoreError::Corrupt(format!("sale date {d}")))?,
                sales: u32::try_from(n).unwrap_or(u32::MAX),
                total: Money::from_rupiah(t),
            });
        }
        // Money in: the notas' payments, and order payments received (a transfer once verified).
        let by_method: Vec<(String, i64)> = self
            .conn
            .prepare_cached(
                "SELECT method, SUM(amount) FROM (
                    SELECT p.method, p.amount FROM sale_payment p JOIN sale s ON s.id = p.sale_id
                    WHERE s.date BETWEEN ?1 AND ?2
                    UNION ALL
                    SELECT e.method, e.amount FROM order_event e WHERE e.kind = 'payment' AND e.date BETWEEN ?1 AND ?2
                      AND (NOT e.pending OR EXISTS (SELECT 1 FROM order_event v WHERE v.kind = 'verify' AND v.target = e.id))
                    UNION ALL
                    -- An order cancelled in the period refunds what was received on it.
                    SELECT e.method, -e.amount FROM order_event e
                    JOIN order_event c ON c.order_id = e.order_id AND c.kind = 'cancel' AND c.date BETWEEN ?1 AND ?2
                    WHERE e.kind = 'payment'
                      AND (NOT e.pending OR EXISTS (SELECT 1 FROM order_event v WHERE v.kind = 'verify' AND v.target = e.id)))
                 GROUP BY method ORDER BY 2 DESC",
            )?
            .query_map([&lo, &hi], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut by_channel: Vec<ChannelSales> = Vec::new();
        let mut stmt = self.conn.prepare_cached(&format!(
            "WITH {DELIVERED}
             SELECT channel, SUM(n), SUM(t) FROM (
                SELECT 'toko' AS channel, reverses IS NULL AS n, total AS t FROM sale WHERE date BETWEEN ?1 AND ?2
                UNION ALL
                SELECT o.channel, d.sign > 0, d.sign * o.total FROM delivered d JOIN customer_order o ON o.id = d.order_id)
             GROUP BY channel ORDER BY 3 DESC, 1"
        ))?;
        for r in stmt.query_map([&lo, &hi], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
        })? {
            let (channel, n, t) = r?;
            by_channel.push(ChannelSales {
                channel,
                count: u32::try_from(n).unwrap_or(u32::MAX),
                total: Money::from_rupiah(t),
            });
        }
        let orders: i64 = self
            .conn
            .prepare_cached(&format!(
                "WITH {DELIVERED} SELECT COUNT(*) FILTER (WHERE sign > 0) FROM delivered"
            ))?
            .query_row([&lo, &hi], |r| r.get(0))?;
        // One pass over the lines, per product (with its category); categories summed here.
        let mut by_product: Vec<ItemSales> = Vec::new();
        let mut categories: std::collections::HashMap<String, ItemSales> = std::collections::HashMap::new();
        // Order lines at delivery: revenue after the line discount, HPP from the stock that
        // went out with the delivery.
        let mut stmt = self.conn.prepare_cached(&format!(
            "WITH {DELIVERED},
             lines AS (
                SELECT l.product_id, l.name, l.qty, l.total, l.cost FROM sale s JOIN sale_line l ON l.sale_id = s.id
                WHERE s.date BETWEEN ?1 AND ?2
                UNION ALL
                SELECT l.product_id, l.name, d.sign * l.qty, d.sign * ((l.qty * l.unit_price + 500) / 1000 - l.discount),
                       d.sign * COALESCE((SELECT -SUM(m.value) FROM stock_movement m
                                          WHERE m.entry_id = d.entry_id AND m.product_id = l.product_id AND m.kind = 'sale'), 0)
                         -- shared by the order's lines of the same product
                         * l.qty / (SELECT SUM(l2.qty) FROM order_line l2
                                    WHERE l2.order_id = l.order_id AND l2.product_id = l.product_id)
                FROM delivered d JOIN order_line l ON l.order_id = d.order_id)
             SELECT MAX(x.name), COALESCE(MAX(p.category), ''), SUM(x.qty), SUM(x.total), SUM(x.cost)
             FROM lines x LEFT JOIN product p ON p.id = x.product_id GROUP BY x.product_id"
        ))?;
        for r in stmt.query_map([&lo, &hi], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })? {
            let (name, category, qty, revenue, cost) = r?;
            let c = categories.entry(category.clone()).or_insert(ItemSales {
                name: category,
                qty: Qty::ZERO,
                revenue: Money::ZERO,
                cost: Money::ZERO,
            });
            c.qty = c.qty.checked_add(Qty::from_thousandths(qty))?;
            c.revenue = c.revenue.checked_add(Money::from_rupiah(revenue))?;
            c.cost = c.cost.checked_add(Money::from_rupiah(cost))?;
            by_product.push(ItemSales {
                name,
                qty: Qty::from_thousandths(qty),
                revenue: Money::from_rupiah(revenue),
                cost: Money::from_rupiah(cost),
            });
        }
        by_product.sort_by(|a, b| b.revenue.cmp(&a.revenue).then_with(|| a.name.cmp(&b.name)));
        let mut by_category: Vec<ItemSales> = categories.into_values().collect();
        by_category.sort_by(|a, b| b.revenue.cmp(&a.revenue).then_with(|| a.name.cmp(&b.name)));
        Ok(SalesReport {
            from,
            to,
            sales: days.iter().map(|d| d.sales).sum(),
            total: sum(days.iter().map(|d| d.total))?,
            orders: u32::try_from(orders).unwrap_or(u32::MAX),
            days,
            by_channel,
            by_method,
            by_product,
            by_category,
        })
    }

    /// The QRIS and nota settings.
    pub fn shop_settings(&self) -> Result<ShopSettings> {
        let (qris, footer): (Option<String>, Option<String>) = self
            .conn
            .prepare_cached("SELECT qris, receipt_footer FROM business_profile WHERE id = ?1")?
            .query_row([self.business_id.as_bytes().as_slice()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .unwrap_or((None, None));
        let payload = qris.unwrap_or_default();
        Ok(ShopSettings {
            qris: (!payload.is_empty()).then(|| crate::qris::parse(&payload).ok()).flatten(),
            qris_payload: payload,
            receipt_footer: footer.unwrap_or_else(|| "Terima kasih atas kunjungan Anda.".into()),
        })
    }

    /// Sets the shop's static QRIS (checked first; an empty text removes it).
    pub fn set_qris(&mut self, payload: &str) -> Result<ShopSettings> {
        let t: String = payload.chars().filter(|c| !c.is_whitespace() || *c == ' ').collect();
        let t = t.trim();
        if !t.is_empty() {
            crate::qris::parse(t)?;
        }
        self.set_profile_text("qris", t)
    }

    /// Sets the line at the foot of every nota.
    pub fn set_receipt_footer(&mut self, text: &str) -> Result<ShopSettings> {
        let t: String = text.trim().chars().filter(|c| !c.is_control()).take(120).collect();
        self.set_profile_text("receipt_footer", &t)
    }

    fn set_profile_text(&mut self, field: &str, value: &str) -> Result<ShopSettings> {
        let patch = usahaku_proto::LwwPatch {
            fields: vec![(field.to_owned(), usahaku_proto::FieldValue::Text(value.to_owned()))],
        };
        self.commit(Change::Lww { entity: EntityKind::BusinessProfile, entity_id: self.business_id, patch })?;
        self.shop_settings()
    }

    /// Prices and checks a sale without writing anything: what the cashier screen shows.
    pub fn quote_sale(&self, input: &SaleInput) -> Result<Sale> {
        let date = self.date_or_today(&input.date)?;
        if input.lines.iter().all(|l| l.product.trim().is_empty()) {
            return Err(SaleError::NoLines.into());
        }
        let mut lines = Vec::new();
        for l in input.lines.iter().filter(|l| !l.product.trim().is_empty()) {
            let p = self.find_product(&l.product)?;
            let qty = match Qty::parse(&l.qty) {
                Ok(q) if q > Qty::ZERO => q,
                Err(AmountError::Empty) => Qty::from_thousandths(1000),
                _ => return Err(SaleError::BadQty(l.qty.trim().to_owned()).into()),
            };
            let (unit_price, source) = if l.price.trim().is_empty() {
                let q = self.price_for(p.id, qty, date)?;
                (q.unit_price, q.source.code().to_owned())
            } else {
                (money_or_zero(&l.price, SaleError::BadPrice)?, "manual".to_owned())
            };
            let gross = unit_price.checked_mul_qty(qty)?;
            let discount = money_or_zero(&l.discount, SaleError::BadDiscount)?;
            if discount > gross {
                return Err(SaleError::BadDiscount(l.discount.trim().to_owned()).into());
            }
            lines.push(SaleLine {
                product: p.id,
                name: p.name,
                unit: p.unit,
                qty,
                unit_price,
                price_source: source,
                discount,
                total: gross.checked_sub(discount)?,
                cost: Money::ZERO,
                returned: Qty::ZERO,
            });
        }
        let subtotal = sum(lines
            .iter()
            .map(|l| l.unit_price.checked_mul_qty(l.qty))
            .collect::<std::result::Result<Vec<_>, _>>()?)?;
        let after_lines = sum(lines.iter().map(|l| l.total))?;
        let mut order_discount = money_or_zero(&input.discount, SaleError::BadDiscount)?;
        if order_discount > after_lines {
            return Err(SaleError::BadDiscount(input.discount.trim().to_owned()).into());
        }
        // A known customer: loyalty points redeemed are a discount on the nota.
        let known = if input.customer_id.trim().is_empty() {
            None
        } else {
            Some(self.find_customer(&input.customer_id)?)
        };
        // A promo code: its discount joins the nota discount.
        let promo = if input.promo_code.trim().is_empty() {
            None
        } else {
            let (p, off) =
                self.promo_code_discount(&input.promo_code, date, known.as_ref().map(|c| c.id), after_lines)?;
            // Never more than what is left after the typed discount (what the promo really took).
            let off = off.min(after_lines.checked_sub(order_discount)?);
            order_discount = order_discount.checked_add(off)?;
            Some((p, off))
        };
        let loyalty = self.crm_settings()?;
        let redeem = match input.redeem_points.trim() {
            "" => 0,
            t => t
                .replace('.', "")
                .parse::<i64>()
                .ok()
                .filter(|p| *p >= 0)
                .ok_or_else(|| crate::crm::CrmError::BadPoints(t.to_owned()))?,
        };
        if redeem > 0 {
            let Some(c) = &known else { return Err(crate::crm::CrmError::LoyaltyOff.into()) };
            if loyalty.rupiah_per_point == 0 || loyalty.point_value == 0 {
                return Err(crate::crm::CrmError::LoyaltyOff.into());
            }
            let have = self.points_balance(c.id)?;
            if redeem > have {
                return Err(crate::crm::CrmError::NotEnoughPoints { have, asked: redeem }.into());
            }
            let value =
                Money::from_rupiah(redeem.checked_mul(loyalty.point_value).ok_or(AmountError::Overflow)?);
            order_discount = order_discount.checked_add(value)?;
            if order_discount > after_lines {
                return Err(crate::crm::CrmError::BadPoints(input.redeem_points.trim().to_owned()).into());
            }
        }
        let total = after_lines.checked_sub(order_discount)?;
        let points_earned = match &known {
            Some(_) if loyalty.rupiah_per_point > 0 => total.rupiah() / loyalty.rupiah_per_point,
            _ => 0,
        };
        let mut payments = Vec::new();
        for pay in &input.payments {
            let amount = match Money::parse(&pay.amount) {
                Ok(a) if a > Money::ZERO => a,
                _ => return Err(SaleError::BadPayment(pay.amount.trim().to_owned()).into()),
            };
            let account = if pay.account.trim().is_empty() {
                self.account_by_role(pay.method.default_role())?
            } else {
                self.find_account(&pay.account)?
            };
            if !account.role.is_money() || account.archived {
                return Err(SaleError::PaymentAccount(account.name).into());
            }
            payments.push(SalePayment { method: pay.method.code().into(), account: account.id, amount });
        }
        let paid = sum(payments.iter().map(|p| p.amount))?;
        let change = paid.checked_sub(total)?.max(Money::ZERO);
        let cash = sum(payments.iter().filter(|p| p.method == PaymentMethod::Cash.code()).map(|p| p.amount))?;
        if change > cash {
            return Err(SaleError::ChangeWithoutCash.into());
        }
        Ok(Sale {
            id: Uuid::nil(),
            number: String::new(),
            date,
            lines,
            subtotal,
            discount: subtotal.checked_sub(total)?,
            order_discount,
            total,
            payments,
            paid,
            change,
            customer: match (&known, input.customer.trim()) {
                (Some(c), "") => c.name.clone(),
                (_, typed) => typed.chars().filter(|c| !c.is_control()).take(120).collect(),
            },
            note: input.note.trim().chars().filter(|c| !c.is_control()).take(300).collect(),
            entry: None,
            reverses: None,
            cancelled_by: None,
            is_return: false,
            returns: Vec::new(),
            damaged: false,
            customer_id: known.map(|c| c.id),
            points_earned,
            points_redeemed: redeem,
            promo_discount: promo.as_ref().map_or(Money::ZERO, |(_, off)| *off),
            promo: promo.map(|(p, _)| p.code),
        })
    }

    /// Records a paid sale: the nota, its journal entry (payments, Penjualan, Diskon
    /// penjualan, HPP / Persediaan) and the stock taken out, in one transaction.
    pub fn record_sale(&mut self, input: &SaleInput) -> Result<Sale> {
        let quote = self.quote_sale(input)?;
        if quote.paid < quote.total {
            return Err(SaleError::Underpaid { total: quote.total, paid: quote.paid }.into());
        }
        let promo_id = self.running_promo_code(quote.promo.as_deref(), quote.date)?;
        let sales = self.account_by_role(AccountRole::Sales)?.id;
        let discount_account = self.account_by_role(AccountRole::SalesDiscount)?.id;
        let cogs = self.account_by_role(AccountRole::Cogs)?.id;
        let inventory = self.account_by_role(AccountRole::Inventory)?.id;
        // What leaves the shelf for each line (a paket: its components).
        let mut takes: Vec<Vec<(Uuid, i64)>> = Vec::new();
        for l in &quote.lines {
            let p = self.product(l.product)?;
            takes.push(self.shelf_parts(&p, l.qty.thousandths())?);
        }
        let clock = self.clock.clone();
        let mut sale = quote;
        let ops = self.commit_built(|conn| {
            let number = next_number(conn, sale.date.year())?;
            let mut costs = Vec::with_capacity(takes.len());
            for out in &takes {
                let mut cost = Money::ZERO;
                for (product, q) in out {
                    cost =
                        cost.checked_add(Money::from_rupiah(-value_at(conn, *product, sale.date, -q)?.0))?;
                }
                costs.push(cost);
            }
            let cost_total = sum(costs.iter().copied())?;
            let mut lines = Vec::new();
            let mut change_left = sale.change;
            for p in &sale.payments {
                let mut amount = p.amount;
                if p.method == PaymentMethod::Cash.code() {
                    let take = change_left.min(amount);
                    amount = amount.checked_sub(take)?;
                    change_left = change_left.checked_sub(take)?;
                }
                if amount > Money::ZERO {
                    lines.push(NewLine::debit(p.account, amount));
                }
            }
            if sale.discount > Money::ZERO {
                lines.push(NewLine::debit(discount_account, sale.discount));
            }
            if sale.subtotal > Money::ZERO {
                lines.push(NewLine::credit(sales, sale.subtotal));
            }
            if cost_total > Money::ZERO {
                lines.push(NewLine::debit(cogs, cost_total));
                lines.push(NewLine::credit(inventory, cost_total));
            }
            let mut b = Batch::new(conn, clock.as_ref(), sale.date, &number);
            b.entry((lines.len() >= 2).then(|| NewEntry {
                date: sale.date,
                kind: EntryKind::Sale,
                memo: format!("Penjualan {number}"),
                counterparty: (!sale.customer.is_empty()).then(|| sale.customer.clone()),
                due_date: None,
                settles: None,
                reverses: None,
                lines,
            }))?;
            for out in &takes {
                for (product, q) in out {
                    b.movement(*product, MovementKind::Sale, -q, None, "", None);
                }
            }
            for (l, c) in sale.lines.iter_mut().zip(&costs) {
                l.cost = *c;
            }
            let id = crate::clock::new_id(b.clock);
            let payload = payload_of(&sale, &number, b.entry, None);
            b.changes.push(Change::Append {
                entity: EntityKind::Sale,
                entity_id: id,
                payload: encode_sale(
                    &payload,
                    SaleLink {
                        customer: sale.customer_id,
                        promo: promo_id,
                        promo_discount: sale.promo_discount.rupiah(),
                    },
                ),
            });
            if let Some(customer) = sale.customer_id {
                for (points, reason) in [(-sale.points_redeemed, "tukar"), (sale.points_earned, "belanja")] {
                    if points != 0 {
                        let p = crate::crm::PointsPayload {
                            customer,
                            date: sale.date.to_string(),
                            points,
                            reason: reason.into(),
                            sale: Some(id),
                        };
                        b.changes.push(crate::crm::points_change(&p, b.clock));
                    }
                }
            }
            sale.id = id;
            sale.number = number;
            sale.entry = b.entry;
            Ok(b.changes)
        })?;
        debug_assert!(ops.iter().any(|o| o.entity == EntityKind::Sale));
        self.sale(sale.id)
    }

    /// Cancels a nota: a new nota with the opposite quantities and payments, the reversing
    /// journal entry, and the stock back at the cost it went out at. The statements equal
    /// those before the sale.
    pub fn cancel_sale(&mut self, id: Uuid, reason: &str) -> Result<Sale> {
        let original = self.sale(id)?;
        if original.is_return {
            return Err(SaleError::NotASale.into());
        }
        if original.reverses.is_some() || original.cancelled_by.is_some() {
            return Err(SaleError::AlreadyCancelled.into());
        }
        if !original.returns.is_empty() {
            return Err(SaleError::HasReturns.into());
        }
        let date = self.today()?.max(original.date);
        let entry = original.entry.map(|e| self.entry(e)).transpose()?;
        // The stock movements of the sale: back in at the value they went out at.
        let moved = match original.entry {
            Some(e) => crate::stock::sold_with(&self.conn, e)?,
            None => Vec::new(),
        };
        let reason: String = reason.trim().chars().filter(|c| !c.is_control()).take(200).collect();
        let points = self.sale_points(original.id)?;
        let clock = self.clock.clone();
        let mut result = Uuid::nil();
        self.commit_built(|conn| {
            let number = next_number(conn, date.year())?;
            let mut b = Batch::new(conn, clock.as_ref(), date, &number);
            b.entry(entry.as_ref().map(|e| {
                NewEntry {
                    date,
                    kind: EntryKind::Reversal,
                    memo: format!("Pembatalan {} ({})", original.number, number),
                    counterparty: e.counterparty.clone(),
                    due_date: None,
                    settles: None,
                    reverses: Some(e.id),
                    lines: e
                        .lines
                        .iter()
                        .map(|l| NewLine { account: l.account, debit: l.credit, credit: l.debit })
                        .collect(),
                }
            }))?;
            b.return_sold(&moved);
            let mut reversed = original.clone();
            for l in &mut reversed.lines {
                l.qty = Qty::from_thousandths(-l.qty.thousandths());
                l.discount = l.discount.checked_neg()?;
                l.cost = l.cost.checked_neg()?;
            }
            for p in &mut reversed.payments {
                p.amount = p.amount.checked_neg()?;
            }
            reversed.order_discount = reversed.order_discount.checked_neg()?;
            reversed.change = reversed.change.checked_neg()?;
            reversed.note = reason.clone();
            let new_id = crate::clock::new_id(b.clock);
            let payload = payload_of(&reversed, &number, b.entry, Some(original.id));
            b.changes.push(Change::Append {
                entity: EntityKind::Sale,
                entity_id: new_id,
                payload: encode_sale(
                    &payload,
                    SaleLink { customer: original.customer_id, ..SaleLink::default() },
                ),
            });
            // Points earned come off again; points redeemed go back.
            for (customer, pts) in &points {
                let p = crate::crm::PointsPayload {
                    customer: *customer,
                    date: date.to_string(),
                    points: -pts,
                    reason: "batal".into(),
                    sale: Some(new_id),
                };
                b.changes.push(crate::crm::points_change(&p, b.clock));
            }
            result = new_id;
            Ok(b.changes)
        })?;
        self.sale(result)
    }

    /// Retur: takes back part of a sale. A new nota with the lines taken back (negative), the
    /// refund paid out, Penjualan, Diskon and HPP reversed in proportion, and the stock back at
    /// the cost it went out at — all in one transaction. Each line's discount and the nota's
    /// discount are shared out by what has come back in total, so returning everything, in
    /// one retur or several, refunds exactly what was paid.
    pub fn return_sale(&mut self, id: Uuid, input: &ReturnInput) -> Result<Sale> {
        let plan = self.plan_return(id, input)?;
        let ReturnPlan {
            original,
            lines,
            origins,
            refund,
            gross_back,
            discount_back,
            order_share,
            account,
            reason,
        } = plan;
        // What comes back on the shelf for each line (a paket: its components), at the value
        // the sale took it out at: each product's share of that value by how much has come
        // back in all, so returning everything, in one retur or several, puts back exactly
        // what went out.
        let mut sold: std::collections::HashMap<Uuid, (i64, i64)> = std::collections::HashMap::new();
        let mut back_before: std::collections::HashMap<Uuid, i64> = std::collections::HashMap::new();
        if let Some(e) = original.entry {
            for (product, q, v) in crate::stock::sold_with(&self.conn, e)? {
                let t = sold.entry(product).or_default();
                t.0 -= q;
                t.1 -= v;
            }
            let mut stmt = self.conn.prepare_cached(
                "SELECT m.product_id, SUM(m.qty) FROM sale r JOIN stock_movement m ON m.entry_id = r.entry_id
                 WHERE r.reverses = ?1 AND r.is_return AND m.kind = 'return' GROUP BY m.product_id",
            )?;
            let rows = stmt.query_map([original.id.as_bytes().as_slice()], |r| {
                Ok((uuid_col(&r.get::<_, Vec<u8>>(0)?)?, r.get::<_, i64>(1)?))
            })?;
            for row in rows {
                let (product, q) = row?;
                back_before.insert(product, q);
            }
        }
        let mut backs: Vec<Vec<(Uuid, i64, Option<i64>)>> = Vec::new();
        for l in &lines {
            let p = self.product(l.product)?;
            let q = -l.qty.thousandths();
            let mut out = Vec::new();
            for (product, back) in self.shelf_parts(&p, q)? {
                // Only what the sale took off the shelf comes back (the product may have
                // become tracked, or its paket recipe changed, since).
                if original.entry.is_some() && !sold.contains_key(&product) {
                    continue;
                }
                let value = match sold.get(&product) {
                    Some(&(out_qty, out_value)) if out_qty > 0 => {
                        let before = back_before.entry(product).or_default();
                        let v = mul_div(out_value, *before + back, out_qty)
                            - mul_div(out_value, *before, out_qty);
                        *before += back;
                        Some(v)
                    }
                    _ => None,
                };
                out.push((product, back, value));
            }
            backs.push(out);
        }
        let date = self.today()?.max(original.date);
        // Points earned on the sale come off in proportion to what has been refunded in all.
        let earned: i64 = self.sale_points(original.id)?.iter().map(|(_, p)| *p).filter(|p| *p > 0).sum();
        let points_back = if earned > 0 && original.total > Money::ZERO {
            let (refunded_before, taken_before): (i64, i64) = self
                .conn
                .prepare_cached(
                    "SELECT COALESCE(-SUM(s.total), 0),
                            COALESCE(-(SELECT SUM(p.points) FROM loyalty_point p JOIN sale r ON r.id = p.sale_id
                                       WHERE r.reverses = ?1 AND r.is_return AND p.reason = 'retur'), 0)
                     FROM sale s WHERE s.reverses = ?1 AND s.is_return",
                )?
                .query_row([original.id.as_bytes().as_slice()], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let target = mul_div(earned, refunded_before + refund.rupiah(), original.total.rupiah());
            (target - taken_before).clamp(0, (earned - taken_before).max(0))
        } else {
            0
        };
        // Points redeemed on the sale come back in the same proportion.
        let redeemed: i64 =
            -self.sale_points(original.id)?.iter().map(|(_, p)| *p).filter(|p| *p < 0).sum::<i64>();
        let points_returned = if redeemed > 0 && original.total > Money::ZERO {
            let (refunded_before, given_before): (i64, i64) = self
                .conn
                .prepare_cached(
                    "SELECT COALESCE(-SUM(s.total), 0),
                            COALESCE((SELECT SUM(p.points) FROM loyalty_point p JOIN sale r ON r.id = p.sale_id
                                      WHERE r.reverses = ?1 AND r.is_return AND p.reason = 'retur_tukar'), 0)
                     FROM sale s WHERE s.reverses = ?1 AND s.is_return",
                )?
                .query_row([original.id.as_bytes().as_slice()], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let target = mul_div(redeemed, refunded_before + refund.rupiah(), original.total.rupiah());
            (target - given_before).clamp(0, (redeemed - given_before).max(0))
        } else {
            0
        };
        let sales = self.account_by_role(AccountRole::Sales)?.id;
        let discount_account = self.account_by_role(AccountRole::SalesDiscount)?.id;
        let cogs = self.account_by_role(AccountRole::Cogs)?.id;
        let inventory = self.account_by_role(AccountRole::Inventory)?.id;
        let damaged = input.damaged;
        let loss = self.adjust_accounts()?.loss;
        let clock = self.clock.clone();
        let mut made = Uuid::nil();
        self.commit_built(|conn| {
            let number = next_number(conn, date.year())?;
            let mut costs = Vec::with_capacity(backs.len());
            // (product, quantity back, its value, whether that value is exact)
            let mut moves = Vec::new();
            for out in &backs {
                let mut cost = Money::ZERO;
                for (product, back, exact) in out {
                    let value = match exact {
                        Some(v) => *v,
                        None => value_at(conn, *product, date, *back)?.0,
                    };
                    cost = cost.checked_add(Money::from_rupiah(value))?;
                    moves.push((*product, *back, value, exact.is_some()));
                }
                costs.push(cost);
            }
            let cost_back = sum(costs.iter().copied())?;
            let mut entry_lines = Vec::new();
            if gross_back > Money::ZERO {
                entry_lines.push(NewLine::debit(sales, gross_back));
            }
            if discount_back > Money::ZERO {
                entry_lines.push(NewLine::credit(discount_account, discount_back));
            }
            if refund > Money::ZERO {
                entry_lines.push(NewLine::credit(account, refund));
            }
            if cost_back > Money::ZERO {
                // Damaged goods pass through the shelf and out again: their cost leaves HPP
                // for the loss account, and Persediaan does not change.
                entry_lines.push(NewLine::debit(if damaged { loss } else { inventory }, cost_back));
                entry_lines.push(NewLine::credit(cogs, cost_back));
            }
            let mut b = Batch::new(conn, clock.as_ref(), date, &number);
            b.entry((entry_lines.len() >= 2).then(|| NewEntry {
                date,
                kind: EntryKind::SaleReturn,
                memo: format!("Retur {} ({number})", original.number),
                counterparty: (!original.customer.is_empty()).then(|| original.customer.clone()),
                due_date: None,
                settles: None,
                reverses: None,
                lines: entry_lines,
            }))?;
            for &(product, back, value, exact) in &moves {
                if exact || damaged {
                    b.movement_valued(product, MovementKind::Return, back, value, "retur");
                } else {
                    b.movement(product, MovementKind::Return, back, None, "retur", None);
                }
                if damaged {
                    b.movement_valued(product, MovementKind::Adjustment, -back, -value, "rusak");
                }
            }
            let mut ret = original.clone();
            ret.lines = lines.clone();
            for (l, c) in ret.lines.iter_mut().zip(&costs) {
                l.cost = c.checked_neg()?;
            }
            ret.order_discount = Money::from_rupiah(-order_share);
            ret.payments = if refund > Money::ZERO {
                vec![SalePayment {
                    method: input.method.code().into(),
                    account,
                    amount: refund.checked_neg()?,
                }]
            } else {
                Vec::new()
            };
            ret.change = Money::ZERO;
            ret.note = reason.clone();
            ret.date = date;
            made = crate::clock::new_id(b.clock);
            let payload = ReturnPayload {
                sale: payload_of(&ret, &number, b.entry, Some(original.id)),
                origins: origins.clone(),
                customer: original.customer_id,
            };
            b.changes.push(Change::Append {
                entity: EntityKind::SaleReturn,
                entity_id: made,
                payload: encode_payload(&payload),
            });
            if let Some(customer) = original.customer_id {
                for (points, reason) in [(-points_back, "retur"), (points_returned, "retur_tukar")] {
                    if points != 0 {
                        let p = crate::crm::PointsPayload {
                            customer,
                            date: date.to_string(),
                            points,
                            reason: reason.into(),
                            sale: Some(made),
                        };
                        b.changes.push(crate::crm::points_change(&p, b.clock));
                    }
                }
            }
            Ok(b.changes)
        })?;
        self.sale(made)
    }

    /// What a retur would take back and refund, without writing anything: the retur screen
    /// shows it before the cashier confirms.
    pub fn quote_return(&self, id: Uuid, input: &ReturnInput) -> Result<Sale> {
        let plan = self.plan_return(id, input)?;
        let refund = plan.refund.checked_neg()?;
        Ok(Sale {
            id: Uuid::nil(),
            number: String::new(),
            date: self.today()?.max(plan.original.date),
            subtotal: plan.gross_back.checked_neg()?,
            discount: plan.discount_back.checked_neg()?,
            order_discount: Money::from_rupiah(-plan.order_share),
            total: refund,
            payments: if refund < Money::ZERO {
                vec![SalePayment {
                    method: input.method.code().into(),
                    account: plan.account,
                    amount: refund,
                }]
            } else {
                Vec::new()
            },
            paid: refund,
            change: Money::ZERO,
            customer: plan.original.customer.clone(),
            note: plan.reason,
            entry: None,
            reverses: Some(plan.original.id),
            cancelled_by: None,
            is_return: true,
            returns: Vec::new(),
            damaged: false,
            customer_id: plan.original.customer_id,
            points_earned: 0,
            points_redeemed: 0,
            promo: None,
            promo_discount: Money::ZERO,
            lines: plan.lines,
        })
    }

    fn plan_return(&self, id: Uuid, input: &ReturnInput) -> Result<ReturnPlan> {
        let original = self.sale(id)?;
        if original.is_return || original.reverses.is_some() {
            return Err(SaleError::NotASale.into());
        }
        if original.cancelled_by.is_some() {
            return Err(SaleError::AlreadyCancelled.into());
        }
        let mut asked = vec![0i64; original.lines.len()];
        for l in &input.lines {
            let q = match Qty::parse(&l.qty) {
                Err(AmountError::Empty) => continue,
                Ok(q) if q == Qty::ZERO => continue,
                Ok(q) if q > Qty::ZERO => q,
                _ => return Err(SaleError::BadQty(l.qty.trim().to_owned()).into()),
            };
            let i = (l.line as usize)
                .checked_sub(1)
                .filter(|i| *i < asked.len())
                .ok_or(SaleError::UnknownLine(l.line as usize))?;
            asked[i] = asked[i].checked_add(q.thousandths()).ok_or(crate::AmountError::Overflow)?;
        }
        if asked.iter().all(|q| *q == 0) {
            return Err(SaleError::NoLines.into());
        }
        for (l, a) in original.lines.iter().zip(&asked) {
            if *a > 0 && l.returned.thousandths().saturating_add(*a) > l.qty.thousandths() {
                return Err(SaleError::ReturnTooMany {
                    name: l.name.clone(),
                    sold: l.qty,
                    returned: l.returned,
                    asked: Qty::from_thousandths(*a),
                }
                .into());
            }
        }
        let account = if input.account.trim().is_empty() {
            self.account_by_role(input.method.default_role())?
        } else {
            self.find_account(&input.account)?
        };
        if !account.role.is_money() || account.archived {
            return Err(SaleError::PaymentAccount(account.name).into());
        }
        // Discounts by what has come back in total, before and after this retur.
        let line_discount = |l: &SaleLine, back: i64| mul_div(l.discount.rupiah(), back, l.qty.thousandths());
        let net_back = |back: &dyn Fn(usize) -> i64| -> Result<i64> {
            let mut net = 0i64;
            for (i, l) in original.lines.iter().enumerate() {
                let gross = l.unit_price.checked_mul_qty(Qty::from_thousandths(back(i)))?.rupiah();
                net = net.saturating_add(gross - line_discount(l, back(i)));
            }
            Ok(net)
        };
        let before = |i: usize| original.lines[i].returned.thousandths();
        let after = |i: usize| original.lines[i].returned.thousandths() + asked[i];
        let net_all = sum(original.lines.iter().map(|l| l.total))?.rupiah();
        let share =
            |net: i64| if net_all > 0 { mul_div(original.order_discount.rupiah(), net, net_all) } else { 0 };
        let order_share = share(net_back(&after)?) - share(net_back(&before)?);
        let mut lines = Vec::new();
        let mut origins = Vec::new();
        let (mut gross_back, mut line_discounts_back) = (Money::ZERO, Money::ZERO);
        for (i, l) in original.lines.iter().enumerate().filter(|(i, _)| asked[*i] > 0) {
            let at = |q: i64| l.unit_price.checked_mul_qty(Qty::from_thousandths(q));
            // Cumulative, like the discounts: weighed goods returned in parts add up to the line.
            let gross = at(after(i))?.checked_sub(at(before(i))?)?;
            let discount = Money::from_rupiah(line_discount(l, after(i)) - line_discount(l, before(i)));
            // The nota row is priced qty × price; its discount takes the rounding difference so
            // its total is what comes back.
            let row_gross = at(asked[i])?;
            let row_discount = discount.checked_add(row_gross.checked_sub(gross)?)?;
            lines.push(SaleLine {
                product: l.product,
                name: l.name.clone(),
                unit: l.unit.clone(),
                qty: Qty::from_thousandths(-asked[i]),
                unit_price: l.unit_price,
                price_source: "retur".into(),
                discount: row_discount.checked_neg()?,
                total: discount.checked_sub(gross)?,
                cost: Money::ZERO,
                returned: Qty::ZERO,
            });
            origins.push(u32::try_from(i).unwrap_or(u32::MAX));
            gross_back = gross_back.checked_add(gross)?;
            line_discounts_back = line_discounts_back.checked_add(discount)?;
        }
        let discount_back = line_discounts_back.checked_add(Money::from_rupiah(order_share))?;
        let refund = gross_back.checked_sub(discount_back)?;
        let reason: String = input.reason.trim().chars().filter(|c| !c.is_control()).take(200).collect();
        Ok(ReturnPlan {
            original,
            lines,
            origins,
            refund,
            gross_back,
            discount_back,
            order_share,
            account: account.id,
            reason,
        })
    }

    /// The points movements a nota made: (customer, points).
    fn sale_points(&self, id: Uuid) -> Result<Vec<(Uuid, i64)>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT customer_id, points FROM loyalty_point WHERE sale_id = ?1")?;
        let rows = stmt.query_map([id.as_bytes().as_slice()], |r| {
            Ok((uuid_col(&r.get::<_, Vec<u8>>(0)?)?, r.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One nota.
    pub fn sale(&self, id: Uuid) -> Result<Sale> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT number, date, subtotal, discount, total, paid, change, customer, note, entry_id, reverses,
                        (SELECT c.id FROM sale c WHERE c.reverses = sale.id AND NOT c.is_return LIMIT 1), is_return,
                        customer_id
                 FROM sale WHERE id = ?1",
            )?
            .query_row([id.as_bytes().as_slice()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    [r.get::<_, i64>(2)?, r.get::<_, i64>(3)?, r.get::<_, i64>(4)?, r.get::<_, i64>(5)?, r.get::<_, i64>(6)?],
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    [r.get::<_, Option<Vec<u8>>>(9)?, r.get::<_, Option<Vec<u8>>>(10)?, r.get::<_, Option<Vec<u8>>>(11)?],
                    r.get::<_, bool>(12)?,
                    r.get::<_, Option<Vec<u8>>>(13)?,
                ))
            })
            .optional()?
            .ok_or(SaleError::UnknownSale)?;
        let (
            number,
            date,
            [subtotal, discount, total, paid, change],
            customer,
            note,
            [entry, reverses, cancelled],
            is_return,
            customer_id,
        ) = row;
        let opt = |b: Option<Vec<u8>>| b.map(|b| uuid_col(&b)).transpose();
        let mut lines = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.product_id, l.name, COALESCE(p.unit, 'pcs'), l.qty, l.unit_price, l.discount, l.total, l.cost,
                    (SELECT -COALESCE(SUM(r.qty), 0) FROM sale s JOIN sale_line r ON r.sale_id = s.id
                     WHERE s.reverses = l.sale_id AND s.is_return AND r.origin_line = l.line_no)
             FROM sale_line l LEFT JOIN product p ON p.id = l.product_id WHERE l.sale_id = ?1 ORDER BY l.line_no",
        )?;
        for r in stmt.query_map([id.as_bytes().as_slice()], |r| {
            Ok(SaleLine {
                product: uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
                name: r.get(1)?,
                unit: r.get(2)?,
                qty: Qty::from_thousandths(r.get(3)?),
                unit_price: Money::from_rupiah(r.get(4)?),
                price_source: String::new(),
                discount: Money::from_rupiah(r.get(5)?),
                total: Money::from_rupiah(r.get(6)?),
                cost: Money::from_rupiah(r.get(7)?),
                returned: Qty::from_thousandths(r.get(8)?),
            })
        })? {
            lines.push(r?);
        }
        let line_discounts = sum(lines.iter().map(|l| l.discount))?;
        // Payments as handed over: the cash line gets the change back.
        let mut payments = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT method, account_id, amount FROM sale_payment WHERE sale_id = ?1 ORDER BY line_no",
        )?;
        for r in stmt.query_map([id.as_bytes().as_slice()], |r| {
            Ok(SalePayment {
                method: r.get(0)?,
                account: uuid_col(&r.get::<_, Vec<u8>>(1)?)?,
                amount: Money::from_rupiah(r.get(2)?),
            })
        })? {
            payments.push(r?);
        }
        if let Some(cash) = payments.iter_mut().find(|p| p.method == PaymentMethod::Cash.code()) {
            cash.amount = cash.amount.checked_add(Money::from_rupiah(change))?;
        }
        let (promo, promo_discount): (Option<String>, i64) = self
            .conn
            .prepare_cached(
                "SELECT (SELECT p.code FROM promotion p WHERE p.id = s.promo_id), s.promo_discount FROM sale s WHERE s.id = ?1",
            )?
            .query_row([id.as_bytes().as_slice()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let points: Vec<(i64, String)> = self
            .conn
            .prepare_cached("SELECT points, reason FROM loyalty_point WHERE sale_id = ?1")?
            .query_map([id.as_bytes().as_slice()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let returns: Vec<String> = self
            .conn
            .prepare_cached("SELECT number FROM sale WHERE reverses = ?1 AND is_return ORDER BY hlc")?
            .query_map([id.as_bytes().as_slice()], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let entry = opt(entry)?;
        let damaged = match entry.filter(|_| is_return) {
            Some(e) => self
                .conn
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM stock_movement WHERE entry_id = ?1 AND kind = 'adjustment' AND reason = 'rusak')",
                )?
                .query_row([e.as_bytes().as_slice()], |r| r.get(0))?,
            None => false,
        };
        Ok(Sale {
            id,
            number,
            date: date.parse().map_err(|_| crate::CoreError::Corrupt(format!("sale date {date}")))?,
            lines,
            subtotal: Money::from_rupiah(subtotal),
            discount: Money::from_rupiah(discount),
            order_discount: Money::from_rupiah(discount).checked_sub(line_discounts)?,
            total: Money::from_rupiah(total),
            payments,
            paid: Money::from_rupiah(paid),
            change: Money::from_rupiah(change),
            customer,
            note,
            entry,
            reverses: opt(reverses)?,
            cancelled_by: opt(cancelled)?,
            is_return,
            returns,
            damaged,
            customer_id: opt(customer_id)?,
            points_earned: points
                .iter()
                .filter(|(_, r)| r != "tukar" && r != "retur_tukar")
                .map(|(p, _)| p)
                .sum(),
            points_redeemed: points
                .iter()
                .filter(|(_, r)| r == "tukar" || r == "retur_tukar")
                .map(|(p, _)| -p)
                .sum(),
            promo,
            promo_discount: Money::from_rupiah(promo_discount),
        })
    }

    /// A nota by its number (`A-2026-000001`) or id.
    pub fn find_sale(&self, text: &str) -> Result<Sale> {
        let t = text.trim();
        if let Ok(id) = Uuid::parse_str(t) {
            return self.sale(id);
        }
        let id: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT id FROM sale WHERE number = ?1 COLLATE NOCASE LIMIT 1")?
            .query_row([t], |r| r.get(0))
            .optional()?;
        match id {
            Some(b) => self.sale(uuid_col(&b)?),
            None => Err(SaleError::UnknownSale.into()),
        }
    }

    /// Notas of one day, newest first.
    pub fn sales_on(&self, date: Date) -> Result<Vec<Sale>> {
        let ids: Vec<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT id FROM sale WHERE date = ?1 ORDER BY hlc DESC")?
            .query_map([date.to_string()], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|b| self.sale(uuid_col(&b)?)).collect()
    }

    /// Rekap harian: notas, totals and money received per method on `date`.
    pub fn daily_recap(&self, date: Date) -> Result<DailyRecap> {
        let day = date.to_string();
        let (sales, cancelled, returns, total, discount): (i64, i64, i64, i64, i64) = self
            .conn
            .prepare_cached(
                "SELECT COUNT(*) FILTER (WHERE reverses IS NULL),
                        COUNT(*) FILTER (WHERE reverses IS NOT NULL AND NOT is_return),
                        COUNT(*) FILTER (WHERE is_return),
                        COALESCE(SUM(total), 0), COALESCE(SUM(discount), 0)
                 FROM sale WHERE date = ?1",
            )?
            .query_row([&day], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
        let mut by_method: Vec<(String, i64)> = self
            .conn
            .prepare_cached(
                "SELECT p.method, SUM(p.amount) FROM sale_payment p JOIN sale s ON s.id = p.sale_id
                 WHERE s.date = ?1 GROUP BY p.method",
            )?
            .query_map([&day], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        by_method.sort_by_key(|(m, _)| {
            PaymentMethod::ALL.iter().position(|x| x.code() == m).unwrap_or(usize::MAX)
        });
        let cash = by_method.iter().find(|(m, _)| m == PaymentMethod::Cash.code()).map_or(0, |(_, a)| *a);
        Ok(DailyRecap {
            date,
            sales: u32::try_from(sales).unwrap_or(u32::MAX),
            cancelled: u32::try_from(cancelled).unwrap_or(u32::MAX),
            returns: u32::try_from(returns).unwrap_or(u32::MAX),
            total: Money::from_rupiah(total),
            discount: Money::from_rupiah(discount),
            by_method,
            cash_expected: Money::from_rupiah(cash),
        })
    }
}

fn payload_of(sale: &Sale, number: &str, entry: Option<Uuid>, reverses: Option<Uuid>) -> SalePayload {
    SalePayload {
        number: number.to_owned(),
        date: sale.date.to_string(),
        lines: sale
            .lines
            .iter()
            .map(|l| LinePayload {
                product: l.product,
                name: l.name.clone(),
                unit: l.unit.clone(),
                qty: l.qty.thousandths(),
                unit_price: l.unit_price.rupiah(),
                discount: l.discount.rupiah(),
                cost: l.cost.rupiah(),
                source: l.price_source.clone(),
            })
            .collect(),
        order_discount: sale.order_discount.rupiah(),
        payments: sale.payments.iter().map(|p| (p.method.clone(), p.account, p.amount.rupiah())).collect(),
        change: sale.change.rupiah(),
        customer: sale.customer.clone(),
        note: sale.note.clone(),
        entry,
        reverses,
    }
}
