//! One persistence model for every stateful aggregate (account, ledger,
//! refund book, ticket): a version that grows by one with each accepted
//! change, each change a serialisable event to append and replay, a
//! snapshot to load fast, optimistic concurrency and idempotency by key.
//!
//! An [`Aggregate`] says which commands it takes and what they answer;
//! [`Versioned`] wraps any of them and does the rest. The core stays pure:
//! the host stores, the core decides.
//!
//! # How a host stores it
//!
//! - `events(aggregate_id, version, event_json, PRIMARY KEY(aggregate_id,
//!   version))`: append each [`Change`] that [`Versioned::execute`] returns.
//!   The primary key is the optimistic lock: two writers that both read
//!   version 6 both try to insert version 7, and the second insert fails;
//!   that writer reloads and calls again (its retry with the same key then
//!   returns the first answer if the first writer was itself).
//! - `snapshots(aggregate_id, version, json)`: from time to time the
//!   serialised [`Versioned`]; load it and [`Versioned::replay`] the events
//!   after its version.
//! - Callers that send `expected_version` get [`ErrorCode::VersionConflict`]
//!   (kind `conflict`, HTTP 409) when it is stale.
//! - Every command carries a caller key. The same key with the same command
//!   returns the recorded outcome and appends nothing, whatever the version
//!   is now (a retried refund approve answers as the first one did, not
//!   `refund.invalid_transition`); the same key with another command is
//!   [`ErrorCode::ChangeKeyConflict`].
//!
//! Replaying a change runs its command again on the state; the core is
//! deterministic (every command carries its own time), so the state after
//! replay is the state that was stored.
//!
//! # Examples
//!
//! ```
//! use chrono::{Duration, TimeZone, Utc};
//! use walletcare_core::error::ErrorCode;
//! use walletcare_core::money::{Currency, Money};
//! use walletcare_core::refund::*;
//! use walletcare_core::versioned::{Change, Versioned};
//!
//! let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
//! let payment = CapturedPayment {
//!     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
//!     amount: Money::new(10_000_000, Currency::Idr), paid_at,
//!     method: RefundDestination::WalletBalance,
//! };
//! let book = RefundBook::new(payment, RefundPolicy::default())?;
//! let mut stored = Versioned::new(book.clone()); // the snapshot at version 0
//! let mut live = Versioned::new(book);
//! let now = paid_at + Duration::hours(1);
//!
//! let request = live.state().request(RefundAmount::Full, RefundReason::Duplicate, None)?;
//! let submit = RefundCommand::Submit { key: "k1".parse()?, request };
//! let done = live.execute(Some(0), "req-1", submit, now)?;
//! assert_eq!(live.version(), 1);
//! let change: Change<RefundCommand> = done.change.ok_or("no change")?;
//! let approve = RefundCommand::Apply { id: RefundId::new(1), action: RefundAction::StartReview };
//! live.execute(Some(1), "req-2", approve.clone(), now)?;
//! // A retry of the same call: same answer, nothing appended.
//! let again = live.execute(Some(1), "req-2", approve.clone(), now)?;
//! assert!(again.replayed && again.change.is_none());
//! // A stale writer: a typed conflict.
//! let err = live.execute(Some(1), "req-3", approve, now).unwrap_err();
//! assert_eq!(err.code, ErrorCode::VersionConflict);
//!
//! // Another instance replays the stored events onto its snapshot.
//! stored.replay(&change)?;
//! assert_eq!(stored.version(), 1);
//! assert_eq!(stored.state().refunds().len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorCode, HasErrorCode};

/// Longest caller key accepted, in bytes.
pub const MAX_KEY_LEN: usize = 128;

/// A stateful object that changes only through commands.
///
/// # Examples
///
/// ```
/// use walletcare_core::versioned::Aggregate;
/// use walletcare_core::refund::{RefundBook, RefundCommand};
/// fn takes<A: Aggregate>() {}
/// takes::<RefundBook>();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Aggregate: Clone + Serialize + DeserializeOwned {
    /// What a caller asks of it; stored as the event of an accepted change.
    type Command: Clone + PartialEq + Serialize + DeserializeOwned;
    /// What an accepted command answers.
    type Outcome: Clone + Serialize + DeserializeOwned;
    /// Why a command is refused.
    type Error: HasErrorCode;

    /// Runs a command at `at`. On error nothing changes.
    ///
    /// # Errors
    ///
    /// The aggregate's typed reason the command is refused.
    fn handle(
        &mut self,
        command: &Self::Command,
        at: DateTime<Utc>,
    ) -> Result<Self::Outcome, Self::Error>;
}

/// One accepted change: the event a host appends to its `events` table.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::ticket::Action;
/// use walletcare_core::versioned::Change;
///
/// let change = Change { version: 3, key: "req-9".into(), at: Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap(), command: Action::Resolve };
/// let json = serde_json::to_string(&change)?;
/// assert_eq!(json, r#"{"version":3,"key":"req-9","at":"2026-11-21T03:00:00Z","command":{"kind":"resolve"}}"#);
/// assert_eq!(serde_json::from_str::<Change<Action>>(&json)?, change);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change<C> {
    /// The version this change made (the first change makes version 1).
    pub version: u64,
    /// The caller's idempotency key.
    pub key: String,
    /// When (the caller's `now`).
    pub at: DateTime<Utc>,
    /// The command that was accepted.
    pub command: C,
}

