//! Usahaku sync server: the central server, a hub in a training lab or community centre, and
//! the test server are the same code.
//!
//! It stores and relays ops without reading their payloads. Every table is keyed by tenant
//! first, and the tenant always comes from the device token, never from a request body **(I)**.
//! Storage sits behind [`storage::Storage`]; the HTTP layer in [`api`] is generic over it.

pub mod api;
pub mod postgres;
pub mod secrets;
pub mod sqlite;
pub mod storage;
mod wakeups;

use std::sync::Arc;

/// Wall-clock source for the server (ms since the Unix epoch); tests pass their own.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// The operating system's clock.
pub fn system_clock() -> Clock {
    Arc::new(|| jiff::Timestamp::now().as_millisecond())
}
