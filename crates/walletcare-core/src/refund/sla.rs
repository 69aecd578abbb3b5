//! The refund SLA: when an approved refund is due, counted in business days
//! on a business calendar, its status at `now`, and an explanation.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeDelta, Timelike, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{BankCode, Refund, RefundDestination, RefundError};
use crate::calendar::{BusinessCalendar, EditionStamp, NonBusinessDay, NonBusinessReason};
use crate::error::Coded;
use crate::locale::{Locale, Render};

/// The largest SLA a policy may set, in business days.
const MAX_SLA_DAYS: u32 = 365;
/// The largest "due soon" threshold, in hours (30 days).
const MAX_DUE_SOON_HOURS: u32 = 720;
/// The most banks a policy may list.
const MAX_BANKS: usize = 64;

/// How many business days a refund may take after approval, by destination,
/// and when it counts as due soon. Every setting has a default; unknown
/// settings are rejected in JSON, and a policy read from JSON is checked
/// ([`RefundSlaPolicy::validate`]) as it is read.
///
/// Defaults: wallet balance 0 business days (due by the end of the business
/// day counting starts on: a wallet credit is immediate, the SLA only bounds
/// it), cards at BCA and BRI 7 business days, cards at other banks 14, bank
/// transfers 3; due soon within 24 hours of the due instant.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::{BankCode, RefundDestination, RefundSlaPolicy};
///
/// let policy = RefundSlaPolicy::default();
/// let bca = RefundDestination::Card { bank: BankCode::BCA, last4: "1234".parse()? };
/// let bni = RefundDestination::Card { bank: "BNI".parse()?, last4: "1234".parse()? };
/// assert_eq!(policy.business_days_for(&bca), 7);
/// assert_eq!(policy.business_days_for(&bni), 14);
/// assert_eq!(policy.business_days_for(&RefundDestination::WalletBalance), 0);
///
/// let custom: RefundSlaPolicy =
///     serde_json::from_str(r#"{"wallet_balance_days":1,"card_days":{"BCA":5,"MANDIRI":7}}"#)?;
/// assert_eq!(custom.business_days_for(&bca), 5);
/// assert_eq!(custom.business_days_for(&bni), 14);
/// assert!(serde_json::from_str::<RefundSlaPolicy>(r#"{"card_days":{"B C A":5}}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "RefundSlaPolicyWire")]
pub struct RefundSlaPolicy {
    /// Business days for a refund to the wallet balance (0 = by the end of
    /// the business day counting starts on).
    pub wallet_balance_days: u32,
    /// Business days for a refund to a card, by issuing bank.
    pub card_days: BTreeMap<BankCode, u32>,
    /// Business days for a refund to a card at a bank not in `card_days`.
    pub other_card_days: u32,
    /// Business days for a refund by bank transfer.
    pub bank_transfer_days: u32,
    /// A refund is due soon once this many hours or fewer are left.
    pub due_soon_hours: u32,
}

impl Default for RefundSlaPolicy {
    fn default() -> Self {
        RefundSlaPolicy {
            wallet_balance_days: 0,
            card_days: BTreeMap::from([(BankCode::BCA, 7), (BankCode::BRI, 7)]),
            other_card_days: 14,
            bank_transfer_days: 3,
            due_soon_hours: 24,
        }
    }
}

/// The JSON form of [`RefundSlaPolicy`] before its ranges are checked.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RefundSlaPolicyWire {
    wallet_balance_days: u32,
    card_days: BTreeMap<BankCode, u32>,
    other_card_days: u32,
    bank_transfer_days: u32,
    due_soon_hours: u32,
}

impl Default for RefundSlaPolicyWire {
    fn default() -> Self {
        let p = RefundSlaPolicy::default();
        RefundSlaPolicyWire {
            wallet_balance_days: p.wallet_balance_days,
            card_days: p.card_days,
            other_card_days: p.other_card_days,
            bank_transfer_days: p.bank_transfer_days,
            due_soon_hours: p.due_soon_hours,
        }
    }
}

impl TryFrom<RefundSlaPolicyWire> for RefundSlaPolicy {
    type Error = Coded<RefundError>;
    fn try_from(w: RefundSlaPolicyWire) -> Result<Self, Self::Error> {
        let policy = RefundSlaPolicy {
            wallet_balance_days: w.wallet_balance_days,
            card_days: w.card_days,
            other_card_days: w.other_card_days,
            bank_transfer_days: w.bank_transfer_days,
            due_soon_hours: w.due_soon_hours,
        };
        policy.validate().map_err(Coded)?;
        Ok(policy)
    }
}

