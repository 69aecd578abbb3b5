//! The credential policy: PIN and password rules, strength estimate, lockout
//! and one-time-code settings.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::AccountError;
use super::contact::{EmailAddress, PhoneNumber};
use crate::error::{ErrorCode, HasErrorCode};
use crate::locale::{Locale, Render};

/// Password inputs longer than this many bytes are refused without being
/// analysed further, so a huge input costs nothing.
const PASSWORD_HARD_MAX_BYTES: usize = 4096;

/// The strength estimate looks at this many characters at most.
const STRENGTH_MAX_CHARS: usize = 256;

/// Which character classes a password must contain.
///
/// Classes: lowercase and uppercase are Unicode lower/upper-case letters;
/// digit is `0`-`9`; symbol is any other visible character (punctuation,
/// spaces inside the password, and letters without case such as Chinese
/// characters).
///
/// # Examples
///
/// ```
/// use walletcare_core::account::CharacterClasses;
/// let classes: CharacterClasses = serde_json::from_str(r#"{"symbol":true}"#)?;
/// assert!(classes.symbol && classes.digit); // unnamed fields keep their defaults
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct CharacterClasses {
    /// A lowercase letter is required.
    pub lowercase: bool,
    /// An uppercase letter is required.
    pub uppercase: bool,
    /// A digit is required.
    pub digit: bool,
    /// A symbol is required.
    pub symbol: bool,
}

impl Default for CharacterClasses {
    /// Lowercase, uppercase and digit; no symbol.
    fn default() -> Self {
        CharacterClasses {
            lowercase: true,
            uppercase: true,
            digit: true,
            symbol: false,
        }
    }
}

/// The credential and lockout policy. Every field has a default (the JSON
/// form may name only the fields it changes); unknown fields are refused.
///
/// Fields are public so a host can build a policy in code; call
/// [`CredentialPolicy::validate`] when loading one. Operations never panic on
/// an out-of-range policy, but may then refuse every credential (for example
/// a minimum length above the maximum).
///
/// Defaults and why:
///
/// - lock after **5** failures (`max_failed_attempts`), for **30 minutes**
///   (`lock_minutes`), doubling with each further lockout that follows without
///   a successful attempt in between (30, 60, 120 … minutes), capped at
///   **24 hours** (`max_lock_minutes`). Escalation slows a patient guesser
///   without locking the real user out for days.
/// - passwords of **8 to 64** characters (NIST SP 800-63B: at least 8, allow
///   at least 64), with lowercase, uppercase and digit required
///   (`password_required_classes`). NIST advises against composition rules;
///   they are kept because Indonesian payment regulators' audits expect them,
///   and can be turned off.
/// - a password must not contain the last **6** digits of the phone number
///   (`password_phone_tail_digits`).
/// - **no forced password expiry** (`password_max_age_days: None`): NIST SP
///   800-63B §5.1.1.2 says verifiers should not require periodic changes,
///   because users then pick weaker, predictable passwords (`Sayang2024!` →
///   `Sayang2025!`). Change is forced when there is evidence of compromise
///   instead (the `credential_reset_required` flag after a freeze). A host
///   that must remind users anyway sets a number of days; the security
///   check-up then suggests a change.
/// - one-time codes of **6** digits, valid **5 minutes**, **5** tries; a
///   verified code must be used within **5 minutes**
///   (`verified_code_max_age_seconds`).
///
/// # Examples
///
/// ```
/// use walletcare_core::account::CredentialPolicy;
///
/// let policy: CredentialPolicy = serde_json::from_str(r#"{"max_failed_attempts":3,"password_max_age_days":180}"#)?;
/// assert_eq!(policy.max_failed_attempts, 3);
/// assert_eq!(policy.lock_minutes, 30);
/// policy.validate()?;
/// assert!(serde_json::from_str::<CredentialPolicy>(r#"{"max_failed_attempt":3}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A policy read from JSON is validated as it is read: an out-of-range
/// setting is refused with `account.invalid_policy` (through
/// [`crate::error::Coded`]), so no caller has to remember to call
/// [`CredentialPolicy::validate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "CredentialPolicyWire")]
pub struct CredentialPolicy {
    /// Failed attempts in a row that lock the account (1 to 100).
    pub max_failed_attempts: u32,
    /// Length of the first lock, in minutes (1 to `max_lock_minutes`).
    pub lock_minutes: u32,
    /// Longest lock after escalation, in minutes (at most 43 200, 30 days).
    pub max_lock_minutes: u32,
    /// Minimum password length in characters (Unicode scalar values; 1 to
    /// `password_max_length`).
    pub password_min_length: u32,
    /// Maximum password length in characters (at most 1024).
    pub password_max_length: u32,
    /// The character classes a password must contain.
    pub password_required_classes: CharacterClasses,
    /// A password must not contain this many trailing digits of the phone
    /// number (4 to 15).
    pub password_phone_tail_digits: u32,
    /// Suggest a password change in the check-up after this many days; `None`
    /// (the default) never does (see the type documentation). 1 to 3 650.
    pub password_max_age_days: Option<u32>,
    /// Digits in a one-time code (4 to 10).
    pub code_length: u32,
    /// How long a one-time code is valid, in seconds (30 to 86 400).
    pub code_ttl_seconds: u32,
    /// Tries allowed per one-time code (1 to 20).
    pub code_max_tries: u32,
    /// How long a verified code may be used to complete the action it was
    /// issued for, in seconds (1 to 3 600).
    pub verified_code_max_age_seconds: u32,
}

/// The JSON form of [`CredentialPolicy`] before validation.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct CredentialPolicyWire {
    max_failed_attempts: u32,
    lock_minutes: u32,
    max_lock_minutes: u32,
    password_min_length: u32,
    password_max_length: u32,
    password_required_classes: CharacterClasses,
    password_phone_tail_digits: u32,
    password_max_age_days: Option<u32>,
    code_length: u32,
    code_ttl_seconds: u32,
    code_max_tries: u32,
    verified_code_max_age_seconds: u32,
}

impl Default for CredentialPolicyWire {
    fn default() -> Self {
        let d = CredentialPolicy::default();
        CredentialPolicyWire {
            max_failed_attempts: d.max_failed_attempts,
            lock_minutes: d.lock_minutes,
            max_lock_minutes: d.max_lock_minutes,
            password_min_length: d.password_min_length,
            password_max_length: d.password_max_length,
            password_required_classes: d.password_required_classes,
            password_phone_tail_digits: d.password_phone_tail_digits,
            password_max_age_days: d.password_max_age_days,
            code_length: d.code_length,
            code_ttl_seconds: d.code_ttl_seconds,
            code_max_tries: d.code_max_tries,
            verified_code_max_age_seconds: d.verified_code_max_age_seconds,
        }
    }
}

impl TryFrom<CredentialPolicyWire> for CredentialPolicy {
    type Error = crate::error::Coded<AccountError>;

    fn try_from(w: CredentialPolicyWire) -> Result<Self, Self::Error> {
        let policy = CredentialPolicy {
            max_failed_attempts: w.max_failed_attempts,
            lock_minutes: w.lock_minutes,
            max_lock_minutes: w.max_lock_minutes,
            password_min_length: w.password_min_length,
            password_max_length: w.password_max_length,
            password_required_classes: w.password_required_classes,
            password_phone_tail_digits: w.password_phone_tail_digits,
            password_max_age_days: w.password_max_age_days,
            code_length: w.code_length,
            code_ttl_seconds: w.code_ttl_seconds,
            code_max_tries: w.code_max_tries,
            verified_code_max_age_seconds: w.verified_code_max_age_seconds,
        };
        policy.validate().map_err(crate::error::Coded)?;
        Ok(policy)
    }
}

impl Default for CredentialPolicy {
    fn default() -> Self {
        CredentialPolicy {
            max_failed_attempts: 5,
            lock_minutes: 30,
            max_lock_minutes: 24 * 60,
            password_min_length: 8,
            password_max_length: 64,
            password_required_classes: CharacterClasses::default(),
            password_phone_tail_digits: 6,
            password_max_age_days: None,
            code_length: 6,
            code_ttl_seconds: 300,
            code_max_tries: 5,
            verified_code_max_age_seconds: 300,
        }
    }
}

