//! Accounts: state, credential policy, failed-attempt lockout, reset by
//! one-time code, theft freeze, two-factor and the security check-up.
//!
//! # What the core does and what the host does
//!
//! The core never sees a stored secret. The host (the wallet's back end or the
//! app) hashes PINs and passwords with its own password-hashing function,
//! stores the hashes, and compares a sign-in attempt against them. The core:
//!
//! - checks a *new* PIN or password against the [`CredentialPolicy`]
//!   ([`check_pin`], [`check_password`]) and estimates password strength
//!   ([`estimate_strength`]), returning every violation at once;
//! - keeps the credential *metadata* on the [`Account`]: whether a PIN and a
//!   password are set and when they last changed, the failed-attempt counter,
//!   the consecutive-lockout counter and the `credential_reset_required` flag;
//! - counts the attempts the host reports ([`Account::record_attempt`]) and
//!   locks the account after too many failures;
//! - runs the one-time-code reset ([`ResetChallenge`]), whose code the host
//!   generates from its random source and delivers by SMS or email;
//! - runs the state machine ([`AccountState::apply`]): lock, unlock, freeze,
//!   unfreeze, close.
//!
//! So the JSON form of an [`Account`] holds no secret and may be stored and
//! shown to customer-care agents as it is.
//!
//! # Examples
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use walletcare_core::account::{
//!     Account, AccountId, AttemptOutcome, AttemptResult, CredentialPolicy, PhoneNumber,
//! };
//!
//! let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
//! let policy = CredentialPolicy::default();
//! let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
//! account.set_pin("582914", now)?;
//!
//! // The host compared the PIN against its stored hash and reports the result.
//! for _ in 0..4 {
//!     account.record_attempt(AttemptResult::Mismatched, &policy, now)?;
//! }
//! let outcome = account.record_attempt(AttemptResult::Mismatched, &policy, now)?;
//! assert!(matches!(outcome, AttemptOutcome::LockedOut { .. }));
//! assert!(account.can_send_money(now).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod aggregate;
mod challenge;
mod checkup;
mod contact;
mod device;
mod numbering;
#[cfg(test)]
mod phone_cases;
mod policy;

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, HasErrorCode};
use crate::locale::{Locale, Render};

pub use aggregate::{Account, AccountId, AttemptOutcome, AttemptResult, CredentialMeta};
pub use challenge::{
    ChallengePurpose, ChallengeStatus, ResetChallenge, VerifiedCode, constant_time_eq,
};
pub use checkup::{CheckupItem, RecentActivity, security_checkup};
pub use contact::{
    Contact, ContactKind, ContactProblem, EmailAddress, PhoneNumber, PhoneNumberInfo,
    PhoneNumberType, PhoneRegion, classify_phone,
};
pub use device::{DeviceId, KnownDevice, MAX_KNOWN_DEVICES};
pub use policy::{
    CharacterClasses, CredentialContext, CredentialKind, CredentialPolicy, PolicyViolation,
    PolicyViolations, Strength, StrengthReason, check_password, check_pin, estimate_strength,
};

/// Why an account was frozen.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::FreezeReason;
/// assert_eq!(serde_json::to_string(&FreezeReason::ReportedStolen)?, "\"reported_stolen\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FreezeReason {
    /// The user reported the phone or the account stolen.
    ReportedStolen,
    /// The risk engine suspects fraud.
    SuspectedFraud,
    /// A regulator or court ordered it.
    Regulatory,
    /// The user asked for it.
    UserRequest,
}

crate::names::names!(from_str: account::FreezeReason as "freeze reason" {
    ReportedStolen,
    SuspectedFraud,
    Regulatory,
    UserRequest,
});

impl FreezeReason {
    /// The JSON (snake_case) name.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::FreezeReason;
    /// assert_eq!(FreezeReason::SuspectedFraud.as_str(), "suspected_fraud");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            FreezeReason::ReportedStolen => "reported_stolen",
            FreezeReason::SuspectedFraud => "suspected_fraud",
            FreezeReason::Regulatory => "regulatory",
            FreezeReason::UserRequest => "user_request",
        }
    }

    /// How serious the reason is; freezing a frozen account keeps the more
    /// serious reason, so a theft report is never downgraded to a user request.
    ///
    /// Order, least to most serious: user request, regulatory, suspected
    /// fraud, reported stolen.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::FreezeReason;
    /// assert!(FreezeReason::ReportedStolen.severity() > FreezeReason::UserRequest.severity());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn severity(self) -> u8 {
        match self {
            FreezeReason::UserRequest => 0,
            FreezeReason::Regulatory => 1,
            FreezeReason::SuspectedFraud => 2,
            FreezeReason::ReportedStolen => 3,
        }
    }
}

