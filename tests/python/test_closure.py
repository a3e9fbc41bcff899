"""Gap closure from Python and `teamwright close`."""

from __future__ import annotations

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
