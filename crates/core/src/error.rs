//! Errors of the core, each with a stable code and a message in Indonesian or English.
//! Callers show [`CoreError::message`]; they never match on message text.

use crate::money::AmountError;
use std::path::PathBuf;

/// The user's language. Indonesian first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// `id` or `en`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "in" | "ind" | "indonesia" => Some(Lang::Id),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Indonesian or the English text.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// A field of the business profile, for pointing at what is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    /// Nama usaha.
    Name,
    /// Nama pemilik.
    OwnerName,
    /// Jenis usaha.
    BusinessType,
    /// Alamat.
    Address,
    /// Nomor telepon.
    Phone,
    /// Zona waktu.
    Timezone,
    /// NPWP.
    Npwp,
    /// Jenis wajib pajak.
    TaxpayerKind,
}

impl ProfileField {
    /// The stored column / input name.
    pub fn key(self) -> &'static str {
        match self {
            ProfileField::Name => "name",
            ProfileField::OwnerName => "owner_name",
            ProfileField::BusinessType => "business_type",
            ProfileField::Address => "address",
            ProfileField::Phone => "phone",
            ProfileField::Timezone => "timezone",
            ProfileField::Npwp => "npwp",
            ProfileField::TaxpayerKind => "taxpayer_kind",
        }
    }

    /// The label a user sees.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ProfileField::Name => lang.pick("Nama usaha", "Business name"),
            ProfileField::OwnerName => lang.pick("Nama pemilik", "Owner's name"),
            ProfileField::BusinessType => lang.pick("Jenis usaha", "Business type"),
            ProfileField::Address => lang.pick("Alamat", "Address"),
            ProfileField::Phone => lang.pick("Nomor telepon", "Phone number"),
            ProfileField::Timezone => lang.pick("Zona waktu", "Time zone"),
            ProfileField::Npwp => lang.pick("NPWP", "NPWP (tax number)"),
            ProfileField::TaxpayerKind => lang.pick("Jenis wajib pajak", "Taxpayer kind"),
        }
    }
}

