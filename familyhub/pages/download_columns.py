"""The shape of a table to take along (issue 22): typed columns headed by label keys, and each
entity's lines; shared by the overview tables (download_table.py) and the partnerships' own
(download_partnerships.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from familyhub.data.faults import working_on
from familyhub.data.kinds import FOLDER_OF_KIND
from familyhub.pages.markup import PageContext

Cell = str | int | float | dt.date | None
Line = list[Cell]


@dataclass(frozen=True)
class Column:
    label: str  # its key in data/site.yml's labels
    kind: str = "text"  # text | number | date | url (an address, a hyperlink in XLSX)


@dataclass(frozen=True)
class Table:
    columns: list[Column]
    lines: list[list[Line]]  # per entity, in the overview's order: its lines

    def header(self, ctx: PageContext) -> list[str]:
        return [ctx.fmt.label(column.label) for column in self.columns]

    def rows(self) -> list[Line]:
        return [line for entity_lines in self.lines for line in entity_lines]


def page_path(kind: str, entity_id: str, ctx: PageContext) -> str:
    """The entity's page from the site's root, e.g. en/partnerships/odense-home-start.html."""
    prefix = "" if ctx.lang == ctx.hub.site.default_language else f"{ctx.lang}/"
    return f"{prefix}{FOLDER_OF_KIND[kind]}/{entity_id}.html"


def each_entity(
    kind: str, entities: list[Any], ctx: PageContext, lines: Callable[[Any], list[Line]]
) -> list[list[Line]]:
    """Each entity's lines; an unexpected error names the entity's file (familyhub/data/faults)."""
    made = []
    for entity in entities:
        path = ctx.hub.file_of(kind, entity.id)
        with working_on(f"its {ctx.lang} row of the downloads", path, ctx.hub.data_dir):
            made.append(lines(entity))
    return made