/// The answer of [`Versioned::execute`].
///
/// # Examples
///
/// See the [module documentation](self).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Executed<C, O> {
    /// What the command answered (the recorded answer for a retry).
    pub outcome: O,
    /// The version after the call.
    pub version: u64,
    /// The change to append; `None` when the key had been used before.
    pub change: Option<Change<C>>,
    /// Whether this was a retry of an earlier call with the same key.
    pub replayed: bool,
}

/// A command accepted under a key, with its answer: kept so a retry gets
/// the same answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Applied<C, O> {
    key: String,
    command: C,
    outcome: O,
}

/// An aggregate with its version and the keys it has accepted. Its JSON form
/// is the snapshot.
///
/// # Examples
///
/// See the [module documentation](self).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(bound = "A: Aggregate", deny_unknown_fields)]
pub struct Versioned<A: Aggregate> {
    version: u64,
    state: A,
    applied: Vec<Applied<A::Command, A::Outcome>>,
}

impl<A: Aggregate> Versioned<A> {
    /// A new stream at version 0 (the snapshot a host stores on creation).
    ///
    /// # Examples
    ///
    /// See the [module documentation](self).
    pub fn new(state: A) -> Self {
        Versioned {
            version: 0,
            state,
            applied: Vec::new(),
        }
    }

    /// The number of changes accepted since creation.
    ///
    /// # Examples
    ///
    /// See the [module documentation](self).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The aggregate as of [`Versioned::version`].
    ///
    /// # Examples
    ///
    /// See the [module documentation](self).
    pub fn state(&self) -> &A {
        &self.state
    }

    /// Runs `command` under the caller's `key`.
    ///
    /// A key used before returns the recorded outcome if the command is the
    /// same (`replayed`, no change), whatever the version now. Otherwise
    /// `expected_version`, when given, must be the current version; the
    /// command then runs and, if accepted, the version grows by one and the
    /// change to append is returned.
    ///
    /// # Errors
    ///
    /// [`ErrorCode::ChangeKeyConflict`] for a key reused with another command,
    /// [`ErrorCode::VersionConflict`] for a stale `expected_version`,
    /// [`ErrorCode::InvalidArgument`] for an empty or too long key, and the
    /// aggregate's own error, converted. On error nothing changes.
    ///
    /// # Examples
    ///
    /// See the [module documentation](self).
    pub fn execute(
        &mut self,
        expected_version: Option<u64>,
        key: &str,
        command: A::Command,
        at: DateTime<Utc>,
    ) -> Result<Executed<A::Command, A::Outcome>, Error> {
        if key.is_empty() || key.len() > MAX_KEY_LEN {
            return Err(Error::new(
                ErrorCode::InvalidArgument,
                format!("the idempotency key must be 1 to {MAX_KEY_LEN} bytes long"),
            ));
        }
        if let Some(earlier) = self.applied.iter().find(|a| a.key == key) {
            return if earlier.command == command {
                Ok(Executed {
                    outcome: earlier.outcome.clone(),
                    version: self.version,
                    change: None,
                    replayed: true,
                })
            } else {
                Err(Error::new(
                    ErrorCode::ChangeKeyConflict,
                    format!("the key {key:?} was already used for another request; use a new key for a new request"),
                )
                .with_details(serde_json::json!({ "key": key })))
            };
        }
        if let Some(expected) = expected_version {
            if expected != self.version {
                return Err(Error::new(
                    ErrorCode::VersionConflict,
                    format!(
                        "the record changed since it was read (version {expected}, now {}); reload it and try again",
                        self.version
                    ),
                )
                .with_details(serde_json::json!({ "expected": expected, "actual": self.version })));
            }
        }
        let outcome = self.state.handle(&command, at).map_err(Error::from)?;
        self.version = self.version.saturating_add(1);
        self.applied.push(Applied {
            key: key.to_owned(),
            command: command.clone(),
            outcome: outcome.clone(),
        });
        Ok(Executed {
            outcome,
            version: self.version,
            change: Some(Change {
                version: self.version,
                key: key.to_owned(),
                at,
                command,
            }),
            replayed: false,
        })
    }

    /// Applies a stored change (from the `events` table, in version order).
    ///
    /// # Errors
    ///
    /// [`ErrorCode::VersionConflict`] if the change is not the next version;
    /// the aggregate's error if the command no longer applies (a corrupted
    /// or reordered history).
    ///
    /// # Examples
    ///
    /// See the [module documentation](self).
    pub fn replay(&mut self, change: &Change<A::Command>) -> Result<(), Error> {
        let next = self.version.saturating_add(1);
        if change.version != next {
            return Err(Error::new(
                ErrorCode::VersionConflict,
                format!(
                    "stored change has version {}, expected {next}",
                    change.version
                ),
            ));
        }
        let done = self.execute(None, &change.key, change.command.clone(), change.at)?;
        if done.replayed {
            return Err(Error::new(
                ErrorCode::ChangeKeyConflict,
                format!(
                    "stored change {} reuses key {:?}",
                    change.version, change.key
                ),
            ));
        }
        Ok(())
    }
}
