"""MkDocs hook: a 404 page per language (docs/404.md, docs/404.en.md), wholly in that language.

A host shows a 404 page at the missing address, however deep, so its relative links would lead
nowhere: the page gets a <base> at its own folder, from `site_url`'s path (a site hosted under
/hub/ gives /hub/ and /hub/en/), and Material's search its absolute root (overrides/main.html).
"""

from __future__ import annotations

import posixpath
import re
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

# the ¶ link Python-Markdown's toc extension puts into each heading (mkdocs.yml: permalink)
HEADING_ANCHOR = re.compile(r'<a class="headerlink" href="#[^"]*"[^>]*>[^<]*</a>')


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    """No theme 404.html: each language build would write its own over the Danish page."""
    config.theme.static_templates.discard("404.html")
    return config


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    if page.meta.get("not_found"):
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        folder = posixpath.dirname(page.url)
        page.meta["base_href"] = posixpath.join(root, folder, "") if folder else root
        page.edit_url = None  # nothing of the visitor's to edit here
        # issue 21: no table of contents, skip link or heading anchor: under the <base> their
        # links to the page's own heading led to the home page. The page is a heading and a
        # few links.
        page.toc = TableOfContents([])
        page.content = HEADING_ANCHOR.sub("", page.content or "")
    return context
