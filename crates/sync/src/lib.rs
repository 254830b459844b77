//! Usahaku client sync engine.
//!
//! * [`register`] makes the first device's business known to a server (owner password);
//!   [`issue_pairing_code`] and [`pair`] bring more devices in.
//! * [`sync_once`] pushes the outbox in device_seq order (batches of about 48 KB) until the
//!   server has it all, then pulls and applies ops page by page, each page with its cursor in
//!   one transaction.
//! * [`Backoff`] spaces out retries with jittered exponential delays.
//!
//! The HTTP [`Transport`] is behind a small trait so tests can put faults in between.

use std::sync::Arc;
use std::time::Duration;
use usahaku_core::clock::new_id;
use usahaku_core::{Clock, CoreError, Device, Home, Lang, Store, SyncLink};
pub use usahaku_proto::wire::error_code;
use usahaku_proto::wire::{
    BodyError, CreateTenantRequest, DeviceGrant, PairRequest, PairingCodeRequest, PairingCodeResponse,
    PullResponse, PushRequest, PushResponse, ReplaceDeviceRequest, StatusResponse, decode_body, encode_body,
};
use usahaku_proto::{DeviceId, Op};

/// Rough byte budget of one push or pull.
pub const BATCH_BYTES: usize = 48 * 1024;

