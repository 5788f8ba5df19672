"""Shared fixtures: a copy of the real project, and a real `make site` build of it."""

from __future__ import annotations

import functools
import hashlib
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from filelock import FileLock
from playwright.sync_api import Browser, Page, sync_playwright

from familyhub.data.kinds import KINDS
from familyhub.data.load import load_site_config
from familyhub.data.site_config import SiteConfig
from familyhub.pages.citation import BUILD_DATE_VARIABLE, build_date, epoch_of
from familyhub.pdf import documents
from familyhub.site.build import build_site
from familyhub.site.headers import security_headers, write_header_files

from . import pdf_step
from .injected import inject
from .register_fixtures import add_register_examples

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# As root in a container, and with no network: no sandbox, no background calls to Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_FILE = ROOT / "tests" / "tooling" / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL_PATH = "/__tests__/axe.min.js"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts", "data")
# the site's languages as data/site.yml lists them, and the folder of each one's pages in site/
SITE_YML = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))
LANGUAGE_CODES = [language["code"] for language in SITE_YML["languages"]]
PREFIX = {
    code: "" if code == SITE_YML["default_language"] else f"{code}/" for code in LANGUAGE_CODES
}


# what makes a test slow (the `slow` marker; `pytest -m "not slow"` is the quick subset): a
# fixture that builds a whole site, or a file whose tests each run builds or servers of their own
# issue 24: the web editor (Decap CMS) in site/admin/, a page of no language of the site's own
EDITOR_FOLDER = "admin"
SHARED_BUILDS = {"built_site", "injected_project"}
# the shared build's PDFs (tests/pdf_step.py), made beside the first tests of its pages
PDF_STEP_LOG = "pdf-step.log"
PDF_STEP_SECONDS = 1800
PDF_STEPS: list[subprocess.Popen[bytes]] = []  # held, so that no running step is collected
OWN_BUILDS = {"versions"}
SLOW_FILES = {"test_bench.py", "test_serve.py", "test_another_language.py", "test_lint.py"}
# files that drive chromium through Playwright without the browser fixture
BROWSER_FILES = {"test_bench.py"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by what it needs, so that the markers cannot drift from the fixtures; then
    order the files for `make test` (`--dist loadfile --no-loadscope-reorder`, which hands the
    first file to the first worker and the second to the second): a file of each shared build
    first, so that both builds start at once, one per worker; then the files that build on their
    own, then those that share a build, then those that read the shared build's PDFs (made
    meanwhile), and the many quick files last, to fill the workers' last minutes evenly."""
    cost: dict[Path, int] = {}
    starts: dict[str, Path] = {}
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        if "browser" in needs or item.path.name in BROWSER_FILES:
            item.add_marker(pytest.mark.browser)
        builds_alone = needs & OWN_BUILDS or item.path.name in SLOW_FILES
        if builds_alone or needs & SHARED_BUILDS:
            item.add_marker(pytest.mark.slow)
        reads_pdfs = "built_pdfs" in needs
        for build in sorted(needs & SHARED_BUILDS) if not reads_pdfs else ():
            starts.setdefault(build, item.path)
        rank = 2 if builds_alone else 4 if reads_pdfs else 3 if needs & SHARED_BUILDS else 5
        cost[item.path] = min(rank, cost.get(item.path, rank))
    for rank, path in enumerate(dict.fromkeys(starts[build] for build in sorted(starts))):
        cost[path] = rank
    items.sort(key=lambda item: cost[item.path])  # stable: each file keeps its own order


def pytest_sessionfinish() -> None:
    """A worker that started the shared build's PDF step ends after it: another worker's test may
    still be waiting for those PDFs."""
    for step in PDF_STEPS:
        step.wait()


def language_pages(site: Path, lang: str) -> list[Path]:
    """Every built HTML page of one language: those in its folder of site/, which for the default
    language is site/ itself less the other languages' folders."""
    others = {prefix.rstrip("/") for code, prefix in PREFIX.items() if prefix and code != lang}
    others.add(EDITOR_FOLDER)
    folder = site / PREFIX[lang]
    return sorted(
        page for page in folder.rglob("*.html") if page.relative_to(site).parts[0] not in others
    )


def copy_project(target: Path) -> Path:
    """The files a build reads, without generated pages, into target/."""
    target.mkdir(parents=True, exist_ok=True)
    ignore_generated = shutil.ignore_patterns(*KINDS)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            ignore = ignore_generated if part == "docs" else None
            shutil.copytree(source, target / part, ignore=ignore)
        else:
            shutil.copy2(source, target / part)
    # mkdocs.yml watches the templates; the package itself is installed, so a link will do
    (target / "familyhub").symlink_to(ROOT / "familyhub")
    return target


