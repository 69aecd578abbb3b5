//! The one printer per concept: dates, instants and durations, in each
//! locale. Everything in the crate that shows one of these calls a function
//! here; amounts have theirs in [`Money::format`](crate::money::Money::format).

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeDelta, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::{OffsetName, Tz};

use super::Locale;

/// The name of a weekday: `Wednesday`, `Rabu`, `星期三`.
///
/// # Examples
///
/// ```
/// use chrono::Weekday;
/// use walletcare_core::locale::{Locale, weekday_name};
/// assert_eq!(weekday_name(Weekday::Fri, Locale::Id), "Jumat");
/// assert_eq!(weekday_name(Weekday::Sun, Locale::ZhCn), "星期日");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub const fn weekday_name(day: Weekday, locale: Locale) -> &'static str {
    match day {
        Weekday::Mon => locale.pick("Monday", "Senin", "星期一"),
        Weekday::Tue => locale.pick("Tuesday", "Selasa", "星期二"),
        Weekday::Wed => locale.pick("Wednesday", "Rabu", "星期三"),
        Weekday::Thu => locale.pick("Thursday", "Kamis", "星期四"),
        Weekday::Fri => locale.pick("Friday", "Jumat", "星期五"),
        Weekday::Sat => locale.pick("Saturday", "Sabtu", "星期六"),
        Weekday::Sun => locale.pick("Sunday", "Minggu", "星期日"),
    }
}

/// The name of a month (1 to 12) in English or Indonesian: `March`,
/// `Maret`; Chinese writes months as numbers (`3月`), so `zh-CN` gets
/// `"3月"`. Out-of-range months give `""`.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, month_name};
/// assert_eq!(month_name(8, Locale::Id), "Agustus");
/// assert_eq!(month_name(8, Locale::ZhCn), "8月");
/// assert_eq!(month_name(13, Locale::En), "");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub const fn month_name(month: u32, locale: Locale) -> &'static str {
    let (en, id, zh) = match month {
        1 => ("January", "Januari", "1月"),
        2 => ("February", "Februari", "2月"),
        3 => ("March", "Maret", "3月"),
        4 => ("April", "April", "4月"),
        5 => ("May", "Mei", "5月"),
        6 => ("June", "Juni", "6月"),
        7 => ("July", "Juli", "7月"),
        8 => ("August", "Agustus", "8月"),
        9 => ("September", "September", "9月"),
        10 => ("October", "Oktober", "10月"),
        11 => ("November", "November", "11月"),
        12 => ("December", "Desember", "12月"),
        _ => ("", "", ""),
    };
    locale.pick(en, id, zh)
}

/// A date as people write it in a sentence: `24 December 2026`,
/// `24 Desember 2026`, `2026年12月24日`.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use walletcare_core::locale::{Locale, format_date};
/// let d = NaiveDate::from_ymd_opt(2026, 12, 24).ok_or("bad date")?;
/// assert_eq!(format_date(d, Locale::En), "24 December 2026");
/// assert_eq!(format_date(d, Locale::Id), "24 Desember 2026");
/// assert_eq!(format_date(d, Locale::ZhCn), "2026年12月24日");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn format_date(date: NaiveDate, locale: Locale) -> String {
    let (y, m, d) = (date.year(), date.month(), date.day());
    match locale {
        Locale::En | Locale::Id => format!("{d} {} {y}", month_name(m, locale)),
        Locale::ZhCn => format!("{y}年{m}月{d}日"),
    }
}

/// A date with its weekday: `Wednesday, 6 January 2027`,
/// `Rabu, 6 Januari 2027`, `2027年1月6日（星期三）`.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use walletcare_core::locale::{Locale, format_weekday_date};
/// let d = NaiveDate::from_ymd_opt(2027, 1, 6).ok_or("bad date")?;
/// assert_eq!(format_weekday_date(d, Locale::En), "Wednesday, 6 January 2027");
/// assert_eq!(format_weekday_date(d, Locale::Id), "Rabu, 6 Januari 2027");
/// assert_eq!(format_weekday_date(d, Locale::ZhCn), "2027年1月6日（星期三）");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn format_weekday_date(date: NaiveDate, locale: Locale) -> String {
    let weekday = weekday_name(date.weekday(), locale);
    let day = format_date(date, locale);
    match locale {
        Locale::En | Locale::Id => format!("{weekday}, {day}"),
        Locale::ZhCn => format!("{day}（{weekday}）"),
    }
}

