//! The C API: every `walletcare-ffi` entry point that reads JSON or text
//! from the host, called through the crate's `extern "C"` functions exactly
//! as a C program calls them (pointer + length, out-parameters, handles).

use std::ffi::{CStr, CString, c_char};
use std::ptr;

use walletcare_ffi::account::{wc_password_check, wc_password_strength, wc_pin_check};
use walletcare_ffi::calendar::{
    wc_calendar, wc_calendar_add_business_days, wc_calendar_builtin, wc_calendar_free,
    wc_calendar_from_json, wc_calendar_non_business_days, wc_calendar_to_json,
};
use walletcare_ffi::card::{
    wc_card_expiry, wc_card_expiry_check, wc_card_problems, wc_card_validate,
};
use walletcare_ffi::money::{wc_money, wc_money_format, wc_money_parse};
use walletcare_ffi::refund::{
    wc_refund_book, wc_refund_book_apply, wc_refund_book_check, wc_refund_book_due,
    wc_refund_book_free, wc_refund_book_from_json, wc_refund_book_get, wc_refund_book_new,
    wc_refund_book_submit, wc_refund_book_to_json, wc_refund_sla_status,
};
use walletcare_ffi::ticket::{
    wc_ticket, wc_ticket_apply, wc_ticket_free, wc_ticket_from_json, wc_ticket_number,
    wc_ticket_number_check, wc_ticket_sla, wc_ticket_to_json,
};
use walletcare_ffi::transaction::wc_transaction_diagnose;
use walletcare_ffi::types::wc_date;
use walletcare_ffi::{wc_last_error, wc_status, wc_status_name, wc_string_free};

use super::common::{MAX_COMMANDS, command, lines, word};

/// Checks one call's status and its outputs: never a caught panic or an
/// internal error; a known status name; on failure a non-empty last error
/// with the same status; on success the JSON output (if any) parses.
/// Frees the output string.
fn finish(status: wc_status, out_json: *mut c_char) -> Option<serde_json::Value> {
    assert_ne!(
        status,
        wc_status::WC_PANIC,
        "a panic crossed the C boundary: {}",
        last_error().1
    );
    assert_ne!(
        status,
        wc_status::WC_INTERNAL_ERROR,
        "internal error: {}",
        last_error().1
    );
    // SAFETY: wc_status_name returns a static NUL-terminated string.
    let name = unsafe { CStr::from_ptr(wc_status_name(status as u32)) };
    assert!(!name.to_bytes().is_empty());
    let value = if status == wc_status::WC_OK {
        if out_json.is_null() {
            None
        } else {
            // SAFETY: an output string from walletcare, NUL-terminated.
            let text = unsafe { CStr::from_ptr(out_json) }.to_str();
            assert!(text.is_ok(), "an output string is not UTF-8");
            let parsed = text.ok().map(serde_json::from_str::<serde_json::Value>);
            assert!(
                matches!(parsed, Some(Ok(_))),
                "an output string is not JSON: {text:?}"
            );
            parsed.and_then(Result::ok)
        }
    } else {
        assert!(out_json.is_null(), "a failed call wrote an output string");
        let (last, message) = last_error();
        assert_eq!(last, status, "the last error's status differs: {message}");
        assert!(!message.is_empty(), "a failure without a message");
        None
    };
    // SAFETY: NULL or a string from walletcare, freed once.
    unsafe { wc_string_free(out_json) };
    value
}

/// The status and message of this thread's last failure.
fn last_error() -> (wc_status, String) {
    let mut len = 0usize;
    let mut status = wc_status::WC_OK;
    // SAFETY: a NULL buffer is allowed; out_len is valid.
    unsafe { wc_last_error(ptr::null_mut(), 0, &mut len, ptr::null_mut()) };
    let mut buf = vec![0 as c_char; len.max(1)];
    // SAFETY: buf holds `len` bytes.
    let rc = unsafe { wc_last_error(buf.as_mut_ptr(), buf.len(), &mut len, &mut status) };
    assert_eq!(rc, wc_status::WC_OK);
    // SAFETY: wc_last_error wrote a NUL-terminated string into buf.
    let message = unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned();
    (status, message)
}

