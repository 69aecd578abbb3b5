//! The account aggregate: state, contacts, credential metadata, devices and
//! cards, changed only through checked, all-or-nothing operations.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::challenge::{ChallengePurpose, ResetChallenge, VerifiedCode};
use super::contact::{Contact, ContactKind, ContactProblem, EmailAddress, PhoneNumber};
use super::device::{DeviceId, KnownDevice, MAX_KNOWN_DEVICES, normalise_label};
use super::policy::{CredentialContext, CredentialPolicy, check_password, check_pin};
use super::{
    AccountError, AccountEvent, AccountState, FreezeReason, IdentifierKind, IdentityChecks,
    VerificationLevel, add_seconds, check_identifier,
};
use crate::card::{
    BoundCard, CardError, CardFingerprint, CardId, CardPolicy, CardWallet, ValidatedCard,
};

/// An account identifier chosen by the host: 1 to 64 ASCII letters, digits
/// and `. _ : -`.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::AccountId;
/// let id = AccountId::new("acc-000123")?;
/// assert_eq!(serde_json::to_string(&id)?, "\"acc-000123\"");
/// assert!(AccountId::new("").is_err());
/// assert!(serde_json::from_str::<AccountId>("\"a b\"").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
#[serde(try_from = "crate::error::Unchecked<String>", into = "String")]
pub struct AccountId(String);

impl AccountId {
    /// Checks and wraps an id.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidIdentifier`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::AccountId;
    /// assert_eq!(AccountId::new("u:42")?.as_str(), "u:42");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: &str) -> Result<AccountId, AccountError> {
        check_identifier(id, IdentifierKind::Account)?;
        Ok(AccountId(id.to_owned()))
    }

    /// The id.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::AccountId;
    /// assert_eq!(AccountId::new("a1")?.as_str(), "a1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for AccountId {
    type Error = AccountError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        check_identifier(&value, IdentifierKind::Account)?;
        Ok(AccountId(value))
    }
}

impl From<AccountId> for String {
    fn from(value: AccountId) -> Self {
        value.0
    }
}

/// What the core keeps about credentials: metadata only, never a PIN, a
/// password or a hash of one (the host hashes and stores those).
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::account::{Account, AccountId, PhoneNumber};
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
/// account.set_pin("582914", now)?;
/// let json = serde_json::to_string(account.credentials())?;
/// assert_eq!(json, r#"{"pin_changed_at":"2026-11-21T08:00:00Z","password_changed_at":null,"failed_attempts":0,"consecutive_lockouts":0,"credential_reset_required":false}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CredentialMeta {
    pin_changed_at: Option<DateTime<Utc>>,
    password_changed_at: Option<DateTime<Utc>>,
    failed_attempts: u32,
    consecutive_lockouts: u32,
    credential_reset_required: bool,
}

impl CredentialMeta {
    /// Whether a PIN has been set.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::CredentialMeta;
    /// assert!(!CredentialMeta::default().pin_set());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn pin_set(&self) -> bool {
        self.pin_changed_at.is_some()
    }

    /// When the PIN was last set.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::CredentialMeta;
    /// assert_eq!(CredentialMeta::default().pin_changed_at(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn pin_changed_at(&self) -> Option<DateTime<Utc>> {
        self.pin_changed_at
    }

    /// Whether a password has been set.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::CredentialMeta;
    /// assert!(!CredentialMeta::default().password_set());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn password_set(&self) -> bool {
        self.password_changed_at.is_some()
    }

    /// When the password was last set.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::CredentialMeta;
    /// assert_eq!(CredentialMeta::default().password_changed_at(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn password_changed_at(&self) -> Option<DateTime<Utc>> {
        self.password_changed_at
    }

    /// Failed attempts since the last success or lock.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::CredentialMeta;
    /// assert_eq!(CredentialMeta::default().failed_attempts(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn failed_attempts(&self) -> u32 {
        self.failed_attempts
    }

    /// Lockouts since the last success; each one doubles the next lock.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::CredentialMeta;
    /// assert_eq!(CredentialMeta::default().consecutive_lockouts(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn consecutive_lockouts(&self) -> u32 {
        self.consecutive_lockouts
    }

    /// Whether the PIN (and password) must be reset before anything else.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::CredentialMeta;
    /// assert!(!CredentialMeta::default().credential_reset_required());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn credential_reset_required(&self) -> bool {
        self.credential_reset_required
    }
}

/// What the host found when it compared a PIN or password with its stored
/// hash.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::AttemptResult;
/// assert_eq!(serde_json::to_string(&AttemptResult::Mismatched)?, "\"mismatched\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AttemptResult {
    /// The credential matched.
    Matched,
    /// It did not.
    Mismatched,
}

crate::names::names!(as_str display from_str: account::AttemptResult as "attempt result" {
    Matched => "matched",
    Mismatched => "mismatched",
});

