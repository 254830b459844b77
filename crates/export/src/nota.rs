//! Nota (receipt): one layout in fixed-width lines, written as ESC/POS bytes for a thermal
//! printer (58 mm: 32 characters, 80 mm: 48), as a PDF of the same width (or A5), and as
//! plain text for a WhatsApp message.

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use serde::Deserialize;
use usahaku_core::sales::{PaymentMethod, Sale, ShopSettings};
use usahaku_core::{Lang, Money, Profile};

/// Paper for a nota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// Thermal roll 58 mm (32 characters a line).
    Mm58,
    /// Thermal roll 80 mm (48 characters a line).
    Mm80,
    /// A5 sheet (faktur).
    A5,
}

impl Paper {
    /// Characters a line.
    pub fn columns(self) -> usize {
        match self {
            Paper::Mm58 => 32,
            Paper::Mm80 | Paper::A5 => 48,
        }
    }
}

/// How a line is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Plain, left.
    Plain,
    /// Bold, centred, double size (the shop's name).
    Title,
    /// Centred.
    Center,
    /// Bold (the total).
    Bold,
}

/// One line of the layout, at most `columns` characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotaLine {
    /// The text.
    pub text: String,
    /// How.
    pub style: Style,
}

/// An amount without "Rp" (the nota's columns are narrow): `72.500`, `-2.500`.
fn amount(m: Money) -> String {
    let s = m.to_string();
    s.replacen("Rp", "", 1)
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: String = word.to_owned();
        while word.chars().count() > width {
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(head);
        }
        if line.chars().count() + word.chars().count() + usize::from(!line.is_empty()) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `left` and `right` on one line of `width`, the left cut short when needed.
fn two(left: &str, right: &str, width: usize) -> String {
    let r = right.chars().count();
    let room = width.saturating_sub(r + 1);
    let l: String = left.chars().take(room).collect();
    let pad = width.saturating_sub(l.chars().count() + r);
    format!("{l}{}{right}", " ".repeat(pad))
}

/// A payment method's name for people.
pub fn method_label(method: &str, lang: Lang) -> String {
    match PaymentMethod::from_code(method) {
        Some(PaymentMethod::Cash) => lang.pick("Tunai", "Cash").into(),
        Some(PaymentMethod::Transfer) => "Transfer".into(),
        Some(PaymentMethod::Qris) => "QRIS".into(),
        Some(PaymentMethod::Ewallet) => lang.pick("Dompet digital", "E-wallet").into(),
        Some(PaymentMethod::Card) => lang.pick("Kartu", "Card").into(),
        None => method.to_owned(),
    }
}

/// The business name, address and phone, and a rule.
fn header(profile: &Profile, columns: usize, lang: Lang) -> Vec<NotaLine> {
    let mut out = Vec::new();
    let mut push = |text: String, style: Style| out.push(NotaLine { text, style });
    for l in wrap(&profile.name.to_uppercase(), columns) {
        push(l, Style::Title);
    }
    if let Some(address) = profile.address.as_deref().filter(|a| !a.is_empty()) {
        for l in wrap(address, columns) {
            push(l, Style::Center);
        }
    }
    if let Some(phone) = profile.phone.as_deref().filter(|p| !p.is_empty()) {
        push(
            format!("{} {}", lang.pick("Telp/WA", "Phone"), usahaku_core::profile::format_phone(phone)),
            Style::Center,
        );
    }
    push("-".repeat(columns), Style::Plain);
    out
}

fn item_lines(lines: &[usahaku_core::sales::SaleLine], columns: usize, lang: Lang, out: &mut Vec<NotaLine>) {
    let mut push = |text: String, style: Style| out.push(NotaLine { text, style });
    for l in lines {
        for w in wrap(&l.name, columns) {
            push(w, Style::Plain);
        }
        let qty = format!("  {} {} x {}", l.qty, l.unit, amount(l.unit_price));
        let gross = l.total.checked_add(l.discount).unwrap_or(l.total);
        push(two(&qty, &amount(gross), columns), Style::Plain);
        if l.discount != Money::ZERO {
            let d = l.discount.checked_neg().unwrap_or(l.discount);
            push(two(&format!("  {}", lang.pick("Diskon", "Discount")), &amount(d), columns), Style::Plain);
        }
    }
}

/// The faktur of an order (pesanan) as lines of `columns` characters: what was ordered, the
/// DP and payments so far, and what is still to pay.
pub fn order_layout(
    order: &usahaku_core::orders::Order,
    profile: &Profile,
    settings: &ShopSettings,
    columns: usize,
    lang: Lang,
) -> Vec<NotaLine> {
    let mut out = header(profile, columns, lang);
    let rule = "-".repeat(columns);
    let push = |out: &mut Vec<NotaLine>, text: String, style: Style| out.push(NotaLine { text, style });
    push(&mut out, lang.pick("FAKTUR PESANAN", "ORDER INVOICE").into(), Style::Bold);
    push(&mut out, two(lang.pick("No. pesanan", "Order"), &order.number, columns), Style::Plain);
    push(
        &mut out,
        two(lang.pick("Tanggal", "Date"), &usahaku_core::profile::format_date(order.date), columns),
        Style::Plain,
    );
    if let Some(due) = order.due_date {
        push(
            &mut out,
            two(lang.pick("Jatuh tempo", "Due"), &usahaku_core::profile::format_date(due), columns),
            Style::Plain,
        );
    }
    push(&mut out, two(lang.pick("Pelanggan", "Customer"), &order.customer, columns), Style::Plain);
    if !order.phone.is_empty() {
        push(&mut out, two("", &usahaku_core::profile::format_phone(&order.phone), columns), Style::Plain);
    }
    for l in wrap(&order.address, columns) {
        push(&mut out, l, Style::Plain);
    }
    push(&mut out, rule.clone(), Style::Plain);
    item_lines(&order.lines, columns, lang, &mut out);
    push(&mut out, rule.clone(), Style::Plain);
    push(&mut out, two("Subtotal", &amount(order.subtotal), columns), Style::Plain);
    if order.discount != Money::ZERO {
        let d = order.discount.checked_neg().unwrap_or(order.discount);
        push(&mut out, two(lang.pick("Total diskon", "Total discount"), &amount(d), columns), Style::Plain);
    }
    if order.shipping != Money::ZERO {
        push(&mut out, two(lang.pick("Ongkir", "Shipping"), &amount(order.shipping), columns), Style::Plain);
    }
    push(&mut out, two("TOTAL", &format!("Rp{}", amount(order.total)), columns), Style::Bold);
    push(&mut out, two(lang.pick("Sudah dibayar", "Paid"), &amount(order.paid), columns), Style::Plain);
    if order.pending != Money::ZERO {
        push(
            &mut out,
            two(lang.pick("Menunggu verifikasi", "Awaiting check"), &amount(order.pending), columns),
            Style::Plain,
        );
    }
    let left = if order.remaining > Money::ZERO {
        format!("Rp{}", amount(order.remaining))
    } else {
        lang.pick("LUNAS", "PAID").to_owned()
    };
    push(&mut out, two(lang.pick("SISA", "TO PAY"), &left, columns), Style::Bold);
    if !order.courier.is_empty() || !order.tracking.is_empty() {
        push(&mut out, rule.clone(), Style::Plain);
        let via = format!("{} {}", order.courier, order.tracking);
        push(&mut out, two(lang.pick("Kurir/resi", "Courier"), via.trim(), columns), Style::Plain);
    }
    push(&mut out, rule, Style::Plain);
    if !order.note.is_empty() {
        for l in wrap(&order.note, columns) {
            push(&mut out, l, Style::Plain);
        }
    }
    for l in wrap(&settings.receipt_footer, columns) {
        push(&mut out, l, Style::Center);
    }
    out
}

/// The nota as lines of `columns` characters.
pub fn layout(
    sale: &Sale,
    profile: &Profile,
    settings: &ShopSettings,
    columns: usize,
    lang: Lang,
) -> Vec<NotaLine> {
    let mut out = header(profile, columns, lang);
    let mut push = |text: String, style: Style| out.push(NotaLine { text, style });
    let rule = "-".repeat(columns);
    if sale.is_return {
        push(lang.pick("RETUR BARANG", "RETURNED GOODS").into(), Style::Bold);
    } else if sale.reverses.is_some() {
        push(lang.pick("PEMBATALAN NOTA", "CANCELLED RECEIPT").into(), Style::Bold);
    }
    push(two(lang.pick("No. nota", "Receipt"), &sale.number, columns), Style::Plain);
    push(
        two(lang.pick("Tanggal", "Date"), &usahaku_core::profile::format_date(sale.date), columns),
        Style::Plain,
    );
    if !sale.customer.is_empty() {
        push(two(lang.pick("Pelanggan", "Customer"), &sale.customer, columns), Style::Plain);
    }
    push(rule.clone(), Style::Plain);
    item_lines(&sale.lines, columns, lang, &mut out);
    let mut push = |text: String, style: Style| out.push(NotaLine { text, style });
    push(rule.clone(), Style::Plain);
    push(two("Subtotal", &amount(sale.subtotal), columns), Style::Plain);
    if sale.discount != Money::ZERO {
        let d = sale.discount.checked_neg().unwrap_or(sale.discount);
        push(two(lang.pick("Total diskon", "Total discount"), &amount(d), columns), Style::Plain);
    }
    push(two("TOTAL", &format!("Rp{}", amount(sale.total)), columns), Style::Bold);
    for p in &sale.payments {
        let label = if sale.is_return {
            format!("{} ({})", lang.pick("Uang kembali", "Refund"), method_label(&p.method, lang))
        } else {
            method_label(&p.method, lang)
        };
        push(two(&label, &amount(p.amount), columns), Style::Plain);
    }
    if sale.change != Money::ZERO {
        push(two(lang.pick("Kembali", "Change"), &amount(sale.change), columns), Style::Plain);
    }
    push(rule, Style::Plain);
    for r in &sale.returns {
        push(two(lang.pick("Retur", "Return"), r, columns), Style::Plain);
    }
    if !sale.note.is_empty() {
        for l in wrap(&sale.note, columns) {
            push(l, Style::Plain);
        }
    }
    for l in wrap(&settings.receipt_footer, columns) {
        push(l, Style::Center);
    }
    out
}

/// Characters a thermal printer's default code page (PC437) prints: ASCII, with accented
/// letters written without their accents.
fn printable(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            'à' | 'á' | 'â' | 'ä' | 'ã' => b'a',
            'è' | 'é' | 'ê' | 'ë' => b'e',
            'ì' | 'í' | 'î' | 'ï' => b'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => b'o',
            'ù' | 'ú' | 'û' | 'ü' => b'u',
            'À' | 'Á' | 'Â' | 'Ä' | 'Ã' => b'A',
            'È' | 'É' | 'Ê' | 'Ë' => b'E',
            'Ì' | 'Í' | 'Î' | 'Ï' => b'I',
            'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => b'O',
            'Ù' | 'Ú' | 'Û' | 'Ü' => b'U',
            'ñ' => b'n',
            'Ñ' => b'N',
            '–' | '—' => b'-',
            _ => b'?',
        })
        .collect()
}

