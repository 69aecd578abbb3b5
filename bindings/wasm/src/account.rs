//! Accounts: PIN and password policy, strength estimate, security check-up.

use walletcare_core::account::{
    Account, AccountId, CheckupItem, CredentialContext, CredentialPolicy, PhoneNumber,
    PolicyViolation, RecentActivity, Strength, StrengthReason, check_password, check_pin,
    estimate_strength, security_checkup,
};
use walletcare_core::locale::Render;
use wasm_bindgen::prelude::*;

use crate::convert::{
    core_error, from_js, from_js_or_default, instant_arg, locale_arg, string_arg, string_array,
    to_js,
};

#[wasm_bindgen(typescript_custom_section)]
const TS_ACCOUNT: &str = r#"
/** What the policy knows about the user, to refuse credentials built from it. */
export interface CredentialContext {
  /** The phone number, national (`"0812-3456-7890"`) or international. */
  phone?: string | null;
  email?: string | null;
  birth_date?: IsoDate | null;
}
/** Which character classes a password must contain. */
export interface CharacterClasses {
  lowercase: boolean;
  uppercase: boolean;
  digit: boolean;
  symbol: boolean;
}
/** The credential and lockout policy (every field has a default). */
export interface CredentialPolicy {
  max_failed_attempts: number;
  lock_minutes: number;
  max_lock_minutes: number;
  password_min_length: number;
  password_max_length: number;
  password_required_classes: CharacterClasses;
  password_phone_tail_digits: number;
  password_max_age_days: number | null;
  code_length: number;
  code_ttl_seconds: number;
  code_max_tries: number;
  verified_code_max_age_seconds: number;
}
/** A policy argument: name only the settings that differ from the defaults. */
export type CredentialPolicyInput = Partial<Omit<CredentialPolicy, "password_required_classes">> & {
  password_required_classes?: Partial<CharacterClasses>;
};
/** One way a new PIN or password breaks the policy. */
export type PolicyViolation =
  | { violation: "pin_not_six_digits" } | { violation: "repeated_digits" }
  | { violation: "ascending_sequence" } | { violation: "descending_sequence" }
  | { violation: "repeating_pattern" } | { violation: "grouped_digits" }
  | { violation: "mirrored_digits" } | { violation: "common_pin" }
  | { violation: "contains_birth_date" } | { violation: "contains_phone_number" }
  | { violation: "too_short"; min: number } | { violation: "too_long"; max: number }
  | { violation: "missing_lowercase" } | { violation: "missing_uppercase" }
  | { violation: "missing_digit" } | { violation: "missing_symbol" }
  | { violation: "control_character" } | { violation: "common_password" }
  | { violation: "contains_email_name" };
/** What would make a password stronger. */
export type StrengthReason =
  | "avoid_common_password" | "avoid_phone_number" | "avoid_email_name" | "avoid_birth_date"
  | "avoid_common_words" | "avoid_sequences" | "avoid_repeated_characters" | "make_longer"
  | "add_symbol" | "add_digit" | "add_uppercase" | "add_lowercase";
/** A password strength estimate: 0 (very weak) to 4 (very strong). */
export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  reasons: StrengthReason[];
}
/** A strength estimate in words. */
export interface StrengthText {
  /** "Very weak" … "Very strong". */
  label: string;
  /** One sentence per reason, most important first. */
  tips: string[];
}
/** One thing the user should do to protect the account. */
export type CheckupItem =
  | { item: "reset_credentials" }
  | { item: "enable_two_factor" }
  | { item: "change_old_password"; days_since_change: number }
  | { item: "review_unknown_devices"; device_ids: string[] }
  | { item: "review_unusual_transactions"; transaction_ids: string[] }
  | { item: "verify_identity" };
/** What the risk engine flagged recently (at most 100 ids). */
export interface RecentActivity {
  flagged_transaction_ids?: string[];
}
/** An account's state. */
export type AccountState =
  | { state: "active" }
  | { state: "locked"; until: IsoInstant }
  | { state: "frozen"; reason: "reported_stolen" | "suspected_fraud" | "regulatory" | "user_request"; since: IsoInstant }
  | { state: "closed" };
