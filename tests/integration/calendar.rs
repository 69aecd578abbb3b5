//! Integration tests: calendar.
//!
//! - `oracle`: every date 2020-2030 of every built-in calendar against the
//!   independent lists in `../shared/oracles/holidays/`, with the checked-in
//!   exceptions in `tests/oracle_exceptions.csv` (regions such as `MY-14`
//!   are compared when the oracle folder has their `holidays_MY-14.csv`);
//! - `props`: property tests (10 000 cases each) of the O(1) arithmetic
//!   against a slow day-by-day reference kept here;
//! - the rest: behaviour of the public API.

// Test helpers outside `#[test]` functions (strategies, the reference) may
// panic like the tests themselves.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use walletcare::calendar::{
    BusinessCalendar, CalendarError, CalendarId, CalendarSpec, Holiday, HolidayKind,
    NonBusinessReason, RollConvention, Tz, Weekmask, WorkingDay, YearRange, date_from_epoch_day,
    epoch_day,
};
use walletcare::error::{ErrorCode, HasErrorCode};
use walletcare::locale::{Locale, Render};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn tz(name: &str) -> Tz {
    name.parse().unwrap()
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

    /// Whether the oracle has a file (regions have one only where the
    /// shared folder carries subdivision data).
    fn has_oracle(file: &str) -> bool {
        oracle_dir().join(file).is_file()
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
        code: &str,
        kind: &str,
        ours: &BTreeSet<NaiveDate>,
        theirs: &BTreeSet<NaiveDate>,
    ) {
        for d in theirs.difference(ours) {
            out.push(Difference {
                calendar: code.to_owned(),
                date: *d,
                kind: format!("{kind}_missing"),
            });
        }
        for d in ours.difference(theirs) {
            out.push(Difference {
                calendar: code.to_owned(),
                date: *d,
                kind: format!("{kind}_extra"),
            });
        }
    }

    /// The built-in codes the oracle has data for: every country, and the
    /// regions whose `holidays_<CODE>.csv` is in the oracle folder.
    pub(super) fn compared_codes() -> Vec<&'static str> {
        BusinessCalendar::builtin_codes()
            .into_iter()
            .filter(|c| has_oracle(&format!("holidays_{c}.csv")))
            .collect()
    }

    /// Every difference between the built-in calendars and the oracles.
    pub(super) fn differences() -> Vec<Difference> {
        let mut out = Vec::new();
        for code in compared_codes() {
            let cal = BusinessCalendar::builtin_code(code).unwrap();
            let ours: BTreeSet<NaiveDate> = cal.holidays().iter().map(|h| h.date).collect();
            let mut theirs = read_dates(&format!("holidays_{code}.csv"));
            if code == "ID" {
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
            diff(&mut out, code, "holiday", &ours, &theirs);
            if code == "CN" {
                let ours: BTreeSet<NaiveDate> = cal.working_days().iter().map(|w| w.date).collect();
                diff(
                    &mut out,
                    code,
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

    /// Whether a difference is listed, for its calendar or, for a region
    /// (`MY-14`), for its country (`MY`): a region inherits the country's
    /// data and so its explained differences.
    fn is_listed(
        exceptions: &BTreeMap<(String, NaiveDate, String), String>,
        d: &Difference,
    ) -> bool {
        let country = d.calendar.split('-').next().unwrap_or_default().to_owned();
        exceptions.contains_key(&(d.calendar.clone(), d.date, d.kind.clone()))
            || exceptions.contains_key(&(country, d.date, d.kind.clone()))
    }

    #[test]
    fn builtin_calendars_match_the_oracles_except_listed_differences() {
        let exceptions = exceptions();
        let unexplained: Vec<String> = differences()
            .into_iter()
            .filter(|d| !is_listed(&exceptions, d))
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
        // Exceptions of a region are checked only where the oracle has its
        // subdivision data.
        let compared = compared_codes();
        let stale: Vec<String> = exceptions()
            .into_keys()
            .filter(|k| compared.contains(&k.0.as_str()) && !current.contains(k))
            .map(|(c, d, k)| format!("{c},{d},{k}"))
            .collect();
        assert!(
            stale.is_empty(),
            "tests/oracle_exceptions.csv lists differences that no longer exist:\n{}",
            stale.join("\n")
        );
    }
}

// ---------------------------------------------------------------------------
// Slow day-by-day reference (tests only)
// ---------------------------------------------------------------------------

/// A day-by-day implementation of the calendar rules, straight from the
/// definitions, to check the O(1) arithmetic against.
struct Reference {
    mask: Weekmask,
    holidays: BTreeSet<NaiveDate>,
    working: BTreeSet<NaiveDate>,
    coverage: Option<YearRange>,
}

impl Reference {
    fn new(cal: &BusinessCalendar) -> Reference {
        Reference {
            mask: cal.weekmask(),
            holidays: cal.holidays().iter().map(|h| h.date).collect(),
            working: cal.working_days().iter().map(|w| w.date).collect(),
            coverage: cal.coverage(),
        }
    }

    fn covered(&self, d: NaiveDate) -> bool {
        self.coverage.is_none_or(|r| r.contains(d.year()))
    }

    fn is_business_day(&self, d: NaiveDate) -> bool {
        self.working.contains(&d)
            || (self.mask.contains(d.weekday()) && !self.holidays.contains(&d))
    }

    fn add(&self, d: NaiveDate, n: i64) -> Result<NaiveDate, CalendarError> {
        if !self.covered(d) {
            return Err(CalendarError::NotCovered { year: d.year() });
        }
        let step = if n >= 0 {
            Duration::days(1)
        } else {
            Duration::days(-1)
        };
        let mut x = d;
        while !self.is_business_day(x) {
            x += step;
            if !self.covered(x) {
                return Err(CalendarError::NotCovered { year: x.year() });
            }
        }
        let mut left = n.abs();
        while left > 0 {
            x += step;
            if !self.covered(x) {
                return Err(CalendarError::NotCovered { year: x.year() });
            }
            if self.is_business_day(x) {
                left -= 1;
            }
        }
        Ok(x)
    }

    /// numpy's `busday_count`: from `a` included towards `b` excluded.
    fn between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
        let (from, to) = if b >= a {
            (a, b)
        } else {
            (b.succ_opt().unwrap(), a.succ_opt().unwrap())
        };
        if let Some(r) = self.coverage {
            if from.year() < r.first {
                return Err(CalendarError::NotCovered { year: from.year() });
            }
            if to > date(r.last + 1, 1, 1) {
                return Err(CalendarError::NotCovered { year: to.year() });
            }
        }
        let count = from
            .iter_days()
            .take_while(|d| *d < to)
            .filter(|d| self.is_business_day(*d))
            .count() as i64;
        Ok(if b < a { -count } else { count })
    }
}

/// Business time in `[start, end]`, summed day by day over the periods'
/// instants (gaps read with the offset before them, folds the earlier
/// instant, as documented).
fn reference_business_time(
    cal: &BusinessCalendar,
    start: chrono::DateTime<Utc>,
    end: chrono::DateTime<Utc>,
) -> Duration {
    let tz = cal.time_zone();
    let r = Reference::new(cal);
    let instant = |d: NaiveDate, secs: u32| -> chrono::DateTime<Utc> {
        let ndt = d.and_hms_opt(0, 0, 0).unwrap() + Duration::seconds(i64::from(secs));
        match tz.from_local_datetime(&ndt) {
            chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
            chrono::LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
            chrono::LocalResult::None => {
                let before = tz.offset_from_utc_datetime(&(ndt - Duration::days(1)));
                use chrono::Offset;
                (ndt - Duration::seconds(i64::from(before.fix().local_minus_utc()))).and_utc()
            }
        }
    };
    if end <= start {
        return Duration::zero();
    }
    let first = start.with_timezone(&tz).date_naive();
    let last = end.with_timezone(&tz).date_naive();
    let mut total = Duration::zero();
    for d in first.iter_days().take_while(|d| *d <= last) {
        if !r.is_business_day(d) {
            continue;
        }
        for p in cal.business_hours() {
            let (s, e) = (instant(d, p.start.seconds()), instant(d, p.end.seconds()));
            let (s, e) = (s.max(start), e.min(end));
            if e > s {
                total += e - s;
            }
        }
    }
    total
}

/// A calendar in a zone with clock changes inside business hours: every day
/// is a business day, 01:00-03:30 and 12:00-13:00 New York time.
fn new_york_night_shift() -> BusinessCalendar {
    static CAL: std::sync::OnceLock<BusinessCalendar> = std::sync::OnceLock::new();
    CAL.get_or_init(|| {
        BusinessCalendar::from_json(
            r#"{"name":"NY night shift","time_zone":"America/New_York","weekmask":"1111111",
                "business_hours":[{"start":"01:00","end":"03:30"},{"start":"12:00","end":"13:00"}]}"#,
        )
        .unwrap()
    })
    .clone()
}

// ---------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------

mod props {
    use super::*;
    use proptest::prelude::*;

    fn builtin() -> impl Strategy<Value = BusinessCalendar> {
        prop::sample::select(CalendarId::ALL.to_vec()).prop_map(BusinessCalendar::builtin)
    }

    /// Dates from mid-2019 to mid-2031: mostly covered, some not.
    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (epoch_day(date(2019, 6, 1))..epoch_day(date(2031, 7, 1)))
            .prop_map(|d| date_from_epoch_day(d).unwrap())
    }

    fn covered_date() -> impl Strategy<Value = NaiveDate> {
        (epoch_day(date(2020, 1, 1))..epoch_day(date(2031, 1, 1)))
            .prop_map(|d| date_from_epoch_day(d).unwrap())
    }

    /// A calendar without coverage: random weekmask, holidays in 2000-2001,
    /// make-up working days on weekend dates.
    fn custom() -> impl Strategy<Value = BusinessCalendar> {
        (
            1_u8..128,
            prop::collection::vec(0_i64..730, 0..60),
            prop::collection::vec(0_i64..730, 0..20),
        )
            .prop_map(|(mask, hol, work)| {
                let days: Vec<Weekday> = (0..7)
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| Weekday::try_from(i as u8).unwrap())
                    .collect();
                let weekmask = Weekmask::from_weekdays(&days);
                let base = date(2000, 1, 1);
                let mut spec = CalendarSpec::new(tz("Asia/Jakarta"));
                spec.weekmask = weekmask;
                let hol: BTreeSet<NaiveDate> =
                    hol.iter().map(|&i| base + Duration::days(i)).collect();
                spec.holidays = hol
                    .iter()
                    .map(|&d| Holiday {
                        date: d,
                        name: "Test holiday".into(),
                        kind: HolidayKind::Public,
                        estimated: false,
                    })
                    .collect();
                let work: BTreeSet<NaiveDate> =
                    work.iter().map(|&i| base + Duration::days(i)).collect();
                spec.working_days = work
                    .iter()
                    .filter(|d| !weekmask.contains(d.weekday()) && !hol.contains(d))
                    .map(|&d| WorkingDay {
                        date: d,
                        name: "Test working day".into(),
                        estimated: false,
                    })
                    .collect();
                BusinessCalendar::new(spec).unwrap()
            })
    }

    fn instant_in(from: i64, to: i64) -> impl Strategy<Value = chrono::DateTime<Utc>> {
        (from..to, 0_u32..1_000_000_000)
            .prop_map(|(s, ns)| chrono::DateTime::from_timestamp(s, ns).unwrap())
    }

    fn ts(y: i32, m: u32, d: u32) -> i64 {
        Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap().timestamp()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn fast_add_equals_day_by_day_reference(cal in builtin(), d in any_date(), n in -800_i64..800) {
            let r = Reference::new(&cal);
            prop_assert_eq!(cal.add_business_days(d, n), r.add(d, n));
        }

        #[test]
        fn fast_between_equals_day_by_day_reference(cal in builtin(), a in any_date(), b in any_date()) {
            let r = Reference::new(&cal);
            prop_assert_eq!(cal.business_days_between(a, b), r.between(a, b));
        }

        #[test]
        fn fast_is_business_day_equals_reference(cal in builtin(), d in covered_date()) {
            prop_assert_eq!(cal.is_business_day(d).unwrap(), Reference::new(&cal).is_business_day(d));
        }

        #[test]
        fn fast_paths_equal_reference_beyond_the_table(
            cal in custom(),
            a in (epoch_day(date(1995, 1, 1))..epoch_day(date(2007, 1, 1))),
            b in (epoch_day(date(1995, 1, 1))..epoch_day(date(2007, 1, 1))),
            n in -3000_i64..3000,
        ) {
            let r = Reference::new(&cal);
            let (a, b) = (date_from_epoch_day(a).unwrap(), date_from_epoch_day(b).unwrap());
            prop_assert_eq!(cal.add_business_days(a, n), r.add(a, n));
            prop_assert_eq!(cal.business_days_between(a, b), r.between(a, b));
            prop_assert_eq!(cal.is_business_day(a).unwrap(), r.is_business_day(a));
            let next = a.iter_days().skip(1).find(|d| r.is_business_day(*d)).unwrap();
            prop_assert_eq!(cal.next_business_day(a).unwrap(), next);
            let mut prev = a.pred_opt().unwrap();
            while !r.is_business_day(prev) {
                prev = prev.pred_opt().unwrap();
            }
            prop_assert_eq!(cal.previous_business_day(a).unwrap(), prev);
        }

        #[test]
        fn add_then_between_gives_n_back(cal in builtin(), d in covered_date(), n in -600_i64..600) {
            // Exact property: the count runs from the rolled start (following
            // for n >= 0, preceding for n < 0) to the result.
            if let Ok(end) = cal.add_business_days(d, n) {
                let conv = if n >= 0 { RollConvention::Following } else { RollConvention::Preceding };
                let start = cal.roll(d, conv).unwrap();
                prop_assert_eq!(cal.business_days_between(start, end).unwrap(), n);
                if cal.is_business_day(d).unwrap() {
                    prop_assert_eq!(cal.business_days_between(d, end).unwrap(), n);
                }
            }
        }

        #[test]
        fn add_is_additive_after_rolling_in_the_direction_of_the_first_step(
            cal in builtin(), d in covered_date(), a in -300_i64..300, b in -300_i64..300,
        ) {
            // add(add(d, a), b) == add(roll(d), a + b), where roll is
            // following if a >= 0 and preceding if a < 0. When d is a business
            // day the roll is the identity, so add(add(d, a), b) == add(d, a + b).
            if let Ok(first) = cal.add_business_days(d, a) {
                let conv = if a >= 0 { RollConvention::Following } else { RollConvention::Preceding };
                let rolled = cal.roll(d, conv).unwrap();
                prop_assert_eq!(cal.add_business_days(first, b), cal.add_business_days(rolled, a + b));
                if cal.is_business_day(d).unwrap() {
                    prop_assert_eq!(cal.add_business_days(first, b), cal.add_business_days(d, a + b));
                }
            }
        }

        #[test]
        fn results_are_always_business_days(cal in builtin(), d in covered_date(), n in -1000_i64..1000, at in instant_in(ts(2020, 1, 1), ts(2030, 12, 1))) {
            let is_bd = |x: NaiveDate| cal.is_business_day(x).unwrap();
            if let Ok(x) = cal.add_business_days(d, n) { prop_assert!(is_bd(x)); }
            if let Ok(x) = cal.next_business_day(d) { prop_assert!(is_bd(x) && x > d); }
            if let Ok(x) = cal.previous_business_day(d) { prop_assert!(is_bd(x) && x < d); }
            for conv in [RollConvention::Following, RollConvention::Preceding, RollConvention::ModifiedFollowing, RollConvention::ModifiedPreceding] {
                if let Ok(x) = cal.roll(d, conv) { prop_assert!(is_bd(x)); }
            }
            if let Ok(x) = cal.start_date(at) {
                prop_assert!(is_bd(x));
                prop_assert!(x >= at.with_timezone(&cal.time_zone()).date_naive());
            }
        }

        #[test]
        fn epoch_batches_equal_single_calls(
            cal in builtin(),
            days in prop::collection::vec(epoch_day(date(2020, 1, 1))..epoch_day(date(2031, 1, 1)), 1..40),
            n in -40_i64..40,
        ) {
            let mut out = vec![0; days.len()];
            let batch = cal.add_business_days_epoch_into(&days, n, &mut out);
            let singles: Result<Vec<i32>, _> = days.iter().map(|&d| cal.add_business_days_epoch(d, n)).collect();
            match singles {
                Ok(v) => { prop_assert!(batch.is_ok()); prop_assert_eq!(out, v); }
                Err(_) => prop_assert!(matches!(batch, Err(CalendarError::InBatch { .. })), "{:?}", batch),
            }
            let ends: Vec<i32> = days.iter().rev().copied().collect();
            let mut counts = vec![0; days.len()];
            cal.business_days_between_epoch_into(&days, &ends, &mut counts).unwrap();
            for i in 0..days.len() {
                prop_assert_eq!(counts[i], cal.business_days_between_epoch(days[i], ends[i]).unwrap());
            }
        }

        #[test]
        fn business_duration_between_matches_day_by_day_reference(
            cal in builtin(), start in instant_in(ts(2020, 1, 2), ts(2030, 11, 1)), span in 0_i64..(40 * 86_400),
        ) {
            let end = start + Duration::seconds(span);
            prop_assert_eq!(cal.business_duration_between(start, end).unwrap(), reference_business_time(&cal, start, end));
        }

        #[test]
        fn business_duration_matches_reference_across_clock_changes(
            start in instant_in(ts(2023, 1, 1), ts(2025, 12, 1)), span in 0_i64..(20 * 86_400),
        ) {
            let cal = new_york_night_shift();
            let end = start + Duration::seconds(span);
            prop_assert_eq!(cal.business_duration_between(start, end).unwrap(), reference_business_time(&cal, start, end));
        }

        #[test]
        fn duration_between_start_and_added_duration_gives_the_duration_back(
            ny in any::<bool>(), cal in builtin(), at in instant_in(ts(2020, 1, 2), ts(2030, 6, 1)), secs in 0_i64..(300 * 3600), ns in 0_i64..1_000_000_000,
        ) {
            let cal = if ny { new_york_night_shift() } else { cal };
            let dur = Duration::seconds(secs) + Duration::nanoseconds(ns);
            let due = cal.add_business_duration(at, dur).unwrap();
            prop_assert!(due >= at);
            prop_assert_eq!(cal.business_duration_between(at, due).unwrap(), dur);
            // Earliest such instant: a nanosecond earlier is not enough.
            if dur > Duration::zero() {
                prop_assert!(cal.business_duration_between(at, due - Duration::nanoseconds(1)).unwrap() < dur);
            }
        }

        #[test]
        fn adding_business_durations_is_additive(
            ny in any::<bool>(), cal in builtin(), at in instant_in(ts(2020, 1, 2), ts(2030, 6, 1)), x in 0_i64..(100 * 3600), y in 0_i64..(100 * 3600),
        ) {
            let cal = if ny { new_york_night_shift() } else { cal };
            let (x, y) = (Duration::seconds(x), Duration::seconds(y));
            let step = cal.add_business_duration(cal.add_business_duration(at, x).unwrap(), y).unwrap();
            prop_assert_eq!(step, cal.add_business_duration(at, x + y).unwrap());
        }

        #[test]
        fn business_duration_between_is_additive_over_a_split(
            cal in builtin(), a in instant_in(ts(2020, 1, 2), ts(2030, 6, 1)), s1 in 0_i64..(30 * 86_400), s2 in 0_i64..(30 * 86_400),
        ) {
            let b = a + Duration::seconds(s1);
            let c = b + Duration::seconds(s2);
            let whole = cal.business_duration_between(a, c).unwrap();
            prop_assert_eq!(whole, cal.business_duration_between(a, b).unwrap() + cal.business_duration_between(b, c).unwrap());
        }

        #[test]
        fn subtracting_a_duration_returns_to_the_same_business_position(
            ny in any::<bool>(), cal in builtin(), at in instant_in(ts(2020, 1, 2), ts(2030, 6, 1)), secs in 0_i64..(200 * 3600),
        ) {
            let cal = if ny { new_york_night_shift() } else { cal };
            let dur = Duration::seconds(secs);
            let due = cal.add_business_duration(at, dur).unwrap();
            let back = cal.add_business_duration(due, -dur).unwrap();
            prop_assert!(back <= due);
            prop_assert_eq!(cal.business_duration_between(back, due).unwrap(), dur);
            // `back` is `at` or, if `at` was outside business hours, the
            // latest instant with no business time between them.
            let (lo, hi) = (back.min(at), back.max(at));
            prop_assert_eq!(cal.business_duration_between(lo, hi).unwrap(), Duration::zero());
        }
    }
}

