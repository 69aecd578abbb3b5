//! Integration tests: Erlang C and Erlang A figures against independent
//! implementations (`tests/data/erlang_reference.csv`, written by
//! `scripts/erlang_reference.py` from the pyworkforce and call-center-tools
//! packages for Erlang C and from a truncated birth-death chain for Erlang
//! A; see the script), staffing minimality, and the bounds on inputs.

// Test helpers fail loudly on impossible inputs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashMap;

use proptest::prelude::*;
use walletcare::error::{ErrorCode, HasErrorCode};
use walletcare::queue::{QueueModel, ServiceTarget, Workload, agents_for_target};

const REFERENCE: &str = include_str!("../data/erlang_reference.csv");

struct Case {
    model: String,
    arrivals_per_hour: f64,
    handle_seconds: f64,
    agents: u32,
    patience_seconds: Option<f64>,
    target_seconds: f64,
    wait_probability: f64,
    average_wait_seconds: f64,
    service_level: f64,
    abandon_probability: Option<f64>,
    target_fraction: f64,
    agents_for_target: u32,
    sl_below: Option<f64>,
}

fn cases() -> Vec<Case> {
    let mut lines = REFERENCE.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let fields: HashMap<&str, &str> = header.iter().copied().zip(line.split(',')).collect();
            let num = |k: &str| fields[k].parse::<f64>().unwrap();
            let opt = |k: &str| (!fields[k].is_empty()).then(|| num(k));
            Case {
                model: fields["model"].to_owned(),
                arrivals_per_hour: num("arrivals_per_hour"),
                handle_seconds: num("handle_seconds"),
                agents: fields["agents"].parse().unwrap(),
                patience_seconds: opt("patience_seconds"),
                target_seconds: num("target_seconds"),
                wait_probability: num("wait_probability"),
                average_wait_seconds: num("average_wait_seconds"),
                service_level: num("service_level"),
                abandon_probability: opt("abandon_probability"),
                target_fraction: num("target_fraction"),
                agents_for_target: fields["agents_for_target"].parse().unwrap(),
                sl_below: opt("sl_below"),
            }
        })
        .collect()
}

#[test]
fn erlang_c_matches_pyworkforce_on_every_reference_case() {
    let cases: Vec<Case> = cases()
        .into_iter()
        .filter(|c| c.model == "erlang_c")
        .collect();
    assert!(cases.len() >= 50, "only {} Erlang C cases", cases.len());
    let mut worst = (0.0_f64, 0.0_f64, 0.0_f64);
    for c in &cases {
        let w = Workload::new(c.arrivals_per_hour, c.handle_seconds, c.agents, None).unwrap();
        let m = w.metrics(Some(c.target_seconds)).unwrap();
        assert_eq!(m.model, QueueModel::ErlangC);
        let what = format!(
            "{}/h, {} s, {} agents, {} s",
            c.arrivals_per_hour, c.handle_seconds, c.agents, c.target_seconds
        );
        let dp = (m.wait_probability - c.wait_probability).abs();
        let dw = (m.average_wait_seconds.unwrap() - c.average_wait_seconds).abs();
        let ds = (m.service_level.unwrap() - c.service_level).abs();
        assert!(dp <= 1e-6, "{what}: wait probability off by {dp}");
        assert!(dw <= 0.01, "{what}: average wait off by {dw} s");
        assert!(ds <= 1e-6, "{what}: service level off by {ds}");
        worst = (worst.0.max(dp), worst.1.max(dw), worst.2.max(ds));
    }
    println!(
        "Erlang C, {} cases: max |Δ wait probability| {:.2e}, max |Δ average wait| {:.2e} s, max |Δ service level| {:.2e}",
        cases.len(),
        worst.0,
        worst.1,
        worst.2
    );
}

#[test]
fn erlang_a_matches_the_birth_death_chain() {
    let cases: Vec<Case> = cases()
        .into_iter()
        .filter(|c| c.model == "erlang_a")
        .collect();
    assert!(cases.len() >= 10, "only {} Erlang A cases", cases.len());
    for c in &cases {
        let w = Workload::new(
            c.arrivals_per_hour,
            c.handle_seconds,
            c.agents,
            c.patience_seconds,
        )
        .unwrap();
        let m = w.metrics(Some(c.target_seconds)).unwrap();
        assert_eq!(m.model, QueueModel::ErlangA);
        let what = format!(
            "{}/h, {} s, {} agents, patience {:?} s, {} s",
            c.arrivals_per_hour, c.handle_seconds, c.agents, c.patience_seconds, c.target_seconds
        );
        let dp = (m.wait_probability - c.wait_probability).abs();
        let dw = (m.average_wait_seconds.unwrap() - c.average_wait_seconds).abs();
        let ds = (m.service_level.unwrap() - c.service_level).abs();
        let da = (m.abandon_probability.unwrap() - c.abandon_probability.unwrap()).abs();
        assert!(dp <= 1e-6, "{what}: wait probability off by {dp}");
        assert!(dw <= 0.01, "{what}: average wait off by {dw} s");
        assert!(ds <= 1e-6, "{what}: service level off by {ds}");
        assert!(da <= 1e-6, "{what}: abandonment off by {da}");
    }
}

