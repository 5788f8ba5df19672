"""Open data a portal can harvest (issue 21): datapackage.json beside the downloads describes
every file with its columns, licence, publisher, version and date, and the `frictionless`
library finds every CSV valid by it (unique column names, the `;` dialect declared); dcat.jsonld
is a DCAT-AP record of the dataset, read with a JSON-LD processor. On the session's full build."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from frictionless import Package
from pyld import jsonld

from familyhub.pages.citation import version

from .conftest import SITE_YML

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
def package(data: Path) -> Package:
    # frictionless opens only paths inside the package's folder ("safe" paths)
    return Package(str(data / "datapackage.json"))


def csv_rows(path: Path, delimiter: str) -> int:
    text = path.read_text(encoding="utf-8-sig")
    return len(list(csv.reader(io.StringIO(text), delimiter=delimiter)))


def files_described(package: Package) -> set[str]:
    return {str(resource.path) for resource in package.resources}


def test_the_package_describes_every_download_with_licence_publisher_version_and_date(
    package: Package, data: Path
) -> None:
    assert files_described(package) == {p.name for p in data.iterdir()} - DESCRIPTIONS
    assert package.metadata_errors == []
    assert package.licenses == [{"title": PUBLISHER["licence"], "path": PUBLISHER["licence_url"]}]
    assert [(c["title"], c["role"]) for c in package.contributors] == [
        (PUBLISHER["name"], "publisher")
    ]
    assert package.version == version()
    assert package.created and package.created[:4].isdigit()
    for resource in package.resources:
        if resource.format in ("csv", "xlsx"):
            names = [field.name for field in resource.schema.fields]
            assert len(names) == len(set(names)) >= 3, resource.path


def test_every_csv_and_the_default_language_spreadsheets_pass_frictionless(
    package: Package,
) -> None:
    checked = []
    for resource in package.resources:
        if resource.format == "csv" or (
            resource.format == "xlsx" and resource.languages == [SITE_YML["default_language"]]
        ):
            report = resource.validate()
            errors = [(e.type, e.note) for task in report.tasks for e in task.errors[:3]]
            assert report.valid, (resource.path, errors)
            # every row was read: the licence row and the header are the only rows before them
            if resource.format == "csv":
                path = Path(package.basepath or ".") / str(resource.path)
                rows = csv_rows(path, resource.dialect.to_descriptor()["delimiter"])
                assert report.tasks[0].stats["rows"] == rows - 2 >= 1, resource.path
            checked.append(resource.path)
    # 8 overviews in 3 languages as CSV, and the default language's spreadsheets
    assert len(checked) == 8 * 3 + 8


def test_the_declared_dialect_is_what_the_csv_needs(package: Package, data: Path) -> None:
    """The package's dialect is what makes the `;` files readable: the models' cells hold commas,
    and frictionless guesses the delimiter wrong without it (the audit's 'extra-cell')."""
    resource = next(r for r in package.resources if r.path == "models-da.csv")
    assert resource.dialect.to_descriptor()["delimiter"] == ";"
    described = resource.to_descriptor()
    del described["dialect"], described["schema"]
    guessed = Package({"resources": [described]}, basepath=str(data)).resources[0]
    assert not guessed.validate().valid


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
