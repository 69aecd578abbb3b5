//! Tickets: SLA status of a long-lived ticket, ticket number parsing.

use chrono::{Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use walletcare::calendar::{BusinessCalendar, CalendarId};
use walletcare::ticket::{
    Category, Channel, ComplaintKind, SlaPolicy, Ticket, TicketError, TicketNumber,
};

/// A ticket with `cycles` * 4 + 2 events over months: customer messages,
/// replies, waits on the customer, and a written formal complaint.
fn busy_ticket(cal: &BusinessCalendar, cycles: i64) -> Result<Ticket, TicketError> {
    let t0 = Utc
        .with_ymd_and_hms(2026, 1, 5, 2, 0, 0)
        .single()
        .unwrap_or_default();
    let number = TicketNumber::for_instant(t0, cal.time_zone(), 1)?;
    let mut ticket = Ticket::new(number, Channel::Email, Category::PaymentFailure, t0);
    ticket.respond(t0 + Duration::minutes(30))?;
    ticket.file_complaint(t0 + Duration::hours(1), ComplaintKind::FormalWritten)?;
    let mut at = t0 + Duration::hours(2);
    for _ in 0..cycles {
        ticket.customer_reply(at)?;
        ticket.respond(at + Duration::hours(3))?;
        ticket.await_customer(at + Duration::hours(4))?;
        ticket.customer_reply(at + Duration::hours(20))?;
        at += Duration::hours(30);
    }
    Ok(ticket)
}

fn sla(c: &mut Criterion) {
    let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
    let policy = SlaPolicy::default();
    for cycles in [25, 250] {
        let Ok(ticket) = busy_ticket(&cal, cycles) else {
            return;
        };
        let now = ticket.state().last_event_at + Duration::hours(1);
        let name = format!("ticket/sla_status_{}_events", ticket.events().len());
        c.bench_function(&name, |b| {
            b.iter(|| black_box(&ticket).sla(black_box(now), &policy, &cal))
        });
    }
}

fn numbers(c: &mut Criterion) {
    c.bench_function("ticket/number_parse", |b| {
        b.iter(|| TicketNumber::parse(black_box("WC-20261121-000123-7")))
    });
    c.bench_function("ticket/number_parse_bad_check_digit", |b| {
        b.iter(|| TicketNumber::parse(black_box("WC-20261121-000123-1")))
    });
    let Ok(number) = TicketNumber::parse("WC-20261121-000123-7") else {
        return;
    };
    c.bench_function("ticket/number_format", |b| {
        b.iter(|| black_box(number).to_string())
    });
}

criterion_group!(benches, sla, numbers);
criterion_main!(benches);
