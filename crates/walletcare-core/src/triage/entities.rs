//! Entities in support messages: amounts, order and transaction numbers,
//! dates (absolute and relative), times, phone numbers, e-mail addresses,
//! the last digits of a card and error codes.
//!
//! The scanner reads the first [`super::MAX_INPUT_BYTES`] of the text, folds
//! full-width characters (`１２３`, `＄`) and case, and tries patterns from the
//! most specific to the least (e-mail, dates, times, relative days, phone
//! numbers, amounts, card digits, error codes, references), so a span is
//! claimed by one entity only. Spans are byte offsets into the text as given.
//!
//! A full card number pasted into a message (13 to 19 digits passing the
//! Luhn check) is never reported, under any kind, so it does not travel in
//! a triage result that hosts log or store; nor is any other secret
//! [`crate::redact::redact`] hides by default (CVV, one-time code, PIN,
//! password, NIK, resident ID), or a part of one.

use serde::{Deserialize, Serialize};

use super::features::fold_width;
use crate::locale::Locale;
use crate::money::{self, Currency, Money, MoneyError};

/// What an [`Entity`] is. The JSON form is the snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::EntityKind;
/// assert_eq!(serde_json::to_string(&EntityKind::RelativeDate)?, "\"relative_date\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// An amount of money: "Rp 50.000", "50rb", "1,5jt", "200元", "$12", "¥30".
    Amount,
    /// An order, transaction, invoice or ticket number: "TRX123456789",
    /// "INV/20261121/XYZ/123", a long run of digits (but never a full card
    /// number: 13 to 19 digits passing the Luhn check are left out).
    Reference,
    /// A calendar date: "21/11/2026", "2026-11-21", "11月21日", "21 Nov".
    Date,
    /// A day relative to today: "yesterday", "kemarin", "昨天", "2 days ago".
    RelativeDate,
    /// A time of day: "14:30", "jam 10", "下午3点", "9pm".
    Time,
    /// A phone number: "+62 812-3456-7890", "081234567890", "13812345678".
    Phone,
    /// An e-mail address.
    Email,
    /// The last digits of a bank card: "ending 1234", "尾号1234", "**** 1234".
    CardDigits,
    /// An error code shown by the app: "error 502", "kode E-102", "错误码 4001".
    ErrorCode,
}

crate::names::names!(as_str display from_str: triage::EntityKind as "entity kind" {
    Amount => "amount",
    Reference => "reference",
    Date => "date",
    RelativeDate => "relative_date",
    Time => "time",
    Phone => "phone",
    Email => "email",
    CardDigits => "card_digits",
    ErrorCode => "error_code",
});

/// The value of an [`Entity`], when it has one. The JSON form is tagged by
/// `type`.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::triage::EntityValue;
///
/// let v = EntityValue::Money(Money::new(5_000_000, Currency::Idr));
/// assert_eq!(serde_json::to_string(&v)?, r#"{"type":"money","minor":5000000,"currency":"IDR"}"#);
/// let d = EntityValue::RelativeDay { days: -1 };
/// assert_eq!(serde_json::to_string(&d)?, r#"{"type":"relative_day","days":-1}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum EntityValue {
    /// An exact amount.
    Money(Money),
    /// A calendar date; the year when written.
    Date {
        /// The year, if written.
        year: Option<i32>,
        /// 1..=12.
        month: u32,
        /// 1..=31.
        day: u32,
    },
    /// A day relative to the message: 0 today, -1 yesterday.
    RelativeDay {
        /// Days from today (negative: in the past).
        days: i32,
    },
    /// A time of day, 24-hour.
    Time {
        /// 0..=23.
        hour: u32,
        /// 0..=59.
        minute: u32,
    },
    /// The digits of a phone number or card ending, separators removed.
    Digits {
        /// The digits (with a leading `+` for international phone numbers).
        digits: String,
    },
}

/// Something found in a message.
///
/// # Examples
///
/// ```
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::triage::{EntityKind, EntityValue, extract_entities};
///
/// let text = "saldo kepotong Rp 50.000 kemarin";
/// let entities = extract_entities(text);
/// assert_eq!(entities[0].kind, EntityKind::Amount);
/// assert_eq!(entities[0].text, "Rp 50.000");
/// assert_eq!(&text[entities[0].start..entities[0].end], "Rp 50.000");
/// assert_eq!(entities[0].value, Some(EntityValue::Money(Money::new(5_000_000, Currency::Idr))));
/// assert_eq!(entities[1].kind, EntityKind::RelativeDate);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// The text as written.
    pub text: String,
    /// Byte offset of the start in the message.
    pub start: usize,
    /// Byte offset just past the end in the message.
    pub end: usize,
    /// The value, when the entity has one and it could be read exactly
    /// (an amount too precise for its currency has none).
    pub value: Option<EntityValue>,
}

/// Finds the entities in `text` (its first [`super::MAX_INPUT_BYTES`]), in
/// order of position, not overlapping. Amounts with no currency marker but an
/// Indonesian magnitude (`50rb`, `2jt`) are rupiah; with `万`/`千` or `元`
/// yuan; `50k` with nothing else is rupiah (the wallet's home currency). `¥`
/// is read as yuan (write `円` or `JPY` for yen).
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{EntityKind, extract_entities};
///
/// let kinds: Vec<EntityKind> = extract_entities("订单号 INV/20261121/XYZ/123，11月21日付了200元")
///     .iter()
///     .map(|e| e.kind)
///     .collect();
/// assert_eq!(kinds, [EntityKind::Reference, EntityKind::Date, EntityKind::Amount]);
/// assert!(extract_entities("").is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn extract_entities(text: &str) -> Vec<Entity> {
    extract_with_default(text, Currency::Idr)
}

/// As [`extract_entities`], with the currency of bare `k`/`thousand`/
/// `million` amounts given.
pub(crate) fn extract_with_default(text: &str, default_currency: Currency) -> Vec<Entity> {
    extract_known(text, default_currency, None)
}

/// As [`extract_with_default`], with the spans of the secrets in `text`
/// ([`crate::redact::secret_spans`] of the text, which the caller passes
/// already capped) when the caller has them, so they are not looked for
/// again.
pub(crate) fn extract_known(
    text: &str,
    default_currency: Currency,
    secrets: Option<&[(usize, usize)]>,
) -> Vec<Entity> {
    let (text, _) = super::cap_input(text);
    let scan = Scan::new(text, default_currency);
    let mut entities = scan.run();
    if entities.is_empty() {
        return entities;
    }
    // No entity carries a secret or a part of one (a one-time code read as
    // a reference, a NIK as a long number...): hosts log and store results.
    let computed;
    let secrets = match secrets {
        Some(spans) => spans,
        None => {
            computed = crate::redact::secret_spans(text);
            &computed
        }
    };
    if !secrets.is_empty() {
        entities.retain(|e| !secrets.iter().any(|&(s, end)| e.start < end && s < e.end));
    }
    entities
}

