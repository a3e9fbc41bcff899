"""Putting people where they fit: linear assignment, roles and shifts, mentoring pairs.

`linear_sum_assignment` has the contract of `scipy.optimize.linear_sum_assignment` — the same
arguments, the same ``(row_ind, col_ind)`` answer with rows ascending, ``+inf`` (``-inf`` when
maximising) forbidding a pair and ``ValueError`` when no assignment exists — and is solved by
teamwright's Jonker-Volgenant solver (docs/algorithms.md). Float and integer matrices whose rows
are contiguous are read in place, without a copy; integer matrices are solved in exact integer
arithmetic.

`split` divides people into k teams that each meet a request as well as possible (worst team
first, then the average) under classroom and staffing rules. `assign_roles` puts people into
role and shift slots (hard role requirements decide who may hold a role; fit and preferences
decide who should), `assign_mentors` pairs people below a target level with colleagues strong
enough to lift them, and `assign_staff` fills seats from people's part-time availability.
`assign_generalized` solves the generalized assignment problem (agents with capacities) that
staffing is built on. Roles and mentoring are exact.

Every solver but `linear_sum_assignment` keeps the solve contract of `teamwright.solving`: the
keyword options ``mode``, ``time_limit``, ``seed``, ``threads``, ``on_progress``, ``progress``
and ``cancel``, and results with ``status``, ``termination``, ``bound``, ``relative_gap``,
``time_to_best_s`` and ``time_s``; Ctrl-C returns the best answer so far with termination
INTERRUPTED, a `CancellationToken` given as ``cancel`` with CANCELLED. The names of
earlier releases (``place``, ``mentoring_pairs``, ``staff``, ``solve_gap``, ``read_gap``,
``GapSolution``, ``result.gap``, ``members=`` and ``pool=``) still work and warn.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from teamwright import _core
from teamwright.errors import InvalidInputError, OutOfRangeError
from teamwright.frames import frame, records
from teamwright.model import Model, TeamRequest, _person_ids
from teamwright.progress import progress_hook
from teamwright.solving import (
    DEFAULT_TIME_LIMIT,
    CancellationToken,
    Mode,
    Progress,
    Status,
    Termination,
    _build,
    _build_result,
    _deprecated,
    _infinite_if_null,
    _renamed,
    _renamed_keywords,
    _Result,
    _time_limit,
)

__all__ = [
    "GeneralizedSolution",
    "MentoringGoal",
    "MentoringPair",
    "MentoringResult",
    "Placement",
    "PlacementResult",
    "Seat",
    "SeatAssignment",
    "Slot",
    "SplitResult",
    "SplitTeam",
    "StaffingResult",
    "assign_generalized",
    "assign_mentors",
    "assign_roles",
    "assign_staff",
    "linear_sum_assignment",
    "read_cost_matrix",
    "read_generalized",
    "split",
]

_INT64_MAX = np.iinfo(np.int64).max


def _rows_contiguous(array: np.ndarray) -> bool:
    return array.shape[1] <= 1 or array.strides[1] == array.itemsize


def _prepare(cost: np.ndarray) -> np.ndarray:
    kind = cost.dtype.kind
    dtype: type[np.float64] | type[np.int64]
    if kind == "f":
        dtype = np.float64
    elif kind in "biu":
        if kind == "u" and cost.dtype.itemsize == 8 and cost.size and cost.max() > _INT64_MAX:
            raise OutOfRangeError(f"cost matrix: the entry {cost.max()} exceeds the int64 range")
        dtype = np.int64
    else:
        raise InvalidInputError(
            f"cost matrix: expected numbers (integers or floats), got dtype {cost.dtype}"
        )
    if cost.dtype != dtype or not _rows_contiguous(cost) or cost.strides[0] < 0:
        cost = np.ascontiguousarray(cost, dtype=dtype)
    return cost


def linear_sum_assignment(
    cost_matrix: npt.ArrayLike, maximize: bool = False, *, forbidden: npt.ArrayLike | None = None
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Assign each row to a distinct column (or each column to a distinct row, whichever side is
    shorter) so that the chosen costs sum to the least, or the most with ``maximize=True``.

    ``forbidden`` is an optional boolean matrix of the same shape marking pairs that must not be
    chosen (also possible with an infinite float cost). Returns ``(row_ind, col_ind)``, int64
    arrays with ``row_ind`` ascending, so that ``cost_matrix[row_ind, col_ind].sum()`` is optimal.

    Raises ``InvalidInputError`` (a ``ValueError``) for a matrix that is not 2-D, not numeric,
    holds NaN or an infinity in the objective's direction, or admits no assignment.
    """
    cost = np.asarray(cost_matrix)
    if cost.ndim != 2:
        raise InvalidInputError(f"cost matrix: expected a 2-D array, got {cost.ndim} dimensions")
    cost = _prepare(cost)
    mask = None
    if forbidden is not None:
        mask = np.asarray(forbidden)
        if mask.shape != cost.shape:
            raise InvalidInputError(
                f"forbidden mask: its shape {mask.shape} must be the cost matrix's {cost.shape}"
            )
        if mask.dtype != np.bool_ or not _rows_contiguous(mask) or mask.strides[0] < 0:
            mask = np.ascontiguousarray(mask, dtype=np.bool_)
    solve = (
        _core.linear_sum_assignment_f64
        if cost.dtype == np.float64
        else _core.linear_sum_assignment_i64
    )
    return solve(cost, bool(maximize), mask)