/// A NUL-terminated copy of `text` (a locale or code), or `None` if it
/// holds a NUL.
fn c_string(text: &str) -> Option<CString> {
    CString::new(text).ok()
}

fn ptr_len(text: &str) -> (*const c_char, usize) {
    (text.as_ptr().cast(), text.len())
}

/// The owned handles one input works on.
struct Handles {
    calendar: *mut wc_calendar,
    book: *mut wc_refund_book,
    ticket: *mut wc_ticket,
}

impl Drop for Handles {
    fn drop(&mut self) {
        // SAFETY: each is NULL or a live handle owned here.
        unsafe {
            wc_calendar_free(self.calendar);
            wc_refund_book_free(self.book);
            wc_ticket_free(self.ticket);
        }
    }
}

/// Serialises a handle's state and checks that loading it back gives the
/// same JSON (the C round trip).
fn check_calendar(calendar: *const wc_calendar) {
    let mut json = ptr::null_mut();
    // SAFETY: a live handle and a valid out-pointer.
    let status = unsafe { wc_calendar_to_json(calendar, &mut json) };
    let text = json_text(status, json);
    let mut back = ptr::null_mut();
    let (p, n) = ptr_len(&text);
    // SAFETY: p points to n bytes.
    let status = unsafe { wc_calendar_from_json(p, n, &mut back) };
    finish(status, ptr::null_mut());
    assert_eq!(
        status,
        wc_status::WC_OK,
        "a calendar's own JSON does not load: {text}"
    );
    let mut again = ptr::null_mut();
    // SAFETY: a live handle.
    let status = unsafe { wc_calendar_to_json(back, &mut again) };
    assert_eq!(
        json_text(status, again),
        text,
        "calendar JSON is not stable"
    );
    // SAFETY: owned here.
    unsafe { wc_calendar_free(back) };
}

fn check_book(book: *const wc_refund_book) {
    let mut json = ptr::null_mut();
    // SAFETY: a live handle.
    let status = unsafe { wc_refund_book_to_json(book, &mut json) };
    let text = json_text(status, json);
    let mut back = ptr::null_mut();
    let (p, n) = ptr_len(&text);
    // SAFETY: p points to n bytes.
    let status = unsafe { wc_refund_book_from_json(p, n, &mut back) };
    finish(status, ptr::null_mut());
    assert_eq!(
        status,
        wc_status::WC_OK,
        "a refund book's own JSON does not load: {text}"
    );
    // SAFETY: owned here.
    unsafe { wc_refund_book_free(back) };
}

fn check_ticket(ticket: *const wc_ticket) {
    let mut json = ptr::null_mut();
    // SAFETY: a live handle.
    let status = unsafe { wc_ticket_to_json(ticket, &mut json) };
    let text = json_text(status, json);
    let mut back = ptr::null_mut();
    let (p, n) = ptr_len(&text);
    // SAFETY: p points to n bytes.
    let status = unsafe { wc_ticket_from_json(p, n, &mut back) };
    finish(status, ptr::null_mut());
    assert_eq!(
        status,
        wc_status::WC_OK,
        "a ticket's own JSON does not load: {text}"
    );
    // SAFETY: owned here.
    unsafe { wc_ticket_free(back) };
}

/// The text of a successful `*_to_json` call (which must succeed).
fn json_text(status: wc_status, json: *mut c_char) -> String {
    assert_eq!(
        status,
        wc_status::WC_OK,
        "serialising a live handle failed: {}",
        last_error().1
    );
    // SAFETY: a string from walletcare.
    let text = unsafe { CStr::from_ptr(json) }
        .to_string_lossy()
        .into_owned();
    finish(status, json);
    text
}

/// The tab-separated fields of a command's argument.
fn fields(rest: &str) -> Vec<&str> {
    rest.split('\t').collect()
}

fn int<T: std::str::FromStr + Default>(text: Option<&str>) -> T {
    text.and_then(|t| t.parse().ok()).unwrap_or_default()
}

