//! Runs the shared vectors' scripts (`tests/vectors/scripts/*.json`)
//! through `walletcare_api::call`, with the runner semantics of
//! `tests/vectors/README.md`: one current state per script, commands
//! (`"state": true`) run on it, `"set_state": true` replaces it, `expect`
//! is a JSON subset and `expect_error` a code that leaves the state as it
//! was.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use serde_json::{Value, json};

fn scripts_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/scripts")
}

/// Whether `actual` holds `expected`: objects by the keys of `expected`,
/// arrays item by item with the same length, scalars equal.
fn matches(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                let Some(found) = a.get(key) else {
                    return Err(format!("{path}.{key} is missing"));
                };
                matches(value, found, &format!("{path}.{key}"))?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!(
                    "{path} has {} items, expected {}",
                    a.len(),
                    e.len()
                ));
            }
            for (i, (x, y)) in e.iter().zip(a).enumerate() {
                matches(x, y, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => Ok(()),
        _ if expected == actual => Ok(()),
        _ => Err(format!("{path} is {actual}, expected {expected}")),
    }
}

fn run_script(script: &Value) -> Result<Vec<String>, String> {
    let name = script["name"].as_str().unwrap_or("?");
    let mut state = Value::Null;
    let mut codes = Vec::new();
    for (i, step) in script["steps"].as_array().unwrap().iter().enumerate() {
        let op = step["op"].as_str().unwrap();
        let mut input = step.get("input").cloned().unwrap_or_else(|| json!({}));
        let command = step.get("state") == Some(&Value::Bool(true));
        if command {
            input
                .as_object_mut()
                .unwrap()
                .insert("state".into(), state.clone());
        }
        let at = format!("{name}: step {i} ({op})");
        let result = walletcare_api::call(op, &input.to_string());
        match (result, step.get("expect_error")) {
            (Ok(out), Some(code)) => return Err(format!("{at}: expected {code}, got {out}")),
            (Err(err), None) => {
                return Err(format!("{at}: failed with {}: {}", err.code, err.message));
            }
            (Err(err), Some(code)) => {
                if code.as_str() != Some(err.code.as_str()) {
                    return Err(format!(
                        "{at}: expected {code}, got {}: {}",
                        err.code, err.message
                    ));
                }
                for word in ["`", "unknown variant", "expected struct", "invalid type"] {
                    if err.message.contains(word) {
                        return Err(format!("{at}: serde wording in {:?}", err.message));
                    }
                }
                if let Some(text) = step.get("expect_message_contains").and_then(Value::as_str) {
                    if !err.message.contains(text) {
                        return Err(format!("{at}: {:?} does not contain {text:?}", err.message));
                    }
                }
                codes.push(err.code.as_str().to_owned());
            }
            (Ok(out), None) => {
                let out: Value = serde_json::from_str(&out).unwrap();
                let output = if command {
                    state = out["state"].clone();
                    out["output"].clone()
                } else {
                    if step.get("set_state") == Some(&Value::Bool(true)) {
                        state = out.clone();
                    }
                    out
                };
                if let Some(expect) = step.get("expect") {
                    matches(expect, &output, "output").map_err(|e| format!("{at}: {e}"))?;
                }
            }
        }
    }
    Ok(codes)
}

#[test]
fn every_script_runs_as_written() {
    let mut failures = Vec::new();
    let mut count = 0;
    let mut files: Vec<_> = std::fs::read_dir(scripts_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for path in files {
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(file["schema"], 1, "{}", path.display());
        for script in file["scripts"].as_array().unwrap() {
            count += 1;
            if let Err(e) = run_script(script) {
                failures.push(format!("{}: {e}", path.display()));
            }
        }
    }
    assert!(count > 0, "no scripts found");
    assert!(
        failures.is_empty(),
        "{} of {count} scripts failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The error codes the refund, ticket and triage scripts cover: every
/// code of those modules, and the general and other codes their inputs
/// raise.
#[test]
fn the_refund_ticket_and_triage_scripts_cover_their_codes() {
    let mut seen = std::collections::BTreeSet::new();
    for domain in ["refund", "ticket", "triage"] {
        let path = scripts_dir().join(format!("{domain}.json"));
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for script in file["scripts"].as_array().unwrap() {
            seen.extend(run_script(script).unwrap_or_default());
        }
    }
    let mut missing = Vec::new();
    for code in walletcare_core::error::ErrorCode::ALL {
        let name = code.as_str();
        let mine = ["refund.", "ticket.", "triage."]
            .iter()
            .any(|p| name.starts_with(p));
        let raised = [
            "general.invalid_json",
            "general.input_too_large",
            "general.invalid_argument",
            "general.unknown_value",
            "general.date_out_of_range",
            "money.non_positive_amount",
            "calendar.not_covered",
            "calendar.unknown_calendar",
        ]
        .contains(&name);
        if (mine || raised) && !seen.contains(name) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "no script step expects {missing:?}");
}
