"""What a page's <head> tells search engines and link previews: its own description and its
schema.org data (JSON-LD), made from the entity the page shows. scripts/addresses.py hands these
to overrides/main.html; the addresses themselves come from data/site.yml's site_url."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from familyhub.data.load import Hub
from familyhub.pages.render import display_name

DESCRIPTION_LENGTH = 160
# the entity's own words for what it is, by kind: the first field it has
DESCRIBING_FIELDS = ("summary", "description", "what_happened", "found")
# schema.org's type for the thing each kind's page is about; other kinds get a plain WebPage
SCHEMA_TYPES = {
    "partnership": "Project",
    "organisation": "Organization",
    "municipality": "GovernmentOrganization",
    "guide": "HowTo",
    "model": "Service",
    "case": "Article",
    "evaluation": "Report",
    "source": "CreativeWork",
}
DOWNLOAD_FORMATS = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# the address of an entity's page in the page's language, by kind and id
AddressOf = Callable[[str, str], str]
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*`]+")
_TAG = re.compile(r"<[^>]*>")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_DOWNLOAD = re.compile(r'href="([^"#?]+\.(?:csv|xlsx|json))"')


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """One line of plain text, cut at a word before `limit` characters with an ellipsis."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.\u2013-")
    return cut + "…"


def plain(markdown: str) -> str:
    """A data text's Markdown as the words a reader sees: links' text, no emphasis marks."""
    return _EMPHASIS.sub("", _LINK.sub(r"\1", markdown))


def entity_description(entity: Any, lang: str) -> str | None:
    for field in DESCRIBING_FIELDS:
        value = getattr(entity, field, None)
        if isinstance(value, dict) and value.get(lang):
            return shorten(plain(value[lang]))
    return None


def first_paragraph(content: str) -> str | None:
    """A hand-written or overview page's first paragraph, as text: its introduction."""
    for match in _PARAGRAPH.finditer(content):
        text = html.unescape(_TAG.sub("", match.group(1))).strip()
        if text:
            return shorten(text)
    return None


def json_ld(data: dict[str, Any]) -> str:
    """JSON for a <script> element: no '<', '>' or '&' of a data text can end the element.
    (MkDocs' templates print it as it is: they do not escape.)"""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character in "<>&":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return text


class PageData:
    """The schema.org description of one page in one language."""

    def __init__(self, hub: Hub, lang: str, address: str, description: str | None) -> None:
        self.hub = hub
        self.lang = lang
        self.address = address
        self.description = description

    def _base(self, schema_type: str, name: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": schema_type,
            "name": name,
            "url": self.address,
            "inLanguage": self.lang,
        }
        if self.description:
            data["description"] = self.description
        return data

    def web_page(self, name: str) -> dict[str, Any]:
        return self._base("WebPage", name)

    def web_site(self, name: str) -> dict[str, Any]:
        return self._base("WebSite", name)

    def entity(self, kind: str, entity: Any, address_of: AddressOf) -> dict[str, Any]:
        data = self._base(SCHEMA_TYPES.get(kind, "WebPage"), display_name(entity, self.lang))
        extra = getattr(self, f"_{kind}", None)
        if extra is not None:
            data.update(extra(entity, address_of))
        return data

    def dataset(self, name: str, content: str, publisher: dict[str, Any]) -> dict[str, Any]:
        """An overview: its rows as data, with the downloads its page links to (an overview
        without downloads is a plain page)."""
        downloads = sorted(set(_DOWNLOAD.findall(content)))
        if not downloads:
            return self.web_page(name)
        data = self._base("Dataset", name)
        data.update(publisher)
        data["distribution"] = [
            {
                "@type": "DataDownload",
                "contentUrl": urljoin(self.address, href),
                "encodingFormat": DOWNLOAD_FORMATS[href.rsplit(".", 1)[1]],
            }
            for href in downloads
        ]
        return data

    def _named(self, kind: str, entity_id: str, address_of: AddressOf) -> dict[str, Any]:
        entity = self.hub.get(kind, entity_id)
        schema_type = "GovernmentOrganization" if kind == "municipality" else "Organization"
        return {
            "@type": schema_type,
            "name": display_name(entity, self.lang),
            "url": address_of(kind, entity_id),
        }

    def _partnership(self, entity: Any, address_of: AddressOf) -> dict[str, Any]:
        members = [
            self._named(*_party(party), address_of)
            for party in entity.parties  # a party is an organisation or a municipality
        ]
        data: dict[str, Any] = {"member": members}
        if entity.municipality:
            data["areaServed"] = self._named("municipality", entity.municipality, address_of)
        if entity.start_year:
            data["foundingDate"] = str(entity.start_year)
        return data

    def _organisation(self, entity: Any, address_of: AddressOf) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if entity.website:
            data["sameAs"] = str(entity.website)
        if entity.founded:
            data["foundingDate"] = str(entity.founded)
        if entity.parent:
            data["parentOrganization"] = self._named("organisation", entity.parent, address_of)
        return data

    def _source(self, entity: Any, _: AddressOf) -> dict[str, Any]:
        data: dict[str, Any] = {"inLanguage": entity.language}  # the document's own language
        if entity.publisher:
            data["publisher"] = {"@type": "Organization", "name": entity.publisher}
        if entity.url:
            data["sameAs"] = str(entity.url)
        published = entity.published or entity.year
        if published:
            data["datePublished"] = str(published)
        return data

    def _case(self, entity: Any, _: AddressOf) -> dict[str, Any]:
        return {"headline": shorten(display_name(entity, self.lang), 110)}

    def _evaluation(self, entity: Any, _: AddressOf) -> dict[str, Any]:
        return {"dateCreated": str(entity.year)} if entity.year else {}


def with_steps(data: dict[str, Any], steps: list[tuple[str, str]]) -> dict[str, Any]:
    """A guide as a HowTo: each section of its page a step, (title, address)."""
    data["step"] = [{"@type": "HowToStep", "name": name, "url": url} for name, url in steps]
    return data


def _party(party: Any) -> tuple[str, str]:
    if party.organisation:
        return "organisation", party.organisation
    return "municipality", party.municipality
