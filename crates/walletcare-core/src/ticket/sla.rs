//! SLA clocks at an explicit `now`: a pure fold over the event log.
//!
//! Each clock keeps two accumulators of elapsed time over its closed running
//! intervals — business time on the calendar and wall time — so that a
//! priority change that switches a target from one basis to the other keeps
//! the time already elapsed. An interval is only measured when the clock
//! stops, pauses or changes target, and once more at `now`: one
//! [`BusinessCalendar::business_duration_between`] and at most one
//! [`BusinessCalendar::add_business_duration`] per change, whatever the
//! number of days elapsed.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::lifecycle::TicketState;
use super::regulatory::{RegulatoryReport, RegulatoryStatus, regulatory_report};
use super::{
    Action, EscalationCause, EscalationLevel, Priority, SlaClock, SlaPolicy, SlaTarget, SlaTargets,
    Status, Ticket, TicketError, TimeBasis,
};
use crate::calendar::{BusinessCalendar, EditionStamp};

/// Where one SLA clock stands at `now`. The JSON form is tagged by `state`:
/// `{"state":"on_track","due_at":"...","remaining_seconds":3600}`.
///
/// Durations are in the clock's basis (business or wall seconds, see
/// [`ClockReport::target`]).
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::SlaStatus;
/// let status: SlaStatus = serde_json::from_str(r#"{"state":"paused","remaining_seconds":600}"#)?;
/// assert_eq!(status, SlaStatus::Paused { remaining_seconds: 600 });
/// assert!(!status.is_breached());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub enum SlaStatus {
    /// The clock is not running: no customer message waits for a reply (next
    /// response only).
    NotRunning,
    /// Running, with time left.
    OnTrack {
        /// When the target will be reached if the clock keeps running.
        due_at: DateTime<Utc>,
        /// Time left.
        remaining_seconds: i64,
    },
    /// Running, and at least the due-soon share of the target has elapsed.
    DueSoon {
        /// When the target will be reached.
        due_at: DateTime<Utc>,
        /// Time left.
        remaining_seconds: i64,
    },
    /// Paused (waiting on the customer) with time left.
    Paused {
        /// Time left when the clock resumes.
        remaining_seconds: i64,
    },
    /// Met within the target.
    Met {
        /// When.
        at: DateTime<Utc>,
    },
    /// The target was missed. Breaches are never undone: a late response, a
    /// later pause or a lower priority leave the clock breached.
    Breached {
        /// When the target was reached (for a target shortened by a priority
        /// change, the time of the change if that is later).
        breached_at: DateTime<Utc>,
        /// How far past the target, so far (or when it was met).
        overdue_seconds: i64,
        /// When the clock was finally met, if it was.
        met_at: Option<DateTime<Utc>>,
    },
}

impl SlaStatus {
    /// Whether the clock is breached.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::SlaStatus;
    /// assert!(!SlaStatus::NotRunning.is_breached());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_breached(&self) -> bool {
        matches!(self, SlaStatus::Breached { .. })
    }
}

/// One clock at `now`: its target, the time elapsed in the target's basis,
/// and its status.
///
/// # Examples
///
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
/// use walletcare_core::ticket::{Category, Channel, SlaPolicy, SlaStatus, Ticket, TicketNumber};
///
/// let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
/// let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).single().ok_or("time")?; // Mon 09:00 WIB
/// let number = TicketNumber::for_instant(t0, cal.time_zone(), 1)?;
/// let ticket = Ticket::new(number, Channel::Email, Category::Refund, t0);
/// let report = ticket.sla(t0 + Duration::hours(2), &SlaPolicy::default(), &cal)?;
/// assert_eq!(report.first_response.elapsed_seconds, 2 * 3600);
/// assert!(matches!(report.first_response.status, SlaStatus::OnTrack { remaining_seconds: 21_600, .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockReport {
    /// Which clock.
    pub clock: SlaClock,
    /// The target in force at `now`.
    pub target: SlaTarget,
    /// Time counted so far, in the target's basis (for next response: in the
    /// latest cycle).
    pub elapsed_seconds: i64,
    /// The status.
    pub status: SlaStatus,
}

