"""Team-request benchmark: teamwright's exact mode against CP-SAT and HiGHS models of the same
requests, and teamwright's auto mode after one second on the largest pools.

    python benchmarks/team_bench.py --out benchmarks/results/team.csv --time-limit 60

Families (seeded, regenerated on every run; `--write DIR` keeps the files):

- ``multicover``: OR-Library sets 4-6 (from ../shared/benchmarks/orlib-scp) with each row's
  demand drawn from 2-3 (at most the columns covering it);
- ``team-1k``, ``team-10k``: requests with levels, 3-6 role slots of which one a leader role,
  a budget, incompatible pairs and soft requirements, over pools of 1,000 and 10,000 people;
- ``robust-1k``, ``robust-10k``: the same requests, robust.

Every solver solves the covering problem the request compiles to (`tw.compile_request`), built
as a MIP for CP-SAT and HiGHS (`mip_arrays`), with the same time limit, one thread and a relative
gap of 0; teamwright solves the request itself (`tw.solve`, compile included in its time). Every
solve runs in a fresh process, one at a time. Times are wall-clock seconds of the solve call.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import csv
import json
import math
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ORLIB = ROOT.parent / "shared" / "benchmarks" / "orlib-scp"

COLUMNS = [
    "family",
    "instance",
    "solver",
    "time_limit",
    "objective",
    "bound",
    "status",
    "time_to_best_s",
    "time_s",
]


@dataclass(frozen=True)
class Task:
    family: str
    path: str
    solver: str
    time_limit: float


@dataclass
class Row:
    family: str
    instance: str
    solver: str
    time_limit: float
    objective: float
    bound: float
    status: str
    time_to_best_s: float
    time_s: float


# ---- families ------------------------------------------------------------------------------


def multicover(out: Path, rng: random.Random) -> list[Path]:
    """OR-Library sets 4-6 with demands 2-3, as teamwright-cover files."""
    paths = []
    for source in sorted(ORLIB.glob("scp[456]*.txt")):
        tokens = source.read_text().split()
        m, n = int(tokens[0]), int(tokens[1])
        costs = tokens[2 : 2 + n]
        by_column: list[list[int]] = [[] for _ in range(n)]
        demands, at = [], 2 + n
        for i in range(m):
            k = int(tokens[at])
            for t in tokens[at + 1 : at + 1 + k]:
                by_column[int(t) - 1].append(i + 1)
            demands.append(min(k, rng.randint(2, 3)))
            at += 1 + k
        lines = ["teamwright-cover 1", f"{m} {n}", " ".join(map(str, demands)), " ".join(costs)]
        lines += [" ".join(map(str, [len(rows), *rows])) for rows in by_column]
        path = out / f"{source.stem}-d23.cover"
        path.write_text("\n".join(lines) + "\n")
        paths.append(path)
    return paths


def team_model(rng: random.Random, people: int, robust: bool) -> dict:
    """A customer-service-like model with one request: levels, roles (one a leader role), role
    slots, a budget, incompatible pairs, soft requirements."""
    competencies = [f"c{k:02d}" for k in range(24)]
    roles = []
    for k in range(8):
        needs = rng.sample(competencies, 4)
        roles.append(
            {
                "id": f"role{k}",
                "leader": k == 0,
                "requirements": [
                    {
                        "competency": c,
                        "min_level": rng.randint(3, 4),
                        "importance": rng.randint(3, 5),
                    }
                    for c in needs[:2]
                ]
                + [
                    {
                        "competency": needs[3],
                        "min_level": 4,
                        "importance": rng.randint(1, 4),
                        "hard": False,
                    }
                ],
            }
        )
    crowd = []
    for k in range(people):
        levels = {c: rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5)) for c in rng.sample(competencies, 7)}
        strong = sum(level >= 4 for level in levels.values())
        crowd.append(
            {
                "id": f"p{k:05d}",
                "levels": levels,
                "cost": 1000 * (40 + 6 * strong + rng.randint(0, 20)),
                "availability": 1 if rng.random() < 0.9 else 0.5,
            }
        )
    requirements = []
    for c in rng.sample(competencies, rng.randint(6, 10)):
        requirements.append(
            {
                "competency": c,
                "min_level": rng.randint(3, 5),
                "count": rng.randint(1, 3),
                "importance": rng.randint(1, 5),
                "hard": rng.random() < 0.7,
            }
        )
    slots = [{"role": "role0"}] + [
        {"role": f"role{k}", "count": rng.choice((1, 1, 2))}
        for k in rng.sample(range(1, 8), rng.randint(2, 5))
    ]
    ids = [p["id"] for p in crowd]
    pairs = set()
    while len(pairs) < 30:
        a, b = sorted(rng.sample(ids, 2))
        pairs.add((a, b))
    request = {
        "id": "r",
        "requirements": requirements,
        "roles": slots,
        # A robust team needs a backup for every slot.
        "max_size": (2 if robust else 1) * sum(s.get("count", 1) for s in slots) + 6,
        "incompatible": [list(p) for p in sorted(pairs)],
        "soft_penalty": 20000,
        "robust": robust,
    }
    model = {
        "format": "teamwright",
        "version": 1,
        "competencies": [{"id": c} for c in competencies],
        "people": crowd,
        "roles": roles,
        "requests": [request],
    }
    return model


def with_budget(model: dict) -> dict:
    """Sets a budget that binds: halfway between the cheapest team meeting the hard requirements
    and the cost of the best team without a budget (which also meets soft requirements), as the
    covering heuristic finds them with its fixed effort (so the same seed gives the same files)."""
    import numpy as np
    import teamwright as tw
    from teamwright import cover

    request = model["requests"][0]
    request.pop("budget", None)

    def cost(soft_penalty: float) -> float | None:
        changed = json.loads(json.dumps(model))
        changed["requests"][0]["soft_penalty"] = soft_penalty
        problem = tw.compile_request(tw.Model.from_dict(changed), "r")
        found = cover.solve(problem, mode="heuristic", time_limit=None)
        if found.status.value not in ("optimal", "feasible"):
            return None
        return float(np.asarray(problem.to_arrays()["cost"])[found.columns].sum())

    cheapest, best = cost(1e-6), cost(request["soft_penalty"])
    if cheapest is not None and best is not None:
        request["budget"] = math.ceil((cheapest + best) / 2 / 1000) * 1000
    return model


def team_family(out: Path, rng: random.Random, people: int, robust: bool, count: int) -> list[Path]:
    paths = []
    for k in range(count):
        model = with_budget(team_model(rng, people, robust))
        name = f"{'robust' if robust else 'team'}-{people // 1000}k-{k}"
        path = out / f"{name}.json"
        path.write_text(json.dumps(model))
        paths.append(path)
    return paths


# ---- the MIP of a covering problem, for the peers -----------------------------------------


def problem_of(path: str):
    import teamwright as tw
    from teamwright import cover

    if path.endswith(".cover"):
        return cover.read_cover(path)
    return tw.compile_request(tw.load(path), "r")


def mip_arrays(arrays: dict) -> dict:
    """The rows of the MIP of `CoverProblem.to_arrays()`: for each constraint its columns,
    coefficients and lower bound, with a slack column (and its penalty) for soft rows. Robust
    rows with one coefficient need that coefficient more; others hold without each chosen
    column in turn."""
    start, rows, coefficients = arrays["column_start"], arrays["rows"], arrays["coefficients"]
    m = len(arrays["demand"])
    by_row: list[list[tuple[int, float]]] = [[] for _ in range(m)]
    for j in range(len(arrays["cost"])):
        for k in range(start[j], start[j + 1]):
            by_row[int(rows[k])].append((j, float(coefficients[k])))
    constraints = []  # (terms, lower, soft penalty or None)
    for i in range(m):
        demand, penalty = float(arrays["demand"][i]), float(arrays["penalty"][i])
        terms = by_row[i]
        if arrays["robust"][i] and terms:
            values = {a for _, a in terms}
            if len(values) == 1:
                constraints.append((terms, demand + values.pop(), None))
                continue
            for j, _a in terms:  # x_j = 1 => the others reach the demand
                constraints.append(
                    ([(k, b) for k, b in terms if k != j] + [(j, -demand)], 0.0, None)
                )
        constraints.append((terms, demand, None if math.isnan(penalty) else penalty))
    return {"constraints": constraints}


def solve_cpsat(task: Task) -> tuple[float, float, str, float, float]:
    from ortools.sat.python import cp_model

    arrays = problem_of(task.path).to_arrays()
    mip = mip_arrays(arrays)
    scale = 100  # coefficients and demands in hundredths (FTE come in quarters)
    model = cp_model.CpModel()
    n = len(arrays["cost"])
    x = [model.NewBoolVar(f"x{j}") for j in range(n)]
    # The objective in hundredths too: costs x 100, a hundredth short at the row's penalty.
    objective = [round(c * scale) * x[j] for j, c in enumerate(arrays["cost"])]
    for terms, lower, penalty in mip["constraints"]:
        expression = sum(round(a * scale) * x[j] for j, a in terms)
        bound = math.ceil(lower * scale - 1e-9)
        if penalty is None:
            model.Add(expression >= bound)
        else:
            short = model.NewIntVar(0, max(bound, 0), "short")
            model.Add(expression + short >= bound)
            objective.append(round(penalty) * short)
    groups = defaultdict(list)
    for j, g in enumerate(arrays["group"]):
        if g >= 0:
            groups[int(g)].append(x[j])
    for members in groups.values():
        model.AddAtMostOne(members)
    for a, b in arrays["conflicts"]:
        model.AddBoolOr([x[int(a)].Not(), x[int(b)].Not()])
    counting = [x[j] for j in range(n) if arrays["counts_toward_size"][j]]
    if arrays["budget"] is not None:
        model.Add(
            sum(round(w) * x[j] for j, w in enumerate(arrays["weight"])) <= int(arrays["budget"])
        )
    if arrays["min_size"]:
        model.Add(sum(counting) >= arrays["min_size"])
    if arrays["max_size"] is not None:
        model.Add(sum(counting) <= arrays["max_size"])
    for j in arrays["fixed"]:
        model.Add(x[int(j)] == 1)
    model.Minimize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = task.time_limit
    solver.parameters.num_workers = 1
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
    value = solver.ObjectiveValue() / scale if name in ("optimal", "feasible") else math.inf
    return value, solver.BestObjectiveBound() / scale, name, callback.last, elapsed


def solve_highs(task: Task) -> tuple[float, float, str, float, float]:
    import highspy
    import numpy as np

    sys.path.insert(0, str(Path(__file__).parent))
    from quality import run_highs

    arrays = problem_of(task.path).to_arrays()
    mip = mip_arrays(arrays)
    n = len(arrays["cost"])
    costs = list(map(float, arrays["cost"]))
    integrality = [highspy.HighsVarType.kInteger] * n
    upper = [1.0] * n
    row_terms, lower, row_upper = [], [], []
    for terms, bound, penalty in mip["constraints"]:
        terms = list(terms)
        if penalty is not None:
            costs.append(penalty)
            integrality.append(highspy.HighsVarType.kContinuous)
            upper.append(max(bound, 0.0))
            terms.append((len(costs) - 1, 1.0))
        row_terms.append(terms)
        lower.append(bound)
        row_upper.append(highspy.kHighsInf)
    groups = defaultdict(list)
    for j, g in enumerate(arrays["group"]):
        if g >= 0:
            groups[int(g)].append(j)
    for members in groups.values():
        row_terms.append([(j, 1.0) for j in members])
        lower.append(-highspy.kHighsInf)
        row_upper.append(1.0)
    for a, b in arrays["conflicts"]:
        row_terms.append([(int(a), 1.0), (int(b), 1.0)])
        lower.append(-highspy.kHighsInf)
        row_upper.append(1.0)
    if arrays["budget"] is not None:
        row_terms.append([(j, float(w)) for j, w in enumerate(arrays["weight"]) if w])
        lower.append(-highspy.kHighsInf)
        row_upper.append(float(arrays["budget"]))
    counting = [(j, 1.0) for j in range(n) if arrays["counts_toward_size"][j]]
    if arrays["min_size"] or arrays["max_size"] is not None:
        row_terms.append(counting)
        lower.append(float(arrays["min_size"]))
        row_upper.append(
            highspy.kHighsInf if arrays["max_size"] is None else float(arrays["max_size"])
        )
    lower_col = [0.0] * len(costs)
    for j in arrays["fixed"]:
        lower_col[int(j)] = 1.0
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = len(costs), len(row_terms)
    lp.col_cost_ = np.array(costs)
    lp.col_lower_, lp.col_upper_ = np.array(lower_col), np.array(upper)
    lp.row_lower_, lp.row_upper_ = np.array(lower), np.array(row_upper)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.cumsum([0] + [len(t) for t in row_terms])
    lp.a_matrix_.index_ = np.array([j for t in row_terms for j, _ in t], dtype=np.int32)
    lp.a_matrix_.value_ = np.array([a for t in row_terms for _, a in t])
    lp.integrality_ = integrality
    cost, bound, to_best, elapsed, status = run_highs(lp, task.time_limit, 1, 0)
    return cost, bound, status, to_best, elapsed


def solve_teamwright(task: Task, mode: str) -> tuple[float, float, str, float, float]:
    import teamwright as tw
    from teamwright import cover

    if task.path.endswith(".cover"):
        s = cover.solve(cover.read_cover(task.path), mode=mode, time_limit=task.time_limit)
        return s.cost, s.bound, s.status.value, s.time_to_best_s, s.time_s
    # Team requests through tw.solve_many, the batch path; the time is the solve's own clock.
    (r,) = tw.solve_many(
        tw.load(task.path), ["r"], mode=mode, time_limit=task.time_limit, replacements=False
    )
    value = r.objective if r.solved else math.inf
    return value, r.bound, r.status.value, r.time_to_best_s, r.time_s


SOLVERS = {
    "teamwright": lambda task: solve_teamwright(task, "exact"),
    "teamwright-auto": lambda task: solve_teamwright(task, "auto"),
    "cpsat": solve_cpsat,
    "highs": solve_highs,
}


def run_task(task: Task) -> Row:
    # Each task runs in a fresh worker: keep peers' banners (HiGHS prints its own on fd 1) out of
    # the summary this script prints.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    objective, bound, status, to_best, elapsed = SOLVERS[task.solver](task)
    return Row(
        task.family,
        Path(task.path).stem,
        task.solver,
        task.time_limit,
        objective,
        bound,
        status,
        to_best,
        elapsed,
    )


# ---- summary --------------------------------------------------------------------------------


def geometric_mean(values: list[float], shift: float = 0.01) -> float:
    values = [v for v in values if math.isfinite(v)]
    if not values:
        return math.nan
    return math.exp(sum(math.log(v + shift) for v in values) / len(values)) - shift


def summarise(rows: list[Row]) -> str:
    """Per family: instances each solver proves, and (over the instances both prove) the
    geometric mean of teamwright's time over CP-SAT's and HiGHS's; the auto runs' distance to
    the best bound any solver proved."""
    by = defaultdict(dict)
    for row in rows:
        by[(row.family, row.instance)][(row.solver, row.time_limit)] = row
    families = sorted({row.family for row in rows})
    lines = [
        "| family | instances | teamwright proven | CP-SAT proven | HiGHS proven | "
        "proven by CP-SAT, not by teamwright | gm time teamwright / CP-SAT | "
        "gm time teamwright / HiGHS | auto 1 s: worst gap to best bound |",
        "|" + "---|" * 9,
    ]
    for fam in families:
        instances = [key for key in by if key[0] == fam]
        proven = defaultdict(int)
        missed = 0
        ratios = defaultdict(list)
        worst = 0.0
        auto = 0
        for key in instances:
            solves = by[key]
            mine = next((r for (s, _), r in solves.items() if s == "teamwright"), None)
            for (solver, _), r in solves.items():
                if r.status in ("optimal", "infeasible") and solver != "teamwright-auto":
                    proven[solver] += 1
            for peer in ("cpsat", "highs"):
                other = next((r for (s, _), r in solves.items() if s == peer), None)
                if mine and other and other.status in ("optimal", "infeasible"):
                    if mine.status not in ("optimal", "infeasible"):
                        missed += peer == "cpsat"
                    else:
                        ratios[peer].append((mine.time_s + 0.01) / (other.time_s + 0.01))
            best_bound = max(
                (r.bound for (s, _), r in solves.items() if s != "teamwright-auto"),
                default=-math.inf,
            )
            for (solver, _), r in solves.items():
                if solver == "teamwright-auto" and math.isfinite(r.objective):
                    auto += 1
                    worst = max(worst, (r.objective - best_bound) / max(abs(r.objective), 1e-9))
        lines.append(
            f"| {fam} | {len(instances)} | {proven['teamwright']} | {proven['cpsat']} | "
            f"{proven['highs']} | {missed} | {geometric_mean(ratios['cpsat'], 0):.3f} | "
            f"{geometric_mean(ratios['highs'], 0):.3f} | "
            + (f"{100 * worst:.2f} % ({auto} runs)" if auto else "-")
            + " |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", default="multicover,team-1k,team-10k,robust-1k,robust-10k")
    parser.add_argument("--per-family", type=int, default=5, help="generated instances per family")
    parser.add_argument("--solvers", default="teamwright,cpsat,highs")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument(
        "--auto-limit", type=float, default=1.0, help="teamwright-auto on 10k pools"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--write", help="keep the instance files in this directory")
    parser.add_argument("--out", help="CSV file for the rows")
    args = parser.parse_args(argv)

    with contextlib.ExitStack() as stack:
        directory = (
            Path(args.write)
            if args.write
            else Path(stack.enter_context(tempfile.TemporaryDirectory()))
        )
        directory.mkdir(parents=True, exist_ok=True)
        rng = random.Random(args.seed)
        instances: list[tuple[str, Path]] = []
        for fam in args.families.split(","):
            if fam == "multicover":
                instances += [(fam, p) for p in multicover(directory, rng)]
            else:
                kind, size = fam.split("-")
                people = int(size.removesuffix("k")) * 1000
                for p in team_family(directory, rng, people, kind == "robust", args.per_family):
                    instances.append((fam, p))
        tasks = [
            Task(fam, str(path), solver, args.time_limit)
            for fam, path in instances
            for solver in args.solvers.split(",")
        ]
        tasks += [
            Task(fam, str(path), "teamwright-auto", args.auto_limit)
            for fam, path in instances
            if fam.endswith("10k")
        ]
        sink = None
        if args.out:
            out = Path(args.out)
            out.parent.mkdir(parents=True, exist_ok=True)
            handle = stack.enter_context(out.open("w", newline=""))
            writer = csv.DictWriter(handle, COLUMNS)
            writer.writeheader()

            def sink(row: Row) -> None:
                writer.writerow(asdict(row))
                handle.flush()

        executor = stack.enter_context(
            concurrent.futures.ProcessPoolExecutor(max_workers=1, max_tasks_per_child=1)
        )
        rows = []
        for task in tasks:
            row = executor.submit(run_task, task).result()
            rows.append(row)
            if sink:
                sink(row)
            print(
                f"{row.instance:16} {row.solver:16} {row.status:17} objective={row.objective:.6g} "
                f"bound={row.bound:.6g} time={row.time_s:.2f}s",
                file=sys.stderr,
                flush=True,
            )
    print(summarise(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
