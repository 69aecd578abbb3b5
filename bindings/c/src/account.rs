//! Accounts: PIN and password policy checks, password strength and the
//! security check-up.
//!
//! Every function here returns `WC_OK` when it could answer, also when the
//! answer is "this PIN is weak": the verdict is in the JSON. A non-`WC_OK`
//! status means the question itself was malformed (NULL, bad UTF-8, bad
//! JSON, unknown locale, invalid policy).

use std::ffi::c_char;

use walletcare_api::account::{CheckPassword, CheckPin, PasswordStrength, SecurityCheckup};
use walletcare_core::account::{Account, CredentialContext, CredentialPolicy, RecentActivity};

use crate::ffi::{self, guard};
use crate::status::wc_status;

/// Checks a new 6-digit payment PIN against the policy and writes the
/// verdict as JSON to `*out_json` (free it with `wc_string_free`).
///
/// `context_json` is the core's `CredentialContext`
/// (`{"phone":"+6281234567890","email":null,"birth_date":"1990-08-17"}`,
/// every field optional) or NULL when nothing is known about the user.
///
/// Output: `{"credential":"pin","violations":[{"violation":"ascending_sequence"}],
/// "valid":false,"messages":["Don't use ascending numbers like 123456."]}`;
/// `messages[i]` renders `violations[i]` in `locale`. The PIN is never
/// echoed or kept.
///
/// # Safety
///
/// `pin` must point to `pin_len` readable bytes; `context_json` must be NULL
/// or point to `context_len` readable bytes; `locale` must be a
/// NUL-terminated string; `out_json` must be valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::account::wc_pin_check;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let pin = "123456";
/// let mut out = std::ptr::null_mut();
/// let rc = unsafe {
///     wc_pin_check(pin.as_ptr().cast(), pin.len(), std::ptr::null(), 0, c"en".as_ptr(), &mut out)
/// };
/// assert_eq!(rc, wc_status::WC_OK);
/// let json = unsafe { std::ffi::CStr::from_ptr(out) }.to_str()?.to_owned();
/// assert!(json.contains(r#""valid":false"#) && json.contains("ascending_sequence"));
/// unsafe { wc_string_free(out) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_pin_check(
    pin: *const c_char,
    pin_len: usize,
    context_json: *const c_char,
    context_len: usize,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    guard(|| {
        ffi::require_out(out_json, "out_json")?;
        // SAFETY: per the contract.
        let pin = unsafe { ffi::text(pin, pin_len, "pin") }?.to_owned().into();
        // SAFETY: per the contract.
        let context: Option<CredentialContext> =
            unsafe { ffi::optional_json_arg(context_json, context_len, "context_json") }?;
        // SAFETY: per the contract.
        let locale = unsafe { ffi::locale_arg(locale) }?;
        let op = CheckPin {
            pin,
            context,
            locale,
        };
        // SAFETY: checked non-null.
        unsafe { ffi::run_json(op, out_json) }
    })
}

/// Checks a new sign-in password against the policy and writes the verdict
/// as JSON to `*out_json` (free it with `wc_string_free`).
///
/// `policy_json` is the core's `CredentialPolicy` (only the fields that
/// differ from the defaults, e.g. `{"password_min_length":10}`) or NULL for
/// the default policy; it is validated (`WC_ACCOUNT_INVALID_POLICY`).
/// `context_json` as for [`wc_pin_check`]. Output as for [`wc_pin_check`]
/// with `"credential":"password"`.
///
/// # Safety
///
/// `password` must point to `password_len` readable bytes; `policy_json`
/// and `context_json` must be NULL or point to their lengths of readable
/// bytes; `locale` must be a NUL-terminated string; `out_json` must be valid
/// for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::account::wc_password_check;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let pw = "abc";
/// let mut out = std::ptr::null_mut();
/// let rc = unsafe {
///     wc_password_check(pw.as_ptr().cast(), pw.len(), std::ptr::null(), 0,
///         std::ptr::null(), 0, c"id".as_ptr(), &mut out)
/// };
/// assert_eq!(rc, wc_status::WC_OK);
/// let json = unsafe { std::ffi::CStr::from_ptr(out) }.to_str()?.to_owned();
/// assert!(json.contains("too_short") && json.contains("Gunakan minimal 8 karakter."));
/// unsafe { wc_string_free(out) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_password_check(
    password: *const c_char,
    password_len: usize,
    policy_json: *const c_char,
    policy_len: usize,
    context_json: *const c_char,
    context_len: usize,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    guard(|| {
        ffi::require_out(out_json, "out_json")?;
        // SAFETY: per the contract.
        let password = unsafe { ffi::text(password, password_len, "password") }?
            .to_owned()
            .into();
        // SAFETY: per the contract.
        let policy: Option<CredentialPolicy> =
            unsafe { ffi::optional_json_arg(policy_json, policy_len, "policy_json") }?;
        // SAFETY: per the contract.
        let context: Option<CredentialContext> =
            unsafe { ffi::optional_json_arg(context_json, context_len, "context_json") }?;
        // SAFETY: per the contract.
        let locale = unsafe { ffi::locale_arg(locale) }?;
        let op = CheckPassword {
            password,
            policy,
            context,
            locale,
        };
        // SAFETY: checked non-null.
        unsafe { ffi::run_json(op, out_json) }
    })
}

