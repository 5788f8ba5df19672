"""What a reader downloads (issue 15), for `make bench`: the hub's site against the bare build.

- opening a page: gzip bytes of its HTML and of every stylesheet and script it loads before any
  interaction; in the bare build Material's search worker also fetches its lunr index at once;
- the first search for a word: the hub's is measured in chromium (every file under pagefind/
  that the page asks for until the results show); Material's lunr search needs its worker, lunr's
  language files and the whole index, whatever the word.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.conftest: the static host and chromium's settings

STYLESHEET = re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"')
SCRIPT = re.compile(r'<script[^>]+src="([^"]+)"')
WORKER = re.compile(r'"search": "([^"]+)"')
WORD = re.compile(r"[A-Za-zÆØÅæøå]{6,}")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def file_gzip(site: Path, relative: str) -> int:
    path = site / relative.split("?")[0].split("#")[0]
    return gzip_size(path.read_bytes()) if path.is_file() else 0


def open_weight(site: Path, page: str) -> int:
    """gzip bytes to open `page` (relative to site/): HTML, CSS, JS, and a lunr index at load."""
    path = site / page
    if not path.is_file():
        return 0
    html = path.read_text(encoding="utf-8")
    folder = Path(page).parent
    total = gzip_size(html.encode())
    for url in STYLESHEET.findall(html) + SCRIPT.findall(html):
        total += file_gzip(site, str(folder / url))
    return total + lunr_at_load(site, html, folder)


def lunr_at_load(site: Path, html: str, folder: Path) -> int:
    """Material's search worker starts with the page and fetches the whole lunr index."""
    worker = WORKER.search(html)
    index = site / "search" / "search_index.json"
    if not worker or not index.is_file() or 'name="search"' not in html:
        return 0
    return file_gzip(site, str(folder / worker.group(1))) + lunr_index_weight(site)


def lunr_index_weight(site: Path) -> int:
    """The lunr index and the language files the worker loads for it."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return 0
    languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    extras = ["lunr.stemmer.support.min.js", "lunr.multi.min.js", "wordcut.js"]
    extras += [f"lunr.{lang}.min.js" for lang in languages if lang != "en"]
    return gzip_size(index.read_bytes()) + sum(
        gzip_size((lunr / name).read_bytes()) for name in extras if (lunr / name).is_file()
    )


def pagefind_first_search(site: Path, page: str, word: str) -> int:
    """gzip bytes of every pagefind/ file chromium fetches from opening the dialog on `page` to
    the first results for `word`."""
    from playwright.sync_api import sync_playwright

    from familyhub.site.headers import security_headers
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serving

    with serving(site, security_headers(site)) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page()
        asked: list[str] = []
        tab.on("request", lambda request: asked.append(request.url.removeprefix(url + "/")))
        tab.goto(f"{url}/{page}")
        tab.click(".fh-search__open")
        tab.keyboard.type(word)
        tab.locator(".fh-search__status:not(:empty)").wait_for()
        tab.wait_for_load_state("networkidle")
        browser.close()
    return sum(file_gzip(site, path) for path in set(asked) if path.startswith("pagefind/"))


def words(site: Path) -> tuple[str, str]:
    """A common word of the default language ("kommune") and a rare one: the longest word of the
    title of the last partnership page."""
    pages = sorted((site / "partnerships").glob("*.html"))
    pages = [page for page in pages if page.name != "index.html"]
    if not pages:
        return "kommune", "kommune"
    title = re.search(r"<h1[^>]*>(.*?)</h1>", pages[-1].read_text(encoding="utf-8"), re.S)
    found = WORD.findall(re.sub(r"<[^>]+>", " ", title.group(1))) if title else []
    return "kommune", max(found, key=len) if found else "kommune"


def guide_page(site: Path) -> str:
    guides = sorted(p.name for p in (site / "guides").glob("*.html"))
    chosen = [name for name in guides if name not in ("index.html", "plan.html")]
    return f"guides/{chosen[0]}" if chosen else "guides/index.html"


def measure(full: Path, bare: Path) -> dict[str, tuple[int, int]]:
    """figure -> (hub, bare build), in bytes."""
    pages = {"home": "index.html", "overview": "partnerships/index.html", "guide": guide_page(full)}
    figures = {
        f"open {name}": (open_weight(full, page), open_weight(bare, page))
        for name, page in pages.items()
    }
    common, rare = words(full)
    lunr = lunr_index_weight(bare)
    figures["first search, common word"] = (pagefind_first_search(full, "index.html", common), lunr)
    figures["first search, rare word"] = (pagefind_first_search(full, "index.html", rare), lunr)
    return figures
