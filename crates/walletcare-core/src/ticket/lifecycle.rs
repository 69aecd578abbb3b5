//! The ticket lifecycle: statuses, actions, the event log and its replay.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Category, Channel, Priority, TicketError, TicketNumber};
use crate::error::Coded;
use crate::locale::{Locale, Render};

/// The most events a ticket keeps; actions beyond it are refused with
/// [`TicketError::HistoryFull`].
pub const MAX_EVENTS: usize = 10_000;

/// The longest reason or note, in characters.
pub const MAX_TEXT_LEN: usize = 1_000;

/// Where a ticket is in its life.
///
/// ```text
///            open / respond                await_customer
///   new ───────────────────────▶ open ◀───────────────────▶ pending_customer
///    │                          ▲  │ ▲    resume / customer_reply    │
///    │                          │  │ └──────────▶ pending_third_party ◀┘
///    │ resolve        reopen (7d)│  │ resolve          (await_third_party)
///    │                request_review, file_complaint
///    └──────────────────────▶ resolved ──── close ───▶ closed (final)
/// ```
///
/// Every active status (`new`, `open`, `pending_*`) can be resolved,
/// escalated, re-prioritised and complained about.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Status;
///
/// assert_eq!(serde_json::to_string(&Status::PendingCustomer)?, "\"pending_customer\"");
/// assert!(Status::PendingThirdParty.is_active());
/// assert!(!Status::Resolved.is_active());
/// assert_eq!("closed".parse::<Status>()?, Status::Closed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "TicketStatus"))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Created, not yet picked up.
    New,
    /// Being worked on.
    Open,
    /// Waiting for the customer to answer; the SLA clocks are paused.
    PendingCustomer,
    /// Waiting for a bank, merchant or other partner. The clocks keep running
    /// unless the policy says otherwise
    /// ([`SlaPolicy::pause_on_third_party`](super::SlaPolicy::pause_on_third_party)).
    PendingThirdParty,
    /// Resolved; can be reopened within the reopen window, appealed within
    /// the review window, rated, or closed.
    Resolved,
    /// Closed for good.
    Closed,
}

impl Status {
    /// Every status.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Status;
    /// assert_eq!(Status::ALL.len(), 6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [Status; 6] = [
        Status::New,
        Status::Open,
        Status::PendingCustomer,
        Status::PendingThirdParty,
        Status::Resolved,
        Status::Closed,
    ];

    /// The snake_case name, as in JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Status;
    /// assert_eq!(Status::PendingThirdParty.as_str(), "pending_third_party");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Open => "open",
            Status::PendingCustomer => "pending_customer",
            Status::PendingThirdParty => "pending_third_party",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
        }
    }

    /// Whether the ticket is still being handled (not resolved or closed).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Status;
    /// assert!(Status::New.is_active());
    /// assert!(!Status::Closed.is_active());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_active(self) -> bool {
        matches!(
            self,
            Status::New | Status::Open | Status::PendingCustomer | Status::PendingThirdParty
        )
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Status {
    type Err = TicketError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Status::ALL
            .iter()
            .copied()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| TicketError::UnknownValue {
                kind: "status",
                value: s.chars().take(64).collect(),
            })
    }
}

impl Render for Status {
    /// The status as the customer sees it.
    ///
    /// ```
    /// use walletcare_core::locale::{Locale, Render};
    /// use walletcare_core::ticket::Status;
    /// assert_eq!(Status::PendingCustomer.render(Locale::En), "Waiting for your reply");
    /// assert_eq!(Status::PendingCustomer.render(Locale::Id), "Menunggu balasan Anda");
    /// assert_eq!(Status::PendingCustomer.render(Locale::ZhCn), "等待您的回复");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn render(&self, locale: Locale) -> String {
        let (en, id, zh) = match self {
            Status::New => ("Received", "Diterima", "已受理"),
            Status::Open => ("In progress", "Sedang diproses", "处理中"),
            Status::PendingCustomer => (
                "Waiting for your reply",
                "Menunggu balasan Anda",
                "等待您的回复",
            ),
            Status::PendingThirdParty => (
                "Waiting for our partner (bank or merchant)",
                "Menunggu mitra kami (bank atau merchant)",
                "等待合作方（银行或商户）处理",
            ),
            Status::Resolved => ("Resolved", "Selesai", "已解决"),
            Status::Closed => ("Closed", "Ditutup", "已关闭"),
        };
        locale.pick(en, id, zh).to_owned()
    }
}

/// Who is handling the ticket: 0 agent, 1 supervisor, 2 manager, 3 the
/// complaints unit. Ordered; the JSON form is the snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::EscalationLevel;
///
/// assert!(EscalationLevel::Manager > EscalationLevel::Supervisor);
/// assert_eq!(EscalationLevel::from_u8(3)?, EscalationLevel::ComplaintsUnit);
/// assert_eq!(EscalationLevel::Supervisor.as_u8(), 1);
/// assert!(EscalationLevel::from_u8(4).is_err());
/// assert_eq!(serde_json::to_string(&EscalationLevel::ComplaintsUnit)?, "\"complaints_unit\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EscalationLevel {
    /// Level 0: the front-line agent.
    #[default]
    Agent,
    /// Level 1: the team supervisor.
    Supervisor,
    /// Level 2: the customer-care manager.
    Manager,
    /// Level 3: the complaints unit (the unit that answers to the regulator).
    ComplaintsUnit,
}

impl EscalationLevel {
    /// Every level, lowest first.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::EscalationLevel;
    /// assert_eq!(EscalationLevel::ALL[0], EscalationLevel::Agent);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [EscalationLevel; 4] = [
        EscalationLevel::Agent,
        EscalationLevel::Supervisor,
        EscalationLevel::Manager,
        EscalationLevel::ComplaintsUnit,
    ];

    /// The level number, 0-3.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::EscalationLevel;
    /// assert_eq!(EscalationLevel::Manager.as_u8(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_u8(self) -> u8 {
        match self {
            EscalationLevel::Agent => 0,
            EscalationLevel::Supervisor => 1,
            EscalationLevel::Manager => 2,
            EscalationLevel::ComplaintsUnit => 3,
        }
    }

    /// The level with this number.
    ///
    /// # Errors
    ///
    /// [`TicketError::InvalidEscalationLevel`] above 3.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::EscalationLevel;
    /// assert_eq!(EscalationLevel::from_u8(0)?, EscalationLevel::Agent);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_u8(level: u8) -> Result<EscalationLevel, TicketError> {
        EscalationLevel::ALL
            .iter()
            .copied()
            .find(|l| l.as_u8() == level)
            .ok_or(TicketError::InvalidEscalationLevel { level })
    }

    /// The snake_case name.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::EscalationLevel;
    /// assert_eq!(EscalationLevel::ComplaintsUnit.as_str(), "complaints_unit");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            EscalationLevel::Agent => "agent",
            EscalationLevel::Supervisor => "supervisor",
            EscalationLevel::Manager => "manager",
            EscalationLevel::ComplaintsUnit => "complaints_unit",
        }
    }
}

