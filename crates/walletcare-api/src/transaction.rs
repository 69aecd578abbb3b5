//! Transactions: the diagnosis of a failed or stuck transaction, and the
//! wallet ledger (`ledger.*`): balance, idempotent requests, limits,
//! refunds and reversals.
//!
//! # The ledger's commands
//!
//! The state is the ledger's JSON form, made by `ledger.new`.
//! `ledger.apply` applies a request and records its outcome under its
//! idempotency key: a request the rules decline (insufficient balance, a
//! limit, a blocked account) is *recorded* as declined, so its replay
//! gives the same answer even after the balance changed. That is an
//! outcome, not a failure: the output says `"outcome": "declined"` with the
//! decline's `code` and `message`, and the state keeps the record.
//! `ledger.preview` answers what `ledger.apply` would do without recording
//! anything, and fails with the decline's code (`transaction.insufficient_balance`,
//! `transaction.limit_exceeded`, `transaction.outgoing_blocked`), for a
//! host that checks before asking for the PIN.
//!
//! # Examples
//!
//! ```
//! let ledger = walletcare_api::call("ledger.new", "{}")?;
//! let input = format!(r#"{{"state":{ledger},"request":{{"key":"k-1","transaction":"T-1","operation":{{"op":"top_up","amount":{{"minor":5000000,"currency":"IDR"}}}}}},"now":"2026-11-21T03:00:00Z"}}"#);
//! let out: serde_json::Value = serde_json::from_str(&walletcare_api::call("ledger.apply", &input)?)?;
//! assert_eq!(out["output"]["outcome"], "applied");
//! assert_eq!(out["state"]["balance"]["minor"], 5000000);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use walletcare_core::account::{AccountState, VerificationLevel};
use walletcare_core::error::{Error, ErrorCode};
use walletcare_core::locale::{Locale, Render};
use walletcare_core::money::Money;
use walletcare_core::transaction::{
    Diagnosis, DiagnosisPolicy, Ledger, LedgerConfig, LedgerRequest, Outcome, Receipt, Transaction,
    TransactionError, diagnose_with,
};

use crate::ops::{Command, Operation, registry};

registry! {
    operations: [Diagnose, NewLedger],
    commands: [Apply, Preview, SetLevel, Summary],
}

/// The options argument of [`Diagnose`] in a binding whose function takes
/// the transaction and `now` first (JavaScript's `diagnoseTransaction`).
///
/// # Examples
///
/// ```
/// use walletcare_api::{json, transaction::DiagnoseOptions};
/// let options: DiagnoseOptions = json::from_str(r#"{"account_state":{"state":"closed"},"locale":"id"}"#, "options")?;
/// assert_eq!(options.locale.as_str(), "id-ID");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiagnoseOptions {
    /// The account's state (active when absent).
    #[serde(default, alias = "accountState")]
    pub account_state: Option<AccountState>,
    /// The diagnosis settings (the defaults when absent).
    #[serde(default)]
    pub policy: Option<DiagnosisPolicy>,
    /// The locale of the text (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

/// Diagnoses a failed, stuck or puzzling transaction at `now`: the likely
/// cause and the next steps, with text in `locale` (times in the policy's
/// zone).
///
/// # Examples
///
/// ```
/// let input = r#"{"transaction":{"id":"T-1","kind":{"kind":"top_up","source":{"method":"card"}},"amount":{"minor":5000000,"currency":"IDR"},
///   "created_at":"2026-11-21T03:00:00Z","updated_at":"2026-11-21T03:00:00Z",
///   "state":{"state":"failed","reason":"card_expired"},"idempotency_key":"K-1"},"now":"2026-11-21T03:05:00Z"}"#;
/// let out = walletcare_api::call("transaction.diagnose", input)?;
/// assert!(out.contains(r#""cause":"card_expired""#) && out.contains("Update your card details"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diagnose {
    /// The transaction.
    pub transaction: Transaction,
    /// The instant of the diagnosis.
    pub now: DateTime<Utc>,
    /// The account's state (active when absent).
    #[serde(default)]
    pub account_state: Option<AccountState>,
    /// The diagnosis settings (the defaults when absent).
    #[serde(default)]
    pub policy: Option<DiagnosisPolicy>,
    /// The locale of the text (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

/// A diagnosis with its text: `cause_text` renders the cause,
/// `messages[i]` renders `steps[i]`, `text` is the cause and the numbered
/// steps on separate lines.
///
/// # Examples
///
/// ```
/// use walletcare_api::{json, ops::Operation, transaction::Diagnose};
/// let input: Diagnose = json::from_str(r#"{"transaction":{"id":"T-1","kind":{"kind":"transfer","to":"0812"},"amount":{"minor":100,"currency":"IDR"},
///   "created_at":"2026-11-21T03:00:00Z","updated_at":"2026-11-21T03:00:00Z","state":{"state":"succeeded"},"idempotency_key":"K-1"},"now":"2026-11-21T03:05:00Z"}"#, "input")?;
/// let out = input.run()?;
/// assert_eq!(out.messages.len(), out.diagnosis.steps.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosisOut {
    /// The core's diagnosis.
    #[serde(flatten)]
    pub diagnosis: Diagnosis,
    /// The cause in words.
    pub cause_text: String,
    /// One sentence per step.
    pub messages: Vec<String>,
    /// The cause and the numbered steps.
    pub text: String,
}

