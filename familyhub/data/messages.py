"""Pydantic's validation errors in an editor's words, each at its file's line and field."""

from __future__ import annotations

import re
from difflib import get_close_matches
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from familyhub.data.fields import PATTERN_HINTS, WHOLE_AMOUNT_ERROR
from familyhub.data.problems import Problem, display, field_name
from familyhub.data.yaml_lines import line_of, scalar_text

# pydantic's wording (its error type) -> an editor's; {input} is the value as YAML read it
PLAIN_WORDS = {
    "int_type": "write a whole number in digits, such as 2026, not {input}",
    "int_parsing": "write a whole number in digits, such as 2026, not {input}",
    "int_from_float": "write a whole number in digits, such as 2026, not {input}",
    "float_type": "write a number in digits, such as 0.5, not {input}",
    "float_parsing": "write a number in digits, such as 0.5, not {input}",
    "bool_type": "write true or false, not {input}",
    "bool_parsing": "write true or false, not {input}",
    "string_type": "write a text here, not {input}",
    "date_type": "write a date as YYYY-MM-DD, such as 2026-03-01, not {input}",
    "greater_than_equal": "write a number of at least {ge}, not {input}",
    "greater_than": "write a number greater than {gt}, not {input}",
    "less_than_equal": "write a number of at most {le}, not {input}",
    "less_than": "write a number less than {lt}, not {input}",
    "too_short": "give at least {min_length} of these, each on a line below starting with '- '",
    "list_type": "write a list here: each entry on its own line below, starting with '- '",
    "dict_type": "write the fields of {field} on the lines below it, each indented by two spaces"
    " more than {field}",
    "model_type": "write the fields of {field} on the lines below it, each indented by two spaces"
    " more than {field}",
}
# a thousands separator (300.000, 1.500.000, 300,000 or 300 000): the amount without it is meant
THOUSANDS = re.compile(r"\D*\d{1,3}(?:[., \u00a0]\d{3})+\D*")
DIGITS_AND_A_UNIT = re.compile(r"\D*\d+\D*")


def problems_from(
    error: ValidationError,
    document: Any,
    path: Path,
    data_dir: Path,
    model: type[BaseModel] | None = None,
) -> list[Problem]:
    """`model` (the file's) lets an unknown field's message name the field probably meant."""
    problems: dict[tuple[int, str], Problem] = {}
    details = error.errors(include_url=False)
    unknown = {
        _document_loc(document, tuple(d["loc"]), d["type"])
        for d in details
        if d["type"] == "extra_forbidden"
    }
    for detail in details:
        loc = _document_loc(document, _owner_loc(detail), detail["type"])
        message = detail["msg"]
        if detail["type"] == "extra_forbidden":
            message = _unknown_field_message(document, loc, unknown, model)
        elif detail["type"] == WHOLE_AMOUNT_ERROR:
            message = amount_message(scalar_text(path, loc))
        elif detail["type"] in PLAIN_WORDS and not (
            detail["type"] == "string_type" and detail.get("input") is None
        ):
            message = _plain(detail, loc)
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


def amount_message(written: str | None) -> str:
    """`300.000` (how Danes write 300,000, which YAML reads as 300.0): the digits meant."""
    written = (written or "").strip()
    if THOUSANDS.fullmatch(written) or DIGITS_AND_A_UNIT.fullmatch(written):
        digits = re.sub(r"\D", "", written)
        return f"write the amount in digits only: {digits}, not {written}"
    shown = written if len(written) <= 40 else written[:40] + "…"
    return f"write the amount as a whole number in digits only, such as 300000, not {shown}"


def _owner_loc(detail: Any) -> tuple[Any, ...]:
    """A field's error found by a sibling's validator names that field (ctx 'field')."""
    loc = tuple(detail["loc"])
    owner = (detail.get("ctx") or {}).get("field")
    return (*loc[:-1], owner) if owner and loc else loc


def _plain(detail: Any, loc: tuple[Any, ...]) -> str:
    value = detail.get("input")
    shown = _shown(value)
    field = str(loc[-1]) if loc and isinstance(loc[-1], str) else "this entry"
    ctx = {k: v for k, v in (detail.get("ctx") or {}).items() if k != "field"}
    return PLAIN_WORDS[detail["type"]].format(input=shown, field=field, **ctx)


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _unknown_field_message(
    document: Any,
    loc: tuple[Any, ...],
    unknown: set[tuple[Any, ...]],
    model: type[BaseModel] | None,
) -> str:
    """'unknown field', with the field probably meant (startyear: start_year), or, where it is
    likely only indented wrongly, the empty field above it (past other unknown ones)."""
    meant = get_close_matches(str(loc[-1]), fields_at(model, loc[:-1]), n=1, cutoff=0.75)
    if loc and meant:
        return f"unknown field: did you mean {meant[0]}?"
    parent = document
    for part in loc[:-1]:
        parent = parent[part] if _has_child(parent, part) else None
    if not isinstance(parent, dict) or not loc:
        return "unknown field: check its spelling"
    keys = list(parent)
    if loc[-1] not in keys:
        return "unknown field: check its spelling"
    for key in reversed(keys[: keys.index(loc[-1])]):
        if (*loc[:-1], key) in unknown:
            continue
        if parent[key] is None:
            return f"unknown field here: if it belongs under {key}, indent it by two spaces more"
        break
    return "unknown field: check its spelling and its indentation"


def fields_at(model: Any, loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at `loc` inside `model`: a list index keeps the model, a field
    leads to the model of its type (through lists, unions and None)."""
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(model, "model_fields", {}).get(part)
        model = _model_in(field.annotation) if field is not None else None
    return list(getattr(model, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


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
