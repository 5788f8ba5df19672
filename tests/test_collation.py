"""Alphabetical order per language (issue 23): in Danish and Norwegian æ ø å come after z and "aa"
sorts as "å", in the built overviews, in the browser's table sort and in heading anchors."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from playwright.sync_api import Page

from familyhub.i18n import alphabetical

from .real_data import HUB

# the shared build's PDFs are made beside the first tests of its pages: these wait for them
pytestmark = pytest.mark.usefixtures("built_pdfs")

PREFIX = {"da": "", "en": "en/", "nb": "nb/"}
LOCALE = {language.code: language.locale for language in HUB.site.languages}
# the overview table's first column: the municipalities' names as linked, top to bottom
FIRST_CELL = re.compile(r"<tr>\s*<td><a [^>]*>([^<]+)</a>")


def municipality(entity_id: str) -> str:
    return str(HUB.get("municipality", entity_id).name)


def overview_names(built_site: Path, lang: str) -> list[str]:
    html = (built_site / f"{PREFIX[lang]}municipalities/index.html").read_text(encoding="utf-8")
    return FIRST_CELL.findall(html.split("<tbody>", 1)[1])


@pytest.mark.parametrize("lang", ["da", "nb"])
def test_overview_lists_ae_oe_aa_after_z(built_site: Path, lang: str) -> None:
    names = overview_names(built_site, lang)
    assert len(names) == len(HUB.all("municipality"))
    ballerup, baerum = names.index(municipality("ballerup")), names.index(municipality("baerum"))
    randers, oygarden = names.index(municipality("randers")), names.index(municipality("oygarden"))
    assert ballerup < baerum
    assert randers < oygarden
    # "Aarhus" is "Århus" in both languages' collation: the very last name
    assert names[-1] == municipality("aarhus")
    assert names == alphabetical(names, str, LOCALE[lang])


def outline_titles(items: list[pikepdf.OutlineItem]) -> list[str]:
    return [title for item in items for title in [item.title, *outline_titles(item.children)]]


@pytest.mark.parametrize("lang", ["da", "nb"])
def test_whole_hub_pdf_lists_municipalities_in_the_same_order(built_site: Path, lang: str) -> None:
    # qpdf (pikepdf) reads a whole-hub PDF's outline in a second; pypdf took six
    with (
        pikepdf.open(built_site / f"pdf/familyhub-{lang}.pdf") as pdf,
        pdf.open_outline() as outline,
    ):
        titles = outline_titles(outline.root)
    ids = ("ballerup", "baerum", "randers", "oygarden", "aarhus")
    # each municipality's own page, in the order of the overview it follows
    positions = [len(titles) - 1 - titles[::-1].index(municipality(i)) for i in ids]
    assert positions == sorted(positions)


def test_english_overview_keeps_english_order(built_site: Path) -> None:
    names = overview_names(built_site, "en")
    assert names.index(municipality("aarhus")) < names.index(municipality("arendal"))
    assert names.index(municipality("oygarden")) < names.index(municipality("randers"))


def test_headings_keep_their_letters_in_their_anchors(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'id="frivillig-støtte-til-børnefamilier"' in home
    model = (built_site / "models/family-house.html").read_text(encoding="utf-8")
    assert 'id="økonomi"' in model
    assert 'href="#økonomi"' in model  # the table of contents points at it
    assert 'id="konomi"' not in model


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["da", "nb"])
def test_sorting_the_overview_by_name_puts_aa_names_last(
    page: Page, site_url: str, lang: str
) -> None:
    page.goto(f"{site_url}/{PREFIX[lang]}municipalities/index.html?sort=municipality-desc")
    cells = page.locator("article table").first.locator("tbody tr td:first-child")
    descending = cells.all_inner_texts()
    # descending: Århus (written Aarhus) first, then Øygarden, before any name from A to Z
    assert descending[0] == municipality("aarhus")
    assert descending[1] == municipality("oygarden")
    page.goto(f"{site_url}/{PREFIX[lang]}municipalities/index.html?sort=municipality-asc")
    ascending = cells.all_inner_texts()
    assert ascending[-2:] == [municipality("oygarden"), municipality("aarhus")]
    assert ascending.index(municipality("ballerup")) < ascending.index(municipality("baerum"))
