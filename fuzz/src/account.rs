//! Accounts: the account JSON, events and every account operation; the
//! credential checks and one-time codes.

use chrono::{DateTime, Utc};
use walletcare_core::account::{
    Account, AccountError, AccountEvent, AccountId, AccountState, AttemptOutcome, AttemptResult,
    ChallengePurpose, ContactKind, CredentialContext, CredentialKind, CredentialPolicy, DeviceId,
    EmailAddress, FreezeReason, IdentityChecks, PhoneNumber, PolicyViolations, RecentActivity,
    ResetChallenge, VerificationLevel, VerifiedCode, check_password, check_pin, estimate_strength,
    security_checkup,
};
use walletcare_core::card::{CardFingerprint, CardId, CardPolicy};

use super::card::card_input;
use super::common::{
    MAX_COMMANDS, all_or_nothing, check_error, command, date, instant, lines, render_all,
    round_trip, word,
};

/// An instant in whole seconds, so that no fraction of a second can look
/// like a PIN in the output.
fn now_of(text: Option<&str>) -> Option<DateTime<Utc>> {
    text.and_then(instant)
        .and_then(|t| DateTime::from_timestamp(t.timestamp(), 0))
}

fn new_account() -> Option<Account> {
    let id = AccountId::new("acc-1").ok()?;
    let phone = PhoneNumber::parse("0812-3456-7890").ok()?;
    Some(Account::new(id, phone))
}

/// Reads an account: `@new` or its JSON form. Checks load → save → load.
fn load(text: &str) -> Option<Account> {
    if text.trim() == "@new" {
        return new_account();
    }
    match serde_json::from_str::<Account>(text) {
        Ok(account) => {
            round_trip!(Account, &account);
            Some(account)
        }
        Err(error) => {
            assert!(!error.to_string().is_empty());
            None
        }
    }
}

struct Session {
    account: Account,
    policy: CredentialPolicy,
    challenge: Option<ResetChallenge>,
    proof: Option<VerifiedCode>,
}

/// `account`: the first line is an account (`@new` or JSON), every other
/// line a command whose second word is `now` (Unix seconds or RFC 3339):
/// `policy JSON`, `event T JSON`, `attempt T ok|fail`, `pin T PIN`,
/// `password T TEXT`, `email T ADDRESS|-`, `birth T DATE|-`,
/// `verify T 0|1`, `lock T UNTIL`, `unlock T`, `freeze T REASON`,
/// `stolen T`, `unfreeze T BITS`, `close T`, `2fa T`, `no2fa T`,
/// `device T ID LABEL`, `trust T ID 0|1`, `forget T ID`,
/// `challenge T reset|2fa phone|email CODE`, `code T ATTEMPT`,
/// `reset T PIN [PASSWORD]`, `card T FINGERPRINT CARD`, `replace T ID
/// FINGERPRINT CARD`, `uncard T ID`.
///
/// Invariants: JSON load → save → load is stable after every step; every
/// failed operation leaves the account unchanged; attempts never exceed the
/// policy; a lock-out locks; PINs, passwords and codes never appear in the
/// account's JSON or `Debug` output.
pub fn account(data: &[u8]) {
    let mut input = lines(data);
    let Some(account) = input.next().and_then(load) else {
        return;
    };
    let mut session = Session {
        account,
        policy: CredentialPolicy::default(),
        challenge: None,
        proof: None,
    };
    for line in input.take(MAX_COMMANDS) {
        let (verb, mut rest) = command(line);
        if verb == "policy" {
            if let Ok(policy) = serde_json::from_str::<CredentialPolicy>(rest) {
                round_trip!(CredentialPolicy, &policy);
                match policy.validate() {
                    Ok(()) => session.policy = policy,
                    Err(error) => check_error(&error),
                }
            }
            continue;
        }
        let Some(now) = now_of(word(&mut rest)) else {
            continue;
        };
        step(&mut session, verb, rest, now);
        round_trip!(Account, &session.account);
        let state = session.account.state_at(now);
        assert_eq!(state, session.account.state().at(now));
        let _ = session.account.can_send_money(now);
        let _ = session.account.credential_context();
        for item in security_checkup(
            &session.account,
            &session.policy,
            now,
            &RecentActivity::default(),
        ) {
            render_all(&item);
        }
        if let Some(challenge) = &session.challenge {
            let _ = format!("{challenge:?}");
            round_trip!(
                walletcare_core::account::ChallengeStatus,
                &challenge.status()
            );
        }
    }
}

