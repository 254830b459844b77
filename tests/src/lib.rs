//! Whole-system tests of Usahaku: crash safety of the store (`tests/crash.rs`, driving the
//! `crash-writer` binary) and, in `e2e/`, WebDriver tests of the real desktop app.
