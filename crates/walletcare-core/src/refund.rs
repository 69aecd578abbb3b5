//! The refund module (being written).
