//! Which channel answers soonest: honest waits per channel, open hours, and
//! the recommendation in the user's language.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{QueueError, Workload};
use crate::calendar::BusinessCalendar;
use crate::locale::{DurationUnit, Locale, Render, format_duration, format_instant};
use crate::ticket::{Category, Channel, Priority, SlaPolicy, SlaTarget, TimeBasis};
use crate::transaction::text::zone_name;

/// When a live channel takes contacts.
///
/// # Examples
///
/// ```
/// use walletcare_core::queue::ChannelHours;
/// assert_eq!(serde_json::to_string(&ChannelHours::Business)?, "\"business\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum ChannelHours {
    /// Around the clock.
    Always,
    /// In the business hours of the wallet's calendar (business days only).
    Business,
}

crate::names::names!(as_str display from_str: queue::ChannelHours as "channel hours" {
    Always => "always",
    Business => "business",
});

/// One channel offered to a user: a live queue with its [`Workload`], or
/// (without one) an asynchronous channel answered within its SLA
/// first-response target from the [`SlaPolicy`]. `hours` applies to live
/// queues; messages to asynchronous channels are accepted at any time and
/// their reply clock follows the policy's basis.
///
/// # Examples
///
/// ```
/// use walletcare_core::queue::{ChannelHours, ChannelSetup};
/// use walletcare_core::ticket::Channel;
///
/// let s: ChannelSetup = serde_json::from_str(
///     r#"{"channel":"hotline","hours":"business",
///         "workload":{"arrivals_per_hour":200,"handle_seconds":360,"agents":20}}"#,
/// )?;
/// assert_eq!(s.channel, Channel::Hotline);
/// assert_eq!(s.hours, ChannelHours::Business);
/// assert!(s.workload.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ChannelSetup {
    /// The channel.
    pub channel: Channel,
    /// When a live queue is staffed.
    pub hours: ChannelHours,
    /// The live queue's traffic; `None` for an asynchronous channel.
    #[serde(default)]
    pub workload: Option<Workload>,
}

/// How long a user would wait on one channel.
///
/// The JSON form is tagged by `kind`.
///
/// # Examples
///
/// ```
/// use walletcare_core::queue::WaitEstimate;
/// let e = WaitEstimate::Queue { average_wait_seconds: 30.5, wait_probability: 0.4 };
/// assert_eq!(
///     serde_json::to_string(&e)?,
///     r#"{"kind":"queue","average_wait_seconds":30.5,"wait_probability":0.4}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum WaitEstimate {
    /// A live queue: the average wait once it is open.
    Queue {
        /// Mean wait in the queue, seconds.
        average_wait_seconds: f64,
        /// Probability of waiting at all.
        wait_probability: f64,
    },
    /// A live queue with more work than agents and callers who never give
    /// up: the wait keeps growing, no honest figure exists.
    Overloaded,
    /// An asynchronous channel: a reply within the SLA target.
    Reply {
        /// The first-response target, seconds.
        target_seconds: u32,
        /// How the target is counted.
        basis: TimeBasis,
        /// When the reply is due at the latest.
        due: DateTime<Utc>,
    },
    /// A live channel with no traffic figures: answered live, wait unknown.
    Unknown,
}

/// One channel's honest wait.
///
/// # Examples
///
/// ```
/// use walletcare_core::queue::{ChannelWait, WaitEstimate};
/// use walletcare_core::ticket::Channel;
///
/// let w = ChannelWait {
///     channel: Channel::Chat,
///     open_now: true,
///     opens_at: None,
///     estimate: WaitEstimate::Queue { average_wait_seconds: 180.0, wait_probability: 0.7 },
///     expected_seconds: Some(180.0),
/// };
/// assert_eq!(serde_json::to_value(&w)?["channel"], "chat");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ChannelWait {
    /// The channel.
    pub channel: Channel,
    /// Whether a live channel takes contacts now (always true for
    /// asynchronous channels).
    pub open_now: bool,
    /// When a closed live channel opens.
    pub opens_at: Option<DateTime<Utc>>,
    /// The wait once open.
    pub estimate: WaitEstimate,
    /// Seconds from now until a person answers (closed time included);
    /// `None` when it cannot be estimated.
    pub expected_seconds: Option<f64>,
}

