//! The op log: the single write path for synced data **(I)**.
//!
//! A local change is a [`Change`]; [`Store::commit`] turns it into an [`Op`] (next contiguous
//! `device_seq`, next HLC, new op id), appends the op, and applies it — all in one SQLite
//! transaction. A remote op goes through [`Store::apply_remote`], which records it and applies
//! it with the same code, and does nothing if the op is already known (idempotent).
//!
//! Rows of synced tables are written only by entity `apply` functions, and those take an
//! [`ApplyTx`], which only this module can make. So a synced table cannot be changed without
//! its op being written in the same transaction:
//!
//! ```compile_fail
//! // There is no way to build an ApplyTx outside the op log.
//! let tx: usahaku_core::oplog::ApplyTx<'static> = usahaku_core::oplog::ApplyTx { tx: todo!(), op: todo!() };
//! ```

use crate::clock::{new_id, next_hlc, observe_hlc};
use crate::error::{CoreError, Result};
use crate::store::Store;
use crate::{budget, catalog, crm, ledger, lww, marketing, orders, pricing, profile, promo, sales, stock};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use usahaku_proto::{ActorId, DeviceId, EntityKind, Hlc, LwwPatch, Op, OpId, decode_payload, encode_payload};
use uuid::Uuid;

/// Payload schema version for each entity kind this build writes and understands.
pub(crate) fn schema_version(kind: EntityKind) -> u16 {
    match kind {
        EntityKind::BusinessProfile
        | EntityKind::Account
        | EntityKind::JournalEntry
        | EntityKind::PeriodLock
        | EntityKind::Budget
        | EntityKind::Product
        | EntityKind::StockMovement
        | EntityKind::Supplier
        | EntityKind::PriceRule
        | EntityKind::Sale
        | EntityKind::Order
        | EntityKind::OrderEvent
        | EntityKind::SaleReturn
        | EntityKind::Customer
        | EntityKind::Interaction
        | EntityKind::LoyaltyPoints
        | EntityKind::Review
        | EntityKind::ContentPost
        | EntityKind::Promotion => 1,
        // Never written here; anything from a newer app is newer than this build.
        EntityKind::Other(_) => 0,
    }
}

/// A change a user makes, before it becomes an op.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change {
    /// Set some fields of a last-writer-wins entity.
    Lww { entity: EntityKind, entity_id: Uuid, patch: LwwPatch },
    /// Add a record of an append-only entity (journal entry); the payload is its encoding.
    Append { entity: EntityKind, entity_id: Uuid, payload: Vec<u8> },
}

/// Proof that the current transaction has recorded `op`: the only handle through which
/// synced rows are written.
#[derive(Debug)]
pub struct ApplyTx<'t> {
    tx: &'t Transaction<'t>,
    op: &'t Op,
}

impl ApplyTx<'_> {
    /// The transaction, for the entity's row writes.
    pub(crate) fn conn(&self) -> &Connection {
        self.tx
    }

    /// The op being applied.
    pub(crate) fn op(&self) -> &Op {
        self.op
    }
}

/// One row of the op log, as shown by `usahaku ops list`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OpRecord {
    /// The op.
    pub op: Op,
    /// Made on this device (and so in its outbox).
    pub is_local: bool,
    /// The fields it sets, when it is a last-writer-wins patch this build understands.
    pub patch: Option<LwwPatch>,
}

