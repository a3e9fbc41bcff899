"""The Python readers (people CSV, O*NET, ESCO) fuzzed with hypothesis, as scripts/fuzz fuzzes
the C++ ones with libFuzzer: a valid file with random edits (bytes deleted, inserted, replaced,
the file cut short) either loads or is refused with a typed teamwright error -- never a pandas,
Unicode or Python exception escaping."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import teamwright as tw
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

PEOPLE_CSV = b"""person,competency,level,source,date,confidence
p01,a,4,manager,2026-03-01,0.9
p01,a,5,self,2026-03-02,
p02,a,2,,,
"""


@st.composite
def edited(draw: st.DrawFn, original: bytes) -> bytes:
    """`original` with up to four random edits."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["delete", "insert", "replace", "cut"]))
        if kind == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:]
    return bytes(data)


def _loads_or_refuses(read: Callable[[], object]) -> None:
    try:
        read()
    except tw.Error:
        pass  # a typed refusal is the answer to bad bytes


@SETTINGS
@given(st.data())
def test_an_edited_people_csv_loads_or_is_refused_by_name(
    tmp_path: Path, data: st.DataObject
) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(data.draw(edited(PEOPLE_CSV)))
    _loads_or_refuses(
        lambda: tw.Model.from_long_frame(
            tw.read_people_csv(path), competencies=[tw.Competency("a")]
        )
    )


@pytest.mark.parametrize(
    ("reader", "fixture"), [(tw.read_onet, "onet"), (tw.read_esco, "esco")], ids=["onet", "esco"]
)
@SETTINGS
@given(data=st.data())
def test_an_edited_taxonomy_file_loads_or_is_refused_by_name(
    tmp_path: Path, data: st.DataObject, reader: Callable[[Path], object], fixture: str
) -> None:
    directory = Path(tempfile.mkdtemp(dir=tmp_path)) / fixture
    shutil.copytree(ROOT / "tests" / "data" / fixture, directory)
    target = data.draw(st.sampled_from(sorted(directory.iterdir())))
    target.write_bytes(data.draw(edited(target.read_bytes()[:4000])))
    _loads_or_refuses(lambda: reader(directory))
