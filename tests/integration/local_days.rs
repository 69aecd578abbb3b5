//! One rule for the start and end of a local day (`calendar::start_of_day`,
//! `calendar::end_of_day`), checked on the days whose midnight does not
//! exist or repeats, in custom calendars of America/Sao_Paulo and
//! America/Santiago, through everything that ends a day: refund due
//! instants, ticket regulatory deadlines and the ledger's local dates.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc, Weekday};
use walletcare::calendar::{
    BusinessCalendar, CalendarSpec, Tz, Weekmask, end_of_day, start_of_day,
};
use walletcare::locale::local_date;
use walletcare::refund::{RefundDestination, RefundSlaPolicy};
use walletcare::ticket::{Category, Channel, ComplaintKind, SlaPolicy, Ticket, TicketNumber};

const SAO_PAULO: Tz = Tz::America__Sao_Paulo;
const SANTIAGO: Tz = Tz::America__Santiago;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

/// A calendar in `zone` where every day is a business day, so the days
/// under test are reached without holidays in the way.
fn every_day(zone: Tz) -> BusinessCalendar {
    let mut spec = CalendarSpec::new(zone);
    spec.weekmask = Weekmask::from_weekdays(&[
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ]);
    BusinessCalendar::new(spec).unwrap()
}

#[test]
fn a_day_whose_midnight_does_not_exist_starts_after_the_gap() {
    // Sao Paulo, 4 November 2018: 00:00 (-03) became 01:00 (-02).
    assert_eq!(
        start_of_day(SAO_PAULO, date(2018, 11, 4)).unwrap(),
        utc(2018, 11, 4, 3, 0)
    );
    assert_eq!(
        end_of_day(SAO_PAULO, date(2018, 11, 3)).unwrap(),
        utc(2018, 11, 4, 3, 0)
    );
    // That day has 23 hours.
    let length = end_of_day(SAO_PAULO, date(2018, 11, 4)).unwrap()
        - start_of_day(SAO_PAULO, date(2018, 11, 4)).unwrap();
    assert_eq!(length.num_hours(), 23);
    // Santiago, 11 September 2022: 24:00 (-04) became 01:00 (-03).
    assert_eq!(
        start_of_day(SANTIAGO, date(2022, 9, 11)).unwrap(),
        utc(2022, 9, 11, 4, 0)
    );
}

#[test]
fn a_day_with_a_repeated_hour_lasts_twenty_five_hours() {
    // Santiago, 2 April 2023: 24:00 (-03) on Saturday became 23:00 (-04),
    // so Saturday's last hour happens twice and Sunday starts once.
    let saturday = date(2023, 4, 1);
    let start = start_of_day(SANTIAGO, saturday).unwrap();
    let end = end_of_day(SANTIAGO, saturday).unwrap();
    assert_eq!(end, utc(2023, 4, 2, 4, 0));
    assert_eq!((end - start).num_hours(), 25);
    // Sao Paulo, 17 February 2019: 00:00 (-02) became 23:00 (-03) on the
    // 16th, so the 16th ends at the second midnight.
    assert_eq!(
        end_of_day(SAO_PAULO, date(2019, 2, 16)).unwrap(),
        utc(2019, 2, 17, 3, 0)
    );
    // Every instant of a day maps back to that day.
    for minutes in [0, 60 * 23, 60 * 24, 60 * 25 - 1] {
        let at = start + chrono::TimeDelta::minutes(minutes);
        assert_eq!(local_date(at, SANTIAGO), saturday, "{at}");
    }
}

#[test]
fn a_refund_due_on_the_eve_of_a_gap_is_due_when_the_next_day_starts() {
    let cal = every_day(SAO_PAULO);
    let policy = RefundSlaPolicy::default();
    // Wallet refunds are due by the end of the day counting starts on.
    let approved = utc(2018, 11, 3, 13, 0); // 10:00 local, Saturday 3 November
    let due = policy
        .due(&cal, approved, RefundDestination::WalletBalance)
        .unwrap();
    assert_eq!(due.due_date, date(2018, 11, 3));
    assert_eq!(due.due_at, utc(2018, 11, 4, 3, 0));
}

#[test]
fn a_regulatory_deadline_can_end_on_a_day_whose_next_midnight_does_not_exist() {
    let cal = every_day(SAO_PAULO);
    // Received Monday 29 October 2018, 10:00 local: an oral complaint has 5
    // working days, so it is due on Saturday 3 November, and its deadline
    // is the start of 4 November, a day that began at 01:00.
    let at = utc(2018, 10, 29, 13, 0);
    let number = TicketNumber::for_instant(at, SAO_PAULO, 1).unwrap();
    let mut ticket = Ticket::new(number, Channel::Hotline, Category::PaymentFailure, at);
    ticket
        .file_complaint(at, ComplaintKind::FormalOral)
        .unwrap();
    let report = ticket.sla(at, &SlaPolicy::default(), &cal).unwrap();
    let regulatory = &report.regulatory[0];
    assert_eq!(regulatory.due_date, date(2018, 11, 3));
    assert_eq!(regulatory.deadline, utc(2018, 11, 4, 3, 0));
}

#[test]
fn the_ends_of_time_are_errors_not_panics() {
    assert!(end_of_day(SANTIAGO, NaiveDate::MAX).is_err());
    let last = start_of_day(SANTIAGO, NaiveDate::MAX).unwrap();
    assert_eq!(local_date(last, SANTIAGO), NaiveDate::MAX);
}
