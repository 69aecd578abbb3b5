//! Text normalisation and hashed features for Chinese, Indonesian and English.
//!
//! A text becomes a multiset of 32-bit feature ids:
//!
//! - **words** (runs of letters and digits outside CJK scripts): the word, its
//!   bigram (and optionally trigram) with the previous words, and character
//!   n-grams of the word padded with a space on each side (like scikit-learn's
//!   `char_wb`), which catches informal spelling, typos and affixes;
//! - **CJK runs** (Han, kana, Hangul: no spaces between words): character
//!   n-grams over the run, padded with a boundary mark;
//! - **symbols** (emoji and pictographs): one feature each.
//!
//! Normalisation first folds full-width ASCII, lowercases, drops apostrophes
//! inside words (`can't` → `cant`), collapses letters repeated three or more
//! times (`tolonggg` → `tolong`, `pleeease` → `please`), drops the Indonesian
//! reduplication digit (`hati2` → `hati`), reduces every digit to `0` with runs
//! capped at five (`50rb` → `00rb`), and maps common informal spellings to one
//! form (`gak`, `ga`, `nggak` → `tidak`; `udah` → `sudah`; `gimana` →
//! `bagaimana`; `pls` → `please`...), for the word feature only.
//!
//! Ids are 64-bit FNV-1a hashes over Unicode scalar values, finalised with
//! MurmurHash3's `fmix64` and cut to their top 32 bits: explicitly 64-bit, so
//! the same text gives the same ids on every platform (no `usize`, no
//! `RandomState`). Character n-grams are hashed incrementally, with no
//! allocation per feature.

use serde::{Deserialize, Serialize};

use super::TriageError;

/// Bytes of input text that are read: longer text is cut at the last
/// character boundary at or before this many bytes, so classification time is
/// bounded whatever the caller sends (1 MB costs the same as 4 KiB).
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{MAX_INPUT_BYTES, cap_input};
///
/// let long = "退款".repeat(10_000);
/// let (head, truncated) = cap_input(&long);
/// assert!(truncated);
/// assert!(head.len() <= MAX_INPUT_BYTES);
/// assert_eq!(cap_input("short"), ("short", false));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_INPUT_BYTES: usize = 4096;

/// The part of `text` that triage reads: at most [`MAX_INPUT_BYTES`] bytes,
/// cut at a character boundary, and whether anything was cut.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::cap_input;
///
/// let text = format!("{}é", "a".repeat(4095)); // 'é' straddles byte 4096
/// let (head, truncated) = cap_input(&text);
/// assert_eq!(head.len(), 4095);
/// assert!(truncated);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn cap_input(text: &str) -> (&str, bool) {
    if text.len() <= MAX_INPUT_BYTES {
        return (text, false);
    }
    let mut end = MAX_INPUT_BYTES;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    (text.get(..end).unwrap_or_default(), true)
}

/// Which features a model extracts from text. Part of every model (it is
/// stored in the model's bytes), so a model always sees text the way it was
/// trained.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::FeatureConfig;
///
/// let config = FeatureConfig::default();
/// assert_eq!(config.word_ngrams, 2);
/// assert_eq!((config.char_min, config.char_max), (3, 5));
/// assert!(config.validate().is_ok());
/// let bad = FeatureConfig { char_min: 6, char_max: 3, ..config };
/// assert!(bad.validate().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "FeatureConfigWire")]
pub struct FeatureConfig {
    /// Longest word n-gram: 1 (words), 2 (and bigrams) or 3 (and trigrams).
    pub word_ngrams: u8,
    /// Shortest character n-gram inside a padded word (0 turns them off).
    pub char_min: u8,
    /// Longest character n-gram inside a padded word, at most 8.
    pub char_max: u8,
    /// Shortest character n-gram over a CJK run (0 turns them off).
    pub cjk_min: u8,
    /// Longest character n-gram over a CJK run, at most 8.
    pub cjk_max: u8,
    /// Pairs of words up to this many words apart, in either order, are
    /// features too (0 turns them off, at most 16): they let a linear model
    /// see combinations such as "card" with "arrive" anywhere in a sentence.
    pub word_pairs: u8,
    /// Features are hashed into `2^bits` buckets (12..=22), each a row of
    /// the model's weights: more bits mean fewer collisions and more memory.
    pub bits: u8,
}

