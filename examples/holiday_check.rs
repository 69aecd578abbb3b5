//! The yearly holiday check: compares every built-in calendar with the
//! independent holiday lists (the Python `holidays` package dumped in
//! `../shared/oracles/holidays`) and prints each difference by calendar,
//! year and kind, marking the ones `tests/oracle_exceptions.csv` already
//! explains, and every year the oracle has a decree for while our data is
//! still estimated.
//!
//! ```sh
//! cargo run --example holiday_check                    # or scripts/check-holidays.sh
//! cargo run --example holiday_check -- --oracle-dir DIR --year 2027
//! ```
//!
//! Kinds: `holiday_missing` (the oracle has a day off we do not),
//! `holiday_extra` (we have one it does not), `workday_missing` /
//! `workday_extra` (China's make-up working days), `kind_mismatch`
//! (Indonesia: cuti bersama vs national holiday) and `year_decreed` (the
//! oracle has the year's decree, our data estimates it). Regions (`MY-14`)
//! are compared when the folder has their `holidays_<CODE>.csv`.
//!
//! Exit code 0 when every difference is explained and no year is
//! `year_decreed`; 1 otherwise (time to update the data); 2 for bad
//! arguments or unreadable files.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use walletcare::calendar::{BusinessCalendar, HolidayKind};

const USAGE: &str = "usage: holiday_check [--oracle-dir DIR] [--exceptions FILE] [--year YYYY]";

/// First and last year compared.
const YEARS: (i32, i32) = (2020, 2030);

struct Args {
    oracle_dir: PathBuf,
    exceptions: PathBuf,
    year: Option<i32>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("WALLETCARE_SHARED_DIR")
        .map_or_else(|| root.join("../shared"), PathBuf::from);
    let mut out = Args {
        oracle_dir: shared.join("oracles/holidays"),
        exceptions: root.join("tests/oracle_exceptions.csv"),
        year: None,
    };
    let mut args = args;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--oracle-dir" => out.oracle_dir = PathBuf::from(value()?),
            "--exceptions" => out.exceptions = PathBuf::from(value()?),
            "--year" => {
                let v = value()?;
                out.year = Some(v.parse().map_err(|_| format!("bad year {v:?}"))?);
            }
            "--help" | "-h" => return Err(String::new()),
            _ => return Err(format!("unknown argument {arg:?}")),
        }
    }
    Ok(out)
}

/// An oracle CSV (`date,name...`): date -> name, 2020-2030.
fn read_csv(path: &Path) -> Result<BTreeMap<NaiveDate, String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let (date, name) = line.split_once(',').unwrap_or((line, ""));
        let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
            .map_err(|e| format!("{} line {}: {e}", path.display(), n + 1))?;
        if (YEARS.0..=YEARS.1).contains(&date.year()) {
            out.insert(date, name.trim().trim_matches('"').to_owned());
        }
    }
    Ok(out)
}

/// The explained differences: (calendar, date, kind).
fn read_exceptions(path: &Path) -> Result<BTreeSet<(String, NaiveDate, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BTreeSet::new();
    for line in text.lines().skip(1) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut f = line.splitn(4, ',');
        let (Some(cal), Some(date), Some(kind)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        if let Ok(date) = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d") {
            out.insert((cal.trim().to_owned(), date, kind.trim().to_owned()));
        }
    }
    Ok(out)
}

/// One difference.
struct Difference {
    date: NaiveDate,
    kind: &'static str,
    detail: String,
}

