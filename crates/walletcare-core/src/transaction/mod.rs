//! Transactions: payments, transfers, top-ups and withdrawals, their
//! lifecycle and failure taxonomy, the wallet [`Ledger`] and [`diagnose`].
//!
//! - [`Transaction`] is one money movement the user started, with a checked
//!   lifecycle: `pending → succeeded | failed(reason)`, `succeeded →
//!   reversed`; `failed` and `reversed` are final.
//! - [`FailureReason`] is the taxonomy of why a transaction failed.
//! - [`Ledger`] is the balance of one wallet: idempotent requests, limits by
//!   [`VerificationLevel`], blocking by
//!   [`AccountState`](crate::account::AccountState), refunds and reversals.
//! - [`diagnose`] explains a failed or stuck transaction as a [`Cause`] and
//!   ordered [`NextStep`]s that render in every [`Locale`](crate::locale::Locale).
//!
//! # Examples
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use walletcare_core::account::{AccountState, VerificationLevel};
//! use walletcare_core::money::{Currency, Money};
//! use walletcare_core::transaction::{
//!     diagnose, FailureReason, IdempotencyKey, Ledger, LedgerConfig, LedgerRequest,
//!     MerchantRef, NextStep, PaymentChannel, Transaction, TransactionId, TransactionKind,
//! };
//!
//! let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
//! let mut ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?;
//! let top_up = LedgerRequest::top_up(
//!     IdempotencyKey::new("k-1")?, TransactionId::new("t-1")?, Money::from_major(50_000, Currency::Idr)?,
//! );
//! ledger.apply(&top_up, &AccountState::Active, now)?;
//!
//! let merchant = MerchantRef::new("m-42", "Warung Bu Sri")?;
//! let mut tx = Transaction::new(
//!     TransactionId::new("t-2")?,
//!     TransactionKind::Payment { channel: PaymentChannel::Qr, merchant },
//!     Money::from_major(80_000, Currency::Idr)?,
//!     IdempotencyKey::new("k-2")?,
//!     now,
//! )?;
//! let declined = ledger
//!     .apply(&LedgerRequest::for_transaction(&tx), &AccountState::Active, now)
//!     .unwrap_err();
//! let reason = declined.failure_reason().unwrap();
//! tx.fail(reason, now)?;
//!
//! let diagnosis = diagnose(&tx, &AccountState::Active, now);
//! let shortfall = Money::from_major(30_000, Currency::Idr)?;
//! assert_eq!(diagnosis.steps[0], NextStep::TopUp { shortfall });
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::account::VerificationLevel;
use crate::error::{ErrorCode, HasErrorCode};
use crate::money::{Currency, Money, MoneyError};

mod diagnose;
mod ledger;
pub(crate) mod text;
mod wire;

pub use diagnose::{
    Cause, Diagnosis, DiagnosisPolicy, NextStep, ReversalWindows, diagnose, diagnose_with,
};
pub use ledger::{
    Decline, Ledger, LedgerCommand, LedgerConfig, LedgerEntry, LedgerOutcome, LedgerRequest,
    LimitPolicy, Operation, Outcome, Receipt, TierLimits,
};

use text::plain_amount;

// ---------------------------------------------------------------------------
// Validated text values
// ---------------------------------------------------------------------------

/// What is wrong with a piece of text given as an id, key or name.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::{TextProblem, TransactionError, TransactionId};
///
/// let err = TransactionId::new("has space").unwrap_err();
/// assert!(matches!(
///     err,
///     TransactionError::InvalidText { problem: TextProblem::ForbiddenChar { index: 3 }, .. }
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextProblem {
    /// The text is empty (or only whitespace, for names).
    Empty,
    /// The text has more characters than allowed.
    TooLong {
        /// The most characters allowed.
        max: usize,
        /// The number of characters given.
        actual: usize,
    },
    /// The character at `index` (0-based, in characters) is not allowed.
    ForbiddenChar {
        /// The 0-based character index of the first forbidden character.
        index: usize,
    },
}

impl std::fmt::Display for TextProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextProblem::Empty => f.write_str("it is empty"),
            TextProblem::TooLong { max, actual } => {
                write!(f, "it has {actual} characters, at most {max} are allowed")
            }
            TextProblem::ForbiddenChar { index } => {
                write!(f, "the character at index {index} is not allowed")
            }
        }
    }
}

/// Tokens (ids, keys, codes): 1..=max printable ASCII characters, no spaces.
fn check_token(value: String, field: &'static str, max: usize) -> Result<String, TransactionError> {
    let invalid = |problem| TransactionError::InvalidText { field, problem };
    if value.is_empty() {
        return Err(invalid(TextProblem::Empty));
    }
    if value.len() > max {
        // ASCII-only, so a longer byte length may still be few characters;
        // count characters for the message, bounded by the byte length.
        let actual = value.chars().count();
        if actual > max {
            return Err(invalid(TextProblem::TooLong { max, actual }));
        }
    }
    if let Some(index) = value.chars().position(|c| !c.is_ascii_graphic()) {
        return Err(invalid(TextProblem::ForbiddenChar { index }));
    }
    Ok(value)
}

