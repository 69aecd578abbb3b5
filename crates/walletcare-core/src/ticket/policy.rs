//! SLA policies: targets per category × priority × channel, the due-soon
//! threshold, automatic escalation, and the regulatory complaint regime.

use serde::{Deserialize, Serialize};

use super::{Category, Channel, EscalationLevel, Priority, TicketError};

/// How an SLA target's time is counted.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::TimeBasis;
/// assert_eq!(serde_json::to_string(&TimeBasis::Business)?, "\"business\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum TimeBasis {
    /// Only time inside business hours on business days of the wallet's
    /// [`BusinessCalendar`](crate::calendar::BusinessCalendar) counts.
    Business,
    /// Every second counts (round-the-clock service).
    Wall,
}

crate::names::names!(as_str display from_str: ticket::TimeBasis as "time basis" {
    Business => "business",
    Wall => "wall",
});

/// The target of one SLA clock.
///
/// The JSON form is `{"kind":"live"}` or
/// `{"kind":"within","seconds":7200,"basis":"business"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::{SlaTarget, TimeBasis};
///
/// let target = SlaTarget::business_minutes(240);
/// assert_eq!(target, SlaTarget::Within { seconds: 14_400, basis: TimeBasis::Business });
/// assert_eq!(
///     serde_json::to_string(&target)?,
///     r#"{"kind":"within","seconds":14400,"basis":"business"}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum SlaTarget {
    /// Answered live: the first response is met when the ticket is created
    /// (the hotline agent who answered the call creates it). Only valid for
    /// the first response.
    Live,
    /// Within a duration, counted on the given basis.
    Within {
        /// The duration in seconds (1 second to 366 days).
        seconds: u32,
        /// How the duration is counted.
        basis: TimeBasis,
    },
}

/// The longest target a policy accepts: 366 days.
pub const MAX_TARGET_SECONDS: u32 = 366 * 24 * 3600;

impl SlaTarget {
    /// A wall-clock target of `minutes` minutes.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::SlaTarget;
    /// assert_eq!(SlaTarget::wall_minutes(2).seconds(), Some(120));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn wall_minutes(minutes: u32) -> SlaTarget {
        SlaTarget::Within {
            seconds: minutes.saturating_mul(60),
            basis: TimeBasis::Wall,
        }
    }

    /// A business-time target of `minutes` minutes.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{SlaTarget, TimeBasis};
    /// assert_eq!(SlaTarget::business_minutes(60).basis(), Some(TimeBasis::Business));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn business_minutes(minutes: u32) -> SlaTarget {
        SlaTarget::Within {
            seconds: minutes.saturating_mul(60),
            basis: TimeBasis::Business,
        }
    }

    /// The duration in seconds, `None` for [`SlaTarget::Live`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::SlaTarget;
    /// assert_eq!(SlaTarget::Live.seconds(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn seconds(self) -> Option<u32> {
        match self {
            SlaTarget::Live => None,
            SlaTarget::Within { seconds, .. } => Some(seconds),
        }
    }

    /// The basis, `None` for [`SlaTarget::Live`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{SlaTarget, TimeBasis};
    /// assert_eq!(SlaTarget::wall_minutes(1).basis(), Some(TimeBasis::Wall));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn basis(self) -> Option<TimeBasis> {
        match self {
            SlaTarget::Live => None,
            SlaTarget::Within { basis, .. } => Some(basis),
        }
    }

    /// Checks the target; `where_` names it in the error, built only on
    /// failure.
    fn validate(
        self,
        where_: impl FnOnce() -> String,
        allow_live: bool,
    ) -> Result<(), TicketError> {
        match self {
            SlaTarget::Live if allow_live => Ok(()),
            SlaTarget::Live => Err(TicketError::InvalidPolicy {
                reason: format!(
                    "{}: \"live\" is only valid for the first response",
                    where_()
                ),
            }),
            SlaTarget::Within { seconds, .. } if seconds == 0 || seconds > MAX_TARGET_SECONDS => {
                Err(TicketError::InvalidPolicy {
                    reason: format!(
                        "{}: {seconds} seconds is outside 1..={MAX_TARGET_SECONDS}",
                        where_()
                    ),
                })
            }
            SlaTarget::Within { .. } => Ok(()),
        }
    }
}

