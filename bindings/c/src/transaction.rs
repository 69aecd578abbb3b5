//! Transactions: diagnosis of a failed or stuck transaction, with the next
//! steps rendered for the user.

use std::ffi::c_char;

use walletcare_api::transaction::Diagnose;
use walletcare_core::account::AccountState;
use walletcare_core::transaction::{DiagnosisPolicy, Transaction};

use crate::ffi::{self, guard};
use crate::status::wc_status;

/// Diagnoses a failed, stuck or puzzling transaction and writes the likely
/// cause and the next steps, rendered in `locale`, as JSON to `*out_json`
/// (free it with `wc_string_free`).
///
/// Inputs are the core's JSON forms: `transaction_json` a `Transaction`
/// (`{"id":"T-1","kind":{"kind":"payment","channel":"qr","merchant":{"id":"M-1","name":"Toko"}},
/// "amount":{"minor":1500000,"currency":"IDR"},"created_at":"2026-11-21T03:00:00Z",
/// "updated_at":"2026-11-21T03:00:00Z","state":{"state":"failed","reason":"bank_unavailable","bank":"BRI"},
/// "idempotency_key":"k-1"}`); `account_state_json` the account's
/// `AccountState` (`{"state":"active"}`, `{"state":"locked","until":"..."}`,
/// ...) or NULL for active; `policy_json` a `DiagnosisPolicy` or NULL for
/// the default (stuck after 15 minutes, reversal within 24 hours, 48 for
/// withdrawals, times in Asia/Jakarta). `now` is Unix seconds.
///
/// Output: the core's `Diagnosis` plus text:
/// `{"transaction":"T-1","cause":"bank_unavailable","steps":[{"step":"retry_after","at":"..."}],
/// "cause_text":"...","messages":["..."],"text":"<cause>\n1. <step>\n2. <step>"}`;
/// `messages[i]` renders `steps[i]` (times in the policy's zone). There is
/// always at least one step.
///
/// # Safety
///
/// `transaction_json` must point to `transaction_len` readable bytes;
/// `account_state_json` and `policy_json` must be NULL or point to their
/// lengths of readable bytes; `locale` a NUL-terminated string; `out_json`
/// valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::transaction::wc_transaction_diagnose;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let tx = r#"{"id":"T-1","kind":{"kind":"top_up","source":{"method":"card"}},"amount":{"minor":5000000,"currency":"IDR"},
///   "created_at":"2026-11-21T03:00:00Z","updated_at":"2026-11-21T03:00:00Z",
///   "state":{"state":"failed","reason":"card_expired"},"idempotency_key":"K-1"}"#;
/// let mut json = std::ptr::null_mut();
/// let rc = unsafe { wc_transaction_diagnose(tx.as_ptr().cast(), tx.len(), std::ptr::null(), 0,
///     std::ptr::null(), 0, 1_795_230_000, c"en".as_ptr(), &mut json) };
/// assert_eq!(rc, wc_status::WC_OK);
/// let out = unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.to_owned();
/// assert!(out.contains(r#""cause":"card_expired""#));
/// assert!(out.contains("Update your card details"));
/// unsafe { wc_string_free(json) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_transaction_diagnose(
    transaction_json: *const c_char,
    transaction_len: usize,
    account_state_json: *const c_char,
    account_state_len: usize,
    policy_json: *const c_char,
    policy_len: usize,
    now: i64,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    guard(|| {
        ffi::require_out(out_json, "out_json")?;
        // SAFETY: per the contract.
        let transaction: Transaction =
            unsafe { ffi::json_arg(transaction_json, transaction_len, "transaction_json") }?;
        // SAFETY: per the contract.
        let account_state: Option<AccountState> = unsafe {
            ffi::optional_json_arg(account_state_json, account_state_len, "account_state_json")
        }?;
        // SAFETY: per the contract.
        let policy: Option<DiagnosisPolicy> =
            unsafe { ffi::optional_json_arg(policy_json, policy_len, "policy_json") }?;
        let now = ffi::instant_arg(now, "now")?;
        // SAFETY: per the contract.
        let locale = unsafe { ffi::locale_arg(locale) }?;
        let op = Diagnose {
            transaction,
            now,
            account_state,
            policy,
            locale,
        };
        // SAFETY: checked non-null.
        unsafe { ffi::run_json(op, out_json) }
    })
}
