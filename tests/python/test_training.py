"""Training terms and the development policy from Python."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
import teamwright as tw


def test_training_terms_resolve_a_persons_override_and_never_train_a_talent(
    example: tw.Model,
) -> None:
    assert example.training_terms("p14", "spanish") == tw.TrainingTerms(600, 6)  # own terms
    assert example.training_terms("p13", "spanish") == tw.TrainingTerms(1500, 12)
    assert example.training_terms("p13", "empathy") is None  # a talent
    assert example.training_terms("p13", "communication") is None  # no terms: not plannable
    assert example.person("p14").training == {"spanish": tw.TrainingOverride(600, 6)}
    assert example.development == tw.DevelopmentPolicy()


def test_a_model_with_terms_round_trips_and_matches_the_schema(schema: dict[str, Any]) -> None:
    spanish = tw.Competency(
        "spanish", kind=tw.CompetencyKind.KNOWLEDGE, training=tw.TrainingTerms(9, 2)
    )
    model = tw.Model(
        [spanish],
        [tw.Person("a", training={"spanish": tw.TrainingOverride(weeks_per_level=1)})],
        development=tw.DevelopmentPolicy(review_every_weeks=2),
    )
    assert model.training_terms("a", "spanish") == tw.TrainingTerms(9, 1)
    assert tw.loads(model.dumps()) == model and model.development.review_every_weeks == 2
    jsonschema.Draft7Validator(schema).validate(model.to_dict())


def test_training_a_talent_is_refused_naming_the_rule() -> None:
    with pytest.raises(tw.InvalidInputError, match="talent that is not trainable"):
        terms = tw.TrainingTerms(1, 1)
        tw.Model([tw.Competency("empathy", kind=tw.CompetencyKind.TALENT, training=terms)])
    with pytest.raises(tw.OutOfRangeError, match="review_every_weeks 0"):
        tw.Model([], development=tw.DevelopmentPolicy(review_every_weeks=0))
