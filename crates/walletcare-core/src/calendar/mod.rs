//! Business calendars: business days, business hours and SLA clocks for
//! Indonesia, China, Singapore and Malaysia (and any calendar loaded from
//! JSON).
//!
//! A [`BusinessCalendar`] has a weekmask, holidays (each with a name and a
//! [`HolidayKind`]), extra working days (China's 调休 make-up weekends), an
//! IANA time zone, business hours made of one or more periods a day and an
//! optional cut-off time. Built-in calendars ([`BusinessCalendar::builtin`])
//! cover 2020-2030; years without an official decree are marked estimated
//! ([`BusinessCalendar::is_estimated`]), and dates outside the covered years
//! are [`CalendarError::NotCovered`].
//!
//! # Speed
//!
//! Every operation costs O(1) or O(log n) in the number of holidays, never a
//! loop over the days in between (except [`BusinessCalendar::non_business_days`],
//! which returns one entry per day). At construction the calendar builds a
//! prefix count of business days over its covered range and the inverse
//! (business-day ordinal to day); outside that range only the weekmask
//! applies and week division does the arithmetic, so adding a million
//! business days is as fast as adding one. Business time works the same way
//! on business-seconds prefix sums. For bulk work, the `*_epoch` functions
//! take days since 1970-01-01 (numpy's `datetime64[D]`), singly or in slices.
//!
//! # Time zones, gaps and folds
//!
//! Dates are local dates in the calendar's zone. Business hours are local
//! wall-clock periods; a period's business time is the real time elapsed
//! between the instants at which the local clock shows its start and its
//! end. A local time that does not exist (a spring-forward gap) is read with
//! the offset before the gap, so it lands after the gap; a local time that
//! exists twice (a fall-back fold) is the earlier instant (the "compatible"
//! rule of RFC 5545, Temporal and jiff). So on a day when clocks jump inside
//! business hours, that day has an hour less (or more) of business time.
//! Offset changes are scanned over the covered range (or 1970-2100 for a
//! calendar without coverage); outside it business days are assumed to have
//! their nominal length. The zones of the built-in calendars have had no
//! offset change since 1991 (China's last daylight saving time). Business
//! periods of consecutive days must not overlap in real time (only possible
//! with a period ending at 24:00 in a zone that falls back at midnight).
//!
//! # Examples
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use walletcare_core::calendar::{BusinessCalendar, CalendarId};
//!
//! let id = BusinessCalendar::builtin(CalendarId::Indonesia);
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
//! // Idul Fitri 2024: 10-11 April are holidays, 8, 9, 12 and 15 April cuti bersama.
//! assert!(!id.is_business_day(d(2024, 4, 10)?)?);
//! assert_eq!(id.next_business_day(d(2024, 4, 5)?)?, d(2024, 4, 16)?);
//! assert_eq!(id.add_business_days(d(2024, 4, 5)?, 3)?, d(2024, 4, 18)?);
//! assert_eq!(id.business_days_between(d(2024, 4, 1)?, d(2024, 4, 30)?)?, 15);
//!
//! // A request at 18:30 Jakarta time on a Monday counts from Tuesday.
//! let at = Utc.with_ymd_and_hms(2024, 3, 4, 11, 30, 0).single().ok_or("bad time")?;
//! assert_eq!(id.start_date(at)?, d(2024, 3, 5)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod amend;
mod data;
mod edition;
mod hours;
mod index;

use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use amend::CalendarAmendment;
pub use chrono_tz::Tz;
pub use edition::{
    CalendarEdition, ChangedDay, DueStart, EditionComparison, EditionStamp, FailedDueDate,
    MAX_OPEN_DUE_DATES, MovedDueDate, OpenDueDate, compare_editions,
};
pub use hours::{BusinessPeriod, TimeOfDay};

use crate::error::{ErrorCode, HasErrorCode};
use crate::locale::{Locale, Render};
use hours::{NANOS, local_instant, validate_periods};
use index::{DayIndex, WeekArith};

/// Days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
const EPOCH_FROM_CE: i64 = 719_163;
/// Largest accepted JSON calendar, in bytes.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::{BusinessCalendar, CalendarError, MAX_JSON_BYTES};
/// let huge = " ".repeat(MAX_JSON_BYTES + 1);
/// assert!(matches!(BusinessCalendar::from_json(&huge), Err(CalendarError::TooLarge { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_JSON_BYTES: usize = 4 * 1024 * 1024;

/// Longest span of years a calendar's dense table may cover (its coverage,
/// or the span of its listed days when it has no coverage).
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::{BusinessCalendar, MAX_TABLE_YEARS};
/// let json = format!(
///     r#"{{"time_zone":"UTC","coverage":{{"first":2000,"last":{}}}}}"#,
///     2000 + MAX_TABLE_YEARS
/// );
/// assert!(BusinessCalendar::from_json(&json).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_TABLE_YEARS: i32 = 400;

/// Longest range [`BusinessCalendar::non_business_days`] accepts, in days.
///
/// # Examples
///
/// ```
/// use chrono::{Duration, NaiveDate};
/// use walletcare_core::calendar::{BusinessCalendar, CalendarSpec, MAX_LISTED_DAYS};
/// let cal = BusinessCalendar::new(CalendarSpec::new(chrono_tz::UTC))?;
/// let start = NaiveDate::from_ymd_opt(2000, 1, 1).ok_or("bad date")?;
/// assert!(cal.non_business_days(start, start + Duration::days(MAX_LISTED_DAYS)).is_err());
/// assert!(cal.non_business_days(start, start + Duration::days(MAX_LISTED_DAYS - 1)).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_LISTED_DAYS: i64 = 36_600;

/// Longest holiday or working-day name, in characters.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::{BusinessCalendar, MAX_NAME_CHARS};
/// let name = "x".repeat(MAX_NAME_CHARS + 1);
/// let json = format!(
///     r#"{{"time_zone":"UTC","holidays":[{{"date":"2025-01-01","name":"{name}","kind":"public"}}]}}"#
/// );
/// assert!(BusinessCalendar::from_json(&json).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_NAME_CHARS: usize = 200;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Everything that can go wrong with a calendar.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::{BusinessCalendar, CalendarError, CalendarId};
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
///
/// let cn = BusinessCalendar::builtin(CalendarId::China);
/// let far = chrono::NaiveDate::from_ymd_opt(2099, 1, 1).ok_or("bad date")?;
/// let err = cn.is_business_day(far).unwrap_err();
/// assert_eq!(err, CalendarError::NotCovered { year: 2099 });
/// assert_eq!(err.code(), ErrorCode::CalendarNotCovered);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CalendarError {
    /// The answer depends on a year the calendar has no data for.
    #[error("the calendar has no data for the year {year}")]
    NotCovered {
        /// The first year (in the direction of the computation) without data.
        year: i32,
    },
    /// A date or instant is outside the range the library can represent.
    #[error("date out of the supported range")]
    DateOutOfRange,
    /// The weekmask has no business day.
    #[error("the weekmask has no business day")]
    NoBusinessDays,
    /// Business hours are malformed.
    #[error("invalid business hours: {reason}")]
    InvalidBusinessHours {
        /// What is wrong, naming the offending period or time.
        reason: String,
    },
    /// A time zone name is not a known IANA zone.
    #[error("unknown IANA time zone {name:?}")]
    UnknownTimeZone {
        /// The name given (truncated to 64 characters).
        name: String,
    },
    /// No built-in calendar has this code.
    #[error(
        "unknown calendar {code:?}: expected ID, CN, SG, MY or a region listed by BusinessCalendar::builtin_codes (MY-10, MY-14)"
    )]
    UnknownCalendar {
        /// The code given (truncated to 32 characters).
        code: String,
    },
    /// JSON input is malformed or does not match the calendar schema.
    #[error("invalid calendar JSON: {message}")]
    InvalidJson {
        /// The parser's message, with line and column.
        message: String,
    },
    /// Input is larger than the documented limit.
    #[error("{what} is too large: {size} > {max}")]
    TooLarge {
        /// What was too large.
        what: String,
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// An argument is inconsistent (duplicate date, a make-up working day that
    /// is already a weekday, slices of different lengths...).
    #[error("invalid argument: {message}")]
    InvalidArgument {
        /// What is wrong, naming the offending value.
        message: String,
    },
    /// One item of a batch (`*_epoch_into`) failed.
    #[error("item {index}: {source}")]
    InBatch {
        /// Position of the failing item in the input slice(s).
        index: usize,
        /// Why it failed.
        source: Box<CalendarError>,
    },
}

impl HasErrorCode for CalendarError {
    fn code(&self) -> ErrorCode {
        match self {
            CalendarError::NotCovered { .. } => ErrorCode::CalendarNotCovered,
            CalendarError::DateOutOfRange => ErrorCode::DateOutOfRange,
            CalendarError::NoBusinessDays => ErrorCode::NoBusinessDays,
            CalendarError::InvalidBusinessHours { .. } => ErrorCode::InvalidBusinessHours,
            CalendarError::UnknownTimeZone { .. } => ErrorCode::UnknownTimeZone,
            CalendarError::UnknownCalendar { .. } => ErrorCode::UnknownCalendar,
            CalendarError::InvalidJson { .. } => ErrorCode::InvalidJson,
            CalendarError::TooLarge { .. } => ErrorCode::InputTooLarge,
            CalendarError::InvalidArgument { .. } => ErrorCode::InvalidArgument,
            CalendarError::InBatch { source, .. } => source.code(),
        }
    }
}

fn invalid(message: String) -> CalendarError {
    CalendarError::InvalidArgument { message }
}

// ---------------------------------------------------------------------------
// Small value types
// ---------------------------------------------------------------------------

/// A built-in calendar.
///
/// The JSON and string form is the ISO 3166 country code.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::CalendarId;
///
/// assert_eq!("cn".parse::<CalendarId>()?, CalendarId::China);
/// assert_eq!(serde_json::to_string(&CalendarId::Malaysia)?, "\"MY\"");
/// assert_eq!(CalendarId::Singapore.to_string(), "SG");
/// assert!("XX".parse::<CalendarId>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "CalendarCode"))]
pub enum CalendarId {
    /// Indonesia: national holidays and cuti bersama, Asia/Jakarta.
    #[serde(rename = "ID")]
    Indonesia,
    /// China: public holidays and make-up working days, Asia/Shanghai.
    #[serde(rename = "CN")]
    China,
    /// Singapore: gazetted public holidays, Asia/Singapore.
    #[serde(rename = "SG")]
    Singapore,
    /// Malaysia: national (federal) public holidays, Asia/Kuala_Lumpur.
    #[serde(rename = "MY")]
    Malaysia,
}

crate::names::names!(as_str: calendar::CalendarId as "calendar id" {
    Indonesia => "ID",
    China => "CN",
    Singapore => "SG",
    Malaysia => "MY",
});

