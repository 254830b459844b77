//! Reports as files: the statements of the core, laid out once as a [`Document`] (business
//! header, title, period, headings, tables, paragraphs) and written to PDF ([`to_pdf`]) or
//! XLSX ([`to_xlsx`]). Only reads the store.

mod metrics;
pub mod nota;
mod pdf;
pub mod qr;
pub mod table;
mod xlsx;

pub use pdf::to_pdf;
pub use xlsx::to_xlsx;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use usahaku_core::ledger::CashFlowGroup;
use usahaku_core::profile::format_date;
use usahaku_core::reports::AccountAmount;
use usahaku_core::{Lang, Money, Result, Store};
use uuid::Uuid;

/// A table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text, left-aligned.
    Text(String),
    /// An amount, right-aligned.
    Money(Money),
    /// Nothing.
    Empty,
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Cells, one per column.
    pub cells: Vec<Cell>,
    /// A total: bold, with a rule above.
    pub total: bool,
}

/// A piece of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section heading.
    Heading(String),
    /// A paragraph of text.
    Paragraph(String),
    /// A table: column titles, then rows.
    Table {
        /// Column titles; the first column is text, the others amounts unless stated.
        columns: Vec<String>,
        /// Rows.
        rows: Vec<Row>,
    },
}

/// A report laid out for a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The business name.
    pub business: String,
    /// Address and other header lines.
    pub header_lines: Vec<String>,
    /// Report title.
    pub title: String,
    /// `Periode 1 Nov 2026 – 30 Nov 2026` or `Per 30 Nov 2026`.
    pub period: String,
    /// Body.
    pub blocks: Vec<Block>,
    /// The sheet name for XLSX (≤ 31 characters).
    pub sheet: String,
}

/// The reports that can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Laporan Laba Rugi.
    ProfitAndLoss,
    /// Laporan Posisi Keuangan (at the period's end).
    BalanceSheet,
    /// Laporan Arus Kas.
    CashFlow,
    /// Neraca Saldo (at the period's end).
    TrialBalance,
    /// Buku Besar of one account.
    GeneralLedger,
    /// Catatan atas Laporan Keuangan.
    Notes,
    /// All SAK EMKM statements in one file: Posisi Keuangan, Laba Rugi, Arus Kas, CALK.
    Statements,
    /// Laporan penjualan: per day, payment method, channel, product and category.
    Sales,
    /// Pesanan belum selesai dan sisa tagihan (as of the period's end).
    OpenOrders,
    /// Laporan data pelanggan: segments and every customer with their purchases.
    Customers,
    /// Laporan layanan pelanggan: inquiries and complaints of the period, by status, with
    /// response times.
    CustomerService,
    /// Laporan pemasaran: sales by channel and by customer segment, reviews, the content plan.
    Marketing,
}

impl ReportKind {
    /// A file name stem: `laporan-laba-rugi`.
    pub fn file_stem(self) -> &'static str {
        match self {
            ReportKind::ProfitAndLoss => "laporan-laba-rugi",
            ReportKind::BalanceSheet => "laporan-posisi-keuangan",
            ReportKind::CashFlow => "laporan-arus-kas",
            ReportKind::TrialBalance => "neraca-saldo",
            ReportKind::GeneralLedger => "buku-besar",
            ReportKind::Notes => "catatan-atas-laporan-keuangan",
            ReportKind::Statements => "laporan-keuangan",
            ReportKind::Sales => "laporan-penjualan",
            ReportKind::OpenOrders => "pesanan-belum-lunas",
            ReportKind::Customers => "laporan-data-pelanggan",
            ReportKind::CustomerService => "laporan-layanan-pelanggan",
            ReportKind::Marketing => "laporan-pemasaran",
        }
    }
}

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportRequest {
    /// Which report.
    pub kind: ReportKind,
    /// First day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub from: Date,
    /// Last day (the "as of" date of Posisi Keuangan and Neraca Saldo).
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub to: Date,
    /// The account of a Buku Besar.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub account: Option<Uuid>,
}

