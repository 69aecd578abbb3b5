//! The generated TypeScript declarations: complete, deterministic, and in
//! step with the npm package's hand-written sections and annotations.
#![cfg(feature = "typescript")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::Path;

use walletcare_api::typescript::declarations;
use walletcare_core::error::ErrorCode;

/// The names after `export type` / `export interface` in a text.
fn declared(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| {
            l.strip_prefix("export type ")
                .or_else(|| l.strip_prefix("export interface "))
        })
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

/// The wasm crate's sources, as (file name, text).
fn wasm_sources() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bindings/wasm/src");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// The text of every `typescript_custom_section` string literal.
fn hand_written(sources: &[(String, String)]) -> String {
    let mut out = String::new();
    for (_, text) in sources {
        let mut rest = text.as_str();
        while let Some(start) = rest.find("&str = r#\"") {
            let after = &rest[start + 10..];
            let end = after.find("\"#;").unwrap();
            out.push_str(&after[..end]);
            rest = &after[end..];
        }
    }
    out
}

#[test]
fn the_declarations_are_deterministic_and_sorted_by_name() {
    let first = declarations().unwrap();
    assert_eq!(first, declarations().unwrap());
    let names: Vec<String> = first
        .lines()
        .filter_map(|l| l.strip_prefix("export type "))
        .map(|r| r.split(' ').next().unwrap().to_owned())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(names, sorted, "one declaration per name, in name order");
}

#[test]
fn the_error_code_union_lists_exactly_the_codes() {
    let ts = declarations().unwrap();
    let line = ts
        .lines()
        .find(|l| l.starts_with("export type ErrorCode = "))
        .unwrap();
    let declared: BTreeSet<&str> = line.split('"').skip(1).step_by(2).collect();
    let actual: BTreeSet<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(declared, actual);
}

#[test]
fn the_checked_in_file_is_the_generated_one() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../bindings/wasm/types/walletcare-types.d.ts");
    let checked_in = std::fs::read_to_string(path).unwrap();
    assert!(
        checked_in == declarations().unwrap(),
        "bindings/wasm/types/walletcare-types.d.ts is stale: run scripts/ts-types.sh"
    );
}

#[test]
fn no_hand_written_declaration_repeats_a_generated_one() {
    let generated = declared(&declarations().unwrap());
    let hand = declared(&hand_written(&wasm_sources()));
    let both: Vec<&String> = hand.intersection(&generated).collect();
    assert!(both.is_empty(), "declared by hand and generated: {both:?}");
}

#[test]
fn every_type_the_exports_name_is_declared() {
    let sources = wasm_sources();
    let mut known = declared(&declarations().unwrap());
    known.extend(declared(&hand_written(&sources)));
    // TypeScript's own names and wasm-bindgen's classes.
    for name in [
        "string",
        "number",
        "boolean",
        "unknown",
        "null",
        "undefined",
        "void",
        "Date",
        "Uint8Array",
        "Partial",
        "Record",
        "Omit",
        "error",
        "is",
        "Calendar",
        "RefundBook",
        "Ticket",
        "TriageModel",
    ] {
        known.insert(name.to_owned());
    }
    let mut missing = BTreeSet::new();
    for (file, text) in &sources {
        for part in text.split("_type = \"").skip(1) {
            let ty = &part[..part.find('"').unwrap()];
            let words = ty
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()));
            for word in words {
                // Field names inside inline object types (`{ prefix?: string }`).
                if ty.contains(&format!("{word}?:")) || ty.contains(&format!("{word}:")) {
                    continue;
                }
                if !known.contains(word) {
                    missing.insert(format!("{file}: {word}"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "annotations name undeclared types: {missing:?}"
    );
}
