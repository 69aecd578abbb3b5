//! The business-day ordinal index: O(1) counting and stepping.
//!
//! Every day `d` (an epoch-day number, days since 1970-01-01) has an ordinal
//! `B(d)`: the number of business days in `[anchor, d)`, negative before the
//! anchor. Business days between `a` and `b` is `B(b) - B(a)`, the first
//! business day on or after `d` is the business day whose ordinal is `B(d)`,
//! and adding `n` business days is `day_of(B(d) + n)`.
//!
//! Inside the dense table `[lo, hi)` (the covered range, or the span of the
//! listed holidays and working days) `B` is a prefix count and its inverse an
//! array. Outside it only the weekmask applies, so `B` is week division
//! arithmetic: no loop over days anywhere.

/// Weekmask arithmetic, anchored on Monday 1969-12-29 (epoch day -3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WeekArith {
    /// Bit `i` set when weekday `i` (0 = Monday) is a business day.
    mask: u8,
    /// Business days per week (1..=7).
    per_week: i64,
    /// `prefix[r]`: weekmask days among weekdays `0..r`.
    prefix: [i64; 8],
    /// `select[j]`: the weekday of the `j`-th weekmask day of a week.
    select: [i64; 7],
}

impl WeekArith {
    /// `None` when the mask has no day.
    pub(crate) fn new(mask: u8) -> Option<WeekArith> {
        let mask = mask & 0x7f;
        if mask == 0 {
            return None;
        }
        let mut prefix = [0_i64; 8];
        let mut select = [0_i64; 7];
        let mut count = 0_i64;
        for r in 0..7_u8 {
            if let Some(slot) = prefix.get_mut(usize::from(r)) {
                *slot = count;
            }
            if mask & (1 << r) != 0 {
                if let Some(slot) = usize::try_from(count).ok().and_then(|c| select.get_mut(c)) {
                    *slot = i64::from(r);
                }
                count += 1;
            }
        }
        prefix[7] = count;
        Some(WeekArith {
            mask,
            per_week: count,
            prefix,
            select,
        })
    }

    /// Monday to Friday.
    pub(crate) const fn monday_to_friday() -> WeekArith {
        WeekArith {
            mask: 0b001_1111,
            per_week: 5,
            prefix: [0, 1, 2, 3, 4, 5, 5, 5],
            select: [0, 1, 2, 3, 4, 0, 0],
        }
    }

    /// Whether the weekday of epoch day `d` is in the mask.
    #[inline]
    pub(crate) fn contains(&self, d: i64) -> bool {
        let r = (d + 3).rem_euclid(7);
        self.mask & (1 << r) != 0
    }

    /// Weekmask days in `[anchor, d)`; `d` is a valid date, so no overflow.
    #[inline]
    pub(crate) fn count(&self, d: i64) -> i64 {
        let u = d + 3;
        let r = u.rem_euclid(7);
        u.div_euclid(7) * self.per_week + self.prefix.get(r as usize).copied().unwrap_or(0)
    }

    /// The epoch day of the weekmask day with ordinal `k`, if representable.
    #[inline]
    pub(crate) fn day(&self, k: i64) -> Option<i64> {
        let week = k.div_euclid(self.per_week);
        let j = k.rem_euclid(self.per_week);
        let r = self.select.get(j as usize).copied().unwrap_or(0);
        week.checked_mul(7)?.checked_add(r)?.checked_sub(3)
    }
}

/// The dense table over `[lo, lo + len)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DayIndex {
    pub(crate) week: WeekArith,
    /// First epoch day of the table.
    pub(crate) lo: i64,
    /// Days in the table.
    pub(crate) len: i64,
    /// `B(lo)`.
    pub(crate) base: i64,
    /// Business days in the table: `B(lo + len) - B(lo)`.
    pub(crate) total: i64,
    /// `cum[i] = B(lo + i) - B(lo)` for `i` in `0..=len`.
    pub(crate) cum: Vec<u32>,
    /// `ord[j]`: table offset of the business day with ordinal `base + j`.
    pub(crate) ord: Vec<u32>,
    /// `W(lo + len)`, to continue weekmask arithmetic after the table.
    pub(crate) week_at_hi: i64,
}

