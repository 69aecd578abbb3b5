//! The merchant's refund policy and the eligibility check.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::{
    CapturedPayment, OrderNumber, RefundDestination, RefundError, RefundReason, RefundRequest,
    TransactionRef, format_money,
};
use crate::error::Coded;
use crate::locale::{Locale, Render};
use crate::money::{Currency, Money};

/// The longest refund or appeal window a policy may set, in days (ten years).
const MAX_WINDOW_DAYS: u32 = 3_650;
/// The largest per-transaction limits (refund count, processing attempts).
const MAX_LIMIT: u32 = 100;

/// What a refund window counts from.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::WindowAnchor;
/// assert_eq!(serde_json::to_string(&WindowAnchor::Delivery)?, "\"delivery\"");
/// assert_eq!(WindowAnchor::default(), WindowAnchor::Payment);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum WindowAnchor {
    /// From the payment time.
    #[default]
    Payment,
    /// From the delivery time given in the request; a request without one
    /// counts from the payment time (the earlier, stricter anchor), which is
    /// also what a "not received" claim naturally has.
    Delivery,
}

/// A merchant's refund policy. Every setting has a default, so a JSON policy
/// need only name what differs; unknown settings are rejected, and a policy
/// read from JSON is checked ([`RefundPolicy::validate`]) as it is read.
///
/// Defaults: 30-day window from payment, partial refunds allowed, at most 5
/// refunds per transaction, evidence required for `not_as_described` and
/// `unauthorised`, no automatic approval, refunds only to the original
/// method, 14-day appeal window, at most 5 processing attempts.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::refund::{RefundPolicy, WindowAnchor};
///
/// let policy: RefundPolicy = serde_json::from_str(
///     r#"{"window_days":7,"window_from":"delivery","auto_approve_below":{"minor":5000000,"currency":"IDR"}}"#,
/// )?;
/// assert_eq!(policy.window_days, 7);
/// assert_eq!(policy.window_from, WindowAnchor::Delivery);
/// assert!(policy.partial_refunds);
/// assert_eq!(policy.auto_approve_below, Some(Money::new(5_000_000, Currency::Idr)));
/// assert!(serde_json::from_str::<RefundPolicy>(r#"{"window":7}"#).is_err());
/// let err = serde_json::from_str::<RefundPolicy>(r#"{"window_days":0}"#).unwrap_err();
/// assert!(err.to_string().starts_with("general.invalid_argument: policy setting window_days"), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "RefundPolicyWire")]
pub struct RefundPolicy {
    /// Days after the anchor during which a refund may be requested
    /// (inclusive of the exact instant the window ends); 1 to 3650.
    pub window_days: u32,
    /// What the window counts from.
    pub window_from: WindowAnchor,
    /// Whether less than the full captured amount may be refunded.
    pub partial_refunds: bool,
    /// How many refunds holding money (not failed, rejected or cancelled) one
    /// transaction may have; 1 to 100.
    pub max_refunds_per_transaction: u32,
    /// Reasons that need at least one piece of evidence.
    pub evidence_required_for: Vec<RefundReason>,
    /// Eligible refunds strictly below this amount (same currency) are
    /// approved automatically on submission; `None` disables it.
    pub auto_approve_below: Option<Money>,
    /// Whether a refund may go somewhere other than the original payment
    /// method.
    pub other_destinations_allowed: bool,
    /// Days after a rejection during which it may be appealed (inclusive of
    /// the exact instant); 1 to 3650.
    pub appeal_window_days: u32,
    /// How many times a refund may be sent for processing (the first attempt
    /// and its retries); 1 to 100.
    pub max_processing_attempts: u32,
}

impl Default for RefundPolicy {
    fn default() -> Self {
        RefundPolicy {
            window_days: 30,
            window_from: WindowAnchor::Payment,
            partial_refunds: true,
            max_refunds_per_transaction: 5,
            evidence_required_for: vec![RefundReason::NotAsDescribed, RefundReason::Unauthorised],
            auto_approve_below: None,
            other_destinations_allowed: false,
            appeal_window_days: 14,
            max_processing_attempts: 5,
        }
    }
}

