//! Accounts: PIN and password policy, strength estimate, security check-up.

use walletcare_api::account::{
    CheckPassword, CheckPin, CheckupOptions, ContextOptions, MaskPhone, NewAccount, NormalizePhone,
    PasswordOptions, PasswordStrength, Policy, SecurityCheckup,
};
use walletcare_api::ops::Operation;
use walletcare_core::account::AccountId;
use wasm_bindgen::prelude::*;

use crate::convert::{
    api, code_arg, core_error, from_js, instant_arg, options_arg, run, string_arg,
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
/**
 * A PIN or password verdict: every violation, whether the credential is
 * acceptable, and one sentence per violation in the requested locale
 * (`messages[i]` renders `violations[i]`). Same JSON as the C library.
 */
export interface CredentialVerdict {
  credential: "pin" | "password";
  violations: PolicyViolation[];
  valid: boolean;
  messages: string[];
}
/** A strength estimate with its label and suggestions in words. */
export interface StrengthReport extends Strength {
  /** "Very weak" … "Very strong", in the requested locale. */
  label: string;
  /** `messages[i]` renders `reasons[i]`. */
  messages: string[];
}
/** The security check-up: items, most urgent first, and their sentences. */
export interface CheckupReport {
  items: CheckupItem[];
  messages: string[];
}
/** Options of {@link checkPin}. */
export interface PinCheckOptions {
  context?: CredentialContext;
  locale?: LocaleTag;
}
/** Options of {@link checkPassword}. */
export interface PasswordCheckOptions {
  policy?: CredentialPolicyInput;
  context?: CredentialContext;
  locale?: LocaleTag;
}
/** Options of {@link passwordStrength}. */
export interface StrengthOptions {
  context?: CredentialContext;
  locale?: LocaleTag;
}
/** Options of {@link securityCheckup}. */
export interface CheckupOptions {
  policy?: CredentialPolicyInput;
  activity?: RecentActivity;
  locale?: LocaleTag;
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

/// Checks a new six-digit PIN against the policy (patterns such as
/// `123456`, the date of birth, the phone number) and returns every
/// violation with one sentence each in `options.locale`. `valid` is `true`
/// when the PIN is acceptable. The PIN is never kept.
#[wasm_bindgen(js_name = checkPin, unchecked_return_type = "CredentialVerdict")]
pub fn check_pin_js(
    #[wasm_bindgen(unchecked_param_type = "string")] pin: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PinCheckOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let pin = string_arg(&pin, "pin")?.into();
    let ContextOptions { context, locale } = options_arg(options.as_ref(), "options")?;
    run(CheckPin {
        pin,
        context,
        locale,
    })
}

/// Checks a new password against the policy (length, character classes,
/// common passwords, personal data) and returns every violation with one
/// sentence each. Throws `account.invalid_policy` for a policy out of range.
#[wasm_bindgen(js_name = checkPassword, unchecked_return_type = "CredentialVerdict")]
pub fn check_password_js(
    #[wasm_bindgen(unchecked_param_type = "string")] password: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PasswordCheckOptions")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    let password = string_arg(&password, "password")?.into();
    let PasswordOptions {
        policy,
        context,
        locale,
    } = options_arg(options.as_ref(), "options")?;
    run(CheckPassword {
        password,
        policy,
        context,
        locale,
    })
}

/// Estimates how hard a password is to guess: a score from 0 (very weak) to
/// 4 (very strong), the reasons that would raise it, its label and one
/// suggestion per reason in `options.locale`.
#[wasm_bindgen(js_name = passwordStrength, unchecked_return_type = "StrengthReport")]
pub fn password_strength(
    #[wasm_bindgen(unchecked_param_type = "string")] password: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StrengthOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let password = string_arg(&password, "password")?.into();
    let ContextOptions { context, locale } = options_arg(options.as_ref(), "options")?;
    run(PasswordStrength {
        password,
        context,
        locale,
    })
}

/// The security check-up of an account at `now`: what the user should do
/// next to protect it, most urgent first (nothing for a closed or frozen
/// account), with one sentence per item in `options.locale`.
#[wasm_bindgen(js_name = securityCheckup, unchecked_return_type = "CheckupReport")]
pub fn security_checkup_js(
    #[wasm_bindgen(unchecked_param_type = "Account")] account: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckupOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let account = from_js(&account, "account")?;
    let now = instant_arg(&now, "now")?;
    let CheckupOptions {
        policy,
        activity,
        locale,
    } = options_arg(options.as_ref(), "options")?;
    run(SecurityCheckup {
        account,
        now,
        policy,
        activity,
        locale,
    })
}

/// A new, active, unverified account with no credentials, devices or cards,
/// in its JSON form. Throws `account.invalid_contact` for a bad phone
/// number.
#[wasm_bindgen(js_name = newAccount, unchecked_return_type = "Account")]
pub fn new_account(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] phone: JsValue,
) -> Result<JsValue, JsValue> {
    let id = AccountId::new(&string_arg(&id, "id")?).map_err(core_error)?;
    run(NewAccount {
        id,
        phone: code_arg(&phone, "phone")?,
    })
}

/// A phone number in E.164 form: `"0812-3456-7890"` → `"+6281234567890"`.
/// Throws `account.invalid_contact`.
#[wasm_bindgen(js_name = normalizePhoneNumber)]
pub fn normalize_phone_number(
    #[wasm_bindgen(unchecked_param_type = "string")] phone: JsValue,
) -> Result<String, JsValue> {
    api(NormalizePhone {
        phone: code_arg(&phone, "phone")?,
    }
    .run())
}

/// A phone number masked for display, e.g. `"+62 812-****-7890"`. Throws
/// `account.invalid_contact`.
#[wasm_bindgen(js_name = maskPhoneNumber)]
pub fn mask_phone_number(
    #[wasm_bindgen(unchecked_param_type = "string")] phone: JsValue,
) -> Result<String, JsValue> {
    api(MaskPhone {
        phone: code_arg(&phone, "phone")?,
    }
    .run())
}

/// A credential policy with every default filled in, after checking its
/// ranges. Throws `account.invalid_policy` naming the first bad setting.
#[wasm_bindgen(js_name = credentialPolicy, unchecked_return_type = "CredentialPolicy")]
pub fn credential_policy(
    #[wasm_bindgen(unchecked_optional_param_type = "CredentialPolicyInput")] policy: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    run(Policy {
        policy: options_arg(policy.as_ref(), "credential policy")?,
    })
}
