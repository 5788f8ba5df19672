"""The site's search: a Pagefind index of the built pages, one per language (`<html lang>`).

Pagefind reads the built HTML, so the index holds what a reader sees; it splits each language's
index into fragments that a browser fetches only for the words searched. pagefind.js picks the
index of the page's own language, so a Danish page searches Danish pages only.
"""

from __future__ import annotations

from pathlib import Path

from pagefind_bin import get_executable

from familyhub.site import children

BUNDLE = "pagefind"
# Only the page's own text (overrides/main.html marks it data-pagefind-body), less the permalink
# signs beside each heading, the edit and download buttons (the same on every page), and what is
# hidden: the words the filter and checklist scripts use ("{shown} of {total} rows shown").
EXCLUDE_SELECTORS = (".headerlink", ".md-content__button", "script", "[hidden]")
# The bundle's prebuilt search UIs: familyhub has its own (overrides/partials/search.html).
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """Pagefind failed; its own message says why."""


def build_index(site_dir: Path) -> Path:
    """Index every page of site_dir into site_dir/pagefind/; returns that folder."""
    command = [
        str(get_executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--exclude-selectors",
        ", ".join(EXCLUDE_SELECTORS),
        # result links as the site writes them (use_directory_urls: false): .../index.html
        "--keep-index-url",
        "--quiet",
    ]
    result = children.run(command)
    if result.returncode != 0:
        raise SearchIndexError(f"pagefind exited {result.returncode}:\n{result.stderr}")
    bundle = site_dir / BUNDLE
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    return bundle
