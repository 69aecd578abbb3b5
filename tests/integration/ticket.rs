//! Integration tests: ticket numbers, the lifecycle, SLA clocks on the
//! Indonesian calendar, priority changes, escalation and regulatory clocks.

// Test helpers and proptest strategies fail loudly on impossible inputs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use walletcare::calendar::{BusinessCalendar, CalendarId};
use walletcare::error::{ErrorCode, HasErrorCode};
use walletcare::locale::{Locale, Render};
use walletcare::ticket::{
    Action, Category, Channel, ComplaintKind, ComplaintMedium, EscalationCause, EscalationLevel,
    Event, ExtensionGround, MAX_EVENTS, MAX_SEQUENCE, NumberPart, Priority, RegulatoryRegime,
    RegulatoryStatus, SlaPolicy, SlaStatus, SlaTarget, Status, Ticket, TicketError, TicketNumber,
    TicketRules, TimeBasis,
};

fn id_cal() -> BusinessCalendar {
    BusinessCalendar::builtin(CalendarId::Indonesia)
}

/// An instant from a Jakarta wall-clock time (UTC+7, no daylight saving).
fn wib(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    id_cal()
        .time_zone()
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ticket(channel: Channel, category: Category, at: DateTime<Utc>) -> Ticket {
    let number = TicketNumber::for_instant(at, id_cal().time_zone(), 1).unwrap();
    Ticket::new(number, channel, category, at)
}

const H: i64 = 3600;

// ---------------------------------------------------------------------------
// Ticket numbers
// ---------------------------------------------------------------------------

/// A sample of numbers: every month of 2020-2030 on varied days, with
/// sequences of every width.
fn sample_numbers() -> Vec<TicketNumber> {
    let sequences = [
        0,
        1,
        9,
        123,
        90_909,
        999_999,
        1_000_000,
        7_654_321,
        98_765_432,
        MAX_SEQUENCE,
    ];
    let mut out = Vec::new();
    for year in 2020..=2030 {
        for month in 1..=12u32 {
            let day = 1 + (month * 7 + u32::try_from(year).unwrap()) % 28;
            let seq = sequences[(month as usize + year as usize) % sequences.len()];
            out.push(TicketNumber::new(date(year, month, day), seq).unwrap());
        }
    }
    out
}

#[test]
fn every_single_digit_error_is_detected() {
    let mut checked = 0;
    for number in sample_numbers() {
        let text = number.to_string();
        for (i, c) in text.char_indices() {
            if !c.is_ascii_digit() {
                continue;
            }
            for d in '0'..='9' {
                if d == c {
                    continue;
                }
                let mut bad = text.clone();
                bad.replace_range(i..=i, &d.to_string());
                let result = TicketNumber::parse(&bad);
                assert!(result.is_err(), "{text} -> {bad} was accepted");
                assert_eq!(result.unwrap_err().code(), ErrorCode::InvalidTicketNumber);
                checked += 1;
            }
        }
    }
    assert!(checked > 15_000, "only {checked} variants checked");
}

#[test]
fn every_adjacent_transposition_is_detected() {
    let mut checked = 0;
    for number in sample_numbers() {
        let text = number.to_string();
        // Adjacent characters of the text (hyphens included).
        let chars: Vec<char> = text.chars().collect();
        for i in 0..chars.len() - 1 {
            // The prefix is letters outside the check digit: swapping two of
            // its letters gives another prefix, which the caller checks.
            if chars[i] == chars[i + 1]
                || (chars[i].is_ascii_alphabetic() && chars[i + 1].is_ascii_alphabetic())
            {
                continue;
            }
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            let bad: String = swapped.into_iter().collect();
            assert!(
                TicketNumber::parse(&bad).is_err(),
                "{text} -> {bad} was accepted"
            );
            checked += 1;
        }
        // Adjacent digits of the checked digit string (date, sequence, check
        // digit), across the hyphens: the sequence's last digit and the check
        // digit are adjacent for the algorithm.
        let digits: Vec<char> = text.chars().filter(char::is_ascii_digit).collect();
        let seq_len = digits.len() - 9;
        for i in 0..digits.len() - 1 {
            if digits[i] == digits[i + 1] {
                continue;
            }
            let mut swapped = digits.clone();
            swapped.swap(i, i + 1);
            let s: String = swapped.into_iter().collect();
            let bad = format!(
                "WC-{}-{}-{}",
                &s[..8],
                &s[8..8 + seq_len],
                &s[8 + seq_len..]
            );
            assert!(
                TicketNumber::parse(&bad).is_err(),
                "{text} -> {bad} was accepted"
            );
            checked += 1;
        }
    }
    assert!(checked > 2_000, "only {checked} transpositions checked");
}

#[test]
fn the_damm_table_detects_every_error_on_all_two_digit_inputs() {
    // The property behind the two tests above, exhaustively for all pairs
    // of digits followed by their check digit.
    use walletcare::ticket::damm_check_digit;
    for a in 0..10u8 {
        for b in 0..10u8 {
            let data = format!("{a}{b}");
            let valid = format!("{data}{}", damm_check_digit(&data));
            assert_eq!(damm_check_digit(&valid), 0);
            let v: Vec<u8> = valid.bytes().collect();
            for i in 0..3 {
                for d in b'0'..=b'9' {
                    if d != v[i] {
                        let mut w = v.clone();
                        w[i] = d;
                        assert_ne!(damm_check_digit(std::str::from_utf8(&w).unwrap()), 0);
                    }
                }
                if i < 2 && v[i] != v[i + 1] {
                    let mut w = v.clone();
                    w.swap(i, i + 1);
                    assert_ne!(damm_check_digit(std::str::from_utf8(&w).unwrap()), 0);
                }
            }
        }
    }
}

#[test]
fn numbers_format_parse_and_serialise() {
    let n = TicketNumber::new(date(2026, 11, 21), 123).unwrap();
    assert_eq!(n.to_string(), "WC-20261121-000123-7");
    assert_eq!("WC-20261121-000123-7".parse::<TicketNumber>().unwrap(), n);
    assert_eq!(
        serde_json::to_string(&n).unwrap(),
        "\"WC-20261121-000123-7\""
    );
    assert_eq!(
        serde_json::from_str::<TicketNumber>("\"WC-20261121-000123-7\"").unwrap(),
        n
    );
    assert!(serde_json::from_str::<TicketNumber>("\"WC-20261121-000123-8\"").is_err());
    assert!(serde_json::from_str::<TicketNumber>("20261121").is_err());

    let err = TicketNumber::parse("WC-20261121-000123-8").unwrap_err();
    assert_eq!(
        err,
        TicketError::NumberCheckDigit {
            expected: 7,
            found: 8,
            position: 19
        }
    );
    assert!(err.to_string().contains("position 19"));
    let err = TicketNumber::parse("WC-20260230-000123-7").unwrap_err();
    assert!(matches!(
        err,
        TicketError::NumberInvalidDate { position: 3, .. }
    ));
    let err = TicketNumber::parse("WC-20261121-0001x3-7").unwrap_err();
    assert_eq!(
        err,
        TicketError::NumberUnexpectedChar {
            part: NumberPart::Sequence,
            position: 16,
            found: 'x'
        }
    );

    // The date is the wallet's local date.
    let late_evening = wib(2026, 11, 21, 23, 30);
    let n = TicketNumber::for_instant(late_evening, id_cal().time_zone(), 5).unwrap();
    assert_eq!(n.date(), date(2026, 11, 21));
    let n = TicketNumber::for_instant(
        late_evening,
        BusinessCalendar::builtin(CalendarId::China).time_zone(),
        5,
    )
    .unwrap();
    assert_eq!(n.date(), date(2026, 11, 22));

    // Wider sequences widen the field instead of failing.
    let wide = TicketNumber::new(date(2026, 11, 21), 1_234_567).unwrap();
    assert!(wide.to_string().starts_with("WC-20261121-1234567-"));
    assert_eq!(wide.to_string().parse::<TicketNumber>().unwrap(), wide);
    assert!(matches!(
        TicketNumber::new(date(2026, 11, 21), MAX_SEQUENCE + 1),
        Err(TicketError::SequenceOutOfRange { .. })
    ));

    // Other prefixes.
    let gp = TicketNumber::with_prefix("gp", date(2026, 11, 21), 123).unwrap();
    assert_eq!(gp.to_string(), "GP-20261121-000123-7");
    assert_ne!(gp, n);
    assert!(TicketNumber::with_prefix("W", date(2026, 11, 21), 1).is_err());
    assert!(TicketNumber::with_prefix("WCXYZ", date(2026, 11, 21), 1).is_err());
}

// ---------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------

fn t0_monday() -> DateTime<Utc> {
    wib(2026, 11, 23, 9, 0)
}

/// A ticket in the given status, with a written formal complaint on file
/// (so that an extension is possible in the active statuses).
fn in_status(status: Status) -> Ticket {
    let t0 = t0_monday();
    let mut t = ticket(Channel::Email, Category::Technical, t0);
    t.file_complaint(t0, ComplaintKind::FormalWritten).unwrap();
    match status {
        Status::New => {}
        Status::Open => t.open(t0).unwrap(),
        Status::PendingCustomer => {
            t.open(t0).unwrap();
            t.await_customer(t0).unwrap();
        }
        Status::PendingThirdParty => {
            t.open(t0).unwrap();
            t.await_third_party(t0).unwrap();
        }
        Status::Resolved => t.resolve(t0).unwrap(),
        Status::Closed => {
            t.resolve(t0).unwrap();
            t.close(t0).unwrap();
        }
    }
    assert_eq!(t.status(), status);
    t
}

fn sample_actions() -> Vec<Action> {
    vec![
        Action::Create {
            channel: Channel::Chat,
            category: Category::Refund,
            priority: Priority::Normal,
        },
        Action::Open,
        Action::Respond,
        Action::CustomerReply,
        Action::AwaitCustomer,
        Action::AwaitThirdParty,
        Action::Resume,
        Action::Resolve,
        Action::Reopen,
        Action::Close,
        Action::Escalate {
            level: EscalationLevel::Supervisor,
            cause: EscalationCause::Manual,
        },
        Action::ChangePriority {
            priority: Priority::Low,
        },
        Action::FileComplaint {
            complaint: ComplaintKind::Informal,
        },
        Action::RequestReview {
            reason: "the answer does not fix my problem".into(),
        },
        Action::ExtendRegulatoryDeadline {
            ground: ExtensionGround::BeyondControl,
            note: "waiting for the acquiring bank".into(),
        },
        Action::RateSatisfaction { score: 5 },
    ]
}

#[test]
fn lifecycle_table_allows_exactly_the_documented_moves() {
    let active_common = [
        "respond",
        "customer_reply",
        "resolve",
        "escalate",
        "change_priority",
        "file_complaint",
        "extend_regulatory_deadline",
    ];
    let allowed = |status: Status| -> Vec<&'static str> {
        let mut v: Vec<&str> = match status {
            Status::New => vec!["open"],
            Status::Open => vec!["await_customer", "await_third_party"],
            Status::PendingCustomer => vec!["await_third_party", "resume"],
            Status::PendingThirdParty => vec!["await_customer", "resume"],
            Status::Resolved => vec![
                "reopen",
                "close",
                "file_complaint",
                "request_review",
                "rate_satisfaction",
            ],
            Status::Closed => vec!["rate_satisfaction"],
        };
        if status.is_active() {
            v.extend(active_common);
        }
        v
    };
    let at = t0_monday() + Duration::hours(1);
    let mut rejected = 0;
    let mut expected_rejections = 0;
    for status in Status::ALL {
        let base = in_status(status);
        expected_rejections += sample_actions().len() - allowed(status).len();
        for action in sample_actions() {
            let mut t = base.clone();
            let kind = action.kind();
            let result = t.apply(at, action.clone()).cloned();
            if allowed(status).contains(&kind) {
                let event = result.unwrap_or_else(|e| panic!("{kind} from {status}: {e}"));
                assert_eq!(event, Event { at, action });
                assert_eq!(t.events().len(), base.events().len() + 1);
            } else {
                let err = result.expect_err(&format!("{kind} from {status} was accepted"));
                assert_eq!(t, base, "{kind} from {status} changed the ticket");
                match (&action, status) {
                    (Action::RateSatisfaction { .. }, s) if s.is_active() => {
                        assert_eq!(err, TicketError::SurveyNotAllowed { status: s });
                    }
                    _ => assert_eq!(
                        err,
                        TicketError::InvalidTransition {
                            from: status,
                            action: kind
                        },
                        "{kind} from {status}"
                    ),
                }
                assert_eq!(err.code(), ErrorCode::InvalidTicketTransition);
                rejected += 1;
            }
        }
    }
    assert_eq!(rejected, expected_rejections);
    assert_eq!(rejected, 96 - 41);
}

