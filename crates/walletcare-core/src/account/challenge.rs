//! One-time-code challenges: reset of credentials and turning off two-factor.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize, Serializer};

use super::aggregate::AccountId;
use super::contact::{Contact, ContactKind};
use super::policy::CredentialPolicy;
use super::{AccountError, add_seconds};

/// Longest attempt string looked at; anything longer is malformed.
const ATTEMPT_MAX_BYTES: usize = 64;

/// What a one-time code authorises.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::ChallengePurpose;
/// assert_eq!(serde_json::to_string(&ChallengePurpose::DisableTwoFactor)?, "\"disable_two_factor\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChallengePurpose {
    /// Set a new PIN (and password) after forgetting it, or after a freeze.
    CredentialReset,
    /// Turn two-factor verification off.
    DisableTwoFactor,
}

crate::names::names!(as_str display from_str: account::ChallengePurpose as "challenge purpose" {
    CredentialReset => "credential_reset",
    DisableTwoFactor => "disable_two_factor",
});

/// Compares two byte strings in time that depends only on their lengths.
///
/// Different lengths return `false` at once: that costs the same whatever the
/// contents, and reveals only that the lengths differ (a one-time code's
/// length is public anyway). Equal lengths are compared in full, with no
/// early exit: every byte pair is XORed and the differences ORed together,
/// and [`std::hint::black_box`] keeps the optimiser from turning the loop back
/// into an early-exit comparison. Rust gives no formal constant-time
/// guarantee; this is the standard best effort without a dedicated crate.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::constant_time_eq;
/// assert!(constant_time_eq(b"482913", b"482913"));
/// assert!(!constant_time_eq(b"482913", b"482914"));
/// assert!(!constant_time_eq(b"482913", b"48291"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
#[inline(never)]
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let difference = a
        .iter()
        .zip(b)
        .fold(0_u8, |acc, (x, y)| acc | std::hint::black_box(x ^ y));
    std::hint::black_box(difference) == 0
}

/// A one-time code sent to the user's phone or email, to reset credentials or
/// to turn two-factor off.
///
/// The host generates the code from its own random source, gives it to
/// [`ResetChallenge::new`] (or [`crate::account::Account::issue_challenge`])
/// and delivers it; the user types it back and [`ResetChallenge::verify`]
/// checks it. A challenge expires after `code_ttl_seconds`, allows
/// `code_max_tries` wrong tries, and is single use. The comparison is
/// constant-time ([`constant_time_eq`]).
///
/// **The code never leaves this value.** `Debug` prints
/// `code: "<redacted>"`, and the JSON form (serialisation only) is the
/// [`ChallengeStatus`], which has no code, not even a digest: with no vetted
/// hash function in the core, a home-made digest of a 6-digit code would be
/// reversed by trying all million codes, so persisting one would be worse
/// than not persisting anything. There is therefore no `Deserialize` and no
/// `Clone`: the live challenge exists only in memory, and copying it cannot
/// reset its tries. A host that must survive restarts between issuing and
/// verifying keeps its own HMAC of the code server-side instead of this type.
/// The code's bytes are overwritten when the challenge is dropped (best
/// effort: without `unsafe` volatile writes the compiler may keep copies).
///
/// # Examples
///
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let destination = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
/// let mut challenge = ResetChallenge::new(
///     AccountId::new("acc-1")?, ChallengePurpose::CredentialReset, destination,
///     "482913", &CredentialPolicy::default(), now,
/// )?;
/// assert_eq!(challenge.masked_destination(), "+62 812-****-7890");
/// assert!(!format!("{challenge:?}").contains("482913"));
/// assert!(!serde_json::to_string(&challenge)?.contains("482913"));
///
/// assert!(challenge.verify("111111", now).is_err()); // one try used
/// let proof = challenge.verify(" 482913 ", now + Duration::minutes(1))?;
/// assert_eq!(proof.purpose(), ChallengePurpose::CredentialReset);
/// assert!(challenge.verify("482913", now).is_err()); // single use
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(as = "ChallengeStatus"))]
pub struct ResetChallenge {
    account_id: AccountId,
    purpose: ChallengePurpose,
    destination: Contact,
    code: Vec<u8>,
    issued_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    tries_left: u32,
    used: bool,
}