/// Every difference of one calendar, and the years the oracle has decreed.
fn compare(
    code: &str,
    cal: &BusinessCalendar,
    dir: &Path,
) -> Result<(Vec<Difference>, BTreeSet<i32>), String> {
    let mut theirs = read_csv(&dir.join(format!("holidays_{code}.csv")))?;
    let mut decreed: BTreeSet<i32> = (YEARS.0..=YEARS.1)
        .filter(|y| {
            let mut rows = theirs.iter().filter(|(d, _)| d.year() == *y).peekable();
            rows.peek().is_some() && rows.all(|(_, n)| !n.contains("estimated"))
        })
        .collect();
    let mut out = Vec::new();
    let ours: BTreeMap<NaiveDate, String> = cal
        .holidays()
        .iter()
        .map(|h| (h.date, h.name.clone()))
        .collect();
    if code == "ID" {
        let cuti = read_csv(&dir.join("cuti_bersama_ID.csv"))?;
        // The oracle lists cuti bersama for decreed years only.
        decreed.extend(cuti.keys().map(Datelike::year));
        for (date, name) in &cuti {
            if let Some(h) = cal.holiday(*date) {
                let oracle_cuti = !theirs.contains_key(date);
                if (h.kind == HolidayKind::CollectiveLeave) != oracle_cuti {
                    out.push(Difference {
                        date: *date,
                        kind: "kind_mismatch",
                        detail: format!("ours: {} ({:?}); oracle: {name}", h.name, h.kind),
                    });
                }
            }
        }
        for (date, name) in cuti {
            theirs.entry(date).or_insert(name);
        }
    }
    for (date, name) in &theirs {
        if !ours.contains_key(date) {
            out.push(Difference {
                date: *date,
                kind: "holiday_missing",
                detail: format!("oracle: {name}"),
            });
        }
    }
    for (date, name) in &ours {
        if !theirs.contains_key(date) {
            out.push(Difference {
                date: *date,
                kind: "holiday_extra",
                detail: format!("ours: {name}"),
            });
        }
    }
    if code == "CN" {
        let work = read_csv(&dir.join("workdays_CN.csv"))?;
        // Official make-up schedules only: a year with rows is decreed.
        decreed.retain(|y| work.keys().any(|d| d.year() == *y));
        let our_work: BTreeSet<NaiveDate> = cal.working_days().iter().map(|w| w.date).collect();
        for date in work.keys().filter(|d| !our_work.contains(d)) {
            out.push(Difference {
                date: *date,
                kind: "workday_missing",
                detail: "oracle: make-up working day".to_owned(),
            });
        }
        for date in our_work.iter().filter(|d| !work.contains_key(d)) {
            out.push(Difference {
                date: *date,
                kind: "workday_extra",
                detail: "ours: make-up working day".to_owned(),
            });
        }
    }
    out.sort_by(|a, b| (a.date, a.kind).cmp(&(b.date, b.kind)));
    Ok((out, decreed))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("holiday_check: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("holiday_check: {e}");
            ExitCode::from(2)
        }
    }
}

/// Prints the report; `Ok(true)` when nothing needs doing.
fn run(args: &Args) -> Result<bool, String> {
    let exceptions = read_exceptions(&args.exceptions)?;
    println!(
        "built-in calendars vs the oracle in {}",
        args.oracle_dir.display()
    );
    let (mut unexplained, mut to_decree, mut total) = (0, 0, 0);
    for code in BusinessCalendar::builtin_codes() {
        if !args
            .oracle_dir
            .join(format!("holidays_{code}.csv"))
            .is_file()
        {
            println!("{code}: no oracle file holidays_{code}.csv, not compared");
            continue;
        }
        let cal = BusinessCalendar::builtin_code(code).map_err(|e| e.to_string())?;
        let (diffs, decreed) = compare(code, &cal, &args.oracle_dir)?;
        let country = code.split('-').next().unwrap_or(code);
        println!("{code} (edition {}):", cal.edition().stamp());
        for year in YEARS.0..=YEARS.1 {
            if args.year.is_some_and(|y| y != year) {
                continue;
            }
            let ours = if cal.is_estimated_year(year) {
                "estimated"
            } else {
                "official"
            };
            let theirs = if decreed.contains(&year) {
                "decreed"
            } else {
                "estimated"
            };
            let in_year: Vec<&Difference> =
                diffs.iter().filter(|d| d.date.year() == year).collect();
            let decree_news = ours == "estimated" && theirs == "decreed";
            if in_year.is_empty() && !decree_news {
                continue;
            }
            println!("  {year} (ours {ours}, oracle {theirs}):");
            if decree_news {
                to_decree += 1;
                println!(
                    "    year_decreed     the oracle has the {year} decree: update the data and mark the year official"
                );
            }
            for d in in_year {
                total += 1;
                let key = |c: &str| (c.to_owned(), d.date, d.kind.to_owned());
                let known = exceptions.contains(&key(code)) || exceptions.contains(&key(country));
                if !known {
                    unexplained += 1;
                }
                println!(
                    "    {:<16} {} {}  {}{}",
                    d.kind,
                    d.date,
                    d.date.weekday(),
                    d.detail,
                    if known { "  [explained]" } else { "  [NEW]" }
                );
            }
        }
    }
    println!(
        "{total} differences, {unexplained} not explained in {}, {to_decree} years decreed in the oracle and estimated here",
        args.exceptions.display()
    );
    Ok(unexplained == 0 && to_decree == 0)
}
