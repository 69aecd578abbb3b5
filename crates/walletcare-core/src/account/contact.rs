//! Phone numbers and email addresses: parsing, normalisation and masking.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::AccountError;
use super::numbering::{MAX_NATIONAL_DIGITS, RegionRules};

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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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
    /// No longer reported since numbers are read in a default region
    /// ([`PhoneNumber::parse_in`]): a number that is not valid there is
    /// [`ContactProblem::InvalidNumber`].
    MissingCountryCode,
    /// A country code cannot start with 0.
    InvalidCountryCode,
    /// A phone number with too few or too many digits.
    WrongLength {
        /// The number of digits, country code included.
        digits: u32,
    },
    /// A valid number of a type that cannot receive one-time codes by SMS
    /// (a fixed line, a toll-free or premium-rate number…).
    NotMobile {
        /// What kind of number it is.
        number_type: PhoneNumberType,
    },
    /// A number of a possible length that is not in any range the
    /// region's numbering plan assigns (`+65 1234 5678`).
    InvalidNumber {
        /// The region whose plan was checked.
        region: PhoneRegion,
    },
    /// A region name that is not a [`PhoneRegion`].
    UnsupportedRegion,
    /// A name that is not a [`PhoneNumberType`].
    UnknownNumberType,
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
            ContactProblem::NotMobile { number_type } => write!(
                f,
                "{} cannot receive one-time codes by SMS: give a mobile number",
                number_type.description()
            ),
            ContactProblem::InvalidNumber { region } => write!(
                f,
                "not a valid number in {} (+{}): check the digits, or start with + and the country code",
                region.name(),
                region.country_code()
            ),
            ContactProblem::UnsupportedRegion => {
                f.write_str("not a supported region (use ID, CN, SG or MY)")
            }
            ContactProblem::UnknownNumberType => f.write_str("not a phone number type"),
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

/// The length of the country code at the start of international digits.
fn country_code_len(digits: &str) -> usize {
    match digits.as_bytes() {
        [b'1' | b'7', ..] => 1,
        [a, b, ..]
            if TWO_DIGIT_COUNTRY_CODES
                .iter()
                .any(|c| c.as_bytes() == [*a, *b]) =>
        {
            2
        }
        _ => 3,
    }
}

/// A region whose numbering plan walletcare knows in full (from Google's
/// libphonenumber metadata): numbers there are checked against the ranges
/// the plan assigns, classified by [`PhoneNumberType`], and can be typed in
/// local form when the user's region is given ([`PhoneNumber::parse_in`]).
/// Numbers of other countries are accepted in international form with the
/// generic E.164 length check only.
///
/// The JSON form is the ISO 3166 code; parsing also accepts lowercase.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::PhoneRegion;
/// assert_eq!(serde_json::to_string(&PhoneRegion::Singapore)?, "\"SG\"");
/// assert_eq!("my".parse::<PhoneRegion>()?, PhoneRegion::Malaysia);
/// assert_eq!(PhoneRegion::China.country_code(), "86");
/// assert!("XX".parse::<PhoneRegion>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum PhoneRegion {
    /// Indonesia, +62 (trunk prefix 0).
    #[serde(rename = "ID")]
    Indonesia,
    /// The Chinese mainland, +86 (trunk prefix 0).
    #[serde(rename = "CN")]
    China,
    /// Singapore, +65 (no trunk prefix).
    #[serde(rename = "SG")]
    Singapore,
    /// Malaysia, +60 (trunk prefix 0).
    #[serde(rename = "MY")]
    Malaysia,
}