/// The three internal SLA clocks of a ticket.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::SlaClock;
/// assert_eq!(serde_json::to_string(&SlaClock::NextResponse)?, "\"next_response\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SlaClock {
    /// From creation to the first public reply of an agent.
    FirstResponse,
    /// From a customer message (after the first response) to the agent's
    /// next public reply; one cycle per customer message awaiting a reply.
    NextResponse,
    /// From creation to resolution.
    Resolution,
}

crate::names::names!(display from_str: ticket::SlaClock as "sla clock" {
    FirstResponse,
    NextResponse,
    Resolution,
});

impl SlaClock {
    /// The three clocks.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::SlaClock;
    /// assert_eq!(SlaClock::ALL[2], SlaClock::Resolution);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [SlaClock; 3] = [
        SlaClock::FirstResponse,
        SlaClock::NextResponse,
        SlaClock::Resolution,
    ];

    /// The snake_case name.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::SlaClock;
    /// assert_eq!(SlaClock::FirstResponse.as_str(), "first_response");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SlaClock::FirstResponse => "first_response",
            SlaClock::NextResponse => "next_response",
            SlaClock::Resolution => "resolution",
        }
    }
}

/// The targets of the three clocks for one ticket.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::{Category, Channel, Priority, SlaPolicy, SlaTarget};
///
/// let targets = SlaPolicy::default().targets(Category::Refund, Priority::Normal, Channel::Email);
/// assert_eq!(targets.first_response, SlaTarget::business_minutes(8 * 60));
/// assert_eq!(targets.resolution, SlaTarget::business_minutes(24 * 60));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SlaTargets {
    /// First response.
    pub first_response: SlaTarget,
    /// Next response.
    pub next_response: SlaTarget,
    /// Resolution.
    pub resolution: SlaTarget,
}

impl SlaTargets {
    /// The target of one clock.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{SlaClock, SlaPolicy};
    /// let fallback = SlaPolicy::default().fallback;
    /// assert_eq!(fallback.get(SlaClock::Resolution), fallback.resolution);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn get(&self, clock: SlaClock) -> SlaTarget {
        match clock {
            SlaClock::FirstResponse => self.first_response,
            SlaClock::NextResponse => self.next_response,
            SlaClock::Resolution => self.resolution,
        }
    }
}

/// One rule of an [`SlaPolicy`]: filters (an absent filter matches
/// everything) and the targets it sets (an absent target leaves the clock to
/// later rules).
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::{Priority, SlaRule, SlaTarget};
///
/// let rule: SlaRule = serde_json::from_str(
///     r#"{"priority":"urgent","resolution":{"kind":"within","seconds":86400,"basis":"wall"}}"#,
/// )?;
/// assert_eq!(rule.priority, Some(Priority::Urgent));
/// assert_eq!(rule.resolution, Some(SlaTarget::wall_minutes(24 * 60)));
/// assert_eq!(rule.first_response, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SlaRule {
    /// Only tickets of this category, if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Only tickets of this priority, if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Only tickets from this channel, if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// The first-response target this rule sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_response: Option<SlaTarget>,
    /// The next-response target this rule sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_response: Option<SlaTarget>,
    /// The resolution target this rule sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<SlaTarget>,
}

