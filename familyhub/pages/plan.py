"""The plan's arithmetic: target dates from a start date, and a budget from yearly amounts.

Pure functions of a guide's plan spec (pages.guides.plan_spec, the JSON the site embeds) and
the founder's inputs. The browser (overrides/assets/javascripts/familyhub-plan.js) does the same
sums on the same spec; tests/test_guides_browser.py checks that both give the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypedDict

# An fte as whole basis points (0.5 -> 5000), so that every sum is integer arithmetic and the
# browser's doubles give exactly the same results.
FTE_SCALE = 10_000
# The amounts a plan cannot do without; the others are left out of the totals when not given.
REQUIRED_INPUTS = frozenset({"coordinator-salary"})
# Amounts above this would let amount times basis points pass 2**53, where doubles stop being exact.
MAX_AMOUNT = 1_000_000_000
# A yearly salary below this is more likely a monthly one: the CLI and the page both ask.
MONTHLY_BELOW = 100_000
# The amounts that are salaries: the on-costs percentage (employer's costs, pension) adds to them.
SALARY_INPUTS = frozenset({"coordinator-salary"})
# On-costs as a whole percentage; the hub invents no default, so it is 0 until the user types one.
MAX_ON_COSTS = 100


class ItemSpec(TypedDict):
    id: str
    title: str


class PhaseSpec(TypedDict):
    phase: str
    label: str
    weeks: int
    items: list[ItemSpec]


class BudgetLineSpec(TypedDict):
    input: str  # which amount the founder enters: "coordinator-salary" or "office-cost"
    requirement_set: str
    requirement: str
    title: str  # the requirement's title: each budget line names where it comes from
    fte_basis_points: int
    years: int
    required: bool  # the founder must give this amount (REQUIRED_INPUTS)


class GuideSpec(TypedDict):
    id: str
    name: str
    currency: str | None
    phases: list[PhaseSpec]
    budget: list[BudgetLineSpec]


def fte_basis_points(fte: float | None) -> int:
    """A share of a full-time post as basis points; no fte means the whole amount."""
    return FTE_SCALE if fte is None else round(fte * FTE_SCALE)


def share_of(amount: int, basis_points: int) -> int:
    """amount times share, rounded half up to a whole unit, as the browser's Math.floor(x + 0.5)."""
    return (amount * basis_points + FTE_SCALE // 2) // FTE_SCALE


def fte_text(basis_points: int, decimal_sign: str) -> str:
    """0.5 as "0,5" or "0.5": the shortest decimal, as the browser's String(number) writes it."""
    if basis_points % FTE_SCALE == 0:
        return str(basis_points // FTE_SCALE)
    return repr(basis_points / FTE_SCALE).replace(".", decimal_sign)


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


@dataclass(frozen=True)
class BudgetLine:
    spec: BudgetLineSpec
    amount: int | None  # the yearly amount entered; None when left out
    per_year: int | None  # the share of the amount, plus its on-costs for a salary
    total: int | None
    on_costs: int  # the percentage added to this line: 0 but for a salary


@dataclass(frozen=True)
class Budget:
    lines: list[BudgetLine]
    year_totals: list[int]  # year 1, 2, …: the lines that still run that year
    total: int
    on_costs: int  # the percentage the salaries carry (employer's costs, pension)

    @property
    def complete(self) -> bool:
        return all(line.amount is not None for line in self.lines)

    @property
    def pays_salaries(self) -> bool:
        return any(line.spec["input"] in SALARY_INPUTS for line in self.lines)


def budget(
    lines: Sequence[BudgetLineSpec], amounts: Mapping[str, int | None], on_costs: int = 0
) -> Budget:
    """Each line's yearly cost (its share of the amount, a salary with its on-costs) for its
    years; totals per year."""
    computed = []
    for spec in lines:
        amount = amounts.get(spec["input"])
        percent = on_costs if spec["input"] in SALARY_INPUTS else 0
        if amount is None:
            computed.append(BudgetLine(spec, None, None, None, percent))
            continue
        share = share_of(amount, spec["fte_basis_points"])
        # a percentage as basis points of the share: whole numbers, as in the browser
        per_year = share + share_of(share, percent * FTE_SCALE // 100)
        computed.append(BudgetLine(spec, amount, per_year, per_year * spec["years"], percent))
    years = max((spec["years"] for spec in lines), default=0)
    year_totals = [
        sum(line.per_year or 0 for line in computed if line.spec["years"] > year)
        for year in range(years)
    ]
    return Budget(computed, year_totals, sum(year_totals), on_costs)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 1 March, as the browser's Date.UTC does."""
    return dt.date(day.year + years, day.month, 1) + dt.timedelta(days=day.day - 1)


def year_ranges(start: dt.date, years: int) -> list[tuple[dt.date, dt.date]]:
    """Year 1, 2, …, of the budget as dates: year 1 runs from the start date for a year."""
    return [
        (add_years(start, year), add_years(start, year + 1) - dt.timedelta(days=1))
        for year in range(years)
    ]


@dataclass(frozen=True)
class Plan:
    guide: GuideSpec
    requirement_set: str
    municipality: str
    start: dt.date
    currency: str
    phases: list[PlannedPhase]
    budget: Budget

    @property
    def years(self) -> list[tuple[dt.date, dt.date]]:
        return year_ranges(self.start, len(self.budget.year_totals))


def make_plan(
    guide: GuideSpec,
    requirement_set: str,
    municipality: str,
    start: dt.date,
    currency: str,
    amounts: Mapping[str, int | None],
    on_costs: int = 0,
) -> Plan:
    return Plan(
        guide,
        requirement_set,
        municipality,
        start,
        currency,
        schedule(start, guide["phases"]),
        budget(guide["budget"], amounts, on_costs),
    )


def needed_inputs(guide: GuideSpec) -> set[str]:
    """The amounts this guide's budget asks for."""
    return {line["input"] for line in guide["budget"]}


def pays_salaries(guide: GuideSpec) -> bool:
    """Whether the on-costs percentage means anything for this guide's budget."""
    return bool(needed_inputs(guide) & SALARY_INPUTS)


def required_inputs(guide: GuideSpec) -> set[str]:
    return {line["input"] for line in guide["budget"] if line["required"]}
