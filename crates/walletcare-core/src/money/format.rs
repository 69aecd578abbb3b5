//! Writing amounts for people: per-locale formatting and `Display`.

use std::fmt::{self, Write as _};

use super::{Currency, Money};
use crate::locale::{Locale, Render};

/// The currency prefix a locale writes before the number.
///
/// Symbols are used where readers of the locale know them without doubt;
/// everywhere else the ISO code and a space, so no formatted amount is
/// ambiguous and every one parses back (see [`super::parse`]).
fn prefix(currency: Currency, locale: Locale) -> &'static str {
    match (currency, locale) {
        (Currency::Idr, Locale::En) => "IDR ",
        (Currency::Idr, Locale::Id | Locale::ZhCn) => "Rp",
        (Currency::Cny, Locale::ZhCn) => "¥",
        (Currency::Cny, Locale::En | Locale::Id) => "CNY ",
        (Currency::Usd, Locale::En) => "$",
        (Currency::Usd, Locale::Id | Locale::ZhCn) => "US$",
        (Currency::Sgd, _) => "S$",
        (Currency::Myr, _) => "RM",
        (Currency::Hkd, _) => "HK$",
        (Currency::Eur, _) => "€",
        (Currency::Thb, _) => "THB ",
        (Currency::Php, _) => "PHP ",
        (Currency::Jpy, _) => "JPY ",
        (Currency::Vnd, _) => "VND ",
    }
}

/// Pushes `value` with `separator` between groups of three digits.
fn push_grouped(out: &mut String, value: u64, separator: char) {
    let digits = value.to_string();
    let len = digits.len();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && len.saturating_sub(i) % 3 == 0 {
            out.push(separator);
        }
        out.push(digit);
    }
}

/// Splits `|minor|` into whole major units and the minor remainder.
fn major_and_fraction(money: Money) -> (u64, u64) {
    let magnitude = money.minor.unsigned_abs();
    // minor_per_major is 1 or 100, never zero or negative.
    let per_major = money.currency.minor_per_major().unsigned_abs().max(1);
    (magnitude / per_major, magnitude % per_major)
}

impl Money {
    /// The amount as users of `locale` expect to read it.
    ///
    /// Rules, identical in Rust, C and JavaScript:
    ///
    /// - A negative amount starts with `-`, before the currency:
    ///   `"-Rp150.000"`, `"-$12.34"`.
    /// - The currency comes first, as a symbol where the locale's readers know
    ///   it without doubt, otherwise as the ISO code and a space:
    ///
    ///   | currency | `en`   | `id-ID` | `zh-CN` |
    ///   |----------|--------|---------|---------|
    ///   | IDR      | `IDR ` | `Rp`    | `Rp`    |
    ///   | CNY      | `CNY ` | `CNY `  | `¥`     |
    ///   | USD      | `$`    | `US$`   | `US$`   |
    ///   | SGD, MYR, HKD, EUR | `S$`, `RM`, `HK$`, `€` | same | same |
    ///   | THB, PHP, JPY, VND | `THB `, `PHP `, `JPY `, `VND ` | same | same |
    ///
    /// - Digits are grouped by three with the locale's thousands separator
    ///   (`.` in `id-ID`, `,` in `en` and `zh-CN`); the decimal separator is
    ///   `,` in `id-ID` and `.` elsewhere.
    /// - The fraction has exactly the currency's exponent digits (`"S$5.00"`,
    ///   none for JPY and VND), except that rupiah omit a zero fraction, as
    ///   GoPay and Indonesian prices do (`"Rp150.000"`, but `"Rp150.000,50"`).
    ///
    /// [`parse`](super::parse) reads every formatted amount back exactly:
    /// `parse(&m.format(locale), locale, m.currency()) == Ok(m)`. The same
    /// text is also what [`Render`] gives.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::locale::Locale;
    /// use walletcare_core::money::{self, Currency, Money};
    ///
    /// let idr = Money::new(15_000_000, Currency::Idr);
    /// assert_eq!(idr.format(Locale::Id), "Rp150.000");
    /// assert_eq!(idr.format(Locale::En), "IDR 150,000");
    /// assert_eq!(idr.format(Locale::ZhCn), "Rp150,000");
    /// assert_eq!(Money::new(15_000_050, Currency::Idr).format(Locale::Id), "Rp150.000,50");
    /// assert_eq!(Money::new(15_000, Currency::Cny).format(Locale::ZhCn), "¥150.00");
    /// assert_eq!(Money::new(1_234, Currency::Usd).format(Locale::En), "$12.34");
    /// assert_eq!(Money::new(500, Currency::Sgd).format(Locale::En), "S$5.00");
    /// assert_eq!(Money::new(-1_050, Currency::Myr).format(Locale::En), "-RM10.50");
    ///
    /// for locale in Locale::ALL {
    ///     assert_eq!(money::parse(&idr.format(locale), locale, Currency::Idr)?, idr);
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn format(self, locale: Locale) -> String {
        let (group, decimal) = match locale {
            Locale::Id => ('.', ','),
            Locale::En | Locale::ZhCn => (',', '.'),
        };
        let (major, fraction) = major_and_fraction(self);
        let mut out = String::with_capacity(32);
        if self.minor < 0 {
            out.push('-');
        }
        out.push_str(prefix(self.currency, locale));
        push_grouped(&mut out, major, group);
        let exponent = self.currency.exponent();
        let hide_fraction = self.currency == Currency::Idr && fraction == 0;
        if exponent > 0 && !hide_fraction {
            out.push(decimal);
            let width = usize::try_from(exponent).unwrap_or(0);
            // Writing to a String cannot fail.
            let _ = write!(out, "{fraction:0width$}");
        }
        out
    }
}

