//! Support tickets: numbers, the ticket lifecycle (commands on a ticket's
//! JSON state, which the C library's `wc_ticket` and the npm package's
//! `Ticket` run too) and the SLA clocks on a business calendar.
//!
//! A ticket's state is its JSON form (`{"number", "rules", "events"}`);
//! every event is replayed and checked when it is read.
//!
//! # Examples
//!
//! ```
//! let ticket = walletcare_api::call("ticket.new", r#"{"number":"WC-20261121-000123-7","channel":"chat",
//!   "category":"refund","created_at":"2026-11-21T03:00:00Z"}"#)?;
//! let out = walletcare_api::call("ticket.apply", &format!(
//!     r#"{{"state":{ticket},"at":"2026-11-21T03:01:00Z","action":{{"kind":"respond"}}}}"#))?;
//! assert!(out.contains(r#""output":{"status":"open","text":"In progress""#), "{out}");
//! let err = walletcare_api::call("ticket.apply", &format!(
//!     r#"{{"state":{ticket},"at":"2026-11-21T03:01:00Z","action":{{"kind":"create","channel":"chat","category":"refund","priority":"normal"}}}}"#)).unwrap_err();
//! assert_eq!(err.code.as_str(), "ticket.invalid_transition");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use walletcare_core::error::Error;
use walletcare_core::locale::{Locale, Render};
use walletcare_core::ticket::{
    Action, Category, Channel, EscalationLevel, ExtensionGround, Priority, RegulatoryRegime,
    SlaPolicy, SlaReport, Status, Ticket, TicketNumber, TicketRules,
};

use crate::arg::CalendarArg;
use crate::ops::{Command, Operation, registry};

registry! {
    operations: [Number, NumberAt, ParseNumber, IsValidNumber, DefaultSlaPolicy, NewTicket],
    commands: [Apply, Sla, EscalateOnBreach, ExtendRegulatoryDeadline],
}

// ---------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------

/// The parts of a valid ticket number.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("ticket.parse_number", r#"{"text":" wc-20261121-000123-7 "}"#)?;
/// assert_eq!(out, r#"{"number":"WC-20261121-000123-7","prefix":"WC","date":"2026-11-21","sequence":123,"check_digit":7}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "TicketNumberParts")
)]
pub struct NumberParts {
    /// The canonical form.
    pub number: String,
    /// The prefix, 2 to 4 upper-case letters.
    pub prefix: String,
    /// The local creation date.
    pub date: NaiveDate,
    /// The daily sequence number.
    pub sequence: u32,
    /// The Damm check digit.
    pub check_digit: u8,
}

impl From<TicketNumber> for NumberParts {
    fn from(number: TicketNumber) -> Self {
        NumberParts {
            number: number.to_string(),
            prefix: number.prefix().to_owned(),
            date: number.date(),
            sequence: number.sequence(),
            check_digit: number.check_digit(),
        }
    }
}

/// Where a ticket stands after a move, with its status in words.
///
/// # Examples
///
/// ```
/// use walletcare_api::ticket::StateOut;
/// fn text(out: &StateOut) -> &str { &out.text }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "TicketStatusReport")
)]
pub struct StateOut {
    /// The status.
    pub status: Status,
    /// The status in words.
    pub text: String,
    /// The priority.
    pub priority: Priority,
    /// The recorded escalation level.
    pub escalation: EscalationLevel,
}

impl StateOut {
    /// Where `ticket` stands, its status rendered in `locale`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_api::ticket::StateOut;
    /// use walletcare_core::{locale::Locale, ticket::{Category, Channel, Ticket}};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let ticket = Ticket::new("WC-20261121-000123-7".parse()?, Channel::Chat, Category::Refund, at);
    /// assert_eq!(StateOut::of(&ticket, Locale::En).text, "Received");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn of(ticket: &Ticket, locale: Locale) -> Self {
        let status = ticket.status();
        StateOut {
            status,
            text: status.render(locale),
            priority: ticket.priority(),
            escalation: ticket.escalation(),
        }
    }
}

/// An SLA report and its agent-facing explanation, one line per clock.
///
/// # Examples
///
/// ```
/// use walletcare_api::ticket::SlaOut;
/// fn explanation(out: &SlaOut) -> &str { &out.explanation }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "SlaReportWithText")
)]
pub struct SlaOut {
    /// The report.
    pub report: SlaReport,
    /// The report in words, times in the calendar's zone.
    pub explanation: String,
}

// ---------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------

