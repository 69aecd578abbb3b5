//! Support tickets: numbers, channels, categories, lifecycle and SLA clocks.
//!
//! A [`Ticket`] is its [`TicketNumber`], its [`TicketRules`] and a history of
//! checked, timestamped [`Event`]s; everything else (status, priority,
//! escalation, complaints) is derived by replaying the history, and every SLA
//! answer is a pure function of the history, an explicit `now`, an
//! [`SlaPolicy`] and a [`BusinessCalendar`](crate::calendar::BusinessCalendar).
//!
//! # Ticket numbers
//!
//! `WC-20261121-000123-7`: prefix, local creation date, the caller's daily
//! sequence (6 digits, widening beyond 999 999 rather than failing) and a Damm
//! check digit that catches every single-digit error and every adjacent
//! transposition. See [`TicketNumber`].
//!
//! # Lifecycle
//!
//! | from \ action | allowed |
//! |---|---|
//! | `new` | open, respond, customer_reply, resolve, escalate, change_priority, file_complaint, extend_regulatory_deadline |
//! | `open` | respond, customer_reply, await_customer, await_third_party, resolve, escalate, change_priority, file_complaint, extend_regulatory_deadline |
//! | `pending_customer` | respond, customer_reply (→ open), await_third_party, resume, resolve, escalate, change_priority, file_complaint, extend_regulatory_deadline |
//! | `pending_third_party` | respond, customer_reply, await_customer, resume, resolve, escalate, change_priority, file_complaint, extend_regulatory_deadline |
//! | `resolved` | reopen (within 7 days), close, file_complaint (→ open), request_review (→ open, once, within 14 days), rate_satisfaction (once per resolution) |
//! | `closed` | rate_satisfaction (once) — closed is final |
//!
//! Anything else is a typed [`TicketError`] and changes nothing; events must
//! not go back in time. Escalation goes 0 agent → 1 supervisor → 2 manager →
//! 3 complaints unit, only upwards, by hand ([`Ticket::escalate`]) or
//! automatically on breach ([`Ticket::escalate_on_breach`], levels in
//! [`AutoEscalation`]); a second review escalates to at least supervisor. A
//! complaint about the handling raises the priority one step; a *formal*
//! complaint also starts a regulatory clock.
//!
//! # SLA clocks
//!
//! Three internal clocks, with targets per category × priority × channel
//! from the policy's ordered rules ([`SlaPolicy`]), each either in business
//! time on the calendar or in wall time ([`TimeBasis`]):
//!
//! - **first response**: from creation to the first public reply (or the
//!   resolution); `live` channels (the hotline) meet it at creation;
//! - **next response**: from a customer message, once the first response is
//!   done, to the next public reply; one cycle per waiting message, the
//!   report shows the latest and counts breached cycles;
//! - **resolution**: from creation to resolution; after a reopen, a
//!   complaint or a review it resumes with the time already counted (time
//!   spent resolved does not count).
//!
//! Rules:
//!
//! - **Pause.** All clocks pause in `pending_customer`. In
//!   `pending_third_party` they keep running by default: the internal promise
//!   to the customer stands while we chase a bank or merchant
//!   ([`SlaPolicy::pause_on_third_party`] changes that).
//! - **Priority change.** The new priority's targets apply to the time
//!   elapsed since the clock's original start, pauses excluded: nothing
//!   restarts and no time is lost. Each clock counts both business and wall
//!   time, so a change between a business-time and a wall-time target keeps
//!   its elapsed time too. If the time elapsed already exceeds a shortened
//!   target, the clock is breached at the moment of the change (it could not
//!   have breached a target that did not apply yet), and the overdue time is
//!   measured from the original start.
//! - **Breaches stay.** Once breached, a clock stays breached (and reports
//!   when it was finally met), whatever happens next.
//! - **Due soon** from [`SlaPolicy::due_soon_percent`] (80 %) of the target.
//! - **Cost.** Each interval is measured once with
//!   `business_duration_between` and its due time computed once with
//!   `add_business_duration`, both O(log n) in the calendar: the cost grows
//!   with the number of events, never with the days elapsed.
//!
//! # Regulatory complaint clocks
//!
//! Formal complaints (pengaduan) carry deadlines set by the financial
//! regulator, in working days, kept apart from the internal SLAs
//! ([`RegulatoryReport`]):
//!
//! - **POJK 18/POJK.07/2018** (Layanan Pengaduan Konsumen di Sektor Jasa
//!   Keuangan) requires financial-services providers to follow up and settle
//!   an oral complaint within 5 working days and a written complaint within
//!   20 working days after the date it is received; in specific conditions
//!   (the receiving office differs from where the problem arose, the
//!   transaction needs a special investigation of documents, or other
//!   conditions beyond the provider's control such as third parties) the
//!   period may be extended once by at most 20 further working days, with
//!   written notice to the customer before the first period ends. Its
//!   guidance is SEOJK 17/SEOJK.07/2018. These are the defaults
//!   ([`RegulatoryRegime::POJK_18_2018`]).
//! - **POJK 22/2023** (Pelindungan Konsumen dan Masyarakat di Sektor Jasa
//!   Keuangan), issued at the end of 2023 under the P2SK law (UU 4/2023),
//!   replaces POJK 6/POJK.07/2022 and takes over complaint handling from
//!   POJK 18/POJK.07/2018 (its successor for this purpose). OJK has said publicly
//!   (2024) that complaints must now be settled within 10 working days,
//!   extendable by 10; [`RegulatoryRegime::POJK_22_2023`] encodes that, with
//!   oral complaints kept at 5 working days. Compliance should confirm the
//!   figures against the text in force before switching.
//! - An e-money issuer licensed by **Bank Indonesia** is also bound by BI's
//!   consumer-protection rules (PBI 3/2023, PADG 20/2023, replacing PBI
//!   22/20/PBI/2020); [`RegulatoryRegime`] is plain data so those deadlines
//!   can be configured the same way.
//!
//! Counting: the day of receipt is day 0, a complaint received on a
//! non-working day counts from the next working day, the due date is that
//! many working days later on the Indonesian calendar (weekends, national
//! holidays and cuti bersama excluded), and the deadline is the end of the
//! due date in Jakarta time. The calendar's business-hours cut-off is not
//! applied (a complaint at 20:00 was still received that day). Record a
//! formal complaint when its documents are complete: the regulation counts
//! from then. The clock stops at the next resolution; it does not pause.
//!
//! # Text
//!
//! [`Status`], [`Channel`], [`EscalationLevel`], [`ComplaintMedium`],
//! [`ExtensionGround`], [`RegulatoryReport`] (the customer notice) and
//! [`SlaExplanation`] (the agent's view of an [`SlaReport`]) implement
//! [`Render`](crate::locale::Render) in English, Indonesian and Simplified
//! Chinese.
//!
//! # Examples
//!
//! ```
//! use chrono::{Duration, TimeZone, Utc};
//! use walletcare_core::calendar::{BusinessCalendar, CalendarId};
//! use walletcare_core::ticket::{
//!     Category, Channel, ComplaintKind, SlaPolicy, SlaStatus, Ticket, TicketNumber,
//! };
//!
//! let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
//! let policy = SlaPolicy::default();
//! let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).single().ok_or("time")?; // Mon 09:00 WIB
//! let number = TicketNumber::for_instant(t0, cal.time_zone(), 123)?;
//! let mut ticket = Ticket::new(number, Channel::Email, Category::Refund, t0);
//! ticket.respond(t0 + Duration::hours(1))?;
//! ticket.file_complaint(t0 + Duration::hours(2), ComplaintKind::FormalWritten)?;
//!
//! let report = ticket.sla(t0 + Duration::hours(3), &policy, &cal)?;
//! assert_eq!(report.first_response.status, SlaStatus::Met { at: t0 + Duration::hours(1) });
//! assert_eq!(report.regulatory[0].working_days, 20);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

