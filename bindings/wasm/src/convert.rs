//! Conversions between JS values and core types, and errors as JS `Error`s
//! with a stable `code`.
//!
//! # How values cross
//!
//! Structured values cross as the core's JSON form, through JSON text: a JS
//! object is turned into JSON by `JSON.stringify` (in JS, with a replacer that
//! refuses `NaN`, `Infinity`, integers beyond ±2^53−1 and invalid `Date`s) and
//! read with `serde_json`, exactly as the C library reads the JSON it is given;
//! results are written with `serde_json` and handed to `JSON.parse`. So C, JS
//! and Rust accept the same inputs, refuse the same inputs with the same error
//! codes, and produce the same JSON.
//!
//! Going through text also keeps the instance safe: every call into JS that
//! may throw (getters, proxies, `BigInt`s, cycles) happens inside one guarded
//! JS function, so no JS exception ever unwinds through Rust frames.
//!
//! Scalar arguments (text, numbers, dates, codes) are checked here one by one:
//! a wrong type, `NaN`, a fraction where an integer is expected, or a string
//! over [`MAX_INPUT_BYTES`] throws `general.invalid_argument` or
//! `general.input_too_large` before anything is copied into the wasm memory.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use walletcare_core::error::{ErrorCode, HasErrorCode};
use walletcare_core::locale::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Largest text argument accepted, in UTF-16 code units (16 Mi), as the C
/// library's byte limit.
pub(crate) const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Largest byte-array argument (a trained triage model), in bytes (64 MiB).
pub(crate) const MAX_BYTES_INPUT: usize = 64 * 1024 * 1024;

/// The largest integer a JS number holds exactly (2^53 − 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

#[wasm_bindgen(inline_js = r#"
function where(holder, key) {
  if (key === '') return 'the value';
  return Array.isArray(holder) ? `item ${key}` : `field "${key}"`;
}
function replacer(key, value) {
  const raw = this[key];
  if (raw instanceof Date && Number.isNaN(raw.getTime())) {
    throw new RangeError(`${where(this, key)} is an invalid Date`);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new RangeError(`${where(this, key)} is ${value}`);
    }
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      throw new RangeError(`${where(this, key)} is ${value}, beyond the integers a JS number holds exactly (±2^53-1)`);
    }
  }
  if (value === undefined && Array.isArray(this)) {
    throw new TypeError(`${where(this, key)} is undefined`);
  }
  return value;
}
export function wcToJson(value) {
  try {
    if (value === undefined) return undefined;
    return JSON.stringify(value, replacer);
  } catch (e) {
    return e instanceof Error ? e : new TypeError(String(e));
  }
}
export function wcFromJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return e instanceof Error ? e : new SyntaxError(String(e));
  }
}
export function wcError(message, code, status, name) {
  const error = new Error(message);
  error.name = name;
  error.code = code;
  error.status = status;
  return error;
}
"#)]
extern "C" {
    /// `JSON.stringify` with the checks above; returns the JSON text,
    /// `undefined` for `undefined`, or the `Error` it caught. Never throws.
    #[wasm_bindgen(js_name = wcToJson)]
    fn wc_to_json(value: &JsValue) -> JsValue;

    /// `JSON.parse`; returns the value or the `Error` it caught. Never throws.
    #[wasm_bindgen(js_name = wcFromJson)]
    fn wc_from_json(text: &str) -> JsValue;

    /// A new `Error` with `name`, `code` and `status`. Never throws.
    #[wasm_bindgen(js_name = wcError)]
    fn wc_error(message: &str, code: &str, status: u32, name: &str) -> JsValue;
}

/// A JS `Error` with `name = "WalletcareError"`, a stable `code`, the
/// core's [`ErrorCode`] string (for example `"money.currency_mismatch"`),
/// and `status`, the same code's number (the C library's `wc_status`).
pub(crate) fn js_error(code: ErrorCode, message: &str) -> JsValue {
    wc_error(message, code.as_str(), code.as_u32(), "WalletcareError")
}