impl CredentialPolicy {
    /// Checks every field is in range and the fields agree with each other.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidPolicy`] naming the first bad field.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::CredentialPolicy;
    /// assert!(CredentialPolicy::default().validate().is_ok());
    /// let bad = CredentialPolicy { password_min_length: 80, ..CredentialPolicy::default() };
    /// assert_eq!(bad.validate().unwrap_err().to_string(),
    ///     "invalid policy: password_min_length must be between 1 and password_max_length (64), not 80");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), AccountError> {
        let check = |field: &str, value: u32, min: u32, max: u32, max_name: &str| {
            if (min..=max).contains(&value) {
                Ok(())
            } else {
                Err(AccountError::InvalidPolicy {
                    field: field.to_owned(),
                    reason: format!("must be between {min} and {max_name}, not {value}"),
                })
            }
        };
        let max_lock = self.max_lock_minutes;
        let max_len = self.password_max_length;
        check(
            "max_failed_attempts",
            self.max_failed_attempts,
            1,
            100,
            "100",
        )?;
        check("max_lock_minutes", max_lock, 1, 43_200, "43200")?;
        check(
            "lock_minutes",
            self.lock_minutes,
            1,
            max_lock,
            &format!("max_lock_minutes ({max_lock})"),
        )?;
        check("password_max_length", max_len, 1, 1024, "1024")?;
        check(
            "password_min_length",
            self.password_min_length,
            1,
            max_len,
            &format!("password_max_length ({max_len})"),
        )?;
        check(
            "password_phone_tail_digits",
            self.password_phone_tail_digits,
            4,
            15,
            "15",
        )?;
        if let Some(days) = self.password_max_age_days {
            check("password_max_age_days", days, 1, 3_650, "3650")?;
        }
        check("code_length", self.code_length, 4, 10, "10")?;
        check(
            "code_ttl_seconds",
            self.code_ttl_seconds,
            30,
            86_400,
            "86400",
        )?;
        check("code_max_tries", self.code_max_tries, 1, 20, "20")?;
        check(
            "verified_code_max_age_seconds",
            self.verified_code_max_age_seconds,
            1,
            3_600,
            "3600",
        )?;
        Ok(())
    }

    /// The lock length, in minutes, after `previous_lockouts` earlier lockouts
    /// with no successful attempt since: `lock_minutes × 2^previous_lockouts`,
    /// capped at `max_lock_minutes` (never below `lock_minutes`, never zero).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::CredentialPolicy;
    /// let policy = CredentialPolicy::default();
    /// assert_eq!(policy.lock_minutes_after(0), 30);
    /// assert_eq!(policy.lock_minutes_after(2), 120);
    /// assert_eq!(policy.lock_minutes_after(10), 1_440);
    /// assert_eq!(policy.lock_minutes_after(u32::MAX), 1_440);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lock_minutes_after(&self, previous_lockouts: u32) -> u32 {
        let base = self.lock_minutes.max(1);
        let factor = 1_u32.checked_shl(previous_lockouts).unwrap_or(u32::MAX);
        base.saturating_mul(factor)
            .min(self.max_lock_minutes.max(base))
    }
}

/// Which credential a [`PolicyViolations`] is about.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::CredentialKind;
/// assert_eq!(serde_json::to_string(&CredentialKind::Pin)?, "\"pin\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    /// The 6-digit payment PIN.
    Pin,
    /// The sign-in password.
    Password,
}

crate::names::names!(as_str from_str: account::CredentialKind as "credential kind" {
    Pin => "pin",
    Password => "password",
});

impl fmt::Display for CredentialKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CredentialKind::Pin => "PIN",
            CredentialKind::Password => "password",
        })
    }
}

/// What the policy knows about the user, to refuse credentials built from it.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use walletcare_core::account::{CredentialContext, PhoneNumber};
///
/// let ctx = CredentialContext {
///     phone: Some(PhoneNumber::parse("0812-3456-7890")?),
///     email: None,
///     birth_date: NaiveDate::from_ymd_opt(1990, 8, 17),
/// };
/// let json = serde_json::to_string(&ctx)?;
/// assert_eq!(json, r#"{"phone":"+6281234567890","email":null,"birth_date":"1990-08-17"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(default, deny_unknown_fields)]
pub struct CredentialContext {
    /// The account's phone number.
    pub phone: Option<PhoneNumber>,
    /// The account's email address.
    pub email: Option<EmailAddress>,
    /// The user's date of birth.
    pub birth_date: Option<NaiveDate>,
}

/// One way a new PIN or password breaks the policy. Each renders as an
/// actionable sentence in every locale.
///
/// The JSON form is tagged by `violation`: `{"violation":"too_short","min":8}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::PolicyViolation;
/// use walletcare_core::locale::{Locale, Render};
///
/// let v = PolicyViolation::TooShort { min: 8 };
/// assert_eq!(serde_json::to_string(&v)?, r#"{"violation":"too_short","min":8}"#);
/// assert_eq!(v.render(Locale::Id), "Gunakan minimal 8 karakter.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "violation", rename_all = "snake_case")]
#[non_exhaustive]
pub enum PolicyViolation {
    /// A PIN is not exactly six ASCII digits.
    PinNotSixDigits,
    /// One digit six times: `111111`.
    RepeatedDigits,
    /// Each digit one more than the last, wrapping 9 to 0: `123456`, `890123`.
    AscendingSequence,
    /// Each digit one less than the last, wrapping 0 to 9: `654321`, `109876`.
    DescendingSequence,
    /// A two- or three-digit block repeated: `121212`, `123123`.
    RepeatingPattern,
    /// Three pairs or two triples: `112233`, `111222`.
    GroupedDigits,
    /// Reads the same backwards: `123321`.
    MirroredDigits,
    /// A keypad shape or a well-known number: `147258`, `159753`, `131420`…
    CommonPin,
    /// Contains the date of birth (PIN: `DDMMYY`, `YYMMDD` or `MMDDYY`;
    /// password: those and `DDMMYYYY`, `YYYYMMDD`, `MMDDYYYY`).
    ContainsBirthDate,
    /// Contains digits of the phone number (PIN: any six consecutive digits of
    /// it, in international or `0…` national form; password: its last
    /// `password_phone_tail_digits` digits).
    ContainsPhoneNumber,
    /// Shorter than the minimum.
    TooShort {
        /// The minimum, in characters.
        min: u32,
    },
    /// Longer than the maximum.
    TooLong {
        /// The maximum, in characters.
        max: u32,
    },
    /// No lowercase letter.
    MissingLowercase,
    /// No uppercase letter.
    MissingUppercase,
    /// No digit.
    MissingDigit,
    /// No symbol.
    MissingSymbol,
    /// Contains a control character (invisible, often pasted by mistake).
    ControlCharacter,
    /// A well-known password, or a common word with digits and symbols added
    /// (`Password1`, `Sayang2024!`).
    CommonPassword,
    /// Contains the local part of the email address, or a part of it of four
    /// characters or more, case-insensitively.
    ContainsEmailName,
}

impl PolicyViolation {
    /// The JSON (snake_case) name.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::PolicyViolation;
    /// assert_eq!(PolicyViolation::AscendingSequence.as_str(), "ascending_sequence");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            PolicyViolation::PinNotSixDigits => "pin_not_six_digits",
            PolicyViolation::RepeatedDigits => "repeated_digits",
            PolicyViolation::AscendingSequence => "ascending_sequence",
            PolicyViolation::DescendingSequence => "descending_sequence",
            PolicyViolation::RepeatingPattern => "repeating_pattern",
            PolicyViolation::GroupedDigits => "grouped_digits",
            PolicyViolation::MirroredDigits => "mirrored_digits",
            PolicyViolation::CommonPin => "common_pin",
            PolicyViolation::ContainsBirthDate => "contains_birth_date",
            PolicyViolation::ContainsPhoneNumber => "contains_phone_number",
            PolicyViolation::TooShort { .. } => "too_short",
            PolicyViolation::TooLong { .. } => "too_long",
            PolicyViolation::MissingLowercase => "missing_lowercase",
            PolicyViolation::MissingUppercase => "missing_uppercase",
            PolicyViolation::MissingDigit => "missing_digit",
            PolicyViolation::MissingSymbol => "missing_symbol",
            PolicyViolation::ControlCharacter => "control_character",
            PolicyViolation::CommonPassword => "common_password",
            PolicyViolation::ContainsEmailName => "contains_email_name",
        }
    }
}

