//! Scam and safety warnings.

use serde::{Deserialize, Serialize};

use super::scan::fold;
use super::{RedactError, RedactPolicy, link};
use crate::locale::{Locale, Render};

/// Why a [`Warning`] was raised. The JSON form is the snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::redact::WarningCode;
/// assert_eq!(serde_json::to_string(&WarningCode::FeeScam)?, "\"fee_scam\"");
/// assert!(WarningCode::SecretRequested.is_scam_report());
/// assert!(!WarningCode::SharingSecret.is_scam_report());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum WarningCode {
    /// The message itself carries a credential (card number, CVV, one-time
    /// code, PIN or password): the user is about to send a secret.
    SharingSecret,
    /// The user reports that someone asked for their code, PIN or password.
    SecretRequested,
    /// The user was asked to pay a fee to release a refund, a prize or a
    /// frozen balance.
    FeeScam,
    /// A link imitates one of the wallet's own domains.
    LookalikeLink,
    /// A link's domain is not on the wallet's allow-list.
    UnknownLink,
}

crate::names::names!(from_str: redact::WarningCode as "warning code" {
    SharingSecret,
    SecretRequested,
    FeeScam,
    LookalikeLink,
    UnknownLink,
});

impl WarningCode {
    /// The snake_case name, as in JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::WarningCode;
    /// assert_eq!(WarningCode::LookalikeLink.as_str(), "lookalike_link");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            WarningCode::SharingSecret => "sharing_secret",
            WarningCode::SecretRequested => "secret_requested",
            WarningCode::FeeScam => "fee_scam",
            WarningCode::LookalikeLink => "lookalike_link",
            WarningCode::UnknownLink => "unknown_link",
        }
    }

    /// Whether the message reports a scam attempt (someone asked for a
    /// secret, a fee to release money, a look-alike link): triage files
    /// such messages as account security.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::WarningCode;
    /// assert!(WarningCode::FeeScam.is_scam_report());
    /// assert!(!WarningCode::UnknownLink.is_scam_report());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_scam_report(self) -> bool {
        matches!(
            self,
            WarningCode::SecretRequested | WarningCode::FeeScam | WarningCode::LookalikeLink
        )
    }
}

impl std::fmt::Display for WarningCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A scam or safety warning about a message, with advice for the user
/// ([`Render`]). It names the link's domain for link warnings, and never
/// quotes a secret.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::redact::{ScamConfig, WarningCode, warnings};
///
/// let w = warnings("klik g0pay.co.id/hadiah", &ScamConfig::default());
/// assert_eq!(w[0].code, WarningCode::LookalikeLink);
/// assert_eq!(w[0].domain.as_deref(), Some("g0pay.co.id"));
/// assert_eq!(w[0].imitates.as_deref(), Some("gopay.co.id"));
/// assert!(w[0].render(Locale::ZhCn).contains("钓鱼"));
/// assert_eq!(serde_json::to_value(&w[0])?["code"], "lookalike_link");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Warning {
    /// Why.
    pub code: WarningCode,
    /// The link's domain, for link warnings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The allowed domain a look-alike link imitates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imitates: Option<String>,
}

impl Warning {
    fn new(code: WarningCode) -> Warning {
        Warning {
            code,
            domain: None,
            imitates: None,
        }
    }
}

