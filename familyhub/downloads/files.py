"""Writes the tables to take along: each overview as CSV (UTF-8 with BOM; `;` and decimal commas
where the language writes them, `,` otherwise, so that Excel opens it right) and as XLSX (numbers
as numbers, dates as dates), and the register as JSON beside its JSON Schema."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from babel.numbers import get_decimal_symbol

from familyhub.data.kinds import FOLDER_OF_KIND, KINDS
from familyhub.data.load import Hub
from familyhub.data.schema import DRAFT, all_schemas
from familyhub.downloads.package import DCAT, PACKAGE, Download, Metadata, data_package, dcat_record
from familyhub.pages.citation import build_date, version
from familyhub.pages.compose import make_renderer
from familyhub.pages.download_columns import Cell, Column, Line
from familyhub.pages.download_table import (
    OVERVIEW_COLUMNS,
    download_table,
    licence_line,
    sheet_name,
)
from familyhub.pages.facets import download_name
from familyhub.pages.render import Backlinks, Renderer

REGISTER = "register.json"
REGISTER_SCHEMA = "register.schema.json"
# a field a spreadsheet would run as a formula (CSV injection) is written with a quote first
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_START) else text


def csv_cell(value: Cell, decimal: str) -> str:
    """Numbers as a spreadsheet of the language reads them (no thousands sign: 166666,67)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value).replace(".", decimal)
    return safe_text(value)


def csv_bytes(licence: str, header: list[str], rows: list[Line], locale: str) -> bytes:
    """`;` where a comma is the decimal sign (da, nb), `,` otherwise; a BOM for Excel. The
    licence stands in the first row, after a `#` (a comment line to CSV readers that take one)."""
    decimal = get_decimal_symbol(locale)
    delimiter = ";" if decimal == "," else ","
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([f"# {licence}"])
    writer.writerow([safe_text(cell) for cell in header])
    writer.writerows([csv_cell(cell, decimal) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def column_width(header: str, cells: list[Cell]) -> int:
    """Characters wide enough for the header and most cells, within 8 to 50 (table-download.js
    reckons the same)."""
    longest = max([len(header), *(len(str(cell)) for cell in cells if cell is not None)])
    return min(max(longest, 8), 50) + 2


@dataclass(frozen=True)
class Sheet:
    """One overview's table in one language, ready to write."""

    name: str
    title: str
    licence_sheet: str
    licence: str
    language: str
    columns: list[Column]
    header: list[str]
    rows: list[Line]


def _write_cell(
    worksheet: Any, place: tuple[int, int], value: Cell, formats: dict[str, Any]
) -> None:
    row, column = place
    if isinstance(value, dt.date):
        worksheet.write_datetime(row, column, value, formats["date"])
    elif isinstance(value, int | float):
        worksheet.write_number(row, column, value)
    elif isinstance(value, str) and value.startswith(("http://", "https://")):
        worksheet.write_url(row, column, value, formats["link"], string=value)
    elif value is not None:
        worksheet.write_string(row, column, value)


def write_xlsx(path: Path, sheet: Sheet) -> None:
    """Every text written as text (never as a formula), numbers as numbers, dates as dates,
    addresses as links; the header frozen and filtered, columns as wide as their text; the
    licence on a sheet of its own."""
    with xlsxwriter.Workbook(str(path), {"strings_to_urls": False}) as workbook:
        workbook.set_properties(
            {"title": sheet.title, "author": "familyhub", "comments": sheet.licence}
        )
        workbook.set_custom_property("language", sheet.language)
        worksheet = workbook.add_worksheet(sheet.name)
        formats = {
            "bold": workbook.add_format({"bold": True}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "link": workbook.get_default_url_format(),
        }
        for column, text in enumerate(sheet.header):
            worksheet.write_string(0, column, text, formats["bold"])
            cells = [row[column] for row in sheet.rows]
            worksheet.set_column(column, column, column_width(text, cells))
        for row_index, row in enumerate(sheet.rows, start=1):
            for column, value in enumerate(row):
                _write_cell(worksheet, (row_index, column), value, formats)
        worksheet.freeze_panes(1, 0)
        worksheet.autofilter(0, 0, len(sheet.rows), len(sheet.header) - 1)
        about = workbook.add_worksheet(sheet.licence_sheet)
        about.set_column(0, 0, 100)
        about.write_string(0, 0, sheet.licence)


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


# the overviews with a file to take along (the guides' overview has none)
DOWNLOAD_KINDS = ["partnership", *OVERVIEW_COLUMNS]


def overview_sheet(kind: str, renderer: Renderer, site_url: str, day: dt.date) -> Sheet:
    """One overview's table; page addresses begin with the site's address where mkdocs.yml
    gives one (site_url), else they are paths from the site's root."""
    table = download_table(kind, renderer.by_name(renderer.hub.all(kind)), renderer, site_url)
    prefix = "" if renderer.lang == renderer.hub.site.default_language else f"{renderer.lang}/"
    address = f"{site_url}{prefix}{FOLDER_OF_KIND[kind]}/index.html"
    title = sheet_name(kind, renderer)
    return Sheet(
        name=title,
        title=title,
        licence_sheet=renderer.fmt.label("licence"),
        licence=licence_line(renderer, address, day.isoformat()),
        language=renderer.lang,
        columns=table.columns,
        header=table.header(renderer),
        rows=table.rows(),
    )


def described(sheet: Sheet, path: Path, locale: str) -> Download:
    decimal = get_decimal_symbol(locale)
    return Download(
        path=path.name,
        title=sheet.title,
        language=sheet.language,
        columns=tuple(sheet.columns),
        header=tuple(sheet.header),
        rows=tuple(tuple(row) for row in sheet.rows),
        delimiter=";" if decimal == "," else ",",
        decimal=decimal,
    )


def write_json(path: Path, content: Any) -> Path:
    path.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_downloads(hub: Hub, out_dir: Path, site_url: str = "") -> list[Path]:
    """site/data/: each overview per language as CSV and XLSX, the register with its schema,
    and their description for data portals (datapackage.json, dcat.jsonld)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    downloads = []
    backlinks = Backlinks(hub)
    today = build_date()
    for language in hub.site.languages:
        renderer = make_renderer(hub, language.code, backlinks)
        for kind in DOWNLOAD_KINDS:
            sheet = overview_sheet(kind, renderer, site_url, today)
            csv_path = out_dir / download_name(kind, language.code, "csv")
            csv_path.write_bytes(
                csv_bytes(sheet.licence, sheet.header, sheet.rows, language.locale)
            )
            xlsx_path = out_dir / download_name(kind, language.code, "xlsx")
            write_xlsx(xlsx_path, sheet)
            written += [csv_path, xlsx_path]
            downloads += [described(sheet, path, language.locale) for path in (csv_path, xlsx_path)]
    fmt = make_renderer(hub, hub.site.default_language, backlinks).fmt
    for name, content, title in (
        (REGISTER, register(hub), "download-register"),
        (REGISTER_SCHEMA, register_schema(hub.site.codes, hub.site.preparing), "download-schema"),
    ):
        written.append(write_json(out_dir / name, content))
        downloads.append(Download(path=name, title=fmt.label(title)))
    # the portal's addresses are absolute: data/site.yml's where the build was given none
    meta = Metadata(hub, site_url or hub.site.site_url or "", version(), today)
    written.append(write_json(out_dir / PACKAGE, data_package(downloads, meta)))
    written.append(write_json(out_dir / DCAT, dcat_record(downloads, meta)))
    return written
