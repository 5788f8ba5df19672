"""Privacy and safety in the browser: the site works under its CSP, injected text never runs,
and no tool writes into data/ or over hand-written pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from familyhub.cli.main import main
from familyhub.site.headers import (
    NETLIFY_FILE,
    NGINX_FILE,
    inline_script_hashes,
    security_headers,
)

from .conftest import PREFIX, ROOT, InjectedProject, serving, tracked_checksums
from .test_search_dialog import IMAGE_FAILED


@pytest.mark.browser
def test_a_page_breaking_the_policy_is_reported(page: Page, tmp_path: Path) -> None:
    """Guards the CSP sweep: an unlisted inline script is blocked and shows as a console error."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><html lang=en><title>x</title><script>document.title='ran'</script></html>"
    )
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    with serving(tmp_path, security_headers(tmp_path / "empty")) as url:
        page.goto(f"{url}/index.html")
    assert page.title() == "x"
    assert any("Content Security Policy" in error for error in errors)


@pytest.mark.browser
def test_search_works_under_the_policy(page: Page, site_url: str) -> None:
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(f"{site_url}/en/index.html")
    page.get_by_role("button", name="Search").click()
    # Pagefind compiles WebAssembly and fetches its index: the policy must allow both
    page.get_by_role("searchbox", name="Words to search for").fill("Esbjerg")
    page.locator(".fh-search__result").first.wait_for()
    assert "Esbjerg" in page.locator(".fh-search__results").inner_text()
    assert errors == []


@pytest.fixture
def injected_site(injected_project: InjectedProject) -> Iterator[str]:
    """The shared injected build (tests/injected.py) served under its security headers."""
    site = injected_project.site
    with serving(site, security_headers(site)) as url:
        yield url


@pytest.mark.browser
def test_injected_text_is_shown_never_run(page: Page, injected_site: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{injected_site}/en/cases/familiens-hus-esbjerg.html")
    article = page.locator("article").inner_text()
    assert "<script>alert('x')</script>" in article
    assert "{{ 7*7 }}" in article and "49" not in article
    assert (
        page.locator("article script, article img[onerror], article a[href^='javascript']").count()
        == 0
    )
    page.locator("article").get_by_text("click me").first.click()
    # an image of the injected <img>'s address has failed to load: had that <img>, the click or
    # an attribute become code, its alert would have come by now
    assert page.evaluate(IMAGE_FAILED)
    assert page.url.endswith("/en/cases/familiens-hus-esbjerg.html")
    assert dialogs == []
    assert "<script>" in page.title()


def test_tools_never_write_into_data_or_over_tracked_pages(
    injected_project: InjectedProject,
) -> None:
    """`make site` (the shared injected build) and `familyhub check` leave data/ and docs/ as
    they were: the build wrote only git-ignored folders."""
    project = injected_project.root
    assert injected_project.tracked_before == injected_project.tracked_after
    assert {"data/site.yml", "docs/index.md"} <= set(injected_project.tracked_before)
    assert main(["--data", str(project / "data"), "check"]) == 0
    assert tracked_checksums(project) == injected_project.tracked_before
    assert sorted(p.name for p in (project / "data").iterdir()) == sorted(
        p.name for p in (ROOT / "data").iterdir()
    )


def test_build_writes_security_header_files(built_site: Path) -> None:
    """built_site is a real `make site` (conftest.py), so it has the files: no second build."""
    netlify = (built_site / NETLIFY_FILE).read_text()
    # WebAssembly for the search (Pagefind), and still no other eval and no inline script
    script_src = "script-src 'self' 'wasm-unsafe-eval' 'sha256-"
    assert f"Content-Security-Policy: default-src 'self'; {script_src}" in netlify
    assert "'unsafe-eval'" not in netlify and "'unsafe-inline'" not in netlify
    assert "add_header Content-Security-Policy" in (built_site / NGINX_FILE).read_text()


def test_only_code_is_hashed_into_the_policy(tmp_path: Path) -> None:
    """Data blocks (JSON-LD, the overviews' JSON) are not code: hashed, each page's JSON-LD put
    a hash per page into the header, 73 kB, which HTTP clients refuse ('Header overflow')."""
    (tmp_path / "a.html").write_text(
        '<script>run()</script><script type="module">go()</script>'
        '<script type="application/ld+json">{"a": 1}</script>'
        '<script id="__config" type="application/json">{}</script>'
        '<script data-type="x" type="text/JavaScript">old()</script>',
        encoding="utf-8",
    )
    assert len(inline_script_hashes(tmp_path)) == 3


NGINX_LOCATION = re.compile(r"^location (\S+) \{ error_page 404 (\S+); \}$")
NGINX_DEFAULT = re.compile(r"^error_page 404 (\S+);$")


def nginx_error_page(snippet: str, path: str) -> str:
    """The 404 page nginx answers a miss at `path` with: the longest matching prefix location's,
    else the server's own."""
    locations, default = [], ""
    for line in snippet.splitlines():
        if match := NGINX_LOCATION.match(line):
            locations.append((match[1], match[2]))
        elif match := NGINX_DEFAULT.match(line):
            default = match[1]
    matching = [(len(prefix), page) for prefix, page in locations if path.startswith(prefix)]
    return max(matching)[1] if matching else default


@pytest.mark.parametrize("lang", PREFIX)
def test_the_nginx_snippet_sends_each_languages_misses_to_its_own_404(
    built_site: Path, lang: str
) -> None:
    """README: the nginx snippet sends each language's misses to its 404 page."""
    snippet = (built_site / NGINX_FILE).read_text()
    for missing in (f"/{PREFIX[lang]}gone.html", f"/{PREFIX[lang]}partnerships/gone/deeper.html"):
        page = nginx_error_page(snippet, missing)
        assert page.startswith("/") and page.endswith("/404.html"), (missing, page)
        answer = (built_site / page.lstrip("/")).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in answer, (missing, page)
