"""The PDF step's parts on small built pages: links, images, refusals, warnings, safe writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from pypdf import PdfReader

from familyhub.data.load import load_site_config
from familyhub.pdf.content import DocumentInfo, SitePage, css_string, document_html, read_page
from familyhub.pdf.documents import PdfError, downloads, label_problems, make_pdf
from familyhub.pdf.weasy import Rendered, render, site_only_fetcher, write_pdf

from .conftest import ROOT

SITE = load_site_config(ROOT / "data")
INFO = DocumentInfo("en", "A page", "familyhub", "About", dt.date(2026, 1, 2), cover=False)
PAGE = (
    '<!doctype html><html lang="en"><head><title>x</title></head><body><nav>menu</nav>'
    '<article class="md-content__inner md-typeset">{}</article></body></html>'
)


def built_page(site: Path, dest: str, article: str) -> SitePage:
    """A page as Material writes it (menu and all), read back as the PDF step reads it."""
    (site / dest).parent.mkdir(parents=True, exist_ok=True)
    (site / dest).write_text(PAGE.format(article), encoding="utf-8")
    return read_page(site, dest, dest)


def test_links_between_pages_stay_inside_the_pdf(tmp_path: Path) -> None:
    first = built_page(
        tmp_path,
        "cases/a.html",
        '<h1 id="a">A<a class="headerlink" href="#a">¶</a></h1>'
        '<p><a href="b.html#part">to b</a>, <a href="../gone.html">gone</a>, '
        '<a href="https://example.org/x">out</a></p>',
    )
    second = built_page(tmp_path, "cases/b.html", '<h1>B</h1><h2 id="part">Part</h2>')
    html = document_html([first, second], INFO, SITE)
    assert '<a href="#cases/b:part" class="internal">to b</a>' in html
    assert 'id="cases/b:part"' in html
    # a page outside this PDF: the words stay, the dead link goes (and is tagged as no link)
    assert "<span>gone</span>" in html
    assert 'href="https://example.org/x" class="external"' in html
    assert "menu" not in html and "¶" not in html


def test_images_and_svg_are_in_the_pdf(tmp_path: Path) -> None:
    Image.new("RGB", (40, 20), "red").save(tmp_path / "photo.png")
    (tmp_path / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30">'
        '<rect width="60" height="30" fill="blue"/></svg>'
    )
    page = built_page(
        tmp_path,
        "models/m.html",
        '<h1>M</h1><p><img src="../photo.png" alt="photo"> <img src="../chart.svg" alt="chart">'
        '</p><svg width="50" height="50"><title>Circle</title><desc>A green one.</desc>'
        '<circle cx="25" cy="25" r="20" fill="green"/></svg>',
    )
    rendered = render(document_html([page], INFO, SITE), tmp_path)
    assert rendered.warnings == []
    replaced = [
        box
        for box in rendered.document.pages[0]._page_box.descendants()
        if type(box).__name__ in {"InlineReplacedBox", "BlockReplacedBox"} and box.width > 0
    ]
    assert len(replaced) == 3
    write_pdf(rendered, tmp_path / "m.pdf")
    resources = PdfReader(tmp_path / "m.pdf").pages[0]["/Resources"]
    subtypes = {x.get_object()["/Subtype"] for x in resources["/XObject"].values()}
    assert "/Image" in subtypes
    with pikepdf.open(tmp_path / "m.pdf") as pdf:
        alts = [str(e.Alt) for e in structure_elements(pdf) if e.S == "/Figure"]
    assert alts == ["photo", "chart", "Circle. A green one"]  # as a screen reader reads the web


def test_a_table_row_never_breaks_across_pages(tmp_path: Path) -> None:
    rows = "".join(
        f"<tr><td>row {number}</td><td>{'a few words that wrap onto more lines ' * 12}</td></tr>"
        for number in range(40)
    )
    page = built_page(
        tmp_path,
        "cases/t.html",
        f"<h1>T</h1><table><thead><tr><th>A</th><th>B</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>",
    )
    rendered = render(document_html([page], INFO, SITE), tmp_path)
    pages_of_row: dict[int, set[int]] = {}
    headers_on = set()
    for number, laid_out in enumerate(rendered.document.pages):
        for box in laid_out._page_box.descendants():
            if type(box).__name__ == "TableRowBox":
                if box.element.find("th") is not None:
                    headers_on.add(number)
                else:
                    pages_of_row.setdefault(id(box.element), set()).add(number)
    assert len(rendered.document.pages) > 2
    assert len(pages_of_row) == 40
    assert all(len(pages) == 1 for pages in pages_of_row.values())
    assert headers_on == set(range(len(rendered.document.pages)))  # the header repeats


def test_an_image_from_another_host_stops_the_pdf_naming_the_page(tmp_path: Path) -> None:
    page = built_page(tmp_path, "about.html", '<h1>A</h1><img src="https://example.org/t.png">')
    with pytest.raises(PdfError, match=r"pdf/about\.pdf: about\.html: https://example\.org/t"):
        make_pdf(tmp_path, "pdf/about.pdf", [page], INFO, SITE)
    assert not (tmp_path / "pdf" / "about.pdf").exists()


def test_fetcher_loads_files_of_the_site_only(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "ok.css").write_text("p {}")
    (tmp_path / "secret.txt").write_text("no")
    fetcher = site_only_fetcher(site)
    fetcher.fetch((site / "ok.css").as_uri()).close()
    for url in (
        "https://example.org/font.woff2",
        "http://127.0.0.1/x",
        (tmp_path / "secret.txt").as_uri(),
    ):
        with pytest.raises(ValueError, match="refusing to load"):
            fetcher.fetch(url)


def test_text_running_off_the_page_fails_the_pdf(tmp_path: Path) -> None:
    long_word = "Kommune" * 60
    page = built_page(
        tmp_path,
        "cases/c.html",
        f"<h1>C</h1><table><tr><td>{long_word}</td><td>x</td></tr></table>",
    )
    with pytest.raises(PdfError, match=r"(?s)pdf/c\.pdf: .*page 1: text runs off the page"):
        make_pdf(tmp_path, "pdf/c.pdf", [page], INFO, SITE)
    assert not (tmp_path / "pdf" / "c.pdf").exists()


def test_weasyprint_warnings_fail_the_pdf(tmp_path: Path) -> None:
    page = built_page(tmp_path, "cases/d.html", '<h1>D</h1><p style="colour: red">text</p>')
    with pytest.raises(PdfError, match=r"(?s)pdf/d\.pdf: problems in the layout.*colour"):
        make_pdf(tmp_path, "pdf/d.pdf", [page], INFO, SITE)


def test_a_good_page_renders_without_warnings(tmp_path: Path) -> None:
    page = built_page(tmp_path, "cases/e.html", "<h1>E</h1><p>" + "word " * 2000 + "</p>")
    built = make_pdf(tmp_path, "pdf/e.pdf", [page], INFO, SITE)
    assert built.pages >= 2
    assert PdfReader(built.path).metadata.title == "A page"  # type: ignore[union-attr]


class BrokenDocument:
    """Writes half a PDF, then fails, as a full disk would."""

    def write_pdf(self, target: str, **_: object) -> None:
        Path(target).write_bytes(b"%PDF-1.7 half")
        raise OSError("No space left on device")


def test_a_failed_write_leaves_the_previous_pdf_and_no_half_file(tmp_path: Path) -> None:
    target = tmp_path / "pdf" / "hub.pdf"
    target.parent.mkdir()
    target.write_bytes(b"previous")
    with pytest.raises(OSError, match="No space"):
        write_pdf(Rendered(BrokenDocument(), []), target)
    assert target.read_bytes() == b"previous"
    assert [path.name for path in target.parent.iterdir()] == ["hub.pdf"]


def test_labels_cannot_break_out_of_their_css_string() -> None:
    quoted = css_string('Side "1" \\ </style><script>')
    assert quoted.startswith('"') and quoted.endswith('"')
    inner = quoted[1:-1]
    assert '"' not in inner.replace("\\22 ", "") and "<" not in inner


def test_each_page_offers_its_own_pdf_and_the_whole_hub_in_its_language() -> None:
    nav = ["index.html", "guides/index.html", "guides/plan.html", "cases/index.html", "about.html"]

    def offered(dest: str) -> list[str]:
        return [download.href for download in downloads(dest, SITE, nav)]

    assert offered("en/cases/x.html") == ["pdf/cases/x-en.pdf", "pdf/familyhub-en.pdf"]
    assert offered("requirement_sets/y.html") == [
        "pdf/requirement_sets/y-da.pdf",
        "pdf/familyhub-da.pdf",
    ]
    assert offered("guides/new-branch-norway.html") == [
        "pdf/guides/new-branch-norway-da.pdf",
        "pdf/familyhub-da.pdf",
    ]
    assert offered("cases/index.html") == ["pdf/familyhub-da.pdf"]
    assert offered("guides/plan.html") == ["pdf/familyhub-da.pdf"]  # a chapter, not an entity
    assert offered("en/about.html") == ["pdf/familyhub-en.pdf"]
    assert offered("organisations/z.html") == ["pdf/familyhub-da.pdf"]
    assert downloads("en/index.html", SITE, nav)[0].label == "Download all of familyhub as PDF"


def test_a_label_with_an_unknown_placeholder_is_named() -> None:
    english = SITE.language("en")
    labels = {**english.labels, "pdf-page-of": "Page {page} of {total}"}
    broken = SITE.model_copy(
        update={"languages": [SITE.language("da"), english.model_copy(update={"labels": labels})]}
    )
    assert label_problems(SITE) == []
    assert label_problems(broken) == [
        "data/site.yml: en: label 'pdf-page-of': unknown placeholder {total} "
        "(it may hold ['page', 'pages'])"
    ]


def text_of_pdf(pdf: Path) -> str:
    return " ".join("".join(page.extract_text() for page in PdfReader(pdf).pages).split())


def structure_elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every structure element of a tagged PDF, in reading order."""
    found: list[pikepdf.Dictionary] = []
    pending = list(pdf.Root.StructTreeRoot.K)
    while pending:
        element = pending.pop(0)
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            found.append(element)
            kids = element.get("/K")
            pending[:0] = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return found