impl std::fmt::Display for EscalationLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Render for EscalationLevel {
    /// Who is handling the ticket, as told to the customer.
    ///
    /// ```
    /// use walletcare_core::locale::{Locale, Render};
    /// use walletcare_core::ticket::EscalationLevel;
    /// assert_eq!(EscalationLevel::ComplaintsUnit.render(Locale::Id), "Unit Pengaduan Konsumen");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn render(&self, locale: Locale) -> String {
        let (en, id, zh) = match self {
            EscalationLevel::Agent => ("Customer care agent", "Agen layanan pelanggan", "客服专员"),
            EscalationLevel::Supervisor => ("Supervisor", "Supervisor", "客服主管"),
            EscalationLevel::Manager => (
                "Customer care manager",
                "Manajer layanan pelanggan",
                "客服经理",
            ),
            EscalationLevel::ComplaintsUnit => (
                "Consumer complaints unit",
                "Unit Pengaduan Konsumen",
                "消费者投诉处理部门",
            ),
        };
        locale.pick(en, id, zh).to_owned()
    }
}

/// Why a ticket was escalated.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::EscalationCause;
/// assert_eq!(serde_json::to_string(&EscalationCause::SlaBreach)?, "\"sla_breach\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EscalationCause {
    /// An agent or supervisor decided to.
    Manual,
    /// An internal SLA clock was breached.
    SlaBreach,
    /// A regulatory complaint deadline is close or past.
    RegulatoryDeadline,
}

crate::names::names!(as_str display from_str: ticket::EscalationCause as "escalation cause" {
    Manual => "manual",
    SlaBreach => "sla_breach",
    RegulatoryDeadline => "regulatory_deadline",
});

/// How a regulatory complaint was made, which decides its deadline.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::ComplaintMedium;
/// assert_eq!(serde_json::to_string(&ComplaintMedium::Written)?, "\"written\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ComplaintMedium {
    /// Made orally (by phone or in person).
    Oral,
    /// Made in writing (letter, email, form or other electronic media).
    Written,
}

crate::names::names!(as_str display from_str: ticket::ComplaintMedium as "complaint medium" {
    Oral => "oral",
    Written => "written",
});

impl Render for ComplaintMedium {
    /// ```
    /// use walletcare_core::locale::{Locale, Render};
    /// use walletcare_core::ticket::ComplaintMedium;
    /// assert_eq!(ComplaintMedium::Oral.render(Locale::Id), "lisan");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn render(&self, locale: Locale) -> String {
        match self {
            ComplaintMedium::Oral => locale.pick("oral", "lisan", "口头"),
            ComplaintMedium::Written => locale.pick("written", "tertulis", "书面"),
        }
        .to_owned()
    }
}

/// A complaint about how the ticket is being handled.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::ComplaintKind;
/// assert_eq!(serde_json::to_string(&ComplaintKind::FormalWritten)?, "\"formal_written\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ComplaintKind {
    /// Dissatisfaction noted on the ticket: raises the priority only.
    Informal,
    /// A formal complaint (pengaduan) made orally: raises the priority and
    /// starts the oral regulatory clock.
    FormalOral,
    /// A formal complaint made in writing: raises the priority and starts the
    /// written regulatory clock.
    FormalWritten,
}

crate::names::names!(as_str display from_str: ticket::ComplaintKind as "complaint kind" {
    Informal => "informal",
    FormalOral => "formal_oral",
    FormalWritten => "formal_written",
});

impl ComplaintKind {
    /// The regulatory medium, `None` for an informal complaint.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{ComplaintKind, ComplaintMedium};
    /// assert_eq!(ComplaintKind::FormalOral.medium(), Some(ComplaintMedium::Oral));
    /// assert_eq!(ComplaintKind::Informal.medium(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn medium(self) -> Option<ComplaintMedium> {
        match self {
            ComplaintKind::Informal => None,
            ComplaintKind::FormalOral => Some(ComplaintMedium::Oral),
            ComplaintKind::FormalWritten => Some(ComplaintMedium::Written),
        }
    }
}

/// The grounds on which a regulatory deadline may be extended (the
/// conditions POJK 18/POJK.07/2018 lists).
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::ExtensionGround;
/// assert_eq!(serde_json::to_string(&ExtensionGround::SpecialInvestigation)?, "\"special_investigation\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ExtensionGround {
    /// The office that received the complaint is not the one where the
    /// problem happened, and they need to communicate.
    DifferentOffice,
    /// The transaction needs a special investigation of documents.
    SpecialInvestigation,
    /// Other conditions beyond the wallet's control, such as a third party
    /// (bank, merchant, switching network) being involved.
    BeyondControl,
}

crate::names::names!(as_str display from_str: ticket::ExtensionGround as "extension ground" {
    DifferentOffice => "different_office",
    SpecialInvestigation => "special_investigation",
    BeyondControl => "beyond_control",
});

impl Render for ExtensionGround {
    /// The reason as told to the customer in the extension notice.
    ///
    /// ```
    /// use walletcare_core::locale::{Locale, Render};
    /// use walletcare_core::ticket::ExtensionGround;
    /// assert!(ExtensionGround::BeyondControl.render(Locale::ZhCn).contains("第三方"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn render(&self, locale: Locale) -> String {
        let (en, id, zh) = match self {
            ExtensionGround::DifferentOffice => (
                "your complaint must be coordinated with the office where the problem occurred",
                "pengaduan Anda perlu dikoordinasikan dengan kantor tempat masalah terjadi",
                "您的投诉需要与问题发生地的办公室协调处理",
            ),
            ExtensionGround::SpecialInvestigation => (
                "the transaction needs a detailed investigation of documents",
                "transaksi tersebut memerlukan penelitian khusus terhadap dokumen",
                "该笔交易需要对相关单据进行专项核查",
            ),
            ExtensionGround::BeyondControl => (
                "it depends on a third party such as a bank or merchant, outside our control",
                "penyelesaiannya bergantung pada pihak ketiga seperti bank atau merchant, di luar kendali kami",
                "处理需要依赖银行或商户等第三方，超出我们的控制范围",
            ),
        };
        locale.pick(en, id, zh).to_owned()
    }
}

/// A recorded extension of a regulatory deadline. Its time is when the
/// customer was notified.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::ticket::{Extension, ExtensionGround};
///
/// let ext = Extension {
///     at: Utc.with_ymd_and_hms(2027, 1, 5, 3, 0, 0).single().ok_or("time")?,
///     ground: ExtensionGround::BeyondControl,
///     note: "waiting for the issuing bank's chargeback report".into(),
/// };
/// assert!(serde_json::to_string(&ext)?.contains("\"ground\":\"beyond_control\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// When the extension was notified to the customer.
    pub at: DateTime<Utc>,
    /// The ground.
    pub ground: ExtensionGround,
    /// The note kept on record.
    pub note: String,
}

