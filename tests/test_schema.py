"""`familyhub schema`: the committed JSON Schemas are current, and agree with the loader.

Editors see the schema's verdict in VS Code; `familyhub check` gives the loader's. Both must say
the same about every real file and about the seeded broken ones of tests/test_fuzz.py.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from pydantic import ValidationError

from familyhub.cli.main import main
from familyhub.data.kinds import KINDS
from familyhub.data.schema import all_schemas
from familyhub.data.site_config import SiteConfig
from familyhub.data.yaml_lines import YamlLoader as _Loader

from .conftest import LANGUAGE_CODES, ROOT
from .test_fuzz import MUTATIONS, SEED

SCHEMAS = ROOT / "schemas"
LANGUAGES = LANGUAGE_CODES
# the mutations that break one file on its own; the rest (duplicate ids, dangling references,
# folders) span files, which a per-file schema cannot see and `familyhub check` reports
ONE_FILE_MUTATIONS = [
    "wrong-type",
    "missing-field",
    "missing-translation",
    "unknown-field",
    "negative-number",
    "impossible-date",
    "huge-string",
    "odd-unicode",
]
CASES = 400


def validator(folder: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{folder}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def parse(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def test_committed_schemas_are_current(tmp_path: Path, capsys) -> None:
    code = main(["--data", str(ROOT / "data"), "schema", "-o", str(tmp_path)])
    assert code == 0, capsys.readouterr().err
    written = {path.name: path.read_text(encoding="utf-8") for path in tmp_path.iterdir()}
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMAS.iterdir()}
    assert written == committed, "run `.venv/bin/familyhub schema` and commit schemas/"


def test_schemas_are_valid_json_schema() -> None:
    for path in SCHEMAS.glob("*.schema.json"):
        Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_vscode_maps_every_data_folder_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {glob: schema for schema, globs in settings["yaml.schemas"].items() for glob in globs}
    expected = {f"data/{folder}/*.yml": f"./schemas/{folder}.schema.json" for folder in KINDS}
    expected["data/site.yml"] = "./schemas/site.schema.json"
    expected["data/terms.yml"] = "./schemas/terms.schema.json"
    assert mapped == expected
    for schema in mapped.values():
        assert (ROOT / schema).is_file()


@pytest.mark.parametrize("folder", sorted(KINDS))
def test_every_real_data_file_validates(folder: str) -> None:
    check = validator(folder)
    files = sorted((ROOT / "data" / folder).glob("*.yml"))
    assert files
    for path in files:
        errors = [error.message for error in check.iter_errors(parse(path))]
        assert errors == [], f"{path}: {errors}"


def test_site_config_validates() -> None:
    errors = list(validator("site").iter_errors(parse(ROOT / "data" / "site.yml")))
    assert errors == []


def test_text_requires_every_configured_language() -> None:
    partnership = all_schemas(["da", "en", "nb"])["partnerships"]
    assert partnership["properties"]["summary"]["required"] == ["da", "en", "nb"]
    check = validator("partnerships")
    document = parse(ROOT / "data" / "partnerships" / "holbaek-home-start.yml")
    for broken in ({"da": "kun dansk"}, {"da": "x", "en": "  "}, {"da": "x", "en": "y", "sv": "z"}):
        assert not check.is_valid({**document, "summary": broken}), broken


def test_schema_and_loader_agree_on_broken_files(tmp_path: Path) -> None:
    """Seeded mutations of real files: the schema rejects exactly what the models reject."""
    rng = random.Random(SEED)
    files = sorted((ROOT / "data").glob("*/*.yml"))
    validators = {folder: validator(folder) for folder in KINDS}
    context = {"languages": LANGUAGES}
    compared, disagreements = 0, []
    for case in range(CASES):
        original = rng.choice(files)
        folder = original.parent.name
        target = tmp_path / f"{case}-{original.name}"
        shutil.copy(original, target)
        name = rng.choice(ONE_FILE_MUTATIONS)
        MUTATIONS[name](target, rng)
        try:
            document = parse(target)
        except (UnicodeDecodeError, yaml.YAMLError):
            continue  # not YAML at all: the editor's YAML parser says so before any schema
        _, model = KINDS[folder]
        try:
            model.model_validate(document, context=context)
            model_ok = True
        except ValidationError:
            model_ok = False
        schema_ok = validators[folder].is_valid(document)
        compared += 1
        if model_ok or schema_ok != model_ok:
            disagreements.append(f"{name} on {original.name}: model {model_ok}, schema {schema_ok}")
    assert compared > CASES // 2
    # every mutation breaks the file, so the models reject each one, and the schema with them
    assert disagreements == []


def test_site_schema_rejects_what_the_site_model_rejects() -> None:
    document = parse(ROOT / "data" / "site.yml")
    broken = {**document, "languages": []}
    with pytest.raises(ValidationError):
        SiteConfig.model_validate(broken)
    assert not validator("site").is_valid(broken)


def test_bad_data_folder_is_a_message_not_a_traceback(tmp_path: Path, capsys) -> None:
    code = main(["--data", str(tmp_path / "nowhere"), "schema", "-o", str(tmp_path / "out")])
    assert code == 1
    err = capsys.readouterr().err
    assert "site.yml" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
