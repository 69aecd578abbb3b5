//! Reading and writing the wire form: JSON in, JSON out, and every
//! deserialisation failure turned into a domain error that names the field
//! in the caller's terms.
//!
//! serde's own wording (backticks, "unknown variant", "expected struct") is
//! written for Rust programmers; a caller in C or JavaScript passed an
//! object, not a Rust type. [`from_str`] keeps the code a domain type chose
//! (a currency's `money.unknown_currency`, a policy's own validation code)
//! and rewrites the rest:
//!
//! | what went wrong | code | message |
//! |---|---|---|
//! | not JSON at all | `general.invalid_json` | `amount is not valid JSON (line 1, column 9)` |
//! | a value a domain type refuses | the domain's code | `amount.currency: unknown currency "GBP" ...` |
//! | an enum value that does not exist | `general.unknown_value` | `destination.kind: "bank" is not one of card, wallet, bank_transfer` |
//! | a missing field | `general.invalid_argument` | `destination.bank is required` |
//! | a value of the wrong type | `general.invalid_argument` | `amount.minor must be a whole number, not a string` |
//!
//! Values are never echoed in a type error (a card number in the wrong
//! field must not come back in a message), and unknown enum values are cut
//! to 32 characters.
//!
//! # Examples
//!
//! ```
//! use walletcare_api::json;
//! use walletcare_core::error::ErrorCode;
//! use walletcare_core::money::Money;
//!
//! let err = json::from_str::<Money>(r#"{"minor": 1, "currency": "GBP"}"#, "amount").unwrap_err();
//! assert_eq!(err.code, ErrorCode::UnknownCurrency);
//! assert!(err.message.starts_with("amount.currency: "), "{}", err.message);
//!
//! let err = json::from_str::<Money>(r#"{"minor": "1"}"#, "amount").unwrap_err();
//! assert_eq!(err.code, ErrorCode::InvalidArgument);
//! assert_eq!(err.message, "amount.minor must be a whole number, not a string");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use walletcare_core::error::{Error, ErrorCode};

use crate::read::{self, DeError, Node};

/// Upper bound on any JSON or text argument, in bytes (16 MiB).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The longest unknown value quoted back in a message, in characters.
const MAX_QUOTED_CHARS: usize = 32;

/// Reads `text` as a `T`. `what` names the argument in messages
/// (`"amount"`, `"destination"`).
///
/// # Errors
///
/// `general.input_too_large` over [`MAX_INPUT_BYTES`], `general.invalid_json`
/// when the text is not JSON, and otherwise the code described in the
/// [module docs](self).
///
/// # Examples
///
/// ```
/// use walletcare_api::json;
/// use walletcare_core::locale::Locale;
///
/// let locale: Locale = json::from_str(r#""id-ID""#, "locale")?;
/// assert_eq!(locale, Locale::Id);
/// let err = json::from_str::<Locale>(r#""id-ID"#, "locale").unwrap_err();
/// assert_eq!(err.code.as_str(), "general.invalid_json");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_str<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorCode::InputTooLarge,
            format!(
                "{what} is {} bytes long; the limit is {MAX_INPUT_BYTES}",
                text.len()
            ),
        ));
    }
    read(text, what)
}

/// [`from_str`] without the size check. The one place a type is
/// deserialised: [`from_value`] comes here too. The text is parsed once
/// into a tree ([`crate::read`]) and the type is read from the tree by one
/// path-tracking reader, so each type's deserialisation code exists once in
/// a binary, compiled against that small reader.
fn read<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let node = match Node::deserialize(&mut de) {
        Ok(node) => node,
        Err(err) => return Err(refused_kind::<T>(text, what).unwrap_or_else(|| syntax(&err, what))),
    };
    // A value the type refuses is reported before text after it that is
    // not JSON, as a reader that stops at the first problem would.
    let value = read::from_node(&node).map_err(|err| describe(err, what))?;
    de.end().map_err(|err| syntax(&err, what))?;
    Ok(value)
}