/// A formal complaint and its regulatory clock's facts.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::ticket::{Category, Channel, ComplaintKind, ComplaintMedium, Ticket, TicketNumber};
///
/// let at = Utc.with_ymd_and_hms(2026, 12, 24, 2, 0, 0).single().ok_or("time")?;
/// let number = TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?;
/// let mut ticket = Ticket::new(number, Channel::Email, Category::Refund, at);
/// ticket.file_complaint(at, ComplaintKind::FormalWritten)?;
/// let complaint = &ticket.state().formal_complaints[0];
/// assert_eq!(complaint.medium, ComplaintMedium::Written);
/// assert_eq!(complaint.received_at, at);
/// assert_eq!(complaint.resolved_at, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FormalComplaint {
    /// Oral or written.
    pub medium: ComplaintMedium,
    /// When it was received (record it once the complete documents are in:
    /// the regulation counts from then).
    pub received_at: DateTime<Utc>,
    /// When the ticket was next resolved (the answer to the complaint).
    pub resolved_at: Option<DateTime<Utc>>,
    /// The extension, if one was granted.
    pub extension: Option<Extension>,
}

/// A satisfaction score with its time.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::ticket::SatisfactionRating;
/// let rating = SatisfactionRating { score: 5, at: Utc.timestamp_opt(0, 0).single().ok_or("t")? };
/// assert_eq!(rating.score, 5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SatisfactionRating {
    /// 1 (very unhappy) to 5 (very happy).
    pub score: u8,
    /// When it was given.
    pub at: DateTime<Utc>,
}

/// Lifecycle rules fixed when a ticket is created (the rules in force then
/// apply to it for its whole life).
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::TicketRules;
///
/// let rules = TicketRules::default();
/// assert_eq!((rules.reopen_window_days, rules.review_window_days), (7, 14));
/// assert!(TicketRules { reopen_window_days: 400, ..rules }.validate().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "TicketRulesWire")]
pub struct TicketRules {
    /// Days after resolution during which the ticket can be reopened (0-365,
    /// wall-clock days; 0 disables reopening).
    pub reopen_window_days: u16,
    /// Days after resolution during which the customer can ask for a second
    /// review (0-365; 0 disables it).
    pub review_window_days: u16,
    /// Keep the text of reasons and notes as typed. By default (`false`)
    /// a ticket stores them redacted with the default
    /// [`RedactPolicy`](crate::redact::RedactPolicy): card numbers, CVVs,
    /// one-time codes, PINs, passwords and identity numbers are masked
    /// before they are recorded (PCI DSS forbids keeping a card number in
    /// clear). Set it only for a host that must keep originals (and
    /// protects them itself). Omitted from JSON when `false`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keep_original_text: bool,
}

/// The JSON form of [`TicketRules`] before its ranges are checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TicketRulesWire {
    reopen_window_days: u16,
    review_window_days: u16,
    #[serde(default)]
    keep_original_text: bool,
}

impl TryFrom<TicketRulesWire> for TicketRules {
    type Error = Coded<TicketError>;
    fn try_from(w: TicketRulesWire) -> Result<Self, Self::Error> {
        let rules = TicketRules {
            reopen_window_days: w.reopen_window_days,
            review_window_days: w.review_window_days,
            keep_original_text: w.keep_original_text,
        };
        rules.validate().map_err(Coded)?;
        Ok(rules)
    }
}

impl Default for TicketRules {
    fn default() -> Self {
        TicketRules {
            reopen_window_days: 7,
            review_window_days: 14,
            keep_original_text: false,
        }
    }
}

/// The action as a ticket records it: the customer's reason and agent's
/// note redacted unless the rules keep originals.
fn recorded(rules: &TicketRules, action: Action) -> Action {
    if rules.keep_original_text {
        return action;
    }
    let policy = crate::redact::RedactPolicy::default();
    let clean = |text: String| {
        let r = crate::redact::redact(&text, &policy);
        if r.findings.is_empty() {
            text
        } else {
            r.redacted
        }
    };
    match action {
        Action::RequestReview { reason } => Action::RequestReview {
            reason: clean(reason),
        },
        Action::ExtendRegulatoryDeadline { ground, note } => Action::ExtendRegulatoryDeadline {
            ground,
            note: clean(note),
        },
        other => other,
    }
}

impl TicketRules {
    /// Checks the windows are 0-365 days.
    ///
    /// # Errors
    ///
    /// [`TicketError::InvalidPolicy`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::TicketRules;
    /// assert!(TicketRules::default().validate().is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), TicketError> {
        for (name, days) in [
            ("reopen_window_days", self.reopen_window_days),
            ("review_window_days", self.review_window_days),
        ] {
            if days > 365 {
                return Err(TicketError::InvalidPolicy {
                    reason: format!("{name} {days} is above 365"),
                });
            }
        }
        Ok(())
    }
}

/// Something that happens to a ticket. The JSON form is tagged by `kind`:
/// `{"kind":"escalate","level":"supervisor","cause":"manual"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::{Action, Priority};
///
/// let action: Action = serde_json::from_str(r#"{"kind":"change_priority","priority":"high"}"#)?;
/// assert_eq!(action, Action::ChangePriority { priority: Priority::High });
/// assert_eq!(action.kind(), "change_priority");
/// assert_eq!(serde_json::from_str::<Action>(r#"{"kind":"open"}"#)?, Action::Open);
/// assert!(serde_json::from_str::<Action>(r#"{"kind":"open","x":1}"#).is_err());
/// assert!(serde_json::from_str::<Action>(r#"{"kind":"teleport"}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "TicketAction"))]
#[serde(tag = "kind", rename_all = "snake_case", from = "ActionRepr")]
pub enum Action {
    /// The ticket is created (always and only the first event).
    Create {
        /// Where it came in.
        channel: Channel,
        /// What it is about.
        category: Category,
        /// Its starting priority.
        priority: Priority,
    },
    /// An agent picks the ticket up: `new` → `open`.
    Open,
    /// An agent sends a public reply (meets the first or next response; a
    /// reply to a `new` ticket opens it).
    Respond,
    /// The customer writes (starts a next-response cycle once the first
    /// response is done; answers a `pending_customer` ticket, reopening work).
    CustomerReply,
    /// Waiting for the customer: `open`/`pending_third_party` →
    /// `pending_customer`; the SLA clocks pause.
    AwaitCustomer,
    /// Waiting for a partner: `open`/`pending_customer` →
    /// `pending_third_party`.
    AwaitThirdParty,
    /// Back to work: `pending_*` → `open`.
    Resume,
    /// Resolved (the resolution is a public reply, so it also meets a pending
    /// first or next response, and it answers any open formal complaint).
    Resolve,
    /// Reopened within the reopen window: `resolved` → `open`.
    Reopen,
    /// Closed for good: `resolved` → `closed`.
    Close,
    /// Raised to a higher escalation level.
    Escalate {
        /// The new level (must be above the current one).
        level: EscalationLevel,
        /// Why.
        cause: EscalationCause,
    },
    /// The priority changes (SLA targets follow; see the
    /// [module documentation](super)).
    ChangePriority {
        /// The new priority.
        priority: Priority,
    },
    /// The customer complains about the handling: the priority goes up one
    /// step (up to urgent), a formal complaint starts a regulatory clock, and
    /// a resolved ticket is reopened.
    FileComplaint {
        /// Informal, or formal oral or written.
        complaint: ComplaintKind,
    },
    /// The customer appeals the resolution (second review), within the review
    /// window and once: `resolved` → `open`, escalated to at least
    /// supervisor.
    RequestReview {
        /// The customer's reason.
        reason: String,
    },
    /// The regulatory deadline of the latest unresolved written formal
    /// complaint is extended once; the event's time is when the customer was
    /// notified.
    ExtendRegulatoryDeadline {
        /// The ground for the extension.
        ground: ExtensionGround,
        /// The note kept on record.
        note: String,
    },
    /// The customer's satisfaction score (1-5), once per resolution.
    RateSatisfaction {
        /// The score.
        score: u8,
    },
}

