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

from .conftest import PREFIX, ROOT, InjectedProject

HUB = load_hub(ROOT / "data")
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


def drawn_panels(lang: str) -> list[str]:
    """The funding charts of the real data that have bars: more than one amount each."""
    return [panel.key for panel in funding_panels(HUB, fmt(lang)) if len(panel.rows) > 1]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_chart_of_one_amount_shows_the_table_alone(built_site: Path, lang: str) -> None:
    """A currency and period with one amount gets its table and no bars."""
    root = overview(built_site, lang)
    alone = [panel for panel in funding_panels(HUB, fmt(lang)) if len(panel.rows) == 1]
    assert alone, "the real data no longer has a chart of one amount: find another example"
    assert len(figures(root)) == len(drawn_panels(lang)) + 1  # and the diagram
    tables = [text_of(table) for table in root.iter(f"{HTML}table")]
    for panel in alone:
        assert panel.svg is None
        assert any(panel.rows[0].amount_text in table for table in tables), panel.key


@pytest.mark.parametrize("lang", ["da", "en"])
def test_pictures_are_labelled_svgs_with_a_table_beside_them(built_site: Path, lang: str) -> None:
    root = overview(built_site, lang)
    pictures = figures(root)
    assert len(pictures) == len(drawn_panels(lang)) + 1 >= 3
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


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_bar_states_the_amount_of_its_partnership_in_the_data(
    built_site: Path, lang: str
) -> None:
    formatter = fmt(lang)
    root = overview(built_site, lang)
    charts = [figure for figure in figures(root) if not list(figure.iter(f"{SVG}path"))]
    alone = {
        (row.partnership_id, row.amount_text, row.period_text)
        for panel in funding_panels(HUB, formatter)
        if panel.svg is None
        for row in panel.rows
    }
    fundings = {
        (p.id, formatter.money(f.amount, f.currency), period_text(f, formatter))
        for p in HUB.all("partnership")
        for f in p.funding
    } - alone
    drawn = set()
    for figure, layout in ((figure, layout) for figure in charts for layout in range(2)):
        table_rows = following_table(root, figure).iter(f"{HTML}tr")
        next(table_rows)  # the header
        svg = figure.findall(f"{SVG}svg")[layout]
        for bar, row in zip(svg.iter(f"{SVG}g"), table_rows, strict=True):
            href = row.find(f".//{HTML}a").get("href")  # type: ignore[union-attr]
            partnership_id = posixpath.basename(str(href)).removesuffix(".html")
            name = fmt(lang).text(HUB.get("partnership", partnership_id).name)
            assert text_of(bar).strip().startswith(name[:30])  # the bar of the table's row
            amount, period = (text_of(cell).strip() for cell in list(row)[1:3])
            assert (partnership_id, amount, period) in fundings
            # the amount drawn after the bar is the data's, with its period
            assert f"{amount} {period}" in " ".join(text_of(bar).split())
            drawn.add((partnership_id, amount, period))
    assert drawn == fundings


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


@pytest.mark.parametrize("lang", ["da", "en"])
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
    every = set(HUB.entities["partnership"])
    diagram = network(HUB, fmt(lang))
    assert diagram is not None
    if diagram.capped:  # the most connected are drawn, and the page says so
        assert (
            diagram.partnerships_drawn <= len(partnerships_linked) and partnerships_linked <= every
        )
    else:  # every partnership with two sides is a line of the diagram
        assert partnerships_linked == every


def test_names_in_the_pictures_stay_text(injected_project: InjectedProject) -> None:
    """tests/injected.py names Holbæk's partnership, municipality and branch with script."""
    html = (injected_project.site / OVERVIEW).read_text(encoding="utf-8")
    pictures = re.findall(r'<figure class="fh-picture">.*?</figure>', html, re.DOTALL)
    assert len(pictures) == len(drawn_panels("da")) + 1
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
