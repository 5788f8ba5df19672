"""Numbers, money, dates and alphabetical order in each language's conventions, and the UI labels
from data/site.yml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

import icu
from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.numbers import format_decimal, get_group_symbol

from familyhub.data.site_config import Language

T = TypeVar("T")


@cache
def _collator(locale: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(locale))


def collation_key(locale: str) -> Callable[[str], bytes]:
    """The language's alphabetical order as a sort key, by ICU's tailoring of the Unicode
    collation algorithm: in da and nb, æ ø å come after z and "aa" sorts as "å"."""
    return _collator(locale).getSortKey  # type: ignore[no-any-return]


def alphabetical(items: Iterable[T], name: Callable[[T], str], locale: str) -> list[T]:
    """Items in the alphabetical order of their names in the language of `locale`."""
    key = collation_key(locale)
    return sorted(items, key=lambda item: key(name(item)))


class MissingLabel(KeyError):
    """A page asks for a label that data/site.yml does not have (for example data made by an
    older `familyhub synth`, whose site.yml predates a new label)."""

    def __str__(self) -> str:
        return str(self.args[0])


class Formatter:
    """Formats values for one language; labels come from data/site.yml, never from code."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.code = language.code
        self._numbers: dict[float, str] = {}
        self._dates: dict[dt.date, str] = {}
        self._group = get_group_symbol(language.locale)
        pattern = Locale.parse(language.locale).decimal_formats[None]
        self._group_by_three = tuple(pattern.grouping) == (3, 3)

    def label(self, key: str) -> str:
        try:
            return self.language.labels[key]
        except KeyError:
            raise MissingLabel(
                f"data/site.yml: labels: {key}: missing for language '{self.code}'"
            ) from None

    def number(self, value: float) -> str:
        # Babel is slow and the same numbers recur on thousands of pages: format each once
        if value not in self._numbers:
            self._numbers[value] = self._format_number(value)
        return self._numbers[value]

    def _format_number(self, value: float) -> str:
        # Whole amounts are most numbers at scale: Python groups them as Babel would, with the
        # language's separator, when the language groups digits by three.
        if type(value) is int and value >= 0 and self._group_by_three:
            return f"{value:,}".replace(",", self._group)
        return str(format_decimal(value, locale=self.language.locale))

    def money(self, amount: float, currency: str) -> str:
        pattern = self.language.money.get(currency, "{currency} {amount}")
        return pattern.format(amount=self.number(round(amount)), currency=currency)

    def date(self, value: dt.date) -> str:
        if value not in self._dates:
            self._dates[value] = str(
                babel_format_date(value, format="long", locale=self.language.locale)
            )
        return self._dates[value]

    def partial_date(self, value: str) -> str:
        """A date as precise as its source gives it: "2017", "March 2017" or "1 March 2017"."""
        parts = [int(part) for part in value.split("-")]
        if len(parts) == 1:
            return str(parts[0])
        if len(parts) == 2:
            month = dt.date(parts[0], parts[1], 1)
            return str(format_skeleton("yMMMM", month, locale=self.language.locale))
        return self.date(dt.date(parts[0], parts[1], parts[2]))

    def alphabetical(self, items: Iterable[T], name: Callable[[T], str]) -> list[T]:
        return alphabetical(items, name, self.language.locale)

    def text(self, value: dict[str, str] | None) -> str:
        return "" if value is None else value[self.code]
