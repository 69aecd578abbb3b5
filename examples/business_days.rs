//! Adds business days to dates read from stdin, one `YYYY-MM-DD N` per line.
//!
//! ```sh
//! printf '2024-04-05 3\n2024-02-09 1\n' | cargo run --example business_days -- --calendar ID
//! 2024-04-18
//! 2024-02-13
//! ```
//!
//! `--calendar` takes any code of `BusinessCalendar::builtin_codes`: a
//! country, or a region such as Kuala Lumpur (`MY-14`, where 1 February is
//! Federal Territory Day) or Selangor (`MY-10`):
//!
//! ```sh
//! printf '2027-01-29 1\n' | cargo run --example business_days -- --calendar MY-14
//! 2027-02-02
//! ```
//!
//! Prints one result per input line, in order; a line that cannot be
//! answered prints `error: line N: <why>` instead and the program carries on.
//! The exit code is non-zero only for bad arguments.
//!
//! `--export-holidays` prints the calendar's holiday dates instead, one per
//! line (used by `scripts/bench-calendar.sh` to give numpy the same
//! holidays).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use walletcare::calendar::BusinessCalendar;

const USAGE: &str = "usage: business_days --calendar ID|CN|SG|MY|MY-14|MY-10 (any code of \
     BusinessCalendar::builtin_codes) [--export-holidays] < lines of `YYYY-MM-DD N`";

struct Args {
    calendar: BusinessCalendar,
    export_holidays: bool,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut calendar = None;
    let mut export_holidays = false;
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let value = if arg == "--calendar" {
            Some(args.next().ok_or("--calendar needs a value")?)
        } else {
            arg.strip_prefix("--calendar=").map(str::to_owned)
        };
        if let Some(v) = value {
            calendar = Some(BusinessCalendar::builtin_code(&v).map_err(|e| e.to_string())?);
        } else if arg == "--export-holidays" {
            export_holidays = true;
        } else if arg == "--help" || arg == "-h" {
            return Err(String::new());
        } else {
            return Err(format!("unknown argument {arg:?}"));
        }
    }
    Ok(Args {
        calendar: calendar.ok_or("--calendar is required")?,
        export_holidays,
    })
}

/// The answer for one input line.
fn answer(cal: &BusinessCalendar, line: &str) -> Result<NaiveDate, String> {
    let mut fields = line.split_whitespace();
    let (Some(date), Some(n), None) = (fields.next(), fields.next(), fields.next()) else {
        return Err("expected `YYYY-MM-DD N`".to_owned());
    };
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|e| format!("bad date {date:?}: {e}"))?;
    let n: i64 = n
        .parse()
        .map_err(|e| format!("bad number of business days {n:?}: {e}"))?;
    cal.add_business_days(date, n).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("business_days: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let cal = args.calendar;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if args.export_holidays {
        cal.holidays()
            .iter()
            .try_for_each(|h| writeln!(out, "{}", h.date))
    } else {
        run(&cal, &mut out)
    };
    match result.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed stdout (e.g. piped into `head`) is not an argument error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("business_days: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cal: &BusinessCalendar, out: &mut impl Write) -> std::io::Result<()> {
    for (i, line) in std::io::stdin().lock().lines().enumerate() {
        let n = i + 1;
        match line {
            Ok(line) => match answer(cal, &line) {
                Ok(d) => writeln!(out, "{d}")?,
                Err(e) => writeln!(out, "error: line {n}: {e}")?,
            },
            Err(e) => writeln!(out, "error: line {n}: {e}")?,
        }
    }
    Ok(())
}
