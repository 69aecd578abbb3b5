//! The npm package of walletcare: a thin wasm-bindgen layer over
//! `walletcare-core`.
//!
//! Values cross as plain JS objects with exactly the core's JSON form (the
//! same JSON the C library speaks); handles (calendars, refund books,
//! tickets, triage models) are JS classes. Every error is thrown as a JS
//! `Error` whose `code` property is the core's stable error code string, e.g.
//! `"money.currency_mismatch"`. There is no domain logic here: each export
//! checks its arguments, calls the core and converts the answer.
//!
//! The crate compiles for the host too (so `cargo test --workspace` and
//! clippy see it), but its exports only work inside a wasm instance.
//!
//! # Examples
//!
//! ```
//! // JS values need a wasm runtime, so on the host only the version works.
//! assert_eq!(walletcare_wasm::version(), env!("CARGO_PKG_VERSION"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![cfg_attr(
    not(all(feature = "core", feature = "triage")),
    allow(dead_code, unused_imports)
)]

#[cfg(feature = "core")]
pub mod account;
#[cfg(feature = "core")]
pub mod calendar;
#[cfg(feature = "core")]
pub mod card;
mod convert;
#[cfg(feature = "core")]
pub mod money;
#[cfg(feature = "core")]
pub mod refund;
#[cfg(feature = "core")]
pub mod ticket;
#[cfg(feature = "core")]
pub mod transaction;
#[cfg(feature = "triage")]
pub mod triage;

use walletcare_core::error::ErrorCode;
use walletcare_core::locale::Locale;
use wasm_bindgen::prelude::*;

use crate::convert::{code_arg, string_array};

/// The declarations of every input and output object, the `ErrorCode`
/// union and the locales, generated from the Rust types by
/// `cargo run -p walletcare-api --features typescript --example typescript`
/// (`scripts/wasm-test.sh` fails when the file is stale). The sections
/// below hold only what a Rust type cannot give (README.md lists them).
#[wasm_bindgen(typescript_custom_section)]
const TS_GENERATED: &str = include_str!("../types/walletcare-types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TS_COMMON: &str = r#"
/** A local calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/**
 * An instant as an RFC 3339 string: `"2026-11-21T08:00:00Z"` or
 * `"2026-11-21T15:00:00+07:00"`. Results always use UTC with `Z`.
 */
export type IsoInstant = string;
/** An instant argument: an RFC 3339 string or a valid `Date`. */
export type Instant = IsoInstant | Date;
/** Options that only choose the locale of the text in a result. */
export interface LocaleOptions {
  locale?: LocaleTag;
}

/**
 * What every walletcare function throws: a JS `Error` with
 * `name === "WalletcareError"`, a stable `code` (the core's error code
 * string) and `status` (its number, as the C library returns it).
 *
 * ```ts
 * try { parseTicketNumber("WC-1"); }
 * catch (e) { if (isWalletcareError(e) && e.code === "ticket.invalid_number") { ... } }
 * ```
 */
export interface WalletcareError extends Error {
  name: "WalletcareError";
  code: ErrorCode;
  /** The same code's number: the C library's `wc_status` value. */
  status: number;
}

/** One error code: its string and the C library's `wc_status` number. */
export interface ErrorCodeInfo {
  code: ErrorCode;
  status: number;
}
"#;

/// The package version, e.g. `"0.1.0"`.
///
/// # Examples
///
/// ```
/// assert!(!walletcare_wasm::version().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Runs any operation of the operation layer by name, e.g.
/// `call("money.parse", { text: "Rp150.000", locale: "id-ID",
/// default_currency: "IDR" })`. A command's input holds its `state` beside
/// its own fields, and its result is `{ state, output }`. The shared
/// vectors' scripts run through it, so JavaScript answers exactly as Rust
/// and C do. Throws `general.unknown_value` for an unknown operation and
/// the operation's own errors otherwise.
#[wasm_bindgen(unchecked_return_type = "unknown")]
pub fn call(
    #[wasm_bindgen(unchecked_param_type = "string")] operation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let operation = convert::string_arg(&operation, "operation")?;
    let input = convert::json_or_object(&input, "input")?;
    let output = walletcare_api::call(&operation, &input).map_err(|e| convert::api_error(&e))?;
    convert::json_to_js(&output)
}

/// Every stable error code with its C status number, in numeric order.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCodeInfo[]")]
#[must_use]
pub fn error_codes() -> JsValue {
    let array = js_sys::Array::new();
    for code in ErrorCode::ALL {
        let item = js_sys::Object::new();
        // Setting a data property on a fresh plain object cannot throw.
        let _ = js_sys::Reflect::set(&item, &"code".into(), &code.as_str().into());
        let _ = js_sys::Reflect::set(&item, &"status".into(), &code.as_u32().into());
        array.push(&item);
    }
    array.into()
}

/// Whether a caught value is an error thrown by walletcare (a JS `Error`
/// named `"WalletcareError"` with a string `code`).
#[wasm_bindgen(js_name = isWalletcareError, unchecked_return_type = "error is WalletcareError")]
#[must_use]
pub fn is_walletcare_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] error: JsValue,
) -> JsValue {
    let named = js_sys::Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "WalletcareError");
    let coded = js_sys::Reflect::get(&error, &"code".into())
        .ok()
        .is_some_and(|c| c.as_string().is_some());
    JsValue::from_bool(error.is_instance_of::<js_sys::Error>() && named && coded)
}

/// Normalises a locale tag to one of the three locales walletcare speaks:
/// `"id"` → `"id-ID"`, `"zh-Hans-CN"` → `"zh-CN"`, `"en-GB"` → `"en"`.
/// Throws `general.unknown_value` for any other language.
#[wasm_bindgen(js_name = normalizeLocale, unchecked_return_type = "Locale")]
pub fn normalize_locale(
    #[wasm_bindgen(unchecked_param_type = "string")] tag: JsValue,
) -> Result<JsValue, JsValue> {
    let locale: Locale = code_arg(&tag, "locale")?;
    Ok(JsValue::from_str(locale.as_str()))
}

/// The three locales, in the order `["en", "id-ID", "zh-CN"]`.
#[wasm_bindgen(unchecked_return_type = "Locale[]")]
#[must_use]
pub fn locales() -> JsValue {
    string_array(Locale::ALL.iter().map(|l| l.as_str()))
}
