"""`make lint` inside the suite: ruff, ruff's formatter, mypy and the import contracts, run by one
pytest worker while the other tests (and the other worker) go on. As a step of its own before
pytest, the same commands kept one of the machine's two cores idle for as long as mypy took."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BIN = Path(sys.executable).parent
SOURCES = ["familyhub", "scripts", "tests"]
COMMANDS = {
    "ruff": ["ruff", "check", *SOURCES],
    "ruff format": ["ruff", "format", "--check", *SOURCES],
    "mypy": ["mypy"],
    "lint-imports": ["lint-imports"],
}


@pytest.mark.parametrize("name", COMMANDS)
def test_the_code_passes(name: str) -> None:
    program, *arguments = COMMANDS[name]
    result = subprocess.run(
        [str(BIN / program), *arguments], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{name}:\n{result.stdout}{result.stderr}"
