"""The solve contract every teamwright solver keeps: one status vocabulary, one termination
reason, and the progress snapshot a callback receives (teamwright/solving.hpp in C++)."""

from __future__ import annotations

import dataclasses
import enum
import functools
import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, cast

from teamwright import _core

Mode = Literal["auto", "heuristic", "exact"]
"""``auto``: the heuristic, then the exact search for the rest of the time limit (small problems
come back proven); ``heuristic``: good answers fast with a bound; ``exact``: search until proven
or stopped."""

DEFAULT_TIME_LIMIT = 10.0
"""Seconds; the default time limit of every solve."""

CancellationToken = _core.CancellationToken
"""Stops solves from another thread: pass it as ``cancel=`` to any solver (to several at once if
you like) and call ``cancel()``; each returns its best answer within 0.1 s with termination
CANCELLED. A cancelled token stays cancelled: take a new one for the next solves."""


class Status(enum.Enum):
    """What a solver can say about its answer, the same for every solver."""

    OPTIMAL = "optimal"
    """Proven optimal."""
    FEASIBLE = "feasible"
    """Meets every hard requirement and constraint; not proven optimal."""
    INFEASIBLE = "infeasible"
    """Proven impossible: the result says why."""
    NO_SOLUTION_FOUND = "no_solution_found"
    """The solver found no answer and could not prove none exists."""


class Termination(enum.Enum):
    """Why a solver stopped."""

    COMPLETED = "completed"
    """The solver finished its work (the exact search proved its answer)."""
    TIME_LIMIT = "time_limit"
    CANCELLED = "cancelled"
    """Stopped by its `CancellationToken` (``cancel=``): the result holds the best answer so
    far."""
    INTERRUPTED = "interrupted"
    """Stopped by Ctrl-C: the result holds the best answer found until then."""


@dataclass(frozen=True)
class Progress:
    """A snapshot of a running solve, passed to ``on_progress``."""

    incumbent: float | None
    """The best objective so far, if there is an answer."""
    bound: float
    elapsed_s: float


def _callback(
    on_progress: Callable[[Progress], Any] | None,
) -> Callable[[dict[str, Any]], None] | None:
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


def _infinite_if_null(value: float | None, infinity: float = math.inf) -> float:
    """JSON has no infinity: a result document writes an infinite relative gap (no solution)
    and an infinite bound (proven infeasible; -inf when maximising) as null."""
    return infinity if value is None else float(value)


CONTRACT_FIELDS = ("status", "termination", "bound", "relative_gap", "time_to_best_s", "time_s")
"""The solve contract's fields, which every result carries under these names."""


def _build_result(
    cls: type[T],
    document: dict[str, Any],
    _extra: dict[str, Any] | None = None,
    **convert: Callable[[Any], Any],
) -> T:
    """`_build` for a result: the solve contract's fields as Python values, then ``convert``
    (which may replace the conversion of a contract field)."""
    contract: dict[str, Callable[[Any], Any]] = {
        "status": Status,
        "termination": Termination,
        "bound": _infinite_if_null,
        "relative_gap": _infinite_if_null,
    }
    return _build(cls, document, _extra, **{**contract, **convert})


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"{old} is deprecated: use {new}", DeprecationWarning, stacklevel=3)


class _Result:
    """What every result class shares: the deprecated spelling of ``relative_gap``."""

    relative_gap: float

    @property
    def gap(self) -> float:
        """Deprecated: ``relative_gap``."""
        _deprecated("result.gap", "result.relative_gap")
        return self.relative_gap


F = TypeVar("F", bound=Callable[..., Any])


def _renamed(old: str, new: F) -> F:
    """``new`` under its old name ``old``: works as before and warns once per call."""

    @functools.wraps(new)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _deprecated(old, new.__name__)
        return new(*args, **kwargs)

    wrapper.__doc__ = f"Deprecated: `{new.__name__}`."
    wrapper.__name__ = wrapper.__qualname__ = old
    return cast(F, wrapper)


def _renamed_keywords(**renames: str) -> Callable[[F], F]:
    """Accepts each old keyword of ``renames`` (old=new) for its new name, with a warning."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for old, new in renames.items():
                if old in kwargs:
                    _deprecated(f"{function.__name__}({old}=...)", f"{new}=...")
                    if new in kwargs:
                        raise TypeError(
                            f"{function.__name__}: give {new}, not both {new} and {old}"
                        )
                    kwargs[new] = kwargs.pop(old)
            return function(*args, **kwargs)

        return cast(F, wrapper)

    return decorate