mod channel;
mod lifecycle;
mod number;
mod open;
mod policy;
mod regulatory;
mod sla;

pub use channel::Channel;
pub use lifecycle::{
    Action, ComplaintKind, ComplaintMedium, EscalationCause, EscalationLevel, Event, Extension,
    ExtensionGround, FormalComplaint, MAX_EVENTS, MAX_TEXT_LEN, SatisfactionRating, Status, Ticket,
    TicketRules, TicketState,
};
pub use number::{MAX_INPUT_LEN, MAX_SEQUENCE, NumberPart, TicketNumber, damm_check_digit};
pub use open::OpenedTicket;
pub use policy::{
    AutoEscalation, MAX_RULES, MAX_TARGET_SECONDS, RegulatoryRegime, SlaClock, SlaPolicy, SlaRule,
    SlaTarget, SlaTargets, TimeBasis,
};
pub use regulatory::{RegulatoryReport, RegulatoryStatus};
pub use sla::{ClockReport, SlaExplanation, SlaReport, SlaStatus};

/// What a support request is about. Triage assigns it; SLAs and default
/// priorities depend on it. The JSON form is the snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Category;
///
/// assert_eq!(serde_json::to_string(&Category::AccountSecurity)?, "\"account_security\"");
/// assert_eq!("refund".parse::<Category>()?, Category::Refund);
/// assert_eq!(Category::ALL.len(), 9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Login, forgotten password or PIN, code not received, locked account,
    /// changing the phone number or email.
    AccountAccess,
    /// Stolen or hacked account, transactions the user did not make,
    /// phishing, lost phone. Always urgent.
    AccountSecurity,
    /// Failed or declined payment, money deducted but not received, top-up,
    /// transfer or withdrawal failed or stuck pending.
    PaymentFailure,
    /// Asking for a refund, refund status or delay, refund rejected.
    Refund,
    /// Binding, changing, removing a bank card, card verification.
    BankCard,
    /// Crashes, errors, loading, install and notification problems.
    Technical,
    /// About the support itself: rude agent, no reply, long waits,
    /// unresolved repeated reports, escalation.
    Complaint,
    /// Suggestions, feature requests, praise.
    Feedback,
    /// Fees, limits, promotions, verification levels, where the wallet works.
    GeneralInquiry,
}

