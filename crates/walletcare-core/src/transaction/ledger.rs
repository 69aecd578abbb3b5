//! The wallet ledger: the balance of one account, idempotent requests,
//! limits, refunds and reversals.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize, Serializer};

use super::text::{local_date, plain_amount, zone_name};
use super::{
    FailureReason, IdempotencyKey, LimitKind, Transaction, TransactionError, TransactionId,
    TransactionKind, check_positive,
};
use crate::account::{AccountState, VerificationLevel};
use crate::error::ErrorCode;
use crate::money::{Currency, Money};

// ---------------------------------------------------------------------------
// Limits and configuration
// ---------------------------------------------------------------------------

/// The limits of one verification level.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::VerificationLevel;
/// use walletcare_core::transaction::LimitPolicy;
///
/// let tier = *LimitPolicy::bank_indonesia().for_level(VerificationLevel::Unverified);
/// assert_eq!(tier.max_balance.minor(), 200_000_000); // Rp 2.000.000
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TierLimits {
    /// The most the wallet may hold; top-ups beyond it are declined.
    pub max_balance: Money,
    /// The most that may leave the wallet (payments, transfers,
    /// withdrawals) in one local day.
    pub daily_outgoing: Money,
    /// The most that may enter the wallet by top-ups in one local month.
    pub monthly_incoming: Money,
}

/// Limits by [`VerificationLevel`].
///
/// [`LimitPolicy::bank_indonesia`] (the default) holds the rupiah limits of
/// Bank Indonesia's e-money rules: PBI 20/6/PBI/2018 set a maximum balance of
/// Rp 2.000.000 for unregistered e-money and a monthly incoming limit of
/// Rp 20.000.000; for registered (verified) e-money Bank Indonesia raised the
/// maximum balance to Rp 20.000.000 and the monthly incoming limit to
/// Rp 40.000.000 from 1 July 2022. The daily outgoing limits are walletcare's
/// own configurable defaults, not regulation: Rp 1.000.000 unverified and
/// Rp 10.000.000 verified, half the balance cap, so a stolen unlocked phone
/// cannot empty a full wallet in one day.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::VerificationLevel;
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::LimitPolicy;
///
/// let policy = LimitPolicy::default();
/// let verified = policy.for_level(VerificationLevel::Verified);
/// assert_eq!(verified.max_balance, Money::from_major(20_000_000, Currency::Idr)?);
/// assert_eq!(verified.monthly_incoming, Money::from_major(40_000_000, Currency::Idr)?);
/// assert_eq!(verified.daily_outgoing, Money::from_major(10_000_000, Currency::Idr)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct LimitPolicy {
    /// Limits for accounts verified by phone number only.
    pub unverified: TierLimits,
    /// Limits for accounts with verified identity.
    pub verified: TierLimits,
}

const fn rupiah(major: i64) -> Money {
    // Exponent 2: one rupiah is 100 minor units. Constants only, no overflow.
    Money::new(major * 100, Currency::Idr)
}

impl LimitPolicy {
    /// Bank Indonesia's e-money limits, in rupiah (see the type's docs).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::LimitPolicy;
    /// let unverified = LimitPolicy::bank_indonesia().unverified;
    /// assert_eq!(unverified.monthly_incoming, Money::from_major(20_000_000, Currency::Idr)?);
    /// assert_eq!(unverified.daily_outgoing, Money::from_major(1_000_000, Currency::Idr)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn bank_indonesia() -> Self {
        LimitPolicy {
            unverified: TierLimits {
                max_balance: rupiah(2_000_000),
                daily_outgoing: rupiah(1_000_000),
                monthly_incoming: rupiah(20_000_000),
            },
            verified: TierLimits {
                max_balance: rupiah(20_000_000),
                daily_outgoing: rupiah(10_000_000),
                monthly_incoming: rupiah(40_000_000),
            },
        }
    }

    /// No effective limits (every limit is the largest amount), for
    /// currencies without e-money rules or for tests.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::Currency;
    /// use walletcare_core::transaction::LimitPolicy;
    /// assert_eq!(LimitPolicy::unlimited(Currency::Usd).verified.max_balance.minor(), i64::MAX);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn unlimited(currency: Currency) -> Self {
        let max = Money::new(i64::MAX, currency);
        let tier = TierLimits {
            max_balance: max,
            daily_outgoing: max,
            monthly_incoming: max,
        };
        LimitPolicy {
            unverified: tier,
            verified: tier,
        }
    }

    /// The limits for a verification level.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::transaction::LimitPolicy;
    /// let policy = LimitPolicy::default();
    /// assert_eq!(policy.for_level(VerificationLevel::Verified), &policy.verified);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn for_level(&self, level: VerificationLevel) -> &TierLimits {
        match level {
            VerificationLevel::Unverified => &self.unverified,
            VerificationLevel::Verified => &self.verified,
        }
    }

    fn validate(&self, currency: Currency) -> Result<(), TransactionError> {
        for tier in [&self.unverified, &self.verified] {
            for limit in [tier.max_balance, tier.daily_outgoing, tier.monthly_incoming] {
                if limit.currency() != currency {
                    return Err(TransactionError::InvalidConfig {
                        problem: "every limit must be in the ledger's currency",
                    });
                }
                if limit.is_negative() {
                    return Err(TransactionError::InvalidConfig {
                        problem: "limits must not be negative",
                    });
                }
            }
        }
        Ok(())
    }
}

impl Default for LimitPolicy {
    fn default() -> Self {
        LimitPolicy::bank_indonesia()
    }
}

/// How a [`Ledger`] is set up.
///
/// The JSON form names the zone by its IANA name:
/// `{"currency":"IDR","limits":{...},"zone":"Asia/Jakarta","max_retained":10000}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::Currency;
/// use walletcare_core::transaction::{LedgerConfig, LimitPolicy};
///
/// let config = LedgerConfig::default();
/// assert_eq!(config.zone, chrono_tz::Asia::Jakarta);
/// assert_eq!(config.max_retained, 10_000);
///
/// let usd = LedgerConfig {
///     currency: Currency::Usd,
///     limits: LimitPolicy::unlimited(Currency::Usd),
///     zone: chrono_tz::Asia::Singapore,
///     max_retained: 500,
/// };
/// let json = serde_json::to_string(&usd)?;
/// assert!(json.contains(r#""zone":"Asia/Singapore""#));
/// assert_eq!(serde_json::from_str::<LedgerConfig>(&json)?, usd);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A configuration read from JSON is validated as it is read
/// (`transaction.invalid_config`), as [`LedgerConfig::validate`] checks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "LedgerConfigWire")]
pub struct LedgerConfig {
    /// The one currency the wallet holds.
    pub currency: Currency,
    /// Limits by verification level, all in `currency`.
    pub limits: LimitPolicy,
    /// The time zone whose calendar days and months the daily and monthly
    /// limits count in. Default `Asia/Jakarta` (WIB, UTC+7). A fixed offset
    /// is an `Etc/GMT±N` zone (note the POSIX sign: `Etc/GMT-7` is UTC+7).
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    #[serde(with = "zone_name")]
    pub zone: Tz,
    /// How many requests the ledger remembers for idempotency, refunds and
    /// reversals (1 to [`LedgerConfig::MAX_RETAINED_LIMIT`]); the oldest are
    /// forgotten first. See [`Ledger`] for the trade-off.
    pub max_retained: u32,
}

