//! Support tickets: ticket numbers (generation and validation), the ticket
//! lifecycle and its SLA clocks on a business calendar.
//!
//! A `wc_ticket` is mutable state and **not thread-safe**: use one ticket
//! from one thread at a time. Every call that returns an error leaves the
//! ticket unchanged. Persist a ticket with [`wc_ticket_to_json`] and load it
//! back with [`wc_ticket_from_json`].

use std::ffi::c_char;

use walletcare_api::ops::{Command, Operation};
use walletcare_api::ticket::{Apply, NewTicket, Number, NumberAt, ParseNumber, Sla};
use walletcare_core::ticket::Ticket;

use crate::calendar::{calendar, wc_calendar};
use crate::ffi::{self, Handle, api, guard, handle_export, json_export};
use crate::status::wc_status;
use crate::types::wc_date;

/// A support ticket (opaque): its number, rules and checked history. Create
/// it with [`wc_ticket_new`] or [`wc_ticket_from_json`], free it with
/// [`wc_ticket_free`]. Not thread-safe.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::ticket::{wc_ticket, wc_ticket_free};
/// let ticket: *mut wc_ticket = std::ptr::null_mut();
/// unsafe { wc_ticket_free(ticket) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct wc_ticket {
    _private: [u8; 0],
}

impl Handle for Ticket {
    type Opaque = wc_ticket;
    const TAG: u64 = 0x7763_5f74_6b74_0001; // "wc_tkt" 1
}

/// The parts of a valid ticket number.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::ticket::wc_ticket_number;
/// use walletcare_ffi::types::wc_date;
/// let n = wc_ticket_number { prefix: *b"WC\0\0\0", date: wc_date { year: 2026, month: 11, day: 21 },
///     sequence: 123, check_digit: 7 };
/// assert_eq!(n.check_digit, 7);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct wc_ticket_number {
    /// The prefix (2 to 4 upper-case ASCII letters), NUL-terminated.
    pub prefix: [u8; 5],
    /// The local creation date.
    pub date: wc_date,
    /// The daily sequence number.
    pub sequence: u32,
    /// The Damm check digit, 0 to 9.
    pub check_digit: u8,
}

/// Generates the ticket number of the `sequence`-th ticket of `date` (the
/// wallet's local date), e.g. `WC-20261121-000123-7`, into `buf` (with a
/// NUL). `prefix` is 2 to 4 ASCII letters, or NULL for `WC`.
///
/// The size needed, NUL included, is written to `*out_len` (may be NULL),
/// also when `buf_len` is too small (`WC_BUFFER_TOO_SMALL`); 32 bytes are
/// always enough. Errors: `WC_TICKET_INVALID_NUMBER` for a sequence above
/// 999 999 999, a year outside 1-9999 or a bad prefix.
///
/// # Safety
///
/// `prefix` must be NULL or a NUL-terminated string; `buf` valid for
/// `buf_len` bytes of writes; `out_len` NULL or valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::ticket::wc_ticket_number_new;
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::wc_status;
/// let mut buf = [0 as std::ffi::c_char; 32];
/// let mut len = 0usize;
/// let date = wc_date { year: 2026, month: 11, day: 21 };
/// let rc = unsafe { wc_ticket_number_new(date, 123, std::ptr::null(), buf.as_mut_ptr(), buf.len(), &mut len) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert_eq!(unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }.to_str()?, "WC-20261121-000123-7");
/// assert_eq!(len, 21);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_ticket_number_new(
    date: wc_date,
    sequence: u64,
    prefix: *const c_char,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> wc_status {
    guard(|| {
        let input = Number {
            date: date.to_core("date")?,
            sequence,
            // SAFETY: per the contract.
            prefix: unsafe { ffi::optional_text(prefix, "prefix") }?,
        };
        let number = api(input.run())?;
        // SAFETY: per the contract.
        unsafe { ffi::write_buffer(buf, buf_len, out_len, &number) }
    })
}

