//! Business calendars: business days, business hours, holidays.
//!
//! Every query takes a `calendar`: the code of a built-in calendar (`"ID"`,
//! `"CN"`, `"SG"`, `"MY"`, any case) or a calendar's JSON form (its
//! `CalendarSpec`: only `time_zone` is required). The bindings keep
//! calendars as handles; their methods run the same [`Query::on`] as the
//! operations here, so there is one definition of each answer.
//!
//! # Examples
//!
//! ```
//! let out = walletcare_api::call("calendar.add_business_days", r#"{"calendar":"ID","date":"2024-04-05","n":3}"#)?;
//! assert_eq!(out, r#""2024-04-18""#);
//! let err = walletcare_api::call("calendar.is_business_day", r#"{"calendar":"XX","date":"2024-04-05"}"#).unwrap_err();
//! assert_eq!(err.code.as_str(), "calendar.unknown_calendar");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use walletcare_core::calendar::{
    BusinessCalendar, CalendarError, CalendarId, CalendarSpec, Holiday, NonBusinessDay,
    RollConvention, WorkingDay, YearRange,
};
use walletcare_core::error::Error;
use walletcare_core::locale::{Locale, Render};

use crate::ops::{Command, Operation, registry};

registry! {
    operations: [
        Codes, Load, Joint, Amend, CompareEditions,
        On<IsBusinessDay>, On<NextBusinessDay>, On<PreviousBusinessDay>, On<AddBusinessDays>,
        On<BusinessDaysBetween>, On<Roll>, On<NonBusinessDays>, On<StartDate>,
        On<AddBusinessSeconds>, On<BusinessSecondsBetween>, On<IsEstimated>, On<HolidayOn>,
        On<HolidayName>, On<Info>,
    ],
    commands: [AddHoliday, RemoveHoliday, AddWorkingDay, RemoveWorkingDay],
}

pub use crate::arg::CalendarArg;

/// The built-in calendar with a code (`"ID"`, `"CN"`, `"SG"`, `"MY"`, any
/// case): what a binding's `builtin` constructor calls.
///
/// # Errors
///
/// `calendar.unknown_calendar`.
///
/// # Examples
///
/// ```
/// let cal = walletcare_api::calendar::builtin("sg")?;
/// assert_eq!(cal.time_zone().name(), "Asia/Singapore");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn builtin(code: &str) -> Result<BusinessCalendar, Error> {
    Ok(BusinessCalendar::builtin_code(code)?)
}

/// A calendar from its JSON form: what a binding's `fromJson` constructor
/// calls. Errors carry the field and its domain code.
///
/// # Errors
///
/// `general.invalid_json` for text that is not JSON; otherwise the code of
/// what is wrong (`calendar.unknown_time_zone`, `calendar.no_business_days`,
/// `calendar.invalid_business_hours`, `general.invalid_argument`...).
///
/// # Examples
///
/// ```
/// let err = walletcare_api::calendar::from_json(r#"{"time_zone":"Mars/Olympus"}"#).unwrap_err();
/// assert_eq!(err.code.as_str(), "calendar.unknown_time_zone");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_json(text: &str) -> Result<BusinessCalendar, Error> {
    crate::json::from_str(text, "calendar")
}

/// A question asked of one calendar. [`On`] makes it an operation with a
/// `calendar` field; a binding's calendar handle calls [`Query::on`]
/// directly.
///
/// # Examples
///
/// ```
/// use walletcare_api::calendar::{IsBusinessDay, Query, builtin};
/// let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 25).ok_or("date")?;
/// assert!(!IsBusinessDay { date }.on(&builtin("ID")?)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Query: DeserializeOwned {
    /// The operation's name.
    const NAME: &'static str;
    /// The answer.
    type Output: Serialize;
    /// Asks `calendar`.
    ///
    /// # Errors
    ///
    /// The query's calendar errors.
    fn on(self, calendar: &BusinessCalendar) -> Result<Self::Output, Error>;
}

/// A [`Query`] with its calendar: `{"calendar": ..., <query fields>}`.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.is_business_day", r#"{"calendar":"CN","date":"2024-02-18"}"#)?;
/// assert_eq!(out, "true"); // a make-up working Sunday
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct On<Q> {
    /// The calendar asked.
    pub calendar: CalendarArg,
    /// The question.
    #[serde(flatten)]
    pub query: Q,
}

impl<Q: Query> Operation for On<Q> {
    const NAME: &'static str = Q::NAME;
    type Output = Q::Output;
    fn run(self) -> Result<Q::Output, Error> {
        self.query.on(&self.calendar.0)
    }
}