impl SlaRule {
    /// Whether the rule's filters match.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{Category, Channel, Priority, SlaRule};
    /// let rule = SlaRule { channel: Some(Channel::Chat), ..SlaRule::default() };
    /// assert!(rule.matches(Category::Refund, Priority::Low, Channel::Chat));
    /// assert!(!rule.matches(Category::Refund, Priority::Low, Channel::Email));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn matches(&self, category: Category, priority: Priority, channel: Channel) -> bool {
        self.category.is_none_or(|c| c == category)
            && self.priority.is_none_or(|p| p == priority)
            && self.channel.is_none_or(|c| c == channel)
    }

    const fn target(&self, clock: SlaClock) -> Option<SlaTarget> {
        match clock {
            SlaClock::FirstResponse => self.first_response,
            SlaClock::NextResponse => self.next_response,
            SlaClock::Resolution => self.resolution,
        }
    }
}

/// Which escalation level an SLA breach raises a ticket to (automatic
/// escalation). The effective level of a ticket at `now` is the highest of
/// its recorded level and these.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::{AutoEscalation, EscalationLevel};
/// let auto = AutoEscalation::default();
/// assert_eq!(auto.response_breach, EscalationLevel::Supervisor);
/// assert_eq!(auto.regulatory_breach, EscalationLevel::ComplaintsUnit);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct AutoEscalation {
    /// A breached first or next response (default: supervisor).
    pub response_breach: EscalationLevel,
    /// A breached resolution (default: manager).
    pub resolution_breach: EscalationLevel,
    /// A regulatory deadline due soon (default: complaints unit).
    pub regulatory_due_soon: EscalationLevel,
    /// A breached regulatory deadline (default: complaints unit).
    pub regulatory_breach: EscalationLevel,
}

impl Default for AutoEscalation {
    fn default() -> Self {
        AutoEscalation {
            response_breach: EscalationLevel::Supervisor,
            resolution_breach: EscalationLevel::Manager,
            regulatory_due_soon: EscalationLevel::ComplaintsUnit,
            regulatory_breach: EscalationLevel::ComplaintsUnit,
        }
    }
}

/// The deadlines the financial regulator sets for formal complaints, in
/// working days of the Indonesian calendar, counted from the working day the
/// complaint was received (see the [module documentation](super) for the
/// sources and the counting rule).
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::RegulatoryRegime;
///
/// let regime = RegulatoryRegime::default();
/// assert_eq!(regime, RegulatoryRegime::POJK_18_2018);
/// assert_eq!((regime.oral_working_days, regime.written_working_days), (5, 20));
/// assert_eq!(regime.extension_working_days, 20);
/// assert_eq!(RegulatoryRegime::POJK_22_2023.written_working_days, 10);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "RegulatoryRegimeWire")]
pub struct RegulatoryRegime {
    /// Working days to settle a complaint made orally.
    pub oral_working_days: u16,
    /// Working days to settle a complaint made in writing.
    pub written_working_days: u16,
    /// Working days one extension adds to a written complaint (0: none).
    pub extension_working_days: u16,
    /// Percentage of the working days elapsed from which the clock is due
    /// soon (1-100).
    pub due_soon_percent: u8,
}

impl RegulatoryRegime {
    /// POJK 18/POJK.07/2018: oral 5 working days, written 20, extendable once
    /// by 20 with written notice to the customer.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::RegulatoryRegime;
    /// assert_eq!(RegulatoryRegime::POJK_18_2018.oral_working_days, 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const POJK_18_2018: RegulatoryRegime = RegulatoryRegime {
        oral_working_days: 5,
        written_working_days: 20,
        extension_working_days: 20,
        due_soon_percent: 80,
    };

    /// POJK 22/2023 as OJK describes it publicly: written complaints within
    /// 10 working days, extendable by 10; oral complaints kept at 5 (confirm
    /// with compliance before switching to it).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::RegulatoryRegime;
    /// assert_eq!(RegulatoryRegime::POJK_22_2023.extension_working_days, 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const POJK_22_2023: RegulatoryRegime = RegulatoryRegime {
        oral_working_days: 5,
        written_working_days: 10,
        extension_working_days: 10,
        due_soon_percent: 80,
    };

    /// Checks the ranges: deadlines 1-365 working days, extension 0-365,
    /// due-soon 1-100 %.
    ///
    /// # Errors
    ///
    /// [`TicketError::InvalidPolicy`] naming the field.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::RegulatoryRegime;
    /// let bad = RegulatoryRegime { oral_working_days: 0, ..RegulatoryRegime::default() };
    /// assert!(bad.validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), TicketError> {
        let check = |name: &str, value: u16, min: u16| {
            if (min..=365).contains(&value) {
                Ok(())
            } else {
                Err(TicketError::InvalidPolicy {
                    reason: format!("regulatory {name} {value} is outside {min}..=365"),
                })
            }
        };
        check("oral_working_days", self.oral_working_days, 1)?;
        check("written_working_days", self.written_working_days, 1)?;
        check("extension_working_days", self.extension_working_days, 0)?;
        check_percent("regulatory due_soon_percent", self.due_soon_percent)
    }
}

