//! Card numbers: brands by IIN, the Luhn check, masking.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::CardError;

/// A card brand walletcare accepts, recognised by its IIN (the leading
/// digits) as published by the networks:
///
/// | brand | IIN ranges | lengths | CVV |
/// |---|---|---|---|
/// | Visa | 4 | 13, 16, 19 | 3 |
/// | Mastercard | 51-55, 2221-2720 | 16 | 3 |
/// | American Express | 34, 37 | 15 | 4 |
/// | JCB | 3528-3589 | 16-19 | 3 |
/// | UnionPay | 62, 8100-8171 | 16-19 | 3 |
/// | Discover | 6011, 644-649, 65 | 16-19 | 3 |
///
/// UnionPay's 622126-622925 range is also accepted by Discover's network; it
/// is reported as UnionPay, the issuer's brand, which is what Chinese users
/// see on the card. Of the 81 series only 8100-8171 is assigned to
/// UnionPay; other 81 numbers, like other networks (Diners 36/300-305,
/// Maestro, RuPay, Mir…), are refused as unsupported.
///
/// # Examples
///
/// ```
/// use walletcare_core::card::CardBrand;
/// assert_eq!(CardBrand::detect("4111111111111111"), Some(CardBrand::Visa));
/// assert_eq!(CardBrand::detect("2221000000000009"), Some(CardBrand::Mastercard));
/// assert_eq!(CardBrand::detect("3000000000000004"), None);
/// assert_eq!(serde_json::to_string(&CardBrand::UnionPay)?, "\"unionpay\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum CardBrand {
    /// Visa.
    Visa,
    /// Mastercard.
    Mastercard,
    /// American Express.
    Amex,
    /// JCB.
    Jcb,
    /// UnionPay (银联).
    #[serde(rename = "unionpay")]
    UnionPay,
    /// Discover.
    Discover,
}

impl CardBrand {
    /// The brand of a card number (digits only), from its leading digits; the
    /// length and the Luhn check are not looked at.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardBrand;
    /// assert_eq!(CardBrand::detect("378282246310005"), Some(CardBrand::Amex));
    /// assert_eq!(CardBrand::detect("3530111333300000"), Some(CardBrand::Jcb));
    /// assert_eq!(CardBrand::detect("6212345678901232"), Some(CardBrand::UnionPay));
    /// assert_eq!(CardBrand::detect("8171999927660000"), Some(CardBrand::UnionPay));
    /// assert_eq!(CardBrand::detect("8172000000000001"), None);
    /// assert_eq!(CardBrand::detect("6011111111111117"), Some(CardBrand::Discover));
    /// assert_eq!(CardBrand::detect(""), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn detect(digits: &str) -> Option<CardBrand> {
        let prefix = |n: usize| -> Option<u32> {
            let head = digits.get(..n)?;
            if head.bytes().all(|b| b.is_ascii_digit()) {
                head.parse().ok()
            } else {
                None
            }
        };
        let p1 = prefix(1);
        let p2 = prefix(2);
        let p3 = prefix(3);
        let p4 = prefix(4);
        if matches!(p2, Some(34 | 37)) {
            Some(CardBrand::Amex)
        } else if p4.is_some_and(|p| (3528..=3589).contains(&p)) {
            Some(CardBrand::Jcb)
        } else if p1 == Some(4) {
            Some(CardBrand::Visa)
        } else if p2.is_some_and(|p| (51..=55).contains(&p))
            || p4.is_some_and(|p| (2221..=2720).contains(&p))
        {
            Some(CardBrand::Mastercard)
        } else if p2 == Some(62) || p4.is_some_and(|p| (8100..=8171).contains(&p)) {
            Some(CardBrand::UnionPay)
        } else if p4 == Some(6011) || p3.is_some_and(|p| (644..=649).contains(&p)) || p2 == Some(65)
        {
            Some(CardBrand::Discover)
        } else {
            None
        }
    }

    /// The valid lengths of this brand's numbers.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardBrand;
    /// assert_eq!(CardBrand::Amex.lengths(), &[15]);
    /// assert_eq!(CardBrand::Visa.lengths(), &[13, 16, 19]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn lengths(self) -> &'static [u32] {
        match self {
            CardBrand::Visa => &[13, 16, 19],
            CardBrand::Mastercard => &[16],
            CardBrand::Amex => &[15],
            CardBrand::Jcb | CardBrand::UnionPay | CardBrand::Discover => &[16, 17, 18, 19],
        }
    }

    /// Digits in the security code: 4 for American Express (on the front), 3
    /// for the others.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardBrand;
    /// assert_eq!(CardBrand::Amex.cvv_length(), 4);
    /// assert_eq!(CardBrand::Jcb.cvv_length(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn cvv_length(self) -> u8 {
        match self {
            CardBrand::Amex => 4,
            _ => 3,
        }
    }

    /// The JSON (lowercase) name.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardBrand;
    /// assert_eq!(CardBrand::Mastercard.as_str(), "mastercard");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            CardBrand::Visa => "visa",
            CardBrand::Mastercard => "mastercard",
            CardBrand::Amex => "amex",
            CardBrand::Jcb => "jcb",
            CardBrand::UnionPay => "unionpay",
            CardBrand::Discover => "discover",
        }
    }

    /// The brand's name as printed ("American Express", "UnionPay").
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardBrand;
    /// assert_eq!(CardBrand::Amex.display_name(), "American Express");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn display_name(self) -> &'static str {
        match self {
            CardBrand::Visa => "Visa",
            CardBrand::Mastercard => "Mastercard",
            CardBrand::Amex => "American Express",
            CardBrand::Jcb => "JCB",
            CardBrand::UnionPay => "UnionPay",
            CardBrand::Discover => "Discover",
        }
    }
}

