"""Gap closure as an optimisation: the cheapest mix of training members, transferring employees
in and hiring candidates that closes every hard gap of a team (docs/model.md#gap-closure),
shown beside the pure alternatives: train only, transfer only, hire only."""

from __future__ import annotations

import datetime
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from teamwright import _core
from teamwright.errors import InvalidInputError
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
    _Result,
    _time_limit,
)
from teamwright.team import _request_argument

__all__ = [
    "ClosureAction",
    "ClosureResult",
    "DevelopmentGoal",
    "DevelopmentPlan",
    "Plan",
    "close_gaps",
    "plan",
]


@dataclass(frozen=True)
class ClosureAction:
    """One step of a closure: train a member in a competency, transfer an employee in, or hire."""

    kind: str
    """"train", "transfer" or "hire"."""
    person: str
    competency: str | None
    from_level: float | None
    to_level: float | None
    to_label: str | None
    """The scale's label of the target level."""
    cost: float
    weeks: float
    """Training time; 0 for transfers and hires."""


@dataclass(frozen=True)
class ClosureResult(_Result):
    """The cheapest closure found, its cost split by kind and its time, and with
    ``alternatives`` the pure ones ("train_only", "transfer_only", "hire_only")."""

    status: Status
    """OPTIMAL when proven cheapest; INFEASIBLE when no closure exists (``reasons`` says why)."""
    cost: float
    training_cost: float
    transfer_cost: float
    hire_cost: float
    weeks: float
    """The longest member's training, in weeks (trainings of one member run one after the other)."""
    actions: list[ClosureAction]
    team: list[str]
    """The team after the closure."""
    reasons: list[str]
    termination: Any
    bound: float
    relative_gap: float
    time_to_best_s: float
    time_s: float
    alternatives: dict[str, ClosureResult] = field(default_factory=dict)
    _document: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @property
    def closed(self) -> bool:
        """True when every hard gap is closed (OPTIMAL or FEASIBLE)."""
        return self.status in (Status.OPTIMAL, Status.FEASIBLE)

    def to_dict(self) -> dict[str, Any]:
        """The closure as plain values (docs/format.md#gap-closures), alternatives included."""
        out = dict(self._document)
        if self.alternatives:
            out["alternatives"] = {k: v.to_dict() for k, v in self.alternatives.items()}
        return out

    def to_frame(self, table: Literal["actions", "alternatives"] = "actions") -> pd.DataFrame:
        """A flat table: ``actions`` (one row per step) or ``alternatives`` (one row per
        closure, the cheapest first: ``closure`` "cheapest", "train_only", ...)."""
        summary = [c for c in flat_columns(ClosureResult) if c != "alternatives"]
        return choose_table(
            table,
            {
                "actions": lambda: records(self.actions, ClosureAction),
                "alternatives": lambda: frame(
                    (
                        {"closure": name, **flat(c)}
                        for name, c in [("cheapest", self), *self.alternatives.items()]
                    ),
                    ["closure", *summary],
                ),
            },
        )

    def _repr_html_(self) -> str:
        from teamwright.display import closure_html

        return closure_html(self)


def _weeks(model: Model, deadline: str | datetime.date | float | None) -> float | None:
    """The deadline as weeks from ``model.as_of``: a number of weeks, or a date."""
    if deadline is None:
        return None
    weeks = float(deadline) if isinstance(deadline, (int, float)) else _weeks_until(model, deadline)
    if not math.isfinite(weeks) or weeks < 0:
        raise InvalidInputError(f"deadline: {deadline!r} is before {model.as_of}")
    return weeks


def _weeks_until(model: Model, deadline: str | datetime.date) -> float:
    try:
        day = (
            deadline
            if isinstance(deadline, datetime.date)
            else datetime.date.fromisoformat(deadline)
        )
    except ValueError:
        raise InvalidInputError(f"deadline: {deadline!r} is not a date YYYY-MM-DD") from None
    return (day - datetime.date.fromisoformat(model.as_of)).days / 7


def _closure(document: dict[str, Any]) -> ClosureResult:
    return _build_result(
        ClosureResult,
        document,
        {"_document": document},
        actions=lambda items: [_build(ClosureAction, a) for a in items],
    )


_MIXED_SHARE = 0.55
"""The part of the time limit the mixed closure gets when the pure alternatives follow."""

_PURE = {
    "train_only": {"train": True, "transfer": False, "hire": False},
    "transfer_only": {"train": False, "transfer": True, "hire": False},
    "hire_only": {"train": False, "transfer": False, "hire": True},
}


