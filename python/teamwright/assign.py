"""Putting people where they fit: linear assignment, roles and shifts, mentoring pairs.

`linear_sum_assignment` has the contract of `scipy.optimize.linear_sum_assignment` — the same
arguments, the same ``(row_ind, col_ind)`` answer with rows ascending, ``+inf`` (``-inf`` when
maximising) forbidding a pair and ``ValueError`` when no assignment exists — and is solved by
teamwright's Jonker-Volgenant solver (docs/algorithms.md). Float and integer matrices whose rows
are contiguous are read in place, without a copy; integer matrices are solved in exact integer
arithmetic.

`split` divides a pool into k teams that each meet a request as well as possible (worst team
first, then the average) under classroom and staffing rules. `place` puts a team's members into
role and shift slots (hard role requirements decide who may hold a role; fit and preferences
decide who should), and `mentoring_pairs` pairs members below a target level with colleagues
strong enough to lift them. Placement and mentoring are exact.

Every solver but `linear_sum_assignment` keeps the solve contract of `teamwright.solving`: the
keyword options ``mode``, ``time_limit``, ``seed``, ``threads`` and ``on_progress``, and results
with ``status``, ``termination``, ``bound``, ``gap``, ``time_to_best_s`` and ``time_s``; Ctrl-C
returns the best answer so far with termination INTERRUPTED.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from teamwright import _core
from teamwright.errors import InvalidInputError, OutOfRangeError
from teamwright.model import Model, TeamRequest
from teamwright.solving import (
    DEFAULT_TIME_LIMIT,
    Mode,
    Progress,
    Status,
    Termination,
    _build,
    _callback,
    _time_limit,
)

__all__ = [
    "GapSolution",
    "MentoringGoal",
    "MentoringPair",
    "MentoringResult",
    "Placement",
    "PlacementResult",
    "Seat",
    "Slot",
    "SplitResult",
    "SplitTeam",
    "StaffingResult",
    "linear_sum_assignment",
    "mentoring_pairs",
    "place",
    "read_gap",
    "solve_gap",
    "split",
    "staff",
]

_INT64_MAX = np.iinfo(np.int64).max


def _rows_contiguous(array: np.ndarray) -> bool:
    return array.shape[1] <= 1 or array.strides[1] == array.itemsize


def _prepare(cost: np.ndarray) -> np.ndarray:
    kind = cost.dtype.kind
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
    cost_matrix, maximize: bool = False, *, forbidden=None
) -> tuple[np.ndarray, np.ndarray]:
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


@dataclass(frozen=True)
class Slot:
    """A place for one member: a role to hold, a shift to work, or both."""

    id: str
    role: str = ""
    shift: str = ""


@dataclass(frozen=True)
class Placement:
    """One member in one slot, with the reasons."""

    person: str
    slot: str
    fit: float
    """The importance-weighted share of the role's levels the person meets, in [0, 1]; 0 for a
    slot without a role, where only preferences count."""
    preferred_role: bool
    preferred_shift: bool


def _contract(document: dict[str, Any]) -> dict[str, Any]:
    """The solve contract's fields of a result document, as Python values."""
    return {
        "status": Status(document["status"]),
        "termination": Termination(document["termination"]),
        "bound": document["bound"],
        "gap": document["gap"],
        "time_to_best_s": document["time_to_best_s"],
        "time_s": document["time_s"],
    }


def _plain(result: Any) -> dict[str, Any]:
    document = asdict(result)
    for key in ("status", "termination"):
        document[key] = document[key].value
    document.pop("_check", None)
    return document


@dataclass(frozen=True)
class PlacementResult:
    """The placement filling the most slots with the greatest total fit plus bonus (exact)."""

    placements: list[Placement]
    unfilled_slots: list[str]
    """Too few members, or nobody left who meets the role's hard requirements."""
    unplaced: list[str]
    total_fit: float
    total_bonus: float
    status: Status
    termination: Termination
    bound: float
    gap: float
    time_to_best_s: float
    time_s: float

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True)
class MentoringGoal:
    """Members below ``target_level`` in ``competency`` are mentees; members at ``mentor_level``
    (default: the target) or above may mentor them. ``importance`` (1-5) weighs the gains."""

    competency: str
    target_level: float
    mentor_level: float | None = None
    importance: int = 3


