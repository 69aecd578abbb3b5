//! Accounts: state, credential policy, failed-attempt lockout, reset by
//! one-time code, theft freeze, two-factor and the security check-up.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
#[serde(rename_all = "snake_case")]
pub enum VerificationLevel {
    /// Phone number only.
    Unverified,
    /// Identity document (KTP/passport) and selfie verified.
    Verified,
}
