//! Money: amounts as integer minor units with an ISO 4217 currency code.

use std::ffi::c_char;

use walletcare_api::money::{Add, Allocate, CurrencyExponent, Format, Parse, Split};
use walletcare_api::ops::Operation;
use walletcare_core::money::{Currency, Money};

use crate::ffi::{self, Failure, FfiResult, api, guard};
use crate::status::wc_status;

/// An amount of money: integer minor units and an ISO 4217 code.
///
/// `currency` is the NUL-terminated three-letter code, e.g. `"IDR"`.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::money::wc_money;
/// let m = wc_money { minor: 1_500_000, currency: *b"IDR\0" };
/// assert_eq!(m.minor, 1_500_000);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct wc_money {
    /// The amount in minor units (sen, fen, cents).
    pub minor: i64,
    /// The ISO 4217 alphabetic code, NUL-terminated.
    pub currency: [u8; 4],
}

impl wc_money {
    pub(crate) fn from_core(m: Money) -> Self {
        let mut currency = [0u8; 4];
        for (slot, byte) in currency.iter_mut().zip(m.currency().code().bytes()) {
            *slot = byte;
        }
        wc_money {
            minor: m.minor(),
            currency,
        }
    }

    pub(crate) fn to_core(self) -> FfiResult<Money> {
        let code = self
            .currency
            .split(|&b| b == 0)
            .next()
            .and_then(|c| std::str::from_utf8(c).ok())
            .unwrap_or("");
        let currency: Currency = code.parse()?;
        Ok(Money::new(self.minor, currency))
    }
}

/// Adds two amounts of the same currency into `out`.
///
/// Returns `WC_MONEY_CURRENCY_MISMATCH` for different currencies and
/// `WC_MONEY_OVERFLOW` when the sum does not fit; `out` is then untouched.
///
/// # Safety
///
/// `out` must be NULL or valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::money::{wc_money, wc_money_add};
/// use walletcare_ffi::wc_status;
/// let a = wc_money { minor: 100, currency: *b"IDR\0" };
/// let mut out = wc_money { minor: 0, currency: [0; 4] };
/// assert_eq!(unsafe { wc_money_add(a, a, &mut out) }, wc_status::WC_OK);
/// assert_eq!(out.minor, 200);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_money_add(a: wc_money, b: wc_money, out: *mut wc_money) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        let sum = api(Add {
            a: a.to_core()?,
            b: b.to_core()?,
        }
        .run())?;
        // SAFETY: checked non-null; valid per the contract.
        unsafe { ffi::write_out(out, wc_money::from_core(sum), "out") }
    })
}

/// The number of decimal digits of a currency's minor unit (ISO 4217).
///
/// # Safety
///
/// `currency` must be NULL or a NUL-terminated string; `out` NULL or valid
/// for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::money::wc_currency_exponent;
/// use walletcare_ffi::wc_status;
/// let mut exp = 99u32;
/// assert_eq!(unsafe { wc_currency_exponent(c"JPY".as_ptr(), &mut exp) }, wc_status::WC_OK);
/// assert_eq!(exp, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_currency_exponent(currency: *const c_char, out: *mut u32) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let currency: Currency = unsafe { ffi::code(currency, "currency") }?.parse()?;
        let exponent = api(CurrencyExponent { currency }.run())?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, exponent, "out") }
    })
}

