"""MkDocs hook: who answers for the site (data/site.yml's publisher), for every page's footer
(overrides/partials/copyright.html) and the About page, where the marker below stands."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from familyhub.data.load import data_dir_beside
from familyhub.data.problems import DataError
from familyhub.data.site_config import SiteConfig
from familyhub.i18n import Formatter, MissingLabel
from familyhub.pages.citation import BuildDateError, build_date, citation
from familyhub.pages.incremental import BUILD_CACHE
from familyhub.pages.owner import about_markdown, owners

MARKER = "<!-- familyhub:publisher -->"


def _site(config: MkDocsConfig, per_page: bool = True) -> SiteConfig:
    """data/site.yml as this build loaded it with the rest of data/ (for each page, the hub the
    build loaded: parsing site.yml again for each of 1,300 pages was half the build's time)."""
    data_dir = data_dir_beside(Path(config.config_file_path)).resolve()
    try:
        hub = BUILD_CACHE.loaded(data_dir) if per_page else BUILD_CACHE.hub(data_dir)
        return hub.site
    except DataError as error:
        raise PluginError(f"data/ has problems:\n{error}") from None


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    try:
        config.extra["publisher"] = owners(_site(config, per_page=False))
    except MissingLabel as error:
        raise PluginError(str(error)) from None
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    if MARKER not in markdown:
        return markdown
    site = _site(config)
    language = site.language(config.theme["language"])
    return markdown.replace(MARKER, about_markdown(language, site.default_language, _built()))


def _built() -> dt.date:
    try:
        return build_date()
    except BuildDateError as error:
        raise PluginError(str(error)) from None


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    """issue 22: each page's suggested citation, shown below it (overrides/main.html)."""
    site = _site(config)
    language = site.language(config.theme["language"])
    # a generated page's title comes HTML-escaped from its front matter (front_matter_title);
    # the theme escapes the citation once more, so it is unescaped here, never shown raw
    title = html.unescape(str(page.title or config.site_name))
    context["fh_cite"] = {
        "heading": Formatter(language).label("cite-heading"),
        "text": citation(language, site.site_url, title, page.url, _built()),
    }
    return context