/// The JSON form of [`FeatureConfig`] before its ranges are checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeatureConfigWire {
    word_ngrams: u8,
    char_min: u8,
    char_max: u8,
    cjk_min: u8,
    cjk_max: u8,
    word_pairs: u8,
    bits: u8,
}

impl TryFrom<FeatureConfigWire> for FeatureConfig {
    type Error = crate::error::Coded<TriageError>;
    fn try_from(w: FeatureConfigWire) -> Result<Self, Self::Error> {
        let config = FeatureConfig {
            word_ngrams: w.word_ngrams,
            char_min: w.char_min,
            char_max: w.char_max,
            cjk_min: w.cjk_min,
            cjk_max: w.cjk_max,
            word_pairs: w.word_pairs,
            bits: w.bits,
        };
        config.validate().map_err(crate::error::Coded)?;
        Ok(config)
    }
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            word_ngrams: 2,
            char_min: 3,
            char_max: 5,
            cjk_min: 1,
            cjk_max: 3,
            word_pairs: 16,
            bits: 18,
        }
    }
}

/// The longest n-gram any setting allows.
const MAX_NGRAM: u8 = 8;
/// The fewest and most hash bits.
pub(crate) const MIN_BITS: u8 = 12;
pub(crate) const MAX_BITS: u8 = 22;
/// The widest word-pair window.
const MAX_PAIR_WINDOW: u8 = 16;

impl FeatureConfig {
    /// Checks the ranges: `word_ngrams` in 1..=3, each n-gram range either
    /// off (both 0) or `1 <= min <= max <= 8`.
    ///
    /// # Errors
    ///
    /// [`TriageError::InvalidConfig`] naming the bad field.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::FeatureConfig;
    ///
    /// let words_only = FeatureConfig { char_min: 0, char_max: 0, ..FeatureConfig::default() };
    /// assert!(words_only.validate().is_ok());
    /// assert!(FeatureConfig { word_ngrams: 0, ..words_only }.validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), TriageError> {
        if !(1..=3).contains(&self.word_ngrams) {
            return Err(TriageError::InvalidConfig(format!(
                "word_ngrams must be 1, 2 or 3, not {}",
                self.word_ngrams
            )));
        }
        if !(MIN_BITS..=MAX_BITS).contains(&self.bits) {
            return Err(TriageError::InvalidConfig(format!(
                "bits must be in {MIN_BITS}..={MAX_BITS}, not {}",
                self.bits
            )));
        }
        if self.word_pairs > MAX_PAIR_WINDOW {
            return Err(TriageError::InvalidConfig(format!(
                "word_pairs must be at most {MAX_PAIR_WINDOW}, not {}",
                self.word_pairs
            )));
        }
        for (name, min, max) in [
            ("char", self.char_min, self.char_max),
            ("cjk", self.cjk_min, self.cjk_max),
        ] {
            let off = min == 0 && max == 0;
            if !(off || (1 <= min && min <= max && max <= MAX_NGRAM)) {
                return Err(TriageError::InvalidConfig(format!(
                    "{name} n-gram range {min}..={max} must be 0..=0 (off) or within 1..=8"
                )));
            }
        }
        Ok(())
    }

    /// The feature ids of a text, in extraction order, repeats included (the
    /// count of an id is its term frequency). Reads at most
    /// [`MAX_INPUT_BYTES`] of `text`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::FeatureConfig;
    ///
    /// let config = FeatureConfig::default();
    /// let ids = config.feature_ids("Refund please");
    /// assert!(!ids.is_empty());
    /// assert_eq!(ids, config.feature_ids("REFUND   pleeeease!!"));
    /// assert!(config.feature_ids("  ...  ").is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn feature_ids(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        let mut scratch = Vec::new();
        extract(text, self, &mut scratch, |id, _| ids.push(id));
        ids
    }
}

// ---------------------------------------------------------------------------
// Hashing

