"""Pictures a reader can read (issue 12): each fills its column, and every text of every picture
is drawn at 12 CSS px or more on a desktop and 11 px or more on a phone, measured in a real
browser; in the PDF, the amounts stand inside the page at a readable size (pdftotext -bbox).
Issue 21: the kinds of picture are found in the build, so a new kind is measured too."""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .conftest import PREFIX
from .test_pictures import FUNDINGS

# the shared build's PDFs are made beside the first tests of its pages: these wait for them
pytestmark = pytest.mark.usefixtures("built_pdfs")

# the PDFs' amounts are read as words, and Norwegian writes its thousands with spaces
LANGUAGES = ["da", "en"]

# the bars of the charts (test_pictures.FUNDINGS: 9 amounts per language), each amount right of
# the grid in the wide layout; the phone's layout has no grid
GRID_AMOUNTS = {1280: 9 * len(PREFIX), 390: 0}
# the smallest text a reader gets, in CSS px, by the viewport's width
SMALLEST = {1280: 12.0, 390: 11.0}
# every picture's root names its kind (familyhub/pictures/parts.py render_svg)
PICTURE = re.compile(r'<svg [^>]*data-picture="([^"]+)"')
FIGURE = re.compile(r"<figure[^>]*>\s*<svg ")


def picture_pages(site: Path) -> dict[str, str]:
    """Each kind of picture in the build and the first page of the default language that shows
    it, found in the built HTML: a new kind is measured without editing this test."""
    first: dict[str, str] = {}
    for html in sorted(site.glob("*/*.html")):
        text = html.read_text(encoding="utf-8")
        if "data-picture=" not in text:
            continue
        for kind in PICTURE.findall(text):
            first.setdefault(kind, html.relative_to(site).as_posix())
    return first


def figures_on(site: Path, pages: list[str]) -> int:
    """How many pictures the pages show at any one width (one layout of each figure)."""
    return sum(len(FIGURE.findall((site / page).read_text(encoding="utf-8"))) for page in pages)


# every shown picture: its width, its column's, and each text's drawn size and box in the picture
MEASURE = """() => Array.from(document.querySelectorAll("figure svg"))
  .filter((svg) => svg.getBoundingClientRect().width > 0)
  .map((svg) => {
    const box = svg.viewBox.baseVal;
    const scale = svg.getBoundingClientRect().width / box.width;
    return {
      id: svg.querySelector("title").id,
      kind: svg.dataset.picture,
      width: svg.getBoundingClientRect().width,
      column: svg.closest("figure").parentElement.getBoundingClientRect().width,
      viewWidth: box.width,
      texts: Array.from(svg.querySelectorAll("text")).map((text) => ({
        text: text.textContent,
        px: parseFloat(getComputedStyle(text).fontSize) * scale,
        height: text.getBoundingClientRect().height,
        right: text.getBBox().x + text.getBBox().width,
        left: text.getBBox().x,
        // the last text of a bar is its amount
        amount: Boolean(text.closest("g.fh-bar")) && !text.nextElementSibling,
      })),
      grid: Array.from(svg.querySelectorAll("line")).map((line) => line.x1.baseVal.value),
    };
  })"""


def drawn_amounts(lang: str) -> set[str]:
    """The amounts of the funding charts that have bars, as worked out by hand."""
    return {amount for _, amount, _ in FUNDINGS[lang]}


@functools.cache  # both tests at a width read the same measurements: the pages load once
def measured(browser: Browser, url: str, width: int, pages: tuple[str, ...]) -> list[dict]:  # type: ignore[type-arg]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page: Page = context.new_page()
    pictures = []
    for path in pages:
        response = page.goto(f"{url}/{path}", wait_until="load")
        assert response is not None and response.status == 200, path
        pictures.extend({**picture, "page": path} for picture in page.evaluate(MEASURE))
    context.close()
    return pictures


@pytest.fixture(scope="module")
def kinds(built_site: Path) -> dict[str, str]:
    found = picture_pages(built_site)
    # the kinds this suite knew when it was written: the search itself must not come up short
    assert {"funding_chart", "network", "timeline", "series_chart"} <= set(found), found
    return found


