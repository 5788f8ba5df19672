"""MkDocs hook: every page offers its PDFs for download; familyhub.pdf builds them after MkDocs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from familyhub.data.load import data_dir_beside, load_site_config
from familyhub.data.problems import DataError
from familyhub.data.site_config import SiteConfig
from familyhub.pdf.documents import downloads, label_problems, nav_paths
from familyhub.site.preview import PREVIEW

# A link whose text is its own address: printing the address again after it says nothing.
_BARE_URL = re.compile(r'<a href="(https?://[^"]+)">\1</a>')
_site: dict[str, SiteConfig] = {}
_nav: dict[str, list[str]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The labels of the download links, read once per build (and again on each `serve` reload)."""
    try:
        site = load_site_config(data_dir_beside(Path(config.config_file_path)))
    except DataError as error:
        raise PluginError(f"data/ has problems:\n{error}") from None
    problems = label_problems(site)
    if problems:
        raise PluginError("\n".join(problems))
    _site["config"] = site
    _nav["paths"] = nav_paths(config)
    return config


def on_page_content(html: str, **_: Any) -> str:
    return _BARE_URL.sub(r'<a href="\1" class="fh-bare-url">\1</a>', html)


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    if not PREVIEW.serving:  # `mkdocs serve` builds no PDFs: its pages link none
        context["pdf_downloads"] = downloads(page.file.dest_uri, _site["config"], _nav["paths"])
    return context
