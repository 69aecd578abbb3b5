//! Helpers shared by the target bodies: the line-oriented input format,
//! argument parsing, and the invariants every entry point shares.

use std::fmt::{Debug, Display};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use walletcare_core::calendar::date_from_epoch_day;
use walletcare_core::error::{ErrorCode, HasErrorCode};
use walletcare_core::locale::{Locale, Render};

/// Most commands a single input may run, so that one execution stays fast.
pub(crate) const MAX_COMMANDS: usize = 64;

/// The UTF-8 lines of an input (`\n`-separated; other lines are skipped, so
/// a mutation that breaks one line does not hide the others). JSON never
/// holds a raw newline, so every JSON document fits on one line.
pub(crate) fn lines(data: &[u8]) -> impl Iterator<Item = &str> {
    data.split(|b| *b == b'\n')
        .filter_map(|line| std::str::from_utf8(line).ok())
}

/// A command line: its first word and the rest (trimmed at the start).
pub(crate) fn command(line: &str) -> (&str, &str) {
    let line = line.trim_start();
    match line.split_once(char::is_whitespace) {
        Some((word, rest)) => (word, rest.trim_start()),
        None => (line, ""),
    }
}

/// Takes the next whitespace-separated word from `rest`.
pub(crate) fn word<'a>(rest: &mut &'a str) -> Option<&'a str> {
    let (first, tail) = command(rest);
    *rest = tail;
    (!first.is_empty()).then_some(first)
}

/// A date: an epoch day (`-719162`) or an ISO date (`2025-08-17`).
pub(crate) fn date(text: &str) -> Option<NaiveDate> {
    match text.parse::<i32>() {
        Ok(day) => date_from_epoch_day(day).ok(),
        Err(_) => text.parse().ok(),
    }
}

/// An instant: Unix seconds (`1764000000`) or RFC 3339.
pub(crate) fn instant(text: &str) -> Option<DateTime<Utc>> {
    match text.parse::<i64>() {
        Ok(seconds) => DateTime::from_timestamp(seconds, 0),
        Err(_) => text.parse().ok(),
    }
}

/// A duration in seconds, or `None` if chrono cannot hold it.
pub(crate) fn seconds(text: &str) -> Option<TimeDelta> {
    text.parse::<i64>().ok().and_then(TimeDelta::try_seconds)
}

/// Renders in every locale: the text must not be empty.
pub(crate) fn render_all<R: Render + ?Sized>(value: &R) {
    for locale in Locale::ALL {
        let text = value.render(locale);
        assert!(!text.is_empty(), "empty rendering in {locale:?}");
    }
}

/// The invariants of every error value: a stable code that the bindings can
/// mirror, a message, and a `Debug` form.
pub(crate) fn check_error<E: HasErrorCode + Display + Debug>(error: &E) {
    let code = error.code();
    assert!(
        ErrorCode::ALL.contains(&code),
        "{error:?} has an unlisted code"
    );
    assert_eq!(ErrorCode::from_u32(code.as_u32()), Some(code));
    assert!(
        !error.to_string().is_empty(),
        "{error:?} has an empty message"
    );
    assert!(!format!("{error:?}").is_empty());
}

/// Asserts that a value's JSON loads back to an equal value and serialises
/// to the same text again (load → save → load is stable).
macro_rules! round_trip {
    ($ty:ty, $value:expr) => {{
        let value: &$ty = $value;
        let json = serde_json::to_string(value);
        assert!(
            json.is_ok(),
            "{} does not serialise: {:?}",
            stringify!($ty),
            json
        );
        if let Ok(json) = json {
            let back = serde_json::from_str::<$ty>(&json);
            assert_eq!(
                back.as_ref().ok(),
                Some(value),
                "{} JSON does not load back: {json}: {:?}",
                stringify!($ty),
                back.as_ref().err()
            );
            if let Ok(back) = back {
                assert_eq!(
                    serde_json::to_string(&back).ok().as_deref(),
                    Some(json.as_str()),
                    "{} JSON is not stable",
                    stringify!($ty)
                );
            }
        }
    }};
}
pub(crate) use round_trip;

/// Runs a fallible operation on a copy of `state` and asserts the
/// all-or-nothing rule: on error the state is unchanged.
pub(crate) fn all_or_nothing<T, R, E>(
    state: &mut T,
    operation: impl FnOnce(&mut T) -> Result<R, E>,
) -> Result<R, E>
where
    T: Clone + PartialEq + Debug,
    E: Debug,
{
    let before = state.clone();
    let result = operation(state);
    if let Err(error) = &result {
        assert_eq!(
            *state, before,
            "state changed by a failed operation: {error:?}"
        );
    }
    result
}
