//! Redaction of secrets in support messages, and scam warnings.
//!
//! People paste their card number, CVV, one-time code, PIN, password or
//! identity card number into support chats, and fraudsters posing as support
//! ask for them. [`redact`] finds those secrets in a message (Chinese,
//! Indonesian or English, informal spelling, full-width digits and colons
//! included) and returns the text with each one masked, plus the list of
//! [`Finding`]s: the kind, the byte and character span in the original and
//! the masked form. The secret itself never appears in a [`Redaction`], its
//! `Debug` form, its JSON or an error.
//!
//! By default it hides card numbers (Luhn-valid, 15 to 19 digits, written
//! with spaces, dashes, dots or nothing), CVV/CVC codes, one-time codes, PINs
//! and passwords given in the text, Indonesian NIK numbers and Chinese
//! resident ID numbers. Phone numbers, e-mail addresses and bank account
//! numbers are hidden only when the [`RedactPolicy`] asks. What support
//! needs stays verbatim: amounts, order, transaction and ticket numbers,
//! dates and times.
//!
//! [`warnings`] checks a message for signs of a scam or an unsafe act: the
//! user is about to send a secret, reports that someone asked for their code
//! or PIN, mentions a link outside the wallet's allow-list (or one imitating
//! it), or was asked to pay a fee to release money. Each [`Warning`] renders
//! its advice in every [`Locale`](crate::locale::Locale).
//!
//! Both are pure and linear in the text: one pass over its characters, no
//! regular expressions.
//!
//! # Examples
//!
//! ```
//! use walletcare_core::locale::{Locale, Render};
//! use walletcare_core::redact::{RedactPolicy, ScamConfig, SecretKind, WarningCode, redact, warnings};
//!
//! let text = "kode OTP nya 482913, kartu 4111 1111 1111 1111 order 123456";
//! let r = redact(text, &RedactPolicy::default());
//! assert_eq!(r.redacted, "kode OTP nya ******, kartu 411111******1111 order 123456");
//! assert_eq!(r.findings[0].kind, SecretKind::OneTimeCode);
//! assert_eq!(&text[r.findings[0].start..r.findings[0].end], "482913");
//! assert!(!serde_json::to_string(&r)?.contains("482913"));
//!
//! let w = warnings("ada yang minta kode OTP saya ngaku dari CS", &ScamConfig::default());
//! assert!(w.iter().any(|w| w.code == WarningCode::SecretRequested));
//! assert!(w[0].render(Locale::Id).contains("OTP"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cue;
mod identity;
mod link;
mod scan;
mod warning;

pub use identity::{chinese_resident_id_valid, nik_plausible};
pub use warning::{MAX_ALLOWED_DOMAINS, ScamConfig, Warning, WarningCode, warnings};

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, HasErrorCode};

/// What kind of secret a [`Finding`] is. The JSON form is the snake_case
/// name.
///
/// # Examples
///
/// ```
/// use walletcare_core::redact::SecretKind;
///
/// assert_eq!(serde_json::to_string(&SecretKind::OneTimeCode)?, "\"one_time_code\"");
/// assert_eq!("bank_account".parse::<SecretKind>()?, SecretKind::BankAccount);
/// assert!(SecretKind::Pin.is_default());
/// assert!(!SecretKind::Phone.is_default());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum SecretKind {
    /// A payment card number: Luhn-valid, 15 to 19 digits.
    CardNumber,
    /// A card security code (CVV, CVC, CID), given after its name.
    Cvv,
    /// A one-time code (OTP, verification code, 验证码).
    OneTimeCode,
    /// A PIN (wallet, ATM or payment PIN, 支付密码).
    Pin,
    /// A password (kata sandi, 密码).
    Password,
    /// An Indonesian identity number (NIK): 16 digits with a valid
    /// province, date of birth and serial.
    Nik,
    /// A Chinese resident identity number: 18 characters with a valid
    /// region, birth date and ISO 7064 mod 11-2 check character.
    ResidentId,
    /// A mobile phone number (only when the policy asks).
    Phone,
    /// An e-mail address (only when the policy asks).
    Email,
    /// A bank account number after its name or the bank's (only when the
    /// policy asks).
    BankAccount,
}

