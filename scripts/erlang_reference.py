#!/usr/bin/env python3
"""Writes tests/data/erlang_reference.csv: queue figures from implementations
independent of walletcare's, which tests/integration/queue.rs compares with
walletcare::queue.

Erlang C rows (model = erlang_c) come from two PyPI packages:

- pyworkforce (pyworkforce.queuing.ErlangC): the probability of waiting, the
  service level within the target, and its own `required_positions` for an
  80 % target;
- call-center-tools (call_center_tools.staffing.calc_average_speed_of_answer):
  the average speed of answer from pyworkforce's waiting probability.

`agents_for_target` is the smallest agent count whose pyworkforce service
level meets the target, found by scanning upwards from the first stable
count; `sl_below` is pyworkforce's service level one agent below it (empty
when one agent fewer is unstable), so the test can check minimality against
the reference itself. pyworkforce's own `required_positions` starts its
search at round(load + 1) and can therefore overshoot by one; it is kept in
`pyworkforce_required` for information.

Erlang A rows (model = erlang_a): no package on PyPI computes Erlang A
offline (ErlangCCmath posts every call to a web service; pyworkforce and
call-center-tools have Erlang C only), and no published table was at hand.
They are computed here by a method independent of walletcare's closed
forms: the M/M/n+M birth-death chain truncated far in its tail
(probabilities summed directly), and the service level (share of arrivals
answered within the target) by uniformisation of the tagged caller's
position in the queue. Say so when quoting them.

Usage: python3 -m venv /tmp/erlvenv && /tmp/erlvenv/bin/pip install pyworkforce call-center-tools
       /tmp/erlvenv/bin/python scripts/erlang_reference.py > tests/data/erlang_reference.csv
"""

import csv
import math
import sys

from call_center_tools.staffing import calc_average_speed_of_answer
from pyworkforce.queuing import ErlangC

TARGET_FRACTION = 0.8


def erlang_c_row(arrivals_per_hour, handle_seconds, agents, target_seconds):
    # pyworkforce works in minutes: transactions per interval of 60 minutes.
    erlang = ErlangC(
        transactions=arrivals_per_hour,
        aht=handle_seconds / 60.0,
        asa=target_seconds / 60.0,
        interval=60,
    )
    load = erlang.intensity
    assert agents > load, (arrivals_per_hour, handle_seconds, agents)
    wait = erlang.waiting_probability(agents)
    sl = erlang.service_level(agents)
    asa = calc_average_speed_of_answer(load, agents, wait, handle_seconds)

    n = math.floor(load) + 1
    while erlang.service_level(n) < TARGET_FRACTION:
        n += 1
    below = ""
    if n - 1 > load:
        below = repr(erlang.service_level(n - 1))
    required = erlang.required_positions(service_level=TARGET_FRACTION)["raw_positions"]
    return {
        "model": "erlang_c",
        "arrivals_per_hour": repr(float(arrivals_per_hour)),
        "handle_seconds": repr(float(handle_seconds)),
        "agents": agents,
        "patience_seconds": "",
        "target_seconds": repr(float(target_seconds)),
        "wait_probability": repr(wait),
        "average_wait_seconds": repr(asa),
        "service_level": repr(sl),
        "abandon_probability": "",
        "target_fraction": TARGET_FRACTION,
        "agents_for_target": n,
        "sl_below": below,
        "pyworkforce_required": required,
    }


