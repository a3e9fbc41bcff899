"""Linear assignment: teamwright.linear_sum_assignment against scipy, lap and lapjv.

    python benchmarks/assignment.py --sizes 1000,2000,4000 --repeats 5 \\
        --out benchmarks/results/assignment.csv

For every size and kind (uniform random floats in [0, 1) and integers in [0, 1000)) and every
repeat a new seeded matrix is drawn and every solver solves the same matrix in the same process;
the order rotates from one matrix to the next, so each solver goes first as often as the others.
The peers are scipy.optimize.linear_sum_assignment, lap.lapjv (gatagat/lap, JV on float64) and
lapjv.lapjv (src-d/lapjv, JV with AVX; by default it rounds the matrix to float32, which is exact
for these integers but not for the floats: its objective is recomputed in float64 from its
assignment, and the summary says whether it matched). A peer that is not installed is left out
(`pip install ".[bench]"`). The CSV has one row per solve (size, kind, repeat, solver, time,
objective); `benchmarks/report.py --assignment` turns it into the table of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

COLUMNS = ["size", "kind", "repeat", "solver", "time_s", "objective"]

Solve = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]


def solvers() -> dict[str, Solve]:
    """teamwright and every peer that imports, each returning (rows, columns)."""
    import teamwright

    out: dict[str, Solve] = {"teamwright": teamwright.linear_sum_assignment}
    try:
        import scipy.optimize

        out["scipy"] = scipy.optimize.linear_sum_assignment
    except ImportError:
        print("scipy is not installed: left out", file=sys.stderr)
    try:
        import lap

        def solve_lap(cost: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            _, x, _ = lap.lapjv(cost)
            return np.arange(len(x)), x

        out["lap"] = solve_lap
    except ImportError:
        print("lap is not installed: left out", file=sys.stderr)
    try:
        import lapjv

        def solve_lapjv(cost: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            x, _, _ = lapjv.lapjv(cost)
            return np.arange(len(x)), x

        out["lapjv"] = solve_lapjv
    except ImportError:
        print("lapjv is not installed: left out", file=sys.stderr)
    return out


def matrix(size: int, kind: str, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if kind == "float":
        return rng.random((size, size))
    return rng.integers(0, 1000, size=(size, size), dtype=np.int64)


def run(sizes: list[int], repeats: int) -> list[dict[str, Any]]:
    candidates = solvers()
    names = list(candidates)
    rows = []
    for size in sizes:
        for kind in ("float", "int"):
            for repeat in range(repeats):
                cost = matrix(size, kind, seed=1000 * size + repeat + (0 if kind == "float" else 7))
                shift = repeat % len(names)
                for name in names[shift:] + names[:shift]:
                    start = time.perf_counter()
                    r, c = candidates[name](cost)
                    elapsed = time.perf_counter() - start
                    rows.append(
                        {
                            "size": size,
                            "kind": kind,
                            "repeat": repeat,
                            "solver": name,
                            "time_s": elapsed,
                            "objective": cost[r, c].sum().item(),
                        }
                    )
                    print(f"n={size:5d} {kind:5s} #{repeat} {name:10s} {elapsed:8.4f}s", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", help="CSV file for the rows")
    args = parser.parse_args(argv)
    rows = run([int(s) for s in args.sizes.split(",")], args.repeats)
    if args.out:
        with open(args.out, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    wrong = [
        r
        for r in rows
        if r["solver"] in ("teamwright", "scipy")
        and abs(r["objective"] - best(rows, r)) > 1e-9 * max(1.0, abs(best(rows, r)))
    ]
    for name in sorted({str(r["solver"]) for r in rows}):
        times = [float(r["time_s"]) for r in rows if r["solver"] == name]
        print(f"{name:10s} median {statistics.median(times):.4f} s over {len(times)} solves")
    return 1 if wrong else 0


def best(rows: list[dict[str, Any]], row: dict[str, Any]) -> float:
    """The least objective any exact solver found on the row's matrix."""
    return min(
        float(r["objective"])
        for r in rows
        if (r["size"], r["kind"], r["repeat"]) == (row["size"], row["kind"], row["repeat"])
        and r["solver"] in ("teamwright", "scipy")
    )


if __name__ == "__main__":
    sys.exit(main())
