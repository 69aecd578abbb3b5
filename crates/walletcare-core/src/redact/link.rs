//! Links in messages, and domains that imitate the wallet's own.

use super::scan::{fold, is_cjk};

/// Top-level domains a bare host (no `http://`, no `www.`) must end with to
/// be read as a link, so "e.g." or "Rp1.500" are not.
const KNOWN_TLDS: &[&str] = &[
    "com", "net", "org", "id", "co", "xyz", "top", "info", "ly", "me", "io", "cn", "link", "site",
    "online", "club", "vip", "shop", "app", "cc", "tk", "ml", "ga", "cf", "gq", "biz", "live",
    "icu", "buzz", "click", "store", "website", "space", "fun", "pw", "ws", "asia", "sg", "my",
    "hk", "tw", "us", "uk", "in", "ru", "to", "gl", "gd", "wang", "win", "bid", "loan", "work",
    "support", "help", "services", "cloud", "today", "pro", "page", "dev", "ink", "tech",
];

/// Second-level labels under a country domain ("co.id", "com.cn").
const SECOND_LEVEL: &[&str] = &[
    "co", "com", "or", "go", "ac", "net", "org", "web", "my", "biz", "gov", "edu", "sch", "mil",
];

/// Words scammers add to a brand ("gopay-promo", "danabonus").
const SCAM_WORDS: &[&str] = &[
    "promo",
    "bonus",
    "hadiah",
    "gift",
    "prize",
    "reward",
    "login",
    "signin",
    "verify",
    "verifikasi",
    "secure",
    "security",
    "support",
    "help",
    "cs",
    "care",
    "official",
    "resmi",
    "id",
    "indonesia",
    "update",
    "akun",
    "account",
    "claim",
    "klaim",
    "refund",
    "cair",
    "undian",
    "lucky",
    "event",
    "free",
    "gratis",
    "pay",
    "app",
    "apps",
    "web",
    "online",
    "service",
    "center",
    "pusat",
    "vip",
    "cash",
    "win",
    "kyc",
    "auth",
    "aktivasi",
    "unblock",
    "unlock",
];

/// A host named in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Host {
    /// The host, lowercased (non-ASCII letters kept as written).
    pub(super) name: String,
    /// Whether it is the domain of an e-mail address.
    pub(super) email: bool,
}

fn host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || (c.is_alphabetic() && !c.is_ascii() && !is_cjk(c))
}

/// Whether `text` has a dot between two host characters (folded), as
/// every host [`hosts`] reads has (it needs two labels): when not, there
/// is no host and the text is not copied.
fn may_have_host(text: &str) -> bool {
    // Whether the character before is a host character, and whether it is
    // a dot with a host character before it.
    let mut host_before = false;
    let mut dot_after_host = false;
    for c in text.chars().map(fold) {
        let host = host_char(c);
        if dot_after_host && host {
            return true;
        }
        dot_after_host = c == '.' && host_before;
        host_before = host;
    }
    false
}

/// The hosts of the links (and e-mail addresses) in `text`, in order.
pub(super) fn hosts(text: &str) -> Vec<Host> {
    if may_have_host(text) {
        read_hosts(text)
    } else {
        Vec::new()
    }
}

/// [`hosts`], without the quick test.
fn read_hosts(text: &str) -> Vec<Host> {
    let chars: Vec<char> = text.chars().map(fold).collect();
    let c = |i: usize| chars.get(i).copied();
    let mut out: Vec<Host> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !c(i).is_some_and(host_char)
            || (i > 0 && c(i - 1).is_some_and(|p| host_char(p) || p == '.'))
        {
            i += 1;
            continue;
        }
        // A scheme: "http://", "https://", "hxxps://".
        let mut start = i;
        let mut scheme = false;
        let mut j = i;
        while c(j).is_some_and(|x| x.is_ascii_alphabetic()) {
            j += 1;
        }
        if c(j) == Some(':') && c(j + 1) == Some('/') && c(j + 2) == Some('/') {
            scheme = true;
            start = j + 3;
        }
        let email = i > 0 && c(i - 1) == Some('@');
        // Labels.
        let mut k = start;
        let mut labels = 0;
        let mut last_label_start = start;
        loop {
            let label_start = k;
            while c(k).is_some_and(host_char) {
                k += 1;
            }
            if k == label_start {
                break;
            }
            labels += 1;
            last_label_start = label_start;
            if c(k) == Some('.') && c(k + 1).is_some_and(host_char) {
                k += 1;
            } else {
                break;
            }
        }
        let name: String = chars.get(start..k).unwrap_or_default().iter().collect();
        let tld: String = chars
            .get(last_label_start..k)
            .unwrap_or_default()
            .iter()
            .collect();
        let tld_alpha = tld.len() >= 2 && tld.chars().all(|x| x.is_ascii_alphabetic());
        let is_link = labels >= 2
            && tld_alpha
            && (scheme || email || name.starts_with("www.") || KNOWN_TLDS.contains(&tld.as_str()));
        if is_link && !out.iter().any(|h| h.name == name) && out.len() < 16 {
            out.push(Host { name, email });
        }
        i = k.max(i + 1);
    }
    out
}

