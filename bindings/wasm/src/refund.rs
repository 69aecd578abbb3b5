//! Refunds: eligibility, the refund book and its lifecycle, the SLA on a
//! business calendar. Each export maps its arguments to an operation of
//! `walletcare_api::refund` and runs it.

use std::cell::RefCell;

use serde::Deserialize;
use serde_json::Value;
use walletcare_api::ops::{Command, Operation};
use walletcare_api::refund::{
    Apply, BookDue, Check, CheckEligibility, CommittedTotal, Due, DueStatus, FormatDate, Get,
    NewBook, NextStatus, Refundable, Submit,
};
use walletcare_core::refund::{RefundBook as CoreBook, RefundId};
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{
    api, api_js, date_arg, from_js, from_js_opt, from_json_text, instant_arg, int_arg,
    json_or_object, locale_of, locale_option, member, options_arg, parse_instant, string_arg,
    to_js,
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
/** A refund's SLA and its explanation (both `null` when never approved). */
export interface RefundDueReport {
  due: RefundDue;
  /** When it was approved, from which day business days count, the due date, and every weekend and holiday skipped, by name. */
  explanation: string;
}
/** A refund SLA status and its text, e.g. "Overdue by 1 day 2 hours". */
export interface RefundSlaStatusReport {
  status: RefundSlaStatus;
  text: string;
}
/** Eligibility with one sentence per problem (`messages[i]` renders `problems[i]`). */
export interface EligibilityReport extends Eligibility {
  messages: string[];
}
/** A refund status and its text for the user. */
export interface RefundStatusReport {
  status: RefundStatus;
  text: string;
}
/** One refund and the text of its status. */
export interface RefundReport {
  refund: Refund;
  status_text: string;
}
/** Options of {@link refundDue} and {@link RefundBook.due}. */
export interface RefundDueOptions {
  policy?: RefundSlaPolicyInput;
  locale?: LocaleTag;
}
/** Options of {@link refundSlaStatus}. */
export interface RefundSlaStatusOptions {
  /** When the refund was completed, if it was. */
  completedAt?: Instant | null;
  locale?: LocaleTag;
}
/** Options of {@link checkRefundEligibility}. */
export interface EligibilityOptions {
  policy?: RefundPolicyInput;
  /** What the payment's other refunds already hold (default zero). */
  committed?: Money;
  /** How many such refunds there are (default 0). */
  committedCount?: number;
  locale?: LocaleTag;
}
/** Where a refund stands against its SLA. */
export type RefundSlaStatus =
  | { state: "on_track"; remaining_seconds: number }
  | { state: "due_soon"; remaining_seconds: number }
  | { state: "breached"; overdue_seconds: number }
  | { state: "completed_on_time"; margin_seconds: number }
  | { state: "completed_late"; late_seconds: number };
"#;

/// The `{ policy, locale }` options of the SLA functions.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DueOptions {
    #[serde(default)]
    policy: Option<Value>,
    #[serde(default)]
    locale: Option<String>,
}

/// When a refund to `destination` approved at `approvedAt` is due on a
/// business calendar, with its explanation in `options.locale`. Counting
/// starts on the approval's business day (the next one after the cut-off
/// or on a holiday) and runs the destination's business days (default:
/// wallet 0, BCA/BRI cards 7, other cards 14, bank transfer 3). `due.skipped`
/// lists every weekend day and holiday skipped. Throws
/// `calendar.not_covered` for a year the calendar has no data for.
#[wasm_bindgen(js_name = refundDue, unchecked_return_type = "RefundDueReport")]
pub fn refund_due(
    calendar: &Calendar,
    #[wasm_bindgen(js_name = approvedAt, unchecked_param_type = "Instant")] approved_at: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RefundDestination")] destination: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RefundDueOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let approved_at = instant_arg(&approved_at, "approvedAt")?;
    let destination = from_js(&destination, "destination")?;
    let options: DueOptions = options_arg(options.as_ref(), "options")?;
    let input = Due {
        calendar: calendar.core().into(),
        approved_at,
        destination,
        policy: member(options.policy, "policy")?,
        locale: locale_of(options.locale.as_deref())?,
    };
    api_js(input.run())
}

