//! Refunds: the request, the merchant policy and eligibility, the lifecycle
//! with appeals and retries, money safety per captured payment, and the SLA
//! on a business calendar.
//!
//! - [`RefundRequest`] is what a user asks for: order, transaction, payment
//!   time, amount (full or partial), reason with an optional free-text
//!   detail, evidence, and optionally a destination other than the original
//!   payment method.
//! - [`RefundPolicy`] is the merchant's rule book; [`RefundPolicy::check`]
//!   returns an [`Eligibility`] listing *every* [`IneligibilityReason`], not
//!   only the first.
//! - [`RefundBook`] holds every refund of one captured payment. It enforces
//!   that the refunds that still hold money (everything except failed,
//!   rejected and cancelled ones) never add up to more than the captured
//!   amount, replays idempotency keys, and moves refunds through their
//!   [`RefundStatus`] lifecycle with [`RefundAction`]s, keeping a history.
//! - [`RefundSlaPolicy`] gives the instant a refund is due after approval,
//!   counted in business days on a [`crate::calendar::BusinessCalendar`], its
//!   [`SlaStatus`] at `now`, and an explanation naming the holidays and
//!   weekends it skipped (see the `sla` items below).
//!
//! # Examples
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use walletcare_core::money::{Currency, Money};
//! use walletcare_core::refund::{
//!     CapturedPayment, IdempotencyKey, RefundAction, RefundAmount, RefundBook, RefundDestination,
//!     RefundPolicy, RefundReason, RefundRequest, RefundStatus,
//! };
//!
//! let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
//! let payment = CapturedPayment {
//!     transaction_id: "TX-1001".parse()?,
//!     order_number: "ORD-77".parse()?,
//!     amount: Money::new(20_000_000, Currency::Idr),
//!     paid_at,
//!     method: RefundDestination::WalletBalance,
//! };
//! let mut book = RefundBook::new(payment, RefundPolicy::default())?;
//!
//! let request = RefundRequest::new(
//!     "ORD-77".parse()?,
//!     "TX-1001".parse()?,
//!     paid_at,
//!     RefundAmount::Partial { amount: Money::new(5_000_000, Currency::Idr) },
//!     RefundReason::Cancelled,
//!     None,
//! )?;
//! let now = Utc.with_ymd_and_hms(2026, 12, 2, 3, 0, 0).unwrap();
//! let key: IdempotencyKey = "app-7f3a".parse()?;
//! let first = book.submit(key.clone(), request.clone(), now)?;
//! let again = book.submit(key, request, now)?;
//! assert_eq!(first.id, again.id);
//! assert!(again.replayed);
//!
//! book.apply(first.id, RefundAction::StartReview, now)?;
//! assert_eq!(book.apply(first.id, RefundAction::Approve, now)?, RefundStatus::Approved);
//! assert_eq!(book.committed_total()?.minor(), 5_000_000);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Coded, ErrorCode, HasErrorCode};
use crate::locale::{Locale, Render};
use crate::money::{Currency, Money, MoneyError};

mod lifecycle;
mod policy;
mod sla;

pub use lifecycle::{
    FailureReason, MAX_REFUNDS_PER_BOOK, Refund, RefundAction, RefundBook, RefundCommand,
    RefundEvent, RefundId, RefundOutcome, RefundStatus, RejectionReason, Submission,
};
pub use policy::{Eligibility, IneligibilityReason, RefundPolicy, WindowAnchor};
pub use sla::{CountStart, RefundDue, RefundSlaPolicy, SlaStatus, format_date};

/// The longest free-text detail, appeal statement or note, in characters.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::{FreeText, MAX_TEXT_CHARS};
/// assert!(FreeText::new(&"a".repeat(MAX_TEXT_CHARS)).is_ok());
/// assert!(FreeText::new(&"a".repeat(MAX_TEXT_CHARS + 1)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_TEXT_CHARS: usize = 500;

/// The longest order number, transaction reference or idempotency key, in
/// characters.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::{OrderNumber, MAX_ID_CHARS};
/// assert!(OrderNumber::new(&"9".repeat(MAX_ID_CHARS + 1)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_ID_CHARS: usize = 64;

/// The most evidence items one request may carry.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::MAX_EVIDENCE;
/// assert_eq!(MAX_EVIDENCE, 20);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_EVIDENCE: usize = 20;