/// The label that names the organisation: "gopay" in "gopay.co.id",
/// "promo-gopay" in "www.promo-gopay.xyz".
pub(super) fn brand(domain: &str) -> &str {
    let labels: Vec<&str> = domain.split('.').collect();
    let mut n = labels.len().saturating_sub(1);
    if n >= 2 && labels.get(n - 1).is_some_and(|l| SECOND_LEVEL.contains(l)) {
        n -= 1;
    }
    labels.get(n.saturating_sub(1)).copied().unwrap_or(domain)
}

/// The labels of a host before its public suffix.
fn labels(host: &str) -> Vec<&str> {
    let mut labels: Vec<&str> = host.split('.').collect();
    labels.pop();
    if labels.len() >= 2 && labels.last().is_some_and(|l| SECOND_LEVEL.contains(l)) {
        labels.pop();
    }
    labels
}

/// Letters and digits that look alike, to one canonical letter each:
/// `0`/`о` to `o`, `1`/`l`/`i`/`|` to `l`, `rn` to `m`, `vv` to `w`...
pub(super) fn canonical(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '0' | 'о' | 'ο' | 'ө' => 'o',
            '1' | 'i' | 'l' | '|' | 'і' | 'ı' | 'ι' | 'ӏ' => 'l',
            '3' | 'е' | 'ё' | 'ε' => 'e',
            '4' | '@' | 'а' | 'α' => 'a',
            '5' | '$' | 'ѕ' => 's',
            '7' => 't',
            '8' | 'в' | 'β' => 'b',
            '9' | 'ɡ' => 'g',
            'р' | 'ρ' => 'p',
            'с' | 'ϲ' => 'c',
            'х' | 'χ' => 'x',
            'у' | 'γ' => 'y',
            'ј' => 'j',
            'ԁ' => 'd',
            'к' | 'κ' => 'k',
            'м' => 'm',
            'н' => 'h',
            'т' | 'τ' => 't',
            'ν' => 'v',
            'ш' => 'w',
            c => c,
        })
        .collect();
    mapped.replace("rn", "m").replace("vv", "w")
}

/// The Unicode form of an internationalised label written in punycode
/// (RFC 3492): "xn--gpay-55d" is "gоpay" with a Cyrillic "о". `None` for a
/// label that is not punycode or is malformed.
fn punycode_label(label: &str) -> Option<String> {
    const BASE: u32 = 36;
    const TMIN: u32 = 1;
    const TMAX: u32 = 26;
    let input = label.strip_prefix("xn--")?;
    let (basic, extended) = match input.rfind('-') {
        Some(p) => (input.get(..p)?, input.get(p + 1..)?),
        None => ("", input),
    };
    let mut output: Vec<char> = basic.chars().collect();
    let mut n: u32 = 128;
    let mut i: u32 = 0;
    let mut bias: u32 = 72;
    let mut bytes = extended.bytes().peekable();
    while bytes.peek().is_some() {
        let old_i = i;
        let mut w: u32 = 1;
        let mut k = BASE;
        loop {
            let digit = match bytes.next()? {
                b @ b'a'..=b'z' => u32::from(b - b'a'),
                b @ b'0'..=b'9' => u32::from(b - b'0') + 26,
                _ => return None,
            };
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = k.saturating_sub(bias).clamp(TMIN, TMAX);
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k = k.checked_add(BASE)?;
        }
        let len = u32::try_from(output.len()).ok()?.checked_add(1)?;
        // Adapt the bias (RFC 3492, section 6.1).
        let mut delta = if old_i == 0 {
            (i - old_i) / 700
        } else {
            (i - old_i) / 2
        };
        delta += delta / len;
        let mut kb = 0;
        while delta > ((BASE - TMIN) * TMAX) / 2 {
            delta /= BASE - TMIN;
            kb += BASE;
        }
        bias = kb + (BASE - TMIN + 1) * delta / (delta + 38);
        n = n.checked_add(i / len)?;
        i %= len;
        if output.len() >= 63 {
            return None;
        }
        let at = usize::try_from(i).ok()?.min(output.len());
        output.insert(at, char::from_u32(n)?);
        i += 1;
    }
    Some(output.into_iter().collect())
}

/// Damerau-Levenshtein distance is at most 1 (one substitution,
/// insertion, deletion or swap of neighbours).
fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let rest = |s: &[char], from: usize| s.get(from..).unwrap_or_default().to_vec();
    if la == lb {
        let swapped = prefix + 1 < la
            && a.get(prefix) == b.get(prefix + 1)
            && a.get(prefix + 1) == b.get(prefix)
            && rest(&a, prefix + 2) == rest(&b, prefix + 2);
        swapped || rest(&a, prefix + 1) == rest(&b, prefix + 1)
    } else if la > lb {
        rest(&a, prefix + 1) == rest(&b, prefix)
    } else {
        rest(&a, prefix) == rest(&b, prefix + 1)
    }
}

