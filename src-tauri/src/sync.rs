//! Sync in the desktop app: the Sinkronisasi commands and the background loop. The loop and
//! "Sinkronkan sekarang" share one store connection of their own, so sync never waits for, or
//! blocks, the UI's connection.

use crate::{Shell, UiError};
use serde::Serialize;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use usahaku_core::{Conflict, CoreError, Lang, Profile, Store};
use usahaku_sync::{Backoff, HttpTransport, SyncError, SyncSession, error_code};

/// How often a connected app syncs when nothing goes wrong.
const INTERVAL: Duration = Duration::from_secs(30);

/// Sync state as the UI shows it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SyncView {
    /// Server address when connected.
    pub server_url: Option<String>,
    /// Local changes not yet on the server.
    pub pending: u32,
    /// Last successful contact, ms since the Unix epoch.
    pub last_sync_ms: Option<i64>,
    /// Last sync error, translated; `None` after a success.
    pub last_error: Option<String>,
    /// Server clock minus this PC's clock, ms.
    pub skew_ms: Option<i64>,
    /// A sync round is running.
    pub syncing: bool,
}

/// A one-time pairing code for another device.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PairingCode {
    /// `XXXX-XXXX`.
    pub code: String,
    /// When it stops working, ms since the Unix epoch.
    pub expires_ms: i64,
}

/// The sync side of the shell.
#[derive(Debug, Default)]
pub struct SyncState {
    store: tokio::sync::Mutex<Option<Store>>,
    syncing: AtomicBool,
    last_error: Mutex<Option<SyncError>>,
    /// Batch size and identity check carried from round to round.
    session: Mutex<SyncSession>,
    wake: tokio::sync::Notify,
}

fn ui_sync_error(e: &SyncError, lang: Lang) -> UiError {
    tracing::warn!(error = %e, "sync failed");
    let field = match e {
        SyncError::Network(_) => Some("server_url"),
        SyncError::Refused { status: 403, .. } if e.has_code(error_code::PAIRING_CODE) => Some("code"),
        SyncError::Refused { status: 400 | 403, .. } => Some("owner_password"),
        _ => None,
    };
    let code = match e {
        SyncError::Core(c) => c.code().to_owned(),
        SyncError::Network(_) => "sync_network".into(),
        SyncError::Refused { status, .. } => format!("sync_refused_{status}"),
        SyncError::Body(_) => "sync_body".into(),
    };
    UiError { code, message: e.message(lang), field: field.map(str::to_owned) }
}

/// `http://` is assumed when the user types only `192.168.1.10:8780`.
pub fn normalize_server_url(typed: &str, lang: Lang) -> Result<String, UiError> {
    let t = typed.trim().trim_end_matches('/');
    if t.is_empty() {
        return Err(UiError {
            code: "invalid_input".into(),
            message: lang.pick("Alamat server wajib diisi.", "The server address is required.").into(),
            field: Some("server_url".into()),
        });
    }
    if t.contains(char::is_whitespace) {
        return Err(UiError {
            code: "invalid_input".into(),
            message: lang
                .pick(
                    "Alamat server tidak boleh berisi spasi.",
                    "The server address must not contain spaces.",
                )
                .into(),
            field: Some("server_url".into()),
        });
    }
    if t.starts_with("http://") || t.starts_with("https://") {
        Ok(t.to_owned())
    } else {
        Ok(format!("http://{t}"))
    }
}

impl Shell {
    fn business_path(&self) -> Option<std::path::PathBuf> {
        self.store.lock().ok()?.as_ref().map(|s| s.path().to_owned())
    }

