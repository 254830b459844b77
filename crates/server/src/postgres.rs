//! PostgreSQL storage, for the central server at scale. Several server instances can share
//! one database: nothing lives only in a process's memory, and long-poll wake-ups travel by
//! `LISTEN`/`NOTIFY`.

use crate::secrets::device_code;
use crate::storage::{DeviceAuth, Page, Result, Storage, StorageError, StoredOp};
use crate::wakeups::Wakeups;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use std::time::Duration;
use tokio_postgres::{AsyncMessage, NoTls};
use usahaku_proto::DeviceId;
use usahaku_proto::wire::Epoch;
use uuid::Uuid;

const CHANNEL: &str = "usahaku_ops";

const SCHEMA: &[&str] = &[r#"
CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE tenant (
    tenant_id     BYTEA PRIMARY KEY,
    password_hash TEXT NOT NULL,
    head_seq      BIGINT NOT NULL DEFAULT 0,
    created_ms    BIGINT NOT NULL
);
CREATE TABLE device (
    tenant_id   BYTEA NOT NULL REFERENCES tenant (tenant_id),
    device_id   BYTEA NOT NULL,
    device_code TEXT NOT NULL,
    token_hash  BYTEA NOT NULL UNIQUE,
    acked_seq   BIGINT NOT NULL DEFAULT 0,
    revoked     BOOLEAN NOT NULL DEFAULT FALSE,
    created_ms  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, device_id)
);
CREATE TABLE pairing_code (
    code_hash  BYTEA PRIMARY KEY,
    tenant_id  BYTEA NOT NULL REFERENCES tenant (tenant_id),
    expires_ms BIGINT NOT NULL,
    used       BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE pair_failure (client TEXT NOT NULL, at_ms BIGINT NOT NULL);
CREATE INDEX pair_failure_client ON pair_failure (client, at_ms);
CREATE TABLE op (
    tenant_id  BYTEA NOT NULL,
    server_seq BIGINT NOT NULL,
    device_id  BYTEA NOT NULL,
    device_seq BIGINT NOT NULL,
    body       BYTEA NOT NULL,
    PRIMARY KEY (tenant_id, server_seq),
    UNIQUE (tenant_id, device_id, device_seq)
);
"#];

/// PostgreSQL-backed storage.
#[derive(Clone)]
pub struct PostgresStorage {
    pool: Pool,
    wakeups: Wakeups,
}

impl std::fmt::Debug for PostgresStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStorage").finish_non_exhaustive()
    }
}

fn backend<E: std::fmt::Display>(e: E) -> StorageError {
    StorageError::Backend(e.to_string())
}

fn uuid_of(b: &[u8]) -> Result<Uuid> {
    Uuid::from_slice(b).map_err(backend)
}

impl PostgresStorage {
    /// Connects to `url` (`postgres://user:pass@host/db`), migrates, and starts listening for
    /// other instances' pushes.
    pub async fn connect(url: &str) -> Result<Self> {
        let config: tokio_postgres::Config = url.parse().map_err(backend)?;
        let manager = Manager::from_config(
            config.clone(),
            NoTls,
            ManagerConfig { recycling_method: RecyclingMethod::Fast },
        );
        let pool = Pool::builder(manager).max_size(16).build().map_err(backend)?;
        let storage = PostgresStorage { pool, wakeups: Wakeups::default() };
        storage.migrate().await?;
        storage.listen(config);
        Ok(storage)
    }

