"""Privacy and safety in the browser: the site works under its CSP, injected text never runs,
and no tool writes into data/ or over hand-written pages."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from familyhub.cli.main import main
from familyhub.site.build import build_site
from familyhub.site.headers import NETLIFY_FILE, NGINX_FILE, security_headers

from .conftest import ROOT, serving
from .test_render import INJECTIONS

pytestmark = pytest.mark.browser


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
def injected_site(project: Path) -> Iterator[str]:
    path = project / "data" / "cases" / "familiens-hus-esbjerg.yml"
    document = yaml.safe_load(path.read_text())
    document["title"]["en"] = INJECTIONS["script"] + " " + INJECTIONS["img"]
    document["what_happened"]["en"] = " ".join(INJECTIONS.values())
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    assert build_site(project / "site", project / "mkdocs.yml") == 0
    with serving(project / "site", security_headers(project / "site")) as url:
        yield url


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
    page.wait_for_timeout(300)
    assert dialogs == []
    assert "<script>" in page.title()


def checksums(paths: list[Path]) -> dict[Path, str]:
    return {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths if path.is_file()}


def test_tools_never_write_into_data_or_over_tracked_pages(project: Path) -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "data", "docs"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    watched = [project / relative for relative in tracked]
    before = checksums(watched)
    assert main(["--data", str(project / "data"), "check"]) == 0
    assert build_site(project / "site", project / "mkdocs.yml") == 0
    assert checksums(watched) == before
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
