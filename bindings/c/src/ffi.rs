//! The machinery every export uses: the panic guard, the per-thread last
//! error, checked conversion of C pointers, Rust-owned strings and typed
//! opaque handles. Nothing else in the crate dereferences a raw pointer.

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use chrono::{DateTime, Utc};
use walletcare_core::error::HasErrorCode;
use walletcare_core::locale::{Locale, Render};

use crate::status::wc_status;

/// Upper bound on any text or JSON argument, in bytes (16 MiB).
pub(crate) const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// A failure on its way out to C: the status and a message for
/// `wc_last_error`.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: wc_status,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn new(status: wc_status, message: impl Into<String>) -> Self {
        Failure {
            status,
            message: message.into(),
        }
    }

    /// The operation layer's error, code for code.
    pub(crate) fn from_error(err: walletcare_core::error::Error) -> Self {
        Failure::new(wc_status::from_code(err.code), err.message)
    }

    pub(crate) fn null(name: &str) -> Self {
        Failure::new(
            wc_status::WC_NULL_PARAMETER,
            format!("`{name}` must not be NULL"),
        )
    }
}

impl<E: HasErrorCode> From<E> for Failure {
    fn from(err: E) -> Self {
        Failure::new(wc_status::from_code(err.code()), err.to_string())
    }
}

pub(crate) type FfiResult<T = ()> = Result<T, Failure>;

thread_local! {
    static LAST_ERROR: RefCell<Option<(wc_status, String)>> = const { RefCell::new(None) };
}

fn set_last_error(status: wc_status, message: String) {
    LAST_ERROR.with(|e| *e.borrow_mut() = Some((status, message)));
}

/// Runs an export's body: catches panics, records the error message for
/// `wc_last_error`, and turns the outcome into a status.
pub(crate) fn guard<F>(body: F) -> wc_status
where
    F: FnOnce() -> FfiResult,
{
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => wc_status::WC_OK,
        Ok(Err(failure)) => {
            set_last_error(failure.status, failure.message);
            failure.status
        }
        Err(_) => {
            set_last_error(
                wc_status::WC_PANIC,
                "internal error: a panic was caught at the C boundary; nothing changed".to_owned(),
            );
            wc_status::WC_PANIC
        }
    }
}

/// Borrows `len` bytes at `ptr` as UTF-8 text.
///
/// # Safety
///
/// `ptr` must be NULL or point to `len` readable bytes that stay valid and
/// unchanged for `'a`.
pub(crate) unsafe fn text<'a>(ptr: *const c_char, len: usize, name: &str) -> FfiResult<&'a str> {
    if ptr.is_null() {
        return Err(Failure::null(name));
    }
    if len > MAX_INPUT_BYTES {
        return Err(Failure::new(
            wc_status::WC_GENERAL_INPUT_TOO_LARGE,
            format!("`{name}` is {len} bytes; the limit is {MAX_INPUT_BYTES}"),
        ));
    }
    // SAFETY: the caller guarantees `len` readable bytes at `ptr`.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|e| {
        Failure::new(
            wc_status::WC_INVALID_UTF8,
            format!("`{name}` is not UTF-8 at byte {}", e.valid_up_to()),
        )
    })
}

/// Borrows a NUL-terminated ASCII/UTF-8 code (locale, currency, calendar).
///
/// # Safety
///
/// `ptr` must be NULL or point to a NUL-terminated string valid for `'a`.
pub(crate) unsafe fn code<'a>(ptr: *const c_char, name: &str) -> FfiResult<&'a str> {
    if ptr.is_null() {
        return Err(Failure::null(name));
    }
    // SAFETY: the caller guarantees a NUL-terminated string.
    let c = unsafe { CStr::from_ptr(ptr) };
    if c.to_bytes().len() > 256 {
        return Err(Failure::new(
            wc_status::WC_GENERAL_INPUT_TOO_LARGE,
            format!("`{name}` is longer than 256 bytes"),
        ));
    }
    c.to_str()
        .map_err(|_| Failure::new(wc_status::WC_INVALID_UTF8, format!("`{name}` is not UTF-8")))
}

