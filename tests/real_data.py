"""The curated data of data/, loaded once per test process. A score of test files read it at
import, and each load takes a third of a second: with three workers, loading it in every file
cost the run half a minute before its first test. Read it, never change it."""

from __future__ import annotations

from familyhub.data.load import load_hub

from .conftest import ROOT

HUB = load_hub(ROOT / "data")
