"""Solving from Python: results, explanations, the independent checker, plain dicts, the GIL."""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import random
import signal
import threading
import time
from typing import Any

import pytest
import teamwright as tw


def test_the_leadership_team_is_proven_optimal_by_default(example: tw.Model) -> None:
    result = tw.solve(example, "leadership_team")
    assert result.status is tw.Status.OPTIMAL
    assert result.termination is tw.Termination.COMPLETED
    assert result.time_s < 1
    assert result.member_ids == ["p03", "p07", "p09", "x01"]
    assert result.cost == 341000
    assert result.bound == result.objective and result.relative_gap == 0 and result.penalty == 0
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
def test_every_bundled_request_is_proven_by_default(example: tw.Model, request_id: str) -> None:
    result = tw.solve(example, request_id)
    assert result.status in (tw.Status.OPTIMAL, tw.Status.INFEASIBLE)
    assert result.time_s < 1
    assert tw.check(example, request_id, result) == []


def test_members_say_why_they_are_on_the_team(example: tw.Model) -> None:
    result = tw.solve(example, "leadership_team")
    lead = next(m for m in result.members if m.role == "team_lead")
    assert lead.id == "x01" and lead.external
    assert "1 x data_driven_decisions >= 5" in lead.unique
    assert "2 x empathy >= 3" in lead.shared
    assert lead.replacement is not None
    assert lead.replacement.status is tw.Status.OPTIMAL
    assert lead.replacement.extra_cost == 43000 and lead.replacement.brings_in == ["p01", "p05"]
    assert "the best team costs 43,000 more and brings in Maria Gonzalez (p01)" in lead.summary
    empathy = next(row for row in result.coverage if row.competency == "empathy")
    assert (empathy.needed, empathy.provided, empathy.covered_by) == (2, 3, ["p03", "p09", "x01"])


def test_an_infeasible_request_names_what_is_missing_and_the_best_partial_team(
    example: tw.Model,
) -> None:
    result = tw.solve(example, "latam_expansion")
    assert result.status is tw.Status.INFEASIBLE
    assert not result.solved
    assert [(u.requirements, u.needed, u.capable, u.capable_people) for u in result.unmet] == [
        (["2 x spanish >= 4"], 2, 1, ["p13"])
    ]
    assert result.diagnosis is not None and result.diagnosis.minimal
    assert [c.kind for c in result.diagnosis.conflict] == ["requirement"]
    kinds = {way.kind for way in result.diagnosis.relaxations}
    assert {"drop", "hire"} <= kinds
    hire = next(way for way in result.diagnosis.relaxations if way.kind == "hire")
    assert hire.profile == [{"competency": "spanish", "min_level": 4}]
    assert result.member_ids == ["p09", "p13", "p14"]
    assert tw.check(example, "latam_expansion", result) == []


def test_members_the_request_must_include_are_kept_and_the_team_completed_around_them(
    example: tw.Model,
) -> None:
    base = example.request("leadership_team")
    request = dataclasses.replace(base, must_include=["p01", "p03", "p11"])
    result = tw.solve(example, request)
    assert result.status is tw.Status.OPTIMAL
    assert {"p01", "p03", "p11"} <= set(result.member_ids)
    assert all(row.met for row in result.coverage if row.hard)
    assert tw.check(example, request, result) == []
    kept = [m for m in result.members if m.id in ("p01", "p03", "p11")]
    assert all("The request must include them." in m.summary for m in kept)


