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
//! # A model trained on a company's own labels, with its label map.
//! cargo run --release --example triage -- --model model.bin --labels labels.json < messages.txt
//!
//! # Cross-validated accuracy of the built-in model, overall and per language.
//! cargo run --release --example triage -- --cv
//! ```
//!
//! With `--model` alone, a model whose labels are category names
//! (`account_access`, `refund`, ...) gives the full triage; a model with a
//! company's own labels gives `{"label", "confidence"}` per line, and the
//! full triage (label and category, priority, needed information, answer)
//! once `--labels` gives its label map (JSON, documented in
//! `walletcare::triage::LabelMap`). Without `--model`, the built-in model is
//! used (shipped prepared and decoded on first use; the time it took is
//! printed on stderr). `--train` uses
//! `TrainConfig::default()`.
//!
//! Input is read as bytes, one message per line (LF or CRLF). A line that
//! is not valid UTF-8 gets `{"line": N, "error": {"code": "invalid_utf8",
//! "message": ...}}` on its own output line and the run goes on; only the
//! first 64 KiB of a line are kept (triage reads the first 4 KiB).
//!
//! The logic is in [`run`], which the integration tests call with in-memory
//! input and output.

use std::io::{BufRead, Write};
use std::time::Instant;

use walletcare::triage::{
    Channel, LabelMap, MAX_INPUT_BYTES, Model, TrainConfig, Triager, builtin_cross_validation,
    train_csv,
};

/// The usage line, printed by `--help`.
pub(crate) const USAGE: &str = "usage: triage [--model FILE [--labels MAP.json]] [--channel app|chat|email|phone|social_media|web] < messages\n       \
     triage --train CSV --out FILE\n       triage --cv";

/// The most bytes of one input line kept; the rest of the line is skipped.
const MAX_LINE_BYTES: usize = 16 * MAX_INPUT_BYTES;

/// Reads the next line (without its LF or CRLF) into `line`, keeping at
/// most [`MAX_LINE_BYTES`]; `Ok(false)` at the end of the input.
fn next_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<bool> {
    line.clear();
    let mut any = false;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (buf.get(..i).unwrap_or_default(), Some(i + 1)),
            None => (buf, None),
        };
        let room = MAX_LINE_BYTES.saturating_sub(line.len());
        line.extend_from_slice(chunk.get(..room.min(chunk.len())).unwrap_or_default());
        let used = done.unwrap_or(buf.len());
        input.consume(used);
        if done.is_some() {
            break;
        }
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(any)
}

/// The text of a line, or a message saying why it is not text. A line cut
/// at [`MAX_LINE_BYTES`] in the middle of a character keeps the characters
/// before it.
fn line_text(line: &[u8]) -> Result<&str, String> {
    match std::str::from_utf8(line) {
        Ok(text) => Ok(text),
        Err(e) if e.error_len().is_none() && line.len() >= MAX_LINE_BYTES => Ok(
            std::str::from_utf8(line.get(..e.valid_up_to()).unwrap_or_default())
                .unwrap_or_default(),
        ),
        Err(e) => Err(format!(
            "not valid UTF-8 (byte {} of the line); the line was skipped",
            e.valid_up_to() + 1
        )),
    }
}

/// What the lines are run through.
enum Mode<'a> {
    /// Full triage.
    Triage(&'a Triager),
    /// A model whose labels are not categories, without a label map: the
    /// label and its confidence.
    Classify(Model),
}

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
    const OPTIONS: [&str; 5] = ["--model", "--channel", "--train", "--out", "--labels"];
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
    let mode = match (value("--model"), value("--labels")) {
        (Some(path), labels) => {
            let model = Model::from_bytes(&std::fs::read(path)?)?;
            match labels {
                Some(map_path) => {
                    let map = LabelMap::from_json(&std::fs::read_to_string(map_path)?)?;
                    owned = Triager::with_labels(model, &map)?;
                    Mode::Triage(&owned)
                }
                None => match Triager::new(model.clone()) {
                    Ok(triager) => {
                        owned = triager;
                        Mode::Triage(&owned)
                    }
                    Err(_) => {
                        writeln!(
                            log,
                            "the model's labels are not categories: printing each line's label and confidence (give --labels MAP.json for the full triage)"
                        )?;
                        Mode::Classify(model)
                    }
                },
            }
        }
        (None, Some(_)) => return Err(format!("--labels goes with --model\n{USAGE}").into()),
        (None, None) => {
            let start = Instant::now();
            let builtin = Triager::builtin().ok_or("the prepared built-in model is broken")?;
            writeln!(
                log,
                "built-in model ready in {:.3} ms (prepared, decoded on first use)",
                start.elapsed().as_secs_f64() * 1e3
            )?;
            Mode::Triage(builtin)
        }
    };

    let mut input = input;
    let mut line = Vec::new();
    let mut number = 0usize;
    while next_line(&mut input, &mut line)? {
        number += 1;
        match (line_text(&line), &mode) {
            (Ok(text), Mode::Triage(triager)) => {
                serde_json::to_writer(&mut out, &triager.triage(text, channel))?;
            }
            (Ok(text), Mode::Classify(model)) => {
                let prediction = model.predict(walletcare::triage::cap_input(text).0);
                let best = prediction.ranked.first();
                let json = serde_json::json!({
                    "label": best.map(|b| b.label),
                    "confidence": if prediction.known_features == 0 {
                        0.0
                    } else {
                        best.map_or(0.0, |b| (b.probability * 1e4).round() / 1e4)
                    },
                });
                serde_json::to_writer(&mut out, &json)?;
            }
            (Err(message), _) => {
                let json = serde_json::json!({
                    "line": number,
                    "error": {"code": "invalid_utf8", "message": message},
                });
                serde_json::to_writer(&mut out, &json)?;
            }
        }
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
