"""`familyhub new <kind> <id>`: a skeleton file in data/ with every language's fields as TODOs.

`familyhub check` refuses a file while a TODO is left in it (familyhub.data.todo), so a half-filled
skeleton never reaches the site.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any, get_args

from jinja2 import Environment, PackageLoader, StrictUndefined

from familyhub.data.fields import SLUG_PATTERN
from familyhub.data.kinds import FOLDER_OF_KIND
from familyhub.data.load import load_site_config
from familyhub.data.models import CaseTheme
from familyhub.data.problems import DataError

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
MAX_ID_LENGTH = 80
# what editors type -> the kind's name in the models (a hyphen reads better on the command line)
KIND_NAMES = {kind.replace("_", "-"): kind for kind in FOLDER_OF_KIND}

_YAML = Environment(
    loader=PackageLoader("familyhub", "templates"),
    autoescape=False,  # noqa: S701 - writes YAML, not HTML; the only value inserted is a checked id
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)


def add_new_command(commands: Any) -> None:
    """Register `familyhub new` on the subcommands of familyhub.cli.main's parser."""
    new = commands.add_parser(
        "new",
        help="start a new data file: a skeleton with TODOs to fill in",
        description="Write data/<folder>/<id>.yml with every field to fill in marked TODO, "
        "in every language of data/site.yml. `familyhub check` fails until no TODO is left.",
    )
    new.add_argument("kind", choices=sorted(KIND_NAMES), help="what the file describes")
    new.add_argument("id", help="the new file's name without .yml, e.g. aarhus-home-start")
    new.set_defaults(func=cmd_new)


def cmd_new(args: argparse.Namespace) -> int:
    problem = id_problem(args.id)
    if problem:
        print(f"familyhub new: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        site = load_site_config(args.data)
    except DataError as error:
        for line in error.problems:
            print(line, file=sys.stderr)
        return EXIT_DATA
    kind = KIND_NAMES[args.kind]
    path = Path(args.data) / FOLDER_OF_KIND[kind] / f"{args.id}.yml"
    # named as `familyhub check` names files: from the data folder on, e.g. data/cases/x.yml
    shown = Path(Path(args.data).resolve().name) / FOLDER_OF_KIND[kind] / path.name
    if path.exists():
        print(f"familyhub new: {shown} already exists; choose another id", file=sys.stderr)
        return EXIT_USAGE
    text = skeleton(kind, args.id, site.codes, dt.date.today())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:
        file.write(text)
    print(f"wrote {shown}: replace every TODO, then run familyhub check")
    return EXIT_OK


def id_problem(entity_id: str) -> str | None:
    if re.fullmatch(SLUG_PATTERN, entity_id) and len(entity_id) <= MAX_ID_LENGTH:
        return None
    return (
        f"'{entity_id}' cannot be an id: use lowercase letters a-z, digits and single hyphens "
        f"(no spaces, no æ, ø, å), at most {MAX_ID_LENGTH} characters, e.g. aarhus-home-start"
    )


def skeleton(kind: str, entity_id: str, languages: list[str], today: dt.date) -> str:
    template = _YAML.get_template(f"new/{kind}.yml.j2")
    return template.render(
        id=entity_id, languages=languages, today=today.isoformat(), themes=get_args(CaseTheme)
    )