impl Render for PolicyViolation {
    fn render(&self, locale: Locale) -> String {
        let text = match self {
            PolicyViolation::TooShort { min } => {
                return match locale {
                    Locale::En => format!("Use at least {min} characters."),
                    Locale::Id => format!("Gunakan minimal {min} karakter."),
                    Locale::ZhCn => format!("请至少使用 {min} 个字符。"),
                };
            }
            PolicyViolation::TooLong { max } => {
                return match locale {
                    Locale::En => format!("Use at most {max} characters."),
                    Locale::Id => format!("Gunakan maksimal {max} karakter."),
                    Locale::ZhCn => format!("最多只能使用 {max} 个字符。"),
                };
            }
            PolicyViolation::PinNotSixDigits => locale.pick(
                "Your PIN must be exactly 6 digits.",
                "PIN harus terdiri dari tepat 6 angka.",
                "PIN 必须是 6 位数字。",
            ),
            PolicyViolation::RepeatedDigits => locale.pick(
                "Don't use the same digit six times (like 111111).",
                "Jangan gunakan angka yang sama enam kali (seperti 111111).",
                "不要使用六个相同的数字（如 111111）。",
            ),
            PolicyViolation::AscendingSequence => locale.pick(
                "Don't use digits counting up (like 123456).",
                "Jangan gunakan angka berurutan naik (seperti 123456).",
                "不要使用递增的连续数字（如 123456）。",
            ),
            PolicyViolation::DescendingSequence => locale.pick(
                "Don't use digits counting down (like 654321).",
                "Jangan gunakan angka berurutan turun (seperti 654321).",
                "不要使用递减的连续数字（如 654321）。",
            ),
            PolicyViolation::RepeatingPattern => locale.pick(
                "Don't repeat a short pattern (like 121212 or 123123).",
                "Jangan mengulang pola pendek (seperti 121212 atau 123123).",
                "不要重复简单的数字组合（如 121212 或 123123）。",
            ),
            PolicyViolation::GroupedDigits => locale.pick(
                "Don't use digits in pairs or triples (like 112233 or 111222).",
                "Jangan gunakan angka berpasangan atau bertiga (seperti 112233 atau 111222).",
                "不要使用成对或成组的数字（如 112233 或 111222）。",
            ),
            PolicyViolation::MirroredDigits => locale.pick(
                "Don't use a PIN that reads the same backwards (like 123321).",
                "Jangan gunakan PIN yang sama jika dibaca dari belakang (seperti 123321).",
                "不要使用正着读和倒着读都一样的 PIN（如 123321）。",
            ),
            PolicyViolation::CommonPin => locale.pick(
                "This PIN is too common (a keypad pattern or a popular number). Choose another.",
                "PIN ini terlalu umum (pola tombol atau angka populer). Pilih yang lain.",
                "这个 PIN 太常见了（键盘图案或流行数字），请换一个。",
            ),
            PolicyViolation::ContainsBirthDate => locale.pick(
                "Don't use your date of birth.",
                "Jangan gunakan tanggal lahir Anda.",
                "不要使用您的出生日期。",
            ),
            PolicyViolation::ContainsPhoneNumber => locale.pick(
                "Don't use digits from your phone number.",
                "Jangan gunakan angka dari nomor ponsel Anda.",
                "不要使用您手机号码中的数字。",
            ),
            PolicyViolation::MissingLowercase => locale.pick(
                "Add a lowercase letter.",
                "Tambahkan huruf kecil.",
                "请加入小写字母。",
            ),
            PolicyViolation::MissingUppercase => locale.pick(
                "Add an uppercase letter.",
                "Tambahkan huruf kapital.",
                "请加入大写字母。",
            ),
            PolicyViolation::MissingDigit => {
                locale.pick("Add a number.", "Tambahkan angka.", "请加入数字。")
            }
            PolicyViolation::MissingSymbol => locale.pick(
                "Add a symbol such as ! or #.",
                "Tambahkan simbol, misalnya ! atau #.",
                "请加入符号，例如 ! 或 #。",
            ),
            PolicyViolation::ControlCharacter => locale.pick(
                "Remove invisible control characters.",
                "Hapus karakter kontrol yang tidak terlihat.",
                "请删除不可见的控制字符。",
            ),
            PolicyViolation::CommonPassword => locale.pick(
                "This password is too common. Choose something harder to guess.",
                "Kata sandi ini terlalu umum. Pilih yang lebih sulit ditebak.",
                "这个密码太常见了，请换一个更难猜到的。",
            ),
            PolicyViolation::ContainsEmailName => locale.pick(
                "Don't use your email name.",
                "Jangan gunakan nama email Anda.",
                "不要使用您的邮箱用户名。",
            ),
        };
        text.to_owned()
    }
}

/// Every way a new PIN or password breaks the policy (never empty when
/// returned as an error).
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{check_pin, CredentialContext, PolicyViolation};
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::locale::{Locale, Render};
///
/// let err = check_pin("123456", &CredentialContext::default()).unwrap_err();
/// assert_eq!(err.violations, vec![PolicyViolation::AscendingSequence]);
/// assert_eq!(err.code(), ErrorCode::WeakPin);
/// assert_eq!(err.to_string(), "PIN does not meet the policy: ascending_sequence");
/// assert_eq!(err.render(Locale::ZhCn), "不要使用递增的连续数字（如 123456）。");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
#[error("{credential} does not meet the policy: {}", super::join(.violations.iter().map(|v| v.as_str())))]
pub struct PolicyViolations {
    /// PIN or password.
    pub credential: CredentialKind,
    /// Every violation, in a fixed order.
    pub violations: Vec<PolicyViolation>,
}

impl HasErrorCode for PolicyViolations {
    fn code(&self) -> ErrorCode {
        match self.credential {
            CredentialKind::Pin => ErrorCode::WeakPin,
            CredentialKind::Password => ErrorCode::WeakPassword,
        }
    }
}