#[test]
fn moves_land_in_the_documented_status() {
    let at = t0_monday() + Duration::hours(1);
    let cases = [
        (Status::New, Action::Open, Status::Open),
        (Status::New, Action::Respond, Status::Open),
        (Status::New, Action::CustomerReply, Status::New),
        (Status::PendingCustomer, Action::CustomerReply, Status::Open),
        (
            Status::PendingThirdParty,
            Action::CustomerReply,
            Status::PendingThirdParty,
        ),
        (
            Status::PendingCustomer,
            Action::Respond,
            Status::PendingCustomer,
        ),
        (Status::Open, Action::AwaitCustomer, Status::PendingCustomer),
        (
            Status::PendingCustomer,
            Action::AwaitThirdParty,
            Status::PendingThirdParty,
        ),
        (Status::PendingThirdParty, Action::Resume, Status::Open),
        (Status::New, Action::Resolve, Status::Resolved),
        (Status::Resolved, Action::Reopen, Status::Open),
        (Status::Resolved, Action::Close, Status::Closed),
        (
            Status::Resolved,
            Action::FileComplaint {
                complaint: ComplaintKind::Informal,
            },
            Status::Open,
        ),
        (
            Status::Resolved,
            Action::RequestReview {
                reason: "wrong amount".into(),
            },
            Status::Open,
        ),
    ];
    for (from, action, to) in cases {
        let mut t = in_status(from);
        t.apply(at, action.clone()).unwrap();
        assert_eq!(t.status(), to, "{} from {from}", action.kind());
    }
}

