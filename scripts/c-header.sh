#!/usr/bin/env bash
# Generates bindings/c/include/walletcare.h with the pinned cbindgen.
# With --check, fails if the checked-in header differs from a fresh one.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/tools.sh
ensure_cargo_tool cbindgen "$CBINDGEN_VERSION" cbindgen

header=bindings/c/include/walletcare.h
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
cbindgen --quiet --config bindings/c/cbindgen.toml --crate walletcare-ffi --output "$fresh" bindings/c
if [ "${1:-}" = "--check" ]; then
  if ! diff -u "$header" "$fresh"; then
    echo "error: $header is stale: run scripts/c-header.sh and commit it" >&2
    exit 1
  fi
  echo "header is up to date ($(wc -c < "$header") bytes)"
else
  mv "$fresh" "$header"
  trap - EXIT
  echo "wrote $header ($(wc -c < "$header") bytes)"
fi