def default_language_only(project: Path) -> Path:
    """Narrow a project copy to the default language, for a test of how the build behaves rather
    than of what each language says (a third of the build time)."""
    return only_languages(project, [SITE_YML["default_language"]])


def only_languages(project: Path, codes: list[str]) -> Path:
    """Narrow a project copy to the languages a test opens (the default one among them). The
    others wait in languages_in_preparation, as a language being written does, so every text
    stays valid."""
    site_yml = project / "data" / "site.yml"
    site = yaml.safe_load(site_yml.read_text(encoding="utf-8"))
    assert site["default_language"] in codes, "the default language's pages are site/ itself"
    others = [language for language in site["languages"] if language["code"] not in codes]
    site["languages"] = [language for language in site["languages"] if language["code"] in codes]
    site["languages_in_preparation"] = others + site.get("languages_in_preparation", [])
    site_yml.write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), "utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for language in others:
        entry = re.compile(rf"\n {{8}}- locale: {language['code']}\n(?: {{10}}.*\n)*")
        text, found = entry.subn("\n", text)
        assert found == 1, f"mkdocs.yml: no i18n entry for {language['code']}"
        for page in (project / "docs").rglob(f"*.{language['code']}.md"):
            page.unlink()
    config.write_text(text, encoding="utf-8")
    return project


