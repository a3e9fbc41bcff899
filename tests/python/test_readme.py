"""The README's Python blocks run as written from the repository root, and the first prints
exactly the output the README shows."""

from __future__ import annotations

import contextlib
import io
import re
from typing import Any

import pytest
from conftest import ROOT


def test_the_readme_python_example_prints_what_the_readme_says() -> None:
    readme = (ROOT / "README.md").read_text()
    example = re.search(r"```python\n(.*?)```\n\nprints\n\n```\n(.*?)```", readme, re.S)
    assert example is not None, "the README's first Python example and what it prints"
    code, output = example.groups()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    assert printed.getvalue() == output


BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S)


@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_every_readme_python_block_runs_as_written(
    number: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(BLOCKS[number], f"README.md, Python block {number + 1}", "exec"), {})
    assert printed.getvalue()  # every block shows something


def test_the_readme_split_example_finds_crews_without_a_lone_member() -> None:
    code = next(block for block in BLOCKS if "tw.split(" in block)
    scope: dict[str, Any] = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "README.md", "exec"), scope)
    crews = scope["crews"]
    assert crews.status.value in ("optimal", "feasible")
    assert crews.violations == []


def test_the_readme_cpp_example_is_the_consumer_the_tests_build() -> None:
    # tests/consumer is built against an installed teamwright and run by ctest.
    readme = (ROOT / "README.md").read_text()
    (code,) = re.findall(r"```cpp\n(.*?)```", readme, re.S)
    assert code == (ROOT / "tests" / "consumer" / "main.cpp").read_text()
    (cmake,) = re.findall(r"```cmake\n(.*?)```", readme, re.S)
    consumer = (ROOT / "tests" / "consumer" / "CMakeLists.txt").read_text()
    assert cmake.splitlines()[0] in consumer
