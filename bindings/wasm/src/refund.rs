//! Refunds: eligibility, the refund book and its lifecycle, the SLA on a
//! business calendar.

use std::cell::RefCell;

use walletcare_core::locale::Render;
use walletcare_core::money::Money;
use walletcare_core::refund::{
    CapturedPayment, Eligibility, IdempotencyKey, IneligibilityReason, RefundAction,
    RefundBook as CoreBook, RefundDestination, RefundDue, RefundId, RefundPolicy, RefundRequest,
    RefundSlaPolicy, RefundStatus, SlaStatus, format_date,
};
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{
    core_error, date_arg, from_js, from_js_opt, from_js_or_default, from_json_text, instant_arg,
    int_arg, json_or_object, locale_arg, opt_instant_arg, string_arg, string_array, to_js,
};

#[wasm_bindgen(typescript_custom_section)]
const TS_REFUND: &str = r#"
/** Where a refund's money goes. */
export type RefundDestination =
  | { type: "wallet_balance" }
  | { type: "card"; bank: string; last4: string }
  | { type: "bank_transfer"; bank: string; account_last4: string };
/** Why a user asks for a refund. */
export type RefundReason =
  | "not_received" | "not_as_described" | "duplicate" | "cancelled" | "unauthorised" | "other";
/** A kind of evidence attached to a request. */
export type EvidenceKind =
  | "photo" | "video" | "chat_log" | "receipt" | "bank_statement" | "delivery_record"
  | "police_report" | "other";
/** The whole captured amount, or part of it. */
export type RefundAmount = { type: "full" } | { type: "partial"; amount: Money };
/** What a user asks for. */
export interface RefundRequest {
  order_number: string;
  transaction_id: string;
  paid_at: IsoInstant;
  delivered_at?: IsoInstant;
  amount: RefundAmount;
  reason: RefundReason;
  /** Required for the reason `"other"`; at most 500 characters. */
  detail?: string;
  evidence?: { kind: EvidenceKind; reference: string }[];
  /** Defaults to the original payment method. */
  destination?: RefundDestination;
}
/** The payment a refund book is for. */
export interface CapturedPayment {
  transaction_id: string;
  order_number: string;
  amount: Money;
  paid_at: IsoInstant;
  method: RefundDestination;
}
/** A merchant's refund policy. */
export interface RefundPolicy {
  window_days: number;
  window_from: "payment" | "delivery";
  partial_refunds: boolean;
  max_refunds_per_transaction: number;
  evidence_required_for: RefundReason[];
  auto_approve_below: Money | null;
  other_destinations_allowed: boolean;
  appeal_window_days: number;
  max_processing_attempts: number;
}
/** A refund policy argument: name only the settings that differ. */
export type RefundPolicyInput = Partial<RefundPolicy>;
/** One reason a refund request is not eligible. */
export type IneligibilityReason =
  | { problem: "transaction_mismatch"; expected: string; requested: string }
  | { problem: "order_mismatch"; expected: string; requested: string }
  | { problem: "payment_time_mismatch"; expected: IsoInstant; requested: IsoInstant }
  | { problem: "payment_in_future"; paid_at: IsoInstant }
  | { problem: "delivery_before_payment"; paid_at: IsoInstant; delivered_at: IsoInstant }
  | { problem: "delivery_in_future"; delivered_at: IsoInstant }
  | { problem: "window_closed"; anchor: "payment" | "delivery"; window_days: number; closed_at: IsoInstant }
  | { problem: "currency_mismatch"; expected: CurrencyCode; requested: CurrencyCode }
  | { problem: "partial_not_allowed"; requested: Money; captured: Money }
  | { problem: "exceeds_refundable"; requested: Money; refundable: Money }
  | { problem: "too_many_refunds"; existing: number; max: number }
  | { problem: "evidence_required"; reason: RefundReason }
  | { problem: "destination_not_allowed"; requested: RefundDestination; original: RefundDestination };
