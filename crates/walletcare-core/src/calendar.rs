//! The calendar module (being written).