/// The channels ranked by expected wait, fastest first, and the one to
/// recommend. [`Render`] writes the advice:
/// `"Fastest: live chat. live chat about 3 minutes; hotline about 25 minutes; email reply within 1 business day."`
///
/// # Examples
///
/// See [`recommend`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Recommendation {
    /// The channel with the shortest expected wait, if any can be estimated.
    pub best: Option<Channel>,
    /// Every channel, by expected wait (those without an estimate last).
    pub channels: Vec<ChannelWait>,
    /// The zone in which opening times are shown.
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    #[serde(with = "zone_name")]
    pub time_zone: Tz,
}

/// The instant at or after `now` when the calendar's business hours are
/// open: `now` itself when open.
fn next_open(calendar: &BusinessCalendar, now: DateTime<Utc>) -> Result<DateTime<Utc>, QueueError> {
    // The earliest t with 1 ns of business time in [now, t] is 1 ns after
    // the opening (or after now when open).
    let tick = TimeDelta::nanoseconds(1);
    let t = calendar.add_business_duration(now, tick)?;
    Ok(t.checked_sub_signed(tick).unwrap_or(t).max(now))
}

/// Ranks the channels for a user with a `category` problem of `priority`
/// at `now`: live queues by their Erlang average wait (plus the time until
/// they open), asynchronous channels by their SLA first-response due time
/// from `policy` (business targets counted on `calendar`).
///
/// # Errors
///
/// [`QueueError::DuplicateChannel`] when a channel is listed twice;
/// [`QueueError::Calendar`] when the calendar cannot answer for `now`.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::queue::{ChannelHours, ChannelSetup, Workload, recommend};
/// use walletcare_core::ticket::{Category, Channel, Priority, SlaPolicy};
///
/// let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
/// let setups = [
///     ChannelSetup { channel: Channel::Hotline, hours: ChannelHours::Business,
///                    workload: Some(Workload::new(290.0, 300.0, 25, None)?) },
///     ChannelSetup { channel: Channel::Chat, hours: ChannelHours::Always,
///                    workload: Some(Workload::new(200.0, 420.0, 25, Some(600.0))?) },
///     ChannelSetup { channel: Channel::Email, hours: ChannelHours::Always, workload: None },
/// ];
/// // Monday 23 November 2026, 10:00 in Jakarta.
/// let now = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).single().ok_or("time")?;
/// let r = recommend(&setups, Category::Refund, Priority::Normal, now, &cal, &SlaPolicy::default())?;
/// assert_eq!(r.best, Some(Channel::Chat));
/// let en = r.render(Locale::En);
/// assert!(en.contains("email reply within 1 business day"), "{en}");
/// assert!(r.render(Locale::ZhCn).contains("电子邮件"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn recommend(
    setups: &[ChannelSetup],
    category: Category,
    priority: Priority,
    now: DateTime<Utc>,
    calendar: &BusinessCalendar,
    policy: &SlaPolicy,
) -> Result<Recommendation, QueueError> {
    let mut channels = Vec::with_capacity(setups.len());
    for (i, setup) in setups.iter().enumerate() {
        if setups
            .iter()
            .take(i)
            .any(|earlier| earlier.channel == setup.channel)
        {
            return Err(QueueError::DuplicateChannel {
                channel: setup.channel,
            });
        }
        channels.push(channel_wait(
            setup, category, priority, now, calendar, policy,
        )?);
    }
    channels.sort_by(|a, b| match (a.expected_seconds, b.expected_seconds) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let best = channels
        .first()
        .filter(|c| c.expected_seconds.is_some())
        .map(|c| c.channel);
    Ok(Recommendation {
        best,
        channels,
        time_zone: calendar.time_zone(),
    })
}

fn channel_wait(
    setup: &ChannelSetup,
    category: Category,
    priority: Priority,
    now: DateTime<Utc>,
    calendar: &BusinessCalendar,
    policy: &SlaPolicy,
) -> Result<ChannelWait, QueueError> {
    let Some(workload) = setup.workload else {
        let target = policy
            .targets(category, priority, setup.channel)
            .first_response;
        return Ok(match target {
            SlaTarget::Live => ChannelWait {
                channel: setup.channel,
                open_now: true,
                opens_at: None,
                estimate: WaitEstimate::Unknown,
                expected_seconds: None,
            },
            SlaTarget::Within { seconds, basis } => {
                let span = TimeDelta::seconds(i64::from(seconds));
                let due = match basis {
                    TimeBasis::Wall => now.checked_add_signed(span).unwrap_or(now),
                    TimeBasis::Business => calendar.add_business_duration(now, span)?,
                };
                let wall = due.signed_duration_since(now).num_milliseconds();
                ChannelWait {
                    channel: setup.channel,
                    open_now: true,
                    opens_at: None,
                    estimate: WaitEstimate::Reply {
                        target_seconds: seconds,
                        basis,
                        due,
                    },
                    #[allow(clippy::cast_precision_loss)] // milliseconds of a span < 2^53
                    expected_seconds: Some(wall as f64 / 1000.0),
                }
            }
        });
    };
    let opens = match setup.hours {
        ChannelHours::Always => now,
        ChannelHours::Business => next_open(calendar, now)?,
    };
    let open_now = opens <= now;
    #[allow(clippy::cast_precision_loss)] // milliseconds of a span < 2^53
    let closed_seconds = opens.signed_duration_since(now).num_milliseconds() as f64 / 1000.0;
    // Metrics without a target cannot fail.
    let metrics = workload.metrics(None)?;
    let (estimate, expected_seconds) = match metrics.average_wait_seconds {
        Some(average) => (
            WaitEstimate::Queue {
                average_wait_seconds: average,
                wait_probability: metrics.wait_probability,
            },
            Some(closed_seconds + average),
        ),
        None => (WaitEstimate::Overloaded, None),
    };
    Ok(ChannelWait {
        channel: setup.channel,
        open_now,
        opens_at: (!open_now).then_some(opens),
        estimate,
        expected_seconds,
    })
}

/// Seconds, rounded to the nearest whole second, as the `i64` the shared
/// duration formatter ([`format_duration`]) takes.
#[allow(clippy::cast_possible_truncation)] // clamped to the i64 range first
fn whole_seconds(seconds: f64) -> i64 {
    if seconds.is_finite() {
        seconds.round().clamp(0.0, 9.0e15) as i64
    } else {
        0
    }
}

/// "about 25 minutes", "under a minute".
fn about(seconds: f64, locale: Locale) -> String {
    if seconds < 60.0 {
        return locale
            .pick("under a minute", "kurang dari 1 menit", "不到1分钟")
            .to_owned();
    }
    // To the nearest minute: "about 5 minutes" for 4 min 53 s.
    let span = format_duration(
        whole_seconds((seconds / 60.0).round() * 60.0),
        DurationUnit::Days,
        locale,
    );
    match locale {
        Locale::En => format!("about {span}"),
        Locale::Id => format!("sekitar {span}"),
        Locale::ZhCn => format!("约{span}"),
    }
}

/// "within 1 business day", "within 4 business hours", "within 1 hour".
fn reply_within(seconds: u32, basis: TimeBasis, locale: Locale) -> String {
    const DAY: u32 = 8 * 3600;
    if basis == TimeBasis::Business && seconds % DAY == 0 {
        let days = seconds / DAY;
        return match locale {
            Locale::En => format!(
                "within {days} business day{}",
                if days == 1 { "" } else { "s" }
            ),
            Locale::Id => format!("dalam {days} hari kerja"),
            Locale::ZhCn => format!("{days}个工作日内"),
        };
    }
    if basis == TimeBasis::Business && seconds % 3600 == 0 {
        let hours = seconds / 3600;
        return match locale {
            Locale::En => format!(
                "within {hours} business hour{}",
                if hours == 1 { "" } else { "s" }
            ),
            Locale::Id => format!("dalam {hours} jam kerja"),
            Locale::ZhCn => format!("{hours}个工作小时内"),
        };
    }
    let unit = if basis == TimeBasis::Business {
        DurationUnit::Hours
    } else {
        DurationUnit::Days
    };
    let span = format_duration(i64::from(seconds), unit, locale);
    let business = basis == TimeBasis::Business;
    match locale {
        Locale::En => format!(
            "within {span}{}",
            if business { " of business time" } else { "" }
        ),
        Locale::Id => format!("dalam {span}{}", if business { " jam kerja" } else { "" }),
        Locale::ZhCn => format!("{}{span}内", if business { "工作时间" } else { "" }),
    }
}

impl ChannelWait {
    /// The channel's line in `zone`: "hotline about 25 minutes", "email
    /// reply within 1 business day", "hotline closed, opens 23 November
    /// 2026, 09:00 WIB, then about 5 minutes".
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::locale::Locale;
    /// use walletcare_core::queue::{ChannelWait, WaitEstimate};
    /// use walletcare_core::ticket::Channel;
    ///
    /// let w = ChannelWait {
    ///     channel: Channel::Hotline,
    ///     open_now: true,
    ///     opens_at: None,
    ///     estimate: WaitEstimate::Queue { average_wait_seconds: 1500.0, wait_probability: 0.9 },
    ///     expected_seconds: Some(1500.0),
    /// };
    /// assert_eq!(w.line(Locale::En, chrono_tz::Asia::Jakarta), "hotline about 25 minutes");
    /// assert_eq!(w.line(Locale::Id, chrono_tz::Asia::Jakarta), "layanan telepon sekitar 25 menit");
    /// assert_eq!(w.line(Locale::ZhCn, chrono_tz::Asia::Jakarta), "客服热线约25分钟");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn line(&self, locale: Locale, zone: Tz) -> String {
        let name = self.channel.render(locale);
        let sep = if locale == Locale::ZhCn { "" } else { " " };
        let wait = match self.estimate {
            WaitEstimate::Queue {
                average_wait_seconds,
                ..
            } => about(average_wait_seconds, locale),
            WaitEstimate::Overloaded => locale
                .pick(
                    "very busy, no reliable wait estimate",
                    "sangat sibuk, waktu tunggu tidak dapat diperkirakan",
                    "非常繁忙，无法估计等待时间",
                )
                .to_owned(),
            WaitEstimate::Reply {
                target_seconds,
                basis,
                ..
            } => {
                let within = reply_within(target_seconds, basis, locale);
                match locale {
                    Locale::En => format!("reply {within}"),
                    Locale::Id => format!("dibalas {within}"),
                    Locale::ZhCn => format!("{within}回复"),
                }
            }
            WaitEstimate::Unknown => locale
                .pick(
                    "answered live, wait unknown",
                    "dijawab langsung, waktu tunggu tidak diketahui",
                    "人工接听，等待时间未知",
                )
                .to_owned(),
        };
        match self.opens_at {
            Some(opens) if !self.open_now => {
                let when = format_instant(opens, zone, locale);
                match locale {
                    Locale::En => format!("{name} closed, opens {when}, then {wait}"),
                    Locale::Id => format!("{name} tutup, buka {when}, lalu {wait}"),
                    Locale::ZhCn => format!("{name}暂停服务，{when}开放，届时{wait}"),
                }
            }
            _ => format!("{name}{sep}{wait}"),
        }
    }
}