/// Converts a core error.
pub(crate) fn core_error<E: HasErrorCode>(err: E) -> JsValue {
    js_error(err.code(), &err.to_string())
}

/// `general.invalid_argument` with a message.
pub(crate) fn invalid(message: &str) -> JsValue {
    js_error(ErrorCode::InvalidArgument, message)
}

/// The message of a caught JS error, or its text.
fn error_message(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => e.message().as_string().unwrap_or_default(),
        None => error
            .as_string()
            .unwrap_or_else(|| "unknown error".to_owned()),
    }
}

/// What JS's `typeof` says, for messages.
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        return "null".to_owned();
    }
    value
        .js_typeof()
        .as_string()
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Removes serde_json's " at line 1 column 42" suffix: the positions are in
/// the JSON text made from the caller's object, which the caller never sees.
fn without_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(at)
            if message
                .get(at..)
                .is_some_and(|tail| tail.contains(" column ")) =>
        {
            message.get(..at).unwrap_or(message)
        }
        _ => message,
    }
}

/// A JS string's length in UTF-16 code units, if it is a string.
fn js_string_len(value: &JsValue) -> Option<usize> {
    value
        .dyn_ref::<js_sys::JsString>()
        .map(|s| usize::try_from(s.length()).unwrap_or(usize::MAX))
}

/// Checks a JS string's size before it is copied into the wasm memory, then
/// copies it.
fn bounded_string(value: &JsValue, what: &str) -> Result<Option<String>, JsValue> {
    match js_string_len(value) {
        None => Ok(None),
        Some(len) if len > MAX_INPUT_BYTES => Err(js_error(
            ErrorCode::InputTooLarge,
            &format!("{what} is {len} characters long; the limit is {MAX_INPUT_BYTES}"),
        )),
        Some(_) => Ok(value.as_string()),
    }
}

/// The JSON text of a JS value, checked as described in the module docs.
fn json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    let text = wc_to_json(value);
    if text.is_undefined() {
        return Err(invalid(&format!("{what} is missing (undefined)")));
    }
    if text.is_instance_of::<js_sys::Error>() {
        return Err(invalid(&format!(
            "{what} cannot be read: {}",
            error_message(&text)
        )));
    }
    bounded_string(&text, what)?.ok_or_else(|| {
        invalid(&format!(
            "{what} cannot be written as JSON (a function or a symbol?)"
        ))
    })
}

/// Reads a JS value (a plain object in the core's JSON form) as a core input
/// type. A value that is not valid JSON data throws
/// `general.invalid_argument`; JSON that does not match the core's form
/// throws `general.invalid_json`, as in the C library.
pub(crate) fn from_js<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    let text = json_text(value, what)?;
    from_json_text(&text, what)
}

/// Like [`from_js`] for an optional argument: `undefined` and `null` give
/// `None`.
pub(crate) fn from_js_opt<T: DeserializeOwned>(
    value: Option<&JsValue>,
    what: &str,
) -> Result<Option<T>, JsValue> {
    match value {
        None => Ok(None),
        Some(v) if v.is_undefined() || v.is_null() => Ok(None),
        Some(v) => from_js(v, what).map(Some),
    }
}

/// Like [`from_js`] with a default for `undefined` and `null`.
pub(crate) fn from_js_or_default<T: DeserializeOwned + Default>(
    value: Option<&JsValue>,
    what: &str,
) -> Result<T, JsValue> {
    from_js_opt(value, what).map(Option::unwrap_or_default)
}

/// Reads JSON text with the operation layer's errors (a domain code and
/// the field's name), exactly as the C library does.
pub(crate) fn from_json_text<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, JsValue> {
    walletcare_api::json::from_str(text, what).map_err(|err| api_error(&err))
}

/// Converts an operation-layer error.
pub(crate) fn api_error(err: &walletcare_core::error::Error) -> JsValue {
    js_error(err.code, &err.message)
}

/// An operation layer result as an export's result.
pub(crate) fn api<T>(result: Result<T, walletcare_core::error::Error>) -> Result<T, JsValue> {
    result.map_err(|err| api_error(&err))
}

