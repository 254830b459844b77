//! The local store: one SQLite file per business.
//!
//! * WAL, `foreign_keys=ON`, `synchronous=FULL`: an acknowledged write survives a crash.
//! * Two connections: queries go through a read-only one (SQLite refuses any write on it);
//!   the writable one is used only inside [`Store::write`], the one place that opens a write
//!   transaction. Synced rows are only written through the op log ([`crate::oplog`]), so a
//!   synced change without its op cannot happen.
//! * Migrations are numbered and append-only ([`MIGRATIONS`]). Before an existing file is
//!   migrated it is copied to a dated backup beside it and the copy is verified **(I)**.

use crate::clock::{Clock, new_id};
use crate::error::{CoreError, Result};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use usahaku_proto::{ActorId, DeviceId};
use uuid::Uuid;

/// One schema migration. Never edit a released one; add a new one.
#[derive(Debug)]
pub(crate) struct Migration {
    pub(crate) name: &'static str,
    pub(crate) sql: &'static str,
    /// Rows every file starts with (the same on every device, so not synced), written in
    /// the migration's transaction.
    pub(crate) seed: Option<fn(&Transaction<'_>) -> Result<()>>,
}

/// All migrations, in order; the schema version of a file is how many were applied.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        name: "op_log_and_device",
        sql: r#"
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
-- This device's identity and op-log position (local only, never synced).
CREATE TABLE device (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    device_id   BLOB NOT NULL,
    device_code TEXT NOT NULL,
    last_seq    INTEGER NOT NULL DEFAULT 0,
    last_hlc    TEXT
) STRICT;
-- Every change, local and remote; local ones form the outbox.
CREATE TABLE op (
    op_id          BLOB PRIMARY KEY,
    device_id      BLOB NOT NULL,
    device_seq     INTEGER NOT NULL CHECK (device_seq >= 1),
    hlc            TEXT NOT NULL,
    actor          BLOB NOT NULL,
    entity         TEXT NOT NULL,
    entity_id      BLOB NOT NULL,
    schema_version INTEGER NOT NULL,
    payload        BLOB NOT NULL,
    is_local       INTEGER NOT NULL,
    UNIQUE (device_id, device_seq)
) STRICT;
-- Last-writer-wins clocks: the HLC that last set each field of each entity.
CREATE TABLE field_clock (
    entity    TEXT NOT NULL,
    entity_id BLOB NOT NULL,
    field     TEXT NOT NULL,
    hlc       TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, field)
) STRICT, WITHOUT ROWID;
"#,
        seed: None,
    },
    Migration {
        name: "business_profile",
        sql: r#"
-- Columns are nullable: fields arrive one by one through last-writer-wins ops; the domain
-- validates them.
CREATE TABLE business_profile (
    id            BLOB PRIMARY KEY,
    name          TEXT,
    owner_name    TEXT,
    business_type TEXT,
    address       TEXT,
    phone         TEXT,
    timezone      TEXT,
    npwp          TEXT,
    taxpayer_kind TEXT
) STRICT;
"#,
        seed: None,
    },
    Migration {
        name: "sync_state",
        sql: r#"
-- Where and how far this replica syncs (local only, never synced).
CREATE TABLE sync_state (
    singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
    server_url   TEXT NOT NULL,
    token        TEXT NOT NULL,
    cursor       INTEGER NOT NULL DEFAULT 0,
    acked_seq    INTEGER NOT NULL DEFAULT 0,
    epoch        TEXT,
    last_sync_ms INTEGER,
    last_error   TEXT,
    skew_ms      INTEGER
) STRICT;
"#,
        seed: None,
    },
    Migration {
        name: "conflict_log",
        sql: r#"
-- Every value a last-writer-wins field lost to another device's change (local only).
CREATE TABLE conflict_log (
    id         INTEGER PRIMARY KEY,
    entity     TEXT NOT NULL,
    entity_id  BLOB NOT NULL,
    field      TEXT NOT NULL,
    kept_value TEXT,
    kept_hlc   TEXT NOT NULL,
    lost_value TEXT,
    lost_hlc   TEXT NOT NULL
) STRICT;
"#,
        seed: None,
    },
    Migration {
        name: "ledger",
        sql: r#"
-- Chart of accounts: last-writer-wins entities (nullable columns, fields arrive by op). The
-- shipped accounts are seeded with ids derived from their codes.
CREATE TABLE account (
    id       BLOB PRIMARY KEY,
    code     TEXT,
    name     TEXT,
    kind     TEXT,
    role     TEXT,
    archived INTEGER
) STRICT;
-- Journal entries and their lines: append-only, written only by journal-entry ops.
CREATE TABLE journal_entry (
    id           BLOB PRIMARY KEY,
    date         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    memo         TEXT NOT NULL,
    counterparty TEXT,
    due_date     TEXT,
    settles      BLOB,
    reverses     BLOB,
    hlc          TEXT NOT NULL
) STRICT;
CREATE INDEX journal_entry_date ON journal_entry (date);
CREATE INDEX journal_entry_settles ON journal_entry (settles) WHERE settles IS NOT NULL;
CREATE INDEX journal_entry_reverses ON journal_entry (reverses) WHERE reverses IS NOT NULL;
CREATE TABLE journal_line (
    entry_id   BLOB NOT NULL REFERENCES journal_entry (id),
    line_no    INTEGER NOT NULL,
    account_id BLOB NOT NULL,
    date       TEXT NOT NULL,
    debit      INTEGER NOT NULL CHECK (debit >= 0),
    credit     INTEGER NOT NULL CHECK (credit >= 0),
    PRIMARY KEY (entry_id, line_no)
) STRICT, WITHOUT ROWID;
-- Reports scan lines by date; the ledger of one account by account.
CREATE INDEX journal_line_date ON journal_line (date, account_id, debit, credit);
CREATE INDEX journal_line_account ON journal_line (account_id, date);
-- Closed months (tutup buku): last-writer-wins.
CREATE TABLE period_lock (
    id     BLOB PRIMARY KEY,
    month  TEXT,
    locked INTEGER
) STRICT;
CREATE INDEX period_lock_month ON period_lock (month);
"#,
        seed: Some(crate::ledger::seed_chart),
    },
    Migration {
        name: "ledger_month_and_budget",
        sql: r#"
-- Debit and credit per account and month, kept in the transaction that writes the lines, so
-- yearly reports read months instead of every line. Rebuilt from the lines here.
CREATE TABLE ledger_month (
    account_id BLOB NOT NULL,
    month      TEXT NOT NULL,
    debit      INTEGER NOT NULL,
    credit     INTEGER NOT NULL,
    PRIMARY KEY (account_id, month)
) STRICT, WITHOUT ROWID;
INSERT INTO ledger_month (account_id, month, debit, credit)
    SELECT account_id, substr(date, 1, 7), SUM(debit), SUM(credit) FROM journal_line GROUP BY 1, 2;
-- Anggaran: a monthly budget per expense account from a month on (last-writer-wins).
CREATE TABLE budget (
    id         BLOB PRIMARY KEY,
    month      TEXT,
    account_id TEXT,
    amount     INTEGER
) STRICT;
CREATE INDEX budget_account ON budget (account_id, month);
"#,
        seed: None,
    },
    Migration {
        name: "cash_month",
        sql: r#"
-- Cash each non-money account moved per month, in entries that touch kas, bank or dompet
-- digital (Laporan Arus Kas), kept in the transaction that writes the lines. Rebuilt here.
CREATE TABLE cash_month (
    account_id BLOB NOT NULL,
    month      TEXT NOT NULL,
    amount     INTEGER NOT NULL,
    PRIMARY KEY (account_id, month)
) STRICT, WITHOUT ROWID;
INSERT INTO cash_month (account_id, month, amount)
    SELECT l.account_id, substr(l.date, 1, 7), SUM(l.credit - l.debit)
    FROM journal_line l JOIN account a ON a.id = l.account_id
    WHERE COALESCE(a.role, '') NOT IN ('cash', 'bank', 'ewallet')
      AND l.entry_id IN (SELECT m.entry_id FROM journal_line m JOIN account ma ON ma.id = m.account_id
                         WHERE ma.role IN ('cash', 'bank', 'ewallet'))
    GROUP BY 1, 2;
"#,
        seed: None,
    },
    Migration {
        name: "product",
        sql: r#"
-- Products: last-writer-wins entities (nullable columns, fields arrive by op). A rowid table,
-- so the search index can point at its rows.
CREATE TABLE product (
    id          BLOB PRIMARY KEY,
    name        TEXT,
    sku         TEXT,
    barcode     TEXT,
    category    TEXT,
    unit        TEXT,
    price       INTEGER,
    tiers       TEXT,
    description TEXT,
    halal_no    TEXT,
    bpom_no     TEXT,
    expiry      TEXT,
    warranty    TEXT,
    tracked     INTEGER,
    min_stock   INTEGER,
    active      INTEGER
) STRICT;
CREATE INDEX product_sku ON product (sku);
CREATE INDEX product_barcode ON product (barcode);
-- Search over name, SKU and barcode: trigrams (partial words), case and accents ignored.
CREATE VIRTUAL TABLE product_fts USING fts5(
    name, sku, barcode, content = 'product', content_rowid = 'rowid',
    tokenize = 'trigram remove_diacritics 1'
);
CREATE TRIGGER product_fts_insert AFTER INSERT ON product BEGIN
    INSERT INTO product_fts (rowid, name, sku, barcode) VALUES (new.rowid, new.name, new.sku, new.barcode);
END;
CREATE TRIGGER product_fts_update AFTER UPDATE OF name, sku, barcode ON product BEGIN
    INSERT INTO product_fts (product_fts, rowid, name, sku, barcode)
        VALUES ('delete', old.rowid, old.name, old.sku, old.barcode);
    INSERT INTO product_fts (rowid, name, sku, barcode) VALUES (new.rowid, new.name, new.sku, new.barcode);
END;
"#,
        seed: None,
    },
    Migration {
        name: "stock",
        sql: r#"
-- Paket (bundle): JSON [[component product id, quantity in thousandths], ...].
ALTER TABLE product ADD COLUMN components TEXT;
-- Foto: a small JPEG thumbnail (data: URL, at most 50 KB) that syncs; the original stays on
-- the computer it was picked on.
ALTER TABLE product ADD COLUMN thumbnail TEXT;
-- Stock movements: append-only, one op each. The value columns come from replaying the
-- product's movements in the canonical order sort_key = date|hlc|id (moving average cost),
-- so every device computes the same figures whatever order the ops arrived in.
CREATE TABLE stock_movement (
    id            BLOB PRIMARY KEY,
    product_id    BLOB NOT NULL,
    date          TEXT NOT NULL,
    sort_key      TEXT NOT NULL,
    kind          TEXT NOT NULL,
    qty           INTEGER NOT NULL,
    unit_cost     INTEGER,
    reason        TEXT NOT NULL,
    supplier_id   BLOB,
    entry_id      BLOB,
    note          TEXT NOT NULL,
    value         INTEGER NOT NULL,
    balance_qty   INTEGER NOT NULL,
    balance_value INTEGER NOT NULL,
    avg_cost      INTEGER NOT NULL
) STRICT;
CREATE INDEX stock_movement_order ON stock_movement (product_id, sort_key);
CREATE INDEX stock_movement_date ON stock_movement (date);
-- The level and value after a product's last movement (same transaction as the movement).
CREATE TABLE product_stock (
    product_id BLOB PRIMARY KEY,
    qty        INTEGER NOT NULL,
    value      INTEGER NOT NULL,
    avg_cost   INTEGER NOT NULL,
    last_key   TEXT NOT NULL
) STRICT, WITHOUT ROWID;
-- Pemasok: last-writer-wins entities.
CREATE TABLE supplier (
    id      BLOB PRIMARY KEY,
    name    TEXT,
    phone   TEXT,
    address TEXT,
    notes   TEXT,
    active  INTEGER
) STRICT;
-- Harga promo for a period: last-writer-wins entities.
CREATE TABLE price_rule (
    id         BLOB PRIMARY KEY,
    product_id TEXT,
    name       TEXT,
    price      INTEGER,
    start_date TEXT,
    end_date   TEXT,
    active     INTEGER
) STRICT;
CREATE INDEX price_rule_product ON price_rule (product_id);
"#,
        // The chart gained Beban selisih persediaan (6-108).
        seed: Some(crate::ledger::seed_chart),
    },
    Migration {
        name: "sales",
        sql: r#"
-- The shop's static QRIS payload and the line printed at the foot of every nota.
ALTER TABLE business_profile ADD COLUMN qris TEXT;
ALTER TABLE business_profile ADD COLUMN receipt_footer TEXT;
-- Nota: append-only, one op each (a cancellation is a new nota that reverses one). Numbers
-- are <device code>-<year>-<seq>: device codes differ, so two tills never issue the same one.
CREATE TABLE sale (
    id          BLOB PRIMARY KEY,
    number      TEXT NOT NULL,
    device_code TEXT NOT NULL,
    year        INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    date        TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    subtotal    INTEGER NOT NULL,
    discount    INTEGER NOT NULL,
    total       INTEGER NOT NULL,
    paid        INTEGER NOT NULL,
    change      INTEGER NOT NULL,
    customer    TEXT NOT NULL,
    note        TEXT NOT NULL,
    entry_id    BLOB,
    reverses    BLOB
) STRICT;
-- Not UNIQUE: a remote op is never refused (that would stop sync); tests check numbers differ.
CREATE INDEX sale_number ON sale (number);
CREATE INDEX sale_date ON sale (date, id);
CREATE INDEX sale_seq ON sale (device_code, year, seq);
CREATE INDEX sale_reverses ON sale (reverses);
CREATE TABLE sale_line (
    sale_id    BLOB NOT NULL,
    line_no    INTEGER NOT NULL,
    product_id BLOB NOT NULL,
    name       TEXT NOT NULL,
    qty        INTEGER NOT NULL,
    unit_price INTEGER NOT NULL,
    discount   INTEGER NOT NULL,
    total      INTEGER NOT NULL,
    cost       INTEGER NOT NULL,
    PRIMARY KEY (sale_id, line_no)
) STRICT, WITHOUT ROWID;
CREATE INDEX sale_line_product ON sale_line (product_id);
CREATE TABLE sale_payment (
    sale_id    BLOB NOT NULL,
    line_no    INTEGER NOT NULL,
    method     TEXT NOT NULL,
    account_id BLOB NOT NULL,
    amount     INTEGER NOT NULL,
    PRIMARY KEY (sale_id, line_no)
) STRICT, WITHOUT ROWID;
"#,
        seed: None,
    },
    Migration {
        name: "orders",
        sql: r#"
-- Pesanan: append-only, with append-only events; the status is the furthest one reached.
CREATE TABLE customer_order (
    id          BLOB PRIMARY KEY,
    number      TEXT NOT NULL,
    device_code TEXT NOT NULL,
    year        INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    date        TEXT NOT NULL,
    channel     TEXT NOT NULL,
    customer    TEXT NOT NULL,
    phone       TEXT NOT NULL,
    address     TEXT NOT NULL,
    due_date    TEXT,
    note        TEXT NOT NULL,
    subtotal    INTEGER NOT NULL,
    discount    INTEGER NOT NULL,
    shipping    INTEGER NOT NULL,
    total       INTEGER NOT NULL,
    hlc         TEXT NOT NULL
) STRICT;
CREATE INDEX customer_order_number ON customer_order (number);
CREATE INDEX customer_order_seq ON customer_order (device_code, year, seq);
CREATE TABLE order_line (
    order_id   BLOB NOT NULL,
    line_no    INTEGER NOT NULL,
    product_id BLOB NOT NULL,
    name       TEXT NOT NULL,
    qty        INTEGER NOT NULL,
    unit_price INTEGER NOT NULL,
    discount   INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_no)
) STRICT, WITHOUT ROWID;
CREATE TABLE order_event (
    id          BLOB PRIMARY KEY,
    order_id    BLOB NOT NULL,
    hlc         TEXT NOT NULL,
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    status_rank INTEGER NOT NULL,
    courier     TEXT NOT NULL,
    tracking    TEXT NOT NULL,
    method      TEXT NOT NULL,
    account_id  BLOB,
    amount      INTEGER NOT NULL,
    pending     INTEGER NOT NULL,
    target      BLOB,
    entry_id    BLOB
) STRICT;
CREATE INDEX order_event_order ON order_event (order_id, kind);
CREATE INDEX order_event_target ON order_event (target);
"#,
        seed: None,
    },
    Migration {
        name: "sale_returns",
        sql: r#"
-- Retur: a nota that takes back part of a sale (refund, stock back). Like a cancellation it
-- reverses one nota, but a sale may have several; origin_line ties each returned line to the
-- sold line it takes back.
ALTER TABLE sale ADD COLUMN is_return INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sale_line ADD COLUMN origin_line INTEGER;
"#,
        seed: None,
    },
    Migration {
        name: "customers",
        sql: r#"
-- Pelanggan: last-writer-wins entities; merged_into (a customer id as text) points a merged
-- duplicate at the customer it became. A rowid table, for the search index.
CREATE TABLE customer (
    id          BLOB PRIMARY KEY,
    name        TEXT,
    phone       TEXT,
    address     TEXT,
    birthday    TEXT,
    tags        TEXT,
    notes       TEXT,
    source      TEXT,
    merged_into TEXT,
    active      INTEGER
) STRICT;
CREATE INDEX customer_phone ON customer (phone);
CREATE INDEX customer_merged ON customer (merged_into);
CREATE INDEX customer_name ON customer (name COLLATE NOCASE);
CREATE VIRTUAL TABLE customer_fts USING fts5(
    name, phone, content = 'customer', content_rowid = 'rowid',
    tokenize = 'trigram remove_diacritics 1'
);
CREATE TRIGGER customer_fts_insert AFTER INSERT ON customer BEGIN
    INSERT INTO customer_fts (rowid, name, phone) VALUES (new.rowid, new.name, new.phone);
END;
CREATE TRIGGER customer_fts_update AFTER UPDATE OF name, phone ON customer BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, name, phone) VALUES ('delete', old.rowid, old.name, old.phone);
    INSERT INTO customer_fts (rowid, name, phone) VALUES (new.rowid, new.name, new.phone);
