"""The tables and target figures of BENCHMARKS.md, computed from the CSV files of the runners.

    python benchmarks/report.py --heuristic benchmarks/results/orlib-heuristic.csv \\
        --exact benchmarks/results/orlib-exact.csv benchmarks/results/orlib-exact-nref.csv \\
        --assignment benchmarks/results/assignment.csv \\
        --generalized benchmarks/results/generalized-*.csv

Every figure is read off one run's rows: solvers are compared only with rows of the same file.
"""

from __future__ import annotations

import argparse
import csv
import math
import statistics
from collections import defaultdict
from pathlib import Path

NR = {"nre", "nrf", "nrg", "nrh"}
CFT_MISSES = ["scp44", "scpnrg3", "scpnrh1", "scpnrh3"]


def load(path: str) -> list[dict[str, str]]:
    with Path(path).open() as f:
        return list(csv.DictReader(f))


def reached(row: dict[str, str]) -> bool:
    gap = float(row["gap_to_best_known"])
    return math.isfinite(gap) and gap <= 1e-9


def geometric_mean(values: list[float], shift: float = 0.01) -> float:
    return math.exp(sum(math.log(v + shift) for v in values) / len(values)) - shift


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def heuristic(rows: list[dict[str, str]]) -> str:
    out = []
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        group = "NRE-NRH" if row["family"] in NR else "4-E"
        groups[(row["solver"], row["threads"])].append(row)
        groups[(row["solver"] + " " + group, row["threads"])].append(row)
    body = []
    for (name, threads), members in sorted(groups.items()):
        times = [float(r["time_to_best_s"]) if reached(r) else math.inf for r in members]
        body.append(
            [
                name,
                threads,
                f"{sum(reached(r) for r in members)} / {len(members)}",
                f"{sum(r['status'] == 'optimal' for r in members)}",
                f"{geometric_mean([1 + float(r['gap_to_best_known']) for r in members], 0):.4f}"
                if all(math.isfinite(float(r["gap_to_best_known"])) for r in members)
                else "-",
                f"{statistics.median(times):.2f}"
                if math.isfinite(statistics.median(times))
                else "-",
            ]
        )
    out.append(
        table(
            [
                "solver",
                "threads",
                "best known reached",
                "proven optimal",
                "gm cost / best known",
                "median time to best known (s)",
            ],
            body,
        )
    )

    ours = [r for r in rows if r["solver"] == "teamwright" and r["threads"] == "1"]
    set4e = [r for r in ours if r["family"] not in NR]
    nr = [r for r in ours if r["family"] in NR]
    times = sorted(float(r["time_to_best_s"]) if reached(r) else math.inf for r in ours)
    out.append(
        f"\nTargets (teamwright, 1 thread, 10 s): best known on {sum(map(reached, set4e))} of "
        f"{len(set4e)} instances of sets 4-E and {sum(map(reached, nr))} of {len(nr)} of NRE-NRH; "
        f"median time to best known {statistics.median(times):.2f} s."
    )

    by_instance = defaultdict(dict)
    for row in rows:
        if row["instance"] in CFT_MISSES and row["threads"] == "1":
            by_instance[row["instance"]][row["solver"]] = row
    solvers = sorted({s for members in by_instance.values() for s in members})

    def cell(name: str, solver: str) -> str:
        row = by_instance[name].get(solver)
        if row is None:
            return "-"
        return f"{float(row['cost']):g} ({float(row['time_to_best_s']):.2f} s)"

    body = [[name, *(cell(name, s) for s in solvers)] for name in CFT_MISSES if name in by_instance]
    out.append("\nThe instances a C++ CFT implementation misses (cost, time to best; 1 thread):\n")
    out.append(table(["instance", *solvers], body))
    return "\n".join(out)


