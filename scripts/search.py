"""MkDocs hook: the search dialog's words in the page's language, and the Pagefind index after
the build (familyhub.site.search), so `mkdocs build`, `make site` and `make serve` all search."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from familyhub.data.load import data_dir_beside, load_site_config
from familyhub.data.problems import DataError
from familyhub.site.preview import PREVIEW, building_another_language
from familyhub.site.search import SearchIndexError, build_index

# the words of overrides/partials/search.html and familyhub-search.js, from data/site.yml
LABELS = (
    "search-open",
    "search-title",
    "search-label",
    "search-close",
    "search-none",
    "search-one",
    "search-other",
    "search-error",
    "search-more",
)
_labels: dict[str, dict[str, str]] = {}


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    try:
        site = load_site_config(data_dir_beside(Path(config.config_file_path)))
    except DataError as error:
        raise PluginError(f"data/site.yml has problems:\n{error}") from None
    _labels.clear()
    for language in site.languages:
        missing = [label for label in LABELS if label not in language.labels]
        if missing:
            raise PluginError(f"data/site.yml: language {language.code} lacks {missing}")
        _labels[language.code] = {
            label.removeprefix("search-"): language.labels[label] for label in LABELS
        }
    _labels[""] = _labels[site.default_language]
    return config


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    i18n = config.plugins.get("i18n")
    current = getattr(i18n, "current_language", None) or ""
    context["search_labels"] = _labels.get(current, _labels[""])
    return context


# after mkdocs-static-i18n (-100), which builds every language but the first in its own loop
@event_priority(-110)
def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    if building_another_language(config):
        return  # one language's build inside the plugin's loop: the site is not complete yet
    PREVIEW.after_build("search index", partial(_index, Path(config.site_dir)))


def _index(site_dir: Path) -> None:
    try:
        build_index(site_dir)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def on_template_context(context: dict[str, Any], **_: Any) -> dict[str, Any]:
    """Pages made from a theme template alone (404.html) speak the default language."""
    context.setdefault("search_labels", _labels[""])
    return context