impl Render for Warning {
    fn render(&self, locale: Locale) -> String {
        let domain = self.domain.as_deref().unwrap_or("?");
        let imitates = self.imitates.as_deref().unwrap_or("?");
        match self.code {
            WarningCode::SharingSecret => locale
                .pick(
                    "Do not send this: we will never ask for your OTP, PIN, password, CVV or full card number, not even in this chat. If you already shared it, change your PIN now and contact us.",
                    "Jangan kirim ini: kami tidak pernah meminta kode OTP, PIN, kata sandi, CVV atau nomor kartu lengkap Anda, termasuk lewat chat ini. Jika sudah terlanjur dibagikan, segera ganti PIN Anda dan hubungi kami.",
                    "请勿发送：我们绝不会索要您的验证码、PIN、密码、CVV 或完整卡号，包括在本对话中。如已泄露，请立即修改支付密码并联系我们。",
                )
                .to_owned(),
            WarningCode::SecretRequested => locale
                .pick(
                    "This is a scam: our staff never ask for your OTP, PIN or password, by phone, chat or message. Do not share it; if you did, freeze your account in the app and contact us now.",
                    "Ini modus penipuan: petugas kami tidak pernah meminta kode OTP, PIN atau kata sandi, baik lewat telepon, chat maupun pesan. Jangan berikan; jika sudah, bekukan akun Anda di aplikasi dan segera hubungi kami.",
                    "这是诈骗：我们的工作人员绝不会通过电话、聊天或短信索要您的验证码、PIN 或密码。请勿提供；如已提供，请立即在应用内冻结账户并联系我们。",
                )
                .to_owned(),
            WarningCode::FeeScam => locale
                .pick(
                    "No real refund, prize or frozen balance requires you to pay a fee first. This is a scam: do not pay, and report it to us.",
                    "Refund, hadiah atau saldo yang dibekukan tidak pernah mengharuskan Anda membayar biaya terlebih dahulu. Ini penipuan: jangan bayar, dan laporkan kepada kami.",
                    "真正的退款、奖金或冻结资金解冻都不需要您先交任何费用。这是诈骗：请勿付款，并向我们举报。",
                )
                .to_owned(),
            WarningCode::LookalikeLink => match locale {
                Locale::En => format!(
                    "{domain} imitates our address {imitates}: it is a phishing site. Do not open it or enter anything there."
                ),
                Locale::Id => format!(
                    "{domain} meniru alamat resmi kami {imitates}: itu situs phishing. Jangan dibuka dan jangan masukkan data apa pun."
                ),
                Locale::ZhCn => format!(
                    "{domain} 冒充我们的官方网址 {imitates}，是钓鱼网站。请勿打开，也不要输入任何信息。"
                ),
            },
            WarningCode::UnknownLink => match locale {
                Locale::En => format!(
                    "{domain} is not one of our official addresses. Do not log in or enter your details there."
                ),
                Locale::Id => format!(
                    "{domain} bukan alamat resmi kami. Jangan masuk atau memasukkan data Anda di sana."
                ),
                Locale::ZhCn => {
                    format!("{domain} 不是我们的官方网址，请勿在该网站登录或填写个人信息。")
                }
            },
        }
    }
}

/// The most domains a [`ScamConfig`] allows.
pub const MAX_ALLOWED_DOMAINS: usize = 256;

/// The wallet's own domains: links elsewhere get a warning, and links
/// imitating them a stronger one. The default lists the main Indonesian and
/// Chinese wallets' domains; a host sets its own. Deserialising checks each
/// domain (lowercase letters, digits and dashes, dot-separated, at least
/// two labels).
///
/// # Examples
///
/// ```
/// use walletcare_core::redact::ScamConfig;
///
/// let config: ScamConfig = serde_json::from_str(r#"{"allowed_domains":["mywallet.co.id"]}"#)?;
/// assert_eq!(config.allowed_domains(), ["mywallet.co.id"]);
/// assert!(serde_json::from_str::<ScamConfig>(r#"{"allowed_domains":["not a domain"]}"#).is_err());
/// assert!(ScamConfig::default().allowed_domains().iter().any(|d| d == "gopay.co.id"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ScamConfigRepr", into = "ScamConfigRepr")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(as = "ScamConfigRepr"))]
pub struct ScamConfig {
    allowed_domains: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "ScamConfig"))]
struct ScamConfigRepr {
    allowed_domains: Vec<String>,
}

impl TryFrom<ScamConfigRepr> for ScamConfig {
    type Error = crate::error::Coded<RedactError>;
    fn try_from(r: ScamConfigRepr) -> Result<Self, Self::Error> {
        ScamConfig::new(r.allowed_domains).map_err(crate::error::Coded)
    }
}

impl From<ScamConfig> for ScamConfigRepr {
    fn from(c: ScamConfig) -> Self {
        ScamConfigRepr {
            allowed_domains: c.allowed_domains,
        }
    }
}

impl Default for ScamConfig {
    fn default() -> Self {
        ScamConfig {
            allowed_domains: [
                "gopay.co.id",
                "gojek.com",
                "dana.id",
                "ovo.id",
                "shopeepay.co.id",
                "shopee.co.id",
                "linkaja.id",
                "alipay.com",
                "tenpay.com",
                "wechat.com",
                "paypal.com",
            ]
            .map(str::to_owned)
            .to_vec(),
        }
    }
}

