//! Support tickets: numbers, the `Ticket` class with its lifecycle, and the
//! SLA clocks. Each export maps its arguments to an operation of
//! `walletcare_api::ticket` and runs it; the core decides every move.

use std::cell::RefCell;

use serde::Deserialize;
use serde_json::Value;
use walletcare_api::ops::{Command, Operation};
use walletcare_api::ticket::{
    Apply, DefaultSlaPolicy, EscalateOnBreach, ExtendRegulatoryDeadline, IsValidNumber, NewTicket,
    Number, NumberAt, ParseNumber, Sla,
};
use walletcare_core::ticket::Ticket as CoreTicket;
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{
    api, api_js, code_of, date_arg, from_js, from_json_text, instant_arg, int_arg, json_or_object,
    locale_of, locale_option, member, options_arg, string_arg, to_js,
};

#[wasm_bindgen(typescript_custom_section)]
const TS_TICKET: &str = r#"
/** Options for a new ticket. */
export interface TicketOptions {
  /** Defaults to the category's priority. */
  priority?: Priority;
  /** Defaults: reopen within 7 days, review within 14. */
  rules?: TicketRules;
}
/** Options of {@link Ticket.sla}. */
export interface TicketSlaOptions {
  policy?: TicketSlaPolicy;
  locale?: LocaleTag;
}
"#;

/// The `{ policy, locale }` options of the SLA methods.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SlaOptions {
    #[serde(default)]
    policy: Option<Value>,
    #[serde(default)]
    locale: Option<String>,
}

/// The number of the `sequence`-th ticket of a local date, with the `WC`
/// prefix (or `options.prefix`, 2 to 4 letters): `"WC-20261121-000123-7"`.
/// The last digit is a Damm check digit. Throws `ticket.invalid_number` for
/// a sequence above 999 999 999, a year outside 1-9999 or a bad prefix.
#[wasm_bindgen(js_name = ticketNumber)]
pub fn ticket_number(
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] sequence: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ prefix?: string }")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    struct Options {
        #[serde(default)]
        prefix: Option<String>,
    }
    let date = date_arg(&date, "date")?;
    let sequence = int_arg(&sequence, "sequence")?;
    let options: Options = options_arg(options.as_ref(), "options")?;
    api(Number {
        date,
        sequence,
        prefix: options.prefix,
    }
    .run())
}

/// The number of a ticket created at an instant, dated in a calendar's time
/// zone (a ticket at 20:00 UTC is already the next day in Jakarta).
#[wasm_bindgen(js_name = ticketNumberAt)]
pub fn ticket_number_at(
    #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "number")] sequence: JsValue,
) -> Result<String, JsValue> {
    let input = NumberAt {
        at: instant_arg(&at, "at")?,
        calendar: calendar.core().into(),
        sequence: int_arg(&sequence, "sequence")?,
    };
    api(input.run())
}

/// Reads a ticket number (surrounding spaces and the prefix's case are
/// forgiven) and returns its parts. Throws `ticket.invalid_number` naming
/// the wrong part and its position, e.g. a wrong check digit.
#[wasm_bindgen(js_name = parseTicketNumber, unchecked_return_type = "TicketNumberParts")]
pub fn parse_ticket_number(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = string_arg(&text, "text")?;
    api_js(ParseNumber { text }.run())
}

/// Whether a text is a valid ticket number (check digit included).
#[wasm_bindgen(js_name = isValidTicketNumber)]
pub fn is_valid_ticket_number(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<bool, JsValue> {
    let text = string_arg(&text, "text")?;
    api(IsValidNumber { text }.run())
}

/// The default ticket SLA policy (targets per channel, category and
/// priority; POJK 18/2018 regulatory deadlines), in its JSON form.
#[wasm_bindgen(js_name = defaultTicketSlaPolicy, unchecked_return_type = "TicketSlaPolicy")]
pub fn default_ticket_sla_policy() -> Result<JsValue, JsValue> {
    api_js(DefaultSlaPolicy {}.run())
}

/// A support ticket: its number, lifecycle rules and checked, timestamped
/// history; status, priority, escalation and complaints are derived from the
/// history, and SLA reports are computed at an explicit `now` on a business
/// calendar. A call that throws changes nothing.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Ticket {
    inner: RefCell<CoreTicket>,
}

impl Ticket {
    /// Runs a command of `walletcare_api::ticket` on the ticket.
    fn run<C: Command<State = CoreTicket>>(&self, command: C) -> Result<C::Output, JsValue> {
        api(command.run(&mut self.inner.borrow_mut()))
    }
}