impl Render for PolicyViolations {
    /// One sentence per violation, one per line.
    fn render(&self, locale: Locale) -> String {
        self.violations
            .iter()
            .map(|v| v.render(locale))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Keypad shapes and well-known numbers that the pattern rules do not catch.
/// Shapes on the phone keypad (1-2-3 on top): columns `147258`, `258369`,
/// `369258`, `741852`, `852963`, `963852`, `147369`; diagonals and crosses
/// `159357`, `357159`, `159753`, `753951`, `852456`, `456852`; rows
/// `789456`, `456123`, `321654`; odd/even runs `135790`, `246810`; famous
/// numbers `112358` (Fibonacci), `314159` (π), `142857`; Chinese love numbers
/// `131420` ("一生一世爱你"), `201314` ("爱你一生一世"), `520131`, `521314`.
const COMMON_PINS: [&str; 25] = [
    "147258", "258369", "369258", "741852", "852963", "963852", "147369", "159357", "357159",
    "159753", "753951", "852456", "456852", "789456", "456123", "321654", "135790", "246810",
    "112358", "314159", "142857", "131420", "201314", "520131", "521314",
];

/// Checks a new PIN: exactly six ASCII digits (no trimming, no other
/// characters), not predictable, not built from the user's data.
///
/// Returns every violation. The rules, and how they combine:
///
/// - **format**: not exactly six ASCII digits gives
///   [`PolicyViolation::PinNotSixDigits`] alone, because every other rule is
///   defined over six digits;
/// - **pattern**: at most one, the first that matches in this order:
///   repeated (`111111`), ascending (`123456`, wrapping: `890123`),
///   descending (`654321`, wrapping: `109876`), a repeated block of two or
///   three digits (`121212`, `123123`), three pairs or two triples (`112233`,
///   `111222`), mirrored (`123321`), common (see [`PolicyViolation::CommonPin`]).
///   One pattern is enough to refuse a PIN, and `111111` matching five
///   patterns would only clutter the screen;
/// - **personal data**, each reported independently: the date of birth as
///   `DDMMYY`, `YYMMDD` or `MMDDYY`; any six consecutive digits of the phone
///   number, in international form (`6281234567890`) or national form with
///   its trunk zero (`081234567890`), which covers its tail.
///
/// # Errors
///
/// [`PolicyViolations`] with every violation.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use walletcare_core::account::{check_pin, CredentialContext, PhoneNumber, PolicyViolation};
///
/// let ctx = CredentialContext {
///     phone: Some(PhoneNumber::parse("0812-3417-0890")?),
///     email: None,
///     birth_date: NaiveDate::from_ymd_opt(1990, 8, 17),
/// };
/// assert!(check_pin("582914", &ctx).is_ok());
/// assert_eq!(check_pin("170890", &ctx).unwrap_err().violations,
///     vec![PolicyViolation::ContainsBirthDate, PolicyViolation::ContainsPhoneNumber]);
/// assert_eq!(check_pin("12345", &ctx).unwrap_err().violations, vec![PolicyViolation::PinNotSixDigits]);
/// assert_eq!(check_pin("121212", &ctx).unwrap_err().violations, vec![PolicyViolation::RepeatingPattern]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_pin(pin: &str, ctx: &CredentialContext) -> Result<(), PolicyViolations> {
    let fail = |violations| {
        Err(PolicyViolations {
            credential: CredentialKind::Pin,
            violations,
        })
    };
    let Some(digits) = pin_digits(pin) else {
        return fail(vec![PolicyViolation::PinNotSixDigits]);
    };
    let mut violations = Vec::new();
    if let Some(pattern) = pin_pattern(digits, pin) {
        violations.push(pattern);
    }
    if ctx
        .birth_date
        .is_some_and(|birth| short_birth_forms(birth).iter().any(|form| form == pin))
    {
        violations.push(PolicyViolation::ContainsBirthDate);
    }
    if ctx
        .phone
        .as_ref()
        .is_some_and(|phone| phone_forms(phone).iter().any(|form| form.contains(pin)))
    {
        violations.push(PolicyViolation::ContainsPhoneNumber);
    }
    if violations.is_empty() {
        Ok(())
    } else {
        fail(violations)
    }
}

fn pin_digits(pin: &str) -> Option<[u8; 6]> {
    let bytes: [u8; 6] = pin.as_bytes().try_into().ok()?;
    bytes
        .iter()
        .all(u8::is_ascii_digit)
        .then(|| bytes.map(|b| b.saturating_sub(b'0')))
}

fn pin_pattern(digits: [u8; 6], pin: &str) -> Option<PolicyViolation> {
    let [a, b, c, d, e, f] = digits;
    // Steps between neighbours, modulo 10 (digits are 0-9, so no overflow).
    let steps: Vec<u8> = digits
        .iter()
        .zip(digits.iter().skip(1))
        .map(|(x, y)| (y + 10 - x) % 10)
        .collect();
    if digits.iter().all(|&x| x == a) {
        Some(PolicyViolation::RepeatedDigits)
    } else if steps.iter().all(|&s| s == 1) {
        Some(PolicyViolation::AscendingSequence)
    } else if steps.iter().all(|&s| s == 9) {
        Some(PolicyViolation::DescendingSequence)
    } else if (a == c && c == e && b == d && d == f) || (a == d && b == e && c == f) {
        Some(PolicyViolation::RepeatingPattern)
    } else if (a == b && c == d && e == f) || (a == b && b == c && d == e && e == f) {
        Some(PolicyViolation::GroupedDigits)
    } else if a == f && b == e && c == d {
        Some(PolicyViolation::MirroredDigits)
    } else if COMMON_PINS.contains(&pin) {
        Some(PolicyViolation::CommonPin)
    } else {
        None
    }
}

/// `DDMMYY`, `YYMMDD`, `MMDDYY`.
fn short_birth_forms(birth: NaiveDate) -> [String; 3] {
    let (d, m, y) = (birth.day(), birth.month(), birth.year().rem_euclid(100));
    [
        format!("{d:02}{m:02}{y:02}"),
        format!("{y:02}{m:02}{d:02}"),
        format!("{m:02}{d:02}{y:02}"),
    ]
}

/// The short forms and `DDMMYYYY`, `YYYYMMDD`, `MMDDYYYY`.
fn all_birth_forms(birth: NaiveDate) -> Vec<String> {
    let (d, m, y) = (birth.day(), birth.month(), birth.year());
    let mut forms = short_birth_forms(birth).to_vec();
    if (0..=9999).contains(&y) {
        forms.push(format!("{d:02}{m:02}{y:04}"));
        forms.push(format!("{y:04}{m:02}{d:02}"));
        forms.push(format!("{m:02}{d:02}{y:04}"));
    }
    forms
}

/// The phone digits in international form and national form with a trunk
/// zero.
fn phone_forms(phone: &PhoneNumber) -> [String; 2] {
    let (_, national) = phone.split();
    [phone.digits().to_owned(), format!("0{national}")]
}

fn phone_tail(phone: &PhoneNumber, digits: u32) -> &str {
    let all = phone.digits();
    let n = usize::try_from(digits.clamp(4, 15)).unwrap_or(15);
    all.get(all.len().saturating_sub(n)..).unwrap_or(all)
}

/// The fragments of the email local part a password must not contain: the
/// part before any `+tag` (when 3 characters or more), the same without
/// `. _ -` separators, and each separated piece of 4 characters or more.
fn email_fragments(email: &EmailAddress) -> Vec<String> {
    let local = email.local_part();
    let base = local.split('+').next().unwrap_or(local).to_lowercase();
    let is_sep = |c: char| matches!(c, '.' | '_' | '-');
    let joined: String = base.chars().filter(|&c| !is_sep(c)).collect();
    let mut fragments: Vec<String> = Vec::new();
    for candidate in [base.clone(), joined] {
        if candidate.chars().count() >= 3 && !fragments.contains(&candidate) {
            fragments.push(candidate);
        }
    }
    for piece in base.split(is_sep) {
        if piece.chars().count() >= 4 && !fragments.iter().any(|f| f == piece) {
            fragments.push(piece.to_owned());
        }
    }
    fragments
}

/// Well-known passwords (compared case-insensitively).
const COMMON_PASSWORDS: [&str; 40] = [
    "password",
    "password1",
    "password12",
    "password123",
    "passw0rd",
    "p@ssw0rd",
    "p@ssword",
    "12345678",
    "123456789",
    "1234567890",
    "87654321",
    "11111111",
    "00000000",
    "88888888",
    "66666666",
    "qwerty12",
    "qwerty123",
    "qwertyuiop",
    "1q2w3e4r",
    "1q2w3e4r5t",
    "1qaz2wsx",
    "zaq12wsx",
    "abc12345",
    "abcd1234",
    "a1234567",
    "aa123456",
    "asdf1234",
    "iloveyou",
    "iloveyou1",
    "admin123",
    "welcome1",
    "letmein1",
    "sayang123",
    "rahasia123",
    "bismillah",
    "bismillah123",
    "woaini520",
    "woaini1314",
    "aa112233",
    "gopay123",
];

/// Common words: a password that is one of them plus digits and symbols is
/// refused; containing one lowers the strength estimate. English, Indonesian
/// and pinyin favourites.
const COMMON_WORDS: [&str; 32] = [
    "password",
    "passw0rd",
    "qwerty",
    "asdf",
    "admin",
    "welcome",
    "iloveyou",
    "letmein",
    "monkey",
    "dragon",
    "sunshine",
    "princess",
    "football",
    "master",
    "login",
    "wallet",
    "gopay",
    "gojek",
    "sayang",
    "cinta",
    "rahasia",
    "bismillah",
    "indonesia",
    "jakarta",
    "dompet",
    "merdeka",
    "woaini",
    "wodemima",
    "mima",
    "zhongguo",
    "shanghai",
    "beijing",
];

fn is_common_password(lower: &str) -> bool {
    if COMMON_PASSWORDS.contains(&lower) {
        return true;
    }
    // A common word with digits or symbols added before or after it.
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    core.chars().count() >= 4 && COMMON_WORDS.contains(&core)
}

#[derive(Debug, Clone, Copy, Default)]
struct ClassesPresent {
    lowercase: bool,
    uppercase: bool,
    digit: bool,
    symbol: bool,
    /// Letters without case (Chinese characters…), counted as symbols too.
    caseless: bool,
}

impl ClassesPresent {
    fn of(chars: impl Iterator<Item = char>) -> Self {
        let mut present = ClassesPresent::default();
        for c in chars {
            if c.is_lowercase() {
                present.lowercase = true;
            } else if c.is_uppercase() {
                present.uppercase = true;
            } else if c.is_ascii_digit() {
                present.digit = true;
            } else if !c.is_control() {
                present.symbol = true;
                present.caseless |= c.is_alphabetic();
            }
        }
        present
    }

