"""Solving from Python: results, explanations, the independent checker, plain dicts, the GIL."""

from __future__ import annotations

import itertools
import json
import random
import threading
import time

import pytest
import teamwright as tw


def test_the_leadership_team_is_proven_optimal_by_default(example):
    result = tw.solve(example, "leadership_team")
    assert result.status is tw.Status.OPTIMAL
    assert result.termination is tw.Termination.COMPLETED
    assert result.time_s < 1
    assert result.member_ids == ["p03", "p07", "p09", "x01"]
    assert result.cost == 341000
    assert result.bound == result.objective and result.gap == 0 and result.penalty == 0
    assert {member.role for member in result.members} == {
        "team_lead",
        "operations_manager",
        "technical_specialist",
        "customer_voice",
    }
    assert all(row.met for row in result.coverage)
    assert result.weighted_coverage == 1
    assert tw.check(example, "leadership_team", result) == []


@pytest.mark.parametrize("request_id", ["leadership_team", "weekend_support", "latam_expansion"])
def test_every_bundled_request_is_proven_by_default(example, request_id):
    result = tw.solve(example, request_id)
    assert result.status in (tw.Status.OPTIMAL, tw.Status.INFEASIBLE)
    assert result.time_s < 1
    assert tw.check(example, request_id, result) == []


def test_members_say_why_they_are_on_the_team(example):
    result = tw.solve(example, "leadership_team")
    lead = next(m for m in result.members if m.role == "team_lead")
    assert lead.id == "x01" and lead.external
    assert "1 x data_driven_decisions >= 5" in lead.unique
    assert "2 x empathy >= 3" in lead.shared
    assert lead.replacement.status is tw.Status.OPTIMAL
    assert lead.replacement.extra_cost == 43000 and lead.replacement.brings_in == ["p01", "p05"]
    assert "the best team costs 43,000 more and brings in Maria Gonzalez (p01)" in lead.summary
    empathy = next(row for row in result.coverage if row.competency == "empathy")
    assert (empathy.needed, empathy.provided, empathy.covered_by) == (2, 3, ["p03", "p09", "x01"])


def test_an_infeasible_request_names_what_is_missing_and_the_best_partial_team(example):
    result = tw.solve(example, "latam_expansion")
    assert result.status is tw.Status.INFEASIBLE
    assert not result.solved
    assert [(u.requirements, u.needed, u.capable, u.capable_people) for u in result.unmet] == [
        (["2 x spanish >= 4"], 2, 1, ["p13"])
    ]
    assert result.diagnosis.minimal
    assert [c.kind for c in result.diagnosis.conflict] == ["requirement"]
    kinds = {way.kind for way in result.diagnosis.relaxations}
    assert {"drop", "hire"} <= kinds
    hire = next(way for way in result.diagnosis.relaxations if way.kind == "hire")
    assert hire.profile == [{"competency": "spanish", "min_level": 4}]
    assert result.member_ids == ["p09", "p13", "p14"]
    assert tw.check(example, "latam_expansion", result) == []


def test_results_convert_to_plain_dicts(example):
    document = tw.solve(example, "latam_expansion").to_dict()
    assert json.loads(json.dumps(document)) == document
    assert {"status", "members", "cost", "coverage", "unmet"} <= document.keys()
    assert set(document["coverage"][0]) >= {
        "competency",
        "min_level",
        "needed",
        "provided",
        "covered_by",
    }


def test_an_ad_hoc_request_object_is_solved_against_the_model(example):
    request = tw.TeamRequest(
        "night_shift",
        requirements=[
            tw.TeamRequirement("technical_troubleshooting", 4),
            tw.TeamRequirement("empathy", 3, count=tw.EVERYONE),
        ],
        objective=tw.Objective.MIN_SIZE,
    )
    result = tw.solve(example, request)
    assert result.solved
    assert result.size == 1
    assert tw.check(example, request, result) == []


def test_a_request_with_unknown_names_raises(example):
    with pytest.raises(tw.UnknownReferenceError, match="must_include names unknown person 'zed'"):
        tw.solve(example, tw.TeamRequest("r", must_include=["zed"]))
    with pytest.raises(KeyError, match="unknown request 'nope'"):
        tw.solve(example, "nope")
    with pytest.raises(TypeError):
        tw.solve(example, 42)


def test_the_checker_catches_a_result_solved_for_another_request(example):
    result = tw.solve(example, "weekend_support")
    assert tw.check(example, "weekend_support", result) == []
    assert tw.check(example, "leadership_team", result) != []


def test_solves_run_in_parallel_threads_with_identical_answers(example):
    # The GIL is released while solving, so threads overlap; answers stay deterministic.
    def answer() -> dict:
        document = tw.solve(example, "leadership_team").to_dict()
        del document["time_s"], document["time_to_best_s"]
        return document

    expected = answer()
    answers: list[dict] = []

    def work() -> None:
        for _ in range(20):
            answers.append(answer())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 80
    assert all(answer == expected for answer in answers)


def large_model(people: int = 50_000, competencies: int = 1_500) -> tw.Model:
    rng = random.Random(3)
    return tw.Model.from_dict(
        {
            "format": "teamwright",
            "version": 1,
            "competencies": [{"id": f"c{i}"} for i in range(competencies)],
            "people": [
                {
                    "id": f"p{k}",
                    "cost": rng.randint(1, 100),
                    "levels": {
                        f"c{rng.randrange(competencies)}": rng.randint(1, 5) for _ in range(20)
                    },
                }
                for k in range(people)
            ],
            "requests": [
                {
                    "id": "r",
                    "requirements": [
                        {"competency": f"c{i}", "min_level": 3, "count": 2}
                        for i in range(0, competencies, 3)
                    ],
                }
            ],
        }
    )


def test_the_gil_is_released_while_solving():
    # While another thread solves, this one keeps running Python. Were the GIL held through the
    # solve, the longest pause between this thread's steps would last as long as the solve.
    model = large_model()
    spans: list[tuple[float, float]] = []

    def work() -> None:
        for _ in range(3):
            start = time.perf_counter()
            tw.solve(model, "r", mode="heuristic", time_limit=None, replacements=False)
            spans.append((start, time.perf_counter()))

    worker = threading.Thread(target=work)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
    worker.join()

    def longest_pause(start: float, end: float) -> float:
        inside = [t for t in ticks if start <= t <= end]
        points = [start, *inside, end]
        return max(b - a for a, b in itertools.pairwise(points))

    ratios = [longest_pause(a, b) / (b - a) for a, b in spans]
    assert min(b - a for a, b in spans) > 0.02, "the solve is too short to tell"
    assert min(ratios) < 0.5, f"longest pauses as a share of each solve: {ratios}"
