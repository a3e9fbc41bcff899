"""A report people share: one self-contained HTML file with the team, why each member, the
coverage (a chart and a table), the gaps and the plan that closes them (`teamwright report`).

The file needs no network: its style sheet is inline, its chart an inline SVG drawn here, and it
runs no scripts, so it opens the same from a mail attachment, an intranet or a USB stick.
"""

from __future__ import annotations

import datetime
import errno
import os
import uuid
from collections.abc import Sequence
from typing import Any

from teamwright import display
from teamwright.closure import Plan, plan
from teamwright.errors import FileError
from teamwright.model import Model, TeamRequest
from teamwright.solving import DEFAULT_TIME_LIMIT
from teamwright.team import CoverageRow, GapReport, TeamResult, gap_report, solve

__all__ = ["Report", "build_report"]

PAGE_STYLE = """
body { margin: 24px auto; max-width: 1100px; padding: 0 16px; background: #fff; }
header { border-bottom: 2px solid #323f4b; margin-bottom: 12px; }
header h1 { font-size: 22px; margin: 0 0 4px; }
header p { margin: 0 0 8px; color: #52606d; }
section { margin-bottom: 18px; }
svg text { font-family: system-ui, sans-serif; font-size: 11px; fill: #1f2933; }
footer { color: #7b8794; font-size: 11px; border-top: 1px solid #e4e7eb; padding-top: 6px; }
"""


class Report:
    """What the report shows: the team, its gap report and, when there are gaps, the plan."""

    def __init__(
        self,
        model: Model,
        request: TeamRequest,
        result: TeamResult | None,
        gaps: GapReport,
        development: Plan | None,
    ) -> None:
        self.model = model
        self.request = request
        self.result = result
        self.gaps = gaps
        self.plan = development

    def to_html(self) -> str:
        """The whole page, one string."""
        title = f"Team report: {self.request.name or self.request.id}"
        parts = [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{display.escape(title)}</title>",
            f"<style>{display.STYLE}{PAGE_STYLE}</style></head>",
            '<body class="tw">',
            f"<header><h1>{display.escape(title)}</h1><p>Levels as of "
            f"{display.escape(self.model.as_of)}; request <code>"
            f"{display.escape(self.request.id)}</code>.</p></header>",
        ]
        parts.append(f"<section>{self._request_section()}</section>")
        if self.result is not None:
            parts.append(f"<section>{''.join(display.result_sections(self.result))}</section>")
        else:
            parts.append(f"<section>{self._given_team()}</section>")
        parts.append(
            "<section><h3>Coverage at a glance</h3>"
            + coverage_chart(self.gaps.coverage)
            + display.coverage_table(self.gaps.coverage)
            + "</section>"
        )
        parts.append(f"<section>{''.join(display.gap_sections(self.gaps))}</section>")
        if self.plan is not None:
            sections = display.plan_sections(self.plan) + display.closure_sections(
                self.plan.closure
            )
            parts.append(f"<section>{''.join(sections)}</section>")
        parts.append(
            "<footer>Made by teamwright on "
            f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.</footer>"
        )
        parts.append("</body></html>")
        return "\n".join(parts)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes the page atomically (a temporary file beside ``path``, then renamed over it);
        `FileError` if it cannot."""
        target = os.fspath(path)
        # Through a symbolic link, the file it points to is replaced, not the link.
        real = os.path.realpath(target)
        temporary = os.path.join(
            os.path.dirname(real), f".{os.path.basename(real)}.{uuid.uuid4().hex}.tmp"
        )
        try:
            if os.path.isdir(real):
                raise IsADirectoryError(errno.EISDIR, "is a directory")
            try:
                with open(temporary, "x", encoding="utf-8") as out:
                    out.write(self.to_html())
                os.replace(temporary, real)
            except BaseException:
                if os.path.exists(temporary):
                    os.unlink(temporary)
                raise
        except OSError as error:
            raise FileError(f"{target}: cannot write the report: {error.strerror}") from None

    def _given_team(self) -> str:
        """A team given rather than solved: each member with what they count for."""
        rows = []
        for id in self.gaps.team:
            person = self.model.person(id)
            counts = [r.requirement for r in self.gaps.coverage if id in r.covered_by]
            rows.append(
                [
                    id,
                    person.name,
                    person.current_role,
                    display.number(person.cost),
                    "; ".join(counts) or "nothing the request asks for",
                ]
            )
        return "<h3>Team (as given)</h3>" + display.html_table(
            ["member", "name", "current role", "cost", "counts for"], rows, numeric=(3,)
        )

    def _request_section(self) -> str:
        markup = display.request_html(self.request)
        # request_html is a styled block of its own; inside the page the page's style holds.
        return markup.replace(f"<style>{display.STYLE}</style>", "")


def coverage_chart(rows: Sequence[CoverageRow], width: int = 640) -> str:
    """A horizontal bar per requirement: provided against needed, coloured as the table."""
    colours = {"met": "#51cf66", "partial": "#fcc419", "unmet": "#ff6b6b"}
    bar_height, label_width, gap = 16, 230, 6
    height = max(1, len(rows)) * (bar_height + gap) + 10
    span = width - label_width - 60
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="coverage of each requirement">'
    ]
    for i, row in enumerate(rows):
        y = 5 + i * (bar_height + gap)
        share = min(row.provided / row.needed, 1.5) if row.needed > 0 else 1.0
        needed_x = label_width + span / 1.5
        colour = colours[display.coverage_class(row)]
        out.append(
            f'<text x="{label_width - 6}" y="{y + 12}" text-anchor="end">'
            f"{display.escape(_short(row.requirement))}</text>"
            f'<rect x="{label_width}" y="{y}" width="{share * span / 1.5:.1f}" '
            f'height="{bar_height}" fill="{colour}"><title>'
            f"{display.escape(row.requirement)}: {display.number(row.provided)} of "
            f"{display.number(row.needed)}</title></rect>"
            f'<line x1="{needed_x:.1f}" x2="{needed_x:.1f}" y1="{y - 2}" '
            f'y2="{y + bar_height + 2}" stroke="#323f4b" stroke-dasharray="3,2"/>'
            f'<text x="{label_width + span + 6}" y="{y + 12}">'
            f"{display.number(row.provided)}/{display.number(row.needed)}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def build_report(
    model: Model,
    request: str | TeamRequest,
    people: Sequence[str] | TeamResult | None = None,
    *,
    deadline: str | datetime.date | float | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    **solve_options: Any,
) -> Report:
    """The report of a team for ``request``: the team ``people`` (ids, or a result), else the
    team `solve` assembles. With gaps, the plan that closes them by ``deadline`` is included."""
    wanted = model.request(request) if isinstance(request, str) else request
    result: TeamResult | None
    if people is None:
        result = solve(model, wanted, time_limit=time_limit, seed=seed, **solve_options)
        team = result.member_ids
    elif isinstance(people, TeamResult):
        result, team = people, people.member_ids
    else:
        result, team = None, list(people)
    gaps = gap_report(model, wanted, team)
    development = None
    if any(g.hard for g in gaps.gaps):
        development = plan(model, wanted, team, deadline=deadline, time_limit=time_limit, seed=seed)
    return Report(model, wanted, result, gaps, development)