impl PhoneRegion {
    /// Every region, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneRegion;
    /// assert_eq!(PhoneRegion::ALL.len(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [PhoneRegion; 4] = [
        PhoneRegion::Indonesia,
        PhoneRegion::China,
        PhoneRegion::Singapore,
        PhoneRegion::Malaysia,
    ];

    /// The ISO 3166 code, as in JSON (`"ID"`).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneRegion;
    /// assert_eq!(PhoneRegion::Indonesia.as_str(), "ID");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            PhoneRegion::Indonesia => "ID",
            PhoneRegion::China => "CN",
            PhoneRegion::Singapore => "SG",
            PhoneRegion::Malaysia => "MY",
        }
    }

    /// The region's name in English, for messages.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneRegion;
    /// assert_eq!(PhoneRegion::Malaysia.name(), "Malaysia");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            PhoneRegion::Indonesia => "Indonesia",
            PhoneRegion::China => "China",
            PhoneRegion::Singapore => "Singapore",
            PhoneRegion::Malaysia => "Malaysia",
        }
    }

    /// The country calling code, without `+`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneRegion;
    /// assert_eq!(PhoneRegion::Singapore.country_code(), "65");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn country_code(self) -> &'static str {
        RegionRules::of(self).country_code
    }
}

impl fmt::Display for PhoneRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PhoneRegion {
    type Err = AccountError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PhoneRegion::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or(AccountError::InvalidContact {
                kind: ContactKind::Phone,
                problem: ContactProblem::UnsupportedRegion,
            })
    }
}

/// What kind of line a number is, in libphonenumber's terms. Only
/// [`PhoneNumberType::Mobile`] (and `FixedLineOrMobile`, where a plan cannot
/// tell them apart) can be an account's [`PhoneNumber`]. `Unknown` is the
/// type of a number from a country walletcare has no plan for.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::PhoneNumberType;
/// assert_eq!(serde_json::to_string(&PhoneNumberType::TollFree)?, "\"toll_free\"");
/// assert_eq!("premium_rate".parse::<PhoneNumberType>()?, PhoneNumberType::PremiumRate);
/// assert_eq!(PhoneNumberType::FixedLine.to_string(), "fixed_line");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PhoneNumberType {
    /// A mobile number: receives SMS.
    Mobile,
    /// A fixed (landline) number.
    FixedLine,
    /// A number the plan does not tell apart as fixed or mobile.
    FixedLineOrMobile,
    /// Free to the caller (Indonesia's `0800…`, Singapore's `1800…`).
    TollFree,
    /// Charged above the normal rate.
    PremiumRate,
    /// The cost is shared between caller and called.
    SharedCost,
    /// Voice over IP.
    Voip,
    /// A personal number routed to another line.
    PersonalNumber,
    /// A pager.
    Pager,
    /// A universal access (company) number.
    Uan,
    /// A voicemail access number.
    Voicemail,
    /// No plan is known for the number's country.
    Unknown,
}