@dataclass(frozen=True)
class MentoringPair:
    mentor: str
    mentee: str
    competencies: list[str] = field(default_factory=list)
    benefit: float = 0.0
    """Sum over the competencies of importance x (target - mentee's level)."""


@dataclass(frozen=True)
class MentoringResult:
    """The pairs of greatest total benefit (exact)."""

    pairs: list[MentoringPair]
    unpaired_mentees: list[str]
    total_benefit: float
    status: Status
    termination: Termination
    bound: float
    gap: float
    time_to_best_s: float
    time_s: float

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


def _members(members: Iterable[str] | Any) -> list[str]:
    """Member ids from ids or from a TeamResult."""
    ids = getattr(members, "member_ids", members)
    if isinstance(ids, str):
        raise InvalidInputError("members: expected a list of person ids, got a single string")
    return [str(m) for m in ids]


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


def place(
    model: Model,
    members: Iterable[str] | Any,
    slots: Iterable[Slot | dict[str, str]],
    *,
    preference_bonus: float = 0.25,
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
) -> PlacementResult:
    """Put each member into at most one slot and each slot holds at most one member: fill as
    many slots as possible, then maximise the total fit plus ``preference_bonus`` for every
    preferred role and preferred shift. ``members`` is a list of person ids or a TeamResult.
    Exact in every mode.
    """
    parsed = [_slot(s) for s in slots]
    document = _core.place(
        model._core,
        _members(members),
        [(s.id, s.role, s.shift) for s in parsed],
        float(preference_bonus),
        mode,
        _time_limit(time_limit),
        seed,
        threads,
        _callback(on_progress),
    )
    return PlacementResult(
        placements=[_build(Placement, p) for p in document["placements"]],
        unfilled_slots=document["unfilled_slots"],
        unplaced=document["unplaced"],
        total_fit=document["total_fit"],
        total_bonus=document["total_bonus"],
        **_contract(document),
    )


def mentoring_pairs(
    model: Model,
    members: Iterable[str] | Any,
    goals: Iterable[MentoringGoal | dict[str, Any]],
    *,
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
) -> MentoringResult:
    """Pair members one-to-one (each mentors at most one colleague and is mentored by at most
    one) so that the total benefit over the goals is greatest. Exact in every mode."""
    parsed = [g if isinstance(g, MentoringGoal) else MentoringGoal(**g) for g in goals]
    document = _core.mentoring_pairs(
        model._core,
        _members(members),
        [(g.competency, float(g.target_level), g.mentor_level, int(g.importance)) for g in parsed],
        mode,
        _time_limit(time_limit),
        seed,
        threads,
        _callback(on_progress),
    )
    return MentoringResult(
        pairs=[_build(MentoringPair, p) for p in document["pairs"]],
        unpaired_mentees=document["unpaired_mentees"],
        total_benefit=document["total_benefit"],
        **_contract(document),
    )


@dataclass(frozen=True)
class SplitTeam:
    members: list[str]
    coverage: float
    """Importance-weighted mean over the request's requirements of min(provided / needed, 1)."""


@dataclass(frozen=True)
class SplitResult:
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
    gap: float
    time_to_best_s: float
    time_s: float
    _check: Any = field(repr=False, compare=False, default=None)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def check(self) -> list[str]:
        """The independent checker's findings: empty when every claim holds."""
        return self._check(self)


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


