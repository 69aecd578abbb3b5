//! Bank cards: validation and masking of what the user typed, and expiry
//! checks.
//!
//! The card number and the CVV are borrowed for the duration of the call,
//! checked, and never stored or returned: outputs carry only the masked
//! number (first six and last four digits). The core wipes its copies when
//! it is done; wipe the caller's buffers as your platform allows.

use std::ffi::c_char;

use walletcare_api::card::{CheckExpiry, Problems, Validate};
use walletcare_api::ops::Operation;
use walletcare_core::card::CardInput;

use crate::ffi::{self, FfiResult, api, guard};
use crate::status::wc_status;
use crate::types::wc_date;

/// Reads the four card-form fields (number, holder name, expiry, CVV).
///
/// # Safety
///
/// Each pointer must point to its length of readable bytes.
#[allow(clippy::too_many_arguments)]
unsafe fn card_input(
    number: *const c_char,
    number_len: usize,
    holder_name: *const c_char,
    holder_name_len: usize,
    expiry: *const c_char,
    expiry_len: usize,
    cvv: *const c_char,
    cvv_len: usize,
) -> FfiResult<CardInput> {
    // SAFETY: per the contract, for each field.
    unsafe {
        Ok(CardInput {
            number: ffi::text(number, number_len, "number")?.to_owned(),
            holder_name: ffi::text(holder_name, holder_name_len, "holder_name")?.to_owned(),
            expiry: ffi::text(expiry, expiry_len, "expiry")?.to_owned(),
            cvv: ffi::text(cvv, cvv_len, "cvv")?.to_owned(),
        })
    }
}

/// Validates a card the user typed and writes it, without its number or
/// CVV, as JSON to `*out_json` (free it with `wc_string_free`).
///
/// The number may contain spaces or dashes; the expiry is `MM/YY` or
/// `MM/YYYY` and valid through the last day of that month (UTC) at `now`
/// (Unix seconds); the CVV has 3 digits (4 for American Express).
///
/// Output, the core's `ValidatedCard`:
/// `{"brand":"visa","masked_number":"411111******1111","holder_name":"BUDI SANTOSO","expiry":{"month":12,"year":2029}}`.
///
/// Returns the status of the *first* problem in field order (number,
/// expiry, CVV, holder name), e.g. `WC_CARD_LUHN_FAILED`,
/// `WC_CARD_EXPIRED`, `WC_CARD_INVALID_CVV`; use [`wc_card_problems`] to
/// list every problem with text for a form.
///
/// # Safety
///
/// `number`, `holder_name`, `expiry` and `cvv` must each point to their
/// length of readable bytes; `out_json` must be valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::card::wc_card_validate;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let (n, h, e, c) = ("4111 1111 1111 1111", "budi santoso", "12/29", "123");
/// let mut out = std::ptr::null_mut();
/// let rc = unsafe {
///     wc_card_validate(n.as_ptr().cast(), n.len(), h.as_ptr().cast(), h.len(),
///         e.as_ptr().cast(), e.len(), c.as_ptr().cast(), c.len(), 1_795_000_000, &mut out)
/// };
/// assert_eq!(rc, wc_status::WC_OK);
/// let json = unsafe { std::ffi::CStr::from_ptr(out) }.to_str()?.to_owned();
/// assert!(json.contains("411111******1111") && !json.contains("123"));
/// unsafe { wc_string_free(out) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_card_validate(
    number: *const c_char,
    number_len: usize,
    holder_name: *const c_char,
    holder_name_len: usize,
    expiry: *const c_char,
    expiry_len: usize,
    cvv: *const c_char,
    cvv_len: usize,
    now: i64,
    out_json: *mut *mut c_char,
) -> wc_status {
    guard(|| {
        ffi::require_out(out_json, "out_json")?;
        // SAFETY: per the contract.
        let input = unsafe {
            card_input(
                number,
                number_len,
                holder_name,
                holder_name_len,
                expiry,
                expiry_len,
                cvv,
                cvv_len,
            )
        }?;
        let now = ffi::instant_arg(now, "now")?;
        // SAFETY: checked non-null.
        unsafe { ffi::run_json(Validate { card: input, now }, out_json) }
    })
}