/** A device seen on the account. */
export interface KnownDevice {
  id: string;
  label: string;
  trusted: boolean;
  first_seen: IsoInstant;
  last_seen: IsoInstant;
}
/** Credential metadata (never a secret). */
export interface CredentialMeta {
  pin_changed_at: IsoInstant | null;
  password_changed_at: IsoInstant | null;
  failed_attempts: number;
  consecutive_lockouts: number;
  credential_reset_required: boolean;
}
/** A card bound to the wallet. */
export interface BoundCard {
  id: number;
  card: ValidatedCard;
  fingerprint: string;
  bound_at: IsoInstant;
}
/** The JSON form of an account: it holds no secret. */
export interface Account {
  id: string;
  state: AccountState;
  verification: "unverified" | "verified";
  /** E.164, e.g. `"+6281234567890"`. */
  phone: string;
  email?: string | null;
  birth_date?: IsoDate | null;
  two_factor?: boolean;
  credentials?: CredentialMeta;
  devices?: KnownDevice[];
  cards?: { cards: BoundCard[]; next_id: number };
}
"#;

fn context_arg(value: Option<&JsValue>) -> Result<CredentialContext, JsValue> {
    from_js_or_default(value, "credential context")
}

fn policy_arg(value: Option<&JsValue>) -> Result<CredentialPolicy, JsValue> {
    let policy: CredentialPolicy = from_js_or_default(value, "credential policy")?;
    policy.validate().map_err(core_error)?;
    Ok(policy)
}

/// Checks a new PIN (six digits) against the policy: patterns, the date of
/// birth and the phone number. Returns every violation; an empty array
/// means the PIN is acceptable.
#[wasm_bindgen(js_name = checkPin, unchecked_return_type = "PolicyViolation[]")]
pub fn check_pin_js(
    #[wasm_bindgen(unchecked_param_type = "string")] pin: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CredentialContext")] context: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let pin = string_arg(&pin, "pin")?;
    let context = context_arg(context.as_ref())?;
    let violations = check_pin(&pin, &context).map_or_else(|e| e.violations, |()| Vec::new());
    to_js(&violations)
}

/// Checks a new password against the policy (length, character classes,
/// common passwords, personal data). Returns every violation; an empty array
/// means the password is acceptable. Throws `account.invalid_policy` for a
/// policy out of range.
#[wasm_bindgen(js_name = checkPassword, unchecked_return_type = "PolicyViolation[]")]
pub fn check_password_js(
    #[wasm_bindgen(unchecked_param_type = "string")] password: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CredentialContext")] context: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "CredentialPolicyInput")] policy: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    let password = string_arg(&password, "password")?;
    let context = context_arg(context.as_ref())?;
    let policy = policy_arg(policy.as_ref())?;
    let violations =
        check_password(&password, &policy, &context).map_or_else(|e| e.violations, |()| Vec::new());
    to_js(&violations)
}

/// One actionable sentence per violation, in a locale (default English).
#[wasm_bindgen(js_name = describePolicyViolations, unchecked_return_type = "string[]")]
pub fn describe_policy_violations(
    #[wasm_bindgen(unchecked_param_type = "PolicyViolation[]")] violations: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleTag")] locale: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let violations: Vec<PolicyViolation> = from_js(&violations, "violations")?;
    let locale = locale_arg(locale.as_ref())?;
    Ok(string_array(violations.iter().map(|v| v.render(locale))))
}

/// Estimates how hard a password is to guess: a score from 0 to 4 and what
/// would raise it.
#[wasm_bindgen(js_name = estimatePasswordStrength, unchecked_return_type = "Strength")]
pub fn estimate_password_strength(
    #[wasm_bindgen(unchecked_param_type = "string")] password: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CredentialContext")] context: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let password = string_arg(&password, "password")?;
    let context = context_arg(context.as_ref())?;
    to_js(&estimate_strength(&password, &context))
}

