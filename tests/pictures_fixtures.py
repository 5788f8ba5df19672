"""A copy of the project with more fundings than the real data has, so that every funding chart
has bars to draw (the real data has one amount a chart, which shows as a table alone)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from familyhub.site.build import build_site

from .conftest import copy_project

# a yearly amount for Holbæk beside its total, a total for København beside its yearly request;
# the long description-free periods and a requested status test the amounts' column
EXTRA_FUNDINGS = {
    "holbaek-home-start": {"amount": 250000, "per": "year", "start_year": 2024, "years": 3},
    "kobenhavn-home-start-request": {"amount": 1200000, "per": "total", "years": 2},
}


def add_fundings(data_dir: Path) -> None:
    for partnership_id, extra in EXTRA_FUNDINGS.items():
        path = data_dir / "partnerships" / f"{partnership_id}.yml"
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        first = document["funding"][0]
        funding = {
            "currency": "DKK",
            "description": first["description"],
            "source": first["source"],
            **extra,
        }
        document["funding"].append(funding)
        path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def funded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/ of a real `make site` (pages and PDFs) of the project with EXTRA_FUNDINGS."""
    project = copy_project(tmp_path_factory.mktemp("funded"))
    add_fundings(project / "data")
    with pytest.MonkeyPatch.context() as env:
        env.delenv("FAMILYHUB_DATA", raising=False)
        env.setenv("NO_MKDOCS_2_WARNING", "1")
        assert build_site(project / "site", project / "mkdocs.yml") == 0
    return project / "site"
