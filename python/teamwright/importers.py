"""Competency frameworks from the public taxonomies (docs/importers.md): the O*NET database's
text distribution (`read_onet`) and ESCO's CSV download (`read_esco`). Each returns a `Model`
with the competencies and one role per occupation, and no people: give the people with
``Model.from_frame(levels, competencies=imported.competencies, roles=imported.roles)``.

Neither data set ships with teamwright: O*NET from https://www.onetcenter.org/database.html
("Text" files, ``db_*_text.zip``), ESCO from https://esco.ec.europa.eu/en/use-esco/download
(format CSV, one language).
"""

from __future__ import annotations

import os
import pathlib
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from teamwright.errors import FileError, FormatError
from teamwright.frames import read_table
from teamwright.model import (
    Competency,
    CompetencyKind,
    Model,
    Role,
    RoleRequirement,
)

__all__ = ["read_esco", "read_onet"]

# O*NET --------------------------------------------------------------------------------------

ONET_DOMAINS = {
    "skills": CompetencyKind.SKILL,
    "knowledge": CompetencyKind.KNOWLEDGE,
    "abilities": CompetencyKind.TALENT,
    "work_styles": CompetencyKind.TRAIT,
}
"""The rated domains read, and the kind of competency each element becomes."""

# Column names across releases and formats: the text files' "O*NET-SOC Code", "Element ID", ...
# and the database exports' onetsoc_code, element_id, ...; normalised to one spelling.
_ONET_COLUMNS = {
    "o_net_soc_code": "code",
    "onetsoc_code": "code",
    "element_id": "element",
    "element_name": "name",
    "scale_id": "scale",
    "data_value": "value",
    "recommend_suppress": "suppress",
    "not_relevant": "not_relevant",
    "title": "title",
    "description": "description",
}