/// Generates the ticket number for a ticket created at `at` (Unix seconds),
/// dated in the calendar's time zone (`Asia/Jakarta` for `"ID"`), with the
/// `WC` prefix. Buffer rules as [`wc_ticket_number_new`].
///
/// # Safety
///
/// `cal` must be NULL or a live calendar handle; `buf` valid for `buf_len`
/// bytes of writes; `out_len` NULL or valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::{wc_calendar_builtin, wc_calendar_free};
/// use walletcare_ffi::ticket::wc_ticket_number_for_instant;
/// use walletcare_ffi::wc_status;
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) };
/// let mut buf = [0 as std::ffi::c_char; 32];
/// // 2026-11-20 20:00 UTC is already 21 November in Jakarta.
/// let rc = unsafe { wc_ticket_number_for_instant(cal, 1_795_204_800, 123, buf.as_mut_ptr(), buf.len(), std::ptr::null_mut()) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert_eq!(unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }.to_str()?, "WC-20261121-000123-7");
/// unsafe { wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_ticket_number_for_instant(
    cal: *const wc_calendar,
    at: i64,
    sequence: u64,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> wc_status {
    guard(|| {
        let input = NumberAt {
            // SAFETY: per the contract.
            calendar: unsafe { calendar(cal) }?.clone().into(),
            at: ffi::instant_arg(at, "at")?,
            sequence,
        };
        let number = api(input.run())?;
        // SAFETY: per the contract.
        unsafe { ffi::write_buffer(buf, buf_len, out_len, &number) }
    })
}

/// Validates a ticket number a user typed (surrounding spaces and the case
/// of the prefix are forgiven) and writes its parts to `*out`.
///
/// Returns `WC_TICKET_INVALID_NUMBER` for a malformed number or a wrong
/// check digit (the Damm digit catches every single-digit typo and every
/// swap of adjacent digits); `wc_last_error` names the part and position.
///
/// # Safety
///
/// `text` must point to `text_len` readable bytes; `out` valid for one
/// write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::ticket::{wc_ticket_number, wc_ticket_number_check};
/// use walletcare_ffi::types::wc_date;
/// use walletcare_ffi::wc_status;
/// let mut out = wc_ticket_number { prefix: [0; 5], date: wc_date::default(), sequence: 0, check_digit: 0 };
/// let good = " wc-20261121-000123-7 ";
/// assert_eq!(unsafe { wc_ticket_number_check(good.as_ptr().cast(), good.len(), &mut out) }, wc_status::WC_OK);
/// assert_eq!((out.sequence, out.check_digit, &out.prefix[..3]), (123, 7, &b"WC\0"[..]));
/// let swapped = "WC-20261121-000132-7";
/// assert_eq!(unsafe { wc_ticket_number_check(swapped.as_ptr().cast(), swapped.len(), &mut out) },
///     wc_status::WC_TICKET_INVALID_NUMBER);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_ticket_number_check(
    text: *const c_char,
    text_len: usize,
    out: *mut wc_ticket_number,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        let input = ParseNumber {
            // SAFETY: per the contract.
            text: unsafe { ffi::text(text, text_len, "text") }?.to_owned(),
        };
        let parts = api(input.run())?;
        let mut prefix = [0u8; 5];
        for (slot, byte) in prefix.iter_mut().zip(parts.prefix.bytes().take(4)) {
            *slot = byte;
        }
        let value = wc_ticket_number {
            prefix,
            date: wc_date::from_core(parts.date),
            sequence: parts.sequence,
            check_digit: parts.check_digit,
        };
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, value, "out") }
    })
}

/// Opens a new ticket: `number` (text, validated), the `channel`
/// (`hotline`, `chat`, `email`, `social`, `in_app`, `web_form`), the
/// `category` (`account_access`, `account_security`, `payment_failure`,
/// `refund`, `bank_card`, `technical`, `complaint`, `feedback`,
/// `general_inquiry`), the `priority` (`low`, `normal`, `high`, `urgent`) or
/// NULL for the category's default, and `created_at` (Unix seconds). The
/// default lifecycle rules apply (reopen within 7 days, review within 14).
///
/// Returns `WC_TICKET_INVALID_NUMBER`, or `WC_GENERAL_UNKNOWN_VALUE` for an
/// unknown channel, category or priority.
///
/// # Safety
///
/// `number` must point to `number_len` readable bytes; `channel` and
/// `category` must be NUL-terminated strings, `priority` NULL or one; `out`
/// valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::ticket::{wc_ticket_free, wc_ticket_new};
/// use walletcare_ffi::wc_status;
/// let number = "WC-20261121-000123-7";
/// let mut ticket = std::ptr::null_mut();
/// let rc = unsafe { wc_ticket_new(number.as_ptr().cast(), number.len(), c"chat".as_ptr(),
///     c"refund".as_ptr(), std::ptr::null(), 1_795_230_000, &mut ticket) };
/// assert_eq!(rc, wc_status::WC_OK);
/// unsafe { wc_ticket_free(ticket) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_ticket_new(
    number: *const c_char,
    number_len: usize,
    channel: *const c_char,
    category: *const c_char,
    priority: *const c_char,
    created_at: i64,
    out: *mut *mut wc_ticket,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        handle_export(out, || {
            let input = NewTicket {
                number: api(walletcare_api::arg::code(
                    ffi::text(number, number_len, "number")?,
                    "number",
                ))?,
                channel: api(walletcare_api::arg::code(
                    ffi::code(channel, "channel")?,
                    "channel",
                ))?,
                category: api(walletcare_api::arg::code(
                    ffi::code(category, "category")?,
                    "category",
                ))?,
                priority: ffi::optional_code_arg(priority, "priority")?,
                rules: None,
                created_at: ffi::instant_arg(created_at, "created_at")?,
            };
            api(input.run())
        })
    }
}

