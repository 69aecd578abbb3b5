//! The wallet ledger and diagnosis: applying requests, replaying them by
//! idempotency key, and diagnosing failed transactions.

use std::hint::black_box;

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use walletcare::account::{AccountState, VerificationLevel};
use walletcare::locale::Locale;
use walletcare::money::{Currency, Money};
use walletcare::transaction::{
    DiagnosisPolicy, FailureReason, IdempotencyKey, Ledger, LedgerConfig, LedgerRequest, LimitKind,
    LimitPolicy, MerchantRef, Name, PaymentChannel, ProviderCode, Transaction, TransactionError,
    TransactionId, TransactionKind, diagnose,
};

const REQUESTS: usize = 10_000;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// 10,000 requests, one a minute: a top-up of Rp 50.000 then two debits of
/// Rp 10.000, repeated.
fn requests() -> Result<Vec<(LedgerRequest, DateTime<Utc>)>, TransactionError> {
    let mut out = Vec::with_capacity(REQUESTS);
    for i in 0..REQUESTS {
        let key = IdempotencyKey::new(format!("key-{i:05}"))?;
        let id = TransactionId::new(format!("TX-{i:05}"))?;
        let minutes = i64::try_from(i).unwrap_or(0);
        let at = start() + Duration::minutes(minutes);
        let request = if i % 3 == 0 {
            LedgerRequest::top_up(key, id, Money::new(5_000_000, Currency::Idr))
        } else {
            LedgerRequest::debit(key, id, Money::new(1_000_000, Currency::Idr))
        };
        out.push((request, at));
    }
    Ok(out)
}

fn empty_ledger() -> Result<Ledger, TransactionError> {
    let config = LedgerConfig {
        limits: LimitPolicy::unlimited(Currency::Idr),
        ..LedgerConfig::default()
    };
    Ledger::new(config, VerificationLevel::Verified)
}

fn apply_all(ledger: &mut Ledger, requests: &[(LedgerRequest, DateTime<Utc>)]) -> usize {
    requests
        .iter()
        .filter(|(request, at)| ledger.apply(request, &AccountState::Active, *at).is_ok())
        .count()
}

fn ledger(c: &mut Criterion) {
    let (Ok(requests), Ok(empty)) = (requests(), empty_ledger()) else {
        return;
    };
    c.bench_function("ledger/apply_10k", |b| {
        b.iter_batched(
            || empty.clone(),
            |mut ledger| apply_all(&mut ledger, black_box(&requests)),
            BatchSize::LargeInput,
        )
    });

    let mut full = empty.clone();
    apply_all(&mut full, &requests);
    c.bench_function("ledger/replay_10k", |b| {
        // Replays change nothing, so the same ledger serves every iteration.
        b.iter(|| apply_all(&mut full, black_box(&requests)))
    });
}

fn failed_transactions() -> Result<Vec<Transaction>, TransactionError> {
    let now = start();
    let rp = |major: i64| Money::new(major * 100, Currency::Idr);
    let reasons = [
        FailureReason::InsufficientBalance {
            shortfall: rp(12_345),
        },
        FailureReason::WrongPin,
        FailureReason::AccountLocked {
            until: now + Duration::minutes(30),
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
            until: now + Duration::hours(2),
        },
        FailureReason::RiskRejected,
        FailureReason::CardExpired,
        FailureReason::BankUnavailable {
            bank: Name::new("BCA")?,
        },
        FailureReason::Unknown {
            code: ProviderCode::new("ISO-96")?,
        },
    ];
    let merchant = MerchantRef::new("M-1", "Warung Bu Sri")?;
    let mut out = Vec::new();
    for (i, reason) in reasons.into_iter().enumerate() {
        let kind = TransactionKind::Payment {
            channel: PaymentChannel::Qr,
            merchant: merchant.clone(),
        };
        let mut tx = Transaction::new(
            TransactionId::new(format!("TX-{i}"))?,
            kind,
            rp(62_345),
            IdempotencyKey::new(format!("key-{i}"))?,
            now,
        )?;
        tx.fail(reason, now)?;
        out.push(tx);
    }
    Ok(out)
}

fn diagnosis(c: &mut Criterion) {
    let Ok(transactions) = failed_transactions() else {
        return;
    };
    let now = start();
    let account = AccountState::Active;
    c.bench_function("transaction/diagnose_13_reasons", |b| {
        b.iter(|| {
            black_box(&transactions)
                .iter()
                .map(|tx| diagnose(tx, &account, now).steps.len())
                .sum::<usize>()
        })
    });
    let zone = DiagnosisPolicy::default().zone;
    c.bench_function(
        "transaction/diagnose_and_render_13_reasons_3_locales",
        |b| {
            b.iter(|| {
                let mut bytes = 0;
                for tx in black_box(&transactions) {
                    let diagnosis = diagnose(tx, &account, now);
                    for locale in Locale::ALL {
                        bytes += diagnosis.render_in(locale, zone).len();
                    }
                }
                bytes
            })
        },
    );
}

criterion_group!(benches, ledger, diagnosis);
criterion_main!(benches);
