//! Intake: from a user's first message to a ticket an agent can act on, as
//! a pure state machine.
//!
//! The host keeps an [`Intake`] per conversation and passes each user
//! message with `now` to [`Intake::step`]; walletcare returns a [`Step`]:
//! what to say next, in the user's language, the [`IntakeState`], the
//! fields still missing and, once opened, the ticket. The whole conversation
//! is serde-serialisable ([`Intake::to_json`], [`Intake::from_json`]), so it
//! resumes after an app restart, identically in Rust, C and JS.
//!
//! What it does, message by message:
//!
//! 1. The first message is triaged ([`crate::triage`]): its category,
//!    priority and language (the locale of every reply), and the
//!    information the category needs ([`required_info`]) that the message
//!    already gives.
//! 2. A simple question ("how do I change my PIN?") gets the self-service
//!    answer and "did this help?" (state `answered`); "yes" ends there,
//!    anything else goes on to a ticket.
//! 3. Each piece of information still missing is asked for, one question at
//!    a time, each at most once. Answers are read with the entity extractor
//!    ("Rp 150rb kemarin jam 3" fills the amount and the payment time even
//!    when only one of them was asked); "I don't know", "gak tahu", "不知道"
//!    is accepted and the next question comes; a free-text answer (a bank
//!    name, a phone model) is taken as written.
//! 4. With nothing missing, a ticket ([`crate::ticket::Ticket`]) is opened
//!    (state `ticket_opened`) holding the gathered fields, the transcript and
//!    its SLA clocks ([`IntakeTicket`]).
//!
//! At any point, a request for a person ("mau bicara dengan CS", "转人工",
//! "real person please") hands off (state `handed_off`) with everything
//! gathered so far ([`Handoff`]). A follow-up on an earlier case (a ticket
//! number, "this is the third time I write", "还是没有人回复", "udah 3x chat
//! blm dibales") is linked to it instead of opening a new one (state
//! `linked`, [`CaseLink`]); asking for a complaint then raises it.
//!
//! Transcripts pass through one redaction hook ([`redact_for_transcript`])
//! before they are stored, so nothing the host persists or shows an agent
//! holds what redaction removes.
//!
//! # Examples
//!
//! ```
//! use chrono::{Duration, TimeZone, Utc};
//! use walletcare_core::calendar::CalendarId;
//! use walletcare_core::intake::{Intake, IntakeConfig, IntakeState};
//! use walletcare_core::ticket::Channel;
//! use walletcare_core::triage::InfoField;
//!
//! let config = IntakeConfig { channel: Channel::Chat, calendar: CalendarId::Indonesia, ticket_sequence: 42, locale: None };
//! let mut intake = Intake::new(config)?;
//! let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).single().ok_or("time")?;
//!
//! let step = intake.step("mau refund pesanan INV/20261121/XYZ/123 dong", t0)?;
//! assert_eq!(step.state, IntakeState::Asking);
//! assert_eq!(step.asking, Some(InfoField::PaymentTime));
//!
//! // One answer fills two fields: the payment time and the amount.
//! let step = intake.step("Rp 150rb kemarin jam 3", t0 + Duration::minutes(1))?;
//! assert_eq!(step.state, IntakeState::TicketOpened);
//! let ticket = step.ticket.ok_or("no ticket")?;
//! assert_eq!(ticket.number.to_string(), "WC-20261123-000042-7");
//! assert!(step.reply.contains("WC-20261123-000042-7"));
//!
//! // Resume after a restart.
//! let saved = intake.to_json();
//! assert_eq!(Intake::from_json(&saved)?, intake);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod phrases;
mod reply;

use chrono::{DateTime, Datelike, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::{BusinessCalendar, CalendarId};
use crate::error::{Coded, ErrorCode, HasErrorCode};
use crate::locale::Locale;
use crate::money::{Currency, Money};
use crate::redact::RedactPolicy;
use crate::ticket::{
    Category, Channel, ComplaintKind, MAX_SEQUENCE, Priority, SlaPolicy, SlaReport, SlaStatus,
    SlaTarget, Ticket, TicketNumber, TimeBasis,
};
use crate::triage::answers::{is_present, mentioned_word};
use crate::triage::entities::extract_known;
use crate::triage::{
    Entity, EntityKind, EntityValue, InfoField, Known, Language, Triager, cap_input,
    detect_language, required_info,
};

use phrases::Normalized;

/// The most turns (user and assistant messages) a conversation keeps.
pub const MAX_TURNS: usize = 200;

/// The longest message kept, in bytes (longer ones are cut at a character
/// boundary; triage reads the same amount).
pub const MAX_MESSAGE_BYTES: usize = crate::triage::MAX_INPUT_BYTES;

/// The longest free-text answer kept as a field value, in characters.
pub const MAX_FIELD_CHARS: usize = 200;

/// The version of the saved form.
const VERSION: u32 = 1;

/// What can go wrong in an intake step or when loading a saved one. A
/// failed step changes nothing.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::intake::Intake;
///
/// let err = Intake::from_json("{}").unwrap_err();
/// assert_eq!(err.code(), ErrorCode::IntakeInvalidState);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IntakeError {
    /// A message dated before the previous one.
    #[error("message at {now} is earlier than the previous message at {previous}")]
    ClockWentBackwards {
        /// The previous message's time.
        previous: DateTime<Utc>,
        /// The time given.
        now: DateTime<Utc>,
    },
    /// The conversation has [`MAX_TURNS`] turns.
    #[error("the conversation is full ({max} turns); hand it to an agent")]
    TooLong {
        /// The limit.
        max: usize,
    },
    /// A saved conversation that is malformed, inconsistent or of another
    /// version.
    #[error("invalid saved intake: {reason}")]
    InvalidState {
        /// What is wrong.
        reason: String,
    },
    /// A configuration value out of range.
    #[error("invalid intake configuration: {reason}")]
    InvalidConfig {
        /// What is wrong.
        reason: String,
    },
    /// `now` outside the years 2-9998, where ticket dates are defined.
    #[error("{now} is outside the supported years 2-9998")]
    DateOutOfRange {
        /// The time given.
        now: DateTime<Utc>,
    },
}

