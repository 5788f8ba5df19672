"""An unexpected error while making something from an entity, as a problem naming its file.

Validation (familyhub/data/load.py) should leave nothing for the pages, downloads and PDFs to
trip over; where something does, the editor still gets `file:line: field: message` and the
entity it came from, never a traceback, and a developer gets the error's own words.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from familyhub.data.problems import WHOLE_FILE, DataError, Problem, display

FAULT = "{what} could not be made ({error}): this is a fault in familyhub, not in your data;"
FAULT_ADVICE = " tell a developer, with this line"
# where the error belongs to a page of many entities (an overview), the folder is named
OVERVIEW = "(overview)"


def fault_message(what: str, error: BaseException) -> str:
    words = " ".join(str(error).split()) or "no message"
    return FAULT.format(what=what, error=f"{type(error).__name__}: {words}") + FAULT_ADVICE


@contextmanager
def working_on(
    what: str,
    path: Path,
    data_dir: Path,
    field: str = WHOLE_FILE,
    expected: tuple[type[Exception], ...] = (),
) -> Iterator[None]:
    """Turn any error inside the block into a DataError naming `path`, but a DataError and the
    `expected` errors, which carry their own message."""
    passed_on: tuple[type[Exception], ...] = (DataError, *expected)
    try:
        yield
    except Exception as error:
        if isinstance(error, passed_on):
            raise
        line = 1 if path.suffix else 0  # a folder (an overview's) has no lines
        problem = Problem(display(path, data_dir), line, field, fault_message(what, error))
        raise DataError([problem]) from error
