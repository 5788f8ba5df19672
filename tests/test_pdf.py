"""The PDFs of `make site`, read back from the files: pages, outline, links, language, figures."""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest

from familyhub.data.kinds import FOLDER_OF_KIND
from familyhub.i18n import Formatter
from familyhub.pdf.documents import PAGE_KINDS, hub_pdf, page_kind, page_pdf, read_layout
from familyhub.site.build import build_site

from .conftest import PREFIX, ROOT, default_language_only, language_pages, run_mkdocs_build
from .real_data import HUB
from .test_site import KEY_FIGURES

# the shared build's PDFs are made beside the first tests of its pages: these wait for them
pytestmark = pytest.mark.usefixtures("built_pdfs")

LANGUAGES = PREFIX  # language -> folder of its pages in site/
KIND_OF_FOLDER = {folder: kind for kind, folder in FOLDER_OF_KIND.items()}
LAYOUT = read_layout(ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def pdf_site(built_site: Path) -> Path:
    """The session's real `make site`, PDFs and all (conftest.py builds it once)."""
    return built_site


@functools.cache
def text_of(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The PDF's text as pdftotext reads it, every run of white space made one space."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    result = subprocess.run(
        ["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.replace("\u00a0", " ").split())


def days_of_the_build(site: Path) -> list[dt.date]:
    """The days a build ran on, from its own files: `make site` takes the PDFs' date after the
    pages are written and before the PDFs are (one day, or two if it ran across midnight)."""
    first = dt.date.fromtimestamp(min(page.stat().st_mtime for page in site.glob("*.html")))
    last = dt.date.fromtimestamp(max(pdf.stat().st_mtime for pdf in (site / "pdf").glob("*.pdf")))
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def built_on(fmt: Formatter, day: dt.date) -> str:
    return fmt.label("pdf-built").format(date=fmt.date(day))


@functools.cache
def reader_of(pdf: Path) -> pikepdf.Pdf:
    """The PDF opened with qpdf (pikepdf): pypdf took 6 s to find the pages of a whole-hub PDF,
    parsing its 89,000 structure elements in Python first."""
    return pikepdf.open(pdf)


def layout_lines(pdf: Path, first: int, last: int) -> list[str]:
    result = subprocess.run(
        ["pdftotext", "-layout", "-f", str(first), "-l", str(last), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [" ".join(line.split()) for line in result.stdout.splitlines() if line.strip()]


@functools.cache
def outline_of(pdf: Path) -> list[tuple[int, str, int]]:
    """(level, title, page number) of every bookmark, in order."""
    reader = reader_of(pdf)
    numbers = {page.objgen: number for number, page in enumerate(reader.pages, start=1)}
    found: list[tuple[int, str, int]] = []

    def walk(items: list[pikepdf.OutlineItem], level: int) -> None:
        for item in items:
            destination = item.destination
            assert isinstance(destination, pikepdf.Array), item.title  # a page, not a name
            found.append((level, str(item.title), numbers[destination[0].objgen]))
            walk(item.children, level + 1)

    with reader.open_outline() as outline:
        walk(outline.root, 1)
    return found


def built_title(site: Path, dest: str) -> str:
    page = (site / dest).read_text(encoding="utf-8")
    match = re.search(r"<h1[^>]*>(.*?)<", page, re.DOTALL)
    assert match, dest
    return " ".join(re.sub(r"<[^>]+>", "", match[1]).split()).replace("&amp;", "&")


def registered_pages() -> list[tuple[str, str]]:
    return [
        (kind.folder, entity_id)
        for kind in PAGE_KINDS
        for entity_id in HUB.entities[KIND_OF_FOLDER[kind.folder]]
    ]


def test_make_site_writes_every_pdf_and_nothing_half_written(pdf_site: Path) -> None:
    expected = {hub_pdf(lang) for lang in LANGUAGES} | {
        page_pdf(f"{folder}/{entity_id}.html", lang)
        for folder, entity_id in registered_pages()
        for lang in LANGUAGES
    }
    written = {str(path.relative_to(pdf_site)) for path in (pdf_site / "pdf").rglob("*")}
    written -= {str(path.relative_to(pdf_site)) for path in (pdf_site / "pdf").rglob("*/")}
    assert written == expected
    assert "pdf/requirement_sets/hsfn-new-branch-en.pdf" in written


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cover_names_the_language_and_the_day_of_the_build(pdf_site: Path, lang: str) -> None:
    fmt = Formatter(HUB.site.language(lang))
    cover = text_of(pdf_site / hub_pdf(lang), 1, 1)
    assert "familyhub" in cover
    assert f"{fmt.label('language')}: {HUB.site.language(lang).name}" in cover
    # the day the build made it (its own clock), not the day this test runs: no midnight bomb
    days = days_of_the_build(pdf_site)
    assert len([day for day in days if built_on(fmt, day) in cover]) == 1, days


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_are_numbered_in_the_language_of_the_pdf(pdf_site: Path, lang: str) -> None:
    pdf = pdf_site / hub_pdf(lang)
    pages = len(reader_of(pdf).pages)
    numbered = Formatter(HUB.site.language(lang)).label("pdf-page-of").format(page=3, pages=pages)
    assert numbered in text_of(pdf, 3, 3)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_metadata_has_title_and_language(pdf_site: Path, lang: str) -> None:
    reader = reader_of(pdf_site / hub_pdf(lang))
    assert str(reader.docinfo["/Title"]) == "familyhub"
    assert str(reader.Root.Lang) == lang
    case = pikepdf.open(pdf_site / page_pdf("cases/familiens-hus-esbjerg.html", lang))
    title = built_title(pdf_site, f"{LANGUAGES[lang]}cases/familiens-hus-esbjerg.html")
    assert str(case.docinfo["/Title"]) == title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_outline_holds_every_page_in_navigation_order(pdf_site: Path, lang: str) -> None:
    """Chapters at the top level in nav order; each overview's pages under it, as it lists them."""
    prefix = LANGUAGES[lang]
    reader = reader_of(pdf_site / hub_pdf(lang))
    bookmarks = outline_of(pdf_site / hub_pdf(lang))
    chapters = [title for level, title, _ in bookmarks if level == 1][1:]  # after the contents
    assert chapters == [built_title(pdf_site, prefix + path) for path in LAYOUT.nav]
    partnerships = [entity.id for entity in HUB.all("partnership")]
    chapter = LAYOUT.nav.index("partnerships/index.html")
    start = next(i for i, b in enumerate(bookmarks) if b[1] == chapters[chapter])
    under = [title for level, title, _ in bookmarks[start + 1 :] if level <= 2]
    under = under[: under.index(chapters[chapter + 1])]
    expected = [built_title(pdf_site, f"{prefix}partnerships/{i}.html") for i in partnerships]
    # and the overview's own sections (the pictures' headings are not printed)
    overview = (pdf_site / f"{prefix}partnerships/index.html").read_text(encoding="utf-8")
    # the web page's suggested citation is the page's, not a section (a PDF gives its own)
    overview = overview.split('<aside class="fh-cite"')[0]
    expected += [" ".join(h.split()) for h in re.findall(r'<h2 id="[^"]+">([^<]*)', overview)]
    assert sorted(under) == sorted(expected)
    starts = [page for _, _, page in bookmarks]
    assert starts == sorted(starts)  # the outline follows the pages
    assert len(reader.pages) >= starts[-1] > 2 + len(chapters)  # cover, contents, chapters


@pytest.mark.parametrize("lang", LANGUAGES)
def test_outline_has_the_sections_of_each_page(pdf_site: Path, lang: str) -> None:
    bookmarks = outline_of(pdf_site / hub_pdf(lang))
    title = built_title(pdf_site, f"{LANGUAGES[lang]}requirement_sets/hsfn-new-branch.html")
    index = next(i for i, (_, text, _) in enumerate(bookmarks) if text == title)
    level = bookmarks[index][0]
    sections = []
    for section_level, section, _ in bookmarks[index + 1 :]:
        if section_level <= level:
            break
        sections.append(section)
    fmt = Formatter(HUB.site.language(lang))
    assert sections[:2] == [fmt.label("pdf-checklist"), fmt.label("requirements")]
    assert fmt.label("sources") in sections


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contents_page_numbers_are_where_the_chapters_start(pdf_site: Path, lang: str) -> None:
    pdf = pdf_site / hub_pdf(lang)
    bookmarks = outline_of(pdf)
    contents_end = next(page for level, _, page in bookmarks[1:] if level == 1) - 1
    lines = layout_lines(pdf, 2, contents_end)
    for level, title, page in bookmarks[1:]:
        if level == 1:
            line = next(line for line in lines if line.startswith(title))
            assert re.fullmatch(rf"{re.escape(title)} ?\.+ ?{page}", line), line


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_jump_inside_the_pdf(pdf_site: Path, lang: str) -> None:
    reader = reader_of(pdf_site / hub_pdf(lang))
    internal, addresses = 0, []
    for page in reader.pages:
        for link in page.obj.get("/Annots", []):
            if link.get("/Subtype") != "/Link":
                continue
            if "/Dest" in link:
                internal += 1
            elif "/A" in link and "/URI" in link["/A"]:
                addresses.append(str(link["/A"]["/URI"]))
    assert internal > HUB.count()  # the contents alone link every page
    # links to the site's files would point into the build's temporary folder (the publisher's
    # e-mail address, issue 12, is no file)
    web = ("http://", "https://", "mailto:")
    assert not [uri for uri in addresses if not uri.startswith(web)]


@pytest.mark.parametrize("seed", KEY_FIGURES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_key_figures_of_every_seed_are_in_the_pdfs_of_their_language(
    pdf_site: Path, seed: str, lang: str
) -> None:
    page, figures = KEY_FIGURES[seed]
    texts = {hub_pdf(lang): text_of(pdf_site / hub_pdf(lang))}
    # a page of a kind that has PDFs of its own must have its own (a missing one fails here)
    if tuple(page.split("/")) in registered_pages():
        texts[page_pdf(f"{page}.html", lang)] = text_of(pdf_site / page_pdf(f"{page}.html", lang))
    for name, text in texts.items():
        for figure in figures[lang]:
            assert figure in text, f"{figure!r} missing in {name}"
        # every other language's way of writing the figures stays out
        for other in LANGUAGES:
            for figure in set(figures[other]) - set(figures[lang]):
                assert figure not in text, f"{figure!r} ({other}) found in {name}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fonts_are_embedded(pdf_site: Path, lang: str) -> None:
    """Every font of every page (poppler's pdffonts reads the whole document, quickly)."""
    listing = subprocess.run(
        ["pdffonts", str(pdf_site / hub_pdf(lang))], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert listing[1].startswith("---")
    fonts = [line.split() for line in listing[2:]]
    # the columns at the end of each line: emb, sub, uni, object number, generation
    assert [font[0] for font in fonts if font[-5] != "yes"] == []
    assert len(fonts) >= 3  # DejaVu Sans, its bold and its oblique at least


@pytest.mark.parametrize("lang", LANGUAGES)
def test_requirement_set_prints_as_a_checklist_with_owner_and_date(
    pdf_site: Path, lang: str
) -> None:
    fmt = Formatter(HUB.site.language(lang))
    requirement_set = HUB.get("requirement_set", "hsfn-new-branch")
    text = text_of(pdf_site / page_pdf("requirement_sets/hsfn-new-branch.html", lang))
    columns = ("pdf-checklist-done", "item", "responsible", "date")
    header = " ".join(fmt.label(column) for column in columns)
    assert header in text
    checklist = text[text.index(header) :]
    page_ref = fmt.label("pdf-page-ref").format(page=2)
    for requirement in requirement_set.requirements:
        title = " ".join(requirement.title[lang].split())
        assert title in checklist
    assert f"({page_ref})" in checklist
    assert fmt.label("pdf-contents") not in text  # one page's PDF has no contents


class DownloadLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        href = attributes.get("href") or ""
        # the PDFs; the tables' CSV and XLSX downloads are tests/test_downloads.py's
        if tag == "a" and "download" in attributes and href.endswith(".pdf"):
            self.hrefs.append(href)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_its_pdfs_and_the_links_resolve(pdf_site: Path, lang: str) -> None:
    root = pdf_site / LANGUAGES[lang]
    pages = [page for page in language_pages(pdf_site, lang) if page.name != "404.html"]
    assert len(pages) > HUB.count()
    for page in pages:
        parser = DownloadLinks()
        parser.feed(page.read_text(encoding="utf-8"))
        targets = [(page.parent / href).resolve() for href in parser.hrefs]
        assert (pdf_site / hub_pdf(lang)).resolve() in targets, page
        path = str(page.relative_to(root))
        own = (pdf_site / page_pdf(path, lang)).resolve()
        assert (own in targets) == (page_kind(path, LAYOUT.nav) is not None), page
        for target in targets:
            assert target.is_file(), f"{page}: {target} missing"
            assert target.name.endswith(f"-{lang}.pdf")


def test_failed_pdf_fails_the_build_and_keeps_the_previous_site(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PDF may load nothing from another host: an image from one stops `make site`."""
    monkeypatch.delenv("FAMILYHUB_DATA", raising=False)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    default_language_only(project)
    for page in ("about.md",):
        with (project / "docs" / page).open("a", encoding="utf-8") as markdown:
            markdown.write("\n![logo](https://example.org/logo.png)\n")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    assert build_site(site, project / "mkdocs.yml") == 1
    error = capsys.readouterr().err
    assert "PDF failed: pdf/familyhub-" in error
    assert "https://example.org/logo.png" in error
    assert "Traceback" not in error
    assert (site / "index.html").read_text() == "previous site"
    assert not list(project.glob(".site-*"))


def test_a_missing_pdf_label_stops_the_build_with_a_message(project: Path) -> None:
    site_yml = project / "data" / "site.yml"
    lines = site_yml.read_text(encoding="utf-8").splitlines(keepends=True)
    site_yml.write_text("".join(line for line in lines if "pdf-contents:" not in line))
    result = run_mkdocs_build(project)
    assert result.returncode != 0
    assert "data/site.yml: da: label 'pdf-contents' missing" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("guide", sorted(HUB.entities["guide"]))
def test_a_guide_prints_as_a_form_with_every_item(pdf_site: Path, lang: str, guide: str) -> None:
    """Every item of the guide's page, under headings with columns for who and when."""
    page = (pdf_site / LANGUAGES[lang] / "guides" / f"{guide}.html").read_text(encoding="utf-8")
    items = [" ".join(item.split()) for item in re.findall(r"<label for=\"fh-[^>]*>(.*?)</", page)]
    assert items
    text = text_of(pdf_site / page_pdf(f"guides/{guide}.html", lang))

    # pdftotext joins a word broken at a line's end hyphen, hyphen and space gone: compare without
    def bare(words: str) -> str:
        return re.sub(r"[\s-]", "", words)

    for item in items:
        assert bare(html.unescape(item)) in bare(text), item
    fmt = Formatter(HUB.site.language(lang))
    header = f"{fmt.label('item')} {fmt.label('responsible')} {fmt.label('date')}"
    pdf = pdf_site / page_pdf(f"guides/{guide}.html", lang)
    headers = [line for line in layout_lines(pdf, 1, len(reader_of(pdf).pages)) if line == header]
    assert len(headers) == len(HUB.get("guide", guide).phases)
