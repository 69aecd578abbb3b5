//! Redact secrets in support messages and warn about scams, from the
//! command line.
//!
//! ```sh
//! # One message per line on stdin, one JSON object per line on stdout.
//! echo "kode OTP nya 482913, ada yang minta ngaku dari CS" | cargo run --release --example redact
//!
//! # Also hide phone numbers, e-mail addresses and bank accounts.
//! cargo run --release --example redact -- --also phone,email,bank_account < messages.txt
//!
//! # Your wallet's own domains (links elsewhere are flagged).
//! cargo run --release --example redact -- --allow mywallet.co.id,mywallet.com < messages.txt
//! ```
//!
//! Each output line is `{"redacted": ..., "findings": [...], "warnings":
//! [...]}`; each warning carries its `code`, the link's `domain` when it has
//! one, and its `advice` in `en`, `id-ID` and `zh-CN`. Input is read as
//! bytes: a line that is not UTF-8 gets `{"line": N, "error": ...}` (never
//! quoting the line) and the run goes on.
//!
//! The logic is in [`run`], which the integration tests call with in-memory
//! input and output.

use std::io::{BufRead, Write};

use walletcare::locale::{Locale, Render};
use walletcare::redact::{RedactPolicy, ScamConfig, redact, warnings};

/// The usage line, printed by `--help`.
pub(crate) const USAGE: &str =
    "usage: redact [--also phone,email,bank_account] [--allow DOMAIN,...] < messages";

/// Runs the command line `args` (without the program name): reads messages
/// from `input`, writes one JSON object per line to `out` and notes to
/// `log`.
///
/// # Errors
///
/// Unknown arguments or kinds, a malformed domain, or a failed read or
/// write. A line that is not UTF-8 is not an error: it gets an error object.
pub(crate) fn run(
    args: &[String],
    mut input: impl BufRead,
    mut out: impl Write,
    mut log: impl Write,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut policy = RedactPolicy::default();
    let mut config = ScamConfig::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--help" | "-h" => {
                writeln!(out, "{USAGE}")?;
                return Ok(());
            }
            "--also" => {
                let list = rest
                    .next()
                    .ok_or(format!("--also needs a value\n{USAGE}"))?;
                policy = policy.also(list)?;
            }
            "--allow" => {
                let list = rest
                    .next()
                    .ok_or(format!("--allow needs a value\n{USAGE}"))?;
                config = ScamConfig::new(
                    list.split(',')
                        .filter(|d| !d.trim().is_empty())
                        .map(str::to_owned)
                        .collect(),
                )?;
            }
            _ => return Err(format!("unknown argument {arg:?}\n{USAGE}").into()),
        }
    }
    let mut line = Vec::new();
    let mut number = 0usize;
    let mut bad = 0usize;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        let value = match std::str::from_utf8(&line) {
            Ok(text) => {
                let redaction = redact(text, &policy);
                let warnings: Vec<serde_json::Value> = warnings(text, &config)
                    .into_iter()
                    .map(|w| {
                        let mut v = serde_json::to_value(&w).unwrap_or_default();
                        let advice: serde_json::Map<String, serde_json::Value> = Locale::ALL
                            .into_iter()
                            .map(|l| (l.as_str().to_owned(), w.render(l).into()))
                            .collect();
                        if let Some(map) = v.as_object_mut() {
                            map.insert("advice".to_owned(), advice.into());
                        }
                        v
                    })
                    .collect();
                serde_json::json!({
                    "redacted": redaction.redacted,
                    "findings": redaction.findings,
                    "warnings": warnings,
                })
            }
            Err(e) => {
                bad += 1;
                serde_json::json!({
                    "line": number,
                    "error": format!("line {number} is not valid UTF-8 (byte {})", e.valid_up_to()),
                })
            }
        };
        serde_json::to_writer(&mut out, &value)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    if bad > 0 {
        writeln!(log, "{bad} of {number} lines were not valid UTF-8")?;
    }
    Ok(())
}

#[allow(
    dead_code,
    reason = "the integration tests include this file for `run`"
)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let out = std::io::BufWriter::new(stdout.lock());
    run(&args, std::io::stdin().lock(), out, std::io::stderr())
}
