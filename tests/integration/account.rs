//! Integration tests: account.

// Test helpers outside `#[test]` functions unwrap too; clippy's
// allow-unwrap-in-tests only covers the test functions themselves.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use walletcare::account::{
    Account, AccountError, AccountEvent, AccountId, AccountState, AccountStateKind, AttemptOutcome,
    AttemptResult, ChallengePurpose, CheckupItem, ContactKind, CredentialPolicy, DeviceId,
    EmailAddress, FreezeReason, IdentityCheck, IdentityChecks, PhoneNumber, PolicyViolation,
    RecentActivity, StrengthReason, VerificationLevel, check_password, check_pin,
    estimate_strength, security_checkup,
};
use walletcare::error::{ErrorCode, HasErrorCode};
use walletcare::locale::{Locale, Render};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap()
}

fn account() -> Account {
    Account::new(
        AccountId::new("acc-1").unwrap(),
        PhoneNumber::parse("0812-3456-7890").unwrap(),
    )
}

const ALL_CHECKS: IdentityChecks = IdentityChecks {
    id_document: true,
    selfie: true,
    otp_or_security_questions: true,
};

#[test]
fn stolen_phone_story_end_to_end() {
    let policy = CredentialPolicy::default();
    let mut acc = account();
    let now = t0();
    acc.set_email(
        Some(EmailAddress::parse("budi.santoso@gmail.com").unwrap()),
        now,
    )
    .unwrap();
    acc.set_pin("582914", now).unwrap();
    acc.set_password("Kopi tubruk 3 gelas", &policy, now)
        .unwrap();
    let phone = DeviceId::new("android-1").unwrap();
    acc.record_device(phone.clone(), "Redmi Note 12", now)
        .unwrap();
    acc.set_device_trusted(&phone, true, now).unwrap();
    assert!(acc.can_send_money(now).is_ok());

    // The user calls: the phone was stolen. Everything stops at once.
    let report = now + Duration::minutes(5);
    acc.report_stolen(report).unwrap();
    assert_eq!(
        acc.can_send_money(report),
        Err(AccountError::AccountFrozen {
            reason: FreezeReason::ReportedStolen,
            since: report
        })
    );
    assert!(!acc.devices()[0].is_trusted());
    // The thief cannot sign in, reset, or change anything.
    assert!(matches!(
        acc.record_attempt(AttemptResult::Matched, &policy, report),
        Err(AccountError::AccountFrozen { .. })
    ));
    assert!(matches!(
        acc.issue_challenge(
            ChallengePurpose::CredentialReset,
            ContactKind::Phone,
            "482913",
            &policy,
            report
        ),
        Err(AccountError::AccountFrozen { .. })
    ));
    assert!(acc.set_pin("730261", report).is_err());
    assert!(acc.close(report).is_err());

    // Identity checks at the service centre: selfie first fails.
    let centre = now + Duration::days(1);
    let partial = IdentityChecks {
        selfie: false,
        ..ALL_CHECKS
    };
    assert_eq!(
        acc.unfreeze(partial, centre),
        Err(AccountError::IdentityNotVerified {
            missing: vec![IdentityCheck::Selfie]
        })
    );
    acc.unfreeze(ALL_CHECKS, centre).unwrap();
    assert_eq!(acc.state(), AccountState::Active);
    assert_eq!(
        acc.can_send_money(centre),
        Err(AccountError::CredentialResetRequired)
    );
    assert_eq!(
        acc.enable_two_factor(centre),
        Err(AccountError::CredentialResetRequired)
    );
    let items = security_checkup(&acc, &policy, centre, &RecentActivity::default());
    assert_eq!(items.first(), Some(&CheckupItem::ResetCredentials));

    // Reset by email code; the password must be reset too.
    let mut challenge = acc
        .issue_challenge(
            ChallengePurpose::CredentialReset,
            ContactKind::Email,
            "604172",
            &policy,
            centre,
        )
        .unwrap();
    assert_eq!(challenge.masked_destination(), "b***@gmail.com");
    let mut proof = challenge.verify("604172", centre).unwrap();
    assert_eq!(
        acc.complete_credential_reset(&mut proof, "730261", None, &policy, centre),
        Err(AccountError::CredentialResetRequired)
    );
    assert!(matches!(
        acc.complete_credential_reset(&mut proof, "730261", Some("budisantoso"), &policy, centre),
        Err(AccountError::WeakPassword(_))
    ));
    assert!(!proof.is_spent());
    acc.complete_credential_reset(
        &mut proof,
        "730261",
        Some("Nasi goreng 2 piring"),
        &policy,
        centre,
    )
    .unwrap();
    assert!(proof.is_spent());
    assert!(acc.can_send_money(centre).is_ok());
    assert_eq!(acc.credentials().pin_changed_at(), Some(centre));
    assert_eq!(acc.credentials().password_changed_at(), Some(centre));

    // The whole story survives a JSON round trip and holds no secret.
    let json = serde_json::to_string(&acc).unwrap();
    for secret in ["582914", "730261", "604172", "Kopi", "Nasi"] {
        assert!(!json.contains(secret), "{secret} in {json}");
    }
    assert_eq!(serde_json::from_str::<Account>(&json).unwrap(), acc);
}

