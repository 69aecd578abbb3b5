//! Money text (`money::parse`) and the format → parse round trip.

use walletcare_core::locale::{Locale, Render};
use walletcare_core::money::{self, Currency, MAX_PARSE_LEN, Money, MoneyError};

use super::common::{check_error, round_trip};

/// `money_parse`: the input is the text a user typed, read in every locale
/// with every default currency.
///
/// Invariants: no panic; error positions are char boundaries inside the
/// text whose `char` offset matches; an amount that parses formats back to
/// text that parses to the same amount in every locale (and through
/// `Display`); surrounding spaces change nothing.
pub fn money_parse(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for locale in Locale::ALL {
        for currency in Currency::ALL {
            match money::parse(&text, locale, currency) {
                Ok(amount) => {
                    assert_eq!(Money::parse(&text, locale, currency), Ok(amount));
                    formats_back(amount);
                    let padded = format!("  {text} ");
                    if padded.len() <= MAX_PARSE_LEN {
                        assert_eq!(
                            money::parse(&padded, locale, currency),
                            Ok(amount),
                            "spaces around {text:?} change its reading"
                        );
                    }
                }
                Err(error) => check_parse_error(&text, &error),
            }
        }
    }
}

fn check_parse_error(text: &str, error: &MoneyError) {
    check_error(error);
    round_trip!(MoneyError, error);
    for locale in Locale::ALL {
        assert!(!error.render(locale).is_empty());
    }
    match *error {
        MoneyError::Parse {
            position,
            char_position,
            ..
        }
        | MoneyError::Ambiguous {
            position,
            char_position,
            ..
        }
        | MoneyError::TooPrecise {
            position,
            char_position,
            ..
        } => {
            assert!(position <= text.len(), "{error:?} points past the end");
            let before = text.get(..position);
            assert!(before.is_some(), "{error:?} is not on a char boundary");
            assert_eq!(
                before.map(|b| b.chars().count()),
                Some(char_position),
                "{error:?}: byte and char positions disagree"
            );
        }
        MoneyError::InputTooLarge { len, max } => {
            assert_eq!(len, text.len());
            assert!(len > max);
        }
        _ => {}
    }
}

/// Every formatting of `amount` parses back to it.
fn formats_back(amount: Money) {
    for locale in Locale::ALL {
        let text = amount.format(locale);
        assert_eq!(
            money::parse(&text, locale, amount.currency()),
            Ok(amount),
            "{amount:?} formats as {text:?} in {locale:?}, which does not parse back"
        );
        assert_eq!(amount.render(locale), text);
    }
    let plain = amount.to_string();
    for locale in [Locale::En, Locale::ZhCn] {
        for currency in Currency::ALL {
            assert_eq!(
                money::parse(&plain, locale, currency),
                Ok(amount),
                "Display {plain:?} does not parse back in {locale:?}"
            );
        }
    }
    round_trip!(Money, &amount);
}

/// Reads little-endian integers from the front of the input.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        for (slot, byte) in out.iter_mut().zip(self.0.iter()) {
            *slot = *byte;
        }
        self.0 = self.0.get(N..).unwrap_or_default();
        out
    }

    fn u8(&mut self) -> u8 {
        u8::from_le_bytes(self.take())
    }

    fn i64(&mut self) -> i64 {
        i64::from_le_bytes(self.take())
    }

    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take())
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take())
    }
}

fn currency_of(byte: u8) -> Currency {
    let all = Currency::ALL;
    all.get(usize::from(byte) % all.len())
        .copied()
        .unwrap_or(Currency::Idr)
}

/// `money_format`: binary input `minor:i64 currency:u8 other:i64 parts:u32
/// ratios:u64*`.
///
/// Invariants: `parse(format(m)) == m` in every locale, and through
/// `Display`; checked arithmetic agrees with 128-bit arithmetic (a result
/// when it fits in `i64`, `Overflow` otherwise); `split` and `allocate`
/// neither lose nor create a minor unit, and `split` parts differ by at most
/// one.
pub fn money_format(data: &[u8]) {
    let mut input = Bytes(data);
    let currency = currency_of(input.u8());
    let amount = Money::new(input.i64(), currency);
    let other = Money::new(input.i64(), currency);
    let parts = input.u32() % 20_000;
    let mut ratios = Vec::new();
    while !input.0.is_empty() && ratios.len() < 64 {
        ratios.push(input.u64() >> (input.u8() % 64));
    }

    formats_back(amount);

    let wide = |f: fn(i128, i128) -> Option<i128>| {
        f(i128::from(amount.minor()), i128::from(other.minor()))
            .and_then(|v| i64::try_from(v).ok())
            .map(|v| Money::new(v, currency))
            .ok_or(MoneyError::Overflow)
    };
    assert_eq!(amount.checked_add(other), wide(i128::checked_add));
    assert_eq!(amount.checked_sub(other), wide(i128::checked_sub));
    assert_eq!(amount.checked_mul(other.minor()), wide(i128::checked_mul));
    assert_eq!(
        amount.checked_neg(),
        i64::try_from(-i128::from(amount.minor()))
            .map(|v| Money::new(v, currency))
            .map_err(|_| MoneyError::Overflow)
    );
    assert_eq!(
        amount.checked_cmp(other),
        Ok(amount.minor().cmp(&other.minor()))
    );
    let foreign = Money::new(other.minor(), currency_of(currency as u8 + 1));
    assert!(amount.checked_add(foreign).is_err());

    match amount.split(parts) {
        Ok(shares) => {
            assert_eq!(shares.len(), usize::try_from(parts).unwrap_or(0));
            assert_eq!(
                Money::checked_sum(shares.iter().copied(), currency),
                Ok(amount)
            );
            let min = shares.iter().map(|m| m.minor()).min().unwrap_or(0);
            let max = shares.iter().map(|m| m.minor()).max().unwrap_or(0);
            assert!(
                max.abs_diff(min) <= 1,
                "uneven split of {amount:?} into {parts}"
            );
            if let Ok(negated) = amount.checked_neg() {
                let mirrored: Vec<i64> = shares.iter().map(|m| -m.minor()).collect();
                let negated_shares = negated
                    .split(parts)
                    .map(|v| v.iter().map(|m| m.minor()).collect());
                assert_eq!(
                    negated_shares,
                    Ok(mirrored),
                    "split of {amount:?} is not symmetric"
                );
            }
        }
        Err(error) => check_error(&error),
    }
    match amount.allocate(&ratios) {
        Ok(shares) => {
            assert_eq!(shares.len(), ratios.len());
            assert_eq!(
                Money::checked_sum(shares.iter().copied(), currency),
                Ok(amount)
            );
            for (share, ratio) in shares.iter().zip(&ratios) {
                if *ratio == 0 {
                    assert!(share.is_zero(), "a zero ratio got {share:?}");
                }
            }
            if let Ok(negated) = amount.checked_neg() {
                let mirrored: Vec<i64> = shares.iter().map(|m| -m.minor()).collect();
                let negated_shares = negated
                    .allocate(&ratios)
                    .map(|v| v.iter().map(|m| m.minor()).collect());
                assert_eq!(
                    negated_shares,
                    Ok(mirrored),
                    "allocation of {amount:?} is not symmetric"
                );
            }
        }
        Err(error) => check_error(&error),
    }
}