impl SecretKind {
    /// Every kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::SecretKind;
    /// assert_eq!(SecretKind::ALL.len(), 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [SecretKind; 10] = [
        SecretKind::CardNumber,
        SecretKind::Cvv,
        SecretKind::OneTimeCode,
        SecretKind::Pin,
        SecretKind::Password,
        SecretKind::Nik,
        SecretKind::ResidentId,
        SecretKind::Phone,
        SecretKind::Email,
        SecretKind::BankAccount,
    ];

    /// The snake_case name, as in JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::SecretKind;
    /// assert_eq!(SecretKind::ResidentId.as_str(), "resident_id");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SecretKind::CardNumber => "card_number",
            SecretKind::Cvv => "cvv",
            SecretKind::OneTimeCode => "one_time_code",
            SecretKind::Pin => "pin",
            SecretKind::Password => "password",
            SecretKind::Nik => "nik",
            SecretKind::ResidentId => "resident_id",
            SecretKind::Phone => "phone",
            SecretKind::Email => "email",
            SecretKind::BankAccount => "bank_account",
        }
    }

    /// Whether [`RedactPolicy::default`] hides this kind (all but phone
    /// numbers, e-mail addresses and bank accounts).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::SecretKind;
    /// assert!(SecretKind::CardNumber.is_default());
    /// assert!(!SecretKind::Email.is_default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_default(self) -> bool {
        !matches!(
            self,
            SecretKind::Phone | SecretKind::Email | SecretKind::BankAccount
        )
    }

    /// Whether someone who holds it can take money or the account: a
    /// card number, CVV, one-time code, PIN or password.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::SecretKind;
    /// assert!(SecretKind::OneTimeCode.is_credential());
    /// assert!(!SecretKind::Nik.is_credential());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_credential(self) -> bool {
        matches!(
            self,
            SecretKind::CardNumber
                | SecretKind::Cvv
                | SecretKind::OneTimeCode
                | SecretKind::Pin
                | SecretKind::Password
        )
    }

    const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl std::fmt::Display for SecretKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for SecretKind {
    type Err = RedactError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        SecretKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| RedactError::UnknownKind(s.chars().take(32).collect()))
    }
}

/// An error from redaction settings: an unknown kind name or a malformed
/// scam configuration. It never quotes message text.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::redact::RedactPolicy;
///
/// let err = RedactPolicy::default().also("phone,fax").unwrap_err();
/// assert_eq!(err.code(), ErrorCode::RedactUnknownKind);
/// assert!(err.to_string().contains("fax"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RedactError {
    /// A kind name is not one of [`SecretKind::ALL`].
    #[error(
        "unknown secret kind {0:?}: expected card_number, cvv, one_time_code, pin, password, nik, resident_id, phone, email or bank_account"
    )]
    UnknownKind(String),
    /// A scam configuration is malformed (the reason names the field).
    #[error("invalid scam configuration: {reason}")]
    InvalidConfig {
        /// What is wrong.
        reason: String,
    },
}

impl HasErrorCode for RedactError {
    fn code(&self) -> ErrorCode {
        match self {
            RedactError::UnknownKind(_) => ErrorCode::RedactUnknownKind,
            RedactError::InvalidConfig { .. } => ErrorCode::RedactInvalidConfig,
        }
    }
}

/// Which kinds of secret [`redact`] hides. The default hides every kind
/// for which [`SecretKind::is_default`] holds; [`RedactPolicy::also`] adds
/// phone numbers, e-mail addresses or bank accounts. The JSON form is the
/// list of kinds: `{"kinds":["card_number","cvv",...]}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::redact::{RedactPolicy, SecretKind};
///
/// let policy = RedactPolicy::default().also("phone, email")?;
/// assert!(policy.contains(SecretKind::Phone));
/// assert!(!policy.contains(SecretKind::BankAccount));
/// let json = serde_json::to_string(&RedactPolicy::none().with(SecretKind::Pin))?;
/// assert_eq!(json, r#"{"kinds":["pin"]}"#);
/// assert_eq!(serde_json::from_str::<RedactPolicy>(&json)?, RedactPolicy::none().with(SecretKind::Pin));
/// assert!(serde_json::from_str::<RedactPolicy>(r#"{"kinds":["fax"]}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "PolicyRepr", from = "PolicyRepr")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(as = "PolicyRepr"))]
pub struct RedactPolicy {
    bits: u16,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "RedactPolicy"))]
