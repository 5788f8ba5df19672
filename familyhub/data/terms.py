"""data/terms.yml: the hub's one term per concept in each language, and the words it does not use.

`familyhub check` warns with `file:line` wherever a text of one language uses a word its
glossary lists to avoid: in the data files, in the labels of data/site.yml and in the hand-written
pages of docs/ (page.md in the default language, page.<code>.md in the others).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import Field, StringConstraints, ValidationError

from familyhub.data.fields import LanguageCode, ShortStr, Strict
from familyhub.data.messages import problems_from
from familyhub.data.problems import WHOLE_FILE, DataError, Problem, display, field_name
from familyhub.data.site_config import SiteConfig
from familyhub.data.yaml_lines import YamlLoader, read_yaml

TERMS_FILE = "terms.yml"
Note = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
DOCS_FOLDER = "docs"
LANGUAGE_KEY = "code"  # data/site.yml: the key that says whose labels follow


class Variant(Strict):
    """A word the hub does not use for the concept, and why not."""

    variant: ShortStr
    why: ShortStr


class Term(Strict):
    """One concept in one language: the word the hub writes, and the words it does not."""

    concept: ShortStr  # what the term means, in English, for editors of every language
    term: ShortStr
    note: Note | None = None  # where the choice comes from, and why
    avoid: list[Variant] = Field(default_factory=list)


class Terms(Strict):
    """data/terms.yml: per language code, its terms."""

    terms: dict[LanguageCode, list[Term]]


@dataclass(frozen=True)
class Avoided:
    """A variant ready to be found in a text of its language."""

    pattern: re.Pattern[str]
    needle: str  # in lower case, one space between words: a quick test whether a text may hold it
    variant: str
    term: str
    why: str


def load_terms(data_dir: Path) -> Terms | None:
    """data/terms.yml validated; None if the hub keeps no glossary; DataError if it is wrong."""
    path = data_dir / TERMS_FILE
    if not path.is_file():
        return None
    problems: list[Problem] = []
    document = read_yaml(path, data_dir, problems)
    if document is None:
        raise DataError(problems)
    try:
        return Terms.model_validate(document)
    except ValidationError as error:
        raise DataError(problems_from(error, document, path, data_dir, Terms)) from error


def term_warnings(data_dir: Path, site: SiteConfig) -> list[Problem]:
    """Every variant the glossary avoids, where a text of its language uses it."""
    terms = load_terms(data_dir)
    if terms is None:
        return []
    avoided = {code: _avoided(items) for code, items in terms.terms.items()}
    warnings = _unknown_languages(terms, site, data_dir)
    for path in [*sorted(data_dir.glob("*/*.yml")), data_dir / "site.yml"]:
        warnings.extend(_yaml_warnings(path, data_dir, avoided))
    docs = data_dir.parent / DOCS_FOLDER
    if docs.is_dir():
        for page in sorted(docs.glob("*.md")):
            code = _page_language(page, site)
            warnings.extend(_page_warnings(page, data_dir, avoided.get(code, [])))
    return sorted(warnings)


def _avoided(items: list[Term]) -> list[Avoided]:
    return [
        Avoided(
            _variant_pattern(avoid.variant),
            " ".join(avoid.variant.lower().split()),
            avoid.variant,
            item.term,
            avoid.why,
        )
        for item in items
        for avoid in item.avoid
    ]


def _variant_pattern(variant: str) -> re.Pattern[str]:
    """The variant at the start of a word, its inflected forms too (lokalavdelingen), across a
    line break where the text wraps."""
    words = r"\s+".join(re.escape(word) for word in variant.split())
    return re.compile(rf"(?<!\w){words}", re.IGNORECASE)


def _unknown_languages(terms: Terms, site: SiteConfig, data_dir: Path) -> list[Problem]:
    path = data_dir / TERMS_FILE
    known = set(site.codes) | set(site.preparing)
    return [
        Problem(display(path, data_dir), 1, f"terms.{code}", "not a language of data/site.yml")
        for code in terms.terms
        if code not in known
    ]


def _yaml_warnings(path: Path, data_dir: Path, avoided: dict[str, list[Avoided]]) -> list[Problem]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # the loader reports it
    lowered = " ".join(text.lower().split())
    if not any(item.needle in lowered for items in avoided.values() for item in items):
        return []  # nearly every file: no need to read its structure
    try:
        root = yaml.compose(text, Loader=YamlLoader)
    except yaml.YAMLError:
        return []
    shown = display(path, data_dir)
    return [
        _warning(shown, text, loc, found, avoided_item)
        for node, loc, code in _texts(root, (), None, set(avoided))
        for avoided_item in avoided[code]
        for found in avoided_item.pattern.finditer(text, node.start_mark.index, node.end_mark.index)
    ]


def _texts(
    node: yaml.Node | None, loc: tuple[Any, ...], code: str | None, codes: set[str]
) -> Iterator[tuple[yaml.Node, tuple[Any, ...], str]]:
    """(scalar, location, language) of every text written in one language."""
    if isinstance(node, yaml.ScalarNode) and code is not None:
        yield node, loc, code
    elif isinstance(node, yaml.MappingNode):
        code = _labels_language(node, codes) or code
        for key, value in node.value:
            inner = key.value if key.value in codes else code
            yield from _texts(value, (*loc, key.value), inner, codes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _texts(item, (*loc, index), code, codes)


def _labels_language(node: yaml.MappingNode, codes: set[str]) -> str | None:
    """The language of a site.yml entry (`code: da` beside its labels)."""
    for key, value in node.value:
        if key.value == LANGUAGE_KEY and isinstance(value, yaml.ScalarNode):
            return value.value if value.value in codes else None
    return None


def _page_language(page: Path, site: SiteConfig) -> str:
    suffixes = page.name.split(".")
    return suffixes[-2] if len(suffixes) > 2 else site.default_language


def _page_warnings(page: Path, data_dir: Path, avoided: list[Avoided]) -> list[Problem]:
    text = page.read_text(encoding="utf-8")
    shown = display(page, data_dir)
    return [
        Problem(shown, _line(text, found.start()), WHOLE_FILE, _message(found, item))
        for item in avoided
        for found in item.pattern.finditer(text)
    ]


def _warning(
    shown: str, text: str, loc: tuple[Any, ...], found: re.Match[str], item: Avoided
) -> Problem:
    return Problem(shown, _line(text, found.start()), field_name(loc), _message(found, item))


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _message(found: re.Match[str], item: Avoided) -> str:
    written = " ".join(found.group(0).split())
    return f"'{written}': the hub writes '{item.term}' ({item.why}; data/{TERMS_FILE})"