#[test]
fn agents_for_target_is_minimal_by_the_reference() {
    for c in cases() {
        let target = ServiceTarget::new(c.target_fraction, c.target_seconds).unwrap();
        let n = agents_for_target(
            c.arrivals_per_hour,
            c.handle_seconds,
            c.patience_seconds,
            target,
        )
        .unwrap();
        assert_eq!(
            n, c.agents_for_target,
            "{} {}/h {} s patience {:?}",
            c.model, c.arrivals_per_hour, c.handle_seconds, c.patience_seconds
        );
        // The reference itself says one agent fewer misses the target.
        if let Some(below) = c.sl_below {
            assert!(below < c.target_fraction);
        }
        // And so do we.
        if n > 1 {
            let m = Workload::new(
                c.arrivals_per_hour,
                c.handle_seconds,
                n - 1,
                c.patience_seconds,
            )
            .unwrap()
            .metrics(Some(c.target_seconds))
            .unwrap();
            assert!(m.service_level.unwrap() < c.target_fraction);
        }
    }
}

#[test]
fn non_finite_and_negative_inputs_are_typed_errors() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, -1e-9] {
        for err in [
            Workload::new(bad, 180.0, 5, None).unwrap_err(),
            Workload::new(100.0, bad, 5, None).unwrap_err(),
            Workload::new(100.0, 180.0, 5, Some(bad)).unwrap_err(),
            ServiceTarget::new(0.8, bad).unwrap_err(),
        ] {
            assert_eq!(err.code(), ErrorCode::QueueInvalidInput, "{err}");
        }
    }
}

proptest! {
    #[test]
    fn figures_are_probabilities_and_never_nan(
        rate in 0.0f64..50_000.0,
        handle in 1.0f64..3_600.0,
        agents in 1u32..2_000,
        patience in proptest::option::of(1.0f64..1_800.0),
        target in 0.0f64..600.0,
    ) {
        if let Ok(w) = Workload::new(rate, handle, agents, patience) {
            let m = w.metrics(Some(target)).unwrap();
            for p in [Some(m.wait_probability), m.service_level, m.abandon_probability].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&p), "{p}");
            }
            if let Some(s) = m.average_wait_seconds {
                prop_assert!(s.is_finite() && s >= 0.0);
            }
        }
    }
}

#[path = "../../examples/queue.rs"]
mod queue_example;

fn run_example(args: &[&str]) -> Result<serde_json::Value, String> {
    let args: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
    let mut out = Vec::new();
    queue_example::run(&args, &mut out).map_err(|e| e.to_string())?;
    serde_json::from_slice(&out).map_err(|e| e.to_string())
}

#[test]
fn the_queue_example_prints_the_four_figures() {
    let json = run_example(&[
        "--arrivals-per-hour",
        "100",
        "--handle-seconds",
        "180",
        "--agents",
        "7",
        "--target-seconds",
        "20",
    ])
    .unwrap();
    let m = Workload::new(100.0, 180.0, 7, None)
        .unwrap()
        .metrics(Some(20.0))
        .unwrap();
    assert_eq!(json["wait_probability"].as_f64(), Some(m.wait_probability));
    assert_eq!(
        json["average_wait_seconds"].as_f64(),
        m.average_wait_seconds
    );
    assert_eq!(json["service_level"].as_f64(), m.service_level);
    // 7 agents answer 74 % within 20 s (pyworkforce agrees, see the CSV).
    assert_eq!(json["agents_for_target"], 8);
    let with_patience = run_example(&[
        "--arrivals-per-hour",
        "120",
        "--handle-seconds",
        "180",
        "--agents",
        "5",
        "--patience-seconds",
        "60",
    ])
    .unwrap();
    assert_eq!(with_patience["model"], "erlang_a");
    assert!(with_patience["abandon_probability"].as_f64().unwrap() > 0.0);
    let err = run_example(&[
        "--arrivals-per-hour",
        "NaN",
        "--handle-seconds",
        "180",
        "--agents",
        "5",
    ])
    .unwrap_err();
    assert!(err.contains("finite"), "{err}");
    assert!(
        run_example(&["--agents", "5"])
            .unwrap_err()
            .contains("required")
    );
}