impl fmt::Display for FreezeReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Render for FreezeReason {
    fn render(&self, locale: Locale) -> String {
        match self {
            FreezeReason::ReportedStolen => locale.pick(
                "the phone or account was reported stolen",
                "ponsel atau akun dilaporkan dicuri",
                "手机或账户已被报告失窃",
            ),
            FreezeReason::SuspectedFraud => {
                locale.pick("suspected fraud", "dugaan penipuan", "疑似欺诈")
            }
            FreezeReason::Regulatory => locale.pick(
                "a regulatory or court order",
                "perintah regulator atau pengadilan",
                "监管机构或法院的要求",
            ),
            FreezeReason::UserRequest => locale.pick(
                "your own request",
                "permintaan Anda sendiri",
                "您本人的申请",
            ),
        }
        .to_owned()
    }
}

/// The state of a wallet account.
///
/// The JSON form is tagged: `{"state":"locked","until":"2026-11-21T10:00:00Z"}`.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::account::{AccountState, FreezeReason};
///
/// let since = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let state = AccountState::Frozen { reason: FreezeReason::ReportedStolen, since };
/// let json = serde_json::to_string(&state)?;
/// assert_eq!(json, r#"{"state":"frozen","reason":"reported_stolen","since":"2026-11-21T08:00:00Z"}"#);
/// assert_eq!(serde_json::from_str::<AccountState>(&json)?, state);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum AccountState {
    /// The account works normally.
    Active,
    /// Too many failed attempts; sign-in and payments are refused until `until`.
    Locked {
        /// When the lock ends.
        until: DateTime<Utc>,
    },
    /// Frozen: every outgoing movement is blocked until identity is verified.
    Frozen {
        /// Why it was frozen.
        reason: FreezeReason,
        /// When it was frozen.
        since: DateTime<Utc>,
    },
    /// Closed for good.
    Closed,
}

impl AccountState {
    /// The state without its data.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{AccountState, AccountStateKind};
    /// assert_eq!(AccountState::Closed.kind(), AccountStateKind::Closed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn kind(&self) -> AccountStateKind {
        match self {
            AccountState::Active => AccountStateKind::Active,
            AccountState::Locked { .. } => AccountStateKind::Locked,
            AccountState::Frozen { .. } => AccountStateKind::Frozen,
            AccountState::Closed => AccountStateKind::Closed,
        }
    }

    /// The state as it stands at `now`: a lock whose `until` is at or before
    /// `now` has expired, so the account is [`AccountState::Active`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::account::AccountState;
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let locked = AccountState::Locked { until: now + Duration::minutes(30) };
    /// assert_eq!(locked.at(now), locked);
    /// assert_eq!(locked.at(now + Duration::minutes(30)), AccountState::Active);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn at(self, now: DateTime<Utc>) -> AccountState {
        match self {
            AccountState::Locked { until } if until <= now => AccountState::Active,
            other => other,
        }
    }

    /// Applies an event at `now` and returns the new state. Pure: `self` is
    /// not changed, and an invalid move is an error, never a panic.
    ///
    /// The state is first taken as it stands at `now` ([`AccountState::at`]),
    /// so an expired lock behaves as active. The moves:
    ///
    /// | from \ event | lock | unlock | freeze | unfreeze | close | reopen |
    /// |---|---|---|---|---|---|---|
    /// | active | locked | error | frozen | error | closed | error |
    /// | locked | locked (the later end) | active | frozen | error | closed | error |
    /// | frozen | error | error | frozen (the more serious reason, same `since`) | active if every identity check passed | error | error |
    /// | closed | error | error | error | error | error | error |
    ///
    /// Closing a frozen account is refused: funds under a freeze may be under
    /// investigation, so the freeze must be resolved first. Closed is terminal:
    /// there is no way back (a returning user opens a new account).
    ///
    /// # Errors
    ///
    /// - [`AccountError::InvalidAccountTransition`] with the `from` and `to`
    ///   states for a move the table marks as an error;
    /// - [`AccountError::IdentityNotVerified`] listing the missing checks when
    ///   unfreezing without every identity check passed;
    /// - [`AccountError::LockNotInFuture`] when locking until a time at or
    ///   before `now`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::account::{AccountEvent, AccountState, FreezeReason, IdentityChecks};
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let frozen = AccountState::Active.apply(AccountEvent::Freeze { reason: FreezeReason::ReportedStolen }, now)?;
    /// assert_eq!(frozen, AccountState::Frozen { reason: FreezeReason::ReportedStolen, since: now });
    ///
    /// let not_yet = frozen.apply(AccountEvent::Unfreeze { checks: IdentityChecks::default() }, now);
    /// assert!(not_yet.is_err());
    /// let all = IdentityChecks { id_document: true, selfie: true, otp_or_security_questions: true };
    /// assert_eq!(frozen.apply(AccountEvent::Unfreeze { checks: all }, now)?, AccountState::Active);
    ///
    /// let closed = AccountState::Active.apply(AccountEvent::Close, now)?;
    /// assert!(closed.apply(AccountEvent::Reopen, now).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(
        self,
        event: AccountEvent,
        now: DateTime<Utc>,
    ) -> Result<AccountState, AccountError> {
        let current = self.at(now);
        let invalid = |to: AccountStateKind| AccountError::InvalidAccountTransition {
            from: current.kind(),
            to,
        };
        match (current, event) {
            (AccountState::Closed, event) => Err(invalid(event.target())),
            (AccountState::Active | AccountState::Locked { .. }, AccountEvent::Lock { until }) => {
                if until <= now {
                    return Err(AccountError::LockNotInFuture { until, now });
                }
                let until = match current {
                    AccountState::Locked { until: existing } => existing.max(until),
                    _ => until,
                };
                Ok(AccountState::Locked { until })
            }
            (AccountState::Locked { .. }, AccountEvent::Unlock) => Ok(AccountState::Active),
            (
                AccountState::Active | AccountState::Locked { .. },
                AccountEvent::Freeze { reason },
            ) => Ok(AccountState::Frozen { reason, since: now }),
            (AccountState::Frozen { reason: old, since }, AccountEvent::Freeze { reason }) => {
                let reason = if reason.severity() > old.severity() {
                    reason
                } else {
                    old
                };
                Ok(AccountState::Frozen { reason, since })
            }
            (AccountState::Frozen { .. }, AccountEvent::Unfreeze { checks }) => {
                let missing = checks.missing();
                if missing.is_empty() {
                    Ok(AccountState::Active)
                } else {
                    Err(AccountError::IdentityNotVerified { missing })
                }
            }
            (AccountState::Active | AccountState::Locked { .. }, AccountEvent::Close) => {
                Ok(AccountState::Closed)
            }
            (
                AccountState::Active | AccountState::Frozen { .. },
                AccountEvent::Lock { .. } | AccountEvent::Unlock,
            )
            | (AccountState::Active | AccountState::Locked { .. }, AccountEvent::Unfreeze { .. })
            | (AccountState::Frozen { .. }, AccountEvent::Close)
            | (_, AccountEvent::Reopen) => Err(invalid(event.target())),
        }
    }
}