impl HasErrorCode for IntakeError {
    fn code(&self) -> ErrorCode {
        match self {
            IntakeError::ClockWentBackwards { .. } => ErrorCode::IntakeClockWentBackwards,
            IntakeError::TooLong { .. } => ErrorCode::IntakeTooLong,
            IntakeError::InvalidState { .. } => ErrorCode::IntakeInvalidState,
            IntakeError::InvalidConfig { .. } => ErrorCode::InvalidArgument,
            IntakeError::DateOutOfRange { .. } => ErrorCode::DateOutOfRange,
        }
    }
}

/// How a conversation is set up by the host.
///
/// # Examples
///
/// ```
/// use walletcare_core::intake::IntakeConfig;
/// let c: IntakeConfig = serde_json::from_str(
///     r#"{"channel":"in_app","calendar":"ID","ticket_sequence":7,"locale":"id-ID"}"#,
/// )?;
/// assert_eq!(c.ticket_sequence, 7);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct IntakeConfig {
    /// The channel the conversation happens on (the ticket's channel).
    pub channel: Channel,
    /// The wallet's business calendar: ticket dates, SLA clocks.
    pub calendar: CalendarId,
    /// The daily sequence the host reserved for this conversation's ticket
    /// (at most [`MAX_SEQUENCE`]); the ticket number is dated when it opens.
    pub ticket_sequence: u64,
    /// The language to answer in; `None` detects it from the first message.
    #[serde(default)]
    pub locale: Option<Locale>,
}

/// Where a conversation stands. The JSON form is the snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::intake::IntakeState;
/// assert_eq!(serde_json::to_string(&IntakeState::TicketOpened)?, "\"ticket_opened\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum IntakeState {
    /// Waiting for the user (the first message, or the answer to a
    /// question).
    Asking,
    /// The self-service answer was given.
    Answered,
    /// A ticket is open.
    TicketOpened,
    /// Handed to a person.
    HandedOff,
    /// Linked to an earlier case.
    Linked,
}

crate::names::names!(as_str display from_str: intake::IntakeState as "intake state" {
    Asking => "asking",
    Answered => "answered",
    TicketOpened => "ticket_opened",
    HandedOff => "handed_off",
    Linked => "linked",
});

/// The internal position of the conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "phase", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "IntakePhase"))]
enum Phase {
    New,
    AwaitingHelpful,
    Resolved,
    Asking { field: InfoField },
    AskingTicketNumber,
    TicketOpened,
    HandedOff,
    Linked,
}

impl Phase {
    const fn state(self) -> IntakeState {
        match self {
            Phase::New | Phase::Asking { .. } | Phase::AskingTicketNumber => IntakeState::Asking,
            Phase::AwaitingHelpful | Phase::Resolved => IntakeState::Answered,
            Phase::TicketOpened => IntakeState::TicketOpened,
            Phase::HandedOff => IntakeState::HandedOff,
            Phase::Linked => IntakeState::Linked,
        }
    }
}

/// How a field was gathered.
///
/// # Examples
///
/// ```
/// use walletcare_core::intake::FieldStatus;
/// assert_eq!(serde_json::to_string(&FieldStatus::Unknown)?, "\"unknown\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum FieldStatus {
    /// Given, with the text as written.
    Given,
    /// Mentioned in the first message in a way the extractor recognises
    /// but cannot quote (a bank or phone brand): see the transcript.
    Mentioned,
    /// The user said they do not know.
    Unknown,
}

crate::names::names!(as_str display from_str: intake::FieldStatus as "field status" {
    Given => "given",
    Mentioned => "mentioned",
    Unknown => "unknown",
});

/// One piece of information gathered for the ticket.
///
/// # Examples
///
/// ```
/// use walletcare_core::intake::{FieldStatus, GatheredField};
/// use walletcare_core::triage::InfoField;
/// let f = GatheredField { field: InfoField::BankName, status: FieldStatus::Given, text: Some("BCA".into()), amount: None, turn: 2 };
/// assert_eq!(serde_json::to_value(&f)?["field"], "bank_name");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct GatheredField {
    /// Which information.
    pub field: InfoField,
    /// How it was gathered.
    pub status: FieldStatus,
    /// The text as written (redacted like the transcript).
    pub text: Option<String>,
    /// The exact amount, for [`InfoField::Amount`].
    pub amount: Option<Money>,
    /// The index of the transcript turn it came from.
    pub turn: usize,
}