impl fmt::Display for CardBrand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}

/// The Luhn (mod 10) check over a string of ASCII digits; `false` for an
/// empty string or any non-digit.
///
/// Every accepted brand uses it. (Some old UnionPay debit cards do not pass
/// it; they are refused, which the host can revisit with its acquirer.)
///
/// # Examples
///
/// ```
/// use walletcare_core::card::luhn_valid;
/// assert!(luhn_valid("4111111111111111"));
/// assert!(!luhn_valid("4111111111111112"));
/// assert!(!luhn_valid("4111 1111 1111 1111"));
/// assert!(!luhn_valid(""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum = digits
        .bytes()
        .rev()
        .enumerate()
        .fold(0_u32, |acc, (index, byte)| {
            let digit = u32::from(byte.saturating_sub(b'0'));
            let value = if index % 2 == 1 {
                let doubled = digit.saturating_mul(2);
                if doubled > 9 {
                    doubled.saturating_sub(9)
                } else {
                    doubled
                }
            } else {
                digit
            };
            acc.wrapping_add(value) % 10
        });
    sum == 0
}

/// A card number with all but the first six and last four digits hidden, in
/// the PCI DSS display form: `411111******1111`. The only form of the number
/// walletcare keeps. The JSON form is that string; deserialising checks its
/// shape (12-19 characters: six digits, one or more `*`, four digits).
///
/// # Examples
///
/// ```
/// use walletcare_core::card::MaskedCardNumber;
/// let masked: MaskedCardNumber = serde_json::from_str("\"378282*****0005\"")?;
/// assert_eq!(masked.first_six(), "378282");
/// assert_eq!(masked.last_four(), "0005");
/// assert_eq!(masked.len(), 15);
/// assert!(serde_json::from_str::<MaskedCardNumber>("\"4111111111111111\"").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
#[serde(try_from = "crate::error::Unchecked<String>", into = "String")]
pub struct MaskedCardNumber(String);

impl MaskedCardNumber {
    /// Masks a number of 12 to 19 ASCII digits.
    pub(crate) fn from_digits(digits: &str) -> Option<MaskedCardNumber> {
        let len = digits.len();
        if !(12..=19).contains(&len) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let head = digits.get(..6)?;
        let tail = digits.get(len.checked_sub(4)?..)?;
        let stars = "*".repeat(len.checked_sub(10)?);
        Some(MaskedCardNumber(format!("{head}{stars}{tail}")))
    }

