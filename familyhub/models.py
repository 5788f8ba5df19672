"""The one schema of the hub: pydantic models for every entity kind in data/."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
ShortStr = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Number = StrictInt | StrictFloat
NonNegative = Annotated[Number, Field(ge=0)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Country = Literal["DK", "NO", "SE"]

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


TextBody = Annotated[str, StringConstraints(max_length=MAX_TEXT_LENGTH)]
# A human-readable text in every configured language: {da: ..., en: ...}.
Text = Annotated[dict[str, TextBody], AfterValidator(_check_translations)]

SourceId = Annotated[Slug, RefTo("source")]
OrganisationId = Annotated[Slug, RefTo("organisation")]
MunicipalityId = Annotated[Slug, RefTo("municipality")]
PartnershipId = Annotated[Slug, RefTo("partnership")]
ModelId = Annotated[Slug, RefTo("model")]
RequirementSetId = Annotated[Slug, RefTo("requirement_set")]


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


class Entity(Record):
    """A record whose facts come from the sources it lists."""

    sources: Annotated[list[SourceId], Field(min_length=1)]


class Source(Record):
    """A cited document. Sources cite themselves, so they have no `sources` list."""

    title: ShortStr
    publisher: ShortStr
    kind: Literal["news", "presentation", "podcast", "case-story", "web-page", "report"]
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    published: dt.date | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    seed: Annotated[str, StringConstraints(pattern=r"^[0-9a-z_]+\.txt$")] | None = None
    # "as read" month of a web page, e.g. 2026-11
    accessed: Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")] | None = None
    summary: Text


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
    website: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    description: Text
    facts: list[Figure] = []


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
    source_notes: Text | None = None
    facts: list[Figure] = []


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


class Case(Entity):
    title: Text
    municipalities: list[MunicipalityId] = []
    organisations: list[OrganisationId] = []
    partnerships: list[PartnershipId] = []
    models: list[ModelId] = []
    what_happened: Text
    who: Text
    what_worked: list[Text] = []
    what_was_hard: list[Text] = []
    lessons: list[Text] = []
    source_notes: Text | None = None
    facts: list[Figure] = []


class Language(Strict):
    code: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    locale: ShortStr
    name: ShortStr
    money: dict[Currency, ShortStr]
    labels: dict[Slug, ShortStr]


class SiteConfig(Strict):
    """data/site.yml: the one list of languages and their UI labels."""

    languages: Annotated[list[Language], Field(min_length=1)]
    default_language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)


# folder in data/ -> (kind name, model). The order is the order of the site's sections.
KINDS: dict[str, tuple[str, type[Record]]] = {
    "partnerships": ("partnership", Partnership),
    "models": ("model", Model),
    "requirement_sets": ("requirement_set", RequirementSet),
    "cases": ("case", Case),
    "organisations": ("organisation", Organisation),
    "municipalities": ("municipality", Municipality),
    "sources": ("source", Source),
}
FOLDER_OF_KIND = {kind: folder for folder, (kind, _) in KINDS.items()}
