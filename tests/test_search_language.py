"""Search in the reader's language (Pagefind, issue 15): Danish pages search Danish pages, English
pages English ones, inflected words find their pages (Pagefind's stemmer per `<html lang>`), and
nothing of the search loads before the reader types."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import tinyhtml5
from playwright.sync_api import Page

from familyhub.site.headers import security_headers
from familyhub.site.search import build_index

from .conftest import EDITOR_FOLDER, PREFIX, SITE_YML, language_pages, serving

RESULT_LINKS = ".fh-search__results a"
# every result of a query, through the page's own pagefind.js (the dialog lists ten at a time)
ALL_RESULTS = """async (query) => {
  const root = new URL(document.querySelector(".fh-search").dataset.root, document.baseURI);
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  const found = await pagefind.search(query);
  const pages = await Promise.all(found.results.map((result) => result.data()));
  return pages.map((data) => data.url);
}"""


OPEN = {language["code"]: language["labels"]["search-open"] for language in SITE_YML["languages"]}


def open_search(page: Page, start: str) -> None:
    page.goto(start)
    page.get_by_role("button", name=OPEN[page.evaluate("document.documentElement.lang")]).click()


def search(page: Page, start: str, query: str) -> list[str]:
    """Paths the dialog lists for `query`, typed into the search box of page `start`."""
    open_search(page, start)
    page.keyboard.type(query)
    page.locator(".fh-search__status:not(:empty)").wait_for()
    links = page.locator(RESULT_LINKS)
    return [urlparse(links.nth(i).get_attribute("href") or "").path for i in range(links.count())]


def search_all(page: Page, start: str, query: str) -> list[str]:
    """Paths of every page Pagefind finds for `query` from page `start`."""
    page.goto(start)
    return [urlparse(url).path for url in page.evaluate(ALL_RESULTS, query)]


def content_pages(folder: Path) -> set[str]:
    return {
        str(path.relative_to(folder))
        for path in folder.glob("**/*.html")
        if path.name != "404.html"
        and not {"pagefind", EDITOR_FOLDER} & set(path.relative_to(folder).parts)
    }


def test_every_page_is_in_exactly_one_language_index(built_site: Path) -> None:
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text())
    languages = entry["languages"]
    assert set(languages) == set(PREFIX)
    # each language searched with its own stemmer, not Pagefind's language-less fallback
    for code in PREFIX:
        assert languages[code]["wasm"] == code
        assert (built_site / "pagefind" / f"wasm.{code}.pagefind").is_file()
    others = {code: content_pages(built_site / prefix) for code, prefix in PREFIX.items() if prefix}
    default = content_pages(built_site) - {
        f"{PREFIX[code]}{path}" for code, pages in others.items() for path in pages
    }
    for code, pages in {**others, "da": default}.items():
        assert languages[code]["page_count"] == len(pages), code


def test_material_search_index_and_worker_are_gone(built_site: Path) -> None:
    assert not (built_site / "search" / "search_index.json").exists()
    assert not (built_site / "en" / "search").exists()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "familyhub-search.js" in home and "workers/familyhub-search.js" not in home


# a language, an inflected word, its base form, and a page about it that uses the base form
# (issue 13: the Norwegian ones found with Pagefind's Norwegian stemmer on pages in bokmål)
INFLECTED = [
    ("da", "familiehusene", "familiehus", "/models/family-house.html"),
    ("da", "frivillige", "frivillig", "/organisations/center-for-frivilligt-socialt-arbejde.html"),
    ("da", "kommunernes", "kommune", "/municipalities/index.html"),
    (
        "nb",
        "familiekontaktene",
        "familiekontakt",
        "/nb/evaluations/home-start-evaluering-2014.html",
    ),
    ("nb", "kommunene", "kommune", "/nb/municipalities/index.html"),
]


def language_of(path: str) -> str:
    """The language of a page's address: its folder's, or the default language's."""
    folders = {prefix.rstrip("/"): code for code, prefix in PREFIX.items() if prefix}
    default = next(code for code, prefix in PREFIX.items() if not prefix)
    return folders.get(path.strip("/").split("/")[0], default)


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "inflected", "base", "about"), INFLECTED)
def test_search_finds_inflected_words_in_pages_of_its_own_language_only(
    page: Page, site_url: str, lang: str, inflected: str, base: str, about: str
) -> None:
    start = f"{site_url}/{PREFIX[lang]}cases/index.html"
    paths = search_all(page, start, inflected)
    assert about in paths, paths
    assert {language_of(path) for path in paths} == {lang}, paths
    # the inflected form finds every page the base form finds
    assert set(search_all(page, start, base)) <= set(paths)


