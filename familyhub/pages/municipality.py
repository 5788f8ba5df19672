"""A municipality's page (issue 22): who works here, since when, for how much, and for how many
families; the evaluations of its partnerships; the country's other municipalities with the same
model."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from familyhub.pages.markup import PageContext
from familyhub.pages.money import NOTHING

if TYPE_CHECKING:
    from familyhub.data.models import Evaluation, Municipality, Partnership


class Index:
    """Partnerships by municipality and municipalities by model, worked out once per renderer:
    every municipality's page asks, and at scale there are thousands of partnerships."""

    def __init__(self, context: PageContext) -> None:
        self.by_municipality: dict[str, list[Partnership]] = defaultdict(list)
        self.by_model: dict[str, set[str]] = defaultdict(set)
        for partnership in context.hub.all("partnership"):
            for municipality_id in municipalities_of(partnership):
                self.by_municipality[municipality_id].append(partnership)
                for model in partnership.models:
                    self.by_model[model].add(municipality_id)


def partnerships_of(municipality_id: str, index: Index, context: PageContext) -> list[Partnership]:
    """The partnerships whose municipality or a party is this one, by name."""
    found = index.by_municipality.get(municipality_id, [])
    return sorted(found, key=lambda p: context.name_of("partnership", p.id))


def municipalities_of(partnership: Partnership) -> set[str]:
    sides = {party.municipality for party in partnership.parties if party.municipality}
    return sides | ({partnership.municipality} if partnership.municipality else set())


def years(partnership: Partnership, context: PageContext) -> str:
    """2019-2023, "from 2019", or a dash where no source dates it."""
    start, end = partnership.start_year, partnership.end_year
    if end is None and start is not None and partnership.duration_years:
        end = start + partnership.duration_years - 1
    if start is not None and end is not None:
        if start == end:
            return str(start)
        return context.fmt.label("year-range").format(first=start, last=end)
    if start is not None:
        return context.fmt.label("from-year").format(year=start)
    return NOTHING


def status_as_of(partnership: Partnership, context: PageContext) -> str | None:
    """When what says how it stands was written: "as of 2 May 2024", or "undated source"."""
    fmt = context.fmt
    date = _status_date(partnership, context)
    if date is None:
        return fmt.label("status-undated") if partnership.status_source else None
    return fmt.label("status-as-of").format(date=date)


def _status_date(partnership: Partnership, context: PageContext) -> str | None:
    """The status source's date, or for an ended partnership the date of its end."""
    fmt = context.fmt
    if partnership.status == "ended":
        ends = [event for event in partnership.history if event.event == "ended"]
        if ends:
            return fmt.partial_date(ends[-1].date)
        if partnership.end_year:
            return str(partnership.end_year)
    if partnership.status_source is None:
        return None
    source = context.hub.get("source", partnership.status_source)
    if source.published is not None:
        return fmt.date(source.published)
    return None if source.year is None else str(source.year)


def families(partnership: Partnership) -> list[Any]:
    """The partnership's figures that count families, as their sources give them."""
    return [figure for figure in partnership.facts if figure.counts == "families"]


def evaluations_of(partnerships: list[Partnership], context: PageContext) -> list[Evaluation]:
    ids = {partnership.id for partnership in partnerships}
    return [
        evaluation
        for evaluation in context.hub.all("evaluation")
        if ids.intersection(evaluation.partnerships)
    ]


def same_model_elsewhere(
    municipality: Municipality, partnerships: list[Partnership], index: Index, context: PageContext
) -> list[tuple[str, list[str]]]:
    """(model id, the ids of the country's other municipalities with a partnership of it)."""
    models = sorted({model for partnership in partnerships for model in partnership.models})
    found: list[tuple[str, list[str]]] = []
    for model in models:
        others = [
            other
            for other in index.by_model[model]
            if other != municipality.id
            and context.hub.get("municipality", other).country == municipality.country
        ]
        found.append((model, sorted(others, key=lambda m: context.name_of("municipality", m))))
    return found


def municipality_helpers(context: PageContext) -> dict[str, Any]:
    """Template helpers of the municipality pages."""
    index: list[Index] = []  # made on the first page that asks

    def the_index() -> Index:
        if not index:
            index.append(Index(context))
        return index[0]

    return {
        "municipality_partnerships": lambda m_id: partnerships_of(m_id, the_index(), context),
        "partnership_years": lambda p: years(p, context),
        "status_as_of": lambda p: status_as_of(p, context),
        "families_counted": families,
        "municipality_evaluations": lambda ps: evaluations_of(ps, context),
        "same_model_elsewhere": lambda m, ps: same_model_elsewhere(m, ps, the_index(), context),
    }