const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
const WORD_SEED: u64 = 0xcbf2_9ce4_8422_2325;
const CHAR_SEED: u64 = 0x9e37_79b9_7f4a_7c15;
const CJK_SEED: u64 = 0xc2b2_ae3d_27d4_eb4f;
const SYMBOL_SEED: u64 = 0x1656_67b1_9e37_79f9;
const BIGRAM_SEED: u64 = 0x27d4_eb2f_1656_67c5;
const TRIGRAM_SEED: u64 = 0x85eb_ca77_c2b2_ae63;
const PAIR_SEED: u64 = 0x61c8_8646_80b5_83eb;
/// Marks the start and end of a CJK run in its n-grams.
const CJK_PAD: char = '\u{2}';

/// One FNV-1a step over a Unicode scalar value.
#[inline]
fn step(h: u64, c: char) -> u64 {
    (h ^ u64::from(u32::from(c))).wrapping_mul(FNV_PRIME)
}

/// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
#[inline]
fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// The feature id (bucket) of a 64-bit hash state: the top `bits` bits of
/// the state times a large odd constant (Fibonacci hashing; the FNV state's
/// high bits already depend on every character).
#[inline]
fn finish(h: u64, bits: u8) -> u32 {
    let shift = 64 - u32::from(bits.clamp(MIN_BITS, MAX_BITS));
    u32::try_from(h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift).unwrap_or_default()
}

#[inline]
fn combine(seed: u64, a: u64, b: u64) -> u64 {
    fmix64(a ^ seed).wrapping_mul(FNV_PRIME) ^ b
}

fn hash_chars(seed: u64, chars: impl IntoIterator<Item = char>) -> u64 {
    chars.into_iter().fold(seed, step)
}

// ---------------------------------------------------------------------------
// Normalisation

/// Han, kana, Hangul and CJK compatibility ideographs: scripts written without
/// spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3005 | 0x3007
        | 0x3040..=0x30FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2FFFF)
}

/// Emoji and pictographs, which carry tone ("😡", "🙏").
pub(crate) fn is_symbol(c: char) -> bool {
    matches!(u32::from(c), 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF)
}