/// Loads a ticket from the JSON [`wc_ticket_to_json`] wrote
/// (`{"number":"WC-...","rules":{...},"events":[...]}`), replaying and
/// checking every event. An invalid history gives the first invalid event's
/// status (e.g. `WC_TICKET_INVALID_TRANSITION`); malformed JSON gives
/// `WC_GENERAL_INVALID_JSON`.
///
/// # Safety
///
/// `json` must point to `json_len` readable bytes; `out` valid for one
/// write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::ticket::{wc_ticket_free, wc_ticket_from_json};
/// use walletcare_ffi::wc_status;
/// let json = r#"{"number":"WC-20261121-000123-7","events":[{"at":"2026-11-21T03:00:00Z","action":{"kind":"create","channel":"email","category":"refund","priority":"normal"}}]}"#;
/// let mut ticket = std::ptr::null_mut();
/// assert_eq!(unsafe { wc_ticket_from_json(json.as_ptr().cast(), json.len(), &mut ticket) }, wc_status::WC_OK);
/// unsafe { wc_ticket_free(ticket) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_ticket_from_json(
    json: *const c_char,
    json_len: usize,
    out: *mut *mut wc_ticket,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe { handle_export(out, || ffi::json_arg::<Ticket>(json, json_len, "ticket")) }
}

/// Writes the ticket's JSON form (number, rules, every event) to
/// `*out_json`; free it with `wc_string_free`.
///
/// # Safety
///
/// `ticket` must be NULL or a live handle; `out_json` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::ticket::*;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let number = "WC-20261121-000123-7";
/// let mut ticket = std::ptr::null_mut();
/// unsafe { wc_ticket_new(number.as_ptr().cast(), number.len(), c"chat".as_ptr(),
///     c"refund".as_ptr(), std::ptr::null(), 1_795_230_000, &mut ticket) };
/// let mut json = std::ptr::null_mut();
/// assert_eq!(unsafe { wc_ticket_to_json(ticket, &mut json) }, wc_status::WC_OK);
/// assert!(unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.contains(r#""kind":"create""#));
/// unsafe { wc_string_free(json); wc_ticket_free(ticket) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_ticket_to_json(
    ticket: *const wc_ticket,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe { json_export(out_json, || Ticket::borrow(ticket, "ticket")) }
}

/// Frees a ticket. Accepts NULL; call once per ticket.
///
/// # Safety
///
/// `ticket` must be NULL or a live ticket handle.
///
/// # Examples
///
/// ```
/// unsafe { walletcare_ffi::ticket::wc_ticket_free(std::ptr::null_mut()) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_ticket_free(ticket: *mut wc_ticket) {
    // SAFETY: per the contract.
    unsafe { Ticket::free(ticket) }
}

