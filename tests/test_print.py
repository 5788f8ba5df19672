"""The browser's own print of a page (Ctrl+P): no navigation, and links say where they go."""

from __future__ import annotations

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
