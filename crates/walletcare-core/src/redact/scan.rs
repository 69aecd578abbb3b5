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
const MAX_DIGITS: usize = 24;

/// Unknown words allowed between a cue and a numeric value.
const MAX_FILLER_WORDS: usize = 3;

/// Unknown Chinese characters allowed between a cue and a numeric value.
const MAX_FILLER_CJK: usize = 6;

/// One character: its byte offset in the original text and its folded form.
#[derive(Clone, Copy)]
pub(super) struct Ch {
    pub(super) byte: usize,
    pub(super) c: char,
}

/// Full-width forms to ASCII, ideographic and no-break spaces to a space,
/// ASCII to lowercase.
pub(super) fn fold(c: char) -> char {
    let c = match u32::from(c) {
        0xFF01..=0xFF5E => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        0x3000 | 0xA0 | 0x2007 | 0x202F => ' ',
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

/// A message, folded.
pub(super) struct Text<'a> {
    pub(super) src: &'a str,
    pub(super) chars: Vec<Ch>,
}

/// A number read from the text: its digits (at most [`MAX_DIGITS`]), how
/// many there were, and where it ends; `groups` holds the digit count at
/// the end of each group (separated by spaces, dashes or dots).
struct Number {
    digits: [u8; MAX_DIGITS],
    count: usize,
    end: usize,
    groups: [u8; 8],
    group_count: usize,
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
        chars.extend(src.char_indices().map(|(byte, c)| Ch { byte, c: fold(c) }));
        Text { src, chars }
    }

    pub(super) fn c(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|ch| ch.c)
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
        let table = if first.is_ascii_alphabetic() {
            if i > 0 && self.letter(i - 1) {
                return None;
            }
            cue::LATIN
        } else if is_cjk(first) {
            cue::CJK
        } else {
            return None;
        };
        let mut best: Option<(Cue, usize)> = None;
        for &(word, kind) in table {
            if !word.starts_with(first) {
                continue;
            }
            let end = if first.is_ascii_alphabetic() {
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
            groups: [0; 8],
            group_count: 0,
        };
        let mut j = i;
        loop {
            while let Some(d) = digit_at(j) {
                if let Some(slot) = n.digits.get_mut(n.count) {
                    *slot = d;
                }
                n.count += 1;
                j += 1;
            }
            n.end = j;
            if let Some(g) = n.groups.get_mut(n.group_count) {
                *g = u8::try_from(n.count).unwrap_or(u8::MAX);
            }
            n.group_count += 1;
            // A separator, then more digits.
            let sep = match self.c(j) {
                Some(' ') if self.c(j + 1) == Some(' ') => 2,
                Some(' ' | '-' | '.') => 1,
                _ => 0,
            };
            // "50.000,-" and decimals: a dot between digit groups of 3 is
            // still one number, which is what an amount is too.
            if sep == 0 || digit_at(j + sep).is_none() {
                break;
            }
            j += sep;
        }
        Some(n)
    }

    /// Whether a number ending at `end` is followed by a unit that makes it
    /// an amount, a duration, a count, a time or a date.
    fn unit_after(&self, end: usize) -> bool {
        let next = self.c(end);
        if matches!(next, Some(':' | '/' | ',')) && self.digit(end + 1) {
            return true;
        }
        let k = if next == Some(' ') { end + 1 } else { end };
        if self.is(k, |c| cue::UNIT_CHARS.contains(&c)) {
            return true;
        }
        self.word_in(k, cue::UNIT_WORDS).is_some()
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

/// The phone number the digits `d` (after a `+` if `plus`) are, if they
/// look like a mobile number.
fn phone(d: &str, plus: bool) -> Option<PhoneNumber> {
    let n = d.len();
    let text = if plus {
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
    PhoneNumber::parse(&text).ok()
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
        if t.alnum(i - 1) {
            return false;
        }
        !(t.is(i - 1, |c| matches!(c, '-' | '/' | '_')) && i >= 2 && t.alnum(i - 2))
    }

    /// Whether the number ending at `end` is not glued to what follows.
    fn ends_clean(&self, end: usize) -> bool {
        let t = self.t;
        !t.alnum(end) && !(t.is(end, |c| matches!(c, '-' | '/' | '_')) && t.alnum(end + 1))
    }

    /// A number with no cue before it, at `i`: a card, an identity number,
    /// a phone number, or a code followed by its name ("482913 is my OTP").
    /// Returns the hits and where scanning resumes.
    fn bare_number(&self, i: usize, out: &mut Vec<Hit>) -> usize {
        let t = self.t;
        let Some(n) = t.number(i, false) else {
            return i + 1;
        };
        if !self.standalone(i) {
            return t.token_end(i).max(i + 1);
        }
        let digits = n.digits();
        let s = n.as_str();
        let plus = i > 0 && t.is(i - 1, |c| c == '+');
        // A Chinese resident ID ending in X.
        if n.count == 17
            && t.is(n.end, |c| c == 'x')
            && !t.alnum(n.end + 1)
            && self.on(SecretKind::ResidentId)
        {
            let id = format!("{s}X");
            if chinese_resident_id_valid(&id) {
                out.push(Hit {
                    kind: SecretKind::ResidentId,
                    start: i,
                    end: n.end + 1,
                    masked: keep_last_four(&id),
                });
                return n.end + 1;
            }
        }
        if !self.ends_clean(n.end) {
            return t.token_end(n.end).max(i + 1);
        }
        if n.count == 18 && self.on(SecretKind::ResidentId) && chinese_resident_id_valid(s) {
            out.push(Hit {
                kind: SecretKind::ResidentId,
                start: i,
                end: n.end,
                masked: keep_last_four(s),
            });
            return n.end;
        }
        if !plus && self.on(SecretKind::CardNumber) {
            // The whole number, or its first groups with a CVV after them.
            let ends = n.groups.get(..n.group_count.min(8)).unwrap_or_default();
            for (g, &count) in ends.iter().enumerate().rev() {
                let count = usize::from(count);
                let Some(head) = digits.get(..count) else {
                    continue;
                };
                let nik_instead = count == 16
                    && nik_plausible(std::str::from_utf8(head).unwrap_or_default())
                    && CardBrand::detect(std::str::from_utf8(head).unwrap_or_default()).is_none();
                if !card_like(head) || nik_instead {
                    continue;
                }
                let end = self.group_end(i, g + 1);
                if let Some(hit) = card_hit(i, end, std::str::from_utf8(head).unwrap_or_default()) {
                    out.push(hit);
                    let rest = n.count - count;
                    if (3..=4).contains(&rest) && g + 2 == n.group_count && self.on(SecretKind::Cvv)
                    {
                        let cvv_start = self.group_start(i, g + 1);
                        out.push(stars(SecretKind::Cvv, cvv_start, n.end, rest));
                        return n.end;
                    }
                    return end;
                }
            }
        }
        if n.count == 16 && !plus && self.on(SecretKind::Nik) && nik_plausible(s) {
            out.push(Hit {
                kind: SecretKind::Nik,
                start: i,
                end: n.end,
                masked: keep_last_four(s),
            });
            return n.end;
        }
        if self.on(SecretKind::Phone)
            && let Some(p) = phone(s, plus)
        {
            out.push(Hit {
                kind: SecretKind::Phone,
                start: if plus { i - 1 } else { i },
                end: n.end,
                masked: p.masked(),
            });
            return n.end;
        }
        if (4..=8).contains(&n.count)
            && !plus
            && !t.unit_after(n.end)
            && !t.currency_before(i)
            && let Some(kind) = self.cue_after(n.end)
            && self.on(kind)
        {
            out.push(stars(kind, i, n.end, n.count));
        }
        n.end
    }

    /// The character position where digit group `g` (0-based) of the
    /// number at `i` starts.
    fn group_start(&self, i: usize, g: usize) -> usize {
        let t = self.t;
        let mut seen = 0;
        let mut k = i;
        while k < t.len() {
            if t.digit(k) && (k == i || !t.digit(k - 1)) {
                if seen == g {
                    return k;
                }
                seen += 1;
            }
            k += 1;
        }
        k
    }

    /// The character position just past digit group `g - 1` of the number
    /// at `i` (the end of its first `g` groups).
    fn group_end(&self, i: usize, g: usize) -> usize {
        let t = self.t;
        let mut k = self.group_start(i, g.saturating_sub(1));
        while t.digit(k) {
            k += 1;
        }
        k
    }

    /// A secret's name after a number ("482913 is my OTP", "482913 itu
    /// kode otp", "482913是验证码").
    fn cue_after(&self, end: usize) -> Option<SecretKind> {
        let t = self.t;
        let mut k = end;
        for _ in 0..6 {
            while t.is(k, |c| {
                c.is_whitespace() || matches!(c, '(' | '[' | ',' | '-' | ':' | '>')
            }) {
                k += 1;
            }
            if let Some((cue, _)) = t.cue_at(k) {
                return match cue {
                    Cue::Otp | Cue::Code => Some(SecretKind::OneTimeCode),
                    Cue::Pin => Some(SecretKind::Pin),
                    Cue::Password => Some(SecretKind::Password),
                    Cue::Cvv => Some(SecretKind::Cvv),
                    _ => None,
                };
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
                k = e;
            } else if t.is(k, |c| matches!(c, '是' | '为' | '我' | '的' | '你' | '这')) {
                k += 1;
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
        if cue == Cue::Code && t.word_before_in(cue_start, &cue::BLOCKERS) {
            return None;
        }
        let mut cue = cue;
        let mut k = end;
        let mut strong = false;
        let mut fillers = 0;
        let mut cjk_fillers = 0;
        let mut adjacent = true; // no word between the cue and here yet
        loop {
            // Separators.
            while let Some(c) = t.c(k) {
                if c.is_whitespace()
                    || matches!(
                        c,
                        '(' | '['
                            | '"'
                            | '\''
                            | '“'
                            | '”'
                            | '‘'
                            | '’'
                            | '-'
                            | '>'
                            | '*'
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
            if c.is_ascii_digit() || (cjk_digit(c).is_some() && cue != Cue::Password) {
                return self.value(cue, k, strong, adjacent, out);
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
                        _ => {}
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
            // Digits in spaced groups ("1234 5678 9012 3456").
            if let Some(n) = t.number(k, false) {
                e = e.max(n.end);
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
        if cue == Cue::Password {
            return self.password(k, strong, adjacent, out);
        }
        let cjk = matches!(cue, Cue::Otp | Cue::Code | Cue::Pin | Cue::Cvv);
        let n = t.number(k, cjk)?;
        let clean = self.ends_clean(n.end);
        let s = n.as_str();
        // A resident ID ending in X.
        if cue == Cue::ResidentId
            && n.count == 17
            && t.is(n.end, |c| c == 'x')
            && self.on(SecretKind::ResidentId)
        {
            out.push(Hit {
                kind: SecretKind::ResidentId,
                start: k,
                end: n.end + 1,
                masked: keep_last_four(&format!("{s}X")),
            });
            return Some(n.end + 1);
        }
        if !clean || t.unit_after(n.end) {
            return None;
        }
        let count = n.count;
        let (kind, ok) = match cue {
            Cue::Otp | Cue::Code => (SecretKind::OneTimeCode, (4..=8).contains(&count)),
            Cue::Pin => (SecretKind::Pin, (4..=8).contains(&count)),
            Cue::Cvv => (SecretKind::Cvv, (3..=4).contains(&count)),
            Cue::Nik => (SecretKind::Nik, count == 16),
            Cue::ResidentId => (SecretKind::ResidentId, count == 18 || count == 15),
            Cue::Card => (
                SecretKind::CardNumber,
                (15..=19).contains(&count) && matches!(n.digits().first(), Some(b'2'..=b'6')),
            ),
            Cue::Bank => (SecretKind::BankAccount, (6..=20).contains(&count)),
            Cue::Password | Cue::Reference => (SecretKind::Password, false),
        };
        if !ok || !self.on(kind) {
            // Not this cue's value: the number is read on its own (a card
            // after "pin"?) by the main loop.
            return None;
        }
        let hit = match kind {
            SecretKind::CardNumber => card_hit(k, n.end, s)?,
            SecretKind::Nik | SecretKind::ResidentId | SecretKind::BankAccount => Hit {
                kind,
                start: k,
                end: n.end,
                masked: keep_last_four(s),
            },
            _ => stars(kind, k, n.end, count),
        };
        out.push(hit);
        Some(n.end)
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
                    ',' | ';' | '，' | '。' | '、' | '；' | '！' | '？' | '」' | '）'
                )
                || !(c.is_ascii_graphic() || c.is_alphanumeric())
            {
                break;
            }
            e += 1;
        }
        // Trailing punctuation belongs to the sentence.
        while e > k && t.is(e - 1, |c| matches!(c, '.' | ')' | '"' | '\'' | ']')) {
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
                        // A word glued to digits ("TRX123") or a link is one token.
                        t.token_end(i).max(i + 1)
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
    for h in hits {
        if findings.last().is_some_and(|f| f.char_end > h.start) || h.end <= h.start {
            continue;
        }
        findings.push(Finding {
            kind: h.kind,
            start: t.byte(h.start),
            end: t.byte(h.end),
            char_start: h.start,
            char_end: h.end,
            masked: h.masked,
        });
    }
    findings
}
