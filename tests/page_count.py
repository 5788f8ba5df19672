"""How many pages a build of the real data holds, counted from what it is made of (the files in
data/ and docs/), not from the build: a check of "every page" first checks that it saw them all,
so an empty, half-built or misplaced site/ cannot pass it."""

from __future__ import annotations

from .conftest import LANGUAGE_CODES, ROOT


def pages_per_language() -> int:
    """One page per entity file, an overview per folder of entities, the hand-written pages
    (docs/*.md in the default language, the 404 page among them) and the plan page."""
    entities = list((ROOT / "data").glob("*/*.yml"))
    folders = {path.parent for path in entities}
    hand_written = [page for page in (ROOT / "docs").glob("*.md") if page.stem.count(".") == 0]
    return len(entities) + len(folders) + len(hand_written) + 1


def pages_in_all_languages() -> int:
    return pages_per_language() * len(LANGUAGE_CODES)
