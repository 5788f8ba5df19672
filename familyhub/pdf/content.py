"""The built site's pages as one PDF's HTML: their articles, links kept inside the PDF, a cover.

Reads only site/ as MkDocs wrote it, so a PDF shows exactly what the site shows.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.metadata
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import cssselect2
import tinyhtml5
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from familyhub.data.site_config import SiteConfig
from familyhub.i18n import Formatter
from familyhub.pages.citation import citation
from familyhub.pages.owner import owner
from familyhub.pdf.addresses import linked_addresses

TEMPLATES = PackageLoader("familyhub", "templates")
DOCUMENT_TEMPLATE = "pdf.html.j2"
STYLESHEET = "pdf.css"

# Material's page body; everything outside it (header, navigation, footer) is screen furniture.
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*)</article>', re.DOTALL)
# Screen-only parts inside the article: edit and download buttons, the ¶ of each heading.
# the web page's own citation (issue 22) too: a PDF gives its own, with the PDF's address
SCREEN_ONLY = ".md-content__button, a.headerlink, script, style, .fh-cite"
# Wrappers that only mark a part of the page for a screen tool (the search's index, issue 15):
# their contents are printed as if they stood in the article itself, sections and all.
WRAPPERS_ONLY = "[data-pagefind-body]"
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()  # noqa: SIM905
)
_NAMESPACED_ATTRIBUTES = {
    "{http://www.w3.org/1999/xlink}": "xlink:",
    "{http://www.w3.org/XML/1998/namespace}": "xml:",
}
_URL_ATTRIBUTES = ("src", "data", "poster")


class ContentError(Exception):
    """A built page is not what MkDocs writes: the PDF cannot be made from it."""


@dataclass
class SitePage:
    """One built page: where it is, and its article parsed for print."""

    path: str  # language-neutral, relative to the language's root: "cases/x.html"
    dest: str  # relative to site/: "en/cases/x.html"
    title: str
    article: ET.Element
    depth: int = 0  # 0: a chapter of the navigation; 1: a page listed by its chapter's index
    checklist: list[ChecklistItem] = field(default_factory=list)
    # the addresses of the sources the page lists, by their pages' dest: "sources/x.html" -> URL
    addresses: dict[str, str] = field(default_factory=dict)

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.path)

    @property
    def key(self) -> str:
        """The page's anchor in a PDF; its headings' ids are prefixed with it."""
        return self.path.removesuffix(".html")


@dataclass(frozen=True)
class ChecklistItem:
    anchor: str  # the item's id on its page ("" when it has none)
    text: str


def read_page(site_dir: Path, dest: str, path: str) -> SitePage:
    """The article of one built page, without screen-only parts."""
    file = site_dir / dest
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError(f"{file}: cannot read built page: {error.strerror}") from None
    # Only the article is parsed: the whole page, navigation and all, is several times longer.
    match = _ARTICLE.search(text)
    if match is None:
        raise ContentError(f"{file}: no <article class=md-content__inner> (not a Material page?)")
    root = tinyhtml5.parse(f"<article>{match[1]}</article>", namespace_html_elements=False)
    article = root.find("body/article")
    assert article is not None  # tinyhtml5 always wraps a fragment in html/body
    _remove(article, SCREEN_ONLY)
    _unwrap(article, WRAPPERS_ONLY)
    for fallback in article.iter("noscript"):
        # a PDF runs no scripts: it says what the page says to readers without JavaScript
        fallback.tag = "div"
    heading = article.find(".//h1")
    title = _text(heading) if heading is not None else posixpath.basename(path)
    addresses = linked_addresses(article, dest)
    return SitePage(path=path, dest=dest, title=title, article=article, addresses=addresses)


def checklist_items(article: ET.Element, selector: str) -> list[ChecklistItem]:
    """The article's elements matching selector, as items to tick on paper."""
    wrapper = cssselect2.ElementWrapper.from_html_root(article)
    return [
        ChecklistItem(found.etree_element.get("id", ""), _text(found.etree_element))
        for found in wrapper.query_all(selector)
    ]


def overview_links(article: ET.Element, folder: str) -> list[str]:
    """Pages of folder that an index page links to, in the order it links them."""
    found: list[str] = []
    for link in article.iter("a"):
        target = urlsplit(link.get("href", ""))
        if target.scheme or target.netloc or "/" in target.path or not target.path:
            continue
        path = posixpath.join(folder, target.path)
        if target.path.endswith(".html") and path not in found:
            found.append(path)
    return found