impl ScamConfig {
    /// A configuration allowing `domains` (and their subdomains), trimmed
    /// and lowercased.
    ///
    /// # Errors
    ///
    /// [`RedactError::InvalidConfig`] for a malformed domain or more than
    /// [`MAX_ALLOWED_DOMAINS`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::ScamConfig;
    /// let c = ScamConfig::new(vec![" Pay.Example.COM ".to_owned()])?;
    /// assert_eq!(c.allowed_domains(), ["pay.example.com"]);
    /// assert!(ScamConfig::new(vec!["localhost".to_owned()]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(domains: Vec<String>) -> Result<ScamConfig, RedactError> {
        if domains.len() > MAX_ALLOWED_DOMAINS {
            return Err(RedactError::InvalidConfig {
                reason: format!(
                    "allowed_domains has {} entries; at most {MAX_ALLOWED_DOMAINS}",
                    domains.len()
                ),
            });
        }
        let mut allowed_domains = Vec::with_capacity(domains.len());
        for (index, d) in domains.iter().enumerate() {
            let d = d.trim().trim_end_matches('.').to_ascii_lowercase();
            let labels: Vec<&str> = d.split('.').collect();
            let label_ok = |l: &&str| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            };
            if labels.len() < 2 || d.len() > 253 || !labels.iter().all(label_ok) {
                return Err(RedactError::InvalidConfig {
                    reason: format!(
                        "allowed_domains[{index}] is not a domain name like wallet.co.id"
                    ),
                });
            }
            allowed_domains.push(d);
        }
        Ok(ScamConfig { allowed_domains })
    }

    /// The allowed domains.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::redact::ScamConfig;
    /// assert!(!ScamConfig::default().allowed_domains().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn allowed_domains(&self) -> &[String] {
        &self.allowed_domains
    }
}

/// Which of the phrase lists ([`LISTS`]) occur in a message: bit `k` for
/// `LISTS[k]`. A phrase occurs as [`Words::has`] in the tests describes:
/// Chinese as a substring of the folded text, Latin as whole words in a
/// row, the last of which may carry a "nya"/"ku"/"mu"/"s" suffix.
struct Words {
    lists: u16,
}

/// The phrase lists [`Words`] looks for, each its bit in [`Words::lists`].
const LISTS: [&[&str]; 12] = [
    SECRET_NOUNS,
    DIRECT_REQUESTS,
    IMPERSONATION,
    THIRD_PARTIES,
    CALLS,
    REQUEST_VERBS,
    FEE_NOUNS,
    RELEASE_TARGETS,
    PREREQUISITES,
    RELEASE_FEES,
    FEE_QUESTIONS,
    DEMANDS,
];

/// The bit of each of [`LISTS`] in [`Words::lists`].
mod list {
    pub(super) const SECRET_NOUNS: u16 = 1;
    pub(super) const DIRECT_REQUESTS: u16 = 1 << 1;
    pub(super) const IMPERSONATION: u16 = 1 << 2;
    pub(super) const THIRD_PARTIES: u16 = 1 << 3;
    pub(super) const CALLS: u16 = 1 << 4;
    pub(super) const REQUEST_VERBS: u16 = 1 << 5;
    pub(super) const FEE_NOUNS: u16 = 1 << 6;
    pub(super) const RELEASE_TARGETS: u16 = 1 << 7;
    pub(super) const PREREQUISITES: u16 = 1 << 8;
    pub(super) const RELEASE_FEES: u16 = 1 << 9;
    pub(super) const FEE_QUESTIONS: u16 = 1 << 10;
    pub(super) const DEMANDS: u16 = 1 << 11;
}

/// How many buckets the first word of a Latin phrase is filed under.
const WORD_BUCKETS: usize = 16 * 32;

/// The bucket of a word: its length (mod 16) and first byte (mod 32).
fn word_bucket(word: &[u8]) -> usize {
    (word.len() & 15) << 5 | usize::from(word.first().copied().unwrap_or(0) & 31)
}

/// [`LISTS`] indexed once: the Latin phrases by the bucket of their first
/// word, the others for a one-pass substring search.
#[derive(Debug)]
struct PhraseIndex {
    /// The words of each Latin phrase with its list bit, ordered by the
    /// bucket of the first word.
    latin: Vec<(u16, Vec<&'static str>)>,
    /// The range of `latin` of each bucket.
    buckets: Vec<std::ops::Range<usize>>,
    /// The non-ASCII phrases, one group per list.
    other: crate::triage::needles::Needles,
}

impl PhraseIndex {
    fn get() -> &'static PhraseIndex {
        static INDEX: std::sync::OnceLock<PhraseIndex> = std::sync::OnceLock::new();
        INDEX.get_or_init(PhraseIndex::new)
    }