/// The JSON form of [`Action`] as read: unit variants are empty structs so
/// that unknown fields are rejected for them too.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum ActionRepr {
    Create {
        channel: Channel,
        category: Category,
        priority: Priority,
    },
    Open {},
    Respond {},
    CustomerReply {},
    AwaitCustomer {},
    AwaitThirdParty {},
    Resume {},
    Resolve {},
    Reopen {},
    Close {},
    Escalate {
        level: EscalationLevel,
        cause: EscalationCause,
    },
    ChangePriority {
        priority: Priority,
    },
    FileComplaint {
        complaint: ComplaintKind,
    },
    RequestReview {
        reason: String,
    },
    ExtendRegulatoryDeadline {
        ground: ExtensionGround,
        note: String,
    },
    RateSatisfaction {
        score: u8,
    },
}

impl From<ActionRepr> for Action {
    fn from(repr: ActionRepr) -> Self {
        match repr {
            ActionRepr::Create {
                channel,
                category,
                priority,
            } => Action::Create {
                channel,
                category,
                priority,
            },
            ActionRepr::Open {} => Action::Open,
            ActionRepr::Respond {} => Action::Respond,
            ActionRepr::CustomerReply {} => Action::CustomerReply,
            ActionRepr::AwaitCustomer {} => Action::AwaitCustomer,
            ActionRepr::AwaitThirdParty {} => Action::AwaitThirdParty,
            ActionRepr::Resume {} => Action::Resume,
            ActionRepr::Resolve {} => Action::Resolve,
            ActionRepr::Reopen {} => Action::Reopen,
            ActionRepr::Close {} => Action::Close,
            ActionRepr::Escalate { level, cause } => Action::Escalate { level, cause },
            ActionRepr::ChangePriority { priority } => Action::ChangePriority { priority },
            ActionRepr::FileComplaint { complaint } => Action::FileComplaint { complaint },
            ActionRepr::RequestReview { reason } => Action::RequestReview { reason },
            ActionRepr::ExtendRegulatoryDeadline { ground, note } => {
                Action::ExtendRegulatoryDeadline { ground, note }
            }
            ActionRepr::RateSatisfaction { score } => Action::RateSatisfaction { score },
        }
    }
}

impl Action {
    /// The snake_case kind, as in JSON and in errors.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Action;
    /// assert_eq!(Action::CustomerReply.kind(), "customer_reply");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Action::Create { .. } => "create",
            Action::Open => "open",
            Action::Respond => "respond",
            Action::CustomerReply => "customer_reply",
            Action::AwaitCustomer => "await_customer",
            Action::AwaitThirdParty => "await_third_party",
            Action::Resume => "resume",
            Action::Resolve => "resolve",
            Action::Reopen => "reopen",
            Action::Close => "close",
            Action::Escalate { .. } => "escalate",
            Action::ChangePriority { .. } => "change_priority",
            Action::FileComplaint { .. } => "file_complaint",
            Action::RequestReview { .. } => "request_review",
            Action::ExtendRegulatoryDeadline { .. } => "extend_regulatory_deadline",
            Action::RateSatisfaction { .. } => "rate_satisfaction",
        }
    }
}

/// One entry of a ticket's history: an action and when it happened.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::ticket::{Action, Event};
///
/// let event = Event { at: Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("t")?, action: Action::Resolve };
/// assert_eq!(
///     serde_json::to_string(&event)?,
///     r#"{"at":"2026-11-21T03:00:00Z","action":{"kind":"resolve"}}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "TicketEvent"))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    pub action: Action,
}

/// The state of a ticket after its events (derived by replaying them; never
/// stored on its own).
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::ticket::{Category, Channel, Priority, Status, Ticket, TicketNumber};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
/// let number = TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 7)?;
/// let ticket = Ticket::new(number, Channel::Chat, Category::PaymentFailure, at);
/// let state = ticket.state();
/// assert_eq!(state.status, Status::New);
/// assert_eq!(state.priority, Priority::High); // the category's default
/// assert_eq!(state.created_at, at);
/// let json = serde_json::to_string(state)?;
/// assert!(json.contains("\"status\":\"new\""));
/// assert_eq!(&serde_json::from_str::<walletcare_core::ticket::TicketState>(&json)?, state);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TicketState {
    /// Where it came in.
    pub channel: Channel,
    /// What it is about.
    pub category: Category,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// Its status.
    pub status: Status,
    /// Its current priority.
    pub priority: Priority,
    /// Its recorded escalation level (the effective level at a given time
    /// also counts automatic escalation; see
    /// [`Ticket::sla`](super::Ticket::sla)).
    pub escalation: EscalationLevel,
    /// When an agent first responded (or the ticket was resolved).
    pub first_response_at: Option<DateTime<Utc>>,
    /// The oldest customer message still waiting for a reply.
    pub awaiting_reply_since: Option<DateTime<Utc>>,
    /// When the ticket was resolved, while it is resolved or closed.
    pub resolved_at: Option<DateTime<Utc>>,
    /// When it was closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// How many times it was reopened.
    pub reopen_count: u32,
    /// When a second review was requested, if it was.
    pub review_requested_at: Option<DateTime<Utc>>,
    /// How many complaints about the handling (informal and formal).
    pub complaint_count: u32,
    /// The formal complaints, oldest first.
    pub formal_complaints: Vec<FormalComplaint>,
    /// The latest satisfaction score.
    pub satisfaction: Option<SatisfactionRating>,
    /// When the last event happened.
    pub last_event_at: DateTime<Utc>,
}

