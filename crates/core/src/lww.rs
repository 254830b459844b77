//! Last-writer-wins per field, by HLC: the rule for products, customers, settings and the
//! business profile. Each field remembers the HLC that last set it (`field_clock`); an op sets
//! a field only if its HLC is newer, so applying ops in any order gives the same row.

use crate::error::Result;
use crate::oplog::ApplyTx;
use rusqlite::OptionalExtension;
use usahaku_proto::{EntityKind, FieldValue, LwwPatch};
use uuid::Uuid;

/// Where a last-writer-wins entity lives.
#[derive(Debug)]
pub(crate) struct LwwSpec {
    pub(crate) kind: EntityKind,
    pub(crate) table: &'static str,
    /// Columns an op may set. Fields not listed (from a newer app) are skipped.
    pub(crate) fields: &'static [&'static str],
}

/// Applies `patch` to entity `id` under the op in `atx`.
pub(crate) fn apply(atx: &ApplyTx<'_>, spec: &LwwSpec, id: Uuid, patch: &LwwPatch) -> Result<()> {
    let conn = atx.conn();
    let hlc = atx.op().hlc.to_sortable();
    let id_bytes = id.as_bytes().as_slice();
    conn.prepare_cached(&format!("INSERT INTO {} (id) VALUES (?1) ON CONFLICT DO NOTHING", spec.table))?
        .execute([id_bytes])?;
    for (field, value) in &patch.fields {
        let Some(column) = spec.fields.iter().find(|f| **f == field.as_str()) else {
            continue;
        };
        let current: Option<String> = conn
            .prepare_cached(
                "SELECT hlc FROM field_clock WHERE entity = ?1 AND entity_id = ?2 AND field = ?3",
            )?
            .query_row(rusqlite::params![spec.kind.as_str(), id_bytes, column], |r| r.get(0))
            .optional()?;
        if current.as_ref().is_some_and(|c| *c >= hlc) {
            continue;
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
        .execute(rusqlite::params![spec.kind.as_str(), id_bytes, column, hlc])?;
    }
    Ok(())
}
