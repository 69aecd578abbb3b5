//! Integration tests: refund (request, eligibility, lifecycle, money safety,
//! idempotency, SLA on the business calendar).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use walletcare::calendar::{BusinessCalendar, CalendarId, NonBusinessReason};
use walletcare::error::{ErrorCode, HasErrorCode};
use walletcare::locale::{Locale, Render};
use walletcare::money::{Currency, Money};
use walletcare::refund::*;

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

const CAPTURED: i64 = 100_000;

fn paid_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 3, 0, 0).unwrap()
}

fn idr(minor: i64) -> Money {
    Money::new(minor, Currency::Idr)
}

fn bca_card() -> RefundDestination {
    RefundDestination::Card {
        bank: BankCode::BCA,
        last4: "1234".parse().unwrap(),
    }
}

fn payment() -> CapturedPayment {
    CapturedPayment {
        transaction_id: "TX-1".parse().unwrap(),
        order_number: "ORD-1".parse().unwrap(),
        amount: idr(CAPTURED),
        paid_at: paid_at(),
        method: bca_card(),
    }
}

fn request(amount: RefundAmount, reason: RefundReason) -> RefundRequest {
    let detail = (reason == RefundReason::Other).then(|| FreeText::new("wrong colour").unwrap());
    RefundRequest::new(
        "ORD-1".parse().unwrap(),
        "TX-1".parse().unwrap(),
        paid_at(),
        amount,
        reason,
        detail,
    )
    .unwrap()
}

fn full() -> RefundRequest {
    request(RefundAmount::Full, RefundReason::Cancelled)
}

fn partial(minor: i64) -> RefundRequest {
    request(
        RefundAmount::Partial { amount: idr(minor) },
        RefundReason::Cancelled,
    )
}

fn key(k: &str) -> IdempotencyKey {
    k.parse().unwrap()
}

fn book(policy: RefundPolicy) -> RefundBook {
    RefundBook::new(payment(), policy).unwrap()
}

fn day1() -> DateTime<Utc> {
    paid_at() + Duration::days(1)
}

// ---------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------

#[test]
fn request_json_rejects_unknown_fields_and_bad_values() {
    let good = r#"{"order_number":"ORD-1","transaction_id":"TX-1","paid_at":"2026-11-02T03:00:00Z",
        "amount":{"type":"partial","amount":{"minor":500,"currency":"IDR"}},"reason":"not_received"}"#;
    let parsed: RefundRequest = serde_json::from_str(good).unwrap();
    assert_eq!(
        parsed,
        partial(500).clone_with_reason(RefundReason::NotReceived)
    );
    let json = serde_json::to_string(&parsed).unwrap();
    assert_eq!(
        serde_json::from_str::<RefundRequest>(&json).unwrap(),
        parsed
    );

    for bad in [
        good.replace("\"reason\"", "\"extra\":1,\"reason\""),
        good.replace("not_received", "changed_mind"),
        good.replace("\"minor\":500", "\"minor\":0"),
        good.replace("\"minor\":500", "\"minor\":-5"),
        good.replace("ORD-1", ""),
        good.replace("ORD-1", "ORD 1"),
        good.replace("\"type\":\"partial\"", "\"type\":\"most\""),
        good.replace("not_received\"", "other\""),
        good.replace(
            "not_received\"",
            &format!("other\",\"detail\":\"{}\"", "x".repeat(MAX_TEXT_CHARS + 1)),
        ),
        good.replace(
            "\"reason\"",
            "\"destination\":{\"type\":\"card\",\"bank\":\"BCA\",\"last4\":\"12\"},\"reason\"",
        ),
        good.replace(
            "\"reason\"",
            "\"destination\":{\"type\":\"wallet_balance\",\"bank\":\"BCA\"},\"reason\"",
        ),
    ] {
        assert!(
            serde_json::from_str::<RefundRequest>(&bad).is_err(),
            "accepted {bad}"
        );
    }
    let too_much = format!(
        r#"{{"order_number":"O","transaction_id":"T","paid_at":"2026-11-02T03:00:00Z",
        "amount":{{"type":"full"}},"reason":"duplicate","evidence":[{}]}}"#,
        vec![r#"{"kind":"photo","reference":"p"}"#; MAX_EVIDENCE + 1].join(",")
    );
    assert!(serde_json::from_str::<RefundRequest>(&too_much).is_err());
}

trait WithReason {
    fn clone_with_reason(&self, reason: RefundReason) -> RefundRequest;
}

impl WithReason for RefundRequest {
    fn clone_with_reason(&self, reason: RefundReason) -> RefundRequest {
        RefundRequest::new(
            self.order_number().clone(),
            self.transaction_id().clone(),
            self.paid_at(),
            self.amount(),
            reason,
            self.detail().cloned(),
        )
        .unwrap()
    }
}

#[test]
fn request_builder_bounds_evidence_and_requires_detail_for_other() {
    let mut r = request(RefundAmount::Full, RefundReason::NotAsDescribed);
    for i in 0..MAX_EVIDENCE {
        r = r
            .with_evidence(Evidence::new(EvidenceKind::Photo, &format!("p{i}")).unwrap())
            .unwrap();
    }
    let err = r
        .with_evidence(Evidence::new(EvidenceKind::Receipt, "r").unwrap())
        .unwrap_err();
    assert_eq!(
        err,
        RefundError::TooMuchEvidence {
            count: MAX_EVIDENCE + 1,
            max: MAX_EVIDENCE
        }
    );
    assert_eq!(err.code(), ErrorCode::InputTooLarge);
    let err = RefundRequest::new(
        "O".parse().unwrap(),
        "T".parse().unwrap(),
        paid_at(),
        RefundAmount::Full,
        RefundReason::Other,
        None,
    )
    .unwrap_err();
    assert_eq!(err, RefundError::DetailRequired);
}

// ---------------------------------------------------------------------------
// Eligibility
// ---------------------------------------------------------------------------

/// One eligibility scenario: a policy, a request, the committed refunds and
/// `now`.
struct Case {
    policy: RefundPolicy,
    request: RefundRequest,
    committed: Money,
    count: u32,
    now: DateTime<Utc>,
}

fn base_case() -> Case {
    Case {
        policy: RefundPolicy::default(),
        request: full(),
        committed: idr(0),
        count: 0,
        now: day1(),
    }
}

