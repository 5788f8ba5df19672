"""MkDocs hook: the overview tables as CSV and XLSX per language, and the register as JSON with
its JSON Schema, into site/data/ after each build (familyhub/downloads/)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from familyhub.data.load import data_dir_beside
from familyhub.downloads.files import write_downloads
from familyhub.pages.facets import DOWNLOADS_FOLDER
from familyhub.pages.incremental import BUILD_CACHE
from familyhub.site.preview import PREVIEW, building_another_language


# after mkdocs-static-i18n (-100), which calls on_post_build again for each further language:
# the files hold every language, so they are written once, when the whole site is built
@event_priority(-110)
def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    if building_another_language(config):
        return
    hub = BUILD_CACHE.hub(data_dir_beside(Path(config.config_file_path)).resolve())
    folder = Path(config.site_dir) / DOWNLOADS_FOLDER
    site_url = config.site_url or ""
    PREVIEW.after_build("downloads", partial(write_downloads, hub, folder, site_url))
