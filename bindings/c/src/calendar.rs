//! Business calendars: the built-in calendars of Indonesia, China,
//! Singapore and Malaysia, custom calendars from JSON, business days and
//! business hours.
//!
//! A `wc_calendar` is immutable after construction and safe to share
//! between threads: any number of threads may call any function on the same
//! calendar at once (only `wc_calendar_free` must not race with other uses).
//! Dates (`wc_date`) are local dates in the calendar's time zone; instants
//! are Unix seconds (UTC).

use std::ffi::c_char;

use walletcare_api::calendar::{
    self as api_calendar, AddBusinessDays, AddBusinessSeconds, BusinessDaysBetween,
    BusinessSecondsBetween, IsBusinessDay, IsEstimated, NextBusinessDay, NonBusinessDays,
    PreviousBusinessDay, Query, Roll, StartDate,
};
use walletcare_core::calendar::{BusinessCalendar, RollConvention};

use crate::ffi::{self, Failure, FfiResult, Handle, api, guard};
use crate::status::wc_status;
use crate::types::wc_date;

/// A business calendar (opaque). Create it with [`wc_calendar_builtin`] or
/// [`wc_calendar_from_json`], free it with [`wc_calendar_free`].
/// Immutable and thread-safe: share one calendar between threads freely.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::{wc_calendar, wc_calendar_builtin, wc_calendar_free};
/// let mut cal: *mut wc_calendar = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"SG".as_ptr(), &mut cal) };
/// assert!(!cal.is_null());
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct wc_calendar {
    _private: [u8; 0],
}

impl Handle for BusinessCalendar {
    type Opaque = wc_calendar;
    const TAG: u64 = 0x7763_5f63_616c_0001; // "wc_cal" 1
}

/// Roll convention for [`wc_calendar_roll`]: the first business day on or
/// after the date.
pub const WC_ROLL_FOLLOWING: u32 = 0;
/// Roll convention: the last business day on or before the date.
pub const WC_ROLL_PRECEDING: u32 = 1;
/// Roll convention: following, unless that is in the next month; then
/// preceding.
pub const WC_ROLL_MODIFIED_FOLLOWING: u32 = 2;
/// Roll convention: preceding, unless that is in the previous month; then
/// following.
pub const WC_ROLL_MODIFIED_PRECEDING: u32 = 3;

fn roll_convention(value: u32) -> FfiResult<RollConvention> {
    match value {
        WC_ROLL_FOLLOWING => Ok(RollConvention::Following),
        WC_ROLL_PRECEDING => Ok(RollConvention::Preceding),
        WC_ROLL_MODIFIED_FOLLOWING => Ok(RollConvention::ModifiedFollowing),
        WC_ROLL_MODIFIED_PRECEDING => Ok(RollConvention::ModifiedPreceding),
        other => Err(Failure::new(
            wc_status::WC_GENERAL_UNKNOWN_VALUE,
            format!("unknown roll convention {other}: expected 0 to 3 (WC_ROLL_*)"),
        )),
    }
}

/// Borrows the calendar behind a handle.
///
/// # Safety
///
/// `cal` must be NULL or a live walletcare handle.
pub(crate) unsafe fn calendar<'a>(cal: *const wc_calendar) -> FfiResult<&'a BusinessCalendar> {
    // SAFETY: forwarded contract.
    unsafe { BusinessCalendar::borrow(cal, "cal") }
}

/// Creates a built-in calendar by ISO 3166 code: `"ID"` (Indonesia:
/// national holidays and cuti bersama, Asia/Jakarta), `"CN"` (China, with
/// make-up working weekends, Asia/Shanghai), `"SG"` (Singapore), `"MY"`
/// (Malaysia, federal holidays). Case-insensitive. Covers 2020-2030;
/// business hours 09:00-12:00 and 13:00-18:00, cut-off 17:00.
///
/// Returns `WC_CALENDAR_UNKNOWN_CALENDAR` for another code. Free the handle
/// with [`wc_calendar_free`].
///
/// # Safety
///
/// `code` must be a NUL-terminated string; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::{wc_calendar_builtin, wc_calendar_free};
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// assert_eq!(unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) }, wc_status::WC_OK);
/// assert_eq!(unsafe { wc_calendar_builtin(c"XX".as_ptr(), &mut cal) },
///     wc_status::WC_CALENDAR_UNKNOWN_CALENDAR);
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_builtin(
    code: *const c_char,
    out: *mut *mut wc_calendar,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let code = unsafe { ffi::code(code, "code") }?;
        let handle = api(api_calendar::builtin(code))?.into_raw();
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, handle, "out") }
    })
}

