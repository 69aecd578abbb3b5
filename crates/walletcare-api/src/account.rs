//! Accounts: PIN and password policy, strength, the security check-up, and
//! the account aggregate's commands (`account.apply`,
//! `account.record_attempt`, `account.reset_credentials`, devices, cards).
//!
//! A verdict on a credential is an answer, not an error: `account.check_pin`
//! succeeds with `"valid": false` for a weak PIN. The aggregate's commands
//! take the account's JSON form (made by `account.new`) as their state; it
//! holds no secret. PINs, passwords and one-time codes are inputs only:
//! they never appear in an output, an error or `Debug`.
//!
//! # Examples
//!
//! ```
//! let out = walletcare_api::call("account.check_pin", r#"{"pin":"123456"}"#)?;
//! assert!(out.contains(r#""valid":false"#) && out.contains("ascending_sequence"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use walletcare_core::account::{
    Account, AccountEvent, AccountId, AccountState, AttemptOutcome, AttemptResult,
    ChallengePurpose, ChallengeStatus, CheckupItem, ContactKind, CredentialContext, CredentialKind,
    CredentialPolicy, DeviceId, EmailAddress, PhoneNumber, PhoneNumberInfo, PhoneRegion,
    PolicyViolations, RecentActivity, Strength, VerificationLevel, VerifiedCode, check_password,
    check_pin, classify_phone, estimate_strength, security_checkup,
};
use walletcare_core::card::{
    self as core_card, BoundCard, CardFingerprint, CardId, CardInput, CardPolicy,
};
use walletcare_core::error::{Error, ErrorCode};
use walletcare_core::locale::{Locale, Render};

use crate::ops::{Command, Operation, registry};

registry! {
    operations: [
        CheckPin, CheckPassword, PasswordStrength, SecurityCheckup, NewAccount,
        NormalizePhone, MaskPhone, ParsePhone, ClassifyPhone, Policy,
    ],
    commands: [
        ApplyEvent, RecordAttempt, SetPin, SetPassword, SetEmail, SetBirthDate,
        SetVerification, EnableTwoFactor, DisableTwoFactor, ResetCredentials,
        RecordDevice, SetDeviceTrusted, ForgetDevice, BindCard, ReplaceCard, RemoveCard,
    ],
}

/// A PIN, password or one-time code: read like a string, never shown by
/// `Debug`, wiped when dropped.
///
/// # Examples
///
/// ```
/// use walletcare_api::{account::Secret, json};
/// let pin: Secret = json::from_str(r#""582914""#, "pin")?;
/// assert_eq!(format!("{pin:?}"), "<redacted>");
/// let err = json::from_str::<Secret>("582914", "pin").unwrap_err();
/// assert!(!err.message.contains("582914"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// The text, for the core call that checks it.
    ///
    /// # Examples
    ///
    /// ```
    /// let s: walletcare_api::account::Secret = walletcare_api::json::from_str(r#""1234""#, "code")?;
    /// assert_eq!(s.expose(), "1234");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        let mut bytes = std::mem::take(&mut self.0).into_bytes();
        bytes.fill(0);
        std::hint::black_box(&bytes);
    }
}

/// A PIN or password verdict: the violations, whether the credential is
/// acceptable, and one sentence per violation (`messages[i]` renders
/// `violations[i]`).
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("account.check_password", r#"{"password":"abc","locale":"id-ID"}"#)?;
/// assert!(out.contains("too_short") && out.contains("Gunakan minimal 8 karakter."));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "CredentialVerdict")
)]
pub struct Verdict {
    /// The credential and its violations.
    #[serde(flatten)]
    pub violations: PolicyViolations,
    /// Whether there is none.
    pub valid: bool,
    /// One sentence per violation.
    pub messages: Vec<String>,
}

impl Verdict {
    fn of(
        result: Result<(), PolicyViolations>,
        credential: CredentialKind,
        locale: Locale,
    ) -> Self {
        let violations = result.err().unwrap_or(PolicyViolations {
            credential,
            violations: Vec::new(),
        });
        Verdict {
            valid: violations.violations.is_empty(),
            messages: violations
                .violations
                .iter()
                .map(|v| v.render(locale))
                .collect(),
            violations,
        }
    }
}

/// The options argument of [`CheckPin`] and [`PasswordStrength`] in a
/// binding whose functions take the credential first and options after.
///
/// # Examples
///
/// ```
/// use walletcare_api::{account::ContextOptions, json};
/// let err = json::from_str::<ContextOptions>(r#"{"policy":{}}"#, "options").unwrap_err();
/// assert_eq!(err.code.as_str(), "general.invalid_argument");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ContextOptions {
    /// What is known about the user (nothing when absent).
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub context: Option<CredentialContext>,
    /// The locale of the sentences (English when absent).
    #[serde(default)]
    #[cfg_attr(
        feature = "typescript",
        ts(as = "Option<crate::typescript::LocaleTag>", optional)
    )]
    pub locale: Locale,
}

