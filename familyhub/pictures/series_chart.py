"""A national figure at several dates (branches, families, volunteers) as a bar chart drawn at
build time: one bar per year the sources give, its value above it. The table under the picture
holds the same points with their sources; the picture adds no figure of its own."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from familyhub.data.facts import Series, SeriesPoint
from familyhub.data.models import Organisation
from familyhub.i18n import Formatter
from familyhub.pictures.parts import (
    GRID,
    INK,
    NARROW,
    NARROW_CLASS,
    TEXT_SIZE,
    WIDE_CLASS,
    axis_ticks,
    render_svg,
)

WIDTH = 600
HEIGHT = 260
TOP = 28
BOTTOM = 36
# a generous average width of one character at 13 px DejaVu Sans: long values widen the picture
CHAR_WIDTH = 8
MIN_SLOT = 48
BAR_SHARE = 0.6
# the phone's layout: one row a year, its year, a bar as long as its share and its value after it
NARROW_ROW = 26
NARROW_BAR = 16
NARROW_GAP = 6


@dataclass(frozen=True)
class Point:
    """One point as the page shows it: its year, its value in words and its source."""

    point: SeriesPoint
    year: int
    value_text: str


@dataclass(frozen=True)
class Bar:
    x: float
    centre: float
    y: float
    width: float
    height: float
    point: Point


@dataclass(frozen=True)
class Row:
    """One year in the phone's layout: where its row starts and how long its bar is."""

    y: float
    length: float
    point: Point


@dataclass(frozen=True)
class Tick:
    y: float
    text: str


@dataclass(frozen=True)
class SeriesChart:
    series: Series
    title: str
    points: list[Point]
    svg: Markup


def value_text(point: SeriesPoint, fmt: Formatter) -> str:
    value = fmt.number(point.value)
    if point.qualifier:
        return f"{fmt.label('qualifier-' + point.qualifier)} {value}"
    return value


def _chart(owner: str, series: Series, fmt: Formatter) -> SeriesChart:
    title = fmt.text(series.label)
    points = [Point(p, p.year, value_text(p, fmt)) for p in series.points]
    ticks = axis_ticks(max(p.point.value for p in points))
    scale = ticks[-1] or 1
    tick_texts = [fmt.number(tick) for tick in ticks]
    left = max(len(text) for text in tick_texts) * CHAR_WIDTH + 10
    longest = max(len(p.value_text) for p in points)
    slot: float = max(MIN_SLOT, longest * CHAR_WIDTH + 8)
    width = max(WIDTH, left + slot * len(points) + 4)
    slot = (width - left - 4) / len(points)
    plot = HEIGHT - TOP - BOTTOM
    bar_width = round(min(slot * BAR_SHARE, 64), 1)
    bars = []
    for index, point in enumerate(points):
        centre = left + slot * index + slot / 2
        height = round(point.point.value / scale * plot, 1)
        bars.append(
            Bar(
                x=round(centre - bar_width / 2, 1),
                centre=round(centre, 1),
                y=round(TOP + plot - height, 1),
                width=bar_width,
                height=height,
                point=point,
            )
        )
    description = "; ".join(f"{p.year}: {p.value_text}" for p in points)
    element_id = f"fh-series-{owner}-{series.id}"
    wide = render_svg(
        "series_chart.svg.j2",
        layout=WIDE_CLASS,
        element_id=element_id,
        title=title,
        description=description,
        bars=bars,
        ticks=[
            Tick(round(TOP + plot - t / scale * plot, 1), text)
            for t, text in zip(ticks, tick_texts, strict=True)
        ],
        width=round(width),
        height=HEIGHT,
        left=left,
        right=round(width - 4),
        baseline=TOP + plot,
        ink=INK,
        grid=GRID,
    )
    narrow = _narrow(f"{element_id}-narrow", title, description, points, scale)
    return SeriesChart(series, title, points, wide + narrow)


def _narrow(
    element_id: str, title: str, description: str, points: list[Point], scale: float
) -> Markup:
    """The phone's layout, NARROW wide so that its text keeps about its size on a phone: where
    the wide one would shrink its text to 7 px, each year is a row with its bar across."""
    year_width = max(len(str(p.year)) for p in points) * CHAR_WIDTH + NARROW_GAP
    value_width = max(len(p.value_text) for p in points) * CHAR_WIDTH + NARROW_GAP
    bar_area = NARROW - 4 - year_width - value_width
    rows = [
        Row(
            y=4 + index * NARROW_ROW,
            length=max(1.0, round(point.point.value / scale * bar_area, 1)),
            point=point,
        )
        for index, point in enumerate(points)
    ]
    return render_svg(
        "series_chart_narrow.svg.j2",
        layout=NARROW_CLASS,
        element_id=element_id,
        title=title,
        description=description,
        rows=rows,
        bar_x=4 + year_width,
        bar_height=NARROW_BAR,
        gap=NARROW_GAP,
        width=NARROW,
        height=8 + len(rows) * NARROW_ROW,
        text_size=TEXT_SIZE,
        ink=INK,
    )


def series_charts(organisation: Organisation, fmt: Formatter) -> list[SeriesChart]:
    """One chart per series of an organisation, in the order the data gives them."""
    return [_chart(organisation.id, series, fmt) for series in organisation.series]
