"""MkDocs hook: the overview tables as CSV and XLSX per language, and the register as JSON with
its JSON Schema, into site/data/ after each build (familyhub/downloads/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from familyhub.data.load import data_dir_beside
from familyhub.downloads.files import write_downloads
from familyhub.pages.facets import DOWNLOADS_FOLDER
from familyhub.pages.incremental import BUILD_CACHE


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    hub = BUILD_CACHE.hub(data_dir_beside(Path(config.config_file_path)).resolve())
    write_downloads(hub, Path(config.site_dir) / DOWNLOADS_FOLDER)
