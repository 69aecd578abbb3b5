//! Queues and wait times: how long a user will wait on a live channel, how
//! many agents a target needs, and which channel answers soonest.
//!
//! A [`Workload`] is a channel's arrival rate, average handle time, agents
//! on shift and, optionally, the callers' average patience. [`Workload::metrics`]
//! gives the probability of waiting, the average wait and the service level
//! within a target (the share answered within, e.g., 20 s), with the
//! **Erlang C** model (M/M/n: nobody hangs up) or, when a patience is given,
//! **Erlang A** (M/M/n+M: callers give up after an exponentially distributed
//! patience, so even an understaffed queue has a finite wait).
//! [`agents_for_target`] finds the smallest number of agents that meets a
//! [`ServiceTarget`] such as 80 % within 20 s.
//!
//! The numbers are floats (they are not money) computed in log space: Erlang
//! B by its recursion on the inverse, Erlang A by a rescaled series, so
//! thousands of agents neither overflow nor give NaN. Inputs are validated
//! when a [`Workload`] is built (non-finite, negative or absurd values are a
//! typed [`QueueError`]); nothing panics.
//!
//! [`recommend`] turns the figures into advice for a user: for each channel
//! of a [`ChannelSetup`] (a live queue with its workload, or an asynchronous
//! channel answered within its SLA first-response target), the honest
//! expected time until a person answers, whether it is open now and when it
//! opens (business hours of the wallet's
//! [`BusinessCalendar`](crate::calendar::BusinessCalendar)), and the
//! fastest one, rendered in every locale ("hotline about 25 minutes; live
//! chat about 3 minutes; email reply within 1 business day").
//!
//! # Models and definitions
//!
//! - `wait_probability`: the probability an arrival finds every agent busy
//!   (Erlang C; in Erlang A, `A·E/(1 + (A-1)·E)` with `E` Erlang B and `A`
//!   the abandonment series of Mandelbaum & Zeltyn).
//! - `average_wait_seconds`: the mean time an arrival spends in the queue
//!   (the average speed of answer in Erlang C; in Erlang A the mean over all
//!   arrivals, those who give up included, `L_q/λ`). `None` when the queue
//!   is unstable (Erlang C with load ≥ agents: the wait grows without end).
//! - `service_level`: the share of arrivals *answered* within the target
//!   time (`1 - C·e^{-(n-a)t/AHT}` in Erlang C; in Erlang A an arrival who
//!   abandons counts as not answered).
//!
//! # Examples
//!
//! ```
//! use walletcare_core::queue::{ServiceTarget, Workload, agents_for_target};
//!
//! // 100 calls an hour, 3 minutes each, 7 agents.
//! let w = Workload::new(100.0, 180.0, 7, None)?;
//! let m = w.metrics(Some(20.0))?;
//! assert!((m.wait_probability - 0.3241).abs() < 1e-4);
//! assert!(m.average_wait_seconds.is_some_and(|s| (s - 29.17).abs() < 0.01));
//! assert!(m.service_level.is_some_and(|s| s < 0.8)); // 74 % within 20 s
//! let target = ServiceTarget::new(0.8, 20.0)?;
//! assert_eq!(agents_for_target(100.0, 180.0, None, target)?, 8);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod erlang;
mod recommend;

pub use recommend::{
    ChannelHours, ChannelSetup, ChannelWait, Recommendation, WaitEstimate, recommend,
};

use serde::{Deserialize, Serialize};

use crate::error::{Coded, ErrorCode, HasErrorCode};

/// The most agents a workload may have: far beyond any contact centre
/// floor, small enough that every computation stays fast.
pub const MAX_AGENTS: u32 = 100_000;

/// The largest arrival rate accepted, per hour.
pub const MAX_ARRIVALS_PER_HOUR: f64 = 10_000_000.0;

/// The longest handle time or patience accepted: one day, in seconds.
pub const MAX_SECONDS: f64 = 86_400.0;