/// The kind of an [`AccountState`], without its data; used in errors.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::AccountStateKind;
/// assert_eq!(serde_json::to_string(&AccountStateKind::Frozen)?, "\"frozen\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AccountStateKind {
    /// [`AccountState::Active`].
    Active,
    /// [`AccountState::Locked`].
    Locked,
    /// [`AccountState::Frozen`].
    Frozen,
    /// [`AccountState::Closed`].
    Closed,
}

crate::names::names!(from_str: account::AccountStateKind as "account state kind" {
    Active,
    Locked,
    Frozen,
    Closed,
});

impl AccountStateKind {
    /// The JSON (snake_case) name.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::AccountStateKind;
    /// assert_eq!(AccountStateKind::Locked.as_str(), "locked");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AccountStateKind::Active => "active",
            AccountStateKind::Locked => "locked",
            AccountStateKind::Frozen => "frozen",
            AccountStateKind::Closed => "closed",
        }
    }
}

impl fmt::Display for AccountStateKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How far the user's identity has been verified (KYC level). Limits on
/// balance and daily outgoing amounts depend on it.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::VerificationLevel;
/// assert!(VerificationLevel::Verified > VerificationLevel::Unverified);
/// assert_eq!(serde_json::to_string(&VerificationLevel::Verified)?, "\"verified\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum VerificationLevel {
    /// Phone number only.
    Unverified,
    /// Identity document (KTP/passport) and selfie verified.
    Verified,
}

crate::names::names!(as_str display from_str: account::VerificationLevel as "verification level" {
    Unverified => "unverified",
    Verified => "verified",
});

/// Something that happens to an account's state.
///
/// The JSON form is tagged by `event`: `{"event":"freeze","reason":"reported_stolen"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{AccountEvent, FreezeReason};
///
/// let event: AccountEvent = serde_json::from_str(r#"{"event":"freeze","reason":"suspected_fraud"}"#)?;
/// assert_eq!(event, AccountEvent::Freeze { reason: FreezeReason::SuspectedFraud });
/// assert!(serde_json::from_str::<AccountEvent>(r#"{"event":"explode"}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(
    tag = "event",
    rename_all = "snake_case",
    try_from = "AccountEventRepr"
)]
#[non_exhaustive]
pub enum AccountEvent {
    /// Lock until a time (after too many failed attempts, or by an agent).
    Lock {
        /// When the lock ends; must be after `now`.
        until: DateTime<Utc>,
    },
    /// End a lock early (an agent, after verifying the caller).
    Unlock,
    /// Freeze for a reason: every outgoing movement stops at once.
    Freeze {
        /// Why.
        reason: FreezeReason,
    },
    /// Lift a freeze; every identity check must have passed.
    Unfreeze {
        /// The identity checks the host ran.
        checks: IdentityChecks,
    },
    /// Close the account for good.
    Close,
    /// Reopen a closed account: always refused, closed is terminal. It exists
    /// so that a host asking for it gets a typed answer.
    Reopen,
}

