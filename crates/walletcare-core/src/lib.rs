//! # walletcare-core
//!
//! The customer-care domain of a digital wallet as pure, deterministic logic:
//! no I/O, no clock and no random source. Callers pass `now` and any random
//! bytes; the same inputs give the same answers in Rust, through the C library
//! and through the npm package.
//!
//! One module per domain noun:
//!
//! - [`money`]: integer minor units with a currency, parsing and formatting;
//! - [`account`]: account state, credentials, lockout, reset, freeze;
//! - [`card`]: bank cards, validated and masked;
//! - [`transaction`]: payments, transfers, the ledger and diagnosis;
//! - [`calendar`]: business calendars for Indonesia, China, Singapore, Malaysia;
//! - [`refund`]: eligibility, lifecycle and SLA;
//! - [`ticket`]: support tickets and their SLA clocks;
//! - [`redact`]: secrets masked in support messages, scam warnings;
//! - [`triage`]: offline multilingual classification of support messages;
//! - [`intake`]: a conversation from the first message to a ticket, a handoff or a link;
//! - [`queue`]: Erlang C and A wait times, staffing and channel advice;
//! - [`locale`]: the three locales and rendering of user-facing text;
//! - [`error`]: the stable error codes shared with the bindings;
//! - [`versioned`]: one persistence model (version, events, snapshot, idempotency) for every stateful aggregate.
//!
//! # Examples
//!
//! ```
//! use walletcare_core::money::{Currency, Money};
//!
//! let balance = Money::new(5_000_000, Currency::Idr);
//! assert_eq!(balance.currency().code(), "IDR");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod account;
pub mod calendar;
pub mod card;
pub mod error;
pub mod intake;
pub mod locale;
pub mod money;
mod names;
pub mod queue;
pub mod redact;
pub mod refund;
pub mod ticket;
pub mod transaction;
pub mod triage;
#[cfg(feature = "typescript")]
mod typescript;
pub mod versioned;
