//! Integration tests: refund.
