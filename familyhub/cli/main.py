"""The `familyhub` command: one entry point for every data and site chore."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from familyhub.cli import scale as scale_cli
from familyhub.cli.guide import add_guide_command
from familyhub.cli.loading import load_or_report
from familyhub.data.address import release_address_problems
from familyhub.data.currency_words import currency_problems
from familyhub.data.load import SITE_CONFIG_FILE, data_dir_from_env
from familyhub.data.new import add_new_command
from familyhub.data.problems import DataError, display
from familyhub.data.release import publisher_problems
from familyhub.data.review import add_review_command
from familyhub.data.schema import add_schema_command
from familyhub.i18n import MissingLabel

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def cmd_check(args: argparse.Namespace) -> int:
    hub = load_or_report(args.data)
    if hub is None:
        return EXIT_DATA
    site_file = Path(args.data) / SITE_CONFIG_FILE
    shown = display(site_file, Path(args.data))
    owner = publisher_problems(hub.site, site_file, shown)
    owner += release_address_problems(hub.site, site_file, shown)
    for problem in owner:
        print(f"{problem}" if args.release else f"warning: {problem}", file=sys.stderr)
    if owner and args.release:
        print(
            "familyhub: a release must name its publisher and its address (data/site.yml)",
            file=sys.stderr,
        )
        return EXIT_DATA
    for problem in currency_problems(hub):  # issue 23: a warning, also on --release
        print(f"warning: {problem}", file=sys.stderr)
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
    check.add_argument(
        "--release",
        action="store_true",
        help="also refuse an example or missing publisher or site_url in data/site.yml"
        " (a plain check warns)",
    )
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
    except DataError as error:  # a page or a download that could not be made names its file
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