/// The options argument of [`CheckPassword`] in a binding.
///
/// # Examples
///
/// ```
/// use walletcare_api::{account::PasswordOptions, json};
/// let err = json::from_str::<PasswordOptions>(r#"{"policy":{"password_min_length":0}}"#, "options").unwrap_err();
/// assert_eq!(err.code.as_str(), "account.invalid_policy");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "PasswordCheckOptions")
)]
#[serde(deny_unknown_fields)]
pub struct PasswordOptions {
    /// The policy (the default when absent); checked as it is read.
    #[serde(default)]
    #[cfg_attr(
        feature = "typescript",
        ts(
            as = "Option<crate::typescript::PartialOf<CredentialPolicy>>",
            optional
        )
    )]
    pub policy: Option<CredentialPolicy>,
    /// What is known about the user.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub context: Option<CredentialContext>,
    /// The locale of the sentences.
    #[serde(default)]
    #[cfg_attr(
        feature = "typescript",
        ts(as = "Option<crate::typescript::LocaleTag>", optional)
    )]
    pub locale: Locale,
}

/// Checks a new six-digit PIN against the policy.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("account.check_pin", r#"{"pin":"582914"}"#)?;
/// assert_eq!(out, r#"{"credential":"pin","violations":[],"valid":true,"messages":[]}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CheckPin {
    /// The new PIN.
    pub pin: Secret,
    /// What is known about the user (nothing when absent).
    #[serde(default)]
    pub context: Option<CredentialContext>,
    /// The locale of the sentences (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

impl Operation for CheckPin {
    const NAME: &'static str = "account.check_pin";
    type Output = Verdict;
    fn run(self) -> Result<Verdict, Error> {
        let context = self.context.unwrap_or_default();
        Ok(Verdict::of(
            check_pin(self.pin.expose(), &context),
            CredentialKind::Pin,
            self.locale,
        ))
    }
}

/// Checks a new password against the policy.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("account.check_password", r#"{"password":"Gunung-Merapi-7","policy":{"password_min_length":10}}"#)?;
/// assert!(out.contains(r#""valid":true"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CheckPassword {
    /// The new password.
    pub password: Secret,
    /// The policy (the default when absent); checked as it is read.
    #[serde(default)]
    pub policy: Option<CredentialPolicy>,
    /// What is known about the user.
    #[serde(default)]
    pub context: Option<CredentialContext>,
    /// The locale of the sentences.
    #[serde(default)]
    pub locale: Locale,
}

impl Operation for CheckPassword {
    const NAME: &'static str = "account.check_password";
    type Output = Verdict;
    fn run(self) -> Result<Verdict, Error> {
        let policy = self.policy.unwrap_or_default();
        let context = self.context.unwrap_or_default();
        Ok(Verdict::of(
            check_password(self.password.expose(), &policy, &context),
            CredentialKind::Password,
            self.locale,
        ))
    }
}

/// How hard a password is to guess: a score from 0 to 4, the reasons that
/// would raise it, its label and one suggestion per reason.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("account.password_strength", r#"{"password":"gunung merapi berasap pagi"}"#)?;
/// assert!(out.contains(r#""score":4"#) && out.contains("Very strong"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PasswordStrength {
    /// The password.
    pub password: Secret,
    /// What is known about the user.
    #[serde(default)]
    pub context: Option<CredentialContext>,
    /// The locale of the sentences.
    #[serde(default)]
    pub locale: Locale,
}

/// A strength estimate with its label and suggestions.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("account.password_strength", r#"{"password":"abc"}"#)?;
/// assert!(out.contains(r#""label":"Very weak""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "StrengthReport")
)]
pub struct StrengthOut {
    /// Score and reasons.
    #[serde(flatten)]
    pub strength: Strength,
    /// "Very weak" … "Very strong".
    pub label: String,
    /// `messages[i]` renders `reasons[i]`.
    pub messages: Vec<String>,
}

impl Operation for PasswordStrength {
    const NAME: &'static str = "account.password_strength";
    type Output = StrengthOut;
    fn run(self) -> Result<StrengthOut, Error> {
        let locale = self.locale;
        let strength = estimate_strength(self.password.expose(), &self.context.unwrap_or_default());
        Ok(StrengthOut {
            label: strength.render(locale),
            messages: strength.reasons.iter().map(|r| r.render(locale)).collect(),
            strength,
        })
    }
}

