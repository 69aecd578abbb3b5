//! Refunds: the refund book of one captured payment (eligibility, submit,
//! lifecycle moves), and the refund SLA on a business calendar (due date,
//! status and an explanation naming the holidays skipped).
//!
//! A `wc_refund_book` is mutable state and **not thread-safe**: use one
//! book from one thread at a time (or guard it with your own lock). Every
//! call that returns an error leaves the book unchanged. Persist a book with
//! [`wc_refund_book_to_json`] and load it back with
//! [`wc_refund_book_from_json`].

use std::ffi::c_char;

use walletcare_api::ops::{Command, Operation};
use walletcare_api::refund::{Apply, BookDue, Check, Due, DueStatus, Get, NewBook, Submit};
use walletcare_core::refund::{RefundBook, RefundId};

use crate::calendar::{calendar, wc_calendar};
use crate::ffi::{self, Handle, api, handle_export, json_export};
use crate::status::wc_status;

/// The refunds of one captured payment (opaque). Create it with
/// [`wc_refund_book_new`] or [`wc_refund_book_from_json`], free it with
/// [`wc_refund_book_free`]. Not thread-safe.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::refund::{wc_refund_book, wc_refund_book_free};
/// let book: *mut wc_refund_book = std::ptr::null_mut();
/// unsafe { wc_refund_book_free(book) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct wc_refund_book {
    _private: [u8; 0],
}

impl Handle for RefundBook {
    type Opaque = wc_refund_book;
    const TAG: u64 = 0x7763_5f72_6566_0001; // "wc_ref" 1
}

/// Creates an empty refund book for a captured payment.
///
/// `payment_json` is the core's `CapturedPayment`:
/// `{"transaction_id":"TX-1","order_number":"ORD-1","amount":{"minor":15000000,"currency":"IDR"},
/// "paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}}`;
/// `policy_json` the merchant's `RefundPolicy` (only the fields that differ
/// from the defaults: 30-day window, partial refunds, at most 5 refunds,
/// evidence for `not_as_described` and `unauthorised`, 14-day appeals, 5
/// payout attempts) or NULL for the default.
///
/// Returns `WC_MONEY_NON_POSITIVE_AMOUNT` for a captured amount that is
/// not positive, `WC_GENERAL_INVALID_ARGUMENT` for a policy out of range
/// (checked as the policy is read) or a missing field (named, e.g.
/// `payment.method.bank is required`).
///
/// # Safety
///
/// `payment_json` must point to `payment_len` readable bytes; `policy_json`
/// NULL or point to `policy_len` readable bytes; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::refund::{wc_refund_book_free, wc_refund_book_new};
/// use walletcare_ffi::wc_status;
/// let payment = r#"{"transaction_id":"TX-1","order_number":"ORD-1","amount":{"minor":15000000,"currency":"IDR"},"paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}}"#;
/// let mut book = std::ptr::null_mut();
/// let rc = unsafe { wc_refund_book_new(payment.as_ptr().cast(), payment.len(), std::ptr::null(), 0, &mut book) };
/// assert_eq!(rc, wc_status::WC_OK);
/// unsafe { wc_refund_book_free(book) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_refund_book_new(
    payment_json: *const c_char,
    payment_len: usize,
    policy_json: *const c_char,
    policy_len: usize,
    out: *mut *mut wc_refund_book,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        handle_export(out, || {
            let input = NewBook {
                payment: ffi::json_arg(payment_json, payment_len, "payment")?,
                policy: ffi::optional_json(policy_json, policy_len, "policy")?,
            };
            api(input.run())
        })
    }
}

/// Loads a refund book from the JSON [`wc_refund_book_to_json`] wrote
/// (`{"payment":{...},"policy":{...},"refunds":[...]}`). The book's rules
/// are checked on load; a book that breaks them gives
/// `WC_GENERAL_INVALID_JSON` (or `WC_REFUND_EXCEEDS_CAPTURED`), a missing
/// field `WC_GENERAL_INVALID_ARGUMENT` naming it.
///
/// # Safety
///
/// `json` must point to `json_len` readable bytes; `out` valid for one
/// write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::refund::wc_refund_book_from_json;
/// use walletcare_ffi::wc_status;
/// let mut book = std::ptr::null_mut();
/// let rc = unsafe { wc_refund_book_from_json(c"{}".as_ptr(), 2, &mut book) };
/// assert_eq!(rc, wc_status::WC_GENERAL_INVALID_ARGUMENT); // book.payment is required
/// assert!(book.is_null());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_refund_book_from_json(
    json: *const c_char,
    json_len: usize,
    out: *mut *mut wc_refund_book,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe { handle_export(out, || ffi::json_arg::<RefundBook>(json, json_len, "book")) }
}