impl LedgerConfig {
    /// The default for [`LedgerConfig::max_retained`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::LedgerConfig;
    /// assert_eq!(LedgerConfig::default().max_retained, LedgerConfig::DEFAULT_MAX_RETAINED);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const DEFAULT_MAX_RETAINED: u32 = 10_000;

    /// The largest accepted [`LedgerConfig::max_retained`], which bounds a
    /// ledger's memory.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// use walletcare_core::account::VerificationLevel;
    /// let config = LedgerConfig { max_retained: LedgerConfig::MAX_RETAINED_LIMIT + 1, ..LedgerConfig::default() };
    /// assert!(Ledger::new(config, VerificationLevel::Verified).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const MAX_RETAINED_LIMIT: u32 = 1_000_000;

    /// Checks that the configuration is consistent.
    ///
    /// # Errors
    ///
    /// [`TransactionError::InvalidConfig`] if a limit is negative or in
    /// another currency, or `max_retained` is out of range.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::Currency;
    /// use walletcare_core::transaction::LedgerConfig;
    /// assert!(LedgerConfig::default().validate().is_ok());
    /// let wrong = LedgerConfig { currency: Currency::Usd, ..LedgerConfig::default() };
    /// assert!(wrong.validate().is_err()); // limits are in rupiah
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), TransactionError> {
        if self.max_retained == 0 || self.max_retained > Self::MAX_RETAINED_LIMIT {
            return Err(TransactionError::InvalidConfig {
                problem: "max_retained must be between 1 and 1000000",
            });
        }
        self.limits.validate(self.currency)
    }

    fn max_entries(&self) -> usize {
        usize::try_from(self.max_retained).unwrap_or(usize::MAX)
    }
}

/// The JSON form of [`LedgerConfig`] before validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LedgerConfigWire {
    currency: Currency,
    limits: LimitPolicy,
    #[serde(with = "zone_name")]
    zone: Tz,
    max_retained: u32,
}

impl TryFrom<LedgerConfigWire> for LedgerConfig {
    type Error = crate::error::Coded<TransactionError>;

    fn try_from(w: LedgerConfigWire) -> Result<Self, Self::Error> {
        let config = LedgerConfig {
            currency: w.currency,
            limits: w.limits,
            zone: w.zone,
            max_retained: w.max_retained,
        };
        config.validate().map_err(crate::error::Coded)?;
        Ok(config)
    }
}

impl Default for LedgerConfig {
    fn default() -> Self {
        LedgerConfig {
            currency: Currency::Idr,
            limits: LimitPolicy::bank_indonesia(),
            zone: chrono_tz::Asia::Jakarta,
            max_retained: Self::DEFAULT_MAX_RETAINED,
        }
    }
}

// ---------------------------------------------------------------------------
// Requests and outcomes
// ---------------------------------------------------------------------------

/// What a ledger request does.
///
/// The JSON form is tagged with `op`: `{"op":"debit","amount":{...}}`,
/// `{"op":"reversal"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::Operation;
///
/// let op = Operation::Refund { amount: Money::new(500, Currency::Idr) };
/// assert_eq!(serde_json::to_string(&op)?, r#"{"op":"refund","amount":{"minor":500,"currency":"IDR"}}"#);
/// assert_eq!(serde_json::to_string(&Operation::Reversal)?, r#"{"op":"reversal"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(
    tag = "op",
    rename_all = "snake_case",
    deny_unknown_fields,
    from = "super::wire::OperationWire"
)]
pub enum Operation {
    /// Money out: a payment, transfer or withdrawal of `amount`.
    Debit {
        /// The positive amount taken out.
        amount: Money,
    },
    /// Money in: a top-up of `amount`.
    TopUp {
        /// The positive amount put in.
        amount: Money,
    },
    /// Part or all of an earlier debit credited back by a refund.
    Refund {
        /// The positive amount credited back.
        amount: Money,
    },
    /// An earlier debit undone: whatever has not been refunded yet is
    /// credited back, once.
    Reversal,
}

/// One request to a [`Ledger`]: an idempotency key, the transaction it
/// concerns and what to do.
///
/// For [`Operation::Refund`] and [`Operation::Reversal`], `transaction` is
/// the original debit.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::{IdempotencyKey, LedgerRequest, Operation, TransactionId};
///
/// let req = LedgerRequest::debit(
///     IdempotencyKey::new("K-1")?, TransactionId::new("T-1")?, Money::new(1_000, Currency::Idr),
/// );
/// assert_eq!(req.operation, Operation::Debit { amount: Money::new(1_000, Currency::Idr) });
/// let json = serde_json::to_string(&req)?;
/// assert_eq!(json, r#"{"key":"K-1","transaction":"T-1","operation":{"op":"debit","amount":{"minor":1000,"currency":"IDR"}}}"#);
/// assert_eq!(serde_json::from_str::<LedgerRequest>(&json)?, req);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct LedgerRequest {
    /// The idempotency key.
    pub key: IdempotencyKey,
    /// The transaction (the original debit, for refunds and reversals).
    pub transaction: TransactionId,
    /// What to do.
    pub operation: Operation,
}

impl LedgerRequest {
    /// A debit (payment, transfer or withdrawal).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::{IdempotencyKey, LedgerRequest, TransactionId};
    /// let req = LedgerRequest::debit(IdempotencyKey::new("K")?, TransactionId::new("T")?, Money::new(1, Currency::Idr));
    /// assert_eq!(req.key.as_str(), "K");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn debit(key: IdempotencyKey, transaction: TransactionId, amount: Money) -> Self {
        LedgerRequest {
            key,
            transaction,
            operation: Operation::Debit { amount },
        }
    }

    /// A top-up.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::{IdempotencyKey, LedgerRequest, Operation, TransactionId};
    /// let req = LedgerRequest::top_up(IdempotencyKey::new("K")?, TransactionId::new("T")?, Money::new(1, Currency::Idr));
    /// assert!(matches!(req.operation, Operation::TopUp { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn top_up(key: IdempotencyKey, transaction: TransactionId, amount: Money) -> Self {
        LedgerRequest {
            key,
            transaction,
            operation: Operation::TopUp { amount },
        }
    }

    /// A refund of `amount` of the debit `original`, under the refund's own
    /// idempotency key.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::{IdempotencyKey, LedgerRequest, TransactionId};
    /// let req = LedgerRequest::refund(IdempotencyKey::new("R-1")?, TransactionId::new("T")?, Money::new(1, Currency::Idr));
    /// assert_eq!(req.transaction.as_str(), "T");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn refund(key: IdempotencyKey, original: TransactionId, amount: Money) -> Self {
        LedgerRequest {
            key,
            transaction: original,
            operation: Operation::Refund { amount },
        }
    }

    /// The reversal of the debit `original`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::{IdempotencyKey, LedgerRequest, Operation, TransactionId};
    /// let req = LedgerRequest::reversal(IdempotencyKey::new("V-1")?, TransactionId::new("T")?);
    /// assert_eq!(req.operation, Operation::Reversal);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn reversal(key: IdempotencyKey, original: TransactionId) -> Self {
        LedgerRequest {
            key,
            transaction: original,
            operation: Operation::Reversal,
        }
    }

    /// The request that moves a transaction's money: a top-up for
    /// [`TransactionKind::TopUp`], a debit for every other kind, under the
    /// transaction's own id and idempotency key.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::*;
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let tx = Transaction::new(
    ///     TransactionId::new("T-1")?, TransactionKind::Transfer { to: WalletId::new("+628111")? },
    ///     Money::new(5_000, Currency::Idr), IdempotencyKey::new("K-1")?, now,
    /// )?;
    /// let req = LedgerRequest::for_transaction(&tx);
    /// assert_eq!(req, LedgerRequest::debit(IdempotencyKey::new("K-1")?, TransactionId::new("T-1")?, tx.amount()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn for_transaction(tx: &Transaction) -> Self {
        let key = tx.idempotency_key().clone();
        let id = tx.id().clone();
        match tx.kind() {
            TransactionKind::TopUp { .. } => LedgerRequest::top_up(key, id, tx.amount()),
            _ => LedgerRequest::debit(key, id, tx.amount()),
        }
    }
}

