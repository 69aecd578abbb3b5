//! Reading money from what users type.
//!
//! The public entry points are [`parse`] and [`Money::parse`]; the rules are
//! documented on [`parse`].

use serde::{Deserialize, Serialize};

use super::{Currency, Money, MoneyError};
use crate::locale::Locale;

/// The longest money text [`parse`] accepts, in bytes (UTF-8).
///
/// The longest amount walletcare itself formats is about 30 bytes; 256 leaves
/// room for spaces and words such as `"ribu rupiah"` while bounding the work
/// done on hostile input.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::Locale;
/// use walletcare_core::money::{self, Currency, MAX_PARSE_LEN, MoneyError};
///
/// let long = "1".repeat(MAX_PARSE_LEN + 1);
/// let err = money::parse(&long, Locale::En, Currency::Usd).unwrap_err();
/// assert_eq!(err, MoneyError::InputTooLarge { len: 257, max: 256 });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_PARSE_LEN: usize = 256;

/// Why money text could not be read (see [`MoneyError::Parse`]).
///
/// The JSON form is the snake_case name, for example `"misplaced_separator"`.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::Locale;
/// use walletcare_core::money::{self, Currency, MoneyError, ParseReason};
///
/// let err = money::parse("12 34", Locale::En, Currency::Usd).unwrap_err();
/// assert_eq!(
///     err,
///     MoneyError::Parse { position: 3, char_position: 3, reason: ParseReason::MultipleNumbers }
/// );
/// assert_eq!(serde_json::to_string(&ParseReason::MultipleNumbers)?, "\"multiple_numbers\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParseReason {
    /// The text is empty or only whitespace. The position is 0.
    Empty,
    /// There is a currency, sign or multiplier but no number. The position is
    /// the end of the last thing read.
    MissingNumber,
    /// A character that cannot appear in money text, such as `+`, `(` or `£`
    /// is not a known currency symbol.
    UnexpectedCharacter,
    /// A word that is neither a known currency nor a known multiplier.
    UnknownWord,
    /// A thousands or decimal separator where it cannot be, for example
    /// `"1.50.000"`, `"12."` or `".5"`.
    MisplacedSeparator,
    /// A second minus sign, or one after the number.
    MisplacedSign,
    /// A multiplier (`k`, `rb`, `jt`, `万`...) that does not directly follow
    /// the number, or a second one.
    MisplacedMultiplier,
    /// More than one number, for example `"12 34"` or `"150 000"`.
    MultipleNumbers,
    /// A second currency on the same side of the number, for example
    /// `"Rp IDR 5"`.
    ExtraCurrency,
    /// Currencies before and after the number that disagree, for example
    /// `"$5 IDR"`.
    ConflictingCurrency,
}

crate::names::names!(as_str from_str: money::ParseReason as "parse reason" {
    Empty => "empty",
    MissingNumber => "missing_number",
    UnexpectedCharacter => "unexpected_character",
    UnknownWord => "unknown_word",
    MisplacedSeparator => "misplaced_separator",
    MisplacedSign => "misplaced_sign",
    MisplacedMultiplier => "misplaced_multiplier",
    MultipleNumbers => "multiple_numbers",
    ExtraCurrency => "extra_currency",
    ConflictingCurrency => "conflicting_currency",
});

impl std::fmt::Display for ParseReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ParseReason::Empty => "the text is empty",
            ParseReason::MissingNumber => "no number found",
            ParseReason::UnexpectedCharacter => "unexpected character",
            ParseReason::UnknownWord => "unknown word",
            ParseReason::MisplacedSeparator => "misplaced thousands or decimal separator",
            ParseReason::MisplacedSign => "the minus sign must come before the number, once",
            ParseReason::MisplacedMultiplier => {
                "a multiplier such as k, rb, jt or 万 must directly follow the number, once"
            }
            ParseReason::MultipleNumbers => "more than one number",
            ParseReason::ExtraCurrency => "a second currency on the same side of the number",
            ParseReason::ConflictingCurrency => "two different currencies",
        })
    }
}

/// What makes money text ambiguous (see [`MoneyError::Ambiguous`]).
///
/// The JSON form is the snake_case name, for example `"separator"`.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::Locale;
/// use walletcare_core::money::{self, AmbiguityReason, Currency, MoneyError};
///
/// // In English "1.500" might be 1.5 or, written the Indonesian way, 1500.
/// let err = money::parse("1.500", Locale::En, Currency::Idr).unwrap_err();
/// assert_eq!(
///     err,
///     MoneyError::Ambiguous { position: 1, char_position: 1, reason: AmbiguityReason::Separator }
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AmbiguityReason {
    /// A separator that reads as a decimal point in the locale but as a
    /// thousands separator in the other convention (`"1.500"` in `en`,
    /// `"1,500"` in `id-ID`), or grouping that starts with zero (`"0.500"` in
    /// `id-ID`).
    Separator,
    /// `$` or `¥` alone while the default currency is another currency that
    /// writes the same symbol (SGD or HKD for `$`, JPY for `¥`).
    CurrencySymbol,
    /// A lowercase `m` in `id-ID`, which may be meant as million (English) or
    /// miliar (Indonesian, 10⁹).
    Multiplier,
}

crate::names::names!(as_str from_str: money::AmbiguityReason as "ambiguity reason" {
    Separator => "separator",
    CurrencySymbol => "currency_symbol",
    Multiplier => "multiplier",
});

impl std::fmt::Display for AmbiguityReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AmbiguityReason::Separator => "the separator may mark thousands or decimals",
            AmbiguityReason::CurrencySymbol => {
                "the symbol is used by several currencies; add the ISO code"
            }
            AmbiguityReason::Multiplier => "\"m\" may mean million or miliar",
        })
    }
}

