//! Ticket numbers: `WC-20261121-000123-7`.
//!
//! See [`TicketNumber`] for the format and the check digit.
//!
//! # Examples
//!
//! ```
//! use chrono::NaiveDate;
//! use walletcare_core::ticket::TicketNumber;
//!
//! let date = NaiveDate::from_ymd_opt(2026, 11, 21).ok_or("date")?;
//! let number = TicketNumber::new(date, 123)?;
//! assert_eq!(number.to_string(), "WC-20261121-000123-7");
//! assert_eq!("wc-20261121-000123-7".parse::<TicketNumber>()?, number);
//! assert!("WC-20261121-000132-7".parse::<TicketNumber>().is_err()); // transposed
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::TicketError;

/// The Damm quasigroup of order 10 (the table from Damm's 2004 thesis, as
/// given in the literature): row = interim value, column = next digit.
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The largest sequence number a ticket number can carry.
pub const MAX_SEQUENCE: u64 = 999_999_999;

/// The longest input [`TicketNumber::parse`] looks at (longer input is
/// rejected before any other check).
pub const MAX_INPUT_LEN: usize = 64;

/// Runs the Damm algorithm over ASCII digits (non-digits are skipped, so
/// callers pass digits only) and returns the final interim value: the check
/// digit for data digits, or 0 for a valid number with its check digit.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::damm_check_digit;
///
/// assert_eq!(damm_check_digit("572"), 4); // the textbook example
/// assert_eq!(damm_check_digit("5724"), 0); // valid with its check digit
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn damm_check_digit(digits: &str) -> u8 {
    digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0u8, |interim, b| {
            DAMM.get(usize::from(interim))
                .and_then(|row| row.get(usize::from(b - b'0')))
                .copied()
                .unwrap_or(0)
        })
}

/// Which part of a ticket number an error is about.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::NumberPart;
/// assert_eq!(serde_json::to_string(&NumberPart::CheckDigit)?, "\"check_digit\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum NumberPart {
    /// The letters before the first hyphen.
    Prefix,
    /// The `YYYYMMDD` date.
    Date,
    /// The sequence number.
    Sequence,
    /// The final check digit.
    CheckDigit,
    /// A hyphen between two parts.
    Separator,
}

crate::names::names!(as_str from_str: ticket::NumberPart as "number part" {
    Prefix => "prefix",
    Date => "date",
    Sequence => "sequence",
    CheckDigit => "check_digit",
    Separator => "separator",
});

impl std::fmt::Display for NumberPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NumberPart::Prefix => "prefix",
            NumberPart::Date => "date",
            NumberPart::Sequence => "sequence",
            NumberPart::CheckDigit => "check digit",
            NumberPart::Separator => "separator",
        })
    }
}

/// A ticket prefix: 2 to 4 upper-case ASCII letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Prefix {
    bytes: [u8; 4],
    len: u8,
}

impl Prefix {
    const WC: Prefix = Prefix {
        bytes: *b"WC\0\0",
        len: 2,
    };

    fn new(text: &str) -> Result<Prefix, TicketError> {
        let invalid = || TicketError::InvalidPrefix {
            prefix: text.chars().take(16).collect(),
        };
        if !(2..=4).contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(invalid());
        }
        let mut bytes = [0u8; 4];
        for (slot, b) in bytes.iter_mut().zip(text.bytes()) {
            *slot = b.to_ascii_uppercase();
        }
        let len = u8::try_from(text.len()).map_err(|_| invalid())?;
        Ok(Prefix { bytes, len })
    }

    fn as_str(&self) -> &str {
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or(&[]);
        std::str::from_utf8(bytes).unwrap_or("WC")
    }
}