/// The JSON form of [`RefundPolicy`] before its ranges are checked: every
/// setting defaults, unknown settings are refused.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RefundPolicyWire {
    window_days: u32,
    window_from: WindowAnchor,
    partial_refunds: bool,
    max_refunds_per_transaction: u32,
    evidence_required_for: Vec<RefundReason>,
    auto_approve_below: Option<Money>,
    other_destinations_allowed: bool,
    appeal_window_days: u32,
    max_processing_attempts: u32,
}

impl Default for RefundPolicyWire {
    fn default() -> Self {
        let p = RefundPolicy::default();
        RefundPolicyWire {
            window_days: p.window_days,
            window_from: p.window_from,
            partial_refunds: p.partial_refunds,
            max_refunds_per_transaction: p.max_refunds_per_transaction,
            evidence_required_for: p.evidence_required_for,
            auto_approve_below: p.auto_approve_below,
            other_destinations_allowed: p.other_destinations_allowed,
            appeal_window_days: p.appeal_window_days,
            max_processing_attempts: p.max_processing_attempts,
        }
    }
}

impl TryFrom<RefundPolicyWire> for RefundPolicy {
    type Error = Coded<RefundError>;
    fn try_from(w: RefundPolicyWire) -> Result<Self, Self::Error> {
        let policy = RefundPolicy {
            window_days: w.window_days,
            window_from: w.window_from,
            partial_refunds: w.partial_refunds,
            max_refunds_per_transaction: w.max_refunds_per_transaction,
            evidence_required_for: w.evidence_required_for,
            auto_approve_below: w.auto_approve_below,
            other_destinations_allowed: w.other_destinations_allowed,
            appeal_window_days: w.appeal_window_days,
            max_processing_attempts: w.max_processing_attempts,
        };
        policy.validate().map_err(Coded)?;
        Ok(policy)
    }
}

fn in_range(field: &str, value: u32, min: u32, max: u32) -> Result<(), RefundError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(RefundError::InvalidPolicy {
            field: field.to_owned(),
            message: format!("{value} is outside {min}..={max}"),
        })
    }
}

