"""The solve contract every teamwright solver keeps: one status vocabulary, one termination
reason, and the progress snapshot a callback receives (teamwright/solving.hpp in C++)."""

from __future__ import annotations

import dataclasses
import enum
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

Mode = Literal["auto", "heuristic", "exact"]
"""``auto``: the heuristic, then the exact search for the rest of the time limit (small problems
come back proven); ``heuristic``: good answers fast with a bound; ``exact``: search until proven
or stopped."""

DEFAULT_TIME_LIMIT = 10.0
"""Seconds; the default time limit of every solve."""


class Status(enum.Enum):
    OPTIMAL = "optimal"
    """Proven optimal."""
    FEASIBLE = "feasible"
    """Meets every hard requirement and constraint; not proven optimal."""
    INFEASIBLE = "infeasible"
    """Proven impossible: the result says why."""
    NO_SOLUTION_FOUND = "no_solution_found"
    """The solver found no answer and could not prove none exists."""


class Termination(enum.Enum):
    COMPLETED = "completed"
    """The solver finished its work (the exact search proved its answer)."""
    TIME_LIMIT = "time_limit"
    CANCELLED = "cancelled"
    """Stopped by an exception raised in the progress callback."""
    INTERRUPTED = "interrupted"
    """Stopped by Ctrl-C: the result holds the best answer found until then."""


@dataclass(frozen=True)
class Progress:
    """A snapshot of a running solve, passed to ``on_progress``."""

    incumbent: float | None
    """The best objective so far, if there is an answer."""
    bound: float
    elapsed_s: float


def _callback(on_progress: Callable[[Progress], Any] | None) -> Callable[[dict], None] | None:
    if on_progress is None:
        return None

    def callback(snapshot: dict[str, Any]) -> None:
        on_progress(_build(Progress, snapshot))

    return callback


def _time_limit(time_limit: float | None) -> float:
    return math.inf if time_limit is None else float(time_limit)


T = TypeVar("T")


def _build(
    cls: type[T],
    data: dict[str, Any],
    _extra: dict[str, Any] | None = None,
    **convert: Callable[[Any], Any],
) -> T:
    """The dataclass `cls` from a result document: its own fields only (a document may carry
    more), each through ``convert[name]`` when given, then the fields of ``_extra``."""
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name.startswith("_") or f.name not in data:
            continue
        value = data[f.name]
        kwargs[f.name] = convert[f.name](value) if f.name in convert else value
    kwargs.update(_extra or {})
    return cls(**kwargs)
