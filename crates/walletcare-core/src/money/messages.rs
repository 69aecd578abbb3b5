//! Messages for end users about money errors, in every locale.

use super::{AmbiguityReason, MoneyError, ParseReason, SplitReason};
use crate::locale::{Locale, Render};

/// A message a support agent or a chat assistant can show the user: what is
/// wrong and, where it helps, at which character (counted from 1).
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::money::{Currency, Money};
///
/// let err = Money::parse("1.50.000", Locale::Id, Currency::Idr).unwrap_err();
/// assert_eq!(
///     err.render(Locale::Id),
///     "Pemisah ribuan atau desimal di karakter ke-2 salah tempat."
/// );
/// assert_eq!(err.render(Locale::ZhCn), "第 2 个字符处的千位分隔符或小数点位置不对。");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for MoneyError {
    fn render(&self, locale: Locale) -> String {
        match self {
            MoneyError::CurrencyMismatch { left, right } => match locale {
                Locale::En => format!("Amounts in {left} and {right} cannot be combined."),
                Locale::Id => format!("Nominal {left} dan {right} tidak dapat digabungkan."),
                Locale::ZhCn => format!("{left} 和 {right} 的金额不能合并计算。"),
            },
            MoneyError::Overflow => locale
                .pick(
                    "The amount is too large.",
                    "Nominalnya terlalu besar.",
                    "金额过大。",
                )
                .to_owned(),
            MoneyError::UnknownCurrency(code) => match locale {
                Locale::En => format!("The currency {code:?} is not supported."),
                Locale::Id => format!("Mata uang {code:?} tidak didukung."),
                Locale::ZhCn => format!("不支持货币“{code}”。"),
            },
            MoneyError::Parse {
                char_position,
                reason,
                ..
            } => parse_message(*reason, char_position.saturating_add(1), locale),
            MoneyError::Ambiguous {
                char_position,
                reason,
                ..
            } => ambiguity_message(*reason, char_position.saturating_add(1), locale),
            MoneyError::TooPrecise { currency, .. } => {
                let code = currency.code();
                match (currency.exponent(), locale) {
                    (0, Locale::En) => format!("{code} amounts cannot have decimals."),
                    (0, Locale::Id) => format!("Nominal {code} tidak boleh memakai desimal."),
                    (0, Locale::ZhCn) => format!("{code} 金额不能有小数。"),
                    (places, Locale::En) => {
                        format!("{code} amounts can have at most {places} decimal places.")
                    }
                    (places, Locale::Id) => {
                        format!("Nominal {code} paling banyak {places} angka di belakang koma.")
                    }
                    (places, Locale::ZhCn) => format!("{code} 金额最多只能有 {places} 位小数。"),
                }
            }
            MoneyError::InputTooLarge { .. } => locale
                .pick(
                    "The amount text is too long.",
                    "Teks nominalnya terlalu panjang.",
                    "金额文字过长。",
                )
                .to_owned(),
            MoneyError::InvalidSplit { reason, .. } => split_message(*reason, locale),
        }
    }
}

