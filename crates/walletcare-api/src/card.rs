//! Bank cards: validation and masking of what the user typed, and expiry
//! checks. The card number and CVV are read, checked and wiped; no output
//! or error carries them.
//!
//! # Examples
//!
//! ```
//! let input = r#"{"card":{"number":"4111 1111 1111 1111","holder_name":"budi santoso","expiry":"12/29","cvv":"123"},"now":"2026-11-21T08:00:00Z"}"#;
//! let out = walletcare_api::call("card.validate", input)?;
//! assert!(out.contains("411111******1111") && !out.contains("123\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use walletcare_core::card::{
    self as core_card, CardBrand, CardError, CardExpiry, CardInput, MaskedCardNumber,
    ValidatedCard, luhn_valid,
};
use walletcare_core::error::{Error, ErrorCode};
use walletcare_core::locale::{Locale, Render};

use crate::ops::{Operation, registry};

registry! {
    operations: [Validate, Problems, Brand, LuhnValid, ParseMasked, CheckExpiry],
    commands: [],
}

/// Validates a card the user typed and returns it without its number or
/// CVV. Fails with the first problem in field order (number, expiry, CVV,
/// holder name): `card.invalid_number`, `card.luhn_failed`,
/// `card.unsupported_brand`, `card.expired`, `card.invalid_expiry`,
/// `card.invalid_cvv`, `card.invalid_holder_name`.
///
/// # Examples
///
/// ```
/// let input = r#"{"card":{"number":"4111 1111 1111 1112","holder_name":"Budi","expiry":"12/29","cvv":"123"},"now":"2026-11-21T08:00:00Z"}"#;
/// assert_eq!(walletcare_api::call("card.validate", input).unwrap_err().code.as_str(), "card.luhn_failed");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Validate {
    /// What the user typed.
    pub card: CardInput,
    /// The instant the expiry is checked at.
    pub now: DateTime<Utc>,
}

impl Operation for Validate {
    const NAME: &'static str = "card.validate";
    type Output = ValidatedCard;
    fn run(self) -> Result<ValidatedCard, Error> {
        Ok(core_card::validate(self.card, self.now)?)
    }
}

/// Every problem of a card form, at most one per field, with the sentence
/// to show next to each in `locale`. Never fails on a bad card: the
/// problems are the answer.
///
/// # Examples
///
/// ```
/// let input = r#"{"card":{"number":"4111 1111 1111 1112","holder_name":"Siti","expiry":"13/30","cvv":"12"},"now":"2026-11-21T08:00:00Z","locale":"zh-CN"}"#;
/// let out = walletcare_api::call("card.problems", input)?;
/// assert!(out.contains("luhn_failed") && out.contains("卡号无效"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problems {
    /// What the user typed.
    pub card: CardInput,
    /// The instant the expiry is checked at.
    pub now: DateTime<Utc>,
    /// The locale of the sentences (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

/// The problems of a card form and their sentences.
///
/// # Examples
///
/// ```
/// let input = r#"{"card":{"number":"4111111111111111","holder_name":"Siti","expiry":"12/30","cvv":"123"},"now":"2026-11-21T08:00:00Z"}"#;
/// assert_eq!(walletcare_api::call("card.problems", input)?, r#"{"valid":true,"problems":[],"messages":[]}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct ProblemsOut {
    /// Whether there is no problem.
    pub valid: bool,
    /// The problems in field order.
    pub problems: Vec<CardError>,
    /// `messages[i]` renders `problems[i]`.
    pub messages: Vec<String>,
}

impl Operation for Problems {
    const NAME: &'static str = "card.problems";
    type Output = ProblemsOut;
    fn run(self) -> Result<ProblemsOut, Error> {
        let problems = self.card.problems(self.now);
        drop(self.card);
        Ok(ProblemsOut {
            valid: problems.is_empty(),
            messages: problems.iter().map(|p| p.render(self.locale)).collect(),
            problems,
        })
    }
}

/// The brand of a card number (digits only) from its leading digits, or
/// `null`; the length and the Luhn check are not looked at.
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("card.brand", r#"{"digits":"5555"}"#)?, r#""mastercard""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// The leading digits.
    pub digits: String,
}

