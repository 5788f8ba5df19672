"""A real strict build of the real data: both languages, every entity, links, no other hosts."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pyld import jsonld

from familyhub.data.kinds import FOLDER_OF_KIND
from familyhub.pages.render import display_name
from familyhub.site.head import entity_description

from .conftest import EDITOR_FOLDER, PREFIX, language_pages
from .page_count import pages_in_all_languages
from .real_data import HUB

REPO_URL = "https://github.com/familyhub/familyhub"  # mkdocs.yml
# every script a page loads (Material's bundle without its hash)
PAGE_SCRIPTS = {
    "bundle.min.js",
    "familyhub-checklist.js",
    "familyhub-menu.js",
    "familyhub-plan.js",
    "familyhub-search.js",
    "scroll-focus.js",
    "table-download.js",
    "table-filter.js",
}

LANGUAGES = PREFIX  # language -> folder of its pages in site/
HAND_WRITTEN = ["index", "about", "contribute", "accessibility"]


class LinkCollector(HTMLParser):
    """Collects (tag, attribute, value) for every URL-bearing attribute, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []
        self.resources: list[tuple[str, str]] = []  # (tag, url) that a browser loads
        self.alternates: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("href", "src", "srcset", "data", "poster", "action"):
            if attributes.get(name):
                self.urls.append((tag, name, attributes[name] or ""))
        rel = set((attributes.get("rel") or "").split())
        loads = tag in ("script", "img", "source", "iframe", "video", "audio", "embed", "object")
        if tag == "link" and rel & {
            "stylesheet",
            "icon",
            "preload",
            "prefetch",
            "modulepreload",
            "manifest",
        }:
            loads = True
        url = attributes.get("src") or attributes.get("href") or attributes.get("data")
        if loads and url:
            self.resources.append((tag, url))
        if tag == "a" and "md-select__link" in (attributes.get("class") or ""):
            self.alternates[attributes.get("hreflang") or ""] = attributes.get("href") or ""


