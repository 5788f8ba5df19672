"""Keyboard only (issue 21; WCAG 2.1.1, 2.4.7, 2.4.11): one page of each template, found in the
build (tests/site_pages.py), walked by Tab at 1280 px and in the narrow layout of a phone or
200 % zoom (320 px). It fails on a focus the reader cannot see (the control looks the same with
and without focus), a tab stop the reader cannot see (no size, hidden, see-through or off
screen: the closed menu's links), a focused control under the sticky header, and a narrow
menu that Enter does not open or Escape does not close. Affordable: the header, the menu and the
side navigation are the same partials on every page, so they are walked from the top on the
home page (which does without Material's script) and on one page with it; every template is
walked from the skip link's target, its content, for a few stops; and each kind of control is
compared in pictures once per width."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, ViewportSize

from .keyboard_walk import menu_problems, walk_page
from .site_pages import languages, pages_by_template

pytestmark = pytest.mark.browser

WIDTHS = {
    "wide": ViewportSize(width=1280, height=720),
    "narrow": ViewportSize(width=320, height=640),
}
FROM_TOP = 40  # Tab presses from the top of the page: header, menu, navigation, contents
IN_CONTENT = 16  # from the skip link's target: far enough for the overviews' sort buttons
TOP_WALKS = 2  # pages walked from the top: the home page, and the first page with Material's script


def keyboard_pages(site: Path) -> list[str]:
    """One page of each template in the default language (the smallest: the template is what is
    walked), the home page first; relative to site/."""
    pages = [
        min(paths, key=lambda path: path.stat().st_size).relative_to(site).as_posix()
        for (lang, _template), paths in pages_by_template(site).items()
        if not languages()[lang]  # the default language, whose pages are at the site's root
    ]
    return sorted(pages, key=lambda page: (page != "index.html", page))


@pytest.mark.parametrize("width", WIDTHS)
def test_every_template_by_keyboard(
    page: Page, site_url: str, built_site: Path, width: str
) -> None:
    page.set_viewport_size(WIDTHS[width])
    compared: set[str] = set()
    problems: list[str] = []
    for number, path in enumerate(keyboard_pages(built_site)):
        presses = (FROM_TOP if number < TOP_WALKS else 0, IN_CONTENT)
        walk = walk_page(page, f"{site_url}/{path}", presses, compared)
        problems.extend(f"{path}: {problem}" for problem in walk.problems)
        if width == "narrow" and number < TOP_WALKS:
            problems.extend(f"{path}: {problem}" for problem in menu_problems(page))
            if not any("fh-menu-button" in stop["name"] for stop in walk.stops):
                problems.append(f"{path}: the menu button is not a tab stop")
    assert not problems, "\n".join(problems)