/// The largest number of arrivals within one average patience
/// (`arrivals per second × patience`) for Erlang A; beyond it the
/// abandonment series would take too long and Erlang C is the better model.
pub const MAX_ARRIVALS_PER_PATIENCE: f64 = 1_000_000.0;

/// What is wrong with a queue question.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::queue::{QueueError, Workload};
///
/// let err = Workload::new(f64::NAN, 180.0, 3, None).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::QueueInvalidInput);
/// assert_eq!(err.to_string(), "arrivals_per_hour must be a finite number, got NaN");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum QueueError {
    /// A number that is not finite (NaN or infinite).
    #[error("{field} must be a finite number, got {value}")]
    NotFinite {
        /// The input's name.
        field: &'static str,
        /// The value given.
        value: f64,
    },
    /// A number outside its range.
    #[error("{field} must be {range}, got {value}")]
    OutOfRange {
        /// The input's name.
        field: &'static str,
        /// The accepted range, in words.
        range: &'static str,
        /// The value given.
        value: f64,
    },
    /// No number of agents up to [`MAX_AGENTS`] meets the target.
    #[error(
        "no staffing up to {max_agents} agents answers {percent}% within {seconds} s",
        percent = fraction * 100.0
    )]
    TargetUnreachable {
        /// The target share.
        fraction: f64,
        /// The target time.
        seconds: f64,
        /// The most agents tried.
        max_agents: u32,
    },
    /// A channel appears twice in a recommendation request.
    #[error("channel {channel} is listed twice")]
    DuplicateChannel {
        /// The channel.
        channel: crate::ticket::Channel,
    },
    /// The business calendar cannot answer (a year it does not cover).
    #[error("calendar: {0}")]
    Calendar(#[from] crate::calendar::CalendarError),
}

impl HasErrorCode for QueueError {
    fn code(&self) -> ErrorCode {
        match self {
            QueueError::NotFinite { .. } | QueueError::OutOfRange { .. } => {
                ErrorCode::QueueInvalidInput
            }
            QueueError::TargetUnreachable { .. } => ErrorCode::QueueTargetUnreachable,
            QueueError::DuplicateChannel { .. } => ErrorCode::QueueDuplicateChannel,
            QueueError::Calendar(err) => err.code(),
        }
    }
}

fn finite(field: &'static str, value: f64) -> Result<f64, QueueError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(QueueError::NotFinite { field, value })
    }
}

fn in_range(
    field: &'static str,
    value: f64,
    ok: bool,
    range: &'static str,
) -> Result<f64, QueueError> {
    if ok {
        Ok(value)
    } else {
        Err(QueueError::OutOfRange {
            field,
            range,
            value,
        })
    }
}

/// The traffic of one live channel: arrivals, handle time, agents and,
/// optionally, patience. Validated at construction and when deserialised.
///
/// The JSON form is
/// `{"arrivals_per_hour":100.0,"handle_seconds":180.0,"agents":7,"patience_seconds":null}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::queue::Workload;
///
/// let w: Workload = serde_json::from_str(
///     r#"{"arrivals_per_hour":120,"handle_seconds":240,"agents":10,"patience_seconds":90}"#,
/// )?;
/// assert_eq!(w.agents(), 10);
/// assert!((w.offered_load() - 8.0).abs() < 1e-12);
/// assert!(serde_json::from_str::<Workload>(
///     r#"{"arrivals_per_hour":-1,"handle_seconds":240,"agents":10}"#
/// ).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "WorkloadData")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Workload {
    arrivals_per_hour: f64,
    handle_seconds: f64,
    agents: u32,
    patience_seconds: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkloadData {
    arrivals_per_hour: f64,
    handle_seconds: f64,
    agents: u32,
    #[serde(default)]
    patience_seconds: Option<f64>,
}

impl TryFrom<WorkloadData> for Workload {
    type Error = Coded<QueueError>;

    fn try_from(d: WorkloadData) -> Result<Self, Self::Error> {
        Workload::new(
            d.arrivals_per_hour,
            d.handle_seconds,
            d.agents,
            d.patience_seconds,
        )
        .map_err(Coded)
    }
}