fn raise(priority: Priority) -> Priority {
    match priority {
        Priority::Low => Priority::Normal,
        Priority::Normal => Priority::High,
        Priority::High | Priority::Urgent => Priority::Urgent,
    }
}

fn check_text(field: &'static str, text: &str) -> Result<(), TicketError> {
    let len = text.trim().chars().count();
    if len == 0 || len > MAX_TEXT_LEN {
        return Err(TicketError::InvalidText {
            field,
            len,
            max: MAX_TEXT_LEN,
        });
    }
    Ok(())
}

fn window_open(
    action: &'static str,
    resolved_at: Option<DateTime<Utc>>,
    days: u16,
    at: DateTime<Utc>,
) -> Result<(), TicketError> {
    let resolved_at = resolved_at.unwrap_or(at);
    let deadline = resolved_at
        .checked_add_signed(Duration::days(i64::from(days)))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    if days == 0 || at > deadline {
        return Err(TicketError::WindowClosed {
            action,
            resolved_at,
            window_days: days,
        });
    }
    Ok(())
}

impl TicketState {
    fn created(
        at: DateTime<Utc>,
        channel: Channel,
        category: Category,
        priority: Priority,
    ) -> Self {
        TicketState {
            channel,
            category,
            created_at: at,
            status: Status::New,
            priority,
            escalation: EscalationLevel::Agent,
            first_response_at: None,
            awaiting_reply_since: None,
            resolved_at: None,
            closed_at: None,
            reopen_count: 0,
            review_requested_at: None,
            complaint_count: 0,
            formal_complaints: Vec::new(),
            satisfaction: None,
            last_event_at: at,
        }
    }

    /// The state right after the ticket's `create` event.
    pub(super) fn created_for_replay(ticket: &Ticket) -> TicketState {
        let state = ticket.state();
        TicketState::created(
            state.created_at,
            state.channel,
            state.category,
            ticket.initial_priority(),
        )
    }

    /// The index of the formal complaint an extension applies to.
    fn extension_target(&self) -> Result<usize, TicketError> {
        let (index, complaint) = self
            .formal_complaints
            .iter()
            .enumerate()
            .rev()
            .find(|(_, c)| c.medium == ComplaintMedium::Written && c.resolved_at.is_none())
            .ok_or(TicketError::NoComplaintToExtend)?;
        if complaint.extension.is_some() {
            return Err(TicketError::ExtensionAlreadyGranted);
        }
        Ok(index)
    }

    /// Checks that `action` at `at` is allowed; changes nothing.
    pub(super) fn check(
        &self,
        rules: &TicketRules,
        at: DateTime<Utc>,
        action: &Action,
    ) -> Result<(), TicketError> {
        if at < self.last_event_at {
            return Err(TicketError::EventOutOfOrder {
                previous: self.last_event_at,
                at,
            });
        }
        let from = self.status;
        let allowed = |ok: bool| {
            if ok {
                Ok(())
            } else {
                Err(TicketError::InvalidTransition {
                    from,
                    action: action.kind(),
                })
            }
        };
        use Status::{Closed, New, Open, PendingCustomer, PendingThirdParty, Resolved};
        match action {
            Action::Create { .. } => allowed(false),
            Action::Open => allowed(from == New),
            Action::Respond | Action::CustomerReply | Action::Resolve => allowed(from.is_active()),
            Action::AwaitCustomer => allowed(matches!(from, Open | PendingThirdParty)),
            Action::AwaitThirdParty => allowed(matches!(from, Open | PendingCustomer)),
            Action::Resume => allowed(matches!(from, PendingCustomer | PendingThirdParty)),
            Action::Reopen => {
                allowed(from == Resolved)?;
                window_open("reopen", self.resolved_at, rules.reopen_window_days, at)
            }
            Action::Close => allowed(from == Resolved),
            Action::Escalate { level, .. } => {
                allowed(from.is_active())?;
                if *level <= self.escalation {
                    return Err(TicketError::EscalationNotHigher {
                        current: self.escalation,
                        requested: *level,
                    });
                }
                Ok(())
            }
            Action::ChangePriority { priority } => {
                allowed(from.is_active())?;
                if *priority == self.priority {
                    return Err(TicketError::PriorityUnchanged {
                        priority: *priority,
                    });
                }
                Ok(())
            }
            Action::FileComplaint { .. } => allowed(from != Closed),
            Action::RequestReview { reason } => {
                allowed(from == Resolved)?;
                if self.review_requested_at.is_some() {
                    return Err(TicketError::ReviewAlreadyRequested);
                }
                window_open(
                    "request_review",
                    self.resolved_at,
                    rules.review_window_days,
                    at,
                )?;
                check_text("reason", reason)
            }
            Action::ExtendRegulatoryDeadline { note, .. } => {
                allowed(from.is_active())?;
                self.extension_target()?;
                check_text("note", note)
            }
            Action::RateSatisfaction { score } => {
                if !(1..=5).contains(score) {
                    return Err(TicketError::InvalidSatisfactionScore { score: *score });
                }
                if !matches!(from, Resolved | Closed) {
                    return Err(TicketError::SurveyNotAllowed { status: from });
                }
                let rated = match (self.satisfaction, self.resolved_at) {
                    (Some(rating), Some(resolved)) => rating.at >= resolved,
                    _ => false,
                };
                if rated {
                    return Err(TicketError::SurveyAlreadyAnswered);
                }
                Ok(())
            }
        }
    }