/// The longest evidence reference (a file id, URL or bank reference), in
/// characters.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::{Evidence, EvidenceKind, MAX_EVIDENCE_REF_CHARS};
/// let long = "x".repeat(MAX_EVIDENCE_REF_CHARS + 1);
/// assert!(Evidence::new(EvidenceKind::Photo, &long).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_EVIDENCE_REF_CHARS: usize = 256;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// An error from the refund module.
///
/// Every variant maps to one [`ErrorCode`]; an operation that returns an error
/// has changed nothing.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::refund::{FreeText, RefundError};
///
/// let err = FreeText::new(&"x".repeat(501)).unwrap_err();
/// assert!(matches!(err, RefundError::TextTooLong { chars: 501, max: 500, .. }));
/// assert_eq!(err.code(), ErrorCode::InputTooLarge);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RefundError {
    /// A required text field is empty (or only whitespace).
    #[error("{field} must not be empty")]
    EmptyField {
        /// The field, as named in JSON.
        field: String,
    },
    /// A text field is longer than allowed.
    #[error("{field} is {chars} characters long; the limit is {max}")]
    TextTooLong {
        /// The field, as named in JSON.
        field: String,
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A text field holds a character it may not contain.
    #[error("{field} has a character that is not allowed at position {position}")]
    InvalidCharacter {
        /// The field, as named in JSON.
        field: String,
        /// The zero-based character position of the first offending character.
        position: usize,
    },
    /// The reason `other` needs a free-text detail saying what happened.
    #[error("the reason \"other\" needs a detail saying what happened")]
    DetailRequired,
    /// A request carries more evidence items than allowed.
    #[error("{count} evidence items given; the limit is {max}")]
    TooMuchEvidence {
        /// How many were given.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// An amount that must be positive is zero or negative.
    #[error("{field} must be positive, got {minor} minor units")]
    NonPositiveAmount {
        /// The field, as named in JSON.
        field: String,
        /// The amount given, in minor units.
        minor: i64,
    },
    /// A policy setting is out of its range.
    #[error("policy setting {field} is invalid: {message}")]
    InvalidPolicy {
        /// The setting, as named in JSON.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The request is not eligible; every problem is listed.
    #[error("the refund request is not eligible: {}", summarize(.problems))]
    NotEligible {
        /// Every reason the request fails, in a fixed order.
        problems: Vec<IneligibilityReason>,
    },
    /// The action is not allowed from the refund's current status.
    #[error("refund {id} cannot {action} while {from}")]
    InvalidTransition {
        /// The refund.
        id: RefundId,
        /// Its current status.
        from: RefundStatus,
        /// The action asked for (its snake_case name).
        action: String,
    },
    /// The move would make the refunds holding money exceed the captured
    /// amount.
    #[error(
        "refund of {requested_minor} minor units exceeds the {refundable_minor} minor units still refundable"
    )]
    ExceedsCaptured {
        /// The refund's amount, in minor units.
        requested_minor: i64,
        /// What the other refunds leave refundable, in minor units.
        refundable_minor: i64,
    },
    /// The appeal window closed before `now`.
    #[error("the appeal window closed at {closed_at}; the appeal came at {now}")]
    AppealWindowClosed {
        /// The last instant an appeal was accepted.
        closed_at: DateTime<Utc>,
        /// When the appeal came.
        now: DateTime<Utc>,
    },
    /// No refund in the book has this id.
    #[error("no refund with id {id}")]
    NotFound {
        /// The id asked for.
        id: RefundId,
    },
    /// The idempotency key was used before with a different request.
    #[error("idempotency key {key} was already used for a different request (refund {existing})")]
    IdempotencyConflict {
        /// The key.
        key: IdempotencyKey,
        /// The refund created under it.
        existing: RefundId,
    },
    /// `now` is before the refund's previous move.
    #[error("time went backwards for refund {id}: {now} is before its last move at {last}")]
    ClockWentBackwards {
        /// The refund.
        id: RefundId,
        /// The instant of its last move.
        last: DateTime<Utc>,
        /// The `now` given.
        now: DateTime<Utc>,
    },
    /// A failed refund has used all its processing attempts.
    #[error("refund {id} has used all {max} processing attempts")]
    RetryLimitReached {
        /// The refund.
        id: RefundId,
        /// The limit.
        max: u32,
    },
    /// Two amounts of different currencies met.
    #[error("expected an amount in {expected}, got {got}")]
    CurrencyMismatch {
        /// The currency expected.
        expected: Currency,
        /// The currency given.
        got: Currency,
    },
    /// A sum of amounts does not fit in 64-bit minor units.
    #[error("amount out of range")]
    AmountOverflow,
    /// The book already holds [`MAX_REFUNDS_PER_BOOK`] refunds.
    #[error("the refund book is full ({max} refunds)")]
    BookFull {
        /// The limit.
        max: usize,
    },
    /// The business calendar could not answer (a year it does not cover, a
    /// date out of range...).
    #[error(transparent)]
    Calendar(#[from] crate::calendar::CalendarError),
    /// A stored refund book breaks the book's rules (JSON edited by hand or
    /// corrupted).
    #[error("invalid refund book: {message}")]
    InvalidBook {
        /// What is wrong.
        message: String,
    },
}

fn summarize(problems: &[IneligibilityReason]) -> String {
    let names: Vec<&str> = problems.iter().map(IneligibilityReason::name).collect();
    names.join(", ")
}

impl HasErrorCode for RefundError {
    fn code(&self) -> ErrorCode {
        match self {
            RefundError::EmptyField { .. }
            | RefundError::InvalidCharacter { .. }
            | RefundError::DetailRequired
            | RefundError::InvalidPolicy { .. } => ErrorCode::InvalidArgument,
            RefundError::TextTooLong { .. }
            | RefundError::TooMuchEvidence { .. }
            | RefundError::BookFull { .. } => ErrorCode::InputTooLarge,
            RefundError::NonPositiveAmount { .. } => ErrorCode::NonPositiveAmount,
            RefundError::NotEligible { .. } => ErrorCode::RefundNotEligible,
            RefundError::InvalidTransition { .. } => ErrorCode::InvalidRefundTransition,
            RefundError::ExceedsCaptured { .. } => ErrorCode::RefundExceedsCaptured,
            RefundError::AppealWindowClosed { .. } => ErrorCode::AppealWindowClosed,
            RefundError::NotFound { .. } => ErrorCode::RefundNotFound,
            RefundError::IdempotencyConflict { .. } => ErrorCode::RefundIdempotencyConflict,
            RefundError::ClockWentBackwards { .. } => ErrorCode::RefundClockWentBackwards,
            RefundError::RetryLimitReached { .. } => ErrorCode::RefundRetryLimitReached,
            RefundError::CurrencyMismatch { .. } => ErrorCode::CurrencyMismatch,
            RefundError::AmountOverflow => ErrorCode::MoneyOverflow,
            RefundError::InvalidBook { .. } => ErrorCode::InvalidJson,
            RefundError::Calendar(inner) => inner.code(),
        }
    }
}

impl From<MoneyError> for RefundError {
    fn from(err: MoneyError) -> Self {
        match err {
            MoneyError::CurrencyMismatch { left, right } => RefundError::CurrencyMismatch {
                expected: left,
                got: right,
            },
            _ => RefundError::AmountOverflow,
        }
    }
}

// ---------------------------------------------------------------------------
// Validated text
// ---------------------------------------------------------------------------

/// What characters a text field accepts.
#[derive(Clone, Copy)]
enum Charset {
    /// ASCII letters, digits and `- _ . / : #`, as in order numbers and
    /// references.
    Identifier,
    /// Any text except control characters (newline and tab are allowed).
    Prose,
}

fn validate_text(
    field: &str,
    raw: &str,
    max: usize,
    charset: Charset,
) -> Result<String, RefundError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(RefundError::EmptyField {
            field: field.to_owned(),
        });
    }
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(RefundError::TextTooLong {
            field: field.to_owned(),
            chars,
            max,
        });
    }
    let bad = trimmed.chars().position(|c| match charset {
        Charset::Identifier => !(c.is_ascii_alphanumeric() || "-_./:#".contains(c)),
        Charset::Prose => c.is_control() && c != '\n' && c != '\t',
    });
    if let Some(position) = bad {
        return Err(RefundError::InvalidCharacter {
            field: field.to_owned(),
            position,
        });
    }
    Ok(trimmed.to_owned())
}

