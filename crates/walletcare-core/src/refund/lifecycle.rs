//! The refund lifecycle and the book of refunds of one captured payment.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{
    CapturedPayment, Eligibility, FreeText, IdempotencyKey, RefundAmount, RefundDestination,
    RefundError, RefundPolicy, RefundReason, RefundRequest,
};
use crate::error::Coded;
use crate::locale::{Locale, Render};
use crate::money::Money;

/// The most refunds (of any status) one [`RefundBook`] keeps.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::MAX_REFUNDS_PER_BOOK;
/// assert_eq!(MAX_REFUNDS_PER_BOOK, 256);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_REFUNDS_PER_BOOK: usize = 256;

/// A refund's id within its [`RefundBook`]: 1 for the first refund, 2 for the
/// next, and so on. The JSON form is the number; it displays as `R1`.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::RefundId;
/// let id = RefundId::new(3);
/// assert_eq!(id.get(), 3);
/// assert_eq!(id.to_string(), "R3");
/// assert_eq!(serde_json::to_string(&id)?, "3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(transparent)]
pub struct RefundId(u32);

impl RefundId {
    /// The id with this number.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::RefundId;
    /// assert_eq!(RefundId::new(1), RefundId::new(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn new(number: u32) -> Self {
        RefundId(number)
    }

    /// The number.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::RefundId;
    /// assert_eq!(RefundId::new(9).get(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl std::fmt::Display for RefundId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "R{}", self.0)
    }
}

/// Where a refund is in its lifecycle. The JSON form is the snake_case name.
///
/// ```text
/// submitted ─► under_review ─► approved ─► processing ─► completed
///     │             │  │                     ▲    │
///     │             │  │                retry│    ▼
///     │             │  │                     └─ failed
///     │             │  └─► rejected ─► appealed ─► second_review ─► approved
///     ▼             ▼                     │             └────────► final_rejected
///  cancelled ◄──────┴─────────────────────┴── (cancel before approval)
/// ```
///
/// A refund auto-approved on submission goes straight from `submitted` to
/// `approved`.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::{RefundAction, RefundStatus};
/// assert_eq!(serde_json::to_string(&RefundStatus::UnderReview)?, "\"under_review\"");
/// assert_eq!(RefundStatus::Failed.next(&RefundAction::Retry), Some(RefundStatus::Processing));
/// assert_eq!(RefundStatus::Completed.next(&RefundAction::Cancel), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RefundStatus {
    /// Received, waiting for review.
    Submitted,
    /// A reviewer is looking at it.
    UnderReview,
    /// Approved (by review, automatically, or after an appeal); waiting to be
    /// paid out.
    Approved,
    /// Being paid out to its destination.
    Processing,
    /// Paid out.
    Completed,
    /// The payout failed; it may be retried.
    Failed,
    /// Rejected; it may be appealed within the policy's appeal window.
    Rejected,
    /// The user appealed the rejection.
    Appealed,
    /// A second reviewer is looking at the appeal.
    SecondReview,
    /// Rejected again after an appeal; final.
    FinalRejected,
    /// Cancelled by the user before approval; final.
    Cancelled,
}

crate::names::names!(from_str: refund::RefundStatus as "refund status" {
    Submitted,
    UnderReview,
    Approved,
    Processing,
    Completed,
    Failed,
    Rejected,
    Appealed,
    SecondReview,
    FinalRejected,
    Cancelled,
});

impl RefundStatus {
    /// Every status, in lifecycle order.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::RefundStatus;
    /// assert_eq!(RefundStatus::ALL.len(), 11);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [RefundStatus; 11] = [
        RefundStatus::Submitted,
        RefundStatus::UnderReview,
        RefundStatus::Approved,
        RefundStatus::Processing,
        RefundStatus::Completed,
        RefundStatus::Failed,
        RefundStatus::Rejected,
        RefundStatus::Appealed,
        RefundStatus::SecondReview,
        RefundStatus::FinalRejected,
        RefundStatus::Cancelled,
    ];

    /// The snake_case name, as in JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::RefundStatus;
    /// assert_eq!(RefundStatus::FinalRejected.as_str(), "final_rejected");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RefundStatus::Submitted => "submitted",
            RefundStatus::UnderReview => "under_review",
            RefundStatus::Approved => "approved",
            RefundStatus::Processing => "processing",
            RefundStatus::Completed => "completed",
            RefundStatus::Failed => "failed",
            RefundStatus::Rejected => "rejected",
            RefundStatus::Appealed => "appealed",
            RefundStatus::SecondReview => "second_review",
            RefundStatus::FinalRejected => "final_rejected",
            RefundStatus::Cancelled => "cancelled",
        }
    }

    /// Whether a refund in this status holds part of the captured amount:
    /// every status except failed, rejected, final_rejected and cancelled.
    /// A move from a status that does not to one that does (an appeal, a
    /// retry) is checked against the captured amount again.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::RefundStatus;
    /// assert!(RefundStatus::Appealed.holds_money());
    /// assert!(RefundStatus::Completed.holds_money());
    /// assert!(!RefundStatus::Failed.holds_money());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn holds_money(self) -> bool {
        !matches!(
            self,
            RefundStatus::Failed
                | RefundStatus::Rejected
                | RefundStatus::FinalRejected
                | RefundStatus::Cancelled
        )
    }

    /// Whether no move leaves this status.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::RefundStatus;
    /// assert!(RefundStatus::Completed.is_final());
    /// assert!(!RefundStatus::Rejected.is_final()); // it may be appealed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            RefundStatus::Completed | RefundStatus::FinalRejected | RefundStatus::Cancelled
        )
    }

    /// The status `action` leads to from this one, or `None` if the move is
    /// not allowed. (Time-dependent rules, such as the appeal window and the
    /// retry limit, are checked by [`RefundBook::apply`].)
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::{RefundAction, RefundStatus};
    /// assert_eq!(RefundStatus::SecondReview.next(&RefundAction::Approve), Some(RefundStatus::Approved));
    /// assert_eq!(RefundStatus::Approved.next(&RefundAction::Cancel), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn next(self, action: &RefundAction) -> Option<RefundStatus> {
        use RefundAction as A;
        use RefundStatus as S;
        match (self, action) {
            (S::Submitted, A::StartReview) => Some(S::UnderReview),
            (S::UnderReview, A::Approve) | (S::SecondReview, A::Approve) => Some(S::Approved),
            (S::UnderReview, A::Reject { .. }) => Some(S::Rejected),
            (S::SecondReview, A::Reject { .. }) => Some(S::FinalRejected),
            (S::Submitted | S::UnderReview | S::Appealed | S::SecondReview, A::Cancel) => {
                Some(S::Cancelled)
            }
            (S::Approved, A::StartProcessing) | (S::Failed, A::Retry) => Some(S::Processing),
            (S::Processing, A::Complete) => Some(S::Completed),
            (S::Processing, A::Fail { .. }) => Some(S::Failed),
            (S::Rejected, A::Appeal { .. }) => Some(S::Appealed),
            (S::Appealed, A::StartSecondReview) => Some(S::SecondReview),
            _ => None,
        }
    }
}

