//! Text forms of the core's plain enums: one macro gives each its `as_str`,
//! `Display` and `FromStr`, all spelled as its serde JSON form.
//!
//! Enums that already had some of these keep them; [`names!`] adds only the
//! parts it is told to (`as_str`, `display`, `from_str`). A test below
//! checks every listed enum: each variant's `as_str` equals its JSON string
//! and parses back to itself. A few older enums whose `Display` is a
//! phrase for a person (`CardBrand` prints "American Express") keep it;
//! their JSON name is `as_str` and `FromStr` reads it.

/// A plain enum whose variants all have a name: the list `FromStr` searches.
pub(crate) trait Named: Copy + 'static {
    /// Every variant, in declaration order.
    const VARIANTS: &'static [Self];
    /// What a value of the type is called in error messages ("priority").
    const KIND: &'static str;
    /// The JSON name of a variant.
    fn name(self) -> &'static str;
}

/// Finds the variant named `text` (surrounding whitespace ignored).
pub(crate) fn parse<T: Named>(text: &str) -> Result<T, crate::error::UnknownName> {
    let text = text.trim();
    T::VARIANTS
        .iter()
        .copied()
        .find(|v| v.name() == text)
        .ok_or_else(|| crate::error::UnknownName {
            kind: T::KIND,
            value: text.chars().take(64).collect(),
            expected: T::VARIANTS
                .iter()
                .map(|v| v.name())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// `names!(as_str display from_str: module::Type as "kind" { Variant => "json_name", ... })`
/// implements the listed parts for `Type` (in scope where the macro is
/// called; `module` is its public module, for the generated doctest). When
/// the type already has an `as_str`, leave `as_str` out and the names may
/// be left out too (`{ Variant, ... }`).
macro_rules! names {
    ($($part:ident)+ : $module:ident :: $ty:ident as $kind:literal $body:tt) => {
        $crate::names::names!(@named $ty $kind $body);
        $crate::names::names!(@parts [$($part)+] $module $ty $body);
    };
    (@named $ty:ident $kind:literal { $($v:ident $(=> $name:literal)?),+ $(,)? }) => {
        impl $crate::names::Named for $ty {
            const VARIANTS: &'static [Self] = &[$($ty::$v),+];
            const KIND: &'static str = $kind;
            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    };
    (@parts [] $module:ident $ty:ident $body:tt) => {};
    (@parts [$part:ident $($parts:ident)*] $module:ident $ty:ident $body:tt) => {
        $crate::names::names!(@$part $module $ty $body);
        $crate::names::names!(@parts [$($parts)*] $module $ty $body);
    };
    (@as_str $module:ident $ty:ident { $first:ident => $first_name:literal $(, $v:ident => $name:literal)* $(,)? }) => {
        impl $ty {
            /// The name, exactly as in JSON; `Display` prints it and
            /// `FromStr` reads it back.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use walletcare_core::", stringify!($module), "::", stringify!($ty), ";")]
            #[doc = concat!("let v = ", stringify!($ty), "::", stringify!($first), ";")]
            #[doc = concat!("assert_eq!(v.as_str(), ", stringify!($first_name), ");")]
            #[doc = concat!("assert_eq!(serde_json::to_string(&v)?, format!(\"\\\"{}\\\"\", v.as_str()));")]
            #[doc = concat!("assert_eq!(", stringify!($first_name), ".parse::<", stringify!($ty), ">()?, v);")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $ty::$first => $first_name,
                    $($ty::$v => $name,)*
                }
            }
        }
    };
    (@display $module:ident $ty:ident $body:tt) => {
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    (@from_str $module:ident $ty:ident $body:tt) => {
        impl std::str::FromStr for $ty {
            type Err = $crate::error::UnknownName;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::names::parse(s)
            }
        }
    };
}
pub(crate) use names;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::Named;
    use crate::*;

    fn check<T>(display: bool)
    where
        T: Named
            + serde::Serialize
            + std::fmt::Display
            + std::str::FromStr
            + PartialEq
            + std::fmt::Debug,
    {
        assert!(!T::VARIANTS.is_empty());
        for &v in T::VARIANTS {
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{}\"", v.name()), "{} {v:?}", T::KIND);
            if display {
                assert_eq!(v.to_string(), v.name());
            }
            assert!(
                v.name().parse::<T>().ok() == Some(v),
                "{v:?} does not parse back"
            );
        }
        assert!("no such name".parse::<T>().is_err());
    }

    #[test]
    fn every_named_enum_prints_and_parses_its_json_name() {
        macro_rules! all { ($($t:ty),+ $(,)?) => { $( check::<$t>(true); )+ } }
        all!(
            account::AccountStateKind,
            account::AttemptResult,
            account::ChallengePurpose,
            account::FreezeReason,
            account::IdentityCheck,
            account::StrengthReason,
            account::VerificationLevel,
            calendar::CalendarId,
            calendar::HolidayKind,
            calendar::RollConvention,
            intake::FieldStatus,
            intake::IntakeState,
            intake::Speaker,
            money::Currency,
            queue::ChannelHours,
            queue::QueueModel,
            redact::WarningCode,
            refund::CountStart,
            refund::EvidenceKind,
            refund::FailureReason,
            refund::RefundReason,
            refund::RefundStatus,
            refund::RejectionReason,
            ticket::ComplaintKind,
            ticket::ComplaintMedium,
            ticket::EscalationCause,
            ticket::ExtensionGround,
            ticket::Priority,
            ticket::SlaClock,
            ticket::TimeBasis,
            transaction::Cause,
            transaction::LimitKind,
            transaction::PaymentChannel,
            transaction::TransactionStatus,
            triage::EntityKind,
            triage::InfoField,
            triage::Language,
            triage::Multiclass,
            triage::UrgencyCue,
        );
        // These print a phrase for a person ("PIN", "American Express",
        // "misplaced thousands or decimal separator") that error messages
        // embed; their JSON name is `as_str`.
        macro_rules! phrase { ($($t:ty),+ $(,)?) => { $( check::<$t>(false); )+ } }
        phrase!(
            account::ContactKind,
            account::CredentialKind,
            account::IdentifierKind,
            card::CardBrand,
            money::AmbiguityReason,
            money::ParseReason,
            money::SplitReason,
            ticket::NumberPart,
        );
    }
}
