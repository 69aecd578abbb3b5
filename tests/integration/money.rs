//! Integration tests: money arithmetic, splitting, parsing and formatting,
//! through the `walletcare` facade.

use proptest::prelude::*;
use walletcare::error::{ErrorCode, HasErrorCode};
use walletcare::locale::{Locale, Render};
use walletcare::money::{
    self, AmbiguityReason, Currency, MAX_PARTS, Money, MoneyError, ParseReason, SplitReason,
};

fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(Currency::ALL.to_vec())
}

fn locale() -> impl Strategy<Value = Locale> {
    prop::sample::select(Locale::ALL.to_vec())
}

/// Amounts of every size, with the edges and whole major units (which take
/// the rupiah's no-fraction path) well represented.
fn minor() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        -1_000_000_i64..1_000_000,
        (-10_000_000_000_i64..10_000_000_000).prop_map(|major| major * 100),
        prop::sample::select(vec![
            0,
            1,
            -1,
            99,
            100,
            999,
            1_000,
            i64::MAX,
            i64::MIN,
            i64::MAX - 1,
            i64::MIN + 1,
        ]),
    ]
}

fn money_value() -> impl Strategy<Value = Money> {
    (minor(), currency()).prop_map(|(minor, currency)| Money::new(minor, currency))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn format_then_parse_round_trips_every_amount(m in money_value(), locale in locale()) {
        let text = m.format(locale);
        prop_assert_eq!(money::parse(&text, locale, m.currency()), Ok(m), "{}", text);
        prop_assert_eq!(Money::parse(&text, locale, m.currency()), Ok(m));
        prop_assert_eq!(m.render(locale), text);
        // The plain Display form reads back in the locales using "." for decimals.
        let plain = m.to_string();
        for plain_locale in [Locale::En, Locale::ZhCn] {
            prop_assert_eq!(money::parse(&plain, plain_locale, m.currency()), Ok(m), "{}", plain);
        }
    }

    #[test]
    fn split_conserves_the_total_and_differs_by_at_most_one(
        m in money_value(),
        n in prop_oneof![1_u32..=24, 1_u32..=MAX_PARTS],
    ) {
        let parts = m.split(n).unwrap();
        prop_assert_eq!(parts.len(), n as usize);
        prop_assert!(parts.iter().all(|p| p.currency() == m.currency()));
        prop_assert_eq!(Money::checked_sum(parts.iter().copied(), m.currency()), Ok(m));
        let min = parts.iter().map(|p| p.minor()).min().unwrap();
        let max = parts.iter().map(|p| p.minor()).max().unwrap();
        prop_assert!(i128::from(max) - i128::from(min) <= 1);
        // The larger magnitudes come first, and every part has the sign of the total.
        prop_assert!(parts.windows(2).all(|w| w[0].minor().unsigned_abs() >= w[1].minor().unsigned_abs()));
        prop_assert!(parts.iter().all(|p| p.minor() == 0 || p.minor().signum() == m.minor().signum()));
        if let Ok(negated) = m.checked_neg() {
            let negated_parts: Vec<i64> = negated.split(n).unwrap().iter().map(|p| p.minor()).collect();
            let expected: Vec<i64> = parts.iter().map(|p| -p.minor()).collect();
            prop_assert_eq!(negated_parts, expected);
        }
    }

    #[test]
    fn allocate_conserves_the_total(
        m in money_value(),
        ratios in prop::collection::vec(prop_oneof![0_u64..10, any::<u64>()], 1..40),
    ) {
        let result = m.allocate(&ratios);
        if ratios.iter().all(|&r| r == 0) {
            prop_assert_eq!(
                result,
                Err(MoneyError::InvalidSplit { parts: ratios.len(), reason: SplitReason::AllRatiosZero })
            );
        } else {
            let parts = result.unwrap();
            prop_assert_eq!(parts.len(), ratios.len());
            prop_assert_eq!(Money::checked_sum(parts, m.currency()), Ok(m));
        }
    }

    #[test]
    fn allocate_gives_each_part_its_exact_share_rounded_down_or_up(
        m in money_value(),
        ratios in prop::collection::vec(prop_oneof![0_u64..10, any::<u64>()], 1..40),
    ) {
        prop_assume!(ratios.iter().any(|&r| r != 0));
        let parts = m.allocate(&ratios).unwrap();
        let total_ratio: i128 = ratios.iter().map(|&r| i128::from(r)).sum();
        let magnitude = i128::from(m.minor().unsigned_abs());
        for (part, &ratio) in parts.iter().zip(&ratios) {
            let exact = magnitude * i128::from(ratio);
            let floor = exact / total_ratio;
            let got = i128::from(part.minor().unsigned_abs());
            if exact % total_ratio == 0 {
                prop_assert_eq!(got, floor);
            } else {
                prop_assert!(got == floor || got == floor + 1, "{} for ratio {}", got, ratio);
            }
            prop_assert!(part.minor() == 0 || part.minor().signum() == m.minor().signum());
        }
    }

    #[test]
    fn checked_arithmetic_never_panics(
        a in minor(),
        b in minor(),
        factor in prop_oneof![any::<i64>(), -1_000_i64..1_000],
        left in currency(),
        right in currency(),
    ) {
        let x = Money::new(a, left);
        let y = Money::new(b, right);
        let fits = |v: i128| i64::try_from(v).ok();
        let mismatch = MoneyError::CurrencyMismatch { left, right };

        let expect = |v: i128| {
            if left != right {
                Err(mismatch.clone())
            } else {
                fits(v).map(|minor| Money::new(minor, left)).ok_or(MoneyError::Overflow)
            }
        };
        prop_assert_eq!(x.checked_add(y), expect(i128::from(a) + i128::from(b)));
        prop_assert_eq!(x.checked_sub(y), expect(i128::from(a) - i128::from(b)));
        prop_assert_eq!(
            x.checked_cmp(y),
            if left == right { Ok(a.cmp(&b)) } else { Err(mismatch.clone()) }
        );
        prop_assert_eq!(
            x.checked_mul(factor),
            fits(i128::from(a) * i128::from(factor)).map(|v| Money::new(v, left)).ok_or(MoneyError::Overflow)
        );
        prop_assert_eq!(
            x.checked_neg(),
            fits(-i128::from(a)).map(|v| Money::new(v, left)).ok_or(MoneyError::Overflow)
        );
        let sum = Money::checked_sum([x, Money::new(b, left), x], left);
        prop_assert_eq!(
            sum,
            fits(2 * i128::from(a) + i128::from(b)).map(|v| Money::new(v, left)).ok_or(MoneyError::Overflow)
        );
        if let Ok(m) = Money::from_major(a, left) {
            prop_assert_eq!(i128::from(m.minor()), i128::from(a) * i128::from(left.minor_per_major()));
        }
        for err in [x.checked_add(y), x.checked_mul(factor)].into_iter().filter_map(Result::err) {
            prop_assert!(matches!(err.code(), ErrorCode::CurrencyMismatch | ErrorCode::MoneyOverflow));
        }
    }

    #[test]
    fn parse_never_panics_and_what_it_accepts_formats_back(
        text in "[ 0-9０-９.,，．\\-−$¥￥€RpMmkKjtrbSDIUCNYJ元万亿千块盾 ]{0,24}",
        locale in locale(),
        default in currency(),
    ) {
        if let Ok(m) = money::parse(&text, locale, default) {
            prop_assert_eq!(money::parse(&m.format(locale), locale, m.currency()), Ok(m));
        }
    }
}

