"""The downloads described for a data portal (issue 21): a Frictionless Data Package
(datapackage.json) with each file's columns and their types, the CSV dialect, licence, publisher,
version and date; and a DCAT-AP record of the dataset (dcat.jsonld, JSON-LD), the profile that
DCAT-AP-DK and DCAT-AP-NO extend, which a national portal harvests.

Both are made from the same tables the files are written from (files.py), so a column cannot be
described differently from how it is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from familyhub.data.load import Hub
from familyhub.i18n import Formatter
from familyhub.pages.download_columns import Cell, Column

PACKAGE = "datapackage.json"
DCAT = "dcat.jsonld"
# the comment row the CSV files start with (the licence line) is the first of two header rows
CSV_ENCODING = "utf-8-sig"
MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
# the EU's authority tables, which DCAT-AP asks for formats, languages and countries
EU = "http://publications.europa.eu/resource/authority"
EU_FORMATS = {"csv": "CSV", "xlsx": "XLSX", "json": "JSON"}
EU_LANGUAGES = {"da": "DAN", "en": "ENG", "nb": "NOB", "sv": "SWE"}
EU_COUNTRIES = {"DK": "DNK", "NO": "NOR", "SE": "SWE"}
IANA = "https://www.iana.org/assignments/media-types/"
WEB = ("http://", "https://")


@dataclass(frozen=True)
class Download:
    """One file of site/data/ as a portal should read it: a table (with its columns and cells,
    language and delimiter) or the register as JSON (columns empty)."""

    path: str
    title: str
    language: str | None = None
    columns: tuple[Column, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()
    delimiter: str = ","
    decimal: str = "."

    @property
    def extension(self) -> str:
        return self.path.rsplit(".", 1)[1]


def field_type(column: Column, cells: list[Cell], extension: str) -> dict[str, Any]:
    """A Table Schema type from what the column really holds: a count is an integer; a date
    column that also holds bare years (a source published "2019") is text in a CSV and of any
    type in a spreadsheet (which keeps each cell's own); a page address is a URI when the build
    knows the site's address, else a path."""
    present = [cell for cell in cells if cell is not None]
    if column.kind == "url" and present and all(str(c).startswith(WEB) for c in present):
        return {"type": "string", "format": "uri"}
    if not present or all(isinstance(c, str) for c in present):
        return {"type": "string"}
    if all(isinstance(c, dt.date) for c in present):
        return {"type": "date"}
    if all(isinstance(c, int) for c in present):
        return {"type": "integer"}
    if all(isinstance(c, int | float) for c in present):
        return {"type": "number"}
    return {"type": "string" if extension == "csv" else "any"}


def _fields(download: Download) -> list[dict[str, Any]]:
    fields = []
    for index, (column, name) in enumerate(zip(download.columns, download.header, strict=True)):
        cells = [row[index] for row in download.rows]
        typed = field_type(column, cells, download.extension)
        if typed["type"] == "number" and download.extension == "csv":
            typed["decimalChar"] = download.decimal
        fields.append({"name": name, **typed})
    return fields


def _resource(download: Download) -> dict[str, Any]:
    name, extension = download.path.rsplit(".", 1)
    resource: dict[str, Any] = {
        "name": f"{name}-{extension}".lower(),
        "path": download.path,
        "title": download.title,
        "format": extension,
        "mediatype": MEDIA_TYPES[extension],
    }
    if download.language:
        resource["languages"] = [download.language]
    if extension == "csv":
        resource["encoding"] = CSV_ENCODING
        resource["dialect"] = {"delimiter": download.delimiter, "headerRows": [2]}
    if download.columns:
        resource["schema"] = {"fields": _fields(download)}
    else:
        # frictionless reads a resource of type json as a document, not as a table
        resource["type"] = "json"
    return resource


@dataclass(frozen=True)
class Metadata:
    """What describes the whole dataset: the site's words in the default language (the package)
    or every language (DCAT), its publisher and licence, version and date."""

    hub: Hub
    site_url: str
    version: str
    day: dt.date

    def fmt(self, code: str | None = None) -> Formatter:
        return Formatter(self.hub.site.language(code or self.hub.site.default_language))

    def address(self, path: str) -> str:
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else path


def data_package(downloads: list[Download], meta: Metadata) -> dict[str, Any]:
    """datapackage.json, in the site's default language."""
    fmt = meta.fmt()
    publisher = fmt.language.publisher
    package: dict[str, Any] = {
        "profile": "data-package",
        "name": "familyhub",
        "title": fmt.label("dl-dataset-title"),
        "description": fmt.label("dl-dataset-description"),
        "version": meta.version,
        "created": f"{meta.day.isoformat()}T00:00:00Z",
        "languages": meta.hub.site.codes,
        "contributors": [
            {
                "title": publisher.name or "familyhub",
                "role": "publisher",
                **({"email": publisher.contact} if _is_mail(publisher.contact) else {}),
            }
        ],
        "resources": [_resource(download) for download in downloads],
    }
    if publisher.licence:
        licence = {"title": publisher.licence}
        if publisher.licence_url:
            licence["path"] = str(publisher.licence_url)
        package["licenses"] = [licence]
    if meta.site_url:
        package["homepage"] = meta.site_url
    return package


def _is_mail(contact: str | None) -> bool:
    return bool(contact) and "@" in str(contact) and " " not in str(contact)


def _texts(meta: Metadata, key: str) -> list[dict[str, str]]:
    return [
        {"@value": meta.fmt(code).label(key), "@language": code} for code in meta.hub.site.codes
    ]


DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _distribution(
    download: Download, meta: Metadata, licence: dict[str, str] | None
) -> dict[str, Any]:
    url = {"@id": meta.address(f"data/{download.path}")}
    distribution: dict[str, Any] = {
        "@type": "dcat:Distribution",
        "dct:title": download.title,
        "dcat:accessURL": url,
        "dcat:downloadURL": url,
        "dcat:mediaType": {"@id": IANA + MEDIA_TYPES[download.extension]},
        "dct:format": {"@id": f"{EU}/file-type/{EU_FORMATS[download.extension]}"},
    }
    if download.language in EU_LANGUAGES:
        distribution["dct:language"] = {"@id": f"{EU}/language/{EU_LANGUAGES[download.language]}"}
    if licence:
        distribution["dct:license"] = licence
    if download.extension != "json":
        distribution["dct:conformsTo"] = {"@id": meta.address(f"data/{PACKAGE}")}
    return distribution


def dcat_record(downloads: list[Download], meta: Metadata) -> dict[str, Any]:
    """A DCAT-AP catalogue of one dataset, its title and description in every language, and
    each file as a distribution."""
    publisher = meta.fmt().language.publisher
    agent = {"@type": "foaf:Agent", "foaf:name": publisher.name or "familyhub"}
    licence = {"@id": str(publisher.licence_url)} if publisher.licence_url else None
    countries = sorted({m.country for m in meta.hub.all("municipality")})
    dataset: dict[str, Any] = {
        "@id": meta.address(f"data/{DCAT}#dataset"),
        "@type": "dcat:Dataset",
        "dct:title": _texts(meta, "dl-dataset-title"),
        "dct:description": _texts(meta, "dl-dataset-description"),
        "dct:publisher": agent,
        "dct:modified": {"@value": meta.day.isoformat(), "@type": "xsd:date"},
        "owl:versionInfo": meta.version,
        "dct:language": [
            {"@id": f"{EU}/language/{EU_LANGUAGES[code]}"}
            for code in meta.hub.site.codes
            if code in EU_LANGUAGES
        ],
        "dct:spatial": [
            {"@id": f"{EU}/country/{EU_COUNTRIES[code]}"}
            for code in countries
            if code in EU_COUNTRIES
        ],
        "dcat:distribution": [_distribution(d, meta, licence) for d in downloads],
    }
    if meta.site_url:
        dataset["dcat:landingPage"] = {"@id": meta.site_url}
    if _is_mail(publisher.contact):
        dataset["dcat:contactPoint"] = {
            "@type": "vcard:Organization",
            "vcard:fn": publisher.name or "familyhub",
            "vcard:hasEmail": {"@id": f"mailto:{publisher.contact}"},
        }
    return {
        "@context": DCAT_CONTEXT,
        "@id": meta.address(f"data/{DCAT}"),
        "@type": "dcat:Catalog",
        "dct:title": _texts(meta, "dl-dataset-title"),
        "dct:description": _texts(meta, "dl-dataset-description"),
        "dct:publisher": agent,
        **({"dct:license": licence} if licence else {}),
        "dcat:dataset": dataset,
    }
