//! Unit tests of the transaction module.