/// Why a sync step failed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// No answer: offline, timed out, connection reset. Retry later.
    #[error("network: {0}")]
    Network(String),
    /// The server answered with an error status.
    #[error("server said {status}: {reason}")]
    Refused {
        /// HTTP status.
        status: u16,
        /// The machine-readable [`error_code`], when the server sent one.
        code: Option<String>,
        /// The server's reason.
        reason: String,
    },
    /// The server's answer could not be read.
    #[error("unreadable answer: {0}")]
    Body(#[from] BodyError),
    /// The local store failed.
    #[error(transparent)]
    Core(#[from] CoreError),
}

impl SyncError {
    /// Worth retrying later without the user doing anything.
    pub fn is_transient(&self) -> bool {
        match self {
            SyncError::Network(_) => true,
            SyncError::Refused { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }

    /// The server refused with this machine-readable code.
    pub fn has_code(&self, wanted: &str) -> bool {
        matches!(self, SyncError::Refused { code: Some(c), .. } if c == wanted)
    }

    /// A message for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SyncError::Core(e) => e.message(lang),
            SyncError::Network(_) => lang
                .pick(
                    "Server tidak terjangkau. Data tetap aman di komputer ini; sinkronisasi dicoba lagi nanti.",
                    "The server cannot be reached. Data stays safe on this computer; sync will retry later.",
                )
                .into(),
            SyncError::Refused { status: 401, .. } => lang
                .pick(
                    "Perangkat ini tidak lagi diizinkan oleh server (dicabut atau token salah). Pasangkan ulang dengan kode baru.",
                    "The server no longer accepts this device (revoked or wrong token). Pair it again with a new code.",
                )
                .into(),
            SyncError::Refused { status: 403, .. } if self.has_code(error_code::PAIRING_CODE) => lang
                .pick(
                    "Kode pasangan salah, sudah dipakai, atau kedaluwarsa. Minta kode baru.",
                    "The pairing code is wrong, used or expired. Ask for a new one.",
                )
                .into(),
            SyncError::Refused { status: 403, .. } => lang
                .pick("Kata sandi pemilik salah.", "Wrong owner password.")
                .into(),
            SyncError::Refused { status: 409, .. } if self.has_code(error_code::TENANT_EXISTS) => lang
                .pick("Usaha ini sudah terdaftar di server.", "This business is already registered on the server.")
                .into(),
            SyncError::Refused { status: 429, .. } => lang
                .pick(
                    "Terlalu banyak kode salah. Tunggu 10 menit lalu coba lagi.",
                    "Too many wrong codes. Wait 10 minutes and try again.",
                )
                .into(),
            SyncError::Refused { status: 426, .. } => lang
                .pick(
                    "Versi aplikasi dan server tidak cocok. Perbarui aplikasi.",
                    "The app and server versions do not match. Update the app.",
                )
                .into(),
            SyncError::Refused { status, reason, .. } => match lang {
                Lang::Id => format!("Server menolak permintaan ({status}: {reason})."),
                Lang::En => format!("The server refused the request ({status}: {reason})."),
            },
            SyncError::Body(e) => match lang {
                Lang::Id => format!("Jawaban server tidak dapat dibaca ({e})."),
                Lang::En => format!("The server's answer could not be read ({e})."),
            },
        }
    }
}

/// Result with [`SyncError`].
pub type Result<T> = std::result::Result<T, SyncError>;

/// How requests reach the server.
pub trait Transport: Send + Sync {
    /// POSTs a body; returns the answer's body.
    fn post(
        &self,
        path: &str,
        token: Option<&str>,
        body: Vec<u8>,
    ) -> impl std::future::Future<Output = Result<Vec<u8>>> + Send;
    /// GETs `path_and_query`; returns the answer's body.
    fn get(
        &self,
        path_and_query: &str,
        token: &str,
    ) -> impl std::future::Future<Output = Result<Vec<u8>>> + Send;
}

/// HTTP(S) with reqwest and rustls.
#[derive(Debug, Clone)]
pub struct HttpTransport {
    client: reqwest::Client,
    base: String,
}

impl HttpTransport {
    /// A transport to `base_url` (`http://127.0.0.1:8780`, `https://…`).
    pub fn new(base_url: &str) -> Result<Self> {
        HttpTransport::build(base_url, reqwest::Client::builder())
    }

    /// Like [`HttpTransport::new`], but every request opens a new connection (no keep-alive),
    /// as on links where idle connections die; the weak-link tests use it so that each
    /// request meets the proxy's per-connection faults.
    pub fn with_fresh_connections(base_url: &str) -> Result<Self> {
        HttpTransport::build(base_url, reqwest::Client::builder().pool_max_idle_per_host(0))
    }

    fn build(base_url: &str, builder: reqwest::ClientBuilder) -> Result<Self> {
        // One process-wide TLS provider; a second install attempt is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = builder
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| SyncError::Network(e.to_string()))?;
        Ok(HttpTransport { client, base: base_url.trim_end_matches('/').to_owned() })
    }

    async fn answer(resp: reqwest::Response) -> Result<Vec<u8>> {
        let status = resp.status();
        let code = resp
            .headers()
            .get(error_code::ERROR_CODE_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = resp.bytes().await.map_err(|e| SyncError::Network(e.to_string()))?;
        if status.is_success() {
            Ok(bytes.to_vec())
        } else {
            Err(SyncError::Refused {
                status: status.as_u16(),
                code,
                reason: String::from_utf8_lossy(&bytes).into_owned(),
            })
        }
    }
}

impl Transport for HttpTransport {
    async fn post(&self, path: &str, token: Option<&str>, body: Vec<u8>) -> Result<Vec<u8>> {
        let mut req = self.client.post(format!("{}{path}", self.base)).body(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.map_err(|e| SyncError::Network(e.to_string()))?;
        HttpTransport::answer(resp).await
    }

    async fn get(&self, path_and_query: &str, token: &str) -> Result<Vec<u8>> {
        let resp = self
            .client
            .get(format!("{}{path_and_query}", self.base))
            .bearer_auth(token)
            .send()
            .await
            .map_err(|e| SyncError::Network(e.to_string()))?;
        HttpTransport::answer(resp).await
    }
}

/// Registers this store's business on the server with an owner password, and links the store.
pub async fn register(
    store: &mut Store,
    transport: &impl Transport,
    server_url: &str,
    owner_password: &str,
) -> Result<()> {
    let req = CreateTenantRequest {
        tenant_id: store.business_id(),
        owner_password: owner_password.to_owned(),
        device_id: store.device().id,
        device_code: store.device().code.clone(),
    };
    let grant: DeviceGrant = decode_body(&transport.post("/v1/tenants", None, encode_body(&req)).await?)?;
    store.link_to_server(&SyncLink { server_url: server_url.to_owned(), token: grant.token })?;
    Ok(())
}

/// The server link of a store, or [`CoreError::NotLinked`].
pub fn link_of(store: &Store) -> Result<SyncLink> {
    Ok(store.sync_link()?.ok_or(CoreError::NotLinked)?)
}

/// Asks the server for a one-time code with which another device can join.
pub async fn issue_pairing_code(link: &SyncLink, transport: &impl Transport) -> Result<PairingCodeResponse> {
    let body = transport
        .post("/v1/pairing-codes", Some(&link.token), encode_body(&PairingCodeRequest { owner: None }))
        .await?;
    Ok(decode_body(&body)?)
}

/// Joins a business with a pairing code: creates this device's copy in `home` and pulls
/// everything into it.
pub async fn pair(
    home: &Home,
    clock: Arc<dyn Clock>,
    transport: &impl Transport,
    server_url: &str,
    code: &str,
) -> Result<Store> {
    let device_id = DeviceId(new_id(clock.as_ref()));
    let req = PairRequest { code: code.to_owned(), device_id };
    let grant: DeviceGrant = decode_body(&transport.post("/v1/pair", None, encode_body(&req)).await?)?;
    let link = SyncLink { server_url: server_url.to_owned(), token: grant.token };
    let device = Device { id: device_id, code: grant.device_code };
    let mut store = home.join(clock, grant.tenant_id, &device, &link)?;
    // The first download brings the business itself; on a weak link try it a few times.
    let mut last = None;
    for delay_ms in [0u64, 500, 1000, 2000] {
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        match sync_once(&mut store, transport).await {
            Ok(_) => return Ok(store),
            Err(e) if e.is_transient() => last = Some(e),
            Err(e) => {
                last = Some(e);
                break;
            }
        }
    }
    // Without the business's data the copy is useless: leave nothing half-made behind.
    store.discard()?;
    Err(last.unwrap_or_else(|| SyncError::Network("first download failed".into())))
}

/// What one sync round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Local ops the server newly acknowledged.
    pub pushed: u64,
    /// Remote ops newly applied here.
    pub pulled: u64,
}

/// What a sync loop carries from round to round.
///
/// * The batch size: it halves after a request dies on the network (a weak link drops long
///   transfers more often) and doubles back after each success.
/// * Whether this device's identity was checked against the server since the file was
///   opened: the first round pushes even with an empty outbox, so a file restored from an
///   older copy is noticed at once (the server holds more of its ops than the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncSession {
    batch_bytes: usize,
    identity_checked: bool,
}

