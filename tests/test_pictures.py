"""The pictures of the partnerships overview (issue 7): funding charts and who works with whom,
SVG drawn at build time, each with a table of the same figures and links beside it."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import tinyhtml5

from familyhub.data.load import load_hub
from familyhub.data.models import Funding
from familyhub.data.synth import write_data_set
from familyhub.i18n import Formatter
from familyhub.pages.compose import make_renderer
from familyhub.pictures.funding_chart import MAX_BARS, funding_panels, period_text
from familyhub.pictures.network import MAX_PER_SIDE, network

from .conftest import PREFIX, InjectedProject
from .real_data import HUB

SVG = "{http://www.w3.org/2000/svg}"
HTML = "{http://www.w3.org/1999/xhtml}"
OVERVIEW = "partnerships/index.html"
# a picture of 2,000 partnerships must stay a picture, not a page of its own
SVG_BUDGET_BYTES = 40_000


def overview(site: Path, lang: str) -> ET.Element:
    html = (site / PREFIX[lang] / OVERVIEW).read_text(encoding="utf-8")
    return tinyhtml5.parse(html)


def figures(root: ET.Element) -> list[ET.Element]:
    return [figure for figure in root.iter(f"{HTML}figure") if figure.get("class") == "fh-picture"]


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def following_table(root: ET.Element, figure: ET.Element) -> ET.Element:
    """The first table after the figure in document order: its text alternative."""
    seen = False
    for element in root.iter():
        if element is figure:
            seen = True
        elif seen and element.tag == f"{HTML}table":
            return element
    raise AssertionError("no table after the picture")


def fmt(lang: str) -> Formatter:
    return Formatter(HUB.site.language(lang))


def plain(text: str) -> str:
    """Text with its no-break spaces (Norwegian thousands, before a %) as plain spaces."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


# Worked out by hand from the funding of data/partnerships/*.yml (7 December 2026): ten amounts,
# charted by currency and kind. Kroner a year: Aarhus, København's request, Kolding (3 bars);
# kroner in total: Esbjerg, Holbæk, Tønder twice (4 bars); Norwegian kroner a year: Øygarden,
# Voss (2 bars); Norwegian kroner in total: Moss alone, which is a table without a picture.
# (partnership, amount, period) as each language writes them, from data/site.yml's labels; a period
# with a start and a length reads as its years, one year alone (issue 22).
CHARTS_WITH_BARS = 3
FUNDINGS = {
    "da": {
        ("aarhus-home-start", "250.000 kr.", "om året 2016\N{EN DASH}2018"),
        ("kobenhavn-home-start-request", "700.000 kr.", "om året fra 2018"),
        ("kolding-home-start", "400.000 kr.", "om året 2014"),
        ("esbjerg-modrehjaelpen-familiens-hus", "35.000.000 kr.", "i alt"),
        ("holbaek-home-start", "500.000 kr.", "i alt over 3 år"),
        ("toender-home-start", "850.000 kr.", "i alt 2019\N{EN DASH}2021"),
        ("toender-home-start", "3.676.000 kr.", "i alt 2019\N{EN DASH}2021"),
        ("oygarden-kfuk-kfum-home-start", "1.200.000 norske kr.", "om året 2022"),
        ("voss-home-start-pilot", "1.000.000 norske kr.", "om året 2024\N{EN DASH}2026"),
    },
    "en": {
        ("aarhus-home-start", "DKK 250,000", "a year 2016\N{EN DASH}2018"),
        ("kobenhavn-home-start-request", "DKK 700,000", "a year from 2018"),
        ("kolding-home-start", "DKK 400,000", "a year 2014"),
        ("esbjerg-modrehjaelpen-familiens-hus", "DKK 35,000,000", "in total"),
        ("holbaek-home-start", "DKK 500,000", "in total over 3 years"),
        ("toender-home-start", "DKK 850,000", "in total 2019\N{EN DASH}2021"),
        ("toender-home-start", "DKK 3,676,000", "in total 2019\N{EN DASH}2021"),
        ("oygarden-kfuk-kfum-home-start", "NOK 1,200,000", "a year 2022"),
        ("voss-home-start-pilot", "NOK 1,000,000", "a year 2024\N{EN DASH}2026"),
    },
    "nb": {
        ("aarhus-home-start", "250 000 danske kr.", "i året 2016\N{EN DASH}2018"),
        ("kobenhavn-home-start-request", "700 000 danske kr.", "i året fra 2018"),
        ("kolding-home-start", "400 000 danske kr.", "i året 2014"),
        ("esbjerg-modrehjaelpen-familiens-hus", "35 000 000 danske kr.", "totalt"),
        ("holbaek-home-start", "500 000 danske kr.", "totalt over 3 år"),
        ("toender-home-start", "850 000 danske kr.", "totalt 2019\N{EN DASH}2021"),
        ("toender-home-start", "3 676 000 danske kr.", "totalt 2019\N{EN DASH}2021"),
        ("oygarden-kfuk-kfum-home-start", "1 200 000 kr", "i året 2022"),
        ("voss-home-start-pilot", "1 000 000 kr", "i året 2024\N{EN DASH}2026"),
    },
}
ALONE = {
    "da": (
        "moss-rade-valer-kirkens-bymisjon-home-start",
        "1.000.000 norske kr.",
        "i alt 2019\N{EN DASH}2021",
    ),
    "en": (
        "moss-rade-valer-kirkens-bymisjon-home-start",
        "NOK 1,000,000",
        "in total 2019\N{EN DASH}2021",
    ),
    "nb": (
        "moss-rade-valer-kirkens-bymisjon-home-start",
        "1 000 000 kr",
        "totalt 2019\N{EN DASH}2021",
    ),
}


