"""Tables to take along (issues 12 and 22), as the build writes them for readers without
JavaScript: each overview's rows as CSV and XLSX per language, a column per fact, typed, with
the licence in the first row; read back equal to the overview's rows; the partnerships a line per
funding line; the register as JSON, valid against the JSON Schema beside it; no spreadsheet runs a
name as a formula (CSV injection). On the shared injected build (tests/injected.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import tinyhtml5
from jsonschema import Draft202012Validator
from openpyxl.utils import get_column_letter

from familyhub.data.address import site_address
from familyhub.data.kinds import FOLDER_OF_KIND
from familyhub.data.load import load_hub
from familyhub.downloads.files import csv_bytes, safe_text
from familyhub.i18n import Formatter
from familyhub.pages.compose import make_renderer

from .conftest import PREFIX, SITE_YML, InjectedProject
from .injected import FORMULAS
from .real_data import HUB

# a spreadsheet where the decimal mark is a comma (da, nb) reads CSV split at semicolons
DELIMITER = {"da": ";", "en": ",", "nb": ";"}
HTML = "{http://www.w3.org/1999/xhtml}"
EMPTY = "\u2013"
LICENCE = {lang["code"]: lang["publisher"] for lang in SITE_YML["languages"]}
# the partnerships' columns (familyhub/pages/download_partnerships.py)
ID, NAME, PAYER, AMOUNT, CURRENCY, PER_YEAR, SOURCE, SOURCE_URL, PAGE_URL, REVIEWED = (
    0, 1, 10, 11, 12, 18, 21, 22, 23, 24,
)  # fmt: skip


@pytest.fixture(scope="module")
def site(injected_project: InjectedProject) -> Path:
    return injected_project.site


@pytest.fixture(scope="module")
def hub(injected_project: InjectedProject) -> Any:
    return load_hub(injected_project.root / "data")


def overviews() -> list[tuple[str, str]]:
    """Every overview with rows but the partnerships' (an empty one shows a row of dashes)."""
    kinds = [k for k in FOLDER_OF_KIND if k not in ("guide", "partnership") and HUB.entities[k]]
    return [(kind, lang) for kind in kinds for lang in PREFIX]


def by_name(hub: Any, kind: str, lang: str) -> list[Any]:
    """The kind's entities in the overview's order: alphabetical by name in the language."""
    return make_renderer(hub, lang).by_name(hub.all(kind))


def page_of(site: Path, hub: Any, address: str) -> Path:
    """The built page a row's address names: site_url (data/site.yml) and a path from the root."""
    root = site_address(hub.site)
    assert root and address.startswith(root), address  # absolute, on the site's own address
    return site / address.removeprefix(root)


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


def read_csv(raw: bytes, lang: str) -> tuple[str, list[list[str]]]:
    """The licence row and the rest (header and rows) of a file to take along."""
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM, so that Excel reads UTF-8
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=DELIMITER[lang]))
    licence = rows[0]
    assert len(licence) == 1 and licence[0].startswith("# "), licence
    publisher = LICENCE[lang]
    assert publisher["licence"] in licence[0] and publisher["licence_url"] in licence[0]
    return licence[0], rows[1:]


def csv_rows(site: Path, kind: str, lang: str) -> list[list[str]]:
    raw = (site / "data" / f"{FOLDER_OF_KIND[kind]}-{lang}.csv").read_bytes()
    return read_csv(raw, lang)[1]


