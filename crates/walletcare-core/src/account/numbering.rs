//! The numbering plans of the regions walletcare knows, as compact rules
//! taken from Google's libphonenumber metadata (`PhoneNumberMetadata.xml`,
//! release 9.0.33, Apache-2.0), and the small matcher that reads them.
//!
//! Why not the `phonenumber` crate (the Rust port of libphonenumber) itself:
//! it carries the metadata of every region in the world, a regex engine and
//! a parser combinator library, and adds about 470 KB gzipped to a
//! `wasm-release` module (measured: a probe calling `parse`, `is_valid`,
//! `number_type` and the E.164 formatter is 1,722,638 bytes, 478,470 gzipped
//! after `wasm-opt -Oz`, against 13,213 and 6,104 for the same probe without
//! it), nearly the npm package's whole 250 KB budget twice over. So the core
//! keeps the libphonenumber patterns of its four regions, verbatim, and the
//! tests check them against the crate: the pattern strings are the crate's,
//! and tens of thousands of generated numbers get the same verdict, type
//! and E.164 form from both (`account::contact` tests, `phonenumber` is a
//! dev-dependency only).
//!
//! The patterns use a small subset of regular expressions: digits, `\d`,
//! classes of digits (`[1-35-9]`), groups `(...)` and `(?:...)`,
//! alternation `|` and the quantifiers `?`, `{n}` and `{n,m}`. The matcher
//! follows every path at once over a bit set of input positions (numbers
//! have at most 17 digits), so it never backtracks and cannot blow up.

use super::contact::{PhoneNumberType, PhoneRegion};

/// One number type of a region: the national lengths it allows and the
/// pattern its national significant numbers match in full.
#[derive(Debug)]
pub(super) struct TypeRule {
    pub(super) number_type: PhoneNumberType,
    pub(super) lengths: &'static [u8],
    pub(super) pattern: &'static str,
}

/// A region's numbering plan.
#[derive(Debug)]
pub(super) struct RegionRules {
    pub(super) region: PhoneRegion,
    /// The country calling code.
    pub(super) country_code: &'static str,
    /// The international (IDD) prefix dialled before a country code.
    pub(super) international_prefix: &'static str,
    /// The trunk prefix of national numbers (`0`), if any.
    pub(super) national_prefix: Option<&'static str>,
    /// What is stripped from the front of a national number when parsing,
    /// when it is more than the trunk prefix (China's carrier codes).
    pub(super) national_prefix_for_parsing: Option<&'static str>,
    /// Every national significant number of the region matches this.
    pub(super) general: &'static str,
    /// In libphonenumber's order of precedence: the special services
    /// first, then fixed line and mobile.
    pub(super) types: &'static [TypeRule],
}

const fn rule(
    number_type: PhoneNumberType,
    lengths: &'static [u8],
    pattern: &'static str,
) -> TypeRule {
    TypeRule {
        number_type,
        lengths,
        pattern,
    }
}

use PhoneNumberType as T;

