"""Another language (here Swedish) is a change of data and configuration, not of code.

The test does to a copy of the project what an editor adding `sv` would do: a language block in
data/site.yml, the `sv` text beside every text of data/ that has every language today, the
language in mkdocs.yml's i18n plugin and a `*.sv.md` beside every hand-written `*.en.md`. Nothing
in familyhub/ or scripts/ is touched. (The Swedish words here are the English ones: the test is
about structure. Norwegian waits in preparation meanwhile: the new language is compared with
English, and a third language built beside them would only cost time.)
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from .conftest import LANGUAGE_CODES, SITE_YML, only_languages, run_mkdocs_build

NEW = "sv"
BUILT = [SITE_YML["default_language"], "en"]
PLUGIN_ENTRY = """        - locale: sv
          name: Svenska
          build: true
"""


def with_swedish(value: Any) -> Any:
    """Every text of a data file in every language, with a Swedish text beside it."""
    if isinstance(value, dict):
        copied = {key: with_swedish(item) for key, item in value.items()}
        if set(LANGUAGE_CODES) <= set(value):  # a text in every built language
            copied[NEW] = copied["en"]
        return copied
    if isinstance(value, list):
        return [with_swedish(item) for item in value]
    return value


def add_swedish(project: Path) -> None:
    data = project / "data"
    for path in data.rglob("*.yml"):
        if path.name != "site.yml":
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
            path.write_text(yaml.safe_dump(with_swedish(document), allow_unicode=True), "utf-8")
    site = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
    if "accessibility" in site:  # the statement's known problems, a text in every language
        site["accessibility"] = with_swedish(site["accessibility"])
    english = next(language for language in site["languages"] if language["code"] == "en")
    site["languages"].append({**english, "code": NEW, "locale": "sv_SE", "name": "Svenska"})
    (data / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True), "utf-8")
    for page in (project / "docs").rglob("*.en.md"):
        shutil.copy(page, page.with_name(page.name.replace(".en.md", f".{NEW}.md")))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    languages_end = re.search(r"\n(?=watch:)", text)
    assert languages_end, "mkdocs.yml: the i18n languages are expected right before watch:"
    at = languages_end.start()
    config.write_text(text[:at] + PLUGIN_ENTRY + text[at:], "utf-8")


def html_pages(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*.html")}


def test_another_language_needs_data_and_configuration_only(project: Path) -> None:
    only_languages(project, BUILT)
    add_swedish(project)
    result = run_mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    english, swedish = html_pages(site / "en"), html_pages(site / NEW)
    assert len(english) > 50
    assert swedish == english
    for page in (
        "index.html",
        "partnerships/holbaek-home-start.html",
        "guides/new-branch-norway.html",
    ):
        text = (site / NEW / page).read_text(encoding="utf-8")
        assert f'<html lang="{NEW}"' in text
        assert all(f'hreflang="{code}"' in text for code in [*BUILT, NEW])
    # Pagefind's index of the new language's pages, searched with its own stemmer
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"][NEW]["wasm"] == NEW
    # every page but the 404 page, which is kept out of the search
    assert entry["languages"][NEW]["page_count"] == len(swedish - {"404.html"})
    checklist = (site / NEW / "guides" / "new-branch-norway.html").read_text(encoding="utf-8")
    assert 'data-item-id="local-anchoring"' in checklist
