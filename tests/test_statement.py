"""The accessibility statement (issue 21): its facts are data beside the publisher (data/site.yml's
accessibility), shown on the statement page in every language in the order of the Danish
WAS-Tool's and uustatus.no's statements; `familyhub check` refuses a known problem without its
WCAG criterion, naming file and line."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from familyhub.cli.main import main
from familyhub.data.load import load_site_config
from familyhub.i18n import Formatter

from .conftest import PREFIX, ROOT, SITE_YML

STATEMENT = SITE_YML["accessibility"]
SECTIONS = ["status", "problems", "review", "contact", "complaint"]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(shutil.copytree(ROOT / "data", tmp_path_factory.mktemp("statement") / "data"))


def check_site_yml(data: Path, change: Callable[[str], str], capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    path = data / "site.yml"
    original = path.read_text(encoding="utf-8")
    changed = change(original)
    assert changed != original
    path.write_text(changed, encoding="utf-8")
    try:
        code = main(["--data", str(data), "check"])
    finally:
        path.write_text(original, encoding="utf-8")
    return code, changed, capsys.readouterr().err


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


FIRST = '    - wcag: "3.1.2"\n      problem:'
SECOND = """
    - wcag: "WCAG 1.3"
      problem: {da: a, en: b, nb: c}
"""


def test_check_refuses_a_known_problem_without_its_criterion_at_its_line(
    data: Path, capsys
) -> None:
    def mistakes(text: str) -> str:
        return text.replace(FIRST, "    - problem:").rstrip("\n") + SECOND

    code, changed, err = check_site_yml(data, mistakes, capsys)
    assert code == 1
    for start, message in [
        ("    - problem:", "known_problems[0].wcag: required field missing"),
        (
            '    - wcag: "WCAG 1.3"',
            f"known_problems[{len(STATEMENT['known_problems'])}].wcag: write a WCAG 2.1 success"
            " criterion by its number, such as 1.3.1, not 'WCAG 1.3'",
        ),
    ]:
        assert f"data/site.yml:{line_of(changed, start)}: accessibility.{message}" in err, err
    assert "Traceback" not in err


def test_check_refuses_a_status_the_known_problems_contradict_and_an_untranslated_problem(
    data: Path, capsys
) -> None:
    def mistakes(text: str) -> str:
        text = text.replace("status: partially-compliant", "status: compliant")
        return re.sub(r"\n        nb: \"Navn på programmer[^\n]*", "", text)

    code, changed, err = check_site_yml(data, mistakes, capsys)
    assert code == 1
    for start, message in [
        ("  status: compliant", "status: 'compliant' while known_problems lists content"),
        ("      problem:", "known_problems[0].problem: missing translation: nb"),
    ]:
        assert f"data/site.yml:{line_of(changed, start)}: accessibility.{message}" in err, err


def h2_texts(html: str) -> list[str]:
    """Each h2's words, without its permalink (¶)."""
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.DOTALL)
    return [
        re.sub(r"<[^>]+>", "", re.sub(r"<a [^>]*headerlink.*?</a>", "", h)).strip()
        for h in headings
    ]


@pytest.mark.parametrize("lang", PREFIX)
def test_the_statement_page_shows_status_problems_review_contact_and_complaint(
    built_site: Path, lang: str
) -> None:
    html = (built_site / PREFIX[lang] / "accessibility.html").read_text(encoding="utf-8")
    site = load_site_config(ROOT / "data")
    fmt = Formatter(site.language(lang))
    headings = h2_texts(html)
    expected = [fmt.label(f"a11y-{section}-heading") for section in SECTIONS]
    assert [h for h in headings if h in expected] == expected
    assert fmt.label(f"a11y-status-{STATEMENT['status']}") in html
    for known in STATEMENT["known_problems"]:
        item = fmt.label("a11y-criterion").format(criterion=known["wcag"])
        assert item in html
        if "reference" in known:  # where the problem is followed up, when someone else's
            assert f'href="{known["reference"]}"' in html
    assert fmt.date(site.accessibility.last_review) in html  # type: ignore[union-attr]
    contact = site.language(lang).publisher.contact
    assert f'href="mailto:{contact}"' in html