// ---------------------------------------------------------------------------
// The contract and the API
// ---------------------------------------------------------------------------

#[test]
fn contract_signatures_are_exactly_as_documented() {
    type R<T> = Result<T, CalendarError>;
    let _: fn(CalendarId) -> BusinessCalendar = BusinessCalendar::builtin;
    let _: fn(&str) -> R<BusinessCalendar> = BusinessCalendar::from_json;
    let _: fn(&BusinessCalendar) -> String = BusinessCalendar::to_json;
    let _: fn(&BusinessCalendar) -> Tz = BusinessCalendar::time_zone;
    let _: fn(&BusinessCalendar, NaiveDate) -> R<bool> = BusinessCalendar::is_business_day;
    let _: fn(&BusinessCalendar, NaiveDate) -> R<NaiveDate> = BusinessCalendar::next_business_day;
    let _: fn(&BusinessCalendar, NaiveDate) -> R<NaiveDate> =
        BusinessCalendar::previous_business_day;
    let _: fn(&BusinessCalendar, NaiveDate, i64) -> R<NaiveDate> =
        BusinessCalendar::add_business_days;
    let _: fn(&BusinessCalendar, NaiveDate, NaiveDate) -> R<i64> =
        BusinessCalendar::business_days_between;
    let _: fn(&BusinessCalendar, NaiveDate, RollConvention) -> R<NaiveDate> =
        BusinessCalendar::roll;
    let _: fn(&BusinessCalendar, chrono::DateTime<Utc>) -> R<NaiveDate> =
        BusinessCalendar::start_date;
    let _: fn(
        &BusinessCalendar,
        chrono::DateTime<Utc>,
        chrono::Duration,
    ) -> R<chrono::DateTime<Utc>> = BusinessCalendar::add_business_duration;
    let _: fn(
        &BusinessCalendar,
        chrono::DateTime<Utc>,
        chrono::DateTime<Utc>,
    ) -> R<chrono::Duration> = BusinessCalendar::business_duration_between;
    let _: fn(
        &BusinessCalendar,
        NaiveDate,
        NaiveDate,
    ) -> R<Vec<walletcare::calendar::NonBusinessDay>> = BusinessCalendar::non_business_days;
    let _: fn(&BusinessCalendar, NaiveDate, NaiveDate) -> bool = BusinessCalendar::is_estimated;
    // The fields and variants the other modules match on.
    let h = Holiday {
        date: date(2024, 1, 1),
        name: "x".into(),
        kind: HolidayKind::Observed,
        estimated: false,
    };
    let reason = NonBusinessReason::Holiday(h.clone());
    let day = walletcare::calendar::NonBusinessDay {
        date: h.date,
        reason,
    };
    assert!(matches!(
        day.reason,
        NonBusinessReason::Holiday(Holiday {
            kind: HolidayKind::Observed,
            ..
        })
    ));
    let e = CalendarError::NotCovered { year: 2031 };
    assert!(matches!(e, CalendarError::NotCovered { year: 2031 }));
    assert!(matches!(
        CalendarError::DateOutOfRange,
        CalendarError::DateOutOfRange
    ));
    for (code, id) in [
        ("\"ID\"", CalendarId::Indonesia),
        ("\"CN\"", CalendarId::China),
        ("\"SG\"", CalendarId::Singapore),
        ("\"MY\"", CalendarId::Malaysia),
    ] {
        assert_eq!(serde_json::to_string(&id).unwrap(), code);
        assert_eq!(code.trim_matches('"').parse::<CalendarId>().unwrap(), id);
    }
    assert_eq!(
        serde_json::to_string(&HolidayKind::CollectiveLeave).unwrap(),
        "\"collective_leave\""
    );
    assert_eq!(
        serde_json::to_string(&RollConvention::ModifiedPreceding).unwrap(),
        "\"modified_preceding\""
    );
    assert!(serde_json::from_str::<HolidayKind>("\"bank\"").is_err());
}

