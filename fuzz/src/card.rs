//! Cards: what the user typed into the card form, masked numbers, expiry
//! dates, holder names, and the wallet of bound cards.

use chrono::{DateTime, Utc};
use walletcare_core::card::{
    CardBrand, CardError, CardExpiry, CardFingerprint, CardId, CardInput, CardPolicy, CardWallet,
    HolderName, MaskedCardNumber, ValidatedCard, luhn_valid, validate,
};

use super::common::{
    MAX_COMMANDS, all_or_nothing, check_error, command, instant, lines, render_all, round_trip,
    word,
};

/// A card input from `NUMBER|HOLDER|EXPIRY|CVV`, and the digits of the
/// number (the secret to look for in outputs).
pub(crate) fn card_input(text: &str) -> (CardInput, String) {
    let mut fields = text.splitn(4, '|');
    let mut next = || fields.next().unwrap_or_default().to_owned();
    let input = CardInput {
        number: next(),
        holder_name: next(),
        expiry: next(),
        cvv: next(),
    };
    let digits = input.number.chars().filter(char::is_ascii_digit).collect();
    (input, digits)
}

/// Luhn by the book, the oracle for `luhn_valid`.
fn luhn_reference(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut sum = 0_u64;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u64::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// Asserts that the full number does not appear in an output (a run of 12
/// or more digits cannot appear in one by chance).
fn hides(output: &str, digits: &str, what: &str) {
    if digits.len() >= 12 {
        assert!(
            !output.contains(digits),
            "the full card number appears in {what}: {output}"
        );
    }
}

fn check_card_error(error: &CardError, digits: &str) {
    check_error(error);
    render_all(error);
    round_trip!(CardError, error);
    hides(&format!("{error:?}"), digits, "an error's Debug");
    hides(&error.to_string(), digits, "an error's message");
    hides(
        &serde_json::to_string(error).unwrap_or_default(),
        digits,
        "an error's JSON",
    );
    for locale in walletcare_core::locale::Locale::ALL {
        use walletcare_core::locale::Render;
        hides(&error.render(locale), digits, "a rendered error");
    }
}

fn check_validated(card: &ValidatedCard, digits: &str, now: DateTime<Utc>) {
    let masked = card.masked_number();
    assert_eq!(masked.len(), digits.len());
    assert_eq!(Some(masked.first_six()), digits.get(..6));
    assert_eq!(
        Some(masked.last_four()),
        digits.get(digits.len().saturating_sub(4)..)
    );
    assert_eq!(CardBrand::detect(digits), Some(card.brand()));
    assert!(
        card.brand()
            .lengths()
            .iter()
            .any(|&n| usize::try_from(n).ok() == Some(digits.len()))
    );
    assert!(luhn_valid(digits));
    assert!(!card.expiry().is_expired_at(now));
    assert_eq!(
        HolderName::parse(card.holder_name().as_str()).as_ref(),
        Ok(card.holder_name())
    );
    round_trip!(ValidatedCard, card);
    round_trip!(MaskedCardNumber, masked);
    hides(&format!("{card:?}"), digits, "a validated card's Debug");
    hides(
        &serde_json::to_string(card).unwrap_or_default(),
        digits,
        "a validated card's JSON",
    );
    hides(&masked.to_string(), digits, "a masked number");
}

/// Validates a card input both ways and checks that they agree.
fn validate_both(text: &str, now: DateTime<Utc>) -> Option<(ValidatedCard, String)> {
    let (input, digits) = card_input(text);
    let debug = format!("{input:?}");
    if !input.holder_name.contains(&digits) && !input.expiry.contains(&digits) {
        hides(&debug, &digits, "a card input's Debug");
    }
    let problems = input.problems(now);
    for problem in &problems {
        check_card_error(problem, &digits);
    }
    let result = validate(input, now);
    assert_eq!(
        result.as_ref().err(),
        problems.first(),
        "validate and problems disagree"
    );
    let card = result.ok()?;
    check_validated(&card, &digits, now);
    Some((card, digits))
}

/// `card`: commands `now T`, `card NUMBER|HOLDER|EXPIRY|CVV`, `luhn TEXT`,
/// `masked TEXT`, `expiry TEXT`, `holder TEXT`, `policy JSON`,
/// `wallet JSON`, `bind FINGERPRINT CARD`, `replace ID FINGERPRINT CARD`,
/// `remove ID`.
///
/// Invariants: `validate` fails exactly with the first of `problems`; a
/// valid card's masked number, brand and holder name agree with the input
/// and are normalised; the full number never appears in any output;
/// `luhn_valid` agrees with the textbook algorithm; wallets load → save →
/// load stably and change all-or-nothing, never holding two cards with the
/// same fingerprint or more than the policy allows.
pub fn card(data: &[u8]) {
    let mut now = DateTime::from_timestamp(1_764_000_000, 0).unwrap_or_default();
    let mut wallet = CardWallet::default();
    let mut policy = CardPolicy::default();
    for line in lines(data).take(MAX_COMMANDS) {
        let (verb, mut rest) = command(line);
        match verb {
            "now" => {
                if let Some(t) = instant(rest) {
                    now = t;
                }
            }
            "card" => {
                validate_both(rest, now);
            }
            "luhn" => assert_eq!(luhn_valid(rest), luhn_reference(rest), "luhn({rest:?})"),
            "masked" => {
                if let Ok(masked) = rest.parse::<MaskedCardNumber>() {
                    assert_eq!(masked.as_str(), rest);
                    assert_eq!(masked.first_six().len(), 6);
                    assert_eq!(masked.last_four().len(), 4);
                    round_trip!(MaskedCardNumber, &masked);
                }
            }
            "expiry" => match CardExpiry::parse(rest) {
                Ok(expiry) => {
                    round_trip!(CardExpiry, &expiry);
                    assert_eq!(CardExpiry::new(expiry.month(), expiry.year()), Ok(expiry));
                    let last = expiry.last_valid_day();
                    assert!(last.is_some());
                    let _ = expiry.is_expired_at(now);
                }
                Err(error) => check_card_error(&error, ""),
            },
            "holder" => match HolderName::parse(rest) {
                Ok(name) => {
                    assert_eq!(
                        HolderName::parse(name.as_str()).as_ref(),
                        Ok(&name),
                        "{rest:?}"
                    );
                    round_trip!(HolderName, &name);
                }
                Err(error) => check_card_error(&error, ""),
            },
            "policy" => {
                if let Ok(p) = serde_json::from_str::<CardPolicy>(rest) {
                    round_trip!(CardPolicy, &p);
                    match p.validate() {
                        Ok(()) => policy = p,
                        Err(error) => check_card_error(&error, ""),
                    }
                }
            }
            "wallet" => match serde_json::from_str::<CardWallet>(rest) {
                Ok(w) => {
                    round_trip!(CardWallet, &w);
                    wallet = w;
                }
                Err(error) => assert!(!error.to_string().is_empty()),
            },
            "bind" | "replace" => {
                let old = if verb == "replace" {
                    match word(&mut rest).and_then(|w| w.parse::<u32>().ok()) {
                        Some(id) => Some(CardId::new(id)),
                        None => continue,
                    }
                } else {
                    None
                };
                let Some(fingerprint) = word(&mut rest).and_then(|w| CardFingerprint::new(w).ok())
                else {
                    continue;
                };
                let Some((card, digits)) = validate_both(rest, now) else {
                    continue;
                };
                let count = wallet.list().len();
                let result = all_or_nothing(&mut wallet, |w| match old {
                    Some(old) => w.replace(old, card, fingerprint.clone(), now),
                    None => w.bind(card, fingerprint.clone(), &policy, now),
                });
                match result {
                    Ok(id) => {
                        let bound = wallet.get(id);
                        assert!(bound.is_some(), "the new card {id} is not in the wallet");
                        assert_eq!(
                            wallet.find_by_fingerprint(&fingerprint).map(|b| b.id()),
                            Some(id)
                        );
                        let expected = if old.is_some() { count } else { count + 1 };
                        assert_eq!(wallet.list().len(), expected);
                    }
                    Err(error) => check_card_error(&error, &digits),
                }
                // The host picks fingerprints (normally a keyed hash); one
                // that holds the number itself is the host's leak, shown as
                // given, not the wallet's.
                let in_fingerprint = wallet
                    .list()
                    .iter()
                    .any(|b| b.fingerprint().as_str().contains(digits.as_str()));
                if !in_fingerprint {
                    hides(
                        &serde_json::to_string(&wallet).unwrap_or_default(),
                        &digits,
                        "the wallet JSON",
                    );
                    hides(&format!("{wallet:?}"), &digits, "the wallet Debug");
                }
            }
            "remove" => {
                let Some(id) = word(&mut rest).and_then(|w| w.parse::<u32>().ok()) else {
                    continue;
                };
                let id = CardId::new(id);
                if let Ok(removed) = all_or_nothing(&mut wallet, |w| w.remove(id)) {
                    assert_eq!(removed.id(), id);
                    assert!(wallet.get(id).is_none());
                }
            }
            _ => {}
        }
        let mut seen = std::collections::BTreeSet::new();
        for bound in wallet.list() {
            assert!(
                seen.insert(bound.fingerprint().as_str().to_owned()),
                "a fingerprint is bound twice"
            );
        }
        round_trip!(CardWallet, &wallet);
    }
}
