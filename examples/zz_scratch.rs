#![allow(clippy::print_stdout, missing_docs)]
use chrono::{Duration, TimeZone, Utc};
use walletcare::calendar::{BusinessCalendar, CalendarId};
use walletcare::locale::{Locale, Render};
use walletcare::ticket::*;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
    let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).single().ok_or("time")?;
    let ticket = Ticket::new(TicketNumber::for_instant(t0, cal.time_zone(), 1)?, Channel::Email, Category::Refund, t0);
    let report = ticket.sla(t0 + Duration::minutes(30), &SlaPolicy::default(), &cal)?;
    for l in Locale::ALL { println!("{}\n", report.explain(cal.time_zone()).render(l)); }
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
