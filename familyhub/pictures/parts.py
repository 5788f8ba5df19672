"""What every picture shares: colours, links to built pages, names shortened to fit a line, the
scale of an axis, and the one Jinja environment of the SVG templates."""

from __future__ import annotations

import math
import textwrap
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from familyhub.data.kinds import FOLDER_OF_KIND

# fixed colours, not the theme's variables: a picture must look the same in a PDF.
# INK on white is 16:1; LIGHT is only a fill, always outlined in INK; GRID only guides the eye.
INK = "#1a237e"
LIGHT = "#c5cae9"
GRID = "#757575"
LINE = "#3949ab"
ELLIPSIS = "…"
# A picture is drawn twice: WIDE for a column of a desktop page and the PDF, NARROW (a vertical
# layout) for a phone, where the wide one would shrink its text below 11 px. The stylesheet shows
# one of them by the width of the column (familyhub-pictures.css).
WIDE_CLASS = "fh-wide"
NARROW_CLASS = "fh-narrow"
NARROW = 340
# the font size of every text in a picture: never smaller, so that it reads at 12 px or more
TEXT_SIZE = 13


def page_href(kind: str, entity_id: str) -> str:
    """A built page's address from a generated overview page.

    A raw HTML block is not rewritten by MkDocs, so this is the built file itself
    (mkdocs.yml: use_directory_urls: false), relative, so that it works under /en/ too.
    """
    return f"../{FOLDER_OF_KIND[kind]}/{entity_id}.html"


def shorten(text: str, most: int) -> str:
    """At most `most` characters; a cut name ends in an ellipsis (its full form is in the
    picture's tooltip and in the table beside it)."""
    if len(text) <= most:
        return text
    return text[: most - 1].rstrip() + ELLIPSIS


def wrap(text: str, width: int, lines: int = 2) -> list[str]:
    """At most `lines` lines of at most `width` characters; a cut text ends in an ellipsis."""
    # words are broken at spaces and hyphens, never inside: a word too long for a line is cut
    wrapped = textwrap.wrap(text, width, break_long_words=False) or [""]
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], " ".join(wrapped[lines - 1 :])]
    return [shorten(line, width) for line in wrapped]


def axis_ticks(largest: float, count: int = 4) -> list[int]:
    """Round tick values from 0 to at least `largest`: steps of 1, 2, 2.5 or 5 times a power
    of ten, whole numbers only (money is shown without decimals)."""
    if largest <= 0:
        return [0]
    raw = largest / count
    magnitude = 10 ** max(0, math.floor(math.log10(raw)))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if raw <= m * magnitude)
    step = max(1, round(step))
    return [step * index for index in range(math.ceil(largest / step) + 1)]


_ENV = Environment(
    loader=PackageLoader("familyhub", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_svg(template: str, **context: Any) -> Markup:
    """An SVG template of familyhub/templates, every text HTML-escaped, as one line of HTML.

    The funding charts, the network, the timeline and the series charts use it: one environment
    for every SVG, not one per picture.
    """
    svg = _ENV.get_template(template).render(**context)
    # the picture's kind, its template's name, on its root: tests find every kind in a build
    end = svg.index(">", svg.index("<svg"))
    svg = f'{svg[:end]} data-picture="{template.removesuffix(".svg.j2")}"{svg[end:]}'
    # one line: a blank line would end the raw HTML block in the Markdown page
    return Markup(" ".join(line.strip() for line in svg.splitlines() if line.strip()))