/// Writes `value` through an out-pointer.
///
/// # Safety
///
/// `out` must be NULL or valid for a write of `T`.
pub(crate) unsafe fn write_out<T>(out: *mut T, value: T, name: &str) -> FfiResult {
    if out.is_null() {
        return Err(Failure::null(name));
    }
    // SAFETY: non-null and valid for writes per the caller's contract.
    unsafe { out.write(value) };
    Ok(())
}

/// Checks an out-pointer before any work is done, so a NULL out-parameter
/// fails before anything changes.
pub(crate) fn require_out<T>(out: *mut T, name: &str) -> FfiResult {
    if out.is_null() {
        Err(Failure::null(name))
    } else {
        Ok(())
    }
}

/// Hands a Rust string to C as a NUL-terminated, Rust-owned string, freed
/// with `wc_string_free`.
///
/// # Safety
///
/// `out` must be NULL or valid for a write of a pointer.
pub(crate) unsafe fn write_string(out: *mut *mut c_char, value: String, name: &str) -> FfiResult {
    require_out(out, name)?;
    let c = CString::new(value).map_err(|_| {
        Failure::new(
            wc_status::WC_INTERNAL_ERROR,
            "output contained a NUL byte".to_owned(),
        )
    })?;
    // SAFETY: checked non-null above.
    unsafe { write_out(out, c.into_raw(), name) }
}

/// Frees a string returned by walletcare. Accepts NULL. Call once per string.
///
/// # Safety
///
/// `s` must be NULL or a pointer returned by a walletcare function as a
/// string output, not yet freed.
///
/// # Examples
///
/// ```
/// unsafe { walletcare_ffi::wc_string_free(std::ptr::null_mut()) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: `s` came from `CString::into_raw` in `write_string`.
        drop(unsafe { CString::from_raw(s) });
    }));
}

/// Copies the message of the last failure on this thread into `buf` (NUL
/// terminated) and its status into `out_status` (may be NULL).
///
/// Writes the size needed, including the NUL, to `out_len` (may be NULL). If
/// `buf_len` is too small, copies nothing and returns `WC_BUFFER_TOO_SMALL`;
/// call again with a buffer of `*out_len` bytes. With no failure so far on
/// this thread the message is empty and the status `WC_OK`.
///
/// # Safety
///
/// `buf` must be NULL or valid for `buf_len` bytes of writes; `out_len` and
/// `out_status` NULL or valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::{wc_last_error, wc_status};
/// let mut buf = [0 as std::ffi::c_char; 256];
/// let mut len = 0usize;
/// let mut status = wc_status::WC_PANIC;
/// let rc = unsafe { wc_last_error(buf.as_mut_ptr(), buf.len(), &mut len, &mut status) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert_eq!(status, wc_status::WC_OK);
/// assert_eq!(len, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_last_error(
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
    out_status: *mut wc_status,
) -> wc_status {
    // Not run through `guard`: reading the last error must not replace it.
    let result = catch_unwind(AssertUnwindSafe(|| {
        let (status, message) = LAST_ERROR.with(|e| {
            e.borrow()
                .clone()
                .unwrap_or((wc_status::WC_OK, String::new()))
        });
        let bytes = message.as_bytes();
        let needed = bytes.len() + 1;
        if !out_len.is_null() {
            // SAFETY: non-null, valid per the contract.
            unsafe { out_len.write(needed) };
        }
        if buf.is_null() {
            return wc_status::WC_NULL_PARAMETER;
        }
        if buf_len < needed {
            return wc_status::WC_BUFFER_TOO_SMALL;
        }
        // SAFETY: `buf` has room for `needed` bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf.cast::<u8>(), bytes.len());
            buf.add(bytes.len()).write(0);
        }
        if !out_status.is_null() {
            // SAFETY: non-null, valid per the contract.
            unsafe { out_status.write(status) };
        }
        wc_status::WC_OK
    }));
    result.unwrap_or(wc_status::WC_PANIC)
}

