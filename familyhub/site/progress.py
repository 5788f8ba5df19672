"""What `make site` says while it works: which step, and how far the PDFs are ("PDF 12/42").

The PDFs take minutes, and a build that says nothing looks frozen (walk-editor.md §2). On a
terminal a rich progress bar counts them; in a log (CI, a pipe) each PDF is a line of its own.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

# mkdocs-static-i18n's INFO lines, but the one that names each language's build
I18N_LOGGERS = ("plugin", "reconfigure", "folder", "suffix")
I18N_KEPT = "Building '"


class _OnlyEachLanguage(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # its logger puts "mkdocs_static_i18n: " before each message
        return record.levelno > logging.INFO or I18N_KEPT in str(record.msg)


def quiet_plugins() -> None:
    """mkdocs-static-i18n's INFO chatter (a dozen lines per build that read like problems to an
    editor) is left out; its warnings and errors, and the line per language, stay."""
    for name in I18N_LOGGERS:
        logging.getLogger(f"mkdocs.plugins.mkdocs_static_i18n.{name}").addFilter(
            _OnlyEachLanguage()
        )


def step(text: str, out: TextIO | None = None) -> None:
    print(f"make site: {text}", file=out or sys.stdout, flush=True)


class PdfProgress:
    """Counts the PDFs as familyhub.pdf.documents.build_pdfs reports them."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.total = self.done = 0
        self.unplanned = 0  # languages that have not yet said how many PDFs they make
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> PdfProgress:
        if self.out.isatty():
            self._bar = Progress(
                TextColumn("PDF {task.fields[count]}"),
                BarColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=Console(file=self.out),
            )
            self._bar.start()
            self._task = self._bar.add_task("", total=None, count="0")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()

    def languages(self, count: int) -> None:
        self.unplanned = count

    def planned(self, count: int) -> None:
        """One language's count: until every language has said, the total is a lower bound
        ("PDF 10/28+"), and the bar has none."""
        self.total += count
        self.unplanned = max(self.unplanned - 1, 0)
        if self._bar is not None and self._task is not None and not self.unplanned:
            self._bar.update(self._task, total=self.total)

    def made(self, target: str) -> None:
        self.done += 1
        count = f"{self.done}/{self.total}{'+' if self.unplanned else ''}"
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self.done, description=target, count=count)
        else:
            print(f"PDF {count}: {target}", file=self.out, flush=True)