def read_cost_matrix(path: str | os.PathLike[str]) -> np.ndarray:
    """Reads a cost matrix file (one row per line, values separated by commas or whitespace;
    docs/format.md): an int64 array when every value is an integer, float64 otherwise. What
    ``teamwright assign matrix FILE`` reads (`FileError`, `FormatError`)."""
    return _core.read_cost_matrix(os.fspath(path))


@dataclass(frozen=True)
class Slot:
    """A place for one person: a role to hold, a shift to work, or both."""

    id: str
    role: str = ""
    shift: str = ""


@dataclass(frozen=True)
class Placement:
    """One person in one slot, with the reasons."""

    person: str
    slot: str
    fit: float
    """The importance-weighted share of the role's levels the person meets, in [0, 1]; 0 for a
    slot without a role, where only preferences count."""
    preferred_role: bool
    preferred_shift: bool


def _plain(result: Any) -> dict[str, Any]:
    """A result as its document: enums by name, infinities (JSON has none) as None."""
    document = asdict(result)
    for key in ("status", "termination"):
        document[key] = document[key].value
    for key in ("bound", "relative_gap"):
        if math.isinf(document[key]):
            document[key] = None
    document.pop("_check", None)
    return document


@dataclass(frozen=True)
class PlacementResult(_Result):
    """The placement filling the most slots with the greatest total fit plus bonus (exact)."""

    placements: list[Placement]
    unfilled_slots: list[str]
    """Too few people, or nobody left who meets the role's hard requirements."""
    unplaced: list[str]
    total_fit: float
    total_bonus: float
    status: Status
    termination: Termination
    bound: float
    relative_gap: float
    time_to_best_s: float
    time_s: float

    def to_dict(self) -> dict[str, Any]:
        """The result as plain values (the document `teamwright assign roles --json` prints)."""
        return _plain(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per placement: person, slot, fit and the preferences met."""
        return records(self.placements, Placement)


@dataclass(frozen=True)
class MentoringGoal:
    """People below ``target_level`` in ``competency`` are mentees; people at ``mentor_level``
    (default: the target) or above may mentor them. ``importance`` (1-5) weighs the gains."""

    competency: str
    target_level: float
    mentor_level: float | None = None
    importance: int = 3


@dataclass(frozen=True)
class MentoringPair:
    """A mentor, a mentee, and what the mentee gains."""

    mentor: str
    mentee: str
    competencies: list[str] = field(default_factory=list)
    benefit: float = 0.0
    """Sum over the competencies of importance x (target - mentee's level)."""


@dataclass(frozen=True)
class MentoringResult(_Result):
    """The pairs of greatest total benefit (exact)."""

    pairs: list[MentoringPair]
    unpaired_mentees: list[str]
    total_benefit: float
    status: Status
    termination: Termination
    bound: float
    relative_gap: float
    time_to_best_s: float
    time_s: float

    def to_dict(self) -> dict[str, Any]:
        """The result as plain values (the document `teamwright assign mentors --json` prints)."""
        return _plain(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per pair and competency the mentor lifts: mentor, mentee, competency and the
        pair's benefit."""
        return frame(
            (
                {"mentor": p.mentor, "mentee": p.mentee, "competency": c, "benefit": p.benefit}
                for p in self.pairs
                for c in p.competencies
            ),
            ["mentor", "mentee", "competency", "benefit"],
        )


def _slot(item: Slot | dict[str, str] | str) -> Slot:
    if isinstance(item, Slot):
        return item
    if isinstance(item, dict):
        unknown = set(item) - {"id", "role", "shift"}
        if unknown:
            name = item.get("id", "?")
            raise InvalidInputError(f"slot {name!r}: unknown fields {sorted(unknown)}")
        return Slot(**item)
    raise InvalidInputError(f"slot: expected a Slot or a dict, got {type(item).__name__}")


@_renamed_keywords(members="people")
def assign_roles(
    model: Model,
    people: Iterable[str] | Any,
    slots: Iterable[Slot | dict[str, str]],
    *,
    preference_bonus: float = 0.25,
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
    progress: bool = False,
    cancel: CancellationToken | None = None,
) -> PlacementResult:
    """Put each person into at most one slot and each slot holds at most one person: fill as
    many slots as possible, then maximise the total fit plus ``preference_bonus`` for every
    preferred role and preferred shift. ``people`` is a list of person ids or a TeamResult.
    Exact in every mode.
    """
    parsed = [_slot(s) for s in slots]
    with progress_hook(on_progress, progress, time_limit, "roles") as callback:
        document = _core.assign_roles(
            model._core,
            _person_ids(people),
            [(s.id, s.role, s.shift) for s in parsed],
            float(preference_bonus),
            mode,
            _time_limit(time_limit),
            seed,
            threads,
            callback,
            cancel,
        )
    return _build_result(
        PlacementResult,
        document,
        placements=lambda items: [_build(Placement, p) for p in items],
    )


@_renamed_keywords(members="people")
def assign_mentors(
    model: Model,
    people: Iterable[str] | Any,
    goals: Iterable[MentoringGoal | dict[str, Any]],
    *,
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
    progress: bool = False,
    cancel: CancellationToken | None = None,
) -> MentoringResult:
    """Pair people one-to-one (each mentors at most one colleague and is mentored by at most
    one) so that the total benefit over the goals is greatest. Exact in every mode."""
    parsed = [g if isinstance(g, MentoringGoal) else MentoringGoal(**g) for g in goals]
    with progress_hook(on_progress, progress, time_limit, "mentors") as callback:
        document = _core.assign_mentors(
            model._core,
            _person_ids(people),
            [
                (g.competency, float(g.target_level), g.mentor_level, int(g.importance))
                for g in parsed
            ],
            mode,
            _time_limit(time_limit),
            seed,
            threads,
            callback,
            cancel,
        )
    return _build_result(
        MentoringResult,
        document,
        pairs=lambda items: [_build(MentoringPair, p) for p in items],
    )


@dataclass(frozen=True)
class SplitTeam:
    """One team of a split."""

    members: list[str]
    coverage: float
    """Importance-weighted mean over the request's requirements of min(provided / needed, 1)."""


@dataclass(frozen=True)
class SplitResult(_Result):
    """The best split found: ``status`` is OPTIMAL (every rule kept, proven best), FEASIBLE
    (every rule kept), INFEASIBLE (proven: no split keeps every rule; ``violations`` are those
    of the best) or NO_SOLUTION_FOUND (breaks ``violations``, no proof that every split must).
    ``bound`` is an upper bound on the worst coverage."""

    status: Status
    termination: Termination
    teams: list[SplitTeam]
    worst_coverage: float
    average_coverage: float
    violations: list[str]
    bound: float
    relative_gap: float
    time_to_best_s: float
    time_s: float
    _check: Any = field(repr=False, compare=False, default=None)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain values (the document `teamwright split --json` prints)."""
        return _plain(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per person: the team (0-based) they are in and that team's coverage."""
        return frame(
            (
                {"team": i, "person": person, "team_coverage": team.coverage}
                for i, team in enumerate(self.teams)
                for person in team.members
            ),
            ["team", "person", "team_coverage"],
        )

    def check(self) -> list[str]:
        """The independent checker's findings: empty when every claim holds."""
        findings: list[str] = self._check(self)
        return findings


def _split_rules(rules: dict[str, Any]) -> _core.SplitRules:
    out = _core.SplitRules()
    for name, value in rules.items():
        setattr(out, name, value)
    return out


def _check_split(
    model: Model,
    request: str | dict[str, Any],
    people: list[str],
    rules: dict[str, Any],
    result: SplitResult,
) -> list[str]:
    return list(
        _core.check_split(model._core, request, people, _split_rules(rules), result.to_dict())
    )


def _groups(name: str, groups: Iterable[Iterable[str]]) -> list[list[str]]:
    out = []
    for group in groups:
        if isinstance(group, str):
            raise InvalidInputError(f"{name}: expected groups (lists of person ids), got {group!r}")
        out.append([str(person) for person in group])
    return out


@_renamed_keywords(pool="people")
def split(
    model: Model,
    request: str | TeamRequest | dict[str, Any],
    teams: int,
    *,
    people: Iterable[str] | None = None,
    min_size: int | None = None,
    max_size: int | None = None,
    keep_apart: Iterable[Iterable[str]] = (),
    keep_together: Iterable[Iterable[str]] = (),
    no_lone: Iterable[str] = (),
    previous_team: str = "",
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
    progress: bool = False,
    cancel: CancellationToken | None = None,
) -> SplitResult:
    """Split ``people`` (person ids; default everyone available) into ``teams`` teams that each
    meet ``request``'s requirements as well as possible: the greatest worst-team coverage, then
    the greatest average.

    Sizes lie in ``[min_size, max_size]`` (default: as even as possible); ``keep_together``
    groups share a team; no two of a ``keep_apart`` group do; no team holds exactly one member
    with a value of a ``no_lone`` attribute; no two people with the same ``previous_team``
    attribute value meet again. ``mode`` is "auto" (exact for at most 14 people after joining
    keep-together groups, local search otherwise), "exact" or "heuristic" (local search). Same
    seed, same split.
    """
    if isinstance(no_lone, str):
        no_lone = [no_lone]
    rules = {
        "teams": int(teams),
        "min_size": min_size,
        "max_size": max_size,
        "keep_apart": _groups("keep_apart", keep_apart),
        "keep_together": _groups("keep_together", keep_together),
        "no_lone": [str(a) for a in no_lone],
        "previous_team": previous_team,
    }
    ids = [] if people is None else _person_ids(people)
    argument = request.to_dict() if isinstance(request, TeamRequest) else request
    with progress_hook(on_progress, progress, time_limit, "split") as callback:
        document = _core.split(
            model._core,
            argument,
            ids,
            _split_rules(rules),
            mode,
            _time_limit(time_limit),
            seed,
            threads,
            callback,
            cancel,
        )
    return _build_result(
        SplitResult,
        document,
        {"_check": functools.partial(_check_split, model, argument, ids, rules)},
        teams=lambda items: [_build(SplitTeam, team) for team in items],
    )


@dataclass(frozen=True)
class GeneralizedSolution(_Result):
    """A generalized assignment: ``agent_of_job[j]`` is job j's agent (when ``solved``)."""

    status: Status
    """OPTIMAL when proven, FEASIBLE for an assignment within the capacities, INFEASIBLE when
    proven that none exists, NO_SOLUTION_FOUND otherwise."""
    termination: Termination
    agent_of_job: list[int]
    cost: float
    bound: float
    """No assignment does better: the Lagrangian (knapsack) bound, the cost itself if optimal."""
    relative_gap: float
    time_to_best_s: float
    time_s: float

    _check: Any = field(repr=False, compare=False, default=None)

    @property
    def solved(self) -> bool:
        """True when there is an assignment (OPTIMAL or FEASIBLE)."""
        return self.status in (Status.OPTIMAL, Status.FEASIBLE)

    def check(self) -> list[str]:
        """The independent checker's findings about this solution against the problem it
        solves: empty when every claim holds."""
        findings: list[str] = self._check(self)
        return findings

    def to_dict(self) -> dict[str, Any]:
        """The solution as plain values (the document `teamwright assign generalized --json`
        prints, with 0-based agents)."""
        return _plain(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per job: its agent (0-based)."""
        return pd.DataFrame(
            {"job": np.arange(len(self.agent_of_job)), "agent": np.asarray(self.agent_of_job)}
        )


def _generalized_problem(
    cost: npt.ArrayLike, weight: npt.ArrayLike, capacity: npt.ArrayLike
) -> _core.GeneralizedProblem:
    """The problem of agents x jobs matrices and one capacity per agent, their shapes checked."""
    c = np.ascontiguousarray(cost, dtype=np.float64)
    w = np.ascontiguousarray(weight, dtype=np.float64)
    b = np.ascontiguousarray(capacity, dtype=np.float64)
    if c.ndim != 2:
        raise InvalidInputError(
            f"generalized assignment: cost must be agents x jobs, got {c.shape}"
        )
    if w.shape != c.shape:
        raise InvalidInputError(
            f"generalized assignment: weight must have cost's shape {c.shape}, got {w.shape}"
        )
    if b.shape != (c.shape[0],):
        raise InvalidInputError(
            f"generalized assignment: capacity needs one value per agent ({c.shape[0]}), "
            f"got shape {b.shape}"
        )
    return _core.generalized_from_arrays(c, w, b)


def read_generalized(path: str | os.PathLike[str]) -> _core.GeneralizedProblem:
    """Reads a generalized assignment file (OR-Library gap / Chu-Beasley / Yagiura format)."""
    return _core.read_generalized(os.fspath(path))


def assign_generalized(
    problem: _core.GeneralizedProblem | None = None,
    *,
    cost: Any = None,
    weight: Any = None,
    capacity: Any = None,
    maximize: bool = False,
    max_moves: int = 0,
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
    progress: bool = False,
    cancel: CancellationToken | None = None,
) -> GeneralizedSolution:
    """Assign every job to one agent within the agents' capacities at least (or most) cost.

    Give a problem from `read_generalized`, or ``cost`` and ``weight`` (agents x jobs) and
    ``capacity`` (one per agent) as arrays. Tabu search, then a Lagrangian branch-and-bound and
    a large neighbourhood search built on it (docs/algorithms.md; "heuristic" mode skips the
    proof, "exact" the neighbourhood search): it runs until ``time_limit`` seconds, until the
    answer is proven optimal, or until ``max_moves`` tabu moves and branch-and-bound nodes; with
    a move limit the same seed gives the same answer. Single-threaded. ``solution.check()`` runs
    the independent checker on the answer.
    """
    if problem is None:
        if cost is None or weight is None or capacity is None:
            raise InvalidInputError(
                "assign_generalized: give a problem, or cost, weight and capacity"
            )
        problem = _generalized_problem(cost, weight, capacity)
    with progress_hook(on_progress, progress, time_limit, "generalized") as callback:
        document = _core.solve_generalized(
            problem,
            bool(maximize),
            int(max_moves),
            mode,
            _time_limit(time_limit),
            seed,
            threads,
            callback,
            cancel,
        )
    check = functools.partial(_check_generalized, problem, bool(maximize))
    infinity = -math.inf if maximize else math.inf
    return _build_result(
        GeneralizedSolution,
        document,
        {"_check": check},
        bound=lambda bound: _infinite_if_null(bound, infinity),
    )


def _check_generalized(
    problem: _core.GeneralizedProblem, maximize: bool, solution: GeneralizedSolution
) -> list[str]:
    return list(_core.check_generalized(problem, maximize, solution.to_dict()))


@dataclass(frozen=True)
class Seat:
    """A seat to staff: a role in some team, taking ``fte`` (0-1] of one person's time."""

    id: str
    role: str
    fte: float = 1.0


@dataclass(frozen=True)
class SeatAssignment:
    """One person in one seat, with the reasons."""

    person: str
    seat: str
    fit: float
    """The importance-weighted share of the seat's role levels the person meets, in [0, 1]."""
    preferred_role: bool


@dataclass(frozen=True)
class StaffingResult(_Result):
    """The staffing filling the most seats with the greatest total fit."""

    assignments: list[SeatAssignment]
    unfilled_seats: list[str]
    """Seats nobody eligible had time left for."""
    load: dict[str, float]
    """FTE each person takes."""
    total_fit: float
    objective: float
    """What is maximised: the total fit less (seats + 1) per unfilled seat; ``bound`` bounds
    it."""
    status: Status
    termination: Termination
    bound: float
    relative_gap: float
    time_to_best_s: float
    time_s: float

    def to_dict(self) -> dict[str, Any]:
        """The result as plain values (the document `teamwright assign staff --json` prints)."""
        return _plain(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per person in a seat: person, seat, fit and whether the role is preferred."""
        return records(self.assignments, SeatAssignment)


def assign_staff(
    model: Model,
    people: Iterable[str] | Any,
    seats: Iterable[Seat | dict[str, Any]],
    *,
    max_moves: int = 0,
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
    progress: bool = False,
    cancel: CancellationToken | None = None,
) -> StaffingResult:
    """Staff ``seats`` from ``people``, each person taking seats up to their availability (FTE):
    the most seats filled, then the greatest total role fit; hard role requirements decide who
    may take a seat. A generalized assignment solved by `assign_generalized` (same options)
    within ``time_limit`` seconds or ``max_moves`` moves and nodes (then the same seed gives the
    same answer).
    """
    parsed = [s if isinstance(s, Seat) else Seat(**s) for s in seats]
    ids = _person_ids(people)
    with progress_hook(on_progress, progress, time_limit, "staff") as callback:
        document = _core.assign_staff(
            model._core,
            ids,
            [(s.id, s.role, float(s.fte)) for s in parsed],
            int(max_moves),
            mode,
            _time_limit(time_limit),
            seed,
            threads,
            callback,
            cancel,
        )
    return _build_result(
        StaffingResult,
        document,
        assignments=lambda items: [_build(SeatAssignment, a) for a in items],
        load=lambda load: dict(zip(ids, load, strict=True)),
    )


place = _renamed("place", assign_roles)
mentoring_pairs = _renamed("mentoring_pairs", assign_mentors)
staff = _renamed("staff", assign_staff)
solve_gap = _renamed("solve_gap", assign_generalized)
read_gap = _renamed("read_gap", read_generalized)


def __getattr__(name: str) -> Any:
    if name == "GapSolution":
        _deprecated("GapSolution", "GeneralizedSolution")
        return GeneralizedSolution
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
