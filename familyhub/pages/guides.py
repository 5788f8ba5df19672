"""Guides on the site: checklist items resolved against their requirements, the timeline, the
plan spec that the "make your plan" page and `familyhub guide` share, and the plan page itself."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from babel.dates import get_date_format, get_month_names, tokenize_pattern
from babel.numbers import get_decimal_symbol, get_group_symbol
from markupsafe import Markup

from familyhub.data.guide_model import PLAN_PAGE, Guide, GuideItem, GuidePhase, RequirementRef
from familyhub.data.load import Hub
from familyhub.data.models import Requirement
from familyhub.i18n import Formatter
from familyhub.pages.markup import PageContext, RenderedPage, escape_text, html_text, script_json
from familyhub.pages.plan import (
    FUNDING_INPUTS,
    MAX_AMOUNT,
    MAX_ON_COSTS,
    MONTHLY_BELOW,
    OPTIONAL_INPUTS,
    REQUIRED_INPUTS,
    BudgetLineSpec,
    GuideSpec,
    PhaseSpec,
    fte_basis_points,
)
from familyhub.pages.plan_budget import BUDGET_LABELS, benchmarks, budget_helpers, optional_lines
from familyhub.pictures.timeline import Step, timeline_svg

# Labels the browser needs to write the plan; everything else on the page is rendered here.
PLAN_LABELS = (
    "budget",
    "budget-calc",
    "budget-calc-fte",
    "budget-calc-on-costs",
    "budget-calc-fte-on-costs",
    "budget-calculation",
    "budget-counts",
    "budget-none",
    "budget-not-counted",
    "budget-not-entered",
    "budget-on-costs",
    "budget-on-costs-none",
    "budget-per-year",
    "budget-summary",
    "budget-total",
    "budget-year-dates",
    "amount",
    "item",
    "items",
    "phase",
    "plan-checklist",
    "plan-error-amount",
    "plan-error-date",
    "plan-error-percent",
    "plan-error-required",
    "plan-monthly",
    "plan-prompt",
    "plan-municipality-known",
    "plan-municipality-none",
    "partnerships",
    "plan-from",
    "plan-schedule",
    "plan-target-date",
    "plan-title",
    "plan-to",
    "requirement",
    "responsible",
    "date",
    "year",
)
# The date fields the browser's formatter knows (familyhub-plan.js, Formats.prototype.date).
BROWSER_DATE_FIELDS = frozenset({"d", "M", "y"})


@dataclass(frozen=True)
class ItemView:
    """A checklist item with what it borrows from its requirement filled in."""

    phase: GuidePhase
    item: GuideItem
    title: dict[str, str]
    text: dict[str, str] | None
    requirement: Requirement | None
    sources: list[str]

    @property
    def id(self) -> str:
        return self.item.id


def item_views(hub: Hub, guide: Guide) -> list[ItemView]:
    views = []
    for phase, item in guide.items():
        requirement = item.requirement.resolve(hub.entities) if item.requirement else None
        title = item.title or (requirement.title if requirement else None)
        text = item.text or (requirement.text if requirement else None)
        sources = [s for s in (item.source, requirement and requirement.source) if s]
        assert title is not None  # the schema requires a title or a requirement
        views.append(ItemView(phase, item, title, text, requirement, list(dict.fromkeys(sources))))
    return views


@dataclass(frozen=True)
class GuideStep:
    """Where a guide uses a requirement or a source: its phase, numbered as the guide shows it."""

    guide: Guide
    number: int
    phase: GuidePhase


def steps_using(
    hub: Hub, requirement: tuple[str, str] | None = None, source: str | None = None
) -> list[GuideStep]:
    """The guide steps whose items plan for a requirement (set, id) or cite a source, once each."""
    steps: list[GuideStep] = []
    for guide in hub.all("guide"):
        numbers = {phase.phase: number for number, phase in enumerate(guide.phases, start=1)}
        for view in item_views(hub, guide):
            ref = view.item.requirement
            uses = (ref is not None and (ref.set, ref.id) == requirement) or (
                source is not None and source in view.sources
            )
            step = GuideStep(guide, numbers[view.phase.phase], view.phase)
            if uses and step not in steps:
                steps.append(step)
    return steps


def see_also(item: GuideItem) -> list[tuple[str, str]]:
    """(kind, id) of the partnerships, cases and models an item points to."""
    return [
        *(("partnership", entity_id) for entity_id in item.partnerships),
        *(("case", entity_id) for entity_id in item.cases),
        *(("model", entity_id) for entity_id in item.models),
    ]


def week_ranges(guide: Guide) -> list[tuple[GuidePhase, int, int]]:
    """(phase, first week, last week), counting from week 1."""
    ranges = []
    before = 0
    for phase in guide.phases:
        ranges.append((phase, before + 1, before + phase.weeks))
        before += phase.weeks
    return ranges


def guide_timeline(guide: Guide, fmt: Formatter) -> Markup:
    steps = []
    for phase, first, last in week_ranges(guide):
        steps.append(
            Step(
                fmt.label(f"phase-{phase.phase}"),
                (
                    fmt.label("weeks-range").format(first=first, last=last),
                    fmt.label("n-items").format(count=len(phase.items)),
                ),
            )
        )
    description = "; ".join(f"{step.label}: {', '.join(step.lines)}" for step in steps)
    return timeline_svg(steps, f"fh-timeline-{guide.id}", fmt.label("timeline"), description)


def guide_spec(hub: Hub, guide: Guide, fmt: Formatter) -> GuideSpec:
    """What the plan needs of one guide, in one language; JSON-ready."""
    items_by_phase: dict[str, list[dict[str, str]]] = {}
    for view in item_views(hub, guide):
        items_by_phase.setdefault(view.phase.phase, []).append(
            {"id": view.id, "title": fmt.text(view.title)}
        )
    phases: list[PhaseSpec] = [
        {
            "phase": phase.phase,
            "label": fmt.label(f"phase-{phase.phase}"),
            "weeks": phase.weeks,
            "items": [{"id": i["id"], "title": i["title"]} for i in items_by_phase[phase.phase]],
        }
        for phase in guide.phases
    ]
    budget: list[BudgetLineSpec] = []
    for line in guide.budget:
        requirement = line.requirement.resolve(hub.entities)
        assert requirement is not None and requirement.years is not None  # checked at load
        budget.append(
            {
                "input": line.input,
                "requirement_set": line.requirement.set,
                "requirement": line.requirement.id,
                "title": fmt.text(requirement.title),
                "fte_basis_points": fte_basis_points(requirement.fte),
                "years": requirement.years,
                "required": line.input in REQUIRED_INPUTS,
                "optional": False,
                "runs_from": (
                    {"item": line.runs_from.item, "at": line.runs_from.at}
                    if line.runs_from
                    else None
                ),
            }
        )
    budget += optional_lines(budget, fmt)
    return {
        "id": guide.id,
        "name": fmt.text(guide.name),
        "currency": guide.currency,
        "phases": phases,
        "budget": budget,
        "benchmarks": benchmarks(hub, guide, fmt),
    }


def plans_by_requirement_set(hub: Hub) -> dict[str, Guide]:
    """Requirement set id -> the guide that plans for it (at most one: checked at load).

    Guides with a budget come first: the plan is above all the founder's.
    """
    guides = sorted(hub.all("guide"), key=lambda guide: (not guide.budget, guide.id))
    return {set_id: guide for guide in guides for set_id in guide.requirement_sets}


def browser_formats(fmt: Formatter) -> dict[str, Any]:
    """How the language writes numbers, money and dates, for the browser to do the same."""
    locale = fmt.language.locale
    tokens = tokenize_pattern(get_date_format("long", locale=locale).pattern)
    date_parts: list[list[Any]] = []
    for _, value in tokens:
        if isinstance(value, str):
            date_parts.append(["chars", value])
        else:
            field, width = value
            if field not in BROWSER_DATE_FIELDS:
                raise ValueError(f"date field {field!r} of {locale} unknown to familyhub-plan.js")
            date_parts.append(["field", field, width])
    months = get_month_names("wide", locale=locale)
    return {
        "group": get_group_symbol(locale),
        "decimal": get_decimal_symbol(locale),
        "money": dict(fmt.language.money),
        "date": date_parts,
        "months": [months[number] for number in range(1, 13)],
        "max_amount": MAX_AMOUNT,
        "max_on_costs": MAX_ON_COSTS,
        "monthly_below": MONTHLY_BELOW,
    }


def plan_spec(hub: Hub, fmt: Formatter) -> dict[str, Any]:
    """Everything the plan page computes from: the one export of the data for the browser."""
    plans = plans_by_requirement_set(hub)
    guides = {guide.id: guide_spec(hub, guide, fmt) for guide in hub.all("guide")}
    return {
        "lang": fmt.code,
        "plans": {set_id: guide.id for set_id, guide in plans.items()},
        "guides": guides,
        "format": browser_formats(fmt),
        "labels": {key: fmt.label(key) for key in PLAN_LABELS + BUDGET_LABELS},
        "municipalities": known_municipalities(hub, fmt),
    }


def known_municipalities(hub: Hub, fmt: Formatter) -> list[dict[str, Any]]:
    """The municipalities the hub has pages for, by the names a founder may type ("Hamar",
    "Hamar kommune"), each with its page and its partnerships' pages, relative to the plan page."""
    partnerships_of: dict[str, list[dict[str, str]]] = defaultdict(list)
    for p in hub.all("partnership"):
        for municipality_id in sorted(
            {p.municipality, *(party.municipality for party in p.parties)} - {None}
        ):
            partnerships_of[municipality_id].append(
                {"name": fmt.text(p.name), "href": f"../partnerships/{p.id}.html"}
            )
    known = []
    for municipality in hub.all("municipality"):
        name = municipality.name
        short = re.sub(r"\s+(kommune|municipality)$", "", name, flags=re.IGNORECASE)
        partnerships = partnerships_of[municipality.id]
        known.append(
            {
                "names": sorted({typed_name(text) for text in (name, short, municipality.id)}),
                "name": name,
                "href": f"../municipalities/{municipality.id}.html",
                "partnerships": partnerships,
            }
        )
    return known