impl SyncSession {
    /// Smallest batch: still dozens of ops.
    pub const MIN_BATCH_BYTES: usize = 4 * 1024;
    /// Largest batch: well under the server's body limit.
    pub const MAX_BATCH_BYTES: usize = 256 * 1024;

    /// The current batch byte budget.
    pub fn batch_bytes(&self) -> usize {
        self.batch_bytes
    }

    fn succeeded(&mut self) {
        self.batch_bytes = (self.batch_bytes * 2).min(SyncSession::MAX_BATCH_BYTES);
    }

    fn failed(&mut self, e: &SyncError) {
        if matches!(e, SyncError::Network(_)) {
            self.batch_bytes = (self.batch_bytes / 2).max(SyncSession::MIN_BATCH_BYTES);
        }
    }
}

impl Default for SyncSession {
    fn default() -> Self {
        SyncSession { batch_bytes: BATCH_BYTES, identity_checked: false }
    }
}

/// Pushes everything pending, then pulls everything new. On failure the error is also
/// recorded in the store for the status line.
pub async fn sync_once(store: &mut Store, transport: &impl Transport) -> Result<SyncReport> {
    sync_once_with(store, transport, &mut SyncSession::default()).await
}

/// [`sync_once`] within a [`SyncSession`] kept from earlier rounds (the background loop
/// keeps one).
pub async fn sync_once_with(
    store: &mut Store,
    transport: &impl Transport,
    session: &mut SyncSession,
) -> Result<SyncReport> {
    match sync_round(store, transport, session).await {
        Ok(r) => Ok(r),
        Err(e) => {
            if !matches!(e, SyncError::Core(CoreError::NotLinked)) {
                let _ = store.record_sync_error(&e.to_string());
            }
            Err(e)
        }
    }
}

/// The file is an older copy of this device's store (restored from a backup, or copied to
/// another computer): the server holds ops under its id that the file lacks.
fn is_restored_copy(e: &SyncError) -> bool {
    e.has_code(error_code::SEQ_REUSED) || matches!(e, SyncError::Core(CoreError::RestoredCopy { .. }))
}

/// Gives an older copy of the file a new device id, so its new ops cannot collide with the
/// ones the server holds under the old id; see [`Store::take_new_device`].
async fn take_new_device(store: &mut Store, transport: &impl Transport, link: &SyncLink) -> Result<SyncLink> {
    let device_id = DeviceId(new_id(store.clock().as_ref()));
    let body = transport
        .post("/v1/devices/replace", Some(&link.token), encode_body(&ReplaceDeviceRequest { device_id }))
        .await?;
    let grant: DeviceGrant = decode_body(&body)?;
    store.take_new_device(&Device { id: grant.device_id, code: grant.device_code }, &grant.token)?;
    Ok(SyncLink { server_url: link.server_url.clone(), token: grant.token })
}

