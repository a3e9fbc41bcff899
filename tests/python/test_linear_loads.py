"""Loads grow linearly with the input (issue 13): ten times the items take about ten times as
long, never the hundred times a quadratic step would; deep hierarchies cost their depth."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest
import teamwright as tw

HEAD = '{"format": "teamwright", "version": 1, "competencies": [{"id": "a"}], '

GROWTH = 30
"""The most 10x the items may cost over 1x: linear is 10 (plus cache effects), quadratic 100."""


def _seconds(load: Callable[[], object], repeats: int = 1) -> float:
    """The best of `repeats` timings: the machine is shared, the minimum is the cost."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        try:
            load()
        except tw.Error:
            pass
        best = min(best, time.perf_counter() - started)
    return best


def _people(n: int) -> str:
    return HEAD + '"people": [' + ",".join(f'{{"id": "p{i}"}}' for i in range(n)) + "]}"


def _same_id(n: int) -> str:
    return HEAD + '"people": [' + ",".join(['{"id": "p"}'] * n) + "]}"


def _attributes(n: int) -> str:
    keys = ",".join(f'"k{i}": {i}' for i in range(n))
    return HEAD + '"people": [{"id": "p", "attributes": {' + keys + "}}]}"


@pytest.mark.parametrize("document", [_people, _same_id, _attributes])
def test_a_million_items_load_within_a_fixed_multiple_of_a_hundred_thousand(
    document: Callable[[int], str],
) -> None:
    small, large = document(100_000), document(1_000_000)
    assert _seconds(lambda: tw.loads(large)) <= GROWTH * max(
        _seconds(lambda: tw.loads(small), repeats=3), 0.01
    )


def test_a_million_people_with_one_id_are_refused_at_the_second() -> None:
    with pytest.raises(tw.DuplicateIdError, match=r"person 'p': duplicate id \(#1 and #2\)"):
        tw.loads(_same_id(1_000_000))


def _chain(depth: int) -> str:
    competencies = [{"id": "c0"}] + [
        {"id": f"c{i}", "parents": [f"c{i - 1}"]} for i in range(1, depth)
    ]
    people = [{"id": "p", "levels": {f"c{depth - 1}": 3}}]
    return json.dumps(
        {"format": "teamwright", "version": 1, "competencies": competencies, "people": people}
    )


def test_a_deep_parent_chain_costs_its_depth_and_a_level_counts_up_to_the_root() -> None:
    """A 20,000-deep chain took 2 GB (the square of its depth) and 40,000 ended in bad_alloc."""
    small, large = _chain(20_000), _chain(200_000)
    assert _seconds(lambda: tw.loads(large)) <= GROWTH * max(
        _seconds(lambda: tw.loads(small), repeats=3), 0.01
    )
    model = tw.loads(large)
    assert model.effective_level("p", "c0") == 3
    assert model.effective_level("p", "c199999") == 3
