"""Fit and mismatch: how well every person fits every role (docs/model.md#fit), and the people
who hold a role they fit poorly while another role they qualify for fits clearly better."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from teamwright import _core
from teamwright.errors import InvalidInputError
from teamwright.model import Model
from teamwright.solving import _build

__all__ = ["Mismatch", "RequirementEvidence", "fit_matrix", "mismatches"]


def fit_matrix(model: Model, roles: Iterable[str] | None = None) -> pd.DataFrame:
    """People x roles: each person's importance-weighted fit for each role in [0, 1], defined
    for every pair (hard requirements included, met or not; docs/model.md#fit). Rows are the
    model's person ids, columns the role ids (``roles``, default every role, in model order).
    The frame wraps the C++ matrix without a copy."""
    if isinstance(roles, str):
        raise InvalidInputError("roles: expected a list of role ids, got a single string")
    ids = [role.id for role in model.roles] if roles is None else [str(r) for r in roles]
    values = _core.fit_matrix(model._core, ids)
    return pd.DataFrame(
        values,
        index=pd.Index([p.id for p in model.people], name="person"),
        columns=pd.Index(ids, name="role"),
        copy=False,
    )


@dataclass(frozen=True)
class RequirementEvidence:
    """One requirement of a role against the person's effective level."""

    competency: str
    min_level: float
    level: float
    label: str
    """The scale's label of the person's level."""
    importance: int
    hard: bool
    met: bool


@dataclass(frozen=True)
class Mismatch:
    """A person who fits another role, one they qualify for, clearly better than their own."""

    person: str
    current_role: str
    current_fit: float
    better_role: str
    better_fit: float
    current: list[RequirementEvidence]
    """Each requirement of the current role against the person."""
    better: list[RequirementEvidence]
    """Each requirement of the better role against the person."""


def mismatches(model: Model, *, low_fit: float = 0.75, margin: float = 0.2) -> list[Mismatch]:
    """People whose fit in their ``current_role`` is below ``low_fit`` while a role whose hard
    requirements they meet fits at least ``margin`` better: the best such role each, with the
    evidence per requirement (a person-task mismatch, one cause of low performance)."""
    evidence = _build_evidence
    return [
        _build(Mismatch, item, current=evidence, better=evidence)
        for item in _core.mismatches(model._core, float(low_fit), float(margin))
    ]


def _build_evidence(items: list[dict[str, object]]) -> list[RequirementEvidence]:
    return [_build(RequirementEvidence, item) for item in items]
