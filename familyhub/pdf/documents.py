"""Site HTML → WeasyPrint → site/pdf/: the whole hub per language, and one PDF per chosen page.

Runs on the site MkDocs has just built (build.py calls build_pdfs on its staging folder), so the
PDFs hold the same pages, words and numbers as the site, in its navigation order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import multiprocessing
import os
import posixpath
import re
import time
from collections.abc import Collection, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from familyhub.data.load import load_site_config
from familyhub.data.problems import DataError
from familyhub.data.site_config import SiteConfig
from familyhub.i18n import Formatter
from familyhub.pages.citation import build_date
from familyhub.pdf.content import (
    ContentError,
    DocumentInfo,
    SitePage,
    checklist_items,
    document_html,
    overview_links,
    read_page,
)
from familyhub.pdf.weasy import RenderError, render, write_pdf

PDF_FOLDER = "pdf"
HUB_NAME = "familyhub"


@dataclass(frozen=True)
class PageKind:
    """A kind of page that gets a PDF of its own besides its place in the whole hub's PDF.

    Registering a kind here is all it takes: its pages get their PDFs and the download link.
    """

    folder: str  # the pages' folder in the site: requirement_sets/<id>.html
    checklist: str | None = None  # CSS selector of the items printed as a checklist to tick


PAGE_KINDS = (
    # a guide's page is a checklist already (familyhub/pages/guides.py); pdf.css prints it as a form
    PageKind("guides"),
    PageKind("requirement_sets", checklist="h3[id]"),
    PageKind("cases"),
)


class PdfError(Exception):
    """The PDFs could not be made; the message names the PDF or page and says why."""


# The labels of data/site.yml the PDFs and their download links use, with the {placeholders}
# each may hold: checked before any work, so that a missing one is a message, not a traceback.
PDF_LABELS: dict[str, set[str]] = {
    "language": set(),
    "pdf-built": {"date"},
    "pdf-contents": set(),
    "pdf-page-of": {"page", "pages"},
    "pdf-page-ref": {"page"},
    "pdf-download-page": set(),
    "pdf-download-hub": set(),
    "pdf-checklist": set(),
    "pdf-checklist-done": set(),
    "item": set(),
    "responsible": set(),
    "date": set(),
}


def label_problems(site: SiteConfig) -> list[str]:
    """What is wrong with the PDFs' labels in data/site.yml, one line each."""
    problems = []
    for language in site.languages:
        for key, allowed in PDF_LABELS.items():
            text = language.labels.get(key)
            if text is None:
                problems.append(f"data/site.yml: {language.code}: label '{key}' missing")
                continue
            unknown = set(re.findall(r"\{(\w*)\}", text)) - allowed
            if unknown:
                problems.append(
                    f"data/site.yml: {language.code}: label '{key}': unknown placeholder "
                    f"{{{sorted(unknown)[0]}}} (it may hold {sorted(allowed) or 'none'})"
                )
    return problems


# --- where the PDFs are ------------------------------------------------------------------------


def hub_pdf(lang: str) -> str:
    """The whole hub's PDF in lang, relative to site/."""
    return f"{PDF_FOLDER}/{HUB_NAME}-{lang}.pdf"


def page_pdf(path: str, lang: str) -> str:
    """The PDF of one page (language-neutral path "cases/x.html"), relative to site/."""
    return f"{PDF_FOLDER}/{path.removesuffix('.html')}-{lang}.pdf"


def page_kind(path: str, nav: Collection[str]) -> PageKind | None:
    """The registered kind of a page with a PDF of its own, or None.

    Pages of the nav (overviews, the plan page) are chapters of the whole hub: no PDF of their own.
    """
    if path in nav:
        return None
    return next((kind for kind in PAGE_KINDS if kind.folder == posixpath.dirname(path)), None)


def split_language(dest: str, site: SiteConfig) -> tuple[str, str]:
    """A built file's language and language-neutral path: en/cases/x.html -> en, cases/x.html."""
    first, _, rest = dest.partition("/")
    if rest and first in site.codes and first != site.default_language:
        return first, rest
    return site.default_language, dest


@dataclass(frozen=True)
class Download:
    href: str  # relative to site/
    label: str
    whole_hub: bool


