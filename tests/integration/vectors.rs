//! The shared test vectors (`tests/vectors/vectors.json`) run through the
//! Rust API. The C test `bindings/c/tests/test_vectors.c` and the npm
//! package's tests run the same file through their bindings, so the three
//! agree on every case. The schema is documented in
//! `tests/vectors/README.md`.

// Test helpers outside `#[test]` functions: a malformed vectors file should
// fail loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use walletcare::calendar::{BusinessCalendar, CalendarId};
use walletcare::error::HasErrorCode;
use walletcare::locale::Locale;
use walletcare::money::{self, Currency, Money};
use walletcare::refund::{RefundDestination, RefundSlaPolicy};
use walletcare::ticket::TicketNumber;

const VECTORS: &str = include_str!("../vectors/vectors.json");

fn vectors() -> Value {
    serde_json::from_str(VECTORS).expect("tests/vectors/vectors.json is valid JSON")
}

fn cases(section: &str) -> Vec<Value> {
    vectors()[section]
        .as_array()
        .unwrap_or_else(|| panic!("section {section} is an array"))
        .clone()
}

fn s<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is a string in {case}"))
}

fn date(case: &Value, key: &str) -> NaiveDate {
    s(case, key).parse().expect("a YYYY-MM-DD date")
}

fn calendar(case: &Value) -> BusinessCalendar {
    BusinessCalendar::builtin(s(case, "calendar").parse::<CalendarId>().unwrap())
}

#[test]
fn vectors_file_has_every_section_and_named_cases() {
    let all = vectors();
    assert_eq!(all["schema"], 1);
    for section in [
        "money_parse",
        "money_format",
        "calendar_is_business_day",
        "calendar_add_business_days",
        "calendar_business_days_between",
        "refund_due",
        "ticket_number",
        "ticket_number_check",
        "triage",
    ] {
        let cases = all[section].as_array().unwrap();
        for case in cases {
            assert!(case["name"].is_string(), "{section}: a case without a name");
            assert!(!case["expect"].is_null(), "{section}: {case} has no expect");
        }
    }
}

#[test]
fn money_parse_vectors() {
    let cases = cases("money_parse");
    assert!(!cases.is_empty());
    for case in cases {
        let locale: Locale = s(&case, "locale").parse().unwrap();
        let currency: Currency = s(&case, "default_currency").parse().unwrap();
        let result = money::parse(s(&case, "text"), locale, currency);
        let expect = &case["expect"];
        match expect["error"].as_str() {
            Some(code) => {
                let err = result.expect_err(s(&case, "name"));
                assert_eq!(err.code().as_str(), code, "{}", s(&case, "name"));
            }
            None => {
                let want = Money::new(
                    expect["minor"].as_i64().unwrap(),
                    s(expect, "currency").parse().unwrap(),
                );
                assert_eq!(result, Ok(want), "{}", s(&case, "name"));
            }
        }
    }
}

#[test]
fn money_format_vectors() {
    let cases = cases("money_format");
    assert!(!cases.is_empty());
    for case in cases {
        let amount = Money::new(
            case["minor"].as_i64().unwrap(),
            s(&case, "currency").parse().unwrap(),
        );
        let locale: Locale = s(&case, "locale").parse().unwrap();
        assert_eq!(
            amount.format(locale),
            s(&case, "expect"),
            "{}",
            s(&case, "name")
        );
        // And the formatted text parses back to the same amount.
        assert_eq!(
            money::parse(s(&case, "expect"), locale, amount.currency()),
            Ok(amount)
        );
    }
}

#[test]
fn calendar_is_business_day_vectors() {
    let cases = cases("calendar_is_business_day");
    assert!(!cases.is_empty());
    for case in cases {
        let answer = calendar(&case)
            .is_business_day(date(&case, "date"))
            .unwrap();
        assert_eq!(Value::Bool(answer), case["expect"], "{}", s(&case, "name"));
    }
}

#[test]
fn calendar_add_business_days_vectors() {
    let cases = cases("calendar_add_business_days");
    assert!(!cases.is_empty());
    for case in cases {
        let n = case["days"].as_i64().unwrap();
        let answer = calendar(&case)
            .add_business_days(date(&case, "date"), n)
            .unwrap();
        assert_eq!(answer, date(&case, "expect"), "{}", s(&case, "name"));
    }
}

#[test]
fn calendar_business_days_between_vectors() {
    let cases = cases("calendar_business_days_between");
    assert!(!cases.is_empty());
    for case in cases {
        let answer = calendar(&case)
            .business_days_between(date(&case, "start"), date(&case, "end"))
            .unwrap();
        assert_eq!(
            Some(answer),
            case["expect"].as_i64(),
            "{}",
            s(&case, "name")
        );
    }
}

#[test]
fn refund_due_vectors() {
    let cases = cases("refund_due");
    assert!(!cases.is_empty());
    for case in cases {
        let approved_at =
            DateTime::<Utc>::from_timestamp(case["approved_at"].as_i64().unwrap(), 0).unwrap();
        let destination: RefundDestination =
            serde_json::from_value(case["destination"].clone()).unwrap();
        let due = RefundSlaPolicy::default()
            .due(&calendar(&case), approved_at, destination)
            .unwrap();
        let expect = &case["expect"];
        let name = s(&case, "name");
        assert_eq!(due.start_date, date(expect, "start_date"), "{name}");
        assert_eq!(due.due_date, date(expect, "due_date"), "{name}");
        assert_eq!(Value::Bool(due.estimated), expect["estimated"], "{name}");
    }
}

#[test]
fn ticket_number_vectors() {
    let cases = cases("ticket_number");
    assert!(!cases.is_empty());
    for case in cases {
        let sequence = case["sequence"].as_u64().unwrap();
        let number = TicketNumber::new(date(&case, "date"), sequence).unwrap();
        assert_eq!(
            number.to_string(),
            s(&case, "expect"),
            "{}",
            s(&case, "name")
        );
        assert_eq!(TicketNumber::parse(s(&case, "expect")), Ok(number));
    }
}

#[test]
fn ticket_number_check_vectors() {
    let cases = cases("ticket_number_check");
    assert!(!cases.is_empty());
    for case in cases {
        let valid = TicketNumber::parse(s(&case, "text")).is_ok();
        assert_eq!(
            Value::Bool(valid),
            case["expect"]["valid"],
            "{}",
            s(&case, "name")
        );
    }
}