/// An instant as a user reads it, on the clock of `zone` and labelled with
/// the zone's abbreviation (or its UTC offset when it has none):
/// `21 November 2026, 17:01 WIB`, `21 November 2026 pukul 17.01 WIB`,
/// `2026年11月21日 17:01（WIB）`.
///
/// Seconds are rounded *up* to the next minute, so "try again after 17:01"
/// is never earlier than the real instant.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::locale::{Locale, format_instant};
/// let at = Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 1).single().ok_or("bad time")?;
/// let jakarta = chrono_tz::Asia::Jakarta;
/// assert_eq!(format_instant(at, jakarta, Locale::En), "21 November 2026, 17:01 WIB");
/// assert_eq!(format_instant(at, jakarta, Locale::Id), "21 November 2026 pukul 17.01 WIB");
/// assert_eq!(format_instant(at, jakarta, Locale::ZhCn), "2026年11月21日 17:01（WIB）");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn format_instant(at: DateTime<Utc>, zone: Tz, locale: Locale) -> String {
    let rounded = round_up_to_minute(at);
    let local = rounded.with_timezone(&zone);
    let label = zone_label(&local);
    let day = format_date(local_date(rounded, zone), locale);
    let (hour, minute) = (local.hour(), local.minute());
    match locale {
        Locale::En => format!("{day}, {hour:02}:{minute:02} {label}"),
        Locale::Id => format!("{day} pukul {hour:02}.{minute:02} {label}"),
        Locale::ZhCn => format!("{day} {hour:02}:{minute:02}（{label}）"),
    }
}

fn round_up_to_minute(at: DateTime<Utc>) -> DateTime<Utc> {
    if at.second() == 0 && at.nanosecond() == 0 {
        return at;
    }
    at.with_nanosecond(0)
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.checked_add_signed(TimeDelta::seconds(60)))
        .unwrap_or(at)
}

/// The label of a zone at one instant: its abbreviation when it is made of
/// letters (`WIB`, `CST`), else its UTC offset (`UTC+08:00`). The one rule
/// every printed time uses.
pub(crate) fn zone_label(local: &DateTime<Tz>) -> String {
    match local.offset().abbreviation() {
        Some(abbr) if abbr.chars().all(|c| c.is_ascii_alphabetic()) => abbr.to_owned(),
        _ => {
            let seconds = local.offset().fix().local_minus_utc();
            let sign = if seconds < 0 { '-' } else { '+' };
            let minutes = seconds.unsigned_abs() / 60;
            format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
        }
    }
}

/// The largest unit a duration is written in.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{DurationUnit, Locale, format_duration};
/// // Business time has no 24-hour days: 27 business hours stay hours.
/// assert_eq!(format_duration(27 * 3_600, DurationUnit::Hours, Locale::En), "27 hours");
/// assert_eq!(format_duration(27 * 3_600, DurationUnit::Days, Locale::En), "1 day 3 hours");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    /// Days of 24 hours, then hours (wall-clock time).
    Days,
    /// Hours and minutes only (business time, whose days are not 24 hours).
    Hours,
}

