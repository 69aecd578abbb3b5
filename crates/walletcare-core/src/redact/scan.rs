//! The scanner behind [`super::redact`]: one pass over the characters of a
//! message, folded (full-width to ASCII, ASCII to lowercase), trying at each
//! word or number start the patterns that can begin there.

use super::cue::{self, Cue};
use super::identity::{chinese_resident_id_valid, nik_plausible};
use super::{Finding, RedactPolicy, SecretKind};
use crate::account::{EmailAddress, PhoneNumber};
use crate::card::{CardBrand, MaskedCardNumber, luhn_valid};

/// The most digits a number is read with; longer runs are no secret of
/// ours and are skipped whole.
const MAX_DIGITS: usize = 64;

/// Unknown words allowed between a cue and a numeric value.
/// The most secret names read in a row after a cue before giving up.
const MAX_CHAINED_CUES: usize = 4;

const MAX_FILLER_WORDS: usize = 3;

/// Unknown Chinese characters allowed between a cue and a numeric value.
const MAX_FILLER_CJK: usize = 6;

/// One character: its byte offset in the original text and its folded form.
#[derive(Clone, Copy)]
pub(super) struct Ch {
    pub(super) byte: usize,
    pub(super) c: char,
}

/// Full-width forms to ASCII; ideographic and no-break spaces, tabs and
/// line breaks to a space (a card number typed over two lines is one
/// number); ASCII to lowercase.
pub(super) fn fold(c: char) -> char {
    let c = match u32::from(c) {
        0xFF01..=0xFF5E => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        0x3000 | 0xA0 | 0x2007 | 0x202F | 0x09 | 0x0A | 0x0D => ' ',
        0x2010..=0x2015 | 0x2212 => '-',
        _ => c,
    };
    c.to_ascii_lowercase()
}

pub(super) fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x9FFF | 0xF900..=0xFAFF)
}

fn cjk_digit(c: char) -> Option<u8> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Characters that show nothing and are left out of the folded text, so
/// "1\u{fe0f}\u{20e3}2\u{fe0f}\u{20e3}..." (keycap digits) or a word with a
/// zero-width space inside reads as typed: variation selectors, the keycap
/// mark, zero-width spaces and joiners, the word joiner, the byte-order mark
/// and the soft hyphen.
fn invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0xFE0E | 0xFE0F | 0x20E3 | 0x200B..=0x200D | 0x2060 | 0xFEFF | 0xAD
    )
}

/// A message, folded, without its [`invisible`] characters.
pub(super) struct Text<'a> {
    pub(super) src: &'a str,
    pub(super) chars: Vec<Ch>,
    /// For each character left out, the position in `chars` of the next
    /// one kept (ascending): to give spans in characters of the original.
    skipped: Vec<usize>,
}

/// The most digit groups a number is read with.
const MAX_GROUPS: usize = 12;

/// A number read from the text: its digits (at most [`MAX_DIGITS`]), how
/// many there were, and where it ends; for each group (digits separated by
/// spaces, dashes or dots) where it starts and ends and the digit count at
/// its end.
struct Number {
    digits: [u8; MAX_DIGITS],
    count: usize,
    end: usize,
    /// (start, end, digits so far) of each group.
    groups: [(usize, usize, usize); MAX_GROUPS],
    group_count: usize,
    /// Whether a dash or dot separates two groups.
    punctuated: bool,
}

impl Number {
    fn digits(&self) -> &[u8] {
        self.digits
            .get(..self.count.min(MAX_DIGITS))
            .unwrap_or_default()
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(self.digits()).unwrap_or_default()
    }

    fn groups(&self) -> &[(usize, usize, usize)] {
        self.groups
            .get(..self.group_count.min(MAX_GROUPS))
            .unwrap_or_default()
    }

    /// The digits of groups `a..=b`, and the span they cover.
    fn sub(&self, a: usize, b: usize) -> Option<(&str, usize, usize)> {
        let groups = self.groups();
        let first = groups.get(a)?;
        let last = groups.get(b)?;
        let from = if a == 0 { 0 } else { groups.get(a - 1)?.2 };
        let digits = self.digits.get(from..last.2.min(MAX_DIGITS))?;
        if last.2 > MAX_DIGITS {
            return None;
        }
        Some((std::str::from_utf8(digits).ok()?, first.0, last.1))
    }

    /// Whether groups `0..=b` have one length and no dots between them.
    fn uniform(&self, b: usize) -> bool {
        let groups = self.groups();
        let len = |g: &(usize, usize, usize)| g.1 - g.0;
        let Some(first) = groups.first() else {
            return false;
        };
        groups
            .get(..=b)
            .is_some_and(|gs| gs.iter().all(|g| len(g) == len(first)))
    }

    /// Whether the groups look like a value someone typed as one: one
    /// group, or groups of the same length separated by spaces ("482 913",
    /// "1 2 3 4 5 6").
    fn one_value(&self) -> bool {
        let groups = self.groups();
        let len = |g: &(usize, usize, usize)| g.1 - g.0;
        !self.punctuated
            && groups
                .first()
                .is_none_or(|f| groups.iter().all(|g| len(g) == len(f)))
    }
}

/// Something found, in character positions.
struct Hit {
    kind: SecretKind,
    start: usize,
    end: usize,
    masked: String,
}

impl<'a> Text<'a> {
    pub(super) fn new(src: &'a str) -> Text<'a> {
        let mut chars = Vec::with_capacity(src.len());
        let mut skipped = Vec::new();
        for (byte, c) in src.char_indices() {
            if invisible(c) {
                skipped.push(chars.len());
            } else {
                chars.push(Ch { byte, c: fold(c) });
            }
        }
        Text {
            src,
            chars,
            skipped,
        }
    }

    /// The character offset in the original text of position `i` (the
    /// invisible characters left out before it counted).
    fn char_index(&self, i: usize) -> usize {
        i + self.skipped.partition_point(|&p| p <= i)
    }

    pub(super) fn c(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|ch| ch.c)
    }

