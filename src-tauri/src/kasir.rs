//! Kasir commands: sales, notas (PDF, thermal printer, WhatsApp), QRIS and the daily recap.
//! Each hands off to the core or the export crate in a few lines.

use crate::{Shell, UiError};
use std::io::Write;
use std::time::Duration;
use usahaku_core::sales::{DailyRecap, ReturnInput, Sale, SaleInput, SalesReport, ShopSettings};
use usahaku_core::{CoreError, Lang, Money};
use usahaku_export::nota::{Paper, escpos, layout, pdf, text};

fn sale_id(id: &str) -> Result<uuid::Uuid, CoreError> {
    uuid::Uuid::parse_str(id.trim()).map_err(|_| usahaku_core::sales::SaleError::UnknownSale.into())
}

/// Prices and checks a sale without writing (the cashier screen's running total).
#[tauri::command]
#[specta::specta]
pub(crate) async fn quote_sale(shell: tauri::State<'_, Shell>, input: SaleInput) -> Result<Sale, UiError> {
    shell.with_store(|s| s.quote_sale(&input))
}

/// Records a paid sale with its postings and stock.
#[tauri::command]
#[specta::specta]
pub(crate) async fn record_sale(shell: tauri::State<'_, Shell>, input: SaleInput) -> Result<Sale, UiError> {
    shell.with_store(|s| s.record_sale(&input))
}

/// Cancels a nota (reverses every posting; stock comes back).
#[tauri::command]
#[specta::specta]
pub(crate) async fn cancel_sale(
    shell: tauri::State<'_, Shell>,
    id: String,
    reason: String,
) -> Result<Sale, UiError> {
    shell.with_store(|s| s.cancel_sale(sale_id(&id)?, &reason))
}

/// Retur: part of a nota comes back (refund paid out, postings reversed in proportion, stock
/// back).
#[tauri::command]
#[specta::specta]
pub(crate) async fn return_sale(
    shell: tauri::State<'_, Shell>,
    id: String,
    input: ReturnInput,
) -> Result<Sale, UiError> {
    shell.with_store(|s| s.return_sale(sale_id(&id)?, &input))
}

/// What a retur would refund, without writing.
#[tauri::command]
#[specta::specta]
pub(crate) async fn quote_return(
    shell: tauri::State<'_, Shell>,
    id: String,
    input: ReturnInput,
) -> Result<Sale, UiError> {
    shell.with_store(|s| s.quote_return(sale_id(&id)?, &input))
}

/// Laporan penjualan from `from` to `to` (empty: this month so far).
#[tauri::command]
#[specta::specta]
pub(crate) async fn sales_report(
    shell: tauri::State<'_, Shell>,
    from: String,
    to: String,
) -> Result<SalesReport, UiError> {
    shell.with_store(|s| {
        let today = s.today()?;
        let to = if to.trim().is_empty() { today } else { usahaku_core::ledger::parse_date(&to)? };
        let from = if from.trim().is_empty() {
            to.first_of_month()
        } else {
            usahaku_core::ledger::parse_date(&from)?
        };
        s.sales_report(from, to)
    })
}

/// Notas of a day (empty: today), newest first.
#[tauri::command]
#[specta::specta]
pub(crate) async fn sales_on(shell: tauri::State<'_, Shell>, date: String) -> Result<Vec<Sale>, UiError> {
    shell.with_store(|s| {
        let day = s.date_or_today(&date)?;
        s.sales_on(day)
    })
}