impl std::fmt::Display for RefundStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Render for RefundStatus {
    fn render(&self, locale: Locale) -> String {
        let (en, id, zh) = match self {
            RefundStatus::Submitted => ("Submitted", "Diajukan", "已提交"),
            RefundStatus::UnderReview => ("Under review", "Sedang ditinjau", "审核中"),
            RefundStatus::Approved => ("Approved", "Disetujui", "已批准"),
            RefundStatus::Processing => ("Being paid out", "Sedang diproses", "退款处理中"),
            RefundStatus::Completed => ("Refunded", "Dana sudah dikembalikan", "退款已完成"),
            RefundStatus::Failed => (
                "Payout failed; it can be retried",
                "Pengembalian dana gagal; dapat dicoba lagi",
                "退款失败，可重新处理",
            ),
            RefundStatus::Rejected => (
                "Rejected; you can appeal",
                "Ditolak; Anda dapat mengajukan banding",
                "已拒绝，可提出申诉",
            ),
            RefundStatus::Appealed => ("Appeal received", "Banding diterima", "已收到申诉"),
            RefundStatus::SecondReview => (
                "Appeal under review",
                "Banding sedang ditinjau",
                "申诉复审中",
            ),
            RefundStatus::FinalRejected => (
                "Rejected after appeal (final)",
                "Ditolak setelah banding (final)",
                "申诉后仍被拒绝（最终结果）",
            ),
            RefundStatus::Cancelled => ("Cancelled", "Dibatalkan", "已取消"),
        };
        locale.pick(en, id, zh).to_owned()
    }
}

/// Why a reviewer rejected a refund. The JSON form is the snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::refund::RejectionReason;
/// assert_eq!(serde_json::to_string(&RejectionReason::InsufficientEvidence)?, "\"insufficient_evidence\"");
/// assert_eq!(RejectionReason::InsufficientEvidence.render(Locale::ZhCn), "所提供的证据不足");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RejectionReason {
    /// The evidence does not support the claim.
    InsufficientEvidence,
    /// The merchant showed the goods were delivered as described.
    DeliveredAsDescribed,
    /// Another request for the same money exists.
    DuplicateRequest,
    /// The request did not pass risk checks.
    SuspectedAbuse,
    /// The merchant's terms do not cover it.
    MerchantPolicy,
    /// Anything else.
    Other,
}

crate::names::names!(as_str display from_str: refund::RejectionReason as "rejection reason" {
    InsufficientEvidence => "insufficient_evidence",
    DeliveredAsDescribed => "delivered_as_described",
    DuplicateRequest => "duplicate_request",
    SuspectedAbuse => "suspected_abuse",
    MerchantPolicy => "merchant_policy",
    Other => "other",
});

impl Render for RejectionReason {
    fn render(&self, locale: Locale) -> String {
        let (en, id, zh) = match self {
            RejectionReason::InsufficientEvidence => (
                "the evidence provided is not sufficient",
                "bukti yang diberikan tidak cukup",
                "所提供的证据不足",
            ),
            RejectionReason::DeliveredAsDescribed => (
                "the merchant showed the item was delivered as described",
                "merchant menunjukkan bahwa barang telah dikirim sesuai deskripsi",
                "商户证明商品已按描述送达",
            ),
            RejectionReason::DuplicateRequest => (
                "another request for the same payment already exists",
                "sudah ada permintaan lain untuk pembayaran yang sama",
                "同一笔付款已有其他退款申请",
            ),
            RejectionReason::SuspectedAbuse => (
                "the request did not pass our security checks",
                "permintaan tidak lolos pemeriksaan keamanan kami",
                "该申请未通过安全审核",
            ),
            RejectionReason::MerchantPolicy => (
                "the merchant's refund policy does not cover this request",
                "kebijakan pengembalian dana merchant tidak mencakup permintaan ini",
                "商户的退款政策不适用于该申请",
            ),
            RejectionReason::Other => ("other reasons", "alasan lain", "其他原因"),
        };
        locale.pick(en, id, zh).to_owned()
    }
}

/// Why a payout failed. The JSON form is the snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::refund::FailureReason;
/// assert_eq!(serde_json::to_string(&FailureReason::BankRejected)?, "\"bank_rejected\"");
/// assert!(FailureReason::Timeout.render(Locale::Id).contains("waktu"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FailureReason {
    /// The bank or card network refused the credit.
    BankRejected,
    /// The card or account is closed or blocked.
    DestinationClosed,
    /// No answer from the bank in time.
    Timeout,
    /// Anything else.
    Other,
}