/// Replaces `*slot` with a new handle if the call succeeded.
fn replace<T>(
    slot: &mut *mut T,
    new: *mut T,
    status: wc_status,
    free: unsafe extern "C" fn(*mut T),
) {
    finish(status, ptr::null_mut());
    if status == wc_status::WC_OK {
        assert!(!new.is_null(), "a successful call returned a NULL handle");
        // SAFETY: the old handle is NULL or owned here.
        unsafe { free(*slot) };
        *slot = new;
    } else {
        assert!(new.is_null(), "a failed call returned a handle");
    }
}

/// If a card number with at least 13 characters, not repeated in another
/// field, comes back in an output or error message, the C side leaks it.
fn assert_number_hidden(number: &str, others: &[&str], output: Option<&serde_json::Value>) {
    let number = number.trim();
    if number.len() < 13 || others.iter().any(|o| o.contains(number)) {
        return;
    }
    match output {
        Some(value) => assert!(
            !value.to_string().contains(number),
            "the card number leaks into {value}"
        ),
        None => {
            let (_, message) = last_error();
            assert!(
                !message.contains(number),
                "the card number leaks into the last error: {message}"
            );
        }
    }
}

/// `ffi`: every line is a command calling the C API; JSON arguments are
/// tab-separated. The calendar starts as the built-in `ID` calendar.
///
/// - `cal JSON` / `builtin CODE`: load a calendar (`wc_calendar_from_json`),
///   then `wc_calendar_to_json` must load back to the same JSON.
/// - `days Y-M-D N LOCALE`: add business days and list non-business days.
/// - `book JSON`, `booknew PAYMENT\tPOLICY`: load or create a refund book.
/// - `check T LOCALE\tREQUEST`, `submit T KEY\tREQUEST`,
///   `act T ID LOCALE\tACTION`, `get ID LOCALE`, `due ID LOCALE\tSLA`,
///   `slastatus T LOCALE\tDUE`: refund calls on the book.
/// - `ticket JSON`, `tact T LOCALE\tACTION`, `tsla T LOCALE\tPOLICY`,
///   `tnum TEXT`: tickets.
/// - `diag T LOCALE\tTX\tSTATE\tPOLICY`: `wc_transaction_diagnose`.
/// - `card T LOCALE\tNUMBER\tHOLDER\tEXPIRY\tCVV`: validate, list problems
///   and check the expiry; the number never comes back.
/// - `pin LOCALE\tPIN\tCONTEXT`, `password LOCALE\tPASSWORD\tPOLICY\tCONTEXT`.
/// - `money LOCALE CURRENCY TEXT`: parse, format, parse back.
///
/// Invariants: no call panics (the boundary would report `WC_PANIC`) or
/// reports an internal error; every failure leaves a message and its status
/// in `wc_last_error` and no output; every output string is JSON; every
/// handle's JSON loads back; a parsed amount formats and parses back equal.
pub fn ffi(data: &[u8]) {
    let mut handles = Handles {
        calendar: ptr::null_mut(),
        book: ptr::null_mut(),
        ticket: ptr::null_mut(),
    };
    // SAFETY: a static code and a valid out-pointer.
    let status = unsafe { wc_calendar_builtin(c"ID".as_ptr(), &mut handles.calendar) };
    assert_eq!(status, wc_status::WC_OK);
    for line in lines(data).take(MAX_COMMANDS) {
        let (name, mut rest) = command(line);
        run(&mut handles, name, &mut rest);
    }
}