#[test]
fn huge_offsets_never_loop_and_fail_cleanly() {
    let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    let d = date(2024, 6, 3);
    assert_eq!(
        id.add_business_days(d, 1_000_000),
        Err(CalendarError::NotCovered { year: 2031 })
    );
    assert_eq!(
        id.add_business_days(d, -1_000_000),
        Err(CalendarError::NotCovered { year: 2019 })
    );
    assert_eq!(
        id.add_business_days(d, i64::MAX),
        Err(CalendarError::DateOutOfRange)
    );
    assert_eq!(
        id.add_business_days(d, i64::MIN),
        Err(CalendarError::DateOutOfRange)
    );
    // Without coverage the weekmask carries on beyond the table.
    let plain = BusinessCalendar::new(CalendarSpec::new(tz("UTC"))).unwrap();
    let monday = date(2024, 6, 3);
    assert_eq!(
        plain.add_business_days(monday, 1_000_000).unwrap(),
        monday + Duration::weeks(200_000)
    );
    assert_eq!(
        plain.add_business_days(monday, -1_000_000).unwrap(),
        monday - Duration::weeks(200_000)
    );
    assert_eq!(
        plain
            .business_days_between(monday, monday + Duration::weeks(200_000))
            .unwrap(),
        1_000_000
    );
    assert_eq!(
        plain.add_business_days(monday, 1_000_000_000_000),
        Err(CalendarError::DateOutOfRange)
    );
    assert_eq!(
        plain.add_business_days_epoch(i32::MAX, 1),
        Err(CalendarError::DateOutOfRange)
    );
    assert!(
        plain
            .business_days_between(NaiveDate::MIN, NaiveDate::MAX)
            .unwrap()
            > 0
    );
}