crate::names::names!(as_str display from_str: refund::FailureReason as "failure reason" {
    BankRejected => "bank_rejected",
    DestinationClosed => "destination_closed",
    Timeout => "timeout",
    Other => "other",
});

impl Render for FailureReason {
    fn render(&self, locale: Locale) -> String {
        let (en, id, zh) = match self {
            FailureReason::BankRejected => (
                "the bank refused the credit",
                "bank menolak transaksi pengembalian dana",
                "银行拒绝了该笔退款入账",
            ),
            FailureReason::DestinationClosed => (
                "the card or account is closed or blocked",
                "kartu atau rekening sudah ditutup atau diblokir",
                "银行卡或账户已注销或被冻结",
            ),
            FailureReason::Timeout => (
                "the bank did not answer in time",
                "bank tidak merespons tepat waktu",
                "银行未及时响应",
            ),
            FailureReason::Other => ("a technical problem", "kendala teknis", "技术问题"),
        };
        locale.pick(en, id, zh).to_owned()
    }
}

/// A move a caller asks of a refund. The JSON form is tagged by `action`:
/// `{"action":"reject","reason":"insufficient_evidence"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::{RefundAction, RejectionReason};
/// let json = r#"{"action":"reject","reason":"insufficient_evidence"}"#;
/// let action: RefundAction = serde_json::from_str(json)?;
/// assert_eq!(action, RefundAction::Reject { reason: RejectionReason::InsufficientEvidence });
/// assert_eq!(action.name(), "reject");
/// assert_eq!(serde_json::to_string(&RefundAction::Appeal { statement: None })?, r#"{"action":"appeal"}"#);
/// assert!(serde_json::from_str::<RefundAction>(r#"{"action":"refund_twice"}"#).is_err());
/// assert!(serde_json::from_str::<RefundAction>(r#"{"action":"approve","amount":5}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "action", rename_all = "snake_case", from = "RefundActionWire")]
pub enum RefundAction {
    /// A reviewer picks up a submitted refund.
    StartReview,
    /// A reviewer approves (after review or second review).
    Approve,
    /// A reviewer rejects (after review: appealable; after second review:
    /// final).
    Reject {
        /// Why.
        reason: RejectionReason,
    },
    /// The user withdraws the request before it is approved.
    Cancel,
    /// The payout starts (first attempt).
    StartProcessing,
    /// The payout succeeded.
    Complete,
    /// The payout failed.
    Fail {
        /// Why.
        reason: FailureReason,
    },
    /// A failed payout is tried again (next attempt).
    Retry,
    /// The user appeals a rejection.
    Appeal {
        /// What the user says, if anything.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        statement: Option<FreeText>,
    },
    /// A second reviewer picks up the appeal.
    StartSecondReview,
}

// Empty struct variants, so that unknown fields are rejected for every action
// (serde ignores them next to the tag of a unit variant).
#[derive(Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
enum RefundActionWire {
    StartReview {},
    Approve {},
    Reject {
        reason: RejectionReason,
    },
    Cancel {},
    StartProcessing {},
    Complete {},
    Fail {
        reason: FailureReason,
    },
    Retry {},
    Appeal {
        #[serde(default)]
        statement: Option<FreeText>,
    },
    StartSecondReview {},
}

impl From<RefundActionWire> for RefundAction {
    fn from(wire: RefundActionWire) -> Self {
        match wire {
            RefundActionWire::StartReview {} => RefundAction::StartReview,
            RefundActionWire::Approve {} => RefundAction::Approve,
            RefundActionWire::Reject { reason } => RefundAction::Reject { reason },
            RefundActionWire::Cancel {} => RefundAction::Cancel,
            RefundActionWire::StartProcessing {} => RefundAction::StartProcessing,
            RefundActionWire::Complete {} => RefundAction::Complete,
            RefundActionWire::Fail { reason } => RefundAction::Fail { reason },
            RefundActionWire::Retry {} => RefundAction::Retry,
            RefundActionWire::Appeal { statement } => RefundAction::Appeal { statement },
            RefundActionWire::StartSecondReview {} => RefundAction::StartSecondReview,
        }
    }
}

impl RefundAction {
    /// The snake_case name, as the JSON `action` tag.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::RefundAction;
    /// assert_eq!(RefundAction::StartSecondReview.name(), "start_second_review");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self {
            RefundAction::StartReview => "start_review",
            RefundAction::Approve => "approve",
            RefundAction::Reject { .. } => "reject",
            RefundAction::Cancel => "cancel",
            RefundAction::StartProcessing => "start_processing",
            RefundAction::Complete => "complete",
            RefundAction::Fail { .. } => "fail",
            RefundAction::Retry => "retry",
            RefundAction::Appeal { .. } => "appeal",
            RefundAction::StartSecondReview => "start_second_review",
        }
    }
}

/// One entry of a refund's history: when, from which status to which, and
/// the action (`None` for the submission itself and for automatic approval).
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::refund::{RefundAction, RefundEvent, RefundStatus};
/// let event = RefundEvent {
///     at: Utc.with_ymd_and_hms(2026, 12, 23, 8, 0, 0).unwrap(),
///     from: Some(RefundStatus::Submitted),
///     to: RefundStatus::UnderReview,
///     action: Some(RefundAction::StartReview),
/// };
/// let json = serde_json::to_string(&event)?;
/// assert_eq!(
///     json,
///     r#"{"at":"2026-12-23T08:00:00Z","from":"submitted","to":"under_review","action":{"action":"start_review"}}"#
/// );
/// assert_eq!(serde_json::from_str::<RefundEvent>(&json)?, event);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct RefundEvent {
    /// When (the caller's `now`).
    pub at: DateTime<Utc>,
    /// The status before; `None` for the submission.
    pub from: Option<RefundStatus>,
    /// The status after.
    pub to: RefundStatus,
    /// The action; `None` for the submission and for automatic approval.
    pub action: Option<RefundAction>,
}

