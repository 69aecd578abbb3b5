//! Bank cards: validation of what the user typed, masking, and the wallet of
//! bound cards.
//!
//! # What is kept, and what is not
//!
//! [`validate`] consumes a [`CardInput`] (number, holder name, expiry, CVV)
//! and returns a [`ValidatedCard`] holding only the brand, the
//! [`MaskedCardNumber`] (first six and last four digits), the normalised
//! holder name and the expiry. **No type keeps the full number or the CVV
//! after validation**: the input is consumed, its strings are overwritten
//! when it is dropped (best effort, see [`CardInput`]), and `Debug` never
//! prints them. The CVV is checked for shape and then forgotten, as PCI DSS
//! requires (it may never be stored after authorisation, and walletcare does
//! not authorise).
//!
//! # Card identity: the vault's fingerprint
//!
//! Detecting that the same card is bound twice needs an identity for the
//! card that does not reveal its number. The masked number is not enough (two
//! cards of one bank can share first six and last four digits), and any
//! unkeyed digest of the number is useless: with the first six and last four
//! known and the Luhn digit fixed, only about 100 000 candidates remain for a
//! 16-digit card, which an attacker tries in milliseconds. A keyed digest
//! needs a vetted keyed hash (HMAC-SHA-256, as PCI DSS 4.0 §3.5.1.1 asks)
//! and a managed key; the core has neither a crypto crate nor a key store,
//! and a home-made construction would be a liability. So the identity is the
//! [`CardFingerprint`] the host's PCI vault (or payment gateway) returns when
//! it tokenises the number: deterministic per card number and useless for
//! charging (Stripe's `card.fingerprint`, Adyen's card `alias`).
//! The full number goes from the user's device to the vault; the core only
//! validates it on the way and never stores it.
//!
//! # Examples
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use walletcare_core::card::{validate, CardBrand, CardFingerprint, CardInput, CardPolicy, CardWallet};
//!
//! let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
//! let input = CardInput {
//!     number: "4111 1111 1111 1111".into(),
//!     holder_name: "  budi   santoso ".into(),
//!     expiry: "12/29".into(),
//!     cvv: "123".into(),
//! };
//! let card = validate(input, now)?;
//! assert_eq!(card.brand(), CardBrand::Visa);
//! assert_eq!(card.masked_number().as_str(), "411111******1111");
//! assert_eq!(card.holder_name().as_str(), "BUDI SANTOSO");
//!
//! let mut wallet = CardWallet::default();
//! let id = wallet.bind(card, CardFingerprint::new("fp_3f7c2a9b51e0")?, &CardPolicy::default(), now)?;
//! assert_eq!(wallet.list().len(), 1);
//! wallet.remove(id)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod number;
mod wallet;

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::account::AccountError;
use crate::error::{ErrorCode, HasErrorCode};
use crate::locale::{Locale, Render};

pub use number::{CardBrand, MaskedCardNumber, luhn_valid};
pub use wallet::{BoundCard, CardFingerprint, CardId, CardPolicy, CardWallet};

/// Longest card-number input looked at, in bytes.
const NUMBER_MAX_INPUT: usize = 64;
/// Longest holder-name input looked at, in bytes.
const NAME_MAX_INPUT: usize = 256;
/// Longest holder name after normalisation, in characters: the name field
/// of an ISO/IEC 7813 track 1, the most a card can carry.
const NAME_MAX_CHARS: usize = 26;
/// Expiry dates more than this many years after `now` are refused.
const EXPIRY_MAX_YEARS_AHEAD: i32 = 20;

/// What the user typed to bind a card. Consumed by [`validate`].
///
/// `Debug` redacts the number and the CVV; there is no `Serialize` and no
/// `Clone`, so the input cannot be copied or written out by accident. When
/// the input is dropped its number and CVV are overwritten with zeros (best
/// effort: without `unsafe` volatile writes the compiler or the allocator may
/// have left copies). Because of that `Drop`, the fields cannot be moved out
/// of it.
///
/// The JSON form (deserialisation only) is
/// `{"number":"…","holder_name":"…","expiry":"MM/YY","cvv":"…"}`; unknown
/// fields are refused. A number or CVV of the wrong JSON type is refused
/// without quoting it: the error says "the card number must be a JSON
/// string", never ``invalid type: integer `4111…` ``.
///
/// # Examples
///
/// ```
/// use walletcare_core::card::CardInput;
///
/// let input: CardInput = serde_json::from_str(r#"{"number":"5555 5555 5555 4444","holder_name":"Siti","expiry":"01/2031","cvv":"321"}"#)?;
/// let debug = format!("{input:?}");
/// assert!(!debug.contains("5555 5555 5555 4444") && !debug.contains("321"));
/// assert!(debug.contains("<redacted>"));
///
/// let err = serde_json::from_str::<CardInput>(r#"{"number":5555555555554444}"#).err().ok_or("accepted")?;
/// assert!(!err.to_string().contains("5555555555554444"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CardInput {
    /// The card number: digits, with spaces or dashes allowed between them.
    #[serde(deserialize_with = "secret_number")]
    pub number: String,
    /// The name on the card.
    pub holder_name: String,
    /// The expiry, `MM/YY` or `MM/YYYY`.
    pub expiry: String,
    /// The security code: 3 digits, 4 for American Express.
    #[serde(deserialize_with = "secret_cvv")]
    pub cvv: String,
}

/// Reads a secret field. serde's type errors quote the value they got
/// (``invalid type: integer `4111111111111111`, expected a string``), and
/// hosts log deserialisation errors, so any error is replaced by one that
/// names only the field.
fn secret_string<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    message: &'static str,
) -> Result<String, D::Error> {
    String::deserialize(deserializer).map_err(|_| serde::de::Error::custom(message))
}

fn secret_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    secret_string(deserializer, "the card number must be a JSON string")
}

fn secret_cvv<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    secret_string(deserializer, "the CVV must be a JSON string")
}

impl fmt::Debug for CardInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CardInput")
            .field("number", &"<redacted>")
            .field("holder_name", &self.holder_name)
            .field("expiry", &self.expiry)
            .field("cvv", &"<redacted>")
            .finish()
    }
}

impl Drop for CardInput {
    fn drop(&mut self) {
        wipe(&mut self.number);
        wipe(&mut self.cvv);
    }
}

