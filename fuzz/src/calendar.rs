//! Business calendars: `BusinessCalendar::from_json`, then operations on
//! arbitrary dates and instants.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, TimeDelta};
use walletcare_core::calendar::{
    BusinessCalendar, CalendarError, CalendarId, Holiday, HolidayKind, MAX_LISTED_DAYS,
    RollConvention, Weekmask, WorkingDay, YearRange, epoch_day,
};

use super::common::{
    MAX_COMMANDS, all_or_nothing, check_error, command, date, instant, lines, render_all,
    round_trip, seconds, word,
};

/// Reads a calendar: `@ID`, `@CN`, `@SG`, `@MY` for a built-in one,
/// otherwise its JSON form. Checks load → save → load.
pub(crate) fn load(text: &str) -> Option<BusinessCalendar> {
    if let Some(code) = text.trim().strip_prefix('@') {
        return code
            .parse::<CalendarId>()
            .ok()
            .map(BusinessCalendar::builtin);
    }
    match BusinessCalendar::from_json(text) {
        Ok(calendar) => {
            let json = calendar.to_json();
            let back = BusinessCalendar::from_json(&json);
            assert_eq!(back.as_ref().ok(), Some(&calendar), "{json}: {back:?}");
            if let Ok(back) = back {
                assert_eq!(back.to_json(), json, "calendar JSON is not stable");
            }
            round_trip!(BusinessCalendar, &calendar);
            Some(calendar)
        }
        Err(error) => {
            check_error(&error);
            round_trip!(CalendarError, &error);
            None
        }
    }
}

/// A day-by-day model of a calendar, the oracle for the O(1) fast paths.
struct Reference {
    mask: Weekmask,
    holidays: BTreeSet<NaiveDate>,
    working: BTreeSet<NaiveDate>,
    coverage: Option<YearRange>,
}

/// What the reference concluded, or that it gave up (too long a walk, or the
/// end of chrono's range, where the fast path's error may differ).
enum Verdict<T> {
    Answer(Result<T, CalendarError>),
    GaveUp,
}

/// Most days the reference walks for one question.
const WALK_BUDGET: u32 = 40_000;

impl Reference {
    fn new(calendar: &BusinessCalendar) -> Reference {
        Reference {
            mask: calendar.weekmask(),
            holidays: calendar.holidays().iter().map(|h| h.date).collect(),
            working: calendar.working_days().iter().map(|w| w.date).collect(),
            coverage: calendar.coverage(),
        }
    }

    fn covered(&self, d: NaiveDate) -> bool {
        self.coverage.is_none_or(|r| r.contains(d.year()))
    }

    fn is_business_day(&self, d: NaiveDate) -> bool {
        self.working.contains(&d)
            || (self.mask.contains(d.weekday()) && !self.holidays.contains(&d))
    }

    fn step(d: NaiveDate, forward: bool) -> Option<NaiveDate> {
        if forward { d.succ_opt() } else { d.pred_opt() }
    }

    /// numpy's `busday_offset` (roll following for `n >= 0`, preceding
    /// otherwise), walking day by day.
    fn add(&self, d: NaiveDate, n: i64) -> Verdict<NaiveDate> {
        let not_covered =
            |x: NaiveDate| Verdict::Answer(Err(CalendarError::NotCovered { year: x.year() }));
        if !self.covered(d) {
            return not_covered(d);
        }
        let forward = n >= 0;
        let mut budget = WALK_BUDGET;
        let mut x = d;
        while !self.is_business_day(x) {
            let Some(next) = Self::step(x, forward) else {
                return Verdict::GaveUp;
            };
            x = next;
            if !self.covered(x) {
                return not_covered(x);
            }
            budget = match budget.checked_sub(1) {
                Some(b) => b,
                None => return Verdict::GaveUp,
            };
        }
        let mut left = n.unsigned_abs();
        while left > 0 {
            let Some(next) = Self::step(x, forward) else {
                return Verdict::GaveUp;
            };
            x = next;
            if !self.covered(x) {
                return not_covered(x);
            }
            if self.is_business_day(x) {
                left -= 1;
            }
            budget = match budget.checked_sub(1) {
                Some(b) => b,
                None => return Verdict::GaveUp,
            };
        }
        Verdict::Answer(Ok(x))
    }