/// For text that breaks off or nests too deeply inside its outermost list
/// or object: the error for a `T` that is not read from that kind at all
/// (a list where an object is expected), which is the first problem a
/// reader going through the text meets, before the broken part.
fn refused_kind<T: DeserializeOwned>(text: &str, what: &str) -> Option<Error> {
    let stub = match text
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .as_bytes()
        .first()?
    {
        b'[' => Node::Seq(Vec::new()),
        b'{' => Node::Map(Vec::new()),
        _ => return None,
    };
    match read::from_node::<T>(&stub) {
        Err(err) if err.message.starts_with("invalid type: ") => Some(describe(err, what)),
        _ => None,
    }
}

/// Reads a JSON value already parsed (for example a member of a larger
/// input) as a `T`, with the same errors as [`from_str`].
///
/// # Errors
///
/// As [`from_str`], except that the value is already JSON.
///
/// # Examples
///
/// ```
/// use walletcare_api::json;
/// use walletcare_core::money::Money;
///
/// let value = serde_json::json!({"minor": 150, "currency": "IDR"});
/// let money: Money = json::from_value(value, "amount")?;
/// assert_eq!(money.minor(), 150);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_value<T: DeserializeOwned>(value: Value, what: &str) -> Result<T, Error> {
    // Written back to text and read as `from_str` does: the same value
    // (floats round-trip, `float_roundtrip`), the same errors, and no
    // second copy of `T`'s deserialisation code.
    read(&value.to_string(), what)
}

/// Writes a value as JSON text.
///
/// # Errors
///
/// Only for values that JSON cannot hold (a map with non-string keys); the
/// operation layer's outputs never are. The error is
/// `general.invalid_argument`.
///
/// # Examples
///
/// ```
/// use walletcare_api::json;
/// use walletcare_core::money::{Currency, Money};
///
/// assert_eq!(json::to_string(&Money::new(5, Currency::Usd))?, r#"{"minor":5,"currency":"USD"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|err| {
        Error::new(
            ErrorCode::InvalidArgument,
            format!(
                "the result cannot be written as JSON ({})",
                strip_ticks(&err.to_string())
            ),
        )
    })
}

/// The error for text that is not JSON.
fn syntax(err: &serde_json::Error, what: &str) -> Error {
    let reason = if err.to_string().contains("recursion limit") {
        "is nested too deeply"
    } else if err.is_eof() {
        "ends too early: it is not complete JSON"
    } else {
        "is not valid JSON"
    };
    Error::new(
        ErrorCode::InvalidJson,
        format!(
            "{what} {reason} (line {}, column {})",
            err.line(),
            err.column()
        ),
    )
}

/// The field a failure is in: `what` itself, or `what.path`.
fn field_name(what: &str, path: &str) -> String {
    if path.is_empty() {
        what.to_owned()
    } else if path.starts_with('[') {
        format!("{what}{path}")
    } else {
        format!("{what}.{path}")
    }
}

fn describe(err: DeError, what: &str) -> Error {
    let field = field_name(what, err.path.as_deref().unwrap_or(""));
    describe_data(&err.message, &field)
}

