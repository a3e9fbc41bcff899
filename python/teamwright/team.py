"""Assembling teams and reporting gaps: results as Python objects that convert to plain dicts."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from teamwright import _core
from teamwright.model import Model, TeamRequest


class Status(enum.Enum):
    OPTIMAL = "optimal"
    """Proven optimal."""
    FEASIBLE = "feasible"
    """Meets every hard requirement and constraint; not proven optimal."""
    INFEASIBLE = "infeasible"
    """Proven impossible: `unmet` and `reasons` say why; `members` is the best partial team."""
    NO_SOLUTION_FOUND = "no_solution_found"
    """The solver found no team and could not prove none exists."""


@dataclass(frozen=True)
class Coverage:
    """One requirement or role slot of a request, and who covers it."""

    requirement: str
    kind: str
    """"count", "everyone" or "role"."""
    competency: str | None
    role: str | None
    min_level: float | None
    needed: int
    provided: int
    covered_by: list[str]
    met: bool
    hard: bool
    importance: int


@dataclass(frozen=True)
class Member:
    """A member and why they are on the team."""

    id: str
    name: str
    role: str | None
    cost: float
    external: bool
    unique: list[str]
    """Requirements that would no longer be met without this member."""
    contributes: list[str]
    """Requirements this member counts for."""


@dataclass(frozen=True)
class Unmet:
    """Requirements too few eligible people can meet (together, when several)."""

    requirements: list[str]
    needed: int
    capable: int
    capable_people: list[str]


@dataclass(frozen=True)
class TeamResult:
    """The answer to a team request."""

    request: str
    status: Status
    cost: float
    size: int
    objective: float
    bound: float
    members: list[Member]
    coverage: list[Coverage]
    unmet: list[Unmet]
    reasons: list[str]
    _document: dict[str, Any]
    _handle: Any

    @property
    def member_ids(self) -> list[str]:
        return [member.id for member in self.members]

    @property
    def solved(self) -> bool:
        """Whether the team meets every hard requirement and constraint."""
        return self.status in (Status.OPTIMAL, Status.FEASIBLE)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain dicts and lists (the CLI's ``--json`` output)."""
        return _copy(self._document)

    def __repr__(self) -> str:
        return (
            f"<TeamResult {self.request!r}: {self.status.value}, "
            f"members={self.member_ids}, cost={self.cost:g}>"
        )


@dataclass(frozen=True)
class TrainingOption:
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
    importance: int
    hard: bool
    missing: int
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
    request: str
    team: list[str]
    coverage: list[Coverage]
    gaps: list[Gap]
    """Highest priority first."""
    _document: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return _copy(self._document)


RequestLike = str | TeamRequest | dict


def _request_argument(request: RequestLike) -> str | dict:
    if isinstance(request, TeamRequest):
        return request.to_dict()
    return request


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _coverage(rows: list[dict[str, Any]]) -> list[Coverage]:
    return [Coverage(**row) for row in rows]


def solve(model: Model, request: RequestLike) -> TeamResult:
    """Assembles the team that covers ``request`` at least cost (or size) and explains it.

    ``request`` is the id of one of the model's requests, a `TeamRequest` or a request
    document. A request that cannot be met returns an infeasible result; a request that breaks
    a rule raises. The GIL is released while solving. Deterministic.
    """
    handle, document = _core.solve(model._core, _request_argument(request))
    return TeamResult(
        request=document["request"],
        status=Status(document["status"]),
        cost=document["cost"],
        size=document["size"],
        objective=document["objective"],
        bound=document["bound"],
        members=[Member(**member) for member in document["members"]],
        coverage=_coverage(document["coverage"]),
        unmet=[Unmet(**unmet) for unmet in document["unmet"]],
        reasons=list(document["reasons"]),
        _document=document,
        _handle=handle,
    )


def check(model: Model, request: RequestLike, result: TeamResult) -> list[str]:
    """The independent checker's findings about a result: empty when every claim holds."""
    return list(_core.check(model._core, _request_argument(request), result._handle))


def gap_report(model: Model, request: RequestLike, team: list[str]) -> GapReport:
    """Every shortfall of ``team`` (person ids) against ``request``, highest priority first,
    with the members to train, the employees to transfer and the candidates to hire."""
    document = _core.gap_report(model._core, _request_argument(request), list(team))
    gaps = [
        Gap(**{**gap, "train": [TrainingOption(**option) for option in gap["train"]]})
        for gap in document["gaps"]
    ]
    return GapReport(
        request=document["request"],
        team=list(document["team"]),
        coverage=_coverage(document["coverage"]),
        gaps=gaps,
        _document=document,
    )