#[test]
fn parses_every_documented_example() {
    let idr = |minor| Money::new(minor, Currency::Idr);
    let cny = |minor| Money::new(minor, Currency::Cny);
    let cases: Vec<(&str, Locale, Currency, Money)> = vec![
        ("Rp 150.000", Locale::Id, Currency::Usd, idr(15_000_000)),
        ("Rp150.000,50", Locale::Id, Currency::Usd, idr(15_000_050)),
        ("150.000,50", Locale::Id, Currency::Idr, idr(15_000_050)),
        ("IDR 1.500.000", Locale::Id, Currency::Usd, idr(150_000_000)),
        ("50rb", Locale::Id, Currency::Idr, idr(5_000_000)),
        ("50 ribu", Locale::Id, Currency::Idr, idr(5_000_000)),
        ("1,5jt", Locale::Id, Currency::Idr, idr(150_000_000)),
        ("2 juta", Locale::Id, Currency::Idr, idr(200_000_000)),
        ("1,2 M", Locale::Id, Currency::Idr, idr(120_000_000_000)),
        (
            "1,2 miliar",
            Locale::Id,
            Currency::Idr,
            idr(120_000_000_000),
        ),
        ("¥150.00", Locale::ZhCn, Currency::Idr, cny(15_000)),
        ("￥150", Locale::ZhCn, Currency::Idr, cny(15_000)),
        ("150元", Locale::ZhCn, Currency::Idr, cny(15_000)),
        ("150.5元", Locale::ZhCn, Currency::Idr, cny(15_050)),
        ("1.5万", Locale::ZhCn, Currency::Cny, cny(1_500_000)),
        ("3千", Locale::ZhCn, Currency::Cny, cny(300_000)),
        ("2亿", Locale::ZhCn, Currency::Cny, cny(20_000_000_000)),
        ("RMB 20", Locale::ZhCn, Currency::Idr, cny(2_000)),
        ("CNY 20", Locale::ZhCn, Currency::Idr, cny(2_000)),
        (
            "$12.34",
            Locale::En,
            Currency::Idr,
            Money::new(1_234, Currency::Usd),
        ),
        (
            "USD 12.34",
            Locale::En,
            Currency::Idr,
            Money::new(1_234, Currency::Usd),
        ),
        (
            "12.34 SGD",
            Locale::En,
            Currency::Idr,
            Money::new(1_234, Currency::Sgd),
        ),
        (
            "S$5",
            Locale::En,
            Currency::Idr,
            Money::new(500, Currency::Sgd),
        ),
        (
            "RM 10.50",
            Locale::En,
            Currency::Idr,
            Money::new(1_050, Currency::Myr),
        ),
        (
            "50k",
            Locale::En,
            Currency::Usd,
            Money::new(5_000_000, Currency::Usd),
        ),
        (
            "1.2m",
            Locale::En,
            Currency::Usd,
            Money::new(120_000_000, Currency::Usd),
        ),
        (
            "1,234.56",
            Locale::En,
            Currency::Usd,
            Money::new(123_456, Currency::Usd),
        ),
        ("-Rp150.000", Locale::Id, Currency::Idr, idr(-15_000_000)),
    ];
    for (text, locale, default, want) in cases {
        assert_eq!(
            money::parse(text, locale, default),
            Ok(want),
            "{text:?} in {locale}"
        );
    }
}