/// Creates a calendar from its JSON form (the core's `CalendarSpec`):
///
/// ```json
/// {"name":"Jakarta office","time_zone":"Asia/Jakarta","weekmask":"1111100",
///  "business_hours":[{"start":"08:00","end":"12:00"},{"start":"13:00","end":"17:00"}],
///  "cutoff":"16:00","coverage":{"first":2026,"last":2027},
///  "holidays":[{"date":"2026-12-25","name":"Christmas Day","kind":"public"}],
///  "working_days":[]}
/// ```
///
/// Only `time_zone` is required. Returns `WC_GENERAL_INVALID_JSON` for
/// text that is not JSON, `WC_CALENDAR_UNKNOWN_TIME_ZONE`,
/// `WC_CALENDAR_NO_BUSINESS_DAYS`, `WC_CALENDAR_INVALID_BUSINESS_HOURS`,
/// `WC_GENERAL_INVALID_ARGUMENT` naming the field (an unknown or missing
/// field, a date listed twice...), `WC_GENERAL_INPUT_TOO_LARGE`.
///
/// # Safety
///
/// `json` must point to `json_len` readable bytes; `out` valid for one
/// write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::{wc_calendar_from_json, wc_calendar_free};
/// use walletcare_ffi::wc_status;
/// let json = r#"{"time_zone":"Asia/Makassar","weekmask":"1111110"}"#;
/// let mut cal = std::ptr::null_mut();
/// assert_eq!(unsafe { wc_calendar_from_json(json.as_ptr().cast(), json.len(), &mut cal) }, wc_status::WC_OK);
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_from_json(
    json: *const c_char,
    json_len: usize,
    out: *mut *mut wc_calendar,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let json = unsafe { ffi::text(json, json_len, "json") }?;
        let handle = api(api_calendar::from_json(json))?.into_raw();
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, handle, "out") }
    })
}

/// Writes the calendar's JSON form (see [`wc_calendar_from_json`]) to
/// `*out_json`; free it with `wc_string_free`. Loading it back gives an
/// equal calendar.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `out_json` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::{wc_calendar_builtin, wc_calendar_free, wc_calendar_to_json};
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"MY".as_ptr(), &mut cal) };
/// let mut json = std::ptr::null_mut();
/// assert_eq!(unsafe { wc_calendar_to_json(cal, &mut json) }, wc_status::WC_OK);
/// assert!(unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.contains("Asia/Kuala_Lumpur"));
/// unsafe { wc_string_free(json); wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_to_json(
    cal: *const wc_calendar,
    out_json: *mut *mut c_char,
) -> wc_status {
    guard(|| {
        ffi::require_out(out_json, "out_json")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_string(out_json, cal.to_json(), "out_json") }
    })
}

/// Frees a calendar. Accepts NULL; call once per calendar, after every
/// other use (from any thread) has returned.
///
/// # Safety
///
/// `cal` must be NULL or a live calendar handle.
///
/// # Examples
///
/// ```
/// unsafe { walletcare_ffi::calendar::wc_calendar_free(std::ptr::null_mut()) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_free(cal: *mut wc_calendar) {
    // SAFETY: per the contract.
    unsafe { BusinessCalendar::free(cal) }
}

/// Whether `date` is a business day (in the weekmask, not a holiday, or a
/// make-up working day).
///
/// Returns `WC_CALENDAR_NOT_COVERED` for a year a built-in calendar has no
/// data for, `WC_GENERAL_DATE_OUT_OF_RANGE` for an impossible date.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::*;
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) };
/// let mut open = true;
/// let christmas = wc_date { year: 2026, month: 12, day: 25 };
/// assert_eq!(unsafe { wc_calendar_is_business_day(cal, christmas, &mut open) }, wc_status::WC_OK);
/// assert!(!open);
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_is_business_day(
    cal: *const wc_calendar,
    date: wc_date,
    out: *mut bool,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        let answer = api(IsBusinessDay {
            date: date.to_core("date")?,
        }
        .on(cal))?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, answer, "out") }
    })
}

