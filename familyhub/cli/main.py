"""The `familyhub` command: one entry point for every data and site chore."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from familyhub.cli import scale as scale_cli
from familyhub.cli.check import add_check_command
from familyhub.cli.guide import add_guide_command
from familyhub.data.editor import add_editor_command
from familyhub.data.load import data_dir_from_env
from familyhub.data.new import add_new_command
from familyhub.data.problems import DataError
from familyhub.data.review import add_review_command
from familyhub.data.schema import add_schema_command
from familyhub.i18n import MissingLabel

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="familyhub", description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=None, help="data folder (default: $FAMILYHUB_DATA or ./data)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    add_check_command(commands)
    add_guide_command(commands)
    scale_cli.register(commands)
    add_schema_command(commands)
    add_new_command(commands)
    add_review_command(commands)
    add_editor_command(commands)
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
