//! Shared by the `usahaku` command tests: run the binary on a data folder, expect success,
//! count the ops written.

#![allow(dead_code, clippy::unwrap_used)] // each test file uses some of these; test code panics

use std::path::Path;
use std::process::{Command, Output};

pub fn usahaku(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_usahaku"))
        .arg("--home")
        .arg(home)
        .args(args)
        .env_remove("USAHAKU_LANG")
        .output()
        .expect("run usahaku")
}

pub fn ok(home: &Path, args: &[&str]) -> String {
    let o = usahaku(home, args);
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn op_count(h: &Path) -> usize {
    serde_json::from_str::<serde_json::Value>(&ok(h, &["ops", "list", "--json", "--limit", "100000"]))
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}