#[test]
fn windows_reviews_surveys_and_escalations_are_checked() {
    let t0 = t0_monday();
    let mut t = ticket(Channel::Chat, Category::Refund, t0);
    t.resolve(t0).unwrap();
    // Reopen: 7 days, inclusive.
    let before = t.clone();
    let err = t
        .reopen(t0 + Duration::days(7) + Duration::seconds(1))
        .unwrap_err();
    assert_eq!(
        err,
        TicketError::WindowClosed {
            action: "reopen",
            resolved_at: t0,
            window_days: 7
        }
    );
    assert_eq!(err.code(), ErrorCode::TicketWindowClosed);
    assert_eq!(t, before);
    // Review: 14 days, once, with a reason.
    assert!(matches!(
        t.request_review(t0 + Duration::days(15), "x"),
        Err(TicketError::WindowClosed {
            action: "request_review",
            ..
        })
    ));
    assert!(matches!(
        t.request_review(t0 + Duration::days(10), "   "),
        Err(TicketError::InvalidText {
            field: "reason",
            len: 0,
            ..
        })
    ));
    let long = "x".repeat(1001);
    assert!(matches!(
        t.request_review(t0 + Duration::days(10), &long),
        Err(TicketError::InvalidText { len: 1001, .. })
    ));
    assert_eq!(t, before);
    t.request_review(t0 + Duration::days(10), "the refund is short by Rp 5.000")
        .unwrap();
    assert_eq!(t.escalation(), EscalationLevel::Supervisor);
    t.resolve(t0 + Duration::days(11)).unwrap();
    assert_eq!(
        t.request_review(t0 + Duration::days(12), "again"),
        Err(TicketError::ReviewAlreadyRequested)
    );
    // Survey: 1-5, once per resolution, also after closing.
    assert_eq!(
        t.rate_satisfaction(t0 + Duration::days(12), 0),
        Err(TicketError::InvalidSatisfactionScore { score: 0 })
    );
    t.rate_satisfaction(t0 + Duration::days(12), 2).unwrap();
    assert_eq!(
        t.rate_satisfaction(t0 + Duration::days(12), 3),
        Err(TicketError::SurveyAlreadyAnswered)
    );
    t.reopen(t0 + Duration::days(13)).unwrap();
    t.resolve(t0 + Duration::days(14)).unwrap();
    t.close(t0 + Duration::days(15)).unwrap();
    t.rate_satisfaction(t0 + Duration::days(16), 4).unwrap();
    assert_eq!(t.state().satisfaction.map(|r| r.score), Some(4));
    assert_eq!(t.state().reopen_count, 1);
    // Closed is final.
    let closed = t.clone();
    for action in sample_actions() {
        if action.kind() != "rate_satisfaction" {
            assert!(t.apply(t0 + Duration::days(17), action).is_err());
        }
    }
    assert_eq!(t, closed);

    // Escalation only goes up, 0..=3.
    let mut e = ticket(Channel::Chat, Category::Refund, t0);
    e.escalate(t0, EscalationLevel::Manager).unwrap();
    assert_eq!(
        e.escalate(t0, EscalationLevel::Supervisor),
        Err(TicketError::EscalationNotHigher {
            current: EscalationLevel::Manager,
            requested: EscalationLevel::Supervisor
        })
    );
    e.escalate(t0, EscalationLevel::ComplaintsUnit).unwrap();
    assert!(EscalationLevel::from_u8(4).is_err());
    assert_eq!(
        EscalationLevel::ALL.map(EscalationLevel::as_u8),
        [0, 1, 2, 3]
    );

    // Time never goes back.
    let err = e.open(t0 - Duration::seconds(1)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::TicketEventOutOfOrder);
    // Same priority is not a change.
    assert_eq!(
        e.change_priority(t0, Priority::Normal),
        Err(TicketError::PriorityUnchanged {
            priority: Priority::Normal
        })
    );
}

#[test]
fn complaints_raise_priority_and_start_regulatory_clocks() {
    let t0 = t0_monday();
    let mut t = ticket(Channel::Hotline, Category::Feedback, t0);
    assert_eq!(t.priority(), Priority::Low);
    t.file_complaint(t0, ComplaintKind::Informal).unwrap();
    assert_eq!(t.priority(), Priority::Normal);
    assert!(t.state().formal_complaints.is_empty());
    t.file_complaint(t0, ComplaintKind::FormalOral).unwrap();
    t.file_complaint(t0, ComplaintKind::FormalWritten).unwrap();
    t.file_complaint(t0, ComplaintKind::Informal).unwrap();
    assert_eq!(t.priority(), Priority::Urgent); // capped
    assert_eq!(t.state().complaint_count, 4);
    let media: Vec<_> = t
        .state()
        .formal_complaints
        .iter()
        .map(|c| c.medium)
        .collect();
    assert_eq!(media, [ComplaintMedium::Oral, ComplaintMedium::Written]);
    // Oral complaints cannot be extended; the written one can, once.
    let mut oral_only = ticket(Channel::Hotline, Category::Refund, t0);
    oral_only
        .file_complaint(t0, ComplaintKind::FormalOral)
        .unwrap();
    let err = oral_only
        .apply(
            t0,
            Action::ExtendRegulatoryDeadline {
                ground: ExtensionGround::DifferentOffice,
                note: "n".into(),
            },
        )
        .unwrap_err();
    assert_eq!(err, TicketError::NoComplaintToExtend);
    assert_eq!(err.code(), ErrorCode::RegulatoryExtensionNotAllowed);
    let extend = Action::ExtendRegulatoryDeadline {
        ground: ExtensionGround::SpecialInvestigation,
        note: "documents".into(),
    };
    t.apply(t0, extend.clone()).unwrap();
    assert_eq!(
        t.apply(t0, extend).unwrap_err(),
        TicketError::ExtensionAlreadyGranted
    );
}

#[test]
fn history_round_trips_and_tampering_is_rejected() {
    let t0 = t0_monday();
    let mut t = ticket(Channel::WebForm, Category::PaymentFailure, t0);
    t.respond(t0 + Duration::minutes(5)).unwrap();
    t.await_customer(t0 + Duration::minutes(6)).unwrap();
    t.customer_reply(t0 + Duration::hours(3)).unwrap();
    t.file_complaint(t0 + Duration::hours(4), ComplaintKind::FormalWritten)
        .unwrap();
    t.resolve(t0 + Duration::hours(5)).unwrap();
    t.rate_satisfaction(t0 + Duration::hours(6), 5).unwrap();

    let json = serde_json::to_string(&t).unwrap();
    let back: Ticket = serde_json::from_str(&json).unwrap();
    assert_eq!(back, t);
    assert_eq!(back.state(), t.state());

    // Reordered, unknown and invalid events are refused.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["events"].as_array_mut().unwrap().swap(1, 2);
    assert!(serde_json::from_value::<Ticket>(value).is_err());
    let tampered = json.replace(
        "\"rate_satisfaction\",\"score\":5",
        "\"rate_satisfaction\",\"score\":9",
    );
    assert_ne!(tampered, json);
    assert!(serde_json::from_str::<Ticket>(&tampered).is_err());
    let unknown = json.replacen("\"number\"", "\"extra\":1,\"number\"", 1);
    assert!(serde_json::from_str::<Ticket>(&unknown).is_err());
    let missing_create = serde_json::json!({
        "number": t.number(),
        "events": [{"at": "2026-11-23T02:00:00Z", "action": {"kind": "open"}}]
    });
    assert!(serde_json::from_value::<Ticket>(missing_create).is_err());
}

#[test]
fn history_is_bounded() {
    let t0 = t0_monday();
    let mut t = ticket(Channel::Chat, Category::Technical, t0);
    for i in 1..MAX_EVENTS {
        t.customer_reply(t0 + Duration::seconds(i as i64)).unwrap();
    }
    assert_eq!(t.events().len(), MAX_EVENTS);
    let before = t.clone();
    let err = t.respond(t0 + Duration::days(1)).unwrap_err();
    assert_eq!(err, TicketError::HistoryFull { max: MAX_EVENTS });
    assert_eq!(err.code(), ErrorCode::InputTooLarge);
    assert_eq!(t, before);
}

// ---------------------------------------------------------------------------
// SLA on the Indonesian calendar (09:00-12:00, 13:00-18:00 WIB, Mon-Fri)
// ---------------------------------------------------------------------------