/// Checks the rate, handle time and patience shared by [`Workload::new`]
/// and [`agents_for_target`].
fn check_traffic(
    arrivals_per_hour: f64,
    handle_seconds: f64,
    patience_seconds: Option<f64>,
) -> Result<(), QueueError> {
    let rate = finite("arrivals_per_hour", arrivals_per_hour)?;
    in_range(
        "arrivals_per_hour",
        rate,
        (0.0..=MAX_ARRIVALS_PER_HOUR).contains(&rate),
        "between 0 and 10000000",
    )?;
    let handle = finite("handle_seconds", handle_seconds)?;
    in_range(
        "handle_seconds",
        handle,
        (1e-3..=MAX_SECONDS).contains(&handle),
        "between 0.001 and 86400 seconds",
    )?;
    if let Some(patience) = patience_seconds {
        let patience = finite("patience_seconds", patience)?;
        in_range(
            "patience_seconds",
            patience,
            (1e-3..=MAX_SECONDS).contains(&patience),
            "between 0.001 and 86400 seconds",
        )?;
        let per_patience = rate / 3600.0 * patience;
        in_range(
            "patience_seconds",
            patience,
            per_patience <= MAX_ARRIVALS_PER_PATIENCE,
            "short enough that at most 1000000 calls arrive within one patience",
        )?;
    }
    Ok(())
}

