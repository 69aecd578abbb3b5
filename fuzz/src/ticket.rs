//! Tickets: ticket JSON (a replayed history), actions, SLA reports, and
//! ticket numbers.

use chrono::{DateTime, Utc};
use walletcare_core::calendar::BusinessCalendar;
use walletcare_core::ticket::{
    Action, ExtensionGround, RegulatoryRegime, SlaPolicy, SlaReport, Ticket, TicketError,
    TicketNumber, damm_check_digit,
};

use super::calendar;
use super::common::{
    MAX_COMMANDS, all_or_nothing, check_error, command, date, instant, lines, render_all,
    round_trip, word,
};

fn check_report(
    report: &SlaReport,
    ticket: &Ticket,
    calendar: &BusinessCalendar,
    now: DateTime<Utc>,
) {
    round_trip!(SlaReport, report);
    assert_eq!(report.now, now);
    assert_eq!(Some(report.status), ticket.state_at(now).map(|s| s.status));
    let explanation = report.explain(calendar.time_zone());
    render_all(&explanation);
    for regulatory in &report.regulatory {
        render_all(regulatory);
        render_all(&regulatory.medium);
    }
    render_all(&report.status);
    render_all(&report.escalation);
}

/// `ticket`: the first line is a ticket's JSON (its number, rules and
/// history, which loading replays), every other line a command with `now`
/// second: `policy T JSON`, `act T ACTION_JSON`, `sla T CALENDAR`,
/// `escalate T CALENDAR`, `extend T GROUND CALENDAR`, `at T` (the state at a
/// past instant). Calendars are `@ID` or JSON.
///
/// Invariants: load → save → load is stable after every step (loading
/// replays and re-checks the whole history); failed actions change nothing;
/// a successful action appends exactly one event; SLA reports serialise and
/// explain themselves in every locale; time never goes backwards.
pub fn ticket(data: &[u8]) {
    let mut input = lines(data);
    let Some(first) = input.next() else { return };
    let mut ticket = match serde_json::from_str::<Ticket>(first) {
        Ok(ticket) => ticket,
        Err(error) => {
            assert!(!error.to_string().is_empty());
            return;
        }
    };
    round_trip!(Ticket, &ticket);
    let mut policy = SlaPolicy::default();
    for line in input.take(MAX_COMMANDS) {
        let (verb, mut rest) = command(line);
        let Some(now) = word(&mut rest).and_then(instant) else {
            continue;
        };
        let events = ticket.events().len();
        match verb {
            "policy" => match SlaPolicy::from_json(rest) {
                Ok(p) => {
                    round_trip!(SlaPolicy, &p);
                    if p.validate().is_ok() {
                        policy = p;
                    }
                }
                Err(error) => check_error(&error),
            },
            "act" => {
                let Ok(action) = serde_json::from_str::<Action>(rest) else {
                    continue;
                };
                round_trip!(Action, &action);
                let last = ticket.events().last().map(|e| e.at);
                match all_or_nothing(&mut ticket, |t| t.apply(now, action.clone()).cloned()) {
                    Ok(event) => {
                        assert_eq!(event.at, now);
                        assert_eq!(event.action, action);
                        assert!(last <= Some(now), "an event went back in time");
                        assert_eq!(ticket.events().len(), events + 1);
                        assert_eq!(ticket.state().status, ticket.status());
                        render_all(&ticket.status());
                    }
                    Err(error) => check_error(&error),
                }
            }
            "at" => {
                let created = ticket.state().created_at;
                match ticket.state_at(now) {
                    Some(state) => {
                        assert!(now >= created);
                        round_trip!(walletcare_core::ticket::TicketState, &state);
                    }
                    None => assert!(now < created),
                }
            }
            "sla" => {
                let Some(calendar) = calendar::load(rest) else {
                    continue;
                };
                match ticket.sla(now, &policy, &calendar) {
                    Ok(report) => check_report(&report, &ticket, &calendar, now),
                    Err(error) => check_error(&error),
                }
            }
            "escalate" => {
                let Some(calendar) = calendar::load(rest) else {
                    continue;
                };
                match all_or_nothing(&mut ticket, |t| {
                    t.escalate_on_breach(now, &policy, &calendar)
                }) {
                    Ok(Some(level)) => {
                        assert_eq!(ticket.escalation(), level);
                        assert_eq!(ticket.events().len(), events + 1);
                    }
                    Ok(None) => assert_eq!(ticket.events().len(), events),
                    Err(error) => check_error(&error),
                }
            }
            "extend" => {
                let ground = match word(&mut rest) {
                    Some("different_office") => ExtensionGround::DifferentOffice,
                    Some("special_investigation") => ExtensionGround::SpecialInvestigation,
                    _ => ExtensionGround::BeyondControl,
                };
                render_all(&ground);
                let Some(calendar) = calendar::load(rest) else {
                    continue;
                };
                let regime = RegulatoryRegime::default();
                match all_or_nothing(&mut ticket, |t| {
                    t.extend_regulatory_deadline(now, ground, "fuzz", &regime, &calendar)
                }) {
                    Ok(()) => assert_eq!(ticket.events().len(), events + 1),
                    Err(error) => check_error(&error),
                }
            }
            _ => continue,
        }
        round_trip!(Ticket, &ticket);
    }
}

fn check_number(number: &TicketNumber) {
    let text = number.to_string();
    assert_eq!(
        TicketNumber::parse(&text).as_ref(),
        Ok(number),
        "{text} does not parse back"
    );
    round_trip!(TicketNumber, number);
    assert!(text.starts_with(number.prefix()));
    assert!(number.check_digit() <= 9);
}

fn check_ticket_error(error: &TicketError) {
    check_error(error);
}

/// `ticket_number`: `new DATE SEQUENCE [PREFIX]` builds a number, anything
/// else is parsed as typed.
///
/// Invariants: every number prints as text that parses back to it; parse
/// accepts the printed form only with a correct Damm check digit (changing
/// the check digit is always caught); errors carry stable codes.
pub fn ticket_number(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Some(spec) = text.strip_prefix("new ") {
        let mut rest = spec;
        let day = word(&mut rest).and_then(date);
        let sequence = word(&mut rest).and_then(|w| w.parse::<u64>().ok());
        let (Some(day), Some(sequence)) = (day, sequence) else {
            return;
        };
        let built = match word(&mut rest) {
            Some(prefix) => TicketNumber::with_prefix(prefix, day, sequence),
            None => TicketNumber::new(day, sequence),
        };
        match built {
            Ok(number) => {
                check_number(&number);
                assert_eq!(number.date(), day);
                assert_eq!(u64::from(number.sequence()), sequence);
                let printed = number.to_string();
                // Every wrong check digit is caught.
                if let Some(body) = printed.strip_suffix(char::is_numeric) {
                    for digit in 0..10_u8 {
                        if digit != number.check_digit() {
                            let forged = format!("{body}{digit}");
                            assert!(TicketNumber::parse(&forged).is_err(), "{forged} accepted");
                        }
                    }
                }
            }
            Err(error) => check_ticket_error(&error),
        }
        return;
    }
    match TicketNumber::parse(&text) {
        Ok(number) => check_number(&number),
        Err(error) => check_ticket_error(&error),
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).take(64).collect();
    assert!(damm_check_digit(&digits) <= 9);
}