/** Whether a request is eligible, with every problem. */
export interface Eligibility {
  eligible: boolean;
  problems: IneligibilityReason[];
  auto_approve: boolean;
  amount: Money;
  destination: RefundDestination;
}
/** Where a refund is in its lifecycle. */
export type RefundStatus =
  | "submitted" | "under_review" | "approved" | "processing" | "completed" | "failed"
  | "rejected" | "appealed" | "second_review" | "final_rejected" | "cancelled";
/** Why a refund was rejected. */
export type RejectionReason =
  | "insufficient_evidence" | "delivered_as_described" | "duplicate_request" | "suspected_abuse"
  | "merchant_policy" | "other";
/** Why a payout failed. */
export type FailureReason = "bank_rejected" | "destination_closed" | "timeout" | "other";
/** A move asked of a refund. */
export type RefundAction =
  | { action: "start_review" } | { action: "approve" }
  | { action: "reject"; reason: RejectionReason }
  | { action: "cancel" } | { action: "start_processing" } | { action: "complete" }
  | { action: "fail"; reason: FailureReason } | { action: "retry" }
  | { action: "appeal"; statement?: string } | { action: "start_second_review" };
/** One entry of a refund's history. */
export interface RefundEvent {
  at: IsoInstant;
  from: RefundStatus | null;
  to: RefundStatus;
  action: RefundAction | null;
}
/** One refund in a book. */
export interface Refund {
  id: number;
  idempotency_key: string;
  request: RefundRequest;
  amount: Money;
  destination: RefundDestination;
  status: RefundStatus;
  attempts: number;
  auto_approved: boolean;
  appealed: boolean;
  rejection: RejectionReason | null;
  failure: FailureReason | null;
  history: RefundEvent[];
}
/** The answer of {@link RefundBook.submit}. */
export interface Submission {
  id: number;
  status: RefundStatus;
  auto_approved: boolean;
  /** Whether the key had been used before (nothing new was created). */
  replayed: boolean;
}
/** The JSON form of a refund book. */
export interface RefundBookJson {
  payment: CapturedPayment;
  policy: RefundPolicy;
  refunds: Refund[];
}
/** How many business days a refund may take, by destination. */
export interface RefundSlaPolicy {
  wallet_balance_days: number;
  /** By issuing bank code, e.g. `{ "BCA": 7, "BRI": 7 }`. */
  card_days: Record<string, number>;
  other_card_days: number;
  bank_transfer_days: number;
  due_soon_hours: number;
}
/** An SLA policy argument: name only the settings that differ. */
export type RefundSlaPolicyInput = Partial<RefundSlaPolicy>;
/** When an approved refund is due, and why. */
export interface RefundDue {
  approved_at: IsoInstant;
  time_zone: string;
  cutoff: string | null;
  destination: RefundDestination;
  business_days: number;
  start: "same_day" | "after_cutoff" | "non_business_day";
  start_date: IsoDate;
  due_date: IsoDate;
  /** The end of `due_date` in the calendar's zone (exclusive). */
  due_at: IsoInstant;
  due_soon_at: IsoInstant;
  /** Every weekend day and holiday from the approval's date to the due date. */
  skipped: NonBusinessDay[];
  /** Whether a year involved has estimated holidays. */
  estimated: boolean;
}
/** Where a refund stands against its SLA. */
export type RefundSlaStatus =
  | { state: "on_track"; remaining_seconds: number }
  | { state: "due_soon"; remaining_seconds: number }
  | { state: "breached"; overdue_seconds: number }
  | { state: "completed_on_time"; margin_seconds: number }
  | { state: "completed_late"; late_seconds: number };
"#;

fn sla_policy_arg(value: Option<&JsValue>) -> Result<RefundSlaPolicy, JsValue> {
    let policy: RefundSlaPolicy = from_js_or_default(value, "refund SLA policy")?;
    policy.validate().map_err(core_error)?;
    Ok(policy)
}

fn refund_policy_arg(value: Option<&JsValue>) -> Result<RefundPolicy, JsValue> {
    let policy: RefundPolicy = from_js_or_default(value, "refund policy")?;
    policy.validate().map_err(core_error)?;
    Ok(policy)
}

