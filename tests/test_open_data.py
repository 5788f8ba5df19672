"""Open data a portal can harvest (issue 21): datapackage.json beside the downloads describes
every file with its columns, licence, publisher, version and date, and the `frictionless`
library finds every CSV valid by it (unique column names, the `;` dialect declared); dcat.jsonld
is a DCAT-AP record of the dataset, read with a JSON-LD processor. On the session's full build."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from frictionless import Package
from pyld import jsonld

from familyhub.pages.citation import version

from .conftest import PREFIX, SITE_YML

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
DESCRIPTIONS = {"datapackage.json", "dcat.jsonld"}
PUBLISHER = next(
    language["publisher"]
    for language in SITE_YML["languages"]
    if language["code"] == SITE_YML["default_language"]
)


@pytest.fixture(scope="module")
def data(built_site: Path) -> Path:
    return built_site / "data"


@pytest.fixture(scope="module")
def descriptor(data: Path) -> dict[str, Any]:
    return json.loads((data / "datapackage.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def package(data: Path) -> Package:
    # frictionless opens only paths inside the package's folder ("safe" paths)
    return Package(str(data / "datapackage.json"))


def csv_rows(path: Path, delimiter: str) -> int:
    text = path.read_text(encoding="utf-8-sig")
    return len(list(csv.reader(io.StringIO(text), delimiter=delimiter)))


def files_described(package: Package) -> set[str]:
    return {str(resource.path) for resource in package.resources}


def test_the_package_describes_every_download_with_licence_publisher_version_and_date(
    package: Package, data: Path, descriptor: dict[str, Any]
) -> None:
    assert files_described(package) == {p.name for p in data.iterdir()} - DESCRIPTIONS
    report = Package.validate_descriptor(descriptor)
    assert report.valid, [error.note for error in report.errors]
    assert package.licenses == [{"title": PUBLISHER["licence"], "path": PUBLISHER["licence_url"]}]
    assert [(c["title"], c["role"]) for c in package.contributors] == [
        (PUBLISHER["name"], "publisher")
    ]
    assert package.version == version()
    assert package.created and package.created[:4].isdigit()
    for described in descriptor["resources"]:
        if described["format"] == "csv":
            # declared, not left to sniffing: ';' where the language writes decimal commas
            language = described["path"].removesuffix(".csv").rsplit("-", 1)[1]
            delimiter = ";" if language in ("da", "nb") else ","
            assert described["dialect"] == {"delimiter": delimiter, "headerRows": [2]}
    for resource in package.resources:
        if resource.format in ("csv", "xlsx"):
            names = [field.name for field in resource.schema.fields]
            assert len(names) == len(set(names)) >= 3, resource.path


def test_every_csv_and_the_default_language_spreadsheets_pass_frictionless(
    package: Package, descriptor: dict[str, Any]
) -> None:
    delimiters = {
        resource["path"]: resource["dialect"]["delimiter"]
        for resource in descriptor["resources"]
        if "dialect" in resource
    }
    checked = []
    for resource in package.resources:
        if resource.format == "csv" or (
            resource.format == "xlsx"
            and str(resource.path).endswith(f"-{SITE_YML['default_language']}.xlsx")
        ):
            report = resource.validate()
            errors = [(e.type, e.note) for task in report.tasks for e in task.errors[:3]]
            assert report.valid, (resource.path, errors)
            # every row was read: the licence row and the header are the only rows before them
            if resource.format == "csv":
                path = Path(package.basepath or ".") / str(resource.path)
                rows = csv_rows(path, delimiters[resource.path])
                assert report.tasks[0].stats["rows"] == rows - 2 >= 1, resource.path
            checked.append(resource.path)
    # 8 overviews in 3 languages as CSV, and the default language's spreadsheets
    assert len(checked) == 8 * 3 + 8


def expanded(data: Path) -> list[dict[str, Any]]:
    # the record's context is inline: nothing is fetched
    return jsonld.expand(json.loads((data / "dcat.jsonld").read_text(encoding="utf-8")))  # type: ignore[no-any-return]


def test_the_dcat_record_lists_every_file_with_its_address_format_and_licence(
    data: Path, package: Package
) -> None:
    catalogue = expanded(data)[0]
    assert catalogue["@type"] == [f"{DCAT}Catalog"]
    dataset = catalogue[f"{DCAT}dataset"][0]
    assert dataset["@type"] == [f"{DCAT}Dataset"]
    titles = {title["@language"] for title in dataset[f"{DCT}title"]}
    assert titles == {language["code"] for language in SITE_YML["languages"]}
    assert dataset[f"{DCT}publisher"][0][f"{FOAF}name"][0]["@value"] == PUBLISHER["name"]
    site = SITE_YML["site_url"].rstrip("/")
    distributions = dataset[f"{DCAT}distribution"]
    downloads = {d[f"{DCAT}downloadURL"][0]["@id"] for d in distributions}
    assert downloads == {f"{site}/data/{name}" for name in files_described(package)}
    for distribution in distributions:
        assert distribution[f"{DCAT}mediaType"][0]["@id"].startswith(
            "https://www.iana.org/assignments/media-types/"
        )
        assert distribution[f"{DCT}format"][0]["@id"].startswith(
            "http://publications.europa.eu/resource/authority/file-type/"
        )
        assert distribution[f"{DCT}license"][0]["@id"] == PUBLISHER["licence_url"]


@pytest.mark.parametrize("lang", PREFIX)
def test_the_about_page_links_both_descriptions(built_site: Path, lang: str) -> None:
    about = built_site / PREFIX[lang] / "about.html"
    links = re.findall(r'href="([^"]+)"', about.read_text(encoding="utf-8"))
    for name in sorted(DESCRIPTIONS):
        linked = [link for link in links if link.endswith(f"data/{name}")]
        assert len(linked) == 1, name
        assert (about.parent / linked[0]).resolve() == (built_site / "data" / name).resolve()