/// Full-width ASCII (`Ｒｐ５０`) to ASCII, the ideographic space to a space.
pub(crate) fn fold_width(c: char) -> char {
    match u32::from(c) {
        0xFF01..=0xFF5E => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if c.is_uppercase() {
        c.to_lowercase().next().unwrap_or(c)
    } else {
        c
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`')
}

/// Longest run of digits kept (each as `0`): longer numbers look alike.
const MAX_DIGIT_RUN: usize = 5;

/// Normalises the capped text into `out` (cleared first).
pub(crate) fn normalize(text: &str, out: &mut Vec<char>) {
    out.clear();
    let (text, _) = cap_input(text);
    out.reserve(text.len());
    let mut chars = text.chars().map(|c| lower(fold_width(c))).peekable();
    let mut run_char = '\0';
    let mut run_len = 0usize;
    let mut digit_run = 0usize;
    while let Some(c) = chars.next() {
        if c == run_char {
            run_len += 1;
        } else {
            run_char = c;
            run_len = 1;
        }
        if c.is_control() {
            out.push(' ');
            digit_run = 0;
            continue;
        }
        if is_apostrophe(c) {
            let prev_letter = out.last().is_some_and(|p| p.is_alphabetic());
            let next_letter = chars.peek().is_some_and(|n| n.is_alphabetic());
            if !(prev_letter && next_letter) {
                out.push(' ');
            }
            continue;
        }
        if c.is_ascii_digit() {
            // Indonesian reduplication: "hati2", "kata2" (two letters before,
            // no word character after).
            if c == '2' && digit_run == 0 {
                let letters_before = out
                    .iter()
                    .rev()
                    .take(2)
                    .filter(|p| p.is_alphabetic())
                    .count();
                let word_ends = !chars.peek().is_some_and(|n| is_word_char(*n));
                if letters_before == 2 && word_ends {
                    continue;
                }
            }
            digit_run += 1;
            if digit_run <= MAX_DIGIT_RUN {
                out.push('0');
            }
            continue;
        }
        digit_run = 0;
        if c.is_alphabetic() && !is_cjk(c) && run_len >= 3 {
            // Collapse "ggg" to "g": drop the second copy already pushed and
            // every further one.
            if run_len == 3 {
                out.pop();
            }
            continue;
        }
        out.push(c);
    }
}

/// Informal spellings mapped to one form for the word feature (all ASCII).
const SLANG: [(&str, &str); 128] = [
    ("gak", "tidak"),
    ("ga", "tidak"),
    ("gk", "tidak"),
    ("nggak", "tidak"),
    ("ngga", "tidak"),
    ("nggk", "tidak"),
    ("enggak", "tidak"),
    ("engga", "tidak"),
    ("tdk", "tidak"),
    ("kagak", "tidak"),
    ("ndak", "tidak"),
    ("udah", "sudah"),
    ("udh", "sudah"),
    ("sdh", "sudah"),
    ("dah", "sudah"),
    ("uda", "sudah"),
    ("gimana", "bagaimana"),
    ("gmn", "bagaimana"),
    ("gmna", "bagaimana"),
    ("bgmn", "bagaimana"),
    ("gimna", "bagaimana"),
    ("blm", "belum"),
    ("blum", "belum"),
    ("belom", "belum"),
    ("yg", "yang"),
    ("tlg", "tolong"),
    ("tolongin", "tolong"),
    ("bgt", "banget"),
    ("bngt", "banget"),
    ("knp", "kenapa"),
    ("napa", "kenapa"),
    ("ngapa", "kenapa"),
    ("dgn", "dengan"),
    ("dg", "dengan"),
    ("utk", "untuk"),
    ("tuk", "untuk"),
    ("jg", "juga"),
    ("krn", "karena"),
    ("karna", "karena"),
    ("krna", "karena"),
    ("sm", "sama"),
    ("bs", "bisa"),
    ("bsa", "bisa"),
    ("lg", "lagi"),
    ("tp", "tapi"),
    ("tpi", "tapi"),
    ("dr", "dari"),
    ("sy", "saya"),
    ("aq", "saya"),
    ("gw", "saya"),
    ("gue", "saya"),
    ("sya", "saya"),
    ("aku", "saya"),
    ("rb", "ribu"),
    ("rebu", "ribu"),
    ("jt", "juta"),
    ("jta", "juta"),
    ("duit", "uang"),
    ("trx", "transaksi"),
    ("transaksinya", "transaksi"),
    ("pls", "please"),
    ("plz", "please"),
    ("plis", "please"),
    ("pliss", "please"),
    ("thx", "thanks"),
    ("tq", "thanks"),
    ("makasih", "thanks"),
    ("mksh", "thanks"),
    ("trims", "thanks"),
    ("u", "you"),
    ("ur", "your"),
    ("acc", "account"),
    ("acct", "account"),
    ("pw", "password"),
    ("pwd", "password"),
    ("passwd", "password"),
    ("apps", "app"),
    ("apk", "app"),
    ("aplikasi", "app"),
    ("aplikasinya", "app"),
    ("handphone", "hp"),
    ("oke", "ok"),
    ("okay", "ok"),
    ("okey", "ok"),
    ("mimin", "admin"),
    ("kak", "kakak"),
    ("kk", "kakak"),
    ("msk", "masuk"),
    ("kmrn", "kemarin"),
    ("kemaren", "kemarin"),
    ("skrg", "sekarang"),
    ("skrng", "sekarang"),
    ("hrs", "harus"),
    ("bnyk", "banyak"),
    ("byk", "banyak"),
    ("dpt", "dapat"),
    ("lgsg", "langsung"),
    ("gpp", "tidak apa"),
    ("cepet", "cepat"),
    ("bkn", "bukan"),
    ("kpn", "kapan"),
    ("msh", "masih"),
    ("org", "orang"),
    ("sdg", "sedang"),
    ("knapa", "kenapa"),
    ("bnr", "benar"),
    ("dtg", "datang"),
    ("dateng", "datang"),
    ("slh", "salah"),
    ("krm", "kirim"),
    ("tlpn", "telepon"),
    ("telp", "telepon"),
    ("nomer", "nomor"),
    ("dapet", "dapat"),
    ("td", "tadi"),
    ("sblm", "sebelum"),
    ("stlh", "setelah"),
    ("abis", "habis"),
    ("hbs", "habis"),
    ("jd", "jadi"),
    ("jgn", "jangan"),
    ("pengen", "ingin"),
    ("pgn", "ingin"),
    ("emang", "memang"),
    ("tggu", "tunggu"),
    ("hv", "have"),
    ("bcoz", "because"),
    ("ppl", "people"),
];

/// FNV-1a over the bytes of an ASCII string, at compile time (equal to
/// [`hash_chars`] over its characters).
#[allow(clippy::indexing_slicing)] // Evaluated at compile time only.
const fn hash_ascii(seed: u64, s: &str) -> u64 {
    let bytes = s.as_bytes();
    let mut h = seed;
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u64).wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// `(hash of the informal word, hash of its canonical form)`, sorted by the
/// first, built at compile time.
#[allow(clippy::indexing_slicing)] // Evaluated at compile time only.
const SLANG_HASHES: [(u64, u64); SLANG.len()] = {
    let mut table = [(0u64, 0u64); SLANG.len()];
    let mut i = 0;
    while i < SLANG.len() {
        table[i] = (
            hash_ascii(WORD_SEED, SLANG[i].0),
            hash_ascii(WORD_SEED, SLANG[i].1),
        );
        i += 1;
    }
    // Insertion sort.
    let mut i = 1;
    while i < table.len() {
        let mut j = i;
        while j > 0 && table[j - 1].0 > table[j].0 {
            let t = table[j];
            table[j] = table[j - 1];
            table[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    table
};

/// The hash of a word's unigram feature (after informal-spelling mapping).
fn word_hash(word: &[char]) -> u64 {
    let h = hash_chars(WORD_SEED, word.iter().copied());
    match SLANG_HASHES.binary_search_by_key(&h, |&(k, _)| k) {
        Ok(i) => SLANG_HASHES.get(i).map_or(h, |&(_, canon)| canon),
        Err(_) => h,
    }
}

/// Emits the ids of the character n-grams `min..=max` of `chars`; `pad`
/// marks characters that are padding, whose 1-grams are skipped.
fn char_ngrams(
    chars: impl Iterator<Item = (char, bool)>,
    seed: u64,
    (min, max, bits): (u8, u8, u8),
    mut emit: impl FnMut(u32),
) {
    // hs[k] is the hash of the (k + 1)-gram ending at the current character.
    let mut hs = [seed; MAX_NGRAM as usize];
    let max = usize::from(max.min(MAX_NGRAM));
    let min = usize::from(min.max(1));
    let mut seen = 0usize;
    for (c, pad) in chars {
        seen += 1;
        let upto = max.min(seen);
        let mut carry = seed;
        for slot in hs.iter_mut().take(upto) {
            let old = *slot;
            *slot = step(carry, c);
            carry = old;
        }
        let first = if pad { min.max(2) } else { min };
        for h in hs.iter().take(upto).skip(first - 1) {
            emit(finish(*h, bits));
        }
    }
}

/// What a feature is made of; training may weight the kinds differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// A word (after informal-spelling mapping).
    Word,
    /// A word bigram or trigram.
    WordNgram,
    /// A pair of words within the pair window.
    WordPair,
    /// A character n-gram inside a word.
    Char,
    /// A character n-gram over a CJK run.
    Cjk,
    /// An emoji or pictograph.
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Cjk,
    Symbol,
    Separator,
}

#[inline]
fn class(c: char) -> Class {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            Class::Word
        } else {
            Class::Separator
        }
    } else if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphanumeric() {
        Class::Word
    } else if is_symbol(c) {
        Class::Symbol
    } else {
        Class::Separator
    }
}

/// Extracts the features of `text` (capped at [`MAX_INPUT_BYTES`]) and calls
/// `emit` with each id and its kind, in order. `scratch` is reused for the
/// normalised text.
pub(crate) fn extract(
    text: &str,
    config: &FeatureConfig,
    scratch: &mut Vec<char>,
    mut emit: impl FnMut(u32, Kind),
) {
    normalize(text, scratch);
    super::normalize::finish(scratch);
    let bits = config.bits;
    // Hashes of the previous words, most recent last.
    let mut recent = [0_u64; MAX_PAIR_WINDOW as usize];
    let mut words = 0usize;
    let window = usize::from(config.word_pairs.max(2));
    let mut rest: &[char] = scratch;
    while let Some(&first) = rest.first() {
        let kind = class(first);
        let len = rest
            .iter()
            .position(|&c| class(c) != kind)
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at_checked(len).unwrap_or((rest, &[]));
        rest = tail;
        match kind {
            Class::Word => {
                if config.char_max > 0 {
                    let padded = std::iter::once((' ', true))
                        .chain(run.iter().map(|&c| (c, false)))
                        .chain(std::iter::once((' ', true)));
                    char_ngrams(
                        padded,
                        CHAR_SEED,
                        (config.char_min, config.char_max, bits),
                        |id| {
                            emit(id, Kind::Char);
                        },
                    );
                }
                let h = word_hash(run);
                emit(finish(h, bits), Kind::Word);
                let before = words.min(window);
                let mut previous = recent.iter().rev().take(before);
                if config.word_ngrams >= 2 {
                    if let Some(&p1) = previous.clone().next() {
                        emit(finish(combine(BIGRAM_SEED, p1, h), bits), Kind::WordNgram);
                        if config.word_ngrams >= 3 {
                            if let Some(&p0) = previous.clone().nth(1) {
                                emit(
                                    finish(combine(TRIGRAM_SEED, combine(0, p0, p1), h), bits),
                                    Kind::WordNgram,
                                );
                            }
                        }
                    }
                }
                if config.word_pairs > 0 {
                    for &p in previous.by_ref().take(usize::from(config.word_pairs)) {
                        if p != h {
                            emit(
                                finish(combine(PAIR_SEED, p.min(h), p.max(h)), bits),
                                Kind::WordPair,
                            );
                        }
                    }
                }
                recent.rotate_left(1);
                if let Some(last) = recent.last_mut() {
                    *last = h;
                }
                words += 1;
            }
            Class::Cjk => {
                if config.cjk_max > 0 {
                    let padded = std::iter::once((CJK_PAD, true))
                        .chain(run.iter().map(|&c| (c, false)))
                        .chain(std::iter::once((CJK_PAD, true)));
                    char_ngrams(
                        padded,
                        CJK_SEED,
                        (config.cjk_min, config.cjk_max, bits),
                        |id| {
                            emit(id, Kind::Cjk);
                        },
                    );
                }
            }
            Class::Symbol => {
                for &c in run {
                    emit(finish(step(SYMBOL_SEED, c), bits), Kind::Symbol);
                }
            }
            Class::Separator => {}
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn normalized(text: &str) -> String {
        let mut out = Vec::new();
        normalize(text, &mut out);
        out.into_iter().collect()
    }

    pub(crate) fn word_id(word: &str) -> u32 {
        let chars: Vec<char> = word.chars().collect();
        finish(word_hash(&chars), FeatureConfig::default().bits)
    }

    fn char_id(gram: &str) -> u32 {
        finish(
            hash_chars(CHAR_SEED, gram.chars()),
            FeatureConfig::default().bits,
        )
    }

    fn cjk_id(gram: &str) -> u32 {
        finish(
            hash_chars(CJK_SEED, gram.chars()),
            FeatureConfig::default().bits,
        )
    }

    #[test]
    fn normalisation_table() {
        for (input, want) in [
            ("Hello WORLD", "hello world"),
            ("tolonggg", "tolong"),
            ("pleeeease", "please"),
            ("good", "good"),
            ("hati2 ya", "hati ya"),
            ("kata2nya", "kata0nya"),
            ("Rp 50.000", "rp 00.000"),
            ("TRX1234567890", "trx00000"),
            ("can't", "cant"),
            ("don\u{2019}t", "dont"),
            ("'quoted'", " quoted "),
            ("ＧｏＰａｙ　退款", "gopay 退款"),
            ("a\u{0}b\u{7}c", "a b c"),
            ("哈哈哈哈", "哈哈哈哈"),
            ("ÉTÉ", "été"),
        ] {
            assert_eq!(normalized(input), want, "{input:?}");
        }
    }

    #[test]
    fn english_words_give_words_bigrams_and_char_ngrams() {
        let config = FeatureConfig::default();
        let ids = config.feature_ids("Card declined");
        assert!(ids.contains(&word_id("card")));
        assert!(ids.contains(&word_id("declined")));
        assert!(ids.contains(&char_id(" ca")));
        assert!(ids.contains(&char_id("card ")));
        assert!(ids.contains(&char_id("ined ")));
        assert!(!ids.contains(&char_id("d d")), "no n-gram crosses words");
        // " card " gives 4 + 3 + 2 n-grams of length 3..=5; " declined "
        // gives 8 + 7 + 6; plus two words, one bigram and one pair.
        assert_eq!(ids.len(), 9 + 21 + 2 + 1 + 1);
    }

    #[test]
    fn indonesian_informal_spelling_shares_the_word_feature() {
        let config = FeatureConfig::default();
        for slang in ["gak", "ga", "nggak", "GAAAK"] {
            let ids = config.feature_ids(slang);
            assert!(ids.contains(&word_id("tidak")), "{slang}");
        }
        let ids = config.feature_ids("saldo kepotong 50rb");
        assert!(ids.contains(&word_id("kepotong")));
        assert!(ids.contains(&word_id("ribu")) || ids.contains(&word_id("00rb")));
        assert!(ids.contains(&char_id("00rb")));
    }

    #[test]
    fn chinese_runs_give_character_unigrams_bigrams_trigrams() {
        let config = FeatureConfig::default();
        let ids = config.feature_ids("退款失败");
        for gram in [
            "退",
            "款",
            "失",
            "败",
            "退款",
            "款失",
            "失败",
            "退款失",
            "款失败",
        ] {
            assert!(ids.contains(&cjk_id(gram)), "{gram}");
        }
        let start = format!("{CJK_PAD}退");
        assert!(ids.contains(&cjk_id(&start)));
        // 4 unigrams, 5 bigrams and 4 trigrams over the padded run.
        assert_eq!(ids.len(), 4 + 5 + 4);
        // No word features for Chinese.
        assert!(!ids.contains(&word_id("退款失败")));
    }

    #[test]
    fn mixed_scripts_split_into_runs() {
        let config = FeatureConfig::default();
        let ids = config.feature_ids("GoPay退款");
        assert!(ids.contains(&word_id("gopay")));
        assert!(ids.contains(&cjk_id("退款")));
        let emoji = config.feature_ids("😡😡");
        assert_eq!(emoji.len(), 2);
        assert_eq!(emoji[0], emoji[1]);
    }

    #[test]
    fn ids_are_stable_across_releases() {
        // Pinned values: a change here silently invalidates every stored model.
        assert_eq!(
            word_id("refund"),
            finish(hash_chars(WORD_SEED, "refund".chars()), 18)
        );
        assert_eq!(finish(hash_chars(WORD_SEED, "refund".chars()), 18), 164_128);
        assert_eq!(hash_chars(WORD_SEED, "a".chars()), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn slang_table_is_sorted_unique_and_maps_to_the_canonical_word() {
        assert!(SLANG_HASHES.windows(2).all(|w| w[0].0 < w[1].0));
        for (informal, canonical) in SLANG {
            assert!(informal.is_ascii() && canonical.is_ascii());
            let chars: Vec<char> = informal.chars().collect();
            assert_eq!(
                word_hash(&chars),
                hash_chars(WORD_SEED, canonical.chars()),
                "{informal}"
            );
        }
        let plain: Vec<char> = "refund".chars().collect();
        assert_eq!(word_hash(&plain), hash_chars(WORD_SEED, "refund".chars()));
    }

    #[test]
    fn bits_bound_every_id() {
        for bits in [12, 16, 22] {
            let config = FeatureConfig {
                bits,
                word_pairs: 4,
                ..FeatureConfig::default()
            };
            let ids = config.feature_ids("Saldo kepotong 50rb tapi transaksi gagal 退款 😡");
            assert!(ids.iter().all(|&id| id < (1 << bits)), "{bits}");
        }
    }

    #[test]
    fn caps_long_input_at_a_char_boundary() {
        let text = "退".repeat(3_000);
        let (head, cut) = cap_input(&text);
        assert!(cut);
        assert_eq!(head.len(), 4095);
        assert!(head.chars().all(|c| c == '退'));
    }
}