/// Writes the book's JSON form (payment, policy, every refund with its
/// history) to `*out_json`; free it with `wc_string_free`.
///
/// # Safety
///
/// `book` must be NULL or a live handle; `out_json` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::refund::*;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let payment = r#"{"transaction_id":"TX-1","order_number":"ORD-1","amount":{"minor":100,"currency":"IDR"},"paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}}"#;
/// let mut book = std::ptr::null_mut();
/// unsafe { wc_refund_book_new(payment.as_ptr().cast(), payment.len(), std::ptr::null(), 0, &mut book) };
/// let mut json = std::ptr::null_mut();
/// assert_eq!(unsafe { wc_refund_book_to_json(book, &mut json) }, wc_status::WC_OK);
/// assert!(unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.contains(r#""refunds":[]"#));
/// unsafe { wc_string_free(json); wc_refund_book_free(book) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_refund_book_to_json(
    book: *const wc_refund_book,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe { json_export(out_json, || RefundBook::borrow(book, "book")) }
}

/// Frees a refund book. Accepts NULL; call once per book.
///
/// # Safety
///
/// `book` must be NULL or a live refund book handle.
///
/// # Examples
///
/// ```
/// unsafe { walletcare_ffi::refund::wc_refund_book_free(std::ptr::null_mut()) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_refund_book_free(book: *mut wc_refund_book) {
    // SAFETY: per the contract.
    unsafe { RefundBook::free(book) }
}

/// Checks whether a refund request is eligible now, without submitting it,
/// and writes the verdict as JSON to `*out_json` (free it with
/// `wc_string_free`).
///
/// `request_json` is the core's `RefundRequest`:
/// `{"order_number":"ORD-1","transaction_id":"TX-1","paid_at":"2026-12-01T03:00:00Z",
/// "amount":{"type":"full"},"reason":"not_received"}` (optional:
/// `delivered_at`, `detail`, `evidence`, `destination`; a partial amount is
/// `{"type":"partial","amount":{"minor":500000,"currency":"IDR"}}`).
///
/// Output: the core's `Eligibility` plus the rendered problems:
/// `{"eligible":false,"problems":[{"problem":"window_closed",...}],"auto_approve":false,
/// "amount":{...},"destination":{...},"messages":["..."]}`; `messages[i]`
/// renders `problems[i]` in `locale`. Every problem is listed, not only the
/// first.
///
/// # Safety
///
/// `book` must be NULL or a live handle; `request_json` must point to
/// `request_len` readable bytes; `locale` a NUL-terminated string;
/// `out_json` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::refund::*;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let payment = r#"{"transaction_id":"TX-1","order_number":"ORD-1","amount":{"minor":100,"currency":"IDR"},"paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}}"#;
/// let request = r#"{"order_number":"ORD-1","transaction_id":"TX-1","paid_at":"2026-12-01T03:00:00Z","amount":{"type":"full"},"reason":"not_received"}"#;
/// let mut book = std::ptr::null_mut();
/// unsafe { wc_refund_book_new(payment.as_ptr().cast(), payment.len(), std::ptr::null(), 0, &mut book) };
/// let mut json = std::ptr::null_mut();
/// // 2027-02-01: more than 30 days after the payment.
/// let rc = unsafe { wc_refund_book_check(book, request.as_ptr().cast(), request.len(), 1_801_440_000, c"en".as_ptr(), &mut json) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert!(unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.contains("window_closed"));
/// unsafe { wc_string_free(json); wc_refund_book_free(book) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_refund_book_check(
    book: *const wc_refund_book,
    request_json: *const c_char,
    request_len: usize,
    now: i64,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        json_export(out_json, || {
            let book = RefundBook::borrow_mut(book.cast_mut(), "book")?;
            let input = Check {
                request: ffi::json_arg(request_json, request_len, "request")?,
                now: ffi::instant_arg(now, "now")?,
                locale: ffi::locale_arg(locale)?,
            };
            api(input.run(book))
        })
    }
}

