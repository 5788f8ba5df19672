"""Guides: phased checklists built from the requirement sets, and their budget lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal, get_args

from pydantic import Field, ValidationInfo, field_validator, model_validator

from familyhub.data.fields import (
    COUNTRY_CURRENCY,
    CaseId,
    Country,
    Currency,
    Entity,
    ModelId,
    PartnershipId,
    RequirementSetId,
    Slug,
    SourceId,
    Strict,
    Text,
)
from familyhub.data.models import Requirement

# issue 3: guides, phased checklists built from the requirement sets and partnerships
Phase = Literal["prepare", "fund", "hire", "organise", "agree", "start"]
PHASES: tuple[Phase, ...] = get_args(Phase)
# guides/<this>.md is the "make your plan" page, so no guide may take the name
PLAN_PAGE = "plan"
BudgetInput = Literal["coordinator-salary", "office-cost"]


class RequirementRef(Strict):
    """One requirement inside a requirement set: {set: hsfn-new-branch, id: coordinator}."""

    set: RequirementSetId
    id: Slug

    def resolve(self, entities: dict[str, dict[str, Any]]) -> Requirement | None:
        requirement_set = entities["requirement_set"].get(self.set)
        if requirement_set is None:
            return None
        return next((r for r in requirement_set.requirements if r.id == self.id), None)


class GuideItem(Strict):
    """One box to tick. Its id is the checklist's memory: keep it when the wording changes."""

    id: Slug
    # title and text default to the requirement's own, so a requirement is written once
    title: Text | None = None
    text: Text | None = None
    requirement: RequirementRef | None = None
    # where the item comes from when it is not (only) the requirement's source
    source: SourceId | None = None
    partnerships: list[PartnershipId] = []
    cases: list[CaseId] = []
    models: list[ModelId] = []

    @model_validator(mode="after")
    def _is_sourced(self) -> GuideItem:
        if self.requirement is None and self.source is None:
            raise ValueError("an item names a requirement or a source (or both)")
        if self.requirement is None and self.title is None:
            raise ValueError("an item without a requirement needs a title")
        return self


class GuidePhase(Strict):
    phase: Phase
    # the hub's suggested pace for target dates; the sources give no durations
    weeks: Annotated[int, Field(ge=1, le=104)]
    items: Annotated[list[GuideItem], Field(min_length=1)]


class RunsFrom(Strict):
    """The guide step a cost waits for: from its first day (start) or once it is done (end)."""

    item: Slug
    at: Literal["start", "end"]


class BudgetLine(Strict):
    """A yearly cost the founder enters, times the requirement's share (fte) and years."""

    requirement: RequirementRef
    input: BudgetInput
    # issue 22: the step the cost runs from (the salary once the coordinator is hired); without
    # it, from the plan's start
    runs_from: RunsFrom | None = None


class Guide(Entity):
    name: Text
    audience: Literal["founders", "municipalities"]
    # every requirement the guide uses is this country's, and its budget is in its currency
    country: Country
    summary: Text
    # the requirement sets this guide turns into a plan: `familyhub guide --requirements <one>`
    requirement_sets: Annotated[list[RequirementSetId], Field(min_length=1)]
    phases: Annotated[list[GuidePhase], Field(min_length=1)]
    budget: list[BudgetLine] = []
    currency: Currency | None = None

    @field_validator("currency")
    @classmethod
    def _country_currency(cls, currency: str | None, info: ValidationInfo) -> str | None:
        country = info.data.get("country")  # absent when the country itself is wrong
        expected = COUNTRY_CURRENCY.get(country) if country else None
        if currency is not None and expected is not None and currency != expected:
            raise ValueError(
                f"currency {currency} is not the currency of {country} ({expected}):"
                " a plan budgets in the currency of its guide's country"
            )
        return currency

    @model_validator(mode="after")
    def _well_formed(self) -> Guide:
        if self.id == PLAN_PAGE:
            raise ValueError(f"the id '{PLAN_PAGE}' is taken by the plan page")
        # the order is the guide's: the sources order the steps differently in each country
        order = [phase.phase for phase in self.phases]
        twice_phases = sorted({phase for phase in order if order.count(phase) > 1})
        if twice_phases:
            raise ValueError(f"each phase appears once: {', '.join(twice_phases)} is there twice")
        ids = [item.id for phase in self.phases for item in phase.items]
        twice = sorted({item_id for item_id in ids if ids.count(item_id) > 1})
        if twice:
            raise ValueError(f"item id used twice: {', '.join(twice)}")
        if self.budget and self.currency is None:
            raise ValueError("a guide with a budget names its currency")
        return self

    def items(self) -> Iterator[tuple[GuidePhase, GuideItem]]:
        for phase in self.phases:
            for item in phase.items:
                yield phase, item

    def consistency_problems(
        self, entities: dict[str, dict[str, Any]]
    ) -> Iterator[tuple[tuple[Any, ...], str]]:
        for p, phase in enumerate(self.phases):
            for i, item in enumerate(phase.items):
                if item.requirement:
                    for field, problem in self._requirement_problems(item.requirement, entities):
                        yield ("phases", p, "items", i, "requirement", field), problem
        for b, line in enumerate(self.budget):
            for field, problem in self._requirement_problems(
                line.requirement, entities, needs_years=True
            ):
                yield ("budget", b, "requirement", field), problem
            steps = {item.id for _, item in self.items()}
            if line.runs_from and line.runs_from.item not in steps:
                problem = f"no step '{line.runs_from.item}' in this guide for the cost to run from"
                yield ("budget", b, "runs_from", "item"), problem
        for s, set_id in enumerate(self.requirement_sets):
            country = self._country_problem(set_id, entities)
            if country:
                yield ("requirement_sets", s), country
            others = [
                guide.id
                for guide in entities["guide"].values()
                if guide.id != self.id and set_id in guide.requirement_sets
            ]
            if others:
                message = f"requirement set '{set_id}' is also the plan of guide '{others[0]}'"
                yield ("requirement_sets", s), message

    def _requirement_problems(
        self, ref: RequirementRef, entities: dict[str, dict[str, Any]], needs_years: bool = False
    ) -> Iterator[tuple[str, str]]:
        """(field of the reference, problem): a missing requirement is the id's, another
        country's set the set's."""
        if ref.set not in entities["requirement_set"]:
            return  # a missing set is reported as a dangling reference
        requirement = ref.resolve(entities)
        if requirement is None:
            yield "id", f"no requirement '{ref.id}' in requirement set '{ref.set}'"
        elif needs_years and requirement.years is None:
            yield "id", f"requirement '{ref.id}' has no years to budget for"
        country = self._country_problem(ref.set, entities)
        if country:
            yield "set", country

    def _country_problem(self, set_id: str, entities: dict[str, dict[str, Any]]) -> str | None:
        """A guide for one country must not hand its readers another country's requirements."""
        requirement_set = entities["requirement_set"].get(set_id)
        if requirement_set is None or requirement_set.country == self.country:
            return None
        return (
            f"requirement set '{set_id}' is for {requirement_set.country}, this guide is for"
            f" {self.country}: a guide holds its own country's requirements only"
        )