/// Parses an amount as a user types it, in the conventions of `locale`,
/// into `*out`: `"Rp150.000"`, `"Rp 150.000,50"`, `"1,5jt"`, `"50 ribu"`
/// (`id-ID`); `"$12.34"`, `"S$5"`, `"1.5k"` (`en`); `"¥150"`, `"1.5万"`
/// (`zh-CN`). A currency symbol or code in the text wins; otherwise
/// `default_currency` (an ISO 4217 code such as `"IDR"`) applies.
///
/// Errors: `WC_MONEY_PARSE` (the message names the position),
/// `WC_MONEY_AMBIGUOUS` (e.g. `"1.500"` for dollars), `WC_MONEY_TOO_PRECISE`,
/// `WC_MONEY_UNKNOWN_CURRENCY`, `WC_MONEY_OVERFLOW`,
/// `WC_GENERAL_INPUT_TOO_LARGE` (over 256 bytes), `WC_GENERAL_UNKNOWN_VALUE`
/// (locale).
///
/// # Safety
///
/// `text` must point to `text_len` readable bytes; `locale` and
/// `default_currency` must be NUL-terminated strings; `out` valid for one
/// write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::money::{wc_money, wc_money_parse};
/// use walletcare_ffi::wc_status;
/// let text = "Rp150.000";
/// let mut out = wc_money { minor: 0, currency: [0; 4] };
/// let rc = unsafe { wc_money_parse(text.as_ptr().cast(), text.len(), c"id-ID".as_ptr(), c"IDR".as_ptr(), &mut out) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert_eq!(out, wc_money { minor: 15_000_000, currency: *b"IDR\0" });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_money_parse(
    text: *const c_char,
    text_len: usize,
    locale: *const c_char,
    default_currency: *const c_char,
    out: *mut wc_money,
) -> wc_status {
    guard(|| {
        ffi::require_out(out, "out")?;
        // SAFETY: per the contract.
        let text = unsafe { ffi::text(text, text_len, "text") }?;
        // SAFETY: per the contract.
        let locale = unsafe { ffi::locale_arg(locale) }?;
        // SAFETY: per the contract.
        let default_currency: Currency =
            unsafe { ffi::code(default_currency, "default_currency") }?.parse()?;
        let text = text.to_owned();
        let money = api(Parse {
            text,
            locale,
            default_currency,
        }
        .run())?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, wc_money::from_core(money), "out") }
    })
}

/// Formats an amount the way `locale` writes it (`"Rp150.000"`,
/// `"IDR 150,000"`, `"¥150.00"`, `"$12.34"`, `"-RM10.50"`) into `buf`, with
/// a NUL. [`wc_money_parse`] reads the result back to the same amount.
///
/// The size needed, NUL included, is written to `*out_len` (may be NULL),
/// also when `buf_len` is too small (`WC_BUFFER_TOO_SMALL`: call again with
/// a buffer that large); 64 bytes are always enough.
///
/// # Safety
///
/// `locale` must be a NUL-terminated string; `buf` valid for `buf_len`
/// bytes of writes; `out_len` NULL or valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::money::{wc_money, wc_money_format};
/// use walletcare_ffi::wc_status;
/// let amount = wc_money { minor: 15_000_050, currency: *b"IDR\0" };
/// let mut buf = [0 as std::ffi::c_char; 64];
/// let mut len = 0usize;
/// let rc = unsafe { wc_money_format(amount, c"id-ID".as_ptr(), buf.as_mut_ptr(), buf.len(), &mut len) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert_eq!(unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }.to_str()?, "Rp150.000,50");
/// let mut small = [0 as std::ffi::c_char; 4];
/// let rc = unsafe { wc_money_format(amount, c"id-ID".as_ptr(), small.as_mut_ptr(), small.len(), &mut len) };
/// assert_eq!((rc, len), (wc_status::WC_BUFFER_TOO_SMALL, 13));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_money_format(
    amount: wc_money,
    locale: *const c_char,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> wc_status {
    guard(|| {
        let amount = amount.to_core()?;
        // SAFETY: per the contract.
        let locale = unsafe { ffi::locale_arg(locale) }?;
        let text = api(Format { amount, locale }.run())?;
        // SAFETY: per the contract.
        unsafe { ffi::write_buffer(buf, buf_len, out_len, &text) }
    })
}

/// Writes a list of amounts into the caller's array, or reports the room
/// needed.
///
/// # Safety
///
/// `out` must be NULL or valid for `out_cap` writes; `out_count` valid for
/// one write.
unsafe fn write_parts(
    parts: &[Money],
    out: *mut wc_money,
    out_cap: usize,
    out_count: *mut usize,
) -> FfiResult {
    ffi::require_out(out_count, "out_count")?;
    if out.is_null() {
        return Err(Failure::null("out"));
    }
    // SAFETY: checked non-null; the count is written in every case so the
    // caller can size its array.
    unsafe { out_count.write(parts.len()) };
    if out_cap < parts.len() {
        return Err(Failure::new(
            wc_status::WC_BUFFER_TOO_SMALL,
            format!(
                "the array has room for {out_cap} amounts; {} are needed",
                parts.len()
            ),
        ));
    }
    for (i, part) in parts.iter().enumerate() {
        // SAFETY: `i < parts.len() <= out_cap`, within the caller's array.
        unsafe { out.add(i).write(wc_money::from_core(*part)) };
    }
    Ok(())
}

