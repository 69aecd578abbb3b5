//! The card module (being written).
