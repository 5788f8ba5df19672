"""After an edit, the preview renders only the pages the edit can change (familyhub/pages/
affected.py); what it shows must be what a full render of the edited data gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from familyhub.data import store
from familyhub.data.kinds import KINDS
from familyhub.data.load import Hub
from familyhub.data.references import entity_references
from familyhub.pages.compose import render_site
from familyhub.pages.incremental import BuildCache
from familyhub.pages.markup import Pages

EDITED = " (rettet)"


def markdown_by_path(pages: Pages) -> dict[tuple[str, str], str]:
    return {(lang, page.path): page.markdown for lang, pages in pages.items() for page in pages}


def most_connected(hub: Hub, kind: str) -> str:
    """The entity of `kind` that names or is named by the most others: the widest edit."""
    degree = {
        entity_id: len(entity_references(entity))
        for entity_id, entity in hub.entities[kind].items()
    }
    for by_id in hub.entities.values():
        for entity in by_id.values():
            for _, target_kind, target in entity_references(entity):
                if target_kind == kind:
                    degree[target] += 1
    return max(sorted(degree), key=lambda entity_id: degree[entity_id])


def rewrite(path: Path, change: Any) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")


def rename(document: dict[str, Any]) -> None:
    """Every language's name (or title) changed: every link to the entity changes with it."""
    key = "name" if "name" in document else "title"
    name = document[key]
    document[key] = (
        {lang: text + EDITED for lang, text in name.items()}
        if isinstance(name, dict)
        else name + EDITED
    )


@pytest.fixture
def cache(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> BuildCache:
    """A preview's cache that has rendered the curated data once, from nothing."""
    monkeypatch.setenv(store.SWITCH, "off")
    cache = BuildCache()
    cache.pages(cache.hub(data_dir))
    assert cache.rendered == "all"
    return cache


def render_again(cache: BuildCache, data_dir: Path) -> tuple[Pages, Hub]:
    hub = cache.hub(data_dir)
    pages = cache.pages(hub)
    assert cache.rendered != "all", "the edit should have rendered only some pages"
    return pages, hub


def test_each_kind_renamed_shows_as_after_a_full_render(cache: BuildCache, data_dir: Path) -> None:
    for kind, _ in KINDS.values():
        hub = cache.hub(data_dir)
        entity_id = most_connected(hub, kind)
        rewrite(hub.file_of(kind, entity_id), rename)
        pages, hub = render_again(cache, data_dir)
        partial, full = markdown_by_path(pages), markdown_by_path(render_site(hub))
        stale = sorted(key for key in full if partial.get(key) != full[key])
        assert not stale, f"renaming {kind} {entity_id} left these pages stale: {stale[:5]}"
        assert any(EDITED.strip() in text for text in partial.values())


def test_a_moved_reference_an_added_and_a_removed_entity(cache: BuildCache, data_dir: Path) -> None:
    hub = cache.hub(data_dir)
    named = {
        target
        for by_id in hub.entities.values()
        for entity in by_id.values()
        for _, _, target in entity_references(entity)
    }
    # one that nothing names, so that it can be removed
    partnership = next(p for p in hub.all("partnership") if p.municipality and p.id not in named)
    other = next(m for m in hub.all("municipality") if m.id != partnership.municipality)

    def move(document: dict[str, Any]) -> None:
        for party in document["parties"]:
            if party.get("municipality") == document["municipality"]:
                party["municipality"] = other.id
        document["municipality"] = other.id

    steps = {
        "moved to another municipality": lambda: rewrite(
            hub.file_of("partnership", partnership.id), move
        ),
        "added": lambda: copy_as(hub.file_of("partnership", partnership.id), "a-new-partnership"),
        "removed": lambda: hub.file_of("partnership", partnership.id).unlink(),
    }
    for step, do in steps.items():
        do()
        pages, after = render_again(cache, data_dir)
        partial, full = markdown_by_path(pages), markdown_by_path(render_site(after))
        assert partial.keys() == full.keys(), step
        stale = sorted(key for key in full if partial[key] != full[key])
        assert not stale, f"{partnership.id} {step}: these pages are stale: {stale[:5]}"


def copy_as(path: Path, new_id: str) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["id"] = new_id
    target = path.with_name(f"{new_id}.yml")
    target.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