impl Workload {
    /// A workload, checked: the arrival rate between 0 and
    /// [`MAX_ARRIVALS_PER_HOUR`], handle time and patience between 1 ms and
    /// [`MAX_SECONDS`], agents between 1 and [`MAX_AGENTS`], and at most
    /// [`MAX_ARRIVALS_PER_PATIENCE`] arrivals within one patience.
    ///
    /// # Errors
    ///
    /// [`QueueError::NotFinite`] for NaN or infinities,
    /// [`QueueError::OutOfRange`] for anything outside those ranges.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::queue::{QueueError, Workload};
    ///
    /// assert!(Workload::new(100.0, 180.0, 7, Some(60.0)).is_ok());
    /// assert!(matches!(Workload::new(100.0, 180.0, 0, None), Err(QueueError::OutOfRange { .. })));
    /// assert!(matches!(Workload::new(100.0, f64::INFINITY, 3, None), Err(QueueError::NotFinite { .. })));
    /// assert!(Workload::new(100.0, 180.0, 3, Some(-5.0)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        arrivals_per_hour: f64,
        handle_seconds: f64,
        agents: u32,
        patience_seconds: Option<f64>,
    ) -> Result<Workload, QueueError> {
        check_traffic(arrivals_per_hour, handle_seconds, patience_seconds)?;
        if agents == 0 || agents > MAX_AGENTS {
            return Err(QueueError::OutOfRange {
                field: "agents",
                range: "between 1 and 100000",
                value: f64::from(agents),
            });
        }
        Ok(Workload {
            arrivals_per_hour,
            handle_seconds,
            agents,
            patience_seconds,
        })
    }

    /// Arrivals per hour.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::queue::Workload;
    /// assert!((Workload::new(90.0, 60.0, 2, None)?.arrivals_per_hour() - 90.0).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn arrivals_per_hour(&self) -> f64 {
        self.arrivals_per_hour
    }

    /// Average handle time in seconds.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::queue::Workload;
    /// assert!((Workload::new(90.0, 60.0, 2, None)?.handle_seconds() - 60.0).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn handle_seconds(&self) -> f64 {
        self.handle_seconds
    }

    /// Agents on shift.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::queue::Workload;
    /// assert_eq!(Workload::new(90.0, 60.0, 2, None)?.agents(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn agents(&self) -> u32 {
        self.agents
    }

    /// Average patience in seconds, if given (then the model is Erlang A).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::queue::Workload;
    /// assert_eq!(Workload::new(90.0, 60.0, 2, Some(30.0))?.patience_seconds(), Some(30.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn patience_seconds(&self) -> Option<f64> {
        self.patience_seconds
    }

    /// The offered load in erlangs: arrivals per second × handle seconds.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::queue::Workload;
    /// assert!((Workload::new(100.0, 180.0, 7, None)?.offered_load() - 5.0).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn offered_load(&self) -> f64 {
        self.arrivals_per_hour / 3600.0 * self.handle_seconds
    }

    /// The same traffic with another number of agents.
    ///
    /// # Errors
    ///
    /// [`QueueError::OutOfRange`] for 0 or more than [`MAX_AGENTS`] agents.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::queue::Workload;
    /// let w = Workload::new(100.0, 180.0, 7, None)?.with_agents(9)?;
    /// assert_eq!(w.agents(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_agents(&self, agents: u32) -> Result<Workload, QueueError> {
        Workload::new(
            self.arrivals_per_hour,
            self.handle_seconds,
            agents,
            self.patience_seconds,
        )
    }

    /// The queue's figures, with the service level within `target_seconds`
    /// when given.
    ///
    /// # Errors
    ///
    /// [`QueueError::NotFinite`] or [`QueueError::OutOfRange`] for a
    /// negative or non-finite target.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::queue::{QueueModel, Workload};
    ///
    /// // Understaffed: 6 erlangs on 5 agents. Erlang C: everyone waits, forever.
    /// let c = Workload::new(120.0, 180.0, 5, None)?.metrics(Some(20.0))?;
    /// assert!(!c.stable);
    /// assert_eq!(c.average_wait_seconds, None);
    /// assert_eq!(c.service_level, Some(0.0));
    /// // With a 60 s average patience (Erlang A) the wait is finite.
    /// let a = Workload::new(120.0, 180.0, 5, Some(60.0))?.metrics(Some(20.0))?;
    /// assert_eq!(a.model, QueueModel::ErlangA);
    /// assert!(a.stable && a.average_wait_seconds.is_some_and(|s| s < 60.0));
    /// assert!(a.abandon_probability.is_some_and(|p| p > 0.1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn metrics(&self, target_seconds: Option<f64>) -> Result<QueueMetrics, QueueError> {
        if let Some(t) = target_seconds {
            let t = finite("target_seconds", t)?;
            in_range(
                "target_seconds",
                t,
                (0.0..=MAX_SECONDS).contains(&t),
                "between 0 and 86400 seconds",
            )?;
        }
        let l =
            erlang::inverse_erlang_b_ln(self.offered_load().max(f64::MIN_POSITIVE), self.agents);
        Ok(self.metrics_with(l, target_seconds))
    }

    /// The figures given `L = ln(1/B(n, a))` (so that a search over agents
    /// computes Erlang B incrementally).
    fn metrics_with(&self, l: f64, target_seconds: Option<f64>) -> QueueMetrics {
        let a = self.offered_load();
        let n = f64::from(self.agents);
        let occupancy_raw = a / n;
        let lambda = self.arrivals_per_hour / 3600.0;
        let mu = 1.0 / self.handle_seconds;
        if a <= 0.0 {
            // No arrivals: nobody waits.
            return QueueMetrics {
                model: self.model(),
                offered_load: 0.0,
                occupancy: 0.0,
                stable: true,
                wait_probability: 0.0,
                average_wait_seconds: Some(0.0),
                abandon_probability: self.patience_seconds.map(|_| 0.0),
                target_seconds,
                service_level: target_seconds.map(|_| 1.0),
            };
        }
        match self.patience_seconds {
            None => {
                let stable = n > a;
                let c = erlang::erlang_c_from(l, a, self.agents);
                let average_wait_seconds = stable.then(|| c * self.handle_seconds / (n - a));
                let service_level = target_seconds.map(|t| {
                    if stable {
                        (1.0 - c * (-(n - a) * t / self.handle_seconds).exp()).clamp(0.0, 1.0)
                    } else {
                        0.0
                    }
                });
                QueueMetrics {
                    model: QueueModel::ErlangC,
                    offered_load: a,
                    occupancy: occupancy_raw.min(1.0),
                    stable,
                    wait_probability: c,
                    average_wait_seconds,
                    abandon_probability: None,
                    target_seconds,
                    service_level,
                }
            }
            Some(patience) => {
                let theta = 1.0 / patience;
                let r = erlang::erlang_a(lambda, mu, theta, self.agents, l);
                let service_level = target_seconds.map(|t| {
                    erlang::erlang_a_answered_within(
                        lambda,
                        mu,
                        theta,
                        self.agents,
                        r.wait_probability,
                        t,
                    )
                });
                // Agents are busy with the answered share of the load.
                let occupancy = (a * (1.0 - r.abandon_probability) / n).min(1.0);
                QueueMetrics {
                    model: QueueModel::ErlangA,
                    offered_load: a,
                    occupancy,
                    stable: true,
                    wait_probability: r.wait_probability,
                    average_wait_seconds: Some(r.mean_wait),
                    abandon_probability: Some(r.abandon_probability),
                    target_seconds,
                    service_level,
                }
            }
        }
    }

    fn model(&self) -> QueueModel {
        if self.patience_seconds.is_some() {
            QueueModel::ErlangA
        } else {
            QueueModel::ErlangC
        }
    }
}