def row_of(row: ET.Element) -> tuple[str, str, str]:
    """(partnership, amount, period) of a row of a chart's table."""
    href = row.find(f".//{HTML}a").get("href")  # type: ignore[union-attr]
    amount, period = (plain(text_of(cell)) for cell in list(row)[1:3])
    return posixpath.basename(str(href)).removesuffix(".html"), amount, period


def names_match(label: str, name: str) -> bool:
    """A bar's label is its partnership's whole name, or its start cut with an ellipsis."""
    if label == name:
        return True
    return label.endswith("\u2026") and name.startswith(label.removesuffix("\u2026").rstrip())


@pytest.mark.parametrize("lang", PREFIX)
def test_a_chart_of_one_amount_shows_the_table_alone(built_site: Path, lang: str) -> None:
    """A currency and period with one amount gets its table and no bars."""
    root = overview(built_site, lang)
    assert len(figures(root)) == CHARTS_WITH_BARS + 1  # and the diagram
    partnership, amount, period = ALONE[lang]
    # its table: a table of its own, with its one row, and no picture draws the amount
    tables = [
        table
        for table in root.iter(f"{HTML}table")
        if any(f"{partnership}.html" in str(a.get("href")) for a in table.iter(f"{HTML}a"))
        and plain(text_of(table)).count(amount) == 1
        and len([row for row in table.iter(f"{HTML}tr") if row.find(f"{HTML}td") is not None]) == 1
    ]
    assert len(tables) == 1
    (row,) = (row for row in tables[0].iter(f"{HTML}tr") if row.find(f"{HTML}td") is not None)
    assert row_of(row) == ALONE[lang]
    drawn = f"{amount} {period}"  # (Voss's yearly amount is the same number of kroner)
    assert not [figure for figure in figures(root) if drawn in plain(text_of(figure))]


