//! Bank cards: validation, masking and expiry.

use walletcare_api::card::{Brand, CheckExpiry, LuhnValid, ParseMasked, Problems, Validate};
use walletcare_api::ops::Operation;
use wasm_bindgen::prelude::*;

use crate::convert::{api, from_js, instant_arg, locale_option, run, string_arg};

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
#[wasm_bindgen(js_name = parseMaskedCardNumber, unchecked_return_type = "MaskedCardNumberParts")]
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
