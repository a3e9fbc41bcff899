"""What the ``teamwright`` command prints: team results, gap reports, tables and JSON, in
words and numbers written for people."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import Any

import teamwright
from teamwright.assessments import AssessmentReview
from teamwright.closure import ClosureResult
from teamwright.model import Model, TeamRequest
from teamwright.solving import Status
from teamwright.team import Gap, GapReport, TeamResult


def print_json(document: dict[str, Any]) -> None:
    print(json.dumps(document, indent=2, ensure_ascii=False))


def format_money(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def format_level(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: Collection[int] = ()
) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return ("  " + "  ".join(parts)).rstrip()

    print(line(headers))
    for row in rows:
        print(line(row))


def _limits(request: TeamRequest) -> str:
    parts = []
    if request.budget is not None:
        parts.append(f"budget {format_money(request.budget)}")
    size = (
        f"size {request.min_size}-{request.max_size}"
        if request.max_size
        else (f"size >= {request.min_size}")
    )
    parts.append(size)
    parts.append(f"objective {request.objective.value}")
    return ", ".join(parts)


def print_result(model: Model, request: TeamRequest, result: TeamResult) -> None:
    roles = {role.id: role.name for role in model.roles}
    print()
    title = f"Request '{request.id}'" + (f": {request.name}" if request.name else "")
    print(title)
    if request.description:
        print(f"  {request.description}")
    proof = {
        Status.OPTIMAL: "proven optimal",
        Status.FEASIBLE: (
            f"not proven optimal: within {100 * result.relative_gap:.1f} % of the bound"
        ),
        Status.INFEASIBLE: "proven impossible",
        Status.NO_SOLUTION_FOUND: "no team found, nothing proven",
    }[result.status]
    stopped = (
        ""
        if result.termination is teamwright.Termination.COMPLETED
        else f", stopped: {result.termination.value.replace('_', ' ')}"
    )
    print(
        f"Status: {result.status.value} ({proof}{stopped}, {result.time_s:.2f} s)   "
        f"members: {result.size}   cost: {format_money(result.cost)}   ({_limits(request)})"
    )
    if result.solved and result.penalty > 0:
        print(
            f"  soft requirements left unmet cost {format_money(result.penalty)} in the objective"
        )

    if not result.solved:
        if result.diagnosis:
            print(result.diagnosis.summary)
            for way in result.diagnosis.relaxations[:5]:
                team = ", ".join(way.team) + (" and the hire" if way.kind == "hire" else "")
                print(f"  - {way.text}: a team for {format_money(way.cost)} ({team})")
        for unmet in result.unmet:
            print(
                f"  - {' and '.join(unmet.requirements)}: needs {format_money(unmet.needed)}, "
                f"only {unmet.capable} eligible can ({', '.join(unmet.capable_people) or 'nobody'})"
            )
        for reason in result.reasons:
            if not result.diagnosis or reason != result.diagnosis.summary:
                print(f"  - {reason}")
        if result.members:
            print("Best partial team (the most importance-weighted coverage):")

    if result.members:
        print()
        rows = []
        for member in result.members:
            star = "*" if member.external else ""
            why = (
                "essential to: " + "; ".join(member.unique)
                if member.unique
                else "counts for: " + "; ".join(member.contributes)
                if member.contributes
                else "fills the minimum size"
            )
            replaced = member.replacement
            price = (
                "-"
                if replaced is None or replaced.status in (Status.INFEASIBLE,)
                else f"{'+' if replaced.extra_cost >= 0 else ''}{format_money(replaced.extra_cost)}"
            )
            if replaced is not None and replaced.status is Status.INFEASIBLE:
                price = "irreplaceable"
            rows.append(
                [
                    f"{member.id} {member.name}{star}",
                    roles.get(member.role, "") if member.role else "",
                    format_money(member.cost),
                    price,
                    why,
                ]
            )
        print_table(
            ["member", "role", "cost", "without them", "why on the team"], rows, right={2, 3}
        )
        if any(member.external for member in result.members):
            print("  * external candidate: a hire")
        if result.solved:
            print()
            for member in result.members:
                print(f"  {member.summary}")

    print()
    print(f"Coverage (importance-weighted: {100 * result.weighted_coverage:.0f} %)")
    rows = [
        [
            row.requirement + ("" if row.hard else " (soft)"),
            format_money(row.needed),
            format_money(row.provided),
            "yes" if row.met else "NO",
            ", ".join(row.covered_by),
        ]
        for row in result.coverage
    ]
    print_table(["requirement", "needed", "provided", "met", "covered by"], rows, right={1, 2})


def labelled(model: Model, level: float) -> str:
    """A level with the scale's label of the whole level at or below it: "4 (advanced)"."""
    scale = model.scale
    return f"{format_level(level)} ({scale[max(0, min(int(level + 1e-9), len(scale) - 1))]})"


