//! Integration tests: triage.
