//! Integration tests: calendar.
//!
//! - `oracle`: every date 2020-2030 of every built-in calendar against the
//!   independent lists in `../shared/oracles/holidays/`, with the checked-in
//!   exceptions in `tests/oracle_exceptions.csv`;
//! - `props`: property tests (10 000 cases each) of the O(1) arithmetic
//!   against a slow day-by-day reference kept here;
//! - the rest: behaviour of the public API.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use walletcare::calendar::{
    BusinessCalendar, CalendarError, CalendarId, CalendarSpec, Holiday, HolidayKind,
    NonBusinessReason, RollConvention, Weekmask, WorkingDay, YearRange, date_from_epoch_day,
    epoch_day,
};
use walletcare::error::{ErrorCode, HasErrorCode};
use walletcare::locale::{Locale, Render};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

// ---------------------------------------------------------------------------
// Oracle comparison
// ---------------------------------------------------------------------------

mod oracle {
    use super::*;

    /// `../shared/oracles/holidays`, or `$WALLETCARE_SHARED_DIR/oracles/holidays`.
    fn oracle_dir() -> PathBuf {
        let shared = std::env::var_os("WALLETCARE_SHARED_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
        let dir = shared.join("oracles/holidays");
        assert!(
            dir.is_dir(),
            "the holiday oracles are missing: expected the folder {} (set WALLETCARE_SHARED_DIR \
             to the shared folder, or put `shared` next to the repository root)",
            dir.display()
        );
        dir
    }

    /// The dates (first column) of an oracle CSV with a header line.
    fn read_dates(file: &str) -> BTreeSet<NaiveDate> {
        let path = oracle_dir().join(file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        text.lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let field = l.split(',').next().unwrap().trim();
                NaiveDate::parse_from_str(field, "%Y-%m-%d")
                    .unwrap_or_else(|e| panic!("{file}: bad date {field:?}: {e}"))
            })
            .filter(|d| (2020..=2030).contains(&d.year()))
            .collect()
    }

    /// One difference between our data and the oracle.
    #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
    pub(super) struct Difference {
        pub(super) calendar: String,
        pub(super) date: NaiveDate,
        /// `holiday_missing` (the oracle lists a day off we do not),
        /// `holiday_extra` (we list a day off the oracle does not),
        /// `workday_missing` / `workday_extra` (China's make-up days), or
        /// `kind_mismatch` (Indonesia: cuti bersama vs national holiday).
        pub(super) kind: String,
    }

    fn diff(
        out: &mut Vec<Difference>,
        id: CalendarId,
        kind: &str,
        ours: &BTreeSet<NaiveDate>,
        theirs: &BTreeSet<NaiveDate>,
    ) {
        for d in theirs.difference(ours) {
            out.push(Difference {
                calendar: id.code().to_owned(),
                date: *d,
                kind: format!("{kind}_missing"),
            });
        }
        for d in ours.difference(theirs) {
            out.push(Difference {
                calendar: id.code().to_owned(),
                date: *d,
                kind: format!("{kind}_extra"),
            });
        }
    }

    /// Every difference between the built-in calendars and the oracles.
    pub(super) fn differences() -> Vec<Difference> {
        let mut out = Vec::new();
        for id in CalendarId::ALL {
            let cal = BusinessCalendar::builtin(id);
            let ours: BTreeSet<NaiveDate> = cal.holidays().iter().map(|h| h.date).collect();
            let code = id.code();
            let mut theirs = read_dates(&format!("holidays_{code}.csv"));
            if id == CalendarId::Indonesia {
                let cuti = read_dates("cuti_bersama_ID.csv");
                let our_cuti: BTreeSet<NaiveDate> = cal
                    .holidays()
                    .iter()
                    .filter(|h| h.kind == HolidayKind::CollectiveLeave)
                    .map(|h| h.date)
                    .collect();
                // Days both list as days off but classify differently.
                for d in ours.intersection(&theirs.union(&cuti).copied().collect()) {
                    if our_cuti.contains(d) != (cuti.contains(d) && !theirs.contains(d)) {
                        out.push(Difference {
                            calendar: code.to_owned(),
                            date: *d,
                            kind: "kind_mismatch".to_owned(),
                        });
                    }
                }
                theirs.extend(cuti);
            }
            diff(&mut out, id, "holiday", &ours, &theirs);
            if id == CalendarId::China {
                let ours: BTreeSet<NaiveDate> = cal.working_days().iter().map(|w| w.date).collect();
                diff(
                    &mut out,
                    id,
                    "workday",
                    &ours,
                    &read_dates("workdays_CN.csv"),
                );
            }
        }
        out.sort();
        out
    }

    /// The checked-in exceptions: (calendar, date, kind) -> reason.
    pub(super) fn exceptions() -> BTreeMap<(String, NaiveDate, String), String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle_exceptions.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut map = BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || n == 0 {
                continue;
            }
            let mut parts = line.splitn(4, ',');
            let (cal, d, kind, reason) = (
                parts.next().unwrap().trim().to_owned(),
                parts.next().unwrap_or_default().trim(),
                parts.next().unwrap_or_default().trim().to_owned(),
                parts.next().unwrap_or_default().trim().to_owned(),
            );
            let d = NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .unwrap_or_else(|e| panic!("oracle_exceptions.csv line {}: {e}", n + 1));
            assert!(
                reason.len() >= 20,
                "oracle_exceptions.csv line {}: give a real reason",
                n + 1
            );
            let previous = map.insert((cal, d, kind), reason);
            assert!(
                previous.is_none(),
                "oracle_exceptions.csv line {}: duplicate",
                n + 1
            );
        }
        map
    }

    #[test]
    fn builtin_calendars_match_the_oracles_except_listed_differences() {
        let exceptions = exceptions();
        let unexplained: Vec<String> = differences()
            .into_iter()
            .filter(|d| !exceptions.contains_key(&(d.calendar.clone(), d.date, d.kind.clone())))
            .map(|d| {
                format!(
                    "{},{},{}  ({})",
                    d.calendar,
                    d.date,
                    d.kind,
                    d.date.weekday()
                )
            })
            .collect();
        assert!(
            unexplained.is_empty(),
            "{} differences from the oracle are not in tests/oracle_exceptions.csv:\n{}",
            unexplained.len(),
            unexplained.join("\n")
        );
    }

    #[test]
    fn oracle_exceptions_have_no_stale_entries() {
        let current: BTreeSet<(String, NaiveDate, String)> = differences()
            .into_iter()
            .map(|d| (d.calendar, d.date, d.kind))
            .collect();
        let stale: Vec<String> = exceptions()
            .into_keys()
            .filter(|k| !current.contains(k))
            .map(|(c, d, k)| format!("{c},{d},{k}"))
            .collect();
        assert!(
            stale.is_empty(),
            "tests/oracle_exceptions.csv lists differences that no longer exist:\n{}",
            stale.join("\n")
        );
    }
}
