//! `usahaku`: the headless command over the core store.
//!
//! Exit codes: 0 done, 2 bad input (nothing written), 1 any other failure.

mod books;
mod kasir;
mod konten;
mod pelanggan;
mod pesanan;
mod products;
mod promo;
mod stock;
mod usage;

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
use usahaku_sync::{HttpTransport, SyncError};

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
    /// Buku kas: uang masuk, uang keluar, pindah dana, modal, prive; `kas daftar` untuk melihat.
    Kas {
        #[command(subcommand)]
        action: books::KasAction,
    },
    /// Piutang: uang yang masih harus diterima usaha dari orang lain.
    Piutang {
        #[command(subcommand)]
        action: books::DebtAction,
    },
    /// Utang: uang yang masih harus dibayar usaha.
    Utang {
        #[command(subcommand)]
        action: books::DebtAction,
    },
    /// Jurnal umum: mis. penyusutan (--debit "6-107=250.000" --kredit "1-402=250.000").
    Jurnal {
        /// Keterangan (wajib).
        #[arg(long, visible_alias = "ket")]
        memo: String,
        /// Baris debit AKUN=JUMLAH (boleh diulang).
        #[arg(long, required = true)]
        debit: Vec<String>,
        /// Baris kredit AKUN=JUMLAH (boleh diulang).
        #[arg(long = "credit", visible_alias = "kredit", required = true)]
        credit: Vec<String>,
        /// Tanggal; kosong = hari ini.
        #[arg(long, visible_alias = "tanggal", default_value = "")]
        date: String,
    },
    /// Koreksi: batalkan satu transaksi dengan jurnal pembalik (transaksi asli tetap tercatat).
    Koreksi {
        /// ID transaksi.
        id: String,
        /// Tanggal koreksi; kosong = hari ini.
        #[arg(long, visible_alias = "tanggal", default_value = "")]
        date: String,
    },
    /// Laporan keuangan (SAK EMKM), PPh Final, anggaran.
    Laporan {
        #[command(subcommand)]
        report: books::LaporanAction,
    },
    /// Tutup buku satu bulan (mis. 2026-11): tidak ada transaksi baru bertanggal di bulan itu.
    TutupBuku {
        /// Bulan, mis. 2026-11.
        month: String,
        /// Buka kembali bulan itu.
        #[arg(long, visible_alias = "buka")]
        reopen: bool,
    },
    /// Anggaran bulanan per akun beban.
    Anggaran {
        #[command(subcommand)]
        action: books::AnggaranAction,
    },
    /// Bagan akun.
    Akun {
        #[command(subcommand)]
        action: Option<books::AkunAction>,
        /// Keluaran JSON (daftar akun).
        #[arg(long)]
        json: bool,
    },
    /// Produk: tambah, ubah, arsipkan, daftar, cari, impor, ekspor, promo.
    Produk {
        #[command(subcommand)]
        action: products::ProdukAction,
    },
    /// Stok: barang masuk, penyesuaian, opname, kartu stok, nilai persediaan, stok menipis.
    Stok {
        #[command(subcommand)]
        action: stock::StokAction,
    },
    /// Pemasok.
    Pemasok {
        #[command(subcommand)]
        action: stock::PemasokAction,
    },
    /// Jual: catat penjualan tunai/non-tunai dan cetak notanya.
    Jual(kasir::JualArgs),
    /// Tampilkan atau tulis ulang nota (PDF, ESC/POS).
    Nota {
        /// Nomor nota, mis. A-2026-000001.
        number: String,
        /// Tulis PDF ke berkas ini.
        #[arg(long)]
        pdf: Option<std::path::PathBuf>,
        /// Tulis data printer thermal (ESC/POS) ke berkas atau perangkat ini.
        #[arg(long)]
        escpos: Option<std::path::PathBuf>,
        /// Kertas: 58, 80 atau a5.
        #[arg(long, visible_alias = "kertas", default_value = "58")]
        paper: String,
    },
    /// Batalkan nota (semua jurnal dibalik, stok kembali).
    Batal {
        /// Nomor nota.
        number: String,
        /// Alasan.
        #[arg(long, visible_alias = "alasan", default_value = "")]
        reason: String,
    },
    /// Retur: sebagian barang nota dikembalikan, uang dikembalikan, stok kembali.
    Retur(kasir::ReturArgs),
    /// Pesanan: tambah, daftar, bayar (DP/pelunasan), verifikasi, status.
    /// Kode promo: tambah, daftar, stop, laporan.
    Promo {
        #[command(subcommand)]
        action: promo::PromoAction,
    },
    /// Rencana konten: tambah, status, daftar.
    Konten {
        #[command(subcommand)]
        action: konten::KontenAction,
    },
    /// Pelanggan: tambah, daftar, cari, lihat, gabung, duplikat, segmen, keluhan, layanan,
    /// ulasan, testimoni, minta-ulasan, pesan, atur.
    Pelanggan {
        #[command(subcommand)]
        action: pelanggan::PelangganAction,
    },
    Pesanan {
        #[command(subcommand)]
        action: pesanan::PesananAction,
    },
    /// Rekap harian kasir.
    Rekap {
        /// Tanggal (kosong = hari ini).
        #[arg(long, visible_alias = "tanggal", default_value = "")]
        date: String,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// QRIS toko: tampilkan, simpan, atau buat versi bernominal.
    Qris {
        #[command(subcommand)]
        action: Option<kasir::QrisAction>,
    },
    /// Catatan perubahan (op log).
    Ops {
        #[command(subcommand)]
        action: OpsAction,
    },
    /// Sinkronkan sekarang (tanpa subperintah), atau kelola sinkronisasi.
    Sync {
        #[command(subcommand)]
        action: Option<SyncAction>,
    },
    /// Gabungkan komputer ini ke usaha yang sudah ada, dengan kode pasangan.
    Pair {
        /// Alamat server, mis. http://192.168.1.10:8780.
        #[arg(long)]
        server: String,
        /// Kode pasangan (XXXX-XXXX) dari perangkat lain usaha ini.
        #[arg(long, visible_alias = "kode")]
        code: String,
    },
}

