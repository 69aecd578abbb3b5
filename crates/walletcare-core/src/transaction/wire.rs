//! Strict deserialisation of the module's tagged enums.
//!
//! serde's internally tagged enums ignore unknown fields on *unit* variants
//! even with `deny_unknown_fields` (`{"reason":"wrong_pin","x":1}` would be
//! accepted). Each enum below deserialises through a private mirror whose
//! unit variants are empty struct variants, which do reject unknown fields.
//! The serialised form is unchanged: `{"reason":"wrong_pin"}`.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{
    Decline, FailureReason, LimitKind, MerchantRef, Name, NextStep, Operation, ProviderCode,
    SupportCategory, TopUpSource, TransactionState,
};
use crate::account::VerificationLevel;
use crate::money::Money;

#[derive(Deserialize)]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub(super) enum TopUpSourceWire {
    BankTransfer { bank: Name },
    Card {},
    RetailOutlet {},
}

impl From<TopUpSourceWire> for TopUpSource {
    fn from(wire: TopUpSourceWire) -> Self {
        match wire {
            TopUpSourceWire::BankTransfer { bank } => TopUpSource::BankTransfer { bank },
            TopUpSourceWire::Card {} => TopUpSource::Card,
            TopUpSourceWire::RetailOutlet {} => TopUpSource::RetailOutlet,
        }
    }
}

#[derive(Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case", deny_unknown_fields)]
pub(super) enum FailureReasonWire {
    InsufficientBalance {
        shortfall: Money,
    },
    WrongPin {},
    AccountLocked {
        until: DateTime<Utc>,
    },
    AccountFrozen {},
    AccountClosed {},
    LimitExceeded {
        kind: LimitKind,
        limit: Money,
        remaining: Money,
        level: VerificationLevel,
    },
    NetworkTimeout {},
    MerchantUnavailable {},
    SystemMaintenance {
        until: DateTime<Utc>,
    },
    RiskRejected {},
    CardExpired {},
    BankUnavailable {
        bank: Name,
    },
    Unknown {
        code: ProviderCode,
    },
}

impl From<FailureReasonWire> for FailureReason {
    fn from(wire: FailureReasonWire) -> Self {
        use FailureReasonWire as W;
        match wire {
            W::InsufficientBalance { shortfall } => {
                FailureReason::InsufficientBalance { shortfall }
            }
            W::WrongPin {} => FailureReason::WrongPin,
            W::AccountLocked { until } => FailureReason::AccountLocked { until },
            W::AccountFrozen {} => FailureReason::AccountFrozen,
            W::AccountClosed {} => FailureReason::AccountClosed,
            W::LimitExceeded {
                kind,
                limit,
                remaining,
                level,
            } => FailureReason::LimitExceeded {
                kind,
                limit,
                remaining,
                level,
            },
            W::NetworkTimeout {} => FailureReason::NetworkTimeout,
            W::MerchantUnavailable {} => FailureReason::MerchantUnavailable,
            W::SystemMaintenance { until } => FailureReason::SystemMaintenance { until },
            W::RiskRejected {} => FailureReason::RiskRejected,
            W::CardExpired {} => FailureReason::CardExpired,
            W::BankUnavailable { bank } => FailureReason::BankUnavailable { bank },
            W::Unknown { code } => FailureReason::Unknown { code },
        }
    }
}

#[derive(Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub(super) enum TransactionStateWire {
    Pending {},
    Succeeded {},
    Failed(FailureReason),
    Reversed {},
}

impl From<TransactionStateWire> for TransactionState {
    fn from(wire: TransactionStateWire) -> Self {
        match wire {
            TransactionStateWire::Pending {} => TransactionState::Pending,
            TransactionStateWire::Succeeded {} => TransactionState::Succeeded,
            TransactionStateWire::Failed(reason) => TransactionState::Failed(reason),
            TransactionStateWire::Reversed {} => TransactionState::Reversed,
        }
    }
}

#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub(super) enum OperationWire {
    Debit { amount: Money },
    TopUp { amount: Money },
    Refund { amount: Money },
    Reversal {},
}

impl From<OperationWire> for Operation {
    fn from(wire: OperationWire) -> Self {
        match wire {
            OperationWire::Debit { amount } => Operation::Debit { amount },
            OperationWire::TopUp { amount } => Operation::TopUp { amount },
            OperationWire::Refund { amount } => Operation::Refund { amount },
            OperationWire::Reversal {} => Operation::Reversal,
        }
    }
}

#[derive(Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case", deny_unknown_fields)]
pub(super) enum DeclineWire {
    InsufficientBalance {
        shortfall: Money,
    },
    LimitExceeded {
        kind: LimitKind,
        limit: Money,
        remaining: Money,
        level: VerificationLevel,
    },
    AccountLocked {
        until: DateTime<Utc>,
    },
    AccountFrozen {},
    AccountClosed {},
}

