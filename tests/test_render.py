"""Numbers and dates per language, and data text that can never become markup or script."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from familyhub.data.load import load_hub
from familyhub.i18n import Formatter

from .conftest import ROOT, InjectedProject

SITE = load_hub(ROOT / "data").site


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


def test_data_text_is_shown_as_text_never_run(injected_project: InjectedProject) -> None:
    html = (injected_project.site / "partnerships" / "holbaek-home-start.html").read_text()
    assert "<script>alert" not in html
    assert not re.search(r"<[a-z]+[^>]*\son(error|click)=", html)
    assert "<div markdown" not in html and "<!-- comment" not in html
    assert 'href="javascript:' not in html
    article = re.search(r"<article.*</article>", html, re.DOTALL)
    assert article and "49" not in article.group(0)
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html
    assert "<title>&lt;script&gt;" in html
