//! Last-writer-wins per field, by HLC: the rule for products, customers, settings and the
//! business profile. Each field remembers the stamp of the op that last set it (`field_clock`);
//! an op sets a field only if its stamp is newer, so applying ops in any order gives the same
//! row. The stamp is the HLC followed by the op id: two different ops never tie, not even when
//! a file restored from an older copy issued an HLC its device had already used.

use crate::error::Result;
use crate::oplog::ApplyTx;
use rusqlite::OptionalExtension;
use usahaku_proto::{EntityKind, FieldValue, Hlc, LwwPatch};
use uuid::Uuid;

/// Where a last-writer-wins entity lives.
#[derive(Debug)]
pub(crate) struct LwwSpec {
    pub(crate) kind: EntityKind,
    pub(crate) table: &'static str,
    /// Columns an op may set. Fields not listed (from a newer app) are skipped.
    pub(crate) fields: &'static [&'static str],
}

/// The order of field writes: the sortable HLC (fixed width), `/`, the op id. Stamps written
/// before the op id was added end after the HLC, so they sort first among equal HLCs.
fn stamp(op: &usahaku_proto::Op) -> String {
    format!("{}/{}", op.hlc.to_sortable(), op.op_id.0.simple())
}

/// The HLC part of a stamp.
fn stamp_hlc(stamp: &str) -> &str {
    stamp.split_once('/').map_or(stamp, |(h, _)| h)
}

/// Applies `patch` to entity `id` under the op in `atx`.
pub(crate) fn apply(atx: &ApplyTx<'_>, spec: &LwwSpec, id: Uuid, patch: &LwwPatch) -> Result<()> {
    let conn = atx.conn();
    let hlc = stamp(atx.op());
    let id_bytes = id.as_bytes().as_slice();
    let exists = conn
        .prepare_cached(&format!("SELECT 1 FROM {} WHERE id = ?1", spec.table))?
        .query_row([id_bytes], |_| Ok(()))
        .optional()?
        .is_some();
    if !exists {
        return insert_new(conn, spec, id_bytes, patch, &hlc);
    }
    for (field, value) in &patch.fields {
        let Some(column) = spec.fields.iter().find(|f| **f == field.as_str()) else {
            continue;
        };
        let current: Option<String> = conn
            .prepare_cached(
                "SELECT hlc FROM field_clock WHERE entity = ?1 AND entity_id = ?2 AND field = ?3",
            )?
            .query_row(rusqlite::params![spec.kind.name(), id_bytes, column], |r| r.get(0))
            .optional()?;
        let op_device = atx.op().device_id;
        let other_device = current
            .as_deref()
            .and_then(|c| Hlc::from_sortable(stamp_hlc(c)).ok())
            .is_some_and(|c| c.device != op_device);
        let as_text = |v: &FieldValue| match v {
            FieldValue::Null => None,
            FieldValue::Text(t) => Some(t.clone()),
            FieldValue::Int(i) => Some(i.to_string()),
        };
        if let Some(c) = current.as_ref().filter(|c| **c >= hlc) {
            // This op's value loses to a newer one: keep it in the conflict log.
            if other_device {
                let kept = current_value(conn, spec, column, id_bytes)?;
                log_conflict(conn, spec, id_bytes, column, (kept, c), (as_text(value), &hlc))?;
            }
            continue;
        }
        if other_device {
            // This op overwrites another device's value: keep the old value in the log.
            let lost = current_value(conn, spec, column, id_bytes)?;
            let lost_hlc = current.clone().unwrap_or_default();
            log_conflict(conn, spec, id_bytes, column, (as_text(value), &hlc), (lost, &lost_hlc))?;
        }
        let sql_value: rusqlite::types::Value = match value {
            FieldValue::Null => rusqlite::types::Value::Null,
            FieldValue::Text(t) => rusqlite::types::Value::Text(t.clone()),
            FieldValue::Int(i) => rusqlite::types::Value::Integer(*i),
        };
        conn.prepare_cached(&format!("UPDATE {} SET {column} = ?1 WHERE id = ?2", spec.table))?
            .execute(rusqlite::params![sql_value, id_bytes])?;
        conn.prepare_cached(
            "INSERT INTO field_clock (entity, entity_id, field, hlc) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc",
        )?
        .execute(rusqlite::params![spec.kind.name(), id_bytes, column, hlc])?;
    }
    Ok(())
}

fn sql_value(value: &FieldValue) -> rusqlite::types::Value {
    match value {
        FieldValue::Null => rusqlite::types::Value::Null,
        FieldValue::Text(t) => rusqlite::types::Value::Text(t.clone()),
        FieldValue::Int(i) => rusqlite::types::Value::Integer(*i),
    }
}

/// The first op of an entity: one row insert with every field it sets (one search-index
/// entry, not one per field), and the fields' stamps. Nothing to compare against yet.
fn insert_new(
    conn: &rusqlite::Connection,
    spec: &LwwSpec,
    id: &[u8],
    patch: &LwwPatch,
    hlc: &str,
) -> Result<()> {
    let mut columns: Vec<&str> = Vec::new();
    let mut values: Vec<rusqlite::types::Value> = vec![rusqlite::types::Value::Blob(id.to_vec())];
    for (field, value) in &patch.fields {
        // Unknown fields (a newer app's) are skipped; a repeated field keeps its last value.
        let Some(column) = spec.fields.iter().find(|f| **f == field.as_str()) else { continue };
        if let Some(i) = columns.iter().position(|c| c == column) {
            values[i + 1] = sql_value(value);
        } else {
            columns.push(column);
            values.push(sql_value(value));
        }
    }
    let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {} (id{}{}) VALUES ({})",
        spec.table,
        if columns.is_empty() { "" } else { ", " },
        columns.join(", "),
        placeholders.join(", ")
    );
    conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
    let mut clock = conn.prepare_cached(
        "INSERT INTO field_clock (entity, entity_id, field, hlc) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc",
    )?;
    for column in columns {
        clock.execute(rusqlite::params![spec.kind.name(), id, column, hlc])?;
    }
    Ok(())
}

fn current_value(
    conn: &rusqlite::Connection,
    spec: &LwwSpec,
    column: &str,
    id: &[u8],
) -> Result<Option<String>> {
    let v: Option<rusqlite::types::Value> = conn
        .prepare_cached(&format!("SELECT {column} FROM {} WHERE id = ?1", spec.table))?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(match v {
        Some(rusqlite::types::Value::Text(t)) => Some(t),
        Some(rusqlite::types::Value::Integer(i)) => Some(i.to_string()),
        _ => None,
    })
}

fn log_conflict(
    conn: &rusqlite::Connection,
    spec: &LwwSpec,
    id: &[u8],
    field: &str,
    kept: (Option<String>, &str),
    lost: (Option<String>, &str),
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO conflict_log (entity, entity_id, field, kept_value, kept_hlc, lost_value, lost_hlc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(rusqlite::params![
        spec.kind.name(),
        id,
        field,
        kept.0,
        stamp_hlc(kept.1),
        lost.0,
        stamp_hlc(lost.1)
    ])?;
    Ok(())
}
