//! Private helpers that turn amounts, instants and time zones into text.
//!
//! Everything user-facing in this module goes through [`money_text`] and
//! [`time_text`], so switching to a shared formatter later is a one-line
//! change in each.

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeDelta, TimeZone, Timelike, Utc};
use chrono_tz::{OffsetName, Tz};

use crate::locale::Locale;
use crate::money::{Currency, Money};

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

/// An amount as a user reads it in `locale`: `Rp 12,000` (en), `Rp12.000`
/// (id-ID), `12,000 印尼盾` (zh-CN); other currencies as `USD 12.34`
/// (`USD 12,34` in id-ID, `¥12.34` for yuan in zh-CN).
///
/// Rupiah hide a zero fraction (prices are whole rupiah in practice); other
/// currencies always show their ISO 4217 number of decimals.
///
/// This is the single place to switch to `Money::format(locale)` once the
/// money module provides it.
pub(crate) fn money_text(amount: Money, locale: Locale) -> String {
    let currency = amount.currency();
    let (group, decimal) = match locale {
        Locale::Id => ('.', ','),
        Locale::En | Locale::ZhCn => (',', '.'),
    };
    let number = number_text(amount, group, decimal, currency != Currency::Idr);
    let sign = if amount.is_negative() { "-" } else { "" };
    match (locale, currency) {
        (Locale::En, Currency::Idr) => format!("{sign}Rp {number}"),
        (Locale::Id, Currency::Idr) => format!("{sign}Rp{number}"),
        (Locale::ZhCn, Currency::Idr) => format!("{sign}{number} 印尼盾"),
        (Locale::ZhCn, Currency::Cny) => format!("{sign}¥{number}"),
        (_, other) => format!("{sign}{} {number}", other.code()),
    }
}

/// An amount for error messages and logs, locale-free: `IDR 12000.50`.
pub(crate) fn plain_amount(amount: Money) -> String {
    let sign = if amount.is_negative() { "-" } else { "" };
    let number = number_text(amount, '\0', '.', true);
    format!("{sign}{} {number}", amount.currency().code())
}

/// The unsigned number of `amount` in major units with `group` as the
/// thousands separator (`'\0'` for none) and `decimal` before the fraction.
fn number_text(amount: Money, group: char, decimal: char, always_fraction: bool) -> String {
    let exponent = amount.currency().exponent();
    let per_major = amount.currency().minor_per_major().unsigned_abs().max(1);
    let minor = amount.minor().unsigned_abs();
    let major = minor.checked_div(per_major).unwrap_or(minor);
    let fraction = minor.checked_rem(per_major).unwrap_or(0);

    let digits = major.to_string();
    let mut out = String::with_capacity(digits.len().saturating_mul(2));
    let len = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && group != '\0' && (len - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    if exponent > 0 && (fraction != 0 || always_fraction) {
        out.push(decimal);
        let width = usize::try_from(exponent).unwrap_or(2);
        out.push_str(&format!("{fraction:0width$}"));
    }
    out
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
            let shown: String = name.chars().take(64).collect();
            serde::de::Error::custom(format!("unknown IANA time zone {shown:?}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn money_text_groups_and_labels_per_locale() {
        let rp = Money::new(1_234_567_800, Currency::Idr); // Rp 12.345.678
        assert_eq!(money_text(rp, Locale::En), "Rp 12,345,678");
        assert_eq!(money_text(rp, Locale::Id), "Rp12.345.678");
        assert_eq!(money_text(rp, Locale::ZhCn), "12,345,678 印尼盾");
        let sen = Money::new(1_250, Currency::Idr);
        assert_eq!(money_text(sen, Locale::Id), "Rp12,50");
        assert_eq!(money_text(sen, Locale::En), "Rp 12.50");
        let usd = Money::new(100_000, Currency::Usd);
        assert_eq!(money_text(usd, Locale::En), "USD 1,000.00");
        assert_eq!(money_text(usd, Locale::Id), "USD 1.000,00");
        let cny = Money::new(-705, Currency::Cny);
        assert_eq!(money_text(cny, Locale::ZhCn), "-¥7.05");
        assert_eq!(
            money_text(Money::new(5, Currency::Jpy), Locale::En),
            "JPY 5"
        );
        assert_eq!(money_text(Money::new(0, Currency::Idr), Locale::En), "Rp 0");
        let min = Money::new(i64::MIN, Currency::Vnd);
        assert_eq!(
            money_text(min, Locale::En),
            "-VND 9,223,372,036,854,775,808"
        );
    }

    #[test]
    fn plain_amount_has_no_grouping() {
        assert_eq!(
            plain_amount(Money::new(1_200_050, Currency::Idr)),
            "IDR 12000.50"
        );
        assert_eq!(plain_amount(Money::new(-3, Currency::Jpy)), "-JPY 3");
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
