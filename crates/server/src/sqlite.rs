//! SQLite storage: the embedded default (hub on a trainer's laptop, the test server). One
//! connection behind a mutex, used off the async threads; long-poll wake-ups are in process,
//! which is all a single-file database can serve.

use crate::secrets::device_code;
use crate::storage::{DeviceAuth, Page, Result, Storage, StorageError, StoredOp};
use crate::wakeups::Wakeups;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use usahaku_proto::DeviceId;
use usahaku_proto::wire::Epoch;
use uuid::Uuid;

const SCHEMA: &[&str] = &[r#"
CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE tenant (
    tenant_id     BLOB PRIMARY KEY,
    password_hash TEXT NOT NULL,
    head_seq      INTEGER NOT NULL DEFAULT 0,
    created_ms    INTEGER NOT NULL
) STRICT;
CREATE TABLE device (
    tenant_id   BLOB NOT NULL REFERENCES tenant (tenant_id),
    device_id   BLOB NOT NULL,
    device_code TEXT NOT NULL,
    token_hash  BLOB NOT NULL UNIQUE,
    acked_seq   INTEGER NOT NULL DEFAULT 0,
    revoked     INTEGER NOT NULL DEFAULT 0,
    created_ms  INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, device_id)
) STRICT;
CREATE TABLE pairing_code (
    code_hash  BLOB PRIMARY KEY,
    tenant_id  BLOB NOT NULL REFERENCES tenant (tenant_id),
    expires_ms INTEGER NOT NULL,
    used       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE pair_failure (client TEXT NOT NULL, at_ms INTEGER NOT NULL) STRICT;
CREATE INDEX pair_failure_client ON pair_failure (client, at_ms);
CREATE TABLE op (
    tenant_id  BLOB NOT NULL,
    server_seq INTEGER NOT NULL,
    device_id  BLOB NOT NULL,
    device_seq INTEGER NOT NULL,
    body       BLOB NOT NULL,
    PRIMARY KEY (tenant_id, server_seq),
    UNIQUE (tenant_id, device_id, device_seq)
) STRICT, WITHOUT ROWID;
"#];

/// SQLite-backed storage.
#[derive(Clone, Debug)]
pub struct SqliteStorage {
    conn: Arc<Mutex<Connection>>,
    wakeups: Wakeups,
}

fn backend<E: std::fmt::Display>(e: E) -> StorageError {
    StorageError::Backend(e.to_string())
}

fn blob_uuid(b: &[u8]) -> rusqlite::Result<Uuid> {
    Uuid::from_slice(b)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Blob, Box::new(e)))
}

impl SqliteStorage {
    /// Opens (creating and migrating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        let mut conn = Connection::open(path).map_err(backend)?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(backend)?;
        conn.query_row("PRAGMA journal_mode=WAL", [], |_| Ok(())).map_err(backend)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(backend)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(backend)?;
        let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(backend)?;
        for (i, sql) in SCHEMA.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive).map_err(backend)?;
            tx.execute_batch(sql).map_err(backend)?;
            tx.pragma_update(None, "user_version", i as u32 + 1).map_err(backend)?;
            tx.commit().map_err(backend)?;
        }
        Ok(SqliteStorage { conn: Arc::new(Mutex::new(conn)), wakeups: Wakeups::default() })
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().map_err(|_| StorageError::Backend("lock poisoned".into()))?;
            f(&mut guard).map_err(backend)
        })
        .await
        .map_err(backend)?
    }
}

fn set_epoch(conn: &Connection) -> rusqlite::Result<Epoch> {
    let id = Uuid::now_v7();
    conn.execute(
        "INSERT INTO server_meta (key, value) VALUES ('epoch', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [id.to_string()],
    )?;
    Ok(Epoch(id))
}