/// The codes of the built-in calendars: `["ID", "CN", "SG", "MY"]`.
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("calendar.codes", "{}")?, r#"["ID","CN","SG","MY"]"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Codes {}

impl Operation for Codes {
    const NAME: &'static str = "calendar.codes";
    type Output = Vec<&'static str>;
    fn run(self) -> Result<Self::Output, Error> {
        Ok(CalendarId::ALL.iter().map(|id| id.code()).collect())
    }
}

/// A calendar's full JSON form (a built-in one, or a definition checked and
/// completed with its defaults): what `set_state` steps start from.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.load", r#"{"calendar":{"time_zone":"Asia/Jakarta"}}"#)?;
/// assert!(out.contains(r#""weekmask":"1111100""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Load {
    /// The calendar.
    pub calendar: CalendarArg,
}

impl Operation for Load {
    const NAME: &'static str = "calendar.load";
    type Output = BusinessCalendar;
    fn run(self) -> Result<BusinessCalendar, Error> {
        Ok(self.calendar.0)
    }
}

/// The joint calendar of two: a business day only if it is one in both;
/// zone, hours and cut-off from `a`.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.joint", r#"{"a":"ID","b":"SG"}"#)?;
/// assert!(out.contains("Asia/Jakarta"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Joint {
    /// The first calendar (zone, hours, cut-off).
    pub a: CalendarArg,
    /// The second calendar.
    pub b: CalendarArg,
}

impl Joint {
    /// The joint calendar of two handles.
    ///
    /// # Errors
    ///
    /// `calendar.no_business_days` when the weekmasks share no day.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_api::calendar::{Joint, builtin};
    /// let both = Joint::of(&builtin("ID")?, &builtin("MY")?)?;
    /// assert_eq!(both.time_zone().name(), "Asia/Jakarta");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(a: &BusinessCalendar, b: &BusinessCalendar) -> Result<BusinessCalendar, Error> {
        Ok(BusinessCalendar::joint(a, b)?)
    }
}

impl Operation for Joint {
    const NAME: &'static str = "calendar.joint";
    type Output = BusinessCalendar;
    fn run(self) -> Result<BusinessCalendar, Error> {
        Joint::of(&self.a.0, &self.b.0)
    }
}

/// A calendar with a new decree applied at run time (`calendar.amend`):
/// the years it replaces, the days it adds and removes, and its edition.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.amend", r#"{
///     "calendar": "ID",
///     "amendment": {"edition": {"id": "ID-2027.2", "sources": ["a new decree"]},
///                   "holidays": [{"date": "2027-03-10", "name": "Extra day off", "kind": "collective_leave"}]}
/// }"#)?;
/// assert!(out.contains("ID-2027.2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Amend {
    /// The calendar to amend.
    pub calendar: CalendarArg,
    /// The decree's changes.
    pub amendment: walletcare_core::calendar::CalendarAmendment,
}

impl Operation for Amend {
    const NAME: &'static str = "calendar.amend";
    type Output = BusinessCalendar;
    fn run(self) -> Result<BusinessCalendar, Error> {
        Ok(self.calendar.0.amend(&self.amendment)?)
    }
}

/// Which open due dates move from one edition of a calendar to another,
/// and to what (`calendar.compare_editions`).
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.compare_editions", r#"{
///     "old": "ID", "new": "ID",
///     "open": [{"id": "RF-1", "start": {"date": "2027-03-08"}, "business_days": 7}]
/// }"#)?;
/// assert!(out.contains(r#""moved":[]"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CompareEditions {
    /// The edition the due dates were computed on.
    pub old: CalendarArg,
    /// The new edition.
    pub new: CalendarArg,
    /// The open due dates.
    pub open: Vec<walletcare_core::calendar::OpenDueDate>,
}

impl Operation for CompareEditions {
    const NAME: &'static str = "calendar.compare_editions";
    type Output = walletcare_core::calendar::EditionComparison;
    fn run(self) -> Result<Self::Output, Error> {
        Ok(walletcare_core::calendar::compare_editions(
            &self.old.0,
            &self.new.0,
            &self.open,
        )?)
    }
}

