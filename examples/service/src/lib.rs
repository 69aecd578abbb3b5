//! An example service: walletcare tickets and refund books in SQLite through
//! the versioned event model (`walletcare_core::versioned`), behind axum.
//!
//! `store` is what a service writes by hand; `routes` is the HTTP layer.

pub mod routes;
pub mod store;

pub use routes::router;
pub use store::Store;