/// Where a refund with this SLA (`due` as `refundDue` returned it) stands
/// at `now`: completed on time or late if `options.completedAt` is given,
/// otherwise on track, due soon or breached; with its text.
#[wasm_bindgen(js_name = refundSlaStatus, unchecked_return_type = "RefundSlaStatusReport")]
pub fn refund_sla_status(
    #[wasm_bindgen(unchecked_param_type = "RefundDue")] due: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RefundSlaStatusOptions")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct Options {
        #[serde(default)]
        completed_at: Option<String>,
        #[serde(default)]
        locale: Option<String>,
    }
    let due = from_js(&due, "due")?;
    let now = instant_arg(&now, "now")?;
    let options: Options = options_arg(options.as_ref(), "options")?;
    let input = DueStatus {
        due,
        now,
        completed_at: options
            .completed_at
            .map(|t| parse_instant(&t, "completedAt"))
            .transpose()?,
        locale: locale_of(options.locale.as_deref())?,
    };
    api_js(input.run())
}

/// A date written naturally for a locale: `"Friday, 15 March 2024"`,
/// `"Jumat, 15 Maret 2024"`, `"2024年3月15日（星期五）"`.
#[wasm_bindgen(js_name = formatDate)]
pub fn format_date_js(
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let input = FormatDate {
        date: date_arg(&date, "date")?,
        locale: locale_option(options.as_ref())?,
    };
    api(input.run())
}

/// Checks a refund request against a merchant policy without a book, and
/// returns every problem (not only the first) with one sentence each.
/// `options.committed` is what the payment's other refunds already hold
/// (default zero) and `options.committedCount` how many there are.
#[wasm_bindgen(js_name = checkRefundEligibility, unchecked_return_type = "EligibilityReport")]
pub fn check_refund_eligibility(
    #[wasm_bindgen(unchecked_param_type = "RefundRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CapturedPayment")] payment: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EligibilityOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct Options {
        #[serde(default)]
        policy: Option<Value>,
        #[serde(default)]
        committed: Option<Value>,
        #[serde(default)]
        committed_count: Option<u32>,
        #[serde(default)]
        locale: Option<String>,
    }
    let request = from_js(&request, "request")?;
    let payment = from_js(&payment, "payment")?;
    let now = instant_arg(&now, "now")?;
    let options: Options = options_arg(options.as_ref(), "options")?;
    let input = CheckEligibility {
        request,
        payment,
        now,
        policy: member(options.policy, "policy")?,
        committed: member(options.committed, "committed")?,
        committed_count: options.committed_count.unwrap_or(0),
        locale: locale_of(options.locale.as_deref())?,
    };
    api_js(input.run())
}