#[test]
fn sla_pauses_across_christmas_cuti_bersama_and_the_weekend() {
    let cal = id_cal();
    let policy = SlaPolicy::default();
    // Wednesday 2026-12-23 16:00 WIB; Thursday 24 is cuti bersama, Friday 25
    // Christmas, then the weekend.
    assert!(!cal.is_business_day(date(2026, 12, 24)).unwrap());
    assert!(!cal.is_business_day(date(2026, 12, 25)).unwrap());
    let t0 = wib(2026, 12, 23, 16, 0);
    let mut t = ticket(Channel::Email, Category::Refund, t0); // normal: 8 h / 24 h
    t.respond(wib(2026, 12, 23, 17, 0)).unwrap();
    t.await_customer(wib(2026, 12, 23, 17, 30)).unwrap();

    // Saturday: paused with 24 - 1.5 business hours left.
    let r = t.sla(wib(2026, 12, 26, 12, 0), &policy, &cal).unwrap();
    assert!(r.paused);
    assert_eq!(
        r.resolution.status,
        SlaStatus::Paused {
            remaining_seconds: 22 * H + H / 2
        }
    );
    assert_eq!(
        r.first_response.status,
        SlaStatus::Met {
            at: wib(2026, 12, 23, 17, 0)
        }
    );
    assert_eq!(r.next_response.status, SlaStatus::NotRunning);

    // The customer answers on Monday 28 at 10:00: the clock resumes.
    t.customer_reply(wib(2026, 12, 28, 10, 0)).unwrap();
    let r = t.sla(wib(2026, 12, 28, 12, 0), &policy, &cal).unwrap();
    assert_eq!(r.resolution.elapsed_seconds, 3 * H + H / 2);
    // 20.5 h left from Monday 12:00: Monday 13-18, Tuesday, Wednesday 09-12
    // and 13:00-17:30.
    assert_eq!(
        r.resolution.status,
        SlaStatus::OnTrack {
            due_at: wib(2026, 12, 30, 17, 30),
            remaining_seconds: 20 * H + H / 2
        }
    );
    // Next response: 8 business hours from Monday 10:00 -> Tuesday 10:00.
    assert_eq!(
        r.next_response.status,
        SlaStatus::OnTrack {
            due_at: wib(2026, 12, 29, 10, 0),
            remaining_seconds: 6 * H
        }
    );

    // Without the pause, the same Monday noon would show 1.5 h more.
    let mut unpaused = ticket(Channel::Email, Category::Refund, t0);
    unpaused.respond(wib(2026, 12, 23, 17, 0)).unwrap();
    let r2 = unpaused
        .sla(wib(2026, 12, 28, 12, 0), &policy, &cal)
        .unwrap();
    assert_eq!(r2.resolution.elapsed_seconds, 5 * H);

    // Explanations in every locale.
    let text = r.explain(cal.time_zone()).render(Locale::En);
    assert!(
        text.contains(
            "Resolution: on track, 20 hours 30 minutes left (due 30 December 2026, 17:30 WIB, business hours)."
        ),
        "{text}"
    );
    let text = r.explain(cal.time_zone()).render(Locale::Id);
    assert!(
        text.contains("Penyelesaian: sesuai target, sisa 20 jam 30 menit"),
        "{text}"
    );
    let text = r.explain(cal.time_zone()).render(Locale::ZhCn);
    assert!(text.contains("解决：正常，剩余20小时30分钟"), "{text}");
}

#[test]
fn a_ticket_filed_on_cuti_bersama_starts_counting_after_the_holidays() {
    let cal = id_cal();
    let policy = SlaPolicy::default();
    // Thursday 2026-12-24 10:00 WIB, web form: 4 business hours.
    let t0 = wib(2026, 12, 24, 10, 0);
    let t = ticket(Channel::WebForm, Category::Technical, t0);
    let r = t.sla(wib(2026, 12, 27, 20, 0), &policy, &cal).unwrap();
    assert_eq!(r.first_response.elapsed_seconds, 0);
    assert_eq!(
        r.first_response.status,
        SlaStatus::OnTrack {
            due_at: wib(2026, 12, 28, 14, 0),
            remaining_seconds: 4 * H
        }
    );
    // Monday 13:30: 3.5 h elapsed, past 80 %: due soon.
    let r = t.sla(wib(2026, 12, 28, 13, 30), &policy, &cal).unwrap();
    assert_eq!(
        r.first_response.status,
        SlaStatus::DueSoon {
            due_at: wib(2026, 12, 28, 14, 0),
            remaining_seconds: H / 2
        }
    );
    // Monday 14:00 exactly is still on time; a minute later it is breached.
    let r = t.sla(wib(2026, 12, 28, 14, 1), &policy, &cal).unwrap();
    assert_eq!(
        r.first_response.status,
        SlaStatus::Breached {
            breached_at: wib(2026, 12, 28, 14, 0),
            overdue_seconds: 60,
            met_at: None
        }
    );
    // A reply at 18:30 (after hours) is still late: breaches stay.
    let mut late = t.clone();
    late.respond(wib(2026, 12, 28, 18, 30)).unwrap();
    let r = late.sla(wib(2026, 12, 29, 9, 0), &policy, &cal).unwrap();
    assert_eq!(
        r.first_response.status,
        SlaStatus::Breached {
            breached_at: wib(2026, 12, 28, 14, 0),
            overdue_seconds: 4 * H,
            met_at: Some(wib(2026, 12, 28, 18, 30))
        }
    );
    // The past can be replayed: at Monday 10:00 the reply had not happened.
    let r = late.sla(wib(2026, 12, 28, 10, 0), &policy, &cal).unwrap();
    assert!(matches!(r.first_response.status, SlaStatus::OnTrack { .. }));
    assert!(matches!(
        late.sla(t0 - Duration::seconds(1), &policy, &cal),
        Err(TicketError::NowBeforeCreation { .. })
    ));
}

#[test]
fn third_party_waits_do_not_pause_unless_the_policy_says_so() {
    let cal = id_cal();
    let t0 = wib(2026, 11, 23, 9, 0);
    let mut t = ticket(Channel::Email, Category::Refund, t0);
    t.open(t0).unwrap();
    t.await_third_party(wib(2026, 11, 23, 10, 0)).unwrap();
    let now = wib(2026, 11, 23, 15, 0);
    let r = t.sla(now, &SlaPolicy::default(), &cal).unwrap();
    assert!(!r.paused);
    assert_eq!(r.resolution.elapsed_seconds, 5 * H);
    let policy = SlaPolicy {
        pause_on_third_party: true,
        ..SlaPolicy::default()
    };
    let r = t.sla(now, &policy, &cal).unwrap();
    assert!(r.paused);
    assert_eq!(r.resolution.elapsed_seconds, H);
}