/// The JSON form of [`RegulatoryRegime`] before its ranges are checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegulatoryRegimeWire {
    oral_working_days: u16,
    written_working_days: u16,
    extension_working_days: u16,
    due_soon_percent: u8,
}

impl TryFrom<RegulatoryRegimeWire> for RegulatoryRegime {
    type Error = crate::error::Coded<TicketError>;
    fn try_from(w: RegulatoryRegimeWire) -> Result<Self, Self::Error> {
        let regime = RegulatoryRegime {
            oral_working_days: w.oral_working_days,
            written_working_days: w.written_working_days,
            extension_working_days: w.extension_working_days,
            due_soon_percent: w.due_soon_percent,
        };
        regime.validate().map_err(crate::error::Coded)?;
        Ok(regime)
    }
}

impl Default for RegulatoryRegime {
    fn default() -> Self {
        RegulatoryRegime::POJK_18_2018
    }
}

fn check_percent(name: &str, value: u8) -> Result<(), TicketError> {
    if (1..=100).contains(&value) {
        Ok(())
    } else {
        Err(TicketError::InvalidPolicy {
            reason: format!("{name} {value} is outside 1..=100"),
        })
    }
}

/// The most rules a policy may have.
pub const MAX_RULES: usize = 256;

/// An SLA policy: ordered rules, a fallback, the due-soon threshold, whether
/// waiting on a third party pauses the clocks, automatic escalation, and the
/// regulatory regime.
///
/// For each clock, the **first** rule (in order) that matches the ticket's
/// category, priority and channel *and sets that clock* gives its target;
/// otherwise the fallback does. Order rules from the most to the least
/// specific, like a helpdesk's SLA policy list.
///
/// The default policy (documented targets; every one is configurable):
///
/// | rule | first response | next response | resolution |
/// |---|---|---|---|
/// | channel hotline | live | | |
/// | channel chat | 2 min wall | | |
/// | category account_security | 15 min wall | | |
/// | priority urgent | 30 min wall | 1 h wall | 24 h wall |
/// | channel social | 1 h wall | | |
/// | channel in_app / web_form | 4 business h | | |
/// | channel email | 8 business h (1 business day) | | |
/// | priority high | | 4 business h | 16 business h (2 days) |
/// | priority low | | 16 business h | 40 business h (5 days) |
/// | fallback (normal) | 8 business h | 8 business h | 24 business h (3 days) |
///
/// Due soon from 80 % elapsed; waiting on a third party does not pause the
/// clocks (the customer is not the one holding the ticket up, and our
/// internal promise to them stands); escalation per
/// [`AutoEscalation::default`]; regulatory regime
/// [`RegulatoryRegime::POJK_18_2018`].
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::{Category, Channel, Priority, SlaPolicy, SlaTarget};
///
/// let policy = SlaPolicy::default();
/// // Urgent over chat keeps the faster chat first-response target...
/// let chat = policy.targets(Category::PaymentFailure, Priority::Urgent, Channel::Chat);
/// assert_eq!(chat.first_response, SlaTarget::wall_minutes(2));
/// // ...while urgent email is answered within 30 minutes, day or night.
/// let email = policy.targets(Category::PaymentFailure, Priority::Urgent, Channel::Email);
/// assert_eq!(email.first_response, SlaTarget::wall_minutes(30));
/// assert_eq!(email.resolution, SlaTarget::wall_minutes(24 * 60));
///
/// let json = serde_json::to_string(&policy)?;
/// assert_eq!(serde_json::from_str::<SlaPolicy>(&json)?, policy);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename = "TicketSlaPolicy")
)]
#[serde(try_from = "SlaPolicyData")]
pub struct SlaPolicy {
    /// The rules, first match wins per clock.
    pub rules: Vec<SlaRule>,
    /// Targets when no rule sets a clock.
    pub fallback: SlaTargets,
    /// Percentage of a target elapsed from which a clock is due soon (1-100).
    pub due_soon_percent: u8,
    /// Whether `pending_third_party` pauses the clocks like
    /// `pending_customer` does (default `false`).
    pub pause_on_third_party: bool,
    /// Automatic escalation on breach.
    pub escalation: AutoEscalation,
    /// The regulatory complaint deadlines.
    pub regulatory: RegulatoryRegime,
}

