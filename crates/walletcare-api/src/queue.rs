//! Queues and wait times: Erlang C and Erlang A figures of a live channel,
//! the agents a service target needs, and which channel answers a user
//! soonest.
//!
//! # Examples
//!
//! ```
//! let out = walletcare_api::call(
//!     "queue.agents_for_target",
//!     r#"{"arrivals_per_hour":100,"handle_seconds":180,"target":{"fraction":0.8,"within_seconds":20}}"#,
//! )?;
//! assert!(out.starts_with(r#"{"agents":8,"#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use walletcare_core::error::Error;
use walletcare_core::locale::{Locale, Render};
use walletcare_core::queue::{
    self, ChannelSetup, QueueMetrics, Recommendation, ServiceTarget, Workload,
};
use walletcare_core::ticket::{Category, Priority, SlaPolicy};

use crate::arg::CalendarArg;
use crate::ops::{Operation, registry};

registry! {
    operations: [Metrics, AgentsForTarget, Recommend],
    commands: [],
}

/// The figures of one live channel (`queue.metrics`): the probability of
/// waiting, the average wait, the service level within `target_seconds`,
/// with Erlang C, or Erlang A when `patience_seconds` is given.
///
/// # Examples
///
/// ```
/// use walletcare_api::{ops::Operation, queue::Metrics};
/// let m = Metrics { arrivals_per_hour: 100.0, handle_seconds: 180.0, agents: 7, patience_seconds: None, target_seconds: Some(20.0) }.run()?;
/// assert!((m.wait_probability - 0.3241).abs() < 1e-4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Metrics {
    /// Arrivals per hour.
    pub arrivals_per_hour: f64,
    /// Average handle time, in seconds.
    pub handle_seconds: f64,
    /// Agents on shift.
    pub agents: u32,
    /// Average patience before giving up, in seconds (Erlang A).
    #[serde(default)]
    pub patience_seconds: Option<f64>,
    /// The service-level target time, in seconds.
    #[serde(default)]
    pub target_seconds: Option<f64>,
}

impl Operation for Metrics {
    const NAME: &'static str = "queue.metrics";
    type Output = QueueMetrics;
    fn run(self) -> Result<QueueMetrics, Error> {
        let workload = Workload::new(
            self.arrivals_per_hour,
            self.handle_seconds,
            self.agents,
            self.patience_seconds,
        )?;
        Ok(workload.metrics(self.target_seconds)?)
    }
}

/// The smallest number of agents that answers `target.fraction` of the
/// arrivals within `target.within_seconds` (`queue.agents_for_target`),
/// with the figures at that staffing.
///
/// # Examples
///
/// ```
/// use walletcare_api::{ops::Operation, queue::AgentsForTarget};
/// use walletcare_core::queue::ServiceTarget;
/// let out = AgentsForTarget { arrivals_per_hour: 100.0, handle_seconds: 180.0, patience_seconds: None, target: ServiceTarget::new(0.8, 20.0)? }.run()?;
/// assert_eq!(out.agents, 8);
/// assert!(out.metrics.service_level.is_some_and(|s| s >= 0.8));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AgentsForTarget {
    /// Arrivals per hour.
    pub arrivals_per_hour: f64,
    /// Average handle time, in seconds.
    pub handle_seconds: f64,
    /// Average patience before giving up, in seconds (Erlang A).
    #[serde(default)]
    pub patience_seconds: Option<f64>,
    /// The target: `{"fraction": 0.8, "within_seconds": 20}`.
    pub target: ServiceTarget,
}

/// What [`AgentsForTarget`] returns.
///
/// # Examples
///
/// See [`AgentsForTarget`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct StaffingOut {
    /// The smallest number of agents that meets the target.
    pub agents: u32,
    /// The figures with that many agents.
    pub metrics: QueueMetrics,
}

impl Operation for AgentsForTarget {
    const NAME: &'static str = "queue.agents_for_target";
    type Output = StaffingOut;
    fn run(self) -> Result<StaffingOut, Error> {
        let agents = queue::agents_for_target(
            self.arrivals_per_hour,
            self.handle_seconds,
            self.patience_seconds,
            self.target,
        )?;
        let metrics = Workload::new(
            self.arrivals_per_hour,
            self.handle_seconds,
            agents,
            self.patience_seconds,
        )?
        .metrics(Some(self.target.within_seconds()))?;
        Ok(StaffingOut { agents, metrics })
    }
}

/// Which channel answers a user soonest (`queue.recommend`): each channel's
/// honest expected wait at `now` (live queues by Erlang, asynchronous ones
/// by their SLA first-response target, closed ones from when they open),
/// in the user's `locale`.
///
/// # Examples
///
/// ```
/// let input = r#"{"channels":[
///   {"channel":"hotline","hours":"business","workload":{"arrivals_per_hour":290,"handle_seconds":300,"agents":25}},
///   {"channel":"chat","hours":"always","workload":{"arrivals_per_hour":200,"handle_seconds":420,"agents":25,"patience_seconds":600}},
///   {"channel":"email","hours":"always"}],
///   "category":"refund","now":"2026-11-23T03:00:00Z","calendar":"ID","locale":"en"}"#;
/// let out = walletcare_api::call("queue.recommend", input)?;
/// assert!(out.contains(r#""best":"chat""#));
/// assert!(out.contains("email reply within 1 business day"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Recommend {
    /// The channels the wallet offers, each at most once.
    pub channels: Vec<ChannelSetup>,
    /// The user's problem.
    pub category: Category,
    /// Its priority (the category's default when absent).
    #[serde(default)]
    pub priority: Option<Priority>,
    /// The time of the question.
    pub now: DateTime<Utc>,
    /// The wallet's business calendar (opening hours).
    pub calendar: CalendarArg,
    /// The SLA policy of asynchronous channels (the default when absent).
    #[serde(default)]
    pub policy: Option<SlaPolicy>,
    /// The language of the text (English when absent).
    #[serde(default)]
    pub locale: Locale,
}

/// What [`Recommend`] returns: the ranking, the advice in one sentence and
/// one line per channel, in the requested locale.
///
/// # Examples
///
/// See [`Recommend`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RecommendOut {
    /// The channels by expected wait, and the best one.
    #[serde(flatten)]
    pub recommendation: Recommendation,
    /// The advice: "Fastest: live chat. live chat about 3 minutes; ...".
    pub text: String,
    /// One line per channel, in the order of `channels`.
    pub lines: Vec<String>,
}

impl Operation for Recommend {
    const NAME: &'static str = "queue.recommend";
    type Output = RecommendOut;
    fn run(self) -> Result<RecommendOut, Error> {
        let priority = self
            .priority
            .unwrap_or_else(|| self.category.default_priority());
        let policy = self.policy.unwrap_or_default();
        let recommendation = queue::recommend(
            &self.channels,
            self.category,
            priority,
            self.now,
            &self.calendar.0,
            &policy,
        )?;
        let zone = recommendation.time_zone;
        Ok(RecommendOut {
            text: recommendation.render(self.locale),
            lines: recommendation
                .channels
                .iter()
                .map(|c| c.line(self.locale, zone))
                .collect(),
            recommendation,
        })
    }
}
