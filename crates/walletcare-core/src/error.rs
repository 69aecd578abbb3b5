//! Stable error codes shared by every module and every binding.
//!
//! Each module has its own error type (for example [`crate::money::MoneyError`]);
//! every variant of every such type maps to exactly one [`ErrorCode`]. The code
//! is the contract: its number is the C library's `wc_status` value and its
//! string is the `code` property of the errors the npm package throws. Codes
//! are never renumbered or reused; new ones are only ever added.
//!
//! Numbers are grouped by module: 100-199 general, 200-299 money, 300-399
//! account, 400-499 card, 500-599 transaction, 600-699 calendar, 700-799
//! refund, 800-899 ticket, 900-999 triage, 1000-1099 redact, 1100-1149
//! queue, 1150-1199 intake.
//!
//! # Examples
//!
//! ```
//! use walletcare_core::error::{ErrorCode, HasErrorCode};
//! use walletcare_core::money::{Currency, Money};
//!
//! let err = Money::new(1, Currency::Idr)
//!     .checked_add(Money::new(1, Currency::Usd))
//!     .unwrap_err();
//! assert_eq!(err.code(), ErrorCode::CurrencyMismatch);
//! assert_eq!(err.code().as_str(), "money.currency_mismatch");
//! assert_eq!(ErrorCode::from_u32(err.code().as_u32()), Some(ErrorCode::CurrencyMismatch));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An error type whose variants each carry a stable [`ErrorCode`].
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::money::MoneyError;
///
/// let err = MoneyError::Overflow;
/// assert_eq!(err.code(), ErrorCode::MoneyOverflow);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait HasErrorCode: std::error::Error {
    /// The stable machine code of this error.
    fn code(&self) -> ErrorCode;
}

