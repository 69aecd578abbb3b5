//! The phone-number rules against Google's libphonenumber, through its Rust
//! port (the `phonenumber` crate, metadata 9.0.33, a dev-dependency): the
//! 54 cases of issue 15 as a table, every pattern string, every example
//! number of the metadata, and numbers generated over every three-digit
//! prefix and length of the four regions. Plus round trips (proptest).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;

use super::contact::{PhoneNumber, PhoneNumberInfo, PhoneNumberType, PhoneRegion, classify_phone};
use super::numbering::{REGIONS, RegionRules};
use super::{AccountError, ContactProblem};

use PhoneNumberType as T;
use PhoneRegion::{China as CN, Indonesia as ID, Malaysia as MY, Singapore as SG};

fn oracle_id(region: PhoneRegion) -> phonenumber::country::Id {
    match region {
        ID => phonenumber::country::Id::ID,
        CN => phonenumber::country::Id::CN,
        SG => phonenumber::country::Id::SG,
        MY => phonenumber::country::Id::MY,
    }
}

fn oracle_type(t: phonenumber::Type) -> PhoneNumberType {
    use phonenumber::Type as O;
    match t {
        O::Mobile => T::Mobile,
        O::FixedLine => T::FixedLine,
        O::FixedLineOrMobile => T::FixedLineOrMobile,
        O::TollFree => T::TollFree,
        O::PremiumRate => T::PremiumRate,
        O::SharedCost => T::SharedCost,
        O::Voip => T::Voip,
        O::PersonalNumber => T::PersonalNumber,
        O::Pager => T::Pager,
        O::Uan => T::Uan,
        O::Voicemail => T::Voicemail,
        _ => T::Unknown,
    }
}

/// libphonenumber's reading: the E.164 form and type of a valid number,
/// `None` for one it refuses or finds invalid.
fn oracle(input: &str, region: Option<PhoneRegion>) -> Option<(String, PhoneNumberType)> {
    let number = phonenumber::parse(region.map(oracle_id), input).ok()?;
    if !phonenumber::is_valid(&number) {
        return None;
    }
    let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
    Some((
        e164,
        oracle_type(number.number_type(&phonenumber::metadata::DATABASE)),
    ))
}

/// Ours, in the same shape.
fn ours(input: &str, region: PhoneRegion) -> Result<(String, PhoneNumberType), ContactProblem> {
    match classify_phone(input, region) {
        Ok(PhoneNumberInfo {
            number,
            number_type,
            ..
        }) => Ok((number, number_type)),
        Err(AccountError::InvalidContact { problem, .. }) => Err(problem),
        Err(other) => panic!("unexpected {other:?}"),
    }
}

