"""The data model as Python objects, and `Model`, the validated model built from them.

The dataclasses mirror the file format of docs/format.md field for field (``from_`` stands for
the ``from`` of a relation); every rule is checked once, by the C++ library, when a `Model` is
built, so errors read the same from files, from Python and from C++.
"""

from __future__ import annotations

import dataclasses
import enum
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, TypeVar

import pandas as pd

from teamwright import _core, frames
from teamwright.errors import InvalidInputError
from teamwright.frames import PersonColumn

FORMAT_VERSION: int = _core.FORMAT_VERSION


class CompetencyKind(enum.Enum):
    """Skills and knowledge can be trained; talents and traits can be improved but not created."""

    SKILL = "skill"
    KNOWLEDGE = "knowledge"
    TALENT = "talent"
    TRAIT = "trait"


class AssessmentSource(enum.Enum):
    """Who assessed a level; sources are weighted when assessments aggregate (docs/model.md)."""

    SELF = "self"
    MANAGER = "manager"
    PEER = "peer"
    CUSTOMER = "customer"
    TEST = "test"


class Aggregation(enum.Enum):
    """How a person's assessments of a competency become their rated level (docs/model.md)."""

    WEIGHTED = "weighted"
    """The weighted mean of each counted source's latest assessments."""
    MOST_RECENT = "most_recent"
    """The weighted mean of the latest assessments of any counted source."""
    MINIMUM = "minimum"
    """The lowest of the counted sources' latest levels."""


class Objective(enum.Enum):
    """What a team request optimises once its hard requirements and constraints are met."""

    MIN_COST = "min_cost"
    """The least total cost; soft requirements priced by importance x soft_penalty."""
    MIN_SIZE = "min_size"
    """The fewest members, then the least cost."""
    MAX_COVERAGE = "max_coverage"
    """The most importance-weighted coverage of every requirement and role slot within the
    budget, size and people constraints, then the least cost."""
    LEXICOGRAPHIC = "lexicographic"
    """Coverage by importance tier: all importance-5 needs first, then 4, ...; then cost."""


EVERYONE: Literal["everyone"] = "everyone"
"""The count of a requirement every member must meet."""

DEFAULT_LEVELS = ("none", "novice", "basic", "intermediate", "advanced", "expert")


@dataclass
class TrainingTerms:
    """What raising a person one level in a trainable competency takes (docs/model.md#training)."""

    cost_per_level: float
    weeks_per_level: float


@dataclass
class TrainingOverride:
    """A person's own training terms for a competency, overriding its terms field by field."""

    cost_per_level: float | None = None
    weeks_per_level: float | None = None


@dataclass
class DevelopmentPolicy:
    """How development plans are followed up."""

    review_every_weeks: float = 4.0
    """Weeks between a plan's review checkpoints; > 0."""


@dataclass
class Competency:
    """Something a person can do or be, with its place in the hierarchy (``parents``): a level in
    a child counts for its parents."""

    id: str
    name: str = ""
    kind: CompetencyKind = CompetencyKind.SKILL
    trainable: bool | None = None
    """Overrides the kind's default when set."""
    parents: list[str] = field(default_factory=list)
    description: str = ""
    training: TrainingTerms | None = None
    """The cost and duration of training it, per level (trainable competencies only); unset:
    training it cannot be planned."""

    @property
    def is_trainable(self) -> bool:
        """Whether training can close a gap in it: ``trainable`` when set, else its kind's
        default (the library's rule, docs/model.md)."""
        if self.trainable is not None:
            return self.trainable
        return _core.trainable_by_default(CompetencyKind(self.kind).value)


@dataclass
class Relation:
    """A level in ``from_`` counts, times ``factor``, towards ``to``."""

    from_: str
    to: str
    factor: float = 0.5


@dataclass
class Assessment:
    """One dated assessment of a person's level; a person's assessments aggregate into the
    level used when ``levels`` does not give it."""

    competency: str
    level: float
    source: AssessmentSource
    date: str
    """Calendar date YYYY-MM-DD."""
    confidence: float = 1.0


@dataclass
class AssessmentPolicy:
    """The organisation's rules for trusting assessments (docs/model.md#rated-level)."""

    aggregation: Aggregation = Aggregation.WEIGHTED
    source_weights: dict[AssessmentSource, float] = field(default_factory=dict)
    """Each source's weight (>= 0), times the assessment's confidence. A source not listed weighs
    1, except the self-rating, which then counts only when no other source assessed."""
    sources: list[AssessmentSource] = field(default_factory=list)
    """The sources that count ("validated sources only"); empty: every source."""
    half_life_days: float = 0.0
    """Evidence fades: an assessment this many days old counts with half its level, one twice
    as old with a quarter; 0: no discount."""
    as_of: str = ""
    """The date levels are judged as of, YYYY-MM-DD; empty: today (UTC)."""
    stale_after_days: float = 730.0
    """Assessments older than this are reported stale (`review_assessments`); 0: never."""