impl Render for Recommendation {
    /// "Fastest: live chat. live chat about 3 minutes; hotline about 25
    /// minutes; email reply within 1 business day."
    fn render(&self, locale: Locale) -> String {
        let lines: Vec<String> = self
            .channels
            .iter()
            .map(|c| c.line(locale, self.time_zone))
            .collect();
        let list = lines.join(locale.pick("; ", "; ", "；"));
        match self.best {
            Some(best) => {
                let name = best.render(locale);
                match locale {
                    Locale::En => format!("Fastest: {name}. {list}."),
                    Locale::Id => format!("Paling cepat: {name}. {list}."),
                    Locale::ZhCn => format!("最快：{name}。{list}。"),
                }
            }
            None => match locale {
                Locale::En => format!("{list}."),
                Locale::Id => format!("{list}."),
                Locale::ZhCn => format!("{list}。"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::CalendarId;
    use chrono::TimeZone;

    fn setups() -> Vec<ChannelSetup> {
        vec![
            ChannelSetup {
                channel: Channel::Hotline,
                hours: ChannelHours::Business,
                workload: Some(Workload::new(290.0, 300.0, 25, None).unwrap()),
            },
            ChannelSetup {
                channel: Channel::Chat,
                hours: ChannelHours::Always,
                workload: Some(Workload::new(200.0, 420.0, 25, Some(600.0)).unwrap()),
            },
            ChannelSetup {
                channel: Channel::Email,
                hours: ChannelHours::Always,
                workload: None,
            },
        ]
    }

    #[test]
    fn a_closed_hotline_says_when_it_opens() {
        let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
        // Saturday 21 November 2026, 20:00 in Jakarta.
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 13, 0, 0).unwrap();
        let r = recommend(
            &setups(),
            Category::Refund,
            Priority::Normal,
            now,
            &cal,
            &SlaPolicy::default(),
        )
        .unwrap();
        let hotline = r
            .channels
            .iter()
            .find(|c| c.channel == Channel::Hotline)
            .unwrap();
        assert!(!hotline.open_now);
        // Monday 23 November 2026, 09:00 WIB.
        assert_eq!(
            hotline.opens_at,
            Some(Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap())
        );
        let en = r.render(Locale::En);
        assert!(
            en.contains("hotline closed, opens 23 November 2026, 09:00 WIB, then about"),
            "{en}"
        );
        let id = r.render(Locale::Id);
        assert!(id.contains("buka 23 November 2026 pukul 09.00 WIB"), "{id}");
        assert_eq!(r.best, Some(Channel::Chat));
    }

    #[test]
    fn duplicate_channels_are_refused() {
        let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
        let mut s = setups();
        s.push(s[0]);
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap();
        let err = recommend(
            &s,
            Category::Refund,
            Priority::Normal,
            now,
            &cal,
            &SlaPolicy::default(),
        )
        .unwrap_err();
        assert!(matches!(err, QueueError::DuplicateChannel { .. }));
    }

    #[test]
    fn an_overloaded_queue_is_never_recommended() {
        let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
        let s = [
            ChannelSetup {
                channel: Channel::Hotline,
                hours: ChannelHours::Always,
                workload: Some(Workload::new(1000.0, 300.0, 20, None).unwrap()),
            },
            ChannelSetup {
                channel: Channel::Email,
                hours: ChannelHours::Always,
                workload: None,
            },
        ];
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap();
        let r = recommend(
            &s,
            Category::Refund,
            Priority::Normal,
            now,
            &cal,
            &SlaPolicy::default(),
        )
        .unwrap();
        assert_eq!(r.best, Some(Channel::Email));
        assert!(r.render(Locale::ZhCn).contains("非常繁忙"));
    }
}
