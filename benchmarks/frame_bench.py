"""DataFrames into models: `tw.Model.from_frame` on a wide people x competencies frame against
pandas' own `frame.to_numpy()` (and a copying `to_numpy(copy=True)`) on the same frame, in the
same process, alternating, median of the repeats; then `tw.Model.from_long_frame` on the same
levels as long rows (person, competency, level, source, date).

    python benchmarks/frame_bench.py --people 100000 --competencies 500 --density 0.05

The frame is seeded: levels 1-5 in ``density`` of the cells, NaN elsewhere (not assessed), one
float64 block as pandas builds it from columns; costs rise with a person's mean level.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import teamwright as tw


def _frame(
    people: int, competencies: int, density: float, seed: int, mixed: bool = False
) -> pd.DataFrame:
    """Levels in ``density`` of the cells, NaN elsewhere; with ``mixed``, every other column
    is int64 with 0 for "no level" (as an export gives a column without blanks), so the frame
    holds two blocks."""
    rng = np.random.default_rng(seed)
    held = rng.random((people, competencies)) < density
    levels = np.where(held, rng.integers(1, 6, size=(people, competencies)), np.nan)
    columns = {
        f"c{j:04d}": np.nan_to_num(levels[:, j]).astype(np.int64)
        if mixed and j % 2
        else levels[:, j]
        for j in range(competencies)
    }
    return pd.DataFrame(columns, index=pd.Index([f"p{i:06d}" for i in range(people)]))


def _seconds(run: Callable[[], Any]) -> float:
    start = time.perf_counter()
    result = run()
    elapsed = time.perf_counter() - start
    del result
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--competencies", type=int, default=500)
    parser.add_argument("--density", type=float, default=0.05)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--long", action="store_true", help="also time from_long_frame")
    parser.add_argument(
        "--mixed", action="store_true", help="every other column int64: a frame of two blocks"
    )
    args = parser.parse_args(argv)

    frame = _frame(args.people, args.competencies, args.density, args.seed, args.mixed)
    cost = 30_000 + 8_000 * frame.mean(axis=1).fillna(0)
    runs: dict[str, list[float]] = {"to_numpy": [], "to_numpy_copy": [], "from_frame": []}
    for _ in range(args.repeats):
        runs["to_numpy"].append(_seconds(frame.to_numpy))
        runs["from_frame"].append(_seconds(lambda: tw.Model.from_frame(frame, cost=cost)))
        runs["to_numpy_copy"].append(_seconds(lambda: frame.to_numpy(copy=True)))
    if args.long:
        rows = frame.stack().dropna().rename("level").reset_index()
        rows.columns = ["person", "competency", "level"]
        rows["source"] = "manager"
        rows["date"] = "2026-06-30"
        runs["from_long_frame"] = [
            _seconds(lambda: tw.Model.from_long_frame(rows, cost=cost)) for _ in range(args.repeats)
        ]
    cells = args.people * args.competencies
    levels = int((frame.fillna(0).to_numpy() != 0).sum())
    print(
        f"{args.people:,} people x {args.competencies:,} competencies = {cells:,} cells, "
        f"{levels:,} levels, {len(set(frame.dtypes))} dtype(s); median of {args.repeats}, seconds"
    )
    median = {name: statistics.median(times) for name, times in runs.items()}
    for name, value in median.items():
        print(f"  {name:16} {value:9.4f}   (min {min(runs[name]):.4f})")
    for baseline in ("to_numpy", "to_numpy_copy"):
        print(f"  from_frame / {baseline} = {median['from_frame'] / median[baseline]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