def _closures(model: Model, gap: Gap) -> list[str]:
    names = {person.id: person.name for person in model.people}
    costs = {person.id: person.cost for person in model.people}
    ways = []
    if gap.trainable and gap.train:
        ways.append(
            "train "
            + ", ".join(f"{o.id} {names[o.id]} (at {labelled(model, o.level)})" for o in gap.train)
        )
    if gap.transfer:
        ways.append(
            "transfer in "
            + ", ".join(f"{p} {names[p]}" for p in gap.transfer[:3])
            + (f" (+{len(gap.transfer) - 3} more)" if len(gap.transfer) > 3 else "")
        )
    if gap.hire:
        ways.append(
            "hire " + ", ".join(f"{p} {names[p]} ({format_money(costs[p])})" for p in gap.hire[:2])
        )
    if gap.needs_hire and not gap.hire:
        ways.append(
            f"post a job asking for {gap.competency} at level {format_level(gap.min_level)}"
        )
    return ways


def print_gaps(model: Model, report: GapReport, title: str = "Gaps") -> None:
    competencies = {c.id: c for c in model.competencies}
    print(f"{title} against '{report.request}' (priority = importance x shortfall)")
    if not report.gaps:
        print("  none: the team meets every requirement of the request")
        return
    for gap in report.gaps:
        competency = competencies[gap.competency]
        where = f"role {gap.role}: " if gap.role else ""
        kind = competency.kind.value + (", trainable" if gap.trainable else ", not trainable")
        hard = "" if gap.hard else ", soft"
        print(
            f"  {gap.priority:5.1f}  {where}{gap.competency} >= {labelled(model, gap.min_level)}"
            f" ({kind}{hard}): {format_level(gap.missing)} short by "
            f"{format_level(gap.shortfall)} level points"
        )
        for way in _closures(model, gap):
            print(f"         - {way}")


def print_review(model: Model, review: AssessmentReview) -> None:
    """An assessment review in a manager's words, levels with their scale labels."""
    names = {p.id: p.name or p.id for p in model.people}
    print(f"Assessments as of {review.as_of}")
    print()
    if review.blind_spots:
        print(f"Blind spots (self-rating {format_level(review.threshold)} or more from the others)")
        rows = [
            [
                f"{s.person} {names[s.person]}",
                s.competency,
                f"{format_level(s.self_level)} ({s.self_label})",
                f"{format_level(round(s.others_level, 2))} ({s.others_label})",
                ("rates themself higher" if s.difference > 0 else "rates themself lower")
                + f" by {format_level(round(abs(s.difference), 2))}",
                ", ".join(source.value for source in s.others),
            ]
            for s in review.blind_spots
        ]
        print_table(["person", "competency", "self", "others", "", "others are"], rows)
    else:
        print("No blind spots: every self-rating is within the threshold of the others.")
    for title, items in (
        ("Stale (older than the policy allows)", review.stale),
        ("Dated after the as-of date (check them)", review.future),
    ):
        if not items:
            continue
        print()
        print(title)
        rows = [
            [
                f"{a.person} {names[a.person]}",
                a.competency,
                a.source.value,
                a.date,
                f"{format_level(a.level)} ({a.label})",
                f"{abs(a.age_days)} days " + ("ago" if a.age_days >= 0 else "ahead"),
            ]
            for a in items
        ]
        print_table(["person", "competency", "source", "date", "level", "age"], rows)


def print_closure(model: Model, result: ClosureResult) -> None:
    """A closure and its pure alternatives, in a manager's words."""
    names = {p.id: p.name or p.id for p in model.people}
    if not result.closed:
        print("No closure: " + "; ".join(result.reasons))
    else:
        proof = "proven cheapest" if result.status is Status.OPTIMAL else "not proven cheapest"
        print(
            f"Close every hard gap for {format_money(result.cost)} ({proof}), "
            f"training done in {format_level(result.weeks)} weeks"
        )
        rows = []
        for a in result.actions:
            what = (
                f"train {a.competency} {format_level(a.from_level)} -> "
                f"{format_level(a.to_level)} ({a.to_label})"
                if a.kind == "train"
                else a.kind
            )
            weeks = f"{format_level(a.weeks)} weeks" if a.kind == "train" else ""
            rows.append([f"{a.person} {names[a.person]}", what, format_money(a.cost), weeks])
        print_table(["person", "action", "cost", "time"], rows, right={2})
    if result.alternatives:
        print()
        print("Alternatives")
        rows = [
            [
                name.replace("_", " "),
                format_money(alt.cost) if alt.closed else "impossible",
                f"{format_level(alt.weeks)} weeks" if alt.closed else "",
            ]
            for name, alt in result.alternatives.items()
        ]
        print_table(["way", "cost", "time"], rows, right={1})
