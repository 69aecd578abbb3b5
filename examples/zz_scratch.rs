#![allow(clippy::print_stdout, missing_docs)]
use chrono::NaiveDate;
use walletcare::calendar::{BusinessCalendar, CalendarId};
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
    let a = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("d")?;
    let b = NaiveDate::from_ymd_opt(2027, 2, 28).ok_or("d")?;
    for d in cal.non_business_days(a, b)? { println!("{:?}", d); }
    println!("estimated {}", cal.is_estimated(a, b));
    Ok(())
}