macro_rules! text_newtype {
    ($(#[$doc:meta])* $name:ident, $field:literal, $max:expr, $charset:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
        #[cfg_attr(feature = "typescript", ts(type = "string"))]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Validates and wraps the text (surrounding whitespace is trimmed).
            ///
            /// # Errors
            ///
            /// [`RefundError::EmptyField`], [`RefundError::TextTooLong`] or
            /// [`RefundError::InvalidCharacter`].
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use walletcare_core::refund::", stringify!($name), ";")]
            #[doc = concat!("assert!(", stringify!($name), "::new(\"  \").is_err());")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::new(\" A-1 \")?.as_str(), \"A-1\");")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn new(text: &str) -> Result<Self, RefundError> {
                validate_text($field, text, $max, $charset).map($name)
            }

            /// The text.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use walletcare_core::refund::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::new(\"B-2\")?.as_str(), \"B-2\");")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = Coded<RefundError>;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                $name::new(&value).map_err(Coded)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = RefundError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::new(s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_newtype!(
    /// A merchant order number: 1 to [`MAX_ID_CHARS`] ASCII letters, digits or
    /// `- _ . / : #`. The JSON form is the string.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::OrderNumber;
    /// let order: OrderNumber = "INV/2026/12/0042".parse()?;
    /// assert_eq!(serde_json::to_string(&order)?, "\"INV/2026/12/0042\"");
    /// assert!("order 42".parse::<OrderNumber>().is_err()); // space
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    OrderNumber,
    "order_number",
    MAX_ID_CHARS,
    Charset::Identifier
);

text_newtype!(
    /// The id of the captured payment transaction a refund is for: 1 to
    /// [`MAX_ID_CHARS`] ASCII letters, digits or `- _ . / : #`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::TransactionRef;
    /// let tx: TransactionRef = "TX-20261223-0001".parse()?;
    /// assert_eq!(tx.as_str(), "TX-20261223-0001");
    /// assert!(serde_json::from_str::<TransactionRef>("\"\"").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    TransactionRef,
    "transaction_id",
    MAX_ID_CHARS,
    Charset::Identifier
);

text_newtype!(
    /// A caller-chosen idempotency key: submitting the same request twice under
    /// one key creates one refund. 1 to [`MAX_ID_CHARS`] ASCII letters, digits
    /// or `- _ . / : #`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::IdempotencyKey;
    /// let key: IdempotencyKey = "app:9f1c2e".parse()?;
    /// assert_eq!(key.to_string(), "app:9f1c2e");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    IdempotencyKey,
    "idempotency_key",
    MAX_ID_CHARS,
    Charset::Identifier
);

text_newtype!(
    /// Free text written by a person (a refund detail, an appeal statement):
    /// 1 to [`MAX_TEXT_CHARS`] characters, no control characters except
    /// newline and tab.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::FreeText;
    /// let text = FreeText::new("Paket tidak pernah sampai.\nKurir bilang sudah dikirim.")?;
    /// assert!(text.as_str().contains('\n'));
    /// assert!(FreeText::new("bell \u{7}").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    FreeText,
    "text",
    MAX_TEXT_CHARS,
    Charset::Prose
);

// ---------------------------------------------------------------------------
// Reasons and evidence
// ---------------------------------------------------------------------------

/// Why a user asks for a refund. The JSON form is the snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::refund::RefundReason;
///
/// assert_eq!(serde_json::to_string(&RefundReason::NotAsDescribed)?, "\"not_as_described\"");
/// assert_eq!(RefundReason::NotReceived.render(Locale::Id), "barang tidak diterima");
/// assert!(serde_json::from_str::<RefundReason>("\"changed_my_mind\"").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RefundReason {
    /// The goods or service never arrived.
    NotReceived,
    /// What arrived is not what was described (damaged, wrong item, fake).
    NotAsDescribed,
    /// The user was charged twice for the same thing.
    Duplicate,
    /// The order was cancelled.
    Cancelled,
    /// The user did not make or authorise the payment.
    Unauthorised,
    /// Something else, told in the request's detail.
    Other,
}

crate::names::names!(display from_str: refund::RefundReason as "refund reason" {
    NotReceived,
    NotAsDescribed,
    Duplicate,
    Cancelled,
    Unauthorised,
    Other,
});

