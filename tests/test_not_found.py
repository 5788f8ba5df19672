"""A 404 page per language (issue 12), wholly in that language, whose links work wherever the site
is hosted: the shared injected build, whose `site_url` is under /hub/, served there, as a
municipal web hotel would, with each language's misses answered by its own 404 page as
site/_redirects says."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from .conftest import INJECTED_SITE_URL, PREFIX, SITE_YML, InjectedProject

FOLDER = "/hub/"
TITLES = {"da": "Siden findes ikke", "en": "Page not found", "nb": "Siden finnes ikke"}
MISSING = {
    lang: f"{FOLDER}{prefix}partnerships/gone/deeper.html" for lang, prefix in PREFIX.items()
}


class SubFolderHost(http.server.SimpleHTTPRequestHandler):
    """Serves site/ under /hub/; a miss gets the 404 page _redirects names for its folder."""

    rules: ClassVar[list[tuple[str, str]]] = []
    site: ClassVar[Path] = Path()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.path.split("?")[0].split("#")[0]
        if path.startswith(FOLDER):
            self.path = "/" + path.removeprefix(FOLDER)
            target = Path(self.translate_path(self.path))
            if target.is_file() or (target.is_dir() and (target / "index.html").is_file()):
                return super().send_head()
        address = next(address for folder, address in self.rules if path.startswith(folder))
        body = (self.site / address.removeprefix(FOLDER)).read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def hub_url(injected_project: InjectedProject) -> Iterator[str]:
    """The shared injected build (conftest.py), published for /hub/, served there."""
    site = injected_project.site
    assert urlsplit(INJECTED_SITE_URL).path == FOLDER
    rules = [line.split() for line in (site / "_redirects").read_text().splitlines()]
    assert [rule[2] for rule in rules] == ["404"] * len(PREFIX)
    host = type(
        "Host",
        (SubFolderHost,),
        {"rules": [(folder.rstrip("*"), address) for folder, address, _ in rules], "site": site},
    )
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(host, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# every link of the page, resolved by the browser against the page's <base>
LINKS = """() => Array.from(document.querySelectorAll("a[href]")).map((a) => ({
  href: a.href, lang: a.getAttribute("hreflang"), text: a.textContent.trim()
}))"""


@pytest.mark.parametrize("lang", TITLES)
def test_each_language_has_its_own_404_whose_links_work_under_a_sub_folder(
    browser: Browser, hub_url: str, lang: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(hub_url + MISSING[lang], wait_until="load")
    assert response is not None and response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("article h1").inner_text().rstrip("¶") == TITLES[lang]
    # the missing page itself is the only failed request: styles, scripts, search all load
    assert failed == [hub_url + MISSING[lang]]
    assert errors == []
    root = f"{hub_url}{FOLDER}{PREFIX[lang]}"
    others = {code: f"{hub_url}{FOLDER}{PREFIX[code]}" for code in PREFIX if code != lang}
    local = [link for link in page.evaluate(LINKS) if link["href"].startswith(hub_url)]
    assert len(local) > 15
    # issue 21: under the <base>, a link to the page's own heading led to the home page
    assert [link for link in local if "#" in link["href"]] == []
    for link in local:
        if link["lang"] in others:
            # the language switch: the other language's 404
            assert link["href"] == f"{others[link['lang']]}404.html", link
            continue
        href = link["href"].split("#")[0]
        assert href.startswith(root), link
        assert not any(
            href.startswith(other) for other in others.values() if not root.startswith(other)
        ), link
        status = page.request.get(href).status
        assert status == 200 or href.endswith("404.html"), f"{link} answers {status}"
    context.close()


SEARCH = {language["code"]: language["labels"]["search-open"] for language in SITE_YML["languages"]}


@pytest.mark.parametrize("lang", TITLES)
def test_the_404_search_finds_pages_of_its_own_language(
    browser: Browser, hub_url: str, lang: str
) -> None:
    page = browser.new_page()
    page.goto(hub_url + MISSING[lang], wait_until="load")
    page.get_by_role("button", name=SEARCH[lang]).click()
    page.keyboard.type("Holbæk")
    page.locator(".fh-search__status:not(:empty)").wait_for()
    links = page.locator(".fh-search__results a")
    hrefs = links.evaluate_all("(links) => links.map((a) => a.href)")
    assert hrefs
    for href in hrefs:
        assert href.startswith(f"{hub_url}{FOLDER}"), href
        in_language = [
            code
            for code in PREFIX
            if PREFIX[code] and href.startswith(f"{hub_url}{FOLDER}{PREFIX[code]}")
        ]
        assert in_language == ([lang] if PREFIX[lang] else []), href
    page.close()
