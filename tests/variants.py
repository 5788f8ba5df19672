"""The data of the one shared variant build (conftest.py: variant_project): every change to the
curated data that some test needs and that the other tests of that build do not mind, in one
`mkdocs build` per run instead of one per test file.

- issue 14's invented register examples (register_fixtures.py), for tests/test_register.py;
- a hostile name in each language on one partnership, for tests/test_downloads.py's check that no
  spreadsheet runs a name as a formula.

Both files read their expectations off this build's own data (load_hub of the copy), so each
change is visible to the other file's checks as ordinary data. (The Ærø rename of
test_filter_matching.py cannot join: that file counts the curated partnerships.)"""

from __future__ import annotations

from pathlib import Path

import yaml

from .register_fixtures import add_register_examples

# a formula in each spreadsheet dialect: =, @ and + at the start of a cell
HOSTILE = {
    "da": '=HYPERLINK("http://evil.example","klik")',
    "en": "@SUM(1+1)*cmd|' /C calc'!A0",
    "nb": "+1+cmd|' /C calc'!A0",
}
HOSTILE_ID = "holbaek-home-start"


def give_hostile_names(data_dir: Path) -> None:
    path = data_dir / "partnerships" / f"{HOSTILE_ID}.yml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["name"] = HOSTILE
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


def make_variants(data_dir: Path) -> None:
    add_register_examples(data_dir)
    give_hostile_names(data_dir)
