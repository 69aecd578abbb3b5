//! Bank cards: validation, masking and expiry.

use walletcare_core::card::{
    CardBrand, CardError, CardExpiry, CardInput, MaskedCardNumber, luhn_valid, validate,
};
use walletcare_core::error::HasErrorCode;
use walletcare_core::locale::Render;
use wasm_bindgen::prelude::*;

use crate::convert::{core_error, from_js, instant_arg, js_error, locale_arg, string_arg, to_js};

#[wasm_bindgen(typescript_custom_section)]
const TS_CARD: &str = r#"
/** A card brand walletcare accepts. */
export type CardBrand = "visa" | "mastercard" | "amex" | "jcb" | "unionpay" | "discover";
/** What the user typed to bind a card. The number and CVV are never kept. */
export interface CardInput {
  /** Digits, with spaces or dashes allowed between them. */
  number: string;
  holder_name: string;
  /** `MM/YY` or `MM/YYYY`. */
  expiry: string;
  /** 3 digits, 4 for American Express. */
  cvv: string;
}
/** A card's expiry month; valid through the last day of that month, UTC. */
export interface CardExpiry {
  month: number;
  year: number;
}
/** A card that passed validation: no full number, no CVV. */
export interface ValidatedCard {
  brand: CardBrand;
  /** First six and last four digits: `"411111******1111"`. */
  masked_number: string;
  /** Normalised: upper case, single spaces. */
  holder_name: string;
  expiry: CardExpiry;
}
/** The parts of a masked card number. */
export interface MaskedCardNumber {
  masked: string;
  first_six: string;
  last_four: string;
  /** The length of the full number. */
  length: number;
  /** The brand the first six digits belong to, or `null`. */
  brand: CardBrand | null;
}
/** One problem with a card form field, for showing next to the field. */
export interface CardProblem {
  field: "number" | "expiry" | "cvv" | "holder_name";
  code: ErrorCode;
  /** Technical English message (never contains the number or CVV). */
  message: string;
  /** The message for the user, in the requested locale. */
  text: string;
}
"#;

/// Validates what the user typed and returns the card without its number or
/// CVV. Throws the first problem in field order (number, expiry, CVV, holder
/// name): `card.invalid_number`, `card.luhn_failed`,
/// `card.unsupported_brand`, `card.expired`, `card.invalid_expiry`,
/// `card.invalid_cvv` or `card.invalid_holder_name`.
#[wasm_bindgen(js_name = validateCard, unchecked_return_type = "ValidatedCard")]
pub fn validate_card(
    #[wasm_bindgen(unchecked_param_type = "CardInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
) -> Result<JsValue, JsValue> {
    let input: CardInput = from_js(&input, "card input")?;
    let now = instant_arg(&now, "now")?;
    to_js(&validate(input, now).map_err(core_error)?)
}

/// Every problem with a card form, at most one per field, in field order;
/// an empty array when the card is valid. Each has the error `code`, a
/// technical `message` and the `text` to show the user in `locale`.
#[wasm_bindgen(js_name = cardProblems, unchecked_return_type = "CardProblem[]")]
pub fn card_problems(
    #[wasm_bindgen(unchecked_param_type = "CardInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleTag")] locale: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Problem {
        field: &'static str,
        code: &'static str,
        message: String,
        text: String,
    }
    let input: CardInput = from_js(&input, "card input")?;
    let now = instant_arg(&now, "now")?;
    let locale = locale_arg(locale.as_ref())?;
    let problems: Vec<Problem> = input
        .problems(now)
        .iter()
        .map(|e| Problem {
            field: field_of(e),
            code: e.code().as_str(),
            message: e.to_string(),
            text: e.render(locale),
        })
        .collect();
    to_js(&problems)
}

