"""A third language (Norwegian bokmål) is a change of data and configuration, not of code.

The test does to a copy of the project what an editor adding `nb` would do: a language block in
data/site.yml, the `nb` text beside every `da`/`en` text of data/, the language in mkdocs.yml's
i18n plugin and a `*.nb.md` beside every hand-written `*.en.md`. Nothing in familyhub/ or
scripts/ is touched. (The Norwegian words here are the English ones: the test is about structure.)
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from .conftest import run_mkdocs_build

BOKMAAL_PLUGIN_ENTRY = """        - locale: nb
          name: Norsk bokmål
          build: true
"""


def with_bokmaal(value: Any) -> Any:
    """Every {da, en} text of a data file, with an nb text beside it."""
    if isinstance(value, dict):
        copied = {key: with_bokmaal(item) for key, item in value.items()}
        if set(value) == {"da", "en"}:
            copied["nb"] = copied["en"]
        return copied
    if isinstance(value, list):
        return [with_bokmaal(item) for item in value]
    return value


def add_bokmaal(project: Path) -> None:
    data = project / "data"
    for path in data.rglob("*.yml"):
        if path.name != "site.yml":
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
            path.write_text(yaml.safe_dump(with_bokmaal(document), allow_unicode=True), "utf-8")
    site = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
    english = next(language for language in site["languages"] if language["code"] == "en")
    site["languages"].append({**english, "code": "nb", "locale": "nb_NO", "name": "Norsk bokmål"})
    (data / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True), "utf-8")
    for page in (project / "docs").rglob("*.en.md"):
        shutil.copy(page, page.with_name(page.name.replace(".en.md", ".nb.md")))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    languages_end = re.search(r"\n(?=watch:)", text)
    assert languages_end, "mkdocs.yml: the i18n languages are expected right before watch:"
    at = languages_end.start()
    config.write_text(text[:at] + BOKMAAL_PLUGIN_ENTRY + text[at:], "utf-8")


def html_pages(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*.html")}


def test_a_third_language_needs_data_and_configuration_only(project: Path) -> None:
    add_bokmaal(project)
    result = run_mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    english, bokmaal = html_pages(site / "en"), html_pages(site / "nb")
    assert len(english) > 50
    assert bokmaal == english
    for page in ("index.html", "partnerships/holbaek-home-start.html", "guides/new-branch.html"):
        text = (site / "nb" / page).read_text(encoding="utf-8")
        assert '<html lang="nb"' in text
        assert 'hreflang="nb"' in text and 'hreflang="da"' in text
    # Pagefind's index of the nb pages, searched with its Norwegian stemmer
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nb"]["wasm"] == "nb"
    # every page but the 404 page, which is kept out of the search
    assert entry["languages"]["nb"]["page_count"] == len(bokmaal - {"404.html"})
    checklist = (site / "nb" / "guides" / "new-branch.html").read_text(encoding="utf-8")
    assert 'data-item-id="local-anchoring"' in checklist
