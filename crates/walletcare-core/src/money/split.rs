//! Splitting an amount into parts without losing or creating a minor unit.

use serde::{Deserialize, Serialize};

use super::{Money, MoneyError};

/// The most parts [`Money::split`] and [`Money::allocate`] produce.
///
/// A bill is split among people, an instalment plan among months: ten
/// thousand parts is far beyond any real use, and the cap keeps a bad input
/// from allocating gigabytes.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::{Currency, MAX_PARTS, Money};
///
/// let m = Money::new(1_000_000, Currency::Idr);
/// assert_eq!(m.split(MAX_PARTS)?.len(), 10_000);
/// assert!(m.split(MAX_PARTS + 1).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_PARTS: u32 = 10_000;

/// Why a split or an allocation was refused.
///
/// The JSON form is the snake_case name, for example `"zero_parts"`.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::{Currency, Money, MoneyError, SplitReason};
///
/// let err = Money::new(100, Currency::Usd).split(0).unwrap_err();
/// assert_eq!(err, MoneyError::InvalidSplit { parts: 0, reason: SplitReason::ZeroParts });
/// assert_eq!(serde_json::to_string(&SplitReason::AllRatiosZero)?, "\"all_ratios_zero\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SplitReason {
    /// [`Money::split`] was asked for zero parts.
    ZeroParts,
    /// More than [`MAX_PARTS`] parts or ratios.
    TooManyParts,
    /// [`Money::allocate`] was given no ratios.
    NoRatios,
    /// Every ratio is zero, so no part can receive anything.
    AllRatiosZero,
}

crate::names::names!(as_str from_str: money::SplitReason as "split reason" {
    ZeroParts => "zero_parts",
    TooManyParts => "too_many_parts",
    NoRatios => "no_ratios",
    AllRatiosZero => "all_ratios_zero",
});

impl std::fmt::Display for SplitReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SplitReason::ZeroParts => f.write_str("at least one part is needed"),
            SplitReason::TooManyParts => write!(f, "at most {MAX_PARTS} parts are allowed"),
            SplitReason::NoRatios => f.write_str("no ratios were given"),
            SplitReason::AllRatiosZero => f.write_str("every ratio is zero"),
        }
    }
}

fn invalid(parts: usize, reason: SplitReason) -> MoneyError {
    MoneyError::InvalidSplit { parts, reason }
}

