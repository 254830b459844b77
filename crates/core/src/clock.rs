//! Time for business logic. Nothing in core reads the wall clock directly: a [`Clock`] is
//! passed in, so tests can fix or step time, and a wall clock that jumps is survivable.
//!
//! The hybrid logical clock ([`next_hlc`], [`observe_hlc`]) orders changes across devices: it
//! never goes backwards even when the wall clock does, and it moves past any remote timestamp
//! it has seen.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use usahaku_proto::{DeviceId, Hlc};
use uuid::Uuid;

/// A source of wall-clock time in milliseconds since the Unix epoch.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Milliseconds since 1970-01-01T00:00:00Z, as the clock believes.
    fn now_millis(&self) -> i64;
}

/// The operating system's clock. Only binaries construct this.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_millis(&self) -> i64 {
        jiff::Timestamp::now().as_millisecond()
    }
}

/// A clock that returns whatever it was last set to; cloning shares the same time.
/// With `step` > 0 it advances by that many milliseconds after every reading.
#[derive(Debug, Clone)]
pub struct ManualClock {
    now: Arc<AtomicI64>,
    step: i64,
}

impl ManualClock {
    /// A clock fixed at `millis`.
    pub fn fixed(millis: i64) -> Self {
        ManualClock { now: Arc::new(AtomicI64::new(millis)), step: 0 }
    }

    /// A clock starting at `millis` that advances `step` ms after each reading.
    pub fn stepping(millis: i64, step: i64) -> Self {
        ManualClock { now: Arc::new(AtomicI64::new(millis)), step }
    }

    /// Sets the time (it may go backwards, as real wall clocks do).
    pub fn set(&self, millis: i64) {
        self.now.store(millis, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_millis(&self) -> i64 {
        self.now.fetch_add(self.step, Ordering::SeqCst)
    }
}

/// The next local HLC after `last`, given the wall time `now`: strictly greater than `last`.
pub fn next_hlc(last: Option<Hlc>, now: i64, device: DeviceId) -> Hlc {
    match last {
        None => Hlc { millis: now, counter: 0, device },
        Some(last) if now > last.millis => Hlc { millis: now, counter: 0, device },
        Some(last) => bump(last.millis, last.counter, device),
    }
}

/// The local HLC after receiving `remote`: at least `remote`, `last` and `now`, and strictly
/// greater than `last`, so later local changes win over what was seen.
pub fn observe_hlc(last: Option<Hlc>, remote: Hlc, now: i64, device: DeviceId) -> Hlc {
    let last_millis = last.map_or(i64::MIN, |h| h.millis);
    let millis = now.max(last_millis).max(remote.millis);
    let counter = match last {
        Some(l) if millis == l.millis && millis == remote.millis => l.counter.max(remote.counter),
        Some(l) if millis == l.millis => l.counter,
        _ if millis == remote.millis => remote.counter,
        _ => {
            return Hlc { millis, counter: 0, device };
        }
    };
    bump(millis, counter, device)
}

fn bump(millis: i64, counter: u32, device: DeviceId) -> Hlc {
    match counter.checked_add(1) {
        Some(counter) => Hlc { millis, counter, device },
        // Four billion changes in one millisecond: borrow the next millisecond.
        None => Hlc { millis: millis.saturating_add(1), counter: 0, device },
    }
}

/// A new UUIDv7 whose time part comes from `clock` (random bits from the OS).
pub fn new_id(clock: &dyn Clock) -> Uuid {
    let millis = u64::try_from(clock.now_millis()).unwrap_or(0);
    let ts = uuid::Timestamp::from_unix(uuid::NoContext, millis / 1000, ((millis % 1000) * 1_000_000) as u32);
    Uuid::new_v7(ts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dev(n: u128) -> DeviceId {
        DeviceId(Uuid::from_u128(n))
    }

    #[test]
    fn hlc_is_monotonic_when_wall_clock_jumps_back() {
        let d = dev(7);
        let clock = ManualClock::fixed(1_000_000);
        let mut last = None;
        let mut seen = Vec::new();
        // forward, then a jump back of ten minutes, then stuck, then forward again
        for t in [1_000_000, 1_000_005, 400_000, 400_000, 400_001, 1_000_005, 1_000_006, 2_000_000] {
            clock.set(t);
            let h = next_hlc(last, clock.now_millis(), d);
            if let Some(prev) = last {
                assert!(h > prev, "{h:?} must be after {prev:?}");
            }
            last = Some(h);
            seen.push(h);
        }
        // While the wall clock was behind, time stood at the highest millis and counted up.
        assert_eq!((seen[2].millis, seen[2].counter), (1_000_005, 1));
        assert_eq!((seen[5].millis, seen[5].counter), (1_000_005, 4));
        assert_eq!((seen[6].millis, seen[6].counter), (1_000_006, 0));
        assert_eq!((seen[7].millis, seen[7].counter), (2_000_000, 0));
    }

    #[test]
    fn observing_a_remote_hlc_moves_past_it() {
        let me = dev(1);
        let local = Hlc { millis: 100, counter: 3, device: me };
        let remote_ahead = Hlc { millis: 5_000, counter: 9, device: dev(2) };
        let h = observe_hlc(Some(local), remote_ahead, 200, me);
        assert_eq!((h.millis, h.counter), (5_000, 10));
        assert!(h > remote_ahead && h > local);
        // A later local change is after both.
        let next = next_hlc(Some(h), 300, me);
        assert!(next > remote_ahead);
        // Remote behind: local time wins and still strictly increases.
        let remote_behind = Hlc { millis: 50, counter: 0, device: dev(2) };
        let h2 = observe_hlc(Some(local), remote_behind, 100, me);
        assert_eq!((h2.millis, h2.counter), (100, 4));
        // Wall clock ahead of both.
        let h3 = observe_hlc(Some(local), remote_behind, 900, me);
        assert_eq!((h3.millis, h3.counter), (900, 0));
    }

    #[test]
    fn counter_overflow_borrows_next_millisecond() {
        let d = dev(1);
        let last = Hlc { millis: 10, counter: u32::MAX, device: d };
        let h = next_hlc(Some(last), 10, d);
        assert_eq!((h.millis, h.counter), (11, 0));
        assert!(h > last);
    }

    #[test]
    fn ids_carry_the_clock_time_and_are_unique() {
        let clock = ManualClock::fixed(1_763_800_000_123);
        let a = new_id(&clock);
        let b = new_id(&clock);
        assert_ne!(a, b);
        assert_eq!(a.get_version_num(), 7);
        let (secs, nanos) = a.get_timestamp().unwrap().to_unix();
        assert_eq!(secs * 1000 + u64::from(nanos / 1_000_000), 1_763_800_000_123);
    }

    #[test]
    fn stepping_clock_steps() {
        let c = ManualClock::stepping(10, 5);
        assert_eq!(c.now_millis(), 10);
        assert_eq!(c.now_millis(), 15);
    }
}