/// The flat JSON form of an [`AccountEvent`], checked strictly: serde's
/// internally tagged enums ignore unknown fields on unit variants, so events
/// are read through this struct, which refuses unknown fields and fields that
/// do not belong to the event.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountEventRepr {
    event: AccountEventKind,
    #[serde(default)]
    until: Option<DateTime<Utc>>,
    #[serde(default)]
    reason: Option<FreezeReason>,
    #[serde(default)]
    checks: Option<IdentityChecks>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum AccountEventKind {
    Lock,
    Unlock,
    Freeze,
    Unfreeze,
    Close,
    Reopen,
}

impl TryFrom<AccountEventRepr> for AccountEvent {
    type Error = String;

    fn try_from(repr: AccountEventRepr) -> Result<Self, Self::Error> {
        let AccountEventRepr {
            event,
            until,
            reason,
            checks,
        } = repr;
        match (event, until, reason, checks) {
            (AccountEventKind::Lock, Some(until), None, None) => Ok(AccountEvent::Lock { until }),
            (AccountEventKind::Unlock, None, None, None) => Ok(AccountEvent::Unlock),
            (AccountEventKind::Freeze, None, Some(reason), None) => {
                Ok(AccountEvent::Freeze { reason })
            }
            (AccountEventKind::Unfreeze, None, None, Some(checks)) => {
                Ok(AccountEvent::Unfreeze { checks })
            }
            (AccountEventKind::Close, None, None, None) => Ok(AccountEvent::Close),
            (AccountEventKind::Reopen, None, None, None) => Ok(AccountEvent::Reopen),
            _ => Err(
                "an event has exactly its own fields: lock needs `until`, freeze \
                 `reason`, unfreeze `checks`, the others none"
                    .to_owned(),
            ),
        }
    }
}

impl AccountEvent {
    /// The state kind the event would move to if it were allowed.
    const fn target(self) -> AccountStateKind {
        match self {
            AccountEvent::Lock { .. } => AccountStateKind::Locked,
            AccountEvent::Freeze { .. } => AccountStateKind::Frozen,
            AccountEvent::Unlock | AccountEvent::Unfreeze { .. } | AccountEvent::Reopen => {
                AccountStateKind::Active
            }
            AccountEvent::Close => AccountStateKind::Closed,
        }
    }
}

/// The identity checks the host ran before lifting a freeze. All three must
/// pass: an identity document, a selfie matched against it, and either a
/// one-time code to a contact on file or the security questions.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{IdentityCheck, IdentityChecks};
///
/// let checks: IdentityChecks = serde_json::from_str(r#"{"id_document":true,"selfie":false,"otp_or_security_questions":true}"#)?;
/// assert_eq!(checks.missing(), vec![IdentityCheck::Selfie]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct IdentityChecks {
    /// The identity document (KTP, passport) was checked.
    pub id_document: bool,
    /// A live selfie matched the document.
    pub selfie: bool,
    /// A one-time code to a contact on file, or the security questions, passed.
    pub otp_or_security_questions: bool,
}

impl IdentityChecks {
    /// The checks that have not passed, in a fixed order.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::IdentityChecks;
    /// assert_eq!(IdentityChecks::default().missing().len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn missing(&self) -> Vec<IdentityCheck> {
        [
            (self.id_document, IdentityCheck::IdDocument),
            (self.selfie, IdentityCheck::Selfie),
            (
                self.otp_or_security_questions,
                IdentityCheck::OtpOrSecurityQuestions,
            ),
        ]
        .into_iter()
        .filter_map(|(passed, check)| (!passed).then_some(check))
        .collect()
    }
}

/// One identity check, as named in [`AccountError::IdentityNotVerified`].
///
/// # Examples
///
/// ```
/// use walletcare_core::account::IdentityCheck;
/// use walletcare_core::locale::{Locale, Render};
/// assert_eq!(serde_json::to_string(&IdentityCheck::Selfie)?, "\"selfie\"");
/// assert_eq!(IdentityCheck::Selfie.render(Locale::Id), "swafoto");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum IdentityCheck {
    /// [`IdentityChecks::id_document`].
    IdDocument,
    /// [`IdentityChecks::selfie`].
    Selfie,
    /// [`IdentityChecks::otp_or_security_questions`].
    OtpOrSecurityQuestions,
}

