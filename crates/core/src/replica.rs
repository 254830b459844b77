//! This store as a replica of its business: the link to a sync server, the outbox (local ops
//! the server has not acknowledged), and applying pulled ops **with the new cursor in the same
//! transaction (I)**, so a crash can neither skip an op nor apply one twice.

use crate::error::{CoreError, Result};
use crate::oplog::{apply_remote_in, device_position, uuid_col};
use crate::store::Store;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use usahaku_proto::wire::{PullResponse, PushResponse, ServerInfo};
use usahaku_proto::{ActorId, EntityKind, Hlc, Op, OpId};

/// Where this replica syncs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncLink {
    /// Base URL of the server, e.g. `https://usahaku.example` or `http://192.168.1.10:8080`.
    pub server_url: String,
    /// The device token the server issued at pairing.
    pub token: String,
}

/// How far this replica has synced, for the status line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncPosition {
    /// The server, when linked.
    pub server_url: Option<String>,
    /// Last server_seq applied.
    pub cursor: u64,
    /// Highest local device_seq the server holds.
    pub acked_seq: u64,
    /// Local ops waiting to be pushed.
    pub pending: u64,
    /// Last successful contact (ms since the Unix epoch).
    pub last_sync_ms: Option<i64>,
    /// The last sync error, cleared by the next success.
    pub last_error: Option<String>,
    /// Server clock minus this device's clock, in ms, at the last contact.
    pub skew_ms: Option<i64>,
}

/// A value that lost to another device's change of the same field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Conflict {
    /// Entity kind, e.g. `business_profile`.
    pub entity: String,
    /// The field.
    pub field: String,
    /// The value the field has (or had) after the conflict.
    pub kept_value: Option<String>,
    /// When the kept value was set (ms since the Unix epoch, as its device saw it).
    pub kept_at_ms: i64,
    /// The value that was overwritten.
    pub lost_value: Option<String>,
    /// When the overwritten value was set.
    pub lost_at_ms: i64,
}

