//! Unit tests of the transaction module.

use chrono::{Duration, TimeZone, Utc};
use chrono_tz::Tz;

use super::*;
use crate::account::{AccountState, FreezeReason, VerificationLevel};
use crate::error::{ErrorCode, HasErrorCode};
use crate::locale::{Locale, Render};
use crate::money::{Currency, Money};

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn rp(major: i64) -> Money {
    Money::from_major(major, Currency::Idr).unwrap()
}

fn key(s: &str) -> IdempotencyKey {
    IdempotencyKey::new(s).unwrap()
}

fn tid(s: &str) -> TransactionId {
    TransactionId::new(s).unwrap()
}

fn merchant() -> MerchantRef {
    MerchantRef::new("M-1", "Sate Khas Senayan").unwrap()
}

fn payment(id: &str, amount: Money, created: DateTime<Utc>) -> Transaction {
    let kind = TransactionKind::Payment {
        channel: PaymentChannel::Qr,
        merchant: merchant(),
    };
    Transaction::new(tid(id), kind, amount, key(&format!("k-{id}")), created).unwrap()
}

const ACTIVE: AccountState = AccountState::Active;

// ---- text values ----

#[test]
fn tokens_reject_empty_long_and_non_ascii_graphic() {
    assert!(TransactionId::new("T-1").is_ok());
    let long = "x".repeat(65);
    assert_eq!(
        TransactionId::new(long).unwrap_err(),
        TransactionError::InvalidText {
            field: "transaction id",
            problem: TextProblem::TooLong {
                max: 64,
                actual: 65
            }
        }
    );
    assert!(TransactionId::new("x".repeat(64)).is_ok());
    assert!(IdempotencyKey::new("k".repeat(128)).is_ok());
    assert!(IdempotencyKey::new("k".repeat(129)).is_err());
    for bad in ["a b", "é", "a\nb", "\u{0}"] {
        let err = IdempotencyKey::new(bad).unwrap_err();
        assert!(
            matches!(
                err,
                TransactionError::InvalidText {
                    problem: TextProblem::ForbiddenChar { .. },
                    ..
                }
            ),
            "{bad:?}: {err:?}"
        );
        assert_eq!(err.code(), ErrorCode::InvalidArgument);
    }
    assert_eq!(
        ProviderCode::new("").unwrap_err().to_string(),
        "invalid provider code: it is empty"
    );
}

#[test]
fn names_are_trimmed_and_accept_any_script_but_no_controls() {
    assert_eq!(Name::new("  Toko Maju  ").unwrap().as_str(), "Toko Maju");
    assert_eq!(Name::new("海底捞火锅").unwrap().as_str(), "海底捞火锅");
    assert!(Name::new(" \t ").is_err());
    assert!(Name::new("Toko\u{7}Maju").is_err());
    assert!(Name::new("é".repeat(100)).is_ok());
    assert!(Name::new("é".repeat(101)).is_err());
    // Deserialising runs the same checks.
    assert!(serde_json::from_str::<Name>("\"\"").is_err());
    assert_eq!(
        serde_json::from_str::<Name>("\" BCA \"").unwrap().as_str(),
        "BCA"
    );
}

#[test]
fn bank_account_keeps_only_four_digits() {
    for bad in ["", "123", "12345", "12a4", "１２３４"] {
        assert!(BankAccountRef::new("BCA", bad).is_err(), "{bad:?}");
    }
    let json = r#"{"bank":"BCA","last4":"1234","number":"1234567890"}"#;
    assert!(serde_json::from_str::<BankAccountRef>(json).is_err());
}

// ---- lifecycle ----

#[test]
fn only_documented_transitions_are_allowed() {
    use TransactionStatus::*;
    let all = [Pending, Succeeded, Failed, Reversed];
    let allowed = [
        (Pending, Succeeded),
        (Pending, Failed),
        (Succeeded, Reversed),
    ];
    for from in all {
        for to in all {
            assert_eq!(
                from.can_become(to),
                allowed.contains(&(from, to)),
                "{from} -> {to}"
            );
        }
    }
}

#[test]
fn transitions_are_checked_and_all_or_nothing() {
    let t0 = at(2026, 11, 21, 3, 0);
    let mut tx = payment("T-1", rp(10_000), t0);
    assert_eq!(
        tx.reverse(t0).unwrap_err(),
        TransactionError::InvalidTransition {
            from: TransactionStatus::Pending,
            to: TransactionStatus::Reversed
        }
    );
    let before = tx.clone();
    let err = tx.succeed(t0 - Duration::seconds(1)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidArgument);
    assert_eq!(tx, before);

    tx.fail(FailureReason::WrongPin, t0 + Duration::seconds(3))
        .unwrap();
    let failed = tx.clone();
    for result in [
        tx.succeed(t0 + Duration::hours(1)),
        tx.reverse(t0 + Duration::hours(1)),
        tx.fail(FailureReason::NetworkTimeout, t0 + Duration::hours(1)),
    ] {
        let err = result.unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidTransactionTransition);
    }
    assert_eq!(tx, failed);
    assert_eq!(tx.updated_at(), t0 + Duration::seconds(3));

    let mut ok = payment("T-2", rp(1), t0);
    ok.succeed(t0).unwrap();
    ok.reverse(t0 + Duration::minutes(5)).unwrap();
    assert!(ok.status().is_final());
    assert!(ok.reverse(t0 + Duration::minutes(6)).is_err());
}

#[test]
fn non_positive_amounts_are_rejected() {
    let kind = TransactionKind::TopUp {
        source: TopUpSource::Card,
    };
    for minor in [0, -1, i64::MIN] {
        let err = Transaction::new(
            tid("T"),
            kind.clone(),
            Money::new(minor, Currency::Idr),
            key("K"),
            at(2026, 1, 1, 0, 0),
        )
        .unwrap_err();
        assert_eq!(err.code(), ErrorCode::NonPositiveAmount);
    }
}

// ---- serde ----