/// What recording an attempt did.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::{AccountError, AttemptOutcome};
/// let outcome = AttemptOutcome::Rejected { attempts_left: 2 };
/// assert_eq!(serde_json::to_string(&outcome)?, r#"{"outcome":"rejected","attempts_left":2}"#);
/// assert_eq!(outcome.into_result(), Err(AccountError::WrongCredential { attempts_left: 2 }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum AttemptOutcome {
    /// The credential matched; the failure counters were reset.
    Accepted,
    /// It did not match; the account is not locked yet.
    Rejected {
        /// Failures still allowed before the lock.
        attempts_left: u32,
    },
    /// It did not match and the account is now locked.
    LockedOut {
        /// When the lock ends.
        until: DateTime<Utc>,
    },
}

impl AttemptOutcome {
    /// `Ok(())` when accepted, otherwise the error to show:
    /// [`AccountError::WrongCredential`] or [`AccountError::AccountLocked`].
    ///
    /// # Errors
    ///
    /// As above.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::AttemptOutcome;
    /// assert!(AttemptOutcome::Accepted.into_result().is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_result(self) -> Result<(), AccountError> {
        match self {
            AttemptOutcome::Accepted => Ok(()),
            AttemptOutcome::Rejected { attempts_left } => {
                Err(AccountError::WrongCredential { attempts_left })
            }
            AttemptOutcome::LockedOut { until } => Err(AccountError::AccountLocked { until }),
        }
    }
}

/// A wallet account: identity, state, contacts, credential metadata, known
/// devices and bound cards. It holds no secret (see the
/// [module documentation](crate::account)), so its JSON form may be stored and
/// shown to agents as it is.
///
/// Every operation takes `now` and is all-or-nothing: an error leaves the
/// account exactly as it was. (Recording a *mismatched* attempt is not an
/// error: it returns `Ok(AttemptOutcome::Rejected …)` and counts the failure.)
///
/// Gates, strictest first:
///
/// - **closed**: nothing changes any more;
/// - **frozen**: only [`Account::unfreeze`] (and recording device sightings);
///   every outgoing payment is refused;
/// - **locked** (until the lock ends): attempts are refused; a credential
///   reset by one-time code is allowed and lifts the lock;
/// - **credential reset required** (after a freeze is lifted): only the
///   credential reset by one-time code.
///
/// # Examples
///
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use walletcare_core::account::*;
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let policy = CredentialPolicy::default();
/// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
/// account.set_pin("582914", now)?;
///
/// // The phone is stolen: freeze at once, every payment is refused.
/// account.report_stolen(now)?;
/// assert!(matches!(account.can_send_money(now), Err(AccountError::AccountFrozen { .. })));
///
/// // Identity verified: unfrozen, but the PIN must be reset first.
/// let checks = IdentityChecks { id_document: true, selfie: true, otp_or_security_questions: true };
/// account.unfreeze(checks, now + Duration::hours(2))?;
/// assert_eq!(account.can_send_money(now + Duration::hours(2)), Err(AccountError::CredentialResetRequired));
///
/// let later = now + Duration::hours(3);
/// let mut challenge = account.issue_challenge(ChallengePurpose::CredentialReset, ContactKind::Phone, "482913", &policy, later)?;
/// let mut proof = challenge.verify("482913", later)?;
/// account.complete_credential_reset(&mut proof, "730261", None, &policy, later)?;
/// assert!(account.can_send_money(later).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Account {
    id: AccountId,
    state: AccountState,
    verification: VerificationLevel,
    phone: PhoneNumber,
    #[serde(default)]
    email: Option<EmailAddress>,
    #[serde(default)]
    birth_date: Option<NaiveDate>,
    #[serde(default)]
    two_factor: bool,
    #[serde(default)]
    credentials: CredentialMeta,
    #[serde(default)]
    devices: Vec<KnownDevice>,
    #[serde(default)]
    cards: CardWallet,
}