/// The locale-independent form `"<ISO code> <amount>"`: no grouping, `.` as
/// the decimal separator, exactly the currency's exponent digits, and the
/// minus sign on the number: `"IDR 150000.00"`, `"USD -12.34"`,
/// `"JPY 1500"`. It is meant for logs and support tooling; [`Money::format`]
/// is for users. It parses back with [`parse`](super::parse) in `en` or
/// `zh-CN`.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::Locale;
/// use walletcare_core::money::{self, Currency, Money};
///
/// let m = Money::new(15_000_000, Currency::Idr);
/// assert_eq!(m.to_string(), "IDR 150000.00");
/// assert_eq!(Money::new(-1_234, Currency::Usd).to_string(), "USD -12.34");
/// assert_eq!(Money::new(1_500, Currency::Jpy).to_string(), "JPY 1500");
/// assert_eq!(money::parse(&m.to_string(), Locale::En, Currency::Usd)?, m);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (major, fraction) = major_and_fraction(*self);
        let sign = if self.minor < 0 { "-" } else { "" };
        let code = self.currency.code();
        match usize::try_from(self.currency.exponent()).unwrap_or(0) {
            0 => write!(f, "{code} {sign}{major}"),
            width => write!(f, "{code} {sign}{major}.{fraction:0width$}"),
        }
    }
}

/// Renders the amount with [`Money::format`].
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::money::{Currency, Money};
///
/// assert_eq!(Money::new(15_000_000, Currency::Idr).render(Locale::Id), "Rp150.000");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Money {
    fn render(&self, locale: Locale) -> String {
        self.format(locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::parse;

    #[test]
    fn formats_every_locale_as_documented() {
        let cases: &[(i64, Currency, &str, &str, &str)] = &[
            // minor, currency, en, id-ID, zh-CN
            (
                15_000_000,
                Currency::Idr,
                "IDR 150,000",
                "Rp150.000",
                "Rp150,000",
            ),
            (
                15_000_050,
                Currency::Idr,
                "IDR 150,000.50",
                "Rp150.000,50",
                "Rp150,000.50",
            ),
            (5, Currency::Idr, "IDR 0.05", "Rp0,05", "Rp0.05"),
            (0, Currency::Idr, "IDR 0", "Rp0", "Rp0"),
            (
                -15_000_000,
                Currency::Idr,
                "-IDR 150,000",
                "-Rp150.000",
                "-Rp150,000",
            ),
            (15_000, Currency::Cny, "CNY 150.00", "CNY 150,00", "¥150.00"),
            (1_234, Currency::Usd, "$12.34", "US$12,34", "US$12.34"),
            (-1_234, Currency::Usd, "-$12.34", "-US$12,34", "-US$12.34"),
            (500, Currency::Sgd, "S$5.00", "S$5,00", "S$5.00"),
            (1_050, Currency::Myr, "RM10.50", "RM10,50", "RM10.50"),
            (
                123_456_789,
                Currency::Eur,
                "€1,234,567.89",
                "€1.234.567,89",
                "€1,234,567.89",
            ),
            (100, Currency::Hkd, "HK$1.00", "HK$1,00", "HK$1.00"),
            (2_000, Currency::Thb, "THB 20.00", "THB 20,00", "THB 20.00"),
            (2_000, Currency::Php, "PHP 20.00", "PHP 20,00", "PHP 20.00"),
            (1_500, Currency::Jpy, "JPY 1,500", "JPY 1.500", "JPY 1,500"),
            (
                20_000,
                Currency::Vnd,
                "VND 20,000",
                "VND 20.000",
                "VND 20,000",
            ),
            (
                i64::MIN,
                Currency::Usd,
                "-$92,233,720,368,547,758.08",
                "-US$92.233.720.368.547.758,08",
                "-US$92,233,720,368,547,758.08",
            ),
            (
                i64::MAX,
                Currency::Vnd,
                "VND 9,223,372,036,854,775,807",
                "VND 9.223.372.036.854.775.807",
                "VND 9,223,372,036,854,775,807",
            ),
        ];
        for &(minor, currency, en, id, zh) in cases {
            let m = Money::new(minor, currency);
            for (locale, want) in [(Locale::En, en), (Locale::Id, id), (Locale::ZhCn, zh)] {
                let text = m.format(locale);
                assert_eq!(text, want, "{m:?} in {locale}");
                assert_eq!(parse(&text, locale, currency), Ok(m), "{text:?}");
                assert_eq!(m.render(locale), text);
            }
        }
    }

    #[test]
    fn groups_digits_by_three() {
        let mut out = String::new();
        for (value, want) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1.000"),
            (12_345, "12.345"),
            (123_456, "123.456"),
            (1_234_567, "1.234.567"),
        ] {
            out.clear();
            push_grouped(&mut out, value, '.');
            assert_eq!(out, want);
        }
    }

    #[test]
    fn display_is_the_plain_iso_form() {
        assert_eq!(Money::new(0, Currency::Usd).to_string(), "USD 0.00");
        assert_eq!(Money::new(-5, Currency::Usd).to_string(), "USD -0.05");
        assert_eq!(Money::new(-5, Currency::Vnd).to_string(), "VND -5");
        assert_eq!(
            Money::new(i64::MIN, Currency::Idr).to_string(),
            "IDR -92233720368547758.08"
        );
    }
}
