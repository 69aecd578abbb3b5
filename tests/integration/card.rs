//! Integration tests: card.

// Test helpers outside `#[test]` functions unwrap too; clippy's
// allow-unwrap-in-tests only covers the test functions themselves.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use walletcare::account::{Account, AccountError, AccountId, IdentityChecks, PhoneNumber};
use walletcare::card::{
    CardBrand, CardError, CardExpiry, CardFingerprint, CardId, CardInput, CardPolicy, CardWallet,
    ExpiryProblem, NumberProblem, ValidatedCard, luhn_valid, validate,
};
use walletcare::error::{ErrorCode, HasErrorCode};
use walletcare::locale::{Locale, Render};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap()
}

/// `CardInput` wipes itself on drop, so struct-update syntax cannot be used
/// on it: build each input in full.
fn full(number: &str, holder_name: &str, expiry: &str, cvv: &str) -> CardInput {
    CardInput {
        number: number.to_owned(),
        holder_name: holder_name.to_owned(),
        expiry: expiry.to_owned(),
        cvv: cvv.to_owned(),
    }
}

fn input(number: &str, cvv: &str) -> CardInput {
    full(number, "Budi Santoso", "12/30", cvv)
}

fn fp(s: &str) -> CardFingerprint {
    CardFingerprint::new(s).unwrap()
}

/// Public test numbers of each brand, as users type them, with a CVV each.
const TEST_CARDS: [(&str, CardBrand, &str, &str); 8] = [
    (
        "4111 1111 1111 1111",
        CardBrand::Visa,
        "411111******1111",
        "987",
    ),
    ("4222222222222", CardBrand::Visa, "422222***2222", "986"),
    (
        "5555 5555 5555 4444",
        CardBrand::Mastercard,
        "555555******4444",
        "985",
    ),
    (
        "2221-0000-0000-0009",
        CardBrand::Mastercard,
        "222100******0009",
        "984",
    ),
    (
        "3530 1113 3330 0000",
        CardBrand::Jcb,
        "353011******0000",
        "983",
    ),
    (
        "6212 3456 7890 1232",
        CardBrand::UnionPay,
        "621234******1232",
        "982",
    ),
    (
        "3782 822463 10005",
        CardBrand::Amex,
        "378282*****0005",
        "9876",
    ),
    (
        "6011 1111 1111 1117",
        CardBrand::Discover,
        "601111******1117",
        "981",
    ),
];

#[test]
fn real_test_cards_validate_with_brand_and_mask() {
    for (number, brand, masked, cvv) in TEST_CARDS {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        assert!(luhn_valid(&digits), "{number}");
        let card = validate(input(number, cvv), now()).unwrap();
        assert_eq!(card.brand(), brand, "{number}");
        assert_eq!(card.masked_number().as_str(), masked, "{number}");
        assert_eq!(card.masked_number().len(), digits.len());
        assert_eq!(card.holder_name().as_str(), "BUDI SANTOSO");
    }
}

#[test]
fn luhn_failures_are_caught_for_every_brand() {
    for (number, _, _, cvv) in TEST_CARDS {
        // Change the last digit: exactly one of ten values passes Luhn.
        let mut digits: Vec<char> = number.chars().filter(char::is_ascii_digit).collect();
        let last = digits.pop().unwrap();
        let wrong = char::from_digit((last.to_digit(10).unwrap() + 1) % 10, 10).unwrap();
        digits.push(wrong);
        let typo: String = digits.into_iter().collect();
        let err = validate(input(&typo, cvv), now()).unwrap_err();
        assert_eq!(err, CardError::LuhnFailed, "{typo}");
        assert_eq!(err.code(), ErrorCode::CardLuhnFailed);
    }
    // A transposition of two adjacent different digits is caught too.
    assert_eq!(
        validate(input("4111 1111 1111 1121", "123"), now()).unwrap_err(),
        CardError::LuhnFailed
    );
}