macro_rules! error_codes {
    ($( $(#[$doc:meta])* $name:ident = $value:literal => $text:literal, )*) => {
        /// The stable machine code of an error.
        ///
        /// The numeric value ([`ErrorCode::as_u32`]) is the C status code; the
        /// string ([`ErrorCode::as_str`]) is the JS `code` property and the JSON
        /// form.
        ///
        /// # Examples
        ///
        /// ```
        /// use walletcare_core::error::ErrorCode;
        ///
        /// let code: ErrorCode = "money.overflow".parse()?;
        /// assert_eq!(code, ErrorCode::MoneyOverflow);
        /// assert_eq!(serde_json::to_string(&code)?, "\"money.overflow\"");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #[repr(u32)]
        pub enum ErrorCode {
            $( $(#[$doc])* $name = $value, )*
        }

        impl ErrorCode {
            /// Every code, in numeric order.
            ///
            /// # Examples
            ///
            /// ```
            /// use walletcare_core::error::ErrorCode;
            /// assert!(ErrorCode::ALL.windows(2).all(|w| w[0].as_u32() < w[1].as_u32()));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$name,)*];

            /// The stable string form, `module.snake_case_name`.
            ///
            /// # Examples
            ///
            /// ```
            /// use walletcare_core::error::ErrorCode;
            /// assert_eq!(ErrorCode::InvalidJson.as_str(), "general.invalid_json");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$name => $text,)* }
            }

            /// The code for a number, if it is one.
            ///
            /// # Examples
            ///
            /// ```
            /// use walletcare_core::error::ErrorCode;
            /// assert_eq!(ErrorCode::from_u32(100), Some(ErrorCode::InvalidJson));
            /// assert_eq!(ErrorCode::from_u32(7), None);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub const fn from_u32(value: u32) -> Option<Self> {
                match value { $($value => Some(ErrorCode::$name),)* _ => None }
            }
        }
    };
}

error_codes! {
    // ---- general: 100-199 ----
    /// Input that should be JSON is not, or does not match the expected schema.
    InvalidJson = 100 => "general.invalid_json",
    /// Input is larger than the documented limit.
    InputTooLarge = 101 => "general.input_too_large",
    /// An argument is out of its documented range or otherwise invalid.
    InvalidArgument = 102 => "general.invalid_argument",
    /// An enum value (currency, locale, category...) is not known.
    UnknownValue = 103 => "general.unknown_value",
    /// A date or time is outside the supported range.
    DateOutOfRange = 104 => "general.date_out_of_range",
    /// A change was made against a version that is no longer current (an
    /// optimistic-concurrency conflict): reload and decide again.
    VersionConflict = 120 => "general.version_conflict",
    /// A caller key was reused for a different command.
    ChangeKeyConflict = 121 => "general.idempotency_conflict",

    // ---- money: 200-299 ----
    /// Two amounts of different currencies were combined.
    CurrencyMismatch = 200 => "money.currency_mismatch",
    /// An arithmetic result does not fit.
    MoneyOverflow = 201 => "money.overflow",
    /// A currency code is not supported.
    UnknownCurrency = 202 => "money.unknown_currency",
    /// Money text could not be parsed.
    MoneyParse = 203 => "money.parse",
    /// Money text is ambiguous (for example "1.500" with no locale hint).
    MoneyAmbiguous = 204 => "money.ambiguous",
    /// Money text has more fractional digits than the currency allows.
    MoneyTooPrecise = 205 => "money.too_precise",
    /// A split was asked for zero parts or with invalid ratios.
    InvalidSplit = 206 => "money.invalid_split",
    /// An amount that must be positive is zero or negative.
    NonPositiveAmount = 207 => "money.non_positive_amount",

    // ---- account: 300-399 ----
    /// The requested account state change is not allowed from the current state.
    InvalidAccountTransition = 300 => "account.invalid_transition",
    /// The account is locked after too many failed attempts.
    AccountLocked = 301 => "account.locked",
    /// The account is frozen.
    AccountFrozen = 302 => "account.frozen",
    /// The account is closed.
    AccountClosed = 303 => "account.closed",
    /// A PIN does not meet the policy.
    WeakPin = 304 => "account.weak_pin",
    /// A password does not meet the policy.
    WeakPassword = 305 => "account.weak_password",
    /// A credential did not match.
    WrongCredential = 306 => "account.wrong_credential",
    /// A one-time code has expired.
    CodeExpired = 307 => "account.code_expired",
    /// A one-time code did not match.
    WrongCode = 308 => "account.wrong_code",
    /// A one-time code has been used or has no tries left.
    CodeExhausted = 309 => "account.code_exhausted",
    /// Identity checks required to unfreeze have not all passed.
    IdentityNotVerified = 310 => "account.identity_not_verified",
    /// A credential reset is required before this action.
    CredentialResetRequired = 311 => "account.credential_reset_required",
    /// A phone number or email address is malformed.
    InvalidContact = 312 => "account.invalid_contact",
    /// A policy configuration is inconsistent.
    InvalidPolicy = 313 => "account.invalid_policy",
    /// No known device has the given id.
    DeviceNotFound = 314 => "account.device_not_found",
    /// The account already remembers the maximum number of devices.
    DeviceLimitReached = 315 => "account.device_limit_reached",

    // ---- card: 400-499 ----
    /// A card number has the wrong length or characters.
    InvalidCardNumber = 400 => "card.invalid_number",
    /// A card number fails the Luhn check.
    CardLuhnFailed = 401 => "card.luhn_failed",
    /// The card brand is not recognised or not accepted.
    UnsupportedCardBrand = 402 => "card.unsupported_brand",
    /// The card has expired.
    CardExpired = 403 => "card.expired",
    /// An expiry date is malformed.
    InvalidExpiry = 404 => "card.invalid_expiry",
    /// A CVV is malformed for the card brand.
    InvalidCvv = 405 => "card.invalid_cvv",
    /// A holder name is empty or malformed.
    InvalidHolderName = 406 => "card.invalid_holder_name",
    /// The same card is already bound to the account.
    CardAlreadyBound = 407 => "card.already_bound",
    /// The account already has the maximum number of cards.
    CardLimitReached = 408 => "card.limit_reached",
    /// No bound card has the given id.
    CardNotFound = 409 => "card.not_found",

    // ---- transaction: 500-599 ----
    /// The wallet balance does not cover the amount.
    InsufficientBalance = 500 => "transaction.insufficient_balance",
    /// A daily or per-transaction limit would be exceeded.
    LimitExceeded = 501 => "transaction.limit_exceeded",
    /// An idempotency key was reused with a different request.
    IdempotencyConflict = 502 => "transaction.idempotency_conflict",
    /// The transaction state change is not allowed.
    InvalidTransactionTransition = 503 => "transaction.invalid_transition",
    /// No transaction has the given id.
    TransactionNotFound = 504 => "transaction.not_found",
    /// Outgoing money movement is blocked by the account state.
    OutgoingBlocked = 505 => "transaction.outgoing_blocked",
    /// A transaction id was already applied to the ledger under another
    /// idempotency key.
    DuplicateTransaction = 506 => "transaction.duplicate",
    /// A refund or reversal would credit back more than the original debit.
    CreditExceedsOriginal = 507 => "transaction.credit_exceeds_original",
    /// A ledger, limit or diagnosis configuration is inconsistent.
    InvalidLedgerConfig = 508 => "transaction.invalid_config",

    // ---- calendar: 600-699 ----
    /// The answer depends on a year whose calendar is estimated or not covered.
    CalendarNotCovered = 600 => "calendar.not_covered",
    /// The calendar has no business days at all (empty weekmask).
    NoBusinessDays = 601 => "calendar.no_business_days",
    /// Business hours are malformed (overlapping or reversed periods).
    InvalidBusinessHours = 602 => "calendar.invalid_business_hours",
    /// A time zone name is not a known IANA zone.
    UnknownTimeZone = 603 => "calendar.unknown_time_zone",
    /// No built-in calendar has the given code.
    UnknownCalendar = 604 => "calendar.unknown_calendar",

    // ---- refund: 700-799 ----
    /// The refund request is not eligible under the merchant policy.
    RefundNotEligible = 700 => "refund.not_eligible",
    /// The requested refund state change is not allowed.
    InvalidRefundTransition = 701 => "refund.invalid_transition",
    /// Refunds would exceed the captured amount.
    RefundExceedsCaptured = 702 => "refund.exceeds_captured",
    /// The appeal window has closed.
    AppealWindowClosed = 703 => "refund.appeal_window_closed",
    /// No refund has the given id.
    RefundNotFound = 704 => "refund.not_found",
    /// An idempotency key was reused with a different refund request.
    RefundIdempotencyConflict = 705 => "refund.idempotency_conflict",
    /// A refund move is timestamped before the refund's previous move.
    RefundClockWentBackwards = 706 => "refund.clock_went_backwards",
    /// A failed refund has used all its processing attempts.
    RefundRetryLimitReached = 707 => "refund.retry_limit_reached",

    // ---- ticket: 800-899 ----
    /// A ticket number is malformed or its check digit is wrong.
    InvalidTicketNumber = 800 => "ticket.invalid_number",
    /// The requested ticket state change is not allowed.
    InvalidTicketTransition = 801 => "ticket.invalid_transition",
    /// A satisfaction score is out of range.
    InvalidSatisfactionScore = 802 => "ticket.invalid_satisfaction_score",
    /// The window to reopen a resolved ticket or to ask for a second review
    /// has closed.
    TicketWindowClosed = 803 => "ticket.window_closed",
    /// A ticket event is dated before the event before it.
    TicketEventOutOfOrder = 804 => "ticket.event_out_of_order",
    /// An SLA policy or ticket rules are inconsistent or out of range.
    InvalidSlaPolicy = 805 => "ticket.invalid_sla_policy",
    /// A regulatory deadline extension is not allowed (nothing to extend,
    /// already extended, or asked for after the deadline).
    RegulatoryExtensionNotAllowed = 806 => "ticket.regulatory_extension_not_allowed",
    /// An escalation that does not raise the level, or a level outside 0-3.
    InvalidEscalation = 807 => "ticket.invalid_escalation",

    // ---- triage: 900-999 ----
    /// Model bytes are malformed, truncated or of an unsupported version.
    InvalidModel = 900 => "triage.invalid_model",
    /// Training data is empty, malformed or has too few labels.
    InvalidTrainingData = 901 => "triage.invalid_training_data",
    /// CSV training data is malformed (the message names the line).
    InvalidCsv = 902 => "triage.invalid_csv",
    /// A company label map is malformed: not a JSON object, an unknown
    /// member, a bad priority or information field, an incomplete answer.
    TriageInvalidLabelMap = 920 => "triage.invalid_label_map",
    /// A label map names a label the model does not have.
    TriageUnknownLabel = 921 => "triage.unknown_label",
    /// A label map maps a label to something that is not one of the nine
    /// categories.
    TriageUnknownCategory = 922 => "triage.unknown_category",
    /// A model label is not a category and no label map names it.
    TriageUnmappedLabel = 923 => "triage.unmapped_label",

    // ---- redact: 1000-1099 ----
    /// A secret kind name is not known.
    RedactUnknownKind = 1000 => "redact.unknown_kind",
    /// A scam configuration (allowed domains) is malformed.
    RedactInvalidConfig = 1001 => "redact.invalid_config",

    // ---- queue: 1100-1149 ----
    /// A queue input (arrival rate, handle time, agents, patience, target)
    /// is not finite or out of range.
    QueueInvalidInput = 1100 => "queue.invalid_input",
    /// No staffing up to the limit meets the service-level target.
    QueueTargetUnreachable = 1101 => "queue.target_unreachable",
    /// A channel is listed twice in a recommendation request.
    QueueDuplicateChannel = 1102 => "queue.duplicate_channel",

    // ---- intake: 1150-1199 ----
    /// A saved intake conversation is inconsistent or of another version.
    IntakeInvalidState = 1150 => "intake.invalid_state",
    /// A message dated before the conversation's previous message.
    IntakeClockWentBackwards = 1151 => "intake.clock_went_backwards",
    /// The conversation has reached its message limit.
    IntakeTooLong = 1152 => "intake.too_long",
}

impl ErrorCode {
    /// The numeric form: the C `wc_status` value.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::error::ErrorCode;
    /// assert_eq!(ErrorCode::CurrencyMismatch.as_u32(), 200);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_u32(self) -> u32 {
        self as u32
    }
}

impl ErrorCode {
    /// What kind of failure the code is, so a host can map it to a protocol
    /// status (HTTP 400, 409, 404, 403) without a table of its own.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::error::{ErrorCode, ErrorKind};
    /// assert_eq!(ErrorCode::UnknownCurrency.kind(), ErrorKind::InvalidInput);
    /// assert_eq!(ErrorCode::RefundIdempotencyConflict.kind(), ErrorKind::Conflict);
    /// assert_eq!(ErrorCode::RefundNotFound.kind(), ErrorKind::NotFound);
    /// assert_eq!(ErrorCode::AccountFrozen.kind(), ErrorKind::NotAllowed);
    /// assert_eq!(ErrorKind::Conflict.http_status(), 409);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn kind(self) -> ErrorKind {
        use ErrorCode as C;
        match self {
            C::DeviceNotFound | C::CardNotFound | C::TransactionNotFound | C::RefundNotFound => {
                ErrorKind::NotFound
            }
            C::VersionConflict
            | C::ChangeKeyConflict
            | C::InvalidAccountTransition
            | C::CardAlreadyBound
            | C::IdempotencyConflict
            | C::InvalidTransactionTransition
            | C::DuplicateTransaction
            | C::InvalidRefundTransition
            | C::RefundIdempotencyConflict
            | C::RefundClockWentBackwards
            | C::InvalidTicketTransition
            | C::TicketEventOutOfOrder => ErrorKind::Conflict,
            C::AccountLocked
            | C::AccountFrozen
            | C::AccountClosed
            | C::WrongCredential
            | C::CodeExpired
            | C::WrongCode
            | C::CodeExhausted
            | C::IdentityNotVerified
            | C::CredentialResetRequired
            | C::DeviceLimitReached
            | C::CardExpired
            | C::CardLimitReached
            | C::InsufficientBalance
            | C::LimitExceeded
            | C::OutgoingBlocked
            | C::CreditExceedsOriginal
            | C::RefundNotEligible
            | C::RefundExceedsCaptured
            | C::AppealWindowClosed
            | C::RefundRetryLimitReached
            | C::TicketWindowClosed
            | C::RegulatoryExtensionNotAllowed => ErrorKind::NotAllowed,
            _ => ErrorKind::InvalidInput,
        }
    }
}

