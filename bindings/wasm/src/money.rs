//! Money: integer minor units with an ISO 4217 currency.

use walletcare_api::money::{
    Add, Allocate, Compare, Currencies, CurrencyExponent, Format, FromMajor, Multiply, Parse,
    Split, Subtract, Sum,
};
use walletcare_api::ops::Operation;
use wasm_bindgen::prelude::*;

use crate::convert::{
    api, code_arg, from_js, int_arg, integer_arg, locale_option, run, string_arg,
};

#[wasm_bindgen(typescript_custom_section)]
const TS_MONEY: &str = r#"
/** An ISO 4217 currency walletcare supports. */
export type CurrencyCode =
  | "IDR" | "CNY" | "USD" | "SGD" | "MYR" | "JPY" | "HKD" | "EUR" | "THB" | "PHP" | "VND";
/**
 * An amount of money: integer minor units (sen, fen, cents) and a currency.
 * `minor` must be a whole number within ±2^53−1.
 */
export interface Money {
  minor: number;
  currency: CurrencyCode;
}
/** A currency and its minor-unit exponent. */
export interface CurrencyInfo {
  code: CurrencyCode;
  numeric: number;
  exponent: number;
}
"#;

/// Every supported currency with its ISO 4217 numeric code and exponent.
#[wasm_bindgen(unchecked_return_type = "CurrencyInfo[]")]
pub fn currencies() -> Result<JsValue, JsValue> {
    run(Currencies {})
}

/// An amount from whole major units: `moneyFromMajor(150000, "IDR")` is
/// `{ minor: 15000000, currency: "IDR" }`. Throws `money.overflow`.
#[wasm_bindgen(js_name = moneyFromMajor, unchecked_return_type = "Money")]
pub fn money_from_major(
    #[wasm_bindgen(unchecked_param_type = "number")] major: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CurrencyCode")] currency: JsValue,
) -> Result<JsValue, JsValue> {
    let major = integer_arg(&major, "major")?;
    run(FromMajor {
        major,
        currency: code_arg(&currency, "currency")?,
    })
}

/// `a + b`. Throws `money.currency_mismatch` or `money.overflow`.
#[wasm_bindgen(js_name = addMoney, unchecked_return_type = "Money")]
pub fn add_money(
    #[wasm_bindgen(unchecked_param_type = "Money")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Money")] b: JsValue,
) -> Result<JsValue, JsValue> {
    run(Add {
        a: from_js(&a, "a")?,
        b: from_js(&b, "b")?,
    })
}

/// `a − b`. Throws `money.currency_mismatch` or `money.overflow`.
#[wasm_bindgen(js_name = subtractMoney, unchecked_return_type = "Money")]
pub fn subtract_money(
    #[wasm_bindgen(unchecked_param_type = "Money")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Money")] b: JsValue,
) -> Result<JsValue, JsValue> {
    run(Subtract {
        a: from_js(&a, "a")?,
        b: from_js(&b, "b")?,
    })
}

/// `amount × factor` (a whole number). Throws `money.overflow`.
#[wasm_bindgen(js_name = multiplyMoney, unchecked_return_type = "Money")]
pub fn multiply_money(
    #[wasm_bindgen(unchecked_param_type = "Money")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] factor: JsValue,
) -> Result<JsValue, JsValue> {
    let amount = from_js(&amount, "amount")?;
    run(Multiply {
        amount,
        factor: integer_arg(&factor, "factor")?,
    })
}

/// Compares two amounts of the same currency: `-1`, `0` or `1`. Throws
/// `money.currency_mismatch`.
#[wasm_bindgen(js_name = compareMoney, unchecked_return_type = "-1 | 0 | 1")]
pub fn compare_money(
    #[wasm_bindgen(unchecked_param_type = "Money")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Money")] b: JsValue,
) -> Result<JsValue, JsValue> {
    run(Compare {
        a: from_js(&a, "a")?,
        b: from_js(&b, "b")?,
    })
}

