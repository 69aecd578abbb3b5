//! Support tickets: numbers, channels, categories, lifecycle and SLA clocks.

use serde::{Deserialize, Serialize};

/// What a support request is about. Triage assigns it; SLAs and default
/// priorities depend on it. The JSON form is the snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Category;
///
/// assert_eq!(serde_json::to_string(&Category::AccountSecurity)?, "\"account_security\"");
/// assert_eq!("refund".parse::<Category>()?, Category::Refund);
/// assert_eq!(Category::ALL.len(), 9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Login, forgotten password or PIN, code not received, locked account,
    /// changing the phone number or email.
    AccountAccess,
    /// Stolen or hacked account, transactions the user did not make,
    /// phishing, lost phone. Always urgent.
    AccountSecurity,
    /// Failed or declined payment, money deducted but not received, top-up,
    /// transfer or withdrawal failed or stuck pending.
    PaymentFailure,
    /// Asking for a refund, refund status or delay, refund rejected.
    Refund,
    /// Binding, changing, removing a bank card, card verification.
    BankCard,
    /// Crashes, errors, loading, install and notification problems.
    Technical,
    /// About the support itself: rude agent, no reply, long waits,
    /// unresolved repeated reports, escalation.
    Complaint,
    /// Suggestions, feature requests, praise.
    Feedback,
    /// Fees, limits, promotions, verification levels, where the wallet works.
    GeneralInquiry,
}

impl Category {
    /// Every category, in a fixed order (the order of model outputs).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Category;
    /// assert_eq!(Category::ALL[0], Category::AccountAccess);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [Category; 9] = [
        Category::AccountAccess,
        Category::AccountSecurity,
        Category::PaymentFailure,
        Category::Refund,
        Category::BankCard,
        Category::Technical,
        Category::Complaint,
        Category::Feedback,
        Category::GeneralInquiry,
    ];

    /// The snake_case name, as in JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Category;
    /// assert_eq!(Category::BankCard.as_str(), "bank_card");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::AccountAccess => "account_access",
            Category::AccountSecurity => "account_security",
            Category::PaymentFailure => "payment_failure",
            Category::Refund => "refund",
            Category::BankCard => "bank_card",
            Category::Technical => "technical",
            Category::Complaint => "complaint",
            Category::Feedback => "feedback",
            Category::GeneralInquiry => "general_inquiry",
        }
    }

    /// The priority a ticket of this category starts with.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{Category, Priority};
    /// assert_eq!(Category::AccountSecurity.default_priority(), Priority::Urgent);
    /// assert_eq!(Category::Feedback.default_priority(), Priority::Low);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn default_priority(self) -> Priority {
        match self {
            Category::AccountSecurity => Priority::Urgent,
            Category::PaymentFailure | Category::AccountAccess => Priority::High,
            Category::Refund | Category::BankCard | Category::Complaint => Priority::Normal,
            Category::Technical | Category::GeneralInquiry => Priority::Normal,
            Category::Feedback => Priority::Low,
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string is not a [`Category`].
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::ticket::Category;
///
/// let err = "billing".parse::<Category>().unwrap_err();
/// assert_eq!(err.code(), ErrorCode::UnknownValue);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown category {0:?}")]
pub struct UnknownCategory(pub String);

impl crate::error::HasErrorCode for UnknownCategory {
    fn code(&self) -> crate::error::ErrorCode {
        crate::error::ErrorCode::UnknownValue
    }
}

impl std::str::FromStr for Category {
    type Err = UnknownCategory;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Category::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCategory(s.chars().take(64).collect()))
    }
}

/// How fast a ticket must be handled. Ordered: `Low < Normal < High < Urgent`.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Priority;
/// assert!(Priority::Urgent > Priority::High);
/// assert_eq!(serde_json::to_string(&Priority::Normal)?, "\"normal\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Whenever there is time.
    Low,
    /// The usual queue.
    Normal,
    /// Money or access is at stake.
    High,
    /// Security or money is being lost now.
    Urgent,
}