impl DayIndex {
    /// Builds the table; `is_business(i)` says whether `lo + i` is a business
    /// day. `len` must fit in `u32`.
    pub(crate) fn build(
        week: WeekArith,
        lo: i64,
        len: u32,
        mut is_business: impl FnMut(i64) -> bool,
    ) -> DayIndex {
        let mut cum = Vec::with_capacity(len as usize + 1);
        let mut ord = Vec::new();
        let mut count = 0_u32;
        for i in 0..len {
            cum.push(count);
            if is_business(lo + i64::from(i)) {
                ord.push(i);
                count += 1;
            }
        }
        cum.push(count);
        let len = i64::from(len);
        DayIndex {
            week,
            lo,
            len,
            base: week.count(lo),
            total: i64::from(count),
            cum,
            ord,
            week_at_hi: week.count(lo + len),
        }
    }

    /// `B(d)` for a valid epoch day `d`.
    #[inline]
    pub(crate) fn ordinal(&self, d: i64) -> i64 {
        let i = d - self.lo;
        if i < 0 {
            self.week.count(d)
        } else if let Some(&c) = usize::try_from(i).ok().and_then(|i| self.cum.get(i)) {
            self.base + i64::from(c)
        } else {
            self.base + self.total + (self.week.count(d) - self.week_at_hi)
        }
    }

    /// The epoch day of the business day with ordinal `k`, if representable.
    #[inline]
    pub(crate) fn day(&self, k: i64) -> Option<i64> {
        let j = k.checked_sub(self.base)?;
        if j < 0 {
            self.week.day(k)
        } else if let Some(&o) = usize::try_from(j).ok().and_then(|j| self.ord.get(j)) {
            Some(self.lo + i64::from(o))
        } else {
            let k = j.checked_sub(self.total)?.checked_add(self.week_at_hi)?;
            self.week.day(k)
        }
    }

    /// Whether epoch day `d` is a business day.
    #[inline]
    pub(crate) fn is_business(&self, d: i64) -> bool {
        let i = d - self.lo;
        if i >= 0 && i < self.len {
            let i = i as usize;
            match (self.cum.get(i), self.cum.get(i + 1)) {
                (Some(a), Some(b)) => a != b,
                _ => false,
            }
        } else {
            self.week.contains(d)
        }
    }

    /// Fast path of `day(B(d) + n)` when both stay in the table.
    #[inline]
    pub(crate) fn add_in_table(&self, d: i64, n: i64) -> Option<i64> {
        let i = usize::try_from(d.wrapping_sub(self.lo)).ok()?;
        let c = *self.cum.get(i)?;
        let j = usize::try_from(i64::from(c).checked_add(n)?).ok()?;
        let o = *self.ord.get(j)?;
        Some(self.lo + i64::from(o))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekmask_count_and_day_are_inverse() {
        for mask in 1..128_u8 {
            let w = WeekArith::new(mask).unwrap();
            let mut k = w.count(-30);
            for d in -30..60 {
                assert_eq!(w.count(d), k, "mask {mask:07b} day {d}");
                if w.contains(d) {
                    assert_eq!(w.day(k), Some(d));
                    k += 1;
                }
            }
        }
        assert!(WeekArith::new(0).is_none());
    }

    #[test]
    fn table_agrees_with_weekmask_outside_and_counts_inside() {
        let w = WeekArith::new(0b001_1111).unwrap();
        // Table of 20 days from epoch day 0 (a Thursday) with day 5 a holiday
        // and day 2 (a Saturday) a working day.
        let idx = DayIndex::build(w, 0, 20, |d| (w.contains(d) && d != 5) || d == 2);
        let reference = |d: i64| (w.contains(d) && d != 5) || d == 2;
        let mut k = idx.ordinal(-40);
        for d in -40..80 {
            assert_eq!(idx.ordinal(d), k, "day {d}");
            assert_eq!(idx.is_business(d), reference(d), "day {d}");
            if reference(d) {
                assert_eq!(idx.day(k), Some(d), "ordinal {k}");
                k += 1;
            }
        }
    }
}