    fn count(self) -> u32 {
        [self.lowercase, self.uppercase, self.digit, self.symbol]
            .iter()
            .map(|&b| u32::from(b))
            .sum()
    }
}

/// Personal data found in a password.
struct PersonalData {
    phone: bool,
    email: bool,
    birth: bool,
}

fn personal_data(lower: &str, ctx: &CredentialContext, tail_digits: u32) -> PersonalData {
    let digits_only: String = lower.chars().filter(char::is_ascii_digit).collect();
    let contains = |needle: &str| lower.contains(needle) || digits_only.contains(needle);
    PersonalData {
        phone: ctx
            .phone
            .as_ref()
            .is_some_and(|phone| contains(phone_tail(phone, tail_digits))),
        email: ctx.email.as_ref().is_some_and(|email| {
            email_fragments(email)
                .iter()
                .any(|f| lower.contains(f.as_str()))
        }),
        birth: ctx
            .birth_date
            .is_some_and(|birth| all_birth_forms(birth).iter().any(|f| contains(f))),
    }
}

/// Checks a new password against the policy and the user's data.
///
/// Rules: length in characters (Unicode scalar values) within
/// `password_min_length..=password_max_length`; no control characters; each
/// class in `password_required_classes` present; not a common password nor a
/// common word with digits and symbols added; not containing, case-
/// insensitively, the last `password_phone_tail_digits` digits of the phone
/// number (which covers the whole number), the email name (see
/// [`PolicyViolation::ContainsEmailName`]) or the date of birth. Digits are
/// also looked for in the password's digits taken together, so `0812-3456`
/// style separators do not hide them.
///
/// Passwords of more than 4 096 bytes are refused as too long without further
/// analysis. The password is never stored or echoed.
///
/// # Errors
///
/// [`PolicyViolations`] with every violation, in a fixed order: length,
/// missing classes, control characters, common password, date of birth, phone
/// number, email name.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{check_password, CredentialContext, CredentialPolicy, EmailAddress, PhoneNumber, PolicyViolation};
///
/// let ctx = CredentialContext {
///     phone: Some(PhoneNumber::parse("0812-3456-7890")?),
///     email: Some(EmailAddress::parse("budi.santoso@gmail.com")?),
///     birth_date: None,
/// };
/// let policy = CredentialPolicy::default();
/// assert!(check_password("Kopi tubruk 3 gelas", &policy, &ctx).is_ok());
/// assert_eq!(check_password("Santoso567890", &policy, &ctx).unwrap_err().violations,
///     vec![PolicyViolation::ContainsPhoneNumber, PolicyViolation::ContainsEmailName]);
/// assert_eq!(check_password("abc", &policy, &ctx).unwrap_err().violations,
///     vec![PolicyViolation::TooShort { min: 8 }, PolicyViolation::MissingUppercase, PolicyViolation::MissingDigit]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_password(
    password: &str,
    policy: &CredentialPolicy,
    ctx: &CredentialContext,
) -> Result<(), PolicyViolations> {
    let fail = |violations| {
        Err(PolicyViolations {
            credential: CredentialKind::Password,
            violations,
        })
    };
    if password.len() > PASSWORD_HARD_MAX_BYTES {
        return fail(vec![PolicyViolation::TooLong {
            max: policy.password_max_length,
        }]);
    }
    let mut violations = Vec::new();
    let length = u32::try_from(password.chars().count()).unwrap_or(u32::MAX);
    if length < policy.password_min_length {
        violations.push(PolicyViolation::TooShort {
            min: policy.password_min_length,
        });
    }
    if length > policy.password_max_length {
        violations.push(PolicyViolation::TooLong {
            max: policy.password_max_length,
        });
    }
    let present = ClassesPresent::of(password.chars());
    let required = policy.password_required_classes;
    for (needed, have, violation) in [
        (
            required.lowercase,
            present.lowercase,
            PolicyViolation::MissingLowercase,
        ),
        (
            required.uppercase,
            present.uppercase,
            PolicyViolation::MissingUppercase,
        ),
        (required.digit, present.digit, PolicyViolation::MissingDigit),
        (
            required.symbol,
            present.symbol,
            PolicyViolation::MissingSymbol,
        ),
    ] {
        if needed && !have {
            violations.push(violation);
        }
    }
    if password.chars().any(char::is_control) {
        violations.push(PolicyViolation::ControlCharacter);
    }
    let lower = password.to_lowercase();
    if is_common_password(&lower) {
        violations.push(PolicyViolation::CommonPassword);
    }
    let personal = personal_data(&lower, ctx, policy.password_phone_tail_digits);
    if personal.birth {
        violations.push(PolicyViolation::ContainsBirthDate);
    }
    if personal.phone {
        violations.push(PolicyViolation::ContainsPhoneNumber);
    }
    if personal.email {
        violations.push(PolicyViolation::ContainsEmailName);
    }
    if violations.is_empty() {
        Ok(())
    } else {
        fail(violations)
    }
}

/// An actionable suggestion to make a password stronger. Each renders as a
/// short sentence in every locale.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::StrengthReason;
/// use walletcare_core::locale::{Locale, Render};
/// assert_eq!(serde_json::to_string(&StrengthReason::AddSymbol)?, "\"add_symbol\"");
/// assert_eq!(StrengthReason::AddSymbol.render(Locale::En), "Add a symbol such as ! or #.");
/// assert_eq!(StrengthReason::AvoidPhoneNumber.render(Locale::Id), "Hindari nomor ponsel Anda.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StrengthReason {
    /// It is a well-known password.
    AvoidCommonPassword,
    /// It contains the phone number's digits.
    AvoidPhoneNumber,
    /// It contains the email name.
    AvoidEmailName,
    /// It contains the date of birth.
    AvoidBirthDate,
    /// It contains a common word.
    AvoidCommonWords,
    /// It contains a run like `abcd`, `4321` or `qwer`.
    AvoidSequences,
    /// It repeats characters (`aaa`), or uses very few different ones.
    AvoidRepeatedCharacters,
    /// It is shorter than 12 characters.
    MakeLonger,
    /// It has no symbol.
    AddSymbol,
    /// It has no digit.
    AddDigit,
    /// It has no uppercase letter.
    AddUppercase,
    /// It has no lowercase letter.
    AddLowercase,
}

