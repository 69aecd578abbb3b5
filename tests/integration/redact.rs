//! Redaction and scam warnings through the facade: the `redact` example's
//! command line, the labelled set's figures, tickets and triage.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use walletcare::redact::{RedactPolicy, ScamConfig, WarningCode, redact, warnings};
use walletcare::ticket::{Category, Channel, Ticket, TicketNumber, TicketRules};

/// The `redact` example, included so its command-line logic runs here.
#[allow(dead_code, unreachable_pub)]
#[path = "../../examples/redact.rs"]
mod redact_example;

/// The labelled-set generator and scorer of `examples/redact_eval.rs`.
#[allow(dead_code, unreachable_pub)]
#[path = "../../examples/redact_eval.rs"]
mod redact_eval;

/// Runs the example with `args` on `input`; returns its output lines and log.
fn run_example(args: &[&str], input: &[u8]) -> Result<(Vec<serde_json::Value>, String), String> {
    let args: Vec<String> = args.iter().map(|&a| a.to_owned()).collect();
    let mut out = Vec::new();
    let mut log = Vec::new();
    redact_example::run(&args, input, &mut out, &mut log).map_err(|e| e.to_string())?;
    let lines = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    Ok((lines, String::from_utf8(log).unwrap()))
}

#[test]
fn redact_example_writes_one_object_per_line_and_survives_invalid_utf8() {
    let mut input = b"kode OTP nya 482913\r\n".to_vec();
    input.extend_from_slice(b"bad \xff\xfe line 4111111111111111\n");
    input.extend_from_slice("有人打电话让我提供验证码\n".as_bytes());
    input.extend_from_slice(b"hp 0812-3456-7890"); // no final newline
    let (lines, log) = run_example(&[], &input).unwrap();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["redacted"], "kode OTP nya ******");
    assert_eq!(lines[0]["findings"][0]["kind"], "one_time_code");
    assert_eq!(lines[0]["warnings"][0]["code"], "sharing_secret");
    assert!(
        lines[0]["warnings"][0]["advice"]["id-ID"]
            .as_str()
            .unwrap()
            .contains("OTP")
    );
    assert_eq!(lines[1]["line"], 2);
    let error = lines[1]["error"].as_str().unwrap();
    assert!(
        error.contains("UTF-8") && !error.contains("4111"),
        "{error}"
    );
    assert!(lines[1].get("redacted").is_none());
    assert_eq!(lines[2]["warnings"][0]["code"], "secret_requested");
    assert_eq!(lines[3]["redacted"], "hp 0812-3456-7890");
    assert!(log.contains("1 of 4"));

    let (wide, _) = run_example(
        &["--also", "phone,email,bank_account"],
        b"hp 0812-3456-7890\n",
    )
    .unwrap();
    assert_eq!(wide[0]["redacted"], "hp +62 812-****-7890");
    assert_eq!(wide[0]["findings"][0]["kind"], "phone");

    let (allowed, _) =
        run_example(&["--allow", "mywallet.co.id"], b"see mywa11et.co.id\n").unwrap();
    assert_eq!(allowed[0]["warnings"][0]["code"], "lookalike_link");
    assert_eq!(allowed[0]["warnings"][0]["imitates"], "mywallet.co.id");
}

#[test]
fn redact_example_refuses_bad_arguments_with_usage() {
    for args in [
        &["--also", "fax"][..],
        &["--also"],
        &["--allow", "nope"],
        &["--what"],
    ] {
        let err = run_example(args, b"hi\n").unwrap_err();
        assert!(!err.is_empty(), "{args:?}");
    }
    let mut out = Vec::new();
    redact_example::run(&["--help".to_owned()], &b""[..], &mut out, Vec::new()).unwrap();
    assert!(String::from_utf8(out).unwrap().starts_with("usage: redact"));
}

#[test]
fn generated_labelled_set_meets_the_targets() {
    // A smaller set than the example's default, same generator and seed.
    let set = redact_eval::generate(14, 6_000);
    let report = redact_eval::evaluate(&set);
    assert!(
        report.secrets > 3_000 && report.benign > 6_000,
        "{report:?}"
    );
    assert!(
        report.hidden_share() >= 0.995,
        "secrets hidden {:.4}: {:?}",
        report.hidden_share(),
        report.misses
    );
    assert!(
        report.verbatim_share() >= 0.995,
        "benign verbatim {:.4}: {:?}",
        report.verbatim_share(),
        report.misses
    );
}

