//! Long-poll wake-ups inside one server process: a pull with nothing new waits on its
//! tenant's notifier until a push (here, or, with PostgreSQL, in another instance) wakes it.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;
use uuid::Uuid;

/// One notifier per tenant, created on first use.
#[derive(Debug, Clone, Default)]
pub(crate) struct Wakeups(Arc<Mutex<HashMap<Uuid, Arc<Notify>>>>);

impl Wakeups {
    fn notifier(&self, tenant: Uuid) -> Arc<Notify> {
        match self.0.lock() {
            Ok(mut map) => map.entry(tenant).or_default().clone(),
            Err(_) => Arc::new(Notify::new()),
        }
    }

    /// Wakes every pull waiting on `tenant`.
    pub(crate) fn wake(&self, tenant: Uuid) {
        let notify = self.0.lock().ok().and_then(|m| m.get(&tenant).cloned());
        if let Some(n) = notify {
            n.notify_waiters();
        }
    }

    /// Waits until `head` reports more than `after`, a wake-up arrives, or `timeout` passes.
    /// The waiter is registered before `head` is read, so a push in between is not missed.
    pub(crate) async fn wait<E>(
        &self,
        tenant: Uuid,
        after: u64,
        timeout: Duration,
        head: impl Future<Output = Result<u64, E>>,
    ) -> Result<(), E> {
        let notify = self.notifier(tenant);
        let notified = notify.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        if head.await? > after {
            return Ok(());
        }
        let _ = tokio::time::timeout(timeout, notified).await;
        Ok(())
    }
}
