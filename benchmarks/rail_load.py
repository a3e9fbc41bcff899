"""Rail-size covering files load in time proportional to their bytes (issue 14): a seeded file in
OR-Library's column-oriented rail layout the size of rail4284 (4,284 rows, 1,092,610 columns,
costs 1-2, 1-12 rows a column; about 60 MB) -- or a real rail file given by path -- read as
bytes, then by `cover.read_rail` and `cover.read_file`; prints the times, their ratio to reading
the bytes, and the memory the problem holds against its compressed sparse columns.

    python3 benchmarks/rail_load.py [--file rail4284] [--repeats 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from teamwright import cover


def write_rail(path: Path, rows: int, columns: int, seed: int) -> None:
    """A seeded rail-like instance: each column a cost of 1 or 2 and 1-12 distinct rows."""
    rng = np.random.default_rng(seed)
    counts = rng.integers(1, 13, columns)
    costs = rng.integers(1, 3, columns)
    with path.open("w") as out:
        out.write(f"{rows} {columns}\n")
        for j in range(columns):
            chosen = np.sort(rng.choice(rows, counts[j], replace=False)) + 1
            out.write(f"{costs[j]} {counts[j]} {' '.join(map(str, chosen))}\n")


def _times(run: Callable[[], object], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, help="a rail file; default: a seeded one")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.file
        if path is None:
            path = Path(scratch) / "rail_like.txt"
            write_rail(path, 4284, 1_092_610, seed=1)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        problem = cover.read_rail(path)
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
        arrays = problem.to_arrays()
        csr = arrays["rows"].nbytes + arrays["column_start"].nbytes + arrays["cost"].nbytes
        runs = {
            "read the bytes": _times(path.read_bytes, args.repeats),
            "cover.read_rail": _times(lambda: cover.read_rail(path), args.repeats),
            "cover.read_file": _times(lambda: cover.read_file(path), args.repeats),
        }
        size = path.stat().st_size
        print(
            f"{path.name}: {size / 1e6:.1f} MB, {problem.num_rows:,} rows, "
            f"{problem.num_columns:,} columns, {problem.num_nonzeros:,} nonzeros"
        )
        base = statistics.median(runs["read the bytes"])
        for name, times in runs.items():
            median = statistics.median(times)
            print(f"  {name:<16} {median:8.3f} s   {median / base:6.1f} x the bytes")
        print(
            f"  peak memory grew {grown / 1e6:.0f} MB on the first read; the compressed "
            f"columns (rows, starts, costs) are {csr / 1e6:.0f} MB: {grown / csr:.1f} x"
        )


if __name__ == "__main__":
    main()
