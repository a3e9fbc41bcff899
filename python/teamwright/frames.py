"""pandas in and out (docs/python.md#dataframes): models from wide or long level frames without
a Python loop over cells, and every result as flat records, one row each, for ``.to_frame()``.

A wide frame is people x competencies: the index holds person ids, the columns competency ids,
the cells levels (NaN or 0: no level). A long frame has one row per level: columns ``person``,
``competency``, ``level`` and, to record assessments rather than agreed levels, ``source``,
``date`` and optionally ``confidence``.
"""

from __future__ import annotations

import dataclasses
import enum
import os
import typing
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from teamwright import _core
from teamwright.errors import DuplicateIdError, FileError, FormatError, InvalidInputError

MakeFramework = Callable[[list[str]], dict[str, Any]]
"""The document of everything but the people, given the competency ids the frame names."""

PersonColumn = pd.Series | Sequence[Any] | np.ndarray | float | bool | None
"""A per-person value (cost, availability, external, name): one value for everyone, a Series
indexed by person id, or one value per person in the frame's order."""

LONG_COLUMNS = ("person", "competency", "level", "source", "date", "confidence")


def _person_columns(
    ids: pd.Index,
    cost: PersonColumn,
    availability: PersonColumn,
    external: PersonColumn,
    names: PersonColumn,
) -> _core.PersonColumns:
    columns = _core.PersonColumns()
    columns.cost = _per_person(ids, cost, "cost", np.float64)
    columns.availability = _per_person(ids, availability, "availability", np.float64)
    columns.external = _per_person(ids, external, "external", np.bool_)
    name_values = _per_person(ids, names, "name", object)
    columns.names = None if name_values is None else [str(n) for n in name_values]
    return columns


def _per_person(ids: pd.Index, value: PersonColumn, what: str, dtype: Any) -> np.ndarray | None:
    if value is None:
        return None
    try:
        if isinstance(value, pd.Series):
            aligned = value.reindex(ids)
            missing = aligned.isna().to_numpy()
            if missing.any():
                person = ids[int(np.argmax(missing))]
                raise InvalidInputError(f"person '{person}': no {what} in the {what} Series")
            return aligned.to_numpy(dtype=dtype)
        if np.isscalar(value):
            return np.full(len(ids), value, dtype=dtype)
        array = np.asarray(value, dtype=dtype)
    except (TypeError, ValueError) as error:
        if isinstance(error, InvalidInputError):
            raise
        raise FormatError(f"{what}: expected {np.dtype(dtype).name} values ({error})") from None
    if array.shape != (len(ids),):
        raise FormatError(f"{what}: expected {len(ids)} values, one per person, got {array.shape}")
    return array


def _ids(values: pd.Index | Iterable[Any]) -> list[str]:
    """Ids as text; an index of strings converts at C speed."""
    if isinstance(values, pd.Index) and pd.api.types.infer_dtype(values) == "string":
        ids: list[str] = values.tolist()
        return ids
    return [str(v) for v in values]


def from_frame(
    levels: pd.DataFrame,
    cost: PersonColumn,
    availability: PersonColumn,
    external: PersonColumn,
    names: PersonColumn,
    make_framework: MakeFramework,
) -> Any:
    """The C++ model of a wide frame (`Model.from_frame`)."""
    if not isinstance(levels, pd.DataFrame):
        raise FormatError(f"levels: expected a pandas DataFrame, got {type(levels).__name__}")
    values = [_level_column(column) for _, column in levels.items()]
    if levels.index.has_duplicates:
        repeated = levels.index[levels.index.duplicated()][0]
        raise DuplicateIdError(f"person '{repeated}': duplicate id (the frame's index repeats it)")
    columns = _person_columns(levels.index, cost, availability, external, names)
    competencies = _ids(levels.columns)
    return _core.Model.from_wide(
        make_framework(competencies), _ids(levels.index), competencies, values, columns
    )


def _level_column(column: pd.Series) -> np.ndarray:
    """A column's levels as the library reads them in place: a view of a float64 or int64
    column, one conversion to float64 of any other."""
    if column.dtype in (np.float64, np.int64):
        values: np.ndarray = column.to_numpy()
        return values
    try:
        return column.to_numpy(dtype=np.float64, na_value=np.nan)
    except (TypeError, ValueError) as error:
        raise FormatError(
            f"levels: column '{column.name}' must hold numbers, not {column.dtype} ({error})"
        ) from None


