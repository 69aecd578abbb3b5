//! The triage module (being written).
