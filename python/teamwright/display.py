"""HTML for people: the rich display of models, requests and results in Jupyter
(``_repr_html_``) and the sections of the shareable report (`teamwright.report`).

Everything here is plain HTML with one inline style sheet: no scripts, no fonts or images from
the network, so a saved notebook or a mailed report looks the same offline. Coverage is coloured
by how well each requirement is met (met, partly met, not met).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from teamwright.closure import ClosureResult, Plan
    from teamwright.model import Model, TeamRequest
    from teamwright.team import CoverageRow, GapReport, TeamResult

STYLE = """
.tw { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 13px;
      color: #1f2933; line-height: 1.4; }
.tw h3 { font-size: 15px; margin: 10px 0 4px; }
.tw h4 { font-size: 13px; margin: 8px 0 2px; color: #3e4c59; }
.tw table { border-collapse: collapse; margin: 4px 0 8px; }
.tw th, .tw td { border-bottom: 1px solid #e4e7eb; padding: 3px 8px; text-align: left;
                 vertical-align: top; }
.tw th { background: #f5f7fa; font-weight: 600; }
.tw td.num { text-align: right; font-variant-numeric: tabular-nums; }
.tw .met { background: #d3f9d8; }
.tw .partial { background: #fff3bf; }
.tw .unmet { background: #ffc9c9; }
.tw .soft { color: #616e7c; }
.tw .status { display: inline-block; padding: 1px 6px; border-radius: 3px; font-weight: 600; }
.tw .optimal, .tw .feasible { background: #d3f9d8; }
.tw .infeasible, .tw .no_solution_found { background: #ffc9c9; }
.tw .why { color: #3e4c59; max-width: 46em; }
"""


def escape(value: Any) -> str:
    """Text made safe for HTML."""
    return html.escape(str(value), quote=True)


def number(value: float | None) -> str:
    """12,500 rather than 1.25e+04; "unlimited" for infinity; blank for None."""
    if value is None:
        return ""
    value = float(value)
    if value != value:  # NaN
        return "n/a"
    if value in (float("inf"), float("-inf")):
        return "unlimited" if value > 0 else "-unlimited"
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"


def html_table(
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    classes: Iterable[str] | None = None,
    numeric: Sequence[int] = (),
) -> str:
    """A table; ``classes`` gives each row's class (coverage colours), ``numeric`` the columns
    aligned right. Cells are escaped."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = []
    row_classes = iter(classes) if classes is not None else None
    for row in rows:
        cls = next(row_classes, "") if row_classes is not None else ""
        cells = "".join(
            f'<td class="num">{escape(c)}</td>' if i in numeric else f"<td>{escape(c)}</td>"
            for i, c in enumerate(row)
        )
        body.append(f'<tr class="{cls}">{cells}</tr>' if cls else f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def block(*parts: str) -> str:
    """Sections inside one styled block (a notebook cell's output)."""
    return f'<div class="tw"><style>{STYLE}</style>{"".join(parts)}</div>'


def status_badge(status: Any) -> str:
    value = getattr(status, "value", str(status))
    return f'<span class="status {escape(value)}">{escape(value.replace("_", " "))}</span>'


def coverage_class(row: CoverageRow) -> str:
    """met, partial (something provided, not enough) or unmet."""
    if row.met:
        return "met"
    return "partial" if row.provided > 0 else "unmet"


def coverage_table(rows: Sequence[CoverageRow]) -> str:
    return html_table(
        ["requirement", "needed", "provided", "covered by", "hard", "importance"],
        (
            [
                r.requirement,
                number(r.needed),
                number(r.provided),
                ", ".join(r.covered_by) or "nobody",
                "hard" if r.hard else "soft",
                r.importance,
            ]
            for r in rows
        ),
        classes=(coverage_class(r) for r in rows),
        numeric=(1, 2, 5),
    )


def members_table(result: TeamResult) -> str:
    rows = []
    for m in result.members:
        replacement = m.replacement
        if replacement is None:
            price = "not priced"
        elif replacement.status.value == "infeasible":
            price = "irreplaceable: no team meets the request without them"
        else:
            brings = (
                f", brings in {', '.join(replacement.brings_in)}" if replacement.brings_in else ""
            )
            price = f"+{number(replacement.extra_cost)}{brings}"
        rows.append(
            [
                m.id,
                m.name,
                m.role or "",
                number(m.cost),
                "; ".join(m.unique) or "(shared only)",
                price,
            ]
        )
    return html_table(
        ["member", "name", "role", "cost", "essential to", "price of replacement"],
        rows,
        numeric=(3,),
    )


def result_sections(result: TeamResult) -> list[str]:
    """The team: headline, members with what they bring, why each, coverage, reasons."""
    parts = [
        f"<h3>Team for {escape(result.request)} {status_badge(result.status)}</h3>",
        f"<p>{len(result.members)} members, cost {escape(number(result.cost))}"
        + (f", bound {escape(number(result.bound))}" if result.status.value == "feasible" else "")
        + f" &middot; solved in {result.time_s:.2f} s</p>",
    ]
    if result.members:
        parts += ["<h4>Members</h4>", members_table(result), "<h4>Why each member</h4>"]
        parts.append(
            "<ul class='why'>"
            + "".join(f"<li>{escape(m.summary)}</li>" for m in result.members)
            + "</ul>"
        )
    parts += ["<h4>Coverage</h4>", coverage_table(result.coverage)]
    if result.reasons:
        parts.append(
            "<h4>Why not</h4><ul>"
            + "".join(f"<li>{escape(r)}</li>" for r in result.reasons)
            + "</ul>"
        )
    if result.diagnosis is not None:
        parts.append(f"<p class='why'>{escape(result.diagnosis.summary)}</p>")
        if result.diagnosis.relaxations:
            parts.append("<h4>Nearest yes</h4><ul>")
            parts += [f"<li>{escape(r.text)}</li>" for r in result.diagnosis.relaxations[:5]]
            parts.append("</ul>")
    return parts


def gap_sections(report: GapReport) -> list[str]:
    """Gaps, highest priority first, with the ways to close each."""
    if not report.gaps:
        return [f"<h3>Gaps of {escape(report.request)}</h3><p>No gaps: every need is met.</p>"]
    rows = []
    for g in report.gaps:
        ways = []
        if g.train:
            ways.append("train " + ", ".join(o.id for o in g.train))
        if g.transfer:
            ways.append("transfer " + ", ".join(g.transfer))
        if g.hire:
            ways.append("hire " + ", ".join(g.hire))
        rows.append(
            [
                g.requirement,
                "hard" if g.hard else "soft",
                number(g.shortfall),
                number(g.priority),
                "yes" if g.trainable else "no (hire or transfer)",
                "; ".join(ways) or "nobody qualifies",
            ]
        )
    return [
        f"<h3>Gaps of {escape(report.request)}</h3>",
        html_table(
            ["requirement", "hard", "shortfall", "priority", "trainable", "close by"],
            rows,
            classes=("unmet" if g.hard else "partial" for g in report.gaps),
            numeric=(2, 3),
        ),
    ]


def closure_sections(closure: ClosureResult) -> list[str]:
    parts = [
        f"<h3>Closing the gaps {status_badge(closure.status)}</h3>",
        f"<p>cost {escape(number(closure.cost))} (training "
        f"{escape(number(closure.training_cost))}, transfers "
        f"{escape(number(closure.transfer_cost))}, hires {escape(number(closure.hire_cost))}),"
        f" {escape(number(closure.weeks))} weeks</p>",
    ]
    if closure.actions:
        parts.append(
            html_table(
                ["action", "person", "competency", "from", "to", "cost", "weeks"],
                (
                    [
                        a.kind,
                        a.person,
                        a.competency or "",
                        number(a.from_level),
                        f"{number(a.to_level)} ({a.to_label})" if a.to_label else "",
                        number(a.cost),
                        number(a.weeks),
                    ]
                    for a in closure.actions
                ),
                numeric=(3, 5, 6),
            )
        )
    if closure.reasons:
        parts.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in closure.reasons) + "</ul>")
    return parts


def plan_sections(plan: Plan) -> list[str]:
    """Dated goals per member, reviews, transfers and postings."""
    parts = [
        f"<h3>Development plan from {escape(plan.start)} {status_badge(plan.status)}</h3>",
        f"<p>cost {escape(number(plan.cost))}</p>",
    ]
    if plan.reasons:
        parts.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in plan.reasons) + "</ul>")
    for d in plan.development:
        parts.append(
            f"<h4>{escape(d.person)}" + (f", {escape(d.role)}" if d.role else "") + "</h4>"
        )
        parts.append(
            html_table(
                ["goal", "from", "start", "due", "mentor", "actions"],
                (
                    [
                        f"{g.competency} at {number(g.target_level)} ({g.target_label})",
                        number(g.from_level),
                        g.start,
                        g.due,
                        g.mentor or "",
                        "; ".join(g.actions),
                    ]
                    for g in d.goals
                ),
            )
        )
        if d.reviews:
            parts.append(f"<p>Reviews: {escape(', '.join(d.reviews))}</p>")
    if plan.transfers:
        parts.append(f"<p>Transfer in: {escape(', '.join(plan.transfers))}</p>")
    for posting in plan.postings:
        parts.append(f"<p>Hire: posting for candidate {escape(posting.get('person', ''))}</p>")
        parts.append(f"<pre>{escape(posting.get('markdown', ''))}</pre>")
    return parts


def result_html(result: TeamResult) -> str:
    return block(*result_sections(result))


def gap_report_html(report: GapReport) -> str:
    return block(*gap_sections(report), "<h4>Coverage</h4>", coverage_table(report.coverage))


def closure_html(closure: ClosureResult) -> str:
    return block(*closure_sections(closure))


def plan_html(plan: Plan) -> str:
    return block(*plan_sections(plan), *closure_sections(plan.closure))


def request_html(request: TeamRequest, scale: Sequence[str] | None = None) -> str:
    """The requirements, role slots and limits of a request."""
    limits = [f"size {request.min_size}-{request.max_size or 'any'}"]
    if request.budget is not None:
        limits.append(f"budget {number(request.budget)}")
    if request.must_include:
        limits.append(f"must include {', '.join(request.must_include)}")
    if request.exclude:
        limits.append(f"excluding {', '.join(request.exclude)}")
    if request.min_leaders:
        limits.append(f"{request.min_leaders}-{request.max_leaders} leaders")
    if request.robust:
        limits.append("robust to any one member leaving")
    rows = [
        [
            r.competency,
            number(r.min_level),
            f"{number(r.fte)} FTE" if r.fte is not None else str(r.count),
            "hard" if r.hard else "soft",
            r.importance,
        ]
        for r in request.requirements
    ]
    parts = [
        f"<h3>Request {escape(request.id)}</h3>",
        f"<p>{escape(request.name or request.description)}</p>" if request.name else "",
        f"<p>{escape('; '.join(limits))} &middot; objective "
        f"{escape(getattr(request.objective, 'value', request.objective))}</p>",
        html_table(["competency", "at least", "count", "hard", "importance"], rows, numeric=(1, 4)),
    ]
    if request.roles:
        parts.append(
            html_table(["role", "slots"], ([s.role, s.count] for s in request.roles), numeric=(1,))
        )
    return block(*parts)


def model_html(model: Model, max_people: int = 20) -> str:
    """Counts, the competencies (the first 50) and the first people with their strongest rated
    levels; cheap on a large model (only what is shown is read)."""
    competencies, people, roles, requests = model.counts()
    shown = model.competencies[:50]
    parts = [
        f"<h3>teamwright model</h3><p>{competencies} competencies, {people} people, {roles} "
        f"roles, {requests} requests; levels as of {escape(model.as_of)}</p>",
        html_table(
            ["competency", "kind", "trainable", "parents"],
            (
                [
                    c.id,
                    getattr(c.kind, "value", c.kind),
                    "yes" if c.is_trainable else "no",
                    ", ".join(c.parents),
                ]
                for c in shown
            ),
        ),
        f"<p>... and {competencies - len(shown)} more competencies</p>"
        if competencies > len(shown)
        else "",
    ]
    ids = [c.id for c in model.competencies]
    rows = []
    for p in model._first_people(max_people):
        rated = [(c, model.rated_level(p.id, c)) for c in ids]
        strongest = sorted((x for x in rated if x[1] > 0), key=lambda kv: -kv[1])[:4]
        rows.append(
            [
                p.id,
                p.name,
                number(p.cost),
                number(p.availability),
                ", ".join(f"{c} {number(v)}" for c, v in strongest),
            ]
        )
    more = f"<p>... and {people - max_people} more people</p>" if people > max_people else ""
    parts += [
        html_table(["person", "name", "cost", "FTE", "strongest levels"], rows, numeric=(2, 3)),
        more,
    ]
    return block(*parts)
