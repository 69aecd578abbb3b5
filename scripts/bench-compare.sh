#!/usr/bin/env bash
# Side-by-side benchmarks: walletcare against the usual baselines, on this
# machine, in one run, printing one table (see BENCHMARKS.md for a run and
# what every figure means).
#
#   ./scripts/bench-compare.sh                   # everything
#   PARTS=calendar ./scripts/bench-compare.sh    # only some parts:
#                                                # calendar, banking77, bindings
#   N=1000000 ROUNDS=2 B77_ROUNDS=1 ./scripts/bench-compare.sh   # quicker
#   WASM_REBUILD=1 ./scripts/bench-compare.sh    # rebuild the npm package first
#   B77_CV=reuse ./scripts/bench-compare.sh      # reuse scikit-learn's C from
#                                                # an earlier run's 5-fold CV
#                                                # (same sklearn, grid, data)
#
# 1. calendar: add 7 business days to N (10 M) dates and count business days
#    between N pairs, Indonesia's calendar (holidays exported from walletcare),
#    numpy.busday_offset / busday_count against walletcare's criterion bench
#    (benches/calendar.rs) on the same inputs, results checked equal; and one
#    date per call: numpy.busday_offset on a scalar in a Python loop against
#    walletcare's single-call criterion bench (same dates, offset and
#    calendar) and against the same calls through the C library.
# 2. banking77: accuracy, macro-F1, training time and classify-one-per-call
#    throughput of scikit-learn (TF-IDF + LinearSVC, C by 5-fold CV) and
#    fastText against walletcare (`cargo run --release --example banking77`
#    and the criterion bench benches/triage.rs), data from
#    ../shared/datasets/banking77/ (or $BANKING77_DIR).
# 3. bindings: triage through the C library (a small C program linked with
#    the static library) and through the npm package in Node, as a multiple
#    of the native Rust call (criterion, benches/triage.rs).
#
# Baseline and walletcare run interleaved (A, B, A, B...: ROUNDS rounds, 3 by
# default, for the calendar and the bindings; B77_ROUNDS, 2 by default, for
# Banking77) and the table shows medians, so machine load hits both sides.
# A part whose prerequisites are missing prints "skipped: <reason>" and the
# rest goes on.
#
# Creates (and reuses) a Python virtual environment in .venv-bench/
# (git-ignored) with the pinned packages of scripts/bench/requirements.txt.
# Everything else goes to $CARGO_TARGET_DIR/bench-compare/ (target/ by
# default): inputs, per-round logs (*.jsonl), build logs and table.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Every baseline on one thread, as walletcare's calls run (BLAS and OpenMP
# pools would otherwise use every core for scikit-learn and numpy).
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
N="${N:-10000000}"
ROUNDS="${ROUNDS:-3}"
B77_ROUNDS="${B77_ROUNDS:-2}"
B77_CV="${B77_CV:-fresh}"
SCALAR_CALLS="${SCALAR_CALLS:-200000}"
PARTS="${PARTS:-calendar,banking77,bindings}"
BANKING77_DIR="${BANKING77_DIR:-../shared/datasets/banking77}"
VENV=.venv-bench
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
OUT="$TARGET_DIR/bench-compare"
CRITERION="$TARGET_DIR/criterion"
LOGS="$OUT/logs"

# The criterion benches the table reads (group/function, as criterion names them).
BENCH_OFFSET=calendar/add_7_business_days_10M
BENCH_COUNT=calendar/business_days_between_10M
BENCH_SINGLE=calendar_single/add_7_business_days_id
BENCH_B77_CALL=triage/classify_banking77_77_classes
BENCH_TRIAGE=triage/triage_builtin_full

step() { printf '\n==> %s\n' "$*"; }
want() { [[ ",$PARTS," == *",$1,"* ]]; }
py() { "$VENV/bin/python" "$@"; }
skip() { py scripts/bench/compare.py skip --part "$1" --reason "$2" --log "$OUT/skipped.jsonl"; }
record_criterion() { # id round n
  py scripts/bench/compare.py criterion --criterion "$CRITERION" --id "$1" --round "$2" --n "$3" --log "$OUT/criterion.jsonl"
}
# Runs one criterion bench function by its exact id; criterion's own output goes to the log.
criterion_run() { # bench-file id log
  cargo bench --quiet --bench "$1" -- --noplot "^$2\$" >>"$3" 2>&1
}