def _remove(root: ET.Element, selector: str) -> None:
    wrapper = cssselect2.ElementWrapper.from_html_root(root)
    doomed = [(found.parent, found) for found in wrapper.query_all(selector)]
    for parent, found in doomed:
        if parent is None:
            continue
        element = found.etree_element
        _keep_tail(parent.etree_element, element)
        parent.etree_element.remove(element)


def _unwrap(root: ET.Element, selector: str) -> None:
    """Each element matching selector replaced by its children, in place."""
    wrapper = cssselect2.ElementWrapper.from_html_root(root)
    for found in list(wrapper.query_all(selector)):
        if found.parent is None:
            continue
        parent, element = found.parent.etree_element, found.etree_element
        at = list(parent).index(element)
        _keep_tail(parent, element)
        parent.remove(element)
        for offset, child in enumerate(list(element)):
            parent.insert(at + offset, child)


def _keep_tail(parent: ET.Element, element: ET.Element) -> None:
    """Removing an element must not remove the text that follows it."""
    if not element.tail:
        return
    children = list(parent)
    index = children.index(element)
    if index == 0:
        parent.text = (parent.text or "") + element.tail
    else:
        before = children[index - 1]
        before.tail = (before.tail or "") + element.tail


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


# --- links inside one PDF --------------------------------------------------------------------


@dataclass(frozen=True)
class LinkMap:
    """Which built pages one PDF holds, so that links between them stay inside the PDF."""

    pages: dict[str, SitePage]  # by dest

    @classmethod
    def of(cls, pages: Iterable[SitePage]) -> LinkMap:
        return cls({page.dest: page for page in pages})

    def attributes(self, page: SitePage) -> Callable[[ET.Element], dict[str, str]]:
        """The attributes each element of page gets in the PDF."""

        def rewrite(element: ET.Element) -> dict[str, str]:
            attributes = {_attribute_name(name): value for name, value in element.items()}
            if "id" in attributes:
                attributes["id"] = f"{page.key}:{attributes['id']}"
            if element.tag == "a" and "href" in attributes:
                self._link(page, element, attributes)
            for name in _URL_ATTRIBUTES:
                if name in attributes:
                    attributes[name] = _from_site_root(page.dest, attributes[name])
            attributes.pop("srcset", None)  # one image is enough on paper
            return attributes

        return rewrite

    def _link(self, page: SitePage, element: ET.Element, attributes: dict[str, str]) -> None:
        href = attributes["href"]
        target = urlsplit(href)
        if target.scheme or target.netloc:
            kind = "bare-url" if _text(element) == href else "external"
            attributes["class"] = f"{attributes.get('class', '')} {kind}".strip()
            return
        dest = posixpath.normpath(posixpath.join(posixpath.dirname(page.dest), target.path))
        linked = self.pages.get(dest if target.path else page.dest)
        if linked is None and dest in page.addresses:
            # a source whose page is not in this PDF: its title opens the source itself (the
            # address is printed in the page's list of sources)
            attributes["href"] = page.addresses[dest]
            attributes["class"] = f"{attributes.get('class', '')} source".strip()
            return
        if linked is None:
            # a page that is not in this PDF: the words stay, the dead link goes
            del attributes["href"]
            return
        anchor = f"{linked.key}:{target.fragment}" if target.fragment else linked.key
        attributes["href"] = f"#{anchor}"
        attributes["class"] = f"{attributes.get('class', '')} internal".strip()


def _attribute_name(name: str) -> str:
    for namespace, prefix in _NAMESPACED_ATTRIBUTES.items():
        if name.startswith(namespace):
            return prefix + name.removeprefix(namespace)
    return name


def _from_site_root(page_dest: str, url: str) -> str:
    """A page-relative address as one relative to site/, the PDF's base URL."""
    target = urlsplit(url)
    if target.scheme == "data":
        return url
    if target.scheme or target.netloc:
        raise ContentError(f"{page_dest}: {url}: a PDF loads nothing from other hosts")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_dest), url))


# --- serialising -------------------------------------------------------------------------------


def serialize_children(
    elements: Iterable[ET.Element], attributes: Callable[[ET.Element], dict[str, str]]
) -> str:
    """HTML of elements (with their tails), every element's attributes given by attributes()."""
    parts: list[str] = []
    for element in elements:
        parts.extend(_serialize(element, attributes))
        parts.append(html.escape(element.tail or "", quote=False))
    return "".join(parts)


