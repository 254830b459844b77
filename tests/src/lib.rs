//! Whole-system tests of Usahaku: crash safety of the store (`tests/crash.rs`, driving the
//! `crash-writer` binary), a userspace TCP fault proxy for weak links ([`fault_proxy`]), the
//! sync benchmarks (`sync-bench`), and, in `e2e/`, WebDriver tests of the real desktop app.

pub mod fault_proxy;
