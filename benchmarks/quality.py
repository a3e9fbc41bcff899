"""Quality runner: solvers x set-covering instances -> CSV rows and per-family summaries.

    python benchmarks/quality.py ../shared/benchmarks/orlib-scp --time-limit 10 \\
        --solvers teamwright,cpsat,highs --threads 1,2 --out results/scp.csv

Every solver gets the same instance, time limit, thread count and seed, and a relative MIP gap
of 0. Times are wall-clock seconds of the solve call alone (reading the file and building the
peer's model are left out for every solver). Best-known costs come from `optima.csv` in the
instance directory. Every solve runs in a fresh process, one at a time by default so that
timings are not shared with another solve; `--workers N` runs N at once and `--dask ADDRESS` on a
Dask cluster (any `concurrent.futures.Executor` works through `run()`). Needs Python 3.11.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import csv
import fnmatch
import math
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

COLUMNS = [
    "instance",
    "family",
    "solver",
    "threads",
    "seed",
    "cost",
    "bound",
    "gap_to_best_known",
    "time_to_best_s",
    "time_s",
    "status",
]


@dataclass(frozen=True)
class Task:
    path: str
    solver: str
    threads: int
    seed: int
    time_limit: float


@dataclass
class Row:
    instance: str
    family: str
    solver: str
    threads: int
    seed: int
    cost: float
    bound: float
    gap_to_best_known: float
    time_to_best_s: float
    time_s: float
    status: str


def family(name: str) -> str:
    """scp41 -> 4, scpa3 -> a, scpnre1 -> nre; other instances are their own family."""
    if not name.startswith("scp"):
        return name
    stem = name.removeprefix("scp")
    if stem.startswith("nr"):
        return stem[:3]
    return stem[:1]


def read_problem(path: str) -> tuple[int, int, list[float], list[list[int]], list[int]]:
    """m, n, costs, for each row its 0-based columns, and row demands: an OR-Library file
    (*.txt, every demand 1) or teamwright's plain-text cover format (*.cover)."""
    tokens = Path(path).read_text().split()
    if tokens[0] == "teamwright-cover":
        m, n = int(tokens[2]), int(tokens[3])
        demands = [int(t) for t in tokens[4 : 4 + m]]
        costs = [float(t) for t in tokens[4 + m : 4 + m + n]]
        rows: list[list[int]] = [[] for _ in range(m)]
        at = 4 + m + n
        for j in range(n):
            k = int(tokens[at])
            for t in tokens[at + 1 : at + 1 + k]:
                rows[int(t) - 1].append(j)
            at += 1 + k
        return m, n, costs, rows, demands
    m, n = int(tokens[0]), int(tokens[1])
    costs = [float(t) for t in tokens[2 : 2 + n]]
    rows, at = [], 2 + n
    for _ in range(m):
        k = int(tokens[at])
        rows.append([int(t) - 1 for t in tokens[at + 1 : at + 1 + k]])
        at += 1 + k
    return m, n, costs, rows, [1] * m


# ---- solvers: each returns (cost, bound, time_to_best_s, time_s, status) -------------------


def solve_teamwright(task: Task, mode: str) -> tuple[float, float, float, float, str]:
    import teamwright.cover as cover

    read = cover.read_cover if task.path.endswith(".cover") else cover.read_orlib
    problem = read(task.path)
    solution = cover.solve(
        problem, mode=mode, time_limit=task.time_limit, seed=task.seed, threads=task.threads
    )
    return (
        solution.cost,
        solution.bound,
        solution.time_to_best_s,
        solution.time_s,
        solution.status.value,
    )


def solve_cpsat(task: Task) -> tuple[float, float, float, float, str]:
    from ortools.sat.python import cp_model

    _, n, costs, rows, demands = read_problem(task.path)
    model = cp_model.CpModel()
    x = [model.NewBoolVar(f"x{j}") for j in range(n)]
    for row, demand in zip(rows, demands, strict=True):
        if demand == 1:
            model.AddBoolOr([x[j] for j in row])
        elif demand > 1:
            model.Add(sum(x[j] for j in row) >= demand)
    if any(c != int(c) for c in costs):
        raise ValueError("CP-SAT needs integral costs")
    model.Minimize(sum(int(c) * x[j] for j, c in enumerate(costs)))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = task.time_limit
    solver.parameters.num_workers = task.threads
    solver.parameters.random_seed = task.seed
    solver.parameters.relative_gap_limit = 0.0

    class Improvements(cp_model.CpSolverSolutionCallback):
        def __init__(self) -> None:
            super().__init__()
            self.start = time.perf_counter()
            self.last = 0.0

        def on_solution_callback(self) -> None:
            self.last = time.perf_counter() - self.start

    callback = Improvements()
    start = time.perf_counter()
    status = solver.Solve(model, callback)
    elapsed = time.perf_counter() - start
    names = {
        cp_model.OPTIMAL: "optimal",
        cp_model.FEASIBLE: "feasible",
        cp_model.INFEASIBLE: "infeasible",
    }
    name = names.get(status, "no_solution_found")
    cost = solver.ObjectiveValue() if name in ("optimal", "feasible") else math.inf
    return cost, solver.BestObjectiveBound(), callback.last, elapsed, name


