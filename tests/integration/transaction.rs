//! Integration tests: transactions, the wallet ledger and diagnosis.

// Test helpers and proptest strategies may unwrap; clippy.toml only covers
// `#[test]` functions themselves.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use walletcare::account::{AccountState, FreezeReason, VerificationLevel};
use walletcare::error::{ErrorCode, HasErrorCode};
use walletcare::locale::{Locale, Render};
use walletcare::money::{Currency, Money};
use walletcare::transaction::{
    BankAccountRef, Cause, Decline, Diagnosis, DiagnosisPolicy, FailureReason, IdempotencyKey,
    Ledger, LedgerConfig, LedgerRequest, LimitKind, MerchantRef, Name, NextStep, PaymentChannel,
    ProviderCode, Receipt, SupportCategory, TopUpSource, Transaction, TransactionError,
    TransactionId, TransactionKind, TransactionStatus, WalletId, diagnose, diagnose_with,
};

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
    MerchantRef::new("M-7", "Sate Khas Senayan").unwrap()
}

fn qr_payment() -> TransactionKind {
    TransactionKind::Payment {
        channel: PaymentChannel::Qr,
        merchant: merchant(),
    }
}

// ---------------------------------------------------------------------------
// End to end
// ---------------------------------------------------------------------------

#[test]
fn a_failed_payment_is_declined_recorded_diagnosed_and_explained() {
    let now = at(2026, 11, 21, 3, 0);
    let active = AccountState::Active;
    let mut ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Unverified).unwrap();
    ledger
        .apply(
            &LedgerRequest::top_up(key("top-1"), tid("TOP-1"), rp(50_000)),
            &active,
            now,
        )
        .unwrap();

    let mut tx =
        Transaction::new(tid("PAY-1"), qr_payment(), rp(62_345), key("pay-1"), now).unwrap();
    let err = ledger
        .apply(&LedgerRequest::for_transaction(&tx), &active, now)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InsufficientBalance);
    tx.fail(err.failure_reason().unwrap(), now).unwrap();
    assert_eq!(tx.status(), TransactionStatus::Failed);

    let diagnosis = diagnose(&tx, &active, now);
    assert_eq!(diagnosis.cause, Cause::InsufficientBalance);
    let jakarta = DiagnosisPolicy::default().zone;
    assert_eq!(
        diagnosis.render_in(Locale::Id, jakarta),
        "Saldo Anda tidak cukup untuk transaksi ini.\n\
         1. Isi saldo minimal Rp12.345 agar saldo Anda cukup, lalu coba lagi.\n\
         2. Gunakan metode pembayaran lain."
    );

    // After topping up, a retry under a new key goes through; a replay of
    // the old key still reports the original decline.
    ledger
        .apply(
            &LedgerRequest::top_up(key("top-2"), tid("TOP-2"), rp(12_345)),
            &active,
            now,
        )
        .unwrap();
    let replay = ledger.apply(&LedgerRequest::for_transaction(&tx), &active, now);
    assert_eq!(replay.unwrap_err(), err);
    let retry = LedgerRequest::debit(key("pay-1-retry"), tid("PAY-2"), rp(62_345));
    let receipt = ledger.apply(&retry, &active, now).unwrap();
    assert!(receipt.balance_after.is_zero());

    // The merchant's system reverses it later; the money comes back once.
    let back = ledger
        .reverse(key("rev-1"), tid("PAY-2"), &active, now)
        .unwrap();
    assert_eq!(back.change, rp(62_345));
    let again = ledger.reverse(key("rev-2"), tid("PAY-2"), &active, now);
    assert_eq!(
        again.unwrap_err().code(),
        ErrorCode::InvalidTransactionTransition
    );
    assert_eq!(ledger.balance(), rp(62_345));
}