/// A validated ticket number, such as `WC-20261121-000123-7`.
///
/// `Copy`, ordered by prefix, date and sequence. The JSON form is the string.
///
/// A ticket number has four parts separated by hyphens:
///
/// 1. a **prefix** of 2 to 4 ASCII letters (`WC` unless the caller picks
///    another one, for example for a white-label desk); it is printed in upper
///    case and parsed case-insensitively;
/// 2. the **date** the ticket was created, `YYYYMMDD`, in the wallet's time
///    zone (the caller decides the zone; [`TicketNumber::for_instant`] converts
///    an instant for it);
/// 3. the caller's **sequence** number for that day, zero-padded to 6 digits;
///    larger sequences (a busy incident day can pass a million tickets) widen
///    the field to 7, 8 or 9 digits without padding, so every number has
///    exactly one spelling; the largest sequence is 999 999 999;
/// 4. a **check digit** computed with the Damm algorithm over the digits of the
///    date and the sequence.
///
/// # Check digit
///
/// Damm's algorithm folds the digits through a fixed 10 × 10 table (a weakly
/// totally anti-symmetric quasigroup of order 10, H. M. Damm, 2004): starting
/// from 0, each digit `d` moves the interim value `i` to `TABLE[i][d]`; the
/// final interim value is the check digit. Because the table has zeros on its
/// diagonal, running the algorithm over the digits *followed by* the check
/// digit gives 0, which is how a number is verified. The algorithm detects
/// **every single-digit error** and **every transposition of two adjacent
/// digits**, including those involving the check digit itself, which the Luhn
/// algorithm does not (it misses `09` ↔ `90`). The integration tests prove
/// both properties exhaustively over a sample of numbers.
///
/// The prefix is not covered by the check digit: it is letters, and a wrong
/// prefix is caught by the caller comparing it with its own.
///
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use walletcare_core::ticket::TicketNumber;
///
/// let date = NaiveDate::from_ymd_opt(2026, 12, 24).ok_or("date")?;
/// let number = TicketNumber::new(date, 1)?;
/// assert_eq!(number.to_string(), "WC-20261224-000001-8");
/// assert_eq!(number.date(), date);
/// assert_eq!(number.sequence(), 1);
/// assert_eq!(serde_json::to_string(&number)?, "\"WC-20261224-000001-8\"");
/// let big = TicketNumber::new(date, 1_234_567)?;
/// assert_eq!(big.to_string().len(), "WC-20261224-1234567-0".len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(type = "string"))]
pub struct TicketNumber {
    prefix: Prefix,
    date: NaiveDate,
    sequence: u32,
    check: u8,
}