#[test]
fn lockout_escalates_and_expires() {
    let policy = CredentialPolicy {
        max_failed_attempts: 3,
        ..CredentialPolicy::default()
    };
    let mut acc = account();
    let mut now = t0();
    let mut expected_minutes = [30, 60, 120, 240].into_iter();
    for _ in 0..4 {
        for left in [2, 1] {
            assert_eq!(
                acc.record_attempt(AttemptResult::Mismatched, &policy, now),
                Ok(AttemptOutcome::Rejected {
                    attempts_left: left
                })
            );
        }
        let until = now + Duration::minutes(expected_minutes.next().unwrap());
        assert_eq!(
            acc.record_attempt(AttemptResult::Mismatched, &policy, now),
            Ok(AttemptOutcome::LockedOut { until })
        );
        // Attempts while locked are refused, even the right one, and not counted.
        let before = acc.clone();
        assert_eq!(
            acc.record_attempt(
                AttemptResult::Matched,
                &policy,
                until - Duration::seconds(1)
            ),
            Err(AccountError::AccountLocked { until })
        );
        assert_eq!(acc, before);
        assert_eq!(
            acc.can_send_money(now).unwrap_err().code(),
            ErrorCode::AccountLocked
        );
        now = until;
        assert_eq!(acc.state_at(now), AccountState::Active);
    }
    assert_eq!(acc.credentials().consecutive_lockouts(), 4);
    assert_eq!(
        acc.record_attempt(AttemptResult::Matched, &policy, now),
        Ok(AttemptOutcome::Accepted)
    );
    assert_eq!(acc.credentials().consecutive_lockouts(), 0);
    assert_eq!(acc.state(), AccountState::Active);
}

#[test]
fn a_reset_by_code_lifts_a_lock() {
    let policy = CredentialPolicy::default();
    let mut acc = account();
    for _ in 0..5 {
        acc.record_attempt(AttemptResult::Mismatched, &policy, t0())
            .unwrap();
    }
    assert!(matches!(acc.state(), AccountState::Locked { .. }));
    let mut challenge = acc
        .issue_challenge(
            ChallengePurpose::CredentialReset,
            ContactKind::Phone,
            "120934",
            &policy,
            t0(),
        )
        .unwrap();
    let mut proof = challenge.verify("120934", t0()).unwrap();
    acc.complete_credential_reset(&mut proof, "730261", None, &policy, t0())
        .unwrap();
    assert_eq!(acc.state(), AccountState::Active);
    assert!(acc.can_send_money(t0()).is_ok());
    // A spent proof cannot be replayed.
    assert_eq!(
        acc.complete_credential_reset(&mut proof, "730262", None, &policy, t0()),
        Err(AccountError::CodeExhausted)
    );
}

#[test]
fn proofs_are_bound_to_account_and_purpose() {
    let policy = CredentialPolicy::default();
    let mut a = account();
    let mut b = Account::new(
        AccountId::new("acc-2").unwrap(),
        PhoneNumber::parse("+86 138 0013 8000").unwrap(),
    );
    b.enable_two_factor(t0()).unwrap();
    let mut reset = a
        .issue_challenge(
            ChallengePurpose::CredentialReset,
            ContactKind::Phone,
            "111111",
            &policy,
            t0(),
        )
        .unwrap();
    let mut proof = reset.verify("111111", t0()).unwrap();
    let before = b.clone();
    assert!(matches!(
        b.complete_credential_reset(&mut proof, "730261", None, &policy, t0()),
        Err(AccountError::ProofMismatch { .. })
    ));
    assert!(matches!(
        b.disable_two_factor(&mut proof, &policy, t0()),
        Err(AccountError::ProofMismatch { .. })
    ));
    assert_eq!(b, before);
    assert!(a.disable_two_factor(&mut proof, &policy, t0()).is_err());
    assert!(
        a.complete_credential_reset(&mut proof, "730261", None, &policy, t0())
            .is_ok()
    );
}