impl RefundReason {
    /// Every reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::RefundReason;
    /// assert_eq!(RefundReason::ALL.len(), 6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [RefundReason; 6] = [
        RefundReason::NotReceived,
        RefundReason::NotAsDescribed,
        RefundReason::Duplicate,
        RefundReason::Cancelled,
        RefundReason::Unauthorised,
        RefundReason::Other,
    ];

    /// The snake_case name, as in JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::RefundReason;
    /// assert_eq!(RefundReason::Unauthorised.as_str(), "unauthorised");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RefundReason::NotReceived => "not_received",
            RefundReason::NotAsDescribed => "not_as_described",
            RefundReason::Duplicate => "duplicate",
            RefundReason::Cancelled => "cancelled",
            RefundReason::Unauthorised => "unauthorised",
            RefundReason::Other => "other",
        }
    }
}

impl Render for RefundReason {
    fn render(&self, locale: Locale) -> String {
        let (en, id, zh) = match self {
            RefundReason::NotReceived => {
                ("item not received", "barang tidak diterima", "未收到商品")
            }
            RefundReason::NotAsDescribed => (
                "item not as described",
                "barang tidak sesuai deskripsi",
                "商品与描述不符",
            ),
            RefundReason::Duplicate => ("duplicate payment", "pembayaran ganda", "重复付款"),
            RefundReason::Cancelled => ("order cancelled", "pesanan dibatalkan", "订单已取消"),
            RefundReason::Unauthorised => (
                "unauthorised transaction",
                "transaksi tanpa izin",
                "未经授权的交易",
            ),
            RefundReason::Other => ("other", "lainnya", "其他"),
        };
        locale.pick(en, id, zh).to_owned()
    }
}

/// The kind of a piece of evidence. The JSON form is the snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::EvidenceKind;
/// assert_eq!(serde_json::to_string(&EvidenceKind::BankStatement)?, "\"bank_statement\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A photo (of the item, the package, a screen).
    Photo,
    /// A video (unboxing, defect).
    Video,
    /// A chat log with the merchant or the courier.
    ChatLog,
    /// A receipt or invoice.
    Receipt,
    /// A bank or card statement.
    BankStatement,
    /// A courier's proof of delivery or tracking record.
    DeliveryRecord,
    /// A police report (theft, fraud).
    PoliceReport,
    /// Anything else.
    Other,
}

crate::names::names!(as_str display from_str: refund::EvidenceKind as "evidence kind" {
    Photo => "photo",
    Video => "video",
    ChatLog => "chat_log",
    Receipt => "receipt",
    BankStatement => "bank_statement",
    DeliveryRecord => "delivery_record",
    PoliceReport => "police_report",
    Other => "other",
});

/// One piece of evidence: its kind and a reference to it (an uploaded file's
/// id, a URL, a statement reference), 1 to [`MAX_EVIDENCE_REF_CHARS`]
/// characters. The core never fetches it.
///
/// The JSON form is `{"kind":"photo","reference":"upload/8c1e.jpg"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::{Evidence, EvidenceKind};
/// let photo = Evidence::new(EvidenceKind::Photo, "upload/8c1e.jpg")?;
/// assert_eq!(photo.kind(), EvidenceKind::Photo);
/// let json = serde_json::to_string(&photo)?;
/// assert_eq!(json, r#"{"kind":"photo","reference":"upload/8c1e.jpg"}"#);
/// assert_eq!(serde_json::from_str::<Evidence>(&json)?, photo);
/// assert!(serde_json::from_str::<Evidence>(r#"{"kind":"photo","reference":""}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "EvidenceWire")]
pub struct Evidence {
    kind: EvidenceKind,
    reference: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceWire {
    kind: EvidenceKind,
    reference: String,
}

impl TryFrom<EvidenceWire> for Evidence {
    type Error = Coded<RefundError>;
    fn try_from(wire: EvidenceWire) -> Result<Self, Self::Error> {
        Evidence::new(wire.kind, &wire.reference).map_err(Coded)
    }
}

impl Evidence {
    /// Validates a piece of evidence.
    ///
    /// # Errors
    ///
    /// [`RefundError::EmptyField`], [`RefundError::TextTooLong`] or
    /// [`RefundError::InvalidCharacter`] for the reference.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::{Evidence, EvidenceKind};
    /// assert!(Evidence::new(EvidenceKind::ChatLog, "chat/2026-12-23/991").is_ok());
    /// assert!(Evidence::new(EvidenceKind::ChatLog, "").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(kind: EvidenceKind, reference: &str) -> Result<Self, RefundError> {
        let reference = validate_text(
            "evidence.reference",
            reference,
            MAX_EVIDENCE_REF_CHARS,
            Charset::Prose,
        )?;
        Ok(Evidence { kind, reference })
    }

    /// The kind of evidence.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::{Evidence, EvidenceKind};
    /// assert_eq!(Evidence::new(EvidenceKind::Receipt, "r-1")?.kind(), EvidenceKind::Receipt);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> EvidenceKind {
        self.kind
    }

    /// The reference to it.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::{Evidence, EvidenceKind};
    /// assert_eq!(Evidence::new(EvidenceKind::Receipt, " r-1 ")?.reference(), "r-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reference(&self) -> &str {
        &self.reference
    }
}

// ---------------------------------------------------------------------------
// Destinations
// ---------------------------------------------------------------------------

