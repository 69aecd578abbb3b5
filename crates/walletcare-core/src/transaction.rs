//! The transaction module (being written).
