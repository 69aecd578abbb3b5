//! Editions: which version of its holiday data a calendar is, what it rests
//! on, and what changes between two editions for the due dates already
//! promised.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{BusinessCalendar, CalendarError, CalendarSpec, Holiday, RollConvention, invalid};
use crate::error::{ErrorCode, HasErrorCode};

/// Longest edition id, in characters.
const MAX_ID_CHARS: usize = 64;
/// Most sources an edition may list.
const MAX_SOURCES: usize = 256;
/// Longest source, in characters.
const MAX_SOURCE_CHARS: usize = 400;
/// Most open due dates [`compare_editions`] accepts in one call.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId, MAX_OPEN_DUE_DATES, compare_editions};
/// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
/// assert!(compare_editions(&id, &id, &[]).is_ok());
/// assert_eq!(MAX_OPEN_DUE_DATES, 1_000_000);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_OPEN_DUE_DATES: usize = 1_000_000;

/// The prefix of an edition id derived from the content digest.
const DERIVED_PREFIX: &str = "content-";

/// Which edition of its data a calendar is: an id, the sources (decrees,
/// announcements) it rests on, and a digest of its content.
///
/// Built-in calendars declare their id in their data (`ID-2026.12`: the
/// release month of the data) and list one source per decreed year. A
/// calendar loaded from JSON keeps the `edition` it states; one that states
/// none (JSON written before editions existed) gets the id
/// `content-<digest>`. The digest is always recomputed from the content and
/// never read from input: it covers everything that changes an answer (zone,
/// weekmask, business hours, cut-off, coverage, estimated years, every
/// holiday's date, kind and estimate flag, every working day), not the names.
/// It is a 64-bit FNV-1a hash: it tells editions apart, it does not
/// authenticate them.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
///
/// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
/// let edition = id.edition();
/// assert_eq!(edition.id, "ID-2026.12");
/// assert!(edition.sources.iter().any(|s| s.starts_with("2027: SKB 3 Menteri")));
/// assert_eq!(edition.digest.len(), 16);
///
/// let old = BusinessCalendar::from_json(r#"{"time_zone":"Asia/Jakarta"}"#)?;
/// assert!(old.edition().id.starts_with("content-"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarEdition {
    /// A short id, for example `"ID-2026.12"`, or `"content-<digest>"` when
    /// none was declared.
    #[serde(default)]
    pub id: String,
    /// What the data rests on, for example `"2027: SKB 3 Menteri ..."`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// The content digest (16 hex digits), recomputed on every load.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub digest: String,
}

impl CalendarEdition {
    /// An edition with an id and sources (the digest is filled in when a
    /// calendar is built with it).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarEdition, CalendarId};
    ///
    /// let mut id = BusinessCalendar::builtin(CalendarId::Indonesia);
    /// id.set_edition(CalendarEdition::new("ID-2026.12+wallet.1", ["Revised SKB for 2027"]))?;
    /// assert_eq!(id.edition().id, "ID-2026.12+wallet.1");
    /// assert_eq!(id.edition().sources, ["Revised SKB for 2027"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new<I, S>(id: &str, sources: I) -> CalendarEdition
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        CalendarEdition {
            id: id.to_owned(),
            sources: sources.into_iter().map(Into::into).collect(),
            digest: String::new(),
        }
    }

    /// The id and digest, as SLA results record them.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::calendar::{BusinessCalendar, CalendarId};
    /// let my = BusinessCalendar::builtin(CalendarId::Malaysia);
    /// let stamp = my.edition().stamp();
    /// assert_eq!(stamp.id, "MY-2026.12");
    /// assert_eq!(stamp.digest, my.edition().digest);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn stamp(&self) -> EditionStamp {
        EditionStamp {
            id: self.id.clone(),
            digest: self.digest.clone(),
        }
    }
}

/// The edition that computed a result: the calendar edition's id and
/// digest. Two results with equal stamps were computed on the same data; a
/// service that stores results compares their stamp with the current
/// calendar's ([`BusinessCalendar::edition`]) to find the ones to recompute
/// ([`compare_editions`]).
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::EditionStamp;
/// let s: EditionStamp = serde_json::from_str(r#"{"id":"ID-2026.12","digest":"0123456789abcdef"}"#)?;
/// assert_eq!(s.to_string(), "ID-2026.12@0123456789abcdef");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionStamp {
    /// The edition id, for example `"ID-2026.12"`.
    pub id: String,
    /// The content digest (16 hex digits).
    pub digest: String,
}

impl std::fmt::Display for EditionStamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.id, self.digest)
    }
}

/// 64-bit FNV-1a.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, s: &str) {
        for b in s.bytes().chain(std::iter::once(0x1f)) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The content digest of a validated spec (sorted lists), with the
