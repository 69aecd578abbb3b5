//! Triage: offline classification of support messages in Chinese,
//! Indonesian and English (category, priority, language, entities, the
//! information support needs, and a self-service answer), with the built-in
//! model or a model trained elsewhere and loaded from bytes.
//!
//! A `wc_model` is immutable after construction and safe to share between
//! threads: any number of threads may triage with the same model at once
//! (only `wc_model_free` must not race with other uses).

use std::borrow::Cow;
use std::ffi::c_char;

use walletcare_api::triage::{Examples, Train, TriageText};
use walletcare_core::triage::Triager;

use crate::ffi::{self, Failure, FfiResult, Handle, api, guard, handle_export, json_export};
use crate::status::wc_status;

/// A triage model (opaque). Create it with [`wc_model_builtin`],
/// [`wc_model_from_bytes`] or [`wc_model_train_csv`]; free it with
/// [`wc_model_free`]. Immutable and thread-safe.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::triage::{wc_model, wc_model_free};
/// let model: *mut wc_model = std::ptr::null_mut();
/// unsafe { wc_model_free(model) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct wc_model {
    _private: [u8; 0],
}

/// The value behind a `wc_model`: the process-wide built-in triager
/// (borrowed, trained once) or one loaded from bytes (owned).
#[derive(Debug)]
pub(crate) struct TriageModel(Cow<'static, Triager>);

impl Handle for TriageModel {
    type Opaque = wc_model;
    const TAG: u64 = 0x7763_5f6d_646c_0001; // "wc_mdl" 1
}

/// Borrows the triager behind a handle.
///
/// # Safety
///
/// `model` must be NULL or a live walletcare handle.
unsafe fn triager<'a>(model: *const wc_model) -> FfiResult<&'a Triager> {
    // SAFETY: forwarded contract.
    let handle = unsafe { TriageModel::borrow(model, "model") }?;
    Ok(&handle.0)
}

/// Creates a handle to the built-in model, trained from the compiled-in
/// corpus on first use in the process (tens of milliseconds) and shared by
/// every handle afterwards. Its labels are the nine ticket categories.
///
/// # Safety
///
/// `out` must be valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::triage::{wc_model_builtin, wc_model_free};
/// use walletcare_ffi::wc_status;
/// let mut model = std::ptr::null_mut();
/// assert_eq!(unsafe { wc_model_builtin(&mut model) }, wc_status::WC_OK);
/// unsafe { wc_model_free(model) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_model_builtin(out: *mut *mut wc_model) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        handle_export(out, || {
            let triager = api(walletcare_api::triage::builtin())?;
            Ok(TriageModel(Cow::Borrowed(triager)))
        })
    }
}

/// Loads a model from the bytes a trained model was saved as (the core's
/// `Model::to_bytes`, or [`wc_model_to_bytes`]). Everything is validated:
/// magic, version, checksum, sizes, and that every label is a ticket
/// category name (`refund`, `payment_failure`, ...).
///
/// Returns `WC_TRIAGE_INVALID_MODEL` for bytes that are malformed,
/// truncated, corrupted, of another version, or whose labels are not
/// categories.
///
/// # Safety
///
/// `bytes` must point to `bytes_len` readable bytes; `out` valid for one
/// write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::triage::wc_model_from_bytes;
/// use walletcare_ffi::wc_status;
/// let garbage = b"not a model";
/// let mut model = std::ptr::null_mut();
/// assert_eq!(unsafe { wc_model_from_bytes(garbage.as_ptr(), garbage.len(), &mut model) },
///     wc_status::WC_TRIAGE_INVALID_MODEL);
/// assert!(model.is_null());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_model_from_bytes(
    bytes: *const u8,
    bytes_len: usize,
    out: *mut *mut wc_model,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        handle_export(out, || {
            if bytes.is_null() {
                return Err(Failure::null("bytes"));
            }
            // `bytes_len` readable bytes per the contract.
            let bytes = std::slice::from_raw_parts(bytes, bytes_len);
            let triager = api(walletcare_api::triage::load(bytes))?;
            Ok(TriageModel(Cow::Owned(triager)))
        })
    }
}