/// Which queueing model gave the figures.
///
/// # Examples
///
/// ```
/// use walletcare_core::queue::QueueModel;
/// assert_eq!(serde_json::to_string(&QueueModel::ErlangA)?, "\"erlang_a\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum QueueModel {
    /// M/M/n: callers wait as long as it takes.
    ErlangC,
    /// M/M/n+M: callers give up after an exponential patience.
    ErlangA,
}

crate::names::names!(as_str display from_str: queue::QueueModel as "queue model" {
    ErlangC => "erlang_c",
    ErlangA => "erlang_a",
});

/// The figures of a queue (see the [module documentation](self) for the
/// definitions).
///
/// # Examples
///
/// ```
/// use walletcare_core::queue::Workload;
///
/// let m = Workload::new(100.0, 180.0, 8, None)?.metrics(Some(20.0))?;
/// let json = serde_json::to_value(&m)?;
/// assert_eq!(json["model"], "erlang_c");
/// assert!(json["service_level"].as_f64().is_some_and(|s| s > 0.8));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct QueueMetrics {
    /// The model used.
    pub model: QueueModel,
    /// Offered load in erlangs.
    pub offered_load: f64,
    /// The share of agent time spent handling (at most 1).
    pub occupancy: f64,
    /// Whether the queue settles (always with patience; without, only when
    /// there are more agents than erlangs).
    pub stable: bool,
    /// Probability an arrival waits at all.
    pub wait_probability: f64,
    /// Mean wait in the queue, seconds; `None` when unstable.
    pub average_wait_seconds: Option<f64>,
    /// Probability an arrival gives up (Erlang A only).
    pub abandon_probability: Option<f64>,
    /// The service-level target time, if asked.
    pub target_seconds: Option<f64>,
    /// Share answered within the target time, if asked.
    pub service_level: Option<f64>,
}

/// A service-level target: `fraction` of arrivals answered within
/// `within_seconds` ("80 % in 20 s" is `ServiceTarget::new(0.8, 20.0)`).
///
/// # Examples
///
/// ```
/// use walletcare_core::queue::ServiceTarget;
///
/// let t = ServiceTarget::new(0.8, 20.0)?;
/// assert!((t.fraction() - 0.8).abs() < 1e-12);
/// assert!(ServiceTarget::new(1.0, 20.0).is_err()); // never exactly reachable
/// assert!(ServiceTarget::new(0.8, -1.0).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ServiceTargetData")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ServiceTarget {
    fraction: f64,
    within_seconds: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ServiceTargetData {
    fraction: f64,
    within_seconds: f64,
}

impl TryFrom<ServiceTargetData> for ServiceTarget {
    type Error = Coded<QueueError>;

