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
/** A policy argument: name only the settings that differ from the defaults. */
export type CredentialPolicyInput = Partial<Omit<CredentialPolicy, "password_required_classes">> & {
  password_required_classes?: Partial<CharacterClasses>;
};"#;

/// Checks a new six-digit PIN against the policy (patterns such as
/// `123456`, the date of birth, the phone number) and returns every
/// violation with one sentence each in `options.locale`. `valid` is `true`
/// when the PIN is acceptable. The PIN is never kept.
#[wasm_bindgen(js_name = checkPin, unchecked_return_type = "CredentialVerdict")]
pub fn check_pin_js(
    #[wasm_bindgen(unchecked_param_type = "string")] pin: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ContextOptions")] options: Option<JsValue>,
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
    #[wasm_bindgen(unchecked_optional_param_type = "ContextOptions")] options: Option<JsValue>,
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
