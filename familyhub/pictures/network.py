"""Who works with whom: municipalities on the left, organisations on the right, a line for each
partnership between them, drawn at build time. Above MAX_PER_SIDE names on a side only the most
connected are drawn, so the picture stays readable and small at national scale."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from markupsafe import Markup

from familyhub.data.load import Hub
from familyhub.data.models import Partnership
from familyhub.i18n import Formatter
from familyhub.pictures.parts import (
    INK,
    LINE,
    NARROW,
    NARROW_CLASS,
    TEXT_SIZE,
    WIDE_CLASS,
    page_href,
    render_svg,
    wrap,
)


@dataclass(frozen=True)
class Layout:
    """Where the two columns of names stand, how tall a row is and how long a line of a name."""

    css_class: str
    width: int
    left_dot: int
    right_dot: int
    row: int
    name_chars: int
    name_lines: int


WIDE = Layout(WIDE_CLASS, 680, 230, 450, 28, 28, 1)
# a phone: the names nearer the middle, wrapped on two lines rather than shrunk
PHONE = Layout(NARROW_CLASS, NARROW, 130, 210, 40, 15, 2)
TOP = 36
# parallel lines of one pair of names, this far apart
SPREAD = 4
MAX_PER_SIDE = 15


@dataclass(frozen=True)
class Node:
    kind: str
    entity_id: str
    name: str
    lines: list[str]
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


def _nodes(
    kind: str, ids: list[str], names: dict[str, str], height: float, layout: Layout
) -> list[Node]:
    step = height / max(1, len(ids))
    return [
        Node(
            kind,
            entity_id,
            names[entity_id],
            wrap(names[entity_id], layout.name_chars, layout.name_lines),
            page_href(kind, entity_id),
            round(TOP + (index + 0.5) * step, 1),
        )
        for index, entity_id in enumerate(ids)
    ]


def _curve(y1: float, y2: float, layout: Layout) -> str:
    left, right = layout.left_dot, layout.right_dot
    middle = (left + right) / 2
    return f"M{left},{y1:g} C{middle:g},{y1:g} {middle:g},{y2:g} {right},{y2:g}"


Links = dict[tuple[str, str], list[Partnership]]


def _links(hub: Hub) -> Links:
    """(municipality, organisation) -> the partnerships between them."""
    links: Links = defaultdict(list)
    for partnership in hub.all("partnership"):
        municipalities, organisations = _sides(partnership)
        for municipality in municipalities:
            for organisation in organisations:
                links[(municipality, organisation)].append(partnership)
    return links


def _orders(
    links: Links, m_names: dict[str, str], o_names: dict[str, str], fmt: Formatter
) -> tuple[list[str], list[str], bool]:
    """The municipalities and organisations drawn, top to bottom, and whether some are left out."""
    m_degree = Counter(m for (m, _), ps in links.items() for _ in ps)
    o_degree = Counter(o for (_, o), ps in links.items() for _ in ps)
    shown_m = _most_connected(m_degree, m_names)
    shown_o = _most_connected(o_degree, o_names)
    m_order = fmt.alphabetical(shown_m, lambda m: m_names[m])
    # organisations beside the municipalities they work with: fewer lines cross
    position = {m: index for index, m in enumerate(m_order)}
    rows: dict[str, list[int]] = defaultdict(list)
    for m, o in links:
        if m in shown_m and o in shown_o:
            rows[o].append(position[m])
    place = {o: index for index, o in enumerate(fmt.alphabetical(shown_o, lambda o: o_names[o]))}
    o_order = sorted(shown_o, key=lambda o: (sum(rows[o]) / max(1, len(rows[o])), place[o]))
    capped = len(shown_m) < len(m_degree) or len(shown_o) < len(o_degree)
    return m_order, o_order, capped


def _edges(
    links: Links, left: list[Node], right: list[Node], fmt: Formatter, layout: Layout
) -> tuple[list[Edge], list[Pair]]:
    """A line per partnership between two names drawn; parallel lines a little apart."""
    y_m = {node.entity_id: node.y for node in left}
    y_o = {node.entity_id: node.y for node in right}
    edges, pairs = [], []
    drawn = sorted(
        (pair for pair in links if pair[0] in y_m and pair[1] in y_o),
        key=lambda pair: (y_m[pair[0]], y_o[pair[1]]),
    )
    for m, o in drawn:
        partnerships = links[(m, o)]
        for index, partnership in enumerate(partnerships):
            offset = (index - (len(partnerships) - 1) / 2) * SPREAD
            path = _curve(round(y_m[m] + offset, 1), round(y_o[o] + offset, 1), layout)
            href = page_href("partnership", partnership.id)
            edges.append(Edge(partnership.id, fmt.text(partnership.name), href, path))
        pairs.append(Pair(m, o, [partnership.id for partnership in partnerships]))
    return edges, pairs


Orders = tuple[list[str], list[str], dict[str, str], dict[str, str]]


def _drawing(links: Links, orders: Orders, fmt: Formatter, layout: Layout) -> Network:
    """One layout of the picture, with its text alternative."""
    m_order, o_order, m_names, o_names = orders
    height = max(len(m_order), len(o_order)) * layout.row
    left = _nodes("municipality", m_order, m_names, height, layout)
    right = _nodes("organisation", o_order, o_names, height, layout)
    edges, pairs = _edges(links, left, right, fmt, layout)
    drawn = len({edge.partnership_id for edge in edges})
    total = len({p.id for ps in links.values() for p in ps})
    description = fmt.label("network-description").format(
        municipalities=len(left), organisations=len(right), partnerships=drawn
    )
    suffix = "" if layout is WIDE else "-narrow"
    svg = render_svg(
        "network.svg.j2",
        element_id=f"fh-network{suffix}",
        layout=layout,
        title=fmt.label("network"),
        description=description,
        left=left,
        right=right,
        edges=edges,
        left_heading=fmt.label("municipalities"),
        right_heading=fmt.label("organisations"),
        height=TOP + height + 4,
        text_size=TEXT_SIZE,
        ink=INK,
        line=LINE,
    )
    return Network(left, right, pairs, drawn, total, False, svg)


def network(hub: Hub, fmt: Formatter) -> Network | None:
    """The picture (wide, and a phone's) and its text alternative; None when no partnership
    joins the two sides."""
    links = _links(hub)
    if not links:
        return None
    # municipalities and organisations have one name in every language; a municipality and an
    # organisation may share an id, so each side keeps its own
    m_names = {m: str(hub.get("municipality", m).name) for m, _ in links}
    o_names = {o: str(hub.get("organisation", o).name) for _, o in links}
    m_order, o_order, capped = _orders(links, m_names, o_names, fmt)
    orders = (m_order, o_order, m_names, o_names)
    wide = _drawing(links, orders, fmt, WIDE)
    phone = _drawing(links, orders, fmt, PHONE)
    return replace(wide, capped=capped, svg=wide.svg + phone.svg)
