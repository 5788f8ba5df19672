"""The web editor's configuration (Decap CMS at /admin/, issue 24), made from the schema.

One collection per folder of data/, a widget per field (familyhub/data/editor_fields.py). The
build writes it to site/admin/config.yml (scripts/editor_hook.py); `familyhub editor-config`
prints the same text, and a test checks that the built one is fresh. Where the files are kept
(GitHub, GitLab, Gitea/Forgejo) is mkdocs.yml's `extra: editor: backend:` (README, "Editing in
the browser").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from familyhub.data.editor_fields import Kinds, Widget, model_fields
from familyhub.data.fields import TranslatedMarker
from familyhub.data.kinds import FOLDER_OF_KIND, KINDS
from familyhub.data.load import load_site_config
from familyhub.data.problems import DataError
from familyhub.data.site_config import SiteConfig

EXIT_OK, EXIT_DATA = 0, 1
ON_THIS_COMPUTER = "on_this_computer"
REVIEWED = "last_reviewed"
MKDOCS_FILE = "mkdocs.yml"
# Decap asks for a media folder; the hub's data has no pictures, so nothing is ever put there
MEDIA_FOLDER = "docs/assets/editor-uploads"
# the field a person picks a file by in a relation's list, where the kind has one
LABEL_FIELDS = ("name", "title")


def editor_config(
    site: SiteConfig, backend: dict[str, Any], data_folder: str = "data"
) -> dict[str, Any]:
    """Decap's config.yml as a dict: the backend, the editorial workflow and the collections."""
    kinds = Kinds(FOLDER_OF_KIND, site.codes)
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        # the files on this computer, through `make edit`'s decap-server, when opened on localhost
        "local_backend": True,
        # admin/editor-before.js picks this section on localhost: saving writes data/ at once
        ON_THIS_COMPUTER: {"publish_mode": "simple"},
        "locale": site.default_language,
        "media_folder": MEDIA_FOLDER,
        "collections": [
            _collection(folder, model, kinds, site.default_language, data_folder)
            for folder, (_, model) in KINDS.items()
        ],
    }


def _collection(
    folder: str, model: type[BaseModel], kinds: Kinds, language: str, data_folder: str
) -> dict[str, Any]:
    fields = model_fields(model, kinds)
    for field in fields:
        if field["name"] == REVIEWED:
            # a new file is reviewed today; admin/editor.js sets today at every save too
            field["default"] = "{{now}}"
    for field in _relations(fields):
        target = KINDS[field["collection"]][1]
        shown = _label_field(target, language)
        field["display_fields"] = ["id", shown] if shown else ["id"]
        field["search_fields"] = list(field["display_fields"])
    return {
        "name": folder,
        "label": folder.replace("_", " "),
        "folder": f"{data_folder}/{folder}",
        "extension": "yml",
        "format": "yml",
        "create": True,
        "delete": True,
        "identifier_field": "id",
        "slug": "{{id}}",
        "summary": "{{id}}",
        # no preview pane: the site's preview (make serve) shows the page; the form gets the width
        "editor": {"preview": False},
        "fields": fields,
    }


def _relations(fields: list[Widget]) -> list[Widget]:
    found = []
    for field in fields:
        if field.get("widget") == "relation":
            found.append(field)
        found.extend(_relations(field.get("fields", [])))
        if "field" in field:
            found.extend(_relations([field["field"]]))
    return found


def _label_field(model: type[BaseModel], language: str) -> str | None:
    for name in LABEL_FIELDS:
        info = model.model_fields.get(name)
        if info is None:
            continue
        translated = any(isinstance(item, TranslatedMarker) for item in info.metadata)
        return f"{name}.{language}" if translated else name
    return None


def key_order(config: dict[str, Any]) -> dict[str, Any]:
    """Each collection's field names as a tree, in the config's order. Decap sorts only a file's
    top-level keys by the form; admin/editor.js puts nested keys (a funding line's) in this
    order before saving, so a file edited in the browser keeps the order the hub writes."""
    return {
        collection["name"]: _order_of(collection["fields"]) for collection in config["collections"]
    }


def _order_of(fields: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        field["name"]: _order_of(field["fields"]) if "fields" in field else None for field in fields
    }


def config_text(config: dict[str, Any]) -> str:
    header = "# Made by `familyhub editor-config` from the schema (familyhub/data/models.py).\n"
    header += "# Do not edit: change the models or mkdocs.yml's extra: editor: instead.\n"
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)


def backend_of(mkdocs_file: Path) -> dict[str, Any]:
    """mkdocs.yml's `extra: editor: backend:` (its !!python tags are skipped, not run)."""
    loaded = yaml.load(mkdocs_file.read_text(encoding="utf-8"), Loader=_TagTolerantLoader)  # noqa: S506
    backend: dict[str, Any] = loaded["extra"]["editor"]["backend"]
    return backend


class _TagTolerantLoader(yaml.SafeLoader):
    """mkdocs.yml's !!python/... tags read as nothing."""


_TagTolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def add_editor_command(commands: Any) -> None:
    """Register `familyhub editor-config` on the subcommands of familyhub.cli.main's parser."""
    command = commands.add_parser(
        "editor-config",
        help="print the web editor's configuration (Decap CMS, /admin/config.yml)",
        description="Print the configuration of the web editor at /admin/, made from the "
        "schema: one collection per folder of data/, a form field per field.",
    )
    command.add_argument(
        "--mkdocs",
        type=Path,
        default=None,
        help=f"the {MKDOCS_FILE} whose extra: editor: backend: names the repository "
        f"(default: {MKDOCS_FILE} beside the data folder)",
    )
    command.set_defaults(func=cmd_editor_config)


def cmd_editor_config(args: argparse.Namespace) -> int:
    try:
        site = load_site_config(args.data)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_DATA
    mkdocs_file = args.mkdocs or Path(args.data).resolve().parent / MKDOCS_FILE
    sys.stdout.write(config_text(editor_config(site, backend_of(mkdocs_file))))
    return EXIT_OK
