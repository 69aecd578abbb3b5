//! Which language a support message is written in.

use serde::{Deserialize, Serialize};

use super::features::{fold_width, normalize};
use crate::locale::Locale;

/// The language of a message: Chinese, Indonesian, English or something
/// else (another language, or no words at all). The JSON form is the
/// snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::Locale;
/// use walletcare_core::triage::Language;
///
/// assert_eq!(serde_json::to_string(&Language::Id)?, "\"id\"");
/// assert_eq!(Language::Zh.locale(), Locale::ZhCn);
/// assert_eq!(Language::Other.locale(), Locale::En);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Chinese (Han script).
    Zh,
    /// Indonesian, formal or informal.
    Id,
    /// English.
    En,
    /// Another language, or no recognisable words.
    Other,
}

crate::names::names!(from_str: triage::Language as "language" {
    Zh,
    Id,
    En,
    Other,
});

impl Language {
    /// The locale to answer in: English for [`Language::Other`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::locale::Locale;
    /// use walletcare_core::triage::Language;
    /// assert_eq!(Language::Id.locale(), Locale::Id);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn locale(self) -> Locale {
        match self {
            Language::Zh => Locale::ZhCn,
            Language::Id => Locale::Id,
            Language::En | Language::Other => Locale::En,
        }
    }

    /// The snake_case name, as in JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::Language;
    /// assert_eq!(Language::Other.as_str(), "other");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Language::Zh => "zh",
            Language::Id => "id",
            Language::En => "en",
            Language::Other => "other",
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Words that mark English (function words and everyday words of support
/// requests that Indonesian users do not borrow).
fn english_weight(word: &str) -> u32 {
    match word {
        "the" | "is" | "are" | "was" | "were" | "my" | "you" | "your" | "it" | "this" | "that"
        | "to" | "of" | "and" | "not" | "have" | "has" | "been" | "what" | "why" | "how"
        | "when" | "where" | "can" | "cant" | "cannot" | "dont" | "didnt" | "doesnt" | "wont"
        | "im" | "ive" | "me" | "with" | "for" | "from" | "but" | "still" | "please" | "would"
        | "could" | "should" | "will" | "did" | "does" | "do" | "there" | "they" | "we" | "our"
        | "an" | "be" | "am" | "just" | "get" | "got" | "again" | "after" | "before"
        | "because" | "money" | "account" | "card" | "payment" | "paid" | "charged"
        | "received" | "wrong" | "failed" | "stolen" | "hacked" | "forgot" | "waiting" | "help"
        | "thanks" | "thank" | "hello" | "hi" | "yesterday" | "today" | "which" | "who" | "if"
        | "so" | "very" | "need" | "want" | "no" | "yes" | "back" | "never" | "someone"
        | "phone" | "number" | "code" | "balance" | "order" | "keeps" | "love" | "great"
        | "bad" | "days" | "hours" | "any" | "all" | "on" | "at" | "by" | "or" | "a" | "i"
        | "in" | "blocked" | "unlock" | "withdrawal" | "forever" | "dark" | "makes" | "some"
        | "invisible" | "sucks" | "ur" | "daily" | "minimum" | "amount" | "successful"
        | "updated" | "arrive" | "isnt" | "arent" | "wasnt" | "havent" | "hasnt" | "u" | "pls"
        | "plz" | "thx" | "asap" | "twice" | "deducted" | "refunded" | "crashes" | "crashing"
        | "login" | "locked" | "verify" | "verified" | "charge" | "fee" | "fees" | "limit"
        | "whats" | "install" | "send" | "sent" | "transfer" | "transferred" | "stuck" => 1,
        _ => 0,
    }
}

/// Words that mark Indonesian, formal and informal.
fn indonesian_weight(word: &str) -> u32 {
    match word {
        "saya" | "aku" | "gue" | "gw" | "kamu" | "anda" | "kak" | "kakak" | "min" | "gan"
        | "sis" | "yang" | "yg" | "dan" | "di" | "ke" | "dari" | "ini" | "itu" | "tidak"
        | "gak" | "ga" | "nggak" | "enggak" | "tdk" | "sudah" | "udah" | "udh" | "sdh"
        | "belum" | "blm" | "bisa" | "mau" | "ingin" | "tolong" | "tlg" | "mohon" | "terima"
        | "kasih" | "makasih" | "kenapa" | "knp" | "gimana" | "bagaimana" | "apa" | "apakah"
        | "kapan" | "berapa" | "dimana" | "ada" | "akan" | "sedang" | "lagi" | "juga" | "saja"
        | "aja" | "dong" | "deh" | "sih" | "kok" | "nih" | "ya" | "dgn" | "untuk" | "utk"
        | "dengan" | "karena" | "tapi" | "atau" | "jadi" | "sama" | "masih" | "baru" | "sekali"
        | "banget" | "bgt" | "uang" | "saldo" | "kartu" | "akun" | "bayar" | "pembayaran"
        | "transaksi" | "gagal" | "masuk" | "keluar" | "kembali" | "dana" | "kepotong"
        | "terpotong" | "dipotong" | "hilang" | "rekening" | "hari" | "kemarin" | "tadi"
        | "jam" | "bulan" | "nomor" | "kode" | "aplikasi" | "segera" | "cepat" | "terus"
        | "pernah" | "gmn" | "rb" | "ribu" | "juta" | "jt" | "pakai" | "pake" | "beli" | "isi"
        | "tarik" | "kirim" | "diterima" | "balik" | "buat" | "kena" | "tipu" | "penipuan"
        | "lho" | "loh" | "mas" | "mbak" | "pak" | "bu" | "bapak" | "ibu" | "selamat" | "pagi"
        | "siang" | "malam" | "sore" | "bantu" | "bantuan" | "mengapa" | "tetapi" | "bukan"
        | "harus" | "kalau" | "kalo" | "gimna" | "cara" | "diblokir" | "keblokir" | "lupa"
        | "ganti" | "mengganti" | "tanya" | "nya" | "doang" | "sebagian" | "kemana" | "apk"
        | "layar" | "putih" | "abis" | "habis" | "mulu" | "pas" | "buka" | "pelayanan"
        | "buruk" | "mantap" | "mantul" | "keren" | "makin" | "simpel" | "jos" | "paling"
        | "gampang" | "dipake" | "dipakai" | "dibanding" | "lain" | "terbaru" | "bagus"
        | "lebih" | "ringan" | "tagihan" | "listrik" | "tiap" | "tgl" | "tanggal" | "ditolak"
        | "krn" | "foto" | "buram" | "boleh" | "ulang" | "sekarang" | "tolongin" | "mana"
        | "kapan2" | "nunggu" | "tunggu" | "lama" | "banyak" | "sangat" | "kurang" | "semua"
        | "setiap" | "sampai" | "sampe" | "udh2" | "gk" | "engga" | "ngga" | "kagak" | "emang"
        | "memang" | "kak2" | "agan" | "bro" | "bang" | "bisa2" | "gimana2" => 1,
        // Suffixed Indonesian forms: "aplikasinya", "masuknya", "kirimkan".
        w if w.len() >= 6 && (w.ends_with("nya") || w.ends_with("kan")) && w.is_ascii() => 1,
        _ => 0,
    }
}

/// Detects the language of `text` (its first [`super::MAX_INPUT_BYTES`]).
///
/// Han characters count as Chinese words (about 1.5 characters a word), so a
/// Chinese message that names an app or bank in Latin letters is still
/// Chinese. Latin-script words are scored against lists of Indonesian and
/// English marker words (informal Indonesian included); words shared by
/// both (`refund`, `error`, `OTP`) count for neither. Kana, Hangul and other
/// scripts, or no marker words at all, give [`Language::Other`].
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{Language, detect_language};
///
/// assert_eq!(detect_language("我的GoPay付款失败了"), Language::Zh);
/// assert_eq!(detect_language("saldo gue kepotong tp gak masuk"), Language::Id);
/// assert_eq!(detect_language("My payment failed twice"), Language::En);
/// assert_eq!(detect_language("😡😡😡"), Language::Other);
/// assert_eq!(detect_language("Привет, мой платеж не прошел"), Language::Other);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn detect_language(text: &str) -> Language {
    let (text, _) = super::cap_input(text);
    let mut han = 0u32;
    let mut other_script = 0u32;
    for c in text.chars().map(fold_width) {
        let u = u32::from(c);
        if matches!(u, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF) {
            han += 1;
        } else if c.is_alphabetic() && !c.is_ascii() && !is_latin_extended(c) {
            // Kana, Hangul, Cyrillic, Thai, Arabic...
            other_script += 1;
        }
    }
    let mut normalized = Vec::new();
    normalize(text, &mut normalized);
    let mut latin_words = 0u32;
    let mut en = 0u32;
    let mut id = 0u32;
    let mut word = String::new();
    for run in normalized.split(|c| !(c.is_alphanumeric() && is_latin(*c))) {
        if run.is_empty() || !run.iter().any(|c| c.is_alphabetic()) {
            continue;
        }
        latin_words += 1;
        word.clear();
        word.extend(run.iter().filter(|c| **c != '0'));
        en += english_weight(&word);
        id += indonesian_weight(&word);
    }
    // Weigh scripts by rough word counts.
    let han_words = han * 2 / 3 + u32::from(han > 0);
    let other_words = other_script / 4 + u32::from(other_script > 0);
    if han_words > 0 && han_words >= other_words && han_words * 2 >= latin_words.min(en + id + 1) {
        return Language::Zh;
    }
    if other_words > en + id {
        return Language::Other;
    }
    match id.cmp(&en) {
        std::cmp::Ordering::Greater => Language::Id,
        std::cmp::Ordering::Less => Language::En,
        std::cmp::Ordering::Equal if id == 0 => Language::Other,
        // A tie between marker words: informal Indonesian borrows English
        // words far more than the other way round.
        std::cmp::Ordering::Equal => Language::Id,
    }
}

