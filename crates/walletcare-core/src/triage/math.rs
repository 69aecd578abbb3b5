//! Deterministic `exp` and `ln` built from basic IEEE 754 arithmetic.
//!
//! The standard library forwards `f64::exp` and `f64::ln` to the platform's
//! libm, whose last bits differ between glibc, musl, the MSVC runtime and the
//! wasm engines. Anything that reaches a model's bytes or a triage result uses
//! these instead: they are made of `+ - * /`, `round` and bit manipulation
//! only, which IEEE 754 defines exactly, so every platform gets the same bits.
//! Accuracy is within a few ulps, far more than classification needs.

/// `ln 2` split in a high part with trailing zero bits (exact products with
/// small integers) and the low remainder (Cody and Waite).
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
const LOG2_E: f64 = core::f64::consts::LOG2_E;

/// `e^x`, deterministic on every platform.
///
/// NaN gives NaN, large arguments give infinity, very negative ones zero.
pub(crate) fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.0 {
        return f64::INFINITY;
    }
    if x < -745.0 {
        return 0.0;
    }
    // x = k ln2 + r with |r| <= ln2 / 2.
    let k = (x * LOG2_E).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // Taylor series of e^r to r^14 / 14!: the error is below 1e-17 for
    // |r| <= 0.35.
    let poly = taylor_exp(r);
    scale_by_power_of_two(poly, k as i32)
}

/// `e^r` for small `|r|` by Horner's rule on the Taylor series.
fn taylor_exp(r: f64) -> f64 {
    // 1/n! for n = 0..=14.
    const INV_FACT: [f64; 15] = [
        1.0,
        1.0,
        0.5,
        1.0 / 6.0,
        1.0 / 24.0,
        1.0 / 120.0,
        1.0 / 720.0,
        1.0 / 5_040.0,
        1.0 / 40_320.0,
        1.0 / 362_880.0,
        1.0 / 3_628_800.0,
        1.0 / 39_916_800.0,
        1.0 / 479_001_600.0,
        1.0 / 6_227_020_800.0,
        1.0 / 87_178_291_200.0,
    ];
    INV_FACT.iter().rev().fold(0.0, |acc, &c| acc * r + c)
}

/// `x * 2^k` exactly (for results in the normal range), by building the power
/// of two from its bits.
fn scale_by_power_of_two(x: f64, k: i32) -> f64 {
    let mut x = x;
    let mut k = k;
    // Step in pieces so every intermediate power is a normal number.
    while k > 1000 {
        x *= pow2(1000);
        k -= 1000;
    }
    while k < -1000 {
        x *= pow2(-1000);
        k += 1000;
    }
    x * pow2(k)
}

/// `2^k` for `-1022 <= k <= 1023`.
fn pow2(k: i32) -> f64 {
    let biased = u64::try_from(k.saturating_add(1023))
        .unwrap_or(1)
        .clamp(1, 2046);
    f64::from_bits(biased << 52)
}

/// The natural logarithm, deterministic on every platform.
///
/// Zero gives negative infinity; negative numbers and NaN give NaN.
pub(crate) fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    let mut x = x;
    let mut e: i64 = 0;
    // Bring subnormals into the normal range first.
    if x < f64::MIN_POSITIVE {
        x *= pow2(54);
        e -= 54;
    }
    let bits = x.to_bits();
    let exponent = i64::try_from((bits >> 52) & 0x7ff).unwrap_or(1023) - 1023;
    // Mantissa in [1, 2).
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    e += exponent;
    if m > core::f64::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    // ln m = 2 atanh(s) with s = (m - 1) / (m + 1), |s| <= 0.1716.
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    // 2 (s + s^3/3 + ... + s^23/23): the error is below 1e-18.
    let mut sum = 0.0;
    let mut d = 23.0_f64;
    while d >= 1.0 {
        sum = sum * s2 + 1.0 / d;
        d -= 2.0;
    }
    let ln_m = 2.0 * s * sum;
    let ef = e as f64;
    ef * LN2_HI + (ef * LN2_LO + ln_m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-300)
    }

    #[test]
    fn exp_matches_std_closely() {
        let mut x = -700.0;
        while x < 700.0 {
            assert!(close(exp(x), x.exp(), 1e-14), "exp({x})");
            x += 0.937;
        }
        for x in [0.0, 1.0, -1.0, 0.5, 1e-10, -1e-10, 3.5, -20.25] {
            assert!(close(exp(x), x.exp(), 1e-15), "exp({x})");
        }
        // Exact values: compare bits.
        assert_eq!(exp(0.0).to_bits(), 1.0_f64.to_bits());
        assert_eq!(exp(800.0).to_bits(), f64::INFINITY.to_bits());
        assert_eq!(exp(-800.0).to_bits(), 0.0_f64.to_bits());
        assert!(exp(f64::NAN).is_nan());
    }

    #[test]
    fn ln_matches_std_closely() {
        let mut x = 1e-300;
        while x < 1e300 {
            assert!(close(ln(x), x.ln(), 1e-14), "ln({x})");
            x *= 3.7;
        }
        for x in [1.0, 2.0, 10.0, 0.5, 1.5, 10_001.0, 4.9e-324] {
            assert!(
                (ln(x) - x.ln()).abs() <= 1e-13 * x.ln().abs().max(1.0),
                "ln({x})"
            );
        }
        assert_eq!(ln(1.0).to_bits(), 0.0_f64.to_bits());
        assert_eq!(ln(0.0).to_bits(), f64::NEG_INFINITY.to_bits());
        assert!(ln(-1.0).is_nan());
    }

    #[test]
    fn results_are_pinned_bit_for_bit() {
        // The values every platform must reproduce exactly.
        let got = [
            exp(1.0).to_bits(),
            exp(-2.5).to_bits(),
            ln(10.0).to_bits(),
            ln(1_384.0 / 7.0).to_bits(),
        ];
        assert_eq!(
            got,
            [
                0x4005_bf0a_8b14_576a,
                0x3fb5_0385_c094_f425,
                0x4002_6bb1_bbb5_5516,
                0x4015_25b4_ecd5_b9ab,
            ]
        );
    }

    #[test]
    fn exp_and_ln_are_inverse() {
        for x in [0.1, 1.0, 2.5, 17.0, 123.456] {
            assert!(close(exp(ln(x)), x, 1e-14));
        }
    }
}