#[test]
fn brand_detection_table_through_validate() {
    let cases: &[(&str, Result<CardBrand, ErrorCode>)] = &[
        ("4000056655665556", Ok(CardBrand::Visa)),
        ("5105105105105100", Ok(CardBrand::Mastercard)),
        ("2720992720992729", Ok(CardBrand::Mastercard)),
        ("3566002020360505", Ok(CardBrand::Jcb)),
        ("6250941006528599", Ok(CardBrand::UnionPay)),
        ("8171999927660000", Ok(CardBrand::UnionPay)),
        ("371449635398431", Ok(CardBrand::Amex)),
        ("6445644564456445", Ok(CardBrand::Discover)),
        ("30569309025904", Err(ErrorCode::UnsupportedCardBrand)), // Diners
        ("6759649826438453", Err(ErrorCode::UnsupportedCardBrand)), // Maestro
        ("5555555555554", Err(ErrorCode::InvalidCardNumber)),     // 13-digit "Mastercard"
        ("37144963539843", Err(ErrorCode::InvalidCardNumber)),    // 14-digit "Amex"
    ];
    for (number, want) in cases {
        let cvv = if number.starts_with("37") {
            "1234"
        } else {
            "123"
        };
        let got = validate(input(number, cvv), now())
            .map(|c| c.brand())
            .map_err(|e| e.code());
        assert_eq!(&got, want, "{number}");
    }
}

#[test]
fn expiry_edges_end_of_month_and_century() {
    let with_expiry = |expiry: &str| full("4111111111111111", "Budi", expiry, "123");
    let last_second = Utc.with_ymd_and_hms(2028, 2, 29, 23, 59, 59).unwrap();
    assert!(validate(with_expiry("02/28"), last_second).is_ok());
    assert_eq!(
        validate(with_expiry("02/2028"), last_second + Duration::seconds(1)).unwrap_err(),
        CardError::Expired {
            month: 2,
            year: 2028
        }
    );
    // "00" is 2000 (long expired), "99" is 2099 (too far ahead in 2026,
    // fine in 2090).
    assert_eq!(
        validate(with_expiry("01/00"), now()).unwrap_err(),
        CardError::Expired {
            month: 1,
            year: 2000
        }
    );
    assert_eq!(
        validate(with_expiry("12/99"), now()).unwrap_err().code(),
        ErrorCode::InvalidExpiry
    );
    let in_2090 = Utc.with_ymd_and_hms(2090, 6, 1, 0, 0, 0).unwrap();
    let card = validate(with_expiry("12/99"), in_2090).unwrap();
    assert_eq!(card.expiry(), CardExpiry::new(12, 2099).unwrap());
    assert!(
        !card
            .expiry()
            .is_expired_at(Utc.with_ymd_and_hms(2099, 12, 31, 23, 59, 59).unwrap())
    );
    assert!(
        card.expiry()
            .is_expired_at(Utc.with_ymd_and_hms(2100, 1, 1, 0, 0, 0).unwrap())
    );
    assert_eq!(
        validate(with_expiry("13/30"), now()).unwrap_err(),
        CardError::InvalidExpiry {
            problem: ExpiryProblem::InvalidMonth
        }
    );
    assert_eq!(
        validate(with_expiry("12-30"), now()).unwrap_err(),
        CardError::InvalidExpiry {
            problem: ExpiryProblem::Malformed
        }
    );
}

