"""Gap-closure benchmark: teamwright's close_gaps (exact mode) against a CP-SAT model of the same
choice, on pools of 1,000 and 10,000 people with 20-50 hard gaps.

    python benchmarks/closure_bench.py --out benchmarks/results/closure.csv --time-limit 60

Instances (seeded, regenerated on every run): 40 flat competencies (no hierarchy or relations,
so that a level is what its assessment says), a quarter of them talents; every trainable one
with training terms; a team of 8 employees; a request of 20, 35 or 50 hard counted requirements
that the team falls short of. Both solvers make the same choice: per member one training plan
(the plans close_gaps offers, docs/model.md#gap-closure: each competency trained to a target
level of the request, within the 26-week deadline; every combination while there are at most
256, else single competencies), and any set of outsiders at their cost, so that every
requirement is met; the least total cost. CP-SAT gets the same time limit, one thread and a
relative gap of 0. Each solve runs in a fresh process, one at a time; times are wall-clock
seconds of the solve call: teamwright's includes compiling the closure, CP-SAT's leaves out
building its model.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import csv
import math
import random
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from typing import Any

DEADLINE_WEEKS = 26.0
MAX_PLANS = 256
COLUMNS = ["family", "instance", "solver", "time_limit", "cost", "status", "time_s"]


@dataclass
class Row:
    family: str
    instance: str
    solver: str
    time_limit: float
    cost: float
    status: str
    time_s: float


def instance(people: int, gaps: int, seed: int) -> dict[str, Any]:
    """A model document and its team, seeded."""
    rng = random.Random(seed)
    competencies = []
    for k in range(40):
        talent = k % 4 == 3
        item: dict[str, Any] = {"id": f"c{k:02d}", "kind": "talent" if talent else "skill"}
        if not talent:
            item["training"] = {
                "cost_per_level": rng.randint(5, 30) * 100,
                "weeks_per_level": rng.randint(1, 8),
            }
        competencies.append(item)
    persons = []
    for p in range(people):
        levels = {c["id"]: rng.randint(1, 5) for c in rng.sample(competencies, 6)}
        persons.append(
            {
                "id": f"p{p:05d}",
                "cost": rng.randint(30, 120) * 1000,
                "external": rng.random() < 0.2,
                "levels": levels,
            }
        )
    team = [p["id"] for p in persons if not p["external"]][:8]
    requirements: list[dict[str, Any]] = []
    used: set[tuple[str, int]] = set()
    while len(requirements) < gaps:
        c = rng.choice(competencies)["id"]
        level = rng.randint(3, 5)
        count = rng.randint(1, 3)
        have = sum(1 for p in persons[:8] if p["levels"].get(c, 0) >= level)
        if (c, level) in used or have >= count:
            continue
        used.add((c, level))
        requirements.append({"competency": c, "min_level": level, "count": count})
    return {
        "document": {
            "format": "teamwright",
            "version": 1,
            "assessment_policy": {"as_of": "2026-12-01"},
            "competencies": competencies,
            "people": persons,
            "requests": [{"id": "q", "requirements": requirements}],
        },
        "team": team,
    }


def plans(
    levels: dict[str, int], terms: dict[str, tuple[int, int]], targets: dict[str, list[int]]
) -> list[tuple[dict[str, int], int]]:
    """A member's training plans as close_gaps offers them: (levels after, cost)."""
    choices = []
    for c, wanted in targets.items():
        if c not in terms:
            continue
        cost, weeks = terms[c]
        have = levels.get(c, 0)
        steps = [
            (to, (to - have) * cost, (to - have) * weeks)
            for to in wanted
            if to > have and (to - have) * weeks <= DEADLINE_WEEKS
        ]
        if steps:
            choices.append((c, steps))
    if math.prod(len(s) + 1 for _, s in choices) - 1 > MAX_PLANS:
        return [({c: to}, cost) for c, steps in choices for to, cost, _ in steps]
    out: list[tuple[dict[str, int], int]] = []

    def extend(k: int, chosen: dict[str, int], cost: int, weeks: float) -> None:
        if k == len(choices):
            if chosen:
                out.append((dict(chosen), cost))
            return
        extend(k + 1, chosen, cost, weeks)
        c, steps = choices[k]
        for to, more, longer in steps:
            if weeks + longer <= DEADLINE_WEEKS:
                chosen[c] = to
                extend(k + 1, chosen, cost + more, weeks + longer)
                del chosen[c]

    extend(0, {}, 0, 0.0)
    return out


