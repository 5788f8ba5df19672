"""YAML models -> Markdown pages, one language at a time. Knows nothing of MkDocs."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from familyhub.data.evidence import by_design
from familyhub.data.faults import OVERVIEW, working_on
from familyhub.data.kinds import FOLDER_OF_KIND, KINDS
from familyhub.data.load import Hub
from familyhub.data.references import entity_references
from familyhub.i18n import Formatter, MissingLabel
from familyhub.pages.markup import (
    RenderedPage,
    anchor,
    escape_text,
    external_link,
    front_matter_title,
)

TEMPLATES = PackageLoader("familyhub", "templates")
TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "templates"
_BLANK_LINES = re.compile(r"\n{3,}")
# errors with their own message for the editor, which a page passes on as they are
EXPECTED = (MissingLabel,)


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


HelperFactory = Callable[["Renderer"], dict[str, Any]]
PageFactory = Callable[["Renderer"], RenderedPage]


class Renderer:
    """Renders every generated page of one language."""

    def __init__(
        self,
        hub: Hub,
        lang: str,
        backlinks: Backlinks | None = None,
        helpers: Sequence[HelperFactory] = (),
        extra_pages: Sequence[PageFactory] = (),
    ) -> None:
        """`helpers` add template globals of other page modules (guides, tables, pictures);
        `extra_pages` are pages that are no entity's (the plan page). pages/compose.py hands
        them in, so this module imports none of them."""
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
        for helper in helpers:
            self.env.globals.update(helper(self))
        self._extra_pages = tuple(extra_pages)

    def _template_helpers(self) -> dict[str, Any]:
        fmt = self.fmt
        return {
            "t": fmt.text,
            "label": fmt.label,
            "number": fmt.number,
            "money": fmt.money,
            "date": fmt.date,
            "partial_date": fmt.partial_date,
            "link": self.link,
            "cite": self.cite,
            "source_title": self.source_title,
            "as_given": self.as_given,
            "source_address": self.source_address,
            "figure_value": self.figure_value,
            "funding_value": self.funding_value,
            "yearly_share": self.yearly_share,
            "funding_summary": self.funding_summary,
            "cost_per_family": self.cost_per_family,
            "backlinks": self.backlinks_by_name,
            "get": self.hub.get,
            "by_design": lambda ids: by_design([self.hub.get("evaluation", i) for i in ids]),
            "name": lambda entity: display_name(entity, self.lang),
            "title": front_matter_title,
            "data_file": self.data_file,
            "external_link": external_link,
            "anchor": anchor,
            "kinds": [kind for kind, _ in KINDS.values()],
            "folder": FOLDER_OF_KIND,
        }

    def link(self, kind: str, entity_id: str) -> Markup:
        # thousands of pages link to the same few entities: each link is made once
        key = (kind, entity_id)
        if key not in self._links:
            entity = self.hub.get(kind, entity_id)
            text = (
                self.source_title(entity)
                if kind == "source"
                else escape_text(display_name(entity, self.lang))
            )
            self._links[key] = Markup(f"[{text}](../{entity_path(kind, entity_id)})")
        return self._links[key]

    def name_of(self, kind: str, entity_id: str) -> str:
        return display_name(self.hub.get(kind, entity_id), self.lang)

    def by_name(self, entities: Sequence[Any]) -> list[Any]:
        """Entities in the alphabetical order of their names in the page's language."""
        return self.fmt.alphabetical(entities, lambda entity: display_name(entity, self.lang))

    def backlinks_by_name(self, kind: str, entity_id: str, from_kind: str) -> list[str]:
        """The ids of the `from_kind` entities that refer to this one, in alphabetical order."""
        ids = self.backlinks.of(kind, entity_id, from_kind)
        return self.fmt.alphabetical(ids, lambda other: self.name_of(from_kind, other))

    def cite(self, source_id: str) -> Markup:
        key = ("cite", source_id)
        if key not in self._links:
            source = self.hub.get("source", source_id)
            publisher = escape_text(f"{source.publisher}: ") if source.publisher else ""
            text = publisher + self.source_title(source)
            self._links[key] = Markup(f"[{text}](../{entity_path('source', source_id)})")
        return self._links[key]

    def source_title(self, source: Any) -> Markup:
        """issue 23: a source's title in the reader's language, or, where it is the title the
        source was published under in another language, marked with that language."""
        return self.as_given(source.title, source.id)

    def as_given(self, value: str | dict[str, str], source_id: str) -> Markup:
        """issue 23: the hub's words in the reader's language, or a source's own words marked
        with the source's language where it is not the page's."""
        if isinstance(value, dict):
            return escape_text(value[self.lang])
        language = self.hub.get("source", source_id).language
        text = escape_text(value)
        if language == self.lang:
            return text
        return Markup('<span lang="{}">{}</span>').format(language, text)

    def source_address(self, source_id: str) -> Markup:
        """issue 22: a source's address after its title, for paper (web print and PDF), where
        the link to the hub's source page cannot be followed; nothing for a source without."""
        url = self.hub.get("source", source_id).url
        if url is None:
            return Markup("")
        return Markup('<span class="fh-source-address"> · {}</span>').format(escape_text(url))

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

    def funding_summary(self, partnership: Any) -> str | None:
        """Every funding of a partnership in one cell, each total with its yearly share: the
        overview's column and the downloads' alike."""
        parts = []
        for funding in partnership.funding:
            share = self.yearly_share(funding)
            value = self.funding_value(funding)
            parts.append(f"{value} ({share})" if share else value)
        return "; ".join(parts) or None

    def yearly_share(self, funding: Any) -> str | None:
        """A total for several years as an amount a year: the hub's own division, with its
        formula; none where the funding is already yearly or gives no number of years."""
        if funding.per != "total" or not funding.years:
            return None
        share = funding.amount / funding.years
        amount = self.fmt.money(share, funding.currency)
        if share != round(share):
            amount = f"{self.fmt.label('qualifier-about')} {amount}"
        return self.fmt.label("yearly-share").format(
            amount=amount,
            total=self.fmt.money(funding.amount, funding.currency),
            years=self.fmt.number(funding.years),
        )

    def cost_per_family(self, cost: Any) -> str:
        """The hub's own sum from one source's amount and number of families, with its formula."""
        each = cost.amount / cost.families
        each_text = self.fmt.money(each, cost.currency)
        if each != round(each):
            each_text = f"{self.fmt.label('qualifier-about')} {each_text}"
        return self.fmt.label("cost-per-family-sum").format(
            amount=self.fmt.money(cost.amount, cost.currency),
            families=self.fmt.number(cost.families),
            each=each_text,
        )

    def data_file(self, kind: str, entity_id: str) -> Markup:
        """The entity's YAML file relative to the repository, for the page's edit link."""
        path = Path(self.hub.file_of(kind, entity_id))
        return Markup(json.dumps(f"data/{path.parent.name}/{path.name}"))

    def render(self, template: str, **context: Any) -> str:
        markdown = self.env.get_template(template).render(lang=self.lang, **context)
        return _BLANK_LINES.sub("\n\n", markdown).strip() + "\n"

    def pages(self, only: AbstractSet[tuple[str, str]] | None = None) -> list[RenderedPage]:
        """Every page of the language; with `only`, the pages of those (kind, id) entities, the
        overviews of their kinds and the pages that are no entity's. An unexpected error names
        the entity (or the folder) whose page it was (familyhub/data/faults.py)."""
        pages = []
        data_dir = self.hub.data_dir
        for folder, (kind, _) in KINDS.items():
            if only is not None and all(key[0] != kind for key in only):
                continue
            entities = self.hub.all(kind)
            where = (data_dir / folder, data_dir, OVERVIEW, EXPECTED)
            with working_on(f"the {self.lang} overview page", *where):
                overview = self.render(
                    f"{kind}_overview.md.j2", kind=kind, entities=self.by_name(entities)
                )
            pages.append(RenderedPage(f"{folder}/index.md", overview))
            for entity in entities:
                if only is None or (kind, entity.id) in only:
                    path = self.hub.file_of(kind, entity.id)
                    with working_on(f"its {self.lang} page", path, data_dir, expected=EXPECTED):
                        markdown = self.render(f"{kind}.md.j2", kind=kind, entity=entity)
                    pages.append(RenderedPage(entity_path(kind, entity.id), markdown))
        for make in self._extra_pages:
            where = (data_dir, data_dir, OVERVIEW, EXPECTED)
            with working_on(f"the {self.lang} {make.__name__} page", *where):
                pages.append(make(self))
        return pages
