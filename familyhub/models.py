"""The one schema of the hub: pydantic models for every entity kind in data/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictFloat,
    StrictInt,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://\S+$"
LANGUAGE_PATTERN = r"^[a-z]{2}$"
CURRENCY_PATTERN = r"^[A-Z]{3}$"
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
SEED_PATTERN = r"^[0-9a-z_]+\.txt$"
# a date as precise as the source gives it: 2017, 2017-03 or 2017-03-01
PARTIAL_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
# What each pattern asks for, in the words of `familyhub check`'s messages: an editor reads
# "write a language code …", not a regular expression.
PATTERN_HINTS = {
    SLUG_PATTERN: "an id of lower-case letters a-z, digits and hyphens, such as aarhus-home-start",
    URL_PATTERN: "an address that starts with https:// (or http://), without spaces",
    LANGUAGE_PATTERN: "a language code of two lower-case letters, such as da, no or en",
    CURRENCY_PATTERN: "a currency code of three capital letters, such as DKK, NOK or EUR",
    MONTH_PATTERN: "a month as YYYY-MM, such as 2025-11",
    SEED_PATTERN: "the file name of a seed text, such as 000_0835533d724fc592.txt",
    PARTIAL_DATE_PATTERN: "a date as precise as the source gives it: 2017, 2017-03 or 2017-03-01",
}
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
ShortStr = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Number = StrictInt | StrictFloat
NonNegative = Annotated[Number, Field(ge=0)]
Currency = Annotated[str, StringConstraints(pattern=CURRENCY_PATTERN)]
Country = Literal["DK", "NO", "SE"]
PartialDate = Annotated[str, StringConstraints(pattern=PARTIAL_DATE_PATTERN)]
Year = Annotated[int, Field(ge=1900, le=2100)]

# Texts longer than this are editorial mistakes (a pasted document), not content.
MAX_TEXT_LENGTH = 5000


@dataclass(frozen=True)
class RefTo:
    """Marks a string field as the id of an entity of another kind."""

    kind: str


def _check_translations(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    languages = (info.context or {}).get("languages")
    if not languages:
        return value
    missing = [lang for lang in languages if not value.get(lang, "").strip()]
    if missing:
        raise ValueError(f"missing translation: {', '.join(missing)}")
    unknown = sorted(set(value) - set(languages))
    if unknown:
        raise ValueError(
            f"unknown language: {', '.join(unknown)} (languages are {', '.join(languages)})"
        )
    return value


class TranslatedMarker:
    """Marks Text in the JSON Schema, so familyhub.schema can require every configured language.

    The languages live in data/site.yml, not in the model, so the schema is finished there.
    """

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema: dict[str, Any] = handler(core_schema)
        schema[TRANSLATED_KEY] = True
        return schema


TRANSLATED_KEY = "x-familyhub-translated"
TextBody = Annotated[str, StringConstraints(max_length=MAX_TEXT_LENGTH)]
# A human-readable text in every configured language: {da: ..., en: ...}.
Text = Annotated[dict[str, TextBody], AfterValidator(_check_translations), TranslatedMarker()]

SourceId = Annotated[Slug, RefTo("source")]
OrganisationId = Annotated[Slug, RefTo("organisation")]
MunicipalityId = Annotated[Slug, RefTo("municipality")]
PartnershipId = Annotated[Slug, RefTo("partnership")]
ModelId = Annotated[Slug, RefTo("model")]
RequirementSetId = Annotated[Slug, RefTo("requirement_set")]
CaseId = Annotated[Slug, RefTo("case")]


class Strict(BaseModel):
    """Base of every model: unknown fields are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Figure(Strict):
    """A number stated by a source, such as families helped in a year."""

    label: Text
    value: NonNegative
    # how the source words it: "ca. 450", "næsten 1000", "mindst 6", "mere end 3500"
    qualifier: Literal["about", "almost", "at-least", "more-than"] | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    currency: Currency | None = None
    per: Literal["year", "family", "week"] | None = None
    source: SourceId
    note: Text | None = None