def parse(path: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def entity_pages() -> list[tuple[str, str]]:
    return [
        (FOLDER_OF_KIND[kind], entity_id)
        for kind, by_id in HUB.entities.items()
        for entity_id in by_id
    ]


def test_every_page_exists_in_every_language_in_that_language(built_site: Path) -> None:
    expected = {f"{folder}/{entity_id}.html" for folder, entity_id in entity_pages()}
    expected |= {f"{folder}/index.html" for folder in FOLDER_OF_KIND.values()}
    expected |= {f"{page}.html" for page in HAND_WRITTEN}
    for prefix in LANGUAGES.values():
        built = {
            str(path.relative_to(built_site / prefix))
            if prefix
            else str(path.relative_to(built_site))
            for path in (built_site / prefix).rglob("*.html")
        }
        missing = expected - built
        assert not missing, f"missing in /{prefix}: {sorted(missing)[:5]}"
    for lang in LANGUAGES:
        for page in language_pages(built_site, lang):
            assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8")[:300], page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_overview_links_every_entity(built_site: Path, lang: str) -> None:
    for kind, by_id in HUB.entities.items():
        folder = FOLDER_OF_KIND[kind]
        overview = built_site / LANGUAGES[lang] / folder / "index.html"
        hrefs = {url for tag, _, url in parse(overview).urls if tag == "a"}
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", overview.read_text())).split())
        for entity_id, entity in by_id.items():
            assert f"{entity_id}.html" in hrefs, f"{overview} does not link {entity_id}"
            name = " ".join(display_name(entity, lang).split())
            assert name in text, f"{overview} does not name {entity_id} in full: {name!r}"


def test_language_switch_points_to_the_same_page(built_site: Path) -> None:
    """On every page of every language, the switch lists every language and leads each to the
    same page in that language."""
    default = next(code for code, prefix in PREFIX.items() if not prefix)
    pages = language_pages(built_site, default)
    assert len(pages) > 50
    for page in pages:
        if page.name == "404.html":
            continue  # not a page of any tree: the host serves it for any missing address
        relative = page.relative_to(built_site)
        versions = {lang: built_site / PREFIX[lang] / relative for lang in PREFIX}
        for version in versions.values():
            alternates = parse(version).alternates
            assert set(alternates) == set(PREFIX), version
            for lang, href in alternates.items():
                assert (version.parent / href).resolve() == versions[lang].resolve(), version


# the partnerships overview's heading, as data/site.yml's labels write it in each language
OVERVIEW_HEADING = {"da": "Partnerskaber", "en": "Partnerships", "nb": "Partnerskap"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_are_in_their_language(built_site: Path, lang: str) -> None:
    page = (built_site / LANGUAGES[lang] / "partnerships" / "index.html").read_text()
    assert f'<html lang="{lang}"' in page
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
    # the heading's text, without the permalink's pilcrow
    texts = [html.unescape(re.sub(r"<[^>]+>", "", h)).strip("\u00b6 \n") for h in headings]
    assert texts == [OVERVIEW_HEADING[lang]]


def test_sources_page_lists_all_five_seed_texts(built_site: Path) -> None:
    seeds = [source for source in HUB.all("source") if source.seed]
    assert len({source.seed for source in seeds}) == 5  # a seed may hold more than one source
    for prefix in LANGUAGES.values():
        overview = (built_site / prefix / "sources" / "index.html").read_text()
        for source in seeds:
            assert f"{source.id}.html" in overview


@pytest.mark.parametrize("lang", LANGUAGES)
def test_edit_link_opens_the_yaml_file(built_site: Path, lang: str) -> None:
    pages = entity_pages()
    assert len(pages) == HUB.count()
    for folder, entity_id in pages:
        page = (built_site / LANGUAGES[lang] / folder / f"{entity_id}.html").read_text()
        path = HUB.file_of({v: k for k, v in FOLDER_OF_KIND.items()}[folder], entity_id)
        # mkdocs.yml's repo_url, its branch, and the YAML file beside docs/ in data/
        assert f'href="{REPO_URL}/edit/main/data/{folder}/{path.name}"' in page


def test_no_resource_from_another_host(built_site: Path) -> None:
    """Scripts, styles, fonts and images all come from site/ itself. What scripts request is
    watched in a browser on one page per template and language (test_every_page): here, no page
    loads a script beyond the ones below, each of which that sweep runs."""
    offenders = []
    scripts: set[str] = set()
    pages = list(built_site.rglob("*.html"))
    # the readers' pages, and the web editor's (site/admin/, with scripts of its own)
    editor = [page for page in pages if page.relative_to(built_site).parts[0] == EDITOR_FOLDER]
    assert len(editor) == 1 and len(pages) - 1 == pages_in_all_languages()
    for page in pages:
        for tag, url in parse(page).resources:
            if re.match(r"^(https?:)?//", url):
                offenders.append(f"{page.relative_to(built_site)}: <{tag} {url}>")
            if tag == "script" and page not in editor:
                scripts.add(re.sub(r"\.[0-9a-f]{8}\.min\.js$", ".min.js", url.rsplit("/", 1)[-1]))
    assert scripts == PAGE_SCRIPTS
    for stylesheet in built_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", stylesheet.read_text()):
            offenders.append(f"{stylesheet.relative_to(built_site)}: url({url})")
    assert not offenders, offenders[:10]


# One or more key figures of each seed text, as each language writes them, and the page they
# belong on. The figures come from ../shared/seeds/ (see data/sources/*.yml for which is which).
KEY_FIGURES = {
    "000 Holbæk": (
        "partnerships/holbaek-home-start",
        {
            "da": ["500.000 kr.", "15. april 2024"],
            "en": ["DKK 500,000", "15 April 2024"],
            "nb": ["500 000 danske kr.", "15. april 2024"],
        },
    ),
    "001 HOME-START København": (
        "organisations/home-start-kobenhavn",
        {
            "da": ["700.000 kr.", "ca. 15.000 kr.", "ca. 35"],
            "en": ["DKK 700,000", "about DKK 15,000", "about 35"],
            "nb": ["700 000 danske kr.", "ca. 15 000 danske kr.", "ca. 35"],
        },
    ),
    "001 HOME-START Denmark": (
        "organisations/home-start-familiekontakt",
        {
            "da": ["næsten 450", "næsten 1.000"],
            "en": ["almost 450", "almost 1,000"],
            "nb": ["nesten 450", "nesten 1 000"],
        },
    ),
    "002 small-children clubs": (
        "models/small-children-club",
        {
            "da": ["Red Barnet", "12 uger"],
            "en": ["Red Barnet", "12 weeks"],
            "nb": ["Red Barnet", "12 uker"],
        },
    ),
    "003 Esbjerg": (
        "cases/familiens-hus-esbjerg",
        {
            "da": ["ca. 20", "under 22", "under 26", "Vibeke Stage"],
            "en": ["about 20", "under 22", "under 26", "Vibeke Stage"],
            "nb": ["ca. 20", "under 22", "under 26", "Vibeke Stage"],
        },
    ),
    "004 HSF Norway": (
        "requirement_sets/hsfn-new-branch",
        {
            "da": ["mindst 50 %", "3 år"],
            "en": ["at least 50%", "3 years"],
            "nb": ["minst 50 %", "3 år"],
        },
    ),
}


@pytest.mark.parametrize("seed", KEY_FIGURES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_key_figures_of_every_seed_are_on_their_page(
    built_site: Path, seed: str, lang: str
) -> None:
    page, figures = KEY_FIGURES[seed]
    source = (built_site / LANGUAGES[lang] / f"{page}.html").read_text()
    # the page's own text: not its menu, scripts or footer, where a short figure may stand too
    article = source[source.index("<article") : source.index("</article>")]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())
    text = text.replace("\u00a0", " ")
    for figure in figures[lang]:
        # a whole figure: "12 uger" is not found in "112 uger", nor "ca. 20" in "ca. 200"
        found = re.search(rf"(?<![\w.,]){re.escape(figure)}(?![\w]|[.,]\d)", text)
        assert found, f"{figure!r} missing on /{LANGUAGES[lang]}{page}.html"


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        (lang, title)
        for lang, title in (
            ("da", "Tilgængelighedserklæring"),
            ("en", "Accessibility statement"),
            ("nb", "Tilgjengelighetserklæring"),
        )
        if lang in LANGUAGES  # the languages the site is built in
    ],
)
def test_every_page_links_the_accessibility_statement(
    built_site: Path, lang: str, title: str
) -> None:
    statement = (built_site / LANGUAGES[lang] / "accessibility.html").resolve()
    root = built_site / LANGUAGES[lang]
    pages = [
        page
        for page in root.rglob("*.html")
        if not set(page.relative_to(root).parts) & {*LANGUAGES, "pdf", EDITOR_FOLDER}
        and page.name != "404.html"
    ]
    assert (root / "index.html") in pages and (root / "about.html") in pages
    for page in pages:
        links = {
            (page.parent / url).resolve()
            for tag, _, url in parse(page).urls
            if tag == "a" and url.endswith("accessibility.html")
        }
        assert statement in links, f"{page} has no link to {statement}"
        assert f">{title}</a>" in page.read_text()


