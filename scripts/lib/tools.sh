# Shared by the scripts: install pinned tools once per machine, into a cache
# folder that later runs (and CI on the same machine) reuse.
# shellcheck shell=bash

WALLETCARE_TOOLS="${WALLETCARE_TOOLS:-$HOME/.cache/walletcare/tools}"
CBINDGEN_VERSION=0.29.4
export PATH="$WALLETCARE_TOOLS/bin:$PATH"

# ensure_cargo_tool CRATE VERSION BINARY: installs CRATE=VERSION unless BINARY
# at that version is already on PATH.
ensure_cargo_tool() {
  local crate=$1 version=$2 binary=$3
  if "$binary" --version 2>/dev/null | grep -q -- "$version"; then
    return 0
  fi
  echo "installing $crate $version into $WALLETCARE_TOOLS (once per machine)"
  # No --locked: the tools' own lockfiles can pin versions the registry
  # mirror does not serve (see ../shared/TOOLCHAIN.md).
  cargo install "$crate" --version "=$version" --root "$WALLETCARE_TOOLS" --quiet
}

# ensure_rust_target TRIPLE
ensure_rust_target() {
  if ! rustup target list --installed | grep -qx "$1"; then
    rustup target add "$1"
  fi
}

# ensure_apt PACKAGE BINARY
ensure_apt() {
  if ! command -v "$2" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
    fi
  fi
}

# ensure_wasm_bindgen_cli: the wasm-bindgen CLI at exactly the version of the
# wasm-bindgen crate in Cargo.lock (they must match).
ensure_wasm_bindgen_cli() {
  local version
  version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
  ensure_cargo_tool wasm-bindgen-cli "$version" wasm-bindgen
}

# ensure_npm_tools: node and npm, and the pinned npm tools of the package's
# build and tests (bindings/wasm/tools: wasm-opt, tsc, playwright-core).
ensure_npm_tools() {
  command -v node >/dev/null 2>&1 || ensure_apt nodejs node
  command -v npm >/dev/null 2>&1 || ensure_apt npm npm
  local tools=bindings/wasm/tools
  if [ ! -x "$tools/node_modules/.bin/wasm-opt" ] || [ ! -x "$tools/node_modules/.bin/tsc" ] \
    || [ ! -d "$tools/node_modules/playwright-core" ]; then
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# ensure_ci_tools: everything scripts/c-test.sh and scripts/wasm-test.sh
# install when missing, installed one after the other, so that the two can
# then run side by side without two package managers racing for one lock.
ensure_ci_tools() {
  ensure_apt valgrind valgrind
  ensure_apt chromium /usr/bin/chromium
  if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    ensure_apt fonts-wqy-microhei /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
  fi
  local target
  for target in wasm32-unknown-unknown aarch64-linux-android aarch64-apple-ios; do
    ensure_rust_target "$target"
  done
  if [ "${C_TEST_SKIP_MIRI:-0}" != 1 ] || [ "${C_TEST_SKIP_TSAN:-0}" != 1 ]; then
    if ! rustup component list --toolchain nightly --installed | grep -q '^rust-src'; then
      rustup component add rust-src --toolchain nightly
    fi
  fi
  if [ "${C_TEST_SKIP_MIRI:-0}" != 1 ] && ! cargo +nightly miri --version >/dev/null 2>&1; then
    rustup component add miri --toolchain nightly
  fi
  ensure_cargo_tool cbindgen "$CBINDGEN_VERSION" cbindgen
  ensure_wasm_bindgen_cli
  ensure_npm_tools
}
