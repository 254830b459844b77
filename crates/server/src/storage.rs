//! The storage trait: one interface, a backend per database.

use std::future::Future;
use std::time::Duration;
use usahaku_proto::DeviceId;
use usahaku_proto::wire::Epoch;
use uuid::Uuid;

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The tenant already exists.
    #[error("tenant exists")]
    TenantExists,
    /// A pushed op's device_seq is already held with a different op: the device's local
    /// file is an older copy, and it must take a new device id.
    #[error("device_seq {device_seq} already holds a different op")]
    SeqReused {
        /// The first reused sequence number.
        device_seq: u64,
    },
    /// The backend failed.
    #[error("storage backend: {0}")]
    Backend(String),
}

/// Result with [`StorageError`].
pub type Result<T> = std::result::Result<T, StorageError>;

/// Who a token belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeviceAuth {
    /// The business.
    pub tenant_id: Uuid,
    /// The device.
    pub device_id: DeviceId,
    /// Withdrawn by the owner.
    pub revoked: bool,
}

/// An op as the server keeps it: its position and its encoded form, payload unread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredOp {
    /// The device that made it.
    pub device_id: DeviceId,
    /// Its device_seq.
    pub device_seq: u64,
    /// The postcard-encoded op, as received.
    pub body: Vec<u8>,
}

/// A page of ops after a cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Encoded ops of other devices, in server order.
    pub bodies: Vec<Vec<u8>>,
    /// The last server_seq looked at (own ops are skipped but passed).
    pub cursor: u64,
    /// More ops remain after `cursor`.
    pub more: bool,
}

/// What the server stores. Every method takes the tenant explicitly; implementations key
/// every row by tenant first.
pub trait Storage: Clone + Send + Sync + 'static {
    /// The current epoch (made on first use).
    fn epoch(&self) -> impl Future<Output = Result<Epoch>> + Send;
    /// Starts a new epoch (after restoring a backup).
    fn new_epoch(&self) -> impl Future<Output = Result<Epoch>> + Send;
    /// Creates a tenant and registers its first device.
    fn create_tenant(
        &self,
        tenant_id: Uuid,
        password_hash: String,
        device_id: DeviceId,
        device_code: String,
        token_hash: [u8; 32],
        now_ms: i64,
    ) -> impl Future<Output = Result<()>> + Send;
    /// The tenant's owner password hash.
    fn password_hash(&self, tenant_id: Uuid) -> impl Future<Output = Result<Option<String>>> + Send;
    /// The device a token hash belongs to.
    fn device_by_token(
        &self,
        token_hash: [u8; 32],
    ) -> impl Future<Output = Result<Option<DeviceAuth>>> + Send;
    /// Stores a pairing code hash for a tenant.
    fn add_pairing_code(
        &self,
        tenant_id: Uuid,
        code_hash: [u8; 32],
        expires_ms: i64,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Uses up a live pairing code and registers the device with the next device code (or
    /// gives an already-known device a new token). `None` if the code is unknown, used or
    /// expired.
    fn redeem_pairing_code(
        &self,
        code_hash: [u8; 32],
        device_id: DeviceId,
        token_hash: [u8; 32],
        now_ms: i64,
    ) -> impl Future<Output = Result<Option<(Uuid, String)>>> + Send;
    /// Records a failed pairing attempt from `client`; returns the failures in the window.
    fn note_pair_failure(
        &self,
        client: String,
        now_ms: i64,
        window_ms: i64,
    ) -> impl Future<Output = Result<u32>> + Send;
    /// Failed pairing attempts from `client` in the window.
    fn pair_failures(
        &self,
        client: String,
        now_ms: i64,
        window_ms: i64,
    ) -> impl Future<Output = Result<u32>> + Send;
    /// Registers another device of a tenant (a device replacing its id after its file was
    /// restored from an older copy) and returns its device code; `None` if the id is taken.
    fn add_device(
        &self,
        tenant_id: Uuid,
        device_id: DeviceId,
        token_hash: [u8; 32],
        now_ms: i64,
    ) -> impl Future<Output = Result<Option<String>>> + Send;
    /// Withdraws a device's token. `false` if the tenant has no such device.
    fn revoke(&self, tenant_id: Uuid, device_id: DeviceId) -> impl Future<Output = Result<bool>> + Send;
    /// Stores a device's ops: duplicates are ignored, and only ops that continue the
    /// device's contiguous sequence are taken. Returns the highest contiguous device_seq held.
    /// An op whose device_seq is already held with a different body refuses the whole push
    /// with [`StorageError::SeqReused`].
    fn push(&self, tenant_id: Uuid, ops: Vec<StoredOp>) -> impl Future<Output = Result<u64>> + Send;
    /// Highest contiguous device_seq held for a device.
    fn acked_seq(&self, tenant_id: Uuid, device_id: DeviceId) -> impl Future<Output = Result<u64>> + Send;
    /// The tenant's newest server_seq.
    fn head(&self, tenant_id: Uuid) -> impl Future<Output = Result<u64>> + Send;
    /// Ops after `cursor` not made by `reader`, up to about `max_bytes`.
    fn pull(
        &self,
        tenant_id: Uuid,
        reader: DeviceId,
        cursor: u64,
        max_bytes: usize,
    ) -> impl Future<Output = Result<Page>> + Send;
    /// Waits until the tenant's head passes `after`, or `timeout`.
    fn wait_for_change(
        &self,
        tenant_id: Uuid,
        after: u64,
        timeout: Duration,
    ) -> impl Future<Output = Result<()>> + Send;
}