#[test]
fn state_machine_matrix_from_the_public_api() {
    let now = t0();
    let frozen = AccountState::Frozen {
        reason: FreezeReason::Regulatory,
        since: now,
    };
    assert_eq!(
        frozen.apply(AccountEvent::Close, now),
        Err(AccountError::InvalidAccountTransition {
            from: AccountStateKind::Frozen,
            to: AccountStateKind::Closed
        })
    );
    for event in [
        AccountEvent::Lock {
            until: now + Duration::hours(1),
        },
        AccountEvent::Unlock,
        AccountEvent::Freeze {
            reason: FreezeReason::UserRequest,
        },
        AccountEvent::Unfreeze { checks: ALL_CHECKS },
        AccountEvent::Close,
        AccountEvent::Reopen,
    ] {
        let err = AccountState::Closed.apply(event, now).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidAccountTransition, "{event:?}");
    }
}

#[test]
fn credential_policy_from_the_public_api() {
    let acc = {
        let mut a = account();
        a.set_birth_date(NaiveDate::from_ymd_opt(1990, 8, 17), t0())
            .unwrap();
        a
    };
    let ctx = acc.credential_context();
    let violations = check_pin("567890", &ctx).unwrap_err().violations;
    assert_eq!(
        violations,
        vec![
            PolicyViolation::AscendingSequence,
            PolicyViolation::ContainsPhoneNumber
        ]
    );
    let pw = check_password("17081990", &CredentialPolicy::default(), &ctx).unwrap_err();
    assert_eq!(
        pw.violations,
        vec![
            PolicyViolation::MissingLowercase,
            PolicyViolation::MissingUppercase,
            PolicyViolation::ContainsBirthDate
        ]
    );
    assert_eq!(pw.code(), ErrorCode::WeakPassword);
    for locale in Locale::ALL {
        assert_eq!(pw.render(locale).lines().count(), 3);
    }
    let strength = estimate_strength("budi1990", &ctx);
    assert!(strength.score <= 1);
    assert!(strength.reasons.contains(&StrengthReason::MakeLonger));
    assert_eq!(
        StrengthReason::AvoidBirthDate.render(Locale::ZhCn),
        "避免使用您的出生日期。"
    );
}

#[test]
fn checkup_for_a_new_user_renders_in_every_locale() {
    let mut acc = account();
    acc.record_device(DeviceId::new("d1").unwrap(), "iPhone 15", t0())
        .unwrap();
    let activity = RecentActivity::new(vec!["tx-1".into(), "tx-2".into()]).unwrap();
    let items = security_checkup(&acc, &CredentialPolicy::default(), t0(), &activity);
    assert_eq!(items.len(), 4);
    assert_eq!(items[0], CheckupItem::EnableTwoFactor);
    assert_eq!(items[3], CheckupItem::VerifyIdentity);
    let zh: Vec<String> = items.iter().map(|i| i.render(Locale::ZhCn)).collect();
    assert_eq!(
        zh[2],
        "请核对 2 笔异常交易，如有不是您本人进行的，请立即举报。"
    );
    let id: Vec<String> = items.iter().map(|i| i.render(Locale::Id)).collect();
    assert!(id[0].starts_with("Aktifkan verifikasi dua langkah"));
    acc.set_verification(VerificationLevel::Verified, t0())
        .unwrap();
    acc.enable_two_factor(t0()).unwrap();
    let items = security_checkup(
        &acc,
        &CredentialPolicy::default(),
        t0(),
        &RecentActivity::default(),
    );
    assert_eq!(items.len(), 1);
}

#[test]
fn device_limit_is_enforced_without_changing_anything() {
    let mut acc = account();
    for i in 0..32 {
        acc.record_device(DeviceId::new(&format!("d{i}")).unwrap(), "Phone", t0())
            .unwrap();
    }
    let before = acc.clone();
    assert_eq!(
        acc.record_device(DeviceId::new("d-new").unwrap(), "Phone", t0()),
        Err(AccountError::DeviceLimitReached { max: 32 })
    );
    assert_eq!(acc, before);
    assert_eq!(
        acc.record_device(DeviceId::new("d0").unwrap(), "\u{7}", t0())
            .unwrap_err()
            .code(),
        ErrorCode::InvalidArgument
    );
    assert_eq!(acc, before);
    assert_eq!(
        acc.forget_device(&DeviceId::new("ghost").unwrap(), t0())
            .unwrap_err()
            .code(),
        ErrorCode::DeviceNotFound
    );
}

