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

/// The edition id and content digest of every built-in calendar. When the
/// data changes, the digest changes: bump the `edition` line of the data
/// file (so results computed on the old data can be told apart by id too)
/// and update this table.
const EDITIONS: [(&str, &str, &str); 6] = [
    ("ID", "ID-2026.12", "9f1b7674b38cf107"),
    ("CN", "CN-2026.12", "e5db5b5f21903d03"),
    ("SG", "SG-2026.12", "cabf997fe1d867dd"),
    ("MY", "MY-2026.12", "78d1127bdfd67850"),
    ("MY-14", "MY-14-2026.12", "7f3cd15965b4b78e"),
    ("MY-10", "MY-10-2026.12", "545235a7eb51427c"),
];

#[test]
fn builtin_editions_are_pinned_to_their_data() {
    assert_eq!(
        BusinessCalendar::builtin_codes(),
        EDITIONS.iter().map(|e| e.0).collect::<Vec<_>>()
    );
    for (code, id, digest) in EDITIONS {
        let cal = BusinessCalendar::builtin_code(code).unwrap();
        assert_eq!(cal.edition().id, id, "{code}");
        assert_eq!(
            cal.edition().digest,
            digest,
            "{code}: the data changed; bump its `edition` line and update EDITIONS"
        );
        // Every official year names its source.
        for y in 2020..=2030 {
            if !cal.is_estimated_year(y) {
                let prefix = format!("{y}: ");
                assert!(
                    cal.edition().sources.iter().any(|s| s.starts_with(&prefix)),
                    "{code} {y} has no source"
                );
            }
        }
    }
}

#[test]
fn joint_calendars_join_their_editions() {
    let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    let sg = BusinessCalendar::builtin(CalendarId::Singapore);
    let both = BusinessCalendar::joint(&id, &sg).unwrap();
    assert_eq!(both.edition().id, "ID-2026.12+SG-2026.12");
    assert_eq!(
        both.edition().sources.len(),
        id.edition().sources.len() + sg.edition().sources.len()
    );
    // Two long ids outgrow the id limit: the joint's id is then derived.
    let mut long = sg.clone();
    long.set_edition(CalendarEdition::new(&"S".repeat(40), ["x"]))
        .unwrap();
    let j = BusinessCalendar::joint(&long, &long).unwrap();
    assert!(j.edition().id.starts_with("content-"), "{}", j.edition().id);
    assert_eq!(j.edition().sources, ["x"]);
}

#[test]
fn region_codes_are_iso_3166_2() {
    for code in BusinessCalendar::builtin_codes().into_iter().skip(4) {
        let (country, sub) = code.split_once('-').unwrap();
        assert!(country.parse::<CalendarId>().is_ok(), "{code}");
        assert!(
            !sub.is_empty() && sub.len() <= 3 && sub.bytes().all(|b| b.is_ascii_alphanumeric()),
            "{code}"
        );
    }
}
