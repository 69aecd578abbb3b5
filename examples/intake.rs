//! A support conversation on the command line: one user message per stdin
//! line, one JSON object per line on stdout.
//!
//! ```sh
//! printf 'mau refund pesanan INV/20261121/XYZ/123\nRp 150rb kemarin jam 3\n' \
//!     | cargo run --example intake -- --now 2026-11-23T03:00:00Z
//! ```
//!
//! Each output line is the [`walletcare::intake::Step`]: `state` (`asking`,
//! `answered`, `ticket_opened`, `handed_off` or `linked`), `reply` (the text
//! to show), `missing` (the fields still wanted), `asking`, `fields` and,
//! once opened, `ticket` (number, gathered fields, transcript, SLA clocks);
//! `handoff` and `link` when they apply. A line that is not UTF-8 gives
//! `{"error":{"code":"ffi.invalid_utf8",...}}` and the conversation goes on;
//! so does a step the core refuses (its error code and message).
//!
//! Options: `--channel chat|hotline|email|social|in_app|web_form` (default
//! `chat`), `--calendar ID|CN|SG|MY` (default `ID`), `--sequence N` (the
//! ticket's daily sequence, default 1), `--locale en|id-ID|zh-CN` (default:
//! detected), `--now RFC3339` (the first message's time, each next message
//! one minute later; default: the system clock), `--state FILE` (resume
//! from and save to FILE after every message).
//!
//! The logic is in [`run`], which the integration tests call.

use std::io::{BufRead, Write};

use chrono::{DateTime, Duration, Utc};
use walletcare::calendar::CalendarId;
use walletcare::error::HasErrorCode;
use walletcare::intake::{Intake, IntakeConfig};
use walletcare::locale::Locale;
use walletcare::ticket::Channel;

/// The usage line.
pub(crate) const USAGE: &str = "usage: intake [--channel C] [--calendar ID] [--sequence N] \
     [--locale L] [--now RFC3339] [--state FILE] < messages";

/// Runs the command line `args` (without the program name) over the lines
/// of `input`, writing one JSON object per line to `out`.
///
/// # Errors
///
/// Bad arguments, an unreadable or invalid state file, or a failed read or
/// write.
pub(crate) fn run(
    args: &[String],
    mut input: impl BufRead,
    mut out: impl Write,
) -> Result<(), Box<dyn std::error::Error>> {
    const OPTIONS: [&str; 6] = [
        "--channel",
        "--calendar",
        "--sequence",
        "--locale",
        "--now",
        "--state",
    ];
    let mut values = std::collections::HashMap::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--help" || arg == "-h" {
            writeln!(out, "{USAGE}")?;
            return Ok(());
        }
        if !OPTIONS.contains(&arg.as_str()) {
            return Err(format!("unknown argument {arg:?}\n{USAGE}").into());
        }
        let value = rest
            .next()
            .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))?;
        values.insert(arg.as_str(), value.as_str());
    }
    let channel: Channel = values.get("--channel").unwrap_or(&"chat").parse()?;
    let calendar: CalendarId = values.get("--calendar").unwrap_or(&"ID").parse()?;
    let ticket_sequence: u64 = values.get("--sequence").unwrap_or(&"1").parse()?;
    let locale: Option<Locale> = values.get("--locale").map(|l| l.parse()).transpose()?;
    let mut clock: Option<DateTime<Utc>> = values
        .get("--now")
        .map(|n| DateTime::parse_from_rfc3339(n).map(|t| t.with_timezone(&Utc)))
        .transpose()?;
    let state_file = values.get("--state").copied();

    let mut intake = match state_file.and_then(|f| std::fs::read_to_string(f).ok()) {
        Some(saved) => Intake::from_json(&saved)?,
        None => Intake::new(IntakeConfig {
            channel,
            calendar,
            ticket_sequence,
            locale,
        })?,
    };

    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        let now = match clock {
            Some(t) => {
                clock = Some(t + Duration::minutes(1));
                t
            }
            None => DateTime::<Utc>::from(std::time::SystemTime::now()),
        };
        let json = match std::str::from_utf8(&line) {
            Err(e) => serde_json::json!({"error": {
                "code": "ffi.invalid_utf8",
                "message": format!("the message is not UTF-8: {e}"),
            }}),
            Ok(text) => match intake.step(text, now) {
                Ok(step) => serde_json::to_value(&step)?,
                Err(e) => serde_json::json!({"error": {
                    "code": e.code().as_str(),
                    "message": e.to_string(),
                }}),
            },
        };
        writeln!(out, "{json}")?;
        if let Some(file) = state_file {
            std::fs::write(file, intake.to_json())?;
        }
    }
    out.flush()?;
    Ok(())
}

#[allow(
    dead_code,
    reason = "the integration tests include this file for `run`"
)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    run(
        &args,
        std::io::stdin().lock(),
        std::io::BufWriter::new(stdout.lock()),
    )
}