/// A bank, by its short code: 2 to 8 ASCII letters or digits, stored in upper
/// case (`BCA`, `BRI`, `MANDIRI`, or a numeric clearing code such as `014`).
/// The JSON form is the string.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::BankCode;
/// let bca: BankCode = "bca".parse()?;
/// assert_eq!(bca, BankCode::BCA);
/// assert_eq!(bca.as_str(), "BCA");
/// assert_eq!(serde_json::to_string(&BankCode::BRI)?, "\"BRI\"");
/// assert!("B".parse::<BankCode>().is_err());
/// assert!("BANK-1".parse::<BankCode>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
#[serde(try_from = "String", into = "String")]
pub struct BankCode {
    bytes: [u8; 8],
    len: u8,
}

impl BankCode {
    /// Bank Central Asia.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::BankCode;
    /// assert_eq!(BankCode::BCA.as_str(), "BCA");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const BCA: BankCode = BankCode {
        bytes: *b"BCA\0\0\0\0\0",
        len: 3,
    };

    /// Bank Rakyat Indonesia.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::BankCode;
    /// assert_eq!(BankCode::BRI.as_str(), "BRI");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const BRI: BankCode = BankCode {
        bytes: *b"BRI\0\0\0\0\0",
        len: 3,
    };

    /// Validates a bank code (case-insensitive, stored in upper case).
    ///
    /// # Errors
    ///
    /// [`RefundError::EmptyField`], [`RefundError::TextTooLong`] or
    /// [`RefundError::InvalidCharacter`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::BankCode;
    /// assert_eq!(BankCode::new(" mandiri ")?.as_str(), "MANDIRI");
    /// assert!(BankCode::new("TOOLONGCODE").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(code: &str) -> Result<Self, RefundError> {
        let code = code.trim();
        let field = "bank";
        if code.is_empty() {
            return Err(RefundError::EmptyField {
                field: field.to_owned(),
            });
        }
        let chars = code.chars().count();
        if chars > 8 {
            return Err(RefundError::TextTooLong {
                field: field.to_owned(),
                chars,
                max: 8,
            });
        }
        if let Some(position) = code.chars().position(|c| !c.is_ascii_alphanumeric()) {
            return Err(RefundError::InvalidCharacter {
                field: field.to_owned(),
                position,
            });
        }
        if chars < 2 {
            return Err(RefundError::InvalidCharacter {
                field: field.to_owned(),
                position: chars,
            });
        }
        let mut bytes = [0_u8; 8];
        for (slot, byte) in bytes.iter_mut().zip(code.bytes()) {
            *slot = byte.to_ascii_uppercase();
        }
        Ok(BankCode {
            bytes,
            len: u8::try_from(chars).unwrap_or(8),
        })
    }

    /// The code, in upper case.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::BankCode;
    /// assert_eq!(BankCode::new("bni")?.as_str(), "BNI");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        let len = usize::from(self.len).min(self.bytes.len());
        self.bytes
            .get(..len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl std::fmt::Debug for BankCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "BankCode({})", self.as_str())
    }
}

impl std::fmt::Display for BankCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for BankCode {
    type Err = RefundError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BankCode::new(s)
    }
}

impl TryFrom<String> for BankCode {
    type Error = Coded<RefundError>;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        BankCode::new(&value).map_err(Coded)
    }
}

impl From<BankCode> for String {
    fn from(value: BankCode) -> String {
        value.as_str().to_owned()
    }
}

/// The last four digits of a card or account number, the only part walletcare
/// keeps. The JSON form is the four-digit string.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::Last4;
/// let last4: Last4 = "0042".parse()?;
/// assert_eq!(last4.as_str(), "0042");
/// assert!("42".parse::<Last4>().is_err());
/// assert!("4x42".parse::<Last4>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
#[serde(try_from = "String", into = "String")]
pub struct Last4([u8; 4]);

impl Last4 {
    /// Validates four ASCII digits.
    ///
    /// # Errors
    ///
    /// [`RefundError::InvalidCharacter`] for a non-digit or a wrong length.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::Last4;
    /// assert!(Last4::new("1234").is_ok());
    /// assert!(Last4::new("12345").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(digits: &str) -> Result<Self, RefundError> {
        let digits = digits.trim();
        let field = "last4";
        if let Some(position) = digits.chars().position(|c| !c.is_ascii_digit()) {
            return Err(RefundError::InvalidCharacter {
                field: field.to_owned(),
                position,
            });
        }
        let bytes: [u8; 4] =
            digits
                .as_bytes()
                .try_into()
                .map_err(|_| RefundError::InvalidCharacter {
                    field: field.to_owned(),
                    position: digits.len().min(4),
                })?;
        Ok(Last4(bytes))
    }

    /// The four digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::Last4;
    /// assert_eq!(Last4::new("9876")?.as_str(), "9876");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("????")
    }
}

impl std::fmt::Debug for Last4 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Last4({})", self.as_str())
    }
}

impl std::fmt::Display for Last4 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Last4 {
    type Err = RefundError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Last4::new(s)
    }
}

impl TryFrom<String> for Last4 {
    type Error = Coded<RefundError>;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Last4::new(&value).map_err(Coded)
    }
}

impl From<Last4> for String {
    fn from(value: Last4) -> String {
        value.as_str().to_owned()
    }
}