/// Names (merchants, banks): trimmed, 1..=max characters, no control
/// characters.
fn check_name(value: String, field: &'static str, max: usize) -> Result<String, TransactionError> {
    let invalid = |problem| TransactionError::InvalidText { field, problem };
    let value = if value.trim().len() == value.len() {
        value
    } else {
        value.trim().to_owned()
    };
    if value.is_empty() {
        return Err(invalid(TextProblem::Empty));
    }
    let actual = value.chars().count();
    if actual > max {
        return Err(invalid(TextProblem::TooLong { max, actual }));
    }
    if let Some(index) = value.chars().position(char::is_control) {
        return Err(invalid(TextProblem::ForbiddenChar { index }));
    }
    Ok(value)
}

macro_rules! text_type {
    (
        $(#[$meta:meta])*
        $name:ident, field = $field:literal, max = $max:literal, check = $check:ident,
        example = $example:literal, bad = $bad:literal
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
        #[cfg_attr(feature = "typescript", ts(type = "string"))]
        #[serde(try_from = "crate::error::Unchecked<String>", into = "String")]
        pub struct $name(String);

        impl $name {
            #[doc = concat!("Validates a ", $field, " (at most ", $max, " characters).")]
            ///
            /// # Errors
            ///
            /// [`TransactionError::InvalidText`] if the text is empty, too long
            /// or contains a forbidden character.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use walletcare_core::transaction::", stringify!($name), ";")]
            ///
            #[doc = concat!("let value = ", stringify!($name), "::new(\"", $example, "\")?;")]
            #[doc = concat!("assert_eq!(value.as_str(), \"", $example, "\");")]
            #[doc = concat!("assert!(", stringify!($name), "::new(\"\").is_err());")]
            #[doc = concat!("assert!(", stringify!($name), "::new(\"", $bad, "\").is_err());")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn new(value: impl Into<String>) -> Result<Self, TransactionError> {
                $check(value.into(), $field, $max).map($name)
            }

            #[doc = concat!("The ", $field, " as text.")]
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use walletcare_core::transaction::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::new(\"", $example, "\")?.as_str(), \"", $example, "\");")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = TransactionError;

            fn try_from(value: String) -> Result<Self, Self::Error> {
                $name::new(value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        crate::error::coded_from_string!($name => TransactionError);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_type! {
    /// The id of a transaction: 1 to 64 printable ASCII characters, no spaces.
    ///
    /// The JSON form is the string.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::TransactionId;
    ///
    /// let id: TransactionId = serde_json::from_str("\"TX-2026-0001\"")?;
    /// assert_eq!(id.as_str(), "TX-2026-0001");
    /// assert!(serde_json::from_str::<TransactionId>("\"\"").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    TransactionId, field = "transaction id", max = 64, check = check_token,
    example = "TX-2026-0001", bad = "TX 1"
}

text_type! {
    /// The idempotency key of a request: 1 to 128 printable ASCII characters,
    /// no spaces (a UUID fits).
    ///
    /// The same key with the same request always gives the same result; see
    /// [`Ledger`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::IdempotencyKey;
    ///
    /// let key = IdempotencyKey::new("4f9c2a1e-77d0-4b8e-9d51-0c6a3f2e8b10")?;
    /// assert_eq!(serde_json::to_string(&key)?, "\"4f9c2a1e-77d0-4b8e-9d51-0c6a3f2e8b10\"");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    IdempotencyKey, field = "idempotency key", max = 128, check = check_token,
    example = "pay-0001", bad = "tab\there"
}

text_type! {
    /// The id of a merchant: 1 to 64 printable ASCII characters, no spaces.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::MerchantId;
    /// assert_eq!(MerchantId::new("M-001")?.to_string(), "M-001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    MerchantId, field = "merchant id", max = 64, check = check_token,
    example = "M-001", bad = "M 001"
}

text_type! {
    /// The id of a wallet that receives a transfer (a wallet number or an
    /// opaque id; never a PIN): 1 to 64 printable ASCII characters.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::WalletId;
    /// assert_eq!(WalletId::new("+6281234567890")?.as_str(), "+6281234567890");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    WalletId, field = "wallet id", max = 64, check = check_token,
    example = "+6281234567890", bad = "0812 3456"
}

text_type! {
    /// A display name (merchant or bank): 1 to 100 characters, trimmed, no
    /// control characters; any script is allowed.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::Name;
    /// assert_eq!(Name::new("  Bank Central Asia ")?.as_str(), "Bank Central Asia");
    /// assert_eq!(Name::new("星巴克")?.as_str(), "星巴克");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Name, field = "name", max = 100, check = check_name,
    example = "Bank Central Asia", bad = "   "
}

text_type! {
    /// An opaque failure code from a bank, network or merchant that
    /// walletcare does not recognise: 1 to 32 printable ASCII characters.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::ProviderCode;
    /// assert_eq!(ProviderCode::new("ISO8583-96")?.as_str(), "ISO8583-96");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ProviderCode, field = "provider code", max = 32, check = check_token,
    example = "ISO8583-96", bad = "a b"
}

// ---------------------------------------------------------------------------
// Transaction kinds
// ---------------------------------------------------------------------------

/// A merchant as the user knows it: its id and display name.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::MerchantRef;
///
/// let m = MerchantRef::new("M-001", "Kopi Kenangan")?;
/// assert_eq!(serde_json::to_string(&m)?, r#"{"id":"M-001","name":"Kopi Kenangan"}"#);
/// assert!(serde_json::from_str::<MerchantRef>(r#"{"id":"M-1","name":"X","x":1}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct MerchantRef {
    /// The merchant id.
    pub id: MerchantId,
    /// The name the user sees on the receipt.
    pub name: Name,
}

impl MerchantRef {
    /// A merchant reference from its id and name.
    ///
    /// # Errors
    ///
    /// [`TransactionError::InvalidText`] if either is invalid.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::MerchantRef;
    /// assert_eq!(MerchantRef::new("M-1", "Toko Maju")?.name.as_str(), "Toko Maju");
    /// assert!(MerchantRef::new("", "Toko Maju").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Result<Self, TransactionError> {
        Ok(MerchantRef {
            id: MerchantId::new(id)?,
            name: Name::new(name)?,
        })
    }
}

/// How a payment reached the merchant.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::PaymentChannel;
/// assert_eq!(serde_json::to_string(&PaymentChannel::Qr)?, "\"qr\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PaymentChannel {
    /// In an app or on a website.
    Online,
    /// By scanning a QR code (QRIS) at a shop.
    Qr,
}

crate::names::names!(as_str display from_str: transaction::PaymentChannel as "payment channel" {
    Online => "online",
    Qr => "qr",
});

/// A bank account as the core needs it: the bank and the last four digits
/// of the account number (never the full number).
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::BankAccountRef;
///
/// let account = BankAccountRef::new("BCA", "6789")?;
/// assert_eq!(account.last4(), "6789");
/// assert!(BankAccountRef::new("BCA", "67a9").is_err());
/// assert_eq!(serde_json::to_string(&account)?, r#"{"bank":"BCA","last4":"6789"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(as = "BankAccountRepr"))]
#[serde(
    try_from = "crate::error::Unchecked<BankAccountRepr>",
    into = "BankAccountRepr"
)]
pub struct BankAccountRef {
    bank: Name,
    last4: String,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "BankAccountRef")
)]
#[serde(deny_unknown_fields)]
struct BankAccountRepr {
    bank: Name,
    last4: String,
}