crate::names::names!(display from_str: account::IdentityCheck as "identity check" {
    IdDocument,
    Selfie,
    OtpOrSecurityQuestions,
});

impl IdentityCheck {
    /// The JSON (snake_case) name.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::IdentityCheck;
    /// assert_eq!(IdentityCheck::IdDocument.as_str(), "id_document");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            IdentityCheck::IdDocument => "id_document",
            IdentityCheck::Selfie => "selfie",
            IdentityCheck::OtpOrSecurityQuestions => "otp_or_security_questions",
        }
    }
}

impl Render for IdentityCheck {
    fn render(&self, locale: Locale) -> String {
        match self {
            IdentityCheck::IdDocument => {
                locale.pick("identity document", "dokumen identitas", "身份证件")
            }
            IdentityCheck::Selfie => locale.pick("selfie", "swafoto", "自拍验证"),
            IdentityCheck::OtpOrSecurityQuestions => locale.pick(
                "one-time code or security questions",
                "kode sekali pakai atau pertanyaan keamanan",
                "一次性验证码或安全问题",
            ),
        }
        .to_owned()
    }
}

/// What kind of identifier was malformed, in [`AccountError::InvalidIdentifier`].
///
/// # Examples
///
/// ```
/// use walletcare_core::account::IdentifierKind;
/// assert_eq!(serde_json::to_string(&IdentifierKind::Device)?, "\"device\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    /// An [`AccountId`].
    Account,
    /// A [`DeviceId`].
    Device,
    /// A device label shown to the user.
    DeviceLabel,
    /// A transaction id in [`RecentActivity`].
    Transaction,
}

crate::names::names!(as_str from_str: account::IdentifierKind as "identifier kind" {
    Account => "account",
    Device => "device",
    DeviceLabel => "device_label",
    Transaction => "transaction",
});

impl fmt::Display for IdentifierKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdentifierKind::Account => "account id",
            IdentifierKind::Device => "device id",
            IdentifierKind::DeviceLabel => "device label",
            IdentifierKind::Transaction => "transaction id",
        })
    }
}

