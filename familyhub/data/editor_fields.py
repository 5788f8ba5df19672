"""The web editor's widgets (Decap CMS, issue 24), one per field of the pydantic models.

Each field's Python type says which widget edits it: a text in every language is an object of
one text box per language, a reference (RefTo) a relation to that kind's files, a Literal a
select, an int a whole-number box, a date a date picker. Nothing here knows a field by name:
a new field in the schema gets its widget from its type.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from familyhub.data.fields import PATTERN_HINTS, Record, RefTo, TranslatedMarker

Widget = dict[str, Any]
# the Record's own fields: the id first, as every file starts; sources and the review date last
FIRST_FIELDS = ("id",)
LAST_FIELDS = ("sources", "last_reviewed")
# Decap writes a date in this moment.js format: YYYY-MM-DD, as data/ has it
DATE_FORMAT = "YYYY-MM-DD"
BOUNDS = {"ge": "min", "gt": "min", "le": "max", "lt": "max"}


@dataclass(frozen=True)
class Kinds:
    """Where a relation looks: the collection (data folder) of each kind, and the languages."""

    folder_of_kind: dict[str, str]
    languages: list[str]


def model_fields(model: type[BaseModel], kinds: Kinds, required: bool = True) -> list[Widget]:
    """A widget per field of the model, in the order the curated files write them.

    Inside an optional object nothing is required: Decap would otherwise ask for the fields of
    an object the editor left out (`familyhub check` still asks for them where it is given).
    """
    return [field_widget(name, info, kinds, required) for name, info in _ordered(model)]


def _ordered(model: type[BaseModel]) -> Iterator[tuple[str, FieldInfo]]:
    fields = model.model_fields
    if not issubclass(model, Record):
        yield from fields.items()
        return
    middle = [name for name in fields if name not in FIRST_FIELDS + LAST_FIELDS]
    for name in [*FIRST_FIELDS, *middle, *LAST_FIELDS]:
        if name in fields:
            yield name, fields[name]


def field_widget(name: str, info: FieldInfo, kinds: Kinds, within_required: bool) -> Widget:
    annotation, metadata = _unwrap(info.annotation, list(info.metadata))
    annotation, optional = _without_none(annotation)
    required = within_required and info.is_required() and not optional
    widget = {"name": name, "label": name.replace("_", " "), "required": required}
    widget.update(_widget_of(annotation, metadata, kinds, required))
    return widget


def _widget_of(annotation: Any, metadata: list[Any], kinds: Kinds, required: bool) -> Widget:
    annotation, metadata = _unwrap(annotation, metadata)
    annotation, _ = _without_none(annotation)
    annotation, metadata = _unwrap(annotation, metadata)
    ref = next((item for item in metadata if isinstance(item, RefTo)), None)
    if ref is not None:
        return _relation(ref.kind, kinds)
    if any(isinstance(item, TranslatedMarker) for item in metadata):
        return _translated(kinds, required)
    if _is_union(annotation) and any(_is_translated(option) for option in get_args(annotation)):
        # words as a source gives them (one string) or the hub's in every language: Decap has
        # no widget for either-or, so the form offers the three languages; a title as published
        # stays in the file (the key tells the round-trip test, and Decap ignores it)
        return {**_translated(kinds, required=False), "one_language_in_file": True}
    origin = get_origin(annotation)
    if origin is Literal:
        return {"widget": "select", "options": [str(option) for option in get_args(annotation)]}
    if origin is list:
        return _list(get_args(annotation)[0], metadata, kinds)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = model_fields(annotation, kinds, required)
        return {"widget": "object", "collapsed": False, "fields": fields}
    return _scalar(annotation, metadata)


def _list(item: Any, metadata: list[Any], kinds: Kinds) -> Widget:
    inner = _widget_of(item, [], kinds, required=True)
    widget: Widget
    if inner["widget"] in ("relation", "select"):
        widget = {**inner, "multiple": True}
    elif inner["widget"] == "object":
        # open: an editor sees every line of a list, not only its summaries
        widget = {"widget": "list", "collapsed": False, "fields": inner["fields"]}
    else:
        field = {"name": "item", "label": "item", **inner}
        widget = {"widget": "list", "collapsed": False, "field": field}
    for item_meta in metadata:
        if isinstance(item_meta, annotated_types.MinLen) and item_meta.min_length:
            widget["min"] = item_meta.min_length
    return widget


def _scalar(annotation: Any, metadata: list[Any]) -> Widget:
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is dt.date:
        return {
            "widget": "datetime",
            "format": DATE_FORMAT,
            "date_format": DATE_FORMAT,
            "time_format": False,
            "picker_utc": True,
        }
    if annotation is int or _is_number(annotation):
        value_type = "int" if annotation is int else "float"
        return {"widget": "number", "value_type": value_type, **_bounds(metadata)}
    widget: Widget = {"widget": "string"}
    pattern = next((item.pattern for item in metadata if getattr(item, "pattern", None)), None)
    if pattern:
        # the words of `familyhub check`'s message, not the regular expression
        widget["pattern"] = [pattern, PATTERN_HINTS.get(pattern, f"must match {pattern}")]
    return widget


def _is_translated(annotation: Any) -> bool:
    _, metadata = _unwrap(annotation, [])
    return any(isinstance(item, TranslatedMarker) for item in metadata)


def _is_number(annotation: Any) -> bool:
    arguments = get_args(annotation) if _is_union(annotation) else (annotation,)
    bases = {_unwrap(argument, [])[0] for argument in arguments}
    return bool(bases) and bases <= {int, float}


def _bounds(metadata: list[Any]) -> Widget:
    bounds = {}
    for item in metadata:
        for key, name in BOUNDS.items():
            value = getattr(item, key, None)
            if value is not None:
                bounds[name] = value
    return bounds


def _relation(kind: str, kinds: Kinds) -> Widget:
    return {
        "widget": "relation",
        "collection": kinds.folder_of_kind[kind],
        "value_field": "id",
        "search_fields": ["id"],
        "display_fields": ["id"],
        "options_length": 1000,
    }


def _translated(kinds: Kinds, required: bool) -> Widget:
    """One text box per language, side by side in the form (admin/editor.css)."""
    boxes = [
        {"name": code, "label": code, "widget": "text", "required": required}
        for code in kinds.languages
    ]
    return {"widget": "object", "collapsed": False, "classes": "translated", "fields": boxes}


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """The type inside Annotated[...], and every annotation met on the way."""
    while get_origin(annotation) is Annotated:
        base, *extra = get_args(annotation)
        metadata = [*metadata, *_flatten(extra)]
        annotation = base
    return annotation, metadata


def _flatten(extra: list[Any]) -> list[Any]:
    flat: list[Any] = []
    for item in extra:
        if isinstance(item, FieldInfo):
            flat.extend(item.metadata)
        else:
            flat.append(item)
    return flat


def _without_none(annotation: Any) -> tuple[Any, bool]:
    if not _is_union(annotation):
        return annotation, False
    options = [option for option in get_args(annotation) if option is not type(None)]
    optional = len(options) < len(get_args(annotation))
    if len(options) == 1:
        return options[0], optional
    return Union[tuple(options)], optional  # noqa: UP007 (a union built at run time)


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType)