/// The kind of a failure: whose move it is next.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::ErrorKind;
/// assert_eq!(ErrorKind::NotFound.as_str(), "not_found");
/// assert_eq!("conflict".parse::<ErrorKind>()?, ErrorKind::Conflict);
/// assert_eq!(serde_json::to_string(&ErrorKind::InvalidInput)?, "\"invalid_input\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The caller sent something malformed or out of range: fix the input.
    InvalidInput,
    /// The request clashes with the current state (a stale version, a
    /// transition that is not allowed from here, a reused idempotency key):
    /// reload and decide again.
    Conflict,
    /// What the request names does not exist.
    NotFound,
    /// Well-formed, but the rules say no (locked, frozen, over a limit, not
    /// eligible).
    NotAllowed,
}

impl ErrorKind {
    /// Every kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::error::ErrorKind;
    /// assert_eq!(ErrorKind::ALL.len(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [ErrorKind; 4] = [
        ErrorKind::InvalidInput,
        ErrorKind::Conflict,
        ErrorKind::NotFound,
        ErrorKind::NotAllowed,
    ];

    /// The JSON form: `invalid_input`, `conflict`, `not_found`, `not_allowed`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::error::ErrorKind;
    /// assert_eq!(ErrorKind::NotAllowed.as_str(), "not_allowed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::Conflict => "conflict",
            ErrorKind::NotFound => "not_found",
            ErrorKind::NotAllowed => "not_allowed",
        }
    }

    /// The HTTP status a service would answer with: 400, 409, 404 or 403.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::error::ErrorKind;
    /// assert_eq!(ErrorKind::InvalidInput.http_status(), 400);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn http_status(self) -> u16 {
        match self {
            ErrorKind::InvalidInput => 400,
            ErrorKind::Conflict => 409,
            ErrorKind::NotFound => 404,
            ErrorKind::NotAllowed => 403,
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ErrorKind {
    type Err = UnknownErrorCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ErrorKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownErrorCode(s.chars().take(64).collect()))
    }
}

