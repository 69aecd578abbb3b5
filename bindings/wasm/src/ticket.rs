//! Support tickets: numbers, the `Ticket` class with its lifecycle, and the
//! SLA clocks.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use walletcare_core::locale::{Locale, Render};
use walletcare_core::ticket::{
    Action, Category, Channel, EscalationLevel, ExtensionGround, Priority, RegulatoryRegime,
    SlaPolicy, SlaReport, Status, Ticket as CoreTicket, TicketNumber, TicketRules,
};
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{
    core_error, date_arg, enum_arg, from_js, from_json_text, instant_arg, int_arg, invalid,
    json_or_object, locale_of, locale_option, options_arg, string_arg, to_js,
};

#[wasm_bindgen(typescript_custom_section)]
const TS_TICKET: &str = r#"
/** The parts of a ticket number such as `"WC-20261121-000123-7"`. */
export interface TicketNumberParts {
  /** The canonical form. */
  number: string;
  prefix: string;
  date: IsoDate;
  sequence: number;
  check_digit: number;
}
/** Options for a new ticket. */
export interface TicketOptions {
  /** Defaults to the category's priority. */
  priority?: Priority;
  /** Defaults: reopen within 7 days, review within 14. */
  rules?: TicketRules;
}
/** Where a ticket stands after an action, with the status in words. */
export interface TicketStatusReport {
  status: TicketStatus;
  text: string;
  priority: Priority;
  escalation: EscalationLevel;
}
/** An SLA report and its agent-facing explanation, one line per clock. */
export interface SlaReportWithText {
  report: SlaReport;
  explanation: string;
}
/** Options of {@link Ticket.sla}. */
export interface TicketSlaOptions {
  policy?: TicketSlaPolicy;
  locale?: LocaleTag;
}
"#;

/// The `{ policy, locale }` options of the SLA methods: the policy (JSON
/// text or object) is read and validated as the core does
/// (`ticket.invalid_sla_policy`); the default when absent.
fn sla_options(value: Option<&JsValue>) -> Result<(SlaPolicy, Locale), JsValue> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok((SlaPolicy::default(), Locale::En));
    };
    if !value.is_object() {
        return Err(invalid("options must be an object"));
    }
    let policy = js_sys::Reflect::get(value, &"policy".into()).unwrap_or(JsValue::UNDEFINED);
    let locale = js_sys::Reflect::get(value, &"locale".into()).unwrap_or(JsValue::UNDEFINED);
    let keys = js_sys::Reflect::own_keys(value).unwrap_or_default();
    for key in keys.iter() {
        let name = key.as_string().unwrap_or_default();
        if name != "policy" && name != "locale" {
            return Err(invalid(&format!(
                "unknown option `{name}`: expected policy or locale"
            )));
        }
    }
    let policy = if policy.is_undefined() || policy.is_null() {
        SlaPolicy::default()
    } else {
        let text = json_or_object(&policy, "ticket SLA policy")?;
        SlaPolicy::from_json(&text).map_err(core_error)?
    };
    let locale = if locale.is_undefined() || locale.is_null() {
        Locale::En
    } else {
        locale_of(Some(&string_arg(&locale, "locale")?))?
    };
    Ok((policy, locale))
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
    let sequence: u64 = int_arg(&sequence, "sequence")?;
    let options: Options = options_arg(options.as_ref(), "options")?;
    let number = match options.prefix {
        Some(prefix) => TicketNumber::with_prefix(&prefix, date, sequence),
        None => TicketNumber::new(date, sequence),
    }
    .map_err(core_error)?;
    Ok(number.to_string())
}

/// The number of a ticket created at an instant, dated in a calendar's time
/// zone (a ticket at 20:00 UTC is already the next day in Jakarta).
#[wasm_bindgen(js_name = ticketNumberAt)]
pub fn ticket_number_at(
    #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "number")] sequence: JsValue,
) -> Result<String, JsValue> {
    let at = instant_arg(&at, "at")?;
    let sequence: u64 = int_arg(&sequence, "sequence")?;
    let number =
        TicketNumber::for_instant(at, calendar.core().time_zone(), sequence).map_err(core_error)?;
    Ok(number.to_string())
}

/// Reads a ticket number (surrounding spaces and the prefix's case are
/// forgiven) and returns its parts. Throws `ticket.invalid_number` naming
/// the wrong part and its position, e.g. a wrong check digit.
#[wasm_bindgen(js_name = parseTicketNumber, unchecked_return_type = "TicketNumberParts")]
pub fn parse_ticket_number(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Parts {
        number: String,
        prefix: String,
        date: String,
        sequence: u32,
        check_digit: u8,
    }
    let text = string_arg(&text, "number")?;
    let number = TicketNumber::parse(&text).map_err(core_error)?;
    to_js(&Parts {
        number: number.to_string(),
        prefix: number.prefix().to_owned(),
        date: number.date().to_string(),
        sequence: number.sequence(),
        check_digit: number.check_digit(),
    })
}