/// The stable machine name of a status: `"ok"`, `"ffi.null_parameter"`, or
/// the core error code such as `"money.currency_mismatch"`. Static: do not
/// free. Unknown values give `"ffi.internal_error"`.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::{wc_status, wc_status_name};
/// let name = unsafe { std::ffi::CStr::from_ptr(wc_status_name(wc_status::WC_MONEY_OVERFLOW as u32)) };
/// assert_eq!(name.to_str()?, "money.overflow");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub extern "C" fn wc_status_name(status: u32) -> *const c_char {
    wc_status::from_u32(status)
        .unwrap_or(wc_status::WC_INTERNAL_ERROR)
        .name()
        .as_ptr()
}

/// A Rust value behind an opaque C handle, tagged so a handle of the wrong
/// type is refused instead of misread.
#[repr(C)]
pub(crate) struct Tagged<T> {
    tag: u64,
    pub(crate) value: T,
}

/// A type that crosses the boundary as an opaque handle.
pub(crate) trait Handle: Sized {
    /// The opaque C type the header declares.
    type Opaque;
    /// A tag unique to this handle type.
    const TAG: u64;

    /// Boxes a value into a new handle owned by C until its `_free`.
    fn into_raw(self) -> *mut Self::Opaque {
        Box::into_raw(Box::new(Tagged {
            tag: Self::TAG,
            value: self,
        }))
        .cast()
    }

    /// Borrows the value behind a handle.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or a live handle returned by walletcare.
    unsafe fn borrow<'a>(ptr: *const Self::Opaque, name: &str) -> FfiResult<&'a Self> {
        if ptr.is_null() {
            return Err(Failure::null(name));
        }
        let tagged = ptr.cast::<Tagged<Self>>();
        // SAFETY: every walletcare handle starts with a `u64` tag, so reading
        // it is valid for a handle of any type; the value is read only after
        // the tag says the type is right.
        unsafe {
            if tagged.cast::<u64>().read() != Self::TAG {
                return Err(wrong_handle(name));
            }
            Ok(&(*tagged).value)
        }
    }

    /// Borrows the value behind a handle mutably.
    ///
    /// # Safety
    ///
    /// As [`Handle::borrow`], and no other reference to it may be live.
    unsafe fn borrow_mut<'a>(ptr: *mut Self::Opaque, name: &str) -> FfiResult<&'a mut Self> {
        if ptr.is_null() {
            return Err(Failure::null(name));
        }
        let tagged = ptr.cast::<Tagged<Self>>();
        // SAFETY: as in `borrow`.
        unsafe {
            if tagged.cast::<u64>().read() != Self::TAG {
                return Err(wrong_handle(name));
            }
            Ok(&mut (*tagged).value)
        }
    }

    /// Frees a handle. NULL and wrong-type handles are ignored.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or a live handle; it is dangling afterwards.
    unsafe fn free(ptr: *mut Self::Opaque) {
        if ptr.is_null() {
            return;
        }
        let tagged = ptr.cast::<Tagged<Self>>();
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: as in `borrow`; the box came from `into_raw`. The tag is
            // cleared first so a double free of the same handle is refused
            // while the memory has not been reused.
            unsafe {
                if tagged.cast::<u64>().read() == Self::TAG {
                    tagged.cast::<u64>().write(0);
                    drop(Box::from_raw(tagged));
                }
            }
        }));
    }
}

fn wrong_handle(name: &str) -> Failure {
    Failure::new(
        wc_status::WC_INVALID_HANDLE,
        format!("`{name}` is not a handle of the expected type"),
    )
}

/// Serialises a value to JSON for C.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> FfiResult<String> {
    serde_json::to_string(value).map_err(|e| {
        Failure::new(
            wc_status::WC_INTERNAL_ERROR,
            format!("could not serialise the result: {e}"),
        )
    })
}

/// An operation layer result as an export's result.
pub(crate) fn api<T>(result: Result<T, walletcare_core::error::Error>) -> FfiResult<T> {
    result.map_err(Failure::from_error)
}

/// Runs an operation of the operation layer and hands its JSON output to
/// C (see [`write_string`]): one call for every export whose result is
/// JSON. `out` is checked before anything runs.
///
/// # Safety
///
/// As [`write_string`].
pub(crate) unsafe fn run_json<O: walletcare_api::ops::Operation>(
    op: O,
    out: *mut *mut c_char,
) -> FfiResult {
    require_out(out, "out_json")?;
    let output = api(op.run())?;
    // SAFETY: forwarded contract.
    unsafe { write_json(out, &output, "out_json") }
}

