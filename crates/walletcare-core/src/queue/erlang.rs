//! The Erlang formulas, in log space where numbers grow.
//!
//! Erlang B is computed by its recursion on the *inverse* in log space,
//! `L(k) = ln(1/B(k)) = softplus(ln(k/a) + L(k-1))`, so neither factorials
//! nor powers appear and nothing overflows or underflows to NaN for any
//! number of agents: a tiny blocking probability is `exp(-L)` and becomes
//! 0, never NaN. Erlang C follows as `1 / (ρ + (1-ρ) e^L)`. Erlang A
//! (M/M/n+M, Palm's queue with exponential patience) sums the series
//! `Σ_j y^j / Π_{i≤j}(x+i)` with a running log-scale.

/// `ln(1 + e^z)` without overflow.
pub(crate) fn softplus(z: f64) -> f64 {
    if z > 36.0 {
        z + (-z).exp()
    } else {
        z.exp().ln_1p()
    }
}

/// `ln(1/B(n, a))`, the log of the inverse Erlang B blocking probability
/// for `n` servers and offered load `a > 0` erlangs.
pub(crate) fn inverse_erlang_b_ln(a: f64, n: u32) -> f64 {
    let ln_a = a.ln();
    let mut l = 0.0;
    for k in 1..=n {
        l = softplus(f64::from(k).ln() - ln_a + l);
    }
    l
}

/// One step of the recursion: from `L(k-1)` to `L(k)`.
pub(crate) fn next_inverse_erlang_b_ln(l_prev: f64, ln_a: f64, k: u32) -> f64 {
    softplus(f64::from(k).ln() - ln_a + l_prev)
}

/// Erlang C: the probability of waiting with `n` agents, offered load `a`
/// and `L = ln(1/B(n, a))`. 1 when `n <= a` (the queue grows without end).
pub(crate) fn erlang_c_from(l: f64, a: f64, n: u32) -> f64 {
    let n = f64::from(n);
    if n <= a {
        return 1.0;
    }
    let rho = a / n;
    let c = 1.0 / (rho + (1.0 - rho) * l.exp());
    c.clamp(0.0, 1.0)
}

/// `ln G(s, z)` where `G(s, z) = Σ_{k≥0} z^k / Π_{i=1..k} (s+i)`, together
/// with the mean of `k` under the weights of the terms (the mean queue
/// length seen by a waiting arrival in Erlang A). `z >= 0`, `s >= 0`.
///
/// Terms rise while `z > s + k` and fall after; the sum runs until the
/// terms are negligible past the peak, at most [`MAX_SERIES_TERMS`] terms.
pub(crate) fn series_ln(s: f64, z: f64) -> (f64, f64) {
    if z <= 0.0 {
        return (0.0, 0.0);
    }
    let ln_z = z.ln();
    // Sums are kept as (value · e^shift); when a term exceeds e^shift by
    // much, the sums are rescaled.
    let mut shift = 0.0_f64;
    let mut sum = 1.0_f64; // the k = 0 term, e^0
    let mut weighted = 0.0_f64; // Σ k·term
    let mut ln_term = 0.0_f64;
    let peak = (z - s).max(0.0);
    let mut k: u32 = 0;
    while k < MAX_SERIES_TERMS {
        k += 1;
        let kf = f64::from(k);
        ln_term += ln_z - (s + kf).ln();
        if ln_term > shift + 600.0 {
            let factor = (shift - ln_term).exp();
            sum *= factor;
            weighted *= factor;
            shift = ln_term;
        }
        let term = (ln_term - shift).exp();
        sum += term;
        weighted += kf * term;
        if kf > peak && term <= sum * 1e-17 {
            break;
        }
    }
    let ln_sum = shift + sum.ln();
    let mean = if sum > 0.0 { weighted / sum } else { 0.0 };
    (ln_sum, mean)
}

/// The most terms [`series_ln`] adds (the inputs are bounded so that the
/// series converges well before).
pub(crate) const MAX_SERIES_TERMS: u32 = 4_000_000;

/// Erlang A results for one staffing level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ErlangA {
    /// Probability an arrival waits.
    pub(crate) wait_probability: f64,
    /// Mean time in queue of all arrivals (answered or not), in the unit of
    /// the rates.
    pub(crate) mean_wait: f64,
    /// Probability an arrival abandons.
    pub(crate) abandon_probability: f64,
}

/// Erlang A with arrival rate `lambda`, service rate `mu`, abandonment
/// rate `theta` (1/mean patience), `n` agents and `L = ln(1/B(n, λ/μ))`.
pub(crate) fn erlang_a(lambda: f64, mu: f64, theta: f64, n: u32, l: f64) -> ErlangA {
    let x = f64::from(n) * mu / theta;
    let y = lambda / theta;
    let (ln_g, mean_queue) = series_ln(x, y);
    // P(wait) = A·E / (1 + (A-1)·E) = 1 / (1 + (1/E - 1)/A), 1/E = e^L.
    let ratio = if l > 0.0 {
        // ln(e^L - 1) = L + ln(1 - e^-L)
        (l + (-(-l).exp_m1()).ln() - ln_g).exp()
    } else {
        0.0
    };
    let wait_probability = (1.0 / (1.0 + ratio)).clamp(0.0, 1.0);
    // Lq = P(wait) · E[j | wait]; W = Lq / λ; P(ab) = θ·Lq/λ.
    let queue = wait_probability * mean_queue;
    let mean_wait = queue / lambda;
    ErlangA {
        wait_probability,
        mean_wait,
        abandon_probability: (theta * mean_wait).clamp(0.0, 1.0),
    }
}

