"""data/site.yml: the languages, their money formats and page labels."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, HttpUrl

from familyhub.data.fields import (
    Currency,
    Day,
    LanguageCode,
    ShortStr,
    Slug,
    Strict,
    TextBody,
    WcagCriterion,
)


class Publisher(Strict):
    """Who answers for the site, in one language's words: shown on the About page, in every
    page's footer and on the PDF cover. Left out or `example: true`, `familyhub check` warns
    and `familyhub check --release` refuses."""

    example: bool = False
    name: ShortStr | None = None
    contact: ShortStr | None = None  # an e-mail address or a postal address
    editor: ShortStr | None = None  # the responsible editor
    licence: ShortStr | None = None  # the licence of the content, e.g. "CC BY 4.0"
    licence_url: HttpUrl | None = None


# what a release must state in every language
PUBLISHER_FIELDS = ("name", "contact", "editor", "licence")


class KnownProblem(Strict):
    """Content that does not meet WCAG 2.1 AA yet, as the accessibility statement lists it: the
    success criterion it fails, what and where in every language, and where it is followed up."""

    wcag: WcagCriterion
    problem: dict[LanguageCode, TextBody]
    reference: HttpUrl | None = None


class Accessibility(Strict):
    """The accessibility statement's facts (docs/accessibility*.md), kept beside the publisher:
    how far the site complies, what does not yet, and when that was last reviewed."""

    status: Literal["compliant", "partially-compliant", "not-compliant"]
    last_review: Day
    known_problems: list[KnownProblem] = []


class Language(Strict):
    code: LanguageCode
    locale: ShortStr
    name: ShortStr
    money: dict[Currency, ShortStr]
    labels: dict[Slug, ShortStr]
    publisher: Publisher = Field(default_factory=Publisher)


class LanguageInPreparation(Strict):
    """A language whose texts and labels are being written: what it has so far, nothing required
    but its code. It moves to `languages` when every text and label has it."""

    code: LanguageCode
    locale: ShortStr | None = None
    name: ShortStr | None = None
    money: dict[Currency, ShortStr] = {}
    labels: dict[Slug, ShortStr] = {}
    publisher: Publisher = Field(default_factory=Publisher)


class SiteConfig(Strict):
    """data/site.yml: the one list of languages and their UI labels."""

    languages: Annotated[list[Language], Field(min_length=1)]
    default_language: LanguageCode
    # languages whose texts editors are adding, file by file: accepted beside the built
    # languages' texts, not yet required and not built
    languages_in_preparation: list[LanguageInPreparation] = []
    # where the site is published, e.g. https://familyhub.example.dk/ (a sub-folder is fine):
    # the sitemap's, canonical and alternate addresses start with it (familyhub/data/address.py)
    site_url: ShortStr | None = None
    # true while site_url is an example: `familyhub check` warns, `check --release` refuses
    site_url_example: bool = False
    # the accessibility statement's status, known problems and date of review (issue 21)
    accessibility: Accessibility | None = None

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    @property
    def text_context(self) -> dict[str, list[str]]:
        """What the validation of every text needs to know: which languages it must have and
        which it may have."""
        return {"languages": self.codes, "preparing": self.preparing}

    @property
    def preparing(self) -> list[str]:
        return [language.code for language in self.languages_in_preparation]

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)