/// The record of an applied request.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::account::{AccountState, VerificationLevel};
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::*;
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
/// let mut ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?;
/// let amount = Money::new(10_000, Currency::Idr);
/// let receipt = ledger.apply(
///     &LedgerRequest::top_up(IdempotencyKey::new("K")?, TransactionId::new("T")?, amount),
///     &AccountState::Active, now,
/// )?;
/// assert_eq!(receipt.change, amount);
/// assert_eq!(receipt.balance_after, amount);
/// assert_eq!(receipt.sequence, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// The request's idempotency key.
    pub key: IdempotencyKey,
    /// The request's transaction.
    pub transaction: TransactionId,
    /// The ledger's sequence number for the request (0, 1, 2, ...; declined
    /// requests take a number too).
    pub sequence: u64,
    /// The signed balance change: negative for debits.
    pub change: Money,
    /// The balance right after this request.
    pub balance_after: Money,
    /// When the request was applied.
    pub at: DateTime<Utc>,
}

/// Why the ledger declined a request. Declines are outcomes: they are stored
/// and replayed for the same idempotency key like successes.
///
/// The JSON form is tagged with `reason` like [`FailureReason`].
///
/// # Examples
///
/// ```
/// use walletcare_core::error::ErrorCode;
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::{Decline, FailureReason};
///
/// let decline = Decline::InsufficientBalance { shortfall: Money::new(300, Currency::Idr) };
/// assert_eq!(decline.code(), ErrorCode::InsufficientBalance);
/// assert_eq!(
///     decline.failure_reason(),
///     FailureReason::InsufficientBalance { shortfall: Money::new(300, Currency::Idr) },
/// );
/// assert_eq!(decline.to_string(), "insufficient balance, short by IDR 3.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(
    tag = "reason",
    rename_all = "snake_case",
    deny_unknown_fields,
    from = "super::wire::DeclineWire"
)]
#[non_exhaustive]
pub enum Decline {
    /// The balance does not cover the debit.
    InsufficientBalance {
        /// How much is missing.
        shortfall: Money,
    },
    /// A limit would be exceeded.
    LimitExceeded {
        /// Which limit.
        kind: LimitKind,
        /// The limit.
        limit: Money,
        /// How much was still allowed (zero or more).
        remaining: Money,
        /// The verification level whose limits applied.
        level: VerificationLevel,
    },
    /// The account is locked: debits are refused until `until`.
    AccountLocked {
        /// When the lock ends.
        until: DateTime<Utc>,
    },
    /// The account is frozen: debits are refused.
    AccountFrozen,
    /// The account is closed: nothing moves.
    AccountClosed,
}

impl Decline {
    /// The failure reason to record on the transaction.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::{Decline, FailureReason};
    /// assert_eq!(Decline::AccountClosed.failure_reason(), FailureReason::AccountClosed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn failure_reason(&self) -> FailureReason {
        match *self {
            Decline::InsufficientBalance { shortfall } => {
                FailureReason::InsufficientBalance { shortfall }
            }
            Decline::LimitExceeded {
                kind,
                limit,
                remaining,
                level,
            } => FailureReason::LimitExceeded {
                kind,
                limit,
                remaining,
                level,
            },
            Decline::AccountLocked { until } => FailureReason::AccountLocked { until },
            Decline::AccountFrozen => FailureReason::AccountFrozen,
            Decline::AccountClosed => FailureReason::AccountClosed,
        }
    }

    /// The stable error code: `transaction.insufficient_balance`,
    /// `transaction.limit_exceeded`, `transaction.outgoing_blocked` (locked,
    /// frozen) or `account.closed`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::error::ErrorCode;
    /// use walletcare_core::transaction::Decline;
    /// assert_eq!(Decline::AccountFrozen.code(), ErrorCode::OutgoingBlocked);
    /// assert_eq!(Decline::AccountClosed.code(), ErrorCode::AccountClosed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn code(&self) -> ErrorCode {
        match self {
            Decline::InsufficientBalance { .. } => ErrorCode::InsufficientBalance,
            Decline::LimitExceeded { .. } => ErrorCode::LimitExceeded,
            Decline::AccountLocked { .. } | Decline::AccountFrozen => ErrorCode::OutgoingBlocked,
            Decline::AccountClosed => ErrorCode::AccountClosed,
        }
    }
}

impl std::fmt::Display for Decline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Decline::InsufficientBalance { shortfall } => {
                write!(
                    f,
                    "insufficient balance, short by {}",
                    plain_amount(*shortfall)
                )
            }
            Decline::LimitExceeded {
                kind,
                limit,
                remaining,
                level,
            } => {
                let kind = match kind {
                    LimitKind::MaxBalance => "maximum balance",
                    LimitKind::DailyOutgoing => "daily outgoing",
                    LimitKind::MonthlyIncoming => "monthly incoming",
                };
                let level = match level {
                    VerificationLevel::Unverified => "unverified",
                    VerificationLevel::Verified => "verified",
                };
                write!(
                    f,
                    "{kind} limit of {} for {level} accounts exceeded ({} remaining)",
                    plain_amount(*limit),
                    plain_amount(*remaining)
                )
            }
            Decline::AccountLocked { until } => write!(f, "account locked until {until}"),
            Decline::AccountFrozen => f.write_str("account frozen"),
            Decline::AccountClosed => f.write_str("account closed"),
        }
    }
}

/// The stored outcome of a request.
///
/// The JSON form is tagged with `outcome`:
/// `{"outcome":"declined","reason":"account_frozen"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::{Decline, Outcome, TransactionError};
/// let outcome = Outcome::Declined(Decline::AccountFrozen);
/// assert_eq!(serde_json::to_string(&outcome)?, r#"{"outcome":"declined","reason":"account_frozen"}"#);
/// assert_eq!(outcome.to_result(), Err(TransactionError::Declined(Decline::AccountFrozen)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// The money moved.
    Applied(Receipt),
    /// The request was declined; nothing moved.
    Declined(Decline),
}