fn sla_range(field: &str, value: u32, max: u32) -> Result<(), RefundError> {
    if value <= max {
        Ok(())
    } else {
        Err(RefundError::InvalidPolicy {
            field: field.to_owned(),
            message: format!("{value} is more than {max}"),
        })
    }
}

impl RefundSlaPolicy {
    /// Checks every setting is in range: at most 365 business days, at most
    /// 720 hours for `due_soon_hours`, at most 64 banks.
    ///
    /// # Errors
    ///
    /// [`RefundError::InvalidPolicy`] naming the first bad setting.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::RefundSlaPolicy;
    /// assert!(RefundSlaPolicy::default().validate().is_ok());
    /// let bad = RefundSlaPolicy { other_card_days: 1_000, ..RefundSlaPolicy::default() };
    /// assert!(bad.validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), RefundError> {
        sla_range(
            "wallet_balance_days",
            self.wallet_balance_days,
            MAX_SLA_DAYS,
        )?;
        sla_range("other_card_days", self.other_card_days, MAX_SLA_DAYS)?;
        sla_range("bank_transfer_days", self.bank_transfer_days, MAX_SLA_DAYS)?;
        sla_range("due_soon_hours", self.due_soon_hours, MAX_DUE_SOON_HOURS)?;
        if self.card_days.len() > MAX_BANKS {
            return Err(RefundError::InvalidPolicy {
                field: "card_days".to_owned(),
                message: format!("{} banks is more than {MAX_BANKS}", self.card_days.len()),
            });
        }
        for (bank, days) in &self.card_days {
            sla_range(&format!("card_days.{bank}"), *days, MAX_SLA_DAYS)?;
        }
        Ok(())
    }

    /// The business days a refund to `destination` may take.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::refund::{BankCode, RefundDestination, RefundSlaPolicy};
    /// let transfer = RefundDestination::BankTransfer { bank: BankCode::BRI, account_last4: "0001".parse()? };
    /// assert_eq!(RefundSlaPolicy::default().business_days_for(&transfer), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn business_days_for(&self, destination: &RefundDestination) -> u32 {
        match destination {
            RefundDestination::WalletBalance => self.wallet_balance_days,
            RefundDestination::Card { bank, .. } => self
                .card_days
                .get(bank)
                .copied()
                .unwrap_or(self.other_card_days),
            RefundDestination::BankTransfer { .. } => self.bank_transfer_days,
        }
    }

    /// When a refund to `destination` approved at `approved_at` is due, on
    /// `calendar`.
    ///
    /// Counting starts on [`BusinessCalendar::start_date`] of the approval
    /// (the approval's local date if it is a business day and before the
    /// calendar's cut-off, otherwise the next business day); the due date is
    /// that date plus the destination's business days
    /// ([`BusinessCalendar::add_business_days`]). The due *instant* is the
    /// end of the due date in the calendar's zone: the local midnight that
    /// ends it, exclusive. A refund completed before that instant is on
    /// time.
    ///
    /// The result lists every non-business day from the approval's local date
    /// to the due date, and whether any of it falls in a year whose holidays
    /// are estimated.
    ///
    /// # Errors
    ///
    /// [`RefundError::InvalidPolicy`] for a policy out of range;
    /// [`RefundError::Calendar`] when the calendar cannot answer (a year it
    /// does not cover, a date out of range).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::refund::{BankCode, RefundDestination, RefundSlaPolicy};
    ///
    /// let calendar = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// // Monday 4 March 2024, 10:00 in Jakarta (UTC+7).
    /// let approved_at = Utc.with_ymd_and_hms(2024, 3, 4, 3, 0, 0).unwrap();
    /// let card = RefundDestination::Card { bank: BankCode::BCA, last4: "1234".parse()? };
    /// let due = RefundSlaPolicy::default().due(&calendar, approved_at, card)?;
    /// assert_eq!(due.start_date.to_string(), "2024-03-04");
    /// // Seven business days later, skipping a weekend and Nyepi (11 March)
    /// // with its cuti bersama (12 March).
    /// assert_eq!(due.due_date.to_string(), "2024-03-15");
    /// assert_eq!(due.due_at, Utc.with_ymd_and_hms(2024, 3, 15, 17, 0, 0).unwrap());
    /// assert!(!due.estimated);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due(
        &self,
        calendar: &BusinessCalendar,
        approved_at: DateTime<Utc>,
        destination: RefundDestination,
    ) -> Result<RefundDue, RefundError> {
        self.validate()?;
        let business_days = self.business_days_for(&destination);
        let tz = calendar.time_zone();
        let approved_date = crate::locale::local_date(approved_at, tz);
        let start_date = calendar.start_date(approved_at)?;
        let due_date = calendar.add_business_days(start_date, i64::from(business_days))?;
        let due_at = end_of_day(tz, due_date)?;
        let skipped = calendar.non_business_days(approved_date, due_date)?;
        let estimated = calendar.is_estimated(approved_date, due_date);
        let start = if start_date == approved_date {
            CountStart::SameDay
        } else if skipped.first().is_some_and(|d| d.date == approved_date) {
            CountStart::NonBusinessDay
        } else {
            CountStart::AfterCutoff
        };
        let due_soon_at = TimeDelta::try_hours(i64::from(self.due_soon_hours))
            .and_then(|h| due_at.checked_sub_signed(h))
            .unwrap_or(due_at);
        Ok(RefundDue {
            approved_at,
            time_zone: tz.name().to_owned(),
            cutoff: calendar.cutoff().map(|c| c.to_string()),
            destination,
            business_days,
            start,
            start_date,
            due_date,
            due_at,
            due_soon_at,
            skipped,
            estimated,
            edition: Some(calendar.edition().stamp()),
            before_approval: false,
        })
    }

    /// The SLA of a refund from its latest approval, or `None` if it was
    /// never approved. (A retried payout keeps the SLA of its approval; an
    /// approval after an appeal starts a new one.)
    ///
    /// # Errors
    ///
    /// As [`RefundSlaPolicy::due`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::refund::*;
    ///
    /// let paid_at = Utc.with_ymd_and_hms(2024, 3, 1, 3, 0, 0).unwrap();
    /// let payment = CapturedPayment {
    ///     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    ///     amount: Money::new(10_000, Currency::Idr), paid_at,
    ///     method: RefundDestination::WalletBalance,
    /// };
    /// let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// let request = RefundRequest::new(
    ///     "ORD-1".parse()?, "TX-1".parse()?, paid_at, RefundAmount::Full, RefundReason::Duplicate, None,
    /// )?;
    /// let now = paid_at + Duration::days(3); // Monday 4 March 2024, 10:00 WIB
    /// let id = book.submit("k".parse()?, request, now)?.id;
    /// let calendar = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let sla = RefundSlaPolicy::default();
    /// let refund = book.get(id).ok_or("missing")?;
    /// assert!(sla.due_for(&calendar, refund)?.is_none());
    ///
    /// book.apply(id, RefundAction::StartReview, now)?;
    /// book.apply(id, RefundAction::Approve, now)?;
    /// let refund = book.get(id).ok_or("missing")?;
    /// let due = sla.due_for(&calendar, refund)?.ok_or("not approved")?;
    /// assert_eq!(due.due_date.to_string(), "2024-03-04"); // same business day
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due_for(
        &self,
        calendar: &BusinessCalendar,
        refund: &Refund,
    ) -> Result<Option<RefundDue>, RefundError> {
        refund
            .approved_at()
            .map(|at| self.due(calendar, at, refund.destination))
            .transpose()
    }
}