END;
-- Inquiries, complaints and feedback: last-writer-wins.
CREATE TABLE interaction (
    id             BLOB PRIMARY KEY,
    customer       TEXT,
    kind           TEXT,
    channel        TEXT,
    subject        TEXT,
    status         TEXT,
    response       TEXT,
    opened_ms      INTEGER,
    responded_ms   INTEGER,
    closed_ms      INTEGER,
    follow_up      TEXT,
    follow_up_done INTEGER
) STRICT;
CREATE INDEX interaction_customer ON interaction (customer);
CREATE INDEX interaction_status ON interaction (status, follow_up);
-- Loyalty points: append-only movements; the balance is their sum.
CREATE TABLE loyalty_point (
    id          BLOB PRIMARY KEY,
    customer_id BLOB NOT NULL,
    date        TEXT NOT NULL,
    points      INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    sale_id     BLOB,
    hlc         TEXT NOT NULL
) STRICT;
CREATE INDEX loyalty_point_customer ON loyalty_point (customer_id);
CREATE INDEX loyalty_point_sale ON loyalty_point (sale_id);
-- Sales and orders name their customer.
ALTER TABLE sale ADD COLUMN customer_id BLOB;
CREATE INDEX sale_customer ON sale (customer_id, date);
ALTER TABLE customer_order ADD COLUMN customer_id BLOB;
CREATE INDEX customer_order_customer ON customer_order (customer_id);
-- Loyalty and segment settings (JSON), last-writer-wins with the profile.
ALTER TABLE business_profile ADD COLUMN crm_settings TEXT;
"#,
        seed: None,
    },
    Migration {
        name: "sale_cancelled",
        sql: r#"
-- A nota that has a cancellation, kept on the nota itself so customer figures need no lookup
-- per row (set when either of the two arrives).
ALTER TABLE sale ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0;
UPDATE sale SET cancelled = 1 WHERE id IN (SELECT reverses FROM sale WHERE reverses IS NOT NULL AND NOT is_return);
"#,
        seed: None,
    },
    Migration {
        name: "marketing",
        sql: r#"
-- Reviews (ulasan) and the content plan: last-writer-wins entities; ids of customers, orders
-- and products as text.
CREATE TABLE review (
    id          BLOB PRIMARY KEY,
    customer    TEXT,
    order_id    TEXT,
    product     TEXT,
    rating      INTEGER,
    body        TEXT,
    testimonial INTEGER,
    date        TEXT
) STRICT;
CREATE INDEX review_date ON review (date);
CREATE TABLE content_post (
    id      BLOB PRIMARY KEY,
    date    TEXT,
    channel TEXT,
    product TEXT,
    caption TEXT,
    status  TEXT,
    active  INTEGER
) STRICT;
CREATE INDEX content_post_date ON content_post (date);
"#,
        seed: None,
    },
    Migration {
        name: "promotions",
        sql: r#"
-- Promo codes: last-writer-wins. A nota or order that used one names it and keeps what it took
-- off, for uses and revenue per promo.
CREATE TABLE promotion (
    id           BLOB PRIMARY KEY,
    name         TEXT,
    code         TEXT,
    kind         TEXT,
    value        INTEGER,
    min_purchase INTEGER,
    date_from    TEXT,
    date_to      TEXT,
    segment      TEXT,
    active       INTEGER
) STRICT;
CREATE INDEX promotion_code ON promotion (code);
ALTER TABLE sale ADD COLUMN promo_id BLOB;
ALTER TABLE sale ADD COLUMN promo_discount INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sale_promo ON sale (promo_id);
ALTER TABLE customer_order ADD COLUMN promo_id BLOB;
ALTER TABLE customer_order ADD COLUMN promo_discount INTEGER NOT NULL DEFAULT 0;
"#,
        seed: None,
    },
    Migration {
        name: "stock_movement_fixed_value",
        sql: r#"
-- Stock that comes back from a cancelled or returned sale carries the exact value it left at
-- (the unit cost alone is rounded to the Rupiah), so the stock value keeps equal to the books.
ALTER TABLE stock_movement ADD COLUMN fixed_value INTEGER;
-- A cancellation or retur finds the stock its sale took out by the sale's journal entry.
CREATE INDEX stock_movement_entry ON stock_movement (entry_id);
"#,
        seed: Some(crate::stock::backfill_fixed_values),
    },
];

