#!/usr/bin/env bash
# Installs what is missing and runs every check and test: formatting, clippy, all Rust
# tests (unit, integration, crash, bindings, the sync server against SQLite and a local
# PostgreSQL), the UI's svelte-check/tsc and Vitest, and the end-to-end WebDriver test of the
# real app under Xvfb.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
start=$(date +%s)
# A fresh clone is built once: incremental caches would only double the disk it needs.
if [ "${CI:-}" = "true" ]; then export CARGO_INCREMENTAL=0; fi
ensure_system_packages postgresql poppler-utils
ensure_rust
ensure_node
cd "$ROOT"

if ! command -v tauri-driver >/dev/null 2>&1; then
  say "Installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi

ui_build
say "UI: svelte-check + tsc"
(cd ui && npm run check)
say "UI: Vitest"
(cd ui && npm test)

say "PostgreSQL for the server storage tests (a throwaway database per test)"
read -r pg_version pg_cluster pg_port pg_status _ < <(pg_lsclusters -h | head -n1)
if [ "$pg_status" != "online" ]; then
  as_root pg_ctlcluster "$pg_version" "$pg_cluster" start
fi
if ! as_root su postgres -c "psql -p $pg_port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'usahaku_test'\"" | grep -q 1; then
  as_root su postgres -c "psql -p $pg_port -qc \"CREATE ROLE usahaku_test LOGIN CREATEDB PASSWORD 'usahaku_test'\""
fi
export USAHAKU_TEST_PG="postgres://usahaku_test:usahaku_test@127.0.0.1:$pg_port/postgres"

say "cargo fmt --check"
cargo fmt --all --check
say "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
say "cargo test (unit, integration, crash test, bindings up to date)"
cargo test --workspace --locked

say "Fuzzing the sync body decoder (cargo-fuzz, 15 s)"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --version '^0.13' --locked
fi
# libFuzzer's sanitizer flags are nightly-only; RUSTC_BOOTSTRAP lets the stable toolchain
# accept them for this one build.
fuzz_log="$ROOT/target/fuzz-decode_body.log"
mkdir -p "$ROOT/target"
if (cd crates/proto && RUSTC_BOOTSTRAP=1 cargo fuzz run decode_body -- -max_total_time=15 >"$fuzz_log" 2>&1); then
  grep -E '^Done [0-9]+ runs' "$fuzz_log" || true
else
  tail -n 40 "$fuzz_log"
  echo "The fuzz target found a failure (see $fuzz_log and crates/proto/fuzz/artifacts)."
  exit 1
fi

say "End-to-end: the real app through tauri-driver + WebKitWebDriver under Xvfb"
cargo build --workspace --locked # same feature set as the tests: reuses their build
venv="$ROOT/target/e2e-venv"
if [ ! -x "$venv/bin/pytest" ] || ! cmp -s tests/e2e/requirements.txt "$venv/requirements.txt"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt
  cp tests/e2e/requirements.txt "$venv/requirements.txt"
fi
xvfb-run -a -s "-screen 0 1366x768x24" "$venv/bin/pytest" -p no:cacheprovider -q -rA tests/e2e

say "All checks passed in $(( $(date +%s) - start )) s"