crate::names::names!(as_str display from_str: account::StrengthReason as "strength reason" {
    AvoidCommonPassword => "avoid_common_password",
    AvoidPhoneNumber => "avoid_phone_number",
    AvoidEmailName => "avoid_email_name",
    AvoidBirthDate => "avoid_birth_date",
    AvoidCommonWords => "avoid_common_words",
    AvoidSequences => "avoid_sequences",
    AvoidRepeatedCharacters => "avoid_repeated_characters",
    MakeLonger => "make_longer",
    AddSymbol => "add_symbol",
    AddDigit => "add_digit",
    AddUppercase => "add_uppercase",
    AddLowercase => "add_lowercase",
});

impl Render for StrengthReason {
    fn render(&self, locale: Locale) -> String {
        match self {
            StrengthReason::AvoidCommonPassword => locale.pick(
                "Avoid common passwords.",
                "Hindari kata sandi yang umum dipakai.",
                "避免使用常见密码。",
            ),
            StrengthReason::AvoidPhoneNumber => locale.pick(
                "Avoid your phone number.",
                "Hindari nomor ponsel Anda.",
                "避免使用您的手机号码。",
            ),
            StrengthReason::AvoidEmailName => locale.pick(
                "Avoid your email name.",
                "Hindari nama email Anda.",
                "避免使用您的邮箱用户名。",
            ),
            StrengthReason::AvoidBirthDate => locale.pick(
                "Avoid your date of birth.",
                "Hindari tanggal lahir Anda.",
                "避免使用您的出生日期。",
            ),
            StrengthReason::AvoidCommonWords => locale.pick(
                "Avoid common words like \"password\" or \"sayang\".",
                "Hindari kata umum seperti \"password\" atau \"sayang\".",
                "避免使用 \"password\"、\"woaini\" 这类常见词。",
            ),
            StrengthReason::AvoidSequences => locale.pick(
                "Avoid sequences like abcd, 1234 or qwerty.",
                "Hindari urutan seperti abcd, 1234, atau qwerty.",
                "避免使用 abcd、1234 或 qwerty 这样的连续字符。",
            ),
            StrengthReason::AvoidRepeatedCharacters => locale.pick(
                "Avoid repeated characters like aaa or 111.",
                "Hindari karakter berulang seperti aaa atau 111.",
                "避免使用 aaa 或 111 这样的重复字符。",
            ),
            StrengthReason::MakeLonger => locale.pick(
                "Make it longer: 12 characters or more is much harder to guess.",
                "Buat lebih panjang: 12 karakter atau lebih jauh lebih sulit ditebak.",
                "把密码加长：12 个字符或以上会更难被猜到。",
            ),
            StrengthReason::AddSymbol => locale.pick(
                "Add a symbol such as ! or #.",
                "Tambahkan simbol, misalnya ! atau #.",
                "加入符号，例如 ! 或 #。",
            ),
            StrengthReason::AddDigit => {
                locale.pick("Add a number.", "Tambahkan angka.", "加入数字。")
            }
            StrengthReason::AddUppercase => locale.pick(
                "Add an uppercase letter.",
                "Tambahkan huruf kapital.",
                "加入大写字母。",
            ),
            StrengthReason::AddLowercase => locale.pick(
                "Add a lowercase letter.",
                "Tambahkan huruf kecil.",
                "加入小写字母。",
            ),
        }
        .to_owned()
    }
}

/// A password strength estimate: a score from 0 (very weak) to 4 (very
/// strong) and the suggestions that would raise it, most important first.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{estimate_strength, CredentialContext, Strength};
/// use walletcare_core::locale::{Locale, Render};
///
/// let s = estimate_strength("kopi", &CredentialContext::default());
/// assert_eq!(s.score, 0);
/// assert_eq!(s.render(Locale::ZhCn), "非常弱");
/// let json = serde_json::to_string(&s)?;
/// assert!(json.starts_with(r#"{"score":0,"reasons":["make_longer""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Strength {
    /// 0 (very weak) to 4 (very strong).
    #[cfg_attr(feature = "typescript", ts(type = "0 | 1 | 2 | 3 | 4"))]
    pub score: u8,
    /// What would make it stronger, most important first; may be empty.
    pub reasons: Vec<StrengthReason>,
}

impl Render for Strength {
    /// The label of the score: "Very weak" … "Very strong".
    fn render(&self, locale: Locale) -> String {
        match self.score {
            0 => locale.pick("Very weak", "Sangat lemah", "非常弱"),
            1 => locale.pick("Weak", "Lemah", "弱"),
            2 => locale.pick("Fair", "Cukup", "一般"),
            3 => locale.pick("Strong", "Kuat", "强"),
            _ => locale.pick("Very strong", "Sangat kuat", "非常强"),
        }
        .to_owned()
    }
}

const KEYBOARD_ROWS: [&str; 4] = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"];

/// A run of 4 characters each one more (or one less) than the last among
/// ASCII letters or digits, or 4 keys in a row of the keyboard either way.
fn has_sequence(chars: &[char]) -> bool {
    let lowered: Vec<char> = chars.iter().map(char::to_ascii_lowercase).collect();
    let mut up = 1_u32;
    let mut down = 1_u32;
    for (prev, next) in lowered.iter().zip(lowered.iter().skip(1)) {
        let same_kind = (prev.is_ascii_lowercase() && next.is_ascii_lowercase())
            || (prev.is_ascii_digit() && next.is_ascii_digit());
        let (p, n) = (u32::from(*prev), u32::from(*next));
        up = if same_kind && p.checked_add(1) == Some(n) {
            up.saturating_add(1)
        } else {
            1
        };
        down = if same_kind && n.checked_add(1) == Some(p) {
            down.saturating_add(1)
        } else {
            1
        };
        if up >= 4 || down >= 4 {
            return true;
        }
    }
    let text: String = lowered.iter().collect();
    KEYBOARD_ROWS.iter().any(|row| {
        let reversed: String = row.chars().rev().collect();
        [row.to_string(), reversed].iter().any(|r| {
            (0..r.len().saturating_sub(3))
                .filter_map(|i| r.get(i..i.saturating_add(4)))
                .any(|window| text.contains(window))
        })
    })
}

/// Three identical characters in a row, or at most a third of the characters
/// distinct (for passwords of 6 characters or more).
fn has_repeats(chars: &[char]) -> bool {
    let mut run = 1_u32;
    for (prev, next) in chars.iter().zip(chars.iter().skip(1)) {
        run = if prev == next {
            run.saturating_add(1)
        } else {
            1
        };
        if run >= 3 {
            return true;
        }
    }
    let mut distinct: Vec<char> = chars.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    chars.len() >= 6 && distinct.len().saturating_mul(3) <= chars.len()
}

