//! Refunds: the refund book JSON, refund requests, lifecycle actions and the
//! SLA on a calendar.

use walletcare_core::locale::Locale;
use walletcare_core::refund::{
    Eligibility, IdempotencyKey, RefundAction, RefundBook, RefundDue, RefundError, RefundId,
    RefundPolicy, RefundRequest, RefundSlaPolicy, Submission, format_date,
};

use super::calendar;
use super::common::{
    MAX_COMMANDS, all_or_nothing, check_error, command, instant, lines, render_all, round_trip,
    word,
};

fn check_book(book: &RefundBook) {
    // Loading re-validates everything (ids, currencies, histories, attempts,
    // the committed total), so the round trip checks the book's invariants.
    round_trip!(RefundBook, book);
    let captured = book.payment().amount;
    match (book.committed_total(), book.refundable()) {
        (Ok(committed), Ok(refundable)) => {
            assert!(
                committed.minor() <= captured.minor(),
                "committed {committed:?} > captured {captured:?}"
            );
            assert!(!committed.is_negative());
            assert_eq!(committed.checked_add(refundable), Ok(captured));
        }
        (committed, refundable) => panic_free_error(committed.err().or(refundable.err())),
    }
    for refund in book.refunds() {
        assert_eq!(book.get(refund.id), Some(refund));
        assert_eq!(book.find_by_key(&refund.idempotency_key), Some(refund));
        assert_eq!(refund.history.last().map(|e| e.to), Some(refund.status));
        assert!(refund.submitted_at().is_some());
        render_all(&refund.status);
        render_all(&refund.destination);
        if let Some(reason) = refund.rejection {
            render_all(&reason);
        }
        if let Some(reason) = refund.failure {
            render_all(&reason);
        }
    }
}

fn panic_free_error(error: Option<RefundError>) {
    if let Some(error) = error {
        check_error(&error);
    }
}

fn check_refund_error(error: &RefundError) {
    check_error(error);
}

