"""teamwright's C++ core (python/bindings): use the teamwright package instead. Results cross as
the JSON documents of docs/format.md, as dicts.

Written from pybind11-stubgen's output and tightened by hand; scripts/typecheck (stubtest) keeps
it true to the module."""

from __future__ import annotations

import collections.abc
import os
import typing

import numpy
import numpy.typing

class PersonColumns:
    cost: numpy.typing.NDArray[numpy.float64] | None
    availability: numpy.typing.NDArray[numpy.float64] | None
    external: numpy.typing.NDArray[numpy.bool_] | None
    names: list[str] | None
    def __init__(self) -> None: ...

class Model:
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_dict(document: dict[str, typing.Any]) -> Model: ...
    @staticmethod
    def from_wide(
        document: dict[str, typing.Any],
        people: collections.abc.Sequence[str],
        competencies: collections.abc.Sequence[str],
        levels: collections.abc.Sequence[numpy.typing.NDArray[typing.Any]],
        columns: PersonColumns,
    ) -> Model: ...
    @staticmethod
    def from_long(
        document: dict[str, typing.Any],
        people: collections.abc.Sequence[str],
        competencies: collections.abc.Sequence[str],
        sources: collections.abc.Sequence[str],
        dates: collections.abc.Sequence[str],
        person: numpy.typing.ArrayLike,
        competency: numpy.typing.ArrayLike,
        level: numpy.typing.ArrayLike,
        source: numpy.typing.ArrayLike | None,
        date: numpy.typing.ArrayLike | None,
        confidence: numpy.typing.ArrayLike | None,
        columns: PersonColumns,
    ) -> Model: ...
    def level_matrix(self, effective: bool) -> numpy.typing.NDArray[numpy.float64]: ...
    def counts(self) -> tuple[int, int, int, int]: ...
    def person_document(self, index: int) -> dict[str, typing.Any]: ...
    def competency_documents(self) -> list[dict[str, typing.Any]]: ...
    @staticmethod
    def load(path: os.PathLike[str] | str | bytes) -> Model: ...
    @staticmethod
    def loads(text: str) -> Model: ...
    def __eq__(self, arg0: object) -> bool: ...
    def dumps(self) -> str: ...
    def as_of(self) -> str: ...
    def training_terms(self, person: str, competency: str) -> tuple[float, float] | None: ...
    def effective_level(self, person: str, competency: str) -> float: ...
    def rated_level(self, person: str, competency: str) -> float: ...
    def save(self, path: os.PathLike[str] | str | bytes) -> None: ...
    def to_dict(self) -> dict[str, typing.Any]: ...

class CancellationToken:
    def __init__(self) -> None: ...
    def cancel(self) -> None: ...
    @property
    def cancelled(self) -> bool: ...

class CoverProblem:
    @staticmethod
    def from_arrays(
        demand: typing.Any,
        cost: typing.Any,
        column_start: typing.Any,
        rows: typing.Any,
        **kwargs: typing.Any,
    ) -> CoverProblem:
        """
        The problem `to_arrays` describes: demand (per row), cost (per column), column_start and rows (compressed sparse columns); optional keywords penalty, robust, weight, counts_toward_size, group, coefficients, conflicts, budget, min_size, max_size and fixed.
        """
    def __getstate__(self) -> dict[str, typing.Any]: ...
    def __setstate__(self, arg0: dict[str, typing.Any]) -> None: ...
    def to_arrays(self) -> dict[str, typing.Any]:
        """
        The problem as NumPy arrays (demand, penalty, robust, cost, weight, counts_toward_size, group, column_start, rows, coefficients, conflicts) and its limits (budget, min_size, max_size, fixed).
        """
    @property
    def num_columns(self) -> int: ...
    @property
    def num_nonzeros(self) -> int: ...
    @property
    def num_rows(self) -> int: ...

class GeneralizedProblem:
    def __getstate__(self) -> tuple[int, int, list[float], list[float], list[float]]: ...
    def __setstate__(
        self, arg0: tuple[int, int, list[float], list[float], list[float]]
    ) -> None: ...
    @property
    def agents(self) -> int: ...
    @property
    def jobs(self) -> int: ...