impl RefundSlaPolicy {
    /// The due date to tell a user at any point of the refund's life: the
    /// actual one once approved ([`RefundSlaPolicy::due_for`]); before
    /// approval, while the refund is still being decided (submitted, under
    /// review, appealed, in second review), an estimate as if it were
    /// approved at `now`, marked [`RefundDue::before_approval`] and rendered
    /// as "expected by ... if approved today"; `None` for a refund that was
    /// cancelled or rejected without ever being approved.
    ///
    /// # Errors
    ///
    /// As [`RefundSlaPolicy::due`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::locale::{Locale, Render};
    /// use walletcare_core::money::{Currency, Money};
    /// use walletcare_core::refund::*;
    ///
    /// let paid_at = Utc.with_ymd_and_hms(2024, 3, 1, 3, 0, 0).unwrap();
    /// let payment = CapturedPayment {
    ///     transaction_id: "TX-1".parse()?, order_number: "ORD-1".parse()?,
    ///     amount: Money::new(10_000_000, Currency::Idr), paid_at,
    ///     method: RefundDestination::WalletBalance,
    /// };
    /// let mut book = RefundBook::new(payment, RefundPolicy::default())?;
    /// let request = book.request(RefundAmount::Full, RefundReason::Duplicate, None)?;
    /// let now = paid_at + Duration::days(3); // Monday 4 March 2024, 10:00 WIB
    /// let id = book.submit("k".parse()?, request, now)?.id;
    /// let calendar = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let sla = RefundSlaPolicy::default();
    ///
    /// let estimate = sla.due_at_request(&calendar, book.get(id).ok_or("missing")?, now)?.ok_or("none")?;
    /// assert!(estimate.before_approval);
    /// let text = estimate.render(Locale::En);
    /// assert!(text.contains("expected by") && text.contains("if it is approved today"), "{text}");
    /// assert!(!text.contains("was approved"));
    ///
    /// let later = now + Duration::days(1);
    /// book.apply(id, RefundAction::StartReview, later)?;
    /// book.apply(id, RefundAction::Approve, later)?;
    /// let actual = sla.due_at_request(&calendar, book.get(id).ok_or("missing")?, later + Duration::days(1))?.ok_or("none")?;
    /// assert!(!actual.before_approval);
    /// assert_eq!(actual.approved_at, later);
    /// assert!(actual.render(Locale::En).contains("was approved on"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due_at_request(
        &self,
        calendar: &BusinessCalendar,
        refund: &Refund,
        now: DateTime<Utc>,
    ) -> Result<Option<RefundDue>, RefundError> {
        if let Some(due) = self.due_for(calendar, refund)? {
            return Ok(Some(due));
        }
        if !refund.status.holds_money() {
            return Ok(None);
        }
        let mut due = self.due(calendar, now, refund.destination)?;
        due.before_approval = true;
        Ok(Some(due))
    }
}