    fn try_from(d: ServiceTargetData) -> Result<Self, Self::Error> {
        ServiceTarget::new(d.fraction, d.within_seconds).map_err(Coded)
    }
}

impl ServiceTarget {
    /// A target: `fraction` strictly between 0 and 1, `within_seconds`
    /// between 0 and [`MAX_SECONDS`].
    ///
    /// # Errors
    ///
    /// [`QueueError::NotFinite`] or [`QueueError::OutOfRange`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::queue::ServiceTarget;
    /// assert!(ServiceTarget::new(0.9, 0.0).is_ok());
    /// assert!(ServiceTarget::new(f64::NAN, 20.0).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(fraction: f64, within_seconds: f64) -> Result<ServiceTarget, QueueError> {
        let f = finite("fraction", fraction)?;
        in_range(
            "fraction",
            f,
            f > 0.0 && f < 1.0,
            "strictly between 0 and 1",
        )?;
        let t = finite("within_seconds", within_seconds)?;
        in_range(
            "within_seconds",
            t,
            (0.0..=MAX_SECONDS).contains(&t),
            "between 0 and 86400 seconds",
        )?;
        Ok(ServiceTarget {
            fraction,
            within_seconds,
        })
    }

    /// The share to answer in time.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::queue::ServiceTarget;
    /// assert!((ServiceTarget::new(0.8, 20.0)?.fraction() - 0.8).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn fraction(&self) -> f64 {
        self.fraction
    }

    /// The time to answer within, seconds.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::queue::ServiceTarget;
    /// assert!((ServiceTarget::new(0.8, 20.0)?.within_seconds() - 20.0).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn within_seconds(&self) -> f64 {
        self.within_seconds
    }
}

