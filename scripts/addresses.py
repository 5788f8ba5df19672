"""MkDocs hook (issue 21): the site's real addresses and what each page's <head> says about it.

The address is data/site.yml's `site_url` (one place, beside the publisher), so the sitemap lists
absolute addresses with each page's language versions (hreflang and x-default); each page gets
its canonical link, its own description, Open Graph and schema.org JSON-LD (familyhub/site/head.py),
printed by overrides/main.html. `mkdocs serve` keeps its own address: the preview is no one's
to index.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from familyhub.data.address import site_address
from familyhub.data.kinds import KINDS
from familyhub.data.load import Hub, data_dir_beside
from familyhub.data.problems import DataError
from familyhub.pages.incremental import BUILD_CACHE
from familyhub.site.head import PageData, entity_description, first_paragraph, json_ld, with_steps

_TAG = re.compile(r"<[^>]*>")


def _hub(config: MkDocsConfig, per_page: bool = False) -> Hub:
    data_dir = data_dir_beside(Path(config.config_file_path)).resolve()
    try:
        return BUILD_CACHE.loaded(data_dir) if per_page else BUILD_CACHE.hub(data_dir)
    except DataError as error:
        raise PluginError(f"data/ has problems:\n{error}") from None


def _served(config: MkDocsConfig) -> bool:
    """`mkdocs serve` sets site_url to its own address before any hook runs."""
    return (config.site_url or "").startswith(f"http://{config.dev_addr}/")


# before the i18n plugin's (-100), which makes the language switch from site_url's path
@event_priority(10)
def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    address = site_address(_hub(config).site)
    # each further language's build sees the address set by the first one
    if _served(config) or config.site_url == address:
        return config
    if config.site_url:
        raise PluginError(
            "mkdocs.yml: site_url: the site's address is set in data/site.yml (site_url), "
            "beside its publisher; remove it from mkdocs.yml"
        )
    config.site_url = address
    return config


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    if page.meta.get("not_found"):
        context["fh_head"] = {"noindex": True}
        return context
    hub = _hub(config, per_page=True)
    lang = config.theme["language"]
    address = page.canonical_url or ""
    entity = _entity(hub, page)
    description = (
        (entity and entity_description(entity[1], lang))
        or page.meta.get("description")
        or first_paragraph(page.content or "")
        or config.site_description
    )
    page.meta["description"] = description
    others = [language.locale for language in hub.site.languages if language.code != lang]
    structured = _structured(hub, page, config, entity, description) if address else None
    context["fh_head"] = {
        "locale": hub.site.language(lang).locale,
        "other_locales": others,
        "json_ld": json_ld(structured) if structured else "",
    }
    return context


def _entity(hub: Hub, page: Page) -> tuple[str, Any] | None:
    data_file = page.meta.get("data_file")
    if not data_file:
        return None
    folder, name = Path(data_file).parts[-2:]
    kind = KINDS[folder][0]
    return kind, hub.get(kind, Path(name).stem)


def _structured(
    hub: Hub,
    page: Page,
    config: MkDocsConfig,
    entity: tuple[str, Any] | None,
    description: str | None,
) -> dict[str, Any]:
    lang = config.theme["language"]
    prefix = "" if lang == hub.site.default_language else f"{lang}/"
    folders = {kind: folder for folder, (kind, _) in KINDS.items()}

    def address_of(kind: str, entity_id: str) -> str:
        return urljoin(config.site_url or "", f"{prefix}{folders[kind]}/{entity_id}.html")

    data = PageData(hub, lang, page.canonical_url or "", description)
    title = html.unescape(_TAG.sub("", page.title or config.site_name))
    if entity is not None:
        described = data.entity(*entity, address_of)
        if entity[0] == "guide":
            return with_steps(described, _sections(page, data.address))
        return described
    parts = page.file.src_uri.split("/")
    if parts[-1].split(".")[0] == "index":
        if len(parts) == 1:
            return data.web_site(config.site_name)
        if parts[0] in KINDS:
            return data.dataset(title, page.content or "", _publisher(hub, lang))
    return data.web_page(title)


def _sections(page: Page, address: str) -> list[tuple[str, str]]:
    return [
        (html.unescape(_TAG.sub("", section.title)).strip(), urljoin(address, section.url))
        for heading in page.toc
        for section in heading.children
    ]


def _publisher(hub: Hub, lang: str) -> dict[str, Any]:
    publisher = hub.site.language(lang).publisher
    data: dict[str, Any] = {}
    if publisher.name:
        data["publisher"] = {"@type": "Organization", "name": publisher.name}
    if publisher.licence_url:
        data["license"] = str(publisher.licence_url)
    return data


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    """robots.txt names the sitemap, where a crawler at the host's root looks for it."""
    if config.site_url and not _served(config):
        robots = Path(config.site_dir) / "robots.txt"
        robots.write_text(f"User-agent: *\nSitemap: {config.site_url}sitemap.xml\n", "utf-8")