impl Category {
    /// Every category, in a fixed order (the order of model outputs).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Category;
    /// assert_eq!(Category::ALL[0], Category::AccountAccess);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [Category; 9] = [
        Category::AccountAccess,
        Category::AccountSecurity,
        Category::PaymentFailure,
        Category::Refund,
        Category::BankCard,
        Category::Technical,
        Category::Complaint,
        Category::Feedback,
        Category::GeneralInquiry,
    ];

    /// The snake_case name, as in JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Category;
    /// assert_eq!(Category::BankCard.as_str(), "bank_card");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::AccountAccess => "account_access",
            Category::AccountSecurity => "account_security",
            Category::PaymentFailure => "payment_failure",
            Category::Refund => "refund",
            Category::BankCard => "bank_card",
            Category::Technical => "technical",
            Category::Complaint => "complaint",
            Category::Feedback => "feedback",
            Category::GeneralInquiry => "general_inquiry",
        }
    }

    /// The priority a ticket of this category starts with.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{Category, Priority};
    /// assert_eq!(Category::AccountSecurity.default_priority(), Priority::Urgent);
    /// assert_eq!(Category::Feedback.default_priority(), Priority::Low);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn default_priority(self) -> Priority {
        match self {
            Category::AccountSecurity => Priority::Urgent,
            Category::PaymentFailure | Category::AccountAccess => Priority::High,
            Category::Refund | Category::BankCard | Category::Complaint => Priority::Normal,
            Category::Technical | Category::GeneralInquiry => Priority::Normal,
            Category::Feedback => Priority::Low,
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string is not a [`Category`].
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::ticket::Category;
///
/// let err = "billing".parse::<Category>().unwrap_err();
/// assert_eq!(err.code(), ErrorCode::UnknownValue);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown category {0:?}")]
pub struct UnknownCategory(pub String);

impl crate::error::HasErrorCode for UnknownCategory {
    fn code(&self) -> crate::error::ErrorCode {
        crate::error::ErrorCode::UnknownValue
    }
}

impl std::str::FromStr for Category {
    type Err = UnknownCategory;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Category::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCategory(s.chars().take(64).collect()))
    }
}