/// Splits an amount into `parts` equal shares that add up to it exactly
/// (the first shares get one minor unit more when it does not divide),
/// written to `out[0..parts]`.
///
/// `*out_count` receives the number of shares, also when `out_cap` is too
/// small (`WC_BUFFER_TOO_SMALL`). `WC_MONEY_INVALID_SPLIT` for 0 parts or
/// more than 10 000.
///
/// # Safety
///
/// `out` must be valid for `out_cap` writes of `wc_money`; `out_count`
/// valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::money::{wc_money, wc_money_split};
/// use walletcare_ffi::wc_status;
/// let bill = wc_money { minor: 10_000, currency: *b"IDR\0" };
/// let mut shares = [wc_money { minor: 0, currency: [0; 4] }; 3];
/// let mut n = 0usize;
/// assert_eq!(unsafe { wc_money_split(bill, 3, shares.as_mut_ptr(), shares.len(), &mut n) }, wc_status::WC_OK);
/// assert_eq!((n, shares[0].minor, shares[1].minor, shares[2].minor), (3, 3_334, 3_333, 3_333));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_money_split(
    amount: wc_money,
    parts: u32,
    out: *mut wc_money,
    out_cap: usize,
    out_count: *mut usize,
) -> wc_status {
    guard(|| {
        let shares = api(Split {
            amount: amount.to_core()?,
            parts,
        }
        .run())?;
        // SAFETY: per the contract.
        unsafe { write_parts(&shares, out, out_cap, out_count) }
    })
}

/// Allocates an amount by ratios (largest remainder: the shares add up to
/// it exactly), written to `out[0..ratios_len]`; e.g. ratios `{1, 1, 2}`
/// give a quarter, a quarter and a half.
///
/// `*out_count` receives `ratios_len`, also when `out_cap` is too small
/// (`WC_BUFFER_TOO_SMALL`). `WC_MONEY_INVALID_SPLIT` for no ratios, all
/// zero, or more than 10 000.
///
/// # Safety
///
/// `ratios` must point to `ratios_len` readable `uint64_t`; `out` valid for
/// `out_cap` writes of `wc_money`; `out_count` valid for one write.
///
/// # Examples
///
/// ```
/// use walletcare_ffi::money::{wc_money, wc_money_allocate};
/// use walletcare_ffi::wc_status;
/// let amount = wc_money { minor: 100, currency: *b"USD\0" };
/// let ratios = [1u64, 1, 2];
/// let mut out = [wc_money { minor: 0, currency: [0; 4] }; 3];
/// let mut n = 0usize;
/// let rc = unsafe { wc_money_allocate(amount, ratios.as_ptr(), ratios.len(), out.as_mut_ptr(), out.len(), &mut n) };
/// assert_eq!(rc, wc_status::WC_OK);
/// assert_eq!((out[0].minor, out[1].minor, out[2].minor), (25, 25, 50));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wc_money_allocate(
    amount: wc_money,
    ratios: *const u64,
    ratios_len: usize,
    out: *mut wc_money,
    out_cap: usize,
    out_count: *mut usize,
) -> wc_status {
    guard(|| {
        if ratios.is_null() {
            return Err(Failure::null("ratios"));
        }
        // SAFETY: `ratios_len` readable values per the contract.
        let ratios = unsafe { std::slice::from_raw_parts(ratios, ratios_len) }.to_vec();
        let shares = api(Allocate {
            amount: amount.to_core()?,
            ratios,
        }
        .run())?;
        // SAFETY: per the contract.
        unsafe { write_parts(&shares, out, out_cap, out_count) }
    })
}
