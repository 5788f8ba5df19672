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
from familyhub.pages.compose import render_site
from familyhub.pages.markup import Pages
from familyhub.pages.output import WriteStats, language_file, write_pages
from familyhub.pages.render import TEMPLATE_DIR

Fingerprint = frozenset[tuple[str, int, int]]


def fingerprint(*folders: Path) -> Fingerprint:
    """Every file under the folders, with its modification time and size: cheap (no reads),
    and it changes whenever an editor saves, adds or removes a file."""
    return frozenset(
        (entry.path, stat.st_mtime_ns, stat.st_size)
        for folder in folders
        for entry in _walk(folder)
        for stat in (entry.stat(),)
    )


def _walk(folder: Path) -> Iterator[os.DirEntry[str]]:
    if not folder.is_dir():
        return
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path))
            elif entry.is_file():
                yield entry


@dataclass
class BuildCache:
    entities: EntityCache = field(default_factory=dict)
    _inputs: Fingerprint | None = None
    _hub: Hub | None = None
    _pages: Pages | None = None
    # what write() last wrote: target file -> (mtime_ns, size) right after writing it
    _written: dict[Path, tuple[int, int]] = field(default_factory=dict)
    _written_pages: Pages | None = None

    def hub(self, data_dir: Path) -> Hub:
        """The hub in data_dir, loaded again only when a file in it or a template changed."""
        inputs = fingerprint(data_dir, TEMPLATE_DIR)
        if self._hub is None or inputs != self._inputs or self._hub.data_dir != data_dir:
            if not self.entities:
                self.entities = store.read_entities(data_dir)
            known = {path: key for path, (key, _) in self.entities.items()}
            self._hub = load_hub(data_dir, cache=self.entities)
            if known != {path: key for path, (key, _) in self.entities.items()}:
                store.write_entities(data_dir, self.entities)
            self._inputs = inputs
            self._pages = None
        return self._hub

    def pages(self, hub: Hub) -> Pages:
        if self._pages is None or hub is not self._hub:
            self._pages = store.read_pages(hub, self.entities)
            if self._pages is None:
                self._pages = render_site(hub)
                store.write_pages(hub, self.entities, self._pages)
        return self._pages

    def write(self, hub: Hub, docs_dir: Path) -> WriteStats:
        """Write the hub's pages into docs_dir; nothing at all if every file is as last written."""
        pages = self.pages(hub)
        default = hub.site.default_language
        targets = [
            docs_dir / language_file(page.path, lang, default)
            for lang, lang_pages in pages.items()
            for page in lang_pages
        ]
        if pages is self._written_pages and self._unchanged(targets):
            return WriteStats(unchanged=len(targets))
        stats = write_pages(pages, docs_dir, default)
        self._written = {path: _stat(path) for path in targets}
        self._written_pages = pages
        return stats

    def _unchanged(self, targets: list[Path]) -> bool:
        if len(targets) != len(self._written):
            return False
        try:
            return all(self._written.get(path) == _stat(path) for path in targets)
        except OSError:
            return False


def _stat(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


# One per process: MkDocs loads scripts/hooks.py afresh for every `serve` rebuild, but
# familyhub stays imported.
BUILD_CACHE = BuildCache()
