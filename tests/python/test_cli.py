"""The teamwright command, run as a user would run it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import EXAMPLE


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "teamwright", *args], capture_output=True, text=True, timeout=120
    )


def test_demo_prints_the_team_why_coverage_and_gaps():
    done = run("demo")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for expected in [
        "Request 'leadership_team'",
        "Status: feasible",
        "x01 Ingrid Solberg*",
        "essential to: role operations_manager x 1",
        "Coverage",
        "2 x empathy >= 3",
        "Remaining gaps of this team",
        "train p06 Sofia Rossi (at 2)",
        "Status: infeasible",
        "2 x spanish >= 4: needs 2, only 1 eligible can (p13 Olivia Brown)",
    ]:
        assert expected in out


def test_validate_accepts_the_example():
    done = run("validate", str(EXAMPLE))
    assert done.returncode == 0
    assert "valid teamwright document" in done.stdout
    assert "30 people" in done.stdout


def test_solve_json_prints_one_object_with_the_result():
    done = run("solve", str(EXAMPLE), "--request", "leadership_team", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["status"] == "feasible"
    assert [m["id"] for m in result["members"]] == ["p04", "p06", "p09", "x01"]
    assert result["cost"] == 320000
    assert all(
        {"competency", "min_level", "needed", "provided", "covered_by"} <= row.keys()
        for row in result["coverage"]
    )


def test_an_infeasible_request_exits_zero_and_lists_what_is_unmet():
    done = run("solve", str(EXAMPLE), "--request", "latam_expansion", "--json")
    assert done.returncode == 0
    result = json.loads(done.stdout)
    assert result["status"] == "infeasible"
    assert result["unmet"][0]["requirements"] == ["2 x spanish >= 4"]
    text = run("solve", str(EXAMPLE), "--request", "latam_expansion")
    assert text.returncode == 0 and "Best partial team" in text.stdout


def test_gaps_json_prints_the_report():
    done = run(
        "gaps", str(EXAMPLE), "--request", "leadership_team", "--team", "p01,p03,p06,p10", "--json"
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["team"] == ["p01", "p03", "p06", "p10"]
    assert report["gaps"], "that team misses soft requirements"
    assert (
        run("gaps", str(EXAMPLE), "--request", "leadership_team", "--team", "p01").returncode == 0
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("solve", "missing.json", "--request", "r"),
            "teamwright: error: cannot read 'missing.json'",
        ),
        (("solve", str(EXAMPLE), "--request", "nope"), "teamwright: error: unknown request 'nope'"),
        (
            ("gaps", str(EXAMPLE), "--request", "leadership_team", "--team", "p01,zz"),
            "teamwright: error: unknown person 'zz'",
        ),
        (
            ("solve", str(EXAMPLE)),
            "teamwright: error: the following arguments are required: --request",
        ),
        (("frobnicate",), "teamwright: error: argument command: invalid choice: 'frobnicate'"),
        ((), "teamwright: error: the following arguments are required: command"),
    ],
)
def test_bad_input_or_usage_prints_one_line_and_exits_2(args, message):
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(message)
    assert "Traceback" not in done.stderr


def test_an_invalid_file_is_named_in_the_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            {
                "format": "teamwright",
                "version": 1,
                "competencies": [{"id": "empathy"}],
                "people": [{"id": "p17", "levels": {"empathy": 7}}],
            }
        )
    )
    done = run("validate", str(path))
    assert done.returncode == 2
    assert done.stderr == (
        f"teamwright: error: {path}: person 'p17': level 7 for 'empathy' exceeds the scale "
        "maximum 5\n"
    )
