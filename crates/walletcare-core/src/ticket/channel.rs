//! The channels a support request arrives through.

use serde::{Deserialize, Serialize};

use super::{ComplaintMedium, SlaTarget, TicketError};
use crate::locale::{Locale, Render};

/// Where a support request came in. Each channel has a default first-response
/// target ([`Channel::default_first_response`]); an
/// [`SlaPolicy`](super::SlaPolicy) can override it per category and priority.
///
/// The JSON form is the snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Channel;
///
/// assert_eq!(serde_json::to_string(&Channel::InApp)?, "\"in_app\"");
/// assert_eq!("web_form".parse::<Channel>()?, Channel::WebForm);
/// assert!(serde_json::from_str::<Channel>("\"fax\"").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The phone hotline: the request is answered live by the agent who
    /// creates the ticket. Also read as `phone` (triage's old name).
    #[serde(alias = "phone")]
    Hotline,
    /// Live chat in the app or on the web.
    Chat,
    /// Email.
    Email,
    /// Public or direct messages on social media. Also read as
    /// `social_media`.
    #[serde(alias = "social_media")]
    Social,
    /// The in-app help chat or form. Also read as `app`.
    #[serde(alias = "app")]
    InApp,
    /// The web contact form. Also read as `web`.
    #[serde(alias = "web")]
    WebForm,
}

impl Channel {
    /// Every channel.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Channel;
    /// assert_eq!(Channel::ALL.len(), 6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [Channel; 6] = [
        Channel::Hotline,
        Channel::Chat,
        Channel::Email,
        Channel::Social,
        Channel::InApp,
        Channel::WebForm,
    ];

    /// The snake_case name, as in JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Channel;
    /// assert_eq!(Channel::Social.as_str(), "social");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Channel::Hotline => "hotline",
            Channel::Chat => "chat",
            Channel::Email => "email",
            Channel::Social => "social",
            Channel::InApp => "in_app",
            Channel::WebForm => "web_form",
        }
    }

    /// The default first-response target of the channel:
    ///
    /// | channel | target | clock |
    /// |---|---|---|
    /// | hotline | answered live: met when the ticket is created | — |
    /// | chat | 2 minutes | wall clock |
    /// | social | 1 hour | wall clock |
    /// | in_app, web_form | 4 hours | business time |
    /// | email | 1 business day = 8 hours | business time |
    ///
    /// Chat and social media are watched around the clock (a public post
    /// left unanswered overnight is a reputational risk), so they use wall
    /// time; forms and email are worked in business hours of the wallet's
    /// [`BusinessCalendar`](crate::calendar::BusinessCalendar). One business
    /// day is counted as 8 hours of business time, the usual helpdesk
    /// convention. [`SlaPolicy::default`](super::SlaPolicy::default) uses
    /// these, and lets urgent tickets override the slower ones.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{Channel, SlaTarget, TimeBasis};
    ///
    /// assert_eq!(Channel::Hotline.default_first_response(), SlaTarget::Live);
    /// assert_eq!(
    ///     Channel::Chat.default_first_response(),
    ///     SlaTarget::Within { seconds: 120, basis: TimeBasis::Wall }
    /// );
    /// assert_eq!(
    ///     Channel::Email.default_first_response(),
    ///     SlaTarget::Within { seconds: 8 * 3600, basis: TimeBasis::Business }
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn default_first_response(self) -> SlaTarget {
        match self {
            Channel::Hotline => SlaTarget::Live,
            Channel::Chat => SlaTarget::wall_minutes(2),
            Channel::Social => SlaTarget::wall_minutes(60),
            Channel::InApp | Channel::WebForm => SlaTarget::business_minutes(4 * 60),
            Channel::Email => SlaTarget::business_minutes(8 * 60),
        }
    }

    /// How a complaint made through this channel counts for the regulatory
    /// clock by default: the hotline is oral; every other channel leaves a
    /// written record (OJK's guidance, SEOJK 17/SEOJK.07/2018, accepts written
    /// complaints through electronic media). The caller can always say
    /// otherwise when filing the complaint.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{Channel, ComplaintMedium};
    /// assert_eq!(Channel::Hotline.default_complaint_medium(), ComplaintMedium::Oral);
    /// assert_eq!(Channel::Email.default_complaint_medium(), ComplaintMedium::Written);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn default_complaint_medium(self) -> ComplaintMedium {
        match self {
            Channel::Hotline => ComplaintMedium::Oral,
            _ => ComplaintMedium::Written,
        }
    }
}

impl std::fmt::Display for Channel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Channel {
    type Err = TicketError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let s = match s {
            "phone" => "hotline",
            "social_media" => "social",
            "app" => "in_app",
            "web" => "web_form",
            other => other,
        };
        Channel::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| TicketError::UnknownValue {
                kind: "channel",
                value: s.chars().take(64).collect(),
            })
    }
}

impl Render for Channel {
    /// The channel's name for people.
    ///
    /// ```
    /// use walletcare_core::locale::{Locale, Render};
    /// use walletcare_core::ticket::Channel;
    /// assert_eq!(Channel::Social.render(Locale::Id), "media sosial");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn render(&self, locale: Locale) -> String {
        let (en, id, zh) = match self {
            Channel::Hotline => ("hotline", "layanan telepon", "客服热线"),
            Channel::Chat => ("live chat", "live chat", "在线客服"),
            Channel::Email => ("email", "email", "电子邮件"),
            Channel::Social => ("social media", "media sosial", "社交媒体"),
            Channel::InApp => ("in-app help", "bantuan di aplikasi", "应用内帮助"),
            Channel::WebForm => ("web form", "formulir web", "网页表单"),
        };
        locale.pick(en, id, zh).to_owned()
    }
}
