//! Business calendars: the `Calendar` class. Every method runs the
//! operation layer's calendar query or command on the handle's calendar.

use std::cell::RefCell;

use walletcare_api::calendar::{
    self as api_calendar, AddBusinessDays, AddBusinessSeconds, AddHoliday, AddWorkingDay,
    BusinessDaysBetween, BusinessSecondsBetween, HolidayName, HolidayOn, IsBusinessDay,
    IsEstimated, Joint, NextBusinessDay, NonBusinessDays, PreviousBusinessDay, Query,
    RemoveHoliday, RemoveWorkingDay, Roll, StartDate,
};
use walletcare_api::ops::{Command, Operation};
use walletcare_core::calendar::BusinessCalendar;
use wasm_bindgen::prelude::*;

use crate::convert::{
    api, date_arg, from_js, instant_arg, instant_to_string, integer_arg, invalid, json_or_object,
    locale_option, string_arg, to_js,
};

#[wasm_bindgen(typescript_custom_section)]
const TS_CALENDAR: &str = r#"
/** A holiday as an argument: `estimated` defaults to `false`. */
export interface HolidayInput {
  date: IsoDate;
  name: string;
  kind: HolidayKind;
  estimated?: boolean;
}
/** A working day as an argument: `estimated` defaults to `false`. */
export interface WorkingDayInput {
  date: IsoDate;
  name: string;
  estimated?: boolean;
}
/** A calendar definition to load: only `time_zone` is required. */
export interface CalendarSpecInput {
  name?: string;
  time_zone: string;
  weekmask?: string;
  business_hours?: BusinessPeriod[];
  cutoff?: string;
  coverage?: YearRange;
  estimated_years?: number[];
  holidays?: HolidayInput[];
  working_days?: WorkingDayInput[];
}"#;

/// A business calendar: weekmask, holidays with names, make-up working days,
/// time zone, business hours and cut-off. Built in for Indonesia, China,
/// Singapore and Malaysia (`Calendar.builtin("ID")`), or loaded from JSON.
///
/// Dates are local `YYYY-MM-DD` strings in the calendar's zone; instants are
/// RFC 3339 strings or `Date`s. Call `free()` (or use `using`) when done;
/// otherwise the memory is reclaimed when the object is garbage-collected.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Calendar {
    inner: RefCell<BusinessCalendar>,
}

impl Calendar {
    fn wrap(calendar: BusinessCalendar) -> Calendar {
        Calendar {
            inner: RefCell::new(calendar),
        }
    }

    /// The core calendar (a cheap clone: the tables are shared).
    pub(crate) fn core(&self) -> BusinessCalendar {
        self.inner.borrow().clone()
    }

    fn with<T>(&self, f: impl FnOnce(&BusinessCalendar) -> T) -> T {
        f(&self.inner.borrow())
    }
}

impl Calendar {
    /// Asks the handle's calendar a question of the operation layer.
    fn ask<Q: Query>(&self, query: Q) -> Result<Q::Output, JsValue> {
        api(query.on(&self.inner.borrow()))
    }

    /// Runs a command of the operation layer on the handle's calendar (all
    /// or nothing).
    fn change<C: Command<State = BusinessCalendar>>(
        &self,
        command: C,
    ) -> Result<C::Output, JsValue> {
        api(command.run(&mut self.inner.borrow_mut()))
    }
}

#[wasm_bindgen]
impl Calendar {
    /// A built-in calendar by its country code: `"ID"`, `"CN"`, `"SG"` or
    /// `"MY"` (any case). Throws `calendar.unknown_calendar` otherwise.
    pub fn builtin(
        #[wasm_bindgen(unchecked_param_type = "CalendarCode")] code: JsValue,
    ) -> Result<Calendar, JsValue> {
        api(api_calendar::builtin(&string_arg(&code, "code")?)).map(Calendar::wrap)
    }

