"""Markdown and HTML made safe from data text, and what a rendered page is.

Every module of the pages stage escapes through here; none of them imports the renderer, which is
handed to their helpers as a PageContext.
"""

from __future__ import annotations

import functools
import html
import json
import re
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote

from markupsafe import Markup

from familyhub.data.fields import SLUG_PATTERN
from familyhub.data.load import Hub
from familyhub.i18n import Formatter

# Python-Markdown's backslash-escapable characters, plus `|` for tables; `<`, `>` and `&` are
# already entities by then. Escaping them keeps data text from becoming links, HTML or markup.
_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|"
_MARKDOWN_ESCAPES = str.maketrans({char: "\\" + char for char in _MARKDOWN_SPECIAL})
# every whitespace but the no-break spaces, which keep "250 000 kr" (nb) on one line
_WHITESPACE = re.compile(r"[^\S\u00a0\u202f]+")
SLUG = re.compile(SLUG_PATTERN)


def fold_spaces(value: str) -> str:
    """Runs of spaces and line breaks as one space; no-break spaces stay."""
    return _WHITESPACE.sub(" ", value)


def escape_text(value: object) -> Markup:
    """Data text as inert Markdown: shown literally, whatever characters it holds."""
    if isinstance(value, Markup):
        return value
    return _escape_str(str(value))


@functools.lru_cache(maxsize=1 << 16)
def _escape_str(value: str) -> Markup:
    # Every expression of every page passes through here, and names and labels repeat
    # thousands of times at scale: cached, and str.translate rather than a regex.
    # whitespace folded but kept at the ends: a separator such as ", " must keep its space
    flat = fold_spaces(value)
    return Markup(html.escape(flat, quote=False).translate(_MARKDOWN_ESCAPES))


def front_matter_title(value: str) -> Markup:
    """A page title for front matter: themes print it unescaped into <title> and the nav."""
    return Markup(json.dumps(html.escape(fold_spaces(value).strip()), ensure_ascii=False))


def external_link(url: str) -> Markup:
    """A link to an address from data: percent-encoded so it cannot end the Markdown link."""
    target = quote(url, safe=":/?#@!$&'*+,;=%-._~")
    return Markup(f"[{escape_text(url)}]({target})")


def named_link(text: str, url: str) -> Markup:
    """A link with words of its own to an address from data, encoded as external_link's."""
    target = quote(url, safe=":/?#@!$&'*+,;=%-._~")
    return Markup(f"[{escape_text(text)}]({target})")


def anchor(slug: str) -> Markup:
    """An HTML id from a slug; the schema guarantees slugs hold only a-z, 0-9 and '-'."""
    if not SLUG.fullmatch(slug):
        raise ValueError(f"not a slug: {slug!r}")
    return Markup(slug)


def script_json(value: Any) -> Markup:
    """JSON safe inside <script type="application/json">: no '<' can close the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for character, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(character, escaped)
    return Markup(text)


def html_text(value: object) -> Markup:
    """Text for raw HTML blocks, which Markdown leaves alone: HTML-escaped only."""
    return Markup(html.escape(str(value), quote=True))


@dataclass(frozen=True)
class RenderedPage:
    path: str  # language-neutral, relative to docs/: "partnerships/holbaek-home-start.md"
    markdown: str


Pages = dict[str, list[RenderedPage]]  # language -> its pages


class PageContext(Protocol):
    """What a page module's helpers may ask of the renderer that hands them in."""

    hub: Hub
    lang: str
    fmt: Formatter

    def link(self, kind: str, entity_id: str) -> Markup: ...

    def cite(self, source_id: str) -> Markup: ...

    def name_of(self, kind: str, entity_id: str) -> str: ...

    def render(self, template: str, **context: Any) -> str: ...