# Builds the C library (release, static) once; fails when it cannot.
FFI_BUILT=""
build_ffi() {
  if [ -z "$FFI_BUILT" ]; then
    if cargo build --release --quiet -p walletcare-ffi >"$LOGS/ffi-build.log" 2>&1; then
      FFI_BUILT=yes
    else
      FFI_BUILT=no
      tail -20 "$LOGS/ffi-build.log"
    fi
  fi
  [ "$FFI_BUILT" = yes ]
}
# Compiles a C program of scripts/bench/ against the static library.
cc_ffi() { # source output
  cc -std=c11 -O2 -Wall -Wextra -Wpedantic -Werror -Ibindings/c/include "$1" \
    "$TARGET_DIR/release/libwalletcare_ffi.a" -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc -o "$2" >>"$LOGS/ffi-build.log" 2>&1
}
HEADER=bindings/c/include/walletcare.h

rm -rf "$OUT"/*.jsonl "$OUT/table.txt" "$LOGS"
BENCH_RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)-$$"
export BENCH_RUN_ID
mkdir -p "$OUT" "$LOGS"

# The machine's load during the run: `uptime` every 30 s into uptime.log
# (summarised with the table; other jobs on the machine skew every figure).
(while :; do uptime; sleep 30; done) >"$OUT/uptime.log" 2>/dev/null &
SAMPLER=$!
trap 'kill "$SAMPLER" 2>/dev/null || true' EXIT

step "Machine"
{
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "nproc:   $(getconf _NPROCESSORS_ONLN)"
  echo "cpu:     $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  if command -v lscpu >/dev/null; then
    echo "lscpu:   $(lscpu | awk -F': *' '/^(CPU\(s\)|Thread\(s\) per core|Core\(s\) per socket|Socket\(s\)|L3 cache):/ {printf "%s%s: %s", sep, $1, $2; sep = ", "}')"
  fi
  echo "memory:  $(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  # shellcheck disable=SC1091
  echo "os:      $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "rustc:   $(rustc --version)"
  echo "cc:      $(cc --version | head -1)"
  echo "node:    $(node --version 2>/dev/null || echo 'not installed')"
  echo "uptime:  $(uptime)"
} | tee "$OUT/machine.txt"

step "Python venv ($VENV) with the pinned packages of scripts/bench/requirements.txt"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check -r scripts/bench/requirements.txt
py - <<'EOF' | tee -a "$OUT/machine.txt"
import sys, numpy, sklearn, importlib.metadata as md
print(f"python:  {sys.version.split()[0]}")
print(f"numpy:   {numpy.__version__}")
print(f"sklearn: {sklearn.__version__}")
print(f"fasttext-wheel: {md.version('fasttext-wheel')}")
EOF

# ---------------------------------------------------------------------------
calendar_part() {
  local cal="$OUT/calendar"
  mkdir -p "$cal"
  step "calendar: export Indonesia's holidays from walletcare"
  cargo run --release --quiet --example business_days -- --calendar ID --export-holidays >"$cal/holidays_ID.txt"
  echo "$(wc -l <"$cal/holidays_ID.txt") holidays -> $cal/holidays_ID.txt"

  step "calendar: draw $N dates and $N pairs; build the criterion bench"
  py scripts/numpy_busday.py draw --dir "$cal" --n "$N"
  cargo bench --quiet --bench calendar --no-run >"$LOGS/calendar-build.log" 2>&1 || {
    tail -20 "$LOGS/calendar-build.log"
    return 1
  }

  # Like-for-like one date per call through the C library, when it is here.
  local cal_c=1
  if [ ! -f "$HEADER" ] || ! grep -q 'wc_calendar_add_business_days' "$HEADER"; then
    skip calendar-c "$HEADER with wc_calendar_add_business_days is not in this tree yet (the C library lands from branch ffi)"
    cal_c=0
  elif ! build_ffi || ! cc_ffi scripts/bench/calendar_c.c "$cal/calendar_c"; then
    skip calendar-c "building the C library or scripts/bench/calendar_c.c failed (see $LOGS/ffi-build.log)"
    cal_c=0
  fi

  local r
  for r in $(seq 1 "$ROUNDS"); do
    step "calendar round $r/$ROUNDS: numpy bulk"
    local save=()
    [ "$r" = 1 ] && save=(--save-results) # numpy's results, for the agreement check
    py scripts/numpy_busday.py time --dir "$cal" --holidays "$cal/holidays_ID.txt" --repeat 3 \
      --log "$OUT/numpy.jsonl" "${save[@]}"
    step "calendar round $r/$ROUNDS: walletcare bulk (criterion)"
    WALLETCARE_BENCH_DIR="$cal" cargo bench --quiet --bench calendar -- --noplot '^calendar/' \
      >>"$LOGS/calendar-criterion.log" 2>&1
    record_criterion "$BENCH_OFFSET" "$r" "$N"
    record_criterion "$BENCH_COUNT" "$r" "$N"
    step "calendar round $r/$ROUNDS: numpy one date per call"
    py scripts/numpy_busday.py scalar --dir "$cal" --holidays "$cal/holidays_ID.txt" \
      --calls "$SCALAR_CALLS" --log "$OUT/numpy.jsonl"
    step "calendar round $r/$ROUNDS: walletcare one date per call (criterion)"
    WALLETCARE_BENCH_DIR="$cal" WALLETCARE_BENCH_SCALAR_CALLS="$SCALAR_CALLS" \
      criterion_run calendar "$BENCH_SINGLE" "$LOGS/calendar-criterion.log"
    record_criterion "$BENCH_SINGLE" "$r" 1
    if [ "$cal_c" = 1 ]; then
      step "calendar round $r/$ROUNDS: walletcare one date per call through the C library (same dates as numpy)"
      if "$cal/calendar_c" "$cal/dates.i32" "$SCALAR_CALLS" "$r" >"$cal/c-$r.json"; then
        cat "$cal/c-$r.json" >>"$OUT/calendar_c.jsonl"
      else
        skip calendar-c "$cal/calendar_c failed"
        cal_c=0
      fi
    fi
  done

  step "calendar: walletcare's results equal numpy's on every input"
  py scripts/numpy_busday.py compare --dir "$cal" --agreement-only
}

# ---------------------------------------------------------------------------
banking77_part() {
  local b77="$OUT/banking77"
  mkdir -p "$b77"
  if [ ! -f "$BANKING77_DIR/train.csv" ] || [ ! -f "$BANKING77_DIR/test.csv" ]; then
    local why="no Banking77 data at $BANKING77_DIR (train.csv, test.csv)"
    skip banking77-scikit-learn "$why"
    skip banking77-fastText "$why"
    skip banking77-walletcare "$why"
    skip banking77-walletcare-per-call "$why"
    return 0
  fi
  if [ "$B77_CV" != reuse ]; then
    rm -f "$b77/sklearn-cv.json" # choose C by 5-fold CV in this run
  fi
  export WALLETCARE_SHARED_DIR
  WALLETCARE_SHARED_DIR="$(cd "$BANKING77_DIR/../.." && pwd)"

  local wc_example=1 wc_bench=1
  step "banking77: build walletcare's example and bench"
  if [ ! -f examples/banking77.rs ]; then
    skip banking77-walletcare "examples/banking77.rs is not in this tree yet (it lands with triage)"
    wc_example=0
  elif ! cargo build --release --quiet --example banking77 >"$LOGS/banking77-build.log" 2>&1; then
    skip banking77-walletcare "cargo build --release --example banking77 failed (see $LOGS/banking77-build.log)"
    wc_example=0
  fi
  if [ ! -f benches/triage.rs ]; then
    skip banking77-walletcare-per-call "benches/triage.rs is not in this tree yet (it lands with triage)"
    wc_bench=0
  elif ! cargo bench --quiet --bench triage --no-run >"$LOGS/triage-build.log" 2>&1; then
    skip banking77-walletcare-per-call "cargo bench --bench triage failed to build (see $LOGS/triage-build.log)"
    wc_bench=0
  fi

  local r
  for r in $(seq 1 "$B77_ROUNDS"); do
    step "banking77 round $r/$B77_ROUNDS: scikit-learn"
    py scripts/bench/banking77.py sklearn --data "$BANKING77_DIR" --out "$b77/sklearn-$r.json" \
      --cv-cache "$b77/sklearn-cv.json"
    py scripts/bench/compare.py banking77-json "$b77/sklearn-$r.json" --round "$r" --log "$OUT/banking77.jsonl"
    if [ "$wc_example" = 1 ]; then
      step "banking77 round $r/$B77_ROUNDS: walletcare (cargo run --release --example banking77)"
      if cargo run --release --quiet --example banking77 >"$b77/walletcare-$r.txt" 2>"$LOGS/banking77-run-$r.log"; then
        cat "$b77/walletcare-$r.txt"
        if ! py scripts/bench/compare.py walletcare-banking77 "$b77/walletcare-$r.txt" --round "$r" \
          --log "$OUT/banking77.jsonl"; then
          skip banking77-walletcare "could not read accuracy, macro-F1 and training time from the example's output ($b77/walletcare-$r.txt)"
          wc_example=0
        fi
      else
        skip banking77-walletcare "the example failed (see $LOGS/banking77-run-$r.log)"
        wc_example=0
      fi
    fi
    step "banking77 round $r/$B77_ROUNDS: fastText"
    py scripts/bench/banking77.py fasttext --data "$BANKING77_DIR" --out "$b77/fasttext-$r.json" --work "$b77"
    py scripts/bench/compare.py banking77-json "$b77/fasttext-$r.json" --round "$r" --log "$OUT/banking77.jsonl"
    if [ "$wc_bench" = 1 ]; then
      step "banking77 round $r/$B77_ROUNDS: walletcare one message per call (criterion $BENCH_B77_CALL)"
      if criterion_run triage "$BENCH_B77_CALL" "$LOGS/triage-criterion.log" &&
        record_criterion "$BENCH_B77_CALL" "$r" 1; then :; else
        skip banking77-walletcare-per-call "criterion bench $BENCH_B77_CALL did not run (see $LOGS/triage-criterion.log)"
        wc_bench=0
      fi
    fi
  done
}

# ---------------------------------------------------------------------------
bindings_part() {
  local bind="$OUT/bindings" header="$HEADER"
  mkdir -p "$bind"
  local native=1 c=1 node=1

  step "bindings: prerequisites"
  if [ ! -f benches/triage.rs ]; then
    skip bindings-native "benches/triage.rs is not in this tree yet (it lands with triage), so there is no native figure to compare with"
    native=0
  elif ! cargo bench --quiet --bench triage --no-run >"$LOGS/triage-build.log" 2>&1; then
    skip bindings-native "cargo bench --bench triage failed to build (see $LOGS/triage-build.log)"
    native=0
  fi
  if [ ! -f "$header" ]; then
    skip bindings-c "$header is not in this tree yet (the C library lands from branch ffi)"
    c=0
  elif ! grep -q 'wc_model_triage' "$header"; then
    skip bindings-c "$header declares no wc_model_triage yet (the triage binding has not landed)"
    c=0
  fi
  if [ ! -f bindings/wasm/Cargo.toml ] || [ ! -x scripts/wasm-build.sh ]; then
    skip bindings-node "bindings/wasm and scripts/wasm-build.sh are not in this tree yet (the npm package lands from branch wasm)"
    node=0
  elif ! grep -qs 'pub fn triage' bindings/wasm/src/triage.rs; then
    skip bindings-node "bindings/wasm exports no triage function yet (the triage binding has not landed)"
    node=0
  elif ! command -v node >/dev/null; then
    skip bindings-node "node is not installed"
    node=0
  fi
  if [ "$c" = 1 ] && ! command -v cc >/dev/null; then
    skip bindings-c "no C compiler (cc) on PATH"
    c=0
  fi
  if [ "$c" = 0 ] && [ "$node" = 0 ]; then
    # Nothing to compare the native call with.
    [ "$native" = 1 ] && skip bindings-native "neither binding could run, so the native call was not timed either"
    return 0
  fi

  # The texts the native bench triages: the built-in corpus, NUL-separated.
  if ! py scripts/bench/triage_texts.py >"$bind/texts.bin" 2>"$LOGS/triage-texts.log"; then
    cat "$LOGS/triage-texts.log"
    for part in bindings-c bindings-node; do
      skip "$part" "could not read the built-in triage corpus (see $LOGS/triage-texts.log)"
    done
    return 0
  fi
  echo "$(cat "$LOGS/triage-texts.log") -> $bind/texts.bin"

  if [ "$c" = 1 ]; then
    step "bindings: build the C library (release, static) and the C timing program"
    if build_ffi && cc_ffi scripts/bench/triage_c.c "$bind/triage_c"; then
      echo "built $bind/triage_c"
    else
      tail -20 "$LOGS/ffi-build.log"
      skip bindings-c "building the C library or scripts/bench/triage_c.c failed (see $LOGS/ffi-build.log)"
      c=0
    fi
  fi
  if [ "$node" = 1 ]; then
    # The package is built by scripts/wasm-build.sh (minutes: wasm-opt, and
    # the wasm-bindgen CLI the first time); build it when it is missing, or
    # older than the sources it is made of, or when WASM_REBUILD=1.
    local pkg_js=bindings/wasm/pkg/node/walletcare.js pkg_wasm=bindings/wasm/pkg/web/walletcare_triage.wasm why=""
    if [ ! -f "$pkg_js" ] || [ ! -f "$pkg_wasm" ]; then
      why="bindings/wasm/pkg is missing"
    elif [ "${WASM_REBUILD:-0}" = 1 ]; then
      why="WASM_REBUILD=1"
    elif [ -n "$(find bindings/wasm/src bindings/wasm/Cargo.toml crates/walletcare-core/src crates/walletcare-core/data crates/walletcare-api/src \
      Cargo.lock scripts/wasm-build.sh -newer "$pkg_wasm" -type f -print -quit 2>/dev/null)" ]; then
      why="bindings/wasm/pkg is older than its sources"
    fi
    if [ -n "$why" ]; then
      step "bindings: build the npm package (scripts/wasm-build.sh: $why)"
      local t0=$SECONDS
      if scripts/wasm-build.sh >"$LOGS/wasm-build.log" 2>&1 && [ -f "$pkg_js" ]; then
        tail -2 "$LOGS/wasm-build.log"
        echo "built in $((SECONDS - t0)) s"
      else
        tail -20 "$LOGS/wasm-build.log"
        skip bindings-node "scripts/wasm-build.sh failed or made no $pkg_js (see $LOGS/wasm-build.log)"
        node=0
      fi
    else
      step "bindings: the npm package in bindings/wasm/pkg is up to date ($(cat bindings/wasm/pkg/SIZE 2>/dev/null || echo 'no SIZE file'))"
    fi
  fi

  local r
  for r in $(seq 1 "$ROUNDS"); do
    if [ "$native" = 1 ]; then
      step "bindings round $r/$ROUNDS: native Rust (criterion $BENCH_TRIAGE)"
      if criterion_run triage "$BENCH_TRIAGE" "$LOGS/triage-criterion.log" &&
        record_criterion "$BENCH_TRIAGE" "$r" 1; then :; else
        skip bindings-native "criterion bench $BENCH_TRIAGE did not run (see $LOGS/triage-criterion.log)"
        native=0
      fi
    fi
    if [ "$c" = 1 ]; then
      step "bindings round $r/$ROUNDS: C library"
      if "$bind/triage_c" "$bind/texts.bin" "$r" >"$bind/c-$r.json"; then
        cat "$bind/c-$r.json" >>"$OUT/bindings.jsonl"
      else
        skip bindings-c "$bind/triage_c failed (exit $?)"
        c=0
      fi
    fi
    if [ "$node" = 1 ]; then
      step "bindings round $r/$ROUNDS: npm package in Node"
      if node scripts/bench/triage_node.cjs "$ROOT/bindings/wasm/pkg/node/walletcare.js" "$bind/texts.bin" "$r" \
        >"$bind/node-$r.json"; then
        cat "$bind/node-$r.json" >>"$OUT/bindings.jsonl"
      else
        skip bindings-node "scripts/bench/triage_node.cjs failed (exit $?)"
        node=0
      fi
    fi
  done
}

started=$SECONDS
durations=()
# (Not `want x && x_part`: errexit is off inside a function called from an && list.)
for part in calendar banking77 bindings; do
  if want "$part"; then
    t0=$SECONDS
    "${part}_part"
    durations+=("$part $((SECONDS - t0)) s")
  fi
done

step "Results (medians over the rounds; $((SECONDS - started)) s)"
{
  printf 'parts:   '
  printf '%s, ' "${durations[@]}"
  echo "all $((SECONDS - started)) s"
  echo "uptime after: $(uptime)"
  awk '{ sub(/.*load average: /, ""); split($0, l, ", "); n++; s += l[1]; if (n == 1 || l[1] < lo) lo = l[1]; if (l[1] > hi) hi = l[1] }
    END { if (n) printf "load:    1-minute load average over %d samples (every 30 s): min %.2f, mean %.2f, max %.2f (%s cores)\n", n, lo, s / n, hi, "'"$(getconf _NPROCESSORS_ONLN)"'" }' \
    "$OUT/uptime.log"
} | tee -a "$OUT/machine.txt"
echo
py scripts/bench/compare.py report --dir "$OUT" \
  --triage-classify-bench "$BENCH_B77_CALL" --triage-native-bench "$BENCH_TRIAGE" --parts "$PARTS"