/// How fast a ticket must be handled. Ordered: `Low < Normal < High < Urgent`.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Priority;
/// assert!(Priority::Urgent > Priority::High);
/// assert_eq!(serde_json::to_string(&Priority::Normal)?, "\"normal\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Whenever there is time.
    Low,
    /// The usual queue.
    Normal,
    /// Money or access is at stake.
    High,
    /// Security or money is being lost now.
    Urgent,
}

crate::names::names!(as_str display from_str: ticket::Priority as "priority" {
    Low => "low",
    Normal => "normal",
    High => "high",
    Urgent => "urgent",
});

/// Everything that can go wrong with a ticket: a malformed number, a move the
/// lifecycle does not allow, a bad policy, or a calendar that cannot answer.
///
/// Every variant maps to one stable [`ErrorCode`](crate::error::ErrorCode)
/// (see [`HasErrorCode`](crate::error::HasErrorCode)); positions in number
/// errors are 0-based character offsets in the text given.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::ticket::{TicketError, TicketNumber};
///
/// let err = TicketNumber::parse("WC-20261121-000123-9").unwrap_err();
/// assert_eq!(err.code(), ErrorCode::InvalidTicketNumber);
/// assert_eq!(err.to_string(), "ticket number check digit at position 19 is 9, expected 7");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TicketError {
    /// A name that is not one of the known values (channel, status...).
    #[error("unknown {kind} {value:?}")]
    UnknownValue {
        /// What kind of value.
        kind: &'static str,
        /// The text given (at most 64 characters of it).
        value: String,
    },
    /// The ticket number text is empty (or only whitespace).
    #[error("ticket number is empty")]
    NumberEmpty,
    /// The ticket number text is longer than any ticket number can be.
    #[error("ticket number is {len} characters long, at most {max} are accepted")]
    NumberTooLong {
        /// Characters given.
        len: usize,
        /// The limit, [`MAX_INPUT_LEN`] bytes.
        max: usize,
    },
    /// A character that does not belong where it is.
    #[error("unexpected {found:?} in the {part} of the ticket number at position {position}")]
    NumberUnexpectedChar {
        /// The part being read.
        part: NumberPart,
        /// 0-based character offset.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// The text ends before the given part.
    #[error("ticket number ends at position {position} where the {part} should be")]
    NumberMissingPart {
        /// The missing part.
        part: NumberPart,
        /// 0-based character offset where it should start.
        position: usize,
    },
    /// A part has the wrong number of characters (prefix 2-4 letters, date 8
    /// digits, sequence 6-9 digits).
    #[error("the {part} of the ticket number at position {position} has {len} characters")]
    NumberPartLength {
        /// The part.
        part: NumberPart,
        /// 0-based character offset where it starts.
        position: usize,
        /// Its length.
        len: usize,
    },
    /// A sequence wider than 6 digits starts with a zero: every number has a
    /// single spelling.
    #[error("ticket number sequence at position {position} has a superfluous leading zero")]
    NumberNonCanonical {
        /// 0-based character offset of the sequence.
        position: usize,
    },
    /// The eight date digits are not a calendar date.
    #[error("ticket number date {text:?} at position {position} is not a valid date")]
    NumberInvalidDate {
        /// The digits.
        text: String,
        /// 0-based character offset of the date.
        position: usize,
    },
    /// SLA status asked for a time before the ticket existed.
    #[error("cannot evaluate the SLA at {now}, before the ticket was created at {created_at}")]
    NowBeforeCreation {
        /// The time asked for.
        now: chrono::DateTime<chrono::Utc>,
        /// When the ticket was created.
        created_at: chrono::DateTime<chrono::Utc>,
    },
    /// The business calendar cannot answer (for example a year it does not
    /// cover).
    #[error("calendar: {0}")]
    Calendar(#[from] crate::calendar::CalendarError),
    /// The check digit does not match the date and sequence.
    #[error("ticket number check digit at position {position} is {found}, expected {expected}")]
    NumberCheckDigit {
        /// The digit the Damm algorithm gives.
        expected: u8,
        /// The digit in the text.
        found: u8,
        /// 0-based character offset of the check digit.
        position: usize,
    },
    /// A prefix that is not 2 to 4 ASCII letters.
    #[error("ticket number prefix {prefix:?} must be 2 to 4 ASCII letters")]
    InvalidPrefix {
        /// The prefix given (at most 16 characters of it).
        prefix: String,
    },
    /// A sequence above [`MAX_SEQUENCE`].
    #[error("ticket sequence {sequence} is above the maximum 999999999")]
    SequenceOutOfRange {
        /// The sequence given.
        sequence: u64,
    },
    /// A date whose year does not have four digits.
    #[error("ticket date {date} is outside years 0001-9999")]
    NumberDateOutOfRange {
        /// The date given.
        date: chrono::NaiveDate,
    },

    /// The action is not allowed in the ticket's current status.
    #[error("cannot {action} a ticket that is {from}")]
    InvalidTransition {
        /// The status the ticket is in.
        from: Status,
        /// The action tried (its snake_case kind).
        action: &'static str,
    },
    /// A history that does not start with the creation of the ticket.
    #[error("a ticket history must start with a create event")]
    MissingCreation,
    /// Reopening or asking for a review after the window has closed.
    #[error(
        "the {window_days}-day window to {action} after resolution at {resolved_at} has closed"
    )]
    WindowClosed {
        /// `reopen` or `request_review`.
        action: &'static str,
        /// When the ticket was resolved.
        resolved_at: chrono::DateTime<chrono::Utc>,
        /// The window in days.
        window_days: u16,
    },
    /// A second appeal of the same ticket: there is one second review.
    #[error("a second review was already requested for this ticket")]
    ReviewAlreadyRequested,
    /// A satisfaction score outside 1-5.
    #[error("satisfaction score {score} is outside 1-5")]
    InvalidSatisfactionScore {
        /// The score given.
        score: u8,
    },
    /// A satisfaction survey before the ticket is resolved.
    #[error("a satisfaction score can only be given once the ticket is resolved, it is {status}")]
    SurveyNotAllowed {
        /// The ticket's status.
        status: Status,
    },
    /// A second satisfaction score for the same resolution.
    #[error("this resolution has already been rated")]
    SurveyAlreadyAnswered,
    /// An event earlier than the one before it.
    #[error("event at {at} is earlier than the previous event at {previous}")]
    EventOutOfOrder {
        /// The last event's time.
        previous: chrono::DateTime<chrono::Utc>,
        /// The new event's time.
        at: chrono::DateTime<chrono::Utc>,
    },
    /// An escalation that does not raise the level.
    #[error("cannot escalate to {requested}: the ticket is already at {current}")]
    EscalationNotHigher {
        /// The current level.
        current: EscalationLevel,
        /// The level asked for.
        requested: EscalationLevel,
    },
    /// A number that is not an escalation level (0-3).
    #[error("escalation level {level} is outside 0-3")]
    InvalidEscalationLevel {
        /// The number given.
        level: u8,
    },
    /// A priority change to the priority the ticket already has.
    #[error("the ticket already has priority {priority:?}")]
    PriorityUnchanged {
        /// The priority.
        priority: Priority,
    },
    /// A reason or note that is empty or too long.
    #[error("{field} must be 1 to {max} characters, got {len}")]
    InvalidText {
        /// Which text.
        field: &'static str,
        /// Its length in characters (after trimming).
        len: usize,
        /// The limit, [`MAX_TEXT_LEN`].
        max: usize,
    },
    /// The history has reached [`MAX_EVENTS`] events.
    #[error("the ticket history is full ({max} events)")]
    HistoryFull {
        /// The limit.
        max: usize,
    },
    /// An SLA policy or ticket rules that are malformed or out of range.
    #[error("invalid SLA policy: {reason}")]
    InvalidPolicy {
        /// What is wrong.
        reason: String,
    },
    /// A regulatory extension with no unresolved written formal complaint to
    /// extend (oral complaints cannot be extended: the customer is asked to
    /// put them in writing).
    #[error("no unresolved written formal complaint to extend")]
    NoComplaintToExtend,
    /// The regulatory deadline has already been extended once.
    #[error("the regulatory deadline was already extended")]
    ExtensionAlreadyGranted,
    /// The extension notice comes after the deadline it would extend.
    #[error("the extension at {at} comes after the regulatory deadline {deadline}")]
    ExtensionTooLate {
        /// When the extension was asked for.
        at: chrono::DateTime<chrono::Utc>,
        /// The deadline (end of the due working day).
        deadline: chrono::DateTime<chrono::Utc>,
    },
}