/// Every clock of a ticket at `now`, the regulatory clocks, and the
/// escalation level.
///
/// # Examples
///
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
/// use walletcare_core::ticket::{Category, Channel, EscalationLevel, SlaPolicy, Ticket, TicketNumber};
///
/// let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
/// let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).single().ok_or("time")?;
/// let ticket = Ticket::new(TicketNumber::for_instant(t0, cal.time_zone(), 1)?, Channel::Chat, Category::Technical, t0);
/// // Chat: 2 minutes of wall time for the first response.
/// let report = ticket.sla(t0 + Duration::minutes(5), &SlaPolicy::default(), &cal)?;
/// assert!(report.first_response.status.is_breached());
/// assert_eq!(report.escalation, EscalationLevel::Supervisor); // automatic
/// assert_eq!(report.recorded_escalation, EscalationLevel::Agent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlaReport {
    /// The `now` the report is for.
    pub now: DateTime<Utc>,
    /// The ticket's status at `now`.
    pub status: Status,
    /// Its priority at `now`.
    pub priority: Priority,
    /// Whether the clocks are paused at `now`.
    pub paused: bool,
    /// First response.
    pub first_response: ClockReport,
    /// Next response (the latest cycle).
    pub next_response: ClockReport,
    /// How many next-response cycles were breached, in total.
    pub next_response_breaches: u32,
    /// Resolution.
    pub resolution: ClockReport,
    /// The regulatory clock of each formal complaint, oldest first (kept
    /// apart from the internal SLAs: different rules, working days only, no
    /// pause).
    pub regulatory: Vec<RegulatoryReport>,
    /// The level recorded by escalation events.
    pub recorded_escalation: EscalationLevel,
    /// The effective level: the recorded one or, if higher, the one the
    /// breaches call for ([`SlaPolicy::escalation`]).
    pub escalation: EscalationLevel,
    /// Whether any answer depends on estimated calendar data.
    pub estimated: bool,
    /// The calendar edition that computed this result
    /// ([`crate::calendar::EditionStamp`]); absent in results stored before
    /// editions existed. Compare it with the current calendar's to find
    /// results to recompute ([`crate::calendar::compare_editions`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<EditionStamp>,
}

/// A running interval of a clock.
#[derive(Debug, Clone, Copy)]
struct Interval {
    since: DateTime<Utc>,
    /// When the target is reached if the clock keeps running (`None` if it
    /// was already past the target when the interval opened).
    due: Option<DateTime<Utc>>,
}

/// The fold state of one clock (for next response: of the current cycle).
#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    business: TimeDelta,
    wall: TimeDelta,
    open: Option<Interval>,
    breached_at: Option<DateTime<Utc>>,
    stopped_at: Option<DateTime<Utc>>,
    started: bool,
}

/// The calendar, the policy and what is precomputed from them.
struct Ctx<'a> {
    calendar: &'a BusinessCalendar,
    policy: &'a SlaPolicy,
    /// Targets for each priority, indexed by `Priority as usize`.
    targets: [SlaTargets; 4],
    uses_business: bool,
}

const fn priority_index(priority: Priority) -> usize {
    match priority {
        Priority::Low => 0,
        Priority::Normal => 1,
        Priority::High => 2,
        Priority::Urgent => 3,
    }
}

/// The target's length and basis (`live` counts as zero wall time).
fn length(target: SlaTarget) -> (TimeDelta, TimeBasis) {
    match target {
        SlaTarget::Live => (TimeDelta::zero(), TimeBasis::Wall),
        SlaTarget::Within { seconds, basis } => (TimeDelta::seconds(i64::from(seconds)), basis),
    }
}

