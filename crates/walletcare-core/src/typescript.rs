//! TypeScript declarations for the types whose JSON form serde does not
//! derive (hand-written `Serialize`/`Deserialize`, or a string form): the
//! `typescript` feature derives `ts_rs::TS` on the other types, and these
//! implementations give the rest their TypeScript form explicitly. Unions
//! of codes are built from the Rust lists (`ErrorCode::ALL`,
//! `Currency::ALL`, `Locale::ALL`), so they cannot drift from the code.

use std::path::PathBuf;

use ts_rs::{Config, TS};

use crate::error::{Error, ErrorCode, ErrorKind};
use crate::locale::Locale;
use crate::money::Currency;

/// A JSDoc block for a declaration.
pub(crate) fn jsdoc(text: &str) -> String {
    let mut out = String::from("/**\n");
    for line in text.lines() {
        out.push_str(" *");
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
    out.push_str(" */\n");
    out
}

/// A union of string literals, one per line when long.
pub(crate) fn string_union<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = values.into_iter().map(|v| format!("\"{v}\"")).collect();
    quoted.join(" | ")
}

/// Implements `TS` for a type whose TypeScript form is a named alias: its
/// name, its JSDoc and the expression of its definition.
macro_rules! ts_alias {
    ($ty:ty, $name:literal, $docs:literal, |$cfg:ident| $body:expr) => {
        impl ::ts_rs::TS for $ty {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;

            fn docs() -> Option<String> {
                Some($crate::typescript::jsdoc($docs))
            }

            fn name(_: &::ts_rs::Config) -> String {
                $name.to_owned()
            }

            fn inline($cfg: &::ts_rs::Config) -> String {
                $body
            }

            fn decl(cfg: &::ts_rs::Config) -> String {
                format!("type {} = {};", $name, <Self as ::ts_rs::TS>::inline(cfg))
            }

            fn decl_concrete(cfg: &::ts_rs::Config) -> String {
                <Self as ::ts_rs::TS>::decl(cfg)
            }

            fn output_path() -> Option<::std::path::PathBuf> {
                Some(::std::path::PathBuf::from(concat!($name, ".ts")))
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use ts_alias;

ts_alias!(
    ErrorCode,
    "ErrorCode",
    "Every stable error code, as in the core and the C library (`ErrorCode::ALL`).",
    |_cfg| string_union(ErrorCode::ALL.iter().map(|c| c.as_str()))
);

ts_alias!(
    Currency,
    "CurrencyCode",
    "An ISO 4217 currency walletcare supports.",
    |_cfg| string_union(Currency::ALL.iter().map(|c| c.code()))
);

ts_alias!(
    Locale,
    "Locale",
    "A locale walletcare renders text in: English, Indonesian, Simplified Chinese.",
    |_cfg| string_union(Locale::ALL.iter().map(|l| l.as_str()))
);

impl TS for Error {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn docs() -> Option<String> {
        Some(jsdoc(
            "The JSON form of an error (the C library's error JSON): its code, the code's\n\
             number (`wc_status`), its kind, a message a person can act on, and details.",
        ))
    }

    fn name(_: &Config) -> String {
        "ErrorJson".to_owned()
    }

    fn inline(cfg: &Config) -> String {
        format!(
            "{{ code: {}, status: number, kind: {}, message: string, details: unknown }}",
            ErrorCode::name(cfg),
            ErrorKind::name(cfg)
        )
    }

    fn decl(cfg: &Config) -> String {
        format!("type ErrorJson = {};", Self::inline(cfg))
    }

    fn decl_concrete(cfg: &Config) -> String {
        Self::decl(cfg)
    }

    fn visit_dependencies(v: &mut impl ts_rs::TypeVisitor)
    where
        Self: 'static,
    {
        v.visit::<ErrorCode>();
        v.visit::<ErrorKind>();
    }

    fn output_path() -> Option<PathBuf> {
        Some(PathBuf::from("ErrorJson.ts"))
    }
}
