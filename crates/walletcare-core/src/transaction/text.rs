//! Private helpers that turn amounts, instants and time zones into text.
//!
//! Everything user-facing in this module goes through [`money_text`] and
//! [`time_text`], so switching to a shared formatter later is a one-line
//! change in each.

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeDelta, TimeZone, Timelike, Utc};
use chrono_tz::{OffsetName, Tz};

use crate::locale::Locale;
#[cfg(test)]
use crate::money::Currency;
use crate::money::Money;

/// The local calendar date of `at` in `zone`.
///
/// Unlike `DateTime::date_naive`, this never panics: at the very ends of
/// chrono's range, where the local time does not fit, it falls back to the
/// UTC date.
pub(crate) fn local_date(at: DateTime<Utc>, zone: Tz) -> NaiveDate {
    let utc = at.naive_utc();
    let offset = zone.offset_from_utc_datetime(&utc).fix();
    utc.checked_add_offset(offset)
        .map_or_else(|| utc.date(), |local| local.date())
}

/// An amount as a user reads it in `locale`, via [`Money::format`]: the one
/// formatter the whole crate shares, whose output always parses back.
pub(crate) fn money_text(amount: Money, locale: Locale) -> String {
    amount.format(locale)
}

/// An amount for error messages and logs, locale-free: `IDR 12000.50`.
pub(crate) fn plain_amount(amount: Money) -> String {
    amount.to_string()
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// An instant as a user reads it in `locale`, shown in `zone` and labelled
/// with the zone's abbreviation (or its UTC offset when the zone has none):
/// `21 November 2026, 17:00 WIB`, `21 November 2026 pukul 17.00 WIB`,
/// `2026年11月21日 17:00（WIB）`.
///
/// Seconds are rounded *up* to the next minute, so "try again after 17:01"
/// is never earlier than the real instant.
pub(crate) fn time_text(at: DateTime<Utc>, locale: Locale, zone: Tz) -> String {
    let rounded = round_up_to_minute(at);
    let local = rounded.with_timezone(&zone);
    let label = zone_label(&local);
    let month_index = usize::try_from(local.month0()).unwrap_or(0);
    let (day, year) = (local.day(), local.year());
    let (hour, minute) = (local.hour(), local.minute());
    match locale {
        Locale::En => {
            let month = MONTHS_EN.get(month_index).copied().unwrap_or("?");
            format!("{day} {month} {year}, {hour:02}:{minute:02} {label}")
        }
        Locale::Id => {
            let month = MONTHS_ID.get(month_index).copied().unwrap_or("?");
            format!("{day} {month} {year} pukul {hour:02}.{minute:02} {label}")
        }
        Locale::ZhCn => {
            let month = local.month();
            format!("{year}年{month}月{day}日 {hour:02}:{minute:02}（{label}）")
        }
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

fn zone_label(local: &DateTime<Tz>) -> String {
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

/// Serde form of a [`Tz`]: its IANA name, e.g. `"Asia/Jakarta"`.
pub(crate) mod zone_name {
    use chrono_tz::Tz;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(zone: &Tz, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(zone.name())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Tz, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse::<Tz>().map_err(|_| {
            crate::error::Coded::de(crate::calendar::CalendarError::UnknownTimeZone {
                name: name.chars().take(64).collect(),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn money_text_is_the_shared_formatter() {
        let rp = Money::new(1_234_567_800, Currency::Idr);
        assert_eq!(money_text(rp, Locale::Id), "Rp12.345.678");
        assert_eq!(money_text(rp, Locale::Id), rp.format(Locale::Id));
        assert_eq!(
            plain_amount(Money::new(1_200_050, Currency::Idr)),
            "IDR 12000.50"
        );
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn time_text_uses_zone_and_rounds_up() {
        let at_ten = Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 1).unwrap();
        let jakarta = chrono_tz::Asia::Jakarta;
        assert_eq!(
            time_text(at_ten, Locale::En, jakarta),
            "21 November 2026, 17:01 WIB"
        );
        assert_eq!(
            time_text(at_ten, Locale::Id, jakarta),
            "21 November 2026 pukul 17.01 WIB"
        );
        assert_eq!(
            time_text(at_ten, Locale::ZhCn, jakarta),
            "2026年11月21日 17:01（WIB）"
        );
        let exact = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 0).unwrap();
        assert_eq!(
            time_text(exact, Locale::En, chrono_tz::UTC),
            "2 January 2026, 03:04 UTC"
        );
        // A zone whose abbreviation is numeric gets a UTC offset label.
        assert_eq!(
            time_text(exact, Locale::En, chrono_tz::Asia::Kolkata),
            "2 January 2026, 08:34 IST"
        );
        assert_eq!(
            time_text(exact, Locale::En, chrono_tz::Asia::Dubai),
            "2 January 2026, 07:04 UTC+04:00"
        );
        assert_eq!(
            local_date(at(2026, 11, 21, 17, 0), jakarta),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
        );
        assert_eq!(
            local_date(DateTime::<Utc>::MAX_UTC, jakarta),
            DateTime::<Utc>::MAX_UTC.date_naive()
        );
        // The last representable instant does not panic.
        let _ = time_text(DateTime::<Utc>::MAX_UTC, Locale::ZhCn, jakarta);
        let _ = time_text(DateTime::<Utc>::MIN_UTC, Locale::Id, jakarta);
    }
}