def _codes(column: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Integer codes (-1 for missing) and the distinct values as text, in order of appearance."""
    if pd.api.types.is_datetime64_any_dtype(column):
        codes, uniques = pd.factorize(column)
        return codes, list(pd.DatetimeIndex(uniques).strftime("%Y-%m-%d"))
    codes, uniques = pd.factorize(column)
    return codes.astype(np.int64, copy=False), _ids(uniques)


def _numbers(rows: pd.DataFrame, column: str, empty: float = np.nan) -> np.ndarray:
    """A column of long rows as float64, empty cells as `empty`; a cell that is not a number is
    a `FormatError` naming its row."""
    values = rows[column]
    try:
        out: np.ndarray = values.to_numpy(dtype=np.float64, na_value=empty)
    except (TypeError, ValueError):
        bad = (pd.to_numeric(values, errors="coerce").isna() & values.notna()).to_numpy()
        row = int(np.argmax(bad))
        raise FormatError(f"row {row}: {column} {values.iloc[row]!r} is not a number") from None
    return out


def from_long_frame(
    rows: pd.DataFrame,
    cost: PersonColumn,
    availability: PersonColumn,
    external: PersonColumn,
    names: PersonColumn,
    make_framework: MakeFramework,
) -> Any:
    """The C++ model of a long frame (`Model.from_long_frame`)."""
    if not isinstance(rows, pd.DataFrame):
        raise FormatError(f"rows: expected a pandas DataFrame, got {type(rows).__name__}")
    for column in ("person", "competency", "level"):
        if column not in rows.columns:
            raise FormatError(f"rows: the long frame needs a column '{column}'")
    unknown = [c for c in rows.columns if c not in LONG_COLUMNS]
    if unknown:
        raise FormatError(
            f"rows: unknown column '{unknown[0]}' (expected {', '.join(LONG_COLUMNS)})"
        )
    if rows["person"].isna().any() or rows["competency"].isna().any():
        which = "person" if rows["person"].isna().any() else "competency"
        row = int(np.argmax(rows[which].isna().to_numpy()))
        raise FormatError(f"row {row}: no {which}")
    person, people = _codes(rows["person"])
    competency, competencies = _codes(rows["competency"])
    level = _numbers(rows, "level")
    source = date = confidence = None
    sources: list[str] = []
    dates: list[str] = []
    if "source" in rows.columns:
        source, sources = _codes(rows["source"])
        if "date" not in rows.columns:
            raise FormatError("rows: a 'source' column needs a 'date' column")
        date, dates = _codes(rows["date"])
    elif "date" in rows.columns or "confidence" in rows.columns:
        raise FormatError("rows: 'date' and 'confidence' need a 'source' column")
    if "confidence" in rows.columns:
        confidence = _numbers(rows, "confidence", empty=1.0)
    ids = pd.Index(people)
    columns = _person_columns(ids, cost, availability, external, names)
    return _core.Model.from_long(
        make_framework(competencies),
        people,
        competencies,
        sources,
        dates,
        person,
        competency,
        level,
        source,
        date,
        confidence,
        columns,
    )


def read_table(path: str | os.PathLike[str], separator: str = ",", **options: Any) -> pd.DataFrame:
    """A delimited text file with a header line as a frame (pandas' reader): `FileError` when
    it cannot be read, `FormatError` when it is not UTF-8, holds no header line or does not
    parse, naming the file."""
    name = os.fspath(path)
    try:
        frame: pd.DataFrame = pd.read_csv(path, sep=separator, encoding="utf-8-sig", **options)
    except UnicodeDecodeError as error:
        raise FormatError(
            f"{name}: not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    except pd.errors.EmptyDataError:
        raise FormatError(f"{name}: the file is empty (no header line)") from None
    except pd.errors.ParserError as error:
        raise FormatError(f"{name}: {str(error).strip()}") from None
    except OSError as error:
        raise FileError(f"{name}: {error.strerror or error}") from None
    return frame


def read_people_csv(path: str | os.PathLike[str]) -> pd.DataFrame:
    """A long people CSV (docs/format.md#people-csv) as the frame `Model.from_long_frame`
    reads; errors as `read_table`."""
    return read_table(path, dtype={"person": str, "competency": str, "source": str, "date": str})


def _scalar(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def flat(item: Any, prefix: str = "") -> dict[str, Any]:
    """A dataclass's scalar fields as one flat record: enums as their values, a nested
    dataclass as ``field_subfield`` columns (empty when it is None), lists, dicts and private
    fields left out (tables of their own hold them)."""
    hints = typing.get_type_hints(type(item))
    out: dict[str, Any] = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if f.name.startswith("_") or isinstance(value, (list, dict, tuple)):
            continue
        nested = _nested(hints[f.name])
        if nested is not None:
            if value is None:
                out.update(dict.fromkeys(flat_columns(nested, f"{prefix}{f.name}_")))
            else:
                out.update(flat(value, f"{prefix}{f.name}_"))
        else:
            out[prefix + f.name] = _scalar(value)
    return out


def frame(records: Iterable[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """The records as a frame with these columns, in this order (so that an empty table still
    has its columns)."""
    return pd.DataFrame.from_records(list(records), columns=list(columns))


def _nested(hint: Any) -> type | None:
    """The dataclass a field holds (``X`` or ``X | None``), if any."""
    for candidate in (hint, *typing.get_args(hint)):
        if isinstance(candidate, type) and dataclasses.is_dataclass(candidate):
            return candidate
    return None


def flat_columns(cls: type, prefix: str = "") -> list[str]:
    """The columns `flat` makes for instances of the dataclass ``cls``, in field order."""
    hints = typing.get_type_hints(cls)
    out: list[str] = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        if f.name.startswith("_") or typing.get_origin(hint) in (list, dict, tuple):
            continue
        nested = _nested(hint)
        if nested is not None:
            out += flat_columns(nested, f"{prefix}{f.name}_")
        else:
            out.append(prefix + f.name)
    return out


def records(items: Iterable[Any], cls: type, **first: Any) -> pd.DataFrame:
    """One row per dataclass item (`flat`), after the constant columns ``first``."""
    columns = [*first, *flat_columns(cls)]
    return frame(({**first, **flat(item)} for item in items), columns)


def choose_table(name: str, tables: dict[str, Any]) -> pd.DataFrame:
    """The table ``name`` of a result's ``tables`` (name -> builder)."""
    if name not in tables:
        raise InvalidInputError(f"to_frame: unknown table '{name}' (tables: {', '.join(tables)})")
    built: pd.DataFrame = tables[name]()
    return built