    /// The character as written (not folded).
    fn orig(&self, i: usize) -> Option<char> {
        self.src.get(self.chars.get(i)?.byte..)?.chars().next()
    }

    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.src.len(), |ch| ch.byte)
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    fn is(&self, i: usize, f: impl Fn(char) -> bool) -> bool {
        self.c(i).is_some_and(f)
    }

    fn digit(&self, i: usize) -> bool {
        self.is(i, |c| c.is_ascii_digit())
    }

    fn letter(&self, i: usize) -> bool {
        self.is(i, |c| c.is_ascii_alphabetic())
    }

    fn alnum(&self, i: usize) -> bool {
        self.is(i, |c| c.is_ascii_alphanumeric())
    }

    fn space(&self, i: usize) -> bool {
        self.is(i, char::is_whitespace)
    }

    /// The end of the run of ASCII letters from `i`.
    fn letters_end(&self, mut i: usize) -> usize {
        while self.letter(i) {
            i += 1;
        }
        i
    }

    /// The end of the run of ASCII letters, digits and joiners (`-/_.@`)
    /// from `i`: a reference, a URL or an address.
    fn token_end(&self, mut i: usize) -> usize {
        loop {
            if self.alnum(i) {
                i += 1;
            } else if self.is(i, |c| matches!(c, '-' | '/' | '_' | '.' | '@')) && self.alnum(i + 1)
            {
                i += 2;
            } else {
                return i;
            }
        }
    }

    /// Matches `word` (lowercase ASCII or Chinese) at `i`; a space in it
    /// matches any run of spaces, dashes and underscores, or none.
    fn lit(&self, i: usize, word: &str) -> Option<usize> {
        let mut j = i;
        for w in word.chars() {
            if w == ' ' {
                while self.is(j, |c| matches!(c, ' ' | '-' | '_' | '.')) {
                    j += 1;
                }
            } else if self.c(j)? == w {
                j += 1;
            } else {
                return None;
            }
        }
        Some(j)
    }

    /// The end of `word` at `i` as a whole Latin word: not in the middle of
    /// a word, and followed by a non-letter or one of the cue suffixes.
    fn latin_word(&self, i: usize, word: &str, suffixes: &[&str]) -> Option<usize> {
        let end = self.lit(i, word)?;
        if !self.letter(end) {
            return Some(end);
        }
        let word_end = self.letters_end(end);
        suffixes
            .iter()
            .find_map(|s| self.lit(end, s).filter(|&e| e == word_end))
    }

    /// The longest cue at `i`.
    fn cue_at(&self, i: usize) -> Option<(Cue, usize)> {
        let first = self.c(i)?;
        let latin = first.is_ascii_alphabetic();
        if latin {
            if i > 0 && self.letter(i - 1) {
                return None;
            }
        } else if !is_cjk(first) {
            return None;
        }
        let mut best: Option<(Cue, usize)> = None;
        for &(word, kind) in cue::starting_with(first) {
            let end = if latin {
                self.latin_word(i, word, cue::CUE_SUFFIXES)
            } else {
                self.lit(i, word)
            };
            if let Some(end) = end
                && best.is_none_or(|(_, e)| end > e)
            {
                best = Some((kind, end));
            }
        }
        best
    }

    /// The Latin word at `i` (lowercase) if it is in `list`, with its end.
    fn word_in(&self, i: usize, list: &[&str]) -> Option<usize> {
        if !self.letter(i) && !self.is(i, |c| c == '=') {
            return None;
        }
        let end = if self.letter(i) {
            self.letters_end(i)
        } else {
            i + 1
        };
        // Apostrophes inside words ("doesn't").
        let end = if self.is(end, |c| c == '\'' || c == '\u{2019}') && self.letter(end + 1) {
            self.letters_end(end + 1)
        } else {
            end
        };
        let matches = |w: &&str| {
            let mut k = i;
            for wc in w.chars() {
                let c = match self.c(k) {
                    Some('\u{2019}') => '\'',
                    Some(c) => c,
                    None => return false,
                };
                if c != wc {
                    return false;
                }
                k += 1;
            }
            k == end
        };
        list.iter().any(matches).then_some(end)
    }

    /// Reads a number from `i`: digit groups separated by one or two
    /// spaces, one dash or one dot (so "1 2 3 4 5 6" and "4111-1111-..."
    /// are one number). With `cjk`, Chinese numerals count as digits.
    fn number(&self, i: usize, cjk: bool) -> Option<Number> {
        let digit_at = |k: usize| -> Option<u8> {
            let c = self.c(k)?;
            if c.is_ascii_digit() {
                Some(c as u8)
            } else if cjk {
                cjk_digit(c).map(|d| b'0' + d)
            } else {
                None
            }
        };
        digit_at(i)?;
        let mut n = Number {
            digits: [0; MAX_DIGITS],
            count: 0,
            end: i,
            groups: [(0, 0, 0); MAX_GROUPS],
            group_count: 0,
            punctuated: false,
        };
        let mut j = i;
        loop {
            let start = j;
            while let Some(d) = digit_at(j) {
                if let Some(slot) = n.digits.get_mut(n.count) {
                    *slot = d;
                }
                n.count += 1;
                j += 1;
            }
            n.end = j;
            if let Some(g) = n.groups.get_mut(n.group_count) {
                *g = (start, j, n.count);
            }
            n.group_count += 1;
            if n.group_count >= MAX_GROUPS {
                break;
            }
            // A separator, then more digits.
            let sep = match self.c(j) {
                // "4111 - 1111 - ...": a dash between spaces.
                Some(' ') if self.c(j + 1) == Some('-') && self.c(j + 2) == Some(' ') => 3,
                Some(' ') if self.c(j + 1) == Some(' ') => 2,
                Some(' ' | '-' | '.') => 1,
                _ => 0,
            };
            if sep == 0 || digit_at(j + sep).is_none() {
                break;
            }
            // After a space, the hour of a time is not a further group
            // ("+62 897 1066 2850 2:05 WIB", "0812 3456 7890 19:12",
            // "0843-8284-3130 5点32分").
            if self.c(j) == Some(' ') {
                let mut k = j + sep;
                while self.digit(k) {
                    k += 1;
                }
                let hour = match self.c(k) {
                    Some(':') => self.digit(k + 1),
                    Some('点' | '點' | '时' | '時') => true,
                    _ => false,
                };
                if k - (j + sep) <= 2 && hour {
                    break;
                }
            }
            if self.c(j) == Some('.') {
                n.punctuated = true;
            }
            j += sep;
        }
        Some(n)
    }

    /// Whether a number ending at `end` is followed by a unit that makes it
    /// an amount, a duration, a count, a time or a date.
    fn unit_after(&self, end: usize) -> bool {
        let next = self.c(end);
        if matches!(next, Some(':' | '/')) && self.digit(end + 1) {
            return true;
        }
        // "50,000": an ASCII comma and three digits (a Chinese comma "，"
        // only separates clauses).
        if self.orig(end) == Some(',')
            && (1..=3).all(|d| self.digit(end + d))
            && !self.digit(end + 4)
        {
            return true;
        }
        if self.is(end, |c| cue::UNIT_CHARS.contains(&c)) {
            return true;
        }
        let k = if next == Some(' ') { end + 1 } else { end };
        if k > end && self.is(k, |c| matches!(c, '元' | '块' | '万' | '%')) {
            return true;
        }
        // "10 jam" is a duration; "jam 09:37" starts a time.
        self.word_in(k, cue::UNIT_WORDS).is_some_and(|e| {
            let after = if self.c(e) == Some(' ') { e + 1 } else { e };
            !self.digit(after)
        })
    }

    /// Whether a currency sign or word comes right before `i`.
    fn currency_before(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && self.space(k - 1) {
            k -= 1;
        }
        if k > 0 && self.is(k - 1, |c| matches!(c, '$' | '¥' | '￥' | '€' | '£')) {
            return true;
        }
        let mut s = k;
        while s > 0 && self.letter(s - 1) {
            s -= 1;
        }
        s < k && self.word_in(s, &["rp", "idr", "usd", "rmb", "cny", "sgd", "myr"]) == Some(k)
    }

    /// The end of the longest Chinese word of `list` at `i`.
    fn cjk_word_in(&self, i: usize, list: &[&str]) -> Option<usize> {
        if !self.is(i, is_cjk) {
            return None;
        }
        list.iter().filter_map(|w| self.lit(i, w)).max()
    }

    /// Whether the word after a number ending at `end` is "min", the
    /// short for "admin" people end a sentence with ("pinku 246810 min"),
    /// rather than minutes.
    fn admin_after(&self, end: usize) -> bool {
        let k = if self.c(end) == Some(' ') {
            end + 1
        } else {
            end
        };
        self.lit(k, "min")
            .is_some_and(|e| !(self.alnum(e) || (self.c(e) == Some(' ') && self.digit(e + 1))))
    }

    /// The previous Latin word before `i` is one of `list`.
    fn word_before_in(&self, i: usize, list: &[&str]) -> bool {
        let mut k = i;
        while k > 0 && self.is(k - 1, |c| c == ' ' || c == '-' || c == '_') {
            k -= 1;
        }
        let mut s = k;
        while s > 0 && self.letter(s - 1) {
            s -= 1;
        }
        s < k && self.word_in(s, list) == Some(k)
    }
}

