//! Money: integer minor units with an ISO 4217 currency.
//!
//! # Examples
//!
//! ```
//! let out = walletcare_api::call("money.parse", r#"{"text":"Rp150.000","locale":"id-ID","default_currency":"IDR"}"#)?;
//! assert_eq!(out, r#"{"minor":15000000,"currency":"IDR"}"#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use walletcare_core::error::Error;
use walletcare_core::locale::Locale;
use walletcare_core::money::{self, Currency, Money};

use crate::ops::{Operation, registry};

registry! {
    operations: [Currencies, CurrencyExponent, FromMajor, Add, Subtract, Multiply, Compare, Sum, Parse, Format, Split, Allocate],
    commands: [],
}

/// Every supported currency with its numeric code and exponent.
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::Currencies, ops::Operation};
/// let list = Currencies {}.run()?;
/// assert!(list.iter().any(|c| c.code == "IDR" && c.exponent == 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currencies {}

/// A currency, its ISO 4217 numeric code and minor-unit exponent.
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::Currencies, ops::Operation};
/// let jpy = Currencies {}.run()?.into_iter().find(|c| c.code == "JPY").ok_or("no JPY")?;
/// assert_eq!((jpy.numeric, jpy.exponent), (392, 0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CurrencyInfo {
    /// The alphabetic code, e.g. `"IDR"`.
    pub code: &'static str,
    /// The numeric code, e.g. `360`.
    pub numeric: u16,
    /// Decimal digits of the minor unit.
    pub exponent: u32,
}

impl Operation for Currencies {
    const NAME: &'static str = "money.currencies";
    type Output = Vec<CurrencyInfo>;
    fn run(self) -> Result<Self::Output, Error> {
        Ok(Currency::ALL
            .iter()
            .map(|c| CurrencyInfo {
                code: c.code(),
                numeric: c.numeric(),
                exponent: c.exponent(),
            })
            .collect())
    }
}

/// The number of decimal digits of a currency's minor unit.
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::CurrencyExponent, ops::Operation};
/// use walletcare_core::money::Currency;
/// assert_eq!(CurrencyExponent { currency: Currency::Jpy }.run()?, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct CurrencyExponent {
    /// The currency.
    pub currency: Currency,
}

impl Operation for CurrencyExponent {
    const NAME: &'static str = "money.currency_exponent";
    type Output = u32;
    fn run(self) -> Result<u32, Error> {
        Ok(self.currency.exponent())
    }
}

/// An amount from whole major units (`150000` rupiah is 15 000 000 sen).
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::FromMajor, ops::Operation};
/// use walletcare_core::money::Currency;
/// assert_eq!(FromMajor { major: 150_000, currency: Currency::Idr }.run()?.minor(), 15_000_000);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct FromMajor {
    /// Whole units.
    pub major: i64,
    /// The currency.
    pub currency: Currency,
}

impl Operation for FromMajor {
    const NAME: &'static str = "money.from_major";
    type Output = Money;
    fn run(self) -> Result<Money, Error> {
        Ok(Money::from_major(self.major, self.currency)?)
    }
}

/// `a + b` in one currency; `money.currency_mismatch` or `money.overflow`.
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::Add, ops::Operation};
/// use walletcare_core::money::{Currency, Money};
/// let err = Add { a: Money::new(1, Currency::Idr), b: Money::new(1, Currency::Usd) }.run().unwrap_err();
/// assert_eq!(err.code.as_str(), "money.currency_mismatch");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Add {
    /// The first amount.
    pub a: Money,
    /// The second amount.
    pub b: Money,
}

impl Operation for Add {
    const NAME: &'static str = "money.add";
    type Output = Money;
    fn run(self) -> Result<Money, Error> {
        Ok(self.a.checked_add(self.b)?)
    }
}

/// `a − b` in one currency; `money.currency_mismatch` or `money.overflow`.
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::Subtract, ops::Operation};
/// use walletcare_core::money::{Currency, Money};
/// let d = Subtract { a: Money::new(5, Currency::Usd), b: Money::new(7, Currency::Usd) }.run()?;
/// assert_eq!(d.minor(), -2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Subtract {
    /// The amount to subtract from.
    pub a: Money,
    /// The amount subtracted.
    pub b: Money,
}

impl Operation for Subtract {
    const NAME: &'static str = "money.subtract";
    type Output = Money;
    fn run(self) -> Result<Money, Error> {
        Ok(self.a.checked_sub(self.b)?)
    }
}

/// `amount × factor`; `money.overflow`.
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::Multiply, ops::Operation};
/// use walletcare_core::money::{Currency, Money};
/// assert_eq!(Multiply { amount: Money::new(1_234, Currency::Usd), factor: 3 }.run()?.minor(), 3_702);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Multiply {
    /// The amount.
    pub amount: Money,
    /// A whole-number factor.
    pub factor: i64,
}