impl Outcome {
    /// The outcome as [`Ledger::apply`] returns it.
    ///
    /// # Errors
    ///
    /// [`TransactionError::Declined`] for a declined request.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::{Decline, Outcome};
    /// assert!(Outcome::Declined(Decline::AccountClosed).to_result().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_result(&self) -> Result<Receipt, TransactionError> {
        match self {
            Outcome::Applied(receipt) => Ok(receipt.clone()),
            Outcome::Declined(decline) => Err(TransactionError::Declined(decline.clone())),
        }
    }
}

/// One remembered request and its outcome.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::account::{AccountState, VerificationLevel};
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::*;
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
/// let mut ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?;
/// let req = LedgerRequest::debit(IdempotencyKey::new("K")?, TransactionId::new("T")?, Money::new(1, Currency::Idr));
/// let _ = ledger.apply(&req, &AccountState::Active, now);
/// let entry = ledger.entries().next().unwrap();
/// assert_eq!(entry.request, req);
/// assert!(matches!(entry.outcome, Outcome::Declined(Decline::InsufficientBalance { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct LedgerEntry {
    /// The ledger's sequence number for the request.
    pub sequence: u64,
    /// The request as first received.
    pub request: LedgerRequest,
    /// What happened.
    pub outcome: Outcome,
}

// ---------------------------------------------------------------------------
// The ledger
// ---------------------------------------------------------------------------

/// What a debit or top-up that the ledger still remembers allows: refunds
/// and a reversal of debits, and duplicate detection for both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Original {
    sequence: u64,
    is_debit: bool,
    amount: Money,
    credited_back: Money,
    reversed: bool,
}

/// Movements counted for limits on one local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DayTotals {
    outgoing: Money,
    incoming: Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
struct DayRecord {
    date: NaiveDate,
    outgoing: Money,
    incoming: Money,
}

/// The wallet ledger of one account: its balance in one currency and the
/// requests that moved it.
///
/// # Idempotency
///
/// Every request carries an [`IdempotencyKey`]. The first time a key is
/// seen, the request is checked and evaluated, and its outcome (a
/// [`Receipt`] or a [`Decline`]) is stored under the key. Sending the same
/// key with an equal request again returns the stored outcome and changes
/// nothing, whatever the balance, account state or time is now: money moves
/// once. The same key with a different request is
/// [`TransactionError::IdempotencyConflict`]. Requests rejected as invalid
/// (wrong currency, non-positive amount, unknown original, ...) are not
/// stored: they changed nothing and give the same error again. To retry
/// after a decline, send a new key.
///
/// A transaction id can be applied (as a debit or top-up) under one key
/// only: a second key for it is [`TransactionError::DuplicateTransaction`].
///
/// # Bounded memory
///
/// The ledger remembers the most recent [`LedgerConfig::max_retained`]
/// requests (default 10,000) and forgets the oldest first. This gives a hard
/// memory bound that does not depend on the clock or on bursts, at a cost:
/// a replay of a forgotten key is treated as a new request, and a refund or
/// reversal of a forgotten debit is [`TransactionError::TransactionNotFound`].
/// A time window (say 24 hours) would instead guarantee replay protection
/// for a known period, but its memory grows with traffic. Size
/// `max_retained` to cover both the callers' retry horizon (minutes) and
/// the refund window of the wallet's busiest users; 10,000 requests is
/// months of personal wallet use.
///
/// # Limits
///
/// Limits come from [`LimitPolicy`] for the ledger's [`VerificationLevel`]
/// (set with [`Ledger::set_verification_level`]). "Day" and "month" are the
/// local calendar day and month of `now` in [`LedgerConfig::zone`] (default
/// `Asia/Jakarta`). Debits count toward the daily outgoing limit; top-ups
/// toward the monthly incoming limit and must keep the balance within the
/// maximum. Refunds and reversals return the user's own money: they are not
/// limited or counted, so they may lift the balance above the maximum, and
/// a reversal does not give back daily headroom. The ledger keeps per-day
/// totals for the current and the previous local month (at most 62 days),
/// so `now` may arrive out of order within that window; a debit or top-up
/// dated before it is [`TransactionError::OutsideLimitWindow`].
///
/// # Account state
///
/// Debits are declined while the account is [`AccountState::Locked`] with
/// `until` after `now` ([`Decline::AccountLocked`]), [`AccountState::Frozen`]
/// ([`Decline::AccountFrozen`]) or [`AccountState::Closed`]
/// ([`Decline::AccountClosed`]). Credits (top-ups, refunds, reversals) are
/// accepted while locked or frozen: a freeze protects money leaving the
/// wallet, and refusing incoming money would not protect the user, only
/// bounce salaries and refunds. Credits to a closed account are declined:
/// there is no wallet left to hold them, so the caller routes them to the
/// user's bank instead.
///
/// Checks run in this order: debits: account state, daily limit, balance;
/// top-ups: closed account, maximum balance, monthly limit. Every sum is
/// checked, and the balance can never go negative.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::account::{AccountState, VerificationLevel};
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::*;
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
/// let rp = |major| Money::from_major(major, Currency::Idr);
/// let active = AccountState::Active;
/// let mut ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Unverified)?;
///
/// let top_up = LedgerRequest::top_up(IdempotencyKey::new("K-1")?, TransactionId::new("T-1")?, rp(100_000)?);
/// ledger.apply(&top_up, &active, now)?;
/// let pay = LedgerRequest::debit(IdempotencyKey::new("K-2")?, TransactionId::new("T-2")?, rp(30_000)?);
/// let first = ledger.apply(&pay, &active, now)?;
/// let again = ledger.apply(&pay, &active, now)?; // a retry: same receipt, no second debit
/// assert_eq!(first, again);
/// assert_eq!(ledger.balance(), rp(70_000)?);
///
/// // The merchant refunds part of it, under the refund's own key.
/// ledger.credit_refund(IdempotencyKey::new("R-1")?, TransactionId::new("T-2")?, rp(10_000)?, &active, now)?;
/// // The rest is reversed, once.
/// let reversal = ledger.reverse(IdempotencyKey::new("V-1")?, TransactionId::new("T-2")?, &active, now)?;
/// assert_eq!(reversal.change, rp(20_000)?);
/// assert_eq!(ledger.balance(), rp(100_000)?);
/// assert!(ledger.reverse(IdempotencyKey::new("V-2")?, TransactionId::new("T-2")?, &active, now).is_err());
///
/// // The state survives JSON.
/// let json = serde_json::to_string(&ledger)?;
/// assert_eq!(serde_json::from_str::<Ledger>(&json)?, ledger);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(as = "LedgerRepr"))]
#[serde(try_from = "crate::error::Unchecked<LedgerRepr>")]
pub struct Ledger {
    config: LedgerConfig,
    level: VerificationLevel,
    balance: Money,
    next_sequence: u64,
    entries: BTreeMap<IdempotencyKey, LedgerEntry>,
    order: BTreeMap<u64, IdempotencyKey>,
    originals: BTreeMap<TransactionId, Original>,
    days: BTreeMap<NaiveDate, DayTotals>,
}

/// The effect of a request that passed its checks, computed before anything
/// changes so that applying it cannot fail half-way.
struct Effect {
    change: Money,
    balance: Money,
    day: Option<(NaiveDate, DayTotals)>,
    original: OriginalUpdate,
}

enum OriginalUpdate {
    Register { is_debit: bool, amount: Money },
    Credit(Original),
}