macro_rules! date_query {
    ($(#[$doc:meta])* $name:ident, $op:literal, $out:ty, |$cal:ident, $q:ident| $body:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Deserialize)]
        #[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
        pub struct $name {
            /// The local date.
            pub date: NaiveDate,
        }
        impl Query for $name {
            const NAME: &'static str = $op;
            type Output = $out;
            fn on(self, $cal: &BusinessCalendar) -> Result<$out, Error> {
                let $q = self;
                Ok($body?)
            }
        }
    };
}

date_query!(
    /// Whether a local date is a business day; `calendar.not_covered` for a
    /// year the calendar has no data for.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(walletcare_api::call("calendar.is_business_day", r#"{"calendar":"ID","date":"2026-12-25"}"#)?, "false");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    IsBusinessDay, "calendar.is_business_day", bool, |cal, q| cal.is_business_day(q.date)
);

date_query!(
    /// The first business day strictly after a date.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(walletcare_api::call("calendar.next_business_day", r#"{"calendar":"SG","date":"2024-03-22"}"#)?, r#""2024-03-25""#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    NextBusinessDay, "calendar.next_business_day", NaiveDate, |cal, q| cal.next_business_day(q.date)
);

date_query!(
    /// The last business day strictly before a date.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(walletcare_api::call("calendar.previous_business_day", r#"{"calendar":"SG","date":"2024-03-25"}"#)?, r#""2024-03-22""#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    PreviousBusinessDay, "calendar.previous_business_day", NaiveDate, |cal, q| cal.previous_business_day(q.date)
);

date_query!(
    /// The holiday on a date, or `null`.
    ///
    /// # Examples
    ///
    /// ```
    /// let out = walletcare_api::call("calendar.holiday", r#"{"calendar":"ID","date":"2026-12-25"}"#)?;
    /// assert!(out.contains(r#""kind":"public""#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    HolidayOn, "calendar.holiday", Option<Holiday>, |cal, q| Ok::<_, Error>(cal.holiday(q.date).cloned())
);

/// Adds `n` business days (numpy's `busday_offset`: for `n >= 0` a
/// non-business date first rolls forward, for `n < 0` backward).
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("calendar.add_business_days", r#"{"calendar":"ID","date":"2024-04-05","n":3}"#)?, r#""2024-04-18""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AddBusinessDays {
    /// The start date.
    pub date: NaiveDate,
    /// Business days to add (negative goes back).
    pub n: i64,
}

impl Query for AddBusinessDays {
    const NAME: &'static str = "calendar.add_business_days";
    type Output = NaiveDate;
    fn on(self, cal: &BusinessCalendar) -> Result<NaiveDate, Error> {
        Ok(cal.add_business_days(self.date, self.n)?)
    }
}

/// Business days in `[start, end)` (numpy's `busday_count`); negative when
/// `end < start`.
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("calendar.business_days_between", r#"{"calendar":"ID","start":"2024-04-01","end":"2024-04-30"}"#)?, "15");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct BusinessDaysBetween {
    /// First day counted.
    pub start: NaiveDate,
    /// First day not counted.
    pub end: NaiveDate,
}

impl Query for BusinessDaysBetween {
    const NAME: &'static str = "calendar.business_days_between";
    type Output = i64;
    fn on(self, cal: &BusinessCalendar) -> Result<i64, Error> {
        Ok(cal.business_days_between(self.start, self.end)?)
    }
}

/// Moves a date onto a business day by a convention (`following`,
/// `preceding`, `modified_following`, `modified_preceding`).
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("calendar.roll", r#"{"calendar":"CN","date":"2024-02-12","convention":"following"}"#)?, r#""2024-02-18""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Roll {
    /// The date.
    pub date: NaiveDate,
    /// The convention.
    pub convention: RollConvention,
}

impl Query for Roll {
    const NAME: &'static str = "calendar.roll";
    type Output = NaiveDate;
    fn on(self, cal: &BusinessCalendar) -> Result<NaiveDate, Error> {
        Ok(cal.roll(self.date, self.convention)?)
    }
}

/// Every non-business day in `[start, end]` with its reason, and one
/// sentence each in `locale` (`messages[i]` renders `days[i]`).
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.non_business_days", r#"{"calendar":"ID","start":"2024-04-10","end":"2024-04-10","locale":"id-ID"}"#)?;
/// assert!(out.contains("Hari Raya Idulfitri"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct NonBusinessDays {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// The locale of the sentences (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

/// Non-business days and one sentence each.
///
/// # Examples
///
/// ```
/// use walletcare_api::calendar::{NonBusinessDays, Query, builtin};
/// let d = chrono::NaiveDate::from_ymd_opt(2024, 4, 10).ok_or("date")?;
/// let out = NonBusinessDays { start: d, end: d, locale: Default::default() }.on(&builtin("ID")?)?;
/// assert_eq!(out.days.len(), out.messages.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "NonBusinessDays")
)]
pub struct NonBusinessDaysOut {
    /// The days and why.
    pub days: Vec<NonBusinessDay>,
    /// `messages[i]` renders `days[i]`.
    pub messages: Vec<String>,
}

