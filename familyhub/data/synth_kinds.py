"""One synthetic generator per entity kind, registered with @generator: a new kind in
familyhub/data/kinds.py's KINDS needs one function here and nothing else (synth.py refuses to
make a data set while a kind has none)."""

from __future__ import annotations

import yaml

from familyhub.data.load import DEFAULT_DATA_DIR
from familyhub.data.synth_kit import Document, Synth, generator


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
