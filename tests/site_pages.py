"""Which built pages the expensive browser checks open: one page of each page template in each
language (the largest, which has the most to go wrong), and every hand-written page. Found in the
build itself, so a new kind of entity, and so a new template, is covered without editing a test."""

from __future__ import annotations

import functools
from collections import defaultdict
from pathlib import Path, PurePosixPath

from familyhub.data.guide_model import PLAN_PAGE
from familyhub.data.kinds import FOLDER_OF_KIND
from familyhub.data.load import load_site_config

from .conftest import EDITOR_FOLDER, ROOT

KIND_OF_FOLDER = {folder: kind for kind, folder in FOLDER_OF_KIND.items()}


@functools.cache
def languages() -> dict[str, str]:
    """Language code -> its folder prefix in site/ ('' for the default language). Read once per
    run: split_language asks for every built page, and site.yml is long."""
    site = load_site_config(ROOT / "data")
    return {code: "" if code == site.default_language else f"{code}/" for code in site.codes}


def split_language(relative: PurePosixPath) -> tuple[str, PurePosixPath]:
    prefixes = languages()
    for code, prefix in prefixes.items():
        if prefix and relative.parts[0] == prefix.rstrip("/"):
            return code, PurePosixPath(*relative.parts[1:])
    default = next(code for code, prefix in prefixes.items() if not prefix)
    return default, relative


def template_of(page: PurePosixPath) -> str:
    """The template a built page (relative to its language's root) was made with."""
    if len(page.parts) == 1:
        return f"hand-written {page.name}"
    kind = KIND_OF_FOLDER.get(page.parts[0])
    if kind is None or len(page.parts) != 2:
        return f"other {page.parent}"
    if page.name == "index.html":
        return f"{kind} overview"
    if kind == "guide" and page.stem == PLAN_PAGE:
        return "plan page"
    return kind


def pages_by_template(site: Path) -> dict[tuple[str, str], list[Path]]:
    groups: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for path in sorted(site.rglob("*.html")):
        if path.relative_to(site).parts[0] == EDITOR_FOLDER:
            continue
        lang, page = split_language(PurePosixPath(path.relative_to(site).as_posix()))
        groups[(lang, template_of(page))].append(path)
    return dict(groups)


def representative_pages(site: Path) -> list[str]:
    """One page per (language, template), the largest of its group, relative to site/."""
    return sorted(
        str(max(paths, key=lambda path: path.stat().st_size).relative_to(site))
        for paths in pages_by_template(site).values()
    )