#[allow(clippy::too_many_lines)]
fn run(h: &mut Handles, name: &str, rest: &mut &str) {
    let mut out = ptr::null_mut();
    match name {
        "cal" => {
            let (p, n) = ptr_len(rest);
            let mut new = ptr::null_mut();
            // SAFETY: p points to n bytes.
            let status = unsafe { wc_calendar_from_json(p, n, &mut new) };
            replace(&mut h.calendar, new, status, wc_calendar_free);
            check_calendar(h.calendar);
        }
        "builtin" => {
            let Some(code) = c_string(rest) else { return };
            let mut new = ptr::null_mut();
            // SAFETY: a NUL-terminated code.
            let status = unsafe { wc_calendar_builtin(code.as_ptr(), &mut new) };
            replace(&mut h.calendar, new, status, wc_calendar_free);
        }
        "days" => {
            let date = word(rest).and_then(|d| d.parse::<chrono::NaiveDate>().ok());
            let n: i64 = int(word(rest));
            let Some(locale) = c_string(word(rest).unwrap_or("en")) else {
                return;
            };
            let Some(date) = date else { return };
            use chrono::Datelike;
            let start = wc_date {
                year: date.year(),
                month: u8::try_from(date.month()).unwrap_or(0),
                day: u8::try_from(date.day()).unwrap_or(0),
            };
            let mut end = wc_date::default();
            // SAFETY: a live handle and a valid out-pointer.
            let status = unsafe { wc_calendar_add_business_days(h.calendar, start, n, &mut end) };
            finish(status, ptr::null_mut());
            if status == wc_status::WC_OK {
                // SAFETY: a live handle, a NUL-terminated locale.
                let status = unsafe {
                    wc_calendar_non_business_days(h.calendar, start, end, locale.as_ptr(), &mut out)
                };
                finish(status, out);
            }
        }
        "book" => {
            let (p, n) = ptr_len(rest);
            let mut new = ptr::null_mut();
            // SAFETY: p points to n bytes.
            let status = unsafe { wc_refund_book_from_json(p, n, &mut new) };
            replace(&mut h.book, new, status, wc_refund_book_free);
        }
        "booknew" => {
            let f = fields(rest);
            let (pp, pn) = ptr_len(f.first().copied().unwrap_or(""));
            let (qp, qn) = ptr_len(f.get(1).copied().unwrap_or(""));
            let mut new = ptr::null_mut();
            // SAFETY: each pointer points to its length of bytes.
            let status = unsafe { wc_refund_book_new(pp, pn, qp, qn, &mut new) };
            replace(&mut h.book, new, status, wc_refund_book_free);
        }
        "check" | "submit" | "act" | "get" | "due" | "slastatus" => {
            refund_call(h, name, rest);
        }
        "ticket" => {
            let (p, n) = ptr_len(rest);
            let mut new = ptr::null_mut();
            // SAFETY: p points to n bytes.
            let status = unsafe { wc_ticket_from_json(p, n, &mut new) };
            replace(&mut h.ticket, new, status, wc_ticket_free);
        }
        "tact" | "tsla" => {
            if h.ticket.is_null() {
                return;
            }
            let at: i64 = int(word(rest));
            let f = fields(rest);
            let Some(locale) = c_string(f.first().copied().unwrap_or("en")) else {
                return;
            };
            let (p, n) = ptr_len(f.get(1).copied().unwrap_or(""));
            // SAFETY: live handles, p points to n bytes, a NUL-terminated locale.
            let status = unsafe {
                if name == "tact" {
                    wc_ticket_apply(h.ticket, at, p, n, locale.as_ptr(), &mut out)
                } else {
                    wc_ticket_sla(h.ticket, at, p, n, h.calendar, locale.as_ptr(), &mut out)
                }
            };
            finish(status, out);
            check_ticket(h.ticket);
        }
        "tnum" => {
            let (p, n) = ptr_len(rest);
            let mut number = wc_ticket_number {
                prefix: [0; 5],
                date: wc_date::default(),
                sequence: 0,
                check_digit: 0,
            };
            // SAFETY: p points to n bytes.
            let status = unsafe { wc_ticket_number_check(p, n, &mut number) };
            finish(status, ptr::null_mut());
        }
        "diag" => {
            let now: i64 = int(word(rest));
            let f = fields(rest);
            let Some(locale) = c_string(f.first().copied().unwrap_or("en")) else {
                return;
            };
            let (tp, tn) = ptr_len(f.get(1).copied().unwrap_or(""));
            let (sp, sn) = ptr_len(f.get(2).copied().unwrap_or(""));
            let (pp, pn) = ptr_len(f.get(3).copied().unwrap_or(""));
            // SAFETY: each pointer points to its length of bytes.
            let status = unsafe {
                wc_transaction_diagnose(tp, tn, sp, sn, pp, pn, now, locale.as_ptr(), &mut out)
            };
            finish(status, out);
        }
        "card" => card_call(rest),
        "pin" | "password" => {
            let f = fields(rest);
            let Some(locale) = c_string(f.first().copied().unwrap_or("en")) else {
                return;
            };
            let (sp, sn) = ptr_len(f.get(1).copied().unwrap_or(""));
            let (ap, an) = ptr_len(f.get(2).copied().unwrap_or(""));
            let (bp, bn) = ptr_len(f.get(3).copied().unwrap_or(""));
            // SAFETY: each pointer points to its length of bytes.
            let status = unsafe {
                if name == "pin" {
                    wc_pin_check(sp, sn, ap, an, locale.as_ptr(), &mut out)
                } else {
                    wc_password_check(sp, sn, ap, an, bp, bn, locale.as_ptr(), &mut out)
                }
            };
            finish(status, out);
            if name == "password" {
                let mut strength = ptr::null_mut();
                // SAFETY: as above.
                let status =
                    unsafe { wc_password_strength(sp, sn, bp, bn, locale.as_ptr(), &mut strength) };
                finish(status, strength);
            }
        }
        "money" => money_call(rest),
        _ => {}
    }
}