/// Overwrites a string's bytes with zeros, best effort.
fn wipe(secret: &mut String) {
    let mut bytes = std::mem::take(secret).into_bytes();
    bytes.fill(0);
    std::hint::black_box(&bytes);
}

/// A card number's digits while it is being checked; wiped on drop.
struct PanDigits(String);

impl Drop for PanDigits {
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

impl CardInput {
    /// Every problem with the input, in field order (number, expiry, CVV,
    /// holder name), at most one per field; empty when it is valid. For a
    /// form that shows each field's error at once. Borrows the input, keeps
    /// nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::card::{CardError, CardInput};
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let input = CardInput { number: "4111 1111 1111 1112".into(), holder_name: "".into(), expiry: "13/30".into(), cvv: "12".into() };
    /// let problems = input.problems(now);
    /// assert_eq!(problems.len(), 4);
    /// assert_eq!(problems[0], CardError::LuhnFailed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn problems(&self, now: DateTime<Utc>) -> Vec<CardError> {
        let checked = check_fields(self, now);
        [
            checked.number.err(),
            checked.expiry.err(),
            checked.cvv.err(),
            checked.holder.err(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

struct CheckedFields {
    number: Result<(CardBrand, MaskedCardNumber), CardError>,
    expiry: Result<CardExpiry, CardError>,
    cvv: Result<(), CardError>,
    holder: Result<HolderName, CardError>,
}

fn check_fields(input: &CardInput, now: DateTime<Utc>) -> CheckedFields {
    let number = parse_number(&input.number);
    let brand = number.as_ref().ok().map(|(brand, _)| *brand);
    CheckedFields {
        number,
        expiry: check_expiry(&input.expiry, now),
        cvv: check_cvv(&input.cvv, brand),
        holder: HolderName::parse(&input.holder_name),
    }
}

/// Validates what the user typed, consuming it, and returns the card without
/// its number or CVV.
///
/// Returns the **first** problem in field order (number, expiry, CVV, holder
/// name), so the error code names one precise cause; use
/// [`CardInput::problems`] before calling this to show every problem at once.
///
/// - **number**: digits with spaces or dashes between them; 12 to 19 digits;
///   a supported [`CardBrand`] by IIN, with one of its lengths; passes the
///   Luhn check ([`luhn_valid`]).
/// - **expiry**: `MM/YY` (20YY) or `MM/YYYY` (2000-2099), spaces around the
///   `/` allowed; valid through the last day of the month **in UTC**: the
///   card is expired from the first instant of the next month, UTC. For a
///   user in Jakarta (UTC+7) a card stays bindable until 07:00 on the 1st;
///   the network has the last word at authorisation anyway. At most 20 years
///   after `now`.
/// - **CVV**: 3 ASCII digits, 4 for American Express (3 or 4 when the number
///   is invalid so the brand is unknown); surrounding whitespace ignored.
/// - **holder name**: see [`HolderName`].
///
/// # Errors
///
/// The first [`CardError`] as above.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::card::{validate, CardError, CardInput};
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let amex = CardInput { number: "3782 822463 10005".into(), holder_name: "Wang Fang".into(), expiry: "03/28".into(), cvv: "1234".into() };
/// assert_eq!(validate(amex, now)?.masked_number().as_str(), "378282*****0005");
/// let short_cvv = CardInput { number: "3782 822463 10005".into(), holder_name: "Wang Fang".into(), expiry: "03/28".into(), cvv: "123".into() };
/// assert_eq!(validate(short_cvv, now).unwrap_err(), CardError::InvalidCvv { expected_digits: Some(4) });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate(input: CardInput, now: DateTime<Utc>) -> Result<ValidatedCard, CardError> {
    let checked = check_fields(&input, now);
    drop(input);
    let (brand, masked_number) = checked.number?;
    let expiry = checked.expiry?;
    checked.cvv?;
    let holder_name = checked.holder?;
    Ok(ValidatedCard {
        brand,
        masked_number,
        holder_name,
        expiry,
    })
}

fn parse_number(input: &str) -> Result<(CardBrand, MaskedCardNumber), CardError> {
    let invalid = |problem| CardError::InvalidNumber { problem };
    if input.len() > NUMBER_MAX_INPUT {
        return Err(invalid(NumberProblem::TooLong));
    }
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(invalid(NumberProblem::Empty));
    }
    let mut digits = PanDigits(String::with_capacity(NUMBER_MAX_INPUT));
    for (index, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.0.push(c),
            ' ' | '-' => {}
            _ => {
                return Err(invalid(NumberProblem::InvalidCharacter {
                    position: u32::try_from(index).unwrap_or(u32::MAX).saturating_add(1),
                }));
            }
        }
    }
    let count = u32::try_from(digits.0.len()).unwrap_or(u32::MAX);
    if !(12..=19).contains(&count) {
        return Err(invalid(NumberProblem::WrongLength { digits: count }));
    }
    let brand = CardBrand::detect(&digits.0).ok_or_else(|| CardError::UnsupportedBrand {
        prefix: digits.0.chars().take(2).collect(),
    })?;
    if !brand.lengths().contains(&count) {
        return Err(invalid(NumberProblem::WrongLengthForBrand {
            brand,
            digits: count,
        }));
    }
    if !luhn_valid(&digits.0) {
        return Err(CardError::LuhnFailed);
    }
    let masked = MaskedCardNumber::from_digits(&digits.0)
        .ok_or(invalid(NumberProblem::WrongLength { digits: count }))?;
    Ok((brand, masked))
}

fn check_cvv(cvv: &str, brand: Option<CardBrand>) -> Result<(), CardError> {
    let expected = brand.map(CardBrand::cvv_length);
    let trimmed = cvv.trim();
    let length_ok = match expected {
        Some(n) => trimmed.len() == usize::from(n),
        None => matches!(trimmed.len(), 3 | 4),
    };
    if cvv.len() <= 16 && length_ok && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(CardError::InvalidCvv {
            expected_digits: expected,
        })
    }
}

fn check_expiry(text: &str, now: DateTime<Utc>) -> Result<CardExpiry, CardError> {
    let expiry = CardExpiry::parse(text)?;
    if expiry.is_expired_at(now) {
        return Err(CardError::Expired {
            month: expiry.month,
            year: expiry.year,
        });
    }
    if i32::from(expiry.year) > now.year().saturating_add(EXPIRY_MAX_YEARS_AHEAD) {
        return Err(CardError::InvalidExpiry {
            problem: ExpiryProblem::TooFarAhead {
                max_years: EXPIRY_MAX_YEARS_AHEAD as u32,
            },
        });
    }
    Ok(expiry)
}