/// One refund: the request, what it resolved to, where it is, and how it got
/// there.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::refund::*;
///
/// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
/// let payment = CapturedPayment {
///     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
///     amount: Money::new(1_000_000, Currency::Idr), paid_at,
///     method: RefundDestination::WalletBalance,
/// };
/// let mut book = RefundBook::new(payment, RefundPolicy::default())?;
/// let request = RefundRequest::new(
///     "ORD-1".parse()?, "TX-1".parse()?, paid_at, RefundAmount::Full, RefundReason::Duplicate, None,
/// )?;
/// let now = paid_at + chrono::Duration::hours(2);
/// let id = book.submit("k1".parse()?, request, now)?.id;
/// let refund = book.get(id).ok_or("missing")?;
/// assert_eq!(refund.amount, Money::new(1_000_000, Currency::Idr));
/// assert_eq!(refund.status, RefundStatus::Submitted);
/// assert_eq!(refund.submitted_at(), Some(now));
/// assert_eq!(refund.history.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Refund {
    /// Its id in the book.
    pub id: RefundId,
    /// The idempotency key it was submitted under.
    pub idempotency_key: IdempotencyKey,
    /// The request as submitted.
    pub request: RefundRequest,
    /// The amount the request resolved to.
    pub amount: Money,
    /// Where the money goes.
    pub destination: RefundDestination,
    /// The current status.
    pub status: RefundStatus,
    /// Payout attempts so far (0 before processing starts).
    pub attempts: u32,
    /// Whether it was approved automatically on submission.
    pub auto_approved: bool,
    /// Whether it was ever appealed.
    pub appealed: bool,
    /// The latest rejection's reason, if it was ever rejected.
    pub rejection: Option<RejectionReason>,
    /// The latest payout failure's reason, if a payout ever failed.
    pub failure: Option<FailureReason>,
    /// Every move, oldest first; it only ever grows.
    pub history: Vec<RefundEvent>,
}

impl Refund {
    fn last_move_to(&self, status: RefundStatus) -> Option<DateTime<Utc>> {
        self.history
            .iter()
            .rev()
            .find(|e| e.to == status)
            .map(|e| e.at)
    }

    /// When it was submitted.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// assert_eq!(book.get(id).and_then(|r| r.submitted_at()), Some(t0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.history.first().map(|e| e.at)
    }

    /// When it last moved (the earliest `now` its next move may have).
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// let t1 = t0 + Duration::hours(2);
    /// book.apply(id, RefundAction::StartReview, t1)?;
    /// assert_eq!(book.get(id).and_then(|r| r.last_moved_at()), Some(t1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn last_moved_at(&self) -> Option<DateTime<Utc>> {
        self.history.last().map(|e| e.at)
    }

    /// When it was last approved: the instant its SLA counts from.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// book.apply(id, RefundAction::StartReview, t0)?;
    /// assert_eq!(book.get(id).and_then(|r| r.approved_at()), None);
    /// let t1 = t0 + Duration::hours(3);
    /// book.apply(id, RefundAction::Approve, t1)?;
    /// assert_eq!(book.get(id).and_then(|r| r.approved_at()), Some(t1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn approved_at(&self) -> Option<DateTime<Utc>> {
        self.last_move_to(RefundStatus::Approved)
    }

    /// When it was last rejected: the instant its appeal window counts from.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// book.apply(id, RefundAction::StartReview, t0)?;
    /// let t1 = t0 + Duration::hours(3);
    /// book.apply(id, RefundAction::Reject { reason: RejectionReason::DuplicateRequest }, t1)?;
    /// assert_eq!(book.get(id).and_then(|r| r.rejected_at()), Some(t1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rejected_at(&self) -> Option<DateTime<Utc>> {
        self.last_move_to(RefundStatus::Rejected)
    }

    /// When it was completed (paid out).
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// for action in [RefundAction::StartReview, RefundAction::Approve, RefundAction::StartProcessing] {
    ///     book.apply(id, action, t0)?;
    /// }
    /// assert_eq!(book.get(id).and_then(|r| r.completed_at()), None);
    /// let t1 = t0 + Duration::days(2);
    /// book.apply(id, RefundAction::Complete, t1)?;
    /// assert_eq!(book.get(id).and_then(|r| r.completed_at()), Some(t1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.last_move_to(RefundStatus::Completed)
    }
}

/// What [`RefundBook::submit`] returns: the refund's id and status, and
/// whether this was a replay of an earlier submission under the same key.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::{RefundId, RefundStatus, Submission};
/// let s = Submission { id: RefundId::new(1), status: RefundStatus::Approved, auto_approved: true, replayed: false };
/// assert_eq!(
///     serde_json::to_string(&s)?,
///     r#"{"id":1,"status":"approved","auto_approved":true,"replayed":false}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// The refund.
    pub id: RefundId,
    /// Its status now.
    pub status: RefundStatus,
    /// Whether it was approved automatically when first submitted.
    pub auto_approved: bool,
    /// Whether the key had been used before (nothing new was created).
    pub replayed: bool,
}

