//! Tables of real-style messages, and the invariants of `redact`.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use proptest::prelude::*;

use super::*;

fn kinds(text: &str, policy: &RedactPolicy) -> Vec<SecretKind> {
    redact(text, policy)
        .findings
        .iter()
        .map(|f| f.kind)
        .collect()
}

/// (message, the secret in it, its kind).
const SECRETS: &[(&str, &str, SecretKind)] = &[
    ("kode otp nya 482913", "482913", SecretKind::OneTimeCode),
    ("OTP:482913", "482913", SecretKind::OneTimeCode),
    (
        "ＯＴＰ：４８２９１３",
        "４８２９１３",
        SecretKind::OneTimeCode,
    ),
    ("验证码482913", "482913", SecretKind::OneTimeCode),
    ("验证码是 482913", "482913", SecretKind::OneTimeCode),
    (
        "我的验证码是482913，快点",
        "482913",
        SecretKind::OneTimeCode,
    ),
    ("482913 is my OTP", "482913", SecretKind::OneTimeCode),
    ("482913 itu kode otp nya", "482913", SecretKind::OneTimeCode),
    (
        "the verification code I got is 482 913",
        "482 913",
        SecretKind::OneTimeCode,
    ),
    ("Kode OTP-nya: 482913 ya", "482913", SecretKind::OneTimeCode),
    ("kodeotp:482913", "482913", SecretKind::OneTimeCode),
    ("my pin is 1 2 3 4 5 6", "1 2 3 4 5 6", SecretKind::Pin),
    ("pin saya 909090 tolong", "909090", SecretKind::Pin),
    ("PIN ATM: 1234", "1234", SecretKind::Pin),
    ("支付密码是888888", "888888", SecretKind::Pin),
    ("pw: hunter2", "hunter2", SecretKind::Password),
    ("sandi saya budi1990", "budi1990", SecretKind::Password),
    ("密码：abc123", "abc123", SecretKind::Password),
    (
        "my password is Tr0ub4dor&3, please reset",
        "Tr0ub4dor&3",
        SecretKind::Password,
    ),
    ("cvv 123", "123", SecretKind::Cvv),
    ("CVC:4321", "4321", SecretKind::Cvv),
    ("kode keamanan 456", "456", SecretKind::Cvv),
    ("安全码789", "789", SecretKind::Cvv),
    (
        "kartu 4111 1111 1111 1111",
        "4111 1111 1111 1111",
        SecretKind::CardNumber,
    ),
    (
        "4111-1111-1111-1111",
        "4111-1111-1111-1111",
        SecretKind::CardNumber,
    ),
    (
        "card 4111.1111.1111.1111 exp 12/27",
        "4111.1111.1111.1111",
        SecretKind::CardNumber,
    ),
    (
        "amex 3782 822463 10005",
        "3782 822463 10005",
        SecretKind::CardNumber,
    ),
    (
        "卡号6212345678901232",
        "6212345678901232",
        SecretKind::CardNumber,
    ),
    (
        "paid Rp 50.000 with 5555555555554444",
        "5555555555554444",
        SecretKind::CardNumber,
    ),
    (
        "NIK saya 3171015203900001",
        "3171015203900001",
        SecretKind::Nik,
    ),
    (
        "3273024512950002 itu KTP saya",
        "3273024512950002",
        SecretKind::Nik,
    ),
    (
        "身份证号11010519491231002X",
        "11010519491231002X",
        SecretKind::ResidentId,
    ),
    (
        "my id 11010519491231002x ok",
        "11010519491231002x",
        SecretKind::ResidentId,
    ),
    // A card number typed over two lines.
    (
        "kartu saya 4111 1111\n1111 1111 kak",
        "4111 1111\n1111 1111",
        SecretKind::CardNumber,
    ),
    (
        "card:\r\n5500 0000\r\n0000 0004",
        "5500 0000\r\n0000 0004",
        SecretKind::CardNumber,
    ),
    // A sender's tag, and a sender's name between the code and its name.
    (
        "FB-73510 is your Facebook confirmation code",
        "73510",
        SecretKind::OneTimeCode,
    ),
    (
        "905512 is your Grab verification code",
        "905512",
        SecretKind::OneTimeCode,
    ),
    (
        "771203（支付宝验证码，请勿泄露）",
        "771203",
        SecretKind::OneTimeCode,
    ),
    // The bank or app a secret belongs to, between its name and value.
    ("pin livin mandiri 908172", "908172", SecretKind::Pin),
    (
        "password BCA mobile: Qw3rty!!",
        "Qw3rty!!",
        SecretKind::Password,
    ),
    (
        "pw fb aku mawar.merah7",
        "mawar.merah7",
        SecretKind::Password,
    ),
    ("cvv kartu 552", "552", SecretKind::Cvv),
    // "min" (admin) after a code is no unit of time.
    ("otp nya 660 210 min", "660 210", SecretKind::OneTimeCode),
    // Keycap digits and a zero-width space inside.
    (
        "pin 4\u{fe0f}\u{20e3}0\u{fe0f}\u{20e3}9\u{fe0f}\u{20e3}1\u{fe0f}\u{20e3}",
        "4\u{fe0f}\u{20e3}0\u{fe0f}\u{20e3}9\u{fe0f}\u{20e3}1\u{fe0f}\u{20e3}",
        SecretKind::Pin,
    ),
    (
        "o\u{200b}tp 318\u{200b}402",
        "318\u{200b}402",
        SecretKind::OneTimeCode,
    ),
];