#[test]
fn not_covered_names_the_year() {
    let cn = BusinessCalendar::builtin(CalendarId::China);
    let err = cn.next_business_day(date(2030, 12, 31)).unwrap_err();
    assert_eq!(err, CalendarError::NotCovered { year: 2031 });
    assert_eq!(err.code(), ErrorCode::CalendarNotCovered);
    assert_eq!(
        err.to_string(),
        "the calendar has no data for the year 2031"
    );
    assert_eq!(
        cn.previous_business_day(date(2020, 1, 1)),
        Err(CalendarError::NotCovered { year: 2019 })
    );
    assert_eq!(
        cn.is_business_day(date(2019, 12, 31)),
        Err(CalendarError::NotCovered { year: 2019 })
    );
    // The day after the last covered day is a valid exclusive end.
    assert!(
        cn.business_days_between(date(2030, 12, 1), date(2031, 1, 1))
            .is_ok()
    );
    assert!(
        cn.business_days_between(date(2030, 12, 1), date(2031, 1, 2))
            .is_err()
    );
}

#[test]
fn numpy_semantics_of_add_and_count() {
    let sg = BusinessCalendar::builtin(CalendarId::Singapore);
    // Good Friday 2024-03-29; Saturday 30; Sunday 31.
    assert_eq!(
        sg.add_business_days(date(2024, 3, 29), 0).unwrap(),
        date(2024, 4, 1)
    );
    assert_eq!(
        sg.add_business_days(date(2024, 3, 29), -1).unwrap(),
        date(2024, 3, 27)
    );
    assert_eq!(
        sg.add_business_days(date(2024, 3, 28), 1).unwrap(),
        date(2024, 4, 1)
    );
    assert_eq!(
        sg.business_days_between(date(2024, 3, 28), date(2024, 4, 2))
            .unwrap(),
        2
    );
    assert_eq!(
        sg.business_days_between(date(2024, 4, 2), date(2024, 3, 28))
            .unwrap(),
        -2
    );
    assert_eq!(
        sg.business_days_between(date(2024, 4, 2), date(2024, 4, 2))
            .unwrap(),
        0
    );
}

#[test]
fn china_make_up_days_and_the_2020_extension() {
    let cn = BusinessCalendar::builtin(CalendarId::China);
    // 2024: Sunday 4 Feb worked, Spring Festival 10-17 Feb off, Sunday 18 Feb worked.
    assert!(cn.is_business_day(date(2024, 2, 4)).unwrap());
    assert!((10..=17).all(|d| !cn.is_business_day(date(2024, 2, d)).unwrap()));
    assert!(cn.is_business_day(date(2024, 2, 18)).unwrap());
    assert_eq!(
        cn.next_business_day(date(2024, 2, 9)).unwrap(),
        date(2024, 2, 18)
    );
    // 2020: the COVID-19 extension cancelled the Saturday 1 Feb make-up day.
    assert!(!cn.is_business_day(date(2020, 1, 31)).unwrap());
    assert!(!cn.is_business_day(date(2020, 2, 1)).unwrap());
    assert_eq!(
        cn.next_business_day(date(2020, 1, 23)).unwrap(),
        date(2020, 2, 3)
    );
    let w = cn
        .working_days()
        .iter()
        .find(|w| w.date == date(2024, 2, 4))
        .unwrap();
    assert!(w.name.contains("Spring Festival"));
}

#[test]
fn indonesia_lebaran_2023_and_cuti_bersama_kinds() {
    let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    // The 2023 revision moved the Lebaran leave to 19-21 and 24-25 April.
    for d in [19, 20, 21, 24, 25] {
        let h = id.holiday(date(2023, 4, d)).unwrap();
        assert_eq!(h.kind, HolidayKind::CollectiveLeave, "{d}");
    }
    assert!(id.is_business_day(date(2023, 4, 26)).unwrap());
    assert_eq!(
        id.holiday(date(2023, 4, 22)).unwrap().kind,
        HolidayKind::Public
    );
    assert_eq!(
        id.holiday(date(2023, 4, 22)).unwrap().name_in(Locale::Id),
        "Hari Raya Idulfitri"
    );
}