enum Want {
    Valid(&'static str, PhoneNumberType),
    Refused(ContactProblem),
}

/// How libphonenumber answers a case.
enum Oracle {
    /// The same verdict, number and type.
    Agrees,
    /// A documented difference, and why walletcare keeps it.
    Differs(&'static str),
}

use Oracle::{Agrees, Differs};
use Want::{Refused, Valid};

const fn wrong_length(digits: u32) -> Want {
    Refused(ContactProblem::WrongLength { digits })
}

const fn invalid_in(region: PhoneRegion) -> Want {
    Refused(ContactProblem::InvalidNumber { region })
}

const NO_PLAN: &str = "no plan for this country: walletcare checks the E.164 length only";
const DOUBLE_ZERO: &str = "00 and a country code is read as international in every region, the way users type it; libphonenumber knows only Indonesia's 008/009 there";

/// Issue 15's comparison: what a user types, the region they are in, our
/// answer (worked out from the metadata by hand) and libphonenumber's.
#[rustfmt::skip]
fn cases() -> Vec<(&'static str, PhoneRegion, Want, Oracle)> {
    vec![
        // Indonesia
        ("0812-3456-7890", ID, Valid("+6281234567890", T::Mobile), Agrees),
        ("+62 812 3456 7890", ID, Valid("+6281234567890", T::Mobile), Agrees),
        ("62 812 3456 7890", ID, Valid("+6281234567890", T::Mobile), Agrees),
        ("81234567890", ID, Valid("+6281234567890", T::Mobile), Agrees),
        ("+62 0812 3456 7890", ID, Valid("+6281234567890", T::Mobile), Agrees),
        ("0800 1234 567", ID, Valid("+628001234567", T::TollFree), Agrees),
        ("+62 800 1234 567", ID, Valid("+628001234567", T::TollFree), Agrees),
        ("0809 1234 567", ID, Valid("+628091234567", T::PremiumRate), Agrees),
        ("0804 1234 567", ID, Valid("+628041234567", T::SharedCost), Agrees),
        ("021-5551-234", ID, Valid("+62215551234", T::FixedLine), Agrees),
        ("(021) 2345 6789", ID, Valid("+622123456789", T::FixedLine), Agrees),
        ("1500 123", ID, Valid("+621500123", T::Uan), Agrees),
        ("0812 345", ID, wrong_length(8), Agrees),
        ("0812 3456 7890 123", ID, invalid_in(ID), Agrees),
        ("0842 1234 5678", ID, invalid_in(ID), Agrees),
        ("008 62 812 3456 7890", ID, Valid("+6281234567890", T::Mobile), Agrees),
        ("0062 812 3456 7890", ID, Valid("+6281234567890", T::Mobile), Differs(DOUBLE_ZERO)),
        ("0086 138 0013 8000", ID, Valid("+8613800138000", T::Mobile), Differs(DOUBLE_ZERO)),
        // China
        ("138 0013 8000", CN, Valid("+8613800138000", T::Mobile), Agrees),
        ("13800138000", CN, Valid("+8613800138000", T::Mobile), Agrees),
        ("+86 138 0013 8000", CN, Valid("+8613800138000", T::Mobile), Agrees),
        ("86 138 0013 8000", CN, Valid("+8613800138000", T::Mobile), Agrees),
        ("17951 138 0013 8000", CN, Valid("+8613800138000", T::Mobile), Agrees),
        ("010-1234 5678", CN, Valid("+861012345678", T::FixedLine), Agrees),
        ("021 6234 5678", CN, Valid("+862162345678", T::FixedLine), Agrees),
        ("400 123 4567", CN, Valid("+864001234567", T::SharedCost), Agrees),
        ("800 123 4567", CN, Valid("+868001234567", T::TollFree), Agrees),
        ("168 12345", CN, Valid("+8616812345", T::PremiumRate), Agrees),
        ("+86 123 4567 8901", CN, invalid_in(CN), Agrees),
        ("123 4567 8901", CN, invalid_in(CN), Agrees),
        ("138 0013 800", CN, invalid_in(CN), Agrees),
        // Singapore
        ("9123 4567", SG, Valid("+6591234567", T::Mobile), Agrees),
        ("8123 4567", SG, Valid("+6581234567", T::Mobile), Agrees),
        ("65 9123 4567", SG, Valid("+6591234567", T::Mobile), Agrees),
        ("001 62 812 3456 7890", SG, Valid("+6281234567890", T::Mobile), Agrees),
        ("6123 4567", SG, Valid("+6561234567", T::FixedLine), Agrees),
        ("1800 123 4567", SG, Valid("+6518001234567", T::TollFree), Agrees),
        ("1900 123 4567", SG, Valid("+6519001234567", T::PremiumRate), Agrees),
        ("3123 4567", SG, Valid("+6531234567", T::Voip), Agrees),
        ("7000 123 4567", SG, Valid("+6570001234567", T::Uan), Agrees),
        ("+65 1234 5678", SG, invalid_in(SG), Agrees),
        ("1234 5678", SG, invalid_in(SG), Agrees),
        ("9123 456", SG, wrong_length(9), Agrees),
        // Malaysia
        ("012-345 6789", MY, Valid("+60123456789", T::Mobile), Agrees),
        ("011-2345 6789", MY, Valid("+601123456789", T::Mobile), Agrees),
        ("+60 12-345 6789", MY, Valid("+60123456789", T::Mobile), Agrees),
        ("60 12-345 6789", MY, Valid("+60123456789", T::Mobile), Agrees),
        ("03-2385 6789", MY, Valid("+60323856789", T::FixedLine), Agrees),
        ("1300 88 1234", MY, Valid("+601300881234", T::TollFree), Agrees),
        ("1600 12 3456", MY, Valid("+601600123456", T::PremiumRate), Agrees),
        ("012-345 678", MY, invalid_in(MY), Agrees),
        // Elsewhere: no plan, the E.164 length only.
        ("+1 415 555 0100", ID, Valid("+14155550100", T::Unknown), Agrees),
        ("+999 1234 5678", SG, Valid("+99912345678", T::Unknown), Differs(NO_PLAN)),
        ("+0123456789", MY, Refused(ContactProblem::InvalidCountryCode), Agrees),
    ]
}

#[test]
fn issue_cases_match_libphonenumber_or_say_why_not() {
    let cases = cases();
    assert_eq!(cases.len(), 54);
    let mut differences = 0;
    for (input, region, want, oracle_says) in cases {
        let got = ours(input, region);
        let theirs = oracle(input, Some(region));
        match &want {
            Valid(e164, t) => assert_eq!(got, Ok(((*e164).to_owned(), *t)), "{input} in {region}"),
            Refused(problem) => assert_eq!(got, Err(*problem), "{input} in {region}"),
        }
        // The account's phone takes only what can receive SMS.
        let account = PhoneNumber::parse_in(input, region);
        match (&want, account) {
            (Valid(e164, t), Ok(phone)) => {
                assert!(t.receives_sms() || *t == T::Unknown, "{input}");
                assert_eq!(phone.as_str(), *e164);
            }
            (Valid(_, t), Err(AccountError::InvalidContact { problem, .. })) => {
                assert_eq!(
                    problem,
                    ContactProblem::NotMobile { number_type: *t },
                    "{input}"
                );
            }
            (Refused(_), account) => assert!(account.is_err(), "{input}"),
            (_, Err(other)) => panic!("{input}: {other:?}"),
        }
        let ours_as_oracle = got.ok();
        match oracle_says {
            Agrees => match (&ours_as_oracle, &theirs) {
                // No plan: the verdict and number agree, the type is theirs.
                (Some((n, T::Unknown)), Some((m, _))) => assert_eq!(n, m, "{input}"),
                _ => assert_eq!(ours_as_oracle, theirs, "{input} in {region}"),
            },
            Differs(why) => {
                differences += 1;
                assert_ne!(
                    ours_as_oracle.map(|(n, _)| n),
                    theirs.map(|(n, _)| n),
                    "{input}: listed as a difference ({why}), but libphonenumber now agrees"
                );
            }
        }
    }
    assert_eq!(differences, 3);
}

/// The issue's three findings, one by one.
#[test]
fn issue_findings_are_fixed() {
    let problem = |input: &str, region| match PhoneNumber::parse_in(input, region) {
        Err(AccountError::InvalidContact { problem, .. }) => problem,
        other => panic!("{input}: {other:?}"),
    };
    assert_eq!(
        problem("0800 1234 567", ID),
        ContactProblem::NotMobile {
            number_type: T::TollFree
        }
    );
    assert_eq!(
        problem("+86 123 4567 8901", ID),
        ContactProblem::InvalidNumber { region: CN }
    );
    assert_eq!(
        problem("+65 1234 5678", ID),
        ContactProblem::InvalidNumber { region: SG }
    );
    for (local, region, e164) in [
        ("138 0013 8000", CN, "+8613800138000"),
        ("9123 4567", SG, "+6591234567"),
        ("012-345 6789", MY, "+60123456789"),
    ] {
        assert_eq!(PhoneNumber::parse_in(local, region).unwrap().as_str(), e164);
        // Without the region they are read as Indonesian, and refused.
        assert!(PhoneNumber::parse(local).is_err(), "{local}");
    }
}

/// The pattern strings are libphonenumber's, character for character.
#[test]
fn patterns_are_the_metadata_patterns() {
    let strip = |s: &str| s.split_whitespace().collect::<String>();
    for rules in &REGIONS {
        let meta = phonenumber::metadata::DATABASE
            .by_id(rules.region.as_str())
            .unwrap();
        assert_eq!(meta.country_code().to_string(), rules.country_code);
        assert_eq!(
            strip(meta.descriptors().general().national_number().as_str()),
            rules.general
        );
        assert_eq!(
            meta.international_prefix().map(|p| strip(p.as_str())),
            Some(rules.international_prefix.to_owned())
        );
        assert_eq!(meta.national_prefix(), rules.national_prefix);
        assert_eq!(
            meta.national_prefix_for_parsing()
                .map(|p| strip(p.as_str())),
            rules.national_prefix_for_parsing.map(str::to_owned)
        );
        let mut known = 0;
        for t in [
            phonenumber::Type::PremiumRate,
            phonenumber::Type::TollFree,
            phonenumber::Type::SharedCost,
            phonenumber::Type::Voip,
            phonenumber::Type::PersonalNumber,
            phonenumber::Type::Pager,
            phonenumber::Type::Uan,
            phonenumber::Type::Voicemail,
            phonenumber::Type::FixedLine,
            phonenumber::Type::Mobile,
        ] {
            let ours = rules.types.iter().find(|r| r.number_type == oracle_type(t));
            match meta.descriptors().get(t) {
                Some(desc) => {
                    let ours = ours.unwrap_or_else(|| panic!("{} {t:?} missing", rules.region));
                    known += 1;
                    assert_eq!(strip(desc.national_number().as_str()), ours.pattern);
                    let lengths: Vec<u16> = ours.lengths.iter().map(|&l| u16::from(l)).collect();
                    assert_eq!(desc.possible_length(), lengths, "{} {t:?}", rules.region);
                    // And the metadata's example number has that type.
                    let example = desc.example().unwrap();
                    assert_eq!(rules.number_type(example), oracle_type(t), "{example}");
                }
                None => assert!(
                    ours.is_none(),
                    "{} {t:?} is not in the metadata",
                    rules.region
                ),
            }
        }
        assert_eq!(known, rules.types.len());
    }
}

/// A deterministic filler for generated numbers.
fn filler(seed: u64, len: usize) -> String {
    let mut x = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    (0..len)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            char::from(b'0' + u8::try_from((x >> 33) % 10).unwrap())
        })
        .collect()
}

