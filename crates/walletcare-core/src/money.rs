//! Money: integer minor units with an ISO 4217 currency.
//!
//! Amounts are never floats. Every operation is checked: mixing currencies or
//! overflowing is a [`MoneyError`], never a panic or a silent wrap.
//!
//! # Examples
//!
//! ```
//! use walletcare_core::money::{Currency, Money};
//!
//! let price = Money::from_major(150_000, Currency::Idr)?;
//! let fee = Money::new(250_000, Currency::Idr); // Rp 2.500,00 in sen
//! let total = price.checked_add(fee)?;
//! assert_eq!(total.minor(), 15_250_000);
//! assert!(price.checked_add(Money::new(1, Currency::Usd)).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, HasErrorCode};

/// An ISO 4217 currency walletcare supports, with its official minor-unit
/// exponent.
///
/// The JSON form is the three-letter code.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::Currency;
///
/// let idr: Currency = "idr".parse()?;
/// assert_eq!(idr, Currency::Idr);
/// assert_eq!(idr.exponent(), 2); // ISO 4217 gives the rupiah two decimals
/// assert_eq!(Currency::Jpy.exponent(), 0);
/// assert_eq!(serde_json::to_string(&Currency::Cny)?, "\"CNY\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    /// Indonesian rupiah (exponent 2).
    Idr,
    /// Chinese yuan renminbi (exponent 2).
    Cny,
    /// US dollar (exponent 2).
    Usd,
    /// Singapore dollar (exponent 2).
    Sgd,
    /// Malaysian ringgit (exponent 2).
    Myr,
    /// Euro (exponent 2).
    Eur,
    /// Hong Kong dollar (exponent 2).
    Hkd,
    /// Thai baht (exponent 2).
    Thb,
    /// Philippine peso (exponent 2).
    Php,
    /// Japanese yen (exponent 0).
    Jpy,
    /// Vietnamese dong (exponent 0).
    Vnd,
}

impl Currency {
    /// Every supported currency.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::Currency;
    /// assert!(Currency::ALL.contains(&Currency::Myr));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [Currency; 11] = [
        Currency::Idr,
        Currency::Cny,
        Currency::Usd,
        Currency::Sgd,
        Currency::Myr,
        Currency::Eur,
        Currency::Hkd,
        Currency::Thb,
        Currency::Php,
        Currency::Jpy,
        Currency::Vnd,
    ];

    /// The ISO 4217 alphabetic code.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::Currency;
    /// assert_eq!(Currency::Sgd.code(), "SGD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Currency::Idr => "IDR",
            Currency::Cny => "CNY",
            Currency::Usd => "USD",
            Currency::Sgd => "SGD",
            Currency::Myr => "MYR",
            Currency::Eur => "EUR",
            Currency::Hkd => "HKD",
            Currency::Thb => "THB",
            Currency::Php => "PHP",
            Currency::Jpy => "JPY",
            Currency::Vnd => "VND",
        }
    }

    /// The ISO 4217 numeric code.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::Currency;
    /// assert_eq!(Currency::Idr.numeric(), 360);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn numeric(self) -> u16 {
        match self {
            Currency::Idr => 360,
            Currency::Cny => 156,
            Currency::Usd => 840,
            Currency::Sgd => 702,
            Currency::Myr => 458,
            Currency::Eur => 978,
            Currency::Hkd => 344,
            Currency::Thb => 764,
            Currency::Php => 608,
            Currency::Jpy => 392,
            Currency::Vnd => 704,
        }
    }

    /// The number of decimal digits of the minor unit (ISO 4217 exponent).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::Currency;
    /// assert_eq!(Currency::Usd.exponent(), 2);
    /// assert_eq!(Currency::Vnd.exponent(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn exponent(self) -> u32 {
        match self {
            Currency::Jpy | Currency::Vnd => 0,
            _ => 2,
        }
    }

    /// Minor units in one major unit: `10^exponent`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::Currency;
    /// assert_eq!(Currency::Cny.minor_per_major(), 100);
    /// assert_eq!(Currency::Jpy.minor_per_major(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn minor_per_major(self) -> i64 {
        10_i64.pow(self.exponent())
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Currency {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        Currency::ALL
            .iter()
            .copied()
            .find(|c| c.code().eq_ignore_ascii_case(trimmed))
            .ok_or_else(|| MoneyError::UnknownCurrency(trimmed.chars().take(16).collect()))
    }
}

/// An amount of money: integer minor units and a currency.
///
/// The JSON form is `{"minor": 1500000, "currency": "IDR"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::{Currency, Money};
///
/// let m = Money::new(1_234, Currency::Usd); // $12.34
/// assert_eq!(serde_json::to_string(&m)?, r#"{"minor":1234,"currency":"USD"}"#);
/// assert_eq!(m.checked_mul(3)?.minor(), 3_702);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