    /// The masked form.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::MaskedCardNumber;
    /// let m: MaskedCardNumber = "555555******4444".parse()?;
    /// assert_eq!(m.as_str(), "555555******4444");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first six digits (the IIN/BIN: issuer, not secret).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::MaskedCardNumber;
    /// let m: MaskedCardNumber = "555555******4444".parse()?;
    /// assert_eq!(m.first_six(), "555555");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn first_six(&self) -> &str {
        self.0.get(..6).unwrap_or_default()
    }

    /// The last four digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::MaskedCardNumber;
    /// let m: MaskedCardNumber = "555555******4444".parse()?;
    /// assert_eq!(m.last_four(), "4444");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn last_four(&self) -> &str {
        self.0
            .get(self.0.len().saturating_sub(4)..)
            .unwrap_or_default()
    }

    /// The length of the full number.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::MaskedCardNumber;
    /// let m: MaskedCardNumber = "555555******4444".parse()?;
    /// assert_eq!(m.len(), 16);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty)] // never empty by construction
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl fmt::Display for MaskedCardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for MaskedCardNumber {
    type Error = CardError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        let len = value.len();
        let bytes = value.as_bytes();
        let shape_ok = (12..=19).contains(&len)
            && bytes.iter().take(6).all(u8::is_ascii_digit)
            && bytes
                .iter()
                .skip(len.saturating_sub(4))
                .all(u8::is_ascii_digit)
            && bytes
                .iter()
                .skip(6)
                .take(len.saturating_sub(10))
                .all(|&b| b == b'*');
        if shape_ok {
            Ok(MaskedCardNumber(value))
        } else {
            Err(CardError::InvalidMaskedNumber)
        }
    }
}

impl std::str::FromStr for MaskedCardNumber {
    type Err = CardError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MaskedCardNumber::try_from(s.to_owned())
    }
}

impl From<MaskedCardNumber> for String {
    fn from(value: MaskedCardNumber) -> Self {
        value.0
    }
}

