"""`familyhub schema`: JSON Schema for every kind in data/, from the pydantic models.

Editors get completion and validation in VS Code's YAML extension (.vscode/settings.json maps
data/<folder>/*.yml to schemas/<folder>.schema.json). The models stay the one schema: these
files are generated, and a test fails when the committed ones are out of date.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from familyhub.data.fields import TRANSLATED_KEY
from familyhub.data.kinds import KINDS
from familyhub.data.load import load_site_config
from familyhub.data.problems import DataError
from familyhub.data.site_config import SiteConfig
from familyhub.data.terms import Terms

EXIT_OK, EXIT_DATA = 0, 1
DEFAULT_SCHEMA_DIR = Path("schemas")
SITE_SCHEMA = "site"
TERMS_SCHEMA = "terms"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
# pydantic leaves bounds on a union of int and float as its own keywords; JSON Schema's names
BOUNDS = {"ge": "minimum", "gt": "exclusiveMinimum", "le": "maximum", "lt": "exclusiveMaximum"}
# a text that is only spaces counts as missing (models._check_translations strips it)
NOT_BLANK = r"\S"


def add_schema_command(commands: Any) -> None:
    """Register `familyhub schema` on the subcommands of familyhub.cli.main's parser."""
    schema = commands.add_parser(
        "schema",
        help="write JSON Schema for every kind of data file (for editors such as VS Code)",
        description="Write one JSON Schema per folder of data/ (and one for site.yml) from the "
        "models. Text fields require every language listed in data/site.yml.",
    )
    schema.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help=f"folder to write into (default: {DEFAULT_SCHEMA_DIR} beside the data folder)",
    )
    schema.set_defaults(func=cmd_schema)


def cmd_schema(args: argparse.Namespace) -> int:
    try:
        site = load_site_config(args.data)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_DATA
    schemas = all_schemas(site.codes, site.preparing)
    args.output = args.output or Path(args.data).resolve().parent / DEFAULT_SCHEMA_DIR
    args.output.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas.items():
        path = args.output / schema_file_name(name)
        text = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    print(f"wrote {len(schemas)} schemas to {args.output}")
    return EXIT_OK


def schema_file_name(name: str) -> str:
    return f"{name}.schema.json"


def all_schemas(languages: list[str], preparing: Sequence[str] = ()) -> dict[str, dict[str, Any]]:
    """Schema by data folder name (and 'site' for site.yml, 'terms' for terms.yml)."""
    texts = Texts(languages, list(preparing))
    schemas = {
        folder: finished(model.model_json_schema(), texts, folder)
        for folder, (_, model) in KINDS.items()
    }
    schemas[SITE_SCHEMA] = finished(SiteConfig.model_json_schema(), texts, SITE_SCHEMA)
    schemas[TERMS_SCHEMA] = finished(Terms.model_json_schema(), texts, TERMS_SCHEMA)
    return schemas


@dataclass(frozen=True)
class Texts:
    """The languages every translated text must have, and those it may have (in preparation)."""

    required: list[str]
    optional: list[str]


def finished(schema: dict[str, Any], texts: Texts, name: str) -> dict[str, Any]:
    """pydantic's schema made standard, with every translated text requiring every language."""
    done: dict[str, Any] = {"$schema": DRAFT, **_rewrite(schema, texts)}
    done["$id"] = schema_file_name(name)
    return done


def _rewrite(node: Any, texts: Texts) -> Any:
    if isinstance(node, list):
        return [_rewrite(item, texts) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get(TRANSLATED_KEY):
        return _translated(node, texts)
    rewritten = {key: _rewrite(value, texts) for key, value in node.items()}
    bounds = {BOUNDS[key]: rewritten.pop(key) for key in list(rewritten) if key in BOUNDS}
    if bounds:
        for option in rewritten.get("anyOf", [rewritten]):
            if option.get("type") in ("integer", "number"):
                option.update(bounds)
    return rewritten


def _translated(node: dict[str, Any], texts: Texts) -> dict[str, Any]:
    body = {**node["additionalProperties"], "minLength": 1, "pattern": NOT_BLANK}
    text = {key: value for key, value in node.items() if key != TRANSLATED_KEY}
    text.update(
        {
            "properties": dict.fromkeys([*texts.required, *texts.optional], body),
            "required": list(texts.required),
            "additionalProperties": False,
        }
    )
    return text