impl crate::error::HasErrorCode for TicketError {
    fn code(&self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            TicketError::UnknownValue { .. } => ErrorCode::UnknownValue,
            TicketError::NumberEmpty
            | TicketError::NumberTooLong { .. }
            | TicketError::NumberUnexpectedChar { .. }
            | TicketError::NumberMissingPart { .. }
            | TicketError::NumberPartLength { .. }
            | TicketError::NumberNonCanonical { .. }
            | TicketError::NumberInvalidDate { .. }
            | TicketError::NumberCheckDigit { .. }
            | TicketError::InvalidPrefix { .. }
            | TicketError::SequenceOutOfRange { .. }
            | TicketError::NumberDateOutOfRange { .. } => ErrorCode::InvalidTicketNumber,
            TicketError::InvalidTransition { .. }
            | TicketError::MissingCreation
            | TicketError::ReviewAlreadyRequested
            | TicketError::SurveyNotAllowed { .. }
            | TicketError::SurveyAlreadyAnswered
            | TicketError::PriorityUnchanged { .. } => ErrorCode::InvalidTicketTransition,
            TicketError::WindowClosed { .. } => ErrorCode::TicketWindowClosed,
            TicketError::InvalidSatisfactionScore { .. } => ErrorCode::InvalidSatisfactionScore,
            TicketError::EventOutOfOrder { .. } => ErrorCode::TicketEventOutOfOrder,
            TicketError::EscalationNotHigher { .. }
            | TicketError::InvalidEscalationLevel { .. } => ErrorCode::InvalidEscalation,
            TicketError::InvalidText { .. } | TicketError::NowBeforeCreation { .. } => {
                ErrorCode::InvalidArgument
            }
            TicketError::Calendar(err) => crate::error::HasErrorCode::code(err),
            TicketError::HistoryFull { .. } => ErrorCode::InputTooLarge,
            TicketError::InvalidPolicy { .. } => ErrorCode::InvalidSlaPolicy,
            TicketError::NoComplaintToExtend
            | TicketError::ExtensionAlreadyGranted
            | TicketError::ExtensionTooLate { .. } => ErrorCode::RegulatoryExtensionNotAllowed,
        }
    }
}