#[derive(Debug, Subcommand)]
enum SyncAction {
    /// Status sinkronisasi.
    Status {
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Daftarkan usaha ini di server (perangkat pertama) dengan kata sandi pemilik.
    Register {
        /// Alamat server, mis. http://192.168.1.10:8780.
        #[arg(long)]
        server: String,
        /// Kata sandi pemilik (paling sedikit 8 karakter).
        #[arg(long, visible_alias = "sandi", env = "USAHAKU_OWNER_PASSWORD", hide_env_values = true)]
        password: String,
    },
    /// Buat kode pasangan untuk perangkat baru (berlaku 15 menit, sekali pakai).
    Code,
    /// Catatan konflik: nilai yang tertimpa perubahan dari perangkat lain.
    Conflicts {
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
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

/// A failure of a command: from the store, or from talking to the sync server.
#[derive(Debug)]
enum Failure {
    Core(CoreError),
    Sync(SyncError),
}

impl From<CoreError> for Failure {
    fn from(e: CoreError) -> Self {
        Failure::Core(e)
    }
}

impl From<SyncError> for Failure {
    fn from(e: SyncError) -> Self {
        match e {
            SyncError::Core(c) => Failure::Core(c),
            other => Failure::Sync(other),
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Core(CoreError::Io(e))
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage::report(&e),
    };
    let Some(lang) = Lang::parse(&cli.lang) else {
        eprintln!(
            "Bahasa \"{}\" tidak dikenal; pakai id atau en. / Unknown language; use id or en.",
            cli.lang
        );
        return ExitCode::from(2);
    };
    let result = match cli.command {
        Command::Sync { .. } | Command::Pair { .. } => run_sync(cli, lang),
        _ => run(cli, lang).map_err(Failure::from),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Sync(e)) => {
            eprintln!("{}: {}", lang.pick("Galat", "Error"), e.message(lang));
            ExitCode::FAILURE
        }
        Err(Failure::Core(e)) => {
            eprintln!("{}: {}", lang.pick("Galat", "Error"), e.message(lang));
            match e {
                CoreError::Invalid { .. }
                | CoreError::Amount(_)
                | CoreError::Ledger(_)
                | CoreError::Product(_)
                | CoreError::Stock(_)
                | CoreError::Pricing(_)
                | CoreError::Sale(_)
                | CoreError::Qris(_)
                | CoreError::Order(_)
                | CoreError::Crm(_)
                | CoreError::Marketing(_)
                | CoreError::Promo(_) => ExitCode::from(2),
                _ => ExitCode::FAILURE,
            }
        }
    }
}

/// `usahaku sync …` and `usahaku pair`: the commands that talk to a server.
fn run_sync(cli: Cli, lang: Lang) -> Result<(), Failure> {
    let home = cli.home.map_or_else(Home::platform_default, Home::new);
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Pair { server, code } => {
            let t = HttpTransport::new(&server)?;
            let store = rt.block_on(usahaku_sync::pair(&home, clock, &t, &server, &code))?;
            let p = store.profile()?;
            match lang {
                Lang::Id => {
                    writeln!(out, "Tergabung ke \"{}\" sebagai perangkat {}.", p.name, p.device_code)?
                }
                Lang::En => writeln!(out, "Joined \"{}\" as device {}.", p.name, p.device_code)?,
            }
        }
        Command::Sync { action: None } => {
            let mut store = home.open(clock, cli.business.as_deref())?;
            let link = store.sync_link()?.ok_or(CoreError::NotLinked)?;
            let t = HttpTransport::new(&link.server_url)?;
            let r = rt.block_on(usahaku_sync::sync_once(&mut store, &t))?;
            match lang {
                Lang::Id => writeln!(
                    out,
                    "Sinkron: {} perubahan terkirim, {} perubahan diterima.",
                    r.pushed, r.pulled
                )?,
                Lang::En => {
                    writeln!(out, "Synced: {} changes sent, {} changes received.", r.pushed, r.pulled)?
                }
            }
        }
        Command::Sync { action: Some(SyncAction::Status { json }) } => {
            let store = home.open(clock, cli.business.as_deref())?;
            let pos = store.sync_position()?;
            if json {
                print_json(&pos)?;
            } else {
                let tz = store.profile().map(|p| p.timezone).unwrap_or(usahaku_core::Timezone::Wib);
                let dash = || "-".to_owned();
                let rows = [
                    (
                        lang.pick("Server", "Server"),
                        pos.server_url
                            .clone()
                            .unwrap_or_else(|| lang.pick("belum terhubung", "not connected").into()),
                    ),
                    (lang.pick("Menunggu dikirim", "Waiting to send"), pos.pending.to_string()),
                    (
                        lang.pick("Terakhir sinkron", "Last synced"),
                        pos.last_sync_ms.map(|m| tz.format_datetime(m)).unwrap_or_else(dash),
                    ),
                    (lang.pick("Galat terakhir", "Last error"), pos.last_error.clone().unwrap_or_else(dash)),
                    (
                        lang.pick("Selisih jam server", "Server clock offset"),
                        pos.skew_ms.map(|s| format!("{} s", s / 1000)).unwrap_or_else(dash),
                    ),
                ];
                for (label, value) in rows {
                    writeln!(out, "{label:<20}: {value}")?;
                }
                if pos.skew_ms.is_some_and(|s| s.abs() > 5 * 60 * 1000) {
                    writeln!(out, "{}", lang.pick(
                        "Peringatan: jam komputer ini berbeda lebih dari 5 menit dari server. Periksa tanggal dan jam.",
                        "Warning: this computer's clock is more than 5 minutes off the server's. Check the date and time.",
                    ))?;
                }
            }
        }
        Command::Sync { action: Some(SyncAction::Register { server, password }) } => {
            let mut store = home.open(clock, cli.business.as_deref())?;
            let t = HttpTransport::new(&server)?;
            rt.block_on(async {
                usahaku_sync::register(&mut store, &t, &server, &password).await?;
                usahaku_sync::sync_once(&mut store, &t).await
            })?;
            writeln!(
                out,
                "{}",
                lang.pick(
                    "Usaha terdaftar di server dan sudah sinkron.",
                    "Business registered on the server and synced."
                )
            )?;
        }
        Command::Sync { action: Some(SyncAction::Conflicts { json }) } => {
            let store = home.open(clock, cli.business.as_deref())?;
            let conflicts = store.conflicts(200)?;
            if json {
                print_json(&conflicts)?;
            } else if conflicts.is_empty() {
                writeln!(out, "{}", lang.pick("Tidak ada konflik.", "No conflicts."))?;
            } else {
                let tz = store.profile()?.timezone;
                let show = |v: &Option<String>| {
                    v.as_deref().map_or_else(|| "(kosong)".to_owned(), |v| format!("\"{v}\""))
                };
                for c in conflicts {
                    match lang {
                        Lang::Id => writeln!(
                            out,
                            "{}  {}: {} (diubah {}) tertimpa {}",
                            tz.format_datetime(c.kept_at_ms),
                            c.field,
                            show(&c.lost_value),
                            tz.format_datetime(c.lost_at_ms),
                            show(&c.kept_value)
                        )?,
                        Lang::En => writeln!(
                            out,
                            "{}  {}: {} (set {}) overwritten by {}",
                            tz.format_datetime(c.kept_at_ms),
                            c.field,
                            show(&c.lost_value),
                            tz.format_datetime(c.lost_at_ms),
                            show(&c.kept_value)
                        )?,
                    }
                }
            }
        }
        Command::Sync { action: Some(SyncAction::Code) } => {
            let store = home.open(clock, cli.business.as_deref())?;
            let link = store.sync_link()?.ok_or(CoreError::NotLinked)?;
            let t = HttpTransport::new(&link.server_url)?;
            let code = rt.block_on(usahaku_sync::issue_pairing_code(&link, &t))?;
            let tz = store.profile()?.timezone;
            match lang {
                Lang::Id => writeln!(
                    out,
                    "Kode pasangan: {}\nBerlaku sampai {}, sekali pakai.\nDi perangkat baru: usahaku pair --server {} --kode {}",
                    code.code,
                    tz.format_datetime(code.expires_ms),
                    link.server_url,
                    code.code
                )?,
                Lang::En => writeln!(
                    out,
                    "Pairing code: {}\nValid until {}, single use.\nOn the new device: usahaku pair --server {} --code {}",
                    code.code,
                    tz.format_datetime(code.expires_ms),
                    link.server_url,
                    code.code
                )?,
            }
        }
        // The store-only commands are run by run.
        _ => {}
    }
    Ok(())
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
    write_json(&mut std::io::stdout(), value)
}

/// `value` as pretty JSON (the `--json` output of every command).
pub(crate) fn write_json<T: serde::Serialize>(out: &mut impl Write, value: &T) -> Result<(), CoreError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CoreError::Corrupt(e.to_string()))?;
    writeln!(out, "{text}")?;
    Ok(())
}