/// An error from the account module. No variant carries a secret: PINs,
/// passwords and one-time codes never appear in a message or in the JSON form.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{AccountError, AccountEvent, AccountState, AccountStateKind};
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use chrono::{TimeZone, Utc};
///
/// let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
/// let err = AccountState::Closed.apply(AccountEvent::Reopen, now).unwrap_err();
/// assert_eq!(err, AccountError::InvalidAccountTransition { from: AccountStateKind::Closed, to: AccountStateKind::Active });
/// assert_eq!(err.code(), ErrorCode::InvalidAccountTransition);
/// assert_eq!(err.to_string(), "an account cannot go from closed to active");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AccountError {
    /// The state change is not allowed from the current state.
    #[error("an account cannot go from {from} to {to}")]
    InvalidAccountTransition {
        /// The state the account is in (as it stands at `now`).
        from: AccountStateKind,
        /// The state the event would have moved it to.
        to: AccountStateKind,
    },
    /// Locked after too many failed attempts; every attempt is refused until
    /// `until`.
    #[error("the account is locked until {until}")]
    AccountLocked {
        /// When the lock ends.
        until: DateTime<Utc>,
    },
    /// Frozen: only lifting the freeze is possible.
    #[error("the account is frozen ({reason}) since {since}")]
    AccountFrozen {
        /// Why.
        reason: FreezeReason,
        /// Since when.
        since: DateTime<Utc>,
    },
    /// Closed for good.
    #[error("the account is closed")]
    AccountClosed,
    /// A new PIN breaks the policy; every violation is listed.
    #[error("{0}")]
    WeakPin(PolicyViolations),
    /// A new password breaks the policy; every violation is listed.
    #[error("{0}")]
    WeakPassword(PolicyViolations),
    /// The host reported a wrong PIN or password.
    #[error("wrong credential; {attempts_left} attempts left before the account locks")]
    WrongCredential {
        /// Failures still allowed before the lock.
        attempts_left: u32,
    },
    /// The one-time code has expired.
    #[error("the one-time code expired at {expired_at}")]
    CodeExpired {
        /// When it expired.
        expired_at: DateTime<Utc>,
    },
    /// The one-time code did not match; one try was used.
    #[error("wrong one-time code; {tries_left} tries left")]
    WrongCode {
        /// Tries left on this challenge.
        tries_left: u32,
    },
    /// The one-time code was already used, or every try was used.
    #[error("the one-time code was already used or has no tries left")]
    CodeExhausted,
    /// Unfreezing needs every identity check to pass.
    #[error("identity not verified: missing {}", join(.missing.iter().map(|c| c.as_str())))]
    IdentityNotVerified {
        /// The checks that did not pass.
        missing: Vec<IdentityCheck>,
    },
    /// The credentials must be reset (after a freeze was lifted) before
    /// anything else; or a reset left out a credential the account has.
    #[error("the PIN and password must be reset before anything else")]
    CredentialResetRequired,
    /// A phone number or email address is malformed or missing.
    #[error("invalid {kind}: {problem}")]
    InvalidContact {
        /// Phone or email.
        kind: ContactKind,
        /// What is wrong.
        problem: ContactProblem,
    },
    /// A [`CredentialPolicy`] setting is out of range.
    #[error("invalid policy: {field} {reason}")]
    InvalidPolicy {
        /// The policy field.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A one-time code (issued or attempted) is not the configured number of
    /// ASCII digits. The code itself is never included.
    #[error("a one-time code must be exactly {expected_digits} ASCII digits")]
    MalformedCode {
        /// The configured code length.
        expected_digits: u32,
    },
    /// An account id, device id, device label or transaction id is malformed.
    #[error("invalid {kind}: {reason}")]
    InvalidIdentifier {
        /// Which identifier.
        kind: IdentifierKind,
        /// What is wrong.
        reason: String,
    },
    /// A lock must end after `now`.
    #[error("a lock must end after now ({now}), not at {until}")]
    LockNotInFuture {
        /// The requested end.
        until: DateTime<Utc>,
        /// The current time.
        now: DateTime<Utc>,
    },
    /// A computed time (a lock end, a code expiry) is past the supported range.
    #[error("time out of range: {what} cannot be computed from the given time")]
    TimeOutOfRange {
        /// What was being computed.
        what: String,
    },
    /// A verified code was used for another account or another purpose than
    /// it was issued for.
    #[error("the verified code does not belong to this {mismatch}")]
    ProofMismatch {
        /// `"account"` or `"purpose"`.
        mismatch: String,
    },
    /// No known device has this id.
    #[error("no known device has id {id}")]
    DeviceNotFound {
        /// The id asked for.
        id: DeviceId,
    },
    /// The account already remembers the maximum number of devices.
    #[error("the account already remembers {max} devices; forget one first")]
    DeviceLimitReached {
        /// The maximum.
        max: u32,
    },
    /// An input list is longer than allowed.
    #[error("too many {what}: at most {max}")]
    TooManyItems {
        /// What the list holds.
        what: String,
        /// The maximum.
        max: u32,
    },
}

impl HasErrorCode for AccountError {
    fn code(&self) -> ErrorCode {
        match self {
            AccountError::InvalidAccountTransition { .. } => ErrorCode::InvalidAccountTransition,
            AccountError::AccountLocked { .. } => ErrorCode::AccountLocked,
            AccountError::AccountFrozen { .. } => ErrorCode::AccountFrozen,
            AccountError::AccountClosed => ErrorCode::AccountClosed,
            AccountError::WeakPin(_) => ErrorCode::WeakPin,
            AccountError::WeakPassword(_) => ErrorCode::WeakPassword,
            AccountError::WrongCredential { .. } => ErrorCode::WrongCredential,
            AccountError::CodeExpired { .. } => ErrorCode::CodeExpired,
            AccountError::WrongCode { .. } => ErrorCode::WrongCode,
            AccountError::CodeExhausted => ErrorCode::CodeExhausted,
            AccountError::IdentityNotVerified { .. } => ErrorCode::IdentityNotVerified,
            AccountError::CredentialResetRequired => ErrorCode::CredentialResetRequired,
            AccountError::InvalidContact { .. } => ErrorCode::InvalidContact,
            AccountError::InvalidPolicy { .. } => ErrorCode::InvalidPolicy,
            AccountError::MalformedCode { .. }
            | AccountError::InvalidIdentifier { .. }
            | AccountError::LockNotInFuture { .. }
            | AccountError::ProofMismatch { .. } => ErrorCode::InvalidArgument,
            AccountError::TimeOutOfRange { .. } => ErrorCode::DateOutOfRange,
            AccountError::DeviceNotFound { .. } => ErrorCode::DeviceNotFound,
            AccountError::DeviceLimitReached { .. } => ErrorCode::DeviceLimitReached,
            AccountError::TooManyItems { .. } => ErrorCode::InputTooLarge,
        }
    }
}

impl From<PolicyViolations> for AccountError {
    fn from(violations: PolicyViolations) -> Self {
        match violations.credential {
            CredentialKind::Pin => AccountError::WeakPin(violations),
            CredentialKind::Password => AccountError::WeakPassword(violations),
        }
    }
}

