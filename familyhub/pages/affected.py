"""Which entities' pages an edit of the data can change, so that a preview renders only those.

A page shows its own entity, the entities it names (their names, and for a source its publisher
and title) and the entities that name it (back-links). So an edit reaches one reference away, in
either direction; tests/test_preview_render.py holds this against a full render for an edit of
each kind. An overview shows its kind's entities and their neighbours: it is rendered again when
one of its kind is affected; the plan page and other pages that are no entity's always are.

Issue 22 adds what is shown further away: a partnership's page names its funding's payers, and a
municipality's page its partnerships' evaluations, status sources and models, and the country's
other municipalities with the same model (shown_further_away, same_model_municipalities).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from familyhub.data.load import Hub
from familyhub.data.references import entity_references
from familyhub.pages.municipality import municipalities_of

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
    return affected | same_model_municipalities((before, after), changed)


def _neighbours(*hubs: Hub) -> dict[EntityKey, set[EntityKey]]:
    """Entity -> every entity it names or that names it, in any of the hubs."""
    neighbours: dict[EntityKey, set[EntityKey]] = defaultdict(set)
    for hub in hubs:
        for key, targets in _references(hub):
            for target in targets:
                neighbours[key].add(target)
                neighbours[target].add(key)
        for key, target in shown_further_away(hub):
            neighbours[key].add(target)
            neighbours[target].add(key)
    return neighbours


def shown_further_away(hub: Hub) -> Iterable[tuple[EntityKey, EntityKey]]:
    """Pages that show an entity two references away: a payer on its partnership's page; a
    partnership's payers, operators, evaluations, status source and models on its
    municipalities' pages."""
    evaluations: dict[str, set[str]] = defaultdict(set)
    for evaluation in hub.all("evaluation"):
        for partnership_id in evaluation.partnerships:
            evaluations[partnership_id].add(evaluation.id)
    for partnership in hub.all("partnership"):
        key = ("partnership", partnership.id)
        payers = {
            (funding.payer.register_kind(), funding.payer.id)
            for funding in partnership.funding
            if funding.payer.id is not None
        }
        for payer in payers:
            yield key, payer
        shown = payers | {("evaluation", e) for e in evaluations[partnership.id]}
        shown |= {("organisation", p.organisation) for p in partnership.parties if p.organisation}
        shown |= {("model", model) for model in partnership.models}
        if partnership.status_source is not None:
            shown.add(("source", partnership.status_source))
        for municipality in municipalities_of(partnership):
            for target in shown:
                yield ("municipality", municipality), target


def same_model_municipalities(hubs: Iterable[Hub], changed: set[EntityKey]) -> set[EntityKey]:
    """The municipalities whose page lists a changed municipality, partnership or model among
    the country's others with the same model."""
    found: set[EntityKey] = set()
    for hub in hubs:
        by_model: dict[str, set[str]] = defaultdict(set)
        models_of: dict[EntityKey, set[str]] = defaultdict(set)
        for partnership in hub.all("partnership"):
            models_of[("partnership", partnership.id)] |= set(partnership.models)
            for municipality in municipalities_of(partnership):
                models_of[("municipality", municipality)] |= set(partnership.models)
                for model in partnership.models:
                    by_model[model].add(municipality)
        for key in changed:
            models = {key[1]} if key[0] == "model" else models_of.get(key, set())
            for model in models:
                found |= {("municipality", municipality) for municipality in by_model[model]}
    return found


def _references(hub: Hub) -> Iterable[tuple[EntityKey, set[EntityKey]]]:
    for kind, by_id in hub.entities.items():
        for entity_id, entity in by_id.items():
            targets = {
                (target_kind, target) for _, target_kind, target in entity_references(entity)
            }
            yield (kind, entity_id), targets