/// Every refund of one captured payment, with the policy that governs them.
///
/// The book guarantees, whatever sequence of calls it receives:
///
/// - the refunds that [hold money](RefundStatus::holds_money) never add up to
///   more than the captured amount: checked when a refund is submitted and
///   whenever a move revives one (an appeal of a rejection, a retry of a
///   failed payout);
/// - submitting under an idempotency key already used returns the refund
///   created then (same id, nothing new) if the request is the same, and
///   [`RefundError::IdempotencyConflict`] if it is not;
/// - every move is checked against the lifecycle, is timestamped with the
///   caller's `now` (never earlier than the refund's previous move) and is
///   appended to the refund's history;
/// - a call that returns an error changes nothing.
///
/// Its JSON form is validated on load: a book that breaks these rules is
/// rejected.
///
/// # Examples
///
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::refund::*;
///
/// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
/// let payment = CapturedPayment {
///     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
///     amount: Money::new(10_000, Currency::Idr), paid_at,
///     method: RefundDestination::WalletBalance,
/// };
/// let mut book = RefundBook::new(payment, RefundPolicy::default())?;
/// let part = |minor| RefundRequest::new(
///     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
///     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
///     RefundReason::Cancelled, None,
/// );
/// let now = paid_at + Duration::hours(1);
/// book.submit("a".parse()?, part(6_000)?, now)?;
/// book.submit("b".parse()?, part(4_000)?, now)?;
/// let err = book.submit("c".parse()?, part(1)?, now).unwrap_err();
/// assert!(matches!(err, RefundError::NotEligible { .. }));
/// assert_eq!(book.refunds().len(), 2);
///
/// let json = serde_json::to_string(&book)?;
/// assert_eq!(serde_json::from_str::<RefundBook>(&json)?, book);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "RefundBookJson")
)]
#[serde(try_from = "RefundBookWire")]
pub struct RefundBook {
    payment: CapturedPayment,
    policy: RefundPolicy,
    refunds: Vec<Refund>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RefundBookWire {
    payment: CapturedPayment,
    policy: RefundPolicy,
    refunds: Vec<Refund>,
}

fn corrupt(message: String) -> RefundError {
    RefundError::InvalidBook { message }
}

impl TryFrom<RefundBookWire> for RefundBook {
    type Error = Coded<RefundError>;
    fn try_from(wire: RefundBookWire) -> Result<Self, Self::Error> {
        Self::from_wire(wire).map_err(Coded)
    }
}

impl RefundBook {
    fn from_wire(wire: RefundBookWire) -> Result<Self, RefundError> {
        let mut book = RefundBook::new(wire.payment, wire.policy)?;
        if wire.refunds.len() > MAX_REFUNDS_PER_BOOK {
            return Err(RefundError::BookFull {
                max: MAX_REFUNDS_PER_BOOK,
            });
        }
        let currency = book.payment.amount.currency();
        for (index, refund) in wire.refunds.iter().enumerate() {
            let expected = u32::try_from(index.saturating_add(1)).unwrap_or(u32::MAX);
            if refund.id.get() != expected {
                return Err(corrupt(format!(
                    "refund at position {index} has id {}, expected {expected}",
                    refund.id
                )));
            }
            if !refund.amount.is_positive() || refund.amount.currency() != currency {
                return Err(corrupt(format!(
                    "refund {} has an amount that is not a positive {currency} amount",
                    refund.id
                )));
            }
            if wire
                .refunds
                .iter()
                .take(index)
                .any(|r| r.idempotency_key == refund.idempotency_key)
            {
                return Err(corrupt(format!(
                    "refund {} reuses an idempotency key",
                    refund.id
                )));
            }
            let ordered = refund.history.windows(2).all(|w| match w {
                [a, b] => a.at <= b.at,
                _ => true,
            });
            if refund.history.last().map(|e| e.to) != Some(refund.status) || !ordered {
                return Err(corrupt(format!(
                    "refund {} has a history that is empty, unordered or does not end in its status",
                    refund.id
                )));
            }
            if refund.attempts > book.policy.max_processing_attempts {
                return Err(corrupt(format!(
                    "refund {} has more attempts than the policy allows",
                    refund.id
                )));
            }
        }
        book.refunds = wire.refunds;
        let committed = book.committed_total()?;
        if committed.minor() > book.payment.amount.minor() {
            return Err(RefundError::ExceedsCaptured {
                requested_minor: committed.minor(),
                refundable_minor: book.payment.amount.minor(),
            });
        }
        Ok(book)
    }
}

impl RefundBook {
    /// An empty book for a captured payment.
    ///
    /// # Errors
    ///
    /// [`RefundError::NonPositiveAmount`] if the captured amount is not
    /// positive; [`RefundError::InvalidPolicy`] for a policy setting out of
    /// range.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::refund::*;
    /// let payment = CapturedPayment {
    ///     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    ///     amount: Money::zero(Currency::Idr),
    ///     paid_at: Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap(),
    ///     method: RefundDestination::WalletBalance,
    /// };
    /// assert!(RefundBook::new(payment, RefundPolicy::default()).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(payment: CapturedPayment, policy: RefundPolicy) -> Result<Self, RefundError> {
        if !payment.amount.is_positive() {
            return Err(RefundError::NonPositiveAmount {
                field: "payment.amount".to_owned(),
                minor: payment.amount.minor(),
            });
        }
        policy.validate()?;
        Ok(RefundBook {
            payment,
            policy,
            refunds: Vec::new(),
        })
    }