#[test]
fn the_bank_indonesia_limits_apply_by_verification_level() {
    let now = at(2026, 11, 21, 3, 0);
    let active = AccountState::Active;
    let mut ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Unverified).unwrap();
    let over = LedgerRequest::top_up(key("a"), tid("A"), rp(2_000_001));
    let decline = ledger.apply(&over, &active, now).unwrap_err();
    assert_eq!(
        decline,
        TransactionError::Declined(Decline::LimitExceeded {
            kind: LimitKind::MaxBalance,
            limit: rp(2_000_000),
            remaining: rp(2_000_000),
            level: VerificationLevel::Unverified,
        })
    );
    ledger.set_verification_level(VerificationLevel::Verified);
    let fits = LedgerRequest::top_up(key("b"), tid("B"), rp(20_000_000));
    assert!(ledger.apply(&fits, &active, now).is_ok());
    let more = LedgerRequest::top_up(key("c"), tid("C"), rp(1));
    assert_eq!(
        ledger.apply(&more, &active, now).unwrap_err().code(),
        ErrorCode::LimitExceeded
    );
}

// ---------------------------------------------------------------------------
// Property tests of the ledger
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Op {
    Debit(i64),
    TopUp(i64),
    Refund(usize, i64),
    Reversal(usize),
    Replay(usize),
}

#[derive(Debug, Clone, Copy)]
enum AccountKind {
    Active,
    LockedUntilLater,
    LockEnded,
    Frozen,
    Closed,
}

impl AccountKind {
    fn state(self, now: DateTime<Utc>) -> AccountState {
        match self {
            AccountKind::Active => AccountState::Active,
            AccountKind::LockedUntilLater => AccountState::Locked {
                until: now + Duration::minutes(30),
            },
            AccountKind::LockEnded => AccountState::Locked {
                until: now - Duration::minutes(1),
            },
            AccountKind::Frozen => AccountState::Frozen {
                reason: FreezeReason::ReportedStolen,
                since: now,
            },
            AccountKind::Closed => AccountState::Closed,
        }
    }
}

#[derive(Debug, Clone)]
struct Step {
    op: Op,
    account: AccountKind,
    minutes_later: i64,
    foreign_currency: bool,
}