/// Estimates how hard a password is to guess, and what would help.
///
/// A transparent points system, not an entropy model:
///
/// - length (characters): under 8 → 0 points, 8-9 → 1, 10-11 → 2,
///   12-15 → 3, 16 or more → 4;
/// - variety: 3 or 4 character classes +1, a single class −1 (unless it has
///   letters without case, such as Chinese characters, whose alphabet is
///   large);
/// - −1 each for a common word, a sequence (`abcd`, `4321`, `qwer`) and
///   repeated characters; −2 each for the phone number's tail, the email name
///   and the date of birth (what an attacker tries first);
/// - a common password scores 0 whatever else.
///
/// The score is clamped to 0..=4. The reasons say what to fix, most important
/// first: personal data and common passwords, then patterns, then length
/// (below 12 characters), then missing classes (only while the score is below
/// 4: a long passphrase needs no symbol). Only the first 256 characters are
/// analysed.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{estimate_strength, CredentialContext, PhoneNumber, StrengthReason};
///
/// let ctx = CredentialContext { phone: Some(PhoneNumber::parse("0812-3456-7890")?), ..Default::default() };
/// assert_eq!(estimate_strength("Password1", &ctx).score, 0);
/// let weak = estimate_strength("budi567890", &ctx);
/// assert_eq!(weak.score, 0);
/// assert_eq!(weak.reasons[0], StrengthReason::AvoidPhoneNumber);
/// let strong = estimate_strength("gunung merapi berasap pagi", &ctx);
/// assert_eq!(strong.score, 4);
/// assert!(strong.reasons.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn estimate_strength(password: &str, ctx: &CredentialContext) -> Strength {
    let chars: Vec<char> = password.chars().take(STRENGTH_MAX_CHARS).collect();
    let analysed: String = chars.iter().collect();
    let lower = analysed.to_lowercase();
    let mut reasons = Vec::new();
    let length_points: i32 = match chars.len() {
        0..=7 => 0,
        8..=9 => 1,
        10..=11 => 2,
        12..=15 => 3,
        _ => 4,
    };
    let present = ClassesPresent::of(chars.iter().copied());
    let variety: i32 = match present.count() {
        0 | 1 if !present.caseless => -1,
        0 | 1 => 0,
        2 => 0,
        _ => 1,
    };
    let mut score = length_points.saturating_add(variety);
    let personal = personal_data(&lower, ctx, 6);
    for (found, penalty, reason) in [
        (personal.phone, 2, StrengthReason::AvoidPhoneNumber),
        (personal.email, 2, StrengthReason::AvoidEmailName),
        (personal.birth, 2, StrengthReason::AvoidBirthDate),
        (
            COMMON_WORDS.iter().any(|w| lower.contains(w)),
            1,
            StrengthReason::AvoidCommonWords,
        ),
        (has_sequence(&chars), 1, StrengthReason::AvoidSequences),
        (
            has_repeats(&chars),
            1,
            StrengthReason::AvoidRepeatedCharacters,
        ),
    ] {
        if found {
            score = score.saturating_sub(penalty);
            reasons.push(reason);
        }
    }
    if is_common_password(&lower) {
        score = 0;
        reasons.push(StrengthReason::AvoidCommonPassword);
    }
    if chars.len() < 12 {
        reasons.push(StrengthReason::MakeLonger);
    }
    let score = u8::try_from(score.clamp(0, 4)).unwrap_or(0);
    if score < 4 {
        for (have, reason) in [
            (present.symbol, StrengthReason::AddSymbol),
            (present.digit, StrengthReason::AddDigit),
            (present.uppercase, StrengthReason::AddUppercase),
            (present.lowercase, StrengthReason::AddLowercase),
        ] {
            if !have {
                reasons.push(reason);
            }
        }
    }
    reasons.sort_unstable();
    reasons.dedup();
    Strength { score, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pin_violations(pin: &str, ctx: &CredentialContext) -> Vec<PolicyViolation> {
        check_pin(pin, ctx)
            .err()
            .map(|e| e.violations)
            .unwrap_or_default()
    }

    #[test]
    fn pin_format_is_exactly_six_ascii_digits() {
        let ctx = CredentialContext::default();
        for bad in [
            "",
            "12345",
            "1234567",
            " 58291",
            "58291 ",
            "５８２９１４",
            "58a914",
            "-58291",
        ] {
            assert_eq!(
                pin_violations(bad, &ctx),
                vec![PolicyViolation::PinNotSixDigits],
                "{bad:?}"
            );
        }
        assert!(check_pin("582914", &ctx).is_ok());
        assert!(check_pin("093751", &ctx).is_ok());
    }

    #[test]
    fn pin_patterns_table() {
        use PolicyViolation as V;
        let ctx = CredentialContext::default();
        let table: &[(&str, Option<V>)] = &[
            ("000000", Some(V::RepeatedDigits)),
            ("999999", Some(V::RepeatedDigits)),
            ("123456", Some(V::AscendingSequence)),
            ("456789", Some(V::AscendingSequence)),
            ("890123", Some(V::AscendingSequence)),
            ("012345", Some(V::AscendingSequence)),
            ("654321", Some(V::DescendingSequence)),
            ("098765", Some(V::DescendingSequence)),
            ("210987", Some(V::DescendingSequence)),
            ("121212", Some(V::RepeatingPattern)),
            ("909090", Some(V::RepeatingPattern)),
            ("123123", Some(V::RepeatingPattern)),
            ("520520", Some(V::RepeatingPattern)),
            ("112233", Some(V::GroupedDigits)),
            ("998877", Some(V::GroupedDigits)),
            ("111222", Some(V::GroupedDigits)),
            ("123321", Some(V::MirroredDigits)),
            ("100001", Some(V::MirroredDigits)),
            ("147258", Some(V::CommonPin)),
            ("159753", Some(V::CommonPin)),
            ("131420", Some(V::CommonPin)),
            ("521314", Some(V::CommonPin)),
            ("582914", None),
            ("123457", None),
            ("112234", None),
            ("121213", None),
        ];
        for (pin, want) in table {
            let got = pin_violations(pin, &ctx);
            assert_eq!(got, want.iter().copied().collect::<Vec<_>>(), "{pin}");
        }
    }

    #[test]
    fn pin_birth_date_forms() {
        let ctx = CredentialContext {
            birth_date: NaiveDate::from_ymd_opt(2001, 3, 9),
            ..CredentialContext::default()
        };
        for pin in ["090301", "010309", "030901"] {
            assert_eq!(
                pin_violations(pin, &ctx),
                vec![PolicyViolation::ContainsBirthDate],
                "{pin}"
            );
        }
        assert!(check_pin("200139", &ctx).is_ok());
    }

    #[test]
    fn pin_phone_digits_anywhere_in_either_form() {
        let ctx = CredentialContext {
            phone: PhoneNumber::parse("0813-9753-2864").ok(),
            ..CredentialContext::default()
        };
        // tail, middle, national form with trunk zero, international prefix
        for pin in ["532864", "397532", "081397", "628139"] {
            assert_eq!(
                pin_violations(pin, &ctx),
                vec![PolicyViolation::ContainsPhoneNumber],
                "{pin}"
            );
        }
        assert!(check_pin("582914", &ctx).is_ok());
    }

    #[test]
    fn pin_reports_pattern_and_personal_data_together() {
        let ctx = CredentialContext {
            phone: PhoneNumber::parse("0812-1111-1111").ok(),
            birth_date: NaiveDate::from_ymd_opt(2011, 11, 11),
            email: None,
        };
        assert_eq!(
            pin_violations("111111", &ctx),
            vec![
                PolicyViolation::RepeatedDigits,
                PolicyViolation::ContainsBirthDate,
                PolicyViolation::ContainsPhoneNumber
            ]
        );
    }

    fn ctx_full() -> CredentialContext {
        CredentialContext {
            phone: PhoneNumber::parse("+62 812-3456-7890").ok(),
            email: EmailAddress::parse("siti.rahma_dewi+shop@yahoo.co.id").ok(),
            birth_date: NaiveDate::from_ymd_opt(1995, 12, 24),
        }
    }

    #[test]
    fn password_collects_every_violation() {
        let policy = CredentialPolicy {
            password_required_classes: CharacterClasses {
                symbol: true,
                ..CharacterClasses::default()
            },
            ..CredentialPolicy::default()
        };
        let err = check_password("rahma\u{7}", &policy, &ctx_full()).unwrap_err();
        assert_eq!(err.credential, CredentialKind::Password);
        // A control character is not a symbol.
        assert_eq!(
            err.violations,
            vec![
                PolicyViolation::TooShort { min: 8 },
                PolicyViolation::MissingUppercase,
                PolicyViolation::MissingDigit,
                PolicyViolation::MissingSymbol,
                PolicyViolation::ControlCharacter,
                PolicyViolation::ContainsEmailName,
            ]
        );
        let err = check_password("abcdefG1", &policy, &ctx_full()).unwrap_err();
        assert_eq!(err.violations, vec![PolicyViolation::MissingSymbol]);
    }

    #[test]
    fn password_personal_data_is_case_insensitive_and_sees_through_separators() {
        let policy = CredentialPolicy::default();
        let ctx = ctx_full();
        let v = |p: &str| {
            check_password(p, &policy, &ctx)
                .err()
                .map(|e| e.violations)
                .unwrap_or_default()
        };
        assert_eq!(
            v("Kopi-56-78-90x"),
            vec![PolicyViolation::ContainsPhoneNumber]
        );
        assert_eq!(
            v("Kopi+6281234567890"),
            vec![PolicyViolation::ContainsPhoneNumber]
        );
        assert_eq!(
            v("SITIRAHMA dewi 7"),
            vec![PolicyViolation::ContainsEmailName]
        );
        assert_eq!(
            v("Dewi sandra 77"),
            vec![PolicyViolation::ContainsEmailName]
        );
        assert_eq!(
            v("Natal 24121995"),
            vec![PolicyViolation::ContainsBirthDate]
        );
        assert_eq!(v("Natal 951224x"), vec![PolicyViolation::ContainsBirthDate]);
        // "shop" is the +tag, not the name; "siti" alone is a piece of 4.
        assert_eq!(v("Shopping 2 hari"), Vec::<PolicyViolation>::new());
        assert_eq!(v("Kopi 7890 pagi"), Vec::<PolicyViolation>::new());
    }

    #[test]
    fn common_passwords_and_decorated_common_words_are_refused() {
        let policy = CredentialPolicy::default();
        let ctx = CredentialContext::default();
        for p in [
            "Password1",
            "P@ssw0rd",
            "Sayang2024!",
            "!!Bismillah123",
            "Indonesia45",
        ] {
            let err = check_password(p, &policy, &ctx).unwrap_err();
            assert!(
                err.violations.contains(&PolicyViolation::CommonPassword),
                "{p}: {err}"
            );
        }
        assert!(check_password("Sayangku Banget 9", &policy, &ctx).is_ok());
    }

    #[test]
    fn password_length_counts_characters_and_huge_inputs_are_cheap() {
        let policy = CredentialPolicy::default();
        let ctx = CredentialContext::default();
        // 8 characters, 20 bytes.
        assert!(check_password("Aé1çñüöx", &policy, &ctx).is_ok());
        let err = check_password(&"Aa1".repeat(22), &policy, &ctx).unwrap_err();
        assert_eq!(err.violations, vec![PolicyViolation::TooLong { max: 64 }]);
        let err = check_password(&"a".repeat(1 << 20), &policy, &ctx).unwrap_err();
        assert_eq!(err.violations, vec![PolicyViolation::TooLong { max: 64 }]);
    }

    #[test]
    fn validate_catches_each_field() {
        let d = CredentialPolicy::default();
        let bad = [
            CredentialPolicy {
                max_failed_attempts: 0,
                ..d
            },
            CredentialPolicy {
                lock_minutes: 0,
                ..d
            },
            CredentialPolicy {
                lock_minutes: 2000,
                ..d
            },
            CredentialPolicy {
                max_lock_minutes: 50_000,
                ..d
            },
            CredentialPolicy {
                password_min_length: 0,
                ..d
            },
            CredentialPolicy {
                password_max_length: 5000,
                ..d
            },
            CredentialPolicy {
                password_phone_tail_digits: 3,
                ..d
            },
            CredentialPolicy {
                password_max_age_days: Some(0),
                ..d
            },
            CredentialPolicy {
                code_length: 3,
                ..d
            },
            CredentialPolicy {
                code_ttl_seconds: 10,
                ..d
            },
            CredentialPolicy {
                code_max_tries: 0,
                ..d
            },
            CredentialPolicy {
                verified_code_max_age_seconds: 0,
                ..d
            },
        ];
        for policy in bad {
            let err = policy.validate().unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidPolicy, "{policy:?}");
        }
    }

    #[test]
    fn lock_escalation_doubles_and_caps() {
        let policy = CredentialPolicy::default();
        let got: Vec<u32> = (0..8).map(|n| policy.lock_minutes_after(n)).collect();
        assert_eq!(got, vec![30, 60, 120, 240, 480, 960, 1440, 1440]);
        let odd = CredentialPolicy {
            lock_minutes: 0,
            max_lock_minutes: 0,
            ..policy
        };
        assert_eq!(odd.lock_minutes_after(0), 1);
        let huge = CredentialPolicy {
            lock_minutes: u32::MAX,
            max_lock_minutes: u32::MAX,
            ..policy
        };
        assert_eq!(huge.lock_minutes_after(40), u32::MAX);
    }

    #[test]
    fn strength_scores_are_ordered_sensibly() {
        let ctx = ctx_full();
        let score = |p: &str| estimate_strength(p, &ctx).score;
        assert_eq!(score(""), 0);
        assert_eq!(score("aaaaaaaa"), 0);
        assert_eq!(score("abcd1234"), 0);
        assert!(score("Kopi7!") < score("Kopi7!tubruk"));
        assert!(score("Kopi7!tubruk") <= score("Kopi7!tubruk-gelas"));
        assert_eq!(score("Kopi7!tubruk-gelas"), 4);
        assert_eq!(score("Siti7!tubruk-gelas"), 3);
    }

    #[test]
    fn strength_reasons_are_actionable_and_ordered() {
        let s = estimate_strength("budi12345", &CredentialContext::default());
        assert_eq!(
            s.reasons,
            vec![
                StrengthReason::AvoidSequences,
                StrengthReason::MakeLonger,
                StrengthReason::AddSymbol,
                StrengthReason::AddUppercase
            ]
        );
        let s = estimate_strength("qwerty", &CredentialContext::default());
        assert!(s.reasons.contains(&StrengthReason::AvoidSequences));
        assert!(s.reasons.contains(&StrengthReason::AvoidCommonWords));
        let s = estimate_strength(
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            &CredentialContext::default(),
        );
        assert!(s.reasons.contains(&StrengthReason::AvoidRepeatedCharacters));
        // Chinese passphrase: no case, counts as symbols.
        let s = estimate_strength(
            "我爱吃印尼炒饭和沙爹串配花生酱",
            &CredentialContext::default(),
        );
        assert_eq!(s.score, 3);
    }

    #[test]
    fn every_violation_and_reason_renders_in_every_locale() {
        use PolicyViolation as V;
        let violations = [
            V::PinNotSixDigits,
            V::RepeatedDigits,
            V::AscendingSequence,
            V::DescendingSequence,
            V::RepeatingPattern,
            V::GroupedDigits,
            V::MirroredDigits,
            V::CommonPin,
            V::ContainsBirthDate,
            V::ContainsPhoneNumber,
            V::TooShort { min: 8 },
            V::TooLong { max: 64 },
            V::MissingLowercase,
            V::MissingUppercase,
            V::MissingDigit,
            V::MissingSymbol,
            V::ControlCharacter,
            V::CommonPassword,
            V::ContainsEmailName,
        ];
        for v in violations {
            let texts: Vec<String> = Locale::ALL.iter().map(|&l| v.render(l)).collect();
            assert!(texts.iter().all(|t| !t.is_empty()), "{v:?}");
            assert_ne!(texts[0], texts[1], "{v:?}");
            assert_ne!(texts[0], texts[2], "{v:?}");
            let json = serde_json::to_string(&v).unwrap();
            assert!(json.contains(v.as_str()));
            assert_eq!(serde_json::from_str::<V>(&json).unwrap(), v);
        }
        let reasons = [
            StrengthReason::AvoidCommonPassword,
            StrengthReason::AvoidPhoneNumber,
            StrengthReason::AvoidEmailName,
            StrengthReason::AvoidBirthDate,
            StrengthReason::AvoidCommonWords,
            StrengthReason::AvoidSequences,
            StrengthReason::AvoidRepeatedCharacters,
            StrengthReason::MakeLonger,
            StrengthReason::AddSymbol,
            StrengthReason::AddDigit,
            StrengthReason::AddUppercase,
            StrengthReason::AddLowercase,
        ];
        for r in reasons {
            let texts: Vec<String> = Locale::ALL.iter().map(|&l| r.render(l)).collect();
            assert_ne!(texts[0], texts[1], "{r:?}");
            assert_ne!(texts[0], texts[2], "{r:?}");
        }
        for score in 0..=4 {
            let s = Strength {
                score,
                reasons: vec![],
            };
            assert_ne!(s.render(Locale::En), s.render(Locale::ZhCn));
        }
    }
}
