"""Each overview's rows as a table to take along (issue 22): one column per fact, typed (text,
whole and decimal numbers, dates, addresses), headed in the reader's language.

One table serves both downloads: the static CSV/XLSX that familyhub/downloads/ writes at build
time, and the JSON beside each overview (facets.py) from which table-download.js makes the file
of the rows on screen. A partnership has a line per funding line (one line if it has none), so
that payer, amount and period each sit in a column a spreadsheet can sort and add up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from babel.numbers import get_decimal_symbol

from familyhub.data.kinds import FOLDER_OF_KIND
from familyhub.pages.download_columns import Cell, Column, Line, Table, each_entity, page_path
from familyhub.pages.download_partnerships import partnership_table
from familyhub.pages.markup import PageContext


def _names(kind: str, ids: list[str], ctx: PageContext) -> str | None:
    return ", ".join(ctx.name_of(kind, entity_id) for entity_id in dict.fromkeys(ids)) or None


def _one(kind: str, entity_id: str | None, ctx: PageContext) -> str | None:
    return ctx.name_of(kind, entity_id) if entity_id else None


def _count(kind: str, from_kind: str) -> Callable[[Any, Any], int]:
    """How many entities of from_kind refer to the row's, as the overview counts them."""
    return lambda entity, ctx: len(ctx.backlinks.of(kind, entity.id, from_kind))


def _participants(evaluation: Any, ctx: PageContext) -> str | None:
    """ "197 families": the count says little without who was counted."""
    counted = evaluation.participants
    if counted is None:
        return None
    return ctx.fmt.label(f"participants-{counted.who}").format(count=ctx.fmt.number(counted.count))


def _published(source: Any, _: PageContext) -> Cell:
    published: dt.date | None = source.published
    year: int | None = source.year
    return published or year


def _country(entity: Any, ctx: PageContext) -> str:
    return ctx.fmt.label(f"country-{entity.country.lower()}")


# the columns between each overview's name and the page's address, as the overview shows them
ColumnValue = tuple[Column, Callable[[Any, Any], Cell]]
OVERVIEW_COLUMNS: dict[str, list[ColumnValue]] = {
    "municipality": [
        (Column("country"), _country),
        (Column("partnerships", "number"), _count("municipality", "partnership")),
        (Column("cases", "number"), _count("municipality", "case")),
    ],
    "source": [
        (Column("publisher"), lambda e, c: e.publisher or c.fmt.label("not-recorded")),
        (Column("published", "date"), _published),
        (Column("language"), lambda e, c: c.fmt.label(f"language-{e.language}")),
        (Column("source-kind"), lambda e, c: c.fmt.label(f"source-{e.kind}")),
        (Column("dl-source-url", "url"), lambda e, _: e.url),
    ],
    "model": [
        (Column("category"), lambda e, c: c.fmt.label(f"category-{e.category}")),
        (Column("organisation"), lambda e, c: _one("organisation", e.organisation, c)),
        (Column("duration"), lambda e, c: c.fmt.text(e.duration) if e.duration else None),
    ],
    "organisation": [
        (Column("kind"), lambda e, c: c.fmt.label(f"organisation-{e.kind}")),
        (Column("country"), _country),
        (Column("partnerships", "number"), _count("organisation", "partnership")),
    ],
    "case": [
        (Column("municipalities"), lambda e, c: _names("municipality", e.municipalities, c)),
        (Column("organisations"), lambda e, c: _names("organisation", e.organisations, c)),
        (
            Column("themes"),
            lambda e, c: ", ".join(c.fmt.label(f"theme-{t}") for t in e.themes) or None,
        ),
    ],
    "requirement_set": [
        (Column("organisation"), lambda e, c: _one("organisation", e.organisation, c)),
        (Column("country"), _country),
        (Column("dl-requirement-count", "number"), lambda e, _: len(e.requirements)),
    ],
    "evaluation": [
        (Column("author"), lambda e, c: e.author or c.fmt.label("author-not-stated")),
        (Column("year", "number"), lambda e, _: e.year),
        (Column("design"), lambda e, c: c.fmt.label(f"design-{e.design}")),
        (Column("participants"), _participants),
        (Column("found"), lambda e, c: c.fmt.text(e.findings)),
        (
            Column("evaluates"),
            lambda e, c: _names("model", e.models, c) or _names("partnership", e.partnerships, c),
        ),
    ],
}

