//! Unit tests that call the exports the way C does, through raw pointers:
//! NULLs, handles of the right and wrong type, buffers too small, invalid
//! UTF-8. Small enough for Miri (`cargo +nightly miri test -p
//! walletcare-ffi --lib`), which checks every pointer access: a custom
//! one-year calendar instead of the built-in ones, short JSON documents.

use std::ffi::{CStr, c_char};
use std::ptr::{null, null_mut};

use crate::calendar::*;
use crate::card::*;
use crate::ffi::{Failure, guard};
use crate::money::*;
use crate::refund::*;
use crate::status::wc_status;
use crate::ticket::*;
use crate::types::wc_date;
use crate::{wc_last_error, wc_string_free};

/// A small calendar: UTC, Monday to Friday, one holiday, 2026 only.
const CALENDAR: &str = r#"{"time_zone":"UTC","coverage":{"first":2026,"last":2026},
  "holidays":[{"date":"2026-12-25","name":"Christmas Day","kind":"public"}]}"#;

fn last_error() -> (wc_status, String) {
    let mut buf = [0 as c_char; 512];
    let mut len = 0usize;
    let mut status = wc_status::WC_OK;
    let rc = unsafe { wc_last_error(buf.as_mut_ptr(), buf.len(), &mut len, &mut status) };
    assert_eq!(rc, wc_status::WC_OK);
    let text = unsafe { CStr::from_ptr(buf.as_ptr()) };
    assert_eq!(text.to_bytes().len() + 1, len);
    (status, text.to_str().unwrap().to_owned())
}

/// Takes a Rust-owned string from an out-parameter, checks and frees it.
fn take_string(ptr: *mut c_char) -> String {
    assert!(!ptr.is_null());
    let s = unsafe { CStr::from_ptr(ptr) }.to_str().unwrap().to_owned();
    unsafe { wc_string_free(ptr) };
    s
}

fn calendar() -> *mut wc_calendar {
    let mut cal = null_mut();
    let rc = unsafe { wc_calendar_from_json(CALENDAR.as_ptr().cast(), CALENDAR.len(), &mut cal) };
    assert_eq!(rc, wc_status::WC_OK);
    cal
}

#[test]
fn a_panic_is_caught_and_reported_as_wc_panic() {
    let status = guard(|| {
        let v: Vec<u8> = Vec::new();
        // Index out of bounds on purpose: the guard must catch it.
        #[allow(clippy::indexing_slicing)]
        let _ = v[1];
        Ok(())
    });
    assert_eq!(status, wc_status::WC_PANIC);
    let (status, message) = last_error();
    assert_eq!(status, wc_status::WC_PANIC);
    assert!(message.contains("panic"));
}

#[test]
fn a_failure_sets_the_last_error_and_a_success_keeps_it() {
    assert_eq!(
        guard(|| Err(Failure::new(
            wc_status::WC_GENERAL_INVALID_ARGUMENT,
            "bad thing"
        ))),
        wc_status::WC_GENERAL_INVALID_ARGUMENT
    );
    assert_eq!(guard(|| Ok(())), wc_status::WC_OK);
    let (status, message) = last_error();
    assert_eq!(status, wc_status::WC_GENERAL_INVALID_ARGUMENT);
    assert_eq!(message, "bad thing");

    // Too small: nothing written but the size needed.
    let mut small = [7 as c_char; 4];
    let mut len = 0usize;
    let rc = unsafe { wc_last_error(small.as_mut_ptr(), small.len(), &mut len, null_mut()) };
    assert_eq!(rc, wc_status::WC_BUFFER_TOO_SMALL);
    assert_eq!(len, "bad thing".len() + 1);
    assert_eq!(small, [7; 4]);
}

