"""On a phone: WCAG 2.1 AA's reflow (1.4.10) asks that content fits 320 CSS px without scrolling
sideways. One page of every template, both languages, at 320 px: no sideways scrolling of the
page (a wide table scrolls inside its own box, which the criterion allows) and no axe finding."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from .test_every_page import axe_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
# one page per template: home, overviews with filters and pictures, each kind of entity page,
# a checklist, the plan form, a hand-written page
PAGES = [
    "index.html",
    "partnerships/index.html",
    "partnerships/holbaek-home-start.html",
    "models/family-house.html",
    "requirement_sets/hsfn-new-branch.html",
    "cases/index.html",
    "cases/familiens-hus-esbjerg.html",
    "organisations/modrehjaelpen.html",
    "municipalities/esbjerg.html",
    "sources/index.html",
    "guides/new-branch.html",
    "guides/plan.html",
    "contribute.html",
]


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_template_fits_a_phone(phone: Page, site_url: str, prefix: str) -> None:
    problems = []
    for path in PAGES:
        phone.goto(f"{site_url}/{prefix}{path}", wait_until="load")
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            problems.append(f"{prefix}{path}: {width} px wide")
        problems.extend(f"{prefix}{path}: {found}" for found in axe_violations(phone))
    assert problems == []