/// A card's expiry month. The card is valid through the last day of that
/// month, in UTC.
///
/// The JSON form is `{"month":12,"year":2030}`; deserialising checks the
/// ranges.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::card::CardExpiry;
///
/// let expiry = CardExpiry::parse("02/28")?;
/// assert_eq!((expiry.month(), expiry.year()), (2, 2028));
/// assert!(!expiry.is_expired_at(Utc.with_ymd_and_hms(2028, 2, 29, 23, 59, 59).unwrap()));
/// assert!(expiry.is_expired_at(Utc.with_ymd_and_hms(2028, 3, 1, 0, 0, 0).unwrap()));
/// assert_eq!(serde_json::to_string(&expiry)?, r#"{"month":2,"year":2028}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "crate::error::Unchecked<CardExpiryRepr>")]
pub struct CardExpiry {
    year: u16,
    month: u8,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardExpiryRepr {
    month: u8,
    year: u16,
}

impl TryFrom<CardExpiryRepr> for CardExpiry {
    type Error = CardError;

    fn try_from(repr: CardExpiryRepr) -> Result<Self, Self::Error> {
        CardExpiry::new(repr.month, repr.year)
    }
}

impl Serialize for CardExpiry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CardExpiryRepr {
            month: self.month,
            year: self.year,
        }
        .serialize(serializer)
    }
}

impl CardExpiry {
    /// An expiry from a month (1-12) and a year (2000-2099).
    ///
    /// # Errors
    ///
    /// [`CardError::InvalidExpiry`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardExpiry;
    /// assert!(CardExpiry::new(12, 2099).is_ok());
    /// assert!(CardExpiry::new(0, 2030).is_err());
    /// assert!(CardExpiry::new(1, 2100).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(month: u8, year: u16) -> Result<CardExpiry, CardError> {
        if !(1..=12).contains(&month) {
            return Err(CardError::InvalidExpiry {
                problem: ExpiryProblem::InvalidMonth,
            });
        }
        if !(2000..=2099).contains(&year) {
            return Err(CardError::InvalidExpiry {
                problem: ExpiryProblem::YearOutOfRange,
            });
        }
        Ok(CardExpiry { year, month })
    }

    /// Parses `MM/YY` (year 20YY) or `MM/YYYY`; surrounding whitespace and
    /// spaces around the `/` are ignored; the month needs two digits.
    ///
    /// # Errors
    ///
    /// [`CardError::InvalidExpiry`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardExpiry;
    /// assert_eq!(CardExpiry::parse("12/99")?.year(), 2099);
    /// assert_eq!(CardExpiry::parse("01/00")?.year(), 2000);
    /// assert_eq!(CardExpiry::parse(" 07 / 2031 ")?.month(), 7);
    /// for bad in ["7/31", "07-31", "0731", "07/3", "07/031", "13/31", "00/31", "07/2100"] {
    ///     assert!(CardExpiry::parse(bad).is_err(), "{bad}");
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str) -> Result<CardExpiry, CardError> {
        let malformed = CardError::InvalidExpiry {
            problem: ExpiryProblem::Malformed,
        };
        if text.len() > 16 {
            return Err(malformed);
        }
        let Some((month, year)) = text.trim().split_once('/') else {
            return Err(malformed);
        };
        let (month, year) = (month.trim(), year.trim());
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if month.len() != 2 || !all_digits(month) || !all_digits(year) {
            return Err(malformed);
        }
        let month: u8 = month.parse().map_err(|_| malformed.clone())?;
        let year: u16 = match year.len() {
            2 => year
                .parse::<u16>()
                .map_err(|_| malformed.clone())?
                .saturating_add(2000),
            4 => year.parse().map_err(|_| malformed.clone())?,
            _ => return Err(malformed),
        };
        CardExpiry::new(month, year)
    }

    /// The month, 1-12.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardExpiry;
    /// assert_eq!(CardExpiry::new(9, 2030)?.month(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn month(&self) -> u8 {
        self.month
    }

    /// The year, 2000-2099.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardExpiry;
    /// assert_eq!(CardExpiry::new(9, 2030)?.year(), 2030);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn year(&self) -> u16 {
        self.year
    }

    /// The last day the card is valid.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::card::CardExpiry;
    /// assert_eq!(CardExpiry::new(2, 2028)?.last_valid_day(), NaiveDate::from_ymd_opt(2028, 2, 29));
    /// assert_eq!(CardExpiry::new(12, 2099)?.last_valid_day(), NaiveDate::from_ymd_opt(2099, 12, 31));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn last_valid_day(&self) -> Option<NaiveDate> {
        self.end().and_then(|end| end.date_naive().pred_opt())
    }

    /// The first instant the card is no longer valid: midnight UTC starting
    /// the next month.
    fn end(&self) -> Option<DateTime<Utc>> {
        let (year, month) = if self.month >= 12 {
            (i32::from(self.year).saturating_add(1), 1)
        } else {
            (
                i32::from(self.year),
                u32::from(self.month).saturating_add(1),
            )
        };
        Utc.with_ymd_and_hms(year, month, 1, 0, 0, 0).single()
    }

    /// Whether the card has expired at `now` (at or after midnight UTC
    /// starting the month after the expiry month).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::card::CardExpiry;
    /// let dec = CardExpiry::new(12, 2026)?;
    /// assert!(!dec.is_expired_at(Utc.with_ymd_and_hms(2026, 12, 31, 23, 59, 59).unwrap()));
    /// assert!(dec.is_expired_at(Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_expired_at(&self, now: DateTime<Utc>) -> bool {
        self.end().is_none_or(|end| now >= end)
    }
}

