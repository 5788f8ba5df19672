"""YAML models -> Markdown pages, one language at a time. Knows nothing of MkDocs."""

from __future__ import annotations

import functools
import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from familyhub.facets import table_spec_json
from familyhub.guides import guide_helpers, plan_page
from familyhub.i18n import Formatter
from familyhub.load import Hub, entity_references
from familyhub.models import FOLDER_OF_KIND, KINDS, SLUG_PATTERN
from familyhub.pictures import picture_helpers

TEMPLATES = PackageLoader("familyhub", "templates")
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
# Python-Markdown's backslash-escapable characters, plus `|` for tables; `<`, `>` and `&` are
# already entities by then. Escaping them keeps data text from becoming links, HTML or markup.
_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|"
_MARKDOWN_ESCAPES = str.maketrans({char: "\\" + char for char in _MARKDOWN_SPECIAL})
_WHITESPACE = re.compile(r"\s+")
SLUG = re.compile(SLUG_PATTERN)
_BLANK_LINES = re.compile(r"\n{3,}")


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
    flat = _WHITESPACE.sub(" ", value)
    return Markup(html.escape(flat, quote=False).translate(_MARKDOWN_ESCAPES))


def front_matter_title(value: str) -> Markup:
    """A page title for front matter: themes print it unescaped into <title> and the nav."""
    return Markup(json.dumps(html.escape(_WHITESPACE.sub(" ", value).strip()), ensure_ascii=False))


def external_link(url: str) -> Markup:
    """A link to an address from data: percent-encoded so it cannot end the Markdown link."""
    target = quote(url, safe=":/?#@!$&'*+,;=%-._~")
    return Markup(f"[{escape_text(url)}]({target})")


def anchor(slug: str) -> Markup:
    """An HTML id from a slug; the schema guarantees slugs hold only a-z, 0-9 and '-'."""
    if not SLUG.fullmatch(slug):
        raise ValueError(f"not a slug: {slug!r}")
    return Markup(slug)


class _SharedBytecode(BytecodeCache):
    """Compiled templates kept in memory, so the second language does not compile them again
    (Jinja keys them by the template's source: an edited template is compiled anew)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _SharedBytecode()


@dataclass(frozen=True)
class RenderedPage:
    path: str  # language-neutral, relative to docs/: "partnerships/holbaek-home-start.md"
    markdown: str


Pages = dict[str, list[RenderedPage]]  # language -> its pages


def display_name(entity: Any, lang: str) -> str:
    for attribute in ("name", "title"):
        value = getattr(entity, attribute, None)
        if isinstance(value, str):
            return value
        if isinstance(value, dict):
            return str(value[lang])
    return str(entity.id)


def entity_path(kind: str, entity_id: str) -> str:
    return f"{FOLDER_OF_KIND[kind]}/{entity_id}.md"


class Backlinks:
    """Who refers to whom, so that a municipality's page can list its partnerships and cases."""

    def __init__(self, hub: Hub) -> None:
        self._by_target: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(
            lambda: defaultdict(set)
        )
        for kind, by_id in hub.entities.items():
            for entity_id, entity in by_id.items():
                for _, target_kind, target_id in entity_references(entity):
                    self._by_target[(target_kind, target_id)][kind].add(entity_id)

    def of(self, kind: str, entity_id: str, from_kind: str) -> list[str]:
        return sorted(self._by_target.get((kind, entity_id), {}).get(from_kind, set()))


