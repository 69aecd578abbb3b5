//! Integration tests of the `walletcare` facade, one module per subsystem, in
//! one test binary so the build stays fast.

mod account;
mod calendar;
mod card;
mod hostile;
mod intake;
mod local_days;
mod money;
mod queue;
mod redact;
mod refund;
mod scripts;
mod secrets;
mod ticket;
mod transaction;
mod triage;
mod vectors;
