"""Writes the tables to take along: each overview as CSV (UTF-8 with BOM; `;` and decimal commas
where the language writes them, `,` otherwise, so that Excel opens it right) and as XLSX (numbers
as numbers, dates as dates), and the register as JSON beside its JSON Schema."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from babel.numbers import get_decimal_symbol

from familyhub.data.kinds import FOLDER_OF_KIND, KINDS
from familyhub.data.load import Hub
from familyhub.data.schema import DRAFT, all_schemas
from familyhub.downloads.columns import COLUMNS, Cell, table
from familyhub.pages.compose import make_renderer
from familyhub.pages.facets import download_name
from familyhub.pages.render import Backlinks

REGISTER = "register.json"
REGISTER_SCHEMA = "register.schema.json"
# a field a spreadsheet would run as a formula (CSV injection) is written with a quote first
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_START) else text


def csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return safe_text(value)


def csv_bytes(header: list[str], rows: list[list[Cell]], locale: str) -> bytes:
    """`;` where a comma is the decimal sign (da, nb), `,` otherwise; a BOM for Excel."""
    delimiter = ";" if get_decimal_symbol(locale) == "," else ","
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([safe_text(cell) for cell in header])
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def write_xlsx(path: Path, sheet: str, header: list[str], rows: list[list[Cell]]) -> None:
    """Every text written as text (never as a formula), numbers as numbers, dates as dates."""
    with xlsxwriter.Workbook(str(path)) as workbook:
        worksheet = workbook.add_worksheet(sheet[:31])
        bold = workbook.add_format({"bold": True})
        date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for column, text in enumerate(header):
            worksheet.write_string(0, column, text, bold)
        for row_index, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                if isinstance(value, dt.date):
                    worksheet.write_datetime(row_index, column, value, date)
                elif isinstance(value, int):
                    worksheet.write_number(row_index, column, value)
                elif value is not None:
                    worksheet.write_string(row_index, column, value)
        worksheet.freeze_panes(1, 0)


# the seed file a source came from is the editors' bookkeeping, never shown to readers
NOT_PUBLISHED = {"seed"}


def register(hub: Hub) -> dict[str, list[dict[str, Any]]]:
    """Every entity as in data/, by folder: language-neutral, every language's text kept."""
    return {
        folder: [
            entity.model_dump(mode="json", exclude_none=True, exclude=NOT_PUBLISHED)
            for entity in hub.all(kind)
        ]
        for folder, (kind, _) in KINDS.items()
    }


def register_schema(languages: list[str], preparing: Sequence[str] = ()) -> dict[str, Any]:
    """The JSON Schema of register.json: an array per folder of data/, each item valid by that
    folder's schema (schemas/), embedded under its own $id so that its $defs resolve."""
    schemas = all_schemas(languages, preparing)
    return {
        "$schema": DRAFT,
        "$id": REGISTER_SCHEMA,
        "type": "object",
        "additionalProperties": False,
        "required": list(KINDS),
        "properties": {
            folder: {"type": "array", "items": {"$ref": schemas[folder]["$id"]}} for folder in KINDS
        },
        "$defs": {folder: schemas[folder] for folder in KINDS},
    }


def write_downloads(hub: Hub, out_dir: Path) -> list[Path]:
    """site/data/: each overview per language as CSV and XLSX, and the register with its schema."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    backlinks = Backlinks(hub)
    for language in hub.site.languages:
        renderer = make_renderer(hub, language.code, backlinks)
        for kind in COLUMNS:
            header, rows = table(kind, renderer)
            csv_path = out_dir / download_name(kind, language.code, "csv")
            csv_path.write_bytes(csv_bytes(header, rows, language.locale))
            xlsx_path = out_dir / download_name(kind, language.code, "xlsx")
            write_xlsx(xlsx_path, FOLDER_OF_KIND[kind], header, rows)
            written += [csv_path, xlsx_path]
    for name, content in (
        (REGISTER, register(hub)),
        (REGISTER_SCHEMA, register_schema(hub.site.codes, hub.site.preparing)),
    ):
        path = out_dir / name
        path.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written