/// Rekap harian (empty: today).
#[tauri::command]
#[specta::specta]
pub(crate) async fn daily_recap(shell: tauri::State<'_, Shell>, date: String) -> Result<DailyRecap, UiError> {
    shell.with_store(|s| {
        let day = s.date_or_today(&date)?;
        s.daily_recap(day)
    })
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn shop_settings(shell: tauri::State<'_, Shell>) -> Result<ShopSettings, UiError> {
    shell.with_store(|s| s.shop_settings())
}

/// Sets the shop's static QRIS from its text (checked; empty removes it).
#[tauri::command]
#[specta::specta]
pub(crate) async fn set_qris(
    shell: tauri::State<'_, Shell>,
    payload: String,
) -> Result<ShopSettings, UiError> {
    shell.with_store(|s| s.set_qris(&payload))
}

/// The QRIS text read from a photo or screenshot of the shop's QRIS sticker (not saved yet).
#[tauri::command]
#[specta::specta]
pub(crate) async fn read_qris_image(
    shell: tauri::State<'_, Shell>,
    bytes: Vec<u8>,
) -> Result<String, UiError> {
    let lang = shell.lang();
    usahaku_export::qr::read(&bytes).map_err(|e| UiError {
        code: "qris_image".into(),
        message: match e {
            usahaku_export::qr::ReadError::NotAPicture => lang.pick(
                "Berkas ini bukan gambar. Pilih foto atau tangkapan layar QRIS (JPG atau PNG).",
                "This file is not a picture. Pick a photo or screenshot of the QRIS (JPG or PNG).",
            ),
            usahaku_export::qr::ReadError::NoCode => lang.pick(
                "Tidak ada kode QR yang terbaca di gambar ini. Foto lebih dekat dan terang, atau tempel teks QRIS-nya.",
                "No QR code could be read in this picture. Take it closer and brighter, or paste the QRIS text.",
            ),
        }
        .into(),
        field: Some("qris".into()),
    })
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn set_receipt_footer(
    shell: tauri::State<'_, Shell>,
    text: String,
) -> Result<ShopSettings, UiError> {
    shell.with_store(|s| s.set_receipt_footer(&text))
}

/// The shop's QRIS to show at payment.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct QrisCode {
    /// The QR code as SVG.
    pub svg: String,
    /// Nama merchant.
    pub merchant_name: String,
    /// The amount inside the code (only when asked for).
    pub amount_inside: Option<i64>,
}

/// The shop's QRIS as a QR code; with `amount` (as typed) inside when `put_amount` is true,
/// else the static code (the cashier shows the amount beside it).
#[tauri::command]
#[specta::specta]
pub(crate) async fn qris_code(
    shell: tauri::State<'_, Shell>,
    amount: String,
    put_amount: bool,
) -> Result<QrisCode, UiError> {
    let lang = shell.lang();
    let settings = shell.with_store(|s| s.shop_settings())?;
    let Some(qris) = settings.qris else {
        return Err(UiError {
            code: "no_qris".into(),
            message: lang
                .pick(
                    "QRIS toko belum diisi. Isi dulu di Kasir › Pengaturan nota & QRIS.",
                    "The shop's QRIS is not set yet. Set it in Kasir › Receipt & QRIS settings.",
                )
                .into(),
            field: Some("qris".into()),
        });
    };
    let (payload, amount_inside) = if put_amount {
        let a = Money::parse(&amount).map_err(|e| UiError::from_core(&CoreError::Amount(e), lang))?;
        let p = usahaku_core::qris::with_amount(&settings.qris_payload, a)
            .map_err(|e| UiError::from_core(&CoreError::Qris(e), lang))?;
        (p, Some(a.rupiah()))
    } else {
        (settings.qris_payload.clone(), None)
    };
    let svg = usahaku_export::qr::svg(&payload, 260).map_err(|_| UiError::internal(lang))?;
    Ok(QrisCode { svg, merchant_name: qris.merchant_name, amount_inside })
}

fn nota_lines(
    shell: &Shell,
    id: &str,
    paper: Paper,
) -> Result<(Sale, Vec<usahaku_export::nota::NotaLine>), UiError> {
    let lang = shell.lang();
    shell.with_store(|s| {
        let sale = s.sale(sale_id(id)?)?;
        let lines = layout(&sale, &s.profile()?, &s.shop_settings()?, paper.columns(), lang);
        Ok((sale, lines))
    })
}

/// Writes a nota as PDF (58 mm, 80 mm or A5) to the export folder; returns the path.
#[tauri::command]
#[specta::specta]
pub(crate) async fn nota_pdf(
    shell: tauri::State<'_, Shell>,
    id: String,
    paper: Paper,
) -> Result<String, UiError> {
    let (sale, lines) = nota_lines(&shell, &id, paper)?;
    let suffix = match paper {
        Paper::Mm58 => "58mm",
        Paper::Mm80 => "80mm",
        Paper::A5 => "A5",
    };
    let path = shell.export_file(&format!("nota-{}-{suffix}.pdf", sale.number))?;
    std::fs::write(&path, pdf(&lines, paper, &sale.number))
        .map_err(|e| UiError::from_core(&CoreError::Io(e), shell.lang()))?;
    Ok(path.display().to_string())
}

/// A nota as a WhatsApp message: the text, and a wa.me link when a phone is given.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct NotaMessage {
    /// The nota as text.
    pub text: String,
    /// `https://wa.me/62…?text=…`, or null without a phone.
    pub link: Option<String>,
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn nota_message(
    shell: tauri::State<'_, Shell>,
    id: String,
    phone: String,
) -> Result<NotaMessage, UiError> {
    let lang = shell.lang();
    let (_, lines) = nota_lines(&shell, &id, Paper::Mm58)?;
    let body = text(&lines, Paper::Mm58.columns());
    let link = if phone.trim().is_empty() {
        None
    } else {
        let p = usahaku_core::profile::normalize_phone(&phone).map_err(|problem| {
            UiError::from_core(
                &CoreError::Invalid { field: usahaku_core::error::ProfileField::Phone, problem },
                lang,
            )
        })?;
        Some(usahaku_core::profile::whatsapp_link(&p, &format!("```\n{body}\n```")))
    };
    Ok(NotaMessage { text: body, link })
}

/// Sends a nota to a thermal printer: a device path (`/dev/usb/lp0`, `/dev/ttyUSB0`, `COM3`)
/// or a network printer `ip:port` (usually port 9100).
pub(crate) fn send_to_printer(printer: &str, bytes: &[u8], lang: Lang) -> Result<(), UiError> {
    let fail = |detail: String| UiError {
        code: "printer".into(),
        message: format!(
            "{} ({detail})",
            lang.pick(
                "Printer tidak bisa dihubungi. Periksa kabel/daya dan alamatnya",
                "The printer cannot be reached. Check its cable/power and address",
            )
        ),
        field: Some("printer".into()),
    };
    let target = printer.trim();
    if let Ok(addr) = target.parse::<std::net::SocketAddr>() {
        let mut stream = std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(4))
            .map_err(|e| fail(e.to_string()))?;
        stream.set_write_timeout(Some(Duration::from_secs(8))).map_err(|e| fail(e.to_string()))?;
        stream.write_all(bytes).and_then(|()| stream.flush()).map_err(|e| fail(e.to_string()))
    } else if target.is_empty() {
        Err(fail(lang.pick("alamat printer kosong", "no printer address").into()))
    } else {
        let mut f = std::fs::OpenOptions::new().write(true).open(target).map_err(|e| fail(e.to_string()))?;
        f.write_all(bytes).and_then(|()| f.flush()).map_err(|e| fail(e.to_string()))
    }
}

/// Prints a nota on a thermal printer (58 or 80 mm).
#[tauri::command]
#[specta::specta]
pub(crate) async fn print_nota(
    shell: tauri::State<'_, Shell>,
    id: String,
    paper: Paper,
    printer: String,
) -> Result<(), UiError> {
    let (_, lines) = nota_lines(&shell, &id, paper)?;
    send_to_printer(&printer, &escpos(&lines), shell.lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nota_reaches_a_network_printer_on_loopback() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let got = std::thread::spawn(move || {
            let (mut conn, _) = listener.accept().unwrap();
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut conn, &mut buf).unwrap();
            buf
        });
        send_to_printer(&addr.to_string(), b"\x1b@nota\n\x1dVB\x00", Lang::Id).unwrap();
        assert_eq!(got.join().unwrap(), b"\x1b@nota\n\x1dVB\x00");
        // Nobody listening: a clear message, not a hang.
        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
        let err = send_to_printer(&closed.to_string(), b"x", Lang::Id).unwrap_err();
        assert!(err.message.starts_with("Printer tidak bisa dihubungi"), "{}", err.message);
        let err = send_to_printer("/nonexistent/lp0", b"x", Lang::Id).unwrap_err();
        assert_eq!(err.code, "printer");
    }
}
