"""Funding per partnership as bar charts drawn at build time: one chart per currency and kind of
amount, because a yearly amount and a total for several years, or kroner and Norwegian kroner,
cannot share one axis. Only amounts the data states: a total is never spread over its years."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from familyhub.data.load import Hub
from familyhub.data.models import Funding, Partnership
from familyhub.i18n import Formatter
from familyhub.pictures.parts import (
    GRID,
    INK,
    LIGHT,
    NARROW,
    NARROW_CLASS,
    TEXT_SIZE,
    WIDE_CLASS,
    axis_ticks,
    render_svg,
    shorten,
    wrap,
)

WIDTH = 680
LEFT = 4
# the longest bar; the rest of the width holds the amounts, in a column after the last grid line.
# Long amounts take from the bars before they widen the picture (which would shrink its text).
BAR_AREA = 340
MIN_BAR_AREA = 200
VALUES_GAP = 16
# a generous average width of a character of the amounts (13 px DejaVu Sans): a long amount
# widens the picture rather than being cut off at its edge
CHAR_WIDTH = 8
ROW = 46
BAR_HEIGHT = 16
TOP = 56
NAME_LENGTH = 95
# the phone's layout: name, bar and amount under each other, the bar as long as the picture
NARROW_CHARS = 40
NARROW_LINE = 18
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

    @property
    def narrow_label(self) -> str:
        return shorten(self.row.name, NARROW_CHARS)

    @property
    def narrow_lines(self) -> list[str]:
        """The amount under the bar on a phone, wrapped rather than shrunk."""
        return wrap(self.value_text, NARROW_CHARS, lines=3)


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
    # None for a single bar: one amount is not worth a picture, the table alone says it
    svg: Markup | None

    @property
    def capped(self) -> bool:
        return len(self.rows) < self.total


def period_text(funding: Funding, fmt: Formatter) -> str:
    """What period an amount covers, as far as the data says: a range, or one year alone."""
    start, years, end = funding.start_year, funding.years, funding.end_year
    words = [fmt.label("per-year" if funding.per == "year" else "funding-in-total")]
    if start is not None and end is not None:
        words.append(
            str(start) if start == end else fmt.label("year-range").format(first=start, last=end)
        )
    elif start is not None:
        words.append(fmt.label("from-year").format(year=start))
    elif years is not None:
        key = "for-years" if funding.per == "year" else "over-years"
        words.append(fmt.label(key).format(years=years))
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


def _value_text(row: FundingRow) -> str:
    value = f"{row.amount_text} {row.period_text}"
    return value if row.granted else f"{value} · {row.status_text}"


def _bar_area(rows: list[FundingRow]) -> int:
    longest = max(len(_value_text(row)) for row in rows) * CHAR_WIDTH
    return max(MIN_BAR_AREA, min(BAR_AREA, WIDTH - LEFT - VALUES_GAP - longest))


def _bars(rows: list[FundingRow], scale: float, bar_area: int) -> list[Bar]:
    bars = []
    for index, row in enumerate(rows):
        bars.append(
            Bar(
                row=row,
                label=shorten(row.name, NAME_LENGTH),
                y=TOP + index * ROW,
                length=round(max(1.0, row.amount / scale * bar_area), 1),
                value_text=_value_text(row),
            )
        )
    return bars


def _legend(rows: list[FundingRow], fmt: Formatter) -> list[tuple[bool, str]]:
    return [
        (granted, fmt.label("funding-granted" if granted else "funding-requested"))
        for granted in (True, False)
        if any(row.granted == granted for row in rows)
    ]


def _svgs(element_id: str, title: str, bars: list[Bar], ticks: list[Tick], legend: Any) -> Markup:
    """The wide chart (an axis, amounts in a column) and the phone's (amounts under the bars)."""
    values_x = ticks[-1].x + VALUES_GAP
    longest_value = max(len(bar.value_text) for bar in bars)
    shared = {
        "title": title,
        "description": "; ".join(f"{bar.row.name}: {bar.value_text}" for bar in bars),
        "legend": legend,
        "left": LEFT,
        "bar_height": BAR_HEIGHT,
        "text_size": TEXT_SIZE,
        "ink": INK,
        "light": LIGHT,
    }
    wide = render_svg(
        "funding_chart.svg.j2",
        **shared,
        element_id=element_id,
        layout=WIDE_CLASS,
        bars=bars,
        ticks=ticks,
        width=max(WIDTH, values_x + longest_value * CHAR_WIDTH),
        height=TOP + len(bars) * ROW,
        values_x=values_x,
        grid=GRID,
    )
    longest_bar = max(bar.length for bar in bars)
    rows, y = [], 24.0
    for bar in bars:
        rows.append((bar, y, round(bar.length / longest_bar * (NARROW - 2 * LEFT), 1)))
        y += 44 + NARROW_LINE * len(bar.narrow_lines)
    narrow = render_svg(
        "funding_chart_narrow.svg.j2",
        **shared,
        element_id=f"{element_id}-narrow",
        layout=NARROW_CLASS,
        rows=rows,
        line=NARROW_LINE,
        width=NARROW,
        height=y,
    )
    return wide + narrow


def _panel(currency: str, per: str, rows: list[FundingRow], fmt: Formatter) -> Panel:
    rows = sorted(rows, key=lambda row: (-row.amount, row.name))
    shown = rows[:MAX_BARS]
    ticks = axis_ticks(shown[0].amount)
    scale = ticks[-1] or 1
    key = f"{currency.lower()}-{per}"
    title = fmt.label(f"funding-chart-{per}").format(currency=currency)
    if len(shown) < 2:
        return Panel(key, title, per, shown, len(rows), None)
    bar_area = _bar_area(shown)
    bars = _bars(shown, scale, bar_area)
    axis = [Tick(round(LEFT + tick / scale * bar_area, 1), fmt.number(tick)) for tick in ticks]
    svg = _svgs(f"fh-funding-{key}", title, bars, axis, _legend(shown, fmt))
    return Panel(key, title, per, shown, len(rows), svg)


def funding_panels(hub: Hub, fmt: Formatter) -> list[Panel]:
    """One chart per currency and kind of amount (per year first), largest amounts first."""
    groups = _grouped(hub, fmt)
    order = sorted(groups, key=lambda group: (group[1] != "year", group[0]))
    return [_panel(currency, per, groups[(currency, per)], fmt) for currency, per in order]