/// The name on a card, normalised: surrounding whitespace trimmed, inner runs
/// of whitespace collapsed to one space, uppercased (Unicode uppercasing, so
/// `müller` becomes `MÜLLER`).
///
/// Allowed: letters of any script (Indonesian and Latin names, but also
/// Chinese names such as `王芳`, which UnionPay issuers match against the
/// account holder), combining accents, spaces and `.` `'` `-` (a typographic
/// apostrophe `’` becomes `'`). Refused: empty names, names without a letter,
/// digits, other symbols, and names over 26 characters after normalisation
/// (the ISO/IEC 7813 track 1 limit, the most a card can carry). Positions in
/// errors are 1-based character positions in the trimmed input.
///
/// The JSON form is the normalised string; deserialising normalises and
/// checks it.
///
/// # Examples
///
/// ```
/// use walletcare_core::card::HolderName;
/// assert_eq!(HolderName::parse("  siti  nurhaliza ")?.as_str(), "SITI NURHALIZA");
/// assert_eq!(HolderName::parse("O’Brien-Smith")?.as_str(), "O'BRIEN-SMITH");
/// assert_eq!(HolderName::parse("王芳")?.as_str(), "王芳");
/// assert!(HolderName::parse("Budi 2").is_err());
/// assert!(HolderName::parse("ABCDEFGHIJKLMNOPQRSTUVWXYZA").is_err()); // 27
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
#[serde(try_from = "crate::error::Unchecked<String>", into = "String")]
pub struct HolderName(String);

impl HolderName {
    /// Normalises and checks a holder name (see the type documentation).
    ///
    /// # Errors
    ///
    /// [`CardError::InvalidHolderName`] with the [`HolderNameProblem`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::{CardError, HolderName, HolderNameProblem};
    /// assert_eq!(HolderName::parse("Budi_S").unwrap_err(),
    ///     CardError::InvalidHolderName { problem: HolderNameProblem::InvalidCharacter { position: 5 } });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(input: &str) -> Result<HolderName, CardError> {
        let invalid = |problem| CardError::InvalidHolderName { problem };
        let too_long = HolderNameProblem::TooLong {
            max_chars: NAME_MAX_CHARS as u32,
        };
        if input.len() > NAME_MAX_INPUT {
            return Err(invalid(too_long));
        }
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(invalid(HolderNameProblem::Empty));
        }
        for (index, c) in trimmed.chars().enumerate() {
            let position = u32::try_from(index).unwrap_or(u32::MAX).saturating_add(1);
            if c.is_ascii_digit() || c.is_numeric() {
                return Err(invalid(HolderNameProblem::Digit { position }));
            }
            let allowed = c.is_alphabetic()
                || c.is_whitespace()
                || matches!(c, '.' | '\'' | '’' | '-' | '\u{0300}'..='\u{036f}');
            if !allowed {
                return Err(invalid(HolderNameProblem::InvalidCharacter { position }));
            }
        }
        if !trimmed.chars().any(char::is_alphabetic) {
            return Err(invalid(HolderNameProblem::NoLetters));
        }
        let normalised = trimmed
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('’', "'")
            .to_uppercase();
        if normalised.chars().count() > NAME_MAX_CHARS {
            return Err(invalid(too_long));
        }
        Ok(HolderName(normalised))
    }

    /// The normalised name.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::HolderName;
    /// assert_eq!(HolderName::parse("wang fang")?.as_str(), "WANG FANG");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for HolderName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for HolderName {
    type Error = CardError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        HolderName::parse(&value)
    }
}

impl From<HolderName> for String {
    fn from(value: HolderName) -> Self {
        value.0
    }
}

/// A card that passed [`validate`]: brand, masked number, holder name and
/// expiry. It holds neither the full number nor the CVV.
///
/// The JSON form is
/// `{"brand":"visa","masked_number":"411111******1111","holder_name":"BUDI","expiry":{"month":12,"year":2030}}`;
/// deserialising checks each field and that the brand matches the masked
/// number's prefix and length.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::card::{validate, CardInput, ValidatedCard};
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let card = validate(CardInput { number: "3530-1113-3330-0000".into(), holder_name: "Tanaka Yuki".into(), expiry: "11/2026".into(), cvv: "987".into() }, now)?;
/// let json = serde_json::to_string(&card)?;
/// assert_eq!(json, r#"{"brand":"jcb","masked_number":"353011******0000","holder_name":"TANAKA YUKI","expiry":{"month":11,"year":2026}}"#);
/// assert_eq!(serde_json::from_str::<ValidatedCard>(&json)?, card);
/// let lie = json.replace("\"jcb\"", "\"visa\"");
/// assert!(serde_json::from_str::<ValidatedCard>(&lie).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "crate::error::Unchecked<ValidatedCardRepr>")]
pub struct ValidatedCard {
    brand: CardBrand,
    masked_number: MaskedCardNumber,
    holder_name: HolderName,
    expiry: CardExpiry,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ValidatedCardRepr {
    brand: CardBrand,
    masked_number: MaskedCardNumber,
    holder_name: HolderName,
    expiry: CardExpiry,
}

impl TryFrom<ValidatedCardRepr> for ValidatedCard {
    type Error = CardError;

    fn try_from(repr: ValidatedCardRepr) -> Result<Self, Self::Error> {
        let len = u32::try_from(repr.masked_number.len()).unwrap_or(u32::MAX);
        if CardBrand::detect(repr.masked_number.first_six()) != Some(repr.brand)
            || !repr.brand.lengths().contains(&len)
        {
            return Err(CardError::InvalidMaskedNumber);
        }
        Ok(ValidatedCard {
            brand: repr.brand,
            masked_number: repr.masked_number,
            holder_name: repr.holder_name,
            expiry: repr.expiry,
        })
    }
}

impl ValidatedCard {
    /// The brand.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::card::{validate, CardBrand, CardInput};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let card = validate(CardInput { number: "5555555555554444".into(), holder_name: "Ana".into(), expiry: "10/30".into(), cvv: "000".into() }, now)?;
    /// assert_eq!(card.brand(), CardBrand::Mastercard);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn brand(&self) -> CardBrand {
        self.brand
    }

    /// The masked number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::card::{validate, CardInput};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let card = validate(CardInput { number: "5555555555554444".into(), holder_name: "Ana".into(), expiry: "10/30".into(), cvv: "000".into() }, now)?;
    /// assert_eq!(card.masked_number().last_four(), "4444");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn masked_number(&self) -> &MaskedCardNumber {
        &self.masked_number
    }

    /// The normalised holder name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::card::{validate, CardInput};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let card = validate(CardInput { number: "5555555555554444".into(), holder_name: "ana  putri".into(), expiry: "10/30".into(), cvv: "000".into() }, now)?;
    /// assert_eq!(card.holder_name().as_str(), "ANA PUTRI");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn holder_name(&self) -> &HolderName {
        &self.holder_name
    }

    /// The expiry.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::card::{validate, CardInput};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let card = validate(CardInput { number: "5555555555554444".into(), holder_name: "Ana".into(), expiry: "10/30".into(), cvv: "000".into() }, now)?;
    /// assert_eq!(card.expiry().year(), 2030);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn expiry(&self) -> CardExpiry {
        self.expiry
    }
}