/// Submits a refund request under an idempotency key and writes the
/// outcome as JSON to `*out_json` (free it with `wc_string_free`):
/// `{"id":1,"status":"submitted","auto_approved":false,"replayed":false}`.
///
/// Submitting again with the same key and the same request returns the
/// same refund (`"replayed":true`, nothing new); with a different request it
/// fails with `WC_REFUND_IDEMPOTENCY_CONFLICT`. An ineligible request fails
/// with `WC_REFUND_NOT_ELIGIBLE` (use [`wc_refund_book_check`] to show why).
/// On any error the book is unchanged.
///
/// # Safety
///
/// `book` must be NULL or a live handle not used by another thread;
/// `key` must point to `key_len` readable bytes and `request_json` to
/// `request_len`; `out_json` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::refund::*;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let payment = r#"{"transaction_id":"TX-1","order_number":"ORD-1","amount":{"minor":100,"currency":"IDR"},"paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}}"#;
/// let request = r#"{"order_number":"ORD-1","transaction_id":"TX-1","paid_at":"2026-12-01T03:00:00Z","amount":{"type":"full"},"reason":"not_received"}"#;
/// let mut book = std::ptr::null_mut();
/// unsafe { wc_refund_book_new(payment.as_ptr().cast(), payment.len(), std::ptr::null(), 0, &mut book) };
/// let key = "app-7f3a";
/// let mut json = std::ptr::null_mut();
/// let rc = unsafe { wc_refund_book_submit(book, key.as_ptr().cast(), key.len(), request.as_ptr().cast(), request.len(), 1_796_180_400, &mut json) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert!(unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.contains(r#""id":1"#));
/// unsafe { wc_string_free(json); wc_refund_book_free(book) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_refund_book_submit(
    book: *mut wc_refund_book,
    key: *const c_char,
    key_len: usize,
    request_json: *const c_char,
    request_len: usize,
    now: i64,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        json_export(out_json, || {
            let book = RefundBook::borrow_mut(book, "book")?;
            let input = Submit {
                key: ffi::text(key, key_len, "key")?.parse()?,
                request: ffi::json_arg(request_json, request_len, "request")?,
                now: ffi::instant_arg(now, "now")?,
            };
            api(input.run(book))
        })
    }
}

/// Moves a refund through its lifecycle and writes its new status as JSON
/// to `*out_json` (free it with `wc_string_free`):
/// `{"status":"approved","text":"Approved"}`, the text in `locale`.
///
/// `action_json` is the core's `RefundAction`, tagged by `action`:
/// `{"action":"start_review"}`, `{"action":"approve"}`,
/// `{"action":"reject","reason":"insufficient_evidence"}`,
/// `{"action":"cancel"}`, `{"action":"start_processing"}`,
/// `{"action":"complete"}`, `{"action":"fail","reason":"bank_rejected"}`,
/// `{"action":"retry"}`, `{"action":"appeal","statement":"..."}`,
/// `{"action":"start_second_review"}`.
///
/// Errors (the book is then unchanged): `WC_REFUND_NOT_FOUND`,
/// `WC_REFUND_INVALID_TRANSITION`, `WC_REFUND_APPEAL_WINDOW_CLOSED`,
/// `WC_REFUND_RETRY_LIMIT_REACHED`, `WC_REFUND_EXCEEDS_CAPTURED`,
/// `WC_REFUND_CLOCK_WENT_BACKWARDS` (`now` before the refund's last move).
///
/// # Safety
///
/// `book` must be NULL or a live handle not used by another thread;
/// `action_json` must point to `action_len` readable bytes; `locale` a
/// NUL-terminated string; `out_json` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::refund::*;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let payment = r#"{"transaction_id":"TX-1","order_number":"ORD-1","amount":{"minor":100,"currency":"IDR"},"paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}}"#;
/// let request = r#"{"order_number":"ORD-1","transaction_id":"TX-1","paid_at":"2026-12-01T03:00:00Z","amount":{"type":"full"},"reason":"not_received"}"#;
/// let mut book = std::ptr::null_mut();
/// unsafe { wc_refund_book_new(payment.as_ptr().cast(), payment.len(), std::ptr::null(), 0, &mut book) };
/// let (key, now) = ("k1", 1_796_180_400);
/// let mut json = std::ptr::null_mut();
/// unsafe { wc_refund_book_submit(book, key.as_ptr().cast(), key.len(), request.as_ptr().cast(), request.len(), now, &mut json) };
/// unsafe { wc_string_free(json) };
/// let action = r#"{"action":"start_review"}"#;
/// let rc = unsafe { wc_refund_book_apply(book, 1, action.as_ptr().cast(), action.len(), now, c"id".as_ptr(), &mut json) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert_eq!(unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?, r#"{"status":"under_review","text":"Sedang ditinjau"}"#);
/// unsafe { wc_string_free(json) };
/// let complete = r#"{"action":"complete"}"#;
/// let rc = unsafe { wc_refund_book_apply(book, 1, complete.as_ptr().cast(), complete.len(), now, c"id".as_ptr(), &mut json) };
/// assert_eq!(rc, wc_status::WC_REFUND_INVALID_TRANSITION);
/// unsafe { wc_refund_book_free(book) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_refund_book_apply(
    book: *mut wc_refund_book,
    refund_id: u32,
    action_json: *const c_char,
    action_len: usize,
    now: i64,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        json_export(out_json, || {
            let book = RefundBook::borrow_mut(book, "book")?;
            let input = Apply {
                id: RefundId::new(refund_id),
                action: ffi::json_arg(action_json, action_len, "action")?,
                now: ffi::instant_arg(now, "now")?,
                locale: ffi::locale_arg(locale)?,
            };
            api(input.run(book))
        })
    }
}

