#!/usr/bin/env bash
# Compares walletcare's business-day arithmetic with numpy on this machine:
# 10 million random dates 2020-2030 + 7 business days (numpy.busday_offset,
# roll='following') and business days between 10 million pairs
# (numpy.busday_count), Monday-Friday with Indonesia's holidays exported from
# walletcare's built-in calendar, one thread on both sides. Checks that the
# results agree and prints the throughputs and ratios.
#
#   ./scripts/bench-calendar.sh            # N=10000000 by default
#   N=1000000 ./scripts/bench-calendar.sh  # a quicker run
#
# Creates (and then reuses) a Python virtual environment in .venv-bench/
# (git-ignored) with numpy from PyPI, at the version pinned in
# scripts/bench/requirements.txt (shared with scripts/bench-compare.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
N="${N:-10000000}"
VENV=.venv-bench
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
WORK="$TARGET_DIR/bench-calendar"

step() { printf '\n==> %s\n' "$*"; }

NUMPY_PIN=$(grep '^numpy==' scripts/bench/requirements.txt)

step "Python venv with $NUMPY_PIN ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import numpy, sys; sys.exit(numpy.__version__ != '${NUMPY_PIN#numpy==}')" 2>/dev/null; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "$NUMPY_PIN"
fi
"$VENV/bin/python" -c 'import numpy, sys; print("python", sys.version.split()[0], "numpy", numpy.__version__)'

step "Export Indonesia's holidays from walletcare"
mkdir -p "$WORK"
cargo run --release --quiet --example business_days -- --calendar ID --export-holidays >"$WORK/holidays_ID.txt"
echo "$(wc -l <"$WORK/holidays_ID.txt") holidays -> $WORK/holidays_ID.txt"

step "numpy (inputs drawn here and saved for the Rust bench)"
"$VENV/bin/python" scripts/numpy_busday.py run --dir "$WORK" --holidays "$WORK/holidays_ID.txt" --n "$N"

step "walletcare (criterion, same inputs, single thread)"
WALLETCARE_BENCH_DIR="$WORK" cargo bench --bench calendar -- --noplot 'calendar/'

step "Agreement and ratios"
"$VENV/bin/python" scripts/numpy_busday.py compare --dir "$WORK" --criterion "$TARGET_DIR/criterion"