/// The unvalidated JSON form of [`SlaPolicy`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlaPolicyData {
    #[serde(default)]
    rules: Vec<SlaRule>,
    fallback: SlaTargets,
    #[serde(default = "default_due_soon")]
    due_soon_percent: u8,
    #[serde(default)]
    pause_on_third_party: bool,
    #[serde(default)]
    escalation: AutoEscalation,
    #[serde(default)]
    regulatory: RegulatoryRegime,
}

const fn default_due_soon() -> u8 {
    80
}

impl TryFrom<SlaPolicyData> for SlaPolicy {
    type Error = crate::error::Coded<TicketError>;

    fn try_from(data: SlaPolicyData) -> Result<Self, Self::Error> {
        let policy = SlaPolicy {
            rules: data.rules,
            fallback: data.fallback,
            due_soon_percent: data.due_soon_percent,
            pause_on_third_party: data.pause_on_third_party,
            escalation: data.escalation,
            regulatory: data.regulatory,
        };
        policy.validate().map_err(crate::error::Coded)?;
        Ok(policy)
    }
}

impl Default for SlaPolicy {
    fn default() -> Self {
        let channel_rule = |channel: Channel| SlaRule {
            channel: Some(channel),
            first_response: Some(channel.default_first_response()),
            ..SlaRule::default()
        };
        let rules = vec![
            channel_rule(Channel::Hotline),
            channel_rule(Channel::Chat),
            SlaRule {
                category: Some(Category::AccountSecurity),
                first_response: Some(SlaTarget::wall_minutes(15)),
                ..SlaRule::default()
            },
            SlaRule {
                priority: Some(Priority::Urgent),
                first_response: Some(SlaTarget::wall_minutes(30)),
                next_response: Some(SlaTarget::wall_minutes(60)),
                resolution: Some(SlaTarget::wall_minutes(24 * 60)),
                ..SlaRule::default()
            },
            channel_rule(Channel::Social),
            channel_rule(Channel::InApp),
            channel_rule(Channel::WebForm),
            channel_rule(Channel::Email),
            SlaRule {
                priority: Some(Priority::High),
                next_response: Some(SlaTarget::business_minutes(4 * 60)),
                resolution: Some(SlaTarget::business_minutes(16 * 60)),
                ..SlaRule::default()
            },
            SlaRule {
                priority: Some(Priority::Low),
                next_response: Some(SlaTarget::business_minutes(16 * 60)),
                resolution: Some(SlaTarget::business_minutes(40 * 60)),
                ..SlaRule::default()
            },
        ];
        SlaPolicy {
            rules,
            fallback: SlaTargets {
                first_response: SlaTarget::business_minutes(8 * 60),
                next_response: SlaTarget::business_minutes(8 * 60),
                resolution: SlaTarget::business_minutes(24 * 60),
            },
            due_soon_percent: 80,
            pause_on_third_party: false,
            escalation: AutoEscalation::default(),
            regulatory: RegulatoryRegime::default(),
        }
    }
}