fn problems(case: &Case) -> Vec<&'static str> {
    let e = case.policy.check(
        &case.request,
        &payment(),
        case.committed,
        case.count,
        case.now,
    );
    assert_eq!(e.eligible, e.problems.is_empty());
    e.problems.iter().map(IneligibilityReason::name).collect()
}

fn with_request(request: RefundRequest) -> Case {
    Case {
        request,
        ..base_case()
    }
}

fn new_request(
    order: &str,
    tx: &str,
    paid: DateTime<Utc>,
    amount: RefundAmount,
    reason: RefundReason,
) -> RefundRequest {
    RefundRequest::new(
        order.parse().unwrap(),
        tx.parse().unwrap(),
        paid,
        amount,
        reason,
        None,
    )
    .unwrap()
}

#[test]
fn eligibility_reports_each_reason_alone() {
    let window_end = paid_at() + Duration::days(30);
    let table: Vec<(&str, Case)> = vec![
        (
            "transaction_mismatch",
            with_request(new_request(
                "ORD-1",
                "TX-2",
                paid_at(),
                RefundAmount::Full,
                RefundReason::Cancelled,
            )),
        ),
        (
            "order_mismatch",
            with_request(new_request(
                "ORD-9",
                "TX-1",
                paid_at(),
                RefundAmount::Full,
                RefundReason::Cancelled,
            )),
        ),
        (
            "payment_time_mismatch",
            with_request(new_request(
                "ORD-1",
                "TX-1",
                paid_at() + Duration::minutes(1),
                RefundAmount::Full,
                RefundReason::Cancelled,
            )),
        ),
        (
            "payment_in_future",
            Case {
                now: paid_at() - Duration::seconds(1),
                ..base_case()
            },
        ),
        (
            "delivery_before_payment",
            with_request(full().with_delivered_at(paid_at() - Duration::hours(1))),
        ),
        (
            "delivery_in_future",
            with_request(full().with_delivered_at(day1() + Duration::hours(1))),
        ),
        (
            "window_closed",
            Case {
                now: window_end + Duration::seconds(1),
                ..base_case()
            },
        ),
        (
            "currency_mismatch",
            with_request(request(
                RefundAmount::Partial {
                    amount: Money::new(10, Currency::Usd),
                },
                RefundReason::Cancelled,
            )),
        ),
        (
            "partial_not_allowed",
            Case {
                policy: RefundPolicy {
                    partial_refunds: false,
                    ..RefundPolicy::default()
                },
                request: partial(CAPTURED - 1),
                ..base_case()
            },
        ),
        ("exceeds_refundable", with_request(partial(CAPTURED + 1))),
        (
            "too_many_refunds",
            Case {
                policy: RefundPolicy {
                    max_refunds_per_transaction: 2,
                    ..RefundPolicy::default()
                },
                request: partial(10),
                committed: idr(20),
                count: 2,
                ..base_case()
            },
        ),
        (
            "evidence_required",
            with_request(request(RefundAmount::Full, RefundReason::NotAsDescribed)),
        ),
        (
            "destination_not_allowed",
            with_request(full().with_destination(RefundDestination::WalletBalance)),
        ),
    ];
    assert_eq!(table.len(), 13, "one row per IneligibilityReason variant");
    for (expected, case) in &table {
        assert_eq!(problems(case), vec![*expected], "case {expected}");
    }
    // The baseline itself is eligible, and the window includes its last
    // instant.
    assert!(problems(&base_case()).is_empty());
    assert!(
        problems(&Case {
            now: window_end,
            ..base_case()
        })
        .is_empty()
    );
}

#[test]
fn eligibility_reports_every_reason_at_once() {
    let request = new_request(
        "ORD-9",
        "TX-2",
        paid_at() + Duration::hours(1),
        RefundAmount::Partial {
            amount: Money::new(10, Currency::Usd),
        },
        RefundReason::Unauthorised,
    )
    .with_destination(RefundDestination::WalletBalance)
    .with_delivered_at(paid_at() - Duration::hours(1));
    let case = Case {
        policy: RefundPolicy {
            max_refunds_per_transaction: 1,
            ..RefundPolicy::default()
        },
        request,
        committed: idr(1),
        count: 1,
        now: paid_at() + Duration::days(45),
    };
    assert_eq!(
        problems(&case),
        [
            "transaction_mismatch",
            "order_mismatch",
            "payment_time_mismatch",
            "delivery_before_payment",
            "window_closed",
            "currency_mismatch",
            "too_many_refunds",
            "evidence_required",
            "destination_not_allowed",
        ]
    );

    // Amount problems together: partial not allowed and more than refundable.
    let case = Case {
        policy: RefundPolicy {
            partial_refunds: false,
            ..RefundPolicy::default()
        },
        request: partial(CAPTURED - 10),
        committed: idr(20),
        count: 1,
        ..base_case()
    };
    assert_eq!(
        problems(&case),
        ["partial_not_allowed", "exceeds_refundable"]
    );
}

#[test]
fn window_counts_from_delivery_when_the_policy_says_so() {
    let policy = RefundPolicy {
        window_from: WindowAnchor::Delivery,
        window_days: 7,
        ..RefundPolicy::default()
    };
    let delivered = paid_at() + Duration::days(10);
    let with_delivery = full().with_delivered_at(delivered);
    let at = |now| Case {
        policy: policy.clone(),
        request: with_delivery.clone(),
        now,
        ..base_case()
    };
    assert!(problems(&at(delivered + Duration::days(7))).is_empty());
    let late = at(delivered + Duration::days(7) + Duration::seconds(1));
    let e = late
        .policy
        .check(&late.request, &payment(), idr(0), 0, late.now);
    assert_eq!(
        e.problems,
        [IneligibilityReason::WindowClosed {
            anchor: WindowAnchor::Delivery,
            window_days: 7,
            closed_at: delivered + Duration::days(7),
        }]
    );
    // Without a delivery time the window counts from payment.
    let no_delivery = Case {
        policy: policy.clone(),
        now: paid_at() + Duration::days(8),
        ..base_case()
    };
    let e = no_delivery
        .policy
        .check(&no_delivery.request, &payment(), idr(0), 0, no_delivery.now);
    assert!(matches!(
        e.problems.as_slice(),
        [IneligibilityReason::WindowClosed {
            anchor: WindowAnchor::Payment,
            ..
        }]
    ));
}

