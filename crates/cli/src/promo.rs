//! `usahaku promo …`: promo codes from the command line.

use crate::write_json as json;
use clap::Subcommand;
use std::io::Write;
use usahaku_core::promo::{PromoCodeInput, PromoError};
use usahaku_core::{CoreError, Lang, Store};

#[derive(Debug, Subcommand)]
pub(crate) enum PromoAction {
    /// Buat kode promo: NAMA KODE, diskon --persen N atau --potongan RUPIAH.
    Tambah {
        /// Nama promo.
        name: String,
        /// Kode (huruf dan angka).
        code: String,
        /// Diskon persen (1–100).
        #[arg(long, visible_alias = "persen", conflicts_with = "amount")]
        percent: Option<String>,
        /// Potongan Rupiah.
        #[arg(long, visible_alias = "potongan")]
        amount: Option<String>,
        /// Minimal belanja.
        #[arg(long, visible_alias = "minimal", default_value = "")]
        min: String,
        /// Tanggal mulai.
        #[arg(long, visible_alias = "dari")]
        from: String,
        /// Tanggal selesai.
        #[arg(long, visible_alias = "sampai")]
        to: String,
        /// Hanya untuk segmen: setia, baru, berisiko, tidak_aktif, reguler.
        #[arg(long, visible_alias = "segmen", default_value = "")]
        segment: String,
    },
    /// Semua kode promo.
    Daftar {
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Hentikan kode promo.
    Stop {
        /// Kode.
        code: String,
    },
    /// Pemakaian, diskon dan penjualan per promo dalam satu periode.
    Laporan {
        /// Tanggal awal.
        #[arg(long, visible_alias = "dari")]
        from: String,
        /// Tanggal akhir.
        #[arg(long, visible_alias = "sampai")]
        to: String,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn promo(store: &mut Store, action: PromoAction, lang: Lang) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    match action {
        PromoAction::Tambah { name, code, percent, amount, min, from, to, segment } => {
            let (kind, value) = match (percent, amount) {
                (Some(p), _) => ("persen", p),
                (None, Some(a)) => ("potongan", a),
                (None, None) => ("persen", String::new()),
            };
            let p = store.add_promo_code(&PromoCodeInput {
                name,
                code,
                kind: kind.into(),
                value,
                min_purchase: min,
                from,
                to,
                segment,
            })?;
            writeln!(out, "{} {} ({})", lang.pick("Promo dibuat:", "Promo created:"), p.code, p.name)?;
        }
        PromoAction::Daftar { json: as_json } => {
            let list = store.promo_codes()?;
            if as_json {
                return json(&mut out, &list);
            }
            for p in &list {
                writeln!(
                    out,
                    "{:<12} {:<24} {} – {} {}",
                    p.code,
                    p.name,
                    usahaku_core::profile::format_date(p.from),
                    usahaku_core::profile::format_date(p.to),
                    if p.active { "" } else { lang.pick("(dihentikan)", "(stopped)") }
                )?;
            }
        }
        PromoAction::Stop { code } => {
            let wanted = code.trim().to_uppercase();
            let p = store
                .promo_codes()?
                .into_iter()
                .find(|p| p.active && p.code == wanted)
                .ok_or(PromoError::UnknownCode(wanted))?;
            store.set_promo_code_active(p.id, false)?;
            writeln!(out, "{} {}", lang.pick("Promo dihentikan:", "Promo stopped:"), p.code)?;
        }
        PromoAction::Laporan { from, to, json: as_json } => {
            let from = usahaku_core::ledger::parse_date(&from)?;
            let to = usahaku_core::ledger::parse_date(&to)?;
            let report = store.promo_code_report(from, to)?;
            if as_json {
                return json(&mut out, &report);
            }
            for u in &report {
                writeln!(
                    out,
                    "{:<12} {:>4}x {:>14} {:>14}",
                    u.promo.code,
                    u.uses,
                    u.discount.to_string(),
                    u.revenue.to_string()
                )?;
            }
        }
    }
    Ok(())
}
