//! Money: amounts as integer minor units with an ISO 4217 currency code.

use std::ffi::c_char;

use walletcare_core::money::{Currency, Money};

use crate::ffi::{self, FfiResult, guard};
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
        let sum = a.to_core()?.checked_add(b.to_core()?)?;
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
        let code = unsafe { ffi::code(currency, "currency") }?;
        let currency: Currency = code.parse()?;
        // SAFETY: checked non-null.
        unsafe { ffi::write_out(out, currency.exponent(), "out") }
    })
}
