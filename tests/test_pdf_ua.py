"""The PDFs of `make site` are PDF/UA-1 (issue 21): pikepdf reads one PDF of each kind, from the
session's shared build, and checks what a screen reader and ISO 14289-1 need of it."""

from __future__ import annotations

import functools
import html
import itertools
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pikepdf
import pytest

from familyhub.pdf.documents import hub_pdf, page_pdf

from .conftest import PREFIX

# the shared build's PDFs are made beside the first tests of its pages: these wait for them
pytestmark = pytest.mark.usefixtures("built_pdfs")


@dataclass(frozen=True)
class Kind:
    page: str | None  # the page a PDF of its own is made of; None: the whole hub
    lang: str  # each kind in another language: every language is read at no extra cost
    tables: bool
    figures: bool

    @property
    def pdf(self) -> str:
        return hub_pdf(self.lang) if self.page is None else page_pdf(self.page, self.lang)


KINDS = {
    "whole hub": Kind(None, "da", tables=True, figures=True),
    "guide": Kind("guides/municipal-partnership.html", "en", tables=False, figures=True),
    "case": Kind("cases/familiens-hus-esbjerg.html", "nb", tables=True, figures=False),
    "requirement set": Kind("requirement_sets/hsfn-new-branch.html", "da", True, False),
}


@dataclass
class Structure:
    """What pikepdf reads from one PDF: catalog, XMP, structure tree, link annotations."""

    lang: str
    marked: bool
    shows_title: bool  # /ViewerPreferences /DisplayDocTitle: a reader shows the title, not a file
    xmp: dict[str, str]
    elements: Counter[str] = field(default_factory=Counter)  # structure types: {"/H1": 3, …}
    heading_levels: list[int] = field(default_factory=list)  # H1..H6 in reading order
    figures_alt: list[str] = field(default_factory=list)  # each /Figure's /Alt, "" for none
    headers_scope: list[str] = field(default_factory=list)  # each /TH's /Scope, "" for none
    links_without_annotation: int = 0  # /Link elements that cannot be clicked
    link_targets: list[str] = field(default_factory=list)  # each link annotation's URI or "#"
    annotations_outside_structure: int = 0  # link annotations without /StructParent
    undescribed_links: int = 0  # link annotations whose /Contents is none, or only an anchor
    languages: Counter[str] = field(default_factory=Counter)  # /Lang of elements in the text


@functools.cache
def structure_of(pdf: Path) -> Structure:
    with pikepdf.open(pdf) as document:
        root = document.Root
        with document.open_metadata() as meta:
            xmp = {key: str(meta.get(key, "")) for key in ("pdfuaid:part", "dc:title")}
        found = Structure(
            lang=str(root.Lang),
            marked=bool(root.MarkInfo.Marked),
            shows_title=bool(root.ViewerPreferences.DisplayDocTitle),
            xmp=xmp,
        )
        for page in document.pages:
            for link in page.get("/Annots", []):
                if link.get("/Subtype") == "/Link":
                    found.link_targets.append(str(link.A.URI) if "/A" in link else "#")
                    found.annotations_outside_structure += "/StructParent" not in link
                    anchor = str(link.get("/Dest", ""))
                    found.undescribed_links += str(link.get("/Contents", anchor)) == anchor
        _walk(root.StructTreeRoot, found)
        return found


def _walk(root: pikepdf.Object, found: Structure) -> None:
    pending = [root]
    while pending:
        element = pending.pop()
        kind = str(element.get("/S", ""))
        found.elements[kind] += 1
        if "/Lang" in element:
            found.languages[str(element.Lang)] += 1
        if re.fullmatch(r"/H[1-6]", kind):
            found.heading_levels.append(int(kind[2]))
        if kind == "/Figure":
            found.figures_alt.append(str(element.get("/Alt", "")))
        if kind == "/TH":
            found.headers_scope.append(str(element.A.get("/Scope", "")))
        kids = element.get("/K")
        children = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        if kind == "/Link" and not any(_is_annotation(kid) for kid in children):
            found.links_without_annotation += 1
        # reversed onto a stack: the elements are met in reading order
        pending.extend(kid for kid in reversed(children) if isinstance(kid, pikepdf.Dictionary))