impl Query for NonBusinessDays {
    const NAME: &'static str = "calendar.non_business_days";
    type Output = NonBusinessDaysOut;
    fn on(self, cal: &BusinessCalendar) -> Result<NonBusinessDaysOut, Error> {
        let days = cal.non_business_days(self.start, self.end)?;
        Ok(NonBusinessDaysOut {
            messages: days.iter().map(|d| d.render(self.locale)).collect(),
            days,
        })
    }
}

/// The local business date an SLA counts from for a request made at `at`.
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("calendar.start_date", r#"{"calendar":"ID","at":"2024-03-04T11:30:00Z"}"#)?, r#""2024-03-05""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct StartDate {
    /// When the request was made.
    pub at: DateTime<Utc>,
}

impl Query for StartDate {
    const NAME: &'static str = "calendar.start_date";
    type Output = NaiveDate;
    fn on(self, cal: &BusinessCalendar) -> Result<NaiveDate, Error> {
        Ok(cal.start_date(self.at)?)
    }
}

/// `at` plus `seconds` of business time (inside business hours on business
/// days); negative goes back.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.add_business_seconds", r#"{"calendar":"SG","at":"2024-03-22T09:00:00Z","seconds":10800}"#)?;
/// assert_eq!(out, r#""2024-03-25T03:00:00Z""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AddBusinessSeconds {
    /// The start instant.
    pub at: DateTime<Utc>,
    /// Seconds of business time.
    pub seconds: i64,
}

impl Query for AddBusinessSeconds {
    const NAME: &'static str = "calendar.add_business_seconds";
    type Output = DateTime<Utc>;
    fn on(self, cal: &BusinessCalendar) -> Result<DateTime<Utc>, Error> {
        let duration = TimeDelta::try_seconds(self.seconds).ok_or(CalendarError::DateOutOfRange)?;
        Ok(cal.add_business_duration(self.at, duration)?)
    }
}

/// Business time between two instants, in whole seconds (0 if `end <=
/// start`).
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.business_seconds_between", r#"{"calendar":"ID","start":"2024-03-04T04:00:00Z","end":"2024-03-05T03:00:00Z"}"#)?;
/// assert_eq!(out, "25200");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct BusinessSecondsBetween {
    /// The start instant.
    pub start: DateTime<Utc>,
    /// The end instant.
    pub end: DateTime<Utc>,
}

impl Query for BusinessSecondsBetween {
    const NAME: &'static str = "calendar.business_seconds_between";
    type Output = i64;
    fn on(self, cal: &BusinessCalendar) -> Result<i64, Error> {
        Ok(cal
            .business_duration_between(self.start, self.end)?
            .num_seconds())
    }
}

/// Whether any day in `[start, end]` is in a year whose holidays are
/// estimated (not yet decreed).
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("calendar.is_estimated", r#"{"calendar":"ID","start":"2024-04-10","end":"2024-04-10"}"#)?, "false");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct IsEstimated {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
}

impl Query for IsEstimated {
    const NAME: &'static str = "calendar.is_estimated";
    type Output = bool;
    fn on(self, cal: &BusinessCalendar) -> Result<bool, Error> {
        Ok(cal.is_estimated(self.start, self.end))
    }
}

/// The name of the holiday on a date in a locale, or `null`.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.holiday_name", r#"{"calendar":"ID","date":"2024-04-10","locale":"id-ID"}"#)?;
/// assert!(out.contains("Idulfitri"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct HolidayName {
    /// The date.
    pub date: NaiveDate,
    /// The locale (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Query for HolidayName {
    const NAME: &'static str = "calendar.holiday_name";
    type Output = Option<String>;
    fn on(self, cal: &BusinessCalendar) -> Result<Option<String>, Error> {
        Ok(cal.holiday(self.date).map(|h| h.name_in(self.locale)))
    }
}

/// A calendar's label, zone, weekmask, cut-off and coverage.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.info", r#"{"calendar":"ID"}"#)?;
/// assert!(out.contains(r#""time_zone":"Asia/Jakarta""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Info {}

/// What [`Info`] answers.
///
/// # Examples
///
/// ```
/// use walletcare_api::calendar::{Info, Query, builtin};
/// assert_eq!(Info {}.on(&builtin("MY")?)?.weekmask, "1111100");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct InfoOut {
    /// The label, e.g. `"Indonesia"`.
    pub name: String,
    /// The IANA zone.
    pub time_zone: String,
    /// Monday to Sunday, `1` for a business weekday.
    pub weekmask: String,
    /// The daily cut-off `"HH:MM"`, or `null`.
    pub cutoff: Option<String>,
    /// The years with data, or `null` for every year.
    pub coverage: Option<YearRange>,
}

