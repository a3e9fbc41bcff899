"""The covering engine on its own: weighted set (multi)cover problems such as the OR-Library
set-covering instances, solved heuristically or exactly under a time limit."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from teamwright import _core
from teamwright.team import Status

CoverProblem = _core.CoverProblem


@dataclass(frozen=True)
class Progress:
    """A snapshot of a running solve, passed to ``on_progress``."""

    incumbent: float | None
    bound: float
    elapsed_s: float


@dataclass(frozen=True)
class CoverSolution:
    status: Status
    termination: str
    """"completed", "time_limit" or "cancelled" (by Ctrl-C or an exception in the callback)."""
    cost: float
    bound: float
    time_to_best_s: float
    time_s: float
    columns: list[int]
    """Chosen columns, 0-based, ascending."""
    short_rows: list[int]

    @property
    def gap(self) -> float:
        """(cost - bound) / cost, 0 when proven optimal."""
        return 0.0 if self.cost == 0 else max(0.0, (self.cost - self.bound) / self.cost)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "termination": self.termination,
            "cost": self.cost,
            "bound": self.bound,
            "time_to_best_s": self.time_to_best_s,
            "time_s": self.time_s,
            "columns": list(self.columns),
        }


def read_orlib(path: str | os.PathLike[str]) -> CoverProblem:
    """Reads an OR-Library set-covering file (`FileError`, `FormatError`)."""
    return _core.read_orlib(os.fspath(path))


def read_cover(path: str | os.PathLike[str]) -> CoverProblem:
    """Reads a problem in teamwright's plain-text cover format (docs/format.md)."""
    return _core.read_cover(os.fspath(path))


def solve(
    problem: CoverProblem,
    *,
    exact: bool = False,
    time_limit: float | None = None,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
) -> CoverSolution:
    """Solves a covering problem.

    The heuristic (default) returns good solutions fast with a lower bound; ``exact=True``
    searches until optimality is proven or the time limit stops it, on ``threads`` workers
    (the heuristic uses one). The GIL is released while
    solving; Ctrl-C or an exception raised by ``on_progress`` stops the solve, which returns
    its best solution before the exception propagates.
    """
    callback = None
    if on_progress is not None:

        def callback(snapshot: dict[str, Any]) -> None:
            on_progress(Progress(**snapshot))

    document = _core.solve_cover(
        problem,
        "exact" if exact else "heuristic",
        float("inf") if time_limit is None else float(time_limit),
        seed,
        threads,
        callback,
    )
    return CoverSolution(**{**document, "status": Status(document["status"])})