/// Where refunded money goes: the user's wallet balance, a card at a bank, or
/// a bank account by transfer. By default a refund goes back to the payment's
/// original method; another destination is only accepted when the
/// [`RefundPolicy`] allows it.
///
/// The JSON form is tagged by `type`:
/// `{"type":"card","bank":"BCA","last4":"1234"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::refund::{BankCode, RefundDestination};
///
/// let card = RefundDestination::Card { bank: BankCode::BCA, last4: "1234".parse()? };
/// assert_eq!(serde_json::to_string(&card)?, r#"{"type":"card","bank":"BCA","last4":"1234"}"#);
/// assert_eq!(card.render(Locale::En), "BCA card ending in 1234");
/// assert_eq!(card.render(Locale::ZhCn), "尾号1234的BCA银行卡");
/// let wallet: RefundDestination = serde_json::from_str(r#"{"type":"wallet_balance"}"#)?;
/// assert_eq!(wallet, RefundDestination::WalletBalance);
/// assert!(serde_json::from_str::<RefundDestination>(r#"{"type":"wallet_balance","bank":"BCA"}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case", from = "DestinationWire")]
pub enum RefundDestination {
    /// The user's wallet balance.
    WalletBalance,
    /// A debit or credit card issued by `bank`.
    Card {
        /// The issuing bank.
        bank: BankCode,
        /// The card's last four digits.
        last4: Last4,
    },
    /// A bank account, by transfer.
    BankTransfer {
        /// The account's bank.
        bank: BankCode,
        /// The account number's last four digits.
        account_last4: Last4,
    },
}

// Serde ignores unknown fields next to the tag of a unit variant in an
// internally tagged enum; the wire forms below use empty struct variants so
// that `deny_unknown_fields` applies to every variant.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum DestinationWire {
    WalletBalance {},
    Card {
        bank: BankCode,
        last4: Last4,
    },
    BankTransfer {
        bank: BankCode,
        account_last4: Last4,
    },
}

impl From<DestinationWire> for RefundDestination {
    fn from(wire: DestinationWire) -> Self {
        match wire {
            DestinationWire::WalletBalance {} => RefundDestination::WalletBalance,
            DestinationWire::Card { bank, last4 } => RefundDestination::Card { bank, last4 },
            DestinationWire::BankTransfer {
                bank,
                account_last4,
            } => RefundDestination::BankTransfer {
                bank,
                account_last4,
            },
        }
    }
}

impl Render for RefundDestination {
    fn render(&self, locale: Locale) -> String {
        match self {
            RefundDestination::WalletBalance => locale
                .pick("wallet balance", "saldo dompet", "钱包余额")
                .to_owned(),
            RefundDestination::Card { bank, last4 } => match locale {
                Locale::En => format!("{bank} card ending in {last4}"),
                Locale::Id => format!("kartu {bank} berakhiran {last4}"),
                Locale::ZhCn => format!("尾号{last4}的{bank}银行卡"),
            },
            RefundDestination::BankTransfer {
                bank,
                account_last4,
            } => match locale {
                Locale::En => format!("{bank} account ending in {account_last4}"),
                Locale::Id => format!("rekening {bank} berakhiran {account_last4}"),
                Locale::ZhCn => format!("尾号{account_last4}的{bank}银行账户"),
            },
        }
    }
}

// ---------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------

/// How much to refund: all of the captured amount, or part of it.
///
/// The JSON form is tagged by `type`: `{"type":"full"}` or
/// `{"type":"partial","amount":{"minor":500000,"currency":"IDR"}}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::refund::RefundAmount;
///
/// let part = RefundAmount::Partial { amount: Money::new(500_000, Currency::Idr) };
/// assert_eq!(
///     serde_json::to_string(&part)?,
///     r#"{"type":"partial","amount":{"minor":500000,"currency":"IDR"}}"#
/// );
/// assert_eq!(serde_json::from_str::<RefundAmount>(r#"{"type":"full"}"#)?, RefundAmount::Full);
/// let full_with_amount = r#"{"type":"full","amount":{"minor":1,"currency":"IDR"}}"#;
/// assert!(serde_json::from_str::<RefundAmount>(full_with_amount).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case", from = "RefundAmountWire")]
pub enum RefundAmount {
    /// The whole captured amount.
    Full,
    /// Part of it (a partial amount equal to the captured amount is a full
    /// refund).
    Partial {
        /// The amount to refund; must be positive.
        amount: Money,
    },
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum RefundAmountWire {
    Full {},
    Partial { amount: Money },
}

impl From<RefundAmountWire> for RefundAmount {
    fn from(wire: RefundAmountWire) -> Self {
        match wire {
            RefundAmountWire::Full {} => RefundAmount::Full,
            RefundAmountWire::Partial { amount } => RefundAmount::Partial { amount },
        }
    }
}

impl RefundAmount {
    /// The amount this resolves to for a payment that captured `captured`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::refund::RefundAmount;
    /// let captured = Money::new(1_000, Currency::Usd);
    /// assert_eq!(RefundAmount::Full.resolve(captured), captured);
    /// let part = Money::new(250, Currency::Usd);
    /// assert_eq!(RefundAmount::Partial { amount: part }.resolve(captured), part);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn resolve(self, captured: Money) -> Money {
        match self {
            RefundAmount::Full => captured,
            RefundAmount::Partial { amount } => amount,
        }
    }
}

