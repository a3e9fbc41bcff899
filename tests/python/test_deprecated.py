"""The names of earlier releases: each still works, gives what its new name gives, and warns
naming its replacement."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
import teamwright as tw
from conftest import EXAMPLE, ROOT

GAP = ROOT / "tests" / "data" / "gap" / "c0515_1"
TEAM = ["p01", "p03", "p06", "p10"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "teamwright", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("old", "new", "call"),
    [
        ("place", "assign_roles", lambda f, m: f(m, TEAM, [tw.Slot("lead", "team_lead")])),
        (
            "mentoring_pairs",
            "assign_mentors",
            lambda f, m: f(m, ["p09", "p14", "p22"], [tw.MentoringGoal("empathy", 4)]),
        ),
        (
            "staff",
            "assign_staff",
            lambda f, m: f(m, ["p09", "p14"], [tw.Seat("a", "customer_voice", 0.5)], max_moves=500),
        ),
        (
            "solve_gap",
            "assign_generalized",
            lambda f, m: f(tw.read_generalized(GAP), max_moves=500),
        ),
        ("read_gap", "read_generalized", lambda f, m: f(GAP)),
    ],
)
def test_an_old_function_name_warns_and_gives_what_the_new_one_gives(
    example: tw.Model, old: Any, new: str, call: Callable[..., Any]
) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated: use {new}"):
        before = call(getattr(tw, old), example)
    after = call(getattr(tw, new), example)
    if hasattr(after, "to_dict"):
        drop = {"time_s", "time_to_best_s"}
        assert {k: v for k, v in before.to_dict().items() if k not in drop} == {
            k: v for k, v in after.to_dict().items() if k not in drop
        }
    else:
        assert (before.agents, before.jobs) == (after.agents, after.jobs)
    assert getattr(tw, old).__name__ == old and new in getattr(tw, old).__doc__


@pytest.mark.parametrize(
    ("old", "new", "call"),
    [
        (
            "members",
            "people",
            lambda m, kw: tw.assign_roles(m, slots=[tw.Slot("l", "team_lead")], **kw),
        ),
        (
            "members",
            "people",
            lambda m, kw: tw.assign_mentors(m, goals=[tw.MentoringGoal("empathy", 4)], **kw),
        ),
        ("pool", "people", lambda m, kw: tw.split(m, "weekend_support", 2, time_limit=1, **kw)),
        ("team", "people", lambda m, kw: tw.gap_report(m, "leadership_team", **kw)),
    ],
)
def test_an_old_keyword_warns_and_means_people(
    example: tw.Model, old: Any, new: str, call: Callable[..., Any]
) -> None:
    people = [f"p{i:02d}" for i in range(1, 9)]
    with pytest.warns(DeprecationWarning, match=f"\\({old}=...\\) is deprecated: use {new}="):
        before = call(example, {old: people})
    after = call(example, {new: people})
    drop = {"time_s", "time_to_best_s"}
    assert {k: v for k, v in before.to_dict().items() if k not in drop} == {
        k: v for k, v in after.to_dict().items() if k not in drop
    }
    with pytest.raises(TypeError, match="not both"), pytest.warns(DeprecationWarning):
        call(example, {old: people, new: people})


def test_old_class_names_and_the_gap_property_warn(example: tw.Model) -> None:
    with pytest.warns(DeprecationWarning, match="GapSolution is deprecated"):
        assert tw.GapSolution is tw.GeneralizedSolution
    with pytest.warns(DeprecationWarning, match="Coverage is deprecated"):
        assert tw.Coverage is tw.CoverageRow
    result = tw.solve(example, "leadership_team")
    with pytest.warns(DeprecationWarning, match="result.gap is deprecated"):
        assert result.gap == result.relative_gap == 0
    impossible = tw.assign_generalized(cost=[[1]], weight=[[2]], capacity=[1], max_moves=10)
    assert math.isinf(impossible.relative_gap) and impossible.to_dict()["relative_gap"] is None
    with pytest.raises(AttributeError):
        _ = tw.NoSuchName


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (["gaps", str(EXAMPLE), "--request", "leadership_team", "--team", "p01,p03"], "--people"),
        (["assign", "roles", str(EXAMPLE), "--members", "p01,p03", "--slot", "l=team_lead"],
         "--people"),
        (
            ["assign", "roles", str(EXAMPLE), "--people", "p01,p03", "--slot", "l=team_lead",
             "--bonus", "0.5"],
            "--preference-bonus",
        ),
        (["assign", "mentors", str(EXAMPLE), "--members", "p09,p14", "--goal", "empathy:4"],
         "--people"),
        (["split", str(EXAMPLE), "--request", "weekend_support", "--teams", "2", "--pool",
          "p01,p02,p03,p04", "--time-limit", "1"], "--people"),
        (["assign", "gap", str(GAP), "--time-limit", "1"], "assign generalized"),
        (["plan", str(EXAMPLE), "--request", "latam_expansion", "--team", "p10,p13,p14"],
         "--people"),
    ],
)  # fmt: skip
def test_an_old_command_line_spelling_works_and_says_what_replaces_it(old: Any, new: str) -> None:
    done = run(*old, "--json")
    assert done.returncode == 0, done.stderr
    assert f"is deprecated: use {new}" in done.stderr
    json.loads(done.stdout)
