"""The `familyhub` command: one entry point for every data and site chore."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from familyhub import scale_cli
from familyhub.guide_cli import add_guide_command
from familyhub.i18n import MissingLabel
from familyhub.load import DataError, Hub, data_dir_from_env, load_hub
from familyhub.new import add_new_command
from familyhub.review import add_review_command
from familyhub.schema import add_schema_command

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def _load_or_report(data_dir: Path) -> Hub | None:
    try:
        return load_hub(data_dir)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {data_dir}", file=sys.stderr)
        return None


def cmd_check(args: argparse.Namespace) -> int:
    hub = _load_or_report(args.data)
    if hub is None:
        return EXIT_DATA
    counts = ", ".join(f"{len(by_id)} {kind}" for kind, by_id in hub.entities.items())
    print(f"ok: {hub.count()} entities in {args.data} ({counts})")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="familyhub", description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=None, help="data folder (default: $FAMILYHUB_DATA or ./data)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every file in the data folder")
    check.set_defaults(func=cmd_check)
    add_guide_command(commands)
    scale_cli.register(commands)
    add_schema_command(commands)
    add_new_command(commands)
    add_review_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.data = args.data or data_dir_from_env()
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except MissingLabel as error:
        print(f"familyhub: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