impl TicketNumber {
    /// The number of the `sequence`-th ticket of `date` (the wallet's local
    /// date), with the `WC` prefix.
    ///
    /// # Errors
    ///
    /// [`TicketError::SequenceOutOfRange`] above [`MAX_SEQUENCE`];
    /// [`TicketError::NumberDateOutOfRange`] for a year outside 1-9999.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::ticket::TicketNumber;
    ///
    /// let date = NaiveDate::from_ymd_opt(2026, 11, 21).ok_or("date")?;
    /// assert_eq!(TicketNumber::new(date, 123)?.to_string(), "WC-20261121-000123-7");
    /// assert!(TicketNumber::new(date, 1_000_000_000).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(date: NaiveDate, sequence: u64) -> Result<TicketNumber, TicketError> {
        TicketNumber::build(Prefix::WC, date, sequence)
    }

    /// Like [`TicketNumber::new`] with another prefix (2 to 4 ASCII letters,
    /// stored in upper case).
    ///
    /// # Errors
    ///
    /// As [`TicketNumber::new`], and [`TicketError::InvalidPrefix`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::ticket::TicketNumber;
    ///
    /// let date = NaiveDate::from_ymd_opt(2026, 11, 21).ok_or("date")?;
    /// let number = TicketNumber::with_prefix("gpx", date, 123)?;
    /// assert_eq!(number.to_string(), "GPX-20261121-000123-7");
    /// assert!(TicketNumber::with_prefix("W1", date, 1).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_prefix(
        prefix: &str,
        date: NaiveDate,
        sequence: u64,
    ) -> Result<TicketNumber, TicketError> {
        TicketNumber::build(Prefix::new(prefix)?, date, sequence)
    }

    /// The number for a ticket created at `at`, dated in the wallet's zone
    /// `tz` (`Asia/Jakarta` for an Indonesian wallet), with the `WC` prefix.
    ///
    /// # Errors
    ///
    /// As [`TicketNumber::new`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::TicketNumber;
    ///
    /// // 20:00 UTC is already the next day in Jakarta (UTC+7).
    /// let at = Utc.with_ymd_and_hms(2026, 11, 20, 20, 0, 0).single().ok_or("time")?;
    /// let number = TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 123)?;
    /// assert_eq!(number.to_string(), "WC-20261121-000123-7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_instant(
        at: DateTime<Utc>,
        tz: Tz,
        sequence: u64,
    ) -> Result<TicketNumber, TicketError> {
        TicketNumber::new(crate::locale::local_date(at, tz), sequence)
    }

    fn build(prefix: Prefix, date: NaiveDate, sequence: u64) -> Result<TicketNumber, TicketError> {
        if !(1..=9999).contains(&date.year()) {
            return Err(TicketError::NumberDateOutOfRange { date });
        }
        let sequence_u32 = u32::try_from(sequence)
            .ok()
            .filter(|s| u64::from(*s) <= MAX_SEQUENCE)
            .ok_or(TicketError::SequenceOutOfRange { sequence })?;
        let check = damm_check_digit(&data_digits(date, sequence_u32));
        Ok(TicketNumber {
            prefix,
            date,
            sequence: sequence_u32,
            check,
        })
    }

    /// Parses a ticket number. Surrounding whitespace is ignored and the
    /// prefix may be in any case; everything else must be exact. The same as
    /// `str::parse`.
    ///
    /// # Errors
    ///
    /// A [`TicketError`] naming the wrong part and its position (0-based
    /// character offset in `text`): [`TicketError::NumberEmpty`],
    /// [`TicketError::NumberTooLong`], [`TicketError::NumberUnexpectedChar`],
    /// [`TicketError::NumberMissingPart`], [`TicketError::NumberPartLength`],
    /// [`TicketError::NumberNonCanonical`], [`TicketError::NumberInvalidDate`],
    /// [`TicketError::NumberCheckDigit`], [`TicketError::InvalidPrefix`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{NumberPart, TicketError, TicketNumber};
    ///
    /// let number = TicketNumber::parse(" WC-20261121-000123-7 ")?;
    /// assert_eq!(number.sequence(), 123);
    ///
    /// let err = TicketNumber::parse("WC-20261121-000123-1").unwrap_err();
    /// assert_eq!(err, TicketError::NumberCheckDigit { expected: 7, found: 1, position: 19 });
    ///
    /// let err = TicketNumber::parse("WC-2026112x-000123-7").unwrap_err();
    /// assert_eq!(
    ///     err,
    ///     TicketError::NumberUnexpectedChar { part: NumberPart::Date, position: 10, found: 'x' }
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str) -> Result<TicketNumber, TicketError> {
        if text.len() > MAX_INPUT_LEN {
            return Err(TicketError::NumberTooLong {
                len: text.chars().count(),
                max: MAX_INPUT_LEN,
            });
        }
        let leading = text.chars().take_while(|c| c.is_whitespace()).count();
        let body = text.trim();
        if body.is_empty() {
            return Err(TicketError::NumberEmpty);
        }
        let chars: Vec<char> = body.chars().collect();
        let mut cursor = Cursor {
            chars: &chars,
            index: 0,
            offset: leading,
        };

        // Prefix: letters up to the first hyphen.
        let prefix_start = cursor.position();
        let prefix_text = cursor.take_while(|c| c.is_ascii_alphabetic());
        if prefix_text.is_empty() {
            return Err(cursor.unexpected_or_missing(NumberPart::Prefix));
        }
        cursor.expect_hyphen(NumberPart::Prefix)?;
        let prefix = Prefix::new(&prefix_text).map_err(|_| TicketError::NumberPartLength {
            part: NumberPart::Prefix,
            position: prefix_start,
            len: prefix_text.chars().count(),
        })?;

        // Date: exactly eight digits.
        let date_start = cursor.position();
        let date_text = cursor.take_while(|c| c.is_ascii_digit());
        if date_text.len() != 8 {
            if date_text.len() < 8 {
                return Err(cursor.unexpected_or_missing(NumberPart::Date));
            }
            return Err(TicketError::NumberPartLength {
                part: NumberPart::Date,
                position: date_start,
                len: date_text.len(),
            });
        }
        cursor.expect_hyphen(NumberPart::Date)?;

        // Sequence: 6 to 9 digits, no leading zero beyond 6 digits.
        let sequence_start = cursor.position();
        let sequence_text = cursor.take_while(|c| c.is_ascii_digit());
        if sequence_text.is_empty() {
            return Err(cursor.unexpected_or_missing(NumberPart::Sequence));
        }
        if !(6..=9).contains(&sequence_text.len()) {
            if sequence_text.len() < 6 && cursor.peek().is_some_and(|c| c != '-') {
                return Err(cursor.unexpected_or_missing(NumberPart::Sequence));
            }
            return Err(TicketError::NumberPartLength {
                part: NumberPart::Sequence,
                position: sequence_start,
                len: sequence_text.len(),
            });
        }
        if sequence_text.len() > 6 && sequence_text.starts_with('0') {
            return Err(TicketError::NumberNonCanonical {
                position: sequence_start,
            });
        }
        cursor.expect_hyphen(NumberPart::Sequence)?;

        // Check digit: one digit, then the end.
        let check_position = cursor.position();
        let found = match cursor.next() {
            Some(c) => c.to_digit(10).and_then(|d| u8::try_from(d).ok()).ok_or(
                TicketError::NumberUnexpectedChar {
                    part: NumberPart::CheckDigit,
                    position: check_position,
                    found: c,
                },
            )?,
            None => {
                return Err(TicketError::NumberMissingPart {
                    part: NumberPart::CheckDigit,
                    position: check_position,
                });
            }
        };
        if let Some(extra) = cursor.peek() {
            return Err(TicketError::NumberUnexpectedChar {
                part: NumberPart::CheckDigit,
                position: cursor.position(),
                found: extra,
            });
        }

        let date = parse_date(&date_text).ok_or_else(|| TicketError::NumberInvalidDate {
            text: date_text.clone(),
            position: date_start,
        })?;
        let sequence: u32 = sequence_text
            .parse()
            .map_err(|_| TicketError::NumberPartLength {
                part: NumberPart::Sequence,
                position: sequence_start,
                len: sequence_text.len(),
            })?;
        let expected = damm_check_digit(&data_digits(date, sequence));
        if expected != found {
            return Err(TicketError::NumberCheckDigit {
                expected,
                found,
                position: check_position,
            });
        }
        Ok(TicketNumber {
            prefix,
            date,
            sequence,
            check: found,
        })
    }

    /// The prefix, in upper case (`WC` by default).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::TicketNumber;
    /// assert_eq!(TicketNumber::parse("wc-20261121-000123-7")?.prefix(), "WC");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prefix(&self) -> &str {
        self.prefix.as_str()
    }

    /// The local date the ticket was created.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::ticket::TicketNumber;
    /// let number = TicketNumber::parse("WC-20261121-000123-7")?;
    /// assert_eq!(number.date(), NaiveDate::from_ymd_opt(2026, 11, 21).ok_or("date")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn date(&self) -> NaiveDate {
        self.date
    }

    /// The sequence number within the day.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::TicketNumber;
    /// assert_eq!(TicketNumber::parse("WC-20261121-000123-7")?.sequence(), 123);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn sequence(&self) -> u32 {
        self.sequence
    }

    /// The Damm check digit.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::TicketNumber;
    /// assert_eq!(TicketNumber::parse("WC-20261121-000123-7")?.check_digit(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn check_digit(&self) -> u8 {
        self.check
    }
}