fn l(lang: Lang, id: &str, en: &str) -> String {
    lang.pick(id, en).to_owned()
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn line(label: impl Into<String>, amount: Money) -> Row {
    Row { cells: vec![text(label), Cell::Money(amount)], total: false }
}

/// A group heading row (Aset, Pendapatan, …): text only.
fn group_row(label: impl Into<String>) -> Row {
    Row { cells: vec![text(label), Cell::Empty], total: false }
}

fn total(label: impl Into<String>, amount: Money) -> Row {
    Row { cells: vec![text(label), Cell::Money(amount)], total: true }
}

/// An amount as statements show it: `Rp1.250.000`, a negative one in brackets `(Rp700.000)`
/// (as the app's report screens do).
pub fn statement_amount(m: Money) -> String {
    if m < Money::ZERO {
        let positive = m.checked_neg().map_or_else(|_| m.to_string(), |p| p.to_string());
        format!("({positive})")
    } else {
        m.to_string()
    }
}

/// A debit or credit cell: blank when zero.
fn side(amount: Money) -> Cell {
    if amount == Money::ZERO { Cell::Empty } else { Cell::Money(amount) }
}

fn account_lines(lines: &[AccountAmount]) -> Vec<Row> {
    lines.iter().map(|l| line(l.account.name.clone(), l.amount)).collect()
}

fn two_columns(lang: Lang, rows: Vec<Row>) -> Block {
    Block::Table { columns: vec![l(lang, "Keterangan", "Item"), l(lang, "Jumlah", "Amount")], rows }
}

fn period_text(lang: Lang, from: Date, to: Date) -> String {
    format!("{} {} – {}", l(lang, "Periode", "Period"), format_date(from), format_date(to))
}

fn as_of_text(lang: Lang, date: Date) -> String {
    format!("{} {}", l(lang, "Per", "As of"), format_date(date))
}

/// Lays out a report for export, with the business header from the profile.
pub fn build(store: &Store, req: &ReportRequest, lang: Lang) -> Result<Document> {
    let profile = store.profile()?;
    let mut header_lines = Vec::new();
    if let Some(a) = profile.address.as_ref().filter(|a| !a.is_empty()) {
        header_lines.push(a.clone());
    }
    let mut contact = Vec::new();
    if let Some(p) = &profile.phone {
        contact.push(format!("{} +{p}", l(lang, "Telp.", "Phone")));
    }
    if let Some(n) = &profile.npwp {
        contact.push(format!("NPWP {n}"));
    }
    if !contact.is_empty() {
        header_lines.push(contact.join(" · "));
    }
    let (from, to) = (req.from, req.to);
    let (title, period, blocks, sheet) = match req.kind {
        ReportKind::ProfitAndLoss => (
            l(lang, "Laporan Laba Rugi", "Profit and Loss"),
            period_text(lang, from, to),
            profit_and_loss(store, from, to, lang)?,
            l(lang, "Laba Rugi", "Profit and Loss"),
        ),
        ReportKind::BalanceSheet => (
            l(lang, "Laporan Posisi Keuangan", "Statement of Financial Position"),
            as_of_text(lang, to),
            balance_sheet(store, to, lang)?,
            l(lang, "Posisi Keuangan", "Financial Position"),
        ),
        ReportKind::CashFlow => (
            l(lang, "Laporan Arus Kas", "Cash Flow Statement"),
            period_text(lang, from, to),
            cash_flow(store, from, to, lang)?,
            l(lang, "Arus Kas", "Cash Flow"),
        ),
        ReportKind::TrialBalance => (
            l(lang, "Neraca Saldo", "Trial Balance"),
            as_of_text(lang, to),
            trial_balance(store, to, lang)?,
            l(lang, "Neraca Saldo", "Trial Balance"),
        ),
        ReportKind::GeneralLedger => {
            let account = match req.account {
                Some(a) => a,
                None => return Err(usahaku_core::ledger::LedgerError::UnknownAccount.into()),
            };
            let gl = store.general_ledger(account, from, to)?;
            (
                format!(
                    "{} — {} {}",
                    l(lang, "Buku Besar", "General Ledger"),
                    gl.account.code,
                    gl.account.name
                ),
                period_text(lang, from, to),
                general_ledger(&gl, lang),
                l(lang, "Buku Besar", "General Ledger"),
            )
        }
        ReportKind::Notes => (
            l(lang, "Catatan atas Laporan Keuangan", "Notes to the Financial Statements"),
            period_text(lang, from, to),
            notes(store, from, to, lang)?,
            l(lang, "CALK", "Notes"),
        ),
        ReportKind::Statements => {
            let mut blocks = vec![Block::Heading(format!(
                "{} ({})",
                l(lang, "Laporan Posisi Keuangan", "Statement of Financial Position"),
                as_of_text(lang, to)
            ))];
            blocks.extend(balance_sheet(store, to, lang)?);
            blocks.push(Block::Heading(l(lang, "Laporan Laba Rugi", "Profit and Loss")));
            blocks.extend(profit_and_loss(store, from, to, lang)?);
            blocks.push(Block::Heading(l(lang, "Laporan Arus Kas", "Cash Flow Statement")));
            blocks.extend(cash_flow(store, from, to, lang)?);
            blocks.push(Block::Heading(l(
                lang,
                "Catatan atas Laporan Keuangan",
                "Notes to the Financial Statements",
            )));
            blocks.extend(notes(store, from, to, lang)?);
            (
                l(lang, "Laporan Keuangan", "Financial Statements"),
                period_text(lang, from, to),
                blocks,
                l(lang, "Laporan Keuangan", "Financial Statements"),
            )
        }
        ReportKind::Sales => (
            l(lang, "Laporan Penjualan", "Sales Report"),
            period_text(lang, from, to),
            sales(store, from, to, lang)?,
            l(lang, "Penjualan", "Sales"),
        ),
        ReportKind::OpenOrders => (
            l(lang, "Pesanan Belum Selesai dan Sisa Tagihan", "Open Orders and Unpaid Balances"),
            as_of_text(lang, to),
            open_orders(store, to, lang)?,
            l(lang, "Pesanan", "Orders"),
        ),
        ReportKind::Customers => (
            l(lang, "Laporan Data Pelanggan", "Customer Data Report"),
            as_of_text(lang, to),
            customers(store, lang)?,
            l(lang, "Pelanggan", "Customers"),
        ),
        ReportKind::CustomerService => (
            l(lang, "Laporan Layanan Pelanggan", "Customer Service Report"),
            period_text(lang, from, to),
            customer_service(store, from, to, lang)?,
            l(lang, "Layanan", "Service"),
        ),
        ReportKind::Marketing => (
            l(lang, "Laporan Pemasaran", "Marketing Report"),
            period_text(lang, from, to),
            marketing(store, from, to, lang)?,
            l(lang, "Pemasaran", "Marketing"),
        ),
    };
    Ok(Document { business: profile.name, header_lines, title, period, blocks, sheet })
}

/// A customer segment's name for people.
pub fn segment_label(s: usahaku_core::crm::Segment, lang: Lang) -> String {
    use usahaku_core::crm::Segment as S;
    match s {
        S::Loyal => l(lang, "Pelanggan setia", "Loyal"),
        S::New => l(lang, "Baru", "New"),
        S::AtRisk => l(lang, "Berisiko hilang", "At risk"),
        S::Inactive => l(lang, "Tidak aktif", "Inactive"),
        S::Regular => l(lang, "Reguler", "Regular"),
    }
}

fn customers(store: &Store, lang: Lang) -> Result<Vec<Block>> {
    let list = store.customer_list(None)?;
    let count = |n: usize| text(n.to_string());
    let mut rows = Vec::new();
    for seg in usahaku_core::crm::Segment::ALL {
        let of: Vec<_> = list.iter().filter(|c| c.segment == *seg).collect();
        let total = of.iter().try_fold(Money::ZERO, |t, c| t.checked_add(c.total))?;
        rows.push(Row {
            cells: vec![text(segment_label(*seg, lang)), count(of.len()), Cell::Money(total)],
            total: false,
        });
    }
    let all = list.iter().try_fold(Money::ZERO, |t, c| t.checked_add(c.total))?;
    rows.push(Row {
        cells: vec![text(l(lang, "Semua pelanggan", "All customers")), count(list.len()), Cell::Money(all)],
        total: true,
    });
    let mut blocks = vec![Block::Table {
        columns: vec![
            l(lang, "Segmen", "Segment"),
            l(lang, "Pelanggan", "Customers"),
            l(lang, "Total belanja", "Spent"),
        ],
        rows,
    }];
    blocks.push(Block::Heading(l(lang, "Daftar pelanggan", "Customers")));
    blocks.push(Block::Table {
        columns: vec![
            l(lang, "Pelanggan", "Customer"),
            l(lang, "Segmen", "Segment"),
            l(lang, "Belanja", "Purchases"),
            l(lang, "Terakhir", "Last"),
            l(lang, "Total belanja", "Spent"),
        ],
        rows: list
            .iter()
            .map(|c| {
                let phone = if c.customer.phone.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", usahaku_core::profile::format_phone(&c.customer.phone))
                };
                Row {
                    cells: vec![
                        text(format!("{}{phone}", c.customer.name)),
                        text(segment_label(c.segment, lang)),
                        text(c.purchases.to_string()),
                        text(c.last_purchase.map_or_else(|| "-".to_owned(), format_date)),
                        Cell::Money(c.total),
                    ],
                    total: false,
                }
            })
            .collect(),
    });
    Ok(blocks)
}

