"""The built site in a real browser: the language switch keeps the reader on the same page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_language_switch_keeps_the_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/partnerships/holbaek-home-start.html")
    expect(page.locator("h1")).to_contain_text("Partnerskabsaftale")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{site_url}/en/partnerships/holbaek-home-start.html")
    expect(page.locator("h1")).to_contain_text("Partnership agreement")
    assert page.locator("html").get_attribute("lang") == "en"


def test_reader_reaches_an_entity_from_the_home_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/en/index.html")
    page.get_by_role("link", name="partnerships", exact=True).first.click()
    expect(page.locator("h1")).to_contain_text("Partnerships")
    page.get_by_role("link", name="HOME-START Holbæk").first.click()
    expect(page.locator("h1")).to_contain_text("HOME-START Holbæk")


def test_the_site_opens_from_a_file(page: Page, built_site: Path) -> None:
    """README's first instruction: open site/index.html in a browser, from the disk (file://).
    Every page links pages as files, so a reader goes on from page to page and language to
    language; the theme's stylesheet and scripts load."""
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((built_site / "index.html").as_uri())
    # Material's stylesheet keeps the header at the top of the window
    assert page.locator(".md-header").evaluate("header => getComputedStyle(header).position") == (
        "sticky"
    )
    page.locator(".md-sidebar--primary a[href$='partnerships/index.html']").first.click()
    expect(page).to_have_url((built_site / "partnerships" / "index.html").as_uri())
    expect(page.locator("h1")).to_contain_text("Partnerskaber")
    page.get_by_role("link", name="HOME-START Holbæk").first.click()
    expect(page.locator("h1")).to_contain_text("HOME-START Holbæk")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url((built_site / "en/partnerships/holbaek-home-start.html").as_uri())
    expect(page.locator("h1")).to_contain_text("Partnership agreement")
    assert failed == [] and errors == []
