"""On a phone: WCAG 2.1 AA's reflow (1.4.10) asks that content fits 320 CSS px without scrolling
sideways. One page of every template in every language, at 320 px: no sideways scrolling of the
page (a wide table scrolls inside its own box, which the criterion allows) and no axe finding."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .site_pages import representative_pages
from .test_every_page import axe_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def test_every_template_fits_a_phone(phone: Page, site_url: str, built_site: Path) -> None:
    """One page of each template in each language (tests/site_pages.py), at 320 px."""
    problems = []
    for path in representative_pages(built_site):
        phone.goto(f"{site_url}/{path}", wait_until="load")
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            problems.append(f"{path}: {width} px wide")
        problems.extend(f"{path}: {found}" for found in axe_violations(phone))
    assert problems == []