/// This device, as recorded in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    /// UUIDv7 made on this device when the file was created.
    pub id: DeviceId,
    /// Short code used in human numbers (`A-2026-000123`).
    pub code: String,
}

/// An open business store.
#[derive(Debug)]
pub struct Store {
    /// Read-only: every query outside a write goes here.
    pub(crate) conn: Connection,
    /// The only writable connection; touched only by [`Store::write`].
    writer: Connection,
    pub(crate) clock: Arc<dyn Clock>,
    path: PathBuf,
    pub(crate) business_id: Uuid,
    pub(crate) device: Device,
    pub(crate) actor: ActorId,
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(10))?;
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(CoreError::Corrupt(format!("journal_mode is {mode}, expected wal")));
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

fn schema_version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Applies `migrations[from..]`, each in its own transaction with its version bump.
fn migrate(conn: &mut Connection, from: u32, migrations: &[Migration]) -> Result<()> {
    for (i, m) in migrations.iter().enumerate().skip(from as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
        tx.execute_batch(m.sql)?;
        if let Some(seed) = m.seed {
            seed(&tx)?;
        }
        tx.pragma_update(None, "user_version", i as u32 + 1)?;
        tx.commit()?;
        tracing::info!(version = i + 1, name = m.name, "migrated");
    }
    Ok(())
}