    fn new() -> PhraseIndex {
        let mut keyed: Vec<(usize, u16, Vec<&'static str>)> = Vec::new();
        let mut other: Vec<Vec<&'static str>> = Vec::new();
        for (k, phrases) in LISTS.iter().enumerate() {
            let bit = 1u16 << k;
            let mut non_ascii = Vec::new();
            for &phrase in *phrases {
                if phrase.is_ascii() {
                    let parts: Vec<&'static str> = phrase.split(' ').collect();
                    let first = parts.first().copied().unwrap_or_default();
                    keyed.push((word_bucket(first.as_bytes()), bit, parts));
                } else {
                    non_ascii.push(phrase);
                }
            }
            other.push(non_ascii);
        }
        keyed.sort_by_key(|&(b, _, _)| b);
        let mut buckets = Vec::with_capacity(WORD_BUCKETS);
        let mut at = 0;
        for b in 0..WORD_BUCKETS {
            let start = at;
            while keyed.get(at).is_some_and(|&(k, _, _)| k == b) {
                at += 1;
            }
            buckets.push(start..at);
        }
        let groups: Vec<&[&'static str]> = other.iter().map(Vec::as_slice).collect();
        PhraseIndex {
            latin: keyed
                .into_iter()
                .map(|(_, bit, parts)| (bit, parts))
                .collect(),
            buckets,
            other: crate::triage::needles::Needles::new(&groups),
        }
    }

    /// The Latin phrases whose first word is `word`.
    fn starting(&self, word: &str) -> impl Iterator<Item = &(u16, Vec<&'static str>)> {
        self.buckets
            .get(word_bucket(word.as_bytes()))
            .and_then(|range| self.latin.get(range.clone()))
            .unwrap_or_default()
            .iter()
            .filter(move |(_, parts)| parts.first() == Some(&word))
    }
}

/// The text folded to lower-case ASCII where it has a fold, and the byte
/// spans of its words (ASCII letters, digits and apostrophes) in it.
fn folded_words(text: &str) -> (String, Vec<(usize, usize)>) {
    let folded: String = text
        .chars()
        .map(|c| fold(c).to_lowercase().next().unwrap_or(c))
        .collect();
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        let w = c.is_ascii_alphanumeric() || c == '\'';
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, folded.len()));
    }
    (folded, words)
}

impl Words {
    fn new(text: &str) -> Words {
        let (folded, words) = folded_words(text);
        let index = PhraseIndex::get();
        let mut lists = 0u16;
        if !folded.is_ascii() {
            lists |= u16::try_from(index.other.groups_in(&folded)).unwrap_or(u16::MAX);
        }
        let word = |k: usize| {
            words
                .get(k)
                .and_then(|&(s, e)| folded.get(s..e))
                .unwrap_or_default()
        };
        for k in 0..words.len() {
            let w = word(k);
            for (bit, parts) in index.starting(w) {
                if lists & bit != 0 {
                    continue;
                }
                let n = parts.len();
                let rest = parts.iter().enumerate().skip(1).all(|(p, part)| {
                    let w = word(k + p);
                    w == *part
                        || (p + 1 == n && SUFFIXES.iter().any(|s| w.strip_suffix(s) == Some(part)))
                });
                if rest {
                    lists |= bit;
                }
            }
            // One-word phrases also match with a suffix ("otpnya").
            for suffix in SUFFIXES {
                if let Some(stem) = w.strip_suffix(suffix) {
                    for (bit, parts) in index.starting(stem) {
                        if parts.len() == 1 {
                            lists |= bit;
                        }
                    }
                }
            }
        }
        Words { lists }
    }

    /// Whether a phrase of the lists of `bits` occurs.
    fn any(&self, bits: u16) -> bool {
        self.lists & bits != 0
    }
}

/// Suffixes a word may carry ("otpnya", "pinku", "codes").
const SUFFIXES: [&str; 4] = ["nya", "ku", "mu", "s"];

const SECRET_NOUNS: &[&str] = &[
    "otp",
    "kode",
    "code",
    "pin",
    "password",
    "sandi",
    "pw",
    "cvv",
    "cvc",
    "passcode",
    "verification",
    "verifikasi",
    "token",
    "验证码",
    "密码",
    "安全码",
    "动态码",
    "校验码",
    "卡号",
    "口令",
];

