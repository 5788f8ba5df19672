"""WeasyPrint: one PDF's HTML → laid-out pages, checked for warnings and cut-off text → a PDF file.

Nothing is loaded from another host: the URL fetcher serves files of the built site only, and the
fonts are the system's (DejaVu), found by fontconfig.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from familyhub.pdf.tagging import structure_completed

# ISO 14289-1: the tags, /Lang, the title shown, and the XMP metadata saying pdfuaid:part=1
PDF_VARIANT = "pdf/ua-1"

# Text reaching this far past the right edge of the page's content area is cut off on paper.
OVERFLOW_TOLERANCE = 1.0  # CSS px


class RenderError(Exception):
    """WeasyPrint could not lay the document out (a refused address, broken HTML …)."""


@dataclass
class Rendered:
    """A laid-out PDF, and what went wrong while laying it out (nothing, for a good PDF)."""

    document: Any  # weasyprint.Document
    warnings: list[str]

    @property
    def pages(self) -> int:
        return len(self.document.pages)


def render(html: str, site_dir: Path) -> Rendered:
    """Lay out one PDF's HTML; its images and styles may come only from site_dir."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    fetcher = site_only_fetcher(site_dir)
    with _captured_warnings() as warnings:
        try:
            document = HTML(
                string=html, base_url=site_dir.resolve().as_uri() + "/", url_fetcher=fetcher
            ).render(font_config=_system_fonts())
        # a BaseException, so that WeasyPrint's own handlers let it through; its cause says why
        except FatalURLFetchingError as error:
            raise RenderError(str(error.__cause__ or error)) from None
    return Rendered(document, [*warnings, *overflowing_text(document)])


@functools.cache
def _system_fonts() -> Any:
    """One font configuration for every PDF a process lays out: WeasyPrint would load the
    system's fonts again for each (the PDFs are byte for byte the same; 6 % less CPU a page PDF)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def site_only_fetcher(site_dir: Path) -> Any:
    """A URL fetcher for files of site_dir (and data: URLs); anything else stops the PDF."""
    from weasyprint.urls import URLFetcher

    root = site_dir.resolve()

    class SiteOnlyFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve()
            if (parts.scheme == "file" and path.is_relative_to(root)) or parts.scheme == "data":
                return super().fetch(url, headers)
            raise ValueError(f"refusing to load {url}: a PDF loads only files of the built site")

    return SiteOnlyFetcher(allowed_protocols=("file", "data"), fail_on_errors=True)


class _ListHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _captured_warnings() -> Iterator[list[str]]:
    """WeasyPrint's warnings (bad CSS, unloadable images, …) while the block runs."""
    logger = logging.getLogger("weasyprint")
    handler = _ListHandler()
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def overflowing_text(document: Any) -> list[str]:
    """Text that runs past the right edge of its page's content area: cut off on paper.

    WeasyPrint says nothing about it (a too wide table simply overflows), so the boxes are checked.
    """
    from weasyprint.formatting_structure import boxes

    found: list[str] = []
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        right = page_box.content_box_x() + page_box.width + OVERFLOW_TOLERANCE
        for child in page_box.children:
            if isinstance(child, boxes.MarginBox):  # the running footer has its own area
                continue
            found.extend(
                f"page {number}: text runs off the page: {box.text[:60]!r}"
                for box in child.descendants()
                if isinstance(box, boxes.TextBox) and box.position_x + box.width > right
            )
    return found


def write_pdf(rendered: Rendered, target: Path) -> None:
    """Write beside target, then move into place: target is never a half-written PDF.

    What WeasyPrint finds missing for PDF/UA while writing (a picture without alternative text,
    a document without a language) stops it: target is then left as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    # not mkstemp: its files are private (0600), and a web server must be able to read the PDF
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        # PDF/UA-1 (issue 21): tagged, so that screen readers get headings, lists and tables,
        # not a stream of words, with the XMP metadata that identifies the PDF as PDF/UA
        with _captured_warnings() as warnings, structure_completed():
            rendered.document.write_pdf(temporary, pdf_variant=PDF_VARIANT)
        if warnings:
            raise RenderError("not accessible (PDF/UA): " + "; ".join(warnings[:20]))
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