/// Who wrote a turn.
///
/// # Examples
///
/// ```
/// use walletcare_core::intake::Speaker;
/// assert_eq!(serde_json::to_string(&Speaker::User)?, "\"user\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Speaker {
    /// The user.
    User,
    /// walletcare.
    Assistant,
}

crate::names::names!(as_str display from_str: intake::Speaker as "speaker" {
    User => "user",
    Assistant => "assistant",
});

/// One message of the transcript.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::intake::{Speaker, Turn};
/// let t = Turn { at: Utc.timestamp_opt(0, 0).single().ok_or("t")?, speaker: Speaker::User, text: "halo".into() };
/// assert_eq!(serde_json::to_value(&t)?["speaker"], "user");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Turn {
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub speaker: Speaker,
    /// What (redacted).
    pub text: String,
}

/// The ticket an intake opened: the ticket itself, what was gathered, the
/// transcript and the SLA clocks at opening.
///
/// # Examples
///
/// See the [module documentation](self).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct IntakeTicket {
    /// The ticket number.
    pub number: TicketNumber,
    /// The category.
    pub category: Category,
    /// The priority.
    pub priority: Priority,
    /// The channel.
    pub channel: Channel,
    /// The fields the category needs, as gathered.
    pub fields: Vec<GatheredField>,
    /// The conversation up to the opening.
    pub transcript: Vec<Turn>,
    /// When the first response is due (`None` when answered live).
    pub first_response_due: Option<DateTime<Utc>>,
    /// The SLA clocks at opening (`None` if the calendar cannot answer for
    /// that year).
    pub sla: Option<SlaReport>,
    /// The ticket and its history.
    pub ticket: Ticket,
}

/// Everything a person taking over needs.
///
/// # Examples
///
/// See [`Intake::step`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Handoff {
    /// The category, if the first message was triaged.
    pub category: Option<Category>,
    /// The priority, if triaged.
    pub priority: Option<Priority>,
    /// The fields gathered so far.
    pub fields: Vec<GatheredField>,
    /// The fields still missing.
    pub missing: Vec<InfoField>,
    /// The ticket already opened, if any.
    pub ticket_number: Option<TicketNumber>,
    /// The earlier case, if the conversation was a follow-up.
    pub linked_to: Option<TicketNumber>,
    /// The conversation.
    pub transcript: Vec<Turn>,
}

/// A link to an earlier case.
///
/// # Examples
///
/// ```
/// use walletcare_core::intake::CaseLink;
/// let l = CaseLink { ticket_number: None, complaint: true };
/// assert_eq!(serde_json::to_string(&l)?, r#"{"ticket_number":null,"complaint":true}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CaseLink {
    /// The earlier ticket; `None` when the user did not know it (the host
    /// links to the user's latest open case).
    pub ticket_number: Option<TicketNumber>,
    /// Whether the user asked to raise it to a complaint (the host files
    /// it with [`Ticket::file_complaint`]).
    pub complaint: bool,
}

/// The result of one step: what to say and where things stand.
///
/// # Examples
///
/// See [`Intake::step`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "IntakeStepResult"))]
pub struct Step {
    /// The state after the message.
    pub state: IntakeState,
    /// The text to show the user, in `locale`.
    pub reply: String,
    /// The conversation's locale.
    pub locale: Locale,
    /// The category, once triaged.
    pub category: Option<Category>,
    /// The field the reply asks for.
    pub asking: Option<InfoField>,
    /// The fields still wanted, in the order they will be asked.
    pub missing: Vec<InfoField>,
    /// The fields gathered so far.
    pub fields: Vec<GatheredField>,
    /// The ticket, once opened.
    pub ticket: Option<IntakeTicket>,
    /// The handoff, once handed off.
    pub handoff: Option<Handoff>,
    /// The link, once linked.
    pub link: Option<CaseLink>,
}

/// One conversation. Serialisable; see the [module documentation](self).
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::calendar::CalendarId;
/// use walletcare_core::intake::{Intake, IntakeConfig, IntakeState};
/// use walletcare_core::ticket::Channel;
///
/// let config = IntakeConfig { channel: Channel::InApp, calendar: CalendarId::China, ticket_sequence: 1, locale: None };
/// let mut intake = Intake::new(config)?;
/// let now = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).single().ok_or("time")?;
/// let step = intake.step("转人工", now)?;
/// assert_eq!(step.state, IntakeState::HandedOff);
/// assert!(step.reply.contains("人工"));
/// assert_eq!(step.handoff.map(|h| h.transcript.len()), Some(2)); // the message and the reply
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "IntakeData")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Intake {
    version: u32,
    config: IntakeConfig,
    phase: Phase,
    locale: Locale,
    category: Option<Category>,
    priority: Option<Priority>,
    fields: Vec<GatheredField>,
    asked: Vec<InfoField>,
    transcript: Vec<Turn>,
    ticket: Option<IntakeTicket>,
    link: Option<CaseLink>,
}

