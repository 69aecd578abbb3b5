//! Measures `redact` on a labelled set generated here: every secret kind in
//! English, Indonesian and Chinese, written many ways (separators, no
//! spaces, full-width digits and colons, spaced digits, cues before and
//! after), mixed with what support needs left verbatim (amounts, order,
//! transaction and ticket numbers, dates, times, phone numbers).
//!
//! ```sh
//! cargo run --release --example redact_eval            # 30,000 messages
//! cargo run --release --example redact_eval -- 100000  # more
//! # A hand-written held-out set instead (see tests/data/README.md):
//! cargo run --release --example redact_eval -- --holdout tests/data/redact_holdout.tsv
//! ```
//!
//! It prints the share of secrets hidden (every letter or digit of the
//! secret inside a finding, and the secret nowhere in the redacted text),
//! the share of benign tokens left verbatim (no finding touches them), the
//! misses of each kind, and the throughput of `redact` with one message per
//! call. The set is deterministic (a fixed seed); the integration tests
//! assert the two shares on it.

// A test-data generator: its indexing is into fixed, non-empty tables.
#![allow(clippy::indexing_slicing)]

use std::fmt::Write as _;
use std::io::Write;
use std::time::Instant;

use walletcare::redact::{RedactPolicy, SecretKind, redact};
use walletcare::ticket::TicketNumber;