@pytest.mark.parametrize("lang", PREFIX)
def test_pictures_are_labelled_svgs_with_a_table_beside_them(built_site: Path, lang: str) -> None:
    root = overview(built_site, lang)
    pictures = figures(root)
    assert len(pictures) == CHARTS_WITH_BARS + 1
    for figure in pictures:
        # the wide layout and the phone's, each labelled
        svgs = figure.findall(f"{SVG}svg")
        assert [svg.get("class", "").split()[-1] for svg in svgs] == ["fh-wide", "fh-narrow"]
        for svg in svgs:
            # the diagram's names are links, and an image may hold none: it keeps the SVG's role
            links = list(svg.iter(f"{SVG}a"))
            assert svg.get("role") == (None if links else "img")
            labels = [svg.get("aria-labelledby", ""), svg.get("aria-describedby", "")]
            title_id, desc_id = " ".join(labels).split()
            title = svg.find(f"{SVG}title")
            desc = svg.find(f"{SVG}desc")
            assert title is not None and title.get("id") == title_id and text_of(title).strip()
            assert desc is not None and desc.get("id") == desc_id and text_of(desc).strip()
        assert following_table(root, figure) is not None
    titles = [text_of(figure.find(f"{SVG}svg/{SVG}title")) for figure in pictures]  # type: ignore[arg-type]
    assert titles[-1] == fmt(lang).label("network")


@pytest.mark.parametrize("lang", PREFIX)
def test_every_bar_states_the_amount_of_its_partnership_in_the_data(
    built_site: Path, lang: str
) -> None:
    root = overview(built_site, lang)
    charts = [figure for figure in figures(root) if not list(figure.iter(f"{SVG}path"))]
    assert len(charts) == CHARTS_WITH_BARS
    bars = 0
    for figure, layout in ((figure, layout) for figure in charts for layout in range(2)):
        table_rows = following_table(root, figure).iter(f"{HTML}tr")
        next(table_rows)  # the header
        svg = figure.findall(f"{SVG}svg")[layout]
        drawn = set()
        for bar, row in zip(svg.iter(f"{SVG}g"), table_rows, strict=True):
            partnership_id, amount, period = row_of(row)
            name = plain(fmt(lang).text(HUB.get("partnership", partnership_id).name))
            label = plain(text_of(next(bar.iter(f"{SVG}text"))))
            assert names_match(label, name), (label, name)  # the bar of the table's row
            # the amount drawn after the bar is the data's, with its period
            assert f"{amount} {period}" in plain(text_of(bar))
            drawn.add((partnership_id, amount, period))
            bars += 1
        assert drawn <= FUNDINGS[lang]
    assert bars == 2 * len(FUNDINGS[lang])  # every amount, in the wide and the phone's layout


def test_a_total_is_shown_for_its_period_never_spread_over_years() -> None:
    da = fmt("da")
    total = Funding.model_validate(
        {"amount": 500000, "currency": "DKK", "per": "total", "years": 3, "period": "unknown"}
        | {"payer": {"kind": "municipality", "id": "holbaek"}}
        | {"description": {"da": "x", "en": "x"}, "source": "s"}
    )
    yearly = total.model_copy(update={"per": "year", "start_year": 2018})
    one_year = yearly.model_copy(update={"years": 1})
    assert period_text(total, da) == "i alt over 3 år"
    assert period_text(yearly, da) == "om året 2018\N{EN DASH}2020"
    assert period_text(one_year, da) == "om året 2018"  # not 2018-2018 (issue 22: Kolding)
    panels = funding_panels(HUB, da)
    totals = next(p for p in panels if p.key == "dkk-total")
    holbaek = [row.amount for row in totals.rows if row.partnership_id == "holbaek-home-start"]
    assert holbaek == [500000]  # not 166,667 a year


