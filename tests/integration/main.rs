//! Integration tests of the `walletcare` facade, one module per subsystem, in
//! one test binary so the build stays fast.

mod account;
mod calendar;
mod card;
mod hostile;
mod intake;
mod money;
mod queue;
mod refund;
mod secrets;
mod ticket;
mod transaction;
mod triage;
mod vectors;