#[test]
fn a_priority_change_applies_new_targets_to_the_time_already_elapsed() {
    let cal = id_cal();
    let policy = SlaPolicy::default();
    let t0 = wib(2026, 11, 23, 9, 0); // Monday
    let mut t = ticket(Channel::Email, Category::Technical, t0); // normal: 24 bh
    t.respond(wib(2026, 11, 23, 10, 0)).unwrap();

    // Tuesday 11:00: 8 + 2 = 10 business hours elapsed. To high: 16 bh from
    // the original start, 6 h left -> Tuesday 18:00.
    let change = wib(2026, 11, 24, 11, 0);
    let mut high = t.clone();
    high.change_priority(change, Priority::High).unwrap();
    let r = high.sla(change, &policy, &cal).unwrap();
    assert_eq!(r.resolution.target, SlaTarget::business_minutes(16 * 60));
    assert_eq!(r.resolution.elapsed_seconds, 10 * H);
    assert_eq!(
        r.resolution.status,
        SlaStatus::OnTrack {
            due_at: wib(2026, 11, 24, 18, 0),
            remaining_seconds: 6 * H
        }
    );
    // The result does not depend on when we look, nor on whether the change
    // split an interval: Tuesday 15:00 shows 4 h less.
    let r = high.sla(wib(2026, 11, 24, 15, 0), &policy, &cal).unwrap();
    assert_eq!(r.resolution.elapsed_seconds, 13 * H);

    // To low: 40 bh, 30 h left.
    let mut low = t.clone();
    low.change_priority(change, Priority::Low).unwrap();
    let r = low.sla(change, &policy, &cal).unwrap();
    assert_eq!(
        r.resolution.status,
        SlaStatus::OnTrack {
            due_at: wib(2026, 11, 27, 18, 0),
            remaining_seconds: 30 * H
        }
    );

    // To urgent at Tuesday 12:00: 24 h of wall time from Monday 09:00 were
    // already used up (27 h): breached at the change, 3 h over.
    let urgent_at = wib(2026, 11, 24, 12, 0);
    let mut urgent = t.clone();
    urgent.change_priority(urgent_at, Priority::Urgent).unwrap();
    let r = urgent
        .sla(urgent_at + Duration::hours(1), &policy, &cal)
        .unwrap();
    assert_eq!(r.resolution.target.basis(), Some(TimeBasis::Wall));
    assert_eq!(
        r.resolution.status,
        SlaStatus::Breached {
            breached_at: urgent_at,
            overdue_seconds: 4 * H,
            met_at: None
        }
    );
    // Lowering it again does not undo the breach.
    urgent
        .change_priority(urgent_at + Duration::minutes(30), Priority::Low)
        .unwrap();
    let r = urgent
        .sla(urgent_at + Duration::hours(1), &policy, &cal)
        .unwrap();
    assert!(r.resolution.status.is_breached());

    // To urgent on Monday 10:00 (1 h of wall time used): due Tuesday 09:00.
    let mut early = t.clone();
    early
        .change_priority(wib(2026, 11, 23, 10, 0), Priority::Urgent)
        .unwrap();
    let r = early.sla(wib(2026, 11, 23, 11, 0), &policy, &cal).unwrap();
    assert_eq!(
        r.resolution.status,
        SlaStatus::OnTrack {
            due_at: wib(2026, 11, 24, 9, 0),
            remaining_seconds: 22 * H
        }
    );

    // A change while paused: the pause still does not count.
    let mut paused = t.clone();
    paused.await_customer(wib(2026, 11, 23, 12, 0)).unwrap(); // 3 bh
    paused
        .change_priority(wib(2026, 11, 25, 12, 0), Priority::High)
        .unwrap();
    let r = paused.sla(wib(2026, 11, 25, 12, 0), &policy, &cal).unwrap();
    assert_eq!(
        r.resolution.status,
        SlaStatus::Paused {
            remaining_seconds: 13 * H
        }
    );
}

#[test]
fn reopening_resumes_the_resolution_clock_where_it_stopped() {
    let cal = id_cal();
    let policy = SlaPolicy::default();
    let t0 = wib(2026, 11, 23, 9, 0);
    let mut t = ticket(Channel::Email, Category::Technical, t0);
    t.resolve(wib(2026, 11, 23, 14, 0)).unwrap(); // 4 bh
    let r = t.sla(wib(2026, 11, 24, 9, 0), &policy, &cal).unwrap();
    assert_eq!(
        r.resolution.status,
        SlaStatus::Met {
            at: wib(2026, 11, 23, 14, 0)
        }
    );
    assert_eq!(
        r.first_response.status,
        SlaStatus::Met {
            at: wib(2026, 11, 23, 14, 0)
        }
    );
    t.reopen(wib(2026, 11, 25, 9, 0)).unwrap();
    let r = t.sla(wib(2026, 11, 25, 10, 0), &policy, &cal).unwrap();
    assert_eq!(r.resolution.elapsed_seconds, 5 * H);
    assert!(matches!(
        r.resolution.status,
        SlaStatus::OnTrack {
            remaining_seconds,
            ..
        } if remaining_seconds == 19 * H
    ));
}

#[test]
fn next_response_cycles_are_counted() {
    let cal = id_cal();
    let policy = SlaPolicy::default();
    let t0 = wib(2026, 11, 23, 9, 0);
    let mut t = ticket(Channel::Chat, Category::Technical, t0); // normal: NR 8 bh
    t.respond(t0 + Duration::minutes(1)).unwrap();
    // Cycle 1: answered within an hour.
    t.customer_reply(wib(2026, 11, 23, 10, 0)).unwrap();
    t.customer_reply(wib(2026, 11, 23, 10, 30)).unwrap(); // same cycle
    t.respond(wib(2026, 11, 23, 11, 0)).unwrap();
    // Cycle 2: 8 bh from Monday 14:00 -> Tuesday 14:00; answered Wednesday.
    t.customer_reply(wib(2026, 11, 23, 14, 0)).unwrap();
    t.respond(wib(2026, 11, 25, 9, 0)).unwrap();
    // Cycle 3: running.
    t.customer_reply(wib(2026, 11, 25, 10, 0)).unwrap();
    let r = t.sla(wib(2026, 11, 25, 11, 0), &policy, &cal).unwrap();
    assert_eq!(r.next_response_breaches, 1);
    assert_eq!(
        r.next_response.status,
        SlaStatus::OnTrack {
            due_at: wib(2026, 11, 26, 10, 0),
            remaining_seconds: 7 * H
        }
    );
    let r = t.sla(wib(2026, 11, 25, 8, 0), &policy, &cal).unwrap();
    assert_eq!(
        r.next_response.status,
        SlaStatus::Breached {
            breached_at: wib(2026, 11, 24, 14, 0),
            overdue_seconds: 4 * H,
            met_at: None
        }
    );
    assert_eq!(r.next_response_breaches, 1);
}

#[test]
fn breaches_escalate_automatically() {
    let cal = id_cal();
    let policy = SlaPolicy::default();
    let t0 = wib(2026, 11, 23, 9, 0);
    // Account security: urgent, chat: first response 2 min, resolution 24 h.
    let mut t = ticket(Channel::Chat, Category::AccountSecurity, t0);
    assert_eq!(t.priority(), Priority::Urgent);
    let r = t.sla(t0 + Duration::minutes(1), &policy, &cal).unwrap();
    assert_eq!(r.escalation, EscalationLevel::Agent);
    assert_eq!(
        t.escalate_on_breach(t0 + Duration::minutes(1), &policy, &cal),
        Ok(None)
    );

    assert_eq!(
        t.escalate_on_breach(t0 + Duration::minutes(3), &policy, &cal),
        Ok(Some(EscalationLevel::Supervisor))
    );
    assert_eq!(t.escalation(), EscalationLevel::Supervisor);
    // Nothing more to do until the resolution breaches.
    assert_eq!(
        t.escalate_on_breach(t0 + Duration::hours(1), &policy, &cal),
        Ok(None)
    );
    t.respond(t0 + Duration::hours(1)).unwrap();
    let later = t0 + Duration::hours(25);
    let r = t.sla(later, &policy, &cal).unwrap();
    assert_eq!(r.escalation, EscalationLevel::Manager);
    assert_eq!(r.recorded_escalation, EscalationLevel::Supervisor);
    assert_eq!(
        t.escalate_on_breach(later, &policy, &cal),
        Ok(Some(EscalationLevel::Manager))
    );
    assert_eq!(
        t.events().last().unwrap().action,
        Action::Escalate {
            level: EscalationLevel::Manager,
            cause: EscalationCause::SlaBreach
        }
    );

    // A formal oral complaint due tomorrow calls the complaints unit.
    let mut c = ticket(Channel::Hotline, Category::Refund, wib(2026, 11, 23, 9, 0));
    c.file_complaint(wib(2026, 11, 23, 9, 0), ComplaintKind::FormalOral)
        .unwrap();
    c.respond(wib(2026, 11, 23, 9, 5)).unwrap();
    // Due Monday 30; due soon on the last working day.
    let r = c.sla(wib(2026, 11, 27, 9, 0), &policy, &cal).unwrap();
    assert!(matches!(
        r.regulatory[0].status,
        RegulatoryStatus::OnTrack {
            working_days_left: 2
        }
    ));
    let at = wib(2026, 11, 30, 9, 0);
    assert!(matches!(
        c.sla(at, &policy, &cal).unwrap().regulatory[0].status,
        RegulatoryStatus::DueSoon {
            working_days_left: 1
        }
    ));
    let escalated = c.escalate_on_breach(at, &policy, &cal).unwrap();
    assert_eq!(escalated, Some(EscalationLevel::ComplaintsUnit));
    assert_eq!(
        c.events().last().unwrap().action,
        Action::Escalate {
            level: EscalationLevel::ComplaintsUnit,
            cause: EscalationCause::RegulatoryDeadline
        }
    );
}

