"""MkDocs hook: the 404 page's words, in every language, from data/site.yml's labels.

A static host serves one 404.html for every missing address, so the page carries each language
(overrides/404.html); familyhub-not-found.js shows the visitor's alone, judged by the address.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from familyhub.data.load import data_dir_beside, load_site_config
from familyhub.data.problems import DataError

LABELS = ("not-found-title", "not-found-text", "not-found-home")


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    try:
        site = load_site_config(data_dir_beside(Path(config.config_file_path)))
    except DataError as error:
        raise PluginError(f"data/site.yml has problems:\n{error}") from None
    config.extra["not_found"] = [
        {
            "lang": language.code,
            # the default language lives at the site's root, the others in /<code>/
            "href": "/" if language.code == site.default_language else f"/{language.code}/",
            **{label.removeprefix("not-found-"): language.labels[label] for label in LABELS},
        }
        for language in site.languages
    ]
    return config