#[test]
fn every_secret_in_the_table_is_hidden_and_named() {
    for &(text, secret, kind) in SECRETS {
        let r = redact(text, &RedactPolicy::default());
        let f = r
            .findings
            .iter()
            .find(|f| f.kind == kind)
            .unwrap_or_else(|| panic!("{text:?}: no {kind} in {:?}", r.findings));
        assert_eq!(&text[f.start..f.end], secret, "{text:?}");
        assert!(!r.redacted.contains(secret), "{text:?} -> {:?}", r.redacted);
        assert!(!serde_json::to_string(&r).unwrap().contains(secret));
        assert!(!format!("{r:?}").contains(secret));
    }
}

/// Messages where nothing is a secret under the default policy.
const BENIGN: &[&str] = &[
    "refund Rp 50.000 please, order 1234567890123456",
    "transaksi 2026112112345678 gagal jam 14:30 tanggal 21/11/2026",
    "ticket WC-20261121-000123-7",
    "INV/20261121/XYZ/123 paid $12.50 on 2026-11-21",
    "call me 0812-3456-7890 or +62 812 3456 7890 or 13812345678",
    "email budi@gmail.com, rekening BCA 1234567890",
    "my password is wrong",
    "password saya salah terus",
    "lupa password akun",
    "密码错误怎么办",
    "kode otp tidak masuk sudah 10 menit",
    "error code 5023",
    "kode promo HEMAT50",
    "kode bayar 8808123456789012",
    "pinjam uang 500000",
    "saya sudah bayar 50000 tapi otp gagal",
    "订单号2026112122001412345678901234，付了200元",
    "验证码失败3次",
    "15 Nov 2026 otp failed",
    "I was charged 1,250,000 IDR twice",
    "2024 is the year my Pin got blocked",
    "waited 4000 min for the otp",
    "order 1234\n5678 and Rp 10.000\n20.000",
];

#[test]
fn what_support_needs_stays_verbatim() {
    for text in BENIGN {
        let r = redact(text, &RedactPolicy::default());
        assert!(r.findings.is_empty(), "{text:?} -> {:?}", r.redacted);
        assert_eq!(&r.redacted, text);
    }
}

#[test]
fn optional_kinds_only_when_asked() {
    let text = "hp 0812-3456-7890, email budi.s@gmail.com, rekening BCA 1234567890";
    assert!(kinds(text, &RedactPolicy::default()).is_empty());
    let all = redact(text, &RedactPolicy::all());
    assert_eq!(
        all.findings.iter().map(|f| f.kind).collect::<Vec<_>>(),
        [
            SecretKind::Phone,
            SecretKind::Email,
            SecretKind::BankAccount
        ]
    );
    assert_eq!(
        all.redacted,
        "hp +62 812-****-7890, email b***@gmail.com, rekening BCA ******7890"
    );
    let none = RedactPolicy::default().without(SecretKind::CardNumber);
    assert!(kinds("4111111111111111", &none).is_empty());
}

