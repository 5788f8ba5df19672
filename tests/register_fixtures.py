"""Issue 14's invented examples (tests/fixtures/register/): an ended partnership with its history,
disputes, a series, cost per family, an evaluation and a source without an address, copied into a
copy of the project until the curated data holds such cases. Every text says it is a test."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "register"
ENDED = "fixture-register-ended"
ACTIVE = "fixture-register-active"
LARGE = "fixture-register-large"
NETWORK = "fixture-register-network"
MODEL = "fixture-register-model"
EVALUATION = "fixture-register-evaluation"
NO_ADDRESS = "fixture-register-letter"
PAGE = "fixture-register-page"
REPORT = "fixture-register-report"


def add_register_examples(data_dir: Path) -> None:
    """Copy every example file into data_dir/<folder>/."""
    for path in FIXTURES.glob("*/*.yml"):
        target = data_dir / path.parent.name / path.name
        target.parent.mkdir(exist_ok=True)
        shutil.copy2(path, target)