/// Parses JSON from C into a core type, with the operation layer's errors
/// (a domain code and the field's name, never serde's wording).
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str, name: &str) -> FfiResult<T> {
    walletcare_api::json::from_str(json, name).map_err(Failure::from_error)
}

/// Parses JSON text from C (pointer + length) into a core type.
///
/// # Safety
///
/// As [`text`].
pub(crate) unsafe fn json_arg<T: serde::de::DeserializeOwned>(
    ptr: *const c_char,
    len: usize,
    name: &str,
) -> FfiResult<T> {
    // SAFETY: forwarded contract.
    let json = unsafe { text(ptr, len, name) }?;
    from_json(json, name)
}

/// Like [`json_arg`], but NULL means the type's default (an optional
/// argument such as a policy).
///
/// # Safety
///
/// As [`text`].
pub(crate) unsafe fn optional_json_arg<T: serde::de::DeserializeOwned + Default>(
    ptr: *const c_char,
    len: usize,
    name: &str,
) -> FfiResult<T> {
    if ptr.is_null() {
        return Ok(T::default());
    }
    // SAFETY: forwarded contract.
    unsafe { json_arg(ptr, len, name) }
}

/// Reads a NUL-terminated locale tag (`"en"`, `"id-ID"`, `"zh-CN"`, ...).
///
/// # Safety
///
/// As [`code`].
pub(crate) unsafe fn locale_arg(ptr: *const c_char) -> FfiResult<Locale> {
    // SAFETY: forwarded contract.
    let tag = unsafe { code(ptr, "locale") }?;
    Ok(tag.parse::<Locale>()?)
}

/// An instant from Unix seconds (UTC).
pub(crate) fn instant_arg(seconds: i64, name: &str) -> FfiResult<DateTime<Utc>> {
    DateTime::from_timestamp(seconds, 0).ok_or_else(|| {
        Failure::new(
            wc_status::WC_GENERAL_DATE_OUT_OF_RANGE,
            format!("`{name}` ({seconds} s) is outside the supported time range"),
        )
    })
}

/// The rendered text of each item, in order.
pub(crate) fn messages<'a, T: Render + 'a>(
    items: impl IntoIterator<Item = &'a T>,
    locale: Locale,
) -> Vec<String> {
    items.into_iter().map(|item| item.render(locale)).collect()
}

/// Copies `value` and a NUL into the caller's buffer. Writes the size needed
/// (including the NUL) to `out_len` when it is not NULL, also when the buffer
/// is too small, so the caller can retry with a buffer of that size.
///
/// # Safety
///
/// `buf` must be NULL or valid for `buf_len` bytes of writes; `out_len` NULL
/// or valid for one write.
pub(crate) unsafe fn write_buffer(
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
    value: &str,
) -> FfiResult {
    if buf.is_null() {
        return Err(Failure::null("buf"));
    }
    let bytes = value.as_bytes();
    let needed = bytes.len().saturating_add(1);
    if !out_len.is_null() {
        // SAFETY: non-null, valid per the contract.
        unsafe { out_len.write(needed) };
    }
    if buf_len < needed {
        return Err(Failure::new(
            wc_status::WC_BUFFER_TOO_SMALL,
            format!("the buffer has {buf_len} bytes; {needed} are needed"),
        ));
    }
    // SAFETY: `buf` has room for `needed` bytes.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf.cast::<u8>(), bytes.len());
        buf.add(bytes.len()).write(0);
    }
    Ok(())
}

/// Serialises a value to JSON and hands it to C as a Rust-owned string (see
/// [`write_string`]). Outputs are serialised from structs, never through
/// `serde_json::Value`, so object keys keep the core's field order.
///
/// # Safety
///
/// As [`write_string`].
pub(crate) unsafe fn write_json<T: serde::Serialize>(
    out: *mut *mut c_char,
    value: &T,
    name: &str,
) -> FfiResult {
    let json = to_json(value)?;
    // SAFETY: forwarded contract.
    unsafe { write_string(out, json, name) }
}
