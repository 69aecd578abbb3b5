//! Intake: one step of a conversation. `first_message` includes the triage
//! of the message (the model, entities, needed information);
//! `answer_message` is an answer to a question (entity extraction and the
//! phrase checks); `answer_opening_ticket` is the answer that completes
//! the fields and opens the ticket (SLA clocks included);
//! `full_conversation_id_2_steps` runs a two-message Indonesian conversation
//! to a ticket (throughput counted in steps). Each iteration starts from a
//! cloned state; the clone is outside the timing (`iter_batched`).

use std::hint::black_box;

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use walletcare::calendar::CalendarId;
use walletcare::intake::{Intake, IntakeConfig};
use walletcare::ticket::Channel;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0)
        .single()
        .unwrap_or_default()
}

fn fresh() -> Option<Intake> {
    Intake::new(IntakeConfig {
        channel: Channel::Chat,
        calendar: CalendarId::Indonesia,
        ticket_sequence: 1,
        locale: None,
    })
    .ok()
}

fn steps(c: &mut Criterion) {
    let Some(start) = fresh() else { return };
    let mut group = c.benchmark_group("intake");
    group.throughput(Throughput::Elements(1));

    group.bench_function("first_message", |b| {
        b.iter_batched(
            || start.clone(),
            |mut intake| {
                intake
                    .step(black_box("pembayaran gagal tapi saldo kepotong"), t0())
                    .map(|s| s.state)
            },
            BatchSize::SmallInput,
        )
    });

    // A conversation waiting for the transaction id.
    let mut asking = start.clone();
    if asking
        .step("pembayaran gagal tapi saldo kepotong", t0())
        .is_err()
    {
        return;
    }
    group.bench_function("answer_message", |b| {
        b.iter_batched(
            || asking.clone(),
            |mut intake| {
                intake
                    .step(black_box("TRX20261122998877"), t0() + Duration::minutes(1))
                    .map(|s| s.state)
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("dont_know_message", |b| {
        b.iter_batched(
            || asking.clone(),
            |mut intake| {
                intake
                    .step(black_box("gak tahu"), t0() + Duration::minutes(1))
                    .map(|s| s.state)
            },
            BatchSize::SmallInput,
        )
    });

    // The last answer, which opens the ticket (ticket, SLA clocks, copy of
    // the transcript).
    let mut last = start.clone();
    let ok = last
        .step("mau refund pesanan INV/20261121/XYZ/123", t0())
        .is_ok();
    if !ok {
        return;
    }
    group.bench_function("answer_opening_ticket", |b| {
        b.iter_batched(
            || last.clone(),
            |mut intake| {
                intake
                    .step(
                        black_box("Rp 150rb kemarin jam 3"),
                        t0() + Duration::minutes(1),
                    )
                    .map(|s| s.state)
            },
            BatchSize::SmallInput,
        )
    });

    group.throughput(Throughput::Elements(2));
    group.bench_function("full_conversation_id_2_steps", |b| {
        b.iter_batched(
            || start.clone(),
            |mut intake| {
                let _ = intake.step(black_box("mau refund pesanan INV/20261121/XYZ/123"), t0());
                intake
                    .step(
                        black_box("Rp 150rb kemarin jam 3"),
                        t0() + Duration::minutes(1),
                    )
                    .map(|s| s.state)
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, steps);
criterion_main!(benches);
