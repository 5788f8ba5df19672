"""`familyhub review [--months N]`: the entries nobody has checked for N months, oldest first."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from familyhub.data.load import Hub, load_hub
from familyhub.data.problems import DataError

EXIT_OK, EXIT_DATA = 0, 1
DEFAULT_MONTHS = 12
MAX_MONTHS = 1200


def add_review_command(commands: Any) -> None:
    """Register `familyhub review` on the subcommands of familyhub.cli.main's parser."""
    review = commands.add_parser(
        "review",
        help="list entries whose last_reviewed is older than --months, oldest first",
        description="List every data file whose last_reviewed date is more than --months months "
        "ago, oldest first. Prints nothing when none is due.",
    )
    review.add_argument(
        "--months",
        type=months,
        default=DEFAULT_MONTHS,
        help=f"how old a review may be (default: {DEFAULT_MONTHS})",
    )
    review.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="review as of this date, YYYY-MM-DD (default: today), e.g. to plan a review round",
    )
    review.set_defaults(func=cmd_review)


def months(text: str) -> int:
    """argparse type: a whole number of months; anything else is a usage error (exit 2)."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_MONTHS:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a number of months (a whole number from 0 to {MAX_MONTHS})"
        )
    return value


def cmd_review(args: argparse.Namespace) -> int:
    try:
        hub = load_hub(args.data)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_DATA
    today = args.today or dt.date.today()
    for reviewed, path in due(hub, cutoff(today, args.months)):
        print(f"{reviewed.isoformat()}  {path}")
    return EXIT_OK


def cutoff(today: dt.date, months_back: int) -> dt.date:
    """The same day `months_back` months earlier (the month's last day when it is shorter)."""
    month_index = today.year * 12 + today.month - 1 - months_back
    year, month = divmod(month_index, 12)
    for day in range(today.day, 0, -1):
        try:
            return dt.date(year, month + 1, day)
        except ValueError:
            continue
    raise AssertionError("every month has a first day")


def due(hub: Hub, before: dt.date) -> list[tuple[dt.date, str]]:
    """(last_reviewed, file) of entries reviewed before the cutoff, oldest first."""
    found = []
    for kind, by_id in hub.entities.items():
        for entity_id, entity in by_id.items():
            if entity.last_reviewed < before:
                path = hub.file_of(kind, entity_id).relative_to(hub.data_dir.parent)
                found.append((entity.last_reviewed, str(path)))
    return sorted(found)