const DIRECT_REQUESTS: &[&str] = &[
    "asked for my",
    "asking for my",
    "ask for my",
    "asks for my",
    "asked me for",
    "asking me for",
    "asks me for",
    "asked me to send",
    "asked me to give",
    "asked me to share",
    "asked me to tell",
    "asked me to read",
    "asked me to provide",
    "asking me to send",
    "asking me to give",
    "asking me to share",
    "asking me to tell",
    "asking me to read",
    "asking me to provide",
    "told me to send",
    "told me to give",
    "told me to share",
    "told me to tell",
    "told me to read",
    "wanted my",
    "wants my",
    "requested my",
    "demanded my",
    "asked my",
    "asking my",
    "dimintai",
    "diminta kode",
    "diminta otp",
    "diminta pin",
    "diminta password",
    "diminta sandi",
    "disuruh kirim",
    "disuruh kasih",
    "disuruh kasi",
    "disuruh sebut",
    "disuruh sebutkan",
    "disuruh baca",
    "disuruh bacakan",
    "disuruh kasih tau",
    "disuruh kasih tahu",
    "disuruh share",
    "disuruh forward",
    "minta saya kirim",
    "minta saya kasih",
    "minta saya sebutkan",
    "suruh saya",
    "nyuruh saya",
    "menyuruh saya",
    "nyuruh aku",
    "suruh aku",
    "minta dikirim",
    "minta dikirimin",
    "minta dikasih",
    "minta dikasi",
    "让我提供",
    "让我发",
    "让我告诉",
    "让我报",
    "让我说",
    "让我念",
    "让我转发",
    "要我提供",
    "要我发",
    "要我告诉",
    "叫我提供",
    "叫我发",
    "叫我告诉",
    "叫我报",
    "问我要",
    "向我要",
    "跟我要",
    "找我要",
    "索要",
    "索取",
];

const IMPERSONATION: &[&str] = &[
    "ngaku",
    "ngakunya",
    "mengaku",
    "claiming",
    "claimed",
    "claims",
    "pretending",
    "pretended",
    "posing as",
    "said he was",
    "said she was",
    "said they were",
    "says he is",
    "says she is",
    "katanya dari",
    "atas nama",
    "mengatasnamakan",
    "冒充",
    "自称",
    "假冒",
    "假装",
    "号称",
];

const THIRD_PARTIES: &[&str] = &[
    "someone",
    "somebody",
    "a guy",
    "a man",
    "a woman",
    "a person",
    "caller",
    "stranger",
    "scammer",
    "fraudster",
    "ada yang",
    "ada orang",
    "seseorang",
    "penelpon",
    "penelepon",
    "penipu",
    "oknum",
    "orang asing",
    "kurir",
    "courier",
    "driver",
    "orang bank",
    "pihak bank",
    "petugas",
    "快递员",
    "快递小哥",
    "骑手",
    "有人",
    "对方",
    "陌生人",
    "骗子",
    "一个人",
];

const CALLS: &[&str] = &[
    "called",
    "call",
    "calling",
    "phoned",
    "texted",
    "messaged",
    "dm",
    "nelpon",
    "telpon",
    "telepon",
    "menelepon",
    "ditelpon",
    "ditelepon",
    "ditelp",
    "ditelfon",
    "wa",
    "chat",
    "打电话",
    "来电",
    "电话",
    "短信",
    "微信",
];

const REQUEST_VERBS: &[&str] = &[
    "ask",
    "asked",
    "asking",
    "asks",
    "request",
    "requested",
    "requesting",
    "want",
    "wanted",
    "wants",
    "need",
    "needed",
    "send",
    "give",
    "share",
    "tell",
    "read",
    "provide",
    "minta",
    "meminta",
    "nanya",
    "nanyain",
    "tanya",
    "menanyakan",
    "kirim",
    "kirimkan",
    "kirimin",
    "kasih",
    "kasi",
    "berikan",
    "kasihkan",
    "sebutkan",
    "sebut",
    "sebutin",
    "nyebutin",
    "bacakan",
    "bacain",
    "ngasih",
    "kasihin",
    "ngirim",
    "提供",
    "发给",
    "告诉",
    "要",
    "索取",
    "报",
    "念",
];