def erlang_a_figures(arrivals_per_hour, handle_seconds, agents, patience_seconds, target_seconds):
    lam = arrivals_per_hour / 3600.0
    mu = 1.0 / handle_seconds
    theta = 1.0 / patience_seconds
    n = agents
    # Unnormalised stationary probabilities in log space, truncated where
    # the tail is below 1e-30 of the peak.
    logs = [0.0]
    k = 0
    while True:
        k += 1
        rate = k * mu if k <= n else n * mu + (k - n) * theta
        logs.append(logs[-1] + math.log(lam) - math.log(rate))
        if k > n and logs[-1] < max(logs) - 70 and logs[-1] < logs[-2]:
            break
    peak = max(logs)
    p = [math.exp(x - peak) for x in logs]
    total = sum(p)
    p = [x / total for x in p]
    wait = sum(p[n:])
    lq = sum((k - n) * p[k] for k in range(n, len(p)))
    mean_wait = lq / lam
    abandon = theta * lq / lam

    # Tagged caller who finds m callers waiting ahead: position m moves to
    # m-1 at rate n·mu + m·theta (m = 0: served at rate n·mu); abandons at
    # rate theta. Uniformised; the start is the waiting part of p (PASTA).
    m_max = len(p) - 1 - n
    v = [p[n + m] for m in range(m_max + 1)]
    rates = [n * mu + m * theta for m in range(m_max + 1)]
    big = max(rates) + theta
    served = 0.0
    t = target_seconds
    mean = big * t
    # Poisson weights summed until they are negligible.
    k = 0
    log_w = -mean
    answered = 0.0
    served_so_far = 0.0
    while True:
        weight = math.exp(log_w)
        answered += weight * served_so_far
        if k > mean and weight < 1e-18:
            break
        # One step of the uniformised chain.
        new = [0.0] * len(v)
        for m, mass in enumerate(v):
            if mass == 0.0:
                continue
            move = rates[m] / big
            stay = 1.0 - (rates[m] + theta) / big
            new[m] += mass * stay
            if m == 0:
                served_so_far += mass * move
            else:
                new[m - 1] += mass * move
        v = new
        k += 1
        log_w += math.log(mean) - math.log(k)
    service_level = (1.0 - wait) + answered
    return wait, mean_wait, abandon, service_level


def erlang_a_row(arrivals_per_hour, handle_seconds, agents, patience_seconds, target_seconds):
    wait, mean_wait, abandon, sl = erlang_a_figures(
        arrivals_per_hour, handle_seconds, agents, patience_seconds, target_seconds
    )
    n = 1
    while erlang_a_figures(arrivals_per_hour, handle_seconds, n, patience_seconds, target_seconds)[3] < TARGET_FRACTION:
        n += 1
    below = ""
    if n > 1:
        below = repr(
            erlang_a_figures(arrivals_per_hour, handle_seconds, n - 1, patience_seconds, target_seconds)[3]
        )
    return {
        "model": "erlang_a",
        "arrivals_per_hour": repr(float(arrivals_per_hour)),
        "handle_seconds": repr(float(handle_seconds)),
        "agents": agents,
        "patience_seconds": repr(float(patience_seconds)),
        "target_seconds": repr(float(target_seconds)),
        "wait_probability": repr(wait),
        "average_wait_seconds": repr(mean_wait),
        "service_level": repr(sl),
        "abandon_probability": repr(abandon),
        "target_fraction": TARGET_FRACTION,
        "agents_for_target": n,
        "sl_below": below,
        "pyworkforce_required": "",
    }


def main():
    rows = []
    # Erlang C: small to large floors, agents from just above the load to
    # comfortably staffed, three targets.
    for arrivals, handle in [
        (30, 240),
        (100, 180),
        (250, 300),
        (600, 420),
        (1500, 180),
        (4000, 300),
        (12000, 300),
        (45, 900),
        (200, 240),
        (900, 600),
    ]:
        load = arrivals * handle / 3600.0
        first = math.floor(load) + 1
        for extra, target in [(0, 20), (1, 20), (2, 30), (4, 20), (8, 60), (15, 10)]:
            rows.append(erlang_c_row(arrivals, handle, first + extra, target))
    # Erlang A: patient and impatient callers, under- and over-staffed.
    for arrivals, handle, agents, patience, target in [
        (100, 180, 4, 60, 20),
        (100, 180, 5, 120, 20),
        (100, 180, 7, 300, 20),
        (100, 180, 9, 60, 30),
        (250, 300, 18, 90, 20),
        (250, 300, 21, 180, 20),
        (250, 300, 25, 600, 60),
        (600, 420, 60, 120, 20),
        (600, 420, 72, 300, 30),
        (600, 420, 80, 45, 20),
        (30, 600, 3, 600, 60),
        (30, 600, 6, 240, 20),
        (1500, 180, 70, 60, 20),
        (1500, 180, 80, 200, 20),
        (60, 240, 2, 30, 10),
        (60, 240, 4, 900, 20),
    ]:
        rows.append(erlang_a_row(arrivals, handle, agents, patience, target))
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


if __name__ == "__main__":
    main()
