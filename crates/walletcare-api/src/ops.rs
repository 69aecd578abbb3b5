//! The shape of an operation, and the JSON entry point that runs any of
//! them by name.
//!
//! An [`Operation`] is stateless: an input, an output. A [`Command`] changes
//! a state (a refund book, a ticket, a ledger, an account) and either
//! succeeds with an output or fails and leaves the state as it was. Each is
//! defined once, in this crate; the C library and the npm package call the
//! same `run` from their typed exports, and [`crate::call`] runs any of them
//! from JSON, which is how the shared vectors drive all three.
//!
//! # Examples
//!
//! ```
//! use walletcare_api::ops::Operation;
//! use walletcare_api::money::Format;
//! use walletcare_core::locale::Locale;
//! use walletcare_core::money::{Currency, Money};
//!
//! let text = Format::run(Format { amount: Money::new(15_000_000, Currency::Idr), locale: Locale::Id })?;
//! assert_eq!(text, "Rp150.000");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Serialize;
use serde::de::DeserializeOwned;
use walletcare_core::error::{Error, ErrorCode};

use crate::json;

/// A stateless operation: one input, one output.
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Operation;
/// use walletcare_api::money::Add;
/// use walletcare_core::money::{Currency, Money};
///
/// assert_eq!(Add::NAME, "money.add");
/// let sum = Add::run(Add { a: Money::new(1, Currency::Usd), b: Money::new(2, Currency::Usd) })?;
/// assert_eq!(sum.minor(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Operation: DeserializeOwned {
    /// The name in [`crate::call`] and the vectors: `module.verb`.
    const NAME: &'static str;
    /// What it returns.
    type Output: Serialize;
    /// Runs it.
    ///
    /// # Errors
    ///
    /// The operation's domain errors, as [`Error`].
    fn run(self) -> Result<Self::Output, Error>;
}

/// An operation on a state: on success the state has changed and the output
/// says how; on failure the state is exactly as it was.
///
/// # Examples
///
/// ```
/// use walletcare_api::ops::Command;
/// // Commands are run like operations, with the state passed mutably:
/// fn apply<C: Command>(state: &mut C::State, command: C) -> Result<C::Output, walletcare_core::error::Error> {
///     command.run(state)
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Command: DeserializeOwned {
    /// The name in [`crate::call`] and the vectors: `module.verb`.
    const NAME: &'static str;
    /// The state it changes.
    type State: Serialize + DeserializeOwned;
    /// What it returns.
    type Output: Serialize;
    /// Runs it on `state`.
    ///
    /// # Errors
    ///
    /// The command's domain errors; `state` is then unchanged.
    fn run(self, state: &mut Self::State) -> Result<Self::Output, Error>;
}

/// The JSON output of a command run through [`crate::call`]: the new state
/// and the command's output.
// The triage operations have no commands (the npm package's triage module
// is built with `ops-triage` alone).
#[cfg_attr(not(feature = "ops-core"), allow(dead_code))]
#[derive(Debug, Serialize)]
struct CommandOutput<'a, S, O> {
    state: &'a S,
    output: O,
}

/// Runs an operation from JSON text.
pub(crate) fn run_operation<O: Operation>(input: &str) -> Result<String, Error> {
    let op: O = json::from_str(input, "input")?;
    json::to_string(&op.run()?)
}

/// Runs a command from JSON text `{"state": ..., <command fields>}` into
/// `{"state": ..., "output": ...}`.
///
/// The state is taken out of the object and both parts are read on their
/// own (not with `serde(flatten)`, which would buffer the command's fields
/// and lose the path of a failure in them, `input.request.destination.bank`,
/// and ignore unknown fields).
#[cfg_attr(not(feature = "ops-core"), allow(dead_code))]
pub(crate) fn run_command<C: Command>(input: &str) -> Result<String, Error> {
    let mut fields: serde_json::Map<String, serde_json::Value> = json::from_str(input, "input")?;
    let state = fields.remove("state").ok_or_else(|| {
        Error::new(ErrorCode::InvalidArgument, "input.state is required")
            .with_details(serde_json::json!({ "field": "input.state", "missing": true }))
    })?;
    let mut state: C::State = json::from_value(state, "input.state")?;
    let command: C = json::from_value(serde_json::Value::Object(fields), "input")?;
    let output = command.run(&mut state)?;
    json::to_string(&CommandOutput {
        state: &state,
        output,
    })
}

/// Declares a module's operations and commands for [`crate::call`]:
/// `registry! { operations: [A, B], commands: [C] }` defines `NAMES` and
/// `call`.
macro_rules! registry {
    (operations: [$($op:ty),* $(,)?], commands: [$($cmd:ty),* $(,)?] $(,)?) => {
        /// The names of this module's operations and commands.
        pub const NAMES: &[&str] = &[
            $(<$op as $crate::ops::Operation>::NAME,)*
            $(<$cmd as $crate::ops::Command>::NAME,)*
        ];

        /// Runs one of this module's operations by name; `None` when the
        /// name is not one of them.
        pub(crate) fn call(
            name: &str,
            input: &str,
        ) -> Option<Result<String, walletcare_core::error::Error>> {
            $(
                if name == <$op as $crate::ops::Operation>::NAME {
                    return Some($crate::ops::run_operation::<$op>(input));
                }
            )*
            $(
                if name == <$cmd as $crate::ops::Command>::NAME {
                    return Some($crate::ops::run_command::<$cmd>(input));
                }
            )*
            None
        }

        /// Visits the TypeScript form of every input field, output and
        /// command state of this module (the `typescript` feature).
        #[cfg(feature = "typescript")]
        pub(crate) fn visit_types(v: &mut impl ts_rs::TypeVisitor) {
            $(
                <$op as ts_rs::TS>::visit_dependencies(v);
                v.visit::<<$op as $crate::ops::Operation>::Output>();
            )*
            $(
                <$cmd as ts_rs::TS>::visit_dependencies(v);
                v.visit::<<$cmd as $crate::ops::Command>::State>();
                v.visit::<<$cmd as $crate::ops::Command>::Output>();
            )*
        }
    };
}
pub(crate) use registry;