/// Estimates how hard a password is to guess and writes the estimate as
/// JSON to `*out_json` (free it with `wc_string_free`).
///
/// Output: the core's `Strength` plus the rendered label and suggestions:
/// `{"score":0,"reasons":["make_longer","add_symbol"],"label":"Very weak",
/// "messages":["Make it longer: ...","Add a symbol such as ! or #."]}`.
/// `score` is 0 (very weak) to 4 (very strong); `messages[i]` renders
/// `reasons[i]`. `context_json` as for [`wc_pin_check`].
///
/// # Safety
///
/// As [`wc_pin_check`].
///
/// # Examples
///
/// ```
/// use walletcare_ffi::account::wc_password_strength;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let pw = "gunung merapi berasap pagi";
/// let mut out = std::ptr::null_mut();
/// let rc = unsafe {
///     wc_password_strength(pw.as_ptr().cast(), pw.len(), std::ptr::null(), 0, c"en".as_ptr(), &mut out)
/// };
/// assert_eq!(rc, wc_status::WC_OK);
/// let json = unsafe { std::ffi::CStr::from_ptr(out) }.to_str()?.to_owned();
/// assert!(json.contains(r#""score":4"#) && json.contains("Very strong"));
/// unsafe { wc_string_free(out) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_password_strength(
    password: *const c_char,
    password_len: usize,
    context_json: *const c_char,
    context_len: usize,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    guard(|| {
        ffi::require_out(out_json, "out_json")?;
        // SAFETY: per the contract.
        let password = unsafe { ffi::text(password, password_len, "password") }?
            .to_owned()
            .into();
        // SAFETY: per the contract.
        let context: Option<CredentialContext> =
            unsafe { ffi::optional_json_arg(context_json, context_len, "context_json") }?;
        // SAFETY: per the contract.
        let locale = unsafe { ffi::locale_arg(locale) }?;
        let op = PasswordStrength {
            password,
            context,
            locale,
        };
        // SAFETY: checked non-null.
        unsafe { ffi::run_json(op, out_json) }
    })
}

/// The security check-up: what the user should do now to protect the
/// account, as JSON in `*out_json` (free it with `wc_string_free`).
///
/// Inputs are the core's JSON forms: `account_json` an `Account` (as stored
/// by the host; it holds no secret), `policy_json` a `CredentialPolicy` or
/// NULL for the default, `activity_json` a `RecentActivity`
/// (`{"flagged_transaction_ids":["tx-9"]}`) or NULL for none; `now` is Unix
/// seconds (UTC).
///
/// Output: `{"items":[{"item":"enable_two_factor"},{"item":"verify_identity"}],
/// "messages":["Turn on two-step verification ...","Verify your identity ..."]}`,
/// in the core's fixed order; `messages[i]` renders `items[i]`.
///
/// # Safety
///
/// `account_json` must point to `account_len` readable bytes;
/// `policy_json` and `activity_json` must be NULL or point to their lengths
/// of readable bytes; `locale` must be a NUL-terminated string; `out_json`
/// must be valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::account::wc_account_checkup;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let account = r#"{"id":"acc-1","state":{"state":"active"},"verification":"unverified","phone":"+6281234567890"}"#;
/// let mut out = std::ptr::null_mut();
/// let rc = unsafe {
///     wc_account_checkup(account.as_ptr().cast(), account.len(), std::ptr::null(), 0,
///         std::ptr::null(), 0, 1_795_000_000, c"en".as_ptr(), &mut out)
/// };
/// assert_eq!(rc, wc_status::WC_OK);
/// let json = unsafe { std::ffi::CStr::from_ptr(out) }.to_str()?.to_owned();
/// assert!(json.contains("enable_two_factor") && json.contains("verify_identity"));
/// unsafe { wc_string_free(out) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_account_checkup(
    account_json: *const c_char,
    account_len: usize,
    policy_json: *const c_char,
    policy_len: usize,
    activity_json: *const c_char,
    activity_len: usize,
    now: i64,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    guard(|| {
        ffi::require_out(out_json, "out_json")?;
        // SAFETY: per the contract.
        let account: Account = unsafe { ffi::json_arg(account_json, account_len, "account_json") }?;
        // SAFETY: per the contract.
        let policy: Option<CredentialPolicy> =
            unsafe { ffi::optional_json_arg(policy_json, policy_len, "policy_json") }?;
        // SAFETY: per the contract.
        let activity: Option<RecentActivity> =
            unsafe { ffi::optional_json_arg(activity_json, activity_len, "activity_json") }?;
        let now = ffi::instant_arg(now, "now")?;
        // SAFETY: per the contract.
        let locale = unsafe { ffi::locale_arg(locale) }?;
        let op = SecurityCheckup {
            account,
            now,
            policy,
            activity,
            locale,
        };
        // SAFETY: checked non-null.
        unsafe { ffi::run_json(op, out_json) }
    })
}