def test_sources_open_from_the_pdf_and_keep_their_language(tmp_path: Path) -> None:
    """A page's PDF holds no source pages: a source's title opens the source itself, its printed
    address is a link too, and a title in another language than the PDF's is tagged so."""
    source = '<a href="../sources/s.html" lang="nb">Frivillighet Norge: Om oss</a>'
    page = built_page(
        tmp_path,
        "cases/l.html",
        "<h1>L</h1><table><thead><tr><th>A</th><th>B</th></tr></thead>"
        f'<tbody><tr><th scope="row">1</th><td>{source}</td></tr></tbody></table>'
        f'<h2 id="sources">Sources</h2><ul><li>{source}'
        '<span class="fh-source-address"> · https://example.org/om</span></li></ul>',
    )
    built = make_pdf(tmp_path, "pdf/l.pdf", [page], INFO, SITE)
    with pikepdf.open(built.path) as pdf:
        assert pdf.Root.Lang == "en"
        elements = structure_elements(pdf)
        links = [link for link in pdf.pages[0].Annots if link.Subtype == "/Link"]
        uris = [str(link.A.URI) for link in links]
        descriptions = [str(link.Contents) for link in links]
    assert uris == ["https://example.org/om"] * 3  # the table's title, the list's, the address
    title = "Frivillighet Norge: Om oss"
    assert descriptions == [title, title, "https://example.org/om"]
    tagged = [element for element in elements if element.S == "/Link"]
    assert [str(link.get("/Lang")) for link in tagged] == ["nb", "nb", "None"]
    assert not [element for element in elements if "/Lang" in element and element not in tagged]
    scopes = [str(element.A.Scope) for element in elements if element.S == "/TH"]
    assert scopes == ["/Column", "/Column", "/Row"]
    assert "Om oss · https://example.org/om" in text_of_pdf(built.path)


@pytest.mark.parametrize(
    ("picture", "named"),
    [('<img src="../photo.png">', r"photo\.png.*alt"), ('<svg width="9"></svg>', "SVG.*alt")],
)
def test_a_picture_without_alternative_text_stops_the_pdf(
    tmp_path: Path, picture: str, named: str
) -> None:
    Image.new("RGB", (4, 4), "red").save(tmp_path / "photo.png")
    page = built_page(tmp_path, "cases/f.html", f"<h1>F</h1>{picture}")
    with pytest.raises(PdfError, match=rf"pdf/f\.pdf: not accessible.*{named}"):
        make_pdf(tmp_path, "pdf/f.pdf", [page], INFO, SITE)
    assert not (tmp_path / "pdf" / "f.pdf").exists()
