//! Runs the shared vectors' scripts (`tests/vectors/scripts/*.json`)
//! through `walletcare_api::call`, with the runner semantics of
//! `tests/vectors/README.md`: one current state per script, `state: true`
//! steps are commands, `set_state: true` steps make the state, `expect` is a
//! JSON subset, `expect_error` a code. Also checks that no output or error
//! carries a PIN, password, one-time code or card number from its input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use serde_json::{Map, Value};

fn scripts_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/scripts")
}

/// Whether `actual` contains `expected` (objects: every key, recursively;
/// arrays: same length, item by item; scalars: equal).
fn subset(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|av| subset(v, av))),
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(x, y)| subset(x, y))
        }
        _ => expected == actual,
    }
}

fn run_script(file: &str, script: &Value) -> Vec<String> {
    let name = script["name"].as_str().unwrap_or("?");
    let mut state = Value::Null;
    let mut failures = Vec::new();
    for (i, step) in script["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .enumerate()
    {
        let op = step["op"].as_str().expect("op");
        let where_ = format!("{file}: {name}: step {i} ({op})");
        let command = step.get("state").and_then(Value::as_bool) == Some(true);
        let mut input = step
            .get("input")
            .cloned()
            .unwrap_or(Value::Object(Map::new()));
        if command {
            input
                .as_object_mut()
                .expect("input object")
                .insert("state".into(), state.clone());
        }
        let result = walletcare_api::call(op, &input.to_string());
        let shown = match &result {
            Ok(out) => out.clone(),
            Err(err) => format!("{} {}", err.message, err.details),
        };
        for secret in secrets(&input) {
            if shown.contains(&secret) {
                failures.push(format!("{where_}: a secret from the input is in {shown}"));
            }
        }
        match (result, step.get("expect_error")) {
            (Ok(out), None) => {
                let out: Value = serde_json::from_str(&out).expect("output JSON");
                let (new_state, output) = if command {
                    (Some(out["state"].clone()), out["output"].clone())
                } else if step.get("set_state").and_then(Value::as_bool) == Some(true) {
                    (Some(out.clone()), out)
                } else {
                    (None, out)
                };
                if let Some(expect) = step.get("expect") {
                    if !subset(expect, &output) {
                        failures.push(format!("{where_}: expected {expect} within {output}"));
                    }
                }
                if let Some(s) = new_state {
                    state = s;
                }
            }
            (Ok(out), Some(code)) => {
                failures.push(format!("{where_}: expected error {code}, got {out}"));
            }
            (Err(err), Some(code)) => {
                if code.as_str() != Some(err.code.as_str()) {
                    failures.push(format!(
                        "{where_}: expected error {code}, got {}: {}",
                        err.code, err.message
                    ));
                }
            }
            (Err(err), None) => {
                failures.push(format!(
                    "{where_}: failed with {}: {}",
                    err.code, err.message
                ));
            }
        }
    }
    failures
}

/// PINs, passwords, one-time codes and card numbers in an input (six
/// characters or more, so a short CVV does not match a timestamp).
fn secrets(value: &Value) -> Vec<String> {
    const KEYS: [&str; 7] = [
        "pin",
        "new_pin",
        "password",
        "new_password",
        "sent",
        "code",
        "number",
    ];
    let mut found = Vec::new();
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match v.as_str() {
                    Some(text) if KEYS.contains(&k.as_str()) && text.len() >= 6 => {
                        found.push(text.to_owned());
                        found.push(text.replace([' ', '-'], ""));
                    }
                    _ => found.extend(secrets(v)),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| found.extend(secrets(v))),
        _ => {}
    }
    found
}

#[test]
fn every_script_step_answers_as_written() {
    let mut failures = Vec::new();
    let mut count = 0;
    let mut entries: Vec<_> = std::fs::read_dir(scripts_dir())
        .expect("scripts dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("read");
        let doc: Value = serde_json::from_str(&text).expect("script JSON");
        assert_eq!(doc["schema"], 1, "{}", path.display());
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        for script in doc["scripts"].as_array().expect("scripts") {
            count += 1;
            failures.extend(run_script(&file, script));
        }
    }
    assert!(count > 0, "no scripts found");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The codes of the domains this file's scripts cover, each expected as an
/// error at least once, or, for outcomes a command records instead of
/// failing (`account.wrong_credential`), as an output `code`.
#[test]
fn scripts_cover_every_code_of_their_domains() {
    let mut seen = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(scripts_dir()).expect("scripts dir") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        collect_codes(&serde_json::from_str(&text).expect("JSON"), &mut seen);
    }
    let missing: Vec<&str> = walletcare_api::ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| {
            [
                "general.",
                "money.",
                "account.",
                "card.",
                "transaction.",
                "calendar.",
            ]
            .iter()
            .any(|p| c.starts_with(p))
        })
        .filter(|c| !seen.contains(*c))
        .collect();
    assert!(missing.is_empty(), "codes no script expects: {missing:?}");
}

fn collect_codes(value: &Value, seen: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if let (true, Some(code)) = (k == "expect_error" || k == "code", v.as_str()) {
                    seen.insert(code.to_owned());
                }
                collect_codes(v, seen);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_codes(v, seen)),
        _ => {}
    }
}
