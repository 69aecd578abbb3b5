//! Business hours: times of day, periods, and the mapping of local times to
//! instants in an IANA zone (gaps and folds included).

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::CalendarError;

/// Seconds in a civil day.
pub(crate) const SECS_PER_DAY: u32 = 86_400;

/// A time of day from `00:00` to `24:00` inclusive, to the second.
///
/// `24:00` exists so that a business period can run to the end of the day.
/// The JSON form is `"HH:MM"` (or `"HH:MM:SS"` when seconds are not zero).
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::TimeOfDay;
///
/// let t: TimeOfDay = "17:30".parse()?;
/// assert_eq!(t.seconds(), 17 * 3600 + 30 * 60);
/// assert_eq!(t.to_string(), "17:30");
/// assert_eq!(TimeOfDay::END_OF_DAY.to_string(), "24:00");
/// assert!("24:01".parse::<TimeOfDay>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeOfDay(pub(crate) u32);

impl TimeOfDay {
    /// `00:00`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::TimeOfDay;
    /// assert_eq!(TimeOfDay::MIDNIGHT.seconds(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const MIDNIGHT: TimeOfDay = TimeOfDay(0);

    /// `24:00`, the end of the day.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::TimeOfDay;
    /// assert_eq!(TimeOfDay::END_OF_DAY.seconds(), 86_400);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const END_OF_DAY: TimeOfDay = TimeOfDay(SECS_PER_DAY);

    /// A time from hours and minutes; `None` unless it is between `00:00` and
    /// `24:00`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::TimeOfDay;
    /// assert_eq!(TimeOfDay::hm(9, 0).map(|t| t.seconds()), Some(32_400));
    /// assert_eq!(TimeOfDay::hm(24, 0), Some(TimeOfDay::END_OF_DAY));
    /// assert_eq!(TimeOfDay::hm(9, 60), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn hm(hour: u32, minute: u32) -> Option<TimeOfDay> {
        TimeOfDay::hms(hour, minute, 0)
    }

    /// A time from hours, minutes and seconds; `None` unless it is between
    /// `00:00:00` and `24:00:00`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::TimeOfDay;
    /// assert_eq!(TimeOfDay::hms(0, 0, 59).map(|t| t.seconds()), Some(59));
    /// assert_eq!(TimeOfDay::hms(24, 0, 1), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn hms(hour: u32, minute: u32, second: u32) -> Option<TimeOfDay> {
        if minute >= 60 || second >= 60 || hour > 24 {
            return None;
        }
        let secs = hour * 3600 + minute * 60 + second;
        if secs > SECS_PER_DAY {
            None
        } else {
            Some(TimeOfDay(secs))
        }
    }

    /// Seconds since midnight (`0..=86_400`).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::TimeOfDay;
    /// assert_eq!(TimeOfDay::hm(1, 1).map(|t| t.seconds()), Some(3_660));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn seconds(self) -> u32 {
        self.0
    }

    /// The time of a local wall-clock reading, to the second.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveTime;
    /// use walletcare_core::calendar::TimeOfDay;
    ///
    /// let t = NaiveTime::from_hms_opt(8, 15, 30).ok_or("bad time")?;
    /// assert_eq!(TimeOfDay::from_naive(t).to_string(), "08:15:30");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from_naive(time: NaiveTime) -> TimeOfDay {
        use chrono::Timelike;
        // A leap second (second 60) counts as the last second of its minute.
        TimeOfDay(time.num_seconds_from_midnight().min(SECS_PER_DAY - 1))
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (self.0 / 3600, self.0 / 60 % 60, self.0 % 60);
        if s == 0 {
            write!(f, "{h:02}:{m:02}")
        } else {
            write!(f, "{h:02}:{m:02}:{s:02}")
        }
    }
}

impl FromStr for TimeOfDay {
    type Err = CalendarError;

    /// Parses `H:MM`, `HH:MM` or `HH:MM:SS`, up to `24:00`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || CalendarError::InvalidBusinessHours {
            reason: format!(
                "time {:?} is not HH:MM or HH:MM:SS between 00:00 and 24:00",
                s.chars().take(32).collect::<String>()
            ),
        };
        let mut parts = s.trim().split(':');
        let mut field = |max_len: usize| -> Result<Option<u32>, CalendarError> {
            match parts.next() {
                None => Ok(None),
                Some(p)
                    if !p.is_empty()
                        && p.len() <= max_len
                        && p.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    p.parse::<u32>().map(Some).map_err(|_| bad())
                }
                Some(_) => Err(bad()),
            }
        };
        let hour = field(2)?.ok_or_else(bad)?;
        let minute = field(2)?.ok_or_else(bad)?;
        let second = field(2)?.unwrap_or(0);
        if parts.next().is_some() {
            return Err(bad());
        }
        TimeOfDay::hms(hour, minute, second).ok_or_else(bad)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(crate::error::Coded::de)
    }
}

