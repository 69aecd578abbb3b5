//! Regulatory complaint clocks: working-day deadlines for formal complaints,
//! kept apart from the internal SLAs.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::sla::local_date;
use super::{
    ComplaintMedium, Extension, ExtensionGround, FormalComplaint, RegulatoryRegime, Ticket,
    TicketError,
};
use crate::calendar::{BusinessCalendar, CalendarError, EditionStamp, RollConvention};
use crate::locale::{Locale, Render};

/// Where a regulatory clock stands at `now`.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::RegulatoryStatus;
/// let status: RegulatoryStatus = serde_json::from_str(r#"{"state":"on_track","working_days_left":12}"#)?;
/// assert_eq!(status, RegulatoryStatus::OnTrack { working_days_left: 12 });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub enum RegulatoryStatus {
    /// Unresolved, with working days left (today included if it is one).
    OnTrack {
        /// Working days left, the due date included.
        working_days_left: i64,
    },
    /// Unresolved, and the due-soon share of the working days has passed.
    DueSoon {
        /// Working days left, the due date included.
        working_days_left: i64,
    },
    /// Resolved by the deadline.
    Met {
        /// When.
        at: DateTime<Utc>,
    },
    /// The deadline passed unresolved, or the resolution came late.
    Breached {
        /// Working days after the due date, up to the resolution or `now`.
        working_days_late: i64,
        /// When it was finally resolved, if it was.
        met_at: Option<DateTime<Utc>>,
    },
}

/// The regulatory clock of one formal complaint at `now`.
///
/// Counting rule: the day of receipt is day 0 (the regulation counts "after
/// the date the complaint is received"); a complaint received on a
/// non-working day counts from the next working day; the due date is that
/// many working days later on the calendar given (pass the Indonesian one),
/// and the deadline is the end of the due date in the calendar's zone. The
/// business-hours cut-off of the calendar is deliberately ignored (a
/// complaint received at 20:00 is still received that day), which is the
/// conservative reading. An extension adds its working days to the due date
/// if it was notified before the original deadline; a late extension is
/// reported (`extension_late`) and ignored.
///
/// # Examples
///
/// ```
/// use chrono::{Duration, NaiveDate, TimeZone, Utc};
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
/// use walletcare_core::ticket::{Category, Channel, ComplaintKind, RegulatoryStatus, SlaPolicy, Ticket, TicketNumber};
///
/// let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
/// // An oral complaint on Monday 2026-11-23: 5 working days, due Monday 2026-11-30.
/// let at = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).single().ok_or("time")?;
/// let mut ticket = Ticket::new(TicketNumber::for_instant(at, cal.time_zone(), 1)?, Channel::Hotline, Category::Refund, at);
/// ticket.file_complaint(at, ComplaintKind::FormalOral)?;
/// let report = &ticket.sla(at, &SlaPolicy::default(), &cal)?.regulatory[0];
/// assert_eq!(report.due_date, NaiveDate::from_ymd_opt(2026, 11, 30).ok_or("date")?);
/// assert_eq!(report.status, RegulatoryStatus::OnTrack { working_days_left: 6 });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegulatoryReport {
    /// Oral or written.
    pub medium: ComplaintMedium,
    /// When the complaint was received.
    pub received_at: DateTime<Utc>,
    /// The local date it was received, in the calendar's zone.
    pub received_date: NaiveDate,
    /// The working day counting starts from (day 0).
    pub start_date: NaiveDate,
    /// Working days allowed, with a valid extension included.
    pub working_days: u16,
    /// The last working day to resolve it.
    pub due_date: NaiveDate,
    /// The end of the due date (the instant the clock breaches).
    pub deadline: DateTime<Utc>,
    /// The extension on record, if any.
    pub extension: Option<Extension>,
    /// Whether the extension was notified after the original deadline (and
    /// is therefore ignored).
    pub extension_late: bool,
    /// The local date it was resolved, if it was (by `now`).
    pub resolved_date: Option<NaiveDate>,
    /// The status at `now`.
    pub status: RegulatoryStatus,
    /// Whether the calendar data for these dates is an estimate.
    pub estimated: bool,
    /// The calendar edition that computed this result
    /// ([`crate::calendar::EditionStamp`]); absent in results stored before
    /// editions existed. Compare it with the current calendar's to find
    /// results to recompute ([`crate::calendar::compare_editions`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<EditionStamp>,
}

/// The instant `date` ends in the calendar's zone: the calendar's one
/// end-of-day rule ([`crate::calendar::end_of_day`]), which also holds on
/// days whose local midnight does not exist.
fn end_of_day(date: NaiveDate, calendar: &BusinessCalendar) -> Result<DateTime<Utc>, TicketError> {
    Ok(crate::calendar::end_of_day(calendar.time_zone(), date)?)
}