/// Runs an operation of the operation layer and returns its output as a
/// plain JS object: one call for every export whose result is JSON.
pub(crate) fn run<O: walletcare_api::ops::Operation>(op: O) -> Result<JsValue, JsValue> {
    to_js(&api(op.run())?)
}

/// Reads an argument that may be JSON text or an object in the core's JSON
/// form (a calendar, a refund book, a ticket).
pub(crate) fn json_or_object(value: &JsValue, what: &str) -> Result<String, JsValue> {
    match bounded_string(value, what)? {
        Some(text) => Ok(text),
        None => json_text(value, what),
    }
}

/// Writes a core value as a plain JS object in its JSON form.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| invalid(&format!("the result cannot be written as JSON: {e}")))?;
    json_to_js(&text)
}

/// Hands JSON text made by the core to `JSON.parse`, refusing integers a JS
/// number cannot hold exactly (they would silently change).
pub(crate) fn json_to_js(text: &str) -> Result<JsValue, JsValue> {
    if let Some(number) = unsafe_integer(text) {
        return Err(invalid(&format!(
            "the result holds the integer {number}, beyond what a JS number holds exactly (±2^53-1)"
        )));
    }
    let value = wc_from_json(text);
    if value.is_instance_of::<js_sys::Error>() {
        return Err(invalid(&format!(
            "the result cannot be read: {}",
            error_message(&value)
        )));
    }
    Ok(value)
}

/// The first integer literal outside JSON strings whose magnitude exceeds
/// 2^53 − 1, if any. (Floats are left alone: serde_json writes the shortest
/// text that reads back to the same double, and so does `JSON.parse`.)
fn unsafe_integer(json: &str) -> Option<&str> {
    enum State {
        Between,
        InString { escaped: bool },
        InNumber { start: usize, float: bool },
    }
    let mut state = State::Between;
    for (i, b) in json.bytes().enumerate() {
        state = match state {
            State::InString { escaped: true } => State::InString { escaped: false },
            State::InString { escaped: false } => match b {
                b'\\' => State::InString { escaped: true },
                b'"' => State::Between,
                _ => State::InString { escaped: false },
            },
            State::InNumber { start, float } => match b {
                b'0'..=b'9' => State::InNumber { start, float },
                b'.' | b'e' | b'E' | b'+' | b'-' => State::InNumber { start, float: true },
                _ => {
                    let literal = json.get(start..i)?;
                    if !float && integer_too_large(literal) {
                        return Some(literal);
                    }
                    // Valid JSON has no string right after a number.
                    State::Between
                }
            },
            State::Between => match b {
                b'"' => State::InString { escaped: false },
                b'-' | b'0'..=b'9' => State::InNumber {
                    start: i,
                    float: false,
                },
                _ => State::Between,
            },
        };
    }
    match state {
        State::InNumber {
            start,
            float: false,
        } => {
            let literal = json.get(start..)?;
            integer_too_large(literal).then_some(literal)
        }
        _ => None,
    }
}

fn integer_too_large(literal: &str) -> bool {
    let digits = literal.trim_start_matches('-');
    digits.len() >= 16
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits
            .parse::<u128>()
            .map_or(true, |n| n > 9_007_199_254_740_991)
}

/// A required text argument.
pub(crate) fn string_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    bounded_string(value, name)?.ok_or_else(|| {
        invalid(&format!(
            "{name} must be a string, got {}",
            type_name(value)
        ))
    })
}

/// An integer argument: a JS number that is finite, whole and within ±2^53−1.
pub(crate) fn integer_arg(value: &JsValue, name: &str) -> Result<i64, JsValue> {
    let Some(n) = value.as_f64() else {
        return Err(invalid(&format!(
            "{name} must be a number, got {}",
            type_name(value)
        )));
    };
    // (Messages avoid formatting the float: that would link Rust's float
    // printing, about 20 KB of wasm.)
    if !n.is_finite() {
        return Err(invalid(&format!(
            "{name} must be a finite number, got {}",
            if n.is_nan() { "NaN" } else { "Infinity" }
        )));
    }
    if n.fract() != 0.0 || n.abs() > MAX_SAFE_INTEGER {
        return Err(invalid(&format!(
            "{name} must be a whole number within ±2^53-1"
        )));
    }
    // Exact: n is whole and within the safe range.
    #[allow(clippy::cast_possible_truncation)]
    Ok(n as i64)
}

