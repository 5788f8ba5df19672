"""The one schema of the hub: pydantic models for every entity kind in data/."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from familyhub.data.evidence import DesignField, Participants, Rating
from familyhub.data.facts import (
    CostPerFamily,
    Dispute,
    Event,
    Series,
)
from familyhub.data.fields import (
    MONTH_PATTERN,
    SEED_PATTERN,
    Amount,
    AsGivenOrText,
    Country,
    Currency,
    Day,
    Entity,
    Figure,
    LanguageCode,
    ModelId,
    MunicipalityId,
    Number,
    OrganisationId,
    PartnershipId,
    Record,
    ShortStr,
    Slug,
    SourceId,
    Strict,
    Text,
    Url,
    Year,
)


class Source(Record):
    """A cited document. Sources cite themselves, so they have no `sources` list."""

    # issue 23: the title the source was published under, as it gives it, in its `language`;
    # or, where the page has no title, the hub's description of it in every language
    title: AsGivenOrText
    # None where the notes do not record who publishes the page (the reader's label says so)
    publisher: ShortStr | None = None
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
    published: Day | None = None
    year: Year | None = None
    url: Url | None = None
    # why a reader cannot open it, where there is no address (a text provided to the hub)
    no_address: Text | None = None
    # a seed text the hub was given; never shown to readers (its address is `url`)
    seed: Annotated[str, StringConstraints(pattern=SEED_PATTERN)] | None = None
    # "as read" month of a web page, e.g. 2026-11
    accessed: Annotated[str, StringConstraints(pattern=MONTH_PATTERN)] | None = None
    summary: Text

    @property
    def title_descriptive(self) -> bool:
        """The hub describes the page (it has no title of its own to quote)."""
        return isinstance(self.title, dict)

    def title_in(self, lang: str) -> str:
        """The title a reader of `lang` sees: the published one, or the hub's description."""
        return self.title[lang] if isinstance(self.title, dict) else self.title

    def cited_as(self, lang: str) -> str:
        """Publisher and title, as a plain-text citation (the title alone without a publisher)."""
        title = self.title_in(lang)
        return f"{self.publisher}: {title}" if self.publisher else title

    def consistency_problems(
        self, entities: dict[str, dict[str, Any]]
    ) -> Iterator[tuple[tuple[Any, ...], str]]:
        if self.url is None and self.no_address is None:
            yield ("title",), "give the source's address (url) or say why it has none (no_address)"
        if self.url is not None and self.no_address is not None:
            yield ("no_address",), "a source with an address (url) needs no no_address"


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


# who pays a funding line (issue 22); labels payer-<kind>
PayerKind = Literal["municipality", "state", "foundation", "organisation", "other"]


class Payer(Strict):
    """Who pays: a kind, and the payer in the register (id) or by its proper name (name)."""

    kind: PayerKind
    # a municipality's id for kind municipality, else an organisation's id in data/
    id: Slug | None = None
    # a proper name, for a payer not in the register (a foundation, a ministry's pool)
    name: ShortStr | None = None

    def register_kind(self) -> str:
        """The folder of data/ whose entity `id` names."""
        return "municipality" if self.kind == "municipality" else "organisation"