impl CalendarId {
    /// Every built-in calendar.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::CalendarId;
    /// assert_eq!(CalendarId::ALL.len(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [CalendarId; 4] = [
        CalendarId::Indonesia,
        CalendarId::China,
        CalendarId::Singapore,
        CalendarId::Malaysia,
    ];

    /// The ISO 3166-1 alpha-2 code: `ID`, `CN`, `SG` or `MY`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::CalendarId;
    /// assert_eq!(CalendarId::Indonesia.code(), "ID");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            CalendarId::Indonesia => "ID",
            CalendarId::China => "CN",
            CalendarId::Singapore => "SG",
            CalendarId::Malaysia => "MY",
        }
    }
}

impl fmt::Display for CalendarId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for CalendarId {
    type Err = CalendarError;

    /// Accepts the two-letter code in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "ID" => Ok(CalendarId::Indonesia),
            "CN" => Ok(CalendarId::China),
            "SG" => Ok(CalendarId::Singapore),
            "MY" => Ok(CalendarId::Malaysia),
            _ => Err(CalendarError::UnknownCalendar {
                code: s.chars().take(32).collect(),
            }),
        }
    }
}

/// How to move a date that is not a business day onto one.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::RollConvention;
///
/// let r: RollConvention = serde_json::from_str("\"modified_following\"")?;
/// assert_eq!(r, RollConvention::ModifiedFollowing);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RollConvention {
    /// The first business day on or after the date.
    Following,
    /// The last business day on or before the date.
    Preceding,
    /// Following, unless that is in the next month: then preceding.
    ModifiedFollowing,
    /// Preceding, unless that is in the previous month: then following.
    ModifiedPreceding,
}

crate::names::names!(as_str display from_str: calendar::RollConvention as "roll convention" {
    Following => "following",
    Preceding => "preceding",
    ModifiedFollowing => "modified_following",
    ModifiedPreceding => "modified_preceding",
});

/// Why a holiday is a day off.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::HolidayKind;
/// use walletcare_core::locale::{Locale, Render};
///
/// assert_eq!(serde_json::to_string(&HolidayKind::CollectiveLeave)?, "\"collective_leave\"");
/// assert_eq!(HolidayKind::CollectiveLeave.render(Locale::Id), "cuti bersama");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    /// A statutory public holiday.
    Public,
    /// Collective leave decreed by the government (Indonesia's cuti bersama).
    CollectiveLeave,
    /// A weekday off given in exchange for a make-up working weekend day
    /// (China's 调休).
    Substitute,
    /// A public holiday that fell on a rest day, observed on a working day
    /// instead (the Monday after, China's 补休).
    Observed,
}

crate::names::names!(as_str display from_str: calendar::HolidayKind as "holiday kind" {
    Public => "public",
    CollectiveLeave => "collective_leave",
    Substitute => "substitute",
    Observed => "observed",
});

impl Render for HolidayKind {
    fn render(&self, locale: Locale) -> String {
        match self {
            HolidayKind::Public => locale.pick("public holiday", "libur nasional", "法定节假日"),
            HolidayKind::CollectiveLeave => {
                locale.pick("collective leave", "cuti bersama", "集体休假日")
            }
            HolidayKind::Substitute => locale.pick(
                "day off in exchange for a working weekend day",
                "libur pengganti hari kerja akhir pekan",
                "调休放假",
            ),
            HolidayKind::Observed => locale.pick(
                "holiday observed in lieu",
                "libur pengganti hari libur nasional",
                "补休",
            ),
        }
        .to_owned()
    }
}

/// A day off, with its English name.
///
/// [`Holiday::name_in`] gives the Indonesian and Chinese names of the
/// built-in holidays.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use walletcare_core::calendar::{Holiday, HolidayKind};
/// use walletcare_core::locale::Locale;
///
/// let h: Holiday = serde_json::from_str(
///     r#"{"date":"2024-04-10","name":"Eid al-Fitr","kind":"public"}"#,
/// )?;
/// assert_eq!(h.date, NaiveDate::from_ymd_opt(2024, 4, 10).ok_or("bad date")?);
/// assert_eq!(h.kind, HolidayKind::Public);
/// assert!(!h.estimated);
/// assert_eq!(h.name_in(Locale::Id), "Hari Raya Idulfitri");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The local date.
    pub date: NaiveDate,
    /// English name, for example `"Eid al-Fitr"`.
    pub name: String,
    /// Why the day is off.
    pub kind: HolidayKind,
    /// Whether the date is an estimate (no official decree yet).
    #[serde(default)]
    pub estimated: bool,
}

impl Holiday {
    /// The name in a locale: the built-in translation when the English name
    /// is a known holiday (names joined with `"; "` are translated part by
    /// part), otherwise the English name.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{Holiday, HolidayKind};
    /// use walletcare_core::locale::Locale;
    ///
    /// let h = Holiday {
    ///     date: NaiveDate::from_ymd_opt(2024, 2, 10).ok_or("bad date")?,
    ///     name: "Chinese New Year".into(),
    ///     kind: HolidayKind::Public,
    ///     estimated: false,
    /// };
    /// assert_eq!(h.name_in(Locale::ZhCn), "春节");
    /// assert_eq!(h.name_in(Locale::En), "Chinese New Year");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name_in(&self, locale: Locale) -> String {
        data::translate(&self.name, locale)
    }
}

/// A weekend day that is a working day (China's 调休 make-up days).
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::WorkingDay;
///
/// let w: WorkingDay = serde_json::from_str(
///     r#"{"date":"2024-02-04","name":"Spring Festival make-up working day"}"#,
/// )?;
/// assert_eq!(w.date.to_string(), "2024-02-04");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct WorkingDay {
    /// The local date (a day outside the weekmask).
    pub date: NaiveDate,
    /// Why it is worked, in English.
    pub name: String,
    /// Whether the date is an estimate.
    #[serde(default)]
    pub estimated: bool,
}

/// Why a day is not a business day.
///
/// The JSON form is `{"type":"weekend"}` or
/// `{"type":"holiday","holiday":{...}}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::NonBusinessReason;
/// assert_eq!(serde_json::to_string(&NonBusinessReason::Weekend)?, r#"{"type":"weekend"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "type", content = "holiday", rename_all = "snake_case")]
pub enum NonBusinessReason {
    /// The weekday is outside the weekmask.
    Weekend,
    /// A holiday (possibly also on a weekend day).
    Holiday(Holiday),
}

/// A day that is not a business day, and why.
///
/// Renders as a sentence for explanations to users.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
/// use walletcare_core::locale::{Locale, Render};
///
/// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).ok_or("bad date");
/// let days = id.non_business_days(d(4, 10)?, d(4, 10)?)?;
/// assert_eq!(days[0].render(Locale::En), "Wednesday, 10 April 2024: Eid al-Fitr (public holiday)");
/// assert_eq!(days[0].render(Locale::Id), "Rabu, 10 April 2024: Hari Raya Idulfitri (libur nasional)");
/// assert_eq!(days[0].render(Locale::ZhCn), "2024年4月10日（星期三）：开斋节（法定节假日）");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct NonBusinessDay {
    /// The local date.
    pub date: NaiveDate,
    /// Why it is not a business day.
    pub reason: NonBusinessReason,
}

impl Render for NonBusinessDay {
    fn render(&self, locale: Locale) -> String {
        let d = self.date;
        let what = match &self.reason {
            NonBusinessReason::Weekend => locale.pick("weekend", "akhir pekan", "周末").to_owned(),
            NonBusinessReason::Holiday(h) => match locale {
                Locale::ZhCn => format!("{}（{}）", h.name_in(locale), h.kind.render(locale)),
                _ => format!("{} ({})", h.name_in(locale), h.kind.render(locale)),
            },
        };
        let estimated = matches!(&self.reason, NonBusinessReason::Holiday(h) if h.estimated);
        let note = if estimated {
            locale.pick(", estimated date", ", tanggal perkiraan", "，日期为估计")
        } else {
            ""
        };
        let date = crate::locale::format_weekday_date(d, locale);
        let colon = if locale == Locale::ZhCn { "：" } else { ": " };
        format!("{date}{colon}{what}{note}")
    }
}

/// The days of the week that are business days (before holidays).
///
/// The JSON form is numpy's: seven `0`/`1` characters from Monday to Sunday,
/// `"1111100"` for Monday to Friday. Parsing also accepts day names
/// (`"Mon Tue Wed Thu Fri"`), like numpy.
///
/// # Examples
///
/// ```
/// use chrono::Weekday;
/// use walletcare_core::calendar::Weekmask;
///
/// let m: Weekmask = "1111110".parse()?;
/// assert!(m.contains(Weekday::Sat) && !m.contains(Weekday::Sun));
/// assert_eq!("Mon Tue Wed Thu Fri".parse::<Weekmask>()?, Weekmask::MONDAY_TO_FRIDAY);
/// assert_eq!(Weekmask::MONDAY_TO_FRIDAY.to_string(), "1111100");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
pub struct Weekmask(u8);

impl Weekmask {
    /// Monday to Friday.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::Weekmask;
    /// assert_eq!(Weekmask::MONDAY_TO_FRIDAY.days_per_week(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const MONDAY_TO_FRIDAY: Weekmask = Weekmask(0b001_1111);

    /// A mask from a list of weekdays (possibly empty).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::Weekday;
    /// use walletcare_core::calendar::Weekmask;
    /// let m = Weekmask::from_weekdays(&[Weekday::Sun, Weekday::Mon]);
    /// assert_eq!(m.to_string(), "1000001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from_weekdays(days: &[Weekday]) -> Weekmask {
        Weekmask(
            days.iter()
                .fold(0, |m, d| m | (1 << d.num_days_from_monday())),
        )
    }

    /// Whether the weekday is in the mask.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::Weekday;
    /// use walletcare_core::calendar::Weekmask;
    /// assert!(!Weekmask::MONDAY_TO_FRIDAY.contains(Weekday::Sat));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// How many weekdays are in the mask.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::Weekmask;
    /// assert_eq!("1111110".parse::<Weekmask>()?.days_per_week(), 6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn days_per_week(self) -> u32 {
        self.0.count_ones()
    }

    /// The weekdays in both masks.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::Weekmask;
    /// let a: Weekmask = "1111110".parse()?;
    /// let b: Weekmask = "0111111".parse()?;
    /// assert_eq!(a.intersection(b).to_string(), "0111110");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn intersection(self, other: Weekmask) -> Weekmask {
        Weekmask(self.0 & other.0)
    }
}

impl Default for Weekmask {
    fn default() -> Self {
        Weekmask::MONDAY_TO_FRIDAY
    }
}

impl fmt::Display for Weekmask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for i in 0..7 {
            f.write_str(if self.0 & (1 << i) != 0 { "1" } else { "0" })?;
        }
        Ok(())
    }
}