/// `ticket.number`: the number of the `sequence`-th ticket of a local date
/// with the `WC` prefix (or `prefix`, 2 to 4 letters):
/// `"WC-20261121-000123-7"`. `ticket.invalid_number` for a sequence above
/// 999 999 999, a year outside 1-9999 or a bad prefix.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("ticket.number", r#"{"date":"2026-11-21","sequence":123}"#)?;
/// assert_eq!(out, r#""WC-20261121-000123-7""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Number {
    /// The wallet's local date.
    pub date: NaiveDate,
    /// The daily sequence number.
    pub sequence: u64,
    /// The prefix (`WC` when absent).
    #[serde(default)]
    pub prefix: Option<String>,
}

impl Operation for Number {
    const NAME: &'static str = "ticket.number";
    type Output = String;
    fn run(self) -> Result<String, Error> {
        let number = match self.prefix {
            Some(prefix) => TicketNumber::with_prefix(&prefix, self.date, self.sequence)?,
            None => TicketNumber::new(self.date, self.sequence)?,
        };
        Ok(number.to_string())
    }
}

/// `ticket.number_at`: the number of a ticket created at an instant, dated
/// in the calendar's time zone (20:00 UTC is already the next day in
/// Jakarta), with the `WC` prefix.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("ticket.number_at", r#"{"at":"2026-11-20T20:00:00Z","calendar":"ID","sequence":123}"#)?;
/// assert_eq!(out, r#""WC-20261121-000123-7""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NumberAt {
    /// When the ticket is created.
    pub at: DateTime<Utc>,
    /// The calendar whose time zone dates it.
    pub calendar: CalendarArg,
    /// The daily sequence number.
    pub sequence: u64,
}

impl Operation for NumberAt {
    const NAME: &'static str = "ticket.number_at";
    type Output = String;
    fn run(self) -> Result<String, Error> {
        let number =
            TicketNumber::for_instant(self.at, self.calendar.0.time_zone(), self.sequence)?;
        Ok(number.to_string())
    }
}

/// `ticket.parse_number`: reads a ticket number a user typed (surrounding
/// spaces and the prefix's case are forgiven) into its parts;
/// `ticket.invalid_number` names the wrong part and its position.
///
/// # Examples
///
/// ```
/// let err = walletcare_api::call("ticket.parse_number", r#"{"text":"WC-20261121-000132-7"}"#).unwrap_err();
/// assert_eq!(err.code.as_str(), "ticket.invalid_number");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ParseNumber {
    /// What the user typed.
    pub text: String,
}

impl Operation for ParseNumber {
    const NAME: &'static str = "ticket.parse_number";
    type Output = NumberParts;
    fn run(self) -> Result<NumberParts, Error> {
        Ok(TicketNumber::parse(&self.text)?.into())
    }
}

/// `ticket.is_valid_number`: whether a text is a valid ticket number, check
/// digit included.
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("ticket.is_valid_number", r#"{"text":"WC-20261121-000123-7"}"#)?, "true");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct IsValidNumber {
    /// The text.
    pub text: String,
}

impl Operation for IsValidNumber {
    const NAME: &'static str = "ticket.is_valid_number";
    type Output = bool;
    fn run(self) -> Result<bool, Error> {
        Ok(TicketNumber::parse(&self.text).is_ok())
    }
}

/// `ticket.default_sla_policy`: the default ticket SLA policy in its JSON
/// form.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("ticket.default_sla_policy", "{}")?;
/// assert!(out.contains(r#""due_soon_percent":80"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DefaultSlaPolicy {}

impl Operation for DefaultSlaPolicy {
    const NAME: &'static str = "ticket.default_sla_policy";
    type Output = SlaPolicy;
    fn run(self) -> Result<SlaPolicy, Error> {
        Ok(SlaPolicy::default())
    }
}

/// `ticket.new`: a new ticket created at `created_at`; the priority
/// defaults to the category's, the rules to reopening within 7 days and a
/// review within 14. The output is the ticket's JSON state.
///
/// # Examples
///
/// ```
/// let err = walletcare_api::call("ticket.new", r#"{"number":"WC-20261121-000123-7","channel":"fax",
///   "category":"refund","created_at":"2026-11-21T03:00:00Z"}"#).unwrap_err();
/// assert_eq!(err.code.as_str(), "general.unknown_value");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NewTicket {
    /// The ticket number.
    pub number: TicketNumber,
    /// Where it came in.
    pub channel: Channel,
    /// What it is about.
    pub category: Category,
    /// Its priority (the category's default when absent).
    #[serde(default)]
    pub priority: Option<Priority>,
    /// Its lifecycle rules (the defaults when absent).
    #[serde(default)]
    pub rules: Option<TicketRules>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