#[test]
fn roll_conventions() {
    let my = BusinessCalendar::builtin(CalendarId::Malaysia);
    // Saturday 31 Aug 2024 (National Day): following crosses into September.
    let d = date(2024, 8, 31);
    assert_eq!(
        my.roll(d, RollConvention::Following).unwrap(),
        date(2024, 9, 2)
    );
    assert_eq!(
        my.roll(d, RollConvention::Preceding).unwrap(),
        date(2024, 8, 30)
    );
    assert_eq!(
        my.roll(d, RollConvention::ModifiedFollowing).unwrap(),
        date(2024, 8, 30)
    );
    assert_eq!(
        my.roll(d, RollConvention::ModifiedPreceding).unwrap(),
        date(2024, 8, 30)
    );
    // Sunday 1 Sep 2024: preceding crosses into August.
    let d = date(2024, 9, 1);
    assert_eq!(
        my.roll(d, RollConvention::ModifiedPreceding).unwrap(),
        date(2024, 9, 2)
    );
    assert_eq!(
        my.roll(d, RollConvention::ModifiedFollowing).unwrap(),
        date(2024, 9, 2)
    );
    // A business day is unchanged.
    assert_eq!(
        my.roll(date(2024, 9, 3), RollConvention::Preceding)
            .unwrap(),
        date(2024, 9, 3)
    );
}

#[test]
fn start_date_honours_the_cut_off_and_holidays() {
    let id = BusinessCalendar::builtin(CalendarId::Indonesia); // UTC+7, cut-off 17:00
    let at = |y, m, d, h, min| Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap();
    assert_eq!(
        id.start_date(at(2024, 3, 4, 9, 59)).unwrap(),
        date(2024, 3, 4)
    ); // 16:59
    assert_eq!(
        id.start_date(at(2024, 3, 4, 10, 0)).unwrap(),
        date(2024, 3, 5)
    ); // 17:00
    assert_eq!(
        id.start_date(at(2024, 3, 3, 18, 0)).unwrap(),
        date(2024, 3, 4)
    ); // Monday 01:00 local
    assert_eq!(
        id.start_date(at(2024, 3, 2, 3, 0)).unwrap(),
        date(2024, 3, 4)
    ); // Saturday 10:00 local
    assert_eq!(
        id.start_date(at(2024, 4, 5, 12, 0)).unwrap(),
        date(2024, 4, 16)
    ); // Friday evening before Lebaran
    // No cut-off: the whole business day counts.
    let mut spec = id.spec().clone();
    spec.cutoff = None;
    let no_cutoff = BusinessCalendar::new(spec).unwrap();
    assert_eq!(
        no_cutoff.start_date(at(2024, 3, 4, 16, 59)).unwrap(),
        date(2024, 3, 4)
    );
}

#[test]
fn business_durations_skip_nights_weekends_and_holidays() {
    let id = BusinessCalendar::builtin(CalendarId::Indonesia); // 09-12, 13-18 WIB
    let wib = |y, m, d, h, min| {
        tz("Asia/Jakarta")
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    };
    // Friday 5 April 2024 16:00 + 4 h: 2 h Friday, then Lebaran until Tuesday 16 April.
    assert_eq!(
        id.add_business_duration(wib(2024, 4, 5, 16, 0), Duration::hours(4))
            .unwrap(),
        wib(2024, 4, 16, 11, 0)
    );
    // Lunch break is not business time; landing exactly on 12:00 gives 12:00.
    assert_eq!(
        id.add_business_duration(wib(2024, 4, 16, 11, 0), Duration::hours(1))
            .unwrap(),
        wib(2024, 4, 16, 12, 0)
    );
    assert_eq!(
        id.add_business_duration(wib(2024, 4, 16, 11, 0), Duration::minutes(61))
            .unwrap(),
        wib(2024, 4, 16, 13, 1)
    );
    // Outside hours, time starts at the next opening.
    assert_eq!(
        id.add_business_duration(wib(2024, 4, 16, 20, 0), Duration::minutes(1))
            .unwrap(),
        wib(2024, 4, 17, 9, 1)
    );
    assert_eq!(
        id.business_duration_between(wib(2024, 4, 5, 0, 0), wib(2024, 4, 17, 0, 0))
            .unwrap(),
        Duration::hours(16)
    );
    // Going back.
    assert_eq!(
        id.add_business_duration(wib(2024, 4, 16, 9, 30), Duration::hours(-1))
            .unwrap(),
        wib(2024, 4, 5, 17, 30)
    );
    assert_eq!(
        id.add_business_duration(wib(2024, 4, 16, 9, 30), Duration::zero())
            .unwrap(),
        wib(2024, 4, 16, 9, 30)
    );
    // Beyond the data.
    assert!(matches!(
        id.add_business_duration(wib(2030, 12, 31, 9, 0), Duration::hours(100)),
        Err(CalendarError::NotCovered { year: 2031 })
    ));
}