impl FromStr for Weekmask {
    type Err = CalendarError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.len() == 7 && t.bytes().all(|b| b == b'0' || b == b'1') {
            return Ok(Weekmask(
                t.bytes()
                    .enumerate()
                    .fold(0, |m, (i, b)| if b == b'1' { m | (1 << i) } else { m }),
            ));
        }
        let mut mask = 0_u8;
        for word in t.split([' ', ',']).filter(|w| !w.is_empty()) {
            let day: Weekday = word.parse().map_err(|_| {
                invalid(format!(
                    "weekmask {:?} is neither seven 0/1 digits nor weekday names",
                    s.chars().take(32).collect::<String>()
                ))
            })?;
            mask |= 1 << day.num_days_from_monday();
        }
        if t.is_empty() {
            return Err(invalid("weekmask is empty".to_owned()));
        }
        Ok(Weekmask(mask))
    }
}

impl Serialize for Weekmask {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Weekmask {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(crate::error::Coded::de)
    }
}

/// An inclusive range of years, `{"first":2020,"last":2030}` in JSON.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::YearRange;
/// let r = YearRange { first: 2020, last: 2030 };
/// assert!(r.contains(2024) && !r.contains(2031));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    /// First covered year.
    pub first: i32,
    /// Last covered year (inclusive).
    pub last: i32,
}

impl YearRange {
    /// Whether the year is in the range.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::YearRange;
    /// assert!(YearRange { first: 2020, last: 2020 }.contains(2020));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn contains(&self, year: i32) -> bool {
        self.first <= year && year <= self.last
    }
}

mod tz_serde {
    use chrono_tz::Tz;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(tz: &Tz, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(tz.name())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Tz, D::Error> {
        let name = String::deserialize(d)?;
        super::parse_tz(&name).map_err(crate::error::Coded::de)
    }
}

fn parse_tz(name: &str) -> Result<Tz, CalendarError> {
    name.parse::<Tz>()
        .map_err(|_| CalendarError::UnknownTimeZone {
            name: name.chars().take(64).collect(),
        })
}

fn default_hours() -> Vec<BusinessPeriod> {
    vec![BusinessPeriod {
        start: TimeOfDay(9 * 3600),
        end: TimeOfDay(17 * 3600),
    }]
}

/// Everything that defines a calendar: the JSON form of [`BusinessCalendar`].
///
/// [`BusinessCalendar::new`] validates it. Optional fields: `name` (empty),
/// `weekmask` (`"1111100"`), `business_hours` (09:00-17:00), `cutoff`
/// (none: the whole day counts), `coverage` (none: every year is answered
/// from the weekmask and the lists), `estimated_years`, `holidays`,
/// `working_days` (empty).
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::{BusinessCalendar, CalendarSpec};
///
/// let spec: CalendarSpec = serde_json::from_str(r#"{
///     "name": "Jakarta office",
///     "time_zone": "Asia/Jakarta",
///     "business_hours": [{"start": "08:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}],
///     "cutoff": "16:00",
///     "holidays": [{"date": "2025-08-17", "name": "Independence Day", "kind": "public"}]
/// }"#)?;
/// let cal = BusinessCalendar::new(spec)?;
/// assert_eq!(cal.business_hours().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CalendarSpec {
    /// A label for people (`"Indonesia"`).
    #[serde(default)]
    pub name: String,
    /// The IANA zone in which dates and business hours are local.
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    #[serde(with = "tz_serde")]
    pub time_zone: Tz,
    /// Business weekdays.
    #[serde(default)]
    pub weekmask: Weekmask,
    /// Business hours of every business day, one or more periods.
    #[serde(default = "default_hours")]
    pub business_hours: Vec<BusinessPeriod>,
    /// Requests at or after this local time count from the next business day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cutoff: Option<TimeOfDay>,
    /// The years the lists are complete for; other years are
    /// [`CalendarError::NotCovered`]. `None`: every year, by the weekmask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<YearRange>,
    /// Years whose data is estimated rather than decreed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub estimated_years: Vec<i32>,
    /// Days off.
    #[serde(default)]
    pub holidays: Vec<Holiday>,
    /// Weekend days that are worked.
    #[serde(default)]
    pub working_days: Vec<WorkingDay>,
    /// Which edition of its data the calendar is ([`CalendarEdition`]).
    /// Optional on input (JSON written before editions loads unchanged);
    /// always present on a built calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<CalendarEdition>,
}

impl CalendarSpec {
    /// A calendar spec with only a zone: Monday to Friday, 09:00-17:00, no
    /// holidays.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarSpec};
    /// let cal = BusinessCalendar::new(CalendarSpec::new(chrono_tz::Asia::Jakarta))?;
    /// assert_eq!(cal.time_zone(), chrono_tz::Asia::Jakarta);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(time_zone: Tz) -> CalendarSpec {
        CalendarSpec {
            name: String::new(),
            time_zone,
            weekmask: Weekmask::MONDAY_TO_FRIDAY,
            business_hours: default_hours(),
            cutoff: None,
            coverage: None,
            estimated_years: Vec::new(),
            holidays: Vec::new(),
            working_days: Vec::new(),
            edition: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Epoch days
// ---------------------------------------------------------------------------

/// Days since 1970-01-01 of a date (numpy's `datetime64[D]` value).
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use walletcare_core::calendar::epoch_day;
///
/// assert_eq!(epoch_day(NaiveDate::from_ymd_opt(1970, 1, 2).ok_or("bad date")?), 1);
/// assert_eq!(epoch_day(NaiveDate::from_ymd_opt(1969, 12, 31).ok_or("bad date")?), -1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn epoch_day(date: NaiveDate) -> i32 {
    // Every NaiveDate is within ±262 143 years, so this cannot overflow.
    date.num_days_from_ce().wrapping_sub(EPOCH_FROM_CE as i32)
}

/// The first instant of `date` on the clock of `zone`: local midnight, or,
/// where midnight does not exist (a daylight-saving change at 00:00, as in
/// America/Sao_Paulo until 2019 and America/Santiago), the first local time
/// after the gap. Where midnight occurs twice, the earlier one. This is
/// the one rule for the start (and, through [`end_of_day`], the end) of a
/// local day in the crate: refund due instants, ticket and regulatory
/// deadlines all use it.
///
/// # Errors
///
/// [`CalendarError::DateOutOfRange`] at the ends of chrono's range.
///
/// # Examples
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use walletcare_core::calendar::start_of_day;
///
/// // Sao Paulo sprang forward at midnight on 4 November 2018: the day began at 01:00 (-02).
/// let d = NaiveDate::from_ymd_opt(2018, 11, 4).ok_or("bad date")?;
/// let start = start_of_day(chrono_tz::America::Sao_Paulo, d)?;
/// assert_eq!(start, Utc.with_ymd_and_hms(2018, 11, 4, 3, 0, 0).single().ok_or("bad time")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn start_of_day(zone: Tz, date: NaiveDate) -> Result<DateTime<Utc>, CalendarError> {
    let nanos = local_instant(zone, date, 0).ok_or(CalendarError::DateOutOfRange)?;
    let seconds = i64::try_from(nanos / NANOS).map_err(|_| CalendarError::DateOutOfRange)?;
    DateTime::from_timestamp(seconds, 0).ok_or(CalendarError::DateOutOfRange)
}

/// The instant `date` ends on the clock of `zone`: the [`start_of_day`] of
/// the next day (exclusive: the last moment of `date` is just before it).
///
/// # Errors
///
/// [`CalendarError::DateOutOfRange`] at the ends of chrono's range.
///
/// # Examples
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use walletcare_core::calendar::end_of_day;
///
/// let d = NaiveDate::from_ymd_opt(2026, 12, 24).ok_or("bad date")?;
/// let end = end_of_day(chrono_tz::Asia::Jakarta, d)?;
/// assert_eq!(end, Utc.with_ymd_and_hms(2026, 12, 24, 17, 0, 0).single().ok_or("bad time")?);
/// assert!(end_of_day(chrono_tz::Asia::Jakarta, NaiveDate::MAX).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn end_of_day(zone: Tz, date: NaiveDate) -> Result<DateTime<Utc>, CalendarError> {
    start_of_day(zone, date.succ_opt().ok_or(CalendarError::DateOutOfRange)?)
}

/// The date of an epoch day; [`CalendarError::DateOutOfRange`] outside
/// chrono's range (about ±262 000 years).
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::date_from_epoch_day;
///
/// assert_eq!(date_from_epoch_day(19_723)?.to_string(), "2024-01-01");
/// assert!(date_from_epoch_day(i32::MAX).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn date_from_epoch_day(day: i32) -> Result<NaiveDate, CalendarError> {
    date_of(i64::from(day))
}

fn day_of(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - EPOCH_FROM_CE
}

fn date_of(day: i64) -> Result<NaiveDate, CalendarError> {
    day.checked_add(EPOCH_FROM_CE)
        .and_then(|ce| i32::try_from(ce).ok())
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or(CalendarError::DateOutOfRange)
}

fn first_day_of_year(year: i32) -> Result<i64, CalendarError> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .map(day_of)
        .ok_or(CalendarError::DateOutOfRange)
}

fn instant_nanos(at: DateTime<Utc>) -> i128 {
    i128::from(at.timestamp()) * NANOS + i128::from(at.timestamp_subsec_nanos())
}

fn instant_from_nanos(ns: i128) -> Result<DateTime<Utc>, CalendarError> {
    let secs = i64::try_from(ns.div_euclid(NANOS)).map_err(|_| CalendarError::DateOutOfRange)?;
    let nanos = u32::try_from(ns.rem_euclid(NANOS)).map_err(|_| CalendarError::DateOutOfRange)?;
    DateTime::from_timestamp(secs, nanos).ok_or(CalendarError::DateOutOfRange)
}

fn duration_nanos(d: TimeDelta) -> i128 {
    i128::from(d.num_seconds()) * NANOS + i128::from(d.subsec_nanos())
}

fn duration_from_nanos(ns: i128) -> Result<TimeDelta, CalendarError> {
    let secs = i64::try_from(ns.div_euclid(NANOS)).map_err(|_| CalendarError::DateOutOfRange)?;
    let nanos = u32::try_from(ns.rem_euclid(NANOS)).map_err(|_| CalendarError::DateOutOfRange)?;
    TimeDelta::new(secs, nanos).ok_or(CalendarError::DateOutOfRange)
}

// ---------------------------------------------------------------------------
// The calendar
// ---------------------------------------------------------------------------

/// A business day whose business time differs from the nominal length
/// (a clock change inside business hours).
#[derive(Debug, Clone, PartialEq, Eq)]
struct IrregularDay {
    /// Its business-day ordinal.
    ordinal: i64,
    /// Sum of (actual - nominal) nanoseconds over irregular days up to and
    /// including this one.
    cum_diff: i128,
}

#[derive(Debug, PartialEq, Eq)]
struct Inner {
    spec: CalendarSpec,
    index: DayIndex,
    /// Covered epoch days `[lo, hi)`, with the years.
    covered: Option<(i64, i64, YearRange)>,
    /// `spec.estimated_years` plus the years of estimated listed days, sorted.
    estimated: Vec<i32>,
    /// Nominal business time of a business day, in nanoseconds (> 0).
    day_nanos: i128,
    irregular: Vec<IrregularDay>,
    /// The edition, with its digest (also in `spec.edition`).
    edition: CalendarEdition,
}