fn parse_message(reason: ParseReason, n: usize, locale: Locale) -> String {
    match (reason, locale) {
        (ParseReason::Empty, _) => locale
            .pick(
                "Please enter an amount.",
                "Silakan masukkan nominal.",
                "请输入金额。",
            )
            .to_owned(),
        (ParseReason::MissingNumber, _) => locale
            .pick(
                "Please write the amount in digits, for example 50000.",
                "Silakan tulis nominal dengan angka, misalnya 50000.",
                "请用数字填写金额，例如 50000。",
            )
            .to_owned(),
        (ParseReason::UnexpectedCharacter, Locale::En) => {
            format!("Character {n} cannot be part of an amount.")
        }
        (ParseReason::UnexpectedCharacter, Locale::Id) => {
            format!("Karakter ke-{n} tidak bisa menjadi bagian dari nominal.")
        }
        (ParseReason::UnexpectedCharacter, Locale::ZhCn) => {
            format!("第 {n} 个字符不能出现在金额中。")
        }
        (ParseReason::UnknownWord, Locale::En) => {
            format!("The word at character {n} is not a currency or unit we know.")
        }
        (ParseReason::UnknownWord, Locale::Id) => {
            format!("Kata di karakter ke-{n} bukan mata uang atau satuan yang dikenal.")
        }
        (ParseReason::UnknownWord, Locale::ZhCn) => {
            format!("第 {n} 个字符处的词不是可识别的货币或单位。")
        }
        (ParseReason::MisplacedSeparator, Locale::En) => {
            format!("The thousands or decimal separator at character {n} is misplaced.")
        }
        (ParseReason::MisplacedSeparator, Locale::Id) => {
            format!("Pemisah ribuan atau desimal di karakter ke-{n} salah tempat.")
        }
        (ParseReason::MisplacedSeparator, Locale::ZhCn) => {
            format!("第 {n} 个字符处的千位分隔符或小数点位置不对。")
        }
        (ParseReason::MisplacedSign, Locale::En) => {
            format!("The minus sign at character {n} must come once, before the amount.")
        }
        (ParseReason::MisplacedSign, Locale::Id) => {
            format!("Tanda minus di karakter ke-{n} hanya boleh satu, di depan nominal.")
        }
        (ParseReason::MisplacedSign, Locale::ZhCn) => {
            format!("第 {n} 个字符处的负号只能有一个，并且要写在金额前面。")
        }
        (ParseReason::MisplacedMultiplier, Locale::En) => format!(
            "The unit at character {n} (such as k or million) must come once, right after the number."
        ),
        (ParseReason::MisplacedMultiplier, Locale::Id) => format!(
            "Satuan di karakter ke-{n} (seperti rb atau jt) hanya boleh satu, tepat setelah angka."
        ),
        (ParseReason::MisplacedMultiplier, Locale::ZhCn) => {
            format!("第 {n} 个字符处的单位（如 千、万、亿）只能有一个，并且要紧跟在数字后面。")
        }
        (ParseReason::MultipleNumbers, Locale::En) => {
            format!("Please enter a single amount: another number starts at character {n}.")
        }
        (ParseReason::MultipleNumbers, Locale::Id) => {
            format!("Masukkan satu nominal saja: ada angka lain mulai karakter ke-{n}.")
        }
        (ParseReason::MultipleNumbers, Locale::ZhCn) => {
            format!("请只输入一个金额：第 {n} 个字符处又出现了一个数字。")
        }
        (ParseReason::ExtraCurrency, Locale::En) => {
            format!("The currency at character {n} is written twice.")
        }
        (ParseReason::ExtraCurrency, Locale::Id) => {
            format!("Mata uang di karakter ke-{n} ditulis dua kali.")
        }
        (ParseReason::ExtraCurrency, Locale::ZhCn) => {
            format!("第 {n} 个字符处的货币重复了。")
        }
        (ParseReason::ConflictingCurrency, Locale::En) => {
            format!("The currency at character {n} differs from the one before the amount.")
        }
        (ParseReason::ConflictingCurrency, Locale::Id) => {
            format!("Mata uang di karakter ke-{n} berbeda dengan yang di depan nominal.")
        }
        (ParseReason::ConflictingCurrency, Locale::ZhCn) => {
            format!("第 {n} 个字符处的货币与金额前面的货币不一致。")
        }
    }
}

fn ambiguity_message(reason: AmbiguityReason, n: usize, locale: Locale) -> String {
    match (reason, locale) {
        (AmbiguityReason::Separator, Locale::En) => format!(
            "We can't tell whether the separator at character {n} marks thousands or decimals. Please write the amount in full, for example 1,500.00 or 1500."
        ),
        (AmbiguityReason::Separator, Locale::Id) => format!(
            "Pemisah di karakter ke-{n} bisa berarti ribuan atau desimal. Tulis nominal lengkap, misalnya 1.500,00 atau 1500."
        ),
        (AmbiguityReason::Separator, Locale::ZhCn) => format!(
            "无法判断第 {n} 个字符处的符号是千位分隔符还是小数点。请写完整的金额，例如 1,500.00 或 1500。"
        ),
        (AmbiguityReason::CurrencySymbol, Locale::En) => format!(
            "The symbol at character {n} is used by several currencies. Please add the currency code, for example USD or SGD."
        ),
        (AmbiguityReason::CurrencySymbol, Locale::Id) => format!(
            "Simbol di karakter ke-{n} dipakai beberapa mata uang. Tambahkan kode mata uangnya, misalnya USD atau SGD."
        ),
        (AmbiguityReason::CurrencySymbol, Locale::ZhCn) => {
            format!("第 {n} 个字符处的符号可以代表多种货币，请注明货币代码，例如 CNY 或 JPY。")
        }
        (AmbiguityReason::Multiplier, Locale::En) => format!(
            "The \"m\" at character {n} could mean million or miliar. Please write jt for million or M for miliar."
        ),
        (AmbiguityReason::Multiplier, Locale::Id) => format!(
            "Huruf \"m\" di karakter ke-{n} bisa berarti juta atau miliar. Tulis jt untuk juta atau M untuk miliar."
        ),
        (AmbiguityReason::Multiplier, Locale::ZhCn) => format!(
            "第 {n} 个字符处的“m”可能表示百万，也可能表示十亿（miliar）。百万请写 jt，十亿请写 M。"
        ),
    }
}