#[wasm_bindgen]
impl Ticket {
    /// A new ticket, created at `createdAt`. `channel`, `category` and
    /// `options.priority` are snake_case names (`general.unknown_value`
    /// otherwise); the priority defaults to the category's. Throws
    /// `ticket.invalid_number` for a bad number.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string")] number: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Channel")] channel: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Category")] category: JsValue,
        #[wasm_bindgen(js_name = createdAt, unchecked_param_type = "Instant")] created_at: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TicketOptions")] options: Option<JsValue>,
    ) -> Result<Ticket, JsValue> {
        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields)]
        struct Options {
            #[serde(default)]
            priority: Option<Value>,
            #[serde(default)]
            rules: Option<Value>,
        }
        let number = code_of(&number, "number")?;
        let channel = code_of(&channel, "channel")?;
        let category = code_of(&category, "category")?;
        let created_at = instant_arg(&created_at, "createdAt")?;
        let options: Options = options_arg(options.as_ref(), "options")?;
        let input = NewTicket {
            number,
            channel,
            category,
            priority: member(options.priority, "priority")?,
            rules: member(options.rules, "rules")?,
            created_at,
        };
        Ok(Ticket {
            inner: RefCell::new(api(input.run())?),
        })
    }

    /// Loads a ticket from its JSON form (text or object), replaying and
    /// checking every event.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | TicketJson")] json: JsValue,
    ) -> Result<Ticket, JsValue> {
        let text = json_or_object(&json, "ticket")?;
        Ok(Ticket {
            inner: RefCell::new(from_json_text(&text, "ticket")?),
        })
    }

    /// The JSON form, so `JSON.stringify(ticket)` works.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "TicketJson")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&*self.inner.borrow())
    }

    /// The ticket number.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn number(&self) -> String {
        self.inner.borrow().number().to_string()
    }

    /// The current status.
    #[wasm_bindgen(getter, unchecked_return_type = "TicketStatus")]
    pub fn status(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().status())
    }

    /// The current priority.
    #[wasm_bindgen(getter, unchecked_return_type = "Priority")]
    pub fn priority(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().priority())
    }

    /// The recorded escalation level.
    #[wasm_bindgen(getter, unchecked_return_type = "EscalationLevel")]
    pub fn escalation(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().escalation())
    }

    /// The state derived from the history.
    #[wasm_bindgen(unchecked_return_type = "TicketState")]
    pub fn state(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.borrow().state())
    }

    /// The history, oldest first.
    #[wasm_bindgen(unchecked_return_type = "TicketEvent[]")]
    pub fn events(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.borrow().events())
    }

    /// Applies an action at `at` (not before the last event) and returns
    /// where the ticket stands, with its status in words in
    /// `options.locale`. Throws `ticket.invalid_transition` (also for a
    /// second `create`), `ticket.event_out_of_order`, `ticket.window_closed`,
    /// `ticket.invalid_escalation`, `ticket.invalid_satisfaction_score`...;
    /// the ticket is then unchanged.
    #[wasm_bindgen(unchecked_return_type = "TicketStatusReport")]
    pub fn apply(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TicketAction")] action: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let input = Apply {
            at: instant_arg(&at, "at")?,
            action: from_js(&action, "action")?,
            locale: locale_option(options.as_ref())?,
        };
        to_js(&self.run(input)?)
    }

    /// The SLA report at `now` on a business calendar (the first-response,
    /// next-response and resolution clocks, the regulatory clocks of formal
    /// complaints, the effective escalation level) with its agent-facing
    /// explanation in `options.locale`, times in the calendar's zone. Throws
    /// `ticket.invalid_sla_policy`, `calendar.not_covered`, or
    /// `general.invalid_argument` when `now` is before the ticket's creation.
    #[wasm_bindgen(unchecked_return_type = "SlaReportWithText")]
    pub fn sla(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
        calendar: &Calendar,
        #[wasm_bindgen(unchecked_optional_param_type = "TicketSlaOptions")] options: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        let now = instant_arg(&now, "now")?;
        let options: SlaOptions = options_arg(options.as_ref(), "options")?;
        let input = Sla {
            now,
            calendar: calendar.core().into(),
            policy: member(options.policy, "policy")?,
            locale: locale_of(options.locale.as_deref())?,
        };
        to_js(&self.run(input)?)
    }

    /// Escalates the ticket if its SLA report at `now` calls for a higher
    /// level than recorded; returns the new level or `null`.
    #[wasm_bindgen(js_name = escalateOnBreach, unchecked_return_type = "EscalationLevel | null")]
    pub fn escalate_on_breach(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
        calendar: &Calendar,
        #[wasm_bindgen(unchecked_optional_param_type = "{ policy?: TicketSlaPolicy }")]
        options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields)]
        struct Options {
            #[serde(default)]
            policy: Option<Value>,
        }
        let now = instant_arg(&now, "now")?;
        let options: Options = options_arg(options.as_ref(), "options")?;
        let input = EscalateOnBreach {
            now,
            calendar: calendar.core().into(),
            policy: member(options.policy, "policy")?,
        };
        to_js(&self.run(input)?)
    }

    /// Extends the regulatory deadline of the latest unresolved written
    /// formal complaint once, on a stated ground, notified at `at` (before
    /// the deadline under `options.regime`, POJK 18/2018 by default).
    #[wasm_bindgen(js_name = extendRegulatoryDeadline)]
    pub fn extend_regulatory_deadline(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ExtensionGround")] ground: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] note: JsValue,
        calendar: &Calendar,
        #[wasm_bindgen(unchecked_optional_param_type = "{ regime?: RegulatoryRegime }")]
        options: Option<JsValue>,
    ) -> Result<(), JsValue> {
        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields)]
        struct Options {
            #[serde(default)]
            regime: Option<Value>,
        }
        let at = instant_arg(&at, "at")?;
        let ground = code_of(&ground, "ground")?;
        let note = string_arg(&note, "note")?;
        let options: Options = options_arg(options.as_ref(), "options")?;
        self.run(ExtendRegulatoryDeadline {
            at,
            ground,
            note,
            calendar: calendar.core().into(),
            regime: member(options.regime, "regime")?,
        })
    }
}