/// `<file>.backup-<yyyymmddThhmmss>-v<N>.usahaku` next to the file; never overwrites.
fn backup_path(path: &Path, clock: &dyn Clock, version: u32) -> PathBuf {
    let stamp = jiff::Timestamp::from_millisecond(clock.now_millis())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .strftime("%Y%m%dT%H%M%S")
        .to_string();
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("usaha");
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut n = 0;
    loop {
        let suffix = if n == 0 { String::new() } else { format!("-{n}") };
        let candidate = dir.join(format!("{stem}.backup-{stamp}-v{version}{suffix}.usahaku"));
        if !candidate.exists() {
            return candidate;
        }
        n += 1;
    }
}

/// How many upgrade backups of one business file are kept.
const KEEP_BACKUPS: usize = 3;

/// After a successful upgrade: deletes the oldest upgrade backups of the file at `path` (by the
/// date in their names) so that [`KEEP_BACKUPS`] remain, never `keep` (the one just made, even
/// if a wrong computer clock gave it an old date). Backups of other files are left alone. A
/// backup that cannot be deleted is only logged: the upgrade has already succeeded.
fn prune_backups(path: &Path, keep: &Path) {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("usaha");
    let prefix = format!("{stem}.backup-");
    let dir = path.parent().unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut old: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p != keep)
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix(&prefix))
                .is_some_and(is_backup_suffix)
        })
        .collect();
    old.sort();
    let extra = old.len().saturating_sub(KEEP_BACKUPS - 1);
    for p in old.into_iter().take(extra) {
        match std::fs::remove_file(&p) {
            Ok(()) => tracing::info!(backup = %p.display(), "old upgrade backup removed"),
            Err(e) => tracing::warn!(backup = %p.display(), error = %e, "could not remove an old backup"),
        }
        // Earlier versions left the copy in WAL mode, with these beside it.
        for suffix in ["-wal", "-shm"] {
            let mut side = p.clone().into_os_string();
            side.push(suffix);
            let _ = std::fs::remove_file(side);
        }
    }
}