impl Operation for Multiply {
    const NAME: &'static str = "money.multiply";
    type Output = Money;
    fn run(self) -> Result<Money, Error> {
        Ok(self.amount.checked_mul(self.factor)?)
    }
}

/// Compares two amounts of one currency: `-1`, `0` or `1`.
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::Compare, ops::Operation};
/// use walletcare_core::money::{Currency, Money};
/// assert_eq!(Compare { a: Money::new(1, Currency::Usd), b: Money::new(2, Currency::Usd) }.run()?, -1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Compare {
    /// The first amount.
    pub a: Money,
    /// The second amount.
    pub b: Money,
}

impl Operation for Compare {
    const NAME: &'static str = "money.compare";
    type Output = i8;
    fn run(self) -> Result<i8, Error> {
        Ok(match self.a.checked_cmp(self.b)? {
            Ordering::Less => -1,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        })
    }
}

/// The sum of amounts, all in `currency` (zero for none).
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::Sum, ops::Operation};
/// use walletcare_core::money::{Currency, Money};
/// let total = Sum { amounts: vec![Money::new(1, Currency::Idr); 3], currency: Currency::Idr }.run()?;
/// assert_eq!(total.minor(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
pub struct Sum {
    /// The amounts.
    pub amounts: Vec<Money>,
    /// Their currency (and the result's, for an empty list).
    pub currency: Currency,
}

impl Operation for Sum {
    const NAME: &'static str = "money.sum";
    type Output = Money;
    fn run(self) -> Result<Money, Error> {
        Ok(Money::checked_sum(self.amounts, self.currency)?)
    }
}

/// Reads an amount as a user types it, in a locale's conventions
/// (`"Rp150.000"`, `"1,5jt"`, `"$12.34"`, `"1.5万"`).
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::Parse, ops::Operation};
/// use walletcare_core::{locale::Locale, money::Currency};
/// let m = Parse { text: "1,5jt".into(), locale: Locale::Id, default_currency: Currency::Idr }.run()?;
/// assert_eq!(m.minor(), 150_000_000);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
pub struct Parse {
    /// What the user typed.
    pub text: String,
    /// Whose conventions to read it in.
    pub locale: Locale,
    /// The currency when the text names none.
    pub default_currency: Currency,
}

impl Operation for Parse {
    const NAME: &'static str = "money.parse";
    type Output = Money;
    fn run(self) -> Result<Money, Error> {
        Ok(money::parse(
            &self.text,
            self.locale,
            self.default_currency,
        )?)
    }
}

/// Writes an amount as a locale does (`"Rp150.000"`, `"IDR 150,000"`).
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::Format, ops::Operation};
/// use walletcare_core::{locale::Locale, money::{Currency, Money}};
/// assert_eq!(Format { amount: Money::new(1_234, Currency::Usd), locale: Locale::En }.run()?, "$12.34");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Format {
    /// The amount.
    pub amount: Money,
    /// The locale (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Operation for Format {
    const NAME: &'static str = "money.format";
    type Output = String;
    fn run(self) -> Result<String, Error> {
        Ok(self.amount.format(self.locale))
    }
}

/// Splits an amount into `parts` equal shares that add up to it exactly.
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::Split, ops::Operation};
/// use walletcare_core::money::{Currency, Money};
/// let shares = Split { amount: Money::new(10_000, Currency::Idr), parts: 3 }.run()?;
/// assert_eq!(shares.iter().map(|m| m.minor()).collect::<Vec<_>>(), [3_334, 3_333, 3_333]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Split {
    /// The amount.
    pub amount: Money,
    /// How many shares.
    pub parts: u32,
}

impl Operation for Split {
    const NAME: &'static str = "money.split";
    type Output = Vec<Money>;
    fn run(self) -> Result<Vec<Money>, Error> {
        Ok(self.amount.split(self.parts)?)
    }
}

/// Allocates an amount by whole-number ratios, largest remainder first.
///
/// # Examples
///
/// ```
/// use walletcare_api::{money::Allocate, ops::Operation};
/// use walletcare_core::money::{Currency, Money};
/// let shares = Allocate { amount: Money::new(100, Currency::Usd), ratios: vec![1, 1, 2] }.run()?;
/// assert_eq!(shares.iter().map(|m| m.minor()).collect::<Vec<_>>(), [25, 25, 50]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
pub struct Allocate {
    /// The amount.
    pub amount: Money,
    /// The ratios.
    pub ratios: Vec<u64>,
}

impl Operation for Allocate {
    const NAME: &'static str = "money.allocate";
    type Output = Vec<Money>;
    fn run(self) -> Result<Vec<Money>, Error> {
        Ok(self.amount.allocate(&self.ratios)?)
    }
}