impl Operation for Diagnose {
    const NAME: &'static str = "transaction.diagnose";
    type Output = DiagnosisOut;
    fn run(self) -> Result<DiagnosisOut, Error> {
        let account = self.account_state.unwrap_or(AccountState::Active);
        let policy = self.policy.unwrap_or_default();
        let locale = self.locale;
        let diagnosis = diagnose_with(&self.transaction, &account, self.now, &policy);
        let zone = policy.zone;
        Ok(DiagnosisOut {
            cause_text: diagnosis.cause.render(locale),
            messages: diagnosis
                .steps
                .iter()
                .map(|step| step.render_in(locale, zone))
                .collect(),
            text: diagnosis.render_in(locale, zone),
            diagnosis,
        })
    }
}

/// A new, empty ledger (or one opening with `balance`): the state of the
/// `ledger.*` commands. Defaults: Bank Indonesia's limits in rupiah, days
/// in Asia/Jakarta, unverified.
///
/// # Examples
///
/// ```
/// let err = walletcare_api::call("ledger.new", r#"{"balance":{"minor":-1,"currency":"IDR"}}"#).unwrap_err();
/// assert_eq!(err.code.as_str(), "money.non_positive_amount");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewLedger {
    /// Currency, limits, zone and retention (the defaults when absent).
    #[serde(default)]
    pub config: Option<LedgerConfig>,
    /// The account's verification level (unverified when absent).
    #[serde(default)]
    pub level: Option<VerificationLevel>,
    /// The opening balance (zero when absent).
    #[serde(default)]
    pub balance: Option<Money>,
}

impl Operation for NewLedger {
    const NAME: &'static str = "ledger.new";
    type Output = Ledger;
    fn run(self) -> Result<Ledger, Error> {
        let config = self.config.unwrap_or_default();
        let level = self.level.unwrap_or(VerificationLevel::Unverified);
        let balance = self.balance.unwrap_or_else(|| Money::zero(config.currency));
        Ok(Ledger::with_balance(config, level, balance)?)
    }
}

/// Applies a request to the ledger (see the [module docs](self)):
/// `{"request": {"key", "transaction", "operation": {"op": "debit" |
/// "top_up" | "refund" | "reversal", "amount"}}, "account_state", "now"}`.
///
/// # Examples
///
/// ```
/// let ledger = walletcare_api::call("ledger.new", "{}")?;
/// let input = format!(r#"{{"state":{ledger},"request":{{"key":"k-1","transaction":"T-1","operation":{{"op":"debit","amount":{{"minor":100,"currency":"IDR"}}}}}},"now":"2026-11-21T03:00:00Z"}}"#);
/// let out: serde_json::Value = serde_json::from_str(&walletcare_api::call("ledger.apply", &input)?)?;
/// assert_eq!(out["output"]["outcome"], "declined");
/// assert_eq!(out["output"]["code"], "transaction.insufficient_balance");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Apply {
    /// The request.
    pub request: LedgerRequest,
    /// The account's state (active when absent): a locked or frozen account
    /// cannot send money, a closed one cannot receive it.
    #[serde(default)]
    pub account_state: Option<AccountState>,
    /// When it happens.
    pub now: DateTime<Utc>,
}

/// The outcome of [`Apply`]: applied (the receipt's fields) or declined
/// (the decline's fields, its `code` and `message`), and whether it is the
/// replay of a request already recorded under the same key.
///
/// # Examples
///
/// ```
/// # let ledger = walletcare_api::call("ledger.new", r#"{"balance":{"minor":500,"currency":"IDR"}}"#)?;
/// # let input = format!(r#"{{"state":{ledger},"request":{{"key":"k-1","transaction":"T-1","operation":{{"op":"debit","amount":{{"minor":100,"currency":"IDR"}}}}}},"now":"2026-11-21T03:00:00Z"}}"#);
/// let out: serde_json::Value = serde_json::from_str(&walletcare_api::call("ledger.apply", &input)?)?;
/// assert_eq!(out["output"]["replayed"], false);
/// assert_eq!(out["output"]["balance_after"]["minor"], 400);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct ApplyOut {
    /// Whether the key was already recorded (the same answer is replayed).
    pub replayed: bool,
    /// Applied with its receipt, or declined with its reason.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// For a decline: its error code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<ErrorCode>,
    /// For a decline: what happened, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl Command for Apply {
    const NAME: &'static str = "ledger.apply";
    type State = Ledger;
    type Output = ApplyOut;
    fn run(self, ledger: &mut Ledger) -> Result<ApplyOut, Error> {
        let replayed = ledger.outcome(&self.request.key).is_some();
        let account = self.account_state.unwrap_or(AccountState::Active);
        match ledger.apply(&self.request, &account, self.now) {
            Ok(receipt) => Ok(ApplyOut {
                replayed,
                outcome: Outcome::Applied(receipt),
                code: None,
                message: None,
            }),
            Err(TransactionError::Declined(decline)) => {
                let err = Error::from(TransactionError::Declined(decline.clone()));
                Ok(ApplyOut {
                    replayed,
                    outcome: Outcome::Declined(decline),
                    code: Some(err.code),
                    message: Some(err.message),
                })
            }
            // The ledger changes nothing before these are ruled out.
            Err(other) => Err(other.into()),
        }
    }
}

