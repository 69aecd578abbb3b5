//! The npm package of walletcare: a thin wasm-bindgen layer over
//! `walletcare-core`.
//!
//! Values cross as plain JS objects with exactly the core's JSON form (the
//! same JSON the C library speaks); handles (calendars, models, refunds,
//! tickets) are JS classes. Every error is thrown as a JS `Error` whose
//! `code` property is the core's stable error code string, e.g.
//! `"money.currency_mismatch"`. There is no domain logic here.
//!
//! # Examples
//!
//! ```
//! // Compiled for the host too; JS values need a wasm runtime, so this only
//! // shows the version string the package reports.
//! assert_eq!(walletcare_wasm::version(), env!("CARGO_PKG_VERSION"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod convert;
mod money;

use wasm_bindgen::prelude::*;

/// The package version, e.g. `"0.1.0"`.
///
/// # Examples
///
/// ```
/// assert!(!walletcare_wasm::version().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
