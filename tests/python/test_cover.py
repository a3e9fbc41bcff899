"""The covering engine from Python and the `teamwright cover` command."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import teamwright as tw
from conftest import ROOT
from teamwright import cover

GOLDEN = ROOT / "tests" / "data" / "orlib"


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> cover.CoverProblem:
    """400 x 4000 with unit costs in OR-Library format: a wide gap the solver cannot close."""
    rng = random.Random(5)
    rows, columns = 400, 4000
    lines = [f"{rows} {columns}", " ".join("1" for _ in range(columns))]
    for _ in range(rows):
        covering = rng.sample(range(1, columns + 1), rng.randint(2, 60))
        lines.append(f"{len(covering)} " + " ".join(map(str, covering)))
    path = tmp_path_factory.mktemp("orlib") / "large.txt"
    path.write_text("\n".join(lines) + "\n")
    return cover.read_orlib(path)


def test_the_golden_instance_is_solved_to_its_optimum() -> None:
    problem = cover.read_orlib(GOLDEN / "scp41.txt")
    assert (problem.num_rows, problem.num_columns) == (200, 1000)
    solution = cover.solve(problem)  # auto mode: the heuristic, then the proof
    assert solution.status is tw.Status.OPTIMAL
    assert solution.cost == solution.bound == 429
    assert solution.termination is tw.Termination.COMPLETED
    assert 0 <= solution.time_to_best_s <= solution.time_s


def test_progress_reaches_python_and_its_exceptions_stop_the_solve(
    large: cover.CoverProblem,
) -> None:
    reports: list[cover.Progress] = []
    solution = cover.solve(large, time_limit=0.3, on_progress=reports.append)
    assert reports and reports[-1].incumbent == solution.cost

    def fail(progress: cover.Progress) -> None:
        raise ValueError("enough")

    start = time.perf_counter()
    with pytest.raises(ValueError, match="enough"):
        cover.solve(large, time_limit=30, on_progress=fail)
    assert time.perf_counter() - start < 5


def test_ctrl_c_stops_a_solve_and_hands_back_its_best_solution(large: cover.CoverProblem) -> None:
    # A shell starts background jobs with SIGINT ignored, and Python then leaves it ignored:
    # install Python's own handler so that the test sees what an interactive user would.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
        start = time.perf_counter()
        timer.start()
        solution = cover.solve(large, time_limit=60)
        assert time.perf_counter() - start < 5
        assert solution.termination is tw.Termination.INTERRUPTED
        assert solution.status is tw.Status.FEASIBLE and solution.columns
    finally:
        signal.signal(signal.SIGINT, previous)


def test_bad_files_and_options_raise_typed_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text("2 3\n1 2")
    with pytest.raises(
        tw.FormatError, match=r"broken\.txt: the header announces 3 column costs, more than"
    ):
        cover.read_orlib(broken)
    with pytest.raises(tw.FileError):
        cover.read_orlib(tmp_path / "missing.txt")
    problem = cover.read_orlib(GOLDEN / "scp41.txt")
    with pytest.raises(tw.OutOfRangeError, match="threads 0 must be >= 1"):
        cover.solve(problem, threads=0)


def _as_rail(path: Path, out: Path) -> Path:
    """An OR-Library file rewritten in rail's column-oriented layout."""
    numbers = [int(t) for t in path.read_text().split()]
    m, n = numbers[0], numbers[1]
    costs, at = numbers[2 : 2 + n], 2 + n
    rows_of: list[list[int]] = [[] for _ in range(n)]
    for i in range(m):
        k = numbers[at]
        for j in numbers[at + 1 : at + 1 + k]:
            rows_of[j - 1].append(i + 1)
        at += 1 + k
    lines = [f"{m} {n}"] + [
        " ".join(map(str, [costs[j], len(r), *r])) for j, r in enumerate(rows_of)
    ]
    out.write_text("\n".join(lines) + "\n")
    return out