impl Query for Info {
    const NAME: &'static str = "calendar.info";
    type Output = InfoOut;
    fn on(self, cal: &BusinessCalendar) -> Result<InfoOut, Error> {
        Ok(InfoOut {
            name: cal.spec().name.clone(),
            time_zone: cal.time_zone().name().to_owned(),
            weekmask: cal.weekmask().to_string(),
            cutoff: cal.cutoff().map(|t| t.to_string()),
            coverage: cal.coverage(),
        })
    }
}

/// Runs a change on a copy and keeps it only if it succeeds.
fn all_or_nothing<T>(
    state: &mut BusinessCalendar,
    change: impl FnOnce(&mut BusinessCalendar) -> Result<T, CalendarError>,
) -> Result<T, Error> {
    let mut next = state.clone();
    let out = change(&mut next)?;
    *state = next;
    Ok(out)
}

/// Adds (or replaces) a holiday; the state is a calendar's JSON form.
///
/// # Examples
///
/// ```
/// let input = r#"{"state":{"time_zone":"Asia/Jakarta"},"holiday":{"date":"2026-08-17","name":"Independence Day","kind":"public"}}"#;
/// let out = walletcare_api::call("calendar.add_holiday", input)?;
/// assert!(out.contains("Independence Day"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AddHoliday {
    /// The holiday.
    pub holiday: Holiday,
}

impl Command for AddHoliday {
    const NAME: &'static str = "calendar.add_holiday";
    type State = BusinessCalendar;
    type Output = ();
    fn run(self, state: &mut BusinessCalendar) -> Result<(), Error> {
        all_or_nothing(state, |cal| cal.add_holiday(self.holiday))
    }
}

/// Removes the holiday on a date and returns it, or `null`.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.remove_holiday", r#"{"state":{"time_zone":"Asia/Jakarta"},"date":"2026-08-17"}"#)?;
/// assert!(out.ends_with(r#""output":null}"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RemoveHoliday {
    /// The date.
    pub date: NaiveDate,
}

impl Command for RemoveHoliday {
    const NAME: &'static str = "calendar.remove_holiday";
    type State = BusinessCalendar;
    type Output = Option<Holiday>;
    fn run(self, state: &mut BusinessCalendar) -> Result<Option<Holiday>, Error> {
        all_or_nothing(state, |cal| cal.remove_holiday(self.date))
    }
}

/// Adds (or replaces) a make-up working day (a day outside the weekmask).
///
/// # Examples
///
/// ```
/// let input = r#"{"state":{"time_zone":"Asia/Shanghai"},"working_day":{"date":"2026-02-15","name":"Spring Festival make-up day"}}"#;
/// assert!(walletcare_api::call("calendar.add_working_day", input)?.contains("make-up"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AddWorkingDay {
    /// The working day.
    pub working_day: WorkingDay,
}

impl Command for AddWorkingDay {
    const NAME: &'static str = "calendar.add_working_day";
    type State = BusinessCalendar;
    type Output = ();
    fn run(self, state: &mut BusinessCalendar) -> Result<(), Error> {
        all_or_nothing(state, |cal| cal.add_working_day(self.working_day))
    }
}

/// Removes the make-up working day on a date and returns it, or `null`.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("calendar.remove_working_day", r#"{"state":{"time_zone":"Asia/Shanghai"},"date":"2026-02-15"}"#)?;
/// assert!(out.ends_with(r#""output":null}"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RemoveWorkingDay {
    /// The date.
    pub date: NaiveDate,
}

impl Command for RemoveWorkingDay {
    const NAME: &'static str = "calendar.remove_working_day";
    type State = BusinessCalendar;
    type Output = Option<WorkingDay>;
    fn run(self, state: &mut BusinessCalendar) -> Result<Option<WorkingDay>, Error> {
        all_or_nothing(state, |cal| cal.remove_working_day(self.date))
    }
}

/// The JSON form of a calendar handle (its `CalendarSpec`).
///
/// # Examples
///
/// ```
/// let cal = walletcare_api::calendar::builtin("ID")?;
/// assert_eq!(walletcare_api::calendar::spec(&cal).time_zone.name(), "Asia/Jakarta");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn spec(calendar: &BusinessCalendar) -> &CalendarSpec {
    calendar.spec()
}
