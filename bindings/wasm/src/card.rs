//! Bank cards: validation, masking and expiry.

use walletcare_api::card::{Brand, CheckExpiry, LuhnValid, ParseMasked, Problems, Validate};
use walletcare_api::ops::Operation;
use wasm_bindgen::prelude::*;

use crate::convert::{api, from_js, instant_arg, locale_option, run, string_arg};

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
/** Why a card number is invalid. */
export type NumberProblem =
  | { problem: "empty" } | { problem: "too_long" }
  | { problem: "invalid_character"; position: number }
  | { problem: "wrong_length"; digits: number }
  | { problem: "wrong_length_for_brand"; brand: CardBrand; digits: number };
/** Why an expiry is invalid. */
export type ExpiryProblem =
  | { problem: "malformed" } | { problem: "invalid_month" } | { problem: "year_out_of_range" }
  | { problem: "too_far_ahead"; max_years: number };
/** Why a holder name is invalid. */
export type HolderNameProblem =
  | { problem: "empty" } | { problem: "too_long"; max_chars: number }
  | { problem: "digit"; position: number } | { problem: "invalid_character"; position: number }
  | { problem: "no_letters" };
/** One problem with a card form (the core's `CardError` JSON form). */
export type CardError =
  | "luhn_failed" | "invalid_masked_number"
  | { invalid_number: { problem: NumberProblem } }
  | { unsupported_brand: { prefix: string } }
  | { expired: { month: number; year: number } }
  | { invalid_expiry: { problem: ExpiryProblem } }
  | { invalid_cvv: { expected_digits: number | null } }
  | { invalid_holder_name: { problem: HolderNameProblem } };
/**
 * Every problem of a card form, at most one per field in field order
 * (number, expiry, CVV, holder name), and the sentence to show next to each
 * (`messages[i]` renders `problems[i]`). Same JSON as the C library.
 */
export interface CardProblems {
  valid: boolean;
  problems: CardError[];
  messages: string[];
}
/** A card expiry read and checked at an instant. */
export interface CardExpiryCheck {
  year: number;
  month: number;
  /** Whether it has passed (valid through the last day of its month, UTC). */
  expired: boolean;
  last_valid_day: IsoDate;
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
    let card = from_js(&input, "card input")?;
    run(Validate {
        card,
        now: instant_arg(&now, "now")?,
    })
}

/// Every problem with a card form, at most one per field in field order
/// (number, expiry, CVV, holder name), with the sentence to show next to
/// each in `options.locale`; `valid` is `true` when there is none. The
/// number and CVV are never kept or echoed.
#[wasm_bindgen(js_name = cardProblems, unchecked_return_type = "CardProblems")]
pub fn card_problems(
    #[wasm_bindgen(unchecked_param_type = "CardInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let card = from_js(&input, "card input")?;
    let now = instant_arg(&now, "now")?;
    run(Problems {
        card,
        now,
        locale: locale_option(options.as_ref())?,
    })
}

/// The brand of a card number (digits only) from its leading digits, or
/// `null`; the length and the Luhn check are not looked at.
#[wasm_bindgen(js_name = cardBrand, unchecked_return_type = "CardBrand | null")]
pub fn card_brand(
    #[wasm_bindgen(unchecked_param_type = "string")] digits: JsValue,
) -> Result<JsValue, JsValue> {
    run(Brand {
        digits: string_arg(&digits, "digits")?,
    })
}

/// Whether a string of ASCII digits passes the Luhn check (`false` for
/// anything that is not only digits).
#[wasm_bindgen(js_name = luhnValid)]
pub fn luhn_valid_js(
    #[wasm_bindgen(unchecked_param_type = "string")] digits: JsValue,
) -> Result<bool, JsValue> {
    api(LuhnValid {
        digits: string_arg(&digits, "digits")?,
    }
    .run())
}

/// Reads a masked card number (`"411111******1111"`) and returns its parts.
/// Throws `card.invalid_number` for anything else (a full number included).
#[wasm_bindgen(js_name = parseMaskedCardNumber, unchecked_return_type = "MaskedCardNumber")]
pub fn parse_masked_card_number(
    #[wasm_bindgen(unchecked_param_type = "string")] masked: JsValue,
) -> Result<JsValue, JsValue> {
    run(ParseMasked {
        masked: string_arg(&masked, "masked")?,
    })
}

/// Reads an expiry typed as `MM/YY` or `MM/YYYY` and tells whether it has
/// passed at `now` (an expired card is not an error here). Throws
/// `card.invalid_expiry` for a malformed expiry, a month outside 01-12 or a
/// year outside 2000-2099.
#[wasm_bindgen(js_name = checkCardExpiry, unchecked_return_type = "CardExpiryCheck")]
pub fn check_card_expiry(
    #[wasm_bindgen(unchecked_param_type = "string")] expiry: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
) -> Result<JsValue, JsValue> {
    let expiry = string_arg(&expiry, "expiry")?;
    run(CheckExpiry {
        expiry,
        now: instant_arg(&now, "now")?,
    })
}