/// The due date and deadline of a complaint without its extension.
fn original_due(
    complaint: &FormalComplaint,
    regime: &RegulatoryRegime,
    calendar: &BusinessCalendar,
) -> Result<(NaiveDate, NaiveDate, u16, DateTime<Utc>), TicketError> {
    let received = local_date(complaint.received_at, calendar);
    let start = calendar.roll(received, RollConvention::Following)?;
    let days = match complaint.medium {
        ComplaintMedium::Oral => regime.oral_working_days,
        ComplaintMedium::Written => regime.written_working_days,
    };
    let due = calendar.add_business_days(start, i64::from(days))?;
    Ok((start, due, days, end_of_day(due, calendar)?))
}

/// Business days in `[from, to]`.
fn working_days_inclusive(
    calendar: &BusinessCalendar,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<i64, TicketError> {
    let end = to
        .succ_opt()
        .ok_or(TicketError::Calendar(CalendarError::DateOutOfRange))?;
    Ok(calendar.business_days_between(from, end)?)
}

pub(super) fn regulatory_report(
    complaint: &FormalComplaint,
    regime: &RegulatoryRegime,
    calendar: &BusinessCalendar,
    now: DateTime<Utc>,
) -> Result<RegulatoryReport, TicketError> {
    regime.validate()?;
    let (start_date, original, base_days, original_deadline) =
        original_due(complaint, regime, calendar)?;
    let extension_late = complaint
        .extension
        .as_ref()
        .is_some_and(|e| e.at >= original_deadline);
    let extended = complaint.extension.is_some() && !extension_late;
    let (due_date, working_days) = if extended {
        (
            calendar.add_business_days(original, i64::from(regime.extension_working_days))?,
            base_days.saturating_add(regime.extension_working_days),
        )
    } else {
        (original, base_days)
    };
    let deadline = end_of_day(due_date, calendar)?;
    // Events after `now` are not replayed, so a resolution here is <= now.
    let resolved = complaint.resolved_at.filter(|at| *at <= now);
    let status = match resolved {
        Some(at) if at < deadline => RegulatoryStatus::Met { at },
        Some(at) => RegulatoryStatus::Breached {
            working_days_late: working_days_inclusive(
                calendar,
                due_date.succ_opt().unwrap_or(due_date),
                local_date(at, calendar),
            )?,
            met_at: Some(at),
        },
        None if now >= deadline => RegulatoryStatus::Breached {
            working_days_late: working_days_inclusive(
                calendar,
                due_date.succ_opt().unwrap_or(due_date),
                local_date(now, calendar),
            )?,
            met_at: None,
        },
        None => {
            let left = working_days_inclusive(calendar, local_date(now, calendar), due_date)?;
            let threshold =
                i64::from(working_days) * i64::from(100 - regime.due_soon_percent.min(100));
            if left * 100 <= threshold {
                RegulatoryStatus::DueSoon {
                    working_days_left: left,
                }
            } else {
                RegulatoryStatus::OnTrack {
                    working_days_left: left,
                }
            }
        }
    };
    Ok(RegulatoryReport {
        medium: complaint.medium,
        received_at: complaint.received_at,
        received_date: local_date(complaint.received_at, calendar),
        start_date,
        working_days,
        due_date,
        deadline,
        extension: complaint.extension.clone(),
        extension_late,
        resolved_date: resolved.map(|at| local_date(at, calendar)),
        status,
        estimated: calendar.is_estimated(start_date, due_date),
        edition: Some(calendar.edition().stamp()),
    })
}

impl Ticket {
    /// Extends the regulatory deadline of the latest unresolved written
    /// formal complaint, after checking that the notice (`at`) comes before
    /// its deadline under `regime` on `calendar`. The regulation allows one
    /// extension, on stated grounds, notified in writing to the customer
    /// before the deadline; `note` is kept on record.
    ///
    /// # Errors
    ///
    /// [`TicketError::ExtensionTooLate`], [`TicketError::NoComplaintToExtend`],
    /// [`TicketError::ExtensionAlreadyGranted`], [`TicketError::InvalidText`],
    /// [`TicketError::Calendar`], and those of [`Ticket::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, NaiveDate, TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::ticket::{Category, Channel, ComplaintKind, ExtensionGround, RegulatoryRegime, SlaPolicy, Ticket, TicketNumber};
    ///
    /// let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, cal.time_zone(), 1)?, Channel::Email, Category::Refund, at);
    /// ticket.file_complaint(at, ComplaintKind::FormalWritten)?;
    /// let regime = RegulatoryRegime::default();
    /// ticket.extend_regulatory_deadline(
    ///     at + Duration::days(14), ExtensionGround::SpecialInvestigation,
    ///     "chargeback documents requested from the issuer", &regime, &cal,
    /// )?;
    /// let report = &ticket.sla(at + Duration::days(15), &SlaPolicy::default(), &cal)?.regulatory[0];
    /// assert_eq!(report.working_days, 40);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend_regulatory_deadline(
        &mut self,
        at: DateTime<Utc>,
        ground: ExtensionGround,
        note: &str,
        regime: &RegulatoryRegime,
        calendar: &BusinessCalendar,
    ) -> Result<(), TicketError> {
        regime.validate()?;
        let state = self.state();
        let complaint = state
            .formal_complaints
            .iter()
            .rev()
            .find(|c| c.medium == ComplaintMedium::Written && c.resolved_at.is_none())
            .ok_or(TicketError::NoComplaintToExtend)?;
        if complaint.extension.is_some() {
            return Err(TicketError::ExtensionAlreadyGranted);
        }
        let (_, _, _, deadline) = original_due(complaint, regime, calendar)?;
        if at >= deadline {
            return Err(TicketError::ExtensionTooLate { at, deadline });
        }
        self.apply(
            at,
            super::Action::ExtendRegulatoryDeadline {
                ground,
                note: note.to_owned(),
            },
        )
        .map(drop)
    }
}