/// effective estimated years.
pub(super) fn digest(spec: &CalendarSpec, estimated_years: &[i32]) -> String {
    let mut h = Fnv::new();
    h.write("walletcare-calendar-v1");
    h.write(spec.time_zone.name());
    h.write(&spec.weekmask.to_string());
    for p in &spec.business_hours {
        h.write(&p.to_string());
    }
    h.write(&spec.cutoff.map(|c| c.to_string()).unwrap_or_default());
    h.write(
        &spec
            .coverage
            .map(|c| format!("{}-{}", c.first, c.last))
            .unwrap_or_default(),
    );
    let mut years = String::new();
    for y in estimated_years {
        let _ = write!(years, "{y},");
    }
    h.write(&years);
    for d in &spec.holidays {
        h.write(&format!("H{}{:?}{}", d.date, d.kind, d.estimated));
    }
    for w in &spec.working_days {
        h.write(&format!("W{}{}", w.date, w.estimated));
    }
    format!("{:016x}", h.0)
}

/// Checks a declared edition and fills in its id (if derived) and digest.
pub(super) fn normalise(
    declared: Option<CalendarEdition>,
    digest: String,
) -> Result<CalendarEdition, CalendarError> {
    let mut e = declared.unwrap_or_default();
    e.id = e.id.trim().to_owned();
    if e.id.is_empty() || e.id.starts_with(DERIVED_PREFIX) {
        e.id = format!("{DERIVED_PREFIX}{digest}");
    }
    let n = e.id.chars().count();
    if n > MAX_ID_CHARS || e.id.chars().any(char::is_control) {
        return Err(invalid(format!(
            "edition id has {n} characters or a control character (at most {MAX_ID_CHARS}, printable)"
        )));
    }
    if e.sources.len() > MAX_SOURCES {
        return Err(invalid(format!(
            "edition lists {} sources (at most {MAX_SOURCES})",
            e.sources.len()
        )));
    }
    if let Some(s) = e
        .sources
        .iter()
        .find(|s| s.chars().count() > MAX_SOURCE_CHARS)
    {
        return Err(invalid(format!(
            "edition source of {} characters (at most {MAX_SOURCE_CHARS})",
            s.chars().count()
        )));
    }
    e.digest = digest;
    Ok(e)
}

// ---------------------------------------------------------------------------
// Comparing editions
// ---------------------------------------------------------------------------

/// When counting starts for an open due date.
///
/// The JSON form is `{"at":"2027-03-08T03:00:00Z"}` (an instant: the
/// calendar's cut-off applies, as for the refund SLA) or
/// `{"date":"2027-03-08"}` (a local date: counting starts on the first
/// business day on or after it, as for the OJK regulatory clock).
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::DueStart;
/// let s: DueStart = serde_json::from_str(r#"{"date":"2027-03-08"}"#)?;
/// assert!(matches!(s, DueStart::Date(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueStart {
    /// An instant; counting starts on [`BusinessCalendar::start_date`].
    At(DateTime<Utc>),
    /// A local date; counting starts on the first business day on or after
    /// it.
    Date(NaiveDate),
}

/// A due date already computed (and perhaps announced) that
/// [`compare_editions`] should check.
///
/// Give `business_days`, or `due_date` (the due date computed on the old
/// edition: the business days are then counted back on the old edition),
/// or both (then `due_date` is what was announced, and `old_due_date` in the
/// answer is what the old edition gives).
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::OpenDueDate;
/// let d: OpenDueDate = serde_json::from_str(
///     r#"{"id":"RF-1","start":{"at":"2027-03-08T03:00:00Z"},"business_days":7}"#,
/// )?;
/// assert_eq!(d.business_days, Some(7));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenDueDate {
    /// The caller's id for it (a refund or complaint id).
    pub id: String,
    /// When counting starts.
    pub start: DueStart,
    /// The business days allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_days: Option<u32>,
    /// The due date computed on the old edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
}

/// An open due date that moves from one edition to the other.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId, DueStart, OpenDueDate, compare_editions};
///
/// let new = BusinessCalendar::builtin(CalendarId::Indonesia);
/// let mut old = new.clone();
/// old.remove_holiday(chrono::NaiveDate::from_ymd_opt(2027, 3, 25).ok_or("date")?)?;
/// let at = Utc.with_ymd_and_hms(2027, 3, 22, 3, 0, 0).single().ok_or("time")?;
/// let open = [OpenDueDate { id: "RF-1".into(), start: DueStart::At(at), business_days: Some(3), due_date: None }];
/// let report = compare_editions(&old, &new, &open)?;
/// let moved = &report.moved[0];
/// assert_eq!((moved.old_due_date.to_string(), moved.new_due_date.to_string()), ("2027-03-25".into(), "2027-03-29".into()));
/// assert_eq!(moved.shift_days, 4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MovedDueDate {
    /// The caller's id.
    pub id: String,
    /// The business days allowed.
    pub business_days: u32,
    /// The counting start on the old edition.
    pub old_start_date: NaiveDate,
    /// The counting start on the new edition.
    pub new_start_date: NaiveDate,
    /// The due date on the old edition.
    pub old_due_date: NaiveDate,
    /// The due date on the new edition.
    pub new_due_date: NaiveDate,
    /// Calendar days from the old due date to the new one: positive when
    /// the due date moves later, negative when earlier.
    pub shift_days: i64,
}

