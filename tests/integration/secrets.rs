//! Secrets audit: card numbers beyond the first six and last four digits,
//! CVVs, one-time codes, PINs and passwords never appear in any `Debug`,
//! `Display`, JSON or rendered (`Render`, every locale) output of any type
//! that touches them, errors included.
//!
//! Each test uses distinctive secret values and searches every output for
//! them (and for the hidden digits of the card number on their own). A
//! positive control in each test proves that the search would see the
//! value if it were there.

#![allow(clippy::unwrap_used)]

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use walletcare::account::{
    Account, AccountError, AccountId, ChallengePurpose, ContactKind, CredentialContext,
    CredentialPolicy, EmailAddress, PhoneNumber, RecentActivity, check_password, check_pin,
    estimate_strength, security_checkup,
};
use walletcare::card::{
    CardError, CardFingerprint, CardInput, CardPolicy, CardWallet, ValidatedCard, validate,
};
use walletcare::error::HasErrorCode;
use walletcare::locale::{Locale, Render};
use walletcare::refund::{BankCode, Last4, RefundDestination};
use walletcare::transaction::BankAccountRef;

/// A valid Visa number: first six `453201`, hidden `768903`, last four
/// `1253`.
const PAN: &str = "4532 0176 8903 1253";
const PAN_DIGITS: &str = "4532017689031253";
const HIDDEN_DIGITS: &str = "768903";
const MASKED: &str = "453201******1253";
const CVV: &str = "947";
const PIN: &str = "730286";
const PASSWORD: &str = "Kunci-Rahasia-8317";
const CODE: &str = "604718";

/// Every secret of the card form, as typed and as digits.
const CARD_SECRETS: [&str; 4] = [PAN, PAN_DIGITS, HIDDEN_DIGITS, CVV];

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap()
}

/// The `Debug` (plain and pretty) and JSON forms of a value.
macro_rules! outputs {
    ($value:expr) => {{
        let value = &$value;
        vec![
            ("Debug", format!("{value:?}")),
            ("pretty Debug", format!("{value:#?}")),
            ("JSON", serde_json::to_string(value).unwrap()),
        ]
    }};
}

/// What a value renders to in every locale.
fn rendered<R: Render + ?Sized>(value: &R) -> Vec<(&'static str, String)> {
    Locale::ALL
        .into_iter()
        .map(|locale| (locale.as_str(), value.render(locale)))
        .collect()
}

/// The outputs of an error: `Debug`, `Display` and JSON, plus its code.
macro_rules! error_outputs {
    ($error:expr) => {{
        let error = &$error;
        let mut out = outputs!(*error);
        out.push(("Display", error.to_string()));
        out.push(("code", error.code().as_str().to_owned()));
        out
    }};
}

#[track_caller]
fn assert_hidden(what: &str, outputs: &[(&str, String)], secrets: &[&str]) {
    assert!(!outputs.is_empty(), "{what}: no output to search");
    for (form, text) in outputs {
        assert!(!text.is_empty(), "{what}: empty {form}");
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "{what}: {form} shows the secret {secret:?}: {text}"
            );
        }
    }
}

fn card_input(number: &str, holder: &str, expiry: &str, cvv: &str) -> CardInput {
    CardInput {
        number: number.to_owned(),
        holder_name: holder.to_owned(),
        expiry: expiry.to_owned(),
        cvv: cvv.to_owned(),
    }
}

fn secret_card() -> ValidatedCard {
    validate(card_input(PAN, "Budi Santoso", "08/31", CVV), now()).unwrap()
}

fn account() -> Account {
    let mut account = Account::new(
        AccountId::new("acc-secret").unwrap(),
        PhoneNumber::parse("0812-3456-7890").unwrap(),
    );
    account
        .set_email(
            Some(EmailAddress::parse("budi@example.co.id").unwrap()),
            now(),
        )
        .unwrap();
    account
}

#[test]
fn card_input_debug_shows_neither_number_nor_cvv() {
    let input = card_input(PAN, "Budi Santoso", "08/31", CVV);
    let debug = vec![
        ("Debug", format!("{input:?}")),
        ("pretty Debug", format!("{input:#?}")),
    ];
    assert_hidden("CardInput", &debug, &CARD_SECRETS);
    // Positive control: the holder name, which is not secret, is shown.
    assert!(debug[0].1.contains("Budi Santoso"));
}