def run_mkdocs_build(
    project: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    env.pop("FAMILYHUB_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def shared(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """A folder made once per test run, whichever pytest-xdist worker asks first; the others wait
    for it under a file lock and reuse it. (Session fixtures alone are one per worker.)"""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder = root / name
    with FileLock(root / f"{name}.lock"):
        if not (folder / ".made").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            (folder / ".made").touch()
    return folder


def make_site(project: Path, pdf_languages: Sequence[str] | None = None) -> None:
    """A real `make site` of a project copy: strict MkDocs build, then the PDFs; with
    pdf_languages, only those languages' PDFs (for a build whose PDFs few checks read). What it
    says must count every PDF it makes ("PDF 42/42"), as the editor waiting for it reads."""
    with pytest.MonkeyPatch.context() as env, redirect_stdout(io.StringIO()) as said:
        env.delenv("FAMILYHUB_DATA", raising=False)
        env.setenv("NO_MKDOCS_2_WARNING", "1")
        if pdf_languages is not None:
            narrowed = functools.partial(site_config_narrowed_to, pdf_languages)
            env.setattr(documents, "load_site_config", narrowed)
        assert build_site(project / "site", project / "mkdocs.yml") == 0
    counted = re.findall(r"^PDF (\d+)/(\d+): ", said.getvalue(), re.MULTILINE)
    made = len(list((project / "site" / "pdf").rglob("*.pdf")))
    if pdf_languages == []:
        assert made == 0 and not counted, said.getvalue()
    else:
        assert counted and counted[-1] == (str(made), str(made)), said.getvalue()


def site_config_narrowed_to(codes: Sequence[str], data_dir: Path) -> SiteConfig:
    """data/site.yml as the PDF step reads it, with only the given languages built."""
    site = load_site_config(data_dir)
    return site.model_copy(update={"languages": [site.language(code) for code in codes]})


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/ of the real data and pages, built once per test run as `make site` builds it: a
    strict MkDocs build with the build's date, the host's header files, then the PDFs. The PDFs
    (most of the build's time) are made by tests/pdf_step.py in a process of their own, so that
    the tests of the pages start at once; a test that reads a PDF asks for built_pdfs."""

    def make(folder: Path) -> None:
        project = copy_project(folder / "project")
        day = build_date()
        result = run_mkdocs_build(project, {BUILD_DATE_VARIABLE: epoch_of(day)})
        assert result.returncode == 0, result.stderr
        write_header_files(project / "site")
        with (project / PDF_STEP_LOG).open("w", encoding="utf-8") as log:
            PDF_STEPS.append(
                subprocess.Popen(
                    [sys.executable, "-m", "tests.pdf_step", str(project), day.isoformat()],
                    cwd=ROOT,
                    env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )

    return shared(tmp_path_factory, "built-site", make) / "project" / "site"


@pytest.fixture(scope="session")
def built_pdfs(built_site: Path) -> Path:
    """built_site once its PDFs are made: every PDF counted as the PDF step said it ("PDF 42/42",
    what an editor waiting for `make site` reads)."""
    project = built_site.parent
    deadline = time.monotonic() + PDF_STEP_SECONDS
    while not (project / pdf_step.MADE).exists():
        failed = project / pdf_step.FAILED
        assert not failed.exists(), failed.read_text(encoding="utf-8")
        assert time.monotonic() < deadline, (project / PDF_STEP_LOG).read_text(encoding="utf-8")
        time.sleep(1)
    said = (project / PDF_STEP_LOG).read_text(encoding="utf-8")
    counted = re.findall(r"^PDF (\d+)/(\d+): ", said, re.MULTILINE)
    made = len(list((built_site / "pdf").rglob("*.pdf")))
    assert counted and counted[-1] == (str(made), str(made)), said
    return built_site


INJECTED_SITE_URL = "https://familyhub.example.org/hub/"


@dataclass(frozen=True)
class InjectedProject:
    """A project copy with hostile text in its data (tests/injected.py) and issue 14's invented
    register examples (tests/register_fixtures.py), published under /hub/, built with `make
    site` once per run (without PDFs), and the checksums of its tracked data and pages before
    and after the build. One build serves them all: the escaping tests look at the hostile
    texts, the register's at the examples, the 404 pages' at the folder, and each reads its
    expectations off this copy's own data."""

    root: Path
    tracked_before: dict[str, str]
    tracked_after: dict[str, str]

    @property
    def site(self) -> Path:
        return self.root / "site"


def tracked_checksums(project: Path) -> dict[str, str]:
    tracked = subprocess.run(
        ["git", "ls-files", "data", "docs"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return {
        relative: hashlib.sha256((project / relative).read_bytes()).hexdigest()
        for relative in tracked
        if (project / relative).is_file()
    }


@pytest.fixture(scope="session")
def injected_project(tmp_path_factory: pytest.TempPathFactory) -> InjectedProject:
    def make(folder: Path) -> None:
        project = copy_project(folder / "project")
        inject(project / "data")
        add_register_examples(project / "data")
        # published under a folder, as a municipal web hotel would: test_not_found.py serves it
        # there (every other test reads its addresses off this copy's own site.yml)
        set_site_url(project, INJECTED_SITE_URL)
        before = tracked_checksums(project)
        # the pages in every language, no PDFs: the PDF step's work is the same as for the real
        # data (the session's built_site), and test_render prints two hostile pages itself
        make_site(project, pdf_languages=[])
        (folder / "checksums.json").write_text(json.dumps([before, tracked_checksums(project)]))

    folder = shared(tmp_path_factory, "injected-site", make)
    before, after = json.loads((folder / "checksums.json").read_text())
    return InjectedProject(folder / "project", before, after)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project, to break its data or pages."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def data_dir(project: Path) -> Path:
    return project / "data"


Edit = Callable[[str, Callable[[str], str]], Path]


@contextmanager
def edits_put_back(data: Path) -> Iterator[Edit]:
    """Rewrite data files as `edit` does, each put back as it was when the block ends: a module
    of many one-mistake cases shares one copy of data/ (`check` reads only data)."""
    saved: dict[Path, bytes] = {}

    def rewrite(relative: str, change: Callable[[str], str]) -> Path:
        path = data / relative
        saved.setdefault(path, path.read_bytes())
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        return path

    try:
        yield rewrite
    finally:
        for path, content in saved.items():
            path.write_bytes(content)


@pytest.fixture
def edit(data_dir: Path) -> Edit:
    """Rewrite one data file's text: edit("partnerships/x.yml", lambda text: ...)."""

    def rewrite(relative: str, change: Callable[[str], str]) -> Path:
        path = data_dir / relative
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        return path

    return rewrite


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves files the way the documented static host does: with the site's security headers."""

    headers_to_send: ClassVar[dict[str, str]] = {}
    # test-only files served beside the site (so that the CSP's 'self' admits them), by URL path
    extra_files: ClassVar[dict[str, Path]] = {}

    def translate_path(self, path: str) -> str:
        extra = self.extra_files.get(path.split("?")[0])
        return str(extra) if extra else super().translate_path(path)

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        if self.path in self.extra_files:
            # the browser keeps axe-core compiled between pages instead of parsing it every time
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(directory: Path, headers: dict[str, str]) -> Iterator[str]:
    """Serve a folder on a free loopback port; yields its base URL."""
    extras = {AXE_URL_PATH: AXE_FILE}
    handler_class = type("Host", (StaticHost,), {"headers_to_send": headers, "extra_files": extras})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site on a free loopback port, under its content security policy."""
    with serving(built_site, security_headers(built_site)) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, driven by Playwright; Playwright's own browser download is not used."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: `make test` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A page the size of a common phone's screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def set_site_url(project: Path, site_url: str) -> None:
    """Publish a project copy at another address: data/site.yml's site_url (issue 21)."""
    path = project / "data" / "site.yml"
    text, found = re.subn(
        r"^site_url: .*$", f"site_url: {site_url}", path.read_text(encoding="utf-8"), flags=re.M
    )
    assert found == 1, "data/site.yml: no site_url line"
    path.write_text(text, encoding="utf-8")
