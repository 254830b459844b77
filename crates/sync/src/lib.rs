//! Usahaku client sync engine: outbox push, pull, backoff and the HTTP transport.
//!
//! Not built yet: it arrives with the [Sync] issue. Until then every device keeps its outbox
//! in its own store (see `usahaku_core::oplog`), so nothing made offline is lost when sync
//! comes.
