"""`make serve` as an editor's preview: after a save, only what the save changed is built again.

`make serve` runs `mkdocs serve --dirty`: MkDocs then builds only the pages whose Markdown is
newer than their HTML, and the generator (familyhub/pages/incremental.py) rewrites only the
Markdown of pages an edit of data/ changes. Everything else a page shows (the navigation, the
theme, the labels of data/site.yml, the hand-written pages) changes rarely, and any change to it
empties the site folder, so that the next build is a full one. A dirty build is therefore the
build a clean one would give, which is why MkDocs' warning about dirty builds is left out.

The search index and the downloads are made side by side after each build (Pagefind in its own
process, the downloads in Python). They take seconds at scale and are not what an editor waits
to see: a dirty build does not wait for them, the newest build's replacing any still waiting.

Stopping the preview (Ctrl+C, or a `kill` of its process) stops that work too: MkDocs' own
shutdown follows a kill as it follows Ctrl+C, and then Pagefind is stopped and waiting work
dropped, so nothing the preview started outlives it.
"""

from __future__ import annotations

import logging
import shutil
import signal
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from familyhub.pages.incremental import Fingerprint, fingerprint
from familyhub.site import children

log = logging.getLogger("mkdocs.familyhub")
# logged by mkdocs.commands.build at every dirty build; familyhub's dirty builds are complete
DIRTY_WARNING = "A 'dirty' build is being performed"


def building_another_language(config: Any) -> bool:
    """mkdocs-static-i18n builds every language but the first inside the first one's build
    (calling every hook again): a hook for the whole site acts when that build is not running."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def _interrupt(signum: int, _frame: object) -> None:
    """A kill ends the preview as Ctrl+C does: MkDocs' shutdown and on_shutdown then run."""
    raise KeyboardInterrupt(signal.Signals(signum).name)


class _WithoutDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


@dataclass
class Preview:
    dirty: bool = False
    serving: bool = False  # `mkdocs serve`, which builds no PDFs
    _layout: Fingerprint | None = None
    _failed: bool = False
    _stopping: bool = False
    _jobs: ThreadPoolExecutor | None = None
    _waiting: dict[str, Future[None]] = field(default_factory=dict)

    def start(self, dirty: bool, serving: bool = False) -> None:
        """MkDocs' on_startup: a process that builds dirty gets the preview's treatment."""
        self.dirty, self.serving = dirty, serving
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_WithoutDirtyWarning())
        if serving:
            for name in ("SIGTERM", "SIGHUP"):  # SIGHUP: its terminal window closed
                if hasattr(signal, name):
                    signal.signal(getattr(signal, name), _interrupt)

    def stop(self) -> None:
        """MkDocs' on_shutdown: drop the work not yet started and stop what runs (Pagefind;
        the downloads, being Python, end within seconds and write into a folder going away)."""
        self._stopping = True
        if self._jobs is not None:
            self._jobs.shutdown(wait=False, cancel_futures=True)
        children.stop_all()

    def prepare(self, site_dir: Path, layout: list[Path], force: bool = False) -> bool:
        """Before a dirty build: empty site_dir unless the build can stay dirty (only data/
        changed since the last build of this process, and that build succeeded). True if
        emptied."""
        if not self.dirty:
            return False
        was, self._layout = self._layout, fingerprint(*layout)
        failed, self._failed = self._failed, False
        if was == self._layout and not failed and not force:
            return False
        if site_dir.is_dir():
            for entry in site_dir.iterdir():
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
        return True

    def failed(self) -> None:
        """MkDocs' on_build_error: a failed build may have left some pages unbuilt."""
        self._failed = True

    def after_build(self, name: str, work: Callable[[], object]) -> None:
        """Start `work` beside the build's other work after the build (the search index is
        Pagefind's own process, the downloads are Python): a full build waits for it in
        finish(); a dirty build does not, and a newer build's replaces one not yet started."""
        if self._jobs is None:
            self._jobs = ThreadPoolExecutor(max_workers=2, thread_name_prefix="familyhub")
        waiting = self._waiting.get(name)
        if waiting is not None:
            waiting.cancel()
        self._waiting[name] = self._jobs.submit(self._run, name, work)

    def finish(self) -> None:
        """The end of a build: unless it is dirty, wait for its work and raise its first error."""
        if self.dirty:
            return
        jobs, self._waiting = list(self._waiting.values()), {}
        for job in jobs:
            job.result()

    def _run(self, name: str, work: Callable[[], object]) -> None:
        if not self.dirty:
            work()
            log.info("familyhub: %s made", name)  # make site's progress
            return
        try:
            work()
        except Exception as error:  # a preview goes on; the next build tries again
            if self._stopping:
                return
            log.error("familyhub: %s failed: %s", name, error)
        else:
            log.info("familyhub: %s updated", name)


# One per process: MkDocs loads the hooks afresh for every `serve` rebuild.
PREVIEW = Preview()