/// The instant `date` ends in `tz`: the calendar's one end-of-day rule
/// ([`crate::calendar::end_of_day`]).
fn end_of_day(tz: Tz, date: NaiveDate) -> Result<DateTime<Utc>, RefundError> {
    Ok(crate::calendar::end_of_day(tz, date)?)
}

/// Why counting starts on the day it does.
///
/// # Examples
///
/// ```
/// use walletcare_core::refund::CountStart;
/// assert_eq!(serde_json::to_string(&CountStart::AfterCutoff)?, "\"after_cutoff\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CountStart {
    /// Approved on a business day before the cut-off: counting starts that
    /// day.
    SameDay,
    /// Approved on a business day at or after the cut-off: counting starts on
    /// the next business day.
    AfterCutoff,
    /// Approved on a weekend or holiday: counting starts on the next
    /// business day.
    NonBusinessDay,
}

crate::names::names!(as_str display from_str: refund::CountStart as "count start" {
    SameDay => "same_day",
    AfterCutoff => "after_cutoff",
    NonBusinessDay => "non_business_day",
});

/// When an approved refund is due, and why: the answer of
/// [`RefundSlaPolicy::due`]. Renders as an explanation naming the weekends
/// and holidays skipped, with dates written naturally for each locale, and a
/// warning when the calendar's holidays for a year involved are estimated.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::refund::{BankCode, RefundDestination, RefundSlaPolicy};
///
/// let calendar = BusinessCalendar::builtin(CalendarId::Indonesia);
/// // Friday 5 April 2024, 11:00 WIB, just before Idul Fitri.
/// let approved_at = Utc.with_ymd_and_hms(2024, 4, 5, 4, 0, 0).unwrap();
/// let card = RefundDestination::Card { bank: BankCode::BRI, last4: "4321".parse()? };
/// let due = RefundSlaPolicy::default().due(&calendar, approved_at, card)?;
/// let id = due.render(Locale::Id);
/// assert!(id.contains("Hari Raya Idulfitri"));
/// assert!(id.contains(&walletcare_core::refund::format_date(due.due_date, Locale::Id)));
/// assert!(due.render(Locale::ZhCn).contains("开斋节"));
/// assert!(due.render(Locale::En).contains("Eid al-Fitr"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct RefundDue {
    /// When the refund was approved.
    pub approved_at: DateTime<Utc>,
    /// The calendar's IANA time zone.
    pub time_zone: String,
    /// The calendar's daily cut-off (`HH:MM`), if it has one.
    pub cutoff: Option<String>,
    /// Where the money goes.
    pub destination: RefundDestination,
    /// The business days allowed.
    pub business_days: u32,
    /// Why counting starts on `start_date`.
    pub start: CountStart,
    /// The business day counting starts on.
    pub start_date: NaiveDate,
    /// The business day by the end of which the refund is due.
    pub due_date: NaiveDate,
    /// The end of `due_date` in the calendar's zone (exclusive).
    pub due_at: DateTime<Utc>,
    /// From this instant on, the refund is due soon.
    pub due_soon_at: DateTime<Utc>,
    /// Every weekend day and holiday from the approval's local date to the
    /// due date.
    pub skipped: Vec<NonBusinessDay>,
    /// Whether the answer depends on a year whose holidays are estimated.
    pub estimated: bool,
    /// The calendar edition that computed this result
    /// ([`crate::calendar::EditionStamp`]); absent in results stored before
    /// editions existed. Compare it with the current calendar's to find
    /// results to recompute ([`crate::calendar::compare_editions`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<EditionStamp>,
    /// Whether this is an estimate made before approval: `approved_at` is
    /// then the time of the request for it, as if the refund were approved
    /// at once ([`RefundSlaPolicy::due_at_request`]). Absent (false) for the
    /// due date of an approved refund.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub before_approval: bool,
}