/// Any walletcare error in one serialisable shape:
/// `{"code", "status", "kind", "message", "details"}`.
///
/// Every module error converts into it, so a service can log it, return it
/// as an HTTP body (status from [`ErrorKind::http_status`]) or store it. The
/// C library and the npm package report the same `code`, `status` and
/// `message`.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{Error, ErrorCode, ErrorKind};
/// use walletcare_core::money::{Currency, Money};
///
/// let err: Error = Money::new(1, Currency::Idr)
///     .checked_add(Money::new(1, Currency::Usd))
///     .unwrap_err()
///     .into();
/// assert_eq!(err.code, ErrorCode::CurrencyMismatch);
/// assert_eq!(err.kind(), ErrorKind::InvalidInput);
/// let json = serde_json::to_value(&err)?;
/// assert_eq!(json["code"], "money.currency_mismatch");
/// assert_eq!(json["status"], 200);
/// assert_eq!(json["kind"], "invalid_input");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    /// The stable code.
    pub code: ErrorCode,
    /// A sentence a person can act on.
    pub message: String,
    /// Machine-readable details, for example the field that was wrong
    /// (`{"field": "destination.bank"}`); `null` when there are none.
    pub details: serde_json::Value,
}

impl Error {
    /// An error with a code and a message and no details.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::error::{Error, ErrorCode};
    /// let err = Error::new(ErrorCode::InvalidArgument, "`days` must be a whole number");
    /// assert_eq!(err.to_string(), "`days` must be a whole number");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            details: serde_json::Value::Null,
        }
    }

    /// The same error with machine-readable details.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::error::{Error, ErrorCode};
    /// let err = Error::new(ErrorCode::InvalidArgument, "bank is required")
    ///     .with_details(serde_json::json!({"field": "destination.bank"}));
    /// assert_eq!(err.details["field"], "destination.bank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_details(mut self, details: serde_json::Value) -> Self {
        self.details = details;
        self
    }

    /// The kind of failure (see [`ErrorCode::kind`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::error::{Error, ErrorCode, ErrorKind};
    /// assert_eq!(Error::new(ErrorCode::RefundNotFound, "no refund r-9").kind(), ErrorKind::NotFound);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn kind(&self) -> ErrorKind {
        self.code.kind()
    }
}