/// Whether four digits are a year of the 20th or 21st century.
fn is_year(d: &[u8]) -> bool {
    matches!(d, [b'1', b'9', _, _] | [b'2', b'0', _, _])
}

/// Masks all but the last four characters.
fn keep_last_four(s: &str) -> String {
    let n = s.chars().count();
    let mut out = "*".repeat(n.saturating_sub(4));
    out.extend(s.chars().skip(n.saturating_sub(4)));
    out
}

/// Whether the leading digits are those of a payment card network (card
/// brands walletcare accepts, plus Maestro, RuPay and Diners).
fn card_like(d: &[u8]) -> bool {
    let s = std::str::from_utf8(d).unwrap_or_default();
    (15..=19).contains(&d.len())
        && (CardBrand::detect(s).is_some()
            || matches!(
                d,
                [b'3', b'0' | b'6' | b'8', ..]
                    | [b'5', b'0' | b'6'..=b'9', ..]
                    | [b'6', ..]
                    | [b'8', b'2', ..]
            ))
        && luhn_valid(s)
}

fn card_hit(start: usize, end: usize, digits: &str) -> Option<Hit> {
    MaskedCardNumber::from_digits(digits).map(|m| Hit {
        kind: SecretKind::CardNumber,
        start,
        end,
        masked: m.as_str().to_owned(),
    })
}

fn stars(kind: SecretKind, start: usize, end: usize, count: usize) -> Hit {
    Hit {
        kind,
        start,
        end,
        masked: "*".repeat(count),
    }
}

/// The masked form of the phone number the digits `d` (after a `+` if
/// `plus`) are, if they look like one. A number the numbering plan knows is
/// masked as [`PhoneNumber::masked`] shows it; one shaped like a phone
/// number but outside the plan (an unallocated prefix, a number typed with a
/// digit too many) is still someone's contact detail and is masked to its
/// last four digits: the policy asked for phone numbers to be hidden.
fn phone(d: &str, plus: bool) -> Option<String> {
    let n = d.len();
    let text = if plus {
        if !(8..=15).contains(&n) {
            return None;
        }
        format!("+{d}")
    } else if (d.starts_with("08") && (10..=13).contains(&n))
        || (d.starts_with("628") && (11..=14).contains(&n))
    {
        d.to_owned()
    } else if n == 11 && d.starts_with('1') && d.as_bytes().get(1).is_some_and(|b| *b >= b'3') {
        format!("+86{d}")
    } else {
        return None;
    };
    Some(match PhoneNumber::parse(&text) {
        Ok(p) => p.masked(),
        Err(_) => keep_last_four(&text),
    })
}

