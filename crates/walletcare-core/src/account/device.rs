//! Devices the account has been used from.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use super::{AccountError, IdentifierKind, check_identifier};

/// How many devices an account remembers at most.
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_core::account::MAX_KNOWN_DEVICES, 32);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_KNOWN_DEVICES: u32 = 32;

/// Longest device label, in characters.
const LABEL_MAX_CHARS: usize = 64;

/// A device identifier chosen by the host (an installation id, not a hardware
/// serial): 1 to 64 ASCII letters, digits and `. _ : -`.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::DeviceId;
/// let id = DeviceId::new("inst-7f3a")?;
/// assert_eq!(serde_json::to_string(&id)?, "\"inst-7f3a\"");
/// assert!(DeviceId::new("no spaces").is_err());
/// assert!(serde_json::from_str::<DeviceId>("\"\"").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "crate::error::Unchecked<String>", into = "String")]
pub struct DeviceId(String);

impl DeviceId {
    /// Checks and wraps an id.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidIdentifier`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::DeviceId;
    /// assert_eq!(DeviceId::new("ios:1234")?.as_str(), "ios:1234");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: &str) -> Result<DeviceId, AccountError> {
        check_identifier(id, IdentifierKind::Device)?;
        Ok(DeviceId(id.to_owned()))
    }

    /// The id.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::DeviceId;
    /// assert_eq!(DeviceId::new("d1")?.as_str(), "d1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for DeviceId {
    type Error = AccountError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        check_identifier(&value, IdentifierKind::Device)?;
        Ok(DeviceId(value))
    }
}

impl From<DeviceId> for String {
    fn from(value: DeviceId) -> Self {
        value.0
    }
}

/// Checks and normalises a device label: surrounding whitespace trimmed, 1 to
/// 64 characters, no control characters.
pub(super) fn normalise_label(label: &str) -> Result<String, AccountError> {
    let invalid = |reason: &str| AccountError::InvalidIdentifier {
        kind: IdentifierKind::DeviceLabel,
        reason: reason.to_owned(),
    };
    let trimmed = label.trim();
    if trimmed.is_empty() {
        return Err(invalid("must not be empty"));
    }
    if trimmed.chars().nth(LABEL_MAX_CHARS).is_some() {
        return Err(invalid("must be at most 64 characters"));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(invalid("must not contain control characters"));
    }
    Ok(trimmed.to_owned())
}

fn deserialize_label<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let label = String::deserialize(deserializer)?;
    normalise_label(&label).map_err(serde::de::Error::custom)
}

/// A device the account has been used from. New devices are untrusted until
/// the user marks them trusted; the security check-up asks the user to review
/// untrusted ones, and a theft report untrusts them all.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::account::{Account, AccountId, DeviceId, PhoneNumber};
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
/// account.record_device(DeviceId::new("d1")?, "Redmi Note 12", now)?;
/// let device = &account.devices()[0];
/// assert_eq!(device.label(), "Redmi Note 12");
/// assert!(!device.is_trusted());
/// assert_eq!(device.first_seen(), now);
/// let json = serde_json::to_string(device)?;
/// assert_eq!(json, r#"{"id":"d1","label":"Redmi Note 12","trusted":false,"first_seen":"2026-11-21T08:00:00Z","last_seen":"2026-11-21T08:00:00Z"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownDevice {
    pub(super) id: DeviceId,
    #[serde(deserialize_with = "deserialize_label")]
    pub(super) label: String,
    pub(super) trusted: bool,
    pub(super) first_seen: DateTime<Utc>,
    pub(super) last_seen: DateTime<Utc>,
}

impl KnownDevice {
    /// The device id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{Account, AccountId, DeviceId, PhoneNumber};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.record_device(DeviceId::new("d1")?, "iPhone", now)?;
    /// assert_eq!(account.devices()[0].id().as_str(), "d1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn id(&self) -> &DeviceId {
        &self.id
    }

    /// The label shown to the user ("Redmi Note 12").
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{Account, AccountId, DeviceId, PhoneNumber};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.record_device(DeviceId::new("d1")?, "  iPhone 15  ", now)?;
    /// assert_eq!(account.devices()[0].label(), "iPhone 15");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Whether the user marked it trusted.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::account::{Account, AccountId, DeviceId, PhoneNumber};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// let id = DeviceId::new("d1")?;
    /// account.record_device(id.clone(), "iPhone", now)?;
    /// account.set_device_trusted(&id, true, now)?;
    /// assert!(account.devices()[0].is_trusted());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_trusted(&self) -> bool {
        self.trusted
    }

    /// When it was first seen.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::account::{Account, AccountId, DeviceId, PhoneNumber};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.record_device(DeviceId::new("d1")?, "iPhone", now)?;
    /// account.record_device(DeviceId::new("d1")?, "iPhone", now + Duration::days(1))?;
    /// assert_eq!(account.devices()[0].first_seen(), now);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn first_seen(&self) -> DateTime<Utc> {
        self.first_seen
    }

    /// When it was last seen.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use walletcare_core::account::{Account, AccountId, DeviceId, PhoneNumber};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
    /// account.record_device(DeviceId::new("d1")?, "iPhone", now)?;
    /// account.record_device(DeviceId::new("d1")?, "iPhone", now + Duration::days(1))?;
    /// assert_eq!(account.devices()[0].last_seen(), now + Duration::days(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn last_seen(&self) -> DateTime<Utc> {
        self.last_seen
    }
}

crate::error::coded_from_string!(DeviceId => AccountError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_trimmed_and_bounded() {
        assert_eq!(normalise_label("  Oppo A57 ").unwrap(), "Oppo A57");
        assert_eq!(normalise_label("小米手机").unwrap(), "小米手机");
        assert!(normalise_label("   ").is_err());
        assert!(normalise_label("a\u{0}b").is_err());
        assert!(normalise_label(&"x".repeat(65)).is_err());
        assert!(normalise_label(&"界".repeat(64)).is_ok());
    }

    #[test]
    fn device_json_is_validated() {
        let ok = r#"{"id":"d1","label":"Redmi","trusted":true,"first_seen":"2026-01-01T00:00:00Z","last_seen":"2026-01-02T00:00:00Z"}"#;
        let device: KnownDevice = serde_json::from_str(ok).unwrap();
        assert!(device.is_trusted());
        let bad_label = ok.replace("Redmi", "");
        assert!(serde_json::from_str::<KnownDevice>(&bad_label).is_err());
        let unknown = ok.replace("\"trusted\"", "\"extra\":1,\"trusted\"");
        assert!(serde_json::from_str::<KnownDevice>(&unknown).is_err());
    }
}
