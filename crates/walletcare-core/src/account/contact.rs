//! Phone numbers and email addresses: parsing, normalisation and masking.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::AccountError;

/// Phone or email.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::ContactKind;
/// assert_eq!(serde_json::to_string(&ContactKind::Email)?, "\"email\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    /// A phone number.
    Phone,
    /// An email address.
    Email,
}

impl fmt::Display for ContactKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ContactKind::Phone => "phone number",
            ContactKind::Email => "email address",
        })
    }
}

/// Why a phone number or email address was rejected. Positions are 1-based
/// character positions in the input (after trimming surrounding whitespace).
///
/// # Examples
///
/// ```
/// use walletcare_core::account::ContactProblem;
/// let p = ContactProblem::InvalidCharacter { position: 4 };
/// assert_eq!(serde_json::to_string(&p)?, r#"{"problem":"invalid_character","position":4}"#);
/// assert_eq!(p.to_string(), "unexpected character at position 4");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ContactProblem {
    /// Nothing was given.
    Empty,
    /// The input is longer than any valid value.
    TooLong {
        /// The maximum number of characters.
        max_chars: u32,
    },
    /// A character that cannot appear there.
    InvalidCharacter {
        /// 1-based position.
        position: u32,
    },
    /// A phone number without `+`, `00` or an Indonesian `0`/`8` prefix.
    MissingCountryCode,
    /// A country code cannot start with 0.
    InvalidCountryCode,
    /// A phone number with too few or too many digits.
    WrongLength {
        /// The number of digits, country code included.
        digits: u32,
    },
    /// An Indonesian number that is not a mobile number (`+62 8…`).
    NotMobile,
    /// An email address without `@`.
    MissingAt,
    /// The part before `@` is empty, too long or malformed.
    InvalidLocalPart,
    /// The part after `@` is not a valid domain name.
    InvalidDomain,
    /// The account has no contact of this kind on file.
    NotOnFile,
}

impl fmt::Display for ContactProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContactProblem::Empty => f.write_str("empty"),
            ContactProblem::TooLong { max_chars } => {
                write!(f, "longer than {max_chars} characters")
            }
            ContactProblem::InvalidCharacter { position } => {
                write!(f, "unexpected character at position {position}")
            }
            ContactProblem::MissingCountryCode => {
                f.write_str("no country code (start with + and the country code)")
            }
            ContactProblem::InvalidCountryCode => f.write_str("a country code cannot start with 0"),
            ContactProblem::WrongLength { digits } => {
                write!(f, "{digits} digits is not a valid length for this number")
            }
            ContactProblem::NotMobile => {
                f.write_str("Indonesian numbers must be mobile numbers (+62 8…)")
            }
            ContactProblem::MissingAt => f.write_str("no '@'"),
            ContactProblem::InvalidLocalPart => f.write_str("the part before '@' is malformed"),
            ContactProblem::InvalidDomain => f.write_str("the domain after '@' is malformed"),
            ContactProblem::NotOnFile => f.write_str("none on file for this account"),
        }
    }
}

const PHONE_MAX_INPUT_CHARS: usize = 32;

/// ITU-T E.164 country codes of two digits. Zone 1 (NANP) and zone 7 have
/// one digit; every other code has three. E.164 codes are prefix-free, so this
/// list is enough to split a number into country code and national number.
const TWO_DIGIT_COUNTRY_CODES: [&str; 44] = [
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
    "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
    "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
];