#[test]
fn auto_approval_is_strictly_below_the_amount_in_the_same_currency() {
    let policy = |limit: Money| RefundPolicy {
        auto_approve_below: Some(limit),
        ..RefundPolicy::default()
    };
    let check =
        |policy: &RefundPolicy, minor| policy.check(&partial(minor), &payment(), idr(0), 0, day1());
    assert!(check(&policy(idr(5_000)), 4_999).auto_approve);
    assert!(!check(&policy(idr(5_000)), 5_000).auto_approve);
    assert!(!check(&policy(Money::new(5_000, Currency::Usd)), 10).auto_approve);
    assert!(!check(&RefundPolicy::default(), 1).auto_approve);
    // Ineligible requests are never auto-approved.
    let e = policy(idr(5_000)).check(
        &partial(10),
        &payment(),
        idr(0),
        0,
        paid_at() + Duration::days(60),
    );
    assert!(!e.eligible && !e.auto_approve);

    let mut b = book(policy(idr(5_000)));
    let s = b.submit(key("auto"), partial(100), day1()).unwrap();
    assert!(s.auto_approved);
    assert_eq!(s.status, RefundStatus::Approved);
    let history: Vec<_> = b.get(s.id).unwrap().history.iter().map(|e| e.to).collect();
    assert_eq!(history, [RefundStatus::Submitted, RefundStatus::Approved]);
}

#[test]
fn every_ineligibility_reason_renders_in_every_locale() {
    let reasons = vec![
        IneligibilityReason::TransactionMismatch {
            expected: "TX-1".parse().unwrap(),
            requested: "TX-2".parse().unwrap(),
        },
        IneligibilityReason::OrderMismatch {
            expected: "ORD-1".parse().unwrap(),
            requested: "ORD-2".parse().unwrap(),
        },
        IneligibilityReason::PaymentTimeMismatch {
            expected: paid_at(),
            requested: day1(),
        },
        IneligibilityReason::PaymentInFuture { paid_at: paid_at() },
        IneligibilityReason::DeliveryBeforePayment {
            paid_at: day1(),
            delivered_at: paid_at(),
        },
        IneligibilityReason::DeliveryInFuture {
            delivered_at: day1(),
        },
        IneligibilityReason::WindowClosed {
            anchor: WindowAnchor::Delivery,
            window_days: 7,
            closed_at: day1(),
        },
        IneligibilityReason::CurrencyMismatch {
            expected: Currency::Idr,
            requested: Currency::Usd,
        },
        IneligibilityReason::PartialNotAllowed {
            requested: idr(5_000_000),
            captured: idr(15_000_000),
        },
        IneligibilityReason::ExceedsRefundable {
            requested: idr(5_000_000),
            refundable: idr(1_500_000),
        },
        IneligibilityReason::TooManyRefunds {
            existing: 3,
            max: 3,
        },
        IneligibilityReason::EvidenceRequired {
            reason: RefundReason::NotAsDescribed,
        },
        IneligibilityReason::DestinationNotAllowed {
            requested: RefundDestination::WalletBalance,
            original: bca_card(),
        },
    ];
    for reason in &reasons {
        let texts: Vec<String> = Locale::ALL.iter().map(|l| reason.render(*l)).collect();
        for text in &texts {
            assert!(!text.is_empty() && !text.contains('{'), "{text}");
        }
        assert_ne!(texts[0], texts[1]);
        assert_ne!(texts[0], texts[2]);
        assert_ne!(texts[1], texts[2]);
        let json = serde_json::to_string(reason).unwrap();
        assert!(json.contains(&format!("\"problem\":\"{}\"", reason.name())));
        assert_eq!(
            &serde_json::from_str::<IneligibilityReason>(&json).unwrap(),
            reason
        );
    }
    let exceeds = &reasons[9];
    // Amounts in refund text come from the one money printer (Money::format).
    assert!(exceeds.render(Locale::Id).contains("Rp50.000"));
    assert!(!exceeds.render(Locale::Id).contains("Rp50.000,00"));
    assert!(exceeds.render(Locale::En).contains("IDR 15,000"));
    assert!(
        reasons[12]
            .render(Locale::ZhCn)
            .contains("尾号1234的BCA银行卡")
    );
}

#[test]
fn submission_of_an_ineligible_request_lists_problems_and_changes_nothing() {
    let mut b = book(RefundPolicy::default());
    let before = b.clone();
    let bad = request(RefundAmount::Full, RefundReason::NotAsDescribed)
        .with_destination(RefundDestination::WalletBalance);
    let err = b.submit(key("k"), bad.clone(), day1()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::RefundNotEligible);
    let RefundError::NotEligible { problems } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(problems.len(), 2);
    assert_eq!(b, before);
    // The key was not used up: a corrected request under it goes through.
    let ok = request(RefundAmount::Full, RefundReason::NotAsDescribed)
        .with_evidence(Evidence::new(EvidenceKind::Photo, "upload/1.jpg").unwrap())
        .unwrap();
    assert!(b.submit(key("k"), ok, day1()).is_ok());
}

#[test]
fn a_different_destination_needs_the_policy_to_allow_it() {
    let wallet = full().with_destination(RefundDestination::WalletBalance);
    let mut strict = book(RefundPolicy::default());
    assert!(strict.submit(key("k"), wallet.clone(), day1()).is_err());
    let id = strict.submit(key("k2"), full(), day1()).unwrap().id;
    assert_eq!(strict.get(id).unwrap().destination, bca_card());

    let mut lenient = book(RefundPolicy {
        other_destinations_allowed: true,
        ..RefundPolicy::default()
    });
    let id = lenient.submit(key("k"), wallet, day1()).unwrap().id;
    assert_eq!(
        lenient.get(id).unwrap().destination,
        RefundDestination::WalletBalance
    );
}

// ---------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------

fn actions() -> Vec<RefundAction> {
    vec![
        RefundAction::StartReview,
        RefundAction::Approve,
        RefundAction::Reject {
            reason: RejectionReason::InsufficientEvidence,
        },
        RefundAction::Cancel,
        RefundAction::StartProcessing,
        RefundAction::Complete,
        RefundAction::Fail {
            reason: FailureReason::BankRejected,
        },
        RefundAction::Retry,
        RefundAction::Appeal {
            statement: Some(FreeText::new("Saya punya bukti baru").unwrap()),
        },
        RefundAction::StartSecondReview,
    ]
}