/// A user's refund request. Built with [`RefundRequest::new`] and the `with_`
/// methods, or parsed from JSON; either way it is validated: identifiers are
/// well formed, a partial amount is positive, the detail is bounded, the
/// reason `other` has a detail, and there are at most [`MAX_EVIDENCE`]
/// evidence items. Unknown JSON fields are rejected.
///
/// Whether the request is *eligible* depends on the payment and the merchant's
/// policy: see [`RefundPolicy::check`].
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::{RefundReason, RefundRequest};
///
/// let json = r#"{
///     "order_number": "ORD-77",
///     "transaction_id": "TX-1001",
///     "paid_at": "2026-12-01T03:00:00Z",
///     "amount": {"type": "full"},
///     "reason": "not_received",
///     "detail": "Kurir tidak pernah datang",
///     "evidence": [{"kind": "chat_log", "reference": "chat/991"}]
/// }"#;
/// let request: RefundRequest = serde_json::from_str(json)?;
/// assert_eq!(request.reason(), RefundReason::NotReceived);
/// assert_eq!(request.evidence().len(), 1);
///
/// let unknown_field = json.replace("\"detail\"", "\"note\"");
/// assert!(serde_json::from_str::<RefundRequest>(&unknown_field).is_err());
/// let other_without_detail = r#"{"order_number":"O1","transaction_id":"T1",
///     "paid_at":"2026-12-01T03:00:00Z","amount":{"type":"full"},"reason":"other"}"#;
/// assert!(serde_json::from_str::<RefundRequest>(other_without_detail).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
#[serde(deny_unknown_fields, try_from = "RefundRequestWire")]
pub struct RefundRequest {
    order_number: OrderNumber,
    transaction_id: TransactionRef,
    paid_at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    delivered_at: Option<DateTime<Utc>>,
    amount: RefundAmount,
    reason: RefundReason,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<FreeText>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    evidence: Vec<Evidence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    destination: Option<RefundDestination>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RefundRequestWire {
    order_number: OrderNumber,
    transaction_id: TransactionRef,
    paid_at: DateTime<Utc>,
    #[serde(default)]
    delivered_at: Option<DateTime<Utc>>,
    amount: RefundAmount,
    reason: RefundReason,
    #[serde(default)]
    detail: Option<FreeText>,
    #[serde(default)]
    evidence: Vec<Evidence>,
    #[serde(default)]
    destination: Option<RefundDestination>,
}

impl TryFrom<RefundRequestWire> for RefundRequest {
    type Error = Coded<RefundError>;
    fn try_from(wire: RefundRequestWire) -> Result<Self, Self::Error> {
        if wire.evidence.len() > MAX_EVIDENCE {
            return Err(Coded(RefundError::TooMuchEvidence {
                count: wire.evidence.len(),
                max: MAX_EVIDENCE,
            }));
        }
        let mut request = RefundRequest::new(
            wire.order_number,
            wire.transaction_id,
            wire.paid_at,
            wire.amount,
            wire.reason,
            wire.detail,
        )
        .map_err(Coded)?;
        request.delivered_at = wire.delivered_at;
        request.evidence = wire.evidence;
        request.destination = wire.destination;
        Ok(request)
    }
}

impl RefundRequest {
    /// A request with no delivery time, no evidence and the original payment
    /// method as destination.
    ///
    /// # Errors
    ///
    /// [`RefundError::NonPositiveAmount`] for a partial amount that is zero or
    /// negative; [`RefundError::DetailRequired`] for the reason
    /// [`RefundReason::Other`] without a detail.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::refund::{FreeText, RefundAmount, RefundError, RefundReason, RefundRequest};
    ///
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let ok = RefundRequest::new(
    ///     "ORD-1".parse()?, "TX-1".parse()?, paid_at, RefundAmount::Full,
    ///     RefundReason::Other, Some(FreeText::new("Wrong size")?),
    /// )?;
    /// assert_eq!(ok.detail().map(FreeText::as_str), Some("Wrong size"));
    ///
    /// let zero = RefundAmount::Partial { amount: Money::zero(Currency::Idr) };
    /// let err = RefundRequest::new(
    ///     "ORD-1".parse()?, "TX-1".parse()?, paid_at, zero, RefundReason::Duplicate, None,
    /// ).unwrap_err();
    /// assert!(matches!(err, RefundError::NonPositiveAmount { minor: 0, .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        order_number: OrderNumber,
        transaction_id: TransactionRef,
        paid_at: DateTime<Utc>,
        amount: RefundAmount,
        reason: RefundReason,
        detail: Option<FreeText>,
    ) -> Result<Self, RefundError> {
        if let RefundAmount::Partial { amount } = amount {
            if !amount.is_positive() {
                return Err(RefundError::NonPositiveAmount {
                    field: "amount".to_owned(),
                    minor: amount.minor(),
                });
            }
        }
        if reason == RefundReason::Other && detail.is_none() {
            return Err(RefundError::DetailRequired);
        }
        Ok(RefundRequest {
            order_number,
            transaction_id,
            paid_at,
            delivered_at: None,
            amount,
            reason,
            detail,
            evidence: Vec::new(),
            destination: None,
        })
    }

    /// The same request with a delivery time (used when the policy counts its
    /// window from delivery).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{RefundAmount, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let delivered = Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).unwrap();
    /// let request = RefundRequest::new(
    ///     "O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::NotAsDescribed, None,
    /// )?
    /// .with_delivered_at(delivered);
    /// assert_eq!(request.delivered_at(), Some(delivered));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_delivered_at(mut self, delivered_at: DateTime<Utc>) -> Self {
        self.delivered_at = Some(delivered_at);
        self
    }

