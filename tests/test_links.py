"""Every internal link and anchor of the built site resolves; external links are listed only."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import ROOT, SITE_YML

# the shared build's PDFs are made beside the first tests of its pages: these wait for them
pytestmark = pytest.mark.usefixtures("built_pdfs")

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
# the site's own address (issue 21): its canonical and alternate links are internal links
SITE_URL = SITE_YML["site_url"]


class Anchors(HTMLParser):
    """Collects the ids a page offers and the links it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.base = ""  # <base href>, against which the page's links resolve

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name):
                self.ids.add(attributes[name] or "")
        if tag in ("a", "link", "area") and attributes.get("href"):
            self.links.append(attributes["href"] or "")
        if tag in ("script", "img", "source", "iframe") and attributes.get("src"):
            self.links.append(attributes["src"] or "")
        if tag in ("img", "source") and attributes.get("srcset"):
            self.links += [each.split()[0] for each in (attributes["srcset"] or "").split(",")]
        if tag == "form" and attributes.get("action"):
            self.links.append(attributes["action"] or "")
        if tag == "base" and attributes.get("href"):
            self.base = attributes["href"] or ""
        self.links += CSS_URL.findall(attributes.get("style") or "")


def css_links(stylesheet: Path) -> Anchors:
    """A stylesheet's url()s, as links of a page without ids."""
    anchors = Anchors()
    anchors.links = CSS_URL.findall(stylesheet.read_text(encoding="utf-8"))
    return anchors


def parse_site(site: Path) -> dict[Path, Anchors]:
    parsed = {}
    for page in site.rglob("*.html"):
        anchors = Anchors()
        anchors.feed(page.read_text(encoding="utf-8"))
        parsed[page.resolve()] = anchors
    for stylesheet in site.rglob("*.css"):
        parsed[stylesheet.resolve()] = css_links(stylesheet)
    return parsed


def broken_links(site: Path) -> tuple[list[str], set[str], int]:
    """(broken internal links as 'page -> link', external links, HTML pages scanned)"""
    pages = parse_site(site)
    broken, external = [], set()
    for page, anchors in pages.items():
        folder = page.parent
        if anchors.base:  # a path from the site's root (scripts/not_found.py)
            folder = site.resolve() / urlsplit(anchors.base).path.lstrip("/")
        for link in anchors.links:
            if link.startswith(SITE_URL):
                link = "/" + link.removeprefix(SITE_URL)
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                if parts.scheme in ("http", "https"):
                    external.add(link)
                continue
            base = site.resolve() if parts.path.startswith("/") else folder
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            shown = f"{page.relative_to(site.resolve())} -> {link}"
            if not target.exists():
                broken.append(shown)
            elif (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in pages[target].ids
            ):
                broken.append(shown + " (no such anchor)")
    return broken, external, sum(page.suffix == ".html" for page in pages)


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken, external, scanned = broken_links(built_site)
    # every entity of data/ has a page in each of the three languages
    entities = list((ROOT / "data").glob("*/*.yml"))
    assert scanned >= 3 * len(entities) > 1000, (scanned, len(entities))
    # beside the test build, never into the repository
    report = built_site.parent / "reports" / "external-links.txt"
    report.parent.mkdir(exist_ok=True)
    report.write_text("".join(f"{url}\n" for url in sorted(external)), encoding="utf-8")
    print(f"{len(external)} external links listed in {report}")
    assert broken == [], broken[:20]


def test_a_broken_link_and_anchor_are_caught(tmp_path: Path) -> None:
    """Guards the test above."""
    (tmp_path / "a.html").write_text('<a href="b.html#here">b</a><a href="c.html">c</a>')
    (tmp_path / "b.html").write_text('<h1 id="there">b</h1>')
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "e.html").write_text(
        '<base href="/d/"><img srcset="b.html 1x, f.png 2x"><form action="g.html"></form>'
        '<p style="background: url(\'h.png\')"></p><a href="e.html">here</a>'
    )
    (tmp_path / "s.css").write_text("p { background: url(i.svg) } q { background: url(data:x) }")
    broken, _, scanned = broken_links(tmp_path)
    assert scanned == 3
    assert sorted(broken) == [
        "a.html -> b.html#here (no such anchor)",
        "a.html -> c.html",
        "d/e.html -> b.html",  # resolved against <base>, not the root
        "d/e.html -> f.png",
        "d/e.html -> g.html",
        "d/e.html -> h.png",
        "s.css -> i.svg",
    ]