impl BankAccountRef {
    /// A bank account reference.
    ///
    /// # Errors
    ///
    /// [`TransactionError::InvalidText`] if the bank name is invalid or
    /// `last4` is not exactly four ASCII digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::BankAccountRef;
    /// assert_eq!(BankAccountRef::new("Mandiri", "0001")?.bank().as_str(), "Mandiri");
    /// assert!(BankAccountRef::new("Mandiri", "12345").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        bank: impl Into<String>,
        last4: impl Into<String>,
    ) -> Result<Self, TransactionError> {
        Self::try_from(BankAccountRepr {
            bank: Name::new(bank)?,
            last4: last4.into(),
        })
    }

    /// The bank.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::BankAccountRef;
    /// assert_eq!(BankAccountRef::new("BRI", "1234")?.bank().as_str(), "BRI");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn bank(&self) -> &Name {
        &self.bank
    }

    /// The last four digits of the account number.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::BankAccountRef;
    /// assert_eq!(BankAccountRef::new("BRI", "1234")?.last4(), "1234");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn last4(&self) -> &str {
        &self.last4
    }
}

impl TryFrom<BankAccountRepr> for BankAccountRef {
    type Error = TransactionError;

    fn try_from(repr: BankAccountRepr) -> Result<Self, Self::Error> {
        let field = "bank account last4";
        let count = repr.last4.chars().count();
        if count != 4 {
            let problem = if count == 0 {
                TextProblem::Empty
            } else if count > 4 {
                TextProblem::TooLong {
                    max: 4,
                    actual: count,
                }
            } else {
                TextProblem::ForbiddenChar { index: count }
            };
            return Err(TransactionError::InvalidText { field, problem });
        }
        if let Some(index) = repr.last4.chars().position(|c| !c.is_ascii_digit()) {
            let problem = TextProblem::ForbiddenChar { index };
            return Err(TransactionError::InvalidText { field, problem });
        }
        Ok(BankAccountRef {
            bank: repr.bank,
            last4: repr.last4,
        })
    }
}

impl From<BankAccountRef> for BankAccountRepr {
    fn from(value: BankAccountRef) -> Self {
        BankAccountRepr {
            bank: value.bank,
            last4: value.last4,
        }
    }
}

/// Where top-up money comes from.
///
/// The JSON form is tagged: `{"method":"bank_transfer","bank":"BCA"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::{Name, TopUpSource};
///
/// let source = TopUpSource::BankTransfer { bank: Name::new("BCA")? };
/// assert_eq!(serde_json::to_string(&source)?, r#"{"method":"bank_transfer","bank":"BCA"}"#);
/// assert_eq!(serde_json::to_string(&TopUpSource::RetailOutlet)?, r#"{"method":"retail_outlet"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(
    tag = "method",
    rename_all = "snake_case",
    deny_unknown_fields,
    from = "wire::TopUpSourceWire"
)]
pub enum TopUpSource {
    /// A transfer from a bank account (virtual account, mobile banking).
    BankTransfer {
        /// The sending bank.
        bank: Name,
    },
    /// A debit card bound to the wallet.
    Card,
    /// Cash at a retail outlet (convenience store counter).
    RetailOutlet,
}

