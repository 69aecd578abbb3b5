//! Integration tests: account.