    /// The sync connection, (re)opened on the business the UI has open.
    async fn sync_store(&self) -> Result<tokio::sync::MutexGuard<'_, Option<Store>>, CoreError> {
        let mut guard = self.sync.store.lock().await;
        let wanted = self.business_path();
        let current = guard.as_ref().map(|s| s.path().to_owned());
        if wanted != current {
            // Another file: its identity is checked again on the first round.
            if let Ok(mut s) = self.sync.session.lock() {
                *s = SyncSession::default();
            }
            *guard = match wanted {
                Some(path) => Some(Store::open(&path, self.clock.clone())?),
                None => None,
            };
        }
        Ok(guard)
    }

    /// The status line.
    pub(crate) async fn sync_view(&self) -> Result<SyncView, UiError> {
        let lang = self.lang();
        let guard = self.sync_store().await.map_err(|e| UiError::from_core(&e, lang))?;
        let Some(store) = guard.as_ref() else {
            return Err(UiError::from_core(&CoreError::NoBusiness(self.home.root().to_owned()), lang));
        };
        let pos = store.sync_position().map_err(|e| UiError::from_core(&e, lang))?;
        let live = self.sync.last_error.lock().ok().and_then(|e| e.as_ref().map(|e| e.message(lang)));
        let stored = pos.last_error.as_ref().map(|detail| match lang {
            Lang::Id => format!("Sinkronisasi terakhir gagal ({detail})."),
            Lang::En => format!("The last sync failed ({detail})."),
        });
        Ok(SyncView {
            server_url: pos.server_url,
            pending: u32::try_from(pos.pending).unwrap_or(u32::MAX),
            last_sync_ms: pos.last_sync_ms,
            last_error: if pos.last_error.is_some() { live.or(stored) } else { None },
            skew_ms: pos.skew_ms,
            syncing: self.sync.syncing.load(Ordering::SeqCst),
        })
    }

    /// One sync round on the sync connection, if the business is connected.
    pub(crate) async fn sync_round(&self) -> Result<bool, SyncError> {
        let mut guard = self.sync_store().await?;
        let Some(store) = guard.as_mut() else {
            return Ok(false);
        };
        let Some(link) = store.sync_link()? else {
            return Ok(false);
        };
        self.sync.syncing.store(true, Ordering::SeqCst);
        let transport = HttpTransport::new(&link.server_url)?;
        let mut session = self.sync.session.lock().map(|s| *s).unwrap_or_default();
        let result = usahaku_sync::sync_once_with(store, &transport, &mut session).await;
        if let Ok(mut s) = self.sync.session.lock() {
            *s = session;
        }
        self.sync.syncing.store(false, Ordering::SeqCst);
        if let Ok(mut last) = self.sync.last_error.lock() {
            *last = result.as_ref().err().map(clone_error);
        }
        result.map(|_| true)
    }

    /// Runs forever: a round every 30 s when connected, jittered backoff after failures, and
    /// at once when woken ("Sinkronkan sekarang", a new connection).
    pub async fn sync_loop(&self) {
        let mut backoff = Backoff::new(std::process::id().into());
        loop {
            let delay = match self.sync_round().await {
                Ok(_) => {
                    backoff.reset();
                    INTERVAL
                }
                Err(e) if e.is_transient() => backoff.next_delay(),
                Err(_) => Duration::from_secs(300),
            };
            let _ = tokio::time::timeout(delay, self.sync.wake.notified()).await;
        }
    }
}