/// Indonesia, Chinese mainland, Singapore and Malaysia, in [`PhoneRegion`]
/// order.
pub(super) const REGIONS: [RegionRules; 4] = [
    RegionRules {
        region: PhoneRegion::Indonesia,
        country_code: "62",
        international_prefix: "00[89]",
        national_prefix: Some("0"),
        national_prefix_for_parsing: None,
        general: r"00[1-9]\d{9,14}|(?:[1-36]|8\d{5})\d{6}|00\d{9}|[1-9]\d{8,10}|[2-9]\d{7}",
        types: &[
            rule(T::PremiumRate, &[10], r"809\d{7}"),
            rule(
                T::TollFree,
                &[8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
                r"00(?:1803\d{5,11}|7803\d{7})|(?:177\d|800)\d{5,7}",
            ),
            rule(T::SharedCost, &[10], r"804\d{7}"),
            rule(T::Uan, &[7, 10], r"(?:1500|8071\d{3})\d{3}"),
            rule(
                T::FixedLine,
                &[7, 8, 9, 10, 11],
                r"2[124]\d{7,8}|619\d{8}|2(?:1(?:14|500)|2\d{3})\d{3}|61\d{5,8}|(?:2(?:[35][1-4]|6[0-8]|7[1-6]|8\d|9[1-8])|3(?:1|[25][1-8]|3[1-68]|4[1-3]|6[1-3568]|7[0-469]|8\d)|4(?:0[1-589]|1[01347-9]|2[0-36-8]|3[0-24-68]|43|5[1-378]|6[1-5]|7[134]|8[1245])|5(?:1[1-35-9]|2[25-8]|3[124-9]|4[1-3589]|5[1-46]|6[1-8])|6(?:[25]\d|3[1-69]|4[1-6])|7(?:02|[125][1-9]|[36]\d|4[1-8]|7[0-36-9])|9(?:0[12]|1[013-8]|2[0-479]|5[125-8]|6[23679]|7[159]|8[01346]))\d{5,8}",
            ),
            rule(T::Mobile, &[9, 10, 11, 12], r"8[1-35-9]\d{7,10}"),
        ],
    },
    RegionRules {
        region: PhoneRegion::China,
        country_code: "86",
        international_prefix: r"00|1(?:[12]\d|79)\d\d00",
        national_prefix: Some("0"),
        national_prefix_for_parsing: Some(r"(1(?:[12]\d|79)\d\d)|0"),
        general: r"(?:(?:1[03-689]|2\d)\d\d|6)\d{8}|1\d{10}|[126]\d{6}(?:\d(?:\d{2})?)?|86\d{5,6}|(?:[3-579]\d|8[0-57-9])\d{5,9}",
        types: &[
            rule(T::PremiumRate, &[8], r"16[08]\d{5}"),
            rule(T::TollFree, &[10, 12], r"(?:(?:10|21)8|8)00\d{7}"),
            rule(
                T::SharedCost,
                &[7, 8, 9, 10, 11],
                r"10(?:10\d{4}|96\d{3,4})|400\d{7}|950\d{7,8}|(?:2[0-57-9]|3(?:[157]\d|35|49|9[1-68])|4(?:[17]\d|2[179]|[35][1-9]|6[47-9]|8[23])|5(?:[1357]\d|2[37]|4[36]|6[1-46]|80|9[1-9])|6(?:3[1-5]|6[0238]|9[12])|7(?:01|[1579]\d|2[248]|3[014-9]|4[3-6]|6[023689])|8(?:1[236-8]|2[5-7]|[37]\d|5[14-9]|8[36-8]|9[1-8])|9(?:0[1-3689]|1[1-79]|[379]\d|4[13]|5[1-5]))96\d{3,4}",
            ),
            rule(
                T::FixedLine,
                &[7, 8, 9, 10, 11],
                r"(?:10(?:[02-79]\d\d|[18](?:0[1-9]|[1-9]\d))|2(?:[02-57-9]\d{3}|1(?:[18](?:0[1-9]|[1-9]\d)|[2-79]\d\d))|(?:41[03]|8078|9(?:78|94))\d\d)\d{5}|(?:10|2[0-57-9])(?:1(?:00|23)\d\d|95\d{3,4})|(?:41[03]|9(?:78|94))(?:100\d\d|95\d{3,4})|8078123|(?:43[35]|754|851)\d{7,8}|(?:43[35]|754|851)(?:1(?:00\d|23)\d|95\d{3,4})|(?:3(?:11|7[179])|4(?:[15]1|3[12])|5(?:1\d|2[37]|3[12]|51|7[13-79]|9[15])|7(?:[39]1|5[57]|6[09])|8(?:71|98))(?:[02-8]\d{7}|1(?:0(?:0\d\d(?:\d{3})?|[1-9]\d{5})|[13-9]\d{6}|2(?:[0-24-9]\d{5}|3\d(?:\d{4})?))|9(?:[0-46-9]\d{6}|5\d{3}(?:\d(?:\d{2})?)?))|(?:3(?:1[02-9]|35|49|5\d|7[02-68]|9[1-68])|4(?:1[24-9]|2[179]|3[46-9]|5[2-9]|6[47-9]|7\d|8[23])|5(?:3[03-9]|4[36]|5[02-9]|6[1-46]|7[028]|80|9[2-46-9])|6(?:3[1-5]|6[0238]|9[12])|7(?:01|[17]\d|2[248]|3[04-9]|4[3-6]|5[0-3689]|6[2368]|9[02-9])|8(?:1[236-8]|2[5-7]|3\d|5[2-9]|7[02-9]|8[36-8]|9[1-7])|9(?:0[1-3689]|1[1-79]|3\d|4[13]|5[1-5]|7[0-79]|9[0-35-9]))(?:[02-8]\d{6}|1(?:0(?:0\d\d(?:\d{2})?|[1-9]\d{4})|[13-9]\d{5}|2(?:[0-24-9]\d{4}|3\d(?:\d{3})?))|9(?:[0-46-9]\d{5}|5\d{3,5}))",
            ),
            rule(
                T::Mobile,
                &[11],
                r"1740[0-5]\d{6}|1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8}",
            ),
        ],
    },
    RegionRules {
        region: PhoneRegion::Singapore,
        country_code: "65",
        international_prefix: r"0[0-3]\d",
        national_prefix: None,
        national_prefix_for_parsing: None,
        general: r"(?:(?:1\d|8)\d\d|7000)\d{7}|[3689]\d{7}",
        types: &[
            rule(T::PremiumRate, &[11], r"1900\d{7}"),
            rule(T::TollFree, &[10, 11], r"(?:18|8)00\d{7}"),
            rule(T::Voip, &[8], r"(?:3[12]\d|666)\d{5}"),
            rule(T::Uan, &[11], r"7000\d{7}"),
            rule(
                T::FixedLine,
                &[8],
                r"662[0-24-9]\d{4}|6(?:[0-578]\d|6[013-57-9]|9[0-35-9])\d{5}",
            ),
            rule(T::Mobile, &[8], r"80[1-9]\d{5}|(?:8[1-9]|9[0-8])\d{6}"),
        ],
    },
    RegionRules {
        region: PhoneRegion::Malaysia,
        country_code: "60",
        international_prefix: "00",
        national_prefix: Some("0"),
        national_prefix_for_parsing: None,
        general: r"1\d{8,9}|(?:3\d|[4-9])\d{7}",
        types: &[
            rule(T::PremiumRate, &[10], r"1600\d{6}"),
            rule(T::TollFree, &[10], r"1[378]00\d{6}"),
            rule(
                T::Voip,
                &[10],
                r"15(?:4(?:6[0-4]\d|8(?:0[125]|[17]\d|21|3[01]|4[01589]|5[014]|6[02]))|6(?:32[0-6]|78\d))\d{4}",
            ),
            rule(
                T::FixedLine,
                &[8, 9],
                r"427[01]\d{4}|(?:3(?:2[0-36-9]|3[0-368]|4[0-278]|5[0-24-8]|6[0-467]|7[1246-9]|8\d|9[0-57])\d|4(?:2[0-689]|[3-79]\d|8[1-35689])|5(?:2[0-589]|[3468]\d|5[0-489]|7[1-9]|9[23])|6(?:2[2-9]|3[1357-9]|[46]\d|5[0-6]|7[0-35-9]|85|9[015-8])|7(?:[2579]\d|3[03-68]|4[0-8]|6[5-9]|8[0-35-9])|8(?:[24][2-8]|3[2-5]|5[2-7]|6[2-589]|7[2-578]|[89][2-9])|9(?:0[57]|13|[25-7]\d|[3489][0-8]))\d{5}",
            ),
            rule(
                T::Mobile,
                &[9, 10],
                r"1(?:(?:1888[689]|4400|8(?:47|8[27])[0-4])\d{4}|9\d{7,8})|1(?:0(?:[23568]\d|4[0-6]|7[016-9]|9[0-8])|1(?:[1-5]\d\d|6(?:0[5-9]|[1-9]\d)|7(?:[0-4]\d|5[0-79]|6[02-4]|8[02-5]))|(?:[26]\d|[37][1-9]|4[235-9])\d|5(?:31|9\d\d)|8(?:1[23]|[236]\d|4[06]|5(?:46|[7-9])|7[016-9]|8[01]|9[0-8]))\d{5}",
            ),
        ],
    },
];

/// The longest national significant number any region has (ITU-T E.164
/// leaves 17 digits to it); the matcher's bit set holds positions 0 to 31.
pub(super) const MAX_NATIONAL_DIGITS: usize = 17;

impl RegionRules {
    /// The rules of a region.
    pub(super) fn of(region: PhoneRegion) -> &'static RegionRules {
        match region {
            PhoneRegion::Indonesia => &REGIONS[0],
            PhoneRegion::China => &REGIONS[1],
            PhoneRegion::Singapore => &REGIONS[2],
            PhoneRegion::Malaysia => &REGIONS[3],
        }
    }

    /// The region whose country calling code this is.
    pub(super) fn by_country_code(code: &str) -> Option<&'static RegionRules> {
        REGIONS.iter().find(|r| r.country_code == code)
    }

    /// Whether `national` is a possible length for some type of number.
    pub(super) fn possible_length(&self, national: &str) -> bool {
        let len = national.len();
        self.types
            .iter()
            .any(|t| t.lengths.iter().any(|&l| usize::from(l) == len))
    }

    /// Whether `national` matches the region's general pattern in full.
    pub(super) fn general_match(&self, national: &str) -> bool {
        full_match(self.general, national)
    }

    /// libphonenumber's number type of a national significant number:
    /// [`PhoneNumberType::Unknown`] when it is not a valid number.
    pub(super) fn number_type(&self, national: &str) -> PhoneNumberType {
        if !self.general_match(national) {
            return T::Unknown;
        }
        let matches = |t: &TypeRule| {
            t.lengths.iter().any(|&l| usize::from(l) == national.len())
                && full_match(t.pattern, national)
        };
        let mut fixed = false;
        let mut mobile = false;
        for t in self.types {
            match t.number_type {
                T::FixedLine => fixed = matches(t),
                T::Mobile => mobile = matches(t),
                special => {
                    if matches(t) {
                        return special;
                    }
                }
            }
        }
        match (fixed, mobile) {
            (true, true) => T::FixedLineOrMobile,
            (true, false) => T::FixedLine,
            (false, true) => T::Mobile,
            (false, false) => T::Unknown,
        }
    }

    /// The national significant number inside a national number: the
    /// trunk prefix (and China's carrier codes) removed the way
    /// libphonenumber removes them. The prefix is kept when the number is
    /// valid as it stands and would not be without it.
    pub(super) fn strip_national_prefix<'n>(&self, national: &'n str) -> &'n str {
        let prefix_len = match (self.national_prefix_for_parsing, self.national_prefix) {
            (Some(pattern), _) => prefix_ends(pattern, national)
                .into_iter()
                .filter(|&end| end > 0)
                .max(),
            (None, Some(prefix)) => national.starts_with(prefix).then_some(prefix.len()),
            (None, None) => None,
        };
        let Some(stripped) = prefix_len.and_then(|len| national.get(len..)) else {
            return national;
        };
        if self.general_match(national) && !self.general_match(stripped) {
            return national;
        }
        stripped
    }

    /// The length of the international prefix at the start of `digits`,
    /// if one is there.
    pub(super) fn international_prefix_len(&self, digits: &str) -> Option<usize> {
        prefix_ends(self.international_prefix, digits)
            .into_iter()
            .filter(|&end| end > 0)
            .max()
    }
}

