//! `usahaku konten …`: the content plan (rencana konten) from the command line.

use crate::write_json as json;
use clap::Subcommand;
use std::io::Write;
use usahaku_core::marketing::{MarketingError, PostInput};
use usahaku_core::{CoreError, Lang, Store};

#[derive(Debug, Subcommand)]
pub(crate) enum KontenAction {
    /// Rencanakan postingan.
    Tambah {
        /// Tanggal, mis. 01/12/2026.
        date: String,
        /// Saluran: instagram, facebook, tiktok, whatsapp, …
        channel: String,
        /// Ide atau keterangan postingan.
        caption: String,
        /// Produk yang ditampilkan (SKU atau barcode).
        #[arg(long, visible_alias = "produk", default_value = "")]
        product: String,
        /// Status: ide, dijadwalkan, diposting.
        #[arg(long, default_value = "")]
        status: String,
    },
    /// Ubah status postingan: ide, dijadwalkan, diposting.
    Status {
        /// Id postingan.
        id: String,
        /// Status baru.
        status: String,
    },
    /// Rencana konten satu bulan.
    Daftar {
        /// Bulan, mis. 2026-12 (default: bulan ini).
        #[arg(long, visible_alias = "bulan")]
        month: Option<String>,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn konten(store: &mut Store, action: KontenAction, lang: Lang) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    match action {
        KontenAction::Tambah { date, channel, caption, product, status } => {
            let p = store.add_post(&PostInput { date, channel, product, caption, status })?;
            writeln!(
                out,
                "{} {} ({})",
                lang.pick("Direncanakan:", "Planned:"),
                usahaku_core::profile::format_date(p.date),
                p.id
            )?;
        }
        KontenAction::Status { id, status } => {
            let id = uuid::Uuid::parse_str(id.trim()).map_err(|_| MarketingError::Unknown)?;
            let p = store.set_post_status(id, &status)?;
            writeln!(out, "{} {}", lang.pick("Status:", "Status:"), p.status.code())?;
        }
        KontenAction::Daftar { month, json: as_json } => {
            let first = match month {
                Some(m) => usahaku_core::ledger::parse_date(&format!("{}-01", m.trim()))?,
                None => store.today()?.first_of_month(),
            };
            let posts = store.content_plan(first, first.last_of_month())?;
            if as_json {
                return json(&mut out, &posts);
            }
            for p in &posts {
                writeln!(
                    out,
                    "{} {:<10} {:<12} {}",
                    usahaku_core::profile::format_date(p.date),
                    p.channel,
                    p.status.code(),
                    p.caption
                )?;
            }
        }
    }
    Ok(())
}