#[test]
fn transaction_json_shape_is_stable_and_validated() {
    let t0 = at(2026, 11, 21, 3, 0);
    let mut tx = payment("T-1", rp(15_000), t0);
    tx.fail(
        FailureReason::BankUnavailable {
            bank: Name::new("BRI").unwrap(),
        },
        t0,
    )
    .unwrap();
    let json = serde_json::to_string(&tx).unwrap();
    assert_eq!(
        json,
        r#"{"id":"T-1","kind":{"kind":"payment","channel":"qr","merchant":{"id":"M-1","name":"Sate Khas Senayan"}},"amount":{"minor":1500000,"currency":"IDR"},"created_at":"2026-11-21T03:00:00Z","updated_at":"2026-11-21T03:00:00Z","state":{"state":"failed","reason":"bank_unavailable","bank":"BRI"},"idempotency_key":"k-T-1"}"#
    );
    assert_eq!(serde_json::from_str::<Transaction>(&json).unwrap(), tx);

    let zero = json.replace("1500000", "0");
    assert!(serde_json::from_str::<Transaction>(&zero).is_err());
    let extra = json.replace(r#""id":"T-1","#, r#""id":"T-1","note":"x","#);
    assert!(serde_json::from_str::<Transaction>(&extra).is_err());
    let backwards = json.replace(
        r#""updated_at":"2026-11-21T03:00:00Z""#,
        r#""updated_at":"2026-11-21T02:00:00Z""#,
    );
    assert!(serde_json::from_str::<Transaction>(&backwards).is_err());
    let unknown_kind = json.replace(r#""kind":"payment""#, r#""kind":"gift""#);
    assert!(serde_json::from_str::<Transaction>(&unknown_kind).is_err());
    let unknown_channel = json.replace(r#""channel":"qr""#, r#""channel":"nfc""#);
    assert!(serde_json::from_str::<Transaction>(&unknown_channel).is_err());
}

fn every_failure_reason() -> Vec<FailureReason> {
    vec![
        FailureReason::InsufficientBalance {
            shortfall: rp(12_000),
        },
        FailureReason::WrongPin,
        FailureReason::AccountLocked {
            until: at(2026, 11, 21, 4, 0),
        },
        FailureReason::AccountFrozen,
        FailureReason::AccountClosed,
        FailureReason::LimitExceeded {
            kind: LimitKind::DailyOutgoing,
            limit: rp(1_000_000),
            remaining: rp(250_000),
            level: VerificationLevel::Unverified,
        },
        FailureReason::NetworkTimeout,
        FailureReason::MerchantUnavailable,
        FailureReason::SystemMaintenance {
            until: at(2026, 11, 21, 5, 0),
        },
        FailureReason::RiskRejected,
        FailureReason::CardExpired,
        FailureReason::BankUnavailable {
            bank: Name::new("Bank Mandiri").unwrap(),
        },
        FailureReason::Unknown {
            code: ProviderCode::new("E-91").unwrap(),
        },
    ]
}

#[test]
fn every_failure_reason_round_trips_inside_a_state() {
    for reason in every_failure_reason() {
        let json = serde_json::to_string(&reason).unwrap();
        assert_eq!(
            serde_json::from_str::<FailureReason>(&json).unwrap(),
            reason
        );
        let state = TransactionState::Failed(reason.clone());
        let json = serde_json::to_string(&state).unwrap();
        assert!(
            json.starts_with(r#"{"state":"failed","reason":""#),
            "{json}"
        );
        assert_eq!(
            serde_json::from_str::<TransactionState>(&json).unwrap(),
            state
        );
    }
    let bad = r#"{"reason":"insufficient_balance","shortfall":{"minor":1,"currency":"IDR"},"x":1}"#;
    assert!(serde_json::from_str::<FailureReason>(bad).is_err());
    let long_code = format!(r#"{{"reason":"unknown","code":"{}"}}"#, "x".repeat(33));
    assert!(serde_json::from_str::<FailureReason>(&long_code).is_err());
}

#[test]
fn support_categories_have_exactly_the_triage_names() {
    let names: Vec<_> = SupportCategory::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        names,
        [
            "account_access",
            "account_security",
            "payment_failure",
            "refund",
            "bank_card",
            "technical",
            "complaint",
            "feedback",
            "general_inquiry"
        ]
    );
    for category in SupportCategory::ALL {
        let json = serde_json::to_string(&category).unwrap();
        assert_eq!(json, format!("\"{}\"", category.as_str()));
        assert_eq!(category.as_str().parse::<SupportCategory>(), Ok(category));
        let [en, id, zh] = Locale::ALL.map(|l| diagnose::category_text(category, l));
        assert!(en != id && id != zh && !en.is_empty(), "{category}");
    }
    let err = "billing".parse::<SupportCategory>().unwrap_err();
    assert_eq!(err.code(), ErrorCode::UnknownValue);
    assert!(serde_json::from_str::<SupportCategory>("\"billing\"").is_err());
}

#[test]
fn every_error_variant_has_its_code() {
    let m = rp(1);
    let cases = [
        (
            TransactionError::Declined(Decline::InsufficientBalance { shortfall: m }),
            ErrorCode::InsufficientBalance,
        ),
        (
            TransactionError::Declined(Decline::LimitExceeded {
                kind: LimitKind::MaxBalance,
                limit: m,
                remaining: m,
                level: VerificationLevel::Verified,
            }),
            ErrorCode::LimitExceeded,
        ),
        (
            TransactionError::Declined(Decline::AccountLocked {
                until: at(2026, 1, 1, 0, 0),
            }),
            ErrorCode::OutgoingBlocked,
        ),
        (
            TransactionError::Declined(Decline::AccountFrozen),
            ErrorCode::OutgoingBlocked,
        ),
        (
            TransactionError::Declined(Decline::AccountClosed),
            ErrorCode::AccountClosed,
        ),
        (
            TransactionError::IdempotencyConflict { key: key("k") },
            ErrorCode::IdempotencyConflict,
        ),
        (
            TransactionError::DuplicateTransaction { id: tid("t") },
            ErrorCode::DuplicateTransaction,
        ),
        (
            TransactionError::TransactionNotFound { id: tid("t") },
            ErrorCode::TransactionNotFound,
        ),
        (
            TransactionError::NotADebit { id: tid("t") },
            ErrorCode::InvalidArgument,
        ),
        (
            TransactionError::AlreadyReversed { id: tid("t") },
            ErrorCode::InvalidTransactionTransition,
        ),
        (
            TransactionError::CreditExceedsOriginal {
                id: tid("t"),
                requested: m,
                available: m,
            },
            ErrorCode::CreditExceedsOriginal,
        ),
        (
            TransactionError::OutsideLimitWindow {
                at: at(2026, 1, 1, 0, 0),
                date: NaiveDate::MIN,
                earliest: NaiveDate::MIN,
            },
            ErrorCode::DateOutOfRange,
        ),
        (
            TransactionError::InvalidConfig { problem: "p" },
            ErrorCode::InvalidLedgerConfig,
        ),
        (
            TransactionError::InvalidLedgerState { problem: "p" },
            ErrorCode::InvalidJson,
        ),
        (
            TransactionError::CurrencyMismatch {
                expected: Currency::Idr,
                actual: Currency::Usd,
            },
            ErrorCode::CurrencyMismatch,
        ),
        (
            TransactionError::NonPositiveAmount { amount: m },
            ErrorCode::NonPositiveAmount,
        ),
        (
            TransactionError::Money(crate::money::MoneyError::Overflow),
            ErrorCode::MoneyOverflow,
        ),
    ];
    for (err, code) in cases {
        assert_eq!(err.code(), code, "{err}");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn error_messages_name_the_offending_values() {
    let err = TransactionError::CreditExceedsOriginal {
        id: tid("T-9"),
        requested: rp(50_000),
        available: Money::new(1_250, Currency::Idr),
    };
    assert_eq!(
        err.to_string(),
        "crediting IDR 50000.00 back for transaction T-9 exceeds the IDR 12.50 that remains of it"
    );
    let err = TransactionError::Declined(Decline::LimitExceeded {
        kind: LimitKind::DailyOutgoing,
        limit: rp(1_000_000),
        remaining: rp(0),
        level: VerificationLevel::Unverified,
    });
    assert_eq!(
        err.to_string(),
        "declined: daily outgoing limit of IDR 1000000.00 for unverified accounts exceeded (IDR 0.00 remaining)"
    );
}

// ---- ledger ----

fn ledger(level: VerificationLevel) -> Ledger {
    Ledger::new(LedgerConfig::default(), level).unwrap()
}

fn funded(level: VerificationLevel, balance: Money) -> Ledger {
    Ledger::with_balance(LedgerConfig::default(), level, balance).unwrap()
}

fn debit(k: &str, t: &str, amount: Money) -> LedgerRequest {
    LedgerRequest::debit(key(k), tid(t), amount)
}

fn top_up(k: &str, t: &str, amount: Money) -> LedgerRequest {
    LedgerRequest::top_up(key(k), tid(t), amount)
}

fn declined(result: Result<Receipt, TransactionError>) -> Decline {
    match result {
        Err(TransactionError::Declined(d)) => d,
        other => panic!("expected a decline, got {other:?}"),
    }
}

#[test]
fn debit_checks_account_then_limit_then_balance() {
    let now = at(2026, 11, 21, 3, 0);
    let mut l = funded(VerificationLevel::Unverified, rp(100));
    let locked = AccountState::Locked {
        until: now + Duration::minutes(30),
    };
    // Too much for the limit and the balance, and locked: the lock wins.
    let big = rp(2_000_000);
    assert_eq!(
        declined(l.apply(&debit("a", "t-a", big), &locked, now)),
        Decline::AccountLocked {
            until: now + Duration::minutes(30)
        }
    );
    // Not locked: the limit comes before the balance.
    assert_eq!(
        declined(l.apply(&debit("b", "t-b", big), &ACTIVE, now)),
        Decline::LimitExceeded {
            kind: LimitKind::DailyOutgoing,
            limit: rp(1_000_000),
            remaining: rp(1_000_000),
            level: VerificationLevel::Unverified,
        }
    );
    assert_eq!(
        declined(l.apply(&debit("c", "t-c", rp(150)), &ACTIVE, now)),
        Decline::InsufficientBalance { shortfall: rp(50) }
    );
    assert_eq!(l.balance(), rp(100));
    // An expired lock does not block.
    let expired = AccountState::Locked {
        until: now - Duration::seconds(1),
    };
    let receipt = l.apply(&debit("d", "t-d", rp(100)), &expired, now).unwrap();
    assert_eq!(receipt.change, rp(-100));
    assert_eq!(receipt.balance_after, rp(0));
    // A lock ending exactly now does not block either.
    let mut l2 = funded(VerificationLevel::Unverified, rp(1));
    let ends_now = AccountState::Locked { until: now };
    assert!(l2.apply(&debit("e", "t-e", rp(1)), &ends_now, now).is_ok());
}

#[test]
fn frozen_accounts_receive_but_do_not_pay_and_closed_ones_do_neither() {
    let now = at(2026, 11, 21, 3, 0);
    let frozen = AccountState::Frozen {
        reason: FreezeReason::SuspectedFraud,
        since: now,
    };
    let mut l = funded(VerificationLevel::Verified, rp(10_000));
    l.apply(&debit("d0", "t0", rp(1_000)), &ACTIVE, now)
        .unwrap();
    assert!(
        l.apply(&top_up("k1", "t1", rp(5_000)), &frozen, now)
            .is_ok()
    );
    l.credit_refund(key("r1"), tid("t0"), rp(500), &frozen, now)
        .unwrap();
    assert_eq!(
        declined(l.apply(&debit("k2", "t2", rp(1)), &frozen, now)),
        Decline::AccountFrozen
    );
    let closed = AccountState::Closed;
    assert_eq!(
        declined(l.apply(&top_up("k3", "t3", rp(1)), &closed, now)),
        Decline::AccountClosed
    );
    assert_eq!(
        declined(l.reverse(key("v1"), tid("t0"), &closed, now)),
        Decline::AccountClosed
    );
    assert_eq!(
        declined(l.apply(&debit("k4", "t4", rp(1)), &closed, now)),
        Decline::AccountClosed
    );
    assert_eq!(l.balance(), rp(14_500));
    // The declined reversal did not use the debit up: it can still be
    // reversed under a new key once the account is usable.
    let receipt = l.reverse(key("v2"), tid("t0"), &ACTIVE, now).unwrap();
    assert_eq!(receipt.change, rp(500));
}

#[test]
fn daily_limit_resets_at_local_midnight_not_utc_midnight() {
    // 16:30 UTC is 23:30 WIB; 17:00 UTC is 00:00 WIB the next day.
    let before = at(2026, 11, 21, 16, 30);
    let after = at(2026, 11, 21, 17, 0);
    let mut l = funded(VerificationLevel::Unverified, rp(1_500_000));
    l.apply(&debit("a", "ta", rp(900_000)), &ACTIVE, before)
        .unwrap();
    assert_eq!(l.daily_outgoing_remaining(before), rp(100_000));
    let d = declined(l.apply(&debit("b", "tb", rp(200_000)), &ACTIVE, before));
    assert!(matches!(
        d,
        Decline::LimitExceeded {
            kind: LimitKind::DailyOutgoing,
            ..
        }
    ));
    assert_eq!(l.daily_outgoing_remaining(after), rp(1_000_000));
    l.apply(&debit("c", "tc", rp(200_000)), &ACTIVE, after)
        .unwrap();

    // In UTC the two instants are the same day, so the limit still bites.
    let config = LedgerConfig {
        zone: chrono_tz::UTC,
        ..LedgerConfig::default()
    };
    let mut utc =
        Ledger::with_balance(config, VerificationLevel::Unverified, rp(1_500_000)).unwrap();
    utc.apply(&debit("a", "ta", rp(900_000)), &ACTIVE, before)
        .unwrap();
    assert!(
        utc.apply(&debit("c", "tc", rp(200_000)), &ACTIVE, after)
            .is_err()
    );
}

#[test]
fn top_ups_respect_max_balance_and_monthly_incoming() {
    let now = at(2026, 11, 2, 3, 0);
    let mut l = ledger(VerificationLevel::Unverified);
    l.apply(&top_up("a", "ta", rp(1_500_000)), &ACTIVE, now)
        .unwrap();
    assert_eq!(
        declined(l.apply(&top_up("b", "tb", rp(600_000)), &ACTIVE, now)),
        Decline::LimitExceeded {
            kind: LimitKind::MaxBalance,
            limit: rp(2_000_000),
            remaining: rp(500_000),
            level: VerificationLevel::Unverified,
        }
    );
    // Spend and refill across the month until the monthly limit bites.
    let mut incoming = 1_500_000;
    let mut n = 0;
    while incoming + 1_000_000 <= 20_000_000 {
        n += 1;
        let day = now + Duration::days(n % 20);
        l.apply(
            &debit(&format!("d{n}"), &format!("td{n}"), rp(1_000_000)),
            &ACTIVE,
            day,
        )
        .unwrap();
        l.apply(
            &top_up(&format!("u{n}"), &format!("tu{n}"), rp(1_000_000)),
            &ACTIVE,
            day,
        )
        .unwrap();
        incoming += 1_000_000;
    }
    assert_eq!(l.monthly_incoming_remaining(now), rp(20_000_000 - incoming));
    l.apply(
        &debit("dx", "tdx", rp(900_000)),
        &ACTIVE,
        now + Duration::days(21),
    )
    .unwrap();
    let d = declined(l.apply(
        &top_up("ux", "tux", rp(600_000)),
        &ACTIVE,
        now + Duration::days(21),
    ));
    assert_eq!(
        d,
        Decline::LimitExceeded {
            kind: LimitKind::MonthlyIncoming,
            limit: rp(20_000_000),
            remaining: rp(500_000),
            level: VerificationLevel::Unverified,
        }
    );
    // Verification lifts the limits.
    l.set_verification_level(VerificationLevel::Verified);
    assert!(
        l.apply(
            &top_up("uy", "tuy", rp(600_000)),
            &ACTIVE,
            now + Duration::days(21)
        )
        .is_ok()
    );
    // A new local month starts from zero: 1 Dec 00:00 WIB is 30 Nov 17:00 UTC.
    l.set_verification_level(VerificationLevel::Unverified);
    assert_eq!(
        l.monthly_incoming_remaining(at(2026, 11, 30, 17, 0)),
        rp(20_000_000)
    );
}

#[test]
fn replays_return_the_stored_outcome_whatever_changed_since() {
    let now = at(2026, 11, 21, 3, 0);
    let mut l = funded(VerificationLevel::Verified, rp(100));
    let pay = debit("k", "t", rp(150));
    let first = l.apply(&pay, &ACTIVE, now);
    l.apply(&top_up("u", "tu", rp(1_000)), &ACTIVE, now)
        .unwrap();
    let snapshot = l.clone();
    // Enough money now, but the same key gives the same (declined) answer.
    assert_eq!(l.apply(&pay, &ACTIVE, now + Duration::hours(1)), first);
    assert_eq!(l, snapshot);
    // ...and the same request under a new key goes through.
    assert!(l.apply(&debit("k2", "t", rp(150)), &ACTIVE, now).is_ok());

    let ok = l.apply(&top_up("u", "tu", rp(1_000)), &AccountState::Closed, now);
    assert_eq!(ok.unwrap().balance_after, rp(1_100));
}

#[test]
fn same_key_different_request_is_a_conflict_and_changes_nothing() {
    let now = at(2026, 11, 21, 3, 0);
    let mut l = funded(VerificationLevel::Verified, rp(100));
    l.apply(&debit("k", "t", rp(10)), &ACTIVE, now).unwrap();
    let snapshot = l.clone();
    for other in [
        debit("k", "t", rp(11)),
        debit("k", "t2", rp(10)),
        top_up("k", "t", rp(10)),
        LedgerRequest::reversal(key("k"), tid("t")),
    ] {
        let err = l.apply(&other, &ACTIVE, now).unwrap_err();
        assert_eq!(err, TransactionError::IdempotencyConflict { key: key("k") });
    }
    assert_eq!(l, snapshot);
}

#[test]
fn a_transaction_id_moves_money_under_one_key_only() {
    let now = at(2026, 11, 21, 3, 0);
    let mut l = funded(VerificationLevel::Verified, rp(100));
    l.apply(&debit("k1", "t", rp(10)), &ACTIVE, now).unwrap();
    let err = l
        .apply(&debit("k2", "t", rp(10)), &ACTIVE, now)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::DuplicateTransaction);
    let err = l
        .apply(&top_up("k3", "t", rp(10)), &ACTIVE, now)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::DuplicateTransaction);
    assert_eq!(l.balance(), rp(90));
    assert_eq!(l.len(), 1);
}

#[test]
fn invalid_requests_are_not_stored_and_change_nothing() {
    let now = at(2026, 11, 21, 3, 0);
    let mut l = funded(VerificationLevel::Verified, rp(100));
    let snapshot = l.clone();
    let usd = debit("k", "t", Money::new(5, Currency::Usd));
    assert_eq!(
        l.apply(&usd, &ACTIVE, now).unwrap_err(),
        TransactionError::CurrencyMismatch {
            expected: Currency::Idr,
            actual: Currency::Usd
        }
    );
    assert_eq!(
        l.apply(&debit("k", "t", rp(0)), &ACTIVE, now)
            .unwrap_err()
            .code(),
        ErrorCode::NonPositiveAmount
    );
    assert_eq!(
        l.apply(&top_up("k", "t", rp(-5)), &ACTIVE, now)
            .unwrap_err()
            .code(),
        ErrorCode::NonPositiveAmount
    );
    assert_eq!(
        l.credit_refund(key("k"), tid("nope"), rp(1), &ACTIVE, now)
            .unwrap_err(),
        TransactionError::TransactionNotFound { id: tid("nope") }
    );
    assert_eq!(l, snapshot);
    // The key is still free.
    assert!(l.apply(&debit("k", "t", rp(5)), &ACTIVE, now).is_ok());
}

#[test]
fn refunds_and_reversal_credit_back_at_most_the_debit() {
    let now = at(2026, 11, 21, 3, 0);
    let mut l = funded(VerificationLevel::Verified, rp(1_000));
    l.apply(&debit("p", "T", rp(600)), &ACTIVE, now).unwrap();
    l.apply(&top_up("u", "U", rp(100)), &ACTIVE, now).unwrap();

    assert_eq!(
        l.credit_refund(key("r0"), tid("U"), rp(1), &ACTIVE, now)
            .unwrap_err(),
        TransactionError::NotADebit { id: tid("U") }
    );
    l.credit_refund(key("r1"), tid("T"), rp(200), &ACTIVE, now)
        .unwrap();
    assert_eq!(
        l.credit_refund(key("r2"), tid("T"), rp(401), &ACTIVE, now)
            .unwrap_err(),
        TransactionError::CreditExceedsOriginal {
            id: tid("T"),
            requested: rp(401),
            available: rp(400)
        }
    );
    // Replaying the first refund does not credit twice.
    let again = l
        .credit_refund(key("r1"), tid("T"), rp(200), &ACTIVE, now)
        .unwrap();
    assert_eq!(again.balance_after, rp(700));
    let reversal = l.reverse(key("v"), tid("T"), &ACTIVE, now).unwrap();
    assert_eq!(reversal.change, rp(400));
    assert_eq!(l.balance(), rp(1_100));
    assert_eq!(
        l.reverse(key("v2"), tid("T"), &ACTIVE, now).unwrap_err(),
        TransactionError::AlreadyReversed { id: tid("T") }
    );
    assert_eq!(
        l.credit_refund(key("r3"), tid("T"), rp(1), &ACTIVE, now)
            .unwrap_err(),
        TransactionError::AlreadyReversed { id: tid("T") }
    );
    // A fully refunded debit has nothing left to reverse.
    l.apply(&debit("p2", "T2", rp(50)), &ACTIVE, now).unwrap();
    l.credit_refund(key("r4"), tid("T2"), rp(50), &ACTIVE, now)
        .unwrap();
    assert_eq!(
        l.reverse(key("v3"), tid("T2"), &ACTIVE, now)
            .unwrap_err()
            .code(),
        ErrorCode::CreditExceedsOriginal
    );
    // Refunds and reversals are not counted toward limits.
    assert_eq!(l.monthly_incoming_remaining(now), rp(40_000_000 - 100));
}

#[test]
fn memory_is_bounded_and_the_oldest_requests_are_forgotten() {
    let now = at(2026, 11, 21, 3, 0);
    let config = LedgerConfig {
        max_retained: 3,
        ..LedgerConfig::default()
    };
    let mut l = Ledger::with_balance(config, VerificationLevel::Verified, rp(1_000)).unwrap();
    l.apply(&debit("k0", "t0", rp(100)), &ACTIVE, now).unwrap();
    for i in 1..=3 {
        l.apply(
            &top_up(&format!("k{i}"), &format!("t{i}"), rp(1)),
            &ACTIVE,
            now,
        )
        .unwrap();
    }
    assert_eq!(l.len(), 3);
    assert!(l.outcome(&key("k0")).is_none());
    let sequences: Vec<u64> = l.entries().map(|e| e.sequence).collect();
    assert_eq!(sequences, [1, 2, 3]);
    // The forgotten debit can no longer be refunded...
    assert_eq!(
        l.credit_refund(key("r"), tid("t0"), rp(1), &ACTIVE, now)
            .unwrap_err(),
        TransactionError::TransactionNotFound { id: tid("t0") }
    );
    // ...and a replay of its key is a new request (the documented cost).
    let replay = l.apply(&debit("k0", "t0", rp(100)), &ACTIVE, now).unwrap();
    assert_eq!(replay.sequence, 4);
    assert_eq!(l.balance(), rp(1_000 - 200 + 3));
}

#[test]
fn requests_dated_before_the_limit_window_are_refused() {
    let now = at(2026, 11, 21, 3, 0);
    let mut l = funded(VerificationLevel::Verified, rp(1_000));
    l.apply(&debit("a", "ta", rp(1)), &ACTIVE, now).unwrap();
    // 1 October (local) is still counted, 30 September is not.
    assert!(
        l.apply(&debit("b", "tb", rp(1)), &ACTIVE, at(2026, 9, 30, 17, 0))
            .is_ok()
    );
    let err = l
        .apply(&debit("c", "tc", rp(1)), &ACTIVE, at(2026, 9, 30, 16, 59))
        .unwrap_err();
    assert!(matches!(
        err,
        TransactionError::OutsideLimitWindow { date, earliest, .. }
            if date == NaiveDate::from_ymd_opt(2026, 9, 30).unwrap()
            && earliest == NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
    ));
}

#[test]
fn config_is_validated() {
    let level = VerificationLevel::Verified;
    for config in [
        LedgerConfig {
            max_retained: 0,
            ..LedgerConfig::default()
        },
        LedgerConfig {
            currency: Currency::Usd,
            ..LedgerConfig::default()
        },
        LedgerConfig {
            limits: LimitPolicy {
                unverified: TierLimits {
                    daily_outgoing: rp(-1),
                    ..LimitPolicy::default().unverified
                },
                ..LimitPolicy::default()
            },
            ..LedgerConfig::default()
        },
    ] {
        let err = Ledger::new(config, level).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidLedgerConfig);
    }
    let err = Ledger::with_balance(LedgerConfig::default(), level, Money::new(1, Currency::Usd))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::CurrencyMismatch);
}

#[test]
fn ledger_json_round_trips_and_rejects_inconsistent_state() {
    let now = at(2026, 11, 21, 3, 0);
    let config = LedgerConfig {
        max_retained: 4,
        ..LedgerConfig::default()
    };
    let mut l = Ledger::with_balance(config, VerificationLevel::Unverified, rp(1_000)).unwrap();
    l.apply(&debit("a", "ta", rp(300)), &ACTIVE, now).unwrap();
    l.apply(&debit("b", "tb", rp(5_000)), &ACTIVE, now)
        .unwrap_err();
    l.credit_refund(key("c"), tid("ta"), rp(100), &ACTIVE, now)
        .unwrap();
    l.apply(&top_up("d", "td", rp(10)), &ACTIVE, now + Duration::days(1))
        .unwrap();
    l.apply(&debit("e", "te", rp(10)), &ACTIVE, now + Duration::days(2))
        .unwrap();
    let json = serde_json::to_string(&l).unwrap();
    let back: Ledger = serde_json::from_str(&json).unwrap();
    assert_eq!(back, l);
    // The rebuilt ledger behaves the same: "ta" was evicted, "te" is known.
    let mut a = l.clone();
    let mut b = back;
    for req in [
        LedgerRequest::reversal(key("v1"), tid("te")),
        LedgerRequest::reversal(key("v2"), tid("ta")),
        debit("c", "tc", rp(1)),
    ] {
        assert_eq!(a.apply(&req, &ACTIVE, now), b.apply(&req, &ACTIVE, now));
    }
    assert_eq!(a, b);

    let negative = json.replacen(r#""balance":{"minor":"#, r#""balance":{"minor":-"#, 1);
    assert!(serde_json::from_str::<Ledger>(&negative).is_err());
    let bad_zone = json.replace("Asia/Jakarta", "Asia/Atlantis");
    assert!(serde_json::from_str::<Ledger>(&bad_zone).is_err());
    let bad_seq = json.replace(r#""next_sequence":5"#, r#""next_sequence":2"#);
    assert!(serde_json::from_str::<Ledger>(&bad_seq).is_err());
    let extra = json.replacen('{', r#"{"x":1,"#, 1);
    assert!(serde_json::from_str::<Ledger>(&extra).is_err());
    let small = json.replace(r#""max_retained":4"#, r#""max_retained":1"#);
    assert!(serde_json::from_str::<Ledger>(&small).is_err());
}

/// Found by the `ledger` fuzz target: a saved ledger whose receipt records
/// another change than its request (a top-up of 200,000 received as
/// 100,000) was accepted, and later credits were checked against the
/// tampered amounts.
#[test]
fn ledger_json_rejects_a_receipt_whose_change_differs_from_its_request() {
    let now = at(2026, 11, 21, 3, 0);
    let mut l = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified).unwrap();
    l.apply(&top_up("k1", "t1", rp(200_000)), &ACTIVE, now)
        .unwrap();
    l.apply(&debit("k2", "t2", rp(30_000)), &ACTIVE, now)
        .unwrap();
    l.credit_refund(key("k3"), tid("t2"), rp(10_000), &ACTIVE, now)
        .unwrap();
    let json = serde_json::to_string(&l).unwrap();
    assert_eq!(serde_json::from_str::<Ledger>(&json).unwrap(), l);

    let cases = [
        // The top-up's receipt says 100,000 came in.
        json.replacen(
            r#""change":{"minor":20000000,"#,
            r#""change":{"minor":10000000,"#,
            1,
        ),
        // The debit's receipt says 20,000 went out.
        json.replacen(
            r#""change":{"minor":-3000000,"#,
            r#""change":{"minor":-2000000,"#,
            1,
        ),
        // The refund's receipt says 20,000 came back.
        json.replacen(
            r#""change":{"minor":1000000,"#,
            r#""change":{"minor":2000000,"#,
            1,
        ),
        // The refund's request asks for more than the debit.
        json.replacen(
            r#""op":"refund","amount":{"minor":1000000,"#,
            r#""op":"refund","amount":{"minor":4000000,"#,
            1,
        ),
    ];
    for tampered in cases {
        assert_ne!(tampered, json, "the replacement must apply");
        let err = serde_json::from_str::<Ledger>(&tampered).unwrap_err();
        assert!(err.to_string().contains("ledger"), "{err}");
    }
}

// ---- diagnosis ----

fn failed(reason: FailureReason, kind: TransactionKind, now: DateTime<Utc>) -> Transaction {
    let mut tx = Transaction::new(tid("T-1"), kind, rp(50_000), key("K-1"), now).unwrap();
    tx.fail(reason, now).unwrap();
    tx
}

fn qr() -> TransactionKind {
    TransactionKind::Payment {
        channel: PaymentChannel::Qr,
        merchant: merchant(),
    }
}

#[test]
fn pending_transactions_are_processing_then_stuck_then_overdue() {
    let created = at(2026, 11, 21, 3, 0);
    let tx = payment("T-1", rp(10_000), created);
    let early = diagnose(&tx, &ACTIVE, created + Duration::minutes(5));
    assert_eq!(early.cause, Cause::StillProcessing);
    assert_eq!(
        early.steps,
        [NextStep::CheckStatusAt {
            at: created + Duration::minutes(15)
        }]
    );
    let stuck = diagnose(&tx, &ACTIVE, created + Duration::minutes(15));
    assert_eq!(stuck.cause, Cause::StuckPending);
    assert_eq!(
        stuck.steps,
        [
            NextStep::WaitForAutomaticReversal {
                until: created + Duration::hours(24)
            },
            NextStep::ContactMerchant {
                merchant: merchant()
            },
            NextStep::ContactSupport {
                category: SupportCategory::PaymentFailure
            },
        ]
    );
    let overdue = diagnose(&tx, &ACTIVE, created + Duration::hours(25));
    assert_eq!(overdue.steps.len(), 2);
    assert!(matches!(overdue.steps[0], NextStep::ContactMerchant { .. }));

    let withdrawal = Transaction::new(
        tid("W"),
        TransactionKind::Withdrawal {
            to: BankAccountRef::new("BNI", "4321").unwrap(),
        },
        rp(1),
        key("W"),
        created,
    )
    .unwrap();
    let policy = DiagnosisPolicy {
        reversal: ReversalWindows {
            withdrawal_hours: 72,
            ..ReversalWindows::default()
        },
        ..DiagnosisPolicy::default()
    };
    let d = diagnose_with(&withdrawal, &ACTIVE, created + Duration::hours(2), &policy);
    assert_eq!(
        d.steps,
        [
            NextStep::WaitForAutomaticReversal {
                until: created + Duration::hours(72)
            },
            NextStep::ContactSupport {
                category: SupportCategory::PaymentFailure
            },
        ]
    );
}

#[test]
fn succeeded_and_reversed_transactions_point_to_the_right_people() {
    let now = at(2026, 11, 21, 3, 0);
    let mut tx = payment("T-1", rp(10_000), now);
    tx.succeed(now).unwrap();
    let d = diagnose(&tx, &ACTIVE, now);
    assert_eq!(d.cause, Cause::Completed);
    assert_eq!(
        d.steps[0],
        NextStep::ContactMerchant {
            merchant: merchant()
        }
    );
    tx.reverse(now).unwrap();
    let d = diagnose(&tx, &ACTIVE, now);
    assert_eq!(d.cause, Cause::Reversed);
    assert_eq!(
        d.steps,
        [NextStep::ContactSupport {
            category: SupportCategory::Refund
        }]
    );
}

#[test]
fn a_blocked_account_comes_first_for_failed_debits() {
    let now = at(2026, 11, 21, 3, 0);
    let tx = failed(FailureReason::NetworkTimeout, qr(), now);
    let stolen = AccountState::Frozen {
        reason: FreezeReason::ReportedStolen,
        since: now,
    };
    let d = diagnose(&tx, &stolen, now);
    assert_eq!(d.cause, Cause::NetworkTimeout);
    assert_eq!(
        d.steps[..3],
        [
            NextStep::VerifyIdentity,
            NextStep::ContactSupport {
                category: SupportCategory::AccountSecurity
            },
            NextStep::CheckNetwork,
        ]
    );
    // A regulatory freeze is not lifted by verifying identity.
    let court = AccountState::Frozen {
        reason: FreezeReason::Regulatory,
        since: now,
    };
    let d = diagnose(&tx, &court, now);
    assert!(!d.steps.contains(&NextStep::VerifyIdentity));
    // Top-ups are not blocked by a freeze, so no account steps.
    let top = failed(
        FailureReason::NetworkTimeout,
        TransactionKind::TopUp {
            source: TopUpSource::RetailOutlet,
        },
        now,
    );
    assert_eq!(
        diagnose(&top, &stolen, now).steps[0],
        NextStep::CheckNetwork
    );
}

#[test]
fn account_causes_follow_the_current_account_state() {
    let now = at(2026, 11, 21, 3, 0);
    let until = now + Duration::minutes(30);
    let locked = AccountState::Locked { until };

    let pin = failed(FailureReason::WrongPin, qr(), now);
    assert_eq!(
        diagnose(&pin, &locked, now).steps,
        [NextStep::WaitForUnlock { until }, NextStep::ResetPin]
    );
    assert_eq!(diagnose(&pin, &ACTIVE, now).steps, [NextStep::ResetPin]);

    let lock = failed(FailureReason::AccountLocked { until }, qr(), now);
    assert_eq!(
        diagnose(&lock, &locked, now).steps,
        [NextStep::WaitForUnlock { until }, NextStep::ResetPin]
    );
    let later = until + Duration::minutes(1);
    assert_eq!(
        diagnose(&lock, &ACTIVE, later).steps,
        [NextStep::RetryAfter { at: later }, NextStep::ResetPin]
    );

    let frozen = failed(FailureReason::AccountFrozen, qr(), now);
    assert_eq!(
        diagnose(&frozen, &ACTIVE, now).steps,
        [NextStep::RetryAfter { at: now }]
    );
    let closed = failed(FailureReason::AccountClosed, qr(), now);
    assert_eq!(
        diagnose(&closed, &ACTIVE, now).steps,
        [NextStep::ContactSupport {
            category: SupportCategory::AccountAccess
        }]
    );
}

#[test]
fn limit_steps_depend_on_kind_level_and_zone() {
    let now = at(2026, 11, 21, 3, 0);
    let limit = |kind, remaining, level| FailureReason::LimitExceeded {
        kind,
        limit: rp(1_000_000),
        remaining,
        level,
    };
    let tx = failed(
        limit(
            LimitKind::MonthlyIncoming,
            rp(0),
            VerificationLevel::Unverified,
        ),
        TransactionKind::TopUp {
            source: TopUpSource::Card,
        },
        now,
    );
    // 1 December 00:00 WIB.
    assert_eq!(
        diagnose(&tx, &ACTIVE, now).steps,
        [
            NextStep::RetryAfter {
                at: at(2026, 11, 30, 17, 0)
            },
            NextStep::VerifyIdentity
        ]
    );
    let tx = failed(
        limit(LimitKind::MaxBalance, rp(0), VerificationLevel::Verified),
        qr(),
        now,
    );
    let d = diagnose(&tx, &ACTIVE, now);
    assert_eq!(
        d.steps,
        [NextStep::ContactSupport {
            category: SupportCategory::GeneralInquiry
        }]
    );
    let tx = failed(
        limit(LimitKind::DailyOutgoing, rp(5), VerificationLevel::Verified),
        qr(),
        now,
    );
    let shanghai = DiagnosisPolicy {
        zone: chrono_tz::Asia::Shanghai,
        ..DiagnosisPolicy::default()
    };
    assert_eq!(
        diagnose_with(&tx, &ACTIVE, now, &shanghai).steps[1],
        NextStep::RetryAfter {
            at: at(2026, 11, 21, 16, 0)
        }
    );
}

#[test]
fn next_local_day_survives_zones_that_skip_midnight() {
    // Chile moved its clocks from 00:00 to 01:00 on 6 September 2026.
    let zone: Tz = chrono_tz::America::Santiago;
    let now = at(2026, 9, 5, 16, 0); // 12:00 on 5 September, UTC-4
    let policy = DiagnosisPolicy {
        zone,
        ..DiagnosisPolicy::default()
    };
    let tx = failed(
        FailureReason::LimitExceeded {
            kind: LimitKind::DailyOutgoing,
            limit: rp(1),
            remaining: rp(0),
            level: VerificationLevel::Verified,
        },
        qr(),
        now,
    );
    let d = diagnose_with(&tx, &ACTIVE, now, &policy);
    let NextStep::RetryAfter { at: retry } = d.steps[0] else {
        panic!("{:?}", d.steps)
    };
    let local = retry.with_timezone(&zone);
    assert_eq!(
        local.date_naive(),
        NaiveDate::from_ymd_opt(2026, 9, 6).unwrap()
    );
    assert!(retry > now && retry <= now + Duration::hours(13), "{retry}");
}

#[test]
fn diagnosis_never_panics_at_the_edges_of_time() {
    let policy = DiagnosisPolicy {
        stuck_after_minutes: u32::MAX,
        network_retry_minutes: u32::MAX,
        outage_retry_minutes: u32::MAX,
        reversal: ReversalWindows {
            qr_payment_hours: u32::MAX,
            ..ReversalWindows::default()
        },
        zone: chrono_tz::Pacific::Kiritimati,
    };
    for now in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
        for reason in every_failure_reason() {
            let tx = failed(reason, qr(), now);
            let d = diagnose_with(&tx, &AccountState::Closed, now, &policy);
            assert!(!d.steps.is_empty());
            for locale in Locale::ALL {
                assert!(!d.render_in(locale, policy.zone).is_empty());
            }
        }
        let pending = payment("P", rp(1), now);
        assert!(
            !diagnose_with(&pending, &ACTIVE, now, &policy)
                .steps
                .is_empty()
        );
    }
}

#[test]
fn every_step_and_cause_renders_differently_in_each_locale() {
    let now = at(2026, 11, 21, 3, 0);
    let steps = [
        NextStep::CheckNetwork,
        NextStep::TopUp { shortfall: rp(1) },
        NextStep::RetryAfter { at: now },
        NextStep::ContactMerchant {
            merchant: merchant(),
        },
        NextStep::WaitForAutomaticReversal { until: now },
        NextStep::ResetPin,
        NextStep::WaitForUnlock { until: now },
        NextStep::VerifyIdentity,
        NextStep::ContactSupport {
            category: SupportCategory::Technical,
        },
        NextStep::UpdateCard,
        NextStep::UseAnotherMethod,
        NextStep::CheckStatusAt { at: now },
        NextStep::ReduceAmount { max: rp(1) },
    ];
    for step in &steps {
        let [en, id, zh] = Locale::ALL.map(|l| step.render(l));
        assert!(en != id && id != zh && en != zh, "{step:?}");
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
        let json = serde_json::to_string(step).unwrap();
        assert_eq!(&serde_json::from_str::<NextStep>(&json).unwrap(), step);
    }
    for cause in [
        Cause::InsufficientBalance,
        Cause::WrongPin,
        Cause::AccountLocked,
        Cause::AccountFrozen,
        Cause::AccountClosed,
        Cause::LimitExceeded,
        Cause::NetworkTimeout,
        Cause::MerchantUnavailable,
        Cause::SystemMaintenance,
        Cause::RiskRejected,
        Cause::CardExpired,
        Cause::BankUnavailable,
        Cause::Unknown,
        Cause::StuckPending,
        Cause::StillProcessing,
        Cause::Completed,
        Cause::Reversed,
    ] {
        let [en, id, zh] = Locale::ALL.map(|l| cause.render(l));
        assert!(en != id && id != zh && en != zh, "{cause}");
        assert_eq!(
            serde_json::to_string(&cause).unwrap(),
            format!("\"{}\"", cause.as_str())
        );
    }
}

#[test]
fn ledger_never_panics_at_the_edges_of_time() {
    for zone in [chrono_tz::Pacific::Kiritimati, chrono_tz::Etc::GMTPlus12] {
        let config = LedgerConfig {
            zone,
            ..LedgerConfig::default()
        };
        let mut l = Ledger::with_balance(config, VerificationLevel::Verified, rp(10)).unwrap();
        for (i, now) in [DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC]
            .into_iter()
            .enumerate()
        {
            let _ = l.apply(
                &debit(&format!("d{i}"), &format!("t{i}"), rp(1)),
                &ACTIVE,
                now,
            );
            let _ = l.apply(
                &top_up(&format!("u{i}"), &format!("v{i}"), rp(1)),
                &ACTIVE,
                now,
            );
            let _ = l.daily_outgoing_remaining(now);
            let _ = l.monthly_incoming_remaining(now);
        }
        assert!(!l.balance().is_negative());
    }
}
