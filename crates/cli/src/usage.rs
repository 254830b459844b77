//! Mistakes in how `usahaku` was called (an unknown command, a missing value), told in
//! Indonesian like every other error of the command: clap's own messages are English only.
//! `--lang en` (or `USAHAKU_LANG=en`) keeps clap's English text.

use clap::CommandFactory;
use clap::error::{ContextKind, ErrorKind};
use std::process::ExitCode;
use usahaku_core::Lang;

/// The language asked for on the command line or in `USAHAKU_LANG`, read without clap (which
/// has just failed to read the command line); Indonesian when none or an unknown one.
fn requested_lang() -> Lang {
    let mut args = std::env::args().skip(1);
    let mut chosen = None;
    while let Some(a) = args.next() {
        if a == "--lang" {
            chosen = args.next();
        } else if let Some(v) = a.strip_prefix("--lang=") {
            chosen = Some(v.to_owned());
        }
    }
    chosen.or_else(|| std::env::var("USAHAKU_LANG").ok()).and_then(|l| Lang::parse(&l)).unwrap_or(Lang::Id)
}

/// The Indonesian name of an option as clap names it ("--price <PRICE>" → "--harga"): its
/// first visible alias anywhere in the command tree, else its own name without the value
/// placeholder. Positional arguments ("<ITEMS>...") stay as they are.
fn shown(arg: &str) -> String {
    let Some(long) = arg.strip_prefix("--").map(|a| a.split([' ', '=']).next().unwrap_or(a)) else {
        return arg.to_owned();
    };
    fn alias(cmd: &clap::Command, long: &str) -> Option<String> {
        cmd.get_arguments()
            .find(|a| a.get_long() == Some(long))
            .and_then(|a| a.get_visible_aliases().and_then(|v| v.first().map(|s| (*s).to_owned())))
            .or_else(|| cmd.get_subcommands().find_map(|c| alias(c, long)))
    }
    format!("--{}", alias(&crate::Cli::command(), long).unwrap_or_else(|| long.to_owned()))
}

/// The message for a command line clap could not read, in Indonesian; None for the kinds
/// that are not a mistake to explain (help, version) or that clap's own text says best.
fn message(e: &clap::Error) -> Option<String> {
    let ctx = |k: ContextKind| e.get(k).map(ToString::to_string).unwrap_or_default();
    let arg = ctx(ContextKind::InvalidArg).split(", ").map(shown).collect::<Vec<_>>().join(", ");
    Some(match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!("Perintah \"{}\" tidak dikenal.", ctx(ContextKind::InvalidSubcommand))
        }
        ErrorKind::UnknownArgument => format!("Pilihan \"{arg}\" tidak dikenal."),
        ErrorKind::InvalidValue if ctx(ContextKind::InvalidValue).is_empty() => {
            format!("{arg} perlu diisi nilainya.")
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("Nilai \"{}\" tidak bisa dipakai untuk {arg}.", ctx(ContextKind::InvalidValue))
        }
        ErrorKind::MissingRequiredArgument => format!("Belum diisi: {arg}"),
        ErrorKind::ArgumentConflict => {
            format!("{arg} tidak bisa dipakai bersama {}.", ctx(ContextKind::PriorArg))
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("Jumlah nilai untuk {arg} tidak sesuai.")
        }
        ErrorKind::NoEquals => format!("{arg} perlu ditulis dengan '=', misalnya {arg}=nilai."),
        _ => return None,
    })
}

/// Prints the mistake (or the help clap was asked for) and gives the exit code: 2 for a
/// command line that could not be read, 0 for help and version.
pub(crate) fn report(e: &clap::Error) -> ExitCode {
    let code = ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    let said = (requested_lang() == Lang::Id).then(|| message(e)).flatten();
    let Some(text) = said else {
        // Help, version, a missing subcommand (clap shows the list), or English asked for.
        let _ = e.print();
        return code;
    };
    let mut out = format!("Galat: {text}\n");
    let suggestion = e.get(ContextKind::SuggestedSubcommand).or_else(|| e.get(ContextKind::SuggestedArg));
    if let Some(s) = suggestion {
        out.push_str(&format!("Mungkin maksudnya: {}\n", shown(&s.to_string())));
    }
    if let Some(v) = e.get(ContextKind::ValidValue).map(ToString::to_string).filter(|v| !v.is_empty()) {
        out.push_str(&format!("Yang bisa dipakai: {v}\n"));
    }
    if let Some(u) = e.get(ContextKind::Usage) {
        let usage = u.to_string();
        let usage = usage.trim().strip_prefix("Usage:").map_or(usage.trim(), str::trim);
        out.push_str(&format!("\nCara pakai: {usage}\n"));
    }
    out.push_str("Bantuan lengkap: tambahkan --help pada perintahnya.\n");
    eprint!("{out}");
    code
}
