//! Transactions: diagnosis of a failed, stuck or puzzling transaction, with
//! the next steps rendered in a locale.

use walletcare_api::transaction::{Diagnose, DiagnoseOptions};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, instant_arg, options_arg, run};

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
