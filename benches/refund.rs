//! Refund eligibility and SLA due-date computation.

use chrono::{Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use walletcare::calendar::{BusinessCalendar, CalendarId};
use walletcare::money::{Currency, Money};
use walletcare::refund::{
    BankCode, CapturedPayment, Evidence, EvidenceKind, RefundAmount, RefundBook, RefundDestination,
    RefundPolicy, RefundReason, RefundRequest, RefundSlaPolicy,
};

fn eligibility(c: &mut Criterion) {
    let paid_at = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
    let card = RefundDestination::Card {
        bank: BankCode::BCA,
        last4: "1234".parse().unwrap(),
    };
    let payment = CapturedPayment {
        transaction_id: "TX-1".parse().unwrap(),
        order_number: "ORD-1".parse().unwrap(),
        amount: Money::new(15_000_000, Currency::Idr),
        paid_at,
        method: card,
    };
    let mut book = RefundBook::new(payment, RefundPolicy::default()).unwrap();
    let now = paid_at + Duration::days(3);
    let part = |minor| {
        RefundRequest::new(
            "ORD-1".parse().unwrap(),
            "TX-1".parse().unwrap(),
            paid_at,
            RefundAmount::Partial {
                amount: Money::new(minor, Currency::Idr),
            },
            RefundReason::NotAsDescribed,
            None,
        )
        .unwrap()
        .with_evidence(Evidence::new(EvidenceKind::Photo, "upload/1.jpg").unwrap())
        .unwrap()
    };
    for i in 0..3 {
        book.submit(format!("k{i}").parse().unwrap(), part(1_000_000), now)
            .unwrap();
    }
    let eligible = part(2_000_000);
    let ineligible = RefundRequest::new(
        "ORD-9".parse().unwrap(),
        "TX-9".parse().unwrap(),
        paid_at,
        RefundAmount::Full,
        RefundReason::Unauthorised,
        None,
    )
    .unwrap()
    .with_destination(RefundDestination::WalletBalance);
    c.bench_function("refund/eligibility_eligible", |b| {
        b.iter(|| book.check(black_box(&eligible), black_box(now)))
    });
    c.bench_function("refund/eligibility_many_problems", |b| {
        b.iter(|| book.check(black_box(&ineligible), black_box(now + Duration::days(90))))
    });
}

fn sla(c: &mut Criterion) {
    let calendar = BusinessCalendar::builtin(CalendarId::Indonesia);
    let policy = RefundSlaPolicy::default();
    // Wednesday 23 December 2026, 15:00 WIB: across Christmas and New Year.
    let approved_at = Utc.with_ymd_and_hms(2026, 12, 23, 8, 0, 0).unwrap();
    let bca = RefundDestination::Card {
        bank: BankCode::BCA,
        last4: "1234".parse().unwrap(),
    };
    let other = RefundDestination::Card {
        bank: "BNI".parse().unwrap(),
        last4: "1234".parse().unwrap(),
    };
    c.bench_function("refund/sla_due_bca_7_days", |b| {
        b.iter(|| policy.due(&calendar, black_box(approved_at), black_box(bca)))
    });
    c.bench_function("refund/sla_due_other_bank_14_days", |b| {
        b.iter(|| policy.due(&calendar, black_box(approved_at), black_box(other)))
    });
    let due = policy.due(&calendar, approved_at, bca).unwrap();
    c.bench_function("refund/sla_status", |b| {
        b.iter(|| due.status(black_box(approved_at + Duration::days(5)), None))
    });
}

criterion_group!(benches, eligibility, sla);
criterion_main!(benches);
