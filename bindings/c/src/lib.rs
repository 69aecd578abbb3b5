//! The C API of walletcare.
//!
//! A thin, mechanical layer over `walletcare-core`: it converts C types to
//! core types and back, catches every panic, and maps every core error to a
//! [`wc_status`] with the same number as its `ErrorCode`. There is no domain
//! logic here.
//!
//! The header `include/walletcare.h` is generated from this crate by a pinned
//! cbindgen (`scripts/c-header.sh`); `bindings/c/README.md` documents the
//! conventions (ownership, threads, status codes) for C, Swift and Kotlin/JNI
//! developers.
//!
//! # Examples
//!
//! ```
//! use walletcare_ffi::{wc_status, wc_version};
//!
//! let version = unsafe { std::ffi::CStr::from_ptr(wc_version()) };
//! assert_eq!(version.to_str()?, env!("CARGO_PKG_VERSION"));
//! assert_eq!(wc_status::WC_OK as u32, 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
// The C boundary is the one place walletcare needs `unsafe`: raw pointers
// from C. Every dereference goes through the checked helpers in `ffi`.
#![allow(unsafe_code)]
#![deny(missing_docs)]

#[cfg(test)]
mod c_calls;
mod ffi;
mod status;
#[cfg(test)]
mod status_gen;

pub mod account;
pub mod calendar;
mod call;
pub mod card;
pub mod money;
pub mod refund;
pub mod ticket;
pub mod transaction;
pub mod triage;
pub mod types;

pub use call::wc_call;
pub use ffi::{wc_last_error, wc_status_name, wc_string_free};
pub use status::wc_status;

/// Major version of the library, from Cargo.toml.
pub const WALLETCARE_VERSION_MAJOR: u32 = 0;
/// Minor version of the library, from Cargo.toml.
pub const WALLETCARE_VERSION_MINOR: u32 = 1;
/// Patch version of the library, from Cargo.toml.
pub const WALLETCARE_VERSION_PATCH: u32 = 0;

/// The library version as a static NUL-terminated string, e.g. `"0.1.0"`.
///
/// The string is static: do not free it.
///
/// # Examples
///
/// ```
/// let v = unsafe { std::ffi::CStr::from_ptr(walletcare_ffi::wc_version()) };
/// assert!(!v.to_bytes().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub extern "C" fn wc_version() -> *const std::ffi::c_char {
    const VERSION: &std::ffi::CStr = match std::ffi::CStr::from_bytes_with_nul(
        concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes(),
    ) {
        Ok(v) => v,
        Err(_) => c"unknown",
    };
    VERSION.as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_macros_match_cargo_toml() {
        assert_eq!(
            WALLETCARE_VERSION_MAJOR.to_string(),
            env!("CARGO_PKG_VERSION_MAJOR")
        );
        assert_eq!(
            WALLETCARE_VERSION_MINOR.to_string(),
            env!("CARGO_PKG_VERSION_MINOR")
        );
        assert_eq!(
            WALLETCARE_VERSION_PATCH.to_string(),
            env!("CARGO_PKG_VERSION_PATCH")
        );
    }
}
