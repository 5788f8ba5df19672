"""The sub-commands' one way of loading data/: problems printed as `path:line: field: message`."""

from __future__ import annotations

import sys
from pathlib import Path

from familyhub.data.load import Hub, load_hub
from familyhub.data.problems import DataError


def load_or_report(data_dir: Path) -> Hub | None:
    """The validated hub, or None after printing every problem to stderr."""
    try:
        return load_hub(data_dir)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {data_dir}", file=sys.stderr)
        return None