impl RefundDue {
    /// Where a refund with this SLA stands at `now`: completed on time or
    /// late if `completed_at` is given, otherwise on track, due soon or
    /// breached. Durations are wall-clock time to or from the due instant.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::refund::{RefundDestination, RefundSlaPolicy, SlaStatus};
    ///
    /// let calendar = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let approved_at = Utc.with_ymd_and_hms(2024, 3, 4, 3, 0, 0).unwrap(); // 10:00 WIB
    /// let due = RefundSlaPolicy::default().due(&calendar, approved_at, RefundDestination::WalletBalance)?;
    /// // Due at midnight WIB = 17:00 UTC; due soon from 24 hours before.
    /// assert_eq!(due.status(approved_at, None), SlaStatus::DueSoon { remaining_seconds: 14 * 3600 });
    /// let late = due.due_at + Duration::minutes(5);
    /// assert_eq!(due.status(late, None), SlaStatus::Breached { overdue_seconds: 300 });
    /// let done = approved_at + Duration::hours(1);
    /// assert_eq!(due.status(late, Some(done)), SlaStatus::CompletedOnTime { margin_seconds: 13 * 3600 });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self, now: DateTime<Utc>, completed_at: Option<DateTime<Utc>>) -> SlaStatus {
        let seconds = |later: DateTime<Utc>, earlier: DateTime<Utc>| {
            later.signed_duration_since(earlier).num_seconds()
        };
        match completed_at {
            Some(done) if done < self.due_at => SlaStatus::CompletedOnTime {
                margin_seconds: seconds(self.due_at, done),
            },
            Some(done) => SlaStatus::CompletedLate {
                late_seconds: seconds(done, self.due_at),
            },
            None if now >= self.due_at => SlaStatus::Breached {
                overdue_seconds: seconds(now, self.due_at),
            },
            None if now >= self.due_soon_at => SlaStatus::DueSoon {
                remaining_seconds: seconds(self.due_at, now),
            },
            None => SlaStatus::OnTrack {
                remaining_seconds: seconds(self.due_at, now),
            },
        }
    }

    /// The weekends and holidays skipped, as in [`RefundDue::skipped`], but
    /// only the holidays.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::refund::{RefundDestination, RefundSlaPolicy};
    /// let calendar = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let approved_at = Utc.with_ymd_and_hms(2024, 3, 4, 3, 0, 0).unwrap();
    /// let card = RefundDestination::Card { bank: "BNI".parse()?, last4: "1234".parse()? };
    /// let due = RefundSlaPolicy::default().due(&calendar, approved_at, card)?;
    /// let names: Vec<&str> = due.holidays().map(|h| h.name.as_str()).collect();
    /// assert!(names.iter().any(|n| n.contains("Nyepi")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holidays(&self) -> impl Iterator<Item = &crate::calendar::Holiday> {
        self.skipped.iter().filter_map(|d| match &d.reason {
            NonBusinessReason::Holiday(h) => Some(h),
            NonBusinessReason::Weekend => None,
        })
    }

    fn zone_label(&self) -> String {
        match self.time_zone.parse::<Tz>() {
            Ok(tz) => crate::locale::zone_label(&self.approved_at.with_timezone(&tz)),
            Err(_) => self.time_zone.clone(),
        }
    }

    fn local_approval(&self) -> (NaiveDate, u32, u32) {
        match self.time_zone.parse::<Tz>() {
            Ok(tz) => {
                let local = self.approved_at.with_timezone(&tz);
                (local.date_naive(), local.hour(), local.minute())
            }
            Err(_) => (
                self.approved_at.date_naive(),
                self.approved_at.hour(),
                self.approved_at.minute(),
            ),
        }
    }
}

