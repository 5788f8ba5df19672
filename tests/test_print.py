"""The browser's own print of a page (Ctrl+P): no navigation, and links say where they go."""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

AFTER = "element => getComputedStyle(element, '::after').content"
# the screen's navigation and buttons, which a print leaves out
FURNITURE = (".md-header", ".md-sidebar--primary", ".md-content__button")


def test_print_hides_navigation_and_shows_link_addresses(page: Page, site_url: str) -> None:
    response = page.goto(f"{site_url}/en/sources/hsfn-til-kommuner.html")
    assert response is not None and response.status == 200
    for furniture in FURNITURE:  # on screen first: a renamed selector would pass as "hidden"
        assert page.locator(furniture).first.is_visible(), furniture
    page.emulate_media(media="print")
    for furniture in FURNITURE:
        assert not page.locator(furniture).first.is_visible(), furniture
    bare = page.locator("article a.fh-bare-url").first
    assert bare.evaluate(AFTER) == "none"  # its text is its address already
    page.locator("article p").first.evaluate(
        "p => p.insertAdjacentHTML('beforeend', ' <a id=out href=\"https://example.org/a\">a</a>')"
    )
    assert "(https://example.org/a)" in page.locator("#out").evaluate(AFTER)
    page.emulate_media(media="screen")
    assert page.locator("#out").evaluate(AFTER) == "none"


def test_print_gives_each_source_address_after_its_title(page: Page, site_url: str) -> None:
    """issue 22: on paper a source's title links nowhere; its address stands after it."""
    page.goto(f"{site_url}/en/evaluations/vidensportal-home-start.html")
    address = page.locator("article li .fh-source-address").first
    assert not address.is_visible()  # on screen the title links to the source's page
    page.emulate_media(media="print")
    assert address.is_visible()
    assert address.inner_text().strip() == (
        "· https://vidensportal.dk/temaer/Omsorgssvigt/indsatser/home-start/@@declaration_view"
    )
    assert page.locator("aside.fh-cite").is_visible()  # the citation prints too


def test_a_guide_prints_from_its_first_page_on(page: Page, site_url: str, tmp_path) -> None:
    """issue 22: the guide's first printed page holds its opening, its timeline and its steps;
    the timeline in its phone layout once pushed it all to page 2, leaving page 1 near empty."""
    page.goto(f"{site_url}/en/guides/new-branch-denmark.html")
    pdf = tmp_path / "guide.pdf"
    page.pdf(path=str(pdf), format="A4")
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Start a new HOME-START branch in Denmark" in " ".join(first.split())
    assert "Prepare" in first and "Step by step" in first, first[-400:]
