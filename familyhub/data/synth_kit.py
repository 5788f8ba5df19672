"""What every synthetic generator needs (familyhub/data/synth_kinds.py): the seeded random
source, ids, names and placeholder texts in every language, and the registry of generators."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import yaml

from familyhub.data.models import CaseTheme

Document = dict[str, Any]

# Filler for long texts: unmistakably placeholder text in any language.
LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
    "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco "
    "laboris nisi ut aliquip ex ea commodo consequat."
)
# The synthetic words, per language. A language without an entry gets the English words.
WORDS: dict[str, dict[str, str]] = yaml.safe_load(
    (Path(__file__).with_name("synth_words.yml")).read_text(encoding="utf-8")
)
# Entities of each kind per partnership; at least one of each is made.
RATIOS: dict[str, float] = {}
GENERATORS: dict[str, Callable[[Synth, int], Document]] = {}
REVIEWED = dt.date(2026, 1, 1)


class SynthError(Exception):
    """The synthetic data set cannot be made as asked."""


def generator(kind: str, per_partnership: float) -> Callable[..., Any]:
    """Register the function that makes entity number `index` of `kind`."""

    def register(function: Callable[[Synth, int], Document]) -> Callable[[Synth, int], Document]:
        RATIOS[kind] = per_partnership
        GENERATORS[kind] = function
        return function

    return register


@dataclass
class Synth:
    """What every generator needs: counts, ids, a seeded random source and the languages."""

    counts: dict[str, int]
    rng: random.Random
    languages: list[str]

    def id(self, kind: str, index: int) -> str:
        return f"synth-{kind.replace('_', '-')}-{index + 1}"

    def name(self, kind: str, index: int, lang: str) -> str:
        return f"{self.word(kind, lang)} {index + 1}"

    def word(self, key: str, lang: str) -> str:
        return WORDS.get(lang, WORDS["en"])[key]

    def pick(self, kind: str) -> str:
        return self.id(kind, self.rng.randrange(self.counts[kind]))

    def picks(self, kind: str, most: int) -> list[str]:
        count = min(self.counts[kind], self.rng.randint(1, most))
        return [self.id(kind, i) for i in sorted(self.rng.sample(range(self.counts[kind]), count))]

    def themes(self, index: int) -> list[str]:
        """One or two case themes (issue 7), from the index alone: drawing them from rng would
        change every entity generated after them, and with it the benchmark's data."""
        vocabulary: tuple[str, ...] = get_args(CaseTheme)
        first, second = index % len(vocabulary), (index * 3 + 1) % len(vocabulary)
        return [vocabulary[i] for i in sorted({first, second})]

    def text(self, kind: str, index: int, sentences: int = 2) -> dict[str, str]:
        """A text per language: which synthetic entity it belongs to, then placeholder text."""
        filler = "".join(f" {LOREM}" for _ in range(sentences))
        return {
            lang: f"{self.name(kind, index, lang)}. {self.word('note', lang)}{filler}"
            for lang in self.languages
        }

    def label(self, key: str, index: int) -> dict[str, str]:
        return {lang: self.name(key, index, lang) for lang in self.languages}

    def reviewed(self) -> str:
        return (REVIEWED - dt.timedelta(days=self.rng.randrange(700))).isoformat()

    def source_at(self, index: int) -> str:
        # from the index alone, as themes are: rng would change every later entity (issue 14)
        return self.id("source", index % self.counts["source"])

    def series(self, index: int) -> Document:
        """A growing national figure: four points, two years apart."""
        points = [(2012 + 2 * step, (index + 1) * (step + 1) * 5, step) for step in range(4)]
        return {
            "id": "branches",
            "label": self.label("series", index),
            "points": [
                {"year": year, "value": value, "source": self.source_at(index + step)}
                for year, value, step in points
            ],
        }

    def dispute(self, index: int) -> Document:
        """Two sources that give different values, one of them undated."""
        first = {"value": str(20 + index), "as_of": "2016", "source": self.source_at(index)}
        second = {"value": str(25 + index), "source": self.source_at(index + 1)}
        return {"label": self.label("dispute", index), "claims": [first, second]}

    def figure(self, index: int) -> Document:
        return {
            "label": self.label("figure", index),
            "value": self.rng.randrange(1, 5000),
            "year": self.rng.randrange(2015, 2026),
            "source": self.pick("source"),
        }
