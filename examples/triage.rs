//! Triage support messages from the command line.
//!
//! ```sh
//! # One message per line on stdin, one JSON object per line on stdout.
//! echo "saldo kepotong tapi gagal, tolong cepat" | cargo run --release --example triage
//!
//! # Train a category model on your own `text,label` CSV and use it.
//! cargo run --release --example triage -- --train history.csv --out model.bin
//! cargo run --release --example triage -- --model model.bin < messages.txt
//!
//! # Cross-validated accuracy of the built-in model, overall and per language.
//! cargo run --release --example triage -- --cv
//! ```
//!
//! With `--model`, the model's labels must be category names
//! (`account_access`, `refund`, ...). Without it, the built-in model is used
//! (shipped prepared and decoded on first use; the time it took is printed
//! on stderr). `--train` uses `TrainConfig::default()`.
//!
//! The logic is in [`run`], which the integration tests call with in-memory
//! input and output.

use std::io::{BufRead, Write};
use std::time::Instant;

use walletcare::triage::{
    Channel, Model, TrainConfig, Triager, builtin_cross_validation, train_csv,
};

/// The usage line, printed by `--help`.
pub(crate) const USAGE: &str = "usage: triage [--model FILE] [--channel app|chat|email|phone|social_media|web] < messages\n       \
     triage --train CSV --out FILE\n       triage --cv";

/// Runs the command line `args` (without the program name): reads messages
/// from `input`, writes results to `out` and progress notes to `log`.
///
/// # Errors
///
/// Unknown arguments, unreadable files, a malformed CSV or model, or a
/// failed write.
pub(crate) fn run(
    args: &[String],
    input: impl BufRead,
    mut out: impl Write,
    mut log: impl Write,
) -> Result<(), Box<dyn std::error::Error>> {
    const FLAGS: [&str; 3] = ["--help", "-h", "--cv"];
    const OPTIONS: [&str; 4] = ["--model", "--channel", "--train", "--out"];
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if OPTIONS.contains(&arg.as_str()) {
            rest.next()
                .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))?;
        } else if !FLAGS.contains(&arg.as_str()) {
            return Err(format!("unknown argument {arg:?}\n{USAGE}").into());
        }
    }
    let value = |name: &str| -> Option<&str> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
    };
    let flag = |name: &str| args.iter().any(|a| a == name);

    if flag("--help") || flag("-h") {
        writeln!(out, "{USAGE}")?;
        return Ok(());
    }

    if flag("--cv") {
        let start = Instant::now();
        let report = builtin_cross_validation(5)?;
        writeln!(
            out,
            "built-in model, stratified {}-fold cross-validation over {} examples ({:.1} s):",
            report.folds,
            report.examples,
            start.elapsed().as_secs_f64()
        )?;
        writeln!(
            out,
            "  overall accuracy {:.2}%, macro-F1 {:.2}%",
            report.accuracy * 100.0,
            report.macro_f1 * 100.0
        )?;
        for (language, n, accuracy) in &report.by_language {
            writeln!(out, "  {language}: {:.2}% of {n}", accuracy * 100.0)?;
        }
        return Ok(());
    }

    if let Some(csv_path) = value("--train") {
        let path = value("--out").ok_or("--train needs --out FILE")?;
        let csv = std::fs::read_to_string(csv_path)?;
        let start = Instant::now();
        let model = train_csv(&csv, &TrainConfig::default())?;
        let bytes = model.to_bytes();
        std::fs::write(path, &bytes)?;
        writeln!(
            log,
            "trained {} labels, {} features in {:.2} s; wrote {} bytes to {path}",
            model.labels().len(),
            model.feature_count(),
            start.elapsed().as_secs_f64(),
            bytes.len()
        )?;
        return Ok(());
    }
    if value("--out").is_some() {
        return Err(format!("--out goes with --train\n{USAGE}").into());
    }

    let channel: Option<Channel> = value("--channel").map(str::parse).transpose()?;
    let owned;
    let triager: &Triager = match value("--model") {
        Some(path) => {
            let model = Model::from_bytes(&std::fs::read(path)?)?;
            owned = Triager::new(model)?;
            &owned
        }
        None => {
            let start = Instant::now();
            let builtin = Triager::builtin().ok_or("the prepared built-in model is broken")?;
            writeln!(
                log,
                "built-in model ready in {:.3} ms (prepared, decoded on first use)",
                start.elapsed().as_secs_f64() * 1e3
            )?;
            builtin
        }
    };

    for line in input.lines() {
        let line = line?;
        let triage = triager.triage(&line, channel);
        serde_json::to_writer(&mut out, &triage)?;
        out.write_all(b"\n")?;
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
    let out = std::io::BufWriter::new(stdout.lock());
    run(&args, std::io::stdin().lock(), out, std::io::stderr())
}