impl PhoneNumberType {
    /// Every type, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneNumberType;
    /// assert!(PhoneNumberType::ALL.contains(&PhoneNumberType::Voip));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [PhoneNumberType; 12] = [
        PhoneNumberType::Mobile,
        PhoneNumberType::FixedLine,
        PhoneNumberType::FixedLineOrMobile,
        PhoneNumberType::TollFree,
        PhoneNumberType::PremiumRate,
        PhoneNumberType::SharedCost,
        PhoneNumberType::Voip,
        PhoneNumberType::PersonalNumber,
        PhoneNumberType::Pager,
        PhoneNumberType::Uan,
        PhoneNumberType::Voicemail,
        PhoneNumberType::Unknown,
    ];

    /// The JSON name (`"toll_free"`).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneNumberType;
    /// assert_eq!(PhoneNumberType::SharedCost.as_str(), "shared_cost");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            PhoneNumberType::Mobile => "mobile",
            PhoneNumberType::FixedLine => "fixed_line",
            PhoneNumberType::FixedLineOrMobile => "fixed_line_or_mobile",
            PhoneNumberType::TollFree => "toll_free",
            PhoneNumberType::PremiumRate => "premium_rate",
            PhoneNumberType::SharedCost => "shared_cost",
            PhoneNumberType::Voip => "voip",
            PhoneNumberType::PersonalNumber => "personal_number",
            PhoneNumberType::Pager => "pager",
            PhoneNumberType::Uan => "uan",
            PhoneNumberType::Voicemail => "voicemail",
            PhoneNumberType::Unknown => "unknown",
        }
    }

    /// The type in words, for messages ("a toll-free number").
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneNumberType;
    /// assert_eq!(PhoneNumberType::TollFree.description(), "a toll-free number");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            PhoneNumberType::Mobile => "a mobile number",
            PhoneNumberType::FixedLine => "a fixed-line (landline) number",
            PhoneNumberType::FixedLineOrMobile => "a fixed-line or mobile number",
            PhoneNumberType::TollFree => "a toll-free number",
            PhoneNumberType::PremiumRate => "a premium-rate number",
            PhoneNumberType::SharedCost => "a shared-cost number",
            PhoneNumberType::Voip => "an internet (VoIP) number",
            PhoneNumberType::PersonalNumber => "a personal forwarding number",
            PhoneNumberType::Pager => "a pager number",
            PhoneNumberType::Uan => "a company (universal access) number",
            PhoneNumberType::Voicemail => "a voicemail number",
            PhoneNumberType::Unknown => "a number of unknown type",
        }
    }

    /// Whether a number of this type can receive one-time codes by SMS.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneNumberType;
    /// assert!(PhoneNumberType::Mobile.receives_sms());
    /// assert!(!PhoneNumberType::TollFree.receives_sms());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn receives_sms(self) -> bool {
        matches!(
            self,
            PhoneNumberType::Mobile | PhoneNumberType::FixedLineOrMobile
        )
    }
}

impl fmt::Display for PhoneNumberType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PhoneNumberType {
    type Err = AccountError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PhoneNumberType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or(AccountError::InvalidContact {
                kind: ContactKind::Phone,
                problem: ContactProblem::UnknownNumberType,
            })
    }
}

/// Any valid phone number, read and classified: what
/// [`classify_phone`] returns. The JSON form is
/// `{"number":"+62800123456","region":"ID","number_type":"toll_free"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{PhoneNumberInfo, PhoneNumberType, PhoneRegion, classify_phone};
/// let info = classify_phone("0800 1234 567", PhoneRegion::Indonesia)?;
/// assert_eq!(info.number, "+628001234567");
/// assert_eq!(info.region, Some(PhoneRegion::Indonesia));
/// assert_eq!(info.number_type, PhoneNumberType::TollFree);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PhoneNumberInfo {
    /// The E.164 form.
    pub number: String,
    /// The region of the number's country code, when walletcare knows its
    /// plan; `null` for other countries.
    pub region: Option<PhoneRegion>,
    /// The number's type (`unknown` when `region` is `null`).
    pub number_type: PhoneNumberType,
}

/// Reads any phone number the way libphonenumber does (for the regions it
/// knows) and says what type it is: a toll-free, premium-rate or fixed-line
/// number is valid here, where [`PhoneNumber::parse_in`] refuses it.
///
/// A number without `+` is read in `default_region`: its trunk prefix `0`
/// (and China's carrier codes) dropped, its international prefix (`00`,
/// and Singapore's `001`-`039`, China's `17951 00`…) read as one, its
/// country code without `+` recognised when only that reading is valid
/// (`62 812…` in Indonesia). `00` followed by a country code is read as
/// international in every region unless the digits form a valid national
/// number there.
///
/// # Errors
///
/// [`AccountError::InvalidContact`] with the [`ContactProblem`]: among
/// others [`ContactProblem::WrongLength`] for a length no number of the
/// region has, and [`ContactProblem::InvalidNumber`] for a number outside
/// every assigned range.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{classify_phone, PhoneNumberType as T, PhoneRegion as R};
/// assert_eq!(classify_phone("6123 4567", R::Singapore)?.number_type, T::FixedLine);
/// assert_eq!(classify_phone("021-5551-234", R::Indonesia)?.number, "+62215551234");
/// assert_eq!(classify_phone("+1 415 555 0100", R::China)?.number_type, T::Unknown);
/// assert!(classify_phone("+65 1234 5678", R::Singapore).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn classify_phone(
    input: &str,
    default_region: PhoneRegion,
) -> Result<PhoneNumberInfo, AccountError> {
    read_phone(input, default_region).map_err(|problem| AccountError::InvalidContact {
        kind: ContactKind::Phone,
        problem,
    })
}