fn interaction_kind_label(code: &str, lang: Lang) -> String {
    match code {
        "pertanyaan" => l(lang, "Pertanyaan", "Question"),
        "keluhan" => l(lang, "Keluhan", "Complaint"),
        "masukan" => l(lang, "Masukan", "Feedback"),
        other => other.to_owned(),
    }
}

fn interaction_status_label(code: &str, lang: Lang) -> String {
    match code {
        "baru" => l(lang, "Baru", "New"),
        "diproses" => l(lang, "Diproses", "In progress"),
        "selesai" => l(lang, "Selesai", "Done"),
        other => other.to_owned(),
    }
}

/// `95 menit`, `26 jam`, `3 hari`.
pub fn minutes_text(minutes: i64, lang: Lang) -> String {
    if minutes < 120 {
        format!("{minutes} {}", l(lang, "menit", "min"))
    } else if minutes < 48 * 60 {
        format!("{} {}", minutes / 60, l(lang, "jam", "h"))
    } else {
        format!("{} {}", minutes / (24 * 60), l(lang, "hari", "days"))
    }
}

fn customer_service(store: &Store, from: Date, to: Date, lang: Lang) -> Result<Vec<Block>> {
    let r = store.service_report(from, to)?;
    let count = |n: u32| text(n.to_string());
    let mut rows: Vec<Row> = r
        .by_kind
        .iter()
        .map(|(k, n)| Row { cells: vec![text(interaction_kind_label(k, lang)), count(*n)], total: false })
        .collect();
    rows.extend(r.by_status.iter().map(|(s, n)| Row {
        cells: vec![
            text(format!("{}: {}", l(lang, "Status", "Status"), interaction_status_label(s, lang))),
            count(*n),
        ],
        total: false,
    }));
    rows.push(Row {
        cells: vec![
            text(l(lang, "Rata-rata waktu menanggapi", "Average response time")),
            text(r.average_response_minutes.map_or_else(|| "-".to_owned(), |m| minutes_text(m, lang))),
        ],
        total: true,
    });
    let mut blocks = vec![Block::Table {
        columns: vec![l(lang, "Ringkasan", "Summary"), l(lang, "Jumlah", "Count")],
        rows,
    }];
    blocks.push(Block::Heading(l(lang, "Rincian", "Details")));
    blocks.push(Block::Table {
        columns: vec![
            l(lang, "Pelanggan dan isi", "Customer and subject"),
            l(lang, "Jenis", "Kind"),
            l(lang, "Status", "Status"),
            l(lang, "Ditanggapi", "Answered in"),
        ],
        rows: r
            .items
            .iter()
            .map(|i| Row {
                cells: vec![
                    text(format!("{}: {}", i.customer_name, i.subject.replace('\n', " "))),
                    text(interaction_kind_label(&i.kind, lang)),
                    text(interaction_status_label(i.status.code(), lang)),
                    text(i.response_minutes.map_or_else(|| "-".to_owned(), |m| minutes_text(m, lang))),
                ],
                total: false,
            })
            .collect(),
    });
    Ok(blocks)
}

