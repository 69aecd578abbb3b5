//! Integration tests: ticket.