/// The smallest number of agents whose service level meets `target`, for
/// the given traffic (Erlang A when `patience_seconds` is given, Erlang C
/// otherwise). With no arrivals, one agent.
///
/// The search walks up from one agent, carrying Erlang B's recursion, so it
/// costs O(agents) for Erlang C; for Erlang A the service level is
/// increasing in the agents and the search bisects.
///
/// # Errors
///
/// As [`Workload::new`] for the traffic; [`QueueError::TargetUnreachable`]
/// if even [`MAX_AGENTS`] agents do not meet the target.
///
/// # Examples
///
/// ```
/// use walletcare_core::queue::{ServiceTarget, Workload, agents_for_target};
///
/// let target = ServiceTarget::new(0.8, 20.0)?;
/// let n = agents_for_target(360.0, 240.0, None, target)?;
/// let sl = |n| Workload::new(360.0, 240.0, n, None)?.metrics(Some(20.0)).map(|m| m.service_level.unwrap_or(0.0));
/// assert!(sl(n)? >= 0.8);
/// assert!(sl(n - 1)? < 0.8);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn agents_for_target(
    arrivals_per_hour: f64,
    handle_seconds: f64,
    patience_seconds: Option<f64>,
    target: ServiceTarget,
) -> Result<u32, QueueError> {
    check_traffic(arrivals_per_hour, handle_seconds, patience_seconds)?;
    let base = Workload {
        arrivals_per_hour,
        handle_seconds,
        agents: 1,
        patience_seconds,
    };
    let a = base.offered_load();
    if a <= 0.0 {
        return Ok(1);
    }
    let meets = |w: Workload, l: f64| {
        w.metrics_with(l, Some(target.within_seconds))
            .service_level
            .is_some_and(|s| s >= target.fraction)
    };
    let unreachable = QueueError::TargetUnreachable {
        fraction: target.fraction,
        seconds: target.within_seconds,
        max_agents: MAX_AGENTS,
    };
    if patience_seconds.is_none() {
        let ln_a = a.ln();
        let mut l = 0.0;
        for n in 1..=MAX_AGENTS {
            l = erlang::next_inverse_erlang_b_ln(l, ln_a, n);
            if f64::from(n) > a && meets(Workload { agents: n, ..base }, l) {
                return Ok(n);
            }
        }
        return Err(unreachable);
    }
    let check = |n: u32| {
        let l = erlang::inverse_erlang_b_ln(a, n);
        meets(Workload { agents: n, ..base }, l)
    };
    if !check(MAX_AGENTS) {
        return Err(unreachable);
    }
    // Invariant: check(hi) holds; check(lo) does not (lo = 0 stands for
    // "no agents").
    let (mut lo, mut hi) = (0u32, MAX_AGENTS);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if check(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_inputs_are_typed_errors() {
        for (rate, handle, agents, patience) in [
            (f64::NAN, 60.0, 1, None),
            (f64::INFINITY, 60.0, 1, None),
            (-1.0, 60.0, 1, None),
            (10.0, 0.0, 1, None),
            (10.0, -3.0, 1, None),
            (10.0, 60.0, 0, None),
            (10.0, 60.0, MAX_AGENTS + 1, None),
            (10.0, 60.0, 1, Some(f64::NAN)),
            (10.0, 60.0, 1, Some(0.0)),
            (1e7, 60.0, 1, Some(86_400.0)),
        ] {
            let err = Workload::new(rate, handle, agents, patience).unwrap_err();
            assert_eq!(err.code(), ErrorCode::QueueInvalidInput, "{err}");
        }
        let w = Workload::new(10.0, 60.0, 1, None).unwrap();
        assert!(w.metrics(Some(f64::NAN)).is_err());
        assert!(w.metrics(Some(-1.0)).is_err());
    }

    #[test]
    fn hundreds_of_agents_give_finite_figures() {
        for agents in [300, 500, 1_000, 5_000] {
            let load = f64::from(agents) * 0.97;
            let w = Workload::new(load * 3600.0 / 300.0, 300.0, agents, None).unwrap();
            let m = w.metrics(Some(20.0)).unwrap();
            assert!(m.wait_probability.is_finite() && m.wait_probability > 0.0);
            assert!(m.average_wait_seconds.is_some_and(f64::is_finite));
            let a = w.with_agents(agents).unwrap();
            let with_patience = Workload::new(a.arrivals_per_hour(), 300.0, agents, Some(120.0))
                .unwrap()
                .metrics(Some(20.0))
                .unwrap();
            assert!(with_patience.service_level.is_some_and(f64::is_finite));
        }
    }

    #[test]
    fn agents_for_target_is_the_smallest_that_meets_it() {
        let target = ServiceTarget::new(0.8, 20.0).unwrap();
        for (rate, handle, patience) in [
            (100.0, 180.0, None),
            (2_000.0, 300.0, None),
            (2_000.0, 300.0, Some(90.0)),
            (30.0, 600.0, Some(300.0)),
            (0.0, 600.0, None),
        ] {
            let n = agents_for_target(rate, handle, patience, target).unwrap();
            let sl = |n: u32| {
                Workload::new(rate, handle, n, patience)
                    .unwrap()
                    .metrics(Some(20.0))
                    .unwrap()
                    .service_level
                    .unwrap()
            };
            assert!(sl(n) >= 0.8, "{rate} {handle} {patience:?} {n}");
            if n > 1 {
                assert!(sl(n - 1) < 0.8, "{rate} {handle} {patience:?} {n}");
            }
        }
    }

    #[test]
    fn more_agents_never_hurt() {
        let mut previous = (1.0_f64, f64::INFINITY, 0.0_f64);
        for n in 26..60 {
            let m = Workload::new(500.0, 180.0, n, Some(120.0))
                .unwrap()
                .metrics(Some(20.0))
                .unwrap();
            let now = (
                m.wait_probability,
                m.average_wait_seconds.unwrap(),
                m.service_level.unwrap(),
            );
            assert!(now.0 <= previous.0 + 1e-12);
            assert!(now.1 <= previous.1 + 1e-9);
            assert!(now.2 >= previous.2 - 1e-12);
            previous = now;
        }
    }
}