fn marketing(store: &Store, from: Date, to: Date, lang: Lang) -> Result<Vec<Block>> {
    let report = store.sales_report(from, to)?;
    let count = |n: usize| text(n.to_string());
    let mut blocks = vec![Block::Heading(l(lang, "Penjualan per saluran", "Sales by channel"))];
    blocks.push(Block::Table {
        columns: vec![
            l(lang, "Saluran", "Channel"),
            l(lang, "Transaksi", "Sales"),
            l(lang, "Total", "Total"),
        ],
        rows: report
            .by_channel
            .iter()
            .map(|c| Row {
                cells: vec![
                    text(channel_label(&c.channel, lang)),
                    text(c.count.to_string()),
                    Cell::Money(c.total),
                ],
                total: false,
            })
            .collect(),
    });
    blocks.push(Block::Heading(l(lang, "Penjualan per segmen pelanggan", "Sales by customer segment")));
    let by_segment = store.revenue_by_segment(from, to)?;
    let mut rows: Vec<Row> = by_segment.iter().map(|(s, m)| line(segment_label(*s, lang), *m)).collect();
    let known = by_segment.iter().try_fold(Money::ZERO, |t, (_, m)| t.checked_add(*m))?;
    rows.push(total(l(lang, "Pelanggan terdaftar", "Registered customers"), known));
    rows.push(line(
        l(lang, "Pembeli tanpa data pelanggan", "Buyers not registered"),
        report.total.checked_sub(known)?,
    ));
    blocks.push(two_columns(lang, rows));
    blocks.push(Block::Heading(l(lang, "Promo", "Promotions")));
    blocks.push(Block::Table {
        columns: vec![
            l(lang, "Promo", "Promotion"),
            l(lang, "Dipakai", "Uses"),
            l(lang, "Diskon diberikan", "Discount given"),
            l(lang, "Penjualan", "Revenue"),
        ],
        rows: store
            .promo_code_report(from, to)?
            .iter()
            .map(|u| Row {
                cells: vec![
                    text(format!("{} ({})", u.promo.name, u.promo.code)),
                    text(u.uses.to_string()),
                    Cell::Money(u.discount),
                    Cell::Money(u.revenue),
                ],
                total: false,
            })
            .collect(),
    });
    let reviews: Vec<_> =
        store.reviews(false)?.into_iter().filter(|r| r.date >= from && r.date <= to).collect();
    blocks.push(Block::Heading(l(lang, "Ulasan", "Reviews")));
    let average = if reviews.is_empty() {
        "-".to_owned()
    } else {
        let tenths = reviews.iter().map(|r| r.rating).sum::<i64>() * 10 / reviews.len() as i64;
        format!("{},{}", tenths / 10, tenths % 10)
    };
    blocks.push(Block::Table {
        columns: vec![l(lang, "Ulasan", "Reviews"), l(lang, "Jumlah", "Count")],
        rows: vec![
            Row {
                cells: vec![text(l(lang, "Ulasan masuk", "Reviews received")), count(reviews.len())],
                total: false,
            },
            Row {
                cells: vec![text(l(lang, "Rata-rata bintang", "Average stars")), text(average)],
                total: false,
            },
            Row {
                cells: vec![
                    text(l(lang, "Dipakai sebagai testimoni", "Used as testimonials")),
                    count(reviews.iter().filter(|r| r.testimonial).count()),
                ],
                total: false,
            },
        ],
    });
    let posts = store.content_plan(from, to)?;
    blocks.push(Block::Heading(l(lang, "Rencana konten", "Content plan")));
    blocks.push(Block::Table {
        columns: vec![
            l(lang, "Postingan", "Post"),
            l(lang, "Saluran", "Channel"),
            l(lang, "Status", "Status"),
        ],
        rows: posts
            .iter()
            .map(|p| Row {
                cells: vec![
                    text(format!("{} · {}", format_date(p.date), p.caption.replace('\n', " "))),
                    text(channel_label(&p.channel, lang)),
                    text(match p.status {
                        usahaku_core::marketing::PostStatus::Idea => l(lang, "Ide", "Idea"),
                        usahaku_core::marketing::PostStatus::Scheduled => l(lang, "Dijadwalkan", "Scheduled"),
                        usahaku_core::marketing::PostStatus::Posted => l(lang, "Diposting", "Posted"),
                    }),
                ],
                total: false,
            })
            .collect(),
    });
    Ok(blocks)
}

