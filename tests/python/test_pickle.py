"""Every model, request, problem and result pickles and deep-copies to an equal object: a
process pool or a notebook checkpoint gets the same answers back, checkers included."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import numpy as np
import pytest
import teamwright as tw
from conftest import ROOT
from teamwright import cover

ORLIB = ROOT / "tests" / "data" / "orlib" / "scp41.txt"
GAP = ROOT / "tests" / "data" / "gap" / "c0515_1"


def _copies(value: Any) -> Any:
    return [pickle.loads(pickle.dumps(value)), copy.deepcopy(value), copy.copy(value)]


def _results(example: tw.Model) -> list[Any]:
    team = tw.solve(example, "leadership_team")
    infeasible = tw.solve(example, "latam_expansion")
    return [
        team,
        infeasible,
        tw.gap_report(example, "leadership_team", ["p01", "p02"]),
        tw.assign_roles(
            example, team, [tw.Slot("lead", "team_lead"), tw.Slot("o", "operations_manager")]
        ),
        tw.assign_mentors(example, ["p09", "p14", "p22"], [tw.MentoringGoal("empathy", 4)]),
        tw.assign_staff(example, ["p01", "p02", "p03"], [tw.Seat("s1", "team_lead", 0.5)]),
        tw.split(example, "weekend_support", 2, people=[f"p{i:02d}" for i in range(1, 9)]),
        tw.assign_generalized(tw.read_generalized(GAP), time_limit=2, max_moves=2000),
        cover.solve(cover.read_orlib(ORLIB), mode="heuristic", time_limit=1),
    ]


def test_every_result_round_trips_to_an_equal_result(example: tw.Model) -> None:
    for result in _results(example):
        for copied in _copies(result):
            assert type(copied) is type(result)
            assert copied == result, type(result).__name__
            if hasattr(result, "to_dict"):
                assert copied.to_dict() == result.to_dict()


def test_copied_results_are_still_checked_against_what_they_answer(example: tw.Model) -> None:
    team = tw.solve(example, "leadership_team")
    for copied in _copies(team):
        assert tw.check(example, "leadership_team", copied) == []
    split = tw.split(example, "weekend_support", 2, people=[f"p{i:02d}" for i in range(1, 9)])
    gap = tw.assign_generalized(tw.read_generalized(GAP), time_limit=2, max_moves=2000)
    for result in (split, gap):
        for copied in _copies(result):
            assert copied.check() == []


def test_problems_round_trip_and_solve_alike(example: tw.Model) -> None:
    for problem in (cover.read_orlib(ORLIB), tw.compile_request(example, "leadership_team")):
        expected = problem.to_arrays()
        for copied in _copies(problem):
            arrays = copied.to_arrays()
            assert arrays.keys() == expected.keys()
            for key, value in expected.items():
                np.testing.assert_array_equal(arrays[key], value, err_msg=key)
        assert (
            cover.solve(pickle.loads(pickle.dumps(problem)), mode="exact").cost
            == cover.solve(problem, mode="exact").cost
        )
    gap = tw.read_generalized(GAP)
    for copied in _copies(gap):
        assert (copied.agents, copied.jobs) == (gap.agents, gap.jobs)
        assert tw.assign_generalized(copied, max_moves=500, time_limit=None).cost == (
            tw.assign_generalized(gap, max_moves=500, time_limit=None).cost
        )


def test_a_cover_problem_is_built_from_its_arrays_with_named_errors() -> None:
    problem = cover.CoverProblem.from_arrays(
        demand=[1, 2], cost=[3, 1, 1], column_start=[0, 2, 3, 4], rows=[0, 1, 1, 1]
    )
    assert (problem.num_rows, problem.num_columns, problem.num_nonzeros) == (2, 3, 4)
    with pytest.raises(tw.DuplicateIdError):
        cover.CoverProblem.from_arrays(demand=[1], cost=[1], column_start=[0, 2], rows=[0, 0])
    with pytest.raises(tw.InvalidInputError, match="'cost' has 1 entries"):
        cover.CoverProblem.from_arrays(demand=[1], cost=[1], column_start=[0, 1, 1], rows=[0])
    with pytest.raises(tw.InvalidInputError, match="'column_start' must run from 0"):
        cover.CoverProblem.from_arrays(demand=[1], cost=[1], column_start=[0, 2], rows=[0])
    with pytest.raises(tw.InvalidInputError, match="unknown array 'colour'"):
        cover.CoverProblem.from_arrays(
            demand=[1], cost=[1], column_start=[0, 1], rows=[0], colour=[1]
        )