/// What a transaction does.
///
/// The JSON form is tagged with `kind`:
/// `{"kind":"payment","channel":"qr","merchant":{"id":"M-1","name":"Toko"}}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::{TransactionKind, WalletId};
///
/// let kind = TransactionKind::Transfer { to: WalletId::new("+628111")? };
/// assert!(kind.is_debit());
/// assert_eq!(serde_json::to_string(&kind)?, r#"{"kind":"transfer","to":"+628111"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum TransactionKind {
    /// A payment to a merchant.
    Payment {
        /// How the payment was made.
        channel: PaymentChannel,
        /// Who was paid.
        merchant: MerchantRef,
    },
    /// A transfer to another wallet.
    Transfer {
        /// The receiving wallet.
        to: WalletId,
    },
    /// Money into the wallet.
    TopUp {
        /// Where the money comes from.
        source: TopUpSource,
    },
    /// Money out of the wallet to a bank account.
    Withdrawal {
        /// The receiving bank account.
        to: BankAccountRef,
    },
}

impl TransactionKind {
    /// Whether the transaction takes money out of the wallet (payment,
    /// transfer, withdrawal); only top-ups bring money in.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::{TopUpSource, TransactionKind};
    /// assert!(!TransactionKind::TopUp { source: TopUpSource::Card }.is_debit());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_debit(&self) -> bool {
        !matches!(self, TransactionKind::TopUp { .. })
    }

    /// The merchant, for payments.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::{MerchantRef, PaymentChannel, TransactionKind};
    /// let merchant = MerchantRef::new("M-1", "Toko")?;
    /// let kind = TransactionKind::Payment { channel: PaymentChannel::Online, merchant: merchant.clone() };
    /// assert_eq!(kind.merchant(), Some(&merchant));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn merchant(&self) -> Option<&MerchantRef> {
        match self {
            TransactionKind::Payment { merchant, .. } => Some(merchant),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------
// Failure taxonomy
// ---------------------------------------------------------------------------

/// Which limit a movement ran into.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::LimitKind;
/// assert_eq!(serde_json::to_string(&LimitKind::DailyOutgoing)?, "\"daily_outgoing\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum LimitKind {
    /// The most the wallet may hold.
    MaxBalance,
    /// The most that may leave the wallet in one local day.
    DailyOutgoing,
    /// The most that may enter the wallet (top-ups) in one local month.
    MonthlyIncoming,
}

crate::names::names!(as_str display from_str: transaction::LimitKind as "limit kind" {
    MaxBalance => "max_balance",
    DailyOutgoing => "daily_outgoing",
    MonthlyIncoming => "monthly_incoming",
});

/// Why a transaction failed.
///
/// The JSON form is tagged with `reason`:
/// `{"reason":"insufficient_balance","shortfall":{"minor":500000,"currency":"IDR"}}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::FailureReason;
///
/// let reason = FailureReason::InsufficientBalance { shortfall: Money::new(500_000, Currency::Idr) };
/// let json = serde_json::to_string(&reason)?;
/// assert_eq!(json, r#"{"reason":"insufficient_balance","shortfall":{"minor":500000,"currency":"IDR"}}"#);
/// assert_eq!(serde_json::from_str::<FailureReason>(&json)?, reason);
/// assert_eq!(serde_json::to_string(&FailureReason::WrongPin)?, r#"{"reason":"wrong_pin"}"#);
/// assert!(serde_json::from_str::<FailureReason>(r#"{"reason":"solar_flare"}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "TransactionFailure")
)]
#[serde(
    tag = "reason",
    rename_all = "snake_case",
    deny_unknown_fields,
    from = "wire::FailureReasonWire"
)]
#[non_exhaustive]
pub enum FailureReason {
    /// The balance did not cover the amount.
    InsufficientBalance {
        /// How much was missing.
        shortfall: Money,
    },
    /// The PIN entered was wrong.
    WrongPin,
    /// The account was locked after too many failed attempts.
    AccountLocked {
        /// When the lock ends.
        until: DateTime<Utc>,
    },
    /// The account is frozen.
    AccountFrozen,
    /// The account is closed.
    AccountClosed,
    /// A limit would have been exceeded.
    LimitExceeded {
        /// Which limit.
        kind: LimitKind,
        /// The limit itself.
        limit: Money,
        /// How much was still allowed when the request came (zero or more).
        remaining: Money,
        /// The verification level whose limits applied.
        level: VerificationLevel,
    },
    /// The network timed out before an answer came.
    NetworkTimeout,
    /// The merchant's payment interface was down.
    MerchantUnavailable,
    /// The service was in scheduled maintenance.
    SystemMaintenance {
        /// When the maintenance ends.
        until: DateTime<Utc>,
    },
    /// The risk engine declined the transaction.
    RiskRejected,
    /// The card used has expired.
    CardExpired,
    /// The bank's system was unavailable.
    BankUnavailable {
        /// Which bank.
        bank: Name,
    },
    /// A failure code walletcare does not know.
    Unknown {
        /// The provider's code, kept for support staff.
        code: ProviderCode,
    },
}

