"""What every picture of familyhub.funding_chart and familyhub.network shares: colours, links
to built pages, names shortened to fit a line, and the scale of an axis."""

from __future__ import annotations

import math

from familyhub.models import FOLDER_OF_KIND

# fixed colours, not the theme's variables: a picture must look the same in a PDF.
# INK on white is 16:1; LIGHT is only a fill, always outlined in INK; GRID only guides the eye.
INK = "#1a237e"
LIGHT = "#c5cae9"
GRID = "#757575"
LINE = "#3949ab"
ELLIPSIS = "…"


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
