#!/usr/bin/env bash
# Generates bindings/wasm/types/walletcare-types.d.ts, the TypeScript
# declarations of every input and output object of the npm package and the
# ErrorCode union, from the Rust types (ts-rs, the `typescript` feature of
# walletcare-core and walletcare-api). With --check, fails if the checked-in
# file differs from a fresh one, as scripts/c-header.sh --check does for the
# C header.
set -euo pipefail
cd "$(dirname "$0")/.."

types=bindings/wasm/types/walletcare-types.d.ts
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
cargo run --quiet -p walletcare-api --features typescript --example typescript -- --out "$fresh" 2>/dev/null \
  || cargo run --quiet -p walletcare-api --features typescript --example typescript -- --out "$fresh"
if [ "${1:-}" = "--check" ]; then
  if ! diff -u "$types" "$fresh"; then
    echo "error: $types is stale (the Rust types changed): run scripts/ts-types.sh and commit it" >&2
    exit 1
  fi
  echo "TypeScript declarations are up to date ($(grep -c '^export ' "$types") types)"
else
  mv "$fresh" "$types"
  trap - EXIT
  echo "wrote $types ($(grep -c '^export ' "$types") types)"
fi