/// When a refund to `destination` approved at `approvedAt` is due on a
/// business calendar: counting starts on the approval's business day (the
/// next one after the cut-off or on a holiday) and runs the destination's
/// business days (default: wallet 0, BCA/BRI cards 7, other cards 14, bank
/// transfer 3). Lists every weekend day and holiday skipped.
#[wasm_bindgen(js_name = refundDue, unchecked_return_type = "RefundDue")]
pub fn refund_due(
    calendar: &Calendar,
    #[wasm_bindgen(js_name = approvedAt, unchecked_param_type = "Instant")] approved_at: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RefundDestination")] destination: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RefundSlaPolicyInput")] policy: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let approved_at = instant_arg(&approved_at, "approvedAt")?;
    let destination: RefundDestination = from_js(&destination, "destination")?;
    let policy = sla_policy_arg(policy.as_ref())?;
    let due = policy
        .due(&calendar.core(), approved_at, destination)
        .map_err(core_error)?;
    to_js(&due)
}

/// Where a refund with this SLA stands at `now`: completed on time or late
/// if `completedAt` is given, otherwise on track, due soon or breached.
#[wasm_bindgen(js_name = refundSlaStatus, unchecked_return_type = "RefundSlaStatus")]
pub fn refund_sla_status(
    #[wasm_bindgen(unchecked_param_type = "RefundDue")] due: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    #[wasm_bindgen(js_name = completedAt, unchecked_optional_param_type = "Instant | null")]
    completed_at: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let due: RefundDue = from_js(&due, "refund due")?;
    let now = instant_arg(&now, "now")?;
    let completed_at = opt_instant_arg(completed_at.as_ref(), "completedAt")?;
    to_js(&due.status(now, completed_at))
}

/// The explanation of a refund's due date for the user, in a locale: when
/// it was approved, from which day business days count, the due date, and
/// every weekend and holiday skipped, by name.
#[wasm_bindgen(js_name = explainRefundDue)]
pub fn explain_refund_due(
    #[wasm_bindgen(unchecked_param_type = "RefundDue")] due: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleTag")] locale: Option<JsValue>,
) -> Result<String, JsValue> {
    let due: RefundDue = from_js(&due, "refund due")?;
    let locale = locale_arg(locale.as_ref())?;
    Ok(due.render(locale))
}

/// A refund SLA status in words, e.g. `"Overdue by 1 day 2 hours"`.
#[wasm_bindgen(js_name = describeRefundSlaStatus)]
pub fn describe_refund_sla_status(
    #[wasm_bindgen(unchecked_param_type = "RefundSlaStatus")] status: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleTag")] locale: Option<JsValue>,
) -> Result<String, JsValue> {
    let status: SlaStatus = from_js(&status, "refund SLA status")?;
    let locale = locale_arg(locale.as_ref())?;
    Ok(status.render(locale))
}

/// A date written naturally for a locale: `"Friday, 15 March 2024"`,
/// `"Jumat, 15 Maret 2024"`, `"2024年3月15日（星期五）"`.
#[wasm_bindgen(js_name = formatDate)]
pub fn format_date_js(
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleTag")] locale: Option<JsValue>,
) -> Result<String, JsValue> {
    let date = date_arg(&date, "date")?;
    let locale = locale_arg(locale.as_ref())?;
    Ok(format_date(date, locale))
}

/// Checks a refund request against a merchant policy without a book:
/// `committed` is what the payment's other refunds already hold (default
/// zero) and `committedCount` how many there are (default 0). Returns every
/// problem, not only the first.
#[wasm_bindgen(js_name = checkRefundEligibility, unchecked_return_type = "Eligibility")]
pub fn check_refund_eligibility(
    #[wasm_bindgen(unchecked_param_type = "RefundRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CapturedPayment")] payment: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RefundPolicyInput")] policy: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Money")] committed: Option<JsValue>,
    #[wasm_bindgen(js_name = committedCount, unchecked_optional_param_type = "number")]
    committed_count: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let request: RefundRequest = from_js(&request, "refund request")?;
    let payment: CapturedPayment = from_js(&payment, "payment")?;
    let now = instant_arg(&now, "now")?;
    let policy = refund_policy_arg(policy.as_ref())?;
    let committed: Money = from_js_opt(committed.as_ref(), "committed")?
        .unwrap_or_else(|| Money::zero(payment.amount.currency()));
    let count: u32 = match committed_count {
        Some(v) if !v.is_undefined() && !v.is_null() => int_arg(&v, "committedCount")?,
        _ => 0,
    };
    let eligibility: Eligibility = policy.check(&request, &payment, committed, count, now);
    to_js(&eligibility)
}

