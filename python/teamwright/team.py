"""Assembling teams and reporting gaps: results as Python objects that convert to plain dicts."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from teamwright import _core
from teamwright.errors import OutOfRangeError
from teamwright.frames import choose_table, flat, flat_columns, frame, records
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
    _renamed_keywords,
    _Result,
    _time_limit,
)


@dataclass(frozen=True)
class CoverageRow:
    """One requirement or slot of a request, and who covers it (a row of the coverage table)."""

    requirement: str
    kind: str
    """"count", "fte", "everyone", "role" or "leader"."""
    competency: str | None
    role: str | None
    min_level: float | None
    needed: float
    """Members (count, role, leader), FTE (fte) or the team's size (everyone)."""
    provided: float
    shortfall: float
    covered_by: list[str]
    met: bool
    hard: bool
    importance: int


@dataclass(frozen=True)
class Replacement:
    """The best team without one member, and how it compares."""

    status: Status
    """OPTIMAL when proven best; INFEASIBLE when no team meets the request without them."""
    team: list[str]
    cost: float
    objective: float
    extra_cost: float
    extra_objective: float
    brings_in: list[str]


@dataclass(frozen=True)
class Member:
    """A member and why they are on the team."""

    id: str
    name: str
    role: str | None
    slot: str | None
    """The slot (coverage row) the member holds."""
    cost: float
    external: bool
    unique: list[str]
    """Requirements that would no longer be met without this member."""
    shared: list[str]
    """Requirements this member counts for that the others would still meet."""
    contributes: list[str]
    """Every requirement this member counts for."""
    replacement: Replacement | None
    """The price of replacement (None when skipped or when the request insists on them)."""
    summary: str
    """What the member brings, in a manager's words."""


@dataclass(frozen=True)
class Unmet:
    """Requirements too few eligible people can meet."""

    requirements: list[str]
    needed: float
    capable: int
    capable_people: list[str]


@dataclass(frozen=True)
class Constraint:
    """A constraint of a request as a diagnosis names it."""

    kind: str
    """"requirement", "role_slot", "min_leaders", "max_leaders", "budget", "min_size",
    "max_size", "must_include", "exclude", "incompatible", "robust" or "min_availability"."""
    index: int
    """Its position in the request's list of that kind (requirements, roles, ...)."""
    text: str


@dataclass(frozen=True)
class Relaxation:
    """One change that makes the request possible, with the team it makes possible."""

    kind: str
    """"raise", "lower", "drop" or "hire"."""
    constraint: Constraint
    value: float
    profile: list[dict[str, Any]]
    """For a hire: the competencies and levels a job posting must ask for."""
    profile_roles: list[str]
    hire_cost: float
    status: Status
    team: list[str]
    cost: float
    text: str


@dataclass(frozen=True)
class Diagnosis:
    """Why a request cannot be met, and what would make it possible."""

    conflict: list[Constraint]
    """Constraints that cannot hold together."""
    minimal: bool
    """Whether every search of the deletion filter finished: dropping any one constraint of the
    conflict then makes the rest possible."""
    relaxations: list[Relaxation]
    """Cheapest team first."""
    summary: str