/// Asserts that `secret` does not appear in the account's JSON or `Debug`
/// output after an operation if it did not appear before.
fn never_shown(before: &(String, String), account: &Account, secret: &str) {
    if secret.len() < 6 || before.0.contains(secret) || before.1.contains(secret) {
        return;
    }
    let json = serde_json::to_string(account).unwrap_or_default();
    assert!(
        !json.contains(secret),
        "a secret appears in the account JSON: {json}"
    );
    let debug = format!("{account:?}");
    assert!(
        !debug.contains(secret),
        "a secret appears in the account Debug output"
    );
}

fn outputs(account: &Account) -> (String, String) {
    (
        serde_json::to_string(account).unwrap_or_default(),
        format!("{account:?}"),
    )
}

fn step(session: &mut Session, verb: &str, mut rest: &str, now: DateTime<Utc>) {
    let policy = session.policy;
    let before = outputs(&session.account);
    let account = &mut session.account;
    let result: Result<(), String> = match verb {
        "event" => {
            let Ok(event) = serde_json::from_str::<AccountEvent>(rest) else {
                return;
            };
            round_trip!(AccountEvent, &event);
            let state = account.state();
            let expected = state.apply(event, now);
            let result = all_or_nothing(account, |a| a.apply(event, now));
            if let (Ok(()), Ok(next)) = (&result, expected) {
                assert_eq!(
                    account.state(),
                    next,
                    "Account::apply and AccountState::apply disagree"
                );
            }
            result.map_err(|e| show(&e))
        }
        "attempt" => {
            let result = if rest.starts_with("ok") {
                AttemptResult::Matched
            } else {
                AttemptResult::Mismatched
            };
            match all_or_nothing(account, |a| a.record_attempt(result, &policy, now)) {
                Ok(outcome) => {
                    round_trip!(AttemptOutcome, &outcome);
                    assert!(
                        account.credentials().failed_attempts() < policy.max_failed_attempts.max(1)
                    );
                    if let AttemptOutcome::LockedOut { until } = outcome {
                        assert!(until > now);
                        assert!(matches!(account.state_at(now), AccountState::Locked { .. }));
                        assert!(account.can_send_money(now).is_err());
                    }
                    let _ = outcome.into_result();
                    Ok(())
                }
                Err(e) => Err(show(&e)),
            }
        }
        "pin" => {
            let result = all_or_nothing(account, |a| a.set_pin(rest, now)).map_err(|e| show(&e));
            never_shown(&before, account, rest.trim());
            result
        }
        "password" => {
            let result = all_or_nothing(account, |a| a.set_password(rest, &policy, now))
                .map_err(|e| show(&e));
            never_shown(&before, account, rest);
            result
        }
        "email" => {
            let email = match rest.trim() {
                "-" => None,
                text => match EmailAddress::parse(text) {
                    Ok(email) => Some(email),
                    Err(e) => return check_error(&e),
                },
            };
            all_or_nothing(account, |a| a.set_email(email, now)).map_err(|e| show(&e))
        }
        "birth" => {
            let birth = date(rest.trim());
            all_or_nothing(account, |a| a.set_birth_date(birth, now)).map_err(|e| show(&e))
        }
        "verify" => {
            let level = if rest.starts_with('1') {
                VerificationLevel::Verified
            } else {
                VerificationLevel::Unverified
            };
            all_or_nothing(account, |a| a.set_verification(level, now)).map_err(|e| show(&e))
        }
        "lock" => {
            let Some(until) = now_of(word(&mut rest)) else {
                return;
            };
            all_or_nothing(account, |a| a.lock_until(until, now)).map_err(|e| show(&e))
        }
        "unlock" => all_or_nothing(account, |a| a.unlock(now)).map_err(|e| show(&e)),
        "freeze" => {
            let reason = match rest.trim() {
                "reported_stolen" => FreezeReason::ReportedStolen,
                "suspected_fraud" => FreezeReason::SuspectedFraud,
                "regulatory" => FreezeReason::Regulatory,
                _ => FreezeReason::UserRequest,
            };
            render_all(&reason);
            all_or_nothing(account, |a| a.freeze(reason, now)).map_err(|e| show(&e))
        }
        "stolen" => all_or_nothing(account, |a| a.report_stolen(now)).map_err(|e| show(&e)),
        "unfreeze" => {
            let bits: Vec<bool> = rest.chars().take(3).map(|c| c == '1').collect();
            let checks = IdentityChecks {
                id_document: bits.first().copied().unwrap_or(false),
                selfie: bits.get(1).copied().unwrap_or(false),
                otp_or_security_questions: bits.get(2).copied().unwrap_or(false),
            };
            all_or_nothing(account, |a| a.unfreeze(checks, now)).map_err(|e| show(&e))
        }
        "close" => all_or_nothing(account, |a| a.close(now)).map_err(|e| show(&e)),
        "2fa" => all_or_nothing(account, |a| a.enable_two_factor(now)).map_err(|e| show(&e)),
        "no2fa" => match session.proof.as_mut() {
            Some(proof) => all_or_nothing(account, |a| a.disable_two_factor(proof, &policy, now))
                .map_err(|e| show(&e)),
            None => return,
        },
        "device" => {
            let Some(id) = word(&mut rest).and_then(|w| DeviceId::new(w).ok()) else {
                return;
            };
            all_or_nothing(account, |a| a.record_device(id, rest, now))
                .map(drop)
                .map_err(|e| show(&e))
        }
        "trust" => {
            let Some(id) = word(&mut rest).and_then(|w| DeviceId::new(w).ok()) else {
                return;
            };
            let trusted = rest.starts_with('1');
            all_or_nothing(account, |a| a.set_device_trusted(&id, trusted, now))
                .map_err(|e| show(&e))
        }
        "forget" => {
            let Some(id) = word(&mut rest).and_then(|w| DeviceId::new(w).ok()) else {
                return;
            };
            all_or_nothing(account, |a| a.forget_device(&id, now)).map_err(|e| show(&e))
        }
        "challenge" => {
            let purpose = if word(&mut rest) == Some("2fa") {
                ChallengePurpose::DisableTwoFactor
            } else {
                ChallengePurpose::CredentialReset
            };
            let channel = if word(&mut rest) == Some("email") {
                ContactKind::Email
            } else {
                ContactKind::Phone
            };
            let code = rest.trim();
            match account.issue_challenge(purpose, channel, code, &policy, now) {
                Ok(challenge) => {
                    let debug = format!("{challenge:?}");
                    let json = serde_json::to_string(&challenge).unwrap_or_default();
                    if code.len() >= 6 && !before.0.contains(code) {
                        assert!(!debug.contains(code), "the code appears in {debug}");
                        assert!(!json.contains(code), "the code appears in {json}");
                    }
                    session.challenge = Some(challenge);
                    Ok(())
                }
                Err(e) => Err(show(&e)),
            }
        }
        "code" => {
            let Some(challenge) = session.challenge.as_mut() else {
                return;
            };
            let tries = challenge.tries_left();
            match challenge.verify(rest, now) {
                Ok(proof) => {
                    assert!(challenge.is_used());
                    assert!(!proof.is_spent());
                    assert_eq!(
                        challenge.verify(rest, now).err(),
                        Some(AccountError::CodeExhausted)
                    );
                    session.proof = Some(proof);
                    Ok(())
                }
                Err(AccountError::WrongCode { tries_left }) => {
                    assert_eq!(tries_left, tries.saturating_sub(1));
                    assert_eq!(challenge.tries_left(), tries_left);
                    Ok(())
                }
                Err(e) => {
                    assert_eq!(challenge.tries_left(), tries, "{e:?} used up a try");
                    Err(show(&e))
                }
            }
        }
        "reset" => {
            let Some(proof) = session.proof.as_mut() else {
                return;
            };
            let Some(pin) = word(&mut rest) else { return };
            let password = word(&mut rest);
            let result = all_or_nothing(account, |a| {
                a.complete_credential_reset(proof, pin, password, &policy, now)
            });
            if result.is_ok() {
                assert!(proof.is_spent());
                assert!(!account.credentials().credential_reset_required());
            }
            never_shown(&before, account, pin);
            if let Some(password) = password {
                never_shown(&before, account, password);
            }
            result.map_err(|e| show(&e))
        }
        "card" | "replace" => {
            let old = if verb == "replace" {
                match word(&mut rest).and_then(|w| w.parse::<u32>().ok()) {
                    Some(id) => Some(CardId::new(id)),
                    None => return,
                }
            } else {
                None
            };
            let Some(fingerprint) = word(&mut rest).and_then(|w| CardFingerprint::new(w).ok())
            else {
                return;
            };
            let (input, digits) = card_input(rest);
            let Ok(card) = walletcare_core::card::validate(input, now) else {
                return;
            };
            let result = match old {
                Some(old) => {
                    all_or_nothing(account, |a| a.replace_card(old, card, fingerprint, now))
                }
                None => all_or_nothing(account, |a| {
                    a.bind_card(card, fingerprint, &CardPolicy::default(), now)
                }),
            };
            never_shown(&before, account, &digits);
            result.map(drop).map_err(|e| {
                check_error(&e);
                format!("{e:?}")
            })
        }
        "uncard" => {
            let Some(id) = word(&mut rest).and_then(|w| w.parse::<u32>().ok()) else {
                return;
            };
            all_or_nothing(account, |a| a.remove_card(CardId::new(id), now))
                .map(drop)
                .map_err(|e| {
                    check_error(&e);
                    format!("{e:?}")
                })
        }
        _ => return,
    };
    drop(result);
}

