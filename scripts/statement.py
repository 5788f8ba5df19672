"""MkDocs hook: the accessibility statement's status, known problems, review date, contact and
complaint route (data/site.yml, familyhub/pages/statement.py), where the marker below stands in
docs/accessibility*.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from familyhub.data.load import data_dir_beside, load_site_config
from familyhub.data.problems import DataError
from familyhub.i18n import MissingLabel
from familyhub.pages.statement import statement_markdown

MARKER = "<!-- familyhub:accessibility-statement -->"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    if MARKER not in markdown:
        return markdown
    try:
        site = load_site_config(data_dir_beside(Path(config.config_file_path)))
        language = site.language(config.theme["language"])
        return markdown.replace(MARKER, statement_markdown(site, language))
    except DataError as error:
        raise PluginError(f"data/site.yml has problems:\n{error}") from None
    except MissingLabel as error:
        raise PluginError(str(error)) from None
