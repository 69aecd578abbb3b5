//! Redaction of secrets pasted into support messages, and scam warnings.
//!
//! # Examples
//!
//! ```
//! let out = walletcare_api::call("redact.check", r#"{"text": "kode OTP 482913, kartu 4111 1111 1111 1111", "locale": "id-ID"}"#)?;
//! assert!(!out.contains("482913") && !out.contains("4111 1111 1111 1111"));
//! assert!(out.contains("\"warnings\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};
use walletcare_core::error::Error;
use walletcare_core::locale::{Locale, Render};
use walletcare_core::redact::{self, Finding, RedactPolicy, Redaction, ScamConfig, Warning};

use crate::ops::{Operation, registry};

registry! {
    operations: [Redact, Warnings, Check],
    commands: [],
}

/// The policy of a request: `policy` (the kinds to hide; the default
/// hides every secret but leaves phone numbers, emails and bank accounts),
/// widened by `also` (`"phone,email,bank_account"`).
fn policy_of(policy: Option<RedactPolicy>, also: Option<&str>) -> Result<RedactPolicy, Error> {
    let policy = policy.unwrap_or_default();
    Ok(match also {
        Some(list) => policy.also(list)?,
        None => policy,
    })
}

/// Masks every secret in a message (`redact.redact`).
///
/// `Debug` shows the text's length only: the text may hold a secret.
///
/// # Examples
///
/// ```
/// use walletcare_api::{ops::Operation, redact::Redact};
/// let r = Redact { text: "my pin is 192837".into(), policy: None, also: None }.run()?;
/// assert!(!r.redacted.contains("192837"));
/// assert_eq!(r.findings.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Redact {
    /// The message.
    pub text: String,
    /// The kinds to hide (the default policy when absent).
    #[serde(default)]
    pub policy: Option<RedactPolicy>,
    /// More kinds, comma-separated: `"phone,email,bank_account"`.
    #[serde(default)]
    pub also: Option<String>,
}

impl std::fmt::Debug for Redact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Redact")
            .field("text_bytes", &self.text.len())
            .field("policy", &self.policy)
            .field("also", &self.also)
            .finish()
    }
}

impl Operation for Redact {
    const NAME: &'static str = "redact.redact";
    type Output = Redaction;
    fn run(self) -> Result<Redaction, Error> {
        let policy = policy_of(self.policy, self.also.as_deref())?;
        Ok(redact::redact(&self.text, &policy))
    }
}

/// A warning with its advice in the requested locale.
///
/// # Examples
///
/// ```
/// use walletcare_api::{ops::Operation, redact::Warnings};
/// use walletcare_core::locale::Locale;
/// let w = Warnings { text: "klik g0pay.co.id/hadiah".into(), config: None, locale: Locale::En }.run()?;
/// assert_eq!(w[0].warning.domain.as_deref(), Some("g0pay.co.id"));
/// assert!(!w[0].advice.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct WarningOut {
    /// The warning: its `code`, and the link's `domain` and what it
    /// `imitates` for link warnings.
    #[serde(flatten)]
    pub warning: Warning,
    /// What to tell the user.
    pub advice: String,
}

fn advise(warnings: Vec<Warning>, locale: Locale) -> Vec<WarningOut> {
    warnings
        .into_iter()
        .map(|warning| WarningOut {
            advice: warning.render(locale),
            warning,
        })
        .collect()
}

/// Scam and safety warnings for a message (`redact.warnings`): a secret
/// about to be sent, a report that someone asked for a code or PIN, a link
/// off the allow-list or imitating it, a fee to release money.
///
/// # Examples
///
/// ```
/// use walletcare_api::{ops::Operation, redact::Warnings};
/// use walletcare_core::locale::Locale;
/// let w = Warnings { text: "先交手续费才能解冻".into(), config: None, locale: Locale::ZhCn }.run()?;
/// assert_eq!(w.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Warnings {
    /// The message.
    pub text: String,
    /// The wallet's allow-list of domains (the built-in one when absent).
    #[serde(default)]
    pub config: Option<ScamConfig>,
    /// The locale of the advice (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl std::fmt::Debug for Warnings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Warnings")
            .field("text_bytes", &self.text.len())
            .field("config", &self.config)
            .field("locale", &self.locale)
            .finish()
    }
}

impl Operation for Warnings {
    const NAME: &'static str = "redact.warnings";
    type Output = Vec<WarningOut>;
    fn run(self) -> Result<Vec<WarningOut>, Error> {
        let config = self.config.unwrap_or_default();
        Ok(advise(redact::warnings(&self.text, &config), self.locale))
    }
}

/// Both at once, what a chat shows before a message is sent
/// (`redact.check`): the redacted text, the findings and the warnings.
///
/// # Examples
///
/// ```
/// use walletcare_api::{ops::Operation, redact::Check};
/// use walletcare_core::locale::Locale;
/// let c = Check { text: "OTP:482913".into(), policy: None, also: None, config: None, locale: Locale::En }.run()?;
/// assert!(!c.redacted.contains("482913"));
/// assert!(!c.warnings.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Check {
    /// The message.
    pub text: String,
    /// The kinds to hide (the default policy when absent).
    #[serde(default)]
    pub policy: Option<RedactPolicy>,
    /// More kinds, comma-separated: `"phone,email,bank_account"`.
    #[serde(default)]
    pub also: Option<String>,
    /// The wallet's allow-list of domains (the built-in one when absent).
    #[serde(default)]
    pub config: Option<ScamConfig>,
    /// The locale of the advice (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Check")
            .field("text_bytes", &self.text.len())
            .field("policy", &self.policy)
            .field("also", &self.also)
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

/// What [`Check`] returns.
///
/// # Examples
///
/// ```
/// use walletcare_api::{ops::Operation, redact::Check};
/// use walletcare_core::locale::Locale;
/// let c = Check { text: "hello".into(), policy: None, also: None, config: None, locale: Locale::En }.run()?;
/// assert_eq!(c.redacted, "hello");
/// assert!(c.findings.is_empty() && c.warnings.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CheckOut {
    /// The text with every secret masked.
    pub redacted: String,
    /// What was masked, where.
    pub findings: Vec<Finding>,
    /// The warnings, with advice.
    pub warnings: Vec<WarningOut>,
}

impl Operation for Check {
    const NAME: &'static str = "redact.check";
    type Output = CheckOut;
    fn run(self) -> Result<CheckOut, Error> {
        let policy = policy_of(self.policy, self.also.as_deref())?;
        let config = self.config.unwrap_or_default();
        let Redaction { redacted, findings } = redact::redact(&self.text, &policy);
        let warnings = advise(redact::warnings(&self.text, &config), self.locale);
        Ok(CheckOut {
            redacted,
            findings,
            warnings,
        })
    }
}
