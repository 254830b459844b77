//! Catatan atas Laporan Keuangan (CALK): the notes SAK EMKM asks for, written from the
//! business profile and the books. Only reads.

use crate::error::{Lang, Result};
use crate::ledger::AccountRole;
use crate::money::Money;
use crate::profile::{BusinessType, TaxpayerKind, format_date};
use crate::store::Store;
use jiff::civil::Date;
use serde::Serialize;

/// One numbered note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Note {
    /// Heading.
    pub title: String,
    /// Paragraphs.
    pub paragraphs: Vec<String>,
}

/// The notes to the statements of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Notes {
    /// First day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub from: Date,
    /// Last day.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub to: Date,
    /// The notes, in order.
    pub notes: Vec<Note>,
}

fn business_type_text(t: BusinessType, lang: Lang) -> &'static str {
    match (t, lang) {
        (BusinessType::Kuliner, Lang::Id) => "kuliner (makanan dan minuman)",
        (BusinessType::Kuliner, Lang::En) => "food and drink",
        (BusinessType::Fesyen, Lang::Id) => "fesyen",
        (BusinessType::Fesyen, Lang::En) => "fashion",
        (BusinessType::Kerajinan, Lang::Id) => "kerajinan",
        (BusinessType::Kerajinan, Lang::En) => "crafts",
        (BusinessType::Toko, Lang::Id) => "perdagangan (toko)",
        (BusinessType::Toko, Lang::En) => "trade (shop)",
        (BusinessType::Jasa, Lang::Id) => "jasa",
        (BusinessType::Jasa, Lang::En) => "services",
        (BusinessType::Pertanian, Lang::Id) => "pertanian dan perikanan",
        (BusinessType::Pertanian, Lang::En) => "farming and fishery",
        (BusinessType::Lainnya, Lang::Id) => "lainnya",
        (BusinessType::Lainnya, Lang::En) => "other",
    }
}