impl Money {
    /// Splits the amount into `n` parts as equal as possible.
    ///
    /// The parts always add up to exactly `self`: the remainder of the
    /// division is handed out one minor unit at a time to the first parts, so
    /// any two parts differ by at most one minor unit and the larger ones come
    /// first. Negative amounts split symmetrically: `(-m).split(n)` is
    /// `m.split(n)` with every part negated (the first parts are the most
    /// negative). The result has exactly `n` parts, some of which may be zero
    /// when `|self|` is smaller than `n` minor units.
    ///
    /// # Errors
    ///
    /// [`MoneyError::InvalidSplit`] with [`SplitReason::ZeroParts`] for
    /// `n == 0`, or [`SplitReason::TooManyParts`] for `n > MAX_PARTS`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    ///
    /// let parts = Money::new(1_000, Currency::Usd).split(3)?; // $10.00 three ways
    /// let minors: Vec<i64> = parts.iter().map(|m| m.minor()).collect();
    /// assert_eq!(minors, [334, 333, 333]);
    ///
    /// let refunds = Money::new(-1_000, Currency::Usd).split(3)?;
    /// let minors: Vec<i64> = refunds.iter().map(|m| m.minor()).collect();
    /// assert_eq!(minors, [-334, -333, -333]);
    /// assert!(Money::new(1, Currency::Usd).split(0).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn split(self, n: u32) -> Result<Vec<Money>, MoneyError> {
        let parts = usize::try_from(n).unwrap_or(usize::MAX);
        if n == 0 {
            return Err(invalid(parts, SplitReason::ZeroParts));
        }
        if n > MAX_PARTS {
            return Err(invalid(parts, SplitReason::TooManyParts));
        }
        let divisor = i64::from(n);
        // Both truncate toward zero, so `base` and `rest` carry the sign of
        // `self` and |rest| < n. Neither can overflow: the divisor is >= 1.
        let base = self
            .minor
            .checked_div(divisor)
            .ok_or(MoneyError::Overflow)?;
        let rest = self
            .minor
            .checked_rem(divisor)
            .ok_or(MoneyError::Overflow)?;
        let bumped = base
            .checked_add(rest.signum())
            .ok_or(MoneyError::Overflow)?;
        let extra = rest.unsigned_abs();
        Ok((0..u64::from(n))
            .map(|i| Money::new(if i < extra { bumped } else { base }, self.currency))
            .collect())
    }

    /// Allocates the amount in proportion to `ratios`, by the largest
    /// remainder method.
    ///
    /// Part `i` first receives `floor(|self| * ratios[i] / sum(ratios))` minor
    /// units; the minor units left over (fewer than the number of ratios) go
    /// one each to the parts with the largest remainders of that division. Ties
    /// go to the earlier part, so the result is deterministic. Hence:
    ///
    /// - the parts add up to exactly `self`;
    /// - each part is its exact share rounded down or up;
    /// - a zero ratio always gets zero;
    /// - equal ratios give the same result as [`Money::split`];
    /// - negative amounts allocate symmetrically: `(-m).allocate(r)` is
    ///   `m.allocate(r)` with every part negated.
    ///
    /// The computation uses exact 128-bit integer arithmetic: no ratio or
    /// amount can make it round wrongly or overflow.
    ///
    /// # Errors
    ///
    /// [`MoneyError::InvalidSplit`] with [`SplitReason::NoRatios`] for empty
    /// `ratios`, [`SplitReason::AllRatiosZero`] when they are all zero, or
    /// [`SplitReason::TooManyParts`] for more than [`MAX_PARTS`] ratios.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::money::{Currency, Money};
    ///
    /// // Rp100 shared 1:1:1 → the first share gets the extra rupiah.
    /// let parts = Money::from_major(100, Currency::Idr)?.allocate(&[1, 1, 1])?;
    /// let minors: Vec<i64> = parts.iter().map(|m| m.minor()).collect();
    /// assert_eq!(minors, [3_334, 3_333, 3_333]);
    ///
    /// // 5 cents at 70% / 20% / 10%: exact shares 3.5, 1.0, 0.5; the largest
    /// // remainder (0.5, a tie broken by position) gets the leftover cent.
    /// let parts = Money::new(5, Currency::Usd).allocate(&[70, 20, 10])?;
    /// let minors: Vec<i64> = parts.iter().map(|m| m.minor()).collect();
    /// assert_eq!(minors, [4, 1, 0]);
    ///
    /// assert!(Money::new(5, Currency::Usd).allocate(&[0, 0]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allocate(self, ratios: &[u64]) -> Result<Vec<Money>, MoneyError> {
        let parts = ratios.len();
        if parts == 0 {
            return Err(invalid(parts, SplitReason::NoRatios));
        }
        if parts > usize::try_from(MAX_PARTS).unwrap_or(usize::MAX) {
            return Err(invalid(parts, SplitReason::TooManyParts));
        }
        // At most 10^4 ratios below 2^64 each: the sum is below 2^78.
        let total_ratio = ratios
            .iter()
            .try_fold(0_i128, |sum, &r| sum.checked_add(i128::from(r)))
            .ok_or(MoneyError::Overflow)?;
        if total_ratio == 0 {
            return Err(invalid(parts, SplitReason::AllRatiosZero));
        }
        // |self| <= 2^63 and each ratio < 2^64, so every product is below
        // 2^127 and fits in an i128.
        let magnitude = i128::from(self.minor.unsigned_abs());
        let mut shares = Vec::with_capacity(parts);
        let mut remainders = Vec::with_capacity(parts);
        let mut handed_out: i128 = 0;
        for &ratio in ratios {
            let product = magnitude
                .checked_mul(i128::from(ratio))
                .ok_or(MoneyError::Overflow)?;
            let share = product
                .checked_div(total_ratio)
                .ok_or(MoneyError::Overflow)?;
            // One 128-bit division per part; the remainder follows from it.
            let remainder = share
                .checked_mul(total_ratio)
                .and_then(|whole| product.checked_sub(whole))
                .ok_or(MoneyError::Overflow)?;
            handed_out = handed_out.checked_add(share).ok_or(MoneyError::Overflow)?;
            shares.push(share);
            remainders.push(remainder);
        }
        let leftover = magnitude
            .checked_sub(handed_out)
            .ok_or(MoneyError::Overflow)?;
        let leftover = usize::try_from(leftover).map_err(|_| MoneyError::Overflow)?;
        // Largest remainder first; the sort is stable, so ties keep index order.
        let mut order: Vec<usize> = (0..parts).collect();
        order.sort_by(|&a, &b| {
            let ra = remainders.get(a).copied().unwrap_or(0);
            let rb = remainders.get(b).copied().unwrap_or(0);
            rb.cmp(&ra)
        });
        for &index in order.iter().take(leftover) {
            if let Some(share) = shares.get_mut(index) {
                *share = share.checked_add(1).ok_or(MoneyError::Overflow)?;
            }
        }
        let negative = self.minor < 0;
        shares
            .into_iter()
            .map(|share| {
                let signed = if negative {
                    share.checked_neg()
                } else {
                    Some(share)
                };
                signed
                    .and_then(|s| i64::try_from(s).ok())
                    .map(|minor| Money::new(minor, self.currency))
                    .ok_or(MoneyError::Overflow)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    fn minors(parts: &[Money]) -> Vec<i64> {
        parts.iter().map(|m| m.minor()).collect()
    }

    #[test]
    fn split_hands_the_remainder_to_the_first_parts() {
        let cases: &[(i64, u32, &[i64])] = &[
            (10, 3, &[4, 3, 3]),
            (11, 3, &[4, 4, 3]),
            (-10, 3, &[-4, -3, -3]),
            (-11, 3, &[-4, -4, -3]),
            (2, 5, &[1, 1, 0, 0, 0]),
            (-2, 5, &[-1, -1, 0, 0, 0]),
            (0, 4, &[0, 0, 0, 0]),
            (7, 1, &[7]),
            (i64::MIN, 1, &[i64::MIN]),
            (i64::MAX, 1, &[i64::MAX]),
            (i64::MIN, 2, &[i64::MIN / 2, i64::MIN / 2]),
            (i64::MAX, 2, &[i64::MAX / 2 + 1, i64::MAX / 2]),
        ];
        for &(minor, n, want) in cases {
            let got = Money::new(minor, Currency::Idr).split(n).unwrap();
            assert_eq!(minors(&got), want, "{minor} / {n}");
            assert!(got.iter().all(|m| m.currency() == Currency::Idr));
        }
    }

    #[test]
    fn split_refuses_zero_and_absurd_part_counts() {
        let m = Money::new(100, Currency::Usd);
        assert_eq!(
            m.split(0),
            Err(MoneyError::InvalidSplit {
                parts: 0,
                reason: SplitReason::ZeroParts
            })
        );
        assert_eq!(
            m.split(MAX_PARTS + 1),
            Err(MoneyError::InvalidSplit {
                parts: 10_001,
                reason: SplitReason::TooManyParts
            })
        );
        assert_eq!(
            m.split(u32::MAX).unwrap_err().code(),
            crate::error::ErrorCode::InvalidSplit
        );
        assert_eq!(m.split(MAX_PARTS).unwrap().len(), 10_000);
    }

    use crate::error::HasErrorCode;

    #[test]
    fn allocate_uses_largest_remainders_with_ties_to_the_earlier_part() {
        let cases: &[(i64, &[u64], &[i64])] = &[
            (100, &[1, 1, 1], &[34, 33, 33]),
            (5, &[70, 20, 10], &[4, 1, 0]),
            (-5, &[70, 20, 10], &[-4, -1, 0]),
            (10, &[0, 1, 0], &[0, 10, 0]),
            (7, &[0, 3, 0, 3], &[0, 4, 0, 3]),
            // Exact shares 0.3, 0.3, 0.4 of 1: the largest remainder is last.
            (1, &[3, 3, 4], &[0, 0, 1]),
            // 2 units for 1:1:1 go to the first two.
            (2, &[1, 1, 1], &[1, 1, 0]),
            (0, &[5, 5], &[0, 0]),
            (
                i64::MAX,
                &[u64::MAX, u64::MAX],
                &[i64::MAX / 2 + 1, i64::MAX / 2],
            ),
            (i64::MIN, &[u64::MAX, 1], &[i64::MIN, 0]),
            // A true tie (both remainders are one half): the earlier part wins.
            (i64::MIN, &[1, u64::MAX], &[-1, i64::MIN + 1]),
        ];
        for &(minor, ratios, want) in cases {
            let got = Money::new(minor, Currency::Cny).allocate(ratios).unwrap();
            assert_eq!(minors(&got), want, "{minor} by {ratios:?}");
        }
    }

    #[test]
    fn allocate_refuses_empty_zero_and_too_many_ratios() {
        let m = Money::new(100, Currency::Usd);
        assert_eq!(
            m.allocate(&[]),
            Err(MoneyError::InvalidSplit {
                parts: 0,
                reason: SplitReason::NoRatios
            })
        );
        assert_eq!(
            m.allocate(&[0, 0, 0]),
            Err(MoneyError::InvalidSplit {
                parts: 3,
                reason: SplitReason::AllRatiosZero
            })
        );
        let many = vec![1_u64; 10_001];
        assert_eq!(
            m.allocate(&many),
            Err(MoneyError::InvalidSplit {
                parts: 10_001,
                reason: SplitReason::TooManyParts
            })
        );
        let max = vec![u64::MAX; 10_000];
        let parts = Money::new(i64::MIN, Currency::Usd).allocate(&max).unwrap();
        assert_eq!(
            Money::checked_sum(parts, Currency::Usd).unwrap().minor(),
            i64::MIN
        );
    }

    #[test]
    fn equal_ratios_allocate_like_split() {
        for minor in [-1_001, -7, 0, 1, 999, 1_000_003] {
            for n in 1..=12_u32 {
                let m = Money::new(minor, Currency::Myr);
                let ratios = vec![42_u64; n as usize];
                assert_eq!(m.split(n).unwrap(), m.allocate(&ratios).unwrap());
            }
        }
    }
}