@pytest.mark.parametrize("lang", PREFIX)
def test_every_link_in_the_pictures_and_their_tables_resolves(built_site: Path, lang: str) -> None:
    page = built_site / PREFIX[lang] / OVERVIEW
    root = overview(built_site, lang)
    partnerships_linked = set()
    for figure in figures(root):
        anchors = [*figure.iter(f"{SVG}a"), *following_table(root, figure).iter(f"{HTML}a")]
        assert anchors
        for anchor in anchors:
            href = str(anchor.get("href"))
            target = (page.parent / href).resolve()
            assert target.is_file(), f"{href} in a picture of {page} leads nowhere"
            if target.parent.name == "partnerships":
                partnerships_linked.add(target.stem)
    # the real register is larger than the diagram (MAX_PER_SIDE names a side): the most
    # connected are drawn and the page says so; test_a_small_register_draws_every_partnership
    # covers a diagram of everything
    every = set(HUB.entities["partnership"])
    diagram = network(HUB, fmt(lang))
    assert diagram is not None and diagram.capped
    assert diagram.partnerships_drawn <= len(partnerships_linked) and partnerships_linked <= every
    assert fmt(lang).label("network-capped").split("{")[0] in page.read_text(encoding="utf-8")


def test_a_small_register_draws_every_partnership(tmp_path: Path) -> None:
    """Six synthetic partnerships between 2 municipalities and 1 organisation (counted in
    familyhub/data/synth.py's output for 6): under the cap, each is a line of the diagram."""
    write_data_set(tmp_path / "data", 6)
    renderer = make_renderer(load_hub(tmp_path / "data"), "nb")
    markdown = renderer.render(
        "partnership_overview.md.j2", kind="partnership", entities=renderer.hub.all("partnership")
    )
    diagram = re.findall(r'<figure class="fh-picture">.*?</figure>', markdown, re.DOTALL)[-1]
    linked = set(re.findall(r'href="\.\./partnerships/([^"]+)\.html"', diagram))
    assert linked == {f"synth-partnership-{n}" for n in range(1, 7)}
    assert renderer.fmt.label("network-capped").split("{")[0] not in markdown


def test_names_in_the_pictures_stay_text(injected_project: InjectedProject) -> None:
    """tests/injected.py names Holbæk's partnership, municipality and branch with script."""
    html = (injected_project.site / OVERVIEW).read_text(encoding="utf-8")
    pictures = re.findall(r'<figure class="fh-picture">.*?</figure>', html, re.DOTALL)
    assert len(pictures) == CHARTS_WITH_BARS + 1
    for picture in pictures:
        assert "<script>alert" not in picture
        assert "<img src=x" not in picture
        assert not re.search(r"<[a-z]+[^>]*\son(error|click)=", picture)
    *charts, diagram = pictures
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in chart for chart in charts)  # a bar
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in diagram
    assert "{{ 7*7 }}" in diagram


@pytest.fixture(scope="module")
def national_hub(tmp_path_factory: pytest.TempPathFactory) -> object:
    data = tmp_path_factory.mktemp("synth") / "data"
    write_data_set(data, 2000)
    return load_hub(data)


def test_pictures_of_2000_partnerships_stay_bounded(national_hub: object) -> None:
    renderer = make_renderer(national_hub, "da")  # type: ignore[arg-type]
    panels = funding_panels(renderer.hub, renderer.fmt)
    # kroner and Norwegian kroner never share an axis
    assert [panel.key for panel in panels] == ["dkk-year", "nok-year"]
    for panel in panels:
        assert panel.capped and len(panel.rows) == MAX_BARS
        assert len(panel.svg.encode()) < SVG_BUDGET_BYTES
    diagram = network(renderer.hub, renderer.fmt)
    assert diagram is not None and diagram.capped
    assert len(diagram.municipalities) == MAX_PER_SIDE
    assert len(diagram.organisations) == MAX_PER_SIDE
    assert diagram.partnerships_drawn < diagram.partnerships_total == 2000
    assert len(diagram.svg.encode()) < SVG_BUDGET_BYTES
    markdown = renderer.render(
        "partnership_overview.md.j2",
        kind="partnership",
        entities=renderer.hub.all("partnership"),
    )
    pictures = markdown[markdown.index('<figure class="fh-picture">') :]
    # the tables beside the pictures are as bounded as the pictures
    assert pictures.count("\n| ") < 2 * MAX_BARS + MAX_PER_SIDE * MAX_PER_SIDE + 10
    assert renderer.fmt.label("network-capped").split("{")[0] in markdown
