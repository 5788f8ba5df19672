"""Numbers and dates per language, and data text that can never become markup or script."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from familyhub.data.load import load_hub
from familyhub.i18n import Formatter

from .conftest import ROOT, run_mkdocs_build

SITE = load_hub(ROOT / "data").site


@pytest.mark.parametrize(
    ("lang", "money", "date", "number"),
    [
        ("da", "500.000 kr.", "15. april 2024", "0,5"),
        ("en", "DKK 500,000", "15 April 2024", "0.5"),
    ],
)
def test_formats_follow_the_language(lang: str, money: str, date: str, number: str) -> None:
    fmt = Formatter(SITE.language(lang))
    assert fmt.money(500000, "DKK") == money
    assert fmt.date(dt.date(2024, 4, 15)) == date
    assert fmt.number(0.5) == number


INJECTIONS = {
    "script": "<script>alert('x')</script>",
    "img": '<img src=x onerror="alert(1)">',
    "link": "[click me](javascript:alert(1))",
    "jinja": "{{ 7*7 }} {% raw %}",
    "html-in-markdown": '<div markdown="1">*bold*</div> <!-- comment -->',
    "attr-list": "Heading {: onclick=alert(1) }",
}


def test_data_text_is_shown_as_text_never_run(project: Path) -> None:
    path = project / "data" / "partnerships" / "holbaek-home-start.yml"
    document = yaml.safe_load(path.read_text())
    marked = " ".join(f"[{name}]{payload}" for name, payload in INJECTIONS.items())
    document["evaluation"]["da"] = marked
    document["name"]["da"] = INJECTIONS["script"]
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    result = run_mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "partnerships" / "holbaek-home-start.html").read_text()
    assert "<script>alert" not in html
    assert not re.search(r"<[a-z]+[^>]*\son(error|click)=", html)
    assert "<div markdown" not in html and "<!-- comment" not in html
    assert 'href="javascript:' not in html
    article = re.search(r"<article.*</article>", html, re.DOTALL)
    assert article and "49" not in article.group(0)
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html
    assert "<title>&lt;script&gt;" in html