/// Pushes one batch and records the answer; returns the server's acked_seq.
async fn push_batch(store: &mut Store, transport: &impl Transport, token: &str, ops: Vec<Op>) -> Result<u64> {
    let body = transport.post("/v1/push", Some(token), encode_body(&PushRequest { ops })).await?;
    let resp: PushResponse = decode_body(&body)?;
    store.record_push(&resp)?;
    Ok(resp.acked_seq)
}

async fn sync_round(
    store: &mut Store,
    transport: &impl Transport,
    session: &mut SyncSession,
) -> Result<SyncReport> {
    let mut link = store.sync_link()?.ok_or(CoreError::NotLinked)?;
    let mut report = SyncReport::default();
    let mut replaced = false;
    // Push: by byte budget, in device_seq order, until the server holds everything.
    loop {
        let pending = store.outbox(4096)?;
        if pending.is_empty() && session.identity_checked {
            break;
        }
        let mut batch = Vec::new();
        let mut bytes = 0;
        for op in pending {
            bytes += op.payload.len() + 96;
            batch.push(op);
            if bytes >= session.batch_bytes() {
                break;
            }
        }
        let before = store.sync_position()?.acked_seq;
        let server_acked = match push_batch(store, transport, &link.token, batch).await {
            Ok(acked) => {
                session.succeeded();
                session.identity_checked = true;
                acked
            }
            Err(e) if is_restored_copy(&e) && !replaced => {
                link = take_new_device(store, transport, &link).await?;
                replaced = true;
                continue;
            }
            Err(e) => {
                session.failed(&e);
                return Err(e);
            }
        };
        let after = store.sync_position()?.acked_seq;
        report.pushed += after.saturating_sub(before);
        if after <= before && !store.outbox(1)?.is_empty() && server_acked == before {
            // The server took nothing new (it must be missing an earlier op it will ask for
            // again after an epoch change); stop instead of looping.
            break;
        }
    }
    // Pull: page by page; each page and its cursor land in one transaction.
    loop {
        let cursor = store.sync_position()?.cursor;
        let path = format!("/v1/pull?cursor={cursor}&max_bytes={}", session.batch_bytes());
        let body = match transport.get(&path, &link.token).await {
            Ok(b) => b,
            Err(e) => {
                session.failed(&e);
                return Err(e);
            }
        };
        session.succeeded();
        let resp: PullResponse = decode_body(&body)?;
        report.pulled += store.apply_pulled(&resp)? as u64;
        let restarted = store.sync_position()?.cursor < cursor.min(resp.cursor);
        if !resp.more && !restarted {
            break;
        }
    }
    Ok(report)
}

/// The server's view of this device.
pub async fn server_status(link: &SyncLink, transport: &impl Transport) -> Result<StatusResponse> {
    Ok(decode_body(&transport.get("/v1/status", &link.token).await?)?)
}

/// Jittered exponential backoff: 2 s, 4 s, 8 s … up to 5 minutes, each delay drawn between
/// half and all of its step so that 50 lab PCs do not retry in step.
#[derive(Debug, Clone)]
pub struct Backoff {
    attempt: u32,
    base: Duration,
    max: Duration,
    rng: fastrand::Rng,
}

impl Backoff {
    /// A backoff with the default 2 s base and 5 min ceiling.
    pub fn new(seed: u64) -> Self {
        Backoff {
            attempt: 0,
            base: Duration::from_secs(2),
            max: Duration::from_secs(300),
            rng: fastrand::Rng::with_seed(seed),
        }
    }

    /// The delay before the next retry.
    pub fn next_delay(&mut self) -> Duration {
        let step = self.base.saturating_mul(1u32 << self.attempt.min(16)).min(self.max);
        self.attempt = self.attempt.saturating_add(1);
        let half = step / 2;
        half + Duration::from_millis(self.rng.u64(0..=half.as_millis() as u64))
    }

    /// After a success: start again from the base delay.
    pub fn reset(&mut self) {
        self.attempt = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_jitter_and_caps() {
        let mut b = Backoff::new(7);
        let delays: Vec<Duration> = (0..12).map(|_| b.next_delay()).collect();
        let steps = [2u64, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300];
        for (d, step) in delays.iter().zip(steps) {
            assert!(
                *d >= Duration::from_millis(step * 500) && *d <= Duration::from_secs(step),
                "{d:?} vs {step}s"
            );
        }
        b.reset();
        assert!(b.next_delay() <= Duration::from_secs(2));
    }
}
