"""Generalized assignment: teamwright.assign_generalized vs HiGHS on the same instances and limits.

    python benchmarks/generalized_quality.py ../shared/benchmarks/gap --instances 'c*_*' \\
        --time-limit 5 --highs-time-limit 30 --out benchmarks/results/generalized-small.csv

Instances and known values come from the directory (`instances/`, `bounds.txt`); OR-Library
gap1-12 (`c<m><n>_<p>`) are maximised as OR-Library states them, all others minimised. Each solve
runs in a fresh process, one at a time; times are wall-clock seconds of the solve call alone.
HiGHS solves the binary program (each job once, each agent within capacity) with one thread and a
relative gap of 0. Rows: instance, solver, sense, cost, best known, gap to it (relative, >= 0 is
worse), time to best, total time, status. Needs highspy (`pip install ".[bench]"`).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import csv
import fnmatch
import math
import statistics
import sys
import time
from pathlib import Path

from quality import run_highs

COLUMNS = [
    "instance",
    "solver",
    "sense",
    "cost",
    "best_known",
    "gap_to_best_known",
    "time_to_best_s",
    "time_s",
    "status",
]


def read(path: str) -> tuple[int, int, list[list[float]], list[list[float]], list[float]]:
    numbers = [float(t) for t in Path(path).read_text().split()]
    m, n = int(numbers[0]), int(numbers[1])
    at = 2
    cost = [numbers[at + i * n : at + (i + 1) * n] for i in range(m)]
    at += m * n
    weight = [numbers[at + i * n : at + (i + 1) * n] for i in range(m)]
    at += m * n
    return m, n, cost, weight, numbers[at : at + m]


def solve_teamwright(path: str, maximize: bool, limit: float) -> tuple[float, float, float, str]:
    import teamwright

    problem = teamwright.read_generalized(path)
    start = time.perf_counter()
    s = teamwright.assign_generalized(problem, maximize=maximize, time_limit=limit)
    elapsed = time.perf_counter() - start
    if problems := s.check():
        raise AssertionError(f"{path}: the checker rejects teamwright's answer: {problems}")
    return (s.cost if s.solved else math.nan), s.time_to_best_s, elapsed, s.status.value


def solve_highs(path: str, maximize: bool, limit: float) -> tuple[float, float, float, str]:
    import highspy
    import numpy as np

    m, n, cost, weight, capacity = read(path)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = m * n, n + m
    lp.col_cost_ = np.array([cost[i][j] for i in range(m) for j in range(n)])
    lp.col_lower_, lp.col_upper_ = np.zeros(m * n), np.ones(m * n)
    lp.row_lower_ = np.concatenate([np.ones(n), np.full(m, -highspy.kHighsInf)])
    lp.row_upper_ = np.concatenate([np.ones(n), np.array(capacity)])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    index, value, start = [], [], [0]
    for i in range(m):
        for j in range(n):
            index += [j, n + i]
            value += [1.0, weight[i][j]]
            start.append(len(index))
    lp.a_matrix_.start_ = np.array(start)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(value)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * (m * n)
    lp.sense_ = highspy.ObjSense.kMaximize if maximize else highspy.ObjSense.kMinimize
    value, _bound, to_best, elapsed, status = run_highs(lp, limit, threads=1, seed=0)
    return value, to_best, elapsed, status


SOLVERS = {"teamwright": solve_teamwright, "highs": solve_highs}


def run_one(task: tuple[str, str, bool, float]) -> tuple[float, float, float, str]:
    path, solver, maximize, limit = task
    return SOLVERS[solver](path, maximize, limit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--instances", default="*", help="glob on instance names")
    parser.add_argument("--solvers", default="teamwright,highs")
    parser.add_argument("--time-limit", type=float, default=10.0, help="teamwright's seconds")
    parser.add_argument("--highs-time-limit", type=float, default=30.0)
    parser.add_argument("--out", help="CSV file for the rows")
    args = parser.parse_args(argv)
    directory = Path(args.directory)
    known = {}
    for line in (directory / "bounds.txt").read_text().splitlines():
        key, low, high = line.split()
        known[key] = (float(low), float(high))
    paths = sorted(
        p for p in (directory / "instances").iterdir() if fnmatch.fnmatch(p.name, args.instances)
    )
    rows = []
    context = concurrent.futures.ProcessPoolExecutor(max_workers=1, max_tasks_per_child=1)
    with context as executor:
        for path in paths:
            maximize = path.name.startswith("c") and "_" in path.name
            sense = "max" if maximize else "min"
            low, high = known.get(f"{path.name}_{sense.capitalize()}", (math.nan, math.nan))
            best_known = low if maximize else high
            for solver in args.solvers.split(","):
                limit = args.highs_time_limit if solver == "highs" else args.time_limit
                cost, to_best, elapsed, status = executor.submit(
                    run_one, (str(path), solver, maximize, limit)
                ).result()
                gap = (best_known - cost if maximize else cost - best_known) / abs(best_known)
                row = dict(
                    zip(
                        COLUMNS,
                        [path.name, solver, sense, cost, best_known, gap, to_best, elapsed, status],
                        strict=True,
                    )
                )
                rows.append(row)
                print(
                    f"{path.name:10} {solver:10} {sense} cost={cost:g} known={best_known:g} "
                    f"gap={100 * gap:.3f}% to_best={to_best:.2f}s time={elapsed:.2f}s {status}",
                    flush=True,
                )
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    for solver in args.solvers.split(","):
        mine = [r for r in rows if r["solver"] == solver]
        hits = sum(r["gap_to_best_known"] <= 1e-9 for r in mine)
        print(
            f"{solver}: best known on {hits}/{len(mine)}, mean gap "
            f"{100 * statistics.fmean(r['gap_to_best_known'] for r in mine):.3f} %"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