#[test]
fn validated_card_and_masked_number_show_only_first_six_and_last_four() {
    let card = secret_card();
    let mut out = outputs!(card);
    out.extend(outputs!(*card.masked_number()));
    out.push(("masked Display", card.masked_number().to_string()));
    out.push(("masked as_str", card.masked_number().as_str().to_owned()));
    out.push(("first six", card.masked_number().first_six().to_owned()));
    out.push(("last four", card.masked_number().last_four().to_owned()));
    assert_hidden("ValidatedCard", &out, &CARD_SECRETS);
    assert!(out.iter().any(|(_, text)| text.contains(MASKED)));
}

/// Inputs that fail in every way the card form can, each carrying a secret
/// number or CVV that must not come back in the error.
fn failing_inputs() -> Vec<(&'static str, CardInput, Vec<&'static str>)> {
    let other = |secrets: &[&'static str]| {
        let mut all = CARD_SECRETS.to_vec();
        all.extend_from_slice(secrets);
        all
    };
    vec![
        (
            "wrong CVV length",
            card_input(PAN, "Budi", "08/31", "9475"),
            other(&["9475"]),
        ),
        (
            "CVV with a letter",
            card_input(PAN, "Budi", "08/31", "94x"),
            other(&["94x"]),
        ),
        (
            "Luhn failure",
            card_input("4532 0176 8903 1254", "Budi", "08/31", CVV),
            other(&["4532017689031254", "4532 0176 8903 1254"]),
        ),
        ("expired", card_input(PAN, "Budi", "08/21", CVV), other(&[])),
        (
            "expiry too far",
            card_input(PAN, "Budi", "08/99", CVV),
            other(&[]),
        ),
        (
            "malformed expiry",
            card_input(PAN, "Budi", "8/2031x", CVV),
            other(&[]),
        ),
        (
            "holder with digits",
            card_input(PAN, "Budi 2", "08/31", CVV),
            other(&[]),
        ),
        (
            "holder name holding the number",
            card_input(PAN, PAN_DIGITS, "08/31", CVV),
            other(&[]),
        ),
        (
            "unsupported brand",
            card_input("9532 0176 8903 1253", "Budi", "08/31", CVV),
            other(&["9532017689031253", "9532 0176 8903 1253"]),
        ),
        (
            "letter in the number",
            card_input("4532 0176 89O3 1253", "Budi", "08/31", CVV),
            other(&["453201768", "4532 0176 89O3 1253"]),
        ),
        (
            "too many digits",
            card_input("4532 0176 8903 1253 7689 03", "Budi", "08/31", CVV),
            other(&["45320176890312537689"]),
        ),
        (
            "number too long",
            card_input(&PAN.repeat(5), "Budi", "08/31", CVV),
            other(&[]),
        ),
        (
            "wrong length for the brand",
            card_input("4532 0176 8903 12", "Budi", "08/31", CVV),
            other(&["45320176890312"]),
        ),
    ]
}

#[test]
fn card_errors_never_show_number_or_cvv_in_any_form_or_locale() {
    let mut checked = 0;
    for (case, input, secrets) in failing_inputs() {
        let problems = input.problems(now());
        assert!(!problems.is_empty(), "{case}: no problem found");
        let first = validate(input, now()).unwrap_err();
        assert_eq!(Some(&first), problems.first(), "{case}");
        for error in &problems {
            let mut out = error_outputs!(*error);
            out.extend(rendered(error));
            assert_hidden(case, &out, &secrets);
            checked += 1;
        }
    }
    assert!(checked >= 13);
}

