//! Unit tests of the calendar module (the integration tests and property
//! tests live in `tests/integration/calendar.rs`).

use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn builtins_load_their_data() {
    for id in CalendarId::ALL {
        let cal = BusinessCalendar::builtin(id);
        assert!(!cal.holidays().is_empty(), "{id}");
        assert!(!cal.spec().name.contains("unavailable"), "{id}");
    }
}

#[test]
fn cn_make_up_sunday_is_a_business_day() {
    let cn = BusinessCalendar::builtin(CalendarId::China);
    assert!(cn.is_business_day(date(2024, 2, 4)).unwrap());
    assert!(!cn.is_business_day(date(2024, 2, 15)).unwrap());
}
