"""The benchmark harness runs end to end: rows, summaries and report from one small run."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "orlib"


def load(name: str) -> Any:
    # Worker processes are spawned and import the runner by name: they inherit this sys.path.
    folder = str(ROOT / "benchmarks")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(name)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="the runner needs Python 3.11")
def test_the_runner_writes_rows_and_summaries_for_every_solver(tmp_path: Path) -> None:
    quality = load("quality")
    report = load("report")
    solvers = "teamwright,teamwright-exact,greedy"
    for peer, module in (("cpsat", "ortools"), ("highs", "highspy")):
        if importlib.util.find_spec(module) is not None:
            solvers += f",{peer}"
    out = tmp_path / "rows.csv"
    code = quality.main(
        [
            str(GOLDEN),
            "--instances",
            "scp4[12]",
            "--solvers",
            solvers,
            "--time-limit",
            "2",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    rows = report.load(str(out))
    assert len(rows) == 2 * len(solvers.split(","))
    assert set(rows[0]) == set(quality.COLUMNS)
    for row in rows:
        assert float(row["bound"]) <= float(row["cost"]), row
        assert float(row["gap_to_best_known"]) >= 0, row
        if row["solver"].startswith("teamwright"):
            assert float(row["gap_to_best_known"]) == 0, row
            assert row["status"] == "optimal", row
    assert "teamwright-exact" in report.exact(rows)
    summary = (tmp_path / "rows-summary.csv").read_text()
    assert summary.startswith("family,solver,threads,instances")


@pytest.mark.skipif(sys.version_info < (3, 11), reason="the runner needs Python 3.11")
def test_the_team_benchmark_solves_each_request_to_the_same_optimum_as_its_peers(
    tmp_path: Path,
) -> None:
    team_bench = load("team_bench")
    solvers = "teamwright"
    for peer, module in (("cpsat", "ortools"), ("highs", "highspy")):
        if importlib.util.find_spec(module) is not None:
            solvers += f",{peer}"
    out = tmp_path / "team.csv"
    code = team_bench.main(
        [
            "--families",
            "team-1k,robust-1k",
            "--per-family",
            "1",
            "--solvers",
            solvers,
            "--time-limit",
            "20",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 2 * len(solvers.split(","))
    for instance in {row["instance"] for row in rows}:
        solves = [row for row in rows if row["instance"] == instance]
        mine = next(row for row in solves if row["solver"] == "teamwright")
        assert mine["status"] == "optimal", mine
        for row in solves:
            assert float(row["bound"]) <= float(mine["objective"]) + 1e-6, row
            if row["status"] == "optimal":
                assert float(row["objective"]) == pytest.approx(float(mine["objective"])), row


@pytest.mark.skipif(sys.version_info < (3, 11), reason="the runner needs Python 3.11")
def test_the_gap_benchmark_checks_and_records_teamwrights_answers(tmp_path: Path) -> None:
    generalized_quality = load("generalized_quality")
    (tmp_path / "instances").mkdir()
    source = ROOT / "tests" / "data" / "gap" / "c0515_1"
    (tmp_path / "instances" / "c0515_1").write_text(source.read_text())
    (tmp_path / "bounds.txt").write_text("c0515_1_Max 336 336\n")
    out = tmp_path / "rows.csv"
    argv = [str(tmp_path), "--solvers", "teamwright", "--time-limit", "2", "--out", str(out)]
    assert generalized_quality.main(argv) == 0
    (row,) = csv.DictReader(out.open())
    assert (row["solver"], float(row["cost"]), row["status"]) == ("teamwright", 336, "optimal")


def test_the_closure_benchmark_agrees_with_cpsat_on_a_small_pool(tmp_path: Path) -> None:
    pytest.importorskip("ortools")
    closure_bench = load("closure_bench")
    out = tmp_path / "closure.csv"
    argv = ["--out", str(out), "--pools", "150", "--gaps", "20", "--seeds", "1"]
    assert closure_bench.main([*argv, "--time-limit", "20"]) == 0
    rows = {row["solver"]: row for row in csv.DictReader(out.open())}
    assert rows["teamwright"]["status"] == rows["cpsat"]["status"] == "optimal"
    assert float(rows["teamwright"]["cost"]) == pytest.approx(float(rows["cpsat"]["cost"]))
