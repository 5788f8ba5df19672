"""Search in the reader's language: Danish pages search Danish pages, English pages English ones,
and inflected Danish words find their pages (Material's lunr stemmers for da and en)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"


def search(page: Page, start: str, query: str) -> list[str]:
    """Paths of the documents Material's search lists for `query`, typed on page `start`."""
    page.goto(start)
    page.click("input.md-search__input")
    # Material searches on keyup; a keyup before the worker has loaded the index is answered
    # with nothing, so ask again until results come (or give up: the caller's asserts judge)
    page.fill("input.md-search__input", query)
    links = page.locator(RESULT_LINKS)
    for _ in range(40):
        page.press("input.md-search__input", "End")
        page.wait_for_timeout(250)
        if links.count():
            break
    return [urlparse(links.nth(i).get_attribute("href") or "").path for i in range(links.count())]


def test_every_page_is_in_exactly_one_language_index(built_site: Path) -> None:
    danish = json.loads((built_site / "search" / "search_index.json").read_text())
    english = json.loads((built_site / "en" / "search" / "search_index.json").read_text())
    assert danish["config"]["lang"] == ["da"] and english["config"]["lang"] == ["en"]
    assert "stemmer" in danish["config"]["pipeline"]
    da_pages = {doc["location"].split("#")[0] for doc in danish["docs"]}
    en_pages = {doc["location"].split("#")[0] for doc in english["docs"]}
    assert "index.html" in da_pages and "index.html" in en_pages
    assert not any(location.startswith("en/") for location in da_pages)
    built_da = {str(p.relative_to(built_site)) for p in built_site.glob("**/*.html")}
    built_en = {
        str(p.relative_to(built_site / "en")) for p in (built_site / "en").glob("**/*.html")
    }
    assert da_pages <= built_da and en_pages <= built_en
    assert len(da_pages) == len(en_pages)


def test_the_search_workers_named_in_the_override_exist(built_site: Path) -> None:
    # overrides/main.html names Material's worker file, whose name changes with Material
    page = (built_site / "index.html").read_text(encoding="utf-8")
    worker = page.split('"search": "', 1)[1].split('"', 1)[0]
    ours, material = worker.split("?material=")
    assert ours == "assets/javascripts/workers/familyhub-search.js"
    assert (built_site / ours).is_file()
    assert (built_site / "assets" / "javascripts" / "workers" / material).is_file(), material


# an inflected word, its base form, and a page about it that uses the base form
INFLECTED = [
    ("familiehusene", "familiehus", "/models/family-house.html"),
    ("frivillige", "frivillig", "/organisations/center-for-frivilligt-socialt-arbejde.html"),
    ("kommunernes", "kommune", "/municipalities/index.html"),
]


@pytest.mark.browser
@pytest.mark.parametrize(("inflected", "base", "about"), INFLECTED)
def test_danish_search_finds_inflected_words_in_danish_pages_only(
    page: Page, site_url: str, inflected: str, base: str, about: str
) -> None:
    paths = search(page, f"{site_url}/cases/index.html", inflected)
    assert about in paths, paths
    assert not [path for path in paths if path.startswith("/en/")], paths
    # the inflected form finds every page the base form finds
    assert set(search(page, f"{site_url}/cases/index.html", base)) <= set(paths)


@pytest.mark.browser
def test_english_search_lists_english_pages_only(page: Page, site_url: str) -> None:
    paths = search(page, f"{site_url}/en/cases/index.html", "volunteers")
    assert paths
    assert all(path.startswith("/en/") for path in paths), paths
    # a Danish word that English pages do not use finds nothing Danish from an English page
    danish_only = search(page, f"{site_url}/en/index.html", "kommunernes")
    assert all(path.startswith("/en/") for path in danish_only), danish_only