impl Ctx<'_> {
    fn targets(&self, priority: Priority) -> SlaTargets {
        self.targets
            .get(priority_index(priority))
            .copied()
            .unwrap_or(self.policy.fallback)
    }

    fn business_between(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Result<TimeDelta, TicketError> {
        if !self.uses_business || end <= start {
            return Ok(TimeDelta::zero());
        }
        Ok(self.calendar.business_duration_between(start, end)?)
    }

    fn advance(
        &self,
        at: DateTime<Utc>,
        by: TimeDelta,
        basis: TimeBasis,
    ) -> Result<DateTime<Utc>, TicketError> {
        match basis {
            TimeBasis::Business => Ok(self.calendar.add_business_duration(at, by)?),
            TimeBasis::Wall => at.checked_add_signed(by).ok_or(TicketError::Calendar(
                crate::calendar::CalendarError::DateOutOfRange,
            )),
        }
    }
}

impl Acc {
    fn elapsed(&self, basis: TimeBasis) -> TimeDelta {
        match basis {
            TimeBasis::Business => self.business,
            TimeBasis::Wall => self.wall,
        }
    }

    /// Starts a running interval at `t` under `target`.
    fn open(
        &mut self,
        ctx: &Ctx<'_>,
        t: DateTime<Utc>,
        target: SlaTarget,
    ) -> Result<(), TicketError> {
        self.started = true;
        let (len, basis) = length(target);
        let remaining = len - self.elapsed(basis);
        let due = if remaining < TimeDelta::zero() {
            // Already past a target that just got shorter: breached now.
            self.breached_at.get_or_insert(t);
            None
        } else {
            Some(ctx.advance(t, remaining, basis)?)
        };
        self.open = Some(Interval { since: t, due });
        Ok(())
    }

    /// Ends the running interval at `t`, counting its time.
    fn close(&mut self, ctx: &Ctx<'_>, t: DateTime<Utc>) -> Result<(), TicketError> {
        if let Some(interval) = self.open.take() {
            if let Some(due) = interval.due {
                if t > due {
                    self.breached_at.get_or_insert(due);
                }
            }
            self.business += ctx.business_between(interval.since, t)?;
            self.wall += (t - interval.since).max(TimeDelta::zero());
        }
        Ok(())
    }

    /// A paused clock whose target shrank below its elapsed time.
    fn retarget_paused(&mut self, t: DateTime<Utc>, target: SlaTarget) {
        let (len, basis) = length(target);
        if self.started && self.stopped_at.is_none() && self.elapsed(basis) > len {
            self.breached_at.get_or_insert(t);
        }
    }

    /// The report at `now`.
    fn report(
        &self,
        ctx: &Ctx<'_>,
        clock: SlaClock,
        target: SlaTarget,
        now: DateTime<Utc>,
    ) -> Result<ClockReport, TicketError> {
        let (len, basis) = length(target);
        let mut elapsed = self.elapsed(basis);
        let mut breached_at = self.breached_at;
        if let Some(interval) = self.open {
            elapsed += match basis {
                TimeBasis::Business => ctx.business_between(interval.since, now)?,
                TimeBasis::Wall => (now - interval.since).max(TimeDelta::zero()),
            };
            if breached_at.is_none() {
                if let Some(due) = interval.due.filter(|due| now > *due) {
                    breached_at = Some(due);
                }
            }
        }
        let remaining = (len - elapsed).num_seconds();
        let status = if let Some(breached_at) = breached_at {
            SlaStatus::Breached {
                breached_at,
                overdue_seconds: (elapsed - len).num_seconds().max(0),
                met_at: self.stopped_at,
            }
        } else if let Some(at) = self.stopped_at {
            SlaStatus::Met { at }
        } else if let Some(interval) = self.open {
            let due_at = interval.due.unwrap_or(now);
            let due_soon = i128::from(elapsed.num_seconds()) * 100
                >= i128::from(len.num_seconds()) * i128::from(ctx.policy.due_soon_percent);
            if due_soon {
                SlaStatus::DueSoon {
                    due_at,
                    remaining_seconds: remaining.max(0),
                }
            } else {
                SlaStatus::OnTrack {
                    due_at,
                    remaining_seconds: remaining.max(0),
                }
            }
        } else if self.started {
            SlaStatus::Paused {
                remaining_seconds: remaining.max(0),
            }
        } else {
            SlaStatus::NotRunning
        };
        Ok(ClockReport {
            clock,
            target,
            elapsed_seconds: elapsed.num_seconds(),
            status,
        })
    }
}