/// Whether `pattern` matches all of `input`. `false` for a pattern outside
/// the supported subset (the tests prove every built-in one parses).
pub(super) fn full_match(pattern: &str, input: &str) -> bool {
    let Some(ends) = match_from_start(pattern, input) else {
        return false;
    };
    ends & bit(input.len()) != 0
}

/// The lengths of the prefixes of `input` that `pattern` matches in full
/// (what `lookingAt` may stop at).
fn prefix_ends(pattern: &str, input: &str) -> Vec<usize> {
    let ends = match_from_start(pattern, input).unwrap_or(0);
    (0..=input.len().min(31))
        .filter(|&i| ends & bit(i) != 0)
        .collect()
}

/// The set of input positions where a match of `pattern` starting at 0
/// can end; `None` when the pattern does not parse or the input is longer
/// than 31 digits or not all ASCII digits.
fn match_from_start(pattern: &str, input: &str) -> Option<u32> {
    if input.len() > 31 || !input.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let matcher = Matcher {
        pattern: pattern.as_bytes(),
        input: input.as_bytes(),
    };
    let (ends, next) = matcher.alternation(0, 1)?;
    (next == matcher.pattern.len()).then_some(ends)
}

const fn bit(position: usize) -> u32 {
    if position < 32 { 1 << position } else { 0 }
}