/// A mobile phone number in E.164 form (`+6281234567890`).
///
/// Parsing accepts what Indonesian users type and normalises it:
///
/// - separators `space - . ( )` are ignored;
/// - `+62…` and `0062…` are international; `62…` (digits only) is read as
///   Indonesian `+62`;
/// - `08…` (the national trunk prefix) and `8…` become `+628…`;
/// - `+62 08…` (trunk zero kept after the country code) drops the zero;
/// - any other number must start with `+` or `00` and the country code.
///
/// E.164 allows 8 to 15 digits in all. Indonesian numbers must be mobile
/// numbers (`+62 8…`, 9 to 12 national digits), because the account's phone
/// receives one-time codes by SMS. Other countries get the generic E.164
/// check only.
///
/// The JSON form is the E.164 string; deserialising validates it.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::PhoneNumber;
///
/// for typed in ["0812-3456-7890", "+62 812 3456 7890", "62 812 3456 7890", "(0812) 3456.7890", "+62 0812 3456 7890"] {
///     assert_eq!(PhoneNumber::parse(typed)?.as_str(), "+6281234567890");
/// }
/// assert_eq!(PhoneNumber::parse("+86 138 0013 8000")?.as_str(), "+8613800138000");
/// assert!(PhoneNumber::parse("021-555-1234").is_err()); // a Jakarta landline
/// assert!(PhoneNumber::parse("12345").is_err());
/// assert_eq!(PhoneNumber::parse("0812-3456-7890")?.masked(), "+62 812-****-7890");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "crate::error::Unchecked<String>", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Parses and normalises a phone number (see the type documentation).
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidContact`] with the [`ContactProblem`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{AccountError, ContactProblem, PhoneNumber};
    /// let err = PhoneNumber::parse("0812 34x").unwrap_err();
    /// assert!(matches!(err, AccountError::InvalidContact { problem: ContactProblem::InvalidCharacter { position: 8 }, .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(input: &str) -> Result<PhoneNumber, AccountError> {
        let invalid = |problem| AccountError::InvalidContact {
            kind: ContactKind::Phone,
            problem,
        };
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(invalid(ContactProblem::Empty));
        }
        if trimmed.chars().nth(PHONE_MAX_INPUT_CHARS).is_some() {
            return Err(invalid(ContactProblem::TooLong {
                max_chars: PHONE_MAX_INPUT_CHARS as u32,
            }));
        }
        let mut digits = String::with_capacity(PHONE_MAX_INPUT_CHARS);
        let mut plus = false;
        for (index, c) in trimmed.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if index == 0 => plus = true,
                ' ' | '-' | '.' | '(' | ')' | '\u{a0}' => {}
                _ => {
                    return Err(invalid(ContactProblem::InvalidCharacter {
                        position: u32::try_from(index).unwrap_or(u32::MAX).saturating_add(1),
                    }));
                }
            }
        }
        let international = if plus {
            digits
        } else if let Some(rest) = digits.strip_prefix("00") {
            rest.to_owned()
        } else if let Some(rest) = digits.strip_prefix('0') {
            format!("62{rest}")
        } else if digits.starts_with("62") {
            digits
        } else if digits.starts_with('8') {
            format!("62{digits}")
        } else if digits.is_empty() {
            return Err(invalid(ContactProblem::Empty));
        } else {
            return Err(invalid(ContactProblem::MissingCountryCode));
        };
        // "+62 0812…": the trunk zero does not belong after the country code.
        let international = match international.strip_prefix("620") {
            Some(rest) => format!("62{rest}"),
            None => international,
        };
        if international.is_empty() {
            return Err(invalid(ContactProblem::WrongLength { digits: 0 }));
        }
        if international.starts_with('0') {
            return Err(invalid(ContactProblem::InvalidCountryCode));
        }
        let count = u32::try_from(international.len()).unwrap_or(u32::MAX);
        if !(8..=15).contains(&count) {
            return Err(invalid(ContactProblem::WrongLength { digits: count }));
        }
        if let Some(national) = international.strip_prefix("62") {
            if !national.starts_with('8') {
                return Err(invalid(ContactProblem::NotMobile));
            }
            if !(9..=12).contains(&national.len()) {
                return Err(invalid(ContactProblem::WrongLength { digits: count }));
            }
        }
        Ok(PhoneNumber(format!("+{international}")))
    }

    /// The E.164 form, `+` and digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneNumber;
    /// assert_eq!(PhoneNumber::parse("+65 6123 4567")?.as_str(), "+6561234567");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits, country code included, without `+`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneNumber;
    /// assert_eq!(PhoneNumber::parse("0812-3456-7890")?.digits(), "6281234567890");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn digits(&self) -> &str {
        self.0.strip_prefix('+').unwrap_or(&self.0)
    }

    /// The country code and the national significant number.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneNumber;
    /// assert_eq!(PhoneNumber::parse("+1 415 555 0100")?.split(), ("1", "4155550100"));
    /// assert_eq!(PhoneNumber::parse("0812-3456-7890")?.split(), ("62", "81234567890"));
    /// assert_eq!(PhoneNumber::parse("+852 9123 4567")?.split(), ("852", "91234567"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn split(&self) -> (&str, &str) {
        let digits = self.digits();
        let code_len = match digits.as_bytes() {
            [b'1' | b'7', ..] => 1,
            [a, b, ..]
                if TWO_DIGIT_COUNTRY_CODES
                    .iter()
                    .any(|c| c.as_bytes() == [*a, *b]) =>
            {
                2
            }
            _ => 3,
        };
        digits.split_at_checked(code_len).unwrap_or((digits, ""))
    }

    /// The number with most digits hidden, for display: at least four digits
    /// are always hidden, and the mask is always four stars whatever the
    /// length. National numbers of 11 digits or more show their first three
    /// and last four digits (`+62 812-****-7890`); of 8 to 10 digits the last
    /// four (`+65 ****-4567`); shorter ones the last two.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneNumber;
    /// assert_eq!(PhoneNumber::parse("+86 138 0013 8000")?.masked(), "+86 138-****-8000");
    /// assert_eq!(PhoneNumber::parse("+65 6123 4567")?.masked(), "+65 ****-4567");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn masked(&self) -> String {
        let (code, national) = self.split();
        let len = national.len();
        let tail = |n: usize| national.get(len.saturating_sub(n)..).unwrap_or_default();
        if len >= 11 {
            let head = national.get(..3).unwrap_or_default();
            format!("+{code} {head}-****-{}", tail(4))
        } else if len >= 8 {
            format!("+{code} ****-{}", tail(4))
        } else {
            format!("+{code} ****-{}", tail(2))
        }
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = AccountError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        PhoneNumber::parse(&value)
    }
}

impl From<PhoneNumber> for String {
    fn from(value: PhoneNumber) -> Self {
        value.0
    }
}

impl std::str::FromStr for PhoneNumber {
    type Err = AccountError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PhoneNumber::parse(s)
    }
}

const EMAIL_MAX_CHARS: usize = 254;
const LOCAL_PART_MAX: usize = 64;
const LABEL_MAX: usize = 63;

/// An email address, syntax-checked and lowercased.
///
/// The accepted syntax is the common subset of RFC 5321/5322 that mail
/// providers actually issue: an unquoted local part of at most 64 characters
/// (ASCII letters, digits, ``!#$%&'*+/=?^_`{|}~-`` and dots, no leading,
/// trailing or doubled dot), `@`, and a domain of at least two labels (letters,
/// digits, hyphens, at most 63 characters each, no leading or trailing hyphen)
/// whose top-level label is alphabetic or an IDNA `xn--` label. Quoted local
/// parts, IP-literal domains and non-ASCII (EAI) addresses are refused. The
/// whole address is lowercased: every large provider treats the local part
/// case-insensitively, and one account must not be registered twice under
/// different cases. At most 254 characters.
///
/// The JSON form is the address; deserialising validates it.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::EmailAddress;
///
/// let email = EmailAddress::parse("  Budi.Santoso@Gmail.com ")?;
/// assert_eq!(email.as_str(), "budi.santoso@gmail.com");
/// assert_eq!(email.masked(), "b***@gmail.com");
/// for bad in ["budi", "budi@", "@gmail.com", "budi..s@gmail.com", "budi@gmail", "budi@-x.com", "bü@x.com"] {
///     assert!(EmailAddress::parse(bad).is_err(), "{bad}");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "crate::error::Unchecked<String>", into = "String")]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Parses, checks and lowercases an address (see the type documentation).
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidContact`] with the [`ContactProblem`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{AccountError, ContactProblem, EmailAddress};
    /// let err = EmailAddress::parse("siti.gmail.com").unwrap_err();
    /// assert!(matches!(err, AccountError::InvalidContact { problem: ContactProblem::MissingAt, .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(input: &str) -> Result<EmailAddress, AccountError> {
        let invalid = |problem| AccountError::InvalidContact {
            kind: ContactKind::Email,
            problem,
        };
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(invalid(ContactProblem::Empty));
        }
        if trimmed.chars().nth(EMAIL_MAX_CHARS).is_some() {
            return Err(invalid(ContactProblem::TooLong {
                max_chars: EMAIL_MAX_CHARS as u32,
            }));
        }
        if let Some((index, _)) = trimmed
            .chars()
            .enumerate()
            .find(|(_, c)| !c.is_ascii_graphic())
        {
            return Err(invalid(ContactProblem::InvalidCharacter {
                position: u32::try_from(index).unwrap_or(u32::MAX).saturating_add(1),
            }));
        }
        let Some((local, domain)) = trimmed.split_once('@') else {
            return Err(invalid(ContactProblem::MissingAt));
        };
        if !is_valid_local_part(local) {
            return Err(invalid(ContactProblem::InvalidLocalPart));
        }
        if !is_valid_domain(domain) {
            return Err(invalid(ContactProblem::InvalidDomain));
        }
        Ok(EmailAddress(trimmed.to_ascii_lowercase()))
    }

    /// The address, lowercased.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::EmailAddress;
    /// assert_eq!(EmailAddress::parse("A@B.CO")?.as_str(), "a@b.co");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before `@`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::EmailAddress;
    /// assert_eq!(EmailAddress::parse("budi+wallet@gmail.com")?.local_part(), "budi+wallet");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn local_part(&self) -> &str {
        self.0.split_once('@').map_or(self.0.as_str(), |(l, _)| l)
    }

    /// The domain after `@`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::EmailAddress;
    /// assert_eq!(EmailAddress::parse("budi@gmail.com")?.domain(), "gmail.com");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &str {
        self.0.split_once('@').map_or("", |(_, d)| d)
    }

    /// The address for display: the first character of the local part, three
    /// stars whatever its length, and the domain (`b***@gmail.com`).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::EmailAddress;
    /// assert_eq!(EmailAddress::parse("x@qq.com")?.masked(), "x***@qq.com");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn masked(&self) -> String {
        let first: String = self.local_part().chars().take(1).collect();
        format!("{first}***@{}", self.domain())
    }
}

fn is_valid_local_part(local: &str) -> bool {
    const SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-";
    !local.is_empty()
        && local.len() <= LOCAL_PART_MAX
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || SPECIALS.contains(c))
}

fn is_valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.len() <= LABEL_MAX
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let tld_ok = labels.last().is_some_and(|tld| {
        (tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
            || tld.to_ascii_lowercase().starts_with("xn--")
    });
    labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = AccountError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        EmailAddress::parse(&value)
    }
}

impl From<EmailAddress> for String {
    fn from(value: EmailAddress) -> Self {
        value.0
    }
}

impl std::str::FromStr for EmailAddress {
    type Err = AccountError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EmailAddress::parse(s)
    }
}

/// Where a one-time code goes: a phone number (SMS) or an email address.
///
/// The JSON form is `{"channel":"phone","address":"+6281234567890"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{Contact, PhoneNumber};
///
/// let contact = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
/// assert_eq!(serde_json::to_string(&contact)?, r#"{"channel":"phone","address":"+6281234567890"}"#);
/// assert_eq!(contact.masked(), "+62 812-****-7890");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "channel", content = "address", rename_all = "snake_case")]
pub enum Contact {
    /// By SMS to this number.
    Phone(PhoneNumber),
    /// By email to this address.
    Email(EmailAddress),
}

impl Contact {
    /// Phone or email.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Contact, ContactKind, EmailAddress};
    /// assert_eq!(Contact::Email(EmailAddress::parse("a@b.co")?).kind(), ContactKind::Email);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn kind(&self) -> ContactKind {
        match self {
            Contact::Phone(_) => ContactKind::Phone,
            Contact::Email(_) => ContactKind::Email,
        }
    }

    /// The destination for display, with most of it hidden.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Contact, EmailAddress};
    /// assert_eq!(Contact::Email(EmailAddress::parse("budi@gmail.com")?).masked(), "b***@gmail.com");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn masked(&self) -> String {
        match self {
            Contact::Phone(phone) => phone.masked(),
            Contact::Email(email) => email.masked(),
        }
    }
}

