//! Redaction and scam warnings: support-message text.

use walletcare_core::locale::{Locale, Render};
use walletcare_core::redact::{
    Finding, RedactPolicy, Redaction, ScamConfig, SecretKind, Warning, redact, warnings,
};

use super::common::round_trip;

/// `redact`: the first byte picks the kinds to hide (bit `k` hides
/// `SecretKind::ALL[k]`, the byte `0xFF` the default policy); the rest is a
/// support message (lossy UTF-8), also checked for warnings against the
/// default allow-list and one naming a domain from the text.
///
/// Invariants: findings are in order, do not overlap, lie on character
/// boundaries of the text with matching character offsets, are of kinds
/// the policy hides, and the redacted text is the text with each finding
/// replaced by its mask; a mask never repeats the secret it hides (six
/// characters or more); `Redaction` and `Warning` JSON load back equal;
/// every warning renders in every locale.
pub fn redact_text(data: &[u8]) {
    let (policy, text) = match data.split_first() {
        None => (RedactPolicy::default(), String::new()),
        Some((0xFF, rest)) => (
            RedactPolicy::default(),
            String::from_utf8_lossy(rest).into_owned(),
        ),
        Some((bits, rest)) => (
            SecretKind::ALL
                .into_iter()
                .enumerate()
                .filter(|(k, _)| bits & (1 << (k % 8)) != 0 || (*k >= 8 && bits & 0x80 != 0))
                .fold(RedactPolicy::none(), |p, (_, kind)| p.with(kind)),
            String::from_utf8_lossy(rest).into_owned(),
        ),
    };
    let r = redact(&text, &policy);
    let mut rebuilt = String::new();
    let mut at = 0;
    for f in &r.findings {
        check_finding(f, &text, at, &policy);
        rebuilt.push_str(&text[at..f.start]);
        rebuilt.push_str(&f.masked);
        at = f.end;
    }
    rebuilt.push_str(&text[at..]);
    assert_eq!(rebuilt, r.redacted);
    round_trip!(Redaction, &r);

    for config in [ScamConfig::default(), config_from(&text)] {
        for w in warnings(&text, &config) {
            for locale in Locale::ALL {
                assert!(!w.render(locale).is_empty());
            }
            round_trip!(Warning, &w);
        }
    }
}

fn check_finding(f: &Finding, text: &str, at: usize, policy: &RedactPolicy) {
    assert!(
        at <= f.start && f.start < f.end && f.end <= text.len(),
        "{f:?}"
    );
    assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
    assert_eq!(text[..f.start].chars().count(), f.char_start);
    assert_eq!(text[..f.end].chars().count(), f.char_end);
    assert!(policy.contains(f.kind), "{f:?} is not in {policy:?}");
    let secret = &text[f.start..f.end];
    // A mask found again ("pw: ********") is masked as itself.
    let masked_already = secret.chars().all(|c| c == '*');
    if secret.chars().count() >= 6
        && !masked_already
        && f.kind != SecretKind::Phone
        && f.kind != SecretKind::Email
    {
        assert!(!f.masked.contains(secret), "{f:?} repeats its secret");
    }
}

/// An allow-list naming the first dotted word of the text, when it is a
/// domain (so look-alike checks run against fuzzed brands too).
fn config_from(text: &str) -> ScamConfig {
    let domain = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        .find(|w| w.contains('.'))
        .unwrap_or("wallet.example");
    ScamConfig::new(vec![domain.to_owned()]).unwrap_or_default()
}
