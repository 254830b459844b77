//! `usahaku jual`, `usahaku nota`, `usahaku batal`, `usahaku retur`, `usahaku rekap`, `usahaku qris`: the
//! cashier from the command line, through the same core functions as the app.

use crate::write_json as json;
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;
use usahaku_core::sales::{
    PaymentMethod, ReturnInput, ReturnLineInput, SaleError, SaleInput, SaleLineInput, SalePaymentInput,
};
use usahaku_core::{CoreError, Lang, Store};
use usahaku_export::nota::{Paper, escpos, layout, pdf, text};

#[derive(Debug, clap::Args)]
pub(crate) struct JualArgs {
    /// Barang: SKU atau barcode, dengan jumlah SKU=JUMLAH (mis. KOPI=2); boleh lebih dari satu.
    #[arg(required = true)]
    items: Vec<String>,
    /// Pembayaran METODE:JUMLAH (tunai, transfer, qris, dompet, kartu), mis. tunai:100.000; boleh diulang.
    #[arg(long = "pay", visible_alias = "bayar", required = true)]
    payments: Vec<String>,
    /// Diskon nota (Rupiah).
    #[arg(long, visible_alias = "diskon", default_value = "")]
    discount: String,
    /// Pelanggan: nama atau nomor HP pelanggan terdaftar (dapat poin), atau nama siapa saja.
    #[arg(long, visible_alias = "pelanggan", default_value = "")]
    customer: String,
    /// Kode promo.
    #[arg(long = "promo", visible_alias = "kode-promo", default_value = "")]
    promo: String,
    /// Poin pelanggan yang ditukar jadi diskon.
    #[arg(long = "redeem", visible_alias = "tukar-poin", default_value = "")]
    redeem: String,
    /// Tanggal (kosong = hari ini).
    #[arg(long, visible_alias = "tanggal", default_value = "")]
    date: String,
    /// Keluaran JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum QrisAction {
    /// Simpan QRIS statis toko (teks diawali 000201).
    Set {
        /// Teks QRIS.
        payload: String,
    },
    /// QRIS dengan nominal di dalamnya (QRIS dinamis), sebagai teks.
    Nominal {
        /// Jumlah, mis. 70.000.
        amount: String,
    },
}

fn paper_of(text: &str) -> Paper {
    match text.trim().to_ascii_lowercase().as_str() {
        "80" | "80mm" => Paper::Mm80,
        "a5" => Paper::A5,
        _ => Paper::Mm58,
    }
}

pub(crate) fn jual(store: &mut Store, a: JualArgs, lang: Lang) -> Result<(), CoreError> {
    let mut lines = Vec::new();
    for item in &a.items {
        let (product, qty) = item.rsplit_once('=').unwrap_or((item.as_str(), "1"));
        lines.push(SaleLineInput { product: product.into(), qty: qty.into(), ..SaleLineInput::default() });
    }
    let mut payments = Vec::new();
    for p in &a.payments {
        let (method, amount) =
            p.split_once(':').ok_or_else(|| CoreError::from(SaleError::BadPayment(p.clone())))?;
        let method = PaymentMethod::from_code(method)
            .ok_or_else(|| CoreError::from(SaleError::BadPayment(p.clone())))?;
        payments.push(SalePaymentInput { method, amount: amount.into(), account: String::new() });
    }
    // A registered customer gets the nota in their history (and points); anyone else is a name.
    let known = if a.customer.trim().is_empty() { None } else { store.find_customer(&a.customer).ok() };
    let sale = store.record_sale(&SaleInput {
        date: a.date,
        lines,
        discount: a.discount,
        payments,
        customer: if known.is_some() { String::new() } else { a.customer },
        note: String::new(),
        customer_id: known.map(|c| c.id.to_string()).unwrap_or_default(),
        redeem_points: a.redeem,
        promo_code: a.promo,
    })?;
    let mut out = std::io::stdout().lock();
    if a.json {
        return json(&mut out, &sale);
    }
    let nota = layout(&sale, &store.profile()?, &store.shop_settings()?, 32, lang);
    writeln!(out, "{}", text(&nota, 32))?;
    Ok(())
}

pub(crate) fn nota(
    store: &Store,
    number: &str,
    pdf_file: Option<PathBuf>,
    escpos_file: Option<PathBuf>,
    paper: &str,
    lang: Lang,
) -> Result<(), CoreError> {
    let sale = store.find_sale(number)?;
    let paper = paper_of(paper);
    let lines = layout(&sale, &store.profile()?, &store.shop_settings()?, paper.columns(), lang);
    let mut out = std::io::stdout().lock();
    if let Some(f) = pdf_file {
        std::fs::write(&f, pdf(&lines, paper, &sale.number))?;
        writeln!(out, "{} {}", lang.pick("Ditulis:", "Written:"), f.display())?;
    }
    if let Some(f) = escpos_file {
        std::fs::write(&f, escpos(&lines))?;
        writeln!(out, "{} {}", lang.pick("Ditulis:", "Written:"), f.display())?;
    }
    writeln!(out, "{}", text(&lines, paper.columns()))?;
    Ok(())
}

