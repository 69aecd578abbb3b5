//! Amendments: a new decree applied at run time, before a release of the
//! library carries it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{
    BusinessCalendar, CalendarEdition, CalendarError, Holiday, MAX_JSON_BYTES, WorkingDay,
};

/// A change to a calendar's data, as a decree makes it: the edition it
/// creates, whole years replaced (a year's decree replacing its estimate),
/// and days added or removed (a revision moving or adding days).
///
/// The JSON form (only `edition` is required):
///
/// ```json
/// {
///   "edition": {"id": "ID-2027.08-wallet", "sources": ["2027: SKB revision of August 2027"]},
///   "replace_years": [],
///   "holidays": [{"date": "2027-08-16", "name": "Independence Day", "kind": "collective_leave"}],
///   "remove_holidays": ["2027-03-25"],
///   "working_days": [],
///   "remove_working_days": []
/// }
/// ```
///
/// [`BusinessCalendar::amend`] applies it: first every holiday and working
/// day of the `replace_years` is dropped and those years become official
/// (no longer estimated), then the `remove_*` dates are removed, then the
/// listed days are added (replacing a day already on the same date), and the
/// calendar takes the new edition.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::CalendarAmendment;
/// let a = CalendarAmendment::from_json(r#"{"edition":{"id":"ID-2027.08-wallet"},"remove_holidays":["2027-03-25"]}"#)?;
/// assert_eq!(a.edition.id, "ID-2027.08-wallet");
/// assert!(CalendarAmendment::from_json(r#"{"holidays":[]}"#).is_err()); // no edition
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarAmendment {
    /// The edition the amended calendar becomes (its id and sources; the
    /// digest is recomputed).
    pub edition: CalendarEdition,
    /// Years whose listed days are all replaced by the ones given here; they
    /// become official.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replace_years: Vec<i32>,
    /// Holidays to add (or to replace the holiday on the same date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<Holiday>,
    /// Dates whose holiday is removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_holidays: Vec<NaiveDate>,
    /// Working days to add (or replace).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub working_days: Vec<WorkingDay>,
    /// Dates whose working day is removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_working_days: Vec<NaiveDate>,
}

impl CalendarAmendment {
    /// Reads an amendment from JSON (at most [`MAX_JSON_BYTES`]).
    ///
    /// # Errors
    ///
    /// [`CalendarError::TooLarge`] or [`CalendarError::InvalidJson`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::CalendarAmendment;
    /// let a = CalendarAmendment::from_json(r#"{"edition":{"id":"X-1"},"replace_years":[2028]}"#)?;
    /// assert_eq!(a.replace_years, [2028]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(json: &str) -> Result<CalendarAmendment, CalendarError> {
        if json.len() > MAX_JSON_BYTES {
            return Err(CalendarError::TooLarge {
                what: "calendar amendment JSON (bytes)".to_owned(),
                size: json.len() as u64,
                max: MAX_JSON_BYTES as u64,
            });
        }
        serde_json::from_str(json).map_err(|e| CalendarError::InvalidJson {
            message: e.to_string(),
        })
    }
}

impl BusinessCalendar {
    /// The calendar with an amendment applied ([`CalendarAmendment`]):
    /// how a wallet applies a new decree before a release has it. The
    /// calendar itself is unchanged; compare the two with
    /// [`super::compare_editions`] to find the due dates that move.
    ///
    /// # Errors
    ///
    /// As [`BusinessCalendar::new`] for the amended data (a day outside the
    /// coverage, a working day inside the weekmask...), and
    /// [`CalendarError::InvalidArgument`] for a bad edition or a removed
    /// date that has no holiday (or working day).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarAmendment, CalendarId};
    ///
    /// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// let decree = CalendarAmendment::from_json(r#"{
    ///   "edition": {"id": "ID-2027.08-wallet", "sources": ["2027: SKB revision of August 2027"]},
    ///   "holidays": [{"date": "2027-08-16", "name": "Independence Day", "kind": "collective_leave"}]
    /// }"#)?;
    /// let amended = id.amend(&decree)?;
    /// let day = NaiveDate::from_ymd_opt(2027, 8, 16).ok_or("bad date")?;
    /// assert!(id.is_business_day(day)? && !amended.is_business_day(day)?);
    /// assert_eq!(amended.edition().id, "ID-2027.08-wallet");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn amend(&self, amendment: &CalendarAmendment) -> Result<BusinessCalendar, CalendarError> {
        let mut spec = self.spec().clone();
        let years: BTreeSet<i32> = amendment.replace_years.iter().copied().collect();
        spec.holidays.retain(|h| !years.contains(&h.date.year()));
        spec.working_days
            .retain(|w| !years.contains(&w.date.year()));
        spec.estimated_years.retain(|y| !years.contains(y));
        let have: BTreeSet<NaiveDate> = spec.holidays.iter().map(|h| h.date).collect();
        if let Some(d) = amendment.remove_holidays.iter().find(|d| !have.contains(d)) {
            return Err(super::invalid(format!(
                "the amendment removes the holiday on {d}, which the calendar does not have"
            )));
        }
        let have: BTreeSet<NaiveDate> = spec.working_days.iter().map(|w| w.date).collect();
        if let Some(d) = amendment
            .remove_working_days
            .iter()
            .find(|d| !have.contains(d))
        {
            return Err(super::invalid(format!(
                "the amendment removes the working day on {d}, which the calendar does not have"
            )));
        }
        // Removed dates and dates given anew are dropped, then the new days
        // added (the last one given for a date wins).
        let drop_h: BTreeSet<NaiveDate> = amendment
            .remove_holidays
            .iter()
            .copied()
            .chain(amendment.holidays.iter().map(|h| h.date))
            .collect();
        spec.holidays.retain(|h| !drop_h.contains(&h.date));
        let drop_w: BTreeSet<NaiveDate> = amendment
            .remove_working_days
            .iter()
            .copied()
            .chain(amendment.working_days.iter().map(|w| w.date))
            .collect();
        spec.working_days.retain(|w| !drop_w.contains(&w.date));
        let mut added: BTreeMap<NaiveDate, &Holiday> = BTreeMap::new();
        for h in &amendment.holidays {
            added.insert(h.date, h);
        }
        spec.holidays.extend(added.into_values().cloned());
        let mut added: BTreeMap<NaiveDate, &WorkingDay> = BTreeMap::new();
        for w in &amendment.working_days {
            added.insert(w.date, w);
        }
        spec.working_days.extend(added.into_values().cloned());
        spec.edition = Some(amendment.edition.clone());
        BusinessCalendar::new(spec)
    }
}
