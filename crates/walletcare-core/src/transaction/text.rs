//! Private helpers that turn amounts, instants and time zones into text.
//!
//! Everything user-facing in this module goes through [`money_text`] and
//! [`time_text`], thin names for the crate's shared printers
//! ([`Money::format`], [`crate::locale::format_instant`]).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::locale::Locale;
#[cfg(test)]
use crate::money::Currency;
use crate::money::Money;

pub(crate) use crate::locale::local_date;

/// An amount as a user reads it in `locale`, via [`Money::format`]: the one
/// formatter the whole crate shares, whose output always parses back.
pub(crate) fn money_text(amount: Money, locale: Locale) -> String {
    amount.format(locale)
}

/// An amount for error messages and logs, locale-free: `IDR 12000.50`.
pub(crate) fn plain_amount(amount: Money) -> String {
    amount.to_string()
}

/// An instant as a user reads it in `locale`, on the clock of `zone`: the
/// crate's one instant printer, [`crate::locale::format_instant`].
pub(crate) fn time_text(at: DateTime<Utc>, locale: Locale, zone: Tz) -> String {
    crate::locale::format_instant(at, zone, locale)
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

    #[test]
    fn time_text_is_the_shared_instant_printer() {
        use chrono::TimeZone;
        let at_ten = Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 1).unwrap();
        let jakarta = chrono_tz::Asia::Jakarta;
        assert_eq!(
            time_text(at_ten, Locale::Id, jakarta),
            "21 November 2026 pukul 17.01 WIB"
        );
        assert_eq!(
            time_text(at_ten, Locale::En, jakarta),
            crate::locale::format_instant(at_ten, jakarta, Locale::En)
        );
    }
}
