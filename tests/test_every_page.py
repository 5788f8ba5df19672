"""One page of every template in every language, and every hand-written page, in a real browser:
private, error-free and accessible at 1280 px; and on a phone, WCAG 2.1 AA's reflow (1.4.10):
content fits 320 CSS px without scrolling sideways (a wide table scrolls inside its own box,
which the criterion allows). (The cheap checks stay on every page: links in test_links.py, other
hosts in test_site.py, the Nu checker in test_html_valid.py.)

axe runs on the default language's page of each template, at 1280 and at 320 px: a page of
another language has the same template, styles and scripts with other words (that every word is
in the page's language is test_one_language.py's), so what can differ is what the browser meets
while loading it and the width of its words, which are checked in every language. axe was four
fifths of the sweep's time, and chromium's share of the machine is the suite's largest."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response

from familyhub.data.kinds import FOLDER_OF_KIND

from .conftest import AXE_URL_PATH, ROOT
from .site_pages import languages, pages_by_template, representative_pages, split_language

# the hand-written pages, Danish (default) names: each is its own template
HAND_WRITTEN = [page for page in (ROOT / "docs").glob("*.md") if page.stem.count(".") == 0]

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 320, "height": 640}


@dataclass
class Findings:
    """What went wrong while one page loaded, by kind."""

    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    axe_violations: list[str] = field(default_factory=list)
    too_wide: list[str] = field(default_factory=list)  # at 320 px
    phone_axe_violations: list[str] = field(default_factory=list)

    def merge(self, page: str, other: Findings) -> None:
        for name in (
            "foreign_requests",
            "failed_requests",
            "console_errors",
            "axe_violations",
            "too_wide",
            "phone_axe_violations",
        ):
            getattr(self, name).extend(f"{page}: {item}" for item in getattr(other, name))


def watch(page: Page, origin: str) -> Findings:
    findings = Findings()

    def on_request(request: Request) -> None:
        parsed = urlparse(request.url)
        if parsed.scheme in ("http", "https") and f"{parsed.scheme}://{parsed.netloc}" != origin:
            findings.foreign_requests.append(request.url)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            findings.failed_requests.append(f"{response.status} {response.url}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            findings.console_errors.append(message.text)

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", lambda request: findings.failed_requests.append(request.url))
    page.on("console", on_console)
    page.on("pageerror", lambda error: findings.console_errors.append(str(error)))
    return findings


def axe_violations(page: Page) -> list[str]:
    page.add_script_tag(url=AXE_URL_PATH)
    options = {"runOnly": {"type": "tag", "values": WCAG_AA}}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


@pytest.fixture(scope="module")
def sweep(built_site: Path, site_url: str, browser: Browser) -> Iterator[tuple[Findings, int]]:
    """Open each representative page at 1280 px and at 320 px; collect every finding of every
    kind."""
    total = Findings()
    pages = representative_pages(built_site)
    default = next(code for code, prefix in languages().items() if not prefix)
    wide, phone = browser.new_context(), browser.new_context(viewport=PHONE)
    for relative in pages:
        in_default = split_language(PurePosixPath(relative))[0] == default
        page = wide.new_page()
        findings = watch(page, site_url)
        page.goto(f"{site_url}/{relative}", wait_until="load")
        if in_default:
            findings.axe_violations = axe_violations(page)
            # axe at 320 px on a page opened on a phone, as a reader's would be
            page.close()
            page = phone.new_page()
            page.goto(f"{site_url}/{relative}", wait_until="load")
            findings.phone_axe_violations = axe_violations(page)
        else:
            # the width alone: the page narrowed to a phone's, as a turned tablet or a zoom does
            page.set_viewport_size(PHONE)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            findings.too_wide.append(f"{width} px wide")
        page.close()
        total.merge(relative, findings)
    wide.close()
    phone.close()
    yield total, len(pages)


def test_sweep_covers_every_template_in_every_language(built_site: Path) -> None:
    """Every kind's page and overview, the plan page and each hand-written page, per language."""
    expected = {f"hand-written {page.stem.split('.')[0]}.html" for page in HAND_WRITTEN}
    expected |= set(FOLDER_OF_KIND) | {f"{kind} overview" for kind in FOLDER_OF_KIND}
    expected |= {"plan page"}
    groups = pages_by_template(built_site)
    for lang in languages():
        found = {template for code, template in groups if code == lang}
        assert expected == found, sorted(expected ^ found)
    # 9 kinds, each a page and an overview, the plan page and 5 hand-written pages (with the 404
    # page), counted by hand on 7 December 2026, in each of the 3 languages
    assert len(expected) == 9 * 2 + 1 + 5 and len(languages()) == 3
    assert len(groups) == len(expected) * len(languages())


def test_no_request_to_another_host(sweep: tuple[Findings, int]) -> None:
    assert sweep[0].foreign_requests == []


def test_no_failed_request(sweep: tuple[Findings, int]) -> None:
    assert sweep[0].failed_requests == []


def test_no_console_error(sweep: tuple[Findings, int]) -> None:
    assert sweep[0].console_errors == []


def test_axe_finds_no_wcag_21_aa_violation(sweep: tuple[Findings, int]) -> None:
    violations = sweep[0].axe_violations
    assert violations == [], json.dumps(violations[:20], indent=1, ensure_ascii=False)


def test_every_template_fits_a_phone(sweep: tuple[Findings, int]) -> None:
    findings, opened = sweep
    assert findings.too_wide == []
    assert findings.phone_axe_violations == [], json.dumps(
        findings.phone_axe_violations[:20], indent=1, ensure_ascii=False
    )
    assert opened == 24 * 3  # test_sweep_covers_every_template_in_every_language counts them