    /// The same request with one more piece of evidence.
    ///
    /// # Errors
    ///
    /// [`RefundError::TooMuchEvidence`] past [`MAX_EVIDENCE`] items.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{Evidence, EvidenceKind, RefundAmount, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let request = RefundRequest::new(
    ///     "O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::NotAsDescribed, None,
    /// )?
    /// .with_evidence(Evidence::new(EvidenceKind::Photo, "upload/1.jpg")?)?;
    /// assert_eq!(request.evidence()[0].kind(), EvidenceKind::Photo);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_evidence(mut self, evidence: Evidence) -> Result<Self, RefundError> {
        if self.evidence.len() >= MAX_EVIDENCE {
            return Err(RefundError::TooMuchEvidence {
                count: self.evidence.len().saturating_add(1),
                max: MAX_EVIDENCE,
            });
        }
        self.evidence.push(evidence);
        Ok(self)
    }

    /// The same request asking for the money to go to `destination` instead of
    /// the original payment method.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{RefundAmount, RefundDestination, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let request = RefundRequest::new(
    ///     "O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::Cancelled, None,
    /// )?
    /// .with_destination(RefundDestination::WalletBalance);
    /// assert_eq!(request.destination(), Some(RefundDestination::WalletBalance));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_destination(mut self, destination: RefundDestination) -> Self {
        self.destination = Some(destination);
        self
    }

    /// The order number.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{RefundAmount, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let r = RefundRequest::new("O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::Cancelled, None)?;
    /// assert_eq!(r.order_number().as_str(), "O1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn order_number(&self) -> &OrderNumber {
        &self.order_number
    }

    /// The transaction the refund is for.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{RefundAmount, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let r = RefundRequest::new("O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::Cancelled, None)?;
    /// assert_eq!(r.transaction_id().as_str(), "T1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn transaction_id(&self) -> &TransactionRef {
        &self.transaction_id
    }

    /// When the user paid, as the user states it.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{RefundAmount, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let r = RefundRequest::new("O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::Cancelled, None)?;
    /// assert_eq!(r.paid_at(), paid_at);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn paid_at(&self) -> DateTime<Utc> {
        self.paid_at
    }

    /// When the goods were delivered, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{RefundAmount, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let r = RefundRequest::new("O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::Cancelled, None)?;
    /// assert_eq!(r.delivered_at(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn delivered_at(&self) -> Option<DateTime<Utc>> {
        self.delivered_at
    }

    /// The amount asked for.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{RefundAmount, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let r = RefundRequest::new("O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::Cancelled, None)?;
    /// assert_eq!(r.amount(), RefundAmount::Full);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn amount(&self) -> RefundAmount {
        self.amount
    }

    /// The reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{RefundAmount, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let r = RefundRequest::new("O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::Cancelled, None)?;
    /// assert_eq!(r.reason(), RefundReason::Cancelled);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reason(&self) -> RefundReason {
        self.reason
    }

    /// The free-text detail, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{RefundAmount, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let r = RefundRequest::new("O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::Cancelled, None)?;
    /// assert!(r.detail().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn detail(&self) -> Option<&FreeText> {
        self.detail.as_ref()
    }

    /// The evidence, in the order given.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{RefundAmount, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let r = RefundRequest::new("O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::Cancelled, None)?;
    /// assert!(r.evidence().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    /// The destination asked for; `None` means the original payment method.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::refund::{RefundAmount, RefundReason, RefundRequest};
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let r = RefundRequest::new("O1".parse()?, "T1".parse()?, paid_at, RefundAmount::Full, RefundReason::Cancelled, None)?;
    /// assert_eq!(r.destination(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn destination(&self) -> Option<RefundDestination> {
        self.destination
    }
}

/// The captured payment a [`RefundBook`] protects: what was paid, when, and
/// how. Refunds of it never add up to more than `amount`.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::CapturedPayment;
///
/// let json = r#"{"transaction_id":"TX-1","order_number":"ORD-1",
///     "amount":{"minor":15000000,"currency":"IDR"},"paid_at":"2026-12-23T08:00:00Z",
///     "method":{"type":"card","bank":"BCA","last4":"1234"}}"#;
/// let payment: CapturedPayment = serde_json::from_str(json)?;
/// assert_eq!(payment.amount.minor(), 15_000_000);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CapturedPayment {
    /// The payment transaction.
    pub transaction_id: TransactionRef,
    /// The merchant's order.
    pub order_number: OrderNumber,
    /// The captured amount; must be positive.
    pub amount: Money,
    /// When it was paid.
    pub paid_at: DateTime<Utc>,
    /// How it was paid: where refunds go by default.
    pub method: RefundDestination,
}

// ---------------------------------------------------------------------------
// Text helpers shared by the submodules
// ---------------------------------------------------------------------------

/// An amount for a sentence in `locale`: the crate's one money printer,
/// [`Money::format`] (`Rp150.000`, `IDR 150,000`), whose output parses back.
pub(crate) fn format_money(amount: Money, locale: Locale) -> String {
    amount.format(locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_in_refund_text_is_the_shared_formatter() {
        let m = Money::new(15_000_050, Currency::Idr);
        for locale in Locale::ALL {
            assert_eq!(format_money(m, locale), m.format(locale));
        }
        assert_eq!(format_money(m, Locale::Id), "Rp150.000,50");
    }

    #[test]
    fn text_validation_names_field_and_position() {
        assert_eq!(
            OrderNumber::new("AB CD"),
            Err(RefundError::InvalidCharacter {
                field: "order_number".into(),
                position: 2
            })
        );
        assert!(matches!(
            FreeText::new(&"é".repeat(MAX_TEXT_CHARS)),
            Ok(t) if t.as_str().chars().count() == MAX_TEXT_CHARS
        ));
        assert_eq!(
            BankCode::new("b"),
            Err(RefundError::InvalidCharacter {
                field: "bank".into(),
                position: 1
            })
        );
        assert_eq!(BankCode::new("bca"), Ok(BankCode::BCA));
        assert!(Last4::new("１２３４").is_err());
    }

    #[test]
    fn every_error_has_a_refund_or_shared_code() {
        let errors = [
            RefundError::DetailRequired,
            RefundError::AmountOverflow,
            RefundError::BookFull { max: 1 },
            RefundError::NotFound {
                id: RefundId::new(1),
            },
        ];
        for err in errors {
            assert!(ErrorCode::ALL.contains(&err.code()));
            assert!(!err.to_string().is_empty());
        }
    }
}