crate::error::coded_from_string!(MaskedCardNumber => CardError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brand_detection_table() {
        use CardBrand as B;
        let table: &[(&str, Option<CardBrand>)] = &[
            ("4111111111111111", Some(B::Visa)),
            ("4000000000000", Some(B::Visa)),
            ("5100000000000000", Some(B::Mastercard)),
            ("5555555555554444", Some(B::Mastercard)),
            ("5600000000000000", None),
            ("2221000000000000", Some(B::Mastercard)),
            ("2720990000000000", Some(B::Mastercard)),
            ("2220990000000000", None),
            ("2721000000000000", None),
            ("340000000000000", Some(B::Amex)),
            ("378282246310005", Some(B::Amex)),
            ("3528000000000000", Some(B::Jcb)),
            ("3589000000000000", Some(B::Jcb)),
            ("3527000000000000", None),
            ("3590000000000000", None),
            ("6200000000000000", Some(B::UnionPay)),
            ("6221260000000000", Some(B::UnionPay)),
            ("8100000000000000", Some(B::UnionPay)),
            ("8171999927660000", Some(B::UnionPay)),
            ("8099000000000000", None),
            ("8172000000000000", None),
            ("8199000000000000", None),
            ("81", None),
            ("6011000000000000", Some(B::Discover)),
            ("6440000000000000", Some(B::Discover)),
            ("6490000000000000", Some(B::Discover)),
            ("6500000000000000", Some(B::Discover)),
            ("6430000000000000", None),
            ("3600000000000000", None),
            ("3000000000000000", None),
            ("5018000000000000", None),
            ("9", None),
            ("", None),
        ];
        for (digits, want) in table {
            assert_eq!(CardBrand::detect(digits), *want, "{digits}");
        }
    }

    /// The networks' and acquirers' published test numbers (Visa's
    /// `4222222222222`, Stripe's and Adyen's lists), each of the brand, its
    /// length accepted and its Luhn digit valid, through the whole number
    /// check; the 19-digit Visa, JCB and Discover numbers are built here on
    /// published prefixes with their Luhn digit.
    #[test]
    fn published_test_numbers_validate_as_their_brand() {
        use CardBrand as B;
        let published: &[(&str, CardBrand)] = &[
            ("4111111111111111", B::Visa),
            ("4012888888881881", B::Visa),
            ("4222222222222", B::Visa),
            ("4000056655665556", B::Visa),
            ("5555555555554444", B::Mastercard),
            ("5105105105105100", B::Mastercard),
            ("2223003122003222", B::Mastercard),
            ("2221000000000009", B::Mastercard),
            ("378282246310005", B::Amex),
            ("371449635398431", B::Amex),
            ("3530111333300000", B::Jcb),
            ("3566002020360505", B::Jcb),
            ("6200000000000005", B::UnionPay),
            ("6205500000000000004", B::UnionPay),
            ("8171999927660000", B::UnionPay),
            ("8171999900000000021", B::UnionPay),
            ("6011111111111117", B::Discover),
            ("6011000990139424", B::Discover),
            ("6011981111111113", B::Discover),
        ];
        let with_luhn_digit = |body: &str| {
            (0..10)
                .map(|d| format!("{body}{d}"))
                .find(|n| luhn_valid(n))
                .unwrap()
        };
        let built = [
            (with_luhn_digit("411111111111111111"), B::Visa),
            (with_luhn_digit("356600202036050"), B::Jcb),
            (with_luhn_digit("601100099013942"), B::Discover),
            (with_luhn_digit("644564456445644"), B::Discover),
            (with_luhn_digit("810000000000000"), B::UnionPay),
        ];
        let all = published
            .iter()
            .map(|(n, b)| ((*n).to_owned(), *b))
            .chain(built);
        for (number, brand) in all {
            assert_eq!(CardBrand::detect(&number), Some(brand), "{number}");
            let len = u32::try_from(number.len()).unwrap();
            assert!(brand.lengths().contains(&len), "{number}");
            let (got, masked) = super::super::parse_number(&number).unwrap();
            assert_eq!(got, brand, "{number}");
            assert_eq!(masked.len(), number.len());
        }
        // Visa at each of its lengths, and at no other.
        for len in 12..=19 {
            let number = with_luhn_digit(&format!("4{}", "1".repeat(len - 2)));
            let ok = super::super::parse_number(&number).is_ok();
            assert_eq!(ok, [13, 16, 19].contains(&len), "Visa of {len} digits");
        }
        // Diners, Maestro, RuPay and unassigned 81 numbers stay unsupported.
        for number in [
            "36227206271667",
            "3056930009020004",
            "6759649826438453",
            &with_luhn_digit("817200000000000"),
        ] {
            assert!(
                matches!(
                    super::super::parse_number(number),
                    Err(CardError::UnsupportedBrand { .. })
                ),
                "{number}"
            );
        }
    }

    #[test]
    fn luhn_known_values() {
        for ok in [
            "4111111111111111",
            "5555555555554444",
            "3530111333300000",
            "378282246310005",
            "6212345678901232",
            "6011111111111117",
            "0",
            "18",
        ] {
            assert!(luhn_valid(ok), "{ok}");
        }
        for bad in [
            "4111111111111112",
            "5555555555554440",
            "1",
            "12",
            "41111111111111a1",
        ] {
            assert!(!luhn_valid(bad), "{bad}");
        }
    }

    #[test]
    fn masking_keeps_six_and_four() {
        assert_eq!(
            MaskedCardNumber::from_digits("4111111111111111")
                .unwrap()
                .as_str(),
            "411111******1111"
        );
        assert_eq!(
            MaskedCardNumber::from_digits("4000000000006")
                .unwrap()
                .as_str(),
            "400000***0006"
        );
        assert_eq!(
            MaskedCardNumber::from_digits("6212345678901234567")
                .unwrap()
                .as_str(),
            "621234*********4567"
        );
        assert!(MaskedCardNumber::from_digits("12345678901").is_none());
        assert!(MaskedCardNumber::from_digits("12345678901234567890").is_none());
        for bad in [
            "",
            "41111*******1111",
            "411111******111x",
            "411111*****11111",
        ] {
            assert!(bad.parse::<MaskedCardNumber>().is_err(), "{bad}");
        }
    }
}