impl ResetChallenge {
    /// Starts a challenge with a code the caller generated: exactly
    /// `code_length` ASCII digits. It expires `code_ttl_seconds` after `now`
    /// and allows `code_max_tries` tries (at least one).
    ///
    /// Prefer [`crate::account::Account::issue_challenge`], which sends the
    /// code only to a contact on file.
    ///
    /// # Errors
    ///
    /// - [`AccountError::MalformedCode`] if the code is not `code_length`
    ///   ASCII digits (the code is not echoed);
    /// - [`AccountError::TimeOutOfRange`] if the expiry cannot be computed.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, EmailAddress, ResetChallenge};
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let to = Contact::Email(EmailAddress::parse("budi@gmail.com")?);
    /// let policy = CredentialPolicy::default();
    /// let id = AccountId::new("acc-1")?;
    /// assert!(ResetChallenge::new(id.clone(), ChallengePurpose::CredentialReset, to.clone(), "12345", &policy, now).is_err());
    /// let challenge = ResetChallenge::new(id, ChallengePurpose::CredentialReset, to, "012345", &policy, now)?;
    /// assert_eq!(challenge.tries_left(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        account_id: AccountId,
        purpose: ChallengePurpose,
        destination: Contact,
        code: &str,
        policy: &CredentialPolicy,
        now: DateTime<Utc>,
    ) -> Result<ResetChallenge, AccountError> {
        let expected = policy.code_length.clamp(4, 10);
        let code = parse_code(code, expected)?;
        let expires_at = add_seconds(
            now,
            u64::from(policy.code_ttl_seconds.max(1)),
            "one-time code expiry",
        )?;
        Ok(ResetChallenge {
            account_id,
            purpose,
            destination,
            code,
            issued_at: now,
            expires_at,
            tries_left: policy.code_max_tries.max(1),
            used: false,
        })
    }

    /// Checks a code the user typed (surrounding whitespace ignored).
    ///
    /// In order: a used challenge, an expired one (at or after
    /// `expires_at`), or one with no tries left is refused; an attempt that is
    /// not the right number of ASCII digits is refused without using a try
    /// (it cannot be a guess); otherwise the attempt is compared in constant
    /// time. A match marks the challenge used and returns the
    /// [`VerifiedCode`]; a mismatch uses one try.
    ///
    /// A mismatch is the one failure that changes the challenge, on purpose:
    /// if wrong tries were free the try limit would mean nothing.
    ///
    /// # Errors
    ///
    /// [`AccountError::CodeExhausted`], [`AccountError::CodeExpired`],
    /// [`AccountError::MalformedCode`] or [`AccountError::WrongCode`] with the
    /// tries left.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::account::{AccountError, AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// let mut c = ResetChallenge::new(AccountId::new("a")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
    /// assert_eq!(c.verify("000000", now).unwrap_err(), AccountError::WrongCode { tries_left: 4 });
    /// assert!(matches!(c.verify("482913", now + Duration::minutes(5)), Err(AccountError::CodeExpired { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify(
        &mut self,
        attempt: &str,
        now: DateTime<Utc>,
    ) -> Result<VerifiedCode, AccountError> {
        if self.used {
            return Err(AccountError::CodeExhausted);
        }
        if now >= self.expires_at {
            return Err(AccountError::CodeExpired {
                expired_at: self.expires_at,
            });
        }
        if self.tries_left == 0 {
            return Err(AccountError::CodeExhausted);
        }
        let expected = u32::try_from(self.code.len()).unwrap_or(u32::MAX);
        let attempt = parse_code(attempt, expected)?;
        if constant_time_eq(&attempt, &self.code) {
            self.used = true;
            Ok(VerifiedCode {
                account_id: self.account_id.clone(),
                purpose: self.purpose,
                verified_at: now,
                spent: false,
            })
        } else {
            self.tries_left = self.tries_left.saturating_sub(1);
            Err(AccountError::WrongCode {
                tries_left: self.tries_left,
            })
        }
    }

    /// The account the code was issued for.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// let c = ResetChallenge::new(AccountId::new("acc-7")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
    /// assert_eq!(c.account_id().as_str(), "acc-7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn account_id(&self) -> &AccountId {
        &self.account_id
    }

    /// What the code authorises.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// let c = ResetChallenge::new(AccountId::new("a")?, ChallengePurpose::DisableTwoFactor, to, "482913", &CredentialPolicy::default(), now)?;
    /// assert_eq!(c.purpose(), ChallengePurpose::DisableTwoFactor);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn purpose(&self) -> ChallengePurpose {
        self.purpose
    }

    /// Where the code was sent.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, ContactKind, CredentialPolicy, PhoneNumber, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// let c = ResetChallenge::new(AccountId::new("a")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
    /// assert_eq!(c.destination().kind(), ContactKind::Phone);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn destination(&self) -> &Contact {
        &self.destination
    }

    /// Where the code was sent, masked for display ("+62 812-****-7890",
    /// "b***@gmail.com").
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, EmailAddress, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let to = Contact::Email(EmailAddress::parse("budi@gmail.com")?);
    /// let c = ResetChallenge::new(AccountId::new("a")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
    /// assert_eq!(c.masked_destination(), "b***@gmail.com");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn masked_destination(&self) -> String {
        self.destination.masked()
    }

    /// When it stops being accepted.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// let c = ResetChallenge::new(AccountId::new("a")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
    /// assert_eq!(c.expires_at(), now + Duration::minutes(5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn expires_at(&self) -> DateTime<Utc> {
        self.expires_at
    }

    /// Wrong tries still allowed.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// let policy = CredentialPolicy { code_max_tries: 3, ..CredentialPolicy::default() };
    /// let c = ResetChallenge::new(AccountId::new("a")?, ChallengePurpose::CredentialReset, to, "482913", &policy, now)?;
    /// assert_eq!(c.tries_left(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn tries_left(&self) -> u32 {
        self.tries_left
    }

    /// Whether the code was already accepted once.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// let mut c = ResetChallenge::new(AccountId::new("a")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
    /// let _proof = c.verify("482913", now)?;
    /// assert!(c.is_used());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_used(&self) -> bool {
        self.used
    }

    /// Everything about the challenge except the code: safe to log, store
    /// and show.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// let c = ResetChallenge::new(AccountId::new("a")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
    /// assert_eq!(c.status().masked_destination, "+62 812-****-7890");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> ChallengeStatus {
        ChallengeStatus {
            account_id: self.account_id.clone(),
            purpose: self.purpose,
            channel: self.destination.kind(),
            masked_destination: self.destination.masked(),
            issued_at: self.issued_at,
            expires_at: self.expires_at,
            tries_left: self.tries_left,
            used: self.used,
        }
    }
}

