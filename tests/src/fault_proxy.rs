//! A userspace TCP proxy on loopback that makes a link weak: a bandwidth cap, added latency
//! each way, and connections reset part-way through the request body. It counts the bytes
//! that cross it, which is how the sync benchmarks measure bytes on the wire.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::Instant;

/// How weak the link is.
#[derive(Debug, Clone, Copy)]
pub struct LinkProfile {
    /// Bytes per second each way; `None` for unlimited.
    pub bytes_per_sec: Option<u64>,
    /// Added one-way delay.
    pub latency: Duration,
    /// Chance that a connection is reset after a random part of what the client sends.
    pub reset_chance: f64,
}

impl LinkProfile {
    /// A perfect link.
    pub const CLEAN: LinkProfile =
        LinkProfile { bytes_per_sec: None, latency: Duration::ZERO, reset_chance: 0.0 };

    /// 50 kbit/s, 250 ms each way, 5 % of connections reset mid-body: a bad 2G/3G day.
    pub const WEAK_3G: LinkProfile = LinkProfile {
        bytes_per_sec: Some(50_000 / 8),
        latency: Duration::from_millis(250),
        reset_chance: 0.05,
    };
}

/// Byte and connection counters.
#[derive(Debug, Default)]
pub struct Counters {
    /// Client → server bytes forwarded.
    pub up: AtomicU64,
    /// Server → client bytes forwarded.
    pub down: AtomicU64,
    /// Connections accepted.
    pub connections: AtomicU64,
    /// Connections reset on purpose.
    pub resets: AtomicU64,
}

/// A running proxy; dropped, it stops accepting.
#[derive(Debug)]
pub struct FaultProxy {
    /// Where clients connect.
    pub addr: SocketAddr,
    /// What crossed it.
    pub counters: Arc<Counters>,
    profile: Arc<std::sync::Mutex<LinkProfile>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FaultProxy {
    /// Starts a proxy on 127.0.0.1 forwarding to `upstream` (which must be on loopback).
    pub async fn start(upstream: SocketAddr, profile: LinkProfile, seed: u64) -> std::io::Result<FaultProxy> {
        assert!(upstream.ip().is_loopback(), "network tests stay on loopback");
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let counters = Arc::new(Counters::default());
        let c = counters.clone();
        let shared = Arc::new(std::sync::Mutex::new(profile));
        let current = shared.clone();
        let task = tokio::spawn(async move {
            let mut rng = fastrand::Rng::with_seed(seed);
            while let Ok((client, _)) = listener.accept().await {
                let profile = current.lock().map(|p| *p).unwrap_or(LinkProfile::CLEAN);
                c.connections.fetch_add(1, Ordering::Relaxed);
                let reset_after = (rng.f64() < profile.reset_chance).then(|| rng.u64(64..16_384));
                let c = c.clone();
                tokio::spawn(async move {
                    if let Ok(server) = TcpStream::connect(upstream).await {
                        relay(client, server, profile, reset_after, c).await;
                    }
                });
            }
        });
        Ok(FaultProxy { addr, counters, profile: shared, task })
    }

    /// Changes the link for connections opened from now on.
    pub fn set_profile(&self, profile: LinkProfile) {
        if let Ok(mut p) = self.profile.lock() {
            *p = profile;
        }
    }

    /// Zeroes the byte counters.
    pub fn reset_counters(&self) {
        self.counters.up.store(0, Ordering::Relaxed);
        self.counters.down.store(0, Ordering::Relaxed);
    }

    /// `http://` URL of the proxy.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// (up, down) bytes so far.
    pub fn bytes(&self) -> (u64, u64) {
        (self.counters.up.load(Ordering::Relaxed), self.counters.down.load(Ordering::Relaxed))
    }
}

async fn relay(
    client: TcpStream,
    server: TcpStream,
    profile: LinkProfile,
    reset_after: Option<u64>,
    c: Arc<Counters>,
) {
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);
    let (cr, cw) = client.into_split();
    let (sr, sw) = server.into_split();
    // Bytes moved either way on this connection; the reset fires at `reset_after` of them,
    // so it can cut a request body or a response body.
    let moved = Arc::new(AtomicU64::new(0));
    let up = pump(cr, sw, profile, reset_after, moved.clone(), c.clone(), true);
    let down = pump(sr, cw, profile, reset_after, moved, c.clone(), false);
    // When either direction ends (or is reset), drop both: the connection is gone.
    let reset = tokio::select! {
        reset = up => reset,
        reset = down => reset,
    };
    if reset {
        c.resets.fetch_add(1, Ordering::Relaxed);
    }
}

/// Copies one direction through the shaped link: a reader stamps each chunk with the time it
/// would arrive (queued behind the bandwidth cap, plus the latency), a writer delivers it then,
/// so latency does not throttle throughput. Returns `true` if it reset the connection.
async fn pump(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    profile: LinkProfile,
    reset_after: Option<u64>,
    moved: Arc<AtomicU64>,
    c: Arc<Counters>,
    upstream: bool,
) -> bool {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(Instant, Vec<u8>)>();
    let writer = tokio::spawn(async move {
        while let Some((at, bytes)) = rx.recv().await {
            tokio::time::sleep_until(at).await;
            if to.write_all(&bytes).await.is_err() {
                return;
            }
        }
        let _ = to.shutdown().await;
    });
    let mut buf = vec![0u8; 1024];
    let mut link_free = Instant::now();
    let reset = loop {
        let n = match from.read(&mut buf).await {
            Ok(0) | Err(_) => break false,
            Ok(n) => n,
        };
        let total = moved.fetch_add(n as u64, Ordering::Relaxed) + n as u64;
        if reset_after.is_some_and(|limit| total >= limit) {
            break true;
        }
        let start = link_free.max(Instant::now());
        let transmit = profile
            .bytes_per_sec
            .map_or(Duration::ZERO, |bps| Duration::from_secs_f64(n as f64 / bps as f64));
        link_free = start + transmit;
        let counter = if upstream { &c.up } else { &c.down };
        counter.fetch_add(n as u64, Ordering::Relaxed);
        if tx.send((link_free + profile.latency, buf[..n].to_vec())).is_err() {
            break false;
        }
    };
    if reset {
        writer.abort();
    } else {
        drop(tx);
        let _ = writer.await;
    }
    reset
}