/// The saved form as read, checked by [`Intake::try_from`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntakeData {
    version: u32,
    config: IntakeConfig,
    phase: Phase,
    locale: Locale,
    category: Option<Category>,
    priority: Option<Priority>,
    fields: Vec<GatheredField>,
    asked: Vec<InfoField>,
    transcript: Vec<Turn>,
    ticket: Option<IntakeTicket>,
    link: Option<CaseLink>,
}

impl TryFrom<IntakeData> for Intake {
    type Error = Coded<IntakeError>;

    fn try_from(d: IntakeData) -> Result<Self, Self::Error> {
        Intake::checked(d).map_err(Coded)
    }
}

impl Intake {
    /// A saved conversation, checked for consistency.
    fn checked(d: IntakeData) -> Result<Intake, IntakeError> {
        let bad = |reason: &str| IntakeError::InvalidState {
            reason: reason.to_owned(),
        };
        if d.version != VERSION {
            return Err(IntakeError::InvalidState {
                reason: format!(
                    "version {} is not the supported version {VERSION}",
                    d.version
                ),
            });
        }
        check_config(&d.config).map_err(|e| IntakeError::InvalidState {
            reason: e.to_string(),
        })?;
        if d.transcript.len() > MAX_TURNS {
            return Err(bad("the transcript is longer than the turn limit"));
        }
        if d.transcript.windows(2).any(|w| match w {
            [a, b] => b.at < a.at,
            _ => false,
        }) {
            return Err(bad("the transcript is not in time order"));
        }
        for (i, f) in d.fields.iter().enumerate() {
            if d.fields.iter().take(i).any(|g| g.field == f.field) {
                return Err(bad("a field is gathered twice"));
            }
            if f.turn >= d.transcript.len() {
                return Err(bad("a field refers to a turn that does not exist"));
            }
        }
        for (i, f) in d.asked.iter().enumerate() {
            if d.asked.iter().take(i).any(|g| g == f) {
                return Err(bad("a field is asked twice"));
            }
        }
        let consistent = match d.phase {
            Phase::New => d.transcript.is_empty() && d.category.is_none(),
            Phase::TicketOpened => d.ticket.is_some() && d.category.is_some(),
            Phase::Linked => d.link.is_some(),
            Phase::Asking { field } => d.asked.contains(&field) && d.category.is_some(),
            Phase::AwaitingHelpful => d.category.is_some(),
            Phase::AskingTicketNumber | Phase::Resolved | Phase::HandedOff => true,
        };
        if !consistent || (d.ticket.is_some() && d.phase == Phase::New) {
            return Err(bad("the phase does not match the conversation"));
        }
        Ok(Intake {
            version: d.version,
            config: d.config,
            phase: d.phase,
            locale: d.locale,
            category: d.category,
            priority: d.priority,
            fields: d.fields,
            asked: d.asked,
            transcript: d.transcript,
            ticket: d.ticket,
            link: d.link,
        })
    }
}

fn check_config(config: &IntakeConfig) -> Result<(), IntakeError> {
    if config.ticket_sequence > MAX_SEQUENCE {
        return Err(IntakeError::InvalidConfig {
            reason: format!(
                "ticket_sequence {} is above {MAX_SEQUENCE}",
                config.ticket_sequence
            ),
        });
    }
    Ok(())
}

/// The hook every stored text passes through before it enters the
/// transcript, a field value or a handoff.
///
/// REDACTION HOOK: the `redact` module (being added in parallel) replaces
/// the body of this function once it is on main. Until then it removes
/// the one secret the core already recognises, full card numbers (13 to 19
/// digits, spaces or dashes allowed, passing the Luhn check), and keeps
/// the rest.
///
/// # Examples
///
/// ```
/// use walletcare_core::intake::redact_for_transcript;
/// assert_eq!(
///     redact_for_transcript("my card 4111 1111 1111 1111 was charged"),
///     "my card 411111******1111 was charged"
/// );
/// assert_eq!(redact_for_transcript("kode OTP 482913"), "kode OTP ******");
/// assert_eq!(redact_for_transcript("order 123456"), "order 123456");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn redact_for_transcript(text: &str) -> String {
    crate::redact::redact(text, &crate::redact::RedactPolicy::default()).redacted
}

/// A user message as one step reads it.
#[derive(Clone, Copy)]
struct Message<'m> {
    /// The text, capped ([`cap`]).
    text: &'m str,
    /// Its normalised words.
    n: &'m Normalized,
    /// The spans of the secrets in it (redaction's default policy).
    secrets: &'m [(usize, usize)],
}

/// The text capped to [`MAX_MESSAGE_BYTES`] at a character boundary.
fn cap(text: &str) -> &str {
    cap_input(text).0
}

