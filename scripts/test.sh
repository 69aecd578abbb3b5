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

# Criterion runs each benchmark once when it is started without `--bench`,
# so this proves the benches work, in the test profile the tests already
# built (a release build of the whole workspace only for this cost minutes).
# `--benches` also reruns the library unit tests (seconds); `--bench '*'`
# would resolve features differently and rebuild every dependency.
# Measure with `cargo bench --bench NAME` (BENCHMARKS.md).
step "benches (each run once, criterion's test mode)"
cargo test --workspace --benches --locked

step "tools for the C and npm checks (installed when missing)"
. scripts/lib/tools.sh
ensure_ci_tools

# The C checks and the npm package's checks run side by side: much of each
# is single-threaded (valgrind, Miri, Chromium, the one-codegen-unit LTO of
# the .wasm, wasm-opt), so together they take little more than the longer
# one. Each line is prefixed with its side; a failure of either fails CI.
step "C library (header, static/shared, C tests, valgrind, ASan/UBSan, TSan, mobile targets, Miri) beside the npm package (wasm build, tsc, node --test, headless Chromium, widget, bundlers)"
prefixed() { # LABEL COMMAND...: runs COMMAND, prefixing each line of its output with LABEL
  local label=$1
  shift
  "$@" 2>&1 | sed -u "s/^/[$label] /"
}
prefixed c scripts/c-test.sh &
c_pid=$!
prefixed npm scripts/wasm-test.sh &
npm_pid=$!
status=0
wait "$c_pid" || { echo "error: scripts/c-test.sh failed (lines marked [c])" >&2; status=1; }
wait "$npm_pid" || { echo "error: scripts/wasm-test.sh failed (lines marked [npm])" >&2; status=1; }
[ "$status" = 0 ] || exit 1

step "done in $((SECONDS - started)) s"