/// Which clocks run in a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Running {
    first: bool,
    next: bool,
    resolution: bool,
}

fn is_paused(state: &TicketState, policy: &SlaPolicy) -> bool {
    state.status == Status::PendingCustomer
        || (state.status == Status::PendingThirdParty && policy.pause_on_third_party)
}

fn running(state: &TicketState, policy: &SlaPolicy, first_live: bool) -> Running {
    let active = state.status.is_active() && !is_paused(state, policy);
    Running {
        first: active && !first_live && state.first_response_at.is_none(),
        next: active && state.awaiting_reply_since.is_some(),
        resolution: active,
    }
}

/// Moves one clock across an event at `t`.
fn step(
    ctx: &Ctx<'_>,
    acc: &mut Acc,
    t: DateTime<Utc>,
    (was_running, old_target): (bool, SlaTarget),
    (is_running, new_target): (bool, SlaTarget),
) -> Result<(), TicketError> {
    let retarget = old_target != new_target;
    if was_running && (!is_running || retarget) {
        acc.close(ctx, t)?;
    }
    if is_running && (!was_running || retarget) {
        acc.open(ctx, t, new_target)?;
    } else if !is_running && retarget {
        acc.retarget_paused(t, new_target);
    }
    Ok(())
}

impl Ticket {
    /// The SLA report at `now`: the three internal clocks, the regulatory
    /// clocks and the effective escalation level. A pure function of the
    /// events up to `now` (later events are ignored, so past states can be
    /// replayed), the policy and the calendar.
    ///
    /// The rules, in short (the [module documentation](super) has them all):
    /// clocks pause in `pending_customer` (and in `pending_third_party` if
    /// the policy says so); resolution resumes after a reopen with its time
    /// so far; a priority change applies the new priority's targets to the
    /// time elapsed since the start, never restarting; breaches stay
    /// breached.
    ///
    /// # Errors
    ///
    /// [`TicketError::NowBeforeCreation`], [`TicketError::InvalidPolicy`],
    /// and [`TicketError::Calendar`] when the calendar cannot answer (a year
    /// it does not cover).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::ticket::{Category, Channel, SlaPolicy, SlaStatus, Ticket, TicketNumber};
    ///
    /// let cal = BusinessCalendar::builtin(CalendarId::Indonesia); // 09-12, 13-18 WIB
    /// let policy = SlaPolicy::default();
    /// // Friday 2026-11-20 16:00 WIB, a normal-priority web form.
    /// let t0 = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(t0, cal.time_zone(), 9)?, Channel::WebForm, Category::Technical, t0);
    /// // 4 business hours: 2 on Friday, then 2 on Monday: due Monday 11:00 WIB.
    /// let report = ticket.sla(t0 + Duration::days(2), &policy, &cal)?;
    /// let monday_11 = Utc.with_ymd_and_hms(2026, 11, 23, 4, 0, 0).single().ok_or("time")?;
    /// assert_eq!(
    ///     report.first_response.status,
    ///     SlaStatus::OnTrack { due_at: monday_11, remaining_seconds: 2 * 3600 }
    /// );
    /// ticket.respond(monday_11 - Duration::minutes(1))?;
    /// let report = ticket.sla(monday_11, &policy, &cal)?;
    /// assert_eq!(report.first_response.status, SlaStatus::Met { at: monday_11 - Duration::minutes(1) });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sla(
        &self,
        now: DateTime<Utc>,
        policy: &SlaPolicy,
        calendar: &BusinessCalendar,
    ) -> Result<SlaReport, TicketError> {
        policy.validate()?;
        let created_at = self.state().created_at;
        if now < created_at {
            return Err(TicketError::NowBeforeCreation { now, created_at });
        }
        let state0 = self.state();
        let targets = [
            Priority::Low,
            Priority::Normal,
            Priority::High,
            Priority::Urgent,
        ]
        .map(|p| policy.targets(state0.category, p, state0.channel));
        let uses_business = targets.iter().any(|t| {
            [t.first_response, t.next_response, t.resolution]
                .iter()
                .any(|x| x.basis() == Some(TimeBasis::Business))
        });
        let ctx = Ctx {
            calendar,
            policy,
            targets,
            uses_business,
        };

        let mut state = TicketState::created_for_replay(self);
        let initial = ctx.targets(state.priority);
        let first_live = initial.first_response == SlaTarget::Live;
        let mut first = Acc::default();
        let mut next = Acc::default();
        let mut resolution = Acc::default();
        let mut next_breaches: u32 = 0;
        if first_live {
            first.started = true;
            first.stopped_at = Some(created_at);
        }
        let mut run = running(&state, policy, first_live);
        if run.first {
            first.open(&ctx, created_at, initial.first_response)?;
        }
        if run.resolution {
            resolution.open(&ctx, created_at, initial.resolution)?;
        }

        for event in self.events().iter().skip(1).take_while(|e| e.at <= now) {
            let t = event.at;
            let before = ctx.targets(state.priority);
            let was_awaiting = state.awaiting_reply_since.is_some();
            state.commit(t, &event.action);
            let after = ctx.targets(state.priority);
            let now_run = running(&state, policy, first_live);

            if !first_live {
                step(
                    &ctx,
                    &mut first,
                    t,
                    (run.first, before.first_response),
                    (now_run.first, after.first_response),
                )?;
                if first.stopped_at.is_none() {
                    first.stopped_at = state.first_response_at;
                }
            }

            // Next response: a cycle per customer message awaiting a reply.
            let is_awaiting = state.awaiting_reply_since.is_some();
            if is_awaiting && !was_awaiting {
                if next.breached_at.is_some() {
                    next_breaches = next_breaches.saturating_add(1);
                }
                next = Acc::default();
                next.started = true;
                if now_run.next {
                    next.open(&ctx, t, after.next_response)?;
                }
            } else {
                step(
                    &ctx,
                    &mut next,
                    t,
                    (run.next, before.next_response),
                    (now_run.next, after.next_response),
                )?;
                if was_awaiting && !is_awaiting {
                    next.stopped_at = Some(t);
                }
            }

            step(
                &ctx,
                &mut resolution,
                t,
                (run.resolution, before.resolution),
                (now_run.resolution, after.resolution),
            )?;
            resolution.stopped_at = state.resolved_at;
            run = now_run;
        }

        let current = ctx.targets(state.priority);
        let first_report =
            first.report(&ctx, SlaClock::FirstResponse, current.first_response, now)?;
        let next_report = next.report(&ctx, SlaClock::NextResponse, current.next_response, now)?;
        let resolution_report =
            resolution.report(&ctx, SlaClock::Resolution, current.resolution, now)?;
        if next_report.status.is_breached() {
            next_breaches = next_breaches.saturating_add(1);
        }

        let mut regulatory = Vec::with_capacity(state.formal_complaints.len());
        for complaint in &state.formal_complaints {
            regulatory.push(regulatory_report(
                complaint,
                &policy.regulatory,
                calendar,
                now,
            )?);
        }
        let estimated = regulatory.iter().any(|r| r.estimated)
            || (uses_business
                && calendar
                    .is_estimated(local_date(created_at, calendar), local_date(now, calendar)));

        let (auto, _) = automatic_escalation(
            policy,
            &first_report,
            next_breaches,
            &resolution_report,
            &regulatory,
        );
        Ok(SlaReport {
            now,
            status: state.status,
            priority: state.priority,
            paused: is_paused(&state, policy),
            first_response: first_report,
            next_response: next_report,
            next_response_breaches: next_breaches,
            resolution: resolution_report,
            regulatory,
            recorded_escalation: state.escalation,
            escalation: state.escalation.max(auto),
            estimated,
            edition: Some(calendar.edition().stamp()),
        })
    }

    /// Records the automatic escalation the SLA calls for at `now`, if it is
    /// above the recorded level and the ticket is active; returns the new
    /// level (`None` if nothing was recorded).
    ///
    /// # Errors
    ///
    /// As [`Ticket::sla`], and as [`Ticket::apply`] (for example a `now`
    /// before the last event).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::ticket::{Action, Category, Channel, EscalationCause, EscalationLevel, SlaPolicy, Ticket, TicketNumber};
    ///
    /// let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(t0, cal.time_zone(), 1)?, Channel::Chat, Category::Technical, t0);
    /// let policy = SlaPolicy::default();
    /// assert_eq!(ticket.escalate_on_breach(t0 + Duration::minutes(1), &policy, &cal)?, None);
    /// let level = ticket.escalate_on_breach(t0 + Duration::minutes(3), &policy, &cal)?;
    /// assert_eq!(level, Some(EscalationLevel::Supervisor));
    /// assert_eq!(
    ///     ticket.events().last().map(|e| &e.action),
    ///     Some(&Action::Escalate { level: EscalationLevel::Supervisor, cause: EscalationCause::SlaBreach })
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn escalate_on_breach(
        &mut self,
        now: DateTime<Utc>,
        policy: &SlaPolicy,
        calendar: &BusinessCalendar,
    ) -> Result<Option<EscalationLevel>, TicketError> {
        let report = self.sla(now, policy, calendar)?;
        if !report.status.is_active() || report.escalation <= self.state().escalation {
            return Ok(None);
        }
        let (level, cause) = automatic_escalation(
            policy,
            &report.first_response,
            report.next_response_breaches,
            &report.resolution,
            &report.regulatory,
        );
        self.apply(now, Action::Escalate { level, cause })?;
        Ok(Some(level))
    }
}