impl RefundPolicy {
    /// Checks every setting is in range.
    ///
    /// # Errors
    ///
    /// [`RefundError::InvalidPolicy`] naming the first bad setting.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::RefundPolicy;
    /// assert!(RefundPolicy::default().validate().is_ok());
    /// let bad = RefundPolicy { window_days: 0, ..RefundPolicy::default() };
    /// assert!(bad.validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), RefundError> {
        in_range("window_days", self.window_days, 1, MAX_WINDOW_DAYS)?;
        in_range(
            "appeal_window_days",
            self.appeal_window_days,
            1,
            MAX_WINDOW_DAYS,
        )?;
        in_range(
            "max_refunds_per_transaction",
            self.max_refunds_per_transaction,
            1,
            MAX_LIMIT,
        )?;
        in_range(
            "max_processing_attempts",
            self.max_processing_attempts,
            1,
            MAX_LIMIT,
        )?;
        if let Some(limit) = self.auto_approve_below {
            if !limit.is_positive() {
                return Err(RefundError::InvalidPolicy {
                    field: "auto_approve_below".to_owned(),
                    message: format!("must be positive, got {} minor units", limit.minor()),
                });
            }
        }
        if self.evidence_required_for.len() > RefundReason::ALL.len() * 4 {
            return Err(RefundError::InvalidPolicy {
                field: "evidence_required_for".to_owned(),
                message: format!("{} entries is too many", self.evidence_required_for.len()),
            });
        }
        Ok(())
    }

    /// The last instant an appeal of a refund rejected at `rejected_at` is
    /// accepted, or `None` if that is beyond the representable range (the
    /// window then never closes).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::refund::RefundPolicy;
    /// let rejected = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    /// let closes = RefundPolicy::default().appeal_deadline(rejected);
    /// assert_eq!(closes, Some(rejected + Duration::days(14)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn appeal_deadline(&self, rejected_at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        rejected_at.checked_add_signed(Duration::days(i64::from(self.appeal_window_days)))
    }

    /// Checks a request against this policy and the payment's state, and
    /// returns every problem, in a fixed order.
    ///
    /// `committed` is the sum, and `committed_count` the number, of the
    /// payment's refunds that hold money (not failed, rejected or cancelled);
    /// [`super::RefundBook::check`] supplies them from its own records.
    ///
    /// The window counts from the captured payment time (or the request's
    /// delivery time, see [`WindowAnchor`]) and includes its last instant. A
    /// full refund asks for the whole captured amount, so it fails once any
    /// other refund holds money.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::refund::{
    ///     CapturedPayment, IneligibilityReason, RefundAmount, RefundDestination, RefundPolicy,
    ///     RefundReason, RefundRequest,
    /// };
    ///
    /// let paid_at = Utc.with_ymd_and_hms(2026, 11, 1, 3, 0, 0).unwrap();
    /// let payment = CapturedPayment {
    ///     transaction_id: "TX-1".parse()?,
    ///     order_number: "ORD-1".parse()?,
    ///     amount: Money::new(10_000_000, Currency::Idr),
    ///     paid_at,
    ///     method: RefundDestination::WalletBalance,
    /// };
    /// let request = RefundRequest::new(
    ///     "ORD-1".parse()?, "TX-1".parse()?, paid_at, RefundAmount::Full,
    ///     RefundReason::NotAsDescribed, None,
    /// )?;
    /// let policy = RefundPolicy::default();
    /// let late = paid_at + Duration::days(31);
    /// let zero = Money::zero(Currency::Idr);
    /// let result = policy.check(&request, &payment, zero, 0, late);
    /// assert!(!result.eligible);
    /// assert_eq!(result.problems.len(), 2); // both reasons, not only the first
    /// assert!(matches!(result.problems[0], IneligibilityReason::WindowClosed { .. }));
    /// assert!(matches!(result.problems[1], IneligibilityReason::EvidenceRequired { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn check(
        &self,
        request: &RefundRequest,
        payment: &CapturedPayment,
        committed: Money,
        committed_count: u32,
        now: DateTime<Utc>,
    ) -> Eligibility {
        let mut problems = Vec::new();
        let captured = payment.amount;
        let amount = request.amount().resolve(captured);
        let destination = request.destination().unwrap_or(payment.method);

        if request.transaction_id() != &payment.transaction_id {
            problems.push(IneligibilityReason::TransactionMismatch {
                expected: payment.transaction_id.clone(),
                requested: request.transaction_id().clone(),
            });
        }
        if request.order_number() != &payment.order_number {
            problems.push(IneligibilityReason::OrderMismatch {
                expected: payment.order_number.clone(),
                requested: request.order_number().clone(),
            });
        }
        if request.paid_at().timestamp() != payment.paid_at.timestamp() {
            problems.push(IneligibilityReason::PaymentTimeMismatch {
                expected: payment.paid_at,
                requested: request.paid_at(),
            });
        }
        if payment.paid_at > now {
            problems.push(IneligibilityReason::PaymentInFuture {
                paid_at: payment.paid_at,
            });
        }
        if let Some(delivered_at) = request.delivered_at() {
            if delivered_at < payment.paid_at {
                problems.push(IneligibilityReason::DeliveryBeforePayment {
                    paid_at: payment.paid_at,
                    delivered_at,
                });
            }
            if delivered_at > now {
                problems.push(IneligibilityReason::DeliveryInFuture { delivered_at });
            }
        }

        let (anchor, anchor_at) = match (self.window_from, request.delivered_at()) {
            (WindowAnchor::Delivery, Some(delivered_at)) => (WindowAnchor::Delivery, delivered_at),
            _ => (WindowAnchor::Payment, payment.paid_at),
        };
        if let Some(closed_at) =
            anchor_at.checked_add_signed(Duration::days(i64::from(self.window_days)))
        {
            if now > closed_at {
                problems.push(IneligibilityReason::WindowClosed {
                    anchor,
                    window_days: self.window_days,
                    closed_at,
                });
            }
        }

        if amount.currency() != captured.currency() {
            problems.push(IneligibilityReason::CurrencyMismatch {
                expected: captured.currency(),
                requested: amount.currency(),
            });
        } else {
            if !self.partial_refunds && amount.minor() < captured.minor() {
                problems.push(IneligibilityReason::PartialNotAllowed {
                    requested: amount,
                    captured,
                });
            }
            let refundable = captured
                .checked_sub(committed)
                .ok()
                .filter(|m| !m.is_negative())
                .unwrap_or_else(|| Money::zero(captured.currency()));
            if amount.minor() > refundable.minor() {
                problems.push(IneligibilityReason::ExceedsRefundable {
                    requested: amount,
                    refundable,
                });
            }
        }

        if committed_count >= self.max_refunds_per_transaction {
            problems.push(IneligibilityReason::TooManyRefunds {
                existing: committed_count,
                max: self.max_refunds_per_transaction,
            });
        }
        if request.evidence().is_empty() && self.evidence_required_for.contains(&request.reason()) {
            problems.push(IneligibilityReason::EvidenceRequired {
                reason: request.reason(),
            });
        }
        if destination != payment.method && !self.other_destinations_allowed {
            problems.push(IneligibilityReason::DestinationNotAllowed {
                requested: destination,
                original: payment.method,
            });
        }

        let eligible = problems.is_empty();
        let auto_approve = eligible
            && self.auto_approve_below.is_some_and(|limit| {
                limit.currency() == amount.currency() && amount.minor() < limit.minor()
            });
        Eligibility {
            eligible,
            problems,
            auto_approve,
            amount,
            destination,
        }
    }
}