fn run(cli: Cli, lang: Lang) -> Result<(), CoreError> {
    let home = cli.home.map_or_else(Home::platform_default, Home::new);
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let open =
        |clock: Arc<dyn Clock>| -> Result<Store, CoreError> { home.open(clock, cli.business.as_deref()) };
    let mut out = std::io::stdout().lock();
    match cli.command {
        // Commands that talk to a server are run by run_sync.
        Command::Sync { .. } | Command::Pair { .. } => {}
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
        Command::Profile { action: ProfileAction::Show { json } } => {
            let profile = open(clock)?.profile()?;
            if json {
                print_json(&profile)?;
            } else {
                print_profile(&mut out, &profile, lang)?;
            }
        }
        Command::Profile { action: ProfileAction::Set(a) } => {
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
                writeln!(out, "{}", lang.pick("Profil usaha tersimpan.", "Business profile saved."))?;
                print_profile(&mut out, &after, lang)?;
            }
        }
        Command::Kas { action } => books::kas(&mut open(clock)?, action, lang)?,
        Command::Piutang { action } => books::debt(&mut open(clock)?, true, action, lang)?,
        Command::Utang { action } => books::debt(&mut open(clock)?, false, action, lang)?,
        Command::Jurnal { memo, debit, credit, date } => {
            books::jurnal(&mut open(clock)?, &memo, &debit, &credit, &date, lang)?
        }
        Command::Koreksi { id, date } => books::koreksi(&mut open(clock)?, &id, &date, lang)?,
        Command::Laporan { report } => books::laporan(&open(clock)?, report, lang)?,
        Command::TutupBuku { month, reopen } => books::tutup_buku(&mut open(clock)?, &month, reopen, lang)?,
        Command::Anggaran { action } => books::anggaran(&mut open(clock)?, action, lang)?,
        Command::Akun { action: None, json } => books::akun(&open(clock)?, json)?,
        Command::Akun { action: Some(action), .. } => books::akun_change(&mut open(clock)?, action, lang)?,
        Command::Produk { action } => products::produk(&mut open(clock)?, action, lang)?,
        Command::Stok { action } => stock::stok(&mut open(clock)?, action, lang)?,
        Command::Pemasok { action } => stock::pemasok(&mut open(clock)?, action, lang)?,
        Command::Jual(args) => kasir::jual(&mut open(clock)?, args, lang)?,
        Command::Nota { number, pdf, escpos, paper } => {
            kasir::nota(&open(clock)?, &number, pdf, escpos, &paper, lang)?
        }
        Command::Batal { number, reason } => kasir::batal(&mut open(clock)?, &number, &reason, lang)?,
        Command::Retur(args) => kasir::retur(&mut open(clock)?, args, lang)?,
        Command::Pesanan { action } => pesanan::pesanan(&mut open(clock)?, action, lang)?,
        Command::Pelanggan { action } => pelanggan::pelanggan(&mut open(clock)?, action, lang)?,
        Command::Konten { action } => konten::konten(&mut open(clock)?, action, lang)?,
        Command::Promo { action } => promo::promo(&mut open(clock)?, action, lang)?,
        Command::Rekap { date, json } => kasir::rekap(&open(clock)?, &date, json, lang)?,
        Command::Qris { action } => kasir::qris(&mut open(clock)?, action, lang)?,
        Command::Ops { action: OpsAction::List { limit, json } } => {
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
                        &r.op.entity.name(),
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
        (ProfileField::BusinessType.label(lang), p.business_type.code().to_owned()),
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