# issue 21: the site's real addresses and what each page's <head> says
SITE_URL = str(HUB.site.site_url)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_LINK = "{http://www.w3.org/1999/xhtml}link"
# schema.org's type for each page kind (familyhub/site/head.py); the overviews are datasets
EXPECTED_TYPES = {
    "guides": "HowTo",
    "partnerships": "Project",
    "models": "Service",
    "requirement_sets": "WebPage",
    "cases": "Article",
    "evaluations": "Report",
    "organisations": "Organization",
    "municipalities": "GovernmentOrganization",
    "sources": "CreativeWork",
}


def address_of(site: Path, page: Path) -> str:
    return SITE_URL + page.relative_to(site).as_posix()


def test_sitemap_lists_the_absolute_address_of_every_page_and_its_languages(
    built_site: Path,
) -> None:
    urls = ElementTree.parse(built_site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    pages = {
        address_of(built_site, page)
        for lang in LANGUAGES
        for page in language_pages(built_site, lang)
        if page.name != "404.html"  # no one's to find: they say noindex
    }
    listed = [url.findtext(f"{SITEMAP}loc") for url in urls]
    assert len(listed) == len(set(listed)) == len(pages) > 1000
    assert set(listed) == pages
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.iter(XHTML_LINK)}
        assert set(alternates) == set(LANGUAGES), url.findtext(f"{SITEMAP}loc")
        assert set(alternates.values()) <= pages
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots


class HeadCollector(HTMLParser):
    """A page's <head>: canonical, hreflang alternates, meta by name or property, JSON-LD."""

    def __init__(self) -> None:
        super().__init__()
        self.canonical: list[str] = []
        self.alternates: dict[str, str] = {}
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "link" and attributes.get("rel") == "canonical":
            self.canonical.append(attributes["href"])
        if tag == "link" and attributes.get("rel") == "alternate" and "hreflang" in attributes:
            self.alternates[attributes["hreflang"]] = attributes["href"]
        key = attributes.get("name") or attributes.get("property")
        if tag == "meta" and key:
            self.meta.setdefault(key, []).append(attributes.get("content", ""))
        self._in_json_ld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_json_ld = False