    /// numpy's `busday_count`: from `a` included towards `b` excluded.
    fn between(&self, a: NaiveDate, b: NaiveDate) -> Verdict<i64> {
        let (Some(a1), Some(b1)) = (a.succ_opt(), b.succ_opt()) else {
            return Verdict::GaveUp;
        };
        let (from, to) = if b >= a { (a, b) } else { (b1, a1) };
        if (to - from).num_days() > i64::from(WALK_BUDGET) {
            return Verdict::GaveUp;
        }
        if let Some(r) = self.coverage {
            if from.year() < r.first {
                return Verdict::Answer(Err(CalendarError::NotCovered { year: from.year() }));
            }
            match NaiveDate::from_ymd_opt(r.last.saturating_add(1), 1, 1) {
                Some(end) if to > end => {
                    return Verdict::Answer(Err(CalendarError::NotCovered { year: to.year() }));
                }
                Some(_) => {}
                None => return Verdict::GaveUp,
            }
        }
        let count = from
            .iter_days()
            .take_while(|d| *d < to)
            .filter(|d| self.is_business_day(*d))
            .count();
        let count = i64::try_from(count).unwrap_or(i64::MAX);
        Verdict::Answer(Ok(if b < a { -count } else { count }))
    }
}

fn agrees<T: PartialEq + std::fmt::Debug>(
    what: &str,
    fast: &Result<T, CalendarError>,
    reference: Verdict<T>,
) {
    if let Verdict::Answer(expected) = reference {
        assert_eq!(
            fast, &expected,
            "{what}: fast path and day-by-day reference disagree"
        );
    }
}

const CONVENTIONS: [RollConvention; 4] = [
    RollConvention::Following,
    RollConvention::Preceding,
    RollConvention::ModifiedFollowing,
    RollConvention::ModifiedPreceding,
];

/// `calendar`: the first line is a calendar (`@ID` or JSON), every other
/// line a command:
///
/// - `is D`, `next D`, `prev D`, `roll D`, `add D N`, `between A B`,
///   `list A B` (dates as ISO text or epoch days);
/// - `start T`, `dur T SECONDS`, `span T1 T2` (instants as Unix seconds or
///   RFC 3339);
/// - `batch N D...` (the epoch batch functions);
/// - `holiday D KIND NAME`, `unholiday D`, `working D NAME`, `unworking D`
///   (run-time edits, all-or-nothing);
/// - `joint @ID|JSON`.
///
/// Invariants: every answer equals the day-by-day reference, results are
/// business days, add and count are inverse, batches equal single calls,
/// business durations add up, edits are all-or-nothing and reversible.
pub fn calendar(data: &[u8]) {
    let mut input = lines(data);
    let Some(mut calendar) = input.next().and_then(load) else {
        return;
    };
    for line in input.take(MAX_COMMANDS) {
        run(&mut calendar, line);
    }
}