#[test]
fn account_json_is_validated_on_the_way_in() {
    let json = serde_json::to_string(&account()).unwrap();
    assert_eq!(
        json,
        r#"{"id":"acc-1","state":{"state":"active"},"verification":"unverified","phone":"+6281234567890","email":null,"birth_date":null,"two_factor":false,"credentials":{"pin_changed_at":null,"password_changed_at":null,"failed_attempts":0,"consecutive_lockouts":0,"credential_reset_required":false},"devices":[],"cards":{"cards":[],"next_id":1}}"#
    );
    for bad in [
        json.replace("+6281234567890", "12"),
        json.replace("\"acc-1\"", "\"acc 1\""),
        json.replace("\"unverified\"", "\"gold\""),
        json.replace("\"two_factor\"", "\"extra\":1,\"two_factor\""),
        json.replace("\"email\":null", "\"email\":\"nope\""),
    ] {
        assert!(serde_json::from_str::<Account>(&bad).is_err(), "{bad}");
    }
    let minimal =
        r#"{"id":"a","state":{"state":"closed"},"verification":"verified","phone":"+6581234567"}"#;
    let acc: Account = serde_json::from_str(minimal).unwrap();
    assert_eq!(acc.state(), AccountState::Closed);
}

// ---- property tests ----

/// A time anywhere chrono can represent, or (more often) near `t0`, where
/// locks and code expiries actually interact.
fn any_time() -> impl Strategy<Value = DateTime<Utc>> {
    let min = DateTime::<Utc>::MIN_UTC.timestamp();
    let max = DateTime::<Utc>::MAX_UTC.timestamp();
    let base = t0().timestamp();
    prop_oneof![
        4 => (-3_000_000_i64..3_000_000).prop_map(move |d| base + d),
        1 => min..=max,
        1 => prop_oneof![Just(min), Just(max), Just(max - 1), Just(min + 1)],
    ]
    .prop_map(|secs| DateTime::from_timestamp(secs, 0).unwrap_or(DateTime::<Utc>::MAX_UTC))
}

fn any_reason() -> impl Strategy<Value = FreezeReason> {
    prop_oneof![
        Just(FreezeReason::ReportedStolen),
        Just(FreezeReason::SuspectedFraud),
        Just(FreezeReason::Regulatory),
        Just(FreezeReason::UserRequest),
    ]
}

fn any_checks() -> impl Strategy<Value = IdentityChecks> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(a, b, c)| IdentityChecks {
        id_document: a,
        selfie: b,
        otp_or_security_questions: c,
    })
}

fn any_event() -> impl Strategy<Value = AccountEvent> {
    prop_oneof![
        any_time().prop_map(|until| AccountEvent::Lock { until }),
        Just(AccountEvent::Unlock),
        any_reason().prop_map(|reason| AccountEvent::Freeze { reason }),
        any_checks().prop_map(|checks| AccountEvent::Unfreeze { checks }),
        Just(AccountEvent::Close),
        Just(AccountEvent::Reopen),
    ]
}

/// Policies including out-of-range ones (zero and huge values), which
/// operations must survive.
fn any_policy() -> impl Strategy<Value = CredentialPolicy> {
    (
        prop_oneof![0_u32..8, Just(u32::MAX)],
        prop_oneof![0_u32..120, Just(u32::MAX), any::<u32>()],
        prop_oneof![0_u32..2000, Just(u32::MAX)],
        prop_oneof![Just(300_u32), Just(0), Just(u32::MAX), any::<u32>()],
        prop_oneof![0_u32..4, Just(u32::MAX)],
        prop_oneof![Just(300_u32), Just(0), Just(u32::MAX)],
        prop_oneof![Just(6_u32), 0_u32..20],
    )
        .prop_map(
            |(attempts, lock, max_lock, ttl, tries, fresh, code_len)| CredentialPolicy {
                max_failed_attempts: attempts,
                lock_minutes: lock,
                max_lock_minutes: max_lock,
                code_ttl_seconds: ttl,
                code_max_tries: tries,
                verified_code_max_age_seconds: fresh,
                code_length: code_len,
                ..CredentialPolicy::default()
            },
        )
}

