"""`make bench` keeps working: a tiny run prints every figure the issues ask for, each a number
(issue 15: what a reader downloads, the hub's Pagefind search against Material's lunr, and how
soon the preview shows a save)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from familyhub.cli.main import main

from .conftest import ROOT

START, END = "<!-- make bench: start -->", "<!-- make bench: end -->"
FIGURES = (
    "cold: load + validate + render",
    "warm: load + validate + render",
    "one edit: load + validate + render",
    "full mkdocs build",
    "bare mkdocs build",
    "ratio full / bare",
    "make serve: first build",
    "make serve: save -> page shown",
    "peak memory, full build",
    "size of site/",
    "search bundle, all languages",
    "open home, gzip: hub",
    "open home, gzip: bare, lunr",
    "open overview, gzip: hub",
    "open guide, gzip: bare, lunr",
    "first search, common word, gzip: hub",
    "first search, rare word, gzip: hub",
    "first search, rare word, gzip: bare, lunr",
    "home page + css + js, gzip",
    "largest overview page",
)


def test_a_small_bench_prints_every_figure(tmp_path: Path) -> None:
    # ten synthetic partnerships, the bench's FAMILYHUB_DATA: every figure, in a fifth of the
    # time of the curated data in three languages
    data = tmp_path / "data"
    assert main(["synth", "--count", "10", "--seed", "1", "--out", str(data)]) == 0
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "FAMILYHUB_DATA": str(data)}
    # README: `make bench --write PERFORMANCE.md` puts the figures between its markers
    performance = tmp_path / "PERFORMANCE.md"
    performance.write_text(f"# Before\n{START}\nold figures\n{END}\n## After\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "scripts/bench.py", "--runs", "1", "--write", str(performance)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"cores: {os.cpu_count()};")
    for figure in FIGURES:
        row = next((line for line in lines if line.startswith(figure)), None)
        assert row is not None, f"no row {figure!r} in:\n{result.stdout}"
        assert re.search(r"\d(\.\d+)?( s| MB| KB)?$", row), row
        assert "nan" not in row, row
    written = performance.read_text(encoding="utf-8")
    assert written.startswith(f"# Before\n{START}\n```text\n")
    assert written.endswith(f"```\n{END}\n## After\n")
    assert "old figures" not in written
    block = written.split("```text\n")[1].split("\n```")[0].splitlines()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", block[0]) and block[1:] == lines
