"""Which entities' pages an edit of the data can change, so that a preview renders only those.

A page shows its own entity, the entities it names (their names, and for a source its publisher
and title) and the entities that name it (back-links). So an edit reaches one reference away, in
either direction; tests/test_preview_render.py holds this against a full render for an edit of
each kind. An overview shows its kind's entities and their neighbours: it is rendered again when
one of its kind is affected; the plan page and other pages that are no entity's always are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from familyhub.data.load import Hub
from familyhub.data.references import entity_references

EntityKey = tuple[str, str]  # (kind, id)
REACH = 1


def changed_entities(before: Hub, after: Hub) -> set[EntityKey]:
    """Entities added, removed or edited between two loads of the data."""
    changed: set[EntityKey] = set()
    for kind in before.entities.keys() | after.entities.keys():
        old, new = before.entities.get(kind, {}), after.entities.get(kind, {})
        for entity_id in old.keys() | new.keys():
            was, now = old.get(entity_id), new.get(entity_id)
            if was is not now and was != now:
                changed.add((kind, entity_id))
    return changed


def affected_entities(before: Hub, after: Hub, changed: set[EntityKey]) -> set[EntityKey]:
    """The changed entities and those within REACH references of them, before or after the
    edit (a removed reference changes the page it led to as much as an added one)."""
    neighbours = _neighbours(before, after)
    affected, frontier = set(changed), set(changed)
    for _ in range(REACH):
        frontier = {other for key in frontier for other in neighbours[key]} - affected
        affected |= frontier
    return affected


def _neighbours(*hubs: Hub) -> dict[EntityKey, set[EntityKey]]:
    """Entity -> every entity it names or that names it, in any of the hubs."""
    neighbours: dict[EntityKey, set[EntityKey]] = defaultdict(set)
    for hub in hubs:
        for key, targets in _references(hub):
            for target in targets:
                neighbours[key].add(target)
                neighbours[target].add(key)
    return neighbours


def _references(hub: Hub) -> Iterable[tuple[EntityKey, set[EntityKey]]]:
    for kind, by_id in hub.entities.items():
        for entity_id, entity in by_id.items():
            targets = {
                (target_kind, target) for _, target_kind, target in entity_references(entity)
            }
            yield (kind, entity_id), targets
