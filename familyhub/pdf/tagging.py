"""What WeasyPrint's PDF/UA tags leave out, added while it writes them (issue 21).

WeasyPrint 70 (pinned) tags headings, lists, tables, figures and links, but it ignores `lang`
inside the document (a Norwegian source title on a Danish page is read in the Danish voice) and
writes no /Scope on table headers (its issue #2508). Each structure element is made from one
layout box in `weasyprint.pdf.tags._build_box_tree`; while a PDF is written, a wrapper around it
gives the element of each box its element's language and, for a header cell, its scope. A
picture drawn in SVG is described by its title and its description, as a screen reader reads it
on the web page (WeasyPrint takes the title only), and one with neither stops the PDF. A link's
annotation is described by the link's words (PDF/UA 7.18.5), not by its anchor's name.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# the elements of the document itself: their language is the catalog's /Lang
_DOCUMENT_TAGS = frozenset({"html", "body"})
_SVG = "{http://www.w3.org/2000/svg}"


@contextmanager
def structure_completed() -> Iterator[None]:
    """While the block runs, WeasyPrint's structure elements get /Lang and /Scope."""
    import pydyf
    from weasyprint.pdf import tags

    original = tags._build_box_tree

    def build_box_tree(box: Any, *args: Any) -> Iterator[Any]:
        for element in original(box, *args):
            if _made_from(element, box):
                _complete(element, box, pydyf)
            yield element

    tags._build_box_tree = build_box_tree
    references = pydyf.PDF.page_references
    pydyf.PDF.page_references = property(_counted_once(references.fget))
    try:
        yield
    finally:
        tags._build_box_tree = original
        pydyf.PDF.page_references = references


def _counted_once(page_references: Any) -> Any:
    """pydyf's page_references, made again only when a page is added. WeasyPrint asks for the
    tuple of every page's reference once per structure element: for the whole hub's 433 pages
    and 77,000 elements, 5 of its 56 s went into making the same tuple again."""

    def cached(pdf: Any) -> Any:
        pages = len(pdf.pages["Kids"])
        made = pdf.__dict__.get("_familyhub_page_references")
        if made is None or made[0] != pages:
            made = pdf.__dict__["_familyhub_page_references"] = (pages, page_references(pdf))
        return made[1]

    return cached


def _made_from(element: Any, box: Any) -> bool:
    """Whether element is the box's own: html and body pass their children's elements up."""
    if getattr(box, "element", None) is None:
        return False
    return getattr(box, "element_tag", None) not in _DOCUMENT_TAGS


def _complete(element: Any, box: Any, pydyf: Any) -> None:
    lang = box.element.get("lang")
    if lang:
        element["Lang"] = pydyf.String(lang)
    if str(element["S"]) == "/TH":
        row = box.element.get("scope") == "row"
        element["A"]["Scope"] = "/Row" if row else "/Column"
    if str(element["S"]) == "/Figure" and box.element.tag == f"{_SVG}svg":
        _describe_picture(element, box.element, pydyf)
    annotation = getattr(box, "link_annotation", None)
    # a link's description is its words (WeasyPrint gives the address or the anchor's name); a
    # link whose words hold a passage in another language (<span lang>) has its annotation on
    # that passage's box: the passage's words then, where nothing better was given
    if (
        annotation is not None
        and _words(box.element)
        and (box.element.tag == "a" or not _described(annotation))
    ):
        annotation["Contents"] = pydyf.String(_words(box.element))


def _described(annotation: Any) -> bool:
    """Whether a link annotation says more than where it goes (its target is WeasyPrint's)."""

    def text(value: Any) -> Any:
        return getattr(value, "string", value)

    contents = text(annotation.get("Contents"))
    action = annotation.get("A")
    targets = {
        text(annotation.get("Dest")),
        text(action.get("URI")) if action is not None else None,
    }
    return contents is not None and contents not in targets


def _words(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _describe_picture(element: Any, svg: Any, pydyf: Any) -> None:
    words = [
        _words(part)
        for part in (svg.find(f"{_SVG}title"), svg.find(f"{_SVG}desc"))
        if part is not None
    ]
    text = ". ".join(word.rstrip(".") for word in words if word)
    if text:
        element["Alt"] = pydyf.String(text)
    else:  # WeasyPrint's own error for a picture without alt text, which fails the PDF
        logging.getLogger("weasyprint").error("An SVG picture has no title: no alt text")