@pytest.mark.browser
def test_the_dialog_lists_danish_results_with_marked_words(page: Page, site_url: str) -> None:
    paths = search(page, f"{site_url}/cases/index.html", "familiehusene")
    assert "/models/family-house.html" in paths and len(paths) <= 10
    assert {language_of(path) for path in paths} == {"da"}, paths
    first = page.locator(".fh-search__result").first
    assert first.locator(".fh-search__result-title").inner_text().strip()
    assert first.locator(".fh-search__excerpt mark").count() >= 1
    assert "sider passer til søgningen" in page.locator(".fh-search__status").inner_text()


@pytest.mark.browser
def test_english_search_lists_english_pages_only(page: Page, site_url: str) -> None:
    paths = search(page, f"{site_url}/en/cases/index.html", "volunteers")
    assert paths
    assert all(path.startswith("/en/") for path in paths), paths
    assert set(paths) <= set(search_all(page, f"{site_url}/en/cases/index.html", "volunteers"))
    # a Danish word that English pages do not use finds nothing Danish from an English page
    danish_only = search_all(page, f"{site_url}/en/index.html", "kommunernes")
    assert all(path.startswith("/en/") for path in danish_only), danish_only


STEM_PAGE = """<!doctype html><html lang="{lang}"><head><title>{lang}</title></head><body>
<main data-pagefind-body><h1>Side {lang}</h1><p>{text}</p></main></body></html>"""


@pytest.fixture
def stem_site(tmp_path: Path) -> Iterator[str]:
    """Pages in nb, da, en and a language Pagefind has no stemmer for, each using base forms."""
    texts = {
        "nb": "familiekontakt frivillig",
        "da": "familiehus kommune",
        "en": "volunteer family",
        "xx": "familiekontakt frivillig",
    }
    for lang, text in texts.items():
        folder = tmp_path / lang
        folder.mkdir()
        (folder / "index.html").write_text(STEM_PAGE.format(lang=lang, text=text), "utf-8")
        probe = '<div class="fh-search" data-root="../"></div>'
        (folder / "probe.html").write_text(
            f'<!doctype html><html lang="{lang}"><title>p</title>{probe}</html>', "utf-8"
        )
    build_index(tmp_path)
    with serving(tmp_path, security_headers(tmp_path)) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "inflected", "found"),
    [
        ("nb", "familiekontaktene", True),
        ("nb", "frivillige", True),
        ("da", "familiehusene", True),
        ("da", "kommunernes", True),
        ("en", "volunteers", True),
        # no stemmer for the language: the inflected form does not meet its base form
        ("xx", "familiekontaktene", False),
    ],
)
def test_each_language_gets_its_own_stemmer(
    page: Page, stem_site: str, lang: str, inflected: str, found: bool
) -> None:
    # quoted, Pagefind matches the word's stem only; unquoted it would also try shorter and
    # shorter prefixes of a word it does not know, and so find base forms without a stemmer
    paths = search_all(page, f"{stem_site}/{lang}/probe.html", f'"{inflected}"')
    assert (f"/{lang}/index.html" in paths) is found, paths
    assert all(path.startswith(f"/{lang}/") for path in paths), paths


def indexed_text(page: Path) -> str:
    """The text of a built page's data-pagefind-body element, what Pagefind indexes of it."""
    root = tinyhtml5.parse(page.read_text(encoding="utf-8"))
    body = next(e for e in root.iter() if e.get("data-pagefind-body") is not None)
    return " ".join(body.itertext())


@pytest.mark.browser
def test_only_the_page_body_is_indexed(page: Page, site_url: str, built_site: Path) -> None:
    """README: only `data-pagefind-body` is indexed. The footer of every page names the
    accessibility statement; the word finds only the pages whose own text uses it."""
    word = "tilgængelighedserklæring"
    danish = language_pages(built_site, "da")
    footers = [path for path in danish if word in path.read_text(encoding="utf-8").lower()]
    assert len(footers) == len(danish) > 300, (len(footers), len(danish))
    paths = search_all(page, f"{site_url}/index.html", word)
    assert 0 < len(paths) < 10, paths
    for path in paths:
        assert word in indexed_text(built_site / path.lstrip("/")).lower(), path
