"""Placing members into roles and shifts, mentoring pairs, and the `teamwright assign` command."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import teamwright as tw
from conftest import EXAMPLE, ROOT


@pytest.fixture(scope="module")
def model() -> tw.Model:
    return tw.load(EXAMPLE)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "teamwright", *args], capture_output=True, text=True, timeout=120
    )


def test_the_leadership_team_is_placed_in_its_roles(model: tw.Model) -> None:
    team = tw.solve(model, "leadership_team")
    slots = [tw.Slot(s.role, s.role) for s in model.request("leadership_team").roles]
    placed = tw.assign_roles(model, team, slots)
    assert {p.slot: p.person for p in placed.placements} == {
        "team_lead": "x01",
        "operations_manager": "p03",
        "technical_specialist": "p07",
        "customer_voice": "p09",
    }
    voice = next(p for p in placed.placements if p.slot == "customer_voice")
    assert voice.preferred_role and voice.fit == 1.0
    assert placed.total_bonus == 0.5 and not placed.unfilled_slots and not placed.unplaced


def test_preferences_decide_the_shifts(model: tw.Model) -> None:
    slots = [{"id": "early", "shift": "early"}, {"id": "late", "shift": "late"}]
    placed = tw.assign_roles(model, ["p14", "p10"], slots)
    assert [(p.slot, p.person) for p in placed.placements] == [("early", "p14"), ("late", "p10")]
    assert placed.total_bonus == 0.5
    none = tw.assign_roles(model, ["p14", "p10"], slots, preference_bonus=0)
    assert none.total_bonus == 0 and len(none.placements) == 2


def test_a_role_nobody_meets_stays_unfilled(model: tw.Model) -> None:
    placed = tw.assign_roles(model, ["p14", "p22"], [tw.Slot("lead", "team_lead")])
    assert placed.unfilled_slots == ["lead"] and placed.unplaced == ["p14", "p22"]


def test_mentoring_pairs_strong_with_struggling(model: tw.Model) -> None:
    goals: list[tw.MentoringGoal | dict[str, Any]] = [
        tw.MentoringGoal("conflict_resolution", 4),
        {"competency": "empathy", "target_level": 4, "importance": 5},
    ]
    paired = tw.assign_mentors(model, ["p09", "p10", "p14", "p22"], goals)
    assert {(p.mentor, p.mentee) for p in paired.pairs} <= {
        ("p09", "p14"),
        ("p09", "p22"),
        ("p10", "p14"),
        ("p10", "p22"),
    }
    assert len(paired.pairs) == 2 and paired.total_benefit == 34
    assert paired.to_dict()["pairs"][0]["competencies"] == ["conflict_resolution", "empathy"]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda m: tw.assign_roles(m, ["p01", "p01"], []), tw.DuplicateIdError, "named twice"),
        (lambda m: tw.assign_roles(m, ["zed"], []), KeyError, "people: unknown person 'zed'"),
        (lambda m: tw.assign_roles(m, ["p01"], [tw.Slot("a", "chef")]), KeyError, "slot 'a'"),
        (lambda m: tw.assign_roles(m, ["p01"], [tw.Slot("a")]), ValueError, "neither a role"),
        (
            lambda m: tw.assign_roles(m, ["p01"], [{"id": "a", "room": "1"}]),
            ValueError,
            "unknown fie",
        ),
        (lambda m: tw.assign_roles(m, "p01", []), ValueError, "single string"),
        (
            lambda m: tw.assign_mentors(m, ["p01"], [tw.MentoringGoal("empathy", 3, 2)]),
            tw.OutOfRangeError,
            "below the target",
        ),
    ],
)
def test_bad_input_is_a_typed_error(
    model: tw.Model, call: Callable[..., Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call(model)


def test_preferences_round_trip_and_are_checked(model: tw.Model) -> None:
    document = model.to_dict()
    again = tw.loads(json.dumps(document))
    assert again.person("p10").preferred_shifts == ["late"]
    document["people"][0]["preferred_roles"] = ["astronaut"]
    with pytest.raises(KeyError, match="person 'p01': preferred_roles names unknown role"):
        tw.Model.from_dict(document)


def test_the_assign_command_places_pairs_and_solves_matrices(tmp_path: Path) -> None:
    done = run("assign", "roles", str(EXAMPLE), "--request", "leadership_team")
    assert done.returncode == 0, done.stderr
    assert "customer_voice        p09 Grace Okafor    1.00  role" in done.stdout
    done = run(
        "assign",
        "roles",
        str(EXAMPLE),
        "--people",
        "p14,p10",
        "--slot",
        "e=@early",
        "--slot",
        "l=@late",
        "--json",
    )
    assert json.loads(done.stdout)["total_bonus"] == 0.5
    done = run("assign", "mentors", str(EXAMPLE), "--people", "p09,p14", "--goal", "empathy:4::5")
    assert "p09     p14     empathy" in done.stdout
    matrix = tmp_path / "cost.csv"
    matrix.write_text("4,1,3\n2,0,5\n3,2,2\n")
    done = run("assign", "matrix", str(matrix), "--json")
    assert json.loads(done.stdout) == {"objective": 5, "rows": [1, 2, 3], "columns": [2, 1, 3]}
    done = run("assign", "matrix", str(matrix))
    assert "row 1 -> column 2  (1)" in done.stdout  # 1-based, as in the JSON
    instance = str(ROOT / "tests" / "data" / "gap" / "c0515_1")  # 5 agents, 15 jobs
    for output in (
        json.loads(run("assign", "generalized", instance, "--json").stdout)["agent_of_job"],
        run("assign", "generalized", instance).stdout.split("by job): ")[1].split(),
    ):
        agents = [int(a) for a in output]
        assert len(agents) == 15 and min(agents) >= 1 and max(agents) <= 5  # 1-based
    matrix.write_text("1,2\n3\n")
    done = run("assign", "matrix", str(matrix))
    assert done.returncode == 2 and "line 2 has 1 values where the first row has 2" in done.stderr
    done = run("assign", "mentors", str(EXAMPLE), "--people", "p09", "--goal", "empathy")
    assert done.returncode == 2 and "COMPETENCY:TARGET" in done.stderr


def test_split_meets_the_request_in_every_team_and_passes_the_checker(model: tw.Model) -> None:
    pool = [f"p{i:02d}" for i in range(1, 13)]
    result = tw.split(model, "weekend_support", 3, people=pool, keep_apart=[["p01", "p02"]])
    assert result.status is tw.Status.OPTIMAL and result.check() == []
    claimed_better = dataclasses.replace(result, worst_coverage=result.worst_coverage + 0.1)
    assert claimed_better.check() != []  # the checker reads the result it is asked about
    assert sorted(m for team in result.teams for m in team.members) == pool
    assert all(len(team.members) == 4 for team in result.teams)
    assert result.worst_coverage == min(team.coverage for team in result.teams)
    apart = next(team for team in result.teams if "p01" in team.members)
    assert "p02" not in apart.members
    local = tw.split(
        model,
        "weekend_support",
        3,
        people=pool,
        keep_apart=[["p01", "p02"]],
        mode="heuristic",
        seed=3,
    )
    assert local.status is tw.Status.FEASIBLE and local.check() == []
    assert local.worst_coverage <= result.worst_coverage + 1e-12


def test_split_reports_rules_it_cannot_keep(model: tw.Model) -> None:
    pool = ["p01", "p02", "p03", "p04"]
    result = tw.split(model, "weekend_support", 2, people=pool, keep_apart=[["p01", "p02", "p03"]])
    assert result.status is tw.Status.INFEASIBLE and len(result.violations) == 1
    assert "keep_apart group 1" in result.violations[0]
    assert result.check() == []
    with pytest.raises(tw.OutOfRangeError, match="cannot form"):
        tw.split(model, "weekend_support", 2, people=pool, min_size=3)
    with pytest.raises(ValueError, match="not in the pool"):
        tw.split(model, "weekend_support", 2, people=pool, keep_together=[["p01", "p09"]])
    with pytest.raises(ValueError, match="mode"):
        tw.split(model, "weekend_support", 2, people=pool, mode="fast")  # type: ignore[arg-type]  # a bad mode on purpose


def test_the_split_command_prints_teams_and_broken_rules() -> None:
    done = run(
        "split",
        str(EXAMPLE),
        "--request",
        "weekend_support",
        "--teams",
        "2",
        "--people",
        "p01,p02,p03,p04,p05,p06",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["status"] == "optimal" and len(document["teams"]) == 2
    done = run(
        "split",
        str(EXAMPLE),
        "--request",
        "weekend_support",
        "--teams",
        "2",
        "--people",
        "p01,p02,p03,p04",
        "--no-lone",
        "location",
    )
    assert done.returncode == 0 and "breaks: team" in done.stdout
    done = run("split", str(EXAMPLE), "--request", "nope", "--teams", "2")
    assert done.returncode == 2 and "nope" in done.stderr


def test_staffing_shares_people_up_to_their_fte(model: tw.Model) -> None:
    seats: list[tw.Seat | dict[str, Any]] = [
        tw.Seat("a", "customer_voice", 0.5),
        {"id": "b", "role": "customer_voice", "fte": 0.5},
        tw.Seat("c", "customer_voice", 0.5),
    ]
    result = tw.assign_staff(model, ["p09", "p14"], seats, time_limit=2, max_moves=2000)
    # Only Grace meets the role's hard requirements: she takes two half seats, one stays empty.
    assert [a.person for a in result.assignments] == ["p09", "p09"]
    assert len(result.unfilled_seats) == 1 and result.load == {"p09": 1.0, "p14": 0.0}
    with pytest.raises(tw.OutOfRangeError, match="fte"):
        tw.assign_staff(model, ["p09"], [tw.Seat("a", "customer_voice", 1.5)])
    done = run(
        "assign",
        "staff",
        str(EXAMPLE),
        "--people",
        "p09,p06",
        "--seat",
        "a=customer_voice:0.5",
        "--seat",
        "b=technical_specialist:0.5",
        "--time-limit",
        "1",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    assert {a["seat"]: a["person"] for a in json.loads(done.stdout)["assignments"]} == {
        "a": "p09",
        "b": "p06",
    }