/// Reads an amount of money from text a user typed, in the conventions of
/// `locale`.
///
/// `default_currency` is used when the text names no currency. Only exact
/// integer arithmetic is used (no floats): the result is exactly what was
/// typed, or an error.
///
/// # Grammar
///
/// Whitespace (including no-break and ideographic spaces) may separate the
/// parts of
///
/// ```text
/// [-] [currency] [-] number [multiplier] [currency]
/// ```
///
/// with exactly one number, at most one minus sign (before the number, either
/// before or after a leading currency) and at most one currency on each side.
/// Currencies on both sides must agree (`"¥150元"` is fine, `"$5 IDR"` is
/// [`ParseReason::ConflictingCurrency`]). Anything else is a typed error.
///
/// # Numbers and separators
///
/// | locale  | thousands | decimal | examples                              |
/// |---------|-----------|---------|---------------------------------------|
/// | `id-ID` | `.`       | `,`     | `150.000`, `150.000,50`, `150000`, `150.000,-` |
/// | `zh-CN` | `,`       | `.`     | `150`, `150.5`, `1,500.00`            |
/// | `en`    | `,`       | `.`     | `12.34`, `1,234.56`, `1500`           |
///
/// Digits may be ASCII or full-width (`１５０`); `，` and `．` count as `,`
/// and `.`. Rules, checked in this order:
///
/// 1. Grouping is optional, but when present the first group has 1 to 3
///    digits and every other group exactly 3, and it stops at the decimal
///    separator: `"1.50.000"`, `"1500.000"`, `"1.5000"` (all `id-ID`),
///    `"1,5"` (`en`), `"12."`, `".5"`, `"1..5"`, `"1,5.000"` (`id-ID`) are
///    [`ParseReason::MisplacedSeparator`], at the separator next to the bad
///    group (the one after a too-long first group, otherwise the one before
///    the bad group).
/// 2. Ambiguity ([`AmbiguityReason::Separator`], at the separator): a lone
///    decimal separator followed by exactly three digits (`"1.500"` in `en`
///    and `zh-CN`, `"1,500"` in `id-ID`) reads as thousands in the other
///    convention. Users of an e-wallet in Indonesia switch UI language without
///    switching habits, and no supported currency has three decimals, so this
///    is refused rather than guessed, with or without a multiplier. Grouped
///    numbers starting with zero (`"0.500"` in `id-ID`) are refused the same
///    way. Unambiguous readings: `"1,500"` in `en` is 1500; `"1.500"` in
///    `id-ID` is 1500; `"1,500.00"` / `"1.500,00"` are 1500 everywhere they
///    are valid.
/// 3. `id-ID` also accepts the price style `",-"` for "no cents":
///    `"Rp150.000,-"`.
///
/// # Multipliers
///
/// A multiplier directly after the number scales it exactly; the result must
/// still fit the currency's minor unit:
///
/// | value | words (case-insensitive unless noted)                        |
/// |-------|--------------------------------------------------------------|
/// | 10²   | `百`                                                         |
/// | 10³   | `k`, `rb`, `ribu`, `thousand`, `千`                          |
/// | 10⁴   | `万`                                                         |
/// | 10⁵   | `十万`                                                       |
/// | 10⁶   | `jt`, `juta`, `mn`, `million`, `百万`; `m`/`M` in `en` and `zh-CN` |
/// | 10⁷   | `千万`                                                       |
/// | 10⁸   | `亿`                                                         |
/// | 10⁹   | `miliar`, `milyar`, `bn`, `billion`, `十亿`; `M` (uppercase) in `id-ID` |
/// | 10¹⁰, 10¹¹ | `百亿`, `千亿`                                          |
/// | 10¹²  | `triliun`, `trillion`, `万亿`                                |
///
/// A lowercase `m` in `id-ID` is [`AmbiguityReason::Multiplier`]. So
/// `"1,5jt"` is Rp1.500.000, `"1.5万"` is ¥15,000.00, `"50k"` is 50 000.
///
/// # Currencies
///
/// A currency in the text overrides `default_currency`:
///
/// - ISO codes of every [`Currency`], any case: `IDR`, `usd`, ...
///   An unsupported three-letter uppercase code (`GBP`) or a known foreign
///   symbol (`£`, `₹`, `₩`, `₽`, `A$`...) is [`MoneyError::UnknownCurrency`].
/// - IDR: `Rp`, `Rp.`, `rupiah`, `印尼盾`, `盾`.
/// - CNY: `¥`, `￥` (see below), `CN¥`, `元`, `块`, `块钱`, `人民币`, `RMB`,
///   `yuan`, `renminbi`.
/// - USD: `$` (see below), `US$`, `美元`, `美金`. SGD: `S$`, `新币`, `新元`.
///   HKD: `HK$`, `港币`, `港元`. MYR: `RM`, `ringgit`, `马币`, `令吉`,
///   `林吉特`. EUR: `€`, `euro`, `欧元`. THB: `฿`, `baht`, `泰铢`. PHP: `₱`,
///   `peso`, `比索`. JPY: `JP¥`, `yen`, `日元`. VND: `₫`, `dong`, `越南盾`.
/// - `$` alone is USD and `¥` alone is CNY, unless the default currency is
///   another currency writing the same symbol (SGD or HKD for `$`, JPY for
///   `¥`): then it is [`AmbiguityReason::CurrencySymbol`], because a
///   Singaporean typing `$5` means S$5. `"$5 SGD"` and `"¥500 JPY"` are fine:
///   the code settles it.
///
/// # Signs
///
/// A leading `-` (also `−` U+2212 or `－` U+FF0D) makes the amount negative:
/// `"-Rp150.000"`, `"Rp -150.000"`, `"-$12.34"`. A second sign or one after
/// the number is [`ParseReason::MisplacedSign`]; `+` and accounting
/// parentheses are not accepted.
///
/// # Errors
///
/// - [`MoneyError::InputTooLarge`] if `text` is longer than
///   [`MAX_PARSE_LEN`] bytes (checked first);
/// - [`MoneyError::Parse`] with a [`ParseReason`], at the first offending
///   place in reading order;
/// - [`MoneyError::Ambiguous`] with an [`AmbiguityReason`];
/// - [`MoneyError::TooPrecise`] when there are more fractional digits than
///   the currency's exponent plus the multiplier's (`"$1.234"` is ambiguous,
///   but `"1,234.567"` in `en` for USD is too precise at the `7`;
///   `"1,2345jt"` is exact);
/// - [`MoneyError::UnknownCurrency`] for an unsupported currency;
/// - [`MoneyError::Overflow`] when the amount does not fit in `i64` minor
///   units.
///
/// Positions are the byte offset (`position`) and the `char` offset
/// (`char_position`) of the offending character in `text` as given, so
/// leading spaces count.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::Locale;
/// use walletcare_core::money::{self, Currency, Money, MoneyError, ParseReason};
///
/// let idr = |major| Money::from_major(major, Currency::Idr);
/// assert_eq!(money::parse("Rp150.000", Locale::Id, Currency::Idr)?, idr(150_000)?);
/// assert_eq!(money::parse("1,5jt", Locale::Id, Currency::Idr)?, idr(1_500_000)?);
/// assert_eq!(money::parse("50 ribu", Locale::Id, Currency::Usd)?, Money::new(5_000_000, Currency::Usd));
/// assert_eq!(money::parse("1.5万", Locale::ZhCn, Currency::Cny)?, Money::new(1_500_000, Currency::Cny));
/// assert_eq!(money::parse("S$5", Locale::En, Currency::Idr)?, Money::new(500, Currency::Sgd));
/// assert_eq!(money::parse("-$12.34", Locale::En, Currency::Usd)?, Money::new(-1_234, Currency::Usd));
///
/// // Positions are in bytes and in chars: "￥" is 3 bytes but 1 char.
/// let err = money::parse("￥1.50.0", Locale::ZhCn, Currency::Cny).unwrap_err();
/// assert_eq!(
///     err,
///     MoneyError::Parse { position: 7, char_position: 5, reason: ParseReason::MisplacedSeparator }
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse(text: &str, locale: Locale, default_currency: Currency) -> Result<Money, MoneyError> {
    if text.len() > MAX_PARSE_LEN {
        return Err(MoneyError::InputTooLarge {
            len: text.len(),
            max: MAX_PARSE_LEN,
        });
    }
    let mut lexer = Lexer::new(text, locale);
    let mut state = State::default();
    let mut end = Pos::default();
    while let Some((token, at)) = lexer.next_token()? {
        state.accept(token, at)?;
        end = lexer.at;
    }
    let Some(number) = state.number else {
        let reason = if state.seen_anything {
            ParseReason::MissingNumber
        } else {
            ParseReason::Empty
        };
        return Err(parse_error(end, reason));
    };
    let currency = match state.currency {
        None => default_currency,
        Some((mark, at)) => mark.resolve(default_currency, at)?,
    };
    let scale = state.multiplier.saturating_add(currency.exponent());
    if number.frac_digits > scale {
        let at = number
            .decimal_at
            .map_or(number.start, |d| lexer.fraction_digit(d, scale));
        return Err(MoneyError::TooPrecise {
            position: at.byte,
            char_position: at.ch,
            currency,
        });
    }
    let factor = 10_i128
        .checked_pow(scale.saturating_sub(number.frac_digits))
        .ok_or(MoneyError::Overflow)?;
    let magnitude = number
        .digits
        .and_then(|d| d.checked_mul(factor))
        .ok_or(MoneyError::Overflow)?;
    let signed = if state.negative {
        magnitude.checked_neg().ok_or(MoneyError::Overflow)?
    } else {
        magnitude
    };
    let minor = i64::try_from(signed).map_err(|_| MoneyError::Overflow)?;
    Ok(Money::new(minor, currency))
}