/// libphonenumber's `getNumberType` (the Java original: every pattern must
/// match the whole number, in this order of precedence) over the
/// `phonenumber` crate's metadata, with the `regex` crate.
struct Reference {
    general: regex::Regex,
    types: Vec<(PhoneNumberType, Vec<u16>, regex::Regex)>,
}

impl Reference {
    fn new(region: PhoneRegion) -> Reference {
        let meta = phonenumber::metadata::DATABASE
            .by_id(region.as_str())
            .unwrap();
        let whole = |pattern: &str| {
            let pattern: String = pattern.split_whitespace().collect();
            regex::Regex::new(&format!("^(?:{pattern})$")).unwrap()
        };
        let types = [
            phonenumber::Type::PremiumRate,
            phonenumber::Type::TollFree,
            phonenumber::Type::SharedCost,
            phonenumber::Type::Voip,
            phonenumber::Type::PersonalNumber,
            phonenumber::Type::Pager,
            phonenumber::Type::Uan,
            phonenumber::Type::Voicemail,
            phonenumber::Type::FixedLine,
            phonenumber::Type::Mobile,
        ]
        .into_iter()
        .filter_map(|t| {
            let desc = meta.descriptors().get(t)?;
            Some((
                oracle_type(t),
                desc.possible_length().to_vec(),
                whole(desc.national_number().as_str()),
            ))
        })
        .collect();
        Reference {
            general: whole(meta.descriptors().general().national_number().as_str()),
            types,
        }
    }