/// Joins names with ", " for error messages.
fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// Checks an identifier: 1 to 64 characters of ASCII letters, digits and
/// `. _ : -`.
fn check_identifier(value: &str, kind: IdentifierKind) -> Result<(), AccountError> {
    const MAX: usize = 64;
    let invalid = |reason: String| AccountError::InvalidIdentifier { kind, reason };
    if value.is_empty() {
        return Err(invalid("must not be empty".to_owned()));
    }
    if value.len() > MAX {
        return Err(invalid(format!("must be at most {MAX} characters")));
    }
    if let Some((position, _)) = value
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-')))
    {
        return Err(invalid(format!(
            "unexpected character at position {} (allowed: ASCII letters, digits, '.', '_', ':', '-')",
            position.saturating_add(1)
        )));
    }
    Ok(())
}

/// `now + seconds`, or [`AccountError::TimeOutOfRange`].
fn add_seconds(
    now: DateTime<Utc>,
    seconds: u64,
    what: &str,
) -> Result<DateTime<Utc>, AccountError> {
    i64::try_from(seconds)
        .ok()
        .and_then(chrono::TimeDelta::try_seconds)
        .and_then(|delta| now.checked_add_signed(delta))
        .ok_or_else(|| AccountError::TimeOutOfRange {
            what: what.to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap()
    }

    const ALL_CHECKS: IdentityChecks = IdentityChecks {
        id_document: true,
        selfie: true,
        otp_or_security_questions: true,
    };

    fn states() -> Vec<AccountState> {
        vec![
            AccountState::Active,
            AccountState::Locked {
                until: now() + Duration::minutes(30),
            },
            AccountState::Frozen {
                reason: FreezeReason::SuspectedFraud,
                since: now() - Duration::days(1),
            },
            AccountState::Closed,
        ]
    }

    fn events() -> Vec<AccountEvent> {
        vec![
            AccountEvent::Lock {
                until: now() + Duration::hours(1),
            },
            AccountEvent::Unlock,
            AccountEvent::Freeze {
                reason: FreezeReason::ReportedStolen,
            },
            AccountEvent::Unfreeze { checks: ALL_CHECKS },
            AccountEvent::Close,
            AccountEvent::Reopen,
        ]
    }

    #[test]
    fn transition_table_matches_the_documentation() {
        use AccountStateKind::{Active, Closed, Frozen, Locked};
        // Rows: states(); columns: events(); None means an error.
        let table: [[Option<AccountStateKind>; 6]; 4] = [
            [Some(Locked), None, Some(Frozen), None, Some(Closed), None],
            [
                Some(Locked),
                Some(Active),
                Some(Frozen),
                None,
                Some(Closed),
                None,
            ],
            [None, None, Some(Frozen), Some(Active), None, None],
            [None, None, None, None, None, None],
        ];
        for (state, row) in states().into_iter().zip(table) {
            for (event, want) in events().into_iter().zip(row) {
                let got = state.apply(event, now());
                match want {
                    Some(kind) => assert_eq!(got.unwrap().kind(), kind, "{state:?} + {event:?}"),
                    None => {
                        let err = got.unwrap_err();
                        assert_eq!(
                            err.code(),
                            ErrorCode::InvalidAccountTransition,
                            "{state:?} + {event:?}"
                        );
                        assert_eq!(
                            err,
                            AccountError::InvalidAccountTransition {
                                from: state.kind(),
                                to: event.target()
                            }
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn expired_lock_behaves_as_active() {
        let locked = AccountState::Locked { until: now() };
        assert_eq!(locked.at(now()), AccountState::Active);
        // Unlocking an expired lock is moving from active to active: an error.
        assert_eq!(
            locked.apply(AccountEvent::Unlock, now()),
            Err(AccountError::InvalidAccountTransition {
                from: AccountStateKind::Active,
                to: AccountStateKind::Active
            })
        );
        assert!(
            locked
                .apply(AccountEvent::Unlock, now() - Duration::seconds(1))
                .is_ok()
        );
    }

    #[test]
    fn locking_keeps_the_later_end_and_must_be_in_the_future() {
        let later = now() + Duration::hours(2);
        let locked = AccountState::Locked { until: later };
        assert_eq!(
            locked.apply(
                AccountEvent::Lock {
                    until: now() + Duration::minutes(1)
                },
                now()
            ),
            Ok(AccountState::Locked { until: later })
        );
        let err = AccountState::Active
            .apply(AccountEvent::Lock { until: now() }, now())
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidArgument);
    }

    #[test]
    fn refreezing_keeps_the_more_serious_reason_and_the_original_time() {
        let since = now() - Duration::days(2);
        let frozen = AccountState::Frozen {
            reason: FreezeReason::ReportedStolen,
            since,
        };
        let again = frozen
            .apply(
                AccountEvent::Freeze {
                    reason: FreezeReason::UserRequest,
                },
                now(),
            )
            .unwrap();
        assert_eq!(again, frozen);
        let user = AccountState::Frozen {
            reason: FreezeReason::UserRequest,
            since,
        };
        assert_eq!(
            user.apply(
                AccountEvent::Freeze {
                    reason: FreezeReason::ReportedStolen
                },
                now()
            ),
            Ok(AccountState::Frozen {
                reason: FreezeReason::ReportedStolen,
                since
            })
        );
    }

    #[test]
    fn unfreeze_lists_missing_checks() {
        let frozen = AccountState::Frozen {
            reason: FreezeReason::ReportedStolen,
            since: now(),
        };
        let checks = IdentityChecks {
            id_document: true,
            ..IdentityChecks::default()
        };
        assert_eq!(
            frozen.apply(AccountEvent::Unfreeze { checks }, now()),
            Err(AccountError::IdentityNotVerified {
                missing: vec![IdentityCheck::Selfie, IdentityCheck::OtpOrSecurityQuestions]
            })
        );
    }

    #[test]
    fn every_error_has_its_code() {
        let t = now();
        let cases: Vec<(AccountError, ErrorCode)> = vec![
            (AccountError::AccountClosed, ErrorCode::AccountClosed),
            (
                AccountError::AccountLocked { until: t },
                ErrorCode::AccountLocked,
            ),
            (
                AccountError::AccountFrozen {
                    reason: FreezeReason::Regulatory,
                    since: t,
                },
                ErrorCode::AccountFrozen,
            ),
            (
                AccountError::WrongCredential { attempts_left: 1 },
                ErrorCode::WrongCredential,
            ),
            (
                AccountError::CodeExpired { expired_at: t },
                ErrorCode::CodeExpired,
            ),
            (
                AccountError::WrongCode { tries_left: 2 },
                ErrorCode::WrongCode,
            ),
            (AccountError::CodeExhausted, ErrorCode::CodeExhausted),
            (
                AccountError::CredentialResetRequired,
                ErrorCode::CredentialResetRequired,
            ),
            (
                AccountError::TimeOutOfRange {
                    what: "x".to_owned(),
                },
                ErrorCode::DateOutOfRange,
            ),
            (
                AccountError::DeviceLimitReached { max: 3 },
                ErrorCode::DeviceLimitReached,
            ),
            (
                AccountError::TooManyItems {
                    what: "x".to_owned(),
                    max: 3,
                },
                ErrorCode::InputTooLarge,
            ),
        ];
        for (err, code) in cases {
            assert_eq!(err.code(), code, "{err}");
            let json = serde_json::to_string(&err).unwrap();
            assert_eq!(serde_json::from_str::<AccountError>(&json).unwrap(), err);
        }
    }

    #[test]
    fn event_json_is_strict_and_round_trips() {
        for bad in [
            r#"{"event":"close","force":true}"#,
            r#"{"event":"close","reason":"user_request"}"#,
            r#"{"event":"lock"}"#,
            r#"{"event":"freeze","reason":"bored"}"#,
            r#"{"event":"unfreeze","checks":{"id_document":true}}"#,
            r#"{"reason":"user_request"}"#,
        ] {
            assert!(serde_json::from_str::<AccountEvent>(bad).is_err(), "{bad}");
        }
        for event in events() {
            let json = serde_json::to_string(&event).unwrap();
            assert_eq!(
                serde_json::from_str::<AccountEvent>(&json).unwrap(),
                event,
                "{json}"
            );
        }
        assert_eq!(
            serde_json::to_string(&AccountEvent::Close).unwrap(),
            r#"{"event":"close"}"#
        );
    }

    #[test]
    fn identifiers_are_checked() {
        assert!(check_identifier("acc-1.x:y_z", IdentifierKind::Account).is_ok());
        assert!(check_identifier("", IdentifierKind::Account).is_err());
        assert!(check_identifier(&"a".repeat(65), IdentifierKind::Account).is_err());
        let err = check_identifier("ab c", IdentifierKind::Device).unwrap_err();
        assert!(err.to_string().contains("position 3"), "{err}");
    }

    #[test]
    fn add_seconds_reports_overflow() {
        assert!(add_seconds(now(), u64::MAX, "x").is_err());
        assert!(add_seconds(DateTime::<Utc>::MAX_UTC, 1, "x").is_err());
        assert_eq!(
            add_seconds(now(), 60, "x").unwrap(),
            now() + Duration::minutes(1)
        );
    }
}

crate::names::names!(as_str from_str: account::ContactKind as "contact kind" {
    Phone => "phone",
    Email => "email",
});