/// Erlang A service level: the share of arrivals *answered* within `t`
/// (an arrival who abandons counts as not answered), with the rates as in
/// [`erlang_a`] and the wait probability it gave.
///
/// With `x = nμ/θ`, `y = λ/θ`, `q = e^{-θt}` and `γ` the lower incomplete
/// gamma function (Mandelbaum & Zeltyn's Erlang-A formulas), the offered
/// wait `V` of a delayed arrival has `P(V > t | V > 0) = γ(x, yq)/γ(x, y)`,
/// and the arrival is answered when its patience outlasts `V`, so
/// `P(answered, V ≤ t) = (1 - P_w) + P_w · (R(y) - R(yq))` with
/// `R(z) = γ(x+1, z) / (y · γ(x, y))`.
pub(crate) fn erlang_a_answered_within(
    lambda: f64,
    mu: f64,
    theta: f64,
    n: u32,
    wait_probability: f64,
    t: f64,
) -> f64 {
    let x = f64::from(n) * mu / theta;
    let y = lambda / theta;
    if y <= 0.0 {
        return 1.0;
    }
    let (ln_g_xy, _) = series_ln(x, y);
    // γ(s, z) = z^s e^{-z} / s · G(s, z), so
    // R(z) = x/(x+1) · (z/y)^{x+1} · e^{y-z} · G(x+1, z) / G(x, y).
    let r = |z: f64| -> f64 {
        if z <= 0.0 {
            return 0.0;
        }
        let (ln_g, _) = series_ln(x + 1.0, z);
        let ln_r = (x / (x + 1.0)).ln() + (x + 1.0) * (z / y).ln() + (y - z) + ln_g - ln_g_xy;
        ln_r.exp()
    };
    let q = (-theta * t).exp();
    let answered_later = (r(y) - r(y * q)).max(0.0);
    ((1.0 - wait_probability) + wait_probability * answered_later).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn erlang_b_direct(a: f64, n: u32) -> f64 {
        // Σ a^k/k! computed term by term (fine for small n).
        let mut term = 1.0;
        let mut sum = 1.0;
        for k in 1..=n {
            term *= a / f64::from(k);
            sum += term;
        }
        term / sum
    }

    #[test]
    fn erlang_b_matches_the_definition_for_small_systems() {
        for (a, n) in [(1.0, 1), (2.5, 3), (10.0, 12), (0.3, 5), (40.0, 30)] {
            let b = (-inverse_erlang_b_ln(a, n)).exp();
            assert!((b - erlang_b_direct(a, n)).abs() < 1e-13, "{a} {n}");
        }
    }

    #[test]
    fn erlang_b_never_overflows_for_thousands_of_agents() {
        for (a, n) in [(1.0, 5_000), (900.0, 1_000), (1e-6, 100_000), (5e4, 50_000)] {
            let l = inverse_erlang_b_ln(a, n);
            assert!(l.is_finite() && l >= 0.0, "{a} {n} {l}");
            let c = erlang_c_from(l, a, n);
            assert!((0.0..=1.0).contains(&c), "{a} {n} {c}");
        }
    }

    #[test]
    fn erlang_a_tends_to_erlang_c_as_patience_grows() {
        // λ = 2/s... in minutes: λ = 10/min, AHT 3 min, 35 agents, a = 30.
        let (lambda, mu, n) = (10.0, 1.0 / 3.0, 35);
        let a = lambda / mu;
        let l = inverse_erlang_b_ln(a, n);
        let c = erlang_c_from(l, a, n);
        let ea = erlang_a(lambda, mu, 1e-7, n, l);
        assert!((ea.wait_probability - c).abs() < 1e-4, "{ea:?} {c}");
        let asa = c / (f64::from(n) * mu - lambda);
        assert!((ea.mean_wait - asa).abs() / asa < 1e-3, "{ea:?} {asa}");
    }

    #[test]
    fn erlang_a_is_stable_when_overloaded() {
        // 100 agents, load 400 erlangs, patience 2 minutes of 5-minute calls.
        let (lambda, mu, theta, n) = (80.0, 0.2, 0.5, 100);
        let l = inverse_erlang_b_ln(lambda / mu, n);
        let ea = erlang_a(lambda, mu, theta, n, l);
        assert!(ea.wait_probability > 0.99);
        // Served ≈ nμ = 20 of 80 per minute: abandonment ≈ 75 %.
        assert!((ea.abandon_probability - 0.75).abs() < 0.01, "{ea:?}");
        let sl = erlang_a_answered_within(lambda, mu, theta, n, ea.wait_probability, 1e9);
        assert!((sl - (1.0 - ea.abandon_probability)).abs() < 1e-9, "{sl}");
    }
}