/// A sales channel's name for people.
pub fn channel_label(code: &str, lang: Lang) -> String {
    use usahaku_core::orders::Channel;
    match Channel::from_code(code) {
        Some(Channel::Shop) => l(lang, "Toko (kasir)", "Shop (cashier)"),
        Some(Channel::WhatsApp) => "WhatsApp".into(),
        Some(Channel::Instagram) => "Instagram".into(),
        Some(Channel::Facebook) => "Facebook".into(),
        Some(Channel::Tokopedia) => "Tokopedia".into(),
        Some(Channel::Shopee) => "Shopee".into(),
        Some(Channel::TikTok) => "TikTok Shop".into(),
        Some(Channel::Other) => l(lang, "Lainnya", "Other"),
        None => code.to_owned(),
    }
}

fn status_label(status: usahaku_core::orders::OrderStatus, lang: Lang) -> String {
    use usahaku_core::orders::OrderStatus as S;
    match status {
        S::New => l(lang, "Baru", "New"),
        S::Confirmed => l(lang, "Dikonfirmasi", "Confirmed"),
        S::InProcess => l(lang, "Diproses", "In progress"),
        S::Ready => l(lang, "Siap", "Ready"),
        S::Shipped => l(lang, "Dikirim", "Shipped"),
        S::Done => l(lang, "Selesai", "Done"),
        S::Cancelled => l(lang, "Dibatalkan", "Cancelled"),
    }
}

