//! Refunds: the refund book of one captured payment (its commands change
//! the book as the C library's `wc_refund_book` and the npm package's
//! `RefundBook` do), eligibility, and the refund SLA on a business
//! calendar.
//!
//! A refund book is JSON state (`{"payment", "policy", "refunds"}`):
//! `refund_book.new` creates it and every `refund_book.*` command runs on
//! it. The bindings' handles hold the same book and call the same
//! [`Command::run`].
//!
//! # Examples
//!
//! ```
//! let payment = r#"{"transaction_id":"TX-1","order_number":"ORD-1","amount":{"minor":100,"currency":"IDR"},
//!   "paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}}"#;
//! let book = walletcare_api::call("refund_book.new", &format!(r#"{{"payment":{payment}}}"#))?;
//! let request = r#"{"order_number":"ORD-1","transaction_id":"TX-1","paid_at":"2026-12-01T03:00:00Z",
//!   "amount":{"type":"full"},"reason":"not_received"}"#;
//! let out = walletcare_api::call("refund_book.submit", &format!(
//!     r#"{{"state":{book},"key":"k1","request":{request},"now":"2026-12-02T00:00:00Z"}}"#))?;
//! assert!(out.contains(r#""output":{"id":1,"status":"submitted""#), "{out}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use walletcare_core::error::Error;
use walletcare_core::locale::{Locale, Render};
use walletcare_core::money::Money;
use walletcare_core::refund::{
    CapturedPayment, Eligibility, IdempotencyKey, Refund, RefundAction, RefundBook,
    RefundDestination, RefundDue, RefundError, RefundId, RefundPolicy, RefundRequest,
    RefundSlaPolicy, RefundStatus, SlaStatus, Submission, format_date,
};

use crate::arg::CalendarArg;
use crate::ops::{Command, Operation, registry};

registry! {
    operations: [NewBook, Due, DueStatus, CheckEligibility, NextStatus, FormatDate],
    commands: [Check, Submit, Apply, Get, BookDue, CommittedTotal, Refundable],
}

// ---------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------

/// A refund SLA and its explanation, both `null` when the refund was never
/// approved.
///
/// # Examples
///
/// ```
/// use walletcare_api::refund::DueOut;
/// use walletcare_core::locale::Locale;
/// let none = DueOut::new(None, Locale::En);
/// assert_eq!(serde_json::to_string(&none)?, r#"{"due":null,"explanation":null}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "RefundDueResult")
)]
pub struct DueOut {
    /// When the refund is due, and why.
    pub due: Option<RefundDue>,
    /// The approval, the day counting starts, the due date and every
    /// weekend and holiday skipped, in words.
    pub explanation: Option<String>,
}

impl DueOut {
    /// The SLA with its explanation in `locale`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_api::refund::DueOut;
    /// use walletcare_core::locale::Locale;
    /// assert!(DueOut::new(None, Locale::Id).explanation.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(due: Option<RefundDue>, locale: Locale) -> Self {
        let explanation = due.as_ref().map(|d| d.render(locale));
        DueOut { due, explanation }
    }
}

/// Eligibility: the core's fields, then one sentence per problem
/// (`messages[i]` renders `problems[i]`).
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("refund.check_eligibility", r#"{
///   "request":{"order_number":"ORD-1","transaction_id":"TX-1","paid_at":"2026-12-01T03:00:00Z","amount":{"type":"full"},"reason":"duplicate"},
///   "payment":{"transaction_id":"TX-1","order_number":"ORD-1","amount":{"minor":100,"currency":"IDR"},"paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}},
///   "now":"2027-02-01T00:00:00Z"}"#)?;
/// assert!(out.contains(r#""problem":"window_closed""#) && out.contains(r#""messages":["#), "{out}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "EligibilityReport")
)]
pub struct EligibilityOut {
    /// The verdict.
    #[serde(flatten)]
    pub eligibility: Eligibility,
    /// Each problem in words.
    pub messages: Vec<String>,
}