fn read_phone(input: &str, default_region: PhoneRegion) -> Result<PhoneNumberInfo, ContactProblem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ContactProblem::Empty);
    }
    if trimmed.chars().nth(PHONE_MAX_INPUT_CHARS).is_some() {
        return Err(ContactProblem::TooLong {
            max_chars: PHONE_MAX_INPUT_CHARS as u32,
        });
    }
    let mut digits = String::with_capacity(PHONE_MAX_INPUT_CHARS);
    let mut plus = false;
    for (index, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if index == 0 => plus = true,
            ' ' | '-' | '.' | '(' | ')' | '\u{a0}' => {}
            _ => {
                return Err(ContactProblem::InvalidCharacter {
                    position: u32::try_from(index).unwrap_or(u32::MAX).saturating_add(1),
                });
            }
        }
    }
    if digits.is_empty() {
        return Err(if plus {
            ContactProblem::WrongLength { digits: 0 }
        } else {
            ContactProblem::Empty
        });
    }
    if plus {
        return read_international(&digits);
    }
    let home = RegionRules::of(default_region);
    let after_idd = home
        .international_prefix_len(&digits)
        .and_then(|len| digits.get(len..))
        .filter(|rest| !rest.is_empty() && !rest.starts_with('0'));
    let after_00 = digits.strip_prefix("00");
    if after_idd.is_none() && after_00.is_none() {
        return read_national(home, &digits);
    }
    // Digits that may be international: the first reading valid in a known
    // plan wins (the region's own prefix, then the national number, then
    // `00`), else the first valid one; `0086 138…` in Indonesia, whose
    // prefixes include 008, is China's number, not an Australian one. When
    // none is valid, the international reading says why.
    let idd = after_idd.map(read_international);
    let national = read_national(home, &digits);
    let double_zero = after_00.map(read_international);
    let chosen = {
        let valid = [idd.as_ref(), Some(&national), double_zero.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(|reading| reading.as_ref().ok());
        let known = valid.clone().find(|info| info.region.is_some());
        known.or_else(|| valid.clone().next()).cloned()
    };
    match chosen {
        Some(info) => Ok(info),
        None => idd.or(double_zero).unwrap_or(national),
    }
}

/// Digits after `+` or an international prefix: the country code, then the
/// national number.
fn read_international(digits: &str) -> Result<PhoneNumberInfo, ContactProblem> {
    if digits.is_empty() {
        return Err(ContactProblem::WrongLength { digits: 0 });
    }
    if digits.starts_with('0') {
        return Err(ContactProblem::InvalidCountryCode);
    }
    let count = u32::try_from(digits.len()).unwrap_or(u32::MAX);
    let (code, national) = digits
        .split_at_checked(country_code_len(digits))
        .unwrap_or((digits, ""));
    match RegionRules::by_country_code(code) {
        Some(rules) => check_national(rules, national),
        None if (8..=15).contains(&count) => Ok(PhoneNumberInfo {
            number: format!("+{digits}"),
            region: None,
            number_type: PhoneNumberType::Unknown,
        }),
        None => Err(ContactProblem::WrongLength { digits: count }),
    }
}

