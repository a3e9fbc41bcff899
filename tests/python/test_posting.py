"""Job postings from Python and `teamwright posting`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import teamwright as tw
from conftest import EXAMPLE


def test_a_posting_lists_what_is_required_and_desirable_with_labels(example: tw.Model) -> None:
    posting = tw.job_posting(example, "operations_manager")
    assert posting.title == "Operations manager"
    assert [(line.competency, line.label) for line in posting.required] == [
        ("parcel_tracking", "advanced"),
        ("data_driven_decisions", "intermediate"),
    ]
    (collaboration,) = posting.desirable
    assert collaboration.kind is tw.CompetencyKind.TRAIT and not collaboration.trainable
    assert "training cannot create it" in posting.to_markdown()
    assert posting.to_dict()["required"][0]["min_level"] == 4
    with pytest.raises(KeyError, match="unknown role 'chef'"):
        tw.job_posting(example, "chef")


def test_the_posting_command_prints_markdown_or_json() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "teamwright", "posting", str(EXAMPLE), *args],
            capture_output=True,
            text=True,
            timeout=60,
        )

    done = run("--role", "team_lead")
    assert done.returncode == 0 and done.stdout.startswith("# ")
    assert json.loads(run("--role", "team_lead", "--json").stdout)["role"] == "team_lead"
    assert run("--role", "chef").returncode == 2
