//! From a triaged message to a ticket: the number from the host's per-day
//! sequence, the category and priority from triage, the message redacted.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Channel, Ticket, TicketError, TicketNumber, TicketRules};
use crate::calendar::BusinessCalendar;
use crate::triage::{InfoField, Language, Triage};

impl TicketNumber {
    /// The number of a ticket created at `at`: the date is the local date in
    /// the calendar's time zone ([`crate::locale::local_date`]) and the
    /// sequence comes from the host's per-day counter, which `next` is given
    /// that date to look up and advance (in one database transaction, for
    /// example `UPDATE counters SET n = n + 1 WHERE day = ? RETURNING n`).
    ///
    /// # Errors
    ///
    /// As [`TicketNumber::new`]: a date outside years 1-9999 or a sequence
    /// beyond [`MAX_SEQUENCE`](super::MAX_SEQUENCE).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use std::collections::HashMap;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::ticket::TicketNumber;
    ///
    /// let calendar = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let mut counters = HashMap::new();
    /// let mut next = |day| { let n = counters.entry(day).or_insert(0u64); *n += 1; *n };
    /// // 20:00 UTC is already the 21st in Jakarta.
    /// let at = Utc.with_ymd_and_hms(2026, 11, 20, 20, 0, 0).unwrap();
    /// assert_eq!(TicketNumber::next_for(&calendar, at, &mut next)?.to_string(), "WC-20261121-000001-8");
    /// assert_eq!(TicketNumber::next_for(&calendar, at, &mut next)?.sequence(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_for(
        calendar: &BusinessCalendar,
        at: DateTime<Utc>,
        next: impl FnOnce(NaiveDate) -> u64,
    ) -> Result<TicketNumber, TicketError> {
        let date = crate::locale::local_date(at, calendar.time_zone());
        TicketNumber::new(date, next(date))
    }
}

/// A ticket opened from a triaged message, with what triage found that the
/// ticket itself does not keep.
///
/// # Examples
///
/// See [`Ticket::from_triage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenedTicket {
    /// The ticket: channel, category and priority as triaged.
    pub ticket: Ticket,
    /// The message's language, to answer in.
    pub language: Language,
    /// What support still has to ask for (needed by the category, not in the
    /// message), in the order to ask.
    pub missing_info: Vec<InfoField>,
    /// The message with secrets (card numbers, one-time codes, PINs...)
    /// masked by [`crate::redact::redact`], safe to store and show agents.
    pub summary: String,
}

impl Ticket {
    /// Opens a ticket for a message that [`crate::triage`] classified:
    /// category, priority and channel from the triage (`Channel::InApp` when
    /// the triage had none), the message redacted with the default
    /// [`RedactPolicy`](crate::redact::RedactPolicy).
    ///
    /// # Errors
    ///
    /// [`TicketError::InvalidPolicy`] if the rules are out of range.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::ticket::{Category, Channel, Priority, Ticket, TicketNumber, TicketRules};
    /// use walletcare_core::triage::{InfoField, Language, triage};
    ///
    /// let text = "saldo kepotong Rp 50.000 tapi pembayaran gagal, kartu 4111 1111 1111 1111";
    /// let t = triage(text, Some(Channel::Chat));
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    /// let number = TicketNumber::next_for(&BusinessCalendar::builtin(CalendarId::Indonesia), at, |_| 7)?;
    /// let opened = Ticket::from_triage(number, &t, text, TicketRules::default(), at)?;
    /// assert_eq!(opened.ticket.state().category, Category::PaymentFailure);
    /// assert_eq!(opened.ticket.state().channel, Channel::Chat);
    /// assert_eq!(opened.ticket.priority(), t.priority);
    /// assert_eq!(opened.language, Language::Id);
    /// assert!(!opened.summary.contains("4111 1111 1111 1111"));
    /// assert!(opened.missing_info.contains(&InfoField::TransactionId));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_triage(
        number: TicketNumber,
        triage: &Triage,
        message: &str,
        rules: TicketRules,
        at: DateTime<Utc>,
    ) -> Result<OpenedTicket, TicketError> {
        let channel = triage.channel.unwrap_or(Channel::InApp);
        let ticket = Ticket::create(number, channel, triage.category, triage.priority, rules, at)?;
        Ok(OpenedTicket {
            ticket,
            language: triage.language,
            missing_info: triage
                .needed_info
                .iter()
                .filter(|n| !n.found)
                .map(|n| n.field)
                .collect(),
            summary: crate::redact::redact(message, &crate::redact::RedactPolicy::default())
                .redacted,
        })
    }
}
