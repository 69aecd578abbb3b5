//! Identity numbers: the Indonesian NIK and the Chinese resident ID.

/// Province codes of Indonesian NIK numbers (Dukcapil), 2024 list.
const NIK_PROVINCES: [u8; 39] = [
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
];

/// Province-level region codes of Chinese resident ID numbers (GB/T 2260),
/// with 81-83 for Hong Kong, Macao and Taiwan residence permits.
const CN_PROVINCES: [u8; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

fn two(d: &[u8]) -> Option<u8> {
    match d {
        [a, b, ..] if a.is_ascii_digit() && b.is_ascii_digit() => {
            Some((a - b'0') * 10 + (b - b'0'))
        }
        _ => None,
    }
}

fn leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: Option<u32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !leap(y) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// Whether 16 ASCII digits are a plausible Indonesian NIK: a known province
/// code, non-zero regency and district codes, a date of birth `DDMMYY`
/// (women add 40 to the day) that exists, and a non-zero serial.
///
/// # Examples
///
/// ```
/// use walletcare_core::redact::nik_plausible;
///
/// assert!(nik_plausible("3171011203900001"));  // Jakarta, a man born 12 Mar 1990
/// assert!(nik_plausible("3171015203900001"));  // a woman born the same day
/// assert!(nik_plausible("3273024512950002"));  // a woman born 5 Dec 1995
/// assert!(!nik_plausible("2026112112345678")); // no province 20
/// assert!(!nik_plausible("3171013202900001")); // 32 February
/// assert!(!nik_plausible("3171015203900000")); // serial 0000
/// assert!(!nik_plausible("317101520390"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn nik_plausible(digits: &str) -> bool {
    let d = digits.as_bytes();
    if d.len() != 16 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let part = |i: usize| d.get(i..).and_then(two);
    let (Some(province), Some(regency), Some(district)) = (part(0), part(2), part(4)) else {
        return false;
    };
    let (Some(day), Some(month), Some(year)) = (part(6), part(8), part(10)) else {
        return false;
    };
    let day = if day > 40 { day - 40 } else { day };
    let serial_zero = d.get(12..).is_some_and(|s| s.iter().all(|&b| b == b'0'));
    NIK_PROVINCES.contains(&province)
        && regency != 0
        && district != 0
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month((year % 4 != 0).then_some(2001), month)
        && !serial_zero
}

/// Whether 18 characters are a valid Chinese resident ID number: 17 digits
/// and a check character (`0`-`9` or `X`, either case) satisfying ISO 7064
/// mod 11-2, a known province prefix, and a birth date `YYYYMMDD` between
/// 1900 and 2099 that exists.
///
/// # Examples
///
/// ```
/// use walletcare_core::redact::chinese_resident_id_valid;
///
/// assert!(chinese_resident_id_valid("11010519491231002X"));
/// assert!(chinese_resident_id_valid("11010519491231002x"));
/// assert!(!chinese_resident_id_valid("110105194912310021")); // wrong check
/// assert!(!chinese_resident_id_valid("990105194912310029")); // no province 99
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn chinese_resident_id_valid(id: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let b = id.as_bytes();
    let (Some(body), Some(&last)) = (b.get(..17), b.get(17)) else {
        return false;
    };
    if b.len() != 18 || !body.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = body
        .iter()
        .zip(WEIGHTS)
        .map(|(&c, w)| u32::from(c - b'0') * w)
        .sum();
    let expected = CHECK.get((sum % 11) as usize).copied();
    if expected != Some(last.to_ascii_uppercase()) {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        body.get(r)?
            .iter()
            .try_fold(0u32, |acc, &c| Some(acc * 10 + u32::from(c - b'0')))
    };
    let (Some(province), Some(year), Some(month), Some(day)) =
        (two(body), num(6..10), num(10..12), num(12..14))
    else {
        return false;
    };
    let region_rest_zero = body.get(2..6).is_some_and(|s| s == b"0000");
    CN_PROVINCES.contains(&province)
        && !region_rest_zero
        && (1900..=2099).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= u32::from(days_in_month(Some(year), month as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nik_women_add_forty_to_the_day() {
        assert!(nik_plausible("3171015203900001"));
        assert!(nik_plausible("3171011203900001"));
        assert!(!nik_plausible("3171017203900001")); // day 72 → 32
        assert!(nik_plausible("3171012902000001")); // 29 Feb 2000
        assert!(!nik_plausible("3171012902010001")); // 29 Feb 2001
    }

    #[test]
    fn resident_id_dates_must_exist() {
        // Same region and sequence, 30 February: refused whatever the check.
        for check in "0123456789X".chars() {
            assert!(!chinese_resident_id_valid(&format!(
                "11010519490230002{check}"
            )));
        }
    }
}