/// Digits typed without `+` or an international prefix, in `home`.
fn read_national(home: &RegionRules, digits: &str) -> Result<PhoneNumberInfo, ContactProblem> {
    // libphonenumber's rule for a country code typed without `+`: drop it
    // when the rest is a number of the region and the whole is not, or the
    // whole is too long to be one.
    if let Some(rest) = digits.strip_prefix(home.country_code) {
        let longest = home
            .types
            .iter()
            .flat_map(|t| t.lengths.iter().copied())
            .max()
            .map_or(0, usize::from);
        let potential = home.strip_national_prefix(rest);
        if (!home.general_match(digits) && home.general_match(potential)) || digits.len() > longest
        {
            return check_national(home, rest);
        }
    }
    check_national(home, digits)
}

/// A national number (trunk prefix still on, if typed) of a region with a
/// known plan: the prefix dropped, the length and the ranges checked.
fn check_national(rules: &RegionRules, national: &str) -> Result<PhoneNumberInfo, ContactProblem> {
    let significant = rules.strip_national_prefix(national);
    let count = rules.country_code.len().saturating_add(significant.len());
    if significant.len() > MAX_NATIONAL_DIGITS || !rules.possible_length(significant) {
        return Err(ContactProblem::WrongLength {
            digits: u32::try_from(count).unwrap_or(u32::MAX),
        });
    }
    match rules.number_type(significant) {
        PhoneNumberType::Unknown => Err(ContactProblem::InvalidNumber {
            region: rules.region,
        }),
        number_type => Ok(PhoneNumberInfo {
            number: format!("+{}{significant}", rules.country_code),
            region: Some(rules.region),
            number_type,
        }),
    }
}