/// The path of actions from submission to each status.
fn path_to(status: RefundStatus) -> Vec<RefundAction> {
    use RefundAction as A;
    let reject = A::Reject {
        reason: RejectionReason::MerchantPolicy,
    };
    let appeal = A::Appeal { statement: None };
    let fail = A::Fail {
        reason: FailureReason::Timeout,
    };
    match status {
        RefundStatus::Submitted => vec![],
        RefundStatus::UnderReview => vec![A::StartReview],
        RefundStatus::Approved => vec![A::StartReview, A::Approve],
        RefundStatus::Processing => vec![A::StartReview, A::Approve, A::StartProcessing],
        RefundStatus::Completed => {
            vec![A::StartReview, A::Approve, A::StartProcessing, A::Complete]
        }
        RefundStatus::Failed => vec![A::StartReview, A::Approve, A::StartProcessing, fail],
        RefundStatus::Rejected => vec![A::StartReview, reject],
        RefundStatus::Appealed => vec![A::StartReview, reject, appeal],
        RefundStatus::SecondReview => {
            vec![A::StartReview, reject, appeal, A::StartSecondReview]
        }
        RefundStatus::FinalRejected => vec![
            A::StartReview,
            reject.clone(),
            appeal,
            A::StartSecondReview,
            reject,
        ],
        RefundStatus::Cancelled => vec![A::Cancel],
    }
}

fn book_at(status: RefundStatus) -> (RefundBook, RefundId, DateTime<Utc>) {
    let mut b = book(RefundPolicy::default());
    let mut now = day1();
    let id = b.submit(key("k"), full(), now).unwrap().id;
    for action in path_to(status) {
        now += Duration::hours(1);
        b.apply(id, action, now).unwrap();
    }
    assert_eq!(b.get(id).unwrap().status, status);
    (b, id, now)
}

/// The lifecycle, written out independently of `RefundStatus::next`.
fn expected(from: RefundStatus, action: &str) -> Option<RefundStatus> {
    use RefundStatus as S;
    Some(match (from, action) {
        (S::Submitted, "start_review") => S::UnderReview,
        (S::Submitted | S::UnderReview | S::Appealed | S::SecondReview, "cancel") => S::Cancelled,
        (S::UnderReview, "approve") => S::Approved,
        (S::UnderReview, "reject") => S::Rejected,
        (S::Approved, "start_processing") => S::Processing,
        (S::Processing, "complete") => S::Completed,
        (S::Processing, "fail") => S::Failed,
        (S::Failed, "retry") => S::Processing,
        (S::Rejected, "appeal") => S::Appealed,
        (S::Appealed, "start_second_review") => S::SecondReview,
        (S::SecondReview, "approve") => S::Approved,
        (S::SecondReview, "reject") => S::FinalRejected,
        _ => return None,
    })
}

#[test]
fn lifecycle_table_allows_exactly_the_listed_moves() {
    let mut valid = 0;
    let mut invalid = 0;
    for from in RefundStatus::ALL {
        for action in actions() {
            let (mut b, id, now) = book_at(from);
            let before = b.clone();
            let at = now + Duration::minutes(1);
            let want = expected(from, action.name());
            assert_eq!(from.next(&action), want, "{from} --{}-->", action.name());
            match want {
                Some(to) => {
                    valid += 1;
                    assert_eq!(b.apply(id, action.clone(), at), Ok(to));
                    let refund = b.get(id).unwrap();
                    assert_eq!(refund.status, to);
                    assert_eq!(
                        refund.history.len(),
                        before.get(id).unwrap().history.len() + 1
                    );
                    let last = refund.history.last().unwrap();
                    assert_eq!(
                        (last.at, last.from, last.to, last.action.as_ref()),
                        (at, Some(from), to, Some(&action))
                    );
                }
                None => {
                    invalid += 1;
                    let err = b.apply(id, action.clone(), at).unwrap_err();
                    assert_eq!(
                        err,
                        RefundError::InvalidTransition {
                            id,
                            from,
                            action: action.name().to_owned()
                        }
                    );
                    assert_eq!(err.code(), ErrorCode::InvalidRefundTransition);
                    assert_eq!(b, before, "a rejected move changed the book");
                }
            }
        }
    }
    assert_eq!(valid, 15);
    assert_eq!(invalid, 11 * 10 - 15);
    for status in [
        RefundStatus::Completed,
        RefundStatus::FinalRejected,
        RefundStatus::Cancelled,
    ] {
        assert!(status.is_final());
        assert!(actions().iter().all(|a| status.next(a).is_none()));
    }
}

#[test]
fn unknown_refund_and_backwards_clock_are_typed_errors_that_change_nothing() {
    let (mut b, id, now) = book_at(RefundStatus::UnderReview);
    let before = b.clone();
    let err = b
        .apply(RefundId::new(99), RefundAction::Approve, now)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::RefundNotFound);
    let earlier = now - Duration::seconds(1);
    let err = b.apply(id, RefundAction::Approve, earlier).unwrap_err();
    assert_eq!(
        err,
        RefundError::ClockWentBackwards {
            id,
            last: now,
            now: earlier
        }
    );
    assert_eq!(err.code(), ErrorCode::RefundClockWentBackwards);
    assert_eq!(b, before);
    // The same instant is fine: time need not move forward between moves.
    assert_eq!(
        b.apply(id, RefundAction::Approve, now),
        Ok(RefundStatus::Approved)
    );
}

#[test]
fn retries_count_attempts_up_to_the_policy_limit() {
    let mut b = book(RefundPolicy {
        max_processing_attempts: 3,
        ..RefundPolicy::default()
    });
    let mut now = day1();
    let id = b.submit(key("k"), full(), now).unwrap().id;
    let fail = || RefundAction::Fail {
        reason: FailureReason::Timeout,
    };
    for action in [
        RefundAction::StartReview,
        RefundAction::Approve,
        RefundAction::StartProcessing,
    ] {
        b.apply(id, action, now).unwrap();
    }
    assert_eq!(b.get(id).unwrap().attempts, 1);
    for attempt in 2..=3 {
        now += Duration::hours(1);
        b.apply(id, fail(), now).unwrap();
        b.apply(id, RefundAction::Retry, now).unwrap();
        assert_eq!(b.get(id).unwrap().attempts, attempt);
    }
    b.apply(id, fail(), now).unwrap();
    let before = b.clone();
    let err = b.apply(id, RefundAction::Retry, now).unwrap_err();
    assert_eq!(err, RefundError::RetryLimitReached { id, max: 3 });
    assert_eq!(err.code(), ErrorCode::RefundRetryLimitReached);
    assert_eq!(b, before);
    let refund = b.get(id).unwrap();
    assert_eq!(refund.failure, Some(FailureReason::Timeout));
    assert_eq!(refund.history.len(), 1 + 3 + 2 * 2 + 1);
}