#[test]
fn rejections_are_typed_and_located() {
    let parse_err = |position, char_position, reason| MoneyError::Parse {
        position,
        char_position,
        reason,
    };
    let cases: Vec<(&str, Locale, MoneyError, ErrorCode)> = vec![
        (
            "",
            Locale::En,
            parse_err(0, 0, ParseReason::Empty),
            ErrorCode::MoneyParse,
        ),
        (
            " \t ",
            Locale::Id,
            parse_err(0, 0, ParseReason::Empty),
            ErrorCode::MoneyParse,
        ),
        (
            "1.50.000",
            Locale::Id,
            parse_err(1, 1, ParseReason::MisplacedSeparator),
            ErrorCode::MoneyParse,
        ),
        (
            "12 34",
            Locale::En,
            parse_err(3, 3, ParseReason::MultipleNumbers),
            ErrorCode::MoneyParse,
        ),
        (
            "元 5 元 6",
            Locale::ZhCn,
            parse_err(10, 6, ParseReason::MultipleNumbers),
            ErrorCode::MoneyParse,
        ),
        (
            "1.500",
            Locale::En,
            MoneyError::Ambiguous {
                position: 1,
                char_position: 1,
                reason: AmbiguityReason::Separator,
            },
            ErrorCode::MoneyAmbiguous,
        ),
        (
            "1,500",
            Locale::Id,
            MoneyError::Ambiguous {
                position: 1,
                char_position: 1,
                reason: AmbiguityReason::Separator,
            },
            ErrorCode::MoneyAmbiguous,
        ),
        (
            "$1.999",
            Locale::En,
            MoneyError::Ambiguous {
                position: 2,
                char_position: 2,
                reason: AmbiguityReason::Separator,
            },
            ErrorCode::MoneyAmbiguous,
        ),
        (
            "Rp150.000,505",
            Locale::Id,
            MoneyError::TooPrecise {
                position: 12,
                char_position: 12,
                currency: Currency::Idr,
            },
            ErrorCode::MoneyTooPrecise,
        ),
        (
            "￥1.234",
            Locale::ZhCn,
            MoneyError::Ambiguous {
                position: 4,
                char_position: 2,
                reason: AmbiguityReason::Separator,
            },
            ErrorCode::MoneyAmbiguous,
        ),
        (
            "￥1,000.125",
            Locale::ZhCn,
            MoneyError::TooPrecise {
                position: 11,
                char_position: 9,
                currency: Currency::Cny,
            },
            ErrorCode::MoneyTooPrecise,
        ),
        (
            "99,999,999,999,999,999",
            Locale::En,
            MoneyError::Overflow,
            ErrorCode::MoneyOverflow,
        ),
        (
            "GBP 5",
            Locale::En,
            MoneyError::UnknownCurrency("GBP".into()),
            ErrorCode::UnknownCurrency,
        ),
    ];
    for (text, locale, want, code) in cases {
        let got = money::parse(text, locale, Currency::Idr).unwrap_err();
        assert_eq!(got, want, "{text:?} in {locale}");
        assert_eq!(got.code(), code, "{text:?}");
    }
    let huge = "9".repeat(1_000);
    let err = money::parse(&huge, Locale::En, Currency::Usd).unwrap_err();
    assert_eq!(
        err,
        MoneyError::InputTooLarge {
            len: 1_000,
            max: money::MAX_PARSE_LEN
        }
    );
    assert_eq!(err.code(), ErrorCode::InputTooLarge);
}

