//! Offline multilingual triage of support messages.

pub mod csv;
mod features;
mod math;
mod model;
mod train;

pub use features::{FeatureConfig, MAX_INPUT_BYTES, cap_input};
pub use model::{Classification, LabelScore, Model, Prediction};
pub use train::{Evaluation, KindWeights, TrainConfig, cross_validate, train, train_csv};

use crate::error::{ErrorCode, HasErrorCode};

/// An error from triage: model bytes, training data, configuration or CSV.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::triage::Model;
///
/// let err = Model::from_bytes(b"garbage").unwrap_err();
/// assert_eq!(err.code(), ErrorCode::InvalidModel);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TriageError {
    /// Model bytes are malformed, truncated, corrupted or of another version.
    #[error("invalid triage model: {0}")]
    InvalidModel(String),
    /// Training data is empty, has fewer than two labels or a bad label.
    #[error("invalid training data: {0}")]
    InvalidTrainingData(String),
    /// A feature or training setting is out of range.
    #[error("invalid triage configuration: {0}")]
    InvalidConfig(String),
    /// CSV text is malformed.
    #[error("CSV error at line {line}: {reason}")]
    Csv {
        /// The 1-based line of the problem.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

impl HasErrorCode for TriageError {
    fn code(&self) -> ErrorCode {
        match self {
            TriageError::InvalidModel(_) => ErrorCode::InvalidModel,
            TriageError::InvalidTrainingData(_) => ErrorCode::InvalidTrainingData,
            TriageError::InvalidConfig(_) => ErrorCode::InvalidArgument,
            TriageError::Csv { .. } => ErrorCode::InvalidCsv,
        }
    }
}