/// An open due date that could not be checked, and why.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId, DueStart, OpenDueDate, compare_editions};
/// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
/// let far = chrono::NaiveDate::from_ymd_opt(2035, 1, 2).ok_or("date")?;
/// let open = [OpenDueDate { id: "X".into(), start: DueStart::Date(far), business_days: Some(1), due_date: None }];
/// let report = compare_editions(&id, &id, &open)?;
/// assert_eq!(report.failed[0].code.as_str(), "calendar.not_covered");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailedDueDate {
    /// The caller's id.
    pub id: String,
    /// The stable error code (`calendar.not_covered`...).
    pub code: ErrorCode,
    /// What went wrong.
    pub message: String,
}

/// A day whose status or holiday differs between two editions.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId, compare_editions};
/// let new = BusinessCalendar::builtin(CalendarId::Indonesia);
/// let mut old = new.clone();
/// let day = chrono::NaiveDate::from_ymd_opt(2027, 2, 5).ok_or("date")?;
/// old.remove_holiday(day)?;
/// let report = compare_editions(&old, &new, &[])?;
/// assert_eq!(report.changed_days.len(), 1);
/// assert!(report.changed_days[0].old_business_day && !report.changed_days[0].new_business_day);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangedDay {
    /// The local date.
    pub date: NaiveDate,
    /// Whether it is a business day on the old edition (`false` outside its
    /// coverage).
    pub old_business_day: bool,
    /// Whether it is a business day on the new edition.
    pub new_business_day: bool,
    /// The old edition's holiday on that date, if any.
    pub old_holiday: Option<Holiday>,
    /// The new edition's holiday on that date, if any.
    pub new_holiday: Option<Holiday>,
}

/// What changes from one edition of a calendar to another: the days that
/// differ, and which open due dates move and to what.
///
/// # Examples
///
/// ```
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId, compare_editions};
/// let id = BusinessCalendar::builtin(CalendarId::Indonesia);
/// let report = compare_editions(&id, &id, &[])?;
/// assert_eq!(report.old, report.new);
/// assert!(report.changed_days.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionComparison {
    /// The old edition.
    pub old: EditionStamp,
    /// The new edition.
    pub new: EditionStamp,
    /// Every day whose business-day status, holiday name or kind differs,
    /// in date order.
    pub changed_days: Vec<ChangedDay>,
    /// The open due dates that move, in input order.
    pub moved: Vec<MovedDueDate>,
    /// The ids of the open due dates that stay.
    pub unchanged: Vec<String>,
    /// The open due dates that could not be computed on one of the
    /// editions.
    pub failed: Vec<FailedDueDate>,
}

/// Compares two editions of a calendar (for example the built-in one and a
/// newer JSON, or one before and after [`BusinessCalendar::add_holiday`]):
/// lists the days that differ and, for each open due date, whether it moves
/// and to what.
///
/// A due date is recomputed on each edition as the SLAs compute it: the
/// counting start ([`DueStart`]) plus the business days. An item with only a
/// `due_date` has its business days counted back on the old edition.
/// Items that cannot be computed (a year not covered, no business days and
/// no due date) are listed in `failed`, and the rest still answered.
///
/// # Errors
///
/// [`CalendarError::TooLarge`] for more than [`MAX_OPEN_DUE_DATES`] items.
///
/// # Examples
///
/// A refund to a BCA card (7 business days) approved on Monday 8 March 2027
/// (Nyepi): the 2027 decree's cuti bersama (9, 12, 15 and 25 March) move
/// it from 22 to 29 March.
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use walletcare_core::calendar::{BusinessCalendar, CalendarId, DueStart, HolidayKind, OpenDueDate, compare_editions};
///
/// let decreed = BusinessCalendar::builtin(CalendarId::Indonesia);
/// let mut before = decreed.clone();
/// for h in decreed.holidays().iter().filter(|h| h.kind == HolidayKind::CollectiveLeave) {
///     if h.date.to_string().starts_with("2027") {
///         before.remove_holiday(h.date)?;
///     }
/// }
/// let approved = Utc.with_ymd_and_hms(2027, 3, 8, 3, 0, 0).single().ok_or("time")?;
/// let open = [OpenDueDate { id: "RF-7".into(), start: DueStart::At(approved), business_days: Some(7), due_date: None }];
/// let report = compare_editions(&before, &decreed, &open)?;
/// assert_eq!(report.moved[0].old_due_date, NaiveDate::from_ymd_opt(2027, 3, 22).ok_or("date")?);
/// assert_eq!(report.moved[0].new_due_date, NaiveDate::from_ymd_opt(2027, 3, 29).ok_or("date")?);
/// assert_eq!(report.changed_days.len(), 8);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn compare_editions(
    old: &BusinessCalendar,
    new: &BusinessCalendar,
    open: &[OpenDueDate],
) -> Result<EditionComparison, CalendarError> {
    if open.len() > MAX_OPEN_DUE_DATES {
        return Err(CalendarError::TooLarge {
            what: "open due dates".to_owned(),
            size: open.len() as u64,
            max: MAX_OPEN_DUE_DATES as u64,
        });
    }
    let mut moved = Vec::new();
    let mut unchanged = Vec::new();
    let mut failed = Vec::new();
    for item in open {
        match recompute(old, new, item) {
            Ok(Some(m)) => moved.push(m),
            Ok(None) => unchanged.push(item.id.clone()),
            Err(e) => failed.push(FailedDueDate {
                id: item.id.clone(),
                code: e.code(),
                message: e.to_string(),
            }),
        }
    }
    Ok(EditionComparison {
        old: old.edition().stamp(),
        new: new.edition().stamp(),
        changed_days: changed_days(old, new),
        moved,
        unchanged,
        failed,
    })
}

