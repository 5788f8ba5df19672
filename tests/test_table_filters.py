"""Overview filters and sorting (issue 7): machine values from the build, state in the address,
the same view from a copied link, nothing hidden without JavaScript; themes on case stories."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import get_args

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from familyhub.cli.main import main
from familyhub.data.models import CaseTheme

from .real_data import HUB

EMPTY = "\u2013"  # an empty cell's en dash
CASE = "cases/roskilde-smaabornsklubber.yml"
Edit = Callable[[str, Callable[[str], str]], Path]


def visible_names(page: Page) -> list[str]:
    """The first cell of every shown row, top to bottom."""
    return (
        page.locator("article table")
        .first.locator("tbody tr:visible td:first-child")
        .all_inner_texts()
    )


def reading_order(name: str) -> list[tuple[bool, str]]:
    """A reader's alphabetical order: punctuation such as « before letters, case ignored."""
    return [(char.isalnum(), char.casefold()) for char in name]


def partnership_names(lang: str, municipality: str) -> list[str]:
    return [
        partnership.name[lang]
        for partnership in HUB.all("partnership")
        if partnership.municipality == municipality
    ]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "prefix", "municipality_label", "partnership_label"),
    [
        ("da", "", "Kommune", "Partnerskab"),
        ("en", "en/", "Municipality", "Partnership"),
        ("nb", "nb/", "Kommune", "Partnerskap"),
    ],
)
def test_filter_and_sort_survive_a_copied_link(
    browser: Browser,
    page: Page,
    site_url: str,
    lang: str,
    prefix: str,
    municipality_label: str,
    partnership_label: str,
) -> None:
    page.goto(f"{site_url}/{prefix}partnerships/index.html")
    total = page.locator("article table").first.locator("tbody tr").count()
    copenhagen = HUB.get("municipality", "kobenhavn").name
    page.get_by_label(municipality_label, exact=True).select_option(label=copenhagen)
    expected = partnership_names(lang, "kobenhavn")
    assert 1 < len(expected) < total
    assert sorted(visible_names(page)) == sorted(expected)

    header = page.get_by_role("button", name=partnership_label, exact=True)
    header.click()
    ascending = visible_names(page)
    assert ascending == sorted(expected, key=reading_order)
    header.click()
    assert visible_names(page) == ascending[::-1]
    column = page.locator("article table").first.get_by_role(
        "columnheader", name=partnership_label, exact=True
    )
    assert column.get_attribute("aria-sort") == "descending"
    assert "municipality=kobenhavn" in page.url and "sort=partnership-desc" in page.url

    fresh = browser.new_context().new_page()
    fresh.goto(page.url)
    assert visible_names(fresh) == ascending[::-1]
    expect(fresh.get_by_label(municipality_label, exact=True)).to_have_value("kobenhavn")
    shown = fresh.locator("article table").first.get_by_role(
        "columnheader", name=partnership_label, exact=True
    )
    assert shown.get_attribute("aria-sort") == "descending"
    fresh.context.close()


@pytest.mark.browser
def test_sorting_by_start_year_uses_the_year_and_puts_empty_cells_last(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}/en/partnerships/index.html?sort=start-year-desc")
    years = (
        page.locator("article table").first.locator("tbody tr td:nth-child(4)").all_inner_texts()
    )
    dated = sorted((p.start_year for p in HUB.all("partnership") if p.start_year), reverse=True)
    assert years[: len(dated)] == [str(year) for year in dated]
    assert set(years[len(dated) :]) == {EMPTY}


@pytest.mark.browser
def test_without_javascript_every_row_shows_and_no_control(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/partnerships/index.html?municipality=kobenhavn&sort=partnership-desc")
    assert page.locator("article table").first.locator("tbody tr:visible").count() == len(
        HUB.all("partnership")
    )
    expect(page.locator(".fh-filter")).to_be_hidden()
    assert page.locator("article table button, article select").count() == 0
    context.close()


@pytest.mark.browser
def test_a_case_theme_links_to_the_overview_filtered_by_it(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/en/cases/odder-familiehus-contact-person.html")
    page.get_by_role("link", name="Funding", exact=True).click()
    expect(page.get_by_label("Theme", exact=True)).to_have_value("funding")
    funded = [case.title["en"] for case in HUB.all("case") if "funding" in case.themes]
    assert 0 < len(funded) < len(HUB.all("case"))
    assert sorted(visible_names(page)) == sorted(funded)
    page.get_by_label("Theme", exact=True).select_option(label="Reaching families")
    reaching = [case.title["en"] for case in HUB.all("case") if "outreach" in case.themes]
    assert sorted(visible_names(page)) == sorted(reaching)
    assert "theme=outreach" in page.url


def test_every_case_shows_its_themes_in_every_language(built_site: Path) -> None:
    for case in HUB.all("case"):
        for prefix, lang in (("", "da"), ("en/", "en"), ("nb/", "nb")):
            html = (built_site / f"{prefix}cases/{case.id}.html").read_text()
            labels = HUB.site.language(lang).labels
            for theme in case.themes:
                assert f'href="index.html?theme={theme}">{labels[f"theme-{theme}"]}</a>' in html


def test_every_theme_has_a_label_in_every_language() -> None:
    for language in HUB.site.languages:
        missing = [t for t in get_args(CaseTheme) if f"theme-{t}" not in language.labels]
        assert missing == [], language.code


def test_unknown_theme_is_refused_with_file_line_and_field(
    data_dir: Path, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(CASE, lambda text: text.replace("themes: [volunteers,", "themes: [gossip,"))
    assert main(["--data", str(data_dir), "check"]) == 1
    err = capsys.readouterr().err
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "gossip" in text)
    assert f"data/{CASE}:{line}: themes[0]:" in err


SPEC = re.compile(r'(<script[^>]*class="fh-table-data"[^>]*>)(.*?)(</script>)', re.DOTALL)


def one_value_left(html: str, name: str) -> tuple[str, list[str]]:
    """The overview's HTML with filter `name` narrowed to one value (every row has it), and the
    filters that still have two or more."""
    match = SPEC.search(html)
    assert match is not None
    spec = json.loads(match[2])
    narrowed = next(each for each in spec["filters"] if each["id"] == name)
    kept = next(iter(narrowed["options"]))
    narrowed["options"] = {kept: narrowed["options"][kept]}
    for row in spec["rows"]:
        row[name] = [kept]
    text = json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")
    several = [each["id"] for each in spec["filters"] if len(each["options"]) > 1]
    return html[: match.start(2)] + text + html[match.end(2) :], several


@pytest.mark.browser
def test_a_filter_gets_a_select_only_with_two_or_more_values(page: Page, site_url: str) -> None:
    """README: a select per filter that has two or more values. The overview as built, with
    its municipality filter narrowed to one value on the way to the browser."""
    url = f"{site_url}/en/partnerships/index.html"
    several: list[str] = []

    def narrowed(route: Route) -> None:
        html, kept = one_value_left(route.fetch().text(), "municipality")
        several.extend(kept)
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(url, narrowed)
    page.goto(url)
    expect(page.locator(".fh-filter__input")).to_be_visible()  # the script has run
    shown = page.locator(".fh-filter__select").evaluate_all(
        "(selects) => selects.map((select) => select.dataset.filter)"
    )
    assert "municipality" not in several and len(several) >= 2, several
    assert shown == several