/// A mobile phone number in E.164 form (`+6281234567890`): a number that
/// can receive one-time codes by SMS.
///
/// [`PhoneNumber::parse_in`] reads what users type in their region
/// (Indonesia, China, Singapore or Malaysia, [`PhoneRegion`]) and
/// normalises it; [`PhoneNumber::parse`] reads it in Indonesia:
///
/// - separators `space - . ( )` are ignored;
/// - `+62…` is international; so is `00` and a country code (and the
///   region's own international prefixes, such as Singapore's `001`);
/// - a national number may keep its trunk prefix: `0812…` and `812…` in
///   Indonesia, `012-345 6789` in Malaysia; Singapore has none;
/// - the country code without `+` is recognised when only that reading
///   is valid (`62 812…`, `65 8123 4567`);
/// - `+62 08…` (trunk zero kept after the country code) drops the zero.
///
/// In those four regions the number must be valid in the region's
/// numbering plan (Google's libphonenumber metadata, checked against the
/// `phonenumber` crate in the tests) and a mobile number: a fixed-line,
/// toll-free (`0800…`), premium-rate or other number is refused with
/// [`ContactProblem::NotMobile`] and its type. Other countries get the
/// generic E.164 check only (8 to 15 digits in all), in international form.
///
/// The JSON form is the E.164 string; deserialising validates it (read in
/// Indonesia, though an E.164 string does not depend on the region). Since
/// the plans are checked, an account stored with a number that earlier
/// versions accepted but that is not a valid mobile number (a Singapore
/// landline, an Indonesian `0800` number) no longer loads.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{PhoneNumber, PhoneRegion};
///
/// for typed in ["0812-3456-7890", "+62 812 3456 7890", "62 812 3456 7890", "(0812) 3456.7890", "+62 0812 3456 7890"] {
///     assert_eq!(PhoneNumber::parse(typed)?.as_str(), "+6281234567890");
/// }
/// assert_eq!(PhoneNumber::parse("+86 138 0013 8000")?.as_str(), "+8613800138000");
/// assert_eq!(PhoneNumber::parse_in("9123 4567", PhoneRegion::Singapore)?.as_str(), "+6591234567");
/// assert!(PhoneNumber::parse("021-555-1234").is_err()); // a Jakarta landline
/// assert!(PhoneNumber::parse("0800 1234 567").is_err()); // toll-free
/// assert!(PhoneNumber::parse("+65 1234 5678").is_err()); // no such number
/// assert!(PhoneNumber::parse("12345").is_err());
/// assert_eq!(PhoneNumber::parse("0812-3456-7890")?.masked(), "+62 812-****-7890");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
#[serde(try_from = "crate::error::Unchecked<String>", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Parses and normalises a phone number typed in Indonesia:
    /// [`PhoneNumber::parse_in`] with [`PhoneRegion::Indonesia`].
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
        PhoneNumber::parse_in(input, PhoneRegion::Indonesia)
    }

    /// Parses and normalises a mobile number typed by a user in
    /// `default_region`: a local number is read in that region's plan, a
    /// number with `+` (or an international prefix) in its own country's
    /// (see the type documentation).
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidContact`] with the [`ContactProblem`]:
    /// [`ContactProblem::NotMobile`] for a valid number that cannot receive
    /// SMS, [`ContactProblem::InvalidNumber`] for a number outside the
    /// plan's ranges, [`ContactProblem::WrongLength`] and others for
    /// malformed input.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{AccountError, ContactProblem, PhoneNumber, PhoneNumberType, PhoneRegion};
    /// assert_eq!(PhoneNumber::parse_in("138 0013 8000", PhoneRegion::China)?.as_str(), "+8613800138000");
    /// assert_eq!(PhoneNumber::parse_in("012-345 6789", PhoneRegion::Malaysia)?.as_str(), "+60123456789");
    /// assert_eq!(PhoneNumber::parse_in("+62 812 3456 7890", PhoneRegion::Singapore)?.as_str(), "+6281234567890");
    /// let err = PhoneNumber::parse_in("1800 123 4567", PhoneRegion::Singapore).unwrap_err();
    /// assert!(matches!(err, AccountError::InvalidContact {
    ///     problem: ContactProblem::NotMobile { number_type: PhoneNumberType::TollFree }, ..
    /// }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_in(input: &str, default_region: PhoneRegion) -> Result<PhoneNumber, AccountError> {
        let info = classify_phone(input, default_region)?;
        match info.number_type {
            t if t.receives_sms() || info.region.is_none() => Ok(PhoneNumber(info.number)),
            number_type => Err(AccountError::InvalidContact {
                kind: ContactKind::Phone,
                problem: ContactProblem::NotMobile { number_type },
            }),
        }
    }

    /// The E.164 form, `+` and digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PhoneNumber;
    /// assert_eq!(PhoneNumber::parse("+65 9123 4567")?.as_str(), "+6591234567");
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
        digits
            .split_at_checked(country_code_len(digits))
            .unwrap_or((digits, ""))
    }

    /// The region of the number's country code, when walletcare knows its
    /// numbering plan.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{PhoneNumber, PhoneRegion};
    /// assert_eq!(PhoneNumber::parse("+60 12-345 6789")?.region(), Some(PhoneRegion::Malaysia));
    /// assert_eq!(PhoneNumber::parse("+1 415 555 0100")?.region(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> Option<PhoneRegion> {
        RegionRules::by_country_code(self.split().0).map(|rules| rules.region)
    }

    /// The number's type: [`PhoneNumberType::Mobile`] (or
    /// `FixedLineOrMobile`) in a known region, `Unknown` elsewhere.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{PhoneNumber, PhoneNumberType};
    /// assert_eq!(PhoneNumber::parse("0812-3456-7890")?.number_type(), PhoneNumberType::Mobile);
    /// assert_eq!(PhoneNumber::parse("+44 7700 900123")?.number_type(), PhoneNumberType::Unknown);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn number_type(&self) -> PhoneNumberType {
        let (code, national) = self.split();
        RegionRules::by_country_code(code).map_or(PhoneNumberType::Unknown, |rules| {
            rules.number_type(national)
        })
    }

    /// The number as dialled inside its own region, digits only: the trunk
    /// prefix `0` and the national significant number (`081234567890`,
    /// `0123456789` in Malaysia, `91234567` in Singapore); Chinese mobile
    /// numbers are dialled without the prefix (`13800138000`). `None` for
    /// a country walletcare has no plan for. [`PhoneNumber::parse_in`] reads
    /// it back in that region.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{PhoneNumber, PhoneRegion};
    /// let phone = PhoneNumber::parse("+60 12-345 6789")?;
    /// assert_eq!(phone.national().as_deref(), Some("0123456789"));
    /// assert_eq!(PhoneNumber::parse_in("0123456789", PhoneRegion::Malaysia)?, phone);
    /// assert_eq!(PhoneNumber::parse("+8613800138000")?.national().as_deref(), Some("13800138000"));
    /// assert_eq!(PhoneNumber::parse("+1 415 555 0100")?.national(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn national(&self) -> Option<String> {
        let (code, national) = self.split();
        let rules = RegionRules::by_country_code(code)?;
        let prefix = match rules.region {
            PhoneRegion::China if rules.number_type(national) == PhoneNumberType::Mobile => "",
            _ => rules.national_prefix.unwrap_or_default(),
        };
        Some(format!("{prefix}{national}"))
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
    /// assert_eq!(PhoneNumber::parse("+65 9123 4567")?.masked(), "+65 ****-4567");
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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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
        // Read in Indonesia, a US number without `+` is no Indonesian one.
        assert_eq!(
            phone_problem("4155550100"),
            ContactProblem::InvalidNumber {
                region: PhoneRegion::Indonesia
            }
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
        assert_eq!(
            phone_problem("021 5551234"),
            ContactProblem::NotMobile {
                number_type: PhoneNumberType::FixedLine
            }
        );
        assert_eq!(
            phone_problem("0812345"),
            ContactProblem::WrongLength { digits: 8 }
        );
        // 13 national digits: a length only toll-free numbers have.
        assert_eq!(
            phone_problem("0812 3456 7890 12"),
            ContactProblem::InvalidNumber {
                region: PhoneRegion::Indonesia
            }
        );
        assert_eq!(
            phone_problem("0812 3456 7890 1234 567"),
            ContactProblem::WrongLength { digits: 20 }
        );
    }

    #[test]
    fn problems_read_as_advice() {
        let text = |problem: ContactProblem| problem.to_string();
        assert_eq!(
            text(ContactProblem::NotMobile {
                number_type: PhoneNumberType::TollFree
            }),
            "a toll-free number cannot receive one-time codes by SMS: give a mobile number"
        );
        assert_eq!(
            text(ContactProblem::InvalidNumber {
                region: PhoneRegion::Singapore
            }),
            "not a valid number in Singapore (+65): check the digits, or start with + and the country code"
        );
        assert_eq!(
            serde_json::to_string(&ContactProblem::NotMobile {
                number_type: PhoneNumberType::TollFree
            })
            .unwrap(),
            r#"{"problem":"not_mobile","number_type":"toll_free"}"#
        );
        assert_eq!(
            serde_json::to_string(&ContactProblem::InvalidNumber {
                region: PhoneRegion::China
            })
            .unwrap(),
            r#"{"problem":"invalid_number","region":"CN"}"#
        );
        for region in PhoneRegion::ALL {
            assert_eq!(region.as_str().parse::<PhoneRegion>().unwrap(), region);
            assert_eq!(
                serde_json::to_string(&region).unwrap(),
                format!("\"{region}\"")
            );
        }
        for t in PhoneNumberType::ALL {
            assert_eq!(t.as_str().parse::<PhoneNumberType>().unwrap(), t);
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{t}\""));
        }
        assert!("XX".parse::<PhoneRegion>().is_err());
        assert!("cell".parse::<PhoneNumberType>().is_err());
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