/// The level the breaches call for, and the cause of the highest one.
fn automatic_escalation(
    policy: &SlaPolicy,
    first: &ClockReport,
    next_breaches: u32,
    resolution: &ClockReport,
    regulatory: &[RegulatoryReport],
) -> (EscalationLevel, EscalationCause) {
    let rules = &policy.escalation;
    let mut best = (EscalationLevel::Agent, EscalationCause::SlaBreach);
    let mut raise = |level: EscalationLevel, cause: EscalationCause| {
        if level > best.0 {
            best = (level, cause);
        }
    };
    if first.status.is_breached() || next_breaches > 0 {
        raise(rules.response_breach, EscalationCause::SlaBreach);
    }
    if resolution.status.is_breached() {
        raise(rules.resolution_breach, EscalationCause::SlaBreach);
    }
    for report in regulatory {
        match report.status {
            RegulatoryStatus::DueSoon { .. } => {
                raise(
                    rules.regulatory_due_soon,
                    EscalationCause::RegulatoryDeadline,
                );
            }
            RegulatoryStatus::Breached { .. } => {
                raise(rules.regulatory_breach, EscalationCause::RegulatoryDeadline);
            }
            RegulatoryStatus::OnTrack { .. } | RegulatoryStatus::Met { .. } => {}
        }
    }
    best
}