// ---------------------------------------------------------------------------
// Support categories
// ---------------------------------------------------------------------------

/// The support queue a diagnosis step points to: the triage categories
/// (`account_access`, `account_security`, `payment_failure`, `refund`,
/// `bank_card`, `technical`, `complaint`, `feedback`, `general_inquiry`).
///
/// This is [`crate::ticket::Category`], the one vocabulary shared by
/// triage, tickets and diagnosis, under the name diagnosis uses.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::SupportCategory;
///
/// assert_eq!(serde_json::to_string(&SupportCategory::PaymentFailure)?, "\"payment_failure\"");
/// assert_eq!("bank_card".parse::<SupportCategory>()?, SupportCategory::BankCard);
/// assert_eq!(SupportCategory::ALL.len(), 9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub use crate::ticket::Category as SupportCategory;

// ---------------------------------------------------------------------------
// Transaction and its lifecycle
// ---------------------------------------------------------------------------

/// Where a transaction is in its lifecycle, without data: used in errors.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::TransactionStatus;
/// assert!(TransactionStatus::Failed.is_final());
/// assert!(!TransactionStatus::Succeeded.is_final());
/// assert_eq!(TransactionStatus::Pending.to_string(), "pending");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum TransactionStatus {
    /// Started, no final answer yet.
    Pending,
    /// Went through.
    Succeeded,
    /// Did not go through.
    Failed,
    /// Went through, then was undone.
    Reversed,
}

crate::names::names!(from_str: transaction::TransactionStatus as "transaction status" {
    Pending,
    Succeeded,
    Failed,
    Reversed,
});

impl TransactionStatus {
    /// Whether no further transition is possible.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::TransactionStatus;
    /// assert!(TransactionStatus::Reversed.is_final());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            TransactionStatus::Failed | TransactionStatus::Reversed
        )
    }

    /// Whether `self → to` is an allowed transition.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::TransactionStatus::*;
    /// assert!(Pending.can_become(Succeeded));
    /// assert!(Succeeded.can_become(Reversed));
    /// assert!(!Pending.can_become(Reversed));
    /// assert!(!Failed.can_become(Succeeded));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn can_become(self, to: TransactionStatus) -> bool {
        matches!(
            (self, to),
            (
                TransactionStatus::Pending,
                TransactionStatus::Succeeded | TransactionStatus::Failed
            ) | (TransactionStatus::Succeeded, TransactionStatus::Reversed)
        )
    }

    const fn as_str(self) -> &'static str {
        match self {
            TransactionStatus::Pending => "pending",
            TransactionStatus::Succeeded => "succeeded",
            TransactionStatus::Failed => "failed",
            TransactionStatus::Reversed => "reversed",
        }
    }
}

impl std::fmt::Display for TransactionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The state of a transaction.
///
/// The JSON form is tagged with `state`; a failure's reason is inlined:
/// `{"state":"failed","reason":"wrong_pin"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::{FailureReason, TransactionState, TransactionStatus};
///
/// let state = TransactionState::Failed(FailureReason::NetworkTimeout);
/// assert_eq!(serde_json::to_string(&state)?, r#"{"state":"failed","reason":"network_timeout"}"#);
/// assert_eq!(state.status(), TransactionStatus::Failed);
/// assert_eq!(serde_json::to_string(&TransactionState::Pending)?, r#"{"state":"pending"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(
    tag = "state",
    rename_all = "snake_case",
    from = "wire::TransactionStateWire"
)]
pub enum TransactionState {
    /// Started, no final answer yet.
    Pending,
    /// Went through.
    Succeeded,
    /// Did not go through, for this reason.
    Failed(FailureReason),
    /// Went through, then was undone.
    Reversed,
}

impl TransactionState {
    /// The state without its data.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::{TransactionState, TransactionStatus};
    /// assert_eq!(TransactionState::Reversed.status(), TransactionStatus::Reversed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn status(&self) -> TransactionStatus {
        match self {
            TransactionState::Pending => TransactionStatus::Pending,
            TransactionState::Succeeded => TransactionStatus::Succeeded,
            TransactionState::Failed(_) => TransactionStatus::Failed,
            TransactionState::Reversed => TransactionStatus::Reversed,
        }
    }
}

/// One money movement the user started.
///
/// Fields are read through methods; the state changes only through the
/// checked transitions [`succeed`](Transaction::succeed),
/// [`fail`](Transaction::fail) and [`reverse`](Transaction::reverse), each
/// all-or-nothing. Deserialising validates like [`Transaction::new`].
///
/// # Examples
///
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::*;
///
/// let t0 = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
/// let mut tx = Transaction::new(
///     TransactionId::new("T-1")?,
///     TransactionKind::Transfer { to: WalletId::new("+628111")? },
///     Money::from_major(25_000, Currency::Idr)?,
///     IdempotencyKey::new("K-1")?,
///     t0,
/// )?;
/// tx.succeed(t0 + Duration::seconds(2))?;
/// tx.reverse(t0 + Duration::hours(1))?;
/// assert_eq!(tx.status(), TransactionStatus::Reversed);
/// assert!(tx.succeed(t0 + Duration::hours(2)).is_err());
///
/// let json = serde_json::to_string(&tx)?;
/// assert_eq!(serde_json::from_str::<Transaction>(&json)?, tx);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "crate::error::Unchecked<TransactionRepr>")]
pub struct Transaction {
    id: TransactionId,
    kind: TransactionKind,
    amount: Money,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    state: TransactionState,
    idempotency_key: IdempotencyKey,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TransactionRepr {
    id: TransactionId,
    kind: TransactionKind,
    amount: Money,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    state: TransactionState,
    idempotency_key: IdempotencyKey,
}

impl TryFrom<TransactionRepr> for Transaction {
    type Error = TransactionError;

