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

pub mod account;
pub mod calendar;
pub mod card;
mod convert;
pub mod money;
pub mod refund;
pub mod ticket;
pub mod transaction;
pub mod triage;

use walletcare_core::error::ErrorCode;
use walletcare_core::locale::Locale;
use wasm_bindgen::prelude::*;

use crate::convert::{code_arg, string_array};

#[wasm_bindgen(typescript_custom_section)]
const TS_COMMON: &str = r#"
/** A locale walletcare renders text in: English, Indonesian, Simplified Chinese. */
export type Locale = "en" | "id-ID" | "zh-CN";
/**
 * A locale argument: one of {@link Locale}, or a tag that normalises to one
 * (`"id"`, `"in-ID"`, `"zh"`, `"zh-Hans-CN"`, `"en-GB"`...).
 */
export type LocaleTag = Locale | (string & {});
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

/** Every stable error code, as in the core and the C library. */
export type ErrorCode =
  | "general.invalid_json" | "general.input_too_large" | "general.invalid_argument"
  | "general.unknown_value" | "general.date_out_of_range"
  | "money.currency_mismatch" | "money.overflow" | "money.unknown_currency" | "money.parse"
  | "money.ambiguous" | "money.too_precise" | "money.invalid_split" | "money.non_positive_amount"
  | "account.invalid_transition" | "account.locked" | "account.frozen" | "account.closed"
  | "account.weak_pin" | "account.weak_password" | "account.wrong_credential"
  | "account.code_expired" | "account.wrong_code" | "account.code_exhausted"
  | "account.identity_not_verified" | "account.credential_reset_required"
  | "account.invalid_contact" | "account.invalid_policy" | "account.device_not_found"
  | "account.device_limit_reached"
  | "card.invalid_number" | "card.luhn_failed" | "card.unsupported_brand" | "card.expired"
  | "card.invalid_expiry" | "card.invalid_cvv" | "card.invalid_holder_name"
  | "card.already_bound" | "card.limit_reached" | "card.not_found"
  | "transaction.insufficient_balance" | "transaction.limit_exceeded"
  | "transaction.idempotency_conflict" | "transaction.invalid_transition"
  | "transaction.not_found" | "transaction.outgoing_blocked" | "transaction.duplicate"
  | "transaction.credit_exceeds_original" | "transaction.invalid_config"
  | "calendar.not_covered" | "calendar.no_business_days" | "calendar.invalid_business_hours"
  | "calendar.unknown_time_zone" | "calendar.unknown_calendar"
  | "refund.not_eligible" | "refund.invalid_transition" | "refund.exceeds_captured"
  | "refund.appeal_window_closed" | "refund.not_found" | "refund.idempotency_conflict"
  | "refund.clock_went_backwards" | "refund.retry_limit_reached"
  | "ticket.invalid_number" | "ticket.invalid_transition" | "ticket.invalid_satisfaction_score"
  | "ticket.window_closed" | "ticket.event_out_of_order" | "ticket.invalid_sla_policy"
  | "ticket.regulatory_extension_not_allowed" | "ticket.invalid_escalation"
  | "triage.invalid_model" | "triage.invalid_training_data" | "triage.invalid_csv"
  | "queue.invalid_input" | "queue.target_unreachable" | "queue.duplicate_channel"
  | "intake.invalid_state" | "intake.clock_went_backwards" | "intake.too_long";

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
