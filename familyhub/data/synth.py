"""Synthetic data sets for benchmarks: N partnerships and proportional entities, seeded.

Every text says it is synthetic ("Syntetisk Kommune 17"), every address is on example.org, so a
synthetic data set can never be mistaken for facts. The same count and seed give the same files.

One generator function per entity kind, registered with @generator: a new kind in
familyhub/data/kinds.py's KINDS needs one function here and nothing else.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import yaml

from familyhub.data.kinds import KINDS
from familyhub.data.load import DEFAULT_DATA_DIR, SITE_CONFIG_FILE
from familyhub.data.models import CaseTheme
from familyhub.data.site_config import SiteConfig

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


@generator("source", per_partnership=0.15)
def _source(synth: Synth, index: int) -> Document:
    return {
        "id": synth.id("source", index),
        "title": synth.name("source", index, synth.languages[0]),
        "publisher": f"{synth.word('organisation', 'en')} {index % 40 + 1}",
        "kind": synth.rng.choice(["news", "report", "web-page", "case-story"]),
        "language": synth.languages[0],
        "year": synth.rng.randrange(2010, 2026),
        "url": f"https://example.org/synthetic/source-{index + 1}",
        "summary": synth.text("source", index, 0),
        "last_reviewed": synth.reviewed(),
    }


@generator("municipality", per_partnership=0.2)
def _municipality(synth: Synth, index: int) -> Document:
    return {
        "id": synth.id("municipality", index),
        "name": synth.name("municipality", index, synth.languages[0]),
        "country": "DK" if index % 5 else "NO",
        "description": synth.text("municipality", index, 0),
        "sources": [synth.pick("source")],
        "last_reviewed": synth.reviewed(),
    }


@generator("organisation", per_partnership=0.15)
def _organisation(synth: Synth, index: int) -> Document:
    document: Document = {
        "id": synth.id("organisation", index),
        "name": synth.name("organisation", index, synth.languages[0]),
        "kind": synth.rng.choice(["volunteer-organisation", "local-branch", "other"]),
        "country": "DK" if index % 5 else "NO",
        "municipality": synth.pick("municipality"),
        "website": f"https://example.org/synthetic/organisation-{index + 1}",
        "description": synth.text("organisation", index, 1),
        "facts": [synth.figure(index)],
        "sources": [synth.pick("source")],
        "last_reviewed": synth.reviewed(),
    }
    if index >= 10:  # the first ten are national organisations; the others local branches
        document["parent"] = synth.id("organisation", index % 10)
    else:  # whose figures over time are series (issue 14)
        document["series"] = [synth.series(index)]
    return document


@generator("model", per_partnership=0.01)
def _model(synth: Synth, index: int) -> Document:
    return {
        "id": synth.id("model", index),
        "name": synth.label("model", index),
        "category": synth.rng.choice(["home-visiting", "family-house", "group"]),
        "organisation": synth.pick("organisation"),
        "summary": synth.text("model", index, 1),
        "target_group": synth.text("model", index, 1),
        "roles": [
            {"who": synth.label("role", role), "does": synth.text("role", role, 1)}
            for role in range(2)
        ],
        "principles": [synth.text("model", index, 1)],
        "disputes": [synth.dispute(index)],
        "sources": synth.picks("source", 2),
        "last_reviewed": synth.reviewed(),
    }


@generator("requirement_set", per_partnership=0.005)
def _requirement_set(synth: Synth, index: int) -> Document:
    return {
        "id": synth.id("requirement_set", index),
        "name": synth.label("requirement_set", index),
        "organisation": synth.pick("organisation"),
        "country": _requirement_set_country(index),
        "summary": synth.text("requirement_set", index, 2),
        "requirements": [
            {
                "id": f"requirement-{number + 1}",
                "category": synth.rng.choice(["organisation", "staff", "funding", "volunteers"]),
                "title": synth.label("requirement", number),
                "text": synth.text("requirement", number, 1),
                "source": synth.pick("source"),
            }
            for number in range(6)
        ],
        "sources": synth.picks("source", 3),
        "last_reviewed": synth.reviewed(),
    }


def _curated_guides() -> list[tuple[str, str]]:
    """(id, country) of the curated guides. The hand-written pages link them by id (docs/index.md),
    so the first synthetic guides take their ids and countries: a synthetic data set then builds
    with `--strict` like the curated one."""
    guides = []
    for path in sorted((DEFAULT_DATA_DIR / "guides").glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        guides.append((str(document["id"]), str(document["country"])))
    return guides


CURATED_GUIDES = _curated_guides()


def _requirement_set_country(index: int) -> str:
    """Requirement set number `index` is that of guide number `index`: a curated guide's country
    for the first ones, then Norway's every third time."""
    if index < len(CURATED_GUIDES):
        return CURATED_GUIDES[index][1]
    return "DK" if index % 3 else "NO"