    /// Applies an action that [`TicketState::check`] accepted.
    pub(super) fn commit(&mut self, at: DateTime<Utc>, action: &Action) {
        match action {
            Action::Create { .. } => {}
            Action::Open | Action::Resume => self.status = Status::Open,
            Action::Respond => {
                self.first_response_at.get_or_insert(at);
                self.awaiting_reply_since = None;
                if self.status == Status::New {
                    self.status = Status::Open;
                }
            }
            Action::CustomerReply => {
                if self.first_response_at.is_some() && self.awaiting_reply_since.is_none() {
                    self.awaiting_reply_since = Some(at);
                }
                if self.status == Status::PendingCustomer {
                    self.status = Status::Open;
                }
            }
            Action::AwaitCustomer => self.status = Status::PendingCustomer,
            Action::AwaitThirdParty => self.status = Status::PendingThirdParty,
            Action::Resolve => {
                self.status = Status::Resolved;
                self.resolved_at = Some(at);
                self.first_response_at.get_or_insert(at);
                self.awaiting_reply_since = None;
                for complaint in &mut self.formal_complaints {
                    complaint.resolved_at.get_or_insert(at);
                }
            }
            Action::Reopen => {
                self.status = Status::Open;
                self.resolved_at = None;
                self.reopen_count = self.reopen_count.saturating_add(1);
            }
            Action::Close => {
                self.status = Status::Closed;
                self.closed_at = Some(at);
            }
            Action::Escalate { level, .. } => self.escalation = *level,
            Action::ChangePriority { priority } => self.priority = *priority,
            Action::FileComplaint { complaint } => {
                self.complaint_count = self.complaint_count.saturating_add(1);
                self.priority = raise(self.priority);
                if let Some(medium) = complaint.medium() {
                    self.formal_complaints.push(FormalComplaint {
                        medium,
                        received_at: at,
                        resolved_at: None,
                        extension: None,
                    });
                }
                if self.status == Status::Resolved {
                    self.status = Status::Open;
                    self.resolved_at = None;
                }
            }
            Action::RequestReview { .. } => {
                self.review_requested_at = Some(at);
                self.status = Status::Open;
                self.resolved_at = None;
                self.escalation = self.escalation.max(EscalationLevel::Supervisor);
            }
            Action::ExtendRegulatoryDeadline { ground, note } => {
                if let Ok(index) = self.extension_target() {
                    if let Some(complaint) = self.formal_complaints.get_mut(index) {
                        complaint.extension = Some(Extension {
                            at,
                            ground: *ground,
                            note: note.trim().to_owned(),
                        });
                    }
                }
            }
            Action::RateSatisfaction { score } => {
                self.satisfaction = Some(SatisfactionRating { score: *score, at });
            }
        }
        self.last_event_at = at;
    }
}

/// A support ticket: its number, its rules, and its history of events, from
/// which everything else is derived.
///
/// Every action is checked against the current state; an invalid action is a
/// typed [`TicketError`] and changes nothing. Valid actions are appended to
/// the history with their time. The JSON form is
/// `{"number": "...", "rules": {...}, "events": [...]}`; reading it back
/// replays and re-checks every event, so a tampered history is rejected.
///
/// # Examples
///
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketError, TicketNumber};
///
/// let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).single().ok_or("time")?;
/// let number = TicketNumber::for_instant(t0, chrono_tz::Asia::Jakarta, 42)?;
/// let mut ticket = Ticket::new(number, Channel::InApp, Category::Refund, t0);
/// ticket.respond(t0 + Duration::minutes(30))?;
/// ticket.await_customer(t0 + Duration::minutes(31))?;
/// ticket.customer_reply(t0 + Duration::hours(5))?;
/// ticket.resolve(t0 + Duration::hours(6))?;
/// assert_eq!(ticket.status(), Status::Resolved);
///
/// // Closed is final; the failed move leaves no trace.
/// ticket.close(t0 + Duration::days(8))?;
/// let before = ticket.clone();
/// let err = ticket.reopen(t0 + Duration::days(9)).unwrap_err();
/// assert!(matches!(err, TicketError::InvalidTransition { from: Status::Closed, .. }));
/// assert_eq!(ticket, before);
///
/// let json = serde_json::to_string(&ticket)?;
/// assert_eq!(serde_json::from_str::<Ticket>(&json)?, ticket);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(as = "TicketData", rename = "TicketJson")
)]
pub struct Ticket {
    number: TicketNumber,
    rules: TicketRules,
    events: Vec<Event>,
    state: TicketState,
}