/// One period of business hours in a day, `[start, end)` in local time, for
/// example `09:00-12:00`.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::BusinessPeriod;
///
/// let morning: BusinessPeriod = "09:00-12:00".parse()?;
/// assert_eq!(morning.seconds(), 3 * 3600);
/// assert_eq!(serde_json::to_string(&morning)?, r#"{"start":"09:00","end":"12:00"}"#);
/// assert!("12:00-09:00".parse::<BusinessPeriod>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessPeriod {
    /// Local start time (inclusive).
    pub start: TimeOfDay,
    /// Local end time (exclusive); may be `24:00`.
    pub end: TimeOfDay,
}

impl BusinessPeriod {
    /// A period; [`CalendarError::InvalidBusinessHours`] unless `start < end`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessPeriod, TimeOfDay};
    ///
    /// let nine = TimeOfDay::hm(9, 0).ok_or("bad time")?;
    /// let five = TimeOfDay::hm(17, 0).ok_or("bad time")?;
    /// assert!(BusinessPeriod::new(nine, five).is_ok());
    /// assert!(BusinessPeriod::new(five, nine).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(start: TimeOfDay, end: TimeOfDay) -> Result<BusinessPeriod, CalendarError> {
        let period = BusinessPeriod { start, end };
        period.validate()?;
        Ok(period)
    }

    /// Length in seconds of local (wall-clock) time.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::BusinessPeriod;
    /// let p: BusinessPeriod = "13:00-18:00".parse()?;
    /// assert_eq!(p.seconds(), 18_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn seconds(&self) -> u32 {
        self.end.0.saturating_sub(self.start.0)
    }

    pub(crate) fn validate(&self) -> Result<(), CalendarError> {
        if self.start < self.end {
            Ok(())
        } else {
            Err(CalendarError::InvalidBusinessHours {
                reason: format!(
                    "period {}-{} is reversed or empty: start must be before end",
                    self.start, self.end
                ),
            })
        }
    }
}

impl fmt::Display for BusinessPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

impl FromStr for BusinessPeriod {
    type Err = CalendarError;

    /// Parses `HH:MM-HH:MM`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (a, b) = s
            .split_once('-')
            .ok_or_else(|| CalendarError::InvalidBusinessHours {
                reason: format!(
                    "period {:?} is not HH:MM-HH:MM",
                    s.chars().take(32).collect::<String>()
                ),
            })?;
        BusinessPeriod::new(a.parse()?, b.parse()?)
    }
}

/// Sorts the periods and checks that there is at least one and that none is
/// reversed or overlaps another.
pub(crate) fn validate_periods(periods: &mut [BusinessPeriod]) -> Result<(), CalendarError> {
    if periods.is_empty() {
        return Err(CalendarError::InvalidBusinessHours {
            reason: "business hours need at least one period".to_owned(),
        });
    }
    for p in periods.iter() {
        p.validate()?;
    }
    periods.sort_by_key(|p| (p.start, p.end));
    for (a, b) in periods.iter().zip(periods.iter().skip(1)) {
        if b.start < a.end {
            return Err(CalendarError::InvalidBusinessHours {
                reason: format!("periods {a} and {b} overlap"),
            });
        }
    }
    Ok(())
}

/// Nanoseconds per second.
pub(crate) const NANOS: i128 = 1_000_000_000;

/// The instant (nanoseconds since the Unix epoch) at which the local clock in
/// `tz` reads `date` + `secs` seconds (`secs` up to 86 400 = next midnight).
///
/// Gaps and folds follow the "compatible" rule (RFC 5545, jiff, Temporal): a
/// local time that falls in a gap (spring forward) is read with the offset
/// before the gap, so it lands after the gap by the same distance; a local
/// time that occurs twice (fall back) is the earlier instant.
pub(crate) fn local_instant(tz: Tz, date: NaiveDate, secs: u32) -> Option<i128> {
    let ndt: NaiveDateTime = date
        .and_hms_opt(0, 0, 0)?
        .checked_add_signed(TimeDelta::seconds(i64::from(secs)))?;
    let utc_secs = match tz.offset_from_local_datetime(&ndt) {
        chrono::MappedLocalTime::Single(off) => {
            ndt.and_utc().timestamp() - i64::from(off.fix().local_minus_utc())
        }
        chrono::MappedLocalTime::Ambiguous(a, b) => {
            let (a, b) = (a.fix().local_minus_utc(), b.fix().local_minus_utc());
            // The earlier instant has the larger offset.
            ndt.and_utc().timestamp() - i64::from(a.max(b))
        }
        chrono::MappedLocalTime::None => {
            let before = ndt.checked_sub_signed(TimeDelta::days(1))?;
            let off = tz.offset_from_utc_datetime(&before).fix().local_minus_utc();
            ndt.and_utc().timestamp() - i64::from(off)
        }
    };
    Some(i128::from(utc_secs) * NANOS)
}