/// Whether `rest` is what [`backup_path`] puts after `<stem>.backup-`: `yyyymmddThhmmss-vN`,
/// maybe `-n`, then `.usahaku`. A file the user named alike by hand is not one.
fn is_backup_suffix(rest: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let Some(body) = rest.strip_suffix(".usahaku") else { return false };
    let Some((stamp, tail)) = body.split_once("-v") else { return false };
    let stamp_ok = stamp.len() == 15 && digits(&stamp[..8]) && &stamp[8..9] == "T" && digits(&stamp[9..]);
    let tail_ok = match tail.split_once('-') {
        Some((version, n)) => digits(version) && digits(n),
        None => digits(tail),
    };
    stamp_ok && tail_ok
}

/// Copies the open database to `dest` with SQLite's online backup and checks the copy:
/// it opens, passes `integrity_check`, and has the same schema version and op count.
fn backup_and_verify(conn: &Connection, dest: &Path, version: u32) -> Result<()> {
    let fail = |detail: String| CoreError::BackupFailed { path: dest.to_owned(), detail };
    conn.backup(rusqlite::MAIN_DB, dest, None::<fn(rusqlite::backup::Progress)>)
        .map_err(|e| fail(e.to_string()))?;
    // The copy is one self-contained file: out of WAL mode (which the pages copied from the
    // original carry), so no -wal/-shm files are left beside it.
    let copy = Connection::open_with_flags(dest, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| fail(e.to_string()))?;
    let mode: String =
        copy.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0)).map_err(|e| fail(e.to_string()))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(fail(format!("journal_mode is {mode}, expected delete")));
    }
    let check: String =
        copy.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| fail(e.to_string()))?;
    if check != "ok" {
        return Err(fail(format!("integrity_check: {check}")));
    }
    let copy_version = schema_version(&copy).map_err(|e| fail(e.to_string()))?;
    if copy_version != version {
        return Err(fail(format!("copy has schema {copy_version}, expected {version}")));
    }
    let count = |c: &Connection| -> rusqlite::Result<i64> {
        c.query_row("SELECT count(*) FROM op", [], |r| r.get(0))
    };
    let (orig, copied) = (count(conn)?, count(&copy).map_err(|e| fail(e.to_string()))?);
    if orig != copied {
        return Err(fail(format!("copy has {copied} ops, original {orig}")));
    }
    Ok(())
}

