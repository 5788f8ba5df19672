"""The plan's arithmetic: target dates from a start date, and a budget by calendar year.

Pure functions of a guide's plan spec (pages.guides.guide_spec, the JSON the site embeds) and
the founder's inputs. The browser (overrides/assets/javascripts/familyhub-plan.js) does the same
sums on the same spec; tests/test_guides_browser.py checks that both give the same numbers.

A cost runs in whole months from the first of the month on or after the day its step gives
(the salary once the hiring step is done, the office from the start of the step that needs
premises), for its requirement's years; a municipality budgets by calendar year, so the budget
is split by calendar year, each year's share of a line rounded so that the years add up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypedDict

# An fte as whole basis points (0.5 -> 5000), so that every sum is integer arithmetic and the
# browser's doubles give exactly the same results. On-costs are basis points too (14.1 % -> 1410).
FTE_SCALE = 10_000
PERCENT_SCALE = 100  # basis points in one percent
# The amounts a plan cannot do without; the others are left out of the totals when not given.
REQUIRED_INPUTS = frozenset({"coordinator-salary"})
# Amounts above this would let amount times basis points pass 2**53, where doubles stop being exact.
MAX_AMOUNT = 1_000_000_000
# A yearly salary below this is more likely a monthly one: the CLI and the page both ask.
MONTHLY_BELOW = 100_000
# The amounts that are salaries: the on-costs percentage (employer's costs, pension) adds to them.
SALARY_INPUTS = frozenset({"coordinator-salary"})
# On-costs from 0 to this percentage, with at most two decimals; 0 until the user types one.
MAX_ON_COSTS = 100
# Costs no source gives, a yearly amount each, run with the salary: 0 until the founder types one.
OPTIONAL_INPUTS = ("training", "travel", "insurance", "equipment")
# Who pays: amounts in all for the plan; what they leave is "not yet funded".
FUNDING_INPUTS = ("funding-municipality", "funding-foundation", "funding-state", "funding-own")
MONTHS = 12


class ItemSpec(TypedDict):
    id: str
    title: str


class PhaseSpec(TypedDict):
    phase: str
    label: str
    weeks: int
    items: list[ItemSpec]


class RunsFromSpec(TypedDict):
    item: str  # the guide step the cost waits for
    at: str  # "start": from the step's first day; "end": once the step is done


class BudgetLineSpec(TypedDict):
    input: str  # which amount the founder enters: "coordinator-salary", "office-cost", …
    requirement_set: str | None  # None for an optional line no requirement asks for
    requirement: str | None
    title: str  # the requirement's title, or the optional line's label
    fte_basis_points: int
    years: int
    required: bool  # the founder must give this amount (REQUIRED_INPUTS)
    optional: bool  # counted as 0 until typed (OPTIONAL_INPUTS)
    runs_from: RunsFromSpec | None  # None: from the plan's start


class GuideSpec(TypedDict):
    id: str
    name: str
    currency: str | None
    phases: list[PhaseSpec]
    budget: list[BudgetLineSpec]
    benchmarks: list[dict[str, str]]  # the register's figures in the guide's currency


def fte_basis_points(fte: float | None) -> int:
    """A share of a full-time post as basis points; no fte means the whole amount."""
    return FTE_SCALE if fte is None else round(fte * FTE_SCALE)


def share_of(amount: int, basis_points: int) -> int:
    """amount times share, rounded half up to a whole unit, as the browser's Math.floor(x + 0.5)."""
    return (amount * basis_points + FTE_SCALE // 2) // FTE_SCALE


def scaled_text(value: int, scale: int, decimal_sign: str) -> str:
    """5000/10000 as "0,5", 1410/100 as "14,1": the shortest decimal, as the browser's String()."""
    if value % scale == 0:
        return str(value // scale)
    return repr(value / scale).replace(".", decimal_sign)


def fte_text(basis_points: int, decimal_sign: str) -> str:
    return scaled_text(basis_points, FTE_SCALE, decimal_sign)


def percent_text(basis_points: int, decimal_sign: str) -> str:
    return scaled_text(basis_points, PERCENT_SCALE, decimal_sign)


@dataclass(frozen=True)
class PlannedPhase:
    spec: PhaseSpec
    first_day: dt.date
    last_day: dt.date  # the target date of every item in the phase
    first_week: int
    last_week: int


def schedule(start: dt.date, phases: Sequence[PhaseSpec]) -> list[PlannedPhase]:
    """Phases one after another from the start date, each `weeks` long."""
    planned = []
    weeks_before = 0
    for phase in phases:
        first_day = start + dt.timedelta(weeks=weeks_before)
        last_day = first_day + dt.timedelta(weeks=phase["weeks"], days=-1)
        planned.append(
            PlannedPhase(
                phase, first_day, last_day, weeks_before + 1, weeks_before + phase["weeks"]
            )
        )
        weeks_before += phase["weeks"]
    return planned


def step_day(
    runs_from: RunsFromSpec | None, start: dt.date, phases: Sequence[PlannedPhase]
) -> dt.date:
    """The day a cost's step gives: its phase's first day, or the day after its target date."""
    if runs_from is None:
        return start
    for phase in phases:
        if any(item["id"] == runs_from["item"] for item in phase.spec["items"]):
            if runs_from["at"] == "start":
                return phase.first_day
            return phase.last_day + dt.timedelta(days=1)
    raise ValueError(f"no step '{runs_from['item']}' in the guide")  # checked at load


def first_whole_month(day: dt.date) -> dt.date:
    """The first of the month on or after `day`: costs run in whole months."""
    if day.day == 1:
        return day
    return dt.date(day.year + day.month // MONTHS, day.month % MONTHS + 1, 1)


def months_paid(per_year: int, months: int) -> int:
    """per_year for `months` months, rounded half up: the running sum the years are cut from."""
    return (per_year * months + MONTHS // 2) // MONTHS


def by_calendar_year(per_year: int, first: dt.date, years: int) -> dict[int, int]:
    """A yearly cost from the month `first`, for `years` years, cut at each new year."""
    split: dict[int, int] = {}
    paid_before = 0
    month = 0
    year = first.year
    left_in_first_year = MONTHS - first.month + 1
    while month < years * MONTHS:
        month = min(years * MONTHS, month + (left_in_first_year if year == first.year else MONTHS))
        paid = months_paid(per_year, month)
        split[year] = paid - paid_before
        paid_before = paid
        year += 1
    return split


@dataclass(frozen=True)
class BudgetLine:
    spec: BudgetLineSpec
    amount: int | None  # the yearly amount entered; None when left out
    per_year: int | None  # the share of the amount, plus its on-costs for a salary
    total: int | None
    on_costs: int  # the basis points added to this line: 0 but for a salary
    step_day: dt.date  # the day its step gives
    first_month: dt.date  # the first of the first month it runs
    by_year: dict[int, int]  # calendar year -> its cost that year


@dataclass(frozen=True)
class Budget:
    lines: list[BudgetLine]
    calendar_years: list[int]
    year_totals: list[int]  # one per calendar year
    total: int
    on_costs: int  # the basis points the salaries carry (employer's costs, pension)

    @property
    def complete(self) -> bool:
        return all(line.amount is not None or line.spec["optional"] for line in self.lines)

    @property
    def pays_salaries(self) -> bool:
        return any(line.spec["input"] in SALARY_INPUTS for line in self.lines)


def budget_line(
    spec: BudgetLineSpec, amount: int | None, on_costs: int, day: dt.date
) -> BudgetLine:
    percent = on_costs if spec["input"] in SALARY_INPUTS else 0
    first = first_whole_month(day)
    if amount is None and not spec["optional"]:
        return BudgetLine(spec, None, None, None, percent, day, first, {})
    share = share_of(amount or 0, spec["fte_basis_points"])
    per_year = share + share_of(share, percent)
    split = by_calendar_year(per_year, first, spec["years"])
    return BudgetLine(spec, amount, per_year, per_year * spec["years"], percent, day, first, split)


def budget(
    lines: Sequence[BudgetLineSpec],
    amounts: Mapping[str, int | None],
    on_costs: int,
    start: dt.date,
    phases: Sequence[PlannedPhase],
) -> Budget:
    """Each line's yearly cost (its share of the amount, a salary with its on-costs) from the
    month its step gives, for its years; totals per calendar year."""
    computed = [
        budget_line(
            spec, amounts.get(spec["input"]), on_costs, step_day(spec["runs_from"], start, phases)
        )
        for spec in lines
    ]
    years = sorted({year for line in computed for year in line.by_year})
    calendar_years = list(range(years[0], years[-1] + 1)) if years else []
    year_totals = [sum(line.by_year.get(year, 0) for line in computed) for year in calendar_years]
    return Budget(computed, calendar_years, year_totals, sum(year_totals), on_costs)


@dataclass(frozen=True)
class Funding:
    given: dict[str, int]  # funding input -> amount in all, for those typed
    not_funded: int  # the total less what is given; below 0 when given is more than the total


def funding(total: int, amounts: Mapping[str, int | None]) -> Funding:
    given = {name: amount for name in FUNDING_INPUTS if (amount := amounts.get(name)) is not None}
    return Funding(given, total - sum(given.values()))


@dataclass(frozen=True)
class Plan:
    guide: GuideSpec
    requirement_set: str
    municipality: str
    start: dt.date
    currency: str
    phases: list[PlannedPhase]
    budget: Budget
    funding: Funding


def make_plan(
    guide: GuideSpec,
    requirement_set: str,
    municipality: str,
    start: dt.date,
    currency: str,
    amounts: Mapping[str, int | None],
    on_costs: int = 0,
) -> Plan:
    phases = schedule(start, guide["phases"])
    costs = budget(guide["budget"], amounts, on_costs, start, phases)
    return Plan(
        guide,
        requirement_set,
        municipality,
        start,
        currency,
        phases,
        costs,
        funding(costs.total, amounts),
    )


def needed_inputs(guide: GuideSpec) -> set[str]:
    """The amounts this guide's budget asks for (the optional lines and funding with it)."""
    needed = {line["input"] for line in guide["budget"]}
    return needed | set(FUNDING_INPUTS) if needed else needed


def pays_salaries(guide: GuideSpec) -> bool:
    """Whether the on-costs percentage means anything for this guide's budget."""
    return bool(needed_inputs(guide) & SALARY_INPUTS)


def required_inputs(guide: GuideSpec) -> set[str]:
    return {line["input"] for line in guide["budget"] if line["required"]}