/// The outcome of an eligibility check: every problem found, and whether an
/// eligible request is approved automatically.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::refund::{Eligibility, RefundDestination};
///
/// let json = r#"{"eligible":true,"problems":[],"auto_approve":false,
///     "amount":{"minor":100,"currency":"IDR"},"destination":{"type":"wallet_balance"}}"#;
/// let e: Eligibility = serde_json::from_str(json)?;
/// assert!(e.eligible && e.problems.is_empty());
/// assert_eq!(e.amount, Money::new(100, Currency::Idr));
/// assert_eq!(e.destination, RefundDestination::WalletBalance);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// Whether there are no problems.
    pub eligible: bool,
    /// Every problem, in a fixed order; empty when eligible.
    pub problems: Vec<IneligibilityReason>,
    /// Whether the refund is approved on submission without review.
    pub auto_approve: bool,
    /// The amount the request resolves to.
    pub amount: Money,
    /// Where the money would go.
    pub destination: RefundDestination,
}

/// One reason a refund request is not eligible. Renders in every locale.
///
/// The JSON form is tagged by `problem`:
/// `{"problem":"too_many_refunds","existing":5,"max":5}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::refund::{IneligibilityReason, RefundReason};
///
/// let p = IneligibilityReason::EvidenceRequired { reason: RefundReason::NotAsDescribed };
/// assert_eq!(
///     serde_json::to_string(&p)?,
///     r#"{"problem":"evidence_required","reason":"not_as_described"}"#
/// );
/// assert!(p.render(Locale::Id).contains("memerlukan bukti"));
/// assert!(p.render(Locale::ZhCn).contains("证据"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "problem", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum IneligibilityReason {
    /// The request names another transaction than the payment's.
    TransactionMismatch {
        /// The payment's transaction.
        expected: TransactionRef,
        /// The one in the request.
        requested: TransactionRef,
    },
    /// The request names another order than the payment's.
    OrderMismatch {
        /// The payment's order.
        expected: OrderNumber,
        /// The one in the request.
        requested: OrderNumber,
    },
    /// The payment time in the request differs from the recorded one (compared
    /// to the second).
    PaymentTimeMismatch {
        /// The recorded payment time.
        expected: DateTime<Utc>,
        /// The one in the request.
        requested: DateTime<Utc>,
    },
    /// The payment is after `now`.
    PaymentInFuture {
        /// The recorded payment time.
        paid_at: DateTime<Utc>,
    },
    /// The delivery time is before the payment time.
    DeliveryBeforePayment {
        /// The recorded payment time.
        paid_at: DateTime<Utc>,
        /// The delivery time in the request.
        delivered_at: DateTime<Utc>,
    },
    /// The delivery time is after `now`.
    DeliveryInFuture {
        /// The delivery time in the request.
        delivered_at: DateTime<Utc>,
    },
    /// The refund window closed before `now`.
    WindowClosed {
        /// What the window counted from.
        anchor: WindowAnchor,
        /// Its length.
        window_days: u32,
        /// Its last instant.
        closed_at: DateTime<Utc>,
    },
    /// The amount is in another currency than the payment.
    CurrencyMismatch {
        /// The payment's currency.
        expected: Currency,
        /// The request's.
        requested: Currency,
    },
    /// A partial refund, and the policy allows only full ones.
    PartialNotAllowed {
        /// The amount asked for.
        requested: Money,
        /// The captured amount.
        captured: Money,
    },
    /// The amount is more than the captured amount less the refunds that hold
    /// money.
    ExceedsRefundable {
        /// The amount asked for.
        requested: Money,
        /// What is still refundable.
        refundable: Money,
    },
    /// The payment already has the most refunds the policy allows.
    TooManyRefunds {
        /// Refunds holding money.
        existing: u32,
        /// The limit.
        max: u32,
    },
    /// The reason needs evidence and there is none.
    EvidenceRequired {
        /// The reason given.
        reason: RefundReason,
    },
    /// The money would go elsewhere than the original method, and the policy
    /// does not allow it.
    DestinationNotAllowed {
        /// The destination asked for.
        requested: RefundDestination,
        /// The original payment method.
        original: RefundDestination,
    },
}