    async fn migrate(&self) -> Result<()> {
        let mut c = self.pool.get().await.map_err(backend)?;
        let tx = c.transaction().await.map_err(backend)?;
        // One migrator at a time across instances.
        tx.execute("SELECT pg_advisory_xact_lock(7243501)", &[]).await.map_err(backend)?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)")
            .await
            .map_err(backend)?;
        let row = tx.query_opt("SELECT version FROM schema_version", &[]).await.map_err(backend)?;
        let version: i32 = match row {
            Some(r) => r.get(0),
            None => {
                tx.execute("INSERT INTO schema_version (version) VALUES (0)", &[]).await.map_err(backend)?;
                0
            }
        };
        for (i, sql) in SCHEMA.iter().enumerate().skip(version as usize) {
            tx.batch_execute(sql).await.map_err(backend)?;
            tx.execute("UPDATE schema_version SET version = $1", &[&(i as i32 + 1)])
                .await
                .map_err(backend)?;
        }
        tx.commit().await.map_err(backend)
    }

    /// A task that LISTENs on a dedicated connection and wakes local long-polls; it
    /// reconnects after a failure. While it is down, long-polls simply wait out their time.
    fn listen(&self, config: tokio_postgres::Config) {
        let wakeups = self.wakeups.clone();
        tokio::spawn(async move {
            loop {
                match config.connect(NoTls).await {
                    Ok((client, mut conn)) => {
                        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<String>();
                        let pump = tokio::spawn(async move {
                            while let Some(msg) = std::future::poll_fn(|cx| conn.poll_message(cx)).await {
                                match msg {
                                    Ok(AsyncMessage::Notification(n)) => {
                                        let _ = tx.send(n.payload().to_owned());
                                    }
                                    Ok(_) => {}
                                    Err(_) => break,
                                }
                            }
                        });
                        if client.batch_execute(&format!("LISTEN {CHANNEL}")).await.is_ok() {
                            while let Some(payload) = rx.recv().await {
                                if let Ok(tenant) = Uuid::parse_str(&payload) {
                                    wakeups.wake(tenant);
                                }
                            }
                        }
                        pump.abort();
                        drop(client);
                    }
                    Err(e) => tracing::warn!(error = %e, "LISTEN connection failed; retrying"),
                }
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        });
    }

    async fn client(&self) -> Result<deadpool_postgres::Object> {
        self.pool.get().await.map_err(backend)
    }
}

async fn set_epoch(c: &deadpool_postgres::Object) -> Result<Epoch> {
    let id = Uuid::now_v7();
    c.execute(
        "INSERT INTO server_meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[&id.to_string()],
    )
    .await
    .map_err(backend)?;
    Ok(Epoch(id))
}

/// Gives a known device a new token, or registers a new one with the tenant's next device
/// code (serialised per tenant by its row lock). Returns the device code.
async fn upsert_device(
    tx: &tokio_postgres::Transaction<'_>,
    tenant: &[u8],
    device_id: DeviceId,
    token_hash: [u8; 32],
    now_ms: i64,
) -> Result<String> {
    tx.execute("SELECT 1 FROM tenant WHERE tenant_id = $1 FOR UPDATE", &[&tenant]).await.map_err(backend)?;
    let d = device_id.0.as_bytes().as_slice();
    let existing = tx
        .query_opt("SELECT device_code FROM device WHERE tenant_id = $1 AND device_id = $2", &[&tenant, &d])
        .await
        .map_err(backend)?;
    if let Some(r) = existing {
        tx.execute(
            "UPDATE device SET token_hash = $3, revoked = FALSE WHERE tenant_id = $1 AND device_id = $2",
            &[&tenant, &d, &token_hash.as_slice()],
        )
        .await
        .map_err(backend)?;
        return Ok(r.get::<_, String>(0));
    }
    let n: i64 = tx
        .query_one("SELECT count(*) FROM device WHERE tenant_id = $1", &[&tenant])
        .await
        .map_err(backend)?
        .get(0);
    let code = device_code(n as u64);
    tx.execute(
        "INSERT INTO device (tenant_id, device_id, device_code, token_hash, created_ms) VALUES ($1, $2, $3, $4, $5)",
        &[&tenant, &d, &code, &token_hash.as_slice(), &now_ms],
    )
    .await
    .map_err(backend)?;
    Ok(code)
}

