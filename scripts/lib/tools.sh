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