fn clone_error(e: &SyncError) -> SyncError {
    match e {
        SyncError::Network(m) => SyncError::Network(m.clone()),
        SyncError::Refused { status, code, reason } => {
            SyncError::Refused { status: *status, code: code.clone(), reason: reason.clone() }
        }
        SyncError::Body(b) => SyncError::Body(b.clone()),
        SyncError::Core(c) => SyncError::Network(c.to_string()),
    }
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn sync_status(shell: tauri::State<'_, Shell>) -> Result<SyncView, UiError> {
    shell.sync_view().await
}

/// The conflict log for the Sinkronisasi page, newest first.
#[tauri::command]
#[specta::specta]
pub(crate) async fn sync_conflicts(shell: tauri::State<'_, Shell>) -> Result<Vec<Conflict>, UiError> {
    let lang = shell.lang();
    let guard = shell.sync_store().await.map_err(|e| UiError::from_core(&e, lang))?;
    match guard.as_ref() {
        Some(store) => store.conflicts(100).map_err(|e| UiError::from_core(&e, lang)),
        None => Ok(Vec::new()),
    }
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn sync_now(shell: tauri::State<'_, Shell>) -> Result<SyncView, UiError> {
    let lang = shell.lang();
    shell.sync_round().await.map_err(|e| ui_sync_error(&e, lang))?;
    shell.sync_view().await
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn sync_register(
    shell: tauri::State<'_, Shell>,
    server_url: String,
    owner_password: String,
) -> Result<SyncView, UiError> {
    let lang = shell.lang();
    let url = normalize_server_url(&server_url, lang)?;
    if owner_password.chars().count() < 8 {
        return Err(UiError {
            code: "invalid_input".into(),
            message: lang
                .pick(
                    "Kata sandi pemilik paling sedikit 8 karakter.",
                    "The owner password needs at least 8 characters.",
                )
                .into(),
            field: Some("owner_password".into()),
        });
    }
    {
        let mut guard = shell.sync_store().await.map_err(|e| UiError::from_core(&e, lang))?;
        let store = guard
            .as_mut()
            .ok_or_else(|| UiError::from_core(&CoreError::NoBusiness(shell.home.root().to_owned()), lang))?;
        let transport = HttpTransport::new(&url).map_err(|e| ui_sync_error(&e, lang))?;
        usahaku_sync::register(store, &transport, &url, &owner_password)
            .await
            .map_err(|e| ui_sync_error(&e, lang))?;
    }
    shell.sync.wake.notify_one();
    shell.sync_view().await
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn sync_pairing_code(shell: tauri::State<'_, Shell>) -> Result<PairingCode, UiError> {
    let lang = shell.lang();
    let link = {
        let guard = shell.sync_store().await.map_err(|e| UiError::from_core(&e, lang))?;
        let store = guard
            .as_ref()
            .ok_or_else(|| UiError::from_core(&CoreError::NoBusiness(shell.home.root().to_owned()), lang))?;
        usahaku_sync::link_of(store).map_err(|e| ui_sync_error(&e, lang))?
    };
    let transport = HttpTransport::new(&link.server_url).map_err(|e| ui_sync_error(&e, lang))?;
    let code =
        usahaku_sync::issue_pairing_code(&link, &transport).await.map_err(|e| ui_sync_error(&e, lang))?;
    Ok(PairingCode { code: code.code, expires_ms: code.expires_ms })
}

#[tauri::command]
#[specta::specta]
pub(crate) async fn join_business(
    shell: tauri::State<'_, Shell>,
    server_url: String,
    code: String,
) -> Result<Profile, UiError> {
    let lang = shell.lang();
    let url = normalize_server_url(&server_url, lang)?;
    if code.trim().is_empty() {
        return Err(UiError {
            code: "invalid_input".into(),
            message: lang.pick("Kode pasangan wajib diisi.", "The pairing code is required.").into(),
            field: Some("code".into()),
        });
    }
    let transport = HttpTransport::new(&url).map_err(|e| ui_sync_error(&e, lang))?;
    let store = usahaku_sync::pair(&shell.home, shell.clock.clone(), &transport, &url, &code)
        .await
        .map_err(|e| ui_sync_error(&e, lang))?;
    let profile = store.profile().map_err(|e| UiError::from_core(&e, lang))?;
    let mut guard = shell.store.lock().map_err(|_| UiError::internal(lang))?;
    *guard = Some(store);
    drop(guard);
    shell.sync.wake.notify_one();
    Ok(profile)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_addresses_get_a_scheme() {
        assert_eq!(
            normalize_server_url(" 192.168.1.10:8780/ ", Lang::Id).unwrap(),
            "http://192.168.1.10:8780"
        );
        assert_eq!(
            normalize_server_url("https://sync.usahaku.id", Lang::Id).unwrap(),
            "https://sync.usahaku.id"
        );
        let e = normalize_server_url("", Lang::Id).unwrap_err();
        assert_eq!(
            (e.field.as_deref(), e.message.as_str()),
            (Some("server_url"), "Alamat server wajib diisi.")
        );
        assert!(normalize_server_url("http://a b", Lang::En).is_err());
    }
}