/// A business calendar: which days are business days, business hours, and
/// the SLA arithmetic on them.
///
/// Cloning is cheap (the tables are shared). The JSON form is
/// [`CalendarSpec`]'s; loading validates it. See the [module
/// documentation](self) for the design and the time-zone rules.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId, RollConvention};
///
/// let cn = BusinessCalendar::builtin(CalendarId::China);
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).ok_or("bad date");
/// // Sunday 4 February 2024 was a make-up working day before the Spring Festival.
/// assert!(cn.is_business_day(d(2, 4)?)?);
/// assert_eq!(cn.roll(d(2, 12)?, RollConvention::Following)?, d(2, 18)?);
/// assert_eq!(cn.roll(d(2, 12)?, RollConvention::Preceding)?, d(2, 9)?);
///
/// let json = cn.to_json();
/// let again = BusinessCalendar::from_json(&json)?;
/// assert_eq!(again.is_business_day(d(2, 4)?)?, true);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "CalendarSpec"))]
pub struct BusinessCalendar {
    inner: Arc<Inner>,
}

impl fmt::Debug for BusinessCalendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.inner.spec;
        f.debug_struct("BusinessCalendar")
            .field("name", &s.name)
            .field("time_zone", &s.time_zone.name())
            .field("weekmask", &s.weekmask.to_string())
            .field("coverage", &s.coverage)
            .field("holidays", &s.holidays.len())
            .field("working_days", &s.working_days.len())
            .finish_non_exhaustive()
    }
}

impl PartialEq for BusinessCalendar {
    fn eq(&self, other: &Self) -> bool {
        self.inner.spec == other.inner.spec
    }
}

impl Eq for BusinessCalendar {}

impl Serialize for BusinessCalendar {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.inner.spec.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for BusinessCalendar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spec = CalendarSpec::deserialize(deserializer)?;
        BusinessCalendar::new(spec).map_err(crate::error::Coded::de)
    }
}

fn check_name(what: &str, date: NaiveDate, name: &str) -> Result<(), CalendarError> {
    if name.trim().is_empty() {
        return Err(invalid(format!("{what} {date} has an empty name")));
    }
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        return Err(invalid(format!(
            "{what} {date} has a name of {n} characters (at most {MAX_NAME_CHARS})"
        )));
    }
    Ok(())
}

impl BusinessCalendar {
    /// Validates a spec and builds the calendar's tables.
    ///
    /// Errors: [`CalendarError::NoBusinessDays`] for an empty weekmask,
    /// [`CalendarError::InvalidBusinessHours`] for no, reversed or
    /// overlapping periods, [`CalendarError::InvalidArgument`] for a date
    /// listed twice, both as holiday and working day, a working day that is
    /// already in the weekmask, a listed day outside the coverage, an empty
    /// name, or a reversed coverage; [`CalendarError::TooLarge`] when the
    /// coverage (or the listed days) span more than [`MAX_TABLE_YEARS`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{
    ///     BusinessCalendar, BusinessPeriod, CalendarError, CalendarSpec, Weekmask,
    /// };
    ///
    /// let mut spec = CalendarSpec::new(chrono_tz::Asia::Singapore);
    /// spec.business_hours = vec!["09:00-12:00".parse()?, "11:00-18:00".parse()?];
    /// assert!(matches!(
    ///     BusinessCalendar::new(spec.clone()),
    ///     Err(CalendarError::InvalidBusinessHours { .. })
    /// ));
    /// spec.business_hours = vec!["09:00-12:00".parse()?];
    /// spec.weekmask = Weekmask::from_weekdays(&[]);
    /// assert_eq!(BusinessCalendar::new(spec).unwrap_err(), CalendarError::NoBusinessDays);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(mut spec: CalendarSpec) -> Result<BusinessCalendar, CalendarError> {
        let week = WeekArith::new(spec.weekmask.0).ok_or(CalendarError::NoBusinessDays)?;
        validate_periods(&mut spec.business_hours)?;

        spec.holidays.sort_by_key(|h| h.date);
        for h in &spec.holidays {
            check_name("holiday", h.date, &h.name)?;
        }
        for pair in spec.holidays.windows(2) {
            if let [a, b] = pair {
                if a.date == b.date {
                    return Err(invalid(format!("holiday {} is listed twice", a.date)));
                }
            }
        }
        spec.working_days.sort_by_key(|w| w.date);
        for w in &spec.working_days {
            check_name("working day", w.date, &w.name)?;
            if spec.weekmask.contains(w.date.weekday()) {
                return Err(invalid(format!(
                    "working day {} is a {} and already a business day by the weekmask {}",
                    w.date,
                    w.date.weekday(),
                    spec.weekmask
                )));
            }
            if spec
                .holidays
                .binary_search_by_key(&w.date, |h| h.date)
                .is_ok()
            {
                return Err(invalid(format!(
                    "{} is listed both as a holiday and as a working day",
                    w.date
                )));
            }
        }
        for pair in spec.working_days.windows(2) {
            if let [a, b] = pair {
                if a.date == b.date {
                    return Err(invalid(format!("working day {} is listed twice", a.date)));
                }
            }
        }
        spec.estimated_years.sort_unstable();
        spec.estimated_years.dedup();

        // The dense table: the covered years, or the span of the listed days.
        let listed_min = [
            spec.holidays.first().map(|h| h.date),
            spec.working_days.first().map(|w| w.date),
        ]
        .into_iter()
        .flatten()
        .min();
        let listed_max = [
            spec.holidays.last().map(|h| h.date),
            spec.working_days.last().map(|w| w.date),
        ]
        .into_iter()
        .flatten()
        .max();
        let covered = match spec.coverage {
            Some(r) => {
                if r.first > r.last {
                    return Err(invalid(format!(
                        "coverage {}-{} is reversed",
                        r.first, r.last
                    )));
                }
                let span = i64::from(r.last) - i64::from(r.first) + 1;
                if span > i64::from(MAX_TABLE_YEARS) {
                    return Err(CalendarError::TooLarge {
                        what: "coverage (years)".to_owned(),
                        size: span.unsigned_abs(),
                        max: MAX_TABLE_YEARS.unsigned_abs().into(),
                    });
                }
                let lo = first_day_of_year(r.first)?;
                let hi =
                    first_day_of_year(r.last.checked_add(1).ok_or(CalendarError::DateOutOfRange)?)?;
                for d in [listed_min, listed_max].into_iter().flatten() {
                    if !r.contains(d.year()) {
                        return Err(invalid(format!(
                            "{d} is listed but outside the coverage {}-{}",
                            r.first, r.last
                        )));
                    }
                }
                Some((lo, hi, r))
            }
            None => None,
        };
        let (lo, hi) = match (covered, listed_min, listed_max) {
            (Some((lo, hi, _)), _, _) => (lo, hi),
            (None, Some(a), Some(b)) => (day_of(a), day_of(b) + 1),
            _ => (0, 0),
        };
        let len = hi - lo;
        if len > i64::from(MAX_TABLE_YEARS) * 366 {
            return Err(CalendarError::TooLarge {
                what: "span of the listed days (days)".to_owned(),
                size: len.unsigned_abs(),
                max: (i64::from(MAX_TABLE_YEARS) * 366).unsigned_abs(),
            });
        }
        let len = u32::try_from(len).map_err(|_| CalendarError::DateOutOfRange)?;

        // Mark the table: weekmask, minus holidays, plus working days.
        let mut business: Vec<bool> = (0..len).map(|i| week.contains(lo + i64::from(i))).collect();
        for h in &spec.holidays {
            if let Some(b) = usize::try_from(day_of(h.date) - lo)
                .ok()
                .and_then(|i| business.get_mut(i))
            {
                *b = false;
            }
        }
        for w in &spec.working_days {
            if let Some(b) = usize::try_from(day_of(w.date) - lo)
                .ok()
                .and_then(|i| business.get_mut(i))
            {
                *b = true;
            }
        }
        let index = DayIndex::build(week, lo, len, |d| {
            usize::try_from(d - lo)
                .ok()
                .and_then(|i| business.get(i).copied())
                .unwrap_or(false)
        });

        let mut estimated = spec.estimated_years.clone();
        estimated.extend(
            spec.holidays
                .iter()
                .filter(|h| h.estimated)
                .map(|h| h.date.year()),
        );
        estimated.extend(
            spec.working_days
                .iter()
                .filter(|w| w.estimated)
                .map(|w| w.date.year()),
        );
        estimated.sort_unstable();
        estimated.dedup();

