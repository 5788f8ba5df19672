"""Who works with whom: municipalities on the left, organisations on the right, a line for each
partnership between them, drawn at build time. Above MAX_PER_SIDE names on a side only the most
connected are drawn, so the picture stays readable and small at national scale."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from familyhub.i18n import Formatter
from familyhub.load import Hub
from familyhub.models import Partnership
from familyhub.picture_parts import INK, LINE, page_href, shorten
from familyhub.timeline import render_svg

WIDTH = 720
LEFT_DOT = 250
RIGHT_DOT = 470
TOP = 36
ROW = 28
NAME_LENGTH = 34
# parallel lines of one pair of names, this far apart
SPREAD = 4
MAX_PER_SIDE = 15


@dataclass(frozen=True)
class Node:
    kind: str
    entity_id: str
    name: str
    label: str
    href: str
    y: float


@dataclass(frozen=True)
class Edge:
    """One partnership between one municipality and one organisation."""

    partnership_id: str
    name: str
    href: str
    path: str


@dataclass(frozen=True)
class Pair:
    """A row of the text alternative: who works with whom, and in which partnerships."""

    municipality: str
    organisation: str
    partnerships: list[str]


@dataclass(frozen=True)
class Network:
    municipalities: list[Node]
    organisations: list[Node]
    pairs: list[Pair]
    partnerships_drawn: int
    partnerships_total: int
    capped: bool
    svg: Markup


def _sides(partnership: Partnership) -> tuple[list[str], list[str]]:
    """The municipalities and organisations a partnership connects."""
    municipalities = [party.municipality for party in partnership.parties if party.municipality]
    if partnership.municipality and partnership.municipality not in municipalities:
        municipalities.append(partnership.municipality)
    organisations = [party.organisation for party in partnership.parties if party.organisation]
    return municipalities, list(dict.fromkeys(organisations))


def _most_connected(degree: Counter[str], names: dict[str, str]) -> set[str]:
    ranked = sorted(degree, key=lambda entity_id: (-degree[entity_id], names[entity_id]))
    return set(ranked[:MAX_PER_SIDE])


def _nodes(kind: str, ids: list[str], names: dict[str, str], height: float) -> list[Node]:
    step = height / max(1, len(ids))
    return [
        Node(
            kind,
            entity_id,
            names[entity_id],
            shorten(names[entity_id], NAME_LENGTH),
            page_href(kind, entity_id),
            round(TOP + (index + 0.5) * step, 1),
        )
        for index, entity_id in enumerate(ids)
    ]


def _curve(y1: float, y2: float) -> str:
    middle = (LEFT_DOT + RIGHT_DOT) / 2
    return f"M{LEFT_DOT},{y1:g} C{middle:g},{y1:g} {middle:g},{y2:g} {RIGHT_DOT},{y2:g}"


def network(hub: Hub, fmt: Formatter) -> Network | None:
    """The picture and its text alternative; None when no partnership joins the two sides."""
    # municipalities and organisations have one name in every language
    names = {
        (kind, entity.id): str(entity.name)
        for kind in ("municipality", "organisation")
        for entity in hub.all(kind)
    }
    links: dict[tuple[str, str], list[Partnership]] = defaultdict(list)
    for partnership in hub.all("partnership"):
        municipalities, organisations = _sides(partnership)
        for municipality in municipalities:
            for organisation in organisations:
                links[(municipality, organisation)].append(partnership)
    if not links:
        return None
    m_names = {m: names[("municipality", m)] for m, _ in links}
    o_names = {o: names[("organisation", o)] for _, o in links}
    m_degree = Counter(m for (m, _), ps in links.items() for _ in ps)
    o_degree = Counter(o for (_, o), ps in links.items() for _ in ps)
    shown_m = _most_connected(m_degree, m_names)
    shown_o = _most_connected(o_degree, o_names)
    shown = {pair: ps for pair, ps in links.items() if pair[0] in shown_m and pair[1] in shown_o}
    m_order = sorted(shown_m, key=lambda m: m_names[m].casefold())
    # organisations beside the municipalities they work with: fewer lines cross
    position = {m: index for index, m in enumerate(m_order)}
    linked: dict[str, list[int]] = defaultdict(list)
    for m, o in shown:
        linked[o].append(position[m])
    o_order = sorted(
        shown_o, key=lambda o: (sum(linked[o]) / max(1, len(linked[o])), o_names[o].casefold())
    )
    height = max(len(m_order), len(o_order)) * ROW
    left = _nodes("municipality", m_order, m_names, height)
    right = _nodes("organisation", o_order, o_names, height)
    y_of = {node.entity_id: node.y for node in left} | {node.entity_id: node.y for node in right}
    edges = []
    pairs = []
    for (m, o), partnerships in sorted(shown.items(), key=lambda item: (y_of[item[0][0]], y_of[item[0][1]])):
        for index, partnership in enumerate(partnerships):
            offset = (index - (len(partnerships) - 1) / 2) * SPREAD
            edges.append(
                Edge(
                    partnership.id,
                    fmt.text(partnership.name),
                    page_href("partnership", partnership.id),
                    _curve(round(y_of[m] + offset, 1), round(y_of[o] + offset, 1)),
                )
            )
        pairs.append(Pair(m, o, [partnership.id for partnership in partnerships]))
    drawn = len({edge.partnership_id for edge in edges})
    total = len({p.id for ps in links.values() for p in ps})
    capped = len(shown_m) < len(m_degree) or len(shown_o) < len(o_degree)
    description = fmt.label("network-description").format(
        municipalities=len(left), organisations=len(right), partnerships=drawn
    )
    svg = render_svg(
        "network.svg.j2",
        element_id="fh-network",
        title=fmt.label("network"),
        description=description,
        left=left,
        right=right,
        edges=edges,
        left_heading=fmt.label("municipalities"),
        right_heading=fmt.label("organisations"),
        left_dot=LEFT_DOT,
        right_dot=RIGHT_DOT,
        width=WIDTH,
        height=TOP + height + 4,
        ink=INK,
        line=LINE,
    )
    return Network(left, right, pairs, drawn, total, capped, svg)
