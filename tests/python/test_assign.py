"""teamwright.linear_sum_assignment keeps scipy's contract and is optimal."""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import teamwright as tw
from conftest import ROOT


def brute_force(cost: np.ndarray, maximize: bool = False) -> float | None:
    """The best sum over every injective map of the shorter side; None when none is finite."""
    flip = cost.shape[0] > cost.shape[1]
    matrix = cost.T if flip else cost
    sign = -1 if maximize else 1
    best = None
    for columns in itertools.permutations(range(matrix.shape[1]), matrix.shape[0]):
        total = matrix[np.arange(matrix.shape[0]), list(columns)].sum()
        if np.isfinite(total) and (best is None or sign * total < sign * best):
            best = total
    return best


def assert_valid(cost: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> None:
    assert rows.dtype == np.int64 and cols.dtype == np.int64
    assert len(rows) == len(cols) == min(cost.shape)
    assert np.all(np.diff(rows) > 0)
    assert len(set(cols.tolist())) == len(cols)


@pytest.mark.parametrize("maximize", [False, True])
def test_small_random_matrices_match_exhaustive_search(maximize: bool) -> None:
    rng = np.random.default_rng(3)
    for _ in range(200):
        shape = tuple(rng.integers(1, 6, size=2))
        cost = rng.integers(-3, 4, size=shape) if rng.random() < 0.5 else rng.random(shape)
        rows, cols = tw.linear_sum_assignment(cost, maximize=maximize)
        assert_valid(cost, rows, cols)
        assert cost[rows, cols].sum() == pytest.approx(brute_force(cost, maximize))


def test_infinite_costs_and_a_mask_forbid_pairs() -> None:
    inf = np.inf
    cost = np.array([[inf, 1.0, inf], [4.0, 2.0, inf]])
    rows, cols = tw.linear_sum_assignment(cost)
    assert rows.tolist() == [0, 1] and cols.tolist() == [1, 0]
    mask = np.array([[False, True], [False, False]])
    rows, cols = tw.linear_sum_assignment(np.array([[1, 9], [2, 9]]), forbidden=mask)
    assert cols.tolist() == [0, 1]
    with pytest.raises(ValueError, match="infeasible"):
        tw.linear_sum_assignment(np.array([[1.0, inf], [2.0, inf]]))
    with pytest.raises(ValueError, match="infeasible"):
        tw.linear_sum_assignment([[1, 2]], forbidden=[[True, True]])


def test_any_layout_and_numeric_dtype_is_accepted() -> None:
    rng = np.random.default_rng(5)
    base = rng.random((7, 9))
    expected = brute_force(base)
    for variant in (base, np.asfortranarray(base), base.T.copy().T, base.astype(np.float32)):
        rows, cols = tw.linear_sum_assignment(variant)
        assert variant[rows, cols].sum() == pytest.approx(expected, rel=1e-6)
    wide = rng.integers(0, 50, size=(6, 12))
    window = wide[:, ::1][:, 2:9]  # rows contiguous, stride larger than the width: no copy
    rows, cols = tw.linear_sum_assignment(window)
    assert window[rows, cols].sum() == brute_force(window)
    for dtype in (np.int8, np.int32, np.uint16, np.uint64, np.bool_):
        small = wide[:, :6].astype(dtype)
        rows, cols = tw.linear_sum_assignment(small)
        assert small[rows, cols].astype(np.int64).sum() == brute_force(small.astype(np.int64))
    rows, cols = tw.linear_sum_assignment([[3, 1], [1, 3]])
    assert cols.tolist() == [1, 0]


def test_empty_matrices_give_empty_answers() -> None:
    for shape in ((0, 0), (0, 3), (4, 0)):
        rows, cols = tw.linear_sum_assignment(np.zeros(shape))
        assert rows.size == 0 and cols.size == 0


@pytest.mark.parametrize(
    ("cost", "kwargs", "error", "message"),
    [
        (np.array([1.0, 2.0]), {}, ValueError, "2-D"),
        (np.array([[1.0, np.nan]]), {}, ValueError, r"cost \(0, 1\): NaN"),
        (np.array([[-np.inf, 1.0]]), {}, ValueError, "only \\+inf forbids"),
        (np.array([[np.inf, 1.0]]), {"maximize": True}, ValueError, "only -inf forbids"),
        (np.array([["a", "b"]]), {}, ValueError, "expected numbers"),
        (np.array([[2**63 + 5, 1]], dtype=np.uint64), {}, ValueError, "int64 range"),
        (np.array([[2**62, 1]]), {}, tw.OutOfRangeError, "exceeds"),
        (np.ones((2, 2)), {"forbidden": np.zeros((2, 3), bool)}, ValueError, "shape"),
    ],
)
def test_bad_input_is_a_typed_error_naming_the_rule(
    cost: Any, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        tw.linear_sum_assignment(cost, **kwargs)


def test_agrees_with_scipy_on_larger_matrices() -> None:
    scipy_optimize = pytest.importorskip("scipy.optimize")
    rng = np.random.default_rng(11)
    for shape in ((120, 120), (80, 150), (150, 60)):
        for cost in (rng.random(shape), rng.integers(0, 1000, size=shape)):
            for maximize in (False, True):
                ours = tw.linear_sum_assignment(cost, maximize)
                theirs = scipy_optimize.linear_sum_assignment(cost, maximize)
                assert cost[ours].sum() == pytest.approx(cost[theirs].sum(), rel=1e-12)


def test_generalized_assignment_from_a_file_and_from_arrays() -> None:
    problem = tw.read_generalized(str(ROOT / "tests" / "data" / "gap" / "c0515_1"))
    best = tw.assign_generalized(problem, maximize=True, time_limit=5, max_moves=20000, seed=1)
    assert best.solved and best.cost == 336 and best.bound >= 336
    assert best.status is tw.Status.OPTIMAL and best.bound == 336  # proven by the search
    assert best.termination is tw.Termination.COMPLETED and best.relative_gap == 0
    assert best.check() == []
    wrong = dataclasses.replace(best, cost=best.cost + 1)
    assert any("cost" in problem for problem in wrong.check())
    again = tw.assign_generalized(problem, maximize=True, time_limit=5, max_moves=20000, seed=1)
    assert again.agent_of_job == best.agent_of_job
    # Two people with 1.0 and 0.5 FTE, three half-time seats: the cheap one cannot take all.
    solution = tw.assign_generalized(
        cost=[[1, 1, 1], [5, 5, 5]],
        weight=[[0.5, 0.5, 0.5], [0.5, 0.5, 0.5]],
        capacity=[1.0, 0.5],
        time_limit=1,
        max_moves=500,
    )
    assert solution.status is tw.Status.OPTIMAL and solution.cost == 7
    assert sorted(solution.agent_of_job) == [0, 0, 1]
    assert solution.check() == []
    impossible = tw.assign_generalized(
        cost=[[1]], weight=[[2]], capacity=[1], time_limit=1, max_moves=10
    )
    assert impossible.status is tw.Status.INFEASIBLE  # no agent can take the job: proven
    assert impossible.check() == []
    # JSON has no infinity: the document says null, the result the infinity of its sense.
    for maximize, infinity in ((False, math.inf), (True, -math.inf)):
        proof = tw.assign_generalized(cost=[[1]], weight=[[2]], capacity=[1], maximize=maximize)
        assert proof.bound == infinity and proof.relative_gap == math.inf
        document = proof.to_dict()
        assert document["bound"] is None and document["relative_gap"] is None
        assert json.loads(json.dumps(document)) == document and proof.check() == []
    with pytest.raises(ValueError, match="weight"):
        tw.assign_generalized(cost=[[1]], weight=[[-1]], capacity=[1])
    bad_shapes: list[tuple[dict[str, Any], str]] = [
        ({"cost": [1, 2], "weight": [1, 2], "capacity": [1]}, "cost must be agents x jobs"),
        ({"cost": [[1, 2]], "weight": [[1]], "capacity": [1]}, "weight must have cost's shape"),
        ({"cost": [[1, 2]], "weight": [[1, 1]], "capacity": [1, 2]}, "one value per agent"),
    ]
    for shapes, message in bad_shapes:
        with pytest.raises(tw.InvalidInputError, match=message):
            tw.assign_generalized(**shapes)


def test_results_tolerate_fields_a_newer_core_adds(
    example: tw.Model, monkeypatch: pytest.MonkeyPatch
) -> Any:
    from teamwright import _core

    def with_news(solver: Callable[..., Any], *lists: Any) -> Any:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            document = solver(*args, **kwargs)
            document["added_later"] = 1
            for key in lists:
                for item in document[key]:
                    item["added_later"] = 1
            return document

        return wrapped

    monkeypatch.setattr(_core, "split", with_news(_core.split, "teams"))
    monkeypatch.setattr(_core, "assign_roles", with_news(_core.assign_roles, "placements"))
    monkeypatch.setattr(_core, "assign_mentors", with_news(_core.assign_mentors, "pairs"))
    crews = tw.split(example, "weekend_support", 2, people=[f"p{i:02d}" for i in range(1, 9)])
    assert len(crews.teams) == 2
    team = tw.solve(example, "leadership_team")
    assert tw.assign_roles(example, team, [tw.Slot("lead", "team_lead")]).placements
    goals = [tw.MentoringGoal("empathy", 4)]
    assert tw.assign_mentors(example, ["p09", "p14", "p22"], goals).pairs is not None


def test_a_cost_matrix_file_reads_exactly_as_int64_or_as_float64(tmp_path: Path) -> None:
    path = tmp_path / "cost.csv"
    path.write_text("4, 1\n9007199254740993 2\n")
    cost = tw.read_cost_matrix(path)
    assert cost.dtype == np.int64 and cost.tolist() == [[4, 1], [9007199254740993, 2]]
    path.write_text("4 1.5\n3 inf\n")
    cost = tw.read_cost_matrix(path)
    assert cost.dtype == np.float64 and cost[0, 1] == 1.5 and math.isinf(cost[1, 1])
    _, cols = tw.linear_sum_assignment(cost)
    assert cols.tolist() == [1, 0]
    with pytest.raises(tw.FileError):
        tw.read_cost_matrix(tmp_path / "missing.csv")