/// The options argument of [`SecurityCheckup`] in a binding.
///
/// # Examples
///
/// ```
/// use walletcare_api::{account::CheckupOptions, json};
/// let o: CheckupOptions = json::from_str(r#"{"activity":{"flagged_transaction_ids":["tx-9"]}}"#, "options")?;
/// assert!(o.activity.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CheckupOptions {
    /// The policy (the default when absent).
    #[serde(default)]
    #[cfg_attr(
        feature = "typescript",
        ts(
            as = "Option<crate::typescript::PartialOf<CredentialPolicy>>",
            optional
        )
    )]
    pub policy: Option<CredentialPolicy>,
    /// What the risk engine flagged (nothing when absent).
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub activity: Option<RecentActivity>,
    /// The locale of the sentences.
    #[serde(default)]
    #[cfg_attr(
        feature = "typescript",
        ts(as = "Option<crate::typescript::LocaleTag>", optional)
    )]
    pub locale: Locale,
}

/// The security check-up of an account at `now`: what the user should do
/// next, most urgent first, with one sentence per item.
///
/// # Examples
///
/// ```
/// let input = r#"{"account":{"id":"acc-1","state":{"state":"active"},"verification":"unverified","phone":"+6281234567890"},"now":"2026-11-21T08:00:00Z"}"#;
/// let out = walletcare_api::call("account.security_checkup", input)?;
/// assert!(out.contains("enable_two_factor") && out.contains("verify_identity"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SecurityCheckup {
    /// The account.
    pub account: Account,
    /// The instant of the check-up.
    pub now: DateTime<Utc>,
    /// The policy (the default when absent).
    #[serde(default)]
    pub policy: Option<CredentialPolicy>,
    /// What the risk engine flagged (nothing when absent).
    #[serde(default)]
    pub activity: Option<RecentActivity>,
    /// The locale of the sentences.
    #[serde(default)]
    pub locale: Locale,
}

/// The check-up items and their sentences.
///
/// # Examples
///
/// ```
/// let input = r#"{"account":{"id":"acc-1","state":{"state":"closed"},"verification":"verified","phone":"+6281234567890"},"now":"2026-11-21T08:00:00Z"}"#;
/// assert_eq!(walletcare_api::call("account.security_checkup", input)?, r#"{"items":[],"messages":[]}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "CheckupReport")
)]
pub struct CheckupOut {
    /// What to do, most urgent first.
    pub items: Vec<CheckupItem>,
    /// `messages[i]` renders `items[i]`.
    pub messages: Vec<String>,
}

impl Operation for SecurityCheckup {
    const NAME: &'static str = "account.security_checkup";
    type Output = CheckupOut;
    fn run(self) -> Result<CheckupOut, Error> {
        let policy = self.policy.unwrap_or_default();
        let activity = self.activity.unwrap_or_default();
        let items = security_checkup(&self.account, &policy, self.now, &activity);
        Ok(CheckupOut {
            messages: items.iter().map(|i| i.render(self.locale)).collect(),
            items,
        })
    }
}

/// A new, active, unverified account with no credentials, devices or
/// cards: the state of the aggregate's commands. `account.invalid_contact`
/// for a bad phone number.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// assert!(out.contains(r#""phone":"+6281234567890""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NewAccount {
    /// The account id.
    pub id: AccountId,
    /// The phone number, national or international.
    pub phone: PhoneNumber,
}

impl Operation for NewAccount {
    const NAME: &'static str = "account.new";
    type Output = Account;
    fn run(self) -> Result<Account, Error> {
        Ok(Account::new(self.id, self.phone))
    }
}

/// A phone number in E.164 form (`"0812-3456-7890"` → `"+6281234567890"`).
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("account.normalize_phone", r#"{"phone":"0812-3456-7890"}"#)?, r#""+6281234567890""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NormalizePhone {
    /// The phone number.
    pub phone: PhoneNumber,
}

impl Operation for NormalizePhone {
    const NAME: &'static str = "account.normalize_phone";
    type Output = String;
    fn run(self) -> Result<String, Error> {
        Ok(self.phone.as_str().to_owned())
    }
}

/// A phone number masked for display (`"+62 812-****-7890"`).
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("account.mask_phone", r#"{"phone":"0812-3456-7890"}"#)?, r#""+62 812-****-7890""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct MaskPhone {
    /// The phone number.
    pub phone: PhoneNumber,
}

impl Operation for MaskPhone {
    const NAME: &'static str = "account.mask_phone";
    type Output = String;
    fn run(self) -> Result<String, Error> {
        Ok(self.phone.masked())
    }
}

