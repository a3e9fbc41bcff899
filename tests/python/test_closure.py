"""Gap closure from Python and `teamwright close`."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest
import teamwright as tw
from conftest import EXAMPLE


def test_the_latam_team_closes_its_spanish_gap_by_training_mateo(example: tw.Model) -> None:
    result = tw.close_gaps(example, "latam_expansion", ["p10", "p13", "p14"])
    assert result.status is tw.Status.OPTIMAL and result.closed
    (action,) = result.actions
    assert (action.kind, action.person, action.competency, action.to_level) == (
        "train",
        "p14",
        "spanish",
        4,
    )
    assert action.cost == 600 and action.weeks == 6  # his own terms, not the course's 1500/12
    assert result.cost == result.training_cost == 600 and result.weeks == 6
    assert set(result.alternatives) == {"train_only", "transfer_only", "hire_only"}
    assert not result.alternatives["hire_only"].closed  # no candidate speaks Spanish at 4
    document = json.loads(json.dumps(result.to_dict()))
    assert document["actions"][0]["to_label"] == "advanced"


def test_a_deadline_rules_out_training_that_takes_longer(example: tw.Model) -> None:
    late = tw.close_gaps(example, "latam_expansion", ["p10", "p13", "p14"], deadline=4)
    assert late.status is tw.Status.INFEASIBLE and late.reasons
    by_date = tw.close_gaps(
        example, "latam_expansion", ["p10", "p13", "p14"], deadline="2099-01-01", alternatives=False
    )
    assert by_date.cost == 600 and by_date.alternatives == {}
    with pytest.raises(tw.InvalidInputError, match="before"):
        tw.close_gaps(example, "latam_expansion", ["p14"], deadline="2000-01-01")
    with pytest.raises(tw.InvalidInputError, match="not a date"):
        tw.close_gaps(example, "latam_expansion", ["p14"], deadline="soon")


def test_the_close_command_prints_the_closure_and_its_alternatives() -> None:
    args = ["close", str(EXAMPLE), "--request", "leadership_team", "--people", "p01,p03,p06"]
    done = subprocess.run(
        [sys.executable, "-m", "teamwright", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "proven cheapest" in done.stdout and "Alternatives" in done.stdout
    document = json.loads(
        subprocess.run(
            [sys.executable, "-m", "teamwright", *args, "--json"],
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout
    )
    assert document["status"] == "optimal" and "alternatives" in document


def test_the_plan_dates_its_goals_by_the_training_time_and_names_a_qualified_mentor(
    example: tw.Model,
) -> None:
    planned = tw.plan(example, "latam_expansion", ["p10", "p13", "p14"], deadline="2027-06-30")
    assert planned.closure.status is tw.Status.OPTIMAL and planned.cost == 600
    (member,) = planned.development
    (goal,) = member.goals
    assert (member.person, goal.competency, goal.target_level) == ("p14", "spanish", 4)
    start, due = (datetime.date.fromisoformat(d) for d in (goal.start, goal.due))
    assert (
        start
        == datetime.date.fromisoformat(example.as_of)
        == datetime.date.fromisoformat(planned.start)
    )
    assert (due - start).days == 6 * 7  # his own terms: 6 weeks per level
    assert due <= datetime.date(2027, 6, 30)
    every = example.development.review_every_weeks
    reviews = [datetime.date.fromisoformat(d) for d in member.reviews]
    assert reviews[-1] == due and all(
        (b - a).days <= every * 7 for a, b in zip([start, *reviews], reviews, strict=False)
    )
    assert goal.mentor is not None and not example.person(goal.mentor).external
    assert example.effective_level(goal.mentor, "spanish") >= 4
    assert "Diagnosis" in planned.to_markdown() and goal.diagnosis.startswith("at 3")
    assert json.loads(json.dumps(planned.to_dict()))["development"][0]["person"] == "p14"


def test_a_plan_that_cannot_close_the_gaps_says_why(example: tw.Model) -> None:
    planned = tw.plan(example, "latam_expansion", ["p10", "p13", "p14"], deadline=4)
    assert planned.status is tw.Status.INFEASIBLE and planned.reasons
    assert planned.to_markdown().splitlines()[2].startswith("No plan exists: no mix of training")


def test_a_hire_comes_with_its_job_posting() -> None:
    model = tw.Model(
        [tw.Competency("charm", kind=tw.CompetencyKind.TALENT)],
        [tw.Person("m"), tw.Person("x", levels={"charm": 4}, cost=30, external=True)],
        requests=[tw.TeamRequest("q", requirements=[tw.TeamRequirement("charm", 3)])],
    )
    planned = tw.plan(model, "q", ["m"])
    assert planned.development == [] and planned.transfers == []
    (hire,) = planned.postings
    assert hire["person"] == "x" and hire["posting"]["title"] == "q: team member"
    assert "hire for it" in hire["markdown"]


def test_the_plan_command_prints_markdown_and_json() -> None:
    args = ["plan", str(EXAMPLE), "--request", "latam_expansion", "--people", "p10,p13,p14"]
    done = subprocess.run(
        [sys.executable, "-m", "teamwright", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and done.stdout.startswith("# Development plan")
    as_json = subprocess.run(
        [sys.executable, "-m", "teamwright", *args, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert json.loads(as_json.stdout)["closure"]["status"] == "optimal"