@generator("guide", per_partnership=0.005)
def _guide(synth: Synth, index: int) -> Document:
    """A checklist over requirement set number `index` (one guide per set, as check demands)."""
    set_index = index % synth.counts["requirement_set"]
    requirement_set = synth.id("requirement_set", set_index)
    return {
        "id": CURATED_GUIDES[index][0] if index < len(CURATED_GUIDES) else synth.id("guide", index),
        "name": synth.label("guide", index),
        "audience": "founders" if index % 2 else "municipalities",
        "country": _requirement_set_country(set_index),
        "summary": synth.text("guide", index, 1),
        "requirement_sets": [requirement_set],
        "phases": [
            {
                "phase": phase,
                "weeks": 4,
                "items": [
                    {
                        "id": f"item-{phase}-{number + 1}",
                        "requirement": {"set": requirement_set, "id": f"requirement-{number + 1}"},
                    }
                    for number in range(offset, offset + 3)
                ],
            }
            for phase, offset in (("prepare", 0), ("start", 3))
        ],
        "sources": synth.picks("source", 2),
        "last_reviewed": synth.reviewed(),
    }


@generator("partnership", per_partnership=1)
def _partnership(synth: Synth, index: int) -> Document:
    municipality = synth.pick("municipality")
    organisations = synth.picks("organisation", 2)
    status = synth.rng.choice(["active", "active", "requested", "ended", "unknown"])
    start_year = synth.rng.randrange(2010, 2026)
    return {
        "id": synth.id("partnership", index),
        "name": synth.label("partnership", index),
        "status": status,
        **_status_evidence(synth, index, status, start_year),
        "municipality": municipality,
        "parties": [
            {"municipality": municipality, "commits": synth.text("partnership", index, 1)},
            *({"organisation": organisation} for organisation in organisations),
        ],
        "start_year": start_year,
        "duration_years": synth.rng.randrange(1, 6),
        "models": synth.picks("model", 1),
        "summary": synth.text("partnership", index, 2),
        "target_group": synth.text("partnership", index, 1),
        "funding": [
            {
                "amount": synth.rng.randrange(50, 2000) * 1000,
                "currency": "DKK" if index % 5 else "NOK",
                "per": "year",
                "years": synth.rng.randrange(1, 5),
                "payer": {"kind": "municipality", "id": municipality},
                "start_year": start_year,
                "description": synth.text("partnership", index, 1),
                "source": synth.pick("source"),
            }
        ],
        "facts": [synth.figure(index)],
        "sources": synth.picks("source", 2),
        "last_reviewed": synth.reviewed(),
    }


def _status_evidence(synth: Synth, index: int, status: str, start_year: int) -> Document:
    """What the schema asks of a status: its source, or the history that ended it."""
    if status in ("active", "requested"):
        return {"status_source": synth.pick("source")}
    if status != "ended":
        return {}
    event = {"text": synth.text("partnership", index, 1), "source": synth.pick("source")}
    return {
        "history": [
            {"date": str(start_year), "event": "started", **event},
            {"date": str(start_year + 2), "event": "ended", **event},
        ],
        "end_year": start_year + 2,
    }