impl IneligibilityReason {
    /// The snake_case name, as the JSON `problem` tag.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::IneligibilityReason;
    /// let p = IneligibilityReason::TooManyRefunds { existing: 5, max: 5 };
    /// assert_eq!(p.name(), "too_many_refunds");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            IneligibilityReason::TransactionMismatch { .. } => "transaction_mismatch",
            IneligibilityReason::OrderMismatch { .. } => "order_mismatch",
            IneligibilityReason::PaymentTimeMismatch { .. } => "payment_time_mismatch",
            IneligibilityReason::PaymentInFuture { .. } => "payment_in_future",
            IneligibilityReason::DeliveryBeforePayment { .. } => "delivery_before_payment",
            IneligibilityReason::DeliveryInFuture { .. } => "delivery_in_future",
            IneligibilityReason::WindowClosed { .. } => "window_closed",
            IneligibilityReason::CurrencyMismatch { .. } => "currency_mismatch",
            IneligibilityReason::PartialNotAllowed { .. } => "partial_not_allowed",
            IneligibilityReason::ExceedsRefundable { .. } => "exceeds_refundable",
            IneligibilityReason::TooManyRefunds { .. } => "too_many_refunds",
            IneligibilityReason::EvidenceRequired { .. } => "evidence_required",
            IneligibilityReason::DestinationNotAllowed { .. } => "destination_not_allowed",
        }
    }
}