/// A field's value read from a message's entities, if the entities carry
/// one: (text, amount).
fn entity_value(
    field: InfoField,
    text: &str,
    entities: &[Entity],
) -> Option<(String, Option<Money>)> {
    let span = |e: &Entity| text.get(e.start..e.end).unwrap_or(&e.text).to_owned();
    let first = |kinds: &[EntityKind]| entities.iter().find(|e| kinds.contains(&e.kind));
    match field {
        InfoField::OrderNumber | InfoField::TransactionId | InfoField::TicketNumber => {
            first(&[EntityKind::Reference]).map(|e| (span(e), None))
        }
        InfoField::PaymentTime | InfoField::IncidentTime => {
            let parts: Vec<String> = entities
                .iter()
                .filter(|e| {
                    matches!(
                        e.kind,
                        EntityKind::Date | EntityKind::RelativeDate | EntityKind::Time
                    )
                })
                .map(span)
                .collect();
            (!parts.is_empty()).then(|| (parts.join(" "), None))
        }
        InfoField::Amount => first(&[EntityKind::Amount]).map(|e| {
            let money = match &e.value {
                Some(EntityValue::Money(m)) => Some(*m),
                _ => None,
            };
            (span(e), money)
        }),
        InfoField::RegisteredPhone => first(&[EntityKind::Phone]).map(|e| (span(e), None)),
        InfoField::CardLastDigits => first(&[EntityKind::CardDigits]).map(|e| (span(e), None)),
        InfoField::ErrorMessage => first(&[EntityKind::ErrorCode]).map(|e| (span(e), None)),
        InfoField::PaymentMethod
        | InfoField::DeviceModel
        | InfoField::AppVersion
        | InfoField::BankName => None,
    }
}

/// A free-text answer as a field value: trimmed, at most
/// [`MAX_FIELD_CHARS`] characters.
fn free_text(text: &str) -> String {
    text.trim().chars().take(MAX_FIELD_CHARS).collect()
}

