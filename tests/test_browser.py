"""The built site in a real browser: the language switch keeps the reader on the same page."""

from __future__ import annotations

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