@dataclass
class Person:
    """An employee or an external candidate (``external``): levels, cost, availability (FTE),
    attributes for the split rules and preferences for placement."""

    id: str
    name: str = ""
    levels: dict[str, float] = field(default_factory=dict)
    assessments: list[Assessment] = field(default_factory=list)
    cost: float = 0.0
    availability: float = 1.0
    external: bool = False
    attributes: dict[str, bool | int | float | str] = field(default_factory=dict)
    training: dict[str, TrainingOverride] = field(default_factory=dict)
    """Per trainable competency id, this person's own training terms where they differ."""
    current_role: str = ""
    """The role the person holds now (a role id), or empty; `mismatches` compares it with the
    roles they would fit better."""
    preferred_roles: list[str] = field(default_factory=list)
    """Role ids the person would like to hold; placement gives them a bonus."""
    preferred_shifts: list[str] = field(default_factory=list)
    """Shifts ("late", "weekend") the person would like to work; placement gives them a bonus."""


@dataclass
class RoleRequirement:
    """A level a role asks for: hard ones decide who may hold it, soft ones how well they fit."""

    competency: str
    min_level: float
    importance: int = 3
    hard: bool = True


@dataclass
class Role:
    """A role with its requirements and responsibilities; ``leader`` roles count towards a
    request's leaders."""

    id: str
    name: str = ""
    description: str = ""
    requirements: list[RoleRequirement] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    leader: bool = False


@dataclass
class TeamRequirement:
    """At least ``count`` members (or every member) at ``min_level`` in ``competency``; or, with
    ``fte``, members at the level together available that many full-time equivalents."""

    competency: str
    min_level: float
    count: int | Literal["everyone"] = 1
    importance: int = 3
    hard: bool = True
    fte: float | None = None
    """Counts FTE instead of heads ("1.5 FTE at empathy >= 4"); ``count`` is then ignored."""


@dataclass
class RoleSlot:
    """``count`` members of a team hold ``role`` (each member holds at most one slot)."""

    role: str
    count: int = 1


@dataclass
class TeamRequest:
    """What a team must do (requirements, role slots, leaders) and within which limits (size,
    budget, people included, excluded or incompatible), optimised for ``objective``
    (docs/model.md#what-a-team-request-means)."""

    id: str
    name: str = ""
    description: str = ""
    requirements: list[TeamRequirement] = field(default_factory=list)
    roles: list[RoleSlot] = field(default_factory=list)
    min_size: int = 1
    max_size: int | None = None
    budget: float | None = None
    must_include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    incompatible: list[tuple[str, str]] = field(default_factory=list)
    objective: Objective = Objective.MIN_COST
    soft_penalty: float | None = None
    min_availability: float = 0.0
    """People available less than this (FTE) are not eligible."""
    min_leaders: int = 0
    """At least this many members hold a leader role ("a leader", without naming the role)."""
    max_leaders: int = 1
    """At most this many members hold a leader role."""
    robust: bool = False
    """Every hard requirement and role slot stays met if any one member leaves."""

    def to_dict(self) -> dict[str, Any]:
        """The request as its document (docs/format.md#request)."""
        return _to_dict(self)

    def _repr_html_(self) -> str:
        from teamwright.display import request_html

        return request_html(self)


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _to_dict(value)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {_plain(key): _plain(item) for key, item in value.items()}
    return value


def _to_dict(item: Any) -> dict[str, Any]:
    """The document form of a dataclass; unset optional fields (default None) are left out. A
    None in a field that is not optional stays, so the library refuses it by name ("field 'cost'
    must be a number, got null") rather than taking the default."""
    out = {
        f.name.rstrip("_"): _plain(getattr(item, f.name))
        for f in dataclasses.fields(item)
        if getattr(item, f.name) is not None or f.default is not None
    }
    if isinstance(item, TeamRequirement) and item.fte is not None:
        del out["count"]  # an FTE requirement counts FTE, not members
    return out


_T = TypeVar("_T")


