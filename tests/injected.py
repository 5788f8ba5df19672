"""Hostile text in the data, for the one shared injected build (conftest.py: injected_project):
every test of escaping asserts on that build instead of making its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tinyhtml5
import yaml

# one of each way text might turn into markup or script
INJECTIONS = {
    "script": "<script>alert('x')</script>",
    "img": '<img src=x onerror="alert(1)">',
    "link": "[click me](javascript:alert(1))",
    "jinja": "{{ 7*7 }} {% raw %}",
    "html-in-markdown": '<div markdown="1">*bold*</div> <!-- comment -->',
    "attr-list": "Heading {: onclick=alert(1) }",
}
# a name for the pictures, the guide and the labels: script, template and tag at once
INJECTED = "<script>alert(1)</script> {{ 7*7 }} </script><img src=x onerror=alert(2)>"

# issue 22: texts a spreadsheet would run as a formula, one per sign that starts one; the tables
# to take along write each with a quote before it (tests/test_downloads*.py)
FORMULAS = {
    "odense-home-start-da": '=HYPERLINK("http://evil.example","klik")',
    "holbaek-home-start-en": "@SUM(1+1)*cmd|' /C calc'!A0",
    "holbaek-home-start-nb": "+1+cmd|' /C calc'!A0",
    "publisher": "-2+3+cmd|' /C calc'!A0",
}

# (data file, path of keys to a text, value): what the shared build puts where
EDITS: list[tuple[str, tuple[Any, ...], str]] = [
    (
        "partnerships/holbaek-home-start.yml",
        ("evaluation", "da"),
        " ".join(f"[{name}]{payload}" for name, payload in INJECTIONS.items()),
    ),
    ("partnerships/holbaek-home-start.yml", ("name", "da"), INJECTED),
    ("partnerships/holbaek-home-start.yml", ("name", "en"), FORMULAS["holbaek-home-start-en"]),
    ("partnerships/holbaek-home-start.yml", ("name", "nb"), FORMULAS["holbaek-home-start-nb"]),
    ("partnerships/odense-home-start.yml", ("name", "da"), FORMULAS["odense-home-start-da"]),
    ("sources/holbaek-home-start-2024.yml", ("publisher",), FORMULAS["publisher"]),
    ("municipalities/holbaek.yml", ("name",), INJECTED),
    ("organisations/home-start-holbaek.yml", ("name",), INJECTED),
    ("guides/new-branch-norway.yml", ("name", "da"), INJECTED),
    ("guides/new-branch-norway.yml", ("phases", 0, "items", 2, "title", "da"), INJECTED),
    ("site.yml", ("languages", 0, "labels", "phase-prepare"), INJECTED),
    ("site.yml", ("languages", 0, "labels", "checklist-reset"), INJECTED),
    (
        "cases/familiens-hus-esbjerg.yml",
        ("title", "en"),
        INJECTIONS["script"] + " " + INJECTIONS["img"],
    ),
    ("cases/familiens-hus-esbjerg.yml", ("what_happened", "en"), " ".join(INJECTIONS.values())),
    # not hostile: a name with Æ for the overview filters' test (test_filter_matching.py), which
    # the real data lacks
    ("municipalities/odder.yml", ("name",), "Ærø Kommune"),
]


def inject(data_dir: Path) -> None:
    """Apply every edit of EDITS to a copy of data/."""
    for relative in sorted({relative for relative, _, _ in EDITS}):
        path = data_dir / relative
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for _, keys, value in (edit for edit in EDITS if edit[0] == relative):
            target = document
            for key in keys[:-1]:
                target = target[key]
            target[keys[-1]] = value
        path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


def event_handlers(html: str) -> list[tuple[str, str]]:
    """(tag, attribute) of every element that carries an event handler, from the parsed page: an
    escaped one inside an attribute's value (say, the og:title of an injected name) is text."""
    return [
        (element.tag, name)
        for element in tinyhtml5.parse(html).iter()
        for name in element.attrib
        if name.lower().startswith("on")
    ]
