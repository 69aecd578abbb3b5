//! Transactions: diagnosis of a failed, stuck or puzzling transaction, with
//! the next steps rendered in a locale.

use walletcare_api::transaction::{Diagnose, DiagnoseOptions};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, instant_arg, options_arg, run};

#[wasm_bindgen(typescript_custom_section)]
const TS_TRANSACTION: &str = r#"
/** A merchant, by id and display name. */
export interface MerchantRef {
  id: string;
  name: string;
}
/** Where a top-up came from. */
export type TopUpSource =
  | { method: "bank_transfer"; bank: string }
  | { method: "card" }
  | { method: "retail_outlet" };
/** What a transaction does. */
export type TransactionKind =
  | { kind: "payment"; channel: "online" | "qr"; merchant: MerchantRef }
  | { kind: "transfer"; to: string }
  | { kind: "top_up"; source: TopUpSource }
  | { kind: "withdrawal"; to: { bank: string; last4: string } };
/** Which limit a transaction hit. */
export type LimitKind = "max_balance" | "daily_outgoing" | "monthly_incoming";
/** Why a transaction failed. */
export type TransactionFailure =
  | { reason: "insufficient_balance"; shortfall: Money }
  | { reason: "wrong_pin" }
  | { reason: "account_locked"; until: IsoInstant }
  | { reason: "account_frozen" }
  | { reason: "account_closed" }
  | { reason: "limit_exceeded"; kind: LimitKind; limit: Money; remaining: Money; level: "unverified" | "verified" }
  | { reason: "network_timeout" }
  | { reason: "merchant_unavailable" }
  | { reason: "system_maintenance"; until: IsoInstant }
  | { reason: "risk_rejected" }
  | { reason: "card_expired" }
  | { reason: "bank_unavailable"; bank: string }
  | { reason: "unknown"; code: string };
/** Where a transaction is. */
export type TransactionState =
  | { state: "pending" } | { state: "succeeded" } | { state: "reversed" }
  | ({ state: "failed" } & TransactionFailure);
/** One money movement the user started. */
export interface Transaction {
  id: string;
  kind: TransactionKind;
  amount: Money;
  created_at: IsoInstant;
  updated_at: IsoInstant;
  state: TransactionState;
  idempotency_key: string;
}
/** The likely cause of what happened to a transaction. */
export type Cause =
  | "insufficient_balance" | "wrong_pin" | "account_locked" | "account_frozen"
  | "account_closed" | "limit_exceeded" | "network_timeout" | "merchant_unavailable"
  | "system_maintenance" | "risk_rejected" | "card_expired" | "bank_unavailable" | "unknown"
  | "stuck_pending" | "still_processing" | "completed" | "reversed";
/** One thing the user can do next. */
export type NextStep =
  | { step: "check_network" }
  | { step: "top_up"; shortfall: Money }
  | { step: "retry_after"; at: IsoInstant }
  | { step: "contact_merchant"; merchant: MerchantRef }
  | { step: "wait_for_automatic_reversal"; until: IsoInstant }
  | { step: "reset_pin" }
  | { step: "wait_for_unlock"; until: IsoInstant }
  | { step: "verify_identity" }
  | { step: "contact_support"; category: Category }
  | { step: "update_card" }
  | { step: "use_another_method" }
  | { step: "check_status_at"; at: IsoInstant }
  | { step: "reduce_amount"; max: Money };
/** How long reversals take, by kind, in hours. */
export interface ReversalWindows {
  qr_payment_hours: number;
  online_payment_hours: number;
  transfer_hours: number;
  top_up_hours: number;
  withdrawal_hours: number;
}
/** The diagnosis settings (every field is required when given). */
export interface DiagnosisPolicy {
  stuck_after_minutes: number;
  network_retry_minutes: number;
  outage_retry_minutes: number;
  reversal: ReversalWindows;
  /** The IANA zone times are written in, e.g. `"Asia/Jakarta"`. */
  zone: string;
}
/**
 * A diagnosis with its text: `cause_text` renders the cause, `messages[i]`
 * renders `steps[i]` (times in the policy's zone), and `text` is the cause
 * and the numbered steps on separate lines. Same JSON as the C library.
 */
export interface DiagnosisReport {
  transaction: string;
  cause: Cause;
  steps: NextStep[];
  cause_text: string;
  messages: string[];
  text: string;
}
/** Options of {@link diagnoseTransaction}. */
export interface DiagnosisOptions {
  /** The account's state (default active). */
  accountState?: AccountState;
  /** Default: stuck after 15 minutes, reversal within 24 hours (48 for withdrawals), times in Asia/Jakarta. */
  policy?: DiagnosisPolicy;
  locale?: LocaleTag;
}
"#;

/// Diagnoses a failed, stuck or puzzling transaction at `now`: the likely
/// cause and the ordered next steps (always at least one), rendered in
/// `options.locale` with times in the policy's zone.
#[wasm_bindgen(js_name = diagnoseTransaction, unchecked_return_type = "DiagnosisReport")]
pub fn diagnose_transaction(
    #[wasm_bindgen(unchecked_param_type = "Transaction")] transaction: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DiagnosisOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let transaction = from_js(&transaction, "transaction")?;
    let now = instant_arg(&now, "now")?;
    let DiagnoseOptions {
        account_state,
        policy,
        locale,
    } = options_arg(options.as_ref(), "options")?;
    run(Diagnose {
        transaction,
        now,
        account_state,
        policy,
        locale,
    })
}