struct Scanner<'t, 'a> {
    t: &'t Text<'a>,
    policy: RedactPolicy,
}

impl Scanner<'_, '_> {
    fn on(&self, kind: SecretKind) -> bool {
        self.policy.contains(kind)
    }

    /// Whether the number at `i` stands alone: not glued to letters or to
    /// a reference by `-`, `/` or `_` ("WC-20261121-000123-7", "TRX123").
    fn standalone(&self, i: usize) -> bool {
        let t = self.t;
        if i == 0 {
            return true;
        }
        // Glued to a word, or to a mask ("411111******1111").
        if t.alnum(i - 1) || t.is(i - 1, |c| c == '*' || c == '•') {
            return false;
        }
        let glued = i >= 2
            && ((t.is(i - 1, |c| matches!(c, '-' | '/' | '_'))
                && (t.alnum(i - 2) || t.is(i - 2, |c| c == '*')))
                || ((t.is(i - 1, |c| matches!(c, ':' | '.')) || t.orig(i - 1) == Some(','))
                    && t.digit(i - 2)));
        !glued
    }

    /// Whether the number ending at `end` is not glued to what follows.
    fn ends_clean(&self, end: usize) -> bool {
        let t = self.t;
        let joined = t.is(end, |c| matches!(c, '-' | '/' | '_')) && t.alnum(end + 1);
        !t.alnum(end) && !joined
    }

    /// A number with no cue before it, at `i`: a card, an identity number,
    /// a phone number, or a code followed by its name ("482913 is my OTP").
    /// Returns where scanning resumes.
    fn bare_number(&self, i: usize, out: &mut Vec<Hit>) -> usize {
        let t = self.t;
        let Some(n) = t.number(i, false) else {
            return i + 1;
        };
        if !self.standalone(i) {
            if let Some(end) = self.prefixed_code(i, &n, out) {
                return end;
            }
            let first = n.groups().first().map_or(i + 1, |g| g.1);
            return t.token_end(i).max(first).max(i + 1);
        }
        let plus = i > 0 && t.is(i - 1, |c| c == '+');
        let x_after = t.is(n.end, |c| c == 'x') && !t.alnum(n.end + 1);
        if !x_after && !self.ends_clean(n.end) {
            return t.token_end(n.end).max(i + 1);
        }
        {
            // The whole number, else its runs of groups, earliest first
            // ("Rp 50000 4111 1111 1111 1111", "2025 110105194912310021");
            // after a "+", not the country code's group.
            // Candidates ending last are tried first: a card typed after
            // a phone number or an amount ends the run.
            // After a hit, the groups before it are searched too.
            let g = n.groups().len();
            let mut found: Option<usize> = None;
            // The groups of each hit, last first.
            let mut hits: Vec<(usize, usize)> = Vec::new();
            let mut b = g;
            while b > usize::from(plus) {
                b -= 1;
                for a in usize::from(plus)..=b {
                    if let Some(end) = self.identity_or_card(&n, a, b, x_after && b + 1 == g, out) {
                        found = Some(found.map_or(end, |f| f.max(end)));
                        hits.push((a, b));
                        b = a;
                        break;
                    }
                }
            }
            if let Some(end) = found {
                // Phone numbers typed before, between or after them
                // ("0812-3456-7890 <NIK>", "<card> 0812-3456-7890 <NIK>").
                if self.on(SecretKind::Phone) {
                    let mut from = 0;
                    for &(a, hb) in hits.iter().rev().chain(std::iter::once(&(g, g))) {
                        if a > from
                            && let Some((d, ps, pe)) = n.sub(from, a - 1)
                            && let Some(p) = phone(d, plus && from == 0)
                        {
                            out.push(Hit {
                                kind: SecretKind::Phone,
                                start: if plus && from == 0 { i - 1 } else { ps },
                                end: pe,
                                masked: p,
                            });
                        }
                        from = hb + 1;
                    }
                }
                return end.max(
                    n.end.min(
                        out.iter()
                            .filter(|h| h.kind == SecretKind::Phone)
                            .map(|h| h.end)
                            .max()
                            .unwrap_or(end),
                    ),
                );
            }
        }
        let s = n.as_str();
        if self.on(SecretKind::Phone)
            && let Some(p) = phone(s, plus)
        {
            out.push(Hit {
                kind: SecretKind::Phone,
                start: if plus { i - 1 } else { i },
                end: n.end,
                masked: p,
            });
            return n.end;
        }
        // A code named after it: the whole number ("482 913 is my OTP"),
        // or its last group ("+62 812 ... 482913 itu kode otp").
        let whole = n.one_value() && !plus;
        let (start, digits) = if whole {
            (i, n.digits())
        } else {
            let (gs, ge, _) = n.groups().last().copied().unwrap_or((i, n.end, 0));
            let before = n.count - (ge - gs);
            (gs, n.digits().get(before..).unwrap_or_default())
        };
        if (4..=8).contains(&digits.len())
            && !t.unit_after(n.end)
            && !t.currency_before(start)
            && !t.word_before_in(start, cue::BLOCKERS)
            && !t.word_before_in(start, cue::MONTHS)
            && (start == i || t.c(start - 1) == Some(' '))
            && let Some(kind) = self.cue_after(n.end, is_year(digits), !whole)
            && self.on(kind)
        {
            out.push(stars(kind, start, n.end, digits.len()));
        }
        n.end
    }