fn refund_call(h: &mut Handles, name: &str, rest: &mut &str) {
    if h.book.is_null() {
        return;
    }
    let mut out = ptr::null_mut();
    let first: i64 = int(word(rest));
    let status = match name {
        "check" | "submit" => {
            let f = fields(rest);
            let head = f.first().copied().unwrap_or("en");
            let (p, n) = ptr_len(f.get(1).copied().unwrap_or(""));
            if name == "check" {
                let Some(locale) = c_string(head) else { return };
                // SAFETY: a live handle, p points to n bytes.
                unsafe { wc_refund_book_check(h.book, p, n, first, locale.as_ptr(), &mut out) }
            } else {
                let (kp, kn) = ptr_len(head);
                // SAFETY: a live handle, each pointer points to its length.
                unsafe { wc_refund_book_submit(h.book, kp, kn, p, n, first, &mut out) }
            }
        }
        "act" => {
            let id: u32 = int(word(rest));
            let f = fields(rest);
            let Some(locale) = c_string(f.first().copied().unwrap_or("en")) else {
                return;
            };
            let (p, n) = ptr_len(f.get(1).copied().unwrap_or(""));
            // SAFETY: a live handle, p points to n bytes.
            unsafe { wc_refund_book_apply(h.book, id, p, n, first, locale.as_ptr(), &mut out) }
        }
        "get" => {
            let Some(locale) = c_string(word(rest).unwrap_or("en")) else {
                return;
            };
            let id = u32::try_from(first).unwrap_or(0);
            // SAFETY: a live handle.
            unsafe { wc_refund_book_get(h.book, id, locale.as_ptr(), &mut out) }
        }
        "due" => {
            let f = fields(rest);
            let Some(locale) = c_string(f.first().copied().unwrap_or("en")) else {
                return;
            };
            let (p, n) = ptr_len(f.get(1).copied().unwrap_or(""));
            let id = u32::try_from(first).unwrap_or(0);
            // SAFETY: live handles, p points to n bytes.
            unsafe { wc_refund_book_due(h.book, id, h.calendar, p, n, locale.as_ptr(), &mut out) }
        }
        _ => {
            let f = fields(rest);
            let Some(locale) = c_string(f.first().copied().unwrap_or("en")) else {
                return;
            };
            let (p, n) = ptr_len(f.get(1).copied().unwrap_or(""));
            // SAFETY: p points to n bytes; completed_at may be NULL.
            unsafe { wc_refund_sla_status(p, n, first, ptr::null(), locale.as_ptr(), &mut out) }
        }
    };
    finish(status, out);
    check_book(h.book);
}