class Record(Strict):
    """One file in data/<kind>/: an id (its file name) and when a person last checked it."""

    id: Slug
    last_reviewed: dt.date
    # familyhub.load.entity_references, worked out once and kept with the entity
    _references: tuple[tuple[tuple[Any, ...], str, str], ...] | None = PrivateAttr(default=None)

    def consistency_problems(
        self, entities: dict[str, dict[str, Any]]
    ) -> Iterator[tuple[tuple[Any, ...], str]]:
        """(location, message) for facts that span entities, such as a requirement inside a set.

        Runs after every file has loaded; a reference to a missing entity is reported elsewhere.
        """
        return iter(())


class Entity(Record):
    """A record whose facts come from the sources it lists."""

    sources: Annotated[list[SourceId], Field(min_length=1)]


class Source(Record):
    """A cited document. Sources cite themselves, so they have no `sources` list."""

    title: ShortStr
    # true where the page gives no title and the hub describes it instead
    title_descriptive: bool = False
    publisher: ShortStr
    kind: Literal[
        "news",
        "presentation",
        "podcast",
        "case-story",
        "web-page",
        "report",
        "annual-report",
        "evaluation",
        "law",
        "archive",
    ]
    language: LanguageCode
    published: dt.date | None = None
    year: Year | None = None
    url: Url | None = None
    # why a reader cannot open it, where there is no address (a text provided to the hub)
    no_address: Text | None = None
    # a seed text the hub was given; never shown to readers (its address is `url`)
    seed: Annotated[str, StringConstraints(pattern=SEED_PATTERN)] | None = None
    # "as read" month of a web page, e.g. 2026-11
    accessed: Annotated[str, StringConstraints(pattern=MONTH_PATTERN)] | None = None
    summary: Text

    def consistency_problems(
        self, entities: dict[str, dict[str, Any]]
    ) -> Iterator[tuple[tuple[Any, ...], str]]:
        if self.url is None and self.no_address is None:
            yield ("title",), "give the source's address (url) or say why it has none (no_address)"
        if self.url is not None and self.no_address is not None:
            yield ("no_address",), "a source with an address (url) needs no no_address"


class Event(Strict):
    """One thing that happened, with its date as precise as its source gives it."""

    date: PartialDate
    event: Literal[
        "founded", "announced", "agreed", "started", "funded", "extended", "paused", "ended"
    ]
    text: Text
    source: SourceId


class Claim(Strict):
    """One value of a disputed fact, as one source gives it."""

    value: ShortStr
    # the date the source states its value for; none: the page is undated
    as_of: PartialDate | None = None
    source: SourceId
    note: Text | None = None


class Dispute(Strict):
    """A fact on which sources disagree: every value is shown with its source, none picked."""

    label: Text
    claims: Annotated[list[Claim], Field(min_length=2)]
    note: Text | None = None

    @model_validator(mode="after")
    def _really_disagrees(self) -> Dispute:
        if len({claim.value for claim in self.claims}) < 2:
            raise ValueError("a dispute holds at least two different values")
        return self


class SeriesPoint(Strict):
    year: Year
    value: NonNegative
    qualifier: Literal["about", "almost", "at-least", "more-than"] | None = None
    source: SourceId
    note: Text | None = None


class Series(Strict):
    """One national figure at several dates (branches, families, volunteers): how it grew."""

    id: Slug
    label: Text
    points: Annotated[list[SeriesPoint], Field(min_length=2)]

    @model_validator(mode="after")
    def _one_point_a_year_in_order(self) -> Series:
        years = [point.year for point in self.points]
        if years != sorted(set(years)):
            raise ValueError(
                "points in year order, one a year (a second value for a year is a dispute)"
            )
        return self


class CostPerFamily(Strict):
    """The hub's own sum: an amount and a number of families that one source gives for one
    period. Shown as the sum with its formula, never as the source's figure."""

    amount: NonNegative
    currency: Currency
    families: Annotated[int, Field(ge=1)]
    period: Text
    source: SourceId


class Organisation(Entity):
    name: ShortStr
    kind: Literal[
        "volunteer-organisation",
        "local-branch",
        "humanitarian-organisation",
        "public-agency",
        "housing-social-partnership",
        "other",
    ]
    country: Country
    parent: OrganisationId | None = None
    municipality: MunicipalityId | None = None
    website: Url | None = None
    founded: Year | None = None
    description: Text
    facts: list[Figure] = []
    history: list[Event] = []
    disputes: list[Dispute] = []
    series: list[Series] = []