/// Trains a model on labelled examples, `text,label` CSV with a header
/// line (labels must be ticket category names), for services that train on
/// their own history. `config_json` is the core's `TrainConfig` (every
/// field, checked as it is read: `WC_GENERAL_INVALID_ARGUMENT` naming a
/// setting out of range) or NULL for the built-in model's settings (as the
/// npm package and `triage.default_train_config`). Training is deterministic: the same CSV
/// and configuration give the same model bytes on every platform.
///
/// Returns `WC_TRIAGE_INVALID_CSV` (with the line) for malformed CSV,
/// `WC_TRIAGE_INVALID_TRAINING_DATA` for fewer than two labels,
/// `WC_TRIAGE_INVALID_MODEL` when a label is not a category.
///
/// # Safety
///
/// `csv` must point to `csv_len` readable bytes; `config_json` NULL or
/// point to `config_len` readable bytes; `out` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::triage::{wc_model_free, wc_model_train_csv};
/// use walletcare_ffi::wc_status;
/// let csv = "text,label\nrefund my order please,refund\nthe app keeps crashing,technical\n";
/// let mut model = std::ptr::null_mut();
/// let rc = unsafe { wc_model_train_csv(csv.as_ptr().cast(), csv.len(), std::ptr::null(), 0, &mut model) };
/// assert_eq!(rc, wc_status::WC_OK);
/// unsafe { wc_model_free(model) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_model_train_csv(
    csv: *const c_char,
    csv_len: usize,
    config_json: *const c_char,
    config_len: usize,
    out: *mut *mut wc_model,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        handle_export(out, || {
            let input = Train {
                examples: Examples::Csv(ffi::text(csv, csv_len, "csv")?.to_owned()),
                config: ffi::optional_json(config_json, config_len, "config")?,
                labels: None,
                triage: Vec::new(),
            };
            let triager = api(input.model())?;
            Ok(TriageModel(Cow::Owned(triager)))
        })
    }
}

/// Writes the model's bytes (the format [`wc_model_from_bytes`] loads) into
/// `buf`. The size needed is written to `*out_len` (may be NULL), also when
/// `buf_len` is too small (`WC_BUFFER_TOO_SMALL`): call once with
/// `buf_len` 0 to learn the size, then again with a buffer that large.
///
/// # Safety
///
/// `model` must be NULL or a live handle; `buf` NULL (only with
/// `buf_len` 0) or valid for `buf_len` bytes of writes; `out_len` NULL or
/// valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::triage::*;
/// use walletcare_ffi::wc_status;
/// let csv = "text,label\nrefund my order please,refund\nthe app keeps crashing,technical\n";
/// let mut model = std::ptr::null_mut();
/// unsafe { wc_model_train_csv(csv.as_ptr().cast(), csv.len(), std::ptr::null(), 0, &mut model) };
/// let mut len = 0usize;
/// assert_eq!(unsafe { wc_model_to_bytes(model, std::ptr::null_mut(), 0, &mut len) }, wc_status::WC_BUFFER_TOO_SMALL);
/// let mut bytes = vec![0u8; len];
/// assert_eq!(unsafe { wc_model_to_bytes(model, bytes.as_mut_ptr(), len, &mut len) }, wc_status::WC_OK);
/// assert_eq!(&bytes[..8], b"WCTRIAGE");
/// let mut again = std::ptr::null_mut();
/// assert_eq!(unsafe { wc_model_from_bytes(bytes.as_ptr(), len, &mut again) }, wc_status::WC_OK);
/// unsafe { wc_model_free(model); wc_model_free(again) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_model_to_bytes(
    model: *const wc_model,
    buf: *mut u8,
    buf_len: usize,
    out_len: *mut usize,
) -> wc_status {
    guard(|| {
        // SAFETY: per the contract.
        let triager = unsafe { triager(model) }?;
        let bytes = triager.model().to_bytes();
        if !out_len.is_null() {
            // SAFETY: non-null, valid per the contract; the size is reported
            // in every case so the caller can size its buffer.
            unsafe { out_len.write(bytes.len()) };
        }
        if buf_len < bytes.len() {
            return Err(Failure::new(
                wc_status::WC_BUFFER_TOO_SMALL,
                format!(
                    "the buffer has {buf_len} bytes; the model needs {}",
                    bytes.len()
                ),
            ));
        }
        if buf.is_null() {
            return Err(Failure::null("buf"));
        }
        // SAFETY: `buf` has room for `bytes.len()` bytes.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf, bytes.len()) };
        Ok(())
    })
}