/// `refund`: the first line is a refund book's JSON, every other line a
/// command with `now` second: `policy T JSON` (a new empty book for the same
/// payment), `check T REQUEST_JSON`, `submit T KEY REQUEST_JSON`,
/// `act T ID ACTION_JSON`, `due T ID CALENDAR` (`@ID` or JSON),
/// `sla T JSON`.
///
/// Invariants: load → save → load is stable after every step (loading
/// re-validates the whole book); the money committed never exceeds the
/// captured amount; failed operations change nothing; a submission succeeds
/// exactly when the eligibility check allows it, and a replay returns the
/// same refund; an action moves a refund exactly as `RefundStatus::next`
/// says; SLA answers render in every locale.
pub fn refund(data: &[u8]) {
    let mut input = lines(data);
    let Some(first) = input.next() else { return };
    let mut book = match serde_json::from_str::<RefundBook>(first) {
        Ok(book) => book,
        Err(error) => {
            assert!(!error.to_string().is_empty());
            return;
        }
    };
    check_book(&book);
    let mut sla = RefundSlaPolicy::default();
    for line in input.take(MAX_COMMANDS) {
        let (verb, mut rest) = command(line);
        let Some(now) = word(&mut rest).and_then(instant) else {
            continue;
        };
        match verb {
            "policy" => {
                let Ok(policy) = serde_json::from_str::<RefundPolicy>(rest) else {
                    continue;
                };
                round_trip!(RefundPolicy, &policy);
                let valid = policy.validate();
                match RefundBook::new(book.payment().clone(), policy) {
                    Ok(fresh) => {
                        assert_eq!(valid, Ok(()));
                        book = fresh;
                    }
                    Err(error) => check_refund_error(&error),
                }
            }
            "check" => {
                let Ok(request) = serde_json::from_str::<RefundRequest>(rest) else {
                    continue;
                };
                round_trip!(RefundRequest, &request);
                check_eligibility(&book.check(&request, now));
            }
            "submit" => {
                let Some(key) = word(&mut rest).and_then(|w| w.parse::<IdempotencyKey>().ok())
                else {
                    continue;
                };
                let Ok(request) = serde_json::from_str::<RefundRequest>(rest) else {
                    continue;
                };
                round_trip!(RefundRequest, &request);
                let known = book.find_by_key(&key).cloned();
                let eligibility = book.check(&request, now);
                check_eligibility(&eligibility);
                let count = book.refunds().len();
                match all_or_nothing(&mut book, |b| b.submit(key.clone(), request.clone(), now)) {
                    Ok(submission) => {
                        round_trip!(Submission, &submission);
                        match known {
                            Some(existing) => {
                                assert!(submission.replayed);
                                assert_eq!(submission.id, existing.id);
                                assert_eq!(existing.request, request);
                                assert_eq!(book.refunds().len(), count);
                            }
                            None => {
                                assert!(!submission.replayed);
                                assert!(eligibility.eligible, "submitted although not eligible");
                                assert_eq!(book.refunds().len(), count + 1);
                                let refund = book.get(submission.id);
                                assert_eq!(refund.map(|r| r.amount), Some(eligibility.amount));
                                assert_eq!(refund.map(|r| r.status), Some(submission.status));
                            }
                        }
                    }
                    Err(error) => {
                        check_refund_error(&error);
                        if known.is_none() {
                            if let RefundError::NotEligible { problems } = &error {
                                assert_eq!(problems, &eligibility.problems);
                            }
                        }
                    }
                }
            }
            "act" => {
                let Some(id) = word(&mut rest).and_then(|w| w.parse::<u32>().ok()) else {
                    continue;
                };
                let id = RefundId::new(id);
                let Ok(action) = serde_json::from_str::<RefundAction>(rest) else {
                    continue;
                };
                round_trip!(RefundAction, &action);
                let from = book.get(id).map(|r| r.status);
                match all_or_nothing(&mut book, |b| b.apply(id, action.clone(), now)) {
                    Ok(to) => {
                        assert_eq!(from.and_then(|f| f.next(&action)), Some(to));
                        assert_eq!(book.get(id).map(|r| r.status), Some(to));
                        render_all(&to);
                    }
                    Err(error) => check_refund_error(&error),
                }
            }
            "due" => {
                let Some(id) = word(&mut rest).and_then(|w| w.parse::<u32>().ok()) else {
                    continue;
                };
                let Some(refund) = book.get(RefundId::new(id)) else {
                    continue;
                };
                let Some(calendar) = calendar::load(rest) else {
                    continue;
                };
                match sla.due_for(&calendar, refund) {
                    Ok(Some(due)) => check_due(&due, now, refund.completed_at()),
                    Ok(None) => assert!(refund.approved_at().is_none()),
                    Err(error) => check_refund_error(&error),
                }
            }
            "sla" => {
                if let Ok(policy) = serde_json::from_str::<RefundSlaPolicy>(rest) {
                    round_trip!(RefundSlaPolicy, &policy);
                    if policy.validate().is_ok() {
                        sla = policy;
                    }
                }
            }
            _ => continue,
        }
        check_book(&book);
    }
}

fn check_eligibility(eligibility: &Eligibility) {
    round_trip!(Eligibility, eligibility);
    assert_eq!(eligibility.eligible, eligibility.problems.is_empty());
    for problem in &eligibility.problems {
        render_all(problem);
        assert!(!problem.name().is_empty());
    }
}

fn check_due(
    due: &RefundDue,
    now: chrono::DateTime<chrono::Utc>,
    completed: Option<chrono::DateTime<chrono::Utc>>,
) {
    round_trip!(RefundDue, due);
    render_all(due);
    assert!(due.due_at >= due.approved_at || due.due_date >= due.start_date);
    assert!(due.due_soon_at <= due.due_at);
    for day in &due.skipped {
        render_all(day);
    }
    let _ = due.holidays().count();
    let status = due.status(now, completed);
    round_trip!(walletcare_core::refund::SlaStatus, &status);
    render_all(&status);
    for locale in Locale::ALL {
        assert!(!format_date(due.due_date, locale).is_empty());
    }
}