/// A strength estimate in words: its label and one tip per reason.
#[wasm_bindgen(js_name = describeStrength, unchecked_return_type = "StrengthText")]
pub fn describe_strength(
    #[wasm_bindgen(unchecked_param_type = "Strength")] strength: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleTag")] locale: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Text {
        label: String,
        tips: Vec<String>,
    }
    let strength: Strength = from_js(&strength, "strength")?;
    let locale = locale_arg(locale.as_ref())?;
    to_js(&Text {
        label: strength.render(locale),
        tips: strength
            .reasons
            .iter()
            .map(|r: &StrengthReason| r.render(locale))
            .collect(),
    })
}

/// The security check-up: what the user should do next to protect the
/// account, most urgent first (nothing for a closed or frozen account).
#[wasm_bindgen(js_name = securityCheckup, unchecked_return_type = "CheckupItem[]")]
pub fn security_checkup_js(
    #[wasm_bindgen(unchecked_param_type = "Account")] account: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RecentActivity")] recent: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "CredentialPolicyInput")] policy: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    let account: Account = from_js(&account, "account")?;
    let now = instant_arg(&now, "now")?;
    let recent: RecentActivity = from_js_or_default(recent.as_ref(), "recent activity")?;
    let policy = policy_arg(policy.as_ref())?;
    to_js(&security_checkup(&account, &policy, now, &recent))
}

/// One actionable sentence per check-up item, in a locale.
#[wasm_bindgen(js_name = describeCheckupItems, unchecked_return_type = "string[]")]
pub fn describe_checkup_items(
    #[wasm_bindgen(unchecked_param_type = "CheckupItem[]")] items: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LocaleTag")] locale: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let items: Vec<CheckupItem> = from_js(&items, "check-up items")?;
    let locale = locale_arg(locale.as_ref())?;
    Ok(string_array(items.iter().map(|i| i.render(locale))))
}

/// A new, active, unverified account with no credentials, devices or cards,
/// in its JSON form. Throws `account.invalid_contact` for a bad phone number.
#[wasm_bindgen(js_name = newAccount, unchecked_return_type = "Account")]
pub fn new_account(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] phone: JsValue,
) -> Result<JsValue, JsValue> {
    let id = AccountId::new(&string_arg(&id, "id")?).map_err(core_error)?;
    let phone = PhoneNumber::parse(&string_arg(&phone, "phone")?).map_err(core_error)?;
    to_js(&Account::new(id, phone))
}

/// A phone number in E.164 form: `"0812-3456-7890"` → `"+6281234567890"`.
/// Throws `account.invalid_contact`.
#[wasm_bindgen(js_name = normalizePhoneNumber)]
pub fn normalize_phone_number(
    #[wasm_bindgen(unchecked_param_type = "string")] phone: JsValue,
) -> Result<String, JsValue> {
    let phone = PhoneNumber::parse(&string_arg(&phone, "phone")?).map_err(core_error)?;
    Ok(phone.as_str().to_owned())
}

/// A phone number masked for display, e.g. `"+62 812-****-7890"`. Throws
/// `account.invalid_contact`.
#[wasm_bindgen(js_name = maskPhoneNumber)]
pub fn mask_phone_number(
    #[wasm_bindgen(unchecked_param_type = "string")] phone: JsValue,
) -> Result<String, JsValue> {
    let phone = PhoneNumber::parse(&string_arg(&phone, "phone")?).map_err(core_error)?;
    Ok(phone.masked())
}

/// A credential policy with every default filled in, after checking its
/// ranges. Throws `account.invalid_policy` naming the first bad setting.
#[wasm_bindgen(js_name = credentialPolicy, unchecked_return_type = "CredentialPolicy")]
pub fn credential_policy(
    #[wasm_bindgen(unchecked_optional_param_type = "CredentialPolicyInput")] policy: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    to_js(&policy_arg(policy.as_ref())?)
}
