#!/usr/bin/env bash
# Builds and runs the Usahaku desktop app on the embedded local store.
# Data lives in ~/.local/share/usahaku (or --home DIR / USAHAKU_HOME).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_system_packages
ensure_rust
ensure_node
ui_build
say "Building and starting the app (first build takes a few minutes)"
cd "$ROOT"
exec cargo run -p usahaku-app -- "$@"