class Renderer:
    """Renders every generated page of one language."""

    def __init__(self, hub: Hub, lang: str, backlinks: Backlinks | None = None) -> None:
        self.hub = hub
        self.lang = lang
        self.fmt = Formatter(hub.site.language(lang))
        self.backlinks = backlinks or Backlinks(hub)
        self.env = Environment(
            loader=TEMPLATES,
            undefined=StrictUndefined,
            autoescape=True,
            finalize=escape_text,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # one Renderer renders one build: templates cannot change meanwhile, so no stat()
            # of every template for every page
            auto_reload=False,
            bytecode_cache=_BYTECODE,
        )
        self._links: dict[tuple[str, str], Markup] = {}
        self.env.globals.update(self._template_helpers())
        self.env.globals.update(guide_helpers(self))
        self.env.globals.update(picture_helpers(hub, self.fmt))

    def _template_helpers(self) -> dict[str, Any]:
        fmt = self.fmt
        return {
            "t": fmt.text,
            "label": fmt.label,
            "number": fmt.number,
            "money": fmt.money,
            "date": fmt.date,
            "link": self.link,
            "cite": self.cite,
            "figure_value": self.figure_value,
            "funding_value": self.funding_value,
            "backlinks": self.backlinks.of,
            "get": self.hub.get,
            "name": lambda entity: display_name(entity, self.lang),
            "title": front_matter_title,
            "data_file": self.data_file,
            "external_link": external_link,
            "anchor": anchor,
            "kinds": [kind for kind, _ in KINDS.values()],
            "folder": FOLDER_OF_KIND,
            "table_spec_json": lambda kind, entities: table_spec_json(kind, entities, self),
        }

    def link(self, kind: str, entity_id: str) -> Markup:
        # thousands of pages link to the same few entities: each link is made once
        key = (kind, entity_id)
        if key not in self._links:
            text = escape_text(display_name(self.hub.get(kind, entity_id), self.lang))
            self._links[key] = Markup(f"[{text}](../{entity_path(kind, entity_id)})")
        return self._links[key]

    def name_of(self, kind: str, entity_id: str) -> str:
        return display_name(self.hub.get(kind, entity_id), self.lang)

    def cite(self, source_id: str) -> Markup:
        key = ("cite", source_id)
        if key not in self._links:
            source = self.hub.get("source", source_id)
            text = escape_text(f"{source.publisher}: {source.title}")
            self._links[key] = Markup(f"[{text}](../{entity_path('source', source_id)})")
        return self._links[key]

    def figure_value(self, figure: Any) -> str:
        value = (
            self.fmt.money(figure.value, figure.currency)
            if figure.currency
            else self.fmt.number(figure.value)
        )
        if figure.qualifier:
            value = f"{self.fmt.label('qualifier-' + figure.qualifier)} {value}"
        if figure.per:
            value = f"{value} {self.fmt.label('per-' + figure.per)}"
        return value

    def funding_value(self, funding: Any) -> str:
        value = self.fmt.money(funding.amount, funding.currency)
        if funding.per == "year":
            return f"{value} {self.fmt.label('per-year')}"
        if funding.years:
            return f"{value} {self.fmt.label('over-years').format(years=funding.years)}"
        return value

    def data_file(self, kind: str, entity_id: str) -> Markup:
        """The entity's YAML file relative to the repository, for the page's edit link."""
        path = Path(self.hub.file_of(kind, entity_id))
        return Markup(json.dumps(f"data/{path.parent.name}/{path.name}"))

    def render(self, template: str, **context: Any) -> str:
        markdown = self.env.get_template(template).render(lang=self.lang, **context)
        return _BLANK_LINES.sub("\n\n", markdown).strip() + "\n"

    def pages(self) -> list[RenderedPage]:
        pages = []
        for folder, (kind, _) in KINDS.items():
            entities = self.hub.all(kind)
            pages.append(
                RenderedPage(
                    f"{folder}/index.md",
                    self.render(f"{kind}_overview.md.j2", kind=kind, entities=entities),
                )
            )
            for entity in entities:
                pages.append(
                    RenderedPage(
                        entity_path(kind, entity.id),
                        self.render(f"{kind}.md.j2", kind=kind, entity=entity),
                    )
                )
        pages.append(plan_page(self))
        return pages


def render_site(hub: Hub) -> Pages:
    """Every generated page in every language: {lang: pages}."""
    backlinks = Backlinks(hub)
    return {lang: Renderer(hub, lang, backlinks).pages() for lang in hub.site.codes}