impl<E: HasErrorCode> From<E> for Error {
    fn from(err: E) -> Self {
        Error::new(err.code(), err.to_string())
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Error", 5)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("status", &self.code.as_u32())?;
        s.serialize_field("kind", &self.code.kind())?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("details", &self.details)?;
        s.end()
    }
}

impl<'de> Deserialize<'de> for Error {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            code: ErrorCode,
            message: String,
            #[serde(default)]
            details: serde_json::Value,
        }
        let wire = Wire::deserialize(deserializer)?;
        Ok(Error {
            code: wire.code,
            message: wire.message,
            details: wire.details,
        })
    }
}

/// A domain error carried through serde: its `Display` is `"<code>: <message>"`,
/// the form the operation layer (`walletcare-api`) reads back into the
/// domain code, so a bad value inside JSON reports the same code as the
/// same value passed directly (`money.unknown_currency`, not a JSON error).
///
/// Config types use it as the error of their `serde(try_from = ...)`
/// conversion; hand-written `Deserialize` impls use [`Coded::de`].
///
/// # Examples
///
/// ```
/// use walletcare_core::money::Money;
///
/// let err = serde_json::from_str::<Money>(r#"{"minor": 1, "currency": "GBP"}"#).unwrap_err();
/// assert!(err.to_string().starts_with("money.unknown_currency: "), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coded<E>(pub E);

