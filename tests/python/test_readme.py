"""The README's Python example prints exactly the output the README shows."""

from __future__ import annotations

import contextlib
import io
import re

from conftest import ROOT


def test_the_readme_python_example_prints_what_the_readme_says():
    readme = (ROOT / "README.md").read_text()
    example = re.search(r"```python\n(.*?)```\n\nprints\n\n```\n(.*?)```", readme, re.S)
    code, output = example.groups()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    assert printed.getvalue() == output