fn run(calendar: &mut BusinessCalendar, line: &str) {
    let (verb, mut rest) = command(line);
    let reference = Reference::new(calendar);
    let mut d = || word(&mut rest).and_then(date);
    match verb {
        "is" => {
            let Some(x) = d() else { return };
            let fast = calendar.is_business_day(x);
            let expected = if reference.covered(x) {
                Ok(reference.is_business_day(x))
            } else {
                Err(CalendarError::NotCovered { year: x.year() })
            };
            assert_eq!(fast, expected, "is_business_day({x})");
            assert_eq!(calendar.is_business_day_epoch(epoch_day(x)), fast);
        }
        "next" | "prev" => {
            let Some(x) = d() else { return };
            let forward = verb == "next";
            let result = if forward {
                calendar.next_business_day(x)
            } else {
                calendar.previous_business_day(x)
            };
            match result {
                Ok(y) => {
                    assert_eq!(calendar.is_business_day(y), Ok(true), "{verb}({x}) = {y}");
                    assert!(if forward { y > x } else { y < x }, "{verb}({x}) = {y}");
                    let (lo, hi) = if forward { (x, y) } else { (y, x) };
                    if (hi - lo).num_days() < 2_000 {
                        let between = lo.iter_days().skip(1).take_while(|z| *z < hi);
                        for z in between {
                            assert_eq!(
                                calendar.is_business_day(z),
                                Ok(false),
                                "{verb}({x}) skipped {z}"
                            );
                        }
                    }
                }
                Err(error) => check_error(&error),
            }
        }
        "roll" => {
            let Some(x) = d() else { return };
            for convention in CONVENTIONS {
                match calendar.roll(x, convention) {
                    Ok(y) => {
                        assert_eq!(
                            calendar.is_business_day(y),
                            Ok(true),
                            "roll({x}, {convention:?}) = {y}"
                        );
                        if calendar.is_business_day(x) == Ok(true) {
                            assert_eq!(y, x, "a business day rolls to itself");
                        }
                        match convention {
                            RollConvention::Following => assert!(y >= x),
                            RollConvention::Preceding => assert!(y <= x),
                            _ => {}
                        }
                    }
                    Err(error) => check_error(&error),
                }
            }
        }
        "add" => {
            let Some(x) = d() else { return };
            let Some(n) = word(&mut rest).and_then(|w| w.parse::<i64>().ok()) else {
                return;
            };
            let fast = calendar.add_business_days(x, n);
            agrees(
                &format!("add_business_days({x}, {n})"),
                &fast,
                reference.add(x, n),
            );
            if let Ok(y) = fast {
                assert_eq!(calendar.is_business_day(y), Ok(true));
                let convention = if n >= 0 {
                    RollConvention::Following
                } else {
                    RollConvention::Preceding
                };
                if let Ok(start) = calendar.roll(x, convention) {
                    assert_eq!(
                        calendar.business_days_between(start, y),
                        Ok(n),
                        "add({x}, {n}) = {y}"
                    );
                }
                assert_eq!(
                    calendar.add_business_days_epoch(epoch_day(x), n),
                    Ok(epoch_day(y))
                );
            }
        }
        "between" => {
            let (Some(a), Some(b)) = (d(), d()) else {
                return;
            };
            let fast = calendar.business_days_between(a, b);
            agrees(
                &format!("business_days_between({a}, {b})"),
                &fast,
                reference.between(a, b),
            );
            assert_eq!(
                calendar.business_days_between_epoch(epoch_day(a), epoch_day(b)),
                fast
            );
            // Reversed, the count is negated and runs over the half-open
            // range closed at the other end: for a < b, between(a, b)
            // counts [a, b) and between(b, a) is minus (a, b], which is
            // [a, b) - a + b; for a > b the roles swap.
            let bd = |x| calendar.is_business_day(x).map(i64::from);
            if let (Ok(n), Ok(m), Ok(x), Ok(y)) =
                (fast, calendar.business_days_between(b, a), bd(a), bd(b))
            {
                let expected = if a <= b { -(n - x + y) } else { -n - x + y };
                assert_eq!(m, expected, "between({b}, {a}) against between({a}, {b})");
            }
        }
        "list" => {
            let (Some(a), Some(b)) = (d(), d()) else {
                return;
            };
            match calendar.non_business_days(a, b) {
                Ok(days) => {
                    assert!((b - a).num_days() < MAX_LISTED_DAYS);
                    for pair in days.windows(2) {
                        if let [p, q] = pair {
                            assert!(p.date < q.date, "non-business days out of order");
                        }
                    }
                    for day in &days {
                        assert!(a <= day.date && day.date <= b);
                        assert_eq!(calendar.is_business_day(day.date), Ok(false), "{day:?}");
                        render_all(day);
                        round_trip!(walletcare_core::calendar::NonBusinessDay, day);
                    }
                    if let (Some(end), true) = (b.succ_opt(), a <= b) {
                        if let Ok(business) = calendar.business_days_between(a, end) {
                            let total = (end - a).num_days();
                            let listed = i64::try_from(days.len()).unwrap_or(i64::MAX);
                            assert_eq!(business + listed, total, "list({a}, {b}) misses days");
                        }
                    }
                }
                Err(error) => check_error(&error),
            }
        }
        "start" => {
            let Some(at) = word(&mut rest).and_then(instant) else {
                return;
            };
            if let Ok(x) = calendar.start_date(at) {
                assert_eq!(calendar.is_business_day(x), Ok(true));
                assert!(x >= at.with_timezone(&calendar.time_zone()).date_naive());
            }
        }
        "dur" => {
            let Some(at) = word(&mut rest).and_then(instant) else {
                return;
            };
            let Some(duration) = word(&mut rest).and_then(seconds) else {
                return;
            };
            let Ok(due) = calendar.add_business_duration(at, duration) else {
                return;
            };
            let zero = TimeDelta::zero();
            let (lo, hi) = if duration >= zero {
                (at, due)
            } else {
                (due, at)
            };
            assert!(
                lo <= hi,
                "add_business_duration({at}, {duration}) = {due} went the wrong way"
            );
            if let Ok(measured) = calendar.business_duration_between(lo, hi) {
                assert_eq!(
                    measured,
                    duration.abs(),
                    "between({lo}, {hi}) after adding {duration} to {at}"
                );
            }
            if duration > zero {
                let earlier = due - TimeDelta::nanoseconds(1);
                if let Ok(short) = calendar.business_duration_between(at, earlier.max(at)) {
                    assert!(
                        short < duration,
                        "{due} is not the earliest instant {duration} after {at}"
                    );
                }
            }
        }
        "span" => {
            let (Some(a), Some(b)) = (
                word(&mut rest).and_then(instant),
                word(&mut rest).and_then(instant),
            ) else {
                return;
            };
            let (a, b) = (a.min(b), a.max(b));
            let Ok(whole) = calendar.business_duration_between(a, b) else {
                return;
            };
            assert!(whole >= TimeDelta::zero());
            assert!(
                whole <= b - a,
                "more business time than time between {a} and {b}"
            );
            let middle = a + (b - a) / 2;
            if let (Ok(x), Ok(y)) = (
                calendar.business_duration_between(a, middle),
                calendar.business_duration_between(middle, b),
            ) {
                assert_eq!(x + y, whole, "business time is not additive over {middle}");
            }
            if let Ok(due) = calendar.add_business_duration(a, whole) {
                assert!(
                    due <= b,
                    "adding the business time of [{a}, {b}] to {a} overshoots: {due}"
                );
            }
        }
        "batch" => {
            let Some(n) = word(&mut rest).and_then(|w| w.parse::<i64>().ok()) else {
                return;
            };
            let days: Vec<i32> = rest
                .split_whitespace()
                .take(64)
                .filter_map(|w| w.parse().ok())
                .collect();
            let mut out = vec![0; days.len()];
            let batch = calendar.add_business_days_epoch_into(&days, n, &mut out);
            let singles: Result<Vec<i32>, CalendarError> = days
                .iter()
                .map(|&day| calendar.add_business_days_epoch(day, n))
                .collect();
            match singles {
                Ok(values) => {
                    assert_eq!(batch, Ok(()));
                    assert_eq!(out, values);
                    assert_eq!(calendar.add_business_days_epoch_vec(&days, n), Ok(values));
                }
                Err(_) => assert!(
                    matches!(batch, Err(CalendarError::InBatch { .. })),
                    "{batch:?}"
                ),
            }
            let ends: Vec<i32> = days.iter().rev().copied().collect();
            let mut counts = vec![0; days.len()];
            let batch = calendar.business_days_between_epoch_into(&days, &ends, &mut counts);
            let singles: Result<Vec<i64>, CalendarError> = days
                .iter()
                .zip(&ends)
                .map(|(&a, &b)| calendar.business_days_between_epoch(a, b))
                .collect();
            match singles {
                Ok(values) => {
                    assert_eq!(batch, Ok(()));
                    assert_eq!(counts, values);
                }
                Err(_) => assert!(batch.is_err()),
            }
            let mut short = vec![0; days.len().saturating_sub(1)];
            if !days.is_empty() {
                assert!(
                    calendar
                        .add_business_days_epoch_into(&days, n, &mut short)
                        .is_err()
                );
            }
        }
        "holiday" => {
            let Some(x) = d() else { return };
            let kind = match word(&mut rest) {
                Some("public") => HolidayKind::Public,
                Some("collective_leave") => HolidayKind::CollectiveLeave,
                Some("substitute") => HolidayKind::Substitute,
                _ => HolidayKind::Observed,
            };
            let holiday = Holiday {
                date: x,
                name: rest.to_owned(),
                kind,
                estimated: rest.len() % 2 == 1,
            };
            let before = calendar.clone();
            if all_or_nothing(calendar, |c| c.add_holiday(holiday.clone())).is_ok() {
                assert_eq!(calendar.holiday(x), Some(&holiday));
                if reference.covered(x) {
                    assert_eq!(calendar.is_business_day(x), Ok(false));
                }
                render_all(&holiday.kind);
                let _ = holiday.name_in(walletcare_core::locale::Locale::ZhCn);
                if before.holiday(x).is_none() {
                    let mut undone = calendar.clone();
                    assert_eq!(undone.remove_holiday(x), Ok(Some(holiday)));
                    assert_eq!(
                        undone, before,
                        "adding then removing a holiday is not a no-op"
                    );
                }
            }
        }
        "unholiday" => {
            let Some(x) = d() else { return };
            if let Ok(removed) = all_or_nothing(calendar, |c| c.remove_holiday(x)) {
                assert!(calendar.holiday(x).is_none());
                if removed.is_none() {
                    assert_eq!(calendar.holidays().len(), reference.holidays.len());
                }
            }
        }
        "working" => {
            let Some(x) = d() else { return };
            let day = WorkingDay {
                date: x,
                name: rest.to_owned(),
                estimated: false,
            };
            if all_or_nothing(calendar, |c| c.add_working_day(day)).is_ok() && reference.covered(x)
            {
                assert_eq!(calendar.is_business_day(x), Ok(true));
            }
        }
        "unworking" => {
            let Some(x) = d() else { return };
            let _ = all_or_nothing(calendar, |c| c.remove_working_day(x));
        }
        "joint" => {
            let Some(other) = load(rest) else { return };
            match BusinessCalendar::joint(calendar, &other) {
                Ok(both) => {
                    round_trip!(BusinessCalendar, &both);
                    for x in both.holidays().iter().map(|h| h.date).take(16) {
                        if let (Ok(p), Ok(q)) =
                            (calendar.is_business_day(x), other.is_business_day(x))
                        {
                            assert_eq!(both.is_business_day(x), Ok(p && q), "joint on {x}");
                        }
                    }
                }
                Err(error) => check_error(&error),
            }
        }
        _ => {}
    }
}