def _is_annotation(kid: object) -> bool:
    return isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"


def bare(text: str) -> str:
    """text without white space and hyphens: pdftotext joins an address broken at a line's end
    without its hyphen there ("hjaelpe-/bornefamilier" -> "hjaelpebornefamilier")."""
    return re.sub(r"[\s-]", "", text)


@functools.cache
def bare_text(pdf: Path) -> str:
    return bare(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_of_pdf_is_tagged_pdf_ua(built_site: Path, name: str) -> None:
    kind = KINDS[name]
    read = structure_of(built_site / kind.pdf)
    assert read.xmp["pdfuaid:part"] == "1"
    assert read.xmp["dc:title"]
    assert read.lang == kind.lang
    assert read.marked and read.shows_title
    assert read.elements["/Document"] == 1
    levels = read.heading_levels
    assert levels[0] == 1
    # no level skipped on the way down (PDF/UA's Matterhorn 14-003): H1, H2, H3, never H1, H3
    assert [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1] == []
    assert read.elements["/H1"] >= 1 and read.elements["/H2"] >= 1
    assert read.elements["/L"] >= 1 and read.elements["/LI"] >= read.elements["/L"]
    assert (read.elements["/Table"] > 0) == kind.tables
    assert read.elements["/TH"] == len(read.headers_scope)
    assert set(read.headers_scope) <= {"/Column", "/Row"}, "a table header without /Scope"
    assert (len(read.figures_alt) > 0) == kind.figures
    # an SVG picture says its title and what it shows (the timeline: each phase)
    assert all(". " in alt for alt in read.figures_alt), read.figures_alt
    assert read.links_without_annotation == 0
    assert read.annotations_outside_structure == 0
    assert read.undescribed_links == 0
    web = ("#", "https://", "http://", "mailto:")
    assert [target for target in read.link_targets if not target.startswith(web)] == []


@pytest.mark.parametrize("name", [name for name, kind in KINDS.items() if kind.page])
def test_a_pages_pdf_opens_its_sources_and_prints_their_addresses(
    built_site: Path, name: str
) -> None:
    """Every source address the web page prints for paper can be clicked in the page's PDF."""
    kind = KINDS[name]
    web_page = (built_site / PREFIX[kind.lang] / str(kind.page)).read_text(encoding="utf-8")
    addresses = re.findall(r'class="fh-source-address"> · (http[^<\s]+)<', web_page)
    assert addresses, kind.page
    pdf = built_site / kind.pdf
    # an address with "ø" is written percent-encoded, as a URI must be
    uris = {unquote(target) for target in structure_of(pdf).link_targets}
    text = bare_text(pdf)
    for address in map(html.unescape, addresses):
        assert address in uris, f"{address} cannot be opened from {kind.pdf}"
        assert bare(address) in text, f"{address} is not printed in {kind.pdf}"


@pytest.mark.parametrize("name", [name for name, kind in KINDS.items() if kind.page])
def test_passages_in_another_language_keep_it_in_the_pdf(built_site: Path, name: str) -> None:
    """Each language the web page marks on a passage (lang="nb" on a Norwegian source's title on
    an English page, issue 21) is the /Lang of structure elements in the page's PDF."""
    kind = KINDS[name]
    web_page = (built_site / PREFIX[kind.lang] / str(kind.page)).read_text(encoding="utf-8")
    article = web_page.partition('<article class="md-content__inner')[2].partition("</article>")[0]
    marked = set(re.findall(r'<(?!html)\w+[^>]* lang="([^"]+)"', article))
    assert marked <= set(structure_of(built_site / kind.pdf).languages)