impl SlaReport {
    /// The agent-facing explanation of this report, with times in `tz` (the
    /// calendar's zone, for example `Asia/Jakarta`).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// use walletcare_core::locale::{Locale, Render};
    /// use walletcare_core::ticket::{Category, Channel, SlaPolicy, Ticket, TicketNumber};
    ///
    /// let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).single().ok_or("time")?; // 09:00 WIB
    /// let ticket = Ticket::new(TicketNumber::for_instant(t0, cal.time_zone(), 1)?, Channel::Email, Category::Refund, t0);
    /// let report = ticket.sla(t0 + Duration::minutes(30), &SlaPolicy::default(), &cal)?;
    /// let text = report.explain(cal.time_zone()).render(Locale::En);
    /// assert!(text.contains("First response: on track, 7 hours 30 minutes left (due 23 November 2026, 18:00 WIB, business hours)"));
    /// let text = report.explain(cal.time_zone()).render(Locale::Id);
    /// assert!(text.contains("Respons pertama: sesuai target, sisa 7 jam 30 menit"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn explain(&self, tz: Tz) -> SlaExplanation<'_> {
        SlaExplanation { report: self, tz }
    }
}

/// An [`SlaReport`] explained in words, one line per clock (see
/// [`SlaReport::explain`]).
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::ticket::{Category, Channel, SlaPolicy, Ticket, TicketNumber};
///
/// let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
/// let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).single().ok_or("time")?;
/// let ticket = Ticket::new(TicketNumber::for_instant(t0, cal.time_zone(), 1)?, Channel::Hotline, Category::Refund, t0);
/// let report = ticket.sla(t0, &SlaPolicy::default(), &cal)?;
/// assert!(report.explain(cal.time_zone()).render(Locale::ZhCn).contains("首次响应：已达成"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct SlaExplanation<'a> {
    report: &'a SlaReport,
    tz: Tz,
}

