//! Any operation by name: JSON in, JSON out, through the operation layer
//! (`walletcare-api`) that every typed export also calls.

use std::ffi::c_char;

use crate::ffi::{self, Failure, guard};
use crate::status::wc_status;

/// Runs the operation `operation` (e.g. `"money.parse"`) on the JSON object
/// `input` (`input_len` bytes) and writes its JSON output to `*out_json`, a
/// string the caller frees with `wc_string_free`. A command's input holds
/// its `state` beside its own fields, and its output is
/// `{"state": ..., "output": ...}`. The shared vectors' scripts run through
/// this function, so C answers exactly as Rust and JavaScript do.
///
/// Errors: `WC_GENERAL_UNKNOWN_VALUE` for an unknown operation; the
/// operation's own codes; `WC_GENERAL_INVALID_JSON` for text that is not
/// JSON, `WC_GENERAL_INVALID_ARGUMENT` naming a missing or mistyped field.
/// `*out_json` is written only on success.
///
/// # Safety
///
/// `operation` must be NULL or a NUL-terminated string; `input` must point
/// to `input_len` readable bytes; `out_json` NULL or valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::{wc_call, wc_status, wc_string_free};
/// let input = r#"{"a":{"minor":1,"currency":"IDR"},"b":{"minor":2,"currency":"IDR"}}"#;
/// let mut out = std::ptr::null_mut();
/// let rc = unsafe { wc_call(c"money.add".as_ptr(), input.as_ptr().cast(), input.len(), &mut out) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert_eq!(unsafe { std::ffi::CStr::from_ptr(out) }.to_str()?, r#"{"minor":3,"currency":"IDR"}"#);
/// unsafe { wc_string_free(out) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_call(
    operation: *const c_char,
    input: *const c_char,
    input_len: usize,
    out_json: *mut *mut c_char,
) -> wc_status {
    guard(|| {
        ffi::require_out(out_json, "out_json")?;
        // SAFETY: per the contract.
        let operation = unsafe { ffi::code(operation, "operation") }?;
        // SAFETY: per the contract.
        let input = unsafe { ffi::text(input, input_len, "input") }?;
        let output = walletcare_api::call(operation, input).map_err(Failure::from_error)?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_string(out_json, output, "out_json") }
    })
}