const FEE_NOUNS: &[&str] = &[
    "fee",
    "tax",
    "deposit",
    "charge",
    "biaya",
    "pajak",
    "jaminan",
    "ongkos",
    "tebusan",
    "手续费",
    "保证金",
    "解冻费",
    "费用",
    "税费",
    "激活费",
    "服务费",
    "押金",
    "工本费",
    "认证费",
    "交费",
    "缴费",
    "交钱",
    "转钱",
    // Money demanded without naming it a fee ("harus transfer 500rb biar
    // bisa dicairkan", "要先交个人所得税才能领取").
    "harus transfer",
    "wajib transfer",
    "disuruh transfer",
    "suruh transfer",
    "diminta transfer",
    "transfer dulu",
    "bayar dulu",
    "pay first",
    "所得税",
    "个税",
    "税",
    "先交",
    "先付",
    "先转",
];

const RELEASE_TARGETS: &[&str] = &[
    "release",
    "unlock",
    "unfreeze",
    "unblock",
    "refund",
    "prize",
    "won",
    "winnings",
    "reward",
    "frozen",
    "claim",
    "withdraw",
    "cash out",
    "disburse",
    "bonus",
    "lottery",
    "gift",
    "cair",
    "dicairkan",
    "pencairan",
    "mencairkan",
    "hadiah",
    "undian",
    "menang",
    "pengembalian",
    "dibekukan",
    "beku",
    "buka blokir",
    "dibuka",
    "membuka",
    "diaktifkan",
    "aktifkan",
    "klaim",
    "ditarik",
    "tarik",
    "解冻",
    "退款",
    "中奖",
    "奖金",
    "奖品",
    "提现",
    "冻结",
    "激活",
    "返还",
    "领取",
    "到账",
];

const PREREQUISITES: &[&str] = &[
    "first",
    "before",
    "in order to",
    "so that",
    "to release",
    "to unlock",
    "to receive",
    "to get",
    "to claim",
    "to withdraw",
    "to unfreeze",
    "otherwise",
    "must pay",
    "have to pay",
    "need to pay",
    "required to pay",
    "asked to pay",
    "asked me to pay",
    "told me to pay",
    "dulu",
    "terlebih dahulu",
    "dahulu",
    "supaya",
    "agar",
    "biar",
    "baru bisa",
    "harus bayar",
    "wajib bayar",
    "disuruh bayar",
    "diminta bayar",
    "disuruh transfer",
    "diminta transfer",
    "untuk mencairkan",
    "untuk membuka",
    "until i pay",
    "until you pay",
    "unless i pay",
    "unless you pay",
    "only after",
    "once i pay",
    "after paying",
    "kalau bayar",
    "kalo bayar",
    "kalau transfer",
    "kalo transfer",
    "jika membayar",
    "asal bayar",
    "setelah bayar",
    "setelah transfer",
    "sebelum",
    "才会",
    "才给",
    "先",
    "才能",
    "才可以",
    "否则",
    "之前",
    "让我交",
    "让我付",
    "要我交",
    "要我付",
    "需要交",
    "需要付",
    "必须",
];

const RELEASE_FEES: &[&str] = &[
    "release fee",
    "unlock fee",
    "unfreeze fee",
    "clearance fee",
    "activation fee",
    "biaya pencairan",
    "biaya pembukaan",
    "biaya buka blokir",
    "biaya aktivasi",
    "pajak hadiah",
    "biaya hadiah",
    "解冻费",
    "激活费",
    "解冻金",
];