@generator("case", per_partnership=0.1)
def _case(synth: Synth, index: int) -> Document:
    return {
        "id": synth.id("case", index),
        "title": synth.label("case", index),
        "municipalities": synth.picks("municipality", 2),
        "organisations": synth.picks("organisation", 2),
        "partnerships": synth.picks("partnership", 2),
        "models": synth.picks("model", 1),
        "themes": synth.themes(index),
        "what_happened": synth.text("case", index, 3),
        "who": synth.text("case", index, 1),
        "what_worked": [synth.text("case", index, 1) for _ in range(2)],
        "what_was_hard": [synth.text("case", index, 1) for _ in range(2)],
        "lessons": [synth.text("case", index, 1)],
        "sources": synth.picks("source", 2),
        "last_reviewed": synth.reviewed(),
    }


@generator("evaluation", per_partnership=0.02)
def _evaluation(synth: Synth, index: int) -> Document:
    return {
        "id": synth.id("evaluation", index),
        "title": synth.label("evaluation", index),
        "author": f"{synth.word('organisation', 'en')} {index % 40 + 1}",
        "year": synth.rng.randrange(2005, 2026),
        "kind": synth.rng.choice(["evaluation", "rating", "research", "report"]),
        "country": synth.rng.choice(["DK", "NO"]),
        "models": synth.picks("model", 1),
        "partnerships": synth.picks("partnership", 2),
        # issue 22: without drawing from rng, so the other generated data stays as it was
        "design": ("qualitative", "user-survey", "not-stated")[index % 3],
        "participants": {"count": 20 + index, "who": "families"},
        "findings": synth.text("evaluation", index, 2),
        "sources": synth.picks("source", 1),
        "last_reviewed": synth.reviewed(),
    }


def counts_for(partnerships: int) -> dict[str, int]:
    """How many entities of each kind go with this many partnerships."""
    missing = [kind for kind, _ in KINDS.values() if kind not in GENERATORS]
    if missing:
        raise SynthError(
            f"no synthetic generator for kind {', '.join(missing)}: add one in {__name__}"
        )
    counts = {kind: max(1, math.ceil(partnerships * RATIOS[kind])) for kind, _ in KINDS.values()}
    # a guide for each curated guide, each with its own requirement set
    for kind in ("guide", "requirement_set"):
        counts[kind] = max(counts[kind], len(CURATED_GUIDES))
    return counts


def generate(partnerships: int, seed: int, site: SiteConfig) -> dict[str, list[Document]]:
    """Every synthetic entity, by folder of data/, in the order of their ids."""
    if partnerships < 1:
        raise SynthError(f"--count must be at least 1, not {partnerships}")
    # reproducible, not secret: a seeded pseudo-random stream is exactly what is wanted
    synth = Synth(counts_for(partnerships), random.Random(seed), site.codes)  # noqa: S311
    documents: dict[str, list[Document]] = {}
    for folder, (kind, _) in KINDS.items():
        make = GENERATORS[kind]
        # one random stream per kind: adding a kind does not change the others' files
        synth.rng = random.Random(f"{seed}-{kind}")  # noqa: S311
        documents[folder] = [make(synth, index) for index in range(synth.counts[kind])]
    return documents


def write_data_set(
    out: Path, partnerships: int, seed: int = 1, site_file: Path | None = None
) -> dict[str, int]:
    """Write a data folder to `out` (which must not hold anything yet); return counts by kind.

    Written into a temporary folder beside `out` and moved into place, so a failure leaves
    nothing half-written behind.
    """
    site_file = site_file or DEFAULT_DATA_DIR / SITE_CONFIG_FILE
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise SynthError(f"{out} exists and is not an empty folder; synth writes a new data set")
    site = SiteConfig.model_validate(yaml.safe_load(site_file.read_text(encoding="utf-8")))
    documents = generate(partnerships, seed, site)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        shutil.copyfile(site_file, staging / SITE_CONFIG_FILE)
        for folder, entities in documents.items():
            (staging / folder).mkdir()
            for document in entities:
                text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
                (staging / folder / f"{document['id']}.yml").write_text(text, encoding="utf-8")
        if out.exists():
            out.rmdir()
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {folder: len(entities) for folder, entities in documents.items()}