fn render_skipped(day: &NonBusinessDay, locale: Locale) -> String {
    let date = format_date(day.date, locale);
    match &day.reason {
        NonBusinessReason::Weekend => match locale {
            Locale::En => format!("{date} (weekend)"),
            Locale::Id => format!("{date} (akhir pekan)"),
            Locale::ZhCn => format!("{date}：周末"),
        },
        NonBusinessReason::Holiday(h) => {
            let name = h.name_in(locale);
            let kind = h.kind.render(locale);
            let estimated = if h.estimated {
                locale.pick(", estimated date", ", tanggal perkiraan", "，日期为预估")
            } else {
                ""
            };
            match locale {
                Locale::ZhCn => format!("{date}：{name}（{kind}{estimated}）"),
                _ => format!("{date}: {name} ({kind}{estimated})"),
            }
        }
    }
}

impl Render for RefundDue {
    fn render(&self, locale: Locale) -> String {
        let destination = self.destination.render(locale);
        let (approved_date, hour, minute) = self.local_approval();
        let approved = format_date(approved_date, locale);
        let zone = self.zone_label();
        let start = format_date(self.start_date, locale);
        let due = format_date(self.due_date, locale);
        let cutoff = self.cutoff.clone().unwrap_or_default();
        let n = self.business_days;
        let mut parts: Vec<String> = Vec::new();

        if self.before_approval {
            parts.push(match locale {
                Locale::En => format!(
                    "Estimate: your refund to {destination} is expected by the end of {due} ({zone}) if it is approved today, within {n} business days counted from {start}. The due date is set when it is approved."
                ),
                Locale::Id => format!(
                    "Perkiraan: pengembalian dana ke {destination} diperkirakan masuk paling lambat akhir hari {due} ({zone}) jika disetujui hari ini, dalam {n} hari kerja terhitung mulai {start}. Batas waktu pasti ditetapkan saat disetujui."
                ),
                Locale::ZhCn => format!(
                    "预估：如果您退至{destination}的退款今天获批，预计最晚于{due}当天结束前（{zone}）到账，即自{start}起{n}个工作日内。实际到期日在批准时确定。"
                ),
            });
        }
        if !self.before_approval {
            parts.push(match locale {
            Locale::En => format!(
                "Your refund to {destination} was approved on {approved} at {hour:02}:{minute:02} {zone}."
            ),
            Locale::Id => format!(
                "Pengembalian dana ke {destination} disetujui pada {approved} pukul {hour:02}.{minute:02} {zone}."
            ),
            Locale::ZhCn => {
                format!("您退至{destination}的退款已于{approved}{hour:02}:{minute:02}（{zone}）批准。")
            }
        });
            parts.push(match (self.start, locale) {
            (CountStart::SameDay, Locale::En) => {
                "Business days are counted from that day.".to_owned()
            }
            (CountStart::SameDay, Locale::Id) => "Hari kerja dihitung mulai hari itu.".to_owned(),
            (CountStart::SameDay, Locale::ZhCn) => "工作日自当天起计算。".to_owned(),
            (CountStart::AfterCutoff, Locale::En) => format!(
                "It was approved after the daily cut-off ({cutoff} {zone}), so business days are counted from {start}."
            ),
            (CountStart::AfterCutoff, Locale::Id) => format!(
                "Persetujuan diberikan setelah batas waktu harian (pukul {} {zone}), sehingga hari kerja dihitung mulai {start}.",
                cutoff.replace(':', ".")
            ),
            (CountStart::AfterCutoff, Locale::ZhCn) => {
                format!("由于批准时间晚于每日截止时间（{cutoff}，{zone}），工作日自{start}起计算。")
            }
            (CountStart::NonBusinessDay, Locale::En) => format!(
                "It was approved on a weekend or holiday, so business days are counted from {start}."
            ),
            (CountStart::NonBusinessDay, Locale::Id) => format!(
                "Persetujuan diberikan pada hari libur, sehingga hari kerja dihitung mulai {start}."
            ),
            (CountStart::NonBusinessDay, Locale::ZhCn) => {
                format!("由于在非工作日批准，工作日自{start}起计算。")
            }
        });
            parts.push(match (n, locale) {
            (0, Locale::En) => format!(
                "It is due the same business day: by the end of {due} ({zone})."
            ),
            (0, Locale::Id) => format!(
                "Batas waktunya hari kerja yang sama, yaitu paling lambat akhir hari {due} ({zone})."
            ),
            (0, Locale::ZhCn) => format!("处理时限为当个工作日，即最晚于{due}当天结束前（{zone}）到账。"),
            (1, Locale::En) => format!(
                "It is due within 1 business day: by the end of {due} ({zone})."
            ),
            (_, Locale::En) => format!(
                "It is due within {n} business days: by the end of {due} ({zone})."
            ),
            (_, Locale::Id) => format!(
                "Batas waktunya {n} hari kerja, yaitu paling lambat akhir hari {due} ({zone})."
            ),
            (_, Locale::ZhCn) => {
                format!("处理时限为{n}个工作日，即最晚于{due}当天结束前（{zone}）到账。")
            }
        });
        }
        if self.skipped.is_empty() {
            parts.push(
                locale
                    .pick(
                        "No weekends or holidays fall in this period.",
                        "Tidak ada akhir pekan atau hari libur dalam periode ini.",
                        "此期间没有周末或节假日。",
                    )
                    .to_owned(),
            );
        } else {
            let items: Vec<String> = self
                .skipped
                .iter()
                .map(|d| render_skipped(d, locale))
                .collect();
            parts.push(match locale {
                Locale::En => format!("Days not counted: {}.", items.join("; ")),
                Locale::Id => format!("Hari yang tidak dihitung: {}.", items.join("; ")),
                Locale::ZhCn => format!("不计入的日期：{}。", items.join("；")),
            });
        }
        if self.estimated {
            parts.push(
                locale
                    .pick(
                        "Note: some holiday dates in this period are estimates until the official decree is published, so the due date may change.",
                        "Catatan: sebagian tanggal libur dalam periode ini masih perkiraan sampai keputusan resminya terbit, sehingga batas waktu dapat berubah.",
                        "注意：此期间部分节假日日期在官方公告发布前为预估，到期日可能会调整。",
                    )
                    .to_owned(),
            );
        }
        let separator = if locale == Locale::ZhCn { "" } else { " " };
        parts.join(separator)
    }
}