fn apply(atx: &ApplyTx<'_>) -> Result<()> {
    let op = atx.op();
    if matches!(op.entity, EntityKind::Other(_)) || op.schema_version > schema_version(op.entity) {
        // Written by a newer app: kept in the log, applied after this app is upgraded.
        tracing::warn!(op = %op.op_id, "op from a newer schema kept unapplied");
        return Ok(());
    }
    let patch =
        || -> Result<LwwPatch> { decode_payload(&op.payload).map_err(|e| CoreError::Corrupt(e.to_string())) };
    match op.entity {
        EntityKind::BusinessProfile => lww::apply(atx, &profile::SPEC, op.entity_id, &patch()?),
        EntityKind::Account => lww::apply(atx, &ledger::ACCOUNT_SPEC, op.entity_id, &patch()?),
        EntityKind::PeriodLock => lww::apply(atx, &ledger::PERIOD_LOCK_SPEC, op.entity_id, &patch()?),
        EntityKind::Budget => lww::apply(atx, &budget::SPEC, op.entity_id, &patch()?),
        EntityKind::Product => lww::apply(atx, &catalog::SPEC, op.entity_id, &patch()?),
        EntityKind::JournalEntry => ledger::apply_entry(atx),
        EntityKind::StockMovement => stock::apply_movement(atx),
        EntityKind::Supplier => lww::apply(atx, &stock::SUPPLIER_SPEC, op.entity_id, &patch()?),
        EntityKind::PriceRule => lww::apply(atx, &pricing::SPEC, op.entity_id, &patch()?),
        EntityKind::Sale => sales::apply_sale(atx),
        EntityKind::Order => orders::apply_order(atx),
        EntityKind::OrderEvent => orders::apply_event(atx),
        EntityKind::SaleReturn => sales::apply_return(atx),
        EntityKind::Customer => lww::apply(atx, &crm::CUSTOMER_SPEC, op.entity_id, &patch()?),
        EntityKind::Interaction => lww::apply(atx, &crm::INTERACTION_SPEC, op.entity_id, &patch()?),
        EntityKind::LoyaltyPoints => crm::apply_points(atx),
        EntityKind::Review => lww::apply(atx, &marketing::REVIEW_SPEC, op.entity_id, &patch()?),
        EntityKind::ContentPost => lww::apply(atx, &marketing::POST_SPEC, op.entity_id, &patch()?),
        EntityKind::Promotion => lww::apply(atx, &promo::PROMO_SPEC, op.entity_id, &patch()?),
        EntityKind::Other(_) => Ok(()),
    }
}

fn insert_op(tx: &Transaction<'_>, op: &Op, is_local: bool) -> Result<bool> {
    let n = tx.prepare_cached(
        "INSERT INTO op (op_id, device_id, device_seq, hlc, actor, entity, entity_id, schema_version, payload, is_local)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT DO NOTHING",
    )?
    .execute(params![
        op.op_id.0.as_bytes().as_slice(),
        op.device_id.0.as_bytes().as_slice(),
        op.device_seq as i64,
        op.hlc.to_sortable(),
        op.actor.0.as_bytes().as_slice(),
        op.entity.name(),
        op.entity_id.as_bytes().as_slice(),
        op.schema_version,
        op.payload,
        is_local,
    ])?;
    Ok(n == 1)
}

pub(crate) fn device_position(tx: &Transaction<'_>) -> Result<(u64, Option<Hlc>)> {
    let (seq, hlc): (i64, Option<String>) = tx
        .prepare_cached("SELECT last_seq, last_hlc FROM device WHERE singleton = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let hlc =
        hlc.map(|h| Hlc::from_sortable(&h)).transpose().map_err(|e| CoreError::Corrupt(e.to_string()))?;
    Ok((seq as u64, hlc))
}

/// Records and applies a remote op inside the caller's transaction; `false` if already known.
pub(crate) fn apply_remote_in(tx: &Transaction<'_>, op: &Op, now: i64, me: DeviceId) -> Result<bool> {
    if op.device_id == me {
        // Our own op coming back (e.g. after a server restore): it is already here.
        return Ok(false);
    }
    if !insert_op(tx, op, false)? {
        let same: Option<i64> = tx
            .prepare_cached("SELECT 1 FROM op WHERE op_id = ?1")?
            .query_row([op.op_id.0.as_bytes().as_slice()], |r| r.get(0))
            .optional()?;
        return match same {
            Some(_) => Ok(false),
            None => Err(CoreError::Corrupt(format!(
                "device {} seq {} arrived with a different op id",
                op.device_id, op.device_seq
            ))),
        };
    }
    let (_, last_hlc) = device_position(tx)?;
    let seen = observe_hlc(last_hlc, op.hlc, now, me);
    tx.prepare_cached("UPDATE device SET last_hlc = ?1 WHERE singleton = 1")?
        .execute([seen.to_sortable()])?;
    apply(&ApplyTx { tx, op })?;
    Ok(true)
}

pub(crate) fn uuid_col(bytes: &[u8]) -> rusqlite::Result<Uuid> {
    Uuid::from_slice(bytes)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Blob, Box::new(e)))
}

impl Store {
    /// Records `change` as the next op of this device and applies it, in one transaction.
    pub(crate) fn commit(&mut self, change: Change) -> Result<Op> {
        self.commit_checked(change, |_| Ok(()))
    }

    /// Like [`Store::commit`], after `check` accepted the change inside the same write
    /// transaction (so what it read cannot change before the op is written).
    pub(crate) fn commit_checked(
        &mut self,
        change: Change,
        check: impl FnOnce(&Connection) -> Result<()>,
    ) -> Result<Op> {
        let mut ops = self.commit_built(|conn| {
            check(conn)?;
            Ok(vec![change])
        })?;
        ops.pop().ok_or_else(|| CoreError::Corrupt("no op committed".into()))
    }

