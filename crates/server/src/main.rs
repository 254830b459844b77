//! `usahaku-server`: the sync server (central, lab hub, or test).

use anyhow::Context;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use usahaku_server::api::{ApiState, serve};
use usahaku_server::postgres::PostgresStorage;
use usahaku_server::sqlite::SqliteStorage;
use usahaku_server::storage::Storage;

#[derive(Debug, Parser)]
#[command(name = "usahaku-server", version, about = "Usahaku sync server")]
struct Args {
    /// Storage: `sqlite:PATH` (embedded default) or `postgres://user:pass@host/db`.
    #[arg(long, default_value = "sqlite:usahaku-server.db", env = "USAHAKU_SERVER_DB")]
    db: String,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8780", env = "USAHAKU_SERVER_LISTEN")]
    listen: String,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start a new epoch: run this after restoring the database from a backup, so devices
    /// push again whatever the backup lacks.
    NewEpoch,
}

/// Runs the chosen command on one storage backend.
async fn run<S: Storage>(storage: S, args: Args) -> anyhow::Result<()> {
    if let Some(Command::NewEpoch) = args.command {
        let epoch = storage.new_epoch().await?;
        println!("new epoch {}", epoch.0);
        return Ok(());
    }
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    tracing::info!(addr = %listener.local_addr()?, "serving");
    serve(listener, ApiState { storage, clock: usahaku_server::system_clock() }).await?;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let args = Args::parse();
    if let Some(path) = args.db.strip_prefix("sqlite:") {
        let storage = SqliteStorage::open(&PathBuf::from(path))?;
        run(storage, args).await
    } else if args.db.starts_with("postgres://") || args.db.starts_with("postgresql://") {
        let storage = PostgresStorage::connect(&args.db).await?;
        run(storage, args).await
    } else {
        anyhow::bail!("unsupported --db {:?}: use sqlite:PATH or postgres://…", args.db)
    }
}
