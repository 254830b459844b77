//! The HTTP API (axum). Bodies are versioned postcard + zstd ([`usahaku_proto::wire`]);
//! errors are a status code and a short plain-text reason.

use crate::storage::{DeviceAuth, Storage, StorageError, StoredOp};
use crate::{Clock, secrets};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use std::net::SocketAddr;
use std::time::Duration;
use usahaku_proto::wire::{
    BodyError, CreateTenantRequest, DeviceGrant, MAX_BODY_BYTES, PairRequest, PairingCodeRequest,
    PairingCodeResponse, PullResponse, PushRequest, PushResponse, ReplaceDeviceRequest, RevokeRequest,
    ServerInfo, StatusResponse, decode_body, encode_body, error_code,
};
use usahaku_proto::{Op, decode_payload, encode_payload};

/// How long a pairing code works.
pub const PAIRING_CODE_TTL_MS: i64 = 15 * 60 * 1000;
/// Failed pairing attempts allowed per client address in [`PAIR_FAILURE_WINDOW_MS`].
pub const PAIR_FAILURES_ALLOWED: u32 = 10;
/// The window for counting failed pairing attempts.
pub const PAIR_FAILURE_WINDOW_MS: i64 = 10 * 60 * 1000;
/// Longest long-poll wait.
pub const MAX_WAIT_MS: u64 = 30_000;
/// The content type of every body.
pub const CONTENT_TYPE: &str = "application/x-usahaku";

/// Shared state of the handlers.
#[derive(Clone)]
pub struct ApiState<S> {
    /// Where everything is kept.
    pub storage: S,
    /// The server's clock.
    pub clock: Clock,
}

impl<S: std::fmt::Debug> std::fmt::Debug for ApiState<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiState").field("storage", &self.storage).finish_non_exhaustive()
    }
}

/// An error answer: status, an optional machine-readable [`error_code`], and a reason.
#[derive(Debug)]
pub struct ApiError(StatusCode, Option<&'static str>, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut resp =
            (self.0, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], self.2).into_response();
        if let Some(code) = self.1 {
            resp.headers_mut().insert(error_code::ERROR_CODE_HEADER, header::HeaderValue::from_static(code));
        }
        resp
    }
}

impl From<StorageError> for ApiError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::TenantExists => ApiError(
                StatusCode::CONFLICT,
                Some(error_code::TENANT_EXISTS),
                "business already registered".into(),
            ),
            StorageError::SeqReused { device_seq } => {
                tracing::warn!(device_seq, "push reuses a device_seq: the device's file is an older copy");
                ApiError(
                    StatusCode::CONFLICT,
                    Some(error_code::SEQ_REUSED),
                    format!("device_seq {device_seq} already holds a different op; take a new device id"),
                )
            }
            StorageError::Backend(detail) => {
                tracing::error!(%detail, "storage failure");
                ApiError(StatusCode::SERVICE_UNAVAILABLE, None, "storage unavailable, try again".into())
            }
        }
    }
}

impl From<BodyError> for ApiError {
    fn from(e: BodyError) -> Self {
        let status = match e {
            BodyError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            BodyError::WrongVersion { .. } => StatusCode::UPGRADE_REQUIRED,
            _ => StatusCode::BAD_REQUEST,
        };
        ApiError(status, None, e.to_string())
    }
}

fn err(status: StatusCode, msg: &str) -> ApiError {
    ApiError(status, None, msg.to_owned())
}

type ApiResult = Result<Response, ApiError>;

fn reply<T: serde::Serialize>(value: &T) -> ApiResult {
    Ok(([(header::CONTENT_TYPE, CONTENT_TYPE)], encode_body(value)).into_response())
}

/// The routes, over any storage.
pub fn router<S: Storage>(state: ApiState<S>) -> Router {
    Router::new()
        .route("/v1/tenants", post(create_tenant::<S>))
        .route("/v1/pairing-codes", post(pairing_code::<S>))
        .route("/v1/pair", post(pair::<S>))
        .route("/v1/devices/revoke", post(revoke::<S>))
        .route("/v1/devices/replace", post(replace_device::<S>))
        .route("/v1/push", post(push::<S>))
        .route("/v1/pull", get(pull::<S>))
        .route("/v1/status", get(status::<S>))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// Serves the API on `listener` until the task is dropped.
pub async fn serve<S: Storage>(listener: tokio::net::TcpListener, state: ApiState<S>) -> std::io::Result<()> {
    axum::serve(listener, router(state).into_make_service_with_connect_info::<SocketAddr>()).await
}

async fn server_info<S: Storage>(st: &ApiState<S>) -> Result<ServerInfo, ApiError> {
    Ok(ServerInfo { epoch: st.storage.epoch().await?, time_ms: (st.clock)() })
}

/// The device behind the bearer token; revoked or unknown tokens are refused.
async fn authenticate<S: Storage>(st: &ApiState<S>, headers: &HeaderMap) -> Result<DeviceAuth, ApiError> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| err(StatusCode::UNAUTHORIZED, "missing device token"))?;
    match st.storage.device_by_token(secrets::hash_secret(token.trim())).await? {
        Some(auth) if !auth.revoked => Ok(auth),
        Some(_) => Err(err(StatusCode::UNAUTHORIZED, "device token revoked")),
        None => Err(err(StatusCode::UNAUTHORIZED, "unknown device token")),
    }
}