fn start_on(cal: &BusinessCalendar, start: DueStart) -> Result<NaiveDate, CalendarError> {
    match start {
        DueStart::At(at) => cal.start_date(at),
        DueStart::Date(d) => cal.roll(d, RollConvention::Following),
    }
}

fn recompute(
    old: &BusinessCalendar,
    new: &BusinessCalendar,
    item: &OpenDueDate,
) -> Result<Option<MovedDueDate>, CalendarError> {
    let old_start = start_on(old, item.start)?;
    let days = match (item.business_days, item.due_date) {
        (Some(n), _) => n,
        (None, Some(due)) => {
            let n = old.business_days_between(old_start, due)?;
            u32::try_from(n).map_err(|_| {
                invalid(format!(
                    "{}: due date {due} is before the counting start {old_start}",
                    item.id.chars().take(64).collect::<String>()
                ))
            })?
        }
        (None, None) => {
            return Err(invalid(format!(
                "{}: give business_days or due_date",
                item.id.chars().take(64).collect::<String>()
            )));
        }
    };
    let old_due = old.add_business_days(old_start, i64::from(days))?;
    let new_start = start_on(new, item.start)?;
    let new_due = new.add_business_days(new_start, i64::from(days))?;
    if old_due == new_due && old_start == new_start {
        return Ok(None);
    }
    Ok(Some(MovedDueDate {
        id: item.id.clone(),
        business_days: days,
        old_start_date: old_start,
        new_start_date: new_start,
        old_due_date: old_due,
        new_due_date: new_due,
        shift_days: (new_due - old_due).num_days(),
    }))
}

/// The days listed in either edition whose status or holiday differs.
fn changed_days(old: &BusinessCalendar, new: &BusinessCalendar) -> Vec<ChangedDay> {
    let mut dates: BTreeMap<NaiveDate, ()> = BTreeMap::new();
    for cal in [old, new] {
        for h in cal.holidays() {
            dates.insert(h.date, ());
        }
        for w in cal.working_days() {
            dates.insert(w.date, ());
        }
    }
    let mut out = Vec::new();
    for date in dates.into_keys() {
        let ob = old.is_business_day(date).unwrap_or(false);
        let nb = new.is_business_day(date).unwrap_or(false);
        let oh = old.holiday(date);
        let nh = new.holiday(date);
        let same_holiday = match (oh, nh) {
            (Some(a), Some(b)) => a.name == b.name && a.kind == b.kind,
            (None, None) => true,
            _ => false,
        };
        if ob != nb || !same_holiday {
            out.push(ChangedDay {
                date,
                old_business_day: ob,
                new_business_day: nb,
                old_holiday: oh.cloned(),
                new_holiday: nh.cloned(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_follow_the_digest() {
        let e = normalise(None, "00ff".to_owned()).unwrap();
        assert_eq!(e.id, "content-00ff");
        let e = normalise(Some(e), "11ee".to_owned()).unwrap();
        assert_eq!(e.id, "content-11ee");
        let kept = normalise(Some(CalendarEdition::new("X-1", ["a"])), "22dd".to_owned()).unwrap();
        assert_eq!((kept.id.as_str(), kept.digest.as_str()), ("X-1", "22dd"));
        assert!(
            normalise(
                Some(CalendarEdition::new(&"x".repeat(65), [""; 0])),
                String::new()
            )
            .is_err()
        );
    }
}
