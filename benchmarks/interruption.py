"""How fast every solver stops (issue 13, RELIABILITY.md): a cancellation token and Ctrl-C
fired 0.5 s into a long exact solve of a hard instance per solver; prints, per solver, the
median latency from the stop to the return over REPEATS runs.

    python3 benchmarks/interruption.py [REPEATS]

tests/python/test_interruption.py asserts the same on the same instances."""

from __future__ import annotations

import _thread
import signal
import statistics
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import teamwright as tw
from teamwright import cover

LONG = 60.0
"""The time limit of every solve here: far beyond the moment it is stopped."""

Solve = Callable[..., Any]


def _generalized(rng: np.random.Generator, agents: int, jobs: int) -> dict[str, Any]:
    """A tight random instance (Chu-Beasley type C: capacity 80 % of an even share)."""
    weight = rng.integers(5, 26, (agents, jobs))
    return {
        "cost": rng.integers(10, 51, (agents, jobs)),
        "weight": weight,
        "capacity": (0.8 * weight.sum(axis=1) / agents).astype(np.int64),
    }


def solvers() -> dict[str, Solve]:
    """One hard problem per solver, each taking far longer than a second to finish."""
    rng = np.random.default_rng(5)
    people, competencies = 3000, 300
    levels = np.where(
        rng.random((people, competencies)) < 0.04, rng.integers(1, 6, (people, competencies)), 0
    )
    frame = pd.DataFrame(
        levels.astype(float),
        index=[f"p{i}" for i in range(people)],
        columns=[f"c{j}" for j in range(competencies)],
    )
    cost = pd.Series(rng.integers(95, 106, people).astype(float), index=frame.index)
    roles = [
        tw.Role(
            f"r{k}",
            requirements=[
                tw.RoleRequirement(f"c{j}", 2) for j in rng.choice(competencies, 2, replace=False)
            ],
        )
        for k in range(6)
    ] + [  # soft requirements only: everyone may hold it, with fits spread over [0, 1]
        tw.Role(
            f"open{k}",
            requirements=[
                tw.RoleRequirement(f"c{j}", 3, hard=False)
                for j in rng.choice(competencies, 3, replace=False)
            ],
        )
        for k in range(6)
    ]
    request = tw.TeamRequest(
        "big",
        requirements=[tw.TeamRequirement(f"c{j}", 3, count=2) for j in range(competencies)],
    )
    model = tw.Model.from_frame(frame, cost=cost, roles=roles, requests=[request])
    ids = list(frame.index)
    team = ids[:40]
    slots = [tw.Slot(f"s{k}", f"open{k % 6}") for k in range(3000)]
    seats = [tw.Seat(f"s{k}", f"r{k % 6}", 0.5) for k in range(1500)]
    goals = [tw.MentoringGoal(f"c{j}", 4) for j in range(150)]
    generalized = _generalized(rng, 40, 800)
    problem = tw.compile_request(model, "big")
    exact: dict[str, Any] = {"mode": "exact", "time_limit": LONG}
    return {
        "solve": lambda **o: tw.solve(model, "big", replacements=False, **(exact | o)),
        "cover": lambda **o: cover.solve(problem, **(exact | o)),
        "close_gaps": lambda **o: tw.close_gaps(model, "big", team, **(exact | o)),
        "plan": lambda **o: tw.plan(model, "big", team, **(exact | o)).closure,
        "split": lambda **o: tw.split(model, "big", 30, **(exact | o)),
        "assign_generalized": lambda **o: tw.assign_generalized(**generalized, **(exact | o)),
        "assign_staff": lambda **o: tw.assign_staff(model, ids[:1500], seats, **(exact | o)),
        "assign_roles": lambda **o: tw.assign_roles(model, ids, slots, **(exact | o)),
        "assign_mentors": lambda **o: tw.assign_mentors(model, ids, goals, **(exact | o)),
    }


def latency(solve: Solve, stop: str) -> float:
    """Seconds from a stop ('token' or 'ctrl-c') fired 0.5 s into the solve to its return."""
    token = tw.CancellationToken()
    fired: list[float] = []

    def fire() -> None:
        fired.append(time.monotonic())
        if stop == "token":
            token.cancel()
        else:
            _thread.interrupt_main(signal.SIGINT)

    timer = threading.Timer(0.5, fire)
    timer.start()
    solve(cancel=token)
    returned = time.monotonic()
    timer.join()
    return returned - fired[0]


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(f"{'solver':<20} {'token (ms)':>11} {'Ctrl-C (ms)':>12}   median of {repeats}")
    for name, solve in solvers().items():
        token = statistics.median(latency(solve, "token") for _ in range(repeats))
        ctrl_c = statistics.median(latency(solve, "ctrl-c") for _ in range(repeats))
        print(f"{name:<20} {1000 * token:>11.0f} {1000 * ctrl_c:>12.0f}")


if __name__ == "__main__":
    main()