async fn check_owner<S: Storage>(
    st: &ApiState<S>,
    tenant: uuid::Uuid,
    password: &str,
) -> Result<(), ApiError> {
    match st.storage.password_hash(tenant).await? {
        Some(hash) if secrets::verify_password(password, &hash) => Ok(()),
        _ => Err(ApiError(
            StatusCode::FORBIDDEN,
            Some(error_code::OWNER_PASSWORD),
            "wrong business or owner password".into(),
        )),
    }
}

fn random_failed(_: getrandom::Error) -> ApiError {
    err(StatusCode::SERVICE_UNAVAILABLE, "no randomness available")
}

async fn create_tenant<S: Storage>(State(st): State<ApiState<S>>, body: Bytes) -> ApiResult {
    let req: CreateTenantRequest = decode_body(&body)?;
    if req.owner_password.chars().count() < 8 {
        return Err(err(StatusCode::BAD_REQUEST, "owner password must have at least 8 characters"));
    }
    let code = req.device_code.trim();
    if code.is_empty() || code.len() > 4 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(err(StatusCode::BAD_REQUEST, "device code must be 1-4 capital letters"));
    }
    let hash = secrets::hash_password(&req.owner_password)
        .map_err(|_| err(StatusCode::SERVICE_UNAVAILABLE, "password hashing failed"))?;
    let (token, token_hash) = secrets::new_token().map_err(random_failed)?;
    let now = (st.clock)();
    st.storage.create_tenant(req.tenant_id, hash, req.device_id, code.to_owned(), token_hash, now).await?;
    reply(&DeviceGrant {
        server: server_info(&st).await?,
        tenant_id: req.tenant_id,
        device_id: req.device_id,
        device_code: code.to_owned(),
        token,
    })
}

async fn pairing_code<S: Storage>(
    State(st): State<ApiState<S>>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    let req: PairingCodeRequest = decode_body(&body)?;
    let tenant = if headers.contains_key(header::AUTHORIZATION) {
        authenticate(&st, &headers).await?.tenant_id
    } else {
        let (tenant, password) = req
            .owner
            .ok_or_else(|| err(StatusCode::UNAUTHORIZED, "device token or owner password needed"))?;
        check_owner(&st, tenant, &password).await?;
        tenant
    };
    let code = secrets::new_pairing_code().map_err(random_failed)?;
    let normalized =
        secrets::normalize_code(&code).ok_or_else(|| err(StatusCode::INTERNAL_SERVER_ERROR, "bad code"))?;
    let expires_ms = (st.clock)() + PAIRING_CODE_TTL_MS;
    st.storage.add_pairing_code(tenant, secrets::hash_secret(&normalized), expires_ms).await?;
    reply(&PairingCodeResponse { code, expires_ms })
}