/// A mobile number typed in the user's region, read as the account's phone:
/// `phone` in local or international form, `default_region` (`"ID"`,
/// `"CN"`, `"SG"` or `"MY"`, Indonesia when absent) where a local number is
/// read. `account.invalid_contact` for a number that is malformed, not
/// valid in its country's plan (`invalid_number`) or not a mobile number
/// (`not_mobile`, with its `number_type`).
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("account.parse_phone", r#"{"phone":"9123 4567","default_region":"SG"}"#)?;
/// assert_eq!(out, r#"{"phone":"+6591234567","region":"SG","national":"91234567","masked":"+65 ****-4567"}"#);
/// let err = walletcare_api::call("account.parse_phone", r#"{"phone":"0800 1234 567"}"#).unwrap_err();
/// assert!(err.message.contains("toll-free"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ParsePhone {
    /// The number as typed.
    pub phone: String,
    /// The user's region, for a number typed without `+` (Indonesia when
    /// absent).
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub default_region: Option<PhoneRegion>,
}

/// What `account.parse_phone` returns.
///
/// # Examples
///
/// ```
/// use walletcare_api::{account::ParsePhone, ops::Operation};
/// let out = ParsePhone::run(ParsePhone { phone: "012-345 6789".into(), default_region: Some("MY".parse()?) })?;
/// assert_eq!(out.phone.as_str(), "+60123456789");
/// assert_eq!(out.national.as_deref(), Some("0123456789"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ParsedPhone {
    /// The E.164 form, what `account.new` takes.
    pub phone: PhoneNumber,
    /// The region of its country code, `null` for a country walletcare has
    /// no numbering plan for.
    pub region: Option<PhoneRegion>,
    /// As dialled inside its region (`"081234567890"`), `null` with no plan.
    pub national: Option<String>,
    /// Masked for display.
    pub masked: String,
}

impl Operation for ParsePhone {
    const NAME: &'static str = "account.parse_phone";
    type Output = ParsedPhone;
    fn run(self) -> Result<ParsedPhone, Error> {
        let region = self.default_region.unwrap_or(PhoneRegion::Indonesia);
        let phone = PhoneNumber::parse_in(&self.phone, region)?;
        Ok(ParsedPhone {
            region: phone.region(),
            national: phone.national(),
            masked: phone.masked(),
            phone,
        })
    }
}

/// Any valid phone number, with its type: `mobile`, `fixed_line`,
/// `toll_free`, `premium_rate`, `shared_cost`, `voip`, `uan`… (`unknown`
/// for a country walletcare has no numbering plan for). Input as for
/// `account.parse_phone`; `account.invalid_contact` for a number that is
/// malformed or not valid in its country's plan.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("account.classify_phone", r#"{"phone":"0800 1234 567"}"#)?;
/// assert_eq!(out, r#"{"number":"+628001234567","region":"ID","number_type":"toll_free"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ClassifyPhone {
    /// The number as typed.
    pub phone: String,
    /// The user's region, for a number typed without `+` (Indonesia when
    /// absent).
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub default_region: Option<PhoneRegion>,
}

impl Operation for ClassifyPhone {
    const NAME: &'static str = "account.classify_phone";
    type Output = PhoneNumberInfo;
    fn run(self) -> Result<PhoneNumberInfo, Error> {
        let region = self.default_region.unwrap_or(PhoneRegion::Indonesia);
        Ok(classify_phone(&self.phone, region)?)
    }
}

/// A credential policy with every default filled in, checked:
/// `account.invalid_policy` names the first bad setting.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("account.credential_policy", r#"{"policy":{"max_failed_attempts":3}}"#)?;
/// assert!(out.contains(r#""max_failed_attempts":3,"lock_minutes":30"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The settings that differ from the defaults.
    #[serde(default)]
    pub policy: CredentialPolicy,
}

impl Operation for Policy {
    const NAME: &'static str = "account.credential_policy";
    type Output = CredentialPolicy;
    fn run(self) -> Result<CredentialPolicy, Error> {
        Ok(self.policy)
    }
}

// ---------------------------------------------------------------------------
// The aggregate's commands
// ---------------------------------------------------------------------------

/// Runs a change on a copy of the account and keeps it only if it
/// succeeds, so a failed command leaves the state exactly as it was.
fn on_copy<T, E: Into<Error>>(
    account: &mut Account,
    change: impl FnOnce(&mut Account) -> Result<T, E>,
) -> Result<T, Error> {
    let mut next = account.clone();
    let out = change(&mut next).map_err(Into::into)?;
    *account = next;
    Ok(out)
}

