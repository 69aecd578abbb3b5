//! Locales and user-facing text.
//!
//! walletcare speaks to users in three locales: Simplified Chinese (`zh-CN`),
//! Indonesian (`id-ID`) and English (`en`). Every module that produces text a
//! user reads (diagnosis steps, refund explanations, self-service answers)
//! implements [`Render`] so the same value renders in any of them, identically
//! in Rust, C and JavaScript.
//!
//! # Examples
//!
//! ```
//! use walletcare_core::locale::{Locale, Render};
//!
//! let locale: Locale = "id".parse()?;
//! assert_eq!(locale, Locale::Id);
//! assert_eq!(locale.as_str(), "id-ID");
//! assert_eq!(Locale::ZhCn.pick("Hello", "Halo", "你好"), "你好");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, HasErrorCode};

mod text;
pub(crate) use text::zone_label;
pub use text::{
    DurationUnit, format_date, format_duration, format_instant, format_weekday_date, local_date,
    month_name, weekday_name,
};

/// A locale walletcare can render text and parse numbers in.
///
/// The JSON form is the BCP 47 tag returned by [`Locale::as_str`].
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::Locale;
///
/// assert_eq!(serde_json::to_string(&Locale::ZhCn)?, "\"zh-CN\"");
/// assert_eq!("zh-Hans-CN".parse::<Locale>()?, Locale::ZhCn);
/// assert_eq!("in_ID".parse::<Locale>()?, Locale::Id);
/// assert!("fr".parse::<Locale>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub enum Locale {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Indonesian (Bahasa Indonesia).
    #[serde(rename = "id-ID")]
    Id,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Locale {
    /// Every locale.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::locale::Locale;
    /// assert_eq!(Locale::ALL.len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Id, Locale::ZhCn];

    /// The BCP 47 tag: `en`, `id-ID` or `zh-CN`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::locale::Locale;
    /// assert_eq!(Locale::Id.as_str(), "id-ID");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Id => "id-ID",
            Locale::ZhCn => "zh-CN",
        }
    }

    /// Chooses among three translations of the same text.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::locale::Locale;
    /// assert_eq!(Locale::Id.pick("yes", "ya", "是"), "ya");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn pick<'a>(self, en: &'a str, id: &'a str, zh: &'a str) -> &'a str {
        match self {
            Locale::En => en,
            Locale::Id => id,
            Locale::ZhCn => zh,
        }
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string is not a supported locale.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::locale::Locale;
///
/// let err = "de-DE".parse::<Locale>().unwrap_err();
/// assert_eq!(err.code(), ErrorCode::UnknownValue);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported locale {0:?}: expected en, id-ID or zh-CN")]
pub struct UnknownLocale(pub String);

impl HasErrorCode for UnknownLocale {
    fn code(&self) -> ErrorCode {
        ErrorCode::UnknownValue
    }
}

/// Reads any tag [`str::parse`] accepts (`"id"`, `"zh-Hans-CN"`, `"en-GB"`);
/// anything else is `general.unknown_value`, as everywhere else.
impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        tag.parse().map_err(crate::error::Coded::de)
    }
}

impl std::str::FromStr for Locale {
    type Err = UnknownLocale;

    /// Accepts BCP 47 and POSIX-style tags, case-insensitively: `en`, `en-US`,
    /// `id`, `id-ID`, `in` (the legacy Java code), `zh`, `zh-CN`, `zh-Hans`,
    /// `zh_CN`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        let language = parts.next().unwrap_or_default();
        match language {
            "en" => Ok(Locale::En),
            "id" | "in" => Ok(Locale::Id),
            "zh" => {
                // Traditional Chinese (zh-TW, zh-Hant) is not supported.
                if parts.any(|p| p == "hant" || p == "tw" || p == "hk" || p == "mo") {
                    Err(UnknownLocale(s.chars().take(32).collect()))
                } else {
                    Ok(Locale::ZhCn)
                }
            }
            _ => Err(UnknownLocale(s.chars().take(32).collect())),
        }
    }
}

/// A value that renders as user-facing text in every [`Locale`].
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
///
/// struct Greeting;
/// impl Render for Greeting {
///     fn render(&self, locale: Locale) -> String {
///         locale.pick("Hello", "Halo", "你好").to_owned()
///     }
/// }
/// assert_eq!(Greeting.render(Locale::Id), "Halo");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Render {
    /// The text in the given locale.
    fn render(&self, locale: Locale) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_tags() {
        for (tag, want) in [
            ("en", Locale::En),
            ("EN-gb", Locale::En),
            ("id", Locale::Id),
            ("id_ID", Locale::Id),
            ("in", Locale::Id),
            ("zh", Locale::ZhCn),
            ("zh-Hans-CN", Locale::ZhCn),
        ] {
            assert_eq!(tag.parse::<Locale>(), Ok(want), "{tag}");
        }
        for bad in ["", "zh-TW", "zh-Hant", "fr", "-"] {
            assert!(bad.parse::<Locale>().is_err(), "{bad}");
        }
    }

    #[test]
    fn json_form_is_the_tag() {
        for locale in Locale::ALL {
            let json = serde_json::to_string(&locale).unwrap();
            assert_eq!(json, format!("\"{}\"", locale.as_str()));
            assert_eq!(serde_json::from_str::<Locale>(&json).unwrap(), locale);
        }
        assert!(serde_json::from_str::<Locale>("\"xx\"").is_err());
    }
}
