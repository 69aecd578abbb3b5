//! Integration tests: transaction.