struct Matcher<'a> {
    pattern: &'a [u8],
    input: &'a [u8],
}

impl Matcher<'_> {
    /// Matches the alternation starting at `at` from every position in
    /// `from`; returns the positions reached and the index of the `)` that
    /// closes it (or the pattern's end).
    fn alternation(&self, mut at: usize, from: u32) -> Option<(u32, usize)> {
        let mut reached = 0;
        let mut current = from;
        loop {
            match self.pattern.get(at) {
                None | Some(b')') => return Some((reached | current, at)),
                Some(b'|') => {
                    reached |= current;
                    current = from;
                    at = at.checked_add(1)?;
                }
                Some(_) => {
                    let (after_atom, _) = self.atom(at, 0)?;
                    let (min, max, after_quantifier) = self.quantifier(after_atom)?;
                    let mut set = current;
                    for _ in 0..min {
                        set = self.atom(at, set)?.1;
                    }
                    let mut all = set;
                    for _ in min..max {
                        if set == 0 {
                            break;
                        }
                        set = self.atom(at, set)?.1;
                        all |= set;
                    }
                    current = all;
                    at = after_quantifier;
                }
            }
        }
    }

    /// Matches one atom (a digit, `\d`, a class or a group) at `at` from the
    /// positions in `from`; returns the index after the atom and the
    /// positions reached.
    fn atom(&self, at: usize, from: u32) -> Option<(usize, u32)> {
        let next = at.checked_add(1)?;
        match *self.pattern.get(at)? {
            b'(' => {
                let start = if self.pattern.get(next..next.checked_add(2)?) == Some(b"?:") {
                    next.checked_add(2)?
                } else {
                    next
                };
                let (set, close) = self.alternation(start, from)?;
                if self.pattern.get(close) != Some(&b')') {
                    return None;
                }
                Some((close.checked_add(1)?, set))
            }
            b'\\' => match self.pattern.get(next)? {
                b'd' => Some((next.checked_add(1)?, self.step(from, 0x3ff))),
                _ => None,
            },
            b'[' => {
                let mut digits = 0_u16;
                let mut i = next;
                loop {
                    let c = *self.pattern.get(i)?;
                    if c == b']' {
                        break;
                    }
                    let low = digit(c)?;
                    let dash = i.checked_add(1)?;
                    if self.pattern.get(dash) == Some(&b'-') {
                        let high = digit(*self.pattern.get(dash.checked_add(1)?)?)?;
                        for d in low..=high {
                            digits |= 1 << d;
                        }
                        i = dash.checked_add(2)?;
                    } else {
                        digits |= 1 << low;
                        i = dash;
                    }
                }
                Some((i.checked_add(1)?, self.step(from, digits)))
            }
            c => Some((next, self.step(from, 1 << digit(c)?))),
        }
    }

    /// The positions after one input digit in `digits` (a bit per digit),
    /// from every position in `from`.
    fn step(&self, from: u32, digits: u16) -> u32 {
        let mut out = 0;
        for (position, &byte) in self.input.iter().enumerate() {
            if from & bit(position) != 0 && digit(byte).is_some_and(|d| digits & (1 << d) != 0) {
                out |= bit(position.saturating_add(1));
            }
        }
        out
    }

    /// The quantifier at `at` (`?`, `{n}`, `{n,m}` or none): its bounds and
    /// the index after it.
    fn quantifier(&self, at: usize) -> Option<(u8, u8, usize)> {
        match self.pattern.get(at) {
            Some(b'?') => Some((0, 1, at.checked_add(1)?)),
            Some(b'{') => {
                let close =
                    at.checked_add(self.pattern.get(at..)?.iter().position(|&b| b == b'}')?)?;
                let body =
                    std::str::from_utf8(self.pattern.get(at.checked_add(1)?..close)?).ok()?;
                let (min, max) = match body.split_once(',') {
                    Some((min, max)) => (min.parse().ok()?, max.parse().ok()?),
                    None => {
                        let n = body.parse().ok()?;
                        (n, n)
                    }
                };
                (min <= max).then_some((min, max, close.checked_add(1)?))
            }
            _ => Some((1, 1, at)),
        }
    }
}