impl Money {
    /// Reads an amount of money from user text; the same as [`parse`], where
    /// the accepted forms and the errors are documented.
    ///
    /// # Errors
    ///
    /// As [`parse`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::locale::Locale;
    /// use walletcare_core::money::{Currency, Money};
    ///
    /// let m = Money::parse("Rp150.000,50", Locale::Id, Currency::Usd)?;
    /// assert_eq!(m, Money::new(15_000_050, Currency::Idr));
    /// assert_eq!(Money::parse("150元", Locale::ZhCn, Currency::Idr)?, Money::new(15_000, Currency::Cny));
    /// assert!(Money::parse("", Locale::En, Currency::Usd).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(
        text: &str,
        locale: Locale,
        default_currency: Currency,
    ) -> Result<Money, MoneyError> {
        parse(text, locale, default_currency)
    }
}

/// A place in the text: byte offset and `char` offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Pos {
    byte: usize,
    ch: usize,
}

fn parse_error(at: Pos, reason: ParseReason) -> MoneyError {
    MoneyError::Parse {
        position: at.byte,
        char_position: at.ch,
        reason,
    }
}

fn ambiguous(at: Pos, reason: AmbiguityReason) -> MoneyError {
    MoneyError::Ambiguous {
        position: at.byte,
        char_position: at.ch,
        reason,
    }
}

/// A currency named in the text, before the default currency is considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Exact(Currency),
    /// `$` alone.
    Dollar,
    /// `¥` or `￥` alone.
    Yen,
}

impl Mark {
    /// Whether a generic symbol can stand for `currency`.
    fn admits(self, currency: Currency) -> bool {
        match self {
            Mark::Exact(c) => c == currency,
            Mark::Dollar => matches!(currency, Currency::Usd | Currency::Sgd | Currency::Hkd),
            Mark::Yen => matches!(currency, Currency::Cny | Currency::Jpy),
        }
    }

    /// The mark that two marks on both sides of the number agree on.
    fn combine(self, other: Mark) -> Option<Mark> {
        match (self, other) {
            (Mark::Exact(c), m) | (m, Mark::Exact(c)) => m.admits(c).then_some(Mark::Exact(c)),
            (a, b) => (a == b).then_some(a),
        }
    }

    fn resolve(self, default: Currency, at: Pos) -> Result<Currency, MoneyError> {
        let (usual, family_default) = match self {
            Mark::Exact(c) => return Ok(c),
            Mark::Dollar => (Currency::Usd, self.admits(default)),
            Mark::Yen => (Currency::Cny, self.admits(default)),
        };
        if family_default && default != usual {
            Err(ambiguous(at, AmbiguityReason::CurrencySymbol))
        } else {
            Ok(usual)
        }
    }
}

/// What a word or symbol means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Currency(Mark),
    /// A power of ten.
    Multiplier(u32),
    /// A currency walletcare does not support.
    Unsupported,
}

const fn exact(c: Currency) -> Word {
    Word::Currency(Mark::Exact(c))
}