impl Store {
    /// CALK for `[from, to]`: the business, the statement of compliance with SAK EMKM, the
    /// basis of preparation, and notes on cash, receivables, fixed assets, payables, revenue
    /// and income tax with the figures at `to`.
    pub fn notes(&self, from: Date, to: Date, lang: Lang) -> Result<Notes> {
        let p = self.profile()?;
        let bs = self.balance_sheet(to)?;
        let pl = self.profit_and_loss(from, to)?;
        let l = |id: String, en: String| if lang == Lang::Id { id } else { en };
        let role_total = |roles: &[AccountRole]| -> Result<Money> {
            let mut m = Money::ZERO;
            for a in bs.assets.iter().chain(&bs.liabilities).filter(|a| roles.contains(&a.account.role)) {
                m = m.checked_add(a.amount)?;
            }
            Ok(m)
        };
        let period = format!("{} – {}", format_date(from), format_date(to));
        let mut notes = Vec::new();

        let address = p.address.clone().unwrap_or_default();
        let mut general = vec![l(
            format!(
                "{} adalah usaha di bidang {} milik {}{}.",
                p.name,
                business_type_text(p.business_type, lang),
                p.owner_name,
                if address.is_empty() { String::new() } else { format!(", beralamat di {address}") }
            ),
            format!(
                "{} is a {} business owned by {}{}.",
                p.name,
                business_type_text(p.business_type, lang),
                p.owner_name,
                if address.is_empty() { String::new() } else { format!(", at {address}") }
            ),
        )];
        general.push(match (&p.npwp, lang) {
            (Some(n), Lang::Id) => format!("NPWP: {n}."),
            (Some(n), Lang::En) => format!("Tax number (NPWP): {n}."),
            (None, Lang::Id) => "Usaha ini belum mencantumkan NPWP.".into(),
            (None, Lang::En) => "No tax number (NPWP) has been recorded.".into(),
        });
        notes.push(Note { title: l("Umum".into(), "General".into()), paragraphs: general });

        notes.push(Note {
            title: l("Pernyataan kepatuhan".into(), "Statement of compliance".into()),
            paragraphs: vec![l(
                "Laporan keuangan disusun sesuai dengan Standar Akuntansi Keuangan Entitas Mikro, Kecil, dan Menengah (SAK EMKM).".into(),
                "The financial statements have been prepared in accordance with the Indonesian Financial Accounting Standard for Micro, Small and Medium Entities (SAK EMKM).".into(),
            )],
        });
        notes.push(Note {
            title: l("Dasar penyusunan".into(), "Basis of preparation".into()),
            paragraphs: vec![l(
                format!(
                    "Laporan keuangan disusun dengan dasar biaya historis dan asumsi dasar akrual, untuk periode {period}. Mata uang penyajian adalah Rupiah."
                ),
                format!(
                    "The statements are prepared on the historical cost basis and the accrual basis, for the period {period}. The presentation currency is the Rupiah."
                ),
            )],
        });
        let cash = role_total(&[AccountRole::Cash, AccountRole::Bank, AccountRole::Ewallet])?;
        notes.push(Note {
            title: l("Kas dan setara kas".into(), "Cash and cash equivalents".into()),
            paragraphs: vec![l(
                format!("Kas dan setara kas terdiri dari kas di tangan, rekening bank dan dompet digital, sebesar {cash} per {}.", format_date(to)),
                format!("Cash on hand, bank accounts and e-wallets: {cash} at {}.", format_date(to)),
            )],
        });
        let receivable = role_total(&[AccountRole::Receivable])?;
        notes.push(Note {
            title: l("Piutang usaha".into(), "Trade receivables".into()),
            paragraphs: vec![l(
                format!("Piutang usaha disajikan sebesar jumlah tagihan yang belum diterima: {receivable}."),
                format!("Trade receivables are stated at the amounts still to be collected: {receivable}."),
            )],
        });
        let fixed = role_total(&[AccountRole::FixedAsset, AccountRole::AccumulatedDepreciation])?;
        notes.push(Note {
            title: l("Aset tetap".into(), "Fixed assets".into()),
            paragraphs: vec![l(
                format!("Aset tetap dicatat sebesar biaya perolehan dikurangi akumulasi penyusutan; nilai tercatat {fixed}."),
                format!("Fixed assets are stated at cost less accumulated depreciation; carrying amount {fixed}."),
            )],
        });
        let payable = role_total(&[AccountRole::Payable, AccountRole::Loan])?;
        notes.push(Note {
            title: l("Utang".into(), "Liabilities".into()),
            paragraphs: vec![l(
                format!(
                    "Utang usaha dan utang bank disajikan sebesar jumlah yang masih harus dibayar: {payable}."
                ),
                format!("Trade payables and bank loans are stated at the amounts still owed: {payable}."),
            )],
        });
        notes.push(Note {
            title: l("Pendapatan dan beban".into(), "Revenue and expenses".into()),
            paragraphs: vec![l(
                format!(
                    "Pendapatan diakui ketika barang diserahkan atau jasa diberikan; beban diakui saat terjadi. Periode ini: pendapatan {}, beban {}, laba (rugi) bersih {}.",
                    pl.revenue, pl.expenses, pl.net_profit
                ),
                format!(
                    "Revenue is recognised when goods are delivered or services rendered; expenses when incurred. This period: revenue {}, expenses {}, net profit (loss) {}.",
                    pl.revenue, pl.expenses, pl.net_profit
                ),
            )],
        });
        let kind = match (p.taxpayer_kind, lang) {
            (TaxpayerKind::OrangPribadi, Lang::Id) => {
                "wajib pajak orang pribadi, dengan omzet sampai Rp500.000.000 setahun tidak dikenai pajak"
            }
            (TaxpayerKind::OrangPribadi, Lang::En) => {
                "an individual taxpayer, with the first Rp500.000.000 of revenue in a year exempt"
            }
            (TaxpayerKind::Badan, Lang::Id) => "wajib pajak badan",
            (TaxpayerKind::Badan, Lang::En) => "a corporate taxpayer",
        };
        notes.push(Note {
            title: l("Pajak penghasilan".into(), "Income tax".into()),
            paragraphs: vec![l(
                format!("Usaha dikenai PPh Final UMKM sebesar 0,5% dari omzet bulanan (PP 55/2022) sebagai {kind}. Setoran memakai kode akun pajak 411128."),
                format!("The business pays the final MSME income tax of 0.5% of monthly gross revenue (PP 55/2022) as {kind}. Deposits use tax account code 411128."),
            )],
        });
        Ok(Notes { from, to, notes })
    }
}