def exact(rows: list[dict[str, str]]) -> str:
    out = []
    set4e = [r for r in rows if r["family"] not in NR]
    nref = [r for r in rows if r["family"] in {"nre", "nrf"}]
    body = []
    for solver in sorted({r["solver"] for r in rows}):
        for threads in sorted({r["threads"] for r in rows}):
            mine = [r for r in set4e if r["solver"] == solver and r["threads"] == threads]
            if not mine:
                continue
            proven = sum(r["status"] == "optimal" for r in mine)
            body.append(
                [
                    solver,
                    threads,
                    f"{proven} / {len(mine)}",
                    f"{geometric_mean([float(r['time_s']) for r in mine]):.3f}",
                    f"{max(float(r['time_s']) for r in mine):.2f}",
                ]
            )
    out.append(
        table(
            [
                "solver",
                "threads",
                "4-E proven optimal",
                "gm time (s, shifted 0.01)",
                "max time (s)",
            ],
            body,
        )
    )
    for threads in sorted({r["threads"] for r in rows}):
        ours = {
            r["instance"]: float(r["time_s"])
            for r in set4e
            if r["solver"] == "teamwright-exact" and r["threads"] == threads
        }
        highs = {
            r["instance"]: float(r["time_s"])
            for r in set4e
            if r["solver"] == "highs" and r["threads"] == threads
        }
        common = sorted(set(ours) & set(highs))
        if common:
            ratio = geometric_mean([ours[i] for i in common]) / geometric_mean(
                [highs[i] for i in common]
            )
            out.append(
                f"\n{threads} thread(s): geometric-mean time of teamwright exact / HiGHS "
                f"on sets 4-E = {ratio:.2f}."
            )
    body = []
    for name in sorted({r["instance"] for r in nref}):
        cells = [name]
        for solver in sorted({r["solver"] for r in nref}):
            row = next(
                (
                    r
                    for r in nref
                    if r["instance"] == name and r["solver"] == solver and r["threads"] == "1"
                ),
                None,
            )
            cells.append(
                "-"
                if row is None
                else f"{row['status']} {float(row['cost']):g} >= {float(row['bound']):.2f} "
                f"({float(row['time_s']):.1f} s)"
            )
        body.append(cells)
    out.append("\nNRE and NRF (1 thread): status, cost >= bound (time):\n")
    out.append(table(["instance", *sorted({r["solver"] for r in nref})], body))
    return "\n".join(out)


Matrices = dict[str, dict[str, dict[str, str]]]
"""Rows of one size and kind: by repeat (one matrix), by solver."""


def _ratio(by_repeat: Matrices, against: list[str]) -> str:
    """The median over matrices of teamwright's time to the fastest of `against` on it."""
    ratios = [
        float(p["teamwright"]["time_s"]) / min(float(p[s]["time_s"]) for s in against)
        for p in by_repeat.values()
        if all(s in p for s in against)
    ]
    return f"{statistics.median(ratios):.2f}" if ratios else "-"


def _equal(by_repeat: Matrices, peer: str) -> str:
    """Whether the peer's objective equals teamwright's on every matrix."""
    same = all(
        abs(float(p["teamwright"]["objective"]) - float(p[peer]["objective"]))
        <= 1e-9 * max(1.0, abs(float(p[peer]["objective"])))
        for p in by_repeat.values()
    )
    return "yes" if same else "no"


