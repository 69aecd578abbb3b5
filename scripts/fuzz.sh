#!/usr/bin/env bash
# Runs walletcare's cargo-fuzz targets and prints a summary table.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 600; with no TARGET every target runs.
# Each target starts from its committed seeds (fuzz/seeds/<target>/, read
# only) and the corpus it grew before (fuzz/corpus/<target>/, git-ignored),
# runs under `nice -n $FUZZ_NICE` with -rss_limit_mb=2048, and uses the dictionary
# fuzz/dicts/<target>.dict when there is one. Crashes are saved under
# fuzz/artifacts/<target>/ and logs under fuzz/logs/<target>.log.
#
# Environment:
#   FUZZ_JOBS=N    targets run N at a time (default 1; the machine is shared)
#   FUZZ_RUNS=N    also stop a target after N executions
#   FUZZ_ARGS=...  extra libFuzzer flags, e.g. "-max_len=8192"
#   FUZZ_SANITIZER=address|none (default none, see below)
#   FUZZ_NICE=N    niceness of the build and the runs (default 10)
#
# The campaign the issue asks for (10 minutes or 10 million executions per
# target, whichever comes first):
#   FUZZ_RUNS=10000000 scripts/fuzz.sh 600
#
# Needs nightly Rust and cargo-fuzz (`cargo install cargo-fuzz`). CI does not
# run this: it replays the seeds through the same target bodies in
# tests/integration/hostile.rs.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/fuzz"
seconds="${1:-600}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
    echo "usage: $0 [SECONDS_PER_TARGET] [TARGET...]" >&2
    exit 2
fi
shift || true

cd "$fuzz"
mapfile -t all < <(cargo +nightly fuzz list)
if (($# > 0)); then
    targets=("$@")
    for t in "${targets[@]}"; do
        if ! printf '%s\n' "${all[@]}" | grep -qx "$t"; then
            echo "unknown target $t; targets: ${all[*]}" >&2
            exit 2
        fi
    done
else
    targets=("${all[@]}")
fi

# Release with debug assertions (so integer overflow panics, as the core
# promises it never happens on caller data). No sanitizer by default: the
# core forbids unsafe code, so AddressSanitizer would only watch std, serde
# and chrono, at half the speed on a shared two-core machine; set
# FUZZ_SANITIZER=address to turn it on.
build=(--release --debug-assertions --sanitizer "${FUZZ_SANITIZER:-none}")
nice="${FUZZ_NICE:-10}"
echo "building..." >&2
nice -n "$nice" cargo +nightly fuzz build "${build[@]}" >&2

mkdir -p logs
# shellcheck disable=SC2317 # called through xargs
run_one() {
    local t="$1"
    local build
    read -r -a build <<<"$build_flags"
    mkdir -p "corpus/$t" "artifacts/$t"
    local args=(-rss_limit_mb=2048 -max_total_time="$seconds" -timeout=10
        -print_final_stats=1 -artifact_prefix="artifacts/$t/")
    [[ -n "${FUZZ_RUNS:-}" ]] && args+=(-runs="$FUZZ_RUNS")
    [[ -f "dicts/$t.dict" ]] && args+=(-dict="dicts/$t.dict")
    # shellcheck disable=SC2206
    [[ -n "${FUZZ_ARGS:-}" ]] && args+=($FUZZ_ARGS)
    local start end status=0
    start=$(date +%s)
    nice -n "$nice" cargo +nightly fuzz run "${build[@]}" "$t" "corpus/$t" "seeds/$t" -- "${args[@]}" \
        >"logs/$t.log" 2>&1 || status=$?
    end=$(date +%s)
    echo "$status $((end - start))" >"logs/$t.status"
}
export -f run_one
export seconds nice build_flags="${build[*]}"

printf '%s\n' "${targets[@]}" | xargs -P "${FUZZ_JOBS:-1}" -I{} bash -c 'run_one "$@"' _ {}

failed=0
printf '\n%-16s %14s %8s %8s %7s  %s\n' target executions seconds exec/s corpus result
for t in "${targets[@]}"; do
    read -r status elapsed <"logs/$t.status"
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -1)
    corpus=$(find "corpus/$t" -type f | wc -l)
    if [[ "$status" == 0 ]]; then
        result=ok
    else
        failed=1
        artifact=$(grep -o 'Test unit written to [^ ]*' "logs/$t.log" | tail -1 | cut -d' ' -f5)
        reason=$(grep -m1 -E "panicked at|ERROR: (AddressSanitizer|libFuzzer)" "logs/$t.log" || true)
        result="FAILED (exit $status) ${artifact:-see logs/$t.log} ${reason}"
    fi
    printf '%-16s %14s %8s %8s %7s  %s\n' "$t" "${execs:-?}" "$elapsed" "${rate:-?}" "$corpus" "$result"
done
exit "$failed"