def shown(value: object, fmt: Formatter) -> str:
    """A typed cell as the overview writes it."""
    if isinstance(value, dt.datetime):
        return fmt.date(value.date())
    return "" if value is None else str(value)


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def unquoted(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@") else cell


def column_widths(sheet: Any) -> list[float]:
    """Each column's width, also where the file gives one width to a run of columns."""
    widths: dict[int, float] = {}
    for dimension in sheet.column_dimensions.values():
        for index in range(dimension.min or 0, (dimension.max or 0) + 1):
            widths[index] = dimension.width
    return [widths.get(index, 0) for index in range(1, sheet.max_column + 1)]


def assert_spreadsheet(path: Path, lang: str, kind: str, url_columns: list[int]) -> list[Any]:
    """The workbook's sheets, frozen header, filter, widths and links; its rows' values."""
    workbook = openpyxl.load_workbook(path)
    labels = next(lang_["labels"] for lang_ in SITE_YML["languages"] if lang_["code"] == lang)
    title = labels[{"requirement_set": "requirement-sets"}.get(kind, FOLDER_OF_KIND[kind])]
    assert workbook.sheetnames == [title[:31], labels["licence"]]
    sheet = workbook.worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert sheet.freeze_panes == "A2"
    last = f"{get_column_letter(sheet.max_column)}{len(values)}"
    assert sheet.auto_filter.ref == f"A1:{last}"
    assert all(width >= 10 for width in column_widths(sheet)), column_widths(sheet)
    for column in url_columns:
        for row in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
            if str(row[0].value or "").startswith("http"):
                assert row[0].hyperlink and row[0].hyperlink.target == row[0].value
    licence = str(workbook.worksheets[1]["A1"].value)
    assert LICENCE[lang]["licence_url"] in licence
    assert workbook.properties.title == title
    return values


# the overview shows an evaluation's author and year in one cell (_macros.md.j2's author_year),
# the files a column each, the year a number: the file's column where the page's cell begins
AUTHOR_YEAR = {"evaluation": 2}


def as_the_overview(kind: str, row: list[str], fmt: Formatter) -> list[str]:
    """A file's row (id first) with an evaluation's author and year in one cell, as shown."""
    if kind not in AUTHOR_YEAR:
        return row
    at = AUTHOR_YEAR[kind]
    author, year = row[at], row[at + 1]
    author = "" if author == fmt.label("author-not-stated") else author
    cell = ", ".join(part for part in (author, year or fmt.label("undated")) if part)
    return [*row[:at], "" if cell == fmt.label("undated") else cell, *row[at + 2 :]]


@pytest.mark.parametrize(("kind", "lang"), overviews())
def test_csv_and_xlsx_read_back_equal_the_overview(
    site: Path, hub: Any, kind: str, lang: str
) -> None:
    """Between the id and the page's address, the overview's columns as it shows them."""
    fmt = Formatter(hub.site.language(lang))
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
    width = len(expected[0])
    header, *rows = [[unquoted(cell) for cell in row] for row in iso]
    assert len(set(header)) == len(header) and header[1] == expected[0][0]  # no label twice
    assert [as_the_overview(kind, row, fmt)[1 : 1 + width] for row in rows] == expected[1:]
    assert [row[0] for row in rows] == [entity.id for entity in by_name(hub, kind, lang)]
    for row in rows:
        assert page_of(site, hub, row[-1]).is_file(), row[-1]
    xlsx = site / "data" / f"{FOLDER_OF_KIND[kind]}-{lang}.xlsx"
    after = 1 + width + (1 if kind in AUTHOR_YEAR else 0)  # the file's columns after the page's
    values = assert_spreadsheet(xlsx, lang, kind, list(range(after, len(header))))
    read_back = [as_the_overview(kind, [shown(value, fmt) for value in row], fmt) for row in values]
    assert [row[1 : 1 + width] for row in read_back[1:]] == expected[1:]
    # numbers are numbers, dates are dates: no cell holds digits alone as text
    for row in values[1:]:
        for value in row:
            assert not (isinstance(value, str) and value.isdigit()), (kind, value)


def funding_lines(hub: Any, lang: str) -> list[tuple[str, Any]]:
    """(partnership id, funding line or None) in the overview's order: a line per funding line."""
    return [
        (partnership.id, funding)
        for partnership in by_name(hub, "partnership", lang)
        for funding in (partnership.funding or [None])
    ]


@pytest.mark.parametrize("lang", PREFIX)
def test_the_partnerships_have_a_line_per_funding_line_with_money_as_numbers(
    site: Path, hub: Any, lang: str
) -> None:
    expected = funding_lines(hub, lang)
    header, *rows = csv_rows(site, "partnership", lang)
    assert len(header) == REVIEWED + 1
    assert [row[ID] for row in rows] == [partnership_id for partnership_id, _ in expected]
    decimal = "," if DELIMITER[lang] == ";" else "."
    for row, (_, funding) in zip(rows, expected, strict=True):
        assert row[AMOUNT] == ("" if funding is None else str(funding.amount))
        assert row[CURRENCY] == ("" if funding is None else funding.currency)
        assert page_of(site, hub, row[PAGE_URL]).is_file(), row[PAGE_URL]
        assert ISO_DATE.fullmatch(row[REVIEWED])
        if funding is not None and funding.per == "total" and funding.years:
            share = float(row[PER_YEAR].replace(decimal, "."))
            assert share == pytest.approx(funding.amount / funding.years, abs=0.005)
    values = assert_spreadsheet(
        site / "data" / f"partnerships-{lang}.xlsx", lang, "partnership", [SOURCE_URL, PAGE_URL]
    )
    assert [list(map(str, row[:1])) for row in values[1:]] == [[row[ID]] for row in rows]
    money = [row for row in values[1:] if row[AMOUNT] is not None]
    assert money and all(isinstance(row[AMOUNT], int | float) for row in money)
    assert all(row[PAYER] for row in money)  # every funding line names who pays
    assert all(isinstance(row[PER_YEAR], int | float) for row in money if row[PER_YEAR])
    assert all(isinstance(row[REVIEWED], dt.datetime) for row in values[1:])
    # Tønder: the municipality's and the foundation's money on lines of their own
    toender = [row for row in values[1:] if row[ID] == "toender-home-start"]
    assert sorted((row[AMOUNT], row[PAYER]) for row in toender) == [
        (850000, "Tønder Kommune"),
        (3676000, "A.P. Møller Fonden"),
    ]


HOSTILE = [
    ("partnership", "da", NAME, FORMULAS["odense-home-start-da"]),
    ("partnership", "en", NAME, FORMULAS["holbaek-home-start-en"]),
    ("partnership", "nb", NAME, FORMULAS["holbaek-home-start-nb"]),
    ("source", "en", 2, FORMULAS["publisher"]),
]


@pytest.mark.parametrize(("kind", "lang", "column", "text"), HOSTILE)
def test_a_hostile_name_is_never_a_formula(
    site: Path, kind: str, lang: str, column: int, text: str
) -> None:
    rows = csv_rows(site, kind, lang)
    assert {row[column] for row in rows if text in row[column]} == {f"'{text}"}
    sheet = openpyxl.load_workbook(site / "data" / f"{FOLDER_OF_KIND[kind]}-{lang}.xlsx").active
    assert sheet is not None
    cells = [row[column] for row in sheet.iter_rows(min_row=2) if text in str(row[column].value)]
    assert cells and all(cell.data_type == "s" for cell in cells)  # text, never a formula


def test_the_register_validates_against_its_schema(site: Path, hub: Any) -> None:
    register = json.loads((site / "data" / "register.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "register.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert list(Draft202012Validator(schema).iter_errors(register)) == []
    for kind, folder in FOLDER_OF_KIND.items():
        assert [entity["id"] for entity in register[folder]] == list(hub.entities[kind])
    # language-neutral, as in data/: every language's text
    holbaek = next(p for p in register["partnerships"] if p["id"] == "holbaek-home-start")
    assert holbaek["name"]["en"] == FORMULAS["holbaek-home-start-en"]
    broken = {**register, "partnerships": [{**holbaek, "status": "nonsense"}]}
    assert list(Draft202012Validator(schema).iter_errors(broken))


@pytest.mark.parametrize("lang", PREFIX)
def test_every_overview_and_the_about_page_link_their_downloads(site: Path, lang: str) -> None:
    kinds = sorted({"partnership", *(kind for kind, _ in overviews())})
    assert len(kinds) == 8  # guides have no overview table
    for kind in kinds:
        page = site / PREFIX[lang] / FOLDER_OF_KIND[kind] / "index.html"
        # an overview links its own rows, in its own language, as CSV and as XLSX
        own = {site / "data" / f"{FOLDER_OF_KIND[kind]}-{lang}.{kind_of}" for kind_of in FILES}
        assert downloads_linked(page) == own, page
    about = site / PREFIX[lang] / "about.html"
    assert site / "data" / "register.json" in downloads_linked(about)
    assert all(path.is_file() for path in downloads_linked(about)), about


FILES = ("csv", "xlsx")


def downloads_linked(page: Path) -> set[Path]:
    """The files of site/data/ a page links, resolved."""
    root = tinyhtml5.parse(page.read_text(encoding="utf-8"))
    hrefs = [a.get("href", "") for a in root.iter(f"{HTML}a") if "data/" in a.get("href", "")]
    return {(page.parent / href).resolve() for href in hrefs}


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_gets_a_quote_and_the_delimiter_follows_the_decimal_sign(
    start: str,
) -> None:
    """README: a cell starting with =, +, - or @ gets a leading ', in the header too; `;` where
    the language writes decimal commas (da, nb), `,` in English. Numbers and dates stay bare."""
    text = f"{start}1+2"
    for locale, delimiter in (("da", ";"), ("nb", ";"), ("en", ",")):
        written = csv_bytes(
            "licence", [text, "B"], [[text, -3], [dt.date(2026, 2, 1), None]], locale
        )
        lines = written.decode("utf-8-sig").split("\r\n")
        quoted = f'"\'{text}"' if start in "\r" else f"'{text}"
        assert lines[1:4] == [
            f"{quoted}{delimiter}B",
            f"{quoted}{delimiter}-3",
            f"2026-02-01{delimiter}",
        ], (locale, lines)
    assert safe_text(f"a{start}") == f"a{start}"  # only a cell's first character counts