def assignment(rows: list[dict[str, str]]) -> str:
    """Linear assignment against its peers: median times, the median per-matrix ratio of
    teamwright's time to scipy's and to the faster of lap and lapjv on that matrix, and whether
    each peer's objective equals teamwright's."""
    peers = [p for p in ("scipy", "lap", "lapjv") if any(r["solver"] == p for r in rows)]
    body = []
    for size, kind in sorted({(int(r["size"]), r["kind"]) for r in rows}):
        group = [r for r in rows if int(r["size"]) == size and r["kind"] == kind]
        by_repeat: Matrices = defaultdict(dict)
        for r in group:
            by_repeat[r["repeat"]][r["solver"]] = r

        def median(solver: str, group: list[dict[str, str]] = group) -> float:
            return statistics.median(float(r["time_s"]) for r in group if r["solver"] == solver)

        fastest = [p for p in ("lap", "lapjv") if p in peers]
        body.append(
            [
                str(size),
                kind,
                str(len(by_repeat)),
                f"{median('teamwright'):.4f}",
                *(f"{median(p):.4f}" for p in peers),
                *([_ratio(by_repeat, ["scipy"])] if "scipy" in peers else []),
                *([_ratio(by_repeat, fastest)] if fastest else []),
                " / ".join(_equal(by_repeat, p) for p in peers),
            ]
        )
    header = [
        "n",
        "costs",
        "matrices",
        "teamwright median (s)",
        *(f"{p} median (s)" for p in peers),
        *(["ratio to scipy"] if "scipy" in peers else []),
        *(
            ["ratio to the faster of lap, lapjv"]
            if any(p in peers for p in ("lap", "lapjv"))
            else []
        ),
        "objective equal (" + " / ".join(peers) + ")",
    ]
    return table(header, body)


def generalized(rows: list[dict[str, str]]) -> str:
    """Generalized assignment vs HiGHS, by instance family."""

    def family(name: str) -> str:
        if "_" in name:
            return "gap1-12"
        return name[0].upper() if name[0] in "abc" else f"{name[0].upper()} (n={name[3:]})"

    body = []
    for fam in sorted({family(r["instance"]) for r in rows}):
        for solver in sorted({r["solver"] for r in rows}):
            mine = [r for r in rows if family(r["instance"]) == fam and r["solver"] == solver]
            if not mine:
                continue
            gaps = [float(r["gap_to_best_known"]) for r in mine]
            body.append(
                [
                    fam,
                    solver,
                    f"{sum(g <= 1e-9 for g in gaps)} / {len(mine)}",
                    f"{sum(r['status'] == 'optimal' for r in mine)}",
                    f"{100 * statistics.fmean(gaps):.3f}",
                    f"{100 * max(gaps):.3f}",
                    f"{statistics.median(float(r['time_to_best_s']) for r in mine):.2f}",
                    f"{statistics.median(float(r['time_s']) for r in mine):.2f}",
                ]
            )
    header = [
        "family",
        "solver",
        "best known reached",
        "proven optimal",
        "mean gap %",
        "max gap %",
        "median time to best (s)",
        "median time (s)",
    ]
    out = [table(header, body)]
    # Instance by instance where the optimum is not always reached (the D family): who is lower.
    costs: dict[str, dict[str, float]] = defaultdict(dict)
    for r in rows:
        if r["instance"].startswith("d"):
            costs[r["instance"]][r["solver"]] = float(r["cost"])
    duel = []
    for instance, by in sorted(costs.items()):
        if {"teamwright", "highs"} <= by.keys():
            ours, theirs = by["teamwright"], by["highs"]
            lower = "teamwright" if ours < theirs else "highs" if theirs < ours else "tie"
            duel.append([instance, f"{ours:g}", f"{theirs:g}", lower])
    if duel:
        wins = sum(row[3] == "teamwright" for row in duel)
        out.append(table(["instance", "teamwright", "highs", "lower"], duel))
        out.append(f"teamwright lower on {wins} of {len(duel)} D instances.")
    return "\n\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heuristic", help="CSV of the heuristic run")
    parser.add_argument("--exact", nargs="+", help="CSVs of the exact runs")
    parser.add_argument("--assignment", help="CSV of benchmarks/assignment.py")
    parser.add_argument(
        "--generalized", nargs="+", help="CSVs of benchmarks/generalized_quality.py"
    )
    args = parser.parse_args()
    if args.heuristic:
        print(heuristic(load(args.heuristic)))
    if args.exact:
        print(exact([row for path in args.exact for row in load(path)]))
    if args.assignment:
        print(assignment(load(args.assignment)))
    if args.generalized:
        print(generalized([row for path in args.generalized for row in load(path)]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
