"""What `familyhub check` reports: a problem as `path:line: field: message`, and the error that
carries all of them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The "field" of a problem that concerns the file as a whole (not YAML, empty, unreadable).
WHOLE_FILE = "(file)"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class DataError(Exception):
    """Raised with every problem found in data/; never partial results."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display(path: Path, data_dir: Path) -> str:
    try:
        return str(path.relative_to(data_dir.parent))
    except ValueError:
        return str(path)


def field_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or WHOLE_FILE