/// The status a refund moves to by an action, or `null` if the lifecycle
/// does not allow it (without a book's money and time checks).
#[wasm_bindgen(js_name = nextRefundStatus, unchecked_return_type = "RefundStatus | null")]
pub fn next_refund_status(
    #[wasm_bindgen(unchecked_param_type = "RefundStatus")] status: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RefundAction")] action: JsValue,
) -> Result<JsValue, JsValue> {
    let input = NextStatus {
        status: crate::convert::code_of(&status, "status")?,
        action: from_js(&action, "action")?,
    };
    api_js(input.run())
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

fn refund_id(value: &JsValue) -> Result<RefundId, JsValue> {
    int_arg(value, "id").map(RefundId::new)
}

impl RefundBook {
    /// Runs a command of `walletcare_api::refund` on the book.
    fn run<C: Command<State = CoreBook>>(&self, command: C) -> Result<JsValue, JsValue> {
        api_js(command.run(&mut self.inner.borrow_mut()))
    }
}

#[wasm_bindgen]
impl RefundBook {
    /// An empty book for a captured payment (its amount must be positive:
    /// `money.non_positive_amount`) and a merchant policy (defaults for the
    /// settings not named; `general.invalid_argument` when out of range).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "CapturedPayment")] payment: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RefundPolicyInput")] policy: Option<
            JsValue,
        >,
    ) -> Result<RefundBook, JsValue> {
        let input = NewBook {
            payment: from_js(&payment, "payment")?,
            policy: from_js_opt(policy.as_ref(), "policy")?,
        };
        Ok(RefundBook {
            inner: RefCell::new(api(input.run())?),
        })
    }

    /// Loads a book from its JSON form (text or object), checking every rule
    /// (ids, histories, the captured amount): a book that breaks them throws
    /// `general.invalid_json` (or `refund.exceeds_captured`).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | RefundBookJson")] json: JsValue,
    ) -> Result<RefundBook, JsValue> {
        let text = json_or_object(&json, "book")?;
        Ok(RefundBook {
            inner: RefCell::new(from_json_text(&text, "book")?),
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

    /// One refund with the text of its status. Throws `refund.not_found`.
    #[wasm_bindgen(unchecked_return_type = "RefundReport")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        self.run(Get {
            id: refund_id(&id)?,
            locale: locale_option(options.as_ref())?,
        })
    }

    /// The sum of the refunds that hold money (all but failed, rejected and
    /// cancelled ones).
    #[wasm_bindgen(js_name = committedTotal, unchecked_return_type = "Money")]
    pub fn committed_total(&self) -> Result<JsValue, JsValue> {
        self.run(CommittedTotal {})
    }

    /// What may still be refunded.
    #[wasm_bindgen(unchecked_return_type = "Money")]
    pub fn refundable(&self) -> Result<JsValue, JsValue> {
        self.run(Refundable {})
    }

    /// Whether a request would be eligible now, without submitting it:
    /// every problem, with one sentence each in `options.locale`.
    #[wasm_bindgen(unchecked_return_type = "EligibilityReport")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RefundRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        self.run(Check {
            request: from_js(&request, "request")?,
            now: instant_arg(&now, "now")?,
            locale: locale_option(options.as_ref())?,
        })
    }

    /// Submits a request under an idempotency key. The same key and request
    /// again returns the same refund (`replayed: true`, nothing new); the
    /// same key with another request throws `refund.idempotency_conflict`;
    /// an ineligible request throws `refund.not_eligible` (`check` says why).
    #[wasm_bindgen(unchecked_return_type = "Submission")]
    pub fn submit(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RefundRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.run(Submit {
            key: crate::convert::parse_code(&string_arg(&key, "key")?)?,
            request: from_js(&request, "request")?,
            now: instant_arg(&now, "now")?,
        })
    }

    /// Moves a refund by an action at `now` and returns its new status with
    /// its text. Throws `refund.not_found`, `refund.invalid_transition`,
    /// `refund.appeal_window_closed`, `refund.retry_limit_reached`,
    /// `refund.exceeds_captured` or `refund.clock_went_backwards`; the book is
    /// then unchanged.
    #[wasm_bindgen(unchecked_return_type = "RefundStatusReport")]
    pub fn apply(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RefundAction")] action: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        self.run(Apply {
            id: refund_id(&id)?,
            action: from_js(&action, "action")?,
            now: instant_arg(&now, "now")?,
            locale: locale_option(options.as_ref())?,
        })
    }

    /// The SLA of a refund from its latest approval on a calendar, with its
    /// explanation; `{ due: null, explanation: null }` when it was never
    /// approved. Throws `refund.not_found`.
    #[wasm_bindgen(unchecked_return_type = "RefundDueReport | { due: null; explanation: null }")]
    pub fn due(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] id: JsValue,
        calendar: &Calendar,
        #[wasm_bindgen(unchecked_optional_param_type = "RefundDueOptions")] options: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        let id = refund_id(&id)?;
        let options: DueOptions = options_arg(options.as_ref(), "options")?;
        self.run(BookDue {
            id,
            calendar: calendar.core().into(),
            policy: member(options.policy, "policy")?,
            locale: locale_of(options.locale.as_deref())?,
        })
    }
}