/// Turns serde's message for a data error at `field` into a domain error.
fn describe_data(message: &str, field: &str) -> Error {
    if let Some((code, rest)) = coded(message) {
        return Error::new(code, format!("{field}: {rest}"))
            .with_details(serde_json::json!({ "field": field }));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, allowed) = quoted_then_list(rest);
        let value = shorten(&value);
        let text = if allowed.is_empty() {
            format!("{field}: \"{value}\" is not an accepted value")
        } else {
            format!("{field}: \"{value}\" is not one of {}", allowed.join(", "))
        };
        return Error::new(ErrorCode::UnknownValue, text).with_details(
            serde_json::json!({ "field": field, "value": value, "allowed": allowed }),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let name = unquote(rest);
        let full = format!("{field}.{name}");
        return Error::new(ErrorCode::InvalidArgument, format!("{full} is required"))
            .with_details(serde_json::json!({ "field": full, "missing": true }));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (name, allowed) = quoted_then_list(rest);
        // The path already ends with the unknown field; the message names
        // the object that does not have it.
        let field = field
            .strip_suffix(name.as_str())
            .and_then(|f| f.strip_suffix('.'))
            .unwrap_or(field);
        let name = shorten(&name);
        let text = if allowed.is_empty() {
            format!("{field} has no field \"{name}\"")
        } else {
            format!(
                "{field} has no field \"{name}\"; its fields are {}",
                allowed.join(", ")
            )
        };
        return Error::new(ErrorCode::InvalidArgument, text)
            .with_details(serde_json::json!({ "field": field, "unknown_field": name }));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return invalid(field, format!("{field}.{} is given twice", unquote(rest)));
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.split_once(", expected ") {
                return invalid(
                    field,
                    format!(
                        "{field} must be {}, not {}",
                        expectation(expected),
                        found_kind(found)
                    ),
                );
            }
        }
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            if expected.starts_with("struct ") {
                return invalid(field, format!("{field} must be an object, not a list"));
            }
            return invalid(
                field,
                format!(
                    "{field} has {} items; it must have {}",
                    found.trim(),
                    strip_ticks(expected)
                ),
            );
        }
    }
    if message.starts_with("data did not match any variant") {
        return invalid(field, format!("{field} does not match any accepted form"));
    }
    if message == "input is out of range" {
        return Error::new(
            ErrorCode::DateOutOfRange,
            format!("{field} is a date or time out of the supported range"),
        )
        .with_details(serde_json::json!({ "field": field }));
    }
    invalid(
        field,
        format!("{field} is not valid: {}", strip_ticks(message)),
    )
}

fn invalid(field: &str, message: String) -> Error {
    Error::new(ErrorCode::InvalidArgument, message)
        .with_details(serde_json::json!({ "field": field }))
}

/// `"money.unknown_currency: ..."` as written by
/// [`walletcare_core::error::Coded`].
fn coded(message: &str) -> Option<(ErrorCode, &str)> {
    let (head, rest) = message.split_once(": ")?;
    let code: ErrorCode = head.parse().ok()?;
    Some((code, rest))
}

/// Reads "`x`, expected one of `a`, `b`" into `x` and `[a, b]`.
fn quoted_then_list(text: &str) -> (String, Vec<String>) {
    let Some(after_tick) = text.strip_prefix('`') else {
        return (strip_ticks(text), Vec::new());
    };
    let Some((value, rest)) = after_tick.split_once("`, ") else {
        return (strip_ticks(text), Vec::new());
    };
    let list = rest
        .strip_prefix("expected one of ")
        .or_else(|| rest.strip_prefix("expected "))
        .unwrap_or("");
    let allowed = list
        .replace(" or ", ", ")
        .split(", ")
        .map(|item| item.trim_matches('`').to_owned())
        .filter(|item| !item.is_empty())
        .collect();
    (value.to_owned(), allowed)
}

fn unquote(text: &str) -> String {
    text.trim().trim_matches('`').to_owned()
}

fn strip_ticks(text: &str) -> String {
    text.replace('`', "\"")
}

fn shorten(text: &str) -> String {
    let mut chars = text.chars();
    let short: String = chars.by_ref().take(MAX_QUOTED_CHARS).collect();
    if chars.next().is_some() {
        format!("{short}...")
    } else {
        short
    }
}

/// What serde says was found, as a kind only: values are not echoed.
fn found_kind(found: &str) -> &'static str {
    let found = found.trim();
    if found.starts_with("string") || found.starts_with("char") {
        "a string"
    } else if found.starts_with("integer") || found.starts_with("floating point") {
        "a number"
    } else if found.starts_with("boolean") {
        "true or false"
    } else if found.starts_with("map") {
        "an object"
    } else if found.starts_with("sequence") {
        "a list"
    } else if found.starts_with("unit") || found.starts_with("null") || found.starts_with("Option")
    {
        "null"
    } else {
        "another kind of value"
    }
}