def _person_ids(people: Any) -> list[str]:
    """Person ids from a list of ids or from a TeamResult (its ``member_ids``)."""
    ids = getattr(people, "member_ids", people)
    if isinstance(ids, str):
        raise InvalidInputError("people: expected a list of person ids, got a single string")
    return [str(p) for p in ids]


def _from_dict(cls: type[_T], data: dict[str, Any], **convert: Callable[[Any], Any]) -> _T:
    """The dataclass of a document object (as the library writes it, so already valid), each
    field through ``convert[name]`` when given."""
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        key = f.name.rstrip("_")
        if key in data:
            kwargs[f.name] = convert[f.name](data[key]) if f.name in convert else data[key]
    return cls(**kwargs)


def _competency(data: dict[str, Any]) -> Competency:
    return _from_dict(
        Competency, data, kind=CompetencyKind, training=lambda t: _from_dict(TrainingTerms, t)
    )


def _person(data: dict[str, Any]) -> Person:
    return _from_dict(
        Person,
        data,
        assessments=lambda items: [_assessment(a) for a in items],
        training=lambda terms: {c: _from_dict(TrainingOverride, t) for c, t in terms.items()},
    )


def _assessment(data: dict[str, Any]) -> Assessment:
    return _from_dict(Assessment, data, source=AssessmentSource)


def _role(data: dict[str, Any]) -> Role:
    return _from_dict(
        Role, data, requirements=lambda items: [_from_dict(RoleRequirement, r) for r in items]
    )


def _request(data: dict[str, Any]) -> TeamRequest:
    return _from_dict(
        TeamRequest,
        data,
        requirements=lambda items: [_from_dict(TeamRequirement, r) for r in items],
        roles=lambda items: [_from_dict(RoleSlot, r) for r in items],
        incompatible=lambda pairs: [(a, b) for a, b in pairs],
        objective=Objective,
    )


def _document(
    competencies: Sequence[Competency],
    people: Sequence[Person],
    roles: Sequence[Role],
    requests: Sequence[TeamRequest],
    relations: Sequence[Relation],
    scale: list[str] | None,
    assessment_policy: AssessmentPolicy | None,
    development: DevelopmentPolicy | None,
) -> dict[str, Any]:
    """The file-format document of the items."""
    document: dict[str, Any] = {"format": "teamwright", "version": FORMAT_VERSION}
    if scale is not None:
        document["scale"] = {"levels": list(scale)}
    if assessment_policy is not None:
        document["assessment_policy"] = _plain(assessment_policy)
    if development is not None:
        document["development"] = _plain(development)
    document["competencies"] = _plain(list(competencies))
    document["relations"] = _plain(list(relations))
    document["people"] = _plain(list(people))
    document["roles"] = _plain(list(roles))
    document["requests"] = _plain(list(requests))
    return document


def _framework_of(
    competencies: Sequence[Competency] | None,
    roles: Sequence[Role],
    requests: Sequence[TeamRequest],
    relations: Sequence[Relation],
    scale: list[str] | None,
    assessment_policy: AssessmentPolicy | None,
    development: DevelopmentPolicy | None,
) -> frames.MakeFramework:
    """The document of everything but the people, for the competency ids a frame names: the
    given competencies, else one skill per id."""

    def make(ids: list[str]) -> dict[str, Any]:
        chosen = [Competency(i) for i in ids] if competencies is None else competencies
        return _document(
            chosen, (), roles, requests, relations, scale, assessment_policy, development
        )

    return make