#[test]
fn the_hotline_is_answered_live() {
    let cal = id_cal();
    let t0 = wib(2026, 11, 28, 22, 0); // Saturday night
    let t = ticket(Channel::Hotline, Category::Refund, t0);
    let r = t
        .sla(t0 + Duration::days(2), &SlaPolicy::default(), &cal)
        .unwrap();
    assert_eq!(r.first_response.target, SlaTarget::Live);
    assert_eq!(r.first_response.status, SlaStatus::Met { at: t0 });
}

#[test]
fn policies_are_validated_and_configurable() {
    let mut p = SlaPolicy::default();
    assert!(p.validate().is_ok());
    p.due_soon_percent = 0;
    assert_eq!(
        p.validate().unwrap_err().code(),
        ErrorCode::InvalidSlaPolicy
    );
    let mut p = SlaPolicy::default();
    p.rules[0].first_response = Some(SlaTarget::Within {
        seconds: 0,
        basis: TimeBasis::Wall,
    });
    assert!(p.validate().is_err());
    let cal = id_cal();
    let t0 = t0_monday();
    let t = ticket(Channel::Chat, Category::Refund, t0);
    assert!(t.sla(t0, &p, &cal).is_err());

    // A JSON policy: everything 1 wall hour.
    let json = r#"{"fallback":{
        "first_response":{"kind":"within","seconds":3600,"basis":"wall"},
        "next_response":{"kind":"within","seconds":3600,"basis":"wall"},
        "resolution":{"kind":"within","seconds":3600,"basis":"wall"}},
        "due_soon_percent": 50}"#;
    let p = SlaPolicy::from_json(json).unwrap();
    let r = t.sla(t0 + Duration::minutes(40), &p, &cal).unwrap();
    assert!(matches!(
        r.resolution.status,
        SlaStatus::DueSoon {
            remaining_seconds: 1200,
            ..
        }
    ));
    assert!(SlaPolicy::from_json(&json.replace("wall\"}}", "wall\"}}, \"x\": 1")).is_err());
    assert!(SlaPolicy::from_json(&json.replace("\"wall\"", "\"lunar\"")).is_err());
    // Live only for the first response.
    assert!(
        SlaPolicy::from_json(&json.replace(
            r#""resolution":{"kind":"within","seconds":3600,"basis":"wall"}"#,
            r#""resolution":{"kind":"live"}"#
        ))
        .is_err()
    );
    // Ticket rules.
    assert!(
        Ticket::create(
            t.number(),
            Channel::Chat,
            Category::Refund,
            Priority::Low,
            TicketRules {
                reopen_window_days: 366,
                review_window_days: 1
            },
            t0
        )
        .is_err()
    );
}

// ---------------------------------------------------------------------------
// Regulatory clocks
// ---------------------------------------------------------------------------

#[test]
fn oral_complaints_have_five_working_days() {
    let cal = id_cal();
    let policy = SlaPolicy::default();
    // Monday 2026-12-21 10:00: Dec 22, 23, (24-27 off), 28, 29, 30.
    let at = wib(2026, 12, 21, 10, 0);
    let mut t = ticket(Channel::Hotline, Category::PaymentFailure, at);
    t.file_complaint(at, ComplaintKind::FormalOral).unwrap();
    let r = &t.sla(at, &policy, &cal).unwrap().regulatory[0];
    assert_eq!(r.medium, ComplaintMedium::Oral);
    assert_eq!(r.start_date, date(2026, 12, 21));
    assert_eq!(r.working_days, 5);
    assert_eq!(r.due_date, date(2026, 12, 30));
    assert_eq!(r.deadline, wib(2026, 12, 31, 0, 0));
    assert!(!r.estimated);
    assert_eq!(
        r.status,
        RegulatoryStatus::OnTrack {
            working_days_left: 6
        }
    );

    // Received on Saturday 19th: counts from Monday 21st, same due date.
    let sat = wib(2026, 12, 19, 20, 0);
    let mut s = ticket(Channel::Hotline, Category::PaymentFailure, sat);
    s.file_complaint(sat, ComplaintKind::FormalOral).unwrap();
    let r = &s.sla(sat, &policy, &cal).unwrap().regulatory[0];
    assert_eq!(r.start_date, date(2026, 12, 21));
    assert_eq!(r.due_date, date(2026, 12, 30));

    // Unresolved on the 31st: one working day late; resolved on Monday
    // 4 January 2027 (1 January is New Year): two working days late.
    let r = &t
        .sla(wib(2026, 12, 31, 9, 0), &policy, &cal)
        .unwrap()
        .regulatory[0];
    assert_eq!(
        r.status,
        RegulatoryStatus::Breached {
            working_days_late: 1,
            met_at: None
        }
    );
    let mut late = t.clone();
    late.resolve(wib(2027, 1, 4, 11, 0)).unwrap();
    let r = &late
        .sla(wib(2027, 1, 5, 9, 0), &policy, &cal)
        .unwrap()
        .regulatory[0];
    assert_eq!(
        r.status,
        RegulatoryStatus::Breached {
            working_days_late: 2,
            met_at: Some(wib(2027, 1, 4, 11, 0))
        }
    );
    // Resolved at 23:59 on the due date: met.
    let mut met = t.clone();
    met.resolve(wib(2026, 12, 30, 23, 59)).unwrap();
    let r = &met
        .sla(wib(2027, 1, 5, 9, 0), &policy, &cal)
        .unwrap()
        .regulatory[0];
    assert_eq!(
        r.status,
        RegulatoryStatus::Met {
            at: wib(2026, 12, 30, 23, 59)
        }
    );
    assert_eq!(
        r.render(Locale::En),
        "We received your oral complaint on 21 December 2026. Under OJK rules we will resolve \
         it within 5 working days, by 30 December 2026. It was resolved on 30 December 2026."
    );
    assert_eq!(
        r.render(Locale::ZhCn),
        "我们已于2026年12月21日收到您的口头投诉。根据印尼金融服务管理局（OJK）的规定，\
         我们将在5个工作日内（不晚于2026年12月30日）处理完毕。该投诉已于2026年12月30日处理完毕。"
    );
}