fn show(error: &AccountError) -> String {
    check_error(error);
    round_trip!(AccountError, error);
    format!("{error:?}")
}

fn context_of(text: &str) -> CredentialContext {
    serde_json::from_str(text).unwrap_or_default()
}

fn check_violations(violations: &PolicyViolations, kind: CredentialKind) {
    assert_eq!(violations.credential, kind);
    assert!(
        !violations.violations.is_empty(),
        "a failed check names no violation"
    );
    check_error(violations);
    render_all(violations);
    round_trip!(PolicyViolations, violations);
    for violation in &violations.violations {
        render_all(violation);
    }
    let error = AccountError::from(violations.clone());
    check_error(&error);
}

/// `credentials`: commands `policy JSON`, `context JSON`, `pin TEXT`,
/// `password TEXT`, `code TEXT [ATTEMPT]`, `phone TEXT`, `email TEXT`,
/// `id TEXT`.
///
/// Invariants: failed checks name at least one violation and render in every
/// locale; strength scores are 0-4; a challenge accepts its own code once
/// and never shows it; parsed contacts and identifiers are normalised (they
/// parse back to themselves) and their masked forms hide the middle.
pub fn credentials(data: &[u8]) {
    let mut policy = CredentialPolicy::default();
    let mut context = CredentialContext::default();
    let now = DateTime::from_timestamp(1_764_000_000, 0).unwrap_or_default();
    for line in lines(data).take(MAX_COMMANDS) {
        let (verb, rest) = command(line);
        match verb {
            "policy" => {
                if let Ok(p) = serde_json::from_str::<CredentialPolicy>(rest) {
                    if p.validate().is_ok() {
                        policy = p;
                    }
                }
            }
            "context" => {
                context = context_of(rest);
                round_trip!(CredentialContext, &context);
            }
            "pin" => {
                if let Err(v) = check_pin(rest, &context) {
                    check_violations(&v, CredentialKind::Pin);
                }
            }
            "password" => {
                if let Err(v) = check_password(rest, &policy, &context) {
                    check_violations(&v, CredentialKind::Password);
                }
                let strength = estimate_strength(rest, &context);
                assert!(strength.score <= 4);
                render_all(&strength);
                round_trip!(walletcare_core::account::Strength, &strength);
                for reason in &strength.reasons {
                    render_all(reason);
                }
            }
            "code" => {
                let mut words = rest.split_whitespace();
                let code = words.next().unwrap_or("");
                let attempt = words.next();
                let (Ok(id), Ok(phone)) = (
                    AccountId::new("acc-1"),
                    PhoneNumber::parse("+62 812 3456 7890"),
                ) else {
                    continue;
                };
                let destination = walletcare_core::account::Contact::Phone(phone);
                let challenge_for = |code: &str| {
                    ResetChallenge::new(
                        id.clone(),
                        ChallengePurpose::CredentialReset,
                        destination.clone(),
                        code,
                        &policy,
                        now,
                    )
                };
                match challenge_for(code) {
                    Ok(mut challenge) => {
                        let debug = format!("{challenge:?}");
                        let json = serde_json::to_string(&challenge).unwrap_or_default();
                        assert!(!debug.contains(code) || code.len() < 5, "code in {debug}");
                        assert!(!json.contains(code) || code.len() < 5, "code in {json}");
                        if let Some(attempt) = attempt {
                            if attempt != code {
                                let _ = challenge.verify(attempt, now);
                            }
                        }
                        let ok = challenge.verify(code, now);
                        if challenge.tries_left() > 0 || ok.is_ok() {
                            assert!(ok.is_ok(), "a challenge refuses its own code: {ok:?}");
                        }
                    }
                    Err(e) => {
                        check_error(&e);
                        let message = e.to_string();
                        // A code can be a word of the message's own wording
                        // ("code"): that is no echo when the refusal of a
                        // code of the same shape, every digit turned into
                        // 0 and every other character into x, says it too.
                        let masked: String = code
                            .chars()
                            .map(|c| if c.is_ascii_digit() { '0' } else { 'x' })
                            .collect();
                        let wording = challenge_for(&masked)
                            .err()
                            .map(|e| e.to_string())
                            .unwrap_or_default();
                        let code = code.trim();
                        assert!(
                            code.len() < 4 || !message.contains(code) || wording.contains(code),
                            "code echoed: {message}"
                        );
                    }
                }
            }
            "phone" => match PhoneNumber::parse(rest) {
                Ok(phone) => {
                    assert_eq!(PhoneNumber::parse(phone.as_str()).as_ref(), Ok(&phone));
                    round_trip!(PhoneNumber, &phone);
                    let (country, national) = phone.split();
                    assert!(!country.is_empty() && !national.is_empty());
                    let masked = phone.masked();
                    assert!(
                        !masked.contains(phone.digits()),
                        "{masked} shows every digit"
                    );
                }
                Err(e) => check_error(&e),
            },
            "email" => match EmailAddress::parse(rest) {
                Ok(email) => {
                    assert_eq!(EmailAddress::parse(email.as_str()).as_ref(), Ok(&email));
                    round_trip!(EmailAddress, &email);
                    assert_eq!(
                        format!("{}@{}", email.local_part(), email.domain()),
                        email.as_str()
                    );
                    let _ = email.masked();
                }
                Err(e) => check_error(&e),
            },
            "id" => {
                if let Ok(id) = AccountId::new(rest) {
                    round_trip!(AccountId, &id);
                }
                if let Ok(id) = DeviceId::new(rest) {
                    round_trip!(DeviceId, &id);
                }
            }
            _ => {}
        }
    }
}