struct PolicyRepr {
    kinds: Vec<SecretKind>,
}

impl From<RedactPolicy> for PolicyRepr {
    fn from(p: RedactPolicy) -> Self {
        PolicyRepr {
            kinds: p.kinds().collect(),
        }
    }
}

impl From<PolicyRepr> for RedactPolicy {
    fn from(r: PolicyRepr) -> Self {
        r.kinds
            .into_iter()
            .fold(RedactPolicy::none(), RedactPolicy::with)
    }
}

impl std::fmt::Debug for RedactPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.kinds()).finish()
    }
}

impl Default for RedactPolicy {
    fn default() -> Self {
        SecretKind::ALL
            .into_iter()
            .filter(|k| k.is_default())
            .fold(RedactPolicy::none(), RedactPolicy::with)
    }
}

impl RedactPolicy {
    /// A policy that hides nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::{RedactPolicy, redact};
    /// assert_eq!(redact("OTP 482913", &RedactPolicy::none()).redacted, "OTP 482913");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn none() -> RedactPolicy {
        RedactPolicy { bits: 0 }
    }

    /// Every kind, the optional ones included.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::{RedactPolicy, SecretKind};
    /// assert!(RedactPolicy::all().contains(SecretKind::Email));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn all() -> RedactPolicy {
        SecretKind::ALL
            .into_iter()
            .fold(RedactPolicy::none(), RedactPolicy::with)
    }

    /// This policy, also hiding `kind`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::{RedactPolicy, SecretKind};
    /// assert!(RedactPolicy::default().with(SecretKind::BankAccount).contains(SecretKind::BankAccount));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn with(self, kind: SecretKind) -> RedactPolicy {
        RedactPolicy {
            bits: self.bits | kind.bit(),
        }
    }

    /// This policy, not hiding `kind`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::{RedactPolicy, SecretKind};
    /// assert!(!RedactPolicy::default().without(SecretKind::Nik).contains(SecretKind::Nik));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn without(self, kind: SecretKind) -> RedactPolicy {
        RedactPolicy {
            bits: self.bits & !kind.bit(),
        }
    }

    /// Whether the policy hides `kind`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::{RedactPolicy, SecretKind};
    /// assert!(RedactPolicy::default().contains(SecretKind::Cvv));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn contains(self, kind: SecretKind) -> bool {
        self.bits & kind.bit() != 0
    }

    /// The kinds hidden, in [`SecretKind::ALL`] order.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::RedactPolicy;
    /// assert_eq!(RedactPolicy::default().kinds().count(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kinds(self) -> impl Iterator<Item = SecretKind> {
        SecretKind::ALL
            .into_iter()
            .filter(move |k| self.contains(*k))
    }

    /// This policy widened by a comma-separated list of kind names
    /// (`"phone,email,bank_account"`); empty items are ignored.
    ///
    /// # Errors
    ///
    /// [`RedactError::UnknownKind`] naming the first unknown item.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::{RedactPolicy, SecretKind};
    /// let p = RedactPolicy::default().also("bank_account,")?;
    /// assert!(p.contains(SecretKind::BankAccount));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn also(self, list: &str) -> Result<RedactPolicy, RedactError> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .try_fold(self, |p, name| Ok(p.with(name.parse()?)))
    }
}

