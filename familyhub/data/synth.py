"""Synthetic data sets for benchmarks: N partnerships and proportional entities, seeded.

Every text says it is synthetic ("Syntetisk Kommune 17"), every address is on example.org, so a
synthetic data set can never be mistaken for facts. The same count and seed give the same files.

The generators, one per entity kind, are in synth_kinds.py; what they share (ids, names, texts,
the seeded random source) in synth_kit.py. This module makes and writes the whole data set.
"""

from __future__ import annotations

import math
import random
import shutil
import tempfile
from pathlib import Path

import yaml

from familyhub.data import synth_kinds
from familyhub.data.kinds import KINDS
from familyhub.data.load import DEFAULT_DATA_DIR, SITE_CONFIG_FILE
from familyhub.data.site_config import SiteConfig
from familyhub.data.synth_kinds import CURATED_GUIDES
from familyhub.data.synth_kit import GENERATORS, RATIOS, Document, Synth, SynthError

__all__ = ["GENERATORS", "SynthError", "counts_for", "generate", "write_data_set"]


def counts_for(partnerships: int) -> dict[str, int]:
    """How many entities of each kind go with this many partnerships."""
    missing = [kind for kind, _ in KINDS.values() if kind not in GENERATORS]
    if missing:
        kinds = ", ".join(missing)
        raise SynthError(
            f"no synthetic generator for kind {kinds}: add one in {synth_kinds.__name__}"
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