/// Gives a known device a new token, or registers a new one with the tenant's next device
/// code. Returns the device code.
fn upsert_device(
    tx: &rusqlite::Transaction<'_>,
    tenant: &[u8],
    device_id: DeviceId,
    token_hash: [u8; 32],
    now_ms: i64,
) -> rusqlite::Result<String> {
    let d = device_id.0.as_bytes().as_slice();
    let existing: Option<String> = tx
        .query_row(
            "SELECT device_code FROM device WHERE tenant_id = ?1 AND device_id = ?2",
            params![tenant, d],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(code) = existing {
        tx.execute(
            "UPDATE device SET token_hash = ?3, revoked = 0 WHERE tenant_id = ?1 AND device_id = ?2",
            params![tenant, d, token_hash.as_slice()],
        )?;
        return Ok(code);
    }
    let n: i64 = tx.query_row("SELECT count(*) FROM device WHERE tenant_id = ?1", [tenant], |r| r.get(0))?;
    let code = device_code(n as u64);
    tx.execute(
        "INSERT INTO device (tenant_id, device_id, device_code, token_hash, created_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![tenant, d, code, token_hash.as_slice(), now_ms],
    )?;
    Ok(code)
}

impl Storage for SqliteStorage {
    async fn epoch(&self) -> Result<Epoch> {
        self.run(|c| {
            let v: Option<String> = c
                .query_row("SELECT value FROM server_meta WHERE key = 'epoch'", [], |r| r.get(0))
                .optional()?;
            match v.and_then(|v| Uuid::parse_str(&v).ok()) {
                Some(id) => Ok(Epoch(id)),
                None => set_epoch(c),
            }
        })
        .await
    }

    async fn new_epoch(&self) -> Result<Epoch> {
        self.run(|c| set_epoch(c)).await
    }

    async fn create_tenant(
        &self,
        tenant_id: Uuid,
        password_hash: String,
        device_id: DeviceId,
        device_code: String,
        token_hash: [u8; 32],
        now_ms: i64,
    ) -> Result<()> {
        let created = self
            .run(move |c| {
                let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let n = tx.execute(
                    "INSERT INTO tenant (tenant_id, password_hash, created_ms) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                    params![tenant_id.as_bytes().as_slice(), password_hash, now_ms],
                )?;
                if n == 0 {
                    return Ok(false);
                }
                tx.execute(
                    "INSERT INTO device (tenant_id, device_id, device_code, token_hash, created_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![tenant_id.as_bytes().as_slice(), device_id.0.as_bytes().as_slice(), device_code, token_hash.as_slice(), now_ms],
                )?;
                tx.commit()?;
                Ok(true)
            })
            .await?;
        if created { Ok(()) } else { Err(StorageError::TenantExists) }
    }

    async fn password_hash(&self, tenant_id: Uuid) -> Result<Option<String>> {
        self.run(move |c| {
            c.query_row(
                "SELECT password_hash FROM tenant WHERE tenant_id = ?1",
                [tenant_id.as_bytes().as_slice()],
                |r| r.get(0),
            )
            .optional()
        })
        .await
    }

    async fn device_by_token(&self, token_hash: [u8; 32]) -> Result<Option<DeviceAuth>> {
        self.run(move |c| {
            c.prepare_cached("SELECT tenant_id, device_id, revoked FROM device WHERE token_hash = ?1")?
                .query_row([token_hash.as_slice()], |r| {
                    Ok(DeviceAuth {
                        tenant_id: blob_uuid(&r.get::<_, Vec<u8>>(0)?)?,
                        device_id: DeviceId(blob_uuid(&r.get::<_, Vec<u8>>(1)?)?),
                        revoked: r.get(2)?,
                    })
                })
                .optional()
        })
        .await
    }

    async fn add_pairing_code(&self, tenant_id: Uuid, code_hash: [u8; 32], expires_ms: i64) -> Result<()> {
        self.run(move |c| {
            c.execute(
                "INSERT INTO pairing_code (code_hash, tenant_id, expires_ms) VALUES (?1, ?2, ?3)",
                params![code_hash.as_slice(), tenant_id.as_bytes().as_slice(), expires_ms],
            )?;
            Ok(())
        })
        .await
    }

    async fn redeem_pairing_code(
        &self,
        code_hash: [u8; 32],
        device_id: DeviceId,
        token_hash: [u8; 32],
        now_ms: i64,
    ) -> Result<Option<(Uuid, String)>> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let tenant: Option<Vec<u8>> = tx
                .query_row(
                    "UPDATE pairing_code SET used = 1 WHERE code_hash = ?1 AND used = 0 AND expires_ms > ?2 RETURNING tenant_id",
                    params![code_hash.as_slice(), now_ms],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(tenant) = tenant else {
                return Ok(None);
            };
            let code = upsert_device(&tx, &tenant, device_id, token_hash, now_ms)?;
            tx.commit()?;
            Ok(Some((blob_uuid(&tenant)?, code)))
        })
        .await
    }

    async fn add_device(
        &self,
        tenant_id: Uuid,
        device_id: DeviceId,
        token_hash: [u8; 32],
        now_ms: i64,
    ) -> Result<Option<String>> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let t = tenant_id.as_bytes().as_slice();
            let taken: Option<i64> = tx
                .query_row(
                    "SELECT 1 FROM device WHERE tenant_id = ?1 AND device_id = ?2",
                    params![t, device_id.0.as_bytes().as_slice()],
                    |r| r.get(0),
                )
                .optional()?;
            if taken.is_some() {
                return Ok(None);
            }
            let code = upsert_device(&tx, t, device_id, token_hash, now_ms)?;
            tx.commit()?;
            Ok(Some(code))
        })
        .await
    }

    async fn note_pair_failure(&self, client: String, now_ms: i64, window_ms: i64) -> Result<u32> {
        self.run(move |c| {
            c.execute("DELETE FROM pair_failure WHERE at_ms <= ?1", [now_ms - window_ms])?;
            c.execute("INSERT INTO pair_failure (client, at_ms) VALUES (?1, ?2)", params![client, now_ms])?;
            c.query_row("SELECT count(*) FROM pair_failure WHERE client = ?1", [client], |r| r.get(0))
        })
        .await
    }

    async fn pair_failures(&self, client: String, now_ms: i64, window_ms: i64) -> Result<u32> {
        self.run(move |c| {
            c.query_row(
                "SELECT count(*) FROM pair_failure WHERE client = ?1 AND at_ms > ?2",
                params![client, now_ms - window_ms],
                |r| r.get(0),
            )
        })
        .await
    }

    async fn revoke(&self, tenant_id: Uuid, device_id: DeviceId) -> Result<bool> {
        self.run(move |c| {
            let n = c.execute(
                "UPDATE device SET revoked = 1 WHERE tenant_id = ?1 AND device_id = ?2",
                params![tenant_id.as_bytes().as_slice(), device_id.0.as_bytes().as_slice()],
            )?;
            Ok(n == 1)
        })
        .await
    }

    async fn push(&self, tenant_id: Uuid, mut ops: Vec<StoredOp>) -> Result<u64> {
        let Some(device) = ops.first().map(|o| o.device_id) else {
            return Ok(0);
        };
        ops.sort_by_key(|o| o.device_seq);
        let acked = self
            .run(move |c| {
                let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let t = tenant_id.as_bytes().as_slice();
                let d = device.0.as_bytes().as_slice();
                let mut acked: u64 = tx
                    .prepare_cached("SELECT acked_seq FROM device WHERE tenant_id = ?1 AND device_id = ?2")?
                    .query_row(params![t, d], |r| r.get::<_, i64>(0))? as u64;
                let mut head: u64 = tx
                    .prepare_cached("SELECT head_seq FROM tenant WHERE tenant_id = ?1")?
                    .query_row([t], |r| r.get::<_, i64>(0))? as u64;
                let before = acked;
                {
                    let mut held = tx.prepare_cached(
                        "SELECT body FROM op WHERE tenant_id = ?1 AND device_id = ?2 AND device_seq = ?3",
                    )?;
                    for op in ops.iter().filter(|o| o.device_seq <= acked) {
                        let body: Option<Vec<u8>> =
                            held.query_row(params![t, d, op.device_seq as i64], |r| r.get(0)).optional()?;
                        if body.is_some_and(|b| b != op.body) {
                            return Ok(Err(op.device_seq));
                        }
                    }
                    let mut insert = tx.prepare_cached(
                        "INSERT INTO op (tenant_id, server_seq, device_id, device_seq, body) VALUES (?1, ?2, ?3, ?4, ?5)
                         ON CONFLICT DO NOTHING",
                    )?;
                    for op in &ops {
                        if op.device_seq != acked + 1 {
                            // A duplicate (already held) or past a gap (wait for the missing one).
                            continue;
                        }
                        head += 1;
                        insert.execute(params![t, head as i64, d, op.device_seq as i64, op.body])?;
                        acked += 1;
                    }
                }
                if acked != before {
                    tx.prepare_cached("UPDATE device SET acked_seq = ?3 WHERE tenant_id = ?1 AND device_id = ?2")?
                        .execute(params![t, d, acked as i64])?;
                    tx.prepare_cached("UPDATE tenant SET head_seq = ?2 WHERE tenant_id = ?1")?
                        .execute(params![t, head as i64])?;
                }
                tx.commit()?;
                Ok(Ok((acked, acked != before)))
            })
            .await?
            .map_err(|device_seq| StorageError::SeqReused { device_seq })?;
        if acked.1 {
            self.wakeups.wake(tenant_id);
        }
        Ok(acked.0)
    }

    async fn acked_seq(&self, tenant_id: Uuid, device_id: DeviceId) -> Result<u64> {
        self.run(move |c| {
            let v: Option<i64> = c
                .query_row(
                    "SELECT acked_seq FROM device WHERE tenant_id = ?1 AND device_id = ?2",
                    params![tenant_id.as_bytes().as_slice(), device_id.0.as_bytes().as_slice()],
                    |r| r.get(0),
                )
                .optional()?;
            Ok(v.unwrap_or(0) as u64)
        })
        .await
    }

    async fn head(&self, tenant_id: Uuid) -> Result<u64> {
        self.run(move |c| {
            let v: Option<i64> = c
                .prepare_cached("SELECT head_seq FROM tenant WHERE tenant_id = ?1")?
                .query_row([tenant_id.as_bytes().as_slice()], |r| r.get(0))
                .optional()?;
            Ok(v.unwrap_or(0) as u64)
        })
        .await
    }

    async fn pull(&self, tenant_id: Uuid, reader: DeviceId, cursor: u64, max_bytes: usize) -> Result<Page> {
        self.run(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT server_seq, device_id, body FROM op WHERE tenant_id = ?1 AND server_seq > ?2
                 ORDER BY server_seq LIMIT 512",
            )?;
            let mut rows = stmt.query(params![tenant_id.as_bytes().as_slice(), cursor as i64])?;
            let mut page = Page { bodies: Vec::new(), cursor, more: false };
            let mut bytes = 0usize;
            let mut seen = 0;
            while let Some(r) = rows.next()? {
                seen += 1;
                let body: Vec<u8> = r.get(2)?;
                if !page.bodies.is_empty() && bytes + body.len() > max_bytes {
                    page.more = true;
                    return Ok(page);
                }
                page.cursor = r.get::<_, i64>(0)? as u64;
                if r.get::<_, Vec<u8>>(1)?.as_slice() != reader.0.as_bytes().as_slice() {
                    bytes += body.len();
                    page.bodies.push(body);
                }
            }
            page.more = seen == 512;
            Ok(page)
        })
        .await
    }

    async fn wait_for_change(&self, tenant_id: Uuid, after: u64, timeout: Duration) -> Result<()> {
        self.wakeups.wait(tenant_id, after, timeout, self.head(tenant_id)).await
    }
}
