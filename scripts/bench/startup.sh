#!/usr/bin/env bash
# Native start-up to first triage: runs the release `triage` example on one
# line N times (default 50), the whole process each time, and prints the
# median and the fastest wall time, plus the model decoding time the example
# reports on stderr (median). Build first:
#   cargo build --release --example triage
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=target/release/examples/triage
n=${1:-50}
line="saldo kepotong tapi gagal, tolong cepat"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "$line" >"$tmp/in"
walls=()
decodes=()
for _ in $(seq "$n"); do
  # EPOCHREALTIME is a bash builtin: no process besides the example's.
  start=${EPOCHREALTIME/./}
  "$bin" <"$tmp/in" >"$tmp/out" 2>"$tmp/log"
  end=${EPOCHREALTIME/./}
  walls+=("$((end - start))")
  decodes+=("$(sed -n 's/.*ready in \([0-9.]*\) ms.*/\1/p' "$tmp/log")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
fastest() { printf '%s\n' "$@" | sort -g | head -1; }
echo "runs: $n, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "whole process, one line: median $(median "${walls[@]}") us, fastest $(fastest "${walls[@]}") us"
echo "built-in model decoding: median $(median "${decodes[@]}") ms, fastest $(fastest "${decodes[@]}") ms"