    fn try_from(r: TransactionRepr) -> Result<Self, Self::Error> {
        check_positive(r.amount)?;
        if r.updated_at < r.created_at {
            return Err(TransactionError::TimeBeforeLastUpdate {
                at: r.updated_at,
                last: r.created_at,
            });
        }
        Ok(Transaction {
            id: r.id,
            kind: r.kind,
            amount: r.amount,
            created_at: r.created_at,
            updated_at: r.updated_at,
            state: r.state,
            idempotency_key: r.idempotency_key,
        })
    }
}

fn check_positive(amount: Money) -> Result<(), TransactionError> {
    if amount.is_positive() {
        Ok(())
    } else {
        Err(TransactionError::NonPositiveAmount { amount })
    }
}

impl Transaction {
    /// A new pending transaction created at `created_at`.
    ///
    /// # Errors
    ///
    /// [`TransactionError::NonPositiveAmount`] if `amount` is zero or
    /// negative.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::transaction::*;
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let kind = TransactionKind::TopUp { source: TopUpSource::Card };
    /// let tx = Transaction::new(
    ///     TransactionId::new("T-1")?, kind.clone(), Money::new(1_000_000, Currency::Idr),
    ///     IdempotencyKey::new("K-1")?, now,
    /// )?;
    /// assert_eq!(tx.status(), TransactionStatus::Pending);
    /// assert!(Transaction::new(
    ///     TransactionId::new("T-2")?, kind, Money::new(0, Currency::Idr),
    ///     IdempotencyKey::new("K-2")?, now,
    /// ).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: TransactionId,
        kind: TransactionKind,
        amount: Money,
        idempotency_key: IdempotencyKey,
        created_at: DateTime<Utc>,
    ) -> Result<Self, TransactionError> {
        check_positive(amount)?;
        Ok(Transaction {
            id,
            kind,
            amount,
            created_at,
            updated_at: created_at,
            state: TransactionState::Pending,
            idempotency_key,
        })
    }

    /// The transaction id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::transaction::*;
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let tx = Transaction::new(TransactionId::new("T-9")?, TransactionKind::TopUp { source: TopUpSource::Card },
    ///     Money::new(100, Currency::Idr), IdempotencyKey::new("K")?, now)?;
    /// assert_eq!(tx.id().as_str(), "T-9");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &TransactionId {
        &self.id
    }

    /// What the transaction does.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::transaction::*;
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let tx = Transaction::new(TransactionId::new("T-9")?, TransactionKind::TopUp { source: TopUpSource::Card },
    ///     Money::new(100, Currency::Idr), IdempotencyKey::new("K")?, now)?;
    /// assert!(!tx.kind().is_debit());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> &TransactionKind {
        &self.kind
    }

    /// The amount (always positive).
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::transaction::*;
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let tx = Transaction::new(TransactionId::new("T-9")?, TransactionKind::TopUp { source: TopUpSource::Card },
    ///     Money::new(100, Currency::Idr), IdempotencyKey::new("K")?, now)?;
    /// assert_eq!(tx.amount().minor(), 100);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn amount(&self) -> Money {
        self.amount
    }

    /// When the transaction was created.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::transaction::*;
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let tx = Transaction::new(TransactionId::new("T-9")?, TransactionKind::TopUp { source: TopUpSource::Card },
    ///     Money::new(100, Currency::Idr), IdempotencyKey::new("K")?, now)?;
    /// assert_eq!(tx.created_at(), now);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn created_at(&self) -> DateTime<Utc> {
        self.created_at
    }