/// An integer argument converted to a narrower type, with its range in the
/// message when it does not fit.
pub(crate) fn int_arg<T>(value: &JsValue, name: &str) -> Result<T, JsValue>
where
    T: TryFrom<i64> + num_bounds::Bounds,
{
    let n = integer_arg(value, name)?;
    T::try_from(n).map_err(|_| {
        invalid(&format!(
            "{name} must be between {} and {}, got {n}",
            T::MIN_I128,
            T::MAX_I128
        ))
    })
}

/// Integer bounds for messages.
pub(crate) mod num_bounds {
    /// The range of an integer type, widened.
    pub(crate) trait Bounds {
        /// The smallest value.
        const MIN_I128: i128;
        /// The largest value.
        const MAX_I128: i128;
    }
    macro_rules! bounds {
        ($($t:ty),*) => {$(
            impl Bounds for $t {
                const MIN_I128: i128 = <$t>::MIN as i128;
                const MAX_I128: i128 = <$t>::MAX as i128;
            }
        )*};
    }
    bounds!(u8, u16, u32, u64, i32, i64);
}

/// A local date argument: an ISO date string `YYYY-MM-DD`.
pub(crate) fn date_arg(value: &JsValue, name: &str) -> Result<NaiveDate, JsValue> {
    let text = string_arg(value, name)?;
    parse_date(&text, name)
}

/// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day).
pub(crate) fn parse_date(text: &str, name: &str) -> Result<NaiveDate, JsValue> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let parsed = if well_formed {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    } else {
        None
    };
    parsed.ok_or_else(|| {
        let shown: String = text.chars().take(40).collect();
        invalid(&format!(
            "{name} must be a valid date YYYY-MM-DD, got {shown:?}"
        ))
    })
}

/// An instant argument: an RFC 3339 string (`"2026-11-21T08:00:00Z"`,
/// `"2026-11-21T15:00:00+07:00"`) or a valid JS `Date`.
pub(crate) fn instant_arg(value: &JsValue, name: &str) -> Result<DateTime<Utc>, JsValue> {
    let text = match bounded_string(value, name)? {
        Some(text) => text,
        None if value.is_instance_of::<js_sys::Date>() => {
            // Date.prototype.toJSON, checked for invalid dates, in JS.
            let json = json_text(value, name)?;
            serde_json::from_str::<String>(&json)
                .map_err(|_| invalid(&format!("{name} must be a valid Date or RFC 3339 string")))?
        }
        None => {
            return Err(invalid(&format!(
                "{name} must be an RFC 3339 string or a Date, got {}",
                type_name(value)
            )));
        }
    };
    parse_instant(&text, name)
}

/// Parses an RFC 3339 instant, as the core's JSON form does.
pub(crate) fn parse_instant(text: &str, name: &str) -> Result<DateTime<Utc>, JsValue> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            let shown: String = text.chars().take(40).collect();
            invalid(&format!(
                "{name} must be an RFC 3339 instant such as \"2026-11-21T08:00:00Z\", got {shown:?} ({e})"
            ))
        })
}

/// Writes an instant in the core's JSON form (`"2026-11-21T08:00:00Z"`).
pub(crate) fn instant_to_string(at: DateTime<Utc>) -> String {
    // serde_json writes a DateTime<Utc> as a JSON string; reuse it so the
    // form is exactly the core's.
    serde_json::to_value(at)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| at.to_rfc3339())
}

/// The locale of an options object: a BCP 47 tag such as `"en"`,
/// `"id-ID"`, `"id"`, `"zh-CN"`; absent gives English.
pub(crate) fn locale_of(tag: Option<&str>) -> Result<Locale, JsValue> {
    match tag {
        None => Ok(Locale::En),
        Some(tag) => parse_code(tag),
    }
}