/// What serde says was expected, in a JSON caller's words.
fn expectation(expected: &str) -> String {
    let e = expected.trim();
    let integer = [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
    ];
    if integer.contains(&e) {
        return match e.chars().next() {
            Some('u') => "a whole number, 0 or more".to_owned(),
            _ => "a whole number".to_owned(),
        };
    }
    match e {
        "f32" | "f64" => return "a number".to_owned(),
        "a string" | "string" | "a borrowed string" | "char" | "a character" => {
            return "a string".to_owned();
        }
        "a boolean" | "bool" => return "true or false".to_owned(),
        "a sequence" | "a tuple" => return "a list".to_owned(),
        "unit" => return "null".to_owned(),
        _ => {}
    }
    if e.starts_with("struct ")
        || e.starts_with("a map")
        || e.starts_with("map")
        || e.contains("tagged enum")
        || e.starts_with("enum ")
    {
        return "an object".to_owned();
    }
    if e.starts_with("tuple") {
        return "a list".to_owned();
    }
    strip_ticks(e)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;
    use serde::Deserialize;
    use walletcare_core::money::{Currency, Money};

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case", tag = "kind")]
    #[allow(dead_code)]
    enum Destination {
        Card { bank: String, last4: String },
        Wallet,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Request {
        amount: Money,
        destination: Destination,
        days: u32,
    }

    fn err_of(json: &str) -> Error {
        from_str::<Request>(json, "request").unwrap_err()
    }

    fn has_no_serde_wording(message: &str) {
        for word in [
            "`",
            "unknown variant",
            "expected struct",
            "invalid type",
            "at line",
        ] {
            assert!(!message.contains(word), "{message:?} contains {word:?}");
        }
    }

    #[test]
    fn a_bad_currency_keeps_its_domain_code() {
        let err = err_of(
            r#"{"amount":{"minor":1,"currency":"GBP"},"destination":{"kind":"wallet"},"days":1}"#,
        );
        assert_eq!(err.code, ErrorCode::UnknownCurrency);
        assert!(
            err.message.starts_with("request.amount.currency: "),
            "{}",
            err.message
        );
        assert_eq!(err.details["field"], "request.amount.currency");
        has_no_serde_wording(&err.message);
    }

    #[test]
    fn a_missing_field_is_named_with_its_path() {
        let err = err_of(
            r#"{"amount":{"minor":1,"currency":"IDR"},"destination":{"kind":"card","last4":"1234"},"days":1}"#,
        );
        assert_eq!(err.code, ErrorCode::InvalidArgument);
        assert_eq!(err.message, "request.destination.bank is required");
        has_no_serde_wording(&err.message);
    }

    #[test]
    fn an_unknown_enum_value_lists_the_allowed_ones() {
        let err = err_of(
            r#"{"amount":{"minor":1,"currency":"IDR"},"destination":{"kind":"cash"},"days":1}"#,
        );
        assert_eq!(err.code, ErrorCode::UnknownValue);
        assert_eq!(
            err.message,
            "request.destination.kind: \"cash\" is not one of card, wallet"
        );
        assert_eq!(
            err.details["allowed"],
            serde_json::json!(["card", "wallet"])
        );
    }

    #[test]
    fn a_wrong_type_never_echoes_the_value() {
        let err = err_of(
            r#"{"amount":{"minor":"4111111111111111","currency":"IDR"},"destination":{"kind":"wallet"},"days":1}"#,
        );
        assert_eq!(err.code, ErrorCode::InvalidArgument);
        assert_eq!(
            err.message,
            "request.amount.minor must be a whole number, not a string"
        );
        assert!(!err.message.contains("4111"));
        let err = err_of(
            r#"{"amount":{"minor":1,"currency":"IDR"},"destination":{"kind":"wallet"},"days":-1}"#,
        );
        assert_eq!(
            err.message,
            "request.days must be a whole number, 0 or more, not a number"
        );
        let err = from_str::<Request>("[]", "request").unwrap_err();
        assert_eq!(err.message, "request must be an object, not a list");
    }

    #[test]
    fn an_unknown_field_is_named_once_beside_its_object() {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Options {
            locale: Option<String>,
        }
        let err = from_str::<Options>(r#"{"locael":"id"}"#, "options").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument);
        assert_eq!(
            err.message,
            "options has no field \"locael\"; its fields are locale"
        );
    }

    #[test]
    fn a_field_given_twice_is_refused() {
        let err = err_of(
            r#"{"amount":{"minor":1,"minor":2,"currency":"IDR"},"destination":{"kind":"wallet"},"days":1}"#,
        );
        assert_eq!(err.code, ErrorCode::InvalidArgument);
        assert_eq!(err.message, "request.amount.minor is given twice");
    }

    #[test]
    fn items_of_lists_and_enum_variants_are_named() {
        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[allow(dead_code)]
        enum Shape {
            Dot,
            Line { amounts: Vec<Money> },
        }
        let err = from_str::<Vec<Shape>>(
            r#"["dot", {"line": {"amounts": [{"minor":1,"currency":"IDR"}, {"minor":1,"currency":"GBP"}]}}]"#,
            "shapes",
        )
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownCurrency);
        assert_eq!(err.details["field"], "shapes[1].line.amounts[1].currency");
        let err = from_str::<Vec<Shape>>(r#"["dot", "circle"]"#, "shapes").unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownValue);
        assert_eq!(err.message, "shapes[1]: \"circle\" is not one of dot, line");
    }

    #[test]
    fn an_object_is_not_read_from_a_list_of_its_fields() {
        let err = from_str::<Money>(r#"[1, "IDR"]"#, "amount").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument);
        assert_eq!(err.message, "amount must be an object, not a list");
    }

    #[test]
    fn numbers_keep_their_kind() {
        let err = from_str::<u32>("-1", "days").unwrap_err();
        assert_eq!(
            err.message,
            "days must be a whole number, 0 or more, not a number"
        );
        let err = from_str::<i64>("1.5", "minor").unwrap_err();
        assert_eq!(err.message, "minor must be a whole number, not a number");
        assert_eq!(
            from_str::<f64>("2", "rate").unwrap().to_bits(),
            2.0f64.to_bits()
        );
        assert_eq!(from_str::<i64>("-7", "minor").unwrap(), -7);
        let err = from_str::<String>("null", "text").unwrap_err();
        assert_eq!(err.message, "text must be a string, not null");
        assert_eq!(from_str::<Option<String>>("null", "text").unwrap(), None);
    }

    #[test]
    fn text_that_is_not_json_is_invalid_json() {
        for (text, start) in [
            ("{", "request ends too early"),
            ("nope", "request is not valid JSON"),
            ("{} {}", "request is not valid JSON"),
        ] {
            let err = from_str::<Value>(text, "request").unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidJson, "{text}");
            assert!(err.message.starts_with(start), "{text}: {}", err.message);
        }
        let deep = "[".repeat(10_000);
        let err = from_str::<Value>(&deep, "request").unwrap_err();
        assert_eq!(
            err.message,
            "request is nested too deeply (line 1, column 128)"
        );
    }

    #[test]
    fn a_list_for_an_object_is_refused_before_the_text_breaks_off() {
        let deep = "[".repeat(100_000);
        let err = from_str::<Money>(&deep, "amount").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument);
        assert_eq!(err.message, "amount must be an object, not a list");
        let err = from_str::<Vec<Money>>(&deep, "amounts").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidJson);
        let err = from_str::<Money>(r#"{"minor": 1"#, "amount").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidJson);
        let err = from_str::<u32>(r#""x" ]"#, "days").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument);
    }

    #[test]
    fn long_unknown_values_are_cut() {
        let long = "x".repeat(500);
        let err = from_str::<Currency>(&format!("\"{long}\""), "currency").unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownCurrency);
        assert!(err.message.len() < 200, "{}", err.message);
        let err = from_str::<Destination>(&format!(r#"{{"kind":"{long}"}}"#), "d").unwrap_err();
        assert!(err.message.len() < 120, "{}", err.message);
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let big = " ".repeat(MAX_INPUT_BYTES + 1);
        let err = from_str::<Value>(&big, "request").unwrap_err();
        assert_eq!(err.code, ErrorCode::InputTooLarge);
    }
}
