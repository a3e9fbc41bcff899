"""Plots for notebooks and reports (matplotlib, the ``notebook`` extra): a coverage heatmap of a
team, a radar chart of a team against its request, and the cost/coverage trade-off of the
alternatives to a team or a closure.

Every function draws on ``ax`` (a new figure's axes when None) and returns the axes, so plots
compose with the rest of a notebook's matplotlib code.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from teamwright.errors import InvalidInputError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from teamwright.closure import ClosureResult
    from teamwright.model import Model, TeamRequest
    from teamwright.team import TeamResult

__all__ = ["coverage_heatmap", "radar", "tradeoff"]


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError(
            "teamwright.plot needs matplotlib: pip install 'teamwright[notebook]'"
        ) from None
    return plt


def _axes(ax: Axes | None, polar: bool = False, size: tuple[float, float] = (7, 4)) -> Axes:
    if ax is not None:
        return ax
    plt = _pyplot()
    figure = plt.figure(figsize=size)
    axes: Axes = figure.add_subplot(projection="polar" if polar else None)
    return axes


def _request(model: Model, request: str | TeamRequest) -> TeamRequest:
    return model.request(request) if isinstance(request, str) else request


def _members(result: TeamResult | Sequence[str]) -> list[str]:
    from teamwright.model import _person_ids

    return _person_ids(result)


def coverage_heatmap(
    model: Model,
    request: str | TeamRequest,
    team: TeamResult | Sequence[str],
    *,
    ax: Axes | None = None,
) -> Axes:
    """Members x the request's competencies: each member's effective level as a share of the
    level asked for (1 = meets it; capped at 1.5), annotated with the level. Rows are the
    members, columns the requirements, so the gaps show as pale columns."""
    wanted = _request(model, request)
    people = _members(team)
    if not wanted.requirements:
        raise InvalidInputError(f"request '{wanted.id}': no requirements to plot")
    levels = np.array(
        [[model.effective_level(p, r.competency) for r in wanted.requirements] for p in people]
    ).reshape(len(people), len(wanted.requirements))
    needed = np.array([max(r.min_level, 1e-9) for r in wanted.requirements])
    share = np.minimum(levels / needed, 1.5)
    ax = _axes(ax, size=(1.2 + 0.9 * len(needed), 1 + 0.45 * max(len(people), 1)))
    image = ax.imshow(share, cmap="RdYlGn", vmin=0, vmax=1.5, aspect="auto")
    ax.set_xticks(range(len(needed)))
    ax.set_xticklabels(
        [f"{r.competency}\n>= {r.min_level:g}" for r in wanted.requirements],
        rotation=45,
        ha="right",
        fontsize=8,
    )
    ax.set_yticks(range(len(people)))
    ax.set_yticklabels(people, fontsize=8)
    for i in range(len(people)):
        for j in range(len(needed)):
            ax.text(j, i, f"{levels[i, j]:g}", ha="center", va="center", fontsize=7)
    ax.set_title(f"Coverage of {wanted.id}")
    ax.figure.colorbar(image, ax=ax, label="level / level asked for")
    return ax


def radar(
    model: Model,
    request: str | TeamRequest,
    team: TeamResult | Sequence[str],
    *,
    ax: Axes | None = None,
) -> Axes:
    """The team's best effective level in each competency the request names (its strongest
    member's) against the level asked for, on one polar chart."""
    wanted = _request(model, request)
    people = _members(team)
    asked: dict[str, float] = {}
    for r in wanted.requirements:
        asked[r.competency] = max(asked.get(r.competency, 0.0), r.min_level)
    if len(asked) < 3:
        raise InvalidInputError(
            f"request '{wanted.id}': a radar chart needs at least 3 competencies, got {len(asked)}"
        )
    names = list(asked)
    best = [max((model.effective_level(p, c) for p in people), default=0.0) for c in names]
    angles = [2 * math.pi * k / len(names) for k in range(len(names))]
    ax = _axes(ax, polar=True, size=(5, 5))
    closed = [*angles, angles[0]]
    ax.plot(
        closed, [*asked.values(), next(iter(asked.values()))], "--", color="grey", label="asked for"
    )
    ax.plot(closed, [*best, best[0]], color="tab:blue", label="team")
    ax.fill(closed, [*best, best[0]], color="tab:blue", alpha=0.2)
    ax.set_xticks(angles)
    ax.set_xticklabels(names, fontsize=8)
    ax.set_ylim(0, len(model.scale) - 1)
    ax.set_title(f"{wanted.id}: team against request")
    ax.legend(loc="upper right", bbox_to_anchor=(1.3, 1.1), fontsize=8)
    return ax


def _points(alternatives: Iterable[Any]) -> list[tuple[str, float, float]]:
    points = []
    for label, item in alternatives:
        if hasattr(item, "weighted_coverage"):  # a TeamResult
            points.append((label, float(item.cost), float(item.weighted_coverage)))
        elif hasattr(item, "training_cost"):  # a ClosureResult: coverage is 1 when closed
            points.append((label, float(item.cost), 1.0 if item.closed else 0.0))
        else:
            raise InvalidInputError(
                f"tradeoff: {label!r} is a {type(item).__name__}, not a TeamResult or a closure"
            )
    return points


def tradeoff(
    alternatives: dict[str, TeamResult | ClosureResult] | ClosureResult,
    *,
    ax: Axes | None = None,
) -> Axes:
    """Cost against importance-weighted coverage of alternatives: named results (say, one per
    budget or objective) or a closure with its pure alternatives. The cheapest option at each
    coverage is joined into the efficient frontier."""
    if hasattr(alternatives, "alternatives"):
        closure: Any = alternatives
        items: list[tuple[str, Any]] = [("cheapest", closure), *closure.alternatives.items()]
    else:
        items = list(dict(alternatives).items())
    points = [p for p in _points(items) if math.isfinite(p[1])]
    if not points:
        raise InvalidInputError("tradeoff: no alternative has a finite cost")
    ax = _axes(ax)
    for label, cost, coverage in points:
        ax.scatter(cost, coverage, color="tab:blue")
        ax.annotate(label, (cost, coverage), textcoords="offset points", xytext=(5, 4), fontsize=8)
    frontier: list[tuple[str, float, float]] = []
    for label, cost, coverage in sorted(points, key=lambda p: (p[1], -p[2])):
        if not frontier or coverage > frontier[-1][2]:
            frontier.append((label, cost, coverage))
    ax.plot([p[1] for p in frontier], [p[2] for p in frontier], color="tab:green", alpha=0.6)
    ax.set_xlabel("cost")
    ax.set_ylabel("weighted coverage")
    ax.set_title("Cost against coverage")
    return ax