impl Store {
    /// The conflict log, newest first: every value of a last-writer-wins field that was
    /// overwritten by another device's change (or arrived too late to win).
    pub fn conflicts(&self, limit: usize) -> Result<Vec<Conflict>> {
        let mut stmt = self.conn.prepare(
            "SELECT entity, field, kept_value, kept_hlc, lost_value, lost_hlc FROM conflict_log ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get(2)?,
                r.get::<_, String>(3)?,
                r.get(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (entity, field, kept_value, kept_hlc, lost_value, lost_hlc) = row?;
            let ms = |h: &str| {
                Hlc::from_sortable(h).map(|h| h.millis).map_err(|e| CoreError::Corrupt(e.to_string()))
            };
            out.push(Conflict {
                entity,
                field,
                kept_value,
                kept_at_ms: ms(&kept_hlc)?,
                lost_value,
                lost_at_ms: ms(&lost_hlc)?,
            });
        }
        Ok(out)
    }

    /// Links this store to a server (after pairing). Starts from scratch: nothing pulled,
    /// nothing acknowledged.
    pub fn link_to_server(&mut self, link: &SyncLink) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO sync_state (singleton, server_url, token) VALUES (1, ?1, ?2)
                 ON CONFLICT (singleton) DO UPDATE SET server_url = excluded.server_url, token = excluded.token,
                   cursor = 0, acked_seq = 0, epoch = NULL, last_error = NULL",
                params![link.server_url, link.token],
            )?;
            Ok(())
        })
    }

    /// The server link, if this store has been paired.
    pub fn sync_link(&self) -> Result<Option<SyncLink>> {
        Ok(self
            .conn
            .query_row("SELECT server_url, token FROM sync_state WHERE singleton = 1", [], |r| {
                Ok(SyncLink { server_url: r.get(0)?, token: r.get(1)? })
            })
            .optional()?)
    }

    /// Sync progress for the status line.
    pub fn sync_position(&self) -> Result<SyncPosition> {
        let row = self
            .conn
            .query_row(
                "SELECT server_url, cursor, acked_seq, last_sync_ms, last_error, skew_ms FROM sync_state WHERE singleton = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Option<i64>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                    ))
                },
            )
            .optional()?;
        let last_seq: i64 =
            self.conn.query_row("SELECT last_seq FROM device WHERE singleton = 1", [], |r| r.get(0))?;
        Ok(match row {
            None => SyncPosition {
                server_url: None,
                cursor: 0,
                acked_seq: 0,
                pending: last_seq as u64,
                last_sync_ms: None,
                last_error: None,
                skew_ms: None,
            },
            Some((url, cursor, acked, last, err, skew)) => SyncPosition {
                server_url: Some(url),
                cursor: cursor as u64,
                acked_seq: acked as u64,
                pending: (last_seq - acked).max(0) as u64,
                last_sync_ms: last,
                last_error: err,
                skew_ms: skew,
            },
        })
    }

    /// Up to `max_ops` local ops the server has not acknowledged, ascending device_seq.
    pub fn outbox(&self, max_ops: usize) -> Result<Vec<Op>> {
        let acked: i64 = self
            .conn
            .query_row("SELECT acked_seq FROM sync_state WHERE singleton = 1", [], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        let mut stmt = self.conn.prepare_cached(
            "SELECT op_id, device_seq, hlc, actor, entity, entity_id, schema_version, payload
             FROM op WHERE device_id = ?1 AND device_seq > ?2 ORDER BY device_seq LIMIT ?3",
        )?;
        let me = self.device.id;
        let rows = stmt.query_map(params![me.0.as_bytes().as_slice(), acked, max_ops as i64], |r| {
            Ok((
                uuid_col(&r.get::<_, Vec<u8>>(0)?)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                uuid_col(&r.get::<_, Vec<u8>>(3)?)?,
                r.get::<_, String>(4)?,
                uuid_col(&r.get::<_, Vec<u8>>(5)?)?,
                r.get::<_, u16>(6)?,
                r.get::<_, Vec<u8>>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (op_id, seq, hlc, actor, entity, entity_id, schema_version, payload) = row?;
            out.push(Op {
                op_id: OpId(op_id),
                device_id: me,
                device_seq: seq as u64,
                hlc: Hlc::from_sortable(&hlc).map_err(|e| CoreError::Corrupt(e.to_string()))?,
                actor: ActorId(actor),
                entity: EntityKind::parse(&entity)
                    .ok_or_else(|| CoreError::Corrupt(format!("entity {entity}")))?,
                entity_id,
                schema_version,
                payload,
            });
        }
        Ok(out)
    }

    /// Records the server's answer to a push.
    pub fn record_push(&mut self, resp: &PushResponse) -> Result<()> {
        let now = self.clock.now_millis();
        self.write(|tx| {
            observe_server(tx, &resp.server, now)?;
            let (last_seq, _) = device_position(tx)?;
            if resp.acked_seq > last_seq {
                // The server holds ops of this device that this file does not: the file is an
                // older copy. Writing on would reuse sequence numbers.
                return Err(CoreError::RestoredCopy { server_seq: resp.acked_seq, local_seq: last_seq });
            }
            tx.execute("UPDATE sync_state SET acked_seq = ?1 WHERE singleton = 1", [resp.acked_seq as i64])?;
            Ok(())
        })
    }

    /// Applies pulled ops and stores the new cursor in one transaction. Returns how many ops
    /// were new. After a server epoch change the batch is dropped and the cursor restarts.
    pub fn apply_pulled(&mut self, resp: &PullResponse) -> Result<usize> {
        let now = self.clock.now_millis();
        let me = self.device.id;
        self.write(|tx| {
            if observe_server(tx, &resp.server, now)? {
                return Ok(0);
            }
            let mut applied = 0;
            for op in &resp.ops {
                if apply_remote_in(tx, op, now, me)? {
                    applied += 1;
                }
            }
            tx.execute("UPDATE sync_state SET cursor = ?1 WHERE singleton = 1", [resp.cursor as i64])?;
            Ok(applied)
        })
    }

    /// Takes a new device identity after this file turned out to be an older copy (the server
    /// holds ops of this device's id that the file lacks, or a different op at one of its
    /// sequence numbers). In one transaction: every local op the server has not acknowledged
    /// is renumbered from 1 under the new id — op ids, HLCs and payloads unchanged, so replicas
    /// that already hold some of them skip them — the new code and token are stored, and the
    /// cursor restarts at 0, so the ops the server holds under the old id (including those
    /// this copy lacks) are pulled back as another device's. Nothing is lost and no sequence
    /// number is used twice.
    pub fn take_new_device(&mut self, device: &crate::Device, token: &str) -> Result<()> {
        let old = self.device.id;
        let new = device.id;
        self.write(|tx| {
            let acked: i64 = tx
                .query_row("SELECT acked_seq FROM sync_state WHERE singleton = 1", [], |r| r.get(0))
                .optional()?
                .ok_or(CoreError::NotLinked)?;
            let (last_seq, _) = device_position(tx)?;
            tx.execute(
                "UPDATE op SET device_id = ?1, device_seq = device_seq - ?3
                 WHERE device_id = ?2 AND device_seq > ?3",
                params![new.0.as_bytes().as_slice(), old.0.as_bytes().as_slice(), acked],
            )?;
            tx.execute(
                "UPDATE device SET device_id = ?1, device_code = ?2, last_seq = ?3 WHERE singleton = 1",
                params![new.0.as_bytes().as_slice(), device.code, last_seq as i64 - acked],
            )?;
            tx.execute(
                "UPDATE sync_state SET token = ?1, cursor = 0, acked_seq = 0, last_error = NULL WHERE singleton = 1",
                [token],
            )?;
            Ok(())
        })?;
        tracing::warn!(%old, %new, code = %device.code, "older copy of the file: took a new device id");
        self.device = device.clone();
        Ok(())
    }

    /// Remembers why the last sync attempt failed (shown in the status line).
    pub fn record_sync_error(&mut self, message: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute("UPDATE sync_state SET last_error = ?1 WHERE singleton = 1", [message])?;
            Ok(())
        })
    }
}

/// Notes the server's epoch and clock. Returns `true` when the epoch changed: the server's
/// store was restored, so everything is pushed and pulled again from the start (the server
/// drops duplicates, applying ops is idempotent).
fn observe_server(tx: &Transaction<'_>, server: &ServerInfo, now: i64) -> Result<bool> {
    let known: Option<Option<String>> =
        tx.query_row("SELECT epoch FROM sync_state WHERE singleton = 1", [], |r| r.get(0)).optional()?;
    let Some(known) = known else {
        return Err(CoreError::NotLinked);
    };
    let epoch = server.epoch.0.to_string();
    let changed = known.as_deref().is_some_and(|k| k != epoch);
    if changed {
        tracing::warn!(old = ?known, new = %epoch, "server epoch changed: re-syncing from the start");
        tx.execute("UPDATE sync_state SET cursor = 0, acked_seq = 0 WHERE singleton = 1", [])?;
    }
    tx.execute(
        "UPDATE sync_state SET epoch = ?1, last_sync_ms = ?2, skew_ms = ?3, last_error = NULL WHERE singleton = 1",
        params![epoch, now, server.time_ms - now],
    )?;
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;
    use crate::home::Home;
    use crate::profile::{BusinessType, NewBusiness, Timezone};
    use std::sync::Arc;
    use usahaku_proto::wire::Epoch;
    use uuid::Uuid;

    fn server(epoch: u128, time_ms: i64) -> ServerInfo {
        ServerInfo { epoch: Epoch(Uuid::from_u128(epoch)), time_ms }
    }

    fn link() -> SyncLink {
        SyncLink { server_url: "http://127.0.0.1:9".into(), token: "t".into() }
    }

    /// Device A with a business and three edits (4 ops), and device B joined to it.
    fn setup(dir: &std::path::Path) -> (Store, Store, ManualClock) {
        let clock = ManualClock::stepping(1_763_800_000_000, 10);
        let (mut a, p) = Home::new(dir.join("a"))
            .create(
                Arc::new(clock.clone()),
                NewBusiness {
                    name: "Konveksi Jaya".into(),
                    owner_name: "Rina".into(),
                    business_type: BusinessType::Fesyen,
                    timezone: Timezone::Wib,
                },
            )
            .unwrap();
        for city in ["Bandung", "Cimahi", "Garut"] {
            let mut i = p.input();
            i.address = Some(format!("Jl. Merdeka 1, {city}"));
            a.update_profile(&i).unwrap();
        }
        a.link_to_server(&link()).unwrap();
        let device = crate::Device { id: usahaku_proto::DeviceId(Uuid::from_u128(0xB)), code: "B".into() };
        let b = Home::new(dir.join("b"))
            .join(Arc::new(clock.clone()), a.business_id(), &device, &link())
            .unwrap();
        (a, b, clock)
    }

    #[test]
    fn outbox_shrinks_as_the_server_acknowledges() {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, _, _) = setup(dir.path());
        assert_eq!(a.outbox(100).unwrap().iter().map(|o| o.device_seq).collect::<Vec<_>>(), [1, 2, 3, 4]);
        assert_eq!(a.outbox(2).unwrap().len(), 2);
        assert_eq!(a.sync_position().unwrap().pending, 4);
        a.record_push(&PushResponse { server: server(1, 1_763_800_000_500), acked_seq: 3 }).unwrap();
        assert_eq!(a.outbox(100).unwrap().iter().map(|o| o.device_seq).collect::<Vec<_>>(), [4]);
        let pos = a.sync_position().unwrap();
        assert_eq!((pos.acked_seq, pos.pending), (3, 1));
        assert!(pos.skew_ms.is_some() && pos.last_sync_ms.is_some());
    }

    #[test]
    fn pulled_ops_apply_once_with_their_cursor() {
        let dir = tempfile::tempdir().unwrap();
        let (a, mut b, _) = setup(dir.path());
        let ops = a.outbox(100).unwrap();
        let resp = PullResponse { server: server(1, 0), ops: ops.clone(), cursor: 4, more: false };
        assert_eq!(b.apply_pulled(&resp).unwrap(), 4);
        assert_eq!(b.sync_position().unwrap().cursor, 4);
        assert_eq!(b.profile().unwrap().address.as_deref(), Some("Jl. Merdeka 1, Garut"));
        // The same batch again (a retry after a lost answer): nothing new.
        assert_eq!(b.apply_pulled(&resp).unwrap(), 0);
        assert_eq!(b.op_count().unwrap(), 4);
    }

    #[test]
    fn a_new_server_epoch_restarts_push_and_pull() {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, mut b, _) = setup(dir.path());
        a.record_push(&PushResponse { server: server(1, 0), acked_seq: 4 }).unwrap();
        assert!(a.outbox(100).unwrap().is_empty());
        b.apply_pulled(&PullResponse {
            server: server(1, 0),
            ops: a.outbox(0).unwrap(),
            cursor: 9,
            more: false,
        })
        .unwrap();
        // The server was restored from a backup that knew only seq 1 of A.
        a.record_push(&PushResponse { server: server(2, 0), acked_seq: 1 }).unwrap();
        assert_eq!(a.outbox(100).unwrap().iter().map(|o| o.device_seq).collect::<Vec<_>>(), [2, 3, 4]);
        let dropped = PullResponse { server: server(2, 0), ops: vec![], cursor: 3, more: false };
        assert_eq!(b.apply_pulled(&dropped).unwrap(), 0);
        assert_eq!(b.sync_position().unwrap().cursor, 0, "pull restarts from the beginning");
    }

    #[test]
    fn an_older_copy_of_the_file_stops_sync() {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, _, _) = setup(dir.path());
        let err = a.record_push(&PushResponse { server: server(1, 0), acked_seq: 7 }).unwrap_err();
        assert!(matches!(err, CoreError::RestoredCopy { server_seq: 7, local_seq: 4 }));
        assert_eq!(a.sync_position().unwrap().acked_seq, 0, "nothing recorded");
    }

    #[test]
    fn an_older_copy_renumbers_its_unacknowledged_ops_under_a_new_id() {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, _, clock) = setup(dir.path());
        a.record_push(&PushResponse { server: server(1, 0), acked_seq: 2 }).unwrap();
        let unacked: Vec<OpId> = a.outbox(100).unwrap().iter().map(|o| o.op_id).collect();
        assert_eq!(unacked.len(), 2, "seqs 3 and 4");
        // A second connection to the same file, as the app's window has.
        let mut window = Store::open(a.path(), Arc::new(clock.clone())).unwrap();
        let new = crate::Device { id: usahaku_proto::DeviceId(Uuid::from_u128(0xD)), code: "D".into() };
        a.take_new_device(&new, "token-baru").unwrap();
        assert_eq!(a.device(), &new);
        let out = a.outbox(100).unwrap();
        assert_eq!(
            out.iter().map(|o| (o.device_id, o.device_seq)).collect::<Vec<_>>(),
            [(new.id, 1), (new.id, 2)]
        );
        assert_eq!(out.iter().map(|o| o.op_id).collect::<Vec<_>>(), unacked, "same ops, new numbers");
        let pos = a.sync_position().unwrap();
        assert_eq!((pos.cursor, pos.acked_seq, pos.pending), (0, 0, 2));
        assert_eq!(a.sync_link().unwrap().unwrap().token, "token-baru");
        assert_eq!(a.op_count().unwrap(), 4, "nothing dropped");
        // The window's next change is numbered under the new id too, right after the others.
        let mut input = window.profile().unwrap().input();
        input.address = Some("Jl. Pahlawan 5, Garut".into());
        let op = window.update_profile(&input).map(|_| window.ops(1).unwrap().remove(0).op).unwrap();
        assert_eq!((op.device_id, op.device_seq), (new.id, 3));
        assert_eq!(window.device(), &new);
        assert_eq!(a.local_seqs().unwrap(), [1, 2, 3]);
    }

    #[test]
    fn sync_needs_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let clock: Arc<dyn crate::Clock> = Arc::new(ManualClock::fixed(0));
        let (mut s, _) = Home::new(dir.path())
            .create(
                clock,
                NewBusiness {
                    name: "Solo".into(),
                    owner_name: "Sari".into(),
                    business_type: BusinessType::Jasa,
                    timezone: Timezone::Wib,
                },
            )
            .unwrap();
        assert!(matches!(
            s.record_push(&PushResponse { server: server(1, 0), acked_seq: 0 }),
            Err(CoreError::NotLinked)
        ));
        assert_eq!(s.sync_position().unwrap().pending, 1);
    }
}