fn digit(byte: u8) -> Option<u8> {
    byte.is_ascii_digit().then(|| byte.wrapping_sub(b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_pattern_parses() {
        for r in &REGIONS {
            let mut patterns = vec![r.general, r.international_prefix];
            patterns.extend(r.national_prefix_for_parsing);
            patterns.extend(r.types.iter().map(|t| t.pattern));
            for p in patterns {
                assert!(match_from_start(p, "0").is_some(), "{p}");
            }
        }
    }

    #[test]
    fn matcher_follows_the_regex_subset() {
        let cases: &[(&str, &str, bool)] = &[
            (r"8[1-35-9]\d{7,10}", "812345678", true),
            (r"8[1-35-9]\d{7,10}", "842345678", false),
            (r"8[1-35-9]\d{7,10}", "8123456789012", false),
            (r"8[1-35-9]\d{7,10}", "81234567", false),
            (r"(?:18|8)00\d{7}", "18001234567", true),
            (r"(?:18|8)00\d{7}", "8001234567", true),
            (r"(?:18|8)00\d{7}", "1800123456", false),
            (r"[126]\d{6}(?:\d(?:\d{2})?)?", "1234567", true),
            (r"[126]\d{6}(?:\d(?:\d{2})?)?", "12345678", true),
            (r"[126]\d{6}(?:\d(?:\d{2})?)?", "123456789", false),
            (r"[126]\d{6}(?:\d(?:\d{2})?)?", "1234567890", true),
            (r"(1(?:[12]\d|79)\d\d)|0", "17951", true),
            (r"(1(?:[12]\d|79)\d\d)|0", "0", true),
            (r"a", "1", false),
            (r"(?:1", "1", false),
            (r"1{2,1}", "1", false),
            (r"[1-", "1", false),
            (r"\w", "1", false),
        ];
        for (pattern, input, want) in cases {
            assert_eq!(full_match(pattern, input), *want, "{pattern} on {input}");
        }
        assert_eq!(prefix_ends(r"(1(?:[12]\d|79)\d\d)|0", "17951138"), vec![5]);
        assert_eq!(prefix_ends("0", "0812"), vec![1]);
        assert!(prefix_ends("0", "812").is_empty());
        assert!(!full_match(r"\d*", "1"));
        assert!(!full_match(r"\d", &"1".repeat(40)));
    }
}
