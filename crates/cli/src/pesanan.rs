//! `usahaku pesanan …`: orders from the command line, through the same core functions as the app.

use crate::write_json as json;
use clap::Subcommand;
use std::io::Write;
use usahaku_core::orders::{Order, OrderInput, OrderPaymentInput, OrderStatus, StatusInput};
use usahaku_core::sales::{PaymentMethod, SaleError, SaleLineInput};
use usahaku_core::{CoreError, Lang, Store};

#[derive(Debug, Subcommand)]
pub(crate) enum PesananAction {
    /// Catat pesanan baru: barang SKU=JUMLAH, pelanggan wajib.
    Tambah {
        /// Barang SKU=JUMLAH (boleh lebih dari satu).
        #[arg(required = true)]
        items: Vec<String>,
        /// Nama pelanggan.
        #[arg(long, visible_alias = "pelanggan")]
        customer: String,
        /// Telepon/WhatsApp pelanggan.
        #[arg(long, visible_alias = "telepon", default_value = "")]
        phone: String,
        /// Saluran: toko, whatsapp, instagram, facebook, tokopedia, shopee, tiktok, lainnya.
        #[arg(long, visible_alias = "saluran", default_value = "toko")]
        channel: String,
        /// Tanggal jadi/kirim.
        #[arg(long = "due", visible_alias = "jatuh-tempo", default_value = "")]
        due: String,
        /// Ongkir yang dibayar pelanggan.
        #[arg(long, visible_alias = "ongkir", default_value = "")]
        shipping: String,
        /// Diskon.
        #[arg(long, visible_alias = "diskon", default_value = "")]
        discount: String,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Pesanan yang belum selesai atau belum lunas.
    Daftar {
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Bayar (DP atau pelunasan): NOMOR METODE:JUMLAH.
    Bayar {
        /// Nomor pesanan.
        number: String,
        /// METODE:JUMLAH, mis. tunai:1.000.000 atau transfer:1.400.000.
        payment: String,
        /// Transfer belum dicek: dicatat setelah diverifikasi.
        #[arg(long, visible_alias = "belum-dicek")]
        pending: bool,
    },
    /// Tandai transfer yang menunggu verifikasi sudah masuk.
    Verifikasi {
        /// Nomor pesanan.
        number: String,
    },
    /// Ubah status: dikonfirmasi, diproses, siap, dikirim, selesai, dibatalkan.
    Status {
        /// Nomor pesanan.
        number: String,
        /// Status baru.
        status: String,
        /// Untuk siap: sudah dicek kualitasnya.
        #[arg(long = "qc", visible_alias = "sudah-dicek")]
        qc: bool,
        /// Untuk dikirim: kurir.
        #[arg(long, visible_alias = "kurir", default_value = "")]
        courier: String,
        /// Untuk dikirim: nomor resi.
        #[arg(long, visible_alias = "resi", default_value = "")]
        tracking: String,
    },
}

fn line(out: &mut impl Write, o: &Order) -> Result<(), CoreError> {
    writeln!(
        out,
        "{:<16} {:<12} {:<24} {:>14} sisa {:>14} {}",
        o.number,
        o.status.code(),
        o.customer,
        o.total.to_string(),
        o.remaining.to_string(),
        o.due_date.map(|d| d.to_string()).unwrap_or_default()
    )?;
    Ok(())
}

pub(crate) fn pesanan(store: &mut Store, action: PesananAction, _lang: Lang) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    let o = match action {
        PesananAction::Tambah { items, customer, phone, channel, due, shipping, discount, json: as_json } => {
            let lines = items
                .iter()
                .map(|i| {
                    let (p, q) = i.rsplit_once('=').unwrap_or((i.as_str(), "1"));
                    SaleLineInput { product: p.into(), qty: q.into(), ..SaleLineInput::default() }
                })
                .collect();
            // A registered customer (by name or phone) gets the order in their history.
            let known = store.find_customer(&customer).ok();
            let o = store.add_order(&OrderInput {
                channel,
                customer_id: known.map(|c| c.id.to_string()).unwrap_or_default(),
                customer,
                phone,
                lines,
                discount,
                shipping,
                due_date: due,
                ..OrderInput::default()
            })?;
            if as_json {
                return json(&mut out, &o);
            }
            o
        }
        PesananAction::Daftar { json: as_json } => {
            let all = store.open_orders()?;
            if as_json {
                return json(&mut out, &all);
            }
            for o in &all {
                line(&mut out, o)?;
            }
            return Ok(());
        }
        PesananAction::Bayar { number, payment, pending } => {
            let (method, amount) = payment
                .split_once(':')
                .ok_or_else(|| CoreError::from(SaleError::BadPayment(payment.clone())))?;
            let method = PaymentMethod::from_code(method)
                .ok_or_else(|| CoreError::from(SaleError::BadPayment(payment.clone())))?;
            let id = store.find_order(&number)?.id;
            store.pay_order(
                id,
                &OrderPaymentInput {
                    method,
                    amount: amount.into(),
                    account: String::new(),
                    pending,
                    date: String::new(),
                },
            )?
        }
        PesananAction::Verifikasi { number } => {
            let id = store.find_order(&number)?.id;
            store.verify_payment(id)?
        }
        PesananAction::Status { number, status, qc, courier, tracking } => {
            let st = OrderStatus::from_code(&status).ok_or_else(|| {
                CoreError::from(usahaku_core::orders::OrderError::UnknownValue(status.clone()))
            })?;
            let id = store.find_order(&number)?.id;
            store.set_order_status(
                id,
                &StatusInput { status: st, quality_checked: qc, courier, tracking, date: String::new() },
            )?
        }
    };
    line(&mut out, &o)
}
