"""data/site.yml: the languages, their money formats and page labels."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from familyhub.data.fields import (
    Currency,
    LanguageCode,
    ShortStr,
    Slug,
    Strict,
)


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