/// Words made of ASCII letters, possibly ending in `$` or `¥`; matched whole
/// and case-insensitively. ISO codes are matched separately; `m` depends on
/// the locale.
const ASCII_WORDS: &[(&str, Word)] = &[
    ("rp", exact(Currency::Idr)),
    ("rupiah", exact(Currency::Idr)),
    ("rmb", exact(Currency::Cny)),
    ("yuan", exact(Currency::Cny)),
    ("renminbi", exact(Currency::Cny)),
    ("cn¥", exact(Currency::Cny)),
    ("cn￥", exact(Currency::Cny)),
    ("us$", exact(Currency::Usd)),
    ("s$", exact(Currency::Sgd)),
    ("hk$", exact(Currency::Hkd)),
    ("rm", exact(Currency::Myr)),
    ("ringgit", exact(Currency::Myr)),
    ("euro", exact(Currency::Eur)),
    ("euros", exact(Currency::Eur)),
    ("baht", exact(Currency::Thb)),
    ("peso", exact(Currency::Php)),
    ("pesos", exact(Currency::Php)),
    ("jp¥", exact(Currency::Jpy)),
    ("jp￥", exact(Currency::Jpy)),
    ("yen", exact(Currency::Jpy)),
    ("dong", exact(Currency::Vnd)),
    ("k", Word::Multiplier(3)),
    ("rb", Word::Multiplier(3)),
    ("ribu", Word::Multiplier(3)),
    ("thousand", Word::Multiplier(3)),
    ("jt", Word::Multiplier(6)),
    ("juta", Word::Multiplier(6)),
    ("mn", Word::Multiplier(6)),
    ("million", Word::Multiplier(6)),
    ("miliar", Word::Multiplier(9)),
    ("milyar", Word::Multiplier(9)),
    ("bn", Word::Multiplier(9)),
    ("billion", Word::Multiplier(9)),
    ("triliun", Word::Multiplier(12)),
    ("trillion", Word::Multiplier(12)),
];

/// Symbols and CJK words, matched longest first at any position (so `美元` is
/// USD, not `元`, and `万元` is `万` then `元`).
const SYMBOLS: &[(&str, Word)] = &[
    ("$", Word::Currency(Mark::Dollar)),
    ("¥", Word::Currency(Mark::Yen)),
    ("￥", Word::Currency(Mark::Yen)),
    ("€", exact(Currency::Eur)),
    ("฿", exact(Currency::Thb)),
    ("₱", exact(Currency::Php)),
    ("₫", exact(Currency::Vnd)),
    ("元", exact(Currency::Cny)),
    ("块", exact(Currency::Cny)),
    ("块钱", exact(Currency::Cny)),
    ("人民币", exact(Currency::Cny)),
    ("美元", exact(Currency::Usd)),
    ("美金", exact(Currency::Usd)),
    ("新币", exact(Currency::Sgd)),
    ("新元", exact(Currency::Sgd)),
    ("港币", exact(Currency::Hkd)),
    ("港元", exact(Currency::Hkd)),
    ("马币", exact(Currency::Myr)),
    ("令吉", exact(Currency::Myr)),
    ("林吉特", exact(Currency::Myr)),
    ("印尼盾", exact(Currency::Idr)),
    ("盾", exact(Currency::Idr)),
    ("欧元", exact(Currency::Eur)),
    ("日元", exact(Currency::Jpy)),
    ("泰铢", exact(Currency::Thb)),
    ("比索", exact(Currency::Php)),
    ("越南盾", exact(Currency::Vnd)),
    ("百", Word::Multiplier(2)),
    ("千", Word::Multiplier(3)),
    ("万", Word::Multiplier(4)),
    ("十万", Word::Multiplier(5)),
    ("百万", Word::Multiplier(6)),
    ("千万", Word::Multiplier(7)),
    ("亿", Word::Multiplier(8)),
    ("十亿", Word::Multiplier(9)),
    ("百亿", Word::Multiplier(10)),
    ("千亿", Word::Multiplier(11)),
    ("万亿", Word::Multiplier(12)),
    ("£", Word::Unsupported),
    ("₹", Word::Unsupported),
    ("₩", Word::Unsupported),
    ("₽", Word::Unsupported),
    ("₺", Word::Unsupported),
    ("₪", Word::Unsupported),
];

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '\u{2212}' | '\u{FF0D}')
}

fn digit_value(c: char) -> Option<u8> {
    let value = match c {
        '0'..='9' => u32::from(c).checked_sub(u32::from('0')),
        '０'..='９' => u32::from(c).checked_sub(u32::from('０')),
        _ => None,
    };
    value.and_then(|v| u8::try_from(v).ok())
}

/// `'.'` or `','` for the separators (ASCII or full-width).
fn separator(c: char) -> Option<char> {
    match c {
        '.' | '．' => Some('.'),
        ',' | '，' => Some(','),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy)]
enum Token {
    Sign,
    Number(Number),
    Currency(Mark),
    Multiplier(u32),
}

#[derive(Debug, Clone, Copy)]
struct Number {
    start: Pos,
    /// Every digit, integer and fraction, as one integer; `None` once it no
    /// longer fits (the amount then overflows whatever the scale).
    digits: Option<i128>,
    frac_digits: u32,
    decimal_at: Option<Pos>,
}

