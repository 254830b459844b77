//! `usahaku stok …`, `usahaku pemasok …` and the file commands of `usahaku produk …`
//! (impor, ekspor, templat, promo): the same core functions as the app.

use crate::write_json as json;
use clap::Subcommand;
use std::io::Write;
use std::path::Path;
use usahaku_core::pricing::PromoInput;
use usahaku_core::stock::{
    AdjustmentInput, CountInput, CountLineInput, ReceiptInput, ReceiptLineInput, StockPosted, SupplierInput,
};
use usahaku_core::{CoreError, Lang, Store};

#[derive(Debug, Subcommand)]
pub(crate) enum StokAction {
    /// Barang masuk: PRODUK JUMLAH HARGA-BELI (dicatat ke Persediaan dan dibayar dari --bayar).
    Masuk {
        /// SKU, barcode atau ID produk.
        product: String,
        /// Jumlah, mis. 10 atau 1,5.
        qty: String,
        /// Harga beli per satuan, mis. 5.000.
        cost: String,
        /// Barang lain dalam pembelian yang sama: SKU:JUMLAH:HARGA (boleh diulang).
        #[arg(long = "juga")]
        more: Vec<String>,
        /// Dibayar dari: Kas, Bank, Dompet digital, atau "Utang usaha" (bayar nanti).
        #[arg(long, visible_alias = "bayar", default_value = "Kas")]
        pay: String,
        /// Pemasok (nama).
        #[arg(long, visible_alias = "pemasok", default_value = "")]
        supplier: String,
        /// Jatuh tempo utang.
        #[arg(long = "due", visible_alias = "jatuh-tempo", default_value = "")]
        due: String,
        /// Tanggal (kosong = hari ini).
        #[arg(long, visible_alias = "tanggal", default_value = "")]
        date: String,
        /// Keterangan.
        #[arg(long, visible_alias = "ket", default_value = "")]
        note: String,
    },
    /// Penyesuaian: PRODUK JUMLAH (minus = keluar, mis. -2) dengan alasan.
    Sesuaikan {
        /// SKU, barcode atau ID produk.
        product: String,
        /// Jumlah: minus untuk mengurangi (mis. -2), plus untuk stok yang ditemukan.
        #[arg(allow_hyphen_values = true)]
        qty: String,
        /// rusak, hilang, kedaluwarsa, lainnya.
        #[arg(long, visible_alias = "alasan")]
        reason: String,
        /// Tanggal (kosong = hari ini).
        #[arg(long, visible_alias = "tanggal", default_value = "")]
        date: String,
        /// Keterangan.
        #[arg(long, visible_alias = "ket", default_value = "")]
        note: String,
    },
    /// Stok opname: --hitung SKU=JUMLAH untuk tiap produk yang dihitung.
    Opname {
        /// SKU=JUMLAH (boleh diulang).
        #[arg(long = "count", visible_alias = "hitung", required = true)]
        counts: Vec<String>,
        /// Tanggal (kosong = hari ini).
        #[arg(long, visible_alias = "tanggal", default_value = "")]
        date: String,
        /// Keterangan.
        #[arg(long, visible_alias = "ket", default_value = "")]
        note: String,
    },
    /// Kartu stok satu produk.
    Kartu {
        /// SKU, barcode atau ID produk.
        product: String,
        /// Dari tanggal (kosong = awal bulan ini).
        #[arg(long, visible_alias = "dari", default_value = "")]
        from: String,
        /// Sampai tanggal (kosong = hari ini).
        #[arg(long, visible_alias = "sampai", default_value = "")]
        to: String,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Laporan nilai persediaan.
    Nilai {
        /// Per tanggal (kosong = hari ini).
        #[arg(long = "as-of", visible_alias = "per", default_value = "")]
        as_of: String,
        /// Bukukan selisih dengan akun Persediaan sebagai jurnal penyesuaian (lawan: HPP).
        #[arg(long = "bukukan-selisih", visible_alias = "book-difference")]
        book: bool,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Produk dengan stok di bawah minimum.
    Menipis {
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Produk yang segera (atau sudah) kedaluwarsa dan masih ada stoknya.
    Kedaluwarsa {
        /// Dalam berapa hari ke depan (0–3650).
        #[arg(long = "days", visible_alias = "hari", default_value_t = 30)]
        hari: u16,
        /// Per tanggal (kosong = hari ini).
        #[arg(long = "as-of", visible_alias = "per", default_value = "")]
        as_of: String,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum PemasokAction {
    /// Tambah pemasok.
    Tambah {
        /// Nama.
        #[arg(long, visible_alias = "nama")]
        name: String,
        /// Telepon / WhatsApp.
        #[arg(long, visible_alias = "telepon", default_value = "")]
        phone: String,
        /// Alamat.
        #[arg(long, visible_alias = "alamat", default_value = "")]
        address: String,
        /// Catatan.
        #[arg(long, visible_alias = "catatan", default_value = "")]
        notes: String,
    },
    /// Daftar pemasok.
    Daftar {
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Riwayat belanja dari satu pemasok, dan utang yang belum dibayar.
    Riwayat {
        /// Nama atau ID pemasok.
        supplier: String,
        /// Dari tanggal (kosong = 1 Januari tahun ini).
        #[arg(long, visible_alias = "dari", default_value = "")]
        from: String,
        /// Sampai tanggal (kosong = hari ini).
        #[arg(long, visible_alias = "sampai", default_value = "")]
        to: String,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
}

fn posted(out: &mut impl Write, p: &StockPosted, lang: Lang) -> Result<(), CoreError> {
    writeln!(
        out,
        "{} {} {}; {} {}",
        p.movements,
        lang.pick("gerakan stok dicatat", "stock movements recorded"),
        if p.entry.is_some() { lang.pick("dengan jurnal", "with a journal entry") } else { "" },
        lang.pick("nilai persediaan", "inventory value"),
        p.value
    )?;
    Ok(())
}

pub(crate) fn stok(store: &mut Store, action: StokAction, lang: Lang) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    match action {
        StokAction::Masuk { product, qty, cost, more, pay, supplier, due, date, note } => {
            let mut lines = vec![ReceiptLineInput { product, qty, unit_cost: cost }];
            for m in more {
                let mut parts = m.splitn(3, ':');
                let (Some(p), Some(q), Some(c)) = (parts.next(), parts.next(), parts.next()) else {
                    return Err(usahaku_core::stock::StockError::BadQty(m).into());
                };
                lines.push(ReceiptLineInput { product: p.into(), qty: q.into(), unit_cost: c.into() });
            }
            let p = store.receive_stock(&ReceiptInput {
                date,
                supplier,
                pay_from: pay,
                due_date: due,
                lines,
                note,
            })?;
            posted(&mut out, &p, lang)
        }
        StokAction::Sesuaikan { product, qty, reason, date, note } => {
            let p = store.adjust_stock(&AdjustmentInput { date, product, qty, reason, note })?;
            posted(&mut out, &p, lang)
        }
        StokAction::Opname { counts, date, note } => {
            let mut lines = Vec::new();
            for c in counts {
                let (product, counted) = c
                    .rsplit_once('=')
                    .ok_or_else(|| CoreError::from(usahaku_core::stock::StockError::BadQty(c.clone())))?;
                lines.push(CountLineInput { product: product.into(), counted: counted.into() });
            }
            let p = store.count_stock(&CountInput { date, lines, note })?;
            posted(&mut out, &p, lang)
        }
        StokAction::Kartu { product, from, to, json: as_json } => {
            let p = store.find_product(&product)?;
            let to = store.date_or_today(&to)?;
            let from =
                if from.trim().is_empty() { to.first_of_month() } else { store.date_or_today(&from)? };
            let card = store.stock_card(p.id, from, to)?;
            if as_json {
                return json(&mut out, &card);
            }
            writeln!(out, "{} {} ({}), {from} – {to}", lang.pick("Kartu stok", "Stock card"), p.name, p.sku)?;
            writeln!(
                out,
                "{:<12} {:<12} {:>10} {:>10} {:>14} {:>10} {:>14}",
                lang.pick("Tanggal", "Date"),
                lang.pick("Jenis", "Kind"),
                lang.pick("Masuk", "In"),
                lang.pick("Keluar", "Out"),
                lang.pick("Nilai", "Value"),
                "Saldo",
                lang.pick("Nilai saldo", "Balance value")
            )?;
            writeln!(
                out,
                "{:<12} {:<12} {:>10} {:>10} {:>14} {:>10} {:>14}",
                "",
                lang.pick("saldo awal", "opening"),
                "",
                "",
                "",
                card.opening_qty.to_string(),
                card.opening_value.to_string()
            )?;
            for r in &card.rows {
                writeln!(
                    out,
                    "{:<12} {:<12} {:>10} {:>10} {:>14} {:>10} {:>14}",
                    r.date.to_string(),
                    if r.reason.is_empty() { r.kind.clone() } else { format!("{} ({})", r.kind, r.reason) },
                    r.qty_in.to_string(),
                    r.qty_out.to_string(),
                    r.value.to_string(),
                    r.balance_qty.to_string(),
                    r.balance_value.to_string()
                )?;
            }
            writeln!(out, "HPP/unit: {}", store.stock_level(p.id)?.avg_cost)?;
            Ok(())
        }
        StokAction::Nilai { as_of, book, json: as_json } => {
            let day = store.date_or_today(&as_of)?;
            let booked = if book {
                let difference = store.stock_value(day)?.difference;
                let entry = store.book_stock_difference(day)?;
                Some((difference, entry))
            } else {
                None
            };
            let report = store.stock_value(day)?;
            if as_json {
                return json(&mut out, &report);
            }
            if let Some((difference, entry)) = &booked {
                writeln!(
                    out,
                    "{} {difference}: {}",
                    lang.pick("Selisih dibukukan", "Difference booked"),
                    entry.memo
                )?;
            }
            writeln!(out, "{} {day}", lang.pick("Nilai persediaan per", "Inventory value at"))?;
            for r in &report.rows {
                writeln!(
                    out,
                    "{:<10} {:<40} {:>10} {:<7} × {:>12} = {:>14}",
                    r.sku,
                    r.name,
                    r.qty.to_string(),
                    r.unit,
                    r.avg_cost.to_string(),
                    r.value.to_string()
                )?;
            }
            writeln!(out, "{:<40} {:>50}", "Total", report.total.to_string())?;
            writeln!(
                out,
                "{:<40} {:>50}",
                lang.pick("Saldo akun Persediaan", "Persediaan account"),
                report.ledger_balance.to_string()
            )?;
            writeln!(
                out,
                "{:<40} {:>50}",
                lang.pick("Selisih", "Difference"),
                report.difference.to_string()
            )?;
            Ok(())
        }
        StokAction::Menipis { json: as_json } => {
            let rows = store.low_stock()?;
            if as_json {
                return json(&mut out, &rows);
            }
            if rows.is_empty() {
                writeln!(out, "{}", lang.pick("Semua stok aman.", "All stock is above its minimum."))?;
            }
            for r in &rows {
                writeln!(
                    out,
                    "{:<10} {:<40} {:>8} {} (min {})",
                    r.sku,
                    r.name,
                    r.qty.to_string(),
                    r.unit,
                    r.min_stock
                )?;
            }
            Ok(())
        }
        StokAction::Kedaluwarsa { hari, as_of, json: as_json } => {
            let day = store.date_or_today(&as_of)?;
            let rows = store.expiring(day, hari.min(3650))?;
            if as_json {
                return json(&mut out, &rows);
            }
            if rows.is_empty() {
                writeln!(
                    out,
                    "{}",
                    lang.pick(
                        &format!("Tidak ada produk yang kedaluwarsa dalam {hari} hari."),
                        &format!("Nothing expires within {hari} days.")
                    )
                )?;
            }
            for r in &rows {
                let when = match r.days_left {
                    d if d < 0 => {
                        lang.pick(&format!("lewat {} hari", -d), &format!("{} days ago", -d)).to_owned()
                    }
                    0 => lang.pick("hari ini", "today").to_owned(),
                    d => lang.pick(&format!("{d} hari lagi"), &format!("in {d} days")).to_owned(),
                };
                writeln!(
                    out,
                    "{:<10} {:<40} {} ({when}) {:>8} {} {:>14}",
                    r.sku,
                    r.name,
                    usahaku_core::profile::format_date(r.expiry),
                    r.qty.to_string(),
                    r.unit,
                    r.value.to_string()
                )?;
            }
            Ok(())
        }
    }
}

pub(crate) fn pemasok(store: &mut Store, action: PemasokAction, lang: Lang) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    match action {
        PemasokAction::Tambah { name, phone, address, notes } => {
            let s = store.add_supplier(&SupplierInput { name, phone, address, notes })?;
            writeln!(out, "{} {}", lang.pick("Pemasok ditambahkan:", "Supplier added:"), s.name)?;
        }
        PemasokAction::Daftar { json: as_json } => {
            let all = store.suppliers()?;
            if as_json {
                return json(&mut out, &all);
            }
            for s in &all {
                writeln!(out, "{:<32} {:<15} {}", s.name, s.phone, s.address)?;
            }
        }
        PemasokAction::Riwayat { supplier, from, to, json: as_json } => {
            let s = store.find_supplier(&supplier)?;
            let to = store.date_or_today(&to)?;
            let from = if from.trim().is_empty() {
                jiff::civil::date(to.year(), 1, 1)
            } else {
                store.date_or_today(&from)?
            };
            let h = store.supplier_purchases(s.id, from, to)?;
            if as_json {
                return json(&mut out, &h);
            }
            writeln!(
                out,
                "{} {} ({} – {})",
                lang.pick("Belanja dari", "Bought from"),
                h.supplier.name,
                usahaku_core::profile::format_date(from),
                usahaku_core::profile::format_date(to)
            )?;
            if h.rows.is_empty() {
                writeln!(out, "{}", lang.pick("Belum ada barang masuk.", "No goods received."))?;
            }
            for r in &h.rows {
                writeln!(
                    out,
                    "{:<12} {:<10} {:<32} {:>8} {:<6} × {:>12} = {:>14}",
                    r.date.to_string(),
                    r.sku,
                    r.name,
                    r.qty.to_string(),
                    r.unit,
                    r.unit_cost.to_string(),
                    r.value.to_string()
                )?;
            }
            writeln!(out, "{:<40} {:>60}", "Total", h.total.to_string())?;
            writeln!(
                out,
                "{:<40} {:>60}",
                lang.pick("Utang belum dibayar", "Still owed"),
                h.owed.to_string()
            )?;
        }
    }
    Ok(())
}

/// `produk impor FILE`: shows what the file would do; writes only with `--ya`.
pub(crate) fn impor(
    store: &mut Store,
    file: &Path,
    yes: bool,
    as_json: bool,
    lang: Lang,
) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    let bytes = std::fs::read(file)?;
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let table = usahaku_export::table::read_table(name, &bytes)
        .map_err(|e| CoreError::Io(std::io::Error::other(e.message(lang))))?;
    let plan = store.plan_import(&table, lang)?;
    let p = &plan.preview;
    if yes {
        let result = store.commit_import(&plan)?;
        if as_json {
            return json(&mut out, &result);
        }
    } else if as_json {
        return json(&mut out, p);
    }
    writeln!(
        out,
        "{} {}: {} {}, {} {}, {} {}, {} {}",
        p.rows,
        lang.pick("baris", "rows"),
        p.new_count,
        lang.pick("baru", "new"),
        p.update_count,
        lang.pick("diperbarui", "updated"),
        p.unchanged_count,
        lang.pick("sama", "unchanged"),
        p.issues.len(),
        lang.pick("ditolak", "refused")
    )?;
    for i in &p.issues {
        let column = if i.column.is_empty() { String::new() } else { format!(" [{}]", i.column) };
        writeln!(out, "  {} {}{column}: {}", lang.pick("Baris", "Row"), i.row, i.message)?;
    }
    if yes {
        writeln!(out, "{}", lang.pick("Impor selesai.", "Import done."))?;
    } else {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Belum ada yang disimpan. Jalankan lagi dengan --ya untuk mengimpor baris yang benar.",
                "Nothing saved yet. Run again with --ya to import the valid rows.",
            )
        )?;
    }
    Ok(())
}

/// `produk ekspor FILE` (.xlsx or .csv) and `produk templat FILE`.
pub(crate) fn ekspor(store: &Store, file: &Path, template: bool, lang: Lang) -> Result<(), CoreError> {
    let io = |e: usahaku_export::table::TableError| CoreError::Io(std::io::Error::other(e.message(lang)));
    if template {
        usahaku_export::table::write_template(file, lang).map_err(io)?;
    } else {
        let table = store.products_table(lang)?;
        match file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("csv") => usahaku_export::table::write_csv(&table, file).map_err(io)?,
            _ => usahaku_export::table::write_xlsx(&table, lang.pick("Produk", "Products"), file)
                .map_err(io)?,
        }
    }
    writeln!(std::io::stdout(), "{} {}", lang.pick("Ditulis:", "Written:"), file.display())?;
    Ok(())
}

/// `produk promo PRODUK --harga … --sampai …`.
pub(crate) fn promo(store: &mut Store, input: PromoInput, lang: Lang) -> Result<(), CoreError> {
    let p = store.add_promo(&input)?;
    writeln!(
        std::io::stdout(),
        "{} {} {} ({} – {})",
        lang.pick("Promo dicatat:", "Promo saved:"),
        p.name,
        p.price,
        p.start,
        p.end
    )?;
    Ok(())
}