fn is_latin(c: char) -> bool {
    c.is_ascii() || is_latin_extended(c)
}

fn is_latin_extended(c: char) -> bool {
    matches!(u32::from(c), 0x00C0..=0x024F | 0x1E00..=0x1EFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_table() {
        let cases = [
            ("退款什么时候到账？", Language::Zh),
            ("我的GoPay付款失败了，钱被扣了", Language::Zh),
            ("OTP收不到", Language::Zh),
            ("订单号 INV/20261121/XYZ/123 的退款还没到", Language::Zh),
            ("saldo gue kepotong tp gak masuk", Language::Id),
            (
                "Selamat siang, saya ingin menanyakan cara mengganti nomor HP",
                Language::Id,
            ),
            ("tolong refund dong kak", Language::Id),
            ("akun keblokir", Language::Id),
            ("kode OTP gak masuk2 dari tadi", Language::Id),
            ("My payment failed twice", Language::En),
            ("forgot my PIN", Language::En),
            ("Where is my refund?", Language::En),
            ("I was charged but the order was cancelled", Language::En),
            ("", Language::Other),
            ("   ", Language::Other),
            ("😡😡😡", Language::Other),
            ("12345 !!!", Language::Other),
            ("Привет, мой платеж не прошел", Language::Other),
            ("お支払いができません", Language::Other),
            ("결제가 안 돼요", Language::Other),
            ("Bonjour, mon paiement est refusé", Language::Other),
        ];
        for (text, want) in cases {
            assert_eq!(detect_language(text), want, "{text:?}");
        }
    }

    #[test]
    fn huge_and_hostile_input_is_bounded() {
        let huge = "tolong ".repeat(200_000);
        assert_eq!(detect_language(&huge), Language::Id);
        assert_eq!(detect_language("\u{0}\u{1}\u{7f}\u{200b}"), Language::Other);
    }
}