/// Every type that ever sees a card, in Debug, Display and JSON, must never
/// show the full number (with or without separators), or the CVV.
#[test]
fn no_output_of_any_card_type_contains_the_number_or_the_cvv() {
    let mut outputs: Vec<String> = Vec::new();
    let mut account = Account::new(
        AccountId::new("acc-1").unwrap(),
        PhoneNumber::parse("0812-3456-7890").unwrap(),
    );
    let mut wallet = CardWallet::default();
    let policy = CardPolicy { max_cards: 10 };
    for (i, (number, _, _, cvv)) in TEST_CARDS.iter().enumerate() {
        let card_input = input(number, cvv);
        outputs.push(format!("{card_input:?}"));
        outputs.push(format!("{card_input:#?}"));
        let problems = card_input.problems(now());
        assert!(problems.is_empty());
        let card = validate(card_input, now()).unwrap();
        outputs.push(format!("{card:?}"));
        outputs.push(serde_json::to_string(&card).unwrap());
        outputs.push(card.masked_number().to_string());
        let fingerprint = fp(&format!("fp_vault_{i:08}"));
        let id = wallet
            .bind(card.clone(), fingerprint.clone(), &policy, now())
            .unwrap();
        account
            .bind_card(card.clone(), fingerprint.clone(), &policy, now())
            .unwrap();
        let bound = wallet.get(id).unwrap();
        outputs.push(format!("{bound:?}"));
        outputs.push(serde_json::to_string(bound).unwrap());
        // Every way a card can fail, with this number in it.
        let failures = [
            full(number, "Budi", "12/30", "1"),
            full(number, "Budi", "01/20", cvv),
            full(number, "7", "12/30", cvv),
            input(&format!("{number} 0000"), cvv),
            input(&format!("{number}x"), cvv),
        ];
        for failing in failures {
            outputs.push(format!("{failing:?}"));
            for err in failing.problems(now()) {
                outputs.push(format!("{err:?}"));
                outputs.push(err.to_string());
                outputs.push(serde_json::to_string(&err).unwrap());
                for locale in Locale::ALL {
                    outputs.push(err.render(locale));
                }
            }
            let err = validate(failing, now()).unwrap_err();
            outputs.push(format!("{err:?} {err}"));
        }
        let dup = wallet.bind(card, fingerprint, &policy, now()).unwrap_err();
        outputs.push(format!("{dup:?} {dup}"));
    }
    outputs.push(format!("{wallet:?}"));
    outputs.push(serde_json::to_string(&wallet).unwrap());
    outputs.push(format!("{account:?}"));
    outputs.push(serde_json::to_string(&account).unwrap());
    let all = outputs.join("\n");
    for (number, _, _, cvv) in TEST_CARDS {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        assert!(!all.contains(number), "number {number} leaked");
        assert!(!all.contains(&digits), "number {digits} leaked");
        // Neither the hidden middle digits.
        let middle = &digits[6..digits.len() - 4];
        let leaked_middle = outputs
            .iter()
            .any(|o| o.contains(&format!("{}{}", &digits[..6], middle)));
        assert!(!leaked_middle, "middle digits of {digits} leaked");
        assert!(!all.contains(cvv), "CVV {cvv} leaked");
    }
}

#[test]
fn wallet_bind_replace_remove_through_the_account() {
    let t = now();
    let policy = CardPolicy::default();
    let mut account = Account::new(
        AccountId::new("acc-1").unwrap(),
        PhoneNumber::parse("0812-3456-7890").unwrap(),
    );
    let mut ids = Vec::new();
    for (i, (number, _, _, cvv)) in TEST_CARDS.iter().take(5).enumerate() {
        let card = validate(input(number, cvv), t).unwrap();
        ids.push(
            account
                .bind_card(card, fp(&format!("fp_card_{i:04}")), &policy, t)
                .unwrap(),
        );
    }
    // The sixth is over the default limit of five; nothing changes.
    let before = account.clone();
    let sixth = validate(input("6011111111111117", "123"), t).unwrap();
    assert_eq!(
        account.bind_card(sixth.clone(), fp("fp_card_0005"), &policy, t),
        Err(CardError::LimitReached { max: 5 })
    );
    assert_eq!(account, before);
    // Binding the same card twice (same vault fingerprint) is detected, even
    // when the user retyped it with different spacing.
    let again = validate(input("4111-1111-1111-1111", "555"), t).unwrap();
    assert_eq!(
        account.bind_card(again, fp("fp_card_0000"), &policy, t),
        Err(CardError::AlreadyBound { existing: ids[0] })
    );
    // Replace atomically, even when full.
    let new_id = account
        .replace_card(ids[1], sixth, fp("fp_card_0005"), t)
        .unwrap();
    assert_eq!(account.cards().list().len(), 5);
    assert!(account.cards().get(ids[1]).is_none());
    assert_eq!(account.cards().list()[1].id(), new_id);
    let removed = account.remove_card(ids[0], t).unwrap();
    assert_eq!(removed.card().brand(), CardBrand::Visa);
    assert_eq!(
        account.remove_card(ids[0], t),
        Err(CardError::NotFound { id: ids[0] })
    );
    assert_eq!(
        account.remove_card(CardId::new(404), t).unwrap_err().code(),
        ErrorCode::CardNotFound
    );
}