@pytest.fixture(scope="module")
def pages(kinds: dict[str, str]) -> tuple[str, ...]:
    """The pages that show every kind of picture, in every language."""
    shown = sorted(set(kinds.values()))
    return tuple(f"{prefix}{page}" for prefix in PREFIX.values() for page in shown)


@pytest.fixture(scope="module")
def measurements(browser: Browser, site_url: str, pages: tuple[str, ...]) -> dict[int, list[dict]]:  # type: ignore[type-arg]
    """Every picture of the pages measured at each width, once for the tests below."""
    return {width: measured(browser, site_url, width, pages) for width in SMALLEST}


def test_every_kind_of_picture_is_measured_at_one_width_or_the_other(
    measurements: dict[int, list[dict]],  # type: ignore[type-arg]
    kinds: dict[str, str],
) -> None:
    shown = {picture["kind"] for pictures in measurements.values() for picture in pictures}
    assert shown == set(kinds)


@pytest.mark.parametrize("width", SMALLEST)
def test_every_picture_fills_its_column_with_text_a_reader_can_read(
    measurements: dict[int, list[dict]],  # type: ignore[type-arg]
    built_site: Path,
    pages: tuple[str, ...],
    width: int,
) -> None:
    pictures = measurements[width]
    # one layout of every figure shows, whatever the width
    assert len(pictures) == figures_on(built_site, list(pages))
    problems = []
    for picture in pictures:
        where = f"{picture['page']} #{picture['id']} at {width} px"
        if picture["width"] < picture["column"] - 1:
            problems.append(f"{where}: {picture['width']:.0f} of {picture['column']:.0f} px wide")
        for text in picture["texts"]:
            # the drawn size, both as the font's size times the picture's scale and as the
            # height of the text's box on the screen (a line's box is taller than its font)
            if min(text["px"], text["height"]) < SMALLEST[width]:
                problems.append(f"{where}: {text['text']!r} at {text['px']:.1f} px")
    assert problems == []


@pytest.mark.parametrize("width", SMALLEST)
def test_amounts_stand_clear_of_the_grid_and_inside_the_picture(
    measurements: dict[int, list[dict]],  # type: ignore[type-arg]
    width: int,
) -> None:
    """No grid line runs through a funding chart's amount, and no text is cut off at the
    picture's edges."""
    pictures = measurements[width]
    texts = amounts_checked = 0
    for picture in pictures:
        for text in picture["texts"]:
            assert text["left"] >= 0 and text["right"] <= picture["viewWidth"], text["text"]
            texts += 1
        if picture["kind"] == "funding_chart":
            amounts = [text for text in picture["texts"] if text["amount"]]
            assert amounts
            for amount in amounts:
                assert amount["left"] > max(picture["grid"]), amount["text"]
                amounts_checked += 1
    assert texts and all(picture["texts"] for picture in pictures)
    # the wide charts draw a grid, the phone's do not: every bar's amount, in every language
    assert amounts_checked == GRID_AMOUNTS[width]


PAGE = re.compile(r'<page width="([\d.]+)"')
NUMBER = re.compile(r"\d[\d.,]*\d")
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def pdf_words(pdf: Path) -> tuple[float, list[tuple[str, float, float, float]]]:
    """The page's width and each word pdftotext finds: its text, left and right edge and
    height, in points."""
    result = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    page = PAGE.search(result.stdout)
    assert page
    found = [
        (text, float(x_min), float(x_max), float(y_max) - float(y_min))
        for x_min, y_min, x_max, y_max, text in WORD.findall(result.stdout)
    ]
    return float(page.group(1)), found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_amounts_in_the_pdf_stand_inside_the_page_at_a_readable_size(
    built_site: Path, lang: str
) -> None:
    page_width, words = pdf_words(built_site / "pdf" / f"familyhub-{lang}.pdf")
    # the amounts of the charts, each in its chart and in the table beside it
    numbers = {NUMBER.search(amount).group() for amount in drawn_amounts(lang)}  # type: ignore[union-attr]
    amounts = [word for word in words if word[0] in numbers]
    assert len(amounts) >= 2 * len(numbers) >= 4
    for text, left, right, height in amounts:
        assert left > 0 and right < page_width, text
        # 8 pt is the PDF's smallest print (its tables); a picture's amount is no smaller
        assert height >= 8, f"{text} is {height:.1f} pt high"
