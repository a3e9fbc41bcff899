"""pandas in and out: models from wide and long frames, zero-copy level matrices, flat tables."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import teamwright as tw


@pytest.fixture(scope="module")
def example() -> tw.Model:
    return tw.load(tw.example_path())


def _rebuilt(model: tw.Model, levels: pd.DataFrame) -> tw.Model:
    return tw.Model.from_frame(
        levels,
        cost=pd.Series({p.id: p.cost for p in model.people}),
        availability=[p.availability for p in model.people],
        external=pd.Series({p.id: p.external for p in model.people}),
        names=[p.name for p in model.people],
        competencies=model.competencies,
        relations=model.relations,
        roles=model.roles,
        requests=model.requests,
        scale=model.scale,
        assessment_policy=model.assessment_policy,
        development=model.development,
    )


def test_a_wide_frame_of_rated_levels_rebuilds_the_same_teams(example: tw.Model) -> None:
    rebuilt = _rebuilt(example, example.level_matrix("rated"))
    for request in example.requests:
        a, b = tw.solve(example, request.id), tw.solve(rebuilt, request.id)
        assert (a.status, a.member_ids, a.cost) == (b.status, b.member_ids, b.cost)
    for person in example.people:
        for competency in example.competencies:
            assert rebuilt.effective_level(person.id, competency.id) == pytest.approx(
                example.effective_level(person.id, competency.id)
            )


def test_nan_and_zero_cells_are_no_level_and_columns_become_skills() -> None:
    levels = pd.DataFrame(
        {"empathy": [4.0, np.nan, 0.0], "sql": [0, 3, 5]}, index=["ana", "ben", "cai"]
    )
    model = tw.Model.from_frame(levels, cost=10.0)
    assert [p.id for p in model.people] == ["ana", "ben", "cai"]
    assert [c.id for c in model.competencies] == ["empathy", "sql"]
    assert model.competencies[0].kind == tw.CompetencyKind.SKILL
    assert model.person("ana").levels == {"empathy": 4}
    assert model.person("ben").levels == {"sql": 3}
    assert model.person("cai").cost == 10
    # A strided slice and a Fortran-ordered block read in place the same way.
    strided = (np.arange(12.0).reshape(3, 4) % 6)[:, ::2]
    for values in (strided, np.asfortranarray(strided)):
        sliced = pd.DataFrame(values, index=list("xyz"), columns=["a", "b"])
        assert tw.Model.from_frame(sliced).person("y").levels == {"a": 4}


def test_columns_of_every_numeric_dtype_are_read_alike() -> None:
    expected = {"ana": {"a": 3, "c": 1, "e": 2}, "ben": {"b": 4, "d": 5}}
    levels = pd.DataFrame(
        {
            "a": np.array([3, 0], dtype=np.int64),
            "b": pd.array([None, 4], dtype="Int64"),
            "c": np.array([True, False]),
            "d": np.array([0, 5], dtype=np.int32),
            "e": np.array([2.0, None], dtype=object),
        },
        index=["ana", "ben"],
    )
    model = tw.Model.from_frame(levels)
    assert {p.id: p.levels for p in model.people} == expected


@pytest.mark.parametrize(
    ("levels", "kwargs", "error", "message"),
    [
        (pd.DataFrame({"a": [-1.0]}, index=["p"]), {}, tw.OutOfRangeError, "person 'p'"),
        (pd.DataFrame({"a": [9.0]}, index=["p"]), {}, tw.OutOfRangeError, "exceeds"),
        (pd.DataFrame({"a": [math.inf]}, index=["p"]), {}, tw.OutOfRangeError, "finite"),
        (pd.DataFrame([[1.0, 2.0]], index=["p"], columns=["a", "a"]), {}, tw.FormatError, "twice"),
        (pd.DataFrame({"a": [1.0, 2.0]}, index=["p", "p"]), {}, tw.DuplicateIdError, "'p'"),
        (
            pd.DataFrame({"a": [1.0, 2.0]}, index=["p", "p"]),
            {"cost": pd.Series({"p": 1.0})},
            tw.DuplicateIdError,
            "'p'",
        ),
        (pd.DataFrame({"a": [1.0]}, index=["p"]), {"cost": [1.0, 2.0]}, tw.FormatError, "cost"),
        (
            pd.DataFrame({"a": [1.0]}, index=["p"]),
            {"cost": pd.Series({"q": 1.0})},
            tw.InvalidInputError,
            "person 'p': no cost",
        ),
        (pd.DataFrame({"a": [1.0]}, index=["p"]), {"cost": -5.0}, tw.OutOfRangeError, "cost -5"),
        (pd.DataFrame({"a": [1.0]}, index=["p"]), {"cost": ["lots"]}, tw.FormatError, "cost"),
        (pd.DataFrame({"a": [1.0]}, index=["p"]), {"cost": "lots"}, tw.FormatError, "cost"),
        (pd.DataFrame({"a": ["x"]}, index=["p"]), {}, tw.FormatError, "column 'a' must hold"),
        (
            pd.DataFrame({"a": [1.0]}, index=["p"]),
            {"competencies": [tw.Competency("b")]},
            tw.UnknownReferenceError,
            "unknown competency 'a'",
        ),
    ],
)
def test_bad_wide_frames_get_a_typed_error_naming_the_item(
    levels: pd.DataFrame, kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        tw.Model.from_frame(levels, **kwargs)  # type: ignore[arg-type]


def test_long_rows_give_agreed_levels_and_dated_assessments() -> None:
    rows = pd.DataFrame(
        {
            "person": ["ana", "ana", "ben", "ben"],
            "competency": ["empathy", "sql", "empathy", "empathy"],
            "level": [4, 2, 3, 5],
            "source": ["manager", None, "peer", "self"],
            "date": pd.to_datetime(pd.Series(["2026-01-10", None, "2025-06-01", "2026-02-01"])),
            "confidence": [0.8, None, None, 1.0],
        }
    )
    model = tw.Model.from_long_frame(rows, cost=pd.Series({"ana": 5.0, "ben": 7.0}))
    ana, ben = model.person("ana"), model.person("ben")
    assert ana.levels == {"sql": 2}
    assert ana.assessments == [
        tw.Assessment("empathy", 4, tw.AssessmentSource.MANAGER, "2026-01-10", 0.8)
    ]
    assert [a.source for a in ben.assessments] == [
        tw.AssessmentSource.PEER,
        tw.AssessmentSource.SELF,
    ]
    assert ben.cost == 7
    # Text dates read as they are; people come in order of first appearance.
    text = rows.assign(date=pd.Series(["2026-01-10", None, "2025-06-01", "2026-02-01"]))
    assert tw.Model.from_long_frame(text).person("ben").assessments == ben.assessments
    plain = pd.DataFrame({"person": ["z", "a"], "competency": ["c", "c"], "level": [1, 2]})
    assert [p.id for p in tw.Model.from_long_frame(plain).people] == ["z", "a"]


_ROW: dict[str, list[object]] = {"person": ["p"], "competency": ["c"], "level": [1]}


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ({"person": ["p", "p"], "competency": ["c", "c"], "level": [1, 2]}, "row 1: person 'p'"),
        ({"person": ["p"], "competency": ["c"]}, "column 'level'"),
        ({"person": ["p"], "competency": ["c"], "level": [1], "team": ["x"]}, "unknown column"),
        (
            {
                "person": ["p"],
                "competency": ["c"],
                "level": [1],
                "source": ["boss"],
                "date": ["2026-01-01"],
            },
            "source 'boss'",
        ),
        (
            {
                "person": ["p"],
                "competency": ["c"],
                "level": [1],
                "source": ["peer"],
                "date": [None],
            },
            "needs a date",
        ),
        ({"person": ["p"], "competency": ["c"], "level": [1], "source": ["peer"]}, "'date' column"),
        ({"person": [None], "competency": ["c"], "level": [1]}, "row 0: no person"),
    ],
)
def test_bad_long_rows_name_the_row(rows: dict[str, list[object]], message: str) -> None:
    with pytest.raises(tw.FormatError, match=message):
        tw.Model.from_long_frame(pd.DataFrame(rows))


def test_a_long_people_csv_reads_through_pandas(tmp_path: object) -> None:
    import pathlib

    path = pathlib.Path(str(tmp_path)) / "people.csv"
    path.write_text(
        "person,competency,level,source,date,confidence\n"
        "ana,empathy,4,manager,2026-01-10,0.9\n"
        "ana,sql,2,,,\n"
    )
    model = tw.Model.from_long_frame(tw.read_people_csv(path))
    assert model.person("ana").levels == {"sql": 2}
    assert model.person("ana").assessments[0].confidence == 0.9
    with pytest.raises(tw.FileError):
        tw.read_people_csv(pathlib.Path(str(tmp_path)) / "missing.csv")


def test_level_matrices_are_views_of_the_library_memory(example: tw.Model) -> None:
    frame = example.level_matrix()
    values = frame.to_numpy()
    assert not values.flags.owndata  # a view of the C++ matrix, kept alive by the frame
    assert values.base is not None
    assert frame.shape == (len(example.people), len(example.competencies))
    person, competency = example.people[3].id, example.competencies[2].id
    assert frame.loc[person, competency] == example.effective_level(person, competency)
    rated = example.level_matrix("rated")
    assert rated.loc[person, competency] == example.rated_level(person, competency)
    with pytest.raises(tw.InvalidInputError):
        example.level_matrix("agreed")  # type: ignore[arg-type]


def _flat(frame: pd.DataFrame) -> bool:
    return not any(isinstance(v, (list, dict, tuple)) for v in frame.to_numpy().ravel())


def test_every_result_has_flat_tables(example: tw.Model) -> None:
    request = example.requests[0].id
    result = tw.solve(example, request)
    members = result.to_frame()
    assert list(members["id"]) == result.member_ids
    assert "replacement_extra_cost" in members.columns and _flat(members)
    coverage = result.to_frame("coverage")
    assert _flat(coverage)
    assert len(coverage) == sum(max(1, len(r.covered_by)) for r in result.coverage)
    contributions = result.to_frame("contributions")
    assert len(contributions) == sum(len(m.contributes) for m in result.members)
    with pytest.raises(tw.InvalidInputError, match="unknown table"):
        result.to_frame("teams")  # type: ignore[arg-type]

    report = tw.gap_report(example, request, result.member_ids[:-1])
    assert len(report.to_frame()) == len(report.gaps) and _flat(report.to_frame())
    options = report.to_frame("options")
    assert set(options["way"]) <= {"train", "transfer", "hire"} and _flat(options)

    plan = tw.plan(example, "latam_expansion", ["p03", "p07", "p09"], time_limit=5)
    goals = plan.to_frame()
    assert len(goals) == sum(len(d.goals) for d in plan.development) and _flat(goals)
    assert _flat(plan.to_frame("reviews")) and _flat(plan.to_frame("actions"))
    closure = plan.closure
    assert len(closure.to_frame()) == len(closure.actions)
    assert closure.to_frame("alternatives")["closure"].iloc[0] == "cheapest"

    review = tw.review_assessments(example)
    assert len(review.to_frame()) == len(review.blind_spots)
    assert len(review.to_frame("stale")) == len(review.stale)
    people = example.to_frame()
    assert list(people["id"]) == [p.id for p in example.people]


def test_empty_tables_keep_their_columns(example: tw.Model) -> None:
    result = tw.solve(example, example.requests[0].id)
    report = tw.gap_report(example, example.requests[0].id, result)
    assert report.gaps == []
    assert list(report.to_frame().columns)[:3] == ["requirement", "competency", "role"]


def test_placements_splits_and_covers_are_tables_too(example: tw.Model) -> None:
    from teamwright import cover

    solution = cover.solve(cover.read_orlib("tests/data/orlib/scp41.txt"), time_limit=2)
    assert list(solution.to_frame()["column"]) == solution.columns
    people = [p.id for p in example.people[:12]]
    split = tw.split(example, example.requests[1].id, 2, people=people, time_limit=2)
    frame = split.to_frame()
    assert sorted(frame["person"]) == sorted(p for t in split.teams for p in t.members)
    roles = tw.assign_roles(example, people, [tw.Slot("s1", role=example.roles[0].id)])
    assert len(roles.to_frame()) == len(roles.placements)


def test_a_job_posting_is_a_table_of_what_it_asks(example: tw.Model) -> None:
    posting = tw.job_posting(example, example.roles[0].id)
    table = posting.to_frame()
    assert int(table["required"].sum()) == len(posting.required)
    assert len(table) == len(posting.required) + len(posting.desirable)
    assert table["kind"].isin([k.value for k in tw.CompetencyKind]).all()


def test_a_large_model_shows_without_reading_every_person() -> None:
    levels = pd.DataFrame(np.eye(60) * 3, index=[f"p{i}" for i in range(60)],
                          columns=[f"c{j}" for j in range(60)])  # fmt: skip
    model = tw.Model.from_frame(levels)
    assert model.counts() == (60, 60, 0, 0)
    assert "60 people" in repr(model)
    markup = model._repr_html_()
    assert "p19" in markup and "p20" not in markup and "40 more people" in markup
    assert "_document" not in model.__dict__  # the whole document was never built
    assert len(model.people) == 60