/// Whether a text is a valid ticket number (check digit included).
#[wasm_bindgen(js_name = isValidTicketNumber)]
pub fn is_valid_ticket_number(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<bool, JsValue> {
    let text = string_arg(&text, "number")?;
    Ok(TicketNumber::parse(&text).is_ok())
}

/// The default ticket SLA policy (targets per channel, category and
/// priority; POJK 18/2018 regulatory deadlines), in its JSON form.
#[wasm_bindgen(js_name = defaultTicketSlaPolicy, unchecked_return_type = "TicketSlaPolicy")]
pub fn default_ticket_sla_policy() -> Result<JsValue, JsValue> {
    to_js(&SlaPolicy::default())
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
            priority: Option<String>,
            #[serde(default)]
            rules: Option<TicketRules>,
        }
        let number = TicketNumber::parse(&string_arg(&number, "number")?).map_err(core_error)?;
        let channel: Channel = enum_arg(&channel, "channel")?;
        let category: Category = enum_arg(&category, "category")?;
        let created_at = instant_arg(&created_at, "createdAt")?;
        let options: Options = options_arg(options.as_ref(), "ticket options")?;
        let priority: Option<Priority> = options
            .priority
            .map(|p| enum_arg(&JsValue::from_str(&p), "priority"))
            .transpose()?;
        let ticket = CoreTicket::create(
            number,
            channel,
            category,
            priority.unwrap_or_else(|| category.default_priority()),
            options.rules.unwrap_or_default(),
            created_at,
        )
        .map_err(core_error)?;
        Ok(Ticket {
            inner: RefCell::new(ticket),
        })
    }

    /// Loads a ticket from its JSON form (text or object), replaying and
    /// checking every event.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | TicketJson")] json: JsValue,
    ) -> Result<Ticket, JsValue> {
        let text = json_or_object(&json, "ticket")?;
        let ticket: CoreTicket = from_json_text(&text, "ticket")?;
        Ok(Ticket {
            inner: RefCell::new(ticket),
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
    /// `options.locale`. Throws `ticket.invalid_transition`,
    /// `ticket.event_out_of_order`, `ticket.window_closed`,
    /// `ticket.invalid_escalation`, `ticket.invalid_satisfaction_score`...;
    /// the ticket is then unchanged.
    #[wasm_bindgen(unchecked_return_type = "TicketStatusReport")]
    pub fn apply(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TicketAction")] action: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Out {
            status: Status,
            text: String,
            priority: Priority,
            escalation: EscalationLevel,
        }
        let at = instant_arg(&at, "at")?;
        let action: Action = from_js(&action, "ticket action")?;
        let locale = locale_option(options.as_ref())?;
        if matches!(action, Action::Create { .. }) {
            return Err(invalid("a ticket is created once, by its constructor"));
        }
        let mut ticket = self.inner.borrow_mut();
        ticket.apply(at, action).map_err(core_error)?;
        let status = ticket.status();
        to_js(&Out {
            status,
            text: status.render(locale),
            priority: ticket.priority(),
            escalation: ticket.escalation(),
        })
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
        #[derive(Serialize)]
        struct Out<'a> {
            report: &'a SlaReport,
            explanation: String,
        }
        let now = instant_arg(&now, "now")?;
        let (policy, locale) = sla_options(options.as_ref())?;
        let calendar = calendar.core();
        let report = self
            .inner
            .borrow()
            .sla(now, &policy, &calendar)
            .map_err(core_error)?;
        to_js(&Out {
            explanation: report.explain(calendar.time_zone()).render(locale),
            report: &report,
        })
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
        let now = instant_arg(&now, "now")?;
        let (policy, _) = sla_options(options.as_ref())?;
        let level = self
            .inner
            .borrow_mut()
            .escalate_on_breach(now, &policy, &calendar.core())
            .map_err(core_error)?;
        to_js(&level)
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
            regime: Option<RegulatoryRegime>,
        }
        let at = instant_arg(&at, "at")?;
        let ground: ExtensionGround = enum_arg(&ground, "ground")?;
        let note = string_arg(&note, "note")?;
        let options: Options = options_arg(options.as_ref(), "options")?;
        let regime = options.regime.unwrap_or_default();
        self.inner
            .borrow_mut()
            .extend_regulatory_deadline(at, ground, &note, &regime, &calendar.core())
            .map_err(core_error)?;
        Ok(())
    }
}