/// Adds `n` business days to `date` (numpy `busday_offset`): for `n >= 0`
/// the date is first rolled forward to a business day, for `n < 0`
/// backward, then moved `n` business days.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::*;
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) };
/// let mut out = wc_date::default();
/// // Friday 5 April 2024 + 3 business days, across Idul Fitri: 18 April.
/// let friday = wc_date { year: 2024, month: 4, day: 5 };
/// assert_eq!(unsafe { wc_calendar_add_business_days(cal, friday, 3, &mut out) }, wc_status::WC_OK);
/// assert_eq!(out, wc_date { year: 2024, month: 4, day: 18 });
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_add_business_days(
    cal: *const wc_calendar,
    date: wc_date,
    n: i64,
    out: *mut wc_date,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        let result = api(AddBusinessDays {
            date: date.to_core("date")?,
            n,
        }
        .on(cal))?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, wc_date::from_core(result), "out") }
    })
}

/// Counts the business days in `[start, end)` (numpy `busday_count`);
/// negative when `end` is before `start`.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::*;
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) };
/// let mut n = 0i64;
/// let (a, b) = (wc_date { year: 2024, month: 4, day: 1 }, wc_date { year: 2024, month: 4, day: 30 });
/// assert_eq!(unsafe { wc_calendar_business_days_between(cal, a, b, &mut n) }, wc_status::WC_OK);
/// assert_eq!(n, 15);
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_business_days_between(
    cal: *const wc_calendar,
    start: wc_date,
    end: wc_date,
    out: *mut i64,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        let (start, end) = (start.to_core("start")?, end.to_core("end")?);
        let n = api(BusinessDaysBetween { start, end }.on(cal))?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, n, "out") }
    })
}

/// The first business day strictly after `date`.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::*;
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"SG".as_ptr(), &mut cal) };
/// let mut out = wc_date::default();
/// let friday = wc_date { year: 2024, month: 3, day: 22 };
/// assert_eq!(unsafe { wc_calendar_next_business_day(cal, friday, &mut out) }, wc_status::WC_OK);
/// assert_eq!(out, wc_date { year: 2024, month: 3, day: 25 });
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_next_business_day(
    cal: *const wc_calendar,
    date: wc_date,
    out: *mut wc_date,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        let result = api(NextBusinessDay {
            date: date.to_core("date")?,
        }
        .on(cal))?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, wc_date::from_core(result), "out") }
    })
}

/// The last business day strictly before `date`.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::*;
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"SG".as_ptr(), &mut cal) };
/// let mut out = wc_date::default();
/// let monday = wc_date { year: 2024, month: 3, day: 25 };
/// assert_eq!(unsafe { wc_calendar_previous_business_day(cal, monday, &mut out) }, wc_status::WC_OK);
/// assert_eq!(out, wc_date { year: 2024, month: 3, day: 22 });
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_previous_business_day(
    cal: *const wc_calendar,
    date: wc_date,
    out: *mut wc_date,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        let result = api(PreviousBusinessDay {
            date: date.to_core("date")?,
        }
        .on(cal))?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, wc_date::from_core(result), "out") }
    })
}

/// Moves `date` onto a business day by a convention, one of `WC_ROLL_*`
/// (a business day is returned unchanged). Another value gives
/// `WC_GENERAL_UNKNOWN_VALUE`.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::*;
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"CN".as_ptr(), &mut cal) };
/// let mut out = wc_date::default();
/// // Monday 12 February 2024, in the Spring Festival holiday.
/// let d = wc_date { year: 2024, month: 2, day: 12 };
/// assert_eq!(unsafe { wc_calendar_roll(cal, d, WC_ROLL_FOLLOWING, &mut out) }, wc_status::WC_OK);
/// assert_eq!(out, wc_date { year: 2024, month: 2, day: 18 });
/// assert_eq!(unsafe { wc_calendar_roll(cal, d, 9, &mut out) }, wc_status::WC_GENERAL_UNKNOWN_VALUE);
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_roll(
    cal: *const wc_calendar,
    date: wc_date,
    convention: u32,
    out: *mut wc_date,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        let convention = roll_convention(convention)?;
        let result = api(Roll {
            date: date.to_core("date")?,
            convention,
        }
        .on(cal))?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, wc_date::from_core(result), "out") }
    })
}

/// Adds `seconds` of business time (counted only inside business hours on
/// business days, in the calendar's zone) to the instant `at` (Unix
/// seconds) and writes the resulting instant. Negative `seconds` go back.
/// For business hours, pass `hours * 3600`.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::*;
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"SG".as_ptr(), &mut cal) };
/// let mut due = 0i64;
/// // Friday 2024-03-22 17:00 SGT + 3 business hours = Monday 11:00 SGT.
/// assert_eq!(unsafe { wc_calendar_add_business_seconds(cal, 1_711_098_000, 3 * 3600, &mut due) }, wc_status::WC_OK);
/// assert_eq!(due, 1_711_335_600);
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_add_business_seconds(
    cal: *const wc_calendar,
    at: i64,
    seconds: i64,
    out: *mut i64,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        let at = ffi::instant_arg(at, "at")?;
        let result = api(AddBusinessSeconds { at, seconds }.on(cal))?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, result.timestamp(), "out") }
    })
}