impl Ledger {
    /// An empty ledger (balance zero).
    ///
    /// # Errors
    ///
    /// [`TransactionError::InvalidConfig`] if the configuration is
    /// inconsistent (see [`LedgerConfig::validate`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// let ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Unverified)?;
    /// assert!(ledger.balance().is_zero());
    /// assert!(ledger.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(config: LedgerConfig, level: VerificationLevel) -> Result<Self, TransactionError> {
        let zero = Money::zero(config.currency);
        Ledger::with_balance(config, level, zero)
    }

    /// A ledger opening with `balance` (for example when migrating a wallet).
    /// The opening balance is not counted toward limits and may exceed the
    /// maximum balance.
    ///
    /// # Errors
    ///
    /// [`TransactionError::InvalidConfig`] for an inconsistent configuration,
    /// [`TransactionError::CurrencyMismatch`] or
    /// [`TransactionError::NonPositiveAmount`] (negative balance).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// let opening = Money::new(5_000, Currency::Idr);
    /// let ledger = Ledger::with_balance(LedgerConfig::default(), VerificationLevel::Verified, opening)?;
    /// assert_eq!(ledger.balance(), opening);
    /// assert!(Ledger::with_balance(LedgerConfig::default(), VerificationLevel::Verified, Money::new(-1, Currency::Idr)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_balance(
        config: LedgerConfig,
        level: VerificationLevel,
        balance: Money,
    ) -> Result<Self, TransactionError> {
        config.validate()?;
        check_currency(config.currency, balance)?;
        if balance.is_negative() {
            return Err(TransactionError::NonPositiveAmount { amount: balance });
        }
        Ok(Ledger {
            config,
            level,
            balance,
            next_sequence: 0,
            entries: BTreeMap::new(),
            order: BTreeMap::new(),
            originals: BTreeMap::new(),
            days: BTreeMap::new(),
        })
    }

    /// The current balance (never negative).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::money::Currency;
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// let ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?;
    /// assert_eq!(ledger.balance().currency(), Currency::Idr);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn balance(&self) -> Money {
        self.balance
    }

    /// The configuration.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// let ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?;
    /// assert_eq!(ledger.config(), &LedgerConfig::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn config(&self) -> &LedgerConfig {
        &self.config
    }

    /// The verification level whose limits apply.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// let ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?;
    /// assert_eq!(ledger.verification_level(), VerificationLevel::Verified);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn verification_level(&self) -> VerificationLevel {
        self.level
    }

    /// Changes the verification level (after KYC passes, or is revoked).
    /// Amounts already counted today and this month stay counted.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// let mut ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Unverified)?;
    /// ledger.set_verification_level(VerificationLevel::Verified);
    /// assert_eq!(ledger.verification_level(), VerificationLevel::Verified);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_verification_level(&mut self, level: VerificationLevel) {
        self.level = level;
    }

    /// How many requests are remembered (at most
    /// [`LedgerConfig::max_retained`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// assert_eq!(Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?.len(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no request is remembered.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// assert!(Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The stored outcome for a key, if the ledger still remembers it.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{AccountState, VerificationLevel};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::*;
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let mut ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?;
    /// let key = IdempotencyKey::new("K")?;
    /// assert!(ledger.outcome(&key).is_none());
    /// ledger.apply(&LedgerRequest::top_up(key.clone(), TransactionId::new("T")?, Money::new(1, Currency::Idr)), &AccountState::Active, now)?;
    /// assert!(matches!(ledger.outcome(&key), Some(Outcome::Applied(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn outcome(&self, key: &IdempotencyKey) -> Option<&Outcome> {
        self.entries.get(key).map(|entry| &entry.outcome)
    }

    /// The remembered requests, oldest first.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// let ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?;
    /// assert_eq!(ledger.entries().count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn entries(&self) -> impl Iterator<Item = &LedgerEntry> + '_ {
        self.order.values().filter_map(|key| self.entries.get(key))
    }

    /// How much may still leave the wallet on the local day of `now`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Unverified)?;
    /// assert_eq!(ledger.daily_outgoing_remaining(now), Money::from_major(1_000_000, Currency::Idr)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn daily_outgoing_remaining(&self, now: DateTime<Utc>) -> Money {
        let date = self.local_date(now);
        let used = self.day_totals(date).outgoing;
        let limit = self.tier().daily_outgoing;
        Money::new(room(limit.minor(), used.minor()), self.config.currency)
    }

    /// How much may still be topped up in the local month of `now`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::VerificationLevel;
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::{Ledger, LedgerConfig};
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?;
    /// assert_eq!(ledger.monthly_incoming_remaining(now), Money::from_major(40_000_000, Currency::Idr)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn monthly_incoming_remaining(&self, now: DateTime<Utc>) -> Money {
        let date = self.local_date(now);
        let used = self.month_incoming(date);
        let limit = self.tier().monthly_incoming;
        Money::new(room(limit.minor(), used), self.config.currency)
    }

    /// Applies one request; see the type's docs for idempotency, limits and
    /// account state.
    ///
    /// # Errors
    ///
    /// - [`TransactionError::Declined`]: a business decline (balance, limit,
    ///   account state); stored and replayed for the key.
    /// - [`TransactionError::IdempotencyConflict`]: the key was used for
    ///   another request.
    /// - [`TransactionError::CurrencyMismatch`],
    ///   [`TransactionError::NonPositiveAmount`],
    ///   [`TransactionError::DuplicateTransaction`],
    ///   [`TransactionError::TransactionNotFound`],
    ///   [`TransactionError::NotADebit`], [`TransactionError::AlreadyReversed`],
    ///   [`TransactionError::CreditExceedsOriginal`],
    ///   [`TransactionError::OutsideLimitWindow`],
    ///   [`TransactionError::Money`] (overflow): the request is invalid; it
    ///   is not stored and nothing changes.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{AccountState, FreezeReason, VerificationLevel};
    /// use walletcare_core::error::{ErrorCode, HasErrorCode};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::*;
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let mut ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?;
    /// let frozen = AccountState::Frozen { reason: FreezeReason::ReportedStolen, since: now };
    /// let rp = Money::new(1_000_000, Currency::Idr);
    ///
    /// // Top-ups reach a frozen account; debits do not.
    /// ledger.apply(&LedgerRequest::top_up(IdempotencyKey::new("K-1")?, TransactionId::new("T-1")?, rp), &frozen, now)?;
    /// let err = ledger
    ///     .apply(&LedgerRequest::debit(IdempotencyKey::new("K-2")?, TransactionId::new("T-2")?, rp), &frozen, now)
    ///     .unwrap_err();
    /// assert_eq!(err, TransactionError::Declined(Decline::AccountFrozen));
    /// assert_eq!(err.code(), ErrorCode::OutgoingBlocked);
    ///
    /// // Same key, different request: a conflict.
    /// let other = LedgerRequest::debit(IdempotencyKey::new("K-2")?, TransactionId::new("T-2")?, Money::new(5, Currency::Idr));
    /// assert_eq!(ledger.apply(&other, &AccountState::Active, now).unwrap_err().code(), ErrorCode::IdempotencyConflict);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(
        &mut self,
        request: &LedgerRequest,
        account: &AccountState,
        now: DateTime<Utc>,
    ) -> Result<Receipt, TransactionError> {
        if let Some(entry) = self.entries.get(&request.key) {
            return if entry.request == *request {
                entry.outcome.to_result()
            } else {
                Err(TransactionError::IdempotencyConflict {
                    key: request.key.clone(),
                })
            };
        }
        let planned = self.plan(request, account, now)?;
        let sequence = self.next_sequence;
        let next_sequence = sequence
            .checked_add(1)
            .ok_or(TransactionError::Money(crate::money::MoneyError::Overflow))?;
        // Nothing can fail from here on.
        let outcome = match planned {
            Ok(effect) => {
                let receipt = Receipt {
                    key: request.key.clone(),
                    transaction: request.transaction.clone(),
                    sequence,
                    change: effect.change,
                    balance_after: effect.balance,
                    at: now,
                };
                self.commit(request, sequence, effect);
                Outcome::Applied(receipt)
            }
            Err(decline) => Outcome::Declined(decline),
        };
        self.next_sequence = next_sequence;
        self.order.insert(sequence, request.key.clone());
        self.entries.insert(
            request.key.clone(),
            LedgerEntry {
                sequence,
                request: request.clone(),
                outcome: outcome.clone(),
            },
        );
        self.evict();
        outcome.to_result()
    }

    /// Credits a refund of `amount` for the debit `original`, under the
    /// refund's own idempotency key: [`Ledger::apply`] with
    /// [`LedgerRequest::refund`]. Refunds and an eventual reversal together
    /// never credit back more than the debit.
    ///
    /// # Errors
    ///
    /// As [`Ledger::apply`]; in particular
    /// [`TransactionError::TransactionNotFound`] if the ledger does not
    /// remember the debit and [`TransactionError::CreditExceedsOriginal`] if
    /// the refund is larger than what remains of it.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{AccountState, VerificationLevel};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::*;
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let active = AccountState::Active;
    /// let rp = |minor| Money::new(minor, Currency::Idr);
    /// let mut ledger = Ledger::with_balance(LedgerConfig::default(), VerificationLevel::Verified, rp(1_000))?;
    /// ledger.apply(&LedgerRequest::debit(IdempotencyKey::new("K")?, TransactionId::new("T")?, rp(600)), &active, now)?;
    /// ledger.credit_refund(IdempotencyKey::new("R-1")?, TransactionId::new("T")?, rp(600), &active, now)?;
    /// assert_eq!(ledger.balance(), rp(1_000));
    /// assert!(ledger.credit_refund(IdempotencyKey::new("R-2")?, TransactionId::new("T")?, rp(1), &active, now).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn credit_refund(
        &mut self,
        key: IdempotencyKey,
        original: TransactionId,
        amount: Money,
        account: &AccountState,
        now: DateTime<Utc>,
    ) -> Result<Receipt, TransactionError> {
        self.apply(&LedgerRequest::refund(key, original, amount), account, now)
    }

    /// Reverses the debit `original`: credits back what has not been refunded
    /// yet, once. [`Ledger::apply`] with [`LedgerRequest::reversal`].
    ///
    /// # Errors
    ///
    /// As [`Ledger::apply`]; in particular
    /// [`TransactionError::AlreadyReversed`] for a second reversal under a
    /// new key.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::{AccountState, VerificationLevel};
    /// use walletcare_core::error::{ErrorCode, HasErrorCode};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::*;
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let active = AccountState::Active;
    /// let rp = |minor| Money::new(minor, Currency::Idr);
    /// let mut ledger = Ledger::with_balance(LedgerConfig::default(), VerificationLevel::Verified, rp(1_000))?;
    /// ledger.apply(&LedgerRequest::debit(IdempotencyKey::new("K")?, TransactionId::new("T")?, rp(600)), &active, now)?;
    /// let first = ledger.reverse(IdempotencyKey::new("V")?, TransactionId::new("T")?, &active, now)?;
    /// let replay = ledger.reverse(IdempotencyKey::new("V")?, TransactionId::new("T")?, &active, now)?;
    /// assert_eq!(first, replay);
    /// assert_eq!(ledger.balance(), rp(1_000));
    /// let err = ledger.reverse(IdempotencyKey::new("V-2")?, TransactionId::new("T")?, &active, now).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::InvalidTransactionTransition);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reverse(
        &mut self,
        key: IdempotencyKey,
        original: TransactionId,
        account: &AccountState,
        now: DateTime<Utc>,
    ) -> Result<Receipt, TransactionError> {
        self.apply(&LedgerRequest::reversal(key, original), account, now)
    }

    // ---- evaluation (no mutation) ----

    fn tier(&self) -> &TierLimits {
        self.config.limits.for_level(self.level)
    }

    fn local_date(&self, now: DateTime<Utc>) -> NaiveDate {
        local_date(now, self.config.zone)
    }

    fn day_totals(&self, date: NaiveDate) -> DayTotals {
        let zero = Money::zero(self.config.currency);
        self.days.get(&date).copied().unwrap_or(DayTotals {
            outgoing: zero,
            incoming: zero,
        })
    }

    /// Sum of top-ups in the local month of `date`, in minor units,
    /// saturating (limits are at most `i64::MAX`).
    fn month_incoming(&self, date: NaiveDate) -> i64 {
        let start = month_start(date);
        self.days
            .range(start..)
            .take_while(|(d, _)| d.year() == date.year() && d.month() == date.month())
            .fold(0_i64, |sum, (_, t)| sum.saturating_add(t.incoming.minor()))
    }

    fn check_amount(&self, amount: Money) -> Result<(), TransactionError> {
        check_currency(self.config.currency, amount)?;
        check_positive(amount)
    }

    fn check_window(&self, date: NaiveDate, now: DateTime<Utc>) -> Result<(), TransactionError> {
        let newest = self
            .days
            .last_key_value()
            .map_or(date, |(last, _)| (*last).max(date));
        let earliest = earliest_counted(newest);
        if date < earliest {
            return Err(TransactionError::OutsideLimitWindow {
                at: now,
                date,
                earliest,
            });
        }
        Ok(())
    }

    fn check_new_original(&self, id: &TransactionId) -> Result<(), TransactionError> {
        if self.originals.contains_key(id) {
            return Err(TransactionError::DuplicateTransaction { id: id.clone() });
        }
        Ok(())
    }

    /// The debit a refund or reversal credits back, with what remains of it.
    fn original_debit(&self, id: &TransactionId) -> Result<(Original, Money), TransactionError> {
        let original = self
            .originals
            .get(id)
            .copied()
            .ok_or_else(|| TransactionError::TransactionNotFound { id: id.clone() })?;
        if !original.is_debit {
            return Err(TransactionError::NotADebit { id: id.clone() });
        }
        if original.reversed {
            return Err(TransactionError::AlreadyReversed { id: id.clone() });
        }
        let available = original.amount.checked_sub(original.credited_back)?;
        Ok((original, available))
    }

    /// Checks a new request: `Err` for invalid input, `Ok(Err(decline))` for
    /// a decline, `Ok(Ok(effect))` for what to apply.
    fn plan(
        &self,
        request: &LedgerRequest,
        account: &AccountState,
        now: DateTime<Utc>,
    ) -> Result<Result<Effect, Decline>, TransactionError> {
        let id = &request.transaction;
        match request.operation {
            Operation::Debit { amount } => {
                self.check_amount(amount)?;
                self.check_new_original(id)?;
                let date = self.local_date(now);
                self.check_window(date, now)?;
                if let Some(decline) = outgoing_block(account, now) {
                    return Ok(Err(decline));
                }
                let limit = self.tier().daily_outgoing;
                let day = self.day_totals(date);
                let remaining = room(limit.minor(), day.outgoing.minor());
                if amount.minor() > remaining {
                    return Ok(Err(Decline::LimitExceeded {
                        kind: LimitKind::DailyOutgoing,
                        limit,
                        remaining: Money::new(remaining, self.config.currency),
                        level: self.level,
                    }));
                }
                if amount.minor() > self.balance.minor() {
                    let shortfall = amount.checked_sub(self.balance)?;
                    return Ok(Err(Decline::InsufficientBalance { shortfall }));
                }
                let day = DayTotals {
                    outgoing: day.outgoing.checked_add(amount)?,
                    ..day
                };
                Ok(Ok(Effect {
                    change: amount.checked_neg()?,
                    balance: self.balance.checked_sub(amount)?,
                    day: Some((date, day)),
                    original: OriginalUpdate::Register {
                        is_debit: true,
                        amount,
                    },
                }))
            }
            Operation::TopUp { amount } => {
                self.check_amount(amount)?;
                self.check_new_original(id)?;
                let date = self.local_date(now);
                self.check_window(date, now)?;
                if matches!(account, AccountState::Closed) {
                    return Ok(Err(Decline::AccountClosed));
                }
                let tier = self.tier();
                let balance_room = room(tier.max_balance.minor(), self.balance.minor());
                if amount.minor() > balance_room {
                    return Ok(Err(Decline::LimitExceeded {
                        kind: LimitKind::MaxBalance,
                        limit: tier.max_balance,
                        remaining: Money::new(balance_room, self.config.currency),
                        level: self.level,
                    }));
                }
                let month_room = room(tier.monthly_incoming.minor(), self.month_incoming(date));
                if amount.minor() > month_room {
                    return Ok(Err(Decline::LimitExceeded {
                        kind: LimitKind::MonthlyIncoming,
                        limit: tier.monthly_incoming,
                        remaining: Money::new(month_room, self.config.currency),
                        level: self.level,
                    }));
                }
                let day = self.day_totals(date);
                let day = DayTotals {
                    incoming: day.incoming.checked_add(amount)?,
                    ..day
                };
                Ok(Ok(Effect {
                    change: amount,
                    balance: self.balance.checked_add(amount)?,
                    day: Some((date, day)),
                    original: OriginalUpdate::Register {
                        is_debit: false,
                        amount,
                    },
                }))
            }
            Operation::Refund { amount } => {
                self.check_amount(amount)?;
                let (original, available) = self.original_debit(id)?;
                if amount.minor() > available.minor() {
                    return Err(TransactionError::CreditExceedsOriginal {
                        id: id.clone(),
                        requested: amount,
                        available,
                    });
                }
                if matches!(account, AccountState::Closed) {
                    return Ok(Err(Decline::AccountClosed));
                }
                let updated = Original {
                    credited_back: original.credited_back.checked_add(amount)?,
                    ..original
                };
                Ok(Ok(Effect {
                    change: amount,
                    balance: self.balance.checked_add(amount)?,
                    day: None,
                    original: OriginalUpdate::Credit(updated),
                }))
            }
            Operation::Reversal => {
                let (original, available) = self.original_debit(id)?;
                if !available.is_positive() {
                    return Err(TransactionError::CreditExceedsOriginal {
                        id: id.clone(),
                        requested: original.amount,
                        available,
                    });
                }
                if matches!(account, AccountState::Closed) {
                    return Ok(Err(Decline::AccountClosed));
                }
                let updated = Original {
                    credited_back: original.amount,
                    reversed: true,
                    ..original
                };
                Ok(Ok(Effect {
                    change: available,
                    balance: self.balance.checked_add(available)?,
                    day: None,
                    original: OriginalUpdate::Credit(updated),
                }))
            }
        }
    }

    // ---- mutation (infallible) ----

    fn commit(&mut self, request: &LedgerRequest, sequence: u64, effect: Effect) {
        self.balance = effect.balance;
        if let Some((date, totals)) = effect.day {
            self.days.insert(date, totals);
            if let Some((newest, _)) = self.days.last_key_value() {
                let earliest = earliest_counted(*newest);
                while self
                    .days
                    .first_key_value()
                    .is_some_and(|(d, _)| *d < earliest)
                {
                    self.days.pop_first();
                }
            }
        }
        let id = request.transaction.clone();
        match effect.original {
            OriginalUpdate::Register { is_debit, amount } => {
                let credited_back = Money::zero(amount.currency());
                self.originals.insert(
                    id,
                    Original {
                        sequence,
                        is_debit,
                        amount,
                        credited_back,
                        reversed: false,
                    },
                );
            }
            OriginalUpdate::Credit(updated) => {
                self.originals.insert(id, updated);
            }
        }
    }

    fn evict(&mut self) {
        let max = self.config.max_entries();
        while self.entries.len() > max {
            let Some((sequence, key)) = self.order.pop_first() else {
                break;
            };
            let Some(entry) = self.entries.remove(&key) else {
                continue;
            };
            let id = &entry.request.transaction;
            if self
                .originals
                .get(id)
                .is_some_and(|original| original.sequence == sequence)
            {
                self.originals.remove(id);
            }
        }
    }
}