#[test]
fn clock_changes_inside_business_hours_follow_the_documented_rules() {
    let ny = new_york_night_shift(); // 01:00-03:30 and 12:00-13:00, every day
    let day = |y, m, d| {
        let start = tz("America/New_York")
            .with_ymd_and_hms(y, m, d, 0, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        ny.business_duration_between(start, start + Duration::days(1))
            .unwrap()
    };
    assert_eq!(day(2024, 3, 9), Duration::minutes(210));
    // Spring forward at 02:00: 01:00 EST to 03:30 EDT is 1 h 30.
    assert_eq!(day(2024, 3, 10), Duration::minutes(150)); // 90 + 60
    // Fall back at 02:00: 01:00 EDT (the earlier 01:00) to 03:30 EST is 3 h 30.
    assert_eq!(day(2024, 11, 3), Duration::minutes(270)); // 210 + 60
    // Adding over the short day.
    let start = Utc.with_ymd_and_hms(2024, 3, 10, 6, 0, 0).unwrap(); // 01:00 EST
    assert_eq!(
        ny.add_business_duration(start, Duration::minutes(90))
            .unwrap(),
        Utc.with_ymd_and_hms(2024, 3, 10, 7, 30, 0).unwrap()
    );
    assert_eq!(
        ny.add_business_duration(start, Duration::minutes(91))
            .unwrap(),
        Utc.with_ymd_and_hms(2024, 3, 10, 16, 1, 0).unwrap()
    );
}

#[test]
fn non_business_days_explain_themselves_in_three_locales() {
    let cn = BusinessCalendar::builtin(CalendarId::China);
    let days = cn
        .non_business_days(date(2024, 9, 14), date(2024, 9, 17))
        .unwrap();
    let dates: Vec<NaiveDate> = days.iter().map(|d| d.date).collect();
    assert_eq!(
        dates,
        [date(2024, 9, 15), date(2024, 9, 16), date(2024, 9, 17)]
    ); // Sat 14 Sep worked
    assert_eq!(days[0].reason, NonBusinessReason::Weekend);
    assert_eq!(
        days[1].render(Locale::ZhCn),
        "2024年9月16日（星期一）：中秋节（调休放假）"
    );
    assert_eq!(
        days[2].render(Locale::En),
        "Tuesday, 17 September 2024: Mid-Autumn Festival (public holiday)"
    );
    assert_eq!(
        days[2].render(Locale::Id),
        "Selasa, 17 September 2024: Festival Pertengahan Musim Gugur (libur nasional)"
    );
    let json = serde_json::to_string(&days[2]).unwrap();
    assert_eq!(
        json,
        r#"{"date":"2024-09-17","reason":{"type":"holiday","holiday":{"date":"2024-09-17","name":"Mid-Autumn Festival","kind":"public","estimated":false}}}"#
    );
    // Estimated dates say so.
    let est = cn
        .non_business_days(date(2028, 1, 25), date(2028, 1, 25))
        .unwrap();
    assert!(
        est[0]
            .render(Locale::En)
            .ends_with("(public holiday), estimated date")
    );
    assert!(
        cn.non_business_days(date(2024, 9, 17), date(2024, 9, 1))
            .unwrap()
            .is_empty()
    );
    let plain = BusinessCalendar::new(CalendarSpec::new(tz("UTC"))).unwrap();
    assert!(matches!(
        plain.non_business_days(date(2000, 1, 1), date(2200, 1, 1)),
        Err(CalendarError::TooLarge { .. })
    ));
}

#[test]
fn estimated_years_are_flagged() {
    let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    // 2027 is decreed (SKB 3 Menteri for 2027); 2028 is not yet.
    assert!(!id.is_estimated(date(2020, 1, 1), date(2027, 12, 31)));
    assert!(id.is_estimated(date(2027, 12, 1), date(2028, 1, 5)));
    assert!(!id.is_estimated(date(2028, 1, 5), date(2027, 12, 1)));
    let cn = BusinessCalendar::builtin(CalendarId::China);
    assert!(
        cn.holidays()
            .iter()
            .filter(|h| h.date.year() >= 2027)
            .all(|h| h.estimated)
    );
    assert!(
        cn.holidays()
            .iter()
            .filter(|h| h.date.year() <= 2026)
            .all(|h| !h.estimated)
    );
}

#[test]
fn json_round_trip_and_validation_errors() {
    for id in CalendarId::ALL {
        let cal = BusinessCalendar::builtin(id);
        let back = BusinessCalendar::from_json(&cal.to_json()).unwrap();
        assert_eq!(back, cal);
        assert_eq!(
            serde_json::from_str::<BusinessCalendar>(&serde_json::to_string(&cal).unwrap())
                .unwrap(),
            cal
        );
    }
    let code = |json: &str| BusinessCalendar::from_json(json).unwrap_err().code();
    assert_eq!(
        code(r#"{"time_zone":"Asia/Jakarta","weekmask":"0000000"}"#),
        ErrorCode::NoBusinessDays
    );
    assert_eq!(
        code(
            r#"{"time_zone":"Asia/Jakarta","business_hours":[{"start":"09:00","end":"12:00"},{"start":"11:00","end":"13:00"}]}"#
        ),
        ErrorCode::InvalidBusinessHours
    );
    assert_eq!(
        code(r#"{"time_zone":"Asia/Jakarta","business_hours":[{"start":"12:00","end":"09:00"}]}"#),
        ErrorCode::InvalidBusinessHours
    );
    assert_eq!(
        code(r#"{"time_zone":"Asia/Jakarta","business_hours":[{"start":"25:00","end":"26:00"}]}"#),
        ErrorCode::InvalidJson
    );
    assert_eq!(
        code(r#"{"time_zone":"Asia/Jakarta","business_hours":[]}"#),
        ErrorCode::InvalidBusinessHours
    );
    assert_eq!(
        code(r#"{"time_zone":"Asia/Jakarta","colour":"red"}"#),
        ErrorCode::InvalidJson
    );
    assert_eq!(code(r#"{"time_zone":"Mars/Base"}"#), ErrorCode::InvalidJson);
    assert_eq!(code("not json"), ErrorCode::InvalidJson);
    assert_eq!(
        code(
            r#"{"time_zone":"UTC","holidays":[{"date":"2024-01-01","name":"A","kind":"public"},{"date":"2024-01-01","name":"B","kind":"public"}]}"#
        ),
        ErrorCode::InvalidArgument
    );
    assert_eq!(
        code(r#"{"time_zone":"UTC","working_days":[{"date":"2024-01-01","name":"Monday"}]}"#),
        ErrorCode::InvalidArgument
    );
    assert_eq!(
        code(r#"{"time_zone":"UTC","coverage":{"first":2030,"last":2020}}"#),
        ErrorCode::InvalidArgument
    );
    assert_eq!(
        code(r#"{"time_zone":"UTC","coverage":{"first":1000,"last":3000}}"#),
        ErrorCode::InputTooLarge
    );
    assert_eq!(
        code(
            r#"{"time_zone":"UTC","coverage":{"first":2020,"last":2021},"holidays":[{"date":"2024-01-01","name":"A","kind":"public"}]}"#
        ),
        ErrorCode::InvalidArgument
    );
    let big = format!(
        r#"{{"time_zone":"UTC","name":"{}"}}"#,
        "x".repeat(5_000_000)
    );
    assert_eq!(code(&big), ErrorCode::InputTooLarge);
    // Messages name the offending value.
    let err = BusinessCalendar::from_json(
        r#"{"time_zone":"UTC","working_days":[{"date":"2024-01-01","name":"Monday"}]}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("2024-01-01"), "{err}");
}

#[test]
fn days_can_be_added_and_removed_at_run_time_all_or_nothing() {
    let mut sg = BusinessCalendar::builtin(CalendarId::Singapore);
    let before = sg.clone();
    let d = date(2024, 7, 1);
    sg.add_holiday(Holiday {
        date: d,
        name: "Company day".into(),
        kind: HolidayKind::Public,
        estimated: false,
    })
    .unwrap();
    assert!(!sg.is_business_day(d).unwrap());
    assert_eq!(
        sg.next_business_day(date(2024, 6, 28)).unwrap(),
        date(2024, 7, 2)
    );
    assert_eq!(sg.remove_holiday(d).unwrap().unwrap().name, "Company day");
    assert_eq!(sg, before);
    assert_eq!(sg.remove_holiday(d).unwrap(), None);
    // Errors leave the calendar unchanged.
    let outside = Holiday {
        date: date(2040, 1, 2),
        name: "Far".into(),
        kind: HolidayKind::Public,
        estimated: false,
    };
    assert!(sg.add_holiday(outside).is_err());
    assert!(
        sg.add_working_day(WorkingDay {
            date: date(2024, 7, 1),
            name: "Monday".into(),
            estimated: false
        })
        .is_err()
    );
    assert_eq!(sg, before);
    sg.add_working_day(WorkingDay {
        date: date(2024, 7, 6),
        name: "Saturday sale".into(),
        estimated: false,
    })
    .unwrap();
    assert!(sg.is_business_day(date(2024, 7, 6)).unwrap());
    assert!(sg.remove_working_day(date(2024, 7, 6)).unwrap().is_some());
    assert_eq!(sg, before);
}

#[test]
fn joint_calendars_need_both_to_be_open() {
    let all: Vec<BusinessCalendar> = CalendarId::ALL
        .iter()
        .map(|&id| BusinessCalendar::builtin(id))
        .collect();
    for a in &all {
        for b in &all {
            let j = BusinessCalendar::joint(a, b).unwrap();
            assert_eq!(j.time_zone(), a.time_zone());
            for d in date(2020, 1, 1)
                .iter_days()
                .take_while(|d| d.year() <= 2030)
            {
                let want = a.is_business_day(d).unwrap() && b.is_business_day(d).unwrap();
                assert_eq!(
                    j.is_business_day(d).unwrap(),
                    want,
                    "{} + {} on {d}",
                    a.spec().name,
                    b.spec().name
                );
            }
        }
    }
    let cn = &all[1];
    let plain = BusinessCalendar::new(CalendarSpec::new(tz("UTC"))).unwrap();
    let j = BusinessCalendar::joint(cn, &plain).unwrap();
    assert!(!j.is_business_day(date(2024, 2, 4)).unwrap()); // plain does not work Sundays
    let sat_only =
        BusinessCalendar::from_json(r#"{"time_zone":"UTC","weekmask":"0000010"}"#).unwrap();
    assert_eq!(
        BusinessCalendar::joint(&plain, &sat_only).unwrap_err(),
        CalendarError::NoBusinessDays
    );
}

#[test]
fn epoch_day_conversions() {
    assert_eq!(epoch_day(date(1970, 1, 1)), 0);
    assert_eq!(epoch_day(date(2030, 12, 31)), 22_279);
    for d in [NaiveDate::MIN, NaiveDate::MAX, date(2024, 2, 29)] {
        assert_eq!(date_from_epoch_day(epoch_day(d)).unwrap(), d);
    }
    let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    let mut out = [0; 1];
    let err = id
        .add_business_days_epoch_into(&[epoch_day(date(2035, 1, 1))], 3, &mut out)
        .unwrap_err();
    assert!(matches!(&err, CalendarError::InBatch { index: 0, .. }));
    assert_eq!(err.code(), ErrorCode::CalendarNotCovered);
    assert!(
        id.add_business_days_epoch_into(&[1, 2], 3, &mut out)
            .is_err()
    );
}

// ---------------------------------------------------------------------------
// Decrees, regions, editions
// ---------------------------------------------------------------------------

mod decrees_regions_editions {
    use super::*;
    use walletcare::calendar::{
        CalendarAmendment, CalendarEdition, DueStart, OpenDueDate, compare_editions,
    };
    use walletcare::refund::{BankCode, RefundDestination, RefundSlaPolicy};

    fn id() -> BusinessCalendar {
        BusinessCalendar::builtin(CalendarId::Indonesia)
    }

    /// The 2027 calendar walletcare had before the decree: estimated, Isra
    /// Mi'raj on the tabular 6 January, no cuti bersama.
    fn id_before_the_2027_decree() -> BusinessCalendar {
        let cal = id();
        let cuti: Vec<NaiveDate> = cal
            .holidays()
            .iter()
            .filter(|h| h.date.year() == 2027 && h.kind == HolidayKind::CollectiveLeave)
            .map(|h| h.date)
            .collect();
        assert_eq!(cuti.len(), 8);
        let mut remove = cuti;
        remove.push(date(2027, 1, 5));
        let amendment = CalendarAmendment {
            edition: CalendarEdition::new("ID-estimated-2027", ["2027: estimated"]),
            replace_years: Vec::new(),
            holidays: vec![Holiday {
                date: date(2027, 1, 6),
                name: "Isra and Mi'raj".into(),
                kind: HolidayKind::Public,
                estimated: true,
            }],
            remove_holidays: remove,
            working_days: Vec::new(),
            remove_working_days: Vec::new(),
        };
        let mut before = cal.amend(&amendment).unwrap();
        let mut spec = before.spec().clone();
        spec.estimated_years.push(2027);
        before = BusinessCalendar::new(spec).unwrap();
        assert!(before.is_estimated_year(2027));
        before
    }

    #[test]
    fn indonesia_2027_is_the_decree_not_an_estimate() {
        let cal = id();
        assert!(!cal.is_estimated_year(2027));
        for (m, d) in [
            (2, 5),
            (3, 9),
            (3, 12),
            (3, 15),
            (3, 25),
            (5, 18),
            (5, 19),
            (12, 24),
        ] {
            let h = cal.holiday(date(2027, m, d)).unwrap();
            assert_eq!(h.kind, HolidayKind::CollectiveLeave, "2027-{m:02}-{d:02}");
            assert!(!h.estimated);
        }
        for (m, d) in [(1, 5), (12, 26)] {
            assert_eq!(
                cal.holiday(date(2027, m, d)).unwrap().name,
                "Isra and Mi'raj"
            );
        }
        assert!(cal.is_business_day(date(2027, 1, 6)).unwrap());
        assert!(
            cal.edition()
                .sources
                .iter()
                .any(|s| s.starts_with("2027: SKB 3 Menteri"))
        );
    }

    #[test]
    fn bca_refund_approved_on_nyepi_2027_is_due_a_week_later_with_the_decree() {
        // Approved Monday 8 March 2027 10:00 WIB (Nyepi). Before the decree:
        // counting starts Tuesday 9 March; 7 business days skip Idul Fitri
        // (10-11 March) and the weekend: 12, 15, 16, 17, 18, 19, 22 -> 22 March.
        // With the decree: 9 (cuti), 10-11 (Idul Fitri), 12 (cuti), 13-14
        // (weekend), 15 (cuti): counting starts Tuesday 16 March; then 17, 18,
        // 19, 22, 23, 24, (25 cuti, 26 Good Friday, 27-28 weekend) 29 -> 29 March.
        let approved = Utc.with_ymd_and_hms(2027, 3, 8, 3, 0, 0).unwrap();
        let card = RefundDestination::Card {
            bank: BankCode::BCA,
            last4: "1234".parse().unwrap(),
        };
        let policy = RefundSlaPolicy::default();
        let before = id_before_the_2027_decree();
        let old = policy.due(&before, approved, card).unwrap();
        let new = policy.due(&id(), approved, card).unwrap();
        assert_eq!(
            (old.start_date, old.due_date),
            (date(2027, 3, 9), date(2027, 3, 22))
        );
        assert_eq!(
            (new.start_date, new.due_date),
            (date(2027, 3, 16), date(2027, 3, 29))
        );
        assert!(old.estimated && !new.estimated);
        assert_eq!(old.edition.as_ref().unwrap().id, "ID-estimated-2027");
        assert_eq!(new.edition, Some(id().edition().stamp()));

        let open = [OpenDueDate {
            id: "RF-1".into(),
            start: DueStart::At(approved),
            business_days: Some(7),
            due_date: None,
        }];
        let report = compare_editions(&before, &id(), &open).unwrap();
        let moved = &report.moved[0];
        assert_eq!(
            (moved.old_due_date, moved.new_due_date),
            (old.due_date, new.due_date)
        );
        assert_eq!(
            (moved.old_start_date, moved.new_start_date),
            (old.start_date, new.start_date)
        );
        assert_eq!(moved.shift_days, 7);
        // Eight cuti bersama added, Isra Mi'raj moved from 6 to 5 January.
        let changed: Vec<NaiveDate> = report.changed_days.iter().map(|c| c.date).collect();
        assert_eq!(changed.len(), 10);
        assert!(changed.contains(&date(2027, 1, 5)) && changed.contains(&date(2027, 1, 6)));
    }

    #[test]
    fn a_due_date_alone_is_counted_back_on_the_old_edition() {
        let before = id_before_the_2027_decree();
        let open = [
            OpenDueDate {
                id: "announced".into(),
                start: DueStart::Date(date(2027, 3, 8)),
                business_days: None,
                due_date: Some(date(2027, 3, 22)),
            },
            OpenDueDate {
                id: "after".into(),
                start: DueStart::Date(date(2027, 4, 5)),
                business_days: Some(5),
                due_date: None,
            },
            OpenDueDate {
                id: "nothing".into(),
                start: DueStart::Date(date(2027, 4, 5)),
                business_days: None,
                due_date: None,
            },
            OpenDueDate {
                id: "uncovered".into(),
                start: DueStart::Date(date(2031, 1, 2)),
                business_days: Some(1),
                due_date: None,
            },
        ];
        let report = compare_editions(&before, &id(), &open).unwrap();
        assert_eq!(report.moved.len(), 1);
        assert_eq!(report.moved[0].business_days, 7);
        assert_eq!(report.moved[0].new_due_date, date(2027, 3, 29));
        assert_eq!(report.unchanged, ["after"]);
        let failed: Vec<(&str, ErrorCode)> = report
            .failed
            .iter()
            .map(|f| (f.id.as_str(), f.code))
            .collect();
        assert_eq!(
            failed,
            [
                ("nothing", ErrorCode::InvalidArgument),
                ("uncovered", ErrorCode::CalendarNotCovered)
            ]
        );
        // The JSON shape a binding passes through.
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["moved"][0]["new_due_date"], "2027-03-29");
        assert_eq!(json["failed"][1]["code"], "calendar.not_covered");
        assert_eq!(json["new"]["id"], "ID-2026.12");
    }

    #[test]
    fn editions_survive_json_and_old_json_still_loads() {
        let cal = id();
        let json = cal.to_json();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["edition"]["id"], "ID-2026.12");
        assert_eq!(value["edition"]["digest"], cal.edition().digest.as_str());
        assert_eq!(BusinessCalendar::from_json(&json).unwrap(), cal);

        // JSON written before editions existed.
        let mut old = value.clone();
        old.as_object_mut().unwrap().remove("edition");
        let loaded = BusinessCalendar::from_json(&old.to_string()).unwrap();
        assert_eq!(loaded.edition().digest, cal.edition().digest);
        assert_eq!(
            loaded.edition().id,
            format!("content-{}", cal.edition().digest)
        );
        assert_eq!(
            BusinessCalendar::from_json(&loaded.to_json()).unwrap(),
            loaded
        );

        // A stated digest is not trusted.
        let mut forged = value.clone();
        forged["edition"]["digest"] = "0000000000000000".into();
        let f = BusinessCalendar::from_json(&forged.to_string()).unwrap();
        assert_eq!(f.edition().digest, cal.edition().digest);
    }

    #[test]
    fn the_digest_follows_the_days_not_the_names() {
        let cal = id();
        let mut spec = cal.spec().clone();
        spec.holidays[0].name = "Tahun Baru".into();
        let renamed = BusinessCalendar::new(spec).unwrap();
        assert_eq!(renamed.edition().digest, cal.edition().digest);

        let mut moved = cal.clone();
        moved
            .add_holiday(Holiday {
                date: date(2027, 8, 16),
                name: "Independence Day".into(),
                kind: HolidayKind::CollectiveLeave,
                estimated: false,
            })
            .unwrap();
        assert_ne!(moved.edition().digest, cal.edition().digest);
        assert_eq!(moved.edition().id, cal.edition().id);

        // A derived id follows its content.
        let mut plain = BusinessCalendar::from_json(r#"{"time_zone":"Asia/Jakarta"}"#).unwrap();
        let first = plain.edition().id.clone();
        plain
            .add_holiday(Holiday {
                date: date(2027, 8, 16),
                name: "Day off".into(),
                kind: HolidayKind::Public,
                estimated: false,
            })
            .unwrap();
        assert_ne!(plain.edition().id, first);
        assert_eq!(
            plain.edition().id,
            format!("content-{}", plain.edition().digest)
        );
    }

    #[test]
    fn amendments_replace_years_and_refuse_unknown_removals() {
        let cal = id();
        let json = r#"{
            "edition": {"id": "ID-2028-wallet", "sources": ["2028: SKB 3 Menteri for 2028"]},
            "replace_years": [2028],
            "holidays": [
                {"date": "2028-01-01", "name": "New Year's Day", "kind": "public"},
                {"date": "2028-01-03", "name": "New Year's Day", "kind": "collective_leave"}
            ]
        }"#;
        let amended = cal
            .amend(&CalendarAmendment::from_json(json).unwrap())
            .unwrap();
        assert!(cal.is_estimated_year(2028) && !amended.is_estimated_year(2028));
        let in_2028: Vec<NaiveDate> = amended
            .holidays()
            .iter()
            .filter(|h| h.date.year() == 2028)
            .map(|h| h.date)
            .collect();
        assert_eq!(in_2028, [date(2028, 1, 1), date(2028, 1, 3)]);
        assert_eq!(amended.edition().sources, ["2028: SKB 3 Menteri for 2028"]);
        // The original is untouched.
        assert!(cal.holiday(date(2028, 1, 26)).is_some());

        let bad = CalendarAmendment::from_json(
            r#"{"edition":{"id":"x"},"remove_holidays":["2027-03-03"]}"#,
        )
        .unwrap();
        assert_eq!(
            cal.amend(&bad).unwrap_err().code(),
            ErrorCode::InvalidArgument
        );
        let outside = CalendarAmendment::from_json(
            r#"{"edition":{"id":"x"},"holidays":[{"date":"2031-01-02","name":"x","kind":"public"}]}"#,
        )
        .unwrap();
        assert!(cal.amend(&outside).is_err());
    }

    #[test]
    fn kuala_lumpur_and_selangor_add_their_days_to_the_federal_list() {
        let my = BusinessCalendar::builtin(CalendarId::Malaysia);
        let kl = BusinessCalendar::builtin_code("MY-14").unwrap();
        let sgr = BusinessCalendar::builtin_code("my-10").unwrap();
        // Every federal day off is a day off in both regions.
        for h in my.holidays() {
            for r in [&kl, &sgr] {
                assert!(r.holiday(h.date).is_some(), "{} {}", r.spec().name, h.date);
            }
        }
        let off = |c: &BusinessCalendar, y, m, d| !c.is_business_day(date(y, m, d)).unwrap();
        // New Year's Day, Thaipusam, Nuzul al-Quran: both regions, not federal.
        for (y, m, d) in [(2026, 1, 1), (2027, 1, 22), (2027, 2, 24), (2025, 3, 18)] {
            assert!(off(&kl, y, m, d) && off(&sgr, y, m, d) && !off(&my, y, m, d));
        }
        // Federal Territory Day: Kuala Lumpur only; in 2026 it falls on
        // Sunday with Thaipusam, and Monday 2 February is the day in lieu.
        assert!(off(&kl, 2027, 2, 1) && !off(&sgr, 2027, 2, 1));
        assert!(off(&kl, 2026, 2, 2) && off(&sgr, 2026, 2, 2) && !off(&my, 2026, 2, 2));
        assert_eq!(
            kl.holiday(date(2026, 2, 1)).unwrap().name,
            "Federal Territory Day; Thaipusam"
        );
        // The Sultan of Selangor's birthday: Selangor only.
        assert!(off(&sgr, 2026, 12, 11) && !off(&kl, 2026, 12, 11));
        // The additional Hari Raya holiday of 20 March 2026 is federal.
        assert!(off(&my, 2026, 3, 20) && off(&kl, 2026, 3, 20));
        // Editions name the region and keep the federal sources.
        assert_eq!(kl.edition().id, "MY-14-2026.12");
        for s in &my.edition().sources {
            assert!(kl.edition().sources.contains(s));
        }
        assert!(kl.is_estimated_year(2028) && !kl.is_estimated_year(2027));
        assert_eq!(BusinessCalendar::from_json(&kl.to_json()).unwrap(), kl);
        assert_eq!(
            BusinessCalendar::builtin_code("MY-99").unwrap_err().code(),
            ErrorCode::UnknownCalendar
        );
    }

    #[test]
    fn other_years_the_oracle_marks_decreed_are_official() {
        for code in ["MY", "SG"] {
            let cal = BusinessCalendar::builtin_code(code).unwrap();
            assert!(!cal.is_estimated_year(2027), "{code}");
            assert!(cal.is_estimated_year(2028), "{code}");
        }
        // China: no State Council notice for 2027 yet.
        assert!(BusinessCalendar::builtin(CalendarId::China).is_estimated_year(2027));
    }
}