pub(crate) fn batal(store: &mut Store, number: &str, reason: &str, lang: Lang) -> Result<(), CoreError> {
    let sale = store.find_sale(number)?;
    let cancel = store.cancel_sale(sale.id, reason)?;
    writeln!(
        std::io::stdout(),
        "{} {} ({} {})",
        lang.pick("Nota dibatalkan:", "Receipt cancelled:"),
        sale.number,
        lang.pick("nota pembatalan", "cancellation"),
        cancel.number
    )?;
    Ok(())
}

#[derive(Debug, clap::Args)]
pub(crate) struct ReturArgs {
    /// Nomor nota yang diretur.
    number: String,
    /// Barang yang kembali: SKU=JUMLAH atau nomor baris #BARIS=JUMLAH (mis. KOPI=1 atau #2=1).
    #[arg(required = true)]
    items: Vec<String>,
    /// Cara uang dikembalikan: tunai, transfer, qris, dompet, kartu.
    #[arg(long, visible_alias = "cara", default_value = "tunai")]
    method: String,
    /// Alasan retur.
    #[arg(long, visible_alias = "alasan", default_value = "")]
    reason: String,
    /// Barang rusak: tidak masuk stok lagi (dicatat keluar sebagai penyesuaian "rusak").
    #[arg(long, visible_alias = "damaged")]
    rusak: bool,
    /// Keluaran JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn retur(store: &mut Store, a: ReturArgs, lang: Lang) -> Result<(), CoreError> {
    let sale = store.find_sale(&a.number)?;
    let mut lines = Vec::new();
    for item in &a.items {
        let (what, qty) = item.rsplit_once('=').unwrap_or((item.as_str(), "1"));
        let line = match what.strip_prefix('#') {
            Some(n) => n.trim().parse::<u32>().map_err(|_| SaleError::UnknownLine(0))?,
            None => {
                // The first line of that product with something left to return.
                let product = store.find_product(what)?;
                let i = sale
                    .lines
                    .iter()
                    .position(|l| l.product == product.id && l.returned < l.qty)
                    .or_else(|| sale.lines.iter().position(|l| l.product == product.id))
                    .ok_or(SaleError::UnknownLine(0))?;
                u32::try_from(i + 1).unwrap_or(u32::MAX)
            }
        };
        lines.push(ReturnLineInput { line, qty: qty.into() });
    }
    let method =
        PaymentMethod::from_code(&a.method).ok_or_else(|| SaleError::BadPayment(a.method.clone()))?;
    let ret = store.return_sale(
        sale.id,
        &ReturnInput { lines, method, account: String::new(), reason: a.reason, damaged: a.rusak },
    )?;
    let mut out = std::io::stdout().lock();
    if a.json {
        return json(&mut out, &ret);
    }
    let nota = layout(&ret, &store.profile()?, &store.shop_settings()?, 32, lang);
    writeln!(out, "{}", text(&nota, 32))?;
    Ok(())
}

pub(crate) fn rekap(store: &Store, date: &str, as_json: bool, lang: Lang) -> Result<(), CoreError> {
    let day = store.date_or_today(date)?;
    let r = store.daily_recap(day)?;
    let mut out = std::io::stdout().lock();
    if as_json {
        return json(&mut out, &r);
    }
    writeln!(
        out,
        "{} {}",
        lang.pick("Rekap harian", "Daily recap"),
        usahaku_core::profile::format_date(day)
    )?;
    writeln!(out, "{:<28} {:>14}", lang.pick("Nota", "Receipts"), r.sales)?;
    writeln!(out, "{:<28} {:>14}", lang.pick("Dibatalkan", "Cancelled"), r.cancelled)?;
    writeln!(out, "{:<28} {:>14}", lang.pick("Retur", "Returns"), r.returns)?;
    writeln!(out, "{:<28} {:>14}", lang.pick("Total penjualan", "Net sales"), r.total.to_string())?;
    for (method, amount) in &r.by_method {
        writeln!(out, "  {:<26} {:>14}", method, usahaku_core::Money::from_rupiah(*amount).to_string())?;
    }
    writeln!(
        out,
        "{:<28} {:>14}",
        lang.pick("Tunai di laci", "Cash in drawer"),
        r.cash_expected.to_string()
    )?;
    Ok(())
}

pub(crate) fn qris(store: &mut Store, action: Option<QrisAction>, lang: Lang) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    match action {
        Some(QrisAction::Set { payload }) => {
            let s = store.set_qris(&payload)?;
            if let Some(q) = s.qris {
                writeln!(
                    out,
                    "{} {} ({}) {}",
                    lang.pick("QRIS disimpan:", "QRIS saved:"),
                    q.merchant_name,
                    q.city,
                    q.nmid
                )?;
            }
        }
        Some(QrisAction::Nominal { amount }) => {
            let s = store.shop_settings()?;
            if s.qris_payload.is_empty() {
                return Err(usahaku_core::qris::QrisError::NotQris.into());
            }
            let amount = usahaku_core::Money::parse(&amount)?;
            writeln!(out, "{}", usahaku_core::qris::with_amount(&s.qris_payload, amount)?)?;
        }
        None => {
            let s = store.shop_settings()?;
            match s.qris {
                Some(q) => writeln!(out, "{} ({}) {}\n{}", q.merchant_name, q.city, q.nmid, s.qris_payload)?,
                None => writeln!(out, "{}", lang.pick("QRIS belum diisi.", "No QRIS set."))?,
            }
        }
    }
    Ok(())
}
