//! Integration tests: money.