/// The business time, in whole seconds, between two instants (Unix
/// seconds); 0 if `end <= start`.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::*;
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) };
/// let mut secs = 0i64;
/// // Monday 2024-03-04 11:00 WIB to Tuesday 10:00 WIB: 1 + 5 + 1 hours.
/// assert_eq!(unsafe { wc_calendar_business_seconds_between(cal, 1_709_524_800, 1_709_607_600, &mut secs) }, wc_status::WC_OK);
/// assert_eq!(secs, 7 * 3600);
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_business_seconds_between(
    cal: *const wc_calendar,
    start: i64,
    end: i64,
    out: *mut i64,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        let start = ffi::instant_arg(start, "start")?;
        let end = ffi::instant_arg(end, "end")?;
        let result = api(BusinessSecondsBetween { start, end }.on(cal))?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, result, "out") }
    })
}

/// The local business date from which an SLA counts for a request made at
/// `at` (Unix seconds): its local date if that is a business day before the
/// cut-off, otherwise the next business day.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::*;
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) };
/// let mut out = wc_date::default();
/// // Monday 2024-03-04 18:30 WIB, after the 17:00 cut-off: counts from Tuesday.
/// assert_eq!(unsafe { wc_calendar_start_date(cal, 1_709_551_800, &mut out) }, wc_status::WC_OK);
/// assert_eq!(out, wc_date { year: 2024, month: 3, day: 5 });
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_start_date(
    cal: *const wc_calendar,
    at: i64,
    out: *mut wc_date,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        let at = ffi::instant_arg(at, "at")?;
        let result = api(StartDate { at }.on(cal))?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, wc_date::from_core(result), "out") }
    })
}

/// Whether any day in `[start, end]` falls in a year whose holiday dates
/// are estimated (no official decree yet), so answers there may change.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::*;
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) };
/// let mut estimated = true;
/// let d = wc_date { year: 2024, month: 4, day: 10 };
/// assert_eq!(unsafe { wc_calendar_is_estimated(cal, d, d, &mut estimated) }, wc_status::WC_OK);
/// assert!(!estimated);
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_is_estimated(
    cal: *const wc_calendar,
    start: wc_date,
    end: wc_date,
    out: *mut bool,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        let (start, end) = (start.to_core("start")?, end.to_core("end")?);
        let answer = api(IsEstimated { start, end }.on(cal))?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, answer, "out") }
    })
}

/// Every non-business day in `[start, end]`, with why, as JSON in
/// `*out_json` (free it with `wc_string_free`):
/// `{"days":[{"date":"2024-04-10","reason":{"type":"holiday","holiday":{"date":"2024-04-10","name":"Eid al-Fitr","kind":"public","estimated":false}}}],
/// "messages":["Wednesday, 10 April 2024: Eid al-Fitr (public holiday)"]}`;
/// `days` are the core's `NonBusinessDay` values, `messages[i]` renders
/// `days[i]` in `locale`. At most 36 600 days.
///
/// # Safety
///
/// `cal` must be NULL or a live handle; `locale` a NUL-terminated string;
/// `out_json` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::*;
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) };
/// let d = wc_date { year: 2024, month: 4, day: 10 };
/// let mut json = std::ptr::null_mut();
/// assert_eq!(unsafe { wc_calendar_non_business_days(cal, d, d, c"id".as_ptr(), &mut json) }, wc_status::WC_OK);
/// assert!(unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.contains("Hari Raya Idulfitri"));
/// unsafe { wc_string_free(json); wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_calendar_non_business_days(
    cal: *const wc_calendar,
    start: wc_date,
    end: wc_date,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    guard(|| {
        ffi::require_out(out_json, "out_json")?;
        // SAFETY: per the contract.
        let cal = unsafe { calendar(cal) }?;
        // SAFETY: per the contract.
        let locale = unsafe { ffi::locale_arg(locale) }?;
        let (start, end) = (start.to_core("start")?, end.to_core("end")?);
        let out = api(NonBusinessDays { start, end, locale }.on(cal))?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_json(out_json, &out, "out_json") }
    })
}