def _normalised(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def _find(directory: pathlib.Path, stem: str, suffixes: tuple[str, ...]) -> pathlib.Path | None:
    """The file of a directory whose name, normalised, is ``stem`` with one of ``suffixes``
    ("Work Styles.txt", "work_styles.txt" and "Work_Styles.TXT" are one file)."""
    for path in sorted(directory.iterdir()):
        if path.is_file() and path.suffix.lower() in suffixes and _normalised(path.stem) == stem:
            return path
    return None


def _table(path: pathlib.Path, separator: str) -> pd.DataFrame:
    return read_table(path, separator, dtype=str, keep_default_na=False)


def _onet_table(path: pathlib.Path, required: Iterable[str]) -> pd.DataFrame:
    frame = _table(path, "\t")
    frame.columns = [_ONET_COLUMNS.get(_normalised(c), _normalised(c)) for c in frame.columns]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise FormatError(f"{path}: no column for {', '.join(missing)} (is it an O*NET file?)")
    return frame


def _number(frame: pd.DataFrame, column: str, path: pathlib.Path) -> pd.Series:
    values = pd.to_numeric(frame[column], errors="coerce")
    bad = values.isna().to_numpy()
    if bad.any():
        row = int(np.argmax(bad))
        raise FormatError(
            f"{path}: line {row + 2}: {column} {frame[column].iloc[row]!r} is not a number"
        )
    return values


def read_onet(
    directory: str | os.PathLike[str],
    *,
    occupations: Iterable[str] | None = None,
    min_importance: float = 3.0,
    hard_importance: float = 4.0,
    scale: list[str] | None = None,
) -> Model:
    """The O*NET text distribution in ``directory`` as a model: every element of Skills,
    Knowledge, Abilities and Work Styles a competency (id the element id, "2.A.1.a"; kinds skill,
    knowledge, talent, trait), every occupation of Occupation Data a role (id the O*NET-SOC
    code) requiring the elements whose importance (IM, 1-5) is at least ``min_importance``.

    The mapping (docs/importers.md): a requirement's level is the element's level (LV, 0-7)
    rescaled to the model's scale (max level x LV / 7, one decimal), or, where a domain rates
    importance only (Work Styles), the importance rescaled from 1-5; its importance is IM
    rounded; it is hard from ``hard_importance`` on, soft below. Rows flagged Recommend
    Suppress or Not Relevant are skipped. ``occupations`` (O*NET-SOC codes) keeps only those.
    Content Model Reference, when present, names the elements' parents for the hierarchy."""
    root = pathlib.Path(directory)
    if not root.is_dir():
        raise FileError(f"{root}: not a directory (unpack the O*NET text files into one)")
    labels = list(scale) if scale is not None else None
    max_level = (len(labels) - 1) if labels else 5
    occupation_file = _find(root, "occupation_data", (".txt",))
    if occupation_file is None:
        raise FileError(f"{root}: no 'Occupation Data.txt' (the O*NET text distribution)")
    jobs = _onet_table(occupation_file, ["code", "title"])
    if occupations is not None:
        wanted = {str(code) for code in occupations}
        unknown = sorted(wanted - set(jobs["code"]))
        if unknown:
            raise FormatError(f"{occupation_file}: no occupation {unknown[0]!r}")
        jobs = jobs[jobs["code"].isin(wanted)]

    ratings = []
    for stem, kind in ONET_DOMAINS.items():
        path = _find(root, stem, (".txt",))
        if path is None:
            continue
        frame = _onet_table(path, ["code", "element", "scale", "value"])
        if "name" not in frame.columns:  # database exports name elements in the reference
            frame["name"] = frame["element"].map(_onet_group_names(root)).fillna(frame["element"])
        frame = frame[frame["code"].isin(set(jobs["code"]))]
        keep = np.ones(len(frame), dtype=bool)
        for flag in ("suppress", "not_relevant"):
            if flag in frame.columns:
                keep &= frame[flag].str.strip().str.upper().to_numpy() != "Y"
        frame = frame[keep]
        frame = frame.assign(value=_number(frame, "value", path), kind=kind.value)
        ratings.append(frame[["code", "element", "name", "scale", "value", "kind"]])
    if not ratings:
        raise FileError(f"{root}: none of Skills, Knowledge, Abilities, Work Styles (.txt)")
    rated = pd.concat(ratings, ignore_index=True)
    wide = rated.pivot_table(
        index=["code", "element"], columns="scale", values="value", aggfunc="first"
    )
    if "IM" not in wide.columns:
        raise FormatError(f"{root}: no importance (IM) ratings for the occupations chosen")
    importance = wide["IM"]
    level = wide["LV"] if "LV" in wide.columns else pd.Series(np.nan, index=wide.index)
    # A domain without levels (Work Styles): the importance, from 1-5 onto 0-max. In a domain
    # with levels, an element whose level was skipped (suppressed) is skipped too.
    kinds = rated.drop_duplicates("element").set_index("element")["kind"]
    leveled = set(rated.loc[rated["scale"] == "LV", "kind"])
    element_kind = kinds.reindex(wide.index.get_level_values("element")).to_numpy()
    without_levels = ~np.isin(element_kind, list(leveled))
    rescaled = (level * max_level / 7).where(~without_levels, (importance - 1) * max_level / 4)
    requirements = pd.DataFrame(
        {"importance": importance, "level": rescaled.round(1).clip(0, max_level)}
    ).dropna()
    requirements = requirements[requirements["importance"] >= min_importance].reset_index()

    elements = rated.drop_duplicates("element").set_index("element")
    parents = _onet_parents(root, set(requirements["element"]))
    competencies = [
        Competency(
            str(element),
            name=str(row["name"]),
            kind=CompetencyKind(row["kind"]),
            parents=[parents[element]] if element in parents else [],
        )
        for element, row in elements.loc[sorted(set(requirements["element"]))].iterrows()
    ]
    group_names = _onet_group_names(root)
    groups = sorted({p for p in parents.values()})
    competencies += [
        Competency(group, name=group_names.get(group, group), kind=_group_kind(group, elements))
        for group in groups
    ]
    by_job = {code: rows for code, rows in requirements.groupby("code")}
    roles = []
    for _, job in jobs.iterrows():
        rows = by_job.get(job["code"])
        roles.append(
            Role(
                str(job["code"]),
                name=str(job["title"]),
                description=str(job.get("description", "")),
                requirements=[] if rows is None else _onet_requirements(rows, hard_importance),
            )
        )
    return Model(competencies=competencies, roles=roles, scale=labels)


def _onet_requirements(rows: pd.DataFrame, hard_importance: float) -> list[RoleRequirement]:
    """An occupation's rated elements as requirements (those at a level above 0)."""
    out = []
    for element, level, importance in zip(
        rows["element"].tolist(),
        rows["level"].astype(float).tolist(),
        rows["importance"].astype(float).tolist(),
        strict=True,
    ):
        if level > 0:
            out.append(
                RoleRequirement(
                    str(element),
                    level,
                    importance=min(5, max(1, round(importance))),
                    hard=importance >= hard_importance,
                )
            )
    return out


def _onet_parents(root: pathlib.Path, elements: set[str]) -> dict[str, str]:
    """Each element's parent in the content model (its id without the last part), when the
    Content Model Reference names it."""
    names = _onet_group_names(root)
    out = {}
    for element in elements:
        parent = element.rsplit(".", 1)[0] if "." in element else ""
        if parent and parent in names:
            out[element] = parent
    return out


def _onet_group_names(root: pathlib.Path) -> dict[str, str]:
    path = _find(root, "content_model_reference", (".txt",))
    if path is None:
        return {}
    frame = _onet_table(path, ["element", "name"])
    return dict(zip(frame["element"], frame["name"], strict=True))


def _group_kind(group: str, elements: pd.DataFrame) -> CompetencyKind:
    kinds = elements[elements.index.str.startswith(group + ".")]["kind"]
    return CompetencyKind(kinds.iloc[0]) if len(kinds) else CompetencyKind.SKILL


# ESCO ---------------------------------------------------------------------------------------


def _uuid(uri: str) -> str:
    """A concept's id: the last part of its URI."""
    return uri.rstrip("/").rsplit("/", 1)[-1]


def _esco_optional_table(
    root: pathlib.Path, stem: str, language: str, required: list[str]
) -> pd.DataFrame | None:
    """The ESCO file ``{stem}_{language}.csv`` of ``root``, None when there is none; a file
    without one of the ``required`` columns is a `FormatError`."""
    path = _find(root, _normalised(f"{stem}_{language}"), (".csv",))
    if path is None:
        return None
    frame = _table(path, ",")
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise FormatError(f"{path}: no column '{missing[0]}' (is it an ESCO CSV file?)")
    return frame


def _esco_table(root: pathlib.Path, stem: str, language: str, required: list[str]) -> pd.DataFrame:
    frame = _esco_optional_table(root, stem, language, required)
    if frame is None:
        raise FileError(f"{root}: no '{stem}_{language}.csv' (the ESCO CSV download)")
    return frame


def read_esco(
    directory: str | os.PathLike[str],
    *,
    occupations: Iterable[str] | None = None,
    language: str = "en",
    level: float = 3,
    scale: list[str] | None = None,
) -> Model:
    """ESCO's CSV download in ``directory`` as a model: the skills and knowledge the chosen
    occupations name become competencies (id the last part of the concept URI; kind skill or
    knowledge), with their broader skill groups as parents (broaderRelationsSkillPillar);
    every occupation (``occupations``: URIs or ESCO codes; default all) a role whose essential
    skills are hard requirements (importance 4) and optional ones soft (importance 2), all at
    ``level`` on the model's scale, since ESCO rates no levels (docs/importers.md)."""
    root = pathlib.Path(directory)
    if not root.is_dir():
        raise FileError(f"{root}: not a directory (unpack the ESCO CSV files into one)")
    jobs = _esco_table(root, "occupations", language, ["conceptUri", "preferredLabel"])
    if occupations is not None:
        wanted = {str(o) for o in occupations}
        codes = jobs["code"] if "code" in jobs.columns else pd.Series("", index=jobs.index)
        chosen = jobs["conceptUri"].isin(wanted) | codes.isin(wanted)
        found = set(jobs.loc[chosen, "conceptUri"]) | set(codes[chosen])
        unknown = sorted(wanted - found)
        if unknown:
            raise FormatError(f"occupations_{language}.csv: no occupation {unknown[0]!r}")
        jobs = jobs[chosen]
    relations = _esco_table(
        root, "occupationSkillRelations", language, ["occupationUri", "relationType", "skillUri"]
    )
    relations = relations[relations["occupationUri"].isin(set(jobs["conceptUri"]))]
    unknown_types = set(relations["relationType"]) - {"essential", "optional"}
    if unknown_types:
        raise FormatError(
            f"occupationSkillRelations_{language}.csv: relationType "
            f"{sorted(unknown_types)[0]!r} is not essential or optional"
        )
    skills = _esco_table(root, "skills", language, ["conceptUri", "preferredLabel"])
    skills = skills.set_index("conceptUri")
    used = set(relations["skillUri"])
    missing = sorted(used - set(skills.index))
    if missing:
        raise FormatError(
            f"skills_{language}.csv: no skill {missing[0]!r}, which an occupation names"
        )

    broader = _esco_broader(root, language)
    groups = _esco_groups(root, language)
    parents: dict[str, list[str]] = {}
    frontier = list(used)
    seen = set(used)
    while frontier:  # every ancestor group of a used skill, each once
        concept = frontier.pop()
        ups = [b for b in broader.get(concept, []) if b in groups or b in skills.index]
        parents[concept] = ups
        for up in ups:
            if up not in seen:
                seen.add(up)
                frontier.append(up)

    def kind(uri: str) -> CompetencyKind:
        if uri in skills.index and "skillType" in skills.columns:
            return (
                CompetencyKind.KNOWLEDGE
                if skills.at[uri, "skillType"] == "knowledge"
                else CompetencyKind.SKILL
            )
        return CompetencyKind.SKILL

    competencies = [
        Competency(
            _uuid(uri),
            name=str(skills.at[uri, "preferredLabel"] if uri in skills.index else groups[uri]),
            kind=kind(uri),
            parents=[_uuid(p) for p in parents.get(uri, [])],
            description=str(skills.at[uri, "description"]).strip()
            if uri in skills.index and "description" in skills.columns
            else "",
        )
        for uri in sorted(seen)
    ]
    by_job = {uri: rows for uri, rows in relations.groupby("occupationUri")}
    roles = []
    for _, job in jobs.iterrows():
        rows = by_job.get(job["conceptUri"])
        requirements = []
        if rows is not None:
            unique = rows.drop_duplicates("skillUri")
            for skill, relation in zip(
                unique["skillUri"].tolist(), unique["relationType"].tolist(), strict=True
            ):
                essential = relation == "essential"
                requirements.append(
                    RoleRequirement(
                        _uuid(str(skill)),
                        level,
                        importance=4 if essential else 2,
                        hard=essential,
                    )
                )
        roles.append(
            Role(
                _uuid(str(job["conceptUri"])),
                name=str(job["preferredLabel"]),
                description=str(job.get("description", "")).strip(),
                requirements=requirements,
            )
        )
    return Model(competencies=competencies, roles=roles, scale=list(scale) if scale else None)


def _esco_broader(root: pathlib.Path, language: str) -> dict[str, list[str]]:
    columns = ["conceptUri", "broaderUri"]
    frame = _esco_optional_table(root, "broaderRelationsSkillPillar", language, columns)
    if frame is None:
        return {}
    out: dict[str, list[str]] = {}
    for concept, up in zip(frame["conceptUri"], frame["broaderUri"], strict=True):
        out.setdefault(concept, []).append(up)
    return out


def _esco_groups(root: pathlib.Path, language: str) -> dict[str, Any]:
    columns = ["conceptUri", "preferredLabel"]
    frame = _esco_optional_table(root, "skillGroups", language, columns)
    if frame is None:
        return {}
    return dict(zip(frame["conceptUri"], frame["preferredLabel"], strict=True))