/// Applies an action to a ticket at `at` (Unix seconds, not before its last
/// event) and writes where it stands as JSON to `*out_json` (free it with
/// `wc_string_free`): `{"status":"open","text":"In progress","priority":"normal","escalation":"agent"}`,
/// the text in `locale`.
///
/// `action_json` is the core's `Action`, tagged by `kind`: `{"kind":"open"}`,
/// `{"kind":"respond"}`, `{"kind":"customer_reply"}`,
/// `{"kind":"await_customer"}`, `{"kind":"await_third_party"}`,
/// `{"kind":"resume"}`, `{"kind":"resolve"}`, `{"kind":"reopen"}`,
/// `{"kind":"close"}`,
/// `{"kind":"escalate","level":"supervisor","cause":"manual"}`,
/// `{"kind":"change_priority","priority":"high"}`,
/// `{"kind":"file_complaint","complaint":"informal"}`,
/// `{"kind":"request_review","reason":"..."}`,
/// `{"kind":"rate_satisfaction","score":5}`, ...
///
/// The core decides every move, a `create` action included (a ticket is
/// created once: `WC_TICKET_INVALID_TRANSITION`, as in the npm package).
///
/// Errors (the ticket is then unchanged): `WC_TICKET_INVALID_TRANSITION`,
/// `WC_TICKET_EVENT_OUT_OF_ORDER`, `WC_TICKET_WINDOW_CLOSED`,
/// `WC_TICKET_INVALID_SATISFACTION_SCORE`, `WC_TICKET_INVALID_ESCALATION`...
///
/// # Safety
///
/// `ticket` must be NULL or a live handle not used by another thread;
/// `action_json` must point to `action_len` readable bytes; `locale` a
/// NUL-terminated string; `out_json` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::ticket::*;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let number = "WC-20261121-000123-7";
/// let mut ticket = std::ptr::null_mut();
/// unsafe { wc_ticket_new(number.as_ptr().cast(), number.len(), c"chat".as_ptr(),
///     c"refund".as_ptr(), std::ptr::null(), 1_795_230_000, &mut ticket) };
/// let action = r#"{"kind":"respond"}"#;
/// let mut json = std::ptr::null_mut();
/// let rc = unsafe { wc_ticket_apply(ticket, 1_795_230_060, action.as_ptr().cast(), action.len(), c"en".as_ptr(), &mut json) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert!(unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.contains(r#""status":"open""#));
/// unsafe { wc_string_free(json) };
/// let close = r#"{"kind":"close"}"#;
/// let rc = unsafe { wc_ticket_apply(ticket, 1_795_230_120, close.as_ptr().cast(), close.len(), c"en".as_ptr(), &mut json) };
/// assert_eq!(rc, wc_status::WC_TICKET_INVALID_TRANSITION);
/// unsafe { wc_ticket_free(ticket) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_ticket_apply(
    ticket: *mut wc_ticket,
    at: i64,
    action_json: *const c_char,
    action_len: usize,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        json_export(out_json, || {
            let ticket = Ticket::borrow_mut(ticket, "ticket")?;
            let input = Apply {
                at: ffi::instant_arg(at, "at")?,
                action: ffi::json_arg(action_json, action_len, "action")?,
                locale: ffi::locale_arg(locale)?,
            };
            api(input.run(ticket))
        })
    }
}

/// The SLA report of a ticket at `now` (Unix seconds) on `cal`, with an
/// agent-facing explanation, as JSON in `*out_json` (free it with
/// `wc_string_free`): `{"report":{...the core's SlaReport...},"explanation":"..."}`.
///
/// The report has the status, priority, whether the clocks are paused, the
/// three clocks (`first_response`, `next_response`, `resolution`, each with
/// `target`, `elapsed_seconds` and `status`: `on_track`, `due_soon`,
/// `paused`, `met`, `breached` or `not_running`), the regulatory clocks of
/// formal complaints and the effective escalation level.
/// `policy_json` is the core's `SlaPolicy` or NULL for the default.
///
/// Errors: `WC_TICKET_INVALID_SLA_POLICY` (a policy out of range),
/// `WC_GENERAL_INVALID_JSON` or `WC_GENERAL_INVALID_ARGUMENT` (a policy
/// that is not JSON or misses a field), `WC_CALENDAR_NOT_COVERED`, and
/// `WC_GENERAL_INVALID_ARGUMENT` when `now` is before the ticket's creation.
///
/// # Safety
///
/// `ticket` must be NULL or a live ticket handle; `policy_json` NULL or
/// point to `policy_len` readable bytes; `cal` NULL or a live calendar
/// handle; `locale` a NUL-terminated string; `out_json` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::calendar::{wc_calendar_builtin, wc_calendar_free};
/// use walletcare_ffi::ticket::*;
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let mut cal = std::ptr::null_mut();
/// unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut cal) };
/// let number = "WC-20261123-000001-3";
/// let mut ticket = std::ptr::null_mut();
/// // Monday 2026-11-23 09:00 WIB, by email.
/// let rc = unsafe { wc_ticket_new(number.as_ptr().cast(), number.len(), c"email".as_ptr(),
///     c"refund".as_ptr(), std::ptr::null(), 1_795_399_200, &mut ticket) };
/// assert_eq!(rc, wc_status::WC_OK);
/// let mut json = std::ptr::null_mut();
/// let rc = unsafe { wc_ticket_sla(ticket, 1_795_401_000, std::ptr::null(), 0, cal, c"en".as_ptr(), &mut json) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert!(unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.contains("First response: on track"));
/// unsafe { wc_string_free(json); wc_ticket_free(ticket); wc_calendar_free(cal) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_ticket_sla(
    ticket: *const wc_ticket,
    now: i64,
    policy_json: *const c_char,
    policy_len: usize,
    cal: *const wc_calendar,
    locale: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        json_export(out_json, || {
            let ticket = Ticket::borrow_mut(ticket.cast_mut(), "ticket")?;
            let input = Sla {
                now: ffi::instant_arg(now, "now")?,
                policy: ffi::optional_json(policy_json, policy_len, "policy")?,
                calendar: calendar(cal)?.clone().into(),
                locale: ffi::locale_arg(locale)?,
            };
            api(input.run(ticket))
        })
    }
}