fn item_rows(items: &[usahaku_core::sales::ItemSales], lang: Lang, none: &str) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    for i in items {
        let name = if i.name.is_empty() { l(lang, none, "(none)") } else { i.name.clone() };
        rows.push(Row {
            cells: vec![
                text(name),
                text(i.qty.to_string()),
                Cell::Money(i.revenue),
                Cell::Money(i.cost),
                Cell::Money(i.revenue.checked_sub(i.cost)?),
            ],
            total: false,
        });
    }
    Ok(rows)
}

fn sales(store: &Store, from: Date, to: Date, lang: Lang) -> Result<Vec<Block>> {
    let r = store.sales_report(from, to)?;
    let count = |n: u32| text(n.to_string());
    let mut blocks = vec![Block::Table {
        columns: vec![l(lang, "Ringkasan", "Summary"), l(lang, "Jumlah", "Amount")],
        rows: vec![
            Row {
                cells: vec![
                    text(l(lang, "Transaksi (nota dan pesanan)", "Sales (receipts and orders)")),
                    count(r.sales),
                ],
                total: false,
            },
            Row {
                cells: vec![
                    text(l(lang, "Di antaranya pesanan terkirim", "Of which orders delivered")),
                    count(r.orders),
                ],
                total: false,
            },
            total(l(lang, "Total penjualan bersih", "Net sales"), r.total),
        ],
    }];
    blocks.push(Block::Heading(l(lang, "Per hari", "By day")));
    let mut rows: Vec<Row> = r
        .days
        .iter()
        .map(|d| Row {
            cells: vec![text(format_date(d.date)), count(d.sales), Cell::Money(d.total)],
            total: false,
        })
        .collect();
    rows.push(Row {
        cells: vec![text(l(lang, "Jumlah", "Total")), count(r.sales), Cell::Money(r.total)],
        total: true,
    });
    blocks.push(Block::Table {
        columns: vec![l(lang, "Tanggal", "Date"), l(lang, "Transaksi", "Sales"), l(lang, "Total", "Total")],
        rows,
    });
    blocks.push(Block::Heading(l(lang, "Per saluran", "By channel")));
    blocks.push(Block::Table {
        columns: vec![
            l(lang, "Saluran", "Channel"),
            l(lang, "Transaksi", "Sales"),
            l(lang, "Total", "Total"),
        ],
        rows: r
            .by_channel
            .iter()
            .map(|c| Row {
                cells: vec![text(channel_label(&c.channel, lang)), count(c.count), Cell::Money(c.total)],
                total: false,
            })
            .collect(),
    });
    blocks.push(Block::Heading(l(lang, "Uang diterima per cara bayar", "Money received by payment method")));
    let mut rows: Vec<Row> =
        r.by_method.iter().map(|(m, a)| line(nota::method_label(m, lang), Money::from_rupiah(*a))).collect();
    let received =
        r.by_method.iter().try_fold(Money::ZERO, |t, (_, a)| t.checked_add(Money::from_rupiah(*a)))?;
    rows.push(total(l(lang, "Jumlah diterima", "Total received"), received));
    blocks.push(Block::Table {
        columns: vec![l(lang, "Cara bayar", "Method"), l(lang, "Diterima", "Received")],
        rows,
    });
    let item_columns = |first: String| {
        vec![
            first,
            l(lang, "Jumlah", "Qty"),
            l(lang, "Penjualan", "Revenue"),
            l(lang, "HPP", "COGS"),
            l(lang, "Laba kotor", "Gross profit"),
        ]
    };
    blocks.push(Block::Heading(l(lang, "Per produk", "By product")));
    blocks.push(Block::Table {
        columns: item_columns(l(lang, "Produk", "Product")),
        rows: item_rows(&r.by_product, lang, "(tanpa nama)")?,
    });
    blocks.push(Block::Heading(l(lang, "Per kategori", "By category")));
    blocks.push(Block::Table {
        columns: item_columns(l(lang, "Kategori", "Category")),
        rows: item_rows(&r.by_category, lang, "(tanpa kategori)")?,
    });
    blocks.push(Block::Paragraph(l(
        lang,
        "Penjualan per produk sesudah diskon baris, sebelum diskon nota dan ongkir. Pesanan dihitung saat dikirim atau diserahkan; pembatalan dan retur mengurangi.",
        "Revenue per product is after line discounts, before receipt discounts and shipping. Orders count when delivered; cancellations and returns subtract.",
    )));
    Ok(blocks)
}

