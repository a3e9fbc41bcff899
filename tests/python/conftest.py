from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import teamwright as tw

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "customer_service.json"
SCHEMA = ROOT / "docs" / "teamwright-v1.schema.json"


def pytest_report_header() -> str:
    return f"teamwright {tw.__version__} from {Path(tw.__file__).parent}"


@pytest.fixture(scope="session")
def example() -> tw.Model:
    return tw.load(EXAMPLE)


@pytest.fixture(scope="session")
def schema() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(SCHEMA.read_text())
    return document