impl fmt::Debug for ResetChallenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResetChallenge")
            .field("code", &"<redacted>")
            .field("account_id", &self.account_id)
            .field("purpose", &self.purpose)
            .field("destination", &self.destination.masked())
            .field("issued_at", &self.issued_at)
            .field("expires_at", &self.expires_at)
            .field("tries_left", &self.tries_left)
            .field("used", &self.used)
            .finish()
    }
}

impl Serialize for ResetChallenge {
    /// Serialises as its [`ChallengeStatus`]: never the code.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.status().serialize(serializer)
    }
}

impl Drop for ResetChallenge {
    fn drop(&mut self) {
        self.code.fill(0);
        std::hint::black_box(&self.code);
    }
}

/// Exactly `expected` ASCII digits after trimming whitespace, as bytes.
fn parse_code(code: &str, expected: u32) -> Result<Vec<u8>, AccountError> {
    let malformed = AccountError::MalformedCode {
        expected_digits: expected,
    };
    if code.len() > ATTEMPT_MAX_BYTES {
        return Err(malformed);
    }
    let trimmed = code.trim();
    let right_length = u32::try_from(trimmed.len()).is_ok_and(|len| len == expected);
    if right_length && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        Ok(trimmed.as_bytes().to_vec())
    } else {
        Err(malformed)
    }
}

/// A challenge without its code: what a host may log, store and show.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::account::{AccountId, ChallengePurpose, ChallengeStatus, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
/// let c = ResetChallenge::new(AccountId::new("acc-1")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
/// let json = serde_json::to_string(&c)?;
/// assert_eq!(json, r#"{"account_id":"acc-1","purpose":"credential_reset","channel":"phone","masked_destination":"+62 812-****-7890","issued_at":"2026-11-21T08:00:00Z","expires_at":"2026-11-21T08:05:00Z","tries_left":5,"used":false}"#);
/// assert_eq!(serde_json::from_str::<ChallengeStatus>(&json)?, c.status());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ChallengeStatus {
    /// The account.
    pub account_id: AccountId,
    /// What the code authorises.
    pub purpose: ChallengePurpose,
    /// Phone or email.
    pub channel: ContactKind,
    /// The destination, masked.
    pub masked_destination: String,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// When it expires.
    pub expires_at: DateTime<Utc>,
    /// Wrong tries still allowed.
    pub tries_left: u32,
    /// Whether it was already accepted.
    pub used: bool,
}

