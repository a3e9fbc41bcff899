"""Assessment policies from Python, the assessment review and `teamwright assessments`."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import jsonschema
import pytest
import teamwright as tw
from conftest import EXAMPLE

S = tw.AssessmentSource


def one_person(*assessments: tw.Assessment, policy: tw.AssessmentPolicy | None = None) -> tw.Model:
    return tw.Model(
        [tw.Competency("empathy")], [tw.Person("p", assessments=list(assessments))],
        assessment_policy=policy,
    )  # fmt: skip


MIXED = (
    tw.Assessment("empathy", 5, S.SELF, "2026-03-01"),
    tw.Assessment("empathy", 4, S.MANAGER, "2026-02-01"),
    tw.Assessment("empathy", 3, S.PEER, "2026-02-10", confidence=0.5),
)


def test_each_policy_gives_its_level_and_reads_back() -> None:
    assert one_person(*MIXED).effective_level("p", "empathy") == pytest.approx(5.5 / 1.5)
    minimum = tw.AssessmentPolicy(aggregation=tw.Aggregation.MINIMUM)
    assert one_person(*MIXED, policy=minimum).effective_level("p", "empathy") == 3
    validated = tw.AssessmentPolicy(sources=[S.MANAGER, S.TEST])
    assert one_person(*MIXED, policy=validated).effective_level("p", "empathy") == 4
    trusted = tw.AssessmentPolicy(source_weights={S.SELF: 1.0}, as_of="2026-06-01")
    model = one_person(*MIXED, policy=trusted)
    assert model.effective_level("p", "empathy") == pytest.approx((5 + 4 + 1.5) / 2.5)
    assert model.assessment_policy == trusted and model.as_of == "2026-06-01"
    assert tw.loads(model.dumps()).assessment_policy == trusted


def test_a_document_with_a_policy_validates_against_the_schema(schema: dict[str, Any]) -> None:
    policy = tw.AssessmentPolicy(
        aggregation=tw.Aggregation.MOST_RECENT,
        source_weights={S.SELF: 0.5},
        sources=[S.MANAGER, S.SELF],
        half_life_days=180,
        as_of="2026-01-31",
        stale_after_days=0,
    )
    jsonschema.Draft7Validator(schema).validate(one_person(*MIXED, policy=policy).to_dict())
    broken = {**one_person(*MIXED).to_dict(), "assessment_policy": {"aggregation": "mean"}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema).validate(broken)
    with pytest.raises(tw.FormatError, match="must be one of weighted, most_recent, minimum"):
        tw.Model.from_dict(broken)


def test_a_lone_old_rating_fades_with_a_half_life() -> None:
    policy = tw.AssessmentPolicy(half_life_days=365, as_of="2020-01-01")
    old = tw.Assessment("empathy", 4, S.SELF, "2019-01-01")
    assert one_person(old).effective_level("p", "empathy") == 4
    assert one_person(old, policy=policy).effective_level("p", "empathy") == pytest.approx(2)


def test_a_broken_policy_is_a_typed_error() -> None:
    with pytest.raises(tw.OutOfRangeError, match="half_life_days -1 must be"):
        one_person(*MIXED, policy=tw.AssessmentPolicy(half_life_days=-1))
    with pytest.raises(tw.FormatError, match="as_of 'someday' is not a calendar date"):
        one_person(*MIXED, policy=tw.AssessmentPolicy(as_of="someday"))


def test_the_review_finds_blind_spots_both_ways_and_dated_trouble() -> None:
    policy = tw.AssessmentPolicy(as_of="2026-06-01", stale_after_days=365)
    model = tw.Model(
        [tw.Competency("empathy"), tw.Competency("spanish")],
        [
            tw.Person("over", assessments=list(MIXED)),
            tw.Person(
                "under",
                assessments=[
                    tw.Assessment("spanish", 2, S.SELF, "2026-01-01"),
                    tw.Assessment("spanish", 4, S.TEST, "2019-05-01"),
                    tw.Assessment("spanish", 4, S.CUSTOMER, "2099-01-01"),
                ],
            ),
        ],
        assessment_policy=policy,
    )
    review = tw.review_assessments(model, threshold=1.0)
    assert [(s.person, s.competency, round(s.difference, 3)) for s in review.blind_spots] == [
        ("over", "empathy", round(5 - 5.5 / 1.5, 3)),
        ("under", "spanish", -2),
    ]
    under = review.blind_spots[1]
    assert (under.self_label, under.others_label) == ("basic", "advanced")
    assert under.others == [S.CUSTOMER, S.TEST]
    assert [(a.person, a.date) for a in review.stale] == [("under", "2019-05-01")]
    assert [(a.person, a.date) for a in review.future] == [("under", "2099-01-01")]
    assert review.future[0].age_days < 0
    assert tw.blind_spots(model, threshold=1.5) == [under]
    assert json.loads(json.dumps(review.to_dict()))["blind_spots"][1]["difference"] == -2
    with pytest.raises(tw.OutOfRangeError, match="threshold"):
        tw.review_assessments(model, threshold=0)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "teamwright", *args], capture_output=True, text=True, timeout=120
    )


def test_the_assessments_command_shows_levels_with_their_labels() -> None:
    done = run("assessments", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert "Blind spots" in done.stdout and "5 (expert)" in done.stdout
    assert "rates themself lower" in done.stdout
    document = json.loads(run("assessments", str(EXAMPLE), "--json").stdout)
    assert {"as_of", "threshold", "blind_spots", "stale", "future"} <= document.keys()
    refused = run("assessments", str(EXAMPLE), "--threshold", "0")
    assert refused.returncode == 2 and "expected a number > 0" in refused.stderr
