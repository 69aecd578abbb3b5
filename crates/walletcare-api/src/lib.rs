//! # walletcare-api
//!
//! The operation layer of walletcare: every operation the C library and the
//! npm package expose is defined here once, with its input type, its output
//! (the value, plus its text rendered in the requested locale where it has
//! one) and its errors. The bindings are a mechanical mapping of it:
//! pointers, lengths, handles and status codes in C; `JsValue`s and handle
//! classes in JavaScript. Rust services can use it too, though most will
//! call `walletcare-core` directly.
//!
//! - [`ops`]: the [`Operation`](ops::Operation) and
//!   [`Command`](ops::Command) traits;
//! - [`json`]: the wire form and its errors, which always carry a domain
//!   code and name the field;
//! - one module per domain noun ([`money`], ...), each listing its
//!   operations;
//! - [`call`]: any operation by name, JSON in and JSON out. The C library's
//!   `wc_call`, the npm package's `call` and the shared vectors' scripts run
//!   through it.
//!
//! # Examples
//!
//! ```
//! let out = walletcare_api::call("money.add", r#"{"a":{"minor":1,"currency":"IDR"},"b":{"minor":2,"currency":"IDR"}}"#)?;
//! assert_eq!(out, r#"{"minor":3,"currency":"IDR"}"#);
//!
//! let err = walletcare_api::call("money.format", r#"{"amount":{"minor":1,"currency":"GBP"},"locale":"en"}"#).unwrap_err();
//! assert_eq!(err.code.as_str(), "money.unknown_currency");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

#[cfg(feature = "ops-core")]
pub mod account;
pub mod arg;
#[cfg(feature = "ops-core")]
pub mod calendar;
#[cfg(feature = "ops-core")]
pub mod card;
#[cfg(feature = "ops-triage")]
pub mod intake;
pub mod json;
#[cfg(feature = "ops-core")]
pub mod money;
pub mod ops;
#[cfg(feature = "ops-core")]
pub mod queue;
mod read;
#[cfg(feature = "ops-triage")]
pub mod redact;
#[cfg(feature = "ops-core")]
pub mod refund;
#[cfg(feature = "ops-core")]
pub mod ticket;
#[cfg(feature = "ops-core")]
pub mod transaction;
#[cfg(feature = "ops-triage")]
pub mod triage;
#[cfg(feature = "typescript")]
pub mod typescript;

pub use walletcare_core::error::{Error, ErrorCode, ErrorKind};

/// Every operation's name, module by module, in the order of the modules.
///
/// # Examples
///
/// ```
/// assert!(walletcare_api::operation_names().any(|name| name == "money.parse"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn operation_names() -> impl Iterator<Item = &'static str> {
    [
        #[cfg(feature = "ops-core")]
        money::NAMES,
        #[cfg(feature = "ops-core")]
        calendar::NAMES,
        #[cfg(feature = "ops-core")]
        card::NAMES,
        #[cfg(feature = "ops-core")]
        account::NAMES,
        #[cfg(feature = "ops-core")]
        transaction::NAMES,
        #[cfg(feature = "ops-core")]
        refund::NAMES,
        #[cfg(feature = "ops-core")]
        ticket::NAMES,
        #[cfg(feature = "ops-triage")]
        triage::NAMES,
        #[cfg(feature = "ops-triage")]
        redact::NAMES,
        #[cfg(feature = "ops-core")]
        queue::NAMES,
        #[cfg(feature = "ops-triage")]
        intake::NAMES,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// Visits the TypeScript form of every output and command state.
#[cfg(feature = "typescript")]
fn visit_types(v: &mut impl ts_rs::TypeVisitor) {
    money::visit_types(v);
    calendar::visit_types(v);
    card::visit_types(v);
    account::visit_types(v);
    transaction::visit_types(v);
    refund::visit_types(v);
    ticket::visit_types(v);
    triage::visit_types(v);
    redact::visit_types(v);
    queue::visit_types(v);
    intake::visit_types(v);
}

/// Runs the operation `name` on JSON `input` and returns its JSON output.
/// A command's input holds its `state` beside its own fields, and its
/// output is `{"state": <new state>, "output": ...}`.
///
/// # Errors
///
/// `general.unknown_value` for a name that is not an operation; otherwise
/// the operation's errors, and the input errors of [`json::from_str`].
///
/// # Examples
///
/// ```
/// let err = walletcare_api::call("money.teleport", "{}").unwrap_err();
/// assert_eq!(err.code.as_str(), "general.unknown_value");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn call(name: &str, input: &str) -> Result<String, Error> {
    type ModuleCall = fn(&str, &str) -> Option<Result<String, Error>>;
    let modules: &[ModuleCall] = &[
        #[cfg(feature = "ops-core")]
        money::call,
        #[cfg(feature = "ops-core")]
        calendar::call,
        #[cfg(feature = "ops-core")]
        card::call,
        #[cfg(feature = "ops-core")]
        account::call,
        #[cfg(feature = "ops-core")]
        transaction::call,
        #[cfg(feature = "ops-core")]
        refund::call,
        #[cfg(feature = "ops-core")]
        ticket::call,
        #[cfg(feature = "ops-triage")]
        triage::call,
        #[cfg(feature = "ops-triage")]
        redact::call,
        #[cfg(feature = "ops-core")]
        queue::call,
        #[cfg(feature = "ops-triage")]
        intake::call,
    ];
    for module in modules {
        if let Some(result) = module(name, input) {
            return result;
        }
    }
    let mut shown: String = name.chars().take(64).collect();
    if shown.len() < name.len() {
        shown.push_str("...");
    }
    Err(Error::new(
        ErrorCode::UnknownValue,
        format!("\"{shown}\" is not an operation; operation_names() lists them"),
    )
    .with_details(serde_json::json!({ "field": "operation", "value": shown })))
}