    /// Records several changes as consecutive ops of this device, in one transaction: `build`
    /// reads the store inside the write transaction, checks, and returns the changes (a stock
    /// receipt and its journal entry, a whole import). Each change is applied before the next
    /// is recorded. Either every op is written or none.
    pub(crate) fn commit_built(
        &mut self,
        build: impl FnOnce(&Connection) -> Result<Vec<Change>>,
    ) -> Result<Vec<Op>> {
        let clock = self.clock.clone();
        let actor = self.actor;
        let (ops, code) = self.write(|tx| {
            // The identity is read in the transaction: another connection to this file (the
            // sync loop) may have given the device a new id (see `Store::take_new_device`).
            let (device, code): (Vec<u8>, String) = tx
                .prepare_cached("SELECT device_id, device_code FROM device WHERE singleton = 1")?
                .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let device = DeviceId(uuid_col(&device)?);
            let (mut last_seq, mut last_hlc) = device_position(tx)?;
            let changes = build(tx)?;
            let mut ops = Vec::with_capacity(changes.len());
            for change in changes {
                let hlc = next_hlc(last_hlc, clock.now_millis(), device);
                let (entity, entity_id, payload) = match change {
                    Change::Lww { entity, entity_id, patch } => (entity, entity_id, encode_payload(&patch)),
                    Change::Append { entity, entity_id, payload } => (entity, entity_id, payload),
                };
                let op = Op {
                    op_id: OpId(new_id(clock.as_ref())),
                    device_id: device,
                    device_seq: last_seq + 1,
                    hlc,
                    actor,
                    entity,
                    entity_id,
                    schema_version: schema_version(entity),
                    payload,
                };
                insert_op(tx, &op, true)?;
                apply(&ApplyTx { tx, op: &op })?;
                last_seq = op.device_seq;
                last_hlc = Some(op.hlc);
                ops.push(op);
            }
            tx.prepare_cached("UPDATE device SET last_seq = ?1, last_hlc = ?2 WHERE singleton = 1")?
                .execute(params![last_seq as i64, last_hlc.map(|h| h.to_sortable())])?;
            Ok((ops, code))
        })?;
        if let Some(op) = ops.first()
            && op.device_id != self.device.id
        {
            self.device = crate::Device { id: op.device_id, code };
        }
        Ok(ops)
    }

    /// Applies an op made on another device. Returns `false` (and changes nothing) when the
    /// op is already in the log.
    pub fn apply_remote(&mut self, op: &Op) -> Result<bool> {
        let clock = self.clock.clone();
        let me = self.device.id;
        self.write(|tx| apply_remote_in(tx, op, clock.now_millis(), me))
    }

    /// The newest `limit` ops (all devices), newest first.
    pub fn ops(&self, limit: usize) -> Result<Vec<OpRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT op_id, device_id, device_seq, hlc, actor, entity, entity_id, schema_version, payload, is_local
             FROM op ORDER BY hlc DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok((
                uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
                uuid_col(&r.get::<_, Vec<u8>>(1)?)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                uuid_col(&r.get::<_, Vec<u8>>(4)?)?,
                r.get::<_, String>(5)?,
                uuid_col(&r.get::<_, Vec<u8>>(6)?)?,
                r.get::<_, u16>(7)?,
                r.get::<_, Vec<u8>>(8)?,
                r.get::<_, bool>(9)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (op_id, device_id, seq, hlc, actor, entity, entity_id, schema_version, payload, is_local) =
                row?;
            let entity =
                EntityKind::parse(&entity).ok_or_else(|| CoreError::Corrupt(format!("entity {entity}")))?;
            let hlc = Hlc::from_sortable(&hlc).map_err(|e| CoreError::Corrupt(e.to_string()))?;
            let patch = decode_payload::<LwwPatch>(&payload).ok();
            out.push(OpRecord {
                op: Op {
                    op_id: OpId(op_id),
                    device_id: DeviceId(device_id),
                    device_seq: seq as u64,
                    hlc,
                    actor: ActorId(actor),
                    entity,
                    entity_id,
                    schema_version,
                    payload,
                },
                is_local,
                patch,
            });
        }
        Ok(out)
    }