/// The digits the check digit covers: `YYYYMMDD` then the sequence as printed.
fn data_digits(date: NaiveDate, sequence: u32) -> String {
    format!(
        "{:04}{:02}{:02}{:06}",
        date.year(),
        date.month(),
        date.day(),
        sequence
    )
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    let year: i32 = text.get(0..4)?.parse().ok()?;
    let month: u32 = text.get(4..6)?.parse().ok()?;
    let day: u32 = text.get(6..8)?.parse().ok()?;
    if year < 1 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A character cursor that reports positions in the caller's input.
struct Cursor<'a> {
    chars: &'a [char],
    index: usize,
    offset: usize,
}

impl Cursor<'_> {
    fn position(&self) -> usize {
        self.offset.saturating_add(self.index)
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.index).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.index = self.index.saturating_add(1);
        Some(c)
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if !keep(c) {
                break;
            }
            out.push(c);
            self.index = self.index.saturating_add(1);
        }
        out
    }

    /// The error for the character under the cursor when `part` wanted
    /// something else, or for the input ending there.
    fn unexpected_or_missing(&self, part: NumberPart) -> TicketError {
        match self.peek() {
            Some(found) => TicketError::NumberUnexpectedChar {
                part,
                position: self.position(),
                found,
            },
            None => TicketError::NumberMissingPart {
                part,
                position: self.position(),
            },
        }
    }

    /// Consumes the hyphen that must follow `part`.
    fn expect_hyphen(&mut self, part: NumberPart) -> Result<(), TicketError> {
        match self.peek() {
            Some('-') => {
                self.index = self.index.saturating_add(1);
                Ok(())
            }
            Some(found) => Err(TicketError::NumberUnexpectedChar {
                part,
                position: self.position(),
                found,
            }),
            None => Err(TicketError::NumberMissingPart {
                part: NumberPart::Separator,
                position: self.position(),
            }),
        }
    }
}

impl std::fmt::Display for TicketNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}-{:04}{:02}{:02}-{:06}-{}",
            self.prefix.as_str(),
            self.date.year(),
            self.date.month(),
            self.date.day(),
            self.sequence,
            self.check
        )
    }
}

impl std::str::FromStr for TicketNumber {
    type Err = TicketError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TicketNumber::parse(s)
    }
}