impl From<DeclineWire> for Decline {
    fn from(wire: DeclineWire) -> Self {
        match wire {
            DeclineWire::InsufficientBalance { shortfall } => {
                Decline::InsufficientBalance { shortfall }
            }
            DeclineWire::LimitExceeded {
                kind,
                limit,
                remaining,
                level,
            } => Decline::LimitExceeded {
                kind,
                limit,
                remaining,
                level,
            },
            DeclineWire::AccountLocked { until } => Decline::AccountLocked { until },
            DeclineWire::AccountFrozen {} => Decline::AccountFrozen,
            DeclineWire::AccountClosed {} => Decline::AccountClosed,
        }
    }
}

#[derive(Deserialize)]
#[serde(tag = "step", rename_all = "snake_case", deny_unknown_fields)]
pub(super) enum NextStepWire {
    CheckNetwork {},
    TopUp { shortfall: Money },
    RetryAfter { at: DateTime<Utc> },
    ContactMerchant { merchant: MerchantRef },
    WaitForAutomaticReversal { until: DateTime<Utc> },
    ResetPin {},
    WaitForUnlock { until: DateTime<Utc> },
    VerifyIdentity {},
    ContactSupport { category: SupportCategory },
    UpdateCard {},
    UseAnotherMethod {},
    CheckStatusAt { at: DateTime<Utc> },
    ReduceAmount { max: Money },
}

impl From<NextStepWire> for NextStep {
    fn from(wire: NextStepWire) -> Self {
        use NextStepWire as W;
        match wire {
            W::CheckNetwork {} => NextStep::CheckNetwork,
            W::TopUp { shortfall } => NextStep::TopUp { shortfall },
            W::RetryAfter { at } => NextStep::RetryAfter { at },
            W::ContactMerchant { merchant } => NextStep::ContactMerchant { merchant },
            W::WaitForAutomaticReversal { until } => NextStep::WaitForAutomaticReversal { until },
            W::ResetPin {} => NextStep::ResetPin,
            W::WaitForUnlock { until } => NextStep::WaitForUnlock { until },
            W::VerifyIdentity {} => NextStep::VerifyIdentity,
            W::ContactSupport { category } => NextStep::ContactSupport { category },
            W::UpdateCard {} => NextStep::UpdateCard,
            W::UseAnotherMethod {} => NextStep::UseAnotherMethod,
            W::CheckStatusAt { at } => NextStep::CheckStatusAt { at },
            W::ReduceAmount { max } => NextStep::ReduceAmount { max },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_variants_reject_unknown_fields() {
        for bad in [
            r#"{"reason":"wrong_pin","x":1}"#,
            r#"{"reason":"card_expired","pin":"1234"}"#,
        ] {
            assert!(serde_json::from_str::<FailureReason>(bad).is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<TopUpSource>(r#"{"method":"card","x":1}"#).is_err());
        assert!(serde_json::from_str::<TransactionState>(r#"{"state":"pending","x":1}"#).is_err());
        assert!(
            serde_json::from_str::<TransactionState>(
                r#"{"state":"failed","reason":"wrong_pin","x":1}"#
            )
            .is_err()
        );
        assert!(serde_json::from_str::<Operation>(r#"{"op":"reversal","amount":1}"#).is_err());
        assert!(serde_json::from_str::<Decline>(r#"{"reason":"account_frozen","x":1}"#).is_err());
        assert!(serde_json::from_str::<NextStep>(r#"{"step":"reset_pin","x":1}"#).is_err());
    }

    #[test]
    fn unit_variants_still_read_their_plain_form() {
        assert_eq!(
            serde_json::from_str::<FailureReason>(r#"{"reason":"wrong_pin"}"#).unwrap(),
            FailureReason::WrongPin
        );
        assert_eq!(
            serde_json::from_str::<TopUpSource>(r#"{"method":"retail_outlet"}"#).unwrap(),
            TopUpSource::RetailOutlet
        );
        assert_eq!(
            serde_json::from_str::<TransactionState>(r#"{"state":"reversed"}"#).unwrap(),
            TransactionState::Reversed
        );
        assert_eq!(
            serde_json::from_str::<Operation>(r#"{"op":"reversal"}"#).unwrap(),
            Operation::Reversal
        );
        assert_eq!(
            serde_json::from_str::<Decline>(r#"{"reason":"account_closed"}"#).unwrap(),
            Decline::AccountClosed
        );
        assert_eq!(
            serde_json::from_str::<NextStep>(r#"{"step":"use_another_method"}"#).unwrap(),
            NextStep::UseAnotherMethod
        );
    }
}