def test_read_file_tells_the_three_formats_apart(tmp_path: Path) -> None:
    ours = tmp_path / "tiny.cover"
    ours.write_text("teamwright-cover 1\n1 2\n2\n3 4\n1 1\n1 1\n")
    problem, format = cover.read_file(ours)
    assert (problem.num_rows, problem.num_columns, format) == (1, 2, "teamwright-cover")
    theirs = cover.read_file(GOLDEN / "scp41.txt")
    assert (theirs.problem.num_rows, theirs.problem.num_columns) == (200, 1000)
    assert theirs.format == "orlib"
    rail = cover.read_file(_as_rail(GOLDEN / "scp41.txt", tmp_path / "scp41_rail.txt"))
    assert rail.format == "rail"
    for same in (rail.problem, cover.read_rail(tmp_path / "scp41_rail.txt")):
        for key, values in theirs.problem.to_arrays().items():
            floats = np.asarray(values).dtype.kind == "f"
            assert np.array_equal(same.to_arrays()[key], values, equal_nan=floats), key
    assert cover.read_problem(ours).num_columns == 2


def test_the_cover_command_solves_a_rail_file_and_says_so(tmp_path: Path) -> None:
    path = _as_rail(GOLDEN / "scp41.txt", tmp_path / "scp41_rail.txt")
    done = run("cover", str(path), "--time-limit", "5")
    assert done.returncode == 0, done.stderr
    assert f"{path} (rail): 200 rows, 1000 columns" in done.stdout
    assert "cost: 429" in done.stdout


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "teamwright", *args], capture_output=True, text=True, timeout=120
    )


def test_the_cover_command_prints_json_with_1_based_columns() -> None:
    done = run("cover", str(GOLDEN / "scp41.txt"), "--time-limit", "2", "--seed", "1", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert {"status", "cost", "bound", "time_to_best_s", "time_s", "columns"} <= result.keys()
    assert result["cost"] == 429
    assert min(result["columns"]) >= 1 and max(result["columns"]) <= 1000
    text = run("cover", str(GOLDEN / "scp41.txt"))
    assert text.returncode == 0 and "cost: 429" in text.stdout


def test_the_cover_command_reads_teamwright_cover_files_too(tmp_path: Path) -> None:
    # Two rows (demands 1 and 2) and three columns: the second and third cover row 2 twice.
    path = tmp_path / "small.cover"
    path.write_text("teamwright-cover 1\n2 3\n1 2\n1 2 3\n1 1\n1 2\n2 1 2\n")
    done = run("cover", str(path), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["status"], result["cost"], result["columns"]) == ("optimal", 5, [2, 3])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("cover", "missing.txt"), "teamwright: error: cannot read 'missing.txt'"),
        (
            ("cover", str(GOLDEN / "scp41.txt"), "--time-limit", "-1"),
            "teamwright: error: argument --time-limit: must be a number >= 0",
        ),
        (
            ("cover", str(GOLDEN / "scp41.txt"), "--threads", "0"),
            "teamwright: error: argument --threads: must be an integer >= 1",
        ),
    ],
)
def test_the_cover_command_reports_bad_input_in_one_line(args: list[str], message: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith(message)


def test_exact_mode_proves_the_golden_optimum() -> None:
    solution = cover.solve(cover.read_orlib(GOLDEN / "scp42.txt"), mode="exact")
    assert solution.status is tw.Status.OPTIMAL
    assert solution.cost == solution.bound == 512
    assert solution.relative_gap == 0


def test_exact_mode_stops_at_the_time_limit_with_bound_and_gap(large: cover.CoverProblem) -> None:
    solution = cover.solve(large, mode="exact", time_limit=0.3)
    assert solution.termination is tw.Termination.TIME_LIMIT
    assert solution.time_s <= 0.3 * 1.05 + 0.05
    assert solution.status is tw.Status.FEASIBLE
    assert 0 < solution.bound < solution.cost and 0 < solution.relative_gap < 1


def test_the_cover_command_proves_optimality_with_exact() -> None:
    done = run("cover", str(GOLDEN / "scp43.txt"), "--mode", "exact", "--json")
    result = json.loads(done.stdout)
    assert (result["status"], result["cost"], result["bound"]) == ("optimal", 516, 516)


def test_heuristic_mode_returns_a_bound_without_a_proof_search(large: cover.CoverProblem) -> None:
    solution = cover.solve(large, mode="heuristic", time_limit=None)
    assert solution.status is tw.Status.FEASIBLE
    assert solution.termination is tw.Termination.COMPLETED
    assert solution.bound < solution.cost
    with pytest.raises(tw.OutOfRangeError, match="mode 'fast' must be"):
        cover.solve(large, mode="fast")  # type: ignore[arg-type]  # a bad mode on purpose
