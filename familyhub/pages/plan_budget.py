"""What the plan's budget adds to a guide's own lines (issue 22): the optional costs no source
gives, and the register's sourced figures for similar partnerships to set beside the total."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.dates import get_month_names
from babel.numbers import get_decimal_symbol

from familyhub.data.guide_model import Guide
from familyhub.data.load import Hub
from familyhub.i18n import Formatter
from familyhub.pages.plan import (
    FTE_SCALE,
    FUNDING_INPUTS,
    OPTIONAL_INPUTS,
    SALARY_INPUTS,
    BudgetLine,
    BudgetLineSpec,
    Plan,
    fte_text,
    percent_text,
)

# Labels the browser needs for the budget, on top of pages.guides.PLAN_LABELS.
BUDGET_LABELS = (
    *(f"plan-{name}" for name in FUNDING_INPUTS),
    "plan-funding",
    "plan-funder",
    "plan-not-funded",
    "plan-over-funded",
    "budget-optional-zero",
    "budget-optional-note",
    "budget-from",
    "budget-line",
    "budget-by-year",
    "budget-amounts-in",
    "budget-month",
    "budget-runs-from-end",
    "budget-runs-from-start",
    "budget-runs-from-plan",
    "budget-months-note",
    "plan-benchmarks",
    "plan-benchmarks-intro",
    "plan-benchmarks-none",
    "plan-copied",
    "plan-copy-failed",
    "plan-error-decimals",
    "plan-link-date",
    "plan-link-amount",
    "plan-link-percent",
    "source",
)


def optional_lines(lines: list[BudgetLineSpec], fmt: Formatter) -> list[BudgetLineSpec]:
    """Training, travel, insurance and equipment: a yearly amount each, run with the salary
    (its years, from its step); none for a guide without a salary to run with."""
    salary = next((line for line in lines if line["input"] in SALARY_INPUTS), None)
    if salary is None:
        return []
    return [
        {
            "input": name,
            "requirement_set": None,
            "requirement": None,
            "title": fmt.label(f"plan-{name}"),
            "fte_basis_points": FTE_SCALE,
            "years": salary["years"],
            "required": False,
            "optional": True,
            "runs_from": salary["runs_from"],
        }
        for name in OPTIONAL_INPUTS
    ]


def benchmarks(hub: Hub, guide: Guide, fmt: Formatter) -> list[dict[str, str]]:
    """Each funding line in the register in the guide's currency, as its source gives it: who,
    how much for what period, what it covers, and the source (pages relative to the plan page)."""
    if not guide.budget or guide.currency is None:
        return []
    found = []
    in_currency = [
        (partnership, funding)
        for partnership in hub.all("partnership")
        for funding in partnership.funding
        if funding.currency == guide.currency
    ]
    # a year's amount first, as the budget's own lines; the newest first within each
    in_currency.sort(key=lambda pair: (pair[1].per != "year", -(pair[1].start_year or 0)))
    for partnership, funding in in_currency:
        source = hub.get("source", funding.source)
        found.append(
            {
                "partnership": fmt.text(partnership.name),
                "href": f"../partnerships/{partnership.id}.html",
                "amount": amount_text(funding, fmt),
                "period": period_text(funding),
                "covers": fmt.text(funding.description),
                "source": source.cited_as(fmt.code),
                "source_href": f"../sources/{source.id}.html",
                "source_id": source.id,
                # issue 23: a published title in another language is read in that language
                "source_lang": None if source.title_descriptive else source.language,
            }
        )
    return found


def amount_text(funding: Any, fmt: Formatter) -> str:
    value = fmt.money(funding.amount, funding.currency)
    if funding.per == "year":
        return f"{value} {fmt.label('per-year')}"
    if funding.years:
        return f"{value} {fmt.label('over-years').format(years=funding.years)}"
    return value


def period_text(funding: Any) -> str:
    """The years the source gives: 2024-2026 (en dash), 2022, or none where it gives none."""
    if funding.start_year is None:
        return ""
    if not funding.years or funding.years == 1:
        return str(funding.start_year)
    return f"{funding.start_year}\u2013{funding.start_year + funding.years - 1}"


def budget_helpers(fmt: Formatter) -> dict[str, Any]:
    """Template helpers that write a budget line's calculation and start, as the browser does."""
    decimal_sign = get_decimal_symbol(fmt.language.locale)

    def budget_calculation(line: BudgetLine, currency: str) -> str:
        if line.amount is None:
            key = "budget-optional-zero" if line.spec["optional"] else "budget-not-entered"
            return fmt.label(key)
        amount = fmt.money(line.amount, currency)
        years = line.spec["years"]
        basis_points = line.spec["fte_basis_points"]
        fte = fte_text(basis_points, decimal_sign)
        key = "budget-calc" if basis_points == FTE_SCALE else "budget-calc-fte"
        if line.on_costs:
            key += "-on-costs"
        percent = percent_text(line.on_costs, decimal_sign)
        return fmt.label(key).format(fte=fte, amount=amount, years=years, percent=percent)

    def budget_month(line: BudgetLine) -> str:
        return fmt.label("budget-month").format(
            month=get_month_names("wide", locale=fmt.language.locale)[line.first_month.month],
            year=line.first_month.year,
        )

    def budget_runs_from(line: BudgetLine, plan: Plan) -> str:
        """The month a line starts, and the step it waits for (familyhub-plan.js, runsFrom)."""
        month = budget_month(line)
        runs = line.spec["runs_from"]
        if runs is None:
            return fmt.label("budget-runs-from-plan").format(month=month)
        step = next(
            item["title"]
            for phase in plan.guide["phases"]
            for item in phase["items"]
            if item["id"] == runs["item"]
        )
        day = line.step_day if runs["at"] == "start" else line.step_day - dt.timedelta(days=1)
        return fmt.label(f"budget-runs-from-{runs['at']}").format(
            month=month, step=step, date=fmt.date(day)
        )

    return {
        "budget_calculation": budget_calculation,
        "budget_runs_from": budget_runs_from,
        "budget_month": budget_month,
        "money_unit": lambda currency: money_unit(fmt, currency),
        "percent": lambda basis_points: percent_text(basis_points, decimal_sign),
    }


def money_unit(fmt: Formatter, currency: str) -> str:
    """The language's word for the currency, as its amounts are written: "norske kr.", "NOK"."""
    pattern = fmt.language.money.get(currency, "{currency}")
    return pattern.replace("{amount}", "").replace("{currency}", currency).strip()
