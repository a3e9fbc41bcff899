"""The covering engine on its own: weighted set (multi)cover problems such as the OR-Library
set-covering instances, solved under the solve contract (teamwright.solving)."""

from __future__ import annotations

import math
import os
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from teamwright import _core
from teamwright.progress import progress_hook
from teamwright.solving import (
    DEFAULT_TIME_LIMIT,
    CancellationToken,
    Mode,
    Progress,
    Status,
    Termination,
    _build_result,
    _Result,
    _time_limit,
)

CoverProblem = _core.CoverProblem

__all__ = [
    "CoverFile",
    "CoverFormat",
    "CoverProblem",
    "CoverSolution",
    "Progress",
    "read_cover",
    "read_file",
    "read_orlib",
    "read_problem",
    "read_rail",
    "solve",
]


@dataclass(frozen=True)
class CoverSolution(_Result):
    """The covering engine's answer."""

    status: Status
    termination: Termination
    cost: float
    """The objective: the columns' cost plus the penalties of soft rows left short."""
    penalty: float
    bound: float
    relative_gap: float
    """(cost - bound) / max(|cost|, |bound|); 0 when proven optimal, inf without a solution."""
    time_to_best_s: float
    time_s: float
    columns: list[int]
    """Chosen columns, 0-based, ascending."""
    short_rows: list[int]

    def to_dict(self) -> dict[str, Any]:
        """The solution as plain values (the document `teamwright cover --json` prints)."""
        return {
            "status": self.status.value,
            "termination": self.termination.value,
            "bound": None if math.isinf(self.bound) else self.bound,
            "relative_gap": None if math.isinf(self.relative_gap) else self.relative_gap,
            "time_to_best_s": self.time_to_best_s,
            "time_s": self.time_s,
            "cost": self.cost,
            "penalty": self.penalty,
            "columns": list(self.columns),
            "short_rows": list(self.short_rows),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per chosen column (0-based, ascending)."""
        return pd.DataFrame({"column": np.asarray(self.columns, dtype=np.int64)})


def read_orlib(path: str | os.PathLike[str]) -> CoverProblem:
    """Reads an OR-Library set-covering file, row-oriented (scp41 ...; `FileError`,
    `FormatError`)."""
    return _core.read_orlib(os.fspath(path))


def read_rail(path: str | os.PathLike[str]) -> CoverProblem:
    """Reads an OR-Library rail file, column-oriented (rail507 ... rail4872; docs/format.md)."""
    return _core.read_rail(os.fspath(path))


def read_cover(path: str | os.PathLike[str]) -> CoverProblem:
    """Reads a problem in teamwright's plain-text cover format (docs/format.md)."""
    return _core.read_cover(os.fspath(path))


CoverFormat = Literal["orlib", "rail", "teamwright-cover"]


class CoverFile(NamedTuple):
    """A covering problem and the format it was read in."""

    problem: CoverProblem
    format: CoverFormat


def read_file(path: str | os.PathLike[str]) -> CoverFile:
    """Reads a covering problem in any of the three formats and says which (what ``teamwright
    cover FILE`` reads): teamwright's cover format when the file begins with
    ``teamwright-cover``, else rail or OR-Library as its first columns suggest, the other when
    it does not read in the first (docs/format.md#covering-problems-as-text)."""
    problem, format = _core.read_cover_file(os.fspath(path))
    return CoverFile(problem, typing.cast(CoverFormat, format))


def read_problem(path: str | os.PathLike[str]) -> CoverProblem:
    """`read_file(path).problem`."""
    return read_file(path).problem


def solve(
    problem: CoverProblem,
    *,
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
    progress: bool = False,
    cancel: CancellationToken | None = None,
) -> CoverSolution:
    """Solves a covering problem.

    ``mode`` "auto" runs the heuristic then the exact search for the rest of ``time_limit``
    seconds (None: no limit); "heuristic" returns good solutions fast with a lower bound (until
    the limit, or a fixed effort without one); "exact" searches until optimality is proven or
    the limit stops it, on ``threads`` workers (the heuristic uses one). The GIL is released
    while solving; Ctrl-C stops the solve and returns its best solution with termination
    INTERRUPTED, ``cancel`` (a `CancellationToken`) from another thread with CANCELLED; an
    exception raised by ``on_progress`` stops it and propagates.
    """
    with progress_hook(on_progress, progress, time_limit, "cover") as callback:
        document = _core.solve_cover(
            problem, mode, _time_limit(time_limit), seed, threads, callback, cancel
        )
    return _build_result(CoverSolution, document)