impl EligibilityOut {
    /// The verdict with its problems rendered in `locale`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use walletcare_api::refund::EligibilityOut;
    /// # use walletcare_core::{locale::Locale, money::{Currency, Money}, refund::{Eligibility, RefundDestination}};
    /// let ok = Eligibility { eligible: true, problems: vec![], auto_approve: false,
    ///     amount: Money::new(1, Currency::Idr), destination: RefundDestination::WalletBalance };
    /// assert!(EligibilityOut::new(ok, Locale::En).messages.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(eligibility: Eligibility, locale: Locale) -> Self {
        let messages = eligibility
            .problems
            .iter()
            .map(|p| p.render(locale))
            .collect();
        EligibilityOut {
            eligibility,
            messages,
        }
    }
}

/// A refund status and its text.
///
/// # Examples
///
/// ```
/// use walletcare_api::refund::StatusOut;
/// use walletcare_core::{locale::Locale, refund::RefundStatus};
/// let out = StatusOut::new(RefundStatus::UnderReview, Locale::Id);
/// assert_eq!(serde_json::to_string(&out)?, r#"{"status":"under_review","text":"Sedang ditinjau"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "RefundStatusReport")
)]
pub struct StatusOut {
    /// The status.
    pub status: RefundStatus,
    /// The status in words.
    pub text: String,
}

impl StatusOut {
    /// The status with its text in `locale`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_api::refund::StatusOut;
    /// use walletcare_core::{locale::Locale, refund::RefundStatus};
    /// assert_eq!(StatusOut::new(RefundStatus::Approved, Locale::En).text, "Approved");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(status: RefundStatus, locale: Locale) -> Self {
        StatusOut {
            text: status.render(locale),
            status,
        }
    }
}

/// One refund of a book and the text of its status.
///
/// # Examples
///
/// ```
/// use walletcare_api::refund::RefundOut;
/// fn status_text(out: &RefundOut) -> &str { &out.status_text }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "RefundReport"))]
pub struct RefundOut {
    /// The refund, with its history.
    pub refund: Refund,
    /// Its status in words.
    pub status_text: String,
}

/// An SLA status and its text (`"Due soon: 1 hour left"`).
///
/// # Examples
///
/// ```
/// use walletcare_api::refund::SlaStatusOut;
/// use walletcare_core::{locale::Locale, refund::SlaStatus};
/// let out = SlaStatusOut::new(SlaStatus::Breached { overdue_seconds: 300 }, Locale::En);
/// assert!(out.text.starts_with("Overdue"), "{}", out.text);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "RefundSlaStatusReport")
)]
pub struct SlaStatusOut {
    /// Where the refund stands.
    pub status: SlaStatus,
    /// The same in words.
    pub text: String,
}

impl SlaStatusOut {
    /// The status with its text in `locale`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_api::refund::SlaStatusOut;
    /// use walletcare_core::{locale::Locale, refund::SlaStatus};
    /// let out = SlaStatusOut::new(SlaStatus::OnTrack { remaining_seconds: 90_000 }, Locale::En);
    /// assert!(!out.text.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(status: SlaStatus, locale: Locale) -> Self {
        SlaStatusOut {
            text: status.render(locale),
            status,
        }
    }
}

fn refund_of(book: &RefundBook, id: RefundId) -> Result<&Refund, Error> {
    book.get(id)
        .ok_or_else(|| RefundError::NotFound { id }.into())
}

// ---------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------

/// `refund_book.new`: an empty refund book for a captured payment (its
/// amount must be positive: `money.non_positive_amount`) under a merchant
/// policy (defaults for the settings not named; `general.invalid_argument`
/// for one out of range). The output is the book's JSON form.
///
/// # Examples
///
/// ```
/// let err = walletcare_api::call("refund_book.new", r#"{"payment":{"transaction_id":"TX-1","order_number":"ORD-1",
///   "amount":{"minor":0,"currency":"IDR"},"paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}}}"#).unwrap_err();
/// assert_eq!(err.code.as_str(), "money.non_positive_amount");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NewBook {
    /// The captured payment.
    pub payment: CapturedPayment,
    /// The merchant's policy; the default when absent or `null`.
    #[serde(default)]
    pub policy: Option<RefundPolicy>,
}

