"""How far a model's assessments can be trusted: blind spots (self-ratings far from what the
other sources say, in both directions), stale assessments and assessments dated after the day
levels are judged as of (docs/model.md#reviewing-assessments)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from teamwright import _core
from teamwright.frames import choose_table, records
from teamwright.model import AssessmentSource, Model
from teamwright.solving import _build

__all__ = ["AssessmentReview", "BlindSpot", "DatedAssessment", "blind_spots", "review_assessments"]


@dataclass(frozen=True)
class BlindSpot:
    """A self-rating at least the threshold away from what the other sources say."""

    person: str
    competency: str
    self_level: float
    """The latest self-rating."""
    self_label: str
    """The scale's label of the whole level at or below it."""
    others_level: float
    """The other counted sources' assessments, aggregated by the model's policy."""
    others_label: str
    difference: float
    """``self_level - others_level``: positive when the person rates themself higher."""
    others: list[AssessmentSource]
    """The sources behind ``others_level``."""


@dataclass(frozen=True)
class DatedAssessment:
    """An assessment with its age in days before the review's as_of date (negative after it)."""

    person: str
    competency: str
    source: AssessmentSource
    date: str
    level: float
    label: str
    age_days: int


@dataclass(frozen=True)
class AssessmentReview:
    """Every blind spot, stale assessment and future-dated assessment of a model."""

    as_of: str
    threshold: float
    blind_spots: list[BlindSpot]
    """By person, then competency."""
    stale: list[DatedAssessment]
    """Older than the policy's ``stale_after_days``, oldest first."""
    future: list[DatedAssessment]
    """Dated after ``as_of``: they count as of that day, and should be checked."""
    _document: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The review as plain values (the document `teamwright assessments --json` prints)."""
        return copy.deepcopy(self._document)

    def to_frame(
        self, table: Literal["blind_spots", "stale", "future"] = "blind_spots"
    ) -> pd.DataFrame:
        """A flat table, one row per blind spot, stale or future-dated assessment."""
        return choose_table(
            table,
            {
                "blind_spots": lambda: records(self.blind_spots, BlindSpot),
                "stale": lambda: records(self.stale, DatedAssessment),
                "future": lambda: records(self.future, DatedAssessment),
            },
        )


def _dated(items: list[dict[str, Any]]) -> list[DatedAssessment]:
    return [_build(DatedAssessment, item, source=AssessmentSource) for item in items]


def review_assessments(model: Model, threshold: float = 1.0) -> AssessmentReview:
    """Reviews every person's assessments: a self-rating at least ``threshold`` level points
    from the other sources' aggregate is a blind spot; assessments older than the policy's
    ``stale_after_days`` are stale; those dated after ``model.as_of`` are future-dated."""
    document = _core.review_assessments(model._core, float(threshold))
    return _build(
        AssessmentReview,
        document,
        {"_document": document},
        blind_spots=lambda items: [
            _build(BlindSpot, s, others=lambda o: [AssessmentSource(x) for x in o]) for s in items
        ],
        stale=_dated,
        future=_dated,
    )


def blind_spots(model: Model, threshold: float = 1.0) -> list[BlindSpot]:
    """Self-ratings that differ from the other sources' aggregate by at least ``threshold``, in
    both directions (`review_assessments`' ``blind_spots``)."""
    return review_assessments(model, threshold).blind_spots