/// The sum of amounts, all in `currency` (zero for an empty list). Throws
/// `money.currency_mismatch` or `money.overflow`.
#[wasm_bindgen(js_name = sumMoney, unchecked_return_type = "Money")]
pub fn sum_money(
    #[wasm_bindgen(unchecked_param_type = "Money[]")] amounts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CurrencyCode")] currency: JsValue,
) -> Result<JsValue, JsValue> {
    let amounts = from_js(&amounts, "amounts")?;
    run(Sum {
        amounts,
        currency: code_arg(&currency, "currency")?,
    })
}

/// The number of decimal digits of a currency's minor unit (ISO 4217):
/// `2` for `"IDR"`, `0` for `"JPY"`. Throws `money.unknown_currency`.
#[wasm_bindgen(js_name = currencyExponent)]
pub fn currency_exponent(
    #[wasm_bindgen(unchecked_param_type = "CurrencyCode")] currency: JsValue,
) -> Result<u32, JsValue> {
    api(CurrencyExponent {
        currency: code_arg(&currency, "currency")?,
    }
    .run())
}

/// Reads an amount as a user types it, in the conventions of a locale:
/// `"Rp150.000"`, `"Rp 150.000,50"`, `"1,5jt"`, `"50 ribu"` (`id-ID`);
/// `"$12.34"`, `"S$5"`, `"1.5k"` (`en`); `"¥150"`, `"1.5万"` (`zh-CN`). A
/// currency symbol or code in the text wins over `defaultCurrency`. Throws
/// `money.parse` (naming the position), `money.ambiguous` (`"$1.234"`),
/// `money.too_precise`, `money.unknown_currency`, `money.overflow` or
/// `general.input_too_large` (over 256 bytes).
#[wasm_bindgen(js_name = parseMoney, unchecked_return_type = "Money")]
pub fn parse_money(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LocaleTag")] locale: JsValue,
    #[wasm_bindgen(js_name = defaultCurrency, unchecked_param_type = "CurrencyCode")]
    default_currency: JsValue,
) -> Result<JsValue, JsValue> {
    run(Parse {
        text: string_arg(&text, "text")?,
        locale: code_arg(&locale, "locale")?,
        default_currency: code_arg(&default_currency, "defaultCurrency")?,
    })
}

/// Writes an amount the way a locale does: `"Rp150.000"` and
/// `"Rp150.000,50"` (`id-ID`), `"IDR 150,000"` and `"$12.34"` (`en`),
/// `"¥150.00"` (`zh-CN`). `parseMoney` reads it back to the same amount.
/// Throws `money.unknown_currency` for a currency walletcare does not
/// support, as `parseMoney` does.
#[wasm_bindgen(js_name = formatMoney)]
pub fn format_money(
    #[wasm_bindgen(unchecked_param_type = "Money")] amount: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let amount = from_js(&amount, "amount")?;
    api(Format {
        amount,
        locale: locale_option(options.as_ref())?,
    }
    .run())
}

/// Splits an amount into `parts` equal shares that add up to it exactly
/// (the first shares get one minor unit more when it does not divide).
/// Throws `money.invalid_split` for 0 parts or more than 10 000.
#[wasm_bindgen(js_name = splitMoney, unchecked_return_type = "Money[]")]
pub fn split_money(
    #[wasm_bindgen(unchecked_param_type = "Money")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] parts: JsValue,
) -> Result<JsValue, JsValue> {
    let amount = from_js(&amount, "amount")?;
    run(Split {
        amount,
        parts: int_arg(&parts, "parts")?,
    })
}

/// Allocates an amount by whole-number ratios, largest remainder first, so
/// the shares add up to it exactly: `[1, 1, 2]` gives a quarter, a quarter
/// and a half. Throws `money.invalid_split` for no ratios, all zero, or more
/// than 10 000.
#[wasm_bindgen(js_name = allocateMoney, unchecked_return_type = "Money[]")]
pub fn allocate_money(
    #[wasm_bindgen(unchecked_param_type = "Money")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number[]")] ratios: JsValue,
) -> Result<JsValue, JsValue> {
    let amount = from_js(&amount, "amount")?;
    run(Allocate {
        amount,
        ratios: from_js(&ratios, "ratios")?,
    })
}
