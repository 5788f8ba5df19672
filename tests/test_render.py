"""Numbers and dates per language, and data text that can never become markup or script."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest

from familyhub.data.load import load_site_config
from familyhub.i18n import Formatter
from familyhub.pdf.content import DocumentInfo, document_html, read_page
from familyhub.pdf.weasy import render, write_pdf

from .conftest import InjectedProject
from .injected import INJECTED, INJECTIONS, event_handlers
from .real_data import HUB

SITE = HUB.site


NBSP = "\u00a0"  # Norwegian groups thousands with a space that does not break


@pytest.mark.parametrize(
    ("lang", "money", "date", "number"),
    [
        ("da", ("500.000 kr.", "500.000 norske kr."), ("15. april 2024", "marts 2017"), "0,5"),
        ("en", ("DKK 500,000", "NOK 500,000"), ("15 April 2024", "March 2017"), "0.5"),
        (
            "nb",
            (f"500{NBSP}000 danske kr.", f"500{NBSP}000 kr"),
            ("15. april 2024", "mars 2017"),
            "0,5",
        ),
    ],
)
def test_formats_follow_the_language(
    lang: str, money: tuple[str, str], date: tuple[str, str], number: str
) -> None:
    """Worked out by hand: each language's own way with both currencies, dates and decimals."""
    fmt = Formatter(SITE.language(lang))
    assert (fmt.money(500000, "DKK"), fmt.money(500000, "NOK")) == money
    assert (fmt.date(dt.date(2024, 4, 15)), fmt.partial_date("2017-03")) == date
    assert fmt.number(0.5) == number


def test_event_handlers_are_found_and_escaped_text_is_not() -> None:
    """The control of the check below."""
    assert [name for _, name in event_handlers('<img src="x" onerror="alert(1)">')] == ["onerror"]
    assert event_handlers('<meta content="&lt;img src=x onerror=alert(1)&gt;">') == []


def test_data_text_is_shown_as_text_never_run(injected_project: InjectedProject) -> None:
    html = (injected_project.site / "partnerships" / "holbaek-home-start.html").read_text()
    assert "<script>alert" not in html
    # an attribute named on…, parsed: the hostile text may stand escaped inside an attribute's
    # value (a description, og:title), where it is text
    assert event_handlers(html) == []
    assert "<div markdown" not in html and "<!-- comment" not in html
    assert 'href="javascript:' not in html
    article = re.search(r"<article.*</article>", html, re.DOTALL)
    assert article and "49" not in article.group(0)
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html
    assert "<title>&lt;script&gt;" in html


HEAD_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
HEAD_META = re.compile(r'<meta (?:name|property)="([^"]+)" content="([^"]*)">')


@pytest.mark.parametrize(
    ("page", "field"),
    [
        ("partnerships/holbaek-home-start.html", "name"),
        ("en/cases/familiens-hus-esbjerg.html", "headline"),
    ],
)
def test_data_text_in_the_head_stays_text(
    injected_project: InjectedProject, page: str, field: str
) -> None:
    """A summary or a name with '</script>' and quotes cannot leave its JSON-LD or attribute
    (issue 21): the JSON-LD reads back as the data's text, every meta is one whole tag."""
    text = (injected_project.site / page).read_text(encoding="utf-8")
    head = text[: text.index("</head>")]
    [data] = [json.loads(script) for script in HEAD_SCRIPT.findall(head)]
    expected = INJECTED if field == "name" else INJECTIONS["script"] + " " + INJECTIONS["img"]
    assert data[field].startswith(expected[:40].rsplit(" ", 1)[0])
    assert "</script" not in HEAD_SCRIPT.findall(head)[0]
    metas = dict(HEAD_META.findall(head))
    assert {"description", "og:title", "og:description", "og:url"} <= set(metas)
    for content in metas.values():
        assert "<" not in content and '"' not in content
    assert head.count("<meta ") == len(HEAD_META.findall(head)) + head.count("<meta charset")


def printed(pdf: Path) -> str:
    """A PDF's text as pdftotext reads it, with no white space at all: a line may break
    anywhere in a long hostile name."""
    result = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return "".join(result.stdout.split())


def print_page(project: Path, path: str, pdf: Path) -> str:
    """One built Danish page made into a PDF by the PDF step's own functions, and its text."""
    site = project / "site"
    config = load_site_config(project / "data")
    page = dataclasses.replace(read_page(site, path, path), depth=0)
    info = DocumentInfo("da", page.title, "familyhub", "", dt.date(2026, 12, 7), cover=False)
    write_pdf(render(document_html([page], info, config), site), pdf)
    return printed(pdf)


def test_data_text_prints_as_text_in_the_pdfs(
    injected_project: InjectedProject, tmp_path: Path
) -> None:
    """The PDFs say what the pages say, hostile text included: printed as written, never run as
    markup or template (which would print 49 for {{ 7*7 }}, or nothing for a tag). The shared
    build makes no PDFs (its pages are what these are made from): two pages are printed here."""
    guide = print_page(injected_project.root, "guides/new-branch-norway.html", tmp_path / "g.pdf")
    assert guide.count("".join(INJECTED.split())) >= 2  # the guide's name and one item's title
    page = "partnerships/holbaek-home-start.html"
    partnership = print_page(injected_project.root, page, tmp_path / "p.pdf")
    evaluation = "".join(f"[{name}]{payload}" for name, payload in INJECTIONS.items())
    assert "".join(evaluation.split()) in partnership