class Municipality(Entity):
    name: ShortStr
    country: Country
    description: Text | None = None


class Party(Strict):
    """One side of a partnership and what it commits to."""

    organisation: OrganisationId | None = None
    municipality: MunicipalityId | None = None
    commits: Text | None = None

    @model_validator(mode="after")
    def _names_exactly_one_side(self) -> Party:
        if (self.organisation is None) == (self.municipality is None):
            raise ValueError("a party names exactly one of organisation or municipality")
        return self


class Funding(Strict):
    """Money in a partnership: an amount for a period, from a source."""

    amount: NonNegative
    currency: Currency
    per: Literal["year", "total"]
    years: Annotated[int, Field(ge=1, le=50)] | None = None
    start_year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    status: Literal["granted", "requested"] = "granted"
    description: Text
    source: SourceId


class Partnership(Entity):
    name: Text
    status: Literal["active", "requested", "ended", "unknown"]
    # what says the partnership is active (or requested); an ended one has an `ended` event
    status_source: SourceId | None = None
    parties: Annotated[list[Party], Field(min_length=2)]
    municipality: MunicipalityId | None = None
    announced: dt.date | None = None
    start_year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    duration_years: Annotated[int, Field(ge=1, le=50)] | None = None
    models: list[ModelId] = []
    summary: Text
    target_group: Text | None = None
    funding: list[Funding] = []
    evaluation: Text | None = None
    agreement: Text | None = None
    source_notes: Text | None = None
    facts: list[Figure] = []
    history: list[Event] = []
    end_year: Year | None = None
    # why it ended, where a source says
    ended_reason: Text | None = None
    disputes: list[Dispute] = []
    cost_per_family: list[CostPerFamily] = []

    def consistency_problems(
        self, entities: dict[str, dict[str, Any]]
    ) -> Iterator[tuple[tuple[Any, ...], str]]:
        last = self.history[-1] if self.history else None
        if last and last.event == "ended" and self.status != "ended":
            yield ("status",), f"status is '{self.status}' but the last history event is 'ended'"
        if self.status == "ended" and not any(e.event == "ended" for e in self.history):
            yield ("status",), "an ended partnership has an 'ended' event in its history"
        if self.status in ("active", "requested") and self.status_source is None:
            message = f"status '{self.status}' needs the source that says so (status_source)"
            yield ("status",), message + ", or write 'unknown'"
        for index, (before, after) in enumerate(zip(self.history, self.history[1:], strict=False)):
            if after.date < before.date:
                yield ("history", index + 1, "date"), "history events in date order, oldest first"


class Role(Strict):
    who: Text
    does: Text


class Model(Entity):
    name: Text
    category: Literal[
        "home-visiting", "family-house", "group", "municipal-programme", "young-mothers-house"
    ]
    organisation: OrganisationId | None = None
    summary: Text
    target_group: Text
    duration: Text | None = None
    rhythm: Text | None = None
    roles: list[Role] = []
    principles: list[Text] = []
    # Socialstyrelsen's Vidensportal headings; none: the page says the sources are silent
    method: Text | None = None
    implementation: Text | None = None
    evidence: Text | None = None
    economy: Text | None = None
    source_notes: Text | None = None
    facts: list[Figure] = []
    disputes: list[Dispute] = []


class Requirement(Strict):
    """One thing that must be in place; numbers are structured, not only prose."""

    id: Slug
    category: Literal["organisation", "staff", "funding", "quality", "approval", "volunteers"]
    title: Text
    text: Text
    fte: Annotated[Number, Field(gt=0, le=1)] | None = None
    years: Annotated[int, Field(ge=1, le=50)] | None = None
    hours: Annotated[int, Field(ge=1)] | None = None
    source: SourceId


class RequirementSet(Entity):
    name: Text
    # whose requirements these are; none for a set the hub compiled from several sources
    organisation: OrganisationId | None = None
    country: Country
    summary: Text
    requirements: Annotated[list[Requirement], Field(min_length=1)]


# issue 7: what a case story is about, for the cases overview's filter; labels theme-<slug>
CaseTheme = Literal[
    "funding", "volunteers", "trust", "agreement", "outreach", "rules", "evaluation", "coordination"
]