/// One sentence per ineligibility reason, in a locale.
#[wasm_bindgen(js_name = describeIneligibility, unchecked_return_type = "string[]")]
pub fn describe_ineligibility(
    #[wasm_bindgen(unchecked_param_type = "IneligibilityReason[]")] problems: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleTag")] locale: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let problems: Vec<IneligibilityReason> = from_js(&problems, "problems")?;
    let locale = locale_arg(locale.as_ref())?;
    Ok(string_array(problems.iter().map(|p| p.render(locale))))
}

/// The status a refund moves to by an action, or `null` if the lifecycle
/// does not allow it (without a book's money and time checks).
#[wasm_bindgen(js_name = nextRefundStatus, unchecked_return_type = "RefundStatus | null")]
pub fn next_refund_status(
    #[wasm_bindgen(unchecked_param_type = "RefundStatus")] status: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RefundAction")] action: JsValue,
) -> Result<JsValue, JsValue> {
    let status: RefundStatus = from_js(&status, "refund status")?;
    let action: RefundAction = from_js(&action, "refund action")?;
    to_js(&status.next(&action))
}

/// A refund status in words for the user.
#[wasm_bindgen(js_name = describeRefundStatus)]
pub fn describe_refund_status(
    #[wasm_bindgen(unchecked_param_type = "RefundStatus")] status: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleTag")] locale: Option<JsValue>,
) -> Result<String, JsValue> {
    let status: RefundStatus = from_js(&status, "refund status")?;
    let locale = locale_arg(locale.as_ref())?;
    Ok(status.render(locale))
}

/// A refund destination in words, e.g. `"BCA card ending in 1234"`.
#[wasm_bindgen(js_name = describeRefundDestination)]
pub fn describe_refund_destination(
    #[wasm_bindgen(unchecked_param_type = "RefundDestination")] destination: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleTag")] locale: Option<JsValue>,
) -> Result<String, JsValue> {
    let destination: RefundDestination = from_js(&destination, "destination")?;
    let locale = locale_arg(locale.as_ref())?;
    Ok(destination.render(locale))
}

/// Every refund of one captured payment, with the merchant policy: the book
/// never lets the refunds holding money exceed the captured amount, replays
/// idempotency keys, checks every lifecycle move and keeps each refund's
/// history. A call that throws changes nothing.
#[wasm_bindgen]
#[derive(Debug)]
pub struct RefundBook {
    inner: RefCell<CoreBook>,
}