        let day_nanos: i128 = spec
            .business_hours
            .iter()
            .map(|p| i128::from(p.seconds()) * NANOS)
            .sum();
        let digest = edition::digest(&spec, &estimated);
        let edition = edition::normalise(spec.edition.take(), digest)?;
        spec.edition = Some(edition.clone());
        let mut inner = Inner {
            spec,
            index,
            covered,
            estimated,
            day_nanos,
            irregular: Vec::new(),
            edition,
        };
        inner.irregular = scan_irregular_days(&inner)?;
        Ok(BusinessCalendar {
            inner: Arc::new(inner),
        })
    }

    /// A built-in calendar (2020-2030), with business hours 09:00-12:00 and
    /// 13:00-18:00 and a 17:00 cut-off.
    ///
    /// The data is compiled in and parsed once per process.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId, YearRange};
    ///
    /// let sg = BusinessCalendar::builtin(CalendarId::Singapore);
    /// assert_eq!(sg.time_zone(), chrono_tz::Asia::Singapore);
    /// assert_eq!(sg.coverage(), Some(YearRange { first: 2020, last: 2030 }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn builtin(id: CalendarId) -> BusinessCalendar {
        static CELLS: [OnceLock<BusinessCalendar>; 4] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        let slot = match id {
            CalendarId::Indonesia => &CELLS[0],
            CalendarId::China => &CELLS[1],
            CalendarId::Singapore => &CELLS[2],
            CalendarId::Malaysia => &CELLS[3],
        };
        slot.get_or_init(|| {
            data::builtin_spec(id)
                .and_then(BusinessCalendar::new)
                .unwrap_or_else(|_| BusinessCalendar::unavailable(id))
        })
        .clone()
    }

    /// A built-in calendar by code: a country (`"ID"`, `"CN"`, `"SG"`,
    /// `"MY"`, as [`BusinessCalendar::builtin`]) or an ISO 3166-2 region
    /// whose days off differ from its country's (`"MY-14"` Kuala Lumpur,
    /// `"MY-10"` Selangor; [`BusinessCalendar::builtin_codes`] lists them).
    /// Codes are matched in any case.
    ///
    /// # Errors
    ///
    /// [`CalendarError::UnknownCalendar`] for any other code.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    ///
    /// let kl = BusinessCalendar::builtin_code("MY-14")?;
    /// let my = BusinessCalendar::builtin(CalendarId::Malaysia);
    /// let ft_day = NaiveDate::from_ymd_opt(2027, 2, 1).ok_or("bad date")?; // Federal Territory Day
    /// assert!(!kl.is_business_day(ft_day)?);
    /// assert!(my.is_business_day(ft_day)?);
    /// assert_eq!(kl.edition().id, "MY-14-2026.12");
    /// assert_eq!(BusinessCalendar::builtin_code("my")?, my);
    /// assert!(BusinessCalendar::builtin_code("MY-99").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builtin_code(code: &str) -> Result<BusinessCalendar, CalendarError> {
        if let Ok(id) = code.parse::<CalendarId>() {
            return Ok(BusinessCalendar::builtin(id));
        }
        static REGIONS: OnceLock<Vec<(&'static str, Result<BusinessCalendar, CalendarError>)>> =
            OnceLock::new();
        let regions = REGIONS.get_or_init(|| {
            data::region_codes()
                .into_iter()
                .map(|c| {
                    let cal = data::region_spec(c).and_then(|spec| {
                        spec.ok_or_else(|| CalendarError::UnknownCalendar { code: c.to_owned() })
                            .and_then(BusinessCalendar::new)
                    });
                    (c, cal)
                })
                .collect()
        });
        let code = code.trim();
        regions
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
            .map(|(_, cal)| cal.clone())
            .unwrap_or_else(|| {
                Err(CalendarError::UnknownCalendar {
                    code: code.chars().take(32).collect(),
                })
            })
    }

    /// The codes [`BusinessCalendar::builtin_code`] accepts: the countries,
    /// then the regions.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::BusinessCalendar;
    /// let codes = BusinessCalendar::builtin_codes();
    /// assert_eq!(&codes[..4], ["ID", "CN", "SG", "MY"]);
    /// assert!(codes.contains(&"MY-14") && codes.contains(&"MY-10"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn builtin_codes() -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = CalendarId::ALL.iter().map(|id| id.code()).collect();
        codes.extend(data::region_codes());
        codes
    }

    /// The calendar returned if compiled-in data failed to load (a test
    /// guarantees it does not): every question is `NotCovered`.
    fn unavailable(id: CalendarId) -> BusinessCalendar {
        let mut spec = CalendarSpec::new(data::zone_of(id));
        spec.name = format!("{id} (data unavailable)");
        let week = WeekArith::monday_to_friday();
        let day_nanos = 8 * 3600 * NANOS;
        BusinessCalendar {
            inner: Arc::new(Inner {
                spec,
                index: DayIndex::build(week, 0, 0, |_| false),
                // An empty covered range: every date is NotCovered.
                covered: Some((
                    0,
                    0,
                    YearRange {
                        first: 1970,
                        last: 1969,
                    },
                )),
                estimated: Vec::new(),
                day_nanos,
                irregular: Vec::new(),
                edition: CalendarEdition::new(&format!("{id}-unavailable"), [""; 0]),
            }),
        }
    }

    /// Loads a calendar from its JSON form ([`CalendarSpec`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarError};
    ///
    /// let cal = BusinessCalendar::from_json(r#"{"time_zone":"Asia/Makassar","weekmask":"1111110"}"#)?;
    /// assert_eq!(cal.time_zone(), chrono_tz::Asia::Makassar);
    /// assert!(matches!(
    ///     BusinessCalendar::from_json(r#"{"time_zone":"Mars/Olympus"}"#),
    ///     Err(CalendarError::InvalidJson { .. })
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(json: &str) -> Result<BusinessCalendar, CalendarError> {
        if json.len() > MAX_JSON_BYTES {
            return Err(CalendarError::TooLarge {
                what: "calendar JSON (bytes)".to_owned(),
                size: json.len() as u64,
                max: MAX_JSON_BYTES as u64,
            });
        }
        let spec: CalendarSpec =
            serde_json::from_str(json).map_err(|e| CalendarError::InvalidJson {
                message: e.to_string(),
            })?;
        BusinessCalendar::new(spec)
    }

    /// The JSON form ([`CalendarSpec`]), which [`BusinessCalendar::from_json`]
    /// loads back to an equal calendar.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    ///
    /// let my = BusinessCalendar::builtin(CalendarId::Malaysia);
    /// assert_eq!(BusinessCalendar::from_json(&my.to_json())?, my);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serialising plain data to a String cannot fail.
        serde_json::to_string(&self.inner.spec).unwrap_or_default()
    }

    /// The validated definition (sorted lists).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let cn = BusinessCalendar::builtin(CalendarId::China);
    /// assert_eq!(cn.spec().name, "China");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn spec(&self) -> &CalendarSpec {
        &self.inner.spec
    }

    /// The edition of the calendar's data: its id, sources and content
    /// digest ([`CalendarEdition`]). SLA results record its
    /// [`CalendarEdition::stamp`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let cn = BusinessCalendar::builtin(CalendarId::China);
    /// assert_eq!(cn.edition().id, "CN-2026.12");
    /// assert!(cn.edition().sources.iter().any(|s| s.starts_with("2024: ")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn edition(&self) -> &CalendarEdition {
        &self.inner.edition
    }

    /// Names the edition of a calendar changed at run time (for example
    /// after [`BusinessCalendar::add_holiday`] for a new decree): its id and
    /// sources. The digest is recomputed. All-or-nothing.
    ///
    /// # Errors
    ///
    /// [`CalendarError::InvalidArgument`] for an id longer than 64
    /// characters or with control characters, more than 256 sources or a
    /// source longer than 400 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarEdition, CalendarId, Holiday, HolidayKind};
    ///
    /// let mut id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let before = id.edition().stamp();
    /// let day = NaiveDate::from_ymd_opt(2027, 8, 16).ok_or("bad date")?;
    /// id.add_holiday(Holiday { date: day, name: "Independence Day".into(), kind: HolidayKind::CollectiveLeave, estimated: false })?;
    /// assert_eq!(id.edition().id, before.id); // same id, new digest
    /// assert_ne!(id.edition().digest, before.digest);
    /// id.set_edition(CalendarEdition::new("ID-2027.08-local", ["SKB revision of August 2027"]))?;
    /// assert_eq!(id.edition().stamp().id, "ID-2027.08-local");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_edition(&mut self, edition: CalendarEdition) -> Result<(), CalendarError> {
        self.rebuild(|s| s.edition = Some(edition))
    }

    /// The IANA zone of the calendar's dates and hours.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let cn = BusinessCalendar::builtin(CalendarId::China);
    /// assert_eq!(cn.time_zone(), chrono_tz::Asia::Shanghai);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn time_zone(&self) -> Tz {
        self.inner.spec.time_zone
    }

    /// The business weekdays.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId, Weekmask};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// assert_eq!(id.weekmask(), Weekmask::MONDAY_TO_FRIDAY);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn weekmask(&self) -> Weekmask {
        self.inner.spec.weekmask
    }

    /// The periods of business hours, sorted.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// assert_eq!(id.business_hours()[1].to_string(), "13:00-18:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn business_hours(&self) -> &[BusinessPeriod] {
        &self.inner.spec.business_hours
    }

    /// The cut-off time, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// assert_eq!(id.cutoff().map(|t| t.to_string()), Some("17:00".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cutoff(&self) -> Option<TimeOfDay> {
        self.inner.spec.cutoff
    }

    /// The covered years, if limited.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarSpec};
    /// let cal = BusinessCalendar::new(CalendarSpec::new(chrono_tz::UTC))?;
    /// assert_eq!(cal.coverage(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn coverage(&self) -> Option<YearRange> {
        self.inner.spec.coverage
    }

    /// The holidays, sorted by date.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let sg = BusinessCalendar::builtin(CalendarId::Singapore);
    /// assert!(sg.holidays().iter().any(|h| h.name == "National Day"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn holidays(&self) -> &[Holiday] {
        &self.inner.spec.holidays
    }

    /// The extra working days, sorted by date.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let cn = BusinessCalendar::builtin(CalendarId::China);
    /// assert!(!cn.working_days().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn working_days(&self) -> &[WorkingDay] {
        &self.inner.spec.working_days
    }

    /// The holiday on a date, if any (O(log holidays)).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let my = BusinessCalendar::builtin(CalendarId::Malaysia);
    /// let merdeka = NaiveDate::from_ymd_opt(2025, 8, 31).ok_or("bad date")?;
    /// assert_eq!(my.holiday(merdeka).map(|h| h.name.as_str()), Some("National Day"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn holiday(&self, date: NaiveDate) -> Option<&Holiday> {
        let hs = &self.inner.spec.holidays;
        hs.binary_search_by_key(&date, |h| h.date)
            .ok()
            .and_then(|i| hs.get(i))
    }

    fn rebuild(&mut self, edit: impl FnOnce(&mut CalendarSpec)) -> Result<(), CalendarError> {
        let mut spec = self.inner.spec.clone();
        edit(&mut spec);
        *self = BusinessCalendar::new(spec)?;
        Ok(())
    }

    /// Adds (or replaces) a holiday at run time. All-or-nothing: on error the
    /// calendar is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId, Holiday, HolidayKind};
    ///
    /// let mut id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let day = NaiveDate::from_ymd_opt(2024, 2, 14).ok_or("bad date")?; // election day
    /// id.add_holiday(Holiday { date: day, name: "General Election".into(), kind: HolidayKind::Public, estimated: false })?;
    /// assert!(!id.is_business_day(day)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_holiday(&mut self, holiday: Holiday) -> Result<(), CalendarError> {
        self.rebuild(|s| {
            s.holidays.retain(|h| h.date != holiday.date);
            s.holidays.push(holiday);
        })
    }

    /// Removes the holiday on a date; returns it (`None` and no change if
    /// there was none).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    ///
    /// let mut sg = BusinessCalendar::builtin(CalendarId::Singapore);
    /// let day = NaiveDate::from_ymd_opt(2025, 8, 9).ok_or("bad date")?;
    /// let removed = sg.remove_holiday(day)?;
    /// assert_eq!(removed.map(|h| h.name), Some("National Day".to_owned()));
    /// assert!(sg.holiday(day).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remove_holiday(&mut self, date: NaiveDate) -> Result<Option<Holiday>, CalendarError> {
        let Some(found) = self.holiday(date).cloned() else {
            return Ok(None);
        };
        self.rebuild(|s| s.holidays.retain(|h| h.date != date))?;
        Ok(Some(found))
    }

    /// Adds (or replaces) an extra working day at run time (a day outside
    /// the weekmask). All-or-nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId, WorkingDay};
    ///
    /// let mut id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let sat = NaiveDate::from_ymd_opt(2025, 3, 1).ok_or("bad date")?;
    /// id.add_working_day(WorkingDay { date: sat, name: "Stock-take".into(), estimated: false })?;
    /// assert!(id.is_business_day(sat)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_working_day(&mut self, day: WorkingDay) -> Result<(), CalendarError> {
        self.rebuild(|s| {
            s.working_days.retain(|w| w.date != day.date);
            s.working_days.push(day);
        })
    }

    /// Removes the extra working day on a date; returns it.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    ///
    /// let mut cn = BusinessCalendar::builtin(CalendarId::China);
    /// let sun = NaiveDate::from_ymd_opt(2024, 2, 4).ok_or("bad date")?;
    /// assert!(cn.remove_working_day(sun)?.is_some());
    /// assert!(!cn.is_business_day(sun)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remove_working_day(
        &mut self,
        date: NaiveDate,
    ) -> Result<Option<WorkingDay>, CalendarError> {
        let ws = &self.inner.spec.working_days;
        let Some(found) = ws
            .binary_search_by_key(&date, |w| w.date)
            .ok()
            .and_then(|i| ws.get(i))
            .cloned()
        else {
            return Ok(None);
        };
        self.rebuild(|s| s.working_days.retain(|w| w.date != date))?;
        Ok(Some(found))
    }

    /// The joint calendar: a day is a business day only if it is one in both.
    ///
    /// Zone, business hours and cut-off come from `a`; the coverage is the
    /// intersection ([`CalendarError::NotCovered`] if empty); the weekmask is
    /// the intersection ([`CalendarError::NoBusinessDays`] if empty).
    /// Holidays on the same date keep both names, joined with `"; "`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    ///
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let sg = BusinessCalendar::builtin(CalendarId::Singapore);
    /// let both = BusinessCalendar::joint(&id, &sg)?;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
    /// assert!(!both.is_business_day(d(2024, 2, 12)?)?); // Singapore: Chinese New Year observed
    /// assert!(!both.is_business_day(d(2025, 8, 18)?)?); // Indonesia: cuti bersama
    /// assert!(both.is_business_day(d(2025, 8, 19)?)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn joint(
        a: &BusinessCalendar,
        b: &BusinessCalendar,
    ) -> Result<BusinessCalendar, CalendarError> {
        let (sa, sb) = (&a.inner.spec, &b.inner.spec);
        let weekmask = sa.weekmask.intersection(sb.weekmask);
        if weekmask.days_per_week() == 0 {
            return Err(CalendarError::NoBusinessDays);
        }
        let coverage = match (sa.coverage, sb.coverage) {
            (Some(x), Some(y)) => {
                let r = YearRange {
                    first: x.first.max(y.first),
                    last: x.last.min(y.last),
                };
                if r.first > r.last {
                    return Err(CalendarError::NotCovered {
                        year: x.last.min(y.last) + 1,
                    });
                }
                Some(r)
            }
            (x, y) => x.or(y),
        };
        let in_cov = |d: NaiveDate| coverage.is_none_or(|r| r.contains(d.year()));
        let mut dates: Vec<NaiveDate> = sa
            .holidays
            .iter()
            .map(|h| h.date)
            .chain(sa.working_days.iter().map(|w| w.date))
            .chain(sb.holidays.iter().map(|h| h.date))
            .chain(sb.working_days.iter().map(|w| w.date))
            .filter(|d| in_cov(*d))
            .collect();
        dates.sort_unstable();
        dates.dedup();
        let mut holidays = Vec::new();
        let mut working_days = Vec::new();
        for date in dates {
            let d = day_of(date);
            let in_mask = weekmask.contains(date.weekday());
            let business = a.inner.index.is_business(d) && b.inner.index.is_business(d);
            match (a.holiday(date), b.holiday(date)) {
                (Some(x), Some(y)) => holidays.push(Holiday {
                    date,
                    name: if x.name == y.name {
                        x.name.clone()
                    } else {
                        format!("{}; {}", x.name, y.name)
                    },
                    kind: x.kind.min(y.kind),
                    estimated: x.estimated || y.estimated,
                }),
                (Some(h), None) | (None, Some(h)) => holidays.push(h.clone()),
                (None, None) => {
                    if business && !in_mask {
                        let w = sa
                            .working_days
                            .iter()
                            .chain(&sb.working_days)
                            .find(|w| w.date == date);
                        if let Some(w) = w {
                            working_days.push(w.clone());
                        }
                    }
                }
            }
        }
        let mut estimated_years: Vec<i32> = sa
            .estimated_years
            .iter()
            .chain(&sb.estimated_years)
            .copied()
            .filter(|y| coverage.is_none_or(|r| r.contains(*y)))
            .collect();
        estimated_years.sort_unstable();
        estimated_years.dedup();
        let (ea, eb) = (&a.inner.edition, &b.inner.edition);
        let mut sources = ea.sources.clone();
        sources.extend(
            eb.sources
                .iter()
                .filter(|s| !ea.sources.contains(s))
                .cloned(),
        );
        sources.truncate(256);
        let id = format!("{}+{}", ea.id, eb.id);
        // A joint of joints may outgrow the id limit: then the id is derived.
        let id = if id.chars().count() <= 64 {
            id
        } else {
            String::new()
        };
        BusinessCalendar::new(CalendarSpec {
            edition: Some(CalendarEdition::new(&id, sources)),
            name: format!("{} + {}", sa.name, sb.name),
            time_zone: sa.time_zone,
            weekmask,
            business_hours: sa.business_hours.clone(),
            cutoff: sa.cutoff,
            coverage,
            estimated_years,
            holidays,
            working_days,
        })
    }

    // ----- coverage -------------------------------------------------------

    /// `Ok` if the input epoch day is a valid, covered date.
    #[inline]
    fn check_input(&self, d: i64) -> Result<(), CalendarError> {
        match self.inner.covered {
            Some((lo, hi, _)) if d >= lo && d < hi => Ok(()),
            Some(_) => Err(CalendarError::NotCovered {
                year: date_of(d)?.year(),
            }),
            None => date_of(d).map(|_| ()),
        }
    }

    /// `Ok(d)` if the result epoch day is a valid, covered date.
    #[inline]
    fn check_result(&self, d: i64) -> Result<i64, CalendarError> {
        match self.inner.covered {
            Some((lo, hi, _)) if d >= lo && d < hi => Ok(d),
            Some((_, hi, r)) if d >= hi => Err(CalendarError::NotCovered {
                year: r.last.saturating_add(1),
            }),
            Some((_, _, r)) => Err(CalendarError::NotCovered {
                year: r.first.saturating_sub(1),
            }),
            None => date_of(d).map(|_| d),
        }
    }

    /// Whether any day in `[start, end]` falls in a year whose data is
    /// estimated (no official decree yet). Uncovered years are not
    /// "estimated": questions about them fail with
    /// [`CalendarError::NotCovered`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let cn = BusinessCalendar::builtin(CalendarId::China);
    /// let d = |y| NaiveDate::from_ymd_opt(y, 6, 1).ok_or("bad date");
    /// assert!(!cn.is_estimated(d(2024)?, d(2025)?));
    /// assert!(cn.is_estimated(d(2025)?, d(2028)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_estimated(&self, start: NaiveDate, end: NaiveDate) -> bool {
        if end < start {
            return false;
        }
        let est = &self.inner.estimated;
        let i = est.partition_point(|&y| y < start.year());
        est.get(i).is_some_and(|&y| y <= end.year())
    }

    /// Whether a year's data is estimated.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// assert!(!id.is_estimated_year(2024));
    /// assert!(id.is_estimated_year(2030));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_estimated_year(&self, year: i32) -> bool {
        self.inner.estimated.binary_search(&year).is_ok()
    }

    // ----- days -------------------------------------------------------------

    fn is_business_impl(&self, d: i64) -> Result<bool, CalendarError> {
        self.check_input(d)?;
        Ok(self.inner.index.is_business(d))
    }

    /// `day(k)` as a checked result.
    fn day_of_ordinal(&self, k: i64) -> Result<i64, CalendarError> {
        let d = self
            .inner
            .index
            .day(k)
            .ok_or(CalendarError::DateOutOfRange)?;
        self.check_result(d)
    }

    fn add_impl(&self, d: i64, n: i64) -> Result<i64, CalendarError> {
        let idx = &self.inner.index;
        if n >= 0 {
            if let Some(r) = idx.add_in_table(d, n) {
                return Ok(r);
            }
        }
        self.check_input(d)?;
        let mut k = idx.ordinal(d);
        if n < 0 && !idx.is_business(d) {
            k -= 1;
        }
        let k = k.checked_add(n).ok_or(CalendarError::DateOutOfRange)?;
        self.day_of_ordinal(k)
    }

    /// numpy's `busday_count(a, b)`: the business days from `a` included to
    /// `b` excluded, walking towards `b`; negative when `b < a`.
    fn between_impl(&self, a: i64, b: i64) -> Result<i64, CalendarError> {
        // The counted days are [from, to).
        let (from, to, sign) = if b >= a {
            (a, b, 1)
        } else {
            (b + 1, a + 1, -1)
        };
        match self.inner.covered {
            // `to` is an exclusive bound: the day after the last covered day
            // is fine.
            Some((clo, chi, _)) => {
                if from < clo {
                    self.check_input(from)?;
                }
                if to > chi {
                    self.check_input(to)?;
                }
            }
            None => {
                date_of(a)?;
                date_of(b)?;
            }
        }
        let idx = &self.inner.index;
        Ok(sign * (idx.ordinal(to) - idx.ordinal(from)))
    }

    /// Whether a local date is a business day.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// assert!(!id.is_business_day(NaiveDate::from_ymd_opt(2025, 8, 17).ok_or("bad date")?)?);
    /// assert!(id.is_business_day(NaiveDate::from_ymd_opt(2025, 8, 19).ok_or("bad date")?)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_business_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        self.is_business_impl(day_of(date))
    }

    /// The first business day strictly after `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let sg = BusinessCalendar::builtin(CalendarId::Singapore);
    /// let fri = NaiveDate::from_ymd_opt(2024, 3, 22).ok_or("bad date")?;
    /// assert_eq!(sg.next_business_day(fri)?.to_string(), "2024-03-25");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_business_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let d = day_of(date);
        self.check_input(d)?;
        let k = self.inner.index.ordinal(d + 1);
        date_of(self.day_of_ordinal(k)?)
    }

    /// The last business day strictly before `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let sg = BusinessCalendar::builtin(CalendarId::Singapore);
    /// let mon = NaiveDate::from_ymd_opt(2024, 3, 25).ok_or("bad date")?;
    /// assert_eq!(sg.previous_business_day(mon)?.to_string(), "2024-03-22");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn previous_business_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let d = day_of(date);
        self.check_input(d)?;
        let k = self.inner.index.ordinal(d) - 1;
        date_of(self.day_of_ordinal(k)?)
    }

    /// Adds `n` business days with numpy's `busday_offset` semantics: for
    /// `n >= 0` roll `date` forward to a business day (`roll='following'`),
    /// for `n < 0` backward (`roll='preceding'`), then move `n` business
    /// days. O(1) for any `n`; results beyond the data are
    /// [`CalendarError::NotCovered`] (naming the first year without data),
    /// beyond chrono's range [`CalendarError::DateOutOfRange`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarError, CalendarId};
    /// let sg = BusinessCalendar::builtin(CalendarId::Singapore);
    /// let sat = NaiveDate::from_ymd_opt(2024, 3, 23).ok_or("bad date")?;
    /// assert_eq!(sg.add_business_days(sat, 0)?.to_string(), "2024-03-25");
    /// assert_eq!(sg.add_business_days(sat, 1)?.to_string(), "2024-03-26");
    /// assert_eq!(sg.add_business_days(sat, -1)?.to_string(), "2024-03-21");
    /// assert_eq!(sg.add_business_days(sat, 1_000_000), Err(CalendarError::NotCovered { year: 2031 }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_business_days(&self, date: NaiveDate, n: i64) -> Result<NaiveDate, CalendarError> {
        date_of(self.add_impl(day_of(date), n)?)
    }

    /// Business days in `[start, end)`, with numpy's `busday_count`
    /// semantics: counting from `start` (included) towards `end` (excluded),
    /// so when `end < start` the result is minus the business days in
    /// `(end, start]`. The day after the last covered day is a valid `end`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let sg = BusinessCalendar::builtin(CalendarId::Singapore);
    /// let a = NaiveDate::from_ymd_opt(2024, 3, 18).ok_or("bad date")?;
    /// let b = NaiveDate::from_ymd_opt(2024, 3, 25).ok_or("bad date")?;
    /// assert_eq!(sg.business_days_between(a, b)?, 5);
    /// assert_eq!(sg.business_days_between(b, a)?, -5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_days_between(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<i64, CalendarError> {
        self.between_impl(day_of(start), day_of(end))
    }

    /// Moves a date onto a business day by a convention (a business day is
    /// returned unchanged).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId, RollConvention};
    /// let my = BusinessCalendar::builtin(CalendarId::Malaysia);
    /// let sat = NaiveDate::from_ymd_opt(2024, 8, 31).ok_or("bad date")?; // National Day, a Saturday
    /// assert_eq!(my.roll(sat, RollConvention::Following)?.to_string(), "2024-09-02");
    /// assert_eq!(my.roll(sat, RollConvention::ModifiedFollowing)?.to_string(), "2024-08-30");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn roll(
        &self,
        date: NaiveDate,
        convention: RollConvention,
    ) -> Result<NaiveDate, CalendarError> {
        let d = day_of(date);
        if self.is_business_impl(d)? {
            return Ok(date);
        }
        let idx = &self.inner.index;
        let k = idx.ordinal(d);
        let following = || -> Result<NaiveDate, CalendarError> { date_of(self.day_of_ordinal(k)?) };
        let preceding =
            || -> Result<NaiveDate, CalendarError> { date_of(self.day_of_ordinal(k - 1)?) };
        let same_month = |x: NaiveDate| x.month() == date.month() && x.year() == date.year();
        match convention {
            RollConvention::Following => following(),
            RollConvention::Preceding => preceding(),
            RollConvention::ModifiedFollowing => match following() {
                Ok(x) if same_month(x) => Ok(x),
                _ => preceding(),
            },
            RollConvention::ModifiedPreceding => match preceding() {
                Ok(x) if same_month(x) => Ok(x),
                _ => following(),
            },
        }
    }

    /// Every non-business day in `[start, end]`, in order, with its reason
    /// (a holiday on a weekend day is reported as the holiday). Empty when
    /// `end < start`; [`CalendarError::TooLarge`] beyond
    /// [`MAX_LISTED_DAYS`] days.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId, NonBusinessReason};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).ok_or("bad date");
    /// let days = id.non_business_days(d(8, 15)?, d(8, 18)?)?;
    /// let dates: Vec<String> = days.iter().map(|x| x.date.to_string()).collect();
    /// assert_eq!(dates, ["2025-08-16", "2025-08-17", "2025-08-18"]);
    /// assert_eq!(days[0].reason, NonBusinessReason::Weekend);
    /// assert!(matches!(&days[1].reason, NonBusinessReason::Holiday(h) if h.name == "Independence Day"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn non_business_days(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<Vec<NonBusinessDay>, CalendarError> {
        if end < start {
            return Ok(Vec::new());
        }
        let (a, b) = (day_of(start), day_of(end));
        self.check_input(a)?;
        self.check_input(b)?;
        let span = b - a + 1;
        if span > MAX_LISTED_DAYS {
            return Err(CalendarError::TooLarge {
                what: "date range (days)".to_owned(),
                size: span.unsigned_abs(),
                max: MAX_LISTED_DAYS.unsigned_abs(),
            });
        }
        let hs = &self.inner.spec.holidays;
        let mut h = hs.partition_point(|h| h.date < start);
        let idx = &self.inner.index;
        let mut out = Vec::new();
        for d in a..=b {
            let date = date_of(d)?;
            let holiday = match hs.get(h) {
                Some(x) if x.date == date => {
                    h += 1;
                    Some(x)
                }
                _ => None,
            };
            if !idx.is_business(d) {
                out.push(NonBusinessDay {
                    date,
                    reason: holiday.map_or(NonBusinessReason::Weekend, |x| {
                        NonBusinessReason::Holiday(x.clone())
                    }),
                });
            }
        }
        Ok(out)
    }

    // ----- instants ---------------------------------------------------------

    /// The local date of an instant, checked against the coverage.
    fn local_day(&self, at: DateTime<Utc>) -> Result<(NaiveDate, i64), CalendarError> {
        let date = crate::locale::local_date(at, self.inner.spec.time_zone);
        let d = day_of(date);
        self.check_input(d)?;
        Ok((date, d))
    }

    /// The local business date from which an SLA counts for a request made
    /// at `at`: its local date if that is a business day and the local time
    /// is before the cut-off, otherwise the next business day.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let cn = BusinessCalendar::builtin(CalendarId::China);
    /// // 16:59 and 17:00 in Shanghai (UTC+8) on Friday 2024-03-01.
    /// let before = Utc.with_ymd_and_hms(2024, 3, 1, 8, 59, 0).single().ok_or("bad time")?;
    /// let after = Utc.with_ymd_and_hms(2024, 3, 1, 9, 0, 0).single().ok_or("bad time")?;
    /// assert_eq!(cn.start_date(before)?.to_string(), "2024-03-01");
    /// assert_eq!(cn.start_date(after)?.to_string(), "2024-03-04");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn start_date(&self, at: DateTime<Utc>) -> Result<NaiveDate, CalendarError> {
        let local = at.with_timezone(&self.inner.spec.time_zone);
        let date = crate::locale::local_date(at, self.inner.spec.time_zone);
        let d = day_of(date);
        let before_cutoff = self
            .inner
            .spec
            .cutoff
            .is_none_or(|c| TimeOfDay::from_naive(local.time()) < c);
        if self.is_business_impl(d)? && before_cutoff {
            Ok(date)
        } else {
            self.next_business_day(date)
        }
    }

    /// Business time in the business days before ordinal `k`, in ns.
    fn seconds_before_ordinal(&self, k: i64) -> i128 {
        let irr = &self.inner.irregular;
        let j = irr.partition_point(|e| e.ordinal < k);
        let c = j
            .checked_sub(1)
            .and_then(|j| irr.get(j))
            .map_or(0, |e| e.cum_diff);
        i128::from(k) * self.inner.day_nanos + c
    }

    /// The instants (ns) of the business periods of a date.
    fn period_instants(
        &self,
        date: NaiveDate,
    ) -> impl Iterator<Item = Result<(i128, i128), CalendarError>> + '_ {
        let tz = self.inner.spec.time_zone;
        self.inner.spec.business_hours.iter().map(move |p| {
            let s =
                local_instant(tz, date, p.start.seconds()).ok_or(CalendarError::DateOutOfRange)?;
            let e =
                local_instant(tz, date, p.end.seconds()).ok_or(CalendarError::DateOutOfRange)?;
            Ok((s, e.max(s)))
        })
    }

    /// The business-time position of an instant: business time from the
    /// anchor to `at`, in ns.
    fn position(&self, at: DateTime<Utc>) -> Result<i128, CalendarError> {
        let (date, d) = self.local_day(at)?;
        let idx = &self.inner.index;
        let mut p = self.seconds_before_ordinal(idx.ordinal(d));
        if idx.is_business(d) {
            let t = instant_nanos(at);
            for w in self.period_instants(date) {
                let (s, e) = w?;
                if t > s {
                    p += t.min(e) - s;
                }
            }
        }
        Ok(p)
    }

    /// `at` plus `duration` of business time: the earliest instant `t` such
    /// that the business time in `[at, t]` is `duration` (so a duration that
    /// ends exactly at the close of business gives the closing time, not the
    /// next opening). A negative duration goes back: the latest `t` with
    /// `duration` of business time in `[t, at]`. Zero returns `at`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let sg = BusinessCalendar::builtin(CalendarId::Singapore); // 09-12, 13-18, UTC+8
    /// // Friday 2024-03-22 17:00 local + 3 business hours = Monday 11:00 local.
    /// let at = Utc.with_ymd_and_hms(2024, 3, 22, 9, 0, 0).single().ok_or("bad time")?;
    /// let due = sg.add_business_duration(at, Duration::hours(3))?;
    /// assert_eq!(due, Utc.with_ymd_and_hms(2024, 3, 25, 3, 0, 0).single().ok_or("bad time")?);
    /// // One hour lands exactly on the close: 18:00 Friday.
    /// let close = sg.add_business_duration(at, Duration::hours(1))?;
    /// assert_eq!(close, Utc.with_ymd_and_hms(2024, 3, 22, 10, 0, 0).single().ok_or("bad time")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_business_duration(
        &self,
        at: DateTime<Utc>,
        duration: TimeDelta,
    ) -> Result<DateTime<Utc>, CalendarError> {
        let p0 = self.position(at)?;
        let dur = duration_nanos(duration);
        if dur == 0 {
            return Ok(at);
        }
        let target = p0 + dur;
        let forward = dur > 0;
        let l = self.inner.day_nanos;
        let irr = &self.inner.irregular;
        // Irregular days wholly before the target (see the module docs).
        let boundary = |e: &IrregularDay| {
            let s = i128::from(e.ordinal) + 1;
            s * l + e.cum_diff
        };
        let j = if forward {
            irr.partition_point(|e| boundary(e) < target)
        } else {
            irr.partition_point(|e| boundary(e) <= target)
        };
        let c = j
            .checked_sub(1)
            .and_then(|j| irr.get(j))
            .map_or(0, |e| e.cum_diff);
        let num = if forward { target - c - 1 } else { target - c };
        let mut k = num.div_euclid(l);
        if let Some(e) = irr.get(j) {
            k = k.min(i128::from(e.ordinal));
        }
        let k = i64::try_from(k).map_err(|_| CalendarError::DateOutOfRange)?;
        let d = self.day_of_ordinal(k)?;
        let date = date_of(d)?;
        let mut r = target - self.seconds_before_ordinal(k);
        let mut last_end = None;
        for w in self.period_instants(date) {
            let (s, e) = w?;
            let len = e - s;
            if (forward && r <= len) || (!forward && r < len) {
                return instant_from_nanos(s + r);
            }
            r -= len;
            last_end = Some(e);
        }
        // Only reachable outside the scanned range of clock changes.
        last_end.map_or(Err(CalendarError::DateOutOfRange), instant_from_nanos)
    }

    /// Business time (inside business hours on business days) between two
    /// instants; zero if `end <= start`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia); // 09-12, 13-18, UTC+7
    /// let a = Utc.with_ymd_and_hms(2024, 3, 4, 4, 0, 0).single().ok_or("bad time")?; // Mon 11:00
    /// let b = Utc.with_ymd_and_hms(2024, 3, 5, 3, 0, 0).single().ok_or("bad time")?; // Tue 10:00
    /// assert_eq!(id.business_duration_between(a, b)?, Duration::hours(1 + 5 + 1));
    /// assert_eq!(id.business_duration_between(b, a)?, Duration::zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_duration_between(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Result<TimeDelta, CalendarError> {
        let a = self.position(start)?;
        let b = self.position(end)?;
        if end <= start {
            return Ok(TimeDelta::zero());
        }
        duration_from_nanos(b - a)
    }

    // ----- epoch-day fast paths ---------------------------------------------

    /// [`BusinessCalendar::is_business_day`] on an epoch day.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// assert!(!id.is_business_day_epoch(19_723)?); // 2024-01-01, New Year
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_business_day_epoch(&self, day: i32) -> Result<bool, CalendarError> {
        self.is_business_impl(i64::from(day))
    }

    /// [`BusinessCalendar::add_business_days`] on an epoch day.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// // 2024-01-01 (holiday) + 0 = Tuesday 2024-01-02.
    /// assert_eq!(id.add_business_days_epoch(19_723, 0)?, 19_724);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_business_days_epoch(&self, day: i32, n: i64) -> Result<i32, CalendarError> {
        let r = self.add_impl(i64::from(day), n)?;
        i32::try_from(r).map_err(|_| CalendarError::DateOutOfRange)
    }

    /// [`BusinessCalendar::business_days_between`] on epoch days.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// assert_eq!(id.business_days_between_epoch(19_723, 19_730)?, 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_days_between_epoch(&self, start: i32, end: i32) -> Result<i64, CalendarError> {
        self.between_impl(i64::from(start), i64::from(end))
    }

    /// Adds `n` business days to every epoch day of `days`, writing `out`
    /// (numpy's `busday_offset(days, n, roll=...)` on a whole array).
    ///
    /// Errors: [`CalendarError::InvalidArgument`] if the slices differ in
    /// length, otherwise the first failing item as
    /// [`CalendarError::InBatch`]; on error the contents of `out` are
    /// unspecified (use [`BusinessCalendar::add_business_days_epoch_vec`] for
    /// an all-or-nothing result).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let days = [19_723, 19_724];
    /// let mut out = [0; 2];
    /// id.add_business_days_epoch_into(&days, 1, &mut out)?;
    /// assert_eq!(out, [19_725, 19_725]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_business_days_epoch_into(
        &self,
        days: &[i32],
        n: i64,
        out: &mut [i32],
    ) -> Result<(), CalendarError> {
        if days.len() != out.len() {
            return Err(invalid(format!(
                "{} input days but {} output slots",
                days.len(),
                out.len()
            )));
        }
        let idx = &self.inner.index;
        let lo = idx.lo;
        let (cum, ord) = (idx.cum.as_slice(), idx.ord.as_slice());
        let slow = |i: usize, d: i32| {
            self.add_business_days_epoch(d, n)
                .map_err(|e| CalendarError::InBatch {
                    index: i,
                    source: Box::new(e),
                })
        };
        let Ok(lo32) = i32::try_from(lo) else {
            // Tables always lie within chrono's dates, which fit in i32.
            return Err(CalendarError::DateOutOfRange);
        };
        // Fast loops: both the day and the result in the table, so the
        // result is `ord[k]` with `k` the rolled day's ordinal plus `n`.
        // Indices are widened to u64 so that no addition can wrap.
        if let Ok(n_fast) = u64::try_from(n) {
            for (i, (&d, o)) in days.iter().zip(out.iter_mut()).enumerate() {
                let fast = cum
                    .get(d.wrapping_sub(lo32) as u32 as usize)
                    .and_then(|&c| usize::try_from(u64::from(c) + n_fast).ok())
                    .and_then(|k| ord.get(k));
                *o = match fast {
                    Some(&off) => lo32.wrapping_add(off as i32),
                    None => slow(i, d)?,
                };
            }
        } else {
            // n < 0: roll preceding (one ordinal back on a non-business day).
            let back = n.unsigned_abs();
            for (i, (&d, o)) in days.iter().zip(out.iter_mut()).enumerate() {
                let at = d.wrapping_sub(lo32) as u32 as usize;
                let fast = match (cum.get(at), cum.get(at.wrapping_add(1))) {
                    (Some(&c), Some(&c1)) => {
                        let rolled = u64::from(c) + u64::from(c1 != c);
                        rolled
                            .checked_sub(back.saturating_add(1))
                            .and_then(|k| usize::try_from(k).ok())
                            .and_then(|k| ord.get(k))
                    }
                    _ => None,
                };
                *o = match fast {
                    Some(&off) => lo32.wrapping_add(off as i32),
                    None => slow(i, d)?,
                };
            }
        }
        Ok(())
    }

    /// [`BusinessCalendar::add_business_days_epoch_into`] into a new vector:
    /// all-or-nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let sg = BusinessCalendar::builtin(CalendarId::Singapore);
    /// assert_eq!(sg.add_business_days_epoch_vec(&[19_800], -1)?, vec![19_797]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_business_days_epoch_vec(
        &self,
        days: &[i32],
        n: i64,
    ) -> Result<Vec<i32>, CalendarError> {
        let mut out = vec![0; days.len()];
        self.add_business_days_epoch_into(days, n, &mut out)?;
        Ok(out)
    }

    /// Business days between `starts[i]` and `ends[i]` for every `i`
    /// (numpy's `busday_count` on arrays), writing `out`.
    ///
    /// Errors as [`BusinessCalendar::add_business_days_epoch_into`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let mut out = [0; 2];
    /// // Mon 1 Jan (New Year) -> Mon 8 Jan: 2, 3, 4, 5 Jan.
    /// // Mon 8 Jan -> Mon 1 Jan: minus (2, 3, 4, 5, 8 Jan), as numpy counts it.
    /// id.business_days_between_epoch_into(&[19_723, 19_730], &[19_730, 19_723], &mut out)?;
    /// assert_eq!(out, [4, -5]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_days_between_epoch_into(
        &self,
        starts: &[i32],
        ends: &[i32],
        out: &mut [i64],
    ) -> Result<(), CalendarError> {
        if starts.len() != ends.len() || starts.len() != out.len() {
            return Err(invalid(format!(
                "{} starts, {} ends and {} output slots: the lengths must match",
                starts.len(),
                ends.len(),
                out.len()
            )));
        }
        let idx = &self.inner.index;
        let cum = idx.cum.as_slice();
        let Ok(lo32) = i32::try_from(idx.lo) else {
            return Err(CalendarError::DateOutOfRange);
        };
        for (i, ((&a, &b), o)) in starts.iter().zip(ends).zip(out.iter_mut()).enumerate() {
            // numpy: count [a, b) forwards, or minus (b, a] backwards; written
            // as selects so that random pairs do not mispredict a branch.
            let reversed = b < a;
            let from = if reversed { b.wrapping_add(1) } else { a };
            let to = if reversed { a.wrapping_add(1) } else { b };
            let cf = cum.get(from.wrapping_sub(lo32) as u32 as usize);
            let ct = cum.get(to.wrapping_sub(lo32) as u32 as usize);
            *o = match (cf, ct) {
                (Some(&x), Some(&y)) => {
                    let c = i64::from(y) - i64::from(x);
                    if reversed { -c } else { c }
                }
                _ => {
                    self.business_days_between_epoch(a, b)
                        .map_err(|e| CalendarError::InBatch {
                            index: i,
                            source: Box::new(e),
                        })?
                }
            };
        }
        Ok(())
    }
}

