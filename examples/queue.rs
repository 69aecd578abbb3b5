//! Wait times and staffing of one live channel (Erlang C, or Erlang A with
//! a patience).
//!
//! ```sh
//! cargo run --example queue -- --arrivals-per-hour 100 --handle-seconds 180 --agents 7 --target-seconds 20
//! cargo run --example queue -- --arrivals-per-hour 600 --handle-seconds 420 --agents 70 \
//!     --target-seconds 20 --patience-seconds 120 --target-fraction 0.9
//! ```
//!
//! Prints one JSON object: `model`, `offered_load`, `occupancy`, `stable`,
//! `wait_probability`, `average_wait_seconds` (`null` when the queue grows
//! without end), `abandon_probability` (Erlang A), `service_level` (the share
//! answered within `--target-seconds`, default 20), `target_fraction`
//! (default 0.8) and `agents_for_target` (the smallest number of agents that
//! answers that share within the target time).
//!
//! The logic is in [`run`], which the integration tests call.

use std::io::Write;

use walletcare::queue::{ServiceTarget, Workload, agents_for_target};

/// The usage line.
pub(crate) const USAGE: &str = "usage: queue --arrivals-per-hour N --handle-seconds S --agents A \
     [--target-seconds T] [--patience-seconds P] [--target-fraction F]";

/// Runs the command line `args` (without the program name), writing the
/// JSON object to `out`.
///
/// # Errors
///
/// A missing or unknown argument, a number that does not parse, or a
/// [`walletcare::queue::QueueError`] for values out of range.
pub(crate) fn run(args: &[String], mut out: impl Write) -> Result<(), Box<dyn std::error::Error>> {
    const OPTIONS: [&str; 6] = [
        "--arrivals-per-hour",
        "--handle-seconds",
        "--agents",
        "--target-seconds",
        "--patience-seconds",
        "--target-fraction",
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
    let number = |name: &str| -> Result<Option<f64>, String> {
        values
            .get(name)
            .map(|v| {
                v.parse::<f64>()
                    .map_err(|_| format!("{name} {v:?} is not a number"))
            })
            .transpose()
    };
    let required = |name: &str| -> Result<f64, String> {
        number(name)?.ok_or_else(|| format!("{name} is required\n{USAGE}"))
    };
    let arrivals = required("--arrivals-per-hour")?;
    let handle = required("--handle-seconds")?;
    let agents_text = values
        .get("--agents")
        .ok_or_else(|| format!("--agents is required\n{USAGE}"))?;
    let agents: u32 = agents_text
        .parse()
        .map_err(|_| format!("--agents {agents_text:?} is not a whole number"))?;
    let target_seconds = number("--target-seconds")?.unwrap_or(20.0);
    let patience = number("--patience-seconds")?;
    let fraction = number("--target-fraction")?.unwrap_or(0.8);

    let workload = Workload::new(arrivals, handle, agents, patience)?;
    let metrics = workload.metrics(Some(target_seconds))?;
    let target = ServiceTarget::new(fraction, target_seconds)?;
    let needed = agents_for_target(arrivals, handle, patience, target)?;
    let json = serde_json::json!({
        "model": metrics.model,
        "arrivals_per_hour": arrivals,
        "handle_seconds": handle,
        "agents": agents,
        "patience_seconds": patience,
        "offered_load": metrics.offered_load,
        "occupancy": metrics.occupancy,
        "stable": metrics.stable,
        "wait_probability": metrics.wait_probability,
        "average_wait_seconds": metrics.average_wait_seconds,
        "abandon_probability": metrics.abandon_probability,
        "target_seconds": target_seconds,
        "service_level": metrics.service_level,
        "target_fraction": fraction,
        "agents_for_target": needed,
    });
    writeln!(out, "{json}")?;
    Ok(())
}

#[allow(
    dead_code,
    reason = "the integration tests include this file for `run`"
)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    run(&args, std::io::stdout().lock())
}