/// ESC/POS bytes: initialise, each line in its style, feed, partial cut.
pub fn escpos(lines: &[NotaLine]) -> Vec<u8> {
    const ESC: u8 = 0x1B;
    const GS: u8 = 0x1D;
    let mut out = vec![ESC, b'@'];
    for l in lines {
        let (center, bold, double) = match l.style {
            Style::Plain => (false, false, false),
            Style::Title => (true, true, true),
            Style::Center => (true, false, false),
            Style::Bold => (false, true, false),
        };
        out.extend_from_slice(&[ESC, b'a', u8::from(center)]);
        out.extend_from_slice(&[ESC, b'E', u8::from(bold)]);
        // Double height only: the width stays, so a title line still fits.
        out.extend_from_slice(&[GS, b'!', if double { 0x01 } else { 0x00 }]);
        out.extend(printable(&l.text));
        out.push(b'\n');
    }
    out.extend_from_slice(&[ESC, b'a', 0, ESC, b'E', 0, GS, b'!', 0]);
    out.extend_from_slice(&[ESC, b'd', 4]);
    out.extend_from_slice(&[GS, b'V', 66, 0]);
    out
}

/// The nota as plain text (for WhatsApp and the clipboard).
pub fn text(lines: &[NotaLine], columns: usize) -> String {
    lines
        .iter()
        .map(|l| match l.style {
            Style::Title | Style::Center => {
                let n = l.text.chars().count();
                format!("{}{}", " ".repeat(columns.saturating_sub(n) / 2), l.text)
            }
            _ => l.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text as WinAnsi bytes for the PDF's standard Courier font.
fn winansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{A0}'..='\u{FF}' => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}

/// The nota as a PDF: one page as wide as the roll and as long as the nota (or an A5 sheet),
/// in Courier so the columns line up.
pub fn pdf(lines: &[NotaLine], paper: Paper, title: &str) -> Vec<u8> {
    let columns = paper.columns() as f32;
    let (width, margin) = match paper {
        Paper::Mm58 => (58.0 * 72.0 / 25.4, 8.0),
        Paper::Mm80 => (80.0 * 72.0 / 25.4, 10.0),
        Paper::A5 => (148.0 * 72.0 / 25.4, 40.0),
    };
    // Courier is 600/1000 em wide.
    let size = (width - 2.0 * margin) / columns / 0.6;
    let leading = size * 1.35;
    let body: f32 = lines.iter().map(|l| if l.style == Style::Title { leading * 1.5 } else { leading }).sum();
    let height = match paper {
        Paper::A5 => 210.0 * 72.0 / 25.4,
        _ => body + 2.0 * margin,
    };
    let mut content = Content::new();
    let mut y = height - margin - size;
    for l in lines {
        let (font, s) = match l.style {
            Style::Title => (Name(b"F2"), size * 1.25),
            Style::Bold => (Name(b"F2"), size),
            _ => (Name(b"F1"), size),
        };
        let n = l.text.chars().count() as f32;
        let x = match l.style {
            Style::Title | Style::Center => margin + ((width - 2.0 * margin) - n * 0.6 * s).max(0.0) / 2.0,
            _ => margin,
        };
        content.begin_text();
        content.set_font(font, s);
        content.next_line(x, y);
        content.show(Str(&winansi(&l.text)));
        content.end_text();
        y -= if l.style == Style::Title { leading * 1.5 } else { leading };
    }
    let mut pdf = Pdf::new();
    let (catalog, tree, page, data, regular, bold, info) =
        (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5), Ref::new(6), Ref::new(7));
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page]).count(1);
    pdf.document_info(info).title(TextStr(title)).producer(TextStr("Usahaku"));
    pdf.type1_font(regular).base_font(Name(b"Courier")).encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold).base_font(Name(b"Courier-Bold")).encoding_predefined(Name(b"WinAnsiEncoding"));
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, width, height));
    p.parent(tree);
    p.contents(data);
    p.resources().fonts().pair(Name(b"F1"), regular).pair(Name(b"F2"), bold);
    p.finish();
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&content.finish(), 6);
    pdf.stream(data, &compressed).filter(Filter::FlateDecode);
    pdf.finish()
}