    /// When the state last changed (the creation time while pending).
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::transaction::*;
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let mut tx = Transaction::new(TransactionId::new("T-9")?, TransactionKind::TopUp { source: TopUpSource::Card },
    ///     Money::new(100, Currency::Idr), IdempotencyKey::new("K")?, now)?;
    /// tx.succeed(now + Duration::seconds(5))?;
    /// assert_eq!(tx.updated_at(), now + Duration::seconds(5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }

    /// The state, with the failure reason if failed.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::transaction::*;
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let mut tx = Transaction::new(TransactionId::new("T-9")?, TransactionKind::TopUp { source: TopUpSource::Card },
    ///     Money::new(100, Currency::Idr), IdempotencyKey::new("K")?, now)?;
    /// tx.fail(FailureReason::CardExpired, now)?;
    /// assert_eq!(tx.state(), &TransactionState::Failed(FailureReason::CardExpired));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn state(&self) -> &TransactionState {
        &self.state
    }

    /// The state without its data.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::transaction::*;
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let tx = Transaction::new(TransactionId::new("T-9")?, TransactionKind::TopUp { source: TopUpSource::Card },
    ///     Money::new(100, Currency::Idr), IdempotencyKey::new("K")?, now)?;
    /// assert_eq!(tx.status(), TransactionStatus::Pending);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn status(&self) -> TransactionStatus {
        self.state.status()
    }

    /// The idempotency key the transaction was requested with.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::transaction::*;
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let tx = Transaction::new(TransactionId::new("T-9")?, TransactionKind::TopUp { source: TopUpSource::Card },
    ///     Money::new(100, Currency::Idr), IdempotencyKey::new("K-77")?, now)?;
    /// assert_eq!(tx.idempotency_key().as_str(), "K-77");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn idempotency_key(&self) -> &IdempotencyKey {
        &self.idempotency_key
    }

    fn transition(
        &mut self,
        to: TransactionState,
        at: DateTime<Utc>,
    ) -> Result<(), TransactionError> {
        let from = self.status();
        if !from.can_become(to.status()) {
            return Err(TransactionError::InvalidTransition {
                from,
                to: to.status(),
            });
        }
        if at < self.updated_at {
            return Err(TransactionError::TimeBeforeLastUpdate {
                at,
                last: self.updated_at,
            });
        }
        self.state = to;
        self.updated_at = at;
        Ok(())
    }

    /// Pending → succeeded at `at`.
    ///
    /// # Errors
    ///
    /// [`TransactionError::InvalidTransition`] unless pending;
    /// [`TransactionError::TimeBeforeLastUpdate`] if `at` is before the last
    /// change. Nothing changes on error.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::transaction::*;
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let mut tx = Transaction::new(TransactionId::new("T-9")?, TransactionKind::TopUp { source: TopUpSource::Card },
    ///     Money::new(100, Currency::Idr), IdempotencyKey::new("K")?, now)?;
    /// tx.succeed(now)?;
    /// assert!(tx.succeed(now).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn succeed(&mut self, at: DateTime<Utc>) -> Result<(), TransactionError> {
        self.transition(TransactionState::Succeeded, at)
    }

    /// Pending → failed for `reason` at `at`.
    ///
    /// # Errors
    ///
    /// [`TransactionError::InvalidTransition`] unless pending;
    /// [`TransactionError::TimeBeforeLastUpdate`] if `at` is before the last
    /// change. Nothing changes on error.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::transaction::*;
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let mut tx = Transaction::new(TransactionId::new("T-9")?, TransactionKind::TopUp { source: TopUpSource::Card },
    ///     Money::new(100, Currency::Idr), IdempotencyKey::new("K")?, now)?;
    /// tx.fail(FailureReason::NetworkTimeout, now)?;
    /// assert_eq!(tx.status(), TransactionStatus::Failed);
    /// assert!(tx.reverse(now).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fail(
        &mut self,
        reason: FailureReason,
        at: DateTime<Utc>,
    ) -> Result<(), TransactionError> {
        self.transition(TransactionState::Failed(reason), at)
    }

    /// Succeeded → reversed at `at`.
    ///
    /// This changes the transaction record only; credit the money back with
    /// [`Ledger::apply`] and [`LedgerRequest::reversal`].
    ///
    /// # Errors
    ///
    /// [`TransactionError::InvalidTransition`] unless succeeded;
    /// [`TransactionError::TimeBeforeLastUpdate`] if `at` is before the last
    /// change. Nothing changes on error.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::transaction::*;
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let mut tx = Transaction::new(TransactionId::new("T-9")?, TransactionKind::TopUp { source: TopUpSource::Card },
    ///     Money::new(100, Currency::Idr), IdempotencyKey::new("K")?, now)?;
    /// assert!(tx.reverse(now).is_err()); // still pending
    /// tx.succeed(now)?;
    /// tx.reverse(now)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reverse(&mut self, at: DateTime<Utc>) -> Result<(), TransactionError> {
        self.transition(TransactionState::Reversed, at)
    }
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// An error from the transaction module: lifecycle, ledger and input checks.
///
/// Every variant maps to a stable [`ErrorCode`]; a ledger decline maps to
/// the code of its reason (see [`Decline`]).
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::transaction::{TransactionError, TransactionStatus};
///
/// let err = TransactionError::InvalidTransition {
///     from: TransactionStatus::Failed,
///     to: TransactionStatus::Succeeded,
/// };
/// assert_eq!(err.code(), ErrorCode::InvalidTransactionTransition);
/// assert_eq!(err.to_string(), "cannot move a transaction from failed to succeeded");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TransactionError {
    /// The state change is not allowed from the current state.
    #[error("cannot move a transaction from {from} to {to}")]
    InvalidTransition {
        /// The current status.
        from: TransactionStatus,
        /// The requested status.
        to: TransactionStatus,
    },
    /// A time is earlier than the last recorded change.
    #[error("time {at} is earlier than the last recorded change at {last}")]
    TimeBeforeLastUpdate {
        /// The time given.
        at: DateTime<Utc>,
        /// The last recorded change.
        last: DateTime<Utc>,
    },
    /// An id, key or name is malformed.
    #[error("invalid {field}: {problem}")]
    InvalidText {
        /// Which value.
        field: &'static str,
        /// What is wrong with it.
        problem: TextProblem,
    },
    /// An amount that must be positive is zero or negative.
    #[error("amount must be positive, got {}", plain_amount(*.amount))]
    NonPositiveAmount {
        /// The amount given.
        amount: Money,
    },
    /// An amount is in another currency than the ledger's.
    #[error("expected an amount in {expected}, got {actual}")]
    CurrencyMismatch {
        /// The ledger's currency.
        expected: Currency,
        /// The currency given.
        actual: Currency,
    },
    /// The ledger declined the request; the decline is stored and replayed
    /// for the same idempotency key.
    #[error("declined: {0}")]
    Declined(Decline),
    /// The idempotency key was already used for a different request.
    #[error("idempotency key {key} was already used for a different request")]
    IdempotencyConflict {
        /// The reused key.
        key: IdempotencyKey,
    },
    /// The transaction id was already applied under another idempotency key.
    #[error("transaction {id} was already applied under another idempotency key")]
    DuplicateTransaction {
        /// The transaction id.
        id: TransactionId,
    },
    /// No debit with this id is retained by the ledger.
    #[error("no debit with transaction id {id} is retained by this ledger")]
    TransactionNotFound {
        /// The transaction id.
        id: TransactionId,
    },
    /// A refund or reversal names a top-up, which cannot be credited back.
    #[error("transaction {id} is a top-up, not a debit: it cannot be refunded or reversed")]
    NotADebit {
        /// The transaction id.
        id: TransactionId,
    },
    /// The debit was already reversed.
    #[error("transaction {id} was already reversed")]
    AlreadyReversed {
        /// The transaction id.
        id: TransactionId,
    },
    /// A refund or reversal would credit back more than remains of the debit.
    #[error(
        "crediting {} back for transaction {id} exceeds the {} that remains of it",
        plain_amount(*.requested),
        plain_amount(*.available)
    )]
    CreditExceedsOriginal {
        /// The original debit.
        id: TransactionId,
        /// The amount asked for.
        requested: Money,
        /// What remains to be credited back.
        available: Money,
    },
    /// `now` falls on a local day older than the ledger's limit window.
    #[error(
        "{at} falls on {date}, before the earliest day {earliest} the ledger still counts limits for"
    )]
    OutsideLimitWindow {
        /// The time given.
        at: DateTime<Utc>,
        /// Its local date.
        date: NaiveDate,
        /// The earliest local date still counted.
        earliest: NaiveDate,
    },
    /// A ledger, limit or diagnosis configuration is inconsistent.
    #[error("invalid configuration: {problem}")]
    InvalidConfig {
        /// What is wrong.
        problem: &'static str,
    },
    /// A serialised ledger is internally inconsistent.
    #[error("invalid ledger state: {problem}")]
    InvalidLedgerState {
        /// What is wrong.
        problem: &'static str,
    },
    /// Money arithmetic failed (overflow).
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl TransactionError {
    /// The failure reason to record on the transaction, for a ledger decline.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::{Decline, FailureReason, TransactionError};
    /// let err = TransactionError::Declined(Decline::AccountFrozen);
    /// assert_eq!(err.failure_reason(), Some(FailureReason::AccountFrozen));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn failure_reason(&self) -> Option<FailureReason> {
        match self {
            TransactionError::Declined(decline) => Some(decline.failure_reason()),
            _ => None,
        }
    }
}