class Model:
    """A validated model: competencies, people, roles and named team requests.

    Building one checks every rule of docs/model.md and raises a subclass of `ValueError`
    (`InvalidInputError`) or `KeyError` (`UnknownReferenceError`) whose message names the item
    and the rule. A model is immutable; read its items through the properties.
    """

    def __init__(
        self,
        competencies: Sequence[Competency] = (),
        people: Sequence[Person] = (),
        roles: Sequence[Role] = (),
        requests: Sequence[TeamRequest] = (),
        relations: Sequence[Relation] = (),
        scale: list[str] | None = None,
        assessment_policy: AssessmentPolicy | None = None,
        development: DevelopmentPolicy | None = None,
    ) -> None:
        document = _document(
            competencies, people, roles, requests, relations, scale, assessment_policy, development
        )
        self._core = _core.Model.from_dict(document)

    @classmethod
    def from_dict(cls, document: dict[str, Any]) -> Model:
        """A model from a document in the file format (a parsed JSON object)."""
        return cls._wrap(_core.Model.from_dict(document))

    @classmethod
    def from_frame(
        cls,
        levels: pd.DataFrame,
        cost: PersonColumn = None,
        availability: PersonColumn = None,
        *,
        external: PersonColumn = None,
        names: PersonColumn = None,
        competencies: Sequence[Competency] | None = None,
        roles: Sequence[Role] = (),
        requests: Sequence[TeamRequest] = (),
        relations: Sequence[Relation] = (),
        scale: list[str] | None = None,
        assessment_policy: AssessmentPolicy | None = None,
        development: DevelopmentPolicy | None = None,
    ) -> Model:
        """A model from a wide people x competencies frame of levels: the index holds the
        person ids, the columns the competency ids, a cell a person's agreed level (NaN or 0:
        none). The cells are read in place by the library, without a Python loop.

        ``cost``, ``availability``, ``external`` and ``names`` are per person: one value for
        everyone, a Series indexed by person id, or one value per row. Without
        ``competencies`` every column is a skill of that id; with them, every column must name
        one. The rest is as for `Model`, and every rule is checked as for a file."""
        return cls._wrap(
            frames.from_frame(
                levels,
                cost,
                availability,
                external,
                names,
                _framework_of(
                    competencies, roles, requests, relations, scale, assessment_policy, development
                ),
            )
        )

    @classmethod
    def from_long_frame(
        cls,
        rows: pd.DataFrame,
        cost: PersonColumn = None,
        availability: PersonColumn = None,
        *,
        external: PersonColumn = None,
        names: PersonColumn = None,
        competencies: Sequence[Competency] | None = None,
        roles: Sequence[Role] = (),
        requests: Sequence[TeamRequest] = (),
        relations: Sequence[Relation] = (),
        scale: list[str] | None = None,
        assessment_policy: AssessmentPolicy | None = None,
        development: DevelopmentPolicy | None = None,
    ) -> Model:
        """A model from long rows, one level each: columns ``person``, ``competency`` and
        ``level``; with ``source`` (self, manager, peer, customer, test), ``date`` (text
        YYYY-MM-DD or datetimes) and optionally ``confidence``, a row is an assessment (a row
        without a source stays an agreed level). People come in order of first appearance.
        The other arguments are as for `Model.from_frame` (Series indexed by person id)."""
        return cls._wrap(
            frames.from_long_frame(
                rows,
                cost,
                availability,
                external,
                names,
                _framework_of(
                    competencies, roles, requests, relations, scale, assessment_policy, development
                ),
            )
        )

    def level_matrix(self, kind: Literal["rated", "effective"] = "effective") -> pd.DataFrame:
        """People x competencies: every person's ``kind`` level (docs/model.md#levels; 0 where
        none), rows the person ids, columns the competency ids, in model order. The frame wraps
        the library's matrix without a copy; ``.to_numpy()`` is a view of it."""
        if kind not in ("rated", "effective"):
            raise InvalidInputError(f"level_matrix: kind '{kind}' is not 'rated' or 'effective'")
        return pd.DataFrame(
            self._core.level_matrix(kind == "effective"),
            index=pd.Index([p.id for p in self.people], name="person"),
            columns=pd.Index([c.id for c in self.competencies], name="competency"),
            copy=False,
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per person: id, name, cost, availability, external, current_role and one
        ``attributes.<name>`` column per attribute (levels: `level_matrix`)."""
        rows = []
        for p in self.people:
            row: dict[str, Any] = {
                "id": p.id,
                "name": p.name,
                "cost": p.cost,
                "availability": p.availability,
                "external": p.external,
                "current_role": p.current_role,
            }
            row.update({f"attributes.{k}": v for k, v in p.attributes.items()})
            rows.append(row)
        columns = ["id", "name", "cost", "availability", "external", "current_role"]
        return pd.DataFrame.from_records(rows, columns=None if rows else columns)

    @classmethod
    def _wrap(cls, core: Any) -> Model:
        model = cls.__new__(cls)
        model._core = core
        return model

    def to_dict(self) -> dict[str, Any]:
        """The canonical document: what `save` writes, as Python objects."""
        return self._core.to_dict()

    @cached_property
    def _document(self) -> dict[str, Any]:
        return self.to_dict()

    @property
    def scale(self) -> list[str]:
        """The proficiency scale's labels, level 0 first."""
        return list(self._document.get("scale", {}).get("levels", DEFAULT_LEVELS))

    @cached_property
    def assessment_policy(self) -> AssessmentPolicy:
        """How assessments aggregate into levels, and which are stale."""
        return _from_dict(
            AssessmentPolicy,
            self._document.get("assessment_policy", {}),
            aggregation=Aggregation,
            source_weights=lambda w: {AssessmentSource(k): v for k, v in w.items()},
            sources=lambda items: [AssessmentSource(s) for s in items],
        )

    @cached_property
    def development(self) -> DevelopmentPolicy:
        """How development plans are followed up."""
        return _from_dict(DevelopmentPolicy, self._document.get("development", {}))

    def training_terms(self, person: str, competency: str) -> TrainingTerms | None:
        """What training ``person`` one level in ``competency`` takes: the competency's terms
        with the person's overrides; None when it is not trainable or a term is unknown."""
        terms = self._core.training_terms(person, competency)
        return None if terms is None else TrainingTerms(*terms)

    @property
    def as_of(self) -> str:
        """The date levels are judged as of: the policy's ``as_of``, else the day the model was
        built (UTC)."""
        return self._core.as_of()

    @cached_property
    def competencies(self) -> list[Competency]:
        return [_competency(c) for c in self._core.competency_documents()]

    @cached_property
    def relations(self) -> list[Relation]:
        return [_from_dict(Relation, r) for r in self._document.get("relations", [])]

    @cached_property
    def people(self) -> list[Person]:
        return [_person(p) for p in self._document.get("people", [])]

    @cached_property
    def roles(self) -> list[Role]:
        return [_role(r) for r in self._document.get("roles", [])]

    @cached_property
    def requests(self) -> list[TeamRequest]:
        return [_request(r) for r in self._document.get("requests", [])]

    def person(self, id: str) -> Person:
        """The person with that id; `UnknownReferenceError` if there is none."""
        person: Person = self._lookup(self.people, id, "person")
        return person

    def competency(self, id: str) -> Competency:
        """The competency with that id; `UnknownReferenceError` if there is none."""
        competency: Competency = self._lookup(self.competencies, id, "competency")
        return competency

    def role(self, id: str) -> Role:
        """The role with that id; `UnknownReferenceError` if there is none."""
        role: Role = self._lookup(self.roles, id, "role")
        return role

    def request(self, id: str) -> TeamRequest:
        """The request with that id; `UnknownReferenceError` if there is none."""
        request: TeamRequest = self._lookup(self.requests, id, "request")
        return request

    def rated_level(self, person: str, competency: str) -> float:
        """The person's own level: agreed, else aggregated from assessments, else 0."""
        return self._core.rated_level(person, competency)

    def effective_level(self, person: str, competency: str) -> float:
        """The level that counts for requirements: hierarchy and relations applied."""
        return self._core.effective_level(person, competency)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes the canonical document atomically; `FileError` if it cannot."""
        self._core.save(os.fspath(path))

    def dumps(self) -> str:
        """The model's canonical document as text (what `save` writes)."""
        return self._core.dumps()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Model) and self._core == other._core

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # Pickle and deepcopy go through the canonical document, as `save` writes it.
        return loads, (self.dumps(),)

    __hash__ = None  # type: ignore[assignment]

    def _repr_html_(self) -> str:
        from teamwright.display import model_html

        return model_html(self)

    def counts(self) -> tuple[int, int, int, int]:
        """How many competencies, people, roles and requests, without reading them."""
        competencies, people, roles, requests = self._core.counts()
        return competencies, people, roles, requests

    def _first_people(self, n: int) -> list[Person]:
        """The first ``n`` people, read one by one (cheap on a large model)."""
        count = self.counts()[1]
        return [_person(self._core.person_document(i)) for i in range(min(n, count))]

    def __repr__(self) -> str:
        competencies, people, roles, requests = self.counts()
        return (
            f"<teamwright.Model: {competencies} competencies, {people} people, {roles} roles, "
            f"{requests} requests>"
        )

    @staticmethod
    def _lookup(items: list[Any], id: str, kind: str) -> Any:
        for item in items:
            if item.id == id:
                return item
        from teamwright.errors import UnknownReferenceError

        raise UnknownReferenceError(f"unknown {kind} '{id}'")


def load(path: str | os.PathLike[str]) -> Model:
    """Reads a teamwright file; `FileError` if unreadable, `InvalidInputError` subclasses or
    `UnknownReferenceError` if invalid."""
    return Model._wrap(_core.Model.load(os.fspath(path)))


def loads(text: str) -> Model:
    """Parses a teamwright document."""
    return Model._wrap(_core.Model.loads(text))


def save(model: Model, path: str | os.PathLike[str]) -> None:
    """Writes the model's canonical document atomically."""
    model.save(path)


def dumps(model: Model) -> str:
    """The model's canonical document as text."""
    return model.dumps()