#[test]
fn money_exports_check_pointers_text_and_buffers() {
    let text = "Rp150.000";
    let mut out = wc_money {
        minor: -1,
        currency: [0; 4],
    };
    let rc = unsafe {
        wc_money_parse(
            text.as_ptr().cast(),
            text.len(),
            c"id-ID".as_ptr(),
            c"IDR".as_ptr(),
            &mut out,
        )
    };
    assert_eq!(rc, wc_status::WC_OK);
    assert_eq!(out.minor, 15_000_000);
    assert_eq!(&out.currency, b"IDR\0");

    let bad = [0xff_u8, 0xfe];
    let rc = unsafe {
        wc_money_parse(
            bad.as_ptr().cast(),
            bad.len(),
            c"id-ID".as_ptr(),
            c"IDR".as_ptr(),
            &mut out,
        )
    };
    assert_eq!(rc, wc_status::WC_INVALID_UTF8);
    let rc = unsafe { wc_money_parse(null(), 3, c"id".as_ptr(), c"IDR".as_ptr(), &mut out) };
    assert_eq!(rc, wc_status::WC_NULL_PARAMETER);
    assert_eq!(out.minor, 15_000_000);

    let mut buf = [0 as c_char; 8];
    let mut len = 0usize;
    let rc = unsafe {
        wc_money_format(
            out,
            c"id-ID".as_ptr(),
            buf.as_mut_ptr(),
            buf.len(),
            &mut len,
        )
    };
    assert_eq!(rc, wc_status::WC_BUFFER_TOO_SMALL);
    assert_eq!(len, "Rp150.000".len() + 1);
    let mut buf = vec![0 as c_char; len];
    let rc = unsafe { wc_money_format(out, c"id-ID".as_ptr(), buf.as_mut_ptr(), len, null_mut()) };
    assert_eq!(rc, wc_status::WC_OK);
    assert_eq!(
        unsafe { CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap(),
        "Rp150.000"
    );

    let mut parts = [wc_money {
        minor: 0,
        currency: [0; 4],
    }; 2];
    let mut n = 0usize;
    let rc = unsafe { wc_money_split(out, 3, parts.as_mut_ptr(), parts.len(), &mut n) };
    assert_eq!((rc, n), (wc_status::WC_BUFFER_TOO_SMALL, 3));
    let rc = unsafe { wc_money_split(out, 2, parts.as_mut_ptr(), parts.len(), &mut n) };
    assert_eq!((rc, n), (wc_status::WC_OK, 2));
    assert_eq!(parts[0].minor + parts[1].minor, 15_000_000);
}

#[test]
fn calendar_handles_answer_and_refuse_wrong_types() {
    let cal = calendar();
    let mut open = true;
    let christmas = wc_date {
        year: 2026,
        month: 12,
        day: 25,
    };
    assert_eq!(
        unsafe { wc_calendar_is_business_day(cal, christmas, &mut open) },
        wc_status::WC_OK
    );
    assert!(!open);
    let mut next = wc_date::default();
    assert_eq!(
        unsafe { wc_calendar_add_business_days(cal, christmas, 0, &mut next) },
        wc_status::WC_OK
    );
    assert_eq!(
        next,
        wc_date {
            year: 2026,
            month: 12,
            day: 28
        }
    );
    // Out of range dates and years without data.
    let feb30 = wc_date {
        year: 2026,
        month: 2,
        day: 30,
    };
    assert_eq!(
        unsafe { wc_calendar_is_business_day(cal, feb30, &mut open) },
        wc_status::WC_GENERAL_DATE_OUT_OF_RANGE
    );
    let next_year = wc_date {
        year: 2027,
        month: 1,
        day: 4,
    };
    assert_eq!(
        unsafe { wc_calendar_is_business_day(cal, next_year, &mut open) },
        wc_status::WC_CALENDAR_NOT_COVERED
    );
    let mut json = null_mut();
    assert_eq!(
        unsafe { wc_calendar_to_json(cal, &mut json) },
        wc_status::WC_OK
    );
    assert!(take_string(json).contains("Christmas Day"));

    // A ticket handle passed as a calendar is refused, not misread.
    let number = "WC-20261123-000001-3";
    let mut ticket = null_mut();
    let rc = unsafe {
        wc_ticket_new(
            number.as_ptr().cast(),
            number.len(),
            c"chat".as_ptr(),
            c"refund".as_ptr(),
            null(),
            1_795_399_200,
            &mut ticket,
        )
    };
    assert_eq!(rc, wc_status::WC_OK);
    assert_eq!(
        unsafe { wc_calendar_is_business_day(ticket.cast(), christmas, &mut open) },
        wc_status::WC_INVALID_HANDLE
    );
    assert_eq!(last_error().0, wc_status::WC_INVALID_HANDLE);
    // Freeing with the wrong destructor is ignored.
    unsafe { wc_calendar_free(ticket.cast()) };
    unsafe { wc_ticket_free(ticket) };
    unsafe { wc_calendar_free(cal) };
    unsafe { wc_calendar_free(null_mut()) };
}

#[test]
fn refund_book_changes_nothing_on_failure() {
    let payment = r#"{"transaction_id":"TX-1","order_number":"ORD-1","amount":{"minor":100,"currency":"IDR"},"paid_at":"2026-12-01T03:00:00Z","method":{"type":"wallet_balance"}}"#;
    let request = r#"{"order_number":"ORD-1","transaction_id":"TX-1","paid_at":"2026-12-01T03:00:00Z","amount":{"type":"full"},"reason":"not_received"}"#;
    let mut book = null_mut();
    let rc =
        unsafe { wc_refund_book_new(payment.as_ptr().cast(), payment.len(), null(), 0, &mut book) };
    assert_eq!(rc, wc_status::WC_OK);
    let key = "k1";
    let now = 1_796_180_400;
    let mut out = null_mut();
    let rc = unsafe {
        wc_refund_book_submit(
            book,
            key.as_ptr().cast(),
            key.len(),
            request.as_ptr().cast(),
            request.len(),
            now,
            &mut out,
        )
    };
    assert_eq!(rc, wc_status::WC_OK);
    assert!(take_string(out).contains(r#""id":1"#));

    let mut before = null_mut();
    assert_eq!(
        unsafe { wc_refund_book_to_json(book, &mut before) },
        wc_status::WC_OK
    );
    let before = take_string(before);
    let complete = r#"{"action":"complete"}"#;
    let mut out = null_mut();
    let rc = unsafe {
        wc_refund_book_apply(
            book,
            1,
            complete.as_ptr().cast(),
            complete.len(),
            now,
            c"en".as_ptr(),
            &mut out,
        )
    };
    assert_eq!(rc, wc_status::WC_REFUND_INVALID_TRANSITION);
    assert!(out.is_null());
    // A NULL out-parameter fails before the book changes.
    let review = r#"{"action":"start_review"}"#;
    let rc = unsafe {
        wc_refund_book_apply(
            book,
            1,
            review.as_ptr().cast(),
            review.len(),
            now,
            c"en".as_ptr(),
            null_mut(),
        )
    };
    assert_eq!(rc, wc_status::WC_NULL_PARAMETER);
    let mut after = null_mut();
    assert_eq!(
        unsafe { wc_refund_book_to_json(book, &mut after) },
        wc_status::WC_OK
    );
    assert_eq!(take_string(after), before);
    unsafe { wc_refund_book_free(book) };
}

#[test]
fn ticket_numbers_and_cards_cross_as_plain_c_types() {
    let mut buf = [0 as c_char; 32];
    let mut len = 0usize;
    let date = wc_date {
        year: 2026,
        month: 11,
        day: 21,
    };
    let rc =
        unsafe { wc_ticket_number_new(date, 123, null(), buf.as_mut_ptr(), buf.len(), &mut len) };
    assert_eq!(rc, wc_status::WC_OK);
    let number = unsafe { CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap();
    assert_eq!(number, "WC-20261121-000123-7");
    let mut parts = wc_ticket_number {
        prefix: [0; 5],
        date: wc_date::default(),
        sequence: 0,
        check_digit: 0,
    };
    let swapped = "WC-20261121-000132-7";
    let rc = unsafe { wc_ticket_number_check(swapped.as_ptr().cast(), swapped.len(), &mut parts) };
    assert_eq!(rc, wc_status::WC_TICKET_INVALID_NUMBER);
    assert_eq!(parts.sequence, 0);

    let mut expiry = wc_card_expiry {
        year: 0,
        month: 0,
        expired: false,
        last_valid_day: wc_date::default(),
    };
    let text = "02/28";
    let rc = unsafe { wc_card_expiry_check(text.as_ptr().cast(), text.len(), 0, &mut expiry) };
    assert_eq!(rc, wc_status::WC_OK);
    assert_eq!(
        (expiry.year, expiry.month, expiry.expired),
        (2028, 2, false)
    );
    let mut json = null_mut();
    let (n, h, e) = ("4111 1111 1111 1111", "Siti", "12/29");
    let rc = unsafe {
        wc_card_validate(
            n.as_ptr().cast(),
            n.len(),
            h.as_ptr().cast(),
            h.len(),
            e.as_ptr().cast(),
            e.len(),
            null(),
            3,
            0,
            &mut json,
        )
    };
    assert_eq!(rc, wc_status::WC_NULL_PARAMETER);
    assert!(json.is_null());
}
