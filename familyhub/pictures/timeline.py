"""The phases of a guide as a picture: an SVG timeline drawn at build time, no JavaScript."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from familyhub.pictures.parts import NARROW, NARROW_CLASS, TEXT_SIZE, WIDE_CLASS, render_svg

WIDTH = 680
HEIGHT = 84
# how far each chevron's point reaches into the next one
NOTCH = 14
# fixed colours, not the theme's variables: the SVG must look the same in a PDF (contrast ≥ 7:1)
FILLS = ("#e8eaf6", "#c5cae9")
INK = "#1a237e"
# a phone: one phase a row, top to bottom, each pointing down into the next
ROW = 48


@dataclass(frozen=True)
class Step:
    """One phase as the picture shows it: its name and two short lines under it."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Chevron:
    step: Step
    points: str
    centre: float
    fill: str


def _chevron(index: int, count: int, step: Step) -> Chevron:
    width = WIDTH / count
    left = index * width
    right = left + width
    tip = right if index < count - 1 else right - 1
    notch = 0 if index == 0 else NOTCH
    corners = [
        (left, 0),
        (tip - NOTCH, 0),
        (tip, HEIGHT / 2),
        (tip - NOTCH, HEIGHT),
        (left, HEIGHT),
        (left + notch, HEIGHT / 2),
    ]
    points = " ".join(f"{x:g},{y:g}" for x, y in corners)
    centre = left + (notch + width - NOTCH) / 2
    return Chevron(step, points, round(centre, 1), FILLS[index % 2])


def _row(index: int, count: int, step: Step) -> Chevron:
    top = index * ROW
    bottom = top + ROW
    tip = 0 if index == count - 1 else NOTCH / 2
    notch = 0 if index == 0 else NOTCH / 2
    middle = NARROW / 2
    corners = [
        (0, top),
        (middle, top + notch),
        (NARROW, top),
        (NARROW, bottom - tip),
        (middle, bottom),
        (0, bottom - tip),
    ]
    points = " ".join(f"{x:g},{y:g}" for x, y in corners)
    return Chevron(step, points, top + ROW / 2, FILLS[index % 2])


def timeline_svg(steps: list[Step], element_id: str, title: str, description: str) -> Markup:
    """An inline SVG with a title and a description that screen readers announce, drawn across
    the column and, for a phone, down it."""
    chevrons = [_chevron(index, len(steps), step) for index, step in enumerate(steps)]
    rows = [_row(index, len(steps), step) for index, step in enumerate(steps)]
    shared = {"title": title, "description": description, "ink": INK, "text_size": TEXT_SIZE}
    wide = render_svg(
        "timeline.svg.j2",
        **shared,
        chevrons=chevrons,
        element_id=element_id,
        layout=WIDE_CLASS,
        width=WIDTH,
        height=HEIGHT,
    )
    narrow = render_svg(
        "timeline_narrow.svg.j2",
        **shared,
        rows=rows,
        element_id=f"{element_id}-narrow",
        layout=NARROW_CLASS,
        width=NARROW,
        height=len(rows) * ROW,
    )
    return wide + narrow
