"""Loads grow linearly with the input (issue 13): ten times the items take about ten times as
long, never the hundred times a quadratic step would; deep hierarchies cost their depth. The
documents are benchmarks/load_scaling.py's, which prints the figures of RELIABILITY.md."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import pytest
import teamwright as tw
from conftest import ROOT

GROWTH = 40
"""The most 10x the items may cost over 1x: linear is 10 (plus cache effects: a million keys
in a hash set measured 22), quadratic 100."""


def _scaling() -> Any:
    folder = str(ROOT / "benchmarks")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module("load_scaling")


SCALING = _scaling()


@pytest.mark.parametrize("name", list(SCALING.CASES))
def test_ten_times_the_items_load_within_a_fixed_multiple_of_the_time(name: str) -> None:
    document, small, large = SCALING.CASES[name]
    # The small document's best of three; the large one's single time bounds its cost from above.
    assert SCALING.seconds(document(large), 1) <= GROWTH * max(
        SCALING.seconds(document(small), 3), 0.01
    )


def test_a_million_people_with_one_id_are_refused_at_the_second() -> None:
    with pytest.raises(tw.DuplicateIdError, match=r"person 'p': duplicate id \(#1 and #2\)"):
        tw.loads(SCALING.same_id(1_000_000))


def test_a_level_at_the_bottom_of_a_200000_deep_chain_counts_up_to_the_root() -> None:
    """A 20,000-deep chain took 2 GB (the square of its depth) and 40,000 ended in bad_alloc."""
    model = tw.loads(SCALING.chain(200_000))
    assert model.effective_level("p", "c0") == 3
    assert model.effective_level("p", "c199999") == 3
