//! `usahaku`: the headless command over the core store.
//!
//! Exit codes: 0 done, 2 bad input (nothing written), 1 any other failure.

use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use usahaku_core::error::{Problem, ProfileField};
use usahaku_core::{
    BusinessType, Clock, CoreError, Home, Lang, NewBusiness, Profile, ProfileInput, Store, SystemClock,
    TaxpayerKind, Timezone,
};

#[derive(Debug, Parser)]
#[command(
    name = "usahaku",
    version,
    about = "Usahaku — pembukuan, stok, pesanan dan pelanggan UMKM (baris perintah)"
)]
struct Cli {
    /// Folder data (default: folder data sistem operasi, mis. ~/.local/share/usahaku).
    #[arg(long, global = true, env = "USAHAKU_HOME")]
    home: Option<PathBuf>,
    /// Bahasa pesan: id (Indonesia) atau en (English).
    #[arg(long, global = true, env = "USAHAKU_LANG", default_value = "id")]
    lang: String,
    /// ID usaha, bila folder data berisi lebih dari satu usaha.
    #[arg(long, visible_alias = "usaha", global = true)]
    business: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Buat usaha baru di folder data.
    Init(InitArgs),
    /// Daftar usaha di folder data.
    Businesses {
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Lihat atau ubah profil usaha.
    Profile {
        #[command(subcommand)]
        action: ProfileAction,
    },
    /// Catatan perubahan (op log).
    Ops {
        #[command(subcommand)]
        action: OpsAction,
    },
}

#[derive(Debug, Args)]
struct InitArgs {
    /// Nama usaha.
    #[arg(long, visible_alias = "nama")]
    name: String,
    /// Nama pemilik.
    #[arg(long, visible_alias = "pemilik")]
    owner: String,
    /// Jenis usaha: kuliner, fesyen, kerajinan, toko, jasa, pertanian, lainnya.
    #[arg(long = "type", visible_alias = "jenis", default_value = "lainnya")]
    business_type: String,
    /// Zona waktu: WIB, WITA atau WIT.
    #[arg(long, visible_alias = "zona", default_value = "WIB")]
    timezone: String,
}

#[derive(Debug, Subcommand)]
enum ProfileAction {
    /// Tampilkan profil usaha.
    Show {
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Ubah satu atau beberapa isian profil (isi "" untuk mengosongkan isian opsional).
    Set(SetArgs),
}

#[derive(Debug, Args)]
struct SetArgs {
    /// Nama usaha.
    #[arg(long, visible_alias = "nama")]
    name: Option<String>,
    /// Nama pemilik.
    #[arg(long, visible_alias = "pemilik")]
    owner: Option<String>,
    /// Jenis usaha.
    #[arg(long = "type", visible_alias = "jenis")]
    business_type: Option<String>,
    /// Alamat.
    #[arg(long, visible_alias = "alamat")]
    address: Option<String>,
    /// Nomor telepon / WhatsApp.
    #[arg(long, visible_alias = "telepon")]
    phone: Option<String>,
    /// Zona waktu: WIB, WITA atau WIT.
    #[arg(long, visible_alias = "zona")]
    timezone: Option<String>,
    /// NPWP (15 atau 16 angka).
    #[arg(long)]
    npwp: Option<String>,
    /// Jenis wajib pajak: orang_pribadi atau badan.
    #[arg(long, visible_alias = "wajib-pajak")]
    taxpayer: Option<String>,
    /// Keluaran JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
enum OpsAction {
    /// Tampilkan perubahan terbaru.
    List {
        /// Berapa banyak (terbaru dulu).
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(lang) = Lang::parse(&cli.lang) else {
        eprintln!(
            "Bahasa \"{}\" tidak dikenal; pakai id atau en. / Unknown language; use id or en.",
            cli.lang
        );
        return ExitCode::from(2);
    };
    match run(cli, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {}", lang.pick("Galat", "Error"), e.message(lang));
            match e {
                CoreError::Invalid { .. } | CoreError::Amount(_) => ExitCode::from(2),
                _ => ExitCode::FAILURE,
            }
        }
    }
}

fn invalid(field: ProfileField, problem: Problem) -> CoreError {
    CoreError::Invalid { field, problem }
}

fn parse_type(s: &str) -> Result<BusinessType, CoreError> {
    BusinessType::parse(s).map_err(|p| invalid(ProfileField::BusinessType, p))
}

fn parse_tz(s: &str) -> Result<Timezone, CoreError> {
    Timezone::parse(s).map_err(|p| invalid(ProfileField::Timezone, p))
}

fn parse_taxpayer(s: &str) -> Result<TaxpayerKind, CoreError> {
    TaxpayerKind::parse(s).map_err(|p| invalid(ProfileField::TaxpayerKind, p))
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), CoreError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CoreError::Corrupt(e.to_string()))?;
    writeln!(std::io::stdout(), "{text}")?;
    Ok(())
}

fn run(cli: Cli, lang: Lang) -> Result<(), CoreError> {
    let home = cli.home.map_or_else(Home::platform_default, Home::new);
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let open =
        |clock: Arc<dyn Clock>| -> Result<Store, CoreError> { home.open(clock, cli.business.as_deref()) };
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Init(a) => {
            let input = NewBusiness {
                name: a.name,
                owner_name: a.owner,
                business_type: parse_type(&a.business_type)?,
                timezone: parse_tz(&a.timezone)?,
            };
            let (store, profile) = home.create(clock, input)?;
            match lang {
                Lang::Id => writeln!(
                    out,
                    "Usaha \"{}\" dibuat.\nID usaha : {}\nBerkas   : {}",
                    profile.name,
                    profile.business_id,
                    store.path().display()
                )?,
                Lang::En => writeln!(
                    out,
                    "Business \"{}\" created.\nID   : {}\nFile : {}",
                    profile.name,
                    profile.business_id,
                    store.path().display()
                )?,
            }
        }
        Command::Businesses { json } => {
            let mut rows = Vec::new();
            for b in home.list()? {
                let store = Store::open(&b.path, clock.clone())?;
                rows.push(store.profile()?);
            }
            if json {
                print_json(&rows)?;
            } else if rows.is_empty() {
                writeln!(out, "{}", lang.pick("Belum ada usaha.", "No businesses yet."))?;
            } else {
                for p in rows {
                    writeln!(out, "{}  {}", p.business_id, p.name)?;
                }
            }
        }
        Command::Profile {
            action: ProfileAction::Show { json },
        } => {
            let profile = open(clock)?.profile()?;
            if json {
                print_json(&profile)?;
            } else {
                print_profile(&mut out, &profile, lang)?;
            }
        }
        Command::Profile {
            action: ProfileAction::Set(a),
        } => {
            let mut store = open(clock)?;
            let before = store.profile()?;
            let mut input: ProfileInput = before.input();
            let clearable = |v: String| if v.trim().is_empty() { None } else { Some(v) };
            if let Some(v) = a.name {
                input.name = v;
            }
            if let Some(v) = a.owner {
                input.owner_name = v;
            }
            if let Some(v) = a.business_type {
                input.business_type = parse_type(&v)?;
            }
            if let Some(v) = a.address {
                input.address = clearable(v);
            }
            if let Some(v) = a.phone {
                input.phone = clearable(v);
            }
            if let Some(v) = a.timezone {
                input.timezone = parse_tz(&v)?;
            }
            if let Some(v) = a.npwp {
                input.npwp = clearable(v);
            }
            if let Some(v) = a.taxpayer {
                input.taxpayer_kind = parse_taxpayer(&v)?;
            }
            let ops_before = store.op_count()?;
            let after = store.update_profile(&input)?;
            if a.json {
                print_json(&after)?;
            } else if store.op_count()? == ops_before {
                writeln!(out, "{}", lang.pick("Tidak ada perubahan.", "Nothing changed."))?;
            } else {
                writeln!(
                    out,
                    "{}",
                    lang.pick("Profil usaha tersimpan.", "Business profile saved.")
                )?;
                print_profile(&mut out, &after, lang)?;
            }
        }
        Command::Ops {
            action: OpsAction::List { limit, json },
        } => {
            let store = open(clock)?;
            let tz = store.profile()?.timezone;
            let ops = store.ops(limit)?;
            if json {
                print_json(&ops)?;
            } else {
                for r in ops {
                    let fields: Vec<String> = r
                        .patch
                        .as_ref()
                        .map(|p| p.fields.iter().map(|(k, _)| k.clone()).collect())
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "#{:<5} {}  {}  {}",
                        r.op.device_seq,
                        tz.format_datetime(r.op.hlc.millis),
                        r.op.entity.as_str(),
                        fields.join(", ")
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn print_profile(out: &mut impl Write, p: &Profile, lang: Lang) -> Result<(), CoreError> {
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let taxpayer = match p.taxpayer_kind {
        TaxpayerKind::OrangPribadi => lang.pick("Orang pribadi", "Individual"),
        TaxpayerKind::Badan => lang.pick("Badan usaha", "Company"),
    };
    let rows = [
        (ProfileField::Name.label(lang), p.name.clone()),
        (ProfileField::OwnerName.label(lang), p.owner_name.clone()),
        (
            ProfileField::BusinessType.label(lang),
            p.business_type.code().to_owned(),
        ),
        (ProfileField::Address.label(lang), dash(&p.address)),
        (ProfileField::Phone.label(lang), dash(&p.phone)),
        (ProfileField::Timezone.label(lang), p.timezone.code().to_owned()),
        (ProfileField::Npwp.label(lang), dash(&p.npwp)),
        (ProfileField::TaxpayerKind.label(lang), taxpayer.to_owned()),
        (lang.pick("Kode perangkat", "Device code"), p.device_code.clone()),
        (lang.pick("ID usaha", "Business ID"), p.business_id.clone()),
    ];
    for (label, value) in rows {
        writeln!(out, "{label:<18}: {value}")?;
    }
    Ok(())
}
