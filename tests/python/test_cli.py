"""The teamwright command, run as a user would run it."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLE


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "teamwright", *args], capture_output=True, text=True, timeout=120
    )


def test_demo_prints_the_team_why_coverage_and_gaps() -> None:
    done = run("demo")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for expected in [
        "Request 'leadership_team'",
        "Status: optimal (proven optimal",
        "cost: 341,000",
        "x01 Ingrid Solberg*",
        "essential to: role operations_manager x 1",
        "Without Ingrid Solberg (x01) the best team costs 43,000 more",
        "Coverage",
        "2 x empathy >= 3",
        "Remaining gaps of this team",
        "Status: infeasible (proven impossible",
        "No team meets these together: 2 members with Spanish for customer support 4 (advanced)",
        "hire a person with Spanish for customer support 4 (advanced)",
        "2 x spanish >= 4: needs 2, only 1 eligible can (p13)",
        "Best partial team",
    ]:
        assert expected in out, expected
    assert "e+0" not in out  # numbers are written for people


def test_validate_accepts_the_example() -> None:
    done = run("validate", str(EXAMPLE))
    assert done.returncode == 0
    assert "valid teamwright document" in done.stdout
    assert "30 people" in done.stdout


def test_solve_json_prints_one_object_with_the_result() -> None:
    done = run("solve", str(EXAMPLE), "--request", "leadership_team", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["status"] == "optimal"
    assert [m["id"] for m in result["members"]] == ["p03", "p07", "p09", "x01"]
    assert result["cost"] == 341000
    assert result["bound"] == result["objective"] and result["relative_gap"] == 0
    assert all(
        {"competency", "min_level", "needed", "provided", "covered_by"} <= row.keys()
        for row in result["coverage"]
    )


def test_an_infeasible_request_exits_zero_and_lists_what_is_unmet() -> None:
    done = run("solve", str(EXAMPLE), "--request", "latam_expansion", "--json")
    assert done.returncode == 0
    result = json.loads(done.stdout)
    assert result["status"] == "infeasible"
    assert result["unmet"][0]["requirements"] == ["2 x spanish >= 4"]
    text = run("solve", str(EXAMPLE), "--request", "latam_expansion")
    assert text.returncode == 0 and "Best partial team" in text.stdout


def test_check_recomputes_a_saved_result(tmp_path: Path) -> None:
    saved = tmp_path / "result.json"
    done = run("solve", str(EXAMPLE), "--request", "leadership_team", "--json")
    saved.write_text(done.stdout)
    checked = run("check", str(EXAMPLE), str(saved))
    assert checked.returncode == 0, checked.stderr
    assert "every claim holds (optimal, request 'leadership_team')" in checked.stdout
    document = json.loads(done.stdout)
    document["cost"] = 1
    saved.write_text(json.dumps(document))
    checked = run("check", str(EXAMPLE), str(saved))
    assert checked.returncode == 1
    assert "cost 1 is not the members' total 341000" in checked.stdout
    other = run("check", str(EXAMPLE), str(saved), "--request", "weekend_support")
    assert other.returncode == 2
    assert other.stderr.startswith("teamwright: error: result: it answers request")


def test_gaps_json_prints_the_report() -> None:
    done = run(
        "gaps",
        str(EXAMPLE),
        "--request",
        "leadership_team",
        "--people",
        "p01,p03,p06,p10",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["team"] == ["p01", "p03", "p06", "p10"]
    assert report["gaps"], "that team misses soft requirements"
    assert (
        run("gaps", str(EXAMPLE), "--request", "leadership_team", "--people", "p01").returncode == 0
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
            ("gaps", str(EXAMPLE), "--request", "leadership_team", "--people", "p01,zz"),
            "teamwright: error: unknown person 'zz'",
        ),
        (
            ("solve", str(EXAMPLE)),
            "teamwright: error: solve: give --request, --request-file, or --need/--role",
        ),
        (
            ("solve", str(EXAMPLE), "--need", "empathy"),
            "teamwright: error: --need 'empathy': expected COMPETENCY:LEVEL[:COUNT]",
        ),
        (
            ("solve", str(EXAMPLE), "--request", "leadership_team", "--mode", "fast"),
            "teamwright: error: argument --mode: invalid choice: 'fast'",
        ),
        (
            ("solve", str(EXAMPLE), "--need", "empathy:4", "--seed", "99999999999999999999999"),
            "teamwright: error: argument --seed: must be an integer from 0 to 2^63 - 1",
        ),
        (("frobnicate",), "teamwright: error: argument command: invalid choice: 'frobnicate'"),
        ((), "teamwright: error: the following arguments are required: command"),
    ],
)
def test_bad_input_or_usage_prints_one_line_and_exits_2(args: list[str], message: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(message)
    assert "Traceback" not in done.stderr


def test_an_invalid_file_is_named_in_the_error(tmp_path: Path) -> None:
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


def test_a_request_can_come_from_flags_or_its_own_file(tmp_path: Path) -> None:
    done = run(
        "solve", str(EXAMPLE), "--need", "empathy:4:2", "--need", "spanish:3",
        "--role", "technical_specialist", "--budget", "250000", "--max-size", "4",
        "--exclude", "p09", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["status"] == "optimal"
    assert "p09" not in [m["id"] for m in result["members"]]
    assert [row["requirement"] for row in result["coverage"]] == [
        "2 x empathy >= 4",
        "1 x spanish >= 3",
        "role technical_specialist x 1",
    ]
    request = tmp_path / "request.json"
    request.write_text(
        json.dumps(
            {"id": "voice", "requirements": [{"competency": "empathy", "min_level": 4, "fte": 1.5}]}
        )
    )
    done = run("solve", str(EXAMPLE), "--request-file", str(request), "--include", "p01", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["status"] == "optimal" and "p01" in [m["id"] for m in result["members"]]
    assert result["coverage"][0]["kind"] == "fte" and result["coverage"][0]["provided"] >= 1.5


def test_the_solve_options_reach_the_solver() -> None:
    done = run(
        "solve", str(EXAMPLE), "--request", "leadership_team", "--mode", "heuristic",
        "--time-limit", "0.5", "--seed", "3", "--threads", "2", "--no-replacements", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["status"] in ("optimal", "feasible")
    assert all(m["replacement"] is None for m in result["members"])


def test_ctrl_c_prints_the_best_team_so_far_and_exits_130(tmp_path: Path) -> None:
    rng = random.Random(4)
    competencies = [f"c{i}" for i in range(600)]
    document = {
        "format": "teamwright",
        "version": 1,
        "competencies": [{"id": c} for c in competencies],
        "people": [
            {
                "id": f"p{k}",
                "cost": rng.randint(1, 100),
                "levels": {rng.choice(competencies): rng.randint(1, 5) for _ in range(20)},
            }
            for k in range(20_000)
        ],
        "requests": [
            {
                "id": "r",
                "requirements": [
                    {"competency": c, "min_level": 3, "count": 2} for c in competencies[::2]
                ],
            }
        ],
    }
    path = tmp_path / "large.json"
    path.write_text(json.dumps(document))
    # A shell starts background jobs with SIGINT ignored; the child gets the default back, as
    # an interactive user's would have it.
    child = subprocess.Popen(
        [sys.executable, "-m", "teamwright", "solve", str(path), "--request", "r",
         "--mode", "heuristic", "--time-limit", "60", "--no-replacements"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    time.sleep(4)
    child.send_signal(signal.SIGINT)
    stdout, stderr = child.communicate(timeout=30)
    assert child.returncode == 130, stderr
    assert "Status: feasible (not proven optimal" in stdout
    assert "stopped: interrupted" in stdout


@pytest.mark.parametrize(
    "args",
    [["demo"], ["validate", str(EXAMPLE)], ["solve", str(EXAMPLE), "--request", "leadership_team"]],
)
def test_a_closed_pipe_ends_a_command_quietly(args: list[str]) -> None:
    # The reader is gone before the command writes its first line (`teamwright demo | head`).
    child = subprocess.Popen(
        [sys.executable, "-m", "teamwright", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    stderr = child.stderr.read()
    child.wait(timeout=120)
    assert child.returncode == 141, stderr
    assert stderr == ""


def _generalized_file(path: Path) -> None:
    """A tight random generalized assignment instance (40 agents, 800 jobs) in OR-Library's
    layout: agents jobs, the cost rows, the weight rows, the capacities."""
    rng = random.Random(7)
    agents, jobs = 40, 800
    weight = [[rng.randint(5, 25) for _ in range(jobs)] for _ in range(agents)]
    cost = [[rng.randint(10, 50) for _ in range(jobs)] for _ in range(agents)]
    capacity = [int(0.8 * sum(row) / agents) for row in weight]
    lines = [f"{agents} {jobs}", *(" ".join(map(str, r)) for r in cost + weight)]
    path.write_text("\n".join([*lines, " ".join(map(str, capacity))]) + "\n")


def _cover_file(path: Path) -> None:
    """A random OR-Library covering instance the exact search does not finish in seconds."""
    rng = random.Random(8)
    rows, columns = 500, 5000
    covering: list[list[int]] = [[] for _ in range(rows)]
    for j in range(columns):
        for i in rng.sample(range(rows), 50):
            covering[i].append(j + 1)
    lines = [f"{rows} {columns}", " ".join(str(rng.randint(1, 100)) for _ in range(columns))]
    for row in covering:
        lines += [str(len(row)), " ".join(map(str, row))]
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("command", "write"), [("cover", _cover_file), ("assign generalized", _generalized_file)]
)
def test_ctrl_c_prints_the_best_answer_of_a_search_and_exits_130(
    tmp_path: Path, command: str, write: Callable[[Path], None]
) -> None:
    path = tmp_path / "instance.txt"
    write(path)
    child = subprocess.Popen(
        [sys.executable, "-m", "teamwright", *command.split(), str(path),
         "--mode", "exact", "--time-limit", "60"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    time.sleep(3)
    child.send_signal(signal.SIGINT)
    stdout, stderr = child.communicate(timeout=30)
    assert child.returncode == 130, stderr
    assert "status: feasible (interrupted)" in stdout