#[test]
fn card_input_json_errors_never_show_number_or_cvv() {
    let cases = [
        (
            "number as a JSON number",
            format!(
                r#"{{"number":{PAN_DIGITS},"holder_name":"Budi","expiry":"08/31","cvv":"{CVV}"}}"#
            ),
        ),
        (
            "CVV as a JSON number",
            format!(r#"{{"number":"{PAN}","holder_name":"Budi","expiry":"08/31","cvv":{CVV}}}"#),
        ),
        (
            "number in an array",
            format!(
                r#"{{"number":["{PAN}"],"holder_name":"Budi","expiry":"08/31","cvv":"{CVV}"}}"#
            ),
        ),
        (
            "CVV as a float",
            format!(r#"{{"number":"{PAN}","holder_name":"Budi","expiry":"08/31","cvv":{CVV}.0}}"#),
        ),
        (
            "unknown field",
            format!(r#"{{"number":"{PAN}","pan":"{PAN}","cvv":"{CVV}"}}"#),
        ),
        ("truncated", format!(r#"{{"number":"{PAN}","cvv":"{CVV}""#)),
    ];
    for (case, json) in cases {
        let error = serde_json::from_str::<CardInput>(&json).unwrap_err();
        let out = vec![
            ("Display", error.to_string()),
            ("Debug", format!("{error:?}")),
        ];
        assert_hidden(case, &out, &CARD_SECRETS);
    }
    // Positive control: a well-formed input loads.
    let json =
        format!(r#"{{"number":"{PAN}","holder_name":"Budi","expiry":"08/31","cvv":"{CVV}"}}"#);
    let input: CardInput = serde_json::from_str(&json).unwrap();
    assert_eq!(
        validate(input, now()).unwrap().masked_number().as_str(),
        MASKED
    );
}

#[test]
fn wallets_and_accounts_holding_cards_show_only_the_masked_number() {
    let mut account = account();
    let fingerprint = CardFingerprint::new("fp_9c1e44d0").unwrap();
    let id = account
        .bind_card(
            secret_card(),
            fingerprint.clone(),
            &CardPolicy::default(),
            now(),
        )
        .unwrap();
    let mut out = outputs!(account);
    out.extend(outputs!(*account.cards()));
    out.extend(outputs!(*account.cards().get(id).unwrap()));
    for item in security_checkup(
        &account,
        &CredentialPolicy::default(),
        now(),
        &RecentActivity::default(),
    ) {
        out.extend(outputs!(item));
        out.extend(rendered(&item));
    }
    let mut wallet = CardWallet::default();
    wallet
        .bind(
            secret_card(),
            fingerprint.clone(),
            &CardPolicy::default(),
            now(),
        )
        .unwrap();
    let duplicate = wallet
        .bind(secret_card(), fingerprint, &CardPolicy::default(), now())
        .unwrap_err();
    out.extend(outputs!(wallet));
    out.extend(error_outputs!(duplicate));
    out.extend(rendered(&duplicate));
    assert_hidden("account and wallet", &out, &CARD_SECRETS);
    assert!(out.iter().any(|(_, text)| text.contains(MASKED)));
}

#[test]
fn pin_and_password_never_appear_in_account_outputs() {
    let policy = CredentialPolicy::default();
    let mut account = account();
    account.set_pin(PIN, now()).unwrap();
    account.set_password(PASSWORD, &policy, now()).unwrap();
    assert!(account.credentials().pin_set() && account.credentials().password_set());
    let mut out = outputs!(account);
    out.extend(outputs!(*account.credentials()));
    out.extend(outputs!(account.credential_context()));
    for item in security_checkup(
        &account,
        &policy,
        now() + Duration::days(400),
        &RecentActivity::default(),
    ) {
        out.extend(outputs!(item));
        out.extend(rendered(&item));
    }
    assert_hidden("account", &out, &[PIN, PASSWORD, "Rahasia"]);
}

#[test]
fn credential_policy_violations_and_strength_never_echo_the_candidate() {
    let context = CredentialContext {
        phone: Some(PhoneNumber::parse("0812-3456-7890").unwrap()),
        email: Some(EmailAddress::parse("budi@example.co.id").unwrap()),
        birth_date: NaiveDate::from_ymd_opt(1991, 4, 25),
    };
    let policy = CredentialPolicy::default();
    let mut out = Vec::new();
    let weak_pins = ["147258", "250491", "567890", "73028", "730286x", "445566"];
    for pin in weak_pins {
        let violations = check_pin(pin, &context).unwrap_err();
        out.extend(error_outputs!(violations));
        out.extend(rendered(&violations));
        for violation in &violations.violations {
            out.extend(outputs!(*violation));
            out.extend(rendered(violation));
        }
        let error = AccountError::from(violations);
        out.extend(error_outputs!(error));
    }
    let weak_passwords = [
        "rahasiaku8317",
        "Budi567890x",
        "KUNCIRAHASIA8317",
        "Rhs-831",
    ];
    for password in weak_passwords {
        let violations = check_password(password, &policy, &context).unwrap_err();
        out.extend(error_outputs!(violations));
        out.extend(rendered(&violations));
        let strength = estimate_strength(password, &context);
        out.extend(outputs!(strength));
        out.extend(rendered(&strength));
        for reason in &strength.reasons {
            out.extend(rendered(reason));
        }
    }
    let strength = estimate_strength(PASSWORD, &context);
    out.extend(outputs!(strength));
    out.extend(rendered(&strength));
    let mut secrets: Vec<&str> = weak_pins.to_vec();
    secrets.extend(weak_passwords);
    secrets.extend([PASSWORD, "8317"]);
    assert_hidden("policy checks", &out, &secrets);

    // Setting a weak credential on an account fails without echoing it.
    let mut account = account();
    let error = account.set_pin("147258", now()).unwrap_err();
    let error2 = account
        .set_password("rahasiaku8317", &policy, now())
        .unwrap_err();
    let mut out = error_outputs!(error);
    out.extend(error_outputs!(error2));
    assert_hidden(
        "weak credential errors",
        &out,
        &["147258", "rahasiaku8317", "8317"],
    );
}

#[test]
fn reset_challenges_and_verified_codes_never_show_the_code() {
    let policy = CredentialPolicy::default();
    let account = account();
    let mut out = Vec::new();
    for channel in [ContactKind::Phone, ContactKind::Email] {
        let mut challenge = account
            .issue_challenge(
                ChallengePurpose::CredentialReset,
                channel,
                CODE,
                &policy,
                now(),
            )
            .unwrap();
        out.extend(outputs!(challenge));
        out.extend(outputs!(challenge.status()));
        out.push(("masked destination", challenge.masked_destination()));
        let wrong = challenge.verify("604719", now()).unwrap_err();
        out.extend(error_outputs!(wrong));
        let malformed = challenge.verify("604718 1", now()).unwrap_err();
        out.extend(error_outputs!(malformed));
        let proof = challenge.verify(CODE, now()).unwrap();
        out.push(("VerifiedCode Debug", format!("{proof:?}")));
        out.push(("VerifiedCode pretty Debug", format!("{proof:#?}")));
        out.extend(outputs!(challenge));
        let replay = challenge.verify(CODE, now()).unwrap_err();
        out.extend(error_outputs!(replay));
    }
    for bad in ["60471", "6047181", "60471x"] {
        let error = account
            .issue_challenge(
                ChallengePurpose::CredentialReset,
                ContactKind::Phone,
                bad,
                &policy,
                now(),
            )
            .unwrap_err();
        out.extend(error_outputs!(error));
    }
    assert_hidden("reset challenge", &out, &[CODE, "604719", "60471"]);
    // Positive control: the outputs name the purpose.
    assert!(
        out.iter()
            .any(|(_, text)| text.contains("credential_reset"))
    );
}

#[test]
fn credential_reset_never_echoes_the_new_pin_or_password() {
    let policy = CredentialPolicy::default();
    let mut account = account();
    account.report_stolen(now()).unwrap();
    let later = now() + Duration::hours(1);
    let checks = walletcare::account::IdentityChecks {
        id_document: true,
        selfie: true,
        otp_or_security_questions: true,
    };
    account.unfreeze(checks, later).unwrap();
    let mut challenge = account
        .issue_challenge(
            ChallengePurpose::CredentialReset,
            ContactKind::Phone,
            CODE,
            &policy,
            later,
        )
        .unwrap();
    let mut proof = challenge.verify(CODE, later).unwrap();
    let weak = account
        .complete_credential_reset(&mut proof, "147258", Some("rahasiaku8317"), &policy, later)
        .unwrap_err();
    let mut out = error_outputs!(weak);
    account
        .complete_credential_reset(&mut proof, PIN, Some(PASSWORD), &policy, later)
        .unwrap();
    out.extend(outputs!(account));
    out.push(("VerifiedCode Debug", format!("{proof:?}")));
    assert_hidden(
        "credential reset",
        &out,
        &[PIN, PASSWORD, CODE, "147258", "rahasiaku8317"],
    );
}

#[test]
fn refund_and_transaction_card_fields_keep_only_the_last_four_digits() {
    let mut out = Vec::new();
    // A full number where only the last four belong is refused, not echoed.
    for full in [PAN, PAN_DIGITS] {
        let error = Last4::new(full).unwrap_err();
        out.push(("Last4 error Display", error.to_string()));
        out.push(("Last4 error Debug", format!("{error:?}")));
        let json = serde_json::from_str::<Last4>(&format!("\"{full}\"")).unwrap_err();
        out.push(("Last4 JSON error", json.to_string()));
        let error = BankAccountRef::new("BCA", full).unwrap_err();
        out.push(("bank account error Display", error.to_string()));
        out.push(("bank account error Debug", format!("{error:?}")));
    }
    let destination = RefundDestination::Card {
        bank: BankCode::BCA,
        last4: Last4::new("1253").unwrap(),
    };
    out.extend(outputs!(destination));
    out.extend(rendered(&destination));
    let account = BankAccountRef::new("BCA", "1253").unwrap();
    out.extend(outputs!(account));
    assert_hidden("refund and transaction", &out, &CARD_SECRETS);
    assert!(out.iter().any(|(_, text)| text.contains("1253")));
}

#[test]
fn card_errors_wrapping_account_errors_show_no_secret() {
    let mut account = account();
    account.report_stolen(now()).unwrap();
    let error: CardError = account
        .bind_card(
            secret_card(),
            CardFingerprint::new("fp_1a2b3c4d").unwrap(),
            &CardPolicy::default(),
            now(),
        )
        .unwrap_err();
    let mut out = error_outputs!(error);
    out.extend(rendered(&error));
    assert_hidden("frozen account card error", &out, &CARD_SECRETS);
}

/// The C library's outputs: `walletcare-ffi` called through its Rust
/// functions exactly as C calls them. (The npm package's outputs are
/// audited by the wasm binding's own tests.)
mod c_api {
    #![allow(unsafe_code)]

    use std::ffi::{CStr, c_char};
    use std::ptr;

    use walletcare_ffi::account::{wc_password_check, wc_password_strength, wc_pin_check};
    use walletcare_ffi::card::{wc_card_problems, wc_card_validate};
    use walletcare_ffi::{wc_last_error, wc_status, wc_string_free};

    use super::{CARD_SECRETS, CVV, MASKED, PAN, PASSWORD, PIN, assert_hidden, failing_inputs};

    const NOW: i64 = 1_795_000_000;
    const LOCALES: [&CStr; 3] = [c"en", c"id-ID", c"zh-CN"];

    /// Takes an output string (and frees it).
    fn take(out: *mut c_char) -> String {
        assert!(!out.is_null());
        // SAFETY: a NUL-terminated string from walletcare, freed once.
        let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
        // SAFETY: as above.
        unsafe { wc_string_free(out) };
        text
    }

    fn last_error() -> String {
        let mut buf = [0 as c_char; 1024];
        let mut len = 0usize;
        let mut status = wc_status::WC_OK;
        // SAFETY: buf holds 1024 bytes.
        let rc = unsafe { wc_last_error(buf.as_mut_ptr(), buf.len(), &mut len, &mut status) };
        assert_eq!(rc, wc_status::WC_OK);
        assert_ne!(status, wc_status::WC_OK);
        // SAFETY: NUL-terminated by wc_last_error.
        unsafe { CStr::from_ptr(buf.as_ptr()) }
            .to_str()
            .unwrap()
            .to_owned()
    }

    /// Validates and lists problems of a card form through the C API in
    /// every locale; returns every output and error message.
    fn card_outputs(
        number: &str,
        holder: &str,
        expiry: &str,
        cvv: &str,
    ) -> Vec<(&'static str, String)> {
        let mut out_texts = Vec::new();
        let mut out = ptr::null_mut();
        // SAFETY: each pointer points to its length of bytes.
        let rc = unsafe {
            wc_card_validate(
                number.as_ptr().cast(),
                number.len(),
                holder.as_ptr().cast(),
                holder.len(),
                expiry.as_ptr().cast(),
                expiry.len(),
                cvv.as_ptr().cast(),
                cvv.len(),
                NOW,
                &mut out,
            )
        };
        if rc == wc_status::WC_OK {
            out_texts.push(("wc_card_validate output", take(out)));
        } else {
            out_texts.push(("wc_card_validate last error", last_error()));
        }
        for locale in LOCALES {
            let mut out = ptr::null_mut();
            // SAFETY: as above, a NUL-terminated locale.
            let rc = unsafe {
                wc_card_problems(
                    number.as_ptr().cast(),
                    number.len(),
                    holder.as_ptr().cast(),
                    holder.len(),
                    expiry.as_ptr().cast(),
                    expiry.len(),
                    cvv.as_ptr().cast(),
                    cvv.len(),
                    NOW,
                    locale.as_ptr(),
                    &mut out,
                )
            };
            assert_eq!(rc, wc_status::WC_OK, "{}", last_error());
            out_texts.push(("wc_card_problems output", take(out)));
        }
        out_texts
    }

    #[test]
    fn c_card_outputs_show_only_first_six_and_last_four() {
        let out = card_outputs(PAN, "Budi Santoso", "08/31", CVV);
        assert_hidden("C card validation", &out, &CARD_SECRETS);
        assert!(out[0].1.contains(MASKED), "{}", out[0].1);
        let mut checked = 0;
        for (case, input, secrets) in failing_inputs() {
            let out = card_outputs(&input.number, &input.holder_name, &input.expiry, &input.cvv);
            assert!(out[0].0.contains("last error"), "{case}: accepted");
            assert_hidden(case, &out, &secrets);
            checked += 1;
        }
        assert!(checked >= 13);
    }

    #[test]
    fn c_credential_checks_never_echo_the_pin_or_password() {
        let context =
            r#"{"phone":"+6281234567890","email":"budi@example.co.id","birth_date":"1991-04-25"}"#;
        let mut out_texts = Vec::new();
        for locale in LOCALES {
            for pin in [PIN, "147258", "250491", "445566", "73028x"] {
                let mut out = ptr::null_mut();
                // SAFETY: each pointer points to its length of bytes.
                let rc = unsafe {
                    wc_pin_check(
                        pin.as_ptr().cast(),
                        pin.len(),
                        context.as_ptr().cast(),
                        context.len(),
                        locale.as_ptr(),
                        &mut out,
                    )
                };
                assert_eq!(rc, wc_status::WC_OK, "{}", last_error());
                out_texts.push(("wc_pin_check output", take(out)));
            }
            for password in [PASSWORD, "rahasiaku8317", "Rhs-831"] {
                let mut out = ptr::null_mut();
                // SAFETY: each pointer points to its length of bytes; NULL policy.
                let rc = unsafe {
                    wc_password_check(
                        password.as_ptr().cast(),
                        password.len(),
                        ptr::null(),
                        0,
                        context.as_ptr().cast(),
                        context.len(),
                        locale.as_ptr(),
                        &mut out,
                    )
                };
                assert_eq!(rc, wc_status::WC_OK, "{}", last_error());
                out_texts.push(("wc_password_check output", take(out)));
                let mut out = ptr::null_mut();
                // SAFETY: as above.
                let rc = unsafe {
                    wc_password_strength(
                        password.as_ptr().cast(),
                        password.len(),
                        context.as_ptr().cast(),
                        context.len(),
                        locale.as_ptr(),
                        &mut out,
                    )
                };
                assert_eq!(rc, wc_status::WC_OK, "{}", last_error());
                out_texts.push(("wc_password_strength output", take(out)));
            }
        }
        assert_hidden(
            "C credential checks",
            &out_texts,
            &[
                PIN,
                "147258",
                "250491",
                "445566",
                "73028x",
                PASSWORD,
                "rahasiaku8317",
                "Rhs-831",
                "8317",
            ],
        );
        // Positive control: the verdicts are there.
        assert!(
            out_texts
                .iter()
                .any(|(_, t)| t.contains(r#""valid":false"#))
        );
    }
}

#[test]
fn triage_never_reports_a_card_number_pasted_into_a_message() {
    use walletcare::triage::{EntityKind, Triager, builtin_model, extract_entities, triage};
    let triager = Triager::new(builtin_model().unwrap().clone()).unwrap();
    let forms = [
        (PAN_DIGITS, vec![PAN_DIGITS, HIDDEN_DIGITS]),
        (
            "4532-0176-8903-1253",
            vec!["4532-0176-8903-1253", "0176-8903", PAN_DIGITS],
        ),
        (PAN, vec![PAN, "0176 8903", PAN_DIGITS]),
        ("5555555555554444", vec!["5555555555554444", "555555555544"]),
    ];
    let templates = [
        "kartu saya {} kena tagihan dua kali untuk INV/20261121/XYZ/123",
        "my card number is {} and refund INV/20261121/XYZ/123 never came",
        "我的卡号{}被扣款两次，订单INV/20261121/XYZ/123",
        "{}",
    ];
    for (form, secrets) in &forms {
        for template in templates {
            let text = template.replace("{}", form);
            let mut out = Vec::new();
            let result = triage(&text, None);
            out.extend(outputs!(result));
            out.extend(outputs!(triager.triage(&text, None)));
            out.extend(outputs!(extract_entities(&text)));
            assert_hidden(&text, &out, secrets);
            // Positive control: the order number next to it is still found.
            if text.contains("INV/") {
                assert!(
                    result.entities.iter().any(
                        |e| e.kind == EntityKind::Reference && e.text == "INV/20261121/XYZ/123"
                    ),
                    "{text}: {:?}",
                    result.entities
                );
            }
        }
    }
}
