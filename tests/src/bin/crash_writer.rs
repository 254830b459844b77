//! Test helper: edits the business profile of the store at `argv[1]` in an endless loop and
//! prints each change's value on its own line once the change is committed. The crash test
//! kills it with SIGKILL at random moments.

use std::io::Write;
use std::sync::Arc;
use usahaku_core::{Store, SystemClock};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: crash-writer <store file>")?;
    let mut store = Store::open(std::path::Path::new(&path), Arc::new(SystemClock))?;
    let pid = std::process::id();
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        let mut input = store.profile()?.input();
        // Alternate between two fields so ops touch different columns too.
        let value = format!("{pid}-{i}");
        if i % 2 == 0 {
            input.name = format!("Toko {value}");
        } else {
            input.address = Some(format!("Jl. Uji {value}"));
        }
        store.update_profile(&input)?;
        writeln!(out, "{}", if i % 2 == 0 { &input.name } else { input.address.as_deref().unwrap_or("") })?;
        out.flush()?;
    }
    Ok(())
}
