//! The ticket module (being written).
