"""Funding per partnership as bar charts drawn at build time: one chart per currency and kind of
amount, because a yearly amount and a total for several years, or kroner and Norwegian kroner,
cannot share one axis. Only amounts the data states: a total is never spread over its years."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from familyhub.data.load import Hub
from familyhub.data.models import Funding, Partnership
from familyhub.i18n import Formatter
from familyhub.pictures.parts import GRID, INK, LIGHT, axis_ticks, render_svg, shorten

WIDTH = 720
LEFT = 4
# the longest bar; the rest of the width holds the amounts, in a column after the last grid line
BAR_AREA = 340
VALUES_GAP = 16
# a generous average width of a character of the amounts (13 px DejaVu Sans): a long amount
# widens the picture rather than being cut off at its edge
CHAR_WIDTH = 8
ROW = 46
BAR_HEIGHT = 16
TOP = 56
NAME_LENGTH = 95
# more bars than this make a chart nobody reads: the largest are drawn, and the page says so
MAX_BARS = 25


@dataclass(frozen=True)
class FundingRow:
    """One funding of one partnership, in the words of one language."""

    partnership_id: str
    name: str
    amount: float
    granted: bool
    amount_text: str
    period_text: str
    status_text: str


@dataclass(frozen=True)
class Bar:
    row: FundingRow
    label: str
    y: float
    length: float
    value_text: str


@dataclass(frozen=True)
class Tick:
    x: float
    text: str


@dataclass(frozen=True)
class Panel:
    """One chart: the fundings of one currency given per year, or given as totals."""

    key: str
    title: str
    per: str
    rows: list[FundingRow]
    total: int
    svg: Markup

    @property
    def capped(self) -> bool:
        return len(self.rows) < self.total


def period_text(funding: Funding, fmt: Formatter) -> str:
    """What period an amount covers, as far as the data says."""
    start, years = funding.start_year, funding.years
    if funding.per == "year":
        words = [fmt.label("per-year")]
    else:
        words = [fmt.label("funding-in-total")]
        if years:
            words.append(fmt.label("over-years").format(years=years))
    if start and years and funding.per == "year":
        words.append(fmt.label("year-range").format(first=start, last=start + years - 1))
    elif start:
        words.append(fmt.label("from-year").format(year=start))
    elif years and funding.per == "year":
        words.append(fmt.label("for-years").format(years=years))
    return " ".join(words)


def _row(partnership: Partnership, funding: Funding, fmt: Formatter) -> FundingRow:
    return FundingRow(
        partnership_id=partnership.id,
        name=fmt.text(partnership.name),
        amount=funding.amount,
        granted=funding.status == "granted",
        amount_text=fmt.money(funding.amount, funding.currency),
        period_text=period_text(funding, fmt),
        status_text=fmt.label(f"funding-{funding.status}"),
    )


def _grouped(hub: Hub, fmt: Formatter) -> dict[tuple[str, str], list[FundingRow]]:
    groups: dict[tuple[str, str], list[FundingRow]] = defaultdict(list)
    for partnership in hub.all("partnership"):
        for funding in partnership.funding:
            groups[(funding.currency, funding.per)].append(_row(partnership, funding, fmt))
    return groups


def _bars(rows: list[FundingRow], scale: float, fmt: Formatter) -> list[Bar]:
    bars = []
    for index, row in enumerate(rows):
        value = f"{row.amount_text} {row.period_text}"
        if not row.granted:
            value = f"{value} · {row.status_text}"
        bars.append(
            Bar(
                row=row,
                label=shorten(row.name, NAME_LENGTH),
                y=TOP + index * ROW,
                length=round(max(1.0, row.amount / scale * BAR_AREA), 1),
                value_text=value,
            )
        )
    return bars


def _panel(currency: str, per: str, rows: list[FundingRow], fmt: Formatter) -> Panel:
    rows = sorted(rows, key=lambda row: (-row.amount, row.name))
    shown = rows[:MAX_BARS]
    ticks = axis_ticks(shown[0].amount)
    scale = ticks[-1] or 1
    key = f"{currency.lower()}-{per}"
    title = fmt.label(f"funding-chart-{per}").format(currency=currency)
    bars = _bars(shown, scale, fmt)
    description = "; ".join(f"{bar.row.name}: {bar.value_text}" for bar in bars)
    legend = [
        (granted, fmt.label("funding-granted" if granted else "funding-requested"))
        for granted in (True, False)
        if any(row.granted == granted for row in shown)
    ]
    values_x = LEFT + BAR_AREA + VALUES_GAP
    longest_value = max(len(bar.value_text) for bar in bars)
    svg = render_svg(
        "funding_chart.svg.j2",
        element_id=f"fh-funding-{key}",
        title=title,
        description=description,
        bars=bars,
        ticks=[Tick(round(LEFT + tick / scale * BAR_AREA, 1), fmt.number(tick)) for tick in ticks],
        legend=legend,
        width=max(WIDTH, values_x + longest_value * CHAR_WIDTH),
        height=TOP + len(bars) * ROW,
        left=LEFT,
        values_x=values_x,
        bar_height=BAR_HEIGHT,
        ink=INK,
        light=LIGHT,
        grid=GRID,
    )
    return Panel(key, title, per, shown, len(rows), svg)


def funding_panels(hub: Hub, fmt: Formatter) -> list[Panel]:
    """One chart per currency and kind of amount (per year first), largest amounts first."""
    groups = _grouped(hub, fmt)
    order = sorted(groups, key=lambda group: (group[1] != "year", group[0]))
    return [_panel(currency, per, groups[(currency, per)], fmt) for currency, per in order]
