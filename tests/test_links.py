"""Every internal link and anchor of the built site resolves; external links are listed only."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .conftest import SITE_YML

# the site's own address (issue 21): its canonical and alternate links are internal links
SITE_URL = SITE_YML["site_url"]


class Anchors(HTMLParser):
    """Collects the ids a page offers and the links it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name):
                self.ids.add(attributes[name] or "")
        if tag in ("a", "link", "area") and attributes.get("href"):
            self.links.append(attributes["href"] or "")
        if tag in ("script", "img", "source", "iframe") and attributes.get("src"):
            self.links.append(attributes["src"] or "")


def parse_site(site: Path) -> dict[Path, Anchors]:
    parsed = {}
    for page in site.rglob("*.html"):
        anchors = Anchors()
        anchors.feed(page.read_text(encoding="utf-8"))
        parsed[page.resolve()] = anchors
    return parsed


def broken_links(site: Path) -> tuple[list[str], set[str]]:
    """(broken internal links as 'page -> link', external links)"""
    pages = parse_site(site)
    broken, external = [], set()
    for page, anchors in pages.items():
        for link in anchors.links:
            if link.startswith(SITE_URL):
                link = "/" + link.removeprefix(SITE_URL)
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                if parts.scheme in ("http", "https"):
                    external.add(link)
                continue
            base = site.resolve() if parts.path.startswith("/") else page.parent
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
    return broken, external


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken, external = broken_links(built_site)
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
    broken, _ = broken_links(tmp_path)
    assert sorted(broken) == ["a.html -> b.html#here (no such anchor)", "a.html -> c.html"]