    /// The captured payment.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// assert_eq!(book.payment().amount, Money::new(10_000, Currency::Idr));
    /// assert_eq!(book.payment().transaction_id.as_str(), "TX-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payment(&self) -> &CapturedPayment {
        &self.payment
    }

    /// The policy.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// assert_eq!(book.policy(), &RefundPolicy::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn policy(&self) -> &RefundPolicy {
        &self.policy
    }

    /// Every refund, oldest first.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// book.submit("k2".parse()?, part(1_000)?, t0)?;
    /// let ids: Vec<u32> = book.refunds().iter().map(|r| r.id.get()).collect();
    /// assert_eq!(ids, [1, 2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn refunds(&self) -> &[Refund] {
        &self.refunds
    }

    /// The refund with this id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// assert_eq!(book.get(id).map(|r| r.amount.minor()), Some(4_000));
    /// assert!(book.get(RefundId::new(99)).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(&self, id: RefundId) -> Option<&Refund> {
        self.refunds.iter().find(|r| r.id == id)
    }

    /// The refund submitted under this idempotency key.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// assert_eq!(book.find_by_key(&"k".parse()?).map(|r| r.id), Some(id));
    /// assert!(book.find_by_key(&"other".parse()?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn find_by_key(&self, key: &IdempotencyKey) -> Option<&Refund> {
        self.refunds.iter().find(|r| &r.idempotency_key == key)
    }

    fn committed_except(&self, skip: Option<RefundId>) -> Result<Money, RefundError> {
        let currency = self.payment.amount.currency();
        let holding = self
            .refunds
            .iter()
            .filter(|r| r.status.holds_money() && Some(r.id) != skip)
            .map(|r| r.amount);
        Ok(Money::checked_sum(holding, currency)?)
    }

    /// The sum of the refunds that hold money (every status except failed,
    /// rejected, final_rejected and cancelled). Never more than the captured
    /// amount.
    ///
    /// # Errors
    ///
    /// [`RefundError::AmountOverflow`] (not reachable through the book's own
    /// operations).
    ///
    /// # Examples
    ///
    /// ```
    /// # use walletcare_core::refund::RefundBook;
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// book.submit("k2".parse()?, part(1_000)?, t0)?;
    /// assert_eq!(book.committed_total()?, Money::new(5_000, Currency::Idr));
    /// book.apply(id, RefundAction::Cancel, t0)?; // a cancelled refund holds nothing
    /// assert_eq!(book.committed_total()?, Money::new(1_000, Currency::Idr));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn committed_total(&self) -> Result<Money, RefundError> {
        self.committed_except(None)
    }

    /// What can still be refunded: the captured amount less
    /// [`RefundBook::committed_total`].
    ///
    /// # Errors
    ///
    /// [`RefundError::AmountOverflow`] (not reachable through the book's own
    /// operations).
    ///
    /// # Examples
    ///
    /// ```
    /// # use walletcare_core::refund::RefundBook;
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::money::{Currency, Money};
    /// # use walletcare_core::refund::*;
    /// # let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// # let payment = CapturedPayment {
    /// #     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    /// #     amount: Money::new(10_000, Currency::Idr), paid_at,
    /// #     method: RefundDestination::WalletBalance,
    /// # };
    /// # let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// # let part = |minor| RefundRequest::new(
    /// #     "ORD-1".parse().unwrap(), "TX-1".parse().unwrap(), paid_at,
    /// #     RefundAmount::Partial { amount: Money::new(minor, Currency::Idr) },
    /// #     RefundReason::Duplicate, None,
    /// # );
    /// # let t0 = paid_at + Duration::days(1);
    /// # let id = book.submit("k".parse()?, part(4_000)?, t0)?.id;
    /// assert_eq!(book.refundable()?, Money::new(6_000, Currency::Idr));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn refundable(&self) -> Result<Money, RefundError> {
        Ok(self.payment.amount.checked_sub(self.committed_total()?)?)
    }

    /// Checks a request against the policy and the refunds already in the
    /// book, without changing anything. See [`RefundPolicy::check`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::refund::*;
    ///
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let payment = CapturedPayment {
    ///     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    ///     amount: Money::new(10_000, Currency::Idr), paid_at,
    ///     method: RefundDestination::WalletBalance,
    /// };
    /// let policy = RefundPolicy {
    ///     auto_approve_below: Some(Money::new(50_000, Currency::Idr)),
    ///     ..RefundPolicy::default()
    /// };
    /// let book = RefundBook::new(payment, policy)?;
    /// let request = RefundRequest::new(
    ///     "ORD-1".parse()?, "TX-1".parse()?, paid_at, RefundAmount::Full, RefundReason::Duplicate, None,
    /// )?;
    /// let e = book.check(&request, paid_at + Duration::days(1));
    /// assert!(e.eligible && e.auto_approve);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn check(&self, request: &RefundRequest, now: DateTime<Utc>) -> Eligibility {
        // The committed total cannot overflow (it never exceeds the captured
        // amount); if it somehow did, treat everything as committed.
        let committed = self.committed_total().unwrap_or(self.payment.amount);
        let count = self
            .refunds
            .iter()
            .filter(|r| r.status.holds_money())
            .count();
        let count = u32::try_from(count).unwrap_or(u32::MAX);
        self.policy
            .check(request, &self.payment, committed, count, now)
    }

    /// A request for this book's payment: the book supplies the order
    /// number, transaction id and payment time, so they cannot mismatch; the
    /// caller says how much, why, and where the money goes (`None`: back to
    /// the original payment method).
    ///
    /// # Errors
    ///
    /// As [`RefundRequest::new`] with no detail: a partial amount that is
    /// not positive, or [`RefundReason::Other`] (which needs a detail; build
    /// that request with [`RefundRequest::new`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::refund::*;
    ///
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let payment = CapturedPayment {
    ///     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    ///     amount: Money::new(10_000, Currency::Idr), paid_at,
    ///     method: RefundDestination::WalletBalance,
    /// };
    /// let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// let request = book.request(RefundAmount::Full, RefundReason::Duplicate, None)?;
    /// assert_eq!(request.order_number().as_str(), "ORD-1");
    /// assert_eq!(request.paid_at(), paid_at);
    /// assert!(book.submit("k".parse()?, request, paid_at + Duration::hours(1)).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn request(
        &self,
        amount: RefundAmount,
        reason: RefundReason,
        destination: Option<RefundDestination>,
    ) -> Result<RefundRequest, RefundError> {
        let request = RefundRequest::new(
            self.payment.order_number.clone(),
            self.payment.transaction_id.clone(),
            self.payment.paid_at,
            amount,
            reason,
            None,
        )?;
        Ok(match destination {
            Some(destination) => request.with_destination(destination),
            None => request,
        })
    }

    /// Submits a refund request under an idempotency key.
    ///
    /// A key seen before returns the refund created under it, unchanged, if
    /// the request is identical (whatever `now` is), and
    /// [`RefundError::IdempotencyConflict`] otherwise. A new key creates a
    /// refund if the request is eligible; an eligible request below the
    /// policy's automatic-approval amount is approved at once (its history
    /// shows both moves at `now`). A rejected submission does not use up
    /// the key.
    ///
    /// # Errors
    ///
    /// [`RefundError::IdempotencyConflict`], [`RefundError::NotEligible`]
    /// (listing every problem), [`RefundError::BookFull`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::refund::*;
    ///
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let payment = CapturedPayment {
    ///     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    ///     amount: Money::new(10_000, Currency::Idr), paid_at,
    ///     method: RefundDestination::WalletBalance,
    /// };
    /// let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// let full = RefundRequest::new(
    ///     "ORD-1".parse()?, "TX-1".parse()?, paid_at, RefundAmount::Full, RefundReason::Duplicate, None,
    /// )?;
    /// let now = paid_at + Duration::days(1);
    /// let first = book.submit("key-1".parse()?, full.clone(), now)?;
    /// assert!(!first.replayed);
    /// assert_eq!(book.submit("key-1".parse()?, full, now + Duration::hours(1))?.id, first.id);
    ///
    /// let other = RefundRequest::new(
    ///     "ORD-1".parse()?, "TX-1".parse()?, paid_at, RefundAmount::Full, RefundReason::Cancelled, None,
    /// )?;
    /// let err = book.submit("key-1".parse()?, other, now).unwrap_err();
    /// assert!(matches!(err, RefundError::IdempotencyConflict { .. }));
    /// assert_eq!(book.refunds().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn submit(
        &mut self,
        key: IdempotencyKey,
        request: RefundRequest,
        now: DateTime<Utc>,
    ) -> Result<Submission, RefundError> {
        if let Some(existing) = self.find_by_key(&key) {
            return if existing.request == request {
                Ok(Submission {
                    id: existing.id,
                    status: existing.status,
                    auto_approved: existing.auto_approved,
                    replayed: true,
                })
            } else {
                Err(RefundError::IdempotencyConflict {
                    key,
                    existing: existing.id,
                })
            };
        }
        if self.refunds.len() >= MAX_REFUNDS_PER_BOOK {
            return Err(RefundError::BookFull {
                max: MAX_REFUNDS_PER_BOOK,
            });
        }
        let eligibility = self.check(&request, now);
        if !eligibility.eligible {
            return Err(RefundError::NotEligible {
                problems: eligibility.problems,
            });
        }
        // The eligibility check already compared the amount with what is
        // refundable; check the invariant itself once more before writing.
        let total = self.committed_total()?.checked_add(eligibility.amount)?;
        if total.minor() > self.payment.amount.minor() {
            return Err(RefundError::ExceedsCaptured {
                requested_minor: eligibility.amount.minor(),
                refundable_minor: self.refundable()?.minor(),
            });
        }
        let number = u32::try_from(self.refunds.len().saturating_add(1)).map_err(|_| {
            RefundError::BookFull {
                max: MAX_REFUNDS_PER_BOOK,
            }
        })?;
        let id = RefundId::new(number);
        let mut history = vec![RefundEvent {
            at: now,
            from: None,
            to: RefundStatus::Submitted,
            action: None,
        }];
        let mut status = RefundStatus::Submitted;
        if eligibility.auto_approve {
            history.push(RefundEvent {
                at: now,
                from: Some(RefundStatus::Submitted),
                to: RefundStatus::Approved,
                action: None,
            });
            status = RefundStatus::Approved;
        }
        self.refunds.push(Refund {
            id,
            idempotency_key: key,
            request,
            amount: eligibility.amount,
            destination: eligibility.destination,
            status,
            attempts: 0,
            auto_approved: eligibility.auto_approve,
            appealed: false,
            rejection: None,
            failure: None,
            history,
        });
        Ok(Submission {
            id,
            status,
            auto_approved: eligibility.auto_approve,
            replayed: false,
        })
    }

    /// Moves a refund with `action` at `now` and returns its new status.
    ///
    /// Checks, in order: the refund exists; `now` is not before its last move;
    /// the move is allowed from its status ([`RefundStatus::next`]); an appeal
    /// comes within the policy's appeal window of the rejection (its last
    /// instant included); a retry stays within the policy's processing
    /// attempts; and a move that revives a refund (from a status that does
    /// not hold money to one that does) keeps the refunds within the captured
    /// amount.
    ///
    /// # Errors
    ///
    /// [`RefundError::NotFound`], [`RefundError::ClockWentBackwards`],
    /// [`RefundError::InvalidTransition`], [`RefundError::AppealWindowClosed`],
    /// [`RefundError::RetryLimitReached`], [`RefundError::ExceedsCaptured`].
    /// On error nothing changes.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::refund::*;
    ///
    /// let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    /// let payment = CapturedPayment {
    ///     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    ///     amount: Money::new(10_000, Currency::Idr), paid_at,
    ///     method: RefundDestination::WalletBalance,
    /// };
    /// let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// let request = RefundRequest::new(
    ///     "ORD-1".parse()?, "TX-1".parse()?, paid_at, RefundAmount::Full, RefundReason::Duplicate, None,
    /// )?;
    /// let t0 = paid_at + Duration::days(1);
    /// let id = book.submit("k".parse()?, request, t0)?.id;
    /// book.apply(id, RefundAction::StartReview, t0)?;
    /// let rejected = RefundAction::Reject { reason: RejectionReason::InsufficientEvidence };
    /// book.apply(id, rejected, t0 + Duration::hours(1))?;
    ///
    /// // Too late to appeal: 14 days and one second after the rejection.
    /// let late = t0 + Duration::hours(1) + Duration::days(14) + Duration::seconds(1);
    /// let err = book.apply(id, RefundAction::Appeal { statement: None }, late).unwrap_err();
    /// assert!(matches!(err, RefundError::AppealWindowClosed { .. }));
    /// // Time cannot go backwards.
    /// let err = book.apply(id, RefundAction::Appeal { statement: None }, t0).unwrap_err();
    /// assert!(matches!(err, RefundError::ClockWentBackwards { .. }));
    /// assert_eq!(book.get(id).map(|r| r.status), Some(RefundStatus::Rejected));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(
        &mut self,
        id: RefundId,
        action: RefundAction,
        now: DateTime<Utc>,
    ) -> Result<RefundStatus, RefundError> {
        let committed_others = self.committed_except(Some(id))?;
        let captured = self.payment.amount;
        let policy = &self.policy;
        let refund = self
            .refunds
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or(RefundError::NotFound { id })?;
        if let Some(last) = refund.last_moved_at() {
            if now < last {
                return Err(RefundError::ClockWentBackwards { id, last, now });
            }
        }
        let from = refund.status;
        let to = from
            .next(&action)
            .ok_or_else(|| RefundError::InvalidTransition {
                id,
                from,
                action: action.name().to_owned(),
            })?;
        match action {
            RefundAction::Appeal { .. } => {
                let rejected_at = refund.rejected_at().unwrap_or(now);
                if let Some(closed_at) = policy.appeal_deadline(rejected_at) {
                    if now > closed_at {
                        return Err(RefundError::AppealWindowClosed { closed_at, now });
                    }
                }
            }
            RefundAction::Retry if refund.attempts >= policy.max_processing_attempts => {
                return Err(RefundError::RetryLimitReached {
                    id,
                    max: policy.max_processing_attempts,
                });
            }
            _ => {}
        }
        if !from.holds_money() && to.holds_money() {
            let total = committed_others.checked_add(refund.amount)?;
            if total.minor() > captured.minor() {
                return Err(RefundError::ExceedsCaptured {
                    requested_minor: refund.amount.minor(),
                    refundable_minor: captured.checked_sub(committed_others)?.minor(),
                });
            }
        }

        // Every check passed: from here on nothing fails.
        match &action {
            RefundAction::StartProcessing => refund.attempts = 1,
            RefundAction::Retry => refund.attempts = refund.attempts.saturating_add(1),
            RefundAction::Reject { reason } => refund.rejection = Some(*reason),
            RefundAction::Fail { reason } => refund.failure = Some(*reason),
            RefundAction::Appeal { .. } => refund.appealed = true,
            _ => {}
        }
        refund.status = to;
        refund.history.push(RefundEvent {
            at: now,
            from: Some(from),
            to,
            action: Some(action),
        });
        Ok(to)
    }
}

