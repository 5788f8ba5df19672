"""The web editor's configuration (issue 24): made from the schema, fresh in the build, and able to
show and write back every curated file without loss, in the order the hub writes its keys."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from familyhub.cli.main import main as familyhub
from familyhub.data.editor import backend_of, config_text, editor_config, key_order
from familyhub.data.kinds import KINDS
from familyhub.data.load import load_site_config
from familyhub.data.yaml_lines import YamlLoader
from familyhub.site.editor import CONFIG_FILE, KEY_ORDER_FILE

from .conftest import EDITOR_FOLDER, ROOT

DATA = ROOT / "data"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
Field = dict[str, Any]


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    return editor_config(load_site_config(DATA), backend_of(ROOT / "mkdocs.yml"))


def curated_files() -> Iterator[tuple[str, Path]]:
    for folder in KINDS:
        for path in sorted((DATA / folder).glob("*.yml")):
            yield folder, path


def collection(config: dict[str, Any], folder: str) -> dict[str, Any]:
    found: dict[str, Any] = next(item for item in config["collections"] if item["name"] == folder)
    return found


def problems(value: Any, fields: list[Field], where: str) -> Iterator[str]:
    """What the form could not show or would write differently: a key that is no field, a value
    its widget cannot hold, keys in another order than the form's."""
    if not isinstance(value, dict):
        yield f"{where}: an object expected, not {value!r}"
        return
    by_name = {field["name"]: field for field in fields}
    unknown = [key for key in value if key not in by_name]
    if unknown:
        yield f"{where}: {unknown} are no fields of the form"
    order = [name for name in by_name if name in value]
    if [key for key in value if key in by_name] != order:
        yield f"{where}: keys {list(value)} are not in the form's order {order}"
    for key, item in value.items():
        if key in by_name:
            yield from value_problems(item, by_name[key], f"{where}.{key}")


def value_problems(value: Any, field: Field, where: str) -> Iterator[str]:
    widget = field["widget"]
    if widget == "object" and isinstance(value, str) and field.get("one_language_in_file"):
        return  # a title or a value as its source gives it: kept in the file, not in the form
    if widget == "object":
        yield from problems(value, field["fields"], where)
    elif widget == "list":
        if not isinstance(value, list):
            yield f"{where}: a list expected"
            return
        for index, item in enumerate(value):
            if "fields" in field:
                yield from problems(item, field["fields"], f"{where}[{index}]")
            else:
                yield from value_problems(item, field["field"], f"{where}[{index}]")
    elif field.get("multiple"):
        if not isinstance(value, list):
            yield f"{where}: a list expected"
            return
        for item in value:
            yield from value_problems(item, {**field, "multiple": False}, where)
    elif not holds(field, value):
        yield f"{where}: the {widget} widget cannot hold {value!r}"


def holds(field: Field, value: Any) -> bool:
    widget = field["widget"]
    if widget == "select":
        return value in field["options"]
    if widget == "number":
        kinds = (int,) if field["value_type"] == "int" else (int, float)
        return isinstance(value, kinds) and not isinstance(value, bool)
    if widget == "datetime":
        return isinstance(value, str) and DATE.match(value) is not None
    if widget == "boolean":
        return isinstance(value, bool)
    if widget == "string" and "pattern" in field:
        return isinstance(value, str) and re.search(field["pattern"][0], value) is not None
    return isinstance(value, str)


def test_every_curated_file_is_held_by_its_collections_form(config: dict[str, Any]) -> None:
    found = []
    for folder, path in curated_files():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YamlLoader)
        fields = collection(config, folder)["fields"]
        found.extend(problems(data, fields, f"{folder}/{path.name}"))
    assert not found, "\n".join(found[:30])
    assert sum(1 for _ in curated_files()) > 400


def test_a_key_outside_the_form_or_out_of_order_is_found(config: dict[str, Any]) -> None:
    fields = collection(config, "municipalities")["fields"]
    good = {"id": "x", "name": "X", "country": "DK", "sources": ["s"]}
    good["last_reviewed"] = "2026-01-02"
    assert not list(problems(good, fields, "m"))
    assert list(problems({**good, "mayor": "Y"}, fields, "m"))
    assert list(problems({"name": "X", "id": "x"}, fields, "m"))
    assert list(problems({**good, "country": "FI"}, fields, "m"))


def test_the_form_has_a_widget_for_each_kind_of_field(config: dict[str, Any]) -> None:
    partnership = {field["name"]: field for field in collection(config, "partnerships")["fields"]}
    assert [field["name"] for field in partnership["name"]["fields"]] == ["da", "en", "nb"]
    assert partnership["name"]["required"] and partnership["name"]["fields"][0]["required"]
    assert not partnership["evaluation"]["required"]
    assert not partnership["evaluation"]["fields"][0]["required"]
    assert partnership["municipality"]["widget"] == "relation"
    assert partnership["municipality"]["collection"] == "municipalities"
    models = partnership["models"]
    assert models == {**models, "collection": "models", "multiple": True}
    assert partnership["status"]["options"] == ["active", "requested", "ended", "unknown"]
    funding = {field["name"]: field for field in partnership["funding"]["fields"]}
    assert funding["amount"] == {**funding["amount"], "widget": "number", "value_type": "int"}
    assert funding["source"]["collection"] == "sources"
    assert partnership["announced"]["widget"] == "datetime"
    assert partnership["last_reviewed"]["required"]
    names = [field["name"] for field in collection(config, "partnerships")["fields"]]
    assert names[0] == "id" and names[-2:] == ["sources", "last_reviewed"]
    assert [item["name"] for item in config["collections"]] == list(KINDS)


def test_familyhub_prints_the_configuration_the_build_writes(
    built_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = built_site / EDITOR_FOLDER
    assert familyhub(["--data", str(DATA), "editor-config"]) == 0
    printed = capsys.readouterr().out
    assert printed == (admin / CONFIG_FILE).read_text(encoding="utf-8")
    config = yaml.safe_load(printed)
    assert json.loads((admin / KEY_ORDER_FILE).read_text(encoding="utf-8")) == key_order(config)
    assert printed == config_text(config)
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert "../assets/javascripts/vendor/decap/decap-cms.js" in page
    assert (built_site / "assets" / "javascripts" / "vendor" / "decap" / "decap-cms.js").is_file()
    assert "admin/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
