//! Money: integer minor units with an ISO 4217 currency.

use walletcare_core::money::{Currency, Money};
use wasm_bindgen::prelude::*;

use crate::convert::{code_arg, core_error, from_js, integer_arg, to_js};

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

fn money_arg(value: &JsValue, name: &str) -> Result<Money, JsValue> {
    from_js(value, name)
}

/// Every supported currency with its ISO 4217 numeric code and exponent.
#[wasm_bindgen(unchecked_return_type = "CurrencyInfo[]")]
pub fn currencies() -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Info {
        code: &'static str,
        numeric: u16,
        exponent: u32,
    }
    let list: Vec<Info> = Currency::ALL
        .iter()
        .map(|c| Info {
            code: c.code(),
            numeric: c.numeric(),
            exponent: c.exponent(),
        })
        .collect();
    to_js(&list)
}

/// An amount from whole major units: `moneyFromMajor(150000, "IDR")` is
/// `{ minor: 15000000, currency: "IDR" }`. Throws `money.overflow`.
#[wasm_bindgen(js_name = moneyFromMajor, unchecked_return_type = "Money")]
pub fn money_from_major(
    #[wasm_bindgen(unchecked_param_type = "number")] major: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CurrencyCode")] currency: JsValue,
) -> Result<JsValue, JsValue> {
    let major = integer_arg(&major, "major")?;
    let currency: Currency = code_arg(&currency, "currency")?;
    to_js(&Money::from_major(major, currency).map_err(core_error)?)
}

/// `a + b`. Throws `money.currency_mismatch` or `money.overflow`.
#[wasm_bindgen(js_name = addMoney, unchecked_return_type = "Money")]
pub fn add_money(
    #[wasm_bindgen(unchecked_param_type = "Money")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Money")] b: JsValue,
) -> Result<JsValue, JsValue> {
    let (a, b) = (money_arg(&a, "a")?, money_arg(&b, "b")?);
    to_js(&a.checked_add(b).map_err(core_error)?)
}

/// `a − b`. Throws `money.currency_mismatch` or `money.overflow`.
#[wasm_bindgen(js_name = subtractMoney, unchecked_return_type = "Money")]
pub fn subtract_money(
    #[wasm_bindgen(unchecked_param_type = "Money")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Money")] b: JsValue,
) -> Result<JsValue, JsValue> {
    let (a, b) = (money_arg(&a, "a")?, money_arg(&b, "b")?);
    to_js(&a.checked_sub(b).map_err(core_error)?)
}

/// `amount × factor` (a whole number). Throws `money.overflow`.
#[wasm_bindgen(js_name = multiplyMoney, unchecked_return_type = "Money")]
pub fn multiply_money(
    #[wasm_bindgen(unchecked_param_type = "Money")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] factor: JsValue,
) -> Result<JsValue, JsValue> {
    let amount = money_arg(&amount, "amount")?;
    let factor = integer_arg(&factor, "factor")?;
    to_js(&amount.checked_mul(factor).map_err(core_error)?)
}

/// Compares two amounts of the same currency: `-1`, `0` or `1`. Throws
/// `money.currency_mismatch`.
#[wasm_bindgen(js_name = compareMoney, unchecked_return_type = "-1 | 0 | 1")]
pub fn compare_money(
    #[wasm_bindgen(unchecked_param_type = "Money")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Money")] b: JsValue,
) -> Result<JsValue, JsValue> {
    let (a, b) = (money_arg(&a, "a")?, money_arg(&b, "b")?);
    let ordering = a.checked_cmp(b).map_err(core_error)?;
    Ok(JsValue::from(ordering as i8))
}

/// The sum of amounts, all in `currency` (zero for an empty list). Throws
/// `money.currency_mismatch` or `money.overflow`.
#[wasm_bindgen(js_name = sumMoney, unchecked_return_type = "Money")]
pub fn sum_money(
    #[wasm_bindgen(unchecked_param_type = "Money[]")] amounts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CurrencyCode")] currency: JsValue,
) -> Result<JsValue, JsValue> {
    let amounts: Vec<Money> = from_js(&amounts, "amounts")?;
    let currency: Currency = code_arg(&currency, "currency")?;
    to_js(&Money::checked_sum(amounts, currency).map_err(core_error)?)
}