/// Finds the business days whose business time differs from the nominal
/// length because the zone's offset changes inside business hours.
///
/// The UTC offset is sampled at UTC midnight once a week, and day by day only
/// in weeks where it differs between the two ends (tzdb has no two offset
/// changes less than a week apart in the scanned years). A change between
/// the UTC midnights of days `j` and `j + 1` can only touch the business
/// periods of local days `j - 1..=j + 1` (offsets are within -12 h..+14 h),
/// whose exact period instants are then computed.
fn scan_irregular_days(inner: &Inner) -> Result<Vec<IrregularDay>, CalendarError> {
    use chrono::{Offset, TimeZone};
    let tz = inner.spec.time_zone;
    let (lo, hi) = match inner.covered {
        Some((lo, hi, _)) => (lo, hi),
        None => {
            let (a, b) = (first_day_of_year(1970)?, first_day_of_year(2100)?);
            let idx = &inner.index;
            (a.min(idx.lo), b.max(idx.lo + idx.len))
        }
    };
    if hi <= lo {
        return Ok(Vec::new());
    }
    let offset_at = |d: i64| -> Option<i32> {
        let ndt = date_of(d).ok()?.and_hms_opt(0, 0, 0)?;
        Some(tz.offset_from_utc_datetime(&ndt).fix().local_minus_utc())
    };
    // Days j (UTC) with a change of offset between j 00:00Z and j+1 00:00Z.
    let mut change_days = Vec::new();
    let mut week = lo - 2;
    let mut at_week = offset_at(week);
    while week <= hi {
        let next = week + 7;
        let at_next = offset_at(next);
        if at_next != at_week {
            let mut prev = at_week;
            for j in week..next {
                let cur = offset_at(j + 1);
                if cur != prev {
                    change_days.push(j);
                }
                prev = cur;
            }
        }
        week = next;
        at_week = at_next;
    }
    let mut candidates: Vec<i64> = change_days
        .iter()
        .flat_map(|&j| [j - 1, j, j + 1])
        .filter(|&d| d >= lo && d < hi)
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut out = Vec::new();
    let mut cum: i128 = 0;
    for d in candidates {
        if !inner.index.is_business(d) {
            continue;
        }
        let date = date_of(d)?;
        let mut actual: i128 = 0;
        for p in &inner.spec.business_hours {
            let s = local_instant(tz, date, p.start.seconds());
            let e = local_instant(tz, date, p.end.seconds());
            if let (Some(s), Some(e)) = (s, e) {
                actual += (e - s).max(0);
            }
        }
        if actual != inner.day_nanos {
            cum += actual - inner.day_nanos;
            out.push(IrregularDay {
                ordinal: inner.index.ordinal(d),
                cum_diff: cum,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