def solve_cpsat(case: dict[str, Any], time_limit: float) -> tuple[float, str, float]:
    from ortools.sat.python import cp_model

    document, team = case["document"], set(case["team"])
    requirements = document["requests"][0]["requirements"]
    terms = {
        c["id"]: (c["training"]["cost_per_level"], c["training"]["weeks_per_level"])
        for c in document["competencies"]
        if "training" in c
    }
    targets: dict[str, list[int]] = {}
    for r in requirements:
        targets.setdefault(r["competency"], []).append(r["min_level"])
    for wanted in targets.values():
        wanted.sort()
    model = cp_model.CpModel()
    meets: list[list[Any]] = [[] for _ in requirements]
    objective = []
    for person in document["people"]:
        levels = person["levels"]
        if person["id"] in team:
            ways = [
                (levels, 0),
                *(({**levels, **up}, cost) for up, cost in plans(levels, terms, targets)),
            ]
            picks = [model.new_bool_var("") for _ in ways]
            model.add_exactly_one(picks)
            for pick, (after, cost) in zip(picks, ways, strict=True):
                objective.append(cost * pick)
                for i, r in enumerate(requirements):
                    if after.get(r["competency"], 0) >= r["min_level"]:
                        meets[i].append(pick)
        else:
            rows = [
                i
                for i, r in enumerate(requirements)
                if levels.get(r["competency"], 0) >= r["min_level"]
            ]
            if not rows:
                continue
            x = model.new_bool_var(person["id"])
            objective.append(person["cost"] * x)
            for i in rows:
                meets[i].append(x)
    for i, r in enumerate(requirements):
        model.add(sum(meets[i]) >= r["count"])
    model.minimize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1
    solver.parameters.relative_gap_limit = 0.0
    start = time.perf_counter()  # building the model is left out of CP-SAT's time
    status = solver.solve(model)
    elapsed = time.perf_counter() - start
    name = {
        cp_model.OPTIMAL: "optimal",
        cp_model.FEASIBLE: "feasible",
        cp_model.INFEASIBLE: "infeasible",
    }.get(status, "no_solution_found")
    cost = solver.objective_value if name in ("optimal", "feasible") else math.inf
    return cost, name, elapsed


def solve_teamwright(case: dict[str, Any], time_limit: float) -> tuple[float, str, float]:
    import teamwright as tw

    model = tw.Model.from_dict(case["document"])
    start = time.perf_counter()
    result = tw.close_gaps(
        model,
        "q",
        case["team"],
        deadline=DEADLINE_WEEKS,
        alternatives=False,
        mode="exact",
        time_limit=time_limit,
    )
    elapsed = time.perf_counter() - start
    # Proven over the plans offered (the same plans CP-SAT gets): the exact search completed.
    proven = result.status is tw.Status.OPTIMAL or (
        result.status is tw.Status.FEASIBLE and result.termination is tw.Termination.COMPLETED
    )
    name = "optimal" if proven else result.status.value
    return (result.cost if result.closed else math.inf), name, elapsed


def run(task: tuple[str, int, int, int, float]) -> tuple[float, str, float]:
    solver, people, gaps, seed, limit = task
    case = instance(people, gaps, seed)
    return (solve_cpsat if solver == "cpsat" else solve_teamwright)(case, limit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--pools", default="1000,10000", help="comma-separated pool sizes")
    parser.add_argument("--gaps", default="20,35,50")
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args(argv)
    rows: list[Row] = []
    for people in (int(p) for p in args.pools.split(",")):
        for gaps in (int(g) for g in args.gaps.split(",")):
            for seed in range(args.seeds):
                for solver in ("teamwright", "cpsat"):
                    task = (solver, people, gaps, seed, args.time_limit)
                    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
                        cost, status, elapsed = pool.submit(run, task).result()
                    row = Row(
                        f"closure-{people}",
                        f"n{people}-g{gaps}-s{seed}",
                        solver,
                        args.time_limit,
                        cost,
                        status,
                        elapsed,
                    )
                    rows.append(row)
                    print(
                        f"{row.instance} {solver}: cost={cost:g} {status} {elapsed:.2f}s",
                        flush=True,
                    )
    with open(args.out, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(asdict(row))
    ok = True
    for family in sorted({r.family for r in rows}):
        mine = {r.instance: r for r in rows if r.family == family and r.solver == "teamwright"}
        peer = {r.instance: r for r in rows if r.family == family and r.solver == "cpsat"}
        both = [k for k in mine if peer[k].status == "optimal"]
        proven = sum(mine[k].status == "optimal" for k in both)
        same = all(
            math.isclose(mine[k].cost, peer[k].cost) for k in both if mine[k].status == "optimal"
        )
        ratio = (
            math.exp(
                statistics.fmean(
                    math.log(max(mine[k].time_s, 1e-3) / max(peer[k].time_s, 1e-3)) for k in both
                )
            )
            if both
            else math.nan
        )
        print(
            f"{family}: proven {proven}/{len(both)} where CP-SAT proves, same cost: {same}, "
            f"gm time teamwright / CP-SAT {ratio:.3f}"
        )
        ok = ok and same
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