#[test]
fn written_complaints_have_twenty_working_days() {
    let cal = id_cal();
    let policy = SlaPolicy::default();
    // Tuesday 2026-12-01: 20 working days skip 24 and 25 December.
    let at = wib(2026, 12, 1, 15, 0);
    let mut t = ticket(Channel::Email, Category::Refund, at);
    t.file_complaint(at, ComplaintKind::FormalWritten).unwrap();
    let r = &t.sla(at, &policy, &cal).unwrap().regulatory[0];
    assert_eq!(r.working_days, 20);
    assert_eq!(r.due_date, date(2026, 12, 31));
    // Due soon from 80 %: 4 working days left (28-31 December).
    let r = &t
        .sla(wib(2026, 12, 23, 9, 0), &policy, &cal)
        .unwrap()
        .regulatory[0];
    assert_eq!(
        r.status,
        RegulatoryStatus::OnTrack {
            working_days_left: 5
        }
    );
    let r = &t
        .sla(wib(2026, 12, 24, 9, 0), &policy, &cal)
        .unwrap()
        .regulatory[0];
    assert_eq!(
        r.status,
        RegulatoryStatus::DueSoon {
            working_days_left: 4
        }
    );
    // Internal SLA and regulatory clock are separate: the internal
    // resolution target (24 bh) is long breached, the regulatory one is not.
    let report = t.sla(wib(2026, 12, 24, 9, 0), &policy, &cal).unwrap();
    assert!(report.resolution.status.is_breached());

    // POJK 22/2023 regime: 10 working days.
    let p22 = SlaPolicy {
        regulatory: RegulatoryRegime::POJK_22_2023,
        ..SlaPolicy::default()
    };
    let r = &t.sla(at, &p22, &cal).unwrap().regulatory[0];
    assert_eq!(r.due_date, date(2026, 12, 15));
}

#[test]
fn a_written_complaint_can_be_extended_once_in_time() {
    let cal = id_cal();
    let policy = SlaPolicy::default();
    let regime = RegulatoryRegime::default();
    // Thursday 2026-10-01: due Thursday 29 October; extended, 26 November.
    let at = wib(2026, 10, 1, 9, 0);
    let mut t = ticket(Channel::WebForm, Category::Refund, at);
    t.file_complaint(at, ComplaintKind::FormalWritten).unwrap();
    assert_eq!(
        t.sla(at, &policy, &cal).unwrap().regulatory[0].due_date,
        date(2026, 10, 29)
    );
    // Too late: at midnight after the due date.
    let mut late = t.clone();
    let err = late
        .extend_regulatory_deadline(
            wib(2026, 10, 30, 0, 0),
            ExtensionGround::BeyondControl,
            "waiting for the bank",
            &regime,
            &cal,
        )
        .unwrap_err();
    assert_eq!(
        err,
        TicketError::ExtensionTooLate {
            at: wib(2026, 10, 30, 0, 0),
            deadline: wib(2026, 10, 30, 0, 0)
        }
    );
    assert_eq!(late, t);
    // In time, with a reason on record.
    let notice = wib(2026, 10, 28, 16, 0);
    t.extend_regulatory_deadline(
        notice,
        ExtensionGround::SpecialInvestigation,
        "merchant settlement records requested",
        &regime,
        &cal,
    )
    .unwrap();
    let r = &t.sla(notice, &policy, &cal).unwrap().regulatory[0];
    assert_eq!(r.working_days, 40);
    assert_eq!(r.due_date, date(2026, 11, 26));
    assert!(!r.extension_late);
    let ext = r.extension.as_ref().unwrap();
    assert_eq!(ext.ground, ExtensionGround::SpecialInvestigation);
    assert_eq!(ext.note, "merchant settlement records requested");
    assert!(r.render(Locale::Id).contains("Batas waktu diperpanjang karena transaksi tersebut memerlukan penelitian khusus terhadap dokumen."));
    // Once only.
    assert_eq!(
        t.extend_regulatory_deadline(
            notice,
            ExtensionGround::BeyondControl,
            "again",
            &regime,
            &cal
        ),
        Err(TicketError::ExtensionAlreadyGranted)
    );
    // Resolved within the extension: met.
    t.resolve(wib(2026, 11, 20, 10, 0)).unwrap();
    let r = &t
        .sla(wib(2026, 12, 1, 10, 0), &policy, &cal)
        .unwrap()
        .regulatory[0];
    assert_eq!(
        r.status,
        RegulatoryStatus::Met {
            at: wib(2026, 11, 20, 10, 0)
        }
    );

    // An extension recorded late through `apply` is reported and ignored.
    let mut raw = ticket(Channel::WebForm, Category::Refund, at);
    raw.file_complaint(at, ComplaintKind::FormalWritten)
        .unwrap();
    raw.apply(
        wib(2026, 11, 2, 9, 0),
        Action::ExtendRegulatoryDeadline {
            ground: ExtensionGround::DifferentOffice,
            note: "late".into(),
        },
    )
    .unwrap();
    let r = &raw
        .sla(wib(2026, 11, 2, 9, 0), &policy, &cal)
        .unwrap()
        .regulatory[0];
    assert!(r.extension_late);
    assert_eq!(r.due_date, date(2026, 10, 29));
    assert!(matches!(
        r.status,
        RegulatoryStatus::Breached {
            working_days_late: 2,
            ..
        }
    ));
}

#[test]
fn statuses_and_levels_render_in_every_locale() {
    for status in Status::ALL {
        let texts: Vec<String> = Locale::ALL.iter().map(|l| status.render(*l)).collect();
        assert!(texts.iter().all(|t| !t.is_empty()));
        assert_ne!(texts[0], texts[2], "{status}");
    }
    for level in EscalationLevel::ALL {
        assert!(Locale::ALL.iter().all(|l| !level.render(*l).is_empty()));
    }
    for channel in Channel::ALL {
        assert!(Locale::ALL.iter().all(|l| !channel.render(*l).is_empty()));
        assert_eq!(channel.as_str().parse::<Channel>().unwrap(), channel);
    }
    assert_eq!(Status::Resolved.render(Locale::Id), "Selesai");
    assert_eq!(
        "fax".parse::<Channel>().unwrap_err().code(),
        ErrorCode::UnknownValue
    );
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Open),
        Just(Action::Respond),
        Just(Action::CustomerReply),
        Just(Action::AwaitCustomer),
        Just(Action::AwaitThirdParty),
        Just(Action::Resume),
        Just(Action::Resolve),
        Just(Action::Reopen),
        Just(Action::Close),
        (0u8..4).prop_map(|l| Action::Escalate {
            level: EscalationLevel::from_u8(l).unwrap(),
            cause: EscalationCause::Manual
        }),
        prop_oneof![
            Just(Priority::Low),
            Just(Priority::Normal),
            Just(Priority::High),
            Just(Priority::Urgent)
        ]
        .prop_map(|priority| Action::ChangePriority { priority }),
        prop_oneof![
            Just(ComplaintKind::Informal),
            Just(ComplaintKind::FormalOral),
            Just(ComplaintKind::FormalWritten)
        ]
        .prop_map(|complaint| Action::FileComplaint { complaint }),
        "[a-z ]{0,8}".prop_map(|reason| Action::RequestReview { reason }),
        "[a-z ]{0,8}".prop_map(|note| Action::ExtendRegulatoryDeadline {
            ground: ExtensionGround::BeyondControl,
            note
        }),
        (0u8..8).prop_map(|score| Action::RateSatisfaction { score }),
        Just(Action::Create {
            channel: Channel::Chat,
            category: Category::Refund,
            priority: Priority::Low
        }),
    ]
}

