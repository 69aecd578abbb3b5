//! Secrets never appear in any output.