fn split_message(reason: SplitReason, locale: Locale) -> String {
    match (reason, locale) {
        (SplitReason::ZeroParts, _) => locale
            .pick(
                "An amount cannot be split into zero parts.",
                "Nominal tidak bisa dibagi menjadi nol bagian.",
                "金额不能分成 0 份。",
            )
            .to_owned(),
        (SplitReason::TooManyParts, Locale::En) => format!(
            "An amount can be split into at most {} parts.",
            super::MAX_PARTS
        ),
        (SplitReason::TooManyParts, Locale::Id) => format!(
            "Nominal paling banyak dibagi menjadi {} bagian.",
            super::MAX_PARTS
        ),
        (SplitReason::TooManyParts, Locale::ZhCn) => {
            format!("金额最多只能分成 {} 份。", super::MAX_PARTS)
        }
        (SplitReason::NoRatios, _) => locale
            .pick(
                "Please give at least one share to divide the amount by.",
                "Tentukan minimal satu porsi untuk membagi nominal.",
                "请至少提供一个分配比例。",
            )
            .to_owned(),
        (SplitReason::AllRatiosZero, _) => locale
            .pick(
                "At least one share must be greater than zero.",
                "Minimal satu porsi harus lebih dari nol.",
                "至少要有一个分配比例大于 0。",
            )
            .to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{Currency, MAX_PARSE_LEN};

    fn every_error() -> Vec<MoneyError> {
        let mut errors = vec![
            MoneyError::CurrencyMismatch {
                left: Currency::Idr,
                right: Currency::Usd,
            },
            MoneyError::Overflow,
            MoneyError::UnknownCurrency("GBP".into()),
            MoneyError::TooPrecise {
                position: 1,
                char_position: 1,
                currency: Currency::Usd,
            },
            MoneyError::TooPrecise {
                position: 1,
                char_position: 1,
                currency: Currency::Jpy,
            },
            MoneyError::InputTooLarge {
                len: 300,
                max: MAX_PARSE_LEN,
            },
        ];
        for reason in [
            ParseReason::Empty,
            ParseReason::MissingNumber,
            ParseReason::UnexpectedCharacter,
            ParseReason::UnknownWord,
            ParseReason::MisplacedSeparator,
            ParseReason::MisplacedSign,
            ParseReason::MisplacedMultiplier,
            ParseReason::MultipleNumbers,
            ParseReason::ExtraCurrency,
            ParseReason::ConflictingCurrency,
        ] {
            errors.push(MoneyError::Parse {
                position: 4,
                char_position: 2,
                reason,
            });
        }
        for reason in [
            AmbiguityReason::Separator,
            AmbiguityReason::CurrencySymbol,
            AmbiguityReason::Multiplier,
        ] {
            errors.push(MoneyError::Ambiguous {
                position: 4,
                char_position: 2,
                reason,
            });
        }
        for reason in [
            SplitReason::ZeroParts,
            SplitReason::TooManyParts,
            SplitReason::NoRatios,
            SplitReason::AllRatiosZero,
        ] {
            errors.push(MoneyError::InvalidSplit { parts: 0, reason });
        }
        errors
    }

    #[test]
    fn every_error_has_a_distinct_message_in_every_locale() {
        for locale in Locale::ALL {
            let mut seen = std::collections::HashSet::new();
            for err in every_error() {
                let text = err.render(locale);
                assert!(text.len() > 10, "{err:?} in {locale}: {text:?}");
                assert!(seen.insert(text.clone()), "duplicate {text:?}");
            }
        }
    }

    #[test]
    fn positional_messages_count_characters_from_one() {
        let err = MoneyError::Parse {
            position: 4,
            char_position: 2,
            reason: ParseReason::MisplacedSign,
        };
        assert!(err.render(Locale::En).contains("character 3"));
        assert!(err.render(Locale::Id).contains("karakter ke-3"));
        assert!(err.render(Locale::ZhCn).contains("第 3 个字符"));
    }

    #[test]
    fn messages_are_in_the_locale_language() {
        for err in every_error() {
            let en = err.render(Locale::En);
            let id = err.render(Locale::Id);
            let zh = err.render(Locale::ZhCn);
            assert_ne!(en, id, "{err:?}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh:?}"
            );
            assert!(!en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
    }
}