/// Writes one refund of the book as JSON to `*out_json` (free it with
/// `wc_string_free`): `{"refund":{...the core's Refund, with its history...},
/// "status_text":"Under review"}`, the text in `locale`.
///
/// Returns `WC_REFUND_NOT_FOUND` for an unknown id.
///
/// # Safety
///
/// `book` must be NULL or a live handle; `locale` a NUL-terminated string;
/// `out_json` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::refund::*;
/// use walletcare_ffi::wc_status;
/// let payment = r#"{"transaction_id":"TX-1","order_number":"ORD-1","amount":{"minor":100,"currency":"IDR"},"paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}}"#;
/// let mut book = std::ptr::null_mut();
/// unsafe { wc_refund_book_new(payment.as_ptr().cast(), payment.len(), std::ptr::null(), 0, &mut book) };
/// let mut json = std::ptr::null_mut();
/// assert_eq!(unsafe { wc_refund_book_get(book, 7, c"en".as_ptr(), &mut json) }, wc_status::WC_REFUND_NOT_FOUND);
/// unsafe { wc_refund_book_free(book) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_refund_book_get(
    book: *const wc_refund_book,
    refund_id: u32,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        json_export(out_json, || {
            let book = RefundBook::borrow_mut(book.cast_mut(), "book")?;
            let input = Get {
                id: RefundId::new(refund_id),
                locale: ffi::locale_arg(locale)?,
            };
            api(input.run(book))
        })
    }
}

/// When a refund approved at `approved_at` (Unix seconds) to `destination`
/// is due, counted in business days on `cal`, with an explanation naming
/// the weekends and holidays skipped, as JSON in `*out_json` (free it with
/// `wc_string_free`): `{"due":{...the core's RefundDue...},"explanation":"..."}`.
///
/// `due` holds `start_date`, `due_date`, `due_at` (the end of the due date
/// in the calendar's zone), `due_soon_at`, `skipped` and `estimated` (true
/// when a year involved has estimated holidays). `sla_policy_json` is the
/// core's `RefundSlaPolicy` (defaults: wallet balance 0 business days, BCA
/// and BRI cards 7, other cards 14, bank transfer 3, due soon within 24
/// hours) or NULL; `destination_json` a `RefundDestination`
/// (`{"type":"wallet_balance"}`, `{"type":"card","bank":"BCA","last4":"1234"}`,
/// `{"type":"bank_transfer","bank":"BNI","account_last4":"9876"}`).
///
/// Returns `WC_CALENDAR_NOT_COVERED` when the calendar has no data for a
/// year involved.
///
/// # Safety
///
/// `cal` must be NULL or a live calendar handle; `sla_policy_json` NULL or
/// point to `sla_policy_len` readable bytes; `destination_json` point to
/// `destination_len` readable bytes; `locale` a NUL-terminated string;
/// `out_json` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::{wc_calendar_builtin, wc_calendar_free};
/// use walletcare_ffi::refund::wc_refund_sla_due;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) };
/// let card = r#"{"type":"card","bank":"BCA","last4":"1234"}"#;
/// let mut json = std::ptr::null_mut();
/// // Monday 4 March 2024, 10:00 WIB: 7 business days skip Nyepi and its cuti bersama.
/// let rc = unsafe { wc_refund_sla_due(cal, std::ptr::null(), 0, 1_709_521_200, card.as_ptr().cast(), card.len(), c"en".as_ptr(), &mut json) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert!(unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.contains(r#""due_date":"2024-03-15""#));
/// unsafe { wc_string_free(json); wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_refund_sla_due(
    cal: *const wc_calendar,
    sla_policy_json: *const c_char,
    sla_policy_len: usize,
    approved_at: i64,
    destination_json: *const c_char,
    destination_len: usize,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        json_export(out_json, || {
            let input = Due {
                calendar: calendar(cal)?.clone().into(),
                policy: ffi::optional_json(sla_policy_json, sla_policy_len, "policy")?,
                approved_at: ffi::instant_arg(approved_at, "approved_at")?,
                destination: ffi::json_arg(destination_json, destination_len, "destination")?,
                locale: ffi::locale_arg(locale)?,
            };
            api(input.run())
        })
    }
}