crate::error::coded_from_string!(PhoneNumber => AccountError, EmailAddress => AccountError);

#[cfg(test)]
mod tests {
    use super::*;

    fn phone_problem(input: &str) -> ContactProblem {
        match PhoneNumber::parse(input).unwrap_err() {
            AccountError::InvalidContact { kind, problem } => {
                assert_eq!(kind, ContactKind::Phone);
                problem
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn indonesian_forms_normalise() {
        for typed in [
            "081234567890",
            "0812 3456 7890",
            "+6281234567890",
            "006281234567890",
            "6281234567890",
            "81234567890",
            "+62 (0)812-3456-7890",
            "\u{a0}0812.3456.7890 ",
        ] {
            assert_eq!(
                PhoneNumber::parse(typed).unwrap().as_str(),
                "+6281234567890",
                "{typed}"
            );
        }
    }

    #[test]
    fn phone_rejections_say_why() {
        assert_eq!(phone_problem("   "), ContactProblem::Empty);
        assert_eq!(
            phone_problem("+"),
            ContactProblem::WrongLength { digits: 0 }
        );
        assert_eq!(phone_problem("--"), ContactProblem::Empty);
        assert_eq!(
            phone_problem("0812 3456 7890 1234 5678 9012 3456 789"),
            ContactProblem::TooLong { max_chars: 32 }
        );
        assert_eq!(
            phone_problem("0812+3456"),
            ContactProblem::InvalidCharacter { position: 5 }
        );
        assert_eq!(
            phone_problem("4155550100"),
            ContactProblem::MissingCountryCode
        );
        assert_eq!(
            phone_problem("+0123456789"),
            ContactProblem::InvalidCountryCode
        );
        assert_eq!(
            phone_problem("+1234567"),
            ContactProblem::WrongLength { digits: 7 }
        );
        assert_eq!(
            phone_problem("+1234567890123456"),
            ContactProblem::WrongLength { digits: 16 }
        );
        assert_eq!(phone_problem("021 5551234"), ContactProblem::NotMobile);
        assert_eq!(
            phone_problem("0812345"),
            ContactProblem::WrongLength { digits: 8 }
        );
        assert_eq!(
            phone_problem("0812 3456 7890 12"),
            ContactProblem::WrongLength { digits: 15 }
        );
    }

    #[test]
    fn masks_hide_at_least_four_digits() {
        let cases = [
            ("0812-3456-7890", "+62 812-****-7890"),
            ("0812-345-678", "+62 ****-5678"),
            ("+1 415 555 0100", "+1 ****-0100"),
            ("+86 138 0013 8000", "+86 138-****-8000"),
            ("+673 712 3456", "+673 ****-56"),
            ("+682 12345", "+682 ****-45"),
        ];
        for (typed, masked) in cases {
            assert_eq!(
                PhoneNumber::parse(typed).unwrap().masked(),
                masked,
                "{typed}"
            );
        }
    }

    #[test]
    fn emails_round_trip_through_json_with_validation() {
        let email = EmailAddress::parse("Siti_R+promo@Mail.Example.co.id").unwrap();
        let json = serde_json::to_string(&email).unwrap();
        assert_eq!(json, "\"siti_r+promo@mail.example.co.id\"");
        assert_eq!(serde_json::from_str::<EmailAddress>(&json).unwrap(), email);
        assert!(serde_json::from_str::<EmailAddress>("\"not an email\"").is_err());
        assert!(serde_json::from_str::<PhoneNumber>("\"12\"").is_err());
        assert!(EmailAddress::parse("a@xn--p1ai.xn--p1ai").is_ok());
        assert!(EmailAddress::parse("a@b.c").is_err());
        assert!(EmailAddress::parse("a@b@c.com").is_err());
        assert!(EmailAddress::parse(&format!("{}@x.com", "a".repeat(65))).is_err());
        assert!(EmailAddress::parse(&format!("a@{}.com", "b".repeat(64))).is_err());
        assert!(EmailAddress::parse(&format!("a@{}.com", "b".repeat(300))).is_err());
    }
}