/// Whether `host` is one of `allowed` or under one of them.
pub(super) fn allowed(host: &str, allowed: &[String]) -> bool {
    allowed.iter().any(|d| {
        host == d
            || host
                .strip_suffix(d.as_str())
                .is_some_and(|rest| rest.ends_with('.'))
    })
}

/// The allowed domain `host` imitates, if any: the same brand with a
/// look-alike letter or digit ("g0pay.co.id"), another TLD ("gopay.co"),
/// words added ("gopay-promo.xyz", "gopaybonus.com") or one typo
/// ("gopya.com").
pub(super) fn imitated<'c>(host: &str, allowed: &'c [String]) -> Option<&'c str> {
    let host_labels: Vec<String> = labels(host)
        .into_iter()
        .map(|l| match punycode_label(l) {
            Some(unicode) => canonical(&unicode),
            None => canonical(l),
        })
        .collect();
    allowed.iter().map(String::as_str).find(|domain| {
        let b = brand(domain);
        let cb = canonical(b);
        let long = cb.chars().count() >= 5;
        host_labels.iter().any(|label| {
            if label == &cb || label.split('-').any(|w| w == cb) {
                return true;
            }
            let joined = label.replace('-', "");
            if long && one_edit(&joined, &cb) {
                return true;
            }
            if cb.chars().count() >= 4
                && let Some(pos) = joined.find(&cb)
            {
                let extra = format!(
                    "{}{}",
                    joined.get(..pos).unwrap_or_default(),
                    joined.get(pos + cb.len()..).unwrap_or_default()
                );
                return long
                    || SCAM_WORDS
                        .iter()
                        .any(|w| extra == canonical(w) || extra.contains(&canonical(w)));
            }
            false
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_test_never_hides_a_host() {
        let mut texts: Vec<String> = crate::triage::builtin_corpus()
            .unwrap()
            .into_iter()
            .map(|e| e.text)
            .collect();
        texts.extend(
            include_str!("../../../../tests/data/redact_holdout.tsv")
                .lines()
                .map(str::to_owned),
        );
        for t in [
            "a.b",
            "a..b",
            ".a.b",
            "a.b.",
            "x. y",
            "gopay．co．id",
            "ａ.ｂ",
            "é.com",
            "mail@x.co",
            "www.gopay.co.id",
            "http://a.b",
            "a-.-b",
            "Rp1.500",
            "e.g.",
            "1.5",
            "a。b",
            "-.-",
        ] {
            texts.push(t.to_owned());
        }
        let mut found = 0;
        for text in &texts {
            let all = read_hosts(text);
            assert_eq!(hosts(text), all, "{text:?}");
            found += all.len();
        }
        assert!(found > 30, "{found}");
    }

    fn hosts_of(text: &str) -> Vec<String> {
        hosts(text).into_iter().map(|h| h.name).collect()
    }

    #[test]
    fn finds_hosts_with_and_without_scheme() {
        assert_eq!(
            hosts_of("buka https://gopay-promo.xyz/claim ya"),
            ["gopay-promo.xyz"]
        );
        assert_eq!(hosts_of("cek g0pay.co.id sekarang"), ["g0pay.co.id"]);
        assert_eq!(hosts_of("www.example.org"), ["www.example.org"]);
        assert!(hosts_of("Rp1.500.000 e.g. dll. file.pdf").is_empty());
    }

    #[test]
    fn imitations_are_recognised() {
        let allowed = vec!["gopay.co.id".to_owned(), "dana.id".to_owned()];
        for fake in [
            "g0pay.co.id",
            "gopay.co",
            "gopay-promo.xyz",
            "promo-gopay.com",
            "gopaybonus.com",
            "gopya.com",
            "gоpay.com",
            "gopay.co.id.verify.xyz",
            "dana-bonus.xyz",
            "d4na.id",
        ] {
            assert!(imitated(fake, &allowed).is_some(), "{fake}");
        }
        // Punycode: "gоpay" with a Cyrillic "о", and "dаna" with a Cyrillic "а".
        assert_eq!(punycode_label("xn--gpay-55d").as_deref(), Some("gоpay"));
        assert_eq!(punycode_label("xn--dna-6cd").as_deref(), Some("dаna"));
        assert_eq!(punycode_label("xn--"), Some(String::new()));
        assert_eq!(punycode_label("gopay"), None);
        assert_eq!(punycode_label("xn--99999999999999"), None);
        assert!(imitated("xn--gpay-55d.co.id", &allowed).is_some());
        assert!(imitated("xn--dna-6cd.com", &allowed).is_some());
        for fine in ["tokopedia.com", "danamon.co.id", "google.com", "bit.ly"] {
            assert_eq!(imitated(fine, &allowed), None, "{fine}");
        }
        assert!(allowed_host("api.gopay.co.id", &allowed));
        assert!(!allowed_host("xgopay.co.id", &allowed));
    }

    fn allowed_host(h: &str, a: &[String]) -> bool {
        allowed(h, a)
    }
}
