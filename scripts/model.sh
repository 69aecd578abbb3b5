#!/usr/bin/env bash
# Regenerates the prepared built-in triage model,
# crates/walletcare-core/data/triage/builtin_model.bin, from the corpus
# (crates/walletcare-core/data/triage/corpus_*.csv). Run it after changing
# the corpus, the features or the trainer, and commit the file; the test
# `prepared_model_is_current` fails until you do. Training is deterministic:
# the same sources give the same bytes on every machine.
set -euo pipefail
cd "$(dirname "$0")/.."
WC_BLESS=1 cargo test -q -p walletcare-core --lib prepared_model_is_current
bytes=$(wc -c < crates/walletcare-core/data/triage/builtin_model.bin)
echo "wrote crates/walletcare-core/data/triage/builtin_model.bin ($bytes bytes)"