fn any_channel() -> impl Strategy<Value = Channel> {
    (0usize..6).prop_map(|i| Channel::ALL[i])
}

fn any_category() -> impl Strategy<Value = Category> {
    (0usize..9).prop_map(|i| Category::ALL[i])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn no_event_sequence_panics_or_corrupts_history(
        channel in any_channel(),
        category in any_category(),
        start in 0i64..(300 * 24 * 3600),
        steps in prop::collection::vec((-3_600i64..3 * 24 * 3600, any_action()), 0..24),
        probe in 0i64..(20 * 24 * 3600),
    ) {
        let cal = id_cal();
        let policy = SlaPolicy::default();
        let t0 = wib(2026, 1, 5, 0, 0) + Duration::seconds(start);
        let mut t = ticket(channel, category, t0);
        let mut at = t0;
        for (delta, action) in steps {
            at += Duration::seconds(delta);
            let before = t.clone();
            match t.apply(at, action.clone()) {
                Ok(event) => {
                    prop_assert_eq!(event, &Event { at, action });
                    prop_assert_eq!(t.events().len(), before.events().len() + 1);
                    prop_assert_eq!(&t.events()[..before.events().len()], before.events());
                }
                Err(err) => {
                    prop_assert_eq!(&t, &before);
                    prop_assert!(err.code().as_u32() >= 100);
                }
            }
            // The state always equals a replay of the history.
            let replayed = t.state_at(t.state().last_event_at);
            prop_assert_eq!(replayed.as_ref(), Some(t.state()));
        }
        // The history survives JSON and a replay.
        let json = serde_json::to_string(&t).unwrap();
        let back: Ticket = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &t);
        let rebuilt = Ticket::from_events(t.number(), *t.rules(), t.events().to_vec()).unwrap();
        prop_assert_eq!(&rebuilt, &t);
        // The SLA can be computed at any time after creation.
        let now = t0 + Duration::seconds(probe);
        let report = t.sla(now, &policy, &cal).unwrap();
        prop_assert!(report.escalation >= report.recorded_escalation);
        for clock in [report.first_response, report.next_response, report.resolution] {
            prop_assert!(clock.elapsed_seconds >= 0);
            prop_assert!(clock.elapsed_seconds <= (now - t0).num_seconds());
        }
    }

    #[test]
    fn paused_time_never_counts_against_the_sla(
        start in 0i64..(300 * 24 * 3600),
        gaps in prop::collection::vec((60i64..2 * 24 * 3600, 60i64..4 * 24 * 3600), 1..6),
        tail in 0i64..(2 * 24 * 3600),
        pause_third_party in any::<bool>(),
    ) {
        let cal = id_cal();
        let t0 = wib(2026, 1, 5, 0, 0) + Duration::seconds(start);
        let mut t = ticket(Channel::Email, Category::Technical, t0);
        t.open(t0).unwrap();
        // Alternate running and paused intervals.
        let mut running = Vec::new();
        let mut at = t0;
        for (run, pause) in &gaps {
            let pause_start = at + Duration::seconds(*run);
            running.push((at, pause_start));
            if pause_third_party {
                t.await_third_party(pause_start).unwrap();
            } else {
                t.await_customer(pause_start).unwrap();
            }
            at = pause_start + Duration::seconds(*pause);
            if pause_third_party {
                t.resume(at).unwrap();
            } else {
                t.customer_reply(at).unwrap();
            }
        }
        let now = at + Duration::seconds(tail);
        running.push((at, now));
        let business: i64 = running
            .iter()
            .map(|(a, b)| cal.business_duration_between(*a, *b).unwrap().num_seconds())
            .sum();
        let wall: i64 = running.iter().map(|(a, b)| (*b - *a).num_seconds()).sum();

        let policy = SlaPolicy { pause_on_third_party: pause_third_party, ..SlaPolicy::default() };
        let report = t.sla(now, &policy, &cal).unwrap();
        prop_assert_eq!(report.resolution.elapsed_seconds, business);
        let total = cal.business_duration_between(t0, now).unwrap().num_seconds();
        prop_assert!(business <= total);
        let target = 24 * H;
        if business > target {
            prop_assert!(report.resolution.status.is_breached());
        }
        if report.resolution.status.is_breached() {
            prop_assert!(business >= target);
        }

        // The same in wall time.
        let wall_policy = SlaPolicy {
            rules: Vec::new(),
            fallback: walletcare::ticket::SlaTargets {
                first_response: SlaTarget::wall_minutes(60),
                next_response: SlaTarget::wall_minutes(60),
                resolution: SlaTarget::wall_minutes(10 * 24 * 60),
            },
            ..policy
        };
        let report = t.sla(now, &wall_policy, &cal).unwrap();
        prop_assert_eq!(report.resolution.elapsed_seconds, wall);
        if wall < 10 * 24 * H {
            let remaining = 10 * 24 * H - wall;
            let is_running = matches!(
                report.resolution.status,
                SlaStatus::OnTrack { remaining_seconds, .. } | SlaStatus::DueSoon { remaining_seconds, .. }
                    if remaining_seconds == remaining
            );
            prop_assert!(is_running, "{:?}", report.resolution.status);
        }
    }

    #[test]
    fn ticket_numbers_round_trip(
        days in 0i32..3_652_058, // 0001-01-01 ..= 9999-12-31
        sequence in 0u64..=MAX_SEQUENCE,
        prefix in "[A-Za-z]{2,4}",
        pad in "[ \t]{0,2}",
    ) {
        let date = NaiveDate::from_num_days_from_ce_opt(days + 1).unwrap();
        let n = TicketNumber::with_prefix(&prefix, date, sequence).unwrap();
        let text = n.to_string();
        prop_assert_eq!(TicketNumber::parse(&text).unwrap(), n);
        prop_assert_eq!(format!("{pad}{}{pad}", text.to_lowercase()).parse::<TicketNumber>().unwrap(), n);
        let json = serde_json::to_string(&n).unwrap();
        prop_assert_eq!(serde_json::from_str::<TicketNumber>(&json).unwrap(), n);
        prop_assert_eq!(n.date(), date);
        prop_assert_eq!(u64::from(n.sequence()), sequence);
        prop_assert_eq!(n.prefix(), prefix.to_uppercase());
    }
}

#[test]
fn sla_and_regulatory_reports_record_the_calendar_edition() {
    let cal = id_cal();
    let t0 = wib(2026, 11, 23, 10, 0);
    let mut ticket = Ticket::new(
        TicketNumber::for_instant(t0, cal.time_zone(), 1).unwrap(),
        Channel::Hotline,
        Category::Refund,
        t0,
    );
    ticket
        .file_complaint(t0, ComplaintKind::FormalOral)
        .unwrap();
    let report = ticket.sla(t0, &SlaPolicy::default(), &cal).unwrap();
    let stamp = cal.edition().stamp();
    assert_eq!(report.edition.as_ref(), Some(&stamp));
    assert_eq!(report.regulatory[0].edition.as_ref(), Some(&stamp));

    // Another edition of the calendar gives another stamp.
    let mut other = cal.clone();
    other.remove_holiday(date(2026, 12, 24)).unwrap();
    let again = ticket.sla(t0, &SlaPolicy::default(), &other).unwrap();
    assert_ne!(again.edition, report.edition);

    // Reports stored before editions existed still load.
    let mut json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["edition"]["id"], "ID-2026.12");
    json.as_object_mut().unwrap().remove("edition");
    for r in json["regulatory"].as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("edition");
    }
    let old: walletcare::ticket::SlaReport = serde_json::from_value(json).unwrap();
    assert_eq!(old.edition, None);
    assert_eq!(old.regulatory[0].edition, None);
}
