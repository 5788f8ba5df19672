"""issue 22 on the real build (the shared `built_site`, no build of its own): the evaluations
overview's columns and design filter, a suggested citation on a page, on the About page and in
the PDFs, the sources' addresses on paper, and the overview's last column at 1280 px."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from familyhub.pages.citation import version

from .real_data import HUB
from .test_pdf import text_of

# the shared build's PDFs are made beside the first tests of its pages: these wait for them
pytestmark = pytest.mark.usefixtures("built_pdfs")

SITE = HUB.site.language("da")
ADDRESS = str(HUB.site.site_url).rstrip("/")
PUBLISHER = SITE.publisher.name
# "7. december 2026": the build's date in Danish, whatever day the build ran
DANISH_DATE = r"\d{1,2}\. [a-zæøå]+ \d{4}"


def squeeze(text: str) -> str:
    return re.sub(r"[\s-]", "", text)


def squeeze_address(text: str) -> str:
    """The text with its addresses' hyphens dropped, as pdftotext drops one at a line's end."""
    return re.sub(r"https?://\S+", lambda address: squeeze(address[0]), text)


def page_text(built_site: Path, path: str) -> str:
    raw = re.sub(r"<[^>]+>", " ", (built_site / path).read_text(encoding="utf-8"))
    return " ".join(html.unescape(raw).split())


def test_the_overview_shows_design_participants_and_findings(built_site: Path) -> None:
    page = (built_site / "evaluations/index.html").read_text(encoding="utf-8")
    header = re.search(r"<thead>(.*?)</thead>", page, re.S)
    assert header is not None
    columns = [
        html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
        for cell in re.findall(r"<th[^>]*>(.*?)</th>", header[1], re.S)
    ]
    assert columns == [
        "Evaluering",
        "Forfatter, år",
        "Design",
        "Deltagere",
        "Hvad den fandt",
        "Evaluerer",
    ]
    text = page_text(built_site, "evaluations/index.html")
    # the SFI row: its design as the sources leave it, its 165 mothers, its findings
    sfi = HUB.get("evaluation", "sfi-lige-muligheder-2016")
    assert "165 mødre" in text
    assert " ".join(sfi.findings["da"].split()) in text
    assert "Kvasieksperimentel sammenligning" in text  # ROCKWOOL's design


@pytest.mark.browser
def test_the_design_filter_keeps_the_rows_of_one_design(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/evaluations/index.html")
    rows = page.locator("article table").first.locator("tbody tr:visible")
    assert rows.count() == len(HUB.all("evaluation"))
    page.get_by_label("Design", exact=True).select_option(label="Ikke oplyst i kilderne")
    unstated = [e for e in HUB.all("evaluation") if e.design == "not-stated"]
    assert 0 < len(unstated) < len(HUB.all("evaluation"))
    assert rows.count() == len(unstated)
    assert "design=not-stated" in page.url
    page.get_by_label("Design", exact=True).select_option(label="Vurdering på en skala")
    assert rows.all_inner_texts()[0].startswith("Vidensportalens vurdering af HOME-START")
    assert rows.count() == 1


def test_a_page_gives_its_suggested_citation(built_site: Path) -> None:
    text = page_text(built_site, "evaluations/vidensportal-home-start.html")
    expected = (
        rf"Sådan citerer du denne side {re.escape(PUBLISHER)}: Vidensportalens vurdering af "
        rf"HOME-START\. familyhub, version {re.escape(version())}, {DANISH_DATE}\. "
        rf"{re.escape(ADDRESS)}/evaluations/vidensportal-home-start\.html"
    )
    assert re.search(expected, text), text[-600:]
    # a title with quotation marks shows them as they are, escaped once, not twice
    quoted = page_text(built_site, "evaluations/diakonhjemmet-2009-nytter-det.html")
    assert f'{PUBLISHER}: "Nytter det?" Evaluering af Home-Start' in quoted
    english = page_text(built_site, "en/evaluations/vidensportal-home-start.html")
    assert f"{ADDRESS}/en/evaluations/vidensportal-home-start.html" in english
    assert "How to cite this page" in english


def test_the_about_page_gives_version_and_build_date(built_site: Path) -> None:
    text = page_text(built_site, "about.html")
    assert re.search(rf"Version {re.escape(version())}, bygget {DANISH_DATE}\.", text)


def test_the_pdfs_give_their_citation_with_their_own_address(built_site: Path) -> None:
    hub = text_of(built_site / "pdf/familyhub-da.pdf", 1, 1)
    assert re.search(
        rf"{re.escape(PUBLISHER)}: familyhub\. familyhub, version {re.escape(version())}, "
        rf"{DANISH_DATE}\. {re.escape(squeeze(ADDRESS))}/pdf/familyhubda\.pdf",
        squeeze_address(hub),
    ), hub
    built = re.search(rf"Genereret ({DANISH_DATE})", hub)
    # one date on the cover and in the citation
    assert built is not None and f"{built[1]}. {ADDRESS}".replace("-", "") in hub
    guide = text_of(built_site / "pdf/guides/new-branch-denmark-da.pdf", 1, 1)
    assert "Sådan citerer du dette dokument" in guide
    assert squeeze(f"{ADDRESS}/pdf/guides/new-branch-denmark-da.pdf") in squeeze(guide)


def test_a_pdf_prints_each_source_address_after_its_title(built_site: Path) -> None:
    guide = HUB.get("guide", "new-branch-denmark")
    text = text_of(built_site / "pdf/guides/new-branch-denmark-da.pdf")
    listed = text[text.rindex("Kilder") :]
    for source_id in guide.sources:
        source = HUB.get("source", source_id)
        if source.url is None:
            continue
        # a long address breaks across lines, and pdftotext drops a hyphen at a line's end:
        # compare without spaces and hyphens
        assert squeeze(f"{source.title_in('da')} · {source.url}") in squeeze(listed), source_id


@pytest.mark.browser
@pytest.mark.parametrize("path", ["partnerships/index.html", "evaluations/index.html"])
def test_the_overview_shows_its_last_column_at_1280_px(
    page: Page, site_url: str, path: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/{path}")
    assert page.locator(".md-sidebar--secondary").is_hidden()  # no table of contents beside
    table = page.locator("article table").first
    last = table.locator("thead th").last.bounding_box()
    frame = page.locator("article").bounding_box()
    assert last is not None and frame is not None
    assert last["x"] + last["width"] <= frame["x"] + frame["width"] + 1
    scrolls = table.evaluate(
        "t => { const w = t.closest('.md-typeset__scrollwrap') || t;"
        " return w.scrollWidth - w.clientWidth; }"
    )
    assert scrolls <= 1, f"{path}: the table overflows its frame by {scrolls} px"