#[derive(Debug, Clone)]
enum Op {
    Event(AccountEvent),
    Attempt(bool),
    ReportStolen,
    Freeze(FreezeReason),
    Unfreeze(IdentityChecks),
    SetPin(String),
    SetPassword(String),
    Reset {
        code: String,
        attempt: String,
        pin: String,
        later_secs: i64,
    },
    TwoFactor(bool, String),
    Device(u8, bool),
    Checkup,
}

fn any_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => any_event().prop_map(Op::Event),
        4 => any::<bool>().prop_map(Op::Attempt),
        1 => Just(Op::ReportStolen),
        1 => any_reason().prop_map(Op::Freeze),
        1 => any_checks().prop_map(Op::Unfreeze),
        1 => "[0-9]{5,7}|.{0,8}".prop_map(Op::SetPin),
        1 => ".{0,24}".prop_map(Op::SetPassword),
        2 => (
            "[0-9]{6}",
            prop_oneof!["[0-9]{6}", ".{0,10}"],
            "[0-9]{6}",
            prop_oneof![0_i64..600, any::<i64>()],
        )
            .prop_map(|(code, attempt, pin, later_secs)| Op::Reset {
                code,
                attempt,
                pin,
                later_secs,
            }),
        1 => (any::<bool>(), "[0-9]{6}").prop_map(|(on, code)| Op::TwoFactor(on, code)),
        1 => (0_u8..40, any::<bool>()).prop_map(|(n, trust)| Op::Device(n, trust)),
        1 => Just(Op::Checkup),
    ]
}