async fn pair<S: Storage>(
    State(st): State<ApiState<S>>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> ApiResult {
    let req: PairRequest = decode_body(&body)?;
    let now = (st.clock)();
    let client = addr.ip().to_string();
    if st.storage.pair_failures(client.clone(), now, PAIR_FAILURE_WINDOW_MS).await? >= PAIR_FAILURES_ALLOWED {
        return Err(err(StatusCode::TOO_MANY_REQUESTS, "too many wrong pairing codes; wait 10 minutes"));
    }
    let redeemed = match secrets::normalize_code(&req.code) {
        Some(code) => {
            let (token, token_hash) = secrets::new_token().map_err(random_failed)?;
            st.storage
                .redeem_pairing_code(secrets::hash_secret(&code), req.device_id, token_hash, now)
                .await?
                .map(|(tenant, device_code)| (tenant, device_code, token))
        }
        None => None,
    };
    let Some((tenant_id, device_code, token)) = redeemed else {
        st.storage.note_pair_failure(client, now, PAIR_FAILURE_WINDOW_MS).await?;
        return Err(ApiError(
            StatusCode::FORBIDDEN,
            Some(error_code::PAIRING_CODE),
            "pairing code unknown, used or expired".into(),
        ));
    };
    reply(&DeviceGrant {
        server: server_info(&st).await?,
        tenant_id,
        device_id: req.device_id,
        device_code,
        token,
    })
}

async fn revoke<S: Storage>(State(st): State<ApiState<S>>, headers: HeaderMap, body: Bytes) -> ApiResult {
    let auth = authenticate(&st, &headers).await?;
    let req: RevokeRequest = decode_body(&body)?;
    check_owner(&st, auth.tenant_id, &req.owner_password).await?;
    if !st.storage.revoke(auth.tenant_id, req.device_id).await? {
        return Err(err(StatusCode::NOT_FOUND, "no such device in this business"));
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A device whose file is an older copy takes a new id (and code and token); its old id and
/// ops stay on the server, so the device can pull them back as another device's.
async fn replace_device<S: Storage>(
    State(st): State<ApiState<S>>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    let auth = authenticate(&st, &headers).await?;
    let req: ReplaceDeviceRequest = decode_body(&body)?;
    if req.device_id == auth.device_id {
        return Err(err(StatusCode::BAD_REQUEST, "the new device id must differ from the old one"));
    }
    let (token, token_hash) = secrets::new_token().map_err(random_failed)?;
    let Some(device_code) =
        st.storage.add_device(auth.tenant_id, req.device_id, token_hash, (st.clock)()).await?
    else {
        return Err(err(StatusCode::CONFLICT, "that device id is already in use"));
    };
    tracing::info!(tenant = %auth.tenant_id, old = %auth.device_id, new = %req.device_id, "device replaced its id");
    reply(&DeviceGrant {
        server: server_info(&st).await?,
        tenant_id: auth.tenant_id,
        device_id: req.device_id,
        device_code,
        token,
    })
}

async fn push<S: Storage>(State(st): State<ApiState<S>>, headers: HeaderMap, body: Bytes) -> ApiResult {
    let auth = authenticate(&st, &headers).await?;
    let req: PushRequest = decode_body(&body)?;
    let mut ops = Vec::with_capacity(req.ops.len());
    for op in &req.ops {
        if op.device_id != auth.device_id {
            return Err(err(StatusCode::FORBIDDEN, "ops must come from the token's own device"));
        }
        if op.device_seq == 0 {
            return Err(err(StatusCode::BAD_REQUEST, "device_seq starts at 1"));
        }
        ops.push(StoredOp { device_id: op.device_id, device_seq: op.device_seq, body: encode_payload(op) });
    }
    let acked_seq = if ops.is_empty() {
        st.storage.acked_seq(auth.tenant_id, auth.device_id).await?
    } else {
        st.storage.push(auth.tenant_id, ops).await?
    };
    reply(&PushResponse { server: server_info(&st).await?, acked_seq })
}

/// Query of `GET /v1/pull`.
#[derive(Debug, Deserialize)]
pub struct PullParams {
    /// Last server_seq the client applied.
    #[serde(default)]
    pub cursor: u64,
    /// Rough size limit of the answer's ops.
    #[serde(default)]
    pub max_bytes: Option<usize>,
    /// Long-poll: wait this long for new ops when there are none.
    #[serde(default)]
    pub wait_ms: Option<u64>,
}

async fn pull<S: Storage>(
    State(st): State<ApiState<S>>,
    headers: HeaderMap,
    Query(q): Query<PullParams>,
) -> ApiResult {
    let auth = authenticate(&st, &headers).await?;
    let max_bytes = q.max_bytes.unwrap_or(64 * 1024).clamp(1024, MAX_BODY_BYTES / 2);
    let mut page = st.storage.pull(auth.tenant_id, auth.device_id, q.cursor, max_bytes).await?;
    let wait = q.wait_ms.unwrap_or(0).min(MAX_WAIT_MS);
    if page.bodies.is_empty() && !page.more && wait > 0 {
        st.storage.wait_for_change(auth.tenant_id, page.cursor, Duration::from_millis(wait)).await?;
        page = st.storage.pull(auth.tenant_id, auth.device_id, page.cursor, max_bytes).await?;
    }
    let mut ops = Vec::with_capacity(page.bodies.len());
    for b in &page.bodies {
        let op: Op =
            decode_payload(b).map_err(|_| err(StatusCode::INTERNAL_SERVER_ERROR, "stored op unreadable"))?;
        ops.push(op);
    }
    reply(&PullResponse { server: server_info(&st).await?, ops, cursor: page.cursor, more: page.more })
}

async fn status<S: Storage>(State(st): State<ApiState<S>>, headers: HeaderMap) -> ApiResult {
    let auth = authenticate(&st, &headers).await?;
    reply(&StatusResponse {
        server: server_info(&st).await?,
        tenant_id: auth.tenant_id,
        device_id: auth.device_id,
        acked_seq: st.storage.acked_seq(auth.tenant_id, auth.device_id).await?,
        head: st.storage.head(auth.tenant_id).await?,
    })
}
