//! Plain C types shared by several modules: dates.

use chrono::{Datelike, NaiveDate};

use crate::ffi::{Failure, FfiResult};
use crate::status::wc_status;

/// A calendar date (proleptic Gregorian), local to whatever calendar or
/// zone the function documents.
///
/// An impossible date (month 13, 30 February, a year beyond ±262 000) is
/// refused with `WC_GENERAL_DATE_OUT_OF_RANGE`.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::types::wc_date;
/// let christmas = wc_date { year: 2026, month: 12, day: 25 };
/// assert_eq!(christmas.month, 12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct wc_date {
    /// The year, e.g. 2026.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

impl wc_date {
    pub(crate) fn to_core(self, name: &str) -> FfiResult<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.month), u32::from(self.day)).ok_or_else(
            || {
                Failure::new(
                    wc_status::WC_GENERAL_DATE_OUT_OF_RANGE,
                    format!(
                        "`{name}` ({:04}-{:02}-{:02}) is not a valid date",
                        self.year, self.month, self.day
                    ),
                )
            },
        )
    }

    pub(crate) fn from_core(date: NaiveDate) -> Self {
        wc_date {
            year: date.year(),
            month: u8::try_from(date.month()).unwrap_or(0),
            day: u8::try_from(date.day()).unwrap_or(0),
        }
    }
}