/// What [`Apply`] would do, without recording anything: the receipt, or
/// the error, a decline included (`transaction.insufficient_balance`,
/// `transaction.limit_exceeded`, `transaction.outgoing_blocked`,
/// `account.closed`). The state never changes.
///
/// # Examples
///
/// ```
/// let ledger = walletcare_api::call("ledger.new", "{}")?;
/// let input = format!(r#"{{"state":{ledger},"request":{{"key":"k-1","transaction":"T-1","operation":{{"op":"debit","amount":{{"minor":100,"currency":"IDR"}}}}}},"now":"2026-11-21T03:00:00Z"}}"#);
/// let err = walletcare_api::call("ledger.preview", &input).unwrap_err();
/// assert_eq!(err.code.as_str(), "transaction.insufficient_balance");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preview {
    /// The request.
    pub request: LedgerRequest,
    /// The account's state (active when absent).
    #[serde(default)]
    pub account_state: Option<AccountState>,
    /// When it would happen.
    pub now: DateTime<Utc>,
}

impl Command for Preview {
    const NAME: &'static str = "ledger.preview";
    type State = Ledger;
    type Output = Receipt;
    fn run(self, ledger: &mut Ledger) -> Result<Receipt, Error> {
        let account = self.account_state.unwrap_or(AccountState::Active);
        let mut copy = ledger.clone();
        Ok(copy.apply(&self.request, &account, self.now)?)
    }
}

/// Changes the verification level whose limits apply (after KYC).
///
/// # Examples
///
/// ```
/// let ledger = walletcare_api::call("ledger.new", "{}")?;
/// let out = walletcare_api::call("ledger.set_level", &format!(r#"{{"state":{ledger},"level":"verified"}}"#))?;
/// assert!(out.contains(r#""level":"verified""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetLevel {
    /// The new level.
    pub level: VerificationLevel,
}

impl Command for SetLevel {
    const NAME: &'static str = "ledger.set_level";
    type State = Ledger;
    type Output = ();
    fn run(self, ledger: &mut Ledger) -> Result<(), Error> {
        ledger.set_verification_level(self.level);
        Ok(())
    }
}

/// The balance and what the limits still allow at `now`; the state does
/// not change.
///
/// # Examples
///
/// ```
/// let ledger = walletcare_api::call("ledger.new", "{}")?;
/// let out = walletcare_api::call("ledger.summary", &format!(r#"{{"state":{ledger},"now":"2026-11-21T03:00:00Z"}}"#))?;
/// assert!(out.contains(r#""daily_outgoing_remaining":{"minor":100000000,"currency":"IDR"}"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// The instant asked about.
    pub now: DateTime<Utc>,
}

/// What [`Summary`] answers.
///
/// # Examples
///
/// ```
/// # let ledger = walletcare_api::call("ledger.new", "{}")?;
/// let out = walletcare_api::call("ledger.summary", &format!(r#"{{"state":{ledger},"now":"2026-11-21T03:00:00Z"}}"#))?;
/// assert!(out.contains(r#""entries":0"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct SummaryOut {
    /// The balance.
    pub balance: Money,
    /// The verification level.
    pub level: VerificationLevel,
    /// What may still go out on the local day of `now`.
    pub daily_outgoing_remaining: Money,
    /// What may still come in during the local month of `now`.
    pub monthly_incoming_remaining: Money,
    /// Requests retained for idempotent replay.
    pub entries: usize,
}

impl Command for Summary {
    const NAME: &'static str = "ledger.summary";
    type State = Ledger;
    type Output = SummaryOut;
    fn run(self, ledger: &mut Ledger) -> Result<SummaryOut, Error> {
        Ok(SummaryOut {
            balance: ledger.balance(),
            level: ledger.verification_level(),
            daily_outgoing_remaining: ledger.daily_outgoing_remaining(self.now),
            monthly_incoming_remaining: ledger.monthly_incoming_remaining(self.now),
            entries: ledger.len(),
        })
    }
}
