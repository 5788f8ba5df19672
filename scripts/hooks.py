"""MkDocs hooks: generate the data pages before each build, and point their edit links at data/."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from familyhub.data.faults import fault_message
from familyhub.data.load import SITE_CONFIG_FILE, Hub, data_dir_beside
from familyhub.data.problems import DataError
from familyhub.i18n import MissingLabel
from familyhub.pages.incremental import BUILD_CACHE
from familyhub.pages.output import GENERATED_FOLDERS, OutputError
from familyhub.site.preview import PREVIEW, building_another_language
from familyhub.site.preview_problems import PROBLEMS
from familyhub.site.progress import quiet_plugins

log = logging.getLogger("mkdocs.familyhub")
SITEMAP = "sitemap.xml"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """data/site.yml holds the languages; mkdocs.yml's i18n plugin must build the same ones.

    `mkdocs serve` also watches the data folder in use, which $FAMILYHUB_DATA may put outside
    the project (mkdocs.yml's `watch:` names only data/).
    """
    data_dir = _data_dir(config)
    if all(Path(path).resolve() != data_dir for path in config.watch):
        config.watch.append(str(data_dir))
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        built = [language.locale for language in i18n.config.languages]
        hub_languages = _hub(config).site.codes
        if sorted(built) != sorted(hub_languages):
            raise PluginError(
                f"mkdocs.yml builds languages {built} but data/site.yml lists {hub_languages}"
            )
    return config


def on_startup(command: str, dirty: bool, **_: Any) -> None:
    quiet_plugins()
    PREVIEW.start(dirty, serving=command == "serve")


def on_pre_build(config: MkDocsConfig) -> None:
    hub = _hub(config)
    if not building_another_language(config):
        PROBLEMS.building(hub.site, Path(config.site_dir))
    try:
        stats = BUILD_CACHE.write(hub, Path(config.docs_dir))
    except (OutputError, MissingLabel) as error:
        raise PluginError(str(error)) from None
    except DataError as error:  # a page that could not be made, named by its entity's file
        raise PluginError(f"data/ has problems:\n{error}") from None
    log.info(  # once per language: make site's progress through the languages
        "familyhub: pages in %s: %d entities; pages rendered: %s; written %d, unchanged %d,"
        " removed %d",
        config.theme.get("language") or hub.site.default_language,
        hub.count(),
        BUILD_CACHE.rendered or "none",
        stats.written,
        stats.unchanged,
        stats.removed,
    )
    if building_another_language(config):
        return
    # a removed page's HTML would stay behind in a dirty build
    if PREVIEW.prepare(Path(config.site_dir), _layout(config), force=stats.removed > 0):
        log.info("familyhub: full build (first build, or more than data/ changed)")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """No sitemap in the preview: it lists every page of every language again at each save (a
    second at N = 2,000), and the preview's addresses are no one's to index."""
    if PREVIEW.dirty:
        config.theme.static_templates.discard(SITEMAP)
        sitemap = files.get_file_from_path(SITEMAP)
        if sitemap is not None:  # without its template's name, the theme's file is copied raw
            files.remove(sitemap)
    return files


# after the search index's and the downloads' hooks (-110), which start their work
@event_priority(-120)
def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    if not building_another_language(config):
        try:
            PREVIEW.finish()
        except DataError as error:
            raise PluginError(f"data/ has problems:\n{error}") from None
        except Exception as error:  # the search index or the downloads: their own words
            raise PluginError(f"familyhub: {fault_message('the site', error)}") from None


def on_build_error(error: Exception, **_: Any) -> None:
    PREVIEW.failed()
    PROBLEMS.build_failed(error)


def on_shutdown() -> None:
    PREVIEW.stop()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, **_: Any) -> LiveReloadServer:
    """`mkdocs serve` watches docs/ without the folders this hook writes into.

    Those pages follow data/, which is watched; watching them too made every edit cost two
    full rebuilds, the second set off by the first one's writes. (A hand-written folder made
    while serve runs is watched from the next start.)

    A rebuild that fails shows its problems on every page (familyhub/site/preview_problems.py).
    """
    PROBLEMS.serve(server)
    docs = Path(config.docs_dir)
    server.unwatch(str(docs))
    server.watch(str(docs), recursive=False)
    for folder in sorted(docs.iterdir()):
        if folder.is_dir() and folder.name not in GENERATED_FOLDERS:
            server.watch(str(folder))
    return server


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """A generated page's edit link opens its YAML file, not the generated Markdown."""
    data_file = page.meta.get("data_file")
    if data_file and config.repo_url and config.edit_uri:
        edit_base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri)
        page.edit_url = urljoin(edit_base, f"../{data_file}")
    return markdown


def _layout(config: MkDocsConfig) -> list[Path]:
    """What every page shows besides its own content: the hand-written pages (their titles make
    the navigation), the theme's overrides, mkdocs.yml and its hooks, and data/site.yml."""
    docs = Path(config.docs_dir)
    hand_written = [path for path in docs.iterdir() if path.name not in GENERATED_FOLDERS]
    config_file = Path(config.config_file_path)
    overrides = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    hooks = Path(__file__).resolve().parent  # this file's folder, with every hook of mkdocs.yml
    return [*hand_written, *overrides, config_file, hooks, _data_dir(config) / SITE_CONFIG_FILE]


def _data_dir(config: MkDocsConfig) -> Path:
    return data_dir_beside(Path(config.config_file_path)).resolve()


def _hub(config: MkDocsConfig) -> Hub:
    try:
        # loaded once for on_config and on_pre_build, for both languages, and again only for
        # files that changed since the last build of this process (issue 6)
        return BUILD_CACHE.hub(_data_dir(config))
    except DataError as error:
        raise PluginError(f"data/ has problems:\n{error}") from None
    except Exception as error:  # not one file's: loading names the file where it can
        raise PluginError(f"familyhub: {fault_message('the data', error)}") from None
