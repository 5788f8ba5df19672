"""Tables to take along (issue 12): each overview's rows as CSV and XLSX per language, read back
equal to the overview's rows; the register as JSON, valid against the JSON Schema beside it; no
spreadsheet runs a name as a formula (CSV injection)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
import tinyhtml5
from jsonschema import Draft202012Validator

from familyhub.data.kinds import FOLDER_OF_KIND
from familyhub.data.load import load_hub
from familyhub.i18n import Formatter

from .conftest import PREFIX
from .variants import HOSTILE, HOSTILE_ID

# a spreadsheet where the decimal mark is a comma (da, nb) reads CSV split at semicolons
DELIMITER = {"da": ";", "en": ",", "nb": ";"}
HTML = "{http://www.w3.org/1999/xhtml}"
EMPTY = "\u2013"


@pytest.fixture(scope="module")
def project(variant_project: Path) -> Path:
    """The shared variant build (tests/variants.py), whose Holbæk partnership has a hostile name
    in each language."""
    return variant_project


def overviews() -> list[tuple[str, str]]:
    """Every overview with rows (an empty one shows a row of dashes, its file none)."""
    hub = load_hub(Path(__file__).resolve().parent.parent / "data")
    kinds = [kind for kind in FOLDER_OF_KIND if kind != "guide" and hub.entities[kind]]
    return [(kind, lang) for kind in kinds for lang in PREFIX]


def overview_rows(site: Path, kind: str, lang: str) -> list[list[str]]:
    """The header and rows of the overview's table as the page shows them, an en dash as empty."""
    page = site / PREFIX[lang] / FOLDER_OF_KIND[kind] / "index.html"
    root = tinyhtml5.parse(page.read_text(encoding="utf-8"))
    table = next(root.iter(f"{HTML}table"))
    rows = []
    for row in table.iter(f"{HTML}tr"):
        cells = ["".join(cell.itertext()).strip() for cell in row if isinstance(cell, ET.Element)]
        rows.append(["" if cell == EMPTY else cell for cell in cells])
    return rows


def csv_rows(site: Path, kind: str, lang: str) -> list[list[str]]:
    raw = (site / "data" / f"{FOLDER_OF_KIND[kind]}-{lang}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM, so that Excel reads UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=DELIMITER[lang]))


def shown(value: object, fmt: Formatter) -> str:
    """A typed cell as the overview writes it."""
    if isinstance(value, dt.datetime):
        return fmt.date(value.date())
    return "" if value is None else str(value)


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def unquoted(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@") else cell


@pytest.mark.parametrize(("kind", "lang"), overviews())
def test_csv_and_xlsx_read_back_equal_the_overview(project: Path, kind: str, lang: str) -> None:
    site = project / "site"
    fmt = Formatter(load_hub(project / "data").site.language(lang))
    # a date the source does not give is "undated" on the page, an empty cell in the files
    undated = fmt.label("undated")
    expected = [
        ["" if cell == undated else cell for cell in row] for row in overview_rows(site, kind, lang)
    ]
    assert len(expected) > 1
    from_csv = csv_rows(site, kind, lang)
    iso = [
        [
            fmt.date(dt.date.fromisoformat(cell)) if ISO_DATE.fullmatch(cell) else cell
            for cell in row
        ]
        for row in from_csv
    ]
    assert [[unquoted(cell) for cell in row] for row in iso] == expected
    workbook = openpyxl.load_workbook(site / "data" / f"{FOLDER_OF_KIND[kind]}-{lang}.xlsx")
    sheet = workbook.active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert [[shown(value, fmt) for value in row] for row in values] == expected
    # numbers are numbers, dates are dates: no cell holds digits alone as text
    for row in values[1:]:
        for value in row:
            assert not (isinstance(value, str) and value.isdigit()), (kind, value)


def test_counts_years_and_dates_are_typed_in_the_spreadsheets(project: Path) -> None:
    site = project / "site"
    municipalities = openpyxl.load_workbook(site / "data" / "municipalities-da.xlsx").active
    assert municipalities is not None
    assert all(
        isinstance(row[2], int) for row in municipalities.iter_rows(min_row=2, values_only=True)
    )
    sources = openpyxl.load_workbook(site / "data" / "sources-en.xlsx").active
    assert sources is not None
    published = [row[2] for row in sources.iter_rows(min_row=2, values_only=True) if row[2]]
    assert any(isinstance(value, dt.datetime) for value in published)


@pytest.mark.parametrize("lang", PREFIX)
def test_a_hostile_name_is_never_a_formula(project: Path, lang: str) -> None:
    site = project / "site"
    rows = csv_rows(site, "partnership", lang)
    hostile = [row for row in rows if HOSTILE[lang] in row[0]]
    assert [row[0] for row in hostile] == [f"'{HOSTILE[lang]}"]
    sheet = openpyxl.load_workbook(site / "data" / f"partnerships-{lang}.xlsx").active
    assert sheet is not None
    cells = [row[0] for row in sheet.iter_rows(min_row=2) if HOSTILE[lang] in str(row[0].value)]
    assert len(cells) == 1 and cells[0].data_type == "s"  # a string, not a formula ("f")


def test_the_register_validates_against_its_schema(project: Path) -> None:
    site = project / "site"
    register = json.loads((site / "data" / "register.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "register.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert list(Draft202012Validator(schema).iter_errors(register)) == []
    hub = load_hub(project / "data")
    for kind, folder in FOLDER_OF_KIND.items():
        assert [entity["id"] for entity in register[folder]] == list(hub.entities[kind])
    # language-neutral, as in data/: every language's text
    holbaek = next(p for p in register["partnerships"] if p["id"] == HOSTILE_ID)
    assert holbaek["name"] == HOSTILE
    broken = {**register, "partnerships": [{**holbaek, "status": "nonsense"}]}
    assert list(Draft202012Validator(schema).iter_errors(broken))


@pytest.mark.parametrize("lang", PREFIX)
def test_every_overview_and_the_about_page_link_their_downloads(project: Path, lang: str) -> None:
    site = project / "site"
    pages = [
        site / PREFIX[lang] / FOLDER_OF_KIND[kind] / "index.html" for kind, _ in overviews()[::2]
    ]
    for page in [*pages, site / PREFIX[lang] / "about.html"]:
        root = tinyhtml5.parse(page.read_text(encoding="utf-8"))
        links = [a.get("href", "") for a in root.iter(f"{HTML}a") if "data/" in a.get("href", "")]
        assert len(links) >= 2, page
        for href in links:
            assert (page.parent / href).resolve().is_file(), f"{href} on {page}"