impl Operation for NewBook {
    const NAME: &'static str = "refund_book.new";
    type Output = RefundBook;
    fn run(self) -> Result<RefundBook, Error> {
        Ok(RefundBook::new(
            self.payment,
            self.policy.unwrap_or_default(),
        )?)
    }
}

/// `refund.due`: when a refund to `destination` approved at `approved_at`
/// is due on a business calendar, with its explanation in `locale`
/// (`calendar.not_covered` for a year the calendar has no data for).
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("refund.due", r#"{"calendar":"ID","approved_at":"2024-03-04T03:00:00Z",
///   "destination":{"type":"card","bank":"BCA","last4":"1234"}}"#)?;
/// assert!(out.contains(r#""due_date":"2024-03-15""#), "{out}");
/// let err = walletcare_api::call("refund.due", r#"{"calendar":"ID","approved_at":"2024-03-04T03:00:00Z",
///   "destination":{"type":"card","last4":"1234"}}"#).unwrap_err();
/// assert_eq!((err.code.as_str(), err.message.as_str()), ("general.invalid_argument", "input.destination.bank is required"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Due {
    /// The business calendar.
    pub calendar: CalendarArg,
    /// When the refund was approved.
    pub approved_at: DateTime<Utc>,
    /// Where the money goes.
    pub destination: RefundDestination,
    /// Business days per destination; the default when absent.
    #[serde(default)]
    pub policy: Option<RefundSlaPolicy>,
    /// The language of the explanation (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Operation for Due {
    const NAME: &'static str = "refund.due";
    type Output = DueOut;
    fn run(self) -> Result<DueOut, Error> {
        let policy = self.policy.unwrap_or_default();
        let due = policy.due(&self.calendar.0, self.approved_at, self.destination)?;
        Ok(DueOut::new(Some(due), self.locale))
    }
}

/// `refund.sla_status`: where a refund with this SLA stands at `now`
/// (completed on time or late when `completed_at` is given; otherwise on
/// track, due soon or breached), with its text.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("refund.sla_status", r#"{"due":{"approved_at":"2024-03-04T03:00:00Z",
///   "time_zone":"Asia/Jakarta","cutoff":"17:00","destination":{"type":"wallet_balance"},"business_days":0,
///   "start":"same_day","start_date":"2024-03-04","due_date":"2024-03-04","due_at":"2024-03-04T17:00:00Z",
///   "due_soon_at":"2024-03-03T17:00:00Z","skipped":[],"estimated":false},"now":"2024-03-04T17:05:00Z"}"#)?;
/// assert!(out.contains(r#""overdue_seconds":300"#), "{out}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DueStatus {
    /// The SLA, as `refund.due` gave it.
    pub due: RefundDue,
    /// The instant to judge at.
    pub now: DateTime<Utc>,
    /// When the refund was completed, if it was.
    #[serde(default)]
    pub completed_at: Option<DateTime<Utc>>,
    /// The language of the text (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Operation for DueStatus {
    const NAME: &'static str = "refund.sla_status";
    type Output = SlaStatusOut;
    fn run(self) -> Result<SlaStatusOut, Error> {
        let status = self.due.status(self.now, self.completed_at);
        Ok(SlaStatusOut::new(status, self.locale))
    }
}