def typed_name(text: str) -> str:
    """A name as the plan page compares it: lower case, single spaces (familyhub-plan.js)."""
    return " ".join(text.lower().split())


def guide_helpers(renderer: PageContext) -> dict[str, Any]:
    """Template helpers for guide pages and the plan page."""

    hub, fmt = renderer.hub, renderer.fmt

    def requirement_link(ref: RequirementRef) -> Markup:
        requirement = ref.resolve(hub.entities)
        assert requirement is not None  # checked at load
        text = escape_text(fmt.text(requirement.title))
        return Markup(f"[{text}](../requirement_sets/{ref.set}.md#{ref.id})")

    def item_meta(view: ItemView) -> Markup:
        """The line under an item: its sources, its requirement, and where to read more."""
        key = "source" if len(view.sources) == 1 else "sources"
        parts = [
            f"**{escape_text(fmt.label(key))}:** " + "; ".join(map(renderer.cite, view.sources))
        ]
        if view.item.requirement:
            link = requirement_link(view.item.requirement)
            parts.append(f"**{escape_text(fmt.label('requirement'))}:** {link}")
        related = [renderer.link(kind, entity_id) for kind, entity_id in see_also(view.item)]
        if related:
            parts.append(f"**{escape_text(fmt.label('see-also'))}:** " + ", ".join(related))
        return Markup(" · ".join(parts))

    def part_of(steps: list[GuideStep]) -> Markup:
        """GOV.UK's "part of" box: the guide steps that use this, each linking to its step."""
        links = []
        for step in steps:
            text = fmt.label("guide-step").format(
                guide=fmt.text(step.guide.name),
                step=step.number,
                steps=len(step.guide.phases),
                phase=fmt.label(f"phase-{step.phase.phase}"),
            )
            target = f"../guides/{step.guide.id}.md#phase-{step.phase.phase}"
            links.append(f"[{escape_text(text)}]({target})")
        return Markup("; ".join(links))

    return {
        "guide_items": lambda guide: item_views(hub, guide),
        "part_of_requirement": lambda set_id, requirement_id: part_of(
            steps_using(hub, requirement=(set_id, requirement_id))
        ),
        "part_of_source": lambda source_id: part_of(steps_using(hub, source=source_id)),
        **budget_helpers(fmt),
        "item_meta": item_meta,
        "guide_timeline": lambda guide: guide_timeline(guide, fmt),
        "week_ranges": week_ranges,
        "requirement_link": requirement_link,
        "html_text": html_text,
        "plan_spec_json": lambda: script_json(plan_spec(hub, fmt)),
        "plans": lambda: plans_by_requirement_set(hub),
        "plan_page": PLAN_PAGE,
        "optional_inputs": OPTIONAL_INPUTS,
        "funding_inputs": FUNDING_INPUTS,
        "max_on_costs": MAX_ON_COSTS,
    }


def plan_page(renderer: PageContext) -> RenderedPage:

    return RenderedPage(f"guides/{PLAN_PAGE}.md", renderer.render("plan_page.md.j2"))