#[test]
fn char_spans_count_characters() {
    let text = "验证码：482913 和卡 4111111111111111";
    for f in redact(text, &RedactPolicy::default()).findings {
        let chars: String = text
            .chars()
            .skip(f.char_start)
            .take(f.char_end - f.char_start)
            .collect();
        assert_eq!(chars, &text[f.start..f.end]);
    }
}

#[test]
fn char_spans_count_the_invisible_characters_too() {
    let text = "pin 4\u{fe0f}\u{20e3}0\u{fe0f}\u{20e3}9\u{fe0f}\u{20e3}1\u{fe0f}\u{20e3} ya, 验证码\u{200b}482913";
    let r = redact(text, &RedactPolicy::default());
    assert_eq!(r.findings.len(), 2, "{:?}", r.findings);
    for f in &r.findings {
        assert_eq!(text[..f.start].chars().count(), f.char_start);
        assert_eq!(text[..f.end].chars().count(), f.char_end);
    }
    assert_eq!(r.redacted, "pin **** ya, 验证码\u{200b}******");
}

#[test]
fn policy_json_round_trips_and_also_rejects_unknown_kinds() {
    let p = RedactPolicy::default()
        .also("phone,email,bank_account")
        .unwrap();
    assert_eq!(p, RedactPolicy::all());
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(serde_json::from_str::<RedactPolicy>(&json).unwrap(), p);
    let err = RedactPolicy::default().also("phone,pasport").unwrap_err();
    assert_eq!(
        crate::error::HasErrorCode::code(&err),
        crate::error::ErrorCode::RedactUnknownKind
    );
}

#[test]
fn warnings_table() {
    use WarningCode::*;
    let config = ScamConfig::default();
    let table: &[(&str, &[WarningCode])] = &[
        ("kode OTP 482913", &[SharingSecret]),
        (
            "ada yang minta kode OTP saya ngaku dari CS",
            &[SecretRequested],
        ),
        ("someone called asking for my PIN", &[SecretRequested]),
        ("有人打电话让我提供验证码", &[SecretRequested]),
        (
            "a man claiming to be from support wanted my otp",
            &[SecretRequested],
        ),
        ("bayar biaya admin dulu supaya saldo cair", &[FeeScam]),
        ("they asked me to pay a release fee", &[FeeScam]),
        ("先交手续费才能解冻", &[FeeScam]),
        (
            "disuruh bayar pajak hadiah dulu biar hadiahnya cair",
            &[FeeScam],
        ),
        ("klik gopay-promo.xyz", &[LookalikeLink]),
        ("login di g0pay.co.id", &[LookalikeLink]),
        ("see http://tokopedia.com/x", &[UnknownLink]),
        ("https://www.gopay.co.id/help is fine", &[]),
        ("saya minta kode OTP lagi, belum masuk", &[]),
        ("I want to change my PIN", &[]),
        ("I paid a fee but the refund has not arrived", &[]),
        ("refund Rp 50.000 belum masuk", &[]),
        (
            "kurir minta kode yang masuk ke sms saya",
            &[SecretRequested],
        ),
        ("ditelp orang, disuruh sebutin otp", &[SecretRequested]),
        (
            "account locked until I pay a verification fee to unlock",
            &[FeeScam],
        ),
        (
            "saldo ditahan, harus transfer 300rb dulu biar bisa dicairkan",
            &[FeeScam],
        ),
        ("奖金要先交税才能提现", &[FeeScam]),
        ("what is the fee to withdraw my balance?", &[]),
        ("biaya tarik saldo ke bank berapa ya sebelum cair", &[]),
        ("cek xn--dna-6cd.com", &[LookalikeLink]),
    ];
    for (text, want) in table {
        let got: Vec<WarningCode> = warnings(text, &config).iter().map(|w| w.code).collect();
        assert_eq!(&got, want, "{text:?}");
    }
}

