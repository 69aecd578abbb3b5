//! Conversions between JS values and core types, and errors as JS `Error`s
//! with a stable `code`.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use walletcare_core::error::{ErrorCode, HasErrorCode};

/// Largest text argument accepted, in bytes (16 MiB), as in the C library.
pub(crate) const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// A JS `Error` with `name = "WalletcareError"` and a stable `code`.
pub(crate) fn js_error(code: ErrorCode, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    err.set_name("WalletcareError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &code.as_str().into());
    err.into()
}

/// Converts a core error.
pub(crate) fn core_error<E: HasErrorCode>(err: E) -> JsValue {
    js_error(err.code(), &err.to_string())
}

/// Reads a JS value as a core input type (plain object in the core's JSON
/// form). Wrong types, NaN, missing or unknown fields throw
/// `general.invalid_argument`.
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        js_error(
            ErrorCode::InvalidArgument,
            &format!("invalid {what}: {e}"),
        )
    })
}

/// Writes a core value as a plain JS object in its JSON form.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| {
        js_error(
            ErrorCode::InvalidArgument,
            &format!("result cannot be represented in JS: {e}"),
        )
    })
}

/// Checks a text argument's size.
pub(crate) fn check_len(text: &str, what: &str) -> Result<(), JsValue> {
    if text.len() > MAX_INPUT_BYTES {
        Err(js_error(
            ErrorCode::InputTooLarge,
            &format!("{what} is {} bytes; the limit is {MAX_INPUT_BYTES}", text.len()),
        ))
    } else {
        Ok(())
    }
}

/// Parses a short code (locale, currency, calendar id) with `FromStr`.
pub(crate) fn parse_code<T>(text: &str) -> Result<T, JsValue>
where
    T: std::str::FromStr,
    T::Err: HasErrorCode,
{
    text.parse::<T>().map_err(core_error)
}