def close_gaps(
    model: Model,
    request: str | TeamRequest | dict[str, Any],
    people: Any,
    *,
    deadline: str | datetime.date | float | None = None,
    train: bool = True,
    transfer: bool = True,
    hire: bool = True,
    alternatives: bool = True,
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
    progress: bool = False,
    cancel: CancellationToken | None = None,
) -> ClosureResult:
    """The cheapest mix of training ``people`` (trainable competencies with known terms, each
    member's trainings done by ``deadline``: a date, or weeks from ``model.as_of``), transferring
    employees in and hiring external candidates that closes every hard gap of the team against
    ``request``. Talents and traits are never trained. With ``alternatives`` the pure closures
    (train only, transfer only, hire only) come beside it. Keeps the solve contract; small
    problems come back OPTIMAL. ``time_limit`` covers the whole call: with ``alternatives`` the
    mixed closure has 55 % of it and the pure ones share the rest; after Ctrl-C or ``cancel``
    the mixed closure comes back alone."""
    ids = _person_ids(people)
    argument = _request_argument(request)
    weeks = _weeks(model, deadline)
    limit = _time_limit(time_limit)
    start = time.monotonic()

    def solve(allowed: dict[str, bool], share: float) -> ClosureResult:
        with progress_hook(on_progress, progress, share, "closure") as callback:
            document = _core.close_gaps(
                model._core,
                argument,
                ids,
                weeks,
                allowed["train"],
                allowed["transfer"],
                allowed["hire"],
                mode,
                share,
                seed,
                threads,
                callback,
                cancel,
            )
        return _closure(document)

    best = solve({"train": train, "transfer": transfer, "hire": hire}, _MIXED_SHARE * limit)
    if not alternatives or best.termination in (Termination.INTERRUPTED, Termination.CANCELLED):
        return best
    others = {}
    for k, (name, allowed) in enumerate(_PURE.items()):
        left = max(limit - (time.monotonic() - start), 0.0)
        others[name] = solve(allowed, left / (len(_PURE) - k))
    return ClosureResult(**{**best.__dict__, "alternatives": others})


@dataclass(frozen=True)
class DevelopmentGoal:
    """A measurable goal: a competency at a target level by a date, with the diagnosis and the
    actions (course, mentoring by a named colleague, practice)."""

    competency: str
    from_level: float
    target_level: float
    target_label: str
    start: str
    due: str
    cost: float
    mentor: str | None
    """A colleague at the target level or above (a team member first); None when nobody is."""
    diagnosis: str
    actions: list[str]


@dataclass(frozen=True)
class DevelopmentPlan:
    """One member's plan: goals in order and the dated review checkpoints."""

    person: str
    role: str | None
    goals: list[DevelopmentGoal]
    reviews: list[str]


@dataclass(frozen=True)
class Plan:
    """What carries out the cheapest closure: development plans for the members to train and
    job postings for the hires."""

    start: str
    status: Status
    """The closure's: INFEASIBLE or NO_SOLUTION_FOUND when no plan closes the gaps (``reasons``)."""
    reasons: list[str]
    cost: float
    development: list[DevelopmentPlan]
    transfers: list[str]
    """The employees to transfer in."""
    postings: list[dict[str, Any]]
    """Per hire: ``person`` (the candidate the closure chose), ``posting`` and ``markdown``."""
    closure: ClosureResult
    _document: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)
    _markdown: str = field(repr=False, compare=False, default="")

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain values (docs/format.md#plans), its closure included."""
        return {**self._document, "closure": self.closure.to_dict()}

    def to_markdown(self) -> str:
        """The plan as Markdown, to hand to the people in it."""
        return self._markdown

    def to_frame(self, table: Literal["goals", "reviews", "actions"] = "goals") -> pd.DataFrame:
        """A flat table: ``goals`` (one row per member and goal, dated), ``reviews`` (one row
        per member and review date) or ``actions`` (one row per goal and action)."""
        goal_columns = ["person", "role", *flat_columns(DevelopmentGoal)]
        return choose_table(
            table,
            {
                "goals": lambda: frame(
                    (
                        {"person": d.person, "role": d.role, **flat(g)}
                        for d in self.development
                        for g in d.goals
                    ),
                    goal_columns,
                ),
                "reviews": lambda: frame(
                    ({"person": d.person, "date": r} for d in self.development for r in d.reviews),
                    ["person", "date"],
                ),
                "actions": lambda: frame(
                    (
                        {"person": d.person, "competency": g.competency, "action": a}
                        for d in self.development
                        for g in d.goals
                        for a in g.actions
                    ),
                    ["person", "competency", "action"],
                ),
            },
        )

    def _repr_html_(self) -> str:
        from teamwright.display import plan_html

        return plan_html(self)


def plan(
    model: Model,
    request: str | TeamRequest | dict[str, Any],
    people: Any,
    *,
    deadline: str | datetime.date | float | None = None,
    mode: Mode = "auto",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    threads: int = 1,
    on_progress: Callable[[Progress], Any] | None = None,
    progress: bool = False,
    cancel: CancellationToken | None = None,
) -> Plan:
    """The development plan that carries out `close_gaps` for the team: per member to train,
    each goal (target level and due date, trainings one after the other from ``model.as_of``)
    with its diagnosis and actions, and review checkpoints every
    ``model.development.review_every_weeks``; per hire, the job posting."""
    ids = _person_ids(people)
    argument = _request_argument(request)
    weeks = _weeks(model, deadline)
    with progress_hook(on_progress, progress, time_limit, "plan") as callback:
        closure, document, markdown = _core.development_plan(
            model._core,
            argument,
            [str(p) for p in ids],
            weeks,
            mode,
            _time_limit(time_limit),
            seed,
            threads,
            callback,
            cancel,
        )
    result = _closure(closure)
    return _build(
        Plan,
        document,
        {"_document": document, "_markdown": markdown, "closure": result},
        status=Status,
        development=lambda items: [
            _build(
                DevelopmentPlan,
                d,
                goals=lambda goals: [_build(DevelopmentGoal, g) for g in goals],
            )
            for d in items
        ],
    )