/// A command to a [`RefundBook`] kept as a
/// [`Versioned`](crate::versioned::Versioned) stream: the event a host
/// stores for each accepted change. The JSON form is tagged by `command`.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::{RefundAction, RefundCommand, RefundId};
/// let c = RefundCommand::Apply { id: RefundId::new(1), action: RefundAction::Approve };
/// assert_eq!(serde_json::to_string(&c)?, r#"{"command":"apply","id":1,"action":{"action":"approve"}}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum RefundCommand {
    /// [`RefundBook::submit`].
    Submit {
        /// The submission's idempotency key.
        key: IdempotencyKey,
        /// The request.
        request: RefundRequest,
    },
    /// [`RefundBook::apply`].
    Apply {
        /// The refund.
        id: RefundId,
        /// The move.
        action: RefundAction,
    },
    /// [`RefundBook::replace_policy`]: the merchant's policy changed.
    ReplacePolicy {
        /// The new policy.
        policy: RefundPolicy,
    },
}

/// What a [`RefundCommand`] answered. The JSON form is tagged by `outcome`.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::{RefundId, RefundOutcome, RefundStatus};
/// let o = RefundOutcome::Moved { id: RefundId::new(1), status: RefundStatus::Approved };
/// assert_eq!(serde_json::to_string(&o)?, r#"{"outcome":"moved","id":1,"status":"approved"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum RefundOutcome {
    /// The refund created (or found again) by a submission.
    Submitted {
        /// What [`RefundBook::submit`] returned.
        submission: Submission,
    },
    /// A refund moved.
    Moved {
        /// The refund.
        id: RefundId,
        /// Its new status.
        status: RefundStatus,
    },
    /// The policy was replaced.
    PolicyReplaced,
}