fn amount() -> impl Strategy<Value = i64> {
    prop_oneof![
        10 => 1_i64..=300_000_000, // up to Rp 3.000.000
        1 => any::<i64>(),
        1 => Just(0_i64),
        1 => Just(i64::MAX),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let op = prop_oneof![
        4 => amount().prop_map(Op::Debit),
        4 => amount().prop_map(Op::TopUp),
        2 => (any::<usize>(), amount()).prop_map(|(i, a)| Op::Refund(i, a)),
        1 => any::<usize>().prop_map(Op::Reversal),
        2 => any::<usize>().prop_map(Op::Replay),
    ];
    let account = prop_oneof![
        8 => Just(AccountKind::Active),
        1 => Just(AccountKind::LockedUntilLater),
        1 => Just(AccountKind::LockEnded),
        1 => Just(AccountKind::Frozen),
        1 => Just(AccountKind::Closed),
    ];
    let minutes = prop_oneof![
        8 => 0_i64..=600,
        1 => 600_i64..=60 * 24 * 40,
        1 => -60 * 24 * 70_i64..=0,
    ];
    (op, account, minutes, prop::bool::weighted(0.03)).prop_map(
        |(op, account, minutes_later, foreign_currency)| Step {
            op,
            account,
            minutes_later,
            foreign_currency,
        },
    )
}

fn level() -> impl Strategy<Value = VerificationLevel> {
    prop_oneof![
        Just(VerificationLevel::Unverified),
        Just(VerificationLevel::Verified)
    ]
}

/// One applied request: what was sent, under which account state and time,
/// and what came back.
struct Applied {
    request: LedgerRequest,
    account: AccountState,
    now: DateTime<Utc>,
    result: Result<Receipt, TransactionError>,
}

/// Runs `steps` against `ledger`, calling `check` after each request with
/// the balance before it and the request.
fn run(
    ledger: &mut Ledger,
    steps: &[Step],
    mut check: impl FnMut(&Ledger, Money, &Applied),
) -> Vec<Applied> {
    let mut applied: Vec<Applied> = Vec::new();
    let mut now = at(2026, 11, 21, 3, 0);
    for (i, step) in steps.iter().enumerate() {
        now += Duration::minutes(step.minutes_later);
        let currency = if step.foreign_currency {
            Currency::Usd
        } else {
            Currency::Idr
        };
        let money = |minor: i64| Money::new(minor, currency);
        let k = key(&format!("k{i}"));
        let t = tid(&format!("t{i}"));
        let target = |j: usize| tid(&format!("t{}", j % (i + 1)));
        let request = match step.op {
            Op::Debit(a) => LedgerRequest::debit(k, t, money(a)),
            Op::TopUp(a) => LedgerRequest::top_up(k, t, money(a)),
            Op::Refund(j, a) => LedgerRequest::refund(k, target(j), money(a)),
            Op::Reversal(j) => LedgerRequest::reversal(k, target(j)),
            Op::Replay(j) => match applied.get(j % i.max(1)) {
                Some(earlier) => earlier.request.clone(),
                None => LedgerRequest::debit(k, t, money(1)),
            },
        };
        let account = step.account.state(now);
        let before = ledger.balance();
        let result = ledger.apply(&request, &account, now);
        let entry = Applied {
            request,
            account,
            now,
            result,
        };
        check(ledger, before, &entry);
        applied.push(entry);
    }
    applied
}

fn is_stored(result: &Result<Receipt, TransactionError>) -> bool {
    matches!(result, Ok(_) | Err(TransactionError::Declined(_)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn ledger_balance_never_goes_negative(
        steps in prop::collection::vec(step(), 1..40),
        level in level(),
        max_retained in 1_u32..=64,
        opening in 0_i64..=1_000_000_000,
    ) {
        let config = LedgerConfig { max_retained, ..LedgerConfig::default() };
        let mut ledger = Ledger::with_balance(config, level, Money::new(opening, Currency::Idr)).unwrap();
        run(&mut ledger, &steps, |ledger, _, applied| {
            assert!(!ledger.balance().is_negative(), "{:?}", ledger.balance());
            assert_eq!(ledger.balance().currency(), Currency::Idr);
            if let Ok(receipt) = &applied.result {
                assert!(!receipt.balance_after.is_negative());
            }
            assert!(ledger.len() <= max_retained as usize);
        });
    }

    #[test]
    fn replaying_any_request_with_its_idempotency_key_changes_nothing(
        steps in prop::collection::vec(step(), 1..40),
        replay_steps in prop::collection::vec(step(), 1..10),
        level in level(),
    ) {
        let mut ledger = Ledger::new(LedgerConfig::default(), level).unwrap();
        let mut first_results: std::collections::HashMap<IdempotencyKey, Result<Receipt, TransactionError>> =
            std::collections::HashMap::new();
        let applied = run(&mut ledger, &steps, |_, _, applied| {
            // In-sequence replays give the first stored result.
            match first_results.get(&applied.request.key) {
                Some(first) if is_stored(first) => assert_eq!(&applied.result, first),
                // Invalid requests are not stored: a later attempt is new.
                _ => {
                    first_results.insert(applied.request.key.clone(), applied.result.clone());
                }
            }
        });
        let snapshot = ledger.clone();
        for (n, original) in applied.iter().enumerate() {
            if !is_stored(&original.result) {
                continue;
            }
            // Replay under another account state and time.
            let other = &replay_steps[n % replay_steps.len()];
            let later = original.now + Duration::minutes(other.minutes_later.abs());
            let account = other.account.state(later);
            let replayed = ledger.apply(&original.request, &account, later);
            prop_assert_eq!(&replayed, &first_results[&original.request.key]);
            prop_assert_eq!(&ledger, &snapshot);
            // The same key with another request is refused, also changing nothing.
            let mut changed = original.request.clone();
            changed.transaction = tid("someone-else");
            let conflict = ledger.apply(&changed, &original.account, original.now);
            prop_assert_eq!(
                conflict,
                Err(TransactionError::IdempotencyConflict { key: original.request.key.clone() })
            );
            prop_assert_eq!(&ledger, &snapshot);
        }
        // The whole state survives JSON.
        let json = serde_json::to_string(&ledger).unwrap();
        prop_assert_eq!(serde_json::from_str::<Ledger>(&json).unwrap(), snapshot);
    }

    #[test]
    fn sum_of_movements_equals_balance_change(
        steps in prop::collection::vec(step(), 1..40),
        level in level(),
        max_retained in 1_u32..=64,
        opening in 0_i64..=1_000_000_000,
    ) {
        let opening = Money::new(opening, Currency::Idr);
        let config = LedgerConfig { max_retained, ..LedgerConfig::default() };
        let mut ledger = Ledger::with_balance(config, level, opening).unwrap();
        let mut seen = std::collections::HashSet::new();
        let mut movements = Vec::new();
        run(&mut ledger, &steps, |ledger, before, applied| match &applied.result {
            Ok(receipt) if seen.insert(receipt.sequence) => {
                // A new movement: the balance moved by exactly its change.
                assert_eq!(before.checked_add(receipt.change).unwrap(), ledger.balance());
                assert_eq!(receipt.balance_after, ledger.balance());
                movements.push(receipt.change);
            }
            // Replays, declines and errors move nothing.
            _ => assert_eq!(before, ledger.balance()),
        });
        let total = Money::checked_sum(movements, Currency::Idr).unwrap();
        prop_assert_eq!(opening.checked_add(total).unwrap(), ledger.balance());
    }
}

// ---------------------------------------------------------------------------
// Property test of diagnosis
// ---------------------------------------------------------------------------

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let min = DateTime::<Utc>::MIN_UTC.timestamp();
    let max = DateTime::<Utc>::MAX_UTC.timestamp();
    let near = at(2026, 11, 21, 3, 0).timestamp();
    prop_oneof![
        8 => near - 86_400 * 400..=near + 86_400 * 400,
        2 => min..=max,
        1 => Just(min),
        1 => Just(max),
    ]
    .prop_map(|s| Utc.timestamp_opt(s, 0).single().unwrap())
}

fn any_money() -> impl Strategy<Value = Money> {
    let currency = prop_oneof![
        Just(Currency::Idr),
        Just(Currency::Cny),
        Just(Currency::Usd),
        Just(Currency::Jpy),
    ];
    (any::<i64>(), currency).prop_map(|(minor, currency)| Money::new(minor, currency))
}

fn failure_reason() -> impl Strategy<Value = FailureReason> {
    let limit_kind = prop_oneof![
        Just(LimitKind::MaxBalance),
        Just(LimitKind::DailyOutgoing),
        Just(LimitKind::MonthlyIncoming),
    ];
    prop_oneof![
        any_money().prop_map(|shortfall| FailureReason::InsufficientBalance { shortfall }),
        Just(FailureReason::WrongPin),
        instant().prop_map(|until| FailureReason::AccountLocked { until }),
        Just(FailureReason::AccountFrozen),
        Just(FailureReason::AccountClosed),
        (limit_kind, any_money(), any_money(), level()).prop_map(
            |(kind, limit, remaining, level)| {
                FailureReason::LimitExceeded {
                    kind,
                    limit,
                    remaining,
                    level,
                }
            }
        ),
        Just(FailureReason::NetworkTimeout),
        Just(FailureReason::MerchantUnavailable),
        instant().prop_map(|until| FailureReason::SystemMaintenance { until }),
        Just(FailureReason::RiskRejected),
        Just(FailureReason::CardExpired),
        Just(FailureReason::BankUnavailable {
            bank: Name::new("BCA").unwrap()
        }),
        Just(FailureReason::Unknown {
            code: ProviderCode::new("X-1").unwrap()
        }),
    ]
}

fn kind() -> impl Strategy<Value = TransactionKind> {
    prop_oneof![
        Just(qr_payment()),
        Just(TransactionKind::Payment {
            channel: PaymentChannel::Online,
            merchant: merchant()
        }),
        Just(TransactionKind::Transfer {
            to: WalletId::new("+628111").unwrap()
        }),
        Just(TransactionKind::TopUp {
            source: TopUpSource::Card
        }),
        Just(TransactionKind::TopUp {
            source: TopUpSource::RetailOutlet
        }),
        Just(TransactionKind::TopUp {
            source: TopUpSource::BankTransfer {
                bank: Name::new("BRI").unwrap()
            },
        }),
        Just(TransactionKind::Withdrawal {
            to: BankAccountRef::new("BNI", "0042").unwrap()
        }),
    ]
}

fn account_state() -> impl Strategy<Value = AccountState> {
    let freeze = prop_oneof![
        Just(FreezeReason::ReportedStolen),
        Just(FreezeReason::SuspectedFraud),
        Just(FreezeReason::Regulatory),
        Just(FreezeReason::UserRequest),
    ];
    prop_oneof![
        Just(AccountState::Active),
        instant().prop_map(|until| AccountState::Locked { until }),
        (freeze, instant()).prop_map(|(reason, since)| AccountState::Frozen { reason, since }),
        Just(AccountState::Closed),
    ]
}

#[derive(Debug, Clone)]
enum Fate {
    Pending,
    Succeeded,
    Failed(FailureReason),
    Reversed,
}

fn policy() -> impl Strategy<Value = DiagnosisPolicy> {
    let zone = prop_oneof![
        Just("Asia/Jakarta"),
        Just("Asia/Makassar"),
        Just("Asia/Jayapura"),
        Just("Asia/Shanghai"),
        Just("America/Santiago"),
        Just("Pacific/Kiritimati"),
        Just("Etc/GMT+12"),
    ];
    (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<[u32; 5]>(),
        zone,
    )
        .prop_map(|(stuck, network, outage, hours, zone)| {
            let json = serde_json::json!({
                "stuck_after_minutes": stuck % 4_000,
                "network_retry_minutes": network,
                "outage_retry_minutes": outage % 600,
                "reversal": {
                    "qr_payment_hours": hours[0],
                    "online_payment_hours": hours[1] % 200,
                    "transfer_hours": hours[2] % 200,
                    "top_up_hours": hours[3],
                    "withdrawal_hours": hours[4] % 200,
                },
                "zone": zone,
            });
            serde_json::from_value(json).unwrap()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn diagnose_never_panics_and_always_gives_a_step(
        kind in kind(),
        amount in 1_i64..=i64::MAX,
        created in instant(),
        later_minutes in 0_i64..=60 * 24 * 30,
        fate in prop_oneof![
            2 => Just(Fate::Pending),
            1 => Just(Fate::Succeeded),
            6 => failure_reason().prop_map(Fate::Failed),
            1 => Just(Fate::Reversed),
        ],
        account in account_state(),
        now in instant(),
        policy in policy(),
    ) {
        let mut tx = Transaction::new(
            tid("T-1"), kind, Money::new(amount, Currency::Idr), key("K-1"), created,
        ).unwrap();
        let updated = created
            .checked_add_signed(Duration::minutes(later_minutes))
            .unwrap_or(created);
        match fate.clone() {
            Fate::Pending => {}
            Fate::Succeeded => tx.succeed(updated).unwrap(),
            Fate::Failed(reason) => tx.fail(reason, updated).unwrap(),
            Fate::Reversed => {
                tx.succeed(updated).unwrap();
                tx.reverse(updated).unwrap();
            }
        }
        let diagnosis = diagnose_with(&tx, &account, now, &policy);
        prop_assert!(!diagnosis.steps.is_empty());
        prop_assert_eq!(&diagnosis.transaction, tx.id());
        let expected_cause = match fate {
            Fate::Pending => None,
            Fate::Succeeded => Some(Cause::Completed),
            Fate::Reversed => Some(Cause::Reversed),
            Fate::Failed(_) => None,
        };
        if let Some(cause) = expected_cause {
            prop_assert_eq!(diagnosis.cause, cause);
        }
        if tx.status() == TransactionStatus::Pending {
            prop_assert!(matches!(diagnosis.cause, Cause::StuckPending | Cause::StillProcessing));
        }
        for locale in Locale::ALL {
            prop_assert!(!diagnosis.render(locale).is_empty());
            let text = diagnosis.render_in(locale, policy.zone);
            prop_assert_eq!(text.lines().count(), diagnosis.steps.len() + 1);
        }
        let json = serde_json::to_string(&diagnosis).unwrap();
        prop_assert_eq!(serde_json::from_str::<Diagnosis>(&json).unwrap(), diagnosis);
        // The default policy never panics either.
        prop_assert!(!diagnose(&tx, &account, now).steps.is_empty());
    }
}

// ---------------------------------------------------------------------------
// Diagnosis table: every failure reason in every locale
// ---------------------------------------------------------------------------

struct Row {
    reason: FailureReason,
    kind: TransactionKind,
    account: AccountState,
    cause: Cause,
    en: &'static [&'static str],
    id: &'static [&'static str],
    zh: &'static [&'static str],
}

#[test]
fn diagnosis_of_every_failure_reason_reads_right_in_every_locale() {
    // 10:00 WIB on 21 November 2026.
    let now = at(2026, 11, 21, 3, 0);
    let lock_end = at(2026, 11, 21, 3, 30);
    let active = AccountState::Active;
    let card_top_up = TransactionKind::TopUp {
        source: TopUpSource::Card,
    };
    let withdrawal = TransactionKind::Withdrawal {
        to: BankAccountRef::new("BCA", "1234").unwrap(),
    };
    let rows = [
        Row {
            reason: FailureReason::InsufficientBalance {
                shortfall: rp(12_345),
            },
            kind: qr_payment(),
            account: active,
            cause: Cause::InsufficientBalance,
            en: &[
                "Your balance was not enough for this transaction.",
                "1. Top up at least IDR 12,345 so your balance covers the payment",
                "2. Use another payment method.",
            ],
            id: &[
                "Saldo Anda tidak cukup",
                "1. Isi saldo minimal Rp12.345 agar saldo Anda cukup",
                "2. Gunakan metode pembayaran lain.",
            ],
            zh: &[
                "余额不足",
                "1. 请至少充值 Rp12,345",
                "2. 请改用其他支付方式。",
            ],
        },
        Row {
            reason: FailureReason::WrongPin,
            kind: qr_payment(),
            account: AccountState::Locked { until: lock_end },
            cause: Cause::WrongPin,
            en: &[
                "The PIN entered was incorrect.",
                "1. Your account is temporarily locked. Wait until 21 November 2026, 10:30 WIB",
                "2. If you have forgotten your PIN",
            ],
            id: &[
                "PIN yang dimasukkan salah.",
                "Tunggu hingga 21 November 2026 pukul 10.30 WIB",
                "Lupa PIN",
            ],
            zh: &[
                "PIN 不正确",
                "请等到 2026年11月21日 10:30（WIB） 后再试",
                "忘记 PIN",
            ],
        },
        Row {
            reason: FailureReason::AccountLocked { until: lock_end },
            kind: TransactionKind::Transfer {
                to: WalletId::new("+62811").unwrap(),
            },
            account: AccountState::Locked { until: lock_end },
            cause: Cause::AccountLocked,
            en: &["locked after too many failed attempts", "10:30 WIB"],
            id: &["dikunci sementara", "pukul 10.30 WIB"],
            zh: &["多次尝试失败", "10:30（WIB）"],
        },
        Row {
            reason: FailureReason::AccountFrozen,
            kind: qr_payment(),
            account: AccountState::Frozen {
                reason: FreezeReason::ReportedStolen,
                since: now,
            },
            cause: Cause::AccountFrozen,
            en: &[
                "Your account is frozen",
                "1. Verify your identity in the app",
                "2. Contact customer support about account security.",
            ],
            id: &[
                "Akun Anda dibekukan",
                "1. Verifikasi identitas Anda",
                "2. Hubungi layanan pelanggan terkait keamanan akun.",
            ],
            zh: &[
                "账户已被冻结",
                "1. 请在应用中使用身份证件",
                "2. 请联系客服（问题类型：账户安全）。",
            ],
        },
        Row {
            reason: FailureReason::AccountClosed,
            kind: qr_payment(),
            account: AccountState::Closed,
            cause: Cause::AccountClosed,
            en: &[
                "Your account is closed.",
                "customer support about account access.",
            ],
            id: &["Akun Anda sudah ditutup.", "terkait akses akun."],
            zh: &["账户已注销", "问题类型：账户登录"],
        },
        Row {
            reason: FailureReason::LimitExceeded {
                kind: LimitKind::DailyOutgoing,
                limit: rp(1_000_000),
                remaining: rp(250_000),
                level: VerificationLevel::Unverified,
            },
            kind: qr_payment(),
            account: active,
            cause: Cause::LimitExceeded,
            en: &[
                "go over a limit",
                "1. Try a smaller amount, at most IDR 250,000.",
                "2. Try again after 22 November 2026, 00:00 WIB.",
                "3. Verify your identity",
            ],
            id: &[
                "melebihi batas",
                "maksimal Rp250.000",
                "Coba lagi setelah 22 November 2026 pukul 00.00 WIB.",
                "Verifikasi identitas",
            ],
            zh: &[
                "限额",
                "最多 Rp250,000",
                "2026年11月22日 00:00（WIB）",
                "身份验证",
            ],
        },
        Row {
            reason: FailureReason::NetworkTimeout,
            kind: qr_payment(),
            account: active,
            cause: Cause::NetworkTimeout,
            en: &[
                "timed out",
                "1. Check your internet connection",
                "2. Try again after 21 November 2026, 10:02 WIB.",
            ],
            id: &[
                "Koneksi terputus",
                "Periksa koneksi internet",
                "pukul 10.02 WIB",
            ],
            zh: &["超时", "请检查网络连接", "2026年11月21日 10:02（WIB）"],
        },
        Row {
            reason: FailureReason::MerchantUnavailable,
            kind: qr_payment(),
            account: active,
            cause: Cause::MerchantUnavailable,
            en: &[
                "merchant's payment system",
                "1. Try again after 21 November 2026, 10:30 WIB.",
                "3. Contact Sate Khas Senayan and show them this transaction",
            ],
            id: &["Sistem pembayaran merchant", "Hubungi Sate Khas Senayan"],
            zh: &["商户的支付系统", "请联系商户“Sate Khas Senayan”"],
        },
        Row {
            reason: FailureReason::SystemMaintenance {
                until: at(2026, 11, 21, 5, 0),
            },
            kind: card_top_up.clone(),
            account: active,
            cause: Cause::SystemMaintenance,
            en: &[
                "maintenance",
                "1. Try again after 21 November 2026, 12:00 WIB.",
            ],
            id: &[
                "pemeliharaan",
                "1. Coba lagi setelah 21 November 2026 pukul 12.00 WIB.",
            ],
            zh: &["维护", "1. 请在 2026年11月21日 12:00（WIB） 之后重试。"],
        },
        Row {
            reason: FailureReason::RiskRejected,
            kind: qr_payment(),
            account: active,
            cause: Cause::RiskRejected,
            en: &[
                "security checks",
                "Verify your identity",
                "about account security",
            ],
            id: &[
                "pemeriksaan keamanan",
                "Verifikasi identitas",
                "keamanan akun",
            ],
            zh: &["安全审核", "身份验证", "账户安全"],
        },
        Row {
            reason: FailureReason::CardExpired,
            kind: card_top_up,
            account: active,
            cause: Cause::CardExpired,
            en: &["The card used has expired.", "1. Update your card details"],
            id: &["sudah kedaluwarsa", "1. Perbarui data kartu"],
            zh: &["已过期", "1. 请更新银行卡信息"],
        },
        Row {
            reason: FailureReason::BankUnavailable {
                bank: Name::new("BCA").unwrap(),
            },
            kind: withdrawal,
            account: active,
            cause: Cause::BankUnavailable,
            en: &[
                "bank's system",
                "after 21 November 2026, 10:30 WIB",
                "another payment method",
            ],
            id: &["Sistem bank", "pukul 10.30 WIB", "metode pembayaran lain"],
            zh: &["银行系统", "10:30（WIB）", "其他支付方式"],
        },
        Row {
            reason: FailureReason::Unknown {
                code: ProviderCode::new("ISO-96").unwrap(),
            },
            kind: qr_payment(),
            account: active,
            cause: Cause::Unknown,
            en: &["could not identify", "about failed or pending payments."],
            id: &["belum dapat kami kenali", "transaksi gagal atau tertunda"],
            zh: &["无法确定", "支付失败或处理中"],
        },
    ];
    assert_eq!(rows.len(), 13, "one row per failure reason");
    let jakarta = DiagnosisPolicy::default().zone;
    for row in rows {
        let mut tx = Transaction::new(tid("T-1"), row.kind, rp(50_000), key("K-1"), now).unwrap();
        tx.fail(row.reason.clone(), now).unwrap();
        let diagnosis = diagnose(&tx, &row.account, now);
        assert_eq!(diagnosis.cause, row.cause, "{:?}", row.reason);
        for (locale, wanted) in [
            (Locale::En, row.en),
            (Locale::Id, row.id),
            (Locale::ZhCn, row.zh),
        ] {
            let text = diagnosis.render_in(locale, jakarta);
            for fragment in wanted {
                assert!(
                    text.contains(fragment),
                    "{:?} in {locale}: {fragment:?} not in\n{text}",
                    row.reason
                );
            }
        }
    }
}

#[test]
fn stuck_payment_explains_the_automatic_reversal_in_every_locale() {
    let created = at(2026, 11, 21, 3, 0);
    let tx = Transaction::new(tid("T-1"), qr_payment(), rp(75_000), key("K-1"), created).unwrap();
    let diagnosis = diagnose(&tx, &AccountState::Active, created + Duration::hours(2));
    assert_eq!(diagnosis.cause, Cause::StuckPending);
    let jakarta = DiagnosisPolicy::default().zone;
    assert_eq!(
        diagnosis.render_in(Locale::En, jakarta),
        "The transaction has been processing for longer than usual.\n\
         1. Do not pay again: if the transaction does not complete, the money is returned automatically by 22 November 2026, 10:00 WIB.\n\
         2. Contact Sate Khas Senayan and show them this transaction so they can check it.\n\
         3. Contact customer support about failed or pending payments."
    );
    assert_eq!(
        diagnosis.render_in(Locale::Id, jakarta),
        "Transaksi ini diproses lebih lama dari biasanya.\n\
         1. Jangan membayar ulang: jika transaksi tidak berhasil, dana dikembalikan otomatis paling lambat 22 November 2026 pukul 10.00 WIB.\n\
         2. Hubungi Sate Khas Senayan dan tunjukkan transaksi ini agar mereka dapat memeriksanya.\n\
         3. Hubungi layanan pelanggan terkait transaksi gagal atau tertunda."
    );
    assert_eq!(
        diagnosis.render_in(Locale::ZhCn, jakarta),
        "该交易的处理时间比平时更长。\n\
         1. 请勿重复付款：如交易未能完成，款项将在 2026年11月22日 10:00（WIB） 前自动退回。\n\
         2. 请联系商户“Sate Khas Senayan”，并出示此交易记录以便对方核实。\n\
         3. 请联系客服（问题类型：支付失败或处理中）。"
    );
    // Without a zone, times are in UTC and say so.
    assert!(
        diagnosis
            .render(Locale::En)
            .contains("22 November 2026, 03:00 UTC")
    );
}

#[test]
fn steps_and_categories_keep_their_wire_names() {
    let step = NextStep::ContactSupport {
        category: SupportCategory::BankCard,
    };
    assert_eq!(
        serde_json::to_string(&step).unwrap(),
        r#"{"step":"contact_support","category":"bank_card"}"#
    );
    let wait = NextStep::WaitForAutomaticReversal {
        until: at(2026, 11, 22, 3, 0),
    };
    assert_eq!(
        serde_json::to_string(&wait).unwrap(),
        r#"{"step":"wait_for_automatic_reversal","until":"2026-11-22T03:00:00Z"}"#
    );
    assert!(serde_json::from_str::<NextStep>(r#"{"step":"pray"}"#).is_err());
    assert!(serde_json::from_str::<NextStep>(r#"{"step":"reset_pin","x":1}"#).is_err());
}
