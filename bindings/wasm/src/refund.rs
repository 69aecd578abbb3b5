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
/** Options of {@link refundDue} and {@link RefundBook.due}. */
export interface RefundDueOptions {
  policy?: RefundSlaPolicyInput;
  locale?: LocaleTag;
}
/** Options of {@link refundSlaStatus}. */
export interface RefundSlaStatusOptions {
  /** When the refund was completed, if it was. */
  completed_at?: Instant | null;
  locale?: LocaleTag;
}
/** Options of {@link checkRefundEligibility}. */
export interface EligibilityOptions {
  policy?: RefundPolicyInput;
  /** What the payment's other refunds already hold (default zero). */
  committed?: Money;
  /** How many such refunds there are (default 0). */
  committed_count?: number;
  locale?: LocaleTag;
}"#;

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
/// at `now`: completed on time or late if `options.completed_at` is given,
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
    #[serde(deny_unknown_fields)]
    struct Options {
        // snake_case like every data object; the old camelCase is still read.
        #[serde(default, alias = "completedAt")]
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
            .map(|t| parse_instant(&t, "completed_at"))
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
/// (default zero) and `options.committed_count` how many there are.
#[wasm_bindgen(js_name = checkRefundEligibility, unchecked_return_type = "EligibilityReport")]
pub fn check_refund_eligibility(
    #[wasm_bindgen(unchecked_param_type = "RefundRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CapturedPayment")] payment: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EligibilityOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    struct Options {
        #[serde(default)]
        policy: Option<Value>,
        #[serde(default)]
        committed: Option<Value>,
        // snake_case like every data object; the old camelCase is still read.
        #[serde(default, alias = "committedCount")]
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
            now: None,
        })
    }
}