impl RefundBook {
    /// Replaces the merchant's policy: later submissions and moves follow
    /// the new one; refunds already made stay as they are.
    ///
    /// # Errors
    ///
    /// [`RefundError::InvalidPolicy`] for a setting out of range.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::refund::*;
    /// let payment = CapturedPayment {
    ///     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    ///     amount: Money::new(10_000, Currency::Idr),
    ///     paid_at: Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap(),
    ///     method: RefundDestination::WalletBalance,
    /// };
    /// let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// let policy = RefundPolicy { max_processing_attempts: 5, ..RefundPolicy::default() };
    /// book.replace_policy(policy.clone())?;
    /// assert_eq!(book.policy(), &policy);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replace_policy(&mut self, policy: RefundPolicy) -> Result<(), RefundError> {
        let checked = RefundBook::new(self.payment.clone(), policy)?;
        self.policy = checked.policy;
        Ok(())
    }
}

impl crate::versioned::Aggregate for RefundBook {
    type Command = RefundCommand;
    type Outcome = RefundOutcome;
    type Error = RefundError;

    fn handle(
        &mut self,
        command: &RefundCommand,
        at: DateTime<Utc>,
    ) -> Result<RefundOutcome, RefundError> {
        match command {
            RefundCommand::Submit { key, request } => Ok(RefundOutcome::Submitted {
                submission: self.submit(key.clone(), request.clone(), at)?,
            }),
            RefundCommand::Apply { id, action } => Ok(RefundOutcome::Moved {
                id: *id,
                status: self.apply(*id, action.clone(), at)?,
            }),
            RefundCommand::ReplacePolicy { policy } => {
                self.replace_policy(policy.clone())?;
                Ok(RefundOutcome::PolicyReplaced)
            }
        }
    }
}