impl Operation for NewTicket {
    const NAME: &'static str = "ticket.new";
    type Output = Ticket;
    fn run(self) -> Result<Ticket, Error> {
        Ok(Ticket::create(
            self.number,
            self.channel,
            self.category,
            self.priority
                .unwrap_or_else(|| self.category.default_priority()),
            self.rules.unwrap_or_default(),
            self.created_at,
        )?)
    }
}

// ---------------------------------------------------------------------------
// Commands on a ticket
// ---------------------------------------------------------------------------

/// `ticket.apply`: applies an action at `at` (not before the last event)
/// and gives where the ticket stands. The core decides every move,
/// `create` included (a ticket is created once: `ticket.invalid_transition`).
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// assert_eq!(walletcare_api::ticket::Apply::NAME, "ticket.apply");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Apply {
    /// When it happens.
    pub at: DateTime<Utc>,
    /// What happens.
    pub action: Action,
    /// The language of the status text (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Command for Apply {
    const NAME: &'static str = "ticket.apply";
    type State = Ticket;
    type Output = StateOut;
    fn run(self, ticket: &mut Ticket) -> Result<StateOut, Error> {
        ticket.apply(self.at, self.action)?;
        Ok(StateOut::of(ticket, self.locale))
    }
}

/// `ticket.sla`: the SLA report at `now` on a calendar with its
/// explanation (`ticket.invalid_sla_policy`, `calendar.not_covered`, or
/// `general.invalid_argument` for a `now` before the ticket's creation).
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// assert_eq!(walletcare_api::ticket::Sla::NAME, "ticket.sla");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Sla {
    /// The instant of the report.
    pub now: DateTime<Utc>,
    /// The business calendar.
    pub calendar: CalendarArg,
    /// The SLA policy (the default when absent).
    #[serde(default)]
    pub policy: Option<SlaPolicy>,
    /// The language of the explanation (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Command for Sla {
    const NAME: &'static str = "ticket.sla";
    type State = Ticket;
    type Output = SlaOut;
    fn run(self, ticket: &mut Ticket) -> Result<SlaOut, Error> {
        let policy = self.policy.unwrap_or_default();
        let calendar = &self.calendar.0;
        let report = ticket.sla(self.now, &policy, calendar)?;
        let explanation = report.explain(calendar.time_zone()).render(self.locale);
        Ok(SlaOut {
            report,
            explanation,
        })
    }
}

/// `ticket.escalate_on_breach`: escalates the ticket when its SLA report at
/// `now` calls for a higher level than recorded; the new level or `null`.
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// assert_eq!(walletcare_api::ticket::EscalateOnBreach::NAME, "ticket.escalate_on_breach");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct EscalateOnBreach {
    /// The instant to judge at.
    pub now: DateTime<Utc>,
    /// The business calendar.
    pub calendar: CalendarArg,
    /// The SLA policy (the default when absent).
    #[serde(default)]
    pub policy: Option<SlaPolicy>,
}

impl Command for EscalateOnBreach {
    const NAME: &'static str = "ticket.escalate_on_breach";
    type State = Ticket;
    type Output = Option<EscalationLevel>;
    fn run(self, ticket: &mut Ticket) -> Result<Option<EscalationLevel>, Error> {
        let policy = self.policy.unwrap_or_default();
        Ok(ticket.escalate_on_breach(self.now, &policy, &self.calendar.0)?)
    }
}

/// `ticket.extend_regulatory_deadline`: extends the deadline of the latest
/// unresolved written formal complaint once, on a stated ground, notified
/// at `at` before the deadline (`ticket.regulatory_extension_not_allowed`
/// otherwise). The regime is POJK 18/2018 when absent. The output is
/// `null`.
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// assert_eq!(walletcare_api::ticket::ExtendRegulatoryDeadline::NAME, "ticket.extend_regulatory_deadline");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ExtendRegulatoryDeadline {
    /// When the customer is notified.
    pub at: DateTime<Utc>,
    /// The ground.
    pub ground: ExtensionGround,
    /// The note to the customer.
    pub note: String,
    /// The business calendar counting working days.
    pub calendar: CalendarArg,
    /// The regulatory regime (POJK 18/2018 when absent).
    #[serde(default)]
    pub regime: Option<RegulatoryRegime>,
}

impl Command for ExtendRegulatoryDeadline {
    const NAME: &'static str = "ticket.extend_regulatory_deadline";
    type State = Ticket;
    type Output = ();
    fn run(self, ticket: &mut Ticket) -> Result<(), Error> {
        let regime = self.regime.unwrap_or_default();
        ticket.extend_regulatory_deadline(
            self.at,
            self.ground,
            &self.note,
            &regime,
            &self.calendar.0,
        )?;
        Ok(())
    }
}