/// The scam and safety warnings for `text` (see the
/// [module documentation](super)), in a fixed order: sharing a secret, a
/// secret requested, a fee scam, then one warning per link (look-alikes
/// before unknown domains). Links to an allowed domain or its subdomains
/// raise nothing; e-mail domains are checked for imitation only.
///
/// # Examples
///
/// ```
/// use walletcare_core::redact::{ScamConfig, WarningCode, warnings};
///
/// let config = ScamConfig::default();
/// let codes = |t: &str| warnings(t, &config).into_iter().map(|w| w.code).collect::<Vec<_>>();
/// assert_eq!(codes("OTP:482913"), [WarningCode::SharingSecret]);
/// assert_eq!(codes("someone called asking for my PIN"), [WarningCode::SecretRequested]);
/// assert_eq!(codes("有人打电话让我提供验证码"), [WarningCode::SecretRequested]);
/// assert_eq!(codes("bayar biaya admin dulu supaya saldo cair"), [WarningCode::FeeScam]);
/// assert_eq!(codes("先交手续费才能解冻"), [WarningCode::FeeScam]);
/// assert_eq!(codes("go to gopay-promo.xyz"), [WarningCode::LookalikeLink]);
/// assert_eq!(codes("see https://example.com"), [WarningCode::UnknownLink]);
/// assert!(codes("saya minta kode OTP lagi, belum masuk").is_empty());
/// assert!(codes("https://www.gopay.co.id/help").is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn warnings(text: &str, config: &ScamConfig) -> Vec<Warning> {
    let mut out = Vec::new();
    let credential_policy = super::SecretKind::ALL
        .into_iter()
        .filter(|k| k.is_credential())
        .fold(RedactPolicy::none(), RedactPolicy::with);
    if !super::scan::scan(text, credential_policy).is_empty() {
        out.push(Warning::new(WarningCode::SharingSecret));
    }
    let w = Words::new(text);
    if secret_requested(&w) {
        out.push(Warning::new(WarningCode::SecretRequested));
    }
    if fee_scam(&w) {
        out.push(Warning::new(WarningCode::FeeScam));
    }
    let hosts = link::hosts(text);
    let allowed = config.allowed_domains();
    let mut unknown = Vec::new();
    for host in hosts {
        if link::allowed(&host.name, allowed) {
            continue;
        }
        if let Some(imitates) = link::imitated(&host.name, allowed) {
            out.push(Warning {
                code: WarningCode::LookalikeLink,
                domain: Some(host.name),
                imitates: Some(imitates.to_owned()),
            });
        } else if !host.email {
            unknown.push(Warning {
                code: WarningCode::UnknownLink,
                domain: Some(host.name),
                imitates: None,
            });
        }
    }
    out.extend(unknown);
    out
}

/// Questions about what a service costs ("what is the fee to withdraw?",
/// "biaya transfer berapa?"): not a report of a fee demanded.
const FEE_QUESTIONS: &[&str] = &[
    "what is the fee",
    "what's the fee",
    "how much is the fee",
    "how much",
    "is there a fee",
    "any fee",
    "berapa",
    "ada fee",
    "ada biaya",
    "kena biaya",
    "kena fee",
    "多少",
    "收费吗",
    "要手续费吗",
];

/// Words that say someone else demanded the fee ("they said", "disuruh").
const DEMANDS: &[&str] = &[
    "they",
    "he",
    "she",
    "told me",
    "asked me",
    "said",
    "says",
    "katanya",
    "disuruh",
    "diminta",
    "suruh",
    "nyuruh",
    "对方",
    "他说",
    "客服说",
    "说我",
    "让我",
    "要我",
];

/// Someone asked for the user's secret ([`WarningCode::SecretRequested`]).
fn secret_requested(w: &Words) -> bool {
    w.any(list::SECRET_NOUNS)
        && (w.any(list::DIRECT_REQUESTS | list::IMPERSONATION)
            || (w.any(list::THIRD_PARTIES | list::CALLS) && w.any(list::REQUEST_VERBS)))
}

/// A fee asked to release money ([`WarningCode::FeeScam`]).
fn fee_scam(w: &Words) -> bool {
    w.any(list::RELEASE_FEES)
        || (w.any(list::FEE_NOUNS)
            && w.any(list::RELEASE_TARGETS)
            && w.any(list::PREREQUISITES)
            && (!w.any(list::FEE_QUESTIONS) || w.any(list::DEMANDS)))
}