/// A duration as people say it, to the minute, rounded *down* (a clock that
/// says "5 minutes left" never has fewer): `2 days 3 hours`,
/// `5 hours 10 minutes`, `45 minutes`, `less than a minute`. With days, the
/// minutes are left out. Negative durations are written as zero.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{DurationUnit, Locale, format_duration};
/// let d = |s| format_duration(s, DurationUnit::Days, Locale::Id);
/// assert_eq!(d(2 * 86_400 + 3_600 + 59), "2 hari 1 jam");
/// assert_eq!(format_duration(3_660, DurationUnit::Hours, Locale::En), "1 hour 1 minute");
/// assert_eq!(format_duration(3_660, DurationUnit::Hours, Locale::ZhCn), "1小时1分钟");
/// assert_eq!(format_duration(59, DurationUnit::Days, Locale::En), "less than a minute");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn format_duration(seconds: i64, largest: DurationUnit, locale: Locale) -> String {
    let seconds = seconds.max(0);
    let (days, hours) = match largest {
        DurationUnit::Days => (seconds / 86_400, (seconds % 86_400) / 3_600),
        DurationUnit::Hours => (0, seconds / 3_600),
    };
    let minutes = (seconds % 3_600) / 60;
    let unit = |value: i64, en_one: &str, en_many: &str, id: &str, zh: &str| match locale {
        Locale::En => format!("{value} {}", if value == 1 { en_one } else { en_many }),
        Locale::Id => format!("{value} {id}"),
        Locale::ZhCn => format!("{value}{zh}"),
    };
    let mut parts = Vec::with_capacity(2);
    if days > 0 {
        parts.push(unit(days, "day", "days", "hari", "天"));
    }
    if hours > 0 {
        parts.push(unit(hours, "hour", "hours", "jam", "小时"));
    }
    if days == 0 && minutes > 0 {
        parts.push(unit(minutes, "minute", "minutes", "menit", "分钟"));
    }
    if parts.is_empty() {
        return locale
            .pick("less than a minute", "kurang dari semenit", "不到1分钟")
            .to_owned();
    }
    parts.join(if locale == Locale::ZhCn { "" } else { " " })
}

/// The local calendar date of `at` on the clock of `zone`.
///
/// Unlike `DateTime::date_naive` on a converted time, this never panics: at
/// the very ends of chrono's range, where the local time does not fit, it
/// falls back to the UTC date.
///
/// # Examples
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use walletcare_core::locale::local_date;
/// let at = Utc.with_ymd_and_hms(2026, 11, 21, 17, 0, 0).single().ok_or("bad time")?;
/// assert_eq!(local_date(at, chrono_tz::Asia::Jakarta), NaiveDate::from_ymd_opt(2026, 11, 22).ok_or("bad")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn local_date(at: DateTime<Utc>, zone: Tz) -> NaiveDate {
    let utc = at.naive_utc();
    let offset = zone.offset_from_utc_datetime(&utc).fix();
    utc.checked_add_offset(offset)
        .map_or_else(|| utc.date(), |local| local.date())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn instants_at_the_ends_of_time_do_not_panic() {
        let jakarta = chrono_tz::Asia::Jakarta;
        assert!(!format_instant(DateTime::<Utc>::MAX_UTC, jakarta, Locale::ZhCn).is_empty());
        assert!(!format_instant(DateTime::<Utc>::MIN_UTC, jakarta, Locale::Id).is_empty());
        assert_eq!(
            local_date(DateTime::<Utc>::MAX_UTC, jakarta),
            DateTime::<Utc>::MAX_UTC.date_naive()
        );
    }

    #[test]
    fn zones_without_a_letter_abbreviation_show_their_offset() {
        let exact = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 0).unwrap();
        assert_eq!(
            format_instant(exact, chrono_tz::UTC, Locale::En),
            "2 January 2026, 03:04 UTC"
        );
        assert_eq!(
            format_instant(exact, chrono_tz::Asia::Dubai, Locale::En),
            "2 January 2026, 07:04 UTC+04:00"
        );
    }

    #[test]
    fn durations_round_down_to_the_minute_and_never_go_negative() {
        let en = |s| format_duration(s, DurationUnit::Days, Locale::En);
        assert_eq!(en(0), "less than a minute");
        assert_eq!(en(61), "1 minute");
        assert_eq!(en(119), "1 minute");
        assert_eq!(en(3_600 * 5 + 600), "5 hours 10 minutes");
        assert_eq!(en(86_400 + 59), "1 day");
        assert_eq!(en(-5), "less than a minute");
        assert!(en(i64::MAX).starts_with("106751991167300 days"));
        assert_eq!(
            format_duration(86_400 * 2 + 60, DurationUnit::Hours, Locale::Id),
            "48 jam 1 menit"
        );
    }
}
