//! Integration tests: card.