    /// Loads a calendar from its JSON form: JSON text or an object. Throws
    /// the code of what is wrong: `calendar.unknown_time_zone`,
    /// `calendar.no_business_days`, `calendar.invalid_business_hours`,
    /// `general.invalid_argument` naming the field, `general.invalid_json`
    /// for text that is not JSON.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | CalendarSpecInput")] json: JsValue,
    ) -> Result<Calendar, JsValue> {
        let text = json_or_object(&json, "calendar")?;
        api(api_calendar::from_json(&text)).map(Calendar::wrap)
    }

    /// The joint calendar of two: a day is a business day only if it is one
    /// in both. Zone, hours and cut-off come from `a`.
    pub fn joint(a: &Calendar, b: &Calendar) -> Result<Calendar, JsValue> {
        api(Joint::of(&a.core(), &b.core())).map(Calendar::wrap)
    }

    /// The codes of the built-in calendars: `["ID", "CN", "SG", "MY"]`.
    #[wasm_bindgen(unchecked_return_type = "CalendarCode[]")]
    pub fn codes() -> Result<JsValue, JsValue> {
        to_js(&api(api_calendar::Codes {}.run())?)
    }

    /// The calendar's label, e.g. `"Indonesia"`.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn name(&self) -> String {
        self.with(|c| c.spec().name.clone())
    }

    /// The IANA time zone of its dates and hours, e.g. `"Asia/Jakarta"`.
    #[wasm_bindgen(getter, js_name = timeZone)]
    #[must_use]
    pub fn time_zone(&self) -> String {
        self.with(|c| c.time_zone().name().to_owned())
    }

    /// The business weekdays, e.g. `"1111100"` (Monday to Sunday).
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn weekmask(&self) -> String {
        self.with(|c| c.weekmask().to_string())
    }

    /// The daily cut-off `"HH:MM"`, or `null` when there is none.
    #[wasm_bindgen(getter, unchecked_return_type = "string | null")]
    #[must_use]
    pub fn cutoff(&self) -> JsValue {
        self.with(|c| c.cutoff())
            .map_or(JsValue::NULL, |t| JsValue::from_str(&t.to_string()))
    }

    /// The years the calendar has data for, or `null` when it answers every
    /// year from its weekmask and lists.
    #[wasm_bindgen(getter, unchecked_return_type = "YearRange | null")]
    pub fn coverage(&self) -> Result<JsValue, JsValue> {
        self.with(|c| to_js(&c.coverage()))
    }

    /// The JSON form (what `fromJson` loads back to an equal calendar), so
    /// `JSON.stringify(calendar)` works.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "CalendarSpec")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        self.with(|c| to_js(c.spec()))
    }

    /// The holidays, sorted by date.
    #[wasm_bindgen(unchecked_return_type = "Holiday[]")]
    pub fn holidays(&self) -> Result<JsValue, JsValue> {
        self.with(|c| to_js(c.holidays()))
    }

    /// The extra working days, sorted by date.
    #[wasm_bindgen(js_name = workingDays, unchecked_return_type = "WorkingDay[]")]
    pub fn working_days(&self) -> Result<JsValue, JsValue> {
        self.with(|c| to_js(c.working_days()))
    }

    /// The holiday on a date, or `null`.
    #[wasm_bindgen(unchecked_return_type = "Holiday | null")]
    pub fn holiday(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    ) -> Result<JsValue, JsValue> {
        to_js(&self.ask(HolidayOn {
            date: date_arg(&date, "date")?,
        })?)
    }

    /// The name of the holiday on a date in a locale (the built-in
    /// translation, or the English name), or `null` if the day is no
    /// holiday.
    #[wasm_bindgen(js_name = holidayName, unchecked_return_type = "string | null")]
    pub fn holiday_name(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let date = date_arg(&date, "date")?;
        let locale = locale_option(options.as_ref())?;
        to_js(&self.ask(HolidayName { date, locale })?)
    }

    /// Whether a local date is a business day. Throws
    /// `calendar.not_covered` for a year without data.
    #[wasm_bindgen(js_name = isBusinessDay)]
    pub fn is_business_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    ) -> Result<bool, JsValue> {
        self.ask(IsBusinessDay {
            date: date_arg(&date, "date")?,
        })
    }

    /// The first business day strictly after `date`.
    #[wasm_bindgen(js_name = nextBusinessDay, unchecked_return_type = "IsoDate")]
    pub fn next_business_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    ) -> Result<String, JsValue> {
        let next = self.ask(NextBusinessDay {
            date: date_arg(&date, "date")?,
        })?;
        Ok(next.to_string())
    }

    /// The last business day strictly before `date`.
    #[wasm_bindgen(js_name = previousBusinessDay, unchecked_return_type = "IsoDate")]
    pub fn previous_business_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    ) -> Result<String, JsValue> {
        let previous = self.ask(PreviousBusinessDay {
            date: date_arg(&date, "date")?,
        })?;
        Ok(previous.to_string())
    }

    /// Adds `n` business days (numpy's `busday_offset`: for `n >= 0` a
    /// non-business `date` first rolls forward, for `n < 0` backward).
    #[wasm_bindgen(js_name = addBusinessDays, unchecked_return_type = "IsoDate")]
    pub fn add_business_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<String, JsValue> {
        let date = date_arg(&date, "date")?;
        let n = integer_arg(&n, "n")?;
        Ok(self.ask(AddBusinessDays { date, n })?.to_string())
    }

    /// Business days in `[start, end)` (numpy's `busday_count`); negative
    /// when `end < start`.
    #[wasm_bindgen(js_name = businessDaysBetween)]
    pub fn business_days_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] start: JsValue,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] end: JsValue,
    ) -> Result<f64, JsValue> {
        let start = date_arg(&start, "start")?;
        let end = date_arg(&end, "end")?;
        let days = self.ask(BusinessDaysBetween { start, end })?;
        // At most a few million days: exact in a double.
        #[allow(clippy::cast_precision_loss)]
        Ok(days as f64)
    }

    /// Moves a date onto a business day by a convention (a business day is
    /// returned unchanged).
    #[wasm_bindgen(unchecked_return_type = "IsoDate")]
    pub fn roll(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RollConvention")] convention: JsValue,
    ) -> Result<String, JsValue> {
        let date = date_arg(&date, "date")?;
        let convention = from_js(&convention, "convention")?;
        Ok(self.ask(Roll { date, convention })?.to_string())
    }

    /// Every non-business day in `[start, end]` with its reason, and one
    /// sentence per day in `options.locale`, e.g.
    /// `"Wednesday, 10 April 2024: Eid al-Fitr (public holiday)"`
    /// (`messages[i]` renders `days[i]`). Empty when `end < start`; at most
    /// 36 600 days.
    #[wasm_bindgen(js_name = nonBusinessDays, unchecked_return_type = "NonBusinessDays")]
    pub fn non_business_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] start: JsValue,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] end: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LocaleOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let start = date_arg(&start, "start")?;
        let end = date_arg(&end, "end")?;
        let locale = locale_option(options.as_ref())?;
        to_js(&self.ask(NonBusinessDays { start, end, locale })?)
    }

    /// The local business date an SLA counts from for a request made at
    /// `at`: its local date if that is a business day before the cut-off,
    /// otherwise the next business day.
    #[wasm_bindgen(js_name = startDate, unchecked_return_type = "IsoDate")]
    pub fn start_date(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
    ) -> Result<String, JsValue> {
        Ok(self
            .ask(StartDate {
                at: instant_arg(&at, "at")?,
            })?
            .to_string())
    }

    /// `at` plus `seconds` of business time (inside business hours on
    /// business days); negative goes back. Returns an RFC 3339 instant.
    #[wasm_bindgen(js_name = addBusinessSeconds, unchecked_return_type = "IsoInstant")]
    pub fn add_business_seconds(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] seconds: JsValue,
    ) -> Result<String, JsValue> {
        let at = instant_arg(&at, "at")?;
        let seconds = integer_arg(&seconds, "seconds")?;
        Ok(instant_to_string(
            self.ask(AddBusinessSeconds { at, seconds })?,
        ))
    }

    /// `at` plus `hours` of business time (fractions allowed down to whole
    /// seconds: `1.5` is 90 minutes). Returns an RFC 3339 instant.
    #[wasm_bindgen(js_name = addBusinessHours, unchecked_return_type = "IsoInstant")]
    pub fn add_business_hours(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] hours: JsValue,
    ) -> Result<String, JsValue> {
        let at = instant_arg(&at, "at")?;
        let Some(h) = hours.as_f64().filter(|h| h.is_finite()) else {
            return Err(invalid("hours must be a finite number"));
        };
        let seconds = h * 3600.0;
        let whole = seconds.round();
        if (seconds - whole).abs() > 1e-6 || whole.abs() > 1e15 {
            return Err(invalid(
                "hours must come to a whole number of seconds, within ±10^15 s",
            ));
        }
        // Exact: whole and far below 2^53.
        #[allow(clippy::cast_possible_truncation)]
        let seconds = whole as i64;
        Ok(instant_to_string(
            self.ask(AddBusinessSeconds { at, seconds })?,
        ))
    }

    /// Business time between two instants, in seconds (zero if
    /// `end <= start`).
    #[wasm_bindgen(js_name = businessSecondsBetween)]
    pub fn business_seconds_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] start: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] end: JsValue,
    ) -> Result<f64, JsValue> {
        let start = instant_arg(&start, "start")?;
        let end = instant_arg(&end, "end")?;
        let seconds = self.ask(BusinessSecondsBetween { start, end })?;
        // Business seconds between two chrono instants: far below 2^53.
        #[allow(clippy::cast_precision_loss)]
        Ok(seconds as f64)
    }

    /// Whether any day in `[start, end]` is in a year whose holidays are
    /// estimated (not yet decreed).
    #[wasm_bindgen(js_name = isEstimated)]
    pub fn is_estimated(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] start: JsValue,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] end: JsValue,
    ) -> Result<bool, JsValue> {
        let start = date_arg(&start, "start")?;
        let end = date_arg(&end, "end")?;
        self.ask(IsEstimated { start, end })
    }

    /// Adds (or replaces) a holiday. All-or-nothing: on error the calendar
    /// is unchanged.
    #[wasm_bindgen(js_name = addHoliday)]
    pub fn add_holiday(
        &self,
        #[wasm_bindgen(unchecked_param_type = "HolidayInput")] holiday: JsValue,
    ) -> Result<(), JsValue> {
        self.change(AddHoliday {
            holiday: from_js(&holiday, "holiday")?,
        })
    }

    /// Removes the holiday on a date and returns it, or `null` if there was
    /// none.
    #[wasm_bindgen(js_name = removeHoliday, unchecked_return_type = "Holiday | null")]
    pub fn remove_holiday(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    ) -> Result<JsValue, JsValue> {
        to_js(&self.change(RemoveHoliday {
            date: date_arg(&date, "date")?,
        })?)
    }

    /// Adds (or replaces) a make-up working day (a day outside the
    /// weekmask). All-or-nothing.
    #[wasm_bindgen(js_name = addWorkingDay)]
    pub fn add_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WorkingDayInput")] day: JsValue,
    ) -> Result<(), JsValue> {
        self.change(AddWorkingDay {
            working_day: from_js(&day, "working day")?,
        })
    }

    /// Removes the make-up working day on a date and returns it, or `null`.
    #[wasm_bindgen(js_name = removeWorkingDay, unchecked_return_type = "WorkingDay | null")]
    pub fn remove_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    ) -> Result<JsValue, JsValue> {
        to_js(&self.change(RemoveWorkingDay {
            date: date_arg(&date, "date")?,
        })?)
    }
}