class Case(Entity):
    title: Text
    municipalities: list[MunicipalityId] = []
    organisations: list[OrganisationId] = []
    partnerships: list[PartnershipId] = []
    models: list[ModelId] = []
    themes: list[CaseTheme] = []
    what_happened: Text
    who: Text
    what_worked: list[Text] = []
    what_was_hard: list[Text] = []
    lessons: list[Text] = []
    source_notes: Text | None = None
    facts: list[Figure] = []
    disputes: list[Dispute] = []


class Evaluation(Entity):
    """A study, evaluation or rating of a model or partnership, with what it found."""

    title: Text
    author: ShortStr
    year: Year | None = None
    kind: Literal["evaluation", "rating", "research", "report"]
    models: list[ModelId] = []
    partnerships: list[PartnershipId] = []
    organisations: list[OrganisationId] = []
    country: Country
    found: Text
    rating: Text | None = None
    source_notes: Text | None = None
    facts: list[Figure] = []


class Language(Strict):
    code: LanguageCode
    locale: ShortStr
    name: ShortStr
    money: dict[Currency, ShortStr]
    labels: dict[Slug, ShortStr]


class SiteConfig(Strict):
    """data/site.yml: the one list of languages and their UI labels."""

    languages: Annotated[list[Language], Field(min_length=1)]
    default_language: LanguageCode

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)


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


class BudgetLine(Strict):
    """A yearly cost the founder enters, times the requirement's share (fte) and years."""

    requirement: RequirementRef
    input: BudgetInput


class Guide(Entity):
    name: Text
    audience: Literal["founders", "municipalities"]
    summary: Text
    # the requirement sets this guide turns into a plan: `familyhub guide --requirements <one>`
    requirement_sets: Annotated[list[RequirementSetId], Field(min_length=1)]
    phases: Annotated[list[GuidePhase], Field(min_length=1)]
    budget: list[BudgetLine] = []
    currency: Currency | None = None

    @model_validator(mode="after")
    def _well_formed(self) -> Guide:
        if self.id == PLAN_PAGE:
            raise ValueError(f"the id '{PLAN_PAGE}' is taken by the plan page")
        order = [phase.phase for phase in self.phases]
        if order != sorted(set(order), key=PHASES.index):
            raise ValueError(f"phases appear once each, in the order {', '.join(PHASES)}")
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
                    problem = _requirement_problem(item.requirement, entities)
                    if problem:
                        yield ("phases", p, "items", i, "requirement", "id"), problem
        for b, line in enumerate(self.budget):
            problem = _requirement_problem(line.requirement, entities, needs_years=True)
            if problem:
                yield ("budget", b, "requirement", "id"), problem
        for s, set_id in enumerate(self.requirement_sets):
            others = [
                guide.id
                for guide in entities["guide"].values()
                if guide.id != self.id and set_id in guide.requirement_sets
            ]
            if others:
                message = f"requirement set '{set_id}' is also the plan of guide '{others[0]}'"
                yield ("requirement_sets", s), message


def _requirement_problem(
    ref: RequirementRef, entities: dict[str, dict[str, Any]], needs_years: bool = False
) -> str | None:
    if ref.set not in entities["requirement_set"]:
        return None  # a missing set is reported as a dangling reference
    requirement = ref.resolve(entities)
    if requirement is None:
        return f"no requirement '{ref.id}' in requirement set '{ref.set}'"
    if needs_years and requirement.years is None:
        return f"requirement '{ref.id}' has no years to budget for"
    return None


# folder in data/ -> (kind name, model). The order is the order of the site's sections.
KINDS: dict[str, tuple[str, type[Record]]] = {
    "guides": ("guide", Guide),
    "partnerships": ("partnership", Partnership),
    "models": ("model", Model),
    "requirement_sets": ("requirement_set", RequirementSet),
    "cases": ("case", Case),
    "evaluations": ("evaluation", Evaluation),
    "organisations": ("organisation", Organisation),
    "municipalities": ("municipality", Municipality),
    "sources": ("source", Source),
}
FOLDER_OF_KIND = {kind: folder for folder, (kind, _) in KINDS.items()}