struct Lexer<'a> {
    text: &'a str,
    at: Pos,
    locale: Locale,
    /// The decimal separator; the other one of `.` and `,` groups thousands.
    decimal: char,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str, locale: Locale) -> Self {
        let decimal = match locale {
            Locale::Id => ',',
            Locale::En | Locale::ZhCn => '.',
        };
        Lexer {
            text,
            at: Pos::default(),
            locale,
            decimal,
        }
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.at.byte..).unwrap_or_default()
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek_second(&self) -> Option<char> {
        self.rest().chars().nth(1)
    }

    fn bump(&mut self, c: char) {
        self.at.byte = self.at.byte.saturating_add(c.len_utf8());
        self.at.ch = self.at.ch.saturating_add(1);
    }

    /// The place of fraction digit `index` (0-based) after the decimal
    /// separator at `decimal_at`.
    fn fraction_digit(&self, decimal_at: Pos, index: u32) -> Pos {
        let skip = usize::try_from(index).unwrap_or(usize::MAX);
        let mut at = decimal_at;
        let chars = self.text.get(decimal_at.byte..).unwrap_or_default().chars();
        for c in chars.take(skip.saturating_add(1)) {
            at.byte = at.byte.saturating_add(c.len_utf8());
            at.ch = at.ch.saturating_add(1);
        }
        at
    }

    fn next_token(&mut self) -> Result<Option<(Token, Pos)>, MoneyError> {
        while let Some(c) = self.peek() {
            if !c.is_whitespace() {
                break;
            }
            self.bump(c);
        }
        let start = self.at;
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        let token = if is_minus(c) {
            self.bump(c);
            Token::Sign
        } else if digit_value(c).is_some() {
            Token::Number(self.number()?)
        } else if separator(c).is_some() {
            return Err(parse_error(start, ParseReason::MisplacedSeparator));
        } else if c.is_ascii_alphabetic() {
            self.ascii_word()?
        } else {
            self.symbol()?
        };
        Ok(Some((token, start)))
    }

    fn number(&mut self) -> Result<Number, MoneyError> {
        let misplaced = |at| parse_error(at, ParseReason::MisplacedSeparator);
        let start = self.at;
        let mut digits: Option<i128> = Some(0);
        let mut leading_zero = None;
        let mut run: u32 = 0;
        let mut frac_digits: u32 = 0;
        let mut first_group_sep: Option<Pos> = None;
        let mut last_group_sep: Option<Pos> = None;
        let mut decimal_at: Option<Pos> = None;
        let mut after_sep: Option<Pos> = None;
        let mut no_cents = false;
        while let Some(c) = self.peek() {
            if let Some(d) = digit_value(c) {
                leading_zero.get_or_insert(d == 0);
                digits = digits
                    .and_then(|v| v.checked_mul(10))
                    .and_then(|v| v.checked_add(i128::from(d)));
                if decimal_at.is_some() {
                    frac_digits = frac_digits.saturating_add(1);
                }
                run = run.saturating_add(1);
                after_sep = None;
                self.bump(c);
                continue;
            }
            let Some(sep) = separator(c) else { break };
            let at = self.at;
            if after_sep.is_some() || decimal_at.is_some() {
                return Err(misplaced(at));
            }
            if sep == self.decimal {
                if let Some(group_at) = last_group_sep {
                    if run != 3 {
                        return Err(misplaced(group_at));
                    }
                }
                self.bump(c);
                let dash_follows = self.peek().is_some_and(is_minus)
                    && self.peek_second().is_none_or(|n| digit_value(n).is_none());
                if self.locale == Locale::Id && dash_follows {
                    // "Rp150.000,-": the price style for "no cents".
                    if let Some(dash) = self.peek() {
                        self.bump(dash);
                    }
                    no_cents = true;
                    break;
                }
                decimal_at = Some(at);
            } else {
                match last_group_sep {
                    None if run > 3 => return Err(misplaced(at)),
                    Some(group_at) if run != 3 => return Err(misplaced(group_at)),
                    _ => {}
                }
                first_group_sep.get_or_insert(at);
                last_group_sep = Some(at);
                self.bump(c);
            }
            run = 0;
            after_sep = Some(at);
        }
        if let Some(at) = after_sep {
            return Err(misplaced(at));
        }
        if decimal_at.is_none() && !no_cents {
            if let Some(group_at) = last_group_sep {
                if run != 3 {
                    return Err(misplaced(group_at));
                }
            }
        }
        if let Some(group_at) = first_group_sep {
            if leading_zero == Some(true) {
                return Err(ambiguous(group_at, AmbiguityReason::Separator));
            }
        }
        if let Some(decimal) = decimal_at {
            if first_group_sep.is_none() && frac_digits == 3 {
                return Err(ambiguous(decimal, AmbiguityReason::Separator));
            }
        }
        Ok(Number {
            start,
            digits,
            frac_digits,
            decimal_at,
        })
    }

    fn ascii_word(&mut self) -> Result<Token, MoneyError> {
        let start = self.at;
        while let Some(c) = self.peek() {
            if !c.is_ascii_alphabetic() {
                break;
            }
            self.bump(c);
        }
        let mut ends_in_symbol = false;
        if let Some(c) = self.peek() {
            if matches!(c, '$' | '¥' | '￥') {
                self.bump(c);
                ends_in_symbol = true;
            }
        }
        let word = self.text.get(start.byte..self.at.byte).unwrap_or_default();
        if word.eq_ignore_ascii_case("rp") && self.peek() == Some('.') {
            // "Rp. 150.000" is common in Indonesia.
            self.bump('.');
        }
        if word == "m" || word == "M" {
            return match (self.locale, word) {
                (Locale::Id, "M") => Ok(Token::Multiplier(9)),
                (Locale::Id, _) => Err(ambiguous(start, AmbiguityReason::Multiplier)),
                _ => Ok(Token::Multiplier(6)),
            };
        }
        if let Some(currency) = Currency::ALL
            .iter()
            .copied()
            .find(|c| c.code().eq_ignore_ascii_case(word))
        {
            return Ok(Token::Currency(Mark::Exact(currency)));
        }
        let known = ASCII_WORDS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(word))
            .map(|&(_, meaning)| meaning);
        match known {
            Some(meaning) => meaning_token(meaning, word),
            None if ends_in_symbol
                || (word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase())) =>
            {
                Err(MoneyError::UnknownCurrency(word.to_owned()))
            }
            None => Err(parse_error(start, ParseReason::UnknownWord)),
        }
    }

    fn symbol(&mut self) -> Result<Token, MoneyError> {
        let start = self.at;
        let rest = self.rest().as_bytes();
        let first = rest.first();
        let best = SYMBOLS
            .iter()
            // Comparing the first byte inline first skips most entries cheaply.
            .filter(|(s, _)| s.as_bytes().first() == first && rest.starts_with(s.as_bytes()))
            .max_by_key(|(s, _)| s.len());
        let Some(&(symbol, meaning)) = best else {
            return Err(parse_error(start, ParseReason::UnexpectedCharacter));
        };
        for c in symbol.chars() {
            self.bump(c);
        }
        meaning_token(meaning, symbol)
    }
}

fn meaning_token(meaning: Word, text: &str) -> Result<Token, MoneyError> {
    match meaning {
        Word::Currency(mark) => Ok(Token::Currency(mark)),
        Word::Multiplier(power) => Ok(Token::Multiplier(power)),
        Word::Unsupported => Err(MoneyError::UnknownCurrency(text.to_owned())),
    }
}