def solve_highs(task: Task) -> tuple[float, float, float, float, str]:
    import highspy
    import numpy as np

    m, n, costs, rows, demands = read_problem(task.path)
    by_column: list[list[int]] = [[] for _ in range(n)]
    for i, row in enumerate(rows):
        for j in row:
            by_column[j].append(i)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, m
    lp.col_cost_ = np.array(costs)
    lp.col_lower_, lp.col_upper_ = np.zeros(n), np.ones(n)
    lp.row_lower_ = np.array(demands, dtype=float)
    lp.row_upper_ = np.full(m, highspy.kHighsInf)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    index = np.array([i for column in by_column for i in column], dtype=np.int32)
    lp.a_matrix_.start_ = np.cumsum([0] + [len(c) for c in by_column])
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = np.ones(index.size)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    return run_highs(lp, task.time_limit, task.threads, task.seed)


def run_highs(
    lp: object, time_limit: float, threads: int, seed: int
) -> tuple[float, float, float, float, str]:
    """Solves a `highspy.HighsLp` with a relative MIP gap of 0: (cost, bound, time to best, total
    time, status), times in wall-clock seconds of the solve alone."""
    import highspy

    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", float(time_limit))
    highs.setOptionValue("threads", threads)
    highs.setOptionValue("random_seed", seed)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.passModel(lp)
    start = time.perf_counter()
    best = {"time": 0.0}

    def improved(_event: object) -> None:
        best["time"] = time.perf_counter() - start

    highs.cbMipImprovingSolution.subscribe(improved)
    highs.run()
    elapsed = time.perf_counter() - start
    info = highs.getInfo()
    status = highs.getModelStatus()
    name = (
        "optimal"
        if status == highspy.HighsModelStatus.kOptimal
        else "infeasible"
        if status == highspy.HighsModelStatus.kInfeasible
        else "feasible"
        if info.primal_solution_status == 2
        else "no_solution_found"
    )
    cost = info.objective_function_value if name in ("optimal", "feasible") else math.inf
    return cost, info.mip_dual_bound, best["time"], elapsed, name


def solve_greedy(task: Task) -> tuple[float, float, float, float, str]:
    import teamwright.cover as cover

    read = cover.read_cover if task.path.endswith(".cover") else cover.read_orlib
    solution = cover.solve(read(task.path), time_limit=0.0)
    return (
        solution.cost,
        solution.bound,
        solution.time_to_best_s,
        solution.time_s,
        solution.status.value,
    )


SOLVERS: dict[str, Callable[[Task], tuple[float, float, float, float, str]]] = {
    "teamwright": lambda task: solve_teamwright(task, "heuristic"),
    "teamwright-exact": lambda task: solve_teamwright(task, "exact"),
    "teamwright-auto": lambda task: solve_teamwright(task, "auto"),
    "greedy": solve_greedy,
    "cpsat": solve_cpsat,
    "highs": solve_highs,
}


def run_task(task: Task, best_known: float | None) -> Row:
    cost, bound, to_best, elapsed, status = SOLVERS[task.solver](task)
    name = Path(task.path).stem
    gap = (cost - best_known) / best_known if best_known and math.isfinite(cost) else math.nan
    return Row(
        name,
        family(name),
        task.solver,
        task.threads,
        task.seed,
        cost,
        bound,
        gap,
        to_best,
        elapsed,
        status,
    )


def run(
    tasks: Iterable[Task],
    best_known: dict[str, float],
    executor: concurrent.futures.Executor,
    sink: Callable[[Row], None] | None = None,
) -> list[Row]:
    """Runs every task on `executor` and returns the rows in task order, reporting each and
    handing it to `sink` as soon as it is known (so that a stopped run keeps its rows)."""
    tasks = list(tasks)
    futures = [
        executor.submit(run_task, task, best_known.get(Path(task.path).stem)) for task in tasks
    ]
    rows = []
    for future in futures:
        row = future.result()
        rows.append(row)
        if sink is not None:
            sink(row)
        print(
            f"{row.instance:10} {row.solver:16} t={row.threads} cost={row.cost:g} "
            f"bound={row.bound:.2f} to_best={row.time_to_best_s:.2f}s "
            f"time={row.time_s:.2f}s {row.status}",
            file=sys.stderr,
            flush=True,
        )
    return rows