impl Money {
    /// An amount from minor units (cents, sen, fen).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// assert_eq!(Money::new(50, Currency::Cny).minor(), 50);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    /// Zero in a currency.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// assert!(Money::zero(Currency::Idr).is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn zero(currency: Currency) -> Self {
        Money { minor: 0, currency }
    }

    /// An amount from whole major units (rupiah, yuan, dollars).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if the amount does not fit in minor units.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// assert_eq!(Money::from_major(12, Currency::Usd)?.minor(), 1_200);
    /// assert!(Money::from_major(i64::MAX, Currency::Usd).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_major(major: i64, currency: Currency) -> Result<Self, MoneyError> {
        major
            .checked_mul(currency.minor_per_major())
            .map(|minor| Money { minor, currency })
            .ok_or(MoneyError::Overflow)
    }

    /// The amount in minor units.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// assert_eq!(Money::new(7, Currency::Jpy).minor(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn minor(self) -> i64 {
        self.minor
    }

    /// The currency.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// assert_eq!(Money::new(7, Currency::Jpy).currency(), Currency::Jpy);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn currency(self) -> Currency {
        self.currency
    }

    /// Whether the amount is zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// assert!(!Money::new(1, Currency::Usd).is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_zero(self) -> bool {
        self.minor == 0
    }

    /// Whether the amount is below zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// assert!(Money::new(-1, Currency::Usd).is_negative());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_negative(self) -> bool {
        self.minor < 0
    }

    /// Whether the amount is above zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// assert!(Money::new(1, Currency::Usd).is_positive());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_positive(self) -> bool {
        self.minor > 0
    }

    fn same_currency(self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }

    /// `self + other`, same currency only.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] or [`MoneyError::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// let a = Money::new(100, Currency::Sgd);
    /// assert_eq!(a.checked_add(a)?.minor(), 200);
    /// assert!(Money::new(i64::MAX, Currency::Sgd).checked_add(a).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        self.minor
            .checked_add(other.minor)
            .map(|minor| Money::new(minor, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// `self - other`, same currency only.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] or [`MoneyError::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// let a = Money::new(100, Currency::Myr);
    /// assert_eq!(a.checked_sub(Money::new(30, Currency::Myr))?.minor(), 70);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        self.minor
            .checked_sub(other.minor)
            .map(|minor| Money::new(minor, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// `self * factor`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// assert_eq!(Money::new(-5, Currency::Idr).checked_mul(4)?.minor(), -20);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_mul(self, factor: i64) -> Result<Money, MoneyError> {
        self.minor
            .checked_mul(factor)
            .map(|minor| Money::new(minor, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// `-self`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] for `i64::MIN` minor units.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// assert_eq!(Money::new(5, Currency::Idr).checked_neg()?.minor(), -5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_neg(self) -> Result<Money, MoneyError> {
        self.minor
            .checked_neg()
            .map(|minor| Money::new(minor, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// Compares two amounts of the same currency.
    ///
    /// `Money` deliberately does not implement `PartialOrd`: comparing rupiah
    /// with dollars is an error, not `None`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`].
    ///
    /// # Examples
    ///
    /// ```
    /// use std::cmp::Ordering;
    /// use walletcare_core::money::{Currency, Money};
    /// let a = Money::new(1, Currency::Cny);
    /// assert_eq!(a.checked_cmp(Money::new(2, Currency::Cny))?, Ordering::Less);
    /// assert!(a.checked_cmp(Money::new(2, Currency::Usd)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_cmp(self, other: Money) -> Result<Ordering, MoneyError> {
        self.same_currency(other)?;
        Ok(self.minor.cmp(&other.minor))
    }

    /// Sums amounts of one currency; the empty sum is zero in `currency`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] or [`MoneyError::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// let parts = [Money::new(1, Currency::Usd), Money::new(2, Currency::Usd)];
    /// assert_eq!(Money::checked_sum(parts, Currency::Usd)?.minor(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_sum<I>(amounts: I, currency: Currency) -> Result<Money, MoneyError>
    where
        I: IntoIterator<Item = Money>,
    {
        amounts
            .into_iter()
            .try_fold(Money::zero(currency), Money::checked_add)
    }
}

/// An error from money arithmetic, parsing or formatting.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::money::{Currency, Money, MoneyError};
///
/// let err = Money::new(1, Currency::Idr).checked_sub(Money::new(1, Currency::Cny)).unwrap_err();
/// assert!(matches!(err, MoneyError::CurrencyMismatch { .. }));
/// assert_eq!(err.code(), ErrorCode::CurrencyMismatch);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[non_exhaustive]
pub enum MoneyError {
    /// Two amounts of different currencies were combined.
    #[error("cannot combine {left} with {right}")]
    CurrencyMismatch {
        /// The currency of the left operand.
        left: Currency,
        /// The currency of the right operand.
        right: Currency,
    },
    /// The result does not fit in 64-bit minor units.
    #[error("amount out of range")]
    Overflow,
    /// The currency code is not supported.
    #[error("unsupported currency {0:?}")]
    UnknownCurrency(String),
}

impl HasErrorCode for MoneyError {
    fn code(&self) -> ErrorCode {
        match self {
            MoneyError::CurrencyMismatch { .. } => ErrorCode::CurrencyMismatch,
            MoneyError::Overflow => ErrorCode::MoneyOverflow,
            MoneyError::UnknownCurrency(_) => ErrorCode::UnknownCurrency,
        }
    }
}