/// Frees a model. Accepts NULL; call once per handle, after every other use
/// (from any thread) has returned. Freeing a handle to the built-in model
/// does not affect other handles to it.
///
/// # Safety
///
/// `model` must be NULL or a live model handle.
///
/// # Examples
///
/// ```
/// unsafe { walletcare_ffi::triage::wc_model_free(std::ptr::null_mut()) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_model_free(model: *mut wc_model) {
    // SAFETY: per the contract.
    unsafe { TriageModel::free(model) }
}

/// Triages one support message with `model` and writes the result as JSON
/// to `*out_json` (free it with `wc_string_free`).
///
/// `channel` is where the message came from (`app`, `chat`, `email`,
/// `phone`, `social_media`, `web`; a public complaint on social media is
/// raised one priority level) or NULL. Any text gives a result; only its
/// first 4 096 bytes are read (`"truncated":true` then).
///
/// Output, the core's `Triage`:
/// `{"category":"refund","priority":"normal","language":"id","confidence":0.93,
/// "alternatives":[{"category":"payment_failure","score":-0.4,"probability":0.02}],
/// "needed_info":[{"field":"order_number","found":false}],"entities":[...],
/// "urgency_cues":[],"answer":{"locale":"id-ID","title":"...","steps":["..."]},
/// "channel":null,"truncated":false}`; numbers are rounded to 4 decimals and
/// the answer is in the message's language.
///
/// # Safety
///
/// `model` must be NULL or a live handle; `text` must point to `text_len`
/// readable bytes; `channel` NULL or a NUL-terminated string; `out_json`
/// valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::triage::{wc_model_builtin, wc_model_free, wc_model_triage};
/// use walletcare_ffi::{wc_status, wc_string_free};
/// let mut model = std::ptr::null_mut();
/// unsafe { wc_model_builtin(&mut model) };
/// let text = "saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat";
/// let mut json = std::ptr::null_mut();
/// let rc = unsafe { wc_model_triage(model, text.as_ptr().cast(), text.len(), std::ptr::null(), &mut json) };
/// assert_eq!(rc, wc_status::WC_OK);
/// let out = unsafe { std::ffi::CStr::from_ptr(json) }.to_str()?.to_owned();
/// assert!(out.starts_with(r#"{"category":"payment_failure","label":"payment_failure","priority":"urgent","language":"id""#));
/// unsafe { wc_string_free(json); wc_model_free(model) };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_model_triage(
    model: *const wc_model,
    text: *const c_char,
    text_len: usize,
    channel: *const c_char,
    out_json: *mut *mut c_char,
) -> wc_status {
    // SAFETY: per the contract.
    unsafe {
        json_export(out_json, || {
            let triager = triager(model)?;
            let input = TriageText {
                text: ffi::text(text, text_len, "text")?.to_owned(),
                channel: ffi::optional_code_arg(channel, "channel")?,
            };
            Ok(input.run_with(triager))
        })
    }
}