def test_a_second_leader_is_refused_with_its_reason_unless_max_leaders_allows_it(
    example: tw.Model,
) -> None:
    base = example.request("leadership_team")
    roles = [tw.RoleSlot(s.role, 2 if s.role == "team_lead" else s.count) for s in base.roles]
    two_leads = dataclasses.replace(base, roles=roles)
    result = tw.solve(example, two_leads)
    assert result.status is tw.Status.INFEASIBLE
    assert "at most 1 member may hold a leader role (max_leaders)" in result.reasons[0]
    assert result.diagnosis is not None
    assert [c.kind for c in result.diagnosis.conflict] == ["max_leaders", "role_slot"]
    assert result.diagnosis.minimal
    assert tw.check(example, two_leads, result) == []
    # The best partial team holds the one leader slot a team can hold, and says the other is open.
    lead = next(row for row in result.coverage if row.role == "team_lead")
    assert (lead.needed, lead.provided, lead.met) == (2, 1, False)
    assert [m.role for m in result.members].count("team_lead") == 1
    assert all(row.met for row in result.coverage if row.role not in (None, "team_lead"))
    allowed = dataclasses.replace(two_leads, max_leaders=2)
    result = tw.solve(example, allowed)
    assert result.status is tw.Status.OPTIMAL
    assert [m.role for m in result.members].count("team_lead") == 2
    assert tw.check(example, allowed, result) == []


def test_an_interacting_budget_gets_its_conflict_and_the_cheapest_way_out(
    example: tw.Model,
) -> None:
    request = dataclasses.replace(example.request("leadership_team"), budget=230_000)
    result = tw.solve(example, request)
    assert result.status is tw.Status.INFEASIBLE
    assert result.diagnosis is not None and result.diagnosis.minimal
    kinds = [c.kind for c in result.diagnosis.conflict]
    assert kinds.count("role_slot") == 4 and "budget" in kinds
    assert "the cheapest costs 88,000" in result.diagnosis.summary
    ways = [way.text for way in result.diagnosis.relaxations]
    assert any("raise the budget to 278,000" in text for text in ways)
    assert tw.check(example, request, result) == []


@pytest.mark.parametrize("budget", [None, 230_000])
def test_numbers_in_every_sentence_are_written_for_people(example: tw.Model, budget: float) -> None:
    for base in example.requests:
        request = dataclasses.replace(base, budget=budget) if budget else base
        result = tw.solve(example, request)
        texts = [*result.reasons, *(m.summary for m in result.members)]
        if result.diagnosis:
            texts += [result.diagnosis.summary, *(w.text for w in result.diagnosis.relaxations)]
        for text in texts:
            assert "e+" not in text and not any(
                word.isdigit() and len(word) > 3 for word in text.replace(",", " ").split()
            ), text


def test_soft_requirements_are_weighed_by_importance_when_one_person_must_choose() -> None:
    def person(pid: str, levels: dict[str, float]) -> dict[str, Any]:
        return {"id": pid, "cost": 100, "levels": levels}

    model = tw.Model.from_dict(
        {
            "format": "teamwright",
            "version": 1,
            "competencies": [{"id": c} for c in ("empathy", "spanish", "technical")],
            # a misses empathy (importance 5) and spanish (3); b misses spanish and technical (3
            # each): b leaves the smaller weight unmet.
            "people": [
                person("a", {"technical": 5}),
                person("b", {"empathy": 5}),
            ],
            "requests": [
                {
                    "id": "one",
                    "max_size": 1,
                    "requirements": [
                        {"competency": "empathy", "min_level": 5, "importance": 5, "hard": False},
                        {"competency": "spanish", "min_level": 4, "importance": 3, "hard": False},
                        {"competency": "technical", "min_level": 5, "importance": 3, "hard": False},
                    ],
                }
            ],
        }
    )
    for mode in ("heuristic", "exact", "auto"):
        result = tw.solve(model, "one", mode=mode)
        assert result.member_ids == ["b"], mode
        assert tw.check(model, "one", result) == []


def random_pool(people: int, seed: int) -> tw.Model:
    rng = random.Random(seed)
    competencies = [f"c{i}" for i in range(30)]
    return tw.Model.from_dict(
        {
            "format": "teamwright",
            "version": 1,
            "competencies": [{"id": c} for c in competencies],
            "people": [
                {
                    "id": f"p{k}",
                    "cost": rng.randint(20, 100),
                    "levels": {c: rng.randint(1, 5) for c in rng.sample(competencies, 4)},
                }
                for k in range(people)
            ],
            "requests": [
                {
                    "id": "r",
                    "requirements": [
                        {"competency": c, "min_level": 5, "count": rng.randint(1, 2)}
                        for c in competencies[:20]
                    ],
                }
            ],
        }
    )