fn clock_name(clock: SlaClock, locale: crate::locale::Locale) -> &'static str {
    match clock {
        SlaClock::FirstResponse => locale.pick("First response", "Respons pertama", "首次响应"),
        SlaClock::NextResponse => locale.pick("Next response", "Respons berikutnya", "后续响应"),
        SlaClock::Resolution => locale.pick("Resolution", "Penyelesaian", "解决"),
    }
}

/// `3 hours 5 minutes` / `3 jam 5 menit` / `3小时5分钟`, with days for wall
/// time: the crate's one duration printer.
pub(super) fn duration_text(seconds: i64, days: bool, locale: crate::locale::Locale) -> String {
    use crate::locale::DurationUnit;
    let largest = if days {
        DurationUnit::Days
    } else {
        DurationUnit::Hours
    };
    crate::locale::format_duration(seconds, largest, locale)
}

fn explain_clock(report: &ClockReport, tz: Tz, locale: crate::locale::Locale) -> String {
    let business = report.target.basis() == Some(TimeBasis::Business);
    let dur = |s: i64| duration_text(s, !business, locale);
    let basis = if business {
        locale.pick(", business hours", ", jam kerja", "，按工作时间计")
    } else {
        ""
    };
    let name = clock_name(report.clock, locale);
    let body = match report.status {
        SlaStatus::NotRunning => locale
            .pick(
                "no customer message waiting",
                "tidak ada pesan pelanggan yang menunggu",
                "暂无待回复的客户消息",
            )
            .to_owned(),
        SlaStatus::OnTrack {
            due_at,
            remaining_seconds,
        } => match locale {
            crate::locale::Locale::En => format!(
                "on track, {} left (due {}{basis})",
                dur(remaining_seconds),
                crate::locale::format_instant(due_at, tz, locale)
            ),
            crate::locale::Locale::Id => format!(
                "sesuai target, sisa {} (batas {}{basis})",
                dur(remaining_seconds),
                crate::locale::format_instant(due_at, tz, locale)
            ),
            crate::locale::Locale::ZhCn => format!(
                "正常，剩余{}（截止 {}{basis}）",
                dur(remaining_seconds),
                crate::locale::format_instant(due_at, tz, locale)
            ),
        },
        SlaStatus::DueSoon {
            due_at,
            remaining_seconds,
        } => match locale {
            crate::locale::Locale::En => format!(
                "due soon, {} left (due {}{basis})",
                dur(remaining_seconds),
                crate::locale::format_instant(due_at, tz, locale)
            ),
            crate::locale::Locale::Id => format!(
                "segera jatuh tempo, sisa {} (batas {}{basis})",
                dur(remaining_seconds),
                crate::locale::format_instant(due_at, tz, locale)
            ),
            crate::locale::Locale::ZhCn => format!(
                "即将到期，剩余{}（截止 {}{basis}）",
                dur(remaining_seconds),
                crate::locale::format_instant(due_at, tz, locale)
            ),
        },
        SlaStatus::Paused { remaining_seconds } => match locale {
            crate::locale::Locale::En => format!(
                "paused while waiting for the customer, {} left",
                dur(remaining_seconds)
            ),
            crate::locale::Locale::Id => format!(
                "dijeda selama menunggu pelanggan, sisa {}",
                dur(remaining_seconds)
            ),
            crate::locale::Locale::ZhCn => {
                format!("已暂停（等待客户回复），剩余{}", dur(remaining_seconds))
            }
        },
        SlaStatus::Met { at } => match locale {
            crate::locale::Locale::En => {
                format!("met at {}", crate::locale::format_instant(at, tz, locale))
            }
            crate::locale::Locale::Id => format!(
                "terpenuhi pada {}",
                crate::locale::format_instant(at, tz, locale)
            ),
            crate::locale::Locale::ZhCn => format!(
                "已达成，完成于 {}",
                crate::locale::format_instant(at, tz, locale)
            ),
        },
        SlaStatus::Breached {
            breached_at,
            overdue_seconds,
            met_at,
        } => {
            let mut text = match locale {
                crate::locale::Locale::En => format!(
                    "breached at {}, {} over target{basis}",
                    crate::locale::format_instant(breached_at, tz, locale),
                    dur(overdue_seconds)
                ),
                crate::locale::Locale::Id => format!(
                    "terlambat sejak {}, melewati target {}{basis}",
                    crate::locale::format_instant(breached_at, tz, locale),
                    dur(overdue_seconds)
                ),
                crate::locale::Locale::ZhCn => format!(
                    "已超时：于 {} 超时，超出目标{}{basis}",
                    crate::locale::format_instant(breached_at, tz, locale),
                    dur(overdue_seconds)
                ),
            };
            if let Some(at) = met_at {
                text.push_str(&match locale {
                    crate::locale::Locale::En => format!(
                        "; done at {}",
                        crate::locale::format_instant(at, tz, locale)
                    ),
                    crate::locale::Locale::Id => format!(
                        "; selesai pada {}",
                        crate::locale::format_instant(at, tz, locale)
                    ),
                    crate::locale::Locale::ZhCn => format!(
                        "；已于 {} 完成",
                        crate::locale::format_instant(at, tz, locale)
                    ),
                });
            }
            text
        }
    };
    let (colon, end) = if locale == crate::locale::Locale::ZhCn {
        ("：", "。")
    } else {
        (": ", ".")
    };
    format!("{name}{colon}{body}{end}")
}