def geometric_mean(values: list[float], shift: float = 0.0) -> float:
    """The geometric mean of values + shift, minus shift (shift keeps zeros meaningful)."""
    values = [v for v in values if math.isfinite(v)]
    if not values:
        return math.nan
    return math.exp(sum(math.log(v + shift) for v in values) / len(values)) - shift


def summarise(rows: list[Row]) -> list[dict[str, object]]:
    """Per family, solver and threads: instances, best-known reached, proven optimal,
    geometric means of cost / best known, of time to best and of total time (shifted by 0.01 s)."""
    groups: dict[tuple[str, str, int], list[Row]] = defaultdict(list)
    for row in rows:
        groups[(row.family, row.solver, row.threads)].append(row)
    summary = []
    for (fam, solver, threads), members in sorted(groups.items()):
        summary.append(
            {
                "family": fam,
                "solver": solver,
                "threads": threads,
                "instances": len(members),
                "best_known_reached": sum(r.gap_to_best_known <= 1e-9 for r in members),
                "proven_optimal": sum(r.status == "optimal" for r in members),
                "gm_cost_ratio": geometric_mean([1 + r.gap_to_best_known for r in members]),
                "gm_time_to_best_s": geometric_mean([r.time_to_best_s for r in members], 0.01),
                "gm_time_s": geometric_mean([r.time_s for r in members], 0.01),
            }
        )
    return summary


def markdown(summary: list[dict[str, object]]) -> str:
    header = [
        "family",
        "solver",
        "threads",
        "instances",
        "best known reached",
        "proven optimal",
        "gm cost / best known",
        "gm time to best (s)",
        "gm time (s)",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for s in summary:
        lines.append(
            f"| {s['family']} | {s['solver']} | {s['threads']} | {s['instances']} | "
            f"{s['best_known_reached']} | {s['proven_optimal']} | {s['gm_cost_ratio']:.4f} | "
            f"{s['gm_time_to_best_s']:.3f} | {s['gm_time_s']:.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "directory", help="instance directory: OR-Library *.txt, teamwright *.cover, optima.csv"
    )
    parser.add_argument(
        "--solvers",
        default="teamwright,cpsat,highs",
        help=f"comma-separated, of {', '.join(SOLVERS)}",
    )
    parser.add_argument("--instances", default="*", help="glob on instance names")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--threads", default="1", help="comma-separated thread counts")
    parser.add_argument("--seeds", default="0", help="comma-separated seeds")
    parser.add_argument("--out", help="CSV file for the rows (the summary goes beside it)")
    parser.add_argument("--workers", type=int, default=1, help="solves at once, in processes")
    parser.add_argument("--dask", help="address of a Dask scheduler to run the solves on")
    args = parser.parse_args(argv)

    directory = Path(args.directory)
    best_known: dict[str, float] = {}
    optima = directory / "optima.csv"
    if optima.exists():
        with optima.open() as f:
            for record in csv.DictReader(f):
                best_known[record["instance"]] = float(
                    record.get("best_known") or record.get("optimum")
                )
    paths = sorted(
        p
        for pattern in ("*.txt", "*.cover")
        for p in directory.glob(pattern)
        if fnmatch.fnmatch(p.stem, args.instances)
    )
    tasks = [
        Task(str(path), solver, int(threads), int(seed), args.time_limit)
        for path in paths
        for solver in args.solvers.split(",")
        for threads in args.threads.split(",")
        for seed in args.seeds.split(",")
    ]
    unknown = {t.solver for t in tasks} - SOLVERS.keys()
    if unknown:
        parser.error(f"unknown solvers: {', '.join(sorted(unknown))}")

    with contextlib.ExitStack() as stack:
        sink = None
        if args.out:
            out = Path(args.out)
            out.parent.mkdir(parents=True, exist_ok=True)
            rows_file = stack.enter_context(out.open("w", newline=""))
            writer = csv.DictWriter(rows_file, COLUMNS)
            writer.writeheader()

            def sink(row: Row) -> None:
                writer.writerow(asdict(row))
                rows_file.flush()

        if args.dask:
            from distributed import Client

            executor = stack.enter_context(Client(args.dask)).get_executor()
        else:
            # A fresh process per solve: peers cannot share one (OR-Tools bundles its own HiGHS,
            # whose symbols would shadow highspy's), and no solve inherits another's memory.
            executor = stack.enter_context(
                concurrent.futures.ProcessPoolExecutor(
                    max_workers=args.workers, max_tasks_per_child=1
                )
            )
        rows = run(tasks, best_known, executor, sink)

    summary = summarise(rows)
    if args.out:
        out = Path(args.out)
        with out.with_name(out.stem + "-summary.csv").open("w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(summary[0]))
            writer.writeheader()
            writer.writerows(summary)
    print(markdown(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