impl Ticket {
    /// A new ticket with the category's default priority and the default
    /// [`TicketRules`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Priority, Ticket, TicketNumber};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let number = TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?;
    /// let ticket = Ticket::new(number, Channel::Hotline, Category::AccountSecurity, at);
    /// assert_eq!(ticket.priority(), Priority::Urgent);
    /// assert_eq!(ticket.events().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        number: TicketNumber,
        channel: Channel,
        category: Category,
        created_at: DateTime<Utc>,
    ) -> Ticket {
        let priority = category.default_priority();
        Ticket {
            number,
            rules: TicketRules::default(),
            events: vec![Event {
                at: created_at,
                action: Action::Create {
                    channel,
                    category,
                    priority,
                },
            }],
            state: TicketState::created(created_at, channel, category, priority),
        }
    }

    /// A new ticket with an explicit priority and rules.
    ///
    /// # Errors
    ///
    /// [`TicketError::InvalidPolicy`] if the rules are out of range.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Priority, Ticket, TicketNumber, TicketRules};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let number = TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 2)?;
    /// let rules = TicketRules { reopen_window_days: 3, review_window_days: 30, ..TicketRules::default() };
    /// let ticket = Ticket::create(number, Channel::Email, Category::Feedback, Priority::Normal, rules, at)?;
    /// assert_eq!(ticket.priority(), Priority::Normal);
    /// assert_eq!(ticket.rules().reopen_window_days, 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn create(
        number: TicketNumber,
        channel: Channel,
        category: Category,
        priority: Priority,
        rules: TicketRules,
        created_at: DateTime<Utc>,
    ) -> Result<Ticket, TicketError> {
        rules.validate()?;
        Ok(Ticket {
            number,
            rules,
            events: vec![Event {
                at: created_at,
                action: Action::Create {
                    channel,
                    category,
                    priority,
                },
            }],
            state: TicketState::created(created_at, channel, category, priority),
        })
    }

    /// Rebuilds a ticket from a stored history, checking every event.
    ///
    /// # Errors
    ///
    /// [`TicketError::MissingCreation`] if the history does not start with
    /// `create`, the first invalid event's error otherwise, and
    /// [`TicketError::HistoryFull`] beyond [`MAX_EVENTS`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Action, Category, Channel, Event, Ticket, TicketNumber, TicketRules};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let number = TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 3)?;
    /// let mut ticket = Ticket::new(number, Channel::Chat, Category::Technical, at);
    /// ticket.resolve(at)?;
    /// let copy = Ticket::from_events(number, TicketRules::default(), ticket.events().to_vec())?;
    /// assert_eq!(copy, ticket);
    /// let bad = vec![Event { at, action: Action::Resolve }];
    /// assert!(Ticket::from_events(number, TicketRules::default(), bad).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_events(
        number: TicketNumber,
        rules: TicketRules,
        events: Vec<Event>,
    ) -> Result<Ticket, TicketError> {
        rules.validate()?;
        if events.len() > MAX_EVENTS {
            return Err(TicketError::HistoryFull { max: MAX_EVENTS });
        }
        let mut iter = events.iter();
        let mut state = match iter.next() {
            Some(Event {
                at,
                action:
                    Action::Create {
                        channel,
                        category,
                        priority,
                    },
            }) => TicketState::created(*at, *channel, *category, *priority),
            _ => return Err(TicketError::MissingCreation),
        };
        for event in iter {
            state.check(&rules, event.at, &event.action)?;
            state.commit(event.at, &event.action);
        }
        // A history stored before redaction (or by a host that kept
        // originals) is redacted when loaded under rules that do not keep
        // them.
        let events = events
            .into_iter()
            .map(|e| Event {
                at: e.at,
                action: recorded(&rules, e.action),
            })
            .collect();
        Ok(Ticket {
            number,
            rules,
            events,
            state,
        })
    }

    /// Applies an action at `at`: checks it, records it, updates the state.
    ///
    /// # Errors
    ///
    /// The typed reason the action is not allowed (see [`TicketError`]); the
    /// ticket is then unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::ticket::{Action, Category, Channel, EscalationCause, EscalationLevel, Ticket, TicketNumber};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let number = TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 4)?;
    /// let mut ticket = Ticket::new(number, Channel::Chat, Category::Technical, at);
    /// let action = Action::Escalate { level: EscalationLevel::Manager, cause: EscalationCause::Manual };
    /// let event = ticket.apply(at + Duration::minutes(5), action)?;
    /// assert_eq!(event.at, at + Duration::minutes(5));
    /// assert_eq!(ticket.escalation(), EscalationLevel::Manager);
    /// assert!(ticket.apply(at, Action::Open).is_err()); // earlier than the last event
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&mut self, at: DateTime<Utc>, action: Action) -> Result<&Event, TicketError> {
        if self.events.len() >= MAX_EVENTS {
            return Err(TicketError::HistoryFull { max: MAX_EVENTS });
        }
        self.state.check(&self.rules, at, &action)?;
        let action = recorded(&self.rules, action);
        self.state.commit(at, &action);
        self.events.push(Event { at, action });
        self.events.last().ok_or(TicketError::MissingCreation)
    }

    /// The ticket number.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let number = TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 123)?;
    /// let ticket = Ticket::new(number, Channel::Chat, Category::Technical, at);
    /// assert_eq!(ticket.number().to_string(), "WC-20261121-000123-7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn number(&self) -> TicketNumber {
        self.number
    }

    /// The lifecycle rules of this ticket.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Ticket, TicketNumber, TicketRules};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Technical, at);
    /// assert_eq!(ticket.rules(), &TicketRules::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rules(&self) -> &TicketRules {
        &self.rules
    }

    /// The history, oldest first; the first event is always `create`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Action, Category, Channel, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Technical, at);
    /// ticket.open(at)?;
    /// assert_eq!(ticket.events()[1].action, Action::Open);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The current state (after the last event).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Technical, at);
    /// ticket.respond(at)?;
    /// assert_eq!(ticket.state().first_response_at, Some(at));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn state(&self) -> &TicketState {
        &self.state
    }

    /// The state as it was at `at`, replaying only the events up to then
    /// (`None` before creation).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Technical, at);
    /// ticket.resolve(at + Duration::hours(2))?;
    /// assert_eq!(ticket.state_at(at + Duration::hours(1)).map(|s| s.status), Some(Status::New));
    /// assert!(ticket.state_at(at - Duration::hours(1)).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn state_at(&self, at: DateTime<Utc>) -> Option<TicketState> {
        if at < self.state.created_at {
            return None;
        }
        let mut state = TicketState::created(
            self.state.created_at,
            self.state.channel,
            self.state.category,
            self.initial_priority(),
        );
        for event in self.events.iter().skip(1).take_while(|e| e.at <= at) {
            state.commit(event.at, &event.action);
        }
        Some(state)
    }

    pub(super) fn initial_priority(&self) -> Priority {
        match self.events.first() {
            Some(Event {
                action: Action::Create { priority, .. },
                ..
            }) => *priority,
            _ => self.state.priority,
        }
    }

    /// The current status.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Technical, at);
    /// assert_eq!(ticket.status(), Status::New);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn status(&self) -> Status {
        self.state.status
    }

    /// The current priority.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Priority, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Feedback, at);
    /// assert_eq!(ticket.priority(), Priority::Low);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn priority(&self) -> Priority {
        self.state.priority
    }

    /// The recorded escalation level.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, EscalationLevel, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Feedback, at);
    /// assert_eq!(ticket.escalation(), EscalationLevel::Agent);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn escalation(&self) -> EscalationLevel {
        self.state.escalation
    }
}