/// Lists every problem with a card form, at most one per field, with the
/// message to show next to it, as JSON in `*out_json` (free it with
/// `wc_string_free`).
///
/// Output: `{"valid":false,"problems":["luhn_failed",{"invalid_cvv":{"expected_digits":3}}],
/// "messages":["This card number isn't valid. ...","The security code (CVV) must be 3 digits."]}`:
/// `problems` are the core's `CardError` values in field order (number,
/// expiry, CVV, holder name), `messages[i]` renders `problems[i]` in
/// `locale`. Returns `WC_OK` whenever the form could be checked.
///
/// # Safety
///
/// As [`wc_card_validate`], and `locale` must be a NUL-terminated string.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::card::wc_card_problems;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let (n, h, e, c) = ("4111 1111 1111 1112", "Siti", "13/30", "12");
/// let mut out = std::ptr::null_mut();
/// let rc = unsafe {
///     wc_card_problems(n.as_ptr().cast(), n.len(), h.as_ptr().cast(), h.len(),
///         e.as_ptr().cast(), e.len(), c.as_ptr().cast(), c.len(), 1_795_000_000,
///         c"zh-CN".as_ptr(), &mut out)
/// };
/// assert_eq!(rc, wc_status::WC_OK);
/// let json = unsafe { std::ffi::CStr::from_ptr(out) }.to_str()?.to_owned();
/// assert!(json.contains("luhn_failed") && json.contains("卡号无效"));
/// unsafe { wc_string_free(out) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_card_problems(
    number: *const c_char,
    number_len: usize,
    holder_name: *const c_char,
    holder_name_len: usize,
    expiry: *const c_char,
    expiry_len: usize,
    cvv: *const c_char,
    cvv_len: usize,
    now: i64,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    guard(|| {
        ffi::require_out(out_json, "out_json")?;
        // SAFETY: per the contract.
        let input = unsafe {
            card_input(
                number,
                number_len,
                holder_name,
                holder_name_len,
                expiry,
                expiry_len,
                cvv,
                cvv_len,
            )
        }?;
        let now = ffi::instant_arg(now, "now")?;
        // SAFETY: per the contract.
        let locale = unsafe { ffi::locale_arg(locale) }?;
        let op = Problems {
            card: input,
            now,
            locale,
        };
        // SAFETY: checked non-null.
        unsafe { ffi::run_json(op, out_json) }
    })
}

/// A card expiry, checked against a given instant.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::card::wc_card_expiry;
/// use walletcare_ffi::types::wc_date;
/// let e = wc_card_expiry { year: 2028, month: 2, expired: false,
///     last_valid_day: wc_date { year: 2028, month: 2, day: 29 } };
/// assert!(!e.expired);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct wc_card_expiry {
    /// The four-digit year.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// Whether the card is expired at the instant given (it is valid through
    /// the last day of its month, UTC).
    pub expired: bool,
    /// The last day the card is valid.
    pub last_valid_day: wc_date,
}

/// Parses a card expiry (`MM/YY` or `MM/YYYY`) and tells whether it has
/// passed at `now` (Unix seconds). An expired card is not an error here:
/// `out->expired` says so.
///
/// Returns `WC_CARD_INVALID_EXPIRY` for a malformed expiry, a month outside
/// 01-12 or a year outside 2000-2099.
///
/// # Safety
///
/// `expiry` must point to `expiry_len` readable bytes; `out` must be valid
/// for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::card::{wc_card_expiry, wc_card_expiry_check};
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::wc_status;
/// let text = "02/28";
/// let mut out = wc_card_expiry { year: 0, month: 0, expired: true, last_valid_day: wc_date::default() };
/// // 2028-03-01T00:00:00Z: the first instant after February 2028.
/// let rc = unsafe { wc_card_expiry_check(text.as_ptr().cast(), text.len(), 1_835_481_600, &mut out) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert_eq!((out.year, out.month, out.expired), (2028, 2, true));
/// assert_eq!(out.last_valid_day, wc_date { year: 2028, month: 2, day: 29 });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_card_expiry_check(
    expiry: *const c_char,
    expiry_len: usize,
    now: i64,
    out: *mut wc_card_expiry,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let expiry = unsafe { ffi::text(expiry, expiry_len, "expiry") }?.to_owned();
        let now = ffi::instant_arg(now, "now")?;
        let check = api(CheckExpiry { expiry, now }.run())?;
        let value = wc_card_expiry {
            year: check.year,
            month: check.month,
            expired: check.expired,
            last_valid_day: wc_date::from_core(check.last_valid_day),
        };
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, value, "out") }
    })
}
