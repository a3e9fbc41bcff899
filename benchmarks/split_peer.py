"""k-team split: teamwright.split vs the PyPI `team-formation` package (CP-SAT based).

    python benchmarks/split_peer.py --students 120 --team-size 4 --time-limit 60 \\
        --out benchmarks/results/split-peer.csv

A seeded classroom-like instance: students with a gender, a section (their previous team) and
five skills held at level 4 by 15-50 % of them (level 1 otherwise). The request asks every team
for one member with each skill (two for the first). teamwright gets the request, no lone member
of a gender and no two students of one section together; `team-formation` gets its equivalents:
`diversify` on every skill and on gender, `different` on section, all of weight 1, with the same
time limit. Both splits are then scored here by the same independent code: every team's
coverage (importance-weighted share of the request met), the worst and the average, students
alone of their gender, pairs from one section, and wall-clock time. Needs team-formation
(`pip install ".[bench]"`).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from itertools import combinations

import numpy as np

SKILLS = ["math", "writing", "design", "coding", "speaking"]
SHARE = [0.5, 0.35, 0.25, 0.2, 0.15]
NEED = [2, 1, 1, 1, 1]
IMPORTANCE = [3, 3, 3, 3, 3]


def instance(students: int, seed: int) -> list[dict]:
    rng = np.random.default_rng(seed)
    sections = max(2, students // 15)
    people = []
    for s in range(students):
        person = {
            "id": f"s{s:04d}",
            "gender": "f" if rng.random() < 0.5 else "m",
            "section": f"sec{s % sections}",
        }
        for skill, share in zip(SKILLS, SHARE, strict=True):
            person[skill] = 4 if rng.random() < share else 1
        people.append(person)
    return people


def score(people: list[dict], teams: list[list[str]]) -> dict[str, float]:
    """Independent scoring of a split, the same for both solvers."""
    by_id = {p["id"]: p for p in people}
    coverages = []
    lone = 0
    repeats = 0
    for team in teams:
        members = [by_id[i] for i in team]
        met = sum(
            w * min(1.0, sum(m[skill] >= 3 for m in members) / need)
            for skill, need, w in zip(SKILLS, NEED, IMPORTANCE, strict=True)
        )
        coverages.append(met / sum(IMPORTANCE))
        genders = [m["gender"] for m in members]
        lone += sum(genders.count(g) == 1 for g in set(genders))
        repeats += sum(a["section"] == b["section"] for a, b in combinations(members, 2))
    return {
        "worst_coverage": min(coverages),
        "average_coverage": sum(coverages) / len(coverages),
        "lone_gender": lone,
        "section_pairs": repeats,
    }


def run_teamwright(people: list[dict], team_size: int, time_limit: float) -> list[list[str]]:
    import teamwright as tw

    document = {
        "format": "teamwright",
        "version": tw.FORMAT_VERSION,
        "competencies": [{"id": skill} for skill in SKILLS],
        "people": [
            {
                "id": p["id"],
                "levels": {skill: p[skill] for skill in SKILLS},
                "attributes": {"gender": p["gender"], "section": p["section"]},
            }
            for p in people
        ],
    }
    model = tw.Model.from_dict(document)
    request = {
        "id": "class",
        "requirements": [
            {"competency": skill, "min_level": 3, "count": need, "importance": w}
            for skill, need, w in zip(SKILLS, NEED, IMPORTANCE, strict=True)
        ],
    }
    result = tw.split(
        model,
        request,
        len(people) // team_size,
        no_lone=["gender"],
        previous_team="section",
        time_limit=time_limit,
    )
    assert result.check() == [], result.check()
    return [team.members for team in result.teams]


def run_team_formation(people: list[dict], team_size: int, time_limit: float) -> list[list[str]]:
    import pandas as pd
    from team_formation.team_assignment import TeamAssignment

    roster = pd.DataFrame(
        [
            {
                "id": p["id"],
                "gender": p["gender"],
                "section": p["section"],
                **{skill: "yes" if p[skill] >= 3 else "no" for skill in SKILLS},
            }
            for p in people
        ]
    )
    constraints = pd.DataFrame(
        [[skill, "diversify", 1] for skill in SKILLS]
        + [["gender", "diversify", 1], ["section", "different", 1]],
        columns=["attribute", "type", "weight"],
    )
    assignment = TeamAssignment(roster, constraints, team_size)
    assignment.solve(max_time_in_seconds=time_limit)
    if not assignment.solution_found:
        return []
    teams: dict[int, list[str]] = {}
    for pid, team in zip(roster["id"], assignment.participants["team_num"], strict=True):
        teams.setdefault(int(team), []).append(pid)
    return list(teams.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=120)
    parser.add_argument("--team-size", type=int, default=4)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", help="CSV file for the rows")
    args = parser.parse_args(argv)
    people = instance(args.students, args.seed)
    rows = []
    for name, solve in (("teamwright", run_teamwright), ("team-formation", run_team_formation)):
        start = time.perf_counter()
        teams = solve(people, args.team_size, args.time_limit)
        elapsed = time.perf_counter() - start
        row = {"solver": name, "students": args.students, "teams": len(teams), "time_s": elapsed}
        row.update(score(people, teams) if teams else {})
        rows.append(row)
        print(row, flush=True)
    if args.out:
        with open(args.out, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
