"""Issue 22: a budget a founder can present, in a real browser on the shared build: a plan
worked out by hand by calendar year equals the page and `familyhub guide` in every language;
numbers are read the way the reader's language writes them; impossible values in a link are
reported, not replaced; the plan survives a change of language and a return visit."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from familyhub.cli.main import main
from familyhub.i18n import Formatter

from .real_data import HUB

pytestmark = pytest.mark.browser

SITE = HUB.site
NOK_FUNDING_LINES = sum(
    funding.currency == "NOK" for p in HUB.all("partnership") for funding in p.funding
)
PREFIX = {"da": "", "en": "en/", "nb": "nb/"}

# Worked out by hand. Start 1 March 2027; the Norway guide's phases are 8, 8, 6, 8, 6 and 6
# weeks, so hiring (weeks 23-30) runs 2 August to 26 September 2027.
# - Coordinator: 0.5 x 620,000 = 310,000, + 14.1 % (43,710) = 353,710 a year, from the first
#   whole month after hiring, October 2027, for 36 months: 2027 has 3 months (88,427.5, rounded
#   half up on the running sum: 88,428), 2028 and 2029 12 each, 2030 9 (3 x 353,710 = 1,061,130
#   less 795,848 paid to the end of 2029 = 265,282).
# - Office: 80,000 a year from the first whole month from the start of hiring, September 2027:
#   4 months in 2027 (26,666.67 -> 26,667), 12, 12, and 8 in 2030 (240,000 - 186,667 = 53,333).
# - Travel: 30,000 a year with the coordinator: 3 months (7,500), 12, 12, 9 (22,500).
# - Training, insurance, equipment: 0 until typed.
# - Funding: municipality 900,000 and foundation 300,000 of 1,391,130: 191,130 not yet funded.
HAND_WORKED = {
    "coordinator": [88_428, 353_710, 353_710, 265_282, 1_061_130],
    "office": [26_667, 80_000, 80_000, 53_333, 240_000],
    "training": [0, 0, 0, 0, 0],
    "travel": [7_500, 30_000, 30_000, 22_500, 90_000],
    "insurance": [0, 0, 0, 0, 0],
    "equipment": [0, 0, 0, 0, 0],
    "total": [122_595, 463_710, 463_710, 341_115, 1_391_130],
}
FUNDING = {"funding-municipality": 900_000, "funding-foundation": 300_000}
NOT_FUNDED = 191_130
YEARS = ["2027", "2028", "2029", "2030"]

# The same plan as each language writes its numbers.
TYPED = {
    "da": {
        "coordinator-salary": "620.000",
        "office-cost": "80.000",
        "on-costs": "14,1",
        "travel": "30 000",
        "funding-municipality": "900.000",
        "funding-foundation": "300 000",
    },
    "nb": {
        "coordinator-salary": "620 000",
        "office-cost": "80.000",
        "on-costs": "14,1",
        "travel": "30 000 kr",
        "funding-municipality": "900 000",
        "funding-foundation": "300.000",
    },
    "en": {
        "coordinator-salary": "620,000",
        "office-cost": "80000",
        "on-costs": "14.1",
        "travel": "30,000",
        "funding-municipality": "900,000",
        "funding-foundation": "300000",
    },
}
CANONICAL = {
    "coordinator-salary": "620000",
    "office-cost": "80000",
    "on-costs": "14.1",
    "travel": "30000",
    "funding-municipality": "900000",
    "funding-foundation": "300000",
}

CALENDAR = """table => Array.from(table.tBodies[0].rows).map(row =>
  Array.from(row.cells).map(cell => cell.textContent.trim()))"""
TABLES = """root => Array.from(root.querySelectorAll("table")).map(table =>
  Array.from(table.rows).map(row => Array.from(row.cells).map(cell => cell.textContent.trim())))"""


def plan_url(site_url: str, lang: str, query: str = "") -> str:
    return f"{site_url}/{PREFIX[lang]}guides/plan.html" + (f"?{query}" if query else "")


def fill_os(page: Page, site_url: str, lang: str) -> None:
    page.goto(plan_url(site_url, lang))
    page.select_option("#fh-plan-requirements", "hsfn-new-branch")
    page.fill("#fh-plan-municipality", "Os")
    page.fill("#fh-plan-start", "2027-03-01")
    for name, text in TYPED[lang].items():
        page.fill(f"#fh-plan-{name}", text)


def open_os(page: Page, site_url: str, lang: str) -> None:
    """The same plan from its link: one page load, no typing."""
    fields = {"requirements": "hsfn-new-branch", "municipality": "Os", "start": "2027-03-01"}
    query = "&".join(f"{name}={value}" for name, value in {**fields, **CANONICAL}.items())
    page.goto(plan_url(site_url, lang, query))


def money(lang: str, amount: int) -> str:
    return Formatter(SITE.language(lang)).money(amount, "NOK")


@pytest.mark.parametrize("lang", ["da", "en", "nb"])
def test_a_plan_by_calendar_year_worked_out_by_hand_is_the_page_and_the_command(
    lang: str, page: Page, site_url: str, tmp_path: Path
) -> None:
    fill_os(page, site_url, lang)
    calendar = page.locator("table[data-table=calendar]")
    expect(calendar).to_be_visible()
    head = calendar.locator("thead th").all_inner_texts()
    assert head[1:-1] == YEARS
    rows = calendar.evaluate(CALENDAR)
    fmt = Formatter(SITE.language(lang))
    assert [row[1:] for row in rows] == [
        [fmt.number(amount) for amount in amounts] for amounts in HAND_WORKED.values()
    ]
    unit = {"da": "Beløb i norske kr.", "en": "Amounts in NOK", "nb": "Beløp i kr"}[lang]
    expect(page.locator("#fh-plan-result")).to_contain_text(unit)
    funding = page.locator("table[data-table=funding]").evaluate(CALENDAR)
    assert [row[1] for row in funding] == [
        money(lang, amount) for amount in [*FUNDING.values(), NOT_FUNDED, 1_391_130]
    ]
    # beside the total, the register's figures in the plan's currency, each with its source:
    # Voss first (NOK 1 million a year for a full post and premises, 2024)
    figures = page.locator(".fh-plan-benchmarks li")
    expect(figures).to_have_count(NOK_FUNDING_LINES)
    voss = figures.first
    expect(voss).to_contain_text(money(lang, 1_000_000))
    partnership, source = voss.locator("a").first, voss.locator("a").last
    expect(partnership).to_have_attribute("href", "../partnerships/voss-home-start-pilot.html")
    expect(source).to_have_attribute("href", "../sources/avisa-hordaland-voss-2023.html")
    # the office's step is named on the page: the one that needs premises
    expect(page.locator(".fh-plan-from")).to_contain_text("2027")

    out = tmp_path / "plan.html"
    args = [
        "guide",
        f"--lang={lang}",
        f"--output={out}",
        "--requirements=hsfn-new-branch",
        "--municipality=Os",
        "--start=2027-03-01",
    ]
    assert main(args + [f"--{name}={value}" for name, value in CANONICAL.items()]) == 0
    page_tables = page.locator("#fh-plan-result").evaluate(TABLES)
    page.goto(out.as_uri())
    assert page.locator("body").evaluate(TABLES) == page_tables


@pytest.mark.parametrize(
    ("lang", "field", "typed", "message"),
    [
        ("da", "coordinator-salary", "620000,50", "Skriv et helt beløb uden øre, fx 620.000."),
        (
            "nb",
            "coordinator-salary",
            "620000,50",
            "Skriv et helt beløp uten øre, for eksempel 620\u00a0000.",
        ),
        (
            "nb",
            "coordinator-salary",
            "sekshundre",
            "Skriv et helt beløp fra 0 til 1\u00a0000\u00a0000\u00a0000, for eksempel 620\u00a0000"
            " eller 620.000.",
        ),
        (
            "en",
            "on-costs",
            "14,1",
            "Enter a percentage from 0 to 100 with at most two decimals, such as 14.1.",
        ),
        (
            "nb",
            "on-costs",
            "14,125",
            "Skriv en prosentsats fra 0 til 100 med høyst to desimaler, for eksempel 14,1.",
        ),
    ],
)
def test_a_number_the_language_does_not_write_so_is_refused_in_words(
    lang: str, field: str, typed: str, message: str, page: Page, site_url: str
) -> None:
    """Never a silently different figure: "620000,50" is not 62 million, nor 620,000."""
    open_os(page, site_url, lang)
    expect(page.locator("#fh-plan-output")).to_be_visible()
    page.fill(f"#fh-plan-{field}", typed)
    expect(page.locator(f"#fh-plan-{field}-error")).to_have_text(message)
    expect(page.locator(f"#fh-plan-{field}")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#fh-plan-output")).to_be_hidden()


@pytest.mark.parametrize("lang", ["da", "nb"])
def test_14_comma_1_and_620_space_000_are_read_right(lang: str, page: Page, site_url: str) -> None:
    fill_os(page, site_url, lang)
    page.fill("#fh-plan-coordinator-salary", "620 000")
    page.fill("#fh-plan-on-costs", "14,1")
    first = page.locator("table[data-table=budget] tbody tr").first.locator("td")
    expect(first.nth(1)).to_have_text(f"0,5 \u00d7 {money(lang, 620_000)} + 14,1\u00a0% i 3 år")
    expect(first.nth(3)).to_have_text(money(lang, 353_710))
    assert "coordinator-salary=620000" in page.url and "on-costs=14.1" in page.url


def test_impossible_values_in_a_link_are_reported_not_replaced(page: Page, site_url: str) -> None:
    query = "requirements=hsfn-new-branch&start=2027-02-30&coordinator-salary=620000&on-costs=140"
    page.goto(plan_url(site_url, "nb", query))
    expect(page.locator("#fh-plan-start-error")).to_have_text(
        "Lenken oppgir startdatoen «2027-02-30», som ikke finnes i kalenderen. Velg en dato."
    )
    expect(page.locator("#fh-plan-on-costs-error")).to_have_text(
        "Lenken oppgir «140» her, som ikke er en prosentsats fra 0 til 100."
    )
    expect(page.locator("#fh-plan-output")).to_be_hidden()
    assert page.locator("#fh-plan-start").input_value() == ""  # not today's date instead
    assert "start=2027-02-30" in page.url and "on-costs=140" in page.url  # kept to be seen
    page.fill("#fh-plan-start", "2027-03-01")
    page.fill("#fh-plan-on-costs", "14,1")
    expect(page.locator("#fh-plan-output")).to_be_visible()
    expect(page.locator("#fh-plan-summary")).to_have_text(
        f"Samlet budsjett: {money('nb', 1_061_130)} over 3 år."
    )


def test_the_plan_is_kept_across_languages_in_this_browser_and_in_a_copied_link(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    fill_os(page, site_url, "nb")
    expect(page.locator("table[data-table=calendar]")).to_be_visible()
    numbers = page.locator("table[data-table=calendar]").evaluate(CALENDAR)
    switch = page.locator('a.md-select__link[hreflang="da"]').first
    page.goto(switch.get_attribute("href") or "")
    assert "/nb/" not in page.url
    assert page.locator("#fh-plan-coordinator-salary").input_value() == "620.000"
    assert page.locator("#fh-plan-on-costs").input_value() == "14,1"
    danish = page.locator("table[data-table=calendar]").evaluate(CALENDAR)
    digits = [[cell.replace(".", "") for cell in row[1:]] for row in danish]
    assert digits == [[cell.replace("\u00a0", "") for cell in row[1:]] for row in numbers]
    # a return visit without the link: the plan this browser kept
    page.goto(plan_url(site_url, "en"))
    assert page.locator("#fh-plan-coordinator-salary").input_value() == "620,000"
    assert page.locator("#fh-plan-on-costs").input_value() == "14.1"
    expect(page.locator("#fh-plan-summary")).to_have_text(
        f"Total budget: {money('en', 1_391_130)} over 3 years."
    )
    page.get_by_role("button", name="Copy the link to the plan").click()
    expect(page.locator("#fh-plan-copy-status")).to_have_text("The link is copied.")
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    context.close()
