"""O*NET and ESCO in: fixtures with the real headers (tests/data/onet, onet_renamed, esco)."""

from __future__ import annotations

import pathlib
import re
import shutil

import pandas as pd
import pytest
import teamwright as tw

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"
CSR = "43-4051.00"


def _requirements(model: tw.Model, role: str) -> dict[str, tw.RoleRequirement]:
    return {r.competency: r for r in model.role(role).requirements}


def test_onet_occupations_become_roles_on_our_scale() -> None:
    model = tw.read_onet(DATA / "onet")
    assert [r.id for r in model.roles] == [CSR, "15-1232.00"]
    assert model.role(CSR).name == "Customer Service Representatives"
    kinds = {c.id: c.kind for c in model.competencies}
    assert kinds["2.A.1.b"] == tw.CompetencyKind.SKILL
    assert kinds["2.C.1.e"] == tw.CompetencyKind.KNOWLEDGE
    assert kinds["1.A.1.a.1"] == tw.CompetencyKind.TALENT
    assert kinds["1.C.3.b"] == tw.CompetencyKind.TRAIT
    csr = _requirements(model, CSR)
    # LV 4.12 of 7 on a 0-5 scale; IM 4.25 rounds to 4 and is hard (>= 4).
    assert csr["2.A.1.b"].min_level == pytest.approx(round(4.12 * 5 / 7, 1))
    assert (csr["2.A.1.b"].importance, csr["2.A.1.b"].hard) == (4, True)
    assert csr["2.A.2.a"].hard is False  # IM 3.25: soft
    # Work Styles rate importance only: IM 4.41 from 1-5 onto 0-5.
    assert csr["1.C.3.b"].min_level == pytest.approx(round((4.41 - 1) * 5 / 4, 1))
    # Importance below 3, Not Relevant and Recommend Suppress rows are skipped.
    assert "1.C.1.a" not in csr and "2.B.3.e" not in csr
    assert "2.B.3.e" not in _requirements(model, "15-1232.00")
    # The content model names parents: a level in Active Listening counts for Content.
    assert model.competency("2.A.1.b").parents == ["2.A.1"]
    assert model.competency("2.A.1").name == "Content"


def test_onet_reads_other_releases_column_and_file_names() -> None:
    model = tw.read_onet(DATA / "onet_renamed")
    csr = _requirements(model, CSR)
    assert set(csr) == {"2.A.1.b", "2.C.1.e"}
    assert model.competency("2.A.1.b").name == "Active Listening"  # from the reference


def test_onet_options_filter_and_rescale() -> None:
    model = tw.read_onet(
        DATA / "onet",
        occupations=[CSR],
        min_importance=4.5,
        scale=["none", "low", "some", "good", "very good", "top", "best", "master"],
    )
    assert [r.id for r in model.roles] == [CSR]
    csr = _requirements(model, CSR)
    assert set(csr) == {"1.C.5.a", "2.C.1.e"}
    assert csr["2.C.1.e"].min_level == pytest.approx(5.1)  # 5.13 of 7 on a 0-7 scale
    with pytest.raises(tw.FormatError, match=re.escape("no occupation '99-9999.00'")):
        tw.read_onet(DATA / "onet", occupations=["99-9999.00"])


def test_onet_errors_name_the_file(tmp_path: pathlib.Path) -> None:
    with pytest.raises(tw.FileError, match="Occupation Data"):
        tw.read_onet(tmp_path)
    with pytest.raises(tw.FileError, match="not a directory"):
        tw.read_onet(tmp_path / "none")
    broken = tmp_path / "onet"
    shutil.copytree(DATA / "onet", broken)
    skills = broken / "Skills.txt"
    skills.write_text(skills.read_text().replace("\t4.25\t", "\tfour\t"))
    with pytest.raises(tw.FormatError, match=re.escape("Skills.txt: line 2: value 'four'")):
        tw.read_onet(broken)
    skills.write_bytes(b"O*NET-SOC Code\tElement ID\n\xff\xfe\n")
    with pytest.raises(tw.FormatError, match="not UTF-8"):
        tw.read_onet(broken)
    (broken / "Skills.txt").write_text("Code\tWhat\nx\ty\n")
    with pytest.raises(tw.FormatError, match=r"is it an O.NET file"):
        tw.read_onet(broken)


def test_esco_essential_is_hard_optional_soft_with_the_skill_hierarchy() -> None:
    model = tw.read_esco(DATA / "esco", level=4)
    agent = "0001a0b1-0000-4000-8000-000000000001"
    assert model.role(agent).name == "contact centre agent"
    requirements = _requirements(model, agent)
    enquiries = requirements["5a0b1c2d-0000-4000-8000-00000000000a"]
    crm = requirements["5a0b1c2d-0000-4000-8000-00000000000c"]
    assert (enquiries.hard, enquiries.importance, enquiries.min_level) == (True, 4, 4)
    assert (crm.hard, crm.importance) == (False, 2)
    assert model.competency("5a0b1c2d-0000-4000-8000-00000000000c").kind == (
        tw.CompetencyKind.KNOWLEDGE
    )
    group = "0a1b2c3d-0000-4000-8000-0000000000g1"
    assert model.competency("5a0b1c2d-0000-4000-8000-00000000000b").parents == [group]
    assert model.competency(group).parents == ["0a1b2c3d-0000-4000-8000-0000000000g2"]
    only = tw.read_esco(DATA / "esco", occupations=["3512.2"])
    assert [r.name for r in only.roles] == ["ICT help desk agent"]
    assert "5a0b1c2d-0000-4000-8000-00000000000b" not in {c.id for c in only.competencies}


def test_esco_errors_name_the_file(tmp_path: pathlib.Path) -> None:
    with pytest.raises(tw.FileError, match=re.escape("occupations_en.csv")):
        tw.read_esco(tmp_path)
    broken = tmp_path / "esco"
    shutil.copytree(DATA / "esco", broken)
    relations = broken / "occupationSkillRelations_en.csv"
    relations.write_text(relations.read_text().replace("optional", "maybe", 1))
    with pytest.raises(tw.FormatError, match="relationType 'maybe'"):
        tw.read_esco(broken)
    with pytest.raises(tw.FileError, match=re.escape("occupations_de.csv")):
        tw.read_esco(DATA / "esco", language="de")


def test_a_framework_from_onet_takes_people_from_a_frame() -> None:
    onet = tw.read_onet(DATA / "onet", occupations=[CSR])
    ids = [c.id for c in onet.competencies]
    levels = pd.DataFrame(
        [[5.0] * len(ids), [1.0] * len(ids)], index=["strong", "weak"], columns=ids
    )
    model = tw.Model.from_frame(levels, cost=[90.0, 40.0], competencies=onet.competencies,
                                roles=onet.roles)  # fmt: skip
    placed = tw.assign_roles(model, ["strong", "weak"], [tw.Slot("s", role=CSR)])
    assert [p.person for p in placed.placements] == ["strong"]