    fn number_type(&self, national: &str) -> PhoneNumberType {
        if !self.general.is_match(national) {
            return T::Unknown;
        }
        let len = u16::try_from(national.len()).unwrap();
        let matches = |t: PhoneNumberType| {
            self.types
                .iter()
                .any(|(u, lengths, re)| *u == t && lengths.contains(&len) && re.is_match(national))
        };
        for (t, ..) in &self.types {
            if !matches!(t, T::FixedLine | T::Mobile) && matches(*t) {
                return *t;
            }
        }
        match (matches(T::FixedLine), matches(T::Mobile)) {
            (true, true) => T::FixedLineOrMobile,
            (true, false) => T::FixedLine,
            (false, true) => T::Mobile,
            (false, false) => T::Unknown,
        }
    }
}

/// Every three-digit start of a national significant number from 100 to
/// 999, every length from 6 to 12 digits, in each region:
///
/// - our type is libphonenumber's (its Java rule, whole-number matches) on
///   every one;
/// - typed in international form and in national form with the trunk
///   prefix, the `phonenumber` crate reads the same E.164 number, verdict
///   and type, except where its type comes from a pattern matching only
///   the start of the number (it tests `find` at 0 and the length, not a
///   whole match): those are counted and each is checked to be that case.
#[test]
fn generated_numbers_agree_with_libphonenumber() {
    let mut checked = 0_u32;
    let mut prefix_only = 0_u32;
    let mut valid = [0_u32; 12];
    let mut disagreements = Vec::new();
    for rules in &REGIONS {
        let region = rules.region;
        let reference = Reference::new(region);
        let prefix = rules.national_prefix.unwrap_or_default();
        let meta = phonenumber::metadata::DATABASE
            .by_id(region.as_str())
            .unwrap();
        let generated = (100..1000_u64).flat_map(|start| {
            (6..=12).map(move |len| {
                format!("{start:03}{}", filler(start * 31 + len as u64 * 7, len - 3))
            })
        });
        // And a hundred neighbours of each type's example number.
        let examples: Vec<String> = rules
            .types
            .iter()
            .filter_map(|t| {
                let kind = [
                    phonenumber::Type::PremiumRate,
                    phonenumber::Type::TollFree,
                    phonenumber::Type::SharedCost,
                    phonenumber::Type::Voip,
                    phonenumber::Type::Uan,
                    phonenumber::Type::FixedLine,
                    phonenumber::Type::Mobile,
                ]
                .into_iter()
                .find(|k| oracle_type(*k) == t.number_type)?;
                meta.descriptors().get(kind)?.example().map(str::to_owned)
            })
            .collect();
        let neighbours = examples.iter().flat_map(|example| {
            let head = &example[..example.len() - 4];
            (0..100_u32).map(move |i| format!("{head}{:04}", i * 97 % 10_000))
        });
        for national in generated.chain(neighbours) {
            let want = reference.number_type(&national);
            let direct = rules.number_type(&national);
            if direct != want {
                disagreements.push(format!(
                    "{national} in {region}: ours {direct}, libphonenumber {want}"
                ));
            }
            for input in [
                format!("+{}{national}", rules.country_code),
                format!("{prefix}{national}"),
            ] {
                checked += 1;
                let got = ours(&input, region).ok();
                let theirs = oracle(&input, Some(region));
                if got == theirs {
                    if let Some((_, t)) = got {
                        valid[T::ALL.iter().position(|x| *x == t).unwrap()] += 1;
                    }
                    continue;
                }
                // The crate's number must then be one the whole-match
                // rule refuses or types otherwise.
                let prefix_match = theirs.as_ref().is_some_and(|(e164, t)| {
                    let nsn = e164
                        .trim_start_matches('+')
                        .get(rules.country_code.len()..)
                        .unwrap();
                    reference.number_type(nsn) != *t
                        && got
                            .as_ref()
                            .is_none_or(|(n, u)| n == e164 && *u == reference.number_type(nsn))
                });
                // The crate also drops a leading country code typed
                // without `+` when the whole is a valid national
                // number (its length test for type `Unknown` always
                // fails); libphonenumber keeps it, as we do.
                let kept_code = input.starts_with(rules.country_code)
                    && got.as_ref().is_some_and(|(n, t)| {
                        *n == format!("+{}{input}", rules.country_code)
                            && *t == reference.number_type(&input)
                    });
                let explained = prefix_match || kept_code;
                if explained {
                    prefix_only += 1;
                } else {
                    disagreements.push(format!(
                        "{input} in {region}: ours {got:?}, phonenumber {theirs:?}"
                    ));
                }
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {checked}:\n{}",
        disagreements.len(),
        disagreements
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(checked > 50_000, "{checked}");
    // The crate's prefix matching is a small share.
    assert!(prefix_only * 20 < checked, "{prefix_only} of {checked}");
    // Every type the four plans have was hit many times.
    for t in [
        T::Mobile,
        T::FixedLine,
        T::TollFree,
        T::PremiumRate,
        T::SharedCost,
        T::Voip,
        T::Uan,
    ] {
        assert!(
            valid[T::ALL.iter().position(|x| *x == t).unwrap()] >= 20,
            "{t}: {valid:?}"
        );
    }
}

/// A mobile number of a region, from a generated national number.
fn mobile() -> impl Strategy<Value = (PhoneRegion, String)> {
    prop_oneof![
        "8[1-35-9][0-9]{7,10}".prop_map(|n| (ID, n)),
        "1(3[0-9]|4[57]|5[0-35-9]|8[0-9])[0-9]{8}".prop_map(|n| (CN, n)),
        "(8[1-9]|9[0-8])[0-9]{6}".prop_map(|n| (SG, n)),
        "1(2[0-9]|6[0-9]|9[0-9]{2})[0-9]{5,6}".prop_map(|n| (MY, n)),
    ]
    .prop_filter("a mobile number", |(region, national)| {
        RegionRules::of(*region).number_type(national) == T::Mobile
    })
}

/// How a person might write a number: separators between digits.
fn written(digits: &str, seps: &[u8]) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        out.push(c);
        match seps.get(i).copied().unwrap_or(0) % 8 {
            0 => out.push(' '),
            1 => out.push('-'),
            2 => out.push('.'),
            _ => {}
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn mobile_numbers_round_trip_through_every_written_form(
        (region, national) in mobile(),
        seps in proptest::collection::vec(any::<u8>(), 20),
        other in prop::sample::select(PhoneRegion::ALL.to_vec()),
    ) {
        let e164 = format!("+{}{national}", region.country_code());
        let phone = PhoneNumber::parse_in(&e164, other).unwrap();
        prop_assert_eq!(phone.as_str(), e164.as_str());
        prop_assert_eq!(phone.region(), Some(region));
        prop_assert_eq!(phone.number_type(), T::Mobile);
        // parse(format(x)) == x for each form the type prints.
        prop_assert_eq!(&PhoneNumber::parse_in(phone.as_str(), other).unwrap(), &phone);
        let local = phone.national().unwrap();
        prop_assert_eq!(&PhoneNumber::parse_in(&local, region).unwrap(), &phone);
        prop_assert_eq!(&PhoneNumber::parse_in(&written(&local, &seps), region).unwrap(), &phone);
        prop_assert_eq!(&PhoneNumber::parse_in(&written(&e164, &seps), other).unwrap(), &phone);
        let json = serde_json::to_string(&phone).unwrap();
        prop_assert_eq!(serde_json::from_str::<PhoneNumber>(&json).unwrap(), phone);
    }

    #[test]
    fn whatever_is_read_reads_back_to_itself(
        input in "[+]?[0-9 ()-]{0,24}",
        region in prop::sample::select(PhoneRegion::ALL.to_vec()),
        other in prop::sample::select(PhoneRegion::ALL.to_vec()),
    ) {
        if let Ok(info) = classify_phone(&input, region) {
            prop_assert_eq!(&classify_phone(&info.number, other).unwrap(), &info);
            if let Some(r) = info.region {
                let code = format!("+{}", r.country_code());
                prop_assert!(info.number.starts_with(&code), "{} is not in {}", info.number, r);
            }
        }
        // And never a panic, on anything.
        let _ = PhoneNumber::parse_in(&input, region);
    }
}