/// What is wrong with a card number. Positions are 1-based character
/// positions in the trimmed input.
///
/// # Examples
///
/// ```
/// use walletcare_core::card::NumberProblem;
/// assert_eq!(serde_json::to_string(&NumberProblem::WrongLength { digits: 11 })?, r#"{"problem":"wrong_length","digits":11}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberProblem {
    /// Nothing was typed.
    Empty,
    /// More than 64 bytes were typed.
    TooLong,
    /// A character other than a digit, space or dash.
    InvalidCharacter {
        /// 1-based position.
        position: u32,
    },
    /// Fewer than 12 or more than 19 digits.
    WrongLength {
        /// How many digits.
        digits: u32,
    },
    /// A length the brand does not issue.
    WrongLengthForBrand {
        /// The brand.
        brand: CardBrand,
        /// How many digits.
        digits: u32,
    },
}

impl fmt::Display for NumberProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberProblem::Empty => f.write_str("empty"),
            NumberProblem::TooLong => write!(f, "longer than {NUMBER_MAX_INPUT} characters"),
            NumberProblem::InvalidCharacter { position } => write!(
                f,
                "unexpected character at position {position} (only digits, spaces and dashes)"
            ),
            NumberProblem::WrongLength { digits } => {
                write!(f, "{digits} digits; card numbers have 12 to 19")
            }
            NumberProblem::WrongLengthForBrand { brand, digits } => {
                write!(f, "{digits} digits is not a valid length for {brand}")
            }
        }
    }
}

/// What is wrong with an expiry date.
///
/// # Examples
///
/// ```
/// use walletcare_core::card::ExpiryProblem;
/// assert_eq!(serde_json::to_string(&ExpiryProblem::InvalidMonth)?, r#"{"problem":"invalid_month"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ExpiryProblem {
    /// Not `MM/YY` or `MM/YYYY`.
    Malformed,
    /// The month is not 01-12.
    InvalidMonth,
    /// The year is not 2000-2099.
    YearOutOfRange,
    /// Further in the future than any card is issued for.
    TooFarAhead {
        /// The most years ahead allowed.
        max_years: u32,
    },
}

impl fmt::Display for ExpiryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExpiryProblem::Malformed => f.write_str("expected MM/YY or MM/YYYY"),
            ExpiryProblem::InvalidMonth => f.write_str("the month must be 01 to 12"),
            ExpiryProblem::YearOutOfRange => f.write_str("the year must be 2000 to 2099"),
            ExpiryProblem::TooFarAhead { max_years } => {
                write!(f, "more than {max_years} years ahead")
            }
        }
    }
}

/// What is wrong with a holder name. Positions are 1-based character
/// positions in the trimmed input.
///
/// # Examples
///
/// ```
/// use walletcare_core::card::HolderNameProblem;
/// assert_eq!(serde_json::to_string(&HolderNameProblem::Digit { position: 3 })?, r#"{"problem":"digit","position":3}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum HolderNameProblem {
    /// Nothing was typed.
    Empty,
    /// Longer than a card can carry.
    TooLong {
        /// The maximum, in characters.
        max_chars: u32,
    },
    /// A digit.
    Digit {
        /// 1-based position.
        position: u32,
    },
    /// A symbol other than `.` `'` `-`.
    InvalidCharacter {
        /// 1-based position.
        position: u32,
    },
    /// Only punctuation and spaces.
    NoLetters,
}

impl fmt::Display for HolderNameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HolderNameProblem::Empty => f.write_str("empty"),
            HolderNameProblem::TooLong { max_chars } => {
                write!(f, "longer than {max_chars} characters")
            }
            HolderNameProblem::Digit { position } => write!(f, "a digit at position {position}"),
            HolderNameProblem::InvalidCharacter { position } => write!(
                f,
                "unexpected character at position {position} (only letters, spaces and . ' -)"
            ),
            HolderNameProblem::NoLetters => f.write_str("no letters"),
        }
    }
}

/// An error from the card module. No variant carries a full card number or a
/// CVV; [`CardError::UnsupportedBrand`] carries only the first two digits.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::card::{validate, CardError, CardInput};
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::locale::{Locale, Render};
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let err = validate(CardInput { number: "4111 1111 1111 1112".into(), holder_name: "A".into(), expiry: "12/30".into(), cvv: "123".into() }, now).unwrap_err();
/// assert_eq!(err, CardError::LuhnFailed);
/// assert_eq!(err.code(), ErrorCode::CardLuhnFailed);
/// assert_eq!(err.render(Locale::Id), "Nomor kartu ini tidak valid. Periksa kembali lalu coba lagi.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CardError {
    /// The card number has the wrong characters or length.
    #[error("invalid card number: {problem}")]
    InvalidNumber {
        /// What is wrong.
        problem: NumberProblem,
    },
    /// The card number fails the Luhn check (a typo).
    #[error("the card number fails the Luhn check")]
    LuhnFailed,
    /// The number's IIN belongs to no accepted brand.
    #[error("cards starting with {prefix} are not accepted")]
    UnsupportedBrand {
        /// The first two digits.
        prefix: String,
    },
    /// The card has expired.
    #[error("the card expired at the end of {month:02}/{year}")]
    Expired {
        /// Expiry month.
        month: u8,
        /// Expiry year.
        year: u16,
    },
    /// The expiry date is malformed or out of range.
    #[error("invalid expiry date: {problem}")]
    InvalidExpiry {
        /// What is wrong.
        problem: ExpiryProblem,
    },
    /// The CVV has the wrong length or characters (it is never echoed).
    #[error("the CVV must be {} ASCII digits", expected_digits.map_or_else(|| "3 or 4".to_owned(), |n| n.to_string()))]
    InvalidCvv {
        /// The digits the brand uses, or `None` when the brand is unknown (3
        /// or 4 accepted).
        expected_digits: Option<u8>,
    },
    /// The holder name is empty, too long or has bad characters.
    #[error("invalid holder name: {problem}")]
    InvalidHolderName {
        /// What is wrong.
        problem: HolderNameProblem,
    },
    /// A masked number is malformed, or does not match its brand.
    #[error(
        "a masked card number must be six digits, stars and four digits of a valid length for its brand"
    )]
    InvalidMaskedNumber,
    /// The same card (same fingerprint) is already bound.
    #[error("this card is already bound as card {existing}")]
    AlreadyBound {
        /// The bound card.
        existing: CardId,
    },
    /// The wallet is full.
    #[error("at most {max} cards can be bound")]
    LimitReached {
        /// The maximum.
        max: u32,
    },
    /// No bound card has this id.
    #[error("no bound card has id {id}")]
    NotFound {
        /// The id asked for.
        id: CardId,
    },
    /// A fingerprint, policy or stored wallet is malformed.
    #[error("invalid {what}: {reason}")]
    InvalidArgument {
        /// What was malformed.
        what: String,
        /// Why.
        reason: String,
    },
    /// The account may not change its cards now (frozen, locked, closed, or a
    /// credential reset is pending).
    #[error("{0}")]
    Account(#[from] AccountError),
}