def split(
    model: Model,
    request: str | TeamRequest | dict,
    teams: int,
    *,
    pool: Iterable[str] | None = None,
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
) -> SplitResult:
    """Split ``pool`` (person ids; default everyone available) into ``teams`` teams that each
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
    people = [] if pool is None else _members(pool)
    argument = request.to_dict() if isinstance(request, TeamRequest) else request
    document = _core.split(
        model._core,
        argument,
        people,
        _split_rules(rules),
        mode,
        _time_limit(time_limit),
        seed,
        threads,
        _callback(on_progress),
    )

    return SplitResult(
        teams=[_build(SplitTeam, team) for team in document["teams"]],
        worst_coverage=document["worst_coverage"],
        average_coverage=document["average_coverage"],
        violations=document["violations"],
        _check=functools.partial(_check_split, model, argument, people, rules),
        **_contract(document),
    )


@dataclass(frozen=True)
class GapSolution:
    """A generalized assignment: ``agent_of_job[j]`` is job j's agent (when ``solved``)."""

    status: Status
    """OPTIMAL when proven, FEASIBLE for an assignment within the capacities, INFEASIBLE when
    proven that none exists, NO_SOLUTION_FOUND otherwise."""
    termination: Termination
    agent_of_job: list[int]
    cost: float
    bound: float
    """No assignment does better: the Lagrangian (knapsack) bound, the cost itself if optimal."""
    gap: float
    time_to_best_s: float
    time_s: float

    _check: Any = field(repr=False, compare=False, default=None)

    @property
    def solved(self) -> bool:
        return self.status in (Status.OPTIMAL, Status.FEASIBLE)

    def check(self) -> list[str]:
        """The independent checker's findings about this solution against the problem it
        solves: empty when every claim holds."""
        return self._check(self)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


def read_gap(path: str) -> Any:
    """Reads a generalized assignment file (OR-Library gap / Chu-Beasley / Yagiura format)."""
    return _core.read_gap(str(path))


def solve_gap(
    problem: Any = None,
    *,
    cost=None,
    weight=None,
    capacity=None,
    maximize: bool = False,
    max_moves: int = 0,
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
) -> GapSolution:
    """Assign every job to one agent within the agents' capacities at least (or most) cost.

    Give a problem from `read_gap`, or ``cost`` and ``weight`` (agents x jobs) and ``capacity``
    (one per agent) as arrays. Tabu search, then a Lagrangian branch-and-bound and a large
    neighbourhood search built on it (docs/algorithms.md; "heuristic" mode skips the proof,
    "exact" the neighbourhood search): it runs until ``time_limit`` seconds, until the answer
    is proven optimal, or until ``max_moves`` tabu moves and branch-and-bound nodes; with a move
    limit the same seed gives the same answer. Single-threaded. ``solution.check()`` runs the
    independent checker on the answer.
    """
    if problem is None:
        if cost is None or weight is None or capacity is None:
            raise InvalidInputError("solve_gap: give a problem, or cost, weight and capacity")
        problem = _core.gap_from_arrays(
            np.asarray(cost, dtype=float).tolist(),
            np.asarray(weight, dtype=float).tolist(),
            np.asarray(capacity, dtype=float).tolist(),
        )
    document = _core.solve_gap(
        problem,
        bool(maximize),
        int(max_moves),
        mode,
        _time_limit(time_limit),
        seed,
        threads,
        _callback(on_progress),
    )

    check = functools.partial(_check_gap, problem, bool(maximize))
    return _build(GapSolution, document, {"_check": check}, status=Status, termination=Termination)


def _check_gap(problem: Any, maximize: bool, solution: GapSolution) -> list[str]:
    return list(_core.check_gap(problem, maximize, solution.to_dict()))


@dataclass(frozen=True)
class Seat:
    """A seat to staff: a role in some team, taking ``fte`` (0-1] of one person's time."""

    id: str
    role: str
    fte: float = 1.0


@dataclass(frozen=True)
class StaffingResult:
    placements: list[Placement]
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
    gap: float
    time_to_best_s: float
    time_s: float

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


def staff(
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
) -> StaffingResult:
    """Staff ``seats`` from ``people``, each person taking seats up to their availability (FTE):
    the most seats filled, then the greatest total role fit; hard role requirements decide who
    may take a seat. A generalized assignment solved by `solve_gap` (same options) within
    ``time_limit`` seconds or ``max_moves`` moves and nodes (then the same seed gives the same
    answer).
    """
    parsed = [s if isinstance(s, Seat) else Seat(**s) for s in seats]
    ids = _members(people)
    document = _core.staff(
        model._core,
        ids,
        [(s.id, s.role, float(s.fte)) for s in parsed],
        int(max_moves),
        mode,
        _time_limit(time_limit),
        seed,
        threads,
        _callback(on_progress),
    )
    return StaffingResult(
        placements=[_build(Placement, p) for p in document["placements"]],
        unfilled_seats=document["unfilled_seats"],
        load=dict(zip(ids, document["load"], strict=True)),
        total_fit=document["total_fit"],
        objective=document["objective"],
        **_contract(document),
    )