#[test]
fn appeal_window_includes_its_last_instant_and_not_one_second_more() {
    for days in [14_u32, 3] {
        let policy = RefundPolicy {
            appeal_window_days: days,
            ..RefundPolicy::default()
        };
        let mut b = book(policy);
        let t0 = day1();
        let id = b.submit(key("k"), full(), t0).unwrap().id;
        b.apply(id, RefundAction::StartReview, t0).unwrap();
        let rejected_at = t0 + Duration::hours(2);
        b.apply(
            id,
            RefundAction::Reject {
                reason: RejectionReason::DeliveredAsDescribed,
            },
            rejected_at,
        )
        .unwrap();
        assert_eq!(b.get(id).unwrap().rejected_at(), Some(rejected_at));
        let closes = rejected_at + Duration::days(i64::from(days));

        let mut late = b.clone();
        let too_late = closes + Duration::seconds(1);
        let err = late
            .apply(id, RefundAction::Appeal { statement: None }, too_late)
            .unwrap_err();
        assert_eq!(
            err,
            RefundError::AppealWindowClosed {
                closed_at: closes,
                now: too_late
            }
        );
        assert_eq!(err.code(), ErrorCode::AppealWindowClosed);
        assert_eq!(late, b);

        assert_eq!(
            b.apply(id, RefundAction::Appeal { statement: None }, closes),
            Ok(RefundStatus::Appealed)
        );
        b.apply(id, RefundAction::StartSecondReview, closes)
            .unwrap();
        assert_eq!(
            b.apply(id, RefundAction::Approve, closes),
            Ok(RefundStatus::Approved)
        );
        let refund = b.get(id).unwrap();
        assert!(refund.appealed);
        assert_eq!(
            refund.rejection,
            Some(RejectionReason::DeliveredAsDescribed)
        );
        assert_eq!(refund.approved_at(), Some(closes));
    }
}

// ---------------------------------------------------------------------------
// Money safety and idempotency
// ---------------------------------------------------------------------------

#[test]
fn partial_refunds_sum_to_exactly_the_captured_amount_and_not_one_unit_more() {
    let mut b = book(RefundPolicy::default());
    let parts = [33_333, 33_333, 33_334];
    assert_eq!(parts.iter().sum::<i64>(), CAPTURED);
    for (i, minor) in parts.into_iter().enumerate() {
        b.submit(key(&format!("p{i}")), partial(minor), day1())
            .unwrap();
    }
    assert_eq!(b.committed_total().unwrap(), idr(CAPTURED));
    assert_eq!(b.refundable().unwrap(), idr(0));
    let before = b.clone();
    let err = b.submit(key("one-more"), partial(1), day1()).unwrap_err();
    assert_eq!(
        err,
        RefundError::NotEligible {
            problems: vec![IneligibilityReason::ExceedsRefundable {
                requested: idr(1),
                refundable: idr(0)
            }]
        }
    );
    assert_eq!(b, before);

    // One unit over in a single step, from an empty book.
    let mut b = book(RefundPolicy::default());
    b.submit(key("a"), partial(CAPTURED - 1), day1()).unwrap();
    assert!(b.submit(key("b"), partial(2), day1()).is_err());
    assert!(b.submit(key("c"), partial(1), day1()).is_ok());
    assert!(b.submit(key("d"), full(), day1()).is_err());
}

#[test]
fn reviving_a_refund_is_checked_against_the_captured_amount() {
    // A failed payout frees its money; if another refund takes it, the retry
    // is refused.
    let (mut b, id, now) = book_at(RefundStatus::Failed);
    assert_eq!(b.committed_total().unwrap(), idr(0));
    b.submit(key("other"), partial(1), now).unwrap();
    let before = b.clone();
    let err = b.apply(id, RefundAction::Retry, now).unwrap_err();
    assert_eq!(
        err,
        RefundError::ExceedsCaptured {
            requested_minor: CAPTURED,
            refundable_minor: CAPTURED - 1
        }
    );
    assert_eq!(err.code(), ErrorCode::RefundExceedsCaptured);
    assert_eq!(b, before);

    // The same for a rejection and its appeal.
    let (mut b, id, now) = book_at(RefundStatus::Rejected);
    b.submit(key("other"), partial(CAPTURED), now).unwrap();
    let before = b.clone();
    let err = b
        .apply(id, RefundAction::Appeal { statement: None }, now)
        .unwrap_err();
    assert!(matches!(err, RefundError::ExceedsCaptured { .. }));
    assert_eq!(b, before);

    // Cancelling frees the money for a new refund.
    let (mut b, _, now) = book_at(RefundStatus::Cancelled);
    assert!(b.submit(key("again"), full(), now).is_ok());
}

#[test]
fn an_idempotency_key_replays_the_same_refund_or_conflicts() {
    let mut b = book(RefundPolicy::default());
    let first = b.submit(key("k1"), partial(10), day1()).unwrap();
    assert!(!first.replayed);
    b.apply(first.id, RefundAction::StartReview, day1())
        .unwrap();
    let later = day1() + Duration::days(2);
    let again = b.submit(key("k1"), partial(10), later).unwrap();
    assert_eq!(again.id, first.id);
    assert!(again.replayed);
    assert_eq!(again.status, RefundStatus::UnderReview);
    assert_eq!(b.refunds().len(), 1);

    let before = b.clone();
    let err = b.submit(key("k1"), partial(11), later).unwrap_err();
    assert_eq!(
        err,
        RefundError::IdempotencyConflict {
            key: key("k1"),
            existing: first.id
        }
    );
    assert_eq!(err.code(), ErrorCode::RefundIdempotencyConflict);
    assert_eq!(b, before);
    assert_eq!(b.find_by_key(&key("k1")).map(|r| r.id), Some(first.id));
}