impl Operation for Brand {
    const NAME: &'static str = "card.brand";
    type Output = Option<CardBrand>;
    fn run(self) -> Result<Option<CardBrand>, Error> {
        Ok(CardBrand::detect(&self.digits))
    }
}

/// Whether a string of ASCII digits passes the Luhn check (`false` for
/// anything that is not only digits).
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("card.luhn_valid", r#"{"digits":"4111111111111111"}"#)?, "true");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LuhnValid {
    /// The digits.
    pub digits: String,
}

impl Operation for LuhnValid {
    const NAME: &'static str = "card.luhn_valid";
    type Output = bool;
    fn run(self) -> Result<bool, Error> {
        Ok(luhn_valid(&self.digits))
    }
}

/// Reads a masked card number (`"411111******1111"`) into its parts;
/// `card.invalid_number` for anything else, a full number included.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("card.parse_masked", r#"{"masked":"411111******1111"}"#)?;
/// assert_eq!(out, r#"{"masked":"411111******1111","first_six":"411111","last_four":"1111","length":16,"brand":"visa"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParseMasked {
    /// The masked number.
    pub masked: String,
}

/// The parts of a masked card number.
///
/// # Examples
///
/// ```
/// use walletcare_api::{card::ParseMasked, ops::Operation};
/// assert_eq!(ParseMasked { masked: "411111******1111".into() }.run()?.last_four, "1111");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct MaskedParts {
    /// The masked number.
    pub masked: String,
    /// Its first six digits.
    pub first_six: String,
    /// Its last four digits.
    pub last_four: String,
    /// The length of the full number.
    pub length: usize,
    /// The brand of the first six digits, or `null`.
    pub brand: Option<CardBrand>,
}

impl Operation for ParseMasked {
    const NAME: &'static str = "card.parse_masked";
    type Output = MaskedParts;
    fn run(self) -> Result<MaskedParts, Error> {
        let masked: MaskedCardNumber = self.masked.parse()?;
        Ok(MaskedParts {
            masked: masked.as_str().to_owned(),
            first_six: masked.first_six().to_owned(),
            last_four: masked.last_four().to_owned(),
            length: masked.len(),
            brand: CardBrand::detect(masked.first_six()),
        })
    }
}

/// Reads an expiry typed as `MM/YY` or `MM/YYYY` and tells whether it has
/// passed at `now` (an expired card is not an error here);
/// `card.invalid_expiry` for a malformed expiry.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("card.check_expiry", r#"{"expiry":"02/28","now":"2028-03-01T00:00:00Z"}"#)?;
/// assert_eq!(out, r#"{"year":2028,"month":2,"expired":true,"last_valid_day":"2028-02-29"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckExpiry {
    /// The expiry as typed.
    pub expiry: String,
    /// The instant it is checked at.
    pub now: DateTime<Utc>,
}

/// An expiry read and checked at an instant.
///
/// # Examples
///
/// ```
/// use walletcare_api::{card::CheckExpiry, ops::Operation};
/// let now = "2026-11-21T08:00:00Z".parse()?;
/// assert!(!CheckExpiry { expiry: "12/29".into(), now }.run()?.expired);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExpiryCheck {
    /// The four-digit year.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// Whether it has passed (valid through the last day of its month, UTC).
    pub expired: bool,
    /// The last day the card is valid.
    pub last_valid_day: NaiveDate,
}

impl Operation for CheckExpiry {
    const NAME: &'static str = "card.check_expiry";
    type Output = ExpiryCheck;
    fn run(self) -> Result<ExpiryCheck, Error> {
        let expiry = CardExpiry::parse(&self.expiry)?;
        let last_valid_day = expiry.last_valid_day().ok_or_else(|| {
            Error::new(
                ErrorCode::DateOutOfRange,
                "the expiry has no last day in the supported range",
            )
        })?;
        Ok(ExpiryCheck {
            year: expiry.year(),
            month: expiry.month(),
            expired: expiry.is_expired_at(self.now),
            last_valid_day,
        })
    }
}