class SplitRules:
    previous_team: str
    def __init__(self) -> None: ...
    @property
    def keep_apart(self) -> list[list[str]]: ...
    @keep_apart.setter
    def keep_apart(self, arg0: collections.abc.Sequence[collections.abc.Sequence[str]]) -> None: ...
    @property
    def keep_together(self) -> list[list[str]]: ...
    @keep_together.setter
    def keep_together(
        self, arg0: collections.abc.Sequence[collections.abc.Sequence[str]]
    ) -> None: ...
    @property
    def max_size(self) -> int | None: ...
    @max_size.setter
    def max_size(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None: ...
    @property
    def min_size(self) -> int | None: ...
    @min_size.setter
    def min_size(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None: ...
    @property
    def no_lone(self) -> list[str]: ...
    @no_lone.setter
    def no_lone(self, arg0: collections.abc.Sequence[str]) -> None: ...
    @property
    def teams(self) -> int: ...
    @teams.setter
    def teams(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None: ...

def assign_mentors(
    model: Model,
    people: collections.abc.Sequence[str],
    goals: collections.abc.Sequence[
        tuple[
            str,
            typing.SupportsFloat | typing.SupportsIndex,
            typing.SupportsFloat | typing.SupportsIndex | None,
            typing.SupportsInt | typing.SupportsIndex,
        ]
    ],
    mode: str,
    time_limit_s: typing.SupportsFloat | typing.SupportsIndex,
    seed: typing.SupportsInt | typing.SupportsIndex,
    threads: typing.SupportsInt | typing.SupportsIndex,
    on_progress: collections.abc.Callable[[dict[str, typing.Any]], None] | None,
    cancel: CancellationToken | None,
) -> dict[str, typing.Any]: ...
def assign_roles(
    model: Model,
    people: collections.abc.Sequence[str],
    slots: collections.abc.Sequence[tuple[str, str, str]],
    preference_bonus: typing.SupportsFloat | typing.SupportsIndex,
    mode: str,
    time_limit_s: typing.SupportsFloat | typing.SupportsIndex,
    seed: typing.SupportsInt | typing.SupportsIndex,
    threads: typing.SupportsInt | typing.SupportsIndex,
    on_progress: collections.abc.Callable[[dict[str, typing.Any]], None] | None,
    cancel: CancellationToken | None,
) -> dict[str, typing.Any]: ...
def assign_staff(
    model: Model,
    people: collections.abc.Sequence[str],
    seats: collections.abc.Sequence[tuple[str, str, typing.SupportsFloat | typing.SupportsIndex]],
    max_moves: typing.SupportsInt | typing.SupportsIndex,
    mode: str,
    time_limit_s: typing.SupportsFloat | typing.SupportsIndex,
    seed: typing.SupportsInt | typing.SupportsIndex,
    threads: typing.SupportsInt | typing.SupportsIndex,
    on_progress: collections.abc.Callable[[dict[str, typing.Any]], None] | None,
    cancel: CancellationToken | None,
) -> dict[str, typing.Any]: ...
def check(
    model: Model, request: str | dict[str, typing.Any], result: dict[str, typing.Any]
) -> list[str]:
    """
    The checker's findings about a result document: empty when every claim holds.
    """

def check_generalized(
    problem: GeneralizedProblem, maximize: bool, solution: dict[str, typing.Any]
) -> list[str]: ...
def check_split(
    model: Model,
    request: str | dict[str, typing.Any],
    people: collections.abc.Sequence[str],
    rules: SplitRules,
    result: dict[str, typing.Any],
) -> list[str]: ...
def close_gaps(
    model: Model,
    request: str | dict[str, typing.Any],
    people: collections.abc.Sequence[str],
    deadline_weeks: float | None,
    train: bool,
    transfer: bool,
    hire: bool,
    mode: str,
    time_limit_s: typing.SupportsFloat | typing.SupportsIndex,
    seed: typing.SupportsInt | typing.SupportsIndex,
    threads: typing.SupportsInt | typing.SupportsIndex,
    on_progress: collections.abc.Callable[[dict[str, typing.Any]], None] | None,
    cancel: CancellationToken | None,
) -> dict[str, typing.Any]: ...
def development_plan(
    model: Model,
    request: str | dict[str, typing.Any],
    people: collections.abc.Sequence[str],
    deadline_weeks: float | None,
    mode: str,
    time_limit_s: typing.SupportsFloat | typing.SupportsIndex,
    seed: typing.SupportsInt | typing.SupportsIndex,
    threads: typing.SupportsInt | typing.SupportsIndex,
    on_progress: collections.abc.Callable[[dict[str, typing.Any]], None] | None,
    cancel: CancellationToken | None,
) -> tuple[dict[str, typing.Any], dict[str, typing.Any], str]: ...
def compile_request(model: Model, request: str | dict[str, typing.Any]) -> CoverProblem:
    """
    The covering problem a request compiles to (docs/model.md).
    """

def gap_report(
    model: Model,
    request: str | dict[str, typing.Any],
    people: collections.abc.Sequence[str],
    top_k: typing.SupportsInt | typing.SupportsIndex | None,
) -> dict[str, typing.Any]: ...
def generalized_from_arrays(
    cost: numpy.typing.NDArray[numpy.float64],
    weight: numpy.typing.NDArray[numpy.float64],
    capacity: numpy.typing.NDArray[numpy.float64],
) -> GeneralizedProblem: ...
def linear_sum_assignment_f64(
    cost: numpy.typing.NDArray[typing.Any],
    maximize: bool,
    forbidden: numpy.typing.NDArray[numpy.bool_] | None,
) -> tuple[numpy.typing.NDArray[numpy.int64], numpy.typing.NDArray[numpy.int64]]: ...
def linear_sum_assignment_i64(
    cost: numpy.typing.NDArray[typing.Any],
    maximize: bool,
    forbidden: numpy.typing.NDArray[numpy.bool_] | None,
) -> tuple[numpy.typing.NDArray[numpy.int64], numpy.typing.NDArray[numpy.int64]]: ...
def read_cost_matrix(path: os.PathLike[str] | str | bytes) -> numpy.typing.NDArray[typing.Any]: ...
def read_cover(path: os.PathLike[str] | str | bytes) -> CoverProblem: ...
def read_cover_file(path: os.PathLike[str] | str | bytes) -> tuple[CoverProblem, str]: ...
def read_generalized(path: os.PathLike[str] | str | bytes) -> GeneralizedProblem: ...
def read_orlib(path: os.PathLike[str] | str | bytes) -> CoverProblem: ...
def read_rail(path: os.PathLike[str] | str | bytes) -> CoverProblem: ...
def fit_matrix(
    model: Model, roles: collections.abc.Sequence[str]
) -> numpy.typing.NDArray[numpy.float64]: ...
def job_posting(model: Model, role: str) -> tuple[dict[str, typing.Any], str]: ...
def mismatches(
    model: Model,
    low_fit: typing.SupportsFloat | typing.SupportsIndex,
    margin: typing.SupportsFloat | typing.SupportsIndex,
) -> list[dict[str, typing.Any]]: ...
def review_assessments(
    model: Model, threshold: typing.SupportsFloat | typing.SupportsIndex
) -> dict[str, typing.Any]: ...
def solve(
    model: Model,
    request: str | dict[str, typing.Any],
    mode: str,
    time_limit_s: typing.SupportsFloat | typing.SupportsIndex,
    seed: typing.SupportsInt | typing.SupportsIndex,
    threads: typing.SupportsInt | typing.SupportsIndex,
    on_progress: collections.abc.Callable[[dict[str, typing.Any]], None] | None,
    cancel: CancellationToken | None,
    replacements: bool,
) -> dict[str, typing.Any]:
    """
    Solves a request; returns the result document (docs/format.md#results).
    """

def solve_cover(
    problem: CoverProblem,
    mode: str,
    time_limit_s: typing.SupportsFloat | typing.SupportsIndex,
    seed: typing.SupportsInt | typing.SupportsIndex,
    threads: typing.SupportsInt | typing.SupportsIndex,
    on_progress: collections.abc.Callable[[dict[str, typing.Any]], None] | None,
    cancel: CancellationToken | None,
) -> dict[str, typing.Any]: ...
def solve_generalized(
    problem: GeneralizedProblem,
    maximize: bool,
    max_moves: typing.SupportsInt | typing.SupportsIndex,
    mode: str,
    time_limit_s: typing.SupportsFloat | typing.SupportsIndex,
    seed: typing.SupportsInt | typing.SupportsIndex,
    threads: typing.SupportsInt | typing.SupportsIndex,
    on_progress: collections.abc.Callable[[dict[str, typing.Any]], None] | None,
    cancel: CancellationToken | None,
) -> dict[str, typing.Any]: ...
def split(
    model: Model,
    request: str | dict[str, typing.Any],
    people: collections.abc.Sequence[str],
    rules: SplitRules,
    mode: str,
    time_limit_s: typing.SupportsFloat | typing.SupportsIndex,
    seed: typing.SupportsInt | typing.SupportsIndex,
    threads: typing.SupportsInt | typing.SupportsIndex,
    on_progress: collections.abc.Callable[[dict[str, typing.Any]], None] | None,
    cancel: CancellationToken | None,
) -> dict[str, typing.Any]: ...
def trainable_by_default(kind: str) -> bool: ...

FORMAT_VERSION: int = 1
__version__: str = "0.1.0"
