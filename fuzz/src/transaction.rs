//! Transactions and the wallet ledger: transaction JSON, its lifecycle and
//! diagnosis; ledger JSON and ledger requests.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use walletcare_core::account::{AccountState, FreezeReason, VerificationLevel};
use walletcare_core::calendar::Tz;
use walletcare_core::locale::Locale;
use walletcare_core::money::Money;
use walletcare_core::transaction::{
    Diagnosis, DiagnosisPolicy, FailureReason, Ledger, LedgerConfig, LedgerRequest, Operation,
    Outcome, Transaction, TransactionError, TransactionState, TransactionStatus, diagnose_with,
};

use super::common::{
    MAX_COMMANDS, all_or_nothing, check_error, command, instant, lines, render_all, round_trip,
    word,
};

/// An account state from a word: `active`, `locked` (for an hour after
/// `now`), `frozen`, `closed`, or JSON.
fn account_state(text: &str, now: DateTime<Utc>) -> AccountState {
    match text.trim() {
        "locked" => AccountState::Locked {
            until: now + chrono::TimeDelta::hours(1),
        },
        "frozen" => AccountState::Frozen {
            reason: FreezeReason::SuspectedFraud,
            since: now,
        },
        "closed" => AccountState::Closed,
        json => serde_json::from_str(json).unwrap_or(AccountState::Active),
    }
}

