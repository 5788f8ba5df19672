"""The renderer with every page module's helpers handed in: the one way to render the site."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any

from familyhub.data.load import Hub
from familyhub.pages.facets import table_helpers
from familyhub.pages.guides import guide_helpers, plan_page
from familyhub.pages.markup import Pages
from familyhub.pages.money import money_helpers
from familyhub.pages.municipality import municipality_helpers
from familyhub.pages.render import Backlinks, Renderer
from familyhub.pictures.helpers import picture_helpers


def _pictures(renderer: Renderer) -> dict[str, Any]:
    return picture_helpers(renderer.hub, renderer.fmt)


def make_renderer(hub: Hub, lang: str, backlinks: Backlinks | None = None) -> Renderer:
    """A renderer of one language that knows the guide, table and picture helpers."""
    return Renderer(
        hub,
        lang,
        backlinks,
        helpers=(guide_helpers, table_helpers, money_helpers, municipality_helpers, _pictures),
        extra_pages=(plan_page,),
    )


def render_site(hub: Hub, only: AbstractSet[tuple[str, str]] | None = None) -> Pages:
    """Every generated page in every language: {lang: pages}; with `only`, those (kind, id)
    entities' pages, their kinds' overviews and every page that is no entity's (Renderer.pages)."""
    backlinks = Backlinks(hub)
    return {lang: make_renderer(hub, lang, backlinks).pages(only) for lang in hub.site.codes}
