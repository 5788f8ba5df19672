"""MkDocs hook: a search index per language, so a search finds pages in the reader's language.

mkdocs-static-i18n stacks every language's pages into one search/search_index.json at the
site's root. After its last build, this splits that file: the default language keeps
search/search_index.json, every other language gets <lang>/search/search_index.json with
locations relative to <lang>/. overrides/main.html points each page's search at its
language's folder (the `base` of Material's __config), so Material's own search UI is kept.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

INDEX = Path("search") / "search_index.json"


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    """`search_root`: the folder of this page's language under the site root ('' or 'en/')."""
    i18n = config.plugins.get("i18n")
    current = getattr(i18n, "current_language", None)
    default = getattr(i18n, "default_language", None)
    context["search_root"] = f"{current}/" if current and current != default else ""
    return context


# after mkdocs-static-i18n (-100), which writes the index of every language at the very end
@event_priority(-110)
def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # one language's build inside the plugin's loop: the index is not complete yet
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    split_index(Path(config.site_dir), i18n.default_language, others)


def split_index(site_dir: Path, default_language: str, other_languages: list[str]) -> None:
    path = site_dir / INDEX
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    docs_by_root: dict[str, list[dict[str, Any]]] = {"": []}
    docs_by_root.update({f"{lang}/": [] for lang in other_languages})
    for doc in index["docs"]:
        root = next((r for r in docs_by_root if r and doc["location"].startswith(r)), "")
        docs_by_root[root].append({**doc, "location": doc["location"].removeprefix(root)})
    for root, docs in docs_by_root.items():
        # each index stems its own language only: a Danish word run through the English
        # stemmer as well no longer meets its other forms
        language = root.rstrip("/") or default_language
        config = {**index["config"], "lang": [language]}
        target = site_dir / root / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False), "utf-8")