/// What has been read so far; enforces the grammar.
#[derive(Debug, Default)]
struct State {
    seen_anything: bool,
    negative: bool,
    currency_before: bool,
    currency_after: bool,
    currency: Option<(Mark, Pos)>,
    number: Option<Number>,
    multiplier_seen: bool,
    multiplier: u32,
}

impl State {
    fn accept(&mut self, token: Token, at: Pos) -> Result<(), MoneyError> {
        self.seen_anything = true;
        match token {
            Token::Sign => {
                if self.negative || self.number.is_some() {
                    return Err(parse_error(at, ParseReason::MisplacedSign));
                }
                self.negative = true;
            }
            Token::Number(number) => {
                if self.number.is_some() {
                    return Err(parse_error(at, ParseReason::MultipleNumbers));
                }
                self.number = Some(number);
            }
            Token::Multiplier(power) => {
                if self.number.is_none() || self.multiplier_seen || self.currency_after {
                    return Err(parse_error(at, ParseReason::MisplacedMultiplier));
                }
                self.multiplier_seen = true;
                self.multiplier = power;
            }
            Token::Currency(mark) => {
                let side = if self.number.is_some() {
                    &mut self.currency_after
                } else {
                    &mut self.currency_before
                };
                if *side {
                    return Err(parse_error(at, ParseReason::ExtraCurrency));
                }
                *side = true;
                self.currency = match self.currency {
                    None => Some((mark, at)),
                    Some((previous, previous_at)) => match previous.combine(mark) {
                        Some(combined) => Some((combined, previous_at)),
                        None => return Err(parse_error(at, ParseReason::ConflictingCurrency)),
                    },
                };
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorCode, HasErrorCode};

    fn ok(text: &str, locale: Locale, default: Currency) -> Money {
        parse(text, locale, default).unwrap_or_else(|e| panic!("{text:?} in {locale}: {e}"))
    }

    #[test]
    fn reads_every_indonesian_example() {
        let cases: &[(&str, i64)] = &[
            ("Rp 150.000", 15_000_000),
            ("Rp150.000,50", 15_000_050),
            ("150.000,50", 15_000_050),
            ("IDR 1.500.000", 150_000_000),
            ("50rb", 5_000_000),
            ("50 ribu", 5_000_000),
            ("1,5jt", 150_000_000),
            ("2 juta", 200_000_000),
            ("1,2 M", 120_000_000_000),
            ("1,2 miliar", 120_000_000_000),
            ("1,2 milyar", 120_000_000_000),
            ("Rp. 150.000", 15_000_000),
            ("Rp.150.000", 15_000_000),
            ("Rp150.000,-", 15_000_000),
            ("150,-", 15_000),
            ("rp 5", 500),
            ("150000", 15_000_000),
            ("1.500", 150_000),
            ("0,50", 50),
            ("50k", 5_000_000),
            ("50 RB", 5_000_000),
            ("50 ribu rupiah", 5_000_000),
            ("-Rp150.000", -15_000_000),
            ("Rp -150.000", -15_000_000),
            ("Rp-150.000", -15_000_000),
            ("- 5", -500),
            ("1,23456789jt", 123_456_789),
            ("1 triliun", 100_000_000_000_000),
            ("\u{a0}Rp\u{a0}150.000\u{a0}", 15_000_000),
        ];
        for &(text, minor) in cases {
            assert_eq!(
                ok(text, Locale::Id, Currency::Idr),
                Money::new(minor, Currency::Idr),
                "{text:?}"
            );
        }
    }

    #[test]
    fn reads_every_chinese_example() {
        let cases: &[(&str, i64, Currency)] = &[
            ("¥150.00", 15_000, Currency::Cny),
            ("￥150", 15_000, Currency::Cny),
            ("150元", 15_000, Currency::Cny),
            ("150.5元", 15_050, Currency::Cny),
            ("1.5万", 1_500_000, Currency::Cny),
            ("3千", 300_000, Currency::Cny),
            ("2亿", 20_000_000_000, Currency::Cny),
            ("RMB 20", 2_000, Currency::Cny),
            ("CNY 20", 2_000, Currency::Cny),
            ("1.5万元", 1_500_000, Currency::Cny),
            ("5百万", 500_000_000, Currency::Cny),
            ("20块钱", 2_000, Currency::Cny),
            ("20块", 2_000, Currency::Cny),
            ("人民币20", 2_000, Currency::Cny),
            ("¥150元", 15_000, Currency::Cny),
            ("１５０元", 15_000, Currency::Cny),
            ("１，５００．５０元", 150_050, Currency::Cny),
            ("1,500.00", 150_000, Currency::Cny),
            ("20万盾", 20_000_000, Currency::Idr),
            ("20万印尼盾", 20_000_000, Currency::Idr),
            ("100美元", 10_000, Currency::Usd),
            ("100新币", 10_000, Currency::Sgd),
            ("1万日元", 10_000, Currency::Jpy),
            ("10万越南盾", 100_000, Currency::Vnd),
            ("−¥5", -500, Currency::Cny),
            ("－５元", -500, Currency::Cny),
            ("1.5m", 150_000_000, Currency::Cny),
        ];
        for &(text, minor, currency) in cases {
            assert_eq!(
                ok(text, Locale::ZhCn, Currency::Cny),
                Money::new(minor, currency),
                "{text:?}"
            );
        }
    }

    #[test]
    fn reads_every_english_example() {
        let cases: &[(&str, i64, Currency)] = &[
            ("$12.34", 1_234, Currency::Usd),
            ("USD 12.34", 1_234, Currency::Usd),
            ("12.34 SGD", 1_234, Currency::Sgd),
            ("S$5", 500, Currency::Sgd),
            ("RM 10.50", 1_050, Currency::Myr),
            ("RM10.50", 1_050, Currency::Myr),
            ("50k", 5_000_000, Currency::Usd),
            ("1.2m", 120_000_000, Currency::Usd),
            ("1.2M", 120_000_000, Currency::Usd),
            ("1,234.56", 123_456, Currency::Usd),
            ("1,500", 150_000, Currency::Usd),
            ("usd12.34", 1_234, Currency::Usd),
            ("US$5", 500, Currency::Usd),
            ("HK$5", 500, Currency::Hkd),
            ("CN¥5", 500, Currency::Cny),
            ("JP¥500", 500, Currency::Jpy),
            ("€3.50", 350, Currency::Eur),
            ("฿20", 2_000, Currency::Thb),
            ("₱20", 2_000, Currency::Php),
            ("₫20,000", 20_000, Currency::Vnd),
            ("$5 SGD", 500, Currency::Sgd),
            ("¥500 JPY", 500, Currency::Jpy),
            ("5$", 500, Currency::Usd),
            ("-$12.34", -1_234, Currency::Usd),
            ("$-12.34", -1_234, Currency::Usd),
            ("1.25k", 125_000, Currency::Usd),
            ("2.5 million", 250_000_000, Currency::Usd),
            ("3 bn", 300_000_000_000, Currency::Usd),
            ("0.05", 5, Currency::Usd),
            ("-0", 0, Currency::Usd),
            ("IDR 150,000", 15_000_000, Currency::Idr),
            ("JPY 1,500", 1_500, Currency::Jpy),
            ("92,233,720,368,547,758.07", i64::MAX, Currency::Usd),
            ("-92,233,720,368,547,758.08", i64::MIN, Currency::Usd),
        ];
        for &(text, minor, currency) in cases {
            assert_eq!(
                ok(text, Locale::En, Currency::Usd),
                Money::new(minor, currency),
                "{text:?}"
            );
        }
    }

    fn err(text: &str, locale: Locale, default: Currency) -> MoneyError {
        match parse(text, locale, default) {
            Ok(m) => panic!("{text:?} in {locale} parsed as {m:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn rejects_malformed_text_at_the_offending_place() {
        use ParseReason as R;
        // (text, locale, byte position, char position, reason)
        let cases: &[(&str, Locale, usize, usize, ParseReason)] = &[
            ("", Locale::En, 0, 0, R::Empty),
            ("   ", Locale::Id, 0, 0, R::Empty),
            ("\u{3000}\t\n", Locale::ZhCn, 0, 0, R::Empty),
            ("Rp", Locale::Id, 2, 2, R::MissingNumber),
            ("Rp ", Locale::Id, 2, 2, R::MissingNumber),
            ("元", Locale::ZhCn, 3, 1, R::MissingNumber),
            ("-", Locale::En, 1, 1, R::MissingNumber),
            ("1.50.000", Locale::Id, 1, 1, R::MisplacedSeparator),
            ("1.500.00", Locale::Id, 5, 5, R::MisplacedSeparator),
            ("1500.000", Locale::Id, 4, 4, R::MisplacedSeparator),
            ("1.5000", Locale::Id, 1, 1, R::MisplacedSeparator),
            ("1.5jt", Locale::Id, 1, 1, R::MisplacedSeparator),
            ("12.34", Locale::Id, 2, 2, R::MisplacedSeparator),
            ("1,5.000", Locale::Id, 3, 3, R::MisplacedSeparator),
            ("1,5,0", Locale::Id, 3, 3, R::MisplacedSeparator),
            ("1.50,5", Locale::Id, 1, 1, R::MisplacedSeparator),
            ("1,5", Locale::En, 1, 1, R::MisplacedSeparator),
            ("1,50,000", Locale::En, 1, 1, R::MisplacedSeparator),
            ("1.500,00", Locale::En, 5, 5, R::MisplacedSeparator),
            ("12.", Locale::En, 2, 2, R::MisplacedSeparator),
            (".5", Locale::En, 0, 0, R::MisplacedSeparator),
            ("$.5", Locale::En, 1, 1, R::MisplacedSeparator),
            ("1..5", Locale::En, 2, 2, R::MisplacedSeparator),
            ("1.5.0", Locale::ZhCn, 3, 3, R::MisplacedSeparator),
            ("￥1.50.0", Locale::ZhCn, 7, 5, R::MisplacedSeparator),
            ("150元，", Locale::ZhCn, 6, 4, R::MisplacedSeparator),
            ("12 34", Locale::En, 3, 3, R::MultipleNumbers),
            ("150 000", Locale::Id, 4, 4, R::MultipleNumbers),
            ("5 USD 6", Locale::En, 6, 6, R::MultipleNumbers),
            ("--5", Locale::En, 1, 1, R::MisplacedSign),
            ("-Rp-5", Locale::Id, 3, 3, R::MisplacedSign),
            ("5-", Locale::En, 1, 1, R::MisplacedSign),
            ("5,-", Locale::En, 1, 1, R::MisplacedSeparator),
            ("k50", Locale::En, 0, 0, R::MisplacedMultiplier),
            ("5k rb", Locale::Id, 3, 3, R::MisplacedMultiplier),
            ("5 USD k", Locale::En, 6, 6, R::MisplacedMultiplier),
            ("Rp IDR 5", Locale::Id, 3, 3, R::ExtraCurrency),
            ("5 元 元", Locale::ZhCn, 6, 4, R::ExtraCurrency),
            ("$5 IDR", Locale::En, 3, 3, R::ConflictingCurrency),
            ("Rp 5 元", Locale::Id, 5, 5, R::ConflictingCurrency),
            ("$5 ¥", Locale::En, 3, 3, R::ConflictingCurrency),
            ("+5", Locale::En, 0, 0, R::UnexpectedCharacter),
            ("(5)", Locale::En, 0, 0, R::UnexpectedCharacter),
            ("5%", Locale::En, 1, 1, R::UnexpectedCharacter),
            ("1'000", Locale::En, 1, 1, R::UnexpectedCharacter),
            ("十元", Locale::ZhCn, 0, 0, R::UnexpectedCharacter),
            ("Rp 150.000 ya", Locale::Id, 11, 11, R::UnknownWord),
            ("1e5", Locale::En, 1, 1, R::UnknownWord),
            ("50rbu", Locale::Id, 2, 2, R::UnknownWord),
            ("five dollars", Locale::En, 0, 0, R::UnknownWord),
        ];
        for &(text, locale, position, char_position, reason) in cases {
            let got = err(text, locale, Currency::Idr);
            assert_eq!(
                got,
                MoneyError::Parse {
                    position,
                    char_position,
                    reason
                },
                "{text:?} in {locale}"
            );
            assert_eq!(got.code(), ErrorCode::MoneyParse);
        }
    }

    #[test]
    fn refuses_ambiguous_text_instead_of_guessing() {
        use AmbiguityReason as A;
        let cases: &[(&str, Locale, Currency, usize, usize, AmbiguityReason)] = &[
            ("1.500", Locale::En, Currency::Usd, 1, 1, A::Separator),
            ("$12.345", Locale::En, Currency::Usd, 3, 3, A::Separator),
            ("1.500", Locale::ZhCn, Currency::Idr, 1, 1, A::Separator),
            ("Rp 1.500", Locale::ZhCn, Currency::Idr, 4, 4, A::Separator),
            ("1,500", Locale::Id, Currency::Idr, 1, 1, A::Separator),
            ("1,500jt", Locale::Id, Currency::Idr, 1, 1, A::Separator),
            ("0.500", Locale::Id, Currency::Idr, 1, 1, A::Separator),
            ("0,500", Locale::En, Currency::Usd, 1, 1, A::Separator),
            ("1,5m", Locale::Id, Currency::Idr, 3, 3, A::Multiplier),
            ("1.234k", Locale::En, Currency::Usd, 1, 1, A::Separator),
            ("$5", Locale::En, Currency::Sgd, 0, 0, A::CurrencySymbol),
            ("5 $", Locale::En, Currency::Hkd, 2, 2, A::CurrencySymbol),
            ("¥500", Locale::ZhCn, Currency::Jpy, 0, 0, A::CurrencySymbol),
            (
                "￥500",
                Locale::ZhCn,
                Currency::Jpy,
                0,
                0,
                A::CurrencySymbol,
            ),
        ];
        for &(text, locale, default, position, char_position, reason) in cases {
            let got = err(text, locale, default);
            assert_eq!(
                got,
                MoneyError::Ambiguous {
                    position,
                    char_position,
                    reason
                },
                "{text:?} in {locale}"
            );
            assert_eq!(got.code(), ErrorCode::MoneyAmbiguous);
        }
        // The same symbols are fine when the default is not a rival currency.
        assert_eq!(
            ok("$5", Locale::En, Currency::Idr),
            Money::new(500, Currency::Usd)
        );
        assert_eq!(
            ok("¥5", Locale::En, Currency::Usd),
            Money::new(500, Currency::Cny)
        );
        assert_eq!(
            ok("1,5 M", Locale::Id, Currency::Idr),
            Money::new(150_000_000_000, Currency::Idr)
        );
    }

    #[test]
    fn refuses_more_decimals_than_the_currency_has() {
        let cases: &[(&str, Locale, Currency, usize, usize, Currency)] = &[
            ("1,234.567", Locale::En, Currency::Usd, 8, 8, Currency::Usd),
            ("12.3456", Locale::En, Currency::Usd, 5, 5, Currency::Usd),
            ("0.0012", Locale::ZhCn, Currency::Cny, 4, 4, Currency::Cny),
            (
                "150.000,505",
                Locale::Id,
                Currency::Idr,
                10,
                10,
                Currency::Idr,
            ),
            (
                "1,234567891jt",
                Locale::Id,
                Currency::Idr,
                10,
                10,
                Currency::Idr,
            ),
            ("JPY 1.5", Locale::En, Currency::Usd, 6, 6, Currency::Jpy),
            ("1.5", Locale::En, Currency::Vnd, 2, 2, Currency::Vnd),
            ("¥0.0012", Locale::ZhCn, Currency::Cny, 6, 5, Currency::Cny),
            (
                "１．２３４５元",
                Locale::ZhCn,
                Currency::Cny,
                12,
                4,
                Currency::Cny,
            ),
        ];
        for &(text, locale, default, position, char_position, currency) in cases {
            let got = err(text, locale, default);
            assert_eq!(
                got,
                MoneyError::TooPrecise {
                    position,
                    char_position,
                    currency
                },
                "{text:?} in {locale}"
            );
            assert_eq!(got.code(), ErrorCode::MoneyTooPrecise);
        }
        // A multiplier makes room for the digits.
        assert_eq!(
            ok("1.5k", Locale::En, Currency::Jpy),
            Money::new(1_500, Currency::Jpy)
        );
    }

    #[test]
    fn refuses_out_of_range_unknown_and_oversized_input() {
        for (text, locale) in [
            ("92,233,720,368,547,758.08", Locale::En),
            ("-92,233,720,368,547,758.09", Locale::En),
            ("99999999999999999999999999999999999999999999", Locale::En),
            ("1 triliun triliun", Locale::Id),
            ("100000000 triliun", Locale::Id),
        ] {
            let got = parse(text, locale, Currency::Usd);
            assert!(
                matches!(got, Err(MoneyError::Overflow | MoneyError::Parse { .. })),
                "{text:?}: {got:?}"
            );
        }
        assert_eq!(
            parse("92233720368547758.08", Locale::En, Currency::Usd),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            parse("100000000 triliun", Locale::Id, Currency::Idr),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            parse("GBP 5", Locale::En, Currency::Usd),
            Err(MoneyError::UnknownCurrency("GBP".into()))
        );
        assert_eq!(
            parse("£5", Locale::En, Currency::Usd),
            Err(MoneyError::UnknownCurrency("£".into()))
        );
        assert_eq!(
            parse("A$5", Locale::En, Currency::Usd),
            Err(MoneyError::UnknownCurrency("A$".into()))
        );
        let long = format!("{}5", " ".repeat(MAX_PARSE_LEN));
        assert_eq!(
            parse(&long, Locale::En, Currency::Usd),
            Err(MoneyError::InputTooLarge { len: 257, max: 256 })
        );
        let just_fits = format!("{}5", " ".repeat(MAX_PARSE_LEN - 1));
        assert_eq!(
            parse(&just_fits, Locale::En, Currency::Usd),
            Ok(Money::new(500, Currency::Usd))
        );
    }

    #[test]
    fn positions_count_leading_spaces_and_multibyte_characters() {
        let got = err("  ￥ 1.5.0", Locale::ZhCn, Currency::Cny);
        assert_eq!(
            got,
            MoneyError::Parse {
                position: 9,
                char_position: 7,
                reason: ParseReason::MisplacedSeparator
            }
        );
    }
}