    /// A one-time code after a short sender tag and a dash, named after it
    /// ("G-482913 is your Google verification code", "FB-48291 is your
    /// confirmation code").
    fn prefixed_code(&self, i: usize, n: &Number, out: &mut Vec<Hit>) -> Option<usize> {
        let t = self.t;
        if i < 2 || t.c(i - 1) != Some('-') || n.group_count != 1 {
            return None;
        }
        let mut s = i - 1;
        while s > 0 && t.letter(s - 1) {
            s -= 1;
        }
        let tag = i - 1 - s;
        let count = n.digits().len();
        let ok = (1..=3).contains(&tag)
            && (s == 0 || !t.alnum(s - 1))
            && (4..=8).contains(&count)
            && self.ends_clean(n.end)
            && !t.unit_after(n.end)
            && self.on(SecretKind::OneTimeCode)
            && self.cue_after(n.end, false, false) == Some(SecretKind::OneTimeCode);
        if !ok {
            return None;
        }
        out.push(stars(SecretKind::OneTimeCode, i, n.end, count));
        Some(n.end)
    }

    /// A card number, NIK or resident ID made of groups `a..=b` of `n`
    /// (with the `X` after it when `x`); pushes it (and a CVV right after
    /// a card) and returns where scanning resumes.
    fn identity_or_card(
        &self,
        n: &Number,
        a: usize,
        b: usize,
        x: bool,
        out: &mut Vec<Hit>,
    ) -> Option<usize> {
        let (d, start, end) = n.sub(a, b)?;
        let len = d.len();
        if !(15..=19).contains(&len) {
            return None;
        }
        // Inside the run, a candidate is bounded by spaces, not by the
        // dots or dashes of a date, a time or a longer number.
        let t = self.t;
        if (b + 1 < n.group_count && t.c(end) != Some(' '))
            || (a > 0 && start > 0 && t.c(start - 1) != Some(' '))
        {
            return None;
        }
        let one_separator = self.one_separator(start, end);
        if !one_separator && !self.card_grouped(n, a, b) {
            return None;
        }
        if x && len == 17 && self.on(SecretKind::ResidentId) && one_separator {
            let id = format!("{d}X");
            if chinese_resident_id_valid(&id) {
                out.push(Hit {
                    kind: SecretKind::ResidentId,
                    start,
                    end: end + 1,
                    masked: keep_last_four(&id),
                });
                return Some(end + 1);
            }
        }
        if len == 18
            && one_separator
            && self.on(SecretKind::ResidentId)
            && chinese_resident_id_valid(d)
        {
            out.push(Hit {
                kind: SecretKind::ResidentId,
                start,
                end,
                masked: keep_last_four(d),
            });
            return Some(end);
        }
        let nik = len == 16 && one_separator && nik_plausible(d);
        let card = card_like(d.as_bytes()) && !(nik && CardBrand::detect(d).is_none());
        if card && self.on(SecretKind::CardNumber) {
            out.push(card_hit(start, end, d)?);
            // A CVV typed right after the number, as the next group.
            if let Some(&(cs, ce, _)) = n.groups().get(b + 1)
                && (3..=4).contains(&(ce - cs))
                && b + 2 == n.group_count
                && self.on(SecretKind::Cvv)
            {
                out.push(stars(SecretKind::Cvv, cs, ce, ce - cs));
                return Some(ce);
            }
            return Some(end);
        }
        if nik && self.on(SecretKind::Nik) {
            out.push(Hit {
                kind: SecretKind::Nik,
                start,
                end,
                masked: keep_last_four(d),
            });
            return Some(end);
        }
        None
    }

    /// Whether groups `a..=b` of `n` are grouped the way card numbers are
    /// printed (fours, the last one shorter; or Amex's 4-6-5), whatever
    /// the separators between them: "4111 1111-1111 1111".
    fn card_grouped(&self, n: &Number, a: usize, b: usize) -> bool {
        let Some(groups) = n.groups().get(a..=b) else {
            return false;
        };
        let len = |g: &(usize, usize, usize)| g.1 - g.0;
        let last = groups.len().saturating_sub(1);
        let fours = groups.len() >= 4
            && groups.iter().enumerate().all(|(i, g)| {
                if i == last {
                    (1..=4).contains(&len(g))
                } else {
                    len(g) == 4
                }
            });
        let amex = matches!(groups, [x, y, z] if len(x) == 4 && len(y) == 6 && len(z) == 5);
        fours || amex
    }

    /// Whether the digits in `start..end` are separated by one kind of
    /// separator at most: one number has one ("3404-603739-32636 14.12" is
    /// a card number and a time).
    fn one_separator(&self, start: usize, end: usize) -> bool {
        let mut sep = None;
        for k in start..end {
            match self.t.c(k) {
                Some(c) if c.is_ascii_digit() => {}
                Some(c) if sep.is_none_or(|s| s == c) => sep = Some(c),
                _ => return false,
            }
        }
        true
    }