/// The SLA of a refund in the book, from its latest approval, as JSON in
/// `*out_json` (free it with `wc_string_free`): as [`wc_refund_sla_due`],
/// or `{"due":null,"explanation":null}` when the refund was never approved.
///
/// # Safety
///
/// `book` must be NULL or a live refund book handle; `cal` NULL or a live
/// calendar handle; `sla_policy_json` NULL or point to `sla_policy_len`
/// readable bytes; `locale` a NUL-terminated string; `out_json` valid for
/// one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::{wc_calendar_builtin, wc_calendar_free};
/// use walletcare_ffi::refund::*;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let payment = r#"{"transaction_id":"TX-1","order_number":"ORD-1","amount":{"minor":100,"currency":"IDR"},"paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}}"#;
/// let mut book = std::ptr::null_mut();
/// unsafe { wc_refund_book_new(payment.as_ptr().cast(), payment.len(), std::ptr::null(), 0, &mut book) };
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) };
/// let mut json = std::ptr::null_mut();
/// let rc = unsafe { wc_refund_book_due(book, 1, cal, std::ptr::null(), 0, c"en".as_ptr(), &mut json) };
/// assert_eq!(rc, wc_status::WC_REFUND_NOT_FOUND);
/// unsafe { wc_refund_book_free(book); wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_refund_book_due(
    book: *const wc_refund_book,
    refund_id: u32,
    cal: *const wc_calendar,
    sla_policy_json: *const c_char,
    sla_policy_len: usize,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        json_export(out_json, || {
            let book = RefundBook::borrow_mut(book.cast_mut(), "book")?;
            let input = BookDue {
                id: RefundId::new(refund_id),
                calendar: calendar(cal)?.clone().into(),
                policy: ffi::optional_json(sla_policy_json, sla_policy_len, "policy")?,
                locale: ffi::locale_arg(locale)?,
                now: None,
            };
            api(input.run(book))
        })
    }
}

/// Where a refund stands against its SLA at `now` (Unix seconds), as JSON
/// in `*out_json` (free it with `wc_string_free`):
/// `{"status":{"state":"due_soon","remaining_seconds":3600},"text":"Due soon: 1 hour left"}`.
///
/// `due_json` is the `due` object of [`wc_refund_sla_due`]'s output (the
/// core's `RefundDue`); `completed_at` points to the completion instant
/// (Unix seconds) or is NULL when the refund is not completed. States:
/// `on_track`, `due_soon`, `breached`, `completed_on_time`, `completed_late`.
///
/// # Safety
///
/// `due_json` must point to `due_len` readable bytes; `completed_at` NULL
/// or valid for one read; `locale` a NUL-terminated string; `out_json`
/// valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::refund::wc_refund_sla_status;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let due = r#"{"approved_at":"2024-03-04T03:00:00Z","time_zone":"Asia/Jakarta","cutoff":"17:00",
///   "destination":{"type":"wallet_balance"},"business_days":0,"start":"same_day",
///   "start_date":"2024-03-04","due_date":"2024-03-04","due_at":"2024-03-04T17:00:00Z",
///   "due_soon_at":"2024-03-03T17:00:00Z","skipped":[],"estimated":false}"#;
/// let mut json = std::ptr::null_mut();
/// // 2024-03-04T17:05:00Z: five minutes late.
/// let rc = unsafe { wc_refund_sla_status(due.as_ptr().cast(), due.len(), 1_709_571_900, std::ptr::null(), c"en".as_ptr(), &mut json) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert!(unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.contains(r#""overdue_seconds":300"#));
/// unsafe { wc_string_free(json) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_refund_sla_status(
    due_json: *const c_char,
    due_len: usize,
    now: i64,
    completed_at: *const i64,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        json_export(out_json, || {
            let completed_at = if completed_at.is_null() {
                None
            } else {
                Some(ffi::instant_arg(completed_at.read(), "completed_at")?)
            };
            let input = DueStatus {
                due: ffi::json_arg(due_json, due_len, "due")?,
                now: ffi::instant_arg(now, "now")?,
                completed_at,
                locale: ffi::locale_arg(locale)?,
            };
            api(input.run())
        })
    }
}