def _serialize(
    element: ET.Element, attributes: Callable[[ET.Element], dict[str, str]]
) -> Iterator[str]:
    if not isinstance(element.tag, str):  # a comment or processing instruction
        return
    tag = element.tag.rpartition("}")[2]  # inline SVG: the HTML parser restores its namespace
    given = attributes(element)
    if tag == "a" and "href" not in given:
        tag = "span"  # a link that goes nowhere must not be tagged as a link (PDF/UA)
    rendered = "".join(f' {name}="{html.escape(value)}"' for name, value in given.items())
    yield f"<{tag}{rendered}>"
    if tag in VOID_ELEMENTS:
        return
    yield html.escape(element.text or "", quote=False)
    for child in element:
        yield from _serialize(child, attributes)
        yield html.escape(child.tail or "", quote=False)
    yield f"</{tag}>"


# --- one PDF's HTML ----------------------------------------------------------------------------


@dataclass
class PrintPage:
    """A page as the template prints it: the part above its first section, then the rest."""

    key: str
    title: str
    depth: int
    folder: str
    lead: Markup
    body: Markup
    checklist: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Chapter:
    title: str
    pages: list[PrintPage]


@dataclass(frozen=True)
class DocumentInfo:
    """What the cover, the metadata and the running footer say about one PDF."""

    lang: str
    title: str
    site_name: str
    description: str
    built: dt.date
    cover: bool  # the whole hub: cover and contents; a single page: a one-line header
    path: str = ""  # where the PDF is, from the site's root: its citation's address


def print_pages(pages: list[SitePage]) -> list[Chapter]:
    """Pages grouped into chapters, their links pointing inside this PDF where they can."""
    links = LinkMap.of(pages)
    chapters: list[Chapter] = []
    for page in pages:
        attributes = links.attributes(page)
        children = list(page.article)
        first_section = next(
            (index for index, child in enumerate(children) if child.tag == "h2"), len(children)
        )
        printed = PrintPage(
            key=page.key,
            title=page.title,
            depth=page.depth,
            folder=page.folder,
            lead=Markup(serialize_children(children[:first_section], attributes)),
            body=Markup(serialize_children(children[first_section:], attributes)),
            checklist=[
                {"href": f"#{page.key}:{item.anchor}" if item.anchor else "", "text": item.text}
                for item in page.checklist
            ],
        )
        if page.depth == 0 or not chapters:
            chapters.append(Chapter(page.title, []))
        chapters[-1].pages.append(printed)
    return chapters


def document_html(pages: list[SitePage], info: DocumentInfo, site: SiteConfig) -> str:
    """The HTML WeasyPrint lays out: cover and contents (or a header), then every page."""
    fmt = Formatter(site.language(info.lang))
    env = Environment(loader=TEMPLATES, undefined=StrictUndefined, autoescape=True)
    return env.get_template(DOCUMENT_TEMPLATE).render(
        info=info,
        chapters=print_pages(pages),
        stylesheet=Markup(TEMPLATES.get_source(env, STYLESHEET)[0]),
        label=fmt.label,
        language_name=site.language(info.lang).name,
        built=fmt.date(info.built),
        # who answers for it, and which version of familyhub made it (issue 12)
        owner=owner(site.language(info.lang), site.default_language),
        version=importlib.metadata.version("familyhub"),
        # issue 22: how to cite this PDF, with its own address
        cite_heading=fmt.label("cite-pdf-heading"),
        cite=citation(site.language(info.lang), site.site_url, info.title, info.path, info.built),
        page_of=css_content(
            fmt.label("pdf-page-of"), {"page": "counter(page)", "pages": "counter(pages)"}
        ),
        page_ref=css_content(
            fmt.label("pdf-page-ref"), {"page": "target-counter(attr(href url), page)"}
        ),
    )


def css_content(pattern: str, values: dict[str, str]) -> Markup:
    """A label such as "Page {page} of {pages}" as a CSS `content` value with counters in it."""
    parts = []
    for index, piece in enumerate(re.split(r"\{(\w+)\}", pattern)):
        if index % 2:
            parts.append(values[piece])
        elif piece:
            parts.append(css_string(piece))
    return Markup(" ".join(parts))


def css_string(text: str) -> str:
    """text as a quoted CSS string that can end neither the string nor the <style> element."""
    escaped = "".join(
        f"\\{ord(char):X} " if char in '\\"<>' or ord(char) < 32 else char for char in text
    )
    return f'"{escaped}"'
