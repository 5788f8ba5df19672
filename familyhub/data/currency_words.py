"""issue 23: amounts named with their currency where a text crosses the border.

A Danish reader takes "kr." for Danish kroner and a Norwegian reader "kr" for Norwegian kroner, so
the Danish text about a Norwegian entity says "norske kr." and the Norwegian text about a Danish
one "danske kroner". `familyhub check` warns, with file and line, on a bare "kr." there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from familyhub.data.load import Hub
from familyhub.data.problems import Problem, display
from familyhub.data.yaml_lines import line_of

# (the language of the text, the country its entity belongs to): a bare krone in that text, and
# what to write instead
BARE_KRONE = {
    ("da", "NO"): (re.compile(r"(?<!norske )\b(kr\.|kroner)(?!\w)"), '"norske kr."'),
    ("nb", "DK"): (re.compile(r"(?<!danske )\b(kr\b\.?|kroner\b)"), '"danske kroner"'),
}
SOURCE_COUNTRY = {"da": "DK", "nb": "NO"}


def currency_problems(hub: Hub) -> list[Problem]:
    """A warning for every text in one country's language about the other country that writes
    an amount in bare kroner."""
    problems = []
    for kind, by_id in hub.entities.items():
        for entity in by_id.values():
            country = country_of(hub, kind, entity)
            if country is None:
                continue
            path = hub.file_of(kind, entity.id)
            shown = display(path, hub.data_dir)
            for loc, lang, text in texts(entity.model_dump()):
                rule = BARE_KRONE.get((lang, country))
                if rule and (found := rule[0].search(text)):
                    message = (
                        f"'{found[0]}' in the {lang} text of an entity in {country}: a reader"
                        f" takes it for their own currency; write {rule[1]}"
                    )
                    field = ".".join(str(part) for part in (*loc, lang))
                    problems.append(Problem(shown, line_of(path, (*loc, lang)), field, message))
    return problems


def country_of(hub: Hub, kind: str, entity: Any) -> str | None:
    """The one country an entity is about, where the data says so."""
    if kind == "source":
        return SOURCE_COUNTRY.get(entity.language)
    if kind == "model" and entity.organisation:
        return str(hub.get("organisation", entity.organisation).country)
    if getattr(entity, "country", None):
        return str(entity.country)
    municipalities = set(getattr(entity, "municipalities", None) or [])
    municipalities.update(
        party.municipality for party in getattr(entity, "parties", []) if party.municipality
    )
    countries = {hub.get("municipality", m).country for m in municipalities}
    return countries.pop() if len(countries) == 1 else None


def texts(value: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    """(where, language, text) of every text in every language of a dumped entity."""
    if isinstance(value, dict):
        if value and all(
            isinstance(k, str) and len(k) == 2 and isinstance(v, str) for k, v in value.items()
        ):
            for lang, text in value.items():
                yield loc, lang, text
            return
        for key, item in value.items():
            yield from texts(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*loc, index))
