//! Intake: a conversation from the user's first message to a ticket, a
//! handoff to a person or a link to an earlier case.
//!
//! `intake.start` returns a new conversation (the state); `intake.step`
//! takes that state back with the user's message and `now`, and returns
//! `{"state": <the conversation>, "output": <the step>}`. The host keeps
//! the state between messages (it is plain JSON, so it survives an app
//! restart) and shows `output.reply`.
//!
//! # Examples
//!
//! ```
//! let state = walletcare_api::call("intake.start", r#"{"channel":"chat","calendar":"CN","ticket_sequence":1}"#)?;
//! let out = walletcare_api::call(
//!     "intake.step",
//!     &format!(r#"{{"state":{state},"message":"转人工","now":"2026-11-23T03:00:00Z"}}"#),
//! )?;
//! let out: serde_json::Value = serde_json::from_str(&out)?;
//! assert_eq!(out["output"]["state"], "handed_off");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Utc};
use serde::Deserialize;
use walletcare_core::error::Error;
use walletcare_core::intake::{Intake, IntakeConfig, Step as StepOut};

use crate::ops::{Command, Operation, registry};

registry! {
    operations: [Start],
    commands: [Step],
}

/// A new conversation (`intake.start`): the channel it happens on, the
/// wallet's calendar, the ticket sequence the host reserved for it, and
/// the locale (detected from the first message when absent).
///
/// # Examples
///
/// ```
/// use walletcare_api::{intake::Start, ops::Operation};
/// use walletcare_core::calendar::CalendarId;
/// use walletcare_core::intake::{IntakeConfig, IntakeState};
/// use walletcare_core::ticket::Channel;
/// let intake = Start(IntakeConfig { channel: Channel::Chat, calendar: CalendarId::Indonesia, ticket_sequence: 7, locale: None }).run()?;
/// assert_eq!(intake.state(), IntakeState::Asking);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Start(pub IntakeConfig);

impl Operation for Start {
    const NAME: &'static str = "intake.start";
    type Output = Intake;
    fn run(self) -> Result<Intake, Error> {
        Ok(Intake::new(self.0)?)
    }
}

/// One user message of the conversation at `now` (`intake.step`): the
/// output holds the reply, the state (`asking`, `answered`,
/// `ticket_opened`, `handed_off`, `linked`), the fields still missing and,
/// once opened, the ticket.
///
/// `Debug` shows the message's length only: it may hold a secret.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_api::{intake::Step, ops::Command};
/// use walletcare_core::calendar::CalendarId;
/// use walletcare_core::intake::{Intake, IntakeConfig, IntakeState};
/// use walletcare_core::ticket::Channel;
/// let mut intake = Intake::new(IntakeConfig { channel: Channel::Chat, calendar: CalendarId::Indonesia, ticket_sequence: 7, locale: None })?;
/// let now = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).single().ok_or("time")?;
/// let out = Step { message: "mau bicara dengan CS".into(), now }.run(&mut intake)?;
/// assert_eq!(out.state, IntakeState::HandedOff);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "IntakeStep"))]
pub struct Step {
    /// The user's message.
    pub message: String,
    /// When it was sent (never before the previous message).
    pub now: DateTime<Utc>,
}

impl std::fmt::Debug for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Step")
            .field("message_bytes", &self.message.len())
            .field("now", &self.now)
            .finish()
    }
}

impl Command for Step {
    const NAME: &'static str = "intake.step";
    type State = Intake;
    type Output = StepOut;
    fn run(self, intake: &mut Intake) -> Result<StepOut, Error> {
        // A failed step leaves the conversation as it was (the core's
        // promise), so the state needs no copy here.
        Ok(intake.step(&self.message, self.now)?)
    }
}