impl Render for IneligibilityReason {
    fn render(&self, locale: Locale) -> String {
        match self {
            IneligibilityReason::TransactionMismatch {
                expected,
                requested,
            } => match locale {
                Locale::En => format!(
                    "The request names transaction {requested}, but this payment is transaction {expected}."
                ),
                Locale::Id => format!(
                    "Permintaan menyebut transaksi {requested}, padahal pembayaran ini adalah transaksi {expected}."
                ),
                Locale::ZhCn => {
                    format!("申请中的交易号 {requested} 与本笔付款的交易号 {expected} 不符。")
                }
            },
            IneligibilityReason::OrderMismatch {
                expected,
                requested,
            } => match locale {
                Locale::En => format!(
                    "The order number {requested} does not match this payment's order ({expected})."
                ),
                Locale::Id => format!(
                    "Nomor pesanan {requested} tidak cocok dengan pesanan pembayaran ini ({expected})."
                ),
                Locale::ZhCn => format!("订单号 {requested} 与该笔付款的订单（{expected}）不符。"),
            },
            IneligibilityReason::PaymentTimeMismatch { .. } => locale
                .pick(
                    "The payment time in the request does not match the recorded payment time.",
                    "Waktu pembayaran dalam permintaan tidak cocok dengan waktu pembayaran yang tercatat.",
                    "申请中的付款时间与系统记录的付款时间不一致。",
                )
                .to_owned(),
            IneligibilityReason::PaymentInFuture { .. } => locale
                .pick(
                    "The payment time is later than the time of the request.",
                    "Waktu pembayaran lebih lambat dari waktu permintaan.",
                    "付款时间晚于申请时间。",
                )
                .to_owned(),
            IneligibilityReason::DeliveryBeforePayment { .. } => locale
                .pick(
                    "The delivery time is before the payment time.",
                    "Waktu pengiriman lebih awal dari waktu pembayaran.",
                    "送达时间早于付款时间。",
                )
                .to_owned(),
            IneligibilityReason::DeliveryInFuture { .. } => locale
                .pick(
                    "The delivery time is later than the time of the request.",
                    "Waktu pengiriman lebih lambat dari waktu permintaan.",
                    "送达时间晚于申请时间。",
                )
                .to_owned(),
            IneligibilityReason::WindowClosed {
                anchor,
                window_days,
                ..
            } => match (locale, anchor) {
                (Locale::En, WindowAnchor::Payment) => format!(
                    "Refunds must be requested within {window_days} days of payment, and that time has passed."
                ),
                (Locale::En, WindowAnchor::Delivery) => format!(
                    "Refunds must be requested within {window_days} days of delivery, and that time has passed."
                ),
                (Locale::Id, WindowAnchor::Payment) => format!(
                    "Pengembalian dana harus diajukan dalam {window_days} hari sejak pembayaran, dan batas waktu itu sudah lewat."
                ),
                (Locale::Id, WindowAnchor::Delivery) => format!(
                    "Pengembalian dana harus diajukan dalam {window_days} hari sejak barang diterima, dan batas waktu itu sudah lewat."
                ),
                (Locale::ZhCn, WindowAnchor::Payment) => {
                    format!("退款须在付款后{window_days}天内申请，该期限已过。")
                }
                (Locale::ZhCn, WindowAnchor::Delivery) => {
                    format!("退款须在送达后{window_days}天内申请，该期限已过。")
                }
            },
            IneligibilityReason::CurrencyMismatch {
                expected,
                requested,
            } => match locale {
                Locale::En => {
                    format!("The refund is in {requested}, but the payment was in {expected}.")
                }
                Locale::Id => format!(
                    "Pengembalian dana diajukan dalam {requested}, padahal pembayaran dalam {expected}."
                ),
                Locale::ZhCn => format!("退款币种 {requested} 与付款币种 {expected} 不一致。"),
            },
            IneligibilityReason::PartialNotAllowed { captured, .. } => {
                let captured = format_money(*captured, locale);
                match locale {
                    Locale::En => format!(
                        "This merchant does not allow partial refunds: only the full {captured} can be refunded."
                    ),
                    Locale::Id => format!(
                        "Merchant ini tidak menerima pengembalian dana sebagian: hanya jumlah penuh {captured} yang dapat dikembalikan."
                    ),
                    Locale::ZhCn => format!("该商户不支持部分退款，只能全额退还 {captured}。"),
                }
            }
            IneligibilityReason::ExceedsRefundable {
                requested,
                refundable,
            } => {
                let requested = format_money(*requested, locale);
                let refundable = format_money(*refundable, locale);
                match locale {
                    Locale::En => format!(
                        "{requested} is more than can still be refunded for this payment ({refundable})."
                    ),
                    Locale::Id => format!(
                        "{requested} melebihi sisa dana yang masih dapat dikembalikan untuk pembayaran ini ({refundable})."
                    ),
                    Locale::ZhCn => {
                        format!("申请金额 {requested} 超过该笔付款的可退余额（{refundable}）。")
                    }
                }
            }
            IneligibilityReason::TooManyRefunds { existing, max } => match locale {
                Locale::En => format!(
                    "This payment already has {existing} refunds, and the merchant allows at most {max}."
                ),
                Locale::Id => format!(
                    "Pembayaran ini sudah memiliki {existing} pengembalian dana, dan merchant mengizinkan paling banyak {max}."
                ),
                Locale::ZhCn => format!("该笔付款已有{existing}笔退款，商户最多允许{max}笔。"),
            },
            IneligibilityReason::EvidenceRequired { reason } => {
                let reason = reason.render(locale);
                match locale {
                    Locale::En => format!(
                        "A refund for \u{201c}{reason}\u{201d} needs evidence, such as a photo, a receipt or a chat log."
                    ),
                    Locale::Id => format!(
                        "Pengembalian dana dengan alasan \u{201c}{reason}\u{201d} memerlukan bukti, misalnya foto, struk, atau riwayat chat."
                    ),
                    Locale::ZhCn => {
                        format!("以\u{201c}{reason}\u{201d}为由申请退款，需要提供照片、收据或聊天记录等证据。")
                    }
                }
            }
            IneligibilityReason::DestinationNotAllowed { original, .. } => {
                let original = original.render(locale);
                match locale {
                    Locale::En => format!(
                        "This merchant refunds only to the original payment method ({original})."
                    ),
                    Locale::Id => format!(
                        "Merchant ini hanya mengembalikan dana ke metode pembayaran awal ({original})."
                    ),
                    Locale::ZhCn => format!("该商户仅支持原路退回（{original}）。"),
                }
            }
        }
    }
}