#[test]
fn hand_written_held_out_set_is_redacted_and_warned_about() {
    let file = include_str!("../data/redact_holdout.tsv");
    let set = redact_eval::parse_holdout(file).unwrap();
    assert!(set.len() >= 150, "{}", set.len());
    let messages: Vec<redact_eval::Labelled> = set.iter().map(|h| h.message.clone()).collect();
    for policy in [
        RedactPolicy::default(),
        RedactPolicy::default()
            .also("phone,email,bank_account")
            .unwrap(),
    ] {
        let report = redact_eval::evaluate_with(&messages, &policy);
        assert!(report.secrets >= 99 && report.benign >= 84, "{report:?}");
        assert!(
            report.hidden_share() >= 0.99 && report.verbatim_share() >= 0.99,
            "hidden {:.4}, verbatim {:.4}: {:?}",
            report.hidden_share(),
            report.verbatim_share(),
            report.misses
        );
        assert_eq!(report.bad_spans, 0);
    }
    let w = redact_eval::evaluate_warnings(&set);
    assert!(w.expected() >= 50, "{w:?}");
    assert!(w.raised() * 100 >= w.expected() * 95, "{w:?}");
    assert!(w.false_alarms.len() <= 2, "{w:?}");
}

#[test]
fn tickets_store_redacted_reasons_unless_told_to_keep_originals() {
    use chrono::{TimeZone, Utc};
    let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
    let number = TicketNumber::new(at.date_naive(), 9).unwrap();
    let reason = "refund wrong, card 4111 1111 1111 1111, OTP 482913";

    let mut ticket = Ticket::new(number, Channel::Chat, Category::Refund, at);
    ticket.resolve(at).unwrap();
    ticket.request_review(at, reason).unwrap();
    let json = serde_json::to_string(&ticket).unwrap();
    assert!(json.contains("card 411111******1111, OTP ******"), "{json}");
    assert!(!json.contains("482913") && !json.contains("4111 1111"));
    assert!(!json.contains("keep_original_text"));
    // A stored history with the secret in clear is redacted when loaded.
    let clear = json.replace(
        "card 411111******1111, OTP ******",
        "card 4111 1111 1111 1111, OTP 482913",
    );
    let loaded: Ticket = serde_json::from_str(&clear).unwrap();
    assert_eq!(loaded, ticket);

    let rules = TicketRules {
        keep_original_text: true,
        ..TicketRules::default()
    };
    let mut kept = Ticket::create(
        number,
        Channel::Chat,
        Category::Refund,
        walletcare::ticket::Priority::Normal,
        rules,
        at,
    )
    .unwrap();
    kept.resolve(at).unwrap();
    kept.request_review(at, reason).unwrap();
    let json = serde_json::to_string(&kept).unwrap();
    assert!(json.contains(reason) && json.contains("\"keep_original_text\":true"));
    assert_eq!(serde_json::from_str::<Ticket>(&json).unwrap(), kept);
}

#[test]
fn triage_entities_never_carry_a_secret() {
    let text = "OTP 482913, NIK 3171015203900001, pin 909090, cvv 987, 身份证11010519491231002X, order 12345678901";
    let t = walletcare::triage::triage(text, None);
    let json = serde_json::to_string(&t).unwrap();
    for secret in [
        "482913",
        "3171015203900001",
        "909090",
        "987",
        "11010519491231002X",
    ] {
        assert!(!json.contains(secret), "{secret} in {json}");
    }
    assert!(
        t.entities.iter().any(|e| e.text == "12345678901"),
        "{:?}",
        t.entities
    );
}

#[test]
fn triage_files_reported_scams_as_account_security() {
    for text in [
        "ada yang minta kode OTP saya ngaku dari CS",
        "someone called asking for my PIN",
        "有人打电话让我提供验证码",
        "they said pay a release fee to get my refund",
        "bayar biaya admin dulu supaya saldo cair",
        "先交手续费才能解冻",
        "I got an sms with a link gopay-promo.xyz for my refund",
    ] {
        let t = walletcare::triage::triage(text, None);
        assert_eq!(t.category, Category::AccountSecurity, "{text}");
        assert_eq!(t.priority, walletcare::ticket::Priority::Urgent, "{text}");
        let w = warnings(text, &ScamConfig::default());
        assert!(w.iter().any(|w| w.code.is_scam_report()), "{text}");
    }
    // A refund question stays a refund question.
    let t = walletcare::triage::triage(
        "I want a refund for order 12345678, paid $12 yesterday",
        None,
    );
    assert_eq!(t.category, Category::Refund);
    assert!(
        !warnings("refund order 12345678", &ScamConfig::default())
            .iter()
            .any(|w| w.code == WarningCode::FeeScam)
    );
}

#[test]
fn redaction_never_leaves_a_secret_in_json_debug_or_warnings() {
    let text = "pw: hunter2 cvv 321 4111-1111-1111-1111 验证码482913";
    let r = redact(text, &RedactPolicy::default());
    let out = format!(
        "{}{:?}{}",
        serde_json::to_string(&r).unwrap(),
        r,
        serde_json::to_string(&warnings(text, &ScamConfig::default())).unwrap()
    );
    for secret in ["hunter2", "321", "4111-1111-1111-1111", "482913"] {
        assert!(!out.contains(secret), "{secret}");
    }
}