#[test]
fn a_stored_book_round_trips_and_a_tampered_one_is_rejected() {
    let (b, _, _) = book_at(RefundStatus::SecondReview);
    let json = serde_json::to_string(&b).unwrap();
    assert_eq!(serde_json::from_str::<RefundBook>(&json).unwrap(), b);

    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["refunds"][0]["amount"]["minor"] = serde_json::json!(CAPTURED + 1);
    assert!(serde_json::from_str::<RefundBook>(&value.to_string()).is_err());
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["refunds"][0]["status"] = serde_json::json!("completed");
    assert!(serde_json::from_str::<RefundBook>(&value.to_string()).is_err());
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["policy"]["max_processing_attempts"] = serde_json::json!(0);
    assert!(serde_json::from_str::<RefundBook>(&value.to_string()).is_err());
}

// ---------------------------------------------------------------------------
// SLA
// ---------------------------------------------------------------------------

fn indonesia() -> BusinessCalendar {
    BusinessCalendar::builtin(CalendarId::Indonesia)
}

fn jakarta(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    // WIB is UTC+7 all year.
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap() - Duration::hours(7)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Checks an SLA against the calendar itself and checks that the explanation
/// names every skipped holiday and the due date in every locale.
fn assert_due_matches_calendar(due: &RefundDue, calendar: &BusinessCalendar, days: u32) {
    let local = due
        .approved_at
        .with_timezone(&calendar.time_zone())
        .date_naive();
    let start = calendar.start_date(due.approved_at).unwrap();
    assert_eq!(due.start_date, start);
    assert_eq!(
        due.due_date,
        calendar.add_business_days(start, i64::from(days)).unwrap()
    );
    assert_eq!(
        due.skipped,
        calendar.non_business_days(local, due.due_date).unwrap()
    );
    assert_eq!(due.estimated, calendar.is_estimated(local, due.due_date));
    let end = due
        .due_date
        .succ_opt()
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    assert_eq!(due.due_at, end.and_utc() - Duration::hours(7));
    for locale in Locale::ALL {
        let text = due.render(locale);
        assert!(text.contains(&format_date(due.due_date, locale)), "{text}");
        for day in &due.skipped {
            assert!(text.contains(&format_date(day.date, locale)), "{text}");
            if let NonBusinessReason::Holiday(h) = &day.reason {
                assert!(text.contains(&h.name_in(locale)), "{text}");
            }
        }
    }
}

#[test]
fn sla_to_a_bca_card_across_christmas_and_new_year_2026() {
    let calendar = indonesia();
    // Wednesday 23 December 2026, 15:00 WIB, before the 17:00 cut-off.
    let approved_at = jakarta(2026, 12, 23, 15, 0);
    let due = RefundSlaPolicy::default()
        .due(&calendar, approved_at, bca_card())
        .unwrap();
    assert_eq!(due.business_days, 7);
    assert_eq!(due.start, CountStart::SameDay);
    assert_due_matches_calendar(&due, &calendar, 7);

    // Clear facts: Christmas Day is skipped by name, and so are the weekends
    // and New Year's Day that fall inside the period.
    let christmas = due
        .holidays()
        .find(|h| h.date == date(2026, 12, 25))
        .expect("Christmas Day is a holiday in Indonesia");
    assert_eq!(christmas.name, "Christmas Day");
    assert!(due.skipped.iter().any(|d| d.date == date(2026, 12, 26)));
    assert!(due.skipped.iter().any(|d| d.date == date(2026, 12, 27)));
    assert!(due.due_date > date(2027, 1, 1));
    assert!(due.holidays().any(|h| h.date == date(2027, 1, 1)));
    // Collective leave around Christmas, as far as the decree (the calendar
    // data) has it.
    for h in due.holidays() {
        if h.date.month0() == 11 && h.kind == walletcare::calendar::HolidayKind::CollectiveLeave {
            assert!(due.render(Locale::Id).contains(&h.name_in(Locale::Id)));
        }
    }
    let en = due.render(Locale::En);
    assert!(en.contains("Christmas Day"), "{en}");
    // Whether the answer rests on an estimated year is the calendar's call;
    // the explanation says so exactly when it does.
    assert_eq!(en.contains("estimates"), due.estimated);
    assert_eq!(due.render(Locale::Id).contains("perkiraan"), due.estimated);
    assert!(
        en.contains("Wednesday, 23 December 2026 at 15:00 WIB"),
        "{en}"
    );
    assert!(due.render(Locale::Id).contains("Hari Raya Natal"));
    assert!(due.render(Locale::ZhCn).contains("圣诞节"));
}

#[test]
fn sla_across_idul_fitri_2024_with_the_cut_off() {
    let calendar = indonesia();
    // Friday 5 April 2024, 17:30 WIB: after the cut-off, and the next
    // business day is after the whole Idul Fitri break.
    let approved_at = jakarta(2024, 4, 5, 17, 30);
    let due = RefundSlaPolicy::default()
        .due(&calendar, approved_at, bca_card())
        .unwrap();
    assert_eq!(due.start, CountStart::AfterCutoff);
    assert_eq!(due.start_date, date(2024, 4, 16));
    assert_due_matches_calendar(&due, &calendar, 7);
    assert!(due.holidays().filter(|h| h.name == "Eid al-Fitr").count() >= 4);
    assert!(
        due.render(Locale::En)
            .contains("after the daily cut-off (17:00 WIB)")
    );
    assert!(due.render(Locale::Id).contains("Hari Raya Idulfitri"));
    assert!(due.render(Locale::ZhCn).contains("开斋节"));
    assert!(!due.estimated);
}

#[test]
fn sla_days_depend_on_the_destination() {
    let calendar = indonesia();
    let approved_at = jakarta(2024, 3, 4, 10, 0); // Monday
    let policy = RefundSlaPolicy::default();
    let bni = RefundDestination::Card {
        bank: "BNI".parse().unwrap(),
        last4: "0001".parse().unwrap(),
    };
    let bri = RefundDestination::Card {
        bank: BankCode::BRI,
        last4: "0001".parse().unwrap(),
    };
    for (destination, days) in [
        (RefundDestination::WalletBalance, 0),
        (bri, 7),
        (bca_card(), 7),
        (bni, 14),
        (
            RefundDestination::BankTransfer {
                bank: BankCode::BCA,
                account_last4: "9999".parse().unwrap(),
            },
            3,
        ),
    ] {
        let due = policy.due(&calendar, approved_at, destination).unwrap();
        assert_eq!(due.business_days, days);
        assert_due_matches_calendar(&due, &calendar, days);
    }
    // Wallet: the same business day, or the next one after the cut-off.
    let wallet = RefundDestination::WalletBalance;
    let same = policy.due(&calendar, approved_at, wallet).unwrap();
    assert_eq!(same.due_date, date(2024, 3, 4));
    let after = policy
        .due(&calendar, jakarta(2024, 3, 4, 17, 0), wallet)
        .unwrap();
    assert_eq!(after.due_date, date(2024, 3, 5));
    // A weekend approval counts from Monday.
    let weekend = policy
        .due(&calendar, jakarta(2024, 3, 2, 10, 0), wallet)
        .unwrap();
    assert_eq!(weekend.start, CountStart::NonBusinessDay);
    assert_eq!(weekend.due_date, date(2024, 3, 4));
    assert!(weekend.render(Locale::En).contains("weekend or holiday"));
}

#[test]
fn sla_status_moves_from_on_track_to_due_soon_to_breached() {
    let calendar = indonesia();
    let approved_at = jakarta(2024, 3, 4, 10, 0);
    let policy = RefundSlaPolicy {
        due_soon_hours: 48,
        ..RefundSlaPolicy::default()
    };
    let due = policy.due(&calendar, approved_at, bca_card()).unwrap();
    assert_eq!(due.due_soon_at, due.due_at - Duration::hours(48));

    let on_track = due.status(approved_at, None);
    let SlaStatus::OnTrack { remaining_seconds } = on_track else {
        panic!("{on_track:?}")
    };
    assert_eq!(remaining_seconds, (due.due_at - approved_at).num_seconds());
    let just_before = due.due_soon_at - Duration::seconds(1);
    assert!(matches!(
        due.status(just_before, None),
        SlaStatus::OnTrack { .. }
    ));
    assert_eq!(
        due.status(due.due_soon_at, None),
        SlaStatus::DueSoon {
            remaining_seconds: 48 * 3600
        }
    );
    assert_eq!(
        due.status(due.due_at - Duration::seconds(1), None),
        SlaStatus::DueSoon {
            remaining_seconds: 1
        }
    );
    assert_eq!(
        due.status(due.due_at, None),
        SlaStatus::Breached { overdue_seconds: 0 }
    );
    let late = due.due_at + Duration::hours(30);
    assert_eq!(
        due.status(late, None),
        SlaStatus::Breached {
            overdue_seconds: 30 * 3600
        }
    );
    assert_eq!(
        due.status(late, Some(due.due_at - Duration::hours(1))),
        SlaStatus::CompletedOnTime {
            margin_seconds: 3600
        }
    );
    assert_eq!(
        due.status(late, Some(due.due_at)),
        SlaStatus::CompletedLate { late_seconds: 0 }
    );
    let texts = |s: SlaStatus| Locale::ALL.map(|l| s.render(l));
    assert_eq!(
        texts(due.status(late, None)),
        [
            "Overdue by 1 day 6 hours",
            "Terlambat 1 hari 6 jam",
            "已超时1天6小时"
        ]
    );
    assert_eq!(
        texts(SlaStatus::DueSoon {
            remaining_seconds: 5 * 3600 + 600
        }),
        [
            "Due soon: 5 hours 10 minutes left",
            "Segera jatuh tempo: sisa 5 jam 10 menit",
            "即将到期：还剩5小时10分钟"
        ]
    );
}

#[test]
fn sla_follows_the_refund_through_the_book() {
    let calendar = indonesia();
    let policy = RefundSlaPolicy::default();
    let (mut b, id, now) = book_at(RefundStatus::Processing);
    let due = policy
        .due_for(&calendar, b.get(id).unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(due.approved_at, b.get(id).unwrap().approved_at().unwrap());
    assert_eq!(due.destination, bca_card());
    b.apply(id, RefundAction::Complete, now).unwrap();
    let refund = b.get(id).unwrap();
    assert!(matches!(
        due.status(now + Duration::days(60), refund.completed_at()),
        SlaStatus::CompletedOnTime { .. }
    ));
    let (b, id, _) = book_at(RefundStatus::UnderReview);
    assert_eq!(policy.due_for(&calendar, b.get(id).unwrap()), Ok(None));
}

#[test]
fn sla_flags_estimated_years_and_refuses_uncovered_ones() {
    let calendar = indonesia();
    let policy = RefundSlaPolicy::default();
    let estimated_year = (2024..=2030)
        .find(|y| calendar.is_estimated_year(*y))
        .expect("the built-in calendar has estimated years");
    let due = policy
        .due(&calendar, jakarta(estimated_year, 6, 10, 10, 0), bca_card())
        .unwrap();
    assert!(due.estimated);
    assert!(due.render(Locale::En).contains("estimates"));
    assert!(due.render(Locale::Id).contains("perkiraan"));
    assert!(due.render(Locale::ZhCn).contains("预估"));

    let err = policy
        .due(&calendar, jakarta(2040, 6, 10, 10, 0), bca_card())
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::CalendarNotCovered);
    let bad = RefundSlaPolicy {
        other_card_days: 10_000,
        ..RefundSlaPolicy::default()
    };
    assert!(matches!(
        bad.due(&calendar, jakarta(2024, 3, 4, 10, 0), bca_card()),
        Err(RefundError::InvalidPolicy { .. })
    ));
}

// ---------------------------------------------------------------------------
// Properties over arbitrary operation sequences
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Op {
    Submit {
        key: u8,
        amount: Option<i64>,
        reason: usize,
        evidence: bool,
        wallet: bool,
        dt: i64,
    },
    Apply {
        refund: u8,
        action: usize,
        dt: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (
            0_u8..6,
            prop::option::weighted(0.8, 1_i64..=CAPTURED + 10),
            0_usize..RefundReason::ALL.len(),
            any::<bool>(),
            prop::bool::weighted(0.1),
            -3_600_i64..86_400,
        )
            .prop_map(|(key, amount, reason, evidence, wallet, dt)| Op::Submit {
                key,
                amount,
                reason,
                evidence,
                wallet,
                dt,
            }),
        (0_u8..8, 0_usize..10, -3_600_i64..(86_400 * 4))
            .prop_map(|(refund, action, dt)| { Op::Apply { refund, action, dt } }),
    ]
}

fn policy_strategy() -> impl Strategy<Value = RefundPolicy> {
    (
        any::<bool>(),
        1_u32..4,
        prop::option::of(1_i64..CAPTURED),
        1_u32..4,
        1_u32..4,
        any::<bool>(),
    )
        .prop_map(
            |(partial_refunds, max_refunds, auto, appeal_days, attempts, other)| RefundPolicy {
                partial_refunds,
                max_refunds_per_transaction: max_refunds,
                auto_approve_below: auto.map(idr),
                appeal_window_days: appeal_days,
                max_processing_attempts: attempts,
                other_destinations_allowed: other,
                ..RefundPolicy::default()
            },
        )
}

fn build_request(
    amount: Option<i64>,
    reason: usize,
    evidence: bool,
    wallet: bool,
) -> RefundRequest {
    let amount = match amount {
        Some(minor) => RefundAmount::Partial { amount: idr(minor) },
        None => RefundAmount::Full,
    };
    let mut r = request(amount, RefundReason::ALL[reason]);
    if evidence {
        r = r
            .with_evidence(Evidence::new(EvidenceKind::Photo, "upload/p.jpg").unwrap())
            .unwrap();
    }
    if wallet {
        r = r.with_destination(RefundDestination::WalletBalance);
    }
    r
}

/// What a run observed, for the properties to check.
#[derive(Default)]
struct Observed {
    replays: usize,
    conflicts: usize,
}

/// Runs `ops` on a fresh book, checking after every step that the refunds
/// holding money stay within the captured amount, that an error changed
/// nothing, that histories only grow (old entries untouched), and that
/// idempotency keys replay or conflict as they should.
fn run(policy: RefundPolicy, ops: &[Op]) -> Result<Observed, TestCaseError> {
    let mut b = book(policy);
    let mut now = day1();
    let mut seen: Vec<(IdempotencyKey, RefundRequest, RefundId)> = Vec::new();
    let mut observed = Observed::default();
    for op in ops {
        let before = b.clone();
        let result: Result<(), RefundError> = match op {
            Op::Submit {
                key: k,
                amount,
                reason,
                evidence,
                wallet,
                dt,
            } => {
                now += Duration::seconds(*dt);
                let k = key(&format!("key-{k}"));
                let r = build_request(*amount, *reason, *evidence, *wallet);
                let earlier = seen.iter().find(|(key, _, _)| *key == k).cloned();
                let outcome = b.submit(k.clone(), r.clone(), now);
                match (&earlier, &outcome) {
                    (Some((_, old, id)), Ok(s)) => {
                        prop_assert_eq!(old, &r);
                        prop_assert!(s.replayed);
                        prop_assert_eq!(s.id, *id);
                        prop_assert_eq!(&b, &before);
                        observed.replays += 1;
                    }
                    (Some((_, old, id)), Err(e)) => {
                        prop_assert_ne!(old, &r);
                        prop_assert_eq!(
                            e,
                            &RefundError::IdempotencyConflict {
                                key: k.clone(),
                                existing: *id
                            }
                        );
                        observed.conflicts += 1;
                    }
                    (None, Ok(s)) => {
                        prop_assert!(!s.replayed);
                        prop_assert_eq!(b.refunds().len(), before.refunds().len() + 1);
                        seen.push((k, r, s.id));
                    }
                    (None, Err(_)) => {}
                }
                outcome.map(|_| ())
            }
            Op::Apply { refund, action, dt } => {
                now += Duration::seconds(*dt);
                let id = RefundId::new(u32::from(*refund) + 1);
                let action = actions()[*action].clone();
                b.apply(id, action, now).map(|_| ())
            }
        };
        if result.is_err() {
            prop_assert_eq!(&b, &before, "an error changed the book");
        }
        let committed = b.committed_total().unwrap();
        prop_assert!(committed.minor() <= CAPTURED, "committed {:?}", committed);
        prop_assert!(!b.refundable().unwrap().is_negative());
        prop_assert!(b.refunds().len() >= before.refunds().len());
        for old in before.refunds() {
            let new = b.get(old.id).unwrap();
            prop_assert!(new.history.len() >= old.history.len());
            prop_assert_eq!(&new.history[..old.history.len()], &old.history[..]);
            prop_assert!(new.history.windows(2).all(|w| w[0].at <= w[1].at));
            prop_assert_eq!(new.history.last().map(|e| e.to), Some(new.status));
        }
    }
    // The final state survives a JSON round trip through validation.
    let json = serde_json::to_string(&b).unwrap();
    prop_assert_eq!(serde_json::from_str::<RefundBook>(&json).unwrap(), b);
    Ok(observed)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn refunds_never_exceed_captured_amount(
        policy in policy_strategy(),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        run(policy, &ops)?;
    }

    #[test]
    fn replaying_an_idempotency_key_returns_the_same_refund(
        policy in policy_strategy(),
        ops in prop::collection::vec(op(), 1..30),
        replay in prop::collection::vec(0_usize..30, 1..5),
    ) {
        // Append exact replays of earlier submissions so every case replays.
        let mut ops = ops;
        let submits: Vec<Op> = ops.iter().filter(|o| matches!(o, Op::Submit { .. })).cloned().collect();
        for i in replay {
            if let Some(op) = submits.get(i % submits.len().max(1)) {
                ops.push(op.clone());
            }
        }
        run(policy, &ops)?;
    }

    #[test]
    fn no_operation_sequence_panics_and_history_only_grows(
        policy in policy_strategy(),
        ops in prop::collection::vec(op(), 1..60),
    ) {
        run(policy, &ops)?;
    }
}

#[test]
fn refund_due_records_the_calendar_edition_and_old_json_still_loads() {
    let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
    let due = RefundSlaPolicy::default()
        .due(&cal, day1(), bca_card())
        .unwrap();
    assert_eq!(due.edition, Some(cal.edition().stamp()));
    let mut json = serde_json::to_value(&due).unwrap();
    assert_eq!(json["edition"]["id"], "ID-2026.12");
    assert_eq!(json["edition"]["digest"], cal.edition().digest.as_str());
    json.as_object_mut().unwrap().remove("edition");
    let old: RefundDue = serde_json::from_value(json).unwrap();
    assert_eq!(old.edition, None);
    assert_eq!(old.due_date, due.due_date);
}
