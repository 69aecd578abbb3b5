//! The bodies of walletcare's fuzz targets, one function per target.
//!
//! Each `fuzz_targets/<name>.rs` calls the function of the same name; the
//! integration tests (`tests/integration/hostile.rs`) include this file and
//! replay every seed under `fuzz/seeds/<name>/` through the same functions,
//! so CI checks the same invariants on the seed corpus without a fuzzer.
//!
//! A body panics (fails an assertion) only when walletcare breaks a
//! documented invariant; any other input is fine.
//!
//! Most targets read lines: the first line is a document (JSON, or `@...`
//! for a built-in value), each further line a command. See each function.

mod account;
mod calendar;
mod card;
mod common;
mod ffi;
mod money;
mod redact;
mod refund;
mod ticket;
mod transaction;
mod triage;

pub use account::{account, credentials};
pub use calendar::calendar;
pub use card::card;
pub use ffi::ffi;
pub use money::{money_format, money_parse};
pub use redact::redact_text;
pub use refund::refund;
pub use ticket::{ticket, ticket_number};
pub use transaction::{ledger, transaction};
pub use triage::{triage_csv, triage_model, triage_text};

/// A target's body: it reads one input.
pub type Body = fn(&[u8]);

/// Every target: its name (the directory of its seeds) and its body.
pub const TARGETS: &[(&str, Body)] = &[
    ("money_parse", money_parse),
    ("money_format", money_format),
    ("calendar", calendar),
    ("account", account),
    ("credentials", credentials),
    ("card", card),
    ("ledger", ledger),
    ("transaction", transaction),
    ("refund", refund),
    ("ticket", ticket),
    ("ticket_number", ticket_number),
    ("triage_text", triage_text),
    ("triage_model", triage_model),
    ("triage_csv", triage_csv),
    ("ffi", ffi),
    ("redact", redact_text),
];
