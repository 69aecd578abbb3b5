#!/usr/bin/env bash
# The yearly holiday check: compares every built-in calendar (countries and
# regions) with the independent holiday lists in the shared oracle folder
# (the Python `holidays` package, ../shared/oracles/holidays or
# $WALLETCARE_SHARED_DIR/oracles/holidays) and prints each difference by
# calendar, year and kind, and each year the oracle has a decree for while
# walletcare still estimates it.
#
#   scripts/check-holidays.sh                      # every year 2020-2030
#   scripts/check-holidays.sh --year 2027          # one year
#   scripts/check-holidays.sh --oracle-dir DIR     # another dump (e.g. with holidays_MY-14.csv)
#
# Exit code 0: nothing to do; 1: a difference not in
# tests/oracle_exceptions.csv or a newly decreed year (update
# crates/walletcare-core/data/calendars/, bump the edition line of the file,
# and the expected digests in src/calendar/tests.rs); 2: bad arguments.
#
# To refresh the oracle: dump a newer `holidays` release the way
# ../shared/oracles/holidays/README.md describes, then run this script.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet --example holiday_check -- "$@"