impl SlaPolicy {
    /// The targets for a ticket of this category, priority and channel.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{Category, Channel, Priority, SlaPolicy, SlaTarget};
    /// let t = SlaPolicy::default().targets(Category::Feedback, Priority::Low, Channel::WebForm);
    /// assert_eq!(t.first_response, SlaTarget::business_minutes(4 * 60));
    /// assert_eq!(t.resolution, SlaTarget::business_minutes(40 * 60));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn targets(&self, category: Category, priority: Priority, channel: Channel) -> SlaTargets {
        let pick = |clock: SlaClock| {
            self.rules
                .iter()
                .filter(|rule| rule.matches(category, priority, channel))
                .find_map(|rule| rule.target(clock))
                .unwrap_or_else(|| self.fallback.get(clock))
        };
        SlaTargets {
            first_response: pick(SlaClock::FirstResponse),
            next_response: pick(SlaClock::NextResponse),
            resolution: pick(SlaClock::Resolution),
        }
    }

    /// Checks the policy: at most [`MAX_RULES`] rules, each setting at least
    /// one clock; targets of 1 second to 366 days; `live` only for the first
    /// response; percentages 1-100; the regulatory regime in range.
    ///
    /// # Errors
    ///
    /// [`TicketError::InvalidPolicy`] saying what is wrong and where.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{SlaPolicy, SlaTarget};
    ///
    /// assert!(SlaPolicy::default().validate().is_ok());
    /// let mut bad = SlaPolicy::default();
    /// bad.fallback.resolution = SlaTarget::Live;
    /// assert!(bad.validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), TicketError> {
        if self.rules.len() > MAX_RULES {
            return Err(TicketError::InvalidPolicy {
                reason: format!("{} rules, at most {MAX_RULES}", self.rules.len()),
            });
        }
        for (index, rule) in self.rules.iter().enumerate() {
            if rule.first_response.is_none()
                && rule.next_response.is_none()
                && rule.resolution.is_none()
            {
                return Err(TicketError::InvalidPolicy {
                    reason: format!("rule {index} sets no target"),
                });
            }
            for clock in SlaClock::ALL {
                if let Some(target) = rule.target(clock) {
                    target.validate(
                        || format!("rule {index} {}", clock.as_str()),
                        clock == SlaClock::FirstResponse,
                    )?;
                }
            }
        }
        for clock in SlaClock::ALL {
            self.fallback.get(clock).validate(
                || format!("fallback {}", clock.as_str()),
                clock == SlaClock::FirstResponse,
            )?;
        }
        check_percent("due_soon_percent", self.due_soon_percent)?;
        self.regulatory.validate()
    }

    /// Parses and validates a policy from JSON.
    ///
    /// # Errors
    ///
    /// [`TicketError::InvalidPolicy`] for malformed JSON, unknown fields or
    /// values, or a policy that fails [`SlaPolicy::validate`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::SlaPolicy;
    ///
    /// let json = r#"{"fallback":{
    ///     "first_response":{"kind":"within","seconds":3600,"basis":"business"},
    ///     "next_response":{"kind":"within","seconds":3600,"basis":"business"},
    ///     "resolution":{"kind":"within","seconds":86400,"basis":"wall"}}}"#;
    /// let policy = SlaPolicy::from_json(json)?;
    /// assert_eq!(policy.due_soon_percent, 80);
    /// assert!(SlaPolicy::from_json(r#"{"fallback":{},"extra":1}"#).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(json: &str) -> Result<SlaPolicy, TicketError> {
        if json.len() > 1_000_000 {
            return Err(TicketError::InvalidPolicy {
                reason: "policy JSON is larger than 1 MB".to_owned(),
            });
        }
        serde_json::from_str(json).map_err(|e| TicketError::InvalidPolicy {
            reason: e.to_string(),
        })
    }
}