/// Reads a ledger: its JSON form, `@new` (default configuration, verified),
/// or a configuration's JSON. Checks load → save → load.
fn load_ledger(text: &str) -> Option<Ledger> {
    if text.trim() == "@new" {
        return Ledger::new(LedgerConfig::default(), VerificationLevel::Verified).ok();
    }
    match serde_json::from_str::<Ledger>(text) {
        Ok(ledger) => {
            round_trip!(Ledger, &ledger);
            return Some(ledger);
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
    let config = serde_json::from_str::<LedgerConfig>(text).ok()?;
    round_trip!(LedgerConfig, &config);
    match Ledger::new(config.clone(), VerificationLevel::Unverified) {
        Ok(ledger) => {
            assert_eq!(config.validate(), Ok(()));
            Some(ledger)
        }
        Err(error) => {
            check_error(&error);
            assert!(config.validate().is_err());
            None
        }
    }
}

/// The ledger's invariants that hold after every step.
fn check_ledger(ledger: &Ledger, now: DateTime<Utc>) {
    round_trip!(Ledger, ledger);
    let balance = ledger.balance();
    assert!(!balance.is_negative(), "negative balance {balance:?}");
    assert!(ledger.len() <= usize::try_from(ledger.config().max_retained).unwrap_or(usize::MAX));
    let len = ledger.len();
    assert_eq!(ledger.is_empty(), len == 0);
    assert!(!ledger.daily_outgoing_remaining(now).is_negative());
    assert!(!ledger.monthly_incoming_remaining(now).is_negative());

    // Credits (refunds and reversals) never exceed the debit they return,
    // counting only what the ledger still remembers.
    let mut debits: BTreeMap<String, (u64, i128)> = BTreeMap::new();
    let mut credited: BTreeMap<String, i128> = BTreeMap::new();
    let mut last_sequence = None;
    for entry in ledger.entries() {
        assert!(last_sequence < Some(entry.sequence), "entries out of order");
        last_sequence = Some(entry.sequence);
        let Outcome::Applied(receipt) = &entry.outcome else {
            continue;
        };
        assert_eq!(receipt.sequence, entry.sequence);
        assert_eq!(receipt.key, entry.request.key);
        let id = entry.request.transaction.as_str().to_owned();
        match entry.request.operation {
            Operation::Debit { amount } => {
                assert_eq!(receipt.change.minor(), -amount.minor());
                debits.insert(id, (entry.sequence, i128::from(amount.minor())));
            }
            Operation::TopUp { amount } => assert_eq!(receipt.change, amount),
            Operation::Refund { .. } | Operation::Reversal => {
                assert!(
                    receipt.change.is_positive(),
                    "a credit of {:?}",
                    receipt.change
                );
                *credited.entry(id).or_default() += i128::from(receipt.change.minor());
            }
        }
    }
    for (id, total) in credited {
        if let Some((_, debit)) = debits.get(&id) {
            assert!(
                total <= *debit,
                "{id}: credited {total} back on a debit of {debit}"
            );
        }
    }
}

/// `ledger`: the first line is a ledger (`@new`, its JSON, or a
/// configuration's JSON), every other line a command with `now` second:
/// `apply T STATE REQUEST_JSON` (STATE: `active`, `locked`, `frozen`,
/// `closed` or an account state's JSON), `tx T STATE TRANSACTION_JSON`,
/// `level T 0|1`.
///
/// Invariants: load → save → load is stable after every step; invalid
/// requests change nothing; declines change nothing but are remembered;
/// a replay returns the same outcome and changes nothing; a receipt's
/// balance is the ledger's; the balance never goes negative; credits never
/// exceed their debit; the ledger never remembers more than `max_retained`.
pub fn ledger(data: &[u8]) {
    let mut input = lines(data);
    let Some(mut ledger) = input.next().and_then(load_ledger) else {
        return;
    };
    let mut now = DateTime::from_timestamp(1_764_000_000, 0).unwrap_or_default();
    check_ledger(&ledger, now);
    for line in input.take(MAX_COMMANDS) {
        let (verb, mut rest) = command(line);
        let Some(at) = word(&mut rest).and_then(instant) else {
            continue;
        };
        now = at;
        match verb {
            "apply" | "tx" => {
                let Some(state) = word(&mut rest) else {
                    continue;
                };
                let state = account_state(state, now);
                let request = if verb == "tx" {
                    match serde_json::from_str::<Transaction>(rest) {
                        Ok(tx) => LedgerRequest::for_transaction(&tx),
                        Err(_) => continue,
                    }
                } else {
                    match serde_json::from_str::<LedgerRequest>(rest) {
                        Ok(request) => request,
                        Err(_) => continue,
                    }
                };
                round_trip!(LedgerRequest, &request);
                apply(&mut ledger, &request, &state, now);
            }
            "level" => {
                let level = if rest.starts_with('1') {
                    VerificationLevel::Verified
                } else {
                    VerificationLevel::Unverified
                };
                ledger.set_verification_level(level);
                assert_eq!(ledger.verification_level(), level);
            }
            _ => continue,
        }
        check_ledger(&ledger, now);
    }
}

fn apply(ledger: &mut Ledger, request: &LedgerRequest, state: &AccountState, now: DateTime<Utc>) {
    let before = ledger.clone();
    let known = before.outcome(&request.key).cloned();
    let result = ledger.apply(request, state, now);
    match &result {
        Ok(receipt) => {
            round_trip!(walletcare_core::transaction::Receipt, receipt);
            assert_eq!(receipt.key, request.key);
            if known.is_none() {
                assert_eq!(receipt.balance_after, ledger.balance());
                assert_eq!(
                    before.balance().checked_add(receipt.change),
                    Ok(ledger.balance())
                );
                assert_eq!(receipt.at, now);
            } else {
                assert_eq!(*ledger, before, "a replay changed the ledger");
            }
        }
        Err(TransactionError::Declined(decline)) => {
            assert_eq!(ledger.balance(), before.balance(), "a decline moved money");
            assert_eq!(
                ledger.outcome(&request.key),
                Some(&Outcome::Declined(decline.clone())),
                "a decline is not remembered"
            );
            let _ = decline.failure_reason();
            assert!(decline.to_string().len() > 1);
        }
        Err(error) => {
            check_error(error);
            assert_eq!(
                *ledger, before,
                "an invalid request changed the ledger: {error:?}"
            );
        }
    }
    if let Err(error) = &result {
        check_error(error);
        let _ = error.failure_reason();
    }
    // A replay returns the same thing and changes nothing.
    let after = ledger.clone();
    if ledger.outcome(&request.key).is_some() {
        assert_eq!(
            ledger.apply(request, state, now),
            result,
            "a replay differs"
        );
        assert_eq!(*ledger, after, "a replay changed the ledger");
    }
}

fn zone(text: &str) -> Tz {
    text.trim().parse().unwrap_or(Tz::UTC)
}

fn check_diagnosis(diagnosis: &Diagnosis, zone: Tz) {
    round_trip!(Diagnosis, diagnosis);
    render_all(diagnosis);
    render_all(&diagnosis.cause);
    for locale in Locale::ALL {
        assert!(!diagnosis.render_in(locale, zone).is_empty());
        for step in &diagnosis.steps {
            assert!(!step.render_in(locale, zone).is_empty());
        }
    }
}

/// `transaction`: the first line is a transaction's JSON, every other line a
/// command with `now` second: `succeed T`, `fail T REASON_JSON`,
/// `reverse T`, `diagnose T STATE [POLICY_JSON]`, `zone T NAME`.
///
/// Invariants: load → save → load is stable; lifecycle changes follow
/// `TransactionStatus::can_become` and never go back in time, all-or-nothing;
/// diagnoses serialise and render in every locale and zone.
pub fn transaction(data: &[u8]) {
    let mut input = lines(data);
    let Some(Ok(mut tx)) = input.next().map(serde_json::from_str::<Transaction>) else {
        return;
    };
    round_trip!(Transaction, &tx);
    let _ = LedgerRequest::for_transaction(&tx);
    let mut policy = DiagnosisPolicy::default();
    let mut tz = policy.zone;
    for line in input.take(MAX_COMMANDS) {
        let (verb, mut rest) = command(line);
        let Some(now) = word(&mut rest).and_then(instant) else {
            continue;
        };
        let from = tx.status();
        let last = tx.updated_at();
        let (to, result) = match verb {
            "succeed" => (
                TransactionStatus::Succeeded,
                all_or_nothing(&mut tx, |t| t.succeed(now)),
            ),
            "reverse" => (
                TransactionStatus::Reversed,
                all_or_nothing(&mut tx, |t| t.reverse(now)),
            ),
            "fail" => {
                let Ok(reason) = serde_json::from_str::<FailureReason>(rest) else {
                    continue;
                };
                round_trip!(FailureReason, &reason);
                (
                    TransactionStatus::Failed,
                    all_or_nothing(&mut tx, |t| t.fail(reason, now)),
                )
            }
            "diagnose" => {
                let Some(state) = word(&mut rest) else {
                    continue;
                };
                let state = account_state(state, now);
                if let Ok(p) = serde_json::from_str::<DiagnosisPolicy>(rest) {
                    round_trip!(DiagnosisPolicy, &p);
                    policy = p;
                }
                let diagnosis = diagnose_with(&tx, &state, now, &policy);
                assert_eq!(&diagnosis.transaction, tx.id());
                check_diagnosis(&diagnosis, tz);
                let plain = walletcare_core::transaction::diagnose(&tx, &state, now);
                check_diagnosis(&plain, tz);
                continue;
            }
            "zone" => {
                tz = zone(rest);
                continue;
            }
            _ => continue,
        };
        match result {
            Ok(()) => {
                assert!(from.can_become(to), "{from} became {to}");
                assert!(now >= last, "went back in time");
                assert_eq!(tx.status(), to);
                assert_eq!(tx.updated_at(), now);
                assert!(!matches!(tx.state(), TransactionState::Pending));
            }
            Err(error) => {
                check_error(&error);
                assert!(
                    !from.can_become(to) || now < last,
                    "{from} could become {to}: {error:?}"
                );
            }
        }
        round_trip!(Transaction, &tx);
        let _: Money = tx.amount();
    }
}
