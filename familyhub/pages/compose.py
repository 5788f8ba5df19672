"""The renderer with every page module's helpers handed in: the one way to render the site."""

from __future__ import annotations

from typing import Any

from familyhub.data.load import Hub
from familyhub.pages.facets import table_helpers
from familyhub.pages.guides import guide_helpers, plan_page
from familyhub.pages.markup import Pages
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
        helpers=(guide_helpers, table_helpers, _pictures),
        extra_pages=(plan_page,),
    )


def render_site(hub: Hub) -> Pages:
    """Every generated page in every language: {lang: pages}."""
    backlinks = Backlinks(hub)
    return {lang: make_renderer(hub, lang, backlinks).pages() for lang in hub.site.codes}