    /// A secret's name after a number ("482913 is my OTP", "482913 itu
    /// kode otp", "482913是验证码"): a connector word or a specific name
    /// ("code" alone needs a connector), which is not followed by a value
    /// of its own.
    fn cue_after(&self, end: usize, year: bool, need_connector: bool) -> Option<SecretKind> {
        let t = self.t;
        let mut k = end;
        let mut connected = false;
        // Capitalised unknown words (a sender: "is your Google
        // verification code") allowed after a connector.
        let mut names = 0;
        for _ in 0..8 {
            while t.is(k, |c| {
                c.is_whitespace() || matches!(c, '(' | '[' | ',' | '-' | ':' | '>')
            }) {
                k += 1;
            }
            if let Some((cue, e)) = t.cue_at(k) {
                if (year || need_connector) && !connected {
                    return None;
                }
                let kind = match cue {
                    Cue::Code if connected => SecretKind::OneTimeCode,
                    Cue::Otp => SecretKind::OneTimeCode,
                    Cue::Pin => SecretKind::Pin,
                    Cue::Password => SecretKind::Password,
                    Cue::Cvv => SecretKind::Cvv,
                    _ => return None,
                };
                // "2026-07-22 pin: 369473": the name has its own value.
                let mut v = e;
                for _ in 0..4 {
                    while t.is(v, |c| {
                        c.is_whitespace() || matches!(c, ':' | '=' | '是' | '为' | '码' | '号')
                    }) {
                        v += 1;
                    }
                    match t
                        .word_in(v, cue::STRONG_CONNECTORS)
                        .or_else(|| t.word_in(v, cue::CONNECTORS))
                    {
                        Some(next) => v = next,
                        None => break,
                    }
                }
                let own = if kind == SecretKind::Password {
                    t.is(v, |c| c.is_ascii_graphic()) && t.word_in(v, cue::STOP_WORDS).is_none()
                } else {
                    let lengths = if kind == SecretKind::Cvv {
                        3..=4
                    } else {
                        4..=8
                    };
                    t.is(v, |c| c == '*')
                        || t.number(v, true)
                            .is_some_and(|m| lengths.contains(&m.count) && !t.unit_after(m.end))
                };
                if own {
                    return None;
                }
                return Some(kind);
            }
            if let Some(e) = t.word_in(
                k,
                &[
                    "is",
                    "was",
                    "adalah",
                    "itu",
                    "ini",
                    "yaitu",
                    "merupakan",
                    "my",
                    "the",
                    "your",
                    "saya",
                    "ya",
                    "nya",
                ],
            ) {
                connected = true;
                k = e;
            } else if t.is(k, |c| matches!(c, '是' | '为' | '我' | '的' | '你' | '这')) {
                connected = true;
                k += 1;
            } else if let Some(e) = t.cjk_word_in(k, cue::CJK_NAMES) {
                k = e;
            } else if connected
                && !year
                && names < 2
                && t.orig(k).is_some_and(|c| c.is_ascii_uppercase())
                && t.word_in(k, cue::BLOCKERS).is_none()
            {
                names += 1;
                k = t.letters_end(k);
            } else {
                return None;
            }
        }
        None
    }

    /// The value after a cue ending at `end`; the hit, or where to resume
    /// when a reference number was skipped.
    fn after_cue(
        &self,
        cue_start: usize,
        cue: Cue,
        end: usize,
        out: &mut Vec<Hit>,
    ) -> Option<usize> {
        let t = self.t;
        if cue == Cue::Code && t.word_before_in(cue_start, cue::CODE_DISQUALIFIERS) {
            return None;
        }
        let mut cue = cue;
        let mut k = end;
        let mut strong = false;
        let mut fillers = 0;
        let mut cjk_fillers = 0;
        let mut adjacent = true; // no word between the cue and here yet
        // Names chained after the cue ("kode OTP", "验证码验证码"): bounded,
        // so a run of cue words is read in linear time.
        let mut chained = 0;
        loop {
            // Separators.
            while let Some(c) = t.c(k) {
                if c.is_whitespace()
                    || matches!(
                        c,
                        '(' | '['
                            | '"'
                            | '\''
                            | '`'
                            | '/'
                            | '「'
                            | '『'
                            | '“'
                            | '”'
                            | '‘'
                            | '’'
                            | '-'
                            | '>'
                            | '#'
                            | '.'
                            | ','
                            | '，'
                            | '、'
                            | '~'
                    )
                {
                    k += 1;
                } else if matches!(c, ':' | '=' | '：') {
                    strong = true;
                    k += 1;
                } else {
                    break;
                }
            }
            let c = t.c(k)?;
            if c.is_ascii_digit() {
                return self.value(cue, k, strong, adjacent, out);
            }
            if cjk_digit(c).is_some() && cue != Cue::Password {
                if let Some(e) = self.value(cue, k, strong, adjacent, out) {
                    return Some(e);
                }
                // "卡背面三位": a numeral in words, not the value.
            }
            if c.is_ascii_alphabetic() {
                if let Some((next, e)) = t.cue_at(k) {
                    match next {
                        Cue::Reference => return self.skip_reference(e),
                        Cue::Code => {}
                        other if cue == Cue::Code || (cue == Cue::Card && other == Cue::Cvv) => {
                            cue = other;
                        }
                        Cue::Otp | Cue::Pin | Cue::Cvv | Cue::Password
                            if cue == Cue::Bank || cue == Cue::Card =>
                        {
                            cue = next;
                        }
                        // The bank or card a secret belongs to ("PIN BCA
                        // mobile", "cvv kartu"): the secret's name stands.
                        Cue::Bank | Cue::Card
                            if matches!(cue, Cue::Otp | Cue::Pin | Cue::Cvv | Cue::Password) => {}
                        // The same name again ("kode otp OTP"), or another
                        // secret's name, read from there by the main loop.
                        same if same == cue => {}
                        _ => return None,
                    }
                    chained += 1;
                    if chained > MAX_CHAINED_CUES {
                        return None;
                    }
                    k = e;
                    continue;
                }
                if t.word_in(k, cue::BLOCKERS).is_some() {
                    return None;
                }
                if let Some(e) = t.word_in(k, cue::STRONG_CONNECTORS) {
                    strong = true;
                    k = e;
                    continue;
                }
                if let Some(e) = t.word_in(k, cue::CONNECTORS) {
                    k = e;
                    continue;
                }
                if cue == Cue::Password && adjacent {
                    return self.value(cue, k, strong, adjacent, out);
                }
                fillers += 1;
                adjacent = false;
                if fillers > MAX_FILLER_WORDS {
                    return None;
                }
                k = t.letters_end(k);
                continue;
            }
            if is_cjk(c) {
                if let Some((next, e)) = t.cue_at(k) {
                    match next {
                        Cue::Reference => return self.skip_reference(e),
                        other if cue == Cue::Code || cue == Cue::Card || cue == Cue::Bank => {
                            cue = other;
                        }
                        _ => {}
                    }
                    chained += 1;
                    if chained > MAX_CHAINED_CUES {
                        return None;
                    }
                    k = e;
                    continue;
                }
                if let Some(e) = t.cjk_word_in(k, cue::CJK_NAMES) {
                    k = e;
                    continue;
                }
                if cue::CJK_CONNECTORS.contains(&c) {
                    if matches!(c, '是' | '为') {
                        strong = true;
                    }
                    k += 1;
                    continue;
                }
                if cue::CJK_BLOCKERS.contains(&c) {
                    return None;
                }
                cjk_fillers += 1;
                adjacent = false;
                if cjk_fillers > MAX_FILLER_CJK {
                    return None;
                }
                k += 1;
                continue;
            }
            if cue == Cue::Password && adjacent && !c.is_whitespace() && c.is_ascii_graphic() {
                return self.value(cue, k, strong, adjacent, out);
            }
            return None;
        }
    }

