"""Gap reports from Python."""

from __future__ import annotations

import pytest
import teamwright as tw


def test_the_leadership_team_has_only_soft_gaps_ranked_by_priority(example: tw.Model) -> None:
    # The cheapest team that fills every role (the optimum meets every soft requirement too).
    team = ["p04", "p06", "p09", "x01"]
    report = tw.gap_report(example, "leadership_team", team)
    assert report.team == team
    assert [(g.role, g.competency, g.priority) for g in report.gaps] == [
        ("operations_manager", "collaboration", 6.0),
        ("technical_specialist", "clear_communication", 3.0),
    ]
    collaboration, clear = report.gaps
    assert not collaboration.trainable and collaboration.train == []
    # The only employee with collaboration >= 4 who also qualifies for operations manager; the
    # cheaper p13 has the collaboration but none of the role's hard requirements.
    assert collaboration.transfer == ["p03"]
    assert clear.trainable
    assert clear.train == [tw.TrainingOption("p06", 2, 1)]


def test_a_trainable_gap_proposes_the_nearest_member(example: tw.Model) -> None:
    report = tw.gap_report(example, "latam_expansion", ["p10", "p13", "p14"])
    assert [gap.competency for gap in report.gaps] == ["spanish", "clear_communication"]
    spanish = report.gaps[0]
    assert (spanish.competency, spanish.missing, spanish.shortfall, spanish.priority) == (
        "spanish",
        1,
        1,
        5,
    )
    assert spanish.trainable
    assert [option.id for option in spanish.train] == ["p14"]  # Mateo tests at 3
    assert not spanish.needs_hire


def test_gap_reports_convert_to_plain_dicts(example: tw.Model) -> None:
    document = tw.gap_report(example, "weekend_support", ["p13"]).to_dict()
    assert {"request", "team", "coverage", "gaps"} <= document.keys()
    assert all("priority" in gap for gap in document["gaps"])


def test_a_team_with_an_unknown_person_raises(example: tw.Model) -> None:
    with pytest.raises(tw.UnknownReferenceError, match="unknown person 'p99'"):
        tw.gap_report(example, "leadership_team", ["p01", "p99"])
    with pytest.raises(tw.DuplicateIdError, match="team names person 'p01' twice"):
        tw.gap_report(example, "leadership_team", ["p01", "p01"])


def test_top_k_keeps_the_gaps_of_highest_priority(example: tw.Model) -> None:
    team = ["p04", "p06", "p09", "x01"]
    every = tw.gap_report(example, "leadership_team", team).gaps
    assert tw.gap_report(example, "leadership_team", team, top_k=1).gaps == every[:1]
    assert tw.gap_report(example, "leadership_team", team, top_k=0).gaps == []
    with pytest.raises(tw.OutOfRangeError, match="top_k"):
        tw.gap_report(example, "leadership_team", team, top_k=-1)


def test_a_person_who_fails_a_roles_hard_requirements_still_sees_its_soft_gaps(
    example: tw.Model,
) -> None:
    # p13 holds none of operations manager's hard requirements; its soft collaboration >= 4 is
    # met, and the report lists the hard gaps, each naming only people who qualify for the role.
    request = tw.TeamRequest("ops", roles=[tw.RoleSlot("operations_manager")])
    report = tw.gap_report(example, request, ["p13"])
    assert {g.competency for g in report.gaps} == {"parcel_tracking", "data_driven_decisions"}
    (role,) = [r for r in example.roles if r.id == "operations_manager"]
    for gap in report.gaps:
        assert gap.transfer and gap.hire
        for person in gap.transfer + gap.hire:
            assert all(
                example.effective_level(person, q.competency) >= q.min_level
                for q in role.requirements
                if q.hard
            ), person
    soft = tw.gap_report(example, request, ["p10"])  # p10 lacks collaboration too
    assert any(not g.hard and g.competency == "collaboration" for g in soft.gaps)
