"""The bad-input catalogue (tests/bad_inputs/README.md): every malformed or hostile file gets its
exact typed error through the Python API and one line on stderr with exit 2 through the CLI,
within bounded time and memory."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import teamwright as tw
from conftest import ROOT
from teamwright import cover
from teamwright.cli import main

CATALOGUE = ROOT / "tests" / "bad_inputs"

READERS: dict[str, Callable[[Path], Any]] = {
    "model": tw.load,
    "orlib": cover.read_orlib,
    "rail": cover.read_rail,
    "cover": cover.read_cover,
    "generalized": tw.read_generalized,
    "matrix": tw.read_cost_matrix,
    "people_csv": lambda path: tw.Model.from_long_frame(
        tw.read_people_csv(path), competencies=[tw.Competency("a")]
    ),
    "onet": tw.read_onet,
    "esco": tw.read_esco,
}
"""How each directory of the catalogue is read."""

COMMANDS: dict[str, list[str]] = {
    "model": ["validate"],
    "orlib": ["cover", "--format", "orlib"],  # a broken file may read as the other layout
    "rail": ["cover", "--format", "rail"],
    "cover": ["cover"],
    "generalized": ["assign", "generalized"],
    "matrix": ["assign", "matrix"],
}
"""The CLI command reading each format (the others have no command of their own)."""

SECONDS = 2.0
"""The most a case may take to be refused (each is refused in milliseconds; room for load)."""


def _cases() -> list[tuple[str, Path]]:
    return [
        (case.parent.name, case)
        for case in sorted(CATALOGUE.glob("*/*"))
        if case.suffix != ".expected" and case.parent.name in READERS
    ]


def _expected(case: Path) -> str:
    """The case's error, as `Type: message`, with `{path}` standing for the path read."""
    text = case.with_name(case.name + ".expected").read_text(encoding="utf-8").rstrip("\n")
    return text.replace("{path}", str(case))


def _error_of(fmt: str, case: Path) -> str:
    try:
        READERS[fmt](case)
    except tw.Error as error:
        return f"{type(error).__name__}: {error}"
    return "no error"


CASES = _cases()


def test_the_catalogue_holds_at_least_a_hundred_cases_in_every_format() -> None:
    assert len(CASES) >= 100
    assert {fmt for fmt, _ in CASES} == set(READERS)
    for _, case in CASES:
        assert case.with_name(case.name + ".expected").is_file(), case


@pytest.mark.parametrize(("fmt", "case"), CASES, ids=[f"{f}/{c.name}" for f, c in CASES])
def test_each_bad_input_gets_its_exact_typed_error(fmt: str, case: Path) -> None:
    started = time.monotonic()
    assert _error_of(fmt, case) == _expected(case)
    assert time.monotonic() - started < SECONDS


CLI_CASES = [(fmt, case) for fmt, case in CASES if fmt in COMMANDS]


@pytest.mark.parametrize(("fmt", "case"), CLI_CASES, ids=[f"{f}/{c.name}" for f, c in CLI_CASES])
def test_the_cli_prints_the_error_on_one_line_and_exits_2(fmt: str, case: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*COMMANDS[fmt], str(case)])
    assert code == 2
    assert out.getvalue() == ""
    message = _expected(case).split(": ", 1)[1]
    if fmt == "model" and not message.startswith(str(case)):
        message = f"{case}: {message}"  # validate names the file it read
    assert err.getvalue() == f"teamwright: error: {message}\n"


def test_no_case_allocates_without_bound() -> None:
    """Every case again, in a process whose address space is capped at 2 GiB: a reader that
    allocated for what a header announces, or read without limit, would fail differently."""
    script = f"""
import json, resource, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from test_bad_inputs import CASES, _error_of
print(json.dumps({{str(case): _error_of(fmt, case) for fmt, case in CASES}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    errors = json.loads(done.stdout)
    assert {path: errors[str(path)] for _, path in CASES} == {
        path: _expected(path) for _, path in CASES
    }