impl<E: HasErrorCode> Coded<E> {
    /// The error as a serde deserialisation error.
    ///
    /// # Examples
    ///
    /// ```
    /// use serde::de::value::Error as ValueError;
    /// use walletcare_core::error::Coded;
    /// use walletcare_core::money::MoneyError;
    /// let err: ValueError = Coded::de(MoneyError::UnknownCurrency("GBP".into()));
    /// assert!(err.to_string().starts_with("money.unknown_currency: "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn de<D: serde::de::Error>(err: E) -> D {
        D::custom(Coded(err))
    }
}

impl<E: HasErrorCode> std::fmt::Display for Coded<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.0.code(), self.0)
    }
}

/// A value as read from JSON, before the type it becomes checks it: the
/// source of `serde(try_from = ...)` for types that also implement
/// `TryFrom<String>` with their own error, so the serde path can report
/// that error through [`Coded`] (keeping its code) while the plain
/// `TryFrom<String>` keeps its module's error type.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::PhoneNumber;
///
/// let err = serde_json::from_str::<PhoneNumber>(r#""12""#).unwrap_err();
/// assert!(err.to_string().starts_with("account.invalid_contact: "), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Unchecked<T>(pub T);

/// Implements `TryFrom<Unchecked<Source>>` for types whose
/// `TryFrom<Source>` fails with a module error, wrapping it in [`Coded`]
/// (`Source` is `String` unless given as `Type(Source) => Error`).
macro_rules! coded_from_string {
    ($($ty:ident $(($src:ty))? => $err:ty),* $(,)?) => {$(
        impl TryFrom<$crate::error::Unchecked<$crate::error::coded_from_string!(@src $($src)?)>> for $ty {
            type Error = $crate::error::Coded<$err>;

            fn try_from(
                value: $crate::error::Unchecked<$crate::error::coded_from_string!(@src $($src)?)>,
            ) -> Result<Self, Self::Error> {
                <$ty>::try_from(value.0).map_err($crate::error::Coded)
            }
        }
    )*};
    (@src) => { String };
    (@src $src:ty) => { $src };
}
pub(crate) use coded_from_string;

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string is not an [`ErrorCode`].
///
/// # Examples
///
/// ```
/// use walletcare_core::error::ErrorCode;
/// assert!("nope".parse::<ErrorCode>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown error code {0:?}")]
pub struct UnknownErrorCode(pub String);

/// The error returned when a text is not one of an enum's names (a
/// priority, a channel, a refund status...): it names the type and lists
/// the names it accepts.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::ticket::Priority;
///
/// let err = "asap".parse::<Priority>().unwrap_err();
/// assert_eq!(err.code(), ErrorCode::UnknownValue);
/// assert_eq!(err.to_string(), "unknown priority \"asap\"; expected one of: low, normal, high, urgent");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {value:?}; expected one of: {expected}")]
pub struct UnknownName {
    /// What was being named ("priority").
    pub kind: &'static str,
    /// The text given (at most 64 characters of it).
    pub value: String,
    /// The names accepted, comma-separated.
    pub expected: String,
}

impl HasErrorCode for UnknownName {
    fn code(&self) -> ErrorCode {
        ErrorCode::UnknownValue
    }
}

impl std::str::FromStr for ErrorCode {
    type Err = UnknownErrorCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ErrorCode::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownErrorCode(s.chars().take(64).collect()))
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_strings_are_unique_and_round_trip() {
        let mut numbers = HashSet::new();
        let mut strings = HashSet::new();
        for &code in ErrorCode::ALL {
            assert!(numbers.insert(code.as_u32()), "duplicate number {code}");
            assert!(strings.insert(code.as_str()), "duplicate string {code}");
            assert_eq!(ErrorCode::from_u32(code.as_u32()), Some(code));
            assert_eq!(code.as_str().parse::<ErrorCode>(), Ok(code));
            assert!(
                code.as_u32() >= 100,
                "codes below 100 belong to the bindings"
            );
        }
    }

    #[test]
    fn string_prefix_matches_numeric_range() {
        for &code in ErrorCode::ALL {
            let module = code.as_str().split('.').next().unwrap();
            let expected = match code.as_u32() / 50 {
                22 => "queue",
                23 => "intake",
                _ => match code.as_u32() / 100 {
                    1 => "general",
                    2 => "money",
                    3 => "account",
                    4 => "card",
                    5 => "transaction",
                    6 => "calendar",
                    7 => "refund",
                    8 => "ticket",
                    9 => "triage",
                    10 => "redact",
                    _ => "?",
                },
            };
            assert_eq!(module, expected, "{code} is in the wrong range");
        }
    }
}