impl Store {
    /// Creates a new store file at `path` (which must not exist) for a new business,
    /// with this device as device `A`. The file appears only once it is complete.
    pub(crate) fn create_file(path: &Path, clock: Arc<dyn Clock>, business_id: Uuid) -> Result<Store> {
        let device_id = new_id(clock.as_ref());
        Store::create_file_as(path, clock, business_id, "A", device_id)
    }

    /// Like [`Store::create_file`] for a device with the given code (a paired replica).
    pub(crate) fn create_file_as(
        path: &Path,
        clock: Arc<dyn Clock>,
        business_id: Uuid,
        device_code: &str,
        device_id: Uuid,
    ) -> Result<Store> {
        if path.exists() {
            return Err(CoreError::AlreadyExists(path.to_owned()));
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("usahaku-new");
        for leftover in [tmp.clone(), wal_of(&tmp, "-wal"), wal_of(&tmp, "-shm")] {
            if leftover.exists() {
                std::fs::remove_file(leftover)?;
            }
        }
        {
            let mut conn = Connection::open(&tmp)?;
            configure(&conn)?;
            migrate(&mut conn, 0, MIGRATIONS)?;
            let owner = new_id(clock.as_ref());
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute(
                "INSERT INTO device (singleton, device_id, device_code) VALUES (1, ?1, ?2)",
                rusqlite::params![device_id.as_bytes().as_slice(), device_code],
            )?;
            tx.execute(
                "INSERT INTO store_meta (key, value) VALUES ('business_id', ?1), ('owner_actor', ?2)",
                [business_id.to_string(), owner.to_string()],
            )?;
            tx.commit()?;
            // Closing checkpoints the WAL into the file, so the rename moves everything.
            conn.close().map_err(|(_, e)| e)?;
        }
        std::fs::rename(&tmp, path)?;
        Store::open(path, clock)
    }

    /// Opens an existing store, migrating it (after a verified backup) if it is older.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        Store::open_with(path, clock, MIGRATIONS)
    }

