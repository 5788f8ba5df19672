"""Pydantic's validation errors in an editor's words, each at its file's line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from familyhub.data.fields import PATTERN_HINTS
from familyhub.data.problems import Problem, display, field_name
from familyhub.data.yaml_lines import line_of


def problems_from(
    error: ValidationError, document: Any, path: Path, data_dir: Path
) -> list[Problem]:
    problems: dict[tuple[int, str], Problem] = {}
    for detail in error.errors(include_url=False):
        loc = _document_loc(document, tuple(detail["loc"]), detail["type"])
        message = detail["msg"]
        if detail["type"] == "extra_forbidden":
            message = "unknown field"
        elif detail["type"] == "missing":
            message = "required field missing"
        elif detail["type"] == "string_type" and detail.get("input") is None:
            message = "empty: write the text after the colon"  # pydantic: "a valid string"
        elif detail["type"] == "string_pattern_mismatch":
            message = _pattern_message(detail["ctx"]["pattern"], detail["input"], message)
        elif message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        line = line_of(path, loc)
        # a union (int or float, a date or nothing) reports once per member: keep the first
        problems.setdefault(
            (line, field_name(loc)),
            Problem(display(path, data_dir), line, field_name(loc), message),
        )
    return list(problems.values())


def _pattern_message(pattern: str, value: str, fallback: str) -> str:
    """'dansk': write a language code … instead of pydantic's regular expression."""
    hint = PATTERN_HINTS.get(pattern)
    if hint is None:
        return fallback
    shown = value if len(value) <= 40 else value[:40] + "…"
    return f"write {hint}, not {shown!r}"


def _document_loc(document: Any, loc: tuple[Any, ...], error_type: str) -> tuple[Any, ...]:
    """The part of pydantic's location that names keys and indexes of the document.

    Pydantic adds the names of union members and validators ('int', 'function-after[...]');
    those are not fields. A missing field is kept by name, as the last part.
    """
    kept: list[Any] = []
    current = document
    for position, part in enumerate(loc):
        if _has_child(current, part):
            kept.append(part)
            current = current[part]
        elif error_type == "missing" and position == len(loc) - 1:
            kept.append(part)
    return tuple(kept)


def _has_child(container: Any, part: Any) -> bool:
    if isinstance(container, dict):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)
