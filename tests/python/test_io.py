"""The file format: exact round trips, typed errors, atomic saves, and the JSON Schema."""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import teamwright as tw
from conftest import EXAMPLE, ROOT


def example_files() -> list[Path]:
    return sorted((ROOT / "examples").glob("*.json"))


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_every_example_validates_against_the_schema_and_loads(
    path: Path, schema: dict[str, Any]
) -> None:
    document = json.loads(path.read_text())
    jsonschema.Draft7Validator(schema).validate(document)
    tw.load(path)


def test_saved_documents_validate_against_the_schema(
    example: tw.Model, schema: dict[str, Any]
) -> None:
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(example.to_dict())


@pytest.mark.parametrize(
    "broken",
    [
        {"version": 2},
        {"people": [{"id": "p", "cost": -1}]},
        {"people": [{"id": "p", "availabilty": 1}]},
        {
            "requests": [
                {"id": "r", "requirements": [{"competency": "a", "min_level": 1, "count": 0}]}
            ]
        },
    ],
)
def test_the_schema_and_the_loader_both_reject_broken_documents(
    broken: dict[str, Any], schema: dict[str, Any]
) -> None:
    document = {"format": "teamwright", "version": 1, "competencies": [{"id": "a"}], **broken}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema).validate(document)
    with pytest.raises(tw.InvalidInputError):
        tw.Model.from_dict(document)


def test_save_and_load_round_trip_exactly(example: tw.Model, tmp_path: Path) -> None:
    path = tmp_path / "copy.json"
    tw.save(example, path)
    again = tw.load(path)
    assert again == example
    assert tw.dumps(again) == path.read_text()
    assert again.to_dict() == example.to_dict()


def test_loads_reports_malformed_json_with_its_position() -> None:
    with pytest.raises(tw.FormatError) as raised:
        tw.loads('{"format": "teamwright",\n "version": }')
    assert str(raised.value).startswith("malformed JSON: parse error at line 2, column 13")


def test_file_errors_are_os_errors_and_leave_nothing_behind(
    tmp_path: Path, example: tw.Model
) -> None:
    with pytest.raises(tw.FileError) as raised:
        tw.load(tmp_path / "missing.json")
    assert isinstance(raised.value, OSError)
    assert "No such file or directory" in str(raised.value)
    target = tmp_path / "old.json"
    target.write_text("old")
    with pytest.raises(tw.FileError):
        tw.save(example, tmp_path / "no-dir" / "x.json")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.json"]


def test_the_bundled_example_is_installed_with_the_package() -> None:
    installed = Path(tw.example_path())
    assert installed.is_file()
    assert installed.read_text() == EXAMPLE.read_text()


def test_models_pickle_and_deepcopy_to_equal_models(example: tw.Model) -> None:
    for copied in (pickle.loads(pickle.dumps(example)), copy.deepcopy(example)):
        assert copied == example
        assert copied.to_dict() == example.to_dict()
        assert copied.effective_level("p09", "empathy") == example.effective_level("p09", "empathy")
    request = example.request("leadership_team")
    assert pickle.loads(pickle.dumps(request)) == request


def test_bytes_that_are_not_utf8_get_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b'{"format": "teamwright", "version": 1, "competencies": [{"id": "\xff"}]}')
    with pytest.raises(tw.FormatError, match=r"ill-formed UTF-8.*\\xff"):
        tw.load(path)
    matrix = tmp_path / "m.txt"
    matrix.write_bytes(b"1 2\n3 \xff\n")
    with pytest.raises(tw.FormatError, match=r"\\xff"):
        tw.read_cost_matrix(matrix)


def test_a_directory_and_a_file_size_limit_are_named(tmp_path: Path) -> None:
    with pytest.raises(tw.FileError, match="it is a directory"):
        tw.load(tmp_path)
    model = tw.load(tw.example_path())
    with pytest.raises(tw.FileError, match="it is a directory"):
        model.save(tmp_path)
    # Past the process's file-size limit, the save fails with the reason and leaves no file.
    script = (
        "import resource, sys, teamwright as tw\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
        "try:\n"
        f"    tw.load(tw.example_path()).save({str(tmp_path / 'big.json')!r})\n"
        "except tw.FileError as error:\n"
        "    print(error)\n"
    )
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "File too large" in run.stdout
    assert list(tmp_path.iterdir()) == []