/// Convenience methods, one per [`Action`]; each is `apply` with that action.
impl Ticket {
    /// [`Action::Open`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Technical, at);
    /// ticket.open(at)?;
    /// assert_eq!(ticket.status(), Status::Open);
    /// assert!(ticket.open(at).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(&mut self, at: DateTime<Utc>) -> Result<(), TicketError> {
        self.apply(at, Action::Open).map(drop)
    }

    /// [`Action::Respond`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Technical, at);
    /// ticket.respond(at)?;
    /// assert_eq!(ticket.status(), Status::Open);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn respond(&mut self, at: DateTime<Utc>) -> Result<(), TicketError> {
        self.apply(at, Action::Respond).map(drop)
    }

    /// [`Action::CustomerReply`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Technical, at);
    /// ticket.respond(at)?;
    /// ticket.await_customer(at)?;
    /// ticket.customer_reply(at + Duration::hours(1))?;
    /// assert_eq!(ticket.status(), Status::Open);
    /// assert_eq!(ticket.state().awaiting_reply_since, Some(at + Duration::hours(1)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn customer_reply(&mut self, at: DateTime<Utc>) -> Result<(), TicketError> {
        self.apply(at, Action::CustomerReply).map(drop)
    }

    /// [`Action::AwaitCustomer`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Technical, at);
    /// assert!(ticket.await_customer(at).is_err()); // open it first
    /// ticket.open(at)?;
    /// ticket.await_customer(at)?;
    /// assert_eq!(ticket.status(), Status::PendingCustomer);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn await_customer(&mut self, at: DateTime<Utc>) -> Result<(), TicketError> {
        self.apply(at, Action::AwaitCustomer).map(drop)
    }

    /// [`Action::AwaitThirdParty`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Refund, at);
    /// ticket.open(at)?;
    /// ticket.await_third_party(at)?;
    /// assert_eq!(ticket.status(), Status::PendingThirdParty);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn await_third_party(&mut self, at: DateTime<Utc>) -> Result<(), TicketError> {
        self.apply(at, Action::AwaitThirdParty).map(drop)
    }

    /// [`Action::Resume`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Refund, at);
    /// ticket.open(at)?;
    /// ticket.await_third_party(at)?;
    /// ticket.resume(at)?;
    /// assert_eq!(ticket.status(), Status::Open);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resume(&mut self, at: DateTime<Utc>) -> Result<(), TicketError> {
        self.apply(at, Action::Resume).map(drop)
    }

    /// [`Action::Resolve`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Refund, at);
    /// ticket.resolve(at)?;
    /// assert_eq!(ticket.status(), Status::Resolved);
    /// assert_eq!(ticket.state().resolved_at, Some(at));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(&mut self, at: DateTime<Utc>) -> Result<(), TicketError> {
        self.apply(at, Action::Resolve).map(drop)
    }

    /// [`Action::Reopen`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`]; [`TicketError::WindowClosed`] after the reopen
    /// window.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketError, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Refund, at);
    /// ticket.resolve(at)?;
    /// assert!(matches!(ticket.reopen(at + Duration::days(8)), Err(TicketError::WindowClosed { .. })));
    /// ticket.reopen(at + Duration::days(7))?;
    /// assert_eq!(ticket.status(), Status::Open);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reopen(&mut self, at: DateTime<Utc>) -> Result<(), TicketError> {
        self.apply(at, Action::Reopen).map(drop)
    }

    /// [`Action::Close`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Status, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Refund, at);
    /// assert!(ticket.close(at).is_err()); // resolve first
    /// ticket.resolve(at)?;
    /// ticket.close(at)?;
    /// assert_eq!(ticket.status(), Status::Closed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn close(&mut self, at: DateTime<Utc>) -> Result<(), TicketError> {
        self.apply(at, Action::Close).map(drop)
    }

    /// [`Action::Escalate`] with [`EscalationCause::Manual`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`]; [`TicketError::EscalationNotHigher`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, EscalationLevel, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Refund, at);
    /// ticket.escalate(at, EscalationLevel::Supervisor)?;
    /// assert!(ticket.escalate(at, EscalationLevel::Supervisor).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn escalate(
        &mut self,
        at: DateTime<Utc>,
        level: EscalationLevel,
    ) -> Result<(), TicketError> {
        self.apply(
            at,
            Action::Escalate {
                level,
                cause: EscalationCause::Manual,
            },
        )
        .map(drop)
    }

    /// [`Action::ChangePriority`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`]; [`TicketError::PriorityUnchanged`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Priority, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Refund, at);
    /// ticket.change_priority(at, Priority::High)?;
    /// assert_eq!(ticket.priority(), Priority::High);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn change_priority(
        &mut self,
        at: DateTime<Utc>,
        priority: Priority,
    ) -> Result<(), TicketError> {
        self.apply(at, Action::ChangePriority { priority })
            .map(drop)
    }

    /// [`Action::FileComplaint`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, ComplaintKind, Priority, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Refund, at);
    /// ticket.file_complaint(at, ComplaintKind::Informal)?;
    /// assert_eq!(ticket.priority(), Priority::High); // normal + 1
    /// assert!(ticket.state().formal_complaints.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn file_complaint(
        &mut self,
        at: DateTime<Utc>,
        complaint: ComplaintKind,
    ) -> Result<(), TicketError> {
        self.apply(at, Action::FileComplaint { complaint })
            .map(drop)
    }

    /// [`Action::RequestReview`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`]; [`TicketError::WindowClosed`],
    /// [`TicketError::ReviewAlreadyRequested`], [`TicketError::InvalidText`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, EscalationLevel, Status, Ticket, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Refund, at);
    /// ticket.resolve(at)?;
    /// ticket.request_review(at + Duration::days(10), "the refund amount is wrong, my pin is 123456")?;
    /// assert_eq!(ticket.status(), Status::Open);
    /// assert_eq!(ticket.escalation(), EscalationLevel::Supervisor);
    /// // Stored redacted (TicketRules::keep_original_text is off by default).
    /// let json = serde_json::to_string(&ticket)?;
    /// assert!(json.contains("my pin is ******") && !json.contains("123456"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn request_review(&mut self, at: DateTime<Utc>, reason: &str) -> Result<(), TicketError> {
        self.apply(
            at,
            Action::RequestReview {
                reason: reason.to_owned(),
            },
        )
        .map(drop)
    }

    /// [`Action::RateSatisfaction`].
    ///
    /// # Errors
    ///
    /// As [`Ticket::apply`]; [`TicketError::InvalidSatisfactionScore`],
    /// [`TicketError::SurveyNotAllowed`], [`TicketError::SurveyAlreadyAnswered`].
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::ticket::{Category, Channel, Ticket, TicketError, TicketNumber};
    /// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).single().ok_or("time")?;
    /// let mut ticket = Ticket::new(TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?, Channel::Chat, Category::Refund, at);
    /// assert!(matches!(ticket.rate_satisfaction(at, 5), Err(TicketError::SurveyNotAllowed { .. })));
    /// ticket.resolve(at)?;
    /// assert!(matches!(ticket.rate_satisfaction(at, 6), Err(TicketError::InvalidSatisfactionScore { score: 6 })));
    /// ticket.rate_satisfaction(at, 4)?;
    /// assert_eq!(ticket.state().satisfaction.map(|r| r.score), Some(4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate_satisfaction(&mut self, at: DateTime<Utc>, score: u8) -> Result<(), TicketError> {
        self.apply(at, Action::RateSatisfaction { score }).map(drop)
    }
}

/// The JSON form of a ticket.
#[derive(Serialize)]
struct TicketDataRef<'a> {
    number: &'a TicketNumber,
    rules: &'a TicketRules,
    events: &'a [Event],
}

#[derive(Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "TicketJson"))]
#[serde(deny_unknown_fields)]
struct TicketData {
    number: TicketNumber,
    #[serde(default)]
    rules: TicketRules,
    events: Vec<Event>,
}

impl Serialize for Ticket {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        TicketDataRef {
            number: &self.number,
            rules: &self.rules,
            events: &self.events,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Ticket {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let data = TicketData::deserialize(deserializer)?;
        Ticket::from_events(data.number, data.rules, data.events).map_err(Coded::de)
    }
}

/// A ticket kept as a [`Versioned`](crate::versioned::Versioned) stream:
/// the command is an [`Action`] (the same as its own [`Event`]s), the
/// outcome the status after it. The stream's snapshot at version 0 is the
/// created ticket.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::ticket::{Action, Category, Channel, Status, Ticket, TicketNumber};
/// use walletcare_core::versioned::Versioned;
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
/// let number = TicketNumber::for_instant(at, chrono_tz::Asia::Jakarta, 1)?;
/// let mut ticket = Versioned::new(Ticket::new(number, Channel::Chat, Category::Technical, at));
/// let done = ticket.execute(Some(0), "agent-1:resolve", Action::Resolve, at)?;
/// assert_eq!(done.outcome, Status::Resolved);
/// assert_eq!(ticket.version(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl crate::versioned::Aggregate for Ticket {
    type Command = Action;
    type Outcome = Status;
    type Error = TicketError;

    fn handle(&mut self, command: &Action, at: DateTime<Utc>) -> Result<Status, TicketError> {
        self.apply(at, command.clone())?;
        Ok(self.status())
    }
}