impl HasErrorCode for TransactionError {
    fn code(&self) -> ErrorCode {
        match self {
            TransactionError::InvalidTransition { .. }
            | TransactionError::AlreadyReversed { .. } => ErrorCode::InvalidTransactionTransition,
            TransactionError::TimeBeforeLastUpdate { .. }
            | TransactionError::InvalidText { .. }
            | TransactionError::NotADebit { .. } => ErrorCode::InvalidArgument,
            TransactionError::NonPositiveAmount { .. } => ErrorCode::NonPositiveAmount,
            TransactionError::CurrencyMismatch { .. } => ErrorCode::CurrencyMismatch,
            TransactionError::Declined(decline) => decline.code(),
            TransactionError::IdempotencyConflict { .. } => ErrorCode::IdempotencyConflict,
            TransactionError::DuplicateTransaction { .. } => ErrorCode::DuplicateTransaction,
            TransactionError::TransactionNotFound { .. } => ErrorCode::TransactionNotFound,
            TransactionError::CreditExceedsOriginal { .. } => ErrorCode::CreditExceedsOriginal,
            TransactionError::OutsideLimitWindow { .. } => ErrorCode::DateOutOfRange,
            TransactionError::InvalidConfig { .. } => ErrorCode::InvalidLedgerConfig,
            TransactionError::InvalidLedgerState { .. } => ErrorCode::InvalidJson,
            TransactionError::Money(e) => e.code(),
        }
    }
}

crate::error::coded_from_string!(Transaction(TransactionRepr) => TransactionError);

crate::error::coded_from_string!(BankAccountRef(BankAccountRepr) => TransactionError);
#[cfg(test)]
mod tests;
