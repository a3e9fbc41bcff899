"""Models built from Python objects: the same rules, messages and types as files and C++."""

from __future__ import annotations

import math
from typing import Any

import pytest
import teamwright as tw


def small(**overrides: Any) -> dict[str, Any]:
    arguments = {
        "competencies": [
            tw.Competency("communication", name="Communication"),
            tw.Competency("listening", parents=["communication"]),
            tw.Competency("empathy", kind=tw.CompetencyKind.TALENT),
            tw.Competency("data"),
        ],
        "relations": [tw.Relation(from_="data", to="communication", factor=0.5)],
        "people": [
            tw.Person("ann", name="Ann", levels={"listening": 4, "empathy": 3}, cost=10),
            tw.Person(
                "bob",
                levels={"data": 4},
                assessments=[
                    tw.Assessment("empathy", 5, tw.AssessmentSource.SELF, "2026-01-10"),
                    tw.Assessment("empathy", 2, tw.AssessmentSource.MANAGER, "2026-01-12", 0.5),
                ],
                cost=20,
            ),
        ],
    }
    arguments.update(overrides)
    return arguments


def test_a_model_built_from_python_objects_answers_level_queries() -> None:
    model = tw.Model(**small())
    assert model.effective_level("ann", "communication") == 4  # from the child "listening"
    assert model.effective_level("bob", "communication") == 2  # 0.5 x data 4
    assert model.rated_level("bob", "empathy") == 2  # the manager outvotes the self-rating
    assert model.person("ann").levels == {"listening": 4, "empathy": 3}
    assert [c.id for c in model.competencies] == ["communication", "listening", "empathy", "data"]
    assert model.competencies[2].kind is tw.CompetencyKind.TALENT
    assert not model.competencies[2].is_trainable
    assert model.scale == ["none", "novice", "basic", "intermediate", "advanced", "expert"]


def test_the_items_read_back_equal_the_items_given() -> None:
    arguments = small()
    model = tw.Model(**arguments)
    assert model.people == arguments["people"]
    assert model.relations == arguments["relations"]
    assert tw.Model.from_dict(model.to_dict()) == model


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (
            {"people": [tw.Person("p17", levels={"empathy": 7})]},
            tw.OutOfRangeError,
            "person 'p17': level 7 for 'empathy' exceeds the scale maximum 5",
        ),
        (
            {"people": [tw.Person("p", cost=math.nan)]},
            tw.OutOfRangeError,
            "person 'p': cost nan must be a number from 0 to 1e15",
        ),
        (
            {"people": [tw.Person("p", availability=2)]},
            tw.OutOfRangeError,
            "person 'p': availability 2 is outside [0, 1]",
        ),
        (
            {"people": [tw.Person("p"), tw.Person("p")]},
            tw.DuplicateIdError,
            "person 'p': duplicate id (#1 and #2)",
        ),
        (
            {
                "competencies": [
                    tw.Competency("a", parents=["b"]),
                    tw.Competency("b", parents=["a"]),
                ]
            },
            tw.CyclicHierarchyError,
            "competency hierarchy is cyclic: 'a' -> 'b' -> 'a' (each is listed as a parent of the "
            "one before)",
        ),
        (
            {"people": [tw.Person("p", levels={"empaty": 3})]},
            tw.UnknownReferenceError,
            "person 'p': level names unknown competency 'empaty'",
        ),
        (
            {"people": [tw.Person("p", levels={"empathy": "high"})]},  # type: ignore[dict-item]
            tw.FormatError,
            "person 'p': level for 'empathy' must be a number, got string \"high\"",
        ),
        (
            {"people": [tw.Person("p", attributes={"when": object()})]},  # type: ignore[dict-item]
            tw.FormatError,
            "document[people][0][attributes][when]: a value of type object has no place in a "
            "teamwright document",
        ),
    ],
)
def test_bad_input_raises_a_typed_error_naming_the_item_and_the_rule(
    change: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        tw.Model(**small(**change))
    assert str(raised.value) == message


def test_errors_subclass_value_error_or_key_error() -> None:
    assert issubclass(tw.InvalidInputError, ValueError)
    assert issubclass(tw.OutOfRangeError, ValueError)
    assert issubclass(tw.UnknownReferenceError, KeyError)
    assert issubclass(tw.FileError, OSError)
    with pytest.raises(KeyError) as raised:
        tw.Model(**small(people=[tw.Person("p", levels={"nope": 1})]))
    assert str(raised.value) == "person 'p': level names unknown competency 'nope'"


def test_a_request_that_cannot_be_met_is_not_an_error() -> None:
    request = tw.TeamRequest("r", requirements=[tw.TeamRequirement("empathy", 5, count=3)])
    model = tw.Model(**small(requests=[request]))
    assert model.request("r") == request
    assert tw.solve(model, "r").status is tw.Status.INFEASIBLE


def test_numpy_numbers_are_accepted_as_numbers() -> None:
    np = pytest.importorskip("numpy")
    model = tw.Model(
        **small(people=[tw.Person("p", levels={"data": np.float64(3)}, cost=np.int64(7))])
    )
    assert model.person("p").cost == 7
    assert model.effective_level("p", "data") == 3


def test_unknown_lookups_raise_key_errors() -> None:
    model = tw.Model(**small())
    with pytest.raises(tw.UnknownReferenceError, match="unknown person 'zed'"):
        model.person("zed")
    with pytest.raises(KeyError):
        model.effective_level("ann", "nope")


def test_none_in_a_field_that_is_not_optional_is_refused_not_defaulted() -> None:
    with pytest.raises(tw.FormatError, match="person 'p': field 'cost' must be a number, got null"):
        tw.Model(competencies=[tw.Competency("a")], people=[tw.Person("p", cost=None)])  # type: ignore[arg-type]
    with pytest.raises(tw.FormatError, match="availability"):
        tw.Model(competencies=[tw.Competency("a")], people=[tw.Person("p", availability=None)])  # type: ignore[arg-type]