    /// Number of ops in the log.
    pub fn op_count(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM op", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// This device's sequence numbers in the log, ascending.
    pub fn local_seqs(&self) -> Result<Vec<u64>> {
        let mut stmt =
            self.conn.prepare("SELECT device_seq FROM op WHERE device_id = ?1 ORDER BY device_seq")?;
        let rows = stmt.query_map([self.device.id.0.as_bytes().as_slice()], |r| r.get::<_, i64>(0))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(r? as u64);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;
    use crate::profile::{BusinessType, NewBusiness, TaxpayerKind, Timezone};
    use std::sync::Arc;

    /// Two devices of one business: A made it, B is a second replica (as pairing will make).
    fn two_devices(dir: &std::path::Path) -> (Store, Store, ManualClock) {
        let clock = ManualClock::fixed(1_763_800_000_000);
        let id = Uuid::from_u128(0xB15);
        let mut a = Store::create_file(&dir.join("a.usahaku"), Arc::new(clock.clone()), id).unwrap();
        let b = Store::create_file_as(
            &dir.join("b.usahaku"),
            Arc::new(clock.clone()),
            id,
            "B",
            Uuid::from_u128(0xB),
        )
        .unwrap();
        let input = NewBusiness {
            name: "Warung Bu Sri".into(),
            owner_name: "Sri Wahyuni".into(),
            business_type: BusinessType::Kuliner,
            timezone: Timezone::Wita,
        }
        .into_input();
        a.init_profile(&input).unwrap();
        (a, b, clock)
    }

    fn ops_oldest_first(s: &Store) -> Vec<Op> {
        let mut ops: Vec<Op> = s.ops(1000).unwrap().into_iter().map(|r| r.op).collect();
        ops.reverse();
        ops
    }

    #[test]
    fn reapplying_an_op_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, mut b, clock) = two_devices(dir.path());
        clock.set(1_763_800_060_000);
        let mut input = a.profile().unwrap().input();
        input.phone = Some("0812 3456 7890".into());
        a.update_profile(&input).unwrap();

        let ops = ops_oldest_first(&a);
        assert_eq!(ops.len(), 2);
        for op in &ops {
            assert!(b.apply_remote(op).unwrap(), "first time applies");
        }
        let after_first = b.profile().unwrap();
        assert_eq!(after_first.name, "Warung Bu Sri");
        assert_eq!(after_first.phone.as_deref(), Some("6281234567890"));
        assert_eq!(after_first.timezone, Timezone::Wita);
        assert_eq!(b.op_count().unwrap(), 2);

        for op in ops.iter().rev() {
            assert!(!b.apply_remote(op).unwrap(), "second time is a no-op");
        }
        assert_eq!(b.op_count().unwrap(), 2);
        assert_eq!(b.profile().unwrap(), after_first);
        // B's own sequence is untouched by remote ops.
        assert!(b.local_seqs().unwrap().is_empty());
    }

    #[test]
    fn lww_fields_converge_in_any_order() {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, mut b, clock) = two_devices(dir.path());
        for op in ops_oldest_first(&a) {
            b.apply_remote(&op).unwrap();
        }
        // Offline: A renames at t+1 min, B renames at t+2 min and sets the NPWP.
        clock.set(1_763_800_060_000);
        let mut ia = a.profile().unwrap().input();
        ia.name = "Warung Sri Rejeki".into();
        ia.taxpayer_kind = TaxpayerKind::Badan;
        a.update_profile(&ia).unwrap();
        clock.set(1_763_800_120_000);
        let mut ib = b.profile().unwrap().input();
        ib.name = "Warung Bu Sri Denpasar".into();
        ib.npwp = Some("09.254.294.3-407.000".into());
        b.update_profile(&ib).unwrap();

        let a_new: Vec<Op> =
            ops_oldest_first(&a).into_iter().filter(|o| o.device_id == a.device().id).collect();
        let b_new: Vec<Op> =
            ops_oldest_first(&b).into_iter().filter(|o| o.device_id == b.device().id).collect();
        for op in &b_new {
            a.apply_remote(op).unwrap();
        }
        for op in a_new.iter().rev() {
            b.apply_remote(op).unwrap();
        }
        let (pa, pb) = (a.profile().unwrap(), b.profile().unwrap());
        assert_eq!(pa.name, "Warung Bu Sri Denpasar", "later HLC wins");
        assert_eq!(pa.taxpayer_kind, TaxpayerKind::Badan, "field only A changed is kept");
        assert_eq!(pa.npwp.as_deref(), Some("092542943407000"));
        assert_eq!(pa.input(), pb.input());
    }

    #[test]
    fn a_seq_reused_with_another_op_id_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (a, mut b, _) = two_devices(dir.path());
        let mut op = ops_oldest_first(&a).remove(0);
        b.apply_remote(&op).unwrap();
        op.op_id = OpId(Uuid::from_u128(99));
        assert!(matches!(b.apply_remote(&op), Err(CoreError::Corrupt(_))));
        assert_eq!(b.op_count().unwrap(), 1);
    }
}