def test_a_limit_that_does_not_bind_never_changes_the_team() -> None:
    model = random_pool(4_000, seed=5)
    free = tw.solve(model, "r", replacements=False)
    assert free.status is tw.Status.OPTIMAL
    base = model.request("r")
    for limits in ({"max_size": 40}, {"budget": 2 * free.cost}, {"max_size": free.size}):
        request = dataclasses.replace(base, **limits)
        result = tw.solve(model, request, replacements=False)
        assert result.status is tw.Status.OPTIMAL, limits
        assert result.cost == free.cost, limits
        assert tw.check(model, request, result) == []


def test_progress_reports_each_better_team_and_ctrl_c_returns_the_best_so_far() -> None:
    model = large_model()
    reports: list[tw.Progress] = []
    # A shell starts background jobs with SIGINT ignored: install Python's own handler so that
    # the test sees what an interactive user would.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        timer = threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT))
        start = time.perf_counter()
        timer.start()
        result = tw.solve(model, "r", mode="heuristic", time_limit=60, on_progress=reports.append)
        assert time.perf_counter() - start < 10
    finally:
        signal.signal(signal.SIGINT, previous)
    assert result.termination is tw.Termination.INTERRUPTED
    assert result.status is tw.Status.FEASIBLE and result.members
    incumbents = [r.incumbent for r in reports if r.incumbent is not None]
    assert len(incumbents) == len(reports) and incumbents[-1] >= result.objective
    assert incumbents == sorted(incumbents, reverse=True)
    assert tw.check(model, "r", result) == []


def test_results_convert_to_plain_dicts(example: tw.Model) -> None:
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


def test_an_ad_hoc_request_object_is_solved_against_the_model(example: tw.Model) -> None:
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


def test_a_request_with_unknown_names_raises(example: tw.Model) -> None:
    with pytest.raises(tw.UnknownReferenceError, match="must_include names unknown person 'zed'"):
        tw.solve(example, tw.TeamRequest("r", must_include=["zed"]))
    with pytest.raises(KeyError, match="unknown request 'nope'"):
        tw.solve(example, "nope")
    with pytest.raises(TypeError):
        tw.solve(example, 42)  # type: ignore[arg-type]  # not a request, on purpose


def test_the_checker_refuses_a_result_solved_for_another_request(example: tw.Model) -> None:
    result = tw.solve(example, "weekend_support")
    assert tw.check(example, "weekend_support", result) == []
    with pytest.raises(tw.FormatError, match="answers request 'weekend_support', not 'leaders"):
        tw.check(example, "leadership_team", result)


def test_the_checker_reads_a_saved_result_document(example: tw.Model) -> None:
    # A result saved as JSON (the CLI's --json) is checked later from the file alone; a
    # tampered claim is a finding, not an error.
    document = json.loads(json.dumps(tw.solve(example, "leadership_team").to_dict()))
    assert tw.check(example, "leadership_team", document) == []
    document["members"][0]["unique"] = []
    document["cost"] += 1
    findings = tw.check(example, "leadership_team", document)
    assert any("is not the members' total" in f for f in findings)
    assert any("contributions of" in f for f in findings)


def test_solves_run_in_parallel_threads_with_identical_answers(example: tw.Model) -> None:
    # The GIL is released while solving, so threads overlap; answers stay deterministic.
    def answer() -> dict[str, Any]:
        document = tw.solve(example, "leadership_team").to_dict()
        del document["time_s"], document["time_to_best_s"]
        return document

    expected = answer()
    answers: list[dict[str, Any]] = []

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


def test_the_gil_is_released_while_solving() -> None:
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