/// Options that only carry a locale: `{ locale?: "id-ID" }`.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct LocaleOptions {
    #[serde(default)]
    pub(crate) locale: Option<String>,
}

/// The locale of a `{ locale }` options argument (English by default).
pub(crate) fn locale_option(value: Option<&JsValue>) -> Result<Locale, JsValue> {
    let options: LocaleOptions = options_arg(value, "options")?;
    locale_of(options.locale.as_deref())
}

/// The rendered text of each item, in order.
pub(crate) fn messages<'a, T: walletcare_core::locale::Render + 'a>(
    items: impl IntoIterator<Item = &'a T>,
    locale: Locale,
) -> Vec<String> {
    items.into_iter().map(|item| item.render(locale)).collect()
}

/// An options object (the last argument of many functions): `undefined` and
/// `null` give the defaults; unknown fields are refused.
pub(crate) fn options_arg<T: DeserializeOwned + Default>(
    value: Option<&JsValue>,
    what: &str,
) -> Result<T, JsValue> {
    from_js_or_default(value, what)
}

/// A snake_case name of a core enum (`"following"`, `"web_form"`...), read
/// as its JSON form. An unknown name throws `general.unknown_value` listing
/// the accepted ones.
pub(crate) fn enum_arg<T: DeserializeOwned>(value: &JsValue, name: &str) -> Result<T, JsValue> {
    let text = string_arg(value, name)?;
    let json = serde_json::to_string(&text)
        .map_err(|e| invalid(&format!("{name} cannot be read: {e}")))?;
    serde_json::from_str(&json).map_err(|e| {
        let message = e.to_string();
        js_error(
            ErrorCode::UnknownValue,
            &format!("unknown {name}: {}", without_position(&message)),
        )
    })
}

/// Parses a short code (locale, currency, calendar id) with `FromStr`.
pub(crate) fn parse_code<T>(text: &str) -> Result<T, JsValue>
where
    T: std::str::FromStr,
    T::Err: HasErrorCode,
{
    text.parse::<T>().map_err(core_error)
}

/// A short code argument parsed with `FromStr` (a locale, a currency, a
/// calendar id, a channel...).
pub(crate) fn code_arg<T>(value: &JsValue, name: &str) -> Result<T, JsValue>
where
    T: std::str::FromStr,
    T::Err: HasErrorCode,
{
    let text = string_arg(value, name)?;
    parse_code(&text)
}

/// An array of JS strings from Rust strings.
pub(crate) fn string_array<I, S>(items: I) -> JsValue
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let array = js_sys::Array::new();
    for item in items {
        array.push(&JsValue::from_str(item.as_ref()));
    }
    array.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_integers_beyond_the_safe_range_outside_strings() {
        assert_eq!(unsafe_integer(r#"{"minor":9007199254740991}"#), None);
        assert_eq!(
            unsafe_integer(r#"{"minor":9007199254740992}"#),
            Some("9007199254740992")
        );
        assert_eq!(
            unsafe_integer(r#"[-9223372036854775808]"#),
            Some("-9223372036854775808")
        );
        assert_eq!(
            unsafe_integer("12345678901234567890"),
            Some("12345678901234567890")
        );
        assert_eq!(unsafe_integer(r#"{"id":"TX-12345678901234567890"}"#), None);
        assert_eq!(unsafe_integer(r#"{"a":"\"12345678901234567890"}"#), None);
        assert_eq!(unsafe_integer(r#"{"x":1.2345678901234567e300}"#), None);
        assert_eq!(unsafe_integer(r#"{"x":0.1}"#), None);
        assert_eq!(unsafe_integer(r#"{"x":0.12345678901234567}"#), None);
        assert_eq!(
            unsafe_integer(r#"{"x":-5,"y":"a\\","z":12345678901234567}"#),
            Some("12345678901234567")
        );
    }

    #[test]
    fn strips_serde_positions() {
        assert_eq!(
            without_position("missing field `a` at line 1 column 9"),
            "missing field `a`"
        );
        assert_eq!(without_position("no position here"), "no position here");
    }
}