/// `refund.check_eligibility`: a request against a merchant policy without
/// a book, with every problem (not only the first) in words. `committed`
/// is what the payment's other refunds already hold (zero when absent) and
/// `committed_count` how many there are.
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Operation;
/// assert_eq!(walletcare_api::refund::CheckEligibility::NAME, "refund.check_eligibility");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CheckEligibility {
    /// What the user asks for.
    pub request: RefundRequest,
    /// The captured payment.
    pub payment: CapturedPayment,
    /// The instant to judge at.
    pub now: DateTime<Utc>,
    /// The merchant's policy; the default when absent.
    #[serde(default)]
    pub policy: Option<RefundPolicy>,
    /// What other refunds of the payment already hold.
    #[serde(default)]
    pub committed: Option<Money>,
    /// How many such refunds there are.
    #[serde(default)]
    pub committed_count: u32,
    /// The language of the messages (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Operation for CheckEligibility {
    const NAME: &'static str = "refund.check_eligibility";
    type Output = EligibilityOut;
    fn run(self) -> Result<EligibilityOut, Error> {
        let policy = self.policy.unwrap_or_default();
        let committed = self
            .committed
            .unwrap_or_else(|| Money::zero(self.payment.amount.currency()));
        let eligibility = policy.check(
            &self.request,
            &self.payment,
            committed,
            self.committed_count,
            self.now,
        );
        Ok(EligibilityOut::new(eligibility, self.locale))
    }
}

/// `refund.next_status`: the status an action moves a refund to, or `null`
/// when the lifecycle does not allow it (without a book's money and time
/// checks).
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("refund.next_status", r#"{"status":"submitted","action":{"action":"start_review"}}"#)?;
/// assert_eq!(out, r#""under_review""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NextStatus {
    /// The current status.
    pub status: RefundStatus,
    /// The move asked for.
    pub action: RefundAction,
}

impl Operation for NextStatus {
    const NAME: &'static str = "refund.next_status";
    type Output = Option<RefundStatus>;
    fn run(self) -> Result<Option<RefundStatus>, Error> {
        Ok(self.status.next(&self.action))
    }
}

/// `refund.format_date`: a date as a locale writes it
/// (`"Friday, 15 March 2024"`, `"Jumat, 15 Maret 2024"`).
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("refund.format_date", r#"{"date":"2024-03-15","locale":"id-ID"}"#)?;
/// assert_eq!(out, r#""Jumat, 15 Maret 2024""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct FormatDate {
    /// The date.
    pub date: NaiveDate,
    /// The locale (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Operation for FormatDate {
    const NAME: &'static str = "refund.format_date";
    type Output = String;
    fn run(self) -> Result<String, Error> {
        Ok(format_date(self.date, self.locale))
    }
}

// ---------------------------------------------------------------------------
// Commands on a refund book
// ---------------------------------------------------------------------------

/// `refund_book.check`: whether a request would be eligible now, without
/// submitting it (the book does not change).
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// assert_eq!(walletcare_api::refund::Check::NAME, "refund_book.check");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// What the user asks for.
    pub request: RefundRequest,
    /// The instant to judge at.
    pub now: DateTime<Utc>,
    /// The language of the messages (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Command for Check {
    const NAME: &'static str = "refund_book.check";
    type State = RefundBook;
    type Output = EligibilityOut;
    fn run(self, book: &mut RefundBook) -> Result<EligibilityOut, Error> {
        Ok(EligibilityOut::new(
            book.check(&self.request, self.now),
            self.locale,
        ))
    }
}

/// `refund_book.submit`: submits a request under an idempotency key. The
/// same key and request again returns the same refund (`"replayed":true`);
/// the same key with another request fails with
/// `refund.idempotency_conflict`; an ineligible request with
/// `refund.not_eligible`.
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// assert_eq!(walletcare_api::refund::Submit::NAME, "refund_book.submit");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Submit {
    /// The idempotency key (the app's request id).
    pub key: IdempotencyKey,
    /// What the user asks for.
    pub request: RefundRequest,
    /// When it is submitted.
    pub now: DateTime<Utc>,
}

impl Command for Submit {
    const NAME: &'static str = "refund_book.submit";
    type State = RefundBook;
    type Output = Submission;
    fn run(self, book: &mut RefundBook) -> Result<Submission, Error> {
        Ok(book.submit(self.key, self.request, self.now)?)
    }
}

