"""Pictures a reader can read (issue 12): each fills its column, and every text of every picture
is drawn at 12 CSS px or more on a desktop and 11 px or more on a phone, measured in a real
browser; in the PDF, the amounts stand inside the page at a readable size (pdftotext -bbox)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .conftest import serving
from .pictures_fixtures import funded_site

__all__ = ["funded_site"]

# the smallest text a reader gets, in CSS px, by the viewport's width
SMALLEST = {1280: 12.0, 390: 11.0}
PAGES = [
    "partnerships/index.html",
    "en/partnerships/index.html",
    "guides/new-branch.html",
    "en/guides/new-branch.html",
]
# every shown picture: its width, its column's, and each text's drawn size and box in the picture
MEASURE = """() => Array.from(document.querySelectorAll("figure svg"))
  .filter((svg) => svg.getBoundingClientRect().width > 0)
  .map((svg) => {
    const box = svg.viewBox.baseVal;
    const scale = svg.getBoundingClientRect().width / box.width;
    return {
      id: svg.querySelector("title").id,
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


@pytest.fixture(scope="module")
def funded_url(funded_site: Path) -> Iterator[str]:
    with serving(funded_site, {}) as url:
        yield url


def measured(browser: Browser, url: str, width: int) -> list[dict]:  # type: ignore[type-arg]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page: Page = context.new_page()
    pictures = []
    for path in PAGES:
        page.goto(f"{url}/{path}", wait_until="load")
        pictures.extend({**picture, "page": path} for picture in page.evaluate(MEASURE))
    context.close()
    return pictures


@pytest.mark.parametrize("width", SMALLEST)
def test_every_picture_fills_its_column_with_text_a_reader_can_read(
    browser: Browser, funded_url: str, width: int
) -> None:
    pictures = measured(browser, funded_url, width)
    # two funding charts and the network on each overview, the timeline on each guide
    assert len(pictures) == 8
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
    browser: Browser, funded_url: str, width: int
) -> None:
    """No grid line runs through an amount, and no text is cut off at the picture's edges."""
    for picture in measured(browser, funded_url, width):
        for text in picture["texts"]:
            assert text["left"] >= 0 and text["right"] <= picture["viewWidth"], text["text"]
        if picture["grid"]:
            amounts = [text for text in picture["texts"] if text["amount"]]
            assert amounts
            for amount in amounts:
                assert amount["left"] > max(picture["grid"]), amount["text"]


PAGE = re.compile(r'<page width="([\d.]+)"')
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


@pytest.mark.parametrize("lang", ["da", "en"])
def test_amounts_in_the_pdf_stand_inside_the_page_at_a_readable_size(
    funded_site: Path, lang: str
) -> None:
    page_width, words = pdf_words(funded_site / "pdf" / f"familyhub-{lang}.pdf")
    # the amounts added, each in its chart and in the table beside it
    amounts = [
        word for word in words if word[0] in {"250.000", "1.200.000", "250,000", "1,200,000"}
    ]
    assert len(amounts) >= 4
    for text, left, right, height in amounts:
        assert left > 0 and right < page_width, text
        # 8 pt is the PDF's smallest print (its tables); a picture's amount is no smaller
        assert height >= 8, f"{text} is {height:.1f} pt high"