impl HasErrorCode for CardError {
    fn code(&self) -> ErrorCode {
        match self {
            CardError::InvalidNumber { .. } | CardError::InvalidMaskedNumber => {
                ErrorCode::InvalidCardNumber
            }
            CardError::LuhnFailed => ErrorCode::CardLuhnFailed,
            CardError::UnsupportedBrand { .. } => ErrorCode::UnsupportedCardBrand,
            CardError::Expired { .. } => ErrorCode::CardExpired,
            CardError::InvalidExpiry { .. } => ErrorCode::InvalidExpiry,
            CardError::InvalidCvv { .. } => ErrorCode::InvalidCvv,
            CardError::InvalidHolderName { .. } => ErrorCode::InvalidHolderName,
            CardError::AlreadyBound { .. } => ErrorCode::CardAlreadyBound,
            CardError::LimitReached { .. } => ErrorCode::CardLimitReached,
            CardError::NotFound { .. } => ErrorCode::CardNotFound,
            CardError::InvalidArgument { .. } => ErrorCode::InvalidArgument,
            CardError::Account(inner) => inner.code(),
        }
    }
}

impl Render for CardError {
    /// The message to show next to the card form.
    fn render(&self, locale: Locale) -> String {
        let text = match self {
            CardError::InvalidNumber {
                problem: NumberProblem::Empty,
            } => locale.pick("Enter the card number.", "Masukkan nomor kartu.", "请输入卡号。"),
            CardError::InvalidNumber {
                problem: NumberProblem::InvalidCharacter { .. },
            } => locale.pick(
                "The card number can only contain digits, spaces and dashes.",
                "Nomor kartu hanya boleh berisi angka, spasi, dan tanda hubung.",
                "卡号只能包含数字、空格和连字符。",
            ),
            CardError::InvalidNumber { .. } | CardError::InvalidMaskedNumber => locale.pick(
                "The card number has the wrong number of digits.",
                "Jumlah digit nomor kartu tidak sesuai.",
                "卡号位数不正确。",
            ),
            CardError::LuhnFailed => locale.pick(
                "This card number isn't valid. Please check it and try again.",
                "Nomor kartu ini tidak valid. Periksa kembali lalu coba lagi.",
                "卡号无效，请检查后重试。",
            ),
            CardError::UnsupportedBrand { .. } => locale.pick(
                "We accept Visa, Mastercard, JCB, UnionPay, American Express and Discover cards only.",
                "Kami hanya menerima kartu Visa, Mastercard, JCB, UnionPay, American Express, dan Discover.",
                "仅支持 Visa、Mastercard、JCB、银联、美国运通和 Discover 卡。",
            ),
            CardError::Expired { month, year } => {
                return match locale {
                    Locale::En => format!("This card expired at the end of {month:02}/{year}."),
                    Locale::Id => {
                        format!("Kartu ini sudah kedaluwarsa sejak akhir {month:02}/{year}.")
                    }
                    Locale::ZhCn => format!("此卡已于 {year} 年 {month} 月底过期。"),
                };
            }
            CardError::InvalidExpiry {
                problem: ExpiryProblem::Malformed,
            } => locale.pick(
                "Enter the expiry date as MM/YY.",
                "Masukkan tanggal kedaluwarsa dengan format BB/TT.",
                "请按 MM/YY 格式输入有效期。",
            ),
            CardError::InvalidExpiry {
                problem: ExpiryProblem::InvalidMonth,
            } => locale.pick(
                "The expiry month must be between 01 and 12.",
                "Bulan kedaluwarsa harus antara 01 dan 12.",
                "有效期月份必须在 01 到 12 之间。",
            ),
            CardError::InvalidExpiry { .. } => locale.pick(
                "Please check the expiry year.",
                "Periksa kembali tahun kedaluwarsa.",
                "请检查有效期年份。",
            ),
            CardError::InvalidCvv { expected_digits } => {
                return match (locale, expected_digits) {
                    (Locale::En, Some(n)) => format!("The security code (CVV) must be {n} digits."),
                    (Locale::En, None) => "The security code (CVV) must be 3 or 4 digits.".to_owned(),
                    (Locale::Id, Some(n)) => format!("Kode keamanan (CVV) harus {n} digit."),
                    (Locale::Id, None) => "Kode keamanan (CVV) harus 3 atau 4 digit.".to_owned(),
                    (Locale::ZhCn, Some(n)) => format!("安全码（CVV）必须是 {n} 位数字。"),
                    (Locale::ZhCn, None) => "安全码（CVV）必须是 3 或 4 位数字。".to_owned(),
                };
            }
            CardError::InvalidHolderName {
                problem: HolderNameProblem::Empty,
            } => locale.pick(
                "Enter the name shown on the card.",
                "Masukkan nama yang tertera di kartu.",
                "请输入卡面上的持卡人姓名。",
            ),
            CardError::InvalidHolderName {
                problem: HolderNameProblem::TooLong { .. },
            } => locale.pick(
                "The name on the card can be at most 26 characters.",
                "Nama di kartu maksimal 26 karakter.",
                "持卡人姓名最多 26 个字符。",
            ),
            CardError::InvalidHolderName { .. } => locale.pick(
                "The name can only contain letters, spaces and . ' -",
                "Nama hanya boleh berisi huruf, spasi, dan . ' -",
                "姓名只能包含字母、空格以及 . ' -",
            ),
            CardError::AlreadyBound { .. } => locale.pick(
                "This card is already linked to your account.",
                "Kartu ini sudah terhubung ke akun Anda.",
                "这张卡已绑定到您的账户。",
            ),
            CardError::LimitReached { max } => {
                return match locale {
                    Locale::En => format!("You can link up to {max} cards. Remove one to add another."),
                    Locale::Id => format!(
                        "Anda dapat menghubungkan maksimal {max} kartu. Hapus salah satu untuk menambah yang baru."
                    ),
                    Locale::ZhCn => format!("最多可绑定 {max} 张卡，请先解绑一张再添加。"),
                };
            }
            CardError::NotFound { .. } => locale.pick(
                "This card is no longer linked to your account.",
                "Kartu ini sudah tidak terhubung ke akun Anda.",
                "这张卡已不在您的账户中。",
            ),
            CardError::InvalidArgument { .. } => locale.pick(
                "Something went wrong on our side. Please try again later.",
                "Terjadi kesalahan di sistem kami. Silakan coba lagi nanti.",
                "系统出现问题，请稍后再试。",
            ),
            CardError::Account(_) => locale.pick(
                "Your account can't change its cards right now.",
                "Akun Anda belum dapat mengubah kartu saat ini.",
                "您的账户目前无法更改银行卡。",
            ),
        };
        text.to_owned()
    }
}