NAME_LABEL = {"requirement_set": "requirement-set"}
PAGE_URL = Column("dl-page-url", "url")
ID = Column("dl-id")


def _overview_table(kind: str, entities: list[Any], ctx: PageContext, root: str) -> Table:
    columns = OVERVIEW_COLUMNS[kind]
    header = [ID, Column(NAME_LABEL.get(kind, kind)), *(c for c, _ in columns), PAGE_URL]

    def lines(entity: Any) -> list[Line]:
        values = [value(entity, ctx) for _, value in columns]
        return [
            [
                entity.id,
                ctx.name_of(kind, entity.id),
                *values,
                root + page_path(kind, entity.id, ctx),
            ]
        ]

    return Table(header, each_entity(kind, entities, ctx, lines))


def download_table(kind: str, entities: list[Any], ctx: PageContext, root: str = "") -> Table:
    """The overview's entities as lines to take along; page addresses begin with root (the
    site's address, or nothing: then they are paths from the site's root)."""
    if kind == "partnership":
        return partnership_table(entities, ctx, root)
    return _overview_table(kind, entities, ctx, root)


OVERVIEW_TITLE = {"requirement_set": "requirement-sets"}


def sheet_name(kind: str, ctx: PageContext) -> str:
    """The overview's title, e.g. "Partnerskaber": Excel allows 31 characters, none of []:*?/\\."""
    title = ctx.fmt.label(OVERVIEW_TITLE.get(kind, FOLDER_OF_KIND[kind]))
    return "".join(" " if char in "[]:*?/\\" else char for char in title)[:31]


def licence_line(ctx: PageContext, address: str, day: str) -> str:
    """The first row of a file: who published the data, under which licence, whence and when."""
    publisher = ctx.fmt.language.publisher
    return ctx.fmt.label("dl-licence-line").format(
        publisher=publisher.name or "familyhub",
        licence=publisher.licence or "",
        licence_url=publisher.licence_url or "",
        address=address,
        date=day,
    )


def download_spec(kind: str, entities: list[Any], ctx: PageContext, up: str) -> dict[str, Any]:
    """What table-download.js needs to make the file of the rows on screen: the columns, each
    table row's lines (dates as ISO text, typed by their column), the words and the separators;
    page addresses are paths from the site's root, which is `up` from the overview."""
    table = download_table(kind, entities, ctx)
    decimal = get_decimal_symbol(ctx.fmt.language.locale)
    return {
        "columns": [
            {"label": label, "kind": column.kind}
            for label, column in zip(table.header(ctx), table.columns, strict=True)
        ],
        "lines": [
            [
                [cell.isoformat() if isinstance(cell, dt.date) else cell for cell in line]
                for line in lines
            ]
            for lines in table.lines
        ],
        "root": up,
        "file": f"{FOLDER_OF_KIND[kind]}-{ctx.lang}",
        "sheet": sheet_name(kind, ctx),
        "licence_sheet": ctx.fmt.label("licence"),
        "licence": licence_line(ctx, "{address}", "{date}"),
        "title": ctx.fmt.label(OVERVIEW_TITLE.get(kind, FOLDER_OF_KIND[kind])),
        "language": ctx.lang,
        "decimal": decimal,
        "delimiter": ";" if decimal == "," else ",",
        "shown": ctx.fmt.label("dl-shown"),
        "failed": ctx.fmt.label("dl-failed"),
    }