/// Where a refund stands against its SLA. The JSON form is tagged by
/// `state`: `{"state":"due_soon","remaining_seconds":3600}`. Renders in
/// every locale.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::refund::SlaStatus;
///
/// let s = SlaStatus::Breached { overdue_seconds: 26 * 3600 };
/// assert_eq!(serde_json::to_string(&s)?, r#"{"state":"breached","overdue_seconds":93600}"#);
/// assert_eq!(s.render(Locale::En), "Overdue by 1 day 2 hours");
/// assert_eq!(s.render(Locale::Id), "Terlambat 1 hari 2 jam");
/// assert_eq!(s.render(Locale::ZhCn), "已超时1天2小时");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "RefundSlaStatus")
)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub enum SlaStatus {
    /// More than the due-soon threshold is left.
    OnTrack {
        /// Seconds until the due instant.
        remaining_seconds: i64,
    },
    /// The due instant is near.
    DueSoon {
        /// Seconds until the due instant.
        remaining_seconds: i64,
    },
    /// The due instant has passed and the refund is not completed.
    Breached {
        /// Seconds since the due instant.
        overdue_seconds: i64,
    },
    /// Completed before the due instant.
    CompletedOnTime {
        /// Seconds it was completed before the due instant.
        margin_seconds: i64,
    },
    /// Completed at or after the due instant.
    CompletedLate {
        /// Seconds it was completed after the due instant.
        late_seconds: i64,
    },
}

/// "2 days 3 hours", "5 hours 10 minutes", "45 minutes": the crate's one
/// duration printer.
fn format_span(seconds: i64, locale: Locale) -> String {
    crate::locale::format_duration(seconds, crate::locale::DurationUnit::Days, locale)
}

