#!/usr/bin/env bash
# Runs every check walletcare has. `.ci/run` calls exactly this script.
# It installs what it needs when missing, so it works on a bare machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export RUST_BACKTRACE=0

started=$SECONDS
last=$SECONDS
# step NAME: starts a step and prints how long the previous one took, so a CI
# log shows where the time goes.
step() {
  if [ -n "${current:-}" ]; then printf '(%s: %d s)\n' "$current" "$((SECONDS - last))"; fi
  current=$*
  last=$SECONDS
  printf '\n==> %s  [+%d s]\n' "$*" "$((SECONDS - started))"
}

step "rustfmt"
cargo fmt --all -- --check

step "clippy (-D warnings)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "tests and doctests"
cargo test --workspace --locked

step "docs (-D warnings)"
RUSTDOCFLAGS=-Dwarnings cargo doc --workspace --no-deps --locked

step "benches compile"
cargo bench --workspace --no-run --locked

step "C library: header, static/shared, C tests, valgrind, ASan/UBSan, mobile targets, Miri"
scripts/c-test.sh

step "npm package (wasm): build, tsc, node --test, headless Chromium, widget end to end"
scripts/wasm-test.sh

step "done in $((SECONDS - started)) s"