def downloads(dest: str, site: SiteConfig, nav: Collection[str]) -> list[Download]:
    """The PDFs a built page offers: its own, when its kind has one, and the whole hub."""
    lang, path = split_language(dest, site)
    label = Formatter(site.language(lang)).label
    offered = []
    if page_kind(path, nav) is not None:
        offered.append(Download(page_pdf(path, lang), label("pdf-download-page"), whole_hub=False))
    offered.append(Download(hub_pdf(lang), label("pdf-download-hub"), whole_hub=True))
    return offered


# --- the site as MkDocs built it ---------------------------------------------------------------


@dataclass(frozen=True)
class SiteLayout:
    """What the PDFs need from mkdocs.yml: the site's name and its navigation as built paths."""

    name: str
    nav: list[str]  # language-neutral built paths in navigation order: "partnerships/index.html"


def read_layout(config_file: Path) -> SiteLayout:
    # imported here: loading familyhub's other modules must not need MkDocs
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        config = load_config(config_file=str(config_file))
    except ConfigurationError as error:
        raise PdfError(f"{config_file}: {error}") from None
    return SiteLayout(config.site_name, nav_paths(config))


def nav_paths(config: Any) -> list[str]:
    """The built paths of mkdocs.yml's nav pages, in order, from a loaded MkDocs config."""
    from mkdocs.structure.files import File

    return [
        File(src, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri
        for src in _nav_files(config.nav or [])
    ]


def _nav_files(nav: Sequence[Any]) -> Iterator[str]:
    """The Markdown files of mkdocs.yml's nav, sections flattened, links to other sites left out."""
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from _nav_files(value)
        elif isinstance(value, str) and not urlsplit(value).scheme:
            yield value


def pages_in_order(
    site_dir: Path, layout: SiteLayout, lang: str, site: SiteConfig
) -> list[SitePage]:
    """Every page of one language: the nav's pages, each index followed by the pages it lists.

    A nav page with no translation is not built in that language, and so not in its PDF either.
    """
    prefix = "" if lang == site.default_language else f"{lang}/"
    pages: list[SitePage] = []
    for path in layout.nav:
        if not (site_dir / prefix / path).is_file():
            continue
        index = read_page(site_dir, prefix + path, path)
        pages.append(index)
        if posixpath.basename(path) == "index.html" and index.folder:
            listed = _pages_of_index(site_dir / prefix, index)
            pages.extend(
                dataclasses.replace(read_page(site_dir, prefix + child, child), depth=1)
                for child in listed
                if child not in layout.nav
            )
    for page in pages:
        kind = page_kind(page.path, layout.nav)
        if kind is not None and kind.checklist:
            page.checklist = checklist_items(page.article, kind.checklist)
    return pages


def _pages_of_index(language_root: Path, index: SitePage) -> list[str]:
    """The pages of an index's folder: in the order the index links them, then any it does not."""
    linked = [
        path
        for path in overview_links(index.article, index.folder)
        if path != index.path and (language_root / path).is_file()
    ]
    unlinked = sorted(
        f"{index.folder}/{file.name}"
        for file in (language_root / index.folder).glob("*.html")
        if file.name != "index.html" and f"{index.folder}/{file.name}" not in linked
    )
    return linked + unlinked


def site_description(site_dir: Path, page: SitePage) -> str:
    """The site's description in the page's language, as MkDocs wrote it into the page's head."""
    head = (site_dir / page.dest).read_text(encoding="utf-8").partition("</head>")[0]
    match = re.search(r'<meta name="description" content="([^"]*)"', head)
    return html.unescape(match[1]) if match else ""


# --- the step ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    path: Path
    pages: int
    seconds: float


class Events(Protocol):
    """Where a language's build says how far it is: ("planned", how many PDFs), then ("made",
    each PDF's path); a queue between processes, or a Progress called directly."""

    def put(self, event: tuple[str, Any]) -> None: ...


class Progress(Protocol):
    def languages(self, count: int) -> None: ...

    def planned(self, count: int) -> None: ...

    def made(self, target: str) -> None: ...


@dataclass
class _Direct:
    progress: Progress | None

    def put(self, event: tuple[str, Any]) -> None:
        _tell(self.progress, event)


def _tell(progress: Progress | None, event: tuple[str, Any]) -> None:
    if progress is not None:
        kind, value = event
        progress.planned(value) if kind == "planned" else progress.made(value)


def build_pdfs(
    site_dir: Path,
    config_file: Path,
    data_dir: Path,
    built: dt.date | None = None,
    progress: Progress | None = None,
) -> list[Built]:
    """Every PDF of the built site in site_dir/pdf/; raises PdfError on any problem.

    Each language is built in a process of its own, side by side when there are cores for it;
    `progress` hears how many PDFs each language plans and each one made.
    """
    try:
        site = load_site_config(data_dir)
    except DataError as error:
        raise PdfError(f"data/site.yml has problems:\n{error}") from None
    problems = label_problems(site)
    if problems:
        raise PdfError("\n".join(problems))
    layout = read_layout(config_file)
    day = built or build_date()
    jobs = [(site_dir.resolve(), layout, site, lang, day) for lang in site.codes]
    workers = min(len(jobs), os.cpu_count() or 1)
    if progress is not None:
        progress.languages(len(jobs))
    if workers < 2:
        direct = _Direct(progress)
        return [pdf for job in jobs for pdf in build_language(*job, events=direct)]
    # spawn, not fork: the caller may run threads (a test server), which fork would copy half-way
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, ProcessPoolExecutor(workers, mp_context=context) as pool:
        events = manager.Queue()
        running = [pool.submit(_build_language_job, (*job, events)) for job in jobs]
        while wait(running, timeout=0.2).not_done:
            _pass_on(events, progress)
        _pass_on(events, progress)
        return [pdf for job in running for pdf in job.result()]


def _pass_on(events: Any, progress: Progress | None) -> None:
    while not events.empty():
        _tell(progress, events.get())


def _build_language_job(
    job: tuple[Path, SiteLayout, SiteConfig, str, dt.date, Events],
) -> list[Built]:
    site_dir, layout, site, lang, built, events = job
    return build_language(site_dir, layout, site, lang, built, events=events)


def build_language(
    site_dir: Path,
    layout: SiteLayout,
    site: SiteConfig,
    lang: str,
    built: dt.date,
    whole_hub_only: bool = False,
    events: Events | None = None,
) -> list[Built]:
    """The whole hub's PDF in one language, then the PDF of each page of a registered kind."""
    try:
        pages = pages_in_order(site_dir, layout, lang, site)
    except ContentError as error:
        raise PdfError(str(error)) from None
    if not pages:
        raise PdfError(f"mkdocs.yml's nav lists no pages: no PDF in {lang}")
    description = site_description(site_dir, pages[0])
    hub = DocumentInfo(
        lang, layout.name, layout.name, description, built, cover=True, path=hub_pdf(lang)
    )
    printed = (
        [] if whole_hub_only else [p for p in pages if page_kind(p.path, layout.nav) is not None]
    )
    events = events or _Direct(None)
    events.put(("planned", 1 + len(printed)))
    results = [make_pdf(site_dir, hub_pdf(lang), pages, hub, site)]
    events.put(("made", hub_pdf(lang)))
    for page in printed:
        target = page_pdf(page.path, lang)
        info = DocumentInfo(
            lang, page.title, layout.name, description, built, cover=False, path=target
        )
        alone = dataclasses.replace(page, depth=0)
        results.append(make_pdf(site_dir, target, [alone], info, site))
        events.put(("made", target))
    return results


def make_pdf(
    site_dir: Path, target: str, pages: list[SitePage], info: DocumentInfo, site: SiteConfig
) -> Built:
    """One PDF from pages; fails, naming target, on any WeasyPrint warning or cut-off text."""
    start = time.perf_counter()
    try:
        rendered = render(document_html(pages, info, site), site_dir)
    except (ContentError, RenderError) as error:
        raise PdfError(f"{target}: {error}") from None
    if rendered.warnings:
        listed = "\n  ".join(rendered.warnings[:20])
        raise PdfError(f"{target}: problems in the layout (WeasyPrint):\n  {listed}")
    try:
        write_pdf(rendered, site_dir / target)
    except RenderError as error:
        raise PdfError(f"{target}: {error}") from None
    return Built(site_dir / target, rendered.pages, time.perf_counter() - start)