#[test]
fn every_warning_renders_in_every_locale() {
    use crate::locale::{Locale, Render};
    let text = "OTP 482913, ada yang minta pin ngaku CS, bayar biaya dulu supaya dana cair, gopay-promo.xyz example.com";
    let w = warnings(text, &ScamConfig::default());
    assert_eq!(w.len(), 5);
    for warning in &w {
        let texts: Vec<String> = Locale::ALL.iter().map(|l| warning.render(*l)).collect();
        assert!(texts.iter().all(|t| !t.is_empty() && !t.contains("482913")));
        assert_ne!(texts[0], texts[1]);
        assert_ne!(texts[1], texts[2]);
    }
}

#[test]
fn scam_config_allows_subdomains_and_validates() {
    let config = ScamConfig::new(vec!["mywallet.co.id".into()]).unwrap();
    assert!(warnings("https://help.mywallet.co.id/x", &config).is_empty());
    let w = warnings("mywa11et.co.id", &config);
    assert_eq!(w[0].code, WarningCode::LookalikeLink);
    assert!(ScamConfig::new(vec!["-bad-.com".into()]).is_err());
    assert!(serde_json::from_str::<ScamConfig>(r#"{"allowed_domains":["a.b"],"x":1}"#).is_err());
}

proptest! {
    #[test]
    fn redaction_rebuilds_the_text_and_never_overlaps(text in "\\PC{0,80}") {
        let r = redact(&text, &RedactPolicy::all());
        let mut rebuilt = String::new();
        let mut at = 0;
        for f in &r.findings {
            prop_assert!(at <= f.start && f.start < f.end && f.end <= text.len());
            prop_assert_eq!(text[..f.start].chars().count(), f.char_start);
            prop_assert_eq!(text[..f.end].chars().count(), f.char_end);
            rebuilt.push_str(&text[at..f.start]);
            rebuilt.push_str(&f.masked);
            at = f.end;
        }
        rebuilt.push_str(&text[at..]);
        prop_assert_eq!(rebuilt, r.redacted);
    }

    #[test]
    fn redacting_twice_changes_nothing_more(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("OTP 482913".to_owned()),
                Just("4111 1111 1111 1111".to_owned()),
                Just("pw: hunter2".to_owned()),
                Just("NIK 3171015203900001".to_owned()),
                Just("11010519491231002X".to_owned()),
                Just("0812-3456-7890".to_owned()),
                Just("budi@gmail.com".to_owned()),
                Just("rekening 1234567890".to_owned()),
                "[a-z0-9 :.,-]{0,12}",
            ],
            0..6,
        )
    ) {
        let text = parts.join(" ");
        let once = redact(&text, &RedactPolicy::all());
        let twice = redact(&once.redacted, &RedactPolicy::all());
        prop_assert_eq!(&twice.redacted, &once.redacted, "{:?}", twice.findings);
    }

    #[test]
    fn luhn_valid_card_numbers_are_always_hidden(body in "4[0-9]{14}", sep in prop_oneof![Just(""), Just(" "), Just("-")]) {
        let check = (0..10).find(|d| crate::card::luhn_valid(&format!("{body}{d}"))).unwrap();
        let digits = format!("{body}{check}");
        let typed: Vec<String> = digits.as_bytes().chunks(4).map(|c| String::from_utf8(c.to_vec()).unwrap()).collect();
        let typed = typed.join(sep);
        let r = redact(&format!("my card {typed} thanks"), &RedactPolicy::default());
        prop_assert!(!r.redacted.contains(&typed));
        prop_assert_eq!(r.findings.len(), 1);
        prop_assert_eq!(r.findings[0].kind, SecretKind::CardNumber);
    }
}

#[test]
fn a_time_after_a_phone_number_stays_whole() {
    let all = RedactPolicy::all();
    // (message, the time, a middle group of the phone number).
    for (text, time, hidden) in [
        ("hubungi +62 897 1066 2850 2:05 WIB ya", "2:05 WIB", "1066"),
        ("call me 0812 3456 7890 19:12 today", "19:12", "3456"),
        ("电话 0878 4468 4550 8:30 之后", "8:30", "4468"),
        ("联系我0843-8284-3130 5点32分", "5点32分", "8284"),
    ] {
        let r = redact(text, &all);
        assert!(r.redacted.contains(time), "{text} -> {}", r.redacted);
        assert!(!r.redacted.contains(hidden), "{text} -> {}", r.redacted);
        assert_eq!(kinds(text, &all), [SecretKind::Phone], "{text}");
    }
}
