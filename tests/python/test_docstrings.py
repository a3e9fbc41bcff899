"""Every public class and function of the package says what it is: a docstring of its own, not
one inherited or generated (dataclasses write "Name(field, ...)" when there is none)."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
import teamwright as tw
from teamwright import assign, cover, errors, model, solving, team

MODULES = [tw, assign, cover, errors, model, solving, team]


def public_items() -> list[tuple[str, Any]]:
    items: dict[str, Any] = {}
    for module in MODULES:
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if inspect.isclass(value) or inspect.isfunction(value):
                items[f"{value.__module__}.{value.__qualname__}"] = value
    return sorted(items.items())


def own_doc(item: Any) -> str:
    doc = item.__dict__.get("__doc__") if inspect.isclass(item) else item.__doc__
    if not doc or (inspect.isclass(item) and doc.startswith(item.__name__ + "(")):
        return ""
    return str(doc).strip()


@pytest.mark.parametrize(("name", "item"), public_items(), ids=lambda v: str(v))
def test_every_public_class_and_function_has_a_docstring(name: str, item: Any) -> None:
    assert own_doc(item), f"{name} has no docstring"


def test_every_public_method_and_property_has_a_docstring() -> None:
    missing = []
    for name, item in public_items():
        if not inspect.isclass(item) or issubclass(item, BaseException):
            continue
        for attribute, value in vars(item).items():
            if attribute.startswith("_"):
                continue
            function = value.fget if isinstance(value, property) else value
            if inspect.isfunction(function) and not function.__doc__:
                missing.append(f"{name}.{attribute}")
    assert missing == []