/// `refund_book.apply`: moves refund `id` by an action at `now` and gives
/// its new status with its text. Errors: `refund.not_found`,
/// `refund.invalid_transition`, `refund.appeal_window_closed`,
/// `refund.retry_limit_reached`, `refund.exceeds_captured`,
/// `refund.clock_went_backwards`.
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// assert_eq!(walletcare_api::refund::Apply::NAME, "refund_book.apply");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Apply {
    /// The refund.
    pub id: RefundId,
    /// The move.
    pub action: RefundAction,
    /// When it happens.
    pub now: DateTime<Utc>,
    /// The language of the text (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Command for Apply {
    const NAME: &'static str = "refund_book.apply";
    type State = RefundBook;
    type Output = StatusOut;
    fn run(self, book: &mut RefundBook) -> Result<StatusOut, Error> {
        let status = book.apply(self.id, self.action, self.now)?;
        Ok(StatusOut::new(status, self.locale))
    }
}

/// `refund_book.get`: one refund with the text of its status
/// (`refund.not_found` for an unknown id).
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// assert_eq!(walletcare_api::refund::Get::NAME, "refund_book.get");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Get {
    /// The refund.
    pub id: RefundId,
    /// The language of the text (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Command for Get {
    const NAME: &'static str = "refund_book.get";
    type State = RefundBook;
    type Output = RefundOut;
    fn run(self, book: &mut RefundBook) -> Result<RefundOut, Error> {
        let refund = refund_of(book, self.id)?;
        Ok(RefundOut {
            status_text: refund.status.render(self.locale),
            refund: refund.clone(),
        })
    }
}

/// `refund_book.due`: the SLA of refund `id` from its latest approval on a
/// calendar, with its explanation; both `null` when it was never approved.
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// assert_eq!(walletcare_api::refund::BookDue::NAME, "refund_book.due");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct BookDue {
    /// The refund.
    pub id: RefundId,
    /// The business calendar.
    pub calendar: CalendarArg,
    /// Business days per destination; the default when absent.
    #[serde(default)]
    pub policy: Option<RefundSlaPolicy>,
    /// The language of the explanation (English when absent).
    #[serde(default)]
    pub locale: Locale,
    /// The time of the request. When given, a refund not yet approved gets
    /// an estimate as if approved now (`before_approval: true`, rendered
    /// "expected by ... if it is approved today"); without it, `null`.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub now: Option<DateTime<Utc>>,
}

impl Command for BookDue {
    const NAME: &'static str = "refund_book.due";
    type State = RefundBook;
    type Output = DueOut;
    fn run(self, book: &mut RefundBook) -> Result<DueOut, Error> {
        let refund = refund_of(book, self.id)?;
        let policy = self.policy.unwrap_or_default();
        let due = match self.now {
            Some(now) => policy.due_at_request(&self.calendar.0, refund, now)?,
            None => policy.due_for(&self.calendar.0, refund)?,
        };
        Ok(DueOut::new(due, self.locale))
    }
}

/// `refund_book.committed_total`: the sum of the refunds that hold money
/// (all but failed, rejected and cancelled ones).
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// assert_eq!(walletcare_api::refund::CommittedTotal::NAME, "refund_book.committed_total");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CommittedTotal {}

impl Command for CommittedTotal {
    const NAME: &'static str = "refund_book.committed_total";
    type State = RefundBook;
    type Output = Money;
    fn run(self, book: &mut RefundBook) -> Result<Money, Error> {
        Ok(book.committed_total()?)
    }
}

/// `refund_book.refundable`: what may still be refunded.
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// assert_eq!(walletcare_api::refund::Refundable::NAME, "refund_book.refundable");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Refundable {}

impl Command for Refundable {
    const NAME: &'static str = "refund_book.refundable";
    type State = RefundBook;
    type Output = Money;
    fn run(self, book: &mut RefundBook) -> Result<Money, Error> {
        Ok(book.refundable()?)
    }
}