fn field_of(error: &CardError) -> &'static str {
    match error {
        CardError::InvalidNumber { .. }
        | CardError::LuhnFailed
        | CardError::UnsupportedBrand { .. }
        | CardError::InvalidMaskedNumber => "number",
        CardError::Expired { .. } | CardError::InvalidExpiry { .. } => "expiry",
        CardError::InvalidCvv { .. } => "cvv",
        _ => "holder_name",
    }
}

/// The brand of a card number (digits only) from its leading digits, or
/// `null`; the length and the Luhn check are not looked at.
#[wasm_bindgen(js_name = cardBrand, unchecked_return_type = "CardBrand | null")]
pub fn card_brand(
    #[wasm_bindgen(unchecked_param_type = "string")] digits: JsValue,
) -> Result<JsValue, JsValue> {
    let digits = string_arg(&digits, "digits")?;
    to_js(&CardBrand::detect(&digits))
}

/// Whether a string of ASCII digits passes the Luhn check (`false` for
/// anything that is not only digits).
#[wasm_bindgen(js_name = luhnValid)]
pub fn luhn_valid_js(
    #[wasm_bindgen(unchecked_param_type = "string")] digits: JsValue,
) -> Result<bool, JsValue> {
    let digits = string_arg(&digits, "digits")?;
    Ok(luhn_valid(&digits))
}

/// Reads a masked card number (`"411111******1111"`) and returns its parts.
/// Throws `card.invalid_number` for anything else (a full number included).
#[wasm_bindgen(js_name = parseMaskedCardNumber, unchecked_return_type = "MaskedCardNumber")]
pub fn parse_masked_card_number(
    #[wasm_bindgen(unchecked_param_type = "string")] masked: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Parts<'a> {
        masked: &'a str,
        first_six: &'a str,
        last_four: &'a str,
        length: usize,
        brand: Option<CardBrand>,
    }
    let text = string_arg(&masked, "masked")?;
    let masked: MaskedCardNumber = text
        .parse()
        .map_err(|e: CardError| js_error(e.code(), &e.to_string()))?;
    to_js(&Parts {
        masked: masked.as_str(),
        first_six: masked.first_six(),
        last_four: masked.last_four(),
        length: masked.len(),
        brand: CardBrand::detect(masked.first_six()),
    })
}

/// Reads an expiry typed as `MM/YY` or `MM/YYYY`. Throws
/// `card.invalid_expiry`.
#[wasm_bindgen(js_name = parseCardExpiry, unchecked_return_type = "CardExpiry")]
pub fn parse_card_expiry(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = string_arg(&text, "expiry")?;
    to_js(&CardExpiry::parse(&text).map_err(core_error)?)
}

fn expiry_arg(value: &JsValue) -> Result<CardExpiry, JsValue> {
    if value.is_string() {
        let text = string_arg(value, "expiry")?;
        CardExpiry::parse(&text).map_err(core_error)
    } else {
        from_js(value, "expiry")
    }
}

/// Whether a card with this expiry (`"MM/YY"` or `{ month, year }`) has
/// expired at `now`: it is valid through the last day of its month, UTC.
#[wasm_bindgen(js_name = isCardExpired)]
pub fn is_card_expired(
    #[wasm_bindgen(unchecked_param_type = "CardExpiry | string")] expiry: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
) -> Result<bool, JsValue> {
    let expiry = expiry_arg(&expiry)?;
    let now = instant_arg(&now, "now")?;
    Ok(expiry.is_expired_at(now))
}

/// The last day a card with this expiry is valid (`YYYY-MM-DD`, UTC).
#[wasm_bindgen(js_name = cardExpiryLastDay, unchecked_return_type = "IsoDate")]
pub fn card_expiry_last_day(
    #[wasm_bindgen(unchecked_param_type = "CardExpiry | string")] expiry: JsValue,
) -> Result<String, JsValue> {
    let expiry = expiry_arg(&expiry)?;
    expiry
        .last_valid_day()
        .map(|d| d.to_string())
        .ok_or_else(|| crate::convert::invalid("the expiry has no last day in range"))
}