/// A deterministic generator (SplitMix64).
pub(crate) struct Rng(std::cell::Cell<u64>);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(std::cell::Cell::new(seed))
    }

    fn next(&self) -> u64 {
        self.0.set(self.0.get().wrapping_add(0x9E37_79B9_7F4A_7C15));
        let mut z = self.0.get();
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn digits(&self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

/// What a labelled span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Label {
    Secret(&'static str),
    Benign(&'static str),
    /// A phone number or an e-mail: left verbatim by the default policy,
    /// hidden when the policy asks for its kind (`--also phone,email`).
    Contact(&'static str),
}

/// A generated message and its labelled spans (byte ranges).
#[derive(Debug, Clone)]
pub(crate) struct Labelled {
    pub(crate) text: String,
    pub(crate) spans: Vec<(usize, usize, Label)>,
}

/// Builds a message from pieces, recording where the labelled ones go.
struct Builder {
    text: String,
    spans: Vec<(usize, usize, Label)>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            text: String::new(),
            spans: Vec::new(),
        }
    }

    fn plain(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self
    }

    fn span(&mut self, s: &str, label: Label) -> &mut Self {
        let start = self.text.len();
        self.text.push_str(s);
        self.spans.push((start, self.text.len(), label));
        self
    }

    fn done(&mut self) -> Labelled {
        Labelled {
            text: std::mem::take(&mut self.text),
            spans: std::mem::take(&mut self.spans),
        }
    }
}

fn luhn_complete(body: &str) -> String {
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

fn luhn_ok(d: &str) -> bool {
    let body = &d[..d.len() - 1];
    luhn_complete(body) == d
}

fn card(rng: &mut Rng) -> String {
    let (prefix, len): (String, usize) = match rng.below(8) {
        0 | 1 => ("4".into(), *rng.pick(&[16, 16, 16, 19])),
        2 => (format!("5{}", 1 + rng.below(5)), 16),
        3 => (format!("{}", 2221 + rng.below(500)), 16),
        4 => (rng.pick(&["34", "37"]).to_string(), 15),
        5 => (format!("{}", 3528 + rng.below(62)), 16),
        6 => ("62".into(), *rng.pick(&[16, 17, 18, 19])),
        _ => (rng.pick(&["6011", "65"]).to_string(), 16),
    };
    let body = format!("{prefix}{}", rng.digits(len - 1 - prefix.len()));
    luhn_complete(&body)
}

/// Writes a digit string in groups, the way people type card numbers.
fn grouped(rng: &mut Rng, d: &str) -> String {
    let sep = *rng.pick(&["", "", " ", " ", "-", ".", "  "]);
    if sep.is_empty() {
        return d.to_owned();
    }
    let sizes: &[usize] = if d.len() == 15 && rng.chance(70) {
        &[4, 6, 5]
    } else {
        &[4, 4, 4, 4, 4]
    };
    let mut out = String::new();
    let mut at = 0;
    for &s in sizes {
        if at >= d.len() {
            break;
        }
        let end = (at + s).min(d.len());
        if at > 0 {
            out.push_str(sep);
        }
        out.push_str(&d[at..end]);
        at = end;
    }
    if at < d.len() {
        out.push_str(sep);
        out.push_str(&d[at..]);
    }
    out
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | ':' => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

const NIK_PROVINCES: [u32; 12] = [11, 12, 13, 31, 32, 33, 34, 35, 36, 51, 61, 73];

fn nik(rng: &mut Rng) -> String {
    let day = 1 + rng.below(28) + if rng.chance(50) { 40 } else { 0 };
    format!(
        "{}{:02}{:02}{:02}{:02}{:02}{:04}",
        rng.pick(&NIK_PROVINCES),
        1 + rng.below(30),
        1 + rng.below(30),
        day,
        1 + rng.below(12),
        rng.below(100),
        1 + rng.below(9998)
    )
}

fn resident_id(rng: &mut Rng) -> String {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let body = format!(
        "{}{:02}{:02}{}{:02}{:02}{:03}",
        rng.pick(&[11, 31, 44, 51, 32, 33]),
        1 + rng.below(20),
        1 + rng.below(20),
        1950 + rng.below(60),
        1 + rng.below(12),
        1 + rng.below(28),
        rng.below(1000)
    );
    let sum: u32 = body
        .bytes()
        .zip(W)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    let check = if check == 'X' && rng.chance(30) {
        'x'
    } else {
        check
    };
    format!("{body}{check}")
}

fn plausible_nik(d: &str) -> bool {
    walletcare::redact::nik_plausible(d)
}

/// A 16-digit order number that is neither Luhn-valid nor a plausible NIK.
fn order16(rng: &mut Rng) -> String {
    loop {
        let d = format!("{}{}", 1 + rng.below(9), rng.digits(15));
        if !luhn_ok(&d) && !plausible_nik(&d) {
            return d;
        }
    }
}

fn spaced(rng: &mut Rng, d: &str) -> String {
    match rng.below(10) {
        0 => d.chars().map(String::from).collect::<Vec<_>>().join(" "),
        1 if d.len() == 6 => format!("{} {}", &d[..3], &d[3..]),
        2 => full_width(d),
        _ => d.to_owned(),
    }
}

fn password(rng: &mut Rng) -> String {
    let words = [
        "hunter", "budi", "sayang", "rahasia", "dragon", "mawar", "wang", "Jakarta", "qwerty",
        "P@ss",
    ];
    let mut p = rng.pick(&words).to_string();
    match rng.below(4) {
        0 => p.push_str(&rng.digits(1 + rng.below(4))),
        1 => {
            p.push_str(&rng.digits(2));
            p.push(*rng.pick(&['!', '@', '#', '$']));
        }
        2 => p = format!("{}{}", p.to_uppercase(), rng.digits(3)),
        _ => p = format!("{p}_{}", rng.digits(4)),
    }
    p
}

/// One secret with its cue, in `lang` (0 en, 1 id, 2 zh); the pieces go
/// into `b`.
fn secret(rng: &mut Rng, lang: usize, b: &mut Builder) {
    let colon = *rng.pick(&[" ", ": ", ":", "：", " : ", " "]);
    if rng.chance(30) {
        return secret_in_the_wild(rng, lang, b);
    }
    match rng.below(8) {
        0 => {
            let c = card(rng);
            let cue = *rng.pick(match lang {
                0 => &[
                    "my card is ",
                    "card number ",
                    "card: ",
                    "",
                    "here is my card ",
                ][..],
                1 => &[
                    "kartu saya ",
                    "no kartu ",
                    "nomor kartu kredit ",
                    "",
                    "kartu ",
                ][..],
                _ => &["卡号", "我的卡号是", "银行卡号 ", "", "信用卡 "][..],
            });
            b.plain(cue).span(&grouped(rng, &c), Label::Secret("card"));
            if rng.chance(30) {
                let cvv = rng.digits(if c.starts_with('3') && c.len() == 15 {
                    4
                } else {
                    3
                });
                b.plain(match lang {
                    0 => " cvv ",
                    1 => " cvv nya ",
                    _ => " 安全码",
                })
                .span(&cvv, Label::Secret("cvv"));
            }
        }
        1 => {
            let cvv = rng.digits(3 + usize::from(rng.chance(15)));
            let cue = *rng.pick(match lang {
                0 => &["cvv", "CVV", "cvc", "CVV2", "security code", "the cvv is"][..],
                1 => &["cvv", "CVV nya", "kode keamanan", "kode cvv", "cvc"][..],
                _ => &["安全码", "cvv码", "CVV", "卡背面三位", "安全码是"][..],
            });
            b.plain(cue).plain(colon).span(&cvv, Label::Secret("cvv"));
        }
        2 => {
            let otp = rng.digits(*rng.pick(&[4, 6, 6, 6, 8]));
            let shown = spaced(rng, &otp);
            if rng.chance(15) {
                let after = *rng.pick(match lang {
                    0 => &[" is my otp", " is the code", " (OTP)"][..],
                    1 => &[" itu kode otp nya", " adalah kode OTP", " kode otp saya"][..],
                    _ => &["是验证码", "是我的验证码", " 是验证码"][..],
                });
                b.span(&shown, Label::Secret("otp")).plain(after);
            } else {
                let cue = *rng.pick(match lang {
                    0 => &[
                        "OTP",
                        "otp",
                        "my OTP is",
                        "verification code",
                        "the code is",
                        "code",
                        "one-time password",
                        "OTP code",
                    ][..],
                    1 => &[
                        "kode OTP",
                        "kode otp nya",
                        "OTP nya",
                        "kode verifikasi",
                        "kodenya",
                        "otp saya",
                        "KODE OTP",
                        "kode otp yg masuk",
                    ][..],
                    _ => &[
                        "验证码",
                        "验证码是",
                        "短信验证码",
                        "动态码",
                        "我的验证码是",
                        "验证码：",
                    ][..],
                });
                b.plain(cue).plain(colon).span(&shown, Label::Secret("otp"));
            }
        }
        3 => {
            let pin = rng.digits(*rng.pick(&[4, 6, 6, 6]));
            let shown = spaced(rng, &pin);
            let cue = *rng.pick(match lang {
                0 => &["my pin is", "PIN", "pin:", "atm pin", "my PIN", "pin code"][..],
                1 => &[
                    "pin saya",
                    "PIN ATM",
                    "pinnya",
                    "pin ku",
                    "PIN saya adalah",
                    "pin",
                ][..],
                _ => &["支付密码", "支付密码是", "交易密码", "取款密码是", "PIN码"][..],
            });
            b.plain(cue).plain(colon).span(&shown, Label::Secret("pin"));
        }
        4 => {
            let pw = password(rng);
            let cue = *rng.pick(match lang {
                0 => &[
                    "pw: ",
                    "password: ",
                    "my password is ",
                    "pass: ",
                    "password = ",
                    "pwd ",
                ][..],
                1 => &[
                    "sandi saya ",
                    "kata sandi: ",
                    "password nya ",
                    "passwordnya ",
                    "pw ",
                    "password saya ",
                ][..],
                _ => &[
                    "密码：",
                    "密码是",
                    "登录密码 ",
                    "我的密码是",
                    "密码:",
                    "密码",
                ][..],
            });
            b.plain(cue).span(&pw, Label::Secret("password"));
        }
        5 => {
            let n = nik(rng);
            let cue = *rng.pick(match lang {
                0 => &["my NIK is ", "NIK ", "ID number ", ""][..],
                1 => &["NIK saya ", "no KTP ", "nik: ", "", "KTP "][..],
                _ => &["NIK ", "印尼身份证 ", ""][..],
            });
            let shown = if rng.chance(20) { grouped(rng, &n) } else { n };
            b.plain(cue).span(&shown, Label::Secret("nik"));
        }
        6 => {
            let id = resident_id(rng);
            let cue = *rng.pick(match lang {
                0 => &["my ID card ", "resident id ", ""][..],
                1 => &["KTP China ", ""][..],
                _ => &["身份证号", "身份证号码是", "我的身份证 ", "", "证件号："][..],
            });
            b.plain(cue).span(&id, Label::Secret("resident_id"));
        }
        _ => {
            // Cue run into the value, no spaces at all.
            let otp = rng.digits(6);
            let cue = *rng.pick(match lang {
                0 => &["OTP", "code:", "PIN"][..],
                1 => &["kodeotp", "OTP:", "pin:"][..],
                _ => &["验证码", "密码", "支付密码"][..],
            });
            let label = if cue.contains("PIN") || cue.contains("pin") || cue.contains("密码") {
                if cue == "密码" {
                    Label::Secret("password")
                } else {
                    Label::Secret("pin")
                }
            } else {
                Label::Secret("otp")
            };
            b.plain(cue).span(&otp, label);
        }
    }
}

/// A digit string written the ways people actually type codes: "482 913",
/// "482-913", "482.913", full-width "４８２９１３", one digit at a time,
/// in quotes.
fn code_written(rng: &mut Rng, d: &str) -> String {
    let half = d.len() / 2;
    // Three- and four-digit codes are not split in halves ("67.08" is an
    // amount): plain, full-width or one digit at a time.
    let variant = if d.len() < 6 {
        *rng.pick(&[3, 4, 6, 6])
    } else {
        rng.below(7)
    };
    match variant {
        0 => format!("{} {}", &d[..half], &d[half..]),
        1 => format!("{}-{}", &d[..half], &d[half..]),
        2 => format!("{}.{}", &d[..half], &d[half..]),
        3 => full_width(d),
        4 => d.chars().map(String::from).collect::<Vec<_>>().join(" "),
        5 => format!("{} {}", full_width(&d[..half]), full_width(&d[half..])),
        _ => d.to_owned(),
    }
}

/// A card number with mixed separators ("4111 1111-1111 1111"), or
/// full-width digits.
fn card_written(rng: &mut Rng, d: &str) -> String {
    if rng.chance(25) {
        return full_width(&grouped(rng, d));
    }
    let mut out = String::new();
    for (i, chunk) in d.as_bytes().chunks(4).enumerate() {
        if i > 0 {
            out.push_str(rng.pick::<&str>(&[" ", "-", " - ", ".", " "]));
        }
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
    }
    out
}

/// Secrets inside longer, messier sentences: codes with separators, cards
/// with mixed separators, CVVs after their many names, PINs in Chinese
/// numerals, passwords in quotes, identity numbers mid-sentence.
fn secret_in_the_wild(rng: &mut Rng, lang: usize, b: &mut Builder) {
    match rng.below(7) {
        0 => {
            let otp = rng.digits(*rng.pick(&[6, 6, 4, 8]));
            let (before, after) = *rng.pick(match lang {
                0 => &[
                    ("I got the OTP ", " but it says expired"),
                    ("the verification code they sent is ", ", is that normal?"),
                    ("OTP: ", " (sorry if I shouldn't share it)"),
                    ("someone called and I gave them code ", " :("),
                ][..],
                1 => &[
                    ("kode OTP nya ", " tapi katanya salah terus"),
                    ("tadi dapet sms kode verifikasi ", " itu apa ya"),
                    ("otp: ", " kak"),
                    ("sudah saya kasih kode otp ", " ke orang yg ngaku cs"),
                ][..],
                _ => &[
                    ("收到的验证码是", "，但是提示错误"),
                    ("验证码：", "，请尽快处理"),
                    ("刚才把验证码", "告诉了自称客服的人"),
                    ("短信验证码 ", " 一直用不了"),
                ][..],
            });
            b.plain(before)
                .span(&code_written(rng, &otp), Label::Secret("otp"))
                .plain(after);
        }
        1 => {
            let c = card(rng);
            let (before, after) = *rng.pick(match lang {
                0 => &[
                    ("my card ", " was charged twice"),
                    ("the card number is ", " exp 12/28"),
                    ("card ", " got blocked"),
                ][..],
                1 => &[
                    ("kartu kredit saya ", " kepotong 2x"),
                    ("no kartunya ", " tolong dicek"),
                    ("kartu ", " diblokir"),
                ][..],
                _ => &[
                    ("我的卡号", "被扣了两次"),
                    ("信用卡 ", " 被冻结了"),
                    ("卡号是", "，请帮我查"),
                ][..],
            });
            b.plain(before)
                .span(&card_written(rng, &c), Label::Secret("card"))
                .plain(after);
        }
        2 => {
            let cvv = rng.digits(3 + usize::from(rng.chance(10)));
            let cue = *rng.pick(match lang {
                0 => &[
                    "cvv:",
                    "CVV: ",
                    "cvv/cvc ",
                    "the 3 digits on the back are ",
                    "security code: ",
                ][..],
                1 => &[
                    "cvv:",
                    "kode keamanan ",
                    "kode keamanan: ",
                    "3 angka di belakang kartu ",
                    "cvv nya ",
                ][..],
                _ => &[
                    "安全码:",
                    "安全码：",
                    "卡背面的安全码是",
                    "CVV：",
                    "安全码 ",
                ][..],
            });
            b.plain(cue)
                .span(&code_written(rng, &cvv), Label::Secret("cvv"));
        }
        3 => {
            let pin = rng.digits(6);
            if lang == 2 && rng.chance(50) {
                // Chinese numerals: 一二三四五六.
                let words: String = pin
                    .bytes()
                    .map(|d| {
                        ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
                            [usize::from(d - b'0')]
                    })
                    .collect();
                b.plain(rng.pick::<&str>(&["支付密码是", "我的支付密码", "取款密码："]))
                    .span(&words, Label::Secret("pin"));
            } else {
                let cue = *rng.pick(match lang {
                    0 => &["my pin is ", "PIN: ", "I changed my PIN to "][..],
                    1 => &["pin saya ", "PIN: ", "pin atm nya "][..],
                    _ => &["支付密码是", "PIN码：", "交易密码 "][..],
                });
                b.plain(cue)
                    .span(&code_written(rng, &pin), Label::Secret("pin"));
            }
        }
        4 => {
            let pw = password(rng);
            let (open, close) = *rng.pick(&[
                ("\"", "\""),
                ("'", "'"),
                ("“", "”"),
                ("「", "」"),
                ("`", "`"),
            ]);
            let cue = *rng.pick(match lang {
                0 => &["my password is ", "password: ", "pw "][..],
                1 => &["password saya ", "sandi: ", "kata sandinya "][..],
                _ => &["密码是", "登录密码：", "我的密码"][..],
            });
            b.plain(cue)
                .plain(open)
                .span(&pw, Label::Secret("password"))
                .plain(close);
        }
        5 => {
            let n = nik(rng);
            let (before, after) = *rng.pick(match lang {
                0 => &[
                    ("I uploaded my KTP, the NIK is ", " but verification failed"),
                    ("verification keeps failing for NIK ", " please help"),
                ][..],
                1 => &[
                    (
                        "udah upload KTP dengan NIK ",
                        " tapi verifikasi gagal terus",
                    ),
                    ("ini NIK saya ", " buat verifikasi ya kak"),
                    ("data KTP: ", " atas nama Budi"),
                ][..],
                _ => &[("我的印尼身份证NIK是", "，认证失败"), ("NIK ", " 认证不了")][..],
            });
            b.plain(before).span(&n, Label::Secret("nik")).plain(after);
        }
        _ => {
            let id = resident_id(rng);
            let (before, after) = *rng.pick(match lang {
                0 => &[
                    ("my Chinese ID is ", " and the name check fails"),
                    ("ID ", " cannot be verified"),
                ][..],
                1 => &[
                    ("nomor KTP China saya ", " gagal verifikasi"),
                    ("ID ", " tidak bisa diverifikasi"),
                ][..],
                _ => &[
                    ("我已经上传了身份证，号码是", "，但是实名认证一直失败"),
                    ("实名认证用的身份证", "提示不通过"),
                    ("身份证号 ", " 认证失败，怎么办"),
                ][..],
            });
            b.plain(before)
                .span(&id, Label::Secret("resident_id"))
                .plain(after);
        }
    }
}

/// Benign tokens that look like secrets: amounts and references written
/// like codes ("Rp 482.913", "kode booking 482913"), payment codes,
/// dotted dates and times.
fn benign_lookalike(rng: &mut Rng, lang: usize, b: &mut Builder) {
    match rng.below(5) {
        0 => {
            let amount = match rng.below(3) {
                0 => format!("Rp {}.{:03}", 10 + rng.below(990), rng.below(1000)),
                1 => format!("Rp{}.{:03}", 10 + rng.below(990), rng.below(1000)),
                _ => format!("{}.{:03} rupiah", 10 + rng.below(990), rng.below(1000)),
            };
            let lead = *rng.pick(match lang {
                0 => &["they took ", "I topped up "][..],
                1 => &["kepotong ", "sudah top up "][..],
                _ => &["扣了", "充值了"][..],
            });
            b.plain(lead).span(&amount, Label::Benign("amount"));
        }
        1 => {
            let code = match rng.below(3) {
                0 => rng.digits(6),
                1 => format!("{}{}", ["AB", "QX", "GJ"][rng.below(3)], rng.digits(4)),
                _ => rng.digits(8),
            };
            let lead = *rng.pick(match lang {
                0 => &["booking code ", "order no. ", "promo code "][..],
                1 => &["kode booking ", "no pesanan ", "kode promo "][..],
                _ => &["订单号", "预订码 ", "优惠码"][..],
            });
            b.plain(lead).span(&code, Label::Benign("order"));
        }
        2 => {
            let va = format!("8808{}", rng.digits(8 + rng.below(5)));
            let lead = *rng.pick(match lang {
                0 => &["payment code ", "transaction ref "][..],
                1 => &["kode pembayaran ", "no transaksi "][..],
                _ => &["交易号", "流水号 "][..],
            });
            b.plain(lead).span(&va, Label::Benign("transaction"));
        }
        3 => {
            let (d, m, y) = (1 + rng.below(28), 1 + rng.below(12), 2025 + rng.below(2));
            let date = match rng.below(3) {
                0 => format!("{d:02}.{m:02}.{y}"),
                1 => format!("{y}年{m}月{d}日"),
                _ => format!("{d:02}/{m:02}"),
            };
            let lead = *rng.pick(match lang {
                0 => &["on ", "since "][..],
                1 => &["tgl ", "sejak "][..],
                _ => &["", "从"][..],
            });
            b.plain(lead).span(&date, Label::Benign("date"));
        }
        _ => {
            let (h, m) = (rng.below(24), rng.below(60));
            let time = format!("{h:02}.{m:02}");
            let lead = *rng.pick(match lang {
                0 => &["at "][..],
                1 => &["jam ", "pukul "][..],
                _ => &["晚上", ""][..],
            });
            b.plain(lead).span(&time, Label::Benign("time"));
        }
    }
}

/// A phone number or an e-mail address: kept by the default policy,
/// hidden under `--also phone,email`.
fn contact(rng: &mut Rng, lang: usize, b: &mut Builder) {
    if rng.chance(50) {
        let user = *rng.pick(&[
            "budi.santoso",
            "wang.li88",
            "siti_r",
            "andi2026",
            "lei.chen",
        ]);
        let host = *rng.pick(&[
            "gmail.com",
            "yahoo.co.id",
            "qq.com",
            "163.com",
            "outlook.com",
        ]);
        let lead = *rng.pick(match lang {
            0 => &["email me at ", "my email is "][..],
            1 => &["email saya ", "kirim ke "][..],
            _ => &["邮箱", "我的邮箱是"][..],
        });
        b.plain(lead)
            .span(&format!("{user}@{host}"), Label::Contact("email"));
    } else {
        let phone = match rng.below(4) {
            0 => format!("08{}-{}-{}", rng.digits(2), rng.digits(4), rng.digits(4)),
            1 => format!("+62 8{} {} {}", rng.digits(2), rng.digits(4), rng.digits(4)),
            2 => format!("08{}", rng.digits(10)),
            _ => format!("1{}{}", 3 + rng.below(7), rng.digits(9)),
        };
        let lead = *rng.pick(match lang {
            0 => &["call me at ", "my number is "][..],
            1 => &["hp saya ", "wa ke "][..],
            _ => &["手机号", "联系电话 "][..],
        });
        b.plain(lead).span(&phone, Label::Contact("phone"));
    }
}

fn ticket_number(rng: &mut Rng) -> String {
    let date =
        chrono::NaiveDate::from_ymd_opt(2026, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32)
            .unwrap_or_default();
    TicketNumber::new(date, 1 + rng.below(999_999) as u64)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// One benign token with its lead-in, in `lang`.
fn benign(rng: &mut Rng, lang: usize, b: &mut Builder) {
    if rng.chance(20) {
        return benign_lookalike(rng, lang, b);
    }
    if rng.chance(8) {
        return contact(rng, lang, b);
    }
    match rng.below(9) {
        0 => {
            let amount = match rng.below(9) {
                0 => format!("Rp {}.000", 1 + rng.below(999)),
                1 => format!("Rp{}.{:03}.000", 1 + rng.below(20), rng.below(1000)),
                2 => format!("{}rb", 5 + rng.below(500)),
                3 => format!("IDR {}", 10_000 + rng.below(990_000)),
                4 => format!("${}.{:02}", 1 + rng.below(500), rng.below(100)),
                5 => format!("¥{}", 1 + rng.below(5000)),
                6 => format!("{}元", 1 + rng.below(50000)),
                7 => format!("Rp {}", 10_000 + rng.below(990_000)),
                _ => format!(
                    "{},{:03}.{:02} USD",
                    1 + rng.below(99),
                    rng.below(1000),
                    rng.below(100)
                ),
            };
            let lead = *rng.pick(match lang {
                0 => &["I paid ", "charged ", "refund of ", "lost "][..],
                1 => &["saldo kepotong ", "sudah bayar ", "refund ", "hilang "][..],
                _ => &["扣了", "付了", "退款", "少了"][..],
            });
            b.plain(lead).span(&amount, Label::Benign("amount"));
        }
        1 => {
            let order = match rng.below(6) {
                0 => order16(rng),
                1 => format!(
                    "INV/2026{:02}{:02}/XYZ/{}",
                    1 + rng.below(12),
                    1 + rng.below(28),
                    rng.digits(3)
                ),
                2 => format!("TRX{}", rng.digits(12)),
                3 => rng.digits(10 + rng.below(4)),
                4 => format!("{}{}", 1 + rng.below(9), rng.digits(7)),
                _ => format!("ORD-{}", rng.digits(8)),
            };
            let lead = *rng.pick(match lang {
                0 => &["order ", "order no. ", "order #", "for order "][..],
                1 => &["pesanan ", "no pesanan ", "order ", "nomor pesanan: "][..],
                _ => &["订单号", "订单号：", "订单 ", "单号"][..],
            });
            b.plain(lead).span(&order, Label::Benign("order"));
        }
        2 => {
            let trx = match rng.below(4) {
                0 => format!(
                    "2026{:02}{:02}22001{}",
                    1 + rng.below(12),
                    1 + rng.below(28),
                    rng.digits(15)
                ),
                1 => format!(
                    "TRX-2026{:02}{:02}-{}",
                    1 + rng.below(12),
                    1 + rng.below(28),
                    rng.digits(6)
                ),
                2 => order16(rng),
                _ => format!("GP{}", rng.digits(14)),
            };
            let lead = *rng.pick(match lang {
                0 => &["transaction ", "txn id ", "transaction ID: ", "ref "][..],
                1 => &["transaksi ", "id transaksi ", "no transaksi ", "ref "][..],
                _ => &["交易号", "交易单号 ", "流水号：", "交易号是"][..],
            });
            b.plain(lead).span(&trx, Label::Benign("transaction"));
        }
        3 => {
            let t = ticket_number(rng);
            let lead = *rng.pick(match lang {
                0 => &["ticket ", "my ticket ", "re: "][..],
                1 => &["tiket ", "nomor tiket ", "laporan "][..],
                _ => &["工单 ", "工单号", "投诉单 "][..],
            });
            b.plain(lead).span(&t, Label::Benign("ticket"));
        }
        4 => {
            let (d, m, y) = (1 + rng.below(28), 1 + rng.below(12), 2024 + rng.below(3));
            let date = match rng.below(5) {
                0 => format!("{d:02}/{m:02}/{y}"),
                1 => format!("{y}-{m:02}-{d:02}"),
                2 => format!("{m}月{d}日"),
                3 => format!("{d} Nov {y}"),
                _ => format!("{d}-{m}-{y}"),
            };
            let lead = *rng.pick(match lang {
                0 => &["on ", "since ", "date "][..],
                1 => &["tanggal ", "tgl ", "sejak "][..],
                _ => &["", "日期 ", "在"][..],
            });
            b.plain(lead).span(&date, Label::Benign("date"));
        }
        5 => {
            let (h, m) = (rng.below(24), rng.below(60));
            let time = match rng.below(4) {
                0 => format!("{h:02}:{m:02}"),
                1 => format!("{h}.{m:02}"),
                2 => format!("{h}:{m:02} WIB"),
                _ => format!("{h}点{m}分"),
            };
            let lead = *rng.pick(match lang {
                0 => &["at ", "around "][..],
                1 => &["jam ", "pukul "][..],
                _ => &["", "下午"][..],
            });
            b.plain(lead).span(&time, Label::Benign("time"));
        }
        6 => {
            let phone = match rng.below(5) {
                0 => format!("08{}-{}-{}", rng.digits(2), rng.digits(4), rng.digits(4)),
                1 => format!("+62 8{} {} {}", rng.digits(2), rng.digits(4), rng.digits(4)),
                2 => format!("08{}", rng.digits(10)),
                3 => format!("1{}{}", 3 + rng.below(7), rng.digits(9)),
                _ => format!(
                    "+86 13{} {} {}",
                    rng.digits(1),
                    rng.digits(4),
                    rng.digits(4)
                ),
            };
            let lead = *rng.pick(match lang {
                0 => &["call me at ", "my number ", "phone "][..],
                1 => &["hp saya ", "no hp ", "wa "][..],
                _ => &["手机号", "电话 ", "联系我"][..],
            });
            b.plain(lead).span(&phone, Label::Benign("phone"));
        }
        7 => {
            let n = match rng.below(3) {
                0 => format!("{}", 2 + rng.below(30)),
                1 => format!("{}x", 2 + rng.below(5)),
                _ => format!("{} menit", 5 + rng.below(50)),
            };
            let lead = *rng.pick(match lang {
                0 => &["otp failed ", "waited "][..],
                1 => &["kode otp gagal ", "sudah tunggu "][..],
                _ => &["验证码失败", "等了"][..],
            });
            b.plain(lead).span(&n, Label::Benign("count"));
        }
        _ => {
            let code = format!("{}", 400 + rng.below(200));
            let lead = *rng.pick(match lang {
                0 => &["error code ", "error "][..],
                1 => &["kode error ", "error "][..],
                _ => &["错误码", "错误代码 "][..],
            });
            b.plain(lead).span(&code, Label::Benign("error_code"));
        }
    }
}

const OPENERS: [&[&str]; 3] = [
    &[
        "hi, ",
        "help! ",
        "",
        "hello cs, ",
        "please help ",
        "urgent: ",
    ],
    &[
        "min tolong ",
        "kak, ",
        "",
        "halo cs ",
        "tolong dong ",
        "gan ",
    ],
    &["你好，", "客服，", "", "请帮忙，", "急！"],
];

const JOINERS: [&[&str]; 3] = [
    &[", ", " and ", ". ", " - ", " "],
    &[", ", " dan ", ". ", " terus ", " "],
    &["，", "。", "，还有", " ", "；"],
];

const CLOSERS: [&[&str]; 3] = [
    &["", " thanks", " please check", "!!", " asap"],
    &["", " makasih", " tolong dicek", " cepat ya", "!!"],
    &["", "谢谢", "，麻烦看一下", "！", "，急"],
];

/// The labelled set: `count` messages from `seed`.
pub(crate) fn generate(seed: u64, count: usize) -> Vec<Labelled> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|_| {
            let lang = rng.below(3);
            let mut b = Builder::new();
            b.plain(rng.pick::<&str>(OPENERS[lang]));
            let parts = 1 + rng.below(3);
            let with_secret = rng.chance(70);
            let secret_at = rng.below(parts);
            for p in 0..parts {
                if p > 0 {
                    b.plain(rng.pick::<&str>(JOINERS[lang]));
                }
                if with_secret && p == secret_at {
                    secret(&mut rng, lang, &mut b);
                } else {
                    benign(&mut rng, lang, &mut b);
                }
            }
            b.plain(rng.pick::<&str>(CLOSERS[lang]));
            b.done()
        })
        .collect()
}

/// The measured shares, and the misses by label.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub(crate) secrets: usize,
    pub(crate) hidden: usize,
    pub(crate) benign: usize,
    pub(crate) verbatim: usize,
    pub(crate) misses: std::collections::BTreeMap<Label, (usize, usize, Vec<String>)>,
    /// Secrets hidden by findings of their own kind only.
    pub(crate) right_kind: usize,
    /// Findings whose character span does not match their byte span.
    pub(crate) bad_spans: usize,
}

impl Report {
    pub(crate) fn hidden_share(&self) -> f64 {
        self.hidden as f64 / self.secrets.max(1) as f64
    }

    pub(crate) fn verbatim_share(&self) -> f64 {
        self.verbatim as f64 / self.benign.max(1) as f64
    }
}

/// Redacts every message with the default policy and scores it.
pub(crate) fn evaluate(set: &[Labelled]) -> Report {
    evaluate_with(set, &RedactPolicy::default())
}

/// Redacts every message with `policy` and scores it: phone numbers,
/// e-mails and bank accounts count as secrets when the policy hides their
/// kind, as benign tokens otherwise.
pub(crate) fn evaluate_with(set: &[Labelled], policy: &RedactPolicy) -> Report {
    evaluate_examples(set, policy, 5)
}

/// The secret kind a label names, if it names one.
fn kind_of(label: &str) -> Option<SecretKind> {
    Some(match label {
        "card" => SecretKind::CardNumber,
        "cvv" => SecretKind::Cvv,
        "otp" => SecretKind::OneTimeCode,
        "pin" => SecretKind::Pin,
        "password" => SecretKind::Password,
        "nik" => SecretKind::Nik,
        "resident_id" => SecretKind::ResidentId,
        "phone" => SecretKind::Phone,
        "email" => SecretKind::Email,
        "bank_account" => SecretKind::BankAccount,
        _ => return None,
    })
}

/// [`evaluate_with`], keeping up to `examples` misses of each label.
pub(crate) fn evaluate_examples(
    set: &[Labelled],
    policy: &RedactPolicy,
    examples: usize,
) -> Report {
    let mut report = Report::default();
    for m in set {
        let r = redact(&m.text, policy);
        for f in &r.findings {
            let chars = |b: usize| m.text.get(..b).map(|s| s.chars().count());
            if chars(f.start) != Some(f.char_start) || chars(f.end) != Some(f.char_end) {
                report.bad_spans += 1;
            }
        }
        for &(start, end, label) in &m.spans {
            let entry = report.misses.entry(label).or_default();
            entry.0 += 1;
            let hidden_by_policy = match label {
                Label::Contact(name) => kind_of(name).is_some_and(|k| policy.contains(k)),
                _ => false,
            };
            let is_secret = matches!(label, Label::Secret(_)) || hidden_by_policy;
            let ok = if is_secret {
                report.secrets += 1;
                let secret = &m.text[start..end];
                let covering = |i: usize| r.findings.iter().find(|f| f.start <= i && i < f.end);
                let covered = m.text[start..end]
                    .char_indices()
                    .all(|(i, c)| !c.is_alphanumeric() || covering(start + i).is_some());
                // A short secret may also occur by chance in benign text.
                let ok = covered && (secret.len() < 8 || !r.redacted.contains(secret));
                report.hidden += usize::from(ok);
                let name = match label {
                    Label::Secret(n) | Label::Contact(n) | Label::Benign(n) => n,
                };
                let right_kind = kind_of(name).is_some_and(|k| {
                    m.text[start..end].char_indices().all(|(i, c)| {
                        !c.is_alphanumeric() || covering(start + i).is_some_and(|f| f.kind == k)
                    })
                });
                report.right_kind += usize::from(ok && right_kind);
                ok
            } else {
                report.benign += 1;
                let ok = !r.findings.iter().any(|f| f.start < end && start < f.end);
                report.verbatim += usize::from(ok);
                ok
            };
            if !ok {
                entry.1 += 1;
                if entry.2.len() < examples {
                    entry.2.push(format!("{:?} -> {:?}", m.text, r.redacted));
                }
            }
        }
    }
    report
}

/// One message of a hand-written held-out set: its language, the message
/// with its labelled spans, and the scam or link warnings it should raise.
#[derive(Debug, Clone)]
pub(crate) struct HeldOut {
    pub(crate) lang: String,
    pub(crate) message: Labelled,
    pub(crate) warnings: Vec<String>,
}

/// The label names a held-out file may use, as static strings.
fn static_label(kind: &str, secret: bool) -> Result<Label, String> {
    const SECRETS: [&str; 7] = [
        "card",
        "cvv",
        "otp",
        "pin",
        "password",
        "nik",
        "resident_id",
    ];
    const CONTACTS: [&str; 3] = ["phone", "email", "bank_account"];
    const BENIGN: [&str; 10] = [
        "amount", "order", "txn", "ticket", "date", "time", "tracking", "version", "count", "code",
    ];
    let name = match kind {
        "rid" => "resident_id",
        "bank" => "bank_account",
        other => other,
    };
    let find = |list: &[&'static str]| list.iter().copied().find(|&n| n == name);
    if secret {
        if let Some(n) = find(&SECRETS) {
            return Ok(Label::Secret(n));
        }
        if let Some(n) = find(&CONTACTS) {
            return Ok(Label::Contact(n));
        }
    } else if let Some(n) = find(&BENIGN) {
        return Ok(Label::Benign(n));
    }
    Err(format!("unknown label {kind:?}"))
}

/// Reads a held-out set (see `tests/data/redact_holdout.tsv`): one message
/// per line, `language<TAB>warnings<TAB>message`, `#` comments, secrets
/// marked `[[kind|...]]`, verbatim tokens `{{label|...}}`, `\n` for a line
/// break.
pub(crate) fn parse_holdout(file: &str) -> Result<Vec<HeldOut>, String> {
    let mut out = Vec::new();
    for (n, line) in file.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let at = |e: String| format!("line {}: {e}", n + 1);
        let mut cols = line.splitn(3, '\t');
        let (Some(lang), Some(warn), Some(marked)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(at("expected three tab-separated columns".into()));
        };
        let marked = marked.replace("\\n", "\n");
        let mut b = Builder::new();
        let mut rest = marked.as_str();
        while let Some(open) = rest.find(['[', '{']) {
            let (pre, tail) = rest.split_at(open);
            let (open_mark, close_mark, secret) = if tail.starts_with("[[") {
                ("[[", "]]", true)
            } else if tail.starts_with("{{") {
                ("{{", "}}", false)
            } else {
                b.plain(&rest[..open + 1]);
                rest = &rest[open + 1..];
                continue;
            };
            b.plain(pre);
            let body = &tail[open_mark.len()..];
            let close = body
                .find(close_mark)
                .ok_or_else(|| at(format!("unclosed {open_mark}")))?;
            let (kind, value) = body[..close]
                .split_once('|')
                .ok_or_else(|| at("expected kind|value".into()))?;
            b.span(value, static_label(kind, secret).map_err(at)?);
            rest = &body[close + close_mark.len()..];
        }
        b.plain(rest);
        let warnings = if warn == "-" {
            Vec::new()
        } else {
            warn.split(',').map(|w| w.trim().to_owned()).collect()
        };
        out.push(HeldOut {
            lang: lang.to_owned(),
            message: b.done(),
            warnings,
        });
    }
    Ok(out)
}

/// How the scam and link warnings did on a held-out set: for each
/// expected code, (expected, raised); and the messages with a code raised
/// that was not expected.
#[derive(Debug, Default)]
pub(crate) struct WarningReport {
    pub(crate) by_code: std::collections::BTreeMap<String, (usize, usize)>,
    pub(crate) misses: Vec<String>,
    pub(crate) false_alarms: Vec<String>,
}

impl WarningReport {
    pub(crate) fn expected(&self) -> usize {
        self.by_code.values().map(|v| v.0).sum()
    }

    pub(crate) fn raised(&self) -> usize {
        self.by_code.values().map(|v| v.1).sum()
    }
}

/// Scores the warnings on `set` against the default allow-list
/// (`sharing_secret` is left out: it follows from the secrets).
pub(crate) fn evaluate_warnings(set: &[HeldOut]) -> WarningReport {
    let config = walletcare::redact::ScamConfig::default();
    let mut report = WarningReport::default();
    for m in set {
        let got: Vec<String> = walletcare::redact::warnings(&m.message.text, &config)
            .into_iter()
            .map(|w| w.code.as_str().to_owned())
            .filter(|c| c != "sharing_secret")
            .collect();
        for want in &m.warnings {
            let entry = report.by_code.entry(want.clone()).or_default();
            entry.0 += 1;
            if got.contains(want) {
                entry.1 += 1;
            } else {
                report
                    .misses
                    .push(format!("{want}: {:?} -> {got:?}", m.message.text));
            }
        }
        let extra: Vec<&String> = got.iter().filter(|g| !m.warnings.contains(g)).collect();
        if !extra.is_empty() {
            report
                .false_alarms
                .push(format!("{:?} -> {extra:?}", m.message.text));
        }
    }
    report
}

fn write_report(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(
        out,
        "secrets hidden: {:.3}% ({} of {})",
        report.hidden_share() * 100.0,
        report.hidden,
        report.secrets
    )?;
    writeln!(
        out,
        "benign tokens verbatim: {:.3}% ({} of {})",
        report.verbatim_share() * 100.0,
        report.verbatim,
        report.benign
    )?;
    writeln!(
        out,
        "secrets hidden as their own kind: {} of {}; findings with a wrong char span: {}",
        report.right_kind, report.secrets, report.bad_spans
    )?;
    for (label, (n, missed, examples)) in &report.misses {
        writeln!(out, "  {label:?}: {missed} missed of {n}")?;
        for e in examples {
            writeln!(out, "      {e}")?;
        }
    }
    Ok(())
}

/// Scores a hand-written held-out set (`--holdout PATH`).
fn holdout(path: &str) -> Result<String, Box<dyn std::error::Error>> {
    let set = parse_holdout(&std::fs::read_to_string(path)?)?;
    let messages: Vec<Labelled> = set.iter().map(|h| h.message.clone()).collect();
    let mut out = String::new();
    let mut langs: Vec<&str> = set.iter().map(|h| h.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    let per_lang: Vec<String> = langs
        .iter()
        .map(|l| format!("{l} {}", set.iter().filter(|h| h.lang == *l).count()))
        .collect();
    writeln!(
        out,
        "held-out set {path}: {} messages ({})",
        set.len(),
        per_lang.join(", ")
    )?;
    writeln!(
        out,
        "default policy (phone numbers, e-mails and bank accounts kept):"
    )?;
    write_report(
        &mut out,
        &evaluate_examples(&messages, &RedactPolicy::default(), usize::MAX),
    )?;
    let widened = RedactPolicy::default().also("phone,email,bank_account")?;
    writeln!(out, "policy widened with --also phone,email,bank_account:")?;
    write_report(
        &mut out,
        &evaluate_examples(&messages, &widened, usize::MAX),
    )?;
    let w = evaluate_warnings(&set);
    writeln!(
        out,
        "scam and link warnings raised: {} of {} expected; messages with an unexpected warning: {} of {}",
        w.raised(),
        w.expected(),
        w.false_alarms.len(),
        set.len()
    )?;
    for (code, (expected, raised)) in &w.by_code {
        writeln!(out, "  {code}: {raised} of {expected}")?;
    }
    for m in &w.misses {
        writeln!(out, "  missed {m}")?;
    }
    for m in &w.false_alarms {
        writeln!(out, "  unexpected {m}")?;
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, path] = args.as_slice()
        && flag == "--holdout"
    {
        std::io::stdout().write_all(holdout(path)?.as_bytes())?;
        return Ok(());
    }
    let count: usize = args
        .first()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(30_000);
    let set = generate(14, count);
    let mut out = String::new();
    writeln!(out, "labelled set: {count} messages (seed 14), en/id/zh")?;
    writeln!(out, "default policy (phone numbers and e-mails kept):")?;
    write_report(&mut out, &evaluate(&set))?;
    let widened = RedactPolicy::default().also("phone,email")?;
    writeln!(out, "policy widened with --also phone,email:")?;
    write_report(&mut out, &evaluate_with(&set, &widened))?;
    // Throughput: one message per call, the default policy.
    let policy = RedactPolicy::default();
    let texts: Vec<&str> = set.iter().map(|m| m.text.as_str()).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mut best = f64::MAX;
    let mut sink = 0usize;
    for _ in 0..5 {
        let start = Instant::now();
        for t in &texts {
            sink = sink.wrapping_add(redact(t, &policy).findings.len());
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    writeln!(
        out,
        "redact throughput: {:.0} messages/s ({:.1} MB/s, mean {:.0} bytes/message; best of 5 passes, one thread) [{sink}]",
        texts.len() as f64 / best,
        bytes as f64 / best / 1e6,
        bytes as f64 / texts.len() as f64
    )?;
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(())
}