fn open_orders(store: &Store, as_of: Date, lang: Lang) -> Result<Vec<Block>> {
    let orders = store.open_orders()?;
    let mut rows = Vec::new();
    let (mut total_all, mut paid_all, mut left_all, mut overdue) =
        (Money::ZERO, Money::ZERO, Money::ZERO, 0u32);
    for o in &orders {
        let late = o.due_date.is_some_and(|d| d < as_of) && o.remaining > Money::ZERO;
        overdue += u32::from(late);
        let due = o.due_date.map_or_else(|| "-".to_owned(), format_date);
        rows.push(Row {
            cells: vec![
                text(format!("{} · {} ({})", o.number, o.customer, channel_label(&o.channel, lang))),
                text(if late { format!("{due} !") } else { due }),
                text(status_label(o.status, lang)),
                Cell::Money(o.total),
                Cell::Money(o.paid),
                Cell::Money(o.remaining),
            ],
            total: false,
        });
        total_all = total_all.checked_add(o.total)?;
        paid_all = paid_all.checked_add(o.paid)?;
        left_all = left_all.checked_add(o.remaining)?;
    }
    rows.push(Row {
        cells: vec![
            text(format!("{} {}", orders.len(), l(lang, "pesanan", "orders"))),
            Cell::Empty,
            Cell::Empty,
            Cell::Money(total_all),
            Cell::Money(paid_all),
            Cell::Money(left_all),
        ],
        total: true,
    });
    Ok(vec![
        Block::Table {
            columns: vec![
                l(lang, "Pesanan", "Order"),
                l(lang, "Jatuh tempo", "Due"),
                l(lang, "Status", "Status"),
                l(lang, "Total", "Total"),
                l(lang, "Dibayar", "Paid"),
                l(lang, "Sisa", "Left"),
            ],
            rows,
        },
        Block::Paragraph(if overdue > 0 {
            format!(
                "{overdue} {}",
                l(
                    lang,
                    "pesanan lewat jatuh tempo dengan sisa tagihan (ditandai !).",
                    "orders past due with money still owed (marked !)."
                )
            )
        } else {
            l(lang, "Tidak ada pesanan yang lewat jatuh tempo.", "No order is past its due date.")
        }),
    ])
}

fn profit_and_loss(store: &Store, from: Date, to: Date, lang: Lang) -> Result<Vec<Block>> {
    let pl = store.profit_and_loss(from, to)?;
    let mut rows = vec![group_row(l(lang, "Pendapatan", "Revenue"))];
    rows.extend(account_lines(&pl.revenue_lines));
    rows.push(total(l(lang, "Jumlah pendapatan", "Total revenue"), pl.revenue));
    rows.push(group_row(l(lang, "Beban", "Expenses")));
    rows.extend(account_lines(&pl.expense_lines));
    rows.push(total(l(lang, "Jumlah beban", "Total expenses"), pl.expenses));
    rows.push(total(l(lang, "Laba (rugi) bersih", "Net profit (loss)"), pl.net_profit));
    Ok(vec![two_columns(lang, rows)])
}

fn balance_sheet(store: &Store, as_of: Date, lang: Lang) -> Result<Vec<Block>> {
    let bs = store.balance_sheet(as_of)?;
    let mut rows = vec![group_row(l(lang, "Aset", "Assets"))];
    rows.extend(account_lines(&bs.assets));
    rows.push(total(l(lang, "Jumlah aset", "Total assets"), bs.total_assets));
    rows.push(group_row(l(lang, "Kewajiban", "Liabilities")));
    rows.extend(account_lines(&bs.liabilities));
    rows.push(total(l(lang, "Jumlah kewajiban", "Total liabilities"), bs.total_liabilities));
    rows.push(group_row(l(lang, "Ekuitas", "Equity")));
    rows.extend(account_lines(&bs.equity));
    rows.push(line(l(lang, "Laba (rugi) ditahan", "Retained earnings"), bs.retained_earnings));
    rows.push(total(l(lang, "Jumlah ekuitas", "Total equity"), bs.total_equity));
    let liabilities_and_equity = bs.total_liabilities.checked_add(bs.total_equity)?;
    rows.push(total(
        l(lang, "Jumlah kewajiban dan ekuitas", "Total liabilities and equity"),
        liabilities_and_equity,
    ));
    Ok(vec![two_columns(lang, rows)])
}