/// Month names and abbreviations (Indonesian and English), with the month.
const MONTHS: [(&str, u32); 40] = [
    ("january", 1),
    ("januari", 1),
    ("february", 2),
    ("februari", 2),
    ("march", 3),
    ("maret", 3),
    ("april", 4),
    ("may", 5),
    ("mei", 5),
    ("june", 6),
    ("juni", 6),
    ("july", 7),
    ("juli", 7),
    ("august", 8),
    ("agustus", 8),
    ("september", 9),
    ("october", 10),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("desember", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
    ("des", 12),
    ("peb", 2),
    ("nop", 11),
];

/// Indonesian words before an hour ("jam 10", "pukul 14.30").
const HOUR_WORDS: [&str; 2] = ["jam", "pukul"];

/// Chinese parts of the day before an hour ("下午3点"); the fourth and
/// fifth are afternoon and evening (12 hours later).
const DAYPARTS: [&str; 6] = ["上午", "早上", "中午", "下午", "晚上", "凌晨"];

/// Relative days that are one word or phrase, with the days from today.
const RELATIVE_FIXED: [(&str, i32); 25] = [
    ("day before yesterday", -2),
    ("the day before yesterday", -2),
    ("yesterday", -1),
    ("last night", -1),
    ("today", 0),
    ("this morning", 0),
    ("tonight", 0),
    ("last week", -7),
    ("kemarin lusa", -2),
    ("kemarin", -1),
    ("kemaren", -1),
    ("kmrn", -1),
    ("kmarin", -1),
    ("hari ini", 0),
    ("tadi pagi", 0),
    ("tadi siang", 0),
    ("tadi malam", -1),
    ("semalam", -1),
    ("minggu lalu", -7),
    ("seminggu lalu", -7),
    ("seminggu yang lalu", -7),
    ("大前天", -3),
    ("前天", -2),
    ("昨天", -1),
    ("昨日", -1),
];

/// More Chinese relative days, tried after [`RELATIVE_FIXED`].
const RELATIVE_MORE: [(&str, i32); 7] = [
    ("今天", 0),
    ("今日", 0),
    ("上周", -7),
    ("上星期", -7),
    ("上个星期", -7),
    ("上礼拜", -7),
    ("上個星期", -7),
];

/// Counts written as words ("a day ago"): the index is the count, "a" is one.
const COUNT_WORDS: [&str; 7] = ["a", "one", "two", "three", "four", "five", "six"];

/// Currency words and symbols written before an amount.
const CURRENCY_PREFIXES: [(&str, Currency); 22] = [
    ("rp.", Currency::Idr),
    ("rp", Currency::Idr),
    ("idr", Currency::Idr),
    ("us$", Currency::Usd),
    ("usd", Currency::Usd),
    ("s$", Currency::Sgd),
    ("sgd", Currency::Sgd),
    ("hk$", Currency::Hkd),
    ("hkd", Currency::Hkd),
    ("rm", Currency::Myr),
    ("myr", Currency::Myr),
    ("rmb", Currency::Cny),
    ("cny", Currency::Cny),
    ("¥", Currency::Cny),
    ("€", Currency::Eur),
    ("eur", Currency::Eur),
    ("$", Currency::Usd),
    ("฿", Currency::Thb),
    ("thb", Currency::Thb),
    ("₱", Currency::Php),
    ("php", Currency::Php),
    ("jpy", Currency::Jpy),
];

/// Multiplier words after a number: the word, its spelling for `money::parse`, the currency it implies.
const MAGNITUDES: [(&str, &str, Option<Currency>); 14] = [
    ("ribu", "rb", Some(Currency::Idr)),
    ("rebu", "rb", Some(Currency::Idr)),
    ("rb", "rb", Some(Currency::Idr)),
    ("juta", "jt", Some(Currency::Idr)),
    ("jt", "jt", Some(Currency::Idr)),
    ("jeti", "jt", Some(Currency::Idr)),
    ("miliar", "miliar", Some(Currency::Idr)),
    ("milyar", "miliar", Some(Currency::Idr)),
    ("thousand", "thousand", None),
    ("million", "million", None),
    ("k", "k", None),
    ("万", "万", Some(Currency::Cny)),
    ("千", "千", Some(Currency::Cny)),
    ("亿", "亿", Some(Currency::Cny)),
];

/// Currency words written after an amount.
const CURRENCY_SUFFIXES: [(&str, Currency); 26] = [
    ("块钱", Currency::Cny),
    ("元", Currency::Cny),
    ("块", Currency::Cny),
    ("塊", Currency::Cny),
    ("人民币", Currency::Cny),
    ("円", Currency::Jpy),
    ("rupiah", Currency::Idr),
    ("idr", Currency::Idr),
    ("perak", Currency::Idr),
    ("rmb", Currency::Cny),
    ("yuan", Currency::Cny),
    ("cny", Currency::Cny),
    ("dollars", Currency::Usd),
    ("dollar", Currency::Usd),
    ("usd", Currency::Usd),
    ("bucks", Currency::Usd),
    ("sgd", Currency::Sgd),
    ("ringgit", Currency::Myr),
    ("myr", Currency::Myr),
    ("euros", Currency::Eur),
    ("euro", Currency::Eur),
    ("eur", Currency::Eur),
    ("baht", Currency::Thb),
    ("pesos", Currency::Php),
    ("peso", Currency::Php),
    ("yen", Currency::Jpy),
];

/// Words before the last digits of a card.
const CARD_CUES: [&str; 11] = [
    "ending in",
    "ending with",
    "ends in",
    "ends with",
    "ending",
    "berakhiran",
    "akhiran",
    "尾号",
    "末四位",
    "后四位",
    "last 4 digits",
];

/// Words before an error code.
const ERROR_CUES: [&str; 10] = [
    "error code",
    "kode error",
    "kode kesalahan",
    "error",
    "err",
    "kode",
    "code",
    "错误代码",
    "错误码",
    "错误",
];

/// Words shortly before an order or transaction number.
const REFERENCE_CUES: [&str; 17] = [
    "order",
    "pesanan",
    "transaksi",
    "transaction",
    "trx",
    "invoice",
    "ref",
    "id",
    "no",
    "nomor",
    "number",
    "订单",
    "单号",
    "交易",
    "流水号",
    "编号",
    "#",
];

/// The Chinese numerals an amount can be written in ("三百元"): the
/// characters [`chinese_digit`] and [`chinese_unit`] read.
const CHINESE_NUMERALS: [char; 20] = [
    '零', '〇', '一', '二', '两', '兩', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千',
    '万', '萬', '亿', '億',
];

/// The characters that mask a card number before its last digits.
const CARD_MASKS: [char; 3] = ['*', 'x', '•'];

/// The most non-ASCII first characters a [`Starts`] lists one by one; past
/// that it lets every non-ASCII character through.
const MAX_OTHER_STARTS: usize = 32;

/// The characters a match of a pass can start with, and where: a gate
/// checked before a pass is tried at a position, so the pass's word lists
/// are only tried where one of their words (or one of its digits or
/// symbols) could start. Built at compile time from the same lists the
/// pass reads; a gate may let through positions where the pass finds
/// nothing, never the reverse (test `gates_never_reject_a_match`).
#[derive(Clone, Copy)]
struct Starts {
    /// ASCII characters that start a match only at a word start, one bit
    /// per code.
    at_word: u128,
    /// ASCII characters that may start a match anywhere.
    anywhere: u128,
    /// Non-ASCII characters that may start a match anywhere.
    other: [char; MAX_OTHER_STARTS],
    /// How many of `other` are used.
    others: usize,
    /// Whether `other` overflowed (then every non-ASCII character passes).
    any_other: bool,
}

/// The first character of `s`, decoded at compile time.
const fn first_char(s: &str) -> Option<char> {
    // Bytes of a `str` are well-formed UTF-8, so the lead byte tells the
    // length and the continuation bytes are there.
    match s.as_bytes() {
        [] => None,
        [a, ..] if *a < 0x80 => Some(*a as char),
        [a, b, ..] if *a & 0xE0 == 0xC0 => {
            char::from_u32(((*a as u32 & 0x1F) << 6) | (*b as u32 & 0x3F))
        }
        [a, b, c, ..] if *a & 0xF0 == 0xE0 => char::from_u32(
            ((*a as u32 & 0x0F) << 12) | ((*b as u32 & 0x3F) << 6) | (*c as u32 & 0x3F),
        ),
        [a, b, c, d, ..] => char::from_u32(
            ((*a as u32 & 0x07) << 18)
                | ((*b as u32 & 0x3F) << 12)
                | ((*c as u32 & 0x3F) << 6)
                | (*d as u32 & 0x3F),
        ),
        _ => None,
    }
}

impl Starts {
    /// Nothing starts a match.
    const NONE: Starts = Starts {
        at_word: 0,
        anywhere: 0,
        other: ['\0'; MAX_OTHER_STARTS],
        others: 0,
        any_other: false,
    };

    /// Adds `c`; an ASCII letter or digit only at a word start when
    /// `at_word`.
    #[allow(clippy::indexing_slicing)] // Evaluated at compile time only.
    const fn with_char(mut self, c: char, at_word: bool) -> Starts {
        if c.is_ascii() {
            let bit = 1u128 << (c as u32);
            if at_word && c.is_ascii_alphanumeric() {
                self.at_word |= bit;
            } else {
                self.anywhere |= bit;
            }
        } else {
            let mut k = 0;
            while k < self.others {
                if self.other[k] == c {
                    return self;
                }
                k += 1;
            }
            if self.others == MAX_OTHER_STARTS {
                self.any_other = true;
                return self;
            }
            self.other[self.others] = c;
            self.others += 1;
        }
        self
    }

    /// Adds the first character of each of `words`, matched as
    /// [`Scan::word`] does (Latin letters and digits at a word start).
    #[allow(clippy::indexing_slicing)] // Evaluated at compile time only.
    const fn with_words(mut self, words: &[&str]) -> Starts {
        let mut k = 0;
        while k < words.len() {
            if let Some(c) = first_char(words[k]) {
                self = self.with_char(c, true);
            }
            k += 1;
        }
        self
    }

    /// As [`Starts::with_words`], for the words of `(word, value)` pairs.
    #[allow(clippy::indexing_slicing)] // Evaluated at compile time only.
    const fn with_pairs<T>(mut self, pairs: &[(&str, T)]) -> Starts {
        let mut k = 0;
        while k < pairs.len() {
            if let Some(c) = first_char(pairs[k].0) {
                self = self.with_char(c, true);
            }
            k += 1;
        }
        self
    }

    /// Adds the first character of each of `words`, matched anywhere (as
    /// [`Scan::lit`] does).
    #[allow(clippy::indexing_slicing)] // Evaluated at compile time only.
    const fn with_literals(mut self, words: &[&str]) -> Starts {
        let mut k = 0;
        while k < words.len() {
            if let Some(c) = first_char(words[k]) {
                self = self.with_char(c, false);
            }
            k += 1;
        }
        self
    }

    /// Adds `chars`, anywhere.
    #[allow(clippy::indexing_slicing)] // Evaluated at compile time only.
    const fn with_chars(mut self, chars: &[char]) -> Starts {
        let mut k = 0;
        while k < chars.len() {
            self = self.with_char(chars[k], false);
            k += 1;
        }
        self
    }

    /// Adds the ASCII digits, at a word start when `at_word`.
    const fn with_digits(self, at_word: bool) -> Starts {
        self.with_ascii_range(b'0', b'9', at_word)
    }

    /// Adds the ASCII letters and digits, at a word start.
    const fn with_alphanumerics(self) -> Starts {
        self.with_ascii_range(b'0', b'9', true)
            .with_ascii_range(b'a', b'z', true)
            .with_ascii_range(b'A', b'Z', true)
    }

    const fn with_ascii_range(mut self, from: u8, to: u8, at_word: bool) -> Starts {
        let mut b = from;
        while b <= to {
            self = self.with_char(b as char, at_word);
            b += 1;
        }
        self
    }

    /// Whether a match may start at a position holding `c` (folded and
    /// lowercased), where a word starts or not.
    fn allows(&self, c: char, starts_word: bool) -> bool {
        if c.is_ascii() {
            let bit = 1u128 << u32::from(c);
            self.anywhere & bit != 0 || (starts_word && self.at_word & bit != 0)
        } else {
            self.any_other
                || self
                    .other
                    .get(..self.others)
                    .is_some_and(|other| other.contains(&c))
        }
    }
}

/// Where an e-mail address can start: a Latin letter or digit at a word
/// start (the pass is skipped when the text has no `@`).
const EMAIL_STARTS: Starts = Starts::NONE.with_alphanumerics();

/// Where a date can start: a digit (numeric and Chinese dates) or a month
/// name at a word start.
const DATE_STARTS: Starts = Starts::NONE.with_digits(false).with_pairs(&MONTHS);

/// Where a time can start: an hour word, a Chinese part of the day, or a
/// digit ("3点" need not start a word).
const TIME_STARTS: Starts = Starts::NONE
    .with_words(&HOUR_WORDS)
    .with_literals(&DAYPARTS)
    .with_digits(false);

/// Where a relative day can start: its words, or a count ("3 days ago")
/// at a word start.
const RELATIVE_STARTS: Starts = Starts::NONE
    .with_pairs(&RELATIVE_FIXED)
    .with_pairs(&RELATIVE_MORE)
    .with_words(&COUNT_WORDS)
    .with_digits(true);

/// Where a phone number can start: a digit or `+` at a word start.
const PHONE_STARTS: Starts = Starts::NONE.with_digits(true).with_char('+', true);

/// Where an amount can start: a currency prefix or a digit at a word
/// start, or a Chinese numeral.
const AMOUNT_STARTS: Starts = Starts::NONE
    .with_pairs(&CURRENCY_PREFIXES)
    .with_digits(true)
    .with_chars(&CHINESE_NUMERALS);

/// Where card digits can start: a cue word or a mask character.
const CARD_STARTS: Starts = Starts::NONE.with_words(&CARD_CUES).with_chars(&CARD_MASKS);

/// Where an error code's cue can start.
const ERROR_STARTS: Starts = Starts::NONE.with_words(&ERROR_CUES);

/// Where a reference can start: a Latin letter or digit at a word start.
const REFERENCE_STARTS: Starts = Starts::NONE.with_alphanumerics();

/// The gates of the passes, in the order of [`Scan::passes`].
const PASS_STARTS: [Starts; 9] = [
    EMAIL_STARTS,
    DATE_STARTS,
    TIME_STARTS,
    RELATIVE_STARTS,
    PHONE_STARTS,
    AMOUNT_STARTS,
    CARD_STARTS,
    ERROR_STARTS,
    REFERENCE_STARTS,
];

/// For each ASCII character, the passes (bit `k` for pass `k` of
/// [`PASS_STARTS`]) that may start there: anywhere when `at_word` is
/// false, at a word start (in addition) when true.
#[allow(clippy::indexing_slicing)] // Evaluated at compile time only.
const fn ascii_gates(at_word: bool) -> [u16; 128] {
    let mut table = [0u16; 128];
    let mut c = 0;
    while c < 128 {
        let mut k = 0;
        while k < PASS_STARTS.len() {
            let set = if at_word {
                PASS_STARTS[k].at_word
            } else {
                PASS_STARTS[k].anywhere
            };
            if (set >> c) & 1 == 1 {
                table[c] |= 1 << k;
            }
            k += 1;
        }
        c += 1;
    }
    table
}

/// [`ascii_gates`] for matches allowed anywhere.
const ASCII_ANYWHERE: [u16; 128] = ascii_gates(false);

/// [`ascii_gates`] for matches allowed only at a word start.
const ASCII_AT_WORD: [u16; 128] = ascii_gates(true);

/// The passes (bit `k` for pass `k` of [`PASS_STARTS`]) that may start
/// at a position holding `c`, where a word starts or not.
fn gates_at(c: char, starts_word: bool) -> u16 {
    if c.is_ascii() {
        let k = usize::from(c as u8);
        let anywhere = ASCII_ANYWHERE.get(k).copied().unwrap_or(u16::MAX);
        let at_word = ASCII_AT_WORD.get(k).copied().unwrap_or(u16::MAX);
        if starts_word {
            anywhere | at_word
        } else {
            anywhere
        }
    } else {
        PASS_STARTS
            .iter()
            .enumerate()
            .filter(|(_, s)| s.allows(c, starts_word))
            .fold(0, |m, (k, _)| m | 1 << k)
    }
}

/// One found span, in character positions.
struct Found {
    start: usize,
    end: usize,
    kind: EntityKind,
    value: Option<EntityValue>,
}

/// One pattern tried at a position of a [`Scan`].
type Pass<'s> = fn(&Scan<'s>, usize) -> Option<Found>;

