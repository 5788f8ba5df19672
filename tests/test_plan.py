"""The plan's arithmetic: target dates, shares of a salary, rounding, totals, money per language."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from familyhub.i18n import Formatter
from familyhub.pages.guides import BROWSER_DATE_FIELDS, browser_formats
from familyhub.pages.plan import (
    FTE_SCALE,
    MAX_AMOUNT,
    Budget,
    BudgetLineSpec,
    PhaseSpec,
    budget,
    by_calendar_year,
    first_whole_month,
    fte_basis_points,
    fte_text,
    percent_text,
    schedule,
)

from .real_data import HUB

SITE = HUB.site


def line(input_name: str, fte: float | None, years: int) -> BudgetLineSpec:
    return {
        "input": input_name,
        "requirement_set": "hsfn-new-branch",
        "requirement": input_name,
        "title": input_name,
        "fte_basis_points": fte_basis_points(fte),
        "years": years,
        "required": input_name == "coordinator-salary",
        "optional": False,
        "runs_from": None,
    }


# A plan that starts on 1 January: its budget years are calendar years.
JAN_1 = dt.date(2027, 1, 1)


def costs(lines: list[BudgetLineSpec], amounts: dict[str, int | None], on_costs: int = 0) -> Budget:
    return budget(lines, amounts, on_costs, JAN_1, [])


def phase(name: str, weeks: int) -> PhaseSpec:
    return {"phase": name, "label": name, "weeks": weeks, "items": []}


HSFN = [line("coordinator-salary", 0.5, 3), line("office-cost", None, 3)]


def test_coordinator_at_half_time_for_three_years_and_office_add_up() -> None:
    result = costs(HSFN, {"coordinator-salary": 480_000, "office-cost": 60_000})
    assert [(b.per_year, b.total) for b in result.lines] == [(240_000, 720_000), (60_000, 180_000)]
    assert result.year_totals == [300_000, 300_000, 300_000]
    assert result.total == 900_000
    assert result.complete


def test_half_a_unit_rounds_up_and_totals_use_the_rounded_year() -> None:
    result = costs(HSFN, {"coordinator-salary": 333_333, "office-cost": None})
    coordinator = result.lines[0]
    assert coordinator.per_year == 166_667  # 166 666.5 rounds up, not to even
    assert coordinator.total == 500_001  # three rounded years, so the year totals add up
    assert sum(result.year_totals) == result.total == 500_001


def test_an_amount_left_out_is_not_counted() -> None:
    result = costs(HSFN, {"coordinator-salary": 480_000, "office-cost": None})
    office = result.lines[1]
    assert (office.amount, office.per_year, office.total) == (None, None, None)
    assert result.total == 720_000
    assert not result.complete


def test_a_shorter_line_stops_counting_after_its_years() -> None:
    lines = [line("coordinator-salary", 0.5, 3), line("office-cost", None, 1)]
    result = costs(lines, {"coordinator-salary": 100_000, "office-cost": 10_000})
    assert result.year_totals == [60_000, 50_000, 50_000]


def test_no_budget_lines_means_no_years_and_nothing_to_pay() -> None:
    result = costs([], {})
    assert (result.lines, result.year_totals, result.total) == ([], [], 0)


def test_phases_follow_each_other_from_the_start_date() -> None:
    planned = schedule(dt.date(2026, 1, 5), [phase("prepare", 8), phase("fund", 2)])
    assert [(p.first_day, p.last_day) for p in planned] == [
        (dt.date(2026, 1, 5), dt.date(2026, 3, 1)),
        (dt.date(2026, 3, 2), dt.date(2026, 3, 15)),
    ]
    assert [(p.first_week, p.last_week) for p in planned] == [(1, 8), (9, 10)]


def test_a_phase_across_a_leap_day_still_lasts_its_weeks() -> None:
    (planned,) = schedule(dt.date(2028, 2, 20), [phase("prepare", 2)])
    assert planned.last_day == dt.date(2028, 3, 4)


@pytest.mark.parametrize(
    ("basis_points", "sign", "text"),
    [(5000, ",", "0,5"), (5000, ".", "0.5"), (2500, ",", "0,25"), (10000, ",", "1")],
)
def test_fte_is_written_as_the_browser_writes_it(basis_points: int, sign: str, text: str) -> None:
    assert fte_text(basis_points, sign) == text


def test_fte_as_basis_points() -> None:
    assert fte_basis_points(0.5) == 5000
    assert fte_basis_points(None) == FTE_SCALE


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("da", ["720.000 kr.", "0 kr.", "1.000 kr.", "500.001 kr."]),
        ("en", ["DKK 720,000", "DKK 0", "DKK 1,000", "DKK 500,001"]),
        # Norwegian groups thousands with a no-break space and names the Danish currency
        (
            "nb",
            [
                "720\u00a0000 danske kr.",
                "0 danske kr.",
                "1\u00a0000 danske kr.",
                "500\u00a0001 danske kr.",
            ],
        ),
    ],
)
def test_money_is_written_the_language_s_way(lang: str, expected: list[str]) -> None:
    fmt = Formatter(SITE.language(lang))
    assert [fmt.money(amount, "DKK") for amount in (720_000, 0, 1000, 500_001)] == expected


def test_on_costs_add_to_the_salary_only() -> None:
    """14 % on 0.5 x 600,000: 300,000 + 42,000 a year; the office carries none."""
    lines = [line("coordinator-salary", 0.5, 3), line("office-cost", None, 3)]
    result = costs(lines, {"coordinator-salary": 600_000, "office-cost": 100_000}, 1400)
    assert [(b.per_year, b.on_costs) for b in result.lines] == [(342_000, 1400), (100_000, 0)]
    assert result.total == 1_326_000
    assert costs(lines, {"coordinator-salary": 600_000, "office-cost": 100_000}).total == 1_200_000


def test_on_costs_take_decimals() -> None:
    """14.1 % on 0.5 x 620,000: 310,000 + 43,710 a year."""
    lines = [line("coordinator-salary", 0.5, 3)]
    result = costs(lines, {"coordinator-salary": 620_000}, 1410)
    assert result.lines[0].per_year == 353_710
    assert percent_text(1410, ",") == "14,1"
    assert percent_text(1400, ".") == "14"


def test_costs_run_from_the_first_whole_month() -> None:
    assert first_whole_month(dt.date(2027, 9, 27)) == dt.date(2027, 10, 1)
    assert first_whole_month(dt.date(2027, 12, 2)) == dt.date(2028, 1, 1)
    assert first_whole_month(dt.date(2027, 8, 1)) == dt.date(2027, 8, 1)


def test_a_yearly_cost_is_cut_at_each_new_year() -> None:
    """353,710 a year from October 2027 for 3 years: 3, 12, 12 and 9 months, rounded half up
    on the running sum (88,427.5 -> 88,428), so that the years add up to 3 x 353,710."""
    split = by_calendar_year(353_710, dt.date(2027, 10, 1), 3)
    assert split == {2027: 88_428, 2028: 353_710, 2029: 353_710, 2030: 265_282}
    assert sum(split.values()) == 3 * 353_710
    assert by_calendar_year(80_000, dt.date(2027, 1, 1), 1) == {2027: 80_000}


# the same examples on every run, and no example database written into the working folder
@settings(derandomize=True, database=None)
@given(
    salary=st.integers(min_value=0, max_value=MAX_AMOUNT),
    office=st.one_of(st.none(), st.integers(min_value=0, max_value=MAX_AMOUNT)),
    years=st.integers(min_value=1, max_value=10),
    on_costs=st.integers(min_value=0, max_value=100),
)
def test_year_totals_always_add_up_to_the_total(
    salary: int, office: int | None, years: int, on_costs: int
) -> None:
    lines = [line("coordinator-salary", 0.5, years), line("office-cost", None, years)]
    result = costs(lines, {"coordinator-salary": salary, "office-cost": office}, on_costs)
    assert sum(result.year_totals) == result.total
    assert result.total == sum(b.total or 0 for b in result.lines)


@pytest.mark.parametrize("lang", SITE.codes)
def test_the_browser_knows_every_date_field_of_each_language(lang: str) -> None:
    """familyhub-plan.js formats d, M and y only; a language needing more must fail here."""
    formats = browser_formats(Formatter(SITE.language(lang)))
    fields = {part[1] for part in formats["date"] if part[0] == "field"}
    assert fields <= BROWSER_DATE_FIELDS
    assert len(formats["months"]) == 12
