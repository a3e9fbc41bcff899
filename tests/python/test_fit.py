"""The fit matrix as a pandas DataFrame over the C++ matrix, and mismatches."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import teamwright as tw


def formula(model: tw.Model, person: str, role: tw.Role) -> float:
    weighted = weights = 0.0
    for r in role.requirements:
        level = model.effective_level(person, r.competency)
        weighted += r.importance * (1.0 if r.min_level == 0 else min(1.0, level / r.min_level))
        weights += r.importance
    return weighted / weights if weights else 1.0


def test_the_fit_matrix_is_a_frame_of_people_by_roles_equal_to_the_formula(
    example: tw.Model,
) -> None:
    fit = tw.fit_matrix(example)
    assert isinstance(fit, pd.DataFrame)
    assert list(fit.index) == [p.id for p in example.people]
    assert list(fit.columns) == [r.id for r in example.roles]
    for role in example.roles:
        for person in example.people:
            assert fit.loc[person.id, role.id] == pytest.approx(formula(example, person.id, role))
    values = fit.to_numpy()
    assert values.dtype == np.float64 and not values.flags["OWNDATA"]  # the C++ matrix itself
    some = tw.fit_matrix(example, roles=["customer_voice", "team_lead"])
    assert list(some.columns) == ["customer_voice", "team_lead"]
    assert (some["team_lead"] == fit["team_lead"]).all()
    with pytest.raises(KeyError, match="unknown role 'chef'"):
        tw.fit_matrix(example, roles=["chef"])
    with pytest.raises(ValueError, match="single string"):
        tw.fit_matrix(example, roles="team_lead")


def test_mismatches_name_the_better_role_with_the_evidence(example: tw.Model) -> None:
    (found,) = tw.mismatches(example)
    assert (found.person, found.current_role, found.better_role) == (
        "p04",
        "customer_voice",
        "operations_manager",
    )
    assert found.better_fit >= found.current_fit + 0.2
    assert not any(e.met for e in found.current)
    assert all(e.met for e in found.better if e.hard)  # p04 qualifies for the suggestion
    assert tw.mismatches(example, margin=0.95) == []  # no role fits that much better
    with pytest.raises(tw.OutOfRangeError, match="low_fit"):
        tw.mismatches(example, low_fit=0)