struct Scan<'a> {
    text: &'a str,
    /// Byte offset and folded, lowercased character.
    chars: Vec<(usize, char)>,
    /// [`Scan::lead`] of each position, computed once.
    leads: Vec<Lead>,
    /// Whether the folded text has an `@`.
    has_at: bool,
    default_currency: Currency,
}

/// A Latin letter or ASCII digit: the characters that glue into one word
/// (Han characters do not, so "单号123" splits before the digits).
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || (matches!(u32::from(c), 0xC0..=0x24F) && c.is_alphabetic())
}

/// What [`Scan::could_start`] needs to know about one position: the first
/// UTF-8 byte of its (folded) character, if any, and whether a word starts
/// there.
#[derive(Clone, Copy)]
struct Lead {
    byte: Option<u8>,
    starts_word: bool,
    /// The passes that may start here ([`gates_at`]).
    gates: u16,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, default_currency: Currency) -> Scan<'a> {
        let chars = text
            .char_indices()
            .map(|(i, c)| {
                let c = fold_width(c);
                let c = if c == '￥' { '¥' } else { c };
                (
                    i,
                    if c.is_ascii() {
                        c.to_ascii_lowercase()
                    } else {
                        c
                    },
                )
            })
            .collect::<Vec<_>>();
        let mut prev_word = false;
        let leads = chars
            .iter()
            .map(|&(_, c)| {
                let mut buf = [0u8; 4];
                let lead = Lead {
                    byte: c.encode_utf8(&mut buf).as_bytes().first().copied(),
                    starts_word: !prev_word,
                    gates: gates_at(c, !prev_word),
                };
                prev_word = is_word(c);
                lead
            })
            .collect();
        let has_at = chars.iter().any(|&(_, c)| c == '@');
        Scan {
            text,
            chars,
            leads,
            has_at,
            default_currency,
        }
    }

    /// Whether the pass of `gate` (its bit in [`Lead::gates`]) may find a
    /// match starting at position `i`.
    #[cfg(test)]
    fn may_start(&self, gate: u16, i: usize) -> bool {
        self.leads.get(i).is_some_and(|lead| lead.gates & gate != 0)
    }

    fn c(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether position `i` starts a word (the character before is not a
    /// word character).
    fn starts_word(&self, i: usize) -> bool {
        i == 0 || !self.c(i - 1).is_some_and(is_word)
    }

    /// Whether position `i` ends a word (the character at `i` is not a word
    /// character).
    fn ends_word(&self, i: usize) -> bool {
        !self.c(i).is_some_and(is_word)
    }

    /// Matches `word` (lowercase) at `i`; returns the end.
    fn lit(&self, i: usize, word: &str) -> Option<usize> {
        let mut j = i;
        for w in word.chars() {
            if self.c(j)? != w {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// Matches a whole word (bounded on both sides when it starts or ends with
    /// a Latin letter).
    fn word(&self, i: usize, word: &str) -> Option<usize> {
        let end = self.lit(i, word)?;
        let first_latin = word.chars().next().is_some_and(is_word);
        let last_latin = word.chars().last().is_some_and(is_word);
        if (first_latin && !self.starts_word(i)) || (last_latin && !self.ends_word(end)) {
            return None;
        }
        Some(end)
    }

    /// As [`Scan::any_word`], for the words of `(word, value)` pairs.
    fn any_word_of<T>(&self, i: usize, pairs: &[(&str, T)]) -> Option<(usize, usize)> {
        let lead = self.lead(i);
        pairs
            .iter()
            .enumerate()
            .filter(|(_, (w, _))| Self::could_start(lead, w))
            .find_map(|(k, (w, _))| self.word(i, w).map(|end| (k, end)))
    }

    /// The first of `words` that matches at `i`, with its index.
    fn any_word(&self, i: usize, words: &[&str]) -> Option<(usize, usize)> {
        let lead = self.lead(i);
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| Self::could_start(lead, w))
            .find_map(|(k, w)| self.word(i, w).map(|end| (k, end)))
    }

    /// As [`Scan::lead`], for a pre-check of [`Scan::lit`] (which does not
    /// care where words start).
    fn lit_lead(&self, i: usize) -> Lead {
        Lead {
            starts_word: true,
            ..self.lead(i)
        }
    }

    /// The facts [`Scan::could_start`] checks, for position `i`.
    fn lead(&self, i: usize) -> Lead {
        self.leads.get(i).copied().unwrap_or_else(|| Lead {
            byte: None,
            starts_word: self.starts_word(i),
            gates: 0,
        })
    }

    /// A cheap pre-check: `false` only when [`Scan::word`] (and so
    /// [`Scan::lit`], for the first condition) cannot match `word` at the
    /// position `lead` describes: its first byte differs from the
    /// character's there, or it starts with an ASCII letter or digit in the
    /// middle of a word.
    fn could_start(lead: Lead, word: &str) -> bool {
        match word.as_bytes().first() {
            None => true,
            Some(&b) => lead.byte == Some(b) && (lead.starts_word || !b.is_ascii_alphanumeric()),
        }
    }

    fn skip_spaces(&self, mut i: usize, max: usize) -> usize {
        let mut n = 0;
        while n < max && self.c(i).is_some_and(|c| c == ' ' || c == '\u{a0}') {
            i += 1;
            n += 1;
        }
        i
    }

    /// The end of the run of ASCII digits at `i`.
    fn digits_end(&self, i: usize) -> usize {
        let mut j = i;
        while self.c(j).is_some_and(|c| c.is_ascii_digit()) {
            j += 1;
        }
        j
    }

    /// The value of the digits in `i..j` (at most 18 of them).
    fn number(&self, i: usize, j: usize) -> Option<u64> {
        if j <= i || j - i > 18 {
            return None;
        }
        (i..j).try_fold(0u64, |acc, k| {
            let d = self.c(k)?.to_digit(10)?;
            acc.checked_mul(10)?.checked_add(u64::from(d))
        })
    }

    /// A run of 1..=`max` digits at `i`, not glued to more digits; its value
    /// and end.
    fn small_number(&self, i: usize, max: usize) -> Option<(u32, usize)> {
        let j = self.digits_end(i);
        if j == i || j - i > max {
            return None;
        }
        let v = u32::try_from(self.number(i, j)?).ok()?;
        Some((v, j))
    }

    /// The passes, from the most specific pattern to the least, each with
    /// where its matches can start and whether it can match at all (no
    /// e-mail address without an `@`).
    /// Pass `k` has its gate in bit `k` of [`Lead::gates`].
    fn passes(&self) -> [(Pass<'a>, u16, bool); 9] {
        [
            (Scan::email, 1, self.has_at),
            (Scan::date, 1 << 1, true),
            (Scan::time, 1 << 2, true),
            (Scan::relative_date, 1 << 3, true),
            (Scan::phone, 1 << 4, true),
            (Scan::amount, 1 << 5, true),
            (Scan::card_digits, 1 << 6, true),
            (Scan::error_code, 1 << 7, true),
            (Scan::reference, 1 << 8, true),
        ]
    }

    fn run(&self) -> Vec<Entity> {
        let mut used = vec![false; self.len()];
        let mut found: Vec<Found> = Vec::new();
        // The positions where some pass may start, with their gates: each
        // pass reads this list instead of every position.
        let starts: Vec<(usize, u16)> = self
            .leads
            .iter()
            .enumerate()
            .filter(|(_, lead)| lead.gates != 0)
            .map(|(i, lead)| (i, lead.gates))
            .collect();
        for (pass, gate, _) in self
            .passes()
            .into_iter()
            .filter(|&(_, _, possible)| possible)
        {
            // Every match starts at or after the position it is tried at,
            // and the positions before its end are not tried again.
            let mut next = 0;
            for &(i, gates) in &starts {
                if i < next || gates & gate == 0 || used.get(i).copied().unwrap_or(true) {
                    continue;
                }
                match pass(self, i) {
                    Some(f)
                        if f.end > f.start
                            && used
                                .get(f.start..f.end)
                                .is_some_and(|u| u.iter().all(|x| !x)) =>
                    {
                        if let Some(u) = used.get_mut(f.start..f.end) {
                            u.iter_mut().for_each(|x| *x = true);
                        }
                        next = f.end;
                        found.push(f);
                    }
                    _ => {}
                }
            }
        }
        found.sort_by_key(|f| f.start);
        found
            .into_iter()
            .map(|f| {
                let start = self.byte(f.start);
                let end = self.byte(f.end);
                Entity {
                    kind: f.kind,
                    text: self.text.get(start..end).unwrap_or_default().to_owned(),
                    start,
                    end,
                    value: f.value,
                }
            })
            .collect()
    }

    // -----------------------------------------------------------------------
    // E-mail

    fn email(&self, i: usize) -> Option<Found> {
        let local = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-');
        if !self.starts_word(i) || !self.c(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let mut j = i;
        while self.c(j).is_some_and(local) {
            j += 1;
        }
        if self.c(j)? != '@' {
            return None;
        }
        let mut k = j + 1;
        let mut dots = 0;
        let mut last_dot = k;
        while let Some(c) = self.c(k) {
            if c.is_ascii_alphanumeric() || c == '-' {
                k += 1;
            } else if c == '.' && self.c(k + 1).is_some_and(|d| d.is_ascii_alphanumeric()) {
                dots += 1;
                last_dot = k;
                k += 1;
            } else {
                break;
            }
        }
        if dots == 0 || k - last_dot < 3 || last_dot == j + 1 {
            return None;
        }
        Some(Found {
            start: i,
            end: k,
            kind: EntityKind::Email,
            value: None,
        })
    }

    // -----------------------------------------------------------------------
    // Dates

    fn date(&self, i: usize) -> Option<Found> {
        self.numeric_date(i)
            .or_else(|| self.cjk_date(i))
            .or_else(|| self.named_month_date(i))
    }

    fn date_found(
        start: usize,
        end: usize,
        year: Option<i32>,
        month: u32,
        day: u32,
    ) -> Option<Found> {
        let valid = match year {
            Some(y) => chrono::NaiveDate::from_ymd_opt(y, month, day).is_some(),
            // Without a year, allow 29 February.
            None => chrono::NaiveDate::from_ymd_opt(2028, month, day).is_some(),
        };
        valid.then_some(Found {
            start,
            end,
            kind: EntityKind::Date,
            value: Some(EntityValue::Date { year, month, day }),
        })
    }

    /// `2026-11-21`, `2026/11/21`, `21/11/2026`, `21-11-2026`, `21.11.2026`,
    /// `21/11/26`, `21/11`. Day first unless impossible (`11/21/2026`).
    fn numeric_date(&self, i: usize) -> Option<Found> {
        if !self.starts_word(i) || (i > 0 && matches!(self.c(i - 1), Some('/' | '-' | '.'))) {
            return None;
        }
        let a_end = self.digits_end(i);
        let a_len = a_end - i;
        let sep = self.c(a_end).filter(|c| matches!(c, '/' | '-' | '.'))?;
        let (b, b_end) = self.small_number(a_end + 1, 2)?;
        let third = (self.c(b_end) == Some(sep))
            .then(|| {
                let c_end = self.digits_end(b_end + 1);
                Some((self.number(b_end + 1, c_end)?, c_end))
            })
            .flatten();
        let a = self.number(i, a_end)?;
        let bounded = |end: usize| {
            self.ends_word(end)
                && !matches!(self.c(end), Some('/' | '-'))
                && !(self.c(end) == Some('.')
                    && self.c(end + 1).is_some_and(|c| c.is_ascii_digit()))
        };
        if a_len == 4 {
            // Year first.
            let (c, end) = third?;
            if end - (b_end + 1) > 2 || !bounded(end) {
                return None;
            }
            return Self::date_found(i, end, i32::try_from(a).ok(), b, u32::try_from(c).ok()?);
        }
        if !(1..=2).contains(&a_len) {
            return None;
        }
        let a = u32::try_from(a).ok()?;
        let (year, end) = match third {
            Some((y, end)) => {
                let len = end - (b_end + 1);
                let year = match len {
                    4 => i32::try_from(y).ok()?,
                    2 => 2000 + i32::try_from(y).ok()?,
                    _ => return None,
                };
                (Some(year), end)
            }
            // Day and month alone only with a slash (1.5 and 1-2 are not dates).
            None if sep == '/' => (None, b_end),
            None => return None,
        };
        if !bounded(end) {
            return None;
        }
        if a > 12 || b <= 12 {
            Self::date_found(i, end, year, b, a)
        } else {
            // 11/21/2026: month first.
            Self::date_found(i, end, year, a, b)
        }
    }

    /// `2026年11月21日`, `11月21日`, `11月21号`.
    fn cjk_date(&self, i: usize) -> Option<Found> {
        if i > 0 && self.c(i - 1).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let mut j = i;
        let mut year = None;
        let y_end = self.digits_end(j);
        if y_end - j == 4 && self.c(y_end) == Some('年') {
            year = i32::try_from(self.number(j, y_end)?).ok();
            j = y_end + 1;
        }
        let (month, m_end) = self.small_number(j, 2)?;
        if self.c(m_end)? != '月' {
            return None;
        }
        let (day, d_end) = self.small_number(m_end + 1, 2)?;
        let end = match self.c(d_end) {
            Some('日' | '号' | '號') => d_end + 1,
            _ => return None,
        };
        Self::date_found(i, end, year, month, day)
    }

    fn month_name(&self, i: usize) -> Option<(u32, usize)> {
        let lead = self.lead(i);
        MONTHS.iter().find_map(|&(name, m)| {
            if !Self::could_start(lead, name) {
                return None;
            }
            let end = self.word(i, name)?;
            // "Nov." is fine.
            let end = if self.c(end) == Some('.') {
                end + 1
            } else {
                end
            };
            Some((m, end))
        })
    }

    /// Past an English ordinal suffix ("21st", "3rd") after digits ending at
    /// `end`, if there is one.
    fn ordinal_end(&self, end: usize) -> usize {
        let suffix = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| self.lit(end, s).filter(|&e| self.ends_word(e)));
        suffix.unwrap_or(end)
    }

    /// `21 Nov 2026`, `21 November`, `Nov 21, 2026`, `21 Agustus 2026`.
    fn named_month_date(&self, i: usize) -> Option<Found> {
        if !self.starts_word(i) {
            return None;
        }
        let year_after = |j: usize| -> (Option<i32>, usize) {
            let k = self.skip_spaces(j, 1);
            let y_end = self.digits_end(k);
            if y_end - k == 4 && self.ends_word(y_end) {
                let y = self.number(k, y_end).and_then(|y| i32::try_from(y).ok());
                (y, y_end)
            } else {
                (None, j)
            }
        };
        if let Some((day, d_end)) = self.small_number(i, 2) {
            let d_end2 = self.ordinal_end(d_end);
            let j = self.skip_spaces(d_end2, 1);
            if j == d_end2 {
                return None;
            }
            let (month, m_end) = self.month_name(j)?;
            let (year, end) = year_after(m_end);
            return Self::date_found(i, end, year, month, day);
        }
        let (month, m_end) = self.month_name(i)?;
        let j = self.skip_spaces(m_end, 1);
        let (day, d_end) = self.small_number(j, 2)?;
        let d_end = self.ordinal_end(d_end);
        if !self.ends_word(d_end) {
            return None;
        }
        let after_comma = if self.c(d_end) == Some(',') {
            d_end + 1
        } else {
            d_end
        };
        let (year, end) = year_after(after_comma);
        let end = if year.is_some() { end } else { d_end };
        Self::date_found(i, end, year, month, day)
    }

    // -----------------------------------------------------------------------
    // Times

    fn time_found(start: usize, end: usize, hour: u32, minute: u32) -> Option<Found> {
        (hour < 24 && minute < 60).then_some(Found {
            start,
            end,
            kind: EntityKind::Time,
            value: Some(EntityValue::Time { hour, minute }),
        })
    }

    fn time(&self, i: usize) -> Option<Found> {
        // Indonesian: "jam 10", "pukul 14.30".
        if let Some((_, j)) = self.any_word(i, &HOUR_WORDS) {
            let k = self.skip_spaces(j, 1);
            let (hour, h_end) = self.small_number(k, 2)?;
            let (minute, end) = match self.c(h_end) {
                Some(':' | '.') => {
                    let (m, m_end) = self.small_number(h_end + 1, 2)?;
                    if m_end - (h_end + 1) != 2 {
                        return None;
                    }
                    (m, m_end)
                }
                _ => (0, h_end),
            };
            if !self.ends_word(end) {
                return None;
            }
            return Self::time_found(i, end, hour, minute);
        }
        // Chinese: "下午3点", "10点30分", "3点半".
        let lead = self.lit_lead(i);
        let (offset, j) = match DAYPARTS
            .iter()
            .enumerate()
            .filter(|(_, w)| Self::could_start(lead, w))
            .find_map(|(k, w)| self.lit(i, w).map(|e| (k, e)))
        {
            Some((k, e)) => (if k == 3 || k == 4 { 12 } else { 0 }, e),
            None => (0, i),
        };
        if i > 0 && self.c(i - 1).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let (hour, h_end) = self.small_number(j, 2)?;
        match self.c(h_end) {
            Some('点' | '點' | '时') => {
                let mut end = h_end + 1;
                let mut minute = 0;
                if self.c(end) == Some('半') {
                    minute = 30;
                    end += 1;
                } else if let Some((m, m_end)) = self.small_number(end, 2) {
                    minute = m;
                    end = if self.c(m_end) == Some('分') {
                        m_end + 1
                    } else {
                        m_end
                    };
                }
                let hour = if offset == 12 && hour < 12 {
                    hour + 12
                } else {
                    hour
                };
                return Self::time_found(i, end, hour, minute);
            }
            _ if j != i => return None,
            _ => {}
        }
        if !self.starts_word(i) {
            return None;
        }
        // "14:30", "9:05 pm", "9pm", "9 am".
        let (minute, m_end) = if self.c(h_end) == Some(':') {
            let (m, m_end) = self.small_number(h_end + 1, 2)?;
            if m_end - (h_end + 1) != 2 {
                return None;
            }
            (Some(m), m_end)
        } else {
            (None, h_end)
        };
        let k = self.skip_spaces(m_end, 1);
        let meridiem = ["am", "a.m.", "pm", "p.m."]
            .iter()
            .enumerate()
            .find_map(|(w, m)| {
                self.lit(k, m)
                    .filter(|&e| self.ends_word(e))
                    .map(|e| (w, e))
            });
        match (minute, meridiem) {
            (_, Some((which, end))) => {
                if !(1..=12).contains(&hour) {
                    return None;
                }
                let pm = which >= 2;
                let hour = match (hour, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                };
                Self::time_found(i, end, hour, minute.unwrap_or(0))
            }
            (Some(m), None) => {
                if !self.ends_word(m_end) || self.c(m_end) == Some(':') {
                    return None;
                }
                Self::time_found(i, m_end, hour, m)
            }
            (None, None) => None,
        }
    }

    // -----------------------------------------------------------------------
    // Relative days

    fn relative_date(&self, i: usize) -> Option<Found> {
        if let Some((k, end)) = self.any_word_of(i, &RELATIVE_FIXED) {
            let days = RELATIVE_FIXED.get(k).map_or(0, |&(_, d)| d);
            return Some(Found {
                start: i,
                end,
                kind: EntityKind::RelativeDate,
                value: Some(EntityValue::RelativeDay { days }),
            });
        }
        if let Some((k, end)) = self.any_word_of(i, &RELATIVE_MORE) {
            let days = RELATIVE_MORE.get(k).map_or(0, |&(_, d)| d);
            return Some(Found {
                start: i,
                end,
                kind: EntityKind::RelativeDate,
                value: Some(EntityValue::RelativeDay { days }),
            });
        }
        // "3 days ago", "2 hari lalu", "2 hari yang lalu", "3天前", "two days ago".
        let (n, n_end) = match self.small_number(i, 3) {
            Some(v) if self.starts_word(i) => v,
            _ => {
                let (k, end) = self.any_word(i, &COUNT_WORDS)?;
                (u32::try_from(k.max(1)).ok()?, end)
            }
        };
        let j = self.skip_spaces(n_end, 1);
        let (unit, u_end) = if let Some((_, e)) = self.any_word(j, &["days", "day", "hari"]) {
            (1, e)
        } else if let Some((_, e)) = self.any_word(j, &["weeks", "week", "minggu"]) {
            (7, e)
        } else if let Some(e) = self.lit(n_end, "天前") {
            let days = i32::try_from(n).ok()?;
            return Some(Found {
                start: i,
                end: e,
                kind: EntityKind::RelativeDate,
                value: Some(EntityValue::RelativeDay { days: -days }),
            });
        } else {
            return None;
        };
        let k = self.skip_spaces(u_end, 1);
        let end = self
            .any_word(k, &["ago", "lalu", "yang lalu", "yg lalu"])
            .map(|(_, e)| e)?;
        let days = i32::try_from(n).ok()?.checked_mul(unit)?;
        (days <= 3660).then_some(Found {
            start: i,
            end,
            kind: EntityKind::RelativeDate,
            value: Some(EntityValue::RelativeDay { days: -days }),
        })
    }

    // -----------------------------------------------------------------------
    // Phone numbers

    /// Digits with single spaces or dashes between groups, from `i`; the
    /// digits and the end.
    fn grouped_digits(&self, i: usize) -> (String, usize) {
        let mut digits = String::new();
        let mut j = i;
        loop {
            let end = self.digits_end(j);
            if end == j {
                break;
            }
            digits.extend((j..end).filter_map(|k| self.c(k)));
            j = end;
            let sep = self.c(j);
            if matches!(sep, Some(' ' | '-' | '.'))
                && self.c(j + 1).is_some_and(|c| c.is_ascii_digit())
            {
                j += 1;
            } else {
                break;
            }
        }
        // Do not end on a separator.
        (digits, j)
    }

    fn phone(&self, i: usize) -> Option<Found> {
        if !self.starts_word(i) || (i > 0 && self.c(i - 1) == Some('+')) {
            return None;
        }
        let plus = self.c(i) == Some('+');
        let start_digits = if plus { i + 1 } else { i };
        if !self.c(start_digits).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let (digits, end) = self.grouped_digits(start_digits);
        if !self.ends_word(end) {
            return None;
        }
        let n = digits.len();
        let ok = if plus {
            (9..=15).contains(&n)
        } else if digits.starts_with("08") {
            (10..=13).contains(&n)
        } else if digits.starts_with("62") && digits.get(2..3) == Some("8") {
            (11..=14).contains(&n)
        } else {
            // Chinese mobile: 11 digits starting 13-19, written as one run.
            n == 11
                && end - start_digits == 11
                && digits.starts_with('1')
                && digits.get(1..2).is_some_and(|d| d >= "3")
        };
        ok.then(|| Found {
            start: i,
            end,
            kind: EntityKind::Phone,
            value: Some(EntityValue::Digits {
                digits: if plus { format!("+{digits}") } else { digits },
            }),
        })
    }

    // -----------------------------------------------------------------------
    // Amounts

    fn amount(&self, i: usize) -> Option<Found> {
        self.numeric_amount(i)
            .or_else(|| self.chinese_numeral_amount(i))
    }

    fn currency_prefix(&self, i: usize) -> Option<(Currency, usize)> {
        if !self.starts_word(i) {
            return None;
        }
        let lead = self.lit_lead(i);
        CURRENCY_PREFIXES.iter().find_map(|&(p, cur)| {
            if !Self::could_start(lead, p) {
                return None;
            }
            let end = self.lit(i, p)?;
            // A letter prefix must not run into more letters ("rpm", "rupiah").
            if p.chars().last().is_some_and(|c| c.is_ascii_alphabetic())
                && self.c(end).is_some_and(|c| c.is_ascii_alphabetic())
            {
                return None;
            }
            Some((cur, end))
        })
    }

    /// A multiplier word after a number: its canonical spelling for
    /// [`money::parse`], the currency it implies, and its end.
    fn magnitude(&self, i: usize) -> Option<(&'static str, Option<Currency>, usize)> {
        let lead = self.lit_lead(i);
        MAGNITUDES.iter().find_map(|&(w, canonical, cur)| {
            if !Self::could_start(lead, w) {
                return None;
            }
            let end = self.lit(i, w)?;
            let latin = w.chars().all(|c| c.is_ascii_alphabetic());
            if latin && !self.ends_word(end) {
                return None;
            }
            Some((canonical, cur, end))
        })
    }

    fn currency_suffix(&self, i: usize) -> Option<(Currency, usize)> {
        let lead = self.lit_lead(i);
        CURRENCY_SUFFIXES.iter().find_map(|&(w, cur)| {
            if !Self::could_start(lead, w) {
                return None;
            }
            let end = self.lit(i, w)?;
            if w.chars().all(|c| c.is_ascii_alphabetic()) && !self.ends_word(end) {
                return None;
            }
            Some((cur, end))
        })
    }

    /// Digits with `.`/`,` separators at `i`: the characters and the end.
    fn number_text(&self, i: usize) -> Option<(String, usize)> {
        if !self.c(i).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let mut s = String::new();
        let mut j = i;
        while let Some(c) = self.c(j) {
            let separator =
                matches!(c, '.' | ',') && self.c(j + 1).is_some_and(|d| d.is_ascii_digit());
            if !(c.is_ascii_digit() || separator) {
                break;
            }
            s.push(c);
            j += 1;
        }
        Some((s, j))
    }

    fn numeric_amount(&self, i: usize) -> Option<Found> {
        let prefix = self.currency_prefix(i);
        let num_start = match prefix {
            Some((_, end)) => self.skip_spaces(end, 1),
            None => {
                if !self.starts_word(i)
                    || (i > 0
                        && self
                            .c(i - 1)
                            .is_some_and(|c| matches!(c, '.' | ',' | '/' | '-' | '#')))
                {
                    return None;
                }
                i
            }
        };
        let (number, n_end) = self.number_text(num_start)?;
        let k = self.skip_spaces(n_end, 1);
        let magnitude = self.magnitude(k);
        let after_mag = magnitude.map_or(n_end, |(_, _, e)| e);
        let k2 = self.skip_spaces(after_mag, 1);
        let suffix = self.currency_suffix(k2);
        let end = suffix.map_or(after_mag, |(_, e)| e);
        if prefix.is_none() && magnitude.is_none() && suffix.is_none() {
            return None;
        }
        // A bare number must end its word: "50rbx" is not an amount.
        if magnitude.is_none() && suffix.is_none() && !self.ends_word(n_end) {
            return None;
        }
        let currency = prefix
            .map(|(c, _)| c)
            .or(suffix.map(|(c, _)| c))
            .or(magnitude.and_then(|(_, c, _)| c))
            .unwrap_or(self.default_currency);
        let multiplier = magnitude.map_or("", |(m, _, _)| m);
        let value = amount_to_money(&number, multiplier, currency).map(EntityValue::Money);
        Some(Found {
            start: i,
            end,
            kind: EntityKind::Amount,
            value,
        })
    }

    /// "三百元", "五十块", "一万五千元", "两千块钱".
    fn chinese_numeral_amount(&self, i: usize) -> Option<Found> {
        let mut j = i;
        while self
            .c(j)
            .is_some_and(|c| chinese_digit(c).is_some() || chinese_unit(c).is_some())
        {
            j += 1;
        }
        if j == i || i > 0 && self.c(i - 1).is_some_and(|c| chinese_digit(c).is_some()) {
            return None;
        }
        let (currency, end) = self.currency_suffix(j)?;
        let text: String = (i..j).filter_map(|k| self.c(k)).collect();
        let major = parse_chinese_number(&text)?;
        let value = i64::try_from(major)
            .ok()
            .and_then(|m| Money::from_major(m, currency).ok())
            .map(EntityValue::Money);
        Some(Found {
            start: i,
            end,
            kind: EntityKind::Amount,
            value,
        })
    }

    // -----------------------------------------------------------------------
    // Card digits

    fn card_digits(&self, i: usize) -> Option<Found> {
        let digits_at = |j: usize| -> Option<(String, usize)> {
            let end = self.digits_end(j);
            (end - j == 4 && self.ends_word(end))
                .then(|| ((j..end).filter_map(|k| self.c(k)).collect(), end))
        };
        if let Some((_, cue_end)) = self.any_word(i, &CARD_CUES) {
            let mut j = self.skip_spaces(cue_end, 1);
            if matches!(self.c(j), Some(':' | '：' | '是')) {
                j = self.skip_spaces(j + 1, 1);
            }
            let (digits, end) = digits_at(j)?;
            return Some(Found {
                start: i,
                end,
                kind: EntityKind::CardDigits,
                value: Some(EntityValue::Digits { digits }),
            });
        }
        // Masked: "**** 1234", "xxxx-1234", "*1234".
        let mask = |c: char| c == '*' || c == 'x' || c == '•';
        if !self.c(i).is_some_and(mask)
            || (i > 0 && self.c(i - 1).is_some_and(|c| mask(c) || is_word(c)))
        {
            return None;
        }
        let mut j = i;
        while self.c(j).is_some_and(|c| mask(c) || c == ' ' || c == '-') {
            j += 1;
        }
        let masked = (i..j).filter(|&k| self.c(k).is_some_and(mask)).count();
        if masked == 0 || (masked < 4 && self.c(i) == Some('x')) {
            return None;
        }
        let (digits, end) = digits_at(j)?;
        Some(Found {
            start: i,
            end,
            kind: EntityKind::CardDigits,
            value: Some(EntityValue::Digits { digits }),
        })
    }

    // -----------------------------------------------------------------------
    // Error codes

    fn error_code(&self, i: usize) -> Option<Found> {
        let (_, cue_end) = self.any_word(i, &ERROR_CUES)?;
        let mut j = self.skip_spaces(cue_end, 1);
        if matches!(self.c(j), Some(':' | '：' | '#')) {
            j = self.skip_spaces(j + 1, 1);
        }
        let start = j;
        while self.c(j).is_some_and(|c| c.is_ascii_alphabetic()) && j - start < 4 {
            j += 1;
        }
        if self.c(j) == Some('-') || self.c(j) == Some('_') {
            j += 1;
        }
        let d_end = self.digits_end(j);
        if !(2..=6).contains(&(d_end - j)) || !self.ends_word(d_end) {
            return None;
        }
        Some(Found {
            start,
            end: d_end,
            kind: EntityKind::ErrorCode,
            value: None,
        })
    }

    // -----------------------------------------------------------------------
    // References

    fn reference(&self, i: usize) -> Option<Found> {
        if !self.starts_word(i) || !self.c(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let mut j = i;
        let (mut digits, mut letters) = (0usize, 0usize);
        while let Some(c) = self.c(j) {
            if c.is_ascii_digit() {
                digits += 1;
                j += 1;
            } else if c.is_ascii_alphabetic() {
                letters += 1;
                j += 1;
            } else if matches!(c, '/' | '-' | '_' | '.')
                && self.c(j + 1).is_some_and(|d| d.is_ascii_alphanumeric())
            {
                j += 1;
            } else {
                break;
            }
        }
        if self.c(j).is_some_and(is_word) {
            return None;
        }
        let len = j - i;
        let long_digits = letters == 0 && digits >= 10;
        let mixed = letters >= 1 && digits >= 6;
        let structured = letters >= 2
            && digits >= 3
            && len >= 8
            && (i..j).any(|k| matches!(self.c(k), Some('/' | '-' | '_')));
        let cued = digits >= 6 && self.reference_cue_before(i);
        if self.in_card_number(i, j) {
            // A pasted card number is not a reference, and the result must
            // not carry it or a part of it (hosts log and store results).
            return None;
        }
        (long_digits || mixed || structured || cued).then_some(Found {
            start: i,
            end: j,
            kind: EntityKind::Reference,
            value: None,
        })
    }

    /// Whether the span `i..j` ends a token of digits and separators
    /// (`4532-0176-8903-1253`, the span possibly starting after a
    /// separator) whose 13 to 19 digits pass the Luhn check, as every card
    /// number does.
    fn in_card_number(&self, i: usize, j: usize) -> bool {
        let mut start = i;
        while start >= 2
            && self
                .c(start - 1)
                .is_some_and(|c| matches!(c, '/' | '-' | '_' | '.'))
            && self.c(start - 2).is_some_and(|c| c.is_ascii_digit())
        {
            start -= 2;
            while start > 0 && self.c(start - 1).is_some_and(|c| c.is_ascii_digit()) {
                start -= 1;
            }
        }
        let mut digits = String::new();
        for k in start..j {
            match self.c(k) {
                Some(c) if c.is_ascii_digit() => digits.push(c),
                Some('/' | '-' | '_' | '.') => {}
                _ => return false,
            }
        }
        (13..=19).contains(&digits.len()) && crate::card::luhn_valid(&digits)
    }

    /// Whether an order or transaction word comes shortly before `i`.
    fn reference_cue_before(&self, i: usize) -> bool {
        let from = i.saturating_sub(16);
        (from..i).any(|k| {
            REFERENCE_CUES
                .iter()
                .any(|c| self.lit(k, c).is_some_and(|e| e <= i))
        })
    }
}

fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn chinese_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1_000,
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// A Chinese numeral: "三百" = 300, "一万五千" = 15000, "十五" = 15,
/// "两千零五" = 2005, "一万五" = 15000 (a trailing digit after a unit takes
/// the next lower unit).
fn parse_chinese_number(text: &str) -> Option<u64> {
    let mut total: u64 = 0; // completed 亿/万 sections
    let mut section: u64 = 0; // within the current section
    let mut digit: Option<u64> = None;
    let mut last_unit: u64 = 1;
    let mut any = false;
    for c in text.chars() {
        if let Some(d) = chinese_digit(c) {
            digit = Some(d);
            any = true;
            continue;
        }
        let unit = chinese_unit(c)?;
        any = true;
        if unit >= 10_000 {
            let value = section.checked_add(digit.take().unwrap_or(0))?;
            let value = if value == 0 { 1 } else { value };
            total = total.checked_add(value)?.checked_mul(unit)?;
            section = 0;
            last_unit = unit;
        } else {
            let d = digit.take().unwrap_or(1);
            section = section.checked_add(d.checked_mul(unit)?)?;
            last_unit = unit;
        }
    }
    if !any {
        return None;
    }
    if let Some(d) = digit {
        // "一万五" = 15000, "三百五" = 350, "十五" = 15.
        let implied =
            if last_unit >= 10 && text.chars().rev().nth(1).and_then(chinese_unit).is_some() {
                last_unit / 10
            } else {
                1
            };
        section = section.checked_add(d.checked_mul(implied)?)?;
    }
    total.checked_add(section)
}

/// Converts the number and multiplier of an amount span into `currency`
/// through [`money::parse`], the one money parser, or `None` when the text
/// is not a well-formed amount, has more decimals than the currency allows
/// or does not fit.
///
/// The span finder has already read the currency (passed as the default, so
/// its own words and symbols need not be known to the parser). Separators
/// are read in the convention of the currency's home locale first (rupiah:
/// `.` thousands and `,` decimals; others: the reverse), then, if that is
/// ambiguous or malformed, in the other convention: "Rp 50.000" and
/// "IDR 1,250,000" are both fifty thousand and 1.25 million rupiah, "$12.50"
/// is twelve dollars fifty.
fn amount_to_money(number: &str, multiplier: &str, currency: Currency) -> Option<Money> {
    let text = format!("{number}{multiplier}");
    let home = match currency {
        Currency::Idr => Locale::Id,
        Currency::Cny | Currency::Jpy => Locale::ZhCn,
        _ => Locale::En,
    };
    let other = if home == Locale::Id {
        Locale::En
    } else {
        Locale::Id
    };
    for locale in [home, other] {
        match money::parse(&text, locale, currency) {
            Ok(m) => return Some(m),
            Err(MoneyError::Ambiguous { .. } | MoneyError::Parse { .. }) => {}
            Err(_) => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idr(major: i64) -> Option<EntityValue> {
        Some(EntityValue::Money(Money::new(major * 100, Currency::Idr)))
    }

    fn money(minor: i64, currency: Currency) -> Option<EntityValue> {
        Some(EntityValue::Money(Money::new(minor, currency)))
    }

    fn only(text: &str) -> Entity {
        let mut all = extract_entities(text);
        assert_eq!(all.len(), 1, "{text:?}: {all:?}");
        all.remove(0)
    }

    #[test]
    fn amount_table() {
        use Currency::*;
        let cases: Vec<(&str, &str, Option<EntityValue>)> = vec![
            ("bayar Rp 50.000 tadi", "Rp 50.000", idr(50_000)),
            ("Rp50.000,00", "Rp50.000,00", idr(50_000)),
            ("IDR 1,250,000", "IDR 1,250,000", idr(1_250_000)),
            ("kepotong 50rb", "50rb", idr(50_000)),
            ("50 ribu", "50 ribu", idr(50_000)),
            ("1,5jt", "1,5jt", idr(1_500_000)),
            ("1.5 juta", "1.5 juta", idr(1_500_000)),
            ("Rp 2jt", "Rp 2jt", idr(2_000_000)),
            ("50k aja", "50k", idr(50_000)),
            ("付了200元", "200元", money(20_000, Cny)),
            ("200 块钱", "200 块钱", money(20_000, Cny)),
            ("1.5万元", "1.5万元", money(1_500_000, Cny)),
            ("1万", "1万", money(1_000_000, Cny)),
            ("三百元", "三百元", money(30_000, Cny)),
            ("一万五千块", "一万五千块", money(1_500_000, Cny)),
            ("$12", "$12", money(1_200, Usd)),
            ("$12.50", "$12.50", money(1_250, Usd)),
            ("$1,500", "$1,500", money(150_000, Usd)),
            ("¥30", "¥30", money(3_000, Cny)),
            ("￥30", "￥30", money(3_000, Cny)),
            ("ＲＰ５０．０００", "ＲＰ５０．０００", idr(50_000)),
            ("S$ 20", "S$ 20", money(2_000, Sgd)),
            ("RM 15.90", "RM 15.90", money(1_590, Myr)),
            ("12 dollars", "12 dollars", money(1_200, Usd)),
            ("1000円", "1000円", money(1_000, Jpy)),
            ("$12.345", "$12.345", money(1_234_500, Usd)),
            ("$12.3456", "$12.3456", None),
        ];
        for (text, span, value) in cases {
            let e = only(text);
            assert_eq!(e.kind, EntityKind::Amount, "{text:?}");
            assert_eq!(e.text, span, "{text:?}");
            assert_eq!(e.value, value, "{text:?}");
        }
    }

    #[test]
    fn not_amounts() {
        for text in [
            "version 4.2.1",
            "50",
            "rpm 3000",
            "rupiah",
            "kode 1234",
            "1.5",
        ] {
            assert!(
                !extract_entities(text)
                    .iter()
                    .any(|e| e.kind == EntityKind::Amount),
                "{text:?}"
            );
        }
    }

    #[test]
    fn reference_table() {
        for (text, span) in [
            ("order INV/20261121/XYZ/123 belum", "INV/20261121/XYZ/123"),
            ("TRX123456789 failed", "TRX123456789"),
            ("订单号123456789的退款", "123456789"),
            ("no. pesanan 8812345", "8812345"),
            ("id 9876543210123", "9876543210123"),
            ("ORD-2026-998877", "ORD-2026-998877"),
        ] {
            let e = only(text);
            assert_eq!(
                (e.kind, e.text.as_str()),
                (EntityKind::Reference, span),
                "{text:?}"
            );
        }
        assert!(extract_entities("saldo 50000 hilang").is_empty());
    }

    #[test]
    fn date_table() {
        let date = |y: Option<i32>, m, d| {
            Some(EntityValue::Date {
                year: y,
                month: m,
                day: d,
            })
        };
        for (text, span, value) in [
            ("on 21/11/2026 at", "21/11/2026", date(Some(2026), 11, 21)),
            ("2026-11-21", "2026-11-21", date(Some(2026), 11, 21)),
            ("21.11.2026", "21.11.2026", date(Some(2026), 11, 21)),
            ("11/21/2026", "11/21/2026", date(Some(2026), 11, 21)),
            ("tgl 21/11", "21/11", date(None, 11, 21)),
            ("11月21日付款", "11月21日", date(None, 11, 21)),
            ("2026年11月21日", "2026年11月21日", date(Some(2026), 11, 21)),
            ("21 Nov 2026", "21 Nov 2026", date(Some(2026), 11, 21)),
            ("tanggal 17 Agustus", "17 Agustus", date(None, 8, 17)),
            ("Nov 21, 2026", "Nov 21, 2026", date(Some(2026), 11, 21)),
            ("March 3rd", "March 3rd", date(None, 3, 3)),
        ] {
            let e = only(text);
            assert_eq!(
                (e.kind, e.text.as_str()),
                (EntityKind::Date, span),
                "{text:?}"
            );
            assert_eq!(e.value, value, "{text:?}");
        }
        for text in ["31/02/2026", "32/01/2026", "1-2", "may I ask"] {
            assert!(
                !extract_entities(text)
                    .iter()
                    .any(|e| e.kind == EntityKind::Date),
                "{text:?}"
            );
        }
    }

    #[test]
    fn relative_and_time_table() {
        let rel = |d| Some(EntityValue::RelativeDay { days: d });
        for (text, span, value) in [
            ("kemarin", "kemarin", rel(-1)),
            ("昨天付的", "昨天", rel(-1)),
            ("yesterday", "yesterday", rel(-1)),
            (
                "the day before yesterday",
                "the day before yesterday",
                rel(-2),
            ),
            ("kemarin lusa", "kemarin lusa", rel(-2)),
            ("3 days ago", "3 days ago", rel(-3)),
            ("2 hari yang lalu", "2 hari yang lalu", rel(-2)),
            ("3天前", "3天前", rel(-3)),
            ("hari ini", "hari ini", rel(0)),
            ("last week", "last week", rel(-7)),
        ] {
            let e = only(text);
            assert_eq!(
                (e.kind, e.text.as_str()),
                (EntityKind::RelativeDate, span),
                "{text:?}"
            );
            assert_eq!(e.value, value, "{text:?}");
        }
        let time = |h, m| Some(EntityValue::Time { hour: h, minute: m });
        for (text, span, value) in [
            ("at 14:30", "14:30", time(14, 30)),
            ("jam 10", "jam 10", time(10, 0)),
            ("pukul 14.30", "pukul 14.30", time(14, 30)),
            ("下午3点", "下午3点", time(15, 0)),
            ("10点30分", "10点30分", time(10, 30)),
            ("9pm", "9pm", time(21, 0)),
            ("12 am", "12 am", time(0, 0)),
        ] {
            let e = only(text);
            assert_eq!(
                (e.kind, e.text.as_str()),
                (EntityKind::Time, span),
                "{text:?}"
            );
            assert_eq!(e.value, value, "{text:?}");
        }
    }

    #[test]
    fn phone_email_card_error_table() {
        for (text, kind, span) in [
            ("+62 812-3456-7890", EntityKind::Phone, "+62 812-3456-7890"),
            ("nomor 081234567890", EntityKind::Phone, "081234567890"),
            ("手机13812345678", EntityKind::Phone, "13812345678"),
            (
                "mail me: budi.s@example.co.id",
                EntityKind::Email,
                "budi.s@example.co.id",
            ),
            ("card ending 1234", EntityKind::CardDigits, "ending 1234"),
            ("尾号1234的卡", EntityKind::CardDigits, "尾号1234"),
            ("kartu **** 5678", EntityKind::CardDigits, "**** 5678"),
            ("error code: E-102", EntityKind::ErrorCode, "E-102"),
            ("muncul kode error 502", EntityKind::ErrorCode, "502"),
            ("错误码4001", EntityKind::ErrorCode, "4001"),
        ] {
            let e = only(text);
            assert_eq!((e.kind, e.text.as_str()), (kind, span), "{text:?}");
        }
    }

    #[test]
    fn spans_are_byte_offsets_into_the_input() {
        let text = "退款 ¥30，订单 TRX998877665，昨天";
        for e in extract_entities(text) {
            assert_eq!(&text[e.start..e.end], e.text);
        }
    }

    #[test]
    fn chinese_numbers() {
        for (text, want) in [
            ("三百", 300),
            ("一万五千", 15_000),
            ("一万五", 15_000),
            ("十五", 15),
            ("两千零五", 2_005),
            ("三百五", 350),
            ("十", 10),
            ("一亿", 100_000_000),
        ] {
            assert_eq!(parse_chinese_number(text), Some(want), "{text}");
        }
    }

    #[test]
    fn hostile_input_is_bounded_and_safe() {
        let huge = "Rp 50.000 ".repeat(100_000);
        let found = extract_entities(&huge);
        assert!(found.len() <= super::super::MAX_INPUT_BYTES);
        for text in [
            "",
            "😡😡",
            "\u{0}\u{1}",
            "Rp",
            "$",
            "99999999999999999999999999999元",
            "1,",
            "+",
            "@",
            "a@b",
            "**** ",
            "尾号",
        ] {
            let _ = extract_entities(text);
        }
        let big = only("Rp 99.999.999.999.999.999.999");
        assert_eq!(big.value, None, "too large for i64 minor units");
    }

    #[test]
    fn lead_precheck_never_rejects_a_match() {
        let texts = [
            "yesterday I paid Rp 50.000, kemarin lusa ribu",
            "xyesterday ayesterday 3 days ago, a day ago",
            "昨天付了200元，上个星期 下午3点 错误代码 E-1234",
            "ＲＰ５０ＲＢ ￥30 €5 ฿100 ₱20 éyesterday ÉRR 12",
            "ending in 1234, berakhiran 5678 尾号 9999",
            "",
        ];
        let words = [
            "yesterday",
            "kemarin lusa",
            "a",
            "rp",
            "rp.",
            "¥",
            "€",
            "฿",
            "₱",
            "$",
            "昨天",
            "上个星期",
            "下午",
            "错误代码",
            "尾号",
            "ending in",
            "error",
            "err",
            "day",
            "days",
            "ago",
            "ribu",
            "rb",
            "元",
            "",
        ];
        let mut matches = 0;
        for text in texts {
            let scan = Scan::new(text, Currency::Idr);
            for i in 0..=scan.len() + 1 {
                assert_eq!(
                    scan.lead(i).starts_word,
                    scan.starts_word(i),
                    "{text:?} at {i}"
                );
                for w in words {
                    let word = scan.word(i, w);
                    let lit = scan.lit(i, w);
                    matches += usize::from(word.is_some()) + usize::from(lit.is_some());
                    if !Scan::could_start(scan.lead(i), w) {
                        assert_eq!(word, None, "{text:?} at {i}: {w:?}");
                    }
                    if !Scan::could_start(scan.lit_lead(i), w) {
                        assert_eq!(lit, None, "{text:?} at {i}: {w:?}");
                    }
                }
            }
        }
        assert!(matches > 40, "the texts exercise real matches: {matches}");
    }

    /// Texts rich in every kind of entity, near misses and odd contexts:
    /// each list word at a word start, inside a word, after digits, in
    /// upper case and in full width, followed by numbers of several shapes.
    fn gate_texts() -> Vec<String> {
        let mut words: Vec<&str> = Vec::new();
        words.extend(MONTHS.iter().map(|&(w, _)| w));
        words.extend(RELATIVE_FIXED.iter().map(|&(w, _)| w));
        words.extend(RELATIVE_MORE.iter().map(|&(w, _)| w));
        words.extend(COUNT_WORDS);
        words.extend(CURRENCY_PREFIXES.iter().map(|&(w, _)| w));
        words.extend(MAGNITUDES.iter().map(|&(w, _, _)| w));
        words.extend(CURRENCY_SUFFIXES.iter().map(|&(w, _)| w));
        words.extend(CARD_CUES);
        words.extend(ERROR_CUES);
        words.extend(REFERENCE_CUES);
        words.extend(HOUR_WORDS);
        words.extend(DAYPARTS);
        words.extend([
            "days", "hari", "weeks", "minggu", "ago", "lalu", "天前", "am", "p.m.",
        ]);
        words.extend([
            "@", "+", "*", "x", "•", "月", "年", "日", "号", "点", "半", "分",
        ]);
        let mut numerals: Vec<String> = CHINESE_NUMERALS.iter().map(|c| c.to_string()).collect();
        numerals.push("一万五千".into());
        let tails = [
            " 12",
            "12",
            " 3",
            "3 ",
            " 1234",
            "1234",
            " 50.000",
            " 1,5",
            ":30",
            ".30 pm",
            " 21",
            "21日",
            " 2026",
            " E-102",
            "-1234",
            " 081234567890",
            "@mail.com",
            " 3 days ago",
            "5点半",
            "元",
            " rb",
            "/11/2026",
            " nov 2026",
            "",
        ];
        let mut texts = Vec::new();
        for w in words
            .iter()
            .copied()
            .chain(numerals.iter().map(String::as_str))
        {
            let upper = w.to_uppercase();
            let wide: String = w
                .chars()
                .map(|c| match u32::from(c) {
                    0x21..=0x7E => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
                    _ => c,
                })
                .collect();
            for form in [w, upper.as_str(), wide.as_str()] {
                for tail in tails {
                    for head in ["", "a ", "x", "9", "é", "中", "-", "#", "no "] {
                        texts.push(format!("{head}{form}{tail}"));
                    }
                }
            }
        }
        texts.extend(
            [
                "budi.s@example.co.id +62 812-3456-7890 ＠ｘ.ｃｏ",
                "INV/20261121/XYZ/123 TRX998877665 4532-0176-8903-1253",
                "21/11/2026 2026-11-21 11/21/26 21.11.2026 ２０２６年１１月２１日",
                "Nov 21st, 2026 21st November 3rd of may",
                "9pm 9:05 a.m. 14:30 下午3点 10点30分 ｊａｍ １０",
                "￥30 ＄12 ¥１,５ 1.5万元 三百块钱 一万五千块",
                "**** 1234 xxxx-5678 •5678 *1234 尾号1234 末四位：5678",
                "错误代码4001 kode error 502 err_12 code: AB-12345",
            ]
            .map(String::from),
        );
        if let Ok(corpus) = super::super::builtin_corpus() {
            texts.extend(corpus.into_iter().map(|e| e.text));
        }
        texts
    }

    #[test]
    fn gates_never_reject_a_match() {
        let mut matches = 0usize;
        for text in gate_texts() {
            let scan = Scan::new(&text, Currency::Idr);
            for (k, (pass, gate, possible)) in scan.passes().into_iter().enumerate() {
                for i in 0..scan.len() {
                    let starts = PASS_STARTS.get(k).copied().unwrap_or(Starts::NONE);
                    let allowed = scan
                        .c(i)
                        .is_some_and(|c| starts.allows(c, scan.starts_word(i)));
                    assert_eq!(
                        scan.may_start(gate, i),
                        allowed,
                        "{text:?} at {i}, pass {k}"
                    );
                    if pass(&scan, i).is_some() {
                        matches += 1;
                        assert!(
                            possible && scan.may_start(gate, i),
                            "{text:?} at {i}: a pass matched where its gate says it cannot"
                        );
                    }
                }
            }
        }
        assert!(
            matches > 10_000,
            "the texts exercise real matches: {matches}"
        );
    }

    #[test]
    fn chinese_numerals_are_the_ones_read() {
        for c in ('\u{3000}'..='\u{9FFF}').chain('\u{F900}'..='\u{FAFF}') {
            let read = chinese_digit(c).is_some() || chinese_unit(c).is_some();
            assert_eq!(read, CHINESE_NUMERALS.contains(&c), "{c}");
        }
    }

    #[test]
    fn starts_gate_by_character_and_word_start() {
        let s = Starts::NONE
            .with_words(&["ab", "昨天", "$x"])
            .with_digits(false);
        assert!(s.allows('a', true));
        assert!(!s.allows('a', false));
        assert!(s.allows('昨', false));
        assert!(s.allows('$', false));
        assert!(s.allows('7', false));
        assert!(!s.allows('b', true));
        assert!(!s.allows('天', true));
        let many: Vec<char> = ('\u{4E00}'..'\u{4E40}').collect();
        assert!(Starts::NONE.with_chars(&many).allows('\u{9FA0}', false));
        assert_eq!(first_char("€5"), Some('€'));
        assert_eq!(first_char("𝄞"), Some('𝄞'));
        assert_eq!(first_char(""), None);
    }
}