impl Storage for PostgresStorage {
    async fn epoch(&self) -> Result<Epoch> {
        let c = self.client().await?;
        let row =
            c.query_opt("SELECT value FROM server_meta WHERE key = 'epoch'", &[]).await.map_err(backend)?;
        match row.and_then(|r| Uuid::parse_str(r.get::<_, &str>(0)).ok()) {
            Some(id) => Ok(Epoch(id)),
            None => {
                // Two instances starting together: only the first insert wins.
                c.execute(
                    "INSERT INTO server_meta (key, value) VALUES ('epoch', $1) ON CONFLICT DO NOTHING",
                    &[&Uuid::now_v7().to_string()],
                )
                .await
                .map_err(backend)?;
                let v: String = c
                    .query_one("SELECT value FROM server_meta WHERE key = 'epoch'", &[])
                    .await
                    .map_err(backend)?
                    .get(0);
                Ok(Epoch(Uuid::parse_str(&v).map_err(backend)?))
            }
        }
    }

    async fn new_epoch(&self) -> Result<Epoch> {
        set_epoch(&self.client().await?).await
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
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(backend)?;
        let n = tx
            .execute(
                "INSERT INTO tenant (tenant_id, password_hash, created_ms) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &[&tenant_id.as_bytes().as_slice(), &password_hash, &now_ms],
            )
            .await
            .map_err(backend)?;
        if n == 0 {
            return Err(StorageError::TenantExists);
        }
        tx.execute(
            "INSERT INTO device (tenant_id, device_id, device_code, token_hash, created_ms) VALUES ($1, $2, $3, $4, $5)",
            &[&tenant_id.as_bytes().as_slice(), &device_id.0.as_bytes().as_slice(), &device_code, &token_hash.as_slice(), &now_ms],
        )
        .await
        .map_err(backend)?;
        tx.commit().await.map_err(backend)
    }

