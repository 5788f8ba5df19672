"""What a build process already loaded, rendered and wrote, so that the next build redoes only what
changed: in memory for a long-lived process (`mkdocs serve`, the i18n plugin's second language),
and through familyhub/data/store.py for the next process."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from familyhub.data import store
from familyhub.data.load import EntityCache, Hub, load_hub
from familyhub.pages.affected import affected_entities, changed_entities
from familyhub.pages.compose import render_site
from familyhub.pages.markup import Pages
from familyhub.pages.output import WriteStats, language_file, write_pages
from familyhub.pages.render import TEMPLATE_DIR, entity_path

Fingerprint = frozenset[tuple[str, int, int]]


def fingerprint(*paths: Path) -> Fingerprint:
    """Every file under the folders (and every file named), with its modification time and
    size: cheap (no reads), and it changes whenever an editor saves, adds or removes a file."""
    return frozenset(
        (name, stat.st_mtime_ns, stat.st_size) for path in paths for name, stat in _files(path)
    )


def _files(path: Path) -> Iterator[tuple[str, os.stat_result]]:
    if path.is_file():
        yield str(path), path.stat()
    elif path.is_dir():
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    yield from _files(Path(entry.path))
                elif entry.is_file():
                    yield entry.path, entry.stat()


@dataclass
class BuildCache:
    entities: EntityCache = field(default_factory=dict)
    _inputs: Fingerprint | None = None
    _templates: Fingerprint | None = None
    _hub: Hub | None = None
    _pages: Pages | None = None
    _pages_hub: Hub | None = None  # the hub _pages were rendered from
    # what write() last wrote: target file -> ((mtime_ns, size) right after writing it, text)
    _written: dict[Path, tuple[tuple[int, int], str]] = field(default_factory=dict)
    _written_pages: Pages | None = None
    # what the last pages() rendered: every page, or those of how many entities
    rendered: str = ""

    def hub(self, data_dir: Path) -> Hub:
        """The hub in data_dir, loaded again only when a file in it or a template changed."""
        inputs, templates = fingerprint(data_dir), fingerprint(TEMPLATE_DIR)
        if templates != self._templates:
            self._pages = None  # every page may read the edited template
        if self._hub is None or inputs != self._inputs or self._hub.data_dir != data_dir:
            if not self.entities:
                self.entities = store.read_entities(data_dir)
            known = {path: key for path, (key, _) in self.entities.items()}
            self._hub = load_hub(data_dir, cache=self.entities)
            if known != {path: key for path, (key, _) in self.entities.items()}:
                store.write_entities(data_dir, self.entities)
            self._inputs = inputs
        self._templates = templates
        return self._hub

    def loaded(self, data_dir: Path) -> Hub:
        """The hub this build has loaded already (hooks.py's on_pre_build asks hub() first), for
        the events that run once per page: fingerprinting data/ for each page cost more than
        the page itself."""
        if self._hub is not None and self._hub.data_dir == data_dir:
            return self._hub
        return self.hub(data_dir)

    def pages(self, hub: Hub) -> Pages:
        """The hub's pages: kept, read from the store, or rendered; after an edit in this
        process, only the pages the edit can change are rendered again (pages/affected.py)."""
        if self._pages is not None and hub is self._pages_hub:
            return self._pages
        pages = self._render_changes(hub) if self._pages is not None else None
        if pages is None:
            pages = store.read_pages(hub, self.entities)
            self.rendered = "stored"
        if pages is None:
            pages = render_site(hub)
            self.rendered = "all"
        if self.rendered != "stored":  # what was just read from the store is not written back
            store.write_pages(hub, self.entities, pages)
        self._pages, self._pages_hub = pages, hub
        return pages

    def _render_changes(self, hub: Hub) -> Pages | None:
        before, pages = self._pages_hub, self._pages
        if before is None or pages is None or before.site != hub.site:
            return None  # site.yml holds every page's labels and languages
        changed = changed_entities(before, hub)
        affected = affected_entities(before, hub, changed)
        self.rendered = f"{len(affected)} entities"
        gone = {entity_path(kind, entity_id) for kind, entity_id in changed - hub.keys()}
        fresh = render_site(hub, only=affected)
        return {
            lang: list(
                (
                    {page.path: page for page in pages[lang] if page.path not in gone}
                    | {page.path: page for page in fresh[lang]}
                ).values()
            )
            for lang in fresh
        }

    def write(self, hub: Hub, docs_dir: Path) -> WriteStats:
        """Write the hub's pages into docs_dir; nothing at all if every file is as last written,
        and no file read again that still holds what this process wrote into it."""
        pages = self.pages(hub)
        default = hub.site.default_language
        wanted = {
            docs_dir / language_file(page.path, lang, default): page.markdown
            for lang, lang_pages in pages.items()
            for page in lang_pages
        }
        if pages is self._written_pages and self._unchanged(wanted):
            return WriteStats(unchanged=len(wanted))
        known = {path for path, text in wanted.items() if self._holds(path, text)}
        stats = write_pages(pages, docs_dir, default, known=known)
        self._written = {path: (_stat(path), text) for path, text in wanted.items()}
        self._written_pages = pages
        return stats

    def _holds(self, path: Path, text: str) -> bool:
        """path still holds `text` as this process wrote it (same time and size)."""
        written = self._written.get(path)
        try:
            return written is not None and written[1] == text and written[0] == _stat(path)
        except OSError:
            return False

    def _unchanged(self, wanted: dict[Path, str]) -> bool:
        return len(wanted) == len(self._written) and all(
            self._holds(path, text) for path, text in wanted.items()
        )


def _stat(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


# One per process: MkDocs loads scripts/hooks.py afresh for every `serve` rebuild, but
# familyhub stays imported.
BUILD_CACHE = BuildCache()