#[test]
fn formatted_text_names_its_currency_whatever_the_default() {
    // A formatted amount parses back to itself with any default currency,
    // except that "$" and "¥" are refused as ambiguous when the default is a
    // rival dollar or yen.
    for currency in Currency::ALL {
        for minor in [0, 5, -5, 123_456_789, 15_000_000] {
            let m = Money::new(minor, currency);
            for locale in Locale::ALL {
                let text = m.format(locale);
                for default in Currency::ALL {
                    match money::parse(&text, locale, default) {
                        Ok(got) => assert_eq!(got, m, "{text:?} with {default}"),
                        Err(MoneyError::Ambiguous {
                            reason: AmbiguityReason::CurrencySymbol,
                            ..
                        }) => {
                            let rival = match currency {
                                Currency::Usd => [Currency::Sgd, Currency::Hkd].contains(&default),
                                Currency::Cny => default == Currency::Jpy,
                                _ => false,
                            };
                            assert!(rival, "{text:?} with {default}");
                        }
                        Err(e) => panic!("{text:?} with {default}: {e}"),
                    }
                }
            }
        }
    }
}

#[test]
fn documented_formats_per_locale() {
    let cases = [
        (
            Money::new(15_000_000, Currency::Idr),
            Locale::Id,
            "Rp150.000",
        ),
        (
            Money::new(15_000_050, Currency::Idr),
            Locale::Id,
            "Rp150.000,50",
        ),
        (Money::new(15_000, Currency::Cny), Locale::ZhCn, "¥150.00"),
        (
            Money::new(15_000_000, Currency::Idr),
            Locale::ZhCn,
            "Rp150,000",
        ),
        (Money::new(1_234, Currency::Usd), Locale::En, "$12.34"),
        (
            Money::new(15_000_000, Currency::Idr),
            Locale::En,
            "IDR 150,000",
        ),
        (Money::new(500, Currency::Sgd), Locale::En, "S$5.00"),
        (Money::new(1_050, Currency::Myr), Locale::En, "RM10.50"),
        (Money::new(-1_234, Currency::Usd), Locale::En, "-$12.34"),
        (
            Money::new(-15_000_000, Currency::Idr),
            Locale::Id,
            "-Rp150.000",
        ),
    ];
    for (m, locale, want) in cases {
        assert_eq!(m.format(locale), want);
    }
    assert_eq!(
        Money::new(15_000_000, Currency::Idr).to_string(),
        "IDR 150000.00"
    );
}

#[test]
fn split_and_allocate_refuse_bad_counts_with_the_split_code() {
    let m = Money::new(100, Currency::Idr);
    for err in [
        m.split(0).unwrap_err(),
        m.split(MAX_PARTS + 1).unwrap_err(),
        m.allocate(&[]).unwrap_err(),
        m.allocate(&[0]).unwrap_err(),
    ] {
        assert_eq!(err.code(), ErrorCode::InvalidSplit);
        assert!(!err.render(Locale::Id).is_empty());
    }
}

#[test]
fn errors_have_a_stable_snake_case_json_form() {
    let cases = [
        (MoneyError::Overflow, r#""overflow""#),
        (
            MoneyError::CurrencyMismatch {
                left: Currency::Idr,
                right: Currency::Usd,
            },
            r#"{"currency_mismatch":{"left":"IDR","right":"USD"}}"#,
        ),
        (
            MoneyError::Ambiguous {
                position: 1,
                char_position: 1,
                reason: AmbiguityReason::CurrencySymbol,
            },
            r#"{"ambiguous":{"position":1,"char_position":1,"reason":"currency_symbol"}}"#,
        ),
        (
            MoneyError::TooPrecise {
                position: 5,
                char_position: 4,
                currency: Currency::Jpy,
            },
            r#"{"too_precise":{"position":5,"char_position":4,"currency":"JPY"}}"#,
        ),
        (
            MoneyError::InvalidSplit {
                parts: 0,
                reason: SplitReason::ZeroParts,
            },
            r#"{"invalid_split":{"parts":0,"reason":"zero_parts"}}"#,
        ),
        (
            MoneyError::InputTooLarge { len: 300, max: 256 },
            r#"{"input_too_large":{"len":300,"max":256}}"#,
        ),
    ];
    for (err, json) in cases {
        assert_eq!(serde_json::to_string(&err).unwrap(), json);
        assert_eq!(serde_json::from_str::<MoneyError>(json).unwrap(), err);
    }
    assert!(serde_json::from_str::<ParseReason>(r#""no_such_reason""#).is_err());
}
