//! Money: integer minor units with an ISO 4217 currency.
//!
//! Amounts are never floats. Every operation is checked: mixing currencies or
//! overflowing is a [`MoneyError`], never a panic or a silent wrap.
//!
//! - Arithmetic: [`Money::checked_add`], [`Money::checked_sub`],
//!   [`Money::checked_mul`], [`Money::checked_neg`], [`Money::checked_cmp`],
//!   [`Money::checked_sum`].
//! - Splitting without losing or creating a minor unit: [`Money::split`] into
//!   equal parts, [`Money::allocate`] by ratios (largest remainder).
//! - Reading what users type, in the conventions of each [`Locale`]:
//!   [`parse`] (also [`Money::parse`]), for example `"Rp150.000,50"`,
//!   `"1,5jt"`, `"1.5万"`, `"S$5"`.
//! - Writing amounts the way each locale expects: [`Money::format`], for
//!   example `"Rp150.000"`, `"¥150.00"`, `"$12.34"`; `Display` gives the
//!   locale-independent `"IDR 150000.00"`.
//!
//! Formatting and parsing round-trip: for every amount, currency and locale,
//! `parse(&m.format(locale), locale, m.currency()) == Ok(m)`.
//!
//! [`Locale`]: crate::locale::Locale
//!
//! # Examples
//!
//! ```
//! use walletcare_core::locale::Locale;
//! use walletcare_core::money::{self, Currency, Money};
//!
//! let price = Money::from_major(150_000, Currency::Idr)?;
//! let fee = Money::new(250_000, Currency::Idr); // Rp 2.500,00 in sen
//! let total = price.checked_add(fee)?;
//! assert_eq!(total.minor(), 15_250_000);
//! assert!(price.checked_add(Money::new(1, Currency::Usd)).is_err());
//!
//! assert_eq!(total.format(Locale::Id), "Rp152.500");
//! assert_eq!(money::parse("152,5rb", Locale::Id, Currency::Idr)?, total);
//! let shares = total.split(3)?;
//! assert_eq!(Money::checked_sum(shares, Currency::Idr)?, total);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod format;
mod messages;
mod parse;
mod split;

pub use parse::{AmbiguityReason, MAX_PARSE_LEN, ParseReason, parse};
pub use split::{MAX_PARTS, SplitReason};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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

crate::names::names!(as_str: money::Currency as "currency" {
    Idr => "IDR",
    Cny => "CNY",
    Usd => "USD",
    Sgd => "SGD",
    Myr => "MYR",
    Eur => "EUR",
    Hkd => "HKD",
    Thb => "THB",
    Php => "PHP",
    Jpy => "JPY",
    Vnd => "VND",
});

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

/// Reads the ISO 4217 code as [`str::parse`] does (any case); an unknown
/// code is `money.unknown_currency`, the same as everywhere else.
impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        code.parse().map_err(crate::error::Coded::de)
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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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

/// An error from money arithmetic, splitting or parsing.
///
/// Every variant maps to one stable [`ErrorCode`] (see [`HasErrorCode`]) and
/// renders as a message for end users in every locale (see
/// [`Render`](crate::locale::Render)). The [`Display`](std::fmt::Display) form
/// is a technical English message for logs; it names the offending byte and
/// character position but never repeats the user's text.
///
/// The JSON form is externally tagged with snake_case names:
/// `"overflow"`, `{"parse":{"position":3,"char_position":3,"reason":"misplaced_separator"}}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::locale::Locale;
/// use walletcare_core::money::{Currency, Money, MoneyError, ParseReason};
///
/// let err = Money::new(1, Currency::Idr).checked_sub(Money::new(1, Currency::Cny)).unwrap_err();
/// assert!(matches!(err, MoneyError::CurrencyMismatch { .. }));
/// assert_eq!(err.code(), ErrorCode::CurrencyMismatch);
///
/// let err = Money::parse("1.50.000", Locale::Id, Currency::Idr).unwrap_err();
/// assert_eq!(
///     err,
///     MoneyError::Parse { position: 1, char_position: 1, reason: ParseReason::MisplacedSeparator }
/// );
/// assert_eq!(err.code(), ErrorCode::MoneyParse);
/// assert_eq!(
///     serde_json::to_string(&err)?,
///     r#"{"parse":{"position":1,"char_position":1,"reason":"misplaced_separator"}}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
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
    /// Money text could not be read.
    #[error("cannot read money text at byte {position} (character {char_position}): {reason}")]
    Parse {
        /// Byte offset of the offending character in the text given to
        /// [`parse`].
        position: usize,
        /// Offset of the same character counted in Unicode scalar values
        /// (`char`s), for highlighting it in a UI.
        char_position: usize,
        /// What is wrong there.
        reason: ParseReason,
    },
    /// Money text has more than one reasonable reading; see [`parse`] for the
    /// exact rules.
    #[error("ambiguous money text at byte {position} (character {char_position}): {reason}")]
    Ambiguous {
        /// Byte offset of the ambiguous separator, symbol or word.
        position: usize,
        /// The same offset counted in `char`s.
        char_position: usize,
        /// What is ambiguous.
        reason: AmbiguityReason,
    },
    /// Money text has more fractional digits than the currency has minor-unit
    /// digits (after applying a multiplier such as `jt` or `万`).
    #[error(
        "{currency} has {} decimal places; the first digit beyond them is at byte {position} (character {char_position})",
        currency.exponent()
    )]
    TooPrecise {
        /// Byte offset of the first digit that does not fit.
        position: usize,
        /// The same offset counted in `char`s.
        char_position: usize,
        /// The currency the text was read in.
        currency: Currency,
    },
    /// Money text is longer than [`MAX_PARSE_LEN`] bytes.
    #[error("money text is {len} bytes long; the limit is {max}")]
    InputTooLarge {
        /// Length of the text, in bytes.
        len: usize,
        /// The limit, [`MAX_PARSE_LEN`].
        max: usize,
    },
    /// A split or allocation was asked for with invalid parts or ratios.
    #[error("cannot split into {parts} parts: {reason}")]
    InvalidSplit {
        /// The number of parts asked for (`n`, or the number of ratios).
        parts: usize,
        /// What is wrong with them.
        reason: SplitReason,
    },
}

impl HasErrorCode for MoneyError {
    fn code(&self) -> ErrorCode {
        match self {
            MoneyError::CurrencyMismatch { .. } => ErrorCode::CurrencyMismatch,
            MoneyError::Overflow => ErrorCode::MoneyOverflow,
            MoneyError::UnknownCurrency(_) => ErrorCode::UnknownCurrency,
            MoneyError::Parse { .. } => ErrorCode::MoneyParse,
            MoneyError::Ambiguous { .. } => ErrorCode::MoneyAmbiguous,
            MoneyError::TooPrecise { .. } => ErrorCode::MoneyTooPrecise,
            MoneyError::InputTooLarge { .. } => ErrorCode::InputTooLarge,
            MoneyError::InvalidSplit { .. } => ErrorCode::InvalidSplit,
        }
    }
}