crate::error::coded_from_string!(HolderName => CardError);

crate::error::coded_from_string!(CardExpiry(CardExpiryRepr) => CardError, ValidatedCard(ValidatedCardRepr) => CardError);

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap()
    }

    fn input(number: &str, name: &str, expiry: &str, cvv: &str) -> CardInput {
        CardInput {
            number: number.to_owned(),
            holder_name: name.to_owned(),
            expiry: expiry.to_owned(),
            cvv: cvv.to_owned(),
        }
    }

    #[test]
    fn number_problems_in_order() {
        let cases: &[(&str, CardError)] = &[
            (
                "",
                CardError::InvalidNumber {
                    problem: NumberProblem::Empty,
                },
            ),
            (
                "4111 1111 1111 111x",
                CardError::InvalidNumber {
                    problem: NumberProblem::InvalidCharacter { position: 19 },
                },
            ),
            (
                "41111111111",
                CardError::InvalidNumber {
                    problem: NumberProblem::WrongLength { digits: 11 },
                },
            ),
            (
                "41111111111111111111",
                CardError::InvalidNumber {
                    problem: NumberProblem::WrongLength { digits: 20 },
                },
            ),
            (
                "3000 0000 0000 04",
                CardError::UnsupportedBrand {
                    prefix: "30".to_owned(),
                },
            ),
            (
                "5555 5555 5555 44",
                CardError::InvalidNumber {
                    problem: NumberProblem::WrongLengthForBrand {
                        brand: CardBrand::Mastercard,
                        digits: 14,
                    },
                },
            ),
            ("4111-1111-1111-1112", CardError::LuhnFailed),
        ];
        for (number, want) in cases {
            assert_eq!(&parse_number(number).unwrap_err(), want, "{number}");
        }
        let huge = "4".repeat(65);
        assert_eq!(
            parse_number(&huge).unwrap_err(),
            CardError::InvalidNumber {
                problem: NumberProblem::TooLong
            }
        );
    }

    #[test]
    fn cvv_length_follows_the_brand() {
        assert!(check_cvv("123", Some(CardBrand::Visa)).is_ok());
        assert!(check_cvv(" 123 ", Some(CardBrand::Visa)).is_ok());
        assert!(check_cvv("1234", Some(CardBrand::Visa)).is_err());
        assert!(check_cvv("1234", Some(CardBrand::Amex)).is_ok());
        assert!(check_cvv("123", Some(CardBrand::Amex)).is_err());
        assert!(check_cvv("12a", Some(CardBrand::Jcb)).is_err());
        assert!(check_cvv("123", None).is_ok());
        assert!(check_cvv("1234", None).is_ok());
        assert_eq!(
            check_cvv("12", None),
            Err(CardError::InvalidCvv {
                expected_digits: None
            })
        );
        assert!(check_cvv(&format!("{}123", " ".repeat(40)), None).is_err());
    }

    #[test]
    fn expiry_edges() {
        // Valid through the last second of the month, UTC.
        let card = |e: &str, at: DateTime<Utc>| check_expiry(e, at);
        let end_nov = Utc.with_ymd_and_hms(2026, 11, 30, 23, 59, 59).unwrap();
        assert!(card("11/26", end_nov).is_ok());
        assert_eq!(
            card("11/26", end_nov + chrono::Duration::seconds(1)),
            Err(CardError::Expired {
                month: 11,
                year: 2026
            })
        );
        assert_eq!(
            card("01/00", now()),
            Err(CardError::Expired {
                month: 1,
                year: 2000
            })
        );
        assert_eq!(
            card("12/99", now()),
            Err(CardError::InvalidExpiry {
                problem: ExpiryProblem::TooFarAhead { max_years: 20 }
            })
        );
        let late = Utc.with_ymd_and_hms(2090, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(
            card("12/99", late).unwrap(),
            CardExpiry::new(12, 2099).unwrap()
        );
        assert_eq!(
            card("12/2099", late).unwrap().last_valid_day(),
            NaiveDate::from_ymd_opt(2099, 12, 31)
        );
        assert!(card("12/2046", now()).is_ok());
        assert!(card("01/2047", now()).is_err());
        assert!(card("12/2026 ", now()).is_ok());
        assert!(card(&"1".repeat(100), now()).is_err());
    }

    #[test]
    fn holder_name_rules() {
        let ok = |s: &str| HolderName::parse(s).unwrap().as_str().to_owned();
        assert_eq!(ok("dr. a. b. müller"), "DR. A. B. MÜLLER");
        assert_eq!(ok("Nguyễn Văn An"), "NGUYỄN VĂN AN");
        assert_eq!(ok("Jose\u{301} Ramos"), "JOSE\u{301} RAMOS");
        assert_eq!(
            ok("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        );
        let problem = |s: &str| match HolderName::parse(s).unwrap_err() {
            CardError::InvalidHolderName { problem } => problem,
            other => panic!("{other:?}"),
        };
        assert_eq!(problem(" \t "), HolderNameProblem::Empty);
        assert_eq!(
            problem("Budi 2nd"),
            HolderNameProblem::Digit { position: 6 }
        );
        assert_eq!(problem("Budi٣"), HolderNameProblem::Digit { position: 5 });
        assert_eq!(
            problem("Budi@S"),
            HolderNameProblem::InvalidCharacter { position: 5 }
        );
        assert_eq!(problem(". - '"), HolderNameProblem::NoLetters);
        assert_eq!(
            problem(&"a".repeat(27)),
            HolderNameProblem::TooLong { max_chars: 26 }
        );
        assert_eq!(
            problem(&"a ".repeat(200)),
            HolderNameProblem::TooLong { max_chars: 26 }
        );
    }

    #[test]
    fn problems_lists_each_field_once_and_validate_returns_the_first() {
        let bad = input("4111 1111 1111 1112", "B2", "00/30", "1");
        let problems = bad.problems(now());
        assert_eq!(
            problems,
            vec![
                CardError::LuhnFailed,
                CardError::InvalidExpiry {
                    problem: ExpiryProblem::InvalidMonth
                },
                CardError::InvalidCvv {
                    expected_digits: None
                },
                CardError::InvalidHolderName {
                    problem: HolderNameProblem::Digit { position: 2 }
                },
            ]
        );
        assert_eq!(validate(bad, now()).unwrap_err(), CardError::LuhnFailed);
        let good = input("4111 1111 1111 1111", "Budi", "12/30", "123");
        assert!(good.problems(now()).is_empty());
    }

    #[test]
    fn every_error_has_its_code_and_renders_in_every_locale() {
        let errors = vec![
            (
                CardError::InvalidNumber {
                    problem: NumberProblem::Empty,
                },
                ErrorCode::InvalidCardNumber,
            ),
            (
                CardError::InvalidNumber {
                    problem: NumberProblem::InvalidCharacter { position: 1 },
                },
                ErrorCode::InvalidCardNumber,
            ),
            (CardError::InvalidMaskedNumber, ErrorCode::InvalidCardNumber),
            (CardError::LuhnFailed, ErrorCode::CardLuhnFailed),
            (
                CardError::UnsupportedBrand {
                    prefix: "30".into(),
                },
                ErrorCode::UnsupportedCardBrand,
            ),
            (
                CardError::Expired {
                    month: 1,
                    year: 2020,
                },
                ErrorCode::CardExpired,
            ),
            (
                CardError::InvalidExpiry {
                    problem: ExpiryProblem::Malformed,
                },
                ErrorCode::InvalidExpiry,
            ),
            (
                CardError::InvalidExpiry {
                    problem: ExpiryProblem::InvalidMonth,
                },
                ErrorCode::InvalidExpiry,
            ),
            (
                CardError::InvalidExpiry {
                    problem: ExpiryProblem::YearOutOfRange,
                },
                ErrorCode::InvalidExpiry,
            ),
            (
                CardError::InvalidCvv {
                    expected_digits: Some(4),
                },
                ErrorCode::InvalidCvv,
            ),
            (
                CardError::InvalidCvv {
                    expected_digits: None,
                },
                ErrorCode::InvalidCvv,
            ),
            (
                CardError::InvalidHolderName {
                    problem: HolderNameProblem::Empty,
                },
                ErrorCode::InvalidHolderName,
            ),
            (
                CardError::InvalidHolderName {
                    problem: HolderNameProblem::TooLong { max_chars: 26 },
                },
                ErrorCode::InvalidHolderName,
            ),
            (
                CardError::InvalidHolderName {
                    problem: HolderNameProblem::NoLetters,
                },
                ErrorCode::InvalidHolderName,
            ),
            (
                CardError::AlreadyBound {
                    existing: CardId::new(1),
                },
                ErrorCode::CardAlreadyBound,
            ),
            (
                CardError::LimitReached { max: 5 },
                ErrorCode::CardLimitReached,
            ),
            (
                CardError::NotFound { id: CardId::new(9) },
                ErrorCode::CardNotFound,
            ),
            (
                CardError::InvalidArgument {
                    what: "x".into(),
                    reason: "y".into(),
                },
                ErrorCode::InvalidArgument,
            ),
            (
                CardError::Account(AccountError::AccountClosed),
                ErrorCode::AccountClosed,
            ),
        ];
        for (err, code) in errors {
            assert_eq!(err.code(), code, "{err}");
            let texts: Vec<String> = Locale::ALL.iter().map(|&l| err.render(l)).collect();
            assert!(
                texts[0] != texts[1] && texts[0] != texts[2] && texts[1] != texts[2],
                "{err:?}"
            );
            let json = serde_json::to_string(&err).unwrap();
            assert_eq!(serde_json::from_str::<CardError>(&json).unwrap(), err);
        }
    }

    #[test]
    fn card_input_json_errors_never_quote_the_number_or_cvv() {
        // Regression: serde's type errors quoted the value, so a number sent
        // as a JSON number came back whole in the error message.
        for (json, secret) in [
            (
                r#"{"number":4532017689031253,"holder_name":"A","expiry":"08/31","cvv":"947"}"#,
                "4532017689031253",
            ),
            (
                r#"{"number":["4532017689031253"],"holder_name":"A","expiry":"08/31","cvv":"947"}"#,
                "4532017689031253",
            ),
            (
                r#"{"number":"4532017689031253","holder_name":"A","expiry":"08/31","cvv":947}"#,
                "947",
            ),
            (
                r#"{"number":"4532017689031253","holder_name":"A","expiry":"08/31","cvv":9.47e2}"#,
                "947",
            ),
        ] {
            let err = serde_json::from_str::<CardInput>(json).err().unwrap();
            let message = err.to_string();
            assert!(!message.contains(secret), "{message}");
            assert!(message.contains("must be a JSON string"), "{message}");
        }
    }
}

crate::names::names!(from_str: card::CardBrand as "card brand" {
    Visa,
    Mastercard,
    Amex,
    Jcb,
    UnionPay,
    Discover,
});