/// Runs one operation; returns whether it succeeded.
fn run(acc: &mut Account, op: &Op, policy: &CredentialPolicy, now: DateTime<Utc>) -> bool {
    match op {
        Op::Event(event) => acc.apply(*event, now).is_ok(),
        Op::Attempt(matched) => {
            let result = if *matched {
                AttemptResult::Matched
            } else {
                AttemptResult::Mismatched
            };
            acc.record_attempt(result, policy, now).is_ok()
        }
        Op::ReportStolen => acc.report_stolen(now).is_ok(),
        Op::Freeze(reason) => acc.freeze(*reason, now).is_ok(),
        Op::Unfreeze(checks) => acc.unfreeze(*checks, now).is_ok(),
        Op::SetPin(pin) => acc.set_pin(pin, now).is_ok(),
        Op::SetPassword(password) => acc.set_password(password, policy, now).is_ok(),
        Op::Reset {
            code,
            attempt,
            pin,
            later_secs,
        } => {
            let Ok(mut challenge) = acc.issue_challenge(
                ChallengePurpose::CredentialReset,
                ContactKind::Phone,
                code,
                policy,
                now,
            ) else {
                return false;
            };
            let later = now
                .checked_add_signed(Duration::seconds(later_secs.rem_euclid(1_000_000)))
                .unwrap_or(now);
            let Ok(mut proof) = challenge.verify(attempt, later) else {
                return false;
            };
            acc.complete_credential_reset(&mut proof, pin, None, policy, later)
                .is_ok()
        }
        Op::TwoFactor(true, _) => acc.enable_two_factor(now).is_ok(),
        Op::TwoFactor(false, code) => {
            let Ok(mut challenge) = acc.issue_challenge(
                ChallengePurpose::DisableTwoFactor,
                ContactKind::Phone,
                code,
                policy,
                now,
            ) else {
                return false;
            };
            let Ok(mut proof) = challenge.verify(code, now) else {
                return false;
            };
            acc.disable_two_factor(&mut proof, policy, now).is_ok()
        }
        Op::Device(n, trust) => {
            let id = DeviceId::new(&format!("dev-{n}")).unwrap();
            acc.record_device(id.clone(), "Phone", now).is_ok()
                && acc.set_device_trusted(&id, *trust, now).is_ok()
        }
        Op::Checkup => {
            let items = security_checkup(acc, policy, now, &RecentActivity::default());
            for item in &items {
                for locale in Locale::ALL {
                    assert!(!item.render(locale).is_empty());
                }
            }
            true
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// Arbitrary events and operations at arbitrary times, under arbitrary
    /// (even out-of-range) policies, never panic; every state they reach
    /// still serialises and reads back to itself.
    #[test]
    fn no_sequence_of_account_events_panics(
        policy in any_policy(),
        steps in prop::collection::vec((any_op(), any_time()), 0..24),
    ) {
        let mut acc = account();
        let mut state = AccountState::Active;
        for (op, now) in &steps {
            if let Op::Event(event) = op {
                // The pure state machine on its own, too.
                if let Ok(next) = state.apply(*event, *now) {
                    state = next;
                }
            }
            run(&mut acc, op, &policy, *now);
            let _ = acc.can_send_money(*now);
            let json = serde_json::to_string(&acc).unwrap();
            prop_assert_eq!(&serde_json::from_str::<Account>(&json).unwrap(), &acc);
        }
    }

    /// Whatever happens to an account, an operation that fails leaves it
    /// exactly as it was.
    #[test]
    fn a_failed_account_operation_changes_nothing(
        policy in any_policy(),
        steps in prop::collection::vec((any_op(), any_time()), 0..24),
    ) {
        let mut acc = account();
        for (op, now) in &steps {
            let before = acc.clone();
            if !matches!(op, Op::Device(..)) && !run(&mut acc, op, &policy, *now) {
                prop_assert_eq!(&acc, &before, "{:?} at {}", op, now);
            }
        }
    }

    /// While an account is frozen, every attempt to send money fails with
    /// `AccountFrozen`, at any time, whatever else is tried in between.
    #[test]
    fn a_frozen_account_never_sends_money(
        policy in any_policy(),
        steps in prop::collection::vec((any_op(), any_time()), 0..24),
        probes in prop::collection::vec(any_time(), 1..4),
    ) {
        let mut acc = account();
        acc.report_stolen(t0()).unwrap();
        for (op, now) in &steps {
            run(&mut acc, op, &policy, *now);
            for at in probes.iter().chain(std::iter::once(now)) {
                if let AccountState::Frozen { .. } = acc.state_at(*at) {
                    let frozen = matches!(
                        acc.can_send_money(*at),
                        Err(AccountError::AccountFrozen { .. })
                    );
                    prop_assert!(frozen);
                }
            }
        }
        // Lifting the freeze alone is not enough: the credentials must be reset.
        if let AccountState::Frozen { .. } = acc.state() {
            acc.unfreeze(ALL_CHECKS, t0()).unwrap();
            prop_assert_eq!(acc.can_send_money(t0()), Err(AccountError::CredentialResetRequired));
        }
    }

    /// A matched attempt always brings the failure and lockout counters back
    /// to zero, so the next failure has the full allowance again.
    #[test]
    fn success_resets_failed_attempt_counter(
        max in 1_u32..10,
        attempts in prop::collection::vec((any::<bool>(), 0_i64..7_200), 1..60),
    ) {
        let policy = CredentialPolicy { max_failed_attempts: max, ..CredentialPolicy::default() };
        let mut acc = account();
        let mut now = t0();
        for (matched, wait) in attempts {
            now += Duration::seconds(wait);
            let result = if matched { AttemptResult::Matched } else { AttemptResult::Mismatched };
            match acc.record_attempt(result, &policy, now) {
                Ok(AttemptOutcome::Accepted) => {
                    prop_assert!(matched);
                    prop_assert_eq!(acc.credentials().failed_attempts(), 0);
                    prop_assert_eq!(acc.credentials().consecutive_lockouts(), 0);
                    let mut probe = acc.clone();
                    let next = probe.record_attempt(AttemptResult::Mismatched, &policy, now).unwrap();
                    if max == 1 {
                        prop_assert_eq!(next, AttemptOutcome::LockedOut { until: now + Duration::minutes(30) });
                    } else {
                        prop_assert_eq!(next, AttemptOutcome::Rejected { attempts_left: max - 1 });
                    }
                }
                Ok(AttemptOutcome::Rejected { attempts_left }) => {
                    prop_assert!(!matched);
                    prop_assert_eq!(attempts_left, max - acc.credentials().failed_attempts());
                }
                Ok(AttemptOutcome::LockedOut { until }) => {
                    prop_assert!(!matched);
                    prop_assert!(until > now);
                    prop_assert_eq!(acc.credentials().failed_attempts(), 0);
                }
                Err(AccountError::AccountLocked { until }) => prop_assert!(until > now),
                Err(other) => prop_assert!(false, "unexpected {:?}", other),
            }
        }
    }
}
