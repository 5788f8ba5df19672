"""The build never shows a traceback (issue 20): the data, broken or only odd in seeded ways, goes
through MkDocs' own hook (scripts/hooks.py: load, render every page, write), as in `make site`
and `make serve`. Each case either builds or stops with `file:line: field: message` lines and no
page written; a fault of the renderer itself names the entity whose page it was making.

The cases reuse tests/test_fuzz.py's slice and mutations, and render without a MkDocs build per
case; tests/test_bad_input_build.py runs the real `mkdocs build` and `make site` once.
"""

from __future__ import annotations

import importlib.util
import os
import random
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from familyhub.pages.incremental import BuildCache, fingerprint

from .conftest import copy_project
from .test_fuzz import (
    DATE_LINE,
    MUTATIONS,
    NUMBER_LINE,
    PROBLEM_LINE,
    SEED,
    Mutation,
    Scratch,
    _replace_one,
    data_slice,
    fresh_copy,
    run_check,
)

__all__ = ["data_slice"]  # the slice fixture, shared with tests/test_fuzz.py


# Odd but valid: what an editor may well write, which `check` accepts and the pages must show.
ODD_TEXTS = [
    "'<script>alert(1)</script> & <b>'",
    "'{{ 7 * 7 }} {% raw %} ${x}'",
    "'| a | b |\\n* [link](javascript:alert(1))'",
    "'\u202eevil ø æ å 😀 \u200b'",
    "'#'",
    "'1.500.000 kr.'",
]
ODD_NUMBERS = ["0", "1", "999999999999"]
ODD_DATES = ["2024-02-29", "1900-01-01", "2099-12-31"]
ODD_BUT_VALID: dict[str, Mutation] = {
    "odd-text": _replace_one(
        re.compile(r"^(\s+en: )(?![>|]).*$", re.M),
        lambda m: m[1] + random.Random(m[0]).choice(ODD_TEXTS),
        breaks=False,
    ),
    "edge-number": _replace_one(
        NUMBER_LINE, lambda m: m[1] + random.Random(m[0]).choice(ODD_NUMBERS), breaks=False
    ),
    "edge-date": _replace_one(
        DATE_LINE, lambda m: m[1] + random.Random(m[0]).choice(ODD_DATES), breaks=False
    ),
}
BUILD_CASES = 60
PLUGIN_PROBLEMS = "data/ has problems:"


@pytest.fixture(scope="module")
def build_hook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[], str | None]]:
    """MkDocs' pre-build event of a copy of the project, reading the data in FAMILYHUB_DATA: it
    loads the data and renders and writes every page, as `make site` and `make serve` do. Returns
    None when the pages are written, or the message MkDocs would show."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    project = copy_project(tmp_path_factory.mktemp("build") / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FAMILYHUB_CACHE", "off")
        patch.setenv("FAMILYHUB_DATA", str(project / "data"))
        config = load_config(str(project / "mkdocs.yml"))
        hooks = _hooks_module(project)
        # this project's own cache, as a fresh `mkdocs serve` process has
        patch.setattr(hooks, "BUILD_CACHE", BuildCache())

        def build() -> str | None:
            try:
                hooks.on_pre_build(config)
            except PluginError as error:
                return str(error)
            return None

        yield build


def _hooks_module(project: Path) -> Any:
    spec = importlib.util.spec_from_file_location("fuzzed_hooks", project / "scripts" / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_broken_or_odd_data_set_builds_or_says_where(
    build_hook: Callable[[], str | None], data_slice: Path, tmp_path: Path
) -> None:
    rng = random.Random(SEED + 1)
    files = sorted(data_slice.glob("*/*.yml"))
    data_dir = Path(os.environ["FAMILYHUB_DATA"])
    shutil.rmtree(data_dir)
    scratch = Scratch(data_slice, data_dir)
    docs = data_dir.parent / "docs"
    assert build_hook() is None  # the slice builds: every failure below is its case's
    failures: list[str] = []
    outcomes: Counter[str] = Counter()
    for case in range(BUILD_CASES):
        odd = rng.sample(sorted(ODD_BUT_VALID), k=rng.choice([1, 2]))
        broken = rng.sample(sorted(MUTATIONS), k=1) if rng.random() < 0.5 else []
        for name in odd + broken:
            target = scratch.root / rng.choice(files).relative_to(data_slice)
            scratch.before_change(target)
            (ODD_BUT_VALID | MUTATIONS)[name](target, rng)
        before = fingerprint(docs)
        try:
            message = build_hook()
        except BaseException as error:  # what MkDocs would print as a traceback
            message = f"raised {type(error).__name__}: {error}"
        scratch.restore()
        outcomes["built" if message is None else "refused"] += 1
        if message is None:
            continue
        head, *lines = message.splitlines()
        bad = [line for line in lines if not PROBLEM_LINE.match(line)]
        if head != PLUGIN_PROBLEMS or not lines or bad:
            failures.append(f"case {case} {odd + broken}: {(bad or [head])[:3]}")
        elif fingerprint(docs) != before:
            failures.append(f"case {case} {odd + broken}: refused, but pages were written")
    print(f"{BUILD_CASES} build cases: {dict(outcomes)}; failures: {len(failures)}")
    assert outcomes["built"] >= BUILD_CASES // 4 and outcomes["refused"] >= BUILD_CASES // 4
    assert failures == [], "\n".join(failures[:10])


@pytest.mark.parametrize("name", sorted(ODD_BUT_VALID))
def test_each_odd_mutation_alone_is_valid(name: str, data_slice: Path, tmp_path: Path) -> None:
    """The negative control of the build cases: odd data is data the pages must show."""
    with fresh_copy(data_slice, tmp_path / "data") as data_dir:
        for path in sorted(data_dir.glob("partnerships/*.yml")):
            ODD_BUT_VALID[name](path, random.Random(1))
        code, output = run_check(data_dir)
    assert code == 0, output


def test_a_fault_while_rendering_names_the_entity_and_writes_nothing(
    build_hook: Callable[[], str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the build did with `2021-02-31` before check refused it (issue 20): a page's helper
    fails. The editor sees the entity's file, never a traceback, and no page is half written."""
    from familyhub.i18n import Formatter

    data_dir = Path(os.environ["FAMILYHUB_DATA"])
    path = data_dir / "partnerships" / "holbaek-home-start.yml"
    original = path.read_text(encoding="utf-8")
    assert build_hook() is None  # the control: as it is, the data builds
    docs = data_dir.parent / "docs"
    before = fingerprint(docs)

    def out_of_range(self: Formatter, value: str) -> str:
        raise ValueError("day is out of range for month")

    monkeypatch.setattr(Formatter, "partial_date", out_of_range)
    path.write_text(original.replace("Holbæk Kommune og", "Holbæk Kommune (rettet) og", 1))
    try:
        message = build_hook()
    finally:
        path.write_text(original, encoding="utf-8")
    assert message is not None
    head, *lines = message.splitlines()
    assert head == PLUGIN_PROBLEMS and lines
    assert all(PROBLEM_LINE.match(line) for line in lines), lines
    assert lines[0].startswith("data/partnerships/holbaek-home-start.yml:1: (file): its ")
    assert "(ValueError: day is out of range for month)" in lines[0]
    assert "Traceback" not in message
    assert fingerprint(docs) == before
