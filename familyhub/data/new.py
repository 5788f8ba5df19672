"""`familyhub new <kind> <id>`: a skeleton file in data/ with every language's fields as TODOs.

`familyhub check` refuses a file while a TODO is left in it (familyhub.data.todo), so a half-filled
skeleton never reaches the site. `new partnership` also takes the ids it names and starts what is
missing of them (familyhub/data/new_parties.py).
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
from familyhub.data.new_parties import NAMED_KINDS, TODO, Ask, plan_parties
from familyhub.data.problems import DataError
from familyhub.data.site_config import SiteConfig

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
    parties = new.add_argument_group(
        "new partnership",
        "the ids the partnership names, filled in for you; on a terminal, those not given are "
        "asked for, and one not in data/ gets its near matches and an offer to start its file",
    )
    for kind in NAMED_KINDS:
        parties.add_argument(f"--{kind}", metavar="ID", help=f"the {kind}'s id")
    parties.add_argument(
        "--create-missing",
        action="store_true",
        help="start a skeleton for each id given that is not in data/ yet, without asking",
    )
    parties.add_argument("--no-input", action="store_true", help="ask nothing, even on a terminal")
    new.set_defaults(func=cmd_new)


def cmd_new(args: argparse.Namespace) -> int:
    problem = id_problem(args.id)
    if problem:
        print(f"familyhub new: {problem}", file=sys.stderr)
        return EXIT_USAGE
    kind = KIND_NAMES[args.kind]
    given: dict[str, str | None] = {name: getattr(args, name, None) for name in NAMED_KINDS}
    if kind != "partnership" and (any(given.values()) or getattr(args, "create_missing", False)):
        print(
            "familyhub new: --municipality, --organisation, --source and --create-missing "
            "go with `familyhub new partnership`",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        site = load_site_config(args.data)
    except DataError as error:
        for line in error.problems:
            print(line, file=sys.stderr)
        return EXIT_DATA
    data_dir = Path(args.data)
    if _exists(data_dir, kind, args.id):
        return EXIT_USAGE
    if kind != "partnership":
        _write(data_dir, kind, args.id, site)
        return EXIT_OK
    ask = None if getattr(args, "no_input", False) or not sys.stdin.isatty() else _ask
    try:
        return _new_partnership(data_dir, args.id, site, given, args.create_missing, ask)
    except KeyboardInterrupt:
        print("\nfamilyhub new: stopped; nothing written", file=sys.stderr)
        return EXIT_DATA


def _new_partnership(
    data_dir: Path,
    entity_id: str,
    site: SiteConfig,
    given: dict[str, str | None],
    create_missing: bool,
    ask: Ask | None,
) -> int:
    plan = plan_parties(data_dir, given, create_missing, ask, id_problem)
    for problem in plan.problems:
        print(f"familyhub new: {problem}", file=sys.stderr)
    if plan.problems:
        print("familyhub new: nothing written", file=sys.stderr)
        return EXIT_DATA
    for kind, other_id in plan.create:
        _write(data_dir, kind, other_id, site)
    _write(data_dir, "partnership", entity_id, site, plan.ids)
    return EXIT_OK


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        return ""


def _shown(data_dir: Path, kind: str, entity_id: str) -> Path:
    """A file as `familyhub check` names it: from the data folder on, e.g. data/cases/x.yml."""
    return Path(data_dir.resolve().name) / FOLDER_OF_KIND[kind] / f"{entity_id}.yml"


def _exists(data_dir: Path, kind: str, entity_id: str) -> bool:
    if not (data_dir / FOLDER_OF_KIND[kind] / f"{entity_id}.yml").exists():
        return False
    shown = _shown(data_dir, kind, entity_id)
    print(f"familyhub new: {shown} already exists; choose another id", file=sys.stderr)
    return True


def _write(
    data_dir: Path, kind: str, entity_id: str, site: SiteConfig, ids: dict[str, str] | None = None
) -> None:
    path = data_dir / FOLDER_OF_KIND[kind] / f"{entity_id}.yml"
    text = skeleton(kind, entity_id, site.codes, dt.date.today(), ids)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:
        file.write(text)
    shown = _shown(data_dir, kind, entity_id)
    print(f"wrote {shown}: replace every TODO, then run familyhub check")


def id_problem(entity_id: str) -> str | None:
    if re.fullmatch(SLUG_PATTERN, entity_id) and len(entity_id) <= MAX_ID_LENGTH:
        return None
    return (
        f"'{entity_id}' cannot be an id: use lowercase letters a-z, digits and single hyphens "
        f"(no spaces, no æ, ø, å), at most {MAX_ID_LENGTH} characters, e.g. aarhus-home-start"
    )


def skeleton(
    kind: str,
    entity_id: str,
    languages: list[str],
    today: dt.date,
    ids: dict[str, str] | None = None,
) -> str:
    """The file `new` writes; `ids` (a partnership's municipality, organisation and source)
    stand where the skeleton would say TODO."""
    template = _YAML.get_template(f"new/{kind}.yml.j2")
    named = {**dict.fromkeys(NAMED_KINDS, TODO), **(ids or {})}
    return template.render(
        id=entity_id,
        languages=languages,
        today=today.isoformat(),
        themes=get_args(CaseTheme),
        named=named,
    )
