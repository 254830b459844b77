//! `usahaku kas|piutang|utang|koreksi|laporan|tutup-buku|anggaran|akun`: Pembukuan from the
//! command line. Every input goes through the same core functions as the app's forms.

use crate::write_json as json;
use clap::{Args, Subcommand};
use jiff::civil::Date;
use std::io::Write;
use std::path::PathBuf;
use usahaku_core::ledger::{AccountRole, LedgerError, parse_date};
use usahaku_core::ledger_input::{CashAction, CashInput, DebtInput, PaymentInput};
use usahaku_core::profile::format_date;
use usahaku_core::{CoreError, Lang, Money, Store};
use usahaku_export::{Block, Cell, Document, ReportKind, ReportRequest};
use uuid::Uuid;

#[derive(Debug, Subcommand)]
pub(crate) enum KasAction {
    /// Catat uang masuk (mis. penjualan tunai).
    Masuk(CashArgs),
    /// Catat uang keluar (mis. belanja bahan, sewa).
    Keluar(CashArgs),
    /// Pindahkan uang antar akun (mis. Kas ke Bank): --akun asal, --ke tujuan.
    Pindah(CashArgs),
    /// Catat setoran modal pemilik.
    Modal(CashArgs),
    /// Catat pengambilan pribadi pemilik (prive).
    Prive(CashArgs),
    /// Daftar buku kas untuk satu periode.
    Daftar {
        #[command(flatten)]
        period: PeriodArgs,
        /// Hanya akun uang ini (Kas, Bank, Dompet digital).
        #[arg(long, visible_alias = "akun")]
        account: Option<String>,
        /// Hanya kategori ini.
        #[arg(long, visible_alias = "kategori")]
        category: Option<String>,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub(crate) struct CashArgs {
    /// Jumlah, mis. 1.500.000 atau Rp1.500.000.
    #[arg(long, visible_alias = "jumlah", allow_hyphen_values = true)]
    amount: String,
    /// Kategori (kode, nama, atau bagian nama akun), mis. penjualan, "bahan baku", 6-103.
    #[arg(long, visible_alias = "kategori")]
    category: Option<String>,
    /// Akun tujuan untuk pindah dana, mis. Bank.
    #[arg(long = "to", visible_alias = "ke")]
    to: Option<String>,
    /// Akun uang: Kas, Bank atau Dompet digital.
    #[arg(long, visible_alias = "akun", default_value = "Kas")]
    account: String,
    /// Tanggal (2026-11-30 atau 30/11/2026); kosong = hari ini.
    #[arg(long, visible_alias = "tanggal", default_value = "")]
    date: String,
    /// Keterangan.
    #[arg(long, visible_alias = "ket", default_value = "")]
    note: String,
    /// Dari / kepada siapa.
    #[arg(long, visible_alias = "pihak")]
    counterparty: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum DebtAction {
    /// Catat utang/piutang baru.
    Tambah {
        /// Nama orang atau usaha.
        #[arg(long, visible_alias = "pihak")]
        counterparty: String,
        /// Jumlah.
        #[arg(long, visible_alias = "jumlah", allow_hyphen_values = true)]
        amount: String,
        /// Kategori: untuk piutang biasanya Penjualan; untuk utang barang/beban yang dibeli.
        #[arg(long, visible_alias = "kategori")]
        category: Option<String>,
        /// Tanggal; kosong = hari ini.
        #[arg(long, visible_alias = "tanggal", default_value = "")]
        date: String,
        /// Jatuh tempo.
        #[arg(long = "due", visible_alias = "jatuh-tempo")]
        due: Option<String>,
        /// Keterangan.
        #[arg(long, visible_alias = "ket", default_value = "")]
        note: String,
    },
    /// Catat pembayaran (boleh sebagian).
    Bayar {
        /// ID utang/piutang (lihat `daftar`).
        id: String,
        /// Jumlah.
        #[arg(long, visible_alias = "jumlah", allow_hyphen_values = true)]
        amount: String,
        /// Akun uang.
        #[arg(long, visible_alias = "akun", default_value = "Kas")]
        account: String,
        /// Tanggal; kosong = hari ini.
        #[arg(long, visible_alias = "tanggal", default_value = "")]
        date: String,
    },
    /// Daftar yang belum lunas (--semua untuk semuanya).
    Daftar {
        /// Termasuk yang sudah lunas.
        #[arg(long, visible_alias = "semua")]
        all: bool,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Pesan pengingat dan tautan WhatsApp untuk satu piutang.
    Ingatkan {
        /// ID piutang.
        id: String,
        /// Nomor WhatsApp, mis. 0812-3456-7890.
        #[arg(long, visible_alias = "telp")]
        phone: String,
    },
}

#[derive(Debug, Args)]
pub(crate) struct PeriodArgs {
    /// Tanggal awal (default: awal bulan ini).
    #[arg(long, visible_alias = "dari")]
    from: Option<String>,
    /// Tanggal akhir (default: akhir bulan dari tanggal awal).
    #[arg(long, visible_alias = "sampai")]
    to: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    #[command(flatten)]
    period: PeriodArgs,
    /// Keluaran JSON.
    #[arg(long)]
    json: bool,
    /// Simpan juga sebagai PDF ke berkas ini.
    #[arg(long)]
    pdf: Option<PathBuf>,
    /// Simpan juga sebagai Excel (XLSX) ke berkas ini.
    #[arg(long)]
    xlsx: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum LaporanAction {
    /// Laporan Laba Rugi.
    LabaRugi(ReportArgs),
    /// Laporan Posisi Keuangan per tanggal --sampai.
    PosisiKeuangan(ReportArgs),
    /// Laporan Arus Kas (metode langsung).
    ArusKas(ReportArgs),
    /// Neraca Saldo per tanggal --sampai.
    NeracaSaldo(ReportArgs),
    /// Buku Besar satu akun.
    BukuBesar {
        /// Akun (kode atau nama).
        #[arg(long, visible_alias = "akun")]
        account: String,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Catatan atas Laporan Keuangan (CALK).
    Calk(ReportArgs),
    /// Semua laporan SAK EMKM dalam satu berkas.
    Lengkap(ReportArgs),
    /// Laporan penjualan: per hari, cara bayar, saluran, produk dan kategori.
    Penjualan(ReportArgs),
    /// Pesanan belum selesai dan sisa tagihannya (per tanggal --sampai).
    Pesanan(ReportArgs),
    /// Laporan data pelanggan (segmen dan belanja tiap pelanggan).
    Pelanggan(ReportArgs),
    /// Laporan layanan pelanggan (pertanyaan dan keluhan, waktu menanggapi).
    Layanan(ReportArgs),
    /// Laporan pemasaran (saluran, segmen, ulasan, rencana konten).
    Pemasaran(ReportArgs),
    /// PPh Final UMKM satu bulan.
    Pph {
        /// Bulan, mis. 2026-11 (default: bulan ini).
        #[arg(long, visible_alias = "bulan")]
        month: Option<String>,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Anggaran vs realisasi satu bulan.
    Anggaran {
        /// Bulan, mis. 2026-11 (default: bulan ini).
        #[arg(long, visible_alias = "bulan")]
        month: Option<String>,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum AnggaranAction {
    /// Tetapkan anggaran bulanan satu akun beban, berlaku mulai --bulan.
    Set {
        /// Akun beban (kode atau nama).
        #[arg(long, visible_alias = "akun")]
        account: String,
        /// Bulan mulai, mis. 2026-11.
        #[arg(long, visible_alias = "bulan")]
        month: String,
        /// Jumlah per bulan (0 untuk menghapus).
        #[arg(long, visible_alias = "jumlah", allow_hyphen_values = true)]
        amount: String,
    },
}

fn month_of(store: &Store, text: Option<&str>) -> Result<(i16, i8), CoreError> {
    let d = match text {
        Some(t) => parse_date(&format!("{}-01", t.trim()))?,
        None => store.today()?,
    };
    Ok((d.year(), d.month()))
}

fn period(store: &Store, p: &PeriodArgs) -> Result<(Date, Date), CoreError> {
    let from = match &p.from {
        Some(t) => parse_date(t)?,
        None => store.today()?.first_of_month(),
    };
    let to = match &p.to {
        Some(t) => parse_date(t)?,
        None => from.last_of_month(),
    };
    if to < from {
        return Err(LedgerError::BadDate(format!("{from} – {to}")).into());
    }
    Ok((from, to))
}

/// 50 basis points → `0,5%`.
fn rate_text(bp: u32) -> String {
    let (whole, frac) = (bp / 100, bp % 100);
    if frac == 0 {
        format!("{whole}%")
    } else {
        format!("{whole},{}%", format!("{frac:02}").trim_end_matches('0'))
    }
}

/// A document as plain text: labels left, amounts right-aligned in 16-character columns.
fn print_document(out: &mut impl Write, doc: &Document) -> Result<(), CoreError> {
    writeln!(out, "{}", doc.business)?;
    for l in &doc.header_lines {
        writeln!(out, "{l}")?;
    }
    writeln!(out, "\n{}\n{}\n", doc.title, doc.period)?;
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => writeln!(out, "\n{h}")?,
            Block::Paragraph(p) => writeln!(out, "{p}")?,
            Block::Table { columns, rows } => {
                let cell = |c: &Cell| match c {
                    Cell::Text(t) => t.clone(),
                    Cell::Money(m) => usahaku_export::statement_amount(*m),
                    Cell::Empty => String::new(),
                };
                let line = |cells: Vec<String>| {
                    let mut s = format!("{:<44}", cells.first().cloned().unwrap_or_default());
                    for c in cells.iter().skip(1) {
                        s.push_str(&format!("{c:>16}"));
                    }
                    s
                };
                writeln!(out, "{}", line(columns.clone()))?;
                for r in rows {
                    let text = line(r.cells.iter().map(cell).collect());
                    if r.total {
                        let width = 16 * (columns.len().max(2) - 1);
                        writeln!(out, "{:>w$}", "-".repeat(14), w = 44 + width)?;
                    }
                    writeln!(out, "{text}")?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

fn report(
    out: &mut impl Write,
    store: &Store,
    kind: ReportKind,
    args: &ReportArgs,
    account: Option<Uuid>,
    lang: Lang,
) -> Result<(), CoreError> {
    let (from, to) = period(store, &args.period)?;
    let req = ReportRequest { kind, from, to, account };
    let doc = usahaku_export::build(store, &req, lang)?;
    if let Some(path) = &args.pdf {
        std::fs::write(path, usahaku_export::to_pdf(&doc, lang))?;
    }
    if let Some(path) = &args.xlsx {
        let bytes = usahaku_export::to_xlsx(&doc).map_err(|e| CoreError::Io(std::io::Error::other(e)))?;
        std::fs::write(path, bytes)?;
    }
    if args.json {
        match kind {
            ReportKind::ProfitAndLoss => json(out, &store.profit_and_loss(from, to)?),
            ReportKind::BalanceSheet => json(out, &store.balance_sheet(to)?),
            ReportKind::CashFlow => json(out, &store.cash_flow(from, to)?),
            ReportKind::TrialBalance => json(out, &store.trial_balance(to)?),
            ReportKind::GeneralLedger => match account {
                Some(a) => json(out, &store.general_ledger(a, from, to)?),
                None => Err(LedgerError::UnknownAccount.into()),
            },
            ReportKind::Notes => json(out, &store.notes(from, to, lang)?),
            ReportKind::Sales => json(out, &store.sales_report(from, to)?),
            ReportKind::OpenOrders => json(out, &store.open_orders()?),
            ReportKind::Customers => json(out, &store.customer_list(None)?),
            ReportKind::CustomerService => json(out, &store.service_report(from, to)?),
            ReportKind::Marketing => json(
                out,
                &serde_json::json!({
                    "by_channel": store.sales_report(from, to)?.by_channel,
                    "by_segment": store.revenue_by_segment(from, to)?,
                    "reviews": store.reviews(false)?,
                    "content_plan": store.content_plan(from, to)?,
                }),
            ),
            ReportKind::Statements => json(
                out,
                &serde_json::json!({
                    "balance_sheet": store.balance_sheet(to)?,
                    "profit_and_loss": store.profit_and_loss(from, to)?,
                    "cash_flow": store.cash_flow(from, to)?,
                    "notes": store.notes(from, to, lang)?,
                }),
            ),
        }
    } else {
        print_document(out, &doc)
    }
}

fn said(
    out: &mut impl Write,
    lang: Lang,
    id_text: &str,
    en_text: &str,
    entry: Uuid,
) -> Result<(), CoreError> {
    writeln!(out, "{} (ID {entry})", lang.pick(id_text, en_text))?;
    Ok(())
}

pub(crate) fn kas(store: &mut Store, action: KasAction, lang: Lang) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    let (action, a) = match action {
        KasAction::Masuk(a) => (CashAction::Income, a),
        KasAction::Keluar(a) => (CashAction::Expense, a),
        KasAction::Pindah(a) => (CashAction::Transfer, a),
        KasAction::Modal(a) => (CashAction::Capital, a),
        KasAction::Prive(a) => (CashAction::Drawing, a),
        KasAction::Daftar { period: p, account, category, json: as_json } => {
            let (from, to) = period(store, &p)?;
            let filter = usahaku_core::journal::CashBookFilter {
                from,
                to,
                money_account: account.map(|a| store.find_account(&a)).transpose()?.map(|a| a.id),
                category: category.map(|c| store.find_account(&c)).transpose()?.map(|a| a.id),
            };
            let book = store.cash_book(&filter)?;
            if as_json {
                return json(&mut out, &book);
            }
            writeln!(
                out,
                "{:<12} {:<34} {:>14} {:>14} {:>15}",
                lang.pick("Tanggal", "Date"),
                lang.pick("Keterangan", "Note"),
                lang.pick("Masuk", "In"),
                lang.pick("Keluar", "Out"),
                "Saldo"
            )?;
            writeln!(
                out,
                "{:<12} {:<34} {:>14} {:>14} {:>15}",
                "",
                lang.pick("Saldo awal", "Opening"),
                "",
                "",
                book.opening.to_string()
            )?;
            for r in &book.rows {
                let what = [
                    Some(r.memo.clone()).filter(|m| !m.is_empty()),
                    r.category.as_ref().map(|c| c.name.clone()),
                ]
                .into_iter()
                .flatten()
                .next()
                .unwrap_or_default();
                let show = |m: Money| if m == Money::ZERO { String::new() } else { m.to_string() };
                writeln!(
                    out,
                    "{:<12} {:<34} {:>14} {:>14} {:>15}",
                    format_date(r.date),
                    what.chars().take(34).collect::<String>(),
                    show(r.money_in),
                    show(r.money_out),
                    r.balance.to_string()
                )?;
            }
            writeln!(
                out,
                "{:<12} {:<34} {:>14} {:>14} {:>15}",
                "",
                lang.pick("Jumlah / saldo akhir", "Totals / closing"),
                book.total_in.to_string(),
                book.total_out.to_string(),
                book.closing.to_string()
            )?;
            return Ok(());
        }
    };
    let other_account = match action {
        CashAction::Transfer => a.to.or(a.category),
        _ => a.category,
    };
    let input = CashInput {
        action,
        date: a.date,
        amount: a.amount,
        money_account: a.account,
        other_account,
        note: a.note,
        counterparty: a.counterparty,
    };
    let id = store.record_cash(&input)?;
    said(&mut out, lang, "Tercatat.", "Recorded.", id)
}

pub(crate) fn debt(
    store: &mut Store,
    receivable: bool,
    action: DebtAction,
    lang: Lang,
) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    match action {
        DebtAction::Tambah { counterparty, amount, category, date, due, note } => {
            let category = match category {
                Some(c) => c,
                None if receivable => "Penjualan".to_owned(),
                None => return Err(LedgerError::Required("category").into()),
            };
            let id = store.record_debt(&DebtInput {
                receivable,
                date,
                amount,
                counterparty,
                category,
                due_date: due,
                note,
            })?;
            said(&mut out, lang, "Tercatat.", "Recorded.", id)
        }
        DebtAction::Bayar { id, amount, account, date } => {
            let d = store.debt(Uuid::parse_str(id.trim()).map_err(|_| LedgerError::NotADebt)?)?;
            if d.receivable != receivable {
                return Err(LedgerError::NotADebt.into());
            }
            let pay = store.record_payment(&PaymentInput {
                debt: id,
                date,
                amount,
                money_account: account,
                note: String::new(),
            })?;
            let left = store.debt(d.id)?.outstanding;
            writeln!(
                out,
                "{} {} {left}. (ID {pay})",
                lang.pick("Pembayaran tercatat.", "Payment recorded."),
                lang.pick("Sisa", "Left")
            )?;
            Ok(())
        }
        DebtAction::Daftar { all, json: as_json } => {
            let today = store.today()?;
            let rows: Vec<_> = store
                .debts()?
                .into_iter()
                .filter(|d| d.receivable == receivable && (all || d.outstanding > Money::ZERO))
                .collect();
            if as_json {
                let with_aging: Vec<_> =
                    rows.iter().map(|d| serde_json::json!({ "debt": d, "aging": d.aging(today) })).collect();
                return json(&mut out, &with_aging);
            }
            if rows.is_empty() {
                writeln!(out, "{}", lang.pick("Tidak ada yang belum lunas.", "Nothing open."))?;
            }
            for d in rows {
                let due = d.due_date.map(format_date).unwrap_or_else(|| "-".into());
                writeln!(
                    out,
                    "{}  {:<24} {:>14} {} {:>14}  {} {due}",
                    d.id,
                    d.counterparty,
                    d.amount.to_string(),
                    lang.pick("sisa", "left"),
                    d.outstanding.to_string(),
                    lang.pick("jatuh tempo", "due")
                )?;
            }
            Ok(())
        }
        DebtAction::Ingatkan { id, phone } => {
            let debt = Uuid::parse_str(id.trim()).map_err(|_| LedgerError::NotADebt)?;
            let r = store.debt_reminder(debt, &phone, lang)?;
            writeln!(out, "{}\n\n{}", r.text, r.link)?;
            Ok(())
        }
    }
}

pub(crate) fn laporan(store: &Store, action: LaporanAction, lang: Lang) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    match action {
        LaporanAction::LabaRugi(a) => report(&mut out, store, ReportKind::ProfitAndLoss, &a, None, lang),
        LaporanAction::PosisiKeuangan(a) => report(&mut out, store, ReportKind::BalanceSheet, &a, None, lang),
        LaporanAction::ArusKas(a) => report(&mut out, store, ReportKind::CashFlow, &a, None, lang),
        LaporanAction::NeracaSaldo(a) => report(&mut out, store, ReportKind::TrialBalance, &a, None, lang),
        LaporanAction::Calk(a) => report(&mut out, store, ReportKind::Notes, &a, None, lang),
        LaporanAction::Penjualan(a) => report(&mut out, store, ReportKind::Sales, &a, None, lang),
        LaporanAction::Pesanan(a) => report(&mut out, store, ReportKind::OpenOrders, &a, None, lang),
        LaporanAction::Pelanggan(a) => report(&mut out, store, ReportKind::Customers, &a, None, lang),
        LaporanAction::Layanan(a) => report(&mut out, store, ReportKind::CustomerService, &a, None, lang),
        LaporanAction::Pemasaran(a) => report(&mut out, store, ReportKind::Marketing, &a, None, lang),
        LaporanAction::Lengkap(a) => report(&mut out, store, ReportKind::Statements, &a, None, lang),
        LaporanAction::BukuBesar { account, report: a } => {
            let account = store.find_account(&account)?.id;
            report(&mut out, store, ReportKind::GeneralLedger, &a, Some(account), lang)
        }
        LaporanAction::Pph { month, json: as_json } => {
            let (y, m) = month_of(store, month.as_deref())?;
            let p = store.pph_final(y, m, store.profile()?.taxpayer_kind)?;
            if as_json {
                return json(&mut out, &p);
            }
            let rows = [
                (lang.pick("Omzet bulan ini", "Revenue this month"), p.revenue.to_string()),
                (
                    lang.pick("Omzet sebelumnya tahun ini", "Revenue earlier this year"),
                    p.revenue_before.to_string(),
                ),
                (lang.pick("Dikenai pajak", "Taxable"), p.taxable.to_string()),
                (lang.pick("Tarif", "Rate"), rate_text(p.rate_bp)),
                (lang.pick("PPh Final terutang", "Tax due"), p.tax.to_string()),
                ("KAP / KJS", format!("{} / {}", p.kap, p.kjs)),
                (lang.pick("Dasar", "Basis"), p.basis.clone()),
            ];
            for (label, value) in rows {
                writeln!(out, "{label:<28}: {value}")?;
            }
            Ok(())
        }
        LaporanAction::Anggaran { month, json: as_json } => {
            let (y, m) = month_of(store, month.as_deref())?;
            let r = store.budget_report(y, m)?;
            if as_json {
                return json(&mut out, &r);
            }
            writeln!(
                out,
                "{:<32} {:>14} {:>14} {:>14}",
                lang.pick("Akun beban", "Expense account"),
                lang.pick("Anggaran", "Budget"),
                lang.pick("Realisasi", "Actual"),
                lang.pick("Selisih", "Difference")
            )?;
            for row in &r.rows {
                writeln!(
                    out,
                    "{:<32} {:>14} {:>14} {:>14}",
                    row.account.name,
                    row.budget.to_string(),
                    row.actual.to_string(),
                    row.difference.to_string()
                )?;
            }
            writeln!(
                out,
                "{:<32} {:>14} {:>14} {:>14}",
                lang.pick("JUMLAH", "TOTAL"),
                r.total_budget.to_string(),
                r.total_actual.to_string(),
                r.total_difference.to_string()
            )?;
            Ok(())
        }
    }
}

pub(crate) fn jurnal(
    store: &mut Store,
    memo: &str,
    debits: &[String],
    credits: &[String],
    date: &str,
    lang: Lang,
) -> Result<(), CoreError> {
    use usahaku_core::ledger_input::{JournalInput, JournalLineInput};
    let line = |text: &str, debit: bool| -> Result<JournalLineInput, CoreError> {
        let (account, amount) = text.rsplit_once('=').ok_or(LedgerError::BadLines)?;
        let (d, c) = if debit { (amount, "") } else { ("", amount) };
        Ok(JournalLineInput { account: account.to_owned(), debit: d.to_owned(), credit: c.to_owned() })
    };
    let mut lines = Vec::new();
    for d in debits {
        lines.push(line(d, true)?);
    }
    for c in credits {
        lines.push(line(c, false)?);
    }
    let id = store.record_journal(&JournalInput { date: date.to_owned(), memo: memo.to_owned(), lines })?;
    said(&mut std::io::stdout().lock(), lang, "Jurnal tercatat.", "Entry recorded.", id)
}

pub(crate) fn koreksi(store: &mut Store, id: &str, date: &str, lang: Lang) -> Result<(), CoreError> {
    let entry = Uuid::parse_str(id.trim()).map_err(|_| LedgerError::UnknownEntry)?;
    let date = store.date_or_today(date)?;
    let r = store.reverse_entry(entry, date, lang.pick("Koreksi", "Correction"))?;
    said(&mut std::io::stdout().lock(), lang, "Transaksi dibatalkan dengan jurnal pembalik.", "Reversed.", r)
}

pub(crate) fn tutup_buku(store: &mut Store, month: &str, reopen: bool, lang: Lang) -> Result<(), CoreError> {
    let (y, m) = month_of(store, Some(month))?;
    store.lock_month(y, m, !reopen)?;
    let text = match (reopen, lang) {
        (false, Lang::Id) => {
            format!("Bulan {y}-{m:02} ditutup: tidak ada transaksi baru bertanggal di bulan ini.")
        }
        (false, Lang::En) => format!("{y}-{m:02} closed: no new transactions may be dated in it."),
        (true, Lang::Id) => format!("Bulan {y}-{m:02} dibuka kembali."),
        (true, Lang::En) => format!("{y}-{m:02} reopened."),
    };
    writeln!(std::io::stdout().lock(), "{text}")?;
    Ok(())
}

pub(crate) fn anggaran(store: &mut Store, action: AnggaranAction, lang: Lang) -> Result<(), CoreError> {
    let AnggaranAction::Set { account, month, amount } = action;
    let (y, m) = month_of(store, Some(&month))?;
    let account = store.find_account(&account)?;
    store.set_budget(account.id, y, m, Money::parse(&amount)?)?;
    let amount = store.budget_for(account.id, y, m)?;
    writeln!(
        std::io::stdout().lock(),
        "{} {}: {amount} {} {y}-{m:02}.",
        lang.pick("Anggaran", "Budget"),
        account.name,
        lang.pick("per bulan mulai", "a month from")
    )?;
    Ok(())
}

#[derive(Debug, Subcommand)]
pub(crate) enum AkunAction {
    /// Tambah akun, mis. rekening bank kedua atau jenis beban baru.
    Tambah {
        /// Nama akun, mis. "Bank BRI".
        #[arg(long, visible_alias = "nama")]
        name: String,
        /// Jenis: kas, bank, dompet, piutang, persediaan, aset-tetap, aset, utang, utang-bank,
        /// modal, pendapatan, beban.
        #[arg(long = "kind", visible_alias = "jenis")]
        kind: String,
        /// Kode (kosong = kode berikutnya untuk jenis itu).
        #[arg(long, visible_alias = "kode", default_value = "")]
        code: String,
    },
    /// Ganti nama akun.
    GantiNama {
        /// Akun (kode atau nama).
        account: String,
        /// Nama baru.
        #[arg(long, visible_alias = "nama")]
        name: String,
    },
    /// Hapus akun tambahan yang belum pernah dipakai.
    Hapus {
        /// Akun (kode atau nama).
        account: String,
    },
}

fn role_of(kind: &str) -> Option<AccountRole> {
    Some(match kind.trim().to_lowercase().as_str() {
        "kas" => AccountRole::Cash,
        "bank" => AccountRole::Bank,
        "dompet" | "dompet-digital" | "e-wallet" => AccountRole::Ewallet,
        "piutang" => AccountRole::Receivable,
        "persediaan" => AccountRole::Inventory,
        "aset-tetap" | "peralatan" => AccountRole::FixedAsset,
        "aset" => AccountRole::OtherAsset,
        "utang" => AccountRole::Payable,
        "utang-bank" | "pinjaman" => AccountRole::Loan,
        "modal" => AccountRole::Capital,
        "pendapatan" => AccountRole::OtherIncome,
        "beban" => AccountRole::Expense,
        _ => return None,
    })
}

pub(crate) fn akun_change(store: &mut Store, action: AkunAction, lang: Lang) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    match action {
        AkunAction::Tambah { name, kind, code } => {
            let Some(role) = role_of(&kind) else {
                eprintln!(
                    "{}: {}",
                    lang.pick("Galat", "Error"),
                    lang.pick(
                        "Jenis akun tidak dikenal. Pilih: kas, bank, dompet, piutang, persediaan, aset-tetap, aset, utang, utang-bank, modal, pendapatan, beban.",
                        "Unknown account kind. Choose: kas, bank, dompet, piutang, persediaan, aset-tetap, aset, utang, utang-bank, modal, pendapatan, beban.",
                    )
                );
                std::process::exit(2);
            };
            let a = store.add_account(&code, &name, role)?;
            writeln!(out, "{} {} {}", lang.pick("Akun ditambahkan:", "Account added:"), a.code, a.name)?;
        }
        AkunAction::GantiNama { account, name } => {
            let id = store.find_account(&account)?.id;
            let a = store.rename_account(id, &name)?;
            writeln!(out, "{} {} {}", lang.pick("Nama akun diganti:", "Account renamed:"), a.code, a.name)?;
        }
        AkunAction::Hapus { account } => {
            let a = store.find_account(&account)?;
            store.remove_account(a.id)?;
            writeln!(out, "{} {} {}", lang.pick("Akun dihapus:", "Account removed:"), a.code, a.name)?;
        }
    }
    Ok(())
}

pub(crate) fn akun(store: &Store, as_json: bool) -> Result<(), CoreError> {
    let accounts = store.accounts()?;
    let mut out = std::io::stdout().lock();
    if as_json {
        return json(&mut out, &accounts);
    }
    for a in accounts.iter().filter(|a| !a.archived) {
        writeln!(out, "{:<7} {:<32} {}", a.code, a.name, a.kind.code())?;
    }
    Ok(())
}