/// What is wrong with an input value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Empty but required.
    Required,
    /// Longer than allowed (in characters).
    TooLong {
        /// The limit.
        max: usize,
    },
    /// Contains control characters (line breaks in a one-line field, tabs, …).
    ControlChars,
    /// A phone number with something other than digits, spaces, `+`, `-`, `(`, `)`, `.`.
    PhoneChars,
    /// A phone number with too few or too many digits.
    PhoneLength,
    /// An NPWP that is not 15 or 16 digits.
    NpwpDigits,
    /// Not one of WIB, WITA, WIT.
    UnknownTimezone(String),
    /// Not a known business type.
    UnknownBusinessType(String),
    /// Not `orang_pribadi` or `badan`.
    UnknownTaxpayerKind(String),
}

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// A user input is not acceptable; nothing was written.
    #[error("invalid {}: {problem:?}", field.key())]
    Invalid {
        /// Which field.
        field: ProfileField,
        /// What is wrong.
        problem: Problem,
    },
    /// An amount could not be parsed or computed.
    #[error("amount: {0}")]
    Amount(#[from] AmountError),
    /// No business has been created in this data folder yet.
    #[error("no business in {0}")]
    NoBusiness(PathBuf),
    /// Several businesses exist and none was chosen.
    #[error("several businesses in {0}")]
    ManyBusinesses(PathBuf),
    /// The chosen business does not exist.
    #[error("business not found: {0}")]
    BusinessNotFound(String),
    /// A store file already exists where a new one was to be created.
    #[error("already exists: {0}")]
    AlreadyExists(PathBuf),
    /// The file was written by a newer version of Usahaku.
    #[error("file schema {file} is newer than this app's {app}")]
    NewerFile {
        /// Schema version in the file.
        file: u32,
        /// Newest schema this app knows.
        app: u32,
    },
    /// The safety copy before an upgrade could not be made or did not verify; nothing was changed.
    #[error("backup before upgrade failed ({path}): {detail}")]
    BackupFailed {
        /// Where the copy was to go.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// Stored data could not be read back (damaged file or a bug).
    #[error("stored data unreadable: {0}")]
    Corrupt(String),
    /// Sync was asked for, but this store is not paired with a server.
    #[error("not linked to a sync server")]
    NotLinked,
    /// The server holds more of this device's ops than the file: it is an older copy.
    #[error("restored copy: server has seq {server_seq}, file has {local_seq}")]
    RestoredCopy {
        /// Highest seq the server holds for this device.
        server_seq: u64,
        /// Highest seq in this file.
        local_seq: u64,
    },
    /// A posting or ledger input was refused; nothing was written.
    #[error("ledger: {0}")]
    Ledger(#[from] crate::ledger::LedgerError),
    /// A product was refused; nothing was written.
    #[error("product: {0}")]
    Product(#[from] crate::catalog::ProductError),
    /// A stock action or supplier was refused; nothing was written.
    #[error("stock: {0}")]
    Stock(#[from] crate::stock::StockError),
    /// A QRIS payload was refused; nothing was written.
    #[error("qris: {0}")]
    Qris(#[from] crate::qris::QrisError),
    /// An order action was refused; nothing was written.
    #[error("order: {0}")]
    Order(#[from] crate::orders::OrderError),
    /// A sale was refused; nothing was written.
    #[error("sale: {0}")]
    Sale(#[from] crate::sales::SaleError),
    /// A customer, service record or loyalty action was refused; nothing was written.
    #[error("crm: {0}")]
    Crm(#[from] crate::crm::CrmError),
    /// A review, message or planned post was refused; nothing was written.
    #[error("marketing: {0}")]
    Marketing(#[from] crate::marketing::MarketingError),
    /// A promo was refused or does not apply; nothing was written.
    #[error("promo: {0}")]
    Promo(#[from] crate::promo::PromoError),
    /// A pricing rule was refused; nothing was written.
    #[error("price rule: {0}")]
    Pricing(#[from] crate::pricing::PricingError),
    /// SQLite failed.
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    /// The file system failed.
    #[error("file system: {0}")]
    Io(#[from] std::io::Error),
}

/// Result with [`CoreError`].
pub type Result<T, E = CoreError> = std::result::Result<T, E>;

impl CoreError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Invalid { .. } => "invalid_input",
            CoreError::Amount(_) => "invalid_amount",
            CoreError::NoBusiness(_) => "no_business",
            CoreError::ManyBusinesses(_) => "many_businesses",
            CoreError::BusinessNotFound(_) => "business_not_found",
            CoreError::AlreadyExists(_) => "already_exists",
            CoreError::NewerFile { .. } => "newer_file",
            CoreError::BackupFailed { .. } => "backup_failed",
            CoreError::Corrupt(_) => "corrupt",
            CoreError::NotLinked => "not_linked",
            CoreError::RestoredCopy { .. } => "restored_copy",
            CoreError::Ledger(e) => e.code(),
            CoreError::Product(e) => e.code(),
            CoreError::Stock(e) => e.code(),
            CoreError::Pricing(e) => e.code(),
            CoreError::Sale(e) => e.code(),
            CoreError::Order(e) => e.code(),
            CoreError::Crm(e) => e.code(),
            CoreError::Marketing(e) => e.code(),
            CoreError::Promo(e) => e.code(),
            CoreError::Qris(e) => e.code(),
            CoreError::Db(_) => "database",
            CoreError::Io(_) => "io",
        }
    }

    /// The input field the error is about, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            CoreError::Invalid { field, .. } => Some(field.key()),
            CoreError::Product(e) => e.field(),
            CoreError::Stock(e) => e.field(),
            CoreError::Pricing(e) => e.field(),
            CoreError::Sale(e) => e.field(),
            CoreError::Order(_) => None,
            CoreError::Crm(e) => e.field(),
            CoreError::Marketing(e) => e.field(),
            CoreError::Promo(e) => e.field(),
            CoreError::Qris(_) => Some("qris"),
            _ => None,
        }
    }

    /// A message for the user in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let l = |id: &str, en: &str| lang.pick(id, en).to_owned();
        match self {
            CoreError::Invalid { field, problem } => {
                let f = field.label(lang);
                match problem {
                    Problem::Required => match lang {
                        Lang::Id => format!("{f} wajib diisi."),
                        Lang::En => format!("{f} is required."),
                    },
                    Problem::TooLong { max } => match lang {
                        Lang::Id => format!("{f} terlalu panjang (paling banyak {max} karakter)."),
                        Lang::En => format!("{f} is too long (at most {max} characters)."),
                    },
                    Problem::ControlChars => match lang {
                        Lang::Id => format!("{f} tidak boleh berisi baris baru atau karakter khusus."),
                        Lang::En => format!("{f} must not contain line breaks or special characters."),
                    },
                    Problem::PhoneChars => l(
                        "Nomor telepon hanya boleh berisi angka, spasi, tanda plus, tanda hubung, dan tanda kurung.",
                        "A phone number may contain only digits, spaces, plus signs, dashes and brackets.",
                    ),
                    Problem::PhoneLength => l(
                        "Nomor telepon harus 9 sampai 15 angka, misalnya 0812 3456 7890.",
                        "A phone number must have 9 to 15 digits, for example 0812 3456 7890.",
                    ),
                    Problem::NpwpDigits => l(
                        "NPWP harus 15 atau 16 angka (titik dan tanda hubung boleh).",
                        "NPWP must be 15 or 16 digits (dots and dashes are fine).",
                    ),
                    Problem::UnknownTimezone(v) => match lang {
                        Lang::Id => format!("Zona waktu \"{v}\" tidak dikenal. Pilih WIB, WITA, atau WIT."),
                        Lang::En => format!("Unknown time zone \"{v}\". Choose WIB, WITA or WIT."),
                    },
                    Problem::UnknownBusinessType(v) => match lang {
                        Lang::Id => format!(
                            "Jenis usaha \"{v}\" tidak dikenal. Pilih: kuliner, fesyen, kerajinan, toko, jasa, pertanian, lainnya."
                        ),
                        Lang::En => format!(
                            "Unknown business type \"{v}\". Choose: kuliner, fesyen, kerajinan, toko, jasa, pertanian, lainnya."
                        ),
                    },
                    Problem::UnknownTaxpayerKind(v) => match lang {
                        Lang::Id => format!(
                            "Jenis wajib pajak \"{v}\" tidak dikenal. Pilih orang_pribadi atau badan."
                        ),
                        Lang::En => format!("Unknown taxpayer kind \"{v}\". Choose orang_pribadi or badan."),
                    },
                }
            }
            CoreError::Amount(e) => match (lang, e) {
                (Lang::Id, AmountError::Overflow) => "Jumlah terlalu besar.".into(),
                (Lang::En, AmountError::Overflow) => "The amount is too large.".into(),
                (Lang::Id, AmountError::Empty) => "Jumlah wajib diisi.".into(),
                (Lang::En, AmountError::Empty) => "An amount is required.".into(),
                (Lang::Id, AmountError::NotANumber(t)) => {
                    format!("\"{t}\" bukan angka. Tulis misalnya 1.250.000 atau 1,5.")
                }
                (Lang::En, AmountError::NotANumber(t)) => {
                    format!("\"{t}\" is not a number. Write e.g. 1.250.000 or 1,5.")
                }
                (Lang::Id, AmountError::TooPrecise(t)) => {
                    format!("\"{t}\" memakai terlalu banyak angka desimal.")
                }
                (Lang::En, AmountError::TooPrecise(t)) => format!("\"{t}\" has too many decimals."),
            },
            CoreError::NoBusiness(dir) => match lang {
                Lang::Id => format!(
                    "Belum ada usaha di {}. Buat dulu dengan: usahaku init --nama \"Nama Usaha\" --pemilik \"Nama Anda\"",
                    dir.display()
                ),
                Lang::En => format!(
                    "No business in {} yet. Create one with: usahaku init --name \"Business Name\" --owner \"Your Name\"",
                    dir.display()
                ),
            },
            CoreError::ManyBusinesses(dir) => match lang {
                Lang::Id => format!(
                    "Ada beberapa usaha di {}. Pilih satu dengan --usaha <ID> (lihat: usahaku businesses).",
                    dir.display()
                ),
                Lang::En => format!(
                    "There are several businesses in {}. Choose one with --business <ID> (see: usahaku businesses).",
                    dir.display()
                ),
            },
            CoreError::BusinessNotFound(id) => match lang {
                Lang::Id => format!("Usaha \"{id}\" tidak ditemukan."),
                Lang::En => format!("Business \"{id}\" not found."),
            },
            CoreError::AlreadyExists(p) => match lang {
                Lang::Id => format!("Berkas {} sudah ada; tidak ditimpa.", p.display()),
                Lang::En => format!("{} already exists; it was not overwritten.", p.display()),
            },
            CoreError::NewerFile { .. } => l(
                "Data ini dibuat oleh versi Usahaku yang lebih baru. Perbarui aplikasi; data tidak diubah.",
                "This data was made by a newer version of Usahaku. Update the app; the data was not changed.",
            ),
            CoreError::BackupFailed { path, detail } => match lang {
                Lang::Id => format!(
                    "Cadangan sebelum pembaruan gagal dibuat di {} ({detail}). Data tidak diubah; periksa ruang disk.",
                    path.display()
                ),
                Lang::En => format!(
                    "The backup before upgrading could not be made at {} ({detail}). Nothing was changed; check disk space.",
                    path.display()
                ),
            },
            CoreError::Corrupt(d) => match lang {
                Lang::Id => format!("Data tersimpan tidak dapat dibaca ({d})."),
                Lang::En => format!("Stored data could not be read ({d})."),
            },
            CoreError::NotLinked => l(
                "Usaha ini belum terhubung ke server sinkronisasi. Hubungkan dulu dengan kode pasangan.",
                "This business is not connected to a sync server yet. Connect it with a pairing code first.",
            ),
            CoreError::RestoredCopy { server_seq, local_seq } => match lang {
                Lang::Id => format!(
                    "Berkas ini salinan lama (server menyimpan perubahan sampai #{server_seq}, berkas hanya sampai #{local_seq}). Sinkronisasi dihentikan agar tidak ada data yang tertimpa."
                ),
                Lang::En => format!(
                    "This file is an older copy (the server holds changes up to #{server_seq}, the file only up to #{local_seq}). Sync stopped so nothing is overwritten."
                ),
            },
            CoreError::Ledger(e) => e.message(lang),
            CoreError::Product(e) => e.message(lang),
            CoreError::Stock(e) => e.message(lang),
            CoreError::Pricing(e) => e.message(lang),
            CoreError::Sale(e) => e.message(lang),
            CoreError::Order(e) => e.message(lang),
            CoreError::Crm(e) => e.message(lang),
            CoreError::Marketing(e) => e.message(lang),
            CoreError::Promo(e) => e.message(lang),
            CoreError::Qris(e) => e.message(lang),
            CoreError::Db(e) => match lang {
                Lang::Id => format!("Gagal mengakses basis data ({e})."),
                Lang::En => format!("Database access failed ({e})."),
            },
            CoreError::Io(e) => match lang {
                Lang::Id => format!("Gagal membaca atau menulis berkas ({e})."),
                Lang::En => format!("Reading or writing a file failed ({e})."),
            },
        }
    }
}
