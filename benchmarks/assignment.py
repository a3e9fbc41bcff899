"""Linear assignment: teamwright.linear_sum_assignment vs scipy.optimize.linear_sum_assignment.

    python benchmarks/assignment.py --sizes 1000,2000,4000 --repeats 5 \\
        --out benchmarks/results/assignment.csv

For every size and kind (uniform random floats in [0, 1) and integers in [0, 1000)) and every
repeat a new seeded matrix is drawn and both solvers solve the same matrix in the same process,
alternating which goes first. The CSV has one row per solve (size, kind, repeat, solver, time,
objective); the summary printed at the end gives median times, the median of the per-matrix time
ratios and whether every objective agreed. Needs numpy and scipy (`pip install ".[bench]"`).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time

import numpy as np

COLUMNS = ["size", "kind", "repeat", "solver", "time_s", "objective"]


def solvers() -> dict:
    import scipy.optimize
    import teamwright

    return {
        "teamwright": teamwright.linear_sum_assignment,
        "scipy": scipy.optimize.linear_sum_assignment,
    }


def matrix(size: int, kind: str, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if kind == "float":
        return rng.random((size, size))
    return rng.integers(0, 1000, size=(size, size), dtype=np.int64)


def run(sizes: list[int], repeats: int) -> list[dict[str, object]]:
    candidates = solvers()
    rows = []
    for size in sizes:
        for kind in ("float", "int"):
            for repeat in range(repeats):
                cost = matrix(size, kind, seed=1000 * size + repeat + (0 if kind == "float" else 7))
                order = list(candidates) if repeat % 2 == 0 else list(reversed(candidates))
                for name in order:
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


def summarise(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Per size and kind: median times, median of per-matrix ratios, objectives agreeing."""
    out = []
    keys = sorted({(int(r["size"]), str(r["kind"])) for r in rows})
    for size, kind in keys:
        group = [r for r in rows if int(r["size"]) == size and r["kind"] == kind]
        by_repeat: dict[int, dict[str, dict[str, object]]] = {}
        for r in group:
            by_repeat.setdefault(int(r["repeat"]), {})[str(r["solver"])] = r
        ratios = [
            float(p["teamwright"]["time_s"]) / float(p["scipy"]["time_s"])
            for p in by_repeat.values()
        ]
        agree = all(
            abs(float(p["teamwright"]["objective"]) - float(p["scipy"]["objective"]))
            <= 1e-9 * max(1.0, abs(float(p["scipy"]["objective"])))
            for p in by_repeat.values()
        )
        median = {
            s: statistics.median(float(r["time_s"]) for r in group if r["solver"] == s)
            for s in ("teamwright", "scipy")
        }
        out.append(
            {
                "size": size,
                "kind": kind,
                "matrices": len(by_repeat),
                "teamwright_median_s": median["teamwright"],
                "scipy_median_s": median["scipy"],
                "median_ratio": statistics.median(ratios),
                "objectives_equal": agree,
            }
        )
    return out


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
    summary = summarise(rows)
    for line in summary:
        print(line)
    return 0 if all(s["objectives_equal"] for s in summary) else 1


if __name__ == "__main__":
    sys.exit(main())
