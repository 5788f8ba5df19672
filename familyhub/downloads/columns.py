"""The columns of each overview table, as typed values (text, whole numbers, dates), in the
words of one language: the same columns and cells as the overview templates show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from familyhub.data.faults import working_on
from familyhub.pages.render import Renderer

Cell = str | int | dt.date | None
Column = tuple[str, Callable[[Any, Renderer], Cell]]


def _names(kind: str, ids: list[str], ctx: Renderer) -> str | None:
    return ", ".join(ctx.name_of(kind, entity_id) for entity_id in ids) or None


def _one(kind: str, entity_id: str | None, ctx: Renderer) -> str | None:
    return ctx.name_of(kind, entity_id) if entity_id else None


def _count(kind: str, from_kind: str) -> Callable[[Any, Renderer], int]:
    """How many entities of from_kind refer to the row's, as the overview counts them."""
    return lambda entity, ctx: len(ctx.backlinks.of(kind, entity.id, from_kind))


def _published(source: Any, _: Renderer) -> Cell:
    published: dt.date | None = source.published
    year: int | None = source.year
    return published or year


# every column after the first, which is the entity's name (label: the kind's own)
COLUMNS: dict[str, list[Column]] = {
    "partnership": [
        ("municipality", lambda e, c: _one("municipality", e.municipality, c)),
        (
            "parties",
            lambda e, c: _names(
                "organisation", [p.organisation for p in e.parties if p.organisation], c
            ),
        ),
        ("start-year", lambda e, _: e.start_year),
        ("funding", lambda e, c: c.funding_summary(e)),
        ("status", lambda e, c: c.fmt.label(f"status-{e.status}")),
    ],
    "municipality": [
        ("country", lambda e, c: c.fmt.label(f"country-{e.country.lower()}")),
        ("partnerships", _count("municipality", "partnership")),
        ("cases", _count("municipality", "case")),
    ],
    "source": [
        ("publisher", lambda e, _: e.publisher),
        ("published", _published),
        ("language", lambda e, c: c.fmt.label(f"language-{e.language}")),
        ("source-kind", lambda e, c: c.fmt.label(f"source-{e.kind}")),
    ],
    "model": [
        ("category", lambda e, c: c.fmt.label(f"category-{e.category}")),
        ("organisation", lambda e, c: _one("organisation", e.organisation, c)),
        ("duration", lambda e, c: c.fmt.text(e.duration) if e.duration else None),
    ],
    "organisation": [
        ("kind", lambda e, c: c.fmt.label(f"organisation-{e.kind}")),
        ("country", lambda e, c: c.fmt.label(f"country-{e.country.lower()}")),
        ("partnerships", _count("organisation", "partnership")),
    ],
    "case": [
        ("municipalities", lambda e, c: _names("municipality", e.municipalities, c)),
        ("organisations", lambda e, c: _names("organisation", e.organisations, c)),
        ("themes", lambda e, c: ", ".join(c.fmt.label(f"theme-{t}") for t in e.themes) or None),
    ],
    "requirement_set": [
        ("organisation", lambda e, c: _one("organisation", e.organisation, c)),
        ("country", lambda e, c: c.fmt.label(f"country-{e.country.lower()}")),
        ("requirements", lambda e, _: len(e.requirements)),
    ],
    "evaluation": [
        ("author", lambda e, _: e.author),
        ("year", lambda e, _: e.year),
        (
            "evaluates",
            lambda e, c: _names("model", e.models, c) or _names("partnership", e.partnerships, c),
        ),
    ],
}


NAME_LABEL = {"requirement_set": "requirement-set"}


def table(kind: str, ctx: Renderer) -> tuple[list[str], list[list[Cell]]]:
    """The overview's header and rows, in the order the overview lists them."""
    columns = COLUMNS[kind]
    header = [ctx.fmt.label(NAME_LABEL.get(kind, kind)), *(ctx.fmt.label(k) for k, _ in columns)]
    rows = []
    for entity in ctx.by_name(ctx.hub.all(kind)):
        path = ctx.hub.file_of(kind, entity.id)
        with working_on(f"its {ctx.lang} row of the downloads", path, ctx.hub.data_dir):
            rows.append(
                [ctx.name_of(kind, entity.id), *(value(entity, ctx) for _, value in columns)]
            )
    return header, rows