/// Applies a state-machine event (`lock`, `unlock`, `freeze`, `unfreeze`,
/// `close`, `reopen`) and returns the state at `now`.
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let out = walletcare_api::call("account.apply", &format!(r#"{{"state":{account},"event":{{"event":"freeze","reason":"reported_stolen"}},"now":"2026-11-21T08:00:00Z"}}"#))?;
/// assert!(out.ends_with(r#""output":{"state":"frozen","reason":"reported_stolen","since":"2026-11-21T08:00:00Z"}}"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ApplyEvent {
    /// The event.
    pub event: AccountEvent,
    /// When it happens.
    pub now: DateTime<Utc>,
}

impl Command for ApplyEvent {
    const NAME: &'static str = "account.apply";
    type State = Account;
    type Output = AccountState;
    fn run(self, account: &mut Account) -> Result<AccountState, Error> {
        on_copy(account, |a| a.apply(self.event, self.now))?;
        Ok(account.state_at(self.now))
    }
}

/// Records the result of a sign-in or PIN attempt the host checked against
/// its stored hash. A mismatch counts towards the lockout: the output says
/// `accepted`, `rejected` (with `attempts_left`) or `locked_out` (with
/// `until`), and for the last two the error `code` and `message` to show.
/// Fails when the account cannot be used now (`account.locked`,
/// `account.frozen`, `account.closed`, `account.credential_reset_required`).
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let out = walletcare_api::call("account.record_attempt", &format!(r#"{{"state":{account},"result":"mismatched","now":"2026-11-21T08:00:00Z"}}"#))?;
/// assert!(out.contains(r#""output":{"outcome":"rejected","attempts_left":4,"code":"account.wrong_credential""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct RecordAttempt {
    /// Whether the credential matched.
    pub result: AttemptResult,
    /// The lockout policy (the default when absent).
    #[serde(default)]
    pub policy: CredentialPolicy,
    /// When the attempt was made.
    pub now: DateTime<Utc>,
}

/// The outcome of an attempt, with the code and message of a refusal.
///
/// # Examples
///
/// ```
/// # let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let out = walletcare_api::call("account.record_attempt", &format!(r#"{{"state":{account},"result":"matched","now":"2026-11-21T08:00:00Z"}}"#))?;
/// assert!(out.ends_with(r#""output":{"outcome":"accepted"}}"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AttemptOut {
    /// Accepted, rejected or locked out.
    #[serde(flatten)]
    pub outcome: AttemptOutcome,
    /// For a refusal: `account.wrong_credential` or `account.locked`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<ErrorCode>,
    /// For a refusal: what to tell the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl Command for RecordAttempt {
    const NAME: &'static str = "account.record_attempt";
    type State = Account;
    type Output = AttemptOut;
    fn run(self, account: &mut Account) -> Result<AttemptOut, Error> {
        let outcome = on_copy(account, |a| {
            a.record_attempt(self.result, &self.policy, self.now)
        })?;
        let refusal = outcome.into_result().err().map(Error::from);
        Ok(AttemptOut {
            outcome,
            code: refusal.as_ref().map(|e| e.code),
            message: refusal.map(|e| e.message),
        })
    }
}

/// Sets a new PIN (checked against the policy: `account.weak_pin`).
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let err = walletcare_api::call("account.set_pin", &format!(r#"{{"state":{account},"pin":"111111","now":"2026-11-21T08:00:00Z"}}"#)).unwrap_err();
/// assert_eq!(err.code.as_str(), "account.weak_pin");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SetPin {
    /// The new PIN.
    pub pin: Secret,
    /// When it is set.
    pub now: DateTime<Utc>,
}

impl Command for SetPin {
    const NAME: &'static str = "account.set_pin";
    type State = Account;
    type Output = ();
    fn run(self, account: &mut Account) -> Result<(), Error> {
        on_copy(account, |a| a.set_pin(self.pin.expose(), self.now))
    }
}

/// Sets a new password (`account.weak_password`).
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let out = walletcare_api::call("account.set_password", &format!(r#"{{"state":{account},"password":"Gunung-Merapi-7","now":"2026-11-21T08:00:00Z"}}"#))?;
/// assert!(out.contains(r#""password_changed_at":"2026-11-21T08:00:00Z""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SetPassword {
    /// The new password.
    pub password: Secret,
    /// The policy (the default when absent).
    #[serde(default)]
    pub policy: CredentialPolicy,
    /// When it is set.
    pub now: DateTime<Utc>,
}

impl Command for SetPassword {
    const NAME: &'static str = "account.set_password";
    type State = Account;
    type Output = ();
    fn run(self, account: &mut Account) -> Result<(), Error> {
        on_copy(account, |a| {
            a.set_password(self.password.expose(), &self.policy, self.now)
        })
    }
}

/// Sets or clears (`null`) the email address (`account.invalid_contact`).
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let err = walletcare_api::call("account.set_email", &format!(r#"{{"state":{account},"email":"budi@","now":"2026-11-21T08:00:00Z"}}"#)).unwrap_err();
/// assert_eq!(err.code.as_str(), "account.invalid_contact");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SetEmail {
    /// The address, or `null`.
    pub email: Option<EmailAddress>,
    /// When it changes.
    pub now: DateTime<Utc>,
}

impl Command for SetEmail {
    const NAME: &'static str = "account.set_email";
    type State = Account;
    type Output = ();
    fn run(self, account: &mut Account) -> Result<(), Error> {
        on_copy(account, |a| a.set_email(self.email, self.now))
    }
}

/// Sets or clears (`null`) the date of birth.
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let out = walletcare_api::call("account.set_birth_date", &format!(r#"{{"state":{account},"birth_date":"1990-08-17","now":"2026-11-21T08:00:00Z"}}"#))?;
/// assert!(out.contains(r#""birth_date":"1990-08-17""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SetBirthDate {
    /// The date, or `null`.
    pub birth_date: Option<NaiveDate>,
    /// When it changes.
    pub now: DateTime<Utc>,
}

impl Command for SetBirthDate {
    const NAME: &'static str = "account.set_birth_date";
    type State = Account;
    type Output = ();
    fn run(self, account: &mut Account) -> Result<(), Error> {
        on_copy(account, |a| a.set_birth_date(self.birth_date, self.now))
    }
}

/// Records the outcome of identity verification (`verified` or
/// `unverified`).
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let out = walletcare_api::call("account.set_verification", &format!(r#"{{"state":{account},"level":"verified","now":"2026-11-21T08:00:00Z"}}"#))?;
/// assert!(out.contains(r#""verification":"verified""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SetVerification {
    /// The level.
    pub level: VerificationLevel,
    /// When it changes.
    pub now: DateTime<Utc>,
}

impl Command for SetVerification {
    const NAME: &'static str = "account.set_verification";
    type State = Account;
    type Output = ();
    fn run(self, account: &mut Account) -> Result<(), Error> {
        on_copy(account, |a| a.set_verification(self.level, self.now))
    }
}

/// Turns two-step verification on.
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let out = walletcare_api::call("account.enable_two_factor", &format!(r#"{{"state":{account},"now":"2026-11-21T08:00:00Z"}}"#))?;
/// assert!(out.contains(r#""two_factor":true"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct EnableTwoFactor {
    /// When.
    pub now: DateTime<Utc>,
}

impl Command for EnableTwoFactor {
    const NAME: &'static str = "account.enable_two_factor";
    type State = Account;
    type Output = ();
    fn run(self, account: &mut Account) -> Result<(), Error> {
        on_copy(account, |a| a.enable_two_factor(self.now))
    }
}

/// One code the user typed, and when.
///
/// # Examples
///
/// ```
/// use walletcare_api::{account::CodeAttempt, json};
/// let a: CodeAttempt = json::from_str(r#"{"code":"482913","at":"2026-11-21T08:01:00Z"}"#, "attempt")?;
/// assert!(!format!("{a:?}").contains("482913"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CodeAttempt {
    /// The code typed.
    pub code: Secret,
    /// When.
    pub at: DateTime<Utc>,
}

/// A one-time code exchange: the code the host generated and sent to the
/// account's phone or email at `sent_at`, and what the user typed, in
/// order. The challenge lives for one call (the code is never stored, not
/// even in the state): the attempts are checked in order against its
/// expiry and try limit, and the first match is the proof; attempts after
/// it are not looked at.
///
/// # Examples
///
/// ```
/// use walletcare_api::{account::OneTimeCode, json};
/// let c: OneTimeCode = json::from_str(r#"{"channel":"phone","sent":"482913","sent_at":"2026-11-21T08:00:00Z","attempts":[]}"#, "code")?;
/// assert!(!format!("{c:?}").contains("482913"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct OneTimeCode {
    /// Where it was sent: `phone` or `email` (an email on file).
    pub channel: ContactKind,
    /// The code sent.
    pub sent: Secret,
    /// When it was sent.
    pub sent_at: DateTime<Utc>,
    /// What the user typed, in order.
    pub attempts: Vec<CodeAttempt>,
}

impl OneTimeCode {
    /// Issues the challenge and checks the attempts: the proof and the
    /// challenge's status (without the code).
    fn verify(
        &self,
        account: &Account,
        purpose: ChallengePurpose,
        policy: &CredentialPolicy,
    ) -> Result<(VerifiedCode, ChallengeStatus), Error> {
        let mut challenge = account.issue_challenge(
            purpose,
            self.channel,
            self.sent.expose(),
            policy,
            self.sent_at,
        )?;
        let mut last = None;
        for attempt in &self.attempts {
            match challenge.verify(attempt.code.expose(), attempt.at) {
                Ok(proof) => return Ok((proof, challenge.status())),
                Err(err) => last = Some(err),
            }
        }
        Err(last.map_or_else(
            || {
                Error::new(
                    ErrorCode::InvalidArgument,
                    "code.attempts is empty: give the code the user typed",
                )
            },
            Error::from,
        ))
    }
}

/// Resets the PIN (and the password, required when one is set and the
/// account was unfrozen) with a one-time code sent to a contact on file.
/// Clears the lockout and the reset-required flag, and unlocks the account.
/// Errors: `account.wrong_code`, `account.code_expired`,
/// `account.code_exhausted`, `account.weak_pin`, `account.weak_password`,
/// `account.credential_reset_required`, `account.frozen`,
/// `account.closed`, `account.invalid_contact` (no email on file).
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let input = format!(r#"{{"state":{account},"code":{{"channel":"phone","sent":"482913","sent_at":"2026-11-21T08:00:00Z",
///   "attempts":[{{"code":"482913","at":"2026-11-21T08:01:00Z"}}]}},"new_pin":"582914","now":"2026-11-21T08:02:00Z"}}"#);
/// let out = walletcare_api::call("account.reset_credentials", &input)?;
/// assert!(out.contains(r#""pin_changed_at":"2026-11-21T08:02:00Z""#) && !out.contains("482913"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ResetCredentials {
    /// The one-time code exchange.
    pub code: OneTimeCode,
    /// The new PIN.
    pub new_pin: Secret,
    /// The new password, if one is set.
    #[serde(default)]
    pub new_password: Option<Secret>,
    /// The policy (the default when absent).
    #[serde(default)]
    pub policy: CredentialPolicy,
    /// When the reset completes.
    pub now: DateTime<Utc>,
}

impl Command for ResetCredentials {
    const NAME: &'static str = "account.reset_credentials";
    type State = Account;
    type Output = ChallengeStatus;
    fn run(self, account: &mut Account) -> Result<ChallengeStatus, Error> {
        let (mut proof, status) =
            self.code
                .verify(account, ChallengePurpose::CredentialReset, &self.policy)?;
        on_copy(account, |a| {
            a.complete_credential_reset(
                &mut proof,
                self.new_pin.expose(),
                self.new_password.as_ref().map(Secret::expose),
                &self.policy,
                self.now,
            )
        })?;
        Ok(status)
    }
}

/// Turns two-step verification off with a one-time code.
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let input = format!(r#"{{"state":{account},"code":{{"channel":"phone","sent":"482913","sent_at":"2026-11-21T08:00:00Z",
///   "attempts":[{{"code":"000000","at":"2026-11-21T08:01:00Z"}}]}},"now":"2026-11-21T08:02:00Z"}}"#);
/// let err = walletcare_api::call("account.disable_two_factor", &input).unwrap_err();
/// assert_eq!(err.code.as_str(), "account.wrong_code");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DisableTwoFactor {
    /// The one-time code exchange.
    pub code: OneTimeCode,
    /// The policy (the default when absent).
    #[serde(default)]
    pub policy: CredentialPolicy,
    /// When it is turned off.
    pub now: DateTime<Utc>,
}

impl Command for DisableTwoFactor {
    const NAME: &'static str = "account.disable_two_factor";
    type State = Account;
    type Output = ChallengeStatus;
    fn run(self, account: &mut Account) -> Result<ChallengeStatus, Error> {
        let (mut proof, status) =
            self.code
                .verify(account, ChallengePurpose::DisableTwoFactor, &self.policy)?;
        on_copy(account, |a| {
            a.disable_two_factor(&mut proof, &self.policy, self.now)
        })?;
        Ok(status)
    }
}

/// Records a device seen on the account; `true` when it is new.
/// `account.device_limit_reached` past 32 devices.
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let out = walletcare_api::call("account.record_device", &format!(r#"{{"state":{account},"device_id":"dev-1","label":"Budi's phone","now":"2026-11-21T08:00:00Z"}}"#))?;
/// assert!(out.ends_with(r#""output":true}"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct RecordDevice {
    /// The device id.
    pub device_id: DeviceId,
    /// Its label.
    pub label: String,
    /// When it was seen.
    pub now: DateTime<Utc>,
}

impl Command for RecordDevice {
    const NAME: &'static str = "account.record_device";
    type State = Account;
    type Output = bool;
    fn run(self, account: &mut Account) -> Result<bool, Error> {
        on_copy(account, |a| {
            a.record_device(self.device_id, &self.label, self.now)
        })
    }
}

/// Marks a known device trusted or not (`account.device_not_found`).
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let err = walletcare_api::call("account.set_device_trusted", &format!(r#"{{"state":{account},"device_id":"dev-9","trusted":true,"now":"2026-11-21T08:00:00Z"}}"#)).unwrap_err();
/// assert_eq!(err.code.as_str(), "account.device_not_found");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SetDeviceTrusted {
    /// The device id.
    pub device_id: DeviceId,
    /// Trusted or not.
    pub trusted: bool,
    /// When.
    pub now: DateTime<Utc>,
}

impl Command for SetDeviceTrusted {
    const NAME: &'static str = "account.set_device_trusted";
    type State = Account;
    type Output = ();
    fn run(self, account: &mut Account) -> Result<(), Error> {
        on_copy(account, |a| {
            a.set_device_trusted(&self.device_id, self.trusted, self.now)
        })
    }
}

/// Forgets a known device (`account.device_not_found`).
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let err = walletcare_api::call("account.forget_device", &format!(r#"{{"state":{account},"device_id":"dev-9","now":"2026-11-21T08:00:00Z"}}"#)).unwrap_err();
/// assert_eq!(err.code.as_str(), "account.device_not_found");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ForgetDevice {
    /// The device id.
    pub device_id: DeviceId,
    /// When.
    pub now: DateTime<Utc>,
}

impl Command for ForgetDevice {
    const NAME: &'static str = "account.forget_device";
    type State = Account;
    type Output = ();
    fn run(self, account: &mut Account) -> Result<(), Error> {
        on_copy(account, |a| a.forget_device(&self.device_id, self.now))
    }
}

/// Validates a card the user typed and binds it under the vault's
/// `fingerprint`; returns its id. Errors: the card's validation codes,
/// `card.already_bound`, `card.limit_reached`, and the account's state.
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let input = format!(r#"{{"state":{account},"card":{{"number":"4111111111111111","holder_name":"Budi","expiry":"12/30","cvv":"123"}},"fingerprint":"fp_visa_00000001","now":"2026-11-21T08:00:00Z"}}"#);
/// let out = walletcare_api::call("account.bind_card", &input)?;
/// assert!(out.ends_with(r#""output":1}"#) && !out.contains("4111111111111111"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct BindCard {
    /// What the user typed.
    pub card: CardInput,
    /// The vault's fingerprint of the number.
    pub fingerprint: CardFingerprint,
    /// Card settings (the default when absent), checked as read.
    #[serde(default)]
    pub policy: CardPolicy,
    /// When.
    pub now: DateTime<Utc>,
}

impl Command for BindCard {
    const NAME: &'static str = "account.bind_card";
    type State = Account;
    type Output = CardId;
    fn run(self, account: &mut Account) -> Result<CardId, Error> {
        let card = core_card::validate(self.card, self.now)?;
        on_copy(account, |a| {
            a.bind_card(card, self.fingerprint, &self.policy, self.now)
        })
    }
}

/// Replaces a bound card (a renewed card, a new number) by a new one;
/// returns the new card's id (`card.not_found`).
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let input = format!(r#"{{"state":{account},"old":7,"card":{{"number":"4111111111111111","holder_name":"Budi","expiry":"12/30","cvv":"123"}},"fingerprint":"fp_visa_00000001","now":"2026-11-21T08:00:00Z"}}"#);
/// assert_eq!(walletcare_api::call("account.replace_card", &input).unwrap_err().code.as_str(), "card.not_found");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ReplaceCard {
    /// The bound card replaced.
    pub old: CardId,
    /// What the user typed.
    pub card: CardInput,
    /// The vault's fingerprint of the new number.
    pub fingerprint: CardFingerprint,
    /// When.
    pub now: DateTime<Utc>,
}

impl Command for ReplaceCard {
    const NAME: &'static str = "account.replace_card";
    type State = Account;
    type Output = CardId;
    fn run(self, account: &mut Account) -> Result<CardId, Error> {
        let card = core_card::validate(self.card, self.now)?;
        on_copy(account, |a| {
            a.replace_card(self.old, card, self.fingerprint, self.now)
        })
    }
}

/// Removes a bound card and returns it (`card.not_found`).
///
/// # Examples
///
/// ```
/// let account = walletcare_api::call("account.new", r#"{"id":"acc-1","phone":"0812-3456-7890"}"#)?;
/// let err = walletcare_api::call("account.remove_card", &format!(r#"{{"state":{account},"card_id":1,"now":"2026-11-21T08:00:00Z"}}"#)).unwrap_err();
/// assert_eq!(err.code.as_str(), "card.not_found");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct RemoveCard {
    /// The card's id.
    pub card_id: CardId,
    /// When.
    pub now: DateTime<Utc>,
}

impl Command for RemoveCard {
    const NAME: &'static str = "account.remove_card";
    type State = Account;
    type Output = BoundCard;
    fn run(self, account: &mut Account) -> Result<BoundCard, Error> {
        on_copy(account, |a| a.remove_card(self.card_id, self.now))
    }
}