impl Account {
    /// A new, active, unverified account with no credentials, devices or cards.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, AccountState, PhoneNumber, VerificationLevel};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert_eq!(account.state(), AccountState::Active);
    /// assert_eq!(account.verification(), VerificationLevel::Unverified);
    /// assert!(!account.credentials().pin_set());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(id: AccountId, phone: PhoneNumber) -> Account {
        Account {
            id,
            state: AccountState::Active,
            verification: VerificationLevel::Unverified,
            phone,
            email: None,
            birth_date: None,
            two_factor: false,
            credentials: CredentialMeta::default(),
            devices: Vec::new(),
            cards: CardWallet::default(),
        }
    }

    /// The id.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert_eq!(account.id().as_str(), "acc-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn id(&self) -> &AccountId {
        &self.id
    }

    /// The stored state (a lock may have expired since; see
    /// [`Account::state_at`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, AccountState, PhoneNumber};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert_eq!(account.state(), AccountState::Active);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn state(&self) -> AccountState {
        self.state
    }

    /// The state as it stands at `now` (an expired lock is active).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, AccountState, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert_eq!(account.state_at(now), AccountState::Active);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn state_at(&self, now: DateTime<Utc>) -> AccountState {
        self.state.at(now)
    }

    /// The KYC level.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber, VerificationLevel};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert_eq!(account.verification(), VerificationLevel::Unverified);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn verification(&self) -> VerificationLevel {
        self.verification
    }

    /// The phone number (the sign-in identity and the SMS channel).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert_eq!(account.phone().as_str(), "+6281234567890");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn phone(&self) -> &PhoneNumber {
        &self.phone
    }

    /// The email address, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert_eq!(account.email(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn email(&self) -> Option<&EmailAddress> {
        self.email.as_ref()
    }

    /// The date of birth, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert_eq!(account.birth_date(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn birth_date(&self) -> Option<NaiveDate> {
        self.birth_date
    }

    /// Whether two-factor verification is on.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert!(!account.two_factor_enabled());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn two_factor_enabled(&self) -> bool {
        self.two_factor
    }

    /// The credential metadata.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert_eq!(account.credentials().failed_attempts(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn credentials(&self) -> &CredentialMeta {
        &self.credentials
    }

    /// The known devices, in the order first seen.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert!(account.devices().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn devices(&self) -> &[KnownDevice] {
        &self.devices
    }

    /// The bound cards.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert!(account.cards().list().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn cards(&self) -> &CardWallet {
        &self.cards
    }

    /// What the credential policy checks new credentials against: the phone,
    /// the email and the date of birth.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert_eq!(account.credential_context().phone.as_ref(), Some(account.phone()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn credential_context(&self) -> CredentialContext {
        CredentialContext {
            phone: Some(self.phone.clone()),
            email: self.email.clone(),
            birth_date: self.birth_date,
        }
    }

    /// Refuses closed and frozen accounts (the gates a credential reset must
    /// pass).
    fn ensure_recoverable(&self, now: DateTime<Utc>) -> Result<(), AccountError> {
        match self.state.at(now) {
            AccountState::Closed => Err(AccountError::AccountClosed),
            AccountState::Frozen { reason, since } => {
                Err(AccountError::AccountFrozen { reason, since })
            }
            AccountState::Active | AccountState::Locked { .. } => Ok(()),
        }
    }

    /// Checks the account may be used normally at `now`: not closed, not
    /// frozen, not locked, and no credential reset pending.
    ///
    /// # Errors
    ///
    /// [`AccountError::AccountClosed`], [`AccountError::AccountFrozen`],
    /// [`AccountError::AccountLocked`] or
    /// [`AccountError::CredentialResetRequired`], in that order.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, FreezeReason, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert!(account.ensure_operational(now).is_ok());
    /// account.freeze(FreezeReason::UserRequest, now)?;
    /// assert!(account.ensure_operational(now).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ensure_operational(&self, now: DateTime<Utc>) -> Result<(), AccountError> {
        self.ensure_recoverable(now)?;
        if let AccountState::Locked { until } = self.state.at(now) {
            return Err(AccountError::AccountLocked { until });
        }
        if self.credentials.credential_reset_required {
            return Err(AccountError::CredentialResetRequired);
        }
        Ok(())
    }

    /// Whether the account may send money (pay, transfer, withdraw) at `now`.
    /// The ledger calls this before every outgoing movement. Incoming money
    /// (top-ups, refunds) is not gated here.
    ///
    /// # Errors
    ///
    /// As [`Account::ensure_operational`]: a frozen account never sends money.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountError, AccountId, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert!(account.can_send_money(now).is_ok());
    /// account.close(now)?;
    /// assert_eq!(account.can_send_money(now), Err(AccountError::AccountClosed));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn can_send_money(&self, now: DateTime<Utc>) -> Result<(), AccountError> {
        self.ensure_operational(now)
    }

    /// Applies a state event with its side effects: the same as calling
    /// [`Account::lock_until`], [`Account::unlock`], [`Account::freeze`],
    /// [`Account::unfreeze`] or [`Account::close`]. A reopen is always
    /// refused.
    ///
    /// # Errors
    ///
    /// Those of [`AccountState::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountEvent, AccountId, AccountState, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.apply(AccountEvent::Close, now)?;
    /// assert!(account.apply(AccountEvent::Reopen, now).is_err());
    /// assert_eq!(account.state(), AccountState::Closed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&mut self, event: AccountEvent, now: DateTime<Utc>) -> Result<(), AccountError> {
        match event {
            AccountEvent::Lock { until } => self.lock_until(until, now),
            AccountEvent::Unlock => self.unlock(now),
            AccountEvent::Freeze { reason } => self.freeze(reason, now),
            AccountEvent::Unfreeze { checks } => self.unfreeze(checks, now),
            AccountEvent::Close => self.close(now),
            AccountEvent::Reopen => self.state.apply(event, now).map(|_| ()),
        }
    }

    /// Locks the account until `until` (an agent's lock; failed attempts lock
    /// by themselves through [`Account::record_attempt`]).
    ///
    /// # Errors
    ///
    /// Those of [`AccountState::apply`] for [`AccountEvent::Lock`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, AccountState, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.lock_until(now + Duration::hours(1), now)?;
    /// assert_eq!(account.state(), AccountState::Locked { until: now + Duration::hours(1) });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lock_until(
        &mut self,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), AccountError> {
        self.state = self.state.apply(AccountEvent::Lock { until }, now)?;
        Ok(())
    }

    /// Ends a lock early (an agent, after verifying the caller) and clears
    /// the failed-attempt counter. The lockout count stays, so the next lock
    /// is still longer.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidAccountTransition`] unless locked at `now`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, AccountState, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.lock_until(now + Duration::hours(1), now)?;
    /// account.unlock(now)?;
    /// assert_eq!(account.state(), AccountState::Active);
    /// assert!(account.unlock(now).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unlock(&mut self, now: DateTime<Utc>) -> Result<(), AccountError> {
        self.state = self.state.apply(AccountEvent::Unlock, now)?;
        self.credentials.failed_attempts = 0;
        Ok(())
    }

    /// Freezes the account: every outgoing movement stops at once. Freezing a
    /// frozen account keeps the more serious reason and the original time.
    /// A [`FreezeReason::ReportedStolen`] freeze also marks every known device
    /// untrusted (the stolen phone is one of them).
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidAccountTransition`] if closed.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, AccountState, FreezeReason, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.freeze(FreezeReason::SuspectedFraud, now)?;
    /// assert_eq!(account.state(), AccountState::Frozen { reason: FreezeReason::SuspectedFraud, since: now });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn freeze(&mut self, reason: FreezeReason, now: DateTime<Utc>) -> Result<(), AccountError> {
        self.state = self.state.apply(AccountEvent::Freeze { reason }, now)?;
        if reason == FreezeReason::ReportedStolen {
            for device in &mut self.devices {
                device.trusted = false;
            }
        }
        Ok(())
    }

    /// "My phone (or account) was stolen": freezes at once with
    /// [`FreezeReason::ReportedStolen`] and untrusts every device. Works from
    /// any state but closed, including locked and already frozen.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidAccountTransition`] if closed.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountError, AccountId, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.report_stolen(now)?;
    /// assert!(matches!(account.can_send_money(now), Err(AccountError::AccountFrozen { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report_stolen(&mut self, now: DateTime<Utc>) -> Result<(), AccountError> {
        self.freeze(FreezeReason::ReportedStolen, now)
    }

    /// Lifts a freeze once every identity check has passed, and then requires
    /// a credential reset: whatever the reason for the freeze, the old PIN
    /// and password may be known to someone else, so every operation but the
    /// reset by one-time code is refused until it is done. The failure
    /// counters are cleared.
    ///
    /// # Errors
    ///
    /// [`AccountError::IdentityNotVerified`] listing the missing checks, or
    /// [`AccountError::InvalidAccountTransition`] if not frozen.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountError, AccountId, IdentityChecks, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.report_stolen(now)?;
    /// let partial = IdentityChecks { id_document: true, selfie: true, otp_or_security_questions: false };
    /// assert!(matches!(account.unfreeze(partial, now), Err(AccountError::IdentityNotVerified { .. })));
    /// account.unfreeze(IdentityChecks { otp_or_security_questions: true, ..partial }, now)?;
    /// assert!(account.credentials().credential_reset_required());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unfreeze(
        &mut self,
        checks: IdentityChecks,
        now: DateTime<Utc>,
    ) -> Result<(), AccountError> {
        self.state = self.state.apply(AccountEvent::Unfreeze { checks }, now)?;
        self.credentials.credential_reset_required = true;
        self.credentials.failed_attempts = 0;
        self.credentials.consecutive_lockouts = 0;
        Ok(())
    }

    /// Closes the account for good. A frozen account cannot be closed until
    /// the freeze is resolved.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidAccountTransition`] if frozen or closed.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, AccountState, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.close(now)?;
    /// assert_eq!(account.state(), AccountState::Closed);
    /// assert!(account.close(now).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn close(&mut self, now: DateTime<Utc>) -> Result<(), AccountError> {
        self.state = self.state.apply(AccountEvent::Close, now)?;
        Ok(())
    }

    /// Records the result of a PIN or password attempt the host checked.
    ///
    /// A match resets the failure and lockout counters. A mismatch counts one
    /// failure; the `max_failed_attempts`-th failure in a row locks the
    /// account for [`CredentialPolicy::lock_minutes_after`] the number of
    /// earlier lockouts, and resets the failure counter for after the lock.
    ///
    /// # Errors
    ///
    /// The attempt is refused, and nothing is counted, when the account is
    /// closed, frozen, locked ([`AccountError::AccountLocked`] with the end of
    /// the lock) or needs a credential reset; [`AccountError::TimeOutOfRange`]
    /// if the lock end cannot be computed.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::account::*;
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let policy = CredentialPolicy { max_failed_attempts: 2, ..CredentialPolicy::default() };
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert_eq!(account.record_attempt(AttemptResult::Mismatched, &policy, now)?, AttemptOutcome::Rejected { attempts_left: 1 });
    /// let until = now + Duration::minutes(30);
    /// assert_eq!(account.record_attempt(AttemptResult::Mismatched, &policy, now)?, AttemptOutcome::LockedOut { until });
    /// assert_eq!(account.record_attempt(AttemptResult::Matched, &policy, now), Err(AccountError::AccountLocked { until }));
    /// assert_eq!(account.record_attempt(AttemptResult::Matched, &policy, until)?, AttemptOutcome::Accepted);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_attempt(
        &mut self,
        result: AttemptResult,
        policy: &CredentialPolicy,
        now: DateTime<Utc>,
    ) -> Result<AttemptOutcome, AccountError> {
        self.ensure_operational(now)?;
        match result {
            AttemptResult::Matched => {
                self.state = self.state.at(now);
                self.credentials.failed_attempts = 0;
                self.credentials.consecutive_lockouts = 0;
                Ok(AttemptOutcome::Accepted)
            }
            AttemptResult::Mismatched => {
                let failures = self.credentials.failed_attempts.saturating_add(1);
                let max = policy.max_failed_attempts.max(1);
                if failures < max {
                    self.credentials.failed_attempts = failures;
                    return Ok(AttemptOutcome::Rejected {
                        attempts_left: max.saturating_sub(failures),
                    });
                }
                let minutes = policy.lock_minutes_after(self.credentials.consecutive_lockouts);
                let until = add_seconds(now, u64::from(minutes).saturating_mul(60), "lock end")?;
                let state = self.state.apply(AccountEvent::Lock { until }, now)?;
                self.state = state;
                self.credentials.failed_attempts = 0;
                self.credentials.consecutive_lockouts =
                    self.credentials.consecutive_lockouts.saturating_add(1);
                Ok(AttemptOutcome::LockedOut { until })
            }
        }
    }

    /// Records a new PIN that passed [`check_pin`] against this account's
    /// data. The host verified the old PIN (if any) and stores the new one's
    /// hash; the core records when it changed.
    ///
    /// # Errors
    ///
    /// [`AccountError::WeakPin`] with every violation, or the gates of
    /// [`Account::ensure_operational`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountError, AccountId, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert!(matches!(account.set_pin("567890", now), Err(AccountError::WeakPin(_))));
    /// account.set_pin("582914", now)?;
    /// assert_eq!(account.credentials().pin_changed_at(), Some(now));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_pin(&mut self, pin: &str, now: DateTime<Utc>) -> Result<(), AccountError> {
        self.ensure_operational(now)?;
        check_pin(pin, &self.credential_context())?;
        self.credentials.pin_changed_at = Some(now);
        Ok(())
    }

    /// Records a new password that passed [`check_password`] against the
    /// policy and this account's data (see [`Account::set_pin`] for the split
    /// of work with the host).
    ///
    /// # Errors
    ///
    /// [`AccountError::WeakPassword`] with every violation, or the gates of
    /// [`Account::ensure_operational`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, CredentialPolicy, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.set_password("Kopi tubruk 3 gelas", &CredentialPolicy::default(), now)?;
    /// assert!(account.credentials().password_set());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_password(
        &mut self,
        password: &str,
        policy: &CredentialPolicy,
        now: DateTime<Utc>,
    ) -> Result<(), AccountError> {
        self.ensure_operational(now)?;
        check_password(password, policy, &self.credential_context())?;
        self.credentials.password_changed_at = Some(now);
        Ok(())
    }

    /// Sets or removes the email address.
    ///
    /// # Errors
    ///
    /// The gates of [`Account::ensure_operational`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, EmailAddress, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.set_email(Some(EmailAddress::parse("budi@gmail.com")?), now)?;
    /// assert_eq!(account.email().map(|e| e.as_str()), Some("budi@gmail.com"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_email(
        &mut self,
        email: Option<EmailAddress>,
        now: DateTime<Utc>,
    ) -> Result<(), AccountError> {
        self.ensure_operational(now)?;
        self.email = email;
        Ok(())
    }

    /// Sets or removes the date of birth (used to refuse PINs and passwords
    /// built from it).
    ///
    /// # Errors
    ///
    /// The gates of [`Account::ensure_operational`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.set_birth_date(NaiveDate::from_ymd_opt(1990, 8, 17), now)?;
    /// assert!(account.set_pin("170890", now).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_birth_date(
        &mut self,
        birth_date: Option<NaiveDate>,
        now: DateTime<Utc>,
    ) -> Result<(), AccountError> {
        self.ensure_operational(now)?;
        self.birth_date = birth_date;
        Ok(())
    }

    /// Records the KYC level the host's identity verification reached. Allowed
    /// in every state but closed (verification is how a frozen account gets
    /// its identity checks).
    ///
    /// # Errors
    ///
    /// [`AccountError::AccountClosed`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber, VerificationLevel};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.set_verification(VerificationLevel::Verified, now)?;
    /// assert_eq!(account.verification(), VerificationLevel::Verified);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_verification(
        &mut self,
        level: VerificationLevel,
        now: DateTime<Utc>,
    ) -> Result<(), AccountError> {
        if self.state.at(now) == AccountState::Closed {
            return Err(AccountError::AccountClosed);
        }
        self.verification = level;
        Ok(())
    }

    /// Starts a one-time-code challenge to a contact **on file** (never to an
    /// address the caller supplies): the phone, or the email if the account
    /// has one. The host generated `code` and delivers it.
    ///
    /// A credential reset may be started while locked or while a reset is
    /// required (that is its point), but not while frozen or closed; turning
    /// two-factor off needs an operational account.
    ///
    /// # Errors
    ///
    /// The state gates above; [`AccountError::InvalidContact`] with
    /// [`ContactProblem::NotOnFile`] for email when there is none; those of
    /// [`ResetChallenge::new`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::*;
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// let policy = CredentialPolicy::default();
    /// let challenge = account.issue_challenge(ChallengePurpose::CredentialReset, ContactKind::Phone, "482913", &policy, now)?;
    /// assert_eq!(challenge.masked_destination(), "+62 812-****-7890");
    /// assert!(account.issue_challenge(ChallengePurpose::CredentialReset, ContactKind::Email, "482913", &policy, now).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue_challenge(
        &self,
        purpose: ChallengePurpose,
        channel: ContactKind,
        code: &str,
        policy: &CredentialPolicy,
        now: DateTime<Utc>,
    ) -> Result<ResetChallenge, AccountError> {
        match purpose {
            ChallengePurpose::CredentialReset => self.ensure_recoverable(now)?,
            ChallengePurpose::DisableTwoFactor => self.ensure_operational(now)?,
        }
        let destination = match channel {
            ContactKind::Phone => Contact::Phone(self.phone.clone()),
            ContactKind::Email => {
                Contact::Email(self.email.clone().ok_or(AccountError::InvalidContact {
                    kind: ContactKind::Email,
                    problem: ContactProblem::NotOnFile,
                })?)
            }
        };
        ResetChallenge::new(self.id.clone(), purpose, destination, code, policy, now)
    }

    /// Completes a credential reset with a verified one-time code: records a
    /// new PIN (and a new password if given), clears
    /// `credential_reset_required` and the failure counters, and lifts a lock
    /// (the user proved they hold the phone or mailbox on file).
    ///
    /// If a reset is required and the account has a password, a new password
    /// must be given too: both may be known to whoever stole the phone.
    ///
    /// The proof is marked spent only on success, so a refused PIN does not
    /// cost the user a new code.
    ///
    /// # Errors
    ///
    /// [`AccountError::AccountClosed`], [`AccountError::AccountFrozen`]; for
    /// the proof [`AccountError::CodeExhausted`] (spent),
    /// [`AccountError::ProofMismatch`] (other account or purpose),
    /// [`AccountError::CodeExpired`] (older than
    /// `verified_code_max_age_seconds`);
    /// [`AccountError::CredentialResetRequired`] if a required password is
    /// missing; [`AccountError::WeakPin`] / [`AccountError::WeakPassword`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::*;
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let policy = CredentialPolicy::default();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// let mut challenge = account.issue_challenge(ChallengePurpose::CredentialReset, ContactKind::Phone, "482913", &policy, now)?;
    /// let mut proof = challenge.verify("482913", now)?;
    /// assert!(account.complete_credential_reset(&mut proof, "123456", None, &policy, now).is_err());
    /// assert!(!proof.is_spent());
    /// account.complete_credential_reset(&mut proof, "730261", None, &policy, now)?;
    /// assert!(proof.is_spent());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn complete_credential_reset(
        &mut self,
        proof: &mut VerifiedCode,
        new_pin: &str,
        new_password: Option<&str>,
        policy: &CredentialPolicy,
        now: DateTime<Utc>,
    ) -> Result<(), AccountError> {
        self.ensure_recoverable(now)?;
        proof.check(&self.id, ChallengePurpose::CredentialReset, policy, now)?;
        if self.credentials.credential_reset_required
            && self.credentials.password_set()
            && new_password.is_none()
        {
            return Err(AccountError::CredentialResetRequired);
        }
        let ctx = self.credential_context();
        check_pin(new_pin, &ctx)?;
        if let Some(password) = new_password {
            check_password(password, policy, &ctx)?;
        }
        proof.spend();
        self.credentials.pin_changed_at = Some(now);
        if new_password.is_some() {
            self.credentials.password_changed_at = Some(now);
        }
        self.credentials.credential_reset_required = false;
        self.credentials.failed_attempts = 0;
        self.credentials.consecutive_lockouts = 0;
        if let AccountState::Locked { .. } = self.state {
            self.state = AccountState::Active;
        }
        Ok(())
    }

    /// Turns two-factor verification on (idempotent).
    ///
    /// # Errors
    ///
    /// The gates of [`Account::ensure_operational`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.enable_two_factor(now)?;
    /// assert!(account.two_factor_enabled());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn enable_two_factor(&mut self, now: DateTime<Utc>) -> Result<(), AccountError> {
        self.ensure_operational(now)?;
        self.two_factor = true;
        Ok(())
    }

    /// Turns two-factor verification off. This weakens the account, so it
    /// needs a **fresh** one-time code: a [`VerifiedCode`] issued for
    /// [`ChallengePurpose::DisableTwoFactor`] on this account, verified at
    /// most `verified_code_max_age_seconds` ago, and not spent. Someone
    /// holding an unlocked phone for a minute cannot turn it off without
    /// also reading the code.
    ///
    /// # Errors
    ///
    /// The gates of [`Account::ensure_operational`]; the proof errors listed
    /// for [`Account::complete_credential_reset`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::account::*;
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let policy = CredentialPolicy::default();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.enable_two_factor(now)?;
    /// let mut challenge = account.issue_challenge(ChallengePurpose::DisableTwoFactor, ContactKind::Phone, "482913", &policy, now)?;
    /// let mut proof = challenge.verify("482913", now)?;
    /// let too_late = now + Duration::minutes(6);
    /// assert!(matches!(account.disable_two_factor(&mut proof, &policy, too_late), Err(AccountError::CodeExpired { .. })));
    /// account.disable_two_factor(&mut proof, &policy, now + Duration::minutes(1))?;
    /// assert!(!account.two_factor_enabled());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn disable_two_factor(
        &mut self,
        proof: &mut VerifiedCode,
        policy: &CredentialPolicy,
        now: DateTime<Utc>,
    ) -> Result<(), AccountError> {
        self.ensure_operational(now)?;
        proof.check(&self.id, ChallengePurpose::DisableTwoFactor, policy, now)?;
        proof.spend();
        self.two_factor = false;
        Ok(())
    }

    /// Records that the account was used from a device: a new device is
    /// remembered, untrusted; a known one gets its label and last-seen time
    /// updated. Returns whether the device is new. Allowed in every state but
    /// closed (sightings during a freeze are evidence).
    ///
    /// # Errors
    ///
    /// [`AccountError::AccountClosed`]; [`AccountError::InvalidIdentifier`]
    /// for a bad label; [`AccountError::DeviceLimitReached`] for a new device
    /// when [`MAX_KNOWN_DEVICES`] are known.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, DeviceId, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert!(account.record_device(DeviceId::new("d1")?, "Oppo A57", now)?);
    /// assert!(!account.record_device(DeviceId::new("d1")?, "Oppo A57", now)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_device(
        &mut self,
        id: DeviceId,
        label: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, AccountError> {
        if self.state.at(now) == AccountState::Closed {
            return Err(AccountError::AccountClosed);
        }
        let label = normalise_label(label)?;
        if let Some(device) = self.devices.iter_mut().find(|d| d.id == id) {
            device.label = label;
            device.last_seen = device.last_seen.max(now);
            return Ok(false);
        }
        if u32::try_from(self.devices.len()).map_or(true, |n| n >= MAX_KNOWN_DEVICES) {
            return Err(AccountError::DeviceLimitReached {
                max: MAX_KNOWN_DEVICES,
            });
        }
        self.devices.push(KnownDevice {
            id,
            label,
            trusted: false,
            first_seen: now,
            last_seen: now,
        });
        Ok(true)
    }

    /// Marks a known device trusted or not.
    ///
    /// # Errors
    ///
    /// The gates of [`Account::ensure_operational`];
    /// [`AccountError::DeviceNotFound`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, DeviceId, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert!(account.set_device_trusted(&DeviceId::new("nope")?, true, now).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_device_trusted(
        &mut self,
        id: &DeviceId,
        trusted: bool,
        now: DateTime<Utc>,
    ) -> Result<(), AccountError> {
        self.ensure_operational(now)?;
        let device = self
            .devices
            .iter_mut()
            .find(|d| &d.id == id)
            .ok_or_else(|| AccountError::DeviceNotFound { id: id.clone() })?;
        device.trusted = trusted;
        Ok(())
    }

    /// Forgets a device (the user does not recognise it, or sold it).
    ///
    /// # Errors
    ///
    /// The gates of [`Account::ensure_operational`];
    /// [`AccountError::DeviceNotFound`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, DeviceId, PhoneNumber};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// let id = DeviceId::new("d1")?;
    /// account.record_device(id.clone(), "Vivo Y21", now)?;
    /// account.forget_device(&id, now)?;
    /// assert!(account.devices().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn forget_device(&mut self, id: &DeviceId, now: DateTime<Utc>) -> Result<(), AccountError> {
        self.ensure_operational(now)?;
        let before = self.devices.len();
        self.devices.retain(|d| &d.id != id);
        if self.devices.len() == before {
            return Err(AccountError::DeviceNotFound { id: id.clone() });
        }
        Ok(())
    }

    /// Binds a validated card (see [`CardWallet::bind`]) if the account is
    /// operational.
    ///
    /// # Errors
    ///
    /// [`CardError::Account`] with the gate of
    /// [`Account::ensure_operational`]; those of [`CardWallet::bind`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// use walletcare_core::card::{validate, CardFingerprint, CardInput, CardPolicy};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// let input = CardInput { number: "4111 1111 1111 1111".into(), holder_name: "Budi Santoso".into(), expiry: "12/30".into(), cvv: "123".into() };
    /// let card = validate(input, now)?;
    /// let id = account.bind_card(card, CardFingerprint::new("fp_8f14e45fceea167a")?, &CardPolicy::default(), now)?;
    /// assert_eq!(account.cards().get(id).map(|c| c.card().masked_number().as_str()), Some("411111******1111"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bind_card(
        &mut self,
        card: ValidatedCard,
        fingerprint: CardFingerprint,
        policy: &CardPolicy,
        now: DateTime<Utc>,
    ) -> Result<CardId, CardError> {
        self.ensure_operational(now)?;
        self.cards.bind(card, fingerprint, policy, now)
    }

    /// Replaces a bound card with another in one step (see
    /// [`CardWallet::replace`]) if the account is operational.
    ///
    /// # Errors
    ///
    /// [`CardError::Account`] with the gate of
    /// [`Account::ensure_operational`]; those of [`CardWallet::replace`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// use walletcare_core::card::{validate, CardFingerprint, CardInput, CardPolicy};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// let input = |n: &str| CardInput { number: n.into(), holder_name: "Budi".into(), expiry: "12/30".into(), cvv: "123".into() };
    /// let old = account.bind_card(validate(input("4111111111111111"), now)?, CardFingerprint::new("fp_visa_0001")?, &CardPolicy::default(), now)?;
    /// let new = account.replace_card(old, validate(input("5555555555554444"), now)?, CardFingerprint::new("fp_mc_0002")?, now)?;
    /// assert_eq!(account.cards().list().len(), 1);
    /// assert!(account.cards().get(new).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replace_card(
        &mut self,
        old: CardId,
        card: ValidatedCard,
        fingerprint: CardFingerprint,
        now: DateTime<Utc>,
    ) -> Result<CardId, CardError> {
        self.ensure_operational(now)?;
        self.cards.replace(old, card, fingerprint, now)
    }

    /// Removes a bound card if the account is operational, and returns it.
    ///
    /// # Errors
    ///
    /// [`CardError::Account`] with the gate of
    /// [`Account::ensure_operational`]; [`CardError::NotFound`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{Account, AccountId, PhoneNumber};
    /// use walletcare_core::card::CardId;
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// assert!(account.remove_card(CardId::new(1), now).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remove_card(&mut self, id: CardId, now: DateTime<Utc>) -> Result<BoundCard, CardError> {
        self.ensure_operational(now)?;
        self.cards.remove(id)
    }
}

crate::error::coded_from_string!(AccountId => AccountError);

/// An account kept as a [`Versioned`](crate::versioned::Versioned) stream:
/// the command is an [`AccountEvent`](super::AccountEvent), the outcome the
/// state after it.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::account::{
///     Account, AccountEvent, AccountId, AccountState, FreezeReason, PhoneNumber,
/// };
/// use walletcare_core::versioned::Versioned;
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
/// let phone = PhoneNumber::parse("0812-3456-7890")?;
/// let mut account = Versioned::new(Account::new(AccountId::new("acc-1")?, phone));
/// let done = account.execute(None, "ops-1", AccountEvent::Freeze { reason: FreezeReason::SuspectedFraud }, now)?;
/// assert!(matches!(done.outcome, AccountState::Frozen { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl crate::versioned::Aggregate for Account {
    type Command = super::AccountEvent;
    type Outcome = AccountState;
    type Error = AccountError;

    fn handle(
        &mut self,
        command: &super::AccountEvent,
        at: DateTime<Utc>,
    ) -> Result<AccountState, AccountError> {
        self.apply(*command, at)?;
        Ok(self.state())
    }
}
