"""The file of the rows on screen (issue 22): in Chromium, the overview's CSV and XLSX links give
the rows the reader filtered and sorted, in that order, made in the browser from the table's JSON
(table-download.js); the XLSX library is loaded only on the click; a name that a spreadsheet
would run as a formula is written with a quote first. On the shared injected build."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from playwright.sync_api import Page

from familyhub.data.load import load_hub
from familyhub.site.headers import security_headers

from .conftest import PREFIX, SITE_YML, InjectedProject, serving
from .injected import FORMULAS
from .test_downloads import (
    AMOUNT,
    ID,
    NAME,
    PAGE_URL,
    PER_YEAR,
    REVIEWED,
    SOURCE,
    SOURCE_URL,
    assert_spreadsheet,
    read_csv,
)

pytestmark = pytest.mark.browser

LIBRARY = "vendor/exceljs.bare.min.js"


@pytest.fixture(scope="module")
def site_address(injected_project: InjectedProject) -> Iterator[str]:
    site = injected_project.site
    with serving(site, security_headers(site)) as url:
        yield url


@pytest.fixture(scope="module")
def line_counts(injected_project: InjectedProject) -> dict[str, int]:
    """How many lines each partnership has in the files: one per funding line, at least one."""
    hub = load_hub(injected_project.root / "data")
    return {p.id: max(1, len(p.funding)) for p in hub.all("partnership")}


def overview(page: Page, site_address: str, lang: str, query: str = "") -> None:
    page.goto(f"{site_address}/{PREFIX[lang]}partnerships/index.html{query}")
    page.locator(".fh-downloads[data-ready]").wait_for()


def ids_on_screen(page: Page) -> list[str]:
    hrefs: list[str] = page.locator("table").first.evaluate(
        """table => Array.from(table.tBodies[0].rows)
            .filter(row => !row.hidden)
            .map(row => row.cells[0].querySelector('a').getAttribute('href'))"""
    )
    return [re.sub(r"^.*/|\.html$", "", href) for href in hrefs]


def download(page: Page, link_text: str, folder: Path) -> Path:
    with page.expect_download() as waiting:
        page.locator(".fh-downloads a", has_text=link_text).click()
    path = folder / waiting.value.suggested_filename
    waiting.value.save_as(path)
    return path


def in_order_of_lines(ids: list[str]) -> list[str]:
    """The partnerships of consecutive lines, each once."""
    return [value for index, value in enumerate(ids) if index == 0 or ids[index - 1] != value]


def test_the_csv_is_the_rows_on_screen_in_their_order(
    page: Page, site_address: str, line_counts: dict[str, int], tmp_path: Path
) -> None:
    overview(page, site_address, "da", "?sort=start-year-desc")
    page.locator("select[data-filter=country]").select_option("dk")
    shown = ids_on_screen(page)
    assert 10 < len(shown) < len(line_counts)
    intro = page.locator(".fh-downloads").inner_text()
    assert f"({len(shown)} af {len(line_counts)} rækker)" in intro
    path = download(page, "CSV", tmp_path)
    assert path.name == "partnerships-da.csv"
    licence, (header, *rows) = read_csv(path.read_bytes(), "da")
    # the licence row says whence: the address of this very view, filter and sort included
    assert "country=dk" in licence and "sort=start-year-desc" in licence
    assert dt.date.today().isoformat() in licence
    assert len(header) == REVIEWED + 1
    assert in_order_of_lines([row[ID] for row in rows]) == shown
    assert len(rows) == sum(line_counts[partnership_id] for partnership_id in shown)
    # money as numbers a Danish spreadsheet reads: digits and a decimal comma, nothing else
    for row in rows:
        for cell in (row[AMOUNT], row[PER_YEAR]):
            assert re.fullmatch(r"(\d+(,\d+)?)?", cell), cell
        assert row[PAGE_URL].startswith(f"{site_address}/partnerships/{row[ID]}.html")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_xlsx_is_the_rows_on_screen_typed_filtered_and_linked(
    page: Page, site_address: str, tmp_path: Path, lang: str
) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    overview(page, site_address, lang, "?currency=DKK&sort=funding-desc")
    page.locator(".fh-filter__input").fill("home")
    shown = ids_on_screen(page)
    assert shown
    assert not [url for url in asked if LIBRARY in url]  # not before the reader asks
    path = download(page, "XLSX", tmp_path)
    assert [url for url in asked if url.endswith(LIBRARY)]
    assert path.name == f"partnerships-{lang}.xlsx"
    values: list[Any] = assert_spreadsheet(path, lang, "partnership", [SOURCE_URL, PAGE_URL])
    rows = values[1:]
    assert in_order_of_lines([row[ID] for row in rows]) == shown
    assert all(isinstance(row[AMOUNT], int | float) for row in rows)  # DKK rows: all have money
    assert all(isinstance(row[REVIEWED], dt.datetime) for row in rows)
    assert any(isinstance(row[PER_YEAR], float) for row in rows)
    assert all(str(row[PAGE_URL]).startswith(site_address) for row in rows)
    workbook = openpyxl.load_workbook(path)
    assert site_address in str(workbook.worksheets[1]["A1"].value)


@pytest.mark.parametrize(
    ("lang", "search", "column", "text"),
    [
        ("da", "klik", NAME, FORMULAS["odense-home-start-da"]),
        ("en", "cmd", NAME, FORMULAS["holbaek-home-start-en"]),
        ("nb", "cmd", NAME, FORMULAS["holbaek-home-start-nb"]),
        ("nb", "cmd", SOURCE, FORMULAS["publisher"]),
    ],
)
def test_a_hostile_name_is_never_a_formula_in_the_browsers_csv(
    page: Page, site_address: str, tmp_path: Path, lang: str, search: str, column: int, text: str
) -> None:
    overview(page, site_address, lang, f"?text={search}")
    assert len(ids_on_screen(page)) == 1
    _, (_, *rows) = read_csv(download(page, "CSV", tmp_path).read_bytes(), lang)
    assert rows and all(row[column].startswith(f"'{text}") for row in rows), rows


def test_without_the_xlsx_library_the_reader_is_told_and_gets_the_whole_table(
    page: Page, site_address: str, line_counts: dict[str, int], tmp_path: Path
) -> None:
    page.route(f"**/{LIBRARY}", lambda route: route.fulfill(status=404, body="not found"))
    overview(page, site_address, "da", "?country=no")
    page.locator(".fh-downloads a", has_text="XLSX").click()
    labels = next(lang["labels"] for lang in SITE_YML["languages"] if lang["code"] == "da")
    page.locator(".fh-downloads", has_text=labels["dl-failed"]).wait_for()
    # then the links give the build's files: every partnership, whatever the filter
    path = download(page, "XLSX", tmp_path)
    values = assert_spreadsheet(path, "da", "partnership", [SOURCE_URL])
    assert len(values) - 1 == sum(line_counts.values())
    _, (_, *rows) = read_csv(download(page, "CSV", tmp_path).read_bytes(), "da")
    assert len(rows) == sum(line_counts.values())