    /// Skips the reference number after an order, transaction or ticket
    /// word, so it is never read as a card or an identity number.
    fn skip_reference(&self, end: usize) -> Option<usize> {
        let t = self.t;
        let mut k = end;
        for _ in 0..4 {
            while t.is(k, |c| {
                c.is_whitespace() || matches!(c, ':' | '#' | '.' | '-' | '(' | '号' | '是' | '：')
            }) {
                k += 1;
            }
            if let Some(e) = t.word_in(
                k,
                &["no", "number", "nomor", "id", "nr", "num", "code", "kode"],
            ) {
                k = e;
            } else {
                break;
            }
        }
        if t.alnum(k) {
            let mut e = t.token_end(k);
            // Digits in short spaced groups ("1234 5678 9012 3456") are one
            // number; a long first group is the reference on its own.
            if let Some(n) = t.number(k, false) {
                let first = n.groups().first().map_or(n.end, |g| g.1);
                e = e.max(if first - k >= 6 { first } else { n.end });
            }
            Some(e)
        } else {
            None
        }
    }

    /// The value of `cue` at `k`.
    fn value(
        &self,
        cue: Cue,
        k: usize,
        strong: bool,
        adjacent: bool,
        out: &mut Vec<Hit>,
    ) -> Option<usize> {
        let t = self.t;
        // Glued to a word that is not the cue: part of a reference
        // ("re: WC-20260705-...").
        if !adjacent && !self.standalone(k) {
            return None;
        }
        if cue == Cue::Password {
            return self.password(k, strong, adjacent, out);
        }
        let cjk = matches!(cue, Cue::Otp | Cue::Code | Cue::Pin | Cue::Cvv);
        let n = t.number(k, cjk)?;
        let groups = n.groups().len();
        // A whole card number after "pin kartu", "cvv card": the card, read
        // by the main loop, not its first group as a code.
        if cjk
            && card_like(n.digits())
            && (self.one_separator(k, n.end) || self.card_grouped(&n, 0, groups.saturating_sub(1)))
        {
            return None;
        }
        // The whole number, else its first groups ("支付密码736336
        // 2025-10-02"); after words in between, only one group.
        for b in (0..groups).rev() {
            let Some((d, start, end)) = n.sub(0, b) else {
                continue;
            };
            let whole = b + 1 == groups;
            // A prefix ends where a space does ("736336 2025-10-02"), not
            // inside "0868-8638-2745" or "5123...6737 23.15".
            if !whole && t.c(end) != Some(' ') {
                continue;
            }
            // A code typed in groups has groups of one length ("482 913",
            // "1 2 3 4 5 6"); "336 9 Nov" is a code and a date.
            let short = matches!(cue, Cue::Otp | Cue::Code | Cue::Pin | Cue::Cvv);
            // Two halves of three or four digits with a dot ("482.913")
            // are a code after its name, not an amount.
            let dotted_halves = b == 1
                && cue != Cue::Cvv
                && n.uniform(1)
                && n.groups()
                    .first()
                    .is_some_and(|g| (3..=4).contains(&(g.1 - g.0)));
            if short && b > 0 && ((n.punctuated && !dotted_halves) || !n.uniform(b)) {
                continue;
            }
            let one_number = short
                || self.one_separator(start, end)
                || (cue == Cue::Card && self.card_grouped(&n, 0, b));
            if !one_number {
                continue;
            }
            if whole
                && cue == Cue::ResidentId
                && d.len() == 17
                && t.is(end, |c| c == 'x')
                && !t.alnum(end + 1)
                && self.on(SecretKind::ResidentId)
            {
                out.push(Hit {
                    kind: SecretKind::ResidentId,
                    start,
                    end: end + 1,
                    masked: keep_last_four(&format!("{d}X")),
                });
                return Some(end + 1);
            }
            if (whole && !self.ends_clean(end))
                || (t.unit_after(end) && !(short && d.len() >= 4 && t.admin_after(end)))
            {
                continue;
            }
            let count = d.len();
            let (kind, ok) = match cue {
                Cue::Otp | Cue::Code => (SecretKind::OneTimeCode, (4..=8).contains(&count)),
                Cue::Pin => (SecretKind::Pin, (4..=8).contains(&count)),
                Cue::Cvv => (SecretKind::Cvv, (3..=4).contains(&count)),
                Cue::Nik => (SecretKind::Nik, count == 16),
                Cue::ResidentId => (SecretKind::ResidentId, count == 18 || count == 15),
                Cue::Card => (SecretKind::CardNumber, card_like(d.as_bytes())),
                Cue::Bank => (SecretKind::BankAccount, (6..=20).contains(&count)),
                Cue::Password | Cue::Reference => (SecretKind::Password, false),
            };
            if !ok || !self.on(kind) {
                continue;
            }
            let hit = match kind {
                SecretKind::CardNumber => card_hit(start, end, d)?,
                SecretKind::Nik | SecretKind::ResidentId | SecretKind::BankAccount => Hit {
                    kind,
                    start,
                    end,
                    masked: keep_last_four(d),
                },
                _ => stars(kind, start, end, count),
            };
            out.push(hit);
            return Some(end);
        }
        // Not this cue's value: the number is read on its own (a card
        // after "pin"?) by the main loop.
        None
    }

