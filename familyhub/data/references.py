"""References between entities: every (location, kind, id) a model names, found through the
RefTo markers of the schema."""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from familyhub.data.fields import Record, RefTo

Reference = tuple[tuple[Any, ...], str, str]  # (location in the entity, kind, id)


def entity_references(entity: Record) -> tuple[Reference, ...]:
    """Every reference of one entity; walked once (the entity store keeps the result)."""
    if entity._references is None:
        entity._references = tuple(references(entity, ()))
    return entity._references


def references(value: Any, loc: tuple[Any, ...]) -> Iterator[Reference]:
    """Every (location, kind, id) that a model refers to, found through RefTo markers."""
    if isinstance(value, BaseModel):
        for name, target in _reference_fields(type(value)):
            field_value = getattr(value, name)
            if target and isinstance(field_value, str):
                yield (*loc, name), target, field_value
            elif target and isinstance(field_value, list):
                for index, item in enumerate(field_value):
                    yield (*loc, name, index), target, item
            else:
                yield from references(field_value, (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from references(item, (*loc, index))


@functools.cache
def _reference_fields(model: type[BaseModel]) -> tuple[tuple[str, str | None], ...]:
    hints = typing.get_type_hints(model, include_extras=True)
    return tuple((name, _ref_kind(hints[name])) for name in model.model_fields)


def _ref_kind(hint: Any) -> str | None:
    """The kind a type hint refers to, looking through Optional, list and Annotated."""
    for metadata in getattr(hint, "__metadata__", ()):
        if isinstance(metadata, RefTo):
            return metadata.kind
    for argument in typing.get_args(hint):
        found = _ref_kind(argument)
        if found:
            return found
    return None
