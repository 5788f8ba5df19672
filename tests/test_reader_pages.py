"""The readers' site and PDF hold readers' pages only (issue 12): the performance report lives in
the repository, "contribute" is in the footer and on the About page but not in the menu or the
whole-hub PDF, the plan page prints as a worksheet, and no reader page mentions the command line."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from familyhub.pdf.documents import hub_pdf

from .conftest import PREFIX, ROOT, language_pages
from .page_count import pages_per_language
from .real_data import HUB

# the shared build's PDFs are made beside the first tests of its pages: these wait for them
pytestmark = pytest.mark.usefixtures("built_pdfs")

# words that only a developer's page would use
COMMAND_LINE = re.compile(
    r"familyhub (guide|check|synth|render)|make (bench|site|serve)|terminal|command[ -]line|"
    r"kommandolinje|mkdocs build",
    re.IGNORECASE,
)
# the contributors' page is for contributors: it is linked, not in the readers' menu
CONTRIBUTORS = {"contribute.html"}
NAV_TAG = re.compile(r"<(/?)nav\b")
HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"')


def pdf_text(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def menu_links(html: str) -> list[str]:
    """Every link of the readers' menu: Material's primary navigation, up to the </nav> that
    closes it (it holds a nav per section, so the first </nav> after it is not its end)."""
    start = html.index('<nav class="md-nav md-nav--primary"')
    depth = 0
    for tag in NAV_TAG.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return HREF.findall(html, start, tag.start())
    raise AssertionError("the readers' menu is not closed")


def reader_pages(site: Path, lang: str) -> list[Path]:
    return [page for page in language_pages(site, lang) if page.name not in CONTRIBUTORS]


def test_the_performance_report_is_in_the_repository_not_the_site(built_site: Path) -> None:
    assert not list(built_site.rglob("performance*.html"))
    assert not list((ROOT / "docs").glob("performance*.md"))
    assert "<!-- make bench: start -->" in (ROOT / "PERFORMANCE.md").read_text(encoding="utf-8")
    assert "(PERFORMANCE.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", PREFIX)
def test_contribute_is_in_the_footer_and_on_about_not_in_the_menu(
    built_site: Path, lang: str
) -> None:

    title = HUB.site.language(lang).labels["contribute"]
    checked = 0
    for page in reader_pages(built_site, lang):
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html":
            continue
        menu = menu_links(html)
        # the menu itself was found: it leads to the About page, which is a reader's page
        assert any(href.endswith("about.html") for href in menu), page
        assert not [href for href in menu if href.endswith("contribute.html")], page
        footer = html[html.index('<footer class="md-footer">') :]
        assert re.search(rf'<a href="[./]*contribute\.html">{title}</a>', footer), page
        checked += 1
    assert checked == pages_per_language() - 2  # every page but contribute and 404
    about = (built_site / PREFIX[lang] / "about.html").read_text(encoding="utf-8")
    assert 'href="contribute.html"' in about[about.index("<article") :]


@pytest.mark.parametrize("lang", PREFIX)
def test_no_reader_page_mentions_the_command_line(built_site: Path, lang: str) -> None:
    found = []
    read = 0
    for page in reader_pages(built_site, lang):
        html = page.read_text(encoding="utf-8")
        start = html.find("<article")
        if start == -1:
            continue
        article = html[start : html.index("</article>")]
        found += [
            f"{page.relative_to(built_site)}: {m.group(0)}" for m in COMMAND_LINE.finditer(article)
        ]
        read += 1
    assert found == []
    assert read == pages_per_language() - 1  # every page's text but the contributors' page


@pytest.mark.parametrize("lang", PREFIX)
def test_whole_hub_pdf_holds_readers_pages_and_a_plan_worksheet(
    built_site: Path, lang: str
) -> None:
    labels = HUB.site.language(lang).labels
    text = pdf_text(built_site / hub_pdf(lang))
    assert labels["contribute"] not in text
    assert not COMMAND_LINE.search(text), COMMAND_LINE.search(text)
    assert labels["plan-noscript"] not in text
    # the worksheet, from its heading to the foot of its page ("Side 32 af 378")
    start = text.index(labels["plan-worksheet"])
    page_of = re.escape(labels["pdf-page-of"]).replace(r"\{page\}", r"\d+")
    foot = re.compile(page_of.replace(r"\{pages\}", r"\d+"))
    end = foot.search(text, start)
    assert end, "the worksheet runs to the end of the PDF"
    worksheet = text[start : end.start()]
    # its fields, in the order of the form
    fields = [
        "plan-requirements",
        "municipality",
        "plan-start",
        "plan-coordinator-salary",
        "plan-office-cost",
        "plan-on-costs",
    ]
    positions = [worksheet.find(labels[key]) for key in fields]
    assert -1 not in positions, [key for key, at in zip(fields, positions, strict=True) if at == -1]
    assert positions == sorted(positions)
