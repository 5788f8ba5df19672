"""MkDocs hook (issue 24): the web editor at admin/, its configuration made from the schema
(familyhub/site/editor.py). Written straight into site/ after the build: no page of the site, so
in neither the navigation, the sitemap nor the search index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from familyhub.data.load import data_dir_beside, load_site_config
from familyhub.data.problems import DataError
from familyhub.site.editor import write_editor
from familyhub.site.preview import building_another_language


# after mkdocs-static-i18n (-100), which builds every language but the first in its own loop
@event_priority(-110)
def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    if building_another_language(config):
        return
    try:
        site = load_site_config(data_dir_beside(Path(config.config_file_path)))
    except DataError as error:
        raise PluginError(f"data/site.yml has problems:\n{error}") from None
    backend = config.extra.get("editor", {}).get("backend")
    if not backend:
        raise PluginError("mkdocs.yml: extra: editor: backend: names where the editor saves")
    write_editor(Path(config.site_dir), site, backend)