#[wasm_bindgen]
impl RefundBook {
    /// An empty book for a captured payment (its amount must be positive)
    /// and a policy (defaults for the settings not named).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "CapturedPayment")] payment: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RefundPolicyInput")] policy: Option<
            JsValue,
        >,
    ) -> Result<RefundBook, JsValue> {
        let payment: CapturedPayment = from_js(&payment, "payment")?;
        let policy = refund_policy_arg(policy.as_ref())?;
        let book = CoreBook::new(payment, policy).map_err(core_error)?;
        Ok(RefundBook {
            inner: RefCell::new(book),
        })
    }

    /// Loads a book from its JSON form (text or object), checking every rule
    /// (ids, histories, the captured amount).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | RefundBookJson")] json: JsValue,
    ) -> Result<RefundBook, JsValue> {
        let text = json_or_object(&json, "refund book")?;
        let book: CoreBook = from_json_text(&text, "refund book")?;
        Ok(RefundBook {
            inner: RefCell::new(book),
        })
    }

    /// The JSON form, so `JSON.stringify(book)` works.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "RefundBookJson")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&*self.inner.borrow())
    }

    /// The captured payment.
    #[wasm_bindgen(getter, unchecked_return_type = "CapturedPayment")]
    pub fn payment(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.borrow().payment())
    }

    /// The policy, with every default filled in.
    #[wasm_bindgen(getter, unchecked_return_type = "RefundPolicy")]
    pub fn policy(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.borrow().policy())
    }

    /// Every refund, oldest first.
    #[wasm_bindgen(unchecked_return_type = "Refund[]")]
    pub fn refunds(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.borrow().refunds())
    }

    /// The refund with an id, or `null`.
    #[wasm_bindgen(unchecked_return_type = "Refund | null")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = RefundId::new(int_arg(&id, "id")?);
        to_js(&self.inner.borrow().get(id))
    }

    /// The sum of the refunds that hold money (all but failed, rejected and
    /// cancelled ones).
    #[wasm_bindgen(js_name = committedTotal, unchecked_return_type = "Money")]
    pub fn committed_total(&self) -> Result<JsValue, JsValue> {
        let total = self.inner.borrow().committed_total().map_err(core_error)?;
        to_js(&total)
    }

    /// What may still be refunded.
    #[wasm_bindgen(unchecked_return_type = "Money")]
    pub fn refundable(&self) -> Result<JsValue, JsValue> {
        let left = self.inner.borrow().refundable().map_err(core_error)?;
        to_js(&left)
    }

    /// Whether a request would be eligible now, with every problem.
    #[wasm_bindgen(unchecked_return_type = "Eligibility")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RefundRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    ) -> Result<JsValue, JsValue> {
        let request: RefundRequest = from_js(&request, "refund request")?;
        let now = instant_arg(&now, "now")?;
        to_js(&self.inner.borrow().check(&request, now))
    }

    /// Submits a request under an idempotency key. The same key and request
    /// again returns the same refund (`replayed: true`); the same key with
    /// another request throws `refund.idempotency_conflict`; an ineligible
    /// request throws `refund.not_eligible`.
    #[wasm_bindgen(unchecked_return_type = "Submission")]
    pub fn submit(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RefundRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    ) -> Result<JsValue, JsValue> {
        let key: IdempotencyKey = string_arg(&key, "key")?.parse().map_err(core_error)?;
        let request: RefundRequest = from_js(&request, "refund request")?;
        let now = instant_arg(&now, "now")?;
        let submission = self
            .inner
            .borrow_mut()
            .submit(key, request, now)
            .map_err(core_error)?;
        to_js(&submission)
    }

    /// Moves a refund by an action at `now` and returns its new status.
    /// Throws `refund.invalid_transition`, `refund.not_found`,
    /// `refund.exceeds_captured`, `refund.appeal_window_closed`,
    /// `refund.clock_went_backwards` or `refund.retry_limit_reached`.
    #[wasm_bindgen(unchecked_return_type = "RefundStatus")]
    pub fn apply(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RefundAction")] action: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = RefundId::new(int_arg(&id, "id")?);
        let action: RefundAction = from_js(&action, "refund action")?;
        let now = instant_arg(&now, "now")?;
        let status = self
            .inner
            .borrow_mut()
            .apply(id, action, now)
            .map_err(core_error)?;
        to_js(&status)
    }

    /// The SLA of a refund from its latest approval on a calendar, or `null`
    /// if it was never approved.
    #[wasm_bindgen(unchecked_return_type = "RefundDue | null")]
    pub fn due(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] id: JsValue,
        calendar: &Calendar,
        #[wasm_bindgen(unchecked_optional_param_type = "RefundSlaPolicyInput")] policy: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        let id = RefundId::new(int_arg(&id, "id")?);
        let policy = sla_policy_arg(policy.as_ref())?;
        let book = self.inner.borrow();
        let refund = book
            .get(id)
            .ok_or_else(|| core_error(walletcare_core::refund::RefundError::NotFound { id }))?;
        let due = policy
            .due_for(&calendar.core(), refund)
            .map_err(core_error)?;
        to_js(&due)
    }
}
