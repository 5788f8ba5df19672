"""Overview tables on a phone (issue 12): a table wider than the screen shows a "more columns →"
cue and fades at its right edge until it is scrolled to its last column; one that fits shows its
last column. Every overview, both languages, at 390 px, in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from familyhub.data.kinds import FOLDER_OF_KIND

from .conftest import PREFIX
from .real_data import HUB

OVERVIEWS = [
    f"{folder}/index.html"
    for kind, folder in FOLDER_OF_KIND.items()
    if kind != "guide" and HUB.entities[kind]
]
# where the last column's header ends, and the width of the screen
# the right edge of the table's last column, and of the box it scrolls in (what a reader sees
# of it: a table that runs into the page's margin is cut at the box's edge, not the window's)
LAST_COLUMN = """() => {
  const table = document.querySelector("article table");
  const cells = table.querySelector("thead tr").cells;
  const box = table.closest(".md-typeset__scrollwrap") || document.documentElement;
  return [cells[cells.length - 1].getBoundingClientRect().right, box.getBoundingClientRect().right];
}"""


NEXT_FRAMES = (
    "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
)


@pytest.mark.parametrize("lang", PREFIX)
def test_every_overview_on_a_phone_shows_its_last_column_or_the_cue(
    phone: Page, site_url: str, lang: str
) -> None:
    words = HUB.site.language(lang).labels["filter-more"]
    cued = 0
    for overview in OVERVIEWS:
        phone.goto(f"{site_url}/{PREFIX[lang]}{overview}", wait_until="load")
        phone.evaluate(NEXT_FRAMES)  # the script measures the table a frame after load
        cue = phone.locator(".fh-scroll-cue")
        right, width = phone.evaluate(LAST_COLUMN)
        if right <= width + 1:
            assert not cue.is_visible(), f"{overview}: a cue over a table that fits"
            continue
        cued += 1
        assert cue.is_visible() and cue.inner_text() == words, overview
        box = phone.locator(".md-typeset__scrollwrap").first
        assert "fh-scroll-more" in (box.get_attribute("class") or "")
        # scrolled to its end, the last column shows and the cue goes
        box.evaluate("(box) => { box.scrollLeft = box.scrollWidth; }")
        phone.wait_for_function("() => document.querySelector('.fh-scroll-cue').hidden")
        right, width = phone.evaluate(LAST_COLUMN)
        assert right <= width + 1, overview
    # the partnerships table, among others, is wider than a phone
    assert cued >= 1


def test_a_table_box_takes_focus_only_while_it_scrolls(phone: Page, site_url: str) -> None:
    """scroll-focus.js: a box that scrolls sideways must be reachable by keyboard (WCAG 2.1.1);
    one that fits is not a tab stop. It follows the window's width."""
    phone.goto(f"{site_url}/models/index.html", wait_until="load")
    box = phone.locator(".md-typeset__scrollwrap").first
    expect(box).to_have_attribute("tabindex", "0")
    phone.set_viewport_size({"width": 1280, "height": 844})
    expect(box).not_to_have_attribute("tabindex", "0")
    phone.set_viewport_size({"width": 390, "height": 844})
    expect(box).to_have_attribute("tabindex", "0")