fn card_call(rest: &mut &str) {
    let now: i64 = int(word(rest));
    let f = fields(rest);
    let Some(locale) = c_string(f.first().copied().unwrap_or("en")) else {
        return;
    };
    let number = f.get(1).copied().unwrap_or("");
    let holder = f.get(2).copied().unwrap_or("");
    let expiry = f.get(3).copied().unwrap_or("");
    let cvv = f.get(4).copied().unwrap_or("");
    let (np, nn) = ptr_len(number);
    let (hp, hn) = ptr_len(holder);
    let (ep, en) = ptr_len(expiry);
    let (cp, cn) = ptr_len(cvv);
    // The locale is quoted in its own error; a number repeated there or in
    // another field may come back through that field.
    let locale_text = f.first().copied().unwrap_or("en");
    let others = [holder, expiry, cvv, locale_text];
    let mut out = ptr::null_mut();
    // SAFETY: each pointer points to its length of bytes.
    let status = unsafe { wc_card_validate(np, nn, hp, hn, ep, en, cp, cn, now, &mut out) };
    let value = finish(status, out);
    assert_number_hidden(number, &others, value.as_ref());
    let mut out = ptr::null_mut();
    // SAFETY: as above, a NUL-terminated locale.
    let status = unsafe {
        wc_card_problems(
            np,
            nn,
            hp,
            hn,
            ep,
            en,
            cp,
            cn,
            now,
            locale.as_ptr(),
            &mut out,
        )
    };
    let value = finish(status, out);
    assert_number_hidden(number, &others, value.as_ref());
    let mut expiry_out = wc_card_expiry {
        year: 0,
        month: 0,
        expired: false,
        last_valid_day: wc_date::default(),
    };
    // SAFETY: ep points to en bytes.
    let status = unsafe { wc_card_expiry_check(ep, en, now, &mut expiry_out) };
    finish(status, ptr::null_mut());
}

fn money_call(rest: &mut &str) {
    let Some(locale) = c_string(word(rest).unwrap_or("en")) else {
        return;
    };
    let Some(currency) = c_string(word(rest).unwrap_or("IDR")) else {
        return;
    };
    let (p, n) = ptr_len(rest);
    let mut amount = wc_money {
        minor: 0,
        currency: [0; 4],
    };
    // SAFETY: p points to n bytes, NUL-terminated strings.
    let status = unsafe { wc_money_parse(p, n, locale.as_ptr(), currency.as_ptr(), &mut amount) };
    finish(status, ptr::null_mut());
    if status != wc_status::WC_OK {
        return;
    }
    let mut buf = [0 as c_char; 64];
    let mut len = 0usize;
    // SAFETY: buf holds 64 bytes.
    let status = unsafe {
        wc_money_format(
            amount,
            locale.as_ptr(),
            buf.as_mut_ptr(),
            buf.len(),
            &mut len,
        )
    };
    finish(status, ptr::null_mut());
    assert_eq!(status, wc_status::WC_OK, "a parsed amount does not format");
    // SAFETY: NUL-terminated by wc_money_format.
    let text = unsafe { CStr::from_ptr(buf.as_ptr()) }.to_bytes().to_vec();
    let mut back = wc_money {
        minor: 0,
        currency: [0; 4],
    };
    let currency_code: Vec<u8> = amount
        .currency
        .iter()
        .copied()
        .take_while(|b| *b != 0)
        .collect();
    let Ok(code) = CString::new(currency_code) else {
        return;
    };
    // SAFETY: text is a byte buffer of its length.
    let status = unsafe {
        wc_money_parse(
            text.as_ptr().cast(),
            text.len(),
            locale.as_ptr(),
            code.as_ptr(),
            &mut back,
        )
    };
    finish(status, ptr::null_mut());
    assert_eq!(
        status,
        wc_status::WC_OK,
        "a formatted amount does not parse: {}",
        String::from_utf8_lossy(&text)
    );
    assert_eq!(back, amount, "format then parse changed the amount");
}
