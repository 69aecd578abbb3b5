//! Refund eligibility and SLA due-date computation.

use std::error::Error;
use std::hint::black_box;

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::Criterion;
use walletcare::calendar::{BusinessCalendar, CalendarId};
use walletcare::money::{Currency, Money};
use walletcare::refund::{
    BankCode, CapturedPayment, Evidence, EvidenceKind, RefundAmount, RefundBook, RefundDestination,
    RefundPolicy, RefundReason, RefundRequest, RefundSlaPolicy,
};

/// Everything the benches need, built once (and fallibly) before timing.
struct Fixtures {
    book: RefundBook,
    now: DateTime<Utc>,
    eligible: RefundRequest,
    ineligible: RefundRequest,
    calendar: BusinessCalendar,
    approved_at: DateTime<Utc>,
    bca: RefundDestination,
    other_bank: RefundDestination,
}

impl Fixtures {
    fn new() -> Result<Self, Box<dyn Error>> {
        let paid_at = Utc
            .with_ymd_and_hms(2026, 12, 1, 3, 0, 0)
            .single()
            .ok_or("bad time")?;
        let bca = RefundDestination::Card {
            bank: BankCode::BCA,
            last4: "1234".parse()?,
        };
        let payment = CapturedPayment {
            transaction_id: "TX-1".parse()?,
            order_number: "ORD-1".parse()?,
            amount: Money::new(15_000_000, Currency::Idr),
            paid_at,
            method: bca,
        };
        let mut book = RefundBook::new(payment, RefundPolicy::default())?;
        let now = paid_at + Duration::days(3);
        let part = |minor| -> Result<RefundRequest, Box<dyn Error>> {
            let amount = RefundAmount::Partial {
                amount: Money::new(minor, Currency::Idr),
            };
            Ok(RefundRequest::new(
                "ORD-1".parse()?,
                "TX-1".parse()?,
                paid_at,
                amount,
                RefundReason::NotAsDescribed,
                None,
            )?
            .with_evidence(Evidence::new(EvidenceKind::Photo, "upload/1.jpg")?)?)
        };
        for i in 0..3 {
            book.submit(format!("k{i}").parse()?, part(1_000_000)?, now)?;
        }
        let ineligible = RefundRequest::new(
            "ORD-9".parse()?,
            "TX-9".parse()?,
            paid_at,
            RefundAmount::Full,
            RefundReason::Unauthorised,
            None,
        )?
        .with_destination(RefundDestination::WalletBalance);
        Ok(Fixtures {
            book,
            now,
            eligible: part(2_000_000)?,
            ineligible,
            calendar: BusinessCalendar::builtin(CalendarId::Indonesia),
            // Wednesday 23 December 2026, 15:00 WIB: across Christmas and New Year.
            approved_at: Utc
                .with_ymd_and_hms(2026, 12, 23, 8, 0, 0)
                .single()
                .ok_or("bad time")?,
            bca,
            other_bank: RefundDestination::Card {
                bank: "BNI".parse()?,
                last4: "1234".parse()?,
            },
        })
    }
}

fn eligibility(c: &mut Criterion, f: &Fixtures) {
    c.bench_function("refund/eligibility_eligible", |b| {
        b.iter(|| f.book.check(black_box(&f.eligible), black_box(f.now)))
    });
    let late = f.now + Duration::days(90);
    c.bench_function("refund/eligibility_many_problems", |b| {
        b.iter(|| f.book.check(black_box(&f.ineligible), black_box(late)))
    });
}

fn sla(c: &mut Criterion, f: &Fixtures) -> Result<(), Box<dyn Error>> {
    let policy = RefundSlaPolicy::default();
    c.bench_function("refund/sla_due_bca_7_days", |b| {
        b.iter(|| policy.due(&f.calendar, black_box(f.approved_at), black_box(f.bca)))
    });
    c.bench_function("refund/sla_due_other_bank_14_days", |b| {
        b.iter(|| {
            policy.due(
                &f.calendar,
                black_box(f.approved_at),
                black_box(f.other_bank),
            )
        })
    });
    let due = policy.due(&f.calendar, f.approved_at, f.bca)?;
    let now = f.approved_at + Duration::days(5);
    c.bench_function("refund/sla_status", |b| {
        b.iter(|| due.status(black_box(now), None))
    });
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let fixtures = Fixtures::new()?;
    let mut c = Criterion::default().configure_from_args();
    eligibility(&mut c, &fixtures);
    sla(&mut c, &fixtures)?;
    c.final_summary();
    Ok(())
}
