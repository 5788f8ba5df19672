"""The store a build keeps between processes (familyhub/data/store.py): it saves time, never shows
stale pages, and a broken store costs nothing but the time it would have saved."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from familyhub.data import store
from familyhub.pages.incremental import BuildCache
from familyhub.pages.markup import Pages

PARTNERSHIP = "partnerships/holbaek-home-start.yml"
PAGE = "partnerships/holbaek-home-start.md"
OLD_NAME = "Partnership agreement between Holbæk Municipality and HOME-START Holbæk"
# "æ" and "ae" are both two bytes in UTF-8: the file keeps its size
NEW_NAME = OLD_NAME.removesuffix("Holbæk") + "Holbaek"


def fresh_process_pages(data_dir: Path) -> Pages:
    """What a new build process renders: a new BuildCache, with only the disk store to go on."""
    cache = BuildCache()
    return cache.pages(cache.hub(data_dir))


def english_page(pages: Pages) -> str:
    return next(page.markdown for page in pages["en"] if page.path == PAGE)


def test_a_second_process_reads_both_stores(data_dir: Path) -> None:
    first = fresh_process_pages(data_dir)
    assert store.store_file(data_dir, "entities").is_file()
    assert store.store_file(data_dir, "pages").is_file()
    assert fresh_process_pages(data_dir) == first


def test_an_edit_that_keeps_size_and_time_still_shows(data_dir: Path) -> None:
    """The store keys files by content: a save within one clock tick, same length, counts."""
    fresh_process_pages(data_dir)
    path = data_dir / PARTNERSHIP
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace(f"en: {OLD_NAME}", f"en: {NEW_NAME}", 1)
    assert edited != text and len(edited.encode()) == len(text.encode())
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert "Holbaek" in english_page(fresh_process_pages(data_dir))


@pytest.mark.parametrize("what", ["entities", "pages"])
def test_a_broken_store_is_ignored(data_dir: Path, what: str) -> None:
    expected = fresh_process_pages(data_dir)
    store.store_file(data_dir, what).write_bytes(b"\x80\x05 not a pickle")
    assert fresh_process_pages(data_dir) == expected


def test_switched_off_it_writes_nothing(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(store.SWITCH, "off")
    pages = fresh_process_pages(data_dir)
    assert OLD_NAME in english_page(pages)
    assert not store.store_file(data_dir, "entities").parent.exists()