/// One secret found by [`redact`]: its kind, where it is in the original
/// text (byte offsets for Rust and C, character offsets for JS and people)
/// and its masked form. The secret itself is not kept.
///
/// # Examples
///
/// ```
/// use walletcare_core::redact::{RedactPolicy, SecretKind, redact};
///
/// let text = "验证码是 482913";
/// let f = &redact(text, &RedactPolicy::default()).findings[0];
/// assert_eq!(f.kind, SecretKind::OneTimeCode);
/// assert_eq!((f.start, f.end), (13, 19));
/// assert_eq!((f.char_start, f.char_end), (5, 11));
/// assert_eq!(f.masked, "******");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Finding {
    /// What it is.
    pub kind: SecretKind,
    /// Byte offset of its start in the original text.
    pub start: usize,
    /// Byte offset just past its end in the original text.
    pub end: usize,
    /// Character (Unicode scalar) offset of its start.
    pub char_start: usize,
    /// Character offset just past its end.
    pub char_end: usize,
    /// The masked form that replaces it in [`Redaction::redacted`].
    pub masked: String,
}

/// The result of [`redact`]: the text with every secret replaced by its
/// masked form, and what was found, in order of position.
///
/// # Examples
///
/// ```
/// use walletcare_core::redact::{RedactPolicy, redact};
///
/// let r = redact("pw: hunter2 ya", &RedactPolicy::default());
/// assert_eq!(r.redacted, "pw: ******** ya");
/// assert_eq!(serde_json::to_value(&r)?["findings"][0]["kind"], "password");
/// assert!(!format!("{r:?}").contains("hunter2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Redaction {
    /// The text with each secret masked.
    pub redacted: String,
    /// The secrets found, in order, not overlapping.
    pub findings: Vec<Finding>,
}

impl Redaction {
    /// Whether anything was hidden.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::{RedactPolicy, redact};
    /// assert!(!redact("refund Rp 50.000 please", &RedactPolicy::default()).has_findings());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn has_findings(&self) -> bool {
        !self.findings.is_empty()
    }
}

/// The byte spans of the secrets [`RedactPolicy::default`] hides in
/// `text`, for modules that must not pass them on (triage entities).
pub(crate) fn secret_spans(text: &str) -> Vec<(usize, usize)> {
    scan::scan(text, RedactPolicy::default())
        .into_iter()
        .map(|f| (f.start, f.end))
        .collect()
}

/// Whether `text` reports a scam attempt (see
/// [`WarningCode::is_scam_report`]), against the default allow-list.
pub(crate) fn reports_scam(text: &str) -> bool {
    static CONFIG: std::sync::OnceLock<ScamConfig> = std::sync::OnceLock::new();
    warning::any_scam_report(text, CONFIG.get_or_init(ScamConfig::default))
}

/// Masks every secret of the kinds `policy` names in `text` (see the
/// [module documentation](self)). Any input gives a result in time linear
/// in its length; masking is idempotent (redacting a redacted text changes
/// nothing).
///
/// # Examples
///
/// ```
/// use walletcare_core::redact::{RedactPolicy, SecretKind, redact};
///
/// let text = "my pin is 1 2 3 4 5 6, NIK 3171015203900001, paid Rp 50.000 on 21/11 at 14:30";
/// let r = redact(text, &RedactPolicy::default());
/// assert_eq!(r.redacted, "my pin is ******, NIK ************0001, paid Rp 50.000 on 21/11 at 14:30");
/// let kinds: Vec<SecretKind> = r.findings.iter().map(|f| f.kind).collect();
/// assert_eq!(kinds, [SecretKind::Pin, SecretKind::Nik]);
///
/// let phone = redact("call me 0812-3456-7890", &RedactPolicy::default().with(SecretKind::Phone));
/// assert_eq!(phone.redacted, "call me +62 812-****-7890");
/// assert_eq!(redact(&phone.redacted, &RedactPolicy::all()).redacted, phone.redacted);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn redact(text: &str, policy: &RedactPolicy) -> Redaction {
    let findings = scan::scan(text, *policy);
    if findings.is_empty() {
        return Redaction {
            redacted: text.to_owned(),
            findings,
        };
    }
    let mut redacted = String::with_capacity(text.len());
    let mut at = 0;
    for f in &findings {
        redacted.push_str(text.get(at..f.start).unwrap_or_default());
        redacted.push_str(&f.masked);
        at = f.end;
    }
    redacted.push_str(text.get(at..).unwrap_or_default());
    Redaction { redacted, findings }
}

#[cfg(test)]
mod tests;