impl Render for SlaStatus {
    fn render(&self, locale: Locale) -> String {
        match *self {
            SlaStatus::OnTrack { remaining_seconds } => {
                let left = format_span(remaining_seconds, locale);
                match locale {
                    Locale::En => format!("On track: {left} left"),
                    Locale::Id => format!("Sesuai jadwal: sisa {left}"),
                    Locale::ZhCn => format!("进度正常：还剩{left}"),
                }
            }
            SlaStatus::DueSoon { remaining_seconds } => {
                let left = format_span(remaining_seconds, locale);
                match locale {
                    Locale::En => format!("Due soon: {left} left"),
                    Locale::Id => format!("Segera jatuh tempo: sisa {left}"),
                    Locale::ZhCn => format!("即将到期：还剩{left}"),
                }
            }
            SlaStatus::Breached { overdue_seconds } => {
                let over = format_span(overdue_seconds, locale);
                match locale {
                    Locale::En => format!("Overdue by {over}"),
                    Locale::Id => format!("Terlambat {over}"),
                    Locale::ZhCn => format!("已超时{over}"),
                }
            }
            SlaStatus::CompletedOnTime { .. } => locale
                .pick("Completed on time", "Selesai tepat waktu", "已按时完成")
                .to_owned(),
            SlaStatus::CompletedLate { late_seconds } => {
                let late = format_span(late_seconds, locale);
                match locale {
                    Locale::En => format!("Completed {late} late"),
                    Locale::Id => format!("Selesai dengan keterlambatan {late}"),
                    Locale::ZhCn => format!("已完成，但超时{late}"),
                }
            }
        }
    }
}

/// A date written the way each locale writes it in a sentence, with its
/// weekday: `Wednesday, 6 January 2027`, `Rabu, 6 Januari 2027`,
/// `2027年1月6日（星期三）`. The crate's one dated-with-weekday printer,
/// [`crate::locale::format_weekday_date`], under the name refunds have
/// always used.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use walletcare_core::locale::Locale;
/// use walletcare_core::refund::format_date;
///
/// let d = NaiveDate::from_ymd_opt(2027, 1, 6).ok_or("bad date")?;
/// assert_eq!(format_date(d, Locale::En), "Wednesday, 6 January 2027");
/// assert_eq!(format_date(d, Locale::Id), "Rabu, 6 Januari 2027");
/// assert_eq!(format_date(d, Locale::ZhCn), "2027年1月6日（星期三）");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn format_date(date: NaiveDate, locale: Locale) -> String {
    crate::locale::format_weekday_date(date, locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_written_naturally() {
        assert_eq!(format_span(0, Locale::En), "less than a minute");
        assert_eq!(format_span(61, Locale::En), "1 minute");
        assert_eq!(
            format_span(3_600 * 5 + 600, Locale::En),
            "5 hours 10 minutes"
        );
        assert_eq!(format_span(86_400 * 2 + 3_600, Locale::Id), "2 hari 1 jam");
        assert_eq!(format_span(86_400 + 59, Locale::ZhCn), "1天");
        assert_eq!(format_span(-5, Locale::En), "less than a minute");
        assert!(format_span(i64::MAX, Locale::En).starts_with("106751991167300 days"));
    }

    #[test]
    fn a_zone_without_a_letter_abbreviation_is_labelled_by_its_offset() {
        use crate::calendar::CalendarId;
        use chrono::TimeZone;
        // Asia/Singapore's tzdb abbreviation is "+08"; every printed time
        // labels such a zone "UTC+08:00", as `format_instant` does.
        let calendar = BusinessCalendar::builtin(CalendarId::Singapore);
        let approved_at = Utc.with_ymd_and_hms(2026, 3, 4, 3, 0, 0).unwrap();
        let due = RefundSlaPolicy::default()
            .due(&calendar, approved_at, RefundDestination::WalletBalance)
            .unwrap();
        let text = due.render(Locale::En);
        assert!(text.contains("at 11:00 UTC+08:00."), "{text}");
        assert!(!text.contains("+08 "), "{text}");
        let jakarta = RefundSlaPolicy::default()
            .due(
                &BusinessCalendar::builtin(CalendarId::Indonesia),
                approved_at,
                RefundDestination::WalletBalance,
            )
            .unwrap();
        assert!(jakarta.render(Locale::En).contains("at 10:00 WIB."));
    }

    #[test]
    fn end_of_day_is_local_midnight() {
        let jakarta: Tz = "Asia/Jakarta".parse().unwrap();
        let d = NaiveDate::from_ymd_opt(2027, 1, 6).unwrap();
        let end = end_of_day(jakarta, d).unwrap();
        assert_eq!(end.to_rfc3339(), "2027-01-06T17:00:00+00:00");
        // A zone whose clocks jump at midnight: Santiago skips 00:00-01:00
        // on its spring-forward day (2024-09-08).
        let santiago: Tz = "America/Santiago".parse().unwrap();
        let d = NaiveDate::from_ymd_opt(2024, 9, 7).unwrap();
        let end = end_of_day(santiago, d).unwrap();
        assert_eq!(end.to_rfc3339(), "2024-09-08T04:00:00+00:00");
        assert!(end_of_day(jakarta, NaiveDate::MAX).is_err());
    }
}