class Funding(Strict):
    """Money in a partnership: who pays an amount for a period, from a source."""

    amount: Amount
    currency: Currency
    per: Literal["year", "total"]
    payer: Payer
    # how many years the amount covers, from start_year (1: that year alone)
    years: Annotated[int, Field(le=50)] | None = None
    start_year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    # "unknown": the source gives no (whole) period; start_year or years may still say part of it
    period: Literal["unknown"] | None = None
    status: Literal["granted", "requested"] = "granted"
    description: Text
    # what else the amount pays for (several houses or partnerships), where it is shared
    shared: Text | None = None
    source: SourceId

    @model_validator(mode="after")
    def _has_a_period(self) -> Funding:
        if self.years is not None and self.years < 1:
            raise ValueError(
                f"years is {self.years}: the period would end before it starts; "
                "write 1 or more (1: the start year alone)"
            )
        if self.period is None and (self.start_year is None or self.years is None):
            raise ValueError(
                "a funding line needs its period: start_year and years, or 'period: unknown' "
                "where the source gives none"
            )
        if self.period == "unknown" and self.start_year is not None and self.years is not None:
            raise ValueError("the period is known (start_year and years): delete 'period: unknown'")
        return self

    @property
    def end_year(self) -> int | None:
        """The last year the money covers: start_year plus years, less one."""
        if self.start_year is None or self.years is None:
            return None
        return self.start_year + self.years - 1

    @property
    def amount_per_year(self) -> float | None:
        """The amount a year: as given, or a total divided by its years (derived)."""
        if self.per == "year":
            return self.amount
        if self.years is None:
            return None
        return self.amount / self.years

    @property
    def per_year_derived(self) -> bool:
        """True where amount_per_year is worked out from a total, not given by the source."""
        return self.per == "total" and self.years is not None


class Partnership(Entity):
    name: Text
    status: Literal["active", "requested", "ended", "unknown"]
    # what says the partnership is active or requested, or that it ended where no source dates
    # the end (a dated end is an `ended` event in the history)
    status_source: SourceId | None = None
    parties: Annotated[list[Party], Field(min_length=2)]
    municipality: MunicipalityId | None = None
    announced: Day | None = None
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
        ended = any(event.event == "ended" for event in self.history)
        if self.status == "ended" and not ended and self.status_source is None:
            # a source may say it closed without saying when: then it names that source
            message = "an ended partnership has an 'ended' event in its history"
            yield ("status",), message + ", or the source that says it ended (status_source)"
        if self.status in ("active", "requested") and self.status_source is None:
            message = f"status '{self.status}' needs the source that says so (status_source)"
            yield ("status",), message + ", or write 'unknown'"
        for index, funding in enumerate(self.funding):
            yield from _payer_problems(funding.payer, index, entities)
        for index, (before, after) in enumerate(zip(self.history, self.history[1:], strict=False)):
            if after.date < before.date:
                yield ("history", index + 1, "date"), "history events in date order, oldest first"


def _payer_problems(
    payer: Payer, index: int, entities: dict[str, dict[str, Any]]
) -> Iterator[tuple[tuple[Any, ...], str]]:
    """A payer names who pays: an id of the register of the right kind, or a proper name."""
    loc = ("funding", index, "payer")
    if payer.id is None and payer.name is None:
        yield loc, "say who pays: the id of a municipality or organisation (id) or a name (name)"
    kind = payer.register_kind()
    if payer.id is not None and payer.id not in entities.get(kind, {}):
        folder = "municipalities" if kind == "municipality" else "organisations"
        message = f"payer id '{payer.id}' is not a {kind} in data/{folder}/"
        if kind == "organisation":
            message += f" (a payer of kind '{payer.kind}' names an organisation's id, or a name)"
        yield (*loc, "id"), message


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
    author: ShortStr | None = None  # None: the sources do not say
    year: Year | None = None
    kind: Literal["evaluation", "rating", "research", "report"]
    models: list[ModelId] = []
    partnerships: list[PartnershipId] = []
    organisations: list[OrganisationId] = []
    country: Country
    # issue 22: how it was made, how many took part (only where the source says), its rating
    design: DesignField
    participants: Participants | None = None
    rating: Rating | None = None
    # what it found, in two sentences in the hub's own words
    findings: Text
    source_notes: Text | None = None
    facts: list[Figure] = []

    def consistency_problems(
        self, entities: dict[str, dict[str, Any]]
    ) -> Iterator[tuple[tuple[Any, ...], str]]:
        if self.design == "rating" and self.rating is None:
            yield ("design",), "a rating gives its scale and scores (rating: scale, scores)"
        if self.rating is not None and self.design != "rating":
            yield ("rating",), "only an evaluation whose design is 'rating' has a rating"