    async fn password_hash(&self, tenant_id: Uuid) -> Result<Option<String>> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                "SELECT password_hash FROM tenant WHERE tenant_id = $1",
                &[&tenant_id.as_bytes().as_slice()],
            )
            .await
            .map_err(backend)?;
        Ok(row.map(|r| r.get(0)))
    }

    async fn device_by_token(&self, token_hash: [u8; 32]) -> Result<Option<DeviceAuth>> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                "SELECT tenant_id, device_id, revoked FROM device WHERE token_hash = $1",
                &[&token_hash.as_slice()],
            )
            .await
            .map_err(backend)?;
        match row {
            None => Ok(None),
            Some(r) => Ok(Some(DeviceAuth {
                tenant_id: uuid_of(r.get(0))?,
                device_id: DeviceId(uuid_of(r.get(1))?),
                revoked: r.get(2),
            })),
        }
    }

    async fn add_pairing_code(&self, tenant_id: Uuid, code_hash: [u8; 32], expires_ms: i64) -> Result<()> {
        let c = self.client().await?;
        c.execute(
            "INSERT INTO pairing_code (code_hash, tenant_id, expires_ms) VALUES ($1, $2, $3)",
            &[&code_hash.as_slice(), &tenant_id.as_bytes().as_slice(), &expires_ms],
        )
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn redeem_pairing_code(
        &self,
        code_hash: [u8; 32],
        device_id: DeviceId,
        token_hash: [u8; 32],
        now_ms: i64,
    ) -> Result<Option<(Uuid, String)>> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(backend)?;
        let row = tx
            .query_opt(
                "UPDATE pairing_code SET used = TRUE WHERE code_hash = $1 AND NOT used AND expires_ms > $2 RETURNING tenant_id",
                &[&code_hash.as_slice(), &now_ms],
            )
            .await
            .map_err(backend)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let tenant: Vec<u8> = row.get(0);
        let code = upsert_device(&tx, &tenant, device_id, token_hash, now_ms).await?;
        tx.commit().await.map_err(backend)?;
        Ok(Some((uuid_of(&tenant)?, code)))
    }

    async fn add_device(
        &self,
        tenant_id: Uuid,
        device_id: DeviceId,
        token_hash: [u8; 32],
        now_ms: i64,
    ) -> Result<Option<String>> {
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(backend)?;
        let t = tenant_id.as_bytes().as_slice();
        let taken = tx
            .query_opt(
                "SELECT 1 FROM device WHERE tenant_id = $1 AND device_id = $2",
                &[&t, &device_id.0.as_bytes().as_slice()],
            )
            .await
            .map_err(backend)?;
        if taken.is_some() {
            return Ok(None);
        }
        let code = upsert_device(&tx, t, device_id, token_hash, now_ms).await?;
        tx.commit().await.map_err(backend)?;
        Ok(Some(code))
    }

    async fn note_pair_failure(&self, client: String, now_ms: i64, window_ms: i64) -> Result<u32> {
        let c = self.client().await?;
        c.execute("DELETE FROM pair_failure WHERE at_ms <= $1", &[&(now_ms - window_ms)])
            .await
            .map_err(backend)?;
        c.execute("INSERT INTO pair_failure (client, at_ms) VALUES ($1, $2)", &[&client, &now_ms])
            .await
            .map_err(backend)?;
        let n: i64 = c
            .query_one("SELECT count(*) FROM pair_failure WHERE client = $1", &[&client])
            .await
            .map_err(backend)?
            .get(0);
        Ok(n as u32)
    }

    async fn pair_failures(&self, client: String, now_ms: i64, window_ms: i64) -> Result<u32> {
        let c = self.client().await?;
        let n: i64 = c
            .query_one(
                "SELECT count(*) FROM pair_failure WHERE client = $1 AND at_ms > $2",
                &[&client, &(now_ms - window_ms)],
            )
            .await
            .map_err(backend)?
            .get(0);
        Ok(n as u32)
    }

    async fn revoke(&self, tenant_id: Uuid, device_id: DeviceId) -> Result<bool> {
        let c = self.client().await?;
        let n = c
            .execute(
                "UPDATE device SET revoked = TRUE WHERE tenant_id = $1 AND device_id = $2",
                &[&tenant_id.as_bytes().as_slice(), &device_id.0.as_bytes().as_slice()],
            )
            .await
            .map_err(backend)?;
        Ok(n == 1)
    }

    async fn push(&self, tenant_id: Uuid, mut ops: Vec<StoredOp>) -> Result<u64> {
        let Some(device) = ops.first().map(|o| o.device_id) else {
            return Ok(0);
        };
        ops.sort_by_key(|o| o.device_seq);
        let t = tenant_id.as_bytes().as_slice();
        let d = device.0.as_bytes().as_slice();
        let mut c = self.client().await?;
        let tx = c.transaction().await.map_err(backend)?;
        // The tenant row lock orders concurrent pushes of one business, across instances.
        let mut head: i64 = tx
            .query_one("SELECT head_seq FROM tenant WHERE tenant_id = $1 FOR UPDATE", &[&t])
            .await
            .map_err(backend)?
            .get(0);
        let mut acked: i64 = tx
            .query_one("SELECT acked_seq FROM device WHERE tenant_id = $1 AND device_id = $2", &[&t, &d])
            .await
            .map_err(backend)?
            .get(0);
        let before = acked;
        let held_seqs: Vec<i64> =
            ops.iter().filter(|o| o.device_seq as i64 <= acked).map(|o| o.device_seq as i64).collect();
        if !held_seqs.is_empty() {
            let rows = tx
                .query(
                    "SELECT device_seq, body FROM op WHERE tenant_id = $1 AND device_id = $2 AND device_seq = ANY($3)",
                    &[&t, &d, &held_seqs],
                )
                .await
                .map_err(backend)?;
            for r in rows {
                let seq: i64 = r.get(0);
                let body: &[u8] = r.get(1);
                if ops.iter().any(|o| o.device_seq as i64 == seq && o.body != body) {
                    return Err(StorageError::SeqReused { device_seq: seq as u64 });
                }
            }
        }
        let (mut seqs, mut dseqs, mut bodies) = (Vec::new(), Vec::new(), Vec::new());
        for op in &ops {
            if op.device_seq as i64 != acked + 1 {
                continue;
            }
            head += 1;
            acked += 1;
            seqs.push(head);
            dseqs.push(acked);
            bodies.push(op.body.as_slice());
        }
        if !seqs.is_empty() {
            tx.execute(
                "INSERT INTO op (tenant_id, server_seq, device_id, device_seq, body)
                 SELECT $1, s, $2, ds, b FROM unnest($3::BIGINT[], $4::BIGINT[], $5::BYTEA[]) AS x(s, ds, b)
                 ON CONFLICT DO NOTHING",
                &[&t, &d, &seqs, &dseqs, &bodies],
            )
            .await
            .map_err(backend)?;
            tx.execute(
                "UPDATE device SET acked_seq = $3 WHERE tenant_id = $1 AND device_id = $2",
                &[&t, &d, &acked],
            )
            .await
            .map_err(backend)?;
            tx.execute("UPDATE tenant SET head_seq = $2 WHERE tenant_id = $1", &[&t, &head])
                .await
                .map_err(backend)?;
            tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &tenant_id.to_string()])
                .await
                .map_err(backend)?;
        }
        tx.commit().await.map_err(backend)?;
        if acked != before {
            self.wakeups.wake(tenant_id);
        }
        Ok(acked as u64)
    }

    async fn acked_seq(&self, tenant_id: Uuid, device_id: DeviceId) -> Result<u64> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                "SELECT acked_seq FROM device WHERE tenant_id = $1 AND device_id = $2",
                &[&tenant_id.as_bytes().as_slice(), &device_id.0.as_bytes().as_slice()],
            )
            .await
            .map_err(backend)?;
        Ok(row.map_or(0, |r| r.get::<_, i64>(0)) as u64)
    }

    async fn head(&self, tenant_id: Uuid) -> Result<u64> {
        let c = self.client().await?;
        let row = c
            .query_opt(
                "SELECT head_seq FROM tenant WHERE tenant_id = $1",
                &[&tenant_id.as_bytes().as_slice()],
            )
            .await
            .map_err(backend)?;
        Ok(row.map_or(0, |r| r.get::<_, i64>(0)) as u64)
    }

    async fn pull(&self, tenant_id: Uuid, reader: DeviceId, cursor: u64, max_bytes: usize) -> Result<Page> {
        let c = self.client().await?;
        let rows = c
            .query(
                "SELECT server_seq, device_id, body FROM op WHERE tenant_id = $1 AND server_seq > $2
                 ORDER BY server_seq LIMIT 512",
                &[&tenant_id.as_bytes().as_slice(), &(cursor as i64)],
            )
            .await
            .map_err(backend)?;
        let mut page = Page { bodies: Vec::new(), cursor, more: rows.len() == 512 };
        let mut bytes = 0usize;
        for r in &rows {
            let body: Vec<u8> = r.get(2);
            if !page.bodies.is_empty() && bytes + body.len() > max_bytes {
                page.more = true;
                break;
            }
            page.cursor = r.get::<_, i64>(0) as u64;
            if r.get::<_, &[u8]>(1) != reader.0.as_bytes().as_slice() {
                bytes += body.len();
                page.bodies.push(body);
            }
        }
        Ok(page)
    }

    async fn wait_for_change(&self, tenant_id: Uuid, after: u64, timeout: Duration) -> Result<()> {
        self.wakeups.wait(tenant_id, after, timeout, self.head(tenant_id)).await
    }
}