impl crate::locale::Render for SlaExplanation<'_> {
    fn render(&self, locale: crate::locale::Locale) -> String {
        let report = self.report;
        let mut lines = vec![
            explain_clock(&report.first_response, self.tz, locale),
            explain_clock(&report.next_response, self.tz, locale),
            explain_clock(&report.resolution, self.tz, locale),
        ];
        if report.escalation > EscalationLevel::Agent {
            let who = crate::locale::Render::render(&report.escalation, locale);
            lines.push(match locale {
                crate::locale::Locale::En => format!("Escalated to: {who}."),
                crate::locale::Locale::Id => format!("Dieskalasi ke: {who}."),
                crate::locale::Locale::ZhCn => format!("已升级至：{who}。"),
            });
        }
        for regulatory in &report.regulatory {
            lines.push(crate::locale::Render::render(regulatory, locale));
        }
        if report.estimated {
            lines.push(
                locale
                    .pick(
                        "Note: some dates rely on an estimated holiday calendar.",
                        "Catatan: sebagian tanggal memakai kalender libur perkiraan.",
                        "注意：部分日期基于预估的节假日日历。",
                    )
                    .to_owned(),
            );
        }
        lines.join("\n")
    }
}

/// The local date of an instant in the calendar's zone.
pub(super) fn local_date(at: DateTime<Utc>, calendar: &BusinessCalendar) -> NaiveDate {
    crate::locale::local_date(at, calendar.time_zone())
}