    pub(crate) fn open_with(path: &Path, clock: Arc<dyn Clock>, migrations: &[Migration]) -> Result<Store> {
        if !path.exists() {
            return Err(CoreError::BusinessNotFound(path.display().to_string()));
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
        )?;
        configure(&conn)?;
        let version = schema_version(&conn)?;
        let latest = migrations.len() as u32;
        if version > latest {
            return Err(CoreError::NewerFile { file: version, app: latest });
        }
        if version < latest {
            let dest = backup_path(path, clock.as_ref(), version);
            backup_and_verify(&conn, &dest, version)?;
            tracing::info!(backup = %dest.display(), from = version, to = latest, "backup verified; migrating");
            migrate(&mut conn, version, migrations)?;
            prune_backups(path, &dest);
        }
        let (device_id, code): (Vec<u8>, String) =
            conn.query_row("SELECT device_id, device_code FROM device WHERE singleton = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let meta = |key: &str| -> Result<Uuid> {
            let v: String =
                conn.query_row("SELECT value FROM store_meta WHERE key = ?1", [key], |r| r.get(0))?;
            Uuid::parse_str(&v).map_err(|e| CoreError::Corrupt(format!("{key}: {e}")))
        };
        let business_id = meta("business_id")?;
        let actor = ActorId(meta("owner_actor")?);
        let device_id =
            Uuid::from_slice(&device_id).map_err(|e| CoreError::Corrupt(format!("device_id: {e}")))?;
        let reader = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
        )?;
        reader.busy_timeout(Duration::from_secs(10))?;
        Ok(Store {
            conn: reader,
            writer: conn,
            clock,
            path: path.to_owned(),
            business_id,
            device: Device { id: DeviceId(device_id), code },
            actor,
        })
    }

    /// Closes the store and deletes its file and WAL files: for a copy that never became
    /// usable, such as a pairing whose first download failed.
    pub fn discard(self) -> Result<()> {
        let path = self.path.clone();
        drop(self);
        for p in [wal_of(&path, "-wal"), wal_of(&path, "-shm"), path] {
            match std::fs::remove_file(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The business this store belongs to.
    pub fn business_id(&self) -> Uuid {
        self.business_id
    }

    /// This device.
    pub fn device(&self) -> &Device {
        &self.device
    }

    /// The clock this store's changes are stamped with.
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// The user changes are attributed to (only the owner exists for now).
    pub fn actor(&self) -> ActorId {
        self.actor
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32> {
        schema_version(&self.conn)
    }

    /// Runs SQLite's `integrity_check`; `Ok(true)` when the file is sound.
    pub fn integrity_ok(&self) -> Result<bool> {
        let check: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(check == "ok")
    }

    /// The only write transaction in the crate: runs `f` in an IMMEDIATE transaction on the
    /// writable connection and commits; on error everything rolls back.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self.writer.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

fn wal_of(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    #[test]
    fn migration_makes_a_verified_backup_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("warung.usahaku");
        let clock = Arc::new(ManualClock::fixed(1_763_800_000_000)); // 2025-11-22T08:26:40Z
        // A file made by an "older app" that knew only the first migration.
        {
            let store = Store::create_file(&path, clock.clone(), Uuid::from_u128(42));
            drop(store);
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(
                "DROP TABLE business_profile; DROP TABLE sync_state; DROP TABLE conflict_log; DROP TABLE account;
                 DROP TABLE journal_line; DROP TABLE journal_entry; DROP TABLE period_lock; DROP TABLE ledger_month;
                 DROP TABLE budget; DROP TABLE cash_month; DROP TABLE product_fts; DROP TABLE product;
                 DROP TABLE stock_movement; DROP TABLE product_stock; DROP TABLE supplier; DROP TABLE price_rule;
                 DROP TABLE sale; DROP TABLE sale_line; DROP TABLE sale_payment; DROP TABLE customer_order;
                 DROP TABLE order_line; DROP TABLE order_event; DROP TABLE customer_fts; DROP TABLE customer;
                 DROP TABLE interaction; DROP TABLE loyalty_point; DROP TABLE review; DROP TABLE content_post;
                 DROP TABLE promotion;
                 PRAGMA user_version = 1;",
            )
            .unwrap();
        }
        let old = Store::open_with(&path, clock.clone(), &MIGRATIONS[..1]).unwrap();
        assert_eq!(old.schema_version().unwrap(), 1);
        drop(old);
        let no_backups = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .all(|e| !e.file_name().to_string_lossy().contains(".backup-"));
        assert!(no_backups, "opening a current file makes no backup");

        let store = Store::open(&path, clock.clone()).unwrap();
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as u32);
        let backup = dir.path().join("warung.backup-20251122T082640-v1.usahaku");
        assert!(backup.exists(), "backup named after the date and old version");
        let mut wal = backup.clone().into_os_string();
        wal.push("-wal");
        assert!(!PathBuf::from(wal).exists(), "no -wal file beside the backup");
        let copy = Connection::open(&backup).unwrap();
        let v: u32 = copy.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, 1);
        let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        let mode: String = copy.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "delete", "the backup is one file, not in WAL mode");
        let business: String =
            copy.query_row("SELECT value FROM store_meta WHERE key='business_id'", [], |r| r.get(0)).unwrap();
        assert_eq!(business, Uuid::from_u128(42).to_string());

        // A second migration run on the same second never overwrites the first backup.
        assert_ne!(backup_path(&path, clock.as_ref(), 1), backup);
    }

    /// An upgrade keeps the newest three backups of its own file: the one it made and the two
    /// newest before it. Another file's backups and other files stay.
    #[test]
    fn an_upgrade_keeps_the_three_newest_backups_of_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("warung.usahaku");
        // A computer clock set back: the new backup is dated before the older ones.
        let clock = Arc::new(ManualClock::fixed(1_600_000_000_000));
        drop(Store::create_file(&path, clock.clone(), Uuid::from_u128(42)).unwrap());
        Connection::open(&path)
            .unwrap()
            .execute_batch(
                "DROP INDEX stock_movement_entry; ALTER TABLE stock_movement DROP COLUMN fixed_value;
                 PRAGMA user_version = 16;",
            )
            .unwrap();
        let older = [
            "warung.backup-20260101T080000-v12.usahaku",
            "warung.backup-20260301T080000-v13.usahaku",
            "warung.backup-20260501T080000-v14.usahaku",
            "warung.backup-20260701T080000-v15.usahaku",
        ];
        let others = [
            "toko.backup-20250101T080000-v1.usahaku",
            "warung.backup-catatan.txt",
            "warung.backup-2019-manual.usahaku",
        ];
        std::fs::write(dir.path().join("warung.backup-20260101T080000-v12.usahaku-wal"), b"").unwrap();
        for name in older.iter().chain(&others) {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        drop(Store::open(&path, clock).unwrap());
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".backup-"))
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "toko.backup-20250101T080000-v1.usahaku",
                "warung.backup-2019-manual.usahaku",
                "warung.backup-20200913T122640-v16.usahaku",
                "warung.backup-20260501T080000-v14.usahaku",
                "warung.backup-20260701T080000-v15.usahaku",
                "warung.backup-catatan.txt",
            ]
        );
    }

    #[test]
    fn file_from_a_newer_app_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baru.usahaku");
        let clock = Arc::new(ManualClock::fixed(0));
        drop(Store::create_file(&path, clock.clone(), Uuid::from_u128(1)).unwrap());
        Connection::open(&path).unwrap().execute_batch("PRAGMA user_version = 99;").unwrap();
        let err = Store::open(&path, clock).unwrap_err();
        assert!(matches!(err, CoreError::NewerFile { file: 99, app } if app as usize == MIGRATIONS.len()));
    }

    #[test]
    fn writes_outside_the_write_path_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.usahaku");
        let store = Store::create_file(&path, Arc::new(ManualClock::fixed(0)), Uuid::from_u128(1)).unwrap();
        let err = store.conn.execute("UPDATE business_profile SET name = 'x'", []).unwrap_err();
        assert!(err.to_string().contains("readonly"), "{err}");
    }

    #[test]
    fn store_uses_wal_full_sync_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.usahaku");
        let store = Store::create_file(&path, Arc::new(ManualClock::fixed(0)), Uuid::from_u128(1)).unwrap();
        let mode: String = store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        let sync: i64 = store.conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
        let fk: i64 = store.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
        assert_eq!(store.device().code, "A");
    }

    /// A file from before the monthly totals existed gets them from its lines on upgrade.
    #[test]
    fn upgrading_a_file_with_postings_fills_the_monthly_totals() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("toko.usahaku");
        let clock = Arc::new(ManualClock::fixed(1_793_000_000_000));
        {
            let mut s = Store::create_file(&path, clock.clone(), Uuid::from_u128(7)).unwrap();
            let kas = crate::ledger::default_account_id("1-101");
            let sales = crate::ledger::default_account_id("4-101");
            for (day, amount) in [("2026-10-05", 100_000), ("2026-11-02", 250_000), ("2026-11-20", 50_000)] {
                s.record_income(&crate::ledger::CashMove {
                    date: day.parse().unwrap(),
                    amount: crate::Money::from_rupiah(amount),
                    category: sales,
                    money_account: kas,
                    note: String::new(),
                    counterparty: None,
                })
                .unwrap();
            }
        }
        // Make it look like a file of the app before migration 6.
        Connection::open(&path)
            .unwrap()
            .execute_batch(
                "DROP TABLE ledger_month; DROP TABLE budget; DROP TABLE cash_month; DROP TABLE product_fts;
                 DROP TABLE product; DROP TABLE stock_movement; DROP TABLE product_stock; DROP TABLE supplier;
                 DROP TABLE price_rule; DROP TABLE sale; DROP TABLE sale_line; DROP TABLE sale_payment;
                 DROP TABLE customer_order; DROP TABLE order_line; DROP TABLE order_event;
                 DROP TABLE customer_fts; DROP TABLE customer; DROP TABLE interaction; DROP TABLE loyalty_point;
                 DROP TABLE review; DROP TABLE content_post; DROP TABLE promotion;
                 ALTER TABLE business_profile DROP COLUMN qris;
                 ALTER TABLE business_profile DROP COLUMN receipt_footer;
                 ALTER TABLE business_profile DROP COLUMN crm_settings;
                 PRAGMA user_version = 5;",
            )
            .unwrap();
        let s = Store::open(&path, clock).unwrap();
        let d = |t: &str| t.parse::<jiff::civil::Date>().unwrap();
        assert_eq!(s.profit_and_loss(d("2026-11-01"), d("2026-11-30")).unwrap().revenue.rupiah(), 300_000);
        assert_eq!(s.profit_and_loss(d("2026-10-01"), d("2026-11-30")).unwrap().revenue.rupiah(), 400_000);
        assert_eq!(s.cash_flow(d("2026-10-01"), d("2026-11-30")).unwrap().operating.rupiah(), 400_000);
        assert_eq!(s.cash_flow(d("2026-11-01"), d("2026-11-30")).unwrap().operating.rupiah(), 300_000);
    }
}