/// The decline for a debit under `account` at `now`, if any.
fn outgoing_block(account: &AccountState, now: DateTime<Utc>) -> Option<Decline> {
    // `at` turns a lock that has ended into `Active`.
    match account.at(now) {
        AccountState::Active => None,
        AccountState::Locked { until } => Some(Decline::AccountLocked { until }),
        AccountState::Frozen { .. } => Some(Decline::AccountFrozen),
        AccountState::Closed => Some(Decline::AccountClosed),
    }
}

fn check_currency(expected: Currency, amount: Money) -> Result<(), TransactionError> {
    if amount.currency() == expected {
        Ok(())
    } else {
        Err(TransactionError::CurrencyMismatch {
            expected,
            actual: amount.currency(),
        })
    }
}

/// `limit - used`, never below zero.
fn room(limit: i64, used: i64) -> i64 {
    limit.saturating_sub(used).max(0)
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The first day of the month before `newest`'s: the oldest local date the
/// ledger still keeps totals for.
fn earliest_counted(newest: NaiveDate) -> NaiveDate {
    let (year, month) = if newest.month() == 1 {
        (newest.year().saturating_sub(1), 12)
    } else {
        (newest.year(), newest.month().saturating_sub(1))
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

// ---------------------------------------------------------------------------
// Serde form
// ---------------------------------------------------------------------------

#[derive(Serialize)]
struct LedgerReprRef<'a> {
    config: &'a LedgerConfig,
    level: VerificationLevel,
    balance: Money,
    next_sequence: u64,
    days: Vec<DayRecord>,
    entries: Vec<&'a LedgerEntry>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "Ledger"))]
#[serde(deny_unknown_fields)]
struct LedgerRepr {
    config: LedgerConfig,
    level: VerificationLevel,
    balance: Money,
    next_sequence: u64,
    days: Vec<DayRecord>,
    entries: Vec<LedgerEntry>,
}

impl Serialize for Ledger {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        LedgerReprRef {
            config: &self.config,
            level: self.level,
            balance: self.balance,
            next_sequence: self.next_sequence,
            days: self
                .days
                .iter()
                .map(|(date, t)| DayRecord {
                    date: *date,
                    outgoing: t.outgoing,
                    incoming: t.incoming,
                })
                .collect(),
            entries: self.entries().collect(),
        }
        .serialize(serializer)
    }
}

fn corrupt(problem: &'static str) -> TransactionError {
    TransactionError::InvalidLedgerState { problem }
}

impl TryFrom<LedgerRepr> for Ledger {
    type Error = TransactionError;

    fn try_from(repr: LedgerRepr) -> Result<Self, Self::Error> {
        let mut ledger = Ledger::with_balance(repr.config, repr.level, repr.balance)?;
        let currency = ledger.config.currency;
        if repr.entries.len() > ledger.config.max_entries() {
            return Err(corrupt("more entries than max_retained"));
        }
        let mut previous: Option<NaiveDate> = None;
        for day in &repr.days {
            if previous.is_some_and(|p| p >= day.date) {
                return Err(corrupt("days must be in increasing order"));
            }
            previous = Some(day.date);
            for total in [day.outgoing, day.incoming] {
                check_currency(currency, total)?;
                if total.is_negative() {
                    return Err(corrupt("day totals must not be negative"));
                }
            }
        }
        if let Some(newest) = previous {
            let earliest = earliest_counted(newest);
            if repr.days.iter().any(|d| d.date < earliest) {
                return Err(corrupt("day totals older than the limit window"));
            }
        }
        ledger.days = repr
            .days
            .iter()
            .map(|d| {
                let totals = DayTotals {
                    outgoing: d.outgoing,
                    incoming: d.incoming,
                };
                (d.date, totals)
            })
            .collect();

        let mut last_sequence: Option<u64> = None;
        for entry in repr.entries {
            if last_sequence.is_some_and(|last| last >= entry.sequence) {
                return Err(corrupt("entries must be in increasing sequence order"));
            }
            if entry.sequence >= repr.next_sequence {
                return Err(corrupt("an entry's sequence is not below next_sequence"));
            }
            last_sequence = Some(entry.sequence);
            ledger.restore(entry)?;
        }
        ledger.next_sequence = repr.next_sequence;
        Ok(ledger)
    }
}

impl Ledger {
    /// Re-adds a deserialised entry, rebuilding what it implies for refunds
    /// and reversals exactly as [`Ledger::apply`] built it.
    fn restore(&mut self, entry: LedgerEntry) -> Result<(), TransactionError> {
        let currency = self.config.currency;
        match entry.request.operation {
            Operation::Debit { amount }
            | Operation::TopUp { amount }
            | Operation::Refund { amount } => {
                check_currency(currency, amount)?;
                check_positive(amount)?;
            }
            Operation::Reversal => {}
        }
        if let Outcome::Applied(receipt) = &entry.outcome {
            check_currency(currency, receipt.change)?;
            check_currency(currency, receipt.balance_after)?;
            if receipt.sequence != entry.sequence || receipt.key != entry.request.key {
                return Err(corrupt("a receipt does not match its entry"));
            }
            // The change a receipt records is the one `apply` gives for its
            // request: a tampered amount would let later credits return
            // more than was debited.
            let expected_change = match entry.request.operation {
                Operation::Debit { amount } => Some(amount.checked_neg()?),
                Operation::TopUp { amount } | Operation::Refund { amount } => Some(amount),
                Operation::Reversal => None,
            };
            let change_matches = match expected_change {
                Some(expected) => receipt.change == expected,
                None => receipt.change.is_positive(),
            };
            if !change_matches {
                return Err(corrupt("a receipt's change does not match its request"));
            }
            let id = entry.request.transaction.clone();
            match entry.request.operation {
                Operation::Debit { amount } | Operation::TopUp { amount } => {
                    let is_debit = matches!(entry.request.operation, Operation::Debit { .. });
                    let original = Original {
                        sequence: entry.sequence,
                        is_debit,
                        amount,
                        credited_back: Money::zero(currency),
                        reversed: false,
                    };
                    self.originals.insert(id, original);
                }
                Operation::Refund { amount } => {
                    if let Some(original) = self.originals.get_mut(&id) {
                        original.credited_back = original.credited_back.checked_add(amount)?;
                        if original.credited_back.minor() > original.amount.minor() {
                            return Err(corrupt("credits exceed the debit they return"));
                        }
                    }
                }
                Operation::Reversal => {
                    if let Some(original) = self.originals.get_mut(&id) {
                        let available = original.amount.checked_sub(original.credited_back)?;
                        if receipt.change != available {
                            return Err(corrupt("a reversal returns other than what was left"));
                        }
                        original.credited_back = original.amount;
                        original.reversed = true;
                    }
                }
            }
        }
        let key = entry.request.key.clone();
        if self.entries.contains_key(&key) {
            return Err(corrupt("an idempotency key appears twice"));
        }
        self.order.insert(entry.sequence, key.clone());
        self.entries.insert(key, entry);
        Ok(())
    }
}

crate::error::coded_from_string!(Ledger(LedgerRepr) => TransactionError);

/// A command to a [`Ledger`] kept as a
/// [`Versioned`](crate::versioned::Versioned) stream. The JSON form is
/// tagged by `command`.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::VerificationLevel;
/// use walletcare_core::transaction::LedgerCommand;
/// let c = LedgerCommand::SetVerificationLevel { level: VerificationLevel::Verified };
/// assert_eq!(serde_json::to_string(&c)?, r#"{"command":"set_verification_level","level":"verified"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum LedgerCommand {
    /// [`Ledger::apply`]: a money movement, with the account's state at the
    /// time (so a replay decides as the first run did).
    Apply {
        /// The movement.
        request: LedgerRequest,
        /// The account's state when it was asked.
        account: AccountState,
    },
    /// [`Ledger::set_verification_level`].
    SetVerificationLevel {
        /// The new level.
        level: VerificationLevel,
    },
}

/// What a [`LedgerCommand`] answered: the receipt of a movement, or `null`.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::LedgerOutcome;
/// assert_eq!(serde_json::to_string(&LedgerOutcome::LevelSet)?, r#"{"outcome":"level_set"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum LedgerOutcome {
    /// The movement's receipt.
    Applied {
        /// The receipt.
        receipt: Receipt,
    },
    /// The verification level was set.
    LevelSet,
}

impl crate::versioned::Aggregate for Ledger {
    type Command = LedgerCommand;
    type Outcome = LedgerOutcome;
    type Error = TransactionError;

    fn handle(
        &mut self,
        command: &LedgerCommand,
        at: DateTime<Utc>,
    ) -> Result<LedgerOutcome, TransactionError> {
        match command {
            LedgerCommand::Apply { request, account } => Ok(LedgerOutcome::Applied {
                receipt: self.apply(request, account, at)?,
            }),
            LedgerCommand::SetVerificationLevel { level } => {
                self.set_verification_level(*level);
                Ok(LedgerOutcome::LevelSet)
            }
        }
    }
}