def head_of(page: Path) -> HeadCollector:
    collector = HeadCollector()
    text = page.read_text(encoding="utf-8")
    collector.feed(text[: text.index("</head>")])
    return collector


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_names_its_address_its_languages_and_its_own_description(
    built_site: Path, lang: str
) -> None:
    descriptions: dict[str, list[Path]] = {}
    pages = [page for page in language_pages(built_site, lang) if page.name != "404.html"]
    for page in pages:
        head = head_of(page)
        address = address_of(built_site, page)
        assert head.canonical == [address], page
        assert head.meta["og:url"] == [address], page
        # the language versions are in sitemap.xml, not in <head>: Material's script fetches
        # sitemap.xml beside each <link rel=alternate>, from the published host (main.html)
        assert head.alternates == {}, page
        [description] = head.meta["description"]
        assert head.meta["og:description"] == [description], page
        assert head.meta["og:title"][0] and head.meta["og:locale"], page
        assert 20 < len(description) <= 160, page
        descriptions.setdefault(description, []).append(page)
    # each page its own description: the few shared are pages of one entity's name and summary
    shared = {text: found for text, found in descriptions.items() if len(found) > 1}
    assert len(descriptions) > 0.97 * len(pages), list(shared.items())[:3]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_entity_pages_describe_themselves_from_their_data(built_site: Path, lang: str) -> None:
    for folder, entity_id in entity_pages():
        page = built_site / LANGUAGES[lang] / folder / f"{entity_id}.html"
        kind = {v: k for k, v in FOLDER_OF_KIND.items()}[folder]
        expected = entity_description(HUB.get(kind, entity_id), lang)
        if expected:  # a municipality may have no description: its page's first paragraph
            assert head_of(page).meta["description"] == [expected], page


def local_schema_org(url: str, options: object = None) -> dict[str, object]:
    """schema.org's context, offline: its terms are schema.org's (no request to another host)."""
    assert url.rstrip("/") == "https://schema.org", f"JSON-LD asks for {url}"
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": "https://schema.org/"}},
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_schema_org_data_that_a_json_ld_processor_reads(
    built_site: Path, lang: str
) -> None:
    schema = "https://schema.org/"
    root = built_site / LANGUAGES[lang]
    pages = [page for page in language_pages(built_site, lang) if page.name != "404.html"]
    for page in pages:
        head = head_of(page)
        assert len(head.json_ld) == 1, page
        data = json.loads(head.json_ld[0])
        [expanded] = jsonld.expand(data, {"documentLoader": local_schema_org})
        assert expanded[f"{schema}url"] == [{"@value": address_of(built_site, page)}], page
        assert expanded[f"{schema}name"][0]["@value"], page
        assert jsonld.to_rdf(
            data, {"documentLoader": local_schema_org, "format": "application/n-quads"}
        )
        parts = page.relative_to(root).parts
        if len(parts) == 1:
            expected = "WebSite" if parts[0] == "index.html" else "WebPage"
        elif parts[1] == "index.html":  # an overview with its downloads
            expected = "Dataset" if ".csv" in page.read_text(encoding="utf-8") else "WebPage"
        elif parts[1] == "plan.html":
            expected = "WebPage"
        else:
            expected = EXPECTED_TYPES[parts[0]]
        assert expanded["@type"] == [schema + expected], page
        if expected == "Dataset":
            downloads = expanded[f"{schema}distribution"]
            assert {d["@type"][0] for d in downloads} == {schema + "DataDownload"}, page
            for download in downloads:
                address = download[f"{schema}contentUrl"][0]["@value"]
                assert (built_site / address.removeprefix(SITE_URL)).is_file(), address
        if expected == "Project":
            members = expanded[f"{schema}member"]
            assert len(members) >= 2, page
            for member in members:
                address = member[f"{schema}url"][0]["@value"]
                assert (built_site / address.removeprefix(SITE_URL)).is_file(), address
        if expected == "HowTo":
            assert len(expanded[f"{schema}step"]) >= 3, page
