"""Job postings: what a hire for a role must bring and what is desirable, levels with their
scale labels, talents and traits marked (they are hired for; training cannot create them)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from teamwright import _core
from teamwright.frames import flat, flat_columns, frame
from teamwright.model import CompetencyKind, Model
from teamwright.solving import _build

__all__ = ["JobPosting", "PostingLine", "job_posting"]


@dataclass(frozen=True)
class PostingLine:
    """One competency a posting asks for, at a level."""

    competency: str
    name: str
    kind: CompetencyKind
    min_level: float
    label: str
    """The scale's label of the level."""
    importance: int
    trainable: bool


@dataclass(frozen=True)
class JobPosting:
    """The posting for a role: required (hard) and desirable (soft) competencies, most
    important first, and the responsibilities."""

    role: str | None
    """The role posted; None for a posting of a request's requirements."""
    title: str
    description: str
    required: list[PostingLine]
    desirable: list[PostingLine]
    responsibilities: list[str]
    _document: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)
    _markdown: str = field(repr=False, compare=False, default="")

    def to_dict(self) -> dict[str, Any]:
        """The posting as plain values (docs/format.md#job-postings)."""
        return copy.deepcopy(self._document)

    def to_markdown(self) -> str:
        """The posting as Markdown, for a job board or an e-mail."""
        return self._markdown

    def to_frame(self) -> pd.DataFrame:
        """One row per competency asked for: ``required`` True for the hard ones (first),
        False for the desirable ones."""
        return frame(
            (
                {"required": required, **flat(line)}
                for required, lines in ((True, self.required), (False, self.desirable))
                for line in lines
            ),
            ["required", *flat_columns(PostingLine)],
        )


def job_posting(model: Model, role: str) -> JobPosting:
    """The job-posting profile of ``role`` (a role id): its hard requirements as required, its
    soft ones as desirable, each with its level and label, most important first."""
    document, markdown = _core.job_posting(model._core, role)

    def lines(items: list[dict[str, Any]]) -> list[PostingLine]:
        return [_build(PostingLine, item, kind=CompetencyKind) for item in items]

    return _build(
        JobPosting,
        document,
        {"_document": document, "_markdown": markdown},
        required=lines,
        desirable=lines,
    )