impl Intake {
    /// A new conversation.
    ///
    /// # Errors
    ///
    /// [`IntakeError::InvalidConfig`] for a ticket sequence above
    /// [`MAX_SEQUENCE`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::CalendarId;
    /// use walletcare_core::intake::{Intake, IntakeConfig, IntakeState};
    /// use walletcare_core::ticket::Channel;
    ///
    /// let config = IntakeConfig { channel: Channel::Chat, calendar: CalendarId::Indonesia, ticket_sequence: 1, locale: None };
    /// assert_eq!(Intake::new(config)?.state(), IntakeState::Asking);
    /// assert!(Intake::new(IntakeConfig { ticket_sequence: u64::MAX, ..config }).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(config: IntakeConfig) -> Result<Intake, IntakeError> {
        check_config(&config)?;
        Ok(Intake {
            version: VERSION,
            config,
            phase: Phase::New,
            locale: config.locale.unwrap_or_default(),
            category: None,
            priority: None,
            fields: Vec::new(),
            asked: Vec::new(),
            transcript: Vec::new(),
            ticket: None,
            link: None,
        })
    }

    /// Loads a saved conversation.
    ///
    /// # Errors
    ///
    /// [`IntakeError::InvalidState`] for malformed JSON or an inconsistent
    /// conversation.
    ///
    /// # Examples
    ///
    /// See the [module documentation](self).
    pub fn from_json(json: &str) -> Result<Intake, IntakeError> {
        let data: IntakeData =
            serde_json::from_str(json).map_err(|e| IntakeError::InvalidState {
                reason: e.to_string(),
            })?;
        Intake::checked(data)
    }

    /// The saved form.
    ///
    /// # Examples
    ///
    /// See the [module documentation](self).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Where the conversation stands.
    ///
    /// # Examples
    ///
    /// See [`Intake::new`].
    #[must_use]
    pub const fn state(&self) -> IntakeState {
        self.phase.state()
    }

    /// The conversation so far (redacted).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::calendar::CalendarId;
    /// use walletcare_core::intake::{Intake, IntakeConfig, Speaker};
    /// use walletcare_core::ticket::Channel;
    /// let mut intake = Intake::new(IntakeConfig { channel: Channel::Chat, calendar: CalendarId::Indonesia, ticket_sequence: 1, locale: None })?;
    /// intake.step("hello", Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).single().ok_or("t")?)?;
    /// assert_eq!(intake.transcript()[0].speaker, Speaker::User);
    /// assert_eq!(intake.transcript()[1].speaker, Speaker::Assistant);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn transcript(&self) -> &[Turn] {
        &self.transcript
    }

    /// The fields the category needs and nobody has given, declined or
    /// mentioned yet, in the order they are asked.
    fn missing(&self) -> Vec<InfoField> {
        let Some(category) = self.category else {
            return Vec::new();
        };
        required_info(category)
            .iter()
            .copied()
            .filter(|f| !self.fields.iter().any(|g| g.field == *f))
            .collect()
    }

    fn gathered(&self, field: InfoField) -> bool {
        self.fields.iter().any(|g| g.field == field)
    }

    /// Takes one user message at `now` and returns the reply.
    ///
    /// # Errors
    ///
    /// [`IntakeError::ClockWentBackwards`] if `now` is before the previous
    /// message, [`IntakeError::TooLong`] after [`MAX_TURNS`] turns,
    /// [`IntakeError::DateOutOfRange`] for a year outside 2-9998. The
    /// conversation is then unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::calendar::CalendarId;
    /// use walletcare_core::intake::{Intake, IntakeConfig, IntakeState};
    /// use walletcare_core::ticket::Channel;
    /// use walletcare_core::triage::InfoField;
    ///
    /// let config = IntakeConfig { channel: Channel::Chat, calendar: CalendarId::Indonesia, ticket_sequence: 9, locale: None };
    /// let mut intake = Intake::new(config)?;
    /// let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).single().ok_or("time")?;
    /// let step = intake.step("My payment failed but my balance was deducted", t0)?;
    /// assert_eq!(step.asking, Some(InfoField::TransactionId));
    /// let step = intake.step("I don't know", t0 + Duration::minutes(1))?;
    /// assert_eq!(step.asking, Some(InfoField::PaymentTime)); // moved on
    /// let step = intake.step("can I talk to a real person", t0 + Duration::minutes(2))?;
    /// assert_eq!(step.state, IntakeState::HandedOff);
    /// let handoff = step.handoff.ok_or("no handoff")?;
    /// assert!(handoff.missing.contains(&InfoField::PaymentTime));
    /// assert!(intake.step("hi", t0).is_err()); // earlier than the last message
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn step(&mut self, message: &str, now: DateTime<Utc>) -> Result<Step, IntakeError> {
        if let Some(last) = self.transcript.last() {
            if now < last.at {
                return Err(IntakeError::ClockWentBackwards {
                    previous: last.at,
                    now,
                });
            }
        }
        if self.transcript.len() + 2 > MAX_TURNS {
            return Err(IntakeError::TooLong { max: MAX_TURNS });
        }
        if !(2..=9998).contains(&now.year()) {
            return Err(IntakeError::DateOutOfRange { now });
        }
        let text = cap(message);
        let turn = self.transcript.len();
        // One scan for secrets: it masks the transcript and keeps them out
        // of the entities.
        let redaction = crate::redact::redact(text, &RedactPolicy::default());
        let secrets: Vec<(usize, usize)> = redaction
            .findings
            .iter()
            .map(|f| (f.start, f.end))
            .collect();
        self.transcript.push(Turn {
            at: now,
            speaker: Speaker::User,
            text: redaction.redacted,
        });
        let n = Normalized::new(text);
        let message = Message {
            text,
            n: &n,
            secrets: &secrets,
        };
        let (reply, asking) = self.advance(&message, turn, now);
        self.transcript.push(Turn {
            at: now,
            speaker: Speaker::Assistant,
            text: reply.clone(),
        });
        Ok(self.view(reply, asking))
    }

    /// Moves the conversation on; returns the reply and the field it asks
    /// for.
    fn advance(
        &mut self,
        message: &Message<'_>,
        turn: usize,
        now: DateTime<Utc>,
    ) -> (String, Option<InfoField>) {
        let Message { text, n, .. } = *message;
        let wants_human = phrases::wants_human(n);
        match self.phase {
            Phase::New | Phase::Resolved => {
                if self.phase == Phase::Resolved {
                    // A new problem after a resolved question: start over,
                    // keeping the transcript.
                    self.category = None;
                    self.priority = None;
                    self.fields.clear();
                    self.asked.clear();
                }
                let mut language = None;
                if self.config.locale.is_none() {
                    let detected = detect_language(text);
                    if detected != Language::Other {
                        self.locale = detected.locale();
                    }
                    language = Some(detected);
                }
                if wants_human {
                    self.triage_into(message, language, turn);
                    return self.hand_off();
                }
                if let Some(number) = phrases::ticket_number_in(text) {
                    return self.link_to(Some(number), phrases::wants_complaint(n));
                }
                if phrases::is_follow_up(n) {
                    self.link = Some(CaseLink {
                        ticket_number: None,
                        complaint: phrases::wants_complaint(n),
                    });
                    self.phase = Phase::AskingTicketNumber;
                    return (reply::ask_ticket_number(self.locale), None);
                }
                let category = self.triage_into(message, language, turn);
                if category == Category::GeneralInquiry
                    || (phrases::is_how_to(n, text)
                        && !matches!(
                            category,
                            Category::AccountSecurity
                                | Category::PaymentFailure
                                | Category::Refund
                                | Category::Complaint
                        ))
                {
                    self.phase = Phase::AwaitingHelpful;
                    return (reply::self_service(category, self.locale), None);
                }
                self.next_question_or_ticket(now, None)
            }
            Phase::AwaitingHelpful => {
                if wants_human {
                    return self.hand_off();
                }
                if phrases::yes_or_no(n) == Some(true) {
                    self.phase = Phase::Resolved;
                    return (reply::glad(self.locale), None);
                }
                self.fill_from(message, turn);
                self.next_question_or_ticket(now, Some(reply::sorry(self.locale)))
            }
            Phase::Asking { field } => {
                if wants_human {
                    return self.hand_off();
                }
                self.fill_from(message, turn);
                if !self.gathered(field) {
                    let (status, value) = if phrases::does_not_know(n) {
                        (FieldStatus::Unknown, None)
                    } else {
                        (FieldStatus::Given, Some(self.answer_text(turn)))
                    };
                    self.fields.push(GatheredField {
                        field,
                        status,
                        text: value,
                        amount: None,
                        turn,
                    });
                }
                self.next_question_or_ticket(now, None)
            }
            Phase::AskingTicketNumber => {
                if wants_human {
                    return self.hand_off();
                }
                let complaint =
                    self.link.is_some_and(|l| l.complaint) || phrases::wants_complaint(n);
                self.link_to(phrases::ticket_number_in(text), complaint)
            }
            Phase::TicketOpened => {
                if wants_human {
                    return self.hand_off();
                }
                let complaint = phrases::wants_complaint(n);
                let number = self.ticket.as_ref().map(|t| t.number);
                if let Some(t) = self.ticket.as_mut() {
                    // A refused move (e.g. the history is full) leaves the
                    // ticket as it was; the message is in the transcript.
                    let _ = if complaint {
                        t.ticket.file_complaint(now, ComplaintKind::Informal)
                    } else {
                        t.ticket.customer_reply(now)
                    };
                }
                (reply::added_to_ticket(number, complaint, self.locale), None)
            }
            Phase::HandedOff => (reply::still_handed_off(self.locale), None),
            Phase::Linked => {
                if wants_human {
                    return self.hand_off();
                }
                let raise = phrases::wants_complaint(n);
                if let Some(link) = self.link.as_mut() {
                    link.complaint |= raise;
                }
                (reply::linked(self.link, raise, self.locale), None)
            }
        }
    }

    /// Triages the first message: category, priority, and the fields it
    /// already gives.
    /// `language` is the message's, when already detected.
    fn triage_into(
        &mut self,
        message: &Message<'_>,
        language: Option<Language>,
        turn: usize,
    ) -> Category {
        let text = message.text;
        let channel = Some(self.config.channel);
        let known = Known {
            language,
            lower: Some(message.n.lower()),
            secrets: Some(message.secrets),
        };
        let t = match Triager::builtin() {
            Some(triager) => triager.triage_known(text, channel, known),
            None => crate::triage::triage(text, channel),
        };
        self.category = Some(t.category);
        self.priority = Some(t.priority);
        for needed in &t.needed_info {
            if self.gathered(needed.field) || !needed.found {
                continue;
            }
            let (status, value, amount) = match entity_value(needed.field, text, &t.entities) {
                Some((v, amount)) => (FieldStatus::Given, Some(redact_for_transcript(&v)), amount),
                None => match mentioned_word(needed.field, message.n.lower()) {
                    Some(word) => (FieldStatus::Given, Some(word.to_owned()), None),
                    None => (FieldStatus::Mentioned, None, None),
                },
            };
            self.fields.push(GatheredField {
                field: needed.field,
                status,
                text: value,
                amount,
                turn,
            });
        }
        t.category
    }

    /// Reads every missing field the message gives (an answer may carry
    /// more than was asked).
    fn fill_from(&mut self, message: &Message<'_>, turn: usize) {
        let Message { text, n, secrets } = *message;
        let Some(category) = self.category else {
            return;
        };
        // Only the fields still missing are looked for (a step costs the
        // same however long the conversation is).
        let mut missing = required_info(category)
            .iter()
            .copied()
            .filter(|f| !self.gathered(*f))
            .peekable();
        if missing.peek().is_none() {
            return;
        }
        let currency = if self.locale == Locale::ZhCn {
            Currency::Cny
        } else {
            Currency::Idr
        };
        let entities = extract_known(text, currency, Some(secrets));
        let found: Vec<InfoField> = missing
            .filter(|&f| is_present(f, text, n.lower(), &entities))
            .collect();
        for field in found {
            if let Some((v, amount)) = entity_value(field, text, &entities) {
                self.fields.push(GatheredField {
                    field,
                    status: FieldStatus::Given,
                    text: Some(redact_for_transcript(&v)),
                    amount,
                    turn,
                });
            } else if self.phase != (Phase::Asking { field }) {
                // A brand or method named in passing (the asked field takes
                // the whole answer instead).
                self.fields.push(GatheredField {
                    field,
                    status: FieldStatus::Given,
                    text: Some(self.answer_text(turn)),
                    amount: None,
                    turn,
                });
            }
        }
    }

    /// A free-text answer as a field value: the user's turn `turn` as
    /// stored (already redacted), trimmed, at most [`MAX_FIELD_CHARS`]
    /// characters. Redacting before cutting never leaves half a secret.
    fn answer_text(&self, turn: usize) -> String {
        self.transcript
            .get(turn)
            .map(|t| free_text(&t.text))
            .unwrap_or_default()
    }

    /// Asks for the next missing field, or opens the ticket.
    fn next_question_or_ticket(
        &mut self,
        now: DateTime<Utc>,
        prefix: Option<String>,
    ) -> (String, Option<InfoField>) {
        let next = self.missing().into_iter().find(|f| !self.asked.contains(f));
        let (body, asking) = match next {
            Some(field) => {
                let first = self.asked.is_empty();
                self.asked.push(field);
                self.phase = Phase::Asking { field };
                (reply::ask(field, first, self.locale), Some(field))
            }
            None => (self.open_ticket(now), None),
        };
        match prefix {
            Some(p) => (format!("{p} {body}"), asking),
            None => (body, asking),
        }
    }

    fn open_ticket(&mut self, now: DateTime<Utc>) -> String {
        let category = self.category.unwrap_or(Category::GeneralInquiry);
        let priority = self.priority.unwrap_or(category.default_priority());
        let calendar = BusinessCalendar::builtin(self.config.calendar);
        let Ok(number) =
            TicketNumber::for_instant(now, calendar.time_zone(), self.config.ticket_sequence)
        else {
            // Unreachable for validated years and sequences; a person takes
            // over rather than the conversation failing.
            return self.hand_off().0;
        };
        let channel = self.config.channel;
        let rules = crate::ticket::TicketRules::default();
        let ticket = Ticket::create(number, channel, category, priority, rules, now)
            .unwrap_or_else(|_| Ticket::new(number, channel, category, now));
        let policy = SlaPolicy::default();
        let sla = ticket.sla(now, &policy, &calendar).ok();
        let first_response_due = match sla.as_ref().map(|s| s.first_response.status) {
            Some(SlaStatus::OnTrack { due_at, .. } | SlaStatus::DueSoon { due_at, .. }) => {
                Some(due_at)
            }
            _ => match policy.targets(category, priority, channel).first_response {
                SlaTarget::Within {
                    seconds,
                    basis: TimeBasis::Wall,
                } => now.checked_add_signed(TimeDelta::seconds(i64::from(seconds))),
                _ => None,
            },
        };
        let mut transcript = self.transcript.clone();
        let reply = reply::ticket_opened(
            number,
            first_response_due,
            calendar.time_zone(),
            self.locale,
        );
        transcript.push(Turn {
            at: now,
            speaker: Speaker::Assistant,
            text: reply.clone(),
        });
        self.ticket = Some(IntakeTicket {
            number,
            category,
            priority,
            channel,
            fields: self.fields.clone(),
            transcript,
            first_response_due,
            sla,
            ticket,
        });
        self.phase = Phase::TicketOpened;
        reply
    }

    fn hand_off(&mut self) -> (String, Option<InfoField>) {
        self.phase = Phase::HandedOff;
        (reply::handing_off(self.locale), None)
    }

    fn link_to(
        &mut self,
        number: Option<TicketNumber>,
        complaint: bool,
    ) -> (String, Option<InfoField>) {
        let link = CaseLink {
            ticket_number: number,
            complaint,
        };
        self.link = Some(link);
        self.phase = Phase::Linked;
        (reply::linked(Some(link), false, self.locale), None)
    }

    fn view(&self, reply: String, asking: Option<InfoField>) -> Step {
        let state = self.phase.state();
        let missing = self.missing();
        let handoff = (state == IntakeState::HandedOff).then(|| Handoff {
            category: self.category,
            priority: self.priority,
            fields: self.fields.clone(),
            missing: missing.clone(),
            ticket_number: self.ticket.as_ref().map(|t| t.number),
            linked_to: self.link.and_then(|l| l.ticket_number),
            transcript: self.transcript.clone(),
        });
        Step {
            state,
            reply,
            locale: self.locale,
            category: self.category,
            asking,
            missing,
            fields: self.fields.clone(),
            ticket: self.ticket.clone(),
            handoff,
            link: self.link,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn config() -> IntakeConfig {
        IntakeConfig {
            channel: Channel::Chat,
            calendar: CalendarId::Indonesia,
            ticket_sequence: 5,
            locale: None,
        }
    }

    fn t(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 3, minute, 0).unwrap()
    }

    #[test]
    fn card_numbers_never_reach_the_transcript() {
        let mut intake = Intake::new(config()).unwrap();
        intake
            .step("refund please, I paid with card 4111-1111-1111-1111", t(0))
            .unwrap();
        let json = intake.to_json();
        assert!(!json.contains("4111-1111-1111-1111"), "{json}");
        assert!(!json.contains("4111111111111111"));
    }

    #[test]
    fn a_failed_step_changes_nothing() {
        let mut intake = Intake::new(config()).unwrap();
        intake.step("refund please", t(5)).unwrap();
        let before = intake.clone();
        assert!(matches!(
            intake.step("hello", t(1)),
            Err(IntakeError::ClockWentBackwards { .. })
        ));
        assert_eq!(intake, before);
    }

    #[test]
    fn inconsistent_saved_states_are_refused() {
        let mut intake = Intake::new(config()).unwrap();
        intake.step("refund please", t(0)).unwrap();
        let json = intake.to_json();
        let broken = json.replace("\"version\":1", "\"version\":9");
        assert!(Intake::from_json(&broken).is_err());
        let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
        value["phase"] = serde_json::json!({"phase": "ticket_opened"});
        assert!(Intake::from_json(&value.to_string()).is_err());
        assert_eq!(Intake::from_json(&json).unwrap(), intake);
    }

    #[test]
    fn the_turn_limit_is_enforced() {
        let mut intake = Intake::new(config()).unwrap();
        intake.step("转人工", t(0)).unwrap();
        let mut last = Ok(());
        for _ in 0..MAX_TURNS {
            last = intake.step("hello?", t(1)).map(drop);
            if last.is_err() {
                break;
            }
        }
        assert!(matches!(last, Err(IntakeError::TooLong { .. })));
        assert_eq!(intake.transcript().len(), MAX_TURNS);
    }
}