/// Whether [`warnings`] would give a scam report
/// ([`WarningCode::is_scam_report`]), without the work only the other
/// warnings need (the credential scan, the unknown links): triage asks this
/// of every message.
pub(crate) fn any_scam_report(text: &str, config: &ScamConfig) -> bool {
    let w = Words::new(text);
    if secret_requested(&w) || fee_scam(&w) {
        return true;
    }
    let allowed = config.allowed_domains();
    link::hosts(text).iter().any(|host| {
        !link::allowed(&host.name, allowed) && link::imitated(&host.name, allowed).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The phrase test [`Words`] replaces, kept as its oracle: a set of
    /// the words and their suffix-stripped stems, then a search for the
    /// phrase's words in a row.
    struct Oracle {
        folded: String,
        words: Vec<(usize, usize)>,
        set: std::collections::HashSet<String>,
    }

    impl Oracle {
        fn new(text: &str) -> Oracle {
            let (folded, words) = folded_words(text);
            let mut set = std::collections::HashSet::new();
            for &(s, e) in &words {
                let w = folded.get(s..e).unwrap_or_default();
                set.insert(w.to_owned());
                for suffix in SUFFIXES {
                    if let Some(stem) = w.strip_suffix(suffix) {
                        set.insert(stem.to_owned());
                    }
                }
            }
            Oracle { folded, words, set }
        }

        fn word(&self, k: usize) -> &str {
            self.words
                .get(k)
                .and_then(|&(s, e)| self.folded.get(s..e))
                .unwrap_or_default()
        }

        fn has(&self, phrase: &str) -> bool {
            if !phrase.is_ascii() {
                return self.folded.contains(phrase);
            }
            let parts: Vec<&str> = phrase.split(' ').collect();
            if !parts.iter().all(|p| self.set.contains(*p)) {
                return false;
            }
            let n = parts.len();
            if n == 1 {
                return true;
            }
            (0..self.words.len()).any(|k| {
                parts.iter().enumerate().all(|(p, part)| {
                    let w = self.word(k + p);
                    w == *part
                        || (p + 1 == n && SUFFIXES.iter().any(|s| w.strip_suffix(s) == Some(part)))
                })
            })
        }
    }

    /// Texts that put every phrase of [`LISTS`] in many contexts
    /// (suffixes, case, width, glued to neighbours, split, cut short), the
    /// corpus and the redaction sets.
    fn phrase_texts() -> Vec<String> {
        let mut texts: Vec<String> = crate::triage::builtin_corpus()
            .unwrap()
            .into_iter()
            .map(|e| e.text)
            .collect();
        for file in [
            include_str!("../../../../tests/data/redact_holdout.tsv"),
            include_str!("../../../../tests/data/human_holdout.tsv"),
        ] {
            texts.extend(file.lines().map(str::to_owned));
        }
        let phrases: Vec<&str> = LISTS.iter().flat_map(|l| l.iter().copied()).collect();
        let fullwidth = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '!'..='~' => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
                    c => c,
                })
                .collect()
        };
        for (i, p) in phrases.iter().enumerate() {
            let next = phrases.get(i + 1).copied().unwrap_or("otp");
            let mut cut = p.to_string();
            cut.pop();
            for t in [
                p.to_string(),
                p.to_uppercase(),
                fullwidth(p),
                format!("tolong {p}nya dong"),
                format!("{p}ku {next}"),
                format!("{p}mu, {next}s"),
                format!("{p}s!"),
                format!("x{p}"),
                format!("{p}x {next}"),
                format!("{p}'s {next}"),
                format!("{p}{next}"),
                format!("{}\t{next}", p.replace(' ', "\n")),
                p.replace(' ', "  "),
                p.replace(' ', "-"),
                format!("{cut} {next}"),
                format!("{next} {cut}"),
                format!("someone called {p} my OTP first to release {next}"),
                format!("İ {p} K {next}"),
            ] {
                texts.push(t);
            }
        }
        texts
    }

    #[test]
    fn words_find_the_lists_the_phrase_search_finds() {
        let texts = phrase_texts();
        assert!(texts.len() > 7_000, "{}", texts.len());
        let mut hits = [0usize; 12];
        for text in &texts {
            let oracle = Oracle::new(text);
            let words = Words::new(text);
            for (k, list) in LISTS.iter().enumerate() {
                let want = list.iter().any(|p| oracle.has(p));
                assert_eq!(words.any(1 << k), want, "list {k} in {text:?}");
                hits[k] += usize::from(want);
            }
        }
        assert!(hits.iter().all(|&h| h > 100), "{hits:?}");
    }

    #[test]
    fn any_scam_report_agrees_with_warnings() {
        let config = ScamConfig::default();
        let mut texts: Vec<String> = crate::triage::builtin_corpus()
            .unwrap()
            .into_iter()
            .map(|e| e.text)
            .collect();
        texts.extend(
            [
                "someone called asking for my PIN",
                "有人打电话让我提供验证码",
                "bayar biaya admin dulu supaya saldo cair",
                "go to gopay-promo.xyz",
                "see https://example.com",
                "OTP:482913",
                "https://www.gopay.co.id/help",
            ]
            .map(str::to_owned),
        );
        let mut reports = 0;
        for text in &texts {
            let want = warnings(text, &config)
                .iter()
                .any(|w| w.code.is_scam_report());
            assert_eq!(any_scam_report(text, &config), want, "{text}");
            reports += usize::from(want);
        }
        assert!(reports >= 4, "{reports}");
    }
}