fn cash_flow(store: &Store, from: Date, to: Date, lang: Lang) -> Result<Vec<Block>> {
    let cf = store.cash_flow(from, to)?;
    let mut rows = Vec::new();
    for (group, id, en, amount) in [
        (CashFlowGroup::Operating, "aktivitas operasi", "operating activities", cf.operating),
        (CashFlowGroup::Investing, "aktivitas investasi", "investing activities", cf.investing),
        (CashFlowGroup::Financing, "aktivitas pendanaan", "financing activities", cf.financing),
    ] {
        rows.push(group_row(l(lang, &format!("Arus kas dari {id}"), &format!("Cash flows from {en}"))));
        rows.extend(
            cf.lines.iter().filter(|(g, _)| *g == group).map(|(_, a)| line(a.account.name.clone(), a.amount)),
        );
        rows.push(total(l(lang, &format!("Kas bersih dari {id}"), &format!("Net cash from {en}")), amount));
    }
    rows.push(total(l(lang, "Kenaikan (penurunan) kas bersih", "Net increase (decrease) in cash"), cf.net));
    rows.push(line(l(lang, "Kas awal periode", "Cash at the start"), cf.opening));
    rows.push(total(l(lang, "Kas akhir periode", "Cash at the end"), cf.closing));
    Ok(vec![two_columns(lang, rows)])
}

fn trial_balance(store: &Store, as_of: Date, lang: Lang) -> Result<Vec<Block>> {
    let tb = store.trial_balance(as_of)?;
    let (mut debit, mut credit) = (Money::ZERO, Money::ZERO);
    let mut rows = Vec::new();
    for r in &tb {
        debit = debit.checked_add(r.debit)?;
        credit = credit.checked_add(r.credit)?;
        rows.push(Row {
            cells: vec![
                text(format!("{} {}", r.account.code, r.account.name)),
                side(r.debit),
                side(r.credit),
            ],
            total: false,
        });
    }
    rows.push(Row {
        cells: vec![text(l(lang, "Jumlah", "Total")), Cell::Money(debit), Cell::Money(credit)],
        total: true,
    });
    Ok(vec![Block::Table {
        columns: vec![l(lang, "Akun", "Account"), "Debit".into(), l(lang, "Kredit", "Credit")],
        rows,
    }])
}

fn general_ledger(gl: &usahaku_core::journal::GeneralLedger, lang: Lang) -> Vec<Block> {
    let mut rows = vec![Row {
        cells: vec![
            text(l(lang, "Saldo awal", "Opening balance")),
            Cell::Empty,
            Cell::Empty,
            Cell::Money(gl.opening),
        ],
        total: false,
    }];
    for r in &gl.rows {
        let memo = if r.memo.is_empty() { String::new() } else { format!(" {}", r.memo) };
        rows.push(Row {
            cells: vec![
                text(format!("{}{memo}", format_date(r.date))),
                side(r.debit),
                side(r.credit),
                Cell::Money(r.balance),
            ],
            total: false,
        });
    }
    rows.push(Row {
        cells: vec![
            text(l(lang, "Saldo akhir", "Closing balance")),
            Cell::Empty,
            Cell::Empty,
            Cell::Money(gl.closing),
        ],
        total: true,
    });
    let mut blocks = vec![Block::Table {
        columns: vec![
            l(lang, "Tanggal / keterangan", "Date / note"),
            "Debit".into(),
            l(lang, "Kredit", "Credit"),
            "Saldo".into(),
        ],
        rows,
    }];
    if gl.truncated {
        blocks.push(Block::Paragraph(l(
            lang,
            "Baris terlalu banyak: pilih periode yang lebih pendek untuk melihat semuanya.",
            "Too many lines: choose a shorter period to see them all.",
        )));
    }
    blocks
}

fn notes(store: &Store, from: Date, to: Date, lang: Lang) -> Result<Vec<Block>> {
    let n = store.notes(from, to, lang)?;
    let mut blocks = Vec::new();
    for (i, note) in n.notes.into_iter().enumerate() {
        blocks.push(Block::Heading(format!("{}. {}", i + 1, note.title)));
        blocks.extend(note.paragraphs.into_iter().map(Block::Paragraph));
    }
    Ok(blocks)
}
