//! Refunds: eligibility, the refund book and its lifecycle, the SLA on a
//! business calendar.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use walletcare_core::locale::{Locale, Render};
use walletcare_core::money::Money;
use walletcare_core::refund::{
    CapturedPayment, Eligibility, IdempotencyKey, RefundAction, RefundBook as CoreBook,
    RefundDestination, RefundDue, RefundError, RefundId, RefundPolicy, RefundRequest,
    RefundSlaPolicy, RefundStatus, SlaStatus, format_date,
};
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{
    core_error, date_arg, enum_arg, from_js, from_json_text, instant_arg, int_arg, json_or_object,
    locale_of, locale_option, messages, options_arg, parse_instant, string_arg, to_js,
};

#[wasm_bindgen(typescript_custom_section)]
const TS_REFUND: &str = r#"
/** A refund policy argument: name only the settings that differ. */
export type RefundPolicyInput = Partial<RefundPolicy>;
/** An SLA policy argument: name only the settings that differ. */
export type RefundSlaPolicyInput = Partial<RefundSlaPolicy>;
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
}"#;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DueOptions {
    #[serde(default)]
    policy: Option<RefundSlaPolicy>,
    #[serde(default)]
    locale: Option<String>,
}

impl DueOptions {
    fn read(value: Option<&JsValue>) -> Result<(RefundSlaPolicy, Locale), JsValue> {
        let options: DueOptions = options_arg(value, "options")?;
        let policy = options.policy.unwrap_or_default();
        policy.validate().map_err(core_error)?;
        Ok((policy, locale_of(options.locale.as_deref())?))
    }
}

/// A refund SLA and its explanation, as the C library writes it.
#[derive(Serialize)]
struct DueOut<'a> {
    due: Option<&'a RefundDue>,
    explanation: Option<String>,
}

fn due_out(due: Option<&RefundDue>, locale: Locale) -> Result<JsValue, JsValue> {
    to_js(&DueOut {
        due,
        explanation: due.map(|d| d.render(locale)),
    })
}

/// Eligibility and its rendered problems.
#[derive(Serialize)]
struct EligibilityOut<'a> {
    #[serde(flatten)]
    eligibility: &'a Eligibility,
    messages: Vec<String>,
}

fn eligibility_out(eligibility: &Eligibility, locale: Locale) -> Result<JsValue, JsValue> {
    to_js(&EligibilityOut {
        eligibility,
        messages: messages(&eligibility.problems, locale),
    })
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
    let destination: RefundDestination = from_js(&destination, "destination")?;
    let (policy, locale) = DueOptions::read(options.as_ref())?;
    let due = policy
        .due(&calendar.core(), approved_at, destination)
        .map_err(core_error)?;
    due_out(Some(&due), locale)
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
    #[derive(Serialize)]
    struct Out {
        status: SlaStatus,
        text: String,
    }
    let due: RefundDue = from_js(&due, "refund due")?;
    let now = instant_arg(&now, "now")?;
    let options: Options = options_arg(options.as_ref(), "options")?;
    let completed_at = options
        .completed_at
        .map(|t| parse_instant(&t, "completedAt"))
        .transpose()?;
    let locale = locale_of(options.locale.as_deref())?;
    let status = due.status(now, completed_at);
    to_js(&Out {
        text: status.render(locale),
        status,
    })
}

/// A date written naturally for a locale: `"Friday, 15 March 2024"`,
/// `"Jumat, 15 Maret 2024"`, `"2024年3月15日（星期五）"`.
#[wasm_bindgen(js_name = formatDate)]
pub fn format_date_js(
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let date = date_arg(&date, "date")?;
    let locale = locale_option(options.as_ref())?;
    Ok(format_date(date, locale))
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
        policy: Option<RefundPolicy>,
        #[serde(default)]
        committed: Option<Money>,
        #[serde(default)]
        committed_count: Option<u32>,
        #[serde(default)]
        locale: Option<String>,
    }
    let request: RefundRequest = from_js(&request, "refund request")?;
    let payment: CapturedPayment = from_js(&payment, "payment")?;
    let now = instant_arg(&now, "now")?;
    let options: Options = options_arg(options.as_ref(), "options")?;
    let policy = options.policy.unwrap_or_default();
    policy.validate().map_err(core_error)?;
    let locale = locale_of(options.locale.as_deref())?;
    let committed = options
        .committed
        .unwrap_or_else(|| Money::zero(payment.amount.currency()));
    let count = options.committed_count.unwrap_or(0);
    let eligibility = policy.check(&request, &payment, committed, count, now);
    eligibility_out(&eligibility, locale)
}

/// The status a refund moves to by an action, or `null` if the lifecycle
/// does not allow it (without a book's money and time checks).
#[wasm_bindgen(js_name = nextRefundStatus, unchecked_return_type = "RefundStatus | null")]
pub fn next_refund_status(
    #[wasm_bindgen(unchecked_param_type = "RefundStatus")] status: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RefundAction")] action: JsValue,
) -> Result<JsValue, JsValue> {
    let status: RefundStatus = enum_arg(&status, "refund status")?;
    let action: RefundAction = from_js(&action, "refund action")?;
    to_js(&status.next(&action))
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
        let payment: CapturedPayment = from_js(&payment, "payment")?;
        let policy: RefundPolicy = options_arg(policy.as_ref(), "refund policy")?;
        let book = CoreBook::new(payment, policy).map_err(core_error)?;
        Ok(RefundBook {
            inner: RefCell::new(book),
        })
    }

    /// Loads a book from its JSON form (text or object), checking every rule
    /// (ids, histories, the captured amount): a book that breaks them throws
    /// `general.invalid_json` (or `refund.exceeds_captured`).
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

    /// One refund with the text of its status. Throws `refund.not_found`.
    #[wasm_bindgen(unchecked_return_type = "RefundReport")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Out<'a> {
            refund: &'a walletcare_core::refund::Refund,
            status_text: String,
        }
        let id = refund_id(&id)?;
        let locale = locale_option(options.as_ref())?;
        let book = self.inner.borrow();
        let refund = book
            .get(id)
            .ok_or_else(|| core_error(RefundError::NotFound { id }))?;
        to_js(&Out {
            refund,
            status_text: refund.status.render(locale),
        })
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

    /// Whether a request would be eligible now, without submitting it:
    /// every problem, with one sentence each in `options.locale`.
    #[wasm_bindgen(unchecked_return_type = "EligibilityReport")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RefundRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let request: RefundRequest = from_js(&request, "refund request")?;
        let now = instant_arg(&now, "now")?;
        let locale = locale_option(options.as_ref())?;
        let eligibility = self.inner.borrow().check(&request, now);
        eligibility_out(&eligibility, locale)
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
        #[derive(Serialize)]
        struct Out {
            status: RefundStatus,
            text: String,
        }
        let id = refund_id(&id)?;
        let action: RefundAction = from_js(&action, "refund action")?;
        let now = instant_arg(&now, "now")?;
        let locale = locale_option(options.as_ref())?;
        let status = self
            .inner
            .borrow_mut()
            .apply(id, action, now)
            .map_err(core_error)?;
        to_js(&Out {
            text: status.render(locale),
            status,
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
        let (policy, locale) = DueOptions::read(options.as_ref())?;
        let due = {
            let book = self.inner.borrow();
            let refund = book
                .get(id)
                .ok_or_else(|| core_error(RefundError::NotFound { id }))?;
            policy
                .due_for(&calendar.core(), refund)
                .map_err(core_error)?
        };
        due_out(due.as_ref(), locale)
    }
}