impl Serialize for TicketNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TicketNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        TicketNumber::parse(&s).map_err(crate::error::Coded::de)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_issue_example_is_valid() {
        let n = TicketNumber::new(date(2026, 11, 21), 123).unwrap();
        assert_eq!(n.to_string(), "WC-20261121-000123-7");
        assert_eq!(damm_check_digit("20261121000123"), 7);
        assert_eq!(damm_check_digit("202611210001237"), 0);
    }

    #[test]
    fn errors_name_the_part_and_position() {
        use NumberPart::*;
        let cases: &[(&str, TicketError)] = &[
            ("", TicketError::NumberEmpty),
            ("   ", TicketError::NumberEmpty),
            (
                "WC",
                TicketError::NumberMissingPart {
                    part: Separator,
                    position: 2,
                },
            ),
            (
                "WC-",
                TicketError::NumberMissingPart {
                    part: Date,
                    position: 3,
                },
            ),
            (
                "W-20261121-000123-7",
                TicketError::NumberPartLength {
                    part: Prefix,
                    position: 0,
                    len: 1,
                },
            ),
            (
                "1C-20261121-000123-7",
                TicketError::NumberUnexpectedChar {
                    part: Prefix,
                    position: 0,
                    found: '1',
                },
            ),
            (
                "WC_20261121-000123-7",
                TicketError::NumberUnexpectedChar {
                    part: Prefix,
                    position: 2,
                    found: '_',
                },
            ),
            (
                "WC-2026112-000123-7",
                TicketError::NumberUnexpectedChar {
                    part: Date,
                    position: 10,
                    found: '-',
                },
            ),
            (
                "WC-202611211-000123-7",
                TicketError::NumberPartLength {
                    part: Date,
                    position: 3,
                    len: 9,
                },
            ),
            (
                "WC-20261321-000123-7",
                TicketError::NumberInvalidDate {
                    text: "20261321".into(),
                    position: 3,
                },
            ),
            (
                "WC-20261121-00123-7",
                TicketError::NumberPartLength {
                    part: Sequence,
                    position: 12,
                    len: 5,
                },
            ),
            (
                "WC-20261121-0000123-7",
                TicketError::NumberNonCanonical { position: 12 },
            ),
            (
                "WC-20261121-000123",
                TicketError::NumberMissingPart {
                    part: Separator,
                    position: 18,
                },
            ),
            (
                "WC-20261121-000123-",
                TicketError::NumberMissingPart {
                    part: CheckDigit,
                    position: 19,
                },
            ),
            (
                "WC-20261121-000123-x",
                TicketError::NumberUnexpectedChar {
                    part: CheckDigit,
                    position: 19,
                    found: 'x',
                },
            ),
            (
                "WC-20261121-000123-77",
                TicketError::NumberUnexpectedChar {
                    part: CheckDigit,
                    position: 20,
                    found: '7',
                },
            ),
            (
                "  WC-20261121-000123-1",
                TicketError::NumberCheckDigit {
                    expected: 7,
                    found: 1,
                    position: 21,
                },
            ),
            (
                "WC-20261121-00012a-7",
                TicketError::NumberUnexpectedChar {
                    part: Sequence,
                    position: 17,
                    found: 'a',
                },
            ),
        ];
        for (text, want) in cases {
            assert_eq!(TicketNumber::parse(text).as_ref(), Err(want), "{text:?}");
        }
        let long = "W".repeat(65);
        assert!(matches!(
            TicketNumber::parse(&long),
            Err(TicketError::NumberTooLong { len: 65, max: 64 })
        ));
    }

    #[test]
    fn wide_sequences_round_trip_and_are_canonical() {
        for seq in [0, 1, 999_999, 1_000_000, 123_456_789, MAX_SEQUENCE] {
            let n = TicketNumber::new(date(2030, 1, 2), seq).unwrap();
            let text = n.to_string();
            assert_eq!(TicketNumber::parse(&text).unwrap(), n, "{text}");
        }
        assert_eq!(
            TicketNumber::new(date(2030, 1, 2), MAX_SEQUENCE + 1),
            Err(TicketError::SequenceOutOfRange {
                sequence: MAX_SEQUENCE + 1
            })
        );
        assert!(TicketNumber::parse("WC-20300102-1234567890-0").is_err());
    }

    #[test]
    fn dates_outside_four_digit_years_are_rejected() {
        let d = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        assert!(matches!(
            TicketNumber::new(d, 1),
            Err(TicketError::NumberDateOutOfRange { .. })
        ));
        assert!(TicketNumber::parse("WC-00000101-000001-0").is_err());
    }
}
