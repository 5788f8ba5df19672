"""Facts over time: what happened (events), values on which sources disagree (disputes), a
figure at several dates (series) and the hub's own cost-per-family sum."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from familyhub.data.fields import (
    Amount,
    AsGivenOrText,
    Currency,
    NonNegative,
    PartialDate,
    Slug,
    SourceId,
    Strict,
    Text,
    Year,
)


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

    # as the source words it, in its language; or the hub's words in every language
    value: AsGivenOrText
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
        values = {
            tuple(sorted(c.value.items())) if isinstance(c.value, dict) else c.value
            for c in self.claims
        }
        if len(values) < 2:
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

    amount: Amount
    currency: Currency
    families: Annotated[int, Field(ge=1)]
    period: Text
    source: SourceId