/// A date as people write it: `24 December 2026`, `24 Desember 2026`,
/// `2026年12月24日` (the crate's one date printer).
pub(super) fn date_text(date: NaiveDate, locale: Locale) -> String {
    crate::locale::format_date(date, locale)
}

impl Render for RegulatoryReport {
    /// The customer-facing statement of the complaint's deadline and status.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::locale::{Locale, Render};
    /// use walletcare_core::ticket::{Category, Channel, ComplaintKind, SlaPolicy, Ticket, TicketNumber};
    ///
    /// let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, cal.time_zone(), 1)?, Channel::Hotline, Category::Refund, at);
    /// ticket.file_complaint(at, ComplaintKind::FormalOral)?;
    /// let report = &ticket.sla(at, &SlaPolicy::default(), &cal)?.regulatory[0];
    /// assert_eq!(
    ///     report.render(Locale::Id),
    ///     "Pengaduan lisan Anda kami terima pada 23 November 2026. Sesuai ketentuan OJK, \
    ///      pengaduan ini kami selesaikan dalam 5 hari kerja, paling lambat 30 November 2026."
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn render(&self, locale: Locale) -> String {
        let medium = self.medium.render(locale);
        let received = date_text(self.received_date, locale);
        let due = date_text(self.due_date, locale);
        let days = self.working_days;
        let mut text = match locale {
            Locale::En => format!(
                "We received your {medium} complaint on {received}. Under OJK rules we will \
                 resolve it within {days} working days, by {due}."
            ),
            Locale::Id => format!(
                "Pengaduan {medium} Anda kami terima pada {received}. Sesuai ketentuan OJK, \
                 pengaduan ini kami selesaikan dalam {days} hari kerja, paling lambat {due}."
            ),
            Locale::ZhCn => format!(
                "我们已于{received}收到您的{medium}投诉。根据印尼金融服务管理局（OJK）的规定，\
                 我们将在{days}个工作日内（不晚于{due}）处理完毕。"
            ),
        };
        if let Some(extension) = self.extension.as_ref().filter(|_| !self.extension_late) {
            let why = extension.ground.render(locale);
            text.push_str(&match locale {
                Locale::En => format!(" The deadline was extended because {why}."),
                Locale::Id => format!(" Batas waktu diperpanjang karena {why}."),
                Locale::ZhCn => format!("由于{why}，处理期限已延长。"),
            });
        }
        match self.status {
            RegulatoryStatus::OnTrack { .. } | RegulatoryStatus::DueSoon { .. } => {}
            RegulatoryStatus::Met { .. } => {
                let on = date_text(self.resolved_date.unwrap_or(self.due_date), locale);
                text.push_str(&match locale {
                    Locale::En => format!(" It was resolved on {on}."),
                    Locale::Id => format!(" Pengaduan telah diselesaikan pada {on}."),
                    Locale::ZhCn => format!("该投诉已于{on}处理完毕。"),
                });
            }
            RegulatoryStatus::Breached { met_at, .. } => {
                text.push_str(match locale {
                    Locale::En => " We missed this deadline and apologise.",
                    Locale::Id => " Kami melewati batas waktu ini dan mohon maaf.",
                    Locale::ZhCn => "我们未能在期限内处理完毕，深表歉意。",
                });
                if let Some(resolved) = met_at.and(self.resolved_date) {
                    let on = date_text(resolved, locale);
                    text.push_str(&match locale {
                        Locale::En => format!(" It was resolved on {on}."),
                        Locale::Id => format!(" Pengaduan telah diselesaikan pada {on}."),
                        Locale::ZhCn => format!("该投诉已于{on}处理完毕。"),
                    });
                }
            }
        }
        text
    }
}