    /// A password at `k`: the token up to a space, a Chinese character or
    /// a comma. Taken if a strong connector came before it or it looks
    /// like a password (digits, symbols, inner capitals), and it is not a
    /// common word ("my password is wrong").
    fn password(
        &self,
        k: usize,
        strong: bool,
        adjacent: bool,
        out: &mut Vec<Hit>,
    ) -> Option<usize> {
        let t = self.t;
        if !self.on(SecretKind::Password) || !adjacent {
            return None;
        }
        let mut e = k;
        while let Some(c) = t.c(e) {
            if c.is_whitespace()
                || is_cjk(c)
                || matches!(
                    c,
                    ',' | ';'
                        | '，'
                        | '。'
                        | '、'
                        | '；'
                        | '！'
                        | '？'
                        | '」'
                        | '』'
                        | '”'
                        | '’'
                        | '）'
                )
                || !(c.is_ascii_graphic() || c.is_alphanumeric())
            {
                break;
            }
            e += 1;
        }
        // Trailing punctuation belongs to the sentence.
        while e > k && t.is(e - 1, |c| matches!(c, '.' | ')' | '"' | '\'' | ']' | '`')) {
            e -= 1;
        }
        if e == k || e - k > 64 {
            return None;
        }
        let src = t.src.get(t.byte(k)..t.byte(e)).unwrap_or_default();
        let lower: String = src.chars().map(fold).collect();
        if cue::STOP_WORDS.contains(&lower.as_str()) {
            return None;
        }
        let letters_only = src.chars().all(char::is_alphabetic);
        let inner_capital = src.chars().skip(1).any(char::is_uppercase);
        let looks_secret = !letters_only || inner_capital;
        if !(strong || looks_secret) {
            return None;
        }
        // A number that is an amount or time is not a password either.
        if src.chars().all(|c| c.is_ascii_digit()) && (t.unit_after(e) || src.len() < 4) {
            return None;
        }
        out.push(Hit {
            kind: SecretKind::Password,
            start: k,
            end: e,
            masked: "********".to_owned(),
        });
        Some(e)
    }

    /// E-mail addresses, when the policy asks: the spans around each `@`.
    fn emails(&self) -> Vec<Hit> {
        let t = self.t;
        let mut hits = Vec::new();
        if !self.on(SecretKind::Email) || !t.src.contains('@') {
            return hits;
        }
        let local = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
        let domain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-');
        let mut from = 0;
        for at in 0..t.len() {
            if t.c(at) != Some('@') || at < from {
                continue;
            }
            let mut s = at;
            while s > from && t.is(s - 1, local) {
                s -= 1;
            }
            let mut e = at + 1;
            while t.is(e, domain) {
                e += 1;
            }
            while e > at + 1 && t.is(e - 1, |c| c == '.' || c == '-') {
                e -= 1;
            }
            let text = t.src.get(t.byte(s)..t.byte(e)).unwrap_or_default();
            if let Ok(email) = EmailAddress::parse(text) {
                hits.push(Hit {
                    kind: SecretKind::Email,
                    start: s,
                    end: e,
                    masked: email.masked(),
                });
                from = e;
            }
        }
        hits
    }
}

/// The findings in `text` under `policy`, in order, not overlapping.
pub(super) fn scan(text: &str, policy: RedactPolicy) -> Vec<Finding> {
    if policy == RedactPolicy::none() || text.is_empty() {
        return Vec::new();
    }
    let t = Text::new(text);
    let s = Scanner { t: &t, policy };
    let emails = s.emails();
    let mut emails = emails.into_iter().peekable();
    let mut hits: Vec<Hit> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if let Some(e) = emails.peek()
            && e.start <= i
        {
            i = e.end.max(i);
            if let Some(e) = emails.next() {
                hits.push(e);
            }
            continue;
        }
        let Some(c) = t.c(i) else { break };
        let before = hits.len();
        let next = if c.is_ascii_digit() {
            s.bare_number(i, &mut hits)
        } else if c.is_ascii_alphabetic() || is_cjk(c) {
            match t.cue_at(i) {
                Some((cue, end)) => {
                    let resume = if cue == Cue::Reference {
                        s.skip_reference(end)
                    } else if cue == Cue::Bank && !s.on(SecretKind::BankAccount) {
                        None
                    } else {
                        s.after_cue(i, cue, end, &mut hits)
                    };
                    resume.unwrap_or(end)
                }
                None if c.is_ascii_alphabetic() => {
                    if i > 0 && t.letter(i - 1) {
                        i + 1
                    } else {
                        // A sender tag before a code ("G-482913 is your
                        // Google verification code"), else a word glued to
                        // digits ("TRX123") or a link is one token.
                        let tag_end = t.letters_end(i);
                        t.is(tag_end, |c| c == '-')
                            .then(|| t.number(tag_end + 1, false))
                            .flatten()
                            .and_then(|n| s.prefixed_code(tag_end + 1, &n, &mut hits))
                            .unwrap_or_else(|| t.token_end(i).max(i + 1))
                    }
                }
                None => i + 1,
            }
        } else {
            i + 1
        };
        // Never overlap an e-mail found before.
        if let Some(e) = emails.peek()
            && hits.len() > before
            && hits.last().is_some_and(|h| h.end > e.start)
        {
            hits.truncate(before);
            i = e.start;
            continue;
        }
        i = next.max(i + 1);
    }
    hits.extend(emails);
    hits.sort_by_key(|h| h.start);
    // Drop any overlap (kept: the earlier one).
    let mut findings: Vec<Finding> = Vec::with_capacity(hits.len());
    let mut last_end = 0;
    for h in hits {
        if (!findings.is_empty() && last_end > h.start) || h.end <= h.start {
            continue;
        }
        last_end = h.end;
        findings.push(Finding {
            kind: h.kind,
            start: t.byte(h.start),
            end: t.byte(h.end),
            char_start: t.char_index(h.start),
            char_end: t.char_index(h.end),
            masked: h.masked,
        });
    }
    findings
}
