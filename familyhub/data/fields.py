"""The schema's building blocks: patterns, typed fields, texts in every language, references,
and the base records every entity kind extends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    StrictFloat,
    StrictInt,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from familyhub.data.dates import calendar_day, on_the_calendar

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://\S+$"
LANGUAGE_PATTERN = r"^[a-z]{2}$"
CURRENCY_PATTERN = r"^[A-Z]{3}$"
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
SEED_PATTERN = r"^[0-9a-z_]+\.txt$"
# a date as precise as the source gives it: 2017, 2017-03 or 2017-03-01
PARTIAL_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
# a WCAG 2.1 success criterion, such as 1.3.1 or 2.4.11
WCAG_PATTERN = r"^[1-4]\.[1-9]\.[1-9][0-9]?$"
# What each pattern asks for, in the words of `familyhub check`'s messages: an editor reads
# "write a language code …", not a regular expression.
PATTERN_HINTS = {
    SLUG_PATTERN: "an id of lower-case letters a-z, digits and hyphens, such as aarhus-home-start",
    URL_PATTERN: "an address that starts with https:// (or http://), without spaces",
    LANGUAGE_PATTERN: "a language code of two lower-case letters, such as da, nb or en",
    CURRENCY_PATTERN: "a currency code of three capital letters, such as DKK, NOK or EUR",
    MONTH_PATTERN: "a month as YYYY-MM, such as 2025-11",
    SEED_PATTERN: "the file name of a seed text, such as 000_0835533d724fc592.txt",
    PARTIAL_DATE_PATTERN: "a date as precise as the source gives it: 2017, 2017-03 or 2017-03-01",
    WCAG_PATTERN: "a WCAG 2.1 success criterion by its number, such as 1.3.1",
}
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
ShortStr = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Number = StrictInt | StrictFloat
NonNegative = Annotated[Number, Field(ge=0)]
Currency = Annotated[str, StringConstraints(pattern=CURRENCY_PATTERN)]
WcagCriterion = Annotated[str, StringConstraints(pattern=WCAG_PATTERN)]
# the error type of a money field given anything but digits; familyhub/data/messages.py words it
# with the text as the file has it (YAML reads 300.000 as the decimal 300.0)
WHOLE_AMOUNT_ERROR = "whole_amount"


def _whole_amount(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError(WHOLE_AMOUNT_ERROR, "write the amount in digits only")
    return value


# Money: a whole number of kroner (or the currency's unit), never a decimal.
Amount = Annotated[StrictInt, Field(ge=0), BeforeValidator(_whole_amount)]
Country = Literal["DK", "NO", "SE"]
# the currency a plan in that country budgets in
COUNTRY_CURRENCY = {"DK": "DKK", "NO": "NOK", "SE": "SEK"}
PartialDate = Annotated[
    str, StringConstraints(pattern=PARTIAL_DATE_PATTERN), AfterValidator(on_the_calendar)
]
# a full date, YYYY-MM-DD, that is on the calendar (YAML hands it over as text)
Day = Annotated[dt.date, BeforeValidator(calendar_day)]
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
    preparing = (info.context or {}).get("preparing") or []
    unknown = sorted(set(value) - set(languages) - set(preparing))
    if unknown:
        raise ValueError(
            f"unknown language: {', '.join(unknown)} (languages are {', '.join(languages)})"
        )
    return value


class TranslatedMarker:
    """Marks Text in the JSON Schema, so data/schema.py can require every configured language.

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


def _wording(value: Any) -> str:
    return "in-every-language" if isinstance(value, dict) else "as-given"


# issue 23: words as a source gives them, in the source's language (a title, a value it states),
# or the hub's own words in every language; one form's message, not both ("missing translation")
AsGivenOrText = Annotated[
    Annotated[ShortStr, Tag("as-given")] | Annotated[Text, Tag("in-every-language")],
    Discriminator(_wording),
]

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

    # a figure with a currency is money: the JSON Schema says so too, for an editor's YAML plugin
    model_config = ConfigDict(
        json_schema_extra={
            "if": {"required": ["currency"]},
            "then": {"properties": {"value": {"type": "integer"}}},
        }
    )

    label: Text
    value: NonNegative
    # how the source words it: "ca. 450", "næsten 1000", "mindst 6", "mere end 3500"
    qualifier: Literal["about", "almost", "at-least", "more-than"] | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    currency: Currency | None = None
    per: Literal["year", "family", "week"] | None = None
    # what the value counts, where a page gathers it: families (issue 22's municipality pages)
    counts: Literal["families"] | None = None
    source: SourceId
    note: Text | None = None

    @field_validator("currency")
    @classmethod
    def _money_is_whole(cls, currency: str | None, info: ValidationInfo) -> str | None:
        """A figure with a currency is money, so its value is a whole number (the value comes
        first in the file, so its own validator cannot know the currency)."""
        value = info.data.get("value")
        if currency is not None and isinstance(value, float):
            raise PydanticCustomError(
                WHOLE_AMOUNT_ERROR, "write the amount in digits only", {"field": "value"}
            )
        return currency


class Record(Strict):
    """One file in data/<kind>/: an id (its file name) and when a person last checked it."""

    id: Slug
    last_reviewed: Day
    # familyhub.data.load.entity_references, worked out once and kept with the entity
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