#[test]
fn a_frozen_or_resetting_account_cannot_change_cards() {
    let t = now();
    let policy = CardPolicy::default();
    let mut account = Account::new(
        AccountId::new("acc-1").unwrap(),
        PhoneNumber::parse("0812-3456-7890").unwrap(),
    );
    let card = || validate(input("4111111111111111", "123"), t).unwrap();
    let id = account
        .bind_card(card(), fp("fp_card_0000"), &policy, t)
        .unwrap();
    account.report_stolen(t).unwrap();
    let before = account.clone();
    let err = account
        .bind_card(card(), fp("fp_card_0001"), &policy, t)
        .unwrap_err();
    assert!(matches!(
        err,
        CardError::Account(AccountError::AccountFrozen { .. })
    ));
    assert_eq!(err.code(), ErrorCode::AccountFrozen);
    assert_eq!(
        err.render(Locale::En),
        "Your account can't change its cards right now."
    );
    assert!(account.remove_card(id, t).is_err());
    assert_eq!(account, before);
    account
        .unfreeze(
            IdentityChecks {
                id_document: true,
                selfie: true,
                otp_or_security_questions: true,
            },
            t,
        )
        .unwrap();
    assert_eq!(
        account.remove_card(id, t).unwrap_err().code(),
        ErrorCode::CredentialResetRequired
    );
}

#[test]
fn an_expired_card_cannot_be_bound_later() {
    let t = now();
    let card = validate(full("4111111111111111", "Budi", "11/26", "123"), t).unwrap();
    let mut wallet = CardWallet::default();
    let december = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    assert_eq!(
        wallet.bind(card, fp("fp_card_0000"), &CardPolicy::default(), december),
        Err(CardError::Expired {
            month: 11,
            year: 2026
        })
    );
    assert!(wallet.list().is_empty());
}

#[test]
fn card_input_json_is_strict_and_stored_cards_are_checked() {
    let ok = r#"{"number":"4111111111111111","holder_name":"Budi","expiry":"12/30","cvv":"123"}"#;
    assert!(serde_json::from_str::<CardInput>(ok).is_ok());
    let extra = ok.replace("\"cvv\"", "\"pin\":\"1\",\"cvv\"");
    assert!(serde_json::from_str::<CardInput>(&extra).is_err());
    let stored = r#"{"brand":"amex","masked_number":"378282*****0005","holder_name":"wang fang","expiry":{"month":3,"year":2028}}"#;
    let card: ValidatedCard = serde_json::from_str(stored).unwrap();
    assert_eq!(card.holder_name().as_str(), "WANG FANG");
    for bad in [
        stored.replace("378282*****0005", "378282246310005"),
        stored.replace("378282*****0005", "378282******0005"),
        stored.replace("\"month\":3", "\"month\":13"),
        stored.replace("wang fang", "wang 4"),
        stored.replace("\"amex\"", "\"diners\""),
    ] {
        assert!(
            serde_json::from_str::<ValidatedCard>(&bad).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn number_problems_render_in_every_locale() {
    let err = validate(input("4111 1111 1111", "123"), now()).unwrap_err();
    assert_eq!(
        err,
        CardError::InvalidNumber {
            problem: NumberProblem::WrongLengthForBrand {
                brand: CardBrand::Visa,
                digits: 12
            }
        }
    );
    assert_eq!(
        err.to_string(),
        "invalid card number: 12 digits is not a valid length for Visa"
    );
    assert_eq!(err.render(Locale::ZhCn), "卡号位数不正确。");
    assert_eq!(
        err.render(Locale::Id),
        "Jumlah digit nomor kartu tidak sesuai."
    );
}
