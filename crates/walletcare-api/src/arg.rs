//! Argument types several modules share: a calendar given by code or by
//! its JSON form, and short codes (channel, category, priority) read the
//! way JSON reads them.
//!
//! # Examples
//!
//! ```
//! use walletcare_api::arg::{CalendarArg, code};
//! use walletcare_core::ticket::Channel;
//!
//! let cal: CalendarArg = walletcare_api::json::from_str(r#""ID""#, "calendar")?;
//! assert_eq!(cal.0.time_zone().name(), "Asia/Jakarta");
//! let channel: Channel = code("web_form", "channel")?;
//! assert_eq!(channel, Channel::WebForm);
//! assert_eq!(code::<Channel>("fax", "channel").unwrap_err().code.as_str(), "general.unknown_value");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::de::{DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use walletcare_core::calendar::BusinessCalendar;
use walletcare_core::error::{Coded, Error};

use crate::json;

/// A business calendar argument: a built-in calendar's code (`"ID"`,
/// `"CN"`, `"SG"`, `"MY"` or a region such as `"MY-14"`, any case) or a
/// calendar's JSON form (the core's `CalendarSpec`), checked as
/// `BusinessCalendar::new` checks it. An unknown code is
/// `calendar.unknown_calendar`. The C library and the npm package pass
/// their calendar handle's calendar directly.
///
/// # Examples
///
/// ```
/// use walletcare_api::arg::CalendarArg;
/// let err = walletcare_api::json::from_str::<CalendarArg>(r#""XX""#, "calendar").unwrap_err();
/// assert_eq!(err.code.as_str(), "calendar.unknown_calendar");
/// let my: CalendarArg = walletcare_api::json::from_str(r#""my""#, "calendar")?;
/// assert_eq!(my.0.time_zone().name(), "Asia/Kuala_Lumpur");
/// let custom: CalendarArg = walletcare_api::json::from_str(r#"{"time_zone":"Asia/Makassar"}"#, "calendar")?;
/// assert_eq!(custom.0.time_zone().name(), "Asia/Makassar");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(type = "CalendarCode | CalendarSpec")
)]
pub struct CalendarArg(pub BusinessCalendar);

impl From<BusinessCalendar> for CalendarArg {
    fn from(calendar: BusinessCalendar) -> Self {
        CalendarArg(calendar)
    }
}

impl Serialize for CalendarArg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for CalendarArg {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CalendarVisitor;
        impl<'de> Visitor<'de> for CalendarVisitor {
            type Value = CalendarArg;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a calendar code or a calendar object")
            }
            fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<CalendarArg, E> {
                BusinessCalendar::builtin_code(code)
                    .map(CalendarArg)
                    .map_err(Coded::de)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CalendarArg, A::Error> {
                BusinessCalendar::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(CalendarArg)
            }
        }
        deserializer.deserialize_any(CalendarVisitor)
    }
}

/// Reads a short code (`"web_form"`, `"urgent"`, `"social_media"`) as the
/// JSON form of `T` reads it, so a binding that receives it as a plain
/// string reports exactly what JSON input would: `general.unknown_value`
/// naming `what` and the accepted values.
///
/// # Errors
///
/// `general.unknown_value` (or the type's own code) for a value `T` does
/// not accept.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Priority;
/// let err = walletcare_api::arg::code::<Priority>("soon", "priority").unwrap_err();
/// assert_eq!(err.message, "priority: \"soon\" is not one of low, normal, high, urgent");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn code<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, Error> {
    json::from_value(serde_json::Value::String(text.to_owned()), what)
}