/// Proof that the user typed the right one-time code, for one account and one
/// purpose, at `verified_at`. Only [`ResetChallenge::verify`] makes one.
///
/// The account operations that need it take it by `&mut` and mark it spent
/// only when they succeed, so a refused new PIN does not cost the user a new
/// code, and a spent proof cannot be used twice. It must be used within
/// `verified_code_max_age_seconds` of `verified_at`. It is neither `Clone`
/// nor serialisable: it is a capability held in memory, not data.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
/// let mut c = ResetChallenge::new(AccountId::new("acc-1")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
/// let proof = c.verify("482913", now)?;
/// assert_eq!(proof.account_id().as_str(), "acc-1");
/// assert_eq!(proof.verified_at(), now);
/// assert!(!proof.is_spent());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct VerifiedCode {
    account_id: AccountId,
    purpose: ChallengePurpose,
    verified_at: DateTime<Utc>,
    spent: bool,
}

impl VerifiedCode {
    /// The account the code was issued for.
    ///
    /// # Examples
    ///
    /// See [`VerifiedCode`].
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// # let mut c = ResetChallenge::new(AccountId::new("acc-1")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
    /// assert_eq!(c.verify("482913", now)?.account_id().as_str(), "acc-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn account_id(&self) -> &AccountId {
        &self.account_id
    }

    /// What the code authorises.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// # let mut c = ResetChallenge::new(AccountId::new("acc-1")?, ChallengePurpose::DisableTwoFactor, to, "482913", &CredentialPolicy::default(), now)?;
    /// assert_eq!(c.verify("482913", now)?.purpose(), ChallengePurpose::DisableTwoFactor);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn purpose(&self) -> ChallengePurpose {
        self.purpose
    }

    /// When the code was verified.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// # let mut c = ResetChallenge::new(AccountId::new("acc-1")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
    /// assert_eq!(c.verify("482913", now)?.verified_at(), now);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn verified_at(&self) -> DateTime<Utc> {
        self.verified_at
    }

    /// Whether an operation already used it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{AccountId, ChallengePurpose, Contact, CredentialPolicy, PhoneNumber, ResetChallenge};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let to = Contact::Phone(PhoneNumber::parse("0812-3456-7890")?);
    /// # let mut c = ResetChallenge::new(AccountId::new("acc-1")?, ChallengePurpose::CredentialReset, to, "482913", &CredentialPolicy::default(), now)?;
    /// assert!(!c.verify("482913", now)?.is_spent());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_spent(&self) -> bool {
        self.spent
    }

    /// Checks the proof is unspent, for this account and purpose, and fresh.
    pub(super) fn check(
        &self,
        account_id: &AccountId,
        purpose: ChallengePurpose,
        policy: &CredentialPolicy,
        now: DateTime<Utc>,
    ) -> Result<(), AccountError> {
        if self.spent {
            return Err(AccountError::CodeExhausted);
        }
        if &self.account_id != account_id {
            return Err(AccountError::ProofMismatch {
                mismatch: "account".to_owned(),
            });
        }
        if self.purpose != purpose {
            return Err(AccountError::ProofMismatch {
                mismatch: "purpose".to_owned(),
            });
        }
        let stale_at = add_seconds(
            self.verified_at,
            u64::from(policy.verified_code_max_age_seconds.max(1)),
            "verified code expiry",
        )?;
        if now > stale_at {
            return Err(AccountError::CodeExpired {
                expired_at: stale_at,
            });
        }
        Ok(())
    }

    pub(super) fn spend(&mut self) {
        self.spent = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::PhoneNumber;
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap()
    }

    fn challenge(code: &str, policy: &CredentialPolicy) -> ResetChallenge {
        ResetChallenge::new(
            AccountId::new("acc-1").unwrap(),
            ChallengePurpose::CredentialReset,
            Contact::Phone(PhoneNumber::parse("0812-3456-7890").unwrap()),
            code,
            policy,
            now(),
        )
        .unwrap()
    }

    #[test]
    fn constant_time_eq_matches_slice_equality() {
        let samples: [&[u8]; 6] = [b"", b"0", b"1", b"123456", b"123457", b"1234567"];
        for a in samples {
            for b in samples {
                assert_eq!(constant_time_eq(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn tries_run_out_and_then_even_the_right_code_fails() {
        let policy = CredentialPolicy {
            code_max_tries: 3,
            ..CredentialPolicy::default()
        };
        let mut c = challenge("482913", &policy);
        assert_eq!(
            c.verify("000000", now()),
            Err(AccountError::WrongCode { tries_left: 2 })
        );
        assert_eq!(
            c.verify("000001", now()),
            Err(AccountError::WrongCode { tries_left: 1 })
        );
        assert_eq!(
            c.verify("000002", now()),
            Err(AccountError::WrongCode { tries_left: 0 })
        );
        assert_eq!(c.verify("482913", now()), Err(AccountError::CodeExhausted));
    }

    #[test]
    fn malformed_attempts_do_not_use_a_try_and_are_not_echoed() {
        let mut c = challenge("482913", &CredentialPolicy::default());
        for bad in [
            "",
            "48291",
            "4829133",
            "48291a",
            "４８２９１３",
            &"9".repeat(1000),
        ] {
            let err = c.verify(bad, now()).unwrap_err();
            assert_eq!(err, AccountError::MalformedCode { expected_digits: 6 });
        }
        assert_eq!(c.tries_left(), 5);
        assert!(c.verify("\t482913\n", now()).is_ok());
    }

    #[test]
    fn expiry_is_exclusive_at_the_ttl() {
        let mut c = challenge("482913", &CredentialPolicy::default());
        let at = now() + Duration::seconds(300);
        assert_eq!(
            c.verify("482913", at),
            Err(AccountError::CodeExpired { expired_at: at })
        );
        assert_eq!(c.tries_left(), 5);
        assert!(c.verify("482913", at - Duration::seconds(1)).is_ok());
    }

    #[test]
    fn issuing_checks_code_format_and_length_policy() {
        let policy = CredentialPolicy {
            code_length: 8,
            ..CredentialPolicy::default()
        };
        let make = |code: &str| {
            ResetChallenge::new(
                AccountId::new("a").unwrap(),
                ChallengePurpose::CredentialReset,
                Contact::Phone(PhoneNumber::parse("0812-3456-7890").unwrap()),
                code,
                &policy,
                now(),
            )
        };
        assert_eq!(
            make("482913").unwrap_err(),
            AccountError::MalformedCode { expected_digits: 8 }
        );
        assert!(make("48291300").is_ok());
        let late = ResetChallenge::new(
            AccountId::new("a").unwrap(),
            ChallengePurpose::CredentialReset,
            Contact::Phone(PhoneNumber::parse("0812-3456-7890").unwrap()),
            "482913",
            &CredentialPolicy::default(),
            DateTime::<Utc>::MAX_UTC,
        );
        assert!(matches!(late, Err(AccountError::TimeOutOfRange { .. })));
    }

    #[test]
    fn debug_and_json_never_contain_the_code() {
        let c = challenge("739164", &CredentialPolicy::default());
        let debug = format!("{c:?}");
        assert!(
            debug.starts_with("ResetChallenge { code: \"<redacted>\""),
            "{debug}"
        );
        assert!(!debug.contains("739164"));
        assert!(!format!("{c:#?}").contains("739164"));
        let json = serde_json::to_string(&c).unwrap();
        assert!(!json.contains("739164"), "{json}");
        assert!(!json.contains("code\""), "{json}");
    }

    #[test]
    fn proof_checks_account_purpose_freshness_and_spending() {
        let policy = CredentialPolicy::default();
        let mut c = challenge("482913", &policy);
        let mut proof = c.verify("482913", now()).unwrap();
        let id = AccountId::new("acc-1").unwrap();
        assert!(
            proof
                .check(&id, ChallengePurpose::CredentialReset, &policy, now())
                .is_ok()
        );
        assert!(matches!(
            proof.check(
                &AccountId::new("acc-2").unwrap(),
                ChallengePurpose::CredentialReset,
                &policy,
                now()
            ),
            Err(AccountError::ProofMismatch { .. })
        ));
        assert!(matches!(
            proof.check(&id, ChallengePurpose::DisableTwoFactor, &policy, now()),
            Err(AccountError::ProofMismatch { .. })
        ));
        let stale = now() + Duration::seconds(301);
        assert!(matches!(
            proof.check(&id, ChallengePurpose::CredentialReset, &policy, stale),
            Err(AccountError::CodeExpired { .. })
        ));
        proof.spend();
        assert_eq!(
            proof.check(&id, ChallengePurpose::CredentialReset, &policy, now()),
            Err(AccountError::CodeExhausted)
        );
    }
}