@dataclass(frozen=True)
class TeamResult(_Result):
    """The answer to a team request."""

    request: str
    status: Status
    termination: Termination
    cost: float
    size: int
    objective: float
    penalty: float
    bound: float
    relative_gap: float
    """(objective - bound) / max(|objective|, |bound|); 0 when proven optimal, inf without a
    team."""
    time_to_best_s: float
    time_s: float
    weighted_coverage: float
    members: list[Member]
    coverage: list[CoverageRow]
    unmet: list[Unmet]
    reasons: list[str]
    diagnosis: Diagnosis | None
    _document: dict[str, Any] = field(repr=False)

    @property
    def member_ids(self) -> list[str]:
        """The members' person ids, in the order of ``members``."""
        return [member.id for member in self.members]

    @property
    def solved(self) -> bool:
        """Whether the team meets every hard requirement and constraint."""
        return self.status in (Status.OPTIMAL, Status.FEASIBLE)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain dicts and lists (the CLI's ``--json`` output)."""
        return _copy(self._document)

    def to_frame(
        self, table: Literal["members", "coverage", "contributions"] = "members"
    ) -> pd.DataFrame:
        """A flat table, one row per record: ``members`` (each member with their price of
        replacement), ``coverage`` (one row per requirement and member covering it; a row
        with no ``person`` where nobody does) or ``contributions`` (member, requirement and
        whether the member is essential to it)."""
        return choose_table(
            table,
            {
                "members": lambda: records(self.members, Member),
                "coverage": lambda: coverage_frame(self.coverage),
                "contributions": lambda: frame(
                    (
                        {"member": m.id, "requirement": r, "unique": r in m.unique}
                        for m in self.members
                        for r in m.contributes
                    ),
                    ["member", "requirement", "unique"],
                ),
            },
        )

    def _repr_html_(self) -> str:
        from teamwright.display import result_html

        return result_html(self)

    def __repr__(self) -> str:
        return (
            f"<TeamResult {self.request!r}: {self.status.value}, "
            f"members={self.member_ids}, cost={_readable(self.cost)}>"
        )


@dataclass(frozen=True)
class TrainingOption:
    """A member who could close a trainable gap by training: their level and how far below."""

    id: str
    level: float
    shortfall: float


@dataclass(frozen=True)
class Gap:
    """A shortfall of a team against a request, and the ways to close it."""

    requirement: str
    competency: str
    role: str | None
    min_level: float
    min_label: str
    """The scale's label of ``min_level``."""
    importance: int
    hard: bool
    missing: float
    shortfall: float
    priority: float
    """importance x shortfall."""
    trainable: bool
    train: list[TrainingOption]
    transfer: list[str]
    hire: list[str]
    needs_hire: bool


@dataclass(frozen=True)
class GapReport:
    """Every shortfall of a team against a request, highest priority first (`gap_report`)."""

    request: str
    team: list[str]
    coverage: list[CoverageRow]
    gaps: list[Gap]
    """Highest priority first."""
    _document: dict[str, Any] = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain dicts and lists (the document `teamwright gaps --json` prints)."""
        return _copy(self._document)

    def to_frame(self, table: Literal["gaps", "coverage", "options"] = "gaps") -> pd.DataFrame:
        """A flat table, one row per record: ``gaps`` (highest priority first), ``coverage``
        (as `TeamResult.to_frame`) or ``options`` (one row per gap and way to close it:
        ``way`` "train" with the member's level, "transfer" or "hire")."""

        def options() -> pd.DataFrame:
            rows: list[dict[str, Any]] = []
            for gap in self.gaps:
                rows += [
                    {
                        "requirement": gap.requirement,
                        "way": "train",
                        "person": o.id,
                        "level": o.level,
                        "shortfall": o.shortfall,
                    }
                    for o in gap.train
                ]
                for way, people in (("transfer", gap.transfer), ("hire", gap.hire)):
                    rows += [
                        {
                            "requirement": gap.requirement,
                            "way": way,
                            "person": p,
                            "level": None,
                            "shortfall": None,
                        }
                        for p in people
                    ]
            return frame(rows, ["requirement", "way", "person", "level", "shortfall"])

        return choose_table(
            table,
            {
                "gaps": lambda: records(self.gaps, Gap),
                "coverage": lambda: coverage_frame(self.coverage),
                "options": options,
            },
        )

    def _repr_html_(self) -> str:
        from teamwright.display import gap_report_html

        return gap_report_html(self)


RequestLike = str | TeamRequest | dict[str, Any]


def _request_argument(request: RequestLike) -> str | dict[str, Any]:
    if isinstance(request, TeamRequest):
        return request.to_dict()
    return request


def _copy(document: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of a result document (plain dicts, lists and scalars)."""
    return copy.deepcopy(document)


def coverage_frame(rows: list[CoverageRow]) -> pd.DataFrame:
    """One row per coverage row and member covering it (``person`` None where nobody does)."""
    return frame(
        (
            {**flat(row), "person": person}
            for row in rows
            for person in (row.covered_by or [None])  # type: ignore[list-item]
        ),
        [*flat_columns(CoverageRow), "person"],
    )


def _readable(value: float) -> str:
    """12,500 rather than 1.25e+04."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _coverage(rows: list[dict[str, Any]]) -> list[CoverageRow]:
    return [_build(CoverageRow, row) for row in rows]


def _member(data: dict[str, Any]) -> Member:
    return _build(
        Member,
        data,
        replacement=lambda r: None if r is None else _build(Replacement, r, status=Status),
    )


def _diagnosis(data: dict[str, Any] | None) -> Diagnosis | None:
    if data is None:
        return None

    def constraint(c: dict[str, Any]) -> Constraint:
        return _build(Constraint, c)

    return _build(
        Diagnosis,
        data,
        conflict=lambda items: [constraint(c) for c in items],
        relaxations=lambda items: [
            _build(Relaxation, r, constraint=constraint, status=Status) for r in items
        ],
    )


def _result(document: dict[str, Any]) -> TeamResult:
    return _build_result(
        TeamResult,
        document,
        _extra={"_document": document},
        members=lambda items: [_member(m) for m in items],
        coverage=_coverage,
        unmet=lambda items: [_build(Unmet, u) for u in items],
        reasons=list,
        diagnosis=_diagnosis,
    )


def solve(
    model: Model,
    request: RequestLike,
    *,
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
    progress: bool = False,
    cancel: CancellationToken | None = None,
    replacements: bool = True,
) -> TeamResult:
    """Assembles the team that best meets ``request`` and explains it.

    ``request`` is the id of one of the model's requests, a `TeamRequest` or a request
    document. ``mode`` "auto" (the default) runs the heuristic, then the exact search for the
    rest of ``time_limit`` seconds (None: no limit), so requests the size of the bundled ones
    come back OPTIMAL; "heuristic" and "exact" run one of them. ``threads`` workers share the
    exact search; ``seed`` fixes the randomised parts. ``on_progress`` receives a `Progress`
    (incumbent, bound, elapsed time) when the best team improves. ``replacements`` prices each
    member's replacement by re-solving without them (skip it for large pools).

    The time limit covers the whole call, explanations included. Ctrl-C stops the solve and
    returns the best team so far with termination INTERRUPTED, ``cancel`` (a
    `CancellationToken`) from another thread with CANCELLED; an exception raised by
    ``on_progress`` stops it and propagates. A request that cannot be met returns a result with
    its diagnosis; a request that breaks a rule raises. The GIL is released while solving.
    """
    with progress_hook(on_progress, progress, time_limit, "team") as callback:
        document = _core.solve(
            model._core,
            _request_argument(request),
            mode,
            _time_limit(time_limit),
            seed,
            threads,
            callback,
            cancel,
            replacements,
        )
    return _result(document)


def compile_request(model: Model, request: RequestLike) -> _core.CoverProblem:
    """The covering problem ``request`` compiles to (docs/model.md), to solve with
    `teamwright.cover.solve` or to hand to other solvers through ``to_arrays()``."""
    return _core.compile_request(model._core, _request_argument(request))


def check(model: Model, request: RequestLike, result: TeamResult | dict[str, Any]) -> list[str]:
    """The independent checker's findings about a result: empty when every claim holds.

    ``result`` is a `TeamResult` or its ``to_dict()`` document (e.g. a saved ``--json``
    output): the checker reads the claims the document makes and recomputes each of them."""
    document = result.to_dict() if isinstance(result, TeamResult) else result
    return list(_core.check(model._core, _request_argument(request), document))


@_renamed_keywords(team="people")
def gap_report(
    model: Model, request: RequestLike, people: Any, *, top_k: int | None = None
) -> GapReport:
    """Every shortfall of ``people`` (person ids or a TeamResult) against ``request``, highest
    priority (importance x shortfall) first, or only the ``top_k`` first ("a few gaps at a
    time"), with the members to train and the employees to transfer or candidates to hire who
    may join the team and qualify for the role a gap belongs to."""
    ids = _person_ids(people)
    if top_k is not None and top_k < 0:
        raise OutOfRangeError(f"gap_report: top_k {top_k} must be >= 0")
    document = _core.gap_report(model._core, _request_argument(request), ids, top_k)
    gaps = [
        _build(Gap, gap, train=lambda options: [_build(TrainingOption, o) for o in options])
        for gap in document["gaps"]
    ]
    return _build(
        GapReport,
        document,
        _extra={"_document": document, "gaps": gaps},
        team=list,
        coverage=_coverage,
    )


def __getattr__(name: str) -> Any:
    if name == "Coverage":
        _deprecated("Coverage", "CoverageRow")
        return CoverageRow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
