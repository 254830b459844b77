//! Test helper: syncs the store at `argv[1]` with its server over and over, printing the op
//! count after each round. The pull crash test kills it with SIGKILL at random moments.

use std::io::Write;
use std::sync::Arc;
use usahaku_core::{Store, SystemClock};
use usahaku_sync::{HttpTransport, link_of, sync_once};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: pull-worker <store file>")?;
    let mut store = Store::open(std::path::Path::new(&path), Arc::new(SystemClock))?;
    let t = HttpTransport::new(&link_of(&store)?.server_url)?;
    let mut out = std::io::stdout().lock();
    loop {
        sync_once(&mut store, &t).await?;
        writeln!(out, "{}", store.op_count()?)?;
        out.flush()?;
    }
}
