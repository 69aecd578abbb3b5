//! The shared vectors' scripts (`tests/vectors/scripts/*.json`) run through
//! the operation layer, as the C runner (`bindings/c/tests/test_vectors.c`)
//! and the npm package's suite run them through `wc_call` and `call`. The
//! format is in `tests/vectors/README.md`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{Map, Value, json};
use walletcare::error::ErrorCode;

/// The script files, sorted by name.
fn script_files() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/scripts");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let value: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()));
            assert_eq!(value["schema"], 1, "{}: schema", path.display());
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                value,
            )
        })
        .collect()
}

/// Whether `actual` has everything `expect` says: objects by key (extra keys
/// in `actual` allowed), arrays element by element with the same length,
/// everything else equal.
pub(crate) fn subset(expect: &Value, actual: &Value) -> bool {
    match (expect, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(key, value)| a.get(key).is_some_and(|found| subset(value, found))),
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(x, y)| subset(x, y))
        }
        (Value::Number(e), Value::Number(a)) => match (e.as_i64(), a.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => e.as_f64() == a.as_f64(),
        },
        _ => expect == actual,
    }
}

/// Runs one step; returns the failure, if any, and updates `state`.
fn run_step(step: &Value, state: &mut Value) -> Result<(), String> {
    let op = step["op"].as_str().ok_or("a step without \"op\"")?;
    let mut input = step.get("input").cloned().unwrap_or_else(|| json!({}));
    let is_command = step["state"] == true;
    if is_command {
        let object: &mut Map<String, Value> = input
            .as_object_mut()
            .ok_or("a command's input must be an object")?;
        object.insert("state".to_owned(), state.clone());
    }
    let text = serde_json::to_string(&input).unwrap();
    let result = walletcare_api::call(op, &text);
    match (result, step.get("expect_error")) {
        (Ok(out), Some(code)) => Err(format!("{op}: expected error {code}, got {out}")),
        (Err(err), Some(code)) => {
            if err.code.as_str() == code {
                Ok(())
            } else {
                Err(format!(
                    "{op}: expected error {code}, got {} ({})",
                    err.code, err.message
                ))
            }
        }
        (Err(err), None) => Err(format!(
            "{op}: unexpected error {}: {}",
            err.code, err.message
        )),
        (Ok(out), None) => {
            let mut out: Value = serde_json::from_str(&out).unwrap();
            if is_command {
                *state = out["state"].take();
                out = out["output"].take();
            } else if step["set_state"] == true {
                *state = out.clone();
            }
            match step.get("expect") {
                Some(expect) if !subset(expect, &out) => {
                    Err(format!("{op}: expected {expect}, got {out}"))
                }
                _ => Ok(()),
            }
        }
    }
}

#[test]
fn every_script_runs_as_written() {
    let mut failures = Vec::new();
    let mut scripts = 0;
    let mut steps = 0;
    for (file, content) in script_files() {
        for script in content["scripts"].as_array().unwrap() {
            scripts += 1;
            let name = script["name"].as_str().unwrap_or("(unnamed)");
            let mut state = Value::Null;
            for (i, step) in script["steps"].as_array().unwrap().iter().enumerate() {
                steps += 1;
                if let Err(why) = run_step(step, &mut state) {
                    failures.push(format!("{file}: \"{name}\", step {i}: {why}"));
                }
            }
        }
    }
    assert!(scripts > 0 && steps > 0, "no scripts found");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_step_names_a_known_operation_and_expects_something() {
    let known: BTreeSet<&str> = walletcare_api::operation_names().collect();
    for (file, content) in script_files() {
        for script in content["scripts"].as_array().unwrap() {
            assert!(
                script["name"].is_string(),
                "{file}: a script without a name"
            );
            for step in script["steps"].as_array().unwrap() {
                let op = step["op"].as_str().unwrap_or_default();
                assert!(
                    known.contains(op) || step.get("expect_error").is_some(),
                    "{file}: unknown operation {op:?}"
                );
                assert!(
                    step.get("expect").is_some()
                        || step.get("expect_error").is_some()
                        || step["set_state"] == true,
                    "{file}: a step of {op} checks nothing"
                );
            }
        }
    }
}

/// The codes scripts must show at least once: every code a binding can
/// return.
#[test]
fn scripts_cover_every_error_code() {
    let mut seen = BTreeSet::new();
    for (_, content) in script_files() {
        for script in content["scripts"].as_array().unwrap() {
            for step in script["steps"].as_array().unwrap() {
                if let Some(code) = step["expect_error"].as_str() {
                    let code: ErrorCode = code.parse().unwrap();
                    seen.insert(code);
                }
            }
        }
    }
    // Codes no binding returns as an error, with the reason.
    let not_returned_by_a_binding = [
        // A rejected PIN or password is recorded (the failure count rises
        // towards the lockout), so `account.record_attempt` succeeds with
        // an outcome carrying this code; a failed command would change
        // nothing. The scripts check it as that outcome's `code`.
        ErrorCode::WrongCredential,
        // The versioned stream (`walletcare_core::versioned`) is used by
        // Rust services (examples/service) and is not yet an operation of
        // the layer the bindings map.
        ErrorCode::VersionConflict,
        ErrorCode::ChangeKeyConflict,
    ];
    let missing: Vec<&str> = ErrorCode::ALL
        .iter()
        .filter(|code| !seen.contains(code) && !not_returned_by_a_binding.contains(code))
        .map(|code| code.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "no script shows: {}",
        missing.join(", ")
    );
}

#[test]
fn there_are_at_least_forty_scripts() {
    let count: usize = script_files()
        .iter()
        .map(|(_, content)| content["scripts"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(
        count >= 40,
        "{count} scripts; the shared vectors need at least 40"
    );
}

#[test]
fn subset_matching_is_strict_where_it_should_be() {
    assert!(subset(&json!({"a": 1}), &json!({"a": 1, "b": 2})));
    assert!(!subset(&json!({"a": 1, "b": 2}), &json!({"a": 1})));
    assert!(!subset(&json!([1]), &json!([1, 2])));
    assert!(subset(&json!([{"x": 1}]), &json!([{"x": 1, "y": 0}])));
    assert!(!subset(&json!({"a": "1"}), &json!({"a": 1})));
    assert!(subset(&json!(1.5), &json!(1.5)));
    assert!(!subset(&json!(null), &json!(0)));
}
